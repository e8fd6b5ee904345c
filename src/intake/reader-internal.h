/*
 * reader-internal.h: what the spreadsheet readers share; not an API for
 * anything outside src/intake (the import uses reader.h only).
 *
 *  - the base struct's sheet list and sheet choice (reader.c);
 *  - a row under construction whose cost is what it holds, not how far
 *    right its last cell stands (rowbuf.c);
 *  - merged ranges filled in as rows stream past (rowbuf.c);
 *  - the error literals of spreadsheets (#N/A…).
 */
#ifndef TZ_READER_INTERNAL_H
#define TZ_READER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "intake/reader.h"

/* ------------------------------------------------------------------ */
/* The base struct (reader.c)                                          */

/* Set `type` and clear the rest. */
void tz_reader_base_init(struct tz_reader *r, const struct tz_reader_type *type);

/* Free the sheet list. */
void tz_reader_base_release(struct tz_reader *r);

/* Append a sheet (name copied; NULL or "" becomes "Sheet<n>"). */
void tz_reader_add_sheet(struct tz_reader *r, const char *name, size_t len,
			 enum tz_sheet_state state);

/*
 * The index `opts` chooses among the sheets added: by name, by number,
 * or the first visible one. 0 and *index, or TZ_ENOTFOUND with a message
 * naming `path` and listing the sheets.
 */
int tz_reader_pick_sheet(const struct tz_reader *r, const struct tz_reader_opts *opts,
			 const char *path, size_t *index, struct tz_err *err);

/* The file's name without directory and extension, for a one-sheet
 * format's sheet name. Caller frees. */
char *tz_reader_stem(const char *path);

/* "工作表“台账”" prefix for messages about a workbook's sheet, or "" for
 * one-sheet formats; valid while the reader is. */
const char *tz_reader_where(const struct tz_reader *r, char buf[160]);

/*
 * Append a page header's or footer's text s[0..n) as Excel stores it
 * once unescaped (BIFF HEADER/FOOTER records, XML 2003 <x:Header
 * x:Data="&L单位：亿元&C台账">) to r->page_text (tz_reader_page_text):
 * its codes as spaces -- &L &C &R and the other one-letter codes, a
 * font (&"宋体,常规"), a size (&12); "&&" is one '&'. Pieces are
 * separated by one space; what passes 255 bytes is dropped, never a
 * UTF-8 character cut. Audit 9, W3c (the XLSX reader unescapes its XML
 * and calls this too).
 */
void tz_reader_add_page_text(struct tz_reader *r, const char *s, size_t n);

/* Mark columns first..last (0-based, inclusive) of the sheet being read
 * hidden (tz_reader_col_hidden); columns past 255 are not kept. */
void tz_reader_set_cols_hidden(struct tz_reader *r, size_t first, size_t last);

/*
 * The kind of a text cell: TZ_READ_EMPTY if len is 0, TZ_READ_ERROR if it
 * is exactly one of Excel's error literals ("#N/A", "#REF!"…, as Excel
 * writes an error cell to CSV), else TZ_READ_TEXT.
 */
unsigned char tz_text_cell_kind(const char *s, size_t len);

/* 1 if `s` is one of Excel's error literals. */
int tz_is_error_literal(const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* A row being built (rowbuf.c)                                        */

/*
 * Cells are set by column in any order; setting one twice replaces it.
 * Arrays are kept at the width of the widest row seen and only the cells
 * set are reset between rows, so a row with one cell at column XFD costs
 * one cell (plus, once, the arrays' width).
 */
struct tz_rowbuf {
	struct tz_buf bytes;     /* texts and values of the cells set */
	size_t width;            /* entries allocated in the arrays */
	const char **cells, **values;
	size_t *lens;
	unsigned char *kinds, *flags;
	size_t *off, *voff;      /* offsets in bytes, turned into pointers at the end */
	size_t *set;             /* columns set in this row (0-based), unordered */
	unsigned char *is_set;   /* per column: 1 if listed in `set` */
	size_t nset, aset;
	size_t maxcol;           /* 1 + the highest column set */
};

/* `limit` caps the bytes of one row (TZ_LIMIT_RECORD). */
void tz_rowbuf_init(struct tz_rowbuf *rb, size_t limit);
void tz_rowbuf_release(struct tz_rowbuf *rb);

/* Forget the cells of the row given last. */
void tz_rowbuf_clear(struct tz_rowbuf *rb);

/*
 * Set column `col` (0-based, < TZ_LIMIT_SHEET_COLS): its text, kind,
 * flags and value (NULL = the text). 0, or TZ_ETOOBIG when the row's
 * bytes would pass the limit. `text` and `value` must not point into rb.
 */
int tz_rowbuf_set(struct tz_rowbuf *rb, size_t col, unsigned char kind, const char *text,
		  size_t len, const char *value, size_t vlen, unsigned char flags);

/* Add flags to column `col` (setting it empty if it was not set). */
void tz_rowbuf_flag(struct tz_rowbuf *rb, size_t col, unsigned char flags);

/* The cell at `col` if set: its text, length, kind, value. 0 if not set. */
int tz_rowbuf_get(const struct tz_rowbuf *rb, size_t col, const char **text, size_t *len,
		  unsigned char *kind, const char **value, size_t *vlen);

/*
 * Hand out the row: *row points into rb until the next clear. Returns the
 * number of cells (0: the row holds nothing that is not empty).
 */
size_t tz_rowbuf_finish(struct tz_rowbuf *rb, struct tz_row *row, long line, int hidden);

/* ------------------------------------------------------------------ */
/* Merged ranges (rowbuf.c)                                            */

struct tz_merge {
	uint32_t r1, r2, c1, c2;   /* 1-based, inclusive */
	char *text;                /* the top-left cell's text and value, once seen */
	char *value;
	size_t len, vlen;
	unsigned char kind;
	unsigned char seen;        /* the top-left cell's row went past */
};

struct tz_merges {
	struct tz_merge *v;
	size_t n, alloc;
	size_t next;        /* after sorting: first range not yet started */
	size_t *active;     /* ranges covering the current row */
	size_t nactive, aactive;
	size_t kept;        /* bytes of top-left texts kept */
	uint64_t filled;    /* cells filled so far */
	int sorted;
};

void tz_merges_release(struct tz_merges *m);

/* Forget every range (a new sheet). */
void tz_merges_clear(struct tz_merges *m);

/*
 * Add a range (1-based, inclusive; swapped if given backwards). A
 * one-cell range is ignored. 0, or TZ_ETOOBIG past TZ_LIMIT_MERGES
 * ranges (err names `path` and `where`).
 */
int tz_merges_add(struct tz_merges *m, long r1, long c1, long r2, long c2, const char *path,
		  const char *where, struct tz_err *err);

/* Parse "B2:D3" (or "B2") and add it. 0, TZ_EINVAL for a bad reference
 * (ignored by the caller if it wishes), or TZ_ETOOBIG as above. */
int tz_merges_add_ref(struct tz_merges *m, const char *ref, const char *path, const char *where,
		      struct tz_err *err);

/*
 * Fill row `line` (1-based sheet row) of rb from the ranges that cover
 * it, up to column `max_cols` (0 = all): the top-left cell's text, kind
 * and value into every other cell of its range, flags on all of them.
 * Rows must come in ascending order. 0, or TZ_ETOOBIG when the texts kept
 * or the cells filled pass their caps (err names `path`, `where`, line).
 */
int tz_merges_apply(struct tz_merges *m, struct tz_rowbuf *rb, long line, size_t max_cols,
		    const char *path, const char *where, struct tz_err *err);

/* "C5" → column 3, row 5 (1-based); 0 if not an A1 reference within
 * Excel's grid. `row` may be NULL; "C" alone is accepted when allow_col. */
int tz_a1_parse(const char *ref, size_t len, long *col, long *row);

#endif
