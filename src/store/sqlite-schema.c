/*
 * sqlite-schema.c: the tables of schema 3 (see docs/internals/store.md).
 *
 *   import_batch   one row per import or tree edit, for the record
 *   org            the organisation tree: regions and departments
 *   project        what describes a project whatever the year
 *   ledger         the yearly ledgers: (year, project) with that year's
 *                  plan (NULL: no plan), level and nature
 *   progress_year  the reports: one row per project and year, a group
 *                  of columns per month (and the view progress, one row
 *                  per report)
 *   project_year   running totals per project and year: cumulative
 *                  completed investment and status in force at each
 *                  month, and which months have a report and a problem
 *   store_version  a counter bumped by every write, for caches
 *
 * and, for the web application (issue 9; web_sql below):
 *   users          people on the organisation tree, their role and hash
 *   sessions       signed-in browsers: a hash of the cookie, the CSRF token
 *   api_tokens     tokens for /api/v1/ (only their hash)
 *   audit          who changed what, when, old and new values
 *
 * and, appended for the dispatch domain (web.md; docs/internals/dispatch.md):
 *
 *   dispatch_period   a node's dispatch of a period: deadline, open/closed
 *   dispatch_event    opening, closing, reopening, deadline changes
 *   report_filing     when each report of a dispatched period first and
 *                     last arrived, and from whom (lateness)
 *   report_history    every save that changed a report: old and new values
 *   problem           问题清单, with problem_event for every change
 *   procedure_kind    the configurable list of 前期手续
 *   project_procedure a project's required procedures and their state
 */
#include "core/procedure.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

static const char tables_sql[] =
	"CREATE TABLE import_batch(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  kind TEXT NOT NULL,\n"
	"  source TEXT NOT NULL,\n"
	"  started_at TEXT NOT NULL DEFAULT (datetime('now')),\n"
	"  accepted INTEGER\n"
	");\n"
	"CREATE TABLE org(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  parent_id INTEGER REFERENCES org(id),\n"
	"  kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 6),\n"
	"  aliases TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE TABLE project(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  code TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  region_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  category TEXT NOT NULL DEFAULT '',\n"
	"  owner TEXT NOT NULL DEFAULT '',\n"
	"  leader TEXT NOT NULL DEFAULT '',\n"
	"  unit_id INTEGER REFERENCES org(id),\n"
	"  years TEXT NOT NULL DEFAULT '',\n"
	"  stage TEXT NOT NULL DEFAULT '',\n"
	"  total INTEGER NOT NULL CHECK(total > 0),\n"
	"  planned_start INTEGER,\n"
	"  batch INTEGER NOT NULL REFERENCES import_batch(id),\n"
	"  natcode TEXT NOT NULL DEFAULT '',\n"
	"  leader_key TEXT NOT NULL DEFAULT ''\n"
	");\n"
	TZ_SQLITE_NATCODE_INDEX
	"CREATE TABLE ledger(\n"
	"  year INTEGER NOT NULL,\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  annual INTEGER CHECK(annual >= 0),\n"
	"  level TEXT NOT NULL DEFAULT '',\n"
	"  nature TEXT NOT NULL DEFAULT '',\n"
	"  batch INTEGER NOT NULL REFERENCES import_batch(id),\n"
	"  PRIMARY KEY(year, project_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE store_version(\n"
	"  id INTEGER PRIMARY KEY CHECK(id = 1),\n"
	"  n INTEGER NOT NULL\n"
	");\n"
	"INSERT INTO store_version VALUES(1, 1);\n";

/*
 * The reports: one row per project and year (schema 3), month N in
 * completedN, statusN, textN, problemN, batchN, all NULL when month N
 * has no report. A year's reports are written, read and recomputed
 * together, so one B-tree entry per year instead of one per report cuts
 * the import's writing by about half (docs/internals/store.md). The
 * view gives the per-report rows of schema 2 to readers that are not
 * hot: its arms each seek by project_id when one is given.
 */
static const char *const month_col[] = { "completed", "status", "text", "problem", "batch" };

void tz_sqlite_month_cols(struct tz_buf *sql, const char *prefix, const char *which, int first)
{
	for (int m = 1; m <= 12; m++)
		for (const char *w = which; *w; w++) {
			const char *name = *w == 'c' ? month_col[0] : *w == 's' ? month_col[1]
					   : *w == 't' ? month_col[2] : *w == 'p' ? month_col[3]
					   : month_col[4];

			tz_buf_addf(sql, "%s%s%s%d", first ? "" : ", ", prefix, name, m);
			first = 0;
		}
}

void tz_sqlite_progress_sql(struct tz_buf *sql)
{
	tz_buf_adds(sql, "CREATE TABLE progress_year(\n"
			 "  project_id INTEGER NOT NULL REFERENCES project(id),\n"
			 "  year INTEGER NOT NULL,\n");
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(sql, "  completed%d INTEGER, status%d INTEGER, text%d TEXT, problem%d TEXT,"
			    " batch%d INTEGER,\n", m, m, m, m, m);
	/* A month holds a whole report or nothing. */
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(sql, "  CHECK(completed%d IS NULL AND status%d IS NULL AND text%d IS NULL"
			    " AND problem%d IS NULL AND batch%d IS NULL OR completed%d >= 0 AND status%d"
			    " BETWEEN 1 AND 5 AND text%d IS NOT NULL AND problem%d IS NOT NULL AND"
			    " batch%d IS NOT NULL),\n", m, m, m, m, m, m, m, m, m, m);
	tz_buf_adds(sql, "  PRIMARY KEY(project_id, year)\n) WITHOUT ROWID;\n"
			 "CREATE VIEW progress(project_id, period, completed, status, progress_text,"
			 " problem, batch) AS\n");
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(sql, "%s SELECT project_id, year * 100 + %d, completed%d, status%d, text%d,"
			    " problem%d, batch%d FROM progress_year WHERE completed%d IS NOT NULL\n",
			    m > 1 ? "  UNION ALL" : " ", m, m, m, m, m, m, m);
	tz_buf_adds(sql, ";\n");
}

/*
 * The web application's tables (issue 9). Times are unix seconds given
 * by the caller, so every backend stores the same numbers; secrets are
 * stored only as hashes (BLAKE2b of the session cookie or API token, the
 * Argon2id string of a password). The project indexes serve the project
 * list of a user's subtree (region, unit) and the 包联领导 filter, which
 * compares texts without spaces (core/user.h): project.leader_key, the
 * 包联领导 without its spaces, written with it (sqlite-import.c); "IF
 * NOT EXISTS" because the ledger's own tables may define the same.
 */
static const char web_sql[] =
	"CREATE TABLE users(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  login TEXT NOT NULL UNIQUE,\n"
	"  name TEXT NOT NULL,\n"
	"  role INTEGER NOT NULL CHECK(role BETWEEN 1 AND 4),\n"
	"  org_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  leader_name TEXT NOT NULL DEFAULT '',\n"
	"  password_hash TEXT NOT NULL,\n"
	"  disabled INTEGER NOT NULL DEFAULT 0,\n"
	"  demo INTEGER NOT NULL DEFAULT 0,\n"
	"  created INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE sessions(\n"
	"  token_hash TEXT PRIMARY KEY,\n"
	"  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	"  csrf TEXT NOT NULL,\n"
	"  created INTEGER NOT NULL,\n"
	"  expires INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX sessions_by_user ON sessions(user_id);\n"
	"CREATE TABLE api_tokens(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  hash TEXT NOT NULL UNIQUE,\n"
	"  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	"  name TEXT NOT NULL DEFAULT '',\n"
	"  created INTEGER NOT NULL,\n"
	"  expires INTEGER,\n"
	"  revoked INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE TABLE audit(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  at INTEGER NOT NULL,\n"
	"  user_id INTEGER REFERENCES users(id),\n"
	"  origin TEXT NOT NULL DEFAULT '',\n"
	"  action TEXT NOT NULL,\n"
	"  object TEXT NOT NULL DEFAULT '',\n"
	"  old_value TEXT,\n"
	"  new_value TEXT\n"
	");\n"
	"CREATE INDEX audit_by_user ON audit(user_id, id);\n"
	"CREATE INDEX IF NOT EXISTS project_by_region ON project(region_id);\n"
	"CREATE INDEX IF NOT EXISTS project_by_unit ON project(unit_id);\n"
	TZ_SQLITE_LEADER_INDEX;

/*
 * The dispatch domain: periods and deadlines, reports saved by people
 * (their arrival and history), problems and procedures. Instants are UTC
 * seconds (core/deadline.h); dates are YYYYMMDD integers, 0 for none;
 * periods YYYYMM. user_id columns hold the web application's user ids
 * as plain integers, without a foreign key until the users table exists
 * (0: the system -- the command line, an import, the demo). Nothing here
 * is SQLite-only but WITHOUT ROWID, a storage choice.
 */
static const char dispatch_sql[] =
	"CREATE TABLE dispatch_period(\n"
	"  node_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  period INTEGER NOT NULL CHECK(period % 100 BETWEEN 1 AND 12),\n"
	"  deadline INTEGER NOT NULL,\n"
	"  state INTEGER NOT NULL CHECK(state IN (1, 2)),\n"
	"  opened_at INTEGER NOT NULL,\n"
	"  opened_by INTEGER NOT NULL,\n"
	"  closed_at INTEGER NOT NULL DEFAULT 0,\n"
	"  closed_by INTEGER NOT NULL DEFAULT 0,\n"
	"  PRIMARY KEY(node_id, period)\n"
	");\n"
	/* action: 1 opened, 2 closed, 3 reopened, 4 deadline changed */
	"CREATE TABLE dispatch_event(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  node_id INTEGER NOT NULL REFERENCES org(id),\n"
	"  period INTEGER NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  user_id INTEGER NOT NULL,\n"
	"  action INTEGER NOT NULL CHECK(action BETWEEN 1 AND 4),\n"
	"  deadline INTEGER NOT NULL\n"
	");\n"
	/* first_as, like report_history.saver: enum tz_saver */
	"CREATE TABLE report_filing(\n"
	"  period INTEGER NOT NULL,\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  first_at INTEGER NOT NULL,\n"
	"  first_by INTEGER NOT NULL,\n"
	"  first_as INTEGER NOT NULL CHECK(first_as BETWEEN 1 AND 3),\n"
	"  last_at INTEGER NOT NULL,\n"
	"  last_by INTEGER NOT NULL,\n"
	"  saves INTEGER NOT NULL,\n"
	"  PRIMARY KEY(period, project_id)\n"
	") WITHOUT ROWID;\n"
	/* old_*: NULL when the save created the report */
	"CREATE TABLE report_history(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  period INTEGER NOT NULL,\n"
	"  at INTEGER NOT NULL,\n"
	"  user_id INTEGER NOT NULL,\n"
	"  saver INTEGER NOT NULL CHECK(saver BETWEEN 1 AND 3),\n"
	"  old_completed INTEGER,\n"
	"  old_status INTEGER,\n"
	"  old_text TEXT,\n"
	"  old_problem TEXT,\n"
	"  new_completed INTEGER NOT NULL,\n"
	"  new_status INTEGER NOT NULL,\n"
	"  new_text TEXT NOT NULL,\n"
	"  new_problem TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX report_history_by_report ON report_history(project_id, period, id);\n"
	/* period: raised from that report (YYYYMM), 0 by hand */
	"CREATE TABLE problem(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  kind INTEGER NOT NULL CHECK(kind BETWEEN 1 AND 8),\n"
	"  solve_level INTEGER NOT NULL CHECK(solve_level BETWEEN 1 AND 4),\n"
	"  unit_id INTEGER REFERENCES org(id),\n"
	"  unit_text TEXT NOT NULL DEFAULT '',\n"
	"  deadline INTEGER NOT NULL DEFAULT 0,\n"
	"  status INTEGER NOT NULL CHECK(status BETWEEN 1 AND 5),\n"
	"  description TEXT NOT NULL,\n"
	"  reason TEXT NOT NULL DEFAULT '',\n"
	"  resolution TEXT NOT NULL DEFAULT '',\n"
	"  period INTEGER NOT NULL DEFAULT 0,\n"
	"  raised_at INTEGER NOT NULL,\n"
	"  raised_by INTEGER NOT NULL,\n"
	"  updated_at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX problem_by_project ON problem(project_id);\n"
	"CREATE UNIQUE INDEX problem_by_report ON problem(project_id, period, kind)"
	" WHERE period <> 0;\n"
	/* action: 1 raised, 2 status moved, 3 fields edited, 4 commented, 5
	 * marked (store.h TZ_PROBLEM_EV_*); from_status 0 when raised */
	"CREATE TABLE problem_event(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  problem_id INTEGER NOT NULL REFERENCES problem(id),\n"
	"  at INTEGER NOT NULL,\n"
	"  user_id INTEGER NOT NULL,\n"
	"  action INTEGER NOT NULL CHECK(action BETWEEN 1 AND 5),\n"
	"  from_status INTEGER NOT NULL,\n"
	"  to_status INTEGER NOT NULL,\n"
	"  note TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX problem_event_by_problem ON problem_event(problem_id, id);\n"
	"CREATE TABLE procedure_kind(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL UNIQUE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK(active IN (0, 1))\n"
	");\n"
	/* done_on: the date obtained (or applied for), YYYYMMDD, 0 none */
	"CREATE TABLE project_procedure(\n"
	"  project_id INTEGER NOT NULL REFERENCES project(id),\n"
	"  kind_id INTEGER NOT NULL REFERENCES procedure_kind(id),\n"
	"  status INTEGER NOT NULL CHECK(status BETWEEN 1 AND 3),\n"
	"  done_on INTEGER NOT NULL DEFAULT 0,\n"
	"  doc_no TEXT NOT NULL DEFAULT '',\n"
	"  updated_at INTEGER NOT NULL,\n"
	"  updated_by INTEGER NOT NULL,\n"
	"  PRIMARY KEY(project_id, kind_id)\n"
	") WITHOUT ROWID;\n";

void tz_sqlite_schema_sql(struct tz_buf *sql, int with_progress)
{
	tz_buf_adds(sql, tables_sql);
	if (with_progress)
		tz_sqlite_progress_sql(sql);
	/* ytdN = completed from January to month N of `year`; stN = status of
	 * the latest report at or before month N, carried over from earlier
	 * years (0 = none yet); rep and prob: bit N-1 when month N has a
	 * report, and when that report names a problem; ptext: the problem
	 * of month pmonth (the latest with one, 0: not known), so that a
	 * bulletin need not read the reports for its lagging list. */
	tz_buf_adds(sql, "CREATE TABLE project_year(\n  year INTEGER NOT NULL,\n"
			 "  project_id INTEGER NOT NULL REFERENCES project(id),\n");
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(sql, "  ytd%d INTEGER NOT NULL,\n", m);
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(sql, "  st%d INTEGER NOT NULL,\n", m);
	tz_buf_adds(sql, "  rep INTEGER NOT NULL,\n  prob INTEGER NOT NULL,\n"
			 "  pmonth INTEGER NOT NULL,\n  ptext TEXT NOT NULL,\n"
			 "  PRIMARY KEY(year, project_id)\n) WITHOUT ROWID;\n"
			 "CREATE INDEX project_year_by_project ON project_year(project_id, year);\n");
	tz_buf_adds(sql, dispatch_sql);
	/* The list of procedures starts as web.md's (core/procedure.h). */
	for (int i = 0; tz_procedure_defaults[i]; i++)
		tz_buf_addf(sql, "INSERT INTO procedure_kind(id, name, seq) VALUES(%d, '%s', %d);\n",
			    i + 1, tz_procedure_defaults[i], i + 1);
	tz_buf_adds(sql, web_sql);
	tz_buf_addf(sql, "PRAGMA application_id=%d;\nPRAGMA user_version=%d;\n",
		    TZ_SQLITE_APP_ID, TZ_SQLITE_SCHEMA_VERSION);
}
