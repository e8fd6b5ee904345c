/*
 * cmd-missing.c: `taizhang missing --period YYYY-MM [--by region|…]`: the
 * projects expected to report for a period that did not (未报送, ledger.md),
 * grouped, with who is responsible for each. A period nobody has reported
 * yet lists every expected project (tz_bulletin_finish_missing); only the
 * bulletin refuses such a period.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/bulletin.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_missing_usage[] =
	"taizhang missing [--period YYYY-MM] [--by region|category|level|leader|unit]";
const char cmd_missing_help[] =
	"\n列出某调度期应报送而未报送的项目，按所属地区（默认）或其他方式分组，每组给出应报、\n"
	"已报和未报的项目数。应报送的项目：在该年度台账中；已到计划开工时间、已开工或没有\n"
	"计划开工时间；报告已竣工的当月之后不再要求报送。尚无任何项目报送的调度期，列出全部\n"
	"应报送的项目。\n\n"
	"  --period YYYY-MM   调度期，默认最近一个有调度数据的月份\n"
	"  --by WAY           分组方式：region（所属地区，默认）、category（项目类别）、\n"
	"                     level（项目级别）、leader（包联领导）、unit（责任单位）\n";

int cmd_missing(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "period", required_argument, NULL, 'p' },
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 },
	};
	enum tz_bulletin_by by = TZ_BY_REGION;
	const char *period_arg = NULL, *key = NULL;
	struct tz_bulletin *b = NULL;
	struct tz_store *store;
	struct tz_period period;
	struct tz_err err;
	char pbuf[TZ_PERIOD_FMT_MAX];
	int c;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			period_arg = optarg;
			break;
		case 'b':
			if (tz_bulletin_by_parse(optarg, &by))
				return tz_cli_usage(cmd_missing_usage, TZ_CLI_BY_CHOICES, optarg);
			break;
		default:
			return tz_cli_bad_option(cmd_missing_usage, c, argv);
		}
	}
	if (optind != argc)
		return tz_cli_usage(cmd_missing_usage, "多余的参数“%s”", argv[optind]);
	if (period_arg && tz_period_parse(period_arg, strlen(period_arg), &period, &err))
		return tz_cli_usage(cmd_missing_usage, "--period “%s”%s", period_arg, err.msg);
	if (tz_app_store(app, TZ_STORE_READ, &store, &err))
		return tz_cli_fail(&err);
	if (!period_arg) {
		struct tz_store_summary sum;

		if (tz_store_summary(store, &sum, &err))
			return tz_cli_fail(&err);
		if (!sum.last.year) {
			tz_err_set(&err, TZ_ENOTFOUND, "数据库中还没有调度数据");
			return tz_cli_fail(&err);
		}
		period = sum.last;
	}
	b = tz_bulletin_new(period, by);
	if (tz_store_bulletin(store, b, &err) || tz_bulletin_finish_missing(b, &err)) {
		tz_bulletin_free(b);
		return tz_cli_fail(&err);
	}
	printf("%s调度期未报送项目：%zu个（应报%lld个，已报%lld个）\n", tz_period_fmt(period, pbuf),
	       tz_bulletin_missing_count(b),
	       (long long)(tz_bulletin_totals(b)->not_reported + tz_bulletin_totals(b)->reported),
	       (long long)tz_bulletin_totals(b)->reported);
	for (size_t i = 0; i < tz_bulletin_missing_count(b); i++) {
		const struct tz_bulletin_missing *m = tz_bulletin_missing_at(b, i);

		if (!key || strcmp(key, m->key)) {
			for (size_t g = 0; g < tz_bulletin_group_count(b); g++) {
				const struct tz_bulletin_group *gr = tz_bulletin_group_at(b, g);

				if (!strcmp(gr->key, m->key))
					printf("\n%s（%s）：未报送%lld个，已报送%lld个\n", m->key,
					       tz_bulletin_by_label(by), (long long)gr->not_reported,
					       (long long)gr->reported);
			}
			key = m->key;
		}
		printf("  %s  %s  所属地区：%s  责任单位：%s  包联领导：%s\n", m->code, m->name,
		       m->region, *m->unit ? m->unit : "—", *m->leader ? m->leader : "—");
	}
	tz_bulletin_free(b);
	return TZ_EXIT_OK;
}
