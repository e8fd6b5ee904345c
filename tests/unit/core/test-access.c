/*
 * test-access.c: the permission decision, every role × own/other node ×
 * object kind × action, against a table written out by hand from web.md;
 * the leader-name rule; and the scope a listing query uses agreeing with
 * the decision.
 */
#include "tz-test.h"

#include "base/err.h"
#include "core/access.h"
#include "core/org.h"
#include "core/user.h"

/* 营口市 ─ 鲅鱼圈区 ─ 熊岳镇 (a node below a district)
 *       ─ 盖州市
 *       ─ 市直
 *       ─ 市交通运输局
 *       ─ 市住建局 */
enum { CITY = 1, BYQ, XY, GZ, DIRECT, JT, ZJ };

static struct tz_org_index *tree(void)
{
	static const struct tz_org_node nodes[] = {
		{ CITY, "210800", "营口市", "", TZ_ORG_CITY, "" },
		{ BYQ, "210804", "鲅鱼圈区", "210800", TZ_ORG_DISTRICT, "" },
		{ XY, "210804-1", "熊岳镇", "210804", TZ_ORG_ZONE, "" },
		{ GZ, "210881", "盖州市", "210800", TZ_ORG_COUNTY, "" },
		{ DIRECT, "210800-00", "市直", "210800", TZ_ORG_DIRECT, "" },
		{ JT, "210800-03", "市交通运输局", "210800", TZ_ORG_DEPARTMENT, "" },
		{ ZJ, "210800-04", "市住建局", "210800", TZ_ORG_DEPARTMENT, "" },
	};
	struct tz_org_index *x = tz_org_index_new();
	struct tz_err err;

	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], &err), 0);
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		tz_org_index_set_id(x, nodes[i].code, nodes[i].id);
	assert_int_equal(tz_org_index_check(x, &err), 0);
	return x;
}

enum { ADMIN, COORD_CITY, COORD_BYQ, REP_BYQ, REP_GZ, REP_JT, LEADER, LEADER_BYQ, NUSERS };

static const struct tz_user users[NUSERS] = {
	[ADMIN] = { 1, "admin", "管理员", TZ_ROLE_ADMIN, CITY, "", 0, 0, 0 },
	[COORD_CITY] = { 2, "coord", "市调度", TZ_ROLE_COORDINATOR, CITY, "", 0, 0, 0 },
	[COORD_BYQ] = { 3, "coord-byq", "区调度", TZ_ROLE_COORDINATOR, BYQ, "", 0, 0, 0 },
	[REP_BYQ] = { 4, "rep-byq", "区填报", TZ_ROLE_REPORTER, BYQ, "", 0, 0, 0 },
	[REP_GZ] = { 5, "rep-gz", "县填报", TZ_ROLE_REPORTER, GZ, "", 0, 0, 0 },
	[REP_JT] = { 6, "rep-jt", "局填报", TZ_ROLE_REPORTER, JT, "", 0, 0, 0 },
	[LEADER] = { 7, "leader", "王建国", TZ_ROLE_LEADER, DIRECT, "王建国", 0, 0, 0 },
	[LEADER_BYQ] = { 8, "leader-byq", "区领导", TZ_ROLE_LEADER, BYQ, "赵海波", 0, 0, 0 },
};

/* Projects: P1 in 鲅鱼圈区 for 市交通运输局 led by 王建国 (written with a
 * space and 同志); P2 in 盖州市 for 市住建局 led by 李志强; P3 in 熊岳镇 (under
 * 鲅鱼圈区) with no unit nor leader; P4 in 盖州市 for 市交通运输局. */
enum { P1, P2, P3, P4, NPROJ };
static const struct tz_object projects[NPROJ] = {
	[P1] = { TZ_OBJ_PROJECT, BYQ, JT, "王 建国同志", 0 },
	[P2] = { TZ_OBJ_PROJECT, GZ, ZJ, "李志强", 0 },
	[P3] = { TZ_OBJ_PROJECT, XY, 0, "", 0 },
	[P4] = { TZ_OBJ_PROJECT, GZ, JT, NULL, 0 },
};

/* Expected: A allow, H hide (404), F forbid (403); one letter per action
 * in enum order: view report raise comment manage audit admin. */
static const char *const expect_project[NUSERS][NPROJ] = {
	/*               P1         P2         P3         P4 */
	[ADMIN] =      { "AFFFAAA", "AFFFAAA", "AFFFAAA", "AFFFAAA" },
	[COORD_CITY] = { "AAAAAAF", "AAAAAAF", "AAAAAAF", "AAAAAAF" },
	[COORD_BYQ] =  { "AAAAAAF", "HHHHHHH", "AAAAAAF", "HHHHHHH" },
	[REP_BYQ] =    { "AAAFFFF", "HHHHHHH", "AAAFFFF", "HHHHHHH" },
	[REP_GZ] =     { "HHHHHHH", "AAAFFFF", "HHHHHHH", "AAAFFFF" },
	[REP_JT] =     { "AAAFFFF", "HHHHHHH", "HHHHHHH", "AAAFFFF" },
	[LEADER] =     { "AFFAFFF", "HHHHHHH", "HHHHHHH", "HHHHHHH" },
	[LEADER_BYQ] = { "AFFAFFF", "HHHHHHH", "AFFAFFF", "HHHHHHH" },
};

/* Nodes: own and others'. */
static const int node_ids[] = { CITY, BYQ, XY, GZ, DIRECT, JT };
#define NNODES (sizeof(node_ids) / sizeof(node_ids[0]))
static const char *const expect_node[NUSERS][NNODES] = {
	/*               CITY       BYQ        XY         GZ         DIRECT     JT */
	[ADMIN] =      { "AFFFAAA", "AFFFAAA", "AFFFAAA", "AFFFAAA", "AFFFAAA", "AFFFAAA" },
	[COORD_CITY] = { "AAAAAAF", "AAAAAAF", "AAAAAAF", "AAAAAAF", "AAAAAAF", "AAAAAAF" },
	[COORD_BYQ] =  { "HHHHHHH", "AAAAAAF", "AAAAAAF", "HHHHHHH", "HHHHHHH", "HHHHHHH" },
	[REP_BYQ] =    { "HHHHHHH", "AAAFFFF", "AAAFFFF", "HHHHHHH", "HHHHHHH", "HHHHHHH" },
	[REP_GZ] =     { "HHHHHHH", "HHHHHHH", "HHHHHHH", "AAAFFFF", "HHHHHHH", "HHHHHHH" },
	[REP_JT] =     { "HHHHHHH", "HHHHHHH", "HHHHHHH", "HHHHHHH", "HHHHHHH", "AAAFFFF" },
	[LEADER] =     { "HHHHHHH", "HHHHHHH", "HHHHHHH", "HHHHHHH", "AFFAFFF", "HHHHHHH" },
	[LEADER_BYQ] = { "HHHHHHH", "AFFAFFF", "AFFAFFF", "HHHHHHH", "HHHHHHH", "HHHHHHH" },
};

/* With no object: may the role ever do it? */
static const char *const expect_none[NUSERS] = {
	[ADMIN] = "AFFFAAA", [COORD_CITY] = "AAAAAAF", [COORD_BYQ] = "AAAAAAF",
	[REP_BYQ] = "AAAFFFF", [REP_GZ] = "AAAFFFF", [REP_JT] = "AAAFFFF",
	[LEADER] = "AFFAFFF", [LEADER_BYQ] = "AFFAFFF",
};

static char letter(enum tz_access a)
{
	return a == TZ_ALLOW ? 'A' : a == TZ_DENY_HIDE ? 'H' : 'F';
}

static void check_row(const struct tz_org_index *x, int u, const struct tz_object *o,
		      const char *want, const char *what)
{
	char got[TZ_ACT_COUNT + 1];

	for (int a = 0; a < TZ_ACT_COUNT; a++)
		got[a] = letter(tz_access_decide(x, &users[u], (enum tz_action)a, o));
	got[TZ_ACT_COUNT] = '\0';
	if (strcmp(got, want))
		fail_msg("%s, user %s: got %s, want %s", what, users[u].login, got, want);
}

static void test_projects(void **state)
{
	struct tz_org_index *x = tree();
	char what[32];

	(void)state;
	for (int u = 0; u < NUSERS; u++) {
		for (int p = 0; p < NPROJ; p++) {
			snprintf(what, sizeof(what), "project P%d", p + 1);
			check_row(x, u, &projects[p], expect_project[u][p], what);
		}
	}
	tz_org_index_free(x);
}

static void test_nodes(void **state)
{
	struct tz_org_index *x = tree();
	char what[32];

	(void)state;
	for (int u = 0; u < NUSERS; u++) {
		for (size_t n = 0; n < NNODES; n++) {
			struct tz_object o = tz_object_node(node_ids[n]);

			snprintf(what, sizeof(what), "node %d", node_ids[n]);
			check_row(x, u, &o, expect_node[u][n], what);
		}
	}
	tz_org_index_free(x);
}

static void test_no_object(void **state)
{
	struct tz_object none = { 0 };

	(void)state;
	for (int u = 0; u < NUSERS; u++) {
		check_row(NULL, u, NULL, expect_none[u], "no object");
		check_row(NULL, u, &none, expect_none[u], "TZ_OBJ_NONE");
	}
}

static void test_disabled_and_unknown(void **state)
{
	struct tz_org_index *x = tree();
	struct tz_user u = users[COORD_CITY];

	(void)state;
	u.disabled = 1;
	for (int p = 0; p < NPROJ; p++)
		check_row(x, COORD_CITY, &projects[p], "AAAAAAF", "enabled");
	assert_int_equal(tz_access_decide(x, &u, TZ_ACT_VIEW, &projects[P1]), TZ_DENY_HIDE);
	assert_int_equal(tz_access_decide(x, &u, TZ_ACT_VIEW, NULL), TZ_DENY_HIDE);
	/* A node that is not in the tree sees nothing. */
	u = users[REP_BYQ];
	u.org_id = 999;
	assert_int_equal(tz_access_decide(x, &u, TZ_ACT_VIEW, &projects[P1]), TZ_DENY_HIDE);
	/* A project whose region is unknown is seen only by admins. */
	{
		struct tz_object lost = tz_object_project(999, 0, "");

		assert_int_equal(tz_access_decide(x, &users[ADMIN], TZ_ACT_VIEW, &lost), TZ_ALLOW);
		assert_int_equal(tz_access_decide(x, &users[COORD_CITY], TZ_ACT_VIEW, &lost),
				 TZ_DENY_HIDE);
	}
	/* Without a tree, objects are hidden. */
	assert_int_equal(tz_access_decide(NULL, &users[ADMIN], TZ_ACT_VIEW, &projects[P1]),
			 TZ_DENY_HIDE);
	/* A role out of range. */
	u = users[ADMIN];
	u.role = (enum tz_role)9;
	assert_int_equal(tz_access_decide(x, &u, TZ_ACT_VIEW, NULL), TZ_DENY_HIDE);
	tz_org_index_free(x);
}

static void test_leader_key(void **state)
{
	char key[TZ_LEADER_KEY_MAX];

	(void)state;
	assert_string_equal(tz_leader_key("王 建国", key), "王建国");
	assert_string_equal(tz_leader_key(" 王\xe3\x80\x80建国同志 ", key), "王建国");
	assert_string_equal(tz_leader_key("王建国同志同志", key), "王建国同志");
	assert_string_equal(tz_leader_key("同志", key), "");
	assert_string_equal(tz_leader_key(NULL, key), "");
	assert_true(tz_leader_match("王 建 国 同志", "王建国"));
	assert_false(tz_leader_match("王建国", ""));
	assert_false(tz_leader_match("", "王建国"));
	assert_false(tz_leader_match("王建", "王建国"));
	assert_false(tz_leader_match("王建国、李志强", "王建国"));
	/* A leader with an empty name sees nothing by name. */
	{
		struct tz_org_index *x = tree();
		struct tz_user u = users[LEADER];
		struct tz_object o = tz_object_project(GZ, 0, "");

		u.leader_name = "同志";
		assert_int_equal(tz_access_decide(x, &u, TZ_ACT_VIEW, &o), TZ_DENY_HIDE);
		tz_org_index_free(x);
	}
	/* Texts far beyond a name are cut on a character boundary. */
	{
		char longname[1000];

		for (int i = 0; i < 333; i++)
			memcpy(longname + i * 3, "王", 3);
		longname[999] = '\0';
		tz_leader_key(longname, key);
		assert_true(strlen(key) < TZ_LEADER_KEY_MAX);
		assert_int_equal(strlen(key) % 3, 0);
	}
}

/* The scope a query uses selects exactly what the decision lets see. */
static void test_scope_agrees(void **state)
{
	struct tz_org_index *x = tree();

	(void)state;
	for (int u = 0; u < NUSERS; u++) {
		struct tz_access_scope s;

		tz_access_scope(x, &users[u], &s);
		for (int p = 0; p < NPROJ; p++) {
			const struct tz_object *o = &projects[p];
			int in = s.all;

			for (size_t i = 0; i < s.nnodes; i++)
				in |= s.nodes[i] == o->region_id || s.nodes[i] == o->unit_id;
			in |= tz_leader_match(o->leader, s.leader_key);
			if (in != (tz_access_decide(x, &users[u], TZ_ACT_VIEW, o) == TZ_ALLOW))
				fail_msg("scope of %s disagrees on P%d", users[u].login, p + 1);
		}
		tz_access_scope_release(&s);
	}
	tz_org_index_free(x);
}

static void test_roles_and_users(void **state)
{
	struct tz_user u = users[REP_BYQ];
	struct tz_err err;
	enum tz_role r;

	(void)state;
	assert_int_equal(tz_role_parse("leader", &r), 0);
	assert_int_equal(r, TZ_ROLE_LEADER);
	assert_int_equal(tz_role_parse("调度管理员", &r), 0);
	assert_int_equal(r, TZ_ROLE_COORDINATOR);
	assert_int_equal(tz_role_parse("root", &r), TZ_EINVAL);
	assert_string_equal(tz_role_label(TZ_ROLE_REPORTER), "填报员");
	assert_string_equal(tz_role_name((enum tz_role)0), "");
	assert_string_equal(tz_action_name(TZ_ACT_AUDIT), "audit");

	assert_int_equal(tz_user_validate(&u, &err), 0);
	u.login = "bad login";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);
	assert_string_equal(err.field, "登录名");
	u.login = "a'; DROP TABLE users;--";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);
	u.login = "ok";
	u.name = "";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);
	u.name = "名\x01字";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);
	u.name = "名字";
	u.leader_name = "王建国";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);
	assert_string_equal(err.field, "包联领导");
	u.role = TZ_ROLE_LEADER;
	assert_int_equal(tz_user_validate(&u, &err), 0);
	u.leader_name = " 同志 ";
	assert_int_equal(tz_user_validate(&u, &err), TZ_EINVAL);

	assert_int_equal(tz_password_check("demo-taizhang", &err), 0);
	assert_int_equal(tz_password_check("short", &err), TZ_EINVAL);
	assert_int_equal(tz_password_check("八个汉字的密码呀", &err), 0);
	assert_int_equal(tz_password_check("password\x01", &err), TZ_EINVAL);
	assert_int_equal(tz_password_check("pass\xffword", &err), TZ_EINVAL);
}

/* What bounds an import (web.md: a coordinator imports for its node,
 * never another node's subtree; walkthrough 15): nothing for admins and
 * the root's coordinators, the node's subtree for a county's, no import
 * at all for the other roles. */
static void test_import_bound(void **state)
{
	struct tz_org_index *x = tree();
	struct tz_user u;

	(void)state;
	assert_int_equal(tz_access_import_bound(x, &users[ADMIN]), 0);
	assert_int_equal(tz_access_import_bound(NULL, &users[ADMIN]), 0);
	assert_int_equal(tz_access_import_bound(x, &users[COORD_CITY]), 0);
	assert_int_equal(tz_access_import_bound(x, &users[COORD_BYQ]), BYQ);
	assert_int_equal(tz_access_import_bound(NULL, &users[COORD_BYQ]), -1);
	assert_int_equal(tz_access_import_bound(x, &users[REP_BYQ]), -1);
	assert_int_equal(tz_access_import_bound(x, &users[LEADER]), -1);
	u = users[COORD_BYQ];
	u.disabled = 1;
	assert_int_equal(tz_access_import_bound(x, &u), -1);
	u = users[COORD_BYQ];
	u.org_id = 999;
	assert_int_equal(tz_access_import_bound(x, &u), -1);

	/* No bound: anything, even what the tree does not hold. */
	assert_int_equal(tz_access_import_allows(x, 0, GZ), 1);
	assert_int_equal(tz_access_import_allows(x, 0, 999), 1);
	/* 鲅鱼圈区: itself and 熊岳镇 below it; not 盖州市, the city, its
	 * departments, no node, nor an unknown one. */
	assert_int_equal(tz_access_import_allows(x, BYQ, BYQ), 1);
	assert_int_equal(tz_access_import_allows(x, BYQ, XY), 1);
	assert_int_equal(tz_access_import_allows(x, BYQ, GZ), 0);
	assert_int_equal(tz_access_import_allows(x, BYQ, CITY), 0);
	assert_int_equal(tz_access_import_allows(x, BYQ, DIRECT), 0);
	assert_int_equal(tz_access_import_allows(x, BYQ, JT), 0);
	assert_int_equal(tz_access_import_allows(x, BYQ, 0), 0);
	assert_int_equal(tz_access_import_allows(x, BYQ, 999), 0);
	assert_int_equal(tz_access_import_allows(NULL, BYQ, BYQ), 0);
	assert_int_equal(tz_access_import_allows(x, -1, BYQ), 0);
	tz_org_index_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_projects),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_no_object),
		cmocka_unit_test(test_disabled_and_unknown),
		cmocka_unit_test(test_leader_key),
		cmocka_unit_test(test_scope_agrees),
		cmocka_unit_test(test_roles_and_users),
		cmocka_unit_test(test_import_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
