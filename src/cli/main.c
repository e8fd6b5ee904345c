/*
 * main.c: the `taizhang` command: global options, then one subcommand
 * from the table below.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "cli/cli.h"
#include "store/store.h"
#include "base/banned.h"

struct cmd {
	const char *name;
	int (*fn)(struct tz_app *app, int argc, char **argv);
	const char *help;
};

static const struct cmd commands[] = {
	{ "init", cmd_init, "创建（或检查）数据库" },
	{ "import", cmd_import, "导入项目台账或调度数据（CSV/XLSX）" },
	{ "export", cmd_export, "导出项目台账或调度数据（CSV/XLSX）" },
	{ "bulletin", cmd_bulletin, "生成月通报（JSON/CSV/XLSX/HTML）" },
	{ "demo", cmd_demo, "生成演示数据库" },
	{ "doc", cmd_doc, "读取政府文件（doc parse）" },
};

static void usage(FILE *fp)
{
	fprintf(fp, "用法: taizhang [--db 路径] <命令> [参数]\n\n命令:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(fp, "\n数据库由 --db 或环境变量 TAIZHANG_DB 指定，默认 ./taizhang.db。\n");
}

int tz_app_store(struct tz_app *app, struct tz_store **out, struct tz_err *err)
{
	int rc;

	if (!app->store) {
		rc = tz_store_open(&app->store, app->db, err);
		if (rc)
			return rc;
	}
	*out = app->store;
	return 0;
}

int tz_cli_fail(const struct tz_err *err)
{
	if (err->file[0] && err->line)
		fprintf(stderr, "taizhang: %s:%ld: %s\n", err->file, err->line, err->msg);
	else if (err->file[0])
		fprintf(stderr, "taizhang: %s: %s\n", err->file, err->msg);
	else
		fprintf(stderr, "taizhang: %s\n", err->msg[0] ? err->msg : "失败");
	return TZ_EXIT_FAIL;
}

int tz_cli_usage(const char *usage_line, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fputs("taizhang: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "用法: %s\n", usage_line);
	return TZ_EXIT_USAGE;
}

int tz_cli_open_out(const char *path, FILE **out, struct tz_err *err)
{
	if (!path || !strcmp(path, "-")) {
		*out = stdout;
		return 0;
	}
	*out = fopen(path, "wb");
	if (!*out)
		return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法写入文件：%s", strerror(errno));
	return 0;
}

int tz_cli_close_out(FILE *fp, const char *path, struct tz_err *err)
{
	int bad = ferror(fp);

	if (fp == stdout)
		bad |= fflush(fp);
	else
		bad |= fclose(fp);
	if (bad)
		return tz_err_set_at(err, TZ_EIO, path ? path : "(stdout)", 0, NULL, "写入失败");
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_app app = { 0 };
	const char *level = getenv("TZ_LOG_LEVEL");
	int c, rc;

	if (level && !strcmp(level, "debug"))
		tz_log_threshold = TZ_LOG_DEBUG;
	else if (level && !strcmp(level, "info"))
		tz_log_threshold = TZ_LOG_INFO;

	app.db = getenv("TAIZHANG_DB");
	if (!app.db || !*app.db)
		app.db = "taizhang.db";
	/* '+': stop at the subcommand so its options are its own. */
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			app.db = optarg;
			break;
		case 'h':
			usage(stdout);
			return TZ_EXIT_OK;
		default:
			usage(stderr);
			return TZ_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return TZ_EXIT_USAGE;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[optind], commands[i].name))
			continue;
		argc -= optind;
		argv += optind;
		optind = 0; /* reset getopt for the subcommand (glibc) */
		rc = commands[i].fn(&app, argc, argv);
		tz_store_close(app.store);
		return rc;
	}
	fprintf(stderr, "taizhang: 未知命令“%s”\n", argv[optind]);
	usage(stderr);
	return TZ_EXIT_USAGE;
}
