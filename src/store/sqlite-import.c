/*
 * sqlite-import.c: imports into SQLite, fast enough to beat the sqlite3
 * shell's own .import of the raw CSV while validating every row.
 *
 * Three things make that possible:
 *  - Rows are buffered and written BATCH_ROWS at a time by one multi-row
 *    upsert, which halves SQLite's per-row cost.
 *  - Duplicates inside the file are found in memory (a set of codes for
 *    projects; a month mask per project and year for progress), so the
 *    upsert can stay a plain "insert or correct".
 *  - Running totals (project_year) are derived while the reports stream
 *    in: files come grouped by project, so a project's years are written
 *    as soon as its rows end. A project whose rows are scattered through
 *    the file, or whose stored reports this import changes, is instead
 *    marked and recomputed from the progress table at commit.
 *  - A row equal in every stored field to the stored one is counted as
 *    unchanged and not written: re-importing an exported file reads the
 *    store and writes nothing. Only keys stored before the import are
 *    looked up (projects known by code; the reports of projects that had
 *    some, read in step with the file), so a first import pays nothing.
 * Memory grows with the number of projects and years, never with rows.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hmap.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "store/sqlite-internal.h"
#include "store/sqlite-web.h"
#include "base/banned.h"


/* ------------------------------------------------------------------ */
/* Import state                                                        */

/*
 * Months reported in this file, per project: a 12-bit mask per year, for
 * finding duplicates however the file is ordered (by project, by period,
 * or not at all) without a query or a hash per row.
 */
struct month_set {
	int first;        /* year of masks[0] */
	int n;
	uint16_t *masks;
};

/* Record `p` for a project; 1 if it was already there. */
static int month_seen(struct month_set *ms, struct tz_period p)
{
	uint16_t bit = (uint16_t)(1u << (p.month - 1));
	int i;

	if (!ms->n || p.year < ms->first || p.year >= ms->first + ms->n) {
		int lo = ms->n && ms->first < p.year ? ms->first : p.year;
		int hi = ms->n && ms->first + ms->n - 1 > p.year ? ms->first + ms->n - 1 : p.year;
		uint16_t *masks = tz_xcalloc((size_t)(hi - lo + 1), sizeof(*masks));

		if (ms->n)
			memcpy(masks + (ms->first - lo), ms->masks, (size_t)ms->n * sizeof(*masks));
		free(ms->masks);
		ms->masks = masks;
		ms->first = lo;
		ms->n = hi - lo + 1;
	}
	i = p.year - ms->first;
	if (ms->masks[i] & bit)
		return 1;
	ms->masks[i] |= bit;
	return 0;
}

/*
 * A project met by this import of ledgers: the years of its rows (bit
 * year - TZ_PERIOD_YEAR_MIN) to refuse a second row for the same year,
 * and a hash of the project-level fields the store holds for it, so that
 * the same project in the next year's rows of the file is not written
 * again unless changed (an update rewrites the row and its index entries).
 */
#define YEAR_WORDS ((TZ_PERIOD_YEAR_MAX - TZ_PERIOD_YEAR_MIN) / 64 + 1)
struct project_seen {
	uint64_t years[YEAR_WORDS];
	uint64_t fields;  /* 0: not known to be stored (to be compared, or new) */
};

enum project_flags {
	F_SEEN = 1,   /* has rows in this import */
	F_HAD = 2,    /* had reports before this import */
	F_DIRTY = 4,  /* recompute its running totals from the table at commit */
};

/* How a row compares with what the store holds for its key. */
enum row_kind {
	ROW_NEW,
	ROW_CHANGED,
	ROW_SAME,
};

/*
 * The stored reports of the project being gathered, read in step with
 * the file. The first report of a run of rows is looked up alone (`one`:
 * its month's columns of its year row, the common case of a file of one
 * month); from the second on, one range query of the project's year
 * rows, stepped forward as years increase, started again when a year
 * goes back. A step of `st` reads every month's columns, which a run of
 * many months shares. Months are read from the row the query stands on:
 * progress_year is not written while a run lasts (its rows are written
 * when it ends).
 */
struct old_reports {
	sqlite3_stmt *one; /* month ?3 of year ?2 (NULLs: no report then) */
	sqlite3_stmt *st;  /* its year rows from year ?2 on, by year */
	int asked;         /* reports of the current run looked up */
	int open;          /* st runs for the current project */
	int row;           /* st stands on a row; 0: no more */
	int from;          /* the last year asked for: earlier ones restart */
	int year;          /* of the row st stands on */
	int64_t completed; /* of the month old_report() last found */
};

/*
 * The reports of the current run of a project's rows that are to be
 * written (new or changed), by year: written as one progress_year row per
 * year when the run ends. Texts are kept with their NUL in `text`.
 */
struct pend_month {
	int64_t completed;
	int status;
	size_t text, problem;  /* offsets in pending.text */
};
struct pend_year {
	int year;
	uint16_t mask;  /* bit N-1: month N is to be written */
	int stored;     /* the store held the year row before the run */
	struct pend_month m[12];
};
struct pending {
	struct pend_year *y;
	int n, alloc;
	int rerun;      /* the project was met earlier in the file */
	struct tz_buf text;
};

/*
 * When an import of ledgers stops keeping the project table's secondary
 * indexes up row by row and builds them at commit (sqlite-defer.c): once
 * it has written as many project rows as 1/DEFER_SHARE of the projects
 * there were, and at least DEFER_MIN_ROWS. Measured on 100,000 projects,
 * the three indexes of schema 2 cost about 9 us per row written one at a
 * time and under 2 us per row of the whole table built from a sort, so
 * from a quarter of the table on, the build is cheaper: a year's ledger
 * into an empty table is then about five times cheaper, and an import
 * that stops just past the mark pays at most about twice what it would
 * have (its rows so far, then the whole table). Small imports never
 * change the schema (which makes other connections prepare their
 * statements again). Into an empty table the build is always the
 * cheaper, so only the first DEFER_EMPTY_ROWS rows, which a small first
 * import stays under, are indexed one by one (4,096 of them cost 5 %
 * of the instructions of a 10,000-project first import).
 */
#define DEFER_SHARE 4
#define DEFER_MIN_ROWS 4096
#define DEFER_EMPTY_ROWS 512

struct sqlite_import {
	enum tz_import_kind kind;
	int rollback;                   /* the file left WAL for this import */
	unsigned keep;                  /* TZ_KEEP_*: fields the file leaves out */
	int plan_kept_row;              /* old_ledger(): the row's stored plan is kept */
	int64_t batch;
	long accepted;
	struct tz_import_stats counts;  /* the accepted rows, by how they compare */
	long arrived;                   /* arrivals recorded (dispatched periods) */
	int64_t known_max;   /* ids up to this one were stored before the import */
	sqlite3_stmt *old_project;   /* projects: a stored project's fields */
	sqlite3_stmt *old_ledger;    /* projects: a stored ledger row */
	struct old_reports old;      /* progress */
	struct pending pend;         /* progress: the current run's year rows */
	sqlite3_stmt **update;       /* progress: by month mask, update_months() */
	struct tz_sqlite_batch rows;        /* project rows, or year rows of reports */
	struct tz_sqlite_batch ledger;      /* projects: ledger rows */
	int64_t project_rows;        /* projects: project rows written */
	int64_t defer_at;            /* projects: at this many, defer the indexes */
	struct tz_buf deferred;      /*   and build them from these at commit */
	struct project_seen *pseen;  /* projects: by id, what this import met */
	int64_t pseen_alloc;
	struct tz_hmap *codes;       /* code -> project id */
	int64_t max_id;
	/* progress */
	unsigned char *flags;        /* by project id */
	int16_t *from_year;          /* progress, by project id: the earliest year
				      * of a report it writes (0: none) */
	int64_t *year_off;           /* by project id: its ledger years are */
	int16_t *years;              /*   years[year_off[id] .. year_off[id + 1]) */
	int64_t *annuals;            /*   and their 年度计划投资 (-1: none) */
	int64_t *total_by_id;        /* progress: by project id, 总投资 */
	int64_t ntotal_by_id;
	struct tz_import_held held;  /* of the last report accepted */
	int64_t last_id;             /* project of the last ledger row accepted */
	int held_ok;
	int64_t cur;                 /* project whose reports are being gathered */
	char cur_code[TZ_CODE_MAX + 1];
	struct tz_report_years acc;  /* its reports in the current run of rows */
	struct month_set *months;    /* by project id: months in this file */
	/* progress: running totals (project_year) of projects without
	 * any stored (not F_HAD); the others are recomputed at commit */
	struct tz_sqlite_batch totals;
	struct tz_sqlite_arrivals *arrivals; /* rows of dispatched periods, or NULL */
};

/* The statements update_months() prepared, finalized and forgotten. */
static void finish_updates(struct sqlite_import *imp)
{
	if (!imp->update)
		return;
	for (int mask = 0; mask < 4096; mask++)
		sqlite3_finalize(imp->update[mask]);
	free(imp->update);
	imp->update = NULL;
}

static void import_free(struct sqlite_import *imp)
{
	if (!imp)
		return;
	tz_sqlite_batch_release(&imp->rows);
	tz_sqlite_batch_release(&imp->ledger);
	tz_buf_release(&imp->deferred);
	free(imp->year_off);
	free(imp->years);
	free(imp->annuals);
	free(imp->total_by_id);
	free(imp->pseen);
	tz_hmap_free(imp->codes);
	if (imp->months)
		for (int64_t id = 0; id <= imp->max_id; id++)
			free(imp->months[id].masks);
	free(imp->months);
	free(imp->flags);
	free(imp->from_year);
	tz_report_years_release(&imp->acc);
	tz_sqlite_batch_release(&imp->totals);
	tz_sqlite_arrivals_free(imp->arrivals);
	sqlite3_finalize(imp->old_project);
	sqlite3_finalize(imp->old_ledger);
	sqlite3_finalize(imp->old.st);
	sqlite3_finalize(imp->old.one);
	finish_updates(imp);
	free(imp->pend.y);
	tz_buf_release(&imp->pend.text);
	free(imp);
}

/* Statements must be finished before COMMIT or ROLLBACK. */
static void finish_statements(struct sqlite_import *imp)
{
	tz_sqlite_batch_release(&imp->rows);
	tz_sqlite_batch_release(&imp->ledger);
	tz_sqlite_batch_release(&imp->totals);
	tz_sqlite_arrivals_free(imp->arrivals);
	imp->arrivals = NULL;
	sqlite3_finalize(imp->old_project);
	sqlite3_finalize(imp->old_ledger);
	sqlite3_finalize(imp->old.st);
	sqlite3_finalize(imp->old.one);
	finish_updates(imp);
	imp->old_project = imp->old_ledger = imp->old.st = imp->old.one = NULL;
}

/* Ids are given, not drawn: the import knows every code's id (or gives
 * the next one inside its write transaction), so the ledger rows can
 * name their project without a query. */
#define PROJECT_COLS 15
static const char project_head[] =
	"INSERT INTO project(id, code, name, region_id, category, owner, leader, unit_id,"
	" years, stage, total, planned_start, batch, natcode, leader_key)";
/* A row without a 项目代码 keeps the stored one (audit 9, W14): a file
 * without the column, or an empty cell, says nothing of it. */
#define NATCODE_SET ", natcode = CASE excluded.natcode WHEN '' THEN project.natcode" \
		    " ELSE excluded.natcode END"
static const char project_tail[] =
	" ON CONFLICT(id) DO UPDATE SET name = excluded.name, region_id = excluded.region_id,"
	" category = excluded.category, owner = excluded.owner, leader = excluded.leader,"
	" leader_key = excluded.leader_key, unit_id = excluded.unit_id, years = excluded.years, stage = excluded.stage,"
	" total = excluded.total, planned_start = excluded.planned_start, batch = excluded.batch"
	NATCODE_SET;
static const char ledger_head[] =
	"INSERT INTO ledger(year, project_id, annual, level, nature, batch)";
static const char ledger_tail[] =
	" ON CONFLICT(year, project_id) DO UPDATE SET annual = excluded.annual,"
	" level = excluded.level, nature = excluded.nature, batch = excluded.batch";
/*
 * Reports go into progress_year, one row per project and year:
 * project_id, year, then per month completedN, statusN, textN, problemN,
 * batchN (NULL: the month is not written). A batch none of whose rows
 * may be stored (the project had no reports before this import, and this
 * is its first run of rows) is written by INSERT OR FAIL without the
 * upsert (prepare_fresh). A multi-row statement that may abort makes
 * SQLite open a statement journal and copy into it (in 1 KB pieces, each
 * a malloc) every page the statement changes that existed before it; an
 * upsert's DO UPDATE always may abort, and so does an ABORT constraint.
 * OR FAIL keeps the rows of a failed statement written before the
 * failing one, but a store error ends every import with a ROLLBACK of its
 * whole transaction (tz_store_import_abort), so nothing depends on
 * undoing one statement. A stored row with the same key, which cannot
 * be, would fail the statement (UNIQUE constraint) instead of being
 * overwritten.
 */
#define YEAR_ROW_COLS (2 + 12 * 5)

static int prepare_fresh(struct sqlite_store *ss, struct tz_sqlite_batch *b, const char *head,
			 struct tz_err *err);

/* "INSERT INTO progress_year(project_id, year, completed1, …, batch12)" */
static void year_row_head(struct tz_buf *sql)
{
	tz_buf_adds(sql, "INSERT INTO progress_year(project_id, year");
	tz_sqlite_month_cols(sql, "", "cstpb", 0);
	tz_buf_addch(sql, ')');
}

/*
 * The upsert of a year row that may be stored: only the months the row
 * brings (non-NULL) are set, the others stay as stored. A text the file
 * leaves out (TZ_KEEP_TEXT, TZ_KEEP_PROBLEM) is kept for a month that
 * had a report, and taken from the row (empty) for one that had none,
 * as a new report's is.
 */
static void year_row_tail(struct tz_buf *sql, unsigned keep)
{
	tz_buf_adds(sql, " ON CONFLICT(project_id, year) DO UPDATE SET");
	for (int m = 1; m <= 12; m++) {
		tz_buf_addf(sql, "%s completed%d = coalesce(excluded.completed%d, completed%d),"
			    " status%d = coalesce(excluded.status%d, status%d),"
			    " batch%d = coalesce(excluded.batch%d, batch%d)",
			    m > 1 ? "," : "", m, m, m, m, m, m, m, m, m);
		for (int t = 0; t < 2; t++) {
			const char *col = t ? "problem" : "text";

			if (keep & (t ? TZ_KEEP_PROBLEM : TZ_KEEP_TEXT))
				tz_buf_addf(sql, ", %s%d = CASE WHEN completed%d IS NULL"
					    " THEN excluded.%s%d ELSE %s%d END", col, m, m, col, m, col, m);
			else
				tz_buf_addf(sql, ", %s%d = coalesce(excluded.%s%d, %s%d)",
					    col, m, col, m, col, m);
		}
	}
}

/* imp->rows for year rows, the upsert without the columns `keep` keeps. */
static int prepare_year_rows(struct sqlite_store *ss, struct sqlite_import *imp, unsigned keep,
			     struct tz_err *err)
{
	struct tz_buf head = TZ_BUF_INIT, tail = TZ_BUF_INIT;
	int rc;

	year_row_head(&head);
	year_row_tail(&tail, keep);
	tz_sqlite_batch_release(&imp->rows);
	rc = tz_sqlite_batch_prepare(ss, &imp->rows, head.buf, tail.buf, YEAR_ROW_COLS, err);
	if (!rc)
		rc = prepare_fresh(ss, &imp->rows, head.buf, err);
	tz_buf_release(&head);
	tz_buf_release(&tail);
	return rc;
}

/* What a row is compared with: every stored field but the batch. */
static const char old_project_sql[] =
	"SELECT name, region_id, category, owner, leader, unit_id, years, stage, total,"
	" planned_start, natcode FROM project WHERE id = ?1";
static const char old_ledger_sql[] =
	"SELECT annual, level, nature FROM ledger WHERE year = ?1 AND project_id = ?2";
/* old_reports_sql(): "SELECT year, completed1, status1, text1, problem1,
 * …, problem12 FROM progress_year WHERE project_id = ?1 AND year >= ?2
 * ORDER BY year" */
static void old_reports_sql(struct tz_buf *sql)
{
	tz_buf_adds(sql, "SELECT year");
	tz_sqlite_month_cols(sql, "", "cstp", 0);
	tz_buf_adds(sql, " FROM progress_year WHERE project_id = ?1 AND year >= ?2 ORDER BY year");
}

/* old_report_sql(): month ?3's completed, status, text and problem of the
 * year row (project ?1, year ?2), by CASE: one row when the year row is
 * stored, its columns NULL when the month has no report. */
static void old_report_sql(struct tz_buf *sql)
{
	static const char *const col[] = { "completed", "status", "text", "problem" };

	tz_buf_adds(sql, "SELECT");
	for (int c = 0; c < 4; c++) {
		tz_buf_adds(sql, c ? ", CASE ?3" : " CASE ?3");
		for (int m = 1; m <= 12; m++)
			tz_buf_addf(sql, " WHEN %d THEN %s%d", m, col[c], m);
		tz_buf_adds(sql, " END");
	}
	tz_buf_adds(sql, " FROM progress_year WHERE project_id = ?1 AND year = ?2");
}

/* b's statements for batches of rows none of which may be stored: head
 * ("INSERT INTO t(cols)") as INSERT OR FAIL, without the upsert
 * (tz_sqlite_batch_prepare_fresh). */
static int prepare_fresh(struct sqlite_store *ss, struct tz_sqlite_batch *b, const char *head,
			 struct tz_err *err)
{
	static const char insert[] = "INSERT INTO ";
	struct tz_buf sql = TZ_BUF_INIT;
	int rc;

	if (strncmp(head, insert, sizeof(insert) - 1))
		return tz_err_set(err, TZ_EINTERNAL, "batch head without INSERT INTO");
	tz_buf_adds(&sql, "INSERT OR FAIL INTO ");
	tz_buf_adds(&sql, head + sizeof(insert) - 1);
	rc = tz_sqlite_batch_prepare_fresh(ss, b, sql.buf, err);
	tz_buf_release(&sql);
	return rc;
}

/*
 * A code as imports match it: ASCII letters in upper case, into key
 * (TZ_CODE_MAX + 1 bytes); its length, or 0 when it does not fit (then
 * matched as written). Imports fold the codes they read the same way
 * (intake/import.c), but databases written before hold p1 beside P1
 * (audit 8): p1 in a list is the project stored as P1 or p1.
 */
static size_t code_key(const char *code, size_t len, char *key)
{
	if (len > TZ_CODE_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		key[i] = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 'a' + 'A') : code[i];
	key[len] = '\0';
	return len;
}

/* Two stored codes that differ only in case (the map holds -1): -1. */
static int case_clash(const char *code, struct tz_err *err)
{
	tz_err_set(err, TZ_EEXIST, "已有两个项目编号与“%s”只差字母大小写，无法分辨是哪一个；"
		   "请先改正其中一个的编号", code);
	return -1;
}

/*
 * The id of the stored project `code` names, ASCII case aside: 1 and
 * *id, 0 if none; TZ_EEXIST (as -1) when two stored codes differ only in
 * case (written by versions that did not fold it): which one is meant
 * cannot be known.
 */
static int code_id(const struct sqlite_import *imp, const char *code, int64_t *id,
		   struct tz_err *err)
{
	char key[TZ_CODE_MAX + 1];
	size_t n = code_key(code, strlen(code), key);

	if (!tz_hmap_get(imp->codes, n ? key : code, n ? n : strlen(code), id))
		return 0;
	return *id < 0 ? case_clash(code, err) : 1;
}

/*
 * As code_id for a ledger row, in one probe of the map: a code not
 * stored is given the next id (++imp->max_id) and kept. 1 and *id for a
 * stored code, 0 and *id for a new one, -1 as code_id's.
 */
static int code_id_or_new(struct sqlite_import *imp, const char *code, int64_t *id,
			  struct tz_err *err)
{
	char key[TZ_CODE_MAX + 1];
	size_t len = strlen(code), n = code_key(code, len, key);

	if (tz_hmap_add(imp->codes, n ? key : code, n ? n : len, imp->max_id + 1, id)) {
		*id = ++imp->max_id;
		return 0;
	}
	return *id < 0 ? case_clash(code, err) : 1;
}

/* Reports: project id's 总投资, judged against (W21; tz_store_import_held). */
static void keep_total(struct sqlite_import *imp, int64_t id, int64_t total)
{
	if (id <= 0)
		return;
	if (id >= imp->ntotal_by_id) {
		int64_t n = id * 2 + 1024;

		imp->total_by_id = tz_xrealloc(imp->total_by_id,
						tz_st_mult((size_t)n, sizeof(*imp->total_by_id)));
		memset(imp->total_by_id + imp->ntotal_by_id, 0,
		       (size_t)(n - imp->ntotal_by_id) * sizeof(*imp->total_by_id));
		imp->ntotal_by_id = n;
	}
	imp->total_by_id[id] = total;
}

/* Project ids by code, the code's ASCII case aside (code_key); codes
 * stored twice in two cases map to -1 (code_id). */
static int load_codes(struct sqlite_store *ss, struct sqlite_import *imp, struct tz_err *err)
{
	sqlite3_stmt *st;
	int64_t most = 0;
	int rc;

	/* Ids are given in turn: the largest is about the count, read off
	 * the table's last page where count(*) would scan it. */
	if ((rc = tz_sqlite_query_int(ss, "SELECT max(id) FROM project", &most, err)) ||
	    (rc = tz_sqlite_prepare(ss, "SELECT id, code, total FROM project", &st, err)))
		return rc;
	imp->codes = tz_hmap_new();
	if (most > 0 && most < INT32_MAX)
		tz_hmap_reserve(imp->codes, (size_t)most);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), had;
		const char *code;
		size_t len, n;
		char key[TZ_CODE_MAX + 1];

		if (imp->kind == TZ_IMPORT_PROGRESS)
			keep_total(imp, id, sqlite3_column_int64(st, 2));
		code = (const char *)sqlite3_column_text(st, 1);
		len = (size_t)sqlite3_column_bytes(st, 1);
		n = code_key(code, len, key);

		if (n) {
			code = key;
			len = n;
		}
		/* One probe a code; a code stored twice (in two cases) is -1. */
		if (!tz_hmap_add(imp->codes, code, len, id, &had) && had != id) {
			tz_hmap_put(imp->codes, code, len, -1, NULL);
			continue;
		}
		if (id > imp->max_id)
			imp->max_id = id;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "load projects");
}

/* One row of the ledger as the import's setup reads it. */
struct ledger_row {
	int64_t annual;  /* 0.01 万元; -1: none */
	int32_t project_id;
	int16_t year;
};

/* The ledger's rows, read by a thread on its own connection while the
 * store's reads the codes (load_projects). */
struct ledger_read {
	sqlite3 *db;
	struct ledger_row *rows;
	size_t n, alloc;
	int rc;  /* SQLITE_DONE when every row was read */
};

/* Read every ledger row on lr->db into lr->rows, in the table's order
 * (year, project); lr->rc says how it ended. */
static void ledger_read_rows(struct ledger_read *lr)
{
	sqlite3_stmt *st;

	lr->n = 0;
	if ((lr->rc = sqlite3_prepare_v2(lr->db, "SELECT project_id, year, annual FROM ledger", -1,
					 &st, NULL)) != SQLITE_OK)
		return;
	while ((lr->rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct ledger_row *r;
		int64_t id = sqlite3_column_int64(st, 0);

		if (id < 1 || id > INT32_MAX)
			continue;  /* no project of the import (ids are given in turn) */
		TZ_ALLOC_GROW(lr->rows, lr->n + 1, lr->alloc);
		r = &lr->rows[lr->n++];
		r->project_id = (int32_t)id;
		r->year = (int16_t)sqlite3_column_int(st, 1);
		r->annual = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
}

static void *ledger_thread(void *arg)
{
	ledger_read_rows(arg);
	return NULL;
}

/*
 * Each project's ledger years, packed from the rows read:
 * years[year_off[id] .. year_off[id + 1]), annuals beside them, placed
 * by a counting sort, so no index on the project is needed. Rows of ids
 * past max_id (none: the codes were read in the same transaction) are
 * left out.
 */
static void pack_ledger_years(struct sqlite_import *imp, const struct ledger_row *rows, size_t n)
{
	int64_t *fill;

	imp->year_off = tz_xcalloc((size_t)imp->max_id + 2, sizeof(*imp->year_off));
	imp->years = tz_xcalloc(n + 1, sizeof(*imp->years));
	imp->annuals = tz_xcalloc(n + 1, sizeof(*imp->annuals));
	for (size_t k = 0; k < n; k++)
		if (rows[k].project_id <= imp->max_id)
			imp->year_off[rows[k].project_id + 1]++;
	for (int64_t id = 1; id <= imp->max_id + 1; id++)
		imp->year_off[id] += imp->year_off[id - 1];
	fill = tz_xmalloc(tz_st_mult((size_t)imp->max_id + 2, sizeof(*fill)));
	memcpy(fill, imp->year_off, ((size_t)imp->max_id + 2) * sizeof(*fill));
	for (size_t k = 0; k < n; k++) {
		int32_t id = rows[k].project_id;

		if (id > imp->max_id)
			continue;
		imp->annuals[fill[id]] = rows[k].annual;
		imp->years[fill[id]++] = rows[k].year;
	}
	free(fill);
}

/* Whether project id is in the ledger of `year`; *annual its plan there
 * (-1: none). */
static int in_ledger(const struct sqlite_import *imp, int64_t id, int year, int64_t *annual)
{
	for (int64_t i = imp->year_off[id]; i < imp->year_off[id + 1]; i++)
		if (imp->years[i] == year) {
			*annual = imp->annuals[i];
			return 1;
		}
	return 0;
}

/* For reports: ids, ledger years, and which projects already have reports. */
static int load_projects(struct sqlite_store *ss, struct sqlite_import *imp, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	struct ledger_read lr = { 0 };
	pthread_t thread;
	int started;

	/* The ledger's rows on a second connection while this one reads the
	 * codes: the two scans were a serial 90 ms before the rows of a
	 * 100,000-project import could start. Both see the file as it was
	 * committed before the import's BEGIN IMMEDIATE, which keeps every
	 * other writer out. Without a second connection, one after the
	 * other. */
	lr.db = tz_sqlite_open_reader(ss, 0, 0);
	started = lr.db && !pthread_create(&thread, NULL, ledger_thread, &lr);
	rc = load_codes(ss, imp, err);
	if (started)
		pthread_join(thread, NULL);
	sqlite3_close(lr.db);
	lr.db = ss->db;
	if (!rc && (!started || lr.rc != SQLITE_DONE))
		ledger_read_rows(&lr);  /* again here: on this connection, errors are its own */
	if (!rc && lr.rc != SQLITE_DONE)
		rc = tz_sqlite_error(ss, err, "load ledger");
	if (!rc)
		pack_ledger_years(imp, lr.rows, lr.n);
	free(lr.rows);
	if (rc)
		return rc;
	imp->flags = tz_xcalloc((size_t)imp->max_id + 1, 1);
	imp->from_year = tz_xcalloc((size_t)imp->max_id + 1, sizeof(*imp->from_year));
	imp->months = tz_xcalloc((size_t)imp->max_id + 1, sizeof(*imp->months));

	rc = tz_sqlite_prepare(ss, "SELECT DISTINCT project_id FROM project_year", &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id > 0 && id <= imp->max_id)
			imp->flags[id] |= F_HAD;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "load running totals");
	return 0;
}


/* "ON CONFLICT(key) DO UPDATE SET" of `cols` (name, kept-if bit) but
 * the kept ones, into sql. */
struct set_col {
	const char *name;
	unsigned keep;
};

static void upsert_tail(struct tz_buf *sql, const char *key, const struct set_col *cols,
			size_t n, unsigned keep)
{
	tz_buf_addf(sql, " ON CONFLICT(%s) DO UPDATE SET batch = excluded.batch", key);
	for (size_t i = 0; i < n; i++)
		if (!(cols[i].keep & keep))
			tz_buf_addf(sql, ", %s = excluded.%s", cols[i].name, cols[i].name);
}

int tz_sqlite_import_keep(struct tz_store *s, unsigned keep, struct tz_err *err)
{
	static const struct set_col project_cols[] = {
		{ "name", 0 }, { "region_id", 0 }, { "category", TZ_KEEP_CATEGORY },
		{ "owner", TZ_KEEP_OWNER }, { "leader", TZ_KEEP_LEADER },
		{ "leader_key", TZ_KEEP_LEADER }, { "unit_id", TZ_KEEP_UNIT },
		{ "years", TZ_KEEP_YEARS }, { "stage", TZ_KEEP_STAGE }, { "total", 0 },
		{ "planned_start", TZ_KEEP_START },
	};
	static const struct set_col ledger_cols[] = {
		{ "annual", TZ_KEEP_PLAN }, { "level", TZ_KEEP_LEVEL }, { "nature", TZ_KEEP_NATURE },
	};
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_import *imp = ss->imp;
	struct tz_buf tail = TZ_BUF_INIT;
	int rc;

	if (!imp || imp->accepted)
		return tz_err_set(err, TZ_EINTERNAL, "import_keep before the rows of an import");
	imp->keep = keep;
	/* The upserts again, without the kept columns. */
	tz_sqlite_batch_release(&imp->rows);
	if (imp->kind == TZ_IMPORT_PROGRESS) {
		/* Prepared when first needed, with the new keep. */
		finish_updates(imp);
		rc = 0;
	} else {
		upsert_tail(&tail, "id", project_cols, sizeof(project_cols) / sizeof(project_cols[0]),
			    keep);
		tz_buf_adds(&tail, NATCODE_SET);
		rc = tz_sqlite_batch_prepare(ss, &imp->rows, project_head, tail.buf, PROJECT_COLS, err);
		if (!rc)
			rc = prepare_fresh(ss, &imp->rows, project_head, err);
		tz_sqlite_batch_release(&imp->ledger);
		tz_buf_reset(&tail);
		upsert_tail(&tail, "year, project_id", ledger_cols,
			    sizeof(ledger_cols) / sizeof(ledger_cols[0]), keep);
		if (!rc)
			rc = tz_sqlite_batch_prepare(ss, &imp->ledger, ledger_head, tail.buf, 6, err);
		if (!rc)
			rc = prepare_fresh(ss, &imp->ledger, ledger_head, err);
	}
	tz_buf_release(&tail);
	return rc;
}

/*
 * After an import that ran in a rollback journal (tz_sqlite_import_begin),
 * committed or rolled back: WAL's settings and WAL again. If the switch
 * fails (a connection opened meanwhile holds a lock for longer than
 * TZ_SQLITE_BUSY_MS), the file stays in rollback mode until the next
 * import or an open that finds it alone (sqlite_open); nothing is lost
 * either way.
 */
static void journal_back(struct sqlite_store *ss)
{
	tz_sqlite_exec(ss, "PRAGMA synchronous=NORMAL", NULL);
	/* Readers of a file in rollback mode lock it only while they read. */
	tz_sqlite_journal(ss, 1, TZ_SQLITE_BUSY_MS);
}

int tz_sqlite_import_begin(struct tz_store *s, enum tz_import_kind kind, const char *source,
			   struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_import *imp = tz_xcalloc(1, sizeof(*imp));
	int progress = kind == TZ_IMPORT_PROGRESS;
	sqlite3_stmt *st = NULL;
	int rc;

	imp->kind = kind;
	tz_buf_init(&imp->pend.text, 0);
	tz_buf_init(&imp->deferred, 0);
	/*
	 * The journal. In WAL every page the import writes goes to the WAL
	 * and again into the file at the checkpoint; a rollback journal
	 * holds only the stored pages it changes, and the new ones (most of
	 * a large import) are written once. So an import that is alone on
	 * the file switches it to a rollback journal for its transaction,
	 * and back to WAL when it ends (finish_import), so that readers keep
	 * WAL's concurrency afterwards. With another connection open (a
	 * running `taizhang serve`, the web's own import) SQLite refuses the
	 * switch at once and the import runs in WAL as before. A rollback
	 * journal is as atomic as WAL; synchronous=FULL is its safe setting
	 * (NORMAL is WAL's). If the process dies before the switch back, the
	 * next open puts the file back into WAL (sqlite_open).
	 */
	imp->rollback = tz_sqlite_journal(ss, 0, 0);
	if (imp->rollback && (rc = tz_sqlite_exec(ss, "PRAGMA synchronous=FULL", err)))
		goto fail_journal;
	/*
	 * Every reference an import writes is known to exist: progress rows
	 * are resolved against the project map loaded below, inside the same
	 * transaction; ledger rows name the project written just before them
	 * (ids are given, not drawn); regions and units come from the
	 * organisation tree of the same store (nodes are never deleted, and
	 * those made by the import are in its transaction). Checking the
	 * foreign keys again would cost B-tree searches per row. The pragma
	 * only takes effect outside a transaction, hence before BEGIN;
	 * commit and abort turn it back on.
	 */
	if ((rc = tz_sqlite_exec(ss, "PRAGMA foreign_keys=OFF", err)))
		goto fail_journal;
	/* Reads during an import (the commit may scan every report) go
	 * through the bounded page cache, not the mapping, so the import's
	 * memory stays the same whatever the size of the database; and
	 * that cache is the import's smaller one (TZ_SQLITE_IMPORT_CACHE_KB). */
	if ((rc = tz_sqlite_exec(ss, "PRAGMA mmap_size=0;"
				 "PRAGMA cache_size=-" TZ_SQLITE_IMPORT_CACHE_KB, err)))
		goto fail_fk;
	if ((rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err)))
		goto fail_fk;
	rc = tz_sqlite_prepare(ss, "INSERT INTO import_batch(kind, source) VALUES(?1, ?2)", &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_text(st, 1, progress ? "progress" : "projects", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, source ? source : "", -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = tz_sqlite_error(ss, err, "import_batch");
		goto fail;
	}
	imp->batch = sqlite3_last_insert_rowid(ss->db);
	if (progress) {
		struct tz_buf sql = TZ_BUF_INIT;

		old_reports_sql(&sql);
		rc = tz_sqlite_prepare(ss, sql.buf, &imp->old.st, err);
		tz_buf_reset(&sql);
		old_report_sql(&sql);
		if (!rc)
			rc = tz_sqlite_prepare(ss, sql.buf, &imp->old.one, err);
		tz_buf_release(&sql);
		/* imp->rows is prepared when a year row is first inserted
		 * (write_pending): a file of one month updates stored rows
		 * only, and its statements of 64 rows of 62 columns cost
		 * more to prepare than such an import to run. */
		if (rc || (rc = load_projects(ss, imp, err)) ||
		    (rc = tz_sqlite_years_prepare(ss, &imp->totals, 1, err)) ||
		    (rc = tz_sqlite_arrivals_begin(ss, &imp->arrivals, err)))
			goto fail;
	} else {
		if ((rc = load_codes(ss, imp, err)) ||
		    (rc = tz_sqlite_prepare(ss, old_project_sql, &imp->old_project, err)) ||
		    (rc = tz_sqlite_prepare(ss, old_ledger_sql, &imp->old_ledger, err)) ||
		    (rc = tz_sqlite_batch_prepare(ss, &imp->rows, project_head, project_tail, PROJECT_COLS, err)) ||
		    (rc = prepare_fresh(ss, &imp->rows, project_head, err)))
			goto fail;
		/* Ids are given in turn, so max_id counts the projects. */
		imp->defer_at = !imp->max_id ? DEFER_EMPTY_ROWS
				: imp->max_id / DEFER_SHARE > DEFER_MIN_ROWS ? imp->max_id / DEFER_SHARE
									     : DEFER_MIN_ROWS;
		if (!(rc = tz_sqlite_batch_prepare(ss, &imp->ledger, ledger_head, ledger_tail, 6, err)))
			rc = prepare_fresh(ss, &imp->ledger, ledger_head, err);
	}
	if (rc)
		goto fail;
	imp->known_max = imp->max_id;
	ss->imp = imp;
	return 0;
fail:
	tz_sqlite_exec(ss, "ROLLBACK", NULL);
fail_fk:
	tz_sqlite_exec(ss, "PRAGMA foreign_keys=ON", NULL);
	tz_sqlite_exec(ss, "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE ";"
			   "PRAGMA cache_size=-" TZ_SQLITE_CACHE_KB, NULL);
fail_journal:
	if (imp->rollback)
		journal_back(ss);
	import_free(imp);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

/*
 * project.leader_key (sqlite-internal.h): `leader` with every ASCII space
 * removed, then every U+3000 (E3 80 80), as TZ_SQLITE_LEADER_KEY_SQL does
 * in SQL (two passes, so that the stored key is the expression's for any
 * bytes), appended to row's cells of `b`. No allocation beyond the batch's.
 */
static void leader_key(struct tz_sqlite_batch *b, const char *leader)
{
	size_t len = leader ? strlen(leader) : 0, n = 0, k = 0;
	char stack[256], *key = len < sizeof(stack) ? stack : tz_xmalloc(len + 1);

	for (size_t i = 0; i < len; i++)
		if (leader[i] != ' ')
			key[n++] = leader[i];
	for (size_t i = 0; i < n; i++) {
		if (i + 3 <= n && !memcmp(key + i, "\xe3\x80\x80", 3)) {
			i += 2;
			continue;
		}
		key[k++] = key[i];
	}
	key[k] = '\0';
	tz_sqlite_batch_text(b, key);
	if (key != stack)
		free(key);
}

static int write_project(struct sqlite_store *ss, struct tz_sqlite_batch *b, int64_t id,
			 const struct tz_project *p, struct tz_err *err)
{
	tz_sqlite_batch_int(b, id);
	tz_sqlite_batch_text(b, p->code);
	tz_sqlite_batch_text(b, p->name);
	tz_sqlite_batch_int(b, p->region_id);
	tz_sqlite_batch_text(b, p->category);
	tz_sqlite_batch_text(b, p->owner);
	tz_sqlite_batch_text(b, p->leader);
	if (p->unit_id)
		tz_sqlite_batch_int(b, p->unit_id);
	else
		tz_sqlite_batch_null(b);
	tz_sqlite_batch_text(b, p->years);
	tz_sqlite_batch_text(b, p->stage);
	tz_sqlite_batch_int(b, p->total);
	if (p->planned_start.year)
		tz_sqlite_batch_int(b, tz_period_code(p->planned_start));
	else
		tz_sqlite_batch_null(b);
	tz_sqlite_batch_int(b, ss->imp->batch);
	tz_sqlite_batch_text(b, p->natcode ? p->natcode : "");
	leader_key(b, p->leader);
	return tz_sqlite_batch_end_row(ss, b, err);
}

/*
 * A hash of what describes the project whatever the year; never 0. Only
 * compared within one import. The texts' part is the row's text_hash
 * when the intake computed it on its reading thread (issue 6: seven
 * strlen and hashes a row were a twentieth of the writing thread).
 */
static uint64_t project_fields(const struct tz_project *p)
{
	const char *nat = p->natcode ? p->natcode : "";
	int64_t nums[] = { p->region_id, p->unit_id, p->total, p->planned_start.year ?
			   tz_period_code(p->planned_start) : 0 };
	uint64_t h = p->text_hash ? p->text_hash : tz_project_text_hash(p);

	/* Each text with its NUL, so ("ab", "c") and ("a", "bc") differ. */
	h = tz_hash_more(h, nat, strlen(nat) + 1);
	h = tz_hash_more(h, nums, sizeof(nums));
	h = tz_hash_bytes(&h, sizeof(h));  /* mixed: equal hashes mean equal fields */
	return h ? h : 1;
}

static int same_text(const char *stored, const char *s)
{
	return !strcmp(stored ? stored : "", s ? s : "");
}

/* A NULL column as 0, as the import writes 0 (none) as NULL. */
static int64_t int_or_0(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, col);
}

/* Whether project `id`, stored before the import, holds p's fields. */
static int same_project(struct sqlite_store *ss, int64_t id, const struct tz_project *p,
			int *same, struct tz_err *err)
{
	sqlite3_stmt *st = ss->imp->old_project;
	unsigned keep = ss->imp->keep;
	int rc;

	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return tz_sqlite_error(ss, err, "project");
	}
	/* A field the file leaves out is kept, so it is the same. */
	*same = rc == SQLITE_ROW &&
		same_text(tz_sqlite_text(st, 0), p->name) &&
		sqlite3_column_int64(st, 1) == p->region_id &&
		(keep & TZ_KEEP_CATEGORY || same_text(tz_sqlite_text(st, 2), p->category)) &&
		(keep & TZ_KEEP_OWNER || same_text(tz_sqlite_text(st, 3), p->owner)) &&
		(keep & TZ_KEEP_LEADER || same_text(tz_sqlite_text(st, 4), p->leader)) &&
		(keep & TZ_KEEP_UNIT || int_or_0(st, 5) == p->unit_id) &&
		(keep & TZ_KEEP_YEARS || same_text(tz_sqlite_text(st, 6), p->years)) &&
		(keep & TZ_KEEP_STAGE || same_text(tz_sqlite_text(st, 7), p->stage)) &&
		sqlite3_column_int64(st, 8) == p->total &&
		(keep & TZ_KEEP_START ||
		 int_or_0(st, 9) == (p->planned_start.year ? tz_period_code(p->planned_start) : 0)) &&
		(!p->natcode || !*p->natcode || same_text(tz_sqlite_text(st, 10), p->natcode));
	sqlite3_reset(st);
	return 0;
}

/* How p's ledger row for p->year compares with the stored one. */
/* Whether the stored ledger row at st holds p's 项目级别 and 建设性质
 * (a column the file leaves out is kept, so it is the same). */
static int same_level_nature(struct sqlite_store *ss, sqlite3_stmt *st, const struct tz_project *p)
{
	return (ss->imp->keep & TZ_KEEP_LEVEL || same_text(tz_sqlite_text(st, 1), p->level)) &&
	       (ss->imp->keep & TZ_KEEP_NATURE || same_text(tz_sqlite_text(st, 2), p->nature));
}

static int old_ledger(struct sqlite_store *ss, int64_t id, const struct tz_project *p,
		      enum row_kind *kind, struct tz_err *err)
{
	sqlite3_stmt *st = ss->imp->old_ledger;
	int rc;

	sqlite3_bind_int(st, 1, p->year);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return tz_sqlite_error(ss, err, "ledger");
	}
	if (rc == SQLITE_DONE) {
		*kind = ROW_NEW;
	} else if (ss->imp->keep & TZ_KEEP_PLAN) {
		/* The file has no plan column: a stored plan stays, and must
		 * still fit under the total the row brings. */
		int has = sqlite3_column_type(st, 0) != SQLITE_NULL;
		int64_t annual = sqlite3_column_int64(st, 0);
		char x[TZ_MONEY_FMT_MAX], y[TZ_MONEY_FMT_MAX];

		if (has && annual > p->total) {
			sqlite3_reset(st);
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "总投资(万元)",
					     "总投资%s万元小于已有的%d年度计划投资%s万元（本文件没有"
					     "年度计划投资列，计划保留）；请在文件中一并写明年度计划投资",
					     tz_money_fmt(p->total, x), p->year, tz_money_fmt(annual, y));
		}
		ss->imp->plan_kept_row = has;
		*kind = same_level_nature(ss, st, p) ? ROW_SAME : ROW_CHANGED;
	} else {
		*kind = (sqlite3_column_type(st, 0) == SQLITE_NULL) == !p->has_plan &&
				(!p->has_plan || sqlite3_column_int64(st, 0) == p->annual) &&
				same_level_nature(ss, st, p)
			? ROW_SAME : ROW_CHANGED;
	}
	sqlite3_reset(st);
	return 0;
}

/* Count an accepted row. */
static void count_row(struct sqlite_import *imp, enum row_kind kind)
{
	imp->accepted++;
	if (kind == ROW_NEW)
		imp->counts.added++;
	else if (kind == ROW_CHANGED)
		imp->counts.replaced++;
	else
		imp->counts.unchanged++;
}

int tz_sqlite_import_project(struct tz_store *s, const struct tz_project *p,
			     struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_import *imp = ss->imp;
	struct tz_sqlite_batch *b = &imp->rows, *l = &imp->ledger;
	int yb = p->year - TZ_PERIOD_YEAR_MIN, rc, known, wrote = 0, found;
	struct project_seen *seen;
	enum row_kind kind = ROW_NEW;  /* its ledger row */
	uint64_t fields;
	int64_t id;

	if (!p->region_id || yb < 0 || yb >= YEAR_WORDS * 64)
		return tz_err_set(err, TZ_EINTERNAL, "region or year not valid");
	if ((found = code_id_or_new(imp, p->code, &id, err)) < 0)
		return TZ_EEXIST;
	if (id >= imp->pseen_alloc) {
		int64_t n = id * 2 + 1024;

		imp->pseen = tz_xrealloc(imp->pseen, tz_st_mult((size_t)n, sizeof(*imp->pseen)));
		memset(imp->pseen + imp->pseen_alloc, 0,
		       (size_t)(n - imp->pseen_alloc) * sizeof(*imp->pseen));
		imp->pseen_alloc = n;
	}
	seen = &imp->pseen[id];
	if (seen->years[yb / 64] & (1ULL << (yb % 64)))
		return tz_err_set(err, TZ_EEXIST, "项目编号重复（本文件中已有%d年度的同一项目）",
				  p->year);

	/*
	 * Compared with what the store holds when the row comes: a project
	 * stored before the import is read once, at its first row (later
	 * rows compare with what that one left); its ledger row for the
	 * year, which no earlier row of the file can have written.
	 */
	fields = project_fields(p);
	known = id <= imp->known_max;
	if (known && !seen->fields) {
		int same = 0;

		if ((rc = same_project(ss, id, p, &same, err)))
			return rc;
		if (same)
			seen->fields = fields;
	}
	imp->plan_kept_row = 0;
	if (known && (rc = old_ledger(ss, id, p, &kind, err)))
		return rc;
	imp->counts.plan_kept += imp->plan_kept_row;
	seen->years[yb / 64] |= 1ULL << (yb % 64);

	/* The project row unless the store holds the same, the ledger row
	 * likewise (foreign keys are off: see import_begin). A row is
	 * unchanged when neither is written. */
	if (fields != seen->fields) {
		/* Stored before, or written earlier in this file. */
		if (known || seen->fields)
			tz_sqlite_batch_may_exist(b);
		seen->fields = fields;
		wrote = 1;
		if (++imp->project_rows == imp->defer_at &&
		    (rc = tz_sqlite_defer_indexes(ss, "project", &imp->deferred, err)))
			return rc;
		if ((rc = write_project(ss, b, id, p, err)))
			return rc;
	}
	count_row(imp, kind == ROW_SAME && wrote ? ROW_CHANGED : kind);
	imp->last_id = id;
	if (kind == ROW_SAME)
		return 0;
	/* The file names a project and year once (seen->years). */
	if (kind != ROW_NEW)
		tz_sqlite_batch_may_exist(l);
	tz_sqlite_batch_int(l, p->year);
	tz_sqlite_batch_int(l, id);
	if (p->has_plan)
		tz_sqlite_batch_int(l, p->annual);
	else
		tz_sqlite_batch_null(l);
	tz_sqlite_batch_text(l, p->level);
	tz_sqlite_batch_text(l, p->nature);
	tz_sqlite_batch_int(l, imp->batch);
	return tz_sqlite_batch_end_row(ss, l, err);
}


static int write_years(struct sqlite_store *ss, int64_t project, const struct tz_report_years *y,
		       struct tz_err *err)
{
	return tz_sqlite_years_write(ss, &ss->imp->totals, project, y, err);
}

/* Step the stored reports' query to its next year row, or note its end. */
static int old_step(struct sqlite_store *ss, struct old_reports *o, struct tz_err *err)
{
	int rc = sqlite3_step(o->st);

	o->row = rc == SQLITE_ROW;
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return tz_sqlite_error(ss, err, "progress");
	o->year = sqlite3_column_int(o->st, 0);
	return 0;
}

/* How report r compares with the stored month at columns c.. of st
 * (completed, status, text, problem); the month is stored. */
static enum row_kind compare_month(struct sqlite_import *imp, sqlite3_stmt *st, int c,
				   const struct tz_progress *r)
{
	unsigned keep = imp->keep;

	imp->old.completed = sqlite3_column_int64(st, c);
	if (imp->old.completed == r->completed && sqlite3_column_int(st, c + 1) == (int)r->status &&
	    (keep & TZ_KEEP_TEXT || same_text(tz_sqlite_text(st, c + 2), r->progress_text)) &&
	    (keep & TZ_KEEP_PROBLEM || same_text(tz_sqlite_text(st, c + 3), r->problem)))
		return ROW_SAME;
	return ROW_CHANGED;
}

/*
 * How report r of project `id`, which had reports before this import,
 * compares with the stored one; *stored: whether its year row is stored.
 * The run's first report is looked up alone (old.one); from its second,
 * the query of the project's year rows is stepped forward to r's year,
 * or started again at it when the file goes back in time; the month is
 * read from the row it stands on (columns 1 + 4 * (month - 1) on:
 * completed, status, text, problem).
 */
static int old_report(struct sqlite_store *ss, int64_t id, const struct tz_progress *r,
		      enum row_kind *kind, int *stored, struct tz_err *err)
{
	struct old_reports *o = &ss->imp->old;
	int year = r->period.year, c = 1 + 4 * (r->period.month - 1), rc;

	if (!o->asked++) {
		sqlite3_bind_int64(o->one, 1, id);
		sqlite3_bind_int(o->one, 2, year);
		sqlite3_bind_int(o->one, 3, r->period.month);
		rc = sqlite3_step(o->one);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			sqlite3_reset(o->one);
			return tz_sqlite_error(ss, err, "progress");
		}
		*stored = rc == SQLITE_ROW;
		*kind = !*stored || sqlite3_column_type(o->one, 0) == SQLITE_NULL
			? ROW_NEW : compare_month(ss->imp, o->one, 0, r);
		sqlite3_reset(o->one);
		return 0;
	}
	if (!o->open || year < o->from) {
		sqlite3_reset(o->st);
		sqlite3_bind_int64(o->st, 1, id);
		sqlite3_bind_int(o->st, 2, year);
		o->open = 1;
		if ((rc = old_step(ss, o, err)))
			return rc;
	}
	o->from = year;
	while (o->row && o->year < year)
		if ((rc = old_step(ss, o, err)))
			return rc;
	*stored = o->row && o->year == year;
	*kind = !*stored || sqlite3_column_type(o->st, c) == SQLITE_NULL
		? ROW_NEW : compare_month(ss->imp, o->st, c, r);
	return 0;
}

/* Keep report r (new or changed) to be written when its run ends;
 * `stored`: the store holds its year row. */
static int pend_report(struct pending *pd, const struct tz_progress *r, int stored,
		       struct tz_err *err)
{
	const char *text = r->progress_text ? r->progress_text : "";
	const char *problem = r->problem ? r->problem : "";
	struct pend_year *y = NULL;
	struct pend_month *pm;
	size_t at = pd->text.len;

	for (int i = pd->n - 1; i >= 0 && !y; i--)
		if (pd->y[i].year == r->period.year)
			y = &pd->y[i];
	if (!y) {
		if (pd->n == pd->alloc) {
			pd->alloc = pd->alloc ? pd->alloc * 2 : 8;
			pd->y = tz_xrealloc(pd->y, tz_st_mult((size_t)pd->alloc, sizeof(*pd->y)));
		}
		y = &pd->y[pd->n++];
		y->year = r->period.year;
		y->mask = 0;
		y->stored = 0;
	}
	y->stored |= stored;
	pm = &y->m[r->period.month - 1];
	if (tz_buf_add(&pd->text, text, strlen(text) + 1) ||
	    tz_buf_add(&pd->text, problem, strlen(problem) + 1)) {
		tz_buf_setlen(&pd->text, at);
		return tz_err_set_at(err, TZ_ETOOBIG, NULL, 0, "形象进度",
				     "项目%s在本文件中连续各行的形象进度和存在问题合计超过%zu字节，无法导入",
				     r->code, pd->text.max);
	}
	pm->completed = r->completed;
	pm->status = (int)r->status;
	pm->text = at;
	pm->problem = at + strlen(text) + 1;
	y->mask |= (uint16_t)(1u << (r->period.month - 1));
	return 0;
}

/*
 * The UPDATE of a stored year row setting the months of `mask` (bit N-1:
 * month N): ?1 the project, ?2 the year, then each month's completed,
 * status, text, problem and batch in month order. A text the file
 * leaves out (TZ_KEEP_TEXT, TZ_KEEP_PROBLEM) is kept when the month had
 * a report, else takes the row's (empty), as a new report's is. Prepared
 * once per mask and kept for the import (a file of one month uses one).
 * OR FAIL: no statement journal (fresh_head's comment).
 */
static int update_stmt(struct sqlite_store *ss, unsigned mask, sqlite3_stmt **out,
		       struct tz_err *err)
{
	struct sqlite_import *imp = ss->imp;
	struct tz_buf sql = TZ_BUF_INIT;
	int rc, param = 3, first = 1;

	if (!imp->update)
		imp->update = tz_xcalloc(4096, sizeof(*imp->update));
	if ((*out = imp->update[mask]))
		return 0;
	tz_buf_adds(&sql, "UPDATE OR FAIL progress_year SET");
	for (int m = 1; m <= 12; m++) {
		if (!(mask & (1u << (m - 1))))
			continue;
		tz_buf_addf(&sql, "%s completed%d = ?%d, status%d = ?%d", first ? "" : ",",
			    m, param, m, param + 1);
		for (int t = 0; t < 2; t++) {
			const char *col = t ? "problem" : "text";

			if (imp->keep & (t ? TZ_KEEP_PROBLEM : TZ_KEEP_TEXT))
				tz_buf_addf(&sql, ", %s%d = coalesce(%s%d, ?%d)", col, m, col, m,
					    param + 2 + t);
			else
				tz_buf_addf(&sql, ", %s%d = ?%d", col, m, param + 2 + t);
		}
		tz_buf_addf(&sql, ", batch%d = ?%d", m, param + 4);
		param += 5;
		first = 0;
	}
	tz_buf_adds(&sql, " WHERE project_id = ?1 AND year = ?2");
	rc = tz_sqlite_prepare(ss, sql.buf, &imp->update[mask], err);
	tz_buf_release(&sql);
	*out = imp->update[mask];
	return rc;
}

/* Write the months of y into project id's stored year row. */
static int update_months(struct sqlite_store *ss, int64_t id, const struct pend_year *y,
			 struct tz_err *err)
{
	const struct pending *pd = &ss->imp->pend;
	sqlite3_stmt *st;
	int rc, param = 3;

	if ((rc = update_stmt(ss, y->mask, &st, err)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, y->year);
	for (int m = 0; m < 12; m++) {
		const struct pend_month *pm = &y->m[m];

		if (!(y->mask & (1u << m)))
			continue;
		sqlite3_bind_int64(st, param, pm->completed);
		sqlite3_bind_int(st, param + 1, pm->status);
		sqlite3_bind_text(st, param + 2, pd->text.buf + pm->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, param + 3, pd->text.buf + pm->problem, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, param + 4, ss->imp->batch);
		param += 5;
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "progress");
	/* old_report() saw the row, and nothing since could remove it. */
	if (sqlite3_changes(ss->db) != 1)
		return tz_err_set(err, TZ_EINTERNAL, "year row %lld/%d not stored",
				  (long long)id, y->year);
	return 0;
}

/*
 * The current run's year rows, in year order. A year row the store held
 * before the run (old_report() saw it; the project's first run) is
 * updated at once, only the run's months set. The others go into
 * imp->rows: by the plain insert, none being stored, unless an earlier
 * run of this file wrote the project's rows (then through the upsert,
 * in order after them).
 */
static int write_pending(struct sqlite_store *ss, int64_t id, struct tz_err *err)
{
	struct sqlite_import *imp = ss->imp;
	struct pending *pd = &imp->pend;
	struct tz_sqlite_batch *b = &imp->rows;
	int rc = 0;

	/* Runs span a few years: an insertion sort. */
	for (int i = 1; i < pd->n; i++)
		for (int j = i; j > 0 && pd->y[j - 1].year > pd->y[j].year; j--) {
			struct pend_year t = pd->y[j];

			pd->y[j] = pd->y[j - 1];
			pd->y[j - 1] = t;
		}
	for (int i = 0; i < pd->n && !rc; i++) {
		const struct pend_year *y = &pd->y[i];

		if (!y->mask)
			continue;
		if (y->stored && !pd->rerun) {
			rc = update_months(ss, id, y, err);
			continue;
		}
		if (!b->many && (rc = prepare_year_rows(ss, imp, imp->keep, err)))
			break;
		if (pd->rerun)
			tz_sqlite_batch_may_exist(b);
		tz_sqlite_batch_int(b, id);
		tz_sqlite_batch_int(b, y->year);
		for (int m = 0; m < 12; m++) {
			const struct pend_month *pm = &y->m[m];

			if (!(y->mask & (1u << m))) {
				for (int c = 0; c < 5; c++)
					tz_sqlite_batch_null(b);
				continue;
			}
			tz_sqlite_batch_int(b, pm->completed);
			tz_sqlite_batch_int(b, pm->status);
			tz_sqlite_batch_text(b, pd->text.buf + pm->text);
			tz_sqlite_batch_text(b, pd->text.buf + pm->problem);
			tz_sqlite_batch_int(b, imp->batch);
		}
		rc = tz_sqlite_batch_end_row(ss, b, err);
	}
	pd->n = 0;
	tz_buf_reset(&pd->text);
	return rc;
}

/*
 * The current project's run of rows has ended: write its year rows of
 * reports, and its running totals, unless they must be recomputed at
 * commit, or it had reports before and none changed (its totals stand).
 * The stored reports' query is reset first: it must not stand on a row
 * of the table being written.
 */
static int finish_project(struct sqlite_store *ss, struct tz_err *err)
{
	struct sqlite_import *imp = ss->imp;
	int rc = 0;

	if (!imp->cur)
		return 0;
	if (imp->old.open) {
		sqlite3_reset(imp->old.st);
		imp->old.open = 0;
	}
	imp->old.asked = 0;
	rc = write_pending(ss, imp->cur, err);
	if (!rc && !(imp->flags[imp->cur] & (F_DIRTY | F_HAD)))
		rc = write_years(ss, imp->cur, &imp->acc, err);
	tz_report_years_clear(&imp->acc);
	imp->cur = 0;
	return rc;
}

int tz_sqlite_import_progress(struct tz_store *s, const struct tz_progress *r,
			      struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_import *imp = ss->imp;
	enum row_kind kind = ROW_NEW;
	int64_t id;
	int rc, stored = 0;

	imp->held_ok = 0;
	/* Rows come grouped by project: most repeat the last row's code. */
	if (imp->cur && !strcmp(r->code, imp->cur_code)) {
		id = imp->cur;
	} else if ((rc = code_id(imp, r->code, &id, err)) <= 0) {
		return rc < 0 ? TZ_EEXIST
			      : tz_err_set(err, TZ_ENOTFOUND, "项目编号不存在（请先导入项目台账）");
	}
	if (!in_ledger(imp, id, r->period.year, &imp->held.annual))
		return tz_err_set(err, TZ_ENOTFOUND, "项目不在%d年度的项目台账中（请先导入该年度的台账）",
				  r->period.year);
	if (id != imp->cur) {
		if ((rc = finish_project(ss, err)))
			return rc;
		/* Met again further down the file: what its first run wrote
		 * is recomputed with the rest at commit. A project that had
		 * reports is marked when one changes. */
		if ((imp->flags[id] & (F_SEEN | F_HAD)) == F_SEEN)
			imp->flags[id] |= F_DIRTY;
		imp->pend.rerun = (imp->flags[id] & F_SEEN) != 0;
		imp->flags[id] |= F_SEEN;
		imp->cur = id;
		snprintf(imp->cur_code, sizeof(imp->cur_code), "%s", r->code);
	}
	if (month_seen(&imp->months[id], r->period))
		return tz_err_set(err, TZ_EEXIST, "同一项目同一调度期在本文件中重复");
	/* Only a project with reports before this import can hold r's
	 * period: the others' rows are all new, at no cost. */
	if ((imp->flags[id] & F_HAD) && (rc = old_report(ss, id, r, &kind, &stored, err)))
		return rc;
	imp->held.total = id < imp->ntotal_by_id ? imp->total_by_id[id] : 0;
	imp->held.old = kind == ROW_NEW ? -1 : imp->old.completed;
	if (imp->arrivals) {
		int closed;

		if ((rc = tz_sqlite_arrivals_row(ss, imp->arrivals, id, r, &closed, err)) < 0)
			return rc;
		imp->arrived += rc;
		if (closed && !imp->counts.closed++)
			imp->counts.closed_period = tz_period_code(r->period);
	}
	count_row(imp, kind);
	imp->held_ok = 1;
	if (kind == ROW_SAME)
		return 0;
	if (imp->flags[id] & F_HAD)
		imp->flags[id] |= F_DIRTY;
	tz_report_years_add(&imp->acc, r->period, r->completed, r->status, r->problem);
	if (!imp->from_year[id] || r->period.year < imp->from_year[id])
		imp->from_year[id] = (int16_t)r->period.year;
	return pend_report(&imp->pend, r, stored, err);
}

/* ------------------------------------------------------------------ */
/* Commit                                                              */

/*
 * Recompute project_year for the projects marked dirty, from the earliest
 * year this import writes a report of on, or the year after the last
 * one the project had totals for if earlier: years between its last
 * stored year and its first new report had no row and now have one (the
 * status carried over). Earlier years' rows stand as they were.
 */
static int rebuild_dirty(struct sqlite_store *ss, struct tz_err *err)
{
	struct sqlite_import *imp = ss->imp;
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc;

	for (int64_t id = 1; id <= imp->max_id; id++)
		n += (imp->flags[id] & F_DIRTY) != 0;
	if (!n)
		return 0;
	/* The last year of each project's running totals: a dirty project
	 * that had reports still has its rows of before the import (only
	 * the others' are written while reports stream in). Through the
	 * index (project_id, year), no sort. */
	rc = tz_sqlite_prepare(ss, "SELECT project_id, max(year) FROM project_year"
			       " GROUP BY project_id", &st, err);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int last = sqlite3_column_int(st, 1);

		if (id > 0 && id <= imp->max_id && imp->from_year[id] > last + 1)
			imp->from_year[id] = (int16_t)(last + 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "running totals");
	/* A project without any: every year. */
	for (int64_t id = 1; id <= imp->max_id; id++)
		if (!(imp->flags[id] & F_HAD))
			imp->from_year[id] = 0;
	return tz_sqlite_years_rebuild_from(ss, imp->flags, imp->max_id, F_DIRTY, imp->from_year,
					    err);
}

/*
 * End an import's session: the import's memory freed, the pragmas it
 * changed set back, then (refresh, after a COMMIT) the bulletin base
 * rebuilt while the file is still in rollback mode, so its parts are
 * written once into the file and not into the WAL and again at the
 * checkpoint (docs/internals/store.md, "The journal of an import"), and
 * last the file back to WAL.
 */
static void finish_import(struct sqlite_store *ss, int refresh)
{
	int rollback = ss->imp->rollback;

	import_free(ss->imp);
	ss->imp = NULL;
	tz_sqlite_exec(ss, "PRAGMA foreign_keys=ON", NULL);
	tz_sqlite_exec(ss, "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE, NULL);
	if (refresh)
		tz_sqlite_bulletin_base_refresh(ss);
	if (rollback)
		journal_back(ss);
	tz_sqlite_exec(ss, "PRAGMA cache_size=-" TZ_SQLITE_CACHE_KB, NULL);
}

int tz_sqlite_import_counts(struct tz_store *s, struct tz_import_stats *out, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	if (!ss->imp)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	*out = ss->imp->counts;
	return 0;
}

int tz_sqlite_import_held(struct tz_store *s, struct tz_import_held *out, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	if (!ss->imp || !ss->imp->held_ok)
		return tz_err_set(err, TZ_EINTERNAL, "no report accepted");
	*out = ss->imp->held;
	return 0;
}

void tz_sqlite_import_prefetch(struct tz_store *s, const char *code)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	char key[TZ_CODE_MAX + 1];
	size_t len, n;

	if (!ss->imp || ss->imp->kind == TZ_IMPORT_PROGRESS || !ss->imp->codes)
		return;
	len = strlen(code);
	n = code_key(code, len, key);
	tz_hmap_prefetch(ss->imp->codes, n ? key : code, n ? n : len);
}

int64_t tz_sqlite_import_last_id(struct tz_store *s)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	return ss->imp ? ss->imp->last_id : 0;
}

int tz_sqlite_import_commit(struct tz_store *s, struct tz_import_stats *stats,
			    struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct sqlite_import *imp = ss->imp;
	int progress = imp->kind == TZ_IMPORT_PROGRESS;
	sqlite3_stmt *st = NULL;
	double t0 = tz_clock_ms(), t1;
	int rc;

	/* The last project's year rows first, then every batch. */
	if (progress && (rc = finish_project(ss, err)))
		return rc;
	if ((rc = tz_sqlite_batch_flush(ss, &imp->rows, err)) ||
	    (rc = tz_sqlite_batch_flush(ss, &imp->ledger, err)) ||
	    (rc = tz_sqlite_build_deferred(ss, &imp->deferred, err)))
		return rc;
	if (progress && ((rc = tz_sqlite_batch_flush(ss, &imp->totals, err)) ||
			 (rc = rebuild_dirty(ss, err))))
		return rc;
	t1 = tz_clock_ms();
	rc = tz_sqlite_prepare(ss, "UPDATE import_batch SET accepted = ?1 WHERE id = ?2", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, imp->accepted);
	sqlite3_bind_int64(st, 2, imp->batch);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "import_batch");
	/* Caches stay valid when nothing they read changed: no row added or
	 * corrected, no arrival recorded (the import's own record aside).
	 * Organisation nodes are made only by the first ledger, whose rows
	 * are all new. */
	if ((imp->counts.added || imp->counts.replaced || imp->arrived) &&
	    (rc = tz_sqlite_bump_version(ss, err)))
		return rc;
	*stats = imp->counts;
	finish_statements(imp);
	if ((rc = tz_sqlite_exec(ss, "COMMIT", err)))
		return rc;
	tz_log(TZ_LOG_INFO, "store=sqlite event=import_commit rows=%ld added=%ld replaced=%ld"
	       " unchanged=%ld totals_ms=%.0f commit_ms=%.0f", imp->accepted, imp->counts.added,
	       imp->counts.replaced, imp->counts.unchanged, t1 - t0, tz_clock_ms() - t1);
	finish_import(ss, 1);
	return 0;
}

void tz_sqlite_import_abort(struct tz_store *s)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	if (!ss->imp)
		return;
	finish_statements(ss->imp);
	if (!sqlite3_get_autocommit(ss->db))
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	finish_import(ss, 0);
}

/* ------------------------------------------------------------------ */
/* The audit row of an import made from the web application (pages-a)  */

int tz_sqlite_import_audit(struct tz_store *s, const struct tz_actor *who, const char *action,
			   const char *object, const char *new_value, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	if (!ss->imp)
		return tz_err_set(err, TZ_EINTERNAL, "no import is open");
	/* Inside the import's transaction: kept only if it commits. */
	return tz_sqlite_audit(ss, who, action, object, NULL, new_value, err);
}
