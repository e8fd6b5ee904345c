/*
 * sqlite-report.c: reports saved by people, in SQLite (web.md "Periods,
 * deadlines, on-time rate"): an all-or-nothing save of several projects'
 * reports for a period, their arrival (report_filing: the first save is
 * kept for good, so corrections never change lateness), every change in
 * report_history, and the running totals brought up to date through the
 * same writer imports use (tz_sqlite_years_rebuild), so bulletins see a
 * saved report exactly as an imported one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/hmap.h"
#include "base/json.h"
#include "base/xalloc.h"
#include "store/sqlite-internal.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

enum {
	Q_LEDGER,    /* is the project in the year's ledger */
	Q_OLD,       /* the report as it stands */
	Q_UPSERT,    /* write the report */
	Q_FILING,    /* its arrival as recorded */
	Q_ARRIVED,   /* record a first arrival */
	Q_AGAIN,     /* record a later one */
	Q_HISTORY,   /* keep a change */
	Q_COUNT
};

#define MONTH_COL(c) "CASE ?2 % 100 WHEN 1 THEN " c "1 WHEN 2 THEN " c "2 WHEN 3 THEN " c "3" \
	" WHEN 4 THEN " c "4 WHEN 5 THEN " c "5 WHEN 6 THEN " c "6 WHEN 7 THEN " c "7 WHEN 8 THEN " c "8" \
	" WHEN 9 THEN " c "9 WHEN 10 THEN " c "10 WHEN 11 THEN " c "11 WHEN 12 THEN " c "12 END"

static const char *const save_sql[Q_COUNT] = {
	"SELECT 1 FROM ledger WHERE year = ?1 AND project_id = ?2",
	/* Month ?2 % 100 of the year row (NULLs: no report that month), and
	 * when the import that last wrote it began (Unix time). */
	"SELECT " MONTH_COL("completed") ", " MONTH_COL("status") ", " MONTH_COL("text") ", "
	MONTH_COL("problem") ", (SELECT CAST(strftime('%s', b.started_at) AS INTEGER)"
	" FROM import_batch b WHERE b.id = " MONTH_COL("batch") ")"
	" FROM progress_year WHERE project_id = ?1 AND year = ?2 / 100",
	NULL,  /* the month's columns: upsert_sql() */
	"SELECT first_at FROM report_filing WHERE period = ?1 AND project_id = ?2",
	"INSERT INTO report_filing(period, project_id, first_at, first_by, first_as, last_at,"
	" last_by, saves) VALUES(?1, ?2, ?6, ?7, ?5, ?3, ?4, 1)",
	"UPDATE report_filing SET last_at = ?3, last_by = ?4, saves = saves + 1"
	" WHERE period = ?1 AND project_id = ?2",
	"INSERT INTO report_history(project_id, period, at, user_id, saver, old_completed,"
	" old_status, old_text, old_problem, new_completed, new_status, new_text, new_problem)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
};

struct save {
	struct sqlite_store *ss;
	const struct tz_report_save *how;
	sqlite3_stmt *q[Q_COUNT];
	unsigned char *changed;  /* by project id: its running totals to redo */
	int64_t max_id;
	struct tz_sqlite_dispatches ds;
	struct tz_hmap *seen;
	int64_t batch;
	int period;
	unsigned char *touched;  /* audited saves: by report, added or changed */
	size_t at;               /* the report being saved */
};

/* Q_UPSERT for month m: the report into the month's columns of its year
 * row (?2 the period), the other months as they are. */
static void upsert_sql(struct tz_buf *sql, int m)
{
	tz_buf_addf(sql, "INSERT INTO progress_year(project_id, year, completed%d, status%d, text%d,"
		    " problem%d, batch%d) VALUES(?1, ?2 / 100, ?3, ?4, ?5, ?6, ?7)"
		    " ON CONFLICT(project_id, year) DO UPDATE SET completed%d = excluded.completed%d,"
		    " status%d = excluded.status%d, text%d = excluded.text%d,"
		    " problem%d = excluded.problem%d, batch%d = excluded.batch%d",
		    m, m, m, m, m, m, m, m, m, m, m, m, m, m, m);
}

/* The import_batch row a save's reports point at, for the record. */
static int save_batch(struct save *sv, size_t n, struct tz_err *err)
{
	sqlite3_stmt *st;
	char source[80];
	int rc;

	snprintf(source, sizeof(source), "用户%lld%s", (long long)sv->how->user_id,
		 tz_saver_name(sv->how->as));
	rc = tz_sqlite_prepare(sv->ss, "INSERT INTO import_batch(kind, source, accepted)"
			       " VALUES('form', ?1, ?2)", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, source, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (int64_t)n);
	rc = tz_sqlite_step(sv->ss, st, err);
	sqlite3_finalize(st);
	sv->batch = sqlite3_last_insert_rowid(sv->ss->db);
	return rc;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static int same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* What keep_arrival found. */
struct arrival {
	int had_old;     /* the report existed */
	int changed;     /* its values changed (or it is new) */
	int had_filing;  /* its arrival was recorded before */
	int64_t first_at;  /* its first arrival (Unix time), as now recorded */
};

/*
 * Record report r of project_id arriving at `at` from user_id as `as`:
 * keep the change in the history (the old values read before anything is
 * written) and the arrival in report_filing (the first one for good).
 * The report itself is written by the caller, when a->changed. Shared by
 * saves and by imports into dispatched periods.
 *
 * A report already stored with no arrival recorded came in by an import
 * before its 调度期 was dispatched (saves always record one; imports do
 * once the period is dispatched): that import was its first arrival, so
 * the filing takes the import's start (by user 0, as an import), and
 * this save is a correction that does not make it late (web.md "Periods,
 * deadlines, on-time rate"; walkthrough 11).
 */
static int keep_arrival(struct sqlite_store *ss, sqlite3_stmt **q, int64_t project_id,
			const struct tz_progress *r, int64_t at, int64_t user_id,
			enum tz_saver as, struct arrival *a, struct tz_err *err)
{
	int period = tz_period_code(r->period), rc;
	int64_t old_at = -1;

	sqlite3_bind_int64(q[Q_OLD], 1, project_id);
	sqlite3_bind_int(q[Q_OLD], 2, period);
	rc = sqlite3_step(q[Q_OLD]);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(q[Q_OLD]);
		return tz_sqlite_error(ss, err, "progress");
	}
	a->had_old = rc == SQLITE_ROW && sqlite3_column_type(q[Q_OLD], 0) != SQLITE_NULL;
	a->first_at = at;
	if (a->had_old && sqlite3_column_type(q[Q_OLD], 4) != SQLITE_NULL)
		old_at = sqlite3_column_int64(q[Q_OLD], 4);
	a->changed = !a->had_old || sqlite3_column_int64(q[Q_OLD], 0) != r->completed ||
		     sqlite3_column_int(q[Q_OLD], 1) != (int)r->status ||
		     !same(tz_sqlite_text(q[Q_OLD], 2), r->progress_text) ||
		     !same(tz_sqlite_text(q[Q_OLD], 3), r->problem);
	rc = 0;
	if (a->changed) {
		sqlite3_stmt *h = q[Q_HISTORY];

		sqlite3_bind_int64(h, 1, project_id);
		sqlite3_bind_int(h, 2, period);
		sqlite3_bind_int64(h, 3, at);
		sqlite3_bind_int64(h, 4, user_id);
		sqlite3_bind_int(h, 5, (int)as);
		for (int c = 0; c < 4; c++) {
			if (a->had_old)
				sqlite3_bind_value(h, 6 + c, sqlite3_column_value(q[Q_OLD], c));
			else
				sqlite3_bind_null(h, 6 + c);
		}
		sqlite3_bind_int64(h, 10, r->completed);
		sqlite3_bind_int(h, 11, (int)r->status);
		bind_text(h, 12, r->progress_text);
		bind_text(h, 13, r->problem);
		rc = tz_sqlite_step(ss, h, err);
		sqlite3_clear_bindings(h);
	}
	sqlite3_reset(q[Q_OLD]);
	if (rc)
		return rc;

	sqlite3_bind_int(q[Q_FILING], 1, period);
	sqlite3_bind_int64(q[Q_FILING], 2, project_id);
	rc = sqlite3_step(q[Q_FILING]);
	sqlite3_reset(q[Q_FILING]);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "report_filing");
	a->had_filing = rc == SQLITE_ROW;
	{
		sqlite3_stmt *f = q[a->had_filing ? Q_AGAIN : Q_ARRIVED];

		sqlite3_bind_int(f, 1, period);
		sqlite3_bind_int64(f, 2, project_id);
		sqlite3_bind_int64(f, 3, at);
		sqlite3_bind_int64(f, 4, user_id);
		if (!a->had_filing) {
			int before = old_at >= 0 && old_at <= at;

			if (before)
				a->first_at = old_at;
			sqlite3_bind_int(f, 5, (int)(before ? TZ_SAVER_IMPORT : as));
			sqlite3_bind_int64(f, 6, a->first_at);
			sqlite3_bind_int64(f, 7, before ? 0 : user_id);
		}
		return tz_sqlite_step(ss, f, err);
	}
}

/* Save one report; stats are counted in *stats. */
static int save_one(struct save *sv, const struct tz_progress *r,
		    struct tz_report_save_stats *stats, struct tz_err *err)
{
	struct sqlite_store *ss = sv->ss;
	sqlite3_stmt **q = sv->q;
	const struct tz_dispatch *d;
	struct arrival arr;
	int64_t id, region;
	int rc;

	if ((rc = tz_sqlite_project_find(ss, r->code, &id, &region, NULL, NULL, err)))
		return rc;
	if (!tz_hmap_put(sv->seen, (const char *)&id, sizeof(id), 1, NULL))
		return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目编号",
				     "项目编号“%s”在本次报送中重复", r->code);
	sqlite3_bind_int(q[Q_LEDGER], 1, r->period.year);
	sqlite3_bind_int64(q[Q_LEDGER], 2, id);
	rc = sqlite3_step(q[Q_LEDGER]);
	sqlite3_reset(q[Q_LEDGER]);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "ledger");
	if (rc == SQLITE_DONE)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "项目编号",
				     "项目“%s”不在%d年度的项目台账中", r->code, r->period.year);
	d = tz_sqlite_dispatches_governing(&sv->ds, region);
	if ((rc = tz_dispatch_may_save(d, r->period, sv->how->as, err)))
		return rc;

	if ((rc = keep_arrival(ss, q, id, r, sv->how->at, sv->how->user_id, sv->how->as, &arr,
			       err)))
		return rc;
	if (arr.changed) {
		sqlite3_stmt *u = q[Q_UPSERT];

		sqlite3_bind_int64(u, 1, id);
		sqlite3_bind_int(u, 2, sv->period);
		sqlite3_bind_int64(u, 3, r->completed);
		sqlite3_bind_int(u, 4, (int)r->status);
		bind_text(u, 5, r->progress_text);
		bind_text(u, 6, r->problem);
		sqlite3_bind_int64(u, 7, sv->batch);
		if ((rc = tz_sqlite_step(ss, u, err)))
			return rc;
		if (id >= 1 && id <= sv->max_id)
			sv->changed[id] = 1;
		if (sv->touched)
			sv->touched[sv->at] = 1;
	}
	if (!arr.had_filing && tz_report_late(d ? d->deadline : 0, d ? d->opened_at : 0, arr.first_at))
		stats->late++;
	if (!arr.had_old)
		stats->added++;
	else if (arr.changed)
		stats->changed++;
	else
		stats->unchanged++;
	return 0;
}

/* The audit row of a save made by a person (how->who), inside its
 * transaction: object "period:YYYY-MM", the counts and the codes whose
 * reports were added or changed. */
static int save_audit(struct save *sv, const struct tz_progress *reports, size_t n,
		      const struct tz_report_save_stats *stats, struct tz_err *err)
{
	struct tz_json j;
	char object[32], pbuf[TZ_PERIOD_FMT_MAX];
	int rc;

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "as", tz_saver_name(sv->how->as));
	tz_json_kv_int(&j, "added", stats->added);
	tz_json_kv_int(&j, "changed", stats->changed);
	tz_json_kv_int(&j, "unchanged", stats->unchanged);
	tz_json_kv_int(&j, "late", stats->late);
	tz_json_key(&j, "codes");
	tz_json_array_begin(&j);
	for (size_t i = 0; i < n; i++)
		if (sv->touched[i])
			tz_json_str(&j, reports[i].code);
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	if ((rc = tz_json_finish(&j))) {
		tz_json_release(&j);
		return tz_err_set(err, rc, "audit value");
	}
	snprintf(object, sizeof(object), "period:%s", tz_period_fmt(sv->how->period, pbuf));
	rc = tz_sqlite_audit(sv->ss, sv->how->who, "report.save", object, NULL, j.out.buf, err);
	tz_json_release(&j);
	return rc;
}

int tz_sqlite_report_save(struct tz_store *s, const struct tz_report_save *how,
			  const struct tz_progress *reports, size_t n, size_t *failed,
			  struct tz_report_save_stats *stats, struct tz_err *err)
{
	struct save sv;
	struct tz_buf upsert = TZ_BUF_INIT;
	char pbuf[TZ_PERIOD_FMT_MAX];
	size_t i = 0;
	int rc;

	if (how->as != TZ_SAVER_REPORTER && how->as != TZ_SAVER_COORDINATOR)
		return tz_err_set(err, TZ_EINTERNAL, "a save is made by a reporter or a coordinator");
	/* Every value first: a form learns of all its own mistakes before
	 * anything touches the database. */
	for (i = 0; i < n; i++) {
		if (tz_period_cmp(reports[i].period, how->period)) {
			*failed = i;
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期",
					     "报送的调度期应为%s", tz_period_fmt(how->period, pbuf));
		}
		if ((rc = tz_progress_validate(&reports[i], err))) {
			*failed = i;
			return rc;
		}
	}
	if (!n)
		return 0;
	memset(&sv, 0, sizeof(sv));
	sv.ss = tz_sqlite_from(s);
	sv.how = how;
	if (how->who)
		sv.touched = tz_xcalloc(n, 1);
	sv.period = tz_period_code(how->period);
	sv.seen = tz_hmap_new();
	i = 0;
	if ((rc = tz_sqlite_write_begin(sv.ss, err)))
		goto out;
	if ((rc = tz_sqlite_dispatches_load(sv.ss, how->period, &sv.ds, err)) ||
	    (rc = save_batch(&sv, n, err)) ||
	    (rc = tz_sqlite_query_int(sv.ss, "SELECT max(id) FROM project", &sv.max_id, err)))
		goto fail;
	sv.changed = tz_xcalloc((size_t)sv.max_id + 1, 1);
	upsert_sql(&upsert, how->period.month);
	for (int k = 0; k < Q_COUNT; k++)
		if ((rc = tz_sqlite_prepare(sv.ss, k == Q_UPSERT ? upsert.buf : save_sql[k], &sv.q[k],
					    err)))
			goto fail;
	for (i = 0; i < n; i++) {
		sv.at = i;
		if ((rc = save_one(&sv, &reports[i], stats, err)))
			goto fail;
	}
	/* The running totals of the projects whose reports changed, by the
	 * writer imports use: a saved report is an imported one to bulletins. */
	if ((rc = tz_sqlite_years_rebuild(sv.ss, sv.changed, sv.max_id, 1, err)) ||
	    (how->who && (rc = save_audit(&sv, reports, n, stats, err))))
		goto fail;
	for (int k = 0; k < Q_COUNT; k++)
		sqlite3_finalize(sv.q[k]);
	memset(sv.q, 0, sizeof(sv.q));
	rc = tz_sqlite_write_commit(sv.ss, err);
	goto out;
fail:
	*failed = i < n ? i : 0;
	memset(stats, 0, sizeof(*stats));
	for (int k = 0; k < Q_COUNT; k++)
		sqlite3_finalize(sv.q[k]);
	memset(sv.q, 0, sizeof(sv.q));
	tz_sqlite_write_abort(sv.ss);
out:
	tz_buf_release(&upsert);
	tz_sqlite_dispatches_release(&sv.ds);
	tz_hmap_free(sv.seen);
	free(sv.changed);
	free(sv.touched);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Imports into dispatched periods                                     */

/*
 * A report imported for a period somebody dispatched arrives like a
 * saved one: its arrival is recorded (by user 0, as an import, at the
 * time of the import) and a change is kept in the history, so an import
 * can neither hide a late report nor erase a correction's trace. Reports
 * of periods nobody dispatched (the past, bulk loads) cost nothing here.
 */
struct tz_sqlite_arrivals {
	int *periods;  /* dispatched periods, YYYYMM */
	int *closed;   /* per period: closed at some node (then ds[i] is read) */
	struct tz_sqlite_dispatches *ds;  /* per period, loaded when first needed */
	int n;
	int64_t now;
	sqlite3_stmt *q[Q_COUNT];
	sqlite3_stmt *region;  /* a project's region, for the governing dispatch */
};

int tz_sqlite_arrivals_begin(struct sqlite_store *ss, struct tz_sqlite_arrivals **out,
			     struct tz_err *err)
{
	struct tz_sqlite_arrivals *a;
	sqlite3_stmt *st;
	int rc, alloc = 0;

	*out = NULL;
	rc = tz_sqlite_prepare(ss, "SELECT period, max(state = 2) FROM dispatch_period GROUP BY period",
			       &st, err);
	if (rc)
		return rc;
	a = tz_xcalloc(1, sizeof(*a));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int was = alloc;

		TZ_ALLOC_GROW(a->periods, a->n + 1, alloc);
		if (alloc != was)
			a->closed = tz_xrealloc(a->closed, tz_st_mult((size_t)alloc, sizeof(*a->closed)));
		a->periods[a->n] = sqlite3_column_int(st, 0);
		a->closed[a->n++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tz_sqlite_arrivals_free(a);
		return tz_sqlite_error(ss, err, "dispatch_period");
	}
	if (!a->n) {
		tz_sqlite_arrivals_free(a);
		return 0;
	}
	a->now = (int64_t)time(NULL);
	a->ds = tz_xcalloc((size_t)a->n, sizeof(*a->ds));
	if ((rc = tz_sqlite_prepare(ss, "SELECT region_id FROM project WHERE id = ?1", &a->region,
				    err))) {
		tz_sqlite_arrivals_free(a);
		return rc;
	}
	for (int k = 0; k < Q_COUNT; k++) {
		if (k == Q_LEDGER || k == Q_UPSERT)
			continue;
		if ((rc = tz_sqlite_prepare(ss, save_sql[k], &a->q[k], err))) {
			tz_sqlite_arrivals_free(a);
			return rc;
		}
	}
	*out = a;
	return 0;
}

void tz_sqlite_arrivals_free(struct tz_sqlite_arrivals *a)
{
	if (!a)
		return;
	for (int k = 0; k < Q_COUNT; k++)
		sqlite3_finalize(a->q[k]);
	sqlite3_finalize(a->region);
	for (int i = 0; a->ds && i < a->n; i++)
		tz_sqlite_dispatches_release(&a->ds[i]);
	free(a->ds);
	free(a->closed);
	free(a->periods);
	free(a);
}

/* Whether the dispatch governing project_id's region for period i of a
 * is closed. 0 or 1, or a negative tz_errc. */
static int governed_closed(struct sqlite_store *ss, struct tz_sqlite_arrivals *a, int i,
			   int64_t project_id, struct tz_err *err)
{
	const struct tz_dispatch *d;
	int64_t region = 0;
	int rc;

	if (!a->ds[i].org) {
		struct tz_period p = { a->periods[i] / 100, a->periods[i] % 100 };

		if ((rc = tz_sqlite_dispatches_load(ss, p, &a->ds[i], err)))
			return rc;
	}
	sqlite3_bind_int64(a->region, 1, project_id);
	rc = sqlite3_step(a->region);
	if (rc == SQLITE_ROW)
		region = sqlite3_column_int64(a->region, 0);
	sqlite3_reset(a->region);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "project");
	d = tz_sqlite_dispatches_governing(&a->ds[i], region);
	if (!d) {
		const struct tz_org_node *root = tz_org_index_root(a->ds[i].org);

		d = root ? tz_sqlite_dispatches_governing(&a->ds[i], root->id) : NULL;
	}
	return d && d->state == TZ_DISPATCH_CLOSED;
}

int tz_sqlite_arrivals_row(struct sqlite_store *ss, struct tz_sqlite_arrivals *a,
			   int64_t project_id, const struct tz_progress *r, int *closed,
			   struct tz_err *err)
{
	int period = tz_period_code(r->period), i, rc;
	struct arrival arr;

	*closed = 0;
	for (i = 0; i < a->n && a->periods[i] != period; i++)
		;
	if (i == a->n)
		return 0;
	if ((rc = keep_arrival(ss, a->q, project_id, r, a->now, 0, TZ_SAVER_IMPORT, &arr, err)))
		return rc;
	if (arr.changed && a->closed[i]) {
		if ((rc = governed_closed(ss, a, i, project_id, err)) < 0)
			return rc;
		*closed = rc;
	}
	return 1;
}

/* ------------------------------------------------------------------ */
/* Reading reports back                                                */

/*
 * The query of report views for period p, appended to `sql`: every
 * column a view needs, ending with `from_where` (the FROM, WHERE and
 * ORDER of the caller). The status in force before P: this year's
 * running totals at P-1, else (January, or no report yet this year) the
 * latest earlier year's December. Parameters: ?1 the year, ?2 the
 * period; the caller's from ?3. The report is month m's columns of the
 * year row `r` (progress_year), NULL when the month has none.
 */
static void view_sql(struct tz_buf *sql, int m, const char *from_where)
{
	tz_buf_addf(sql,
		    "SELECT p.id, p.code, p.name, p.leader, p.region_id, coalesce(p.unit_id, 0),"
		    " p.planned_start, r.completed%d, r.status%d, r.text%d, r.problem%d,"
		    " f.first_at, f.first_by, f.first_as, f.last_at, f.last_by, f.saves,"
		    " CASE WHEN y.project_id IS NULL OR %d = 1 THEN (SELECT o.st12 FROM project_year o"
		    "   WHERE o.project_id = p.id AND o.year < ?1 ORDER BY o.year DESC LIMIT 1)"
		    "   ELSE y.st%d END"
		    " %s",
		    m, m, m, m, m, m > 1 ? m - 1 : 1, from_where);
}

/* Every project of the year's ledger, or the one of code ?3. */
static const char views_of_ledger[] =
	"FROM ledger l JOIN project p ON p.id = l.project_id"
	" LEFT JOIN progress_year r ON r.project_id = p.id AND r.year = ?1"
	" LEFT JOIN report_filing f ON f.period = ?2 AND f.project_id = p.id"
	" LEFT JOIN project_year y ON y.year = ?1 AND y.project_id = p.id"
	" WHERE l.year = ?1 AND (?3 IS NULL OR p.code = ?3)"
	" ORDER BY p.code";

/*
 * The projects of the year's ledger whose region or unit is one of the
 * nodes bound from ?3 on (nodes_in() completes it). Projects first, read
 * through the region and unit indexes (a multi-index OR; CROSS JOIN is
 * how SQLite is told the loop order, any other SQL reads a plain join),
 * then each one's ledger row by its key: the cost is the subtree's
 * projects, never the whole ledger's, and a project in both lists comes
 * once. Sorted by code afterwards, as the walk of the ledger is.
 */
static const char views_of_nodes[] =
	"FROM project p CROSS JOIN ledger l"
	" LEFT JOIN progress_year r ON r.project_id = p.id AND r.year = ?1"
	" LEFT JOIN report_filing f ON f.period = ?2 AND f.project_id = p.id"
	" LEFT JOIN project_year y ON y.year = ?1 AND y.project_id = p.id"
	" WHERE l.year = ?1 AND l.project_id = p.id";

/* " AND (p.region_id IN (?3, …) OR p.unit_id IN (?3, …)) ORDER BY p.code"
 * for n nodes: each id is bound once and read by both lists. */
static void nodes_in(struct tz_buf *sql, size_t n)
{
	for (int list = 0; list < 2; list++) {
		tz_buf_adds(sql, list ? " OR p.unit_id IN (" : " AND (p.region_id IN (");
		for (size_t i = 0; i < n; i++)
			tz_buf_addf(sql, i ? ", ?%zu" : "?%zu", i + 3);
		tz_buf_addch(sql, ')');
	}
	tz_buf_adds(sql, ") ORDER BY p.code");
}

/* One row of view_sql into *v (strings valid until the next step), with
 * the dispatch that governs it from `ds`. */
static void read_view(sqlite3_stmt *st, struct tz_period p, const struct tz_sqlite_dispatches *ds,
		      struct tz_report_view *v)
{
	const struct tz_dispatch *d;

	memset(v, 0, sizeof(*v));
	v->project_id = sqlite3_column_int64(st, 0);
	v->code = tz_sqlite_text(st, 1);
	v->name = tz_sqlite_text(st, 2);
	v->leader = tz_sqlite_text(st, 3);
	v->region_id = sqlite3_column_int64(st, 4);
	v->unit_id = sqlite3_column_int64(st, 5);
	{
		struct tz_period start = { 0, 0 };

		if (sqlite3_column_type(st, 6) != SQLITE_NULL)
			tz_period_from_code(sqlite3_column_int(st, 6), &start);
		v->expected = tz_report_due(p, start, (enum tz_status)sqlite3_column_int(st, 17),
					    sqlite3_column_type(st, 8) != SQLITE_NULL);
	}
	if (sqlite3_column_type(st, 8) != SQLITE_NULL) {
		v->reported = 1;
		v->report.code = v->code;
		v->report.period = p;
		v->report.completed = sqlite3_column_int64(st, 7);
		v->report.status = (enum tz_status)sqlite3_column_int(st, 8);
		v->report.progress_text = tz_sqlite_text(st, 9);
		v->report.problem = tz_sqlite_text(st, 10);
	}
	if (sqlite3_column_type(st, 11) != SQLITE_NULL) {
		v->has_filing = 1;
		v->first_at = sqlite3_column_int64(st, 11);
		v->first_by = sqlite3_column_int64(st, 12);
		v->first_as = (enum tz_saver)sqlite3_column_int(st, 13);
		v->last_at = sqlite3_column_int64(st, 14);
		v->last_by = sqlite3_column_int64(st, 15);
		v->saves = sqlite3_column_int(st, 16);
	}
	if ((d = tz_sqlite_dispatches_governing(ds, v->region_id))) {
		v->has_dispatch = 1;
		v->dispatch = *d;
	}
	v->late = v->reported && v->has_filing &&
		  tz_report_late(d ? d->deadline : 0, d ? d->opened_at : 0, v->first_at);
}

int tz_sqlite_report_each(struct tz_store *s, const int64_t *nodes, size_t nnodes,
			  const char *code, struct tz_period p,
			  int (*fn)(void *, const struct tz_report_view *), void *ctx,
			  struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_sqlite_dispatches ds;
	struct tz_buf sql = TZ_BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc, x_rc = 0, rows = 0;

	if (code && (rc = tz_sqlite_project_find(ss, code, NULL, NULL, NULL, NULL, err)))
		return rc;
	if ((rc = tz_sqlite_dispatches_load(ss, p, &ds, err)))
		goto out;
	view_sql(&sql, p.month, nodes ? views_of_nodes : views_of_ledger);
	if (nodes)
		nodes_in(&sql, nnodes);
	if ((rc = tz_sqlite_prepare(ss, sql.buf, &st, err)))
		goto out;
	sqlite3_bind_int(st, 1, p.year);
	sqlite3_bind_int(st, 2, tz_period_code(p));
	if (code)
		sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
	for (size_t i = 0; nodes && i < nnodes; i++)
		sqlite3_bind_int64(st, (int)i + 3, nodes[i]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_report_view v;

		read_view(st, p, &ds, &v);
		rows++;
		if ((x_rc = fn(ctx, &v)))
			break;
	}
	if (x_rc)
		rc = x_rc;
	else if (rc != SQLITE_DONE)
		rc = tz_sqlite_error(ss, err, "reports");
	else if (code && !rows)
		rc = tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "项目编号",
				   "项目“%s”不在%d年度的项目台账中", code, p.year);
	else
		rc = 0;
out:
	sqlite3_finalize(st);
	tz_buf_release(&sql);
	tz_sqlite_dispatches_release(&ds);
	return rc;
}

int tz_sqlite_report_history(struct tz_store *s, const char *code, struct tz_period p,
			     int (*fn)(void *, const struct tz_report_change *), void *ctx,
			     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t id;
	int rc;

	if ((rc = tz_sqlite_project_find(ss, code, &id, NULL, NULL, NULL, err)))
		return rc;
	rc = tz_sqlite_prepare(ss,
		"SELECT id, period, at, user_id, saver, old_completed, old_status, old_text,"
		" old_problem, new_completed, new_status, new_text, new_problem FROM report_history"
		" WHERE project_id = ?1 AND (?2 = 0 OR period = ?2) ORDER BY id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, p.year ? tz_period_code(p) : 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_report_change c;
		int x;

		memset(&c, 0, sizeof(c));
		c.id = sqlite3_column_int64(st, 0);
		tz_period_from_code(sqlite3_column_int(st, 1), &c.period);
		c.at = sqlite3_column_int64(st, 2);
		c.user_id = sqlite3_column_int64(st, 3);
		c.saver = (enum tz_saver)sqlite3_column_int(st, 4);
		c.had_old = sqlite3_column_type(st, 6) != SQLITE_NULL;
		c.old.code = c.now.code = code;
		c.old.period = c.now.period = c.period;
		c.old.progress_text = c.old.problem = "";
		if (c.had_old) {
			c.old.completed = sqlite3_column_int64(st, 5);
			c.old.status = (enum tz_status)sqlite3_column_int(st, 6);
			c.old.progress_text = tz_sqlite_text(st, 7);
			c.old.problem = tz_sqlite_text(st, 8);
		}
		c.now.completed = sqlite3_column_int64(st, 9);
		c.now.status = (enum tz_status)sqlite3_column_int(st, 10);
		c.now.progress_text = tz_sqlite_text(st, 11);
		c.now.problem = tz_sqlite_text(st, 12);
		if ((x = fn(ctx, &c))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "report_history");
}

/* ------------------------------------------------------------------ */
/* Report views of some projects (the web form's save, pages-a)        */

int tz_sqlite_report_codes(struct tz_store *s, struct tz_period p, const char *const *codes,
			   size_t n, int (*fn)(void *, const struct tz_report_view *), void *ctx,
			   struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_sqlite_dispatches ds;
	struct tz_buf sql = TZ_BUF_INIT;
	sqlite3_stmt *st = NULL;
	int rc, x_rc = 0, began = sqlite3_get_autocommit(ss->db);

	if ((rc = tz_sqlite_dispatches_load(ss, p, &ds, err)))
		goto out;
	/* From the code's unique index, one row per code: the cost is the
	 * codes asked for, not the ledger. */
	view_sql(&sql, p.month,
		 "FROM project p JOIN ledger l ON l.project_id = p.id AND l.year = ?1"
		 " LEFT JOIN progress_year r ON r.project_id = p.id AND r.year = ?1"
		 " LEFT JOIN report_filing f ON f.period = ?2 AND f.project_id = p.id"
		 " LEFT JOIN project_year y ON y.year = ?1 AND y.project_id = p.id"
		 " WHERE p.code = ?3");
	if ((rc = tz_sqlite_prepare(ss, sql.buf, &st, err)))
		goto out;
	/* One read transaction: every code sees the same data. */
	if (began && (rc = tz_sqlite_exec(ss, "BEGIN", err)))
		goto out;
	sqlite3_bind_int(st, 1, p.year);
	sqlite3_bind_int(st, 2, tz_period_code(p));
	for (size_t i = 0; i < n && !x_rc; i++) {
		sqlite3_bind_text(st, 3, codes[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			struct tz_report_view v;

			read_view(st, p, &ds, &v);
			x_rc = fn(ctx, &v);
		} else if (rc != SQLITE_DONE) {
			rc = tz_sqlite_error(ss, err, "reports");
			break;
		}
		rc = 0;
		sqlite3_reset(st);
	}
	if (x_rc)
		rc = x_rc;
	if (began)
		tz_sqlite_exec(ss, "COMMIT", NULL);
out:
	sqlite3_finalize(st);
	tz_buf_release(&sql);
	tz_sqlite_dispatches_release(&ds);
	return rc;
}
