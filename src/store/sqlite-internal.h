/*
 * sqlite-internal.h: what the SQLite backend's files share: the store
 * struct and small statement helpers. Only src/store/sqlite*.c include it.
 */
#ifndef TZ_SQLITE_INTERNAL_H
#define TZ_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "store/store-internal.h"

/* Reads map the database (no copy into SQLite's cache); imports do not. */
#define TZ_SQLITE_MMAP_SIZE "1073741824"

struct sqlite_import;

struct sqlite_store {
	struct tz_store base;
	sqlite3 *db;
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

/* The integer of a one-row, one-column query (0 for NULL or no row). */
int tz_sqlite_query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
			struct tz_err *err);

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

#endif
