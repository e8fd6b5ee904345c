/*
 * cmd-bulletin.c: `taizhang bulletin [--period YYYY-MM] [--by region|
 * category|level] [--format json|csv|xlsx|html] [--out FILE]`.
 *
 * Without --period, the latest period reported is used.
 */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "cli/cli.h"
#include "core/bulletin.h"
#include "report/writer.h"
#include "store/store.h"
#include "base/banned.h"

static const char usage[] =
	"taizhang bulletin [--period YYYY-MM] [--by region|category|level]"
	" [--format json|csv|xlsx|html] [--out 文件]";

int cmd_bulletin(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "by", required_argument, NULL, 'b' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const struct tz_bulletin_writer_type *writer = &tz_bulletin_json;
	const char *period_arg = NULL, *out_path = NULL;
	enum tz_bulletin_by by = TZ_BY_REGION;
	struct tz_bulletin *b = NULL;
	struct tz_store *store;
	struct tz_period period;
	struct tz_err err;
	FILE *out = NULL;
	double t0, t1;
	int c, rc = TZ_EXIT_FAIL;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			period_arg = optarg;
			break;
		case 'b':
			if (tz_bulletin_by_parse(optarg, &by))
				return tz_cli_usage(usage, "--by 应为 region、category 或 level");
			break;
		case 'f':
			writer = tz_bulletin_writer_find(optarg);
			if (!writer)
				return tz_cli_usage(usage, "--format 应为 json、csv、xlsx 或 html");
			break;
		case 'o':
			out_path = optarg;
			break;
		default:
			return tz_cli_usage(usage, NULL);
		}
	}
	if (optind != argc)
		return tz_cli_usage(usage, "多余的参数“%s”", argv[optind]);
	if (period_arg && tz_period_parse(period_arg, strlen(period_arg), &period, &err))
		return tz_cli_usage(usage, "--period “%s”：%s", period_arg, err.msg);
	if (!strcmp(writer->name, "xlsx") && !out_path && isatty(STDOUT_FILENO))
		return tz_cli_usage(usage, "XLSX 是二进制文件，请用 --out 指定文件名");

	if (tz_app_store(app, &store, &err))
		return tz_cli_fail(&err);
	if (!period_arg) {
		struct tz_store_summary sum;

		if (tz_store_summary(store, &sum, &err))
			return tz_cli_fail(&err);
		if (!sum.last.year) {
			tz_err_set(&err, TZ_ENOTFOUND, "数据库中还没有调度数据，请先导入（taizhang import progress 文件）");
			return tz_cli_fail(&err);
		}
		period = sum.last;
	}
	t0 = tz_clock_ms();
	b = tz_bulletin_new(period, by);
	if (tz_store_bulletin(store, b, &err))
		goto fail;
	tz_bulletin_finish(b);
	t1 = tz_clock_ms();
	if (tz_cli_open_out(out_path, &out, &err))
		goto fail;
	if (writer->write(b, out, &err)) {
		tz_cli_close_out(out, out_path, NULL);
		goto fail;
	}
	if (tz_cli_close_out(out, out_path, &err))
		goto fail;
	tz_log(TZ_LOG_INFO, "event=bulletin projects=%lld compute_ms=%.1f write_ms=%.1f",
	       (long long)tz_bulletin_totals(b)->projects, t1 - t0, tz_clock_ms() - t1);
	rc = TZ_EXIT_OK;
	tz_bulletin_free(b);
	return rc;
fail:
	tz_bulletin_free(b);
	return tz_cli_fail(&err);
}
