/*
 * ui-bulletin.c: 通报 — the monthly bulletin of any period and grouping
 * (ledger.md "The monthly bulletin") in the site's layout, and its files:
 * XLSX, CSV, PDF, JSON and standalone HTML, written by the report writers
 * (src/report) from the same computed bulletin, offered for download
 * under a Chinese file name (RFC 6266/5987).
 *
 * Who sees which bulletin, decided from web.md's table and the access
 * decision: everybody may view and download (TZ_ACT_VIEW); what one gets
 * is the bulletin of the projects one sees (summary.h "the view"). For an
 * admin or a city-level coordinator that is the city's bulletin, byte for
 * byte what `taizhang bulletin` writes; a county's coordinator gets its
 * county's, a department's reporter its department's, a leader its
 * subtree and 包联 projects — each saying so in its text ("盖州市…",
 * tz_bulletin_set_scope) and never listing a project the user may not
 * see. Circulating the city's bulletin (发布) stays the city coordinator's
 * act: the only one whose bulletin is the city's.
 *
 * A period in which none of the view's projects reported is refused with
 * the bulletin's Chinese message (ledger.md), not shown as zeros. The
 * page body and every file are computed once per (store version, period,
 * grouping, view) and kept in memory.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "report/summary.h"
#include "report/writer.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

#define PAGE_LIST_MAX 100   /* lagging or 未报送 projects shown on the page */

static const struct {
	const char *name;      /* ?format= */
	const char *ext;
	const char *type;      /* Content-Type */
	const char *label;
} formats[] = {
	{ "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel" },
	{ "pdf", "pdf", "application/pdf", "PDF" },
	{ "csv", "csv", "text/csv; charset=utf-8", "CSV" },
	{ "json", "json", "application/json; charset=utf-8", "JSON" },
	{ "html", "html", "text/html; charset=utf-8", "网页" },
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* period and by from the query. 0, or 0 with *answered (400 set), or an error. */
static int args(struct tz_req *r, struct tz_period *p, enum tz_bulletin_by *by, int *answered)
{
	const char *by_arg = tz_req_query(r, "by");
	int rc;

	*by = TZ_BY_REGION;
	if ((rc = tz_summary_period(r, p, answered)) || *answered)
		return rc;
	if (by_arg && *by_arg && tz_bulletin_by_parse(by_arg, by)) {
		*answered = 1;
		return tz_resp_error(r, 400, "汇总方式应为 region、category、level、leader 或 unit");
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

static void cell(struct tz_req *r, struct tz_buf *b, const struct tz_table_column *col,
		 const struct tz_cell *c)
{
	char buf[48];
	int num = col->kind != TZ_CELL_TEXT;

	tz_html_f(b, "<td data-label=\"%s\"", col->header);
	tz_html_raw(b, num ? " class=\"num\">" : ">");
	if (!c->blank) {
		if (col->kind == TZ_CELL_TEXT)
			tz_html_txt(b, c->text ? c->text : "");
		else if (col->kind == TZ_CELL_MONEY)
			tz_html_txt(b, tz_fmt_money(r, c->value));
		else if (col->kind == TZ_CELL_YI) {
			char plain[32];

			tz_html_txt(b, tz_digits_grouped(tz_money_fmt_yi(c->value, plain), buf));
		} else if (col->kind == TZ_CELL_RATE)
			tz_html_txt(b, tz_rate_fmt_pct((int32_t)c->value, 2, buf));
		else
			tz_html_f(b, "%" PRId64, c->value);
	}
	tz_html_raw(b, "</td>");
}

static void table_head(struct tz_buf *b, const struct tz_table_column *cols, size_t n)
{
	tz_html_raw(b, "<thead><tr>");
	for (size_t i = 0; i < n; i++)
		tz_html_f(b, "<th scope=\"col\">%s</th>", cols[i].header);
	tz_html_raw(b, "</tr></thead>");
}

static void body(struct tz_req *r, const struct tz_bulletin *b, struct tz_buf *h)
{
	struct tz_table_column cols[TZ_BULLETIN_NCOLS];
	struct tz_cell cells[TZ_LAG_NCOLS > TZ_BULLETIN_NCOLS ? TZ_LAG_NCOLS : TZ_BULLETIN_NCOLS];
	struct tz_buf text = TZ_BUF_INIT;
	char title[256], change[16];
	size_t n, ncols = tz_bulletin_table_ncols(b);

	tz_bulletin_title(b, title, sizeof(title));
	tz_html_f(h, "<h2 class=\"btitle\">%s%s</h2>\n",
		  strcmp(tz_bulletin_scope(b), "全市") ? tz_bulletin_scope(b) : "", title);
	tz_bulletin_summary(b, &text);
	tz_html_raw(h, "<div class=\"lead\">");
	for (char *para = text.buf, *nl; para && *para; para = nl ? nl + 1 : NULL) {
		if ((nl = strchr(para, '\n')))
			*nl = '\0';
		tz_html_f(h, "<p>%s</p>", para);
	}
	tz_html_raw(h, "</div>\n");
	tz_buf_release(&text);

	tz_bulletin_table_columns(b, cols);
	tz_bulletin_columns_in_yi(cols);
	tz_html_raw(h, "<div class=\"table\"><table class=\"list bulletin\">");
	table_head(h, cols, ncols);
	tz_html_raw(h, "<tbody>\n");
	for (size_t i = 0; i <= tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *g = i < tz_bulletin_group_count(b)
			? tz_bulletin_group_at(b, i) : tz_bulletin_totals(b);

		tz_bulletin_group_cells(b, g, cells, change);
		tz_html_raw(h, i == tz_bulletin_group_count(b) ? "<tr class=\"total\">"
				: g->below_average ? "<tr class=\"below\">" : "<tr>");
		for (size_t c = 0; c < ncols; c++)
			cell(r, h, &cols[c], &cells[c]);
		tz_html_raw(h, "</tr>\n");
	}
	tz_html_f(h, "</tbody></table></div>\n<p class=\"notes\">金额单位：亿元。投资完成率低于%s平均水平的行加底色；"
		     "未安排年度计划投资的不参与排名。金额按亿元四舍五入，分项之和与合计可能有尾差。</p>\n", tz_bulletin_scope(b));

	n = tz_bulletin_lag_count(b);
	tz_html_f(h, "<h2>进度滞后项目<small>落后序时进度10个百分点以上，共%zu个</small></h2>\n", n);
	if (n) {
		tz_html_raw(h, "<div class=\"table\"><table class=\"list lagging\">");
		table_head(h, tz_lag_columns, TZ_LAG_NCOLS);
		tz_html_raw(h, "<tbody>\n");
		for (size_t i = 0; i < n && i < PAGE_LIST_MAX; i++) {
			tz_bulletin_lag_cells(tz_bulletin_lag_at(b, i), i + 1, cells);
			tz_html_raw(h, "<tr>");
			for (size_t c = 0; c < TZ_LAG_NCOLS; c++)
				cell(r, h, &tz_lag_columns[c], &cells[c]);
			tz_html_raw(h, "</tr>\n");
		}
		tz_html_raw(h, "</tbody></table></div>\n");
		if (n > PAGE_LIST_MAX)
			tz_html_f(h, "<p class=\"notes\">此处列出前%d个，完整名单见Excel或PDF文件。</p>\n",
				  PAGE_LIST_MAX);
	}
	n = tz_bulletin_missing_count(b);
	tz_html_f(h, "<h2>未报送项目<small>共%zu个</small></h2>\n", n);
	if (n) {
		tz_html_raw(h, "<div class=\"table\"><table class=\"list missing\">");
		table_head(h, tz_missing_columns, TZ_MISSING_NCOLS);
		tz_html_raw(h, "<tbody>\n");
		for (size_t i = 0; i < n && i < PAGE_LIST_MAX; i++) {
			tz_bulletin_missing_cells(tz_bulletin_missing_at(b, i), i + 1, cells);
			tz_html_raw(h, "<tr>");
			for (size_t c = 0; c < TZ_MISSING_NCOLS; c++)
				cell(r, h, &tz_missing_columns[c], &cells[c]);
			tz_html_raw(h, "</tr>\n");
		}
		tz_html_raw(h, "</tbody></table></div>\n");
		if (n > PAGE_LIST_MAX)
			tz_html_f(h, "<p class=\"notes\">此处列出前%d个，完整名单见Excel或PDF文件。</p>\n",
				  PAGE_LIST_MAX);
	}
}

/* The page body for (period, by, view), from memory or computed; a
 * refused bulletin is kept as its message ("!" first). */
static int page_body(struct tz_req *r, const struct tz_view *v, struct tz_period p,
		     enum tz_bulletin_by by, struct tz_blob **out, int *hit)
{
	char key[400], per[TZ_PERIOD_FMT_MAX];
	struct tz_bulletin *b;
	struct tz_buf h = TZ_BUF_INIT;
	int rc;

	snprintf(key, sizeof(key), "bulletin-page:%s:%s:%s", tz_period_fmt(p, per),
		 tz_bulletin_by_name(by), v->key);
	*out = tz_cache_get(r->web->cache, key, r->version);
	*hit = *out != NULL;
	if (*out)
		return 0;
	rc = tz_summary_bulletin(r, v, p, by, &b);
	if (rc == TZ_ENOTFOUND) {
		tz_buf_addch(&h, '!');
		tz_buf_adds(&h, r->err.msg);
		tz_err_clear(&r->err);
	} else if (rc) {
		return rc;
	} else {
		body(r, b, &h);
		tz_bulletin_free(b);
	}
	*out = tz_blob_new(h.buf, h.len);
	tz_buf_release(&h);
	tz_cache_put(r->web->cache, key, r->version, *out);
	return 0;
}

int ui_bulletin(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	struct tz_period p, *ps;
	enum tz_bulletin_by by;
	struct tz_blob *blob;
	char per[TZ_PERIOD_FMT_MAX];
	size_t nper;
	int rc, answered, hit;

	if ((rc = args(r, &p, &by, &answered)) || answered)
		return rc;
	tz_page_begin(r, "通报", "/bulletin");
	tz_html_f(&r->out, "<h1>通报<small>%s</small></h1>\n", v->label);
	if (!p.year) {
		tz_html_raw(&r->out, "<p class=\"msg\">还没有调度数据，无法生成通报。</p>\n");
		return tz_page_send(r, 200);
	}
	tz_period_fmt(p, per);
	ps = tz_summary_periods(r, p, &nper);
	tz_html_raw(&r->out, "<form class=\"filters bar\" method=\"get\" action=\"/bulletin\">"
			     "<label>调度期<select name=\"period\">");
	for (size_t i = 0; i < nper; i++) {
		char pp[TZ_PERIOD_FMT_MAX];

		tz_period_fmt(ps[i], pp);
		tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", pp,
			  tz_period_cmp(ps[i], p) ? "" : " selected", pp);
	}
	tz_html_raw(&r->out, "</select></label><label>汇总方式<select name=\"by\">");
	for (int i = 0; i < TZ_BY_COUNT; i++)
		tz_html_f(&r->out, "<option value=\"%s\"%s>按%s</option>",
			  tz_bulletin_by_name((enum tz_bulletin_by)i), (int)by == i ? " selected" : "",
			  tz_bulletin_by_label((enum tz_bulletin_by)i));
	tz_html_raw(&r->out, "</select></label><div class=\"actions\"><button type=\"submit\">生成</button>"
			     "</div></form>\n");
	if ((rc = page_body(r, v, p, by, &blob, &hit)))
		return rc;
	tz_summary_cache_header(r, hit);
	if (blob->len && blob->data[0] == '!') {
		tz_html_f(&r->out, "<p class=\"msg bad\" data-k=\"refusal\">%s</p>\n", blob->data + 1);
		tz_blob_unref(blob);
		return tz_page_send(r, 200);
	}
	tz_html_raw(&r->out, "<p class=\"downloads\">下载：");
	for (size_t i = 0; i < NFORMATS; i++)
		tz_html_f(&r->out, "<a class=\"export\" href=\"/bulletin/export?period=%s&amp;by=%s&amp;"
				   "format=%s\" download>%s</a> ", per, tz_bulletin_by_name(by),
			  formats[i].name, formats[i].label);
	tz_html_raw(&r->out, "</p>\n");
	tz_buf_add(&r->out, blob->data, blob->len);
	tz_blob_unref(blob);
	return tz_page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* The files                                                           */

/* Write b with `w` into memory (a temporary file: XLSX and PDF writers
 * need one). */
static int write_file(struct tz_req *r, const struct tz_bulletin *b,
		      const struct tz_bulletin_writer_type *w, struct tz_blob **out)
{
	FILE *fp = tmpfile();
	char *data = NULL;
	long size = 0;
	int rc;

	*out = NULL;
	if (!fp)
		return tz_err_set(&r->err, TZ_EIO, "cannot make a temporary file");
	rc = w->write(b, fp, &r->err);
	if (!rc && (fflush(fp) || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET)))
		rc = tz_err_set(&r->err, TZ_EIO, "cannot read the bulletin back");
	if (!rc) {
		data = malloc(size ? (size_t)size : 1);
		if (!data || fread(data, 1, (size_t)size, fp) != (size_t)size)
			rc = tz_err_set(&r->err, TZ_EIO, "cannot read the bulletin back");
		else
			*out = tz_blob_new(data, (size_t)size);
		free(data);
	}
	fclose(fp);
	return rc;
}

int ui_bulletin_export(struct tz_req *r)
{
	const struct tz_view *v = tz_view_of(r);
	const char *fmt = tz_req_query(r, "format");
	const struct tz_bulletin_writer_type *w;
	struct tz_bulletin *b;
	struct tz_blob *blob;
	struct tz_buf cd = TZ_BUF_INIT;
	struct tz_period p;
	enum tz_bulletin_by by;
	char key[400], per[TZ_PERIOD_FMT_MAX], title[256];
	size_t f;
	int rc, answered, hit;

	if ((rc = args(r, &p, &by, &answered)) || answered)
		return rc;
	for (f = 0; f < NFORMATS; f++)
		if (fmt && !strcmp(fmt, formats[f].name))
			break;
	if (f == NFORMATS)
		return tz_resp_error(r, 400, "format 应为 xlsx、pdf、csv、json 或 html");
	if (!p.year)
		return tz_resp_error(r, 404, "还没有调度数据，无法生成通报");
	w = tz_bulletin_writer_find(formats[f].name);
	if (!w)
		return tz_err_set(&r->err, TZ_EINTERNAL, "no writer for %s", formats[f].name);
	snprintf(key, sizeof(key), "bulletin-file:%s:%s:%s:%s", tz_period_fmt(p, per),
		 tz_bulletin_by_name(by), v->key, formats[f].name);
	/* The title names the file; computed with the bulletin, kept beside it. */
	blob = tz_cache_get(r->web->cache, key, r->version);
	hit = blob != NULL;
	{
		struct tz_bulletin *tb = tz_bulletin_new(p, by);

		tz_bulletin_title(tb, title, sizeof(title));
		tz_bulletin_free(tb);
	}
	if (!blob) {
		rc = tz_summary_bulletin(r, v, p, by, &b);
		if (rc == TZ_ENOTFOUND)
			return tz_resp_error(r, 404, r->err.msg);
		if (rc)
			return rc;
		rc = write_file(r, b, w, &blob);
		tz_bulletin_free(b);
		if (rc)
			return rc;
		tz_cache_put(r->web->cache, key, r->version, blob);
	}
	/* Headers after the body: choosing a body drops those set before. */
	rc = tz_resp_blob(r, 200, formats[f].type, blob);
	tz_blob_unref(blob);
	tz_summary_cache_header(r, hit);
	/* RFC 6266/5987: an ASCII fallback, and the Chinese name. */
	tz_buf_addf(&cd, "attachment; filename=\"bulletin-%s-%s.%s\"; filename*=UTF-8''", per,
		    tz_bulletin_by_name(by), formats[f].ext);
	tz_html_url_arg(&cd, tz_sfmt(r, "%s%s.%s", strcmp(v->label, "全市") ? v->label : "", title,
				     formats[f].ext));
	tz_resp_header(r, "Content-Disposition", cd.buf);
	tz_buf_release(&cd);
	return rc;
}
