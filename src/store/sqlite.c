/*
 * sqlite.c: the SQLite backend, the embedded default.
 *
 * Tables (see docs/internals/store.md):
 *   import_batch   one row per import, for the record and to tell a
 *                  correction (an earlier batch's row) from a duplicate
 *                  (this batch's row)
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

#include <sqlite3.h>

#include "base/buf.h"
#include "base/hmap.h"
#include "base/xalloc.h"
#include "store/store-internal.h"
#include "base/banned.h"

#define SCHEMA_VERSION 1

struct sqlite_store {
	struct tz_store base;
	sqlite3 *db;
	/* The open import. */
	int64_t batch;
	long accepted;
	int64_t rows_before;
	sqlite3_stmt *ins;
	struct tz_hmap *codes;     /* progress imports: code -> project id */
	unsigned char *touched;    /* by project id: running totals to redo */
	int64_t max_id;
};

static struct sqlite_store *to_sqlite(struct tz_store *s)
{
	if (s->ops != &tz_store_sqlite_ops)
		abort(); /* a bug: only this backend's stores come here */
	return (struct sqlite_store *)s;
}

static int db_error(struct sqlite_store *ss, struct tz_err *err, const char *what)
{
	return tz_err_set(err, TZ_ESTORE, "数据库错误（%s）：%s", what, sqlite3_errmsg(ss->db));
}

static int exec(struct sqlite_store *ss, const char *sql, struct tz_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(ss->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		tz_err_set(err, TZ_ESTORE, "数据库错误：%s", msg ? msg : "?");
		sqlite3_free(msg);
		return TZ_ESTORE;
	}
	return 0;
}

static int prepare(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		   struct tz_err *err)
{
	if (sqlite3_prepare_v2(ss->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_error(ss, err, "prepare");
	return 0;
}

/* One integer from a one-row query. */
static int query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
		     struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = prepare(ss, sql, &st, err)))
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(ss, err, "query");
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
	rc = exec(ss, sql.buf, err);
	tz_buf_release(&sql);
	if (rc)
		exec(ss, "ROLLBACK", NULL);
	return rc;
}

static int check_schema(struct sqlite_store *ss, struct tz_err *err)
{
	int64_t version;
	int rc;

	if ((rc = query_int(ss, "PRAGMA user_version", &version, err)))
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
	if (sqlite3_open_v2(path, &ss->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
	    != SQLITE_OK) {
		rc = tz_err_set_at(err, TZ_ESTORE, path, 0, NULL, "无法打开数据库：%s",
				   ss->db ? sqlite3_errmsg(ss->db) : "内存不足");
		goto fail;
	}
	sqlite3_busy_timeout(ss->db, 10000);
	rc = exec(ss, "PRAGMA journal_mode=WAL;"
		      "PRAGMA synchronous=NORMAL;"
		      "PRAGMA foreign_keys=ON;"
		      "PRAGMA temp_store=MEMORY;"
		      "PRAGMA cache_size=-65536;", err);
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
	struct sqlite_store *ss = to_sqlite(s);

	sqlite3_close(ss->db);
	free(ss);
}

/* ------------------------------------------------------------------ */
/* Imports                                                             */

static void import_release(struct sqlite_store *ss)
{
	sqlite3_finalize(ss->ins);
	ss->ins = NULL;
	tz_hmap_free(ss->codes);
	ss->codes = NULL;
	free(ss->touched);
	ss->touched = NULL;
	ss->max_id = 0;
	ss->accepted = 0;
}

/* Project id by code, for resolving progress rows without a query each. */
static int load_codes(struct sqlite_store *ss, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = prepare(ss, "SELECT id, code FROM project", &st, err)))
		return rc;
	ss->codes = tz_hmap_new();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);

		tz_hmap_put(ss->codes, code, (size_t)sqlite3_column_bytes(st, 1), id, NULL);
		if (id > ss->max_id)
			ss->max_id = id;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(ss, err, "load projects");
	ss->touched = tz_xcalloc((size_t)ss->max_id + 1, 1);
	return 0;
}

static const char ins_project_sql[] =
	"INSERT INTO project(code, name, region, category, level, nature, owner, leader,"
	" unit, years, total, annual, planned_start, batch)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, region = excluded.region,"
	" category = excluded.category, level = excluded.level, nature = excluded.nature,"
	" owner = excluded.owner, leader = excluded.leader, unit = excluded.unit,"
	" years = excluded.years, total = excluded.total, annual = excluded.annual,"
	" planned_start = excluded.planned_start, batch = excluded.batch"
	" WHERE project.batch <> excluded.batch";

static const char ins_progress_sql[] =
	"INSERT INTO progress(project_id, period, completed, status, progress_text, problem, batch)"
	" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT(project_id, period) DO UPDATE SET completed = excluded.completed,"
	" status = excluded.status, progress_text = excluded.progress_text,"
	" problem = excluded.problem, batch = excluded.batch"
	" WHERE progress.batch <> excluded.batch";

static int sqlite_import_begin(struct tz_store *s, enum tz_import_kind kind,
			       const char *source, struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	int progress = kind == TZ_IMPORT_PROGRESS;
	sqlite3_stmt *st = NULL;
	int rc;

	/*
	 * Progress rows are resolved against the project map loaded below,
	 * inside the same transaction, so every project_id is known to
	 * exist; checking the foreign key again per row would double the
	 * time of a large import. The pragma only takes effect outside a
	 * transaction, hence before BEGIN; commit and abort turn it back on.
	 */
	if (progress && (rc = exec(ss, "PRAGMA foreign_keys=OFF", err)))
		return rc;
	if ((rc = exec(ss, "BEGIN IMMEDIATE", err)))
		goto fail_fk;
	if ((rc = prepare(ss, "INSERT INTO import_batch(kind, source) VALUES(?1, ?2)", &st, err)))
		goto fail;
	sqlite3_bind_text(st, 1, progress ? "progress" : "projects", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, source ? source : "", -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_error(ss, err, "import_batch");
		goto fail;
	}
	sqlite3_finalize(st);
	st = NULL;
	ss->batch = sqlite3_last_insert_rowid(ss->db);
	ss->accepted = 0;
	rc = query_int(ss, progress ? "SELECT count(*) FROM progress"
				    : "SELECT count(*) FROM project", &ss->rows_before, err);
	if (rc)
		goto fail;
	if (progress && (rc = load_codes(ss, err)))
		goto fail;
	if ((rc = prepare(ss, progress ? ins_progress_sql : ins_project_sql, &ss->ins, err)))
		goto fail;
	return 0;
fail:
	sqlite3_finalize(st);
	import_release(ss);
	exec(ss, "ROLLBACK", NULL);
fail_fk:
	if (progress)
		exec(ss, "PRAGMA foreign_keys=ON", NULL);
	return rc;
}

/* Bind a string that may be NULL as '' (the columns are NOT NULL). */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

/*
 * Run the prepared upsert. The upsert does nothing when the existing row
 * came from this very batch, so no change means a duplicate in the file.
 */
static int run_upsert(struct sqlite_store *ss, struct tz_err *err, const char *dup_msg)
{
	int rc = sqlite3_step(ss->ins);

	sqlite3_reset(ss->ins);
	sqlite3_clear_bindings(ss->ins);
	if (rc != SQLITE_DONE)
		return db_error(ss, err, "insert");
	if (sqlite3_changes(ss->db) == 0)
		return tz_err_set(err, TZ_EEXIST, "%s", dup_msg);
	ss->accepted++;
	return 0;
}

static int sqlite_import_project(struct tz_store *s, const struct tz_project *p,
				 struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	sqlite3_stmt *st = ss->ins;

	bind_text(st, 1, p->code);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->region);
	bind_text(st, 4, p->category);
	bind_text(st, 5, p->level);
	bind_text(st, 6, p->nature);
	bind_text(st, 7, p->owner);
	bind_text(st, 8, p->leader);
	bind_text(st, 9, p->unit);
	bind_text(st, 10, p->years);
	sqlite3_bind_int64(st, 11, p->total);
	sqlite3_bind_int64(st, 12, p->annual);
	if (p->planned_start.year)
		sqlite3_bind_int(st, 13, tz_period_code(p->planned_start));
	else
		sqlite3_bind_null(st, 13);
	sqlite3_bind_int64(st, 14, ss->batch);
	return run_upsert(ss, err, "项目编号重复（本文件中已出现过）");
}

static int sqlite_import_progress(struct tz_store *s, const struct tz_progress *r,
				  struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	sqlite3_stmt *st = ss->ins;
	int64_t id;
	int rc;

	if (!tz_hmap_get(ss->codes, r->code, strlen(r->code), &id))
		return tz_err_set(err, TZ_ENOTFOUND, "项目编号不存在（请先导入项目台账）");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, tz_period_code(r->period));
	sqlite3_bind_int64(st, 3, r->completed);
	sqlite3_bind_int(st, 4, (int)r->status);
	bind_text(st, 5, r->progress_text);
	bind_text(st, 6, r->problem);
	sqlite3_bind_int64(st, 7, ss->batch);
	rc = run_upsert(ss, err, "同一项目同一调度期在本文件中重复");
	if (!rc)
		ss->touched[id] = 1;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Running totals                                                      */

/* One project's year being accumulated from its reports. */
struct year_acc {
	int year;                 /* 0 = none open */
	int64_t done[13];         /* completed per month */
	unsigned char status[13]; /* reported status per month, 0 = no report */
	unsigned char carried;    /* status in force before January */
};

static int write_year(struct sqlite_store *ss, sqlite3_stmt *ins, int64_t project,
		      struct year_acc *y, struct tz_err *err)
{
	int64_t cum = 0;
	unsigned char st = y->carried;

	sqlite3_bind_int(ins, 1, y->year);
	sqlite3_bind_int64(ins, 2, project);
	for (int m = 1; m <= 12; m++) {
		cum += y->done[m];
		if (y->status[m])
			st = y->status[m];
		sqlite3_bind_int64(ins, 2 + m, cum);
		sqlite3_bind_int(ins, 14 + m, st);
	}
	if (sqlite3_step(ins) != SQLITE_DONE) {
		sqlite3_reset(ins);
		return db_error(ss, err, "project_year");
	}
	sqlite3_reset(ins);
	/* The next year starts from the status in force at December. */
	memset(y->done, 0, sizeof(y->done));
	memset(y->status, 0, sizeof(y->status));
	y->carried = st;
	return 0;
}

/* Feed one report (in period order per project); writes finished years,
 * and the empty years between two reported ones. */
static int acc_report(struct sqlite_store *ss, sqlite3_stmt *ins, int64_t project,
		      struct year_acc *y, int period, int64_t completed, int status,
		      struct tz_err *err)
{
	int year = period / 100, month = period % 100, rc;

	while (y->year && y->year < year) {
		if ((rc = write_year(ss, ins, project, y, err)))
			return rc;
		y->year++;
	}
	y->year = year;
	y->done[month] += completed;
	y->status[month] = (unsigned char)status;
	return 0;
}

/*
 * Step `sel` (rows of project_id, period, completed, status, ordered by
 * project then period) and write the running totals of every touched
 * project it yields.
 */
static int accumulate(struct sqlite_store *ss, sqlite3_stmt *sel, sqlite3_stmt *ins,
		      struct tz_err *err)
{
	struct year_acc y;
	int64_t cur = 0;
	int rc;

	memset(&y, 0, sizeof(y));
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(sel, 0);

		if (pid > ss->max_id || !ss->touched[pid])
			continue;
		if (pid != cur) {
			if (y.year && (rc = write_year(ss, ins, cur, &y, err)))
				return rc;
			memset(&y, 0, sizeof(y));
			cur = pid;
		}
		rc = acc_report(ss, ins, pid, &y, sqlite3_column_int(sel, 1),
				sqlite3_column_int64(sel, 2), sqlite3_column_int(sel, 3), err);
		if (rc)
			return rc;
	}
	if (rc != SQLITE_DONE)
		return db_error(ss, err, "progress scan");
	return y.year ? write_year(ss, ins, cur, &y, err) : 0;
}

/*
 * Recompute project_year for every project touched by this import. With
 * many touched projects one ordered scan of all reports beats a range
 * query per project. Reports are never deleted, so replacing rows is
 * enough: a project's span of years only grows.
 */
static int rebuild_totals(struct sqlite_store *ss, struct tz_err *err)
{
	static const char select_all[] =
		"SELECT project_id, period, completed, status FROM progress"
		" ORDER BY project_id, period";
	static const char select_one[] =
		"SELECT project_id, period, completed, status FROM progress"
		" WHERE project_id = ?1 ORDER BY period";
	struct tz_buf sql = TZ_BUF_INIT;
	sqlite3_stmt *ins = NULL, *sel = NULL;
	int64_t ntouched = 0;
	int full, rc;

	for (int64_t id = 1; id <= ss->max_id; id++)
		ntouched += ss->touched[id];
	if (!ntouched)
		return 0;
	full = ntouched * 8 > ss->max_id;

	tz_buf_adds(&sql, "INSERT OR REPLACE INTO project_year VALUES(?1, ?2");
	for (int i = 3; i <= 26; i++)
		tz_buf_addf(&sql, ", ?%d", i);
	tz_buf_adds(&sql, ")");
	rc = prepare(ss, sql.buf, &ins, err);
	tz_buf_release(&sql);
	if (rc)
		goto out;
	if ((rc = prepare(ss, full ? select_all : select_one, &sel, err)))
		goto out;
	if (full) {
		rc = accumulate(ss, sel, ins, err);
		goto out;
	}
	for (int64_t id = 1; id <= ss->max_id && !rc; id++) {
		if (!ss->touched[id])
			continue;
		sqlite3_bind_int64(sel, 1, id);
		rc = accumulate(ss, sel, ins, err);
		sqlite3_reset(sel);
	}
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	return rc;
}

static int sqlite_import_commit(struct tz_store *s, struct tz_import_stats *stats,
				struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	int progress = s->import_kind == TZ_IMPORT_PROGRESS;
	sqlite3_stmt *st = NULL;
	int64_t after;
	int rc;

	if (progress && (rc = rebuild_totals(ss, err)))
		return rc;
	if ((rc = prepare(ss, "UPDATE import_batch SET accepted = ?1 WHERE id = ?2", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, ss->accepted);
	sqlite3_bind_int64(st, 2, ss->batch);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(ss, err, "import_batch");
	rc = query_int(ss, progress ? "SELECT count(*) FROM progress" : "SELECT count(*) FROM project",
		       &after, err);
	if (rc)
		return rc;
	/* The statement must be finished before COMMIT. */
	sqlite3_finalize(ss->ins);
	ss->ins = NULL;
	if ((rc = exec(ss, "COMMIT", err)))
		return rc;
	stats->added = (long)(after - ss->rows_before);
	stats->replaced = ss->accepted - stats->added;
	import_release(ss);
	if (progress)
		exec(ss, "PRAGMA foreign_keys=ON", NULL);
	return 0;
}

static void sqlite_import_abort(struct tz_store *s)
{
	struct sqlite_store *ss = to_sqlite(s);
	int progress = s->import_kind == TZ_IMPORT_PROGRESS;

	import_release(ss);
	if (!sqlite3_get_autocommit(ss->db))
		exec(ss, "ROLLBACK", NULL);
	if (progress)
		exec(ss, "PRAGMA foreign_keys=ON", NULL);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

/*
 * The bulletin reads projects and this year's running totals side by side,
 * both in project id order (a merge join), so it touches each row once.
 * A project with no row for the year has either not reported yet (no
 * status) or stopped reporting in an earlier year (its last status holds).
 */
static int sqlite_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err)
{
	static const char *const key_cols[] = { "region", "category", "level" };
	struct sqlite_store *ss = to_sqlite(s);
	struct tz_period p = tz_bulletin_period(b);
	sqlite3_stmt *proj = NULL, *tot = NULL, *prev = NULL;
	char sql[256];
	int64_t tot_id = -1;
	int rc, trc = SQLITE_ROW;

	snprintf(sql, sizeof(sql),
		 "SELECT id, code, name, region, %s, total, annual FROM project ORDER BY id",
		 key_cols[tz_bulletin_by(b)]);
	if ((rc = prepare(ss, sql, &proj, err)))
		goto out;
	snprintf(sql, sizeof(sql),
		 "SELECT project_id, ytd%d, st%d FROM project_year WHERE year = ?1"
		 " ORDER BY project_id", p.month, p.month);
	if ((rc = prepare(ss, sql, &tot, err)))
		goto out;
	if ((rc = prepare(ss, "SELECT st12 FROM project_year WHERE project_id = ?1 AND year < ?2"
			      " ORDER BY year DESC LIMIT 1", &prev, err)))
		goto out;
	sqlite3_bind_int(tot, 1, p.year);
	sqlite3_bind_int(prev, 2, p.year);

	/* One read transaction, so both statements see the same data. */
	if ((rc = exec(ss, "BEGIN", err)))
		goto out;
	while ((rc = sqlite3_step(proj)) == SQLITE_ROW) {
		struct tz_bulletin_row row;
		int64_t id = sqlite3_column_int64(proj, 0);
		int status = TZ_STATUS_NONE;

		row.code = col_text(proj, 1);
		row.name = col_text(proj, 2);
		row.region = col_text(proj, 3);
		row.key = col_text(proj, 4);
		row.total = sqlite3_column_int64(proj, 5);
		row.annual = sqlite3_column_int64(proj, 6);
		row.ytd = 0;
		while (trc == SQLITE_ROW && tot_id < id) {
			trc = sqlite3_step(tot);
			tot_id = trc == SQLITE_ROW ? sqlite3_column_int64(tot, 0) : INT64_MAX;
		}
		if (trc != SQLITE_ROW && trc != SQLITE_DONE) {
			rc = trc;
			break;
		}
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
		tz_bulletin_add(b, &row);
	}
	if (rc != SQLITE_DONE)
		rc = db_error(ss, err, "bulletin");
	else
		rc = 0;
	exec(ss, "COMMIT", NULL);
out:
	sqlite3_finalize(proj);
	sqlite3_finalize(tot);
	sqlite3_finalize(prev);
	return rc;
}

static int sqlite_each_project(struct tz_store *s, int (*fn)(void *, const struct tz_project *),
			       void *ctx, struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	sqlite3_stmt *st;
	int rc;

	rc = prepare(ss, "SELECT code, name, region, category, level, nature, owner, leader,"
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
	return rc == SQLITE_DONE ? 0 : db_error(ss, err, "projects");
}

static int sqlite_each_progress(struct tz_store *s, int (*fn)(void *, const struct tz_progress *),
				void *ctx, struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	sqlite3_stmt *st;
	int rc;

	rc = prepare(ss, "SELECT p.code, r.period, r.completed, r.status, r.progress_text, r.problem"
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
	return rc == SQLITE_DONE ? 0 : db_error(ss, err, "progress");
}

static int sqlite_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err)
{
	struct sqlite_store *ss = to_sqlite(s);
	int64_t n, lo, hi;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = query_int(ss, "SELECT count(*) FROM project", &n, err)))
		return rc;
	out->projects = (long)n;
	if ((rc = query_int(ss, "SELECT count(*) FROM progress", &n, err)))
		return rc;
	out->reports = (long)n;
	if ((rc = query_int(ss, "SELECT min(period) FROM progress", &lo, err)) ||
	    (rc = query_int(ss, "SELECT max(period) FROM progress", &hi, err)))
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
	.import_begin = sqlite_import_begin,
	.import_project = sqlite_import_project,
	.import_progress = sqlite_import_progress,
	.import_commit = sqlite_import_commit,
	.import_abort = sqlite_import_abort,
	.bulletin = sqlite_bulletin,
	.each_project = sqlite_each_project,
	.each_progress = sqlite_each_progress,
	.summary = sqlite_summary,
};
