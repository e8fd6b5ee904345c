/*
 * xlsx.c: the XLSX reader: the first worksheet of a workbook, row by row,
 * as UTF-8 cells, streaming the sheet's XML (libxml2's xmlTextReader over
 * the libzip entry) so that memory does not grow with the sheet.
 *
 * Cells come out as a person sees them in the sheet, so that the import
 * code treats them exactly like CSV fields:
 *  - strings (shared, inline incl. rich text runs, formula results) as
 *    written, with the "_xHHHH_" escapes decoded;
 *  - numbers as the <v> text exactly as stored ("12345.67"; Excel may
 *    store 1234.5600000000001, which the money parser rounds), so money is
 *    never a double here;
 *  - numbers whose cell style is a date as "YYYY-MM-DD" (1900 date system
 *    with its fictitious 1900-02-29, or the 1904 system), or as "YYYY-MM"
 *    when the style shows only a year and month ("yyyy年m月"), which is how
 *    people write 调度期 and 计划开工时间;
 *  - booleans as TRUE/FALSE, errors (#N/A…) as "".
 * A cell reference "C5" puts the cell in column C; skipped columns become
 * "" cells. Each row's `line` is its sheet row number (r="5"), or the
 * previous one plus one when the writer left r out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/reader.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

#define XLSX_MAX_ROW 1048576L  /* Excel's limits */
#define XLSX_MAX_COL 16384L

enum cell_type {
	CELL_NUMBER,   /* t="n" or none */
	CELL_SHARED,   /* t="s": <v> is an index into the shared strings */
	CELL_INLINE,   /* t="inlineStr": <is><t>…</t></is>, or <r><t> runs */
	CELL_STRING,   /* t="str": a formula's text result */
	CELL_BOOL,     /* t="b" */
	CELL_ERROR,    /* t="e": #N/A, #DIV/0!… */
	CELL_DATE,     /* t="d": an ISO 8601 date (strict OOXML) */
};

/* The <c> element being read. */
struct cell {
	long col;              /* 1-based */
	enum cell_type type;
	long style;            /* index into cellXfs */
	int in_v, in_t, in_rph;
	struct tz_buf text;    /* raw text of <v> or of the <t> runs */
};

struct xlsx_reader {
	struct tz_reader base;
	char *path;
	zip_t *zip;
	struct xlsx_book book;
	struct xlsx_xml sheet;
	/* The row being assembled: cell texts, each NUL-terminated. */
	struct tz_buf bytes;
	size_t *offs, *lens;
	size_t ncells, acells;
	const char **cells;
	size_t aptrs;
	long line;             /* sheet row number of the current row */
	long rows;             /* rows handed out so far */
	int in_row, done;
	struct cell c;
};

/* ------------------------------------------------------------------ */
/* Dates                                                               */

/* The civil date `z` days after 1970-01-01 (H. Hinnant's algorithm). */
static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era, yy;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yy + (*m <= 2);
}

/*
 * A date serial as "YYYY-MM-DD" into out; 0 if `text` is not a serial in
 * Excel's range (then the caller keeps the number). In the 1900 system
 * serial 1 is 1900-01-01 and 60 the 1900-02-29 Lotus made up, so from 61
 * on the count runs from 1899-12-30; in the 1904 system serial 0 is
 * 1904-01-01. Any time of day is dropped; with `month_only`, the day too
 * ("YYYY-MM").
 */
static int serial_to_date(const char *text, int date1904, int month_only, char out[32])
{
	long y, days;
	unsigned m, d;
	char *end;
	double v = strtod(text, &end);

	if (end == text || *end || !isfinite(v))
		return 0;
	if (date1904 ? (v < 0 || v >= 2957004) : (v < 1 || v >= 2958466))
		return 0;
	days = (long)floor(v) + (date1904 ? 1462 : 0);
	if (days == 60) {
		y = 1900, m = 2, d = 29;
	} else {
		if (days < 60)
			days++;
		civil_from_days(days - 25569, &y, &m, &d);
	}
	if (month_only)
		snprintf(out, 32, "%04ld-%02u", y, m);
	else
		snprintf(out, 32, "%04ld-%02u-%02u", y, m, d);
	return 1;
}

/* An ISO 8601 date-time's date part, if it starts with YYYY-MM-DD. */
static int iso_date(const char *s, size_t len)
{
	static const char pat[] = "dddd-dd-dd";

	if (len < 10)
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static int too_long(struct xlsx_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL, "第%ld行超过%u字节",
			     r->line, TZ_LIMIT_RECORD);
}

/* "C5" → column 3; 0 if the reference is not A1 style. */
static long ref_col(const char *ref)
{
	long col = 0;
	const char *p = ref;

	for (; *p >= 'A' && *p <= 'Z'; p++) {
		col = col * 26 + (*p - 'A' + 1);
		if (col > XLSX_MAX_COL)
			return 0;
	}
	if (p == ref || *p < '1' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p ? 0 : col;
}

static enum cell_type type_of(const char *t)
{
	static const struct { const char *name; enum cell_type type; } types[] = {
		{ "s", CELL_SHARED }, { "inlineStr", CELL_INLINE }, { "str", CELL_STRING },
		{ "b", CELL_BOOL }, { "e", CELL_ERROR }, { "d", CELL_DATE },
	};

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(t, types[i].name))
			return types[i].type;
	return CELL_NUMBER;
}

static int begin_cell(struct xlsx_reader *r, struct tz_err *err)
{
	const char *name, *value;

	tz_buf_reset(&r->c.text);
	r->c.col = (long)r->ncells + 1;
	r->c.type = CELL_NUMBER;
	r->c.style = 0;
	r->c.in_v = r->c.in_t = r->c.in_rph = 0;
	while (xlsx_xml_next_attr(&r->sheet, &name, &value)) {
		if (!strcmp(name, "r") && !(r->c.col = ref_col(value)))
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
					     "第%ld行：单元格引用“%.20s”无效", r->line, value);
		if (!strcmp(name, "t"))
			r->c.type = type_of(value);
		if (!strcmp(name, "s"))
			r->c.style = strtol(value, NULL, 10);
	}
	return 0;
}

static int shared_string(struct xlsx_reader *r, struct tz_err *err)
{
	const char *v = r->c.text.buf, *s = NULL;
	size_t len = 0;
	char *end;
	unsigned long long i = strtoull(v, &end, 10);

	if (end != v && !*end && v[0] != '-')
		s = xlsx_book_string(&r->book, (size_t)i, &len);
	if (!s)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的XLSX文件：第%ld行引用了不存在的共享字符串“%.20s”",
				     r->line, v);
	return tz_buf_add(&r->bytes, s, len);
}

/* Append the value of the finished cell to the row's bytes. */
static int cell_value(struct xlsx_reader *r, struct tz_err *err)
{
	const struct tz_buf *t = &r->c.text;
	enum xlsx_date_kind kind;
	char date[32];

	switch (r->c.type) {
	case CELL_SHARED:
		return t->len ? shared_string(r, err) : 0;
	case CELL_INLINE:
	case CELL_STRING:
		return xlsx_unescape(&r->bytes, t->buf, t->len);
	case CELL_BOOL:
		if (t->len)
			return tz_buf_adds(&r->bytes, strcmp(t->buf, "0") ? "TRUE" : "FALSE");
		return 0;
	case CELL_ERROR:
		return 0;
	case CELL_DATE:
		return tz_buf_add(&r->bytes, t->buf, iso_date(t->buf, t->len) ? 10 : t->len);
	case CELL_NUMBER:
		kind = xlsx_book_style_date(&r->book, r->c.style);
		if (kind != XLSX_NOT_DATE &&
		    serial_to_date(t->buf, r->book.date1904, kind == XLSX_DATE_MONTH, date))
			return tz_buf_adds(&r->bytes, date);
		return tz_buf_add(&r->bytes, t->buf, t->len);
	}
	return 0;
}

/* Start cell number `ncells` at the current end of `bytes`. */
static void push_cell(struct xlsx_reader *r)
{
	if (r->ncells + 1 > r->acells) {
		size_t n = r->acells;

		TZ_ALLOC_GROW(r->offs, r->ncells + 1, n);
		r->lens = tz_xrealloc(r->lens, n * sizeof(*r->lens));
		r->acells = n;
	}
	r->offs[r->ncells] = r->bytes.len;
	r->lens[r->ncells] = 0;
	r->ncells++;
}

static int finish_cell(struct xlsx_reader *r, struct tz_err *err)
{
	size_t idx = (size_t)r->c.col - 1;
	int rc;

	if (idx < r->ncells)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的XLSX文件：第%ld行第%ld列的单元格重复或顺序错乱",
				     r->line, r->c.col);
	while (r->ncells < idx) {  /* a gap: empty cells */
		push_cell(r);
		if (tz_buf_addch(&r->bytes, '\0'))
			return too_long(r, err);
	}
	push_cell(r);
	if ((rc = cell_value(r, err)))
		return rc == TZ_ETOOBIG ? too_long(r, err) : rc;
	r->lens[idx] = r->bytes.len - r->offs[idx];
	if (tz_buf_addch(&r->bytes, '\0'))
		return too_long(r, err);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static int begin_row(struct xlsx_reader *r, struct tz_err *err)
{
	const char *v = xlsx_xml_attr(&r->sheet, "r");
	long line = r->line + 1;
	char *end;

	if (v) {
		line = strtol(v, &end, 10);
		if (end == v || *end || line < 1 || line > XLSX_MAX_ROW)
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
					     "不是有效的XLSX文件：行号“%.20s”无效（第%ld行之后）", v,
					     r->line);
	}
	r->line = line;
	r->in_row = !xlsx_xml_empty(&r->sheet);
	r->ncells = 0;
	tz_buf_reset(&r->bytes);
	return 0;
}

/* The finished row into *row; 0 if it had no cells (nothing to give). */
static int end_row(struct xlsx_reader *r, struct tz_row *row)
{
	r->in_row = 0;
	if (!r->ncells)
		return 0;
	TZ_ALLOC_GROW(r->cells, r->ncells, r->aptrs);
	for (size_t i = 0; i < r->ncells; i++)
		r->cells[i] = r->bytes.buf + r->offs[i];
	row->ncells = r->ncells;
	row->cells = r->cells;
	row->lens = r->lens;
	row->line = r->line;
	r->rows++;
	return 1;
}

/* Text inside the current cell: <v> or an inline string's <t>. */
static int cell_text(struct xlsx_reader *r, struct tz_err *err)
{
	if (!r->c.in_v && !(r->c.in_t && !r->c.in_rph))
		return 0;
	if (tz_buf_adds(&r->c.text, xlsx_xml_text(&r->sheet)))
		return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
				     "第%ld行第%ld列的单元格超过%u字节", r->line, r->c.col,
				     TZ_LIMIT_FIELD);
	return 0;
}

/* Track <v>, <t> and <rPh> (phonetic guides, not part of the text). */
static void cell_markup(struct xlsx_reader *r)
{
	struct xlsx_xml *x = &r->sheet;
	int open = !xlsx_xml_empty(x);

	if (xlsx_xml_start(x, "v"))
		r->c.in_v = open;
	else if (xlsx_xml_end(x, "v"))
		r->c.in_v = 0;
	else if (xlsx_xml_start(x, "t"))
		r->c.in_t = open;
	else if (xlsx_xml_end(x, "t"))
		r->c.in_t = 0;
	else if (xlsx_xml_start(x, "rPh"))
		r->c.in_rph = open;
	else if (xlsx_xml_end(x, "rPh"))
		r->c.in_rph = 0;
}

/* One node of the sheet: 1 when a row is complete, 0 to go on, or an error. */
static int on_node(struct xlsx_reader *r, struct tz_row *row, struct tz_err *err)
{
	struct xlsx_xml *x = &r->sheet;
	int rc;

	if (xlsx_xml_start(x, "row")) {
		if ((rc = begin_row(r, err)))
			return rc;
		return r->in_row ? 0 : end_row(r, row);
	}
	if (!r->in_row)
		return 0;
	if (xlsx_xml_end(x, "row"))
		return end_row(r, row);
	if (xlsx_xml_start(x, "c")) {
		if ((rc = begin_cell(r, err)))
			return rc;
		return xlsx_xml_empty(x) ? finish_cell(r, err) : 0;
	}
	if (xlsx_xml_end(x, "c"))
		return finish_cell(r, err);
	if (xlsx_xml_is_text(x))
		return cell_text(r, err);
	cell_markup(r);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The reader type                                                     */

static void xlsx_close(struct tz_reader *base)
{
	struct xlsx_reader *r = (struct xlsx_reader *)base;

	if (!r)
		return;
	xlsx_xml_close(&r->sheet);
	if (r->zip)
		zip_discard(r->zip);
	xlsx_book_release(&r->book);
	tz_buf_release(&r->bytes);
	tz_buf_release(&r->c.text);
	free(r->offs);
	free(r->lens);
	free(r->cells);
	free(r->path);
	free(r);
}

static int open_zip(struct xlsx_reader *r, struct tz_err *err)
{
	int ze = 0;

	r->zip = zip_open(r->path, ZIP_RDONLY, &ze);
	if (r->zip)
		return 0;
	if (ze == ZIP_ER_OPEN || ze == ZIP_ER_READ || ze == ZIP_ER_NOENT)
		return tz_err_set_at(err, TZ_EIO, r->path, 0, NULL, "无法打开文件");
	return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
			     "不是有效的XLSX文件：ZIP结构损坏或文件不完整");
}

static int xlsx_open(struct tz_reader **out, const char *path, struct tz_err *err)
{
	struct xlsx_reader *r = tz_xcalloc(1, sizeof(*r));
	int rc;

	*out = NULL;
	r->base.type = &tz_reader_xlsx;
	r->path = tz_xstrdup(path);
	tz_buf_init(&r->bytes, TZ_LIMIT_RECORD);
	tz_buf_init(&r->c.text, TZ_LIMIT_FIELD);
	if ((rc = open_zip(r, err)))
		goto fail;
	if ((rc = xlsx_book_load(&r->book, r->zip, path, err)))
		goto fail;
	rc = xlsx_xml_open(&r->sheet, r->zip, r->path, r->book.sheet_part, err);
	if (rc == TZ_ENOTFOUND)
		rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				   "不是有效的XLSX文件：缺少第一个工作表（%s）", r->book.sheet_part);
	if (rc)
		goto fail;
	*out = &r->base;
	return 0;
fail:
	xlsx_close(&r->base);
	return rc;
}

static int xlsx_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct xlsx_reader *r = (struct xlsx_reader *)base;
	int rc;

	while (!r->done) {
		rc = xlsx_xml_next(&r->sheet, r->line, err);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
		if ((rc = on_node(r, row, err)))
			return rc;
	}
	r->done = 1;
	if (!r->rows)
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL, "工作表为空");
	return 0;
}

const struct tz_reader_type tz_reader_xlsx = { "xlsx", xlsx_open, xlsx_next, xlsx_close };
