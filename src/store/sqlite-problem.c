/*
 * sqlite-problem.c: problems (问题清单) in SQLite (web.md "Problems"):
 * raised by hand or from a report's 存在问题, edited, moved through the
 * statuses core/problem.h allows, every change dated and signed in
 * problem_event, and counted per node the way the seeds count them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "core/deadline.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

enum { EV_RAISED = TZ_PROBLEM_EV_RAISED, EV_MOVED = TZ_PROBLEM_EV_MOVED, EV_EDITED = TZ_PROBLEM_EV_EDITED };

static int add_event(struct sqlite_store *ss, int64_t problem, int64_t at, int64_t user_id,
		     int action, int from, int to, const char *note, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss, "INSERT INTO problem_event(problem_id, at, user_id, action,"
			       " from_status, to_status, note) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			       &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, problem);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_int64(st, 3, user_id);
	sqlite3_bind_int(st, 4, action);
	sqlite3_bind_int(st, 5, from);
	sqlite3_bind_int(st, 6, to);
	sqlite3_bind_text(st, 7, note ? note : "", -1, SQLITE_STATIC);
	rc = tz_sqlite_step(ss, st, err);
	sqlite3_finalize(st);
	return rc;
}

/* The name of an organisation node, into buf ("" when unknown). 1 if it exists. */
static int org_name(struct sqlite_store *ss, int64_t id, char *buf, size_t size)
{
	sqlite3_stmt *st;
	int found = 0;

	buf[0] = '\0';
	if (id <= 0 || tz_sqlite_prepare(ss, "SELECT name FROM org WHERE id = ?1", &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(buf, size, "%s", tz_sqlite_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

int tz_sqlite_problem_add(struct tz_store *s, const char *code, struct tz_period from,
			  const struct tz_problem *p, int64_t *id, int64_t user_id, int64_t at,
			  struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_problem q = *p;
	struct tz_buf text = TZ_BUF_INIT;
	sqlite3_stmt *st = NULL;
	char unit[256], pbuf[TZ_PERIOD_FMT_MAX] = "", note[64] = "";
	int64_t project;
	int rc;

	q.project_code = code ? code : p->project_code;
	q.unit_text = nz(q.unit_text);
	q.reason = "";
	q.resolution = "";
	q.period = code ? from : (struct tz_period){ 0, 0 };
	if (!code && p->period.year)
		return tz_err_set(err, TZ_EINTERNAL, "a problem from a report goes through "
				  "tz_store_problem_from_report");
	if (q.status != TZ_PROBLEM_NEW && q.status != TZ_PROBLEM_ASSIGNED)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态",
				     "新提出的问题应为待交办或已交办");
	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = tz_sqlite_project_find(ss, q.project_code, &project, NULL, NULL, NULL, err)))
		goto fail;
	if (code) {
		/* The report's 存在问题 is the description unless one is given. */
		rc = tz_sqlite_prepare(ss, "SELECT problem FROM progress WHERE project_id = ?1"
				       " AND period = ?2", &st, err);
		if (rc)
			goto fail;
		sqlite3_bind_int64(st, 1, project);
		sqlite3_bind_int(st, 2, tz_period_code(from));
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			tz_buf_adds(&text, tz_sqlite_text(st, 0));
		sqlite3_finalize(st);
		st = NULL;
		tz_period_fmt(from, pbuf);
		if (rc != SQLITE_ROW) {
			rc = rc == SQLITE_DONE
				? tz_err_set(err, TZ_ENOTFOUND, "项目“%s”没有%s的调度数据", code, pbuf)
				: tz_sqlite_error(ss, err, "progress");
			goto fail;
		}
		if (!text.len) {
			rc = tz_err_set(err, TZ_ENOTFOUND, "项目“%s”%s的调度数据没有填写存在问题",
					code, pbuf);
			goto fail;
		}
		if (!q.description || !*q.description)
			q.description = text.buf;
		if (!q.kind)
			q.kind = tz_problem_kind_guess(text.buf);
		snprintf(note, sizeof(note), "由%s调度数据提出", pbuf);
	}
	if ((rc = tz_problem_validate(&q, err)))
		goto fail;
	if (q.unit_id && !org_name(ss, q.unit_id, unit, sizeof(unit))) {
		rc = tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "责任单位", "责任单位不存在");
		goto fail;
	}
	rc = tz_sqlite_prepare(ss,
		"INSERT INTO problem(project_id, kind, solve_level, unit_id, unit_text, deadline,"
		" status, description, period, raised_at, raised_by, updated_at)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10)", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, project);
	sqlite3_bind_int(st, 2, (int)q.kind);
	sqlite3_bind_int(st, 3, (int)q.level);
	if (q.unit_id)
		sqlite3_bind_int64(st, 4, q.unit_id);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, q.unit_text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, q.deadline);
	sqlite3_bind_int(st, 7, (int)q.status);
	sqlite3_bind_text(st, 8, q.description, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, code ? tz_period_code(from) : 0);
	sqlite3_bind_int64(st, 10, at);
	sqlite3_bind_int64(st, 11, user_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT) {
		rc = tz_err_set(err, TZ_EEXIST, "已从项目“%s”%s的调度数据提出过%s问题", q.project_code,
				pbuf, tz_problem_kind_name(q.kind));
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = tz_sqlite_error(ss, err, "problem");
		goto fail;
	}
	*id = sqlite3_last_insert_rowid(ss->db);
	if ((rc = add_event(ss, *id, at, user_id, EV_RAISED, 0, (int)q.status, note, err)))
		goto fail;
	sqlite3_finalize(st);
	tz_buf_release(&text);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_buf_release(&text);
	tz_sqlite_write_abort(ss);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static const char problem_cols[] =
	"SELECT pr.id, p.code, pr.kind, pr.solve_level, coalesce(pr.unit_id, 0), pr.unit_text,"
	" pr.deadline, pr.status, pr.description, pr.reason, pr.resolution, pr.period,"
	" pr.raised_at, pr.raised_by, pr.updated_at, p.name, p.region_id, coalesce(p.unit_id, 0),"
	" p.leader FROM problem pr JOIN project p ON p.id = pr.project_id";

static void read_problem(sqlite3_stmt *st, struct tz_problem_row *r)
{
	struct tz_problem *p = &r->problem;

	memset(r, 0, sizeof(*r));
	p->id = sqlite3_column_int64(st, 0);
	p->project_code = tz_sqlite_text(st, 1);
	p->kind = (enum tz_problem_kind)sqlite3_column_int(st, 2);
	p->level = (enum tz_problem_level)sqlite3_column_int(st, 3);
	p->unit_id = sqlite3_column_int64(st, 4);
	p->unit_text = tz_sqlite_text(st, 5);
	p->deadline = sqlite3_column_int(st, 6);
	p->status = (enum tz_problem_status)sqlite3_column_int(st, 7);
	p->description = tz_sqlite_text(st, 8);
	p->reason = tz_sqlite_text(st, 9);
	p->resolution = tz_sqlite_text(st, 10);
	if (sqlite3_column_int(st, 11))
		tz_period_from_code(sqlite3_column_int(st, 11), &p->period);
	p->raised_at = sqlite3_column_int64(st, 12);
	p->raised_by = sqlite3_column_int64(st, 13);
	p->updated_at = sqlite3_column_int64(st, 14);
	r->project_name = tz_sqlite_text(st, 15);
	r->region_id = sqlite3_column_int64(st, 16);
	r->project_unit_id = sqlite3_column_int64(st, 17);
	r->project_leader = tz_sqlite_text(st, 18);
}

int tz_sqlite_problem_each(struct tz_store *s, struct tz_tally *within, unsigned status_mask,
			   int64_t id, int (*fn)(void *, const struct tz_problem_row *), void *ctx,
			   struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char sql[700];
	sqlite3_stmt *st;
	int rc, rows = 0;

	snprintf(sql, sizeof(sql), "%s WHERE ?1 = 0 OR pr.id = ?1 ORDER BY pr.id DESC", problem_cols);
	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_problem_row r;
		int x;

		read_problem(st, &r);
		if (status_mask && !(status_mask & (1u << r.problem.status)))
			continue;
		if (within && !tz_tally_contains(within, r.region_id, r.project_unit_id))
			continue;
		rows++;
		if ((x = fn(ctx, &r))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "problem");
	if (id && !rows)
		return tz_err_set(err, TZ_ENOTFOUND, "问题不存在");
	return 0;
}

int tz_sqlite_problem_events(struct tz_store *s, int64_t id,
			     int (*fn)(void *, const struct tz_problem_event *), void *ctx,
			     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int64_t n;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, "SELECT count(*) FROM problem WHERE id = ?1", &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (!n)
		return tz_err_set(err, TZ_ENOTFOUND, "问题不存在");
	rc = tz_sqlite_prepare(ss, "SELECT id, at, user_id, action, from_status, to_status, note"
			       " FROM problem_event WHERE problem_id = ?1 ORDER BY id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_problem_event e;
		int x;

		e.id = sqlite3_column_int64(st, 0);
		e.at = sqlite3_column_int64(st, 1);
		e.user_id = sqlite3_column_int64(st, 2);
		e.action = sqlite3_column_int(st, 3);
		e.from_status = (enum tz_problem_status)sqlite3_column_int(st, 4);
		e.to_status = (enum tz_problem_status)sqlite3_column_int(st, 5);
		e.note = tz_sqlite_text(st, 6);
		if ((x = fn(ctx, &e))) {
			sqlite3_finalize(st);
			return x;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "problem_event");
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */

/* A stored problem read back before a change, owning its strings (one
 * NUL-separated buffer). */
struct stored {
	struct tz_problem p;
	char code[TZ_CODE_MAX + 1];
	struct tz_buf strings;
	size_t off[4];  /* unit_text, description, reason, resolution */
};

static int copy_row(void *ctx, const struct tz_problem_row *r)
{
	struct stored *s = ctx;
	const char *texts[4] = { r->problem.unit_text, r->problem.description, r->problem.reason,
				 r->problem.resolution };

	s->p = r->problem;
	snprintf(s->code, sizeof(s->code), "%s", r->problem.project_code);
	for (int i = 0; i < 4; i++) {
		s->off[i] = s->strings.len;
		tz_buf_adds(&s->strings, texts[i]);
		tz_buf_addch(&s->strings, '\0');
	}
	s->p.project_code = s->code;
	return 0;
}

/* Read problem `id` into *s; the caller releases s->strings. 0 or TZ_ENOTFOUND. */
static int load_stored(struct sqlite_store *ss, int64_t id, struct stored *s, struct tz_err *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	tz_buf_init(&s->strings, 0);
	if ((rc = tz_sqlite_problem_each(&ss->base, NULL, 0, id, copy_row, s, err)))
		return rc;
	s->p.unit_text = s->strings.buf + s->off[0];
	s->p.description = s->strings.buf + s->off[1];
	s->p.reason = s->strings.buf + s->off[2];
	s->p.resolution = s->strings.buf + s->off[3];
	return 0;
}

static void unit_label(struct sqlite_store *ss, const struct tz_problem *p, char *buf, size_t size)
{
	if (p->unit_id)
		org_name(ss, p->unit_id, buf, size);
	else
		snprintf(buf, size, "%s", *p->unit_text ? p->unit_text : "（无）");
}

int tz_sqlite_problem_update(struct tz_store *s, const struct tz_problem *p, int64_t user_id,
			     int64_t at, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_buf note = TZ_BUF_INIT;
	struct stored old;
	struct tz_problem q;
	sqlite3_stmt *st = NULL;
	char a[256], b[256], da[TZ_DATE_FMT_MAX], db[TZ_DATE_FMT_MAX];
	int rc;

	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = load_stored(ss, p->id, &old, err)))
		goto fail;
	q = old.p;
	q.kind = p->kind;
	q.level = p->level;
	q.unit_id = p->unit_id;
	q.unit_text = nz(p->unit_text);
	q.deadline = p->deadline;
	q.description = p->description && *p->description ? p->description : old.p.description;
	if ((rc = tz_problem_validate(&q, err)))
		goto fail;
	if (q.unit_id && !org_name(ss, q.unit_id, a, sizeof(a))) {
		rc = tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "责任单位", "责任单位不存在");
		goto fail;
	}
	/* What changed, in words, for the event. */
	if (q.kind != old.p.kind)
		tz_buf_addf(&note, "问题类型：%s→%s；", tz_problem_kind_name(old.p.kind),
			    tz_problem_kind_name(q.kind));
	if (q.level != old.p.level)
		tz_buf_addf(&note, "解决层级：%s→%s；", tz_problem_level_name(old.p.level),
			    tz_problem_level_name(q.level));
	if (q.unit_id != old.p.unit_id || strcmp(q.unit_text, old.p.unit_text)) {
		unit_label(ss, &old.p, a, sizeof(a));
		unit_label(ss, &q, b, sizeof(b));
		tz_buf_addf(&note, "责任单位：%s→%s；", a, b);
	}
	if (q.deadline != old.p.deadline) {
		tz_date_fmt(old.p.deadline, da);
		tz_date_fmt(q.deadline, db);
		tz_buf_addf(&note, "办结时限：%s→%s；", *da ? da : "（无）", *db ? db : "（无）");
	}
	if (strcmp(q.description, old.p.description))
		tz_buf_adds(&note, "问题描述已修改；");
	if (!note.len) {
		rc = 0; /* nothing changed: nothing to record */
		goto fail;
	}
	tz_buf_setlen(&note, note.len - strlen("；"));
	rc = tz_sqlite_prepare(ss, "UPDATE problem SET kind = ?2, solve_level = ?3, unit_id = ?4,"
			       " unit_text = ?5, deadline = ?6, description = ?7, updated_at = ?8"
			       " WHERE id = ?1", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int(st, 2, (int)q.kind);
	sqlite3_bind_int(st, 3, (int)q.level);
	if (q.unit_id)
		sqlite3_bind_int64(st, 4, q.unit_id);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, q.unit_text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, q.deadline);
	sqlite3_bind_text(st, 7, q.description, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, at);
	if ((rc = tz_sqlite_step(ss, st, err)) ||
	    (rc = add_event(ss, p->id, at, user_id, EV_EDITED, (int)q.status, (int)q.status,
			    note.buf, err)))
		goto fail;
	sqlite3_finalize(st);
	tz_buf_release(&note);
	tz_buf_release(&old.strings);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_buf_release(&note);
	tz_buf_release(&old.strings);
	tz_sqlite_write_abort(ss);
	return rc;
}

int tz_sqlite_problem_move(struct tz_store *s, int64_t id, enum tz_problem_status to,
			   const char *note, int64_t user_id, int64_t at, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct stored old;
	sqlite3_stmt *st = NULL;
	int rc;

	note = nz(note);
	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = load_stored(ss, id, &old, err)) ||
	    (rc = tz_problem_check_move(&old.p, to, note, err)))
		goto fail;
	/* 暂缓's reason and the resolution live with the problem too; the
	 * reason goes when the problem resumes (the event keeps it). */
	rc = tz_sqlite_prepare(ss, "UPDATE problem SET status = ?2, reason = ?3, resolution = ?4,"
			       " updated_at = ?5 WHERE id = ?1", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, (int)to);
	sqlite3_bind_text(st, 3, to == TZ_PROBLEM_SUSPENDED ? note : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, to == TZ_PROBLEM_SOLVED ? note : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, at);
	if ((rc = tz_sqlite_step(ss, st, err)) ||
	    (rc = add_event(ss, id, at, user_id, EV_MOVED, (int)old.p.status, (int)to, note, err)))
		goto fail;
	sqlite3_finalize(st);
	tz_buf_release(&old.strings);
	return tz_sqlite_write_commit(ss, err);
fail:
	sqlite3_finalize(st);
	tz_buf_release(&old.strings);
	tz_sqlite_write_abort(ss);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Counts                                                              */

int tz_sqlite_problem_counts(struct tz_store *s, struct tz_tally *counts, int32_t today,
			     struct tz_err *err)
{
	return tz_sqlite_problem_counts_where(s, counts, today, NULL, err);
}

int tz_sqlite_problem_counts_where(struct tz_store *s, struct tz_tally *counts, int32_t today,
				   const struct tz_project_filter *f, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_problem_project pp;
	sqlite3_stmt *st;
	int64_t cur = 0, region = 0, unit = 0;
	int rc, keep = 1;

	rc = tz_sqlite_prepare(ss, "SELECT pr.project_id, p.region_id, coalesce(p.unit_id, 0),"
			       " pr.solve_level, pr.status, pr.deadline, p.leader FROM problem pr"
			       " JOIN project p ON p.id = pr.project_id ORDER BY pr.project_id",
			       &st, err);
	if (rc)
		return rc;
	tz_problem_project_clear(&pp);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t project = sqlite3_column_int64(st, 0);

		if (project != cur) {
			if (cur && keep)
				tz_tally_add(counts, region, unit, pp.d);
			tz_problem_project_clear(&pp);
			cur = project;
			region = sqlite3_column_int64(st, 1);
			unit = sqlite3_column_int64(st, 2);
			keep = !f || f->keep(f->ctx, region, unit, tz_sqlite_text(st, 6));
		}
		if (!keep)
			continue;
		tz_problem_project_add(&pp, (enum tz_problem_level)sqlite3_column_int(st, 3),
				       (enum tz_problem_status)sqlite3_column_int(st, 4),
				       sqlite3_column_int(st, 5), today);
	}
	if (cur && keep)
		tz_tally_add(counts, region, unit, pp.d);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "problem");
}

/* ------------------------------------------------------------------ */
/* Comments and marks (store.h, pages-b)                               */

int tz_sqlite_problem_note(struct tz_store *s, int64_t id, int action, const char *text,
			   int64_t user_id, int64_t at, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct stored old;
	int rc;

	if ((rc = tz_sqlite_write_begin(ss, err)))
		return rc;
	if ((rc = load_stored(ss, id, &old, err)) ||
	    (rc = add_event(ss, id, at, user_id, action, (int)old.p.status, (int)old.p.status, text,
			    err))) {
		tz_buf_release(&old.strings);
		tz_sqlite_write_abort(ss);
		return rc;
	}
	tz_buf_release(&old.strings);
	return tz_sqlite_write_commit(ss, err);
}
