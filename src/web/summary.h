/*
 * summary.h: what the pages that summarise and track (the dashboard,
 * 亮灯, 问题清单, 前期手续, the bulletin page, and their API calls) share:
 * the user's view of the data as summaries count it, the period a
 * summary is of, the bulletin over a view, and the traffic lights of a
 * whole ledger kept in memory (web.md "Pages that summarise": computed
 * once per data change, served from memory until the next import, save
 * or period change; the store's version says when).
 *
 * Everything here is read by request handlers: allocations come from
 * r->arena unless a function says otherwise.
 */
#ifndef TZ_WEB_SUMMARY_H
#define TZ_WEB_SUMMARY_H

#include <stdint.h>

#include "core/bulletin.h"
#include "core/light.h"
#include "core/tally.h"
#include "store/store.h"
#include "web/internal.h"

/* ------------------------------------------------------------------ */
/* The view: which projects a user's summaries count                    */

/*
 * Exactly the projects tz_access_decide lets the user VIEW (web.md: a
 * coordinator's subtree, a reporter's region or department, a leader's
 * subtree and its 包联 projects wherever they are; an admin, or anyone at
 * the root, everything). Users who see the same projects share `key`, so
 * a summary is computed once for all of them.
 */
struct tz_view {
	int all;                           /* every project: no filter */
	const char *key;                   /* "all", "n12", "n12:王五" (cache keys) */
	const char *label;                 /* as the bulletin's text names it: "全市",
					      "盖州市", "市直及孙振宇同志包联" */
	struct tz_project_filter filter;   /* keep: visible; keep NULL when all */
	struct tz_req *r;
};

/* The view of r's user, computed once per request (from r->arena). */
const struct tz_view *tz_view_of(struct tz_req *r);
/* Whether the view counts a project of this region, unit and 包联领导. */
int tz_view_sees(const struct tz_view *v, int64_t region_id, int64_t unit_id, const char *leader);

/* ------------------------------------------------------------------ */
/* The period                                                          */

/*
 * The period a summary page is of: ?period=YYYY-MM, else the latest
 * period reported (as `taizhang bulletin` without --period). Returns 0
 * with *p set (p->year 0: no report at all yet); or 0 with *answered 1
 * and a 400 response set for a malformed period; or a store error.
 */
int tz_summary_period(struct tz_req *r, struct tz_period *p, int *answered);

/* Months to offer in a period menu, newest first: from the latest period
 * reported back 24 months, and `p` if it is not among them. From r->arena;
 * *n receives the count. */
struct tz_period *tz_summary_periods(struct tz_req *r, struct tz_period p, size_t *n);

/* ------------------------------------------------------------------ */
/* The bulletin over a view                                            */

/*
 * A finished bulletin of period p grouped `by`, over the projects of view
 * v (every project when v->all: then exactly `taizhang bulletin`), with
 * v's label as its scope. The caller frees it (tz_bulletin_free).
 * 0; TZ_ENOTFOUND when none of the view's projects reported for p
 * (r->err has the bulletin's Chinese refusal); a store error.
 */
int tz_summary_bulletin(struct tz_req *r, const struct tz_view *v, struct tz_period p,
			enum tz_bulletin_by by, struct tz_bulletin **out);

/* ------------------------------------------------------------------ */
/* The lights of a ledger, in memory                                   */

/* One project's light for the period, as kept (plain data: no pointers,
 * strings as offsets into the snapshot's text). */
struct tz_light_entry {
	int64_t project_id;
	int64_t region_id;
	int64_t unit_id;
	int64_t annual;                /* 0.01 万元 */
	int64_t ytd;                   /* completed in the year up to the period */
	uint32_t code, name, leader;   /* tz_lights_text offsets */
	int32_t has_plan;
	int32_t status;                /* enum tz_status in force at the period */
	struct tz_period planned_start;
	struct tz_light_result light;
};

/* A snapshot read from its blob. */
struct tz_lights {
	struct tz_period period;
	size_t n;                          /* projects, in the store's order */
	const struct tz_light_entry *e;
	const uint32_t *slots;             /* code hash: index + 1, 0 empty */
	size_t nslots;                     /* a power of two */
	const char *text;
};

/*
 * The lights of every project of the ledger of p's year (tz_store_lights,
 * core/light.h), computed once per store version and period and kept in
 * the server's cache as one blob: *blob is a reference the caller unrefs
 * after its last use of *out. *hit (may be NULL) says whether it came
 * from memory. 0 or a store error.
 */
int tz_lights_get(struct tz_req *r, struct tz_period p, struct tz_blob **blob,
		  struct tz_lights *out, int *hit);
/* The entry of project `code`, or NULL. */
const struct tz_light_entry *tz_lights_find(const struct tz_lights *l, const char *code);
/* A string of the snapshot. */
const char *tz_lights_text(const struct tz_lights *l, uint32_t off);
/*
 * Count the view's projects by light into a new tally of TZ_LIGHT_COUNT
 * counters over the whole tree (root counters: the view's totals; a
 * node's: the view's projects below it). The caller frees it.
 */
struct tz_tally *tz_lights_tally(struct tz_req *r, const struct tz_view *v,
				 const struct tz_lights *l);
/* The rule that lit a project, in Chinese (tz_light_explain), from r->arena. */
const char *tz_lights_rule(struct tz_req *r, const struct tz_light_entry *e);

/* The rule of the lights, in one paragraph, as the pages show it. */
extern const char tz_lights_rule_text[];

/* ------------------------------------------------------------------ */
/* Shared by pages and the API                                         */

/* Say whether an answer came from memory: X-Taizhang-Cache: hit|miss.
 * After tz_resp_blob/tz_resp_json, which drop headers set before them. */
void tz_summary_cache_header(struct tz_req *r, int hit);

/*
 * The dashboard of the user's view for period p (ui-dashboard.c): its
 * page body (the part inside the layout) and its JSON, computed together
 * once per store version, view, period and day (overdue problems change
 * with the day) and kept in memory. *html and *json are references the
 * caller unrefs (either may be NULL when not wanted). 0 or a store error.
 */
int tz_dashboard_blobs(struct tz_req *r, struct tz_period p, struct tz_blob **html,
		       struct tz_blob **json, int *hit);

/* printf into r->arena (numbers for the page; escape when writing). */
const char *tz_sfmt(struct tz_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Light names in the UI, with their CSS class ("red" …). */
void tz_light_badge(struct tz_buf *b, enum tz_light l);

/* ------------------------------------------------------------------ */
/* Problems (ui-problems.c; the API in api-problems.c)                 */

/* A problem loaded for a request, with what the access decision needs;
 * strings from r->arena. */
struct tz_problem_view {
	struct tz_arena *arena;
	struct tz_problem p;
	const char *project_name;
	const char *leader;         /* the project's 包联领导 */
	int64_t region_id;          /* the project's 所属地区 */
	int64_t unit_id;            /* the project's 责任单位 */
};

/*
 * Load problem `id_text` and ask the access decision for action `a` on
 * its project. 0 with *answered 0: allowed, *v filled; 0 with *answered
 * 1: a response is set (404 for a problem unknown or not visible, 403
 * for one visible but not to be changed so); or a store error.
 */
int tz_problem_load(struct tz_req *r, const char *id_text, enum tz_action a,
		    struct tz_problem_view *v, int *answered);

/*
 * The changes, from the request's form fields (docs/api.md lists them),
 * each writing its audit row with the change. 0; TZ_EINVAL, TZ_ENOTFOUND
 * or TZ_EEXIST with r->err in Chinese (a refused value or transition:
 * answer 400); another error. tz_problem_do_raise checks the project
 * itself: *answered 1 when it set a response (404, 403).
 */
int tz_problem_do_raise(struct tz_req *r, int64_t *id, int *answered);
int tz_problem_do_assign(struct tz_req *r, struct tz_problem_view *v);
int tz_problem_do_move(struct tz_req *r, struct tz_problem_view *v);
int tz_problem_do_comment(struct tz_req *r, struct tz_problem_view *v);

/* The list's filters (query fields status, level, kind, region, project,
 * overdue=1, page, per_page). */
struct tz_problem_filter {
	const struct tz_view *v;
	enum tz_problem_status status;   /* 0: any */
	enum tz_problem_level level;
	enum tz_problem_kind kind;
	const char *region;              /* an org code, or NULL */
	int64_t region_id;               /* -1: an unknown code (nothing matches) */
	const char *project;             /* a project code, or NULL */
	int overdue;                     /* unsolved and past the deadline only */
	int32_t today;
	long page, per_page;
};
/* 0, or TZ_EINVAL with r->err naming the field. */
int tz_problem_filter_parse(struct tz_req *r, struct tz_problem_filter *f);
/* Call fn for the page's problems, newest first, of those the view sees
 * and the filters keep; *total the number kept. */
int tz_problem_list(struct tz_req *r, const struct tz_problem_filter *f,
		    int (*fn)(void *ctx, const struct tz_problem_row *row), void *ctx, long *total);
/* Every event of problem id, oldest first, from r->arena. */
int tz_problem_events_load(struct tz_req *r, int64_t id, struct tz_problem_event **out,
			   size_t *n);
/* Names for people: the responsible unit ("" if none), a user ("系统" for
 * 0), an event's action ("提出", "批示意见"…). */
const char *tz_problem_unit_name(struct tz_req *r, const struct tz_problem *p);
const char *tz_problem_user_name(struct tz_req *r, int64_t id);
const char *tz_problem_event_name(int action);
/* The marks leaders may put on a problem, NULL-ended. */
extern const char *const tz_problem_marks[];
/* The form raising a problem on project `code` (NULL: a field for it),
 * offering the 存在问题 of `nreports` reports (periods and texts). */
void tz_problem_raise_form(struct tz_req *r, const char *code, const struct tz_period *reports,
			   const char *const *texts, size_t nreports);
/* <option>s of regions and/or departments by code. */
void tz_problem_node_options(struct tz_req *r, const char *current, int regions, int units);

/* ------------------------------------------------------------------ */
/* Lights pages (ui-lights.c; the API in api-summary.c)               */

/* What a lights page or call asks for: period, light (red, yellow, green,
 * none: want[]; default red and yellow), region (an org code with its
 * subtree), page, per_page (1..1000). */
struct tz_light_query {
	struct tz_period p;
	int want[TZ_LIGHT_COUNT];
	const char *light;           /* as asked, or NULL */
	const char *region;          /* as asked, or NULL */
	int64_t region_id;           /* -1: an unknown code (nothing matches) */
	long page, per_page;
};
/* 0; or 0 with *answered 1 and a 400 set; or a store error. */
int tz_light_query_parse(struct tz_req *r, struct tz_light_query *q, int *answered);
/* Call fn for the page's projects of the query, worst light first, of
 * those the view sees; *total the number matching. */
int tz_lights_select(struct tz_req *r, const struct tz_lights *l, const struct tz_view *v,
		     const struct tz_light_query *q,
		     int (*fn)(void *ctx, const struct tz_light_entry *e), void *ctx, long *total);

/* ------------------------------------------------------------------ */
/* Procedures (ui-procedures.c; the API in api-summary.c)              */

/* The kinds of procedure, in list order (inactive ones too), from r->arena. */
int tz_procedure_kinds_load(struct tz_req *r, struct tz_procedure_kind **out, size_t *n);
/*
 * Set one procedure of the route's project {code} from the form fields
 * kind (name or id), status (未办, 办理中, 已取得), date, doc_no, writing
 * its audit row with it. Checks TZ_ACT_REPORT on the project: *answered
 * 1 when it set a response (404, 403). 0; TZ_EINVAL/TZ_ENOTFOUND with
 * r->err in Chinese; another error.
 */
int tz_procedure_do_set(struct tz_req *r, int *answered);
/* The project page's 前期手续 section for project `code` (object o). */
int tz_procedures_section(struct tz_req *r, const char *code, const struct tz_object *o);
/* The view's procedure counts (a new TZ_PRC_COUNT tally over the whole
 * tree, obtained 1-N月 of p), the caller frees. */
int tz_procedure_counts_view(struct tz_req *r, const struct tz_view *v, struct tz_period p,
			     struct tz_tally **out);

/* The project page's tracking sections (ui-tracking.c): its light, its
 * procedures and its problems, with the forms the user may use. */
int tz_project_tracking(struct tz_req *r, const char *code, const struct tz_object *o,
			const struct tz_progress *reports, size_t nreports);

#endif
