/*
 * api-problems.c: 问题清单 through the API (docs/api.md):
 *
 *   GET  /api/v1/problems                 the list, filtered as the page
 *   GET  /api/v1/problems/{id}            one problem and its history
 *   POST /api/v1/problems                 raise (by hand, or from a report)
 *   POST /api/v1/problems/{id}/assign     kind, level, unit, deadline
 *   POST /api/v1/problems/{id}/move       to a status core/problem.h allows
 *   POST /api/v1/problems/{id}/comment    a comment and/or a mark
 *
 * Same access decision, same changes and audit rows as the pages
 * (ui-problems.c, tz_problem_do_*): POST bodies are form fields
 * (application/x-www-form-urlencoded or multipart), with the session's
 * X-CSRF-Token or an API token.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/deadline.h"
#include "core/tally.h"
#include "web/pages.h"
#include "web/summary.h"
#include "base/banned.h"

static void problem_json(struct tz_req *r, struct tz_json *j, const struct tz_problem *p,
			 const char *project_name)
{
	char d[TZ_DATE_FMT_MAX], per[TZ_PERIOD_FMT_MAX], t[TZ_CST_FMT_MAX];

	tz_json_object_begin(j);
	tz_json_kv_int(j, "id", p->id);
	tz_json_key(j, "project");
	tz_json_object_begin(j);
	tz_json_kv_str(j, "code", p->project_code);
	tz_json_kv_str(j, "name", project_name);
	tz_json_object_end(j);
	tz_json_kv_str(j, "kind", tz_problem_kind_name(p->kind));
	tz_json_kv_str(j, "level", tz_problem_level_name(p->level));
	tz_json_kv_str(j, "unit", *tz_problem_unit_name(r, p) ? tz_problem_unit_name(r, p) : NULL);
	tz_json_kv_str(j, "deadline", p->deadline ? tz_date_fmt(p->deadline, d) : NULL);
	tz_json_kv_str(j, "status", tz_problem_status_name(p->status));
	tz_json_kv_str(j, "description", p->description);
	tz_json_kv_str(j, "reason", *p->reason ? p->reason : NULL);
	tz_json_kv_str(j, "resolution", *p->resolution ? p->resolution : NULL);
	tz_json_kv_str(j, "from_report", p->period.year ? tz_period_fmt(p->period, per) : NULL);
	tz_json_kv_str(j, "raised_at", tz_cst_fmt(p->raised_at, t));
	tz_json_kv_int(j, "raised_by", p->raised_by);
	tz_json_kv_str(j, "updated_at", tz_cst_fmt(p->updated_at, t));
	tz_json_object_end(j);
}

struct list_ctx {
	struct tz_req *r;
	struct tz_json *j;
};

static int row_json(void *ctx, const struct tz_problem_row *row)
{
	struct list_ctx *c = ctx;

	problem_json(c->r, c->j, &row->problem, row->project_name);
	return 0;
}

int api_problems(struct tz_req *r)
{
	struct tz_problem_filter f;
	struct tz_json j;
	struct tz_tally *t;
	struct tz_buf s = TZ_BUF_INIT;
	struct list_ctx c;
	long total = 0;
	int rc;

	if ((rc = tz_problem_filter_parse(r, &f)))
		return rc == TZ_EINVAL ? tz_resp_error(r, 400, r->err.msg) : rc;
	if (!(t = tz_tally_new(r->org, 0, TZ_PC_COUNT)))
		return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
	rc = tz_store_problem_counts_where(r->store, t, f.today, f.v->all ? NULL : &f.v->filter,
					   &r->err);
	if (rc) {
		tz_tally_free(t);
		return rc;
	}
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_key(&j, "counts");
	tz_json_object_begin(&j);
	{
		const int64_t *root = tz_tally_counters_at(t, 0);
		struct tz_problem_counts upper = tz_problem_counts_at(root, TZ_PC_UPPER),
					 all = tz_problem_counts_at(root, TZ_PC_ALL);

		tz_problem_sentence(&upper, &s);
		tz_json_kv_str(&j, "sentence", s.buf);
		tz_json_kv_int(&j, "projects", all.projects);
		tz_json_kv_int(&j, "problems", all.problems);
		tz_json_kv_int(&j, "solved", all.solved);
		tz_json_kv_int(&j, "upper_projects", upper.projects);
		tz_json_kv_int(&j, "upper_problems", upper.problems);
		tz_json_kv_int(&j, "upper_solved", upper.solved);
		tz_json_kv_int(&j, "overdue", root[TZ_PC_OVERDUE]);
		tz_json_key(&j, "by_status");
		tz_json_object_begin(&j);
		for (int st = 1; st <= TZ_PROBLEM_STATUS_MAX; st++)
			tz_json_kv_int(&j, tz_problem_status_name((enum tz_problem_status)st),
				       root[TZ_PC_STATUS(st)]);
		tz_json_object_end(&j);
	}
	tz_json_object_end(&j);
	tz_tally_free(t);
	tz_buf_release(&s);
	tz_json_kv_int(&j, "page", f.page);
	tz_json_kv_int(&j, "per_page", f.per_page);
	tz_json_key(&j, "problems");
	tz_json_array_begin(&j);
	c.r = r;
	c.j = &j;
	if ((rc = tz_problem_list(r, &f, row_json, &c, &total))) {
		tz_json_release(&j);
		return rc;
	}
	tz_json_array_end(&j);
	/* The total goes last: it is known once the list is walked. */
	tz_json_kv_int(&j, "total", total);
	tz_json_object_end(&j);
	return tz_resp_json(r, 200, &j);
}

/* Answer with problem v->p.id and its history; `reload`: read it again
 * (after a change). */
static int one(struct tz_req *r, struct tz_problem_view *v, int status, int reload)
{
	struct tz_problem_event *e;
	struct tz_json j;
	size_t n;
	int rc;

	if (reload) {
		int answered;

		if ((rc = tz_problem_load(r, tz_sfmt(r, "%lld", (long long)v->p.id), TZ_ACT_VIEW, v,
					  &answered)) || answered)
			return rc;
	}
	if ((rc = tz_problem_events_load(r, v->p.id, &e, &n)))
		return rc;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_key(&j, "problem");
	problem_json(r, &j, &v->p, v->project_name);
	tz_json_key(&j, "history");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++) {
		char t[TZ_CST_FMT_MAX];

		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "at", tz_cst_fmt(e[i].at, t));
		tz_json_kv_int(&j, "user_id", e[i].user_id);
		tz_json_kv_str(&j, "user", tz_problem_user_name(r, e[i].user_id));
		tz_json_kv_str(&j, "action", tz_problem_event_name(e[i].action));
		tz_json_kv_str(&j, "from", e[i].from_status ? tz_problem_status_name(e[i].from_status)
							      : NULL);
		tz_json_kv_str(&j, "to", tz_problem_status_name(e[i].to_status));
		tz_json_kv_str(&j, "note", e[i].note);
		tz_json_object_end(&j);
	}
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	return tz_resp_json(r, status, &j);
}

int api_problem(struct tz_req *r)
{
	struct tz_problem_view v;
	int answered, rc = tz_problem_load(r, tz_req_param(r, "id"), TZ_ACT_VIEW, &v, &answered);

	if (rc || answered)
		return rc;
	return one(r, &v, 200, 0);
}

static int refused(struct tz_req *r, int rc)
{
	if (rc == TZ_EINVAL || rc == TZ_EEXIST || rc == TZ_ENOTFOUND)
		return tz_resp_error(r, rc == TZ_EEXIST ? 409 : 400, r->err.msg);
	return rc;
}

int api_problem_raise(struct tz_req *r)
{
	struct tz_problem_view v;
	int64_t id = 0;
	int answered, rc = tz_problem_do_raise(r, &id, &answered);

	if (answered)
		return rc;
	if (rc == TZ_ENOTFOUND && !strcmp(r->err.field, "项目编号"))
		return tz_resp_error(r, 404, NULL); /* unknown or hidden: alike */
	if (rc)
		return refused(r, rc);
	memset(&v, 0, sizeof(v));
	v.p.id = id;
	return one(r, &v, 201, 1);
}

static int change(struct tz_req *r, enum tz_action a,
		  int (*fn)(struct tz_req *, struct tz_problem_view *))
{
	struct tz_problem_view v;
	int answered, rc = tz_problem_load(r, tz_req_param(r, "id"), a, &v, &answered);

	if (rc || answered)
		return rc;
	if ((rc = fn(r, &v)))
		return refused(r, rc);
	return one(r, &v, 200, 1);
}

int api_problem_assign(struct tz_req *r)
{
	return change(r, TZ_ACT_MANAGE, tz_problem_do_assign);
}

int api_problem_move(struct tz_req *r)
{
	return change(r, TZ_ACT_MANAGE, tz_problem_do_move);
}

int api_problem_comment(struct tz_req *r)
{
	return change(r, TZ_ACT_COMMENT, tz_problem_do_comment);
}
