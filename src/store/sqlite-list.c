/*
 * sqlite-list.c: the project list and the project page in SQLite
 * (store.h, "The web application").
 *
 * The list is one query built from the scope and the filters, in SQL any
 * backend runs (no SQLite-only functions: replace, coalesce, LIKE …
 * ESCAPE, LIMIT/OFFSET), plus a count with the same conditions. The 包联
 * 领导 comparison is written exactly as core/user.h's tz_leader_key, over
 * project.leader_key (the 包联领导 without spaces) and its index
 * (sqlite-internal.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "store/sqlite-web.h"
#include "base/banned.h"

/* The leader comparison of tz_leader_key: spaces removed (leader_key);
 * the key or the key followed by 同志. */
#define LEADER_NORM "p.leader_key"

static void leader_cond(struct sqlite_qb *q, const char *key)
{
	tz_qb_sql(q, LEADER_NORM " IN (");
	tz_qb_text(q, key);
	tz_qb_sql(q, ", ");
	tz_qb_text(q, key);
	tz_qb_sql(q, " || '同志')");
}

/* The status in force at the month: this year's running totals, else the
 * last month of the latest earlier year that has them. */
static void status_expr(struct sqlite_qb *q, int month)
{
	char buf[200];

	snprintf(buf, sizeof(buf), "coalesce(y.st%d, (SELECT y2.st12 FROM project_year y2"
		 " WHERE y2.project_id = l.project_id AND y2.year < l.year"
		 " ORDER BY y2.year DESC LIMIT 1), 0)", month);
	tz_qb_sql(q, buf);
}

/*
 * The conditions of the scope and the filters (after FROM, below). With
 * `walk`, the scope's terms are written `+p.region_id` (a no-op in any
 * SQL) so that SQLite does not read the scope through its indexes but
 * walks projects in code order, checking each, and stops at the page's
 * end: for a district's tenth of the city, 500 projects for a first page
 * instead of 10,000 read and sorted.
 */
static void where(struct sqlite_qb *q, const struct tz_project_query *f, struct tz_arena *a,
		  int walk)
{
	tz_qb_sql(q, " WHERE l.project_id = p.id AND l.year = ");
	tz_qb_int(q, f->year);
	if (!f->scope_all) {
		tz_qb_sql(q, walk ? " AND (+p.region_id IN " : " AND (p.region_id IN ");
		tz_qb_ids(q, f->scope_nodes, f->nscope_nodes);
		tz_qb_sql(q, walk ? " OR +p.unit_id IN " : " OR p.unit_id IN ");
		tz_qb_ids(q, f->scope_nodes, f->nscope_nodes);
		if (f->scope_leader && *f->scope_leader) {
			tz_qb_sql(q, " OR ");
			leader_cond(q, f->scope_leader);
		}
		tz_qb_sql(q, ")");
	}
	if (f->regions) {
		tz_qb_sql(q, " AND p.region_id IN ");
		tz_qb_ids(q, f->regions, f->nregions);
	}
	if (f->units) {
		tz_qb_sql(q, " AND p.unit_id IN ");
		tz_qb_ids(q, f->units, f->nunits);
	}
	if (f->category && *f->category) {
		tz_qb_sql(q, " AND p.category = ");
		tz_qb_text(q, f->category);
	}
	if (f->level && *f->level) {
		tz_qb_sql(q, " AND l.level = ");
		tz_qb_text(q, f->level);
	}
	if (f->nature && *f->nature) {
		tz_qb_sql(q, " AND l.nature = ");
		tz_qb_text(q, f->nature);
	}
	if (f->leader) {
		/* An empty key matches nobody, never every empty cell. */
		tz_qb_sql(q, *f->leader ? " AND " : " AND 1 = 0");
		if (*f->leader)
			leader_cond(q, f->leader);
	}
	if (f->text && *f->text) {
		tz_qb_sql(q, " AND (p.code LIKE ");
		tz_qb_like(q, a, "%", f->text, "%");
		tz_qb_sql(q, " OR p.name LIKE ");
		tz_qb_like(q, a, "%", f->text, "%");
		tz_qb_sql(q, ")");
	}
	if (f->status) {
		tz_qb_sql(q, " AND ");
		status_expr(q, f->month);
		tz_qb_sql(q, " = ");
		tz_qb_int(q, f->status < 0 ? 0 : f->status);
	}
}

/*
 * Projects first, then each one's ledger row of the year by the ledger's
 * key. CROSS JOIN is how SQLite is told the loop order (any other SQL
 * reads it as a plain join, the conditions being in WHERE): the projects
 * are then walked in code order, stopping at the page's end, or read
 * through the region, unit and leader indexes (a multi-index OR) for a
 * narrow scope — never the whole year's ledger first.
 */
#define FROM " FROM project p CROSS JOIN ledger l"
#define FROM_YEAR " LEFT JOIN project_year y ON y.year = l.year AND y.project_id = l.project_id"

static void order(struct sqlite_qb *q, const struct tz_project_query *f)
{
	const char *dir = f->desc ? " DESC" : "";
	char buf[160];

	tz_qb_sql(q, " ORDER BY ");
	switch (f->sort) {
	case TZ_PSORT_CODE:
		break;
	case TZ_PSORT_NAME:
		tz_qb_sql(q, "p.name");
		tz_qb_sql(q, dir);
		tz_qb_sql(q, ", ");
		break;
	case TZ_PSORT_REGION:
		tz_qb_sql(q, "r.name");
		tz_qb_sql(q, dir);
		tz_qb_sql(q, ", ");
		break;
	case TZ_PSORT_TOTAL:
		tz_qb_sql(q, "p.total");
		tz_qb_sql(q, dir);
		tz_qb_sql(q, ", ");
		break;
	case TZ_PSORT_ANNUAL:
		tz_qb_sql(q, "l.annual IS NULL, l.annual");
		tz_qb_sql(q, dir);
		tz_qb_sql(q, ", ");
		break;
	case TZ_PSORT_YTD:
		snprintf(buf, sizeof(buf), "coalesce(y.ytd%d, 0)%s, ", f->month, dir);
		tz_qb_sql(q, buf);
		break;
	case TZ_PSORT_RATE:
		snprintf(buf, sizeof(buf), "coalesce(l.annual, 0) = 0, CAST(coalesce(y.ytd%d, 0) AS REAL)"
			 " / CASE WHEN l.annual > 0 THEN l.annual ELSE 1 END%s, ", f->month, dir);
		tz_qb_sql(q, buf);
		break;
	}
	tz_qb_sql(q, "p.code");
	tz_qb_sql(q, f->sort == TZ_PSORT_CODE ? dir : "");
}

static int count_rows(struct sqlite_store *ss, const struct tz_project_query *f,
		      struct tz_arena *a, long *total, struct tz_err *err)
{
	struct sqlite_qb q;
	sqlite3_stmt *st;
	int rc;

	tz_qb_init(&q);
	/* Counting a whole year's ledger needs no project row: one range of
	 * the ledger's primary key. */
	if (f->scope_all && !f->regions && !f->units && !(f->category && *f->category) &&
	    !f->leader && !(f->text && *f->text) && !f->status) {
		tz_qb_sql(&q, "SELECT count(*) FROM ledger l WHERE l.year = ");
		tz_qb_int(&q, f->year);
		if (f->level && *f->level) {
			tz_qb_sql(&q, " AND l.level = ");
			tz_qb_text(&q, f->level);
		}
		if (f->nature && *f->nature) {
			tz_qb_sql(&q, " AND l.nature = ");
			tz_qb_text(&q, f->nature);
		}
	} else {
		tz_qb_sql(&q, "SELECT count(*)" FROM);
		if (f->status)
			tz_qb_sql(&q, FROM_YEAR);
		where(&q, f, a, 0);
	}
	rc = tz_qb_prepare(ss, &q, &st, err);
	tz_qb_release(&q);
	if (rc)
		return rc;
	rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : tz_sqlite_error(ss, err, "project count");
}

/* The columns of a ledger row, as sqlite.c's each_project reads them. */
#define PROJECT_COLUMNS \
	"p.code, p.name, r.name, p.category, l.level, l.nature, p.owner, p.leader," \
	" coalesce(u.name, ''), p.years, p.total, l.annual, p.planned_start, l.year, p.stage," \
	" p.region_id, coalesce(p.unit_id, 0)"
#define PROJECT_NCOLUMNS 17
#define FROM_NAMES " JOIN org r ON r.id = p.region_id LEFT JOIN org u ON u.id = p.unit_id"

static void read_project(sqlite3_stmt *st, struct tz_project *p)
{
	memset(p, 0, sizeof(*p));
	p->code = tz_sqlite_text(st, 0);
	p->name = tz_sqlite_text(st, 1);
	p->region = tz_sqlite_text(st, 2);
	p->category = tz_sqlite_text(st, 3);
	p->level = tz_sqlite_text(st, 4);
	p->nature = tz_sqlite_text(st, 5);
	p->owner = tz_sqlite_text(st, 6);
	p->leader = tz_sqlite_text(st, 7);
	p->unit = tz_sqlite_text(st, 8);
	p->years = tz_sqlite_text(st, 9);
	p->total = sqlite3_column_int64(st, 10);
	p->has_plan = sqlite3_column_type(st, 11) != SQLITE_NULL;
	p->annual = sqlite3_column_int64(st, 11);
	if (sqlite3_column_type(st, 12) != SQLITE_NULL)
		tz_period_from_code(sqlite3_column_int(st, 12), &p->planned_start);
	p->year = sqlite3_column_int(st, 13);
	p->stage = tz_sqlite_text(st, 14);
	p->region_id = sqlite3_column_int64(st, 15);
	p->unit_id = sqlite3_column_int64(st, 16);
}

int tz_sqlite_project_list(struct tz_store *s, const struct tz_project_query *f,
			   int (*fn)(void *, const struct tz_project_row *), void *ctx,
			   long *total, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_arena *a = tz_arena_new();  /* LIKE patterns */
	struct sqlite_qb q;
	sqlite3_stmt *st = NULL;
	char cols[96];
	int rc;

	if (total && (rc = count_rows(ss, f, a, total, err)))
		goto out;
	/*
	 * Two steps: the page's project ids in order (joining only what the
	 * conditions and the order need), then the page's rows with every
	 * column. Sorting a district's 10,000 projects then moves ids, not
	 * rows with their figures, and the figures are read for 50 only.
	 */
	tz_qb_init(&q);
	tz_qb_sql(&q, "SELECT " PROJECT_COLUMNS);
	snprintf(cols, sizeof(cols), ", coalesce(y.ytd%d, 0), ", f->month);
	tz_qb_sql(&q, cols);
	status_expr(&q, f->month);
	tz_qb_sql(&q, ", coalesce(y.rep, 0) FROM (SELECT p.id AS id" FROM);
	if (f->sort == TZ_PSORT_REGION)
		tz_qb_sql(&q, " JOIN org r ON r.id = p.region_id");
	if (f->status || f->sort == TZ_PSORT_YTD || f->sort == TZ_PSORT_RATE)
		tz_qb_sql(&q, FROM_YEAR);
	/* In code order, a region's or a unit's projects are found fastest by
	 * walking; a leader's few, through the indexes then sorted. */
	where(&q, f, a, f->sort == TZ_PSORT_CODE && !(f->scope_leader && *f->scope_leader));
	order(&q, f);
	if (f->limit) {
		tz_qb_sql(&q, " LIMIT ");
		tz_qb_int(&q, f->limit);
		tz_qb_sql(&q, " OFFSET ");
		tz_qb_int(&q, f->offset);
	}
	tz_qb_sql(&q, ") k CROSS JOIN project p CROSS JOIN ledger l" FROM_NAMES FROM_YEAR
		      " WHERE p.id = k.id AND l.project_id = p.id AND l.year = ");
	tz_qb_int(&q, f->year);
	order(&q, f);
	rc = tz_qb_prepare(ss, &q, &st, err);
	tz_qb_release(&q);
	if (rc)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_project_row r;
		int x;

		read_project(st, &r.p);
		r.ytd = sqlite3_column_int64(st, PROJECT_NCOLUMNS);
		r.status = sqlite3_column_int(st, PROJECT_NCOLUMNS + 1);
		r.reported = (sqlite3_column_int(st, PROJECT_NCOLUMNS + 2) >> (f->month - 1)) & 1;
		if ((x = fn(ctx, &r))) {
			rc = x;
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "project list");
out:
	sqlite3_finalize(st);
	tz_arena_free(a);
	return rc;
}

/*
 * The first and last ledger years are the ends of the ledger's key; the
 * latest period is the latest year of running totals and, in it, the
 * highest month any project reported: the largest `rep` mask has it as
 * its highest bit.
 */
int tz_sqlite_latest(struct tz_store *s, int *first_year, int *last_year, struct tz_period *last,
		     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	int64_t lo, hi, year, mask;
	int rc, month = 0;

	memset(last, 0, sizeof(*last));
	if ((rc = tz_sqlite_query_int(ss, "SELECT min(year) FROM ledger", &lo, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT max(year) FROM ledger", &hi, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT max(year) FROM project_year WHERE rep <> 0", &year,
				      err)))
		return rc;
	*first_year = (int)lo;
	*last_year = (int)hi;
	if (!year)
		return 0;
	{
		sqlite3_stmt *st;

		if ((rc = tz_sqlite_prepare(ss, "SELECT max(rep) FROM project_year WHERE year = ?1", &st, err)))
			return rc;
		sqlite3_bind_int64(st, 1, year);
		rc = sqlite3_step(st);
		mask = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return tz_sqlite_error(ss, err, "latest");
	}
	while (mask >> month)
		month++;
	if (month >= 1 && month <= 12) {
		last->year = (int)year;
		last->month = month;
	}
	return 0;
}

/* The distinct non-empty values of one query's first column, into `a`. */
static int distinct(struct sqlite_store *ss, const char *sql, int year, struct tz_arena *a,
		    const char ***out, size_t *n, struct tz_err *err)
{
	sqlite3_stmt *st;
	const char **v = NULL;
	size_t len = 0, alloc = 0;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		TZ_ALLOC_GROW(v, len + 1, alloc);
		v[len++] = tz_sqlite_adup(a, st, 0);
	}
	sqlite3_finalize(st);
	*out = tz_arena_calloc(a, len + 1, sizeof(**out));
	if (len)
		memcpy(*out, v, len * sizeof(*v));
	*n = len;
	free(v);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "facets");
}

int tz_sqlite_project_facets(struct tz_store *s, int year, struct tz_arena *a,
			     struct tz_project_facets *out, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = distinct(ss, "SELECT DISTINCT p.category FROM ledger l JOIN project p"
			   " ON p.id = l.project_id WHERE l.year = ?1"
			   " AND p.category <> '' ORDER BY 1", year, a, &out->categories,
			   &out->ncategories, err)) ||
	    (rc = distinct(ss, "SELECT DISTINCT level FROM ledger WHERE year = ?1 AND level <> ''"
			   " ORDER BY 1", year, a, &out->levels, &out->nlevels, err)))
		return rc;
	return distinct(ss, "SELECT DISTINCT nature FROM ledger WHERE year = ?1 AND nature <> ''"
			" ORDER BY 1", year, a, &out->natures, &out->nnatures, err);
}

static const char *adup_text(struct tz_arena *a, const char *s)
{
	return tz_arena_strdup(a, s ? s : "");
}

int tz_sqlite_project_ledger(struct tz_store *s, const char *code, struct tz_arena *a,
			     struct tz_project **out, size_t *n, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_project *v = NULL;
	size_t len = 0, alloc = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	/* Each year's row by the ledger's key (year, project): the years
	 * from the first ledger's to the last's, which are few. */
	rc = tz_sqlite_prepare(ss, "WITH RECURSIVE years(y) AS (SELECT min(year) FROM ledger"
			       " UNION ALL SELECT y + 1 FROM years WHERE y < (SELECT max(year) FROM ledger))"
			       " SELECT " PROJECT_COLUMNS " FROM project p CROSS JOIN years CROSS JOIN ledger l"
			       FROM_NAMES " WHERE p.code = ?1 AND l.year = years.y AND l.project_id = p.id"
			       " ORDER BY l.year", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_project *p;

		TZ_ALLOC_GROW(v, len + 1, alloc);
		p = &v[len++];
		read_project(st, p);
		p->code = adup_text(a, p->code);
		p->name = adup_text(a, p->name);
		p->region = adup_text(a, p->region);
		p->category = adup_text(a, p->category);
		p->level = adup_text(a, p->level);
		p->nature = adup_text(a, p->nature);
		p->owner = adup_text(a, p->owner);
		p->leader = adup_text(a, p->leader);
		p->unit = adup_text(a, p->unit);
		p->years = adup_text(a, p->years);
		p->stage = adup_text(a, p->stage);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return tz_sqlite_error(ss, err, "project");
	}
	if (!len)
		return tz_err_set(err, TZ_ENOTFOUND, "项目不存在");
	*out = tz_arena_alloc(a, len * sizeof(*v));
	memcpy(*out, v, len * sizeof(*v));
	*n = len;
	free(v);
	return 0;
}

int tz_sqlite_project_reports(struct tz_store *s, const char *code, struct tz_arena *a,
			      struct tz_progress **out, size_t *n, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_progress *v = NULL;
	size_t len = 0, alloc = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	rc = tz_sqlite_prepare(ss, "SELECT p.code, r.period, r.completed, r.status, r.progress_text,"
			       " r.problem FROM project p JOIN progress r ON r.project_id = p.id"
			       " WHERE p.code = ?1 ORDER BY r.period", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_progress *r;

		TZ_ALLOC_GROW(v, len + 1, alloc);
		r = &v[len++];
		memset(r, 0, sizeof(*r));
		r->code = tz_sqlite_adup(a, st, 0);
		tz_period_from_code(sqlite3_column_int(st, 1), &r->period);
		r->completed = sqlite3_column_int64(st, 2);
		r->status = (enum tz_status)sqlite3_column_int(st, 3);
		r->progress_text = tz_sqlite_adup(a, st, 4);
		r->problem = tz_sqlite_adup(a, st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return tz_sqlite_error(ss, err, "reports");
	}
	if (len) {
		*out = tz_arena_alloc(a, len * sizeof(*v));
		memcpy(*out, v, len * sizeof(*v));
	}
	*n = len;
	free(v);
	return 0;
}
