/*
 * sqlite.c: the SQLite backend, the embedded default.
 *
 * Tables (see docs/internals/store.md):
 *   import_batch   one row per import, for the record; every project and
 *                  report names the batch that last wrote it
 *   project        the ledger; money in 0.01 万元
 *   progress       one report per project and period (YYYYMM)
 *   project_year   running totals: per project and year, the cumulative
 *                  completed investment and the latest status at each
 *                  month, so a bulletin reads one row per project instead
 *                  of rescanning every report
 *
 * The database runs in WAL mode with foreign keys on; an import is one
 * IMMEDIATE transaction.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

#define SCHEMA_VERSION 1

struct sqlite_store *tz_sqlite_from(struct tz_store *s)
{
	if (s->ops != &tz_store_sqlite_ops)
		abort(); /* a bug: only this backend's stores come here */
	return (struct sqlite_store *)s;
}

int tz_sqlite_error(struct sqlite_store *ss, struct tz_err *err, const char *what)
{
	return tz_err_set(err, TZ_ESTORE, "数据库错误（%s）：%s", what, sqlite3_errmsg(ss->db));
}

int tz_sqlite_exec(struct sqlite_store *ss, const char *sql, struct tz_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(ss->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		tz_err_set(err, TZ_ESTORE, "数据库错误：%s", msg ? msg : "?");
		sqlite3_free(msg);
		return TZ_ESTORE;
	}
	return 0;
}

int tz_sqlite_prepare(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		      struct tz_err *err)
{
	if (sqlite3_prepare_v2(ss->db, sql, -1, st, NULL) != SQLITE_OK)
		return tz_sqlite_error(ss, err, "prepare");
	return 0;
}

int tz_sqlite_query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
			struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "query");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Schema                                                              */

static const char schema_sql[] =
	"CREATE TABLE import_batch(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK(kind IN ('projects','progress')),\n"
	"  source TEXT NOT NULL,\n"
	"  started_at TEXT NOT NULL DEFAULT (datetime('now')),\n"
	"  accepted INTEGER\n"
	");\n"
	"CREATE TABLE project(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  region TEXT NOT NULL,\n"
	"  category TEXT NOT NULL DEFAULT '',\n"
	"  level TEXT NOT NULL DEFAULT '',\n"
	"  nature TEXT NOT NULL DEFAULT '',\n"
	"  owner TEXT NOT NULL DEFAULT '',\n"
	"  leader TEXT NOT NULL DEFAULT '',\n"
	"  unit TEXT NOT NULL DEFAULT '',\n"
	"  years TEXT NOT NULL DEFAULT '',\n"
	"  total INTEGER NOT NULL CHECK(total > 0),\n"
	"  annual INTEGER NOT NULL CHECK(annual >= 0 AND annual <= total),\n"
	"  planned_start INTEGER,\n"
	"  batch INTEGER NOT NULL REFERENCES import_batch(id)\n"
	");\n"
	"CREATE TABLE progress(\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  period INTEGER NOT NULL CHECK(period % 100 BETWEEN 1 AND 12),\n"
	"  completed INTEGER NOT NULL CHECK(completed >= 0),\n"
	"  status INTEGER NOT NULL CHECK(status BETWEEN 1 AND 5),\n"
	"  progress_text TEXT NOT NULL DEFAULT '',\n"
	"  problem TEXT NOT NULL DEFAULT '',\n"
	"  batch INTEGER NOT NULL REFERENCES import_batch(id),\n"
	"  PRIMARY KEY(project_id, period)\n"
	") WITHOUT ROWID;\n";

static int create_schema(struct sqlite_store *ss, struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	int rc;

	/* project_year: ytdN = completed from January to month N of `year`;
	 * stN = status of the latest report at or before month N, carried
	 * over from earlier years (0 = none yet). */
	tz_buf_adds(&sql, "BEGIN;\n");
	tz_buf_adds(&sql, schema_sql);
	tz_buf_adds(&sql, "CREATE TABLE project_year(\n  year INTEGER NOT NULL,\n"
			  "  project_id INTEGER NOT NULL REFERENCES project(id),\n");
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(&sql, "  ytd%d INTEGER NOT NULL,\n", m);
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(&sql, "  st%d INTEGER NOT NULL,\n", m);
	tz_buf_adds(&sql, "  PRIMARY KEY(year, project_id)\n) WITHOUT ROWID;\n"
			  "CREATE INDEX project_year_by_project ON project_year(project_id, year);\n");
	tz_buf_addf(&sql, "PRAGMA user_version=%d;\nCOMMIT;\n", SCHEMA_VERSION);
	rc = tz_sqlite_exec(ss, sql.buf, err);
	tz_buf_release(&sql);
	if (rc)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}

static int check_schema(struct sqlite_store *ss, struct tz_err *err)
{
	int64_t version;
	int rc;

	if ((rc = tz_sqlite_query_int(ss, "PRAGMA user_version", &version, err)))
		return rc;
	if (version == 0)
		return create_schema(ss, err);
	if (version > SCHEMA_VERSION)
		return tz_err_set(err, TZ_ESTORE, "数据库由较新版本的台账系统创建（版本%" PRId64 "）",
				  version);
	return 0;
}

static int sqlite_open(struct tz_store **out, const char *path, struct tz_err *err)
{
	struct sqlite_store *ss = tz_xcalloc(1, sizeof(*ss));
	int rc;

	ss->base.ops = &tz_store_sqlite_ops;
	/* One connection per thread: SQLite's own locking is not needed. */
	if (sqlite3_open_v2(path, &ss->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL)
	    != SQLITE_OK) {
		rc = tz_err_set_at(err, TZ_ESTORE, path, 0, NULL, "无法打开数据库：%s",
				   ss->db ? sqlite3_errmsg(ss->db) : "内存不足");
		goto fail;
	}
	sqlite3_busy_timeout(ss->db, 10000);
	/* 16 KB pages suit the long append runs of imports; page_size only
	 * takes effect on a new database, before WAL is turned on. */
	rc = tz_sqlite_exec(ss, "PRAGMA page_size=16384;"
		      "PRAGMA journal_mode=WAL;"
		      "PRAGMA synchronous=NORMAL;"
		      "PRAGMA foreign_keys=ON;"
		      "PRAGMA temp_store=MEMORY;"
		      "PRAGMA cache_size=-65536;"
		      "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE ";", err);
	if (rc) {
		tz_err_locate(err, path, 0);
		goto fail;
	}
	if ((rc = check_schema(ss, err))) {
		tz_err_locate(err, path, 0);
		goto fail;
	}
	*out = &ss->base;
	return 0;
fail:
	sqlite3_close(ss->db);
	free(ss);
	*out = NULL;
	return rc;
}

static void sqlite_close(struct tz_store *s)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	sqlite3_close(ss->db);
	free(ss);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

/*
 * The bulletin. Each part reads projects and their running totals for the
 * year side by side, both in project id order (a merge join), so every
 * row is touched once. A project with no row for the year has either not
 * reported yet (no status) or stopped reporting in an earlier year (its
 * last status holds).
 *
 * A large ledger is cut into id ranges read in parallel, one connection
 * and thread each, into partial bulletins that are then added up. Each
 * part notes the last import it saw; should an import commit between the
 * parts' reads, the whole is read again in one part.
 */
#define BULLETIN_PARALLEL_MIN 20000  /* projects; below this one part is faster */
#define BULLETIN_PARTS_MAX 4

struct bulletin_part {
	sqlite3 *db;
	int own_db;
	struct tz_bulletin *b;
	int64_t lo, hi;      /* project ids */
	int64_t version;     /* the last import this part saw */
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

static int scan_rows(struct bulletin_part *p, sqlite3_stmt *proj, sqlite3_stmt *tot,
		     sqlite3_stmt *prev)
{
	int64_t tot_id = -1;
	int rc, trc = SQLITE_ROW;

	while ((rc = sqlite3_step(proj)) == SQLITE_ROW) {
		struct tz_bulletin_row row;
		int64_t id = sqlite3_column_int64(proj, 0);
		int status = TZ_STATUS_NONE;

		row.key = col_text(proj, 4);
		row.total = sqlite3_column_int64(proj, 5);
		row.annual = sqlite3_column_int64(proj, 6);
		row.ytd = 0;
		while (trc == SQLITE_ROW && tot_id < id) {
			trc = sqlite3_step(tot);
			tot_id = trc == SQLITE_ROW ? sqlite3_column_int64(tot, 0) : INT64_MAX;
		}
		if (trc != SQLITE_ROW && trc != SQLITE_DONE)
			return part_error(p, "project_year");
		if (tot_id == id) {
			row.ytd = sqlite3_column_int64(tot, 1);
			status = sqlite3_column_int(tot, 2);
		} else {
			sqlite3_bind_int64(prev, 1, id);
			if (sqlite3_step(prev) == SQLITE_ROW)
				status = sqlite3_column_int(prev, 0);
			sqlite3_reset(prev);
		}
		row.started = tz_status_counts_started((enum tz_status)status);
		/* Names are only wanted for the lagging list. */
		row.code = row.name = row.region = NULL;
		if (tz_bulletin_lags(p->b, row.annual, row.ytd)) {
			row.code = col_text(proj, 1);
			row.name = col_text(proj, 2);
			row.region = col_text(proj, 3);
		}
		tz_bulletin_add(p->b, &row);
	}
	return rc == SQLITE_DONE ? 0 : part_error(p, "project");
}

static int scan_part(struct bulletin_part *p)
{
	double t0 = tz_clock_ms();
	static const char *const key_cols[] = { "region", "category", "level" };
	struct tz_period period = tz_bulletin_period(p->b);
	sqlite3_stmt *proj = NULL, *tot = NULL, *prev = NULL, *ver = NULL;
	char sql[320];

	/* One read transaction, so all statements see the same data. */
	if (sqlite3_exec(p->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return part_error(p, "begin");
	snprintf(sql, sizeof(sql),
		 "SELECT id, code, name, region, %s, total, annual FROM project"
		 " WHERE id BETWEEN ?1 AND ?2 ORDER BY id", key_cols[tz_bulletin_by(p->b)]);
	if (part_prepare(p, sql, &proj))
		goto out;
	snprintf(sql, sizeof(sql),
		 "SELECT project_id, ytd%d, st%d FROM project_year WHERE year = ?1"
		 " AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id", period.month, period.month);
	if (part_prepare(p, sql, &tot) ||
	    part_prepare(p, "SELECT st12 FROM project_year WHERE project_id = ?1 AND year < ?2"
			    " ORDER BY year DESC LIMIT 1", &prev) ||
	    part_prepare(p, "SELECT max(id) FROM import_batch", &ver))
		goto out;
	if (sqlite3_step(ver) != SQLITE_ROW) {
		part_error(p, "import_batch");
		goto out;
	}
	p->version = sqlite3_column_int64(ver, 0);
	sqlite3_bind_int64(proj, 1, p->lo);
	sqlite3_bind_int64(proj, 2, p->hi);
	sqlite3_bind_int(tot, 1, period.year);
	sqlite3_bind_int64(tot, 2, p->lo);
	sqlite3_bind_int64(tot, 3, p->hi);
	sqlite3_bind_int(prev, 2, period.year);
	scan_rows(p, proj, tot, prev);
out:
	sqlite3_finalize(proj);
	sqlite3_finalize(tot);
	sqlite3_finalize(prev);
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

/* A second connection for a part; NULL if it cannot be had. */
static sqlite3 *open_reader(struct sqlite_store *ss)
{
	const char *path = sqlite3_db_filename(ss->db, "main");
	sqlite3 *db = NULL;

	if (!path || !*path ||
	    sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 10000);
	return db;
}

static int bulletin_parts(struct sqlite_store *ss, struct tz_bulletin *b, int nparts,
			  int64_t lo, int64_t hi, struct tz_err *err)
{
	struct bulletin_part parts[BULLETIN_PARTS_MAX];
	pthread_t threads[BULLETIN_PARTS_MAX];
	int started[BULLETIN_PARTS_MAX] = { 0 }, rc = 0;
	int64_t span = (hi - lo) / nparts + 1;

	memset(parts, 0, sizeof(parts));
	for (int i = 0; i < nparts; i++) {
		struct bulletin_part *p = &parts[i];

		p->db = i ? open_reader(ss) : ss->db;
		if (!p->db) {
			nparts = i; /* make do with the connections we have */
			parts[i - 1].hi = hi;
			break;
		}
		p->own_db = i > 0;
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
			rc = 1; /* an import committed between the parts: read again */
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

static int sqlite_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t lo = 0, hi = 0, n = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int nparts, rc;

	/* min and max of the rowid, each one B-tree descent (together in one
	 * SELECT they would scan the table); ids are dense
	 * enough (projects are rarely deleted) for their span to size the work. */
	if ((rc = tz_sqlite_prepare(ss, "SELECT (SELECT min(id) FROM project), (SELECT max(id) FROM project)", &st, err)))
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		lo = sqlite3_column_int64(st, 0);
		hi = sqlite3_column_int64(st, 1);
		n = hi - lo + 1;
	}
	sqlite3_finalize(st);
	nparts = n < BULLETIN_PARALLEL_MIN || cpus < 2 ? 1
		 : cpus > BULLETIN_PARTS_MAX ? BULLETIN_PARTS_MAX : (int)cpus;
	rc = bulletin_parts(ss, b, nparts, lo, hi, err);
	if (rc == 1)
		rc = bulletin_parts(ss, b, 1, lo, INT64_MAX, err);
	return rc;
}

static int sqlite_each_project(struct tz_store *s, int (*fn)(void *, const struct tz_project *),
			       void *ctx, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "SELECT code, name, region, category, level, nature, owner, leader,"
			 " unit, years, total, annual, planned_start FROM project ORDER BY id",
		     &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_project p;
		int r;

		memset(&p, 0, sizeof(p));
		p.code = col_text(st, 0);
		p.name = col_text(st, 1);
		p.region = col_text(st, 2);
		p.category = col_text(st, 3);
		p.level = col_text(st, 4);
		p.nature = col_text(st, 5);
		p.owner = col_text(st, 6);
		p.leader = col_text(st, 7);
		p.unit = col_text(st, 8);
		p.years = col_text(st, 9);
		p.total = sqlite3_column_int64(st, 10);
		p.annual = sqlite3_column_int64(st, 11);
		if (sqlite3_column_type(st, 12) != SQLITE_NULL)
			tz_period_from_code(sqlite3_column_int(st, 12), &p.planned_start);
		if ((r = fn(ctx, &p))) {
			sqlite3_finalize(st);
			return r;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "projects");
}

static int sqlite_each_progress(struct tz_store *s, int (*fn)(void *, const struct tz_progress *),
				void *ctx, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "SELECT p.code, r.period, r.completed, r.status, r.progress_text, r.problem"
			 " FROM progress r JOIN project p ON p.id = r.project_id"
			 " ORDER BY r.project_id, r.period", &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_progress r;
		int x;

		memset(&r, 0, sizeof(r));
		r.code = col_text(st, 0);
		tz_period_from_code(sqlite3_column_int(st, 1), &r.period);
		r.completed = sqlite3_column_int64(st, 2);
		r.status = (enum tz_status)sqlite3_column_int(st, 3);
		r.progress_text = col_text(st, 4);
		r.problem = col_text(st, 5);
		if ((x = fn(ctx, &r))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "progress");
}

static int sqlite_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	int64_t n, lo, hi;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM project", &n, err)))
		return rc;
	out->projects = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM progress", &n, err)))
		return rc;
	out->reports = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT min(period) FROM progress", &lo, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT max(period) FROM progress", &hi, err)))
		return rc;
	if (n) {
		tz_period_from_code((int)lo, &out->first);
		tz_period_from_code((int)hi, &out->last);
	}
	return 0;
}

const struct tz_store_ops tz_store_sqlite_ops = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.import_begin = tz_sqlite_import_begin,
	.import_project = tz_sqlite_import_project,
	.import_progress = tz_sqlite_import_progress,
	.import_commit = tz_sqlite_import_commit,
	.import_abort = tz_sqlite_import_abort,
	.bulletin = sqlite_bulletin,
	.each_project = sqlite_each_project,
	.each_progress = sqlite_each_progress,
	.summary = sqlite_summary,
};
