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
#include "core/user.h"

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

/* ------------------------------------------------------------------ */
/* The web application (issue 9, web.md): users on the organisation     */
/* tree, sessions, API tokens, the audit trail, and the project list    */
/* and page. Functions here take times as unix seconds from the caller  */
/* and allocate what they return from the caller's arena, so a request */
/* frees everything at once. Secrets arrive already hashed: the store   */
/* never sees a password, a cookie or a token.                          */

struct tz_arena;

/*
 * Who makes a change, for the audit row every change writes in its own
 * transaction (web.md: who, when, what, old and new values).
 */
struct tz_actor {
	int64_t user_id;     /* 0: nobody signed in (the command line, a failed login) */
	const char *origin;  /* "cli", or the client's address */
	int64_t at;          /* unix seconds */
};

/*
 * Add a user (validated with tz_user_validate) with its password hash;
 * *id (may be NULL) receives its id. Audit "user.add". Bumps the store
 * version (pages show users). 0, TZ_EEXIST (login taken), TZ_ENOTFOUND
 * (org_id names no node) or TZ_ESTORE.
 */
int tz_store_user_add(struct tz_store *s, const struct tz_user *u, const char *password_hash,
		      const struct tz_actor *who, int64_t *id, struct tz_err *err);

/*
 * The user of `login` (when id is 0) or of `id`; strings from `a`.
 * *password_hash (may be NULL) receives the stored hash, from `a`.
 * 0, TZ_ENOTFOUND or TZ_ESTORE.
 */
int tz_store_user_get(struct tz_store *s, const char *login, int64_t id, struct tz_arena *a,
		      struct tz_user *out, char **password_hash, struct tz_err *err);

/* Every user, by login; array and strings from `a`. */
int tz_store_user_list(struct tz_store *s, struct tz_arena *a, struct tz_user **out, size_t *n,
		       struct tz_err *err);

/*
 * Change a password (the account stops being a demo account) and end
 * every session of the user except the one whose hash is `keep_session`
 * (may be NULL). Audit "user.passwd". 0, TZ_ENOTFOUND or TZ_ESTORE.
 */
int tz_store_user_set_password(struct tz_store *s, int64_t id, const char *password_hash,
			       const char *keep_session, const struct tz_actor *who,
			       struct tz_err *err);

/*
 * Disable (1) or enable (0) a user. Disabling ends its sessions; its API
 * tokens stop working while it stays disabled. Audit "user.disable" or
 * "user.enable" with old and new values. 0, TZ_ENOTFOUND or TZ_ESTORE.
 */
int tz_store_user_set_disabled(struct tz_store *s, int64_t id, int disabled,
			       const struct tz_actor *who, struct tz_err *err);

/* How many enabled demo accounts exist (web.md: the demo banner). */
int tz_store_user_demo_count(struct tz_store *s, long *n, struct tz_err *err);

/* A signed-in browser: its user, its CSRF token, when it ends. */
struct tz_session {
	struct tz_user user;
	const char *csrf;
	int64_t created;
	int64_t expires;
};

/*
 * Store a new session under the hash of its cookie. Audit "login" by the
 * user. 0 or TZ_ESTORE.
 */
int tz_store_session_add(struct tz_store *s, const char *token_hash, int64_t user_id,
			 const char *csrf, int64_t expires, const struct tz_actor *who,
			 struct tz_err *err);

/*
 * The session whose cookie hashes to `token_hash`, if it has not expired
 * at `now` and its user is enabled; strings from `a`. 0, TZ_ENOTFOUND or
 * TZ_ESTORE.
 */
int tz_store_session_get(struct tz_store *s, const char *token_hash, int64_t now,
			 struct tz_arena *a, struct tz_session *out, struct tz_err *err);

/* Move a session's end to `expires` (sliding expiry; not audited). */
int tz_store_session_touch(struct tz_store *s, const char *token_hash, int64_t expires,
			   struct tz_err *err);

/* End a session (sign out). Audit "logout" when `who` is not NULL. */
int tz_store_session_end(struct tz_store *s, const char *token_hash, const struct tz_actor *who,
			 struct tz_err *err);

/* Forget the sessions that ended before `now`; *n (may be NULL) how many. */
int tz_store_session_purge(struct tz_store *s, int64_t now, long *n, struct tz_err *err);

/* An API token as listed: never the token itself. */
struct tz_api_token {
	int64_t id;
	int64_t user_id;
	const char *login;   /* its user's */
	const char *name;    /* what it is for */
	int64_t created;
	int64_t expires;     /* 0: never */
	int revoked;
};

/*
 * Store a token's hash for `user_id`, expiring at `expires` (0: never).
 * *id (may be NULL) receives its id. Audit "token.add". 0, TZ_ENOTFOUND
 * (no such user) or TZ_ESTORE.
 */
int tz_store_token_add(struct tz_store *s, const char *hash, int64_t user_id, const char *name,
		       int64_t expires, const struct tz_actor *who, int64_t *id,
		       struct tz_err *err);

/*
 * The user of the token whose hash is `hash`, if it is neither revoked
 * nor expired at `now` and the user is enabled; strings from `a`.
 * 0, TZ_ENOTFOUND or TZ_ESTORE.
 */
int tz_store_token_user(struct tz_store *s, const char *hash, int64_t now, struct tz_arena *a,
			struct tz_user *out, struct tz_err *err);

/* Every token, newest first; array and strings from `a`. */
int tz_store_token_list(struct tz_store *s, struct tz_arena *a, struct tz_api_token **out,
			size_t *n, struct tz_err *err);

/* Revoke a token. Audit "token.revoke". 0, TZ_ENOTFOUND or TZ_ESTORE. */
int tz_store_token_revoke(struct tz_store *s, int64_t id, const struct tz_actor *who,
			  struct tz_err *err);

/* One row of the audit trail. Values are JSON text, or NULL. */
struct tz_audit_entry {
	int64_t id;
	int64_t at;          /* unix seconds */
	int64_t user_id;     /* 0: nobody signed in */
	const char *login;   /* the user's login, "" for none */
	const char *origin;  /* "cli" or an address */
	const char *action;  /* "user.add", "login", "report.save"… */
	const char *object;  /* what it was done to: "user:alice", "project:P1" */
	const char *old_value;
	const char *new_value;
};

/*
 * Write one audit row on its own, for events that change nothing else (a
 * refused login). Changes made through this interface write theirs in
 * their own transaction; a backend function that changes data calls its
 * backend's audit helper inside the same transaction.
 */
int tz_store_audit_add(struct tz_store *s, const struct tz_actor *who, const char *action,
		       const char *object, const char *old_value, const char *new_value,
		       struct tz_err *err);

/* Which audit rows to read; zero/NULL fields do not filter. */
struct tz_audit_query {
	int all;                 /* every row (admins); else only rows by users */
	const int64_t *org_ids;  /*   of these nodes (a coordinator's subtree) */
	size_t norg_ids;
	const char *login;       /* by this user */
	const char *action;      /* actions starting with this ("user." ) */
	const char *object;      /* objects containing this text */
	int64_t since, until;    /* at >= since, at < until (unix seconds) */
	long offset, limit;      /* newest first; limit 0: 50 */
};

/* Audit rows, newest first; array and strings from `a`; *total (may be
 * NULL) the number of rows matching. */
int tz_store_audit_list(struct tz_store *s, const struct tz_audit_query *q, struct tz_arena *a,
			struct tz_audit_entry **out, size_t *n, long *total, struct tz_err *err);

/*
 * What pages need of the data as a whole, cheaply (unlike
 * tz_store_summary, which counts everything): the first and last ledger
 * years (0 when there is no ledger) and the latest period with a report
 * (year 0 when none).
 */
int tz_store_latest(struct tz_store *s, int *first_year, int *last_year, struct tz_period *last,
		    struct tz_err *err);

/* Orders of the project list. */
enum tz_project_sort {
	TZ_PSORT_CODE = 0,  /* 项目编号 */
	TZ_PSORT_NAME,      /* 项目名称 */
	TZ_PSORT_REGION,    /* 所属地区, then code */
	TZ_PSORT_TOTAL,     /* 总投资 */
	TZ_PSORT_ANNUAL,    /* 年度计划投资 (projects without a plan last) */
	TZ_PSORT_YTD,       /* 累计完成投资 at the month */
	TZ_PSORT_RATE,      /* 累计完成 / 年度计划 (without a plan last) */
};
#define TZ_PSORT_COUNT 7

/*
 * The project list (web.md, issue 9): the ledger of `year` as of `month`,
 * restricted to what the user sees (the scope, from tz_access_scope) and
 * to the filters chosen, sorted and cut to a page. NULL/0 fields do not
 * filter. Node lists are matched by id: the caller expands a region
 * chosen in a filter to its subtree.
 */
struct tz_project_query {
	int year;                    /* the yearly ledger; required */
	int month;                   /* 1..12: the month ytd and status are read at */
	/* Scope (who sees): all, or the union of region/unit in scope_nodes
	 * and 包联领导 matching scope_leader (a tz_leader_key; "" for none). */
	int scope_all;
	const int64_t *scope_nodes;
	size_t nscope_nodes;
	const char *scope_leader;
	/* Filters (what the user asked for). */
	const int64_t *regions;      /* 所属地区 in these */
	size_t nregions;
	const int64_t *units;        /* 责任单位 in these */
	size_t nunits;
	const char *category;        /* 项目类别 */
	const char *level;           /* 项目级别 of the year */
	const char *nature;          /* 建设性质 of the year */
	const char *leader;          /* 包联领导, as a tz_leader_key */
	const char *text;            /* code or name containing this */
	int status;                  /* enum tz_status at the month; -1: no report yet; 0: any */
	enum tz_project_sort sort;
	int desc;                    /* descending */
	long offset, limit;          /* limit 0: every row */
};

/* A row of the list: the ledger row and its figures at the month. */
struct tz_project_row {
	struct tz_project p;         /* strings valid only during the callback */
	int64_t ytd;                 /* completed in the year up to the month, 0.01 万元 */
	int status;                  /* enum tz_status in force at the month, 0 none */
	int reported;                /* has a report for the month */
};

/*
 * Call fn for each row of the page, in order; *total (may be NULL)
 * receives the number of rows matching, whatever the page. A non-zero
 * return from fn stops and is returned. 0, TZ_EINVAL (year or month out
 * of range) or TZ_ESTORE.
 */
int tz_store_project_list(struct tz_store *s, const struct tz_project_query *q,
			  int (*fn)(void *ctx, const struct tz_project_row *r), void *ctx,
			  long *total, struct tz_err *err);

/* The values the list's filters offer for a year: distinct categories,
 * levels and natures, sorted; arrays and strings from `a`. */
struct tz_project_facets {
	const char **categories;
	size_t ncategories;
	const char **levels;
	size_t nlevels;
	const char **natures;
	size_t nnatures;
};
int tz_store_project_facets(struct tz_store *s, int year, struct tz_arena *a,
			    struct tz_project_facets *out, struct tz_err *err);

/*
 * Every yearly ledger row of the project `code`, by year (its project
 * fields the same in each); array and strings from `a`. 0, TZ_ENOTFOUND
 * (no such project) or TZ_ESTORE.
 */
int tz_store_project_ledger(struct tz_store *s, const char *code, struct tz_arena *a,
			    struct tz_project **out, size_t *n, struct tz_err *err);

/* Every progress report of the project `code`, by period; array and
 * strings from `a`. 0 (none is fine) or TZ_ESTORE. */
int tz_store_project_reports(struct tz_store *s, const char *code, struct tz_arena *a,
			     struct tz_progress **out, size_t *n, struct tz_err *err);

#endif
