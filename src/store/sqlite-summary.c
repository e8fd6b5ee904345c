/*
 * sqlite-summary.c: the audit row of a dispatch change made through the
 * web (store.h, tz_store_audit_next): kept on the connection until the
 * next dispatch write commits (then written inside its transaction) or
 * aborts (then dropped).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

struct sqlite_audit_next {
	struct tz_actor who;
	char *origin;
	char *action;
	char *object;
	char *old_value;  /* NULL: none */
	char *new_value;
};

static char *dup_or_null(const char *s)
{
	return s ? tz_xstrdup(s) : NULL;
}

void tz_sqlite_audit_clear(struct tz_store *s)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_audit_next *a = ss->audit_next;

	if (!a)
		return;
	free(a->origin);
	free(a->action);
	free(a->object);
	free(a->old_value);
	free(a->new_value);
	free(a);
	ss->audit_next = NULL;
}

int tz_sqlite_audit_next(struct tz_store *s, const struct tz_actor *who, const char *action,
			 const char *object, const char *old_value, const char *new_value,
			 struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_audit_next *a = tz_xcalloc(1, sizeof(*a));

	(void)err;
	tz_sqlite_audit_clear(s);
	if (who)
		a->who = *who;
	a->origin = tz_xstrdup(who && who->origin ? who->origin : "");
	a->who.origin = a->origin;
	a->action = tz_xstrdup(action);
	a->object = tz_xstrdup(object ? object : "");
	a->old_value = dup_or_null(old_value);
	a->new_value = dup_or_null(new_value);
	ss->audit_next = a;
	return 0;
}

int tz_sqlite_audit_flush(struct sqlite_store *ss, struct tz_err *err)
{
	struct sqlite_audit_next *a = ss->audit_next;
	int rc;

	if (!a)
		return 0;
	rc = tz_sqlite_audit(ss, &a->who, a->action, a->object, a->old_value, a->new_value, err);
	tz_sqlite_audit_clear(&ss->base);
	return rc;
}
