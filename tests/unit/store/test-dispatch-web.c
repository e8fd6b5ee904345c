/*
 * test-dispatch-web.c: what the store gives the web application's
 * reporting and dispatch pages (store.h, "Audited changes", pages-a): a
 * period opened, reopened, closed or moved writes its audit row in the
 * same transaction, and a refused change writes none; a save by a person
 * leaves one "report.save" row naming the codes it added or changed, a
 * refused save none; an import's audit row exists only if it commits;
 * the views of some codes are exactly those of the ledger's walk.
 */
#include "tz-test.h"

#include "core/deadline.h"
#include "core/org.h"
#include "store/store.h"
#include "base/arena.h"

struct city {
	char *dir;
	struct tz_store *s;
	int64_t city, county, dept;
};

static void city_open(struct city *c)
{
	static const struct tz_org_node nodes[] = {
		{ 0, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 0, "R1", "乙县", "C", TZ_ORG_COUNTY, "" },
		{ 0, "D0", "市交通局", "C", TZ_ORG_DEPARTMENT, "" },
	};
	struct tz_org_index *x = tz_org_index_new();
	char path[4096];

	c->dir = tz_test_tmpdir();
	snprintf(path, sizeof(path), "%s/a.db", c->dir);
	assert_int_equal(tz_store_open(&c->s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], NULL), 0);
	assert_int_equal(tz_org_index_check(x, NULL), 0);
	assert_int_equal(tz_store_org_save(c->s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(c->s, x, NULL), 0);
	c->city = tz_org_index_by_code(x, "C")->id;
	c->county = tz_org_index_by_code(x, "R1")->id;
	c->dept = tz_org_index_by_code(x, "D0")->id;
	tz_org_index_free(x);
}

static void city_close(struct city *c)
{
	tz_store_close(c->s);
	tz_test_rmtree(c->dir);
}

/* The audit rows whose action starts with `action`, newest first. */
static size_t audit(struct city *c, struct tz_arena *a, const char *action,
		    struct tz_audit_entry **e)
{
	struct tz_audit_query q = { 0 };
	size_t n = 0;

	q.all = 1;
	q.action = action;
	assert_int_equal(tz_store_audit_list(c->s, &q, a, e, &n, NULL, NULL), 0);
	return n;
}

static void test_period_changes_are_audited(void **state)
{
	struct tz_period dec = { 2025, 12 };
	struct tz_actor who = { 0, "127.0.0.1", 1767000000 };
	struct tz_arena *a = tz_arena_new();
	struct tz_audit_entry *e;
	struct tz_dispatch d;
	struct tz_err err;
	struct city c;
	int64_t dl = tz_deadline_default(dec) + 86400;

	(void)state;
	city_open(&c);
	/* Opened with the default deadline: the row says so, no old value. */
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, 0, dec, 0, &who, NULL), 0);
	assert_int_equal(audit(&c, a, "period.", &e), 1);
	assert_string_equal(e[0].action, "period.open");
	assert_string_equal(e[0].object, "dispatch:C:2025-12");
	assert_null(e[0].old_value);
	assert_string_equal(e[0].new_value, "{\"state\":\"填报中\",\"deadline\":\"2026-01-05 17:00\"}");
	assert_string_equal(e[0].origin, "127.0.0.1");
	assert_int_equal(e[0].at, who.at);
	/* The same change as the plain function: the dispatch is there. */
	assert_int_equal(tz_store_period_governing(c.s, c.county, dec, &d, NULL), 0);
	assert_int_equal(d.deadline, tz_deadline_default(dec));
	assert_int_equal(d.opened_at, who.at);

	/* Refused changes write nothing: open twice, a department, too early. */
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, 0, dec, 0, &who, &err),
			 TZ_EEXIST);
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, c.dept, dec, 0, &who, &err),
			 TZ_EINVAL);
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_DEADLINE, 0, dec,
						tz_period_begins(dec) - 1, &who, &err), TZ_EINVAL);
	assert_int_equal(audit(&c, a, "period.", &e), 1);

	/* Deadline moved, closed, reopened: each a row with old and new. */
	who.at += 60;
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_DEADLINE, c.city, dec, dl, &who, NULL),
			 0);
	who.at += 60;
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_CLOSE, 0, dec, 12345, &who, NULL), 0);
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_CLOSE, 0, dec, 0, &who, &err),
			 TZ_EINVAL);
	who.at += 60;
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, 0, dec, 0, &who, NULL), 0);
	assert_int_equal(audit(&c, a, "period.", &e), 4);
	assert_string_equal(e[0].action, "period.reopen");
	assert_string_equal(e[0].old_value, "{\"state\":\"已关闭\",\"deadline\":\"2026-01-06 17:00\"}");
	assert_string_equal(e[0].new_value, "{\"state\":\"填报中\",\"deadline\":\"2026-01-06 17:00\"}");
	assert_string_equal(e[1].action, "period.close");
	assert_string_equal(e[2].action, "period.deadline");
	assert_string_equal(e[2].old_value, "{\"state\":\"填报中\",\"deadline\":\"2026-01-05 17:00\"}");
	assert_string_equal(e[2].new_value, "{\"state\":\"填报中\",\"deadline\":\"2026-01-06 17:00\"}");

	/* A county's own dispatch names the county. */
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, c.county, dec, 0, &who, NULL),
			 0);
	assert_int_equal(audit(&c, a, "period.open", &e), 2);
	assert_string_equal(e[0].object, "dispatch:R1:2025-12");

	/* The plain functions (command line, demo) write no audit row. */
	assert_int_equal(tz_store_period_close(c.s, c.county, dec, 0, who.at, NULL), 0);
	assert_int_equal(audit(&c, a, "period.", &e), 5);
	/* Without an actor the audited function refuses. */
	assert_int_equal(tz_store_period_change(c.s, TZ_PERIOD_OPEN, 0, dec, 0, NULL, &err),
			 TZ_EINTERNAL);
	tz_arena_free(a);
	city_close(&c);
}

static void ledger(struct city *c, const char *code)
{
	struct tz_project p = { .code = code, .name = "测试项目", .category = "", .level = "",
				.nature = "", .owner = "", .leader = "", .unit = "",
				.years = "", .stage = "", .region = "乙县" };

	p.region_id = c->county;
	p.year = 2025;
	p.total = 100000;
	p.has_plan = 1;
	p.annual = 12000;
	assert_int_equal(tz_store_import_project(c->s, &p, NULL), 0);
}

static void test_saves_are_audited(void **state)
{
	struct tz_period jun = { 2025, 6 };
	struct tz_actor who = { 0, "10.0.0.1", 1750000000 };
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 0, 1750000000, &who };
	struct tz_progress r[3] = {
		{ "A", jun, 100, TZ_STATUS_STARTED, "基础施工", "" },
		{ "B", jun, 200, TZ_STATUS_STARTED, "主体施工", "" },
		{ "C", jun, 0, TZ_STATUS_NOT_STARTED, "", "" },
	};
	struct tz_report_save_stats stats;
	struct tz_arena *a = tz_arena_new();
	struct tz_audit_entry *e;
	struct tz_err err;
	struct city c;
	size_t failed;

	(void)state;
	city_open(&c);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger(&c, "A");
	ledger(&c, "B");
	ledger(&c, "C");
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	assert_int_equal(tz_store_period_open(c.s, 0, jun, 0, 0, 1, NULL), 0);

	/* A refused save (C twice) writes no audit row. */
	r[2].code = "A";
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, &stats, &err), TZ_EEXIST);
	assert_int_equal(failed, 2);
	assert_int_equal(audit(&c, a, "report.", &e), 0);

	/* Three new reports. */
	r[2].code = "C";
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, &stats, NULL), 0);
	assert_int_equal(audit(&c, a, "report.", &e), 1);
	assert_string_equal(e[0].action, "report.save");
	assert_string_equal(e[0].object, "period:2025-06");
	assert_string_equal(e[0].new_value, "{\"as\":\"填报\",\"added\":3,\"changed\":0,"
				"\"unchanged\":0,\"late\":0,\"codes\":[\"A\",\"B\",\"C\"]}");

	/* A correction of B, A saved again unchanged: only B is named. */
	r[1].completed = 250;
	how.as = TZ_SAVER_COORDINATOR;
	assert_int_equal(tz_store_report_save(c.s, &how, r, 2, &failed, &stats, NULL), 0);
	assert_int_equal(audit(&c, a, "report.", &e), 2);
	assert_string_equal(e[0].new_value, "{\"as\":\"更正\",\"added\":0,\"changed\":1,"
				"\"unchanged\":1,\"late\":0,\"codes\":[\"B\"]}");

	/* A save without an actor (the demo, the command line) is not audited. */
	how.who = NULL;
	r[0].completed = 150;
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, &failed, &stats, NULL), 0);
	assert_int_equal(audit(&c, a, "report.", &e), 2);

	/* An import's row: kept when it commits, gone when it aborts. */
	assert_int_equal(tz_store_import_audit(c.s, &who, "import.projects", "file:x", "{}", &err),
			 TZ_EINTERNAL);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	assert_int_equal(tz_store_import_audit(c.s, &who, "import.progress", "file:a.csv", "{}",
					       NULL), 0);
	tz_store_import_abort(c.s);
	assert_int_equal(audit(&c, a, "import.", &e), 0);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	assert_int_equal(tz_store_import_audit(c.s, &who, "import.progress", "file:b.csv",
					       "{\"rows\":0}", NULL), 0);
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	assert_int_equal(audit(&c, a, "import.", &e), 1);
	assert_string_equal(e[0].object, "file:b.csv");
	assert_string_equal(e[0].new_value, "{\"rows\":0}");
	tz_arena_free(a);
	city_close(&c);
}

struct views {
	char text[8][160];
	int n;
};

static int keep_view(void *ctx, const struct tz_report_view *v)
{
	struct views *vs = ctx;

	if (vs->n < 8)
		snprintf(vs->text[vs->n], sizeof(vs->text[0]), "%s %d %d %lld %d %s %d %d %lld %d",
			 v->code, v->expected, v->reported, (long long)v->report.completed,
			 (int)v->report.status, v->reported ? v->report.progress_text : "-",
			 v->has_filing, v->late, (long long)v->first_at, v->has_dispatch);
	vs->n++;
	return 0;
}

static void test_views_of_codes(void **state)
{
	struct tz_period jun = { 2025, 6 };
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 0, 0, NULL };
	struct tz_progress r = { "B", jun, 200, TZ_STATUS_STARTED, "主体施工", "" };
	const char *codes[] = { "C", "NOPE", "B", "A" };
	struct views all = { 0 }, some = { 0 };
	struct city c;

	(void)state;
	city_open(&c);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger(&c, "A");
	ledger(&c, "B");
	ledger(&c, "C");
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	assert_int_equal(tz_store_period_open(c.s, 0, jun, 0, 0, 1, NULL), 0);
	how.at = tz_deadline_default(jun) + 1;  /* late */
	assert_int_equal(tz_store_report_save(c.s, &how, &r, 1, NULL, NULL, NULL), 0);

	assert_int_equal(tz_store_report_each(c.s, NULL, 0, jun, keep_view, &all, NULL), 0);
	assert_int_equal(all.n, 3);
	/* In the order asked, the unknown one skipped, each as the walk has it. */
	assert_int_equal(tz_store_report_codes(c.s, jun, codes, 4, keep_view, &some, NULL), 0);
	assert_int_equal(some.n, 3);
	assert_string_equal(some.text[0], all.text[2]);
	assert_string_equal(some.text[1], all.text[1]);
	assert_string_equal(some.text[2], all.text[0]);
	assert_non_null(strstr(some.text[1], "B 1 1 200 2 主体施工 1 1"));
	/* None asked, none given; a year without a ledger gives nothing. */
	some.n = 0;
	assert_int_equal(tz_store_report_codes(c.s, jun, codes, 0, keep_view, &some, NULL), 0);
	assert_int_equal(tz_store_report_codes(c.s, (struct tz_period){ 2024, 6 }, codes, 4,
					       keep_view, &some, NULL), 0);
	assert_int_equal(some.n, 0);
	city_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_changes_are_audited),
		cmocka_unit_test(test_saves_are_audited),
		cmocka_unit_test(test_views_of_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
