/*
 * test-store.c: the store against a brute-force model. Random imports --
 * rows in any order, projects scattered through a file, corrections in
 * later imports, reports spread over years with gaps -- must give the
 * bulletin the model computes from first principles, for every period,
 * on small ledgers (one part) and large ones (read in parallel).
 */
#include "tz-test.h"

#include "core/bulletin.h"
#include "base/arena.h"
#include "core/org.h"
#include "store/store.h"

#define YEARS 3
#define FIRST_YEAR 2023
#define MONTHS (YEARS * 12)

struct model {
	int nprojects;
	int64_t *total;
	int *region;
	int *start;               /* planned start, month index; -1: none */
	/* Per project and year: in that year's ledger, and its plan (-1: none). */
	unsigned char *ledger;
	int64_t *annual;
	/* Latest values of each (project, month); status 0 = no report. */
	int64_t *done;
	unsigned char *status;
	unsigned char *problem;
};

static const char *const regions[] = { "甲区", "乙区", "丙区", "丁区" };
static int64_t region_id[4];

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void code_of(int i, char *buf, size_t size)
{
	snprintf(buf, size, "T%06d", i);
}

static void model_init(struct model *m, int n)
{
	m->nprojects = n;
	m->total = calloc((size_t)n, sizeof(int64_t));
	m->region = calloc((size_t)n, sizeof(int));
	m->start = calloc((size_t)n, sizeof(int));
	m->ledger = calloc((size_t)n * YEARS, 1);
	m->annual = calloc((size_t)n * YEARS, sizeof(int64_t));
	m->done = calloc((size_t)n * MONTHS, sizeof(int64_t));
	m->status = calloc((size_t)n * MONTHS, 1);
	m->problem = calloc((size_t)n * MONTHS, 1);
}

static void model_release(struct model *m)
{
	free(m->total);
	free(m->region);
	free(m->start);
	free(m->ledger);
	free(m->annual);
	free(m->done);
	free(m->status);
	free(m->problem);
}

/* The regions as an organisation tree, with their ids. */
static void make_tree(struct tz_store *s)
{
	struct tz_org_index *x = tz_org_index_new();
	struct tz_org_node root = { 0, "C", "测试市", "", TZ_ORG_CITY, "" };
	char code[4][8];

	assert_int_equal(tz_org_index_add(x, &root, NULL), 0);
	for (int r = 0; r < 4; r++) {
		struct tz_org_node n = { 0, code[r], regions[r], "C", TZ_ORG_DISTRICT, "" };

		snprintf(code[r], sizeof(code[r]), "R%d", r);
		assert_int_equal(tz_org_index_add(x, &n, NULL), 0);
	}
	assert_int_equal(tz_org_index_check(x, NULL), 0);
	assert_int_equal(tz_store_org_save(s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(s, x, NULL), 0);
	for (int r = 0; r < 4; r++)
		region_id[r] = tz_org_index_find(x, regions[r], strlen(regions[r]),
						 TZ_ORG_WANT_REGION)->id;
	tz_org_index_free(x);
}

/* Yearly ledgers: each project in a random run of years, each year with
 * its own plan or none; imported one year per file, newest first. */
static void import_projects(struct tz_store *s, struct model *m)
{
	for (int i = 0; i < m->nprojects; i++) {
		int from = (int)(next() % YEARS), to = from + (int)(next() % (YEARS - from));

		m->region[i] = (int)(next() % 4);
		m->total[i] = 1000 + (int64_t)(next() % 100000);
		m->start[i] = i % 9 == 0 ? -1 : (int)(next() % (MONTHS + 6));
		for (int y = from; y <= to; y++) {
			m->ledger[i * YEARS + y] = 1;
			m->annual[i * YEARS + y] = i % 17 == 0 ? -1
						   : (int64_t)(next() % (uint64_t)m->total[i]);
		}
	}
	for (int y = YEARS - 1; y >= 0; y--) {
		assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "test", NULL), 0);
		for (int i = 0; i < m->nprojects; i++) {
			char code[16];
			struct tz_project p = { .code = code, .name = "项目", .category = "",
						.level = "", .nature = "", .owner = "",
						.leader = "", .unit = "", .years = "", .stage = "" };

			if (!m->ledger[i * YEARS + y])
				continue;
			code_of(i, code, sizeof(code));
			p.region = regions[m->region[i]];
			p.region_id = region_id[m->region[i]];
			p.year = FIRST_YEAR + y;
			p.total = m->total[i];
			p.has_plan = m->annual[i * YEARS + y] >= 0;
			p.annual = p.has_plan ? m->annual[i * YEARS + y] : 0;
			if (m->start[i] >= 0) {
				p.planned_start.year = FIRST_YEAR + m->start[i] / 12;
				p.planned_start.month = m->start[i] % 12 + 1;
			}
			assert_int_equal(tz_project_validate(&p, NULL), 0);
			assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
		}
		assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	}
}

/*
 * One import of `nrows` random reports. Rows come mostly grouped by
 * project (as files do) with some scattered; a few repeat a (project,
 * month) of the same file and must be refused, and reports for a year
 * whose ledger does not hold the project are refused too. Some send a
 * stored report again as it is: the import counts each accepted row as
 * new, corrected or unchanged, as the model says.
 */
static void import_batch(struct tz_store *s, struct model *m, int nrows)
{
	unsigned char *seen = calloc((size_t)m->nprojects * MONTHS, 1);
	struct tz_import_stats want = { 0 }, got;
	int project = 0;

	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "test", NULL), 0);
	for (int k = 0; k < nrows; k++) {
		char code[16];
		int month, idx, rc;
		struct tz_progress r;

		if (next() % 4 == 0)
			project = (int)(next() % (uint64_t)m->nprojects); /* jump elsewhere */
		month = (int)(next() % MONTHS);
		idx = project * MONTHS + month;
		code_of(project, code, sizeof(code));
		r.code = code;
		r.period.year = FIRST_YEAR + month / 12;
		r.period.month = month % 12 + 1;
		r.completed = (int64_t)(next() % 5000);
		r.status = (enum tz_status)(1 + next() % 5);
		r.progress_text = "施工";
		r.problem = next() % 3 ? "" : "资金未到位";
		if (m->status[idx] && next() % 3 == 0) {
			/* The stored report again, or with one field changed. */
			r.completed = m->done[idx];
			r.status = (enum tz_status)m->status[idx];
			r.problem = m->problem[idx] ? "资金未到位" : "";
			if (next() % 4 == 0)
				r.completed++;
		}
		rc = tz_store_import_progress(s, &r, NULL);
		if (!m->ledger[project * YEARS + month / 12]) {
			assert_int_equal(rc, TZ_ENOTFOUND);
		} else if (seen[idx]) {
			assert_int_equal(rc, TZ_EEXIST);
		} else {
			assert_int_equal(rc, 0);
			seen[idx] = 1;
			if (!m->status[idx])
				want.added++;
			else if (m->done[idx] == r.completed && m->status[idx] == r.status &&
				 m->problem[idx] == (*r.problem != 0))
				want.unchanged++;
			else
				want.replaced++;
			m->done[idx] = r.completed;
			m->status[idx] = (unsigned char)r.status;
			m->problem[idx] = *r.problem != 0;
		}
		if (next() % 3 == 0)
			project = (project + 1) % m->nprojects;
	}
	assert_int_equal(tz_store_import_counts(s, &got, NULL), 0);
	assert_int_equal(got.added, want.added);
	assert_int_equal(got.replaced, want.replaced);
	assert_int_equal(got.unchanged, want.unchanged);
	memset(&got, 0, sizeof(got));
	assert_int_equal(tz_store_import_commit(s, &got, NULL), 0);
	assert_int_equal(got.added, want.added);
	assert_int_equal(got.replaced, want.replaced);
	assert_int_equal(got.unchanged, want.unchanged);
	free(seen);
}

struct expect {
	int64_t projects, total, annual, ytd, unplanned, started, reported, missing, filed;
};

/* The status in force just before month index `at` (0: none). */
static int status_before(const struct model *m, int i, int at)
{
	for (int k = at - 1; k >= 0; k--)
		if (m->status[i * MONTHS + k])
			return m->status[i * MONTHS + k];
	return 0;
}

/* The bulletin of period index `at` computed from the model alone. */
static void check_period(struct tz_store *s, const struct model *m, int at)
{
	struct tz_period p = { FIRST_YEAR + at / 12, at % 12 + 1 };
	struct tz_bulletin *b = tz_bulletin_new(p, TZ_BY_REGION);
	struct expect want[4] = { { 0 } }, city = { 0 };
	int64_t lagging = 0, missing = 0;
	int y = at / 12, rc;

	for (int i = 0; i < m->nprojects; i++) {
		struct expect *e = &want[m->region[i]];
		int64_t ytd = 0, annual = m->annual[i * YEARS + y];
		int st = 0, before = status_before(m, i, at), expected;

		if (!m->ledger[i * YEARS + y])
			continue;
		for (int k = at - at % 12; k <= at; k++)
			ytd += m->done[i * MONTHS + k];
		for (int k = at; k >= 0 && !st; k--)
			st = m->status[i * MONTHS + k];
		/* Expected (ledger.md), or reported all the same (tz_report_due). */
		expected = m->status[i * MONTHS + at] != 0 ||
			   (before != TZ_STATUS_COMPLETED &&
			    (m->start[i] < 0 || m->start[i] <= at || before == TZ_STATUS_STARTED ||
			     before == TZ_STATUS_RESUMED || before == TZ_STATUS_STOPPED));
		e->projects++;
		e->total += m->total[i];
		if (annual >= 0) {
			e->annual += annual;
			e->ytd += ytd;
		} else {
			e->unplanned += ytd;
		}
		e->started += st == TZ_STATUS_STARTED || st == TZ_STATUS_RESUMED ||
			      st == TZ_STATUS_COMPLETED;
		e->reported += expected && m->status[i * MONTHS + at] != 0;
		e->filed += m->status[i * MONTHS + at] != 0;
		e->missing += expected && !m->status[i * MONTHS + at];
		missing += expected && !m->status[i * MONTHS + at];
		/* More than 10 points behind month/12. */
		if (annual > 0 && 60 * ytd < (5 * p.month - 6) * annual)
			lagging++;
	}
	assert_int_equal(tz_store_bulletin(s, b, NULL), 0);
	rc = tz_bulletin_finish(b, NULL);
	for (int r = 0; r < 4; r++)
		city.filed += want[r].filed;
	if (!city.filed) {
		assert_int_equal(rc, TZ_ENOTFOUND);
		tz_bulletin_free(b);
		return;
	}
	assert_int_equal(rc, 0);
	for (size_t g = 0; g < tz_bulletin_group_count(b); g++) {
		const struct tz_bulletin_group *got = tz_bulletin_group_at(b, g);
		int r = 0;

		while (strcmp(regions[r], got->key))
			r++;
		assert_int_equal(got->projects, want[r].projects);
		assert_int_equal(got->total, want[r].total);
		assert_int_equal(got->annual, want[r].annual);
		assert_int_equal(got->ytd, want[r].ytd);
		assert_int_equal(got->ytd_unplanned, want[r].unplanned);
		assert_int_equal(got->started, want[r].started);
		assert_int_equal(got->reported, want[r].reported);
		assert_int_equal(got->not_reported, want[r].missing);
		assert_int_equal(got->filed, want[r].filed);
		city.ytd += want[r].ytd;
	}
	assert_int_equal(tz_bulletin_totals(b)->ytd, city.ytd);
	assert_int_equal((int64_t)tz_bulletin_lag_count(b), lagging);
	assert_int_equal((int64_t)tz_bulletin_missing_count(b), missing);
	for (size_t l = 1; l < tz_bulletin_lag_count(b); l++) {
		const struct tz_bulletin_lag *x = tz_bulletin_lag_at(b, l - 1), *y2 = tz_bulletin_lag_at(b, l);
		/* Worst first: x->ytd/x->annual <= y->ytd/y->annual. */
		assert_true((__int128)x->ytd * y2->annual <= (__int128)y2->ytd * x->annual);
	}
	/* The latest problem of the year up to P, for each lagging project. */
	for (size_t l = 0; l < tz_bulletin_lag_count(b); l++) {
		const struct tz_bulletin_lag *x = tz_bulletin_lag_at(b, l);
		int i = (int)strtol(x->code + 1, NULL, 10), has = 0;

		for (int k = at - at % 12; k <= at; k++)
			has |= m->problem[i * MONTHS + k];
		assert_string_equal(x->problem, has ? "资金未到位" : "");
	}
	tz_bulletin_free(b);
}

static void run(int nprojects, int batches, int rows)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_store *s;
	struct model m;

	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	model_init(&m, nprojects);
	make_tree(s);
	import_projects(s, &m);
	for (int k = 0; k < batches; k++) {
		import_batch(s, &m, rows);
		check_period(s, &m, (int)(next() % MONTHS));
	}
	for (int at = 0; at < MONTHS; at += 5)
		check_period(s, &m, at);
	check_period(s, &m, MONTHS - 1);
	/* A store reopened reads the same. */
	tz_store_close(s);
	assert_int_equal(tz_store_open(&s, path, 0, NULL, NULL), 0);
	check_period(s, &m, MONTHS - 1);
	tz_store_close(s);
	model_release(&m);
	tz_test_rmtree(dir);
}

/* Few projects, many corrections: every path of the running totals. */
static void test_small_ledger_random_imports(void **state)
{
	(void)state;
	run(40, 6, 300);
}

/* Enough projects for the bulletin to be read in parallel parts. */
static void test_large_ledger_parallel_bulletin(void **state)
{
	(void)state;
	run(25000, 2, 40000);
}

static void test_summary_and_aborted_import(void **state)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_store *s;
	struct tz_store_summary sum;
	struct tz_project p = { .code = "A", .name = "甲", .region = "甲区", .category = "",
				.level = "", .nature = "", .owner = "", .leader = "", .unit = "",
				.years = "", .stage = "", .year = 2025, .total = 100,
				.has_plan = 1, .annual = 50 };
	struct tz_progress r = { "A", { 2025, 3 }, 7, TZ_STATUS_STARTED, "", "" };

	(void)state;
	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	make_tree(s);
	p.region_id = region_id[0];
	assert_int_equal(tz_store_summary(s, &sum, NULL), 0);
	assert_int_equal(sum.projects, 0);
	assert_int_equal(sum.last.year, 0);
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "x", NULL), 0);
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	tz_store_import_abort(s);
	assert_int_equal(tz_store_summary(s, &sum, NULL), 0);
	assert_int_equal(sum.projects, 0);
	/* A progress row for an unknown project is refused, not stored. */
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "x", NULL), 0);
	assert_int_equal(tz_store_import_progress(s, &r, NULL), TZ_ENOTFOUND);
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "x", NULL), 0);
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "x", NULL), 0);
	assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
	/* Closing with an import open rolls it back. */
	tz_store_close(s);
	assert_int_equal(tz_store_open(&s, path, 0, NULL, NULL), 0);
	assert_int_equal(tz_store_summary(s, &sum, NULL), 0);
	assert_int_equal(sum.projects, 1);
	assert_int_equal(sum.reports, 0);
	tz_store_close(s);
	tz_test_rmtree(dir);
}

/* Rows of ledgers and reports for test_import_counts. */
struct prow {
	const char *code, *name;
	int year;
	int64_t annual;  /* -1: no plan */
};

struct rrow {
	const char *code;
	int month;  /* of 2025 */
	int64_t completed;
	const char *problem;
};

static void import_ledger(struct tz_store *s, const struct prow *rows, size_t n,
			  struct tz_import_stats *st)
{
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "x", NULL), 0);
	for (size_t i = 0; i < n; i++) {
		struct tz_project p = { .code = rows[i].code, .name = rows[i].name,
					.region = regions[0], .category = "交通", .level = "市重点",
					.nature = "续建", .owner = "", .leader = "王某", .unit = "",
					.years = "2024-2026", .stage = "", .region_id = region_id[0],
					.year = rows[i].year, .has_plan = rows[i].annual >= 0,
					.total = 100000, .annual = rows[i].annual >= 0 ? rows[i].annual : 0,
					.planned_start = { 2024, 3 } };

		assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(s, st, NULL), 0);
}

static void import_reports(struct tz_store *s, const struct rrow *rows, size_t n,
			   struct tz_import_stats *st)
{
	struct tz_import_stats so_far;

	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "x", NULL), 0);
	for (size_t i = 0; i < n; i++) {
		struct tz_progress r = { rows[i].code, { 2025, rows[i].month }, rows[i].completed,
					 TZ_STATUS_STARTED, "施工", rows[i].problem };

		assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
	}
	assert_int_equal(tz_store_import_counts(s, &so_far, NULL), 0);
	assert_int_equal(tz_store_import_commit(s, st, NULL), 0);
	assert_int_equal(so_far.added, st->added);
	assert_int_equal(so_far.replaced, st->replaced);
	assert_int_equal(so_far.unchanged, st->unchanged);
}

static void expect_counts(const struct tz_import_stats *st, long added, long replaced,
			  long unchanged)
{
	assert_int_equal(st->added, added);
	assert_int_equal(st->replaced, replaced);
	assert_int_equal(st->unchanged, unchanged);
}

/*
 * tz_store_import_last_id (issue 6): the id of the project of the ledger
 * row last accepted, the same for each row of one project whatever the
 * case of its code, unchanged by a row refused, 0 with no import open;
 * tz_store_import_prefetch is a hint that changes nothing.
 */
static void test_import_last_id(void **state)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_import_stats st;
	struct tz_store *s;
	struct tz_err err;
	int64_t a, b;
	static const struct prow first[] = { { "A", "甲", 2024, 500 } };
	struct tz_project p = { .code = "B", .name = "乙", .region = regions[0], .category = "",
				.level = "", .nature = "", .owner = "", .leader = "", .unit = "",
				.years = "", .stage = "", .region_id = region_id[0], .year = 2025,
				.total = 100000 };

	(void)state;
	snprintf(path, sizeof(path), "%s/l.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	make_tree(s);
	assert_int_equal(tz_store_import_last_id(s), 0);
	import_ledger(s, first, 1, &st);
	assert_int_equal(tz_store_import_last_id(s), 0);  /* committed: none open */

	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "x", NULL), 0);
	assert_int_equal(tz_store_import_last_id(s), 0);
	tz_store_import_prefetch(s, "B");
	tz_store_import_prefetch(s, "a");
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);  /* B, new */
	b = tz_store_import_last_id(s);
	assert_true(b >= 1);
	p.code = "a";  /* the stored A, its code in another case */
	p.name = "甲";
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	a = tz_store_import_last_id(s);
	assert_true(a >= 1);
	assert_true(a != b);
	p.code = "B";
	p.name = "乙";
	p.year = 2024;
	assert_int_equal(tz_store_import_project(s, &p, NULL), 0);  /* B's other year */
	assert_int_equal(tz_store_import_last_id(s), b);
	/* B's 2024 again: refused, and the last accepted stays B's. */
	assert_int_equal(tz_store_import_project(s, &p, &err), TZ_EEXIST);
	p.code = "A";
	p.year = 2025;
	assert_int_equal(tz_store_import_project(s, &p, &err), TZ_EEXIST);  /* A 2025 again */
	assert_int_equal(tz_store_import_last_id(s), b);
	assert_int_equal(tz_store_import_commit(s, &st, NULL), 0);
	expect_counts(&st, 3, 0, 0);
	assert_int_equal(tz_store_import_last_id(s), 0);
	tz_store_close(s);
	tz_test_rmtree(dir);
}


static int64_t ytd_of(struct tz_store *s, int month)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, month }, TZ_BY_REGION);
	int64_t ytd;

	assert_int_equal(tz_store_bulletin(s, b, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	ytd = tz_bulletin_totals(b)->ytd;
	tz_bulletin_free(b);
	return ytd;
}

/*
 * Imports count each row as new, a correction or unchanged, compared
 * with what the store holds; an import of nothing but unchanged rows
 * leaves the store version (and so every cache) as it was; corrections
 * mixed with unchanged rows, in any order, keep the running totals exact.
 */
static void test_import_counts(void **state)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_import_stats st;
	struct tz_arena *a = tz_arena_new();
	struct tz_project *led;
	struct tz_progress *rep;
	struct tz_store *s;
	int64_t v0, v1;
	size_t n;
	static const struct prow ledger[] = {
		{ "A", "甲", 2024, 500 }, { "A", "甲", 2025, 600 }, { "B", "乙", 2025, -1 },
	};
	/* A 2024 as stored; A 2025 a new plan; B renamed; C new; B's 2024 new
	 * (after B's first row: its fields compare with the rename). */
	static const struct prow ledger2[] = {
		{ "A", "甲", 2024, 500 }, { "A", "甲", 2025, 650 }, { "B", "乙二", 2025, -1 },
		{ "C", "丙", 2025, 100 }, { "B", "乙二", 2024, 10 },
	};
	static const struct rrow reports[] = {
		{ "A", 1, 100, "" }, { "A", 2, 200, "" }, { "A", 3, 300, "" }, { "B", 1, 50, "资金" },
	};
	/* Going back in time, a changed amount, a changed problem, a new month. */
	static const struct rrow reports2[] = {
		{ "A", 3, 300, "" }, { "A", 1, 100, "" }, { "A", 2, 250, "" }, { "A", 4, 40, "" },
		{ "B", 1, 50, "" }, { "C", 1, 7, "" },
	};

	(void)state;
	snprintf(path, sizeof(path), "%s/c.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	make_tree(s);

	import_ledger(s, ledger, 3, &st);
	expect_counts(&st, 3, 0, 0);
	assert_int_equal(tz_store_version(s, &v0, NULL), 0);
	import_ledger(s, ledger, 3, &st);
	expect_counts(&st, 0, 0, 3);
	assert_int_equal(tz_store_version(s, &v1, NULL), 0);
	assert_int_equal(v1, v0);
	import_ledger(s, ledger2, 5, &st);
	expect_counts(&st, 2, 2, 1);
	assert_int_equal(tz_store_version(s, &v1, NULL), 0);
	assert_true(v1 != v0);
	assert_int_equal(tz_store_project_ledger(s, "B", a, &led, &n, NULL), 0);
	assert_int_equal(n, 2);
	assert_string_equal(led[0].name, "乙二");
	assert_int_equal(led[0].annual, 10);
	assert_int_equal(led[1].has_plan, 0);
	assert_int_equal(tz_store_project_ledger(s, "A", a, &led, &n, NULL), 0);
	assert_int_equal(led[1].annual, 650);

	import_reports(s, reports, 4, &st);
	expect_counts(&st, 4, 0, 0);
	assert_int_equal(ytd_of(s, 3), 600);  /* A's; B has no plan */
	assert_int_equal(tz_store_version(s, &v0, NULL), 0);
	import_reports(s, reports, 4, &st);
	expect_counts(&st, 0, 0, 4);
	assert_int_equal(tz_store_version(s, &v1, NULL), 0);
	assert_int_equal(v1, v0);
	assert_int_equal(ytd_of(s, 3), 600);

	import_reports(s, reports2, 6, &st);
	expect_counts(&st, 2, 2, 2);
	assert_int_equal(ytd_of(s, 3), 657);  /* A's 100 + 250 + 300, C's 7 */
	assert_int_equal(ytd_of(s, 4), 697);  /* and A's April */
	assert_int_equal(tz_store_project_reports(s, "B", a, &rep, &n, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rep[0].problem, "");

	/* Counted before a roll back too, as a dry run shows them. */
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "x", NULL), 0);
	{
		struct tz_progress r = { "A", { 2025, 4 }, 40, TZ_STATUS_STARTED, "施工", "" };

		assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
		r.period.month = 5;
		assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
	}
	assert_int_equal(tz_store_import_counts(s, &st, NULL), 0);
	expect_counts(&st, 1, 0, 1);
	tz_store_import_abort(s);
	assert_int_equal(tz_store_import_counts(s, &st, NULL), TZ_EINTERNAL);
	assert_int_equal(ytd_of(s, 4), 697);

	tz_arena_free(a);
	tz_store_close(s);
	tz_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_ledger_random_imports),
		cmocka_unit_test(test_large_ledger_parallel_bulletin),
		cmocka_unit_test(test_summary_and_aborted_import),
		cmocka_unit_test(test_import_counts),
		cmocka_unit_test(test_import_last_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
