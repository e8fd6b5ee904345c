/*
 * store-web.c: the web application's part of the storage interface
 * (store.h, "The web application"): argument checks common to every
 * backend, then dispatch to it.
 */
#include <string.h>

#include "store/store-internal.h"
#include "base/banned.h"

static int busy(struct tz_store *s, struct tz_err *err)
{
	return s->importing ? tz_err_set(err, TZ_EINTERNAL, "an import is open") : 0;
}

int tz_store_user_add(struct tz_store *s, const struct tz_user *u, const char *password_hash,
		      const struct tz_actor *who, int64_t *id, struct tz_err *err)
{
	int64_t ignored;
	int rc;

	if ((rc = busy(s, err)) || (rc = tz_user_validate(u, err)))
		return rc;
	if (!password_hash || !*password_hash)
		return tz_err_set(err, TZ_EINVAL, "缺少密码");
	return s->ops->user_add(s, u, password_hash, who, id ? id : &ignored, err);
}

int tz_store_user_get(struct tz_store *s, const char *login, int64_t id, struct tz_arena *a,
		      struct tz_user *out, char **password_hash, struct tz_err *err)
{
	return s->ops->user_get(s, id ? NULL : login ? login : "", id, a, out, password_hash, err);
}

int tz_store_user_list(struct tz_store *s, struct tz_arena *a, struct tz_user **out, size_t *n,
		       struct tz_err *err)
{
	return s->ops->user_list(s, a, out, n, err);
}

int tz_store_user_set_password(struct tz_store *s, int64_t id, const char *password_hash,
			       const char *keep_session, const struct tz_actor *who,
			       struct tz_err *err)
{
	int rc;

	if ((rc = busy(s, err)))
		return rc;
	if (!password_hash || !*password_hash)
		return tz_err_set(err, TZ_EINVAL, "缺少密码");
	return s->ops->user_set_password(s, id, password_hash, keep_session, who, err);
}

int tz_store_user_set_disabled(struct tz_store *s, int64_t id, int disabled,
			       const struct tz_actor *who, struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->user_set_disabled(s, id, disabled != 0, who, err);
}

int tz_store_user_demo_count(struct tz_store *s, long *n, struct tz_err *err)
{
	return s->ops->user_demo_count(s, n, err);
}

int tz_store_session_add(struct tz_store *s, const char *token_hash, int64_t user_id,
			 const char *csrf, int64_t expires, const struct tz_actor *who,
			 struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->session_add(s, token_hash, user_id, csrf, expires, who, err);
}

int tz_store_session_get(struct tz_store *s, const char *token_hash, int64_t now,
			 struct tz_arena *a, struct tz_session *out, struct tz_err *err)
{
	return s->ops->session_get(s, token_hash, now, a, out, err);
}

int tz_store_session_touch(struct tz_store *s, const char *token_hash, int64_t expires,
			   struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->session_touch(s, token_hash, expires, err);
}

int tz_store_session_end(struct tz_store *s, const char *token_hash, const struct tz_actor *who,
			 struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->session_end(s, token_hash, who, err);
}

int tz_store_session_purge(struct tz_store *s, int64_t now, long *n, struct tz_err *err)
{
	long ignored;
	int rc = busy(s, err);

	return rc ? rc : s->ops->session_purge(s, now, n ? n : &ignored, err);
}

int tz_store_token_add(struct tz_store *s, const char *hash, int64_t user_id, const char *name,
		       int64_t expires, const struct tz_actor *who, int64_t *id,
		       struct tz_err *err)
{
	int64_t ignored;
	int rc = busy(s, err);

	return rc ? rc : s->ops->token_add(s, hash, user_id, name ? name : "", expires, who,
					   id ? id : &ignored, err);
}

int tz_store_token_user(struct tz_store *s, const char *hash, int64_t now, struct tz_arena *a,
			struct tz_user *out, struct tz_err *err)
{
	return s->ops->token_user(s, hash, now, a, out, err);
}

int tz_store_token_list(struct tz_store *s, struct tz_arena *a, struct tz_api_token **out,
			size_t *n, struct tz_err *err)
{
	return s->ops->token_list(s, a, out, n, err);
}

int tz_store_token_revoke(struct tz_store *s, int64_t id, const struct tz_actor *who,
			  struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->token_revoke(s, id, who, err);
}

int tz_store_audit_add(struct tz_store *s, const struct tz_actor *who, const char *action,
		       const char *object, const char *old_value, const char *new_value,
		       struct tz_err *err)
{
	int rc = busy(s, err);

	return rc ? rc : s->ops->audit_add(s, who, action, object ? object : "", old_value,
					   new_value, err);
}

int tz_store_audit_list(struct tz_store *s, const struct tz_audit_query *q, struct tz_arena *a,
			struct tz_audit_entry **out, size_t *n, long *total, struct tz_err *err)
{
	return s->ops->audit_list(s, q, a, out, n, total, err);
}

int tz_store_latest(struct tz_store *s, int *first_year, int *last_year, struct tz_period *last,
		    struct tz_err *err)
{
	return s->ops->latest(s, first_year, last_year, last, err);
}

int tz_store_project_list(struct tz_store *s, const struct tz_project_query *q,
			  int (*fn)(void *ctx, const struct tz_project_row *r), void *ctx,
			  long *total, struct tz_err *err)
{
	if (q->year < TZ_PERIOD_YEAR_MIN || q->year > TZ_PERIOD_YEAR_MAX || q->month < 1 ||
	    q->month > 12 || (unsigned)q->sort >= TZ_PSORT_COUNT || q->offset < 0 || q->limit < 0)
		return tz_err_set(err, TZ_EINVAL, "项目查询条件无效");
	return s->ops->project_list(s, q, fn, ctx, total, err);
}

int tz_store_project_facets(struct tz_store *s, int year, struct tz_arena *a,
			    struct tz_project_facets *out, struct tz_err *err)
{
	return s->ops->project_facets(s, year, a, out, err);
}

int tz_store_project_ledger(struct tz_store *s, const char *code, struct tz_arena *a,
			    struct tz_project **out, size_t *n, struct tz_err *err)
{
	return s->ops->project_ledger(s, code, a, out, n, err);
}

int tz_store_project_reports(struct tz_store *s, const char *code, struct tz_arena *a,
			     struct tz_progress **out, size_t *n, struct tz_err *err)
{
	return s->ops->project_reports(s, code, a, out, n, err);
}
