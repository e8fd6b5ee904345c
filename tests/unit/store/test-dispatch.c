/*
 * test-dispatch.c: the dispatch domain of the store (store.h "Dispatch"):
 * periods per node, all-or-nothing saves, lateness on the first save
 * only, corrections kept in the history, closed periods refusing
 * reporters, saved reports feeding bulletins as imports do, and the
 * on-time rate and lights against brute-force models on random data;
 * problems and procedures with their counts.
 */
#include "tz-test.h"

#include <time.h>

#include "base/buf.h"
#include "core/bulletin.h"
#include "core/deadline.h"
#include "core/org.h"
#include "store/store.h"

#define HOUR 3600
#define DAY 86400

/* ------------------------------------------------------------------ */
/* A small city                                                        */

/*
 * C 测试市 ─┬─ R0 甲区
 *           ├─ R1 乙县 (runs its own dispatch in some tests)
 *           ├─ R2 丙区 ── R3 丙区园区
 *           ├─ D0 市交通局, D1 市住建局 (departments)
 */
static const char *const node_codes[] = { "C", "R0", "R1", "R2", "R3", "D0", "D1" };
enum { N_C, N_R0, N_R1, N_R2, N_R3, N_D0, N_D1, N_NODES };
static int64_t node_id[N_NODES];

struct city {
	char *dir;
	char path[4096];
	struct tz_store *s;
	struct tz_org_index *x;
};

static void make_tree(struct city *c)
{
	static const struct tz_org_node nodes[] = {
		{ 0, "C", "测试市", "", TZ_ORG_CITY, "" },
		{ 0, "R0", "甲区", "C", TZ_ORG_DISTRICT, "" },
		{ 0, "R1", "乙县", "C", TZ_ORG_COUNTY, "" },
		{ 0, "R2", "丙区", "C", TZ_ORG_DISTRICT, "" },
		{ 0, "R3", "丙区园区", "R2", TZ_ORG_ZONE, "" },
		{ 0, "D0", "市交通局", "C", TZ_ORG_DEPARTMENT, "" },
		{ 0, "D1", "市住建局", "C", TZ_ORG_DEPARTMENT, "" },
	};
	struct tz_org_index *x = tz_org_index_new();

	for (size_t i = 0; i < N_NODES; i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], NULL), 0);
	assert_int_equal(tz_org_index_check(x, NULL), 0);
	assert_int_equal(tz_store_org_save(c->s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	c->x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(c->s, c->x, NULL), 0);
	for (int i = 0; i < N_NODES; i++)
		node_id[i] = tz_org_index_by_code(c->x, node_codes[i])->id;
}

static void city_open(struct city *c)
{
	c->dir = tz_test_tmpdir();
	snprintf(c->path, sizeof(c->path), "%s/d.db", c->dir);
	assert_int_equal(tz_store_open(&c->s, c->path, TZ_STORE_CREATE, NULL, NULL), 0);
	make_tree(c);
}

static void city_close(struct city *c)
{
	tz_org_index_free(c->x);
	tz_store_close(c->s);
	tz_test_rmtree(c->dir);
}

/* One ledger row: region and unit as node indexes (unit -1: none). */
static void ledger_row(struct tz_store *s, const char *code, int year, int region, int unit,
		       int64_t annual, struct tz_period start)
{
	struct tz_project p = { .code = code, .name = "测试项目", .category = "", .level = "",
				.nature = "", .owner = "", .leader = "张三", .unit = "",
				.years = "", .stage = "", .region = "某区" };

	p.region_id = node_id[region];
	p.unit_id = unit >= 0 ? node_id[unit] : 0;
	p.year = year;
	p.total = 1000000;
	p.has_plan = annual >= 0;
	p.annual = annual >= 0 ? annual : 0;
	p.planned_start = start;
	assert_int_equal(tz_project_validate(&p, NULL), 0);
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
}

static struct tz_progress report(const char *code, struct tz_period p, int64_t done,
				 enum tz_status st, const char *problem)
{
	struct tz_progress r = { code, p, done, st, "施工", problem };

	return r;
}

static int64_t version(struct tz_store *s)
{
	int64_t v = 0;

	assert_int_equal(tz_store_version(s, &v, NULL), 0);
	return v;
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */

static int count_dispatch(void *ctx, const struct tz_dispatch *d)
{
	(void)d;
	(*(int *)ctx)++;
	return 0;
}

static void test_periods(void **state)
{
	struct tz_period dec = { 2025, 12 }, nov = { 2025, 11 };
	struct city c;
	struct tz_dispatch d;
	struct tz_err err;
	int64_t v, t0 = 1767000000, late_dl;
	int n = 0;

	(void)state;
	city_open(&c);
	/* Nobody dispatched yet. */
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R0], dec, &d, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_period_current(c.s, 0, &d, NULL), TZ_ENOTFOUND);
	v = version(c.s);
	assert_int_equal(tz_store_period_open(c.s, 0, dec, 0, 7, t0, NULL), 0);
	assert_true(version(c.s) > v);
	/* The zone is governed by the city's dispatch, default deadline. */
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R3], dec, &d, NULL), 0);
	assert_int_equal(d.node_id, node_id[N_C]);
	assert_int_equal(d.deadline, tz_deadline_default(dec));
	assert_int_equal(d.state, TZ_DISPATCH_OPEN);
	assert_int_equal(d.opened_by, 7);
	assert_int_equal(d.opened_at, t0);
	tz_err_clear(&err);
	assert_int_equal(tz_store_period_open(c.s, 0, dec, 0, 7, t0, &err), TZ_EEXIST);
	assert_non_null(strstr(err.msg, "2025-12已开启"));
	/* Departments and unknown nodes do not dispatch. */
	assert_int_equal(tz_store_period_open(c.s, node_id[N_D0], dec, 0, 7, t0, NULL), TZ_EINVAL);
	assert_int_equal(tz_store_period_open(c.s, 9999, dec, 0, 7, t0, NULL), TZ_ENOTFOUND);
	/* A deadline before the month begins. */
	tz_err_clear(&err);
	assert_int_equal(tz_store_period_open(c.s, 0, nov, tz_period_begins(nov) - 1, 7, t0, &err),
			 TZ_EINVAL);
	assert_string_equal(err.field, "报送截止");
	/* A county runs its own dispatch of the same month, later. */
	late_dl = tz_deadline_default(dec) + 2 * DAY;
	assert_int_equal(tz_store_period_open(c.s, node_id[N_R1], dec, late_dl, 8, t0, NULL), 0);
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R1], dec, &d, NULL), 0);
	assert_int_equal(d.deadline, late_dl);
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R0], dec, &d, NULL), 0);
	assert_int_equal(d.node_id, node_id[N_C]);
	/* Close, close again, reopen keeping the deadline, move it. */
	assert_int_equal(tz_store_period_close(c.s, 0, dec, 9, t0 + DAY, NULL), 0);
	assert_int_equal(tz_store_period_governing(c.s, 0, dec, &d, NULL), 0);
	assert_int_equal(d.state, TZ_DISPATCH_CLOSED);
	assert_int_equal(d.closed_by, 9);
	assert_int_equal(d.closed_at, t0 + DAY);
	assert_int_equal(tz_store_period_close(c.s, 0, dec, 9, t0 + DAY, NULL), TZ_EINVAL);
	assert_int_equal(tz_store_period_close(c.s, 0, nov, 9, t0 + DAY, NULL), TZ_ENOTFOUND);
	/* The county's own dispatch is still open: its reporters' current
	 * period; the city's is not. */
	assert_int_equal(tz_store_period_current(c.s, node_id[N_R1], &d, NULL), 0);
	assert_int_equal(d.node_id, node_id[N_R1]);
	assert_int_equal(tz_store_period_current(c.s, node_id[N_R0], &d, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_period_open(c.s, 0, dec, 0, 7, t0 + 2 * DAY, NULL), 0);
	assert_int_equal(tz_store_period_governing(c.s, 0, dec, &d, NULL), 0);
	assert_int_equal(d.state, TZ_DISPATCH_OPEN);
	assert_int_equal(d.closed_at, 0);
	assert_int_equal(tz_store_period_deadline(c.s, 0, dec, late_dl + HOUR, 7, t0, NULL), 0);
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R2], dec, &d, NULL), 0);
	assert_int_equal(d.deadline, late_dl + HOUR);
	assert_int_equal(tz_store_period_deadline(c.s, 0, nov, late_dl, 7, t0, NULL), TZ_ENOTFOUND);
	/* The city's November: the current period stays December. */
	assert_int_equal(tz_store_period_open(c.s, 0, nov, 0, 7, t0, NULL), 0);
	assert_int_equal(tz_store_period_current(c.s, node_id[N_R0], &d, NULL), 0);
	assert_int_equal(d.period.month, 12);
	assert_int_equal(tz_store_period_each(c.s, 0, count_dispatch, &n, NULL), 0);
	assert_int_equal(n, 3);
	n = 0;
	assert_int_equal(tz_store_period_each(c.s, node_id[N_R1], count_dispatch, &n, NULL), 0);
	assert_int_equal(n, 1);
	/* Reopened and reclosed, everything persists. */
	tz_store_close(c.s);
	assert_int_equal(tz_store_open(&c.s, c.path, 0, NULL, NULL), 0);
	assert_int_equal(tz_store_period_governing(c.s, node_id[N_R2], dec, &d, NULL), 0);
	assert_int_equal(d.deadline, late_dl + HOUR);
	city_close(&c);
}

/* ------------------------------------------------------------------ */
/* Saves                                                               */

/* Three projects of 2025 in three regions. */
static void three_projects(struct city *c)
{
	struct tz_period none = { 0, 0 };

	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger_row(c->s, "A", 2025, N_R0, N_D0, 120000, none);
	ledger_row(c->s, "B", 2025, N_R1, -1, 60000, none);
	ledger_row(c->s, "C", 2025, N_R3, N_D1, -1, none);
	ledger_row(c->s, "OLD", 2024, N_R0, -1, 100, none);
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
}

struct view {
	int found;
	int reported;
	int64_t completed;
	int late, has_filing, saves, expected;
	int64_t first_at, last_at, first_by, last_by;
	char problem[64];
};

static int take_view(void *ctx, const struct tz_report_view *v)
{
	struct view *w = ctx;

	w->found++;
	w->reported = v->reported;
	w->completed = v->report.completed;
	w->late = v->late;
	w->has_filing = v->has_filing;
	w->saves = v->saves;
	w->expected = v->expected;
	w->first_at = v->first_at;
	w->last_at = v->last_at;
	w->first_by = v->first_by;
	w->last_by = v->last_by;
	snprintf(w->problem, sizeof(w->problem), "%s", v->reported ? v->report.problem : "");
	return 0;
}

static struct view view_of(struct tz_store *s, const char *code, struct tz_period p)
{
	struct view w;

	memset(&w, 0, sizeof(w));
	assert_int_equal(tz_store_report_one(s, code, p, take_view, &w, NULL), 0);
	assert_int_equal(w.found, 1);
	return w;
}

static void test_save_all_or_nothing(void **state)
{
	struct tz_period jun = { 2025, 6 };
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 11, 0, NULL };
	struct tz_progress r[3];
	struct city c;
	struct tz_err err;
	size_t failed = 99;
	int64_t v;

	(void)state;
	city_open(&c);
	three_projects(&c);
	assert_int_equal(tz_store_period_open(c.s, 0, jun, 0, 1, 1, NULL), 0);
	how.at = tz_deadline_default(jun) - DAY;
	r[0] = report("A", jun, 1000, TZ_STATUS_STARTED, "");
	r[1] = report("B", jun, 2000, TZ_STATUS_STARTED, "");
	/* An unknown project, third: nothing of the first two is written. */
	r[2] = report("NOPE", jun, 5, TZ_STATUS_STARTED, "");
	v = version(c.s);
	tz_err_clear(&err);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, &err), TZ_ENOTFOUND);
	assert_int_equal(failed, 2);
	assert_string_equal(err.field, "项目编号");
	assert_non_null(strstr(err.msg, "NOPE"));
	assert_int_equal(version(c.s), v);
	assert_false(view_of(c.s, "A", jun).reported);
	assert_false(view_of(c.s, "A", jun).has_filing);
	/* A bad value, second: its index and field. */
	r[2] = report("C", jun, 5, TZ_STATUS_STARTED, "");
	r[1].completed = -1;
	tz_err_clear(&err);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, &err), TZ_EINVAL);
	assert_int_equal(failed, 1);
	assert_string_equal(err.field, "本期完成投资(万元)");
	/* The same project twice. */
	r[1] = report("A", jun, 7, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, NULL), TZ_EEXIST);
	assert_int_equal(failed, 1);
	/* A project not in the ledger of the year. */
	r[1] = report("OLD", jun, 7, TZ_STATUS_STARTED, "");
	tz_err_clear(&err);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, &err), TZ_ENOTFOUND);
	assert_int_equal(failed, 1);
	assert_non_null(strstr(err.msg, "不在2025年度的项目台账中"));
	/* Another period than the save's. */
	r[1] = report("B", (struct tz_period){ 2025, 5 }, 7, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, NULL), TZ_EINVAL);
	assert_int_equal(failed, 1);
	assert_int_equal(version(c.s), v);
	assert_false(view_of(c.s, "A", jun).reported);
	/* All good: all written. */
	r[1] = report("B", jun, 2000, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 3, &failed, NULL, NULL), 0);
	assert_true(version(c.s) > v);
	assert_int_equal(view_of(c.s, "A", jun).completed, 1000);
	assert_int_equal(view_of(c.s, "C", jun).completed, 5);
	city_close(&c);
}

struct history {
	int n;
	struct tz_report_change c[8];
	char old_problem[8][64], new_problem[8][64];
};

static int take_change(void *ctx, const struct tz_report_change *ch)
{
	struct history *h = ctx;

	if (h->n < 8) {
		h->c[h->n] = *ch;
		snprintf(h->old_problem[h->n], 64, "%s", ch->old.problem);
		snprintf(h->new_problem[h->n], 64, "%s", ch->now.problem);
	}
	h->n++;
	return 0;
}

/* web.md: late when the first save comes after the deadline; later
 * corrections do not change that, and keep the earlier value. */
static void test_lateness_and_history(void **state)
{
	struct tz_period jun = { 2025, 6 };
	int64_t dl = tz_deadline_default(jun);
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 11, dl - HOUR, NULL };
	struct tz_report_save_stats st;
	struct tz_progress r[2];
	struct history h;
	struct view w;
	struct city c;

	(void)state;
	city_open(&c);
	three_projects(&c);
	assert_int_equal(tz_store_period_open(c.s, 0, jun, 0, 1, 1, NULL), 0);
	/* A on time, at 16:00 on the 5th. */
	r[0] = report("A", jun, 1000, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, &st, NULL), 0);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.late, 0);
	/* B a second after 17:00. */
	how.at = dl + 1;
	how.user_id = 12;
	r[0] = report("B", jun, 2000, TZ_STATUS_STARTED, "用地指标尚未落实");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, &st, NULL), 0);
	assert_int_equal(st.late, 1);
	/* Both corrected a week later; A stays on time, B late. */
	how.at = dl + 7 * DAY;
	how.user_id = 13;
	r[0] = report("A", jun, 1500, TZ_STATUS_STARTED, "资金到位不足");
	r[1] = report("B", jun, 2000, TZ_STATUS_STARTED, "用地指标尚未落实");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 2, NULL, &st, NULL), 0);
	assert_int_equal(st.changed, 1);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.late, 0);
	w = view_of(c.s, "A", jun);
	assert_true(w.reported && !w.late);
	assert_int_equal(w.completed, 1500);
	assert_string_equal(w.problem, "资金到位不足");
	assert_int_equal(w.first_at, dl - HOUR);
	assert_int_equal(w.first_by, 11);
	assert_int_equal(w.last_at, dl + 7 * DAY);
	assert_int_equal(w.last_by, 13);
	assert_int_equal(w.saves, 2);
	w = view_of(c.s, "B", jun);
	assert_true(w.late);
	assert_int_equal(w.saves, 2);
	/* A's history: created, then corrected, with the old value. */
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "A", jun, take_change, &h, NULL), 0);
	assert_int_equal(h.n, 2);
	assert_false(h.c[0].had_old);
	assert_int_equal(h.c[0].now.completed, 1000);
	assert_int_equal(h.c[0].user_id, 11);
	assert_int_equal(h.c[0].saver, TZ_SAVER_REPORTER);
	assert_true(h.c[1].had_old);
	assert_int_equal(h.c[1].old.completed, 1000);
	assert_string_equal(h.old_problem[1], "");
	assert_int_equal(h.c[1].now.completed, 1500);
	assert_string_equal(h.new_problem[1], "资金到位不足");
	assert_int_equal(h.c[1].at, dl + 7 * DAY);
	assert_int_equal(h.c[1].user_id, 13);
	/* B saved again unchanged: no history row for that. */
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "B", (struct tz_period){ 0, 0 }, take_change,
						 &h, NULL), 0);
	assert_int_equal(h.n, 1);
	assert_int_equal(tz_store_report_history(c.s, "NOPE", jun, take_change, &h, NULL),
			 TZ_ENOTFOUND);
	/* An extension of the deadline: B was saved before the new one. */
	assert_int_equal(tz_store_period_deadline(c.s, 0, jun, dl + DAY, 1, dl + 8 * DAY, NULL), 0);
	assert_false(view_of(c.s, "B", jun).late);
	city_close(&c);
}

/* After the coordinator closes the period, reporters can no longer change
 * it; corrections go through the coordinator and stay in the history. */
static void test_closed_period(void **state)
{
	struct tz_period jun = { 2025, 6 }, jul = { 2025, 7 };
	int64_t dl = tz_deadline_default(jun);
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 11, dl - DAY, NULL };
	struct tz_progress r[2];
	struct tz_err err;
	struct history h;
	size_t failed = 9;
	struct city c;

	(void)state;
	city_open(&c);
	three_projects(&c);
	/* Never opened: reporters wait. */
	r[0] = report("A", jun, 1000, TZ_STATUS_STARTED, "");
	tz_err_clear(&err);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, &failed, NULL, &err), TZ_EINVAL);
	assert_string_equal(err.field, "调度期");
	assert_non_null(strstr(err.msg, "尚未开启"));
	assert_int_equal(tz_store_period_open(c.s, 0, jun, 0, 1, 1, NULL), 0);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, NULL, NULL), 0);
	assert_int_equal(tz_store_period_close(c.s, 0, jun, 1, dl + DAY, NULL), 0);
	/* B, after closing: refused, and A's correction with it. */
	r[0] = report("A", jun, 1100, TZ_STATUS_STARTED, "");
	r[1] = report("B", jun, 2000, TZ_STATUS_STARTED, "");
	how.at = dl + 2 * DAY;
	tz_err_clear(&err);
	assert_int_equal(tz_store_report_save(c.s, &how, r, 2, &failed, NULL, &err), TZ_EINVAL);
	assert_int_equal(failed, 0);
	assert_non_null(strstr(err.msg, "已关闭"));
	assert_int_equal(view_of(c.s, "A", jun).completed, 1000);
	/* The county opens its own July; the city's is not open: 乙县's B may
	 * report July, 甲区's A may not. */
	assert_int_equal(tz_store_period_open(c.s, node_id[N_R1], jul, 0, 1, 1, NULL), 0);
	how.period = jul;
	r[0] = report("B", jul, 10, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, NULL, NULL), 0);
	r[0] = report("A", jul, 10, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, NULL, NULL), TZ_EINVAL);
	/* The coordinator corrects June. */
	how.period = jun;
	how.as = TZ_SAVER_COORDINATOR;
	how.user_id = 1;
	r[0] = report("A", jun, 1100, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, NULL, NULL), 0);
	assert_int_equal(view_of(c.s, "A", jun).completed, 1100);
	assert_false(view_of(c.s, "A", jun).late);
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "A", jun, take_change, &h, NULL), 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.c[1].saver, TZ_SAVER_COORDINATOR);
	assert_int_equal(h.c[1].old.completed, 1000);
	/* Only reporters and coordinators save. */
	how.as = TZ_SAVER_IMPORT;
	assert_int_equal(tz_store_report_save(c.s, &how, r, 1, NULL, NULL, NULL), TZ_EINTERNAL);
	city_close(&c);
}

/*
 * A report imported into a dispatched period arrives like a saved one:
 * stamped with the import's time, as an import, and a correction by
 * import is kept in the history with the old value.
 */
static void test_import_into_dispatched_period(void **state)
{
	struct tz_period jun = { 2025, 6 }, may = { 2025, 5 };
	struct tz_cst_time far = { 2099, 1, 1, 0, 0, 0 };
	struct tz_report_save how = { jun, TZ_SAVER_REPORTER, 11, 0, NULL };
	struct tz_progress r;
	struct history h;
	struct tz_import_stats st;
	struct view w;
	struct city c;
	int64_t before, after, v;

	(void)state;
	city_open(&c);
	three_projects(&c);
	assert_int_equal(tz_store_period_open(c.s, 0, jun, tz_cst_to_utc(&far), 1, 1, NULL), 0);
	r = report("A", jun, 1000, TZ_STATUS_STARTED, "");
	how.at = 1000;
	assert_int_equal(tz_store_report_save(c.s, &how, &r, 1, NULL, NULL, NULL), 0);
	before = (int64_t)time(NULL);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	r = report("A", jun, 1200, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	r = report("B", jun, 50, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	/* May was never dispatched: nothing recorded. */
	r = report("C", may, 50, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	after = (int64_t)time(NULL);
	/* A keeps its first arrival, by the form; B arrived by the import. */
	w = view_of(c.s, "A", jun);
	assert_int_equal(w.first_at, 1000);
	assert_int_equal(w.saves, 2);
	assert_true(w.last_at >= before && w.last_at <= after);
	assert_int_equal(w.last_by, 0);
	w = view_of(c.s, "B", jun);
	assert_true(w.has_filing);
	assert_true(w.first_at >= before && w.first_at <= after);
	assert_false(w.late);
	assert_false(view_of(c.s, "C", may).has_filing);
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "A", jun, take_change, &h, NULL), 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.c[1].saver, TZ_SAVER_IMPORT);
	assert_int_equal(h.c[1].old.completed, 1000);
	assert_int_equal(h.c[1].now.completed, 1200);
	/* B's report sent again as it is: unchanged, not written, no change
	 * in the history, but it arrived again (and caches learn of it). */
	v = version(c.s);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	r = report("B", jun, 50, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	assert_int_equal(tz_store_import_commit(c.s, &st, NULL), 0);
	assert_int_equal(st.added + st.replaced, 0);
	assert_int_equal(st.unchanged, 1);
	assert_int_equal(view_of(c.s, "B", jun).saves, 2);
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "B", jun, take_change, &h, NULL), 0);
	assert_int_equal(h.n, 1);
	assert_true(version(c.s) > v);
	/* An aborted import leaves no trace. */
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	r = report("C", jun, 50, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	tz_store_import_abort(c.s);
	assert_false(view_of(c.s, "C", jun).has_filing);
	memset(&h, 0, sizeof(h));
	assert_int_equal(tz_store_report_history(c.s, "C", jun, take_change, &h, NULL), 0);
	assert_int_equal(h.n, 0);
	city_close(&c);
}

/*
 * A status reported two years before P and never since still counts: a
 * project started in 2023 and silent through 2024 is expected in 2025
 * even though it is planned to start later, and its start light is green.
 */
static void test_status_from_years_before(void **state)
{
	struct tz_period mar = { 2025, 3 }, start = { 2025, 9 };
	struct tz_progress r = report("S", (struct tz_period){ 2023, 6 }, 10, TZ_STATUS_STARTED, "");
	struct tz_tally *t;
	struct tz_ontime *o;
	struct city c;

	(void)state;
	city_open(&c);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	ledger_row(c.s, "S", 2023, N_R0, -1, 100, start);
	ledger_row(c.s, "S", 2025, N_R0, -1, 100, start);
	ledger_row(c.s, "Q", 2025, N_R0, -1, 100, start);
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
	assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
	o = tz_ontime_new(c.x, 0, mar);
	assert_int_equal(tz_store_ontime(c.s, o, NULL), 0);
	tz_ontime_finish(o);
	/* S expected (started), Q not (planned for September). */
	assert_int_equal(tz_ontime_node_of(o, node_id[N_C])->expected, 1);
	assert_int_equal(tz_ontime_missing_count(o), 1);
	assert_string_equal(tz_ontime_missing_at(o, 0)->code, "S");
	assert_true(view_of(c.s, "S", mar).expected);
	assert_false(view_of(c.s, "Q", mar).expected);
	tz_ontime_free(o);
	t = tz_tally_new(c.x, 0, TZ_LIGHT_COUNT);
	assert_int_equal(tz_store_lights(c.s, mar, t, NULL, NULL, NULL), 0);
	/* S: plan of 100, nothing done by March (25 behind): yellow; Q: not
	 * yet due to start, but on plan the same way: yellow too. */
	assert_int_equal(tz_tally_counters_of(t, node_id[N_C])[TZ_LIGHT_YELLOW], 2);
	tz_tally_free(t);
	t = tz_tally_new(c.x, 0, TZ_LIGHT_COUNT);
	/* In October Q is a month past its planned start and not started. */
	assert_int_equal(tz_store_lights(c.s, (struct tz_period){ 2025, 10 }, t, NULL, NULL, NULL), 0);
	assert_int_equal(tz_tally_counters_of(t, node_id[N_C])[TZ_LIGHT_RED], 2);
	tz_tally_free(t);
	city_close(&c);
}

/* ------------------------------------------------------------------ */
/* Random cities against models                                        */

#define NPROJ 240
#define P_YEAR 2025

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

struct model {
	int region[NPROJ], unit[NPROJ];   /* node indexes; unit -1: none */
	int in2024[NPROJ];
	int64_t annual[NPROJ];             /* 2025's plan; -1: none */
	struct tz_period start[NPROJ];
	int64_t done[NPROJ][24];           /* 2024-01 .. 2025-12 */
	int status[NPROJ][24];             /* 0: no report */
	int64_t first_at[NPROJ];           /* first save for P; 0: none */
};

static void code_of(int i, char *buf)
{
	snprintf(buf, 16, "P%03d", i);
}

/* Ledgers of 2024 and 2025, reports up to (not including) month `upto`
 * of 2025 imported. */
static void random_city(struct city *c, struct model *m, int upto)
{
	static const int regions[] = { N_R0, N_R1, N_R2, N_R3 };

	memset(m, 0, sizeof(*m));
	for (int i = 0; i < NPROJ; i++) {
		m->region[i] = regions[next() % 4];
		m->unit[i] = next() % 3 == 0 ? -1 : next() % 2 ? N_D0 : N_D1;
		m->in2024[i] = next() % 2;
		m->annual[i] = i % 11 == 0 ? -1 : (int64_t)(next() % 100000);
		if (i % 7) {
			int k = (int)(next() % 30);

			m->start[i] = (struct tz_period){ 2024 + k / 12, k % 12 + 1 };
		}
	}
	for (int y = 2024; y <= 2025; y++) {
		assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
		for (int i = 0; i < NPROJ; i++) {
			char code[16];

			if (y == 2024 && !m->in2024[i])
				continue;
			code_of(i, code);
			ledger_row(c->s, code, y, m->region[i], m->unit[i],
				   y == 2025 ? m->annual[i] : 5000, m->start[i]);
		}
		assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
	}
	assert_int_equal(tz_store_import_begin(c->s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	for (int i = 0; i < NPROJ; i++) {
		char code[16];

		code_of(i, code);
		for (int k = 0; k < 12 + upto - 1; k++) {
			struct tz_period p = { 2024 + k / 12, k % 12 + 1 };
			struct tz_progress r;

			if ((k < 12 && !m->in2024[i]) || next() % 4 == 0)
				continue;
			m->done[i][k] = (int64_t)(next() % 9000);
			m->status[i][k] = 1 + (int)(next() % 5);
			r = report(code, p, m->done[i][k], m->status[i][k], next() % 5 ? "" : "资金未到位");
			assert_int_equal(tz_store_import_progress(c->s, &r, NULL), 0);
		}
	}
	assert_int_equal(tz_store_import_commit(c->s, NULL, NULL), 0);
}

/* Status in force before month index k (2024-01 = 0). */
static int status_before(const struct model *m, int i, int k)
{
	while (--k >= 0)
		if (m->status[i][k])
			return m->status[i][k];
	return 0;
}

/* Node `n` holds a project of region r and unit u. */
static int holds(struct tz_org_index *x, int n, int r, int u)
{
	return tz_org_index_within(x, node_id[r], node_id[n]) ||
	       (u >= 0 && tz_org_index_within(x, node_id[u], node_id[n]));
}

/*
 * The on-time rate of a random month: the city dispatches with one
 * deadline, 乙县 with its own; reporters save in random batches at random
 * times around the deadlines, some twice; a few reports of the month were
 * imported before anyone dispatched it (no arrival recorded: on time).
 */
static void test_ontime_against_model(void **state)
{
	(void)state;
	for (int round = 0; round < 3; round++) {
		int month = 2 + (int)(next() % 11), k = 12 + month - 1;
		struct tz_period p = { P_YEAR, month };
		int64_t dl_city = tz_deadline_default(p), dl_county = dl_city + DAY;
		struct model *m = calloc(1, sizeof(*m));
		struct tz_bulletin *b;
		struct tz_ontime *o;
		int64_t missing_total = 0;
		struct city c;

		city_open(&c);
		random_city(&c, m, month);
		/* Imported before dispatch. */
		assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
		for (int i = 0; i < NPROJ; i += 9) {
			char code[16];
			struct tz_progress r;

			code_of(i, code);
			m->done[i][k] = 77;
			m->status[i][k] = TZ_STATUS_STARTED;
			r = report(code, p, 77, TZ_STATUS_STARTED, "");
			assert_int_equal(tz_store_import_progress(c.s, &r, NULL), 0);
		}
		assert_int_equal(tz_store_import_commit(c.s, NULL, NULL), 0);
		assert_int_equal(tz_store_period_open(c.s, 0, p, 0, 1, 1, NULL), 0);
		assert_int_equal(tz_store_period_open(c.s, node_id[N_R1], p, dl_county, 1, 1, NULL), 0);
		for (int i = 1; i < NPROJ;) {
			struct tz_report_save how = { p, TZ_SAVER_REPORTER, 5, 0, NULL };
			struct tz_progress r[5];
			char codes[5][16];
			int n = 1 + (int)(next() % 5), got = 0;

			how.at = dl_city - 3 * DAY + (int64_t)(next() % (6 * DAY));
			for (int j = 0; j < n && i < NPROJ; j++, i++) {
				if (next() % 4 == 0 || i % 9 == 0)
					continue; /* not reported (or imported) */
				code_of(i, codes[got]);
				r[got] = report(codes[got], p, (int64_t)(next() % 100),
						1 + (int)(next() % 5), "");
				m->done[i][k] = r[got].completed;
				m->status[i][k] = r[got].status;
				m->first_at[i] = how.at;
				got++;
			}
			if (got)
				assert_int_equal(tz_store_report_save(c.s, &how, r, (size_t)got, NULL,
								      NULL, NULL), 0);
		}
		/* Corrections, days later: lateness stays the first save's. */
		for (int i = 1; i < NPROJ; i++) {
			struct tz_report_save how = { p, TZ_SAVER_REPORTER, 6, dl_county + 5 * DAY, NULL };
			struct tz_progress r;
			char code[16];

			if (!m->first_at[i] || next() % 4)
				continue;
			code_of(i, code);
			r = report(code, p, 1 + m->done[i][k], m->status[i][k], "");
			m->done[i][k]++;
			assert_int_equal(tz_store_report_save(c.s, &how, &r, 1, NULL, NULL, NULL), 0);
		}
		o = tz_ontime_new(c.x, 0, p);
		assert_int_equal(tz_store_ontime(c.s, o, NULL), 0);
		tz_ontime_finish(o);
		for (int n = 0; n < N_NODES; n++) {
			int64_t exp = 0, on = 0, late = 0, miss = 0;
			const struct tz_ontime_node *got = tz_ontime_node_of(o, node_id[n]);

			for (int i = 0; i < NPROJ; i++) {
				int64_t dl = m->region[i] == N_R1 ? dl_county : dl_city;

				if (!holds(c.x, n, m->region[i], m->unit[i]) ||
				    !tz_report_due(p, m->start[i], status_before(m, i, k),
						   m->status[i][k] != 0))
					continue;
				exp++;
				if (!m->status[i][k])
					miss++;
				else if (m->first_at[i] && m->first_at[i] > dl)
					late++;
				else
					on++;
			}
			assert_non_null(got);
			if (got->expected != exp || got->on_time != on || got->late != late ||
			    got->missing != miss)
				fail_msg("round %d node %s: %lld/%lld/%lld/%lld, want %lld/%lld/%lld/%lld",
					 round, node_codes[n], (long long)got->expected,
					 (long long)got->on_time, (long long)got->late,
					 (long long)got->missing, (long long)exp, (long long)on,
					 (long long)late, (long long)miss);
			if (n == N_C)
				missing_total = miss;
		}
		assert_int_equal((int64_t)tz_ontime_missing_count(o), missing_total);
		/* Ranked regions: rates never increase down the list. */
		for (size_t i = 1; i < tz_ontime_region_count(o); i++)
			assert_false(tz_ontime_better(tz_ontime_region_at(o, i),
						      tz_ontime_region_at(o, i - 1)));
		/* The same 未报送 as the bulletin's. */
		b = tz_bulletin_new(p, TZ_BY_REGION);
		assert_int_equal(tz_store_bulletin(c.s, b, NULL), 0);
		assert_int_equal(tz_bulletin_finish(b, NULL), 0);
		assert_int_equal((int64_t)tz_bulletin_missing_count(b), missing_total);
		tz_bulletin_free(b);
		tz_ontime_free(o);
		city_close(&c);
		free(m);
	}
}

struct light_check {
	const struct model *m;
	struct tz_period p;
	int seen;
};

static int check_light(void *ctx, const struct tz_light_row *r)
{
	struct light_check *lc = ctx;
	const struct model *m = lc->m;
	int i = (int)strtol(r->code + 1, NULL, 10), k0 = 12, mk = k0 + lc->p.month - 1;
	int64_t ytd[12] = { 0 }, cum = 0;
	int status = 0;
	struct tz_light_result want;

	for (int k = k0; k <= k0 + 11; k++) {
		cum += m->done[i][k];
		ytd[k - k0] = cum;
	}
	for (int k = mk; k >= 0 && !status; k--)
		status = m->status[i][k];
	tz_light_compute(lc->p, m->annual[i] >= 0, m->annual[i] >= 0 ? m->annual[i] : 0, ytd,
			 m->start[i], status, &want);
	if (want.light != r->light.light || want.progress != r->light.progress ||
	    want.start != r->light.start)
		fail_msg("%s at %d-%02d: %s, want %s", r->code, lc->p.year, lc->p.month,
			 tz_light_name(r->light.light), tz_light_name(want.light));
	assert_int_equal(r->ytd, ytd[lc->p.month - 1]);
	lc->seen++;
	return 0;
}

/* Lights of every month of a random year: from the running totals the
 * store keeps, as from the reports themselves. */
static void test_lights_against_model(void **state)
{
	struct model *m = calloc(1, sizeof(*m));
	struct city c;

	(void)state;
	city_open(&c);
	random_city(&c, m, 13);
	for (int month = 1; month <= 12; month++) {
		struct tz_period p = { P_YEAR, month };
		struct tz_tally *t = tz_tally_new(c.x, 0, TZ_LIGHT_COUNT);
		struct tz_tally *sub = tz_tally_new(c.x, node_id[N_R2], TZ_LIGHT_COUNT);
		struct light_check lc = { m, p, 0 };
		int64_t want[N_NODES][TZ_LIGHT_COUNT];

		memset(want, 0, sizeof(want));
		assert_int_equal(tz_store_lights(c.s, p, t, check_light, &lc, NULL), 0);
		assert_int_equal(lc.seen, NPROJ);
		assert_int_equal(tz_store_lights(c.s, p, sub, NULL, NULL, NULL), 0);
		for (int i = 0; i < NPROJ; i++) {
			struct tz_light_result r;
			int64_t ytd[12] = { 0 }, cum = 0;
			int status = 0;

			for (int k = 12; k < 24; k++) {
				cum += m->done[i][k];
				ytd[k - 12] = cum;
			}
			for (int k = 12 + month - 1; k >= 0 && !status; k--)
				status = m->status[i][k];
			tz_light_compute(p, m->annual[i] >= 0, m->annual[i] >= 0 ? m->annual[i] : 0,
					 ytd, m->start[i], status, &r);
			for (int n = 0; n < N_NODES; n++)
				if (holds(c.x, n, m->region[i], m->unit[i]))
					want[n][r.light]++;
		}
		for (int n = 0; n < N_NODES; n++) {
			const int64_t *got = tz_tally_counters_of(t, node_id[n]);

			for (int l = 0; l < TZ_LIGHT_COUNT; l++)
				assert_int_equal(got[l], want[n][l]);
		}
		for (int l = 0; l < TZ_LIGHT_COUNT; l++) {
			assert_int_equal(tz_tally_counters_of(sub, node_id[N_R2])[l], want[N_R2][l]);
			assert_int_equal(tz_tally_counters_of(sub, node_id[N_R3])[l], want[N_R3][l]);
		}
		tz_tally_free(t);
		tz_tally_free(sub);
	}
	city_close(&c);
	free(m);
}

/*
 * A saved report feeds the running totals exactly as an imported one: a
 * city whose last month was imported and one where it was saved through
 * the form give the same bulletin and the same lights.
 */
static void test_saves_feed_the_bulletin(void **state)
{
	struct tz_period p = { P_YEAR, 9 };
	struct city a, b;
	struct model *m = calloc(1, sizeof(*m)), *m2 = calloc(1, sizeof(*m2));
	struct tz_bulletin *ba, *bb;
	struct tz_tally *ta, *tb;
	uint64_t seed = rng;

	(void)state;
	city_open(&a);
	random_city(&a, m, 9);
	city_open(&b);
	rng = seed;
	random_city(&b, m2, 9);
	assert_int_equal(tz_store_period_open(b.s, 0, p, 0, 1, 1, NULL), 0);
	assert_int_equal(tz_store_import_begin(a.s, TZ_IMPORT_PROGRESS, "t", NULL), 0);
	for (int i = 0; i < NPROJ; i++) {
		struct tz_report_save how = { p, TZ_SAVER_REPORTER, 3, 1000, NULL };
		char code[16];
		struct tz_progress r;

		if (i % 6 == 0)
			continue;
		code_of(i, code);
		r = report(code, p, 100 + i, i % 4 ? TZ_STATUS_STARTED : TZ_STATUS_COMPLETED,
			   i % 3 ? "" : "征地拆迁进展缓慢");
		assert_int_equal(tz_store_import_progress(a.s, &r, NULL), 0);
		/* Saved twice: a correction must leave the same totals. */
		r.completed += 5;
		assert_int_equal(tz_store_report_save(b.s, &how, &r, 1, NULL, NULL, NULL), 0);
		r.completed -= 5;
		assert_int_equal(tz_store_report_save(b.s, &how, &r, 1, NULL, NULL, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(a.s, NULL, NULL), 0);
	for (int by = 0; by < 2; by++) {
		ba = tz_bulletin_new(p, by ? TZ_BY_LEADER : TZ_BY_REGION);
		bb = tz_bulletin_new(p, by ? TZ_BY_LEADER : TZ_BY_REGION);
		assert_int_equal(tz_store_bulletin(a.s, ba, NULL), 0);
		assert_int_equal(tz_store_bulletin(b.s, bb, NULL), 0);
		assert_int_equal(tz_bulletin_finish(ba, NULL), 0);
		assert_int_equal(tz_bulletin_finish(bb, NULL), 0);
		assert_int_equal(tz_bulletin_group_count(ba), tz_bulletin_group_count(bb));
		for (size_t g = 0; g < tz_bulletin_group_count(ba); g++) {
			const struct tz_bulletin_group *x = tz_bulletin_group_at(ba, g);
			const struct tz_bulletin_group *y = tz_bulletin_group_at(bb, g);

			assert_string_equal(x->key, y->key);
			assert_int_equal(x->ytd, y->ytd);
			assert_int_equal(x->started, y->started);
			assert_int_equal(x->reported, y->reported);
			assert_int_equal(x->not_reported, y->not_reported);
		}
		assert_int_equal(tz_bulletin_lag_count(ba), tz_bulletin_lag_count(bb));
		for (size_t l = 0; l < tz_bulletin_lag_count(ba); l++)
			assert_string_equal(tz_bulletin_lag_at(ba, l)->problem,
					    tz_bulletin_lag_at(bb, l)->problem);
		tz_bulletin_free(ba);
		tz_bulletin_free(bb);
	}
	/* And next month's bulletin sees September as the status before. */
	ta = tz_tally_new(a.x, 0, TZ_LIGHT_COUNT);
	tb = tz_tally_new(b.x, 0, TZ_LIGHT_COUNT);
	assert_int_equal(tz_store_lights(a.s, (struct tz_period){ P_YEAR, 10 }, ta, NULL, NULL, NULL), 0);
	assert_int_equal(tz_store_lights(b.s, (struct tz_period){ P_YEAR, 10 }, tb, NULL, NULL, NULL), 0);
	for (int l = 0; l < TZ_LIGHT_COUNT; l++)
		assert_int_equal(tz_tally_counters_of(ta, node_id[N_C])[l],
				 tz_tally_counters_of(tb, node_id[N_C])[l]);
	tz_tally_free(ta);
	tz_tally_free(tb);
	city_close(&a);
	city_close(&b);
	free(m);
	free(m2);
}

/* ------------------------------------------------------------------ */
/* Problems                                                            */

struct plist {
	int n;
	int64_t ids[64];
	char desc[64][64];
	int status[64];
	int kind[64];
	char reason[64][64];
};

static int take_problem(void *ctx, const struct tz_problem_row *r)
{
	struct plist *l = ctx;

	if (l->n < 64) {
		l->ids[l->n] = r->problem.id;
		snprintf(l->desc[l->n], 64, "%s", r->problem.description);
		snprintf(l->reason[l->n], 64, "%s", r->problem.reason);
		l->status[l->n] = r->problem.status;
		l->kind[l->n] = r->problem.kind;
	}
	l->n++;
	return 0;
}

struct elist {
	int n;
	int action[16], from[16], to[16];
	int64_t user[16];
	char note[16][200];
};

static int take_event(void *ctx, const struct tz_problem_event *e)
{
	struct elist *l = ctx;

	if (l->n < 16) {
		l->action[l->n] = e->action;
		l->from[l->n] = e->from_status;
		l->to[l->n] = e->to_status;
		l->user[l->n] = e->user_id;
		snprintf(l->note[l->n], 200, "%s", e->note);
	}
	l->n++;
	return 0;
}

static void test_problems(void **state)
{
	struct tz_period jun = { 2025, 6 };
	struct tz_report_save how = { jun, TZ_SAVER_COORDINATOR, 1, 1000, NULL };
	struct tz_problem f = { .kind = 0, .level = TZ_LEVEL_PROVINCE, .unit_text = "",
				.status = TZ_PROBLEM_NEW, .description = "" };
	struct tz_progress r[2];
	struct tz_err err;
	struct plist pl;
	struct elist el;
	struct city c;
	int64_t id, id2, id3, v;

	(void)state;
	city_open(&c);
	three_projects(&c);
	r[0] = report("A", jun, 10, TZ_STATUS_STARTED, "用地指标尚未落实");
	r[1] = report("B", jun, 10, TZ_STATUS_STARTED, "");
	assert_int_equal(tz_store_report_save(c.s, &how, r, 2, NULL, NULL, NULL), 0);
	/* From A's report: kind guessed, text taken, linked. */
	assert_int_equal(tz_store_problem_from_report(c.s, "A", jun, &f, &id, 5, 2000, NULL), 0);
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(tz_store_problem_get(c.s, id, take_problem, &pl, NULL), 0);
	assert_int_equal(pl.n, 1);
	assert_string_equal(pl.desc[0], "用地指标尚未落实");
	assert_int_equal(pl.kind[0], TZ_PROBLEM_LAND);
	/* Not twice of the same kind from the same report. */
	tz_err_clear(&err);
	assert_int_equal(tz_store_problem_from_report(c.s, "A", jun, &f, &id2, 5, 2000, &err),
			 TZ_EEXIST);
	/* B's report names no problem; C has no report. */
	assert_int_equal(tz_store_problem_from_report(c.s, "B", jun, &f, &id2, 5, 2000, NULL),
			 TZ_ENOTFOUND);
	assert_int_equal(tz_store_problem_from_report(c.s, "C", jun, &f, &id2, 5, 2000, NULL),
			 TZ_ENOTFOUND);
	/* By hand, for C, at county level. */
	f.project_code = "C";
	f.kind = TZ_PROBLEM_FUNDS;
	f.level = TZ_LEVEL_COUNTY;
	f.description = "配套资金缺口";
	assert_int_equal(tz_store_problem_add(c.s, &f, &id2, 6, 3000, NULL), 0);
	f.project_code = "NOPE";
	assert_int_equal(tz_store_problem_add(c.s, &f, &id3, 6, 3000, NULL), TZ_ENOTFOUND);
	f.project_code = "B";
	f.level = TZ_LEVEL_NATION;
	f.description = "需国家层面协调航道";
	assert_int_equal(tz_store_problem_add(c.s, &f, &id3, 6, 3000, NULL), 0);

	/* A through its statuses; skipping refused without a trace. */
	v = version(c.s);
	tz_err_clear(&err);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_ASSIGNED, "", 7, 4000, &err),
			 TZ_EINVAL);
	assert_string_equal(err.field, "责任单位");
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SOLVED, "好了", 7, 4000, NULL),
			 TZ_EINVAL);
	assert_int_equal(version(c.s), v);
	{
		struct tz_problem e = { .id = id, .project_code = "A", .kind = TZ_PROBLEM_LAND,
					.level = TZ_LEVEL_CITY, .unit_id = node_id[N_D0],
					.unit_text = "", .deadline = 20250930, .description = "" };

		assert_int_equal(tz_store_problem_update(c.s, &e, 7, 3500, NULL), 0);
		/* The same again: nothing recorded. */
		assert_int_equal(tz_store_problem_update(c.s, &e, 7, 3600, NULL), 0);
		e.unit_id = 999;
		assert_int_equal(tz_store_problem_update(c.s, &e, 7, 3600, NULL), TZ_ENOTFOUND);
		e.id = 999;
		assert_int_equal(tz_store_problem_update(c.s, &e, 7, 3600, NULL), TZ_ENOTFOUND);
	}
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_ASSIGNED, "", 7, 4000, NULL), 0);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SUSPENDED, "", 7, 4100, NULL),
			 TZ_EINVAL);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SUSPENDED, "等待省厅批复", 7,
					       4100, NULL), 0);
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(tz_store_problem_get(c.s, id, take_problem, &pl, NULL), 0);
	assert_string_equal(pl.reason[0], "等待省厅批复");
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_WORKING, "恢复办理", 8, 4200,
					       NULL), 0);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_SOLVED, "已取得用地批复", 8,
					       4300, NULL), 0);
	assert_int_equal(tz_store_problem_move(c.s, id, TZ_PROBLEM_WORKING, "x", 8, 4400, NULL),
			 TZ_EINVAL);
	memset(&el, 0, sizeof(el));
	assert_int_equal(tz_store_problem_events(c.s, id, take_event, &el, NULL), 0);
	assert_int_equal(el.n, 6);
	assert_int_equal(el.action[0], 1);
	assert_int_equal(el.to[0], TZ_PROBLEM_NEW);
	assert_string_equal(el.note[0], "由2025-06调度数据提出");
	assert_int_equal(el.action[1], 3);
	assert_non_null(strstr(el.note[1], "解决层级：省→市"));
	assert_non_null(strstr(el.note[1], "责任单位：（无）→市交通局"));
	assert_non_null(strstr(el.note[1], "办结时限：（无）→2025-09-30"));
	assert_int_equal(el.from[2], TZ_PROBLEM_NEW);
	assert_int_equal(el.to[2], TZ_PROBLEM_ASSIGNED);
	assert_int_equal(el.to[3], TZ_PROBLEM_SUSPENDED);
	assert_string_equal(el.note[3], "等待省厅批复");
	assert_int_equal(el.to[5], TZ_PROBLEM_SOLVED);
	assert_int_equal(el.user[5], 8);
	assert_int_equal(tz_store_problem_events(c.s, 999, take_event, &el, NULL), TZ_ENOTFOUND);

	/* Lists: newest first, by status, within a subtree. */
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(tz_store_problem_each(c.s, NULL, 0, take_problem, &pl, NULL), 0);
	assert_int_equal(pl.n, 3);
	assert_int_equal(pl.ids[0], id3);
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(tz_store_problem_each(c.s, NULL, 1u << TZ_PROBLEM_SOLVED, take_problem, &pl,
					       NULL), 0);
	assert_int_equal(pl.n, 1);
	{
		struct tz_tally *t = tz_tally_new(c.x, node_id[N_R2], 1);

		memset(&pl, 0, sizeof(pl));
		assert_int_equal(tz_store_problem_each(c.s, t, 0, take_problem, &pl, NULL), 0);
		assert_int_equal(pl.n, 1);
		assert_string_equal(pl.desc[0], "配套资金缺口");
		tz_tally_free(t);
	}
	/* Counts: 国家 (B) and 市 (A, solved) make the seeds' figure; the
	 * county-level one does not. */
	{
		struct tz_tally *t = tz_tally_new(c.x, 0, TZ_PC_COUNT);
		struct tz_problem_counts pc;
		struct tz_buf b = TZ_BUF_INIT;
		const int64_t *city;

		assert_int_equal(tz_store_problem_counts(c.s, t, 20251001, NULL), 0);
		city = tz_tally_counters_of(t, node_id[N_C]);
		pc = tz_problem_counts_at(city, TZ_PC_UPPER);
		assert_int_equal(tz_problem_sentence(&pc, &b), 0);
		assert_string_equal(b.buf, "2个项目需国家、省市解决问题2个，已解决1个");
		pc = tz_problem_counts_at(city, TZ_PC_ALL);
		assert_true(pc.projects == 3 && pc.problems == 3 && pc.solved == 1);
		assert_int_equal(city[TZ_PC_STATUS(TZ_PROBLEM_NEW)], 2);
		pc = tz_problem_counts_at(tz_tally_counters_of(t, node_id[N_R3]), TZ_PC_LEVEL(TZ_LEVEL_COUNTY));
		assert_true(pc.projects == 1 && pc.problems == 1 && pc.solved == 0);
		pc = tz_problem_counts_at(tz_tally_counters_of(t, node_id[N_D0]), TZ_PC_UPPER);
		assert_true(pc.projects == 1 && pc.solved == 1);
		tz_buf_release(&b);
		tz_tally_free(t);
	}
	city_close(&c);
}

/* Problem counts on random problems against counting them one by one. */
static void test_problem_counts_against_model(void **state)
{
	struct model *m = calloc(1, sizeof(*m));
	static int level[400], status[400], project[400];
	struct tz_tally *t;
	struct city c;
	int np = 0;

	(void)state;
	city_open(&c);
	random_city(&c, m, 2);
	for (int k = 0; k < 400; k++) {
		struct tz_problem f = { .level = 0, .unit_text = "", .status = TZ_PROBLEM_NEW,
					.description = "问题" };
		char code[16];
		int64_t id;
		int target;

		project[np] = (int)(next() % 60);
		level[np] = 1 + (int)(next() % 4);
		code_of(project[np], code);
		f.project_code = code;
		f.kind = 1 + (int)(next() % 8);
		f.level = level[np];
		f.unit_text = "某单位";
		assert_int_equal(tz_store_problem_add(c.s, &f, &id, 1, 1, NULL), 0);
		/* Walk it some way along. */
		target = (int)(next() % 4);
		status[np] = TZ_PROBLEM_NEW;
		for (int s = 0; s < target; s++) {
			static const int path[] = { TZ_PROBLEM_ASSIGNED, TZ_PROBLEM_WORKING,
						    TZ_PROBLEM_SOLVED };

			assert_int_equal(tz_store_problem_move(c.s, id, path[s], "已办理", 1, 2, NULL), 0);
			status[np] = path[s];
		}
		np++;
	}
	t = tz_tally_new(c.x, 0, TZ_PC_COUNT);
	assert_int_equal(tz_store_problem_counts(c.s, t, 20250101, NULL), 0);
	for (int n = 0; n < N_NODES; n++) {
		const int64_t *got = tz_tally_counters_of(t, node_id[n]);

		for (int lv = 0; lv <= TZ_PROBLEM_LEVEL_MAX + 1; lv++) {
			/* lv 1..4 a level; 5: 国家/省/市; 0: all */
			int64_t projects = 0, problems = 0, solved = 0;
			int at = lv == 0 ? TZ_PC_ALL : lv == 5 ? TZ_PC_UPPER : TZ_PC_LEVEL(lv);
			struct tz_problem_counts pc = tz_problem_counts_at(got, at);

			for (int i = 0; i < 60; i++) {
				int any = 0;

				if (!holds(c.x, n, m->region[i], m->unit[i]))
					continue;
				for (int k = 0; k < np; k++) {
					if (project[k] != i ||
					    !(lv == 0 || (lv == 5 && level[k] < 4) || level[k] == lv))
						continue;
					any = 1;
					problems++;
					solved += status[k] == TZ_PROBLEM_SOLVED;
				}
				projects += any;
			}
			assert_int_equal(pc.projects, projects);
			assert_int_equal(pc.problems, problems);
			assert_int_equal(pc.solved, solved);
		}
	}
	tz_tally_free(t);
	city_close(&c);
	free(m);
}

/* ------------------------------------------------------------------ */
/* Procedures                                                          */

struct klist {
	int n;
	int64_t ids[16];
	char names[16][64];
};

static int take_kind(void *ctx, const struct tz_procedure_kind *k)
{
	struct klist *l = ctx;

	if (k->active && l->n < 16) {
		l->ids[l->n] = k->id;
		snprintf(l->names[l->n], 64, "%s", k->name);
		l->n++;
	}
	return 0;
}

struct prlist {
	int n;
	int status[16];
	int32_t date[16];
	char doc[16][64];
};

static int take_proc(void *ctx, const struct tz_procedure *p)
{
	struct prlist *l = ctx;

	if (l->n < 16) {
		l->status[l->n] = p->status;
		l->date[l->n] = p->date;
		snprintf(l->doc[l->n], 64, "%s", p->doc_no);
	}
	l->n++;
	return 0;
}

static void test_procedures(void **state)
{
	struct klist kl;
	struct prlist pl;
	struct city c;
	struct tz_tally *t;
	int64_t kid;
	long added;

	(void)state;
	city_open(&c);
	three_projects(&c);
	memset(&kl, 0, sizeof(kl));
	assert_int_equal(tz_store_procedure_kinds(c.s, take_kind, &kl, NULL), 0);
	assert_int_equal(kl.n, 7);
	assert_string_equal(kl.names[0], "立项/备案/核准");
	assert_string_equal(kl.names[6], "施工许可");
	/* The list is configurable. */
	assert_int_equal(tz_store_procedure_kind_add(c.s, "水土保持方案", &kid, NULL), 0);
	assert_int_equal(tz_store_procedure_kind_add(c.s, "水土保持方案", &kid, NULL), TZ_EEXIST);
	assert_int_equal(tz_store_procedure_kind_active(c.s, kl.ids[5], 0, NULL), 0); /* 稳评 */
	assert_int_equal(tz_store_procedure_kind_active(c.s, 999, 0, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_procedure_require(c.s, "A", &added, 1, 1, NULL), 0);
	assert_int_equal(added, 7);
	assert_int_equal(tz_store_procedure_require(c.s, "A", &added, 1, 1, NULL), 0);
	assert_int_equal(added, 0);
	assert_int_equal(tz_store_procedure_require(c.s, "NOPE", &added, 1, 1, NULL), TZ_ENOTFOUND);
	/* A: 立项 obtained in March, 施工许可 in September, 环评 under way. */
	{
		struct tz_procedure p = { .project_code = "A", .kind_id = kl.ids[0],
					  .status = TZ_PROC_OBTAINED, .date = 20250310,
					  .doc_no = "营发改审批〔2025〕12号" };
		struct tz_err err;

		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, NULL), 0);
		p.kind_id = kl.ids[6];
		p.date = 20250915;
		p.doc_no = "";
		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, NULL), 0);
		p.kind_id = kl.ids[3];
		p.status = TZ_PROC_WORKING;
		p.date = 0;
		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, NULL), 0);
		p.status = TZ_PROC_OBTAINED;
		tz_err_clear(&err);
		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, &err), TZ_EINVAL);
		assert_string_equal(err.field, "取得日期");
		p.kind_id = 999;
		p.date = 20250101;
		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, NULL), TZ_ENOTFOUND);
		/* B: 立项 obtained in January, without a full list. */
		p.project_code = "B";
		p.kind_id = kl.ids[0];
		assert_int_equal(tz_store_procedure_set(c.s, &p, 2, 5, NULL), 0);
	}
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(tz_store_procedure_each(c.s, "A", take_proc, &pl, NULL), 0);
	assert_int_equal(pl.n, 7);
	assert_int_equal(pl.status[0], TZ_PROC_OBTAINED);
	assert_string_equal(pl.doc[0], "营发改审批〔2025〕12号");
	assert_int_equal(pl.status[3], TZ_PROC_WORKING);
	assert_int_equal(pl.status[1], TZ_PROC_TODO);
	/* 1-8月: two obtained (A's 立项, B's 立项); A's 施工许可 came later. */
	t = tz_tally_new(c.x, 0, TZ_PRC_COUNT);
	assert_int_equal(tz_store_procedure_counts(c.s, t, 20250101, 20250831, NULL), 0);
	{
		const int64_t *city = tz_tally_counters_of(t, node_id[N_C]);
		struct tz_buf b = TZ_BUF_INIT;

		assert_int_equal(city[TZ_PRC_REQUIRED], 8);
		assert_int_equal(city[TZ_PRC_STATUS(TZ_PROC_OBTAINED)], 3);
		assert_int_equal(city[TZ_PRC_STATUS(TZ_PROC_WORKING)], 1);
		assert_int_equal(city[TZ_PRC_STATUS(TZ_PROC_TODO)], 4);
		assert_int_equal(city[TZ_PRC_IN_RANGE], 2);
		assert_int_equal(city[TZ_PRC_KIND(0)], 2);
		assert_int_equal(city[TZ_PRC_KIND(6)], 0);
		assert_int_equal(tz_procedure_sentence(city[TZ_PRC_IN_RANGE], &b), 0);
		assert_string_equal(b.buf, "取得立项、备案、施工许可证等手续2个");
		assert_int_equal(tz_tally_counters_of(t, node_id[N_R1])[TZ_PRC_IN_RANGE], 1);
		assert_int_equal(tz_tally_counters_of(t, node_id[N_D0])[TZ_PRC_REQUIRED], 7);
		tz_buf_release(&b);
	}
	tz_tally_free(t);
	city_close(&c);
}

/* Writes are refused while an import is open on the same store. */
static void test_no_writes_inside_import(void **state)
{
	struct city c;
	struct tz_err err;

	(void)state;
	city_open(&c);
	assert_int_equal(tz_store_import_begin(c.s, TZ_IMPORT_PROJECTS, "t", NULL), 0);
	tz_err_clear(&err);
	assert_int_equal(tz_store_period_open(c.s, 0, (struct tz_period){ 2025, 1 }, 0, 1, 1, &err),
			 TZ_EINTERNAL);
	tz_store_import_abort(c.s);
	assert_int_equal(tz_store_period_open(c.s, 0, (struct tz_period){ 2025, 1 }, 0, 1, 1, NULL), 0);
	city_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_save_all_or_nothing),
		cmocka_unit_test(test_lateness_and_history),
		cmocka_unit_test(test_closed_period),
		cmocka_unit_test(test_import_into_dispatched_period),
		cmocka_unit_test(test_status_from_years_before),
		cmocka_unit_test(test_ontime_against_model),
		cmocka_unit_test(test_lights_against_model),
		cmocka_unit_test(test_saves_feed_the_bulletin),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_problem_counts_against_model),
		cmocka_unit_test(test_procedures),
		cmocka_unit_test(test_no_writes_inside_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
