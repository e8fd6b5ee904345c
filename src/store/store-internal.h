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
	int (*import_counts)(struct tz_store *s, struct tz_import_stats *out, struct tz_err *err);
	int (*import_held)(struct tz_store *s, struct tz_import_held *out, struct tz_err *err);
	int64_t (*import_last_id)(struct tz_store *s);
	void (*import_prefetch)(struct tz_store *s, const char *code);
	int (*import_keep)(struct tz_store *s, unsigned keep, struct tz_err *err);
	int (*import_commit)(struct tz_store *s, struct tz_import_stats *stats, struct tz_err *err);
	void (*import_abort)(struct tz_store *s);
	int (*org_load)(struct tz_store *s, struct tz_org_index *x, struct tz_err *err);
	/* who: NULL, or the audit row "org.import" of `file` (store.h,
	 * tz_store_org_change) written in the same transaction. */
	int (*org_save)(struct tz_store *s, const struct tz_org_index *x, const char *file,
			const struct tz_actor *who, struct tz_org_stats *stats,
			struct tz_err *err);
	int (*bulletin)(struct tz_store *s, struct tz_bulletin *b, struct tz_err *err);
	int (*each_project)(struct tz_store *s, int year, int (*fn)(void *, const struct tz_project *),
			    void *ctx, struct tz_err *err);
	int (*each_progress)(struct tz_store *s, int (*fn)(void *, const struct tz_progress *),
			     void *ctx, struct tz_err *err);
	int (*summary)(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err);

	/* The web application (store.h, the section of that name). */
	int (*user_add)(struct tz_store *s, const struct tz_user *u, const char *password_hash,
			const struct tz_actor *who, int64_t *id, struct tz_err *err);
	int (*user_get)(struct tz_store *s, const char *login, int64_t id, struct tz_arena *a,
			struct tz_user *out, char **password_hash, struct tz_err *err);
	int (*user_list)(struct tz_store *s, struct tz_arena *a, struct tz_user **out, size_t *n,
			 struct tz_err *err);
	int (*user_set_password)(struct tz_store *s, int64_t id, const char *password_hash,
				 const char *keep_session, const struct tz_actor *who,
				 struct tz_err *err);
	int (*user_set_disabled)(struct tz_store *s, int64_t id, int disabled,
				 const struct tz_actor *who, struct tz_err *err);
	int (*user_demo_count)(struct tz_store *s, long *n, struct tz_err *err);
	int (*session_add)(struct tz_store *s, const char *token_hash, int64_t user_id,
			   const char *csrf, int64_t expires, const struct tz_actor *who,
			   struct tz_err *err);
	int (*session_get)(struct tz_store *s, const char *token_hash, int64_t now,
			   struct tz_arena *a, struct tz_session *out, struct tz_err *err);
	int (*session_touch)(struct tz_store *s, const char *token_hash, int64_t expires,
			     struct tz_err *err);
	int (*session_end)(struct tz_store *s, const char *token_hash, const struct tz_actor *who,
			   struct tz_err *err);
	int (*session_purge)(struct tz_store *s, int64_t now, long *n, struct tz_err *err);
	int (*token_add)(struct tz_store *s, const char *hash, int64_t user_id, const char *name,
			 int64_t expires, const struct tz_actor *who, int64_t *id, struct tz_err *err);
	int (*token_user)(struct tz_store *s, const char *hash, int64_t now, struct tz_arena *a,
			  struct tz_user *out, struct tz_err *err);
	int (*token_list)(struct tz_store *s, struct tz_arena *a, struct tz_api_token **out,
			  size_t *n, struct tz_err *err);
	int (*token_revoke)(struct tz_store *s, int64_t id, const struct tz_actor *who,
			    struct tz_err *err);
	int (*audit_add)(struct tz_store *s, const struct tz_actor *who, const char *action,
			 const char *object, const char *old_value, const char *new_value,
			 struct tz_err *err);
	int (*audit_list)(struct tz_store *s, const struct tz_audit_query *q, struct tz_arena *a,
			  struct tz_audit_entry **out, size_t *n, long *total, struct tz_err *err);
	int (*latest)(struct tz_store *s, int *first_year, int *last_year, struct tz_period *last,
		      struct tz_err *err);
	int (*project_list)(struct tz_store *s, const struct tz_project_query *q,
			    int (*fn)(void *, const struct tz_project_row *), void *ctx, long *total,
			    struct tz_err *err);
	int (*project_facets)(struct tz_store *s, int year, struct tz_arena *a,
			      struct tz_project_facets *out, struct tz_err *err);
	int (*project_ledger)(struct tz_store *s, const char *code, struct tz_arena *a,
			      struct tz_project **out, size_t *n, struct tz_err *err);
	int (*project_reports)(struct tz_store *s, const char *code, struct tz_arena *a,
			       struct tz_progress **out, size_t *n, struct tz_err *err);

	/* Dispatch (store.h, "Dispatch"): the same arguments as the public
	 * functions; store.c refuses writes while an import is open. */
	int (*period_open)(struct tz_store *s, int64_t node_id, struct tz_period p,
			   int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);
	int (*period_close)(struct tz_store *s, int64_t node_id, struct tz_period p,
			    int64_t user_id, int64_t at, struct tz_err *err);
	int (*period_deadline)(struct tz_store *s, int64_t node_id, struct tz_period p,
			       int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);
	int (*period_each)(struct tz_store *s, int64_t node_id,
			   int (*fn)(void *, const struct tz_dispatch *), void *ctx,
			   struct tz_err *err);
	int (*period_governing)(struct tz_store *s, int64_t node_id, struct tz_period p,
				struct tz_dispatch *out, struct tz_err *err);
	int (*period_current)(struct tz_store *s, int64_t node_id, struct tz_dispatch *out,
			      struct tz_err *err);
	int (*report_save)(struct tz_store *s, const struct tz_report_save *how,
			   const struct tz_progress *reports, size_t n, size_t *failed,
			   struct tz_report_save_stats *stats, struct tz_err *err);
	/* The views of period p of the projects whose region or unit is one
	 * of nodes[0..nnodes) (nodes NULL: every project; nnodes >= 1
	 * otherwise), or of the one project `code` (nodes NULL), by code. */
	int (*report_each)(struct tz_store *s, const int64_t *nodes, size_t nnodes,
			   const char *code, struct tz_period p,
			   int (*fn)(void *, const struct tz_report_view *), void *ctx,
			   struct tz_err *err);
	int (*report_history)(struct tz_store *s, const char *code, struct tz_period p,
			      int (*fn)(void *, const struct tz_report_change *), void *ctx,
			      struct tz_err *err);
	int (*ontime)(struct tz_store *s, struct tz_ontime *o, struct tz_err *err);
	int (*lights)(struct tz_store *s, struct tz_period p, struct tz_tally *counts,
		      int (*fn)(void *, const struct tz_light_row *), void *ctx, struct tz_err *err);
	int (*problem_add)(struct tz_store *s, const char *code, struct tz_period from,
			   const struct tz_problem *p, int64_t *id, int64_t user_id, int64_t at,
			   struct tz_err *err);
	int (*problem_update)(struct tz_store *s, const struct tz_problem *p, int64_t user_id,
			      int64_t at, struct tz_err *err);
	int (*problem_move)(struct tz_store *s, int64_t id, enum tz_problem_status to,
			    const char *note, int64_t user_id, int64_t at, struct tz_err *err);
	int (*problem_each)(struct tz_store *s, struct tz_tally *within, unsigned status_mask,
			    int64_t id, int (*fn)(void *, const struct tz_problem_row *), void *ctx,
			    struct tz_err *err);
	int (*problem_events)(struct tz_store *s, int64_t id,
			      int (*fn)(void *, const struct tz_problem_event *), void *ctx,
			      struct tz_err *err);
	int (*problem_counts)(struct tz_store *s, struct tz_tally *counts, int32_t today,
			      struct tz_err *err);
	int (*procedure_kinds)(struct tz_store *s,
			       int (*fn)(void *, const struct tz_procedure_kind *), void *ctx,
			       struct tz_err *err);
	int (*procedure_kind_add)(struct tz_store *s, const char *name, int64_t *id,
				  struct tz_err *err);
	int (*procedure_kind_active)(struct tz_store *s, int64_t id, int active,
				     struct tz_err *err);
	int (*procedure_require)(struct tz_store *s, const char *code, long *added,
				 int64_t user_id, int64_t at, struct tz_err *err);
	int (*procedure_set)(struct tz_store *s, const struct tz_procedure *p, int64_t user_id,
			     int64_t at, struct tz_err *err);
	int (*procedure_each)(struct tz_store *s, const char *code,
			      int (*fn)(void *, const struct tz_procedure *), void *ctx,
			      struct tz_err *err);
	int (*procedure_counts)(struct tz_store *s, struct tz_tally *counts, int32_t from,
				int32_t to, struct tz_err *err);

	/* Audited changes from the web application (store.h, pages-a). */
	int (*period_change)(struct tz_store *s, enum tz_period_change op, int64_t node_id,
			     struct tz_period p, int64_t deadline, const struct tz_actor *who,
			     struct tz_err *err);
	int (*import_audit)(struct tz_store *s, const struct tz_actor *who, const char *action,
			    const char *object, const char *new_value, struct tz_err *err);
	int (*report_codes)(struct tz_store *s, struct tz_period p, const char *const *codes,
			    size_t n, int (*fn)(void *, const struct tz_report_view *), void *ctx,
			    struct tz_err *err);

	/* Summaries and tracking for the web pages (store.h, pages-b). */
	int (*bulletin_where)(struct tz_store *s, struct tz_bulletin *b,
			      const struct tz_project_filter *f, struct tz_err *err);
	int (*problem_counts_where)(struct tz_store *s, struct tz_tally *counts, int32_t today,
				    const struct tz_project_filter *f, struct tz_err *err);
	int (*procedure_counts_where)(struct tz_store *s, struct tz_tally *counts, int32_t from,
				      int32_t to, const struct tz_project_filter *f,
				      struct tz_err *err);
	int (*problem_note)(struct tz_store *s, int64_t id, int action, const char *text,
			    int64_t user_id, int64_t at, struct tz_err *err);
	int (*audit_next)(struct tz_store *s, const struct tz_actor *who, const char *action,
			  const char *object, const char *old_value, const char *new_value,
			  struct tz_err *err);
	void (*audit_clear)(struct tz_store *s);
};

struct tz_store {
	const struct tz_store_ops *ops;
	int importing;  /* an import is open */
	enum tz_import_kind import_kind;
};

extern const struct tz_store_ops tz_store_sqlite_ops;

#endif
