/*
 * cmd-export.c: `taizhang export projects|progress [--year YYYY] [--format
 * csv|xlsx] [--out FILE]`, in the layout `import` reads back unchanged.
 */
#include <getopt.h>
#include <string.h>

#include "cli/cli.h"
#include "core/period.h"
#include "report/writer.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_export_usage[] =
	"taizhang export projects|progress [--year 年度] [--format csv|xlsx] [--out 文件]";
const char cmd_export_help[] =
	"\n导出项目台账（projects，每个项目每个年度一行，第一列为“年度”）或调度数据（progress），\n"
	"格式与导入时相同，可以原样导回。没有可导出的内容时（如 --year 指定的年度没有台账）\n"
	"只输出表头，并在标准错误上说明（以及有台账的年度），退出码仍为 0。\n\n"
	"  --year 年度          只导出该年度的台账\n"
	"  --format csv|xlsx    默认 csv（UTF-8，带 BOM，Excel 可直接打开）\n"
	"  --out 文件           写入文件（先写临时文件，完成后再替换）；不指定时输出到标准输出\n";

/* The ledger's columns as exports lay them out: the year first. */
static const enum tz_project_field export_order[] = {
	TZ_PF_YEAR, TZ_PF_CODE, TZ_PF_NAME, TZ_PF_REGION, TZ_PF_CATEGORY, TZ_PF_LEVEL,
	TZ_PF_NATURE, TZ_PF_OWNER, TZ_PF_LEADER, TZ_PF_UNIT, TZ_PF_YEARS, TZ_PF_TOTAL,
	TZ_PF_ANNUAL, TZ_PF_START, TZ_PF_STAGE,
};
#define NPROJECT_COLS (sizeof(export_order) / sizeof(export_order[0]))

/* The national 项目代码 kept beside a 项目编号 (audit 9, W14): a column
 * after 项目编号, written only when some project has one, so that other
 * ledgers export as before; the import reads it back as the second key. */
static const struct tz_column natcode_column = { -1, "项目代码", "项目代码", 0, 0 };
#define NATCODE_AT 2  /* its place among the exported columns */

struct export_ctx {
	const struct tz_table_writer_type *type;
	struct tz_table_writer *w;
	struct tz_err *err;
	int natcode;  /* the 项目代码 column is written */
	long rows;    /* data rows written */
};

/* The first pass: whether a project of the export has a 项目代码. */
static int has_natcode(void *ctx, const struct tz_project *p)
{
	(void)ctx;
	return p->natcode && *p->natcode;
}

static int put_project(void *ctx, const struct tz_project *p)
{
	struct export_ctx *x = ctx;
	struct tz_cell by_field[TZ_PF_COUNT], cells[NPROJECT_COLS + 1];
	char start[TZ_PERIOD_FMT_MAX] = "", year[8];

	memset(by_field, 0, sizeof(by_field));
	snprintf(year, sizeof(year), "%d", p->year);
	by_field[TZ_PF_YEAR].text = year;
	by_field[TZ_PF_CODE].text = p->code;
	by_field[TZ_PF_NAME].text = p->name;
	by_field[TZ_PF_REGION].text = p->region;
	by_field[TZ_PF_CATEGORY].text = p->category;
	by_field[TZ_PF_LEVEL].text = p->level;
	by_field[TZ_PF_NATURE].text = p->nature;
	by_field[TZ_PF_OWNER].text = p->owner;
	by_field[TZ_PF_LEADER].text = p->leader;
	by_field[TZ_PF_UNIT].text = p->unit;
	by_field[TZ_PF_YEARS].text = p->years;
	by_field[TZ_PF_STAGE].text = p->stage;
	by_field[TZ_PF_TOTAL].value = p->total;
	by_field[TZ_PF_ANNUAL].value = p->annual;
	by_field[TZ_PF_ANNUAL].blank = !p->has_plan;
	if (p->planned_start.year)
		tz_period_fmt(p->planned_start, start);
	by_field[TZ_PF_START].text = start;
	for (size_t i = 0, j = 0; i < NPROJECT_COLS; i++, j++) {
		if (x->natcode && i == NATCODE_AT) {
			memset(&cells[j], 0, sizeof(cells[j]));
			cells[j++].text = p->natcode ? p->natcode : "";
		}
		cells[j] = by_field[export_order[i]];
	}
	x->rows++;
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
	x->rows++;
	return x->type->row(x->w, cells, x->err);
}

/* Stops tz_store_each_project at its first row: the year has a ledger. */
static int any_row(void *ctx, const struct tz_project *p)
{
	(void)ctx;
	(void)p;
	return 1;
}

/*
 * After an export that wrote no data row (walkthrough 17, M3: `export
 * projects --year 2022` printed a bare header and said nothing), say so
 * on stderr, and for a --year without a ledger which years have one.
 * The file itself stands, header only, and the exit status stays 0, as
 * for every export of an empty result: it is what the database holds
 * (and imports back as nothing); the note is for the person who typed
 * the year. Returns 0 or a store error with err set.
 */
static int note_empty(struct tz_store *store, int projects, int year, struct tz_err *err)
{
	struct tz_period last;
	int first_year, last_year, rc, n = 0;
	char years[512] = "";
	size_t used = 0;

	if (!projects) {
		fputs("taizhang: 数据库中还没有调度数据，只输出了表头\n", stderr);
		return 0;
	}
	if ((rc = tz_store_latest(store, &first_year, &last_year, &last, err)))
		return rc;
	if (!first_year) {
		fputs("taizhang: 数据库中还没有项目台账，只输出了表头"
		      "（taizhang import projects 台账文件 --year 年度）\n", stderr);
		return 0;
	}
	for (int y = first_year; y <= last_year && y <= TZ_PERIOD_YEAR_MAX; y++) {
		rc = tz_store_each_project(store, y, any_row, NULL, err);
		if (rc < 0)
			return rc;
		if (rc > 0 && used + 16 < sizeof(years))
			used += (size_t)snprintf(years + used, sizeof(years) - used, "%s%d",
						 n++ ? "、" : "", y);
	}
	fprintf(stderr, "taizhang: %d 年度没有项目台账，只输出了表头；有台账的年度：%s\n", year,
		years);
	return 0;
}

static void column(struct tz_table_column *col, const struct tz_column *def)
{
	col->header = def->header;
	col->kind = def->money ? TZ_CELL_MONEY : TZ_CELL_TEXT;
	col->width = def->money ? 16 : 14;
}

int cmd_export(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "year", required_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_table_column cols[NPROJECT_COLS + 1 > TZ_RF_COUNT ? NPROJECT_COLS + 1 : TZ_RF_COUNT];
	struct export_ctx x = { &tz_table_csv, NULL, NULL, 0, 0 };
	const char *out_path = NULL, *what;
	struct tz_store *store;
	struct tz_err err;
	struct tz_out out;
	size_t ncols;
	int c, projects, year = 0, rc;

	tz_err_clear(&err);
	x.err = &err;
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			x.type = tz_table_writer_find(optarg);
			if (!x.type)
				return tz_cli_usage(cmd_export_usage,
						    "--format “%s”不是可用的格式；可用 csv 或 xlsx（Excel 表格）",
						    optarg);
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'y':
			if (tz_year_parse(optarg, strlen(optarg), &year, &err))
				return tz_cli_usage(cmd_export_usage, "--year “%s”%s", optarg, err.msg);
			break;
		default:
			return tz_cli_bad_option(cmd_export_usage, c, argv);
		}
	}
	if (argc - optind != 1)
		return tz_cli_usage(cmd_export_usage, "需要指定导出类型（projects 或 progress）");
	what = argv[optind];
	if (!strcmp(what, "projects") || !strcmp(what, "项目"))
		projects = 1;
	else if (!strcmp(what, "progress") || !strcmp(what, "调度"))
		projects = 0;
	else
		return tz_cli_usage(cmd_export_usage, "未知的导出类型“%s”", what);
	if (year && !projects)
		return tz_cli_usage(cmd_export_usage, "--year 只用于项目台账");

	if (tz_app_store(app, TZ_STORE_READ, &store, &err))
		return tz_cli_fail(&err);
	if (projects) {
		/* Stops at the first project with a 项目代码. */
		rc = tz_store_each_project(store, year, has_natcode, NULL, &err);
		if (rc < 0)
			return tz_cli_fail(&err);
		x.natcode = rc > 0;
		ncols = 0;
		for (size_t i = 0; i < NPROJECT_COLS; i++) {
			if (x.natcode && i == NATCODE_AT)
				column(&cols[ncols++], &natcode_column);
			column(&cols[ncols++], &tz_project_columns[export_order[i]]);
		}
	} else {
		ncols = TZ_RF_COUNT;
		for (size_t i = 0; i < ncols; i++)
			column(&cols[i], &tz_progress_columns[i]);
	}
	if (tz_cli_open_out(app, out_path, !strcmp(x.type->name, "xlsx"), &out, &err))
		return tz_cli_fail(&err);
	rc = x.type->begin(&x.w, out.fp, projects ? "项目台账" : "调度数据", cols, ncols, &err);
	if (!rc)
		rc = projects ? tz_store_each_project(store, year, put_project, &x, &err)
			      : tz_store_each_progress(store, put_progress, &x, &err);
	if (x.w) {
		int erc = x.type->end(x.w, rc ? NULL : &err);
		if (!rc)
			rc = erc;
	}
	if (tz_cli_close_out(&out, rc != 0, &err) && !rc)
		rc = TZ_EIO;
	if (!rc && !x.rows)
		rc = note_empty(store, projects, year, &err);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
