/*
 * cmd-period.c: `taizhang period open|close|deadline|list|rate|lights`:
 * the dispatch of a period from the command line, for a coordinator
 * without the web application (web.md "Periods, deadlines, on-time rate",
 * "Traffic lights"), and for scripts and tests. Opening, closing and
 * moving a deadline are written to the audit trail as made from "cli"
 * (by the user of --user, if given).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "cli/cli.h"
#include "core/deadline.h"
#include "core/money.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_period_usage[] =
	"taizhang period open YYYY-MM [--deadline 时间] | close YYYY-MM | deadline YYYY-MM 时间 |"
	" list | rate YYYY-MM | lights YYYY-MM [--list]  [--node 编码] [--user 用户编号]";
const char cmd_period_help[] =
	"\n调度期（按月）的开启、关闭和报送截止时间，以及按时报送率和亮灯。时间均为北京时间。\n\n"
	"  open YYYY-MM       开启调度期，填报员可以报送；默认报送截止为次月5日17:00，\n"
	"                     --deadline \"2026-01-06 12:00\" 另行指定；已关闭的调度期重新开启\n"
	"  close YYYY-MM      关闭调度期：填报员不能再修改，更正由调度管理员进行并留有记录\n"
	"  deadline YYYY-MM 时间   修改报送截止时间（迟报按修改后的时间认定）\n"
	"  list               列出各调度期及其状态\n"
	"  rate YYYY-MM       按时报送率和报送率：按地区、按部门排名，列出未报送项目\n"
	"  lights YYYY-MM     亮灯（红灯、黄灯、绿灯）按地区统计；--list 列出红灯、黄灯项目及原因\n\n"
	"  --node 编码        组织机构（默认为市）：县（市、区）可单独开启本地区的调度期\n"
	"  --user 编号        操作人的用户编号（记入操作记录和审计日志；默认0，表示系统）\n";

#define usage cmd_period_usage

struct opts {
	const char *node;
	const char *deadline;
	int64_t user;
	int list;
};

/* The node named by --node (NULL: the root) in x; NULL with err set. */
static const struct tz_org_node *find_node(const struct tz_org_index *x, const char *code,
					   struct tz_err *err)
{
	const struct tz_org_node *n = code ? tz_org_index_by_code(x, code) : tz_org_index_root(x);

	if (!n && code)
		n = tz_org_index_find(x, code, strlen(code), TZ_ORG_WANT_ANY);
	if (!n)
		tz_err_set(err, TZ_ENOTFOUND, code ? "组织机构“%s”不存在" : "尚未建立组织机构%s",
			   code ? code : "");
	return n;
}

/* `period list`'s state: the tree to name nodes, and how many were listed. */
struct dispatch_list {
	const struct tz_org_index *x;
	size_t n;
};

static int print_dispatch(void *ctx, const struct tz_dispatch *d)
{
	struct dispatch_list *dl = ctx;
	const struct tz_org_node *n = tz_org_index_by_id(dl->x, d->node_id);
	char pbuf[TZ_PERIOD_FMT_MAX], dbuf[TZ_CST_FMT_MAX], cbuf[TZ_CST_FMT_MAX];

	printf("%s  %s  %s  报送截止 %s", tz_period_fmt(d->period, pbuf), n ? n->name : "?",
	       tz_dispatch_state_name(d->state), tz_cst_fmt(d->deadline, dbuf));
	if (d->state == TZ_DISPATCH_CLOSED)
		printf("  关闭于 %s", tz_cst_fmt(d->closed_at, cbuf));
	printf("\n");
	dl->n++;
	return 0;
}

static void pct(int has, int32_t rate, char buf[TZ_RATE_FMT_MAX])
{
	if (has)
		tz_rate_fmt_pct(rate, 1, buf);
	else
		snprintf(buf, TZ_RATE_FMT_MAX, "—");
}

static void print_ranked(const char *title, size_t n,
			 const struct tz_ontime_node *(*at)(const struct tz_ontime *, size_t),
			 const struct tz_ontime *o)
{
	if (!n)
		return;
	printf("\n%s\n", title);
	for (size_t i = 0; i < n; i++) {
		const struct tz_ontime_node *r = at(o, i);
		char a[TZ_RATE_FMT_MAX], b[TZ_RATE_FMT_MAX], rank[16];

		pct(r->has_rate, r->ontime_rate, a);
		pct(r->has_rate, r->report_rate, b);
		/* "—" is one column wide but three bytes long. */
		snprintf(rank, sizeof(rank), r->rank ? "%3d" : "  —", r->rank);
		printf("  %s  %s  按时报送率 %s  报送率 %s  应报 %lld  按时 %lld  迟报 %lld  未报 %lld\n",
		       rank, r->node->name, a, b, (long long)r->expected,
		       (long long)r->on_time, (long long)r->late, (long long)r->missing);
	}
}

static int rate(struct tz_store *s, const struct tz_org_index *x, const struct tz_org_node *node,
		struct tz_period p, struct tz_err *err)
{
	struct tz_ontime *o = tz_ontime_new(x, node->id, p);
	const struct tz_ontime_node *c;
	struct tz_dispatch d;
	char pbuf[TZ_PERIOD_FMT_MAX], dbuf[TZ_CST_FMT_MAX], a[TZ_RATE_FMT_MAX], b[TZ_RATE_FMT_MAX];
	int rc;

	if ((rc = tz_store_ontime(s, o, err))) {
		tz_ontime_free(o);
		return rc;
	}
	tz_ontime_finish(o);
	printf("调度期 %s（%s）", tz_period_fmt(p, pbuf), node->name);
	if (!tz_store_period_governing(s, node->id, p, &d, NULL))
		printf("，%s，报送截止 %s\n", tz_dispatch_state_name(d.state), tz_cst_fmt(d.deadline, dbuf));
	else
		printf("，未开启（没有报送截止时间，已报送的都算按时）\n");
	c = tz_ontime_node_at(o, 0);
	pct(c->has_rate, c->ontime_rate, a);
	pct(c->has_rate, c->report_rate, b);
	printf("应报 %lld 个项目，按时 %lld，迟报 %lld，未报 %lld；按时报送率 %s，报送率 %s\n",
	       (long long)c->expected, (long long)c->on_time, (long long)c->late,
	       (long long)c->missing, a, b);
	print_ranked("按地区：", tz_ontime_region_count(o), tz_ontime_region_at, o);
	print_ranked("按部门：", tz_ontime_unit_count(o), tz_ontime_unit_at, o);
	if (tz_ontime_missing_count(o))
		printf("\n未报送项目（%zu个）：\n", tz_ontime_missing_count(o));
	for (size_t i = 0; i < tz_ontime_missing_count(o); i++) {
		const struct tz_ontime_missing *m = tz_ontime_missing_at(o, i);

		printf("  %s  %s  %s  责任单位：%s  包联领导：%s\n", m->region, m->code, m->name,
		       *m->unit ? m->unit : "—", *m->leader ? m->leader : "—");
	}
	tz_ontime_free(o);
	return 0;
}

struct light_list {
	const struct tz_org_index *x;
};

static int print_light(void *ctx, const struct tz_light_row *r)
{
	const struct light_list *ll = ctx;
	const struct tz_org_node *region = tz_org_index_by_id(ll->x, r->region_id);
	char why[600];

	if (r->light.light < TZ_LIGHT_YELLOW)
		return 0;
	tz_light_explain(&r->light, r->planned_start, why, sizeof(why));
	printf("  %s  %s  %s  %s  %s\n", tz_light_name(r->light.light), r->code, r->name,
	       region ? region->name : "", why);
	return 0;
}

static int lights(struct tz_store *s, const struct tz_org_index *x,
		  const struct tz_org_node *node, struct tz_period p, int list, struct tz_err *err)
{
	struct tz_tally *t = tz_tally_new(x, node->id, TZ_LIGHT_COUNT);
	struct light_list ll = { x };
	char pbuf[TZ_PERIOD_FMT_MAX];
	int rc;

	if (list)
		printf("红灯、黄灯项目：\n");
	rc = tz_store_lights(s, p, t, list ? print_light : NULL, &ll, err);
	if (!rc) {
		if (list)
			printf("\n");
		printf("亮灯 %s（%s）\n", tz_period_fmt(p, pbuf), node->name);
		for (size_t i = 0; i < tz_tally_count(t); i++) {
			const int64_t *c = tz_tally_counters_at(t, i);

			if (i && !c[0] && !c[1] && !c[2] && !c[3])
				continue;
			printf("  %*s%s  红灯 %lld  黄灯 %lld  绿灯 %lld  无灯 %lld\n",
			       2 * tz_tally_depth_at(t, i), "", tz_tally_node_at(t, i)->name,
			       (long long)c[TZ_LIGHT_RED], (long long)c[TZ_LIGHT_YELLOW],
			       (long long)c[TZ_LIGHT_GREEN], (long long)c[TZ_LIGHT_NONE]);
		}
	}
	tz_tally_free(t);
	return rc;
}

/* --user names a user who exists: the audit row and the period's events
 * record it. 0, TZ_ENOTFOUND (said so) or TZ_ESTORE. */
static int user_exists(struct tz_store *s, int64_t id, struct tz_err *err)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_user u;
	int rc = tz_store_user_get(s, NULL, id, a, &u, NULL, err);

	tz_arena_free(a);
	if (rc == TZ_ENOTFOUND)
		rc = tz_err_set(err, TZ_ENOTFOUND, "--user：用户编号%lld不存在（taizhang user list 查看用户）",
				(long long)id);
	return rc;
}

/* The YYYY-MM argument at argv[i]. */
static int period_arg(int argc, char **argv, int i, struct tz_period *p)
{
	struct tz_err err;

	tz_err_clear(&err);
	if (i >= argc)
		return tz_cli_usage(usage, "请指定调度期（YYYY-MM）");
	if (tz_period_parse(argv[i], strlen(argv[i]), p, &err))
		return tz_cli_usage(usage, "调度期“%s”%s", argv[i], err.msg);
	return 0;
}

/* Whether the action only reads (it then works on a read-only database). */
static int is_reading(const char *action)
{
	return !strcmp(action, "list") || !strcmp(action, "rate") || !strcmp(action, "lights");
}

int cmd_period(struct tz_app *app, int argc, char **argv)
{
	static const struct option options[] = {
		{ "node", required_argument, NULL, 'n' },
		{ "deadline", required_argument, NULL, 'd' },
		{ "user", required_argument, NULL, 'u' },
		{ "list", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { NULL, NULL, 0, 0 };
	struct tz_org_index *x = NULL;
	const struct tz_org_node *node;
	struct tz_store *store;
	struct tz_dispatch d;
	struct tz_period p = { 0, 0 };
	struct tz_err err;
	const char *action;
	struct tz_actor who;
	int64_t deadline = 0;
	char pbuf[TZ_PERIOD_FMT_MAX], dbuf[TZ_CST_FMT_MAX], *rest;
	int c, rc = 0, nargs;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, options, NULL)) != -1) {
		switch (c) {
		case 'n':
			o.node = optarg;
			break;
		case 'd':
			o.deadline = optarg;
			break;
		case 'u':
			o.user = strtoll(optarg, &rest, 10);
			if (*rest || o.user < 0)
				return tz_cli_usage(usage, "--user “%s”不对：应为用户编号（非负整数）",
						    optarg);
			break;
		case 'l':
			o.list = 1;
			break;
		default:
			return tz_cli_bad_option(usage, c, argv);
		}
	}
	if (optind >= argc)
		return tz_cli_usage(usage, "请指定操作：open、close、deadline、list、rate 或 lights");
	action = argv[optind];
	nargs = argc - optind - 1;
	if (strcmp(action, "open") && strcmp(action, "close") && strcmp(action, "deadline") &&
	    strcmp(action, "list") && strcmp(action, "rate") && strcmp(action, "lights"))
		return tz_cli_usage(usage, "未知的操作“%s”", action);
	if (strcmp(action, "list")) {
		if ((rc = period_arg(argc, argv, optind + 1, &p)))
			return rc;
	}
	if (!strcmp(action, "deadline")) {
		if (nargs != 2)
			return tz_cli_usage(usage, "period deadline 需要调度期和新的截止时间");
		o.deadline = argv[optind + 2];
	} else if (nargs != (strcmp(action, "list") ? 1 : 0)) {
		return tz_cli_usage(usage, "多余的参数“%s”", argv[argc - 1]);
	}
	if (o.deadline && tz_cst_parse(o.deadline, strlen(o.deadline), &deadline, &err))
		return tz_cli_usage(usage, "截止时间“%s”%s", o.deadline, err.msg);
	if (tz_app_store(app, is_reading(action) ? TZ_STORE_READ : 0, &store, &err))
		return tz_cli_fail(&err);
	x = tz_org_index_new();
	if ((rc = tz_store_org_load(store, x, &err)) || !(node = find_node(x, o.node, &err))) {
		tz_org_index_free(x);
		return tz_cli_fail(&err);
	}
	tz_period_fmt(p, pbuf);
	tz_cli_actor(&who, o.user);
	if (o.user && (!strcmp(action, "open") || !strcmp(action, "close") ||
		       !strcmp(action, "deadline")) && (rc = user_exists(store, o.user, &err))) {
		tz_org_index_free(x);
		return tz_cli_fail(&err);
	}
	/* Changes are audited in their transaction (tz_store_period_change). */
	if (!strcmp(action, "open")) {
		if (!(rc = tz_store_period_change(store, TZ_PERIOD_OPEN, node->id, p, deadline, &who,
						  &err)) &&
		    !(rc = tz_store_period_governing(store, node->id, p, &d, &err)))
			printf("调度期 %s（%s）已开启，报送截止 %s\n", pbuf, node->name,
			       tz_cst_fmt(d.deadline, dbuf));
	} else if (!strcmp(action, "close")) {
		if (!(rc = tz_store_period_change(store, TZ_PERIOD_CLOSE, node->id, p, 0, &who, &err)))
			printf("调度期 %s（%s）已关闭\n", pbuf, node->name);
	} else if (!strcmp(action, "deadline")) {
		if (!(rc = tz_store_period_change(store, TZ_PERIOD_DEADLINE, node->id, p, deadline,
						  &who, &err)))
			printf("调度期 %s（%s）报送截止改为 %s\n", pbuf, node->name,
			       tz_cst_fmt(deadline, dbuf));
	} else if (!strcmp(action, "list")) {
		struct dispatch_list dl = { x, 0 };

		rc = tz_store_period_each(store, o.node ? node->id : 0, print_dispatch, &dl, &err);
		/* Said on stderr: a script reading the list gets it empty. */
		if (!rc && !dl.n)
			fprintf(stderr, "还没有开启调度期（用 taizhang period open YYYY-MM 开启；"
					"没有开启调度期时，导入的调度数据照常计入通报）\n");
	} else if (!strcmp(action, "rate")) {
		rc = rate(store, x, node, p, &err);
	} else if (!strcmp(action, "lights")) {
		rc = lights(store, x, node, p, o.list, &err);
	}
	tz_org_index_free(x);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
