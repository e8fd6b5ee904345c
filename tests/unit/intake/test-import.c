/*
 * test-import.c: spreadsheets into the store: the generated dirty GBK
 * ledger against its truth.json, header variants, all-or-nothing,
 * corrections and duplicates.
 */
#include "tz-test.h"

#include <jansson.h>

#include "core/money.h"
#include "intake/import.h"
#include "store/store.h"

struct rejects {
	int n;
	long line[64];
	char code[64][32];
	char reason[64][256];
};

static void collect(void *ctx, const struct tz_import_reject *rej)
{
	struct rejects *r = ctx;

	if (r->n < 64) {
		r->line[r->n] = rej->line;
		snprintf(r->code[r->n], sizeof(r->code[0]), "%s", rej->code);
		snprintf(r->reason[r->n], sizeof(r->reason[0]), "%s", rej->reason);
	}
	r->n++;
}

struct fixture {
	char *dir;
	struct tz_store *store;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char path[4096];

	f->dir = tz_test_tmpdir();
	snprintf(path, sizeof(path), "%s/t.db", f->dir);
	assert_int_equal(tz_store_open(&f->store, path, TZ_STORE_CREATE, NULL, NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tz_store_close(f->store);
	tz_test_rmtree(f->dir);
	free(f);
	return 0;
}

static int import_year(struct fixture *f, enum tz_import_kind kind, const char *path,
		       int partial, int year, struct tz_import_result *res, struct rejects *rej)
{
	struct tz_import_opts opts = { partial, year, NULL, collect, rej, 0, NULL, NULL, 0, { 0, 0 } };
	struct tz_err err;
	int rc;

	memset(rej, 0, sizeof(*rej));
	tz_err_clear(&err);
	rc = tz_import_file(f->store, kind, path, &opts, res, &err);
	tz_import_result_release(res);
	return rc;
}

static int import(struct fixture *f, enum tz_import_kind kind, const char *path, int partial,
		  struct tz_import_result *res, struct rejects *rej)
{
	return import_year(f, kind, path, partial, 0, res, rej);
}

static char *data_path(const char *rel)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", tz_test_data(), rel);
	return strdup(path);
}

static struct tz_bulletin *bulletin(struct fixture *f, int year, int month, enum tz_bulletin_by by)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ year, month }, by);

	assert_int_equal(tz_store_bulletin(f->store, b, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	return b;
}

/* The sums of a ledger nobody has reported on yet (finish refuses it). */
static struct tz_bulletin *ledger_sums(struct fixture *f, int year, enum tz_bulletin_by by)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ year, 1 }, by);

	assert_int_equal(tz_store_bulletin(f->store, b, NULL), 0);
	assert_int_equal(tz_bulletin_finish(b, NULL), TZ_ENOTFOUND);
	return b;
}

static const struct tz_bulletin_group *group(const struct tz_bulletin *b, const char *key)
{
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		if (!strcmp(tz_bulletin_group_at(b, i)->key, key))
			return tz_bulletin_group_at(b, i);
	return NULL;
}

/* A truth.json float (万元, two decimals) as 0.01 万元. */
static int64_t truth_money(json_t *v)
{
	char text[64];
	int64_t out;

	snprintf(text, sizeof(text), "%.2f", json_real_value(v));
	assert_int_equal(tz_money_parse(text, strlen(text), &out, NULL), 0);
	return out;
}

/*
 * The generator's dirty GBK ledger: the all-or-nothing import refuses
 * exactly the rows truth.json lists and writes nothing; --partial loads
 * the rest; the bulletin then matches truth.json region by region.
 */
static void test_dirty_gbk_ledger_matches_truth(void **state)
{
	struct fixture *f = *state;
	char *projects = data_path("ledger-dirty-gbk/projects.csv");
	char *progress = data_path("ledger-dirty-gbk/progress.csv");
	char *truth_path = data_path("ledger-dirty-gbk/truth.json");
	json_t *truth = json_load_file(truth_path, 0, NULL), *invalid, *regions, *v;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	const char *key;
	size_t i, nproj_bad = 0, nprog_bad = 0;

	assert_non_null(truth);
	invalid = json_object_get(truth, "invalid_rows");
	json_array_foreach(invalid, i, v) {
		if (!strcmp(json_string_value(json_object_get(v, "file")), "projects.csv"))
			nproj_bad++;
		else
			nprog_bad++;
	}

	/* All or nothing: rejected, and the store is still empty. */
	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, projects, 0, &res, &rej), TZ_EREJECTED);
	assert_int_equal(res.rejected, (long)nproj_bad);
	assert_int_equal(rej.n, (int)nproj_bad);
	assert_false(res.committed);
	{
		struct tz_store_summary sum;

		assert_int_equal(tz_store_summary(f->store, &sum, NULL), 0);
		assert_int_equal(sum.projects, 0);
		assert_int_equal(sum.org_nodes, 0);
	}
	/* The title row names the year: 2023年重点项目台账. */
	assert_int_equal(res.year_source, TZ_YEAR_TITLE);
	assert_int_equal(res.year, 2023);

	/* The rejected rows are exactly the listed ones, in file order. */
	json_array_foreach(invalid, i, v) {
		if (i < nproj_bad) {
			assert_string_equal(rej.code[i], json_string_value(json_object_get(v, "code")));
			assert_true(rej.line[i] > 2000);
		}
	}
	assert_non_null(strstr(rej.reason[0], "项目编号为空"));
	assert_non_null(strstr(rej.reason[1], "约一亿"));
	assert_non_null(strstr(rej.reason[2], "超过总投资"));
	assert_non_null(strstr(rej.reason[3], "重复"));

	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, projects, 1, &res, &rej), 0);
	assert_int_equal(res.accepted, json_integer_value(json_object_get(truth, "projects")));
	assert_int_equal(res.added, res.accepted);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, progress, 1, &res, &rej), 0);
	assert_int_equal(res.rejected, (long)nprog_bad);
	assert_string_equal(rej.code[0], "PNOSUCH0001");
	assert_non_null(strstr(rej.reason[0], "不存在"));
	assert_non_null(strstr(rej.reason[1], "2023-13"));

	b = bulletin(f, 2023, 12, TZ_BY_REGION);
	regions = json_object_get(truth, "per_region_last_period_year_to_date");
	assert_int_equal(tz_bulletin_group_count(b), json_object_size(regions));
	json_object_foreach(regions, key, v) {
		const struct tz_bulletin_group *g = group(b, key);

		assert_non_null(g);
		assert_int_equal(g->projects, json_integer_value(json_object_get(v, "projects")));
		assert_int_equal(g->annual, truth_money(json_object_get(v, "annual")));
		assert_int_equal(g->ytd, truth_money(json_object_get(v, "ytd")));
	}
	assert_int_equal(tz_bulletin_totals(b)->annual,
			 truth_money(json_object_get(truth, "city_annual_plan")));
	assert_int_equal(tz_bulletin_totals(b)->total,
			 truth_money(json_object_get(truth, "city_total_investment")));
	tz_bulletin_free(b);

	/* Month by month, the city's completed investment and started count. */
	{
		json_t *per = json_object_get(truth, "per_period");
		int64_t before = 0;

		for (int m = 1; m <= 12; m++) {
			char period[8];
			json_t *pp;

			snprintf(period, sizeof(period), "2023-%02d", m);
			pp = json_object_get(per, period);
			b = bulletin(f, 2023, m, TZ_BY_LEVEL);
			assert_int_equal(tz_bulletin_totals(b)->ytd - before,
					 truth_money(json_object_get(pp, "completed")));
			assert_int_equal(tz_bulletin_totals(b)->started,
					 json_integer_value(json_object_get(pp, "started")));
			before = tz_bulletin_totals(b)->ytd;
			tz_bulletin_free(b);
		}
	}
	json_decref(truth);
	free(projects);
	free(progress);
	free(truth_path);
}

/*
 * Yearly ledgers (a 年度 column) in UTF-8 with a BOM: the bulletin of
 * every year's last period uses that year's ledger and plans, and
 * matches truth.json's per_year_region to the 0.01 万元.
 */
static void test_yearly_ledgers_match_truth_every_year(void **state)
{
	struct fixture *f = *state;
	char *projects = data_path("ledger-yearly-bom/projects.csv");
	char *progress = data_path("ledger-yearly-bom/progress.csv");
	char *truth_path = data_path("ledger-yearly-bom/truth.json");
	json_t *truth = json_load_file(truth_path, 0, NULL), *years, *y, *v;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	const char *year, *key;
	int nyears = 0;

	assert_non_null(truth);
	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, projects, 0, &res, &rej), 0);
	assert_int_equal(res.year_source, TZ_YEAR_COLUMN);
	assert_int_equal(res.accepted, 624);
	assert_int_equal(res.added, 624);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, progress, 0, &res, &rej), 0);
	assert_int_equal(res.rejected, 0);
	years = json_object_get(truth, "per_year_region");
	json_object_foreach(years, year, y) {
		const char *period = json_string_value(json_object_get(y, "period"));
		json_t *regions = json_object_get(y, "regions");

		b = bulletin(f, (int)strtol(period, NULL, 10), (int)strtol(period + 5, NULL, 10),
			    TZ_BY_REGION);
		assert_int_equal(tz_bulletin_group_count(b), json_object_size(regions));
		json_object_foreach(regions, key, v) {
			const struct tz_bulletin_group *g = group(b, key);

			assert_non_null(g);
			assert_int_equal(g->projects, json_integer_value(json_object_get(v, "projects")));
			assert_int_equal(g->annual, truth_money(json_object_get(v, "annual")));
			assert_int_equal(g->ytd, truth_money(json_object_get(v, "ytd")));
		}
		tz_bulletin_free(b);
		nyears++;
	}
	assert_int_equal(nyears, 3);
	json_decref(truth);
	free(projects);
	free(progress);
	free(truth_path);
}

/* A dry run of `path` (import.h: rolled back, counts filled). */
static int dry_run(struct fixture *f, enum tz_import_kind kind, const char *path,
		   struct tz_import_result *res)
{
	struct tz_import_opts opts = { 0, 0, NULL, NULL, NULL, 1, NULL, NULL, 0, { 0, 0 } };
	int rc = tz_import_file(f->store, kind, path, &opts, res, NULL);

	tz_import_result_release(res);
	return rc;
}

static void expect_counts(const struct tz_import_result *res, long added, long replaced,
			  long unchanged)
{
	assert_int_equal(res->added, added);
	assert_int_equal(res->replaced, replaced);
	assert_int_equal(res->unchanged, unchanged);
}

/*
 * Sending the same sheets again: every row of the yearly ledgers and of
 * the reports is unchanged -- in a dry run and in the import -- and the
 * bulletins are as they were.
 */
static void test_reimport_is_unchanged(void **state)
{
	struct fixture *f = *state;
	char *projects = data_path("ledger-yearly-bom/projects.csv");
	char *progress = data_path("ledger-yearly-bom/progress.csv");
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	int64_t ytd, version, v;
	long reports;

	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, projects, 0, &res, &rej), 0);
	expect_counts(&res, 624, 0, 0);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, progress, 0, &res, &rej), 0);
	reports = res.accepted;
	expect_counts(&res, reports, 0, 0);
	b = bulletin(f, 2025, 9, TZ_BY_REGION);
	ytd = tz_bulletin_totals(b)->ytd;
	tz_bulletin_free(b);
	assert_int_equal(tz_store_version(f->store, &version, NULL), 0);

	assert_int_equal(dry_run(f, TZ_IMPORT_PROJECTS, projects, &res), 0);
	expect_counts(&res, 0, 0, 624);
	assert_int_equal(dry_run(f, TZ_IMPORT_PROGRESS, progress, &res), 0);
	expect_counts(&res, 0, 0, reports);
	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, projects, 0, &res, &rej), 0);
	assert_true(res.committed);
	expect_counts(&res, 0, 0, 624);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, progress, 0, &res, &rej), 0);
	expect_counts(&res, 0, 0, reports);
	assert_int_equal(tz_store_version(f->store, &v, NULL), 0);
	assert_int_equal(v, version);
	b = bulletin(f, 2025, 9, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_totals(b)->ytd, ytd);
	tz_bulletin_free(b);
	free(projects);
	free(progress);
}

/*
 * New, corrected and unchanged rows in one file, for ledgers and for
 * reports: each counted as what it is, in the dry run as in the import.
 */
static void test_new_corrected_and_unchanged_rows(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	char *p = tz_test_write(f->dir, "p.csv",
		"项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元),包联领导\n"
		"A,甲,东区,1000,100,王某\nB,乙,西区,2000,200,李某\nC,丙,西区,3000,300,赵某\n");
	/* A as it is, B's plan corrected, C's leader corrected, D new. */
	char *p2 = tz_test_write(f->dir, "p2.csv",
		"项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元),包联领导\n"
		"A,甲,东区,1000,100,王某\nB,乙,西区,2000,250,李某\nC,丙,西区,3000,300,钱某\n"
		"D,丁,东区,500,50,王某\n");
	char *r = tz_test_write(f->dir, "r.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题\n"
		"A,2025-01,10,已开工,主体施工,\nA,2025-02,20,已开工,主体施工,\n"
		"B,2025-01,5,未开工,,用地未落实\n");
	/* A's January as it is, A's February corrected, B's problem solved,
	 * A's March new; B first, so A's rows are a second run. */
	char *r2 = tz_test_write(f->dir, "r2.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题\n"
		"B,2025-01,5,未开工,,\n"
		"A,2025-02,25,已开工,主体施工,\nA,2025-01,10,已开工,主体施工,\n"
		"A,2025-03,30,已开工,主体施工,\n");

	(void)state;
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, p, 0, 2025, &res, &rej), 0);
	expect_counts(&res, 3, 0, 0);
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, p, 0, 2025, &res, &rej), 0);
	expect_counts(&res, 0, 0, 3);
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, p2, 0, 2025, &res, &rej), 0);
	expect_counts(&res, 1, 2, 1);

	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, r, 0, &res, &rej), 0);
	expect_counts(&res, 3, 0, 0);
	assert_int_equal(dry_run(f, TZ_IMPORT_PROGRESS, r2, &res), 0);
	expect_counts(&res, 1, 2, 1);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, r2, 0, &res, &rej), 0);
	expect_counts(&res, 1, 2, 1);
	b = bulletin(f, 2025, 3, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_totals(b)->ytd, 7000);  /* A's 10 + 25 + 30, B's 5 万元 */
	assert_int_equal(tz_bulletin_totals(b)->annual, 10000 + 25000 + 30000 + 5000);
	tz_bulletin_free(b);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, r2, 0, &res, &rej), 0);
	expect_counts(&res, 0, 0, 4);
	free(p);
	free(p2);
	free(r);
	free(r2);
}

/* Headers as people write them: full-width brackets, no unit, units in
 * 亿元 that scale the column, a title row and blank lines. */
static void test_header_variants_and_units(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	char *path = tz_test_write(f->dir, "variants.csv",
		"２０２５年重点项目台账\n"
		",,,\n"
		"\n"
		" 项目编号 ,项目名称,所属地区,总投资（亿元）,2025年计划投资（万元）,备注\n"
		"V1,一号,甲区,1.5,3000,x\n"
		"V2,二号,甲区,２．０,\"1,200.50\",\n"
		"V3,三号,乙区,0.3,800元,\n");

	(void)state;
	assert_int_equal(import(f, TZ_IMPORT_PROJECTS, path, 0, &res, &rej), 0);
	assert_int_equal(res.accepted, 3);
	b = ledger_sums(f, 2025, TZ_BY_REGION);
	/* 1.5 亿元 + 2.0 亿元 = 35000 万元; plans in 万元 as the header says
	 * (a plain plan header beside 总投资（亿元） is refused: audit 9, W2). */
	assert_int_equal(group(b, "甲区")->total, 3500000);
	assert_int_equal(group(b, "甲区")->annual, 300000 + 120050);
	assert_int_equal(group(b, "乙区")->total, 300000);
	assert_int_equal(group(b, "乙区")->annual, 8);
	tz_bulletin_free(b);
	free(path);
}

static void test_missing_required_column_is_named(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct tz_import_opts opts = { 0, 2025, NULL, NULL, NULL, 0, NULL, NULL, 0, { 0, 0 } };
	struct tz_err err;
	char *path = tz_test_write(f->dir, "nototal.csv",
				   "项目编号,项目名称,所属地区,项目类别\nA,甲,乙,丙\n");

	tz_err_clear(&err);
	assert_int_equal(tz_import_file(f->store, TZ_IMPORT_PROJECTS, path, &opts, &res, &err),
			 TZ_EINVAL);
	assert_non_null(strstr(err.msg, "总投资(万元)"));
	assert_non_null(strstr(err.file, "nototal.csv"));
	free(path);
	path = tz_test_write(f->dir, "noheader.csv", "a,b,c\n1,2,3\n");
	tz_err_clear(&err);
	assert_int_equal(tz_import_file(f->store, TZ_IMPORT_PROJECTS, path, &opts, &res, &err),
			 TZ_ENOTFOUND);
	assert_non_null(strstr(err.msg, "表头"));
	free(path);
}

static const char projects_csv[] =
	"项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n"
	"A,甲,东区,1000,100\n"
	"B,乙,西区,2000,200\n";

/*
 * A file that breaks half-way (bad bytes at line 4) or has a bad row
 * leaves the store exactly as it was; a correction replaces, never adds.
 */
static void test_failure_half_way_leaves_store_unchanged(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	char *p = tz_test_write(f->dir, "p.csv", projects_csv);
	char *good = tz_test_write(f->dir, "good.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\n"
		"A,2025-01,10,已开工\nA,2025-02,20,已开工\nB,2025-01,5,未开工\n");
	char *broken = tz_test_write(f->dir, "broken.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\n"
		"A,2025-03,30,已开工\nB,2025-02,40,已开工\nB,2025-03,\xff\xfe\x80,已开工\n");
	char *badrow = tz_test_write(f->dir, "badrow.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\n"
		"A,2025-03,30,已开工\nB,2025-02,-40,已开工\n");
	char *fix = tz_test_write(f->dir, "fix.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\nA,2025-02,25,已复工\n");

	(void)state;
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, p, 0, 2025, &res, &rej), 0);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, good, 0, &res, &rej), 0);
	assert_int_equal(res.added, 3);

	assert_int_not_equal(import(f, TZ_IMPORT_PROGRESS, broken, 0, &res, &rej), 0);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, badrow, 0, &res, &rej), TZ_EREJECTED);
	assert_int_equal(rej.n, 1);
	assert_int_equal(rej.line[0], 3);
	assert_string_equal(rej.code[0], "B");
	assert_non_null(strstr(rej.reason[0], "负数"));
	b = bulletin(f, 2025, 2, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_totals(b)->ytd, 3500); /* 10 + 20 + 5 万元 */
	assert_int_equal(tz_bulletin_totals(b)->started, 1);
	tz_bulletin_free(b);

	/* A correction of A's February: replaced, so 10 + 25 + 5. */
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, fix, 0, &res, &rej), 0);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.replaced, 1);
	b = bulletin(f, 2025, 2, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_totals(b)->ytd, 4000);
	tz_bulletin_free(b);
	b = bulletin(f, 2025, 1, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_totals(b)->ytd, 1500);
	tz_bulletin_free(b);
	free(p);
	free(good);
	free(broken);
	free(badrow);
	free(fix);
}

/* Duplicates inside one file are rejected, even far apart. */
static void test_duplicates_in_one_file(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct rejects rej;
	char *p = tz_test_write(f->dir, "p.csv", projects_csv);
	char *dup = tz_test_write(f->dir, "dup.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\n"
		"A,2025-01,10,已开工\nA,2025-01,11,已开工\n"
		"B,2025-01,5,已开工\nA,2025-02,1,已开工\nA,2025-01,12,已开工\n");
	char *pdup = tz_test_write(f->dir, "pdup.csv",
		"项目编号,项目名称,所属地区,总投资(万元)\nC,丙,东区,1\nC,丙,东区,2\n");

	(void)state;
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, p, 0, 2025, &res, &rej), 0);
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, dup, 1, &res, &rej), 0);
	assert_int_equal(res.accepted, 3);
	assert_int_equal(rej.n, 2);
	assert_int_equal(rej.line[0], 3);
	assert_int_equal(rej.line[1], 6); /* A again after B: still caught */
	assert_non_null(strstr(rej.reason[1], "重复"));
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, pdup, 0, 2025, &res, &rej), TZ_EREJECTED);
	assert_int_equal(rej.line[0], 3);
	free(p);
	free(dup);
	free(pdup);
}

/*
 * A row whose name is a total is skipped and counted whatever it carries
 * (a region, amounts, a code): never a project counted twice. Names that
 * merely hold the characters (综合计量检测中心) are projects.
 */
static void test_total_rows_are_never_projects(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct tz_import_opts opts = { 0, 2025, NULL, NULL, NULL, 0, NULL, NULL, 0, { 0, 0 } };
	struct tz_err err;
	struct tz_bulletin *b;
	char *path = tz_test_write(f->dir, "totals.csv",
		"序号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n"
		"1,临港大道,站前区,100,50\n"
		",其中：一期,站前区,60,30\n"
		"2,综合计量检测中心,站前区,200,100\n"
		",站前区小计,站前区,300,150\n"
		",小  计,站前区,300,150\n"
		",小\xe3\x80\x80计,站前区,300,150\n"
		",合计（2个）,站前区,300,150\n"
		",本页合計,站前区,300,150\n"
		",以上合计,站前区,300,150\n"
		",总计：,站前区,300,150\n");
	char *coded = tz_test_write(f->dir, "coded.csv",
		"项目编号,项目名称,所属地区,总投资(万元)\n"
		"E1,会计服务中心,站前区,10\n"
		"E9,站前区合计,站前区,10\n");

	tz_err_clear(&err);
	assert_int_equal(tz_import_file(f->store, TZ_IMPORT_PROJECTS, path, &opts, &res, &err), 0);
	assert_int_equal(res.accepted, 2);
	assert_int_equal(res.skipped_totals, 7);
	/* 其中：一期 (60/30 under 100/50) is 临港大道's part (audit 8). */
	assert_int_equal(res.skipped_sections, 0);
	assert_int_equal(res.skipped_parts, 1);
	tz_import_result_release(&res);
	assert_int_equal(tz_import_file(f->store, TZ_IMPORT_PROJECTS, coded, &opts, &res, &err), 0);
	assert_int_equal(res.accepted, 1);
	assert_int_equal(res.skipped_totals, 1);
	tz_import_result_release(&res);
	b = ledger_sums(f, 2025, TZ_BY_REGION);
	/* 临港大道 100, 综合计量检测中心 200, 会计服务中心 10 万元. */
	assert_int_equal(group(b, "站前区")->projects, 3);
	assert_int_equal(group(b, "站前区")->total, 31000);
	tz_bulletin_free(b);
	free(path);
	free(coded);
}

/*
 * A code written with full-width digits or invisible characters is the
 * code it shows: a correction of the same project in a ledger, the same
 * project in a report; folded codes and invisible characters anywhere in
 * a cell (names and regions too, at their ends too) are counted.
 */
static void test_codes_as_typed_are_one_project(void **state)
{
	struct fixture *f = *state;
	struct tz_import_result res;
	struct rejects rej;
	struct tz_bulletin *b;
	char *base = tz_test_write(f->dir, "base.csv",
		"项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n"
		"P20250001,临港大道,站前区,1000,500\n"
		"P20250002,疏港铁路,站前区,2000,600\n");
	char *again = tz_test_write(f->dir, "again.csv",
		"项目编号,项目名称,所属地区,总投资(万元),年度计划投资(万元)\n"
		"P2025０００１,临港大道\xe2\x80\x8b,站前区\xef\xbb\xbf,1000,800\n"
		"\xe2\x80\x8bＰ20250002\xc2\xad,疏港铁路,站前区,2000,600\n");
	char *reports = tz_test_write(f->dir, "reports.csv",
		"项目编号,调度期,本期完成投资(万元),开工状态\n"
		"Ｐ２０２５０００１,2025-01,100,已开工\n"
		"P2025\xe2\x81\xa0" "0002,2025-01,50,已开工\n");

	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, base, 0, 2025, &res, &rej), 0);
	assert_int_equal(import_year(f, TZ_IMPORT_PROJECTS, again, 0, 2025, &res, &rej), 0);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.replaced, 1);   /* P20250001: its plan 500 → 800 */
	assert_int_equal(res.unchanged, 1);  /* P20250002 as stored, typed otherwise */
	assert_int_equal(res.folded, 2);
	assert_int_equal(res.invisible, 3);  /* a name, a region, a code */
	assert_int_equal(import(f, TZ_IMPORT_PROGRESS, reports, 0, &res, &rej), 0);
	assert_int_equal(res.accepted, 2);
	b = bulletin(f, 2025, 1, TZ_BY_REGION);
	assert_int_equal(group(b, "站前区")->projects, 2);
	assert_int_equal(group(b, "站前区")->total, 300000);
	assert_int_equal(group(b, "站前区")->annual, 140000);  /* 800 + 600, corrected */
	assert_int_equal(group(b, "站前区")->ytd, 15000);
	tz_bulletin_free(b);
	free(base);
	free(again);
	free(reports);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dirty_gbk_ledger_matches_truth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_yearly_ledgers_match_truth_every_year, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reimport_is_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_corrected_and_unchanged_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_variants_and_units, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_required_column_is_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_half_way_leaves_store_unchanged, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_duplicates_in_one_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_total_rows_are_never_projects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_codes_as_typed_are_one_project, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
