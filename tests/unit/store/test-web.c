/*
 * test-web.c: the store's web application functions: users, sessions,
 * API tokens, the audit trail written with every change, and the
 * project list (scope, filters, sort, pages, count) checked against a
 * brute-force filter of the same projects with the core's access rule.
 */
#include "tz-test.h"

#include "base/arena.h"
#include "core/access.h"
#include "core/org.h"
#include "core/user.h"
#include "store/store.h"

struct fixture {
	char *dir;
	struct tz_store *s;
	struct tz_org_index *x;
	int64_t city, byq, gz, jt, zj;
};

#define NPROJ 60
static const char *const leaders[] = { "王建国", "王 建国同志", "李志强", "", "赵海波" };
static const char *const categories[] = { "港口基础设施", "城市建设", "交通" };

static int64_t node(struct fixture *f, const char *code)
{
	return tz_org_index_by_code(f->x, code)->id;
}

static int setup(void **state)
{
	static const struct tz_org_node tree[] = {
		{ 0, "210800", "营口市", "", TZ_ORG_CITY, "" },
		{ 0, "210804", "鲅鱼圈区", "210800", TZ_ORG_DISTRICT, "" },
		{ 0, "210881", "盖州市", "210800", TZ_ORG_COUNTY, "" },
		{ 0, "210800-03", "市交通运输局", "210800", TZ_ORG_DEPARTMENT, "" },
		{ 0, "210800-04", "市住建局", "210800", TZ_ORG_DEPARTMENT, "" },
	};
	struct fixture *f = calloc(1, sizeof(*f));
	struct tz_org_index *want = tz_org_index_new();
	char path[4096];

	f->dir = tz_test_tmpdir();
	snprintf(path, sizeof(path), "%s/web.db", f->dir);
	assert_int_equal(tz_store_open(&f->s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	for (size_t i = 0; i < sizeof(tree) / sizeof(tree[0]); i++)
		assert_int_equal(tz_org_index_add(want, &tree[i], NULL), 0);
	assert_int_equal(tz_store_org_save(f->s, want, NULL, NULL), 0);
	tz_org_index_free(want);
	f->x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(f->s, f->x, NULL), 0);
	f->city = node(f, "210800");
	f->byq = node(f, "210804");
	f->gz = node(f, "210881");
	f->jt = node(f, "210800-03");
	f->zj = node(f, "210800-04");

	/* Projects P000…P059 in the 2025 ledger; every third also in 2024.
	 * Region alternates 鲅鱼圈区/盖州市, unit 市交通运输局/市住建局/none. */
	for (int year = 2024; year <= 2025; year++) {
		assert_int_equal(tz_store_import_begin(f->s, TZ_IMPORT_PROJECTS, "test", NULL), 0);
		for (int i = 0; i < NPROJ; i++) {
			char code[16], name[64];
			struct tz_project p = { 0 };

			if (year == 2024 && i % 3)
				continue;
			snprintf(code, sizeof(code), "P%03d", i);
			snprintf(name, sizeof(name), i == 7 ? "项目<script>%d'%%_" : "项目%d", i);
			p.code = code;
			p.name = name;
			p.region = i % 2 ? "盖州市" : "鲅鱼圈区";
			p.region_id = i % 2 ? f->gz : f->byq;
			p.unit = i % 3 == 0 ? "市交通运输局" : i % 3 == 1 ? "市住建局" : "";
			p.unit_id = i % 3 == 0 ? f->jt : i % 3 == 1 ? f->zj : 0;
			p.category = categories[i % 3];
			p.level = i % 4 ? "市重点" : "省重点";
			p.nature = "续建";
			p.owner = "";
			p.leader = leaders[i % 5];
			p.years = "";
			p.stage = "";
			p.year = year;
			p.total = 100000 + i * 1000;
			p.has_plan = i % 10 != 9;
			p.annual = p.has_plan ? 10000 + (i * 37 % 50) * 100 : 0;
			assert_int_equal(tz_project_validate(&p, NULL), 0);
			assert_int_equal(tz_store_import_project(f->s, &p, NULL), 0);
		}
		assert_int_equal(tz_store_import_commit(f->s, NULL, NULL), 0);
	}
	/* Reports for 2025-01..03 of the even projects; P001 reported in 2024 only. */
	assert_int_equal(tz_store_import_begin(f->s, TZ_IMPORT_PROGRESS, "test", NULL), 0);
	for (int i = 0; i < NPROJ; i += 2) {
		for (int m = 1; m <= 3; m++) {
			char code[16];
			struct tz_progress r = { code, { 2025, m }, 100 * i + m, TZ_STATUS_STARTED,
						 "施工", m == 3 ? "资金" : "" };

			snprintf(code, sizeof(code), "P%03d", i);
			if (i == 4 && m == 3)
				r.status = TZ_STATUS_STOPPED;
			assert_int_equal(tz_store_import_progress(f->s, &r, NULL), 0);
		}
	}
	{
		struct tz_progress r = { "P003", { 2024, 11 }, 5, TZ_STATUS_COMPLETED, "", "" };

		assert_int_equal(tz_store_import_progress(f->s, &r, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(f->s, NULL, NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tz_store_close(f->s);
	tz_org_index_free(f->x);
	tz_test_rmtree(f->dir);
	free(f);
	return 0;
}

static struct tz_actor cli(int64_t at)
{
	struct tz_actor a = { 0, "cli", at };
	return a;
}

static int64_t add_user(struct fixture *f, const char *login, enum tz_role role, int64_t org,
			const char *leader)
{
	struct tz_user u = { 0, login, "某某", role, org, leader, 0, 0, 0 };
	struct tz_actor who = cli(1000);
	struct tz_err err;
	int64_t id;

	if (tz_store_user_add(f->s, &u, "$argon2id$fake", &who, &id, &err))
		fail_msg("%s", err.msg);
	return id;
}

/* The newest audit row. */
static struct tz_audit_entry last_audit(struct fixture *f, struct tz_arena *a)
{
	struct tz_audit_query q = { .all = 1, .limit = 1 };
	struct tz_audit_entry *e;
	size_t n;

	assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, NULL, NULL), 0);
	assert_int_equal(n, 1);
	return e[0];
}

static void test_users(void **state)
{
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_actor who = cli(2000);
	struct tz_user u = { 0, "bad'--", "x", TZ_ROLE_ADMIN, f->city, "", 0, 0, 0 }, got, *list;
	struct tz_audit_entry e;
	struct tz_err err;
	int64_t v0, v1, id;
	char *hash;
	size_t n;
	long demo;

	assert_int_equal(tz_store_version(f->s, &v0, NULL), 0);
	id = add_user(f, "admin", TZ_ROLE_ADMIN, f->city, "");
	assert_int_equal(tz_store_version(f->s, &v1, NULL), 0);
	assert_true(v1 > v0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "user.add");
	assert_string_equal(e.object, "user:admin");
	assert_string_equal(e.origin, "cli");
	assert_null(e.old_value);
	assert_non_null(strstr(e.new_value, "\"role\":\"admin\""));
	assert_non_null(strstr(e.new_value, "\"org\":\"210800\""));

	/* Invalid, duplicate, unknown node: refused, nothing written. */
	assert_int_equal(tz_store_user_add(f->s, &u, "h", &who, NULL, &err), TZ_EINVAL);
	u.login = "admin";
	assert_int_equal(tz_store_user_add(f->s, &u, "h", &who, NULL, &err), TZ_EEXIST);
	u.login = "ghost";
	u.org_id = 9999;
	assert_int_equal(tz_store_user_add(f->s, &u, "h", &who, NULL, &err), TZ_ENOTFOUND);
	assert_int_equal(tz_store_user_get(f->s, "ghost", 0, a, &got, NULL, &err), TZ_ENOTFOUND);
	e = last_audit(f, a);
	assert_string_equal(e.object, "user:admin");

	assert_int_equal(tz_store_user_get(f->s, "admin", 0, a, &got, &hash, NULL), 0);
	assert_int_equal(got.id, id);
	assert_int_equal(got.role, TZ_ROLE_ADMIN);
	assert_int_equal(got.org_id, f->city);
	assert_int_equal(got.created, 1000);
	assert_string_equal(hash, "$argon2id$fake");
	assert_int_equal(tz_store_user_get(f->s, NULL, id, a, &got, NULL, NULL), 0);
	assert_string_equal(got.login, "admin");

	/* A demo account counts until its password changes. */
	u.login = "demo";
	u.org_id = f->city;
	u.demo = 1;
	assert_int_equal(tz_store_user_add(f->s, &u, "h", &who, &id, NULL), 0);
	assert_int_equal(tz_store_user_demo_count(f->s, &demo, NULL), 0);
	assert_int_equal(demo, 1);
	assert_int_equal(tz_store_user_set_password(f->s, id, "h2", NULL, &who, NULL), 0);
	assert_int_equal(tz_store_user_demo_count(f->s, &demo, NULL), 0);
	assert_int_equal(demo, 0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "user.passwd");
	assert_null(strstr(e.new_value, "h2"));  /* never the hash */

	assert_int_equal(tz_store_user_list(f->s, a, &list, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].login, "admin");
	assert_string_equal(list[1].login, "demo");
	assert_int_equal(tz_store_user_set_password(f->s, 999, "h", NULL, &who, &err), TZ_ENOTFOUND);
	tz_arena_free(a);
}

static void test_sessions(void **state)
{
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_actor who = { 0, "127.0.0.1", 5000 };
	struct tz_session s;
	struct tz_audit_entry e;
	struct tz_err err;
	int64_t id = add_user(f, "rep", TZ_ROLE_REPORTER, f->byq, "");
	long n;

	who.user_id = id;
	assert_int_equal(tz_store_session_add(f->s, "h1", id, "csrf1", 6000, &who, NULL), 0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "login");
	assert_string_equal(e.object, "user:rep");
	assert_int_equal(e.user_id, id);
	assert_string_equal(e.login, "rep");
	assert_int_equal(tz_store_session_add(f->s, "h2", id, "csrf2", 6000, &who, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h1", 5500, a, &s, NULL), 0);
	assert_string_equal(s.user.login, "rep");
	assert_string_equal(s.csrf, "csrf1");
	assert_int_equal(s.expires, 6000);
	/* Expired, unknown. */
	assert_int_equal(tz_store_session_get(f->s, "h1", 6000, a, &s, &err), TZ_ENOTFOUND);
	assert_int_equal(tz_store_session_get(f->s, "nope", 0, a, &s, &err), TZ_ENOTFOUND);
	assert_int_equal(tz_store_session_get(f->s, "' OR 1=1 --", 0, a, &s, &err), TZ_ENOTFOUND);
	/* Sliding expiry. */
	assert_int_equal(tz_store_session_touch(f->s, "h1", 7000, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h1", 6500, a, &s, NULL), 0);
	/* A password change ends the other sessions. */
	assert_int_equal(tz_store_user_set_password(f->s, id, "new", "h1", &who, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h1", 6500, a, &s, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h2", 5500, a, &s, NULL), TZ_ENOTFOUND);
	/* Sign out. */
	assert_int_equal(tz_store_session_end(f->s, "h1", &who, NULL), 0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "logout");
	assert_int_equal(tz_store_session_get(f->s, "h1", 6500, a, &s, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_session_end(f->s, "h1", &who, NULL), 0);  /* twice is fine */
	/* Disabling ends sessions and keeps new ones from working. */
	assert_int_equal(tz_store_session_add(f->s, "h3", id, "c", 9000, &who, NULL), 0);
	assert_int_equal(tz_store_user_set_disabled(f->s, id, 1, &who, NULL), 0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "user.disable");
	assert_string_equal(e.old_value, "{\"disabled\":false}");
	assert_string_equal(e.new_value, "{\"disabled\":true}");
	assert_int_equal(tz_store_session_get(f->s, "h3", 6000, a, &s, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_session_add(f->s, "h4", id, "c", 9000, &who, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h4", 6000, a, &s, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_user_set_disabled(f->s, id, 0, &who, NULL), 0);
	assert_int_equal(tz_store_session_get(f->s, "h4", 6000, a, &s, NULL), 0);
	assert_int_equal(tz_store_session_purge(f->s, 10000, &n, NULL), 0);
	assert_int_equal(n, 1);
	tz_arena_free(a);
}

static void test_tokens(void **state)
{
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_actor who = cli(100);
	struct tz_api_token *list;
	struct tz_user u;
	struct tz_audit_entry e;
	int64_t id = add_user(f, "api", TZ_ROLE_COORDINATOR, f->city, ""), t1, t2;
	size_t n;

	assert_int_equal(tz_store_token_add(f->s, "th1", id, "bench", 0, &who, &t1, NULL), 0);
	e = last_audit(f, a);
	assert_string_equal(e.action, "token.add");
	assert_null(strstr(e.new_value, "th1"));
	assert_int_equal(tz_store_token_add(f->s, "th2", id, "", 500, &who, &t2, NULL), 0);
	assert_int_equal(tz_store_token_user(f->s, "th1", 1000000, a, &u, NULL), 0);
	assert_string_equal(u.login, "api");
	assert_int_equal(tz_store_token_user(f->s, "th2", 499, a, &u, NULL), 0);
	assert_int_equal(tz_store_token_user(f->s, "th2", 500, a, &u, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_token_revoke(f->s, t1, &who, NULL), 0);
	assert_int_equal(tz_store_token_user(f->s, "th1", 0, a, &u, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_token_revoke(f->s, 12345, &who, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_token_add(f->s, "th3", 12345, "", 0, &who, NULL, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_token_list(f->s, a, &list, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, t2);
	assert_int_equal(list[1].revoked, 1);
	assert_string_equal(list[1].name, "bench");
	/* A disabled user's tokens stop. */
	assert_int_equal(tz_store_token_add(f->s, "th4", id, "", 0, &who, NULL, NULL), 0);
	assert_int_equal(tz_store_user_set_disabled(f->s, id, 1, &who, NULL), 0);
	assert_int_equal(tz_store_token_user(f->s, "th4", 0, a, &u, NULL), TZ_ENOTFOUND);
	tz_arena_free(a);
}

/* `org import` from the command line: the merge and its audit row in one
 * transaction; a merge refused leaves no row. */
static void test_org_change(void **state)
{
	static const struct tz_org_node tree[] = {
		{ 0, "210800", "营口市", "", TZ_ORG_CITY, "" },
		{ 0, "210804", "鲅鱼圈区", "210800", TZ_ORG_DISTRICT, "" },
		{ 0, "210881", "盖州市", "210800", TZ_ORG_COUNTY, "盖州" },
		{ 0, "210800-03", "市交通运输局", "210800", TZ_ORG_DEPARTMENT, "" },
		{ 0, "210800-04", "市住建局", "210800", TZ_ORG_DEPARTMENT, "" },
		{ 0, "210800-05", "市自然资源局", "210800", TZ_ORG_DEPARTMENT, "" },
	};
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_org_index *x = tz_org_index_new(), *bad = tz_org_index_new();
	struct tz_actor who = cli(3000);
	struct tz_org_stats st;
	struct tz_audit_entry e;
	struct tz_org_node n;
	struct tz_err err;

	for (size_t i = 0; i < sizeof(tree) / sizeof(tree[0]); i++)
		assert_int_equal(tz_org_index_add(x, &tree[i], NULL), 0);
	if (tz_store_org_change(f->s, x, "组织机构.csv", &who, &st, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.changed, 1);
	assert_int_equal(st.unchanged, 4);
	e = last_audit(f, a);
	assert_string_equal(e.action, "org.import");
	assert_string_equal(e.object, "file:组织机构.csv");
	assert_string_equal(e.origin, "cli");
	assert_int_equal(e.at, 3000);
	assert_null(e.old_value);
	assert_string_equal(e.new_value, "{\"added\":1,\"changed\":1,\"unchanged\":4}");

	/* A region its projects use turned into a department: refused, and
	 * no audit row of it. */
	n = tree[1];
	n.kind = TZ_ORG_DEPARTMENT;
	assert_int_equal(tz_org_index_add(bad, &n, NULL), 0);
	assert_int_equal(tz_store_org_change(f->s, bad, "bad.csv", &who, &st, &err), TZ_EINVAL);
	e = last_audit(f, a);
	assert_string_equal(e.object, "file:组织机构.csv");
	assert_int_equal(tz_store_org_change(f->s, x, "x.csv", NULL, &st, &err), TZ_EINTERNAL);
	tz_org_index_free(x);
	tz_org_index_free(bad);
	tz_arena_free(a);
}

static void test_audit_filters(void **state)
{
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_actor byq, gz;
	struct tz_audit_entry *e;
	size_t n;
	long total;
	int64_t ids[1];

	byq = cli(10);
	byq.user_id = add_user(f, "r-byq", TZ_ROLE_REPORTER, f->byq, "");
	gz = cli(20);
	gz.user_id = add_user(f, "r-gz", TZ_ROLE_REPORTER, f->gz, "");
	assert_int_equal(tz_store_audit_add(f->s, &byq, "report.save", "project:P000", "{}", "{}", NULL), 0);
	assert_int_equal(tz_store_audit_add(f->s, &gz, "report.save", "project:P001", NULL, "{}", NULL), 0);
	assert_int_equal(tz_store_audit_add(f->s, &gz, "login.failed", "100%_x", NULL, NULL, NULL), 0);
	{
		struct tz_audit_query q = { .all = 1 };

		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 5);  /* two user.add and three above */
		assert_string_equal(e[0].action, "login.failed");
	}
	{
		struct tz_audit_query q = { .org_ids = ids, .norg_ids = 1 };

		ids[0] = f->byq;
		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 1);
		assert_string_equal(e[0].object, "project:P000");
		assert_int_equal(e[0].at, 10);
	}
	{
		struct tz_audit_query q = { .all = 1, .action = "report." };

		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 2);
		q.action = "report%";  /* a LIKE metacharacter is a character */
		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 0);
	}
	{
		struct tz_audit_query q = { .all = 1, .object = "%_" };

		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 1);
		q.object = NULL;
		q.login = "r-gz";
		q.since = 20;
		q.until = 21;
		q.limit = 1;
		q.offset = 1;
		assert_int_equal(tz_store_audit_list(f->s, &q, a, &e, &n, &total, NULL), 0);
		assert_int_equal(total, 2);
		assert_int_equal(n, 1);
		assert_string_equal(e[0].action, "report.save");
		assert_null(e[0].old_value);
	}
	tz_arena_free(a);
}

/* ------------------------------------------------------------------ */
/* The project list                                                    */

struct collected {
	char codes[NPROJ][8];
	int ytd[NPROJ];
	int status[NPROJ];
	int reported[NPROJ];
	int n;
};

static int collect(void *ctx, const struct tz_project_row *r)
{
	struct collected *c = ctx;

	snprintf(c->codes[c->n], sizeof(c->codes[0]), "%s", r->p.code);
	c->ytd[c->n] = (int)r->ytd;
	c->status[c->n] = r->status;
	c->reported[c->n] = r->reported;
	c->n++;
	return 0;
}

static void list(struct fixture *f, const struct tz_project_query *q, struct collected *c,
		 long *total)
{
	struct tz_err err;

	memset(c, 0, sizeof(*c));
	if (tz_store_project_list(f->s, q, collect, c, total, &err))
		fail_msg("%s", err.msg);
}

/* Every user sees in the list exactly the projects the decision lets it. */
static void test_list_scope(void **state)
{
	struct fixture *f = *state;
	struct tz_user users[] = {
		{ 1, "a", "a", TZ_ROLE_ADMIN, f->city, "", 0, 0, 0 },
		{ 2, "c", "c", TZ_ROLE_COORDINATOR, f->city, "", 0, 0, 0 },
		{ 3, "r", "r", TZ_ROLE_REPORTER, f->byq, "", 0, 0, 0 },
		{ 4, "d", "d", TZ_ROLE_REPORTER, f->jt, "", 0, 0, 0 },
		{ 5, "l", "l", TZ_ROLE_LEADER, f->zj, "王建国", 0, 0, 0 },
		{ 6, "m", "m", TZ_ROLE_LEADER, f->gz, "赵 海波", 0, 0, 0 },
	};

	(void)state;
	for (size_t u = 0; u < sizeof(users) / sizeof(users[0]); u++) {
		struct tz_access_scope s;
		struct tz_project_query q = { .year = 2025, .month = 3 };
		struct collected c;
		long total;
		int want = 0;

		tz_access_scope(f->x, &users[u], &s);
		q.scope_all = s.all;
		q.scope_nodes = s.nodes;
		q.nscope_nodes = s.nnodes;
		q.scope_leader = s.leader_key;
		list(f, &q, &c, &total);
		for (int i = 0; i < NPROJ; i++) {
			struct tz_object o = tz_object_project(i % 2 ? f->gz : f->byq,
							       i % 3 == 0 ? f->jt : i % 3 == 1 ? f->zj : 0,
							       leaders[i % 5]);
			char code[8];
			int seen = 0;

			snprintf(code, sizeof(code), "P%03d", i);
			for (int k = 0; k < c.n; k++)
				seen |= !strcmp(c.codes[k], code);
			if (seen != (tz_access_decide(f->x, &users[u], TZ_ACT_VIEW, &o) == TZ_ALLOW))
				fail_msg("user %s, %s: listed %d", users[u].login, code, seen);
			want += seen;
		}
		assert_int_equal(total, want);
		assert_int_equal(c.n, want);
		tz_access_scope_release(&s);
	}
}

static void test_list_filters(void **state)
{
	struct fixture *f = *state;
	struct tz_project_query q = { .year = 2025, .month = 3, .scope_all = 1 };
	struct collected c;
	long total;
	int64_t regions[1] = { f->byq }, units[1] = { f->jt };

	(void)state;
	list(f, &q, &c, &total);
	assert_int_equal(total, NPROJ);
	assert_string_equal(c.codes[0], "P000");
	/* Figures at the month: P002 reported 201+202+203; P004 stopped. */
	assert_int_equal(c.ytd[2], 606);
	assert_int_equal(c.status[2], TZ_STATUS_STARTED);
	assert_int_equal(c.reported[2], 1);
	assert_int_equal(c.status[4], TZ_STATUS_STOPPED);
	/* P003 reported 已竣工 in 2024 only: carried over. */
	assert_int_equal(c.status[3], TZ_STATUS_COMPLETED);
	assert_int_equal(c.ytd[3], 0);
	assert_int_equal(c.status[1], 0);

	q.month = 2;
	list(f, &q, &c, &total);
	assert_int_equal(c.ytd[2], 403);
	assert_int_equal(c.status[4], TZ_STATUS_STARTED);
	q.month = 3;

	q.regions = regions;
	q.nregions = 1;
	list(f, &q, &c, &total);
	assert_int_equal(total, NPROJ / 2);
	q.units = units;
	q.nunits = 1;
	list(f, &q, &c, &total);
	assert_int_equal(total, 10);  /* i % 6 == 0 */
	q.regions = q.units = NULL;

	q.category = "交通";
	list(f, &q, &c, &total);
	assert_int_equal(total, 20);
	q.category = "交通' OR '1'='1";
	list(f, &q, &c, &total);
	assert_int_equal(total, 0);
	q.category = NULL;

	q.level = "省重点";
	list(f, &q, &c, &total);
	assert_int_equal(total, 15);
	q.level = NULL;

	q.leader = "王建国";  /* "王建国" and "王 建国同志": i % 5 in {0, 1} */
	list(f, &q, &c, &total);
	assert_int_equal(total, 24);
	q.leader = "";
	list(f, &q, &c, &total);
	assert_int_equal(total, 0);
	q.leader = NULL;

	q.status = TZ_STATUS_STOPPED;
	list(f, &q, &c, &total);
	assert_int_equal(total, 1);
	assert_string_equal(c.codes[0], "P004");
	q.status = -1;  /* no report in force */
	list(f, &q, &c, &total);
	assert_int_equal(total, 29);  /* the odd ones but P003 */
	q.status = 0;

	q.text = "%_";
	list(f, &q, &c, &total);
	assert_int_equal(total, 1);
	assert_string_equal(c.codes[0], "P007");
	q.text = "P05";
	list(f, &q, &c, &total);
	assert_int_equal(total, 10);
	q.text = NULL;

	/* Pages and orders. */
	q.limit = 7;
	q.offset = 56;
	list(f, &q, &c, &total);
	assert_int_equal(total, NPROJ);
	assert_int_equal(c.n, 4);
	assert_string_equal(c.codes[0], "P056");
	q.offset = 0;
	q.desc = 1;
	list(f, &q, &c, &total);
	assert_string_equal(c.codes[0], "P059");
	q.sort = TZ_PSORT_TOTAL;
	list(f, &q, &c, &total);
	assert_string_equal(c.codes[0], "P059");
	q.sort = TZ_PSORT_YTD;
	list(f, &q, &c, &total);
	assert_string_equal(c.codes[0], "P058");
	q.sort = TZ_PSORT_ANNUAL;
	q.desc = 0;
	q.limit = 0;
	list(f, &q, &c, &total);
	assert_string_equal(c.codes[NPROJ - 1], "P059");  /* no plan: last */
	q.sort = TZ_PSORT_RATE;
	q.desc = 1;
	list(f, &q, &c, &total);
	assert_string_equal(c.codes[NPROJ - 1], "P059");
	q.sort = TZ_PSORT_NAME;
	list(f, &q, &c, &total);
	assert_int_equal(c.n, NPROJ);
	q.sort = TZ_PSORT_REGION;
	q.desc = 0;
	list(f, &q, &c, &total);
	assert_int_equal(c.n, NPROJ);

	/* The 2024 ledger. */
	q.year = 2024;
	q.sort = TZ_PSORT_CODE;
	list(f, &q, &c, &total);
	assert_int_equal(total, 20);

	/* Bad queries. */
	q.month = 13;
	assert_int_equal(tz_store_project_list(f->s, &q, collect, &c, NULL, NULL), TZ_EINVAL);
	q.month = 1;
	q.sort = (enum tz_project_sort)99;
	assert_int_equal(tz_store_project_list(f->s, &q, collect, &c, NULL, NULL), TZ_EINVAL);
}

static void test_project_page(void **state)
{
	struct fixture *f = *state;
	struct tz_arena *a = tz_arena_new();
	struct tz_project_facets fc;
	struct tz_project *rows;
	struct tz_progress *reps;
	size_t n;

	{
		struct tz_period last;
		int first, lastyear;

		assert_int_equal(tz_store_latest(f->s, &first, &lastyear, &last, NULL), 0);
		assert_int_equal(first, 2024);
		assert_int_equal(lastyear, 2025);
		assert_int_equal(last.year, 2025);
		assert_int_equal(last.month, 3);
	}
	assert_int_equal(tz_store_project_facets(f->s, 2025, a, &fc, NULL), 0);
	assert_int_equal(fc.ncategories, 3);
	assert_int_equal(fc.nlevels, 2);
	assert_int_equal(fc.nnatures, 1);
	assert_string_equal(fc.natures[0], "续建");

	assert_int_equal(tz_store_project_ledger(f->s, "P003", a, &rows, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].year, 2024);
	assert_int_equal(rows[1].year, 2025);
	assert_string_equal(rows[1].region, "盖州市");
	assert_string_equal(rows[1].unit, "市交通运输局");
	assert_int_equal(tz_store_project_ledger(f->s, "P999", a, &rows, &n, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_project_ledger(f->s, "' OR ''='", a, &rows, &n, NULL), TZ_ENOTFOUND);

	assert_int_equal(tz_store_project_reports(f->s, "P004", a, &reps, &n, NULL), 0);
	assert_int_equal(n, 3);
	assert_int_equal(reps[2].period.month, 3);
	assert_int_equal(reps[2].status, TZ_STATUS_STOPPED);
	assert_string_equal(reps[2].problem, "资金");
	assert_int_equal(tz_store_project_reports(f->s, "P001", a, &reps, &n, NULL), 0);
	assert_int_equal(n, 0);
	tz_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_users, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_project_page, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
