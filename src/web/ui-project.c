/*
 * ui-project.c: one project's page: what it is, its yearly ledger rows,
 * its progress as a chart (ECharts, drawn by taizhang.js from the data
 * in the page) and its report history.
 *
 * A project the user may not see answers exactly as one that does not
 * exist: the same 404 page, nothing of the project in it.
 *
 * The page is a list of sections (`sections` below), then the project's
 * tracking: its light, procedures (前期手续) and problems (问题清单)
 * (ui-tracking.c).
 */
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "core/money.h"
#include "core/progress.h"
#include "store/store.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

/* What the sections read, loaded once. */
struct project_view {
	const struct tz_project *p;   /* the latest ledger row */
	struct tz_project *years;     /* every ledger row, by year */
	size_t nyears;
	struct tz_progress *reports;  /* by period */
	size_t nreports;
};

/* Σ completed of a year, and the status of its last report (0 none). */
static int64_t year_total(const struct project_view *v, int year, enum tz_status *last)
{
	int64_t sum = 0;

	*last = TZ_STATUS_NONE;
	for (size_t i = 0; i < v->nreports; i++) {
		if (v->reports[i].period.year != year)
			continue;
		sum += v->reports[i].completed;
		*last = v->reports[i].status;
	}
	return sum;
}

static const struct tz_project *ledger_of(const struct project_view *v, int year)
{
	for (size_t i = 0; i < v->nyears; i++)
		if (v->years[i].year == year)
			return &v->years[i];
	return NULL;
}

static void dl_item(struct tz_req *r, const char *term, const char *text)
{
	tz_html_f(&r->out, "<div><dt>%s</dt><dd>%s</dd></div>", term, text && *text ? text : "—");
}

static void section_facts(struct tz_req *r, const struct project_view *v)
{
	const struct tz_project *p = v->p;
	char start[TZ_PERIOD_FMT_MAX];

	tz_html_raw(&r->out, "<section><h2>基本信息</h2><dl class=\"facts\">");
	dl_item(r, "项目编号", p->code);
	dl_item(r, "所属地区", p->region);
	dl_item(r, "责任单位", p->unit);
	dl_item(r, "项目类别", p->category);
	dl_item(r, "项目级别", p->level);
	dl_item(r, "建设性质", p->nature);
	dl_item(r, "建设单位", p->owner);
	dl_item(r, "包联领导", p->leader);
	dl_item(r, "建设起止年限", p->years);
	dl_item(r, "建设阶段", p->stage);
	dl_item(r, "总投资(万元)", tz_fmt_money(r, p->total));
	dl_item(r, "计划开工时间", p->planned_start.year ? tz_period_fmt(p->planned_start, start) : "");
	tz_html_raw(&r->out, "</dl></section>\n");
}

static void section_years(struct tz_req *r, const struct project_view *v)
{
	tz_html_raw(&r->out, "<section><h2>年度台账</h2><div class=\"table\"><table class=\"list\">"
			     "<thead><tr><th>年度</th><th>项目级别</th><th>建设性质</th>"
			     "<th>年度计划投资(万元)</th><th>累计完成投资(万元)</th><th>完成率</th>"
			     "<th>开工状态</th></tr></thead><tbody>\n");
	for (size_t i = v->nyears; i-- > 0;) {
		const struct tz_project *y = &v->years[i];
		enum tz_status last;
		int64_t done = year_total(v, y->year, &last);

		tz_html_f(&r->out, "<tr><td data-label=\"年度\">%d年</td><td data-label=\"项目级别\">%s</td>"
				   "<td data-label=\"建设性质\">%s</td>", y->year, y->level, y->nature);
		tz_html_f(&r->out, "<td data-label=\"年度计划投资(万元)\" class=\"num\">%s</td>"
				   "<td data-label=\"累计完成投资(万元)\" class=\"num\">%s</td>"
				   "<td data-label=\"完成率\" class=\"num\">%s</td>"
				   "<td data-label=\"开工状态\">%s</td></tr>\n",
			  y->has_plan ? tz_fmt_money(r, y->annual) : "—", tz_fmt_money(r, done),
			  y->has_plan && y->annual > 0 ? tz_fmt_rate(r, tz_rate(done, y->annual)) : "—",
			  last ? tz_status_name(last) : "—");
	}
	tz_html_raw(&r->out, "</tbody></table></div></section>\n");
}

/*
 * The chart's data, in an attribute the script reads (no inline script:
 * the pages' Content-Security-Policy allows none): per period, the
 * month's completion, the year's cumulative completion and the schedule
 * (年度计划 × month / 12), in 万元.
 */
static void section_chart(struct tz_req *r, const struct project_view *v)
{
	struct tz_json j;
	char buf[TZ_MONEY_FMT_MAX], per[TZ_PERIOD_FMT_MAX];
	int64_t ytd = 0;
	int year = 0;

	if (!v->nreports)
		return;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_key(&j, "periods");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < v->nreports; i++)
		tz_json_str(&j, tz_period_fmt(v->reports[i].period, per));
	tz_json_array_end(&j);
	tz_json_key(&j, "month");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < v->nreports; i++)
		tz_json_number(&j, tz_money_fmt(v->reports[i].completed, buf));
	tz_json_array_end(&j);
	tz_json_key(&j, "ytd");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < v->nreports; i++) {
		if (v->reports[i].period.year != year) {
			year = v->reports[i].period.year;
			ytd = 0;
		}
		ytd += v->reports[i].completed;
		tz_json_number(&j, tz_money_fmt(ytd, buf));
	}
	tz_json_array_end(&j);
	tz_json_key(&j, "schedule");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < v->nreports; i++) {
		const struct tz_project *l = ledger_of(v, v->reports[i].period.year);

		if (l && l->has_plan)
			tz_json_number(&j, tz_money_fmt(l->annual / 12 * v->reports[i].period.month +
							 l->annual % 12 * v->reports[i].period.month / 12,
							 buf));
		else
			tz_json_null(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	if (!tz_json_finish(&j)) {
		tz_html_raw(&r->out, "<section><h2>投资进度</h2><div class=\"chart\" data-chart=\"");
		tz_html_attr(&r->out, j.out.buf);
		tz_html_raw(&r->out, "\" role=\"img\" aria-label=\"本年累计完成投资与序时进度\"></div></section>\n");
		tz_page_script(r, "echarts.min.js");
	}
	tz_json_release(&j);
}

static void section_reports(struct tz_req *r, const struct project_view *v)
{
	int64_t ytd[TZ_PERIOD_YEAR_MAX - TZ_PERIOD_YEAR_MIN + 1];

	tz_html_raw(&r->out, "<section><h2>调度记录</h2>");
	if (!v->nreports) {
		tz_html_raw(&r->out, "<p class=\"msg\">还没有调度记录。</p></section>\n");
		return;
	}
	memset(ytd, 0, sizeof(ytd));
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list\"><thead><tr><th>调度期</th>"
			     "<th>本期完成投资(万元)</th><th>本年累计(万元)</th><th>开工状态</th>"
			     "<th>形象进度</th><th>存在问题</th></tr></thead><tbody>\n");
	/* Running totals first (oldest to newest), then the rows newest first. */
	{
		int64_t *cum = tz_arena_calloc(r->arena, v->nreports, sizeof(int64_t));
		char per[TZ_PERIOD_FMT_MAX];

		for (size_t i = 0; i < v->nreports; i++) {
			int y = v->reports[i].period.year - TZ_PERIOD_YEAR_MIN;

			ytd[y] += v->reports[i].completed;
			cum[i] = ytd[y];
		}
		for (size_t i = v->nreports; i-- > 0;) {
			const struct tz_progress *p = &v->reports[i];

			tz_html_f(&r->out, "<tr><td data-label=\"调度期\">%s</td>"
					   "<td data-label=\"本期完成投资(万元)\" class=\"num\">%s</td>"
					   "<td data-label=\"本年累计(万元)\" class=\"num\">%s</td>"
					   "<td data-label=\"开工状态\">%s</td><td data-label=\"形象进度\">%s</td>"
					   "<td data-label=\"存在问题\">%s</td></tr>\n",
				  tz_period_fmt(p->period, per), tz_fmt_money(r, p->completed),
				  tz_fmt_money(r, cum[i]), tz_status_name(p->status), p->progress_text,
				  *p->problem ? p->problem : "—");
		}
	}
	tz_html_raw(&r->out, "</tbody></table></div></section>\n");
}

/* The page's sections, in order. */
static void (*const sections[])(struct tz_req *, const struct project_view *) = {
	section_facts,
	section_chart,
	section_years,
	section_reports,
};

/* Load the project and check it may be seen: 0 with *v filled; or 0 with
 * a 404 set (unknown or hidden, alike); or a store error. */
static int load(struct tz_req *r, struct project_view *v, int *shown)
{
	const char *code = tz_req_param(r, "code");
	struct tz_object o;
	int rc;

	*shown = 0;
	memset(v, 0, sizeof(*v));
	rc = tz_store_project_ledger(r->store, code, r->arena, &v->years, &v->nyears, &r->err);
	if (rc == TZ_ENOTFOUND) {
		tz_resp_error(r, 404, NULL);
		return 0;
	}
	if (rc)
		return rc;
	v->p = &v->years[v->nyears - 1];
	o = tz_object_project(v->p->region_id, v->p->unit_id, v->p->leader);
	if (!tz_req_allow(r, TZ_ACT_VIEW, &o))
		return 0;
	if ((rc = tz_store_project_reports(r->store, code, r->arena, &v->reports, &v->nreports,
					   &r->err)))
		return rc;
	*shown = 1;
	return 0;
}

int ui_project(struct tz_req *r)
{
	struct project_view v;
	int shown, rc = load(r, &v, &shown);

	if (rc || !shown)
		return rc;
	tz_page_begin(r, v.p->name, "/projects");
	tz_html_raw(&r->out, "<p class=\"crumbs\"><a href=\"/projects\">项目</a></p>\n");
	tz_html_f(&r->out, "<h1>%s<small>%s</small></h1>\n", v.p->name, v.p->code);
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		sections[i](r, &v);
	{
		struct tz_object o = tz_object_project(v.p->region_id, v.p->unit_id, v.p->leader);

		if ((rc = tz_project_tracking(r, v.p->code, &o, v.reports, v.nreports)))
			return rc;
	}
	return tz_page_send(r, 200);
}
