/*
 * sqlite-org.c: the organisation tree in SQLite: loading it into a
 * matching index, merging an edited tree by code, and adding the nodes an
 * import builds from the first ledger.
 */
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

int tz_sqlite_org_insert(struct sqlite_store *ss, const struct tz_org_node *n, int64_t *id,
			 struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "INSERT INTO org(code, name, parent_id, kind, aliases)"
			       " VALUES(?1, ?2, (SELECT id FROM org WHERE code = ?3), ?4, ?5)", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, n->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, n->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, n->parent ? n->parent : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, (int)n->kind);
	sqlite3_bind_text(st, 5, n->aliases ? n->aliases : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return tz_err_set(err, TZ_EEXIST, "组织机构编码“%s”已存在", n->code);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "org insert");
	*id = sqlite3_last_insert_rowid(ss->db);
	return 0;
}

int tz_sqlite_import_org(struct tz_store *s, const struct tz_org_node *n, int64_t *id,
			 struct tz_err *err)
{
	return tz_sqlite_org_insert(tz_sqlite_from(s), n, id, err);
}

int tz_sqlite_org_load(struct tz_store *s, struct tz_org_index *x, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	/* Parents before children: by depth, then id. */
	rc = tz_sqlite_prepare(ss,
		"WITH RECURSIVE t(id, depth) AS ("
		" SELECT id, 0 FROM org WHERE parent_id IS NULL"
		" UNION ALL SELECT o.id, t.depth + 1 FROM org o JOIN t ON o.parent_id = t.id)"
		" SELECT o.id, o.code, o.name, coalesce(p.code, ''), o.kind, o.aliases"
		" FROM t JOIN org o ON o.id = t.id LEFT JOIN org p ON p.id = o.parent_id"
		" ORDER BY t.depth, o.id", &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_org_node n;

		n.id = sqlite3_column_int64(st, 0);
		n.code = tz_sqlite_text(st, 1);
		n.name = tz_sqlite_text(st, 2);
		n.parent = tz_sqlite_text(st, 3);
		n.kind = (enum tz_org_kind)sqlite3_column_int(st, 4);
		n.aliases = tz_sqlite_text(st, 5);
		if ((rc = tz_org_index_add(x, &n, err))) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "org");
}

/* A stored region that projects name must stay a region. */
static int check_kind_change(struct sqlite_store *ss, const struct tz_org_node *n,
			     struct tz_err *err)
{
	sqlite3_stmt *st;
	int64_t used = 0;
	int rc;

	if (tz_org_kind_is_region(n->kind))
		return 0;
	rc = tz_sqlite_prepare(ss, "SELECT count(*) FROM project p JOIN org o ON o.id = p.region_id"
			       " WHERE o.code = ?1", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, n->code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		used = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (used)
		return tz_err_set(err, TZ_EINVAL,
				  "“%s”（编码%s）是%lld个项目的所属地区，类型不能改为“%s”", n->name,
				  n->code, (long long)used, tz_org_kind_name(n->kind));
	return 0;
}

/* The audit row of an org import by a person (store.h,
 * tz_store_org_change), inside its transaction: the counts. */
static int org_audit(struct sqlite_store *ss, const char *file, const struct tz_actor *who,
		     const struct tz_org_stats *stats, struct tz_err *err)
{
	struct tz_json j;
	struct tz_buf object = TZ_BUF_INIT;
	int rc;

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_int(&j, "added", stats->added);
	tz_json_kv_int(&j, "changed", stats->changed);
	tz_json_kv_int(&j, "unchanged", stats->unchanged);
	tz_json_object_end(&j);
	if ((rc = tz_json_finish(&j)) || (rc = tz_buf_addf(&object, "file:%s", file)))
		rc = tz_err_set(err, rc, "audit value");
	else
		rc = tz_sqlite_audit(ss, who, "org.import", object.buf, NULL, j.out.buf, err);
	tz_json_release(&j);
	tz_buf_release(&object);
	return rc;
}

int tz_sqlite_org_save(struct tz_store *s, const struct tz_org_index *x, const char *file,
		       const struct tz_actor *who, struct tz_org_stats *stats,
		       struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *get = NULL, *upd = NULL, *par = NULL;
	int rc;

	memset(stats, 0, sizeof(*stats));
	if ((rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		return rc;
	if ((rc = tz_sqlite_prepare(ss, "SELECT o.name, o.kind, o.aliases, coalesce(p.code, '')"
				    " FROM org o LEFT JOIN org p ON p.id = o.parent_id WHERE o.code = ?1",
				    &get, err)) ||
	    (rc = tz_sqlite_prepare(ss, "UPDATE org SET name = ?2, kind = ?3, aliases = ?4"
				    " WHERE code = ?1", &upd, err)) ||
	    (rc = tz_sqlite_prepare(ss, "UPDATE org SET parent_id = (SELECT id FROM org WHERE code = ?2)"
				    " WHERE code = ?1", &par, err)))
		goto fail;
	/* Nodes first (parents set after, so any order of the tree works),
	 * then every parent. */
	for (size_t i = 0; i < tz_org_index_count(x); i++) {
		const struct tz_org_node *n = tz_org_index_at(x, i);
		int64_t id;

		sqlite3_bind_text(get, 1, n->code, -1, SQLITE_STATIC);
		rc = sqlite3_step(get);
		if (rc == SQLITE_ROW) {
			int same = !strcmp(tz_sqlite_text(get, 0), n->name) &&
				   sqlite3_column_int(get, 1) == (int)n->kind &&
				   !strcmp(tz_sqlite_text(get, 2), n->aliases) &&
				   !strcmp(tz_sqlite_text(get, 3), n->parent);
			sqlite3_reset(get);
			if (same) {
				stats->unchanged++;
				continue;
			}
			if ((rc = check_kind_change(ss, n, err)))
				goto fail;
			sqlite3_bind_text(upd, 1, n->code, -1, SQLITE_STATIC);
			sqlite3_bind_text(upd, 2, n->name, -1, SQLITE_STATIC);
			sqlite3_bind_int(upd, 3, (int)n->kind);
			sqlite3_bind_text(upd, 4, n->aliases, -1, SQLITE_STATIC);
			if ((rc = tz_sqlite_step(ss, upd, err)))
				goto fail;
			stats->changed++;
		} else {
			sqlite3_reset(get);
			if (rc != SQLITE_DONE) {
				rc = tz_sqlite_error(ss, err, "org");
				goto fail;
			}
			if ((rc = tz_sqlite_org_insert(ss, n, &id, err)))
				goto fail;
			stats->added++;
		}
	}
	for (size_t i = 0; i < tz_org_index_count(x); i++) {
		const struct tz_org_node *n = tz_org_index_at(x, i);

		sqlite3_bind_text(par, 1, n->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(par, 2, n->parent, -1, SQLITE_STATIC);
		if ((rc = tz_sqlite_step(ss, par, err)))
			goto fail;
	}
	if ((rc = tz_sqlite_exec(ss, "INSERT INTO import_batch(kind, source, accepted)"
				 " VALUES('org', 'org import', 0)", err)) ||
	    (rc = tz_sqlite_bump_version(ss, err)) ||
	    (who && (rc = org_audit(ss, file, who, stats, err))))
		goto fail;
	sqlite3_finalize(get);
	sqlite3_finalize(upd);
	sqlite3_finalize(par);
	return tz_sqlite_exec(ss, "COMMIT", err);
fail:
	sqlite3_finalize(get);
	sqlite3_finalize(upd);
	sqlite3_finalize(par);
	tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}
