/*
 * test-import-dryrun.c: the import's dry run (import.h, `dry_run`) and
 * its audit row (`who`): a dry run reports what the import would do --
 * rows, rejected rows, skipped rows, unread columns, organisation nodes
 * and codes it would make -- and leaves the store exactly as it was; the
 * real import that follows makes the same nodes and codes; an audited
 * import leaves its audit row only when it commits.
 */
#include "tz-test.h"

#include "base/arena.h"
#include "intake/import.h"
#include "store/store.h"

struct rejects {
	int n;
	long line[16];
	char reason[16][256];
};

static void collect(void *ctx, const struct tz_import_reject *rej)
{
	struct rejects *r = ctx;

	if (r->n < 16) {
		r->line[r->n] = rej->line;
		snprintf(r->reason[r->n], sizeof(r->reason[0]), "%s", rej->reason);
	}
	r->n++;
}

/* A published list: no codes, a total row, a note, a column nobody reads. */
static const char list_csv[] =
	"2025年重点项目名单\n"
	"序号,项目名称,所属地区,总投资(万元),年度计划投资(万元),备注栏\n"
	"1,港区物流园,东区,1000,300,x\n"
	"2,滨海大道,西区,2000,500,y\n"
	"3,东区水厂,东区,800,200,z\n"
	"合计,,,3800,1000,\n"
	"注：金额单位为万元\n";

static void summary(struct tz_store *s, struct tz_store_summary *out)
{
	assert_int_equal(tz_store_summary(s, out, NULL), 0);
}

static void test_dry_run_writes_nothing(void **state)
{
	struct tz_import_opts opts = { 0, 0, NULL, collect, NULL, 1, NULL, NULL, 0, { 0, 0 } };
	struct tz_import_result res;
	struct tz_store_summary before, after;
	struct rejects rej = { 0 };
	struct tz_store *s;
	struct tz_err err;
	int64_t v0, v1;
	char *dir = tz_test_tmpdir(), path[4096], *list, *dry_codes, *dry_org;

	(void)state;
	opts.ctx = &rej;
	snprintf(path, sizeof(path), "%s/d.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	list = tz_test_write(dir, "list.csv", list_csv);
	summary(s, &before);
	assert_int_equal(tz_store_version(s, &v0, NULL), 0);

	/* The dry run tells everything... */
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROJECTS, list, &opts, &res, &err), 0);
	assert_int_equal(res.committed, 0);
	assert_int_equal(res.rows, 3);
	assert_int_equal(res.accepted, 3);
	assert_int_equal(res.rejected, 0);
	assert_int_equal(res.added, 3);  /* what the import would add */
	assert_int_equal(res.replaced + res.unchanged, 0);
	assert_int_equal(res.skipped_totals, 1);
	assert_int_equal(res.skipped_notes, 1);
	assert_int_equal(res.year, 2025);
	assert_non_null(strstr(res.unread, "备注栏"));
	assert_int_equal(res.codes_given, 3);
	assert_non_null(strstr(res.codes_given_list, "港区物流园（东区）"));
	assert_true(res.org_created >= 2);
	assert_non_null(strstr(res.org_created_names, "东区"));
	dry_codes = strdup(res.codes_given_list);
	dry_org = strdup(res.org_created_names);
	tz_import_result_release(&res);

	/* ...and writes nothing: no project, no node, no version change. */
	summary(s, &after);
	assert_int_equal(after.projects, before.projects);
	assert_int_equal(after.org_nodes, 0);
	assert_int_equal(tz_store_version(s, &v1, NULL), 0);
	assert_int_equal(v1, v0);

	/* The import itself makes exactly what the dry run showed. */
	opts.dry_run = 0;
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROJECTS, list, &opts, &res, &err), 0);
	assert_int_equal(res.committed, 1);
	assert_int_equal(res.added, 3);
	assert_string_equal(res.codes_given_list, dry_codes);
	assert_string_equal(res.org_created_names, dry_org);
	tz_import_result_release(&res);
	summary(s, &after);
	assert_int_equal(after.projects, 3);
	free(dry_codes);
	free(dry_org);
	free(list);
	tz_store_close(s);
	tz_test_rmtree(dir);
}

/* Reports with one bad row: the dry run lists it and writes nothing, with
 * or without `partial`; an audited import leaves its row only if it
 * commits. */
static void test_dry_run_rejects_and_audit(void **state)
{
	struct tz_actor who = { 0, "10.1.2.3", 1760000000 };
	struct tz_import_opts opts = { 0, 2025, NULL, collect, NULL, 1, NULL, NULL, 0, { 0, 0 } };
	struct tz_import_result res;
	struct tz_store_summary after;
	struct rejects rej = { 0 };
	struct tz_audit_query q = { 0 };
	struct tz_audit_entry *e;
	struct tz_arena *a = tz_arena_new();
	struct tz_store *s;
	struct tz_err err;
	size_t n;
	char *dir = tz_test_tmpdir(), path[4096], *ledger, *reports;

	(void)state;
	opts.ctx = &rej;
	snprintf(path, sizeof(path), "%s/d.db", dir);
	assert_int_equal(tz_store_open(&s, path, TZ_STORE_CREATE, NULL, NULL), 0);
	ledger = tz_test_write(dir, "l.csv", "项目编号,项目名称,所属地区,总投资(万元)\n"
					     "A,甲,东区,100\nB,乙,西区,200\n");
	reports = tz_test_write(dir, "r.csv", "项目编号,调度期,本期完成投资(万元),开工状态\n"
					      "A,2025-01,10,已开工\nB,2025-01,约一亿,已开工\n"
					      "Z,2025-01,1,已开工\n");
	opts.dry_run = 0;
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROJECTS, ledger, &opts, &res, &err), 0);
	tz_import_result_release(&res);

	opts.dry_run = 1;
	opts.year = 0;
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROGRESS, reports, &opts, &res, &err),
			 TZ_EREJECTED);
	assert_int_equal(res.rejected, 2);
	assert_int_equal(res.accepted, 1);
	assert_int_equal(rej.n, 2);
	assert_int_equal(rej.line[0], 3);
	assert_non_null(strstr(rej.reason[0], "约一亿"));
	assert_int_equal(rej.line[1], 4);  /* an unknown project, found against the store */
	tz_import_result_release(&res);
	rej.n = 0;
	opts.partial = 1;
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROGRESS, reports, &opts, &res, &err), 0);
	assert_int_equal(res.accepted, 1);
	assert_int_equal(res.committed, 0);
	tz_import_result_release(&res);
	summary(s, &after);
	assert_int_equal(after.reports, 0);

	/* Audited: refused (all or nothing) leaves no row; committed leaves one. */
	opts.dry_run = 0;
	opts.partial = 0;
	opts.who = &who;
	opts.audit_name = "三月调度.csv";
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROGRESS, reports, &opts, &res, &err),
			 TZ_EREJECTED);
	tz_import_result_release(&res);
	q.all = 1;
	q.action = "import.";
	assert_int_equal(tz_store_audit_list(s, &q, a, &e, &n, NULL, NULL), 0);
	assert_int_equal(n, 0);
	opts.partial = 1;
	assert_int_equal(tz_import_file(s, TZ_IMPORT_PROGRESS, reports, &opts, &res, &err), 0);
	tz_import_result_release(&res);
	assert_int_equal(tz_store_audit_list(s, &q, a, &e, &n, NULL, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(e[0].action, "import.progress");
	assert_string_equal(e[0].object, "file:三月调度.csv");
	assert_string_equal(e[0].origin, "10.1.2.3");
	assert_string_equal(e[0].new_value, "{\"rows\":3,\"accepted\":1,\"rejected\":2,"
				"\"org_created\":0,\"codes_given\":0,\"partial\":true}");
	summary(s, &after);
	assert_int_equal(after.reports, 1);
	tz_arena_free(a);
	free(ledger);
	free(reports);
	tz_store_close(s);
	tz_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dry_run_writes_nothing),
		cmocka_unit_test(test_dry_run_rejects_and_audit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
