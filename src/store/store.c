/* store.c: choose a backend from the URI and dispatch to it. */
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/user.h"
#include "core/access.h"
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

int tz_store_import_keep(struct tz_store *s, unsigned keep, struct tz_err *err)
{
	if (!s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	return keep ? s->ops->import_keep(s, keep, err) : 0;
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

int tz_store_import_counts(struct tz_store *s, struct tz_import_stats *out,
			   struct tz_err *err)
{
	if (!s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	return s->ops->import_counts(s, out, err);
}

void tz_store_import_prefetch(struct tz_store *s, const char *code)
{
	if (s->importing)
		s->ops->import_prefetch(s, code);
}

int64_t tz_store_import_last_id(struct tz_store *s)
{
	return s->importing ? s->ops->import_last_id(s) : 0;
}

int tz_store_import_held(struct tz_store *s, struct tz_import_held *out, struct tz_err *err)
{
	if (!s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	return s->ops->import_held(s, out, err);
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
	return s->ops->org_save(s, x, NULL, NULL, stats ? stats : &ignored, err);
}

int tz_store_org_change(struct tz_store *s, const struct tz_org_index *x, const char *file,
			const struct tz_actor *who, struct tz_org_stats *stats,
			struct tz_err *err)
{
	struct tz_org_stats ignored;

	if (s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "an import is open");
	if (!who)
		return tz_err_set(err, TZ_EINTERNAL, "an audited change needs an actor");
	return s->ops->org_save(s, x, file ? file : "", who, stats ? stats : &ignored, err);
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

/* The distinct leader keys of the ledgers' projects. */
static int leader_key_of(void *ctx, const struct tz_project *p)
{
	char key[TZ_LEADER_KEY_MAX];

	if (*tz_leader_key(p->leader, key))
		tz_hmap_put(ctx, key, strlen(key), 1, NULL);
	return 0;
}

int tz_store_leader_check(struct tz_store *s, const char *name, struct tz_err *err)
{
	struct tz_hmap *keys = tz_hmap_new();
	const char **list = NULL;
	size_t n = 0, pos = 0, len;
	const char *key;
	int64_t v;
	int rc = tz_store_each_project(s, 0, leader_key_of, keys, err);

	if (!rc) {
		list = tz_xmalloc(tz_st_mult(tz_hmap_count(keys) + 1, sizeof(*list)));
		while (tz_hmap_next(keys, &pos, &key, &len, &v))
			list[n++] = key;  /* stored keys are NUL-terminated */
		rc = tz_leader_check(name, list, n, err);
	}
	free(list);
	tz_hmap_free(keys);
	return rc;
}

int tz_store_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err)
{
	return s->ops->summary(s, out, err);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

/* Dispatch writes run in their own transaction: not inside an import. */
static int no_import(struct tz_store *s, struct tz_err *err)
{
	return s->importing ? tz_err_set(err, TZ_EINTERNAL, "an import is open") : 0;
}

int tz_store_period_open(struct tz_store *s, int64_t node_id, struct tz_period p,
			 int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->period_open(s, node_id, p, deadline, user_id, at, err);
}

int tz_store_period_close(struct tz_store *s, int64_t node_id, struct tz_period p,
			  int64_t user_id, int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->period_close(s, node_id, p, user_id, at, err);
}

int tz_store_period_deadline(struct tz_store *s, int64_t node_id, struct tz_period p,
			     int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->period_deadline(s, node_id, p, deadline, user_id, at, err);
}

int tz_store_period_each(struct tz_store *s, int64_t node_id,
			 int (*fn)(void *ctx, const struct tz_dispatch *d), void *ctx,
			 struct tz_err *err)
{
	return s->ops->period_each(s, node_id, fn, ctx, err);
}

int tz_store_period_governing(struct tz_store *s, int64_t node_id, struct tz_period p,
			      struct tz_dispatch *out, struct tz_err *err)
{
	return s->ops->period_governing(s, node_id, p, out, err);
}

int tz_store_period_current(struct tz_store *s, int64_t node_id, struct tz_dispatch *out,
			    struct tz_err *err)
{
	return s->ops->period_current(s, node_id, out, err);
}

int tz_store_report_save(struct tz_store *s, const struct tz_report_save *how,
			 const struct tz_progress *reports, size_t n, size_t *failed,
			 struct tz_report_save_stats *stats, struct tz_err *err)
{
	struct tz_report_save_stats ignored;
	size_t ignored_at;
	int rc = no_import(s, err);

	if (!failed)
		failed = &ignored_at;
	*failed = 0;
	if (!stats)
		stats = &ignored;
	memset(stats, 0, sizeof(*stats));
	return rc ? rc : s->ops->report_save(s, how, reports, n, failed, stats, err);
}

/*
 * The subtree goes to the backend as the ids of its nodes, so that the
 * query reads the subtree's projects through the region and unit
 * indexes and its cost is that of the node, not of the year's ledger.
 * Every project's region is a node of the tree: the root's subtree is
 * every project, read without a list (as tz_access_scope does). A node
 * that is not in x has no subtree, hence no projects.
 */
int tz_store_report_each(struct tz_store *s, const struct tz_org_index *x, int64_t root_id,
			 struct tz_period p, int (*fn)(void *ctx, const struct tz_report_view *v),
			 void *ctx, struct tz_err *err)
{
	const struct tz_org_node *root = x ? tz_org_index_root(x) : NULL;
	int64_t *nodes = NULL;
	size_t n = 0, alloc = 0;
	int rc;

	if (!x || (root && (!root_id || root_id == root->id)))
		return s->ops->report_each(s, NULL, 0, NULL, p, fn, ctx, err);
	tz_org_subtree(x, root_id, &nodes, &n, &alloc);
	rc = n ? s->ops->report_each(s, nodes, n, NULL, p, fn, ctx, err) : 0;
	free(nodes);
	return rc;
}

int tz_store_report_one(struct tz_store *s, const char *code, struct tz_period p,
			int (*fn)(void *ctx, const struct tz_report_view *v), void *ctx,
			struct tz_err *err)
{
	return s->ops->report_each(s, NULL, 0, code, p, fn, ctx, err);
}

int tz_store_report_history(struct tz_store *s, const char *code, struct tz_period p,
			    int (*fn)(void *ctx, const struct tz_report_change *c), void *ctx,
			    struct tz_err *err)
{
	return s->ops->report_history(s, code, p, fn, ctx, err);
}

int tz_store_ontime(struct tz_store *s, struct tz_ontime *o, struct tz_err *err)
{
	return s->ops->ontime(s, o, err);
}

int tz_store_lights(struct tz_store *s, struct tz_period p, struct tz_tally *counts,
		    int (*fn)(void *ctx, const struct tz_light_row *r), void *ctx,
		    struct tz_err *err)
{
	if (tz_tally_ncounters(counts) != TZ_LIGHT_COUNT)
		return tz_err_set(err, TZ_EINTERNAL, "a light tally has TZ_LIGHT_COUNT counters");
	return s->ops->lights(s, p, counts, fn, ctx, err);
}

int tz_store_problem_add(struct tz_store *s, const struct tz_problem *p, int64_t *id,
			 int64_t user_id, int64_t at, struct tz_err *err)
{
	struct tz_period none = { 0, 0 };
	int rc = no_import(s, err);

	return rc ? rc : s->ops->problem_add(s, NULL, none, p, id, user_id, at, err);
}

int tz_store_problem_from_report(struct tz_store *s, const char *code, struct tz_period from,
				 const struct tz_problem *fields, int64_t *id, int64_t user_id,
				 int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->problem_add(s, code, from, fields, id, user_id, at, err);
}

int tz_store_problem_update(struct tz_store *s, const struct tz_problem *p, int64_t user_id,
			    int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->problem_update(s, p, user_id, at, err);
}

int tz_store_problem_move(struct tz_store *s, int64_t id, enum tz_problem_status to,
			  const char *note, int64_t user_id, int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->problem_move(s, id, to, note, user_id, at, err);
}

int tz_store_problem_each(struct tz_store *s, struct tz_tally *within, unsigned status_mask,
			  int (*fn)(void *ctx, const struct tz_problem_row *r), void *ctx,
			  struct tz_err *err)
{
	return s->ops->problem_each(s, within, status_mask, 0, fn, ctx, err);
}

int tz_store_problem_get(struct tz_store *s, int64_t id,
			 int (*fn)(void *ctx, const struct tz_problem_row *r), void *ctx,
			 struct tz_err *err)
{
	if (id <= 0)
		return tz_err_set(err, TZ_ENOTFOUND, "问题不存在");
	return s->ops->problem_each(s, NULL, 0, id, fn, ctx, err);
}

int tz_store_problem_events(struct tz_store *s, int64_t id,
			    int (*fn)(void *ctx, const struct tz_problem_event *e), void *ctx,
			    struct tz_err *err)
{
	return s->ops->problem_events(s, id, fn, ctx, err);
}

int tz_store_problem_counts(struct tz_store *s, struct tz_tally *counts, int32_t today,
			    struct tz_err *err)
{
	if (tz_tally_ncounters(counts) != TZ_PC_COUNT)
		return tz_err_set(err, TZ_EINTERNAL, "a problem tally has TZ_PC_COUNT counters");
	return s->ops->problem_counts(s, counts, today, err);
}

int tz_store_procedure_kinds(struct tz_store *s,
			     int (*fn)(void *ctx, const struct tz_procedure_kind *k), void *ctx,
			     struct tz_err *err)
{
	return s->ops->procedure_kinds(s, fn, ctx, err);
}

int tz_store_procedure_kind_add(struct tz_store *s, const char *name, int64_t *id,
				struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->procedure_kind_add(s, name, id, err);
}

int tz_store_procedure_kind_active(struct tz_store *s, int64_t id, int active,
				   struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->procedure_kind_active(s, id, active, err);
}

int tz_store_procedure_require(struct tz_store *s, const char *code, long *added,
			       int64_t user_id, int64_t at, struct tz_err *err)
{
	long ignored;
	int rc = no_import(s, err);

	if (!added)
		added = &ignored;
	*added = 0;
	return rc ? rc : s->ops->procedure_require(s, code, added, user_id, at, err);
}

int tz_store_procedure_set(struct tz_store *s, const struct tz_procedure *p, int64_t user_id,
			   int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	return rc ? rc : s->ops->procedure_set(s, p, user_id, at, err);
}

int tz_store_procedure_each(struct tz_store *s, const char *code,
			    int (*fn)(void *ctx, const struct tz_procedure *p), void *ctx,
			    struct tz_err *err)
{
	return s->ops->procedure_each(s, code, fn, ctx, err);
}

int tz_store_procedure_counts(struct tz_store *s, struct tz_tally *counts, int32_t from,
			      int32_t to, struct tz_err *err)
{
	if (tz_tally_ncounters(counts) != TZ_PRC_COUNT)
		return tz_err_set(err, TZ_EINTERNAL, "a procedure tally has TZ_PRC_COUNT counters");
	return s->ops->procedure_counts(s, counts, from, to, err);
}

/* ------------------------------------------------------------------ */
/* Audited changes from the web application (pages-a)                  */

int tz_store_period_change(struct tz_store *s, enum tz_period_change op, int64_t node_id,
			   struct tz_period p, int64_t deadline, const struct tz_actor *who,
			   struct tz_err *err)
{
	int rc = no_import(s, err);

	if (rc)
		return rc;
	if (!who || op < TZ_PERIOD_OPEN || op > TZ_PERIOD_DEADLINE)
		return tz_err_set(err, TZ_EINTERNAL, "a period change needs an operation and an actor");
	return s->ops->period_change(s, op, node_id, p, deadline, who, err);
}

int tz_store_import_audit(struct tz_store *s, const struct tz_actor *who, const char *action,
			  const char *object, const char *new_value, struct tz_err *err)
{
	if (!s->importing)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	if (!who || !action)
		return tz_err_set(err, TZ_EINTERNAL, "an audit row needs an actor and an action");
	return s->ops->import_audit(s, who, action, object, new_value, err);
}

int tz_store_report_codes(struct tz_store *s, struct tz_period p, const char *const *codes,
			  size_t n, int (*fn)(void *ctx, const struct tz_report_view *v), void *ctx,
			  struct tz_err *err)
{
	return s->ops->report_codes(s, p, codes, n, fn, ctx, err);
}

/* ------------------------------------------------------------------ */
/* Summaries and tracking for the web pages (pages-b)                  */

int tz_store_bulletin_where(struct tz_store *s, struct tz_bulletin *b,
			    const struct tz_project_filter *f, struct tz_err *err)
{
	return s->ops->bulletin_where(s, b, f && f->keep ? f : NULL, err);
}

int tz_store_problem_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t today,
				  const struct tz_project_filter *f, struct tz_err *err)
{
	if (tz_tally_ncounters(counts) != TZ_PC_COUNT)
		return tz_err_set(err, TZ_EINTERNAL, "a problem tally has TZ_PC_COUNT counters");
	return s->ops->problem_counts_where(s, counts, today, f && f->keep ? f : NULL, err);
}

int tz_store_procedure_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t from,
				    int32_t to, const struct tz_project_filter *f,
				    struct tz_err *err)
{
	if (tz_tally_ncounters(counts) != TZ_PRC_COUNT)
		return tz_err_set(err, TZ_EINTERNAL, "a procedure tally has TZ_PRC_COUNT counters");
	return s->ops->procedure_counts_where(s, counts, from, to, f && f->keep ? f : NULL, err);
}

int tz_store_problem_note(struct tz_store *s, int64_t id, int action, const char *text,
			  int64_t user_id, int64_t at, struct tz_err *err)
{
	int rc = no_import(s, err);

	if (rc)
		return rc;
	if (action != TZ_PROBLEM_EV_COMMENT && action != TZ_PROBLEM_EV_MARK)
		return tz_err_set(err, TZ_EINVAL, "a note is a comment or a mark");
	if (!text || tz_text_is_blank(text, strlen(text)))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "意见",
				     action == TZ_PROBLEM_EV_MARK ? "请选择标记" : "请填写意见");
	if (tz_utf8_len(text, strlen(text)) > TZ_PROBLEM_TEXT_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "意见", "意见超过%d个字",
				     TZ_PROBLEM_TEXT_MAX);
	return s->ops->problem_note(s, id, action, text, user_id, at, err);
}

int tz_store_audit_next(struct tz_store *s, const struct tz_actor *who, const char *action,
			const char *object, const char *old_value, const char *new_value,
			struct tz_err *err)
{
	if (!action || !*action)
		return tz_err_set(err, TZ_EINVAL, "an audit row names its action");
	return s->ops->audit_next(s, who, action, object, old_value, new_value, err);
}

void tz_store_audit_clear(struct tz_store *s)
{
	s->ops->audit_clear(s);
}
