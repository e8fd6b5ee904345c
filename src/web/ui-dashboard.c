/*
 * ui-dashboard.c: the dashboard (工作台), the home page of every role, and
 * its JSON (GET /api/v1/dashboard, api-summary.c).
 *
 * For the user's view (summary.h: a coordinator's subtree, a reporter's
 * region or department, a leader's subtree and 包联 projects, an admin's
 * city) and a period: the opening paragraphs of the view's bulletin (the
 * same text as the user's 通报 page: rates, places and rank changes all of
 * the view's groups), the totals and
 * rates (开工率, 投资完成率 against 序时进度; 资金到位率 and 按期竣工率 are
 * said to have no data, core/dashboard.h says why), 未报送 for the period,
 * the lights, problems and procedures counted in the seeds' words, and
 * the city's ranking by region with its rank changes (the same for
 * everyone, as the city coordinator's GET /api/v1/bulletin gives it; the
 * view's regions marked) with a chart of completion against the schedule.
 *
 * web.md "Pages that summarise": the page body and the JSON are computed
 * together once per (store version, view, period, day) and kept in the
 * server's cache; a request then only wraps the cached body in the page
 * layout (the header names the user, the sign-out form carries its CSRF
 * token), so a request never recomputes what nothing changed. The answer
 * says X-Taizhang-Cache: hit or miss.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/json.h"
#include "base/log.h"
#include "core/dashboard.h"
#include "core/deadline.h"
#include "core/money.h"
#include "report/summary.h"
#include "report/writer.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

/* Everything the body and the JSON are written from. */
struct dash {
	struct tz_req *r;
	const struct tz_view *v;
	struct tz_period p;
	struct tz_dashboard d;
	struct tz_bulletin *b;      /* the view's bulletin, or NULL (nobody reported) */
	struct tz_bulletin *city;   /* the city's, for the ranking (== b when v->all) */
	const char *refusal;        /* why there are no figures */
	struct tz_buf summary;      /* the opening paragraphs */
	struct tz_buf sched;        /* "低于序时进度（…）x个百分点" */
	struct tz_buf problems;     /* the seeds' sentences */
	struct tz_buf procedures;
	int has_open;               /* an open period governs the user's node */
	struct tz_dispatch open;
	int32_t from, to;           /* procedures' year to date */
};

static const struct tz_view *city_view(struct tz_req *r)
{
	struct tz_view *v = tz_arena_calloc(r->arena, 1, sizeof(*v));

	v->r = r;
	v->all = 1;
	v->key = "all";
	v->label = "全市";
	return v;
}

/* Gather the figures. 0 or a store error; "nobody reported" is not one. */
static int gather(struct dash *x)
{
	struct tz_req *r = x->r;
	const struct tz_project_filter *f = x->v->all ? NULL : &x->v->filter;
	struct tz_tally *t = NULL;
	struct tz_blob *lb = NULL;
	struct tz_lights l;
	int rc;

	tz_dashboard_init(&x->d, x->p);
	tz_dashboard_year_to_date(x->p, &x->from, &x->to);
	if (!x->p.year) {
		x->refusal = "还没有调度数据。请调度管理员导入项目台账和月度调度数据。";
		return 0;
	}
	rc = tz_summary_bulletin(r, x->v, x->p, TZ_BY_REGION, &x->b);
	if (rc == TZ_ENOTFOUND) {
		x->refusal = tz_arena_strdup(r->arena, r->err.msg);
		tz_err_clear(&r->err);
	} else if (rc) {
		return rc;
	} else {
		tz_dashboard_bulletin(&x->d, x->b);
		tz_dashboard_schedule_text(&x->d, &x->sched);
	}
	if (x->v->all) {
		x->city = x->b;
	} else {
		rc = tz_summary_bulletin(r, city_view(r), x->p, TZ_BY_REGION, &x->city);
		if (rc == TZ_ENOTFOUND)
			tz_err_clear(&r->err);
		else if (rc)
			return rc;
	}
	/* The paragraphs of the view's own bulletin, as its 通报 page prints
	 * them: one scope throughout (the city's ranking below is titled as
	 * the city's). */
	if (x->b)
		tz_bulletin_summary(x->b, &x->summary);

	/* Lights: the ledger's, kept in memory, counted over the view. */
	if ((rc = tz_lights_get(r, x->p, &lb, &l, NULL)))
		return rc;
	t = tz_lights_tally(r, x->v, &l);
	tz_blob_unref(lb);
	if (!t)
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	tz_dashboard_lights(&x->d, tz_tally_counters_at(t, 0));
	tz_tally_free(t);

	if (!(t = tz_tally_new(r->org, 0, TZ_PC_COUNT)))
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	rc = tz_store_problem_counts_where(r->store, t, tz_date_of(r->now), f, &r->err);
	if (!rc)
		tz_dashboard_problems(&x->d, tz_tally_counters_at(t, 0));
	tz_tally_free(t);
	if (rc)
		return rc;
	if (!(t = tz_tally_new(r->org, 0, TZ_PRC_COUNT)))
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	rc = tz_store_procedure_counts_where(r->store, t, x->from, x->to, f, &r->err);
	if (!rc)
		tz_dashboard_procedures(&x->d, tz_tally_counters_at(t, 0));
	tz_tally_free(t);
	if (rc)
		return rc;
	tz_dashboard_problem_sentence(&x->d, &x->problems);
	tz_dashboard_procedure_sentence(&x->d, &x->procedures);

	rc = tz_store_period_current(r->store, r->user->org_id, &x->open, &r->err);
	if (rc == TZ_ENOTFOUND)
		tz_err_clear(&r->err);
	else if (rc)
		return rc;
	else
		x->has_open = 1;
	return 0;
}

/* Whether a group of the city's ranking by region is one of the view's. */
static int group_mine(struct dash *x, const char *key)
{
	const struct tz_org_node *n;

	if (x->v->all)
		return 1;
	n = tz_org_index_find(x->r->org, key, strlen(key), TZ_ORG_WANT_REGION);
	return n && tz_view_sees(x->v, n->id, 0, "");
}

/* ------------------------------------------------------------------ */
/* The page body                                                       */

static const char *yi(struct tz_req *r, int64_t v)
{
	char buf[32], grouped[48];

	return tz_arena_strdup(r->arena, tz_digits_grouped(tz_money_fmt_yi(v, buf), grouped));
}

static const char *pct1(struct tz_req *r, int64_t v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%" PRId64 ".%" PRId64 "%%", v / 10, v % 10);
	return tz_arena_strdup(r->arena, buf);
}

/* One figure: key for tests and scripts (data-k), label, value, unit, note. */
static void kpi(struct tz_buf *b, const char *k, const char *label, const char *value,
		const char *unit, const char *note, int nodata)
{
	tz_html_f(b, "<div class=\"kpi\" data-k=\"%s\"><span class=\"k\">%s</span>"
		     "<b class=\"v%s\">%s</b>", k, label, nodata ? " nodata" : "", value);
	if (unit && *unit)
		tz_html_f(b, "<span class=\"u\">%s</span>", unit);
	if (note && *note)
		tz_html_f(b, "<small>%s</small>", note);
	tz_html_raw(b, "</div>\n");
}

static void period_form(struct dash *x, struct tz_buf *b)
{
	size_t n;
	struct tz_period *ps = tz_summary_periods(x->r, x->p, &n);
	char per[TZ_PERIOD_FMT_MAX];

	if (!n)
		return;
	tz_html_raw(b, "<form class=\"filters bar\" method=\"get\" action=\"/\">"
		       "<label>调度期<select name=\"period\">");
	for (size_t i = 0; i < n; i++) {
		tz_period_fmt(ps[i], per);
		tz_html_f(b, "<option value=\"%s\"%s>%s</option>", per,
			  tz_period_cmp(ps[i], x->p) ? "" : " selected", per);
	}
	tz_html_raw(b, "</select></label><div class=\"actions\"><button type=\"submit\">查看</button>"
		       "</div></form>\n");
}

static void body_kpis(struct dash *x, struct tz_buf *b)
{
	struct tz_req *r = x->r;
	const struct tz_dashboard *d = &x->d;
	char note[160], months[16], per[TZ_PERIOD_FMT_MAX], dl[TZ_CST_FMT_MAX];

	snprintf(months, sizeof(months), x->p.month > 1 ? "1-%d月" : "1月", x->p.month);
	tz_html_raw(b, "<section class=\"kpis\" aria-label=\"主要指标\">\n");
	snprintf(note, sizeof(note), "总投资%s亿元", yi(r, d->total));
	kpi(b, "projects", "重点项目", tz_sfmt(r, "%" PRId64, d->projects), "个", note, 0);
	kpi(b, "annual_plan", "年度计划投资", yi(r, d->annual), "亿元", "", 0);
	kpi(b, "ytd_completed", "累计完成投资", yi(r, d->ytd), "亿元", months, 0);
	if (d->has_rate)
		kpi(b, "completion_rate", "投资完成率", pct1(r, d->rate_pct1), "", x->sched.buf, 0);
	else
		kpi(b, "completion_rate", "投资完成率", "—", "", "没有年度计划投资", 1);
	kpi(b, "start_rate", "开工率", tz_fmt_rate(r, d->start_rate), "",
	    tz_sfmt(r, "已开工%" PRId64 "个", d->started), 0);
	kpi(b, "funds_rate", "资金到位率", "暂无数据", "", "没有到位资金数据，见说明", 1);
	kpi(b, "on_time_completion_rate", "按期竣工率", "暂无数据", "", "无法从现有数据判断，见说明", 1);
	if (x->has_open && !tz_period_cmp(x->open.period, x->p))
		snprintf(note, sizeof(note), "已报送%" PRId64 "个 · 填报中，%s截止", d->reported,
			 tz_cst_fmt(x->open.deadline, dl));
	else
		snprintf(note, sizeof(note), "已报送%" PRId64 "个 · 调度期%s", d->reported,
			 tz_period_fmt(x->p, per));
	kpi(b, "not_reported", "未报送", tz_sfmt(r, "%" PRId64, d->not_reported), "个",
	    note, 0);
	tz_html_raw(b, "</section>\n");
}

static void body_tracking(struct dash *x, struct tz_buf *b)
{
	static const enum tz_light order[] = { TZ_LIGHT_RED, TZ_LIGHT_YELLOW, TZ_LIGHT_GREEN,
					       TZ_LIGHT_NONE };
	const struct tz_dashboard *d = &x->d;
	char per[TZ_PERIOD_FMT_MAX];

	tz_period_fmt(x->p, per);
	tz_html_raw(b, "<div class=\"cols\">\n<section class=\"card\"><h2>亮灯</h2><ul class=\"lights\">");
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		tz_html_f(b, "<li data-light=\"%s\"><a href=\"/lights?period=%s&amp;light=%s\">",
			  tz_light_key(order[i]), per, tz_light_key(order[i]));
		tz_light_badge(b, order[i]);
		tz_html_f(b, " <b>%" PRId64 "</b>个</a></li>", d->lights[order[i]]);
	}
	tz_html_f(b, "</ul><p class=\"more\"><a href=\"/lights?period=%s\">亮灯规则和红灯、黄灯项目</a>"
		     "</p></section>\n", per);

	tz_html_raw(b, "<section class=\"card\"><h2>问题清单</h2>");
	tz_html_f(b, "<p class=\"sentence\" data-k=\"problems\">%s。</p><ul class=\"counts\">",
		  x->problems.buf);
	tz_html_f(b, "<li>问题共<b>%" PRId64 "</b>个</li>", d->problems_all.problems);
	for (int s = 1; s <= TZ_PROBLEM_STATUS_MAX; s++)
		tz_html_f(b, "<li>%s<b>%" PRId64 "</b></li>",
			  tz_problem_status_name((enum tz_problem_status)s), d->problem_status[s]);
	tz_html_f(b, "<li class=\"%s\">逾期未解决<b>%" PRId64 "</b></li></ul>",
		  d->problems_overdue ? "bad" : "", d->problems_overdue);
	tz_html_raw(b, "<p class=\"more\"><a href=\"/problems\">问题清单</a></p></section>\n");

	tz_html_raw(b, "<section class=\"card\"><h2>前期手续</h2>");
	tz_html_f(b, "<p class=\"sentence\" data-k=\"procedures\">%s。</p><ul class=\"counts\">",
		  x->procedures.buf);
	tz_html_f(b, "<li>须办手续<b>%" PRId64 "</b>项</li>", d->proc_required);
	for (int s = 1; s <= TZ_PROC_STATUS_MAX; s++)
		tz_html_f(b, "<li>%s<b>%" PRId64 "</b></li>",
			  tz_procedure_status_name((enum tz_procedure_status)s), d->proc_status[s]);
	tz_html_f(b, "</ul><p class=\"more\"><a href=\"/procedures?period=%s\">前期手续</a></p>"
		     "</section>\n</div>\n", per);
}

/* The ranking's chart data: completion rate per region against the schedule. */
static void body_chart(struct dash *x, struct tz_buf *b)
{
	struct tz_json j;
	char buf[16];
	size_t n = tz_bulletin_group_count(x->city);

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "type", "ranking");
	tz_json_kv_number(&j, "schedule", tz_bulletin_rate_json(tz_bulletin_schedule(x->city), buf));
	tz_json_key(&j, "labels");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++)
		tz_json_str(&j, tz_bulletin_group_at(x->city, i)->key);
	tz_json_array_end(&j);
	tz_json_key(&j, "rates");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(x->city, i);

		if (g->has_rate)
			tz_json_number(&j, tz_bulletin_rate_json(g->completion_rate, buf));
		else
			tz_json_null(&j);
	}
	tz_json_array_end(&j);
	tz_json_key(&j, "mine");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++)
		tz_json_bool(&j, !x->v->all && group_mine(x, tz_bulletin_group_at(x->city, i)->key));
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	if (!tz_json_finish(&j)) {
		tz_html_raw(b, "<div class=\"chart\" data-chart=\"");
		tz_html_attr(b, j.out.buf);
		tz_html_raw(b, "\" role=\"img\" aria-label=\"各地区投资完成率与序时进度\"></div>\n");
	}
	tz_json_release(&j);
}

static void body_ranking(struct dash *x, struct tz_buf *b)
{
	size_t n;

	if (!x->city)
		return;
	n = tz_bulletin_group_count(x->city);
	tz_html_raw(b, "<section><h2>全市分地区排名<small>按投资完成率</small></h2>\n");
	body_chart(x, b);
	tz_html_raw(b, "<div class=\"table\"><table class=\"list rank\"><thead><tr><th>排名</th>"
		       "<th>较上月</th><th>所属地区</th><th>项目数</th><th>投资完成率</th><th>开工率</th>"
		       "<th>未报送</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(x->city, i);
		char change[16];
		int mine = !x->v->all && group_mine(x, g->key);

		tz_html_raw(b, mine ? "<tr class=\"mine\">" : "<tr>");
		tz_html_f(b, "<td data-label=\"排名\" class=\"num\">%s</td>",
			  g->has_rate ? tz_sfmt(x->r, "%d", g->rank) : "—");
		tz_bulletin_rank_change_text(g, change);
		tz_html_f(b, "<td data-label=\"较上月\" class=\"num\">%s</td>", *change ? change : "—");
		tz_html_f(b, "<td data-label=\"所属地区\" class=\"name\">%s%s</td>", g->key,
			  mine ? "（本辖区）" : "");
		tz_html_f(b, "<td data-label=\"项目数\" class=\"num\">%" PRId64 "</td>", g->projects);
		tz_html_f(b, "<td data-label=\"投资完成率\" class=\"num%s\">%s</td>",
			  g->below_average ? " below" : "",
			  g->has_rate ? tz_fmt_rate(x->r, g->completion_rate) : "—");
		tz_html_f(b, "<td data-label=\"开工率\" class=\"num\">%s</td>",
			  tz_fmt_rate(x->r, g->start_rate));
		tz_html_f(b, "<td data-label=\"未报送\" class=\"num\">%" PRId64 "</td></tr>\n",
			  g->not_reported);
	}
	tz_html_raw(b, "</tbody></table></div></section>\n");
}

static void body_notes(struct dash *x, struct tz_buf *b)
{
	char per[TZ_PERIOD_FMT_MAX];

	tz_html_raw(b, "<section class=\"notes\"><h2>说明</h2><ul>");
	tz_html_raw(b, "<li>序时进度为调度期月份÷12；投资完成率为1月至本期累计完成投资÷年度计划投资，"
		       "未安排年度计划投资的项目不计入；开工率为已开工（含已复工、已竣工）项目÷项目数。</li>");
	tz_html_raw(b, "<li>未报送：应报送（计划本期前开工、已开工或未定开工时间，且尚未竣工）而未报送"
		       "本期调度数据的项目。</li>");
	tz_html_f(b, "<li>%s</li>", tz_dashboard_missing_note());
	tz_html_f(b, "<li>本页统计范围：%s的项目。全市排名对所有用户相同。</li>", x->v->label);
	tz_html_f(b, "<li>数据于每次导入、填报、调度期变更后重新计算（数据版本%lld，调度期%s）。</li>",
		  (long long)x->r->version, tz_period_fmt(x->p, per));
	tz_html_raw(b, "</ul></section>\n");
}

static void write_body(struct dash *x, struct tz_buf *b)
{
	char months[16];

	snprintf(months, sizeof(months), x->p.month > 1 ? "1-%d月" : "1月", x->p.month);
	tz_html_raw(b, "<div class=\"dash\">\n");
	if (x->p.year)
		tz_html_f(b, "<h1>工作台<small>%s · %d年%s</small></h1>\n", x->v->label, x->p.year, months);
	else
		tz_html_f(b, "<h1>工作台<small>%s</small></h1>\n", x->v->label);
	period_form(x, b);
	if (x->refusal) {
		tz_html_f(b, "<p class=\"msg\" data-k=\"refusal\">%s</p>\n", x->refusal);
	} else {
		const char *s = x->summary.buf;

		tz_html_raw(b, "<div class=\"lead\">");
		while (s && *s) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);

			tz_html_raw(b, "<p>");
			tz_html_txt(b, tz_arena_strndup(x->r->arena, s, len));
			tz_html_raw(b, "</p>");
			s = nl ? nl + 1 : NULL;
		}
		tz_html_raw(b, "</div>\n");
		body_kpis(x, b);
	}
	if (x->has_open && tz_period_cmp(x->open.period, x->p) > 0) {
		char per[TZ_PERIOD_FMT_MAX], dl[TZ_CST_FMT_MAX];

		tz_html_f(b, "<p class=\"msg\">调度期%s正在填报，报送截止%s；尚无项目报送时这里显示最近一期的数据。</p>\n",
			  tz_period_fmt(x->open.period, per), tz_cst_fmt(x->open.deadline, dl));
	}
	if (x->p.year)
		body_tracking(x, b);
	body_ranking(x, b);
	body_notes(x, b);
	tz_html_raw(b, "</div>\n");
}

/* ------------------------------------------------------------------ */
/* The JSON                                                            */

static void money(struct tz_json *j, const char *key, int64_t v)
{
	char buf[TZ_MONEY_FMT_MAX];

	tz_json_kv_str(j, key, tz_money_fmt(v, buf));
}

static void rate(struct tz_json *j, const char *key, int has, int32_t v)
{
	char buf[16];

	if (has)
		tz_json_kv_number(j, key, tz_bulletin_rate_json(v, buf));
	else
		tz_json_kv_str(j, key, NULL);
}

static void counts3(struct tz_json *j, const char *key, const struct tz_problem_counts *c)
{
	tz_json_key(j, key);
	tz_json_object_begin(j);
	tz_json_kv_int(j, "projects", c->projects);
	tz_json_kv_int(j, "problems", c->problems);
	tz_json_kv_int(j, "solved", c->solved);
	tz_json_object_end(j);
}

static void write_json(struct dash *x, struct tz_json *j)
{
	const struct tz_dashboard *d = &x->d;
	char per[TZ_PERIOD_FMT_MAX], buf[32], date[TZ_DATE_FMT_MAX];

	tz_json_object_begin(j);
	tz_json_kv_str(j, "period", x->p.year ? tz_period_fmt(x->p, per) : NULL);
	tz_json_key(j, "view");
	tz_json_object_begin(j);
	tz_json_kv_str(j, "label", x->v->label);
	tz_json_kv_bool(j, "all", x->v->all);
	tz_json_object_end(j);
	tz_json_kv_number(j, "schedule", tz_bulletin_rate_json(d->schedule, buf));
	tz_json_kv_str(j, "refusal", x->refusal);
	tz_json_key(j, "totals");
	if (x->b) {
		tz_json_object_begin(j);
		tz_json_kv_int(j, "projects", d->projects);
		money(j, "total_investment", d->total);
		money(j, "annual_plan", d->annual);
		money(j, "ytd_completed", d->ytd);
		rate(j, "completion_rate", d->has_rate, d->completion_rate);
		tz_json_kv_int(j, "started", d->started);
		rate(j, "start_rate", 1, d->start_rate);
		tz_json_kv_int(j, "reported", d->reported);
		tz_json_kv_int(j, "not_reported", d->not_reported);
		money(j, "ytd_completed_unplanned", d->ytd_unplanned);
		tz_json_kv_int(j, "lagging", (int64_t)d->lagging);
		tz_json_object_end(j);
	} else {
		tz_json_null(j);
	}
	tz_json_kv_str(j, "vs_schedule", x->b && d->has_rate ? x->sched.buf : NULL);
	tz_json_kv_str(j, "funds_rate", NULL);
	tz_json_kv_str(j, "on_time_completion_rate", NULL);
	tz_json_kv_str(j, "missing_note", tz_dashboard_missing_note());
	tz_json_kv_str(j, "summary", x->b ? x->summary.buf : NULL);
	tz_json_key(j, "lights");
	tz_json_object_begin(j);
	for (int l = TZ_LIGHT_RED; l >= TZ_LIGHT_NONE; l--)
		tz_json_kv_int(j, tz_light_key((enum tz_light)l), d->lights[l]);
	tz_json_object_end(j);
	tz_json_key(j, "problems");
	tz_json_object_begin(j);
	tz_json_kv_str(j, "sentence", x->problems.buf);
	counts3(j, "upper", &d->problems_upper);
	counts3(j, "all", &d->problems_all);
	tz_json_key(j, "by_status");
	tz_json_object_begin(j);
	for (int s = 1; s <= TZ_PROBLEM_STATUS_MAX; s++)
		tz_json_kv_int(j, tz_problem_status_name((enum tz_problem_status)s), d->problem_status[s]);
	tz_json_object_end(j);
	tz_json_kv_int(j, "overdue", d->problems_overdue);
	tz_json_object_end(j);
	tz_json_key(j, "procedures");
	tz_json_object_begin(j);
	tz_json_kv_str(j, "sentence", x->procedures.buf);
	tz_json_kv_int(j, "required", d->proc_required);
	tz_json_key(j, "by_status");
	tz_json_object_begin(j);
	for (int s = 1; s <= TZ_PROC_STATUS_MAX; s++)
		tz_json_kv_int(j, tz_procedure_status_name((enum tz_procedure_status)s),
			       d->proc_status[s]);
	tz_json_object_end(j);
	tz_json_kv_int(j, "obtained", d->proc_obtained);
	tz_json_kv_str(j, "from", tz_date_fmt(x->from, date));
	tz_json_kv_str(j, "to", tz_date_fmt(x->to, date));
	tz_json_object_end(j);
	tz_json_key(j, "open_period");
	if (x->has_open) {
		char dl[TZ_CST_FMT_MAX];

		tz_json_object_begin(j);
		tz_json_kv_str(j, "period", tz_period_fmt(x->open.period, per));
		tz_json_kv_str(j, "deadline", tz_cst_fmt(x->open.deadline, dl));
		tz_json_object_end(j);
	} else {
		tz_json_null(j);
	}
	tz_json_key(j, "ranking");
	tz_json_array_begin(j);
	for (size_t i = 0; x->city && i < tz_bulletin_group_count(x->city); i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(x->city, i);

		tz_json_object_begin(j);
		tz_json_kv_str(j, "key", g->key);
		tz_json_key(j, "rank");
		if (g->has_rate)
			tz_json_int(j, g->rank);
		else
			tz_json_null(j);
		tz_json_key(j, "rank_change");
		if (g->has_rank_change)
			tz_json_int(j, g->rank_change);
		else
			tz_json_null(j);
		rate(j, "completion_rate", g->has_rate, g->completion_rate);
		rate(j, "start_rate", 1, g->start_rate);
		tz_json_kv_int(j, "projects", g->projects);
		tz_json_kv_int(j, "not_reported", g->not_reported);
		tz_json_kv_bool(j, "in_view", group_mine(x, g->key));
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
	tz_json_kv_int(j, "version", x->r->version);
	tz_json_object_end(j);
}

/* ------------------------------------------------------------------ */
/* Computing once, serving from memory                                 */

static int compute(struct tz_req *r, struct tz_period p, struct tz_blob **html,
		   struct tz_blob **json)
{
	struct dash x;
	struct tz_buf body = TZ_BUF_INIT;
	struct tz_json j;
	int rc;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.v = tz_view_of(r);
	x.p = p;
	tz_buf_init(&x.summary, 0);
	tz_buf_init(&x.sched, 0);
	tz_buf_init(&x.problems, 0);
	tz_buf_init(&x.procedures, 0);
	rc = gather(&x);
	if (!rc) {
		write_body(&x, &body);
		tz_json_init(&j, NULL, 0);
		write_json(&x, &j);
		rc = tz_json_finish(&j);
		if (!rc) {
			tz_buf_addch(&j.out, '\n');
			*html = tz_blob_new(body.buf, body.len);
			*json = tz_blob_new(j.out.buf, j.out.len);
		}
		tz_json_release(&j);
	}
	if (x.city != x.b)
		tz_bulletin_free(x.city);
	tz_bulletin_free(x.b);
	tz_buf_release(&body);
	tz_buf_release(&x.summary);
	tz_buf_release(&x.sched);
	tz_buf_release(&x.problems);
	tz_buf_release(&x.procedures);
	return rc;
}

int tz_dashboard_blobs(struct tz_req *r, struct tz_period p, struct tz_blob **html,
		       struct tz_blob **json, int *hit)
{
	const struct tz_view *v = tz_view_of(r);
	char kh[400], kj[400], per[TZ_PERIOD_FMT_MAX];
	struct tz_blob *h, *js;
	int rc;

	/* The day is in the key: a problem becomes overdue at midnight. */
	snprintf(kh, sizeof(kh), "dash:%s:%s:%d:html", p.year ? tz_period_fmt(p, per) : "-", v->key,
		 (int)tz_date_of(r->now));
	snprintf(kj, sizeof(kj), "dash:%s:%s:%d:json", p.year ? tz_period_fmt(p, per) : "-", v->key,
		 (int)tz_date_of(r->now));
	h = html ? tz_cache_get(r->web->cache, kh, r->version) : NULL;
	js = json ? tz_cache_get(r->web->cache, kj, r->version) : NULL;
	if ((!html || h) && (!json || js)) {
		*hit = 1;
		if (html)
			*html = h;
		if (json)
			*json = js;
		return 0;
	}
	tz_blob_unref(h);
	tz_blob_unref(js);
	*hit = 0;
	if ((rc = compute(r, p, &h, &js)))
		return rc;
	tz_cache_put(r->web->cache, kh, r->version, h);
	tz_cache_put(r->web->cache, kj, r->version, js);
	tz_log(TZ_LOG_INFO, "event=dashboard view=%s version=%lld", v->key, (long long)r->version);
	if (html)
		*html = h;
	else
		tz_blob_unref(h);
	if (json)
		*json = js;
	else
		tz_blob_unref(js);
	return 0;
}

int ui_dashboard(struct tz_req *r)
{
	struct tz_period p;
	struct tz_blob *body = NULL;
	int answered, hit, rc;

	if ((rc = tz_summary_period(r, &p, &answered)) || answered)
		return rc;
	if ((rc = tz_dashboard_blobs(r, p, &body, NULL, &hit)))
		return rc;
	tz_page_begin(r, "工作台", "/");
	tz_buf_add(&r->out, body->data, body->len);
	tz_blob_unref(body);
	tz_page_script(r, "echarts.min.js");
	tz_summary_cache_header(r, hit);
	return tz_page_send(r, 200);
}
