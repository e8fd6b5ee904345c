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
struct sqlite_stmt_cache;

struct sqlite_store {
	struct tz_store base;
	sqlite3 *db;
	char *path;
	struct sqlite_import *imp;  /* the open import, or NULL */
	struct sqlite_stmt_cache *stmts;  /* statements kept prepared (sqlite-web.c) */
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

/* Recompute every project_year row from the progress table. */
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

#endif
