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
	TZ_STORE_READ = 8,     /* the caller only reads: a file this process cannot write is
				  opened read-only (walkthrough 11) instead of refused */
};

/* What an upgrade did, for `init` to print (ledger.md, the upgrade rule). */
struct tz_store_upgrade {
	int from_version;       /* 0: no upgrade happened */
	int to_version;
	long projects;          /* projects carried over */
	long ledger_rows;       /* yearly ledger rows made */
	long unplanned_rows;    /* of which without a plan (years with reports only) */
	long org_nodes;         /* organisation nodes made from regions and units */
	long reports;           /* from schema 2: the reports moved into year rows */
	/* Any schema: project codes stored full-width by earlier versions,
	 * folded (P2025０００１ → P20250001), and the first ten as
	 * "old→new、…". Filled even when from_version is 0. */
	long codes_folded;
	char codes_list[1024];
};

/*
 * Open the store at `uri` with TZ_STORE_* flags; the caller closes it
 * with tz_store_close(). Errors (err names the path):
 *   TZ_ENOTFOUND  no database there and no TZ_STORE_CREATE
 *   TZ_EINVAL     the file is not a Taizhang database (left untouched)
 *   TZ_EEXIST     TZ_STORE_NEW and the database already holds data
 *   TZ_EIO        the file cannot be reached, or (TZ_STORE_CREATE) there is
 *                 none and its directory cannot take a new one
 *   TZ_ESTORE     an earlier schema without TZ_STORE_UPGRADE ("run init"),
 *                 a newer one, or the database failed; a file this
 *                 process cannot write (its mode, a read-only mount, a
 *                 directory where the journal files cannot be made)
 *                 without TZ_STORE_READ, refused before anything is
 *                 written; with TZ_STORE_READ, a read-only file beside
 *                 changes it would not see (a -wal with content, a
 *                 -journal), which a user who can write must merge first
 * `upgraded` (may be NULL) is filled when TZ_STORE_UPGRADE upgraded it.
 * With TZ_STORE_READ a read-only file answers every read from what is
 * committed in it; every write then fails with TZ_ESTORE, saying so.
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

/*
 * The rows an import accepted, by how each compares with what the store
 * held for its key when it came: new, a correction (some stored field
 * differs), or unchanged (equal in every stored field; not written).
 */
struct tz_import_stats {
	long added;      /* rows new to the store */
	long replaced;   /* rows that corrected a stored one */
	long unchanged;  /* rows the store already held as they are */
	/* Reports: of added and replaced, those whose period's governing
	 * dispatch is closed (web.md: after closing, corrections go through
	 * the coordinator and stay in the history), and the first such
	 * period (YYYYMM, 0 if none), for the summary to say so. */
	long closed;
	int closed_period;
	/* Projects: ledger rows whose stored plan was kept (TZ_KEEP_PLAN). */
	long plan_kept;
};

/*
 * Start an import of `kind` read from `source` (a file name, for the
 * record). Only one import is open at a time. The import is one
 * transaction: nothing of it is visible until the commit.
 */
int tz_store_import_begin(struct tz_store *s, enum tz_import_kind kind,
			  const char *source, struct tz_err *err);

/*
 * The fields a file of the open import has no column for (TZ_KEEP_*
 * bits): a row stored before keeps its value of each, instead of taking
 * the empty one the file's rows carry; a new row takes the empty one.
 * A sheet that leaves out 包联领导 or 存在问题 says nothing of them, and
 * must not erase them (README: an import loses nothing). So is the plan:
 * a ledger without a 年度计划投资 column stores no plan for a new ledger
 * row (ledger.md) and keeps a stored one (an audit, 2026-11-30, saw a
 * correction of 总投资 erase it); a kept plan above the row's new total
 * is a row error (TZ_EINVAL). Call right after tz_store_import_begin(),
 * before any row. 0, or TZ_EINTERNAL when no import is open or rows came
 * already.
 */
enum tz_import_keep {
	TZ_KEEP_CATEGORY = 1 << 0,  /* projects: 项目类别 */
	TZ_KEEP_OWNER = 1 << 1,     /* 建设单位 */
	TZ_KEEP_LEADER = 1 << 2,    /* 包联领导 */
	TZ_KEEP_UNIT = 1 << 3,      /* 责任单位 */
	TZ_KEEP_YEARS = 1 << 4,     /* 建设起止年限 */
	TZ_KEEP_STAGE = 1 << 5,     /* 建设阶段 */
	TZ_KEEP_START = 1 << 6,     /* 计划开工时间 */
	TZ_KEEP_LEVEL = 1 << 7,     /* the ledger row's 项目级别 */
	TZ_KEEP_NATURE = 1 << 8,    /* the ledger row's 建设性质 */
	TZ_KEEP_TEXT = 1 << 9,      /* progress: 形象进度 */
	TZ_KEEP_PROBLEM = 1 << 10,  /* progress: 存在问题 */
	TZ_KEEP_PLAN = 1 << 11,     /* the ledger row's 年度计划投资 */
};
int tz_store_import_keep(struct tz_store *s, unsigned keep, struct tz_err *err);

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
 * Each accepted row is counted as struct tz_import_stats says; a row
 * equal to what the store holds is not written again (a project's
 * fields, met again in a later year's row, are compared with what the
 * import's earlier row of that project left).
 * On any error nothing of the row is written.
 */
int tz_store_import_project(struct tz_store *s, const struct tz_project *p,
			    struct tz_err *err);
int tz_store_import_progress(struct tz_store *s, const struct tz_progress *r,
			     struct tz_err *err);

/*
 * What the store held for the report tz_store_import_progress last
 * accepted in the open import, as read to place and count it (no
 * query): the project's 总投资, the 年度计划投资 of the report's year
 * (< 0: none) and the stored report of the same period it replaces
 * (< 0: none), all in 0.01 万元. The import judges by them an amount
 * the sheet cannot mean (audit 9, W21; intake/plausible.h). 0, or
 * TZ_EINTERNAL when no report was accepted.
 */
struct tz_import_held {
	int64_t total;
	int64_t annual;
	int64_t old;
};
int tz_store_import_held(struct tz_store *s, struct tz_import_held *out, struct tz_err *err);

/*
 * The id (>= 1) of the project of the ledger row tz_store_import_project
 * last accepted in the open import, known without a query: rows of one
 * project have one id, so the import numbers its codes by it (the key of
 * intake/plausible.h's tz_plausible_add_keyed; issue 6). 0 when no
 * import is open or it has accepted no ledger row.
 */
int64_t tz_store_import_last_id(struct tz_store *s);

/*
 * A hint: a ledger row of project code `code` comes soon to
 * tz_store_import_project, whose look-up of the code is then served
 * from the cache (issue 6: the map of a large import's codes is read at
 * random, a cache miss a row). Writes nothing, never fails; nothing when
 * no ledger import is open.
 */
void tz_store_import_prefetch(struct tz_store *s, const char *code);

/*
 * The rows accepted so far by the open import, counted (a dry run reads
 * them before it aborts). 0, or TZ_EINTERNAL when no import is open.
 */
int tz_store_import_counts(struct tz_store *s, struct tz_import_stats *out,
			   struct tz_err *err);

/*
 * Commit the open import; `stats` (may be NULL) receives the counts of
 * its rows. The store version (tz_store_version) changes unless every
 * row was unchanged and no arrival was recorded: a file re-imported as
 * it was exported leaves caches valid.
 */
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

struct tz_actor;

/*
 * tz_store_org_save made by `who` (`taizhang org import`), with an audit
 * row written in the same transaction: "org.import", object "file:NAME"
 * (`file`, the file as the user named it), new value the counts as JSON
 * ({"added":…,"changed":…,"unchanged":…}), so that the row exists exactly
 * when the merge does (README: every change is recorded). Errors as
 * tz_store_org_save; TZ_EINTERNAL without an actor.
 */
int tz_store_org_change(struct tz_store *s, const struct tz_org_index *x, const char *file,
			const struct tz_actor *who, struct tz_org_stats *stats,
			struct tz_err *err);

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

/*
 * Whether a leader account may be bound to the 包联领导 text `name`: some
 * project of some year's ledger has it as its 包联领导, compared as leader
 * keys (core/user.h tz_leader_key, tz_leader_check). 0; TZ_ENOTFOUND
 * with err->field 包联领导 and a Chinese message naming the name and
 * suggesting the nearest names of the ledgers; a store error. Used by
 * `taizhang user add` and the admin's user form alike.
 */
int tz_store_leader_check(struct tz_store *s, const char *name, struct tz_err *err);

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
	const char *const *actions; /* or exactly one of these (nactions > 0) */
	size_t nactions;
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

/* ================================================================== */
/* Dispatch: periods and deadlines, reports saved by people, the       */
/* on-time rate, traffic lights, problems and procedures (web.md;      */
/* docs/internals/dispatch.md). Every write is one transaction that    */
/* bumps the store version; every write is refused while an import is  */
/* open on the same store. Writes take the acting user's id (the web   */
/* application's users, stored as a plain integer; 0: the system) and  */
/* the time of the act, `at`, in UTC seconds (core/deadline.h): the    */
/* store reads no clock for what it records, except that a report      */
/* imported into a dispatched period arrives at the time of the import */
/* (by user 0, as TZ_SAVER_IMPORT, with its change in the history).    */
/* ================================================================== */

#include "core/dispatch.h"
#include "core/light.h"
#include "core/ontime.h"
#include "core/problem.h"
#include "core/procedure.h"
#include "core/tally.h"

/* --- Periods (调度期) and deadlines (报送截止) --------------------- */

/*
 * Open period p at node `node_id` (0: the root) with `deadline` (UTC
 * seconds; 0: the default, the 5th of the next month at 17:00 China
 * time). A closed period is reopened, keeping its deadline unless one is
 * given. Only the city and region nodes (市, 县, 区, 开发区) dispatch.
 * 0; TZ_ENOTFOUND (no such node); TZ_EEXIST (already open); TZ_EINVAL
 * (a department or 市直 node, or a deadline before the period begins;
 * err->field "报送截止"); TZ_ESTORE.
 */
int tz_store_period_open(struct tz_store *s, int64_t node_id, struct tz_period p,
			 int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);

/* Close an open period: reporters can no longer change its reports.
 * 0; TZ_ENOTFOUND (never opened at that node); TZ_EINVAL (already closed). */
int tz_store_period_close(struct tz_store *s, int64_t node_id, struct tz_period p,
			  int64_t user_id, int64_t at, struct tz_err *err);

/* Move the deadline of a dispatched period (open or closed). Lateness is
 * judged against the deadline in force when it is read, so an extension
 * clears the reports first saved before the new deadline. 0;
 * TZ_ENOTFOUND; TZ_EINVAL (err->field "报送截止"). */
int tz_store_period_deadline(struct tz_store *s, int64_t node_id, struct tz_period p,
			     int64_t deadline, int64_t user_id, int64_t at, struct tz_err *err);

/*
 * Call fn for each dispatch of node `node_id` (0: every node), newest
 * period first, then by node id. The struct is valid during the call;
 * a non-zero return stops and is returned.
 */
int tz_store_period_each(struct tz_store *s, int64_t node_id,
			 int (*fn)(void *ctx, const struct tz_dispatch *d), void *ctx,
			 struct tz_err *err);

/*
 * The dispatch that governs node `node_id` (0: the root) for period p:
 * the node's own, else its nearest ancestor's (web.md: a county may run
 * its own dispatch under the city's). Projects are governed through
 * their region node. 0 and *out, or TZ_ENOTFOUND (nobody dispatched p on
 * the node's path).
 */
int tz_store_period_governing(struct tz_store *s, int64_t node_id, struct tz_period p,
			      struct tz_dispatch *out, struct tz_err *err);

/* The latest open period governing node_id (0: the root): what a
 * reporter's form opens on. 0 and *out, or TZ_ENOTFOUND. */
int tz_store_period_current(struct tz_store *s, int64_t node_id, struct tz_dispatch *out,
			    struct tz_err *err);

/* --- Reports saved by people --------------------------------------- */

/* How a save is made: for which period, in which role, by whom, when. */
struct tz_report_save {
	struct tz_period period;
	enum tz_saver as;    /* TZ_SAVER_REPORTER or TZ_SAVER_COORDINATOR */
	int64_t user_id;
	int64_t at;          /* UTC seconds: the time of the save */
	/* NULL: not in the audit trail (the command line, the demo); else an
	 * audit row "report.save" (object "period:YYYY-MM", new value: the
	 * counts and the codes whose reports were added or changed) is
	 * written in the save's transaction (web.md: every change audited). */
	const struct tz_actor *who;
};

struct tz_report_save_stats {
	long added;      /* reports new for the period */
	long changed;    /* reports whose values changed (corrections) */
	long unchanged;  /* saved again with the same values */
	long late;       /* of the added and first-arrived ones: after the deadline */
};

/*
 * Save the reports of several projects for one period, all or nothing
 * (web.md "Periods, deadlines, on-time rate"). Each report is validated
 * (tz_progress_validate; reports[i].period must be how->period), its
 * project must exist and be in the ledger of the period's year, appear
 * once in the save, and -- for a reporter -- be governed by an open
 * dispatch of the period (tz_dispatch_may_save). Then, for each report:
 * the progress row is written or corrected, feeding the running totals
 * (project_year) exactly as an import does, so bulletins see it; its
 * arrival is recorded (report_filing: the first save's time, user and
 * role are kept for good -- lateness is the first save's, web.md; the
 * last save's are updated); and if its values changed, a history row
 * keeps who, when, in which role, the old values (none for a new report)
 * and the new.
 *
 * On error nothing is written, `*failed` (may be NULL) is the index of
 * the report at fault, and err->field names its field as the form labels
 * it (项目编号, 调度期, 本期完成投资(万元), 开工状态, 形象进度, 存在问题) with
 * a Chinese message: TZ_EINVAL (a value, or the period refuses the
 * saver), TZ_ENOTFOUND (unknown project, or not in that year's ledger),
 * TZ_EEXIST (the same project twice), TZ_ESTORE. `stats` may be NULL.
 */
int tz_store_report_save(struct tz_store *s, const struct tz_report_save *how,
			 const struct tz_progress *reports, size_t n, size_t *failed,
			 struct tz_report_save_stats *stats, struct tz_err *err);

/* One project's report for a period as a form or a list shows it. */
struct tz_report_view {
	int64_t project_id;
	const char *code;
	const char *name;
	const char *leader;
	int64_t region_id;
	int64_t unit_id;
	int expected;              /* among the period's reporters (tz_report_due) */
	int reported;              /* a report exists; then `report` holds it */
	struct tz_progress report;
	int has_filing;            /* its arrival was recorded (saved, or imported
				      into a dispatched period) */
	int64_t first_at;          /* UTC seconds */
	int64_t first_by;          /* user id */
	enum tz_saver first_as;
	int64_t last_at;
	int64_t last_by;
	int saves;
	int has_dispatch;          /* a dispatch governs the project for the period */
	struct tz_dispatch dispatch;
	int late;                  /* tz_report_late(deadline, opened_at, first_at) */
};

/*
 * Call fn for each project of the ledger of p's year whose region or unit
 * lies in the subtree of node root_id of x (x NULL: every project;
 * root_id 0: x's root), by code; a node not in x has none. The subtree
 * is read by the query, not filtered afterwards: the cost is that of the
 * node's projects (the backend is given the subtree's node ids), and the
 * root's is the whole ledger's. The struct and its strings are valid
 * during the call only; a non-zero return stops and is returned. 0 or
 * TZ_ESTORE. tz_store_report_one does the same for one project
 * (TZ_ENOTFOUND when it is unknown or not in that ledger).
 */
int tz_store_report_each(struct tz_store *s, const struct tz_org_index *x, int64_t root_id,
			 struct tz_period p, int (*fn)(void *ctx, const struct tz_report_view *v),
			 void *ctx, struct tz_err *err);
int tz_store_report_one(struct tz_store *s, const char *code, struct tz_period p,
			int (*fn)(void *ctx, const struct tz_report_view *v), void *ctx,
			struct tz_err *err);

/* One change of a report, as the history keeps it. */
struct tz_report_change {
	int64_t id;                /* increasing with time */
	struct tz_period period;
	int64_t at;
	int64_t user_id;
	enum tz_saver saver;
	int had_old;               /* 0: this save created the report */
	struct tz_progress old;    /* when had_old */
	struct tz_progress now;
};

/*
 * Call fn for each change of project `code`'s report for p (p.year 0:
 * for every period), oldest first. Strings valid during the call.
 * TZ_ENOTFOUND for an unknown project.
 */
int tz_store_report_history(struct tz_store *s, const char *code, struct tz_period p,
			    int (*fn)(void *ctx, const struct tz_report_change *c), void *ctx,
			    struct tz_err *err);

/* --- On-time rate (按时报送率) --------------------------------------- */

/*
 * Feed `o` (tz_ontime_new: a period, a subtree) one row per project of
 * the ledger of its period's year in its subtree, with who was expected
 * (the bulletin's rule), who reported and who reported late (first
 * arrival after the deadline of the dispatch that governs the project's
 * region); then the caller calls tz_ontime_finish(). One ordered scan.
 */
int tz_store_ontime(struct tz_store *s, struct tz_ontime *o, struct tz_err *err);

/* --- Traffic lights (亮灯) ------------------------------------------ */

/* One project's light as tz_store_lights hands it over. */
struct tz_light_row {
	int64_t project_id;
	const char *code;
	const char *name;
	const char *leader;
	int64_t region_id;
	int64_t unit_id;
	int has_plan;
	int64_t annual;                /* 0.01 万元 */
	int64_t ytd;                   /* completed in p's year up to p */
	struct tz_period planned_start;
	enum tz_status status;         /* in force at p */
	struct tz_light_result light;  /* tz_light_explain() gives the rule */
};

/*
 * Compute the light of period p (core/light.h) of every project of the
 * ledger of p's year in the subtree of `counts` (a tally of
 * TZ_LIGHT_COUNT counters, indexed by enum tz_light, made with
 * tz_tally_new), add each project to the counters, and call fn (may be
 * NULL) for each; a non-zero return from fn stops and is returned. The
 * running totals give each month's cumulative completion, so this is one
 * ordered scan of the ledger, the projects and the year's totals.
 */
int tz_store_lights(struct tz_store *s, struct tz_period p, struct tz_tally *counts,
		    int (*fn)(void *ctx, const struct tz_light_row *r), void *ctx,
		    struct tz_err *err);

/* --- Problems (问题清单) --------------------------------------------- */

/*
 * Raise a problem by hand (p->project_code names the project; status
 * 待交办, or 已交办 with a responsible unit; p->period must have year 0).
 * unit_id, when set, must name a node. An event "raised" is recorded.
 * 0 and *id; TZ_EINVAL (tz_problem_validate, err->field), TZ_ENOTFOUND
 * (project or unit node unknown), TZ_ESTORE.
 */
int tz_store_problem_add(struct tz_store *s, const struct tz_problem *p, int64_t *id,
			 int64_t user_id, int64_t at, struct tz_err *err);

/*
 * Raise a problem from the 存在问题 of project `code`'s report for
 * period `from`, linking the two. `fields` gives kind (0: guessed from
 * the text, tz_problem_kind_guess), level, unit, deadline, and a
 * description ("" or NULL: the report's text); its status must be 待交办
 * or 已交办. 0 and *id; TZ_ENOTFOUND (no such report, or it names no
 * problem); TZ_EEXIST (a problem of that kind was already raised from
 * this report); TZ_EINVAL.
 */
int tz_store_problem_from_report(struct tz_store *s, const char *code, struct tz_period from,
				 const struct tz_problem *fields, int64_t *id, int64_t user_id,
				 int64_t at, struct tz_err *err);

/*
 * Edit problem p->id's kind, level, unit, deadline and description (not
 * its status: see tz_store_problem_move). An event "edited" records what
 * changed ("解决层级：省→市"); nothing changed, nothing recorded.
 * 0; TZ_ENOTFOUND; TZ_EINVAL (the edited problem must stay valid).
 */
int tz_store_problem_update(struct tz_store *s, const struct tz_problem *p, int64_t user_id,
			    int64_t at, struct tz_err *err);

/*
 * Move problem `id` to status `to` (tz_problem_check_move): `note` is the
 * reason for 暂缓 (kept in problem.reason), the resolution for 已解决
 * (problem.resolution), else an optional remark. Dated and signed in
 * problem_event. 0; TZ_ENOTFOUND; TZ_EINVAL (transition refused).
 */
int tz_store_problem_move(struct tz_store *s, int64_t id, enum tz_problem_status to,
			  const char *note, int64_t user_id, int64_t at, struct tz_err *err);

/* A problem with where it belongs, as the lists show it. */
struct tz_problem_row {
	struct tz_problem problem;
	const char *project_name;
	int64_t region_id;        /* the project's */
	int64_t project_unit_id;  /* the project's 责任单位 */
	const char *project_leader;  /* the project's 包联领导 ("" if none), for the
					access decision on the problem */
};

/*
 * Call fn for each problem whose project lies in the subtree of `within`
 * (a tally, used only for membership; NULL: every problem), with status
 * in `status_mask` (bit 1 << status; 0: any), newest first. Strings
 * valid during the call. tz_store_problem_get gives one problem
 * (TZ_ENOTFOUND).
 */
int tz_store_problem_each(struct tz_store *s, struct tz_tally *within, unsigned status_mask,
			  int (*fn)(void *ctx, const struct tz_problem_row *r), void *ctx,
			  struct tz_err *err);
int tz_store_problem_get(struct tz_store *s, int64_t id,
			 int (*fn)(void *ctx, const struct tz_problem_row *r), void *ctx,
			 struct tz_err *err);

/* One dated, signed change of a problem. */
struct tz_problem_event {
	int64_t id;
	int64_t at;
	int64_t user_id;
	int action;                          /* 1 raised, 2 moved, 3 edited */
	enum tz_problem_status from_status;  /* 0 when raised */
	enum tz_problem_status to_status;
	const char *note;
};

/* Call fn for each event of problem `id`, oldest first. TZ_ENOTFOUND. */
int tz_store_problem_events(struct tz_store *s, int64_t id,
			    int (*fn)(void *ctx, const struct tz_problem_event *e), void *ctx,
			    struct tz_err *err);

/*
 * Count problems into `counts`, a tally of TZ_PC_COUNT counters
 * (core/problem.h: per level, 国家/省/市 together -- the seeds' "N个项目需
 * 国家、省市解决问题M个，已解决K个", tz_problem_sentence --, all levels,
 * per status, overdue as of `today`, YYYYMMDD). A project counts once
 * per level, for every node above its region and its unit.
 */
int tz_store_problem_counts(struct tz_store *s, struct tz_tally *counts, int32_t today,
			    struct tz_err *err);

/* --- Procedures (前期手续) -------------------------------------------- */

struct tz_procedure_kind {
	int64_t id;
	const char *name;
	int seq;       /* order in lists */
	int active;    /* offered for new projects */
};

/* Call fn for each kind, in order (inactive ones too). */
int tz_store_procedure_kinds(struct tz_store *s,
			     int (*fn)(void *ctx, const struct tz_procedure_kind *k), void *ctx,
			     struct tz_err *err);

/* Add a kind at the end of the list. 0 and *id; TZ_EINVAL (name);
 * TZ_EEXIST (name taken). */
int tz_store_procedure_kind_add(struct tz_store *s, const char *name, int64_t *id,
				struct tz_err *err);

/* Offer a kind for new projects or not (projects keep theirs). 0, TZ_ENOTFOUND. */
int tz_store_procedure_kind_active(struct tz_store *s, int64_t id, int active,
				   struct tz_err *err);

/*
 * Require every active kind for project `code`: a 未办 row for each kind
 * it does not have yet. *added (may be NULL) counts the new rows. 0,
 * TZ_ENOTFOUND.
 */
int tz_store_procedure_require(struct tz_store *s, const char *code, long *added,
			       int64_t user_id, int64_t at, struct tz_err *err);

/*
 * Set one procedure of a project (created if not yet required): status,
 * date and document number (tz_procedure_validate). 0; TZ_EINVAL
 * (err->field); TZ_ENOTFOUND (project or kind).
 */
int tz_store_procedure_set(struct tz_store *s, const struct tz_procedure *p, int64_t user_id,
			   int64_t at, struct tz_err *err);

/* Call fn for each required procedure of project `code`, in the kinds'
 * order. Strings valid during the call. TZ_ENOTFOUND. */
int tz_store_procedure_each(struct tz_store *s, const char *code,
			    int (*fn)(void *ctx, const struct tz_procedure *p), void *ctx,
			    struct tz_err *err);

/*
 * Count procedures into `counts`, a tally of TZ_PRC_COUNT counters
 * (core/procedure.h): required, per status, obtained with a date in
 * [from, to] (YYYYMMDD, inclusive; the seeds' "1-8月，取得…手续227个",
 * tz_procedure_sentence), and that per kind (slot: the kind's position
 * in tz_store_procedure_kinds' order).
 */
int tz_store_procedure_counts(struct tz_store *s, struct tz_tally *counts, int32_t from,
			      int32_t to, struct tz_err *err);

/* --- Audited changes made from the web application (pages-a) ------- */

/* What tz_store_period_change does. */
enum tz_period_change {
	TZ_PERIOD_OPEN = 1,  /* tz_store_period_open: open, or reopen a closed one */
	TZ_PERIOD_CLOSE,     /* tz_store_period_close */
	TZ_PERIOD_DEADLINE,  /* tz_store_period_deadline */
};

/*
 * tz_store_period_open, _close or _deadline (as `op` says; `deadline` is
 * ignored for a close) made by `who` (user id and time from it), with an
 * audit row written in the same transaction: "period.open",
 * "period.reopen", "period.close" or "period.deadline", object
 * "dispatch:NODECODE:YYYY-MM", old and new state and deadline as JSON
 * (web.md: the coordinator's period changes are audited). Errors as the
 * function `op` names.
 */
int tz_store_period_change(struct tz_store *s, enum tz_period_change op, int64_t node_id,
			   struct tz_period p, int64_t deadline, const struct tz_actor *who,
			   struct tz_err *err);

/*
 * The report view of period p (tz_store_report_each's) of each project
 * of `codes` that is in the ledger of p's year, in the order of `codes`;
 * codes unknown or not in that ledger are skipped (the caller sees which
 * did not come). The cost is that of the codes, not of the ledger: the
 * web form's save reads only the projects it was sent. A non-zero return
 * from fn stops and is returned. 0 or TZ_ESTORE.
 */
int tz_store_report_codes(struct tz_store *s, struct tz_period p, const char *const *codes,
			  size_t n, int (*fn)(void *ctx, const struct tz_report_view *v), void *ctx,
			  struct tz_err *err);

/*
 * Inside an open import: an audit row by `who` written in the import's
 * transaction, so that it exists exactly when the import commits
 * ("import.projects" or "import.progress" from the web application's
 * import page). Strings are copied. 0; TZ_EINTERNAL when no import is
 * open; TZ_ESTORE.
 */
int tz_store_import_audit(struct tz_store *s, const struct tz_actor *who, const char *action,
			  const char *object, const char *new_value, struct tz_err *err);


/* ================================================================== */
/* Summaries and tracking for the web pages (pages-b): the counts      */
/* above restricted to the projects one user sees, comments and marks  */
/* on problems, and the audit row of a change made through the web.    */
/* ================================================================== */

/*
 * Which projects a summary counts: keep() answers 1 (count it) or 0 for a
 * project from its 所属地区 node, its 责任单位 node (0: none) and its 包联
 * 领导 text as stored ("" if none). The web application passes the access
 * decision (core/access.h), so that a user's dashboard counts exactly the
 * projects it may see (web.md "People and permissions"). keep() may be
 * called from several threads at once (the bulletin reads in parallel
 * parts): it must only read. A NULL filter keeps every project.
 */
struct tz_project_filter {
	int (*keep)(void *ctx, int64_t region_id, int64_t unit_id, const char *leader);
	void *ctx;
};

/*
 * tz_store_bulletin over the projects `f` keeps (NULL: all, exactly
 * tz_store_bulletin). Ranks and rank changes are those among the groups
 * of the kept projects; tz_bulletin_finish then refuses a bulletin in
 * which none of the kept projects reported (TZ_ENOTFOUND).
 */
int tz_store_bulletin_where(struct tz_store *s, struct tz_bulletin *b,
			    const struct tz_project_filter *f, struct tz_err *err);

/* tz_store_problem_counts and tz_store_procedure_counts over the projects
 * `f` keeps (NULL: all). Same counters, same errors. */
int tz_store_problem_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t today,
				  const struct tz_project_filter *f, struct tz_err *err);
int tz_store_procedure_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t from,
				    int32_t to, const struct tz_project_filter *f,
				    struct tz_err *err);

/*
 * Comments and marks on a problem (web.md: leaders change "nothing but
 * comments and marks on problems"). They are problem events of their own
 * actions, dated and signed like the others, and change nothing else of
 * the problem: tz_store_problem_events hands them over with `action`
 * TZ_PROBLEM_EV_COMMENT or TZ_PROBLEM_EV_MARK and `note` the text (a
 * mark's text is its label, "重点关注", chosen by the page), from and to
 * status both the status at the time.
 */
#define TZ_PROBLEM_EV_RAISED 1
#define TZ_PROBLEM_EV_MOVED 2
#define TZ_PROBLEM_EV_EDITED 3
#define TZ_PROBLEM_EV_COMMENT 4
#define TZ_PROBLEM_EV_MARK 5

/*
 * Add a comment (TZ_PROBLEM_EV_COMMENT) or a mark (TZ_PROBLEM_EV_MARK)
 * to problem `id`. `text`: 1..TZ_PROBLEM_TEXT_MAX characters. One
 * transaction that bumps the store version. 0; TZ_ENOTFOUND; TZ_EINVAL
 * (empty or too long: err->field "意见"; another action).
 */
int tz_store_problem_note(struct tz_store *s, int64_t id, int action, const char *text,
			  int64_t user_id, int64_t at, struct tz_err *err);

/*
 * The audit row of the next dispatch write (a problem raised, edited,
 * moved or commented, a procedure set or required, a report saved, a
 * period opened…) made on this store connection: written inside that
 * write's transaction, so the change and its audit row are kept or lost
 * together (docs/internals/web.md, "Adding a page": a change writes its
 * audit row in the same transaction). The strings are copied. The row is
 * consumed by the next commit or abort of a dispatch write; a write
 * refused before it began leaves it pending, so callers clear it after
 * the call with tz_store_audit_clear. 0 or TZ_EINVAL (no action).
 */
int tz_store_audit_next(struct tz_store *s, const struct tz_actor *who, const char *action,
			const char *object, const char *old_value, const char *new_value,
			struct tz_err *err);
void tz_store_audit_clear(struct tz_store *s);

#endif
