/*
 * xlsx.c: the XLSX reader: one worksheet of a workbook, row by row, as
 * UTF-8 cells, streaming the sheet's XML (libxml2's xmlTextReader over
 * the libzip entry) so that memory does not grow with the sheet.
 *
 * Cells come out as a person sees them in the sheet:
 *  - strings (shared, inline incl. rich text runs, formula results) as
 *    written, with the "_xHHHH_" escapes decoded: TZ_READ_TEXT;
 *  - numbers through their cell's number format (numfmt.c): "12,345.67",
 *    "2025.10" in a 0.00 cell, "1234.6" for 12345678 in 0!.0,;
 *    TZ_READ_NUMBER, with the plain number in values[];
 *  - numbers whose format is a date as "YYYY-MM-DD" (1900 system with
 *    its fictitious 1900-02-29, or 1904), or "YYYY-MM" when the format
 *    shows only a year and a month ("yyyy年m月"): TZ_READ_DATE;
 *  - booleans as TRUE/FALSE, errors as their text ("#N/A"), and a
 *    formula saved without its result as "" of kind
 *    TZ_READ_NO_VALUE.
 * A cell reference "C5" puts the cell in column C. Each row's `line` is
 * its sheet row number (r="5"), or the previous one plus one when the
 * writer left r out. Merged ranges (<mergeCells>, after the cells in the
 * part) are found by a first quick scan of the part, so that their value
 * can be filled in as the rows stream past; the same scan counts the
 * cells, empty ones too, against TZ_LIMIT_SHEET_CELLS (a row has at most
 * one per column: TZ_LIMIT_SHEET_COLS). Hidden rows are flagged.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/xalloc.h"
#include "dl/xml-load.h"
#include "dl/zip-load.h"
#include "intake/numfmt.h"
#include "intake/reader-internal.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

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
	int has_v, has_f;      /* a <v> element; a <f> formula */
	int run_marked, marked; /* inline <r>: superscript/subscript/struck run, with text */
	struct tz_buf text;    /* raw text of <v> or of the <t> runs */
};

struct xlsx_reader {
	struct tz_reader base;
	char *path;
	zip_t *zip;
	struct xlsx_book book;
	struct xlsx_xml sheet;
	struct tz_rowbuf row;
	struct tz_merges merges;
	struct tz_buf scratch;  /* a cell's text as shown */
	char where[160];        /* "工作表“台账”" */
	long line;             /* sheet row number of the current row */
	long last_col;         /* column of the last cell in this row */
	long rows;             /* rows handed out so far */
	uint64_t cells;        /* <c> elements read in this sheet */
	int in_row, done, hidden;
	struct cell c;
};

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
/* Merged ranges: a first pass over the part                           */

/* The ref="…" of the tag starting at `tag` (ending before `end`). */
static int tag_ref(const char *tag, const char *end, char *ref, size_t size)
{
	for (const char *p = tag; p + 5 < end; p++) {
		const char *q;

		if (memcmp(p, "ref=", 4) || (p[-1] != ' ' && p[-1] != '\t' && p[-1] != '\n' &&
					     p[-1] != '\r'))
			continue;
		if (p[4] != '"' && p[4] != '\'')
			return 0;
		q = memchr(p + 5, p[4], (size_t)(end - p - 5));
		if (!q || (size_t)(q - p - 5) >= size)
			return 0;
		memcpy(ref, p + 5, (size_t)(q - p - 5));
		ref[q - p - 5] = '\0';
		return 1;
	}
	return 0;
}

/*
 * The value of attribute `attr` ("min=", with its '=') of the tag running
 * from `tag` to `end` into buf, as written; 1 if found and it fits.
 */
static int tag_attr(const char *tag, const char *end, const char *attr, char *buf, size_t size)
{
	size_t al = strlen(attr);

	for (const char *p = tag; p + al + 1 < end; p++) {
		const char *q;

		if (memcmp(p, attr, al) || !strchr(" \t\r\n", p[-1]))
			continue;
		if (p[al] != '"' && p[al] != '\'')
			return 0;
		q = memchr(p + al + 1, p[al], (size_t)(end - p - al - 1));
		if (!q || (size_t)(q - p - al - 1) >= size)
			return 0;
		memcpy(buf, p + al + 1, (size_t)(q - p - al - 1));
		buf[q - p - al - 1] = '\0';
		return 1;
	}
	return 0;
}

/*
 * A <col min="5" max="5" hidden="1"/> tag (q just after its name, end
 * the chunk's end): mark its columns hidden (tz_reader_col_hidden), for
 * messages naming a column (audit 9 R9). Not used to skip the column.
 */
static void keep_hidden_cols(struct xlsx_reader *r, const char *q, const char *end)
{
	const char *gt = memchr(q, '>', (size_t)(end - q));
	char lo[16], hi[16], hid[8];
	long a, b;

	if (!gt || !tag_attr(q, gt, "hidden=", hid, sizeof(hid)) ||
	    (strcmp(hid, "1") && strcmp(hid, "true")) || !tag_attr(q, gt, "min=", lo, sizeof(lo)) ||
	    !tag_attr(q, gt, "max=", hi, sizeof(hi)))
		return;
	a = strtol(lo, NULL, 10);
	b = strtol(hi, NULL, 10);
	if (a >= 1 && b >= a)
		tz_reader_set_cols_hidden(&r->base, (size_t)a - 1, (size_t)b - 1);
}

/*
 * Keep the text of a page header or footer (`s`, n bytes as written in
 * the XML: "&amp;L单位：亿元&amp;C2025年台账") in the reader's page_text:
 * the five XML entities unescaped, then read as the other readers' page
 * text is (tz_reader_add_page_text: codes as spaces). Other entities are
 * kept as written.
 */
static void keep_page_text(struct xlsx_reader *r, const char *s, size_t n)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&amp;", '&' }, { "&quot;", '"' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&apos;", '\'' },
	};
	struct tz_buf text = TZ_BUF_INIT;
	const char *end = s + n;

	while (s < end) {
		size_t k = 0;

		if (*s == '&')
			for (; k < sizeof(ents) / sizeof(ents[0]); k++)
				if ((size_t)(end - s) >= strlen(ents[k].ent) &&
				    !memcmp(s, ents[k].ent, strlen(ents[k].ent)))
					break;
		if (*s == '&' && k < sizeof(ents) / sizeof(ents[0])) {
			tz_buf_addch(&text, ents[k].c);
			s += strlen(ents[k].ent);
		} else {
			tz_buf_addch(&text, *s++);
		}
	}
	tz_reader_add_page_text(&r->base, text.buf ? text.buf : "", text.len);
	tz_buf_release(&text);
}

/* Whether a tag name (n bytes) is a page header's or footer's. */
static int page_tag(const char *name, size_t n)
{
	static const char *const tags[] = { "oddHeader", "evenHeader", "firstHeader", "oddFooter",
					    "evenFooter", "firstFooter" };

	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (n == strlen(tags[i]) && !memcmp(name, tags[i], n))
			return 1;
	return 0;
}

static int too_many_cells(struct xlsx_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
			     "%s的单元格超过%u个（每个工作表的上限，空单元格也算），文件可能是恶意构造的；"
			     "请删除多余的空行空列后另存再导入", r->where, TZ_LIMIT_SHEET_CELLS);
}

/*
 * The tags starting in buf[0, limit) (they may run on to `len`; a tag
 * starting later is read with the next chunk): <mergeCell ref="…"/>
 * ranges are added, <c> cells counted against TZ_LIMIT_SHEET_CELLS, so
 * that a small part inflating to a billion empty cells is refused after
 * a few dozen megabytes, before any row is read. A namespace prefix
 * (<x:c>) counts the same.
 */
static int scan_tags(struct xlsx_reader *r, const char *buf, size_t len, size_t limit,
		     uint64_t *cells, uint64_t *tags, const char **last, struct tz_err *err)
{
	const char *p = buf, *end = buf + len, *stop = buf + limit;
	char ref[64];
	int rc;

	*last = NULL;
	while (p < stop && (p = memchr(p, '<', (size_t)(stop - p))) != NULL) {
		const char *name = ++p, *q = p, *gt;
		size_t n;

		++*tags;
		*last = p;

		while (q < end && !strchr(" \t\r\n/>", *q)) {
			if (*q == ':')
				name = q + 1;
			q++;
		}
		if (q == end)
			continue;  /* a name cut by the chunk: cannot be a tag we read */
		n = (size_t)(q - name);
		if (n == 1 && name[0] == 'c') {
			if (++*cells > TZ_LIMIT_SHEET_CELLS)
				return too_many_cells(r, err);
			continue;
		}
		if (page_tag(name, n)) {
			const char *gt2 = memchr(q, '>', (size_t)(end - q)), *lt;

			if (gt2 && gt2[-1] != '/' && (lt = memchr(gt2 + 1, '<', (size_t)(end - gt2 - 1))))
				keep_page_text(r, gt2 + 1, (size_t)(lt - gt2 - 1));
			continue;
		}
		if (n == 3 && !memcmp(name, "col", 3)) {
			keep_hidden_cols(r, q, end);
			continue;
		}
		if (n != 9 || memcmp(name, "mergeCell", 9))
			continue;
		gt = memchr(q, '>', (size_t)(end - q));
		if (!gt || !tag_ref(q, gt, ref, sizeof(ref)))
			continue;
		rc = tz_merges_add_ref(&r->merges, ref, r->path, r->where, err);
		if (rc == TZ_ETOOBIG)
			return rc;  /* a bad reference is ignored, as Excel does */
	}
	return 0;
}

/* Read the whole part once, for merged ranges and the count of cells.
 * Memory is one chunk; a tag cut by a chunk's end is read with the next
 * one. */
static int find_merges(struct xlsx_reader *r, const char *part, struct tz_err *err)
{
	enum { CHUNK = 256 * 1024, KEEP = 1024 };
	zip_file_t *zf = zip_fopen(r->zip, part, ZIP_FL_NOCASE);
	char *buf;
	size_t have = 0;
	uint64_t cells = 0, tags = 0, total = 0, since = 0;
	int rc = 0, how;

	if (!zf)
		return 0;  /* the stream that follows reports it */
	buf = tz_xmalloc(CHUNK + KEEP);
	for (;;) {
		zip_int64_t n = zip_fread(zf, buf + have, CHUNK);
		const char *last;
		size_t len, limit;

		if (n < 0)
			break;  /* idem */
		len = have + (size_t)n;
		/* Keep the last tag for the next chunk, from its '<'. */
		limit = len > KEEP ? len - KEEP : 0;
		if (n == 0) {
			limit = len;
		} else if (len > KEEP) {
			const char *lt = memrchr(buf + limit, '<', KEEP);

			if (lt)
				limit = (size_t)(lt - buf);
		}
		if ((rc = scan_tags(r, buf, len, limit, &cells, &tags, &last, err)) || n == 0)
			break;
		/* What the part inflates to is capped as in the stream that
		 * follows (xlsx_part_check): this pass reads it all first. */
		total += (uint64_t)n;
		since = last ? (uint64_t)(buf + limit - last) : since + (uint64_t)n;
		if ((how = xlsx_part_check(total, since, tags))) {
			rc = xlsx_part_bloated(r->path, 0, "XLSX文件", part, how, err);
			break;
		}
		memmove(buf, buf + limit, len - limit);
		have = len - limit;
	}
	free(buf);
	zip_fclose(zf);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static int too_long(struct xlsx_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL, "%s第%ld行超过%u字节",
			     r->where, r->line, TZ_LIMIT_RECORD);
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

	/* Counted again here: the first pass may miss what it cannot see. */
	if (++r->cells > TZ_LIMIT_SHEET_CELLS)
		return too_many_cells(r, err);
	tz_buf_reset(&r->c.text);
	r->c.col = r->last_col + 1;
	r->c.type = CELL_NUMBER;
	r->c.style = 0;
	r->c.in_v = r->c.in_t = r->c.in_rph = r->c.has_v = r->c.has_f = 0;
	r->c.run_marked = r->c.marked = 0;
	while (xlsx_xml_next_attr(&r->sheet, &name, &value)) {
		if (!strcmp(name, "r") && !tz_a1_parse(value, strlen(value), &r->c.col, NULL))
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
					     "%s第%ld行：单元格引用“%.20s”无效", r->where, r->line,
					     value);
		if (!strcmp(name, "t"))
			r->c.type = type_of(value);
		if (!strcmp(name, "s"))
			r->c.style = strtol(value, NULL, 10);
	}
	if (r->c.col > (long)TZ_LIMIT_SHEET_COLS)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "%s第%ld行的单元格超过%u列（Excel 最多到 XFD 列）", r->where,
				     r->line, TZ_LIMIT_SHEET_COLS);
	return 0;
}

/* Set the cell in the row; `value` NULL when it is the text itself. */
static int put_cell(struct xlsx_reader *r, unsigned char kind, const char *text, size_t len,
		    const char *value, size_t vlen, unsigned char flags, struct tz_err *err)
{
	if (tz_rowbuf_set(&r->row, (size_t)r->c.col - 1, kind, text, len, value, vlen, flags))
		return too_long(r, err);
	return 0;
}

static int shared_string(struct xlsx_reader *r, struct tz_err *err)
{
	const char *v = r->c.text.buf, *s = NULL;
	size_t len = 0;
	int marked = 0;
	char *end;
	unsigned long long i = strtoull(v, &end, 10);

	if (end != v && !*end && v[0] != '-')
		s = xlsx_book_string(&r->book, (size_t)i, &len, &marked);
	if (!s)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的XLSX文件：%s第%ld行引用了不存在的共享字符串“%.20s”",
				     r->where, r->line, v);
	return put_cell(r, len ? TZ_READ_TEXT : TZ_READ_EMPTY, s, len, NULL, 0,
			marked ? TZ_READ_MARKED : 0, err);
}

/* A number cell: through its format, with the plain number as value. */
static int number_cell(struct xlsx_reader *r, struct tz_err *err)
{
	const struct tz_buf *t = &r->c.text;
	const struct tz_numfmt *fmt = xlsx_book_format(&r->book, r->c.style);
	char general[TZ_NUMFMT_GENERAL_MAX], value[TZ_NUMFMT_VALUE_MAX], *end;
	double v = strtod(t->buf, &end);
	size_t glen, vlen;
	unsigned char flags;
	int kind;

	if (end == t->buf || *end || !isfinite(v))
		/* Not a number after all: keep what is written. */
		return put_cell(r, TZ_READ_TEXT, t->buf, t->len, NULL, 0, 0, err);
	glen = tz_numfmt_general(v, general);
	tz_buf_reset(&r->scratch);
	kind = tz_numfmt_format(fmt, v, r->book.date1904, &r->scratch);
	if (kind < 0)
		return too_long(r, err);
	if (r->scratch.len == glen && !memcmp(r->scratch.buf, general, glen))
		return put_cell(r, (unsigned char)kind, general, glen, NULL, 0, 0, err);
	vlen = tz_numfmt_value(fmt, v, r->scratch.buf, r->scratch.len, general, glen,
				       value, &flags);
	return put_cell(r, (unsigned char)kind, r->scratch.buf, r->scratch.len, value, vlen, flags,
			err);
}

/* The value of the finished cell into the row. */
static int cell_value(struct xlsx_reader *r, struct tz_err *err)
{
	const struct tz_buf *t = &r->c.text;

	/* A formula whose result was never saved (written by a library, not
	 * by Excel): <f> with no <v>, or an empty <v> where a number or a
	 * boolean belongs. */
	if (r->c.has_f && (!r->c.has_v || (!t->len && r->c.type != CELL_STRING &&
					   r->c.type != CELL_INLINE)))
		return put_cell(r, TZ_READ_NO_VALUE, "", 0, NULL, 0, 0, err);
	switch (r->c.type) {
	case CELL_SHARED:
		return t->len ? shared_string(r, err) : 0;
	case CELL_INLINE:
	case CELL_STRING:
		tz_buf_reset(&r->scratch);
		if (xlsx_unescape(&r->scratch, t->buf, t->len))
			return too_long(r, err);
		return put_cell(r, r->scratch.len ? TZ_READ_TEXT : TZ_READ_EMPTY, r->scratch.buf,
				r->scratch.len, NULL, 0, r->c.marked ? TZ_READ_MARKED : 0, err);
	case CELL_BOOL:
		if (!t->len)
			return 0;
		return strcmp(t->buf, "0") ? put_cell(r, TZ_READ_BOOL, "TRUE", 4, NULL, 0, 0, err)
					   : put_cell(r, TZ_READ_BOOL, "FALSE", 5, NULL, 0, 0, err);
	case CELL_ERROR:
		return put_cell(r, TZ_READ_ERROR, t->len ? t->buf : "#N/A", t->len ? t->len : 4,
				NULL, 0, 0, err);
	case CELL_DATE: {
		int year;

		if (!t->len)
			return 0;
		/* A format showing only the year shows "2025年", not the day
		 * (numfmt.h, tz_numfmt_year). */
		tz_buf_reset(&r->scratch);
		year = tz_numfmt_year(xlsx_book_format(&r->book, r->c.style), t->buf, t->len,
				      &r->scratch);
		if (year < 0)
			return too_long(r, err);
		if (year)
			return put_cell(r, TZ_READ_DATE, r->scratch.buf, r->scratch.len, t->buf,
					t->len, 0, err);
		return put_cell(r, TZ_READ_DATE, t->buf, iso_date(t->buf, t->len) ? 10 : t->len,
				t->buf, t->len, 0, err);
	}
	case CELL_NUMBER:
		return t->len ? number_cell(r, err) : 0;
	}
	return 0;
}

static int finish_cell(struct xlsx_reader *r, struct tz_err *err)
{
	if (r->c.col <= r->last_col)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的XLSX文件：%s第%ld行第%ld列的单元格重复或顺序错乱",
				     r->where, r->line, r->c.col);
	r->last_col = r->c.col;
	/* Past the columns the caller wants: costs nothing more. */
	if (r->base.max_cols && (size_t)r->c.col > r->base.max_cols)
		return 0;
	return cell_value(r, err);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static int begin_row(struct xlsx_reader *r, struct tz_err *err)
{
	const char *v = xlsx_xml_attr(&r->sheet, "r"), *h;
	long line = r->line + 1;
	char *end;

	if (v) {
		line = strtol(v, &end, 10);
		if (end == v || *end || line < 1)
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
					     "不是有效的XLSX文件：%s行号“%.20s”无效（第%ld行之后）",
					     r->where, v, r->line);
		if (line <= r->line)
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
					     "不是有效的XLSX文件：%s第%ld行重复或顺序错乱（在第%ld行之后）",
					     r->where, line, r->line);
	}
	if (line > (long)TZ_LIMIT_SHEET_ROWS)
		return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
				     "%s的行数超过%u行（Excel 的最大行数），文件可能是恶意构造的",
				     r->where, TZ_LIMIT_SHEET_ROWS);
	h = xlsx_xml_attr(&r->sheet, "hidden");
	r->hidden = h && (!strcmp(h, "1") || !strcmp(h, "true"));
	r->line = line;
	r->last_col = 0;
	r->in_row = !xlsx_xml_empty(&r->sheet);
	tz_rowbuf_clear(&r->row);
	return 0;
}

/* The finished row into *row: 1, or 0 if it holds nothing to give. */
static int end_row(struct xlsx_reader *r, struct tz_row *row, struct tz_err *err)
{
	int rc;

	r->in_row = 0;
	if ((rc = tz_merges_apply(&r->merges, &r->row, r->line, r->base.max_cols, r->path,
				  r->where, err)))
		return rc;
	if (!tz_rowbuf_finish(&r->row, row, r->line, r->hidden))
		return 0;
	r->rows++;
	return 1;
}

/* Text inside the current cell: <v> or an inline string's <t>. */
static int cell_text(struct xlsx_reader *r, struct tz_err *err)
{
	if (!r->c.in_v && !(r->c.in_t && !r->c.in_rph))
		return 0;
	if (r->c.in_t && r->c.run_marked && *xlsx_xml_text(&r->sheet))
		r->c.marked = 1;
	if (tz_buf_adds(&r->c.text, xlsx_xml_text(&r->sheet)))
		return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
				     "%s第%ld行第%ld列的单元格超过%u字节", r->where, r->line,
				     r->c.col, TZ_LIMIT_FIELD);
	return 0;
}

/* Track <v>, <f>, <t> and <rPh> (phonetic guides, not part of the text). */
static void cell_markup(struct xlsx_reader *r)
{
	struct xlsx_xml *x = &r->sheet;
	int open = !xlsx_xml_empty(x);

	if (xlsx_xml_start(x, "v")) {
		r->c.in_v = open;
		r->c.has_v = 1;
	} else if (xlsx_xml_end(x, "v")) {
		r->c.in_v = 0;
	} else if (xlsx_xml_start(x, "f")) {
		r->c.has_f = 1;
	} else if (xlsx_xml_start(x, "r")) {
		r->c.run_marked = 0;
	} else if (xlsx_run_marks(x)) {
		r->c.run_marked = 1;
	} else if (xlsx_xml_start(x, "t")) {
		r->c.in_t = open;
	} else if (xlsx_xml_end(x, "t")) {
		r->c.in_t = 0;
	} else if (xlsx_xml_start(x, "rPh")) {
		r->c.in_rph = open;
	} else if (xlsx_xml_end(x, "rPh")) {
		r->c.in_rph = 0;
	}
}

/* One node of the sheet: 1 when a row is complete, 0 to go on, or an error. */
static int on_node(struct xlsx_reader *r, struct tz_row *row, struct tz_err *err)
{
	struct xlsx_xml *x = &r->sheet;
	int rc;

	if (xlsx_xml_start(x, "row")) {
		if ((rc = begin_row(r, err)))
			return rc;
		return r->in_row ? 0 : end_row(r, row, err);
	}
	if (!r->in_row)
		return 0;
	if (xlsx_xml_end(x, "row"))
		return end_row(r, row, err);
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
	tz_rowbuf_release(&r->row);
	tz_merges_release(&r->merges);
	tz_buf_release(&r->scratch);
	tz_buf_release(&r->c.text);
	tz_reader_base_release(&r->base);
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

/* Start reading sheet `index` from its first row. */
static int xlsx_select(struct tz_reader *base, size_t index, struct tz_err *err)
{
	struct xlsx_reader *r = (struct xlsx_reader *)base;
	const char *part = r->book.sheet_parts[index];
	int rc;

	xlsx_xml_close(&r->sheet);
	tz_merges_clear(&r->merges);
	r->base.page_text[0] = '\0';
	memset(r->base.hidden_cols, 0, sizeof(r->base.hidden_cols));
	tz_rowbuf_clear(&r->row);
	r->line = r->last_col = r->rows = 0;
	r->cells = 0;
	r->in_row = r->done = r->hidden = 0;
	r->base.sheet = index;
	tz_reader_where(&r->base, r->where);
	if (!part)
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "不是有效的XLSX文件：找不到%s的内容", r->where);
	if ((rc = find_merges(r, part, err)))
		return rc;
	rc = xlsx_xml_open(&r->sheet, r->zip, r->path, part, err);
	if (rc == TZ_ENOTFOUND)
		rc = tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				   "不是有效的XLSX文件：缺少%s（%s）", r->where, part);
	return rc;
}

static int xlsx_open(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		     struct tz_err *err)
{
	struct xlsx_reader *r = tz_xcalloc(1, sizeof(*r));
	size_t index;
	int rc;

	*out = NULL;
	tz_reader_base_init(&r->base, &tz_reader_xlsx);
	r->path = tz_xstrdup(path);
	tz_rowbuf_init(&r->row, TZ_LIMIT_RECORD);
	tz_buf_init(&r->scratch, TZ_LIMIT_FIELD * 2);
	tz_buf_init(&r->c.text, TZ_LIMIT_FIELD);
	/* libzip and libxml2 are opened now, not at start-up (dl/zip-load.h). */
	if ((rc = tz_dl_zip_load("读取 Excel 工作簿（.xlsx）", path, err)) ||
	    (rc = tz_dl_xml_load("读取 Excel 工作簿（.xlsx）", path, err)))
		goto fail;
	if ((rc = open_zip(r, err)))
		goto fail;
	if ((rc = xlsx_book_load(&r->book, &r->base, r->zip, path, err)))
		goto fail;
	r->base.date1904 = r->book.date1904;
	if ((rc = tz_reader_pick_sheet(&r->base, opts, path, &index, err)))
		goto fail;
	if ((rc = xlsx_select(&r->base, index, err)))
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
		/* TZ_ENOTFOUND: no header here, so another sheet may hold it
		 * (an empty Sheet1 or a chart sheet first: audit 10, S2). */
		return tz_err_set_at(err, TZ_ENOTFOUND, r->path, 0, NULL, "%s为空", r->where);
	return 0;
}

const struct tz_reader_type tz_reader_xlsx = {
	"xlsx", "Excel 工作簿（.xlsx）", xlsx_open, xlsx_next, xlsx_close, xlsx_select, NULL,
};
