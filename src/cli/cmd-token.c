/*
 * cmd-token.c: `taizhang token add|list|revoke`: API tokens (web.md
 * "Scripts"). A token is printed once, when it is made; the store keeps
 * only its hash. The API takes it as `Authorization: Bearer …`, with the
 * rights of its user.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "cli/cli.h"
#include "store/store.h"
#include "web/auth.h"
#include "base/banned.h"

const char cmd_token_usage[] =
	"taizhang token add 登录名 [--expires 天数] [--name 用途] | list | revoke 编号";
const char cmd_token_help[] =
	"\n管理 API 令牌（/api/v1/ 接口用 Authorization: Bearer 令牌 访问，权限与其用户相同）。\n\n"
	"  add 登录名       为该用户生成令牌，只显示这一次（数据库中只保存其散列）\n"
	"  list             列出令牌（不含令牌本身）\n"
	"  revoke 编号      撤销令牌\n\n"
	"  --expires 天数   有效天数，默认永久有效\n"
	"  --name 用途      备注，如“数据大屏”\n";

#define usage cmd_token_usage

static void fmt_day(int64_t t, char buf[16])
{
	time_t at = (time_t)(t + 8 * 3600);
	struct tm tm;

	gmtime_r(&at, &tm);
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

int cmd_token(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "expires", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = "", *verb;
	struct tz_actor who;
	struct tz_store *store;
	struct tz_err err;
	long days = 0;
	char *end;
	int c, rc;

	tz_err_clear(&err);
	tz_cli_actor(&who, 0);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			days = strtol(optarg, &end, 10);
			if (*end || days < 1 || days > 3650)
				return tz_cli_usage(usage, "--expires “%s”不对：应为1到3650之间的天数",
						    optarg);
			break;
		case 'n':
			name = optarg;
			if (strlen(name) > 200)
				return tz_cli_usage(usage, "--name 过长（%zu 字节，最多200字节）",
						    strlen(name));
			break;
		default:
			return tz_cli_bad_option(usage, c, argv);
		}
	}
	if (optind >= argc)
		return tz_cli_usage(usage, "缺少子命令（add、list、revoke）");
	verb = argv[optind++];
	if (strcmp(verb, "add") && strcmp(verb, "list") && strcmp(verb, "revoke"))
		return tz_cli_usage(usage, "未知的子命令“%s”", verb);
	if (optind + (strcmp(verb, "list") ? 1 : 0) != argc)
		return tz_cli_usage(usage, optind == argc ? "缺少参数" : "多余的参数“%s”",
				    argv[argc - 1]);
	if (tz_app_store(app, strcmp(verb, "list") ? 0 : TZ_STORE_READ, &store, &err))
		return tz_cli_fail(&err);

	if (!strcmp(verb, "add")) {
		struct tz_arena *a = tz_arena_new();
		char token[48], hash[65];
		struct tz_user u;
		int64_t id;

		rc = tz_store_user_get(store, argv[optind], 0, a, &u, NULL, &err);
		if (!rc) {
			tz_api_token_new(token, hash);
			rc = tz_store_token_add(store, hash, u.id, name,
						days ? who.at + days * 86400 : 0, &who, &id, &err);
		}
		tz_arena_free(a);
		if (rc)
			return tz_cli_fail(&err);
		printf("%s\n", token);
		fprintf(stderr, "已为 %s 生成 API 令牌（编号 %lld%s）。令牌只显示这一次，请妥善保存。\n",
			argv[optind], (long long)id, days ? "，有效期内可用" : "，永久有效");
		return TZ_EXIT_OK;
	}
	if (!strcmp(verb, "list")) {
		struct tz_arena *a = tz_arena_new();
		struct tz_api_token *t;
		size_t n;

		if ((rc = tz_store_token_list(store, a, &t, &n, &err))) {
			tz_arena_free(a);
			return tz_cli_fail(&err);
		}
		printf("编号\t用户\t用途\t创建日期\t到期日期\t状态\n");
		for (size_t i = 0; i < n; i++) {
			char made[16], ends[16];

			fmt_day(t[i].created, made);
			if (t[i].expires)
				fmt_day(t[i].expires, ends);
			printf("%lld\t%s\t%s\t%s\t%s\t%s\n", (long long)t[i].id, t[i].login,
			       *t[i].name ? t[i].name : "-", made, t[i].expires ? ends : "永久",
			       t[i].revoked ? "已撤销" : t[i].expires && t[i].expires <= who.at ? "已过期"
											   : "有效");
		}
		tz_arena_free(a);
		return TZ_EXIT_OK;
	}
	{
		long long id = strtoll(argv[optind], &end, 10);

		if (*end || id <= 0)
			return tz_cli_usage(usage, "令牌编号“%s”不对：应为正整数（taizhang token list 查看）",
					    argv[optind]);
		if ((rc = tz_store_token_revoke(store, id, &who, &err)))
			return tz_cli_fail(&err);
		printf("已撤销令牌 %lld\n", id);
		return TZ_EXIT_OK;
	}
}
