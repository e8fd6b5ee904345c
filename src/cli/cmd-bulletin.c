/*
 * cmd-bulletin.c: `taizhang bulletin [--period YYYY-MM] [--by region|
 * category|level|leader|unit] [--format json|csv|xlsx|html|pdf]
 * [--out FILE]`.
 *
 * Without --period, the latest period reported is used. A bulletin for a
 * period in which nobody reported is refused (ledger.md).
 */
#include <getopt.h>
#include <string.h>

#include "base/log.h"
#include "cli/cli.h"
#include "core/bulletin.h"
#include "report/writer.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_bulletin_usage[] =
	"taizhang bulletin [--period YYYY-MM] [--by region|category|level|leader|unit]"
	" [--format json|csv|xlsx|html|pdf] [--out 文件]";
const char cmd_bulletin_help[] =
	"\n生成某调度期的月通报：按所属地区（region）、项目类别（category）、项目级别（level）、\n"
	"包联领导（leader）或责任单位（unit）汇总项目数、总投资、年度计划投资、1-N月累计完成\n"
	"投资、投资完成率、开工率、排名及较上月变化、报送情况，列出进度滞后（落后序时进度10个\n"
	"百分点以上）和未报送的项目。只计入该调度期所在年度台账中的项目。\n\n"
	"  --period YYYY-MM     调度期，默认最近一个有调度数据的月份\n"
	"  --by …               汇总方式，默认 region\n"
	"  --format …           json（默认）、csv、xlsx、html 或 pdf（xlsx、pdf 是二进制文件，\n"
	"                       不写到终端：用 --out 或重定向到文件）\n"
	"  --out 文件           写入文件；不指定时输出到标准输出\n";

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
	struct tz_out out = { 0 };
	double t0, t1;
	int c, rc = TZ_EXIT_FAIL;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			period_arg = optarg;
			break;
		case 'b':
			if (tz_bulletin_by_parse(optarg, &by))
				return tz_cli_usage(cmd_bulletin_usage, TZ_CLI_BY_CHOICES, optarg);
			break;
		case 'f':
			writer = tz_bulletin_writer_find(optarg);
			if (!writer)
				return tz_cli_usage(cmd_bulletin_usage,
						    "--format “%s”不是可用的格式；可用 json、csv、"
						    "xlsx（Excel 表格）、html（网页）或 pdf", optarg);
			break;
		case 'o':
			out_path = optarg;
			break;
		default:
			return tz_cli_bad_option(cmd_bulletin_usage, c, argv);
		}
	}
	if (optind != argc)
		return tz_cli_usage(cmd_bulletin_usage, "多余的参数“%s”", argv[optind]);
	if (period_arg && tz_period_parse(period_arg, strlen(period_arg), &period, &err))
		return tz_cli_usage(cmd_bulletin_usage, "--period “%s”%s", period_arg, err.msg);

	if (tz_app_store(app, TZ_STORE_READ, &store, &err))
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
	/* Refuse a binary format on a terminal before computing anything. */
	if (!out_path && writer->binary && tz_cli_open_out(app, NULL, 1, &out, &err))
		return tz_cli_fail(&err);
	t0 = tz_clock_ms();
	b = tz_bulletin_new(period, by);
	if (tz_store_bulletin(store, b, &err) || tz_bulletin_finish(b, &err))
		goto fail;
	t1 = tz_clock_ms();
	if (tz_cli_open_out(app, out_path, writer->binary, &out, &err))
		goto fail;
	if (writer->write(b, out.fp, &err)) {
		tz_cli_close_out(&out, 1, &err);
		goto fail;
	}
	if (tz_cli_close_out(&out, 0, &err))
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
