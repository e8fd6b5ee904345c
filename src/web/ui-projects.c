/*
 * ui-projects.c: the project list (项目) — filtered by region, unit,
 * category, level, nature, status, leader and text, sorted, paged — and
 * the same list as an XLSX file. Each row shows its light (亮灯) for the
 * list's month, and `light=` filters by it (list.h). Only the projects the user may see are
 * ever read (the store query carries the access scope).
 *
 * At 390 px the table becomes one card per project (taizhang.css), so a
 * phone never scrolls sideways; printed, it is a plain table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/money.h"
#include "core/progress.h"
#include "report/writer.h"
#include "web/list.h"
#include "web/pages.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* The filters' choices                                                */

struct facets {
	const char **v[3];  /* categories, levels, natures */
	size_t n[3];
};

/* Split cached "a\x1fb\x1ec\x1e…" back into lists. */
static void facets_from(struct tz_req *r, const char *text, struct facets *f)
{
	char *copy = tz_arena_strdup(r->arena, text), *p = copy;

	for (int k = 0; k < 3; k++) {
		char *end = strchr(p, '\x1e'), *q;
		size_t n = 0;

		if (end)
			*end = '\0';
		for (q = p; *q; q++)
			n += *q == '\x1f';
		f->v[k] = tz_arena_calloc(r->arena, n + 2, sizeof(char *));
		f->n[k] = 0;
		if (*p) {
			for (q = p;;) {
				char *sep = strchr(q, '\x1f');

				if (sep)
					*sep = '\0';
				f->v[k][f->n[k]++] = q;
				if (!sep)
					break;
				q = sep + 1;
			}
		}
		p = end ? end + 1 : p + strlen(p);
	}
}

/* The categories, levels and natures of a year, kept until the data changes. */
static int get_facets(struct tz_req *r, int year, struct facets *f)
{
	char key[48];
	struct tz_blob *b;

	snprintf(key, sizeof(key), "facets:%d", year);
	b = tz_cache_get(r->web->cache, key, r->version);
	if (!b) {
		struct tz_project_facets pf;
		struct tz_buf t = TZ_BUF_INIT;
		const char **lists[3];
		size_t counts[3];
		int rc;

		if ((rc = tz_store_project_facets(r->store, year, r->arena, &pf, &r->err)))
			return rc;
		lists[0] = pf.categories, counts[0] = pf.ncategories;
		lists[1] = pf.levels, counts[1] = pf.nlevels;
		lists[2] = pf.natures, counts[2] = pf.nnatures;
		for (int k = 0; k < 3; k++) {
			for (size_t i = 0; i < counts[k]; i++) {
				if (i)
					tz_buf_addch(&t, '\x1f');
				tz_buf_adds(&t, lists[k][i]);
			}
			tz_buf_addch(&t, '\x1e');
		}
		b = tz_blob_new(t.buf, t.len);
		tz_buf_release(&t);
		tz_cache_put(r->web->cache, key, r->version, b);
	}
	facets_from(r, b->data, f);
	tz_blob_unref(b);
	return 0;
}

static void option(struct tz_req *r, const char *value, const char *label, const char *current)
{
	tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", value,
		  current && !strcmp(current, value) ? " selected" : "", label);
}

static void select_list(struct tz_req *r, const char *name, const char *label,
			const char *const *values, size_t n, const char *current)
{
	tz_html_f(&r->out, "<label>%s<select name=\"%s\"><option value=\"\">全部</option>", label,
		  name);
	for (size_t i = 0; i < n; i++)
		option(r, values[i], values[i], current);
	tz_html_raw(&r->out, "</select></label>\n");
}

/* Nodes of the tree the user sees, regions or departments. */
static void select_nodes(struct tz_req *r, const char *name, const char *label, int regions,
			 const char *current)
{
	tz_html_f(&r->out, "<label>%s<select name=\"%s\"><option value=\"\">全部</option>", label,
		  name);
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *n = tz_org_index_at(r->org, i);
		struct tz_object o = tz_object_node(n->id);

		if (tz_org_kind_is_region(n->kind) != regions ||
		    (!regions && n->kind != TZ_ORG_DEPARTMENT) ||
		    tz_access_decide(r->org, r->user, TZ_ACT_VIEW, &o) != TZ_ALLOW)
			continue;
		option(r, n->code, n->name, current);
	}
	tz_html_raw(&r->out, "</select></label>\n");
}

static void filters(struct tz_req *r, const struct tz_list *l, const struct facets *f)
{
	static const char *const statuses[] = { "未开工", "已开工", "已复工", "停工", "已竣工", "未报" };
	static const char *const sort_labels[TZ_PSORT_COUNT] = {
		"项目编号", "项目名称", "所属地区", "总投资", "年度计划投资", "累计完成投资", "投资完成率",
	};
	struct tz_buf *b = &r->out;

	tz_html_raw(b, "<form class=\"filters\" method=\"get\" action=\"/projects\">\n");
	tz_html_raw(b, "<label>年度<select name=\"year\">");
	for (int y = l->facts.last_year; y >= l->facts.first_year && y > 0; y--) {
		tz_html_f(b, "<option value=\"%d\"%s>%d年</option>", y, y == l->q.year ? " selected" : "", y);
	}
	tz_html_raw(b, "</select></label>\n");
	select_nodes(r, "region", "所属地区", 1, l->region);
	select_nodes(r, "unit", "责任单位", 0, l->unit);
	select_list(r, "category", "项目类别", f->v[0], f->n[0], l->category);
	select_list(r, "level", "项目级别", f->v[1], f->n[1], l->level);
	select_list(r, "nature", "建设性质", f->v[2], f->n[2], l->nature);
	select_list(r, "status", "开工状态", statuses, sizeof(statuses) / sizeof(statuses[0]), l->status);
	/* A year not lit yet has no light to filter by (every choice but
	 * 全部 would list nothing). */
	if (!l->unlit) {
		tz_html_raw(b, "<label>亮灯<select name=\"light\"><option value=\"\">全部</option>");
		for (int k = TZ_LIGHT_RED; k >= TZ_LIGHT_NONE; k--)
			option(r, tz_light_key((enum tz_light)k), tz_light_name((enum tz_light)k),
			       l->light_want ? tz_light_key((enum tz_light)(l->light_want - 1))
					     : NULL);
		tz_html_raw(b, "</select></label>\n");
	}
	tz_html_f(b, "<label>包联领导<input name=\"leader\" value=\"%s\"></label>\n",
		  l->leader ? l->leader : "");
	tz_html_f(b, "<label>名称或编号<input name=\"q\" type=\"search\" value=\"%s\"></label>\n",
		  l->text ? l->text : "");
	tz_html_raw(b, "<label>排序<select name=\"sort\">");
	for (int i = 0; i < TZ_PSORT_COUNT; i++)
		option(r, tz_list_sorts[i], sort_labels[i], tz_list_sorts[l->q.sort]);
	tz_html_raw(b, "</select></label>\n<label>顺序<select name=\"order\">");
	option(r, "asc", "升序", l->q.desc ? "desc" : "asc");
	option(r, "desc", "降序", l->q.desc ? "desc" : "asc");
	tz_html_raw(b, "</select></label>\n<div class=\"actions\"><button type=\"submit\">筛选</button>"
		       " <a href=\"/projects\">清除条件</a> <a class=\"export\" href=\"");
	tz_page_href(r, "/projects.xlsx", (const char *const[]){ "page", "", NULL });
	tz_html_raw(b, "\">导出Excel</a></div>\n</form>\n");
}

/* ------------------------------------------------------------------ */
/* The list                                                            */

/* The rows are written apart: the count that precedes them is known after. */
struct page_ctx {
	struct tz_req *r;
	struct tz_buf rows;
	long n;
	const struct tz_list *l;  /* for the rows' lights */
};

/* A cell; `cls` is one of our class names ("num"), never data. */
static void cell(struct tz_buf *b, const char *label, const char *cls, const char *text)
{
	if (cls)
		tz_html_f(b, "<td data-label=\"%s\" class=\"%s\">%s</td>", label, cls, text);
	else
		tz_html_f(b, "<td data-label=\"%s\">%s</td>", label, text);
}

static int row_html(void *ctx, const struct tz_project_row *row)
{
	struct page_ctx *c = ctx;
	struct tz_req *r = c->r;
	const struct tz_project *p = &row->p;
	struct tz_buf *b = &c->rows;

	tz_html_raw(b, "<tr>");
	tz_html_raw(b, "<td data-label=\"项目编号\" class=\"code\"><a href=\"/projects/");
	tz_html_url_arg(b, p->code);
	tz_html_f(b, "\">%s</a></td>", p->code);
	tz_html_raw(b, "<td data-label=\"项目名称\" class=\"name\"><a href=\"/projects/");
	tz_html_url_arg(b, p->code);
	tz_html_f(b, "\">%s</a></td>", p->name);
	cell(b, "所属地区", NULL, p->region);
	cell(b, "项目类别", NULL, p->category);
	cell(b, "项目级别", NULL, p->level);
	cell(b, "包联领导", NULL, p->leader);
	cell(b, "责任单位", NULL, p->unit);
	cell(b, "总投资(万元)", "num", tz_fmt_money(r, p->total));
	cell(b, "年度计划(万元)", "num", p->has_plan ? tz_fmt_money(r, p->annual) : "—");
	cell(b, "累计完成(万元)", "num", tz_fmt_money(r, row->ytd));
	cell(b, "完成率", "num", p->has_plan && p->annual > 0
				       ? tz_fmt_rate(r, tz_rate(row->ytd, p->annual)) : "—");
	cell(b, "开工状态", row->reported ? NULL : "stale",
	     row->status ? tz_status_name((enum tz_status)row->status) : "未报");
	{
		const struct tz_light_entry *e = c->l->has_lights
			? tz_lights_find(&c->l->lights, p->code) : NULL;

		tz_html_raw(b, "<td data-label=\"亮灯\">");
		if (e)
			tz_light_badge(b, e->light.light);
		else if (c->l->unlit)
			tz_html_raw(b, "不亮灯");
		tz_html_raw(b, "</td>");
	}
	tz_html_raw(b, "</tr>\n");
	c->n++;
	return 0;
}

static void pager(struct tz_req *r, const struct tz_list *l, long total)
{
	long pages = (total + l->per_page - 1) / l->per_page;
	char num[24];

	if (pages <= 1)
		return;
	tz_html_raw(&r->out, "<nav class=\"pager\" aria-label=\"分页\">");
	if (l->page > 1) {
		snprintf(num, sizeof(num), "%ld", l->page - 1);
		tz_html_raw(&r->out, "<a rel=\"prev\" href=\"");
		tz_page_href(r, "/projects", (const char *const[]){ "page", num, NULL });
		tz_html_raw(&r->out, "\">上一页</a>");
	}
	tz_html_f(&r->out, "<span>第 %ld / %ld 页</span>", l->page, pages);
	if (l->page < pages) {
		snprintf(num, sizeof(num), "%ld", l->page + 1);
		tz_html_raw(&r->out, "<a rel=\"next\" href=\"");
		tz_page_href(r, "/projects", (const char *const[]){ "page", num, NULL });
		tz_html_raw(&r->out, "\">下一页</a>");
	}
	tz_html_raw(&r->out, "</nav>\n");
}

int ui_projects(struct tz_req *r)
{
	static const char *const heads[] = {
		"项目编号", "项目名称", "所属地区", "项目类别", "项目级别", "包联领导", "责任单位",
		"总投资(万元)", "年度计划(万元)", "累计完成(万元)", "完成率", "开工状态", "亮灯",
	};
	struct page_ctx ctx = { r, TZ_BUF_INIT, 0, NULL };
	struct facets f;
	struct tz_list l;
	long total = 0;
	int rc;

	if ((rc = tz_list_parse(r, 1, &l)))
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	if ((rc = get_facets(r, l.q.year, &f)))
		return rc;
	ctx.l = &l;
	tz_page_begin(r, "项目", "/projects");
	/* A year no report has reached yet (a next year's ledger imported
	 * ahead) is not "截至12月": it has no month of progress at all. */
	if (l.q.year > l.facts.last.year)
		tz_html_f(&r->out, "<h1>项目<small>%d年度台账 · 尚无调度数据</small></h1>\n", l.q.year);
	else
		tz_html_f(&r->out, "<h1>项目<small>%d年度台账 · 截至%d月</small></h1>\n", l.q.year,
			  l.q.month);
	if (l.empty) {
		tz_html_raw(&r->out, "<p class=\"msg\">还没有项目台账。请调度管理员导入年度项目台账。</p>\n");
		return tz_page_send(r, 200);
	}
	filters(r, &l, &f);
	rc = tz_list_run(r, &l, row_html, &ctx, &total);
	if (rc) {
		tz_buf_release(&ctx.rows);
		return rc;
	}
	tz_html_f(&r->out, "<p class=\"count\">共 <b>%ld</b> 个项目</p>\n", total);
	if (ctx.n) {
		tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list\">\n<thead><tr>");
		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
			tz_html_f(&r->out, "<th scope=\"col\">%s</th>", heads[i]);
		tz_html_raw(&r->out, "</tr></thead>\n<tbody>\n");
		tz_buf_add(&r->out, ctx.rows.buf, ctx.rows.len);
		tz_html_raw(&r->out, "</tbody></table></div>\n");
	} else {
		tz_html_raw(&r->out, "<p class=\"msg\">没有符合条件的项目。</p>\n");
	}
	tz_buf_release(&ctx.rows);
	pager(r, &l, total);
	return tz_page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* The export                                                          */

static const struct tz_table_column xlsx_cols[] = {
	{ "项目编号", TZ_CELL_TEXT, 14 }, { "项目名称", TZ_CELL_TEXT, 36 },
	{ "所属地区", TZ_CELL_TEXT, 12 }, { "项目类别", TZ_CELL_TEXT, 14 },
	{ "项目级别", TZ_CELL_TEXT, 10 }, { "建设性质", TZ_CELL_TEXT, 8 },
	{ "建设单位", TZ_CELL_TEXT, 24 }, { "包联领导", TZ_CELL_TEXT, 10 },
	{ "责任单位", TZ_CELL_TEXT, 14 }, { "建设起止年限", TZ_CELL_TEXT, 12 },
	{ "总投资(万元)", TZ_CELL_MONEY, 14 }, { "年度计划投资(万元)", TZ_CELL_MONEY, 14 },
	{ "累计完成投资(万元)", TZ_CELL_MONEY, 14 }, { "投资完成率", TZ_CELL_RATE, 10 },
	{ "开工状态", TZ_CELL_TEXT, 8 },
};
#define XLSX_NCOLS (sizeof(xlsx_cols) / sizeof(xlsx_cols[0]))

struct xlsx_ctx {
	const struct tz_table_writer_type *type;
	struct tz_table_writer *w;
	struct tz_err *err;
};

static int row_xlsx(void *ctx, const struct tz_project_row *row)
{
	struct xlsx_ctx *c = ctx;
	const struct tz_project *p = &row->p;
	struct tz_cell cells[XLSX_NCOLS];
	int has_rate = p->has_plan && p->annual > 0;

	memset(cells, 0, sizeof(cells));
	cells[0].text = p->code;
	cells[1].text = p->name;
	cells[2].text = p->region;
	cells[3].text = p->category;
	cells[4].text = p->level;
	cells[5].text = p->nature;
	cells[6].text = p->owner;
	cells[7].text = p->leader;
	cells[8].text = p->unit;
	cells[9].text = p->years;
	cells[10].value = p->total;
	cells[11].value = p->annual;
	cells[11].blank = !p->has_plan;
	cells[12].value = row->ytd;
	cells[13].value = has_rate ? tz_rate(row->ytd, p->annual) : 0;
	cells[13].blank = !has_rate;
	cells[14].text = row->status ? tz_status_name((enum tz_status)row->status) : "未报";
	return c->type->row(c->w, cells, c->err);
}

int ui_projects_xlsx(struct tz_req *r)
{
	struct xlsx_ctx c = { &tz_table_xlsx, NULL, &r->err };
	struct tz_list l;
	struct stat st;
	char title[64], name[64];
	FILE *fp;
	int rc, fd;

	if ((rc = tz_list_parse(r, 0, &l)))
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	if (!(fp = tmpfile()))
		return tz_err_set(&r->err, TZ_EIO, "cannot make a temporary file");
	snprintf(title, sizeof(title), "%d年度项目", l.q.year);
	rc = c.type->begin(&c.w, fp, title, xlsx_cols, XLSX_NCOLS, &r->err);
	if (!rc) {
		rc = tz_list_run(r, &l, row_xlsx, &c, NULL);
		if (rc)
			c.type->end(c.w, NULL);
		else
			rc = c.type->end(c.w, &r->err);
	}
	if (rc || fflush(fp) || (fd = dup(fileno(fp))) < 0) {
		fclose(fp);
		return rc ? rc : tz_err_set(&r->err, TZ_EIO, "cannot write the export");
	}
	fclose(fp);
	if (fstat(fd, &st) || lseek(fd, 0, SEEK_SET) < 0) {
		close(fd);
		return tz_err_set(&r->err, TZ_EIO, "cannot read the export back");
	}
	snprintf(name, sizeof(name), "项目列表-%d.xlsx", l.q.year);
	return tz_resp_file(r, fd, (uint64_t)st.st_size,
			    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
}
