/*
 * sqlite-web.h: what the SQLite backend's web files (sqlite-web.c,
 * sqlite-list.c) share: a query built from filters with its bindings,
 * copying columns into an arena, and the audit row written inside a
 * change's transaction.
 */
#ifndef TZ_SQLITE_WEB_H
#define TZ_SQLITE_WEB_H

#include "base/arena.h"
#include "base/buf.h"
#include "store/sqlite-internal.h"

/* A query assembled from optional filters: SQL text plus its bindings in
 * order of their "?" placeholders. */
struct sqlite_qb {
	struct tz_buf sql;
	struct sqlite_qb_bind {
		const char *text;  /* NULL: an integer */
		int64_t num;
	} *binds;
	size_t nbinds, alloc;
};

void tz_qb_init(struct sqlite_qb *q);
void tz_qb_release(struct sqlite_qb *q);
/* Append SQL text. */
void tz_qb_sql(struct sqlite_qb *q, const char *sql);
/* Append "?" bound to an integer, or to a text (borrowed until bound). */
void tz_qb_int(struct sqlite_qb *q, int64_t v);
void tz_qb_text(struct sqlite_qb *q, const char *s);
/* Append "(?, ?, …)" bound to ids; "(NULL)" when n is 0 (matches nothing). */
void tz_qb_ids(struct sqlite_qb *q, const int64_t *ids, size_t n);
/* Append "? ESCAPE '\'" bound to a LIKE pattern: `pre`, then `s` with
 * % _ and \ escaped, then `post` ("%" or ""); the text is kept in `a`. */
void tz_qb_like(struct sqlite_qb *q, struct tz_arena *a, const char *pre, const char *s,
		const char *post);
/* Prepare the query and bind everything; the caller finalizes. */
int tz_qb_prepare(struct sqlite_store *ss, struct sqlite_qb *q, sqlite3_stmt **st,
		  struct tz_err *err);

/* A column's text copied into `a` ("" for NULL). */
char *tz_sqlite_adup(struct tz_arena *a, sqlite3_stmt *st, int col);

/* Insert an audit row; inside the caller's transaction. 0 or TZ_ESTORE. */
int tz_sqlite_audit(struct sqlite_store *ss, const struct tz_actor *who, const char *action,
		    const char *object, const char *old_value, const char *new_value,
		    struct tz_err *err);

#endif
