/*
 * cmd-user.c: `taizhang user add|list|passwd|disable|enable|leaders`:
 * the people of the web application, on the organisation tree (web.md).
 *
 * Passwords are read from the terminal without echo (twice), or with
 * --password-stdin from the first line of standard input; never from the
 * command line, where other users of the machine could read them.
 * Every change is written to the audit trail as made from "cli".
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/hmap.h"
#include "cli/cli.h"
#include "core/org.h"
#include "core/user.h"
#include "store/store.h"
#include "web/auth.h"
#include "base/banned.h"

const char cmd_user_usage[] =
	"taizhang user add 登录名 --role 角色 --org 机构 [--name 姓名] [--leader 包联领导]"
	" [--password-stdin] | list | passwd 登录名 [--password-stdin] | disable 登录名"
	" | enable 登录名 | leaders";
const char cmd_user_help[] =
	"\n管理网页用户。每个用户属于组织机构中的一个节点，只能查看和修改本节点及下级的数据。\n\n"
	"  add 登录名          新增用户；--role 为 admin（系统管理员）、coordinator（调度管理员）、\n"
	"                      reporter（填报员）或 leader（领导）；--org 为机构编码或名称；\n"
	"                      领导账号用 --leader 填写台账中的包联领导姓名（默认同 --name）\n"
	"  list                列出用户和角色\n"
	"  passwd 登录名       修改密码（该用户已登录的会话随之失效）\n"
	"  disable 登录名      停用（会话和API令牌随之失效）；enable 重新启用\n"
	"  leaders             列出台账中的包联领导，以及哪些还没有对应的领导账号\n\n"
	"  --password-stdin    从标准输入的第一行读密码（否则在终端上输入两次）\n"
	"  --weak-hash         用较快的 Argon2id 参数（只用于测试和演示）\n";

#define usage cmd_user_usage

/* ------------------------------------------------------------------ */
/* Passwords                                                           */

static int read_line(FILE *fp, char *buf, size_t size)
{
	size_t n;

	if (!fgets(buf, (int)size, fp))
		return -1;
	n = strlen(buf);
	if (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

static int prompt(const char *what, char *buf, size_t size)
{
	struct termios old, quiet;
	int rc;

	fprintf(stderr, "%s", what);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old))
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, buf, size);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	return rc;
}

/* Read a new password and hash it. 0, or an exit status. */
static int new_password(int from_stdin, enum tz_pw_cost cost, char hash[TZ_PWHASH_MAX])
{
	char pw[TZ_PASSWORD_MAX + 2], again[TZ_PASSWORD_MAX + 2];
	struct tz_err err;
	int rc;

	tz_err_clear(&err);
	if (from_stdin) {
		if (read_line(stdin, pw, sizeof(pw)))
			return tz_cli_usage(usage, "标准输入中没有密码");
	} else if (isatty(STDIN_FILENO)) {
		if (prompt("新密码：", pw, sizeof(pw)) || prompt("再次输入：", again, sizeof(again)))
			return tz_cli_usage(usage, "未输入密码");
		if (strcmp(pw, again))
			return tz_cli_usage(usage, "两次输入的密码不一致");
	} else {
		return tz_cli_usage(usage, "标准输入不是终端：请用 --password-stdin 提供密码");
	}
	if (tz_password_check(pw, &err))
		return tz_cli_fail(&err);
	rc = tz_password_hash(pw, cost, hash, &err);
	memset(pw, 0, sizeof(pw));
	memset(again, 0, sizeof(again));
	return rc ? tz_cli_fail(&err) : 0;
}

/* ------------------------------------------------------------------ */

/* A node by code, else by name or alias. */
static const struct tz_org_node *find_org(const struct tz_org_index *x, const char *s)
{
	const struct tz_org_node *n = tz_org_index_by_code(x, s);

	return n ? n : tz_org_index_find(x, s, strlen(s), TZ_ORG_WANT_ANY);
}

static int user_add(struct tz_store *s, const char *login, const char *role, const char *org,
		    const char *name, const char *leader, int from_stdin, enum tz_pw_cost cost)
{
	struct tz_org_index *x = tz_org_index_new();
	const struct tz_org_node *node;
	struct tz_user u = { 0 };
	struct tz_actor who;
	struct tz_err err;
	char hash[TZ_PWHASH_MAX];
	int rc;

	tz_err_clear(&err);
	tz_cli_actor(&who, 0);
	if (!role || tz_role_parse(role, &u.role)) {
		tz_org_index_free(x);
		if (!role)
			return tz_cli_usage(usage, "请用 --role 指定角色：admin（系统管理员）、"
					    "coordinator（调度管理员）、reporter（填报员）或 leader（领导）");
		return tz_cli_usage(usage, "--role “%s”不是可用的角色；可用 admin（系统管理员）、"
				    "coordinator（调度管理员）、reporter（填报员）或 leader（领导）", role);
	}
	if (!org) {
		tz_org_index_free(x);
		return tz_cli_usage(usage, "请用 --org 指定所属机构（编码或名称）");
	}
	if ((rc = tz_store_org_load(s, x, &err)))
		goto fail;
	if (!(node = find_org(x, org))) {
		const struct tz_org_node *near = tz_org_index_suggest(x, org, strlen(org), TZ_ORG_WANT_ANY);

		if (near)
			tz_err_set(&err, TZ_ENOTFOUND, "机构“%s”不存在，是否为“%s”（%s）？", org, near->name,
				   near->code);
		else
			tz_err_set(&err, TZ_ENOTFOUND, "机构“%s”不存在（taizhang org list 查看）", org);
		goto fail;
	}
	u.login = login;
	u.name = name ? name : u.role == TZ_ROLE_LEADER && leader ? leader : login;
	u.org_id = node->id;
	u.leader_name = u.role == TZ_ROLE_LEADER ? (leader ? leader : u.name) : "";
	u.created = who.at;
	if (u.role != TZ_ROLE_LEADER && leader) {
		tz_org_index_free(x);
		return tz_cli_usage(usage, "只有领导账号（--role leader）可以指定 --leader");
	}
	if (tz_user_validate(&u, &err))
		goto fail;
	/* A leader account is bound to a name some ledger writes. */
	if (u.role == TZ_ROLE_LEADER && tz_store_leader_check(s, u.leader_name, &err))
		goto fail;
	if ((rc = new_password(from_stdin, cost, hash))) {
		tz_org_index_free(x);
		return rc;
	}
	if (tz_store_user_add(s, &u, hash, &who, NULL, &err))
		goto fail;
	printf("已新增用户 %s（%s，%s）\n", u.login, tz_role_label(u.role), node->name);
	tz_org_index_free(x);
	return TZ_EXIT_OK;
fail:
	tz_org_index_free(x);
	return tz_cli_fail(&err);
}

static int user_list(struct tz_store *s)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_org_index *x = tz_org_index_new();
	struct tz_user *users;
	struct tz_err err;
	size_t n;

	tz_err_clear(&err);
	if (tz_store_org_load(s, x, &err) || tz_store_user_list(s, a, &users, &n, &err)) {
		tz_org_index_free(x);
		tz_arena_free(a);
		return tz_cli_fail(&err);
	}
	printf("登录名\t姓名\t角色\t所属机构\t包联领导\t状态\n");
	for (size_t i = 0; i < n; i++) {
		const struct tz_org_node *node = tz_org_index_by_id(x, users[i].org_id);

		printf("%s\t%s\t%s\t%s\t%s\t%s%s\n", users[i].login, users[i].name,
		       tz_role_label(users[i].role), node ? node->name : "?",
		       *users[i].leader_name ? users[i].leader_name : "-",
		       users[i].disabled ? "已停用" : "正常", users[i].demo ? "（演示账号）" : "");
	}
	printf("共 %zu 个用户\n", n);
	tz_org_index_free(x);
	tz_arena_free(a);
	return TZ_EXIT_OK;
}

/* Count the distinct projects of each 包联领导 text (by leader key). */
struct leader_count {
	struct tz_hmap *seen;   /* code -> 1 */
	struct tz_hmap *count;  /* key -> projects */
};

static int count_leader(void *ctx, const struct tz_project *p)
{
	struct leader_count *lc = ctx;
	char key[TZ_LEADER_KEY_MAX];
	int64_t n = 0;

	if (!*p->leader || !tz_hmap_put(lc->seen, p->code, strlen(p->code), 1, NULL))
		return 0;
	tz_leader_key(p->leader, key);
	if (!*key)
		return 0;
	tz_hmap_get(lc->count, key, strlen(key), &n);
	tz_hmap_put(lc->count, key, strlen(key), n + 1, NULL);
	return 0;
}

static int user_leaders(struct tz_store *s)
{
	struct leader_count lc = { tz_hmap_new(), tz_hmap_new() };
	struct tz_arena *a = tz_arena_new();
	struct tz_user *users;
	struct tz_err err;
	size_t n, pos = 0, len, unmatched = 0;
	const char *key;
	int64_t count;
	int rc;

	tz_err_clear(&err);
	rc = tz_store_each_project(s, 0, count_leader, &lc, &err);
	if (!rc)
		rc = tz_store_user_list(s, a, &users, &n, &err);
	if (!rc) {
		printf("包联领导\t项目数\t领导账号\n");
		while (tz_hmap_next(lc.count, &pos, &key, &len, &count)) {
			const char *account = NULL;
			char k[TZ_LEADER_KEY_MAX];

			for (size_t i = 0; i < n && !account; i++)
				if (users[i].role == TZ_ROLE_LEADER &&
				    !strcmp(tz_leader_key(users[i].leader_name, k), key))
					account = users[i].login;
			printf("%.*s\t%lld\t%s\n", (int)len, key, (long long)count,
			       account ? account : "（无）");
			unmatched += !account;
		}
		printf("共 %zu 位包联领导，其中 %zu 位没有领导账号\n", tz_hmap_count(lc.count), unmatched);
	}
	tz_hmap_free(lc.seen);
	tz_hmap_free(lc.count);
	tz_arena_free(a);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}

static int user_change(struct tz_store *s, const char *verb, const char *login, int from_stdin,
		       enum tz_pw_cost cost)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_actor who;
	struct tz_user u;
	struct tz_err err;
	char hash[TZ_PWHASH_MAX];
	int rc;

	tz_err_clear(&err);
	tz_cli_actor(&who, 0);
	if ((rc = tz_store_user_get(s, login, 0, a, &u, NULL, &err)))
		goto out;
	if (!strcmp(verb, "passwd")) {
		if ((rc = new_password(from_stdin, cost, hash))) {
			tz_arena_free(a);
			return rc;
		}
		if (!(rc = tz_store_user_set_password(s, u.id, hash, NULL, &who, &err)))
			printf("已修改 %s 的密码\n", login);
	} else {
		int disable = !strcmp(verb, "disable");

		if (!(rc = tz_store_user_set_disabled(s, u.id, disable, &who, &err)))
			printf("已%s用户 %s\n", disable ? "停用" : "启用", login);
	}
out:
	tz_arena_free(a);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}

int cmd_user(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "name", required_argument, NULL, 'n' },
		{ "leader", required_argument, NULL, 'l' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ "weak-hash", no_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const char *role = NULL, *org = NULL, *name = NULL, *leader = NULL, *verb;
	enum tz_pw_cost cost = TZ_PW_MODERATE;
	struct tz_store *store;
	struct tz_err err;
	int c, from_stdin = 0;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'n': name = optarg; break;
		case 'l': leader = optarg; break;
		case 'p': from_stdin = 1; break;
		case 'w': cost = TZ_PW_INTERACTIVE; break;
		default: return tz_cli_bad_option(usage, c, argv);
		}
	}
	if (optind >= argc)
		return tz_cli_usage(usage, "缺少子命令（add、list、passwd、disable、enable、leaders）");
	verb = argv[optind++];
	if (!strcmp(verb, "list") || !strcmp(verb, "leaders")) {
		if (optind != argc)
			return tz_cli_usage(usage, "多余的参数“%s”", argv[optind]);
	} else if (!strcmp(verb, "add") || !strcmp(verb, "passwd") || !strcmp(verb, "disable") ||
		   !strcmp(verb, "enable")) {
		if (optind + 1 != argc)
			return tz_cli_usage(usage, optind == argc ? "缺少登录名" : "多余的参数“%s”",
					    argv[optind + (optind < argc)]);
	} else {
		return tz_cli_usage(usage, "未知的子命令“%s”", verb);
	}
	if (tz_app_store(app, !strcmp(verb, "list") || !strcmp(verb, "leaders") ? TZ_STORE_READ : 0,
			 &store, &err))
		return tz_cli_fail(&err);
	if (!strcmp(verb, "list"))
		return user_list(store);
	if (!strcmp(verb, "leaders"))
		return user_leaders(store);
	if (!strcmp(verb, "add"))
		return user_add(store, argv[optind], role, org, name, leader, from_stdin, cost);
	return user_change(store, verb, argv[optind], from_stdin, cost);
}
