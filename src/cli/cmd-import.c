/*
 * cmd-import.c: `taizhang import projects|progress FILE [--year YYYY]
 * [--period YYYY-MM] [--sheet NAME] [--partial] [--confirm-large]`.
 *
 * Every rejected row goes to stderr as "FILE:LINE: 项目编号 CODE: reason";
 * the exit status is non-zero whenever a row was rejected, even when
 * --partial committed the others.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/period.h"
#include "intake/import.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_import_usage[] =
	"taizhang import projects|progress 文件 [--year 年度] [--period YYYY-MM] [--sheet 工作表]"
	" [--partial] [--confirm-large]";
const char cmd_import_help[] =
	"\n导入年度项目台账（projects）或调度数据（progress）：CSV 或制表符分隔的文本（UTF-8、GBK、\n"
	"UTF-16）、Excel 工作簿（.xlsx，.xls），以及网页系统另存为 .xls 的 HTML 表格和 XML 表格，\n"
	"按文件内容识别格式。工作簿读第一个有表头的可见工作表。\n"
	"列按表头名称识别，标题行和空行自动跳过。整个文件要么全部导入，要么不导入：有错误的行\n"
	"逐条列出（文件:行号: 项目编号: 原因）。\n\n"
	"  --year 年度   台账的年度；表中有“年度”列时按列，否则用 --year，再否则用标题中的年份\n"
	"                （如“2025年重点项目台账”）；都没有时拒绝导入\n"
	"  --period YYYY-MM  调度数据的调度期：表中没有“调度期”列、标题中也没有写明月份时用它；\n"
	"                与“调度期”列或标题中的月份不一致时拒绝导入（只用于调度数据）\n"
	"  --sheet 名称  读指定的工作表\n"
	"  --partial     只导入正确的行（仍以非零状态退出）\n"
	"  --confirm-large  确认大额：金额像是在万元列中按元填写时默认拒绝：超过1万亿元；是本表同一列\n"
	"                其他各行中位数的1万倍以上（总投资100亿元以上且年度计划投资也如此时1000倍）；\n"
	"                本期完成投资是该项目已入库总投资的10倍以上；是已入库的同一项目数的1000倍\n"
	"                以上；本表中位数是库中本年度其他地区的1000倍以上（整个文件不导入）。\n"
	"                核对无误后用此选项导入\n\n"
	"所属地区和责任单位按组织机构匹配（忽略空格和全角，识别别名）；数据库还没有组织机构时，\n"
	"由第一份台账建立。调度数据只计入所在年度台账中的项目。\n";

static void print_reject(void *ctx, const struct tz_import_reject *rej)
{
	(void)ctx;
	/* A row of a list without codes is named by its line alone. */
	if (*rej->code)
		fprintf(stderr, "%s:%ld: 项目编号 %s: %s\n", rej->file, rej->line, rej->code,
			rej->reason);
	else
		fprintf(stderr, "%s:%ld: %s\n", rej->file, rej->line, rej->reason);
}

static const char *year_source(const struct tz_import_result *res, char *buf, size_t size)
{
	switch (res->year_source) {
	case TZ_YEAR_COLUMN:
		return "年度取自“年度”列";
	case TZ_YEAR_OPTION:
		snprintf(buf, size, "%d年度（--year）", res->year);
		return buf;
	case TZ_YEAR_TITLE:
		snprintf(buf, size, "%d年度（取自标题）", res->year);
		return buf;
	case TZ_YEAR_PLAN:
		snprintf(buf, size, "%d年度（取自计划投资列的表头）", res->year);
		return buf;
	default:
		return "";
	}
}

int cmd_import(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "partial", no_argument, NULL, 'p' },
		{ "year", required_argument, NULL, 'y' },
		{ "sheet", required_argument, NULL, 's' },
		{ "confirm-large", no_argument, NULL, 'L' },
		{ "period", required_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_import_opts io = { 0, 0, NULL, print_reject, NULL, 0, NULL, NULL, 0, { 0, 0 } };
	struct tz_import_result res;
	struct tz_actor who;
	struct tz_store *store;
	struct tz_err err;
	enum tz_import_kind kind;
	const char *what, *path;
	char ybuf[64];
	int c, rc;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			io.partial = 1;
			break;
		case 's':
			io.sheet = optarg;
			break;
		case 'L':
			io.confirm_large = 1;
			break;
		case 'y':
			if (tz_year_parse(optarg, strlen(optarg), &io.year, &err))
				return tz_cli_usage(cmd_import_usage, "--year “%s”%s", optarg, err.msg);
			break;
		case 'P':
			/* As bulletin --period parses and says it. */
			if (tz_period_parse(optarg, strlen(optarg), &io.period, &err))
				return tz_cli_usage(cmd_import_usage, "--period “%s”%s", optarg, err.msg);
			break;
		default:
			return tz_cli_bad_option(cmd_import_usage, c, argv);
		}
	}
	if (argc - optind != 2)
		return tz_cli_usage(cmd_import_usage, "需要指定导入类型（projects 或 progress）和文件");
	what = argv[optind];
	path = argv[optind + 1];
	if (!strcmp(what, "projects") || !strcmp(what, "项目"))
		kind = TZ_IMPORT_PROJECTS;
	else if (!strcmp(what, "progress") || !strcmp(what, "调度"))
		kind = TZ_IMPORT_PROGRESS;
	else
		return tz_cli_usage(cmd_import_usage, "未知的导入类型“%s”（应为 projects 或 progress）",
				    what);
	if (io.year && kind == TZ_IMPORT_PROGRESS)
		return tz_cli_usage(cmd_import_usage, "--year 只用于项目台账（调度数据按调度期计入年度）");
	if (io.period.year && kind == TZ_IMPORT_PROJECTS)
		return tz_cli_usage(cmd_import_usage, "--period 只用于调度数据（项目台账的年度用 --year）");

	if (tz_app_store(app, 0, &store, &err))
		return tz_cli_fail(&err);
	tz_cli_actor(&who, 0);  /* audited "import.*" in the import's transaction */
	io.who = &who;
	io.audit_name = path;
	rc = tz_import_file(store, kind, path, &io, &res, &err);
	if (rc && rc != TZ_EREJECTED) {
		tz_import_result_release(&res);
		return tz_cli_fail(&err);
	}
	if (rc == TZ_EREJECTED) {
		fprintf(stderr, "taizhang: %s: 共%ld行，%ld行有错误，整个文件未导入"
				"（改正后重新导入，或使用 --partial 只导入正确的行）\n",
			path, res.rows, res.rejected);
		tz_import_result_release(&res);
		return TZ_EXIT_FAIL;
	}
	fprintf(stderr, "%s%s%s%s: %s%s共%ld行，导入%ld行（新增%ld，更正%ld，未变%ld），%ld行被拒绝\n",
		path, res.sheet ? "（工作表“" : "", res.sheet ? res.sheet : "", res.sheet ? "”）" : "",
		year_source(&res, ybuf, sizeof(ybuf)), kind == TZ_IMPORT_PROJECTS ? "，" : "",
		res.rows, res.accepted, res.added, res.replaced, res.unchanged, res.rejected);
	if (res.accepted && !res.added && !res.replaced)
		fprintf(stderr, "  %s与数据库中已有的完全相同：没有新的内容，数据没有变化\n",
			res.rejected ? "导入的各行" : "文件中的数据");
	if (res.closed)
		fprintf(stderr, "  注意：其中%ld条报送属于已关闭的调度期（如%04d-%02d），已作为协调员的更正写入，"
				"并记入修改记录\n",
			res.closed, res.closed_period / 100, res.closed_period % 100);
	if (res.skipped_totals || res.skipped_sections || res.skipped_notes)
		fprintf(stderr, "  跳过不是项目的行：合计/小计%ld行，分类标题%ld行，注释%ld行\n",
			res.skipped_totals, res.skipped_sections, res.skipped_notes);
	if (res.skipped_samples)
		fprintf(stderr, "  跳过填报示例行%ld行（序号或编号为“示例”“例”，或名称为“填报示例：…”“…（示例）”："
				"模板自带的示例，不是项目）\n", res.skipped_samples);
	if (res.skipped_colnums)
		fprintf(stderr, "  跳过栏次行%ld行（表头下给各列编号的行，如 1、2、3… 或 甲、乙、丙…，不是项目）\n",
			res.skipped_colnums);
	if (res.skipped_headers)
		fprintf(stderr, "  跳过重复的表头%ld行（分页或续表处再次写出的表头、“（续）”标题）\n",
			res.skipped_headers);
	if (res.skipped_parts)
		fprintf(stderr, "  %ld行为项目的分项（其中…），未作为项目导入（没有序号或编号，紧接在项目之下，"
				"金额合计不超过该项目）\n", res.skipped_parts);
	if (res.rounded)
		fprintf(stderr, "  %ld个金额超过两位小数（万元），已四舍五入到0.01万元\n", res.rounded);
	if (res.marks)
		fprintf(stderr, "  %ld个金额单元格写的是“—”或“/”，按空白处理\n", res.marks);
	if (res.notes && *res.notes)
		fprintf(stderr, "  %s\n", res.notes);
	if (res.unread && *res.unread)
		fprintf(stderr, "  未识别、未导入的列：%s\n", res.unread);
	if (res.plan_kept)
		fprintf(stderr, "  文件没有年度计划投资列：%ld个已有台账行的年度计划投资保留不变\n",
			res.plan_kept);
	if (res.unplanned)
		fprintf(stderr, "  其中%ld个项目没有年度计划投资（不计入年度计划和投资完成率）\n",
			res.unplanned);
	if (res.hidden)
		fprintf(stderr, "  其中%ld行在表格中是隐藏的，也已导入\n", res.hidden);
	if (res.invisible)
		fprintf(stderr, "  %ld个单元格含不可见字符（零宽空格、BOM等，网页复制时常带入），已去除\n",
			res.invisible);
	if (res.folded)
		fprintf(stderr, "  %ld个项目编号含全角字符，已按半角读取（如“Ｐ１”即“P1”）\n", res.folded);
	if (res.region_from_unit)
		fprintf(stderr, "  表中没有地区列：所属地区取自“责任单位”（某县区政府→该县区，市直部门→市直）\n");
	if (res.codes_given)
		fprintf(stderr, "  没有项目编号（项目代码）的行按地区和项目名称识别，新项目编号%ld个（可在原表中采用）：\n%s",
			res.codes_given, res.codes_given_list);
	if (res.org_created)
		fprintf(stderr, "  由本台账建立组织机构%ld个：%s（taizhang org export 导出后可补充编码和别名）\n",
			res.org_created, res.org_created_names);
	tz_import_result_release(&res);
	return res.rejected ? TZ_EXIT_FAIL : TZ_EXIT_OK;
}
