/*
 * test-routes.c: the route table the server uses and its matcher:
 * parameters, HEAD, 404 against 405, and the table's own rules (every
 * route AUTH or PUBLIC, every change CSRF-checked, no duplicates).
 */
#include "tz-test.h"

#include "base/arena.h"
#include "web/internal.h"

static int dummy(struct tz_req *r)
{
	(void)r;
	return 0;
}

static void test_real_table(void **state)
{
	struct tz_err err;
	size_t n = 0;

	(void)state;
	if (tz_routes_check(tz_routes, &err))
		fail_msg("%s", err.msg);
	for (const struct tz_route *rt = tz_routes; rt->method; rt++) {
		n++;
		/* Every API route is JSON and signed in; nothing public changes state
		 * except signing in itself. */
		if (!strncmp(rt->pattern, "/api/", 5))
			assert_true((rt->flags & TZ_ROUTE_API) && (rt->flags & TZ_ROUTE_AUTH));
		if ((rt->flags & TZ_ROUTE_PUBLIC) && strcmp(rt->method, "GET"))
			assert_string_equal(rt->pattern, "/login");
	}
	assert_true(n >= 20);
}

static struct tz_arena *arena;

static const struct tz_route *match(const char *method, const char *path, struct tz_kv *params,
				    size_t *np, int *other)
{
	return tz_route_match(tz_routes, method, path, arena, params, np, other);
}

static void test_match(void **state)
{
	struct tz_kv params[TZ_ROUTE_PARAMS_MAX];
	const struct tz_route *rt;
	size_t np;
	int other;

	(void)state;
	arena = tz_arena_new();
	rt = match("GET", "/projects", params, &np, &other);
	assert_non_null(rt);
	assert_string_equal(rt->pattern, "/projects");
	assert_int_equal(np, 0);

	rt = match("GET", "/projects/YK2025000001", params, &np, &other);
	assert_string_equal(rt->pattern, "/projects/{code}");
	assert_int_equal(np, 1);
	assert_string_equal(params[0].key, "code");
	assert_string_equal(params[0].value, "YK2025000001");

	/* A parameter is one segment, never empty, never more. */
	assert_null(match("GET", "/projects/", params, &np, &other));
	assert_int_equal(other, 0);
	assert_null(match("GET", "/projects/a/b", params, &np, &other));
	assert_string_equal(match("GET", "/projects/项目 一", params, &np, &other)->pattern,
			    "/projects/{code}");
	assert_string_equal(params[0].value, "项目 一");
	/* {code} is a 项目编号, folded as imports fold codes. */
	match("GET", "/projects/Ｐ２０２５\xe2\x80\x8b０００１", params, &np, &other);
	assert_string_equal(params[0].value, "P20250001");
	match("GET", "/api/v1/projects/P1\xc2\xad", params, &np, &other);
	assert_string_equal(params[0].value, "P1");

	/* Literal beats nothing: /projects.xlsx is its own route. */
	assert_string_equal(match("GET", "/projects.xlsx", params, &np, &other)->pattern,
			    "/projects.xlsx");

	/* HEAD answers where GET does; a known path with another method is 405. */
	assert_string_equal(match("HEAD", "/projects", params, &np, &other)->method, "GET");
	assert_null(match("DELETE", "/projects", params, &np, &other));
	assert_int_equal(other, 1);
	assert_null(match("POST", "/projects", params, &np, &other));
	assert_int_equal(other, 1);
	assert_null(match("GET", "/nowhere", params, &np, &other));
	assert_int_equal(other, 0);
	assert_null(match("GET", "/Projects", params, &np, &other));

	/* Two parameters' worth of path. */
	rt = match("POST", "/users/bob/disable", params, &np, &other);
	assert_string_equal(rt->pattern, "/users/{login}/disable");
	assert_string_equal(params[0].value, "bob");
	assert_null(match("GET", "/users/bob/disable", params, &np, &other));
	assert_int_equal(other, 1);
	tz_arena_free(arena);
}

static void test_bad_tables(void **state)
{
	struct tz_err err;
	const struct tz_route neither[] = {
		{ "GET", "/a", dummy, 0, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};
	const struct tz_route both[] = {
		{ "GET", "/a", dummy, TZ_ROUTE_AUTH | TZ_ROUTE_PUBLIC, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};
	const struct tz_route no_csrf[] = {
		{ "POST", "/a", dummy, TZ_ROUTE_AUTH, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};
	const struct tz_route twice[] = {
		{ "GET", "/a/{x}", dummy, TZ_ROUTE_AUTH, TZ_ACT_VIEW, NULL },
		{ "GET", "/a/{x}", dummy, TZ_ROUTE_AUTH, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};
	const struct tz_route braces[] = {
		{ "GET", "/a/{x", dummy, TZ_ROUTE_AUTH, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};
	const struct tz_route put[] = {
		{ "PUT", "/a", dummy, TZ_ROUTE_AUTH | TZ_ROUTE_CSRF, TZ_ACT_VIEW, NULL },
		{ NULL, NULL, NULL, 0, TZ_ACT_VIEW, NULL },
	};

	(void)state;
	assert_int_equal(tz_routes_check(neither, &err), TZ_EINTERNAL);
	assert_int_equal(tz_routes_check(both, &err), TZ_EINTERNAL);
	assert_int_equal(tz_routes_check(no_csrf, &err), TZ_EINTERNAL);
	assert_non_null(strstr(err.msg, "CSRF"));
	assert_int_equal(tz_routes_check(twice, &err), TZ_EINTERNAL);
	assert_int_equal(tz_routes_check(braces, &err), TZ_EINTERNAL);
	assert_int_equal(tz_routes_check(put, &err), TZ_EINTERNAL);
}

static void test_flags_text(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(tz_route_flags_text(TZ_ROUTE_AUTH | TZ_ROUTE_CSRF | TZ_ROUTE_API, buf,
						sizeof(buf)), "AUTH|CSRF|API");
	assert_string_equal(tz_route_flags_text(0, buf, sizeof(buf)), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_table),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_bad_tables),
		cmocka_unit_test(test_flags_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
