/*
 * writer.h: report writers as types (after curl's client writers).
 *
 * Two kinds: a table writer streams a header and rows (exports of the
 * ledger, which `import` reads back unchanged); a bulletin writer renders
 * a finished struct tz_bulletin. A bulletin is computed once and any
 * writer can write it. Writers write to a FILE the caller opened and
 * closes; they never close it.
 */
#ifndef TZ_WRITER_H
#define TZ_WRITER_H

#include <stdint.h>
#include <stdio.h>

#include "base/err.h"
#include "core/bulletin.h"

enum tz_cell_kind {
	TZ_CELL_TEXT,   /* text */
	TZ_CELL_MONEY,  /* value in 0.01 万元: "12345.67"; a number in XLSX */
	TZ_CELL_INT,    /* value as an integer */
	TZ_CELL_RATE,   /* value in 1/10000: "0.8757"; a percentage in XLSX */
	TZ_CELL_YI,     /* value in 0.01 万元 shown in 亿元: "340.43" (tz_money_fmt_yi);
			   in XLSX the number 340.43, rounded half up once */
};
#define TZ_CELL_KINDS 5

struct tz_cell {
	const char *text;  /* TZ_CELL_TEXT; NULL is "" */
	int64_t value;     /* the other kinds */
	int blank;         /* write an empty cell whatever the kind */
};

struct tz_table_column {
	const char *header;
	enum tz_cell_kind kind;
	int width;  /* display width in characters, a hint for XLSX */
};

struct tz_table_writer;

struct tz_table_writer_type {
	const char *name;  /* "csv", "xlsx" */
	/*
	 * Start a table titled `title` (the XLSX sheet name) with `ncols`
	 * columns; `cols` must outlive the writer. 0 or a tz_errc.
	 */
	int (*begin)(struct tz_table_writer **out, FILE *fp, const char *title,
		     const struct tz_table_column *cols, size_t ncols, struct tz_err *err);
	/* One row of ncols cells. */
	int (*row)(struct tz_table_writer *w, const struct tz_cell *cells, struct tz_err *err);
	/* Finish the file and free the writer, also after an error. */
	int (*end)(struct tz_table_writer *w, struct tz_err *err);
};

struct tz_bulletin_writer_type {
	const char *name;  /* "json", "csv", "xlsx", "html", "pdf" */
	int (*write)(const struct tz_bulletin *b, FILE *fp, struct tz_err *err);
	int binary;        /* output is not text (never written to a terminal) */
};

extern const struct tz_table_writer_type tz_table_csv;
extern const struct tz_table_writer_type tz_table_xlsx;
extern const struct tz_bulletin_writer_type tz_bulletin_json;

struct tz_json;
/*
 * The bulletin's JSON object (ledger.md's shape, tz_bulletin_json's) into
 * `j`, listing in `lagging` and `not_reported` only the projects keep()
 * answers 1 for, from their 所属地区, 责任单位 and 包联领导 names (web.md:
 * a list never names a project its reader may not see). keep NULL lists
 * every project. The caller finishes `j` (tz_json_finish).
 */
void tz_bulletin_json_object(const struct tz_bulletin *b, struct tz_json *j,
			     int (*keep)(void *ctx, const char *region, const char *unit,
					 const char *leader),
			     void *ctx);
extern const struct tz_bulletin_writer_type tz_bulletin_csv;
extern const struct tz_bulletin_writer_type tz_bulletin_xlsx;
extern const struct tz_bulletin_writer_type tz_bulletin_html;
extern const struct tz_bulletin_writer_type tz_bulletin_pdf;

/* The writer called `name`, or NULL. */
const struct tz_table_writer_type *tz_table_writer_find(const char *name);
const struct tz_bulletin_writer_type *tz_bulletin_writer_find(const char *name);

/*
 * The bulletin's title for people: "2025年1-12月全市重点项目建设情况通报
 * （按所属地区）". Into buf of `size` bytes; returns buf.
 */
char *tz_bulletin_title(const struct tz_bulletin *b, char *buf, size_t size);

/*
 * The bulletin's group table, shared by the CSV, XLSX, HTML and PDF
 * writers so that every format shows the same figures under the same
 * headers: 排名, 较上月, the grouping (所属地区…), 项目数, 总投资,
 * 年度计划投资, 累计完成投资, 投资完成率, 开工项目数, 开工率, 已报送,
 * 未报送, 低于全市平均 and, appended last so that a reader of the older
 * CSV finds every column where it was, 未安排计划项目完成投资: the
 * completions of the group's projects without a plan (ytd_completed_
 * unplanned of the JSON), which ledger.md keeps out of 累计完成投资 and the
 * rate (walkthrough 17 B2: a ledger without plans showed 0.00 in every
 * row while the paragraph said 313.92亿元).
 * tz_bulletin_group_cells fills the cells of a group (rank and rate blank
 * where there are none, the rank change as tz_bulletin_rank_change_text);
 * given tz_bulletin_totals() it fills the 合计 row (rank and rank change
 * blank). The rank change's text is written into `change`, which must live
 * as long as the cells are used.
 */
#define TZ_BULLETIN_NCOLS 14
#define TZ_BULLETIN_COL_BELOW 12      /* 低于全市平均 */
#define TZ_BULLETIN_COL_UNPLANNED 13  /* 未安排计划项目完成投资 */
void tz_bulletin_table_columns(const struct tz_bulletin *b,
			       struct tz_table_column cols[TZ_BULLETIN_NCOLS]);
void tz_bulletin_group_cells(const struct tz_bulletin *b, const struct tz_bulletin_group *g,
			     struct tz_cell cells[TZ_BULLETIN_NCOLS], char change[16]);

/*
 * How many of the group table's columns a table for people shows (XLSX,
 * HTML, PDF, the web page): all TZ_BULLETIN_NCOLS when some group or the
 * totals have completions without a plan (ytd_unplanned not 0), else
 * TZ_BULLETIN_NCOLS − 1, the 未安排计划项目完成投资 column left out as it
 * would only hold zeros. The CSV, read by programs, always has it, as the
 * JSON always has ytd_completed_unplanned.
 */
size_t tz_bulletin_table_ncols(const struct tz_bulletin *b);

/*
 * The same columns for a summary read in 亿元 (XLSX 通报 sheet, PDF): the
 * money columns of `cols` (filled by tz_bulletin_table_columns) become
 * TZ_CELL_YI with headers in 亿元; their cells stay as filled.
 */
void tz_bulletin_columns_in_yi(struct tz_table_column cols[TZ_BULLETIN_NCOLS]);

/*
 * The rank change as people read it, the same in every format (walkthrough
 * 17 M5): "↑2" or "↓1" for places gained or lost, "0" for a rank kept (a
 * real value, 0 in the JSON), "—" for none (January, a group unranked at
 * P−1 or now, nobody reported at P−1: rank_change null in the JSON).
 */
char *tz_bulletin_rank_change_text(const struct tz_bulletin_group *g, char buf[16]);

/*
 * 1-N月 as the bulletin says it: "1-11月", or "1月" in January. Into buf
 * of `size` bytes (16 is enough); returns buf.
 */
char *tz_bulletin_months(const struct tz_bulletin *b, char *buf, size_t size);

/*
 * Figures for people, computed exactly with integers (never a double):
 *
 * tz_money_yi100: an amount in 0.01 万元 as a count of 0.01 亿元 (1 亿元
 * is 10000 万元), rounded half up (half away from zero below zero).
 * tz_money_fmt_yi: the same as "340.43" (亿元, two decimals, no unit).
 * tz_pct1: num/den as a count of 0.1 % (89.5 % is 895), rounded half up
 * from the exact fraction, not from a rate already rounded to 1/10000; 0
 * when den <= 0. tz_pct1_fmt writes such a count as "89.5" (no "%").
 */
int64_t tz_money_yi100(int64_t v);
/* "1234567.89" with thousands separators: "1,234,567.89". Returns out. */
char *tz_digits_grouped(const char *plain, char out[48]);
char *tz_money_fmt_yi(int64_t v, char buf[32]);
int64_t tz_pct1(int64_t num, int64_t den);
char *tz_pct1_fmt(int64_t pct1, char buf[32]);

/* Likewise for the lagging projects table (with 包联领导, 责任单位, 存在问题). */
#define TZ_LAG_NCOLS 10
extern const struct tz_table_column tz_lag_columns[TZ_LAG_NCOLS];
void tz_bulletin_lag_cells(const struct tz_bulletin_lag *l, size_t rank,
			   struct tz_cell cells[TZ_LAG_NCOLS]);

/* And the 未报送 projects table. */
#define TZ_MISSING_NCOLS 6
extern const struct tz_table_column tz_missing_columns[TZ_MISSING_NCOLS];
void tz_bulletin_missing_cells(const struct tz_bulletin_missing *m, size_t rank,
			       struct tz_cell cells[TZ_MISSING_NCOLS]);

#endif
