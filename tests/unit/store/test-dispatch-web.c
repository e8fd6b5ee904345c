/*
 * test-dispatch-web.c: what the store gives the web application's
 * reporting and dispatch pages (store.h, "Audited changes", pages-a): a
 * period opened, reopened, closed or moved writes its audit row in the
 * same transaction, and a refused change writes none; a save by a person
 * leaves one "report.save" row naming the codes it added or changed, a
 * refused save none; an import's audit row exists only if it commits;
 * the views of some codes are exactly those of the ledger's walk, and
 * the views of a node's subtree (read through the query) exactly those
 * the whole ledger's walk gives once filtered on the subtree in C.
 */
#include <time.h>
#include <unistd.h>

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

/* A city whose 2025 ledger holds projects A, B and C in 乙县. */
static void city_with_abc(struct city *c)
{
	city_open(c);
	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger(c, "A");
	ledger(c, "B");
	ledger(c, "C");
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
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
	city_with_abc(&c);
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
	city_with_abc(&c);
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

/* ------------------------------------------------------------------ */
/* A report that came before its period was dispatched                 */

struct one_view {
	const char *code;
	int seen, reported, has_filing, late, saves;
	int64_t completed, first_at, first_by, last_by;
	enum tz_saver first_as;
};

static int keep_one(void *ctx, const struct tz_report_view *v)
{
	struct one_view *o = ctx;

	if (strcmp(v->code, o->code))
		return 0;
	o->seen = 1;
	o->reported = v->reported;
	o->completed = v->report.completed;
	o->has_filing = v->has_filing;
	o->late = v->late;
	o->saves = v->saves;
	o->first_at = v->first_at;
	o->first_by = v->first_by;
	o->last_by = v->last_by;
	o->first_as = v->first_as;
	return 0;
}

static struct one_view view_of(struct city *c, struct tz_period p, const char *code)
{
	struct one_view o = { code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

	assert_int_equal(tz_store_report_each(c->s, NULL, 0, p, keep_one, &o, NULL), 0);
	assert_true(o.seen);
	return o;
}

/* An import of report r1, and r2 unless NULL, committed. */
static void import_reports(struct city *c, const struct tz_progress *r1,
			   const struct tz_progress *r2)
{
	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	assert_int_equal(tz_store_import_progress(c->s, r1, NULL), 0);
	if (r2)
		assert_int_equal(tz_store_import_progress(c->s, r2, NULL), 0);
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
}

/*
 * A report imported before its 调度期 was opened arrived then: a
 * coordinator's correction after the deadline, or the same sheet
 * imported again after it, records that import as the first arrival and
 * is not late (web.md: "later corrections do not change that").
 * Walkthrough 11 found the correction counted as the first filing, so
 * the report turned 迟报 and the on-time rate dropped. A report that
 * first arrives after the deadline is late as before.
 */
static void test_report_before_opening(void **state)
{
	struct tz_period jun = { 2025, 6 };
	struct tz_report_save how = { jun, TZ_SAVER_COORDINATOR, 7, 0, NULL };
	struct tz_report_save_stats stats;
	struct tz_progress a = { "A", jun, 100, TZ_STATUS_STARTED, "基础施工", "" };
	struct tz_progress b = { "B", jun, 300, TZ_STATUS_STARTED, "基础施工", "" };
	struct one_view v;
	struct city c;
	int64_t before;

	(void)state;
	city_with_abc(&c);
	before = (int64_t)time(NULL);
	import_reports(&c, &a, &b);
	v = view_of(&c, jun, "A");
	assert_true(v.reported);
	assert_false(v.has_filing);
	assert_false(v.late);

	/* Opened later with a deadline right after the import; the
	 * coordinator corrects A an hour after the deadline. */
	assert_int_equal(tz_store_period_open(c.s, 0, jun, before + 1, 0, 1, NULL), 0);
	how.at = before + 3600;
	a.completed = 150;
	memset(&stats, 0, sizeof(stats));
	assert_int_equal(tz_store_report_save(c.s, &how, &a, 1, NULL, &stats, NULL), 0);
	assert_int_equal(stats.changed, 1);
	assert_int_equal(stats.late, 0);
	v = view_of(&c, jun, "A");
	assert_int_equal(v.completed, 150);
	assert_int_equal(v.saves, 1);
	assert_true(v.has_filing);
	assert_false(v.late);
	assert_int_equal(v.first_as, TZ_SAVER_IMPORT);
	assert_int_equal(v.first_by, 0);
	assert_int_equal(v.last_by, 7);
	assert_true(v.first_at >= before - 1 && v.first_at <= (int64_t)time(NULL));

	/* B imported again after the deadline: the import before the
	 * opening stays its first arrival. */
	while ((int64_t)time(NULL) <= before + 1)
		sleep(1);
	b.completed = 310;
	import_reports(&c, &b, NULL);
	v = view_of(&c, jun, "B");
	assert_int_equal(v.completed, 310);
	assert_true(v.has_filing);
	assert_false(v.late);
	assert_int_equal(v.first_as, TZ_SAVER_IMPORT);

	/* C's first report, saved after the deadline: late. */
	{
		struct tz_progress r = { "C", jun, 50, TZ_STATUS_STARTED, "基础施工", "" };

		memset(&stats, 0, sizeof(stats));
		assert_int_equal(tz_store_report_save(c.s, &how, &r, 1, NULL, &stats, NULL), 0);
		assert_int_equal(stats.added, 1);
		assert_int_equal(stats.late, 1);
		v = view_of(&c, jun, "C");
		assert_true(v.late);
		assert_int_equal(v.first_as, TZ_SAVER_COORDINATOR);
		assert_int_equal(v.first_by, 7);
		assert_int_equal(v.first_at, how.at);
	}

	/* July, imported and then opened long after its default deadline
	 * (walkthrough 12): what was there before the opening is on time,
	 * corrected or not; a first report after the opening is late. */
	{
		struct tz_period jul = { 2025, 7 };
		struct tz_report_save late_how = { jul, TZ_SAVER_COORDINATOR, 7, 0, NULL };
		struct tz_progress ra = { "A", jul, 200, TZ_STATUS_STARTED, "主体施工", "" };
		struct tz_progress rb = { "B", jul, 400, TZ_STATUS_STARTED, "主体施工", "" };
		struct tz_progress rc = { "C", jul, 60, TZ_STATUS_STARTED, "主体施工", "" };
		int64_t imported;

		import_reports(&c, &ra, &rb);
		imported = (int64_t)time(NULL);
		while ((int64_t)time(NULL) <= imported)
			sleep(1);  /* the opening strictly after the import */
		assert_int_equal(tz_store_period_open(c.s, 0, jul, 0, 0, (int64_t)time(NULL), NULL), 0);
		late_how.at = (int64_t)time(NULL) + 60;
		assert_true(late_how.at > tz_deadline_default(jul));
		ra.completed = 210;
		memset(&stats, 0, sizeof(stats));
		assert_int_equal(tz_store_report_save(c.s, &late_how, &ra, 1, NULL, &stats, NULL), 0);
		assert_int_equal(stats.changed, 1);
		assert_int_equal(stats.late, 0);
		v = view_of(&c, jul, "A");
		assert_true(v.has_filing);
		assert_false(v.late);
		v = view_of(&c, jul, "B");
		assert_false(v.has_filing);
		assert_false(v.late);
		memset(&stats, 0, sizeof(stats));
		assert_int_equal(tz_store_report_save(c.s, &late_how, &rc, 1, NULL, &stats, NULL), 0);
		assert_int_equal(stats.late, 1);
		assert_true(view_of(&c, jul, "C").late);
	}
	city_close(&c);
}

/* ------------------------------------------------------------------ */
/* A node's views: the query's filter against the walk's               */

/* Every field of a view, as one line. */
static void view_line(char *buf, size_t size, const struct tz_report_view *v)
{
	snprintf(buf, size,
		 "%s|%s|%s|%lld|%lld|e%d|r%d|%lld|%d|%s|%s|f%d|%lld|%lld|%d|%lld|%lld|%d|d%d|%lld|%d|"
		 "%lld|l%d",
		 v->code, v->name, v->leader, (long long)v->region_id, (long long)v->unit_id,
		 v->expected, v->reported, (long long)v->report.completed, (int)v->report.status,
		 v->reported ? v->report.progress_text : "-", v->reported ? v->report.problem : "-",
		 v->has_filing, (long long)v->first_at, (long long)v->first_by, (int)v->first_as,
		 (long long)v->last_at, (long long)v->last_by, v->saves, v->has_dispatch,
		 (long long)v->dispatch.node_id, (int)v->dispatch.state,
		 (long long)v->dispatch.deadline, v->late);
}

struct lines {
	char (*line)[400];
	size_t n, alloc;
	/* With x: keep only the subtree of node (the walk filtered in C,
	 * as the form did before the query filtered it). */
	const struct tz_org_index *x;
	int64_t node;
};

static int keep_line(void *ctx, const struct tz_report_view *v)
{
	struct lines *ls = ctx;

	if (ls->x && !tz_org_index_within(ls->x, v->region_id, ls->node) &&
	    !(v->unit_id && tz_org_index_within(ls->x, v->unit_id, ls->node)))
		return 0;
	if (ls->n == ls->alloc) {
		ls->alloc = ls->alloc ? 2 * ls->alloc : 64;
		ls->line = realloc(ls->line, ls->alloc * sizeof(*ls->line));
		assert_non_null(ls->line);
	}
	view_line(ls->line[ls->n++], sizeof(ls->line[0]), v);
	return 0;
}

/* The subtree's views both ways (node 0: the root), equal line for
 * line; how many. */
static size_t same_views(struct tz_store *s, const struct tz_org_index *x, int64_t node,
			 struct tz_period p)
{
	struct lines walked = { NULL, 0, 0, x, node ? node : tz_org_index_root(x)->id };
	struct lines read = { NULL, 0, 0, NULL, 0 };
	size_t n;

	assert_int_equal(tz_store_report_each(s, NULL, 0, p, keep_line, &walked, NULL), 0);
	assert_int_equal(tz_store_report_each(s, x, node, p, keep_line, &read, NULL), 0);
	assert_int_equal(read.n, walked.n);
	for (size_t i = 0; i < read.n; i++)
		assert_string_equal(read.line[i], walked.line[i]);
	n = read.n;
	free(walked.line);
	free(read.line);
	return n;
}

/* Project i's code: not in the order of ids. */
static void code_of(int i, char code[16])
{
	snprintf(code, 16, "P%03d", (i * 37) % 90);
}

/*
 * A city of two counties (one with a district and a department of its
 * own), 市直 and two city departments; 90 projects spread over every
 * region and unit (some with none), 80 of them in the 2025 ledger, some
 * reported (imported, or saved on time or late), under the city's
 * dispatch and, for 乙县, its own with a later deadline. For every node, the root and a node that does not
 * exist, the query's rows are the filtered walk's, field for field.
 */
static void test_views_of_subtree(void **state)
{
	static const struct tz_org_node nodes[] = {
		{ 0, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 0, "R1", "乙县", "C", TZ_ORG_COUNTY, "" },
		{ 0, "R1A", "乙县开发区", "R1", TZ_ORG_ZONE, "" },
		{ 0, "R1D", "乙县交通局", "R1", TZ_ORG_DEPARTMENT, "" },
		{ 0, "R2", "丙区", "C", TZ_ORG_DISTRICT, "" },
		{ 0, "CZ", "市直", "C", TZ_ORG_DIRECT, "" },
		{ 0, "D0", "市交通局", "C", TZ_ORG_DEPARTMENT, "" },
		{ 0, "D1", "市住建局", "C", TZ_ORG_DEPARTMENT, "" },
	};
	enum { NNODES = sizeof(nodes) / sizeof(nodes[0]) };
	static const char *const regions[] = { "R1", "R1A", "R2", "CZ" };
	static const char *const units[] = { "", "R1D", "D0", "D1", "" };
	struct tz_period nov = { 2025, 11 }, dec = { 2025, 12 };
	struct tz_org_index *x = tz_org_index_new();
	struct city c;
	char path[4096], code[16];

	(void)state;
	c.dir = tz_test_tmpdir();
	snprintf(path, sizeof(path), "%s/a.db", c.dir);
	assert_int_equal(tz_store_open(&c.s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	for (size_t i = 0; i < NNODES; i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], NULL), 0);
	assert_int_equal(tz_org_index_check(x, NULL), 0);
	assert_int_equal(tz_store_org_save(c.s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(c.s, x, NULL), 0);

	/* The ledgers: project i in region i % 4, unit i % 5 (none for 0
	 * and 4); those from 80 on only in 2024's. */
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	for (int i = 0; i < 90; i++) {
		struct tz_project p = { .code = code, .name = "测试项目", .category = "",
					.level = "", .nature = "", .owner = "", .leader = "",
					.years = "", .stage = "" };

		code_of(i, code);
		p.region = regions[i % 4];
		p.region_id = tz_org_index_by_code(x, regions[i % 4])->id;
		p.unit = units[i % 5];
		p.unit_id = *units[i % 5] ? tz_org_index_by_code(x, units[i % 5])->id : 0;
		p.leader = i % 3 ? "张三" : "";
		p.year = i < 80 ? 2025 : 2024;
		p.total = 100000 + i;
		p.has_plan = 1;
		p.annual = 12000;
		if (i % 7 == 0)
			p.planned_start = (struct tz_period){ 2026, 3 };
		assert_int_equal(tz_store_import_project(c.s, &p, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);

	/* The city dispatches both months, 乙县 its own December; reports of
	 * November by import, of December saved (on time, then late). */
	assert_int_equal(tz_store_period_open(c.s, 0, nov, 0, 0, 1, NULL), 0);
	assert_int_equal(tz_store_period_open(c.s, 0, dec, 0, 0, 1, NULL), 0);
	assert_int_equal(tz_store_period_open(c.s, tz_org_index_by_code(x, "R1")->id, dec,
					      tz_deadline_default(dec) + 7200, 0, 1, NULL), 0);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	for (int i = 0; i < 80; i += 2) {
		struct tz_progress r = { code, nov, 100 * i, i % 4 ? TZ_STATUS_STARTED
								: TZ_STATUS_COMPLETED, "基础施工", "" };

		code_of(i, code);
		assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	for (int i = 0; i < 80; i += 3) {
		struct tz_report_save how = { dec, TZ_SAVER_COORDINATOR, 0, 0, NULL };
		struct tz_progress r = { code, dec, 50 + i, TZ_STATUS_STARTED, "主体施工", "用地" };

		code_of(i, code);
		how.at = tz_deadline_default(dec) + (i % 2 ? 3600 : -3600);
		assert_int_equal(tz_store_report_save(c.s, &how, &r, 1, NULL, NULL, NULL), 0);
	}

	for (int k = 0; k < 2; k++) {
		struct tz_period p = k ? dec : nov;
		size_t total = 0;

		/* The root: every project of the year's ledger. */
		assert_int_equal(same_views(c.s, x, tz_org_index_by_code(x, "C")->id, p), 80);
		/* Root 0 means the root. */
		assert_int_equal(same_views(c.s, x, 0, p), 80);
		/* A county with a zone and a department under it: its regions'
		 * projects and those whose unit is its department. */
		assert_int_equal(same_views(c.s, x, tz_org_index_by_code(x, "R1")->id, p),
				 40 + 8);
		/* A department: the projects it is the 责任单位 of, wherever. */
		assert_int_equal(same_views(c.s, x, tz_org_index_by_code(x, "D0")->id, p), 16);
		for (size_t i = 0; i < NNODES; i++)
			total += same_views(c.s, x, tz_org_index_at(x, i)->id, p);
		assert_true(total > 80);
		/* A node that is not in the tree has no projects. */
		assert_int_equal(same_views(c.s, x, 99999, p), 0);
	}
	/* The year's ledger only: nothing of 2024's. */
	assert_int_equal(same_views(c.s, x, tz_org_index_by_code(x, "R2")->id,
				    (struct tz_period){ 2024, 12 }), 2);
	tz_org_index_free(x);
	city_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period_changes_are_audited),
		cmocka_unit_test(test_saves_are_audited),
		cmocka_unit_test(test_views_of_codes),
		cmocka_unit_test(test_views_of_subtree),
		cmocka_unit_test(test_report_before_opening),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
