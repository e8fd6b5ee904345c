/*
 * sqlite-internal.h: what the SQLite backend's files share: the store
 * struct and small statement helpers. Only src/store/sqlite*.c include it.
 */
#ifndef TZ_SQLITE_INTERNAL_H
#define TZ_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "base/buf.h"
#include "store/store-internal.h"

/* Reads map the database (no copy into SQLite's cache); imports do not. */
#define TZ_SQLITE_MMAP_SIZE "1073741824"
/*
 * The page cache of the store's connection in KB (PRAGMA cache_size=-N),
 * and the smaller one of an import (tz_sqlite_import_begin to its end,
 * the bulletin base's refresh included). An import writes its tables
 * in key order, so it needs few pages again once written: with 64 MB
 * the cache took 12,000 more page faults and 3 % more CPU for the
 * yearly ledger's 2.3 million reports than with 16 MB, and 48 MB more
 * memory (bench/README.md, twelfth session).
 */
#define TZ_SQLITE_CACHE_KB "65536"
#define TZ_SQLITE_IMPORT_CACHE_KB "16384"

/* How long a connection waits for another's lock before SQLITE_BUSY. */
#define TZ_SQLITE_BUSY_MS 10000

/* PRAGMA user_version of the current schema, and the application_id
 * ("TZLG") that marks a file as ours. Schema 1 (one plan per project)
 * had no application_id; schema 2 held one `progress` row per report,
 * schema 3 one `progress_year` row per project and year (docs/internals/
 * store.md). */
#define TZ_SQLITE_SCHEMA_VERSION 3

/*
 * project.natcode, the national 项目代码 beside a 项目编号 (audit 9, W14),
 * came after schema 2 was released: a column of `project` (before
 * leader_key, below) added
 * by tz_sqlite_natcode_upgrade to a schema-2 database that lacks it, and
 * one project's only (the unique index over the codes given).
 */
#define TZ_SQLITE_NATCODE_INDEX \
	"CREATE UNIQUE INDEX IF NOT EXISTS project_by_natcode ON project(natcode)" \
	" WHERE natcode <> '';\n"

/*
 * project.leader_key, the 包联领导 without its spaces (U+0020 and U+3000
 * removed, nothing else changed), which the web's 包联领导 filter compares
 * (sqlite-list.c), indexed. It is a plain column written with the
 * project (sqlite-import.c) because an index over the expression
 * replace(replace(leader, ' ', ''), '　', '') calls replace() twice per
 * project at every build, and the import rebuilds it (sqlite-defer.c):
 * 24 M instructions of the 10,000-project benchmark. Added after the
 * natcode by tz_sqlite_leader_upgrade to a schema-2 database without it,
 * filled by that expression, which it replaces in the index.
 */
#define TZ_SQLITE_LEADER_KEY_SQL "replace(replace(leader, ' ', ''), '\xe3\x80\x80', '')"
#define TZ_SQLITE_LEADER_INDEX "CREATE INDEX project_by_leader ON project(leader_key);\n"

#define TZ_SQLITE_APP_ID 0x545A4C47

struct sqlite_import;
struct sqlite_stmt_cache;

struct sqlite_store {
	struct tz_store base;
	sqlite3 *db;
	char *path;
	struct sqlite_import *imp;  /* the open import, or NULL */
	struct sqlite_stmt_cache *stmts;  /* statements kept prepared (sqlite-web.c) */
	struct sqlite_audit_next *audit_next;  /* written by the next dispatch commit
						  (tz_store_audit_next), or NULL */
	/* A file this process cannot write, opened for reading only
	 * (TZ_STORE_READ): 0, or SQLITE_RO_SHARED (mode=ro, SQLite's usual
	 * locks through the -shm), or SQLITE_RO_IMMUTABLE (immutable=1: no
	 * -shm could be had and nothing lay beside the file). */
	int readonly;
	char *uri;  /* the URI of a read-only open, for second connections; or NULL */
};

enum { SQLITE_RO_SHARED = 1, SQLITE_RO_IMMUTABLE = 2 };

/* Downcast, aborting on a store of another backend (a bug). */
struct sqlite_store *tz_sqlite_from(struct tz_store *s);

/* Set err from the connection's last error; returns TZ_ESTORE. */
int tz_sqlite_error(struct sqlite_store *ss, struct tz_err *err, const char *what);

/*
 * Switch the file's journal to WAL (wal != 0) or to a rollback journal
 * (PRAGMA journal_mode=DELETE), waiting at most wait_ms for another
 * connection's lock; returns 1 when the connection is now in that mode,
 * 0 when it stays as it was. Never an error: SQLite refuses to leave WAL
 * (SQLITE_BUSY) while another connection, in this process or another,
 * has the file open, to enter it while one holds a lock, and to change
 * the mode inside a transaction; either way nothing changes.
 * Leaving WAL checkpoints it into the file and removes it. Used by the
 * imports (sqlite-import.c: a large transaction writes its pages once in
 * a rollback journal, twice in WAL) and by opening, which puts a file an
 * import left in rollback mode back into WAL (docs/internals/store.md).
 */
int tz_sqlite_journal(struct sqlite_store *ss, int wal, int wait_ms);

/*
 * A second connection to the store's file, read-only, opened the way the
 * store was (a read-only store's second connections are read-only the
 * same way: immutable stays immutable), for a thread that reads beside
 * the store's own connection: mapped (the store's TZ_SQLITE_MMAP_SIZE)
 * or through its page cache only (mapped 0: mapped pages count in a
 * process's peak memory), waiting busy_ms for a lock (0: never). NULL
 * when none can be had (an in-memory database, a lock, out of memory):
 * the caller then reads on ss->db. The caller sqlite3_close()s it.
 */
sqlite3 *tz_sqlite_open_reader(struct sqlite_store *ss, int mapped, int busy_ms);

/* Run SQL without results. 0 or TZ_ESTORE. */
int tz_sqlite_exec(struct sqlite_store *ss, const char *sql, struct tz_err *err);

/* Prepare; the caller finalizes. 0 or TZ_ESTORE. */
int tz_sqlite_prepare(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		      struct tz_err *err);

/* Step a statement that returns no row, then reset it. 0 or TZ_ESTORE. */
int tz_sqlite_step(struct sqlite_store *ss, sqlite3_stmt *st, struct tz_err *err);

/* Advance `st`, a statement ordered by its first column (an id), to the
 * row of `id`, for a merge join of statements read side by side, ids
 * asked in ascending order: *state is the last sqlite3_step result and
 * *at the id of the row it is on (SQLITE_ROW and -1 before the first
 * step). 1 when positioned on `id`, 0 when there is none, -1 when a step
 * failed (sqlite3_errmsg says why). */
int tz_sqlite_seek(sqlite3_stmt *st, int *state, int64_t *at, int64_t id);

/* The integer of a one-row, one-column query (0 for NULL or no row). */
int tz_sqlite_query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
			struct tz_err *err);

/* A column's text, "" for NULL. */
const char *tz_sqlite_text(sqlite3_stmt *st, int col);

/* Mark a change for caches (tz_store_version); inside the writing transaction. */
int tz_sqlite_bump_version(struct sqlite_store *ss, struct tz_err *err);

/* Schema (sqlite-schema.c): the DDL of the current schema's tables,
 * except the reports (progress_year and its view progress) when
 * `with_progress` is 0 (the upgrade from schema 1 keeps its table). */
void tz_sqlite_schema_sql(struct tz_buf *sql, int with_progress);

/*
 * The reports (schema 3): progress_year holds one row per project and
 * year; month N's report is in completedN (0.01 万元), statusN (enum
 * tz_status), textN (形象进度), problemN (存在问题) and batchN
 * (import_batch id), all five NULL when the month has no report (a CHECK
 * keeps them together). The view progress(project_id, period, completed,
 * status, progress_text, problem, batch) gives one row per report, as the
 * table of schema 2 did, for readers that are not hot; a lookup by
 * project_id seeks its rows. _sql appends the DDL of both.
 */
void tz_sqlite_progress_sql(struct tz_buf *sql);
/* The select list "completed1, status1, text1, problem1, …" for months
 * 1..12 of the columns `which` names in order ('c' completed, 's'
 * status, 't' text, 'p' problem, 'b' batch), each prefixed by `prefix`
 * ("r." or ""), appended to sql with a leading ", " unless `first`. */
void tz_sqlite_month_cols(struct tz_buf *sql, const char *prefix, const char *which, int first);

/*
 * Deferred indexes (sqlite-defer.c), for a bulk write inside an open
 * transaction: _defer drops `table`'s non-unique CREATE INDEX indexes and
 * appends their CREATE statements to `create`; _build runs and empties
 * `create` (before COMMIT). An index that cannot be dropped is kept and
 * updated row by row, so _defer fails only when the transaction is lost.
 */
int tz_sqlite_defer_indexes(struct sqlite_store *ss, const char *table, struct tz_buf *create,
			    struct tz_err *err);
int tz_sqlite_build_deferred(struct sqlite_store *ss, struct tz_buf *create, struct tz_err *err);

/*
 * Multi-row inserts (sqlite-batch.c): `head` is "INSERT INTO t(cols)",
 * `tail` what follows the VALUES (an ON CONFLICT clause, or ""). Fill a
 * row with ncols calls of _int/_null/_text (text is copied), then
 * _end_row, which writes TZ_SQLITE_BATCH_ROWS rows at a time; _flush
 * writes what is left (before COMMIT, or before reading the table). The
 * statements are finalized by _release, which must precede COMMIT.
 */
#define TZ_SQLITE_BATCH_ROWS 64
struct tz_sqlite_cell {
	int64_t i;
	size_t off;  /* text: offset in text */
	int len;     /* text: byte length; negative: an integer or NULL */
};
struct tz_sqlite_batch {
	sqlite3_stmt *many;  /* inserts TZ_SQLITE_BATCH_ROWS rows */
	sqlite3_stmt *one;   /* inserts one row, for the last few */
	sqlite3_stmt *fresh_many, *fresh_one;  /* the same without tail, or NULL */
	int stored;          /* rows since the last flush that may be stored */
	int ncols;
	int nrows;
	int col;             /* next column of the row being filled */
	struct tz_sqlite_cell *vals;
	struct tz_buf text;
};
int tz_sqlite_batch_prepare(struct sqlite_store *ss, struct tz_sqlite_batch *b, const char *head,
			    const char *tail, int ncols, struct tz_err *err);
/*
 * For a batch whose tail is an upsert: `head` ("INSERT OR FAIL INTO
 * t(cols)") without a tail writes the rows whenever none of them may be
 * stored, i.e. no _may_exist since the last flush. SQLite then keeps no
 * statement journal (a statement that may abort, as an upsert's DO UPDATE
 * always may, copies every page it changes that existed before it into
 * one, in 1 KB mallocs). Rows stay in order, so a key written twice in a
 * batch goes through the upsert. OR FAIL keeps the rows before a failing
 * one: the caller must roll back its transaction on any error, as imports
 * do. 0, or TZ_ESTORE.
 */
int tz_sqlite_batch_prepare_fresh(struct sqlite_store *ss, struct tz_sqlite_batch *b,
				  const char *head, struct tz_err *err);
/* The row being filled may be stored already (or was written earlier in
 * the same transaction): the batch it is in goes through the upsert. */
void tz_sqlite_batch_may_exist(struct tz_sqlite_batch *b);
void tz_sqlite_batch_int(struct tz_sqlite_batch *b, int64_t v);
void tz_sqlite_batch_null(struct tz_sqlite_batch *b);
void tz_sqlite_batch_text(struct tz_sqlite_batch *b, const char *s);
int tz_sqlite_batch_end_row(struct sqlite_store *ss, struct tz_sqlite_batch *b,
			    struct tz_err *err);
int tz_sqlite_batch_flush(struct sqlite_store *ss, struct tz_sqlite_batch *b, struct tz_err *err);
void tz_sqlite_batch_release(struct tz_sqlite_batch *b);

/* Running totals (sqlite-years.c). project_year has 30 columns: year,
 * project_id, ytd1..12, st1..12, rep, prob, pmonth, ptext. */
#define TZ_SQLITE_YEAR_COLS 30
/* A batch of project_year rows (INSERT OR REPLACE); flush before reading
 * the table, release before COMMIT. `fresh`: rows for projects with none
 * stored (INSERT OR FAIL: no statement journal, see sqlite-import.c's
 * fresh_head; a stored row fails the statement, and the caller must then
 * roll back its transaction). */
int tz_sqlite_years_prepare(struct sqlite_store *ss, struct tz_sqlite_batch *b, int fresh,
			    struct tz_err *err);
/* Add every year of one project's running totals to the batch. */
int tz_sqlite_years_write(struct sqlite_store *ss, struct tz_sqlite_batch *b, int64_t project,
			  const struct tz_report_years *y, struct tz_err *err);
/*
 * Recompute project_year from the progress table: for every project when
 * `only` is NULL (its rows are deleted first), else for the projects id
 * (1..max_id) whose only[id] has `flag`.
 */
int tz_sqlite_years_rebuild(struct sqlite_store *ss, const unsigned char *only, int64_t max_id,
			    unsigned char flag, struct tz_err *err);
/*
 * The same, writing for project id only the years from from[id] on
 * (from: by project id, 1..max_id, as `only`; 0 writes every year). A
 * year's running totals depend on its reports and earlier ones only
 * (tz_report_years_each), so when no report before from[id] changed, the
 * stored rows of the earlier years are already what the rebuild would
 * write: an import adding a month to years of reports rewrites one row
 * per project, not one per year. from NULL: tz_sqlite_years_rebuild.
 */
int tz_sqlite_years_rebuild_from(struct sqlite_store *ss, const unsigned char *only,
				 int64_t max_id, unsigned char flag, const int16_t *from,
				 struct tz_err *err);

/* Upgrade a schema-1 database (sqlite-upgrade.c); inside no transaction. */
/* Add project.natcode to a schema-2 database without it (sqlite-upgrade.c). */
int tz_sqlite_natcode_upgrade(struct sqlite_store *ss, struct tz_err *err);
/* Adds project.leader_key (above) to a schema-2 database without it, in
 * one transaction: the column, filled from leader, and the 包联领导
 * index over it instead of the expression. 0, or the store's error. */
int tz_sqlite_leader_upgrade(struct sqlite_store *ss, struct tz_err *err);
int tz_sqlite_upgrade(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err);
/*
 * Schema 2 to 3, inside the caller's transaction with foreign keys off:
 * the per-report table `progress` is renamed aside, progress_year and
 * the view are created, every report is copied into its year row, and
 * the old table dropped. Nothing else changes (project_year holds the
 * same totals). 0, or the store's error (the caller rolls back).
 */
int tz_sqlite_progress_upgrade(struct sqlite_store *ss, struct tz_err *err);
/* `taizhang init` on a schema-2 database: the natcode and leader_key
 * columns if missing, then tz_sqlite_progress_upgrade, user_version 3, in
 * one transaction (up->from_version 2). Inside no transaction. */
int tz_sqlite_upgrade2(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err);

/*
 * Fold the project codes earlier versions stored full-width (P2025０００１)
 * as imports and lookups now fold them (tz_project_code_fold), in one
 * transaction; up->codes_folded and up->codes_list say what changed. Two
 * codes that fold to one (with each other, or with a code stored folded)
 * are TZ_EEXIST with a Chinese message listing them, and nothing changes.
 * Called by `taizhang init` only (TZ_STORE_UPGRADE): other commands work
 * on such a database as before. Inside no transaction.
 */
int tz_sqlite_fold_codes(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err);

/* Imports (sqlite-import.c). */
int tz_sqlite_import_keep(struct tz_store *s, unsigned keep, struct tz_err *err);
int tz_sqlite_import_begin(struct tz_store *s, enum tz_import_kind kind, const char *source,
			   struct tz_err *err);
int tz_sqlite_import_project(struct tz_store *s, const struct tz_project *p,
			     struct tz_err *err);
int tz_sqlite_import_progress(struct tz_store *s, const struct tz_progress *r,
			      struct tz_err *err);
int tz_sqlite_import_held(struct tz_store *s, struct tz_import_held *out, struct tz_err *err);
int64_t tz_sqlite_import_last_id(struct tz_store *s);
void tz_sqlite_import_prefetch(struct tz_store *s, const char *code);
int tz_sqlite_import_counts(struct tz_store *s, struct tz_import_stats *out,
			    struct tz_err *err);
int tz_sqlite_import_commit(struct tz_store *s, struct tz_import_stats *stats,
			    struct tz_err *err);
void tz_sqlite_import_abort(struct tz_store *s);

/* The organisation tree (sqlite-org.c). */
int tz_sqlite_org_insert(struct sqlite_store *ss, const struct tz_org_node *n,
			 int64_t *id, struct tz_err *err);
int tz_sqlite_import_org(struct tz_store *s, const struct tz_org_node *n, int64_t *id,
			 struct tz_err *err);
int tz_sqlite_org_load(struct tz_store *s, struct tz_org_index *x, struct tz_err *err);
int tz_sqlite_org_save(struct tz_store *s, const struct tz_org_index *x, const char *file,
		       const struct tz_actor *who, struct tz_org_stats *stats,
		       struct tz_err *err);

/* The bulletin (sqlite-bulletin.c). */
int tz_sqlite_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);
int tz_sqlite_bulletin_where(struct tz_store *s, struct tz_bulletin *b,
			     const struct tz_project_filter *f, struct tz_err *err);

/*
 * The bulletin base (sqlite-bulletin-base.c; docs/internals/bulletin.md).
 *
 * tz_sqlite_bulletin_base_build: (re)build the base of `year` in its own
 * write transaction, stamped with the store_version it read, unless the
 * stored one is current. Does nothing on a read-only connection or inside
 * an open transaction. A year whose values do not fit the packed form
 * (a status over 255, strings past 4 GB) gets no base: bulletins of it
 * keep the SQL path. Reads with a second, read-only connection to the
 * same file in a thread of its own (joined before returning; none when
 * the path is empty or the file cannot be opened again); a part whose
 * stored bytes are already right is only restamped. Also writes the
 * year's side file `<database>-base<year>` (synced, renamed into place)
 * and its nonce row; a file that cannot be written is logged, not an
 * error. 0 or TZ_ESTORE / TZ_ETOOBIG (nothing written).
 *
 * tz_sqlite_bulletin_base_refresh: build the base of the latest year with
 * running totals (the year a bulletin is asked for after a monthly
 * import); called by tz_sqlite_import_commit after its COMMIT, once the
 * import's memory is released. A failure is logged, never reported: the
 * base is a cache and the import is already committed.
 *
 * tz_sqlite_bulletin_base_count: feed b (fresh, not finished) from the
 * base of its period's year when the base is current, with the same rows
 * and rules as tz_sqlite_bulletin_where; `f` as there (NULL: all). The
 * parts are mapped from the side file when it is the base's own, else
 * copied out of SQLite. 0 when
 * counted (b then owns the base's memory, tz_bulletin_borrow), 1 when
 * there is no current base (b untouched: count from SQL instead).
 */
int tz_sqlite_bulletin_base_build(struct sqlite_store *ss, int year, struct tz_err *err);
void tz_sqlite_bulletin_base_refresh(struct sqlite_store *ss);
int tz_sqlite_bulletin_base_count(struct sqlite_store *ss, struct tz_bulletin *b,
				  const struct tz_project_filter *f, struct tz_err *err);

/*
 * The web application (sqlite-web.c, sqlite-list.c; the ops are listed
 * in sqlite.c). tz_sqlite_cached hands out a statement kept prepared for
 * the connection's life, keyed by the address of its SQL (a string
 * literal), reset and with its bindings cleared; the caller resets it
 * after use and never finalizes it. tz_sqlite_cache_free finalizes them
 * all (at close).
 */
int tz_sqlite_cached(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		     struct tz_err *err);
void tz_sqlite_cache_free(struct sqlite_store *ss);
int tz_sqlite_user_add(struct tz_store *s, const struct tz_user *u, const char *password_hash,
		       const struct tz_actor *who, int64_t *id, struct tz_err *err);
int tz_sqlite_user_get(struct tz_store *s, const char *login, int64_t id, struct tz_arena *a,
		       struct tz_user *out, char **password_hash, struct tz_err *err);
int tz_sqlite_user_list(struct tz_store *s, struct tz_arena *a, struct tz_user **out,
			size_t *n, struct tz_err *err);
int tz_sqlite_user_set_password(struct tz_store *s, int64_t id, const char *password_hash,
				const char *keep_session, const struct tz_actor *who,
				struct tz_err *err);
int tz_sqlite_user_set_disabled(struct tz_store *s, int64_t id, int disabled,
				const struct tz_actor *who, struct tz_err *err);
int tz_sqlite_user_demo_count(struct tz_store *s, long *n, struct tz_err *err);
int tz_sqlite_session_add(struct tz_store *s, const char *token_hash, int64_t user_id,
			  const char *csrf, int64_t expires, const struct tz_actor *who,
			  struct tz_err *err);
int tz_sqlite_session_get(struct tz_store *s, const char *token_hash, int64_t now,
			  struct tz_arena *a, struct tz_session *out, struct tz_err *err);
int tz_sqlite_session_touch(struct tz_store *s, const char *token_hash, int64_t expires,
			    struct tz_err *err);
int tz_sqlite_session_end(struct tz_store *s, const char *token_hash,
			  const struct tz_actor *who, struct tz_err *err);
int tz_sqlite_session_purge(struct tz_store *s, int64_t now, long *n, struct tz_err *err);
int tz_sqlite_token_add(struct tz_store *s, const char *hash, int64_t user_id, const char *name,
			int64_t expires, const struct tz_actor *who, int64_t *id,
			struct tz_err *err);
int tz_sqlite_token_user(struct tz_store *s, const char *hash, int64_t now, struct tz_arena *a,
			 struct tz_user *out, struct tz_err *err);
int tz_sqlite_token_list(struct tz_store *s, struct tz_arena *a, struct tz_api_token **out,
			 size_t *n, struct tz_err *err);
int tz_sqlite_token_revoke(struct tz_store *s, int64_t id, const struct tz_actor *who,
			   struct tz_err *err);
int tz_sqlite_audit_add(struct tz_store *s, const struct tz_actor *who, const char *action,
			const char *object, const char *old_value, const char *new_value,
			struct tz_err *err);
int tz_sqlite_audit_list(struct tz_store *s, const struct tz_audit_query *q, struct tz_arena *a,
			 struct tz_audit_entry **out, size_t *n, long *total, struct tz_err *err);
int tz_sqlite_latest(struct tz_store *s, int *first_year, int *last_year, struct tz_period *last,
		     struct tz_err *err);
int tz_sqlite_project_list(struct tz_store *s, const struct tz_project_query *q,
			   int (*fn)(void *, const struct tz_project_row *), void *ctx,
			   long *total, struct tz_err *err);
int tz_sqlite_project_facets(struct tz_store *s, int year, struct tz_arena *a,
			     struct tz_project_facets *out, struct tz_err *err);
int tz_sqlite_project_ledger(struct tz_store *s, const char *code, struct tz_arena *a,
			     struct tz_project **out, size_t *n, struct tz_err *err);
int tz_sqlite_project_reports(struct tz_store *s, const char *code, struct tz_arena *a,
			      struct tz_progress **out, size_t *n, struct tz_err *err);

/* ------------------------------------------------------------------ */
/* Dispatch (sqlite-dispatch.c, sqlite-report.c, sqlite-light.c,       */
/* sqlite-problem.c, sqlite-procedure.c): store.h's "Dispatch" section */

/* A dispatch write: BEGIN IMMEDIATE; commit bumps the store version
 * first; abort rolls back. */
int tz_sqlite_write_begin(struct sqlite_store *ss, struct tz_err *err);
int tz_sqlite_write_commit(struct sqlite_store *ss, struct tz_err *err);
void tz_sqlite_write_abort(struct sqlite_store *ss);

/* CPU time of the calling thread in ms, for log lines (the machine may be
 * shared: wall time alone says little). */
double tz_sqlite_cpu_ms(void);

/* A project's id, region, unit and planned start by code. 0 or
 * TZ_ENOTFOUND ("项目编号“X”不存在", field 项目编号). Any pointer may be NULL. */
int tz_sqlite_project_find(struct sqlite_store *ss, const char *code, int64_t *id,
			   int64_t *region_id, int64_t *unit_id, struct tz_period *planned_start,
			   struct tz_err *err);

/* The dispatches of one period, for finding the one that governs a node
 * (its own, else its nearest ancestor's). */
struct tz_sqlite_dispatches {
	struct tz_org_index *org;
	struct tz_dispatch *d;
	size_t n;
};
int tz_sqlite_dispatches_load(struct sqlite_store *ss, struct tz_period p,
			      struct tz_sqlite_dispatches *ds, struct tz_err *err);
const struct tz_dispatch *tz_sqlite_dispatches_governing(const struct tz_sqlite_dispatches *ds,
							 int64_t node_id);
void tz_sqlite_dispatches_release(struct tz_sqlite_dispatches *ds);

/*
 * One project of the ledger of P's year, as the on-time and light scans
 * read it: a merge join, in project id order, of the year's ledger, the
 * projects, the year's and the previous year's running totals, and the
 * arrivals of P's reports. code, name and leader are NULL until
 * tz_sqlite_year_row_names() reads them (most rows need no text).
 * Valid during the callback only.
 */
struct tz_sqlite_year_row {
	int64_t id;
	const char *code;
	const char *name;
	const char *leader;
	sqlite3_stmt *names;             /* where the names are read from */
	int64_t region_id;
	int64_t unit_id;
	struct tz_period planned_start;  /* year 0: none */
	int has_plan;
	int64_t annual;
	int has_totals;                  /* a project_year row for P's year */
	int64_t ytd[12];                 /* months 1..M of P's year; 0 after M */
	unsigned rep;                    /* months with a report (bit m-1) */
	enum tz_status at_p;             /* status in force at P */
	enum tz_status before;           /* status in force at P-1, across years */
	int reported;                    /* a report for P */
	int has_filing;
	int64_t first_at;                /* the report of P's first arrival */
};
void tz_sqlite_year_row_names(struct tz_sqlite_year_row *r);
int tz_sqlite_scan_year(struct sqlite_store *ss, struct tz_period p,
			int (*fn)(void *ctx, struct tz_sqlite_year_row *r), void *ctx,
			struct tz_err *err);

int tz_sqlite_period_open(struct tz_store *s, int64_t node_id, struct tz_period p,
			  int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_period_close(struct tz_store *s, int64_t node_id, struct tz_period p,
			   int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_period_deadline(struct tz_store *s, int64_t node_id, struct tz_period p,
			      int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_period_each(struct tz_store *s, int64_t node_id,
			  int (*fn)(void *, const struct tz_dispatch *), void *ctx,
			  struct tz_err *err);
int tz_sqlite_period_governing(struct tz_store *s, int64_t node_id, struct tz_period p,
			       struct tz_dispatch *out, struct tz_err *err);
int tz_sqlite_period_current(struct tz_store *s, int64_t node_id, struct tz_dispatch *out,
			     struct tz_err *err);
int tz_sqlite_ontime(struct tz_store *s, struct tz_ontime *o, struct tz_err *err);

/*
 * Reports imported into a dispatched period arrive like saved ones
 * (sqlite-report.c): _begin (inside the import's transaction) gives NULL
 * when no period is dispatched, and then nothing is to be done; _row,
 * for each accepted row before it is written (or found unchanged),
 * records its arrival and keeps a change in the history, and returns 1
 * when the row's period is dispatched (an arrival was recorded), 0 when
 * it is not, or a negative tz_errc; *closed is 1 when the report is new
 * or changed and the dispatch governing its project's region is closed,
 * else 0. _free before COMMIT or ROLLBACK.
 */
struct tz_sqlite_arrivals;
int tz_sqlite_arrivals_begin(struct sqlite_store *ss, struct tz_sqlite_arrivals **out,
			     struct tz_err *err);
int tz_sqlite_arrivals_row(struct sqlite_store *ss, struct tz_sqlite_arrivals *a,
			   int64_t project_id, const struct tz_progress *r, int *closed,
			   struct tz_err *err);
void tz_sqlite_arrivals_free(struct tz_sqlite_arrivals *a);
int tz_sqlite_report_save(struct tz_store *s, const struct tz_report_save *how,
			  const struct tz_progress *reports, size_t n, size_t *failed,
			  struct tz_report_save_stats *stats, struct tz_err *err);
int tz_sqlite_report_each(struct tz_store *s, const int64_t *nodes, size_t nnodes,
			  const char *code, struct tz_period p,
			  int (*fn)(void *, const struct tz_report_view *), void *ctx,
			  struct tz_err *err);
int tz_sqlite_report_history(struct tz_store *s, const char *code, struct tz_period p,
			     int (*fn)(void *, const struct tz_report_change *), void *ctx,
			     struct tz_err *err);
int tz_sqlite_lights(struct tz_store *s, struct tz_period p, struct tz_tally *counts,
		     int (*fn)(void *, const struct tz_light_row *), void *ctx, struct tz_err *err);
int tz_sqlite_problem_add(struct tz_store *s, const char *code, struct tz_period from,
			  const struct tz_problem *p, int64_t *id, int64_t user_id, int64_t at,
			  struct tz_err *err);
int tz_sqlite_problem_update(struct tz_store *s, const struct tz_problem *p, int64_t user_id,
			     int64_t at, struct tz_err *err);
int tz_sqlite_problem_move(struct tz_store *s, int64_t id, enum tz_problem_status to,
			   const char *note, int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_problem_each(struct tz_store *s, struct tz_tally *within, unsigned status_mask,
			   int64_t id, int (*fn)(void *, const struct tz_problem_row *), void *ctx,
			   struct tz_err *err);
int tz_sqlite_problem_events(struct tz_store *s, int64_t id,
			     int (*fn)(void *, const struct tz_problem_event *), void *ctx,
			     struct tz_err *err);
int tz_sqlite_problem_counts(struct tz_store *s, struct tz_tally *counts, int32_t today,
			     struct tz_err *err);
int tz_sqlite_procedure_kinds(struct tz_store *s,
			      int (*fn)(void *, const struct tz_procedure_kind *), void *ctx,
			      struct tz_err *err);
int tz_sqlite_procedure_kind_add(struct tz_store *s, const char *name, int64_t *id,
				 struct tz_err *err);
int tz_sqlite_procedure_kind_active(struct tz_store *s, int64_t id, int active,
				    struct tz_err *err);
int tz_sqlite_procedure_require(struct tz_store *s, const char *code, long *added,
				int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_procedure_set(struct tz_store *s, const struct tz_procedure *p, int64_t user_id,
			    int64_t at, struct tz_err *err);
int tz_sqlite_procedure_each(struct tz_store *s, const char *code,
			     int (*fn)(void *, const struct tz_procedure *), void *ctx,
			     struct tz_err *err);
int tz_sqlite_procedure_counts(struct tz_store *s, struct tz_tally *counts, int32_t from,
			       int32_t to, struct tz_err *err);

/* Audited changes from the web application (store.h, pages-a):
 * sqlite-dispatch.c, sqlite-import.c. */
int tz_sqlite_period_change(struct tz_store *s, enum tz_period_change op, int64_t node_id,
			    struct tz_period p, int64_t deadline, const struct tz_actor *who,
			    struct tz_err *err);
int tz_sqlite_import_audit(struct tz_store *s, const struct tz_actor *who, const char *action,
			   const char *object, const char *new_value, struct tz_err *err);
int tz_sqlite_report_codes(struct tz_store *s, struct tz_period p, const char *const *codes,
			   size_t n, int (*fn)(void *, const struct tz_report_view *), void *ctx,
			   struct tz_err *err);

/* ------------------------------------------------------------------ */
/* Summaries and tracking for the web pages (store.h, pages-b)         */

int tz_sqlite_problem_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t today,
				   const struct tz_project_filter *f, struct tz_err *err);
int tz_sqlite_procedure_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t from,
				     int32_t to, const struct tz_project_filter *f,
				     struct tz_err *err);
int tz_sqlite_problem_note(struct tz_store *s, int64_t id, int action, const char *text,
			   int64_t user_id, int64_t at, struct tz_err *err);
int tz_sqlite_audit_next(struct tz_store *s, const struct tz_actor *who, const char *action,
			 const char *object, const char *old_value, const char *new_value,
			 struct tz_err *err);
void tz_sqlite_audit_clear(struct tz_store *s);
/* Inside a dispatch write's transaction: write the pending audit row, if
 * any, and forget it (tz_sqlite_write_commit calls it). 0 or TZ_ESTORE. */
int tz_sqlite_audit_flush(struct sqlite_store *ss, struct tz_err *err);

#endif
