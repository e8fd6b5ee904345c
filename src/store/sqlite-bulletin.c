/*
 * sqlite-bulletin.c: the bulletin read from SQLite in one pass.
 *
 * Each part reads, side by side and all in project id order (a merge
 * join), the ledger rows of the period's year, the projects, and their
 * running totals for that year (project_year), so every row is touched
 * once. A ledger project with no running totals for the year has not
 * reported yet this year (its status comes from earlier years, if any).
 * Strings (code, name, names of the region and unit, the latest problem)
 * are read only for projects that lag or did not report.
 *
 * A filter (store.h, tz_store_bulletin_where) skips the projects a user
 * does not see before they are counted; it is called from every part's
 * thread.
 *
 * A large ledger is cut into id ranges read in parallel, one connection
 * and thread each, into partial bulletins that are then added up. Each
 * part notes the store's version; should a write commit between the
 * parts' reads, the whole is read again in one part.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include "base/hmap.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "core/dispatch.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

#define BULLETIN_PARALLEL_MIN 20000  /* projects; below this one part is faster */
#define BULLETIN_PARTS_MAX 4

/* Organisation names by id, read once per bulletin. */
struct org_names {
	struct tz_hmap *by_id;  /* id (8 bytes) -> index in names */
	char **names;
	size_t n;
};

struct bulletin_part {
	sqlite3 *db;
	int own_db;
	struct tz_bulletin *b;
	const struct org_names *org;
	const struct tz_project_filter *filter;  /* NULL: every project */
	int64_t lo, hi;      /* project ids */
	int64_t version;     /* the store version this part saw */
	int rc;
	struct tz_err err;
};

static int part_error(struct bulletin_part *p, const char *what)
{
	p->rc = tz_err_set(&p->err, TZ_ESTORE, "数据库错误（%s）：%s", what, sqlite3_errmsg(p->db));
	return p->rc;
}

static int part_prepare(struct bulletin_part *p, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(p->db, sql, -1, st, NULL) == SQLITE_OK ? 0
									  : part_error(p, "prepare");
}

static const char *org_name(const struct org_names *o, int64_t id)
{
	int64_t at;

	return id && tz_hmap_get(o->by_id, (const char *)&id, sizeof(id), &at) ? o->names[at] : "";
}

/* The statements of one part. */
struct scan {
	sqlite3_stmt *ledger;   /* project_id, annual, level */
	sqlite3_stmt *proj;     /* id, code, name, region_id, category, leader, unit_id, total, planned_start */
	sqlite3_stmt *tot;      /* project_id, ytdM, stM, ytdM-1, stM-1, rep, prob, pmonth, ptext */
	sqlite3_stmt *prev;     /* st12 of the latest earlier year */
	sqlite3_stmt *problem;  /* the problem of a report */
};

/* Status in force before the year: the latest earlier year's December. */
static int status_before_year(struct scan *sc, int64_t id)
{
	int status = TZ_STATUS_NONE;

	sqlite3_bind_int64(sc->prev, 1, id);
	if (sqlite3_step(sc->prev) == SQLITE_ROW)
		status = sqlite3_column_int(sc->prev, 0);
	sqlite3_reset(sc->prev);
	return status;
}

/* Who counts among P's reporters: core/dispatch.h's one rule, which the
 * on-time rate uses too. `before` is the status in force before P;
 * `reported` whether the project has a report for P. */
static int expected(struct tz_period p, sqlite3_stmt *proj, int before, int reported)
{
	struct tz_period start = { 0, 0 };

	if (sqlite3_column_type(proj, 8) != SQLITE_NULL)
		tz_period_from_code(sqlite3_column_int(proj, 8), &start);
	return tz_report_due(p, start, (enum tz_status)before, reported);
}

/*
 * The latest problem of the year up to month m: the month from the
 * problem mask; its text kept with the running totals when that month is
 * the one they hold (the usual case: the bulletin of the latest month),
 * else read from the report.
 */
static void latest_problem(struct scan *sc, int64_t id, struct tz_period p, int has_tot,
			   char *buf, size_t size)
{
	unsigned prob = has_tot ? (unsigned)sqlite3_column_int(sc->tot, 6) : 0;
	int month;

	buf[0] = '\0';
	prob &= (1u << p.month) - 1;
	if (!prob)
		return;
	month = 32 - __builtin_clz(prob);
	if (month == sqlite3_column_int(sc->tot, 7)) {
		snprintf(buf, size, "%s", tz_sqlite_text(sc->tot, 8));
		return;
	}
	sqlite3_bind_int64(sc->problem, 1, id);
	sqlite3_bind_int(sc->problem, 2, p.year * 100 + month);
	if (sqlite3_step(sc->problem) == SQLITE_ROW)
		snprintf(buf, size, "%s", tz_sqlite_text(sc->problem, 0));
	sqlite3_reset(sc->problem);
}

static int scan_rows(struct bulletin_part *p, struct scan *sc)
{
	struct tz_period period = tz_bulletin_period(p->b);
	enum tz_bulletin_by by = tz_bulletin_by(p->b);
	int m = period.month;
	int64_t proj_at = -1, tot_at = -1;
	int rc, prc = SQLITE_ROW, trc = SQLITE_ROW;
	char problem[4 * TZ_TEXT_MAX + 1];

	while ((rc = sqlite3_step(sc->ledger)) == SQLITE_ROW) {
		struct tz_bulletin_row row;
		int64_t id = sqlite3_column_int64(sc->ledger, 0);
		int status = TZ_STATUS_NONE, before, has_tot, found;
		unsigned rep = 0;

		found = tz_sqlite_seek(sc->proj, &prc, &proj_at, id);
		if (found < 0)
			return part_error(p, "project");
		if (!found)
			continue; /* a foreign key makes this unreachable */
		if (p->filter && !p->filter->keep(p->filter->ctx, sqlite3_column_int64(sc->proj, 3),
						   sqlite3_column_int64(sc->proj, 6),
						   tz_sqlite_text(sc->proj, 5)))
			continue;
		has_tot = tz_sqlite_seek(sc->tot, &trc, &tot_at, id);
		if (has_tot < 0)
			return part_error(p, "project_year");
		memset(&row, 0, sizeof(row));
		row.total = sqlite3_column_int64(sc->proj, 7);
		row.has_plan = sqlite3_column_type(sc->ledger, 1) != SQLITE_NULL;
		row.annual = sqlite3_column_int64(sc->ledger, 1);
		if (has_tot) {
			row.ytd = sqlite3_column_int64(sc->tot, 1);
			status = sqlite3_column_int(sc->tot, 2);
			rep = (unsigned)sqlite3_column_int(sc->tot, 5);
			if (m > 1) {
				row.ytd_prev = sqlite3_column_int64(sc->tot, 3);
				before = sqlite3_column_int(sc->tot, 4);
			} else {
				before = status_before_year(sc, id);
			}
		} else {
			status = before = status_before_year(sc, id);
		}
		row.started = tz_status_counts_started((enum tz_status)status);
		row.reported = (rep >> (m - 1)) & 1;
		row.reported_prev = m > 1 && ((rep >> (m - 2)) & 1);
		row.expected = expected(period, sc->proj, before, row.reported);
		switch (by) {
		case TZ_BY_REGION:
			row.key = org_name(p->org, sqlite3_column_int64(sc->proj, 3));
			break;
		case TZ_BY_CATEGORY:
			row.key = tz_sqlite_text(sc->proj, 4);
			break;
		case TZ_BY_LEVEL:
			row.key = tz_sqlite_text(sc->ledger, 2);
			break;
		case TZ_BY_LEADER:
			row.key = tz_sqlite_text(sc->proj, 5);
			break;
		case TZ_BY_UNIT:
			row.key = org_name(p->org, sqlite3_column_int64(sc->proj, 6));
			break;
		}
		/* Names only for the lists. */
		if (tz_bulletin_lags(p->b, row.has_plan, row.annual, row.ytd) ||
		    (row.expected && !row.reported)) {
			row.code = tz_sqlite_text(sc->proj, 1);
			row.name = tz_sqlite_text(sc->proj, 2);
			row.region = org_name(p->org, sqlite3_column_int64(sc->proj, 3));
			row.leader = tz_sqlite_text(sc->proj, 5);
			row.unit = org_name(p->org, sqlite3_column_int64(sc->proj, 6));
			latest_problem(sc, id, period, has_tot, problem, sizeof(problem));
			row.problem = problem;
		}
		tz_bulletin_add(p->b, &row);
	}
	return rc == SQLITE_DONE ? 0 : part_error(p, "ledger");
}

static int scan_part(struct bulletin_part *p)
{
	double t0 = tz_clock_ms();
	struct tz_period period = tz_bulletin_period(p->b);
	struct scan sc = { 0 };
	sqlite3_stmt *ver = NULL;
	int m = period.month;
	char sql[400];

	/* One read transaction, so all statements see the same data. */
	if (sqlite3_exec(p->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return part_error(p, "begin");
	snprintf(sql, sizeof(sql),
		 "SELECT project_id, ytd%d, st%d, ytd%d, st%d, rep, prob, pmonth, ptext FROM project_year"
		 " WHERE year = ?1 AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id",
		 m, m, m > 1 ? m - 1 : 1, m > 1 ? m - 1 : 1);
	if (part_prepare(p, "SELECT project_id, annual, level FROM ledger"
			    " WHERE year = ?1 AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id",
			 &sc.ledger) ||
	    part_prepare(p, "SELECT id, code, name, region_id, category, leader, unit_id, total,"
			    " planned_start FROM project WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
			 &sc.proj) ||
	    part_prepare(p, sql, &sc.tot) ||
	    part_prepare(p, "SELECT st12 FROM project_year WHERE project_id = ?1 AND year < ?2"
			    " ORDER BY year DESC LIMIT 1", &sc.prev) ||
	    part_prepare(p, "SELECT problem FROM progress WHERE project_id = ?1 AND period = ?2",
			 &sc.problem) ||
	    part_prepare(p, "SELECT n FROM store_version", &ver))
		goto out;
	if (sqlite3_step(ver) != SQLITE_ROW) {
		part_error(p, "store_version");
		goto out;
	}
	p->version = sqlite3_column_int64(ver, 0);
	sqlite3_bind_int(sc.ledger, 1, period.year);
	sqlite3_bind_int64(sc.ledger, 2, p->lo);
	sqlite3_bind_int64(sc.ledger, 3, p->hi);
	sqlite3_bind_int64(sc.proj, 1, p->lo);
	sqlite3_bind_int64(sc.proj, 2, p->hi);
	sqlite3_bind_int(sc.tot, 1, period.year);
	sqlite3_bind_int64(sc.tot, 2, p->lo);
	sqlite3_bind_int64(sc.tot, 3, p->hi);
	sqlite3_bind_int(sc.prev, 2, period.year);
	scan_rows(p, &sc);
out:
	sqlite3_finalize(sc.ledger);
	sqlite3_finalize(sc.proj);
	sqlite3_finalize(sc.tot);
	sqlite3_finalize(sc.prev);
	sqlite3_finalize(sc.problem);
	sqlite3_finalize(ver);
	sqlite3_exec(p->db, "COMMIT", NULL, NULL, NULL);
	tz_log(TZ_LOG_DEBUG, "event=bulletin_part lo=%lld hi=%lld ms=%.1f", (long long)p->lo,
	       (long long)p->hi, tz_clock_ms() - t0);
	return p->rc;
}

static void *scan_thread(void *arg)
{
	struct bulletin_part *p = arg;

	/* Sorting here spreads the sort over the threads too. */
	if (!scan_part(p))
		tz_bulletin_sort_lags(p->b);
	return NULL;
}

static int bulletin_parts(struct sqlite_store *ss, struct tz_bulletin *b,
			  const struct org_names *org, const struct tz_project_filter *f,
			  int nparts, int64_t lo, int64_t hi, struct tz_err *err)
{
	struct bulletin_part parts[BULLETIN_PARTS_MAX];
	pthread_t threads[BULLETIN_PARTS_MAX];
	int started[BULLETIN_PARTS_MAX] = { 0 }, rc = 0;
	int64_t span = (hi - lo) / nparts + 1;

	memset(parts, 0, sizeof(parts));
	for (int i = 0; i < nparts; i++) {
		struct bulletin_part *p = &parts[i];

		p->db = i ? tz_sqlite_open_reader(ss, 1, TZ_SQLITE_BUSY_MS) : ss->db;
		if (!p->db) {
			nparts = i; /* make do with the connections we have */
			parts[i - 1].hi = hi;
			break;
		}
		p->own_db = i > 0;
		p->org = org;
		p->filter = f;
		p->b = tz_bulletin_new(tz_bulletin_period(b), tz_bulletin_by(b));
		p->lo = lo + span * i;
		p->hi = i == nparts - 1 ? hi : p->lo + span - 1;
	}
	for (int i = 1; i < nparts; i++)
		started[i] = !pthread_create(&threads[i], NULL, scan_thread, &parts[i]);
	scan_thread(&parts[0]);
	for (int i = 1; i < nparts; i++) {
		if (started[i])
			pthread_join(threads[i], NULL);
		else
			scan_thread(&parts[i]);
	}
	for (int i = 0; i < nparts; i++) {
		if (!rc && parts[i].rc) {
			*err = parts[i].err;
			rc = parts[i].rc;
		}
		if (!rc && parts[i].version != parts[0].version)
			rc = 1; /* a write committed between the parts: read again */
	}
	for (int i = 0; i < nparts; i++) {
		if (!rc)
			tz_bulletin_absorb(b, parts[i].b);
		else
			tz_bulletin_free(parts[i].b);
		if (parts[i].own_db)
			sqlite3_close(parts[i].db);
	}
	return rc;
}

static int load_org_names(struct sqlite_store *ss, struct org_names *o, struct tz_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	o->by_id = tz_hmap_new();
	if ((rc = tz_sqlite_prepare(ss, "SELECT id, name FROM org", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		TZ_ALLOC_GROW(o->names, o->n + 1, alloc);
		o->names[o->n] = tz_xstrdup(tz_sqlite_text(st, 1));
		tz_hmap_put(o->by_id, (const char *)&id, sizeof(id), (int64_t)o->n++, NULL);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "org");
}

static void free_org_names(struct org_names *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->names[i]);
	free(o->names);
	tz_hmap_free(o->by_id);
}

int tz_sqlite_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err)
{
	return tz_sqlite_bulletin_where(s, b, NULL, err);
}

int tz_sqlite_bulletin_where(struct tz_store *s, struct tz_bulletin *b,
			     const struct tz_project_filter *f, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct org_names org = { 0 };
	sqlite3_stmt *st;
	int64_t lo = 0, hi = 0, n = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int nparts, rc;

	/* The packed base when it is current (sqlite-bulletin-base.c). */
	if (!tz_sqlite_bulletin_base_count(ss, b, f, err))
		return 0;
	if ((rc = load_org_names(ss, &org, err)))
		goto out;
	/* min and max of the rowid, each one B-tree descent (together in one
	 * SELECT they would scan the table); ids are dense enough (projects
	 * are rarely deleted) for their span to size the work. */
	rc = tz_sqlite_prepare(ss, "SELECT (SELECT min(id) FROM project), (SELECT max(id) FROM project)",
			       &st, err);
	if (rc)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
		n = hi - lo + 1;
	}
	sqlite3_finalize(st);
	nparts = n < BULLETIN_PARALLEL_MIN || cpus < 2 ? 1
		 : cpus > BULLETIN_PARTS_MAX ? BULLETIN_PARTS_MAX : (int)cpus;
	rc = bulletin_parts(ss, b, &org, f, nparts, lo, hi, err);
	if (rc == 1)
		rc = bulletin_parts(ss, b, &org, f, 1, lo, INT64_MAX, err);
	/* Counted from SQL: leave a fresh base for the next bulletin, if this
	 * connection may write. A failure only costs the next one time. */
	if (!rc) {
		struct tz_err ignored;

		tz_err_clear(&ignored);
		if (tz_sqlite_bulletin_base_build(ss, tz_bulletin_period(b).year, &ignored))
			tz_log(TZ_LOG_INFO, "event=bulletin_base failed=%s", ignored.msg);
	}
out:
	free_org_names(&org);
	return rc;
}
