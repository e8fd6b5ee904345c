/*
 * cmd-audit.c: `taizhang audit [--limit N] [--action PREFIX]`: the newest
 * rows of the audit trail, in Chinese, one a line, tab-separated like
 * `user list` and `token list`: the same words as the web application's
 * 审计日志 page (web/audit.h), without its links.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "cli/cli.h"
#include "core/deadline.h"
#include "core/org.h"
#include "store/store.h"
#include "web/audit.h"
#include "base/banned.h"

const char cmd_audit_usage[] = "taizhang audit [--limit 条数] [--action 操作]";
const char cmd_audit_help[] =
	"\n列出审计日志中最近的记录，新的在前：时间（北京时间）、用户、来源（命令行，或网页用户的地址）、\n"
	"操作、对象、原值、新值，以制表符分隔。每项修改——网页上的和命令行的（导入、调度期、组织机构、\n"
	"用户、API 令牌）——都在同一事务中记入审计日志。网页上的“审计日志”页显示同样的内容，可按用户、\n"
	"操作、对象和日期筛选。\n\n"
	"  --limit 条数    显示多少条（默认20，最多1000）\n"
	"  --action 操作   只列出这类操作：写中文名称中的词（如 导入、调度期、问题、用户），\n"
	"                  或按开头匹配操作代码：如 import.、period.、org.、user.、report.save\n";

#define usage cmd_audit_usage

/* What the rows name: projects and users by their codes and logins. */
struct names {
	struct tz_store *store;
	struct tz_audit_names_cache c;
};

static const char *project_name(void *ctx, const char *code)
{
	struct names *x = ctx;
	struct tz_project *rows;
	const char *name = NULL;
	size_t n;

	if (tz_audit_names_cache_find(&x->c, code, &name))
		return name;
	if (!tz_store_project_ledger(x->store, code, x->c.arena, &rows, &n, NULL) && n)
		name = rows[n - 1].name;
	return tz_audit_names_cache_keep(&x->c, code, name);
}

static const char *user_name(void *ctx, const char *login)
{
	struct names *x = ctx;
	const char *name;

	tz_audit_names_cache_user(&x->c, x->store, login, &name, NULL);
	return name;
}

/* One row: time, user, origin, action, object, old, new. */
static int print_row(const struct tz_audit_entry *e, const struct tz_audit_names *nm,
		     struct tz_buf *b)
{
	char at[TZ_CST_FMT_MAX];
	int rc;

	tz_buf_reset(b);
	if ((rc = tz_buf_addf(b, "%s\t", tz_cst_fmt(e->at, at))) ||
	    (rc = tz_audit_plain(b, *e->login ? e->login : "—")) ||
	    (rc = tz_buf_addch(b, '\t')) ||
	    (rc = tz_audit_plain(b, tz_audit_origin_label(e->origin))) ||
	    (rc = tz_buf_addch(b, '\t')) ||
	    (rc = tz_audit_plain(b, tz_audit_action_label(e->action))) ||
	    (rc = tz_buf_addch(b, '\t')) ||
	    (rc = tz_audit_object_text(b, e->object, nm)) ||
	    (rc = tz_buf_addch(b, '\t')))
		return rc;
	if (e->old_value && *e->old_value)
		rc = tz_audit_value_text(b, e->action, e->old_value, nm);
	else
		rc = tz_buf_adds(b, "—");
	if (rc || (rc = tz_buf_addch(b, '\t')))
		return rc;
	if (e->new_value && *e->new_value)
		rc = tz_audit_value_text(b, e->action, e->new_value, nm);
	else
		rc = tz_buf_adds(b, "—");
	if (!rc)
		printf("%s\n", b->buf);
	return rc;
}

/*
 * --action as the rows show it: a word of the Chinese labels ("导入"
 * finds 导入项目台账, 导入调度数据 and 导入组织机构) puts their keys in
 * `keys` (*n of them, at most 64). Returns 1 when `word` is ASCII (a key
 * prefix such as "import."), leaving *n 0.
 */
static int by_label(const char *word, const char *keys[64], size_t *n)
{
	const char *key, *label;
	int ascii = 1;

	*n = 0;
	for (const char *p = word; *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	if (ascii)
		return 1;
	for (size_t i = 0; i < tz_audit_action_count() && *n < 64; i++) {
		tz_audit_action_at(i, &key, &label);
		if (strstr(label, word))
			keys[(*n)++] = key;
	}
	return 0;
}

int cmd_audit(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "limit", required_argument, NULL, 'l' },
		{ "action", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_audit_query q = { 0 };
	const char *wanted[64];
	struct tz_audit_entry *e;
	struct tz_org_index *x = NULL;
	struct tz_arena *a = NULL;
	struct tz_buf line = TZ_BUF_INIT;
	struct tz_store *store;
	struct tz_err err;
	struct names nx;
	struct tz_audit_names nm;
	size_t n;
	long total;
	char *end;
	int c, rc;

	tz_err_clear(&err);
	q.all = 1;
	q.limit = 20;
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'l':
			q.limit = strtol(optarg, &end, 10);
			if (*end || end == optarg || q.limit < 1 || q.limit > 1000)
				return tz_cli_usage(usage, "--limit “%s”不对：应为1到1000之间的整数",
						    optarg);
			break;
		case 'a':
			if (by_label(optarg, wanted, &q.nactions))
				q.action = optarg;
			else if (!q.nactions)
				return tz_cli_usage(usage, "没有名称含“%s”的操作", optarg);
			q.actions = wanted;
			break;
		default:
			return tz_cli_bad_option(usage, c, argv);
		}
	}
	if (optind < argc)
		return tz_cli_usage(usage, "多余的参数“%s”", argv[optind]);
	if (tz_app_store(app, TZ_STORE_READ, &store, &err))
		return tz_cli_fail(&err);
	a = tz_arena_new();
	x = tz_org_index_new();
	if ((rc = tz_store_org_load(store, x, &err)) ||
	    (rc = tz_store_audit_list(store, &q, a, &e, &n, &total, &err)))
		goto out;
	memset(&nx, 0, sizeof(nx));
	nx.store = store;
	nx.c.arena = a;
	nm.org = x;
	nm.project = project_name;
	nm.user = user_name;
	nm.ctx = &nx;
	printf("时间\t用户\t来源\t操作\t对象\t原值\t新值\n");
	for (size_t i = 0; i < n && !rc; i++)
		if ((rc = print_row(&e[i], &nm, &line)))
			tz_err_set(&err, rc, "审计记录过长（第%zu条）", i + 1);
	if (!rc && (long)n < total)
		printf("共 %ld 条记录，显示最近 %zu 条\n", total, n);
	else if (!rc)
		printf("共 %ld 条记录\n", total);
out:
	tz_buf_release(&line);
	tz_org_index_free(x);
	tz_arena_free(a);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
