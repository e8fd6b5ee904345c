/*
 * store.h: the one storage interface. No SQL exists outside src/store/.
 *
 * A store is opened from a URI: "postgres://…" or "postgresql://…" for
 * PostgreSQL, "sqlite:PATH" or a plain PATH for SQLite (the embedded
 * default). Only an open with TZ_STORE_CREATE creates a database; only
 * one with TZ_STORE_UPGRADE upgrades an older schema (docs/internals/
 * store.md). Nothing in this interface names a backend's types or SQL.
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
#include "core/org.h"
#include "core/period.h"
#include "core/progress.h"
#include "core/project.h"

struct tz_store;

enum tz_store_open_flags {
	TZ_STORE_CREATE = 1,   /* create the database if it does not exist, or is empty */
	TZ_STORE_UPGRADE = 2,  /* upgrade a database of an earlier schema (taizhang init) */
	TZ_STORE_NEW = 4,      /* with CREATE: refuse a database that already holds data */
};

/* What an upgrade did, for `init` to print (ledger.md, the upgrade rule). */
struct tz_store_upgrade {
	int from_version;       /* 0: no upgrade happened */
	int to_version;
	long projects;          /* projects carried over */
	long ledger_rows;       /* yearly ledger rows made */
	long unplanned_rows;    /* of which without a plan (years with reports only) */
	long org_nodes;         /* organisation nodes made from regions and units */
};

/*
 * Open the store at `uri` with TZ_STORE_* flags; the caller closes it
 * with tz_store_close(). Errors (err names the path):
 *   TZ_ENOTFOUND  no database there and no TZ_STORE_CREATE
 *   TZ_EINVAL     the file is not a Taizhang database (left untouched)
 *   TZ_EEXIST     TZ_STORE_NEW and the database already holds data
 *   TZ_ESTORE     an earlier schema without TZ_STORE_UPGRADE ("run init"),
 *                 a newer one, or the database failed
 * `upgraded` (may be NULL) is filled when TZ_STORE_UPGRADE upgraded it.
 */
int tz_store_open(struct tz_store **out, const char *uri, int flags,
		  struct tz_store_upgrade *upgraded, struct tz_err *err);

/*
 * The file backing the store (for refusing to write a report over it),
 * or NULL for a server database. Valid while the store is open.
 */
const char *tz_store_path(const struct tz_store *s);

/*
 * A number that changes whenever anything the bulletin or pages read
 * changes (imports, saves, tree edits), for caches (web.md "Pages that
 * summarise"). 0 or TZ_ESTORE.
 */
int tz_store_version(struct tz_store *s, int64_t *out, struct tz_err *err);

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

/*
 * Start an import of `kind` read from `source` (a file name, for the
 * record). Only one import is open at a time. The import is one
 * transaction: nothing of it is visible until the commit.
 */
int tz_store_import_begin(struct tz_store *s, enum tz_import_kind kind,
			  const char *source, struct tz_err *err);

/*
 * Add one validated row to the open import.
 * Projects (a yearly ledger row): region_id must name a region node and
 * unit_id a node or be 0 (the import resolves names with the tree). The
 * project is created or its project-level fields corrected; its ledger
 * row for p->year created or replaced. TZ_EEXIST if the same code and
 * year already came earlier in this import.
 * Progress: TZ_ENOTFOUND if the project is unknown or not in the ledger
 * of the report's year (the message says which); TZ_EEXIST if the same
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
 * Inside an open import of projects: store a new organisation node (the
 * tree built from the first ledger). Its parent must be stored already.
 * *id receives the node's id. 0, TZ_EEXIST (code taken) or TZ_ESTORE.
 */
int tz_store_import_org(struct tz_store *s, const struct tz_org_node *n, int64_t *id,
			struct tz_err *err);

/* ------------------------------------------------------------------ */
/* The organisation tree                                               */

/* Add every stored node to `x` (parents before children), with its id. */
int tz_store_org_load(struct tz_store *s, struct tz_org_index *x, struct tz_err *err);

struct tz_org_stats {
	long added;
	long changed;
	long unchanged;
};

/*
 * Merge the tree `x` (already checked with tz_org_index_check) into the
 * store, by code: new codes are added, known ones get the name, parent,
 * kind and aliases of `x`; stored nodes absent from `x` are kept. One
 * transaction. 0, TZ_EINVAL (a change the stored data forbids: a region
 * that projects use turned into a department, say) or TZ_ESTORE.
 */
int tz_store_org_save(struct tz_store *s, const struct tz_org_index *x,
		      struct tz_org_stats *stats, struct tz_err *err);

/*
 * Feed the bulletin one row per project of the ledger of its period's
 * year (tz_bulletin_add), with who was expected to report and who did;
 * the caller then calls tz_bulletin_finish().
 */
int tz_store_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);

/*
 * Call fn for every yearly ledger row of `year` (0: of every year, by
 * year), projects in the order they were first imported, or for every
 * progress report (by project, then period). The struct and its strings
 * are valid only during the call. A non-zero return from fn stops the
 * walk and is returned.
 */
int tz_store_each_project(struct tz_store *s, int year,
			  int (*fn)(void *ctx, const struct tz_project *p),
			  void *ctx, struct tz_err *err);
int tz_store_each_progress(struct tz_store *s,
			   int (*fn)(void *ctx, const struct tz_progress *r),
			   void *ctx, struct tz_err *err);

struct tz_store_summary {
	long projects;
	long ledger_rows;
	int first_year;          /* of the ledgers; 0 when there are none */
	int last_year;
	long reports;
	long org_nodes;
	struct tz_period first;  /* year 0 when there are no reports */
	struct tz_period last;
};

int tz_store_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err);

#endif
