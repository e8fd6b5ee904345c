/*
 * ui-ontime.c: the on-time reporting rate (按时报送率) of a period over a
 * coordinator's subtree, and who has not reported (未报送) — web.md
 * "Periods, deadlines, on-time rate": per node expected = on time + late
 * + missing; 按时报送率 = on time / expected, 报送率 = (on time + late) /
 * expected; regions ranked among themselves, departments among
 * themselves (core/ontime.h). The 未报送 list (project, region, 责任单位,
 * 包联领导) also comes as XLSX through the report layer's table writer.
 *
 * The figures are those of `taizhang period rate`: both read the same
 * store scan and core count. The page's body is kept per period, node
 * and store version (web.md "Pages that summarise"): nothing is counted
 * again until something changes.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/writer.h"
#include "web/dispatch.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

/* The node asked for (query `node`, a code; default the user's own) and
 * the period; 0 with *n and *p, or a response set (*n NULL), or an error. */
static int choose(struct tz_req *r, const struct tz_org_node **n, struct tz_period *p)
{
	const char *code = tz_req_query(r, "node");
	struct tz_object o;
	int rc;

	*n = code && *code ? tz_org_index_by_code(r->org, code)
			   : tz_org_index_by_id(r->org, r->user->org_id);
	if (!*n)
		return tz_resp_error(r, 404, NULL);
	o = tz_object_node((*n)->id);
	if (!tz_req_allow(r, TZ_ACT_MANAGE, &o)) {
		*n = NULL;
		return 0;
	}
	rc = tz_web_period_choose(r, tz_req_query(r, "period"), p);
	if (rc == TZ_EINVAL) {
		*n = NULL;
		return tz_resp_error(r, 400, r->err.msg);
	}
	return rc;
}

static const char *rate_text(struct tz_req *r, const struct tz_ontime_node *c, int32_t rate)
{
	return c->has_rate ? tz_fmt_rate(r, rate) : "—";
}

static void ranking(struct tz_req *r, struct tz_buf *b, const char *title, const char *what,
		    size_t n, const struct tz_ontime_node *(*at)(const struct tz_ontime *, size_t),
		    const struct tz_ontime *o)
{
	if (!n)
		return;
	tz_html_f(b, "<h2>%s</h2>\n<div class=\"table\"><table class=\"list ontime\"><thead><tr>"
		     "<th>排名</th><th>%s</th><th>应报</th><th>按时</th><th>迟报</th><th>未报送</th>"
		     "<th>按时报送率</th><th>报送率</th></tr></thead><tbody>\n", title, what);
	for (size_t i = 0; i < n; i++) {
		const struct tz_ontime_node *c = at(o, i);
		char rank[16];

		snprintf(rank, sizeof(rank), c->rank ? "%d" : "—", c->rank);
		tz_html_f(b, "<tr><td data-label=\"排名\" class=\"num\">%s</td><td data-label=\"%s\""
			     " class=\"name\">%s</td><td data-label=\"应报\" class=\"num\">%lld</td>"
			     "<td data-label=\"按时\" class=\"num\">%lld</td>"
			     "<td data-label=\"迟报\" class=\"num\">%lld</td>"
			     "<td data-label=\"未报送\" class=\"num\">%lld</td>"
			     "<td data-label=\"按时报送率\" class=\"num\">%s</td>"
			     "<td data-label=\"报送率\" class=\"num\">%s</td></tr>\n",
			  rank, what, c->node->name, (long long)c->expected, (long long)c->on_time,
			  (long long)c->late, (long long)c->missing, rate_text(r, c, c->ontime_rate),
			  rate_text(r, c, c->report_rate));
	}
	tz_html_raw(b, "</tbody></table></div>\n");
}

/* The page's body for (period, node): the same for everyone who may see
 * it, kept until the data changes. */
static int body(struct tz_req *r, const struct tz_org_node *n, struct tz_period p,
		struct tz_blob **out)
{
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_ontime *o;
	struct tz_dispatch d;
	const struct tz_ontime_node *c;
	char per[TZ_PERIOD_FMT_MAX], dl[TZ_CST_FMT_MAX];
	int rc, has_d;

	if ((rc = tz_web_ontime(r, n->id, p, &o)))
		return rc;
	if ((has_d = tz_web_period_governing(r, n->id, p, &d)) < 0)
		return has_d;
	tz_period_fmt(p, per);
	c = tz_ontime_node_at(o, 0);
	if (has_d)
		tz_html_f(&b, "<p>调度期 <b>%s</b>（%s），%s，报送截止 %s。</p>\n", per, n->name,
			  tz_dispatch_state_name(d.state), tz_cst_fmt(d.deadline, dl));
	else
		tz_html_f(&b, "<p>调度期 <b>%s</b>（%s）未开启：没有报送截止时间，已报送的都算按时。</p>\n",
			  per, n->name);
	tz_html_f(&b, "<p class=\"summary\">应报 <b>%lld</b> 个项目，按时 <b>%lld</b>，迟报 <b>%lld</b>，"
		      "未报送 <b>%lld</b>；按时报送率 <b>%s</b>，报送率 <b>%s</b></p>\n",
		  (long long)c->expected, (long long)c->on_time, (long long)c->late,
		  (long long)c->missing, rate_text(r, c, c->ontime_rate), rate_text(r, c, c->report_rate));
	ranking(r, &b, "按地区", "地区", tz_ontime_region_count(o), tz_ontime_region_at, o);
	ranking(r, &b, "按部门", "部门", tz_ontime_unit_count(o), tz_ontime_unit_at, o);
	tz_html_f(&b, "<h2>未报送项目<small>%zu 个</small></h2>\n", tz_ontime_missing_count(o));
	if (!tz_ontime_missing_count(o)) {
		tz_html_raw(&b, "<p class=\"msg good\">应报的项目都已报送。</p>\n");
	} else {
		tz_html_raw(&b, "<div class=\"table\"><table class=\"list missing\"><thead><tr>"
				"<th>所属地区</th><th>项目编号</th><th>项目名称</th><th>责任单位</th>"
				"<th>包联领导</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < tz_ontime_missing_count(o); i++) {
			const struct tz_ontime_missing *m = tz_ontime_missing_at(o, i);

			tz_html_f(&b, "<tr><td data-label=\"所属地区\">%s</td>"
				      "<td data-label=\"项目编号\" class=\"code\">%s</td>"
				      "<td data-label=\"项目名称\" class=\"name\"><a href=\"/projects/",
				  m->region, m->code);
			tz_html_url_arg(&b, m->code);
			tz_html_f(&b, "\">%s</a></td><td data-label=\"责任单位\">%s</td>"
				      "<td data-label=\"包联领导\">%s</td></tr>\n", m->name,
				  *m->unit ? m->unit : "—", *m->leader ? m->leader : "—");
		}
		tz_html_raw(&b, "</tbody></table></div>\n");
	}
	*out = tz_blob_new(b.buf, b.len);
	tz_buf_release(&b);
	return 0;
}

int ui_ontime(struct tz_req *r)
{
	const struct tz_org_node *n;
	struct tz_period p;
	struct tz_blob *blob;
	char key[96], per[TZ_PERIOD_FMT_MAX];
	int rc = choose(r, &n, &p);

	if (rc || !n)
		return rc;
	tz_page_begin(r, "按时报送率", "/ontime");
	tz_html_raw(&r->out, "<h1>按时报送率<small>未报送项目</small></h1>\n");
	if (!p.year) {
		tz_html_raw(&r->out, "<p class=\"msg\">还没有开启过调度期。</p>\n");
		return tz_page_send(r, 200);
	}
	tz_period_fmt(p, per);
	tz_html_raw(&r->out, "<form class=\"filters\" method=\"get\" action=\"/ontime\">");
	tz_html_f(&r->out, "<label>调度期<input type=\"month\" name=\"period\" value=\"%s\"></label>",
		  per);
	tz_html_raw(&r->out, "<label>范围<select name=\"node\">");
	for (size_t i = 0; i < tz_org_index_count(r->org); i++) {
		const struct tz_org_node *x = tz_org_index_at(r->org, i);
		struct tz_object o = tz_object_node(x->id);

		if (x->kind == TZ_ORG_DEPARTMENT ||
		    tz_access_decide(r->org, r->user, TZ_ACT_MANAGE, &o) != TZ_ALLOW)
			continue;
		tz_html_f(&r->out, "<option value=\"%s\"%s>%s</option>", x->code,
			  x->id == n->id ? " selected" : "", x->name);
	}
	tz_html_raw(&r->out, "</select></label><div class=\"actions\"><button type=\"submit\">查看</button>"
			     " <a class=\"export\" href=\"");
	tz_page_href(r, "/ontime.xlsx", (const char *const[]){ "period", per, "node", n->code, NULL });
	tz_html_raw(&r->out, "\">导出未报送项目（Excel）</a></div></form>\n");

	snprintf(key, sizeof(key), "ontime:%s:%lld", per, (long long)n->id);
	blob = tz_cache_get(r->web->cache, key, r->version);
	if (!blob) {
		if ((rc = body(r, n, p, &blob)))
			return rc;
		tz_cache_put(r->web->cache, key, r->version, blob);
	}
	tz_buf_add(&r->out, blob->data, blob->len);
	tz_blob_unref(blob);
	return tz_page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* The 未报送 list as XLSX                                              */

static const struct tz_table_column missing_cols[] = {
	{ "序号", TZ_CELL_INT, 6 },
	{ "所属地区", TZ_CELL_TEXT, 16 },
	{ "项目编号", TZ_CELL_TEXT, 16 },
	{ "项目名称", TZ_CELL_TEXT, 36 },
	{ "责任单位", TZ_CELL_TEXT, 18 },
	{ "包联领导", TZ_CELL_TEXT, 10 },
};
#define MISSING_NCOLS (sizeof(missing_cols) / sizeof(missing_cols[0]))

int ui_ontime_xlsx(struct tz_req *r)
{
	const struct tz_table_writer_type *type = &tz_table_xlsx;
	struct tz_table_writer *w = NULL;
	const struct tz_org_node *n;
	struct tz_ontime *o;
	struct tz_period p;
	struct stat st;
	char title[64], name[96], per[TZ_PERIOD_FMT_MAX];
	FILE *fp;
	int rc = choose(r, &n, &p), fd;

	if (rc || !n)
		return rc;
	if (!p.year)
		return tz_resp_error(r, 404, "还没有开启过调度期");
	if ((rc = tz_web_ontime(r, n->id, p, &o)))
		return rc;
	if (!(fp = tmpfile()))
		return tz_err_set(&r->err, TZ_EIO, "cannot make a temporary file");
	snprintf(title, sizeof(title), "%s未报送项目", tz_period_fmt(p, per));
	rc = type->begin(&w, fp, title, missing_cols, MISSING_NCOLS, &r->err);
	for (size_t i = 0; !rc && i < tz_ontime_missing_count(o); i++) {
		const struct tz_ontime_missing *m = tz_ontime_missing_at(o, i);
		struct tz_cell cells[MISSING_NCOLS] = {
			{ NULL, (int64_t)i + 1, 0 }, { m->region, 0, 0 }, { m->code, 0, 0 },
			{ m->name, 0, 0 }, { m->unit, 0, 0 }, { m->leader, 0, 0 },
		};

		rc = type->row(w, cells, &r->err);
	}
	if (w) {
		if (rc)
			type->end(w, NULL);
		else
			rc = type->end(w, &r->err);
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
	snprintf(name, sizeof(name), "未报送项目-%s-%s.xlsx", per, n->name);
	return tz_resp_file(r, fd, (uint64_t)st.st_size,
			    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
}
