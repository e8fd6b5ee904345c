/*
 * test-store.c: the store against a brute-force model. Random imports --
 * rows in any order, projects scattered through a file, corrections in
 * later imports, reports spread over years with gaps -- must give the
 * bulletin the model computes from first principles, for every period,
 * on small ledgers (one part) and large ones (read in parallel).
 */
#include "tz-test.h"

#include "core/bulletin.h"
#include "store/store.h"

#define YEARS 3
#define FIRST_YEAR 2023
#define MONTHS (YEARS * 12)

struct model {
	int nprojects;
	int64_t *annual, *total;
	int *region;
	/* Latest values of each (project, month); status 0 = no report. */
	int64_t *done;
	unsigned char *status;
};

static const char *const regions[] = { "甲区", "乙区", "丙区", "丁区" };

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
	m->annual = calloc((size_t)n, sizeof(int64_t));
	m->total = calloc((size_t)n, sizeof(int64_t));
	m->region = calloc((size_t)n, sizeof(int));
	m->done = calloc((size_t)n * MONTHS, sizeof(int64_t));
	m->status = calloc((size_t)n * MONTHS, 1);
}

static void model_release(struct model *m)
{
	free(m->annual);
	free(m->total);
	free(m->region);
	free(m->done);
	free(m->status);
}

static void import_projects(struct tz_store *s, struct model *m)
{
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "test", NULL), 0);
	for (int i = 0; i < m->nprojects; i++) {
		char code[16];
		struct tz_project p = { .code = code, .name = "项目", .category = "", .level = "",
					.nature = "", .owner = "", .leader = "", .unit = "",
					.years = "" };

		code_of(i, code, sizeof(code));
		m->region[i] = (int)(next() % 4);
		m->total[i] = 1000 + (int64_t)(next() % 100000);
		m->annual[i] = i % 17 == 0 ? 0 : (int64_t)(next() % (uint64_t)m->total[i]);
		p.region = regions[m->region[i]];
		p.total = m->total[i];
		p.annual = m->annual[i];
		assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
}

/*
 * One import of `nrows` random reports. Rows come mostly grouped by
 * project (as files do) with some scattered; a few repeat a (project,
 * month) of the same file and must be refused.
 */
static void import_batch(struct tz_store *s, struct model *m, int nrows)
{
	unsigned char *seen = calloc((size_t)m->nprojects * MONTHS, 1);
	int project = 0, refused = 0;

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
		r.problem = "";
		rc = tz_store_import_progress(s, &r, NULL);
		if (seen[idx]) {
			assert_int_equal(rc, TZ_EEXIST);
			refused++;
		} else {
			assert_int_equal(rc, 0);
			seen[idx] = 1;
			m->done[idx] = r.completed;
			m->status[idx] = (unsigned char)r.status;
		}
		if (next() % 3 == 0)
			project = (project + 1) % m->nprojects;
	}
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	free(seen);
	(void)refused;
}

struct expect {
	int64_t projects, total, annual, ytd, started;
};

/* The bulletin of period index `at` computed from the model alone. */
static void check_period(struct tz_store *s, const struct model *m, int at)
{
	struct tz_period p = { FIRST_YEAR + at / 12, at % 12 + 1 };
	struct tz_bulletin *b = tz_bulletin_new(p, TZ_BY_REGION);
	struct expect want[4] = { { 0 } }, city = { 0 };
	int64_t lagging = 0;

	for (int i = 0; i < m->nprojects; i++) {
		struct expect *e = &want[m->region[i]];
		int64_t ytd = 0;
		int st = 0, started;

		for (int k = at - at % 12; k <= at; k++)
			ytd += m->done[i * MONTHS + k];
		for (int k = at; k >= 0 && !st; k--)
			st = m->status[i * MONTHS + k];
		started = st == TZ_STATUS_STARTED || st == TZ_STATUS_RESUMED ||
			  st == TZ_STATUS_COMPLETED;
		e->projects++;
		e->total += m->total[i];
		e->annual += m->annual[i];
		e->ytd += ytd;
		e->started += started;
		if (m->annual[i] > 0 && 15 * ytd < p.month * m->annual[i])
			lagging++;
	}
	assert_int_equal(tz_store_bulletin(s, b, NULL), 0);
	tz_bulletin_finish(b);
	for (size_t g = 0; g < tz_bulletin_group_count(b); g++) {
		const struct tz_bulletin_group *got = tz_bulletin_group_at(b, g);
		int r = 0;

		while (strcmp(regions[r], got->key))
			r++;
		assert_int_equal(got->projects, want[r].projects);
		assert_int_equal(got->total, want[r].total);
		assert_int_equal(got->annual, want[r].annual);
		assert_int_equal(got->ytd, want[r].ytd);
		assert_int_equal(got->started, want[r].started);
		city.ytd += want[r].ytd;
	}
	assert_int_equal(tz_bulletin_totals(b)->ytd, city.ytd);
	assert_int_equal((int64_t)tz_bulletin_lag_count(b), lagging);
	for (size_t l = 1; l < tz_bulletin_lag_count(b); l++) {
		const struct tz_bulletin_lag *x = tz_bulletin_lag_at(b, l - 1), *y = tz_bulletin_lag_at(b, l);
		/* Worst first: x->ytd/x->annual <= y->ytd/y->annual. */
		assert_true((__int128)x->ytd * y->annual <= (__int128)y->ytd * x->annual);
	}
	tz_bulletin_free(b);
}

static void run(int nprojects, int batches, int rows)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_store *s;
	struct model m;

	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(tz_store_open(&s, path, NULL), 0);
	model_init(&m, nprojects);
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
	assert_int_equal(tz_store_open(&s, path, NULL), 0);
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
	struct tz_project p = { "A", "甲", "东区", "", "", "", "", "", "", "", 100, 50, { 0, 0 } };
	struct tz_progress r = { "A", { 2025, 3 }, 7, TZ_STATUS_STARTED, "", "" };

	(void)state;
	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(tz_store_open(&s, path, NULL), 0);
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
	assert_int_equal(tz_store_open(&s, path, NULL), 0);
	assert_int_equal(tz_store_summary(s, &sum, NULL), 0);
	assert_int_equal(sum.projects, 1);
	assert_int_equal(sum.reports, 0);
	tz_store_close(s);
	tz_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_ledger_random_imports),
		cmocka_unit_test(test_large_ledger_parallel_bulletin),
		cmocka_unit_test(test_summary_and_aborted_import),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
