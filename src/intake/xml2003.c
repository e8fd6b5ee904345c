/*
 * xml2003.c: the XML Spreadsheet 2003 reader (Excel's "XML 表格", which
 * web systems also save under ".xls"): <Workbook xmlns="urn:schemas-
 * microsoft-com:office:spreadsheet"> with <Worksheet>s of <Row>s of
 * <Cell><Data ss:Type=…>.
 *
 * The file is streamed twice with libxml2's xmlTextReader: once at open
 * for the sheets (names, <Visible>SheetHidden</Visible>), the number
 * formats of the styles and the date system, then from the start up to
 * the chosen sheet, whose rows are read as they come. ss:Index gaps are
 * honoured; ss:MergeAcross / ss:MergeDown fill the range with the cell's
 * value; numbers go through their style's format (numfmt.c) and
 * DateTime data become ISO dates. A DOCTYPE is refused.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/xalloc.h"
#include "dl/xml-load.h"
#include "intake/numfmt.h"
#include "intake/reader-internal.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

#define KIND "XML表格文件"

struct style {
	char *id, *parent;
	char *format;          /* ss:Format, NULL if the style has none */
};

/* The cell being read. */
struct xcell {
	long col;
	long across, down;
	char type[16];         /* ss:Type of its Data */
	const struct tz_numfmt *fmt;
	int has_data, has_formula, in_data, in_comment;
	/* Inside <Sup>, <Sub>, <S> of a rich-text Data, and whether such
	 * text was met (TZ_READ_MARKED: a footnote mark, not the value). */
	int marks, marked;
	struct tz_buf text;
};

struct xml_reader {
	struct tz_reader base;
	char *path;
	struct xlsx_xml x;
	int date1904;
	struct style *styles;
	size_t nstyles, astyles;
	struct tz_numfmt **fmts;   /* per style, compiled lazily (NULL: General) */
	unsigned char *fmt_done;
	struct tz_numfmt *general;
	struct tz_rowbuf row;
	struct tz_merges merges;
	struct tz_buf scratch;
	/* Per sheet: its page header and footer text, codes as spaces
	 * (<WorksheetOptions><PageSetup><Header x:Data="&L单位：亿元">,
	 * after the rows: kept by the first pass; audit 9, W3c). */
	char (*page)[sizeof(((struct tz_reader *)0)->page_text)];
	char where[160];
	long line, last_col, rows;
	int in_sheet, in_table, in_row, done, hidden;
	struct xcell c;
};

/* ------------------------------------------------------------------ */
/* Styles                                                              */

/* Excel's names for its number formats. */
static const char *named_format(const char *f)
{
	static const struct { const char *name, *code; } names[] = {
		{ "General", "General" }, { "General Number", "General" },
		{ "Fixed", "0.00" }, { "Standard", "#,##0.00" }, { "Percent", "0.00%" },
		{ "Scientific", "0.00E+00" }, { "Currency", "\"¥\"#,##0.00;\"¥\"\\-#,##0.00" },
		{ "Euro Currency", "\"€\"#,##0.00" }, { "Short Date", "yyyy/m/d" },
		{ "Medium Date", "dd-mmm-yy" }, { "Long Date", "yyyy\"年\"m\"月\"d\"日\"" },
		{ "General Date", "yyyy/m/d h:mm" }, { "Short Time", "h:mm" },
		{ "Medium Time", "h:mm AM/PM" }, { "Long Time", "h:mm:ss" },
		{ "Yes/No", "General" }, { "True/False", "General" }, { "On/Off", "General" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(f, names[i].name))
			return names[i].code;
	return f;
}

static long find_style(const struct xml_reader *r, const char *id)
{
	for (size_t i = 0; i < r->nstyles; i++)
		if (!strcmp(r->styles[i].id, id))
			return (long)i;
	return -1;
}

/* The compiled format of style `id` (following ss:Parent), or General. */
static const struct tz_numfmt *style_format(struct xml_reader *r, const char *id)
{
	long i = id ? find_style(r, id) : -1, k = i;

	if (i < 0)
		return r->general;
	if (!r->fmt_done[i]) {
		const char *code = NULL;

		for (int depth = 0; k >= 0 && depth < 16 && !code; depth++) {
			code = r->styles[k].format;
			k = r->styles[k].parent ? find_style(r, r->styles[k].parent) : -1;
		}
		r->fmts[i] = code ? tz_numfmt_new(named_format(code)) : NULL;
		r->fmt_done[i] = 1;
	}
	return r->fmts[i] ? r->fmts[i] : r->general;
}

static int add_style(struct xml_reader *r, struct tz_err *err)
{
	const char *id = xlsx_xml_attr(&r->x, "ID"), *parent;
	struct style *s;

	if (r->nstyles >= TZ_LIMIT_STYLES)
		return tz_err_set_at(err, TZ_ETOOBIG, r->path, 0, NULL, "样式超过%u个",
				     TZ_LIMIT_STYLES);
	TZ_ALLOC_GROW(r->styles, r->nstyles + 1, r->astyles);
	s = &r->styles[r->nstyles++];
	s->id = tz_xstrdup(id ? id : "");
	parent = xlsx_xml_attr(&r->x, "Parent");
	s->parent = parent ? tz_xstrdup(parent) : NULL;
	s->format = NULL;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The first pass: sheets, styles, date system                         */

static int scan_book(struct xml_reader *r, struct tz_err *err)
{
	struct xlsx_xml *x = &r->x;
	int rc, in_visible = 0, in_styles = 0;

	if ((rc = xlsx_xml_open_file(x, r->path, KIND, err)))
		return rc;
	while ((rc = xlsx_xml_next(x, 0, err)) == 1) {
		if (xlsx_xml_start(x, "Worksheet")) {
			const char *name = xlsx_xml_attr(x, "Name");

			if (r->base.nsheets >= TZ_LIMIT_SHEETS) {
				rc = tz_err_set_at(err, TZ_ETOOBIG, r->path, 0, NULL,
						   "工作表超过%u个", TZ_LIMIT_SHEETS);
				break;
			}
			tz_reader_add_sheet(&r->base, name, name ? strlen(name) : 0,
					    TZ_SHEET_VISIBLE);
			r->page = tz_xrealloc(r->page, r->base.nsheets * sizeof(*r->page));
			r->page[r->base.nsheets - 1][0] = '\0';
		} else if ((xlsx_xml_start(x, "Header") || xlsx_xml_start(x, "Footer")) &&
			   r->base.nsheets) {
			const char *data = xlsx_xml_attr(x, "Data");
			char *keep = r->page[r->base.nsheets - 1];

			if (data) {
				memcpy(r->base.page_text, keep, sizeof(r->base.page_text));
				tz_reader_add_page_text(&r->base, data, strlen(data));
				memcpy(keep, r->base.page_text, sizeof(r->base.page_text));
				r->base.page_text[0] = '\0';
			}
		} else if (xlsx_xml_start(x, "Table") && !xlsx_xml_empty(x)) {
			/* Rows are read later: skip them now. */
			if (xmlTextReaderNext(x->xr) < 0) {
				rc = xlsx_xml_next(x, 0, err);
				break;
			}
		} else if (xlsx_xml_start(x, "Visible") && !xlsx_xml_empty(x)) {
			in_visible = 1;
		} else if (xlsx_xml_end(x, "Visible")) {
			in_visible = 0;
		} else if (in_visible && xlsx_xml_is_text(x) && r->base.nsheets) {
			const char *v = xlsx_xml_text(x);

			if (strstr(v, "SheetVeryHidden"))
				r->base.sheets[r->base.nsheets - 1].state = TZ_SHEET_VERY_HIDDEN;
			else if (strstr(v, "SheetHidden"))
				r->base.sheets[r->base.nsheets - 1].state = TZ_SHEET_HIDDEN;
		} else if (xlsx_xml_start(x, "Styles")) {
			in_styles = !xlsx_xml_empty(x);
		} else if (xlsx_xml_end(x, "Styles")) {
			in_styles = 0;
		} else if (in_styles && xlsx_xml_start(x, "Style")) {
			if ((rc = add_style(r, err)))
				break;
		} else if (in_styles && xlsx_xml_start(x, "NumberFormat") && r->nstyles) {
			const char *f = xlsx_xml_attr(x, "Format");
			struct style *s = &r->styles[r->nstyles - 1];

			free(s->format);
			s->format = tz_xstrdup(f ? f : "General");
		} else if (xlsx_xml_start(x, "Date1904")) {
			r->date1904 = r->base.date1904 = 1;
		}
	}
	xlsx_xml_close(x);
	if (rc < 0)
		return rc;
	if (!r->base.nsheets)
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "不是有效的" KIND "：没有工作表（Worksheet）");
	r->fmts = tz_xcalloc(r->nstyles + 1, sizeof(*r->fmts));
	r->fmt_done = tz_xcalloc(r->nstyles + 1, 1);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Cells and rows                                                      */

static long attr_num(struct xlsx_xml *x, const char *name, long dflt)
{
	const char *v = xlsx_xml_attr(x, name);
	char *end;
	long n;

	if (!v)
		return dflt;
	n = strtol(v, &end, 10);
	return end == v ? dflt : n;
}

static int too_long(struct xml_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL, "%s第%ld行超过%u字节",
			     r->where, r->line, TZ_LIMIT_RECORD);
}

static int begin_cell(struct xml_reader *r, struct tz_err *err)
{
	struct xlsx_xml *x = &r->x;
	long col = attr_num(x, "Index", r->last_col + 1);

	if (col <= r->last_col || col > (long)TZ_LIMIT_SHEET_COLS)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的" KIND "：%s第%ld行的单元格位置（第%ld列）重复、"
				     "顺序错乱或超出%u列", r->where, r->line, col,
				     TZ_LIMIT_SHEET_COLS);
	memset(r->c.type, 0, sizeof(r->c.type));
	r->c.col = col;
	r->c.across = attr_num(x, "MergeAcross", 0);
	r->c.down = attr_num(x, "MergeDown", 0);
	r->c.fmt = style_format(r, xlsx_xml_attr(x, "StyleID"));
	r->c.has_formula = xlsx_xml_attr(x, "Formula") != NULL;
	r->c.has_data = r->c.in_data = r->c.in_comment = 0;
	r->c.marks = r->c.marked = 0;
	tz_buf_reset(&r->c.text);
	if (r->c.across < 0 || r->c.across >= (long)TZ_LIMIT_SHEET_COLS)
		r->c.across = 0;
	if (r->c.down < 0 || r->c.down >= (long)TZ_LIMIT_SHEET_ROWS)
		r->c.down = 0;
	/* A merged range covers the columns up to its end. */
	r->last_col = col + r->c.across;
	if (r->c.across || r->c.down)
		return tz_merges_add(&r->merges, r->line, col, r->line + r->c.down,
				     col + r->c.across, r->path, r->where, err);
	return 0;
}

static int put_flagged(struct xml_reader *r, unsigned char kind, const char *text, size_t len,
		       const char *value, size_t vlen, unsigned char flags, struct tz_err *err)
{
	if (r->base.max_cols && (size_t)r->c.col > r->base.max_cols)
		return 0;
	if (tz_rowbuf_set(&r->row, (size_t)r->c.col - 1, kind, text, len, value, vlen, flags))
		return too_long(r, err);
	return 0;
}

static int put(struct xml_reader *r, unsigned char kind, const char *text, size_t len,
	       const char *value, size_t vlen, struct tz_err *err)
{
	if (r->base.max_cols && (size_t)r->c.col > r->base.max_cols)
		return 0;
	if (tz_rowbuf_set(&r->row, (size_t)r->c.col - 1, kind, text, len, value, vlen, 0))
		return too_long(r, err);
	return 0;
}

static int finish_cell(struct xml_reader *r, struct tz_err *err)
{
	const struct tz_buf *t = &r->c.text;
	char general[TZ_NUMFMT_GENERAL_MAX], value[TZ_NUMFMT_VALUE_MAX], *end;
	size_t glen, vlen;
	unsigned char flags;
	double v;
	int kind;

	/* A formula whose result was not saved: no Data, or an empty one
	 * where a number belongs (as the XLSX reader). */
	if (r->c.has_formula && (!r->c.has_data || (!t->len && strcmp(r->c.type, "String"))))
		return put(r, TZ_READ_NO_VALUE, "", 0, NULL, 0, err);
	if (!r->c.has_data)
		return 0;
	if (!strcmp(r->c.type, "Number")) {
		v = strtod(t->buf, &end);
		if (end == t->buf || *end || !isfinite(v))
			return put(r, tz_text_cell_kind(t->buf, t->len), t->buf, t->len, NULL, 0,
				   err);
		glen = tz_numfmt_general(v, general);
		tz_buf_reset(&r->scratch);
		kind = tz_numfmt_format(r->c.fmt, v, r->date1904, &r->scratch);
		if (kind < 0)
			return too_long(r, err);
		if (r->scratch.len == glen && !memcmp(r->scratch.buf, general, glen))
			return put(r, (unsigned char)kind, general, glen, NULL, 0, err);
		vlen = tz_numfmt_value(r->c.fmt, v, r->scratch.buf, r->scratch.len, general, glen,
				       value, &flags);
		return put_flagged(r, (unsigned char)kind, r->scratch.buf, r->scratch.len, value,
				   vlen, flags, err);
	}
	if (!strcmp(r->c.type, "DateTime")) {
		/* A format showing only the year shows "2025年", not the day
		 * (numfmt.h, tz_numfmt_year). */
		tz_buf_reset(&r->scratch);
		kind = t->len ? tz_numfmt_year(r->c.fmt, t->buf, t->len, &r->scratch) : 0;
		if (kind < 0)
			return too_long(r, err);
		if (kind)
			return put(r, TZ_READ_DATE, r->scratch.buf, r->scratch.len, t->buf, t->len,
				   err);
		return put(r, t->len ? TZ_READ_DATE : TZ_READ_EMPTY, t->buf,
			   t->len >= 10 ? 10 : t->len, t->buf, t->len, err);
	}
	if (!strcmp(r->c.type, "Boolean"))
		return put(r, TZ_READ_BOOL, strcmp(t->buf, "0") ? "TRUE" : "FALSE",
			   strcmp(t->buf, "0") ? 4 : 5, NULL, 0, err);
	if (!strcmp(r->c.type, "Error"))
		return put(r, TZ_READ_ERROR, t->buf, t->len, NULL, 0, err);
	return put_flagged(r, t->len ? TZ_READ_TEXT : TZ_READ_EMPTY, t->buf, t->len, NULL, 0,
			   r->c.marked ? TZ_READ_MARKED : 0, err);
}

/* Rich-text markup in a Data whose text is a mark, not the value:
 * superscript, subscript, struck through (HTML 4 names, any case). */
static int mark_name(const struct xlsx_xml *x)
{
	static const char *const names[] = { "Sup", "Sub", "S", "Strike", "sup", "sub", "s",
					     "strike", "SUP", "SUB", "STRIKE" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (xlsx_xml_start(x, names[i]) || xlsx_xml_end(x, names[i]))
			return 1;
	return 0;
}

static int begin_row(struct xml_reader *r, struct tz_err *err)
{
	struct xlsx_xml *x = &r->x;
	long line = attr_num(x, "Index", r->line + 1);
	const char *h = xlsx_xml_attr(x, "Hidden");

	if (line <= r->line)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "不是有效的" KIND "：%s第%ld行重复或顺序错乱（在第%ld行之后）",
				     r->where, line, r->line);
	if (line > (long)TZ_LIMIT_SHEET_ROWS)
		return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
				     "%s的行数超过%u行（Excel 的最大行数）", r->where,
				     TZ_LIMIT_SHEET_ROWS);
	r->line = line;
	r->last_col = 0;
	r->hidden = h && (!strcmp(h, "1") || !strcmp(h, "true"));
	tz_rowbuf_clear(&r->row);
	r->in_row = !xlsx_xml_empty(x);
	return 0;
}

static int end_row(struct xml_reader *r, struct tz_row *row, struct tz_err *err)
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

/* One node inside the sheet's <Table>: 1 when a row is complete. */
static int on_node(struct xml_reader *r, struct tz_row *row, struct tz_err *err)
{
	struct xlsx_xml *x = &r->x;
	int rc;

	if (xlsx_xml_start(x, "Row")) {
		if ((rc = begin_row(r, err)))
			return rc;
		return r->in_row ? 0 : end_row(r, row, err);
	}
	if (!r->in_row)
		return 0;
	if (xlsx_xml_end(x, "Row"))
		return end_row(r, row, err);
	if (xlsx_xml_start(x, "Cell")) {
		if ((rc = begin_cell(r, err)))
			return rc;
		return xlsx_xml_empty(x) ? finish_cell(r, err) : 0;
	}
	if (xlsx_xml_end(x, "Cell"))
		return finish_cell(r, err);
	if (xlsx_xml_start(x, "Comment")) {
		r->c.in_comment = !xlsx_xml_empty(x);
	} else if (xlsx_xml_end(x, "Comment")) {
		r->c.in_comment = 0;
	} else if (!r->c.in_comment && xlsx_xml_start(x, "Data")) {
		const char *t = xlsx_xml_attr(x, "Type");

		snprintf(r->c.type, sizeof(r->c.type), "%s", t ? t : "String");
		r->c.has_data = 1;
		r->c.in_data = !xlsx_xml_empty(x);
	} else if (xlsx_xml_end(x, "Data") && !r->c.in_comment) {
		r->c.in_data = 0;
	} else if (r->c.in_data && mark_name(x)) {
		if (xmlTextReaderNodeType(x->xr) == XML_READER_TYPE_END_ELEMENT)
			r->c.marks -= r->c.marks > 0;
		else if (!xlsx_xml_empty(x))
			r->c.marks++;
	} else if (r->c.in_data && xlsx_xml_is_text(x)) {
		if (r->c.marks && *xlsx_xml_text(x))
			r->c.marked = 1;
		if (tz_buf_adds(&r->c.text, xlsx_xml_text(x)))
			return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->line, NULL,
					     "%s第%ld行第%ld列的单元格超过%u字节", r->where, r->line,
					     r->c.col, TZ_LIMIT_FIELD);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The reader type                                                     */

static void xml_close(struct tz_reader *base)
{
	struct xml_reader *r = (struct xml_reader *)base;

	if (!r)
		return;
	xlsx_xml_close(&r->x);
	for (size_t i = 0; i < r->nstyles; i++) {
		free(r->styles[i].id);
		free(r->styles[i].parent);
		free(r->styles[i].format);
		tz_numfmt_free(r->fmts ? r->fmts[i] : NULL);
	}
	free(r->styles);
	free(r->fmts);
	free(r->fmt_done);
	free(r->page);
	tz_numfmt_free(r->general);
	tz_rowbuf_release(&r->row);
	tz_merges_release(&r->merges);
	tz_buf_release(&r->scratch);
	tz_buf_release(&r->c.text);
	tz_reader_base_release(&r->base);
	free(r->path);
	free(r);
}

/* Stream the file again up to the <Table> of sheet `index`. */
static int xml_select(struct tz_reader *base, size_t index, struct tz_err *err)
{
	struct xml_reader *r = (struct xml_reader *)base;
	struct xlsx_xml *x = &r->x;
	size_t seen = 0;
	int rc;

	xlsx_xml_close(x);
	tz_merges_clear(&r->merges);
	tz_rowbuf_clear(&r->row);
	r->line = r->last_col = r->rows = 0;
	r->in_sheet = r->in_table = r->in_row = r->done = 0;
	r->base.sheet = index;
	memcpy(r->base.page_text, r->page[index], sizeof(r->base.page_text));
	tz_reader_where(&r->base, r->where);
	if ((rc = xlsx_xml_open_file(x, r->path, KIND, err)))
		return rc;
	while ((rc = xlsx_xml_next(x, 0, err)) == 1) {
		if (!xlsx_xml_start(x, "Worksheet"))
			continue;
		if (seen++ < index) {
			if (!xlsx_xml_empty(x) && xmlTextReaderNext(x->xr) < 0)
				return xlsx_xml_next(x, 0, err);
			continue;
		}
		r->in_sheet = !xlsx_xml_empty(x);
		return 0;
	}
	return rc < 0 ? rc : tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
					   "不是有效的" KIND "：找不到%s", r->where);
}

static int xml_open(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		    struct tz_err *err)
{
	struct xml_reader *r = tz_xcalloc(1, sizeof(*r));
	size_t index;
	int rc;

	*out = NULL;
	tz_reader_base_init(&r->base, &tz_reader_xml2003);
	r->path = tz_xstrdup(path);
	r->general = tz_numfmt_new("General");
	tz_rowbuf_init(&r->row, TZ_LIMIT_RECORD);
	tz_buf_init(&r->scratch, TZ_LIMIT_FIELD * 2);
	tz_buf_init(&r->c.text, TZ_LIMIT_FIELD);
	/* libxml2 is opened now, not at start-up (dl/xml-load.h). */
	if ((rc = tz_dl_xml_load("读取 Excel 2003 XML 表格", path, err)))
		goto fail;
	if ((rc = scan_book(r, err)))
		goto fail;
	if ((rc = tz_reader_pick_sheet(&r->base, opts, path, &index, err)))
		goto fail;
	if ((rc = xml_select(&r->base, index, err)))
		goto fail;
	*out = &r->base;
	return 0;
fail:
	xml_close(&r->base);
	return rc;
}

static int xml_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct xml_reader *r = (struct xml_reader *)base;
	struct xlsx_xml *x = &r->x;
	int rc;

	while (!r->done && r->in_sheet) {
		if ((rc = xlsx_xml_next(x, r->line, err)) < 0)
			return rc;
		if (rc == 0 || xlsx_xml_end(x, "Worksheet"))
			break;
		if (xlsx_xml_start(x, "Table")) {
			r->in_table = !xlsx_xml_empty(x);
			continue;
		}
		if (xlsx_xml_end(x, "Table")) {
			r->in_table = 0;
			continue;
		}
		if (r->in_table && (rc = on_node(r, row, err)))
			return rc;
	}
	r->done = 1;
	if (!r->rows)
		/* TZ_ENOTFOUND: no header here, so another sheet may hold it
		 * (an empty Sheet1 or a chart sheet first: audit 10, S2). */
		return tz_err_set_at(err, TZ_ENOTFOUND, r->path, 0, NULL, "%s为空", r->where);
	return 0;
}

const struct tz_reader_type tz_reader_xml2003 = {
	"xml2003", "Excel 2003 XML 表格", xml_open, xml_next, xml_close, xml_select, NULL,
};
