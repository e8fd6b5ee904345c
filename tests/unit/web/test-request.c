/*
 * test-request.c: what the server makes of what a client sends, without
 * a socket: form and query parsing, cookies, request targets (with
 * hostile input: bad escapes, NUL bytes, text that is not UTF-8, too many
 * or too long fields, dot segments), the accessors handlers use, cookie
 * attributes, and redirects that cannot leave the site.
 */
#include "tz-test.h"

#include "base/arena.h"
#include "web/internal.h"

static const char *get(const struct tz_kv *kv, size_t n, const char *key)
{
	return tz_kv_get(kv, n, key);
}

static void test_form(void **state)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_kv *kv;
	struct tz_err err;
	size_t n;
	const char *s;

	(void)state;
	s = "a=1&b=two+words&c=%E8%90%A5%E5%8F%A3&d=&e&a=again&&=x&f=%3Cscript%3E%27%22";
	assert_int_equal(tz_form_parse(a, s, strlen(s), &kv, &n, &err), 0);
	assert_int_equal(n, 7);
	assert_string_equal(get(kv, n, "a"), "1");
	assert_string_equal(kv[5].key, "a");
	assert_string_equal(kv[5].value, "again");
	assert_string_equal(get(kv, n, "b"), "two words");
	assert_string_equal(get(kv, n, "c"), "营口");
	assert_string_equal(get(kv, n, "d"), "");
	assert_string_equal(get(kv, n, "e"), "");
	assert_string_equal(get(kv, n, "f"), "<script>'\"");
	assert_null(get(kv, n, "missing"));
	/* Empty input. */
	assert_int_equal(tz_form_parse(a, "", 0, &kv, &n, &err), 0);
	assert_int_equal(n, 0);
	/* Hostile: bad escapes, NUL, not UTF-8, an escape cut at the end. */
	{
		static const char *const bad[] = {
			"a=%G1", "a=%4", "a=%", "a=%00", "a=x%00y", "a=%FF%FE", "%ZZ=1", "a=%C3",
			"k%00=v",
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			int rc = tz_form_parse(a, bad[i], strlen(bad[i]), &kv, &n, &err);

			if (rc != TZ_EINVAL)
				fail_msg("%s: %d", bad[i], rc);
		}
	}
	/* A raw byte that is not UTF-8 is refused too, not only escaped ones. */
	assert_int_equal(tz_form_parse(a, "a=\xff", 3, &kv, &n, &err), TZ_EINVAL);
	/* SQL is only text. */
	s = "q=%27%3B+DROP+TABLE+users%3B--";
	assert_int_equal(tz_form_parse(a, s, strlen(s), &kv, &n, &err), 0);
	assert_string_equal(get(kv, n, "q"), "'; DROP TABLE users;--");
	tz_arena_free(a);
}

static void test_form_limits(void **state)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_kv *kv;
	struct tz_err err;
	size_t n;

	(void)state;
	/* TZ_WEB_FIELDS_MAX fields pass, one more does not. */
	for (int i = 0; i < TZ_WEB_FIELDS_MAX; i++)
		tz_buf_addf(&b, "%sf%d=%d", i ? "&" : "", i, i);
	assert_int_equal(tz_form_parse(a, b.buf, b.len, &kv, &n, &err), 0);
	assert_int_equal(n, TZ_WEB_FIELDS_MAX);
	tz_buf_adds(&b, "&x=1");
	assert_int_equal(tz_form_parse(a, b.buf, b.len, &kv, &n, &err), TZ_ETOOBIG);
	assert_non_null(strstr(err.msg, "字段过多"));
	/* A key too long, a value too long (also when escaped). */
	tz_buf_reset(&b);
	for (int i = 0; i <= TZ_WEB_KEY_MAX; i++)
		tz_buf_addch(&b, 'k');
	tz_buf_adds(&b, "=1");
	assert_int_equal(tz_form_parse(a, b.buf, b.len, &kv, &n, &err), TZ_ETOOBIG);
	tz_buf_reset(&b);
	tz_buf_adds(&b, "v=");
	for (unsigned i = 0; i <= TZ_LIMIT_FIELD; i++)
		tz_buf_addch(&b, 'x');
	assert_int_equal(tz_form_parse(a, b.buf, b.len, &kv, &n, &err), TZ_ETOOBIG);
	tz_buf_reset(&b);
	tz_buf_adds(&b, "v=");
	for (unsigned i = 0; i <= TZ_LIMIT_FIELD / 3 + 1; i++)
		tz_buf_adds(&b, "%E8%90%A5");
	assert_int_equal(tz_form_parse(a, b.buf, b.len, &kv, &n, &err), TZ_ETOOBIG);
	tz_buf_release(&b);
	tz_arena_free(a);
}

static void test_cookies(void **state)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_kv *kv;
	struct tz_err err;
	size_t n;

	(void)state;
	assert_int_equal(tz_cookie_parse(a, "tz_session=abc; theme = dark ;q=\"quoted\"; bad; =x;"
					    " e=; sql=' OR 1=1 --", &kv, &n, &err), 0);
	assert_string_equal(get(kv, n, "tz_session"), "abc");
	assert_string_equal(get(kv, n, "theme"), "dark");
	assert_string_equal(get(kv, n, "q"), "quoted");
	assert_string_equal(get(kv, n, "e"), "");
	assert_string_equal(get(kv, n, "sql"), "' OR 1=1 --");
	assert_null(get(kv, n, "bad"));
	assert_int_equal(n, 5);
	assert_int_equal(tz_cookie_parse(a, NULL, &kv, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(tz_cookie_parse(a, ";;;", &kv, &n, &err), 0);
	assert_int_equal(n, 0);
	{
		struct tz_buf b = TZ_BUF_INIT;

		for (int i = 0; i <= TZ_WEB_FIELDS_MAX; i++)
			tz_buf_adds(&b, "a=1;");
		assert_int_equal(tz_cookie_parse(a, b.buf, &kv, &n, &err), TZ_ETOOBIG);
		tz_buf_release(&b);
	}
	tz_arena_free(a);
}

static void test_target(void **state)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_err err;
	const char *query;
	char *path;

	(void)state;
	assert_int_equal(tz_target_parse(a, "/projects/%E9%A1%B9%E7%9B%AE?x=1&y=%20", &path, &query,
					 &err), 0);
	assert_string_equal(path, "/projects/项目");
	assert_string_equal(query, "x=1&y=%20");
	assert_int_equal(tz_target_parse(a, "/", &path, &query, &err), 0);
	assert_string_equal(path, "/");
	assert_string_equal(query, "");
	assert_int_equal(tz_target_parse(a, "/a+b", &path, &query, &err), 0);
	assert_string_equal(path, "/a+b");  /* '+' is a plus in a path */
	{
		static const char *const bad[] = {
			"", "projects", "/../etc/passwd", "/static/..", "/static/%2e%2e/x", "/./x",
			"/a//b", "//evil", "/a%00b", "/a%0d%0aSet-Cookie:x", "/%FF", "/a\x01", "/%G0",
			"http://host/x",
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			if (tz_target_parse(a, bad[i], &path, &query, &err) != TZ_EINVAL)
				fail_msg("accepted %s", bad[i]);
	}
	{
		struct tz_buf b = TZ_BUF_INIT;

		tz_buf_addch(&b, '/');
		for (int i = 0; i <= TZ_WEB_PATH_MAX; i++)
			tz_buf_addch(&b, 'x');
		assert_int_equal(tz_target_parse(a, b.buf, &path, &query, &err), TZ_EINVAL);
		tz_buf_release(&b);
	}
	tz_arena_free(a);
}

/* A request as the server builds it, without a connection. */
static struct tz_web *fake_web(void)
{
	struct tz_web *w = calloc(1, sizeof(*w));

	tz_web_config_defaults(&w->cfg);
	return w;
}

static void test_accessors(void **state)
{
	struct tz_web *w = fake_web();
	struct tz_req *r = tz_req_new(w, NULL, "/projects?page=3&year=2025&bad=x1&neg=-5&sp=%2012&e=");
	long v;

	(void)state;
	assert_int_equal(tz_req_begin(r, "GET"), 0);
	assert_string_equal(r->method, "GET");
	assert_string_equal(r->path, "/projects");
	assert_string_equal(tz_req_query(r, "year"), "2025");
	assert_null(tz_req_form(r, "year"));
	assert_string_equal(tz_req_arg(r, "page"), "3");
	assert_int_equal(tz_req_int(r, "page", 1, 1, 100, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(tz_req_int(r, "missing", 7, 1, 100, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(tz_req_int(r, "e", 7, 1, 100, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(tz_req_int(r, "bad", 1, 1, 100, &v), TZ_EINVAL);
	assert_int_equal(tz_req_int(r, "neg", 1, 1, 100, &v), TZ_EINVAL);
	assert_int_equal(tz_req_int(r, "sp", 1, 1, 100, &v), TZ_EINVAL);
	assert_int_equal(tz_req_int(r, "year", 1, 1, 100, &v), TZ_EINVAL);  /* out of range */
	assert_null(tz_req_cookie(r, "tz_session"));
	assert_null(tz_req_header(r, "Host"));
	tz_req_free(r);

	/* A bad target is a 400 with the reason. */
	r = tz_req_new(w, NULL, "/x?a=%ZZ");
	assert_int_equal(tz_req_begin(r, "GET"), 400);
	tz_req_free(r);
	r = tz_req_new(w, NULL, "/../x");
	assert_int_equal(tz_req_begin(r, "GET"), 400);
	tz_req_free(r);
	free(w);
}

static const char *header(struct tz_req *r, const char *name, size_t nth)
{
	for (size_t i = 0; i < r->priv->nheaders; i++)
		if (!strcmp(r->priv->headers[i].key, name) && !nth--)
			return r->priv->headers[i].value;
	return NULL;
}

static void test_response(void **state)
{
	struct tz_web *w = fake_web();
	struct tz_req *r = tz_req_new(w, NULL, "/");

	(void)state;
	assert_int_equal(tz_req_begin(r, "GET"), 0);
	/* Cookies: HttpOnly, SameSite=Strict; Secure only over TLS (auto). */
	tz_resp_cookie(r, "tz_session", "abc", -1);
	assert_string_equal(header(r, "Set-Cookie", 0), "tz_session=abc; Path=/; HttpOnly; SameSite=Strict");
	r->https = 1;
	tz_resp_cookie(r, "tz_session", "abc", 0);
	assert_string_equal(header(r, "Set-Cookie", 1),
			    "tz_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
	w->cfg.secure_cookies = 0;
	tz_resp_cookie(r, "a", "b", 60);
	assert_string_equal(header(r, "Set-Cookie", 2), "a=b; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
	/* Redirects stay on the site. */
	{
		static const char *const away[] = {
			"//evil.example/", "http://evil.example/", "/\\evil", "evil", "/x\r\nSet-Cookie: a=b",
		};

		for (size_t i = 0; i < sizeof(away) / sizeof(away[0]); i++) {
			r->priv->nheaders = 0;
			tz_resp_redirect(r, away[i]);
			assert_string_equal(header(r, "Location", 0), "/");
		}
		r->priv->nheaders = 0;
		tz_resp_redirect(r, "/projects?page=2");
		assert_string_equal(header(r, "Location", 0), "/projects?page=2");
		assert_int_equal(r->priv->status, 303);
	}
	tz_req_free(r);
	free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_form_limits),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_response),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
