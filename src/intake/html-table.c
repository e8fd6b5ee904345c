/*
 * html-table.c: the reader of an HTML <table> saved as ".xls" by web
 * systems (and by Excel's "网页" format): every <tr> of the page's
 * top-level tables is a row, every <td>/<th> a cell, in document order.
 *
 * The page is streamed through tz_textin (UTF-8, GBK/GB2312 or UTF-16,
 * decided from the content, whatever <meta charset> claims) into
 * libxml2's HTML push parser with SAX callbacks, so no tree is built and
 * memory stays bounded by a chunk's worth of rows. Text is shown as a
 * browser shows it: runs of white space (and &nbsp;) collapse to one
 * space, <br> is a line break, <script> and <style> are not text.
 * colspan/rowspan place the following cells as a browser does and fill
 * the spanned cells with the value (TZ_READ_MERGED…). A table inside a
 * cell of a data table is read as part of that cell's text; inside a
 * layout table (an outer table of rows of one or two cells, holding the
 * page) it is the table read, the layout's text around it read as text
 * outside the tables (audit 9; session 14). Each table read is numbered
 * (tz_reader_table_at), so that the import can tell a second table from
 * the rows of the first. <tr style="display:none">
 * is a hidden row; text inside a cell that the page hides (an element
 * with style display:none or visibility:hidden, or the hidden
 * attribute: a sort key, an old value) is not the cell's. The sheet is named by Excel's <x:Name> comment, or
 * after the file. Cells are text (error literals are TZ_READ_ERROR).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "dl/xml-load.h"
#include "intake/reader-internal.h"
#include "base/banned.h"

/* Fed to the parser at a time: a bound on the rows one feed completes. */
#define FEED (16u * 1024)

/* Browsers cap spans so (HTML's own limits). */
#define MAX_COLSPAN 1000
#define MAX_ROWSPAN 65534

/* A queued row: this header, then its cells (struct qcell + text). */
struct qrow {
	long line;
	int hidden;
	uint32_t ncells;
};

struct qcell {
	uint32_t col;   /* 0-based */
	uint32_t len;
	unsigned char kind;
	unsigned char flags;  /* TZ_READ_MARKED or 0 */
};

struct html_reader {
	struct tz_reader base;
	char *path;
	struct tz_textin *in;
	htmlParserCtxtPtr ctx;
	char chunk[FEED];
	int eof;
	struct tz_err perr;       /* an error met inside a callback */
	int failed;
	char *sheet_name;         /* from <x:Name> */
	/* Where the parser is. */
	int table_depth;          /* nesting of <table> */
	/* The depth of the tables whose rows are read: 1, or deeper inside
	 * layout tables (a page's outer table holding the data table in a
	 * cell). Text at depths below it is text outside the tables. */
	int rd;
	int tables;               /* tables read (at depth rd) met */
	/* The most cells a row of the table being read has had so far: at
	 * most 2 when a table starts inside one of its cells makes it a
	 * layout table. */
	uint32_t cells_max;
	/* The tables read, in order: the sheet rows each holds (first and
	 * last; last LONG_MAX while open), the text between two tables
	 * counted as the next one's (its title). tz_reader_table_at. */
	struct html_table { long first, last; } *tbl;
	size_t ntbl, atbl;
	/* Text rows after a table, held until the page shows whether
	 * another table follows (then they are its title) or not (then only
	 * those naming 元 are handed out, as before): qrows, with whether
	 * each names 元 before it. */
	struct tz_buf held;
	long held_first;          /* the first held row's line, 0: none */
	/* A layout table's first row when a table read inside it takes its
	 * number (promote): the text before the layout is that table's. */
	long promo_first;
	/* The page's <style> text (Excel's classes: .xl65 {mso-number-
	 * format:…}), and whether inside one; the unit of money the cell's
	 * number format writes after the number ("亿元"), "" when none. */
	struct tz_buf styles;
	int in_style;
	char cell_unit[16];
	/* The classes of `styles` whose number format writes a unit, found
	 * once the styles are complete (fmt_parsed): a few entries, so that
	 * a cell costs a compare per entry, not a pass over the styles. */
	struct html_fmt { char name[32]; char unit[16]; } *fmt;
	size_t nfmt, afmt;
	int fmt_parsed;
	int skip;                 /* inside <script>/<style> */
	int in_row, in_cell, space;
	/* Inside <sup>, <sub>, <s>, <strike>, <del> in a cell, and whether
	 * such text was met: a footnote mark or deleted text, not the value
	 * (TZ_READ_MARKED). */
	int marks, cell_marked;
	/* Inside an element of a cell hidden by the page (style display:none
	 * or visibility:hidden, the hidden attribute): elements open since
	 * it began, its own included; 0 when not. Its text is not what the
	 * sheet shows (a sort key, an old value: audit 9, W17). */
	int hide;
	long line;                /* rows so far (the current one's number) */
	long col;                 /* next free column, 1-based */
	long cell_col, colspan, rowspan;
	int row_hidden;
	int loose;                /* reading text outside the cells, as a row */
	int in_caption;
	size_t table_merges;      /* merges.n when the current table began */
	struct tz_buf cell;       /* the cell being read */
	struct tz_buf pending;    /* the row being read: qcells */
	uint32_t pending_cells;
	uint32_t *occupied;       /* per column: last row a rowspan covers */
	size_t noccupied;
	/* Completed rows not yet handed out. */
	struct tz_buf queue;
	size_t qpos;
	struct tz_merges merges;
	struct tz_rowbuf row;
};

/* ------------------------------------------------------------------ */
/* Errors inside callbacks                                             */

static void fail_with(struct html_reader *r, int code, const char *msg, long line)
{
	if (r->failed)
		return;
	r->failed = code;
	tz_err_set_at(&r->perr, code, r->path, line, NULL, "%s", msg);
	xmlStopParser(r->ctx);
}

/* ------------------------------------------------------------------ */
/* Cells and rows                                                      */

static long attr_span(const xmlChar **atts, const char *name, long max)
{
	for (size_t i = 0; atts && atts[i]; i += 2) {
		if (strcasecmp((const char *)atts[i], name) || !atts[i + 1])
			continue;
		long v = strtol((const char *)atts[i + 1], NULL, 10);

		return v < 1 ? 1 : v > max ? max : v;
	}
	return 1;
}

static int attr_hidden(const xmlChar **atts)
{
	for (size_t i = 0; atts && atts[i]; i += 2) {
		const char *name = (const char *)atts[i], *v = (const char *)atts[i + 1];

		if (!strcasecmp(name, "hidden"))
			return 1;
		if (!strcasecmp(name, "style") && v) {
			char norm[256];
			size_t n = 0;

			for (; *v && n + 1 < sizeof(norm); v++)
				if (*v != ' ' && *v != '\t')
					norm[n++] = (char)(*v | 0x20);
			norm[n] = '\0';
			if (strstr(norm, "display:none") || strstr(norm, "visibility:hidden"))
				return 1;
		}
	}
	return 0;
}

static int occupied(const struct html_reader *r, long col)
{
	return (size_t)col <= r->noccupied && r->occupied[col - 1] >= (uint32_t)r->line;
}

static void begin_row(struct html_reader *r, const xmlChar **atts)
{
	if (r->line >= (long)TZ_LIMIT_SHEET_ROWS) {
		fail_with(r, TZ_ETOOBIG, "表格的行数超过Excel的最大行数", r->line);
		return;
	}
	r->line++;
	r->in_row = 1;
	r->col = 1;
	r->row_hidden = attr_hidden(atts);
	tz_buf_reset(&r->pending);
	r->pending_cells = 0;
}

/*
 * The unit of money an Excel number format writes after the number, from
 * the format's text (CSS-escaped as Excel writes it: \0022 for a quote):
 * its first run of 亿, 万, 千, 百 and 元 holding 元, 亿 or 万 ("亿元",
 * "万元", "元", "万"), into out (16 bytes), else "".
 */
static void unit_of_format(const char *f, size_t n, char out[16])
{
	static const char *const units[] = { "亿", "万", "千", "百", "元" };
	size_t len = 0;
	int money = 0;

	out[0] = '\0';
	for (size_t i = 0; i + 3 <= n;) {
		size_t k;

		for (k = 0; k < 5 && memcmp(f + i, units[k], 3); k++)
			;
		if (k == 5) {
			if (len)
				break;
			i++;
			continue;
		}
		if (len + 3 < 16) {
			memcpy(out + len, units[k], 3);
			len += 3;
		}
		money |= k == 0 || k == 1 || k == 4;
		i += 3;
	}
	out[money ? len : 0] = '\0';
}

/* The value of `prop:` in a CSS declaration block s[0..n), or NULL. */
static const char *css_value(const char *s, size_t n, const char *prop, size_t *vlen)
{
	size_t pl = strlen(prop);

	for (size_t i = 0; i + pl < n; i++) {
		size_t j;

		if (strncasecmp(s + i, prop, pl))
			continue;
		for (j = i + pl; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
			;
		if (j >= n || s[j] != ':')
			continue;
		i = j + 1;
		for (j = i; j < n && s[j] != ';' && s[j] != '}'; j++)
			;
		*vlen = j - i;
		return s + i;
	}
	return NULL;
}

/* The rules of the page's styles whose mso-number-format writes a unit
 * of money: their class names (".xl65", ".xl65, .xl66") into r->fmt. */
static void parse_formats(struct html_reader *r)
{
	const char *p = r->styles.buf, *end = p + r->styles.len;

	r->fmt_parsed = 1;
	r->nfmt = 0;
	while (p < end) {
		const char *open = memchr(p, '{', (size_t)(end - p)), *close, *v;
		char unit[16];
		size_t vlen;

		if (!open || !(close = memchr(open, '}', (size_t)(end - open))))
			break;
		unit[0] = '\0';
		if ((v = css_value(open + 1, (size_t)(close - open - 1), "mso-number-format", &vlen)))
			unit_of_format(v, vlen, unit);
		for (const char *q = p; unit[0] && q < open; q++) {
			size_t n = 0;

			if (*q != '.')
				continue;
			while (q + 1 + n < open && q[1 + n] != ' ' && q[1 + n] != ',' &&
			       q[1 + n] != '\t' && q[1 + n] != '\n' && q[1 + n] != '\r' &&
			       q[1 + n] != '.' && q[1 + n] != ':')
				n++;
			if (n && n < sizeof(r->fmt[0].name) && r->nfmt < 4096) {
				TZ_ALLOC_GROW(r->fmt, r->nfmt + 1, r->afmt);
				memcpy(r->fmt[r->nfmt].name, q + 1, n);
				r->fmt[r->nfmt].name[n] = '\0';
				memcpy(r->fmt[r->nfmt].unit, unit, sizeof(unit));
				r->nfmt++;
			}
			q += n;
		}
		p = close + 1;
	}
}

/*
 * The unit of money the cell's number format shows after its number: an
 * mso-number-format in its style attribute or in a rule of the page's
 * <style> for one of its classes (Excel writes `.xl65 {mso-number-
 * format:"0\.00\0022亿元\0022";}` and `<td class=xl65>12.5</td>`, and
 * shows 12.50亿元 on opening the page, while a browser shows 12.5).
 * Before, the number was read in the header's unit (万元): a wrong
 * amount stored with exit 0 (session 14).
 */
static void format_unit(struct html_reader *r, const xmlChar **atts)
{
	const char *style = NULL, *klass = NULL, *v;
	size_t vlen;

	r->cell_unit[0] = '\0';
	for (size_t i = 0; atts && atts[i]; i += 2) {
		if (!atts[i + 1])
			continue;
		if (!strcasecmp((const char *)atts[i], "style"))
			style = (const char *)atts[i + 1];
		else if (!strcasecmp((const char *)atts[i], "class"))
			klass = (const char *)atts[i + 1];
	}
	if (style && (v = css_value(style, strlen(style), "mso-number-format", &vlen))) {
		unit_of_format(v, vlen, r->cell_unit);
		return;
	}
	if (!klass)
		return;
	if (!r->fmt_parsed)
		parse_formats(r);
	/* Each class named: its rule's unit. */
	while (*klass && r->nfmt) {
		size_t kl = strcspn(klass, " \t");

		for (size_t i = 0; i < r->nfmt; i++)
			if (strlen(r->fmt[i].name) == kl && !memcmp(r->fmt[i].name, klass, kl)) {
				memcpy(r->cell_unit, r->fmt[i].unit, sizeof(r->cell_unit));
				return;
			}
		klass += kl;
		klass += strspn(klass, " \t");
	}
}

/* Whether s[0..n) is a plain number as a format would show it: digits,
 * one point, thousands commas, a sign; no unit of its own. */
static int plain_number(const char *s, size_t n)
{
	int digits = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits = 1;
		else if (s[i] != '.' && s[i] != ',' && s[i] != '-' && s[i] != '+' && s[i] != ' ')
			return 0;
	}
	return digits;
}

static void begin_cell(struct html_reader *r, const xmlChar **atts)
{
	if (!r->in_row)
		begin_row(r, NULL);  /* a <td> outside any <tr> */
	while (occupied(r, r->col))
		r->col++;
	r->in_cell = 1;
	r->space = 0;
	r->cell_col = r->col;
	r->colspan = attr_span(atts, "colspan", MAX_COLSPAN);
	r->rowspan = attr_span(atts, "rowspan", MAX_ROWSPAN);
	r->marks = r->cell_marked = 0;
	r->hide = 0;
	tz_buf_reset(&r->cell);
	format_unit(r, atts);
}

static void end_cell(struct html_reader *r)
{
	struct qcell qc;
	long last = r->cell_col + r->colspan - 1, down = r->line + r->rowspan - 1;
	size_t len;
	int rc = 0;

	r->in_cell = 0;
	if (last > (long)TZ_LIMIT_SHEET_COLS || r->cell_col > (long)TZ_LIMIT_SHEET_COLS) {
		fail_with(r, TZ_ETOOBIG, "表格的一行超过16384列", r->line);
		return;
	}
	if (down > (long)TZ_LIMIT_SHEET_ROWS)
		down = TZ_LIMIT_SHEET_ROWS;
	/* Trailing white space was collapsed to one space: drop it. */
	len = r->cell.len;
	while (len && r->cell.buf[len - 1] == ' ')
		len--;
	/* A number whose format writes a unit of money after it is shown
	 * so ("12.5" in 0.00"亿元": 12.5亿元), and read so. */
	if (r->cell_unit[0] && plain_number(r->cell.buf, len)) {
		r->cell.len = len;
		if (tz_buf_adds(&r->cell, r->cell_unit)) {
			fail_with(r, TZ_ETOOBIG, "单元格超过64 KB", r->line);
			return;
		}
		len = r->cell.len;
	}
	r->cell_unit[0] = '\0';
	qc.col = (uint32_t)(r->cell_col - 1);
	qc.len = (uint32_t)len;
	qc.kind = tz_text_cell_kind(r->cell.buf, len);
	qc.flags = r->cell_marked ? TZ_READ_MARKED : 0;
	if (tz_buf_add(&r->pending, &qc, sizeof(qc)) || tz_buf_add(&r->pending, r->cell.buf, len)) {
		fail_with(r, TZ_ETOOBIG, "表格的一行超过1 MB", r->line);
		return;
	}
	r->pending_cells++;
	if (r->rowspan > 1) {
		if ((size_t)last > r->noccupied) {
			r->occupied = tz_xrealloc(r->occupied, (size_t)last * sizeof(*r->occupied));
			memset(r->occupied + r->noccupied, 0,
			       ((size_t)last - r->noccupied) * sizeof(*r->occupied));
			r->noccupied = (size_t)last;
		}
		for (long c = r->cell_col; c <= last; c++)
			r->occupied[c - 1] = (uint32_t)down;
	}
	if (r->colspan > 1 || r->rowspan > 1)
		rc = tz_merges_add(&r->merges, r->line, r->cell_col, down, last, r->path, "",
				   &r->perr);
	if (rc) {
		r->failed = rc;
		xmlStopParser(r->ctx);
	}
	r->col = last + 1;
}

/* End the row being read, into `to` (the queue, or the held rows). 0,
 * or -1 when it does not fit. */
static int row_to(struct html_reader *r, struct tz_buf *to)
{
	struct qrow q;

	/* A cell left open ends with its row (before the row is counted). */
	if (r->in_cell)
		end_cell(r);
	q.line = r->line;
	q.hidden = r->row_hidden;
	q.ncells = r->pending_cells;
	r->in_row = 0;
	if (r->pending_cells > r->cells_max)
		r->cells_max = r->pending_cells;
	return tz_buf_add(to, &q, sizeof(q)) || tz_buf_add(to, r->pending.buf, r->pending.len)
		       ? -1 : 0;
}

static void end_row(struct html_reader *r)
{
	if (row_to(r, &r->queue))
		fail_with(r, TZ_ETOOBIG, "表格的行过长", r->line);
}

/*
 * The held text rows (after a table) handed out: all of them when
 * another table follows (`all`: they are its title, its unit, its
 * 填报说明), else only those naming 元 (a note of the unit below the
 * last table), as before.
 */
static void flush_held(struct html_reader *r, int all)
{
	size_t at = 0;

	while (at < r->held.len) {
		unsigned char yuan = (unsigned char)r->held.buf[at];
		struct qrow q;
		size_t len = sizeof(q);

		memcpy(&q, r->held.buf + at + 1, sizeof(q));
		for (uint32_t i = 0; i < q.ncells; i++) {
			struct qcell c;

			memcpy(&c, r->held.buf + at + 1 + len, sizeof(c));
			len += sizeof(c) + c.len;
		}
		if ((all || yuan) && tz_buf_add(&r->queue, r->held.buf + at + 1, len)) {
			fail_with(r, TZ_ETOOBIG, "表格的行过长", q.line);
			break;
		}
		at += 1 + len;
	}
	tz_buf_reset(&r->held);
	r->held_first = 0;
}

/*
 * Text of the page outside the tables' cells — a title, <p>, heading or
 * <div> above a table, its <caption>, a note after it — is a row of one
 * cell, as Excel, WPS and LibreOffice show the page (each block of text
 * its own row, <br> a new one), so the import reads a title's year and
 * the unit of money it states as in a sheet ("<p>单位：亿元</p>" above
 * the table; auditor's finding 3, audit 8, 2026-11-30). Rows are thus
 * numbered as those programs number them, and an error's line is the
 * row the user sees on opening the file. After a table the text is
 * held (flush_held): before another table it is that table's title,
 * handed out with it; after the last only text naming 元 (a note of the
 * unit) is, not page footers or links (打印, 版权所有…), which would
 * read as projects; the others still take their row numbers. Ends the
 * loose row being read.
 */
static void end_loose(struct html_reader *r)
{
	unsigned char yuan;
	size_t was;

	if (!r->loose)
		return;
	r->loose = 0;
	end_cell(r);
	if (r->tables == 0 || r->in_caption) {
		end_row(r);
		return;
	}
	/* After a table: held until the page shows whether another table
	 * follows (session 14: the second table's title is its own). */
	yuan = memmem(r->cell.buf, r->cell.len, "元", strlen("元")) != NULL;
	was = r->held.len;
	if (!tz_buf_addch(&r->held, yuan) && !row_to(r, &r->held)) {
		if (!r->held_first)
			r->held_first = r->line;
		return;
	}
	/* Too much text after the table to hold: a note of the unit is
	 * refused as before, other text dropped. */
	r->held.len = was;
	if (yuan)
		fail_with(r, TZ_ETOOBIG, "表格的行过长", r->line);
}

/* Whether element `name` breaks a line of the page's text. */
static int html_block(const xmlChar *name)
{
	static const char *const blocks[] = { "p", "div", "br", "li", "ul", "ol", "table",
					      "caption", "h1", "h2", "h3", "h4", "h5", "h6",
					      "body", "html", "center", "section", "header",
					      "footer", "hr", "tr", "td", "th" };

	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (!strcasecmp((const char *)name, blocks[i]))
			return 1;
	return 0;
}

/* Spans do not reach past the table's last row read so far: into the
 * next table, the text after it, or a table read inside a layout cell
 * (a rowspan past a table's end ends there, as a browser ends it). */
static void cut_spans(struct html_reader *r)
{
	if (r->noccupied)
		memset(r->occupied, 0, r->noccupied * sizeof(*r->occupied));
	for (size_t i = r->merges.sorted ? r->table_merges : 0; i < r->merges.n; i++)
		if (r->merges.v[i].r2 > (uint32_t)r->line)
			r->merges.v[i].r2 = (uint32_t)r->line;
}

/* A table at the depth read begins: numbered, its rows from the next
 * one (or from the text held since the last table: its title). */
static void table_begins(struct html_reader *r)
{
	r->tables++;
	r->cells_max = 0;
	r->table_merges = r->merges.sorted ? r->merges.n : 0;
	cut_spans(r);
	TZ_ALLOC_GROW(r->tbl, r->ntbl + 1, r->atbl);
	r->tbl[r->ntbl].first = r->promo_first ? r->promo_first
			       : r->held_first ? r->held_first : r->line + 1;
	r->promo_first = 0;
	r->tbl[r->ntbl].last = LONG_MAX;
	r->ntbl++;
	if (r->held.len)
		flush_held(r, 1);
}

/*
 * A table starts inside a cell of a layout table (rows of one or two
 * cells: an outer table holding the page, audit 9): that table is read
 * instead, the layout's cell and row ended where it starts (a row if it
 * holds text, a title above the table) and its text after this one read
 * as text outside the tables. The layout is no table read: its number
 * goes to the inner one.
 */
static void promote(struct html_reader *r)
{
	int text = r->cell.len > 0;

	for (size_t at = 0; !text && at < r->pending.len;) {
		struct qcell c;

		memcpy(&c, r->pending.buf + at, sizeof(c));
		text = c.len > 0;
		at += sizeof(c) + c.len;
	}
	r->colspan = r->rowspan = 1;
	/* A span begun on the row keeps it (its line is the span's). */
	if (r->merges.n && r->merges.v[r->merges.n - 1].r1 == (uint32_t)r->line)
		text = 1;
	if (text) {
		end_row(r);
	} else {
		/* An empty layout row is no row of the page. */
		r->in_cell = r->in_row = 0;
		r->line--;
	}
	cut_spans(r);
	r->rd++;
	r->tables--;
	if (r->ntbl)
		r->promo_first = r->tbl[--r->ntbl].first;
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                       */

static int is(const xmlChar *name, const char *want)
{
	return !strcasecmp((const char *)name, want);
}

/* Markup whose text is a mark, not the value: superscript, subscript,
 * struck through, deleted. */
static int is_mark(const xmlChar *name)
{
	return is(name, "sup") || is(name, "sub") || is(name, "s") || is(name, "strike") ||
	       is(name, "del");
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct html_reader *r = ctx;

	if (r->failed)
		return;
	/* <title> is the window's, not a row of the page. */
	if (is(name, "script") || is(name, "style") || is(name, "title")) {
		r->skip++;
		r->in_style = is(name, "style");
		return;
	}
	if (r->hide) {
		/* A cell, row or table ends the hidden element however it
		 * was written; anything else opens inside it. */
		if (!is(name, "td") && !is(name, "th") && !is(name, "tr") && !is(name, "table")) {
			r->hide++;
			return;
		}
		r->hide = 0;
	} else if (r->in_cell && r->table_depth == r->rd && !is(name, "td") && !is(name, "th") &&
		   !is(name, "tr") && !is(name, "table") && attr_hidden(atts)) {
		r->hide = 1;
		return;
	}
	if (r->loose && html_block(name))
		end_loose(r);
	if (r->table_depth == r->rd && !r->in_row && is(name, "caption"))
		r->in_caption = 1;
	if (is(name, "table")) {
		/* In a cell of a layout table: the table read is this one. */
		if (r->table_depth == r->rd && r->in_cell &&
		    (r->cells_max > r->pending_cells ? r->cells_max : r->pending_cells + 1) <= 2)
			promote(r);
		if (r->table_depth++ == r->rd - 1)
			table_begins(r);
		else if (r->in_cell && r->cell.len)
			r->space = 1;
		return;
	}
	if (r->table_depth != r->rd) {
		if (r->in_cell && (is(name, "td") || is(name, "th") || is(name, "br") ||
				   is(name, "tr") || is(name, "p") || is(name, "div")))
			r->space = r->cell.len > 0;
		return;
	}
	if (is(name, "tr")) {
		if (r->in_row)
			end_row(r);
		begin_row(r, atts);
	} else if (is(name, "td") || is(name, "th")) {
		if (r->in_cell)
			end_cell(r);
		begin_cell(r, atts);
	} else if (r->in_cell && is(name, "br")) {
		if (tz_buf_addch(&r->cell, '\n'))
			fail_with(r, TZ_ETOOBIG, "单元格超过64 KB", r->line);
		r->space = 0;
	} else if (r->in_cell && (is(name, "p") || is(name, "div") || is(name, "li"))) {
		r->space = r->cell.len > 0;
	} else if (r->in_cell && is_mark(name)) {
		r->marks++;
	}
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct html_reader *r = ctx;

	if (r->failed)
		return;
	if (is(name, "script") || is(name, "style") || is(name, "title")) {
		if (r->skip)
			r->skip--;
		r->in_style = 0;
		return;
	}
	if (r->hide) {
		if (!is(name, "td") && !is(name, "th") && !is(name, "tr") && !is(name, "table")) {
			r->hide--;
			return;
		}
		r->hide = 0;
	}
	if (r->loose && html_block(name))
		end_loose(r);
	if (is(name, "caption"))
		r->in_caption = 0;
	if (is(name, "table")) {
		if (r->table_depth && r->table_depth-- == r->rd) {
			if (r->in_row)
				end_row(r);
			cut_spans(r);
			if (r->ntbl)
				r->tbl[r->ntbl - 1].last = r->line;
		} else if (r->table_depth < r->rd && r->rd > 1) {
			/* A layout table ends: tables are read at its depth again. */
			r->rd = r->table_depth + 1;
		}
		return;
	}
	if (r->table_depth != r->rd)
		return;
	if ((is(name, "td") || is(name, "th")) && r->in_cell)
		end_cell(r);
	else if (r->in_cell && is_mark(name) && r->marks)
		r->marks--;
	else if (is(name, "tr") && r->in_row)
		end_row(r);
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct html_reader *r = ctx;
	const char *p = (const char *)ch, *end = p + len;

	if (r->in_style && !r->failed) {
		/* Excel's classes and their number formats; past 1 MB of
		 * styles the rest is not looked at. */
		if (r->styles.len + (size_t)len <= TZ_LIMIT_RECORD) {
			(void)tz_buf_add(&r->styles, p, (size_t)len);
			r->fmt_parsed = 0;
		}
		return;
	}
	if (r->failed || r->skip || r->hide)
		return;
	if (!r->in_cell && !r->in_row &&
	    (r->table_depth < r->rd || (r->table_depth == r->rd && r->in_caption))) {
		const char *q = p;

		/* White space between tags is no text; &nbsp; is. */
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n' ||
				   *q == '\f'))
			q++;
		if (q == end || r->line >= (long)TZ_LIMIT_SHEET_ROWS)
			return;
		begin_row(r, NULL);
		begin_cell(r, NULL);
		r->colspan = r->rowspan = 1;
		r->loose = 1;
	}
	if (!r->in_cell)
		return;
	while (p < end) {
		size_t n = 0;

		/* White space, incl. U+00A0 and U+3000, collapses to one space. */
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			n = 1;
		else if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
			n = 2;
		if (n) {
			r->space = r->cell.len > 0 && r->cell.buf[r->cell.len - 1] != '\n';
			p += n;
			continue;
		}
		if (r->space && tz_buf_addch(&r->cell, ' '))
			goto too_big;
		r->space = 0;
		if (r->marks)
			r->cell_marked = 1;
		n = 1;
		while (p + n < end && p[n] != ' ' && p[n] != '\t' && p[n] != '\n' && p[n] != '\r' &&
		       p[n] != '\f' && (unsigned char)p[n] != 0xC2)
			n++;
		if (tz_buf_add(&r->cell, p, n))
			goto too_big;
		p += n;
	}
	return;
too_big:
	/* A page's long paragraph is no cell of the table: cut, not refused. */
	if (!r->loose)
		fail_with(r, TZ_ETOOBIG, "单元格超过64 KB", r->line);
}

/* Excel's page export names its sheet in a conditional comment. */
static void on_comment(void *ctx, const xmlChar *value)
{
	struct html_reader *r = ctx;
	const char *v = (const char *)value, *a, *b;

	if (r->sheet_name || !(a = strstr(v, "<x:Name>")))
		return;
	a += 8;
	if ((b = strstr(a, "</x:Name>")) && b - a < 200)
		r->sheet_name = tz_xstrndup(a, (size_t)(b - a));
}

/* ------------------------------------------------------------------ */
/* Feeding                                                             */

/* Parse one more piece of the page. 0, or a tz_errc. */
static int feed(struct html_reader *r, struct tz_err *err)
{
	ssize_t n;

	if (r->eof)
		return 0;
	n = tz_textin_read(r->in, r->chunk, sizeof(r->chunk), err);
	if (n < 0)
		return (int)n;
	if (!r->ctx) {
		static htmlSAXHandler sax = {
			.startElement = on_start,
			.endElement = on_end,
			.characters = on_text,
			.ignorableWhitespace = on_text,
			.comment = on_comment,
		};

		r->ctx = htmlCreatePushParserCtxt(&sax, r, NULL, 0, r->path, XML_CHAR_ENCODING_UTF8);
		if (!r->ctx)
			return tz_err_set_at(err, TZ_EINTERNAL, r->path, 0, NULL, "无法创建HTML解析器");
		htmlCtxtUseOptions(r->ctx, HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					   HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	}
	if (n == 0)
		r->eof = 1;
	/* The parser would drop a NUL and what follows it in a tag. */
	if (n > 0 && memchr(r->chunk, '\0', (size_t)n))
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line + 1, NULL,
				     "网页（HTML）中含有空字符（字节0），文件可能已损坏");
	htmlParseChunk(r->ctx, r->chunk, (int)n, n == 0);
	if (r->failed) {
		*err = r->perr;
		return r->failed;
	}
	if (r->eof && r->loose)
		end_loose(r);
	else if (r->eof && r->in_row)
		end_row(r);
	/* No table follows the text held after the last one. */
	if (r->eof && r->held.len)
		flush_held(r, 0);
	if (r->failed) {
		*err = r->perr;
		return r->failed;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The reader type                                                     */

static void html_close(struct tz_reader *base)
{
	struct html_reader *r = (struct html_reader *)base;

	if (!r)
		return;
	if (r->ctx)
		htmlFreeParserCtxt(r->ctx);
	tz_textin_close(r->in);
	tz_buf_release(&r->cell);
	tz_buf_release(&r->pending);
	tz_buf_release(&r->held);
	tz_buf_release(&r->styles);
	free(r->fmt);
	free(r->tbl);
	tz_buf_release(&r->queue);
	tz_merges_release(&r->merges);
	tz_rowbuf_release(&r->row);
	tz_reader_base_release(&r->base);
	free(r->occupied);
	free(r->sheet_name);
	free(r->path);
	free(r);
}

/* (Re)start at the top of the page; read up to the first table, for the
 * sheet's name. */
static int start(struct html_reader *r, struct tz_err *err)
{
	int rc;

	if (r->ctx)
		htmlFreeParserCtxt(r->ctx);
	r->ctx = NULL;
	tz_textin_close(r->in);
	r->in = NULL;
	r->eof = r->failed = 0;
	r->table_depth = r->tables = r->skip = r->in_row = r->in_cell = 0;
	r->rd = 1;
	r->cells_max = 0;
	r->ntbl = 0;
	tz_buf_reset(&r->held);
	r->held_first = 0;
	r->promo_first = 0;
	tz_buf_reset(&r->styles);
	r->nfmt = 0;
	r->fmt_parsed = 0;
	r->in_style = 0;
	r->loose = r->in_caption = 0;
	r->table_merges = 0;
	r->line = 0;
	r->noccupied = 0;
	tz_buf_reset(&r->queue);
	r->qpos = 0;
	tz_merges_clear(&r->merges);
	if ((rc = tz_textin_open(&r->in, r->path, err)))
		return rc;
	while (!r->eof && !r->tables)
		if ((rc = feed(r, err)))
			return rc;
	if (!r->tables)
		return tz_err_set_at(err, TZ_EINVAL, r->path, 0, NULL,
				     "无法导入：这是一个网页（HTML），其中没有表格");
	return 0;
}

static int html_select(struct tz_reader *base, size_t index, struct tz_err *err)
{
	(void)index;
	return start((struct html_reader *)base, err);
}

/* One sheet, named by Excel's <x:Name> or after the file; `opts` may name it. */
static int html_open(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		     struct tz_err *err)
{
	struct html_reader *r = tz_xcalloc(1, sizeof(*r));
	size_t index;
	char *stem;
	int rc;

	*out = NULL;
	tz_reader_base_init(&r->base, &tz_reader_html);
	r->path = tz_xstrdup(path);
	tz_buf_init(&r->cell, TZ_LIMIT_FIELD);
	tz_buf_init(&r->pending, TZ_LIMIT_RECORD);
	tz_buf_init(&r->queue, TZ_LIMIT_DEFAULT);
	tz_buf_init(&r->held, TZ_LIMIT_DEFAULT);
	tz_buf_init(&r->styles, TZ_LIMIT_DEFAULT);
	tz_rowbuf_init(&r->row, TZ_LIMIT_RECORD);
	/* libxml2 is opened now, not at start-up (dl/xml-load.h). */
	if ((rc = tz_dl_xml_load("读取网页表格（HTML）", path, err)) ||
	    (rc = start(r, err))) {
		html_close(&r->base);
		return rc;
	}
	stem = tz_reader_stem(path);
	if (r->sheet_name)
		tz_reader_add_sheet(&r->base, r->sheet_name, strlen(r->sheet_name), TZ_SHEET_VISIBLE);
	else
		tz_reader_add_sheet(&r->base, stem, strlen(stem), TZ_SHEET_VISIBLE);
	free(stem);
	/* The page is one sheet (Excel names it in <x:Name>): --sheet may
	 * name it, and naming another is refused with the name there is. */
	if ((rc = tz_reader_pick_sheet(&r->base, opts, path, &index, err))) {
		html_close(&r->base);
		return rc;
	}
	*out = &r->base;
	return 0;
}

/* Take the next queued row into rb: 1, or 0 if the queue is empty. */
static int dequeue(struct html_reader *r, struct tz_row *row, struct tz_err *err)
{
	while (r->qpos < r->queue.len) {
		struct qrow q;
		int rc;

		memcpy(&q, r->queue.buf + r->qpos, sizeof(q));
		r->qpos += sizeof(q);
		tz_rowbuf_clear(&r->row);
		for (uint32_t i = 0; i < q.ncells; i++) {
			struct qcell c;

			memcpy(&c, r->queue.buf + r->qpos, sizeof(c));
			r->qpos += sizeof(c);
			if (!r->base.max_cols || c.col < r->base.max_cols)
				tz_rowbuf_set(&r->row, c.col, c.kind, r->queue.buf + r->qpos, c.len,
					      NULL, 0, c.flags);
			r->qpos += c.len;
		}
		if ((rc = tz_merges_apply(&r->merges, &r->row, q.line, r->base.max_cols, r->path,
					  "", err)))
			return rc;
		if (tz_rowbuf_finish(&r->row, row, q.line, q.hidden))
			return 1;
	}
	tz_buf_reset(&r->queue);
	r->qpos = 0;
	return 0;
}

static int html_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct html_reader *r = (struct html_reader *)base;
	int rc;

	for (;;) {
		if ((rc = dequeue(r, row, err)))
			return rc;
		if (r->eof)
			return 0;
		if ((rc = feed(r, err)))
			return rc;
	}
}

/* The table (1-based, in page order) holding sheet row `line`: rows
 * are queued in order, so the tables' ranges are sorted. */
static long html_table_at(const struct tz_reader *base, long line)
{
	const struct html_reader *r = (const struct html_reader *)base;
	size_t lo = 0, hi = r->ntbl;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->tbl[mid].first <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && line <= r->tbl[lo - 1].last ? (long)lo : 0;
}

const struct tz_reader_type tz_reader_html = {
	"html", "网页表格（HTML）", html_open, html_next, html_close, html_select, html_table_at,
};
