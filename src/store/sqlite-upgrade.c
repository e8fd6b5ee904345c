/*
 * sqlite-upgrade.c: `taizhang init` on a database of schema 1, where a
 * project had one 年度计划投资 (ledger.md, "The ledger is kept by year").
 *
 * In one transaction, nothing lost:
 *  - the organisation tree is built from the regions and units the
 *    projects name (as the first import of a new database would);
 *  - each project's one plan becomes the plan of the year of its latest
 *    report, else of its planned start, else of the year it was
 *    imported; the other years with reports get ledger rows without a
 *    plan; level and nature go to every ledger row of the project;
 *  - reports are kept, moved into their year rows as schema 3 stores
 *    them (tz_sqlite_progress_upgrade, below); the running totals are
 *    recomputed (they now also record which months were reported).
 *
 * `taizhang init` on a database of schema 2 moves its reports the same
 * way (tz_sqlite_upgrade2) and keeps everything else as it is.
 *
 * And on every `init` of a database of any schema: project codes stored
 * full-width by earlier versions are folded (tz_sqlite_fold_codes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hmap.h"
#include "base/xalloc.h"
#include "core/project.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

/* Map every distinct name in `column` of project_v1 to a node of `want`,
 * creating nodes; rows go to the temp table org_map(raw, id). */
static int map_names(struct sqlite_store *ss, struct tz_org_index *x, const char *column,
		     enum tz_org_want want, struct tz_store_upgrade *up, struct tz_err *err)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	char sql[160];
	int rc;

	snprintf(sql, sizeof(sql), "SELECT DISTINCT %s FROM project_v1 WHERE %s <> '' ORDER BY %s",
		 column, column, column);
	if ((rc = tz_sqlite_prepare(ss, sql, &sel, err)) ||
	    (rc = tz_sqlite_prepare(ss, "INSERT OR REPLACE INTO temp.org_map VALUES(?1, ?2, ?3)", &ins,
				    err)))
		goto out;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *raw = tz_sqlite_text(sel, 0);
		const struct tz_org_node *n = tz_org_index_find(x, raw, strlen(raw), want);
		int64_t id;

		if (!n) {
			struct tz_org_node node = { 0 };
			char code[TZ_ORG_CODE_MAX + 1];

			node.kind = want == TZ_ORG_WANT_REGION ? tz_org_kind_guess(raw) : TZ_ORG_DEPARTMENT;
			node.code = tz_org_index_new_code(x, node.kind, code);
			node.name = raw;
			node.parent = tz_org_index_root(x)->code;
			node.aliases = "";
			if ((rc = tz_org_index_add(x, &node, err)) ||
			    (rc = tz_sqlite_org_insert(ss, &node, &id, err)))
				goto out;
			tz_org_index_set_id(x, node.code, id);
			up->org_nodes++;
		} else {
			id = n->id;
		}
		sqlite3_bind_text(ins, 1, column, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, raw, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 3, id);
		if ((rc = tz_sqlite_step(ss, ins, err)))
			goto out;
	}
	rc = rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "upgrade names");
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc;
}

static int build_tree(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err)
{
	struct tz_org_index *x = tz_org_index_new();
	struct tz_org_node root = { 0, "C", "全市", "", TZ_ORG_CITY, "" };
	int rc;

	if ((rc = tz_sqlite_exec(ss, "CREATE TEMP TABLE org_map(col TEXT, raw TEXT, id INTEGER,"
				 " PRIMARY KEY(col, raw))", err)) ||
	    (rc = tz_org_index_add(x, &root, err)) ||
	    (rc = tz_sqlite_org_insert(ss, &root, &root.id, err)))
		goto out;
	tz_org_index_set_id(x, root.code, root.id);
	up->org_nodes++;
	if ((rc = map_names(ss, x, "region", TZ_ORG_WANT_REGION, up, err)) ||
	    (rc = map_names(ss, x, "unit", TZ_ORG_WANT_UNIT, up, err)))
		goto out;
out:
	tz_org_index_free(x);
	return rc;
}

static const char copy_sql[] =
	"INSERT INTO import_batch(id, kind, source, started_at, accepted)"
	" SELECT id, kind, source, started_at, accepted FROM import_batch_v1;\n"
	"INSERT INTO project(id, code, name, region_id, category, owner, leader, unit_id, years,"
	" stage, total, planned_start, batch)"
	" SELECT p.id, p.code, p.name, r.id, p.category, p.owner, p.leader, u.id, p.years, '',"
	" p.total, p.planned_start, p.batch FROM project_v1 p"
	" JOIN temp.org_map r ON r.col = 'region' AND r.raw = p.region"
	" LEFT JOIN temp.org_map u ON u.col = 'unit' AND u.raw = p.unit;\n"
	"UPDATE project SET leader_key = " TZ_SQLITE_LEADER_KEY_SQL ";\n"
	/* The plan's year: the latest report's, else the planned start's,
	 * else the import's. */
	"CREATE TEMP TABLE plan_year AS SELECT p.id AS id, coalesce("
	"  (SELECT max(period) / 100 FROM progress WHERE project_id = p.id),"
	"  p.planned_start / 100,"
	"  (SELECT CAST(strftime('%Y', started_at) AS INTEGER) FROM import_batch_v1 WHERE id = p.batch))"
	"  AS year FROM project_v1 p;\n"
	"INSERT INTO ledger(year, project_id, annual, level, nature, batch)"
	" SELECT y.year, p.id, p.annual, p.level, p.nature, p.batch"
	" FROM project_v1 p JOIN temp.plan_year y ON y.id = p.id;\n"
	"INSERT INTO ledger(year, project_id, annual, level, nature, batch)"
	" SELECT DISTINCT r.period / 100, p.id, NULL, p.level, p.nature, p.batch"
	" FROM progress r JOIN project_v1 p ON p.id = r.project_id"
	" JOIN temp.plan_year y ON y.id = p.id WHERE r.period / 100 <> y.year;\n"
	"DROP TABLE project_v1;\n"
	"DROP TABLE import_batch_v1;\n"
	"DROP TABLE temp.org_map;\n"
	"DROP TABLE temp.plan_year;\n";

int tz_sqlite_upgrade(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	int64_t n, violations;
	int rc;

	up->from_version = 1;
	up->to_version = TZ_SQLITE_SCHEMA_VERSION;
	/* Foreign keys are off while tables are swapped; renaming must not
	 * rewrite the references progress makes to "project". */
	if ((rc = tz_sqlite_exec(ss, "PRAGMA foreign_keys=OFF; PRAGMA legacy_alter_table=ON;", err)) ||
	    (rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		return rc;
	tz_buf_adds(&sql, "ALTER TABLE project RENAME TO project_v1;\n"
			  "ALTER TABLE import_batch RENAME TO import_batch_v1;\n"
			  "DROP TABLE project_year;\n");
	tz_sqlite_schema_sql(&sql, 0);
	if ((rc = tz_sqlite_exec(ss, sql.buf, err)) || (rc = build_tree(ss, up, err)) ||
	    (rc = tz_sqlite_exec(ss, copy_sql, err)) || (rc = tz_sqlite_progress_upgrade(ss, err)) ||
	    (rc = tz_sqlite_years_rebuild(ss, NULL, 0, 0, err)))
		goto fail;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM project", &n, err)))
		goto fail;
	up->projects = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM ledger", &n, err)))
		goto fail;
	up->ledger_rows = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM ledger WHERE annual IS NULL", &n, err)))
		goto fail;
	up->unplanned_rows = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM pragma_foreign_key_check", &violations,
				      err)))
		goto fail;
	if (violations) {
		rc = tz_err_set(err, TZ_ESTORE, "升级后有%lld处引用不一致，已撤销升级",
				(long long)violations);
		goto fail;
	}
	if ((rc = tz_sqlite_exec(ss, "COMMIT", err)))
		goto fail;
	tz_buf_release(&sql);
	return tz_sqlite_exec(ss, "PRAGMA legacy_alter_table=OFF; PRAGMA foreign_keys=ON;", err);
fail:
	tz_sqlite_exec(ss, "ROLLBACK", NULL);
	tz_sqlite_exec(ss, "PRAGMA legacy_alter_table=OFF; PRAGMA foreign_keys=ON;", NULL);
	tz_buf_release(&sql);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Schema 2 to 3: the reports by project and year                      */

int tz_sqlite_progress_upgrade(struct sqlite_store *ss, struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	static const char *const col[] = { "completed", "status", "progress_text", "problem", "batch" };
	int rc;

	tz_buf_adds(&sql, "ALTER TABLE progress RENAME TO progress_v2;\n");
	tz_sqlite_progress_sql(&sql);
	/* One group per project and year; each month's columns from its
	 * one report (max() of a single non-NULL value), NULL without. */
	tz_buf_adds(&sql, "INSERT INTO progress_year(project_id, year");
	tz_sqlite_month_cols(&sql, "", "cstpb", 0);
	tz_buf_adds(&sql, ") SELECT project_id, period / 100");
	for (int m = 1; m <= 12; m++)
		for (int c = 0; c < 5; c++)
			tz_buf_addf(&sql, ", max(CASE period %% 100 WHEN %d THEN %s END)", m, col[c]);
	tz_buf_adds(&sql, " FROM progress_v2 GROUP BY project_id, period / 100;\n"
			  "DROP TABLE progress_v2;\n");
	rc = tz_sqlite_exec(ss, sql.buf, err);
	tz_buf_release(&sql);
	return rc;
}

int tz_sqlite_upgrade2(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err)
{
	int64_t before, after, violations;
	int rc;

	/* The columns schema 2 gained after its release, each in its own
	 * transaction (they leave the version at 2). */
	if ((rc = tz_sqlite_natcode_upgrade(ss, err)) || (rc = tz_sqlite_leader_upgrade(ss, err)))
		return rc;
	if ((rc = tz_sqlite_exec(ss, "PRAGMA foreign_keys=OFF", err)) ||
	    (rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		goto out;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM progress", &before, err)) ||
	    (rc = tz_sqlite_progress_upgrade(ss, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM progress", &after, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM pragma_foreign_key_check",
				      &violations, err)))
		goto fail;
	if (before != after || violations) {
		rc = tz_err_set(err, TZ_ESTORE, "升级后调度记录%lld条（升级前%lld条）、引用不一致%lld处，"
				"已撤销升级", (long long)after, (long long)before, (long long)violations);
		goto fail;
	}
	if ((rc = tz_sqlite_exec(ss, "PRAGMA user_version=3", err)) ||
	    (rc = tz_sqlite_exec(ss, "COMMIT", err)))
		goto fail;
	up->from_version = 2;
	up->to_version = TZ_SQLITE_SCHEMA_VERSION;
	up->reports = (long)after;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM project", &before, err)))
		goto out;
	up->projects = (long)before;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM ledger", &before, err)))
		goto out;
	up->ledger_rows = (long)before;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM ledger WHERE annual IS NULL", &before,
				      err)))
		goto out;
	up->unplanned_rows = (long)before;
	goto out;
fail:
	tz_sqlite_exec(ss, "ROLLBACK", NULL);
out:
	tz_sqlite_exec(ss, "PRAGMA foreign_keys=ON", NULL);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Codes stored full-width                                             */

struct folded_code {
	int64_t id;
	char *old, *new;
};

static void add_clash(struct tz_buf *clashes, long *n, const char *a, const char *b,
		      const char *code)
{
	if (++*n <= 10)
		tz_buf_addf(clashes, "%s“%s”与“%s”（都是%s）", clashes->len ? "；" : "", a, b, code);
}

int tz_sqlite_fold_codes(struct sqlite_store *ss, struct tz_store_upgrade *up, struct tz_err *err)
{
	sqlite3_stmt *sel = NULL, *other = NULL, *upd = NULL;
	struct folded_code *f = NULL;
	size_t n = 0, alloc = 0;
	struct tz_hmap *seen = tz_hmap_new();
	struct tz_buf code = TZ_BUF_INIT, clashes = TZ_BUF_INIT;
	long nclash = 0;
	int rc, open = 0;

	/* Codes are ASCII but for the rare one: only those are looked at. */
	if ((rc = tz_sqlite_prepare(ss, "SELECT id, code FROM project WHERE code GLOB '*[^!-~]*'"
				    " ORDER BY id", &sel, err)) ||
	    (rc = tz_sqlite_prepare(ss, "SELECT code FROM project WHERE code = ?1 AND id <> ?2",
				    &other, err)))
		goto out;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *old = tz_sqlite_text(sel, 1);
		int how = 0;

		if (tz_project_code_fold(old, strlen(old), &code, &how) || !strcmp(code.buf, old))
			continue;  /* not UTF-8, or nothing to fold: kept as it is */
		TZ_ALLOC_GROW(f, n + 1, alloc);
		f[n].id = sqlite3_column_int64(sel, 0);
		f[n].old = tz_xstrdup(old);
		f[n].new = tz_xstrdup(code.buf);
		n++;
	}
	if (rc != SQLITE_DONE) {
		rc = tz_sqlite_error(ss, err, "fold codes");
		goto out;
	}
	rc = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t at;

		if (tz_hmap_get(seen, f[i].new, strlen(f[i].new), &at)) {
			add_clash(&clashes, &nclash, f[at].old, f[i].old, f[i].new);
			continue;
		}
		tz_hmap_put(seen, f[i].new, strlen(f[i].new), (int64_t)i, NULL);
		sqlite3_bind_text(other, 1, f[i].new, -1, SQLITE_STATIC);
		sqlite3_bind_int64(other, 2, f[i].id);
		if ((rc = sqlite3_step(other)) == SQLITE_ROW)
			add_clash(&clashes, &nclash, f[i].old, tz_sqlite_text(other, 0), f[i].new);
		else if (rc != SQLITE_DONE) {
			rc = tz_sqlite_error(ss, err, "fold codes");
			goto out;
		}
		sqlite3_reset(other);
		rc = 0;
	}
	if (nclash) {
		rc = tz_err_set(err, TZ_EEXIST,
				"数据库中有%ld对项目编号只差全角半角（如“Ｐ１”与“P1”），统一为半角后会重复：%s%s；"
				"数据库未作任何改动。请先把其中一个改成别的编号（改正台账后重新导入），"
				"再运行 taizhang init",
				nclash, clashes.buf, nclash > 10 ? "等" : "");
		goto out;
	}
	if (!n)
		goto out;
	if ((rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		goto out;
	open = 1;
	if ((rc = tz_sqlite_prepare(ss, "UPDATE project SET code = ?1 WHERE id = ?2", &upd, err)))
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(upd, 1, f[i].new, -1, SQLITE_STATIC);
		sqlite3_bind_int64(upd, 2, f[i].id);
		if ((rc = tz_sqlite_step(ss, upd, err)))
			goto out;
		if (i < 10)
			snprintf(up->codes_list + strlen(up->codes_list),
				 sizeof(up->codes_list) - strlen(up->codes_list), "%s%s→%s",
				 i ? "、" : "", f[i].old, f[i].new);
	}
	if (n > 10)
		snprintf(up->codes_list + strlen(up->codes_list),
			 sizeof(up->codes_list) - strlen(up->codes_list), "等");
	if ((rc = tz_sqlite_bump_version(ss, err)) || (rc = tz_sqlite_exec(ss, "COMMIT", err)))
		goto out;
	open = 0;
	up->codes_folded = (long)n;
out:
	if (open)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	if (rc)
		up->codes_list[0] = '\0';
	sqlite3_finalize(sel);
	sqlite3_finalize(other);
	sqlite3_finalize(upd);
	for (size_t i = 0; i < n; i++) {
		free(f[i].old);
		free(f[i].new);
	}
	free(f);
	tz_hmap_free(seen);
	tz_buf_release(&code);
	tz_buf_release(&clashes);
	return rc;
}

/*
 * A schema-2 database written before project.natcode existed (audit 9,
 * W14, 2026-12-01) gets the column, empty for every project, and its
 * index: ADD COLUMN with a constant default rewrites no row, so this is
 * a change of the schema only, done once. Asked of every opening of a
 * schema-2 database (one query of the table's columns). 0 or TZ_ESTORE.
 */
int tz_sqlite_natcode_upgrade(struct sqlite_store *ss, struct tz_err *err)
{
	int64_t has;
	int rc;

	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM pragma_table_info('project')"
				      " WHERE name = 'natcode'", &has, err)) || has)
		return rc;
	if ((rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		return rc;
	rc = tz_sqlite_exec(ss, "ALTER TABLE project ADD COLUMN natcode TEXT NOT NULL DEFAULT '';\n"
			    TZ_SQLITE_NATCODE_INDEX, err);
	if (!rc)
		rc = tz_sqlite_exec(ss, "COMMIT", err);
	if (rc)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}

int tz_sqlite_leader_upgrade(struct sqlite_store *ss, struct tz_err *err)
{
	int64_t has;
	int rc;

	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM pragma_table_info('project')"
				      " WHERE name = 'leader_key'", &has, err)) || has)
		return rc;
	if ((rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		return rc;
	rc = tz_sqlite_exec(ss, "ALTER TABLE project ADD COLUMN leader_key TEXT NOT NULL DEFAULT '';\n"
			    "UPDATE project SET leader_key = " TZ_SQLITE_LEADER_KEY_SQL ";\n"
			    "DROP INDEX IF EXISTS project_by_leader;\n"
			    TZ_SQLITE_LEADER_INDEX, err);
	if (!rc)
		rc = tz_sqlite_exec(ss, "COMMIT", err);
	if (rc)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}
