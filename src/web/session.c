/*
 * session.c: who is asking. A signed-in browser carries a session cookie
 * (32 random bytes, HttpOnly, SameSite=Strict, Secure over TLS) whose
 * BLAKE2b hash the store keeps with the session's CSRF token and its
 * end; an API client sends `Authorization: Bearer tzk_…`, likewise kept
 * hashed. A session ends after `session_hours` unused, and a week after
 * sign-in whatever happens.
 */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "base/log.h"
#include "store/store.h"
#include "web/internal.h"
#include "base/banned.h"

#define TOKEN_BYTES 32
#define TOKEN_CHARS 43            /* base64url of 32 bytes, no padding */
#define SESSION_MAX_AGE (7 * 24 * 3600)

void tz_token_new(char out[TZ_TOKEN_TEXT_MAX], int api)
{
	unsigned char raw[TOKEN_BYTES];
	size_t skip = api ? strlen(TZ_API_TOKEN_PREFIX) : 0;

	randombytes_buf(raw, sizeof(raw));
	memcpy(out, TZ_API_TOKEN_PREFIX, skip);
	sodium_bin2base64(out + skip, TZ_TOKEN_TEXT_MAX - skip, raw, sizeof(raw),
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void tz_token_hash(const char *token, char out[TZ_TOKEN_HASH_MAX])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, TZ_TOKEN_HASH_MAX, h, sizeof(h));
}

int tz_token_plausible(const char *s, int api)
{
	size_t skip = api ? strlen(TZ_API_TOKEN_PREFIX) : 0;

	if (!s || (api && strncmp(s, TZ_API_TOKEN_PREFIX, skip)) || strlen(s) != skip + TOKEN_CHARS)
		return 0;
	for (s += skip; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static int64_t idle_seconds(const struct tz_req *r)
{
	return (int64_t)(r->web->cfg.session_hours ? r->web->cfg.session_hours : 8) * 3600;
}

int tz_session_start(struct tz_req *r, const struct tz_user *u)
{
	char token[TZ_TOKEN_TEXT_MAX], hash[TZ_TOKEN_HASH_MAX], csrf[TZ_TOKEN_TEXT_MAX];
	struct tz_actor who = { u->id, r->client, r->now };
	int rc;

	tz_token_new(token, 0);
	tz_token_hash(token, hash);
	tz_token_new(csrf, 0);
	rc = tz_store_session_add(r->store, hash, u->id, csrf, r->now + idle_seconds(r), &who,
				  &r->err);
	if (rc)
		return rc;
	tz_resp_cookie(r, TZ_SESSION_COOKIE, token, -1);
	tz_resp_cookie(r, TZ_PRELOGIN_COOKIE, "", 0);
	r->user = u;
	r->csrf = tz_arena_strdup(r->arena, csrf);
	r->session_hash = tz_arena_strdup(r->arena, hash);
	r->priv->log_user = u->login;
	sodium_memzero(token, sizeof(token));
	return 0;
}

/* A Bearer token from the Authorization header, or NULL. */
static const char *bearer(const struct tz_req *r)
{
	const char *h = tz_req_header(r, "Authorization");

	if (!h || strncasecmp(h, "Bearer ", 7))
		return NULL;
	h += 7;
	while (*h == ' ')
		h++;
	return h;
}

int tz_session_load(struct tz_req *r)
{
	char hash[TZ_TOKEN_HASH_MAX];
	const char *token;

	if (r->route && (r->route->flags & TZ_ROUTE_API) && (token = bearer(r))) {
		struct tz_user *u = tz_arena_calloc(r->arena, 1, sizeof(*u));

		/* A request with a token is judged by the token alone. */
		if (!tz_token_plausible(token, 1))
			return 0;
		tz_token_hash(token, hash);
		if (tz_store_token_user(r->store, hash, r->now, r->arena, u, &r->err))
			return 0;
		r->user = u;
		r->by_token = 1;
		r->priv->log_user = u->login;
		return 0;
	}
	token = tz_req_cookie(r, TZ_SESSION_COOKIE);
	if (tz_token_plausible(token, 0)) {
		struct tz_session *s = tz_arena_calloc(r->arena, 1, sizeof(*s));

		tz_token_hash(token, hash);
		if (tz_store_session_get(r->store, hash, r->now, r->arena, s, &r->err))
			return 0;
		if (r->now - s->created >= SESSION_MAX_AGE)
			return 0;
		r->user = &s->user;
		r->csrf = s->csrf;
		r->session_hash = tz_arena_strdup(r->arena, hash);
		r->priv->log_user = s->user.login;
		/* Slide the end forward, at most once a quarter of an hour. */
		if (s->expires - r->now < idle_seconds(r) - 900 &&
		    tz_store_session_touch(r->store, hash, r->now + idle_seconds(r), &r->err))
			tz_log(TZ_LOG_WARN, "event=session_touch_failed msg=\"%s\"", r->err.msg);
	}
	return 0;
}

int tz_session_end(struct tz_req *r)
{
	struct tz_actor who;
	int rc = 0;

	tz_req_actor(r, &who);
	if (r->session_hash)
		rc = tz_store_session_end(r->store, r->session_hash, &who, &r->err);
	tz_resp_cookie(r, TZ_SESSION_COOKIE, "", 0);
	return rc;
}
