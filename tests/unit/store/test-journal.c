/*
 * test-journal.c: imports of rows the store does not hold write them
 * without SQLite's statement journal (sqlite-import.c, fresh_head and
 * tz_sqlite_batch_prepare_fresh). A multi-row statement that may abort
 * (an upsert, INSERT OR REPLACE) copies every page it changes that
 * existed before it into that journal, which with temp_store=MEMORY is
 * kept in 1,024-byte chunks, one malloc each: the test counts SQLite's
 * allocations of exactly that size, through its own allocator, while a
 * second ledger and a second month of reports go into tables that
 * already hold pages. Corrections still go through the upsert, so the
 * stored values are checked too.
 */
#include "tz-test.h"

#include <sqlite3.h>

#include "core/org.h"
#include "core/progress.h"
#include "store/store.h"
#include "tz-store-test.h"

#define N 3000
#define CHUNK 1024  /* memjournal.c: MEMJOURNAL_DFLT_FILECHUNKSIZE */

static int64_t region_id;
static long chunks;
static sqlite3_mem_methods sys;

static void *count_malloc(int n)
{
	if (n == CHUNK)
		chunks++;
	return sys.xMalloc(n);
}

/* Projects [from, to) in `year`'s ledger, 总投资 total + i; committed. */
static void ledger(struct tz_store *s, int from, int to, int year, int64_t total)
{
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "test", NULL), 0);
	for (int i = from; i < to; i++) {
		char code[16];
		struct tz_project p = { .code = code, .name = "项目", .region = "甲区",
					.category = "", .level = "", .nature = "", .owner = "",
					.leader = "", .unit = "", .years = "", .stage = "",
					.year = year, .total = total + i, .has_plan = 1,
					.annual = 10 };

		snprintf(code, sizeof(code), "J%06d", i);
		p.region_id = region_id;
		assert_int_equal(tz_project_validate(&p, NULL), 0);
		assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
}

/* A report of `month` 2025 for projects [from, to), 本期完成 done + i. */
static void reports(struct tz_store *s, int from, int to, int month, int64_t done)
{
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROGRESS, "test", NULL), 0);
	for (int i = from; i < to; i++) {
		char code[16];
		struct tz_progress r = { code, { 2025, month }, done + i, TZ_STATUS_STARTED,
					 "施工", "" };

		snprintf(code, sizeof(code), "J%06d", i);
		assert_int_equal(tz_store_import_progress(s, &r, NULL), 0);
	}
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
}

static int64_t query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void test_new_rows_without_statement_journal(void **state)
{
	char *dir = tz_test_tmpdir(), path[4096];
	struct tz_store *s;

	(void)state;
	snprintf(path, sizeof(path), "%s/j.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	region_id = tz_test_one_region(s);
	ledger(s, 0, N / 2, 2025, 1000);
	reports(s, 0, N / 2, 1, 5);

	/* New projects into a project table with pages, and new reports
	 * into a progress table with pages, of projects that had some. */
	chunks = 0;
	ledger(s, N / 2, N, 2025, 1000);
	/* What is left is the commit's UPDATE of store_version (its CHECK
	 * may abort): one 16 KB page, 17 chunks, once an import. */
	assert_true(chunks <= 17);
	chunks = 0;
	reports(s, N / 2, N, 1, 7);
	assert_true(chunks <= 17);

	/* New reports of projects that had some: their totals are
	 * recomputed at commit (INSERT OR REPLACE, which keeps a journal). */
	reports(s, 0, N, 2, 8);
	/* Corrections: the upserts, which keep one too. */
	chunks = 0;
	ledger(s, 0, N, 2025, 2000);
	reports(s, 0, N, 2, 9);
	assert_true(chunks > 0);
	assert_int_equal(query_int(path, "SELECT sum(total) FROM project"),
			 2000LL * N + (int64_t)N * (N - 1) / 2);
	assert_int_equal(query_int(path, "SELECT sum(completed) FROM progress WHERE period = 202502"),
			 9LL * N + (int64_t)N * (N - 1) / 2);
	assert_int_equal(query_int(path, "SELECT sum(completed) FROM progress WHERE period = 202501"),
			 5LL * (N / 2) + (int64_t)(N / 2) * (N / 2 - 1) / 2 +
			 7LL * (N - N / 2) + (int64_t)N * (N - 1) / 2 - (int64_t)(N / 2) * (N / 2 - 1) / 2);
	assert_int_equal(query_int(path, "SELECT count(*) FROM progress"), 2 * N);
	assert_int_equal(query_int(path, "SELECT sum(ytd2) FROM project_year WHERE year = 2025"),
			 query_int(path, "SELECT sum(completed) FROM progress"));

	tz_store_close(s);
	tz_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_rows_without_statement_journal),
	};
	sqlite3_mem_methods counting;

	/* Before SQLite starts, so that every allocation goes through it. */
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sys) != SQLITE_OK)
		return 1;
	counting = sys;
	counting.xMalloc = count_malloc;
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, &counting) != SQLITE_OK)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
