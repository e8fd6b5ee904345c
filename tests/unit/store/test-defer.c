/*
 * test-defer.c: an import of ledgers large enough to build the project
 * table's secondary indexes at commit (store/sqlite-defer.c) leaves the
 * same indexes, complete and correct; one that aborts leaves them as
 * they were; other connections never see the table without them; and
 * small imports keep them up row by row without touching the schema.
 */
#include "tz-test.h"

#include <sqlite3.h>

#include "core/org.h"
#include "store/store.h"
#include "tz-store-test.h"

/* Over the import's threshold (DEFER_MIN_ROWS in sqlite-import.c). */
#define MANY 6000

static const char *const leaders[] = { "张三", "李 四", "王　五", "" };
static int64_t region_id;

/* Write projects [from, from + n) of `year`, the leader of project i
 * being leaders[(i + shift) % 4]; the import is left open. */
static void write_projects(struct tz_store *s, int from, int n, int year, int shift)
{
	assert_int_equal(tz_store_import_begin(s, TZ_IMPORT_PROJECTS, "test", NULL), 0);
	for (int i = from; i < from + n; i++) {
		char code[16];
		struct tz_project p = { .code = code, .name = "项目", .region = "甲区",
					.category = "", .level = "", .nature = "", .owner = "",
					.unit = "", .years = "", .stage = "", .year = year,
					.total = 1000 + i, .has_plan = 1, .annual = 10 };

		snprintf(code, sizeof(code), "D%06d", i);
		p.leader = leaders[(i + shift) % 4];
		p.region_id = region_id;
		assert_int_equal(tz_project_validate(&p, NULL), 0);
		assert_int_equal(tz_store_import_project(s, &p, NULL), 0);
	}
}

/* A second connection, as the web application would hold. */
static sqlite3 *reader(const char *path)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	return db;
}

/* "name|sql;" for each index of `project`, in name order (malloc'd). */
static char *indexes(sqlite3 *db)
{
	sqlite3_stmt *st;
	char *out = strdup("");

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name || '|' || coalesce(sql, '') || ';'"
					    " FROM sqlite_master WHERE type = 'index'"
					    " AND tbl_name = 'project' ORDER BY name", -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(st, 0);
		size_t n = strlen(out);

		out = realloc(out, n + strlen(row) + 1);
		assert_non_null(out);
		memcpy(out + n, row, strlen(row) + 1);
	}
	sqlite3_finalize(st);
	return out;
}

static int64_t query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void check_intact(sqlite3 *db, const char *want)
{
	sqlite3_stmt *st;
	char *got = indexes(db);

	assert_string_equal(got, want);
	free(got);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
}

/* Projects whose 包联领导 is 李四 however spaced, read through the index. */
static int64_t li_si(sqlite3 *db)
{
	return query_int(db, "SELECT count(*) FROM project INDEXED BY project_by_leader"
			 " WHERE replace(replace(leader, ' ', ''), '　', '') = '李四'");
}

static void test_indexes_built_at_commit(void **state)
{
	char *dir = tz_test_tmpdir(), path[4096], *before;
	struct tz_store *s;
	sqlite3 *db;
	int64_t version;

	(void)state;
	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	region_id = tz_test_one_region(s);
	db = reader(path);
	before = indexes(db);
	assert_non_null(strstr(before, "project_by_leader|CREATE INDEX"));
	assert_non_null(strstr(before, "project_by_region|CREATE INDEX"));
	assert_non_null(strstr(before, "project_by_unit|CREATE INDEX"));
	version = query_int(db, "PRAGMA schema_version");

	/* Aborted: nothing written, the indexes as they were; and while the
	 * import was open, another connection saw them all. */
	write_projects(s, 0, MANY, 2025, 0);
	check_intact(db, before);
	tz_store_import_abort(s);
	check_intact(db, before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM project"), 0);
	assert_int_equal(query_int(db, "PRAGMA schema_version"), version);

	/* Committed: the same indexes, holding every row. */
	write_projects(s, 0, MANY, 2025, 0);
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	check_intact(db, before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM project"), MANY);
	assert_int_equal(li_si(db), MANY / 4);
	assert_true(query_int(db, "PRAGMA schema_version") > version);

	/* A small correction keeps the indexes up row by row: the schema
	 * does not change, and the moved leaders are found where they went. */
	version = query_int(db, "PRAGMA schema_version");
	write_projects(s, 0, 40, 2025, 1);
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	check_intact(db, before);
	assert_int_equal(query_int(db, "PRAGMA schema_version"), version);
	assert_int_equal(li_si(db), MANY / 4);
	/* D000000 was 张三's and is now 李 四's, in the index too. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM project INDEXED BY project_by_leader"
				   " WHERE replace(replace(leader, ' ', ''), '　', '') = '李四'"
				   " AND code = 'D000000'"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM project INDEXED BY project_by_leader"
				   " WHERE replace(replace(leader, ' ', ''), '　', '') = '张三'"
				   " AND code = 'D000000'"), 0);

	/* A large import into the same table: the next year's ledger. */
	write_projects(s, 0, MANY, 2026, 2);
	assert_int_equal(tz_store_import_commit(s, NULL, NULL), 0);
	check_intact(db, before);
	assert_int_equal(li_si(db), MANY / 4);
	assert_int_equal(query_int(db, "SELECT count(*) FROM ledger"), 2 * MANY);

	sqlite3_close(db);
	tz_store_close(s);
	free(before);
	tz_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_indexes_built_at_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
