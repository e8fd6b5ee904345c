/*
 * ui-tracking.c: what a project's page (ui-project.c) shows of its
 * tracking: its light (亮灯) for the latest period reported with the rule
 * that lit it, its procedures (前期手续, ui-procedures.c), and its
 * problems (问题清单) with the form that raises one by hand or from the
 * 存在问题 of one of its reports.
 */
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

static int section_light(struct tz_req *r, const char *code)
{
	struct tz_web_facts facts;
	struct tz_blob *blob;
	struct tz_lights l;
	const struct tz_light_entry *e;
	char per[TZ_PERIOD_FMT_MAX];
	int rc;

	if ((rc = tz_web_facts(r->web, r->store, r->version, &facts, &r->err)))
		return rc;
	if (!facts.last.year)
		return 0;
	if ((rc = tz_lights_get(r, facts.last, &blob, &l, NULL)))
		return rc;
	e = tz_lights_find(&l, code);
	tz_period_fmt(facts.last, per);
	tz_html_f(&r->out, "<section id=\"light\"><h2>亮灯<small>调度期%s</small></h2>", per);
	if (e) {
		tz_html_raw(&r->out, "<p class=\"lightline\">");
		tz_light_badge(&r->out, e->light.light);
		tz_html_f(&r->out, " %s</p>", tz_lights_rule(r, e));
	} else {
		tz_html_f(&r->out, "<p class=\"msg\">本项目不在%d年度台账中，不亮灯。</p>", facts.last.year);
	}
	tz_html_raw(&r->out, "<p class=\"more\"><a href=\"/lights\">亮灯规则</a></p></section>\n");
	tz_blob_unref(blob);
	return 0;
}

static int problem_row(void *ctx, const struct tz_problem_row *row)
{
	struct tz_req *r = ctx;
	const struct tz_problem *p = &row->problem;
	const char *unit = tz_problem_unit_name(r, p);

	tz_html_f(&r->out, "<tr><td data-label=\"编号\" class=\"code\"><a href=\"/problems/%lld\">%lld</a>"
			   "</td><td data-label=\"问题类型\">%s</td><td data-label=\"解决层级\">%s</td>"
			   "<td data-label=\"责任单位\">%s</td><td data-label=\"办理状态\">"
			   "<span class=\"st st%d\">%s</span></td><td data-label=\"问题描述\">%s</td></tr>\n",
		  (long long)p->id, (long long)p->id, tz_problem_kind_name(p->kind),
		  tz_problem_level_name(p->level), *unit ? unit : "—", (int)p->status,
		  tz_problem_status_name(p->status), p->description);
	return 0;
}

static int section_problems(struct tz_req *r, const char *code, const struct tz_object *o,
			    const struct tz_progress *reports, size_t nreports)
{
	struct tz_problem_filter f;
	size_t mark;
	long total = 0;
	int rc;

	memset(&f, 0, sizeof(f));
	f.v = tz_view_of(r);
	f.project = code;
	f.page = 1;
	f.per_page = 200;
	tz_html_raw(&r->out, "<section id=\"problems\"><h2>问题清单</h2>\n");
	mark = r->out.len;
	tz_html_raw(&r->out, "<div class=\"table\"><table class=\"list\"><thead><tr><th>编号</th>"
			     "<th>问题类型</th><th>解决层级</th><th>责任单位</th><th>办理状态</th>"
			     "<th>问题描述</th></tr></thead><tbody>\n");
	if ((rc = tz_problem_list(r, &f, problem_row, r, &total)))
		return rc;
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	if (!total) {
		tz_buf_setlen(&r->out, mark);
		tz_html_raw(&r->out, "<p class=\"msg\">没有登记问题。</p>\n");
	}
	if (tz_access_decide(r->org, r->user, TZ_ACT_RAISE, o) == TZ_ALLOW) {
		struct tz_period *ps = tz_arena_calloc(r->arena, nreports + 1, sizeof(*ps));
		const char **texts = tz_arena_calloc(r->arena, nreports + 1, sizeof(*texts));
		size_t n = 0;

		/* The reports that name a problem, newest first. */
		for (size_t i = nreports; i-- > 0;) {
			if (!reports[i].problem || !*reports[i].problem)
				continue;
			ps[n] = reports[i].period;
			texts[n++] = reports[i].problem;
		}
		tz_problem_raise_form(r, code, ps, texts, n);
	}
	tz_html_raw(&r->out, "</section>\n");
	return 0;
}

int tz_project_tracking(struct tz_req *r, const char *code, const struct tz_object *o,
			const struct tz_progress *reports, size_t nreports)
{
	int rc;

	if ((rc = section_light(r, code)) || (rc = tz_procedures_section(r, code, o)) ||
	    (rc = section_problems(r, code, o, reports, nreports)))
		return rc;
	return 0;
}
