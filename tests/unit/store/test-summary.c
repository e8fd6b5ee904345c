/*
 * test-summary.c: the store's summaries restricted to what a user sees
 * (store.h, pages-b): a filtered bulletin counts exactly the kept
 * projects, the problem and procedure counts likewise; comments and marks
 * on problems are dated, signed events that change nothing else; the
 * audit row of a web change is written with the change, and lost with it.
 */
#include "tz-test.h"

#include "base/arena.h"
#include "core/bulletin.h"
#include "core/org.h"
#include "core/tally.h"
#include "store/store.h"

/* C 市 ─ R0 甲区, R1 乙县; D0 市交通局. */
enum { N_C, N_R0, N_R1, N_D0, N_NODES };
static int64_t node_id[N_NODES];

struct city {
	char *dir;
	char path[4096];
	struct tz_store *s;
	struct tz_org_index *x;
};

static void ledger_row(struct tz_store *s, const char *code, int region, int unit,
		       const char *leader, int64_t annual)
{
	struct tz_project p = { .code = code, .name = "测试项目", .category = "交通", .level = "市重点",
				.nature = "续建", .owner = "", .leader = leader, .unit = "",
				.years = "", .stage = "", .region = "某区" };

	p.region_id = node_id[region];
	p.unit_id = unit >= 0 ? node_id[unit] : 0;
	p.year = 2025;
	p.total = 10000000;
	p.has_plan = 1;
	p.annual = annual;
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
}

static void progress(struct tz_store *s, const char *code, int month, int64_t done,
		     const char *problem)
{
	struct tz_progress r = { code, { 2025, month }, done, TZ_STATUS_STARTED, "施工", problem };

	assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
}

/*
 * A:  甲区, 市交通局, 王五    B: 甲区, 王五    C: 乙县, 李四    D: 乙县, 市交通局, 王五
 */
static void city_open(struct city *c)
{
	static const struct tz_org_node nodes[] = {
		{ 0, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 0, "R0", "甲区", "C", TZ_ORG_DISTRICT, "" },
		{ 0, "R1", "乙县", "C", TZ_ORG_COUNTY, "" },
		{ 0, "D0", "市交通局", "C", TZ_ORG_DEPARTMENT, "" },
	};
	struct tz_org_index *x = tz_org_index_new();

	c->dir = tz_test_tmpdir();
	snprintf(c->path, sizeof(c->path), "%s/s.db", c->dir);
	assert_int_equal(tz_store_open(&c->s, c->path, TZ_STORE_CREATE, NULL, NULL), 0);
	for (size_t i = 0; i < N_NODES; i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], NULL), 0);
	assert_int_equal(tz_store_org_save(c->s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	c->x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(c->s, c->x, NULL), 0);
	for (int i = 0; i < N_NODES; i++)
		node_id[i] = tz_org_index_by_code(c->x, nodes[i].code)->id;

	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger_row(c->s, "A", N_R0, N_D0, "王五", 1000000);
	ledger_row(c->s, "B", N_R0, -1, "王五 同志", 2000000);
	ledger_row(c->s, "C", N_R1, -1, "李四", 4000000);
	ledger_row(c->s, "D", N_R1, N_D0, "王五", 8000000);
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	progress(c->s, "A", 3, 100000, "用地指标尚未落实");
	progress(c->s, "B", 3, 300000, "");
	progress(c->s, "C", 3, 700000, "资金到位不足");
	progress(c->s, "D", 2, 1100000, "");
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
}

static void city_close(struct city *c)
{
	tz_org_index_free(c->x);
	tz_store_close(c->s);
	tz_test_rmtree(c->dir);
}

/* Filters: by region node, and by leader text. */
static int keep_region(void *ctx, int64_t region, int64_t unit, const char *leader)
{
	(void)unit;
	(void)leader;
	return region == *(int64_t *)ctx;
}

static int keep_wang(void *ctx, int64_t region, int64_t unit, const char *leader)
{
	(void)ctx;
	(void)region;
	(void)unit;
	return !strncmp(leader, "王五", strlen("王五"));
}

static void test_bulletin_where(void **state)
{
	struct city c;
	struct tz_bulletin *all = tz_bulletin_new((struct tz_period){ 2025, 3 }, TZ_BY_REGION);
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 3 }, TZ_BY_REGION);
	struct tz_project_filter f = { keep_region, &node_id[N_R1] };
	const struct tz_bulletin_group *g = NULL, *t;
	struct tz_err err;

	(void)state;
	city_open(&c);
	assert_int_equal(tz_store_bulletin_where(c.s, all, NULL, NULL), 0);
	assert_int_equal(tz_bulletin_finish(all, NULL), 0);
	assert_int_equal(tz_store_bulletin_where(c.s, b, &f, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	/* Only 乙县: one group, its figures the whole bulletin's 乙县 group. */
	assert_int_equal(tz_bulletin_group_count(b), 1);
	for (size_t i = 0; i < tz_bulletin_group_count(all); i++)
		if (!strcmp(tz_bulletin_group_at(all, i)->key, "乙县"))
			g = tz_bulletin_group_at(all, i);
	assert_non_null(g);
	t = tz_bulletin_totals(b);
	assert_int_equal(t->projects, 2);
	assert_int_equal(t->projects, g->projects);
	assert_int_equal(t->annual, g->annual);
	assert_int_equal(t->ytd, 700000 + 1100000);
	assert_int_equal(t->ytd, g->ytd);
	assert_int_equal(t->reported, 1);  /* D reported for February only */
	assert_int_equal(tz_bulletin_totals(all)->projects, 4);
	tz_bulletin_free(b);

	/* A leader's projects, wherever they are. */
	b = tz_bulletin_new((struct tz_period){ 2025, 3 }, TZ_BY_LEADER);
	f.keep = keep_wang;
	assert_int_equal(tz_store_bulletin_where(c.s, b, &f, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	assert_int_equal(tz_bulletin_totals(b)->projects, 3);
	tz_bulletin_free(b);

	/* Kept projects none of which reported: refused, not zeros. */
	b = tz_bulletin_new((struct tz_period){ 2025, 2 }, TZ_BY_REGION);
	f.keep = keep_region;
	f.ctx = &node_id[N_R0];
	assert_int_equal(tz_store_bulletin_where(c.s, b, &f, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, &err), TZ_ENOTFOUND);
	tz_bulletin_free(b);
	tz_bulletin_free(all);
	city_close(&c);
}

static int leader_of(void *ctx, const struct tz_problem_row *r)
{
	snprintf(ctx, 64, "%s", r->project_leader);
	return 0;
}

static void test_counts_where(void **state)
{
	struct city c;
	struct tz_problem f = { 0 };
	struct tz_procedure pr = { 0 };
	struct tz_project_filter keep = { keep_region, &node_id[N_R0] };
	struct tz_tally *all, *some;
	int64_t id;
	char leader[64];

	(void)state;
	city_open(&c);
	f.level = TZ_LEVEL_PROVINCE;
	f.status = TZ_PROBLEM_NEW;
	assert_int_equal(tz_store_problem_from_report(c.s, "A", (struct tz_period){ 2025, 3 }, &f, &id,
						      1, 100, NULL), 0);
	assert_int_equal(tz_store_problem_get(c.s, id, leader_of, leader, NULL), 0);
	assert_string_equal(leader, "王五");
	assert_int_equal(tz_store_problem_from_report(c.s, "C", (struct tz_period){ 2025, 3 }, &f, &id,
						      1, 100, NULL), 0);

	all = tz_tally_new(c.x, 0, TZ_PC_COUNT);
	some = tz_tally_new(c.x, 0, TZ_PC_COUNT);
	assert_int_equal(tz_store_problem_counts_where(c.s, all, 20250401, NULL, NULL), 0);
	assert_int_equal(tz_store_problem_counts_where(c.s, some, 20250401, &keep, NULL), 0);
	assert_int_equal(tz_tally_counters_at(all, 0)[TZ_PC_ALL + 1], 2);
	assert_int_equal(tz_tally_counters_at(some, 0)[TZ_PC_ALL + 1], 1);
	assert_int_equal(tz_tally_counters_of(some, node_id[N_R1])[TZ_PC_ALL + 1], 0);
	assert_int_equal(tz_tally_counters_of(some, node_id[N_R0])[TZ_PC_ALL + 1], 1);
	tz_tally_free(all);
	tz_tally_free(some);

	/* Procedures: A obtains one, C requires all. */
	assert_int_equal(tz_store_procedure_require(c.s, "A", NULL, 1, 100, NULL), 0);
	assert_int_equal(tz_store_procedure_require(c.s, "C", NULL, 1, 100, NULL), 0);
	pr.project_code = "A";
	pr.kind_id = 1;
	pr.status = TZ_PROC_OBTAINED;
	pr.date = 20250301;
	pr.doc_no = "营发改〔2025〕1号";
	assert_int_equal(tz_store_procedure_set(c.s, &pr, 1, 100, NULL), 0);
	all = tz_tally_new(c.x, 0, TZ_PRC_COUNT);
	some = tz_tally_new(c.x, 0, TZ_PRC_COUNT);
	keep.ctx = &node_id[N_R1];
	assert_int_equal(tz_store_procedure_counts_where(c.s, all, 20250101, 20250331, NULL, NULL), 0);
	assert_int_equal(tz_store_procedure_counts_where(c.s, some, 20250101, 20250331, &keep, NULL), 0);
	assert_int_equal(tz_tally_counters_at(all, 0)[TZ_PRC_IN_RANGE], 1);
	assert_int_equal(tz_tally_counters_at(some, 0)[TZ_PRC_IN_RANGE], 0);
	assert_int_equal(tz_tally_counters_at(some, 0)[TZ_PRC_REQUIRED],
			 tz_tally_counters_at(all, 0)[TZ_PRC_REQUIRED] / 2);
	tz_tally_free(all);
	tz_tally_free(some);
	city_close(&c);
}

struct events {
	int n;
	int action[8];
	char note[8][64];
	int64_t user[8];
};

static int collect(void *ctx, const struct tz_problem_event *e)
{
	struct events *ev = ctx;

	if (ev->n < 8) {
		ev->action[ev->n] = e->action;
		ev->user[ev->n] = e->user_id;
		snprintf(ev->note[ev->n], 64, "%s", e->note);
	}
	ev->n++;
	return 0;
}

static int status_of(void *ctx, const struct tz_problem_row *r)
{
	*(int *)ctx = (int)r->problem.status;
	return 0;
}

static long audit_count(struct tz_store *s, const char *action)
{
	struct tz_audit_query q = { 0 };
	struct tz_arena *a = tz_arena_new();
	struct tz_audit_entry *e;
	size_t n;
	long total = 0;

	q.all = 1;
	q.action = action;
	assert_int_equal(tz_store_audit_list(s, &q, a, &e, &n, &total, NULL), 0);
	tz_arena_free(a);
	return total;
}

static void test_notes_and_audit(void **state)
{
	struct city c;
	struct tz_problem f = { 0 };
	struct tz_actor who = { 0, "127.0.0.1", 500 };  /* user 0: no users table row needed */
	struct events ev = { 0 };
	struct tz_err err;
	int64_t id, v0, v1;
	int status = 0;

	(void)state;
	city_open(&c);
	f.project_code = "B";
	f.kind = TZ_PROBLEM_FUNDS;
	f.level = TZ_LEVEL_CITY;
	f.status = TZ_PROBLEM_NEW;
	f.description = "配套资金未到位";
	f.unit_text = "";

	/* The audit row goes with the change. */
	assert_int_equal(tz_store_audit_next(c.s, &who, "problem.raise", "project:B", NULL,
					     "{\"kind\":\"资金\"}", NULL), 0);
	assert_int_equal(tz_store_problem_add(c.s, &f, &id, 7, 500, NULL), 0);
	tz_store_audit_clear(c.s);
	assert_int_equal(audit_count(c.s, "problem.raise"), 1);

	/* A refused change writes none, and a later change does not take
	 * the refused one's row. */
	assert_int_equal(tz_store_audit_next(c.s, &who, "problem.move", "problem:x", NULL, NULL,
					     NULL), 0);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SOLVED, "已解决", 7, 600, &err),
			 TZ_EINVAL);
	tz_store_audit_clear(c.s);
	assert_int_equal(tz_store_audit_next(c.s, &who, "problem.move", "problem:x", NULL, NULL,
					     NULL), 0);
	tz_store_audit_clear(c.s);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SUSPENDED, "等待规划调整", 7, 700,
					       NULL), 0);
	assert_int_equal(audit_count(c.s, "problem.move"), 0);
	assert_int_equal(tz_store_audit_next(c.s, NULL, "", NULL, NULL, NULL, &err), TZ_EINVAL);

	/* Comments and marks: events, the status untouched, the version bumped. */
	assert_int_equal(tz_store_version(c.s, &v0, NULL), 0);
	assert_int_equal(tz_store_problem_note(c.s, id, TZ_PROBLEM_EV_COMMENT, "请市财政局协调", 9,
					       800, NULL), 0);
	assert_int_equal(tz_store_problem_note(c.s, id, TZ_PROBLEM_EV_MARK, "重点关注", 9, 900,
					       NULL), 0);
	assert_int_equal(tz_store_version(c.s, &v1, NULL), 0);
	assert_true(v1 > v0);
	assert_int_equal(tz_store_problem_note(c.s, id, TZ_PROBLEM_EV_COMMENT, "  ", 9, 900, &err),
			 TZ_EINVAL);
	assert_string_equal(err.field, "意见");
	assert_int_equal(tz_store_problem_note(c.s, id, TZ_PROBLEM_EV_MOVED, "x", 9, 900, NULL),
			 TZ_EINVAL);
	assert_int_equal(tz_store_problem_note(c.s, id + 100, TZ_PROBLEM_EV_COMMENT, "x", 9, 900,
					       NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_problem_events(c.s, id, collect, &ev, NULL), 0);
	assert_int_equal(ev.n, 4);
	assert_int_equal(ev.action[2], TZ_PROBLEM_EV_COMMENT);
	assert_string_equal(ev.note[2], "请市财政局协调");
	assert_int_equal(ev.user[2], 9);
	assert_int_equal(ev.action[3], TZ_PROBLEM_EV_MARK);
	assert_string_equal(ev.note[3], "重点关注");
	assert_int_equal(tz_store_problem_get(c.s, id, status_of, &status, NULL), 0);
	assert_int_equal(status, TZ_PROBLEM_SUSPENDED);
	city_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bulletin_where),
		cmocka_unit_test(test_counts_where),
		cmocka_unit_test(test_notes_and_audit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
