/*
 * cmd-export.c: `taizhang export projects|progress [--format csv|xlsx]
 * [--out FILE]`, in the layout `import` reads back unchanged.
 */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/writer.h"
#include "store/store.h"
#include "base/banned.h"

static const char usage[] =
	"taizhang export projects|progress [--format csv|xlsx] [--out 文件]";

struct export_ctx {
	const struct tz_table_writer_type *type;
	struct tz_table_writer *w;
	struct tz_err *err;
};

static enum tz_cell_kind kind_of(const struct tz_column *col)
{
	return col->money ? TZ_CELL_MONEY : TZ_CELL_TEXT;
}

static int put_project(void *ctx, const struct tz_project *p)
{
	struct export_ctx *x = ctx;
	struct tz_cell cells[TZ_PF_COUNT];
	char start[TZ_PERIOD_FMT_MAX] = "";

	memset(cells, 0, sizeof(cells));
	cells[TZ_PF_CODE].text = p->code;
	cells[TZ_PF_NAME].text = p->name;
	cells[TZ_PF_REGION].text = p->region;
	cells[TZ_PF_CATEGORY].text = p->category;
	cells[TZ_PF_LEVEL].text = p->level;
	cells[TZ_PF_NATURE].text = p->nature;
	cells[TZ_PF_OWNER].text = p->owner;
	cells[TZ_PF_LEADER].text = p->leader;
	cells[TZ_PF_UNIT].text = p->unit;
	cells[TZ_PF_YEARS].text = p->years;
	cells[TZ_PF_TOTAL].value = p->total;
	cells[TZ_PF_ANNUAL].value = p->annual;
	if (p->planned_start.year)
		tz_period_fmt(p->planned_start, start);
	cells[TZ_PF_START].text = start;
	return x->type->row(x->w, cells, x->err);
}

static int put_progress(void *ctx, const struct tz_progress *r)
{
	struct export_ctx *x = ctx;
	struct tz_cell cells[TZ_RF_COUNT];
	char period[TZ_PERIOD_FMT_MAX];

	memset(cells, 0, sizeof(cells));
	cells[TZ_RF_CODE].text = r->code;
	cells[TZ_RF_PERIOD].text = tz_period_fmt(r->period, period);
	cells[TZ_RF_COMPLETED].value = r->completed;
	cells[TZ_RF_STATUS].text = tz_status_name(r->status);
	cells[TZ_RF_TEXT].text = r->progress_text;
	cells[TZ_RF_PROBLEM].text = r->problem;
	return x->type->row(x->w, cells, x->err);
}

int cmd_export(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_table_column cols[(int)TZ_PF_COUNT > (int)TZ_RF_COUNT ? (int)TZ_PF_COUNT : (int)TZ_RF_COUNT];
	const struct tz_column *defs;
	struct export_ctx x = { &tz_table_csv, NULL, NULL };
	const char *out_path = NULL, *what;
	struct tz_store *store;
	struct tz_err err;
	size_t ncols;
	FILE *out = NULL;
	int c, projects, rc;

	tz_err_clear(&err);
	x.err = &err;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			x.type = tz_table_writer_find(optarg);
			if (!x.type)
				return tz_cli_usage(usage, "--format 应为 csv 或 xlsx");
			break;
		case 'o':
			out_path = optarg;
			break;
		default:
			return tz_cli_usage(usage, NULL);
		}
	}
	if (argc - optind != 1)
		return tz_cli_usage(usage, "需要指定导出类型");
	what = argv[optind];
	if (!strcmp(what, "projects") || !strcmp(what, "项目"))
		projects = 1;
	else if (!strcmp(what, "progress") || !strcmp(what, "调度"))
		projects = 0;
	else
		return tz_cli_usage(usage, "未知的导出类型“%s”", what);
	if (!strcmp(x.type->name, "xlsx") && !out_path && isatty(STDOUT_FILENO))
		return tz_cli_usage(usage, "XLSX 是二进制文件，请用 --out 指定文件名");

	defs = projects ? tz_project_columns : tz_progress_columns;
	ncols = projects ? TZ_PF_COUNT : TZ_RF_COUNT;
	for (size_t i = 0; i < ncols; i++) {
		cols[i].header = defs[i].header;
		cols[i].kind = kind_of(&defs[i]);
		cols[i].width = defs[i].money ? 16 : 14;
	}
	if (tz_app_store(app, &store, &err) || tz_cli_open_out(out_path, &out, &err))
		return tz_cli_fail(&err);
	rc = x.type->begin(&x.w, out, projects ? "项目台账" : "调度数据", cols, ncols, &err);
	if (!rc)
		rc = projects ? tz_store_each_project(store, put_project, &x, &err)
			      : tz_store_each_progress(store, put_progress, &x, &err);
	if (x.w) {
		int erc = x.type->end(x.w, rc ? NULL : &err);
		if (!rc)
			rc = erc;
	}
	if (tz_cli_close_out(out, out_path, rc ? NULL : &err) && !rc)
		rc = TZ_EIO;
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
