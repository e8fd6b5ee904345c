/*
 * audit.h: the audit trail as people read it (the /audit page): actions,
 * objects and old/new values in Chinese, in the words of the pages that
 * make the changes.
 *
 * The store keeps each row as it was written -- an action key such as
 * "report.save", an object such as "dispatch:210800:2025-12", values as
 * JSON with English keys -- and that stays the record. These functions
 * only present it: HTML fragments appended to a tz_buf, every piece of
 * the record escaped (or plain text for the command line). Whatever a row holds (a key no table here knows, a
 * value that is not JSON, a login a stranger typed into the sign-in form)
 * comes out as escaped text, never as markup and never as a failure.
 *
 * The actions and keys known are those the code writes: store/sqlite-web.c
 * (users, sessions, tokens), store/sqlite-dispatch.c (periods),
 * store/sqlite-report.c (report.save), store/sqlite-org.c (org.import),
 * intake/import.c (import.*), web/ui-problems.c and web/ui-procedures.c
 * (through tz_store_audit_next). A new action or key is added to the
 * tables in audit.c; until then it shows as its key.
 */
#ifndef TZ_WEB_AUDIT_H
#define TZ_WEB_AUDIT_H

#include "base/buf.h"
#include "core/org.h"

/*
 * What the page knows beyond the row itself, to name what a row names.
 * Every member may be NULL (then codes and logins are shown as they are).
 */
struct tz_audit_names {
	const struct tz_org_index *org;  /* node codes to names */
	/* The name of the project `code`, or NULL when it is unknown or not
	 * the reader's to see: then the code alone is shown, without a link.
	 * The string must outlive the call. */
	const char *(*project)(void *ctx, const char *code);
	/* The 姓名 of the user `login`, or NULL. */
	const char *(*user)(void *ctx, const char *login);
	void *ctx;
};

struct tz_arena;
struct tz_err;
struct tz_store;
struct tz_user;

/*
 * A memo of the names the rows of one page (or one `taizhang audit`)
 * ask for, behind the callbacks of struct tz_audit_names: each project
 * code is looked up once, the users are listed once. Its caller zeroes
 * it and sets `arena`, which owns everything it grows; it lives no
 * longer than that arena. Who may see which project's name is the
 * caller's to decide (web/ui-admin.c asks core/access.h); the memo only
 * remembers the answer.
 */
struct tz_audit_names_cache {
	struct tz_arena *arena;
	const char **codes, **names;  /* project codes asked, and their answers */
	size_t n, cap;
	struct tz_user *users;        /* the store's users, once listed */
	size_t nusers;
	int users_loaded;
};

/* Whether the project `code` was asked before: 1 with its answer (maybe
 * NULL: none) in *name, else 0. */
int tz_audit_names_cache_find(const struct tz_audit_names_cache *c, const char *code,
			      const char **name);

/* Remember `name` (borrowed, must live as long as the arena; NULL for
 * none) as the answer for `code` (copied into the arena). Returns name. */
const char *tz_audit_names_cache_keep(struct tz_audit_names_cache *c, const char *code,
				      const char *name);

/*
 * The 姓名 of the user `login` in *name, or NULL when no user has that
 * login. The first call lists the store's users (tz_store_user_list)
 * into the arena; if that fails its error is returned (and written to
 * err, which may be NULL) and every later call finds no one and
 * returns 0.
 */
int tz_audit_names_cache_user(struct tz_audit_names_cache *c, struct tz_store *store,
			      const char *login, const char **name, struct tz_err *err);

/* The Chinese label of an action ("report.save" → "调度填报"); an
 * unknown action is returned as it is (the caller escapes it). Static
 * strings. */
const char *tz_audit_action_label(const char *action);

/* Where a change came from: "命令行" for "cli" (the command line), else
 * the origin as it is (the client's address); "—" for none. */
const char *tz_audit_origin_label(const char *origin);

/* The number of actions known, and the i-th as { key, label } (the page's
 * list of actions to filter by). */
size_t tz_audit_action_count(void);
void tz_audit_action_at(size_t i, const char **key, const char **label);

/*
 * Append the object of a row as HTML: "用户 leader（孙振宇）", "令牌 1",
 * "调度期 2025-12（营口市）", "问题 #12", "项目 名称（编号）", "文件 名称",
 * with a link to its page where one exists (/ontime for a period,
 * /problems/N, /projects/CODE). NULL or "" is "—"; an object of no known
 * form is its text, escaped. 0 or TZ_ETOOBIG (b's cap).
 */
int tz_audit_object_html(struct tz_buf *b, const char *object, const struct tz_audit_names *nm);

/*
 * Append an old or new value of a row of `action` as HTML: a JSON object
 * becomes a list (<ul class="kv">) of its keys in Chinese with their
 * values in Chinese ("新增 2 个、更正 0 个、未变 0 个、迟报 2 个",
 * "项目：A、B、C、D、E等12个", "状态：填报中", "报送截止：2026-01-05 17:00"),
 * in the order written; counts next to each other share a line; empty
 * strings are left out. A key not known for the action is shown as the
 * key, escaped, with its value. NULL or "" appends nothing; text that is
 * not a JSON object is appended escaped as it is. 0 or TZ_ETOOBIG.
 */
int tz_audit_value_html(struct tz_buf *b, const char *action, const char *value,
			const struct tz_audit_names *nm);

/*
 * The same as text for a terminal (`taizhang audit`): no markup and no
 * links; a value's keys separated by "；"; control characters of the
 * record (which could drive the terminal) dropped, line breaks as
 * spaces. 0 or TZ_ETOOBIG.
 */
int tz_audit_object_text(struct tz_buf *b, const char *object, const struct tz_audit_names *nm);
/* Any other text of a row (a login, an origin, an unknown action), cleaned
 * the same way. */
int tz_audit_plain(struct tz_buf *b, const char *s);
int tz_audit_value_text(struct tz_buf *b, const char *action, const char *value,
			const struct tz_audit_names *nm);

#endif
