/*
 * sqlite-web.c: the web application's records in SQLite: users,
 * sessions, API tokens and the audit trail (store.h, "The web
 * application"), plus the helpers sqlite-list.c shares (sqlite-web.h).
 *
 * Every change is one transaction that also writes its audit row, so a
 * change without its record (or a record of a change that did not
 * happen) cannot exist. The statements a request runs every time (its
 * session, its token) stay prepared for the connection's life.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/json.h"
#include "base/xalloc.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Statements kept prepared                                            */

#define STMT_CACHE_MAX 32

struct sqlite_stmt_cache {
	const char *sql[STMT_CACHE_MAX];
	sqlite3_stmt *st[STMT_CACHE_MAX];
	size_t n;
};

int tz_sqlite_cached(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		     struct tz_err *err)
{
	struct sqlite_stmt_cache *c = ss->stmts;

	if (!c)
		c = ss->stmts = tz_xcalloc(1, sizeof(*c));
	for (size_t i = 0; i < c->n; i++) {
		if (c->sql[i] == sql) {
			sqlite3_reset(c->st[i]);
			sqlite3_clear_bindings(c->st[i]);
			*st = c->st[i];
			return 0;
		}
	}
	if (c->n == STMT_CACHE_MAX)
		return tz_err_set(err, TZ_EINTERNAL, "statement cache full");
	if (sqlite3_prepare_v3(ss->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return tz_sqlite_error(ss, err, "prepare");
	c->sql[c->n] = sql;
	c->st[c->n++] = *st;
	return 0;
}

void tz_sqlite_cache_free(struct sqlite_store *ss)
{
	if (!ss->stmts)
		return;
	for (size_t i = 0; i < ss->stmts->n; i++)
		sqlite3_finalize(ss->stmts->st[i]);
	free(ss->stmts);
	ss->stmts = NULL;
}

/* ------------------------------------------------------------------ */
/* Queries from filters                                                */

void tz_qb_init(struct sqlite_qb *q)
{
	memset(q, 0, sizeof(*q));
	tz_buf_init(&q->sql, 0);
}

void tz_qb_release(struct sqlite_qb *q)
{
	tz_buf_release(&q->sql);
	free(q->binds);
	q->binds = NULL;
	q->nbinds = q->alloc = 0;
}

void tz_qb_sql(struct sqlite_qb *q, const char *sql)
{
	tz_buf_adds(&q->sql, sql);
}

static void bind(struct sqlite_qb *q, const char *text, int64_t num)
{
	TZ_ALLOC_GROW(q->binds, q->nbinds + 1, q->alloc);
	q->binds[q->nbinds].text = text;
	q->binds[q->nbinds].num = num;
	q->nbinds++;
	tz_buf_addch(&q->sql, '?');
}

void tz_qb_int(struct sqlite_qb *q, int64_t v)
{
	bind(q, NULL, v);
}

void tz_qb_text(struct sqlite_qb *q, const char *s)
{
	bind(q, s ? s : "", 0);
}

void tz_qb_ids(struct sqlite_qb *q, const int64_t *ids, size_t n)
{
	if (!n) {
		tz_qb_sql(q, "(NULL)");
		return;
	}
	tz_buf_addch(&q->sql, '(');
	for (size_t i = 0; i < n; i++) {
		if (i)
			tz_buf_adds(&q->sql, ", ");
		bind(q, NULL, ids[i]);
	}
	tz_buf_addch(&q->sql, ')');
}

void tz_qb_like(struct sqlite_qb *q, struct tz_arena *a, const char *pre, const char *s,
		const char *post)
{
	size_t n = strlen(s), k = strlen(pre);
	char *pat = tz_arena_alloc(a, 2 * n + k + strlen(post) + 1), *w = pat;

	memcpy(w, pre, k);
	w += k;
	for (const char *p = s; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			*w++ = '\\';
		*w++ = *p;
	}
	memcpy(w, post, strlen(post) + 1);
	bind(q, pat, 0);
	tz_qb_sql(q, " ESCAPE '\\'");
}

int tz_qb_prepare(struct sqlite_store *ss, struct sqlite_qb *q, sqlite3_stmt **st,
		  struct tz_err *err)
{
	int rc;

	if ((rc = tz_sqlite_prepare(ss, q->sql.buf, st, err)))
		return rc;
	for (size_t i = 0; i < q->nbinds; i++) {
		if (q->binds[i].text)
			sqlite3_bind_text(*st, (int)i + 1, q->binds[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(*st, (int)i + 1, q->binds[i].num);
	}
	return 0;
}

char *tz_sqlite_adup(struct tz_arena *a, sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);

	return tz_arena_strndup(a, s ? s : "", s ? (size_t)sqlite3_column_bytes(st, col) : 0);
}

/* ------------------------------------------------------------------ */
/* Transactions and the audit trail                                    */

static int begin(struct sqlite_store *ss, struct tz_err *err)
{
	return tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err);
}

static int commit(struct sqlite_store *ss, struct tz_err *err)
{
	int rc = tz_sqlite_exec(ss, "COMMIT", err);

	if (rc)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}

static int rollback(struct sqlite_store *ss, int rc)
{
	tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}

int tz_sqlite_audit(struct sqlite_store *ss, const struct tz_actor *who, const char *action,
		    const char *object, const char *old_value, const char *new_value,
		    struct tz_err *err)
{
	static const char sql[] = "INSERT INTO audit(at, user_id, origin, action, object, old_value,"
				  " new_value) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, who ? who->at : 0);
	if (who && who->user_id)
		sqlite3_bind_int64(st, 2, who->user_id);
	sqlite3_bind_text(st, 3, who && who->origin ? who->origin : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, object ? object : "", -1, SQLITE_STATIC);
	if (old_value)
		sqlite3_bind_text(st, 6, old_value, -1, SQLITE_STATIC);
	if (new_value)
		sqlite3_bind_text(st, 7, new_value, -1, SQLITE_STATIC);
	return tz_sqlite_step(ss, st, err);
}

int tz_sqlite_audit_add(struct tz_store *s, const struct tz_actor *who, const char *action,
			const char *object, const char *old_value, const char *new_value,
			struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_audit(ss, who, action, object, old_value, new_value, err)))
		return rollback(ss, rc);
	return commit(ss, err);
}

/* "user:LOGIN" into buf. */
static const char *user_object(char *buf, size_t size, const char *login)
{
	snprintf(buf, size, "user:%s", login);
	return buf;
}

/* ------------------------------------------------------------------ */
/* Users                                                               */

#define USER_COLUMNS "u.id, u.login, u.name, u.role, u.org_id, u.leader_name, u.disabled," \
		     " u.demo, u.created"
#define USER_NCOLUMNS 9

/* Read the USER_COLUMNS starting at column `col`. */
static void read_user(sqlite3_stmt *st, int col, struct tz_arena *a, struct tz_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = sqlite3_column_int64(st, col);
	u->login = tz_sqlite_adup(a, st, col + 1);
	u->name = tz_sqlite_adup(a, st, col + 2);
	u->role = (enum tz_role)sqlite3_column_int(st, col + 3);
	u->org_id = sqlite3_column_int64(st, col + 4);
	u->leader_name = tz_sqlite_adup(a, st, col + 5);
	u->disabled = sqlite3_column_int(st, col + 6);
	u->demo = sqlite3_column_int(st, col + 7);
	u->created = sqlite3_column_int64(st, col + 8);
}

/* The user's fields as the audit trail's JSON. */
static char *user_json(struct sqlite_store *ss, const struct tz_user *u)
{
	struct tz_json j;
	char *code = NULL;
	sqlite3_stmt *st;

	if (!tz_sqlite_prepare(ss, "SELECT code FROM org WHERE id = ?1", &st, NULL)) {
		sqlite3_bind_int64(st, 1, u->org_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			code = tz_xstrdup(tz_sqlite_text(st, 0));
		sqlite3_finalize(st);
	}
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "login", u->login);
	tz_json_kv_str(&j, "name", u->name);
	tz_json_kv_str(&j, "role", tz_role_name(u->role));
	tz_json_kv_str(&j, "org", code ? code : "");
	if (*u->leader_name)
		tz_json_kv_str(&j, "leader_name", u->leader_name);
	if (u->demo)
		tz_json_kv_bool(&j, "demo", 1);
	tz_json_object_end(&j);
	free(code);
	return tz_buf_detach(&j.out, NULL);
}

int tz_sqlite_user_add(struct tz_store *s, const struct tz_user *u, const char *password_hash,
		       const struct tz_actor *who, int64_t *id, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st = NULL;
	char obj[TZ_LOGIN_MAX + 8], *json = NULL;
	int64_t org = 0;
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_prepare(ss, "SELECT count(*) FROM org WHERE id = ?1", &st, err)))
		goto fail;
	sqlite3_bind_int64(st, 1, u->org_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		org = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (!org) {
		rc = tz_err_set(err, TZ_ENOTFOUND, "组织机构不存在（编号%lld）", (long long)u->org_id);
		goto fail;
	}
	rc = tz_sqlite_prepare(ss, "INSERT INTO users(login, name, role, org_id, leader_name,"
			       " password_hash, disabled, demo, created)"
			       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_text(st, 1, u->login, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, u->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, (int)u->role);
	sqlite3_bind_int64(st, 4, u->org_id);
	sqlite3_bind_text(st, 5, u->leader_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, u->disabled != 0);
	sqlite3_bind_int(st, 8, u->demo != 0);
	sqlite3_bind_int64(st, 9, u->created ? u->created : who ? who->at : 0);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	st = NULL;
	if (rc == SQLITE_CONSTRAINT) {
		rc = tz_err_set(err, TZ_EEXIST, "登录名“%s”已被使用", u->login);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = tz_sqlite_error(ss, err, "user add");
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(ss->db);
	json = user_json(ss, u);
	if ((rc = tz_sqlite_audit(ss, who, "user.add", user_object(obj, sizeof(obj), u->login),
				  NULL, json, err)) ||
	    (rc = tz_sqlite_bump_version(ss, err)))
		goto fail;
	free(json);
	return commit(ss, err);
fail:
	free(json);
	return rollback(ss, rc);
}

int tz_sqlite_user_get(struct tz_store *s, const char *login, int64_t id, struct tz_arena *a,
		       struct tz_user *out, char **password_hash, struct tz_err *err)
{
	static const char by_login[] = "SELECT " USER_COLUMNS ", u.password_hash FROM users u"
				       " WHERE u.login = ?1";
	static const char by_id[] = "SELECT " USER_COLUMNS ", u.password_hash FROM users u"
				    " WHERE u.id = ?1";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, login ? by_login : by_id, &st, err)))
		return rc;
	if (login)
		sqlite3_bind_text(st, 1, login, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_user(st, 0, a, out);
		if (password_hash)
			*password_hash = tz_sqlite_adup(a, st, USER_NCOLUMNS);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = login ? tz_err_set(err, TZ_ENOTFOUND, "用户“%s”不存在", login)
			   : tz_err_set(err, TZ_ENOTFOUND, "用户不存在（编号%lld）", (long long)id);
	} else {
		rc = tz_sqlite_error(ss, err, "user");
	}
	sqlite3_reset(st);
	return rc;
}

int tz_sqlite_user_list(struct tz_store *s, struct tz_arena *a, struct tz_user **out,
			size_t *n, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t count;
	size_t i = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM users", &count, err)) ||
	    (rc = tz_sqlite_prepare(ss, "SELECT " USER_COLUMNS " FROM users u ORDER BY u.login",
				    &st, err)))
		return rc;
	*out = tz_arena_calloc(a, (size_t)count + 1, sizeof(**out));
	rc = SQLITE_DONE;  /* no users: no step (walkthrough 12: "not an error") */
	while (i < (size_t)count && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_user(st, 0, a, &(*out)[i++]);
	sqlite3_finalize(st);
	*n = i;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "users");
}

/* The login of user `id`, for the audit trail; TZ_ENOTFOUND. Inside a
 * transaction. `disabled` (may be NULL) receives its flag. */
static int user_login(struct sqlite_store *ss, int64_t id, char *buf, size_t size,
		      int *disabled, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, "SELECT login, disabled FROM users WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(buf, size, "user:%s", tz_sqlite_text(st, 0));
		if (disabled)
			*disabled = sqlite3_column_int(st, 1);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE
			     ? tz_err_set(err, TZ_ENOTFOUND, "用户不存在（编号%lld）", (long long)id)
			     : tz_sqlite_error(ss, err, "user");
	}
	sqlite3_finalize(st);
	return rc;
}

static int exec_id(struct sqlite_store *ss, const char *sql, int64_t id, const char *text,
		   struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	return rc;
}

int tz_sqlite_user_set_password(struct tz_store *s, int64_t id, const char *password_hash,
				const char *keep_session, const struct tz_actor *who,
				struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char obj[TZ_LOGIN_MAX + 8];
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = user_login(ss, id, obj, sizeof(obj), NULL, err)) ||
	    (rc = exec_id(ss, "UPDATE users SET password_hash = ?2, demo = 0 WHERE id = ?1", id,
			  password_hash, err)) ||
	    (rc = exec_id(ss, "DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2", id,
			  keep_session ? keep_session : "", err)) ||
	    (rc = tz_sqlite_audit(ss, who, "user.passwd", obj, NULL, "{\"password\":\"changed\"}",
				  err)) ||
	    (rc = tz_sqlite_bump_version(ss, err)))
		return rollback(ss, rc);
	return commit(ss, err);
}

int tz_sqlite_user_set_disabled(struct tz_store *s, int64_t id, int disabled,
				const struct tz_actor *who, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char obj[TZ_LOGIN_MAX + 8];
	int rc, was = 0;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = user_login(ss, id, obj, sizeof(obj), &was, err)))
		return rollback(ss, rc);
	if ((rc = exec_id(ss, disabled ? "UPDATE users SET disabled = 1 WHERE id = ?1"
				       : "UPDATE users SET disabled = 0 WHERE id = ?1", id, NULL, err)) ||
	    (disabled && (rc = exec_id(ss, "DELETE FROM sessions WHERE user_id = ?1", id, NULL, err))) ||
	    (rc = tz_sqlite_audit(ss, who, disabled ? "user.disable" : "user.enable", obj,
				  was ? "{\"disabled\":true}" : "{\"disabled\":false}",
				  disabled ? "{\"disabled\":true}" : "{\"disabled\":false}", err)) ||
	    (rc = tz_sqlite_bump_version(ss, err)))
		return rollback(ss, rc);
	return commit(ss, err);
}

int tz_sqlite_user_demo_count(struct tz_store *s, long *n, struct tz_err *err)
{
	static const char sql[] = "SELECT count(*) FROM users WHERE demo = 1 AND disabled = 0";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : tz_sqlite_error(ss, err, "demo users");
}

/* ------------------------------------------------------------------ */
/* Sessions                                                            */

int tz_sqlite_session_add(struct tz_store *s, const char *token_hash, int64_t user_id,
			  const char *csrf, int64_t expires, const struct tz_actor *who,
			  struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char obj[TZ_LOGIN_MAX + 8];
	sqlite3_stmt *st;
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = user_login(ss, user_id, obj, sizeof(obj), NULL, err)))
		return rollback(ss, rc);
	/* The user's sessions that ended go while we are here. */
	rc = tz_sqlite_prepare(ss, "DELETE FROM sessions WHERE user_id = ?1 AND expires <= ?2", &st, err);
	if (rc)
		return rollback(ss, rc);
	sqlite3_bind_int64(st, 1, user_id);
	sqlite3_bind_int64(st, 2, who ? who->at : 0);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	if (rc)
		return rollback(ss, rc);
	rc = tz_sqlite_prepare(ss, "INSERT INTO sessions(token_hash, user_id, csrf, created, expires)"
			       " VALUES(?1, ?2, ?3, ?4, ?5)", &st, err);
	if (rc)
		return rollback(ss, rc);
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, who ? who->at : 0);
	sqlite3_bind_int64(st, 5, expires);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	if (rc || (rc = tz_sqlite_audit(ss, who, "login", obj, NULL, NULL, err)))
		return rollback(ss, rc);
	return commit(ss, err);
}

int tz_sqlite_session_get(struct tz_store *s, const char *token_hash, int64_t now,
			  struct tz_arena *a, struct tz_session *out, struct tz_err *err)
{
	static const char sql[] =
		"SELECT " USER_COLUMNS ", s.csrf, s.created, s.expires"
		" FROM sessions s JOIN users u ON u.id = s.user_id"
		" WHERE s.token_hash = ?1 AND s.expires > ?2 AND u.disabled = 0";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_user(st, 0, a, &out->user);
		out->csrf = tz_sqlite_adup(a, st, USER_NCOLUMNS);
		out->created = sqlite3_column_int64(st, USER_NCOLUMNS + 1);
		out->expires = sqlite3_column_int64(st, USER_NCOLUMNS + 2);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? tz_err_set(err, TZ_ENOTFOUND, "会话不存在或已过期")
				       : tz_sqlite_error(ss, err, "session");
	}
	sqlite3_reset(st);
	return rc;
}

int tz_sqlite_session_touch(struct tz_store *s, const char *token_hash, int64_t expires,
			    struct tz_err *err)
{
	static const char sql[] = "UPDATE sessions SET expires = ?2 WHERE token_hash = ?1";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, expires);
	return tz_sqlite_step(ss, st, err);
}

int tz_sqlite_session_end(struct tz_store *s, const char *token_hash,
			  const struct tz_actor *who, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char obj[TZ_LOGIN_MAX + 8] = "";
	sqlite3_stmt *st;
	int64_t user = 0;
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_prepare(ss, "SELECT user_id FROM sessions WHERE token_hash = ?1", &st, err)))
		return rollback(ss, rc);
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		user = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (!user)
		return rollback(ss, 0);  /* already gone: nothing to record */
	if ((rc = tz_sqlite_prepare(ss, "DELETE FROM sessions WHERE token_hash = ?1", &st, err)))
		return rollback(ss, rc);
	sqlite3_bind_text(st, 1, token_hash, -1, SQLITE_STATIC);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	if (!rc && who && !(rc = user_login(ss, user, obj, sizeof(obj), NULL, err)))
		rc = tz_sqlite_audit(ss, who, "logout", obj, NULL, NULL, err);
	if (rc)
		return rollback(ss, rc);
	return commit(ss, err);
}

int tz_sqlite_session_purge(struct tz_store *s, int64_t now, long *n, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, "DELETE FROM sessions WHERE expires <= ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, now);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	*n = rc ? 0 : sqlite3_changes(ss->db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* API tokens                                                          */

int tz_sqlite_token_add(struct tz_store *s, const char *hash, int64_t user_id, const char *name,
			int64_t expires, const struct tz_actor *who, int64_t *id,
			struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char obj[TZ_LOGIN_MAX + 8], what[32];
	struct tz_json j;
	sqlite3_stmt *st;
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = user_login(ss, user_id, obj, sizeof(obj), NULL, err)))
		return rollback(ss, rc);
	rc = tz_sqlite_prepare(ss, "INSERT INTO api_tokens(hash, user_id, name, created, expires)"
			       " VALUES(?1, ?2, ?3, ?4, ?5)", &st, err);
	if (rc)
		return rollback(ss, rc);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, who ? who->at : 0);
	if (expires)
		sqlite3_bind_int64(st, 5, expires);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	if (rc)
		return rollback(ss, rc);
	*id = sqlite3_last_insert_rowid(ss->db);
	snprintf(what, sizeof(what), "token:%lld", (long long)*id);
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "user", obj + strlen("user:"));
	tz_json_kv_str(&j, "name", name);
	if (expires)
		tz_json_kv_int(&j, "expires", expires);
	tz_json_object_end(&j);
	rc = tz_sqlite_audit(ss, who, "token.add", what, NULL, j.out.buf, err);
	tz_json_release(&j);
	if (rc)
		return rollback(ss, rc);
	return commit(ss, err);
}

int tz_sqlite_token_user(struct tz_store *s, const char *hash, int64_t now, struct tz_arena *a,
			 struct tz_user *out, struct tz_err *err)
{
	static const char sql[] =
		"SELECT " USER_COLUMNS " FROM api_tokens t JOIN users u ON u.id = t.user_id"
		" WHERE t.hash = ?1 AND t.revoked = 0 AND (t.expires IS NULL OR t.expires > ?2)"
		" AND u.disabled = 0";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_user(st, 0, a, out);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? tz_err_set(err, TZ_ENOTFOUND, "API令牌无效、已撤销或已过期")
				       : tz_sqlite_error(ss, err, "token");
	}
	sqlite3_reset(st);
	return rc;
}

int tz_sqlite_token_list(struct tz_store *s, struct tz_arena *a, struct tz_api_token **out,
			 size_t *n, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t count;
	size_t i = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM api_tokens", &count, err)) ||
	    (rc = tz_sqlite_prepare(ss, "SELECT t.id, t.user_id, u.login, t.name, t.created,"
				    " coalesce(t.expires, 0), t.revoked"
				    " FROM api_tokens t JOIN users u ON u.id = t.user_id"
				    " ORDER BY t.id DESC", &st, err)))
		return rc;
	*out = tz_arena_calloc(a, (size_t)count + 1, sizeof(**out));
	rc = SQLITE_DONE;  /* no tokens: no step */
	while (i < (size_t)count && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_api_token *t = &(*out)[i++];

		t->id = sqlite3_column_int64(st, 0);
		t->user_id = sqlite3_column_int64(st, 1);
		t->login = tz_sqlite_adup(a, st, 2);
		t->name = tz_sqlite_adup(a, st, 3);
		t->created = sqlite3_column_int64(st, 4);
		t->expires = sqlite3_column_int64(st, 5);
		t->revoked = sqlite3_column_int(st, 6);
	}
	sqlite3_finalize(st);
	*n = i;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "tokens");
}

int tz_sqlite_token_revoke(struct tz_store *s, int64_t id, const struct tz_actor *who,
			   struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char what[32];
	int rc;

	if ((rc = begin(ss, err)))
		return rc;
	if ((rc = exec_id(ss, "UPDATE api_tokens SET revoked = 1 WHERE id = ?1", id, NULL, err)))
		return rollback(ss, rc);
	if (!sqlite3_changes(ss->db))
		return rollback(ss, tz_err_set(err, TZ_ENOTFOUND, "API令牌不存在（编号%lld）",
					       (long long)id));
	snprintf(what, sizeof(what), "token:%lld", (long long)id);
	if ((rc = tz_sqlite_audit(ss, who, "token.revoke", what, "{\"revoked\":false}",
				  "{\"revoked\":true}", err)))
		return rollback(ss, rc);
	return commit(ss, err);
}

/* ------------------------------------------------------------------ */
/* Reading the audit trail                                             */

static void audit_where(struct sqlite_qb *q, const struct tz_audit_query *f, struct tz_arena *a)
{
	tz_qb_sql(q, " WHERE 1 = 1");
	if (!f->all) {
		tz_qb_sql(q, " AND a.user_id IN (SELECT id FROM users WHERE org_id IN ");
		tz_qb_ids(q, f->org_ids, f->norg_ids);
		tz_qb_sql(q, ")");
	}
	if (f->login && *f->login) {
		tz_qb_sql(q, " AND u.login = ");
		tz_qb_text(q, f->login);
	}
	if (f->action && *f->action) {
		tz_qb_sql(q, " AND a.action LIKE ");
		tz_qb_like(q, a, "", f->action, "%");
	}
	if (f->nactions) {
		tz_qb_sql(q, " AND a.action IN (");
		for (size_t i = 0; i < f->nactions; i++) {
			tz_qb_sql(q, i ? ", " : "");
			tz_qb_text(q, f->actions[i]);
		}
		tz_qb_sql(q, ")");
	}
	if (f->object && *f->object) {
		tz_qb_sql(q, " AND a.object LIKE ");
		tz_qb_like(q, a, "%", f->object, "%");
	}
	if (f->since) {
		tz_qb_sql(q, " AND a.at >= ");
		tz_qb_int(q, f->since);
	}
	if (f->until) {
		tz_qb_sql(q, " AND a.at < ");
		tz_qb_int(q, f->until);
	}
}

int tz_sqlite_audit_list(struct tz_store *s, const struct tz_audit_query *f, struct tz_arena *a,
			 struct tz_audit_entry **out, size_t *n, long *total, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	long limit = f->limit > 0 ? f->limit : 50;
	struct sqlite_qb q;
	sqlite3_stmt *st = NULL;
	size_t i = 0;
	int rc;

	*out = tz_arena_calloc(a, (size_t)limit, sizeof(**out));
	*n = 0;
	if (total) {
		tz_qb_init(&q);
		tz_qb_sql(&q, "SELECT count(*) FROM audit a LEFT JOIN users u ON u.id = a.user_id");
		audit_where(&q, f, a);
		rc = tz_qb_prepare(ss, &q, &st, err);
		tz_qb_release(&q);
		if (rc)
			return rc;
		rc = sqlite3_step(st);
		*total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return tz_sqlite_error(ss, err, "audit");
	}
	tz_qb_init(&q);
	tz_qb_sql(&q, "SELECT a.id, a.at, coalesce(a.user_id, 0), coalesce(u.login, ''), a.origin,"
		      " a.action, a.object, a.old_value, a.new_value"
		      " FROM audit a LEFT JOIN users u ON u.id = a.user_id");
	audit_where(&q, f, a);
	tz_qb_sql(&q, " ORDER BY a.id DESC LIMIT ");
	tz_qb_int(&q, limit);
	tz_qb_sql(&q, " OFFSET ");
	tz_qb_int(&q, f->offset > 0 ? f->offset : 0);
	rc = tz_qb_prepare(ss, &q, &st, err);
	tz_qb_release(&q);
	if (rc)
		return rc;
	while (i < (size_t)limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_audit_entry *e = &(*out)[i++];

		e->id = sqlite3_column_int64(st, 0);
		e->at = sqlite3_column_int64(st, 1);
		e->user_id = sqlite3_column_int64(st, 2);
		e->login = tz_sqlite_adup(a, st, 3);
		e->origin = tz_sqlite_adup(a, st, 4);
		e->action = tz_sqlite_adup(a, st, 5);
		e->object = tz_sqlite_adup(a, st, 6);
		e->old_value = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : tz_sqlite_adup(a, st, 7);
		e->new_value = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : tz_sqlite_adup(a, st, 8);
	}
	sqlite3_finalize(st);
	*n = i;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "audit");
}
