/*
 * cmd-init.c: `taizhang init`: create the database, check an existing one,
 * or upgrade one of the earlier single-plan schema (ledger.md).
 */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_init_usage[] = "taizhang [--db 路径] init";
const char cmd_init_help[] =
	"\n数据库不存在时新建；已存在时检查它是否为台账系统的数据库。旧版数据库（每个项目只有\n"
	"一个年度计划）在这里升级为按年度的台账：每个项目的年度计划归入其最近一次调度所在的\n"
	"年度（没有调度时归入计划开工的年度），其他有调度的年度建立没有计划的台账行，并由\n"
	"地区和责任单位建立组织机构；数据不会丢失。其他命令遇到旧版数据库会要求先运行 init。\n";

int cmd_init(struct tz_app *app, int argc, char **argv)
{
	struct tz_store_upgrade up;
	struct tz_store_summary sum;
	struct tz_err err;

	(void)argv;
	if (argc > 1)
		return tz_cli_usage(cmd_init_usage, "init 不接受参数“%s”", argv[1]);
	tz_err_clear(&err);
	if (tz_store_open(&app->store, app->db, TZ_STORE_CREATE | TZ_STORE_UPGRADE, &up, &err))
		return tz_cli_fail(&err);
	if (up.codes_folded)
		printf("项目编号%ld个原为全角字符，已统一为半角（导入和查询都按半角识别）：%s\n",
		       up.codes_folded, up.codes_list);
	if (up.from_version == 2) {
		printf("数据库已从第2版升级到第%d版：%s\n"
		       "  调度记录 %ld 条改为按项目和年度存放；项目 %ld 个、年度台账 %ld 行不变\n",
		       up.to_version, app->db, up.reports, up.projects, up.ledger_rows);
		return TZ_EXIT_OK;
	}
	if (up.from_version) {
		printf("数据库已从第%d版升级到第%d版：%s\n"
		       "  项目 %ld 个；年度台账 %ld 行，其中 %ld 行没有年度计划（只有调度数据的年度）；\n"
		       "  由地区和责任单位建立组织机构 %ld 个（taizhang org list 查看，"
		       "taizhang org export 导出后补充编码和别名）\n",
		       up.from_version, up.to_version, app->db, up.projects, up.ledger_rows,
		       up.unplanned_rows, up.org_nodes);
		return TZ_EXIT_OK;
	}
	if (tz_store_summary(app->store, &sum, &err))
		return tz_cli_fail(&err);
	if (!sum.projects && !sum.org_nodes)
		printf("数据库已就绪：%s（%s，空库；下一步：taizhang import projects 台账文件 --year 年度）\n",
		       app->db, tz_store_backend(app->store));
	else
		printf("数据库已就绪：%s（%s；项目 %ld 个，%d—%d 年度台账 %ld 行，调度记录 %ld 条）\n",
		       app->db, tz_store_backend(app->store), sum.projects, sum.first_year,
		       sum.last_year, sum.ledger_rows, sum.reports);
	return TZ_EXIT_OK;
}
