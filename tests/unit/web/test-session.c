/*
 * test-session.c: who is asking, without a socket: tokens and their
 * hashes, sessions started and found again through the store (forged,
 * expired and signed-out cookies find nobody), CSRF tokens (session and
 * before sign-in), passwords, the sign-in throttle, and the caches.
 */
#include "tz-test.h"

#include <sodium.h>

#include "base/arena.h"
#include "store/store.h"
#include "web/auth.h"
#include "web/internal.h"

static void test_tokens(void **state)
{
	char a[TZ_TOKEN_TEXT_MAX], b[TZ_TOKEN_TEXT_MAX], api[TZ_TOKEN_TEXT_MAX];
	char ha[TZ_TOKEN_HASH_MAX], hb[TZ_TOKEN_HASH_MAX], h2[TZ_TOKEN_HASH_MAX];

	(void)state;
	assert_true(sodium_init() >= 0);
	tz_token_new(a, 0);
	tz_token_new(b, 0);
	tz_token_new(api, 1);
	assert_int_equal(strlen(a), 43);
	assert_string_not_equal(a, b);
	assert_true(tz_token_plausible(a, 0));
	assert_false(tz_token_plausible(a, 1));
	assert_true(tz_token_plausible(api, 1));
	assert_false(tz_token_plausible(api, 0));
	assert_int_equal(strncmp(api, "tzk_", 4), 0);
	tz_token_hash(a, ha);
	tz_token_hash(b, hb);
	tz_token_hash(a, h2);
	assert_int_equal(strlen(ha), 64);
	assert_string_equal(ha, h2);
	assert_string_not_equal(ha, hb);
	/* Shapes that are not ours cost no lookup. */
	assert_false(tz_token_plausible(NULL, 0));
	assert_false(tz_token_plausible("", 0));
	assert_false(tz_token_plausible("' OR 1=1 --'' OR 1=1 --'' OR 1=1 --'' OR 1=", 0));
	assert_false(tz_token_plausible("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=", 0));
	assert_true(tz_token_plausible("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0));
	{
		char t[48], h[65];

		tz_api_token_new(t, h);
		tz_token_hash(t, h2);
		assert_string_equal(h, h2);
	}
}

static void test_passwords(void **state)
{
	char hash[TZ_PWHASH_MAX], other[TZ_PWHASH_MAX];

	(void)state;
	assert_int_equal(tz_password_hash("demo-taizhang", TZ_PW_INTERACTIVE, hash, NULL), 0);
	assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
	assert_true(tz_password_verify(hash, "demo-taizhang"));
	assert_false(tz_password_verify(hash, "demo-taizhanG"));
	assert_false(tz_password_verify(hash, ""));
	assert_false(tz_password_verify("not a hash", "demo-taizhang"));
	assert_false(tz_password_verify(NULL, "x"));
	/* Salted: the same password hashes differently. */
	assert_int_equal(tz_password_hash("demo-taizhang", TZ_PW_INTERACTIVE, other, NULL), 0);
	assert_string_not_equal(hash, other);
}

static void test_throttle(void **state)
{
	struct tz_throttle *t = tz_throttle_new();
	int64_t now = 1000000;

	(void)state;
	/* Four failures are free; then the wait doubles. */
	for (int i = 0; i < 4; i++) {
		assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now), 0);
		tz_throttle_failed(t, "bob", "10.0.0.1", now);
	}
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now), 0);
	tz_throttle_failed(t, "bob", "10.0.0.1", now);
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now), 5);
	tz_throttle_failed(t, "bob", "10.0.0.1", now);
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now), 10);
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now + 9), 1);
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now + 10), 0);
	/* Another login, or the same from elsewhere, is not slowed. */
	assert_int_equal(tz_throttle_wait(t, "alice", "10.0.0.1", now), 0);
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.2", now), 0);
	/* Success forgets. */
	tz_throttle_passed(t, "bob", "10.0.0.1");
	assert_int_equal(tz_throttle_wait(t, "bob", "10.0.0.1", now), 0);
	/* Many logins from one address: the address itself waits. */
	for (int i = 0; i < 25; i++) {
		char login[16];

		snprintf(login, sizeof(login), "u%d", i);
		tz_throttle_failed(t, login, "10.0.0.9", now);
	}
	assert_true(tz_throttle_wait(t, "newcomer", "10.0.0.9", now) > 0);
	/* The wait is capped, and old failures are forgotten. */
	for (int i = 0; i < 40; i++)
		tz_throttle_failed(t, "eve", "10.0.0.3", now);
	assert_true(tz_throttle_wait(t, "eve", "10.0.0.3", now) <= 900);
	tz_throttle_failed(t, "eve", "10.0.0.3", now + 7200);
	assert_int_equal(tz_throttle_wait(t, "eve", "10.0.0.3", now + 7200), 0);
	/* Thousands of addresses: memory stays bounded (pruned). */
	for (int i = 0; i < 25000; i++) {
		char ip[32];

		snprintf(ip, sizeof(ip), "10.%d.%d.%d", i >> 16, (i >> 8) & 255, i & 255);
		tz_throttle_failed(t, "x", ip, now + 100000 + i);
	}
	tz_throttle_free(t);
}

static void test_cache(void **state)
{
	struct tz_cache *c = tz_cache_new(2);
	struct tz_blob *a = tz_blob_new("alpha", 5), *b = tz_blob_new("beta", 4), *got;

	(void)state;
	tz_cache_put(c, "a", 1, a);
	assert_null(tz_cache_get(c, "a", 2));  /* another version: stale */
	got = tz_cache_get(c, "a", 1);
	assert_ptr_equal(got, a);
	assert_string_equal(got->data, "alpha");
	tz_blob_unref(got);
	tz_cache_put(c, "b", 1, b);
	tz_cache_put(c, "c", 1, a);             /* full: the least recently used goes */
	assert_null(tz_cache_get(c, "a", 1));
	got = tz_cache_get(c, "c", 1);
	assert_ptr_equal(got, a);
	tz_blob_unref(got);
	tz_cache_put(c, "c", 2, b);             /* a new version replaces */
	assert_null(tz_cache_get(c, "c", 1));
	tz_blob_unref(a);
	tz_blob_unref(b);
	tz_cache_free(c);
}

/* ------------------------------------------------------------------ */
/* Sessions through a store                                            */

struct fixture {
	char *dir;
	struct tz_web *w;
	struct tz_user user;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct tz_org_index *x = tz_org_index_new();
	struct tz_org_node root = { 0, "C", "测试市", "", TZ_ORG_CITY, "" };
	struct tz_actor who = { 0, "test", 1 };
	struct tz_store *s;
	char path[4096];

	f->dir = tz_test_tmpdir();
	snprintf(path, sizeof(path), "%s/s.db", f->dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	assert_int_equal(tz_org_index_add(x, &root, NULL), 0);
	assert_int_equal(tz_store_org_save(s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(s, x, NULL), 0);
	f->user = (struct tz_user){ 0, "bob", "鲍勃", TZ_ROLE_COORDINATOR,
				    tz_org_index_root(x)->id, "", 0, 0, 0 };
	assert_int_equal(tz_store_user_add(s, &f->user, "h", &who, &f->user.id, NULL), 0);
	tz_org_index_free(x);
	tz_store_close(s);

	f->w = calloc(1, sizeof(*f->w));
	tz_web_config_defaults(&f->w->cfg);
	f->w->cfg.db = strdup(path);
	assert_true(sodium_init() >= 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	free((char *)f->w->cfg.db);
	free(f->w);
	tz_test_rmtree(f->dir);
	free(f);
	return 0;
}

/* A request of `cookie` at `now` on an open store. */
static struct tz_req *req(struct fixture *f, struct tz_store *s, const char *cookie, int64_t now)
{
	struct tz_req *r = tz_req_new(f->w, NULL, "/projects");

	assert_int_equal(tz_req_begin(r, "GET"), 0);
	if (cookie)
		assert_int_equal(tz_cookie_parse(r->arena, cookie, &r->priv->cookies,
						 &r->priv->ncookies, NULL), 0);
	r->store = s;
	r->now = now;
	r->client = "127.0.0.1";
	return r;
}

/* The value the response sets for cookie `name`, or NULL. */
static char *set_cookie(struct tz_req *r, const char *name)
{
	for (size_t i = 0; i < r->priv->nheaders; i++) {
		const char *v = r->priv->headers[i].value;

		if (!strcmp(r->priv->headers[i].key, "Set-Cookie") && !strncmp(v, name, strlen(name)) &&
		    v[strlen(name)] == '=')
			return strndup(v, strcspn(v, ";"));
	}
	return NULL;
}

static void test_sessions(void **state)
{
	struct fixture *f = *state;
	struct tz_store *s;
	struct tz_req *r;
	char *cookie, forged[64];
	const char *csrf;
	int64_t t0 = 1700000000;

	assert_int_equal(tz_store_open(&s, f->w->cfg.db, 0, NULL, NULL), 0);
	/* Sign in: a session cookie, a CSRF token. */
	r = req(f, s, NULL, t0);
	assert_int_equal(tz_session_start(r, &f->user), 0);
	cookie = set_cookie(r, TZ_SESSION_COOKIE);
	assert_non_null(cookie);
	assert_true(tz_token_plausible(r->csrf, 0));
	csrf = strdup(r->csrf);
	tz_req_free(r);

	/* The cookie finds the user again. */
	r = req(f, s, cookie, t0 + 60);
	assert_int_equal(tz_session_load(r), 0);
	assert_non_null(r->user);
	assert_string_equal(r->user->login, "bob");
	assert_string_equal(r->csrf, csrf);
	/* CSRF: the session's token passes, anything else not. */
	assert_int_equal(tz_form_parse(r->arena, "_csrf=x", 7, &r->priv->form, &r->priv->nform, NULL), 0);
	assert_false(tz_csrf_ok(r));
	{
		char body[128];

		snprintf(body, sizeof(body), "_csrf=%s", csrf);
		assert_int_equal(tz_form_parse(r->arena, body, strlen(body), &r->priv->form,
					       &r->priv->nform, NULL), 0);
		assert_true(tz_csrf_ok(r));
		body[strlen(body) - 1] ^= 1;
		assert_int_equal(tz_form_parse(r->arena, body, strlen(body), &r->priv->form,
					       &r->priv->nform, NULL), 0);
		assert_false(tz_csrf_ok(r));
	}
	r->priv->nform = 0;
	assert_false(tz_csrf_ok(r));
	tz_req_free(r);

	/* A forged cookie (right shape, unknown), junk, and an expired one. */
	snprintf(forged, sizeof(forged), "%s=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		 TZ_SESSION_COOKIE);
	r = req(f, s, forged, t0 + 60);
	assert_int_equal(tz_session_load(r), 0);
	assert_null(r->user);
	tz_req_free(r);
	r = req(f, s, "tz_session=' OR 1=1 --", t0 + 60);
	assert_int_equal(tz_session_load(r), 0);
	assert_null(r->user);
	tz_req_free(r);
	r = req(f, s, cookie, t0 + 9 * 3600);
	assert_int_equal(tz_session_load(r), 0);
	assert_null(r->user);
	tz_req_free(r);

	/* Used within its time, it slides forward; a week is the end anyway. */
	r = req(f, s, cookie, t0 + 7 * 3600);
	assert_int_equal(tz_session_load(r), 0);
	assert_non_null(r->user);
	tz_req_free(r);
	r = req(f, s, cookie, t0 + 14 * 3600);
	assert_int_equal(tz_session_load(r), 0);
	assert_non_null(r->user);
	tz_req_free(r);

	/* Sign out: the cookie is worth nothing after. */
	r = req(f, s, cookie, t0 + 15 * 3600);
	assert_int_equal(tz_session_load(r), 0);
	assert_int_equal(tz_session_end(r), 0);
	tz_req_free(r);
	r = req(f, s, cookie, t0 + 15 * 3600);
	assert_int_equal(tz_session_load(r), 0);
	assert_null(r->user);
	tz_req_free(r);

	/* Before sign-in, the login form's token is the tz_pre cookie's. */
	{
		char *pre, form[128];

		r = req(f, s, NULL, t0);
		snprintf(form, sizeof(form), "_csrf=%s", tz_csrf_prelogin(r));
		pre = set_cookie(r, TZ_PRELOGIN_COOKIE);
		assert_non_null(pre);
		tz_req_free(r);
		r = req(f, s, pre, t0);
		assert_int_equal(tz_form_parse(r->arena, form, strlen(form), &r->priv->form,
					       &r->priv->nform, NULL), 0);
		assert_true(tz_csrf_ok(r));
		tz_req_free(r);
		/* Without the cookie the same field is refused. */
		r = req(f, s, NULL, t0);
		assert_int_equal(tz_form_parse(r->arena, form, strlen(form), &r->priv->form,
					       &r->priv->nform, NULL), 0);
		assert_false(tz_csrf_ok(r));
		tz_req_free(r);
		free(pre);
	}
	free((char *)csrf);
	free(cookie);
	tz_store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_passwords),
		cmocka_unit_test(test_throttle),
		cmocka_unit_test(test_cache),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
