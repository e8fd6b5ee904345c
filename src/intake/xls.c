/*
 * xls.c: the Excel 97-2003 (.xls) reader: an OLE compound file opened
 * with libgsf, its Workbook stream read record by record (xls-biff.c),
 * one sheet's cells streamed row by row.
 *
 * Cells are read as in XLSX: strings (LABELSST, LABEL, RSTRING) as text;
 * numbers (NUMBER, RK, MULRK) through their XF's number format; booleans
 * and errors (BOOLERR) as TRUE/FALSE and "#N/A"…; a formula (FORMULA)
 * through its saved result, the string result coming in the STRING
 * record that follows. MERGEDCELLS ranges (written after the cells) are
 * found by a first pass over the sheet's record headers and filled in
 * as rows go; ROW records say which rows are hidden. Cell records must
 * come in row order, as Excel and LibreOffice write them.
 *
 * Any other OLE file is refused with what it is: an encrypted workbook
 * (Office 2007+ password), a Word or PowerPoint file, or something else.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-input-stdio.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/numfmt.h"
#include "intake/reader-internal.h"
#include "intake/xls-internal.h"
#include "intake/xls-load.h"
#include "base/banned.h"

#define BIFF_MAX_ROWS 65536u

struct xls_reader {
	struct tz_reader base;
	char *path;
	GsfInput *file;
	GsfInfile *ole;
	struct biff_in b;
	struct xls_book book;
	struct tz_rowbuf row;
	struct tz_merges merges;
	struct tz_buf scratch;
	char where[160];
	uint8_t *hidden;          /* per row (0-based), from ROW records */
	long cur;                 /* 0-based row being assembled, -1 between rows */
	long last;                /* the last row closed, -1 before any */
	long rows;                /* rows handed out */
	int done;
	/* A FORMULA whose string result is in the next STRING record. */
	int want_string;
	long want_col;
};

/* ------------------------------------------------------------------ */
/* The container                                                       */

/* The child of the OLE root named `name` (any case), or NULL. */
static GsfInput *child(GsfInfile *ole, const char *name)
{
	int n = gsf_infile_num_children(ole);

	for (int i = 0; i < n; i++) {
		const char *c = gsf_infile_name_by_index(ole, i);

		if (c && !strcasecmp(c, name))
			return gsf_infile_child_by_index(ole, i);
	}
	return NULL;
}

static int has_child(GsfInfile *ole, const char *name)
{
	GsfInput *in = child(ole, name);

	if (!in)
		return 0;
	g_object_unref(in);
	return 1;
}

/* What an OLE file without a workbook stream is. */
static int not_a_workbook(struct xls_reader *r, struct tz_err *err)
{
	const char *what = "OLE 复合文档，不是 Excel 工作簿（若是 WPS 表格的 .et 文件，"
			   "请在 WPS 中另存为 .xlsx）";

	if (has_child(r->ole, "EncryptedPackage") || has_child(r->ole, "EncryptionInfo"))
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "无法导入：这个 Excel 工作簿设置了打开密码（已加密），"
				     "请在 Excel 或 WPS 中取消密码后再导入");
	if (has_child(r->ole, "WordDocument"))
		what = "Word 文档（.doc）";
	else if (has_child(r->ole, "PowerPoint Document"))
		what = "PowerPoint 演示文稿（.ppt）";
	else if (has_child(r->ole, "Book") || has_child(r->ole, "Workbook"))
		what = "Excel 工作簿";
	return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
			     "无法导入：这是%s，不是电子表格", what);
}

static int open_ole(struct xls_reader *r, struct tz_err *err)
{
	GError *gerr = NULL;

	r->file = gsf_input_stdio_new(r->path, &gerr);
	if (!r->file) {
		if (gerr)
			g_error_free(gerr);
		return tz_err_set_at(err, TZ_EIO, r->path, 0, NULL, "无法打开文件");
	}
	r->ole = gsf_infile_msole_new(r->file, &gerr);
	if (!r->ole) {
		if (gerr)
			g_error_free(gerr);
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "无法读取这个 Excel 97-2003 文件（.xls）：文件已损坏或不完整；"
				     "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入");
	}
	r->b.in = child(r->ole, "Workbook");
	if (!r->b.in)
		r->b.in = child(r->ole, "Book");
	if (!r->b.in)
		return not_a_workbook(r, err);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static int too_long(struct xls_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->cur + 1, NULL, "%s第%ld行超过%u字节",
			     r->where, r->cur + 1, TZ_LIMIT_RECORD);
}

static int put_flagged(struct xls_reader *r, long col, unsigned char kind, const char *text,
		       size_t len, const char *value, size_t vlen, unsigned char flags,
		       struct tz_err *err)
{
	if (col >= (long)TZ_LIMIT_SHEET_COLS || (r->base.max_cols && (size_t)col >= r->base.max_cols))
		return 0;
	if (tz_rowbuf_set(&r->row, (size_t)col, kind, text, len, value, vlen, flags))
		return too_long(r, err);
	return 0;
}

static int put(struct xls_reader *r, long col, unsigned char kind, const char *text, size_t len,
	       const char *value, size_t vlen, struct tz_err *err)
{
	if (col >= (long)TZ_LIMIT_SHEET_COLS || (r->base.max_cols && (size_t)col >= r->base.max_cols))
		return 0;
	if (tz_rowbuf_set(&r->row, (size_t)col, kind, text, len, value, vlen, 0))
		return too_long(r, err);
	return 0;
}

static int put_number(struct xls_reader *r, long col, uint16_t xf, double v, struct tz_err *err)
{
	char general[TZ_NUMFMT_GENERAL_MAX], value[TZ_NUMFMT_VALUE_MAX];
	size_t glen = tz_numfmt_general(v, general), vlen;
	unsigned char flags;
	int kind;

	const struct tz_numfmt *fmt = xls_book_format(&r->book, xf);

	tz_buf_reset(&r->scratch);
	kind = tz_numfmt_format(fmt, v, r->book.date1904, &r->scratch);
	if (kind < 0)
		return too_long(r, err);
	if (r->scratch.len == glen && !memcmp(r->scratch.buf, general, glen))
		return put(r, col, (unsigned char)kind, general, glen, NULL, 0, err);
	vlen = tz_numfmt_value(fmt, v, r->scratch.buf, r->scratch.len, general, glen,
				       value, &flags);
	return put_flagged(r, col, (unsigned char)kind, r->scratch.buf, r->scratch.len, value,
			   vlen, flags, err);
}

static int put_text(struct xls_reader *r, long col, const char *s, size_t len, struct tz_err *err)
{
	return put(r, col, len ? TZ_READ_TEXT : TZ_READ_EMPTY, s, len, NULL, 0, err);
}

static double rk_value(uint32_t rk)
{
	double v;

	if (rk & 2) {
		v = (double)((int32_t)rk >> 2);
	} else {
		uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;

		memcpy(&v, &bits, sizeof(v));
	}
	return rk & 1 ? v / 100 : v;
}

static const char *error_text(unsigned code)
{
	switch (code) {
	case 0x00: return "#NULL!";
	case 0x07: return "#DIV/0!";
	case 0x0F: return "#VALUE!";
	case 0x17: return "#REF!";
	case 0x1D: return "#NAME?";
	case 0x24: return "#NUM!";
	case 0x2A: return "#N/A";
	case 0x2B: return "#GETTING_DATA";
	default: return "#N/A";
	}
}

static int put_boolerr(struct xls_reader *r, long col, unsigned v, int is_error,
		       struct tz_err *err)
{
	const char *s = is_error ? error_text(v) : v ? "TRUE" : "FALSE";

	return put(r, col, is_error ? TZ_READ_ERROR : TZ_READ_BOOL, s, strlen(s), NULL, 0, err);
}

/* A FORMULA record: its saved result. */
static int formula(struct xls_reader *r, long col, uint16_t xf, const uint8_t *res,
		   struct tz_err *err)
{
	double v;

	if (biff_u16(res + 6) != 0xFFFF) {
		memcpy(&v, res, sizeof(v));  /* little-endian IEEE double */
		if (!isfinite(v))
			return put(r, col, TZ_READ_ERROR, "#NUM!", 5, NULL, 0, err);
		return put_number(r, col, xf, v, err);
	}
	switch (res[0]) {
	case 0:  /* a string, in the STRING record that follows */
		r->want_string = 1;
		r->want_col = col;
		return 0;
	case 1:
		return put_boolerr(r, col, res[2], 0, err);
	case 2:
		return put_boolerr(r, col, res[2], 1, err);
	default: /* an empty string */
		return 0;
	}
}

/*
 * The STRING record after a FORMULA: a 16-bit count, a flags byte and
 * the characters, which may go on in CONTINUE records, each starting
 * with its own flags byte (the width may change there).
 */
static int string_result(struct xls_reader *r, struct tz_err *err)
{
	struct tz_buf *s = &r->scratch;
	const uint8_t *p = r->b.data;
	size_t cch, left = 0, k;
	int rc = 0, high;

	r->want_string = 0;
	tz_buf_reset(s);
	if (r->book.biff < 8 || r->b.len < 3) {
		xls_string(&r->book, p, r->b.len, 1, s);
	} else {
		cch = biff_u16(p);
		high = p[2] & 1;
		k = (r->b.len - 3) / (high ? 2 : 1);
		k = k < cch ? k : cch;
		if (xls_chars(s, p + 3, k, high))
			return too_long(r, err);
		left = cch - k;
	}
	while (left && (rc = biff_next(&r->b, err)) == 1 && r->b.type == BIFF_CONTINUE) {
		if (r->b.len < 1)
			continue;
		high = r->b.data[0] & 1;
		k = (r->b.len - 1) / (high ? 2 : 1);
		k = k < left ? k : left;
		if (xls_chars(s, r->b.data + 1, k, high))
			return too_long(r, err);
		left -= k;
	}
	if (left) {
		if (rc < 0)
			return rc;
		if (rc == 1)
			biff_hold(&r->b);
	}
	return put_text(r, r->want_col, s->buf, s->len, err);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

/* A first pass over the sheet's records: merged ranges, the text of
 * the printed page header and footer (HEADER 0x0014, FOOTER 0x0015: an
 * empty record or one string), where a clerk may state the unit (audit
 * 9, W3c; tz_reader_page_text), and the hidden columns (COLINFO: first
 * and last column, width, XF, options whose bit 0 is fHidden), named in
 * messages as in XLSX (tz_reader_col_hidden; audit 9 R9). */
static int find_merges(struct xls_reader *r, struct tz_err *err)
{
	int rc;

	while ((rc = biff_next(&r->b, err)) == 1 && r->b.type != BIFF_EOF) {
		const uint8_t *p = r->b.data;
		size_t n;

		if ((r->b.type == 0x0014 || r->b.type == 0x0015) && r->b.len) {
			tz_buf_reset(&r->scratch);
			if (xls_string(&r->book, p, r->b.len, r->book.biff == 8, &r->scratch))
				tz_reader_add_page_text(&r->base, r->scratch.buf, r->scratch.len);
			continue;
		}
		if (r->b.type == BIFF_COLINFO && r->b.len >= 10) {
			uint16_t first = biff_u16(p), last = biff_u16(p + 2);

			if ((biff_u16(p + 8) & 1) && first <= last)
				tz_reader_set_cols_hidden(&r->base, first, last);
			continue;
		}
		if (r->b.type != BIFF_MERGEDCELLS || r->b.len < 2)
			continue;
		n = biff_u16(p);
		for (size_t i = 0; i < n && 2 + 8 * (i + 1) <= r->b.len; i++) {
			const uint8_t *m = p + 2 + 8 * i;

			rc = tz_merges_add(&r->merges, biff_u16(m) + 1L, biff_u16(m + 4) + 1L,
					   biff_u16(m + 2) + 1L, biff_u16(m + 6) + 1L, r->path,
					   r->where, err);
			if (rc == TZ_ETOOBIG)
				return rc;
		}
	}
	return rc < 0 ? rc : 0;
}

/* The row being assembled into *row: 1, or 0 if it holds nothing. */
static int finish_row(struct xls_reader *r, struct tz_row *row, struct tz_err *err)
{
	long line = r->cur + 1;
	int rc;

	if (r->cur < 0)
		return 0;
	if (r->want_string) {  /* a string result with no STRING record */
		r->want_string = 0;
		if ((rc = put(r, r->want_col, TZ_READ_NO_VALUE, "", 0, NULL, 0, err)))
			return rc;
	}
	if ((rc = tz_merges_apply(&r->merges, &r->row, line, r->base.max_cols, r->path, r->where,
				  err)))
		return rc;
	if (!tz_rowbuf_finish(&r->row, row, line, r->hidden[r->cur]))
		return 0;
	r->rows++;
	return 1;
}

/*
 * Cell records carry their row first: a cell of another row closes the
 * current one. 1 with *row filled (the cell is to be read again), 0 to
 * go on with the cell, or an error.
 */
static int cell_row(struct xls_reader *r, long rw, struct tz_row *row, struct tz_err *err)
{
	int rc;

	if (r->cur >= 0 && rw != r->cur) {
		rc = finish_row(r, row, err);
		r->last = r->cur;
		r->cur = -1;
		if (rc)
			return rc;
	}
	if (r->cur < 0) {
		if (rw <= r->last)
			return tz_err_set_at(err, TZ_EINVAL, r->path, rw + 1, NULL,
					     "Excel 97-2003 文件的%s单元格顺序错乱（第%ld行出现在第%ld行之后），"
					     "请在 Excel 中另存为 .xlsx 再导入", r->where, rw + 1,
					     r->last + 1);
		tz_rowbuf_clear(&r->row);
		r->cur = rw;
	}
	return 0;
}

static int cell_record(struct xls_reader *r, struct tz_err *err)
{
	const uint8_t *p = r->b.data;
	size_t len = r->b.len;
	long col = biff_u16(p + 2);
	uint16_t xf = biff_u16(p + 4);
	const char *s;
	size_t slen;

	switch (r->b.type) {
	case BIFF_NUMBER: {
		double v;

		if (len < 14)
			return 0;
		memcpy(&v, p + 6, sizeof(v));
		return put_number(r, col, xf, v, err);
	}
	case BIFF_RK:
		return len < 10 ? 0 : put_number(r, col, xf, rk_value(biff_u32(p + 6)), err);
	case BIFF_MULRK: {
		/* row, first column, (xf, rk)…, last column */
		size_t n = len >= 6 ? (len - 6) / 6 : 0;
		int rc;

		for (size_t i = 0; i < n; i++)
			if ((rc = put_number(r, col + (long)i, biff_u16(p + 4 + 6 * i),
					     rk_value(biff_u32(p + 6 + 6 * i)), err)))
				return rc;
		return 0;
	}
	case BIFF_LABELSST:
		if (len < 10)
			return 0;
		s = xls_book_string(&r->book, biff_u32(p + 6), &slen);
		if (!s)
			return tz_err_set_at(err, TZ_EINVAL, r->path, r->cur + 1, NULL,
					     "Excel 97-2003 文件已损坏：%s第%ld行引用了不存在的共享字符串",
					     r->where, r->cur + 1);
		return put_text(r, col, s, slen, err);
	case BIFF_LABEL:
	case BIFF_RSTRING:
		tz_buf_reset(&r->scratch);
		xls_string(&r->book, p + 6, len - 6, 1, &r->scratch);
		return put_text(r, col, r->scratch.buf, r->scratch.len, err);
	case BIFF_BOOLERR:
		return len < 8 ? 0 : put_boolerr(r, col, p[6], p[7], err);
	case BIFF_FORMULA:
		return len < 20 ? 0 : formula(r, col, xf, p + 6, err);
	default:
		return 0;
	}
}

static int is_cell(uint16_t type)
{
	return type == BIFF_NUMBER || type == BIFF_RK || type == BIFF_MULRK ||
	       type == BIFF_LABELSST || type == BIFF_LABEL || type == BIFF_RSTRING ||
	       type == BIFF_BOOLERR || type == BIFF_FORMULA || type == BIFF_BLANK ||
	       type == BIFF_MULBLANK;
}

/* ------------------------------------------------------------------ */
/* The reader type                                                     */

static void xls_close(struct tz_reader *base)
{
	struct xls_reader *r = (struct xls_reader *)base;

	if (!r)
		return;
	if (r->b.in)
		g_object_unref(r->b.in);
	if (r->ole)
		g_object_unref(r->ole);
	if (r->file)
		g_object_unref(r->file);
	xls_book_release(&r->book);
	tz_rowbuf_release(&r->row);
	tz_merges_release(&r->merges);
	tz_buf_release(&r->scratch);
	tz_reader_base_release(&r->base);
	free(r->b.data);
	free(r->hidden);
	free(r->path);
	free(r);
}

static int sheet_start(struct xls_reader *r, size_t index, struct tz_err *err)
{
	int rc;

	if ((rc = biff_seek(&r->b, r->book.sheet_pos[index], err)))
		return rc;
	if ((rc = biff_next(&r->b, err)) < 0)
		return rc;
	if (rc == 0 || r->b.type != BIFF_BOF)
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "Excel 97-2003 文件已损坏：找不到%s的开头", r->where);
	return 0;
}

static int xls_select(struct tz_reader *base, size_t index, struct tz_err *err)
{
	struct xls_reader *r = (struct xls_reader *)base;
	int rc;

	tz_merges_clear(&r->merges);
	r->base.page_text[0] = '\0';
	memset(r->base.hidden_cols, 0, sizeof(r->base.hidden_cols));
	tz_rowbuf_clear(&r->row);
	memset(r->hidden, 0, BIFF_MAX_ROWS);
	r->cur = r->last = -1;
	r->rows = 0;
	r->done = r->want_string = 0;
	r->base.sheet = index;
	tz_reader_where(&r->base, r->where);
	if ((rc = sheet_start(r, index, err)) || (rc = find_merges(r, err)))
		return rc;
	return sheet_start(r, index, err);
}

static int xls_open(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		    struct tz_err *err)
{
	struct xls_reader *r = tz_xcalloc(1, sizeof(*r));
	size_t index;
	int rc;

	*out = NULL;
	tz_reader_base_init(&r->base, &tz_reader_xls);
	r->path = tz_xstrdup(path);
	r->b.path = r->path;
	r->b.data = tz_xmalloc(BIFF_MAX_RECORD + 1);
	r->hidden = tz_xcalloc(BIFF_MAX_ROWS, 1);
	tz_rowbuf_init(&r->row, TZ_LIMIT_RECORD);
	tz_buf_init(&r->scratch, TZ_LIMIT_FIELD * 2);
	/* libgsf is opened now, not at start-up (xls-load.h). */
	if ((rc = tz_xls_libs_load(path, err)) || (rc = open_ole(r, err)))
		goto fail;
	if ((rc = xls_book_load(&r->book, &r->base, &r->b, err)))
		goto fail;
	r->base.date1904 = r->book.date1904;
	if ((rc = tz_reader_pick_sheet(&r->base, opts, path, &index, err)))
		goto fail;
	if ((rc = xls_select(&r->base, index, err)))
		goto fail;
	*out = &r->base;
	return 0;
fail:
	xls_close(&r->base);
	return rc;
}

static int xls_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct xls_reader *r = (struct xls_reader *)base;
	int rc;

	while (!r->done) {
		if ((rc = biff_next(&r->b, err)) < 0)
			return rc;
		if (rc == 0 || r->b.type == BIFF_EOF)
			break;
		if (r->want_string && r->b.type == BIFF_STRING) {
			if ((rc = string_result(r, err)))
				return rc;
			continue;
		}
		if (r->b.type == BIFF_ROW && r->b.len >= 16) {
			uint16_t rw = biff_u16(r->b.data);

			r->hidden[rw] = (biff_u16(r->b.data + 12) & 0x20) != 0;
			continue;
		}
		if (!is_cell(r->b.type) || r->b.len < 6)
			continue;
		if ((rc = cell_row(r, biff_u16(r->b.data), row, err))) {
			if (rc == 1)
				biff_hold(&r->b);  /* this cell starts the next row */
			return rc;
		}
		if (r->want_string) {  /* a STRING record should have come */
			r->want_string = 0;
			if ((rc = put(r, r->want_col, TZ_READ_NO_VALUE, "", 0, NULL, 0, err)))
				return rc;
		}
		if ((rc = cell_record(r, err)))
			return rc;
	}
	if (!r->done) {
		r->done = 1;
		rc = finish_row(r, row, err);
		r->cur = -1;
		if (rc)
			return rc;
	}
	if (!r->rows)
		/* TZ_ENOTFOUND: no header here, so another sheet may hold it
		 * (an empty Sheet1 or a chart sheet first: audit 10, S2). */
		return tz_err_set_at(err, TZ_ENOTFOUND, r->path, 0, NULL, "%s为空", r->where);
	return 0;
}

const struct tz_reader_type tz_reader_xls = {
	"xls", "Excel 97-2003 工作簿（.xls）", xls_open, xls_next, xls_close, xls_select, NULL,
};
