/* store.c: choose a backend from the URI and dispatch to it. */
#include <string.h>

#include "store/store-internal.h"
#include "base/banned.h"

static int has_prefix(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

int tz_store_open(struct tz_store **out, const char *uri, int flags,
		  struct tz_store_upgrade *upgraded, struct tz_err *err)
{
	struct tz_store_upgrade ignored;

	*out = NULL;
	if (!uri || !*uri)
		return tz_err_set(err, TZ_EUSAGE, "未指定数据库");
	if (has_prefix(uri, "postgres://") || has_prefix(uri, "postgresql://"))
		return tz_err_set(err, TZ_EUSAGE, "本版本尚不支持PostgreSQL：%s", uri);
	if (has_prefix(uri, "sqlite:"))
		uri += strlen("sqlite:");
	if (!upgraded)
		upgraded = &ignored;
	memset(upgraded, 0, sizeof(*upgraded));
	return tz_store_sqlite_ops.open(out, uri, flags, upgraded, err);
}

const char *tz_store_path(const struct tz_store *s)
{
	return s->ops->path(s);
}

int tz_store_version(struct tz_store *s, int64_t *out, struct tz_err *err)
{
	return s->ops->version(s, out, err);
}

void tz_store_close(struct tz_store *s)
{
	if (!s)
		return;
	if (s->importing)
		s->ops->import_abort(s);
	s->ops->close(s);
}

const char *tz_store_backend(const struct tz_store *s)
{
	return s->ops->name;
}

int tz_store_import_begin(struct tz_store *s, enum tz_import_kind kind,
			  const char *source, struct tz_err *err)
{
	int rc;

	if (s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "an import is already open");
	rc = s->ops->import_begin(s, kind, source, err);
	if (!rc) {
		s->importing = 1;
		s->import_kind = kind;
	}
	return rc;
}

int tz_store_import_project(struct tz_store *s, const struct tz_project *p,
			    struct tz_err *err)
{
	if (!s->importing || s->import_kind != TZ_IMPORT_PROJECTS)
		return tz_err_set(err, TZ_EINTERNAL, "no project import is open");
	return s->ops->import_project(s, p, err);
}

int tz_store_import_progress(struct tz_store *s, const struct tz_progress *r,
			     struct tz_err *err)
{
	if (!s->importing || s->import_kind != TZ_IMPORT_PROGRESS)
		return tz_err_set(err, TZ_EINTERNAL, "no progress import is open");
	return s->ops->import_progress(s, r, err);
}

int tz_store_import_org(struct tz_store *s, const struct tz_org_node *n, int64_t *id,
			struct tz_err *err)
{
	if (!s->importing || s->import_kind != TZ_IMPORT_PROJECTS)
		return tz_err_set(err, TZ_EINTERNAL, "no project import is open");
	return s->ops->import_org(s, n, id, err);
}

int tz_store_import_commit(struct tz_store *s, struct tz_import_stats *stats,
			   struct tz_err *err)
{
	struct tz_import_stats ignored;
	int rc;

	if (!s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	rc = s->ops->import_commit(s, stats ? stats : &ignored, err);
	if (rc)
		s->ops->import_abort(s);
	s->importing = 0;
	return rc;
}

void tz_store_import_abort(struct tz_store *s)
{
	if (!s->importing)
		return;
	s->ops->import_abort(s);
	s->importing = 0;
}

int tz_store_org_load(struct tz_store *s, struct tz_org_index *x, struct tz_err *err)
{
	return s->ops->org_load(s, x, err);
}

int tz_store_org_save(struct tz_store *s, const struct tz_org_index *x,
		      struct tz_org_stats *stats, struct tz_err *err)
{
	struct tz_org_stats ignored;

	if (s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "an import is open");
	return s->ops->org_save(s, x, stats ? stats : &ignored, err);
}

int tz_store_bulletin(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err)
{
	return s->ops->bulletin(s, b, err);
}

int tz_store_each_project(struct tz_store *s, int year,
			  int (*fn)(void *ctx, const struct tz_project *p),
			  void *ctx, struct tz_err *err)
{
	return s->ops->each_project(s, year, fn, ctx, err);
}

int tz_store_each_progress(struct tz_store *s,
			   int (*fn)(void *ctx, const struct tz_progress *r),
			   void *ctx, struct tz_err *err)
{
	return s->ops->each_progress(s, fn, ctx, err);
}

int tz_store_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err)
{
	return s->ops->summary(s, out, err);
}
