/*
 * store-internal.h: what a storage backend implements (after git's
 * refs-internal.h). Each backend embeds struct tz_store first in its own
 * struct and downcasts with a check of `ops`.
 */
#ifndef TZ_STORE_INTERNAL_H
#define TZ_STORE_INTERNAL_H

#include "store/store.h"

struct tz_store_ops {
	const char *name;
	/* Open `target` (the URI without "sqlite:"); flags and `upgraded`
	 * as tz_store_open (upgraded is never NULL and zeroed). */
	int (*open)(struct tz_store **out, const char *target, int flags,
		    struct tz_store_upgrade *upgraded, struct tz_err *err);
	void (*close)(struct tz_store *s);
	const char *(*path)(const struct tz_store *s);
	int (*version)(struct tz_store *s, int64_t *out, struct tz_err *err);
	int (*import_begin)(struct tz_store *s, enum tz_import_kind kind, const char *source,
			    struct tz_err *err);
	int (*import_project)(struct tz_store *s, const struct tz_project *p, struct tz_err *err);
	int (*import_progress)(struct tz_store *s, const struct tz_progress *r, struct tz_err *err);
	int (*import_org)(struct tz_store *s, const struct tz_org_node *n, int64_t *id,
			  struct tz_err *err);
	int (*import_commit)(struct tz_store *s, struct tz_import_stats *stats, struct tz_err *err);
	void (*import_abort)(struct tz_store *s);
	int (*org_load)(struct tz_store *s, struct tz_org_index *x, struct tz_err *err);
	int (*org_save)(struct tz_store *s, const struct tz_org_index *x,
			struct tz_org_stats *stats, struct tz_err *err);
	int (*bulletin)(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);
	int (*each_project)(struct tz_store *s, int year, int (*fn)(void *, const struct tz_project *),
			    void *ctx, struct tz_err *err);
	int (*each_progress)(struct tz_store *s, int (*fn)(void *, const struct tz_progress *),
			     void *ctx, struct tz_err *err);
	int (*summary)(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err);
};

struct tz_store {
	const struct tz_store_ops *ops;
	int importing;  /* an import is open */
	enum tz_import_kind import_kind;
};

extern const struct tz_store_ops tz_store_sqlite_ops;

#endif
