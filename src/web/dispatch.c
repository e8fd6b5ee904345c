/*
 * dispatch.c: what the reporting and dispatch pages and their API share
 * (dispatch.h): the period a user works on, the monthly form's rows with
 * last month beside them, the check and all-or-nothing save of what was
 * posted, the on-time rate of a node.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/plausible.h"
#include "core/progress.h"
#include "web/dispatch.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Periods                                                             */

struct tz_period tz_web_period_next(struct tz_period p)
{
	struct tz_period n = { p.year + (p.month == 12), p.month == 12 ? 1 : p.month + 1 };

	return n;
}

struct tz_period tz_web_period_prev(struct tz_period p)
{
	struct tz_period n = { p.year - (p.month == 1), p.month == 1 ? 12 : p.month - 1 };

	return n;
}

struct on_path {
	const struct tz_org_index *x;
	int64_t node;
	struct tz_period found;
};

/* The first (newest) dispatch on the node's path to the root. */
static int newest_on_path(void *ctx, const struct tz_dispatch *d)
{
	struct on_path *op = ctx;

	if (!tz_org_index_within(op->x, op->node, d->node_id))
		return 0;
	op->found = d->period;
	return 1;
}

struct open_on_path {
	const struct tz_org_index *x;
	int64_t node;
	struct tz_period v[16];
	size_t n;
};

/* The open periods dispatched on the node's path, newest first (the
 * 16 newest: more are never open at once). */
static int open_on_path(void *ctx, const struct tz_dispatch *d)
{
	struct open_on_path *op = ctx;

	if (d->state != TZ_DISPATCH_OPEN || !tz_org_index_within(op->x, op->node, d->node_id))
		return 0;
	if (op->n && !tz_period_cmp(op->v[op->n - 1], d->period))
		return 0;
	op->v[op->n++] = d->period;
	return op->n == sizeof(op->v) / sizeof(op->v[0]);
}

/*
 * When more than one period is open (2026-01 opened while 2025-12 is
 * still 填报中), the oldest open period in which the user still has
 * projects not reported, else *p (the newest) unchanged. 0 or a store
 * error.
 */
static int oldest_to_report(struct tz_req *r, struct tz_period *p)
{
	struct open_on_path op = { r->org, r->user->org_id, { { 0, 0 } }, 0 };
	int rc;

	if ((rc = tz_store_period_each(r->store, 0, open_on_path, &op, &r->err)) < 0)
		return rc;
	for (size_t i = op.n; i-- > 0;) {
		struct tz_web_report_row *rows;
		struct tz_dispatch d;
		size_t n;

		if (tz_period_cmp(op.v[i], *p) >= 0)
			break;
		if ((rc = tz_web_period_governing(r, r->user->org_id, op.v[i], &d)) < 0)
			return rc;
		if (!rc || d.state != TZ_DISPATCH_OPEN)
			continue;
		if ((rc = tz_web_report_rows(r, r->user->org_id, op.v[i], &rows, &n)))
			return rc;
		for (size_t k = 0; k < n; k++) {
			if (!rows[k].v.reported) {
				*p = op.v[i];
				return 0;
			}
		}
	}
	return 0;
}

int tz_web_period_choose(struct tz_req *r, const char *arg, struct tz_period *p)
{
	struct on_path op = { r->org, r->user->org_id, { 0, 0 } };
	struct tz_dispatch d;
	struct tz_err ignored;
	int rc;

	memset(p, 0, sizeof(*p));
	if (arg && *arg) {
		if (tz_period_parse(arg, strlen(arg), p, NULL))
			return tz_err_set(&r->err, TZ_EINVAL, "调度期“%s”无效（应为 YYYY-MM）", arg);
		return 0;
	}
	rc = tz_store_period_current(r->store, r->user->org_id, &d, &ignored);
	if (!rc) {
		*p = d.period;
		return oldest_to_report(r, p);
	}
	if (rc != TZ_ENOTFOUND)
		return tz_err_set(&r->err, rc, "%s", ignored.msg);
	rc = tz_store_period_each(r->store, 0, newest_on_path, &op, &r->err);
	if (rc < 0)
		return rc;
	*p = op.found;
	return 0;
}

int tz_web_period_governing(struct tz_req *r, int64_t node_id, struct tz_period p,
			    struct tz_dispatch *d)
{
	struct tz_err why;
	int rc = tz_store_period_governing(r->store, node_id, p, d, &why);

	if (!rc)
		return 1;
	if (rc == TZ_ENOTFOUND)
		return 0;
	r->err = why;
	return rc;
}

const char *tz_web_time_left(struct tz_req *r, int64_t deadline)
{
	int64_t left = deadline - r->now, a = left < 0 ? -left : left;
	long days = (long)(a / 86400), hours = (long)(a % 86400 / 3600), mins = (long)(a % 3600 / 60);
	char buf[96];

	if (days)
		snprintf(buf, sizeof(buf), "%s%ld天%ld小时", left < 0 ? "已超过报送截止" : "还剩", days,
			 hours);
	else if (hours)
		snprintf(buf, sizeof(buf), "%s%ld小时%ld分钟", left < 0 ? "已超过报送截止" : "还剩",
			 hours, mins);
	else
		snprintf(buf, sizeof(buf), "%s%ld分钟", left < 0 ? "已超过报送截止" : "还剩",
			 mins ? mins : 1);
	return tz_arena_strdup(r->arena, buf);
}

const char *tz_web_iso_time(struct tz_req *r, int64_t utc)
{
	struct tz_cst_time t;
	char buf[40];

	tz_cst_from_utc(utc, &t);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d+08:00", t.year, t.month, t.day,
		 t.hour, t.minute, t.second);
	return tz_arena_strdup(r->arena, buf);
}

/* ------------------------------------------------------------------ */
/* The form's rows                                                     */

/*
 * The rows being read, on the heap rather than in the request's arena: a
 * node's rows run into the thousands (10,000 for a district of the
 * 100,000-project demo, 432 bytes each), and realloc moves a big array
 * without copying it where the arena would copy it at every doubling and
 * keep every copy until the request ends. Freed with the request.
 */
struct row_array {
	struct tz_web_report_row *v;
	size_t n, alloc;
};

struct rows {
	struct tz_req *r;
	struct row_array *a;
};

static void row_array_free(void *p)
{
	free(((struct row_array *)p)->v);
}

static struct rows rows_begin(struct tz_req *r)
{
	struct rows rs = { r, tz_arena_calloc(r->arena, 1, sizeof(*rs.a)) };

	tz_arena_on_release(r->arena, row_array_free, rs.a);
	return rs;
}

static const char *adup(struct tz_req *r, const char *s)
{
	return tz_arena_strdup(r->arena, s ? s : "");
}

static int keep_row(void *ctx, const struct tz_report_view *view)
{
	struct rows *rs = ctx;
	struct row_array *a = rs->a;
	struct tz_web_report_row *row;

	TZ_ALLOC_GROW(a->v, a->n + 1, a->alloc);
	row = &a->v[a->n++];
	memset(row, 0, sizeof(*row));
	row->v = *view;
	row->v.code = adup(rs->r, view->code);
	row->v.name = adup(rs->r, view->name);
	row->v.leader = adup(rs->r, view->leader);
	if (view->reported) {
		row->v.report.code = row->v.code;
		row->v.report.progress_text = adup(rs->r, view->report.progress_text);
		row->v.report.problem = adup(rs->r, view->report.problem);
	}
	return 0;
}

struct prev {
	struct tz_req *r;
	struct tz_web_report_row **rows;
	size_t n, at;
};

/* Last month's reports, merged by code (rows and the views both come by
 * code: the views in the order their codes were asked, some skipped). */
static int keep_prev(void *ctx, const struct tz_report_view *view)
{
	struct prev *pv = ctx;

	if (!view->reported)
		return 0;
	while (pv->at < pv->n && strcmp(pv->rows[pv->at]->v.code, view->code) < 0)
		pv->at++;
	if (pv->at < pv->n && !strcmp(pv->rows[pv->at]->v.code, view->code)) {
		struct tz_web_report_row *row = pv->rows[pv->at];

		row->has_prev = 1;
		row->prev = view->report;
		row->prev.code = row->v.code;
		row->prev.progress_text = adup(pv->r, view->report.progress_text);
		row->prev.problem = adup(pv->r, view->report.problem);
	}
	return 0;
}

int tz_web_report_rows(struct tz_req *r, int64_t node_id, struct tz_period p,
		       struct tz_web_report_row **out, size_t *n)
{
	struct rows rs = rows_begin(r);
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = tz_store_report_each(r->store, r->org, node_id, p, keep_row, &rs, &r->err)))
		return rc;
	*out = rs.a->v;
	*n = rs.a->n;
	return 0;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct scoped {
	struct rows rs;
	int64_t node_id;
};

static int keep_scoped(void *ctx, const struct tz_report_view *view)
{
	struct scoped *sc = ctx;
	const struct tz_org_index *x = sc->rs.r->org;

	if (!tz_org_index_within(x, view->region_id, sc->node_id) &&
	    !(view->unit_id && tz_org_index_within(x, view->unit_id, sc->node_id)))
		return 0;
	return keep_row(&sc->rs, view);
}

int tz_web_report_rows_of(struct tz_req *r, int64_t node_id, struct tz_period p,
			  const char **codes, size_t ncodes, struct tz_web_report_row **out,
			  size_t *n)
{
	struct scoped sc = { rows_begin(r), node_id };
	size_t k = 0;
	int rc;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < ncodes; i++)  /* as typed: Ｐ１ is P1 */
		codes[i] = tz_web_code(r->arena, codes[i]);
	qsort(codes, ncodes, sizeof(*codes), by_code);
	for (size_t i = 0; i < ncodes; i++)  /* once each */
		if (!k || strcmp(codes[k - 1], codes[i]))
			codes[k++] = codes[i];
	if (!k)
		return 0;
	if ((rc = tz_store_report_codes(r->store, p, codes, k, keep_scoped, &sc, &r->err)))
		return rc;
	*out = sc.rs.a->v;
	*n = sc.rs.a->n;
	return 0;
}

/* Read by the rows' codes (tz_store_report_codes), not by walking the
 * node again: the cost is the page's. */
int tz_web_report_prev(struct tz_req *r, struct tz_period p, struct tz_web_report_row **rows,
		       size_t n)
{
	struct prev pv = { r, rows, n, 0 };
	const char **codes;

	if (!n)
		return 0;
	codes = tz_arena_calloc(r->arena, n, sizeof(*codes));
	for (size_t i = 0; i < n; i++)
		codes[i] = rows[i]->v.code;
	return tz_store_report_codes(r->store, tz_web_period_prev(p), codes, n, keep_prev, &pv,
				     &r->err);
}

struct tz_web_report_row *tz_web_report_find(struct tz_web_report_row *rows, size_t n,
					     const char *code)
{
	size_t lo = 0, hi = n;

	/* The store walks by code as SQLite compares text: bytes, as strcmp. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rows[mid].v.code, code);

		if (!c)
			return &rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Checking and saving what was posted                                 */

static int blank(const char *s)
{
	return !s || tz_text_is_blank(s, strlen(s));
}

static int same_text(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* The field (enum tz_progress_field) whose header the core or the store
 * names in err.field: one of the form's four, else TZ_RF_CODE, a fault of
 * the row as a whole (项目编号). */
static int field_of(const char *field)
{
	static const enum tz_progress_field four[] = {
		TZ_RF_COMPLETED, TZ_RF_STATUS, TZ_RF_TEXT, TZ_RF_PROBLEM,
	};

	for (size_t i = 0; field && i < sizeof(four) / sizeof(four[0]); i++)
		if (!strcmp(field, tz_progress_columns[four[i]].header))
			return four[i];
	return TZ_RF_CODE;
}

/* Put the message of one error on the row, at its field (once a field). */
static void row_error(struct tz_req *r, struct tz_web_report_row *row, const struct tz_err *e)
{
	int k = field_of(e->field);

	if (!row->err[k])
		row->nerr++;
	row->err[k] = tz_arena_strdup(r->arena, e->msg);
}

/*
 * The per-row rules of the file import against the store (W21,
 * tz_plaus_report_row: the project's stored 总投资, the year's
 * 年度计划投资, the report it replaces), for a posted 本期完成投资: a
 * month typed in 元 into the 万元 field (walkthrough 9: 20490600 for
 * 2049.06万元) is refused with the values, the 元 advice and `how` to
 * confirm it. 1 (row->err, row->large set) or 0. A store error refuses
 * the row too: nothing is saved unjudged.
 */
static int large_amount(struct tz_req *r, struct tz_web_report_row *row, struct tz_period p,
			const char *how)
{
	struct tz_plaus_stored st = { 0, -1, row->v.reported ? row->v.report.completed : -1 };
	struct tz_project *years = NULL;
	struct tz_err e;
	struct tz_buf b = TZ_BUF_INIT;
	enum tz_plaus_row kind;
	char v[TZ_MONEY_FMT_MAX];
	size_t n = 0;
	int rc;

	tz_err_clear(&e);
	rc = tz_store_project_ledger(r->store, row->v.code, r->arena, &years, &n, &e);
	if (rc && rc != TZ_ENOTFOUND) {
		tz_err_set_at(&e, TZ_EINVAL, NULL, 0, "本期完成投资",
			      "暂时无法核对本期完成投资（读取台账出错），没有保存，请稍后重试");
		row_error(r, row, &e);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		if (years[i].year == p.year) {
			st.total = years[i].total;
			st.annual = years[i].has_plan ? years[i].annual : -1;
		}
	kind = tz_plaus_report_row(row->parsed.completed, &st);
	if (kind == TZ_PLAUS_ROW_OK)
		return 0;
	tz_buf_addf(&b, "本期完成投资%s万元", tz_money_fmt(row->parsed.completed, v));
	if (tz_plaus_report_say(&b, kind, row->parsed.completed,
				kind == TZ_PLAUS_ROW_OVER_TOTAL ? st.total : st.old, st.annual))
		tz_plaus_yuan_advice(&b, row->parsed.completed);
	tz_buf_addf(&b, "；没有保存。如确为此数，请核对后%s", how);
	row->err[TZ_RF_COMPLETED] = tz_arena_strdup(r->arena, b.buf);
	row->nerr++;
	row->large = 1;
	tz_buf_release(&b);
	return 1;
}

/* `s` without the white space at its ends (tz_text_trim), in the
 * request's arena when it had any; NULL stays NULL. */
static const char *trimmed(struct tz_req *r, const char *s)
{
	const char *t = s;
	size_t n, len;

	if (!s)
		return NULL;
	n = len = strlen(s);
	tz_text_trim(&t, &len);
	return len == n ? s : tz_arena_strndup(r->arena, t, len);
}

int tz_web_report_check(struct tz_req *r, struct tz_web_report_row *row, struct tz_period p,
			const char *how)
{
	struct tz_err errs[TZ_RF_COUNT];

	memset(row->err, 0, sizeof(row->err));
	row->nerr = 0;
	row->changed = 0;
	row->large = 0;
	if (!row->posted)
		return 0;
	/* The texts as an import stores a cell's, trimmed: the same report
	 * reads the same whichever way it came, and its export reads back
	 * unchanged (walkthrough 13: a 存在问题 saved through the API with a
	 * leading line break came back from its own export as a 更正). */
	row->in.progress_text = trimmed(r, row->in.progress_text);
	row->in.problem = trimmed(r, row->in.problem);
	if (blank(row->in.completed) && blank(row->in.status) && blank(row->in.progress_text) &&
	    blank(row->in.problem)) {
		row->posted = 0;  /* an untouched row is not a report */
		return 0;
	}
	if (tz_report_form_parse(&row->in, row->v.code, p, &row->parsed, errs)) {
		for (int k = 0; k < TZ_RF_COUNT; k++)
			if (errs[k].code)
				row_error(r, row, &errs[k]);
		return 1;
	}
	row->changed = !row->v.reported || row->parsed.completed != row->v.report.completed ||
		       row->parsed.status != row->v.report.status ||
		       !same_text(row->parsed.progress_text, row->v.report.progress_text) ||
		       !same_text(row->parsed.problem, row->v.report.problem);
	/* A new amount (one already stored was judged when it came). */
	if (row->changed && !row->confirm_large && row->parsed.completed > 0 &&
	    (!row->v.reported || row->parsed.completed != row->v.report.completed))
		return large_amount(r, row, p, how);
	return 0;
}

enum tz_saver tz_web_saver(const struct tz_user *u)
{
	return u->role == TZ_ROLE_COORDINATOR ? TZ_SAVER_COORDINATOR : TZ_SAVER_REPORTER;
}

int tz_web_report_save(struct tz_req *r, struct tz_web_report_row *rows, size_t n,
		       struct tz_period p, struct tz_report_save_stats *stats,
		       struct tz_web_report_row **bad)
{
	struct tz_progress *list;
	struct tz_web_report_row **from;
	struct tz_actor who;
	struct tz_report_save how;
	size_t k = 0, failed = 0;
	int rc;

	*bad = NULL;
	memset(stats, 0, sizeof(*stats));
	list = tz_arena_calloc(r->arena, n ? n : 1, sizeof(*list));
	from = tz_arena_calloc(r->arena, n ? n : 1, sizeof(*from));
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].posted || !rows[i].changed)
			continue;
		from[k] = &rows[i];
		list[k++] = rows[i].parsed;
	}
	if (!k)
		return 0;
	tz_req_actor(r, &who);
	memset(&how, 0, sizeof(how));
	how.period = p;
	how.as = tz_web_saver(r->user);
	how.user_id = r->user->id;
	how.at = r->now;
	how.who = &who;
	rc = tz_store_report_save(r->store, &how, list, k, &failed, stats, &r->err);
	if (rc && rc != TZ_ESTORE && rc != TZ_EINTERNAL && failed < k) {
		/* The period refusing a reporter concerns the whole form. */
		if (strcmp(r->err.field, "调度期")) {
			*bad = from[failed];
			row_error(r, *bad, &r->err);
		}
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* The on-time rate                                                    */

static void ontime_free(void *o)
{
	tz_ontime_free(o);
}

int tz_web_ontime(struct tz_req *r, int64_t node_id, struct tz_period p, struct tz_ontime **out)
{
	struct tz_ontime *o = tz_ontime_new(r->org, node_id, p);
	int rc;

	*out = NULL;
	if (!o)
		return tz_err_set(&r->err, TZ_ENOTFOUND, "组织机构不存在");
	tz_arena_on_release(r->arena, ontime_free, o);
	if ((rc = tz_store_ontime(r->store, o, &r->err)))
		return rc;
	tz_ontime_finish(o);
	*out = o;
	return 0;
}
