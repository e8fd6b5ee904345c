/*
 * sqlite-dispatch.c: dispatched periods (调度期) and their deadlines in
 * SQLite, the scan of a year's ledger that the on-time rate and the
 * lights share, and the on-time rate (web.md "Periods, deadlines, on-time
 * rate"; docs/internals/dispatch.md).
 *
 * A period is dispatched per node (dispatch_period, keyed by node and
 * period); the dispatch that governs a project is the one of the nearest
 * node on its region's path to the root. Every change of a dispatch is
 * an event (dispatch_event) dated and signed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/json.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "core/deadline.h"
#include "store/sqlite-internal.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Shared by the dispatch files                                        */

int tz_sqlite_write_begin(struct sqlite_store *ss, struct tz_err *err)
{
	return tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err);
}

int tz_sqlite_write_commit(struct sqlite_store *ss, struct tz_err *err)
{
	int rc = tz_sqlite_audit_flush(ss, err);

	if (!rc)
		rc = tz_sqlite_bump_version(ss, err);

	if (!rc)
		rc = tz_sqlite_exec(ss, "COMMIT", err);
	if (rc)
		tz_sqlite_write_abort(ss);
	return rc;
}

double tz_sqlite_cpu_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
		return 0;
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void tz_sqlite_write_abort(struct sqlite_store *ss)
{
	tz_sqlite_audit_clear(&ss->base);
	if (!sqlite3_get_autocommit(ss->db))
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
}

int tz_sqlite_project_find(struct sqlite_store *ss, const char *code, int64_t *id,
			   int64_t *region_id, int64_t *unit_id, struct tz_period *planned_start,
			   struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "SELECT id, region_id, coalesce(unit_id, 0), planned_start"
			       " FROM project WHERE code = ?1", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code ? code : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(st, 0);
		if (region_id)
			*region_id = sqlite3_column_int64(st, 1);
		if (unit_id)
			*unit_id = sqlite3_column_int64(st, 2);
		if (planned_start) {
			memset(planned_start, 0, sizeof(*planned_start));
			if (sqlite3_column_type(st, 3) != SQLITE_NULL)
				tz_period_from_code(sqlite3_column_int(st, 3), planned_start);
		}
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "项目编号", "项目编号“%s”不存在",
				   code ? code : "");
	} else {
		rc = tz_sqlite_error(ss, err, "project");
	}
	sqlite3_finalize(st);
	return rc;
}

static const char dispatch_cols[] =
	"SELECT node_id, period, deadline, state, opened_at, opened_by, closed_at, closed_by"
	" FROM dispatch_period";

static void read_dispatch(sqlite3_stmt *st, struct tz_dispatch *d)
{
	memset(d, 0, sizeof(*d));
	d->node_id = sqlite3_column_int64(st, 0);
	tz_period_from_code(sqlite3_column_int(st, 1), &d->period);
	d->deadline = sqlite3_column_int64(st, 2);
	d->state = (enum tz_dispatch_state)sqlite3_column_int(st, 3);
	d->opened_at = sqlite3_column_int64(st, 4);
	d->opened_by = sqlite3_column_int64(st, 5);
	d->closed_at = sqlite3_column_int64(st, 6);
	d->closed_by = sqlite3_column_int64(st, 7);
}

int tz_sqlite_dispatches_load(struct sqlite_store *ss, struct tz_period p,
			      struct tz_sqlite_dispatches *ds, struct tz_err *err)
{
	char sql[200];
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	memset(ds, 0, sizeof(*ds));
	ds->org = tz_org_index_new();
	if ((rc = tz_sqlite_org_load(&ss->base, ds->org, err)))
		return rc;
	snprintf(sql, sizeof(sql), "%s WHERE period = ?1", dispatch_cols);
	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, tz_period_code(p));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		TZ_ALLOC_GROW(ds->d, ds->n + 1, alloc);
		read_dispatch(st, &ds->d[ds->n++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "dispatch_period");
}

const struct tz_dispatch *tz_sqlite_dispatches_governing(const struct tz_sqlite_dispatches *ds,
							 int64_t node_id)
{
	const struct tz_org_node *n = tz_org_index_by_id(ds->org, node_id);

	if (!ds->n)
		return NULL;
	for (int depth = 0; n && depth < 64; depth++) {
		for (size_t i = 0; i < ds->n; i++)
			if (ds->d[i].node_id == n->id)
				return &ds->d[i];
		n = *n->parent ? tz_org_index_by_code(ds->org, n->parent) : NULL;
	}
	return NULL;
}

void tz_sqlite_dispatches_release(struct tz_sqlite_dispatches *ds)
{
	tz_org_index_free(ds->org);
	free(ds->d);
	memset(ds, 0, sizeof(*ds));
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */

enum { EV_OPENED = 1, EV_CLOSED = 2, EV_REOPENED = 3, EV_DEADLINE = 4 };

/* The node that dispatches: node_id, or the root for 0; it must be the
 * city or a region that runs its own dispatch. */
static int dispatching_node(struct sqlite_store *ss, int64_t node_id, int64_t *out,
			    char code[64], struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc, kind;

	rc = tz_sqlite_prepare(ss, node_id ? "SELECT id, kind, code FROM org WHERE id = ?1"
					   : "SELECT id, kind, code FROM org WHERE parent_id IS NULL",
			       &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, node_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return tz_sqlite_error(ss, err, "org");
		return tz_err_set(err, TZ_ENOTFOUND, node_id ? "组织机构不存在"
							     : "尚未建立组织机构（请先导入项目台账或组织机构）");
	}
	*out = sqlite3_column_int64(st, 0);
	kind = sqlite3_column_int(st, 1);
	snprintf(code, 64, "%s", tz_sqlite_text(st, 2));
	sqlite3_finalize(st);
	if (kind == TZ_ORG_DEPARTMENT || kind == TZ_ORG_DIRECT)
		return tz_err_set(err, TZ_EINVAL, "只有市、县（市、区）和开发区可以开启调度期");
	return 0;
}

/* The stored dispatch of (node, p): 1 and *d, 0 when none, or an error. */
static int find_dispatch(struct sqlite_store *ss, int64_t node, struct tz_period p,
			 struct tz_dispatch *d, struct tz_err *err)
{
	char sql[200];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "%s WHERE node_id = ?1 AND period = ?2", dispatch_cols);
	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, node);
	sqlite3_bind_int(st, 2, tz_period_code(p));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_dispatch(st, d);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "dispatch_period");
	return rc == SQLITE_ROW;
}

static int write_dispatch(struct sqlite_store *ss, const struct tz_dispatch *d, int action,
			  int64_t user_id, int64_t at, struct tz_err *err)
{
	sqlite3_stmt *st = NULL, *ev = NULL;
	int rc;

	if ((rc = tz_sqlite_prepare(ss,
			"INSERT INTO dispatch_period(node_id, period, deadline, state, opened_at,"
			" opened_by, closed_at, closed_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
			" ON CONFLICT(node_id, period) DO UPDATE SET deadline = excluded.deadline,"
			" state = excluded.state, opened_at = excluded.opened_at,"
			" opened_by = excluded.opened_by, closed_at = excluded.closed_at,"
			" closed_by = excluded.closed_by", &st, err)) ||
	    (rc = tz_sqlite_prepare(ss, "INSERT INTO dispatch_event(node_id, period, at, user_id,"
				    " action, deadline) VALUES(?1, ?2, ?3, ?4, ?5, ?6)", &ev, err)))
		goto out;
	sqlite3_bind_int64(st, 1, d->node_id);
	sqlite3_bind_int(st, 2, tz_period_code(d->period));
	sqlite3_bind_int64(st, 3, d->deadline);
	sqlite3_bind_int(st, 4, (int)d->state);
	sqlite3_bind_int64(st, 5, d->opened_at);
	sqlite3_bind_int64(st, 6, d->opened_by);
	sqlite3_bind_int64(st, 7, d->closed_at);
	sqlite3_bind_int64(st, 8, d->closed_by);
	sqlite3_bind_int64(ev, 1, d->node_id);
	sqlite3_bind_int(ev, 2, tz_period_code(d->period));
	sqlite3_bind_int64(ev, 3, at);
	sqlite3_bind_int64(ev, 4, user_id);
	sqlite3_bind_int(ev, 5, action);
	sqlite3_bind_int64(ev, 6, d->deadline);
	if (!(rc = tz_sqlite_step(ss, st, err)))
		rc = tz_sqlite_step(ss, ev, err);
out:
	sqlite3_finalize(st);
	sqlite3_finalize(ev);
	return rc;
}

/* What the three period writes share: begin, find the node and its
 * dispatch; each then changes `d` and writes it. */
enum period_op { OP_OPEN, OP_CLOSE, OP_DEADLINE };

static int period_audit(struct sqlite_store *ss, const struct tz_actor *who, int action,
			const char *code, int found, const struct tz_dispatch *old,
			const struct tz_dispatch *d, struct tz_err *err);

static int period_write(struct tz_store *s, enum period_op op, int64_t node_id,
			struct tz_period p, int64_t deadline, int64_t user_id, int64_t at,
			const struct tz_actor *who, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_dispatch d, old;
	char pbuf[TZ_PERIOD_FMT_MAX], code[64];
	int64_t node = 0;
	int rc, found, action = 0;

	tz_period_fmt(p, pbuf);
	if (tz_period_from_code(tz_period_code(p), &p))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期", "调度期无效");
	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = dispatching_node(ss, node_id, &node, code, err)))
		goto fail;
	if ((found = find_dispatch(ss, node, p, &d, err)) < 0) {
		rc = found;
		goto fail;
	}
	old = d;
	switch (op) {
	case OP_OPEN:
		if (found && d.state == TZ_DISPATCH_OPEN) {
			rc = tz_err_set(err, TZ_EEXIST, "调度期%s已开启", pbuf);
			goto fail;
		}
		if (!found) {
			memset(&d, 0, sizeof(d));
			d.node_id = node;
			d.period = p;
			d.opened_at = at;
			d.opened_by = user_id;
			d.deadline = tz_deadline_default(p);
			action = EV_OPENED;
		} else {
			action = EV_REOPENED;
		}
		if (deadline)
			d.deadline = deadline;
		d.state = TZ_DISPATCH_OPEN;
		d.closed_at = d.closed_by = 0;
		break;
	case OP_CLOSE:
		if (!found) {
			rc = tz_err_set(err, TZ_ENOTFOUND, "调度期%s尚未开启", pbuf);
			goto fail;
		}
		if (d.state == TZ_DISPATCH_CLOSED) {
			rc = tz_err_set(err, TZ_EINVAL, "调度期%s已经关闭", pbuf);
			goto fail;
		}
		d.state = TZ_DISPATCH_CLOSED;
		d.closed_at = at;
		d.closed_by = user_id;
		action = EV_CLOSED;
		break;
	case OP_DEADLINE:
		if (!found) {
			rc = tz_err_set(err, TZ_ENOTFOUND, "调度期%s尚未开启", pbuf);
			goto fail;
		}
		d.deadline = deadline;
		action = EV_DEADLINE;
		break;
	}
	if ((rc = tz_dispatch_validate(&d, err)) ||
	    (rc = write_dispatch(ss, &d, action, user_id, at, err)) ||
	    (who && (rc = period_audit(ss, who, action, code, found, &old, &d, err))))
		goto fail;
	return tz_sqlite_write_commit(ss, err);
fail:
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_period_open(struct tz_store *s, int64_t node_id, struct tz_period p,
			  int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err)
{
	return period_write(s, OP_OPEN, node_id, p, deadline, user_id, at, NULL, err);
}

int tz_sqlite_period_close(struct tz_store *s, int64_t node_id, struct tz_period p,
			   int64_t user_id, int64_t at, struct tz_err *err)
{
	return period_write(s, OP_CLOSE, node_id, p, 0, user_id, at, NULL, err);
}

int tz_sqlite_period_deadline(struct tz_store *s, int64_t node_id, struct tz_period p,
			      int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err)
{
	return period_write(s, OP_DEADLINE, node_id, p, deadline, user_id, at, NULL, err);
}

int tz_sqlite_period_each(struct tz_store *s, int64_t node_id,
			  int (*fn)(void *, const struct tz_dispatch *), void *ctx,
			  struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char sql[256];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "%s WHERE ?1 = 0 OR node_id = ?1 ORDER BY period DESC, node_id",
		 dispatch_cols);
	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, node_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_dispatch d;
		int x;

		read_dispatch(st, &d);
		if ((x = fn(ctx, &d))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "dispatch_period");
}

/* The node for node_id 0: the root's id (0 when there is no tree). */
static int64_t resolve_root(const struct tz_org_index *x, int64_t node_id)
{
	const struct tz_org_node *root;

	if (node_id)
		return node_id;
	root = tz_org_index_root(x);
	return root ? root->id : 0;
}

int tz_sqlite_period_governing(struct tz_store *s, int64_t node_id, struct tz_period p,
			       struct tz_dispatch *out, struct tz_err *err)
{
	struct tz_sqlite_dispatches ds;
	const struct tz_dispatch *d;
	char pbuf[TZ_PERIOD_FMT_MAX];
	int rc;

	if (!(rc = tz_sqlite_dispatches_load(tz_sqlite_from(s), p, &ds, err))) {
		d = tz_sqlite_dispatches_governing(&ds, resolve_root(ds.org, node_id));
		if (d)
			*out = *d;
		else
			rc = tz_err_set(err, TZ_ENOTFOUND, "调度期%s尚未开启",
					tz_period_fmt(p, pbuf));
	}
	tz_sqlite_dispatches_release(&ds);
	return rc;
}

int tz_sqlite_period_current(struct tz_store *s, int64_t node_id, struct tz_dispatch *out,
			     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc, found = 0;

	/* Periods with an open dispatch somewhere, newest first: the first
	 * whose governing dispatch for the node is open. */
	rc = tz_sqlite_prepare(ss, "SELECT DISTINCT period FROM dispatch_period WHERE state = 1"
			       " ORDER BY period DESC", &st, err);
	if (rc)
		return rc;
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_sqlite_dispatches ds;
		const struct tz_dispatch *d;
		struct tz_period p;

		tz_period_from_code(sqlite3_column_int(st, 0), &p);
		if ((rc = tz_sqlite_dispatches_load(ss, p, &ds, err))) {
			tz_sqlite_dispatches_release(&ds);
			sqlite3_finalize(st);
			return rc;
		}
		d = tz_sqlite_dispatches_governing(&ds, resolve_root(ds.org, node_id));
		if (d && d->state == TZ_DISPATCH_OPEN) {
			*out = *d;
			found = 1;
		}
		tz_sqlite_dispatches_release(&ds);
	}
	sqlite3_finalize(st);
	if (!found && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "dispatch_period");
	return found ? 0 : tz_err_set(err, TZ_ENOTFOUND, "没有正在填报的调度期");
}

/* ------------------------------------------------------------------ */
/* The scan of a year's ledger                                         */

/* A statement ordered by project id (its first column), merged with the
 * ledger's order. */
struct cursor {
	sqlite3_stmt *st;
	int state;
	int64_t at;
};

static void cursor_start(struct cursor *c, sqlite3_stmt *st)
{
	c->st = st;
	c->state = SQLITE_ROW;
	c->at = -1;
}

/* Advance to the row of `id`: 1 on it, 0 when there is none, -1 on error. */
static int cursor_seek(struct cursor *c, int64_t id)
{
	while (c->state == SQLITE_ROW && c->at < id) {
		c->state = sqlite3_step(c->st);
		c->at = c->state == SQLITE_ROW ? sqlite3_column_int64(c->st, 0) : INT64_MAX;
	}
	if (c->state != SQLITE_ROW && c->state != SQLITE_DONE)
		return -1;
	return c->at == id;
}

enum { S_LEDGER, S_PROJECT, S_TOTALS, S_PREV, S_FILING, S_OLDER, S_COUNT };

/* S_TOTALS is built per month: only ytd1..ytdM, st(M-1), stM and rep are
 * read, since SQLite decodes a row's columns as they are asked for. */
static const char *const scan_sql[S_COUNT] = {
	"SELECT project_id, annual FROM ledger WHERE year = ?1 ORDER BY project_id",
	"SELECT id, region_id, coalesce(unit_id, 0), planned_start, code, name, leader"
	" FROM project ORDER BY id",
	NULL,
	"SELECT project_id, st12 FROM project_year WHERE year = ?1 - 1 ORDER BY project_id",
	"SELECT project_id, first_at FROM report_filing WHERE period = ?2 ORDER BY project_id",
	"SELECT st12 FROM project_year WHERE project_id = ?1 AND year < ?2"
	" ORDER BY year DESC LIMIT 1",
};

/* SELECT project_id, rep, st(M-1), stM, ytd1 .. ytdM (st(M-1) is st1 in January). */
static void totals_sql(struct tz_buf *sql, int m)
{
	tz_buf_addf(sql, "SELECT project_id, rep, st%d, st%d", m > 1 ? m - 1 : 1, m);
	for (int k = 1; k <= m; k++)
		tz_buf_addf(sql, ", ytd%d", k);
	tz_buf_adds(sql, " FROM project_year WHERE year = ?1 ORDER BY project_id");
}

void tz_sqlite_year_row_names(struct tz_sqlite_year_row *r)
{
	if (r->code)
		return;
	r->code = tz_sqlite_text(r->names, 4);
	r->name = tz_sqlite_text(r->names, 5);
	r->leader = tz_sqlite_text(r->names, 6);
}

/* Status in force before the year when neither this year's nor last
 * year's totals say: the latest earlier year's December. */
static enum tz_status older_status(sqlite3_stmt *older, int64_t id, int year)
{
	enum tz_status s = TZ_STATUS_NONE;

	sqlite3_bind_int64(older, 1, id);
	sqlite3_bind_int(older, 2, year);
	if (sqlite3_step(older) == SQLITE_ROW)
		s = (enum tz_status)sqlite3_column_int(older, 0);
	sqlite3_reset(older);
	return s;
}

int tz_sqlite_scan_year(struct sqlite_store *ss, struct tz_period p,
			int (*fn)(void *ctx, struct tz_sqlite_year_row *r), void *ctx,
			struct tz_err *err)
{
	sqlite3_stmt *st[S_COUNT] = { NULL };
	struct cursor proj, tot, prev, fil;
	struct tz_buf sql = TZ_BUF_INIT;
	int m = p.month, rc = 0, x, began = sqlite3_get_autocommit(ss->db);
	int64_t older = 0;

	totals_sql(&sql, m);
	for (int i = 0; i < S_COUNT && !rc; i++)
		rc = tz_sqlite_prepare(ss, scan_sql[i] ? scan_sql[i] : sql.buf, &st[i], err);
	tz_buf_release(&sql);
	if (rc)
		goto out;
	/* One read transaction: every statement sees the same data. */
	if (began && (rc = tz_sqlite_exec(ss, "BEGIN", err)))
		goto out;
	/* Projects silent since before last year need a query each; when no
	 * running totals are that old (one B-tree descent), none is needed. */
	{
		char q[160];

		snprintf(q, sizeof(q), "SELECT count(*) FROM (SELECT 1 FROM project_year"
			 " WHERE year < %d LIMIT 1)", p.year - 1);
		if ((rc = tz_sqlite_query_int(ss, q, &older, err)))
			goto end;
	}
	sqlite3_bind_int(st[S_LEDGER], 1, p.year);
	sqlite3_bind_int(st[S_TOTALS], 1, p.year);
	sqlite3_bind_int(st[S_PREV], 1, p.year);
	sqlite3_bind_int(st[S_FILING], 2, tz_period_code(p));
	cursor_start(&proj, st[S_PROJECT]);
	cursor_start(&tot, st[S_TOTALS]);
	cursor_start(&prev, st[S_PREV]);
	cursor_start(&fil, st[S_FILING]);
	while ((rc = sqlite3_step(st[S_LEDGER])) == SQLITE_ROW) {
		sqlite3_stmt *pr = st[S_PROJECT], *t = st[S_TOTALS];
		struct tz_sqlite_year_row r;
		enum tz_status before_year;
		int found, has_prev, has_fil;

		memset(&r, 0, sizeof(r));
		r.id = sqlite3_column_int64(st[S_LEDGER], 0);
		if ((found = cursor_seek(&proj, r.id)) <= 0) {
			if (found < 0)
				goto sqlerr;
			continue; /* a foreign key makes this unreachable */
		}
		if ((r.has_totals = cursor_seek(&tot, r.id)) < 0 ||
		    (has_prev = cursor_seek(&prev, r.id)) < 0 || (has_fil = cursor_seek(&fil, r.id)) < 0)
			goto sqlerr;
		r.has_plan = sqlite3_column_type(st[S_LEDGER], 1) != SQLITE_NULL;
		r.annual = sqlite3_column_int64(st[S_LEDGER], 1);
		r.names = pr;
		r.region_id = sqlite3_column_int64(pr, 1);
		r.unit_id = sqlite3_column_int64(pr, 2);
		if (sqlite3_column_type(pr, 3) != SQLITE_NULL)
			tz_period_from_code(sqlite3_column_int(pr, 3), &r.planned_start);
		/* project_year rows run without gaps from a project's first
		 * report to its last: with this year's row and none for last
		 * year, nothing was reported before this year. */
		if (has_prev)
			before_year = (enum tz_status)sqlite3_column_int(st[S_PREV], 1);
		else if (r.has_totals)
			before_year = TZ_STATUS_NONE;
		else if (older)
			before_year = older_status(st[S_OLDER], r.id, p.year);
		else
			before_year = TZ_STATUS_NONE;
		if (r.has_totals) {
			r.rep = (unsigned)sqlite3_column_int(t, 1);
			r.before = m > 1 ? (enum tz_status)sqlite3_column_int(t, 2) : before_year;
			r.at_p = (enum tz_status)sqlite3_column_int(t, 3);
			for (int k = 0; k < m; k++)
				r.ytd[k] = sqlite3_column_int64(t, 4 + k);
			r.reported = (r.rep >> (m - 1)) & 1;
		} else {
			r.at_p = r.before = before_year;
		}
		if (has_fil) {
			r.has_filing = 1;
			r.first_at = sqlite3_column_int64(st[S_FILING], 1);
		}
		if ((x = fn(ctx, &r))) {
			rc = x;
			goto end;
		}
	}
	if (rc == SQLITE_DONE) {
		rc = 0;
		goto end;
	}
sqlerr:
	rc = tz_sqlite_error(ss, err, "scan");
end:
	if (began)
		tz_sqlite_exec(ss, "COMMIT", NULL);
out:
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st[i]);
	return rc;
}

/* ------------------------------------------------------------------ */
/* On-time rate                                                        */

struct ontime_scan {
	struct tz_ontime *o;
	struct tz_sqlite_dispatches ds;
	int64_t region;           /* the last region's dispatch, remembered */
	int64_t deadline, opened_at;
};

static int ontime_row(void *ctx, struct tz_sqlite_year_row *r)
{
	struct ontime_scan *sc = ctx;
	struct tz_period p = tz_ontime_period(sc->o);
	struct tz_ontime_row row;

	if (!tz_ontime_wants(sc->o, r->region_id, r->unit_id))
		return 0;
	if (r->region_id != sc->region) {
		const struct tz_dispatch *d = tz_sqlite_dispatches_governing(&sc->ds, r->region_id);

		sc->region = r->region_id;
		sc->deadline = d ? d->deadline : 0;
		sc->opened_at = d ? d->opened_at : 0;
	}
	memset(&row, 0, sizeof(row));
	row.region_id = r->region_id;
	row.unit_id = r->unit_id;
	row.expected = tz_report_due(p, r->planned_start, r->before, r->reported != 0);
	row.reported = r->reported;
	row.late = r->reported && r->has_filing &&
		   tz_report_late(sc->deadline, sc->opened_at, r->first_at);
	if (row.expected && !row.reported)
		tz_sqlite_year_row_names(r); /* for the 未报送 list only */
	row.code = r->code;
	row.name = r->name;
	row.leader = r->leader;
	tz_ontime_add(sc->o, &row);
	return 0;
}

int tz_sqlite_ontime(struct tz_store *s, struct tz_ontime *o, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct ontime_scan sc;
	double t0 = tz_clock_ms(), c0 = tz_sqlite_cpu_ms();
	int rc;

	memset(&sc, 0, sizeof(sc));
	sc.o = o;
	sc.region = -1;
	rc = tz_sqlite_dispatches_load(ss, tz_ontime_period(o), &sc.ds, err);
	if (!rc)
		rc = tz_sqlite_scan_year(ss, tz_ontime_period(o), ontime_row, &sc, err);
	tz_sqlite_dispatches_release(&sc.ds);
	tz_log(TZ_LOG_INFO, "store=sqlite event=ontime ms=%.1f cpu_ms=%.1f", tz_clock_ms() - t0,
	       tz_sqlite_cpu_ms() - c0);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Audited period changes (the web application's, pages-a)             */

/* A dispatch's state and deadline as the audit trail keeps them. */
static void dispatch_json(struct tz_json *j, const struct tz_dispatch *d)
{
	char dbuf[TZ_CST_FMT_MAX];

	tz_json_object_begin(j);
	tz_json_kv_str(j, "state", tz_dispatch_state_name(d->state));
	tz_json_kv_str(j, "deadline", tz_cst_fmt(d->deadline, dbuf));
	tz_json_object_end(j);
}

/* The audit row of a period change, inside its transaction: old (none
 * for a first opening) and new state and deadline. */
static int period_audit(struct sqlite_store *ss, const struct tz_actor *who, int action,
			const char *code, int found, const struct tz_dispatch *old,
			const struct tz_dispatch *d, struct tz_err *err)
{
	static const char *const names[] = {
		[EV_OPENED] = "period.open", [EV_CLOSED] = "period.close",
		[EV_REOPENED] = "period.reopen", [EV_DEADLINE] = "period.deadline",
	};
	struct tz_json before, after;
	char object[96], pbuf[TZ_PERIOD_FMT_MAX];
	int rc;

	tz_json_init(&before, NULL, 0);
	tz_json_init(&after, NULL, 0);
	if (found)
		dispatch_json(&before, old);
	dispatch_json(&after, d);
	if ((rc = tz_json_finish(&before)) || (rc = tz_json_finish(&after))) {
		rc = tz_err_set(err, rc, "audit value");
		goto out;
	}
	snprintf(object, sizeof(object), "dispatch:%s:%s", code, tz_period_fmt(d->period, pbuf));
	rc = tz_sqlite_audit(ss, who, names[action], object, found ? before.out.buf : NULL,
			     after.out.buf, err);
out:
	tz_json_release(&before);
	tz_json_release(&after);
	return rc;
}

int tz_sqlite_period_change(struct tz_store *s, enum tz_period_change op, int64_t node_id,
			    struct tz_period p, int64_t deadline, const struct tz_actor *who,
			    struct tz_err *err)
{
	enum period_op o = op == TZ_PERIOD_CLOSE ? OP_CLOSE
			   : op == TZ_PERIOD_DEADLINE ? OP_DEADLINE : OP_OPEN;

	return period_write(s, o, node_id, p, o == OP_CLOSE ? 0 : deadline, who->user_id, who->at,
			    who, err);
}
