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

/* PRAGMA user_version of the current schema, and the application_id
 * ("TZLG") that marks a file as ours. Schema 1 (one plan per project)
 * had no application_id. */
#define TZ_SQLITE_SCHEMA_VERSION 2
#define TZ_SQLITE_APP_ID 0x545A4C47

struct sqlite_import;

struct sqlite_store {
	struct tz_store base;
	sqlite3 *db;
	char *path;
	struct sqlite_import *imp;  /* the open import, or NULL */
};

/* Downcast, aborting on a store of another backend (a bug). */
struct sqlite_store *tz_sqlite_from(struct tz_store *s);

/* Set err from the connection's last error; returns TZ_ESTORE. */
int tz_sqlite_error(struct sqlite_store *ss, struct tz_err *err, const char *what);

/* Run SQL without results. 0 or TZ_ESTORE. */
int tz_sqlite_exec(struct sqlite_store *ss, const char *sql, struct tz_err *err);

/* Prepare; the caller finalizes. 0 or TZ_ESTORE. */
int tz_sqlite_prepare(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		      struct tz_err *err);

/* Step a statement that returns no row, then reset it. 0 or TZ_ESTORE. */
int tz_sqlite_step(struct sqlite_store *ss, sqlite3_stmt *st, struct tz_err *err);

/* The integer of a one-row, one-column query (0 for NULL or no row). */
int tz_sqlite_query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
			struct tz_err *err);

/* A column's text, "" for NULL. */
const char *tz_sqlite_text(sqlite3_stmt *st, int col);

/* Mark a change for caches (tz_store_version); inside the writing transaction. */
int tz_sqlite_bump_version(struct sqlite_store *ss, struct tz_err *err);

/* Schema (sqlite-schema.c): the DDL of the current schema's tables,
 * except `progress` when `with_progress` is 0 (the upgrade keeps it). */
void tz_sqlite_schema_sql(struct tz_buf *sql, int with_progress);

/*
 * Running totals (sqlite.c), written from one place whatever changed the
 * reports. _prepare makes the statement that _write uses (the caller
 * finalizes it); _write stores a project's years as tz_report_years
 * derives them; _recompute rereads one project's reports and rewrites
 * all its years (a form save); _rebuild_years recomputes every row.
 */
int tz_sqlite_years_prepare(struct sqlite_store *ss, sqlite3_stmt **ins, struct tz_err *err);
int tz_sqlite_years_write(struct sqlite_store *ss, sqlite3_stmt *ins, int64_t project,
			  const struct tz_report_years *y, struct tz_err *err);
int tz_sqlite_years_recompute(struct sqlite_store *ss, sqlite3_stmt *ins, int64_t project,
			      struct tz_err *err);
int tz_sqlite_rebuild_years(struct sqlite_store *ss, struct tz_err *err);

/* Upgrade a schema-1 database (sqlite-upgrade.c); inside no transaction. */
int tz_sqlite_upgrade(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err);

/* Imports (sqlite-import.c). */
int tz_sqlite_import_begin(struct tz_store *s, enum tz_import_kind kind, const char *source,
			   struct tz_err *err);
int tz_sqlite_import_project(struct tz_store *s, const struct tz_project *p,
			     struct tz_err *err);
int tz_sqlite_import_progress(struct tz_store *s, const struct tz_progress *r,
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
int tz_sqlite_org_save(struct tz_store *s, const struct tz_org_index *x,
		       struct tz_org_stats *stats, struct tz_err *err);

/* The bulletin (sqlite-bulletin.c). */
int tz_sqlite_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);

#endif
