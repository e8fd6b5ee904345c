/*
 * user.h: the people who use the web application (web.md "People and
 * permissions"): their roles, where they sit on the organisation tree,
 * and the leader name a leader account carries.
 *
 * struct tz_user is a plain value whose strings are borrowed from whoever
 * filled it (a store reading a record allocates them from the caller's
 * arena). Passwords never live here: the store keeps their Argon2id hash
 * apart, and only src/web hashes and verifies them.
 */
#ifndef TZ_USER_H
#define TZ_USER_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* Roles. The numbers are stored: never renumber. */
enum tz_role {
	TZ_ROLE_ADMIN = 1,        /* 系统管理员: users, the tree, settings */
	TZ_ROLE_COORDINATOR = 2,  /* 调度管理员: runs the dispatch of a city or county */
	TZ_ROLE_REPORTER = 3,     /* 填报员: reports for the projects of its node */
	TZ_ROLE_LEADER = 4,       /* 领导: reads; comments and marks problems */
};
#define TZ_ROLE_MIN TZ_ROLE_ADMIN
#define TZ_ROLE_MAX TZ_ROLE_LEADER

/* "admin", "coordinator", "reporter", "leader"; "" out of range. */
const char *tz_role_name(enum tz_role r);
/* 系统管理员, 调度管理员, 填报员, 领导; "" out of range. */
const char *tz_role_label(enum tz_role r);
/* Accepts the English name or the Chinese label; 0 or TZ_EINVAL. */
int tz_role_parse(const char *s, enum tz_role *out);

#define TZ_LOGIN_MAX 64       /* bytes in a login */
#define TZ_USER_NAME_MAX 100  /* characters in a 姓名 or leader name */
#define TZ_PASSWORD_MIN 8     /* characters in a password */
#define TZ_PASSWORD_MAX 256   /* bytes in a password */

/*
 * Invariants once validated: login is 1..TZ_LOGIN_MAX bytes of ASCII
 * letters, digits and . _ - @ (it goes into URLs, logs and cookies);
 * name non-empty, at most TZ_USER_NAME_MAX characters, no control
 * characters; role in range; org_id > 0; a leader has a leader_name
 * (the 包联领导 text ledgers write for it), other roles have ""; strings
 * are never NULL.
 */
struct tz_user {
	int64_t id;               /* the store's id; 0 for a user not stored yet */
	const char *login;
	const char *name;         /* 姓名 */
	enum tz_role role;
	int64_t org_id;           /* the organisation node it sits at */
	const char *leader_name;  /* leaders: as ledgers write it; "" otherwise */
	int disabled;             /* may no longer sign in; sessions and tokens stop */
	int demo;                 /* a demo account (web.md: the demo banner) */
	int64_t created;          /* unix seconds */
};

/* Check the invariants above: 0 or TZ_EINVAL with a Chinese reason and
 * err->field naming the field (登录名, 姓名, 角色, 包联领导). */
int tz_user_validate(const struct tz_user *u, struct tz_err *err);

/*
 * A password a user may choose: TZ_PASSWORD_MIN..TZ_PASSWORD_MAX, valid
 * UTF-8, no control characters. 0 or TZ_EINVAL with the reason.
 */
int tz_password_check(const char *pw, struct tz_err *err);

/*
 * The leader key of a 包联领导 text (web.md): the text with every space
 * (U+0020 and the ideographic U+3000) removed and one trailing 同志
 * dropped, so that "王 建国同志" and "王建国" name the same leader. The
 * store compares stored texts the same way (tz_store_project_list), so
 * this must stay exactly what it does. Into key (TZ_LEADER_KEY_MAX
 * bytes, NUL-terminated; longer texts are cut at a character boundary,
 * which only a text far beyond any name reaches). Returns key.
 */
#define TZ_LEADER_KEY_MAX 256
char *tz_leader_key(const char *text, char key[TZ_LEADER_KEY_MAX]);

/* Whether a project's 包联领导 text names the leader whose key is `key`.
 * An empty key or text never matches. */
int tz_leader_match(const char *text, const char *key);

/*
 * Whether a leader account may carry the 包联领导 text `name`: its leader
 * key (tz_leader_key) must be one of `keys` (n leader keys, those of the
 * ledgers' projects), since an account bound to a name no ledger writes
 * would see no 包联 project at all (web.md "People and permissions").
 * 0, or TZ_ENOTFOUND with err->field 包联领导 and a Chinese message naming
 * the name and suggesting up to three of `keys` nearest to it (fewest
 * character edits, a key that contains the other counting as one; only
 * those within half the name's length), "…是否为“王建国”、“王建华”？".
 * Nothing is kept.
 */
int tz_leader_check(const char *name, const char *const *keys, size_t n, struct tz_err *err);

#endif
