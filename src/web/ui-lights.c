/*
 * ui-lights.c: 亮灯 — the traffic lights of a period: the rule as the
 * core applies it (core/light.h), the counts per light per region and
 * department of the user's view, and the list of lit projects with the
 * rule that lit each one (tz_light_explain). Filters: light (red, yellow,
 * green, none; default red and yellow), region (an organisation code,
 * with its subtree).
 *
 * The lights of the whole ledger are computed once per data version and
 * period and kept in memory (summary.h, tz_lights_get); the counts of a
 * view likewise; a request only walks the kept lights to list a page.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

int tz_light_query_parse(struct tz_req *r, struct tz_light_query *q, int *answered)
{
	const char *light = tz_req_query(r, "light"), *region = tz_req_query(r, "region");
	int rc;

	memset(q, 0, sizeof(q[0]));
	if ((rc = tz_summary_period(r, &q->p, answered)) || *answered)
		return rc;
	if (light && *light) {
		int found = 0;

		for (int l = TZ_LIGHT_NONE; l <= TZ_LIGHT_RED; l++) {
			if (!strcmp(light, tz_light_key((enum tz_light)l)) ||
			    !strcmp(light, tz_light_name((enum tz_light)l))) {
				q->want[l] = 1;
				q->light = tz_light_key((enum tz_light)l);
				found = 1;
			}
		}
		if (!found) {
			*answered = 1;
			return tz_resp_error(r, 400, "light 应为 red、yellow、green 或 none");
		}
	} else {
		q->want[TZ_LIGHT_RED] = q->want[TZ_LIGHT_YELLOW] = 1;
	}
	if (region && *region) {
		const struct tz_org_node *n = tz_org_index_by_code(r->org, region);

		q->region = region;
		q->region_id = n ? n->id : -1;
	}
	if (tz_req_int(r, "page", 1, 1, 1000000, &q->page) ||
	    tz_req_int(r, "per_page", 50, 1, 1000, &q->per_page)) {
		*answered = 1;
		return tz_resp_error(r, 400, "页码或每页条数无效（每页最多1000条）");
	}
	return 0;
}

int tz_lights_select(struct tz_req *r, const struct tz_lights *l, const struct tz_view *v,
		     const struct tz_light_query *q,
		     int (*fn)(void *ctx, const struct tz_light_entry *e), void *ctx, long *total)
{
	long skip = (q->page - 1) * q->per_page, take = q->per_page;
	int rc;

	*total = 0;
	/* Worst first: red, then yellow, then green, then none; each in the
	 * ledger's order. */
	for (int light = TZ_LIGHT_RED; light >= TZ_LIGHT_NONE; light--) {
		if (!q->want[light])
			continue;
		for (size_t i = 0; i < l->n; i++) {
			const struct tz_light_entry *e = &l->e[i];

			if ((int)e->light.light != light ||
			    !tz_view_sees(v, e->region_id, e->unit_id, l->text + e->leader))
				continue;
			if (q->region && (q->region_id < 0 ||
					  !(tz_org_index_within(r->org, e->region_id, q->region_id) ||
					    tz_org_index_within(r->org, e->unit_id, q->region_id))))
				continue;
			(*total)++;
			if (skip) {
				skip--;
				continue;
			}
			if (!take)
				continue;
			take--;
			if ((rc = fn(ctx, e)))
				return rc;
		}
	}
	return 0;
}

/* The view's counts per light, per region and department: kept in memory. */
static int counts(struct tz_req *r, const struct tz_view *v, const struct tz_lights *l,
		  struct tz_buf *b, int *hit)
{
	char key[400], per[TZ_PERIOD_FMT_MAX];
	struct tz_blob *blob;

	snprintf(key, sizeof(key), "lightcounts:%s:%s", tz_period_fmt(l->period, per), v->key);
	blob = tz_cache_get(r->web->cache, key, r->version);
	*hit = blob != NULL;
	if (!blob) {
		static const enum tz_light order[] = { TZ_LIGHT_RED, TZ_LIGHT_YELLOW, TZ_LIGHT_GREEN,
						       TZ_LIGHT_NONE };
		struct tz_tally *t = tz_lights_tally(r, v, l);
		struct tz_buf h = TZ_BUF_INIT;

		if (!t)
			return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
		tz_html_raw(&h, "<div class=\"table\"><table class=\"list counts lights-table\"><thead><tr>"
				"<th>地区或单位</th>");
		for (size_t k = 0; k < 4; k++)
			tz_html_f(&h, "<th>%s</th>", tz_light_name(order[k]));
		tz_html_raw(&h, "</tr></thead><tbody>\n");
		for (size_t i = 0; i < tz_tally_count(t); i++) {
			const struct tz_org_node *n = tz_tally_node_at(t, i);
			const int64_t *c = tz_tally_counters_at(t, i);

			if (!(c[0] + c[1] + c[2] + c[3]))
				continue;
			tz_html_raw(&h, i ? "<tr" : "<tr class=\"total\"");
			tz_html_f(&h, " data-node=\"%s\"><td data-label=\"地区或单位\" class=\"name\">%s</td>",
				  i ? n->code : "", i ? n->name : "合计");
			for (size_t k = 0; k < 4; k++) {
				tz_html_f(&h, "<td data-label=\"%s\" class=\"num\" data-light=\"%s\">",
					  tz_light_name(order[k]), tz_light_key(order[k]));
				tz_html_f(&h, "<a href=\"/lights?period=%s&amp;light=%s%s%s\">%" PRId64
					      "</a></td>", per, tz_light_key(order[k]),
					  i ? "&amp;region=" : "", i ? n->code : "", c[order[k]]);
			}
			tz_html_raw(&h, "</tr>\n");
		}
		tz_html_raw(&h, "</tbody></table></div>\n");
		tz_tally_free(t);
		blob = tz_blob_new(h.buf, h.len);
		tz_buf_release(&h);
		tz_cache_put(r->web->cache, key, r->version, blob);
	}
	tz_buf_add(b, blob->data, blob->len);
	tz_blob_unref(blob);
	return 0;
}

struct row_ctx {
	struct tz_req *r;
	const struct tz_lights *l;
};

static const char *node_name(struct tz_req *r, int64_t id)
{
	const struct tz_org_node *n = id ? tz_org_index_by_id(r->org, id) : NULL;

	return n ? n->name : "";
}

static int row_html(void *ctx, const struct tz_light_entry *e)
{
	struct row_ctx *c = ctx;
	struct tz_req *r = c->r;
	struct tz_buf *b = &r->out;
	const char *code = tz_lights_text(c->l, e->code);

	tz_html_f(b, "<tr data-code=\"%s\" data-light=\"%s\"><td data-label=\"亮灯\">", code,
		  tz_light_key(e->light.light));
	tz_light_badge(b, e->light.light);
	tz_html_raw(b, "</td><td data-label=\"项目\" class=\"name\"><a href=\"/projects/");
	tz_html_url_arg(b, code);
	tz_html_f(b, "\">%s</a><small class=\"code\">%s</small></td>", tz_lights_text(c->l, e->name),
		  code);
	tz_html_f(b, "<td data-label=\"所属地区\">%s</td><td data-label=\"责任单位\">%s</td>"
		     "<td data-label=\"包联领导\">%s</td>", node_name(r, e->region_id),
		  *node_name(r, e->unit_id) ? node_name(r, e->unit_id) : "—",
		  *tz_lights_text(c->l, e->leader) ? tz_lights_text(c->l, e->leader) : "—");
	tz_html_f(b, "<td data-label=\"完成率\" class=\"num\">%s</td>",
		  e->light.has_gap ? tz_fmt_rate(r, e->light.ratio) : "—");
	tz_html_f(b, "<td data-label=\"亮灯原因\" class=\"rule\">%s</td></tr>\n", tz_lights_rule(r, e));
	return 0;
}

int ui_lights(struct tz_req *r)
{
	static const char *const heads[] = { "亮灯", "项目", "所属地区", "责任单位", "包联领导",
					     "完成率", "亮灯原因" };
	const struct tz_view *v = tz_view_of(r);
	struct tz_light_query q;
	struct tz_blob *blob = NULL;
	struct tz_lights l;
	struct row_ctx c;
	char per[TZ_PERIOD_FMT_MAX];
	size_t mark, nper;
	struct tz_period *ps;
	long total = 0;
	int rc, answered, hit, hit2;

	if ((rc = tz_light_query_parse(r, &q, &answered)) || answered)
		return rc;
	tz_page_begin(r, "亮灯", "/lights");
	if (!q.p.year) {
		tz_html_raw(&r->out, "<h1>亮灯</h1><p class=\"msg\">还没有调度数据。</p>\n");
		return tz_page_send(r, 200);
	}
	if ((rc = tz_lights_get(r, q.p, &blob, &l, &hit)))
		return rc;
	tz_period_fmt(q.p, per);
	tz_html_f(&r->out, "<h1>亮灯<small>%s · 调度期%s</small></h1>\n", v->label, per);
	tz_html_f(&r->out, "<p class=\"rulebox\"><b>亮灯规则：</b>%s</p>\n", tz_lights_rule_text);
	ps = tz_summary_periods(r, q.p, &nper);
	tz_html_raw(&r->out, "<form class=\"filters\" method=\"get\" action=\"/lights\">"
			     "<label>调度期<select name=\"period\">");
	for (size_t i = 0; i < nper; i++) {
		char pp[TZ_PERIOD_FMT_MAX];

		tz_period_fmt(ps[i], pp);
		tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", pp,
			  tz_period_cmp(ps[i], q.p) ? "" : " selected", pp);
	}
	tz_html_raw(&r->out, "</select></label><label>亮灯<select name=\"light\">"
			     "<option value=\"\">红灯和黄灯</option>");
	for (int k = TZ_LIGHT_RED; k >= TZ_LIGHT_NONE; k--)
		tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", tz_light_key((enum tz_light)k),
			  q.light && !strcmp(q.light, tz_light_key((enum tz_light)k)) ? " selected" : "",
			  tz_light_name((enum tz_light)k));
	tz_html_raw(&r->out, "</select></label><label>地区或单位<select name=\"region\">"
			     "<option value=\"\">全部</option>");
	tz_problem_node_options(r, q.region, 1, 1);
	tz_html_raw(&r->out, "</select></label><div class=\"actions\"><button type=\"submit\">筛选</button>"
			     " <a href=\"/lights\">清除条件</a></div></form>\n");
	tz_html_raw(&r->out, "<h2>分地区、单位亮灯情况</h2>\n");
	if ((rc = counts(r, v, &l, &r->out, &hit2))) {
		tz_blob_unref(blob);
		return rc;
	}
	tz_summary_cache_header(r, hit && hit2);
	tz_html_raw(&r->out, "<h2>亮灯项目</h2>\n");
	mark = r->out.len;
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list lit\"><thead><tr>");
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		tz_html_f(&r->out, "<th scope=\"col\">%s</th>", heads[i]);
	tz_html_raw(&r->out, "</tr></thead><tbody>\n");
	c.r = r;
	c.l = &l;
	rc = tz_lights_select(r, &l, v, &q, row_html, &c, &total);
	tz_blob_unref(blob);
	if (rc)
		return rc;
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	{
		struct tz_buf tail = TZ_BUF_INIT;

		tz_buf_add(&tail, r->out.buf + mark, r->out.len - mark);
		tz_buf_setlen(&r->out, mark);
		tz_html_f(&r->out, "<p class=\"count\">共 <b>%ld</b> 个项目</p>\n", total);
		if (total)
			tz_buf_add(&r->out, tail.buf, tail.len);
		else
			tz_html_raw(&r->out, "<p class=\"msg\">没有符合条件的项目。</p>\n");
		tz_buf_release(&tail);
	}
	if (total > q.per_page) {
		long pages = (total + q.per_page - 1) / q.per_page;
		char num[24];

		tz_html_raw(&r->out, "<nav class=\"pager\" aria-label=\"分页\">");
		if (q.page > 1) {
			snprintf(num, sizeof(num), "%ld", q.page - 1);
			tz_html_raw(&r->out, "<a rel=\"prev\" href=\"");
			tz_page_href(r, "/lights", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">上一页</a>");
		}
		tz_html_f(&r->out, "<span>第 %ld / %ld 页</span>", q.page, pages);
		if (q.page < pages) {
			snprintf(num, sizeof(num), "%ld", q.page + 1);
			tz_html_raw(&r->out, "<a rel=\"next\" href=\"");
			tz_page_href(r, "/lights", (const char *const[]){ "page", num, NULL });
			tz_html_raw(&r->out, "\">下一页</a>");
		}
		tz_html_raw(&r->out, "</nav>\n");
	}
	return tz_page_send(r, 200);
}
