/*
 * cmd-org.c: `taizhang org list|import FILE|export [--format csv|xlsx]
 * [--out FILE]`: the organisation tree (ledger.md "Organisations").
 * An import is written to the audit trail as made from "cli".
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "cli/cli.h"
#include "core/org.h"
#include "intake/import.h"
#include "report/writer.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_org_usage[] =
	"taizhang org list | org import 文件 | org export [--format csv|xlsx] [--out 文件]";
const char cmd_org_help[] =
	"\n组织机构：市下设县（市）、区、开发区和市直，以及市直部门。导入台账时，所属地区和\n"
	"责任单位按名称（忽略空格和全角）或别名与组织机构匹配；不存在的名称会被拒绝并提示\n"
	"最接近的机构，不会新建地区。数据库还没有组织机构时，由第一份台账建立。\n\n"
	"  list              按层级列出\n"
	"  import 文件       按编码合并（CSV/XLSX，列：编码、名称、上级编码、类型、别名；\n"
	"                    别名用“、”分隔）：新编码新增，已有编码更新，文件中没有的保留\n"
	"  export            导出为同样格式，可修改后再导入\n";

static int list(struct tz_store *store, struct tz_err *err)
{
	struct tz_org_index *x = tz_org_index_new();
	int rc;

	if ((rc = tz_store_org_load(store, x, err)))
		goto out;
	if (!tz_org_index_count(x)) {
		printf("还没有组织机构（导入第一份台账时自动建立，或用 taizhang org import 导入）\n");
		goto out;
	}
	/* Depth first from the root; children in the order they were added. */
	for (size_t i = 0; i < tz_org_index_count(x); i++) {
		const struct tz_org_node *n = tz_org_index_at(x, i);
		int depth = 0;

		if (*n->parent)
			continue;
		{
			/* An explicit stack: the tree is shallow but unbounded. */
			size_t cap = tz_org_index_count(x), top = 0;
			const struct tz_org_node **stack = calloc(cap, sizeof(*stack));
			int *depths = calloc(cap, sizeof(*depths));

			if (!stack || !depths)
				abort();
			stack[top] = n;
			depths[top++] = 0;
			while (top) {
				const struct tz_org_node *cur = stack[--top];

				depth = depths[top];
				printf("%*s%s（%s，%s）%s%s\n", depth * 2, "", cur->name, cur->code,
				       tz_org_kind_name(cur->kind), *cur->aliases ? "  别名：" : "",
				       cur->aliases);
				for (size_t j = tz_org_index_count(x); j-- > 0;) {
					const struct tz_org_node *c = tz_org_index_at(x, j);

					if (!strcmp(c->parent, cur->code) && top < cap) {
						stack[top] = c;
						depths[top++] = depth + 1;
					}
				}
			}
			free(stack);
			free(depths);
		}
	}
out:
	tz_org_index_free(x);
	return rc;
}

/* Stored nodes the file does not name, then the file's; audited
 * "org.import" in the merge's transaction. */
static int import(struct tz_store *store, const char *path, struct tz_err *err)
{
	struct tz_org_index *file = tz_org_index_new(), *stored = tz_org_index_new();
	struct tz_org_index *merged = tz_org_index_new();
	struct tz_org_stats stats;
	struct tz_actor who;
	int rc;

	if ((rc = tz_org_read_file(path, file, err)) || (rc = tz_store_org_load(store, stored, err)))
		goto out;
	for (size_t i = 0; i < tz_org_index_count(file) && !rc; i++)
		rc = tz_org_index_add(merged, tz_org_index_at(file, i), err);
	for (size_t i = 0; i < tz_org_index_count(stored) && !rc; i++) {
		const struct tz_org_node *n = tz_org_index_at(stored, i);

		if (!tz_org_index_by_code(file, n->code))
			rc = tz_org_index_add(merged, n, err);
	}
	if (rc) {
		tz_err_locate(err, path, 0);
		goto out;
	}
	if ((rc = tz_org_index_check(merged, err))) {
		tz_err_locate(err, path, 0);
		goto out;
	}
	tz_cli_actor(&who, 0);
	if ((rc = tz_store_org_change(store, merged, path, &who, &stats, err)))
		goto out;
	printf("%s: 组织机构新增%ld个，更新%ld个，未变%ld个\n", path, stats.added, stats.changed,
	       stats.unchanged);
out:
	tz_org_index_free(file);
	tz_org_index_free(stored);
	tz_org_index_free(merged);
	return rc;
}

static int export(struct tz_app *app, struct tz_store *store, const char *format,
		  const char *path, struct tz_err *err)
{
	static const struct tz_table_column cols[] = {
		{ "编码", TZ_CELL_TEXT, 14 }, { "名称", TZ_CELL_TEXT, 24 },
		{ "上级编码", TZ_CELL_TEXT, 14 }, { "类型", TZ_CELL_TEXT, 8 },
		{ "别名", TZ_CELL_TEXT, 30 },
	};
	const struct tz_table_writer_type *type = tz_table_writer_find(format);
	struct tz_org_index *x = tz_org_index_new();
	struct tz_table_writer *w = NULL;
	struct tz_out out = { 0 };
	int rc;

	if ((rc = tz_store_org_load(store, x, err)) ||
	    (rc = tz_cli_open_out(app, path, !strcmp(type->name, "xlsx"), &out, err)))
		goto out;
	rc = type->begin(&w, out.fp, "组织机构", cols, 5, err);
	for (size_t i = 0; !rc && i < tz_org_index_count(x); i++) {
		const struct tz_org_node *n = tz_org_index_at(x, i);
		struct tz_cell cells[5] = {
			{ n->code, 0, 0 }, { n->name, 0, 0 }, { n->parent, 0, 0 },
			{ tz_org_kind_name(n->kind), 0, 0 }, { n->aliases, 0, 0 },
		};

		rc = type->row(w, cells, err);
	}
	if (w) {
		int erc = type->end(w, rc ? NULL : err);
		if (!rc)
			rc = erc;
	}
	if (tz_cli_close_out(&out, rc != 0, err) && !rc)
		rc = TZ_EIO;
out:
	tz_org_index_free(x);
	return rc;
}

int cmd_org(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "csv", *out_path = NULL, *what;
	struct tz_store *store;
	struct tz_err err;
	int c, rc;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!tz_table_writer_find(optarg))
				return tz_cli_usage(cmd_org_usage,
						    "--format “%s”不是可用的格式；可用 csv 或 xlsx（Excel 表格）",
						    optarg);
			format = optarg;
			break;
		case 'o':
			out_path = optarg;
			break;
		default:
			return tz_cli_bad_option(cmd_org_usage, c, argv);
		}
	}
	if (optind >= argc)
		return tz_cli_usage(cmd_org_usage, "需要指定 list、import 或 export");
	what = argv[optind];
	if (strcmp(what, "list") && strcmp(what, "import") && strcmp(what, "export"))
		return tz_cli_usage(cmd_org_usage, "未知的子命令“%s”", what);
	if (!strcmp(what, "import") ? argc - optind != 2 : argc - optind != 1)
		return tz_cli_usage(cmd_org_usage, "参数个数不对");
	if (tz_app_store(app, strcmp(what, "import") ? TZ_STORE_READ : 0, &store, &err))
		return tz_cli_fail(&err);
	if (!strcmp(what, "list"))
		rc = list(store, &err);
	else if (!strcmp(what, "import"))
		rc = import(store, argv[optind + 1], &err);
	else
		rc = export(app, store, format, out_path, &err);
	return rc ? tz_cli_fail(&err) : TZ_EXIT_OK;
}
