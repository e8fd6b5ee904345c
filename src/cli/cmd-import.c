/*
 * cmd-import.c: `taizhang import projects|progress FILE [--partial]`.
 *
 * Every rejected row goes to stderr as "FILE:LINE: 项目编号 CODE: reason";
 * the exit status is non-zero whenever a row was rejected, even when
 * --partial committed the others.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "intake/import.h"
#include "store/store.h"
#include "base/banned.h"

static const char usage[] = "taizhang import projects|progress 文件 [--partial]";

static void print_reject(void *ctx, const struct tz_import_reject *rej)
{
	(void)ctx;
	fprintf(stderr, "%s:%ld: 项目编号 %s: %s\n", rej->file, rej->line,
		*rej->code ? rej->code : "（空）", rej->reason);
}

int cmd_import(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "partial", no_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_import_opts io = { 0, print_reject, NULL };
	struct tz_import_result res;
	struct tz_store *store;
	struct tz_err err;
	enum tz_import_kind kind;
	const char *what, *path;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'p')
			return tz_cli_usage(usage, NULL);
		io.partial = 1;
	}
	if (argc - optind != 2)
		return tz_cli_usage(usage, "需要指定导入类型和文件");
	what = argv[optind];
	path = argv[optind + 1];
	if (!strcmp(what, "projects") || !strcmp(what, "项目"))
		kind = TZ_IMPORT_PROJECTS;
	else if (!strcmp(what, "progress") || !strcmp(what, "调度"))
		kind = TZ_IMPORT_PROGRESS;
	else
		return tz_cli_usage(usage, "未知的导入类型“%s”", what);

	tz_err_clear(&err);
	if (tz_app_store(app, &store, &err))
		return tz_cli_fail(&err);
	rc = tz_import_file(store, kind, path, &io, &res, &err);
	if (rc && rc != TZ_EREJECTED)
		return tz_cli_fail(&err);
	if (rc == TZ_EREJECTED) {
		fprintf(stderr, "taizhang: %s: 共%ld行，%ld行有错误，整个文件未导入"
				"（改正后重新导入，或使用 --partial 只导入正确的行）\n",
			path, res.rows, res.rejected);
		return TZ_EXIT_FAIL;
	}
	fprintf(stderr, "%s: 共%ld行，导入%ld行（新增%ld，更正%ld），%ld行被拒绝\n", path, res.rows,
		res.accepted, res.added, res.replaced, res.rejected);
	return res.rejected ? TZ_EXIT_FAIL : TZ_EXIT_OK;
}
