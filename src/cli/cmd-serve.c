/*
 * cmd-serve.c: `taizhang serve [--listen ADDR] …`: run the web
 * application on the database until SIGTERM or Ctrl-C.
 *
 * Its settings are one typed table (name, type, default, bounds, the
 * TZ_* environment variable): the table drives the options, the
 * environment and `--show-config`, so that a setting exists in one place.
 */
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "web/server.h"
#include "base/banned.h"

const char cmd_serve_usage[] =
	"taizhang [--db 路径] serve [--listen 地址:端口] [--threads N] [--timeout 秒]"
	" [--access-log 文件|-|off] [--static 目录] [--routes] [--show-config] [其他设置]";

enum opt_type { OPT_STR, OPT_UINT, OPT_BOOL, OPT_TRI };

struct serve_opt {
	const char *name;    /* the option, without "--" */
	enum opt_type type;
	const char *env;     /* the environment variable */
	size_t offset;       /* in struct tz_web_config */
	long min, max;       /* OPT_UINT bounds */
	const char *help;
};

#define OFF(f) offsetof(struct tz_web_config, f)

static const struct serve_opt options[] = {
	{ "listen", OPT_STR, "TZ_LISTEN", OFF(listen), 0, 0,
	  "监听地址，默认 127.0.0.1:8080（端口0：自动选择空闲端口）" },
	{ "threads", OPT_UINT, "TZ_THREADS", OFF(threads), 1, 256,
	  "工作线程数（每个线程一个数据库连接），默认为CPU数" },
	{ "timeout", OPT_UINT, "TZ_TIMEOUT", OFF(timeout), 1, 3600,
	  "连接无数据多少秒后断开，默认30" },
	{ "max-connections", OPT_UINT, "TZ_MAX_CONNECTIONS", OFF(max_connections), 1, 100000,
	  "最大并发连接数，默认1024" },
	{ "per-ip-connections", OPT_UINT, "TZ_PER_IP_CONNECTIONS", OFF(per_ip_connections), 0, 100000,
	  "每个客户端地址的最大连接数，0为不限（默认）" },
	{ "static", OPT_STR, "TZ_STATIC", OFF(static_dir), 0, 0,
	  "网页静态文件目录，默认为程序旁的 static/" },
	{ "access-log", OPT_STR, "TZ_ACCESS_LOG", OFF(access_log), 0, 0,
	  "访问日志：文件、-（标准输出，默认）或 off" },
	{ "secure-cookies", OPT_TRI, "TZ_SECURE_COOKIES", OFF(secure_cookies), 0, 0,
	  "Cookie 的 Secure 标记：auto（经 HTTPS 反向代理时，默认）、on 或 off" },
	{ "trust-proxy", OPT_BOOL, "TZ_TRUST_PROXY", OFF(trust_proxy), 0, 0,
	  "信任反向代理的 X-Forwarded-For / X-Forwarded-Proto：on 或 off（默认）" },
	{ "session-hours", OPT_UINT, "TZ_SESSION_HOURS", OFF(session_hours), 1, 168,
	  "登录后多少小时无操作即失效，默认8" },
	{ "grace", OPT_UINT, "TZ_GRACE", OFF(grace), 0, 600,
	  "停止时等待进行中请求完成的秒数，默认10" },
	{ "weak-hashes", OPT_BOOL, "TZ_WEAK_HASHES", OFF(weak_hashes), 0, 0,
	  "新密码用较快的 Argon2id 参数：on 或 off（默认；只用于测试和小内存的机器）" },
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

const char cmd_serve_help[] =
	"\n运行网页服务（中文界面和 /api/v1/ 接口），直到收到 SIGTERM 或按 Ctrl-C；停止时等待\n"
	"正在处理的请求完成。启动后打印访问地址。每个设置也可以用环境变量给出（如 TZ_LISTEN）。\n\n"
	"  --listen 地址:端口         监听地址，默认 127.0.0.1:8080\n"
	"  --threads N                工作线程数\n"
	"  --timeout 秒               空闲连接超时\n"
	"  --max-connections N        最大并发连接数\n"
	"  --per-ip-connections N     每个地址的最大连接数\n"
	"  --static 目录              网页静态文件目录\n"
	"  --access-log 文件|-|off    访问日志\n"
	"  --secure-cookies auto|on|off\n"
	"  --trust-proxy on|off       信任反向代理的转发头\n"
	"  --session-hours N          登录会话时长\n"
	"  --grace 秒                 停止时的等待时间\n"
	"  --weak-hashes on|off       新密码用较快的 Argon2id 参数（测试用）\n"
	"  --routes                   列出所有路由及可访问的角色，然后退出\n"
	"  --show-config              显示生效的设置，然后退出\n";

/* Set one option from text. 0 or the message of what is wrong. */
static const char *set_opt(struct tz_web_config *c, const struct serve_opt *o, const char *v)
{
	char *base = (char *)c + o->offset, *end;
	long n;

	switch (o->type) {
	case OPT_STR:
		*(const char **)(void *)base = v;
		return NULL;
	case OPT_UINT:
		n = strtol(v, &end, 10);
		if (*end || end == v || n < o->min || n > o->max)
			return "超出范围或不是整数";
		*(unsigned *)(void *)base = (unsigned)n;
		return NULL;
	case OPT_BOOL:
		if (!strcmp(v, "on") || !strcmp(v, "1") || !strcmp(v, "yes"))
			*(int *)(void *)base = 1;
		else if (!strcmp(v, "off") || !strcmp(v, "0") || !strcmp(v, "no"))
			*(int *)(void *)base = 0;
		else
			return "应为 on 或 off";
		return NULL;
	case OPT_TRI:
		if (!strcmp(v, "auto"))
			*(int *)(void *)base = -1;
		else if (!strcmp(v, "on"))
			*(int *)(void *)base = 1;
		else if (!strcmp(v, "off"))
			*(int *)(void *)base = 0;
		else
			return "应为 auto、on 或 off";
		return NULL;
	}
	return "?";
}

static void show(const struct tz_web_config *c)
{
	for (size_t i = 0; i < NOPTIONS; i++) {
		const char *base = (const char *)c + options[i].offset;

		printf("%-20s ", options[i].name);
		switch (options[i].type) {
		case OPT_STR:
			printf("%s", *(const char *const *)(const void *)base
				     ? *(const char *const *)(const void *)base : "");
			break;
		case OPT_UINT:
			printf("%u", *(const unsigned *)(const void *)base);
			break;
		case OPT_BOOL:
			printf("%s", *(const int *)(const void *)base ? "on" : "off");
			break;
		case OPT_TRI:
			printf("%s", *(const int *)(const void *)base < 0 ? "auto"
				     : *(const int *)(const void *)base ? "on" : "off");
			break;
		}
		printf("\t（%s）\n", options[i].env);
	}
}

/* The static directory beside the program: build/taizhang → build/static. */
static char *static_beside_program(void)
{
	char exe[PATH_MAX], *slash, *dir;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	size_t len;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return NULL;
	*slash = '\0';
	len = strlen(exe) + sizeof("/static");
	dir = malloc(len);
	if (dir)
		snprintf(dir, len, "%s/static", exe);
	return dir;
}

static void ready(void *ctx, const char *url)
{
	(void)ctx;
	printf("台账网页服务已启动：%s （Ctrl-C 停止）\n", url);
	fflush(stdout);
}

int cmd_serve(struct tz_app *app, int argc, char **argv)
{
	struct option longopts[NOPTIONS + 3];
	struct tz_web_config cfg;
	struct tz_err err;
	char *static_dir = static_beside_program();
	int c, idx, rc, routes = 0, show_config = 0;

	tz_err_clear(&err);
	tz_web_config_defaults(&cfg);
	cfg.static_dir = static_dir;
	for (size_t i = 0; i < NOPTIONS; i++) {
		const char *v = getenv(options[i].env), *bad;

		longopts[i] = (struct option){ options[i].name, required_argument, NULL, 1000 + (int)i };
		if (v && *v && (bad = set_opt(&cfg, &options[i], v))) {
			free(static_dir);
			return tz_cli_usage(cmd_serve_usage, "环境变量 %s=“%s”%s", options[i].env, v, bad);
		}
	}
	longopts[NOPTIONS] = (struct option){ "routes", no_argument, NULL, 'r' };
	longopts[NOPTIONS + 1] = (struct option){ "show-config", no_argument, NULL, 's' };
	longopts[NOPTIONS + 2] = (struct option){ NULL, 0, NULL, 0 };
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, longopts, &idx)) != -1) {
		const char *bad;

		if (c == 'r') {
			routes = 1;
		} else if (c == 's') {
			show_config = 1;
		} else if (c >= 1000 && c < 1000 + (int)NOPTIONS) {
			if ((bad = set_opt(&cfg, &options[c - 1000], optarg))) {
				free(static_dir);
				return tz_cli_usage(cmd_serve_usage, "--%s “%s”%s", options[c - 1000].name,
						    optarg, bad);
			}
		} else {
			free(static_dir);
			return tz_cli_bad_option(cmd_serve_usage, c, argv);
		}
	}
	if (optind != argc) {
		free(static_dir);
		return tz_cli_usage(cmd_serve_usage, "多余的参数“%s”", argv[optind]);
	}
	if (cfg.access_log && !strcmp(cfg.access_log, "off"))
		cfg.access_log = "";
	cfg.db = app->db;
	if (routes) {
		tz_web_print_routes(stdout);
		free(static_dir);
		return TZ_EXIT_OK;
	}
	if (show_config) {
		printf("%-20s %s\n", "db", cfg.db);
		show(&cfg);
		free(static_dir);
		return TZ_EXIT_OK;
	}
	rc = tz_web_serve(&cfg, ready, NULL, &err);
	free(static_dir);
	if (rc == TZ_EINVAL)
		return tz_cli_usage(cmd_serve_usage, "%s", err.msg);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
