/*
 * orgfile.c: the organisation tree from a spreadsheet (CSV or XLSX) with
 * the columns 编码, 名称, 上级编码, 类型, 别名 (ledger.md "Organisations"),
 * as `taizhang org export` writes it.
 */
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/org.h"
#include "intake/import.h"
#include "intake/reader.h"
#include "base/banned.h"

enum { COL_CODE, COL_NAME, COL_PARENT, COL_KIND, COL_ALIASES, NCOLS };

static const char *const col_names[NCOLS][4] = {
	{ "编码", "代码", "机构编码", NULL },
	{ "名称", "机构名称", "单位名称", NULL },
	{ "上级编码", "上级代码", "上级", NULL },
	{ "类型", "机构类型", NULL, NULL },
	{ "别名", "简称", "其他名称", NULL },
};

static int header(const struct tz_row *row, int idx[NCOLS])
{
	struct tz_buf key = TZ_BUF_INIT;
	int found = 0;

	for (int c = 0; c < NCOLS; c++)
		idx[c] = -1;
	for (size_t i = 0; i < row->ncells; i++) {
		if (tz_org_norm(row->cells[i], row->lens[i], &key))
			continue;
		for (int c = 0; c < NCOLS; c++)
			for (int k = 0; col_names[c][k]; k++)
				if (idx[c] < 0 && !strcmp(key.buf, col_names[c][k])) {
					idx[c] = (int)i;
					found++;
				}
	}
	tz_buf_release(&key);
	return idx[COL_CODE] >= 0 && idx[COL_NAME] >= 0 ? found : 0;
}

static void cell(const struct tz_row *row, int i, const char **s, size_t *len)
{
	*s = "";
	*len = 0;
	if (i >= 0 && (size_t)i < row->ncells) {
		*s = row->cells[i];
		*len = row->lens[i];
		tz_text_trim(s, len);
	}
}

/*
 * Whether a 类型 cell (len bytes) names a town or street (镇, 乡, 乡镇,
 * 街道…): the tree has no such kind, and a county's clerk whose ledger
 * groups by town needs to be told what to write (walkthrough f16,
 * 2026-12-01: "org types 镇/乡").
 */
static int town_kind(const char *s, size_t len)
{
	static const char *const towns[] = { "镇", "乡", "乡镇", "街道", "街道办", "街道办事处",
					     "苏木", "镇街" };

	tz_text_trim(&s, &len);
	for (size_t i = 0; i < sizeof(towns) / sizeof(towns[0]); i++)
		if (len == strlen(towns[i]) && !memcmp(s, towns[i], len))
			return 1;
	return 0;
}

int tz_org_read_file(const char *path, struct tz_org_index *x, struct tz_err *err)
{
	struct tz_reader *r = NULL;
	struct tz_row row;
	struct tz_buf text = TZ_BUF_INIT;
	int idx[NCOLS], have = 0, rc;

	if ((rc = tz_reader_open(&r, path, err)))
		return rc;
	while ((rc = tz_reader_next(r, &row, err)) > 0) {
		const char *v[NCOLS];
		size_t len[NCOLS], off[NCOLS];
		struct tz_org_node n = { 0 };

		if (!have) {
			have = header(&row, idx) > 0;
			continue;
		}
		tz_buf_reset(&text);
		for (int c = 0; c < NCOLS; c++) {
			cell(&row, idx[c], &v[c], &len[c]);
			off[c] = text.len;
			tz_buf_add(&text, v[c], len[c]);
			tz_buf_addch(&text, '\0');
		}
		if (!len[COL_CODE] && !len[COL_NAME])
			continue;
		n.code = text.buf + off[COL_CODE];
		n.name = text.buf + off[COL_NAME];
		n.parent = text.buf + off[COL_PARENT];
		n.aliases = text.buf + off[COL_ALIASES];
		if (!len[COL_KIND]) {
			n.kind = !len[COL_PARENT] ? TZ_ORG_CITY : tz_org_kind_guess(n.name);
		} else if (tz_org_kind_parse(v[COL_KIND], len[COL_KIND], &n.kind)) {
			rc = tz_err_set_at(err, TZ_EINVAL, path, row.line, "类型",
					   "类型“%.*s”无法识别（应为市、县、区、开发区、市直或部门）%s",
					   (int)len[COL_KIND], v[COL_KIND],
					   town_kind(v[COL_KIND], len[COL_KIND])
					   ? "：组织机构没有乡镇（街道）这一类型；县（市、区）自己的台账以乡镇、"
					     "街道为所属地区时，类型请填“县”或留空（按名称推定）" : "");
			goto out;
		}
		if ((rc = tz_org_index_add(x, &n, err))) {
			tz_err_locate(err, path, row.line);
			goto out;
		}
	}
	if (rc < 0)
		goto out;
	rc = have ? 0 : tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				      "未找到表头：组织机构表应有“编码”“名称”“上级编码”“类型”“别名”列");
out:
	tz_buf_release(&text);
	tz_reader_close(r);
	return rc;
}
