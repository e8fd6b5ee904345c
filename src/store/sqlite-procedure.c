/*
 * sqlite-procedure.c: preliminary procedures (前期手续) in SQLite (web.md
 * "Procedures"): the configurable list of kinds, each project's required
 * procedures with status, date and document number, and their counts per
 * node the way the seeds count them.
 */
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

int tz_sqlite_procedure_kinds(struct tz_store *s,
			      int (*fn)(void *, const struct tz_procedure_kind *), void *ctx,
			      struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "SELECT id, name, seq, active FROM procedure_kind"
			       " ORDER BY seq, id", &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_procedure_kind k;
		int x;

		k.id = sqlite3_column_int64(st, 0);
		k.name = tz_sqlite_text(st, 1);
		k.seq = sqlite3_column_int(st, 2);
		k.active = sqlite3_column_int(st, 3);
		if ((x = fn(ctx, &k))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "procedure_kind");
}

int tz_sqlite_procedure_kind_add(struct tz_store *s, const char *name, int64_t *id,
				 struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = tz_procedure_kind_validate(name, err)))
		return rc;
	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	rc = tz_sqlite_prepare(ss, "INSERT INTO procedure_kind(name, seq)"
			       " VALUES(?1, (SELECT coalesce(max(seq), 0) + 1 FROM procedure_kind))",
			       &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT) {
		rc = tz_err_set_at(err, TZ_EEXIST, NULL, 0, "手续名称", "手续“%s”已在列表中", name);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = tz_sqlite_error(ss, err, "procedure_kind");
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(ss->db);
	sqlite3_finalize(st);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_procedure_kind_active(struct tz_store *s, int64_t id, int active,
				    struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	rc = tz_sqlite_prepare(ss, "UPDATE procedure_kind SET active = ?2 WHERE id = ?1", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active != 0);
	if ((rc = tz_sqlite_step(ss, st, err)))
		goto fail;
	if (!sqlite3_changes(ss->db)) {
		rc = tz_err_set(err, TZ_ENOTFOUND, "手续不存在");
		goto fail;
	}
	sqlite3_finalize(st);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_procedure_require(struct tz_store *s, const char *code, long *added,
				int64_t user_id, int64_t at, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st = NULL;
	int64_t project;
	int rc;

	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_project_find(ss, code, &project, NULL, NULL, NULL, err)))
		goto fail;
	rc = tz_sqlite_prepare(ss,
		"INSERT INTO project_procedure(project_id, kind_id, status, done_on, doc_no,"
		" updated_at, updated_by) SELECT ?1, k.id, 1, 0, '', ?2, ?3 FROM procedure_kind k"
		" WHERE k.active = 1 AND NOT EXISTS (SELECT 1 FROM project_procedure pp"
		" WHERE pp.project_id = ?1 AND pp.kind_id = k.id)", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, project);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, user_id);
	if ((rc = tz_sqlite_step(ss, st, err)))
		goto fail;
	*added = sqlite3_changes(ss->db);
	sqlite3_finalize(st);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_procedure_set(struct tz_store *s, const struct tz_procedure *p, int64_t user_id,
			    int64_t at, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st = NULL;
	int64_t project, n;
	int rc;

	if ((rc = tz_procedure_validate(p, err)))
		return rc;
	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_project_find(ss, p->project_code, &project, NULL, NULL, NULL, err)))
		goto fail;
	rc = tz_sqlite_prepare(ss, "SELECT count(*) FROM procedure_kind WHERE id = ?1", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, p->kind_id);
	n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	st = NULL;
	if (!n) {
		rc = tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "手续名称", "手续不存在");
		goto fail;
	}
	rc = tz_sqlite_prepare(ss,
		"INSERT INTO project_procedure(project_id, kind_id, status, done_on, doc_no,"
		" updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT(project_id, kind_id) DO UPDATE SET status = excluded.status,"
		" done_on = excluded.done_on, doc_no = excluded.doc_no,"
		" updated_at = excluded.updated_at, updated_by = excluded.updated_by", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, project);
	sqlite3_bind_int64(st, 2, p->kind_id);
	sqlite3_bind_int(st, 3, (int)p->status);
	sqlite3_bind_int(st, 4, p->date);
	sqlite3_bind_text(st, 5, p->doc_no ? p->doc_no : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, at);
	sqlite3_bind_int64(st, 7, user_id);
	if ((rc = tz_sqlite_step(ss, st, err)))
		goto fail;
	sqlite3_finalize(st);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_procedure_each(struct tz_store *s, const char *code,
			     int (*fn)(void *, const struct tz_procedure *), void *ctx,
			     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t project;
	int rc;

	if ((rc = tz_sqlite_project_find(ss, code, &project, NULL, NULL, NULL, err)))
		return rc;
	rc = tz_sqlite_prepare(ss, "SELECT k.id, k.name, pp.status, pp.done_on, pp.doc_no,"
			       " pp.updated_at, pp.updated_by FROM project_procedure pp"
			       " JOIN procedure_kind k ON k.id = pp.kind_id WHERE pp.project_id = ?1"
			       " ORDER BY k.seq, k.id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, project);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_procedure p;
		int x;

		p.project_code = code;
		p.kind_id = sqlite3_column_int64(st, 0);
		p.kind_name = tz_sqlite_text(st, 1);
		p.status = (enum tz_procedure_status)sqlite3_column_int(st, 2);
		p.date = sqlite3_column_int(st, 3);
		p.doc_no = tz_sqlite_text(st, 4);
		p.updated_at = sqlite3_column_int64(st, 5);
		p.updated_by = sqlite3_column_int64(st, 6);
		if ((x = fn(ctx, &p))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "project_procedure");
}

/* The kinds' slots: position in the list order, -1 beyond TZ_PRC_KINDS_MAX. */
static int slot_of(void *ctx, const struct tz_procedure_kind *k)
{
	struct tz_hmap *slots = ctx;
	int64_t n = (int64_t)tz_hmap_count(slots);

	tz_hmap_put(slots, (const char *)&k->id, sizeof(k->id), n < TZ_PRC_KINDS_MAX ? n : -1,
		    NULL);
	return 0;
}

int tz_sqlite_procedure_counts(struct tz_store *s, struct tz_tally *counts, int32_t from,
			       int32_t to, struct tz_err *err)
{
	return tz_sqlite_procedure_counts_where(s, counts, from, to, NULL, err);
}

int tz_sqlite_procedure_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t from,
				     int32_t to, const struct tz_project_filter *f,
				     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_hmap *slots = tz_hmap_new();
	sqlite3_stmt *st = NULL;
	int64_t d[TZ_PRC_COUNT], cur = 0, region = 0, unit = 0;
	int rc, keep = 1;

	if ((rc = tz_sqlite_procedure_kinds(s, slot_of, slots, err)))
		goto out;
	rc = tz_sqlite_prepare(ss, "SELECT pp.project_id, p.region_id, coalesce(p.unit_id, 0),"
			       " pp.kind_id, pp.status, pp.done_on, p.leader FROM project_procedure pp"
			       " JOIN project p ON p.id = pp.project_id ORDER BY pp.project_id",
			       &st, err);
	if (rc)
		goto out;
	memset(d, 0, sizeof(d));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t project = sqlite3_column_int64(st, 0), kind = sqlite3_column_int64(st, 3);
		int status = sqlite3_column_int(st, 4);
		int32_t date = sqlite3_column_int(st, 5);
		int64_t slot = -1;

		if (project != cur) {
			if (cur && keep)
				tz_tally_add(counts, region, unit, d);
			memset(d, 0, sizeof(d));
			cur = project;
			region = sqlite3_column_int64(st, 1);
			unit = sqlite3_column_int64(st, 2);
			keep = !f || f->keep(f->ctx, region, unit, tz_sqlite_text(st, 6));
		}
		if (!keep)
			continue;
		d[TZ_PRC_REQUIRED]++;
		if (status >= 1 && status <= TZ_PROC_STATUS_MAX)
			d[TZ_PRC_STATUS(status)]++;
		if (status == TZ_PROC_OBTAINED && date >= from && date <= to) {
			d[TZ_PRC_IN_RANGE]++;
			tz_hmap_get(slots, (const char *)&kind, sizeof(kind), &slot);
			if (slot >= 0)
				d[TZ_PRC_KIND(slot)]++;
		}
	}
	if (cur && keep)
		tz_tally_add(counts, region, unit, d);
	rc = rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "project_procedure");
out:
	sqlite3_finalize(st);
	tz_hmap_free(slots);
	return rc;
}
