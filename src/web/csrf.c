/*
 * csrf.c: a token on every state-changing request (web.md). Each session
 * has its own random token, which forms carry in a hidden _csrf field and
 * scripts in an X-CSRF-Token header; before sign-in the login form uses a
 * token that is also set as a cookie (double submit). An Origin header,
 * when a browser sends one, must name this host. With SameSite=Strict
 * cookies this is defence in depth, and it is what the tests check.
 */
#include <string.h>

#include <sodium.h>

#include "web/internal.h"
#include "base/banned.h"

/* The Origin header, when there is one, must name this very host. */
static int same_origin(struct tz_req *r)
{
	const char *origin = tz_req_header(r, "Origin"), *host = tz_req_header(r, "Host");

	if (!origin)
		return 1;
	if (!host)
		return 0;
	if (!strncmp(origin, "http://", 7))
		origin += 7;
	else if (!strncmp(origin, "https://", 8))
		origin += 8;
	else
		return 0;
	return !strcmp(origin, host);
}

int tz_csrf_ok(struct tz_req *r)
{
	const char *want = r->csrf, *got = tz_req_form(r, "_csrf");
	size_t n;

	if (!same_origin(r))
		return 0;
	if (!want && !r->user)
		want = tz_req_cookie(r, TZ_PRELOGIN_COOKIE);
	if (!got)
		got = tz_req_header(r, "X-CSRF-Token");
	if (!want || !got || !tz_token_plausible(want, 0))
		return 0;
	n = strlen(want);
	return strlen(got) == n && sodium_memcmp(want, got, n) == 0;
}

const char *tz_csrf_prelogin(struct tz_req *r)
{
	const char *have = tz_req_cookie(r, TZ_PRELOGIN_COOKIE);
	char token[TZ_TOKEN_TEXT_MAX];

	if (tz_token_plausible(have, 0))
		return have;
	tz_token_new(token, 0);
	tz_resp_cookie(r, TZ_PRELOGIN_COOKIE, token, -1);
	return tz_arena_strdup(r->arena, token);
}
