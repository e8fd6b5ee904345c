/*
 * store.h: the one storage interface. No SQL exists outside src/store/.
 *
 * A store is opened from a URI: "postgres://…" or "postgresql://…" for
 * PostgreSQL, "sqlite:PATH" or a plain PATH for SQLite (the embedded
 * default). Opening creates the schema when the database is new.
 *
 * Writes happen in imports: tz_store_import_begin() starts one
 * transaction; rows are added one at a time, each either accepted whole or
 * refused with a reason and nothing written; tz_store_import_commit()
 * makes them visible together and brings the running totals up to date,
 * tz_store_import_abort() leaves the store as it was.
 */
#ifndef TZ_STORE_H
#define TZ_STORE_H

#include <stdint.h>

#include "base/err.h"
#include "core/bulletin.h"
#include "core/period.h"
#include "core/progress.h"
#include "core/project.h"

struct tz_store;

/* Open (creating if needed). The caller closes with tz_store_close(). */
int tz_store_open(struct tz_store **out, const char *uri, struct tz_err *err);

/* Close; NULL is fine. An import still open is aborted. */
void tz_store_close(struct tz_store *s);

/* "sqlite" or "postgres". */
const char *tz_store_backend(const struct tz_store *s);

enum tz_import_kind {
	TZ_IMPORT_PROJECTS,
	TZ_IMPORT_PROGRESS,
};

struct tz_import_stats {
	long added;     /* rows new to the store */
	long replaced;  /* rows that corrected an earlier import */
};

/* Start an import of `kind` read from `source` (a file name, for the
 * record). Only one import is open at a time. */
int tz_store_import_begin(struct tz_store *s, enum tz_import_kind kind,
			  const char *source, struct tz_err *err);

/*
 * Add one validated row to the open import.
 * Projects: TZ_EEXIST if the code already came earlier in this import.
 * Progress: TZ_ENOTFOUND if the project is unknown; TZ_EEXIST if the same
 * project and period already came earlier in this import. A row for a
 * project and period stored by an earlier import replaces it.
 * On any error nothing of the row is written.
 */
int tz_store_import_project(struct tz_store *s, const struct tz_project *p,
			    struct tz_err *err);
int tz_store_import_progress(struct tz_store *s, const struct tz_progress *r,
			     struct tz_err *err);

/* Commit the open import; `stats` may be NULL. */
int tz_store_import_commit(struct tz_store *s, struct tz_import_stats *stats,
			   struct tz_err *err);

/* Roll back the open import, if any. */
void tz_store_import_abort(struct tz_store *s);

/*
 * Feed the bulletin one row per project for its period and grouping
 * (tz_bulletin_add); the caller then calls tz_bulletin_finish().
 */
int tz_store_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);

/*
 * Call fn for every project (in the order they were first imported) or
 * every progress report (by project, then period). The struct and its
 * strings are valid only during the call. A non-zero return from fn stops
 * the walk and is returned.
 */
int tz_store_each_project(struct tz_store *s,
			  int (*fn)(void *ctx, const struct tz_project *p),
			  void *ctx, struct tz_err *err);
int tz_store_each_progress(struct tz_store *s,
			   int (*fn)(void *ctx, const struct tz_progress *r),
			   void *ctx, struct tz_err *err);

struct tz_store_summary {
	long projects;
	long reports;
	struct tz_period first;  /* year 0 when there are no reports */
	struct tz_period last;
};

int tz_store_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err);

#endif
