/*
 * sqlite-years.c: the running totals (project_year) written from a
 * project's reports, and recomputed from the reports' year rows
 * (progress_year): the one place imports, the upgrades and saved reports
 * keep them.
 */
#include <stdlib.h>

#include "base/buf.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

int tz_sqlite_years_prepare(struct sqlite_store *ss, struct tz_sqlite_batch *b, int fresh,
			    struct tz_err *err)
{
	return tz_sqlite_batch_prepare(ss, b, fresh ? "INSERT OR FAIL INTO project_year"
						    : "INSERT OR REPLACE INTO project_year", "",
				       TZ_SQLITE_YEAR_COLS, err);
}

struct year_writer {
	struct sqlite_store *ss;
	struct tz_sqlite_batch *b;
	int64_t project;
	struct tz_err *err;
	int from;  /* years before it are not written */
};

static int write_year(void *ctx, const struct tz_running_year *ry)
{
	struct year_writer *w = ctx;

	if (ry->year < w->from)
		return 0;

	tz_sqlite_batch_int(w->b, ry->year);
	tz_sqlite_batch_int(w->b, w->project);
	for (int m = 0; m < 12; m++)
		tz_sqlite_batch_int(w->b, ry->ytd[m]);
	for (int m = 0; m < 12; m++)
		tz_sqlite_batch_int(w->b, ry->status[m]);
	tz_sqlite_batch_int(w->b, ry->reported);
	tz_sqlite_batch_int(w->b, ry->problems);
	tz_sqlite_batch_int(w->b, ry->problem_month);
	tz_sqlite_batch_text(w->b, ry->problem_text);
	return tz_sqlite_batch_end_row(w->ss, w->b, w->err);
}

/* tz_sqlite_years_write from year `from` on. */
static int write_from(struct sqlite_store *ss, struct tz_sqlite_batch *b, int64_t project,
		      const struct tz_report_years *y, int from, struct tz_err *err)
{
	struct year_writer w = { ss, b, project, err, from };

	return tz_report_years_each(y, write_year, &w);
}

int tz_sqlite_years_write(struct sqlite_store *ss, struct tz_sqlite_batch *b, int64_t project,
			  const struct tz_report_years *y, struct tz_err *err)
{
	return write_from(ss, b, project, y, 0, err);
}

int tz_sqlite_years_rebuild(struct sqlite_store *ss, const unsigned char *only, int64_t max_id,
			    unsigned char flag, struct tz_err *err)
{
	return tz_sqlite_years_rebuild_from(ss, only, max_id, flag, NULL, err);
}

int tz_sqlite_years_rebuild_from(struct sqlite_store *ss, const unsigned char *only,
				 int64_t max_id, unsigned char flag, const int16_t *from,
				 struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	struct tz_report_years y = TZ_REPORT_YEARS_INIT;
	struct tz_sqlite_batch ins = { 0 };
	sqlite3_stmt *sel = NULL;
	int64_t n = 0, cur = 0;
	int full, rc;

	if (only) {
		for (int64_t id = 1; id <= max_id; id++)
			n += (only[id] & flag) != 0;
		if (!n)
			return 0;
	} else if ((rc = tz_sqlite_exec(ss, "DELETE FROM project_year", err))) {
		return rc;
	}
	/* With many projects to redo, one ordered scan beats a range query
	 * per project. */
	full = !only || n * 8 > max_id;
	/* The year rows, by project and year: months in order. */
	tz_buf_adds(&sql, "SELECT project_id, year");
	tz_sqlite_month_cols(&sql, "", "csp", 0);
	tz_buf_adds(&sql, full ? " FROM progress_year ORDER BY project_id, year"
			       : " FROM progress_year WHERE project_id = ?1 ORDER BY year");
	if ((rc = tz_sqlite_years_prepare(ss, &ins, 0, err)) ||
	    (rc = tz_sqlite_prepare(ss, sql.buf, &sel, err)))
		goto out;
	for (int64_t id = full ? 0 : 1; id <= max_id || full; id++) {
		if (!full) {
			if (!(only[id] & flag))
				continue;
			sqlite3_reset(sel);
			sqlite3_bind_int64(sel, 1, id);
		}
		while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
			int64_t pid = sqlite3_column_int64(sel, 0);
			struct tz_period p = { sqlite3_column_int(sel, 1), 0 };

			if (only && (pid > max_id || !(only[pid] & flag)))
				continue;
			if (pid != cur) {
				if (cur && (rc = write_from(ss, &ins, cur, &y, from ? from[cur] : 0,
							       err)))
					goto out;
				tz_report_years_clear(&y);
				cur = pid;
			}
			for (p.month = 1; p.month <= 12; p.month++) {
				int c = 2 + (p.month - 1) * 3;

				if (sqlite3_column_type(sel, c) == SQLITE_NULL)
					continue;
				tz_report_years_add(&y, p, sqlite3_column_int64(sel, c),
						    (enum tz_status)sqlite3_column_int(sel, c + 1),
						    tz_sqlite_text(sel, c + 2));
			}
		}
		if (rc != SQLITE_DONE) {
			rc = tz_sqlite_error(ss, err, "progress scan");
			goto out;
		}
		rc = cur ? write_from(ss, &ins, cur, &y, from ? from[cur] : 0, err) : 0;
		tz_report_years_clear(&y);
		cur = 0;
		if (rc || full)
			break;
	}
	if (!rc)
		rc = tz_sqlite_batch_flush(ss, &ins, err);
out:
	tz_buf_release(&sql);
	tz_report_years_release(&y);
	sqlite3_finalize(sel);
	tz_sqlite_batch_release(&ins);
	return rc;
}
