/*
 * csv.c: the CSV reader: libcsv over a tz_textin stream, so GBK, UTF-8
 * (with or without BOM) and UTF-16 ("Unicode 文本" from Excel) files
 * arrive as UTF-8 records in constant memory. Comma- or tab-separated,
 * decided from the first lines.
 *
 * Input is fed to libcsv one line at a time so that each record can be
 * tagged with the line it starts on, which every error message names.
 * (A file with bare-CR line ends is still read, but its records all share
 * one line number.)
 *
 * A file is refused rather than read wrongly when:
 *  - a quote opens and never closes (it would swallow the rest of the
 *    file into one cell): at the end of the file, when the cell passes
 *    the record cap, or when a quoted cell holds whole lines that look
 *    like records of the file; the message names the line where the
 *    quote opened;
 *  - a NUL byte appears (C strings would cut the cell there): the message
 *    names its line and column.
 * A record is marked suspect (tz_row.suspect), for the import to refuse
 * rather than read with its values in the wrong columns, when:
 *  - a quoted field holds a quote that neither doubles nor closes it:
 *    "P1","项目A,"站前区","100" (one quote too many, or one too few).
 *    libcsv keeps such a quote as text and runs the field on to the next
 *    quote that closes it, delimiters and all, so the record has fields
 *    run together; a quote inside an unquoted field (5"寸) moves nothing
 *    and is kept as text;
 *  - the first lines of the file agree on a number of fields (records of
 *    one field, a title or a note, aside: at least twice, and more than
 *    twice as often as all other counts together, as a file written by
 *    Excel or WPS, which write every field of the used range) and the
 *    record has another: a quote typed in the wrong place, or a comma in
 *    an unquoted amount (1,000). A file whose first lines do not agree
 *    (written by hand, trailing empty fields left out) is not checked:
 *    there a short record is one whose last fields are empty.
 * Cells are TZ_READ_TEXT (or TZ_READ_EMPTY), and TZ_READ_ERROR for an
 * Excel error literal ("#N/A", "#REF!"…), which is how Excel writes an
 * error cell to CSV; the text is kept either way.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "intake/reader-internal.h"
#include "base/banned.h"

#define CHUNK (64u * 1024)

/* How many lines the separator is decided from. */
#define SNIFF_LINES 50

struct csv_record {
	size_t first;  /* index of its first cell */
	size_t ncells;
	long line;
	unsigned char suspect;  /* enum tz_read_suspect, or 0 */
};

/* Where follow_quotes() is in a record, as libcsv reads it. */
enum quote_state {
	Q_FIELD,    /* at the start of a field (maybe after spaces) */
	Q_PLAIN,    /* in a field that did not open with a quote */
	Q_QUOTED,   /* inside quotes */
	Q_CLOSED,   /* after a quote inside quotes: it doubles, closes, or is stray */
};

struct csv_reader {
	struct tz_reader base;
	struct tz_textin *in;
	struct csv_parser parser;
	char *path;
	char chunk[CHUNK];
	size_t chunk_len, chunk_pos;
	/* Where in the chunk its first NUL and its next quote at or after
	 * chunk_pos are (chunk_len: none; quote_at SIZE_MAX: not looked
	 * for), found once for many lines rather than line by line;
	 * ahead_ok is 0 when the chunk changed (fill). */
	size_t nul_at, quote_at;
	int ahead_ok;
	int eof, started, finished;
	unsigned char delim;
	long line;           /* line being fed, 1-based */
	long rec_line;       /* line the record being parsed started on */
	long field_line;     /* line the field being parsed started on (0: rec_line) */
	long swallowed;      /* a quoted cell took in record-like lines: where it opened */
	size_t width;        /* cells of the widest record so far */
	size_t agreed;       /* fields the first lines agree on, or 0 */
	enum quote_state qstate;
	int qspaces;         /* Q_CLOSED: spaces after the quote */
	int rec_quotes;      /* the record being parsed has a stray quote */
	int at_rec_start;
	int too_big;
	/* Cells of the completed records not yet returned, and the one being
	 * parsed: their bytes (NUL-separated) and offsets into `bytes`. */
	struct tz_buf bytes;
	size_t *offs, *lens;
	unsigned char *kinds;
	size_t ncells, acells;
	struct csv_record *recs;
	size_t nrecs, arecs, next_rec;
	size_t rec_first;    /* first cell of the record being parsed */
	/* What tz_reader_next hands out. */
	const char **cells;
	unsigned char *flags;  /* all zero: CSV has no merged cells */
	size_t acellptrs;
};

/* ------------------------------------------------------------------ */
/* libcsv callbacks                                                    */

/*
 * The shape of a cell's start, for telling a record from a line of text:
 * each run of ASCII digits, ASCII letters or other characters (a
 * character of UTF-8 counted once) as one letter, at most `size` - 1 of
 * them, up to the separator. "PW0001" and "P20230000004" are "ad", "12"
 * is "d", "土方" "h".
 */
static void cell_shape(const char *s, size_t len, char delim, char *shape, size_t size)
{
	size_t n = 0;

	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	for (size_t i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		char k;

		if (c == (unsigned char)delim || c == '\r' || c == '\n')
			break;
		if ((c & 0xC0) == 0x80)
			continue;
		k = c >= '0' && c <= '9' ? 'd' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 'a'
		    : c < 0x80 ? 'p' : 'h';
		if (!n || shape[n - 1] != k)
			shape[n++] = k;
	}
	shape[n] = '\0';
}

/*
 * Lines of a quoted cell that look like records of this file: an
 * unclosed quote has swallowed them. A line looks like a record when it
 * has about as many separators as the widest record and, when the cell
 * is not the record's first, its first cell has the shape of the
 * record's first cell (a project code beside a code, a 序号 beside a
 * 序号): a 形象进度 of two lines listing six works ("本月完成：\n土方,基础,
 * 主体,装修,绿化,道路", walkthrough 11) has the separators but starts
 * with a word, not a code, and is the text it seems.
 */
static int looks_swallowed(const struct csv_reader *r, const char *s, size_t len)
{
	const char *p = memchr(s, '\n', len), *end = s + len;
	char first[16] = "", line[16];
	int have_first = r->ncells > r->rec_first;

	if (r->width < 3)
		return 0;
	if (have_first)
		cell_shape(r->bytes.buf + r->offs[r->rec_first], r->lens[r->rec_first],
			   (char)r->delim, first, sizeof(first));
	while (p) {
		const char *q = p + 1, *nl = memchr(q, '\n', (size_t)(end - q));
		const char *stop = nl ? nl : end;
		size_t seps = 0;

		for (const char *c = q; c < stop; c++)
			seps += *c == (char)r->delim;
		if (seps >= 2 && seps + 1 >= r->width) {
			if (!have_first)
				return 1;
			cell_shape(q, (size_t)(stop - q), (char)r->delim, line, sizeof(line));
			if (!strcmp(line, first))
				return 1;
		}
		p = nl;
	}
	return 0;
}

/* Room for one more cell in offs, lens and kinds. */
static void more_cells(struct csv_reader *r)
{
	size_t n = r->acells;

	TZ_ALLOC_GROW(r->offs, r->ncells + 1, n);
	r->lens = tz_xrealloc(r->lens, n * sizeof(*r->lens));
	r->kinds = tz_xrealloc(r->kinds, n);
	r->acells = n;
}

/* Bytes on_field copies whole, NUL and what follows it included, when
 * both buffers have them: one fixed-size move instead of a call. */
#define SHORT_FIELD 16

static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;
	const char *text = s ? s : "";
	size_t n = r->ncells, at = r->bytes.len;
	long start;

	if (n + 1 > r->acells)
		more_cells(r);
	/* Only a field that began on an earlier line can hold line ends. */
	start = r->field_line ? r->field_line : r->rec_line;
	if (start < r->line && !r->swallowed && looks_swallowed(r, text, len))
		r->swallowed = start;
	r->field_line = r->line;
	r->offs[n] = at;
	r->lens[n] = len;
	r->kinds[n] = !len ? TZ_READ_EMPTY : text[0] == '#' ? tz_text_cell_kind(text, len)
							  : TZ_READ_TEXT;
	r->ncells = n + 1;
	/* Room for the field and its NUL (tz_buf_grow's test, which also
	 * holds for a buffer not yet allocated; what it allocated is within
	 * the cap): most fields need no call. */
	if (r->bytes.alloc - at < len + 2 && tz_buf_grow(&r->bytes, len + 1)) {
		r->too_big = 1;
		return;
	}
	/* CSV_APPEND_NULL: s[len] is the NUL we keep. Most fields are
	 * short: libcsv's buffer (blocks of 128 bytes) holds SHORT_FIELD
	 * bytes from the field's start, and the bytes after the NUL are
	 * overwritten by the next field or never read. */
	if (len < SHORT_FIELD && s == (void *)r->parser.entry_buf &&
	    r->parser.entry_size >= SHORT_FIELD && r->bytes.alloc - at >= SHORT_FIELD)
		memcpy(r->bytes.buf + at, text, SHORT_FIELD);
	else
		memcpy(r->bytes.buf + at, text, len + 1);
	r->bytes.len = at + len + 1;
}

static void on_row(int term, void *data)
{
	struct csv_reader *r = data;
	struct csv_record *rec;

	(void)term;
	TZ_ALLOC_GROW(r->recs, r->nrecs + 1, r->arecs);
	rec = &r->recs[r->nrecs++];
	rec->first = r->rec_first;
	rec->ncells = r->ncells - r->rec_first;
	/* A line of white space only (a form feed) still makes a record. */
	rec->line = r->at_rec_start ? r->line : r->rec_line;
	rec->suspect = r->rec_quotes ? TZ_READ_SUSPECT_QUOTES
		       : r->agreed && rec->ncells != r->agreed ? TZ_READ_SUSPECT_WIDTH : 0;
	r->rec_quotes = 0;
	if (rec->ncells > r->width)
		r->width = rec->ncells;
	r->rec_first = r->ncells;
	r->at_rec_start = 1;
	r->field_line = 0;
}

/* ------------------------------------------------------------------ */
/* Opening and closing                                                 */

static void csv_close(struct tz_reader *base)
{
	struct csv_reader *r = (struct csv_reader *)base;

	if (!r)
		return;
	csv_free(&r->parser);
	tz_textin_close(r->in);
	tz_buf_release(&r->bytes);
	free(r->offs);
	free(r->lens);
	free(r->kinds);
	free(r->recs);
	free(r->cells);
	free(r->flags);
	free(r->path);
	tz_reader_base_release(&r->base);
	free(r);
}

/* (Re)start reading the file from its first byte. */
static int start(struct csv_reader *r, struct tz_err *err)
{
	int rc;

	if (r->in)
		csv_free(&r->parser);
	tz_textin_close(r->in);
	r->in = NULL;
	if ((rc = tz_textin_open(&r->in, r->path, err)))
		return rc;
	if (csv_init(&r->parser, CSV_APPEND_NULL) != 0) {
		tz_textin_close(r->in);
		r->in = NULL;
		return tz_err_set(err, TZ_EINTERNAL, "csv_init failed");
	}
	r->chunk_len = r->chunk_pos = 0;
	r->eof = r->started = r->finished = r->too_big = 0;
	r->delim = ',';
	r->line = r->rec_line = r->field_line = r->swallowed = 0;
	r->width = r->agreed = 0;
	r->qstate = Q_FIELD;
	r->qspaces = r->rec_quotes = 0;
	r->at_rec_start = 1;
	tz_buf_reset(&r->bytes);
	r->ncells = r->nrecs = r->next_rec = r->rec_first = 0;
	return 0;
}

static int csv_select(struct tz_reader *base, size_t index, struct tz_err *err)
{
	struct csv_reader *r = (struct csv_reader *)base;

	(void)index;
	if (!r->started && !r->line)
		return 0;
	if (!strcmp(r->path, "-"))
		return tz_err_set(err, TZ_EUSAGE, "标准输入只能读一遍");
	return start(r, err);
}

/*
 * One sheet, named after the file. A sheet asked for by name (--sheet),
 * or by a number past 1, is refused (TZ_EUSAGE, naming the file and what
 * it is): a text file has no sheets, and reading it anyway would import
 * data the user did not choose.
 */
static int csv_open(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		    struct tz_err *err)
{
	struct csv_reader *r = tz_xcalloc(1, sizeof(*r));
	char *stem = tz_reader_stem(path);
	int rc;

	(void)opts;
	*out = NULL;
	tz_reader_base_init(&r->base, &tz_reader_csv);
	tz_reader_add_sheet(&r->base, stem, strlen(stem), TZ_SHEET_VISIBLE);
	free(stem);
	r->path = tz_xstrdup(path);
	tz_buf_init(&r->bytes, TZ_LIMIT_RECORD);
	if ((rc = start(r, err))) {
		csv_close(&r->base);
		return rc;
	}
	if (opts && (opts->sheet || opts->sheet_number > 1)) {
		/* Say what the file is: its first bytes decide the encoding
		 * and show the separator. (The file is not read further.) */
		char head[4096];
		struct tz_err ignored;
		ssize_t n = tz_textin_read(r->in, head, sizeof(head), &ignored);
		enum tz_encoding enc = tz_textin_encoding(r->in);
		const char *nl = n > 0 ? memchr(head, '\n', (size_t)n) : NULL;
		size_t first = nl ? (size_t)(nl - head) : n > 0 ? (size_t)n : 0;
		int tabs = first && memchr(head, '\t', first) && !memchr(head, ',', first);

		rc = tz_err_set_at(err, TZ_EUSAGE, path, 0, NULL,
				   "这是%s，没有工作表，不能使用 --sheet（指定的是%s%s%s）；"
				   "请去掉 --sheet 再导入",
				   enc == TZ_ENC_UTF16LE || enc == TZ_ENC_UTF16BE
				   ? "Unicode文本文件（UTF-16）"
				   : tabs ? "制表符分隔的文本文件" : "CSV文件",
				   opts->sheet ? "“" : "第", opts->sheet ? opts->sheet : "",
				   opts->sheet ? "”" : "个工作表");
		csv_close(&r->base);
		return rc;
	}
	*out = &r->base;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* Drop the records already handed out, keeping a partial one. */
static void compact(struct csv_reader *r)
{
	size_t keep = r->ncells - r->rec_first, base_off;

	if (r->next_rec < r->nrecs)
		return;
	r->nrecs = r->next_rec = 0;
	if (!r->rec_first)
		return;
	base_off = keep ? r->offs[r->rec_first] : r->bytes.len;
	memmove(r->bytes.buf, r->bytes.buf + base_off, r->bytes.len - base_off);
	tz_buf_setlen(&r->bytes, r->bytes.len - base_off);
	for (size_t i = 0; i < keep; i++) {
		r->offs[i] = r->offs[r->rec_first + i] - base_off;
		r->lens[i] = r->lens[r->rec_first + i];
		r->kinds[i] = r->kinds[r->rec_first + i];
	}
	r->ncells = keep;
	r->rec_first = 0;
}

/* The line where the field being parsed opened its quote. */
static long quote_line(const struct csv_reader *r)
{
	return r->field_line ? r->field_line : r->rec_line;
}

static int unclosed(struct csv_reader *r, long line, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_EINVAL, r->path, line, NULL,
			     "第%ld行的引号没有闭合：它之后的内容都被并入了同一个单元格，"
			     "整个文件未读取（请检查该行的双引号）", line);
}

static int too_long(struct csv_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, quote_line(r), NULL,
			     "第%ld行起的记录超过%u字节：第%ld行的引号可能没有闭合", r->rec_line,
			     TZ_LIMIT_RECORD, quote_line(r));
}

/*
 * Tab or comma: whichever separates more of the first lines (outside
 * quotes), tab on a tie with at least one tab, else comma. A title line
 * with neither does not count.
 */
static unsigned char pick_delim(const char *p, size_t len)
{
	size_t tab_lines = 0, comma_lines = 0, tabs = 0, commas = 0, lines = 0;
	size_t line_tabs = 0, line_commas = 0;
	int quoted = 0;

	for (size_t i = 0; i < len && lines < SNIFF_LINES; i++) {
		char c = p[i];

		if (c == '"')
			quoted = !quoted;
		else if (!quoted && c == '\t')
			line_tabs++;
		else if (!quoted && c == ',')
			line_commas++;
		if ((!quoted && c == '\n') || i + 1 == len) {
			tab_lines += line_tabs > 0;
			comma_lines += line_commas > 0;
			tabs += line_tabs;
			commas += line_commas;
			line_tabs = line_commas = 0;
			lines++;
		}
	}
	if (!tabs)
		return ',';
	if (tab_lines != comma_lines)
		return tab_lines > comma_lines ? '\t' : ',';
	return tabs >= commas ? '\t' : ',';
}

/* Read into the chunk at its end: 0, or a tz_errc. */
static int fill(struct csv_reader *r, struct tz_err *err)
{
	ssize_t n = tz_textin_read(r->in, r->chunk + r->chunk_len, sizeof(r->chunk) - r->chunk_len,
				   err);

	r->ahead_ok = 0;
	if (n < 0)
		return (int)n;
	if (n == 0)
		r->eof = 1;
	r->chunk_len += (size_t)n;
	return 0;
}

/* Counting the fields of the first lines' records (agreed_width). */
struct widths {
	size_t fields;         /* of the record being parsed */
	size_t n[SNIFF_LINES]; /* fields of each record of more than one */
	size_t nrecs;
};

static void count_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct widths *)data)->fields++;
}

static void count_record(int term, void *data)
{
	struct widths *w = data;

	(void)term;
	if (w->fields > 1 && w->nrecs < SNIFF_LINES)
		w->n[w->nrecs++] = w->fields;
	w->fields = 0;
}

/*
 * The number of fields the records of [p, p + len) agree on (see the
 * comment at the top), or 0. Records cut by the end of the text do not
 * count unless it is the end of the file.
 */
static size_t agreed_width(const char *p, size_t len, int eof, unsigned char delim)
{
	struct csv_parser cp;
	struct widths w;
	size_t best = 0, best_n = 0;

	memset(&w, 0, sizeof(w));
	if (csv_init(&cp, 0) != 0)
		return 0;
	csv_set_delim(&cp, delim);
	csv_parse(&cp, p, len, count_field, count_record, &w);
	if (eof)
		csv_fini(&cp, count_field, count_record, &w);
	csv_free(&cp);
	for (size_t i = 0; i < w.nrecs; i++) {
		size_t k = 0;

		for (size_t j = 0; j < w.nrecs; j++)
			k += w.n[j] == w.n[i];
		if (k > best_n) {
			best = w.n[i];
			best_n = k;
		}
	}
	return best_n >= 2 && best_n > 2 * (w.nrecs - best_n) ? best : 0;
}

/*
 * Follow the quotes of [p, p + len) as libcsv reads them (non-strict),
 * to see what it forgives: a quote inside quotes followed by anything
 * but a second quote, the delimiter or the end of the line (spaces
 * between aside) is stray, and marks the record being parsed. `quotes`
 * is 0 when the text holds no quote.
 */
static void follow_quotes(struct csv_reader *r, const char *p, size_t len, int quotes)
{
	const char delim = (char)r->delim;
	/* No byte above both ends a plain field: most bytes (digits, the
	 * bytes of Chinese characters) are told by one comparison. */
	const unsigned char top = (unsigned char)delim > '\r' ? (unsigned char)delim : '\r';

	/* Outside quotes, a line without any only moves between Q_FIELD
	 * and Q_PLAIN, and where it ends depends on its last byte that is
	 * no space or tab (unless the tab separates): the end of a field,
	 * or not. Most lines are so. */
	if ((r->qstate == Q_FIELD || r->qstate == Q_PLAIN) && !quotes) {
		const char *q = p + len;

		while (q > p && q[-1] != delim && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (q > p)
			r->qstate = q[-1] == delim || q[-1] == '\n' || q[-1] == '\r' ? Q_FIELD : Q_PLAIN;
		return;
	}
	for (const char *end = p + len; p < end; p++) {
		char c = *p;

		switch (r->qstate) {
		case Q_FIELD:
			if (c == delim || c == '\n' || c == '\r' || c == ' ' || c == '\t')
				break;
			r->qstate = c == '"' ? Q_QUOTED : Q_PLAIN;
			break;
		case Q_PLAIN:
			/* Most of a plain field: skip to its end, without
			 * going round the switch for every byte. */
			while ((unsigned char)c > top || (c != delim && c != '\n' && c != '\r')) {
				if (++p == end)
					return;
				c = *p;
			}
			r->qstate = Q_FIELD;
			break;
		case Q_QUOTED:
			/* Most of a quoted field: skip to its next quote. */
			{
				const char *q = memchr(p, '"', (size_t)(end - p));

				if (!q) {
					p = end - 1;
					break;
				}
				p = q;
				r->qstate = Q_CLOSED;
				r->qspaces = 0;
			}
			break;
		case Q_CLOSED:
			if (c == delim || c == '\n' || c == '\r') {
				r->qstate = Q_FIELD;
			} else if (c == ' ' || c == '\t') {
				r->qspaces = 1;
			} else {
				/* "" is a quote; anything else keeps the field
				 * open in libcsv, and is a stray quote. */
				if (c != '"' || r->qspaces)
					r->rec_quotes = 1;
				r->qstate = Q_QUOTED;
			}
			break;
		}
	}
}

/* Before the first record: enough of the file to choose the separator. */
static int begin(struct csv_reader *r, struct tz_err *err)
{
	size_t lines = 0;
	int rc;

	r->started = 1;
	r->line = 1;
	while (!r->eof && r->chunk_len < 16 * 1024 && lines < SNIFF_LINES) {
		size_t before = r->chunk_len;

		if ((rc = fill(r, err)))
			return rc;
		for (size_t i = before; i < r->chunk_len; i++)
			lines += r->chunk[i] == '\n';
	}
	r->delim = pick_delim(r->chunk, r->chunk_len);
	csv_set_delim(&r->parser, r->delim);
	r->agreed = agreed_width(r->chunk, r->chunk_len, r->eof, r->delim);
	return 0;
}

/* Parse [start, start + len) and check what it may have left behind. */
static int parse(struct csv_reader *r, const char *start, size_t len, struct tz_err *err)
{
	if (csv_parse(&r->parser, start, len, on_field, on_row, r) != len)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL, "CSV格式错误：%s",
				     csv_error(&r->parser) == CSV_EPARSE ? "引号用法不规范"
				     : csv_error(&r->parser) == CSV_ETOOBIG ? "单元格过大"
				     : csv_error(&r->parser) == CSV_ENOMEM ? "内存不足" : "无法解析");
	if (r->swallowed)
		return unclosed(r, r->swallowed, err);
	return 0;
}

/* Feed the next line (or the end of input) to libcsv. */
static int feed(struct csv_reader *r, struct tz_err *err)
{
	const char *start, *nl, *nul;
	size_t len;
	int rc;

	if (!r->started && (rc = begin(r, err)))
		return rc;
	if (r->chunk_pos == r->chunk_len) {
		r->chunk_len = r->chunk_pos = 0;
		if (!r->eof && (rc = fill(r, err)))
			return rc;
		if (r->chunk_len == 0) {
			r->eof = r->finished = 1;
			/* Strict at the end only: libcsv then says whether the
			 * last field is a quote that never closed. */
			csv_set_opts(&r->parser, (unsigned char)(csv_get_opts(&r->parser) | CSV_STRICT |
								 CSV_STRICT_FINI));
			if (csv_fini(&r->parser, on_field, on_row, r) != 0)
				return unclosed(r, quote_line(r), err);
			return r->swallowed ? unclosed(r, r->swallowed, err) : 0;
		}
	}
	start = r->chunk + r->chunk_pos;
	nl = memchr(start, '\n', r->chunk_len - r->chunk_pos);
	len = nl ? (size_t)(nl - start) + 1 : r->chunk_len - r->chunk_pos;
	if (r->at_rec_start && !tz_text_is_blank(start, len)) {
		r->rec_line = r->line;
		r->at_rec_start = 0;
	}
	/* The chunk's NUL and quotes, looked for once: most lines of a
	 * file have neither, and each line was searched twice. */
	if (!r->ahead_ok) {
		nul = memchr(start, '\0', r->chunk_len - r->chunk_pos);
		r->nul_at = nul ? (size_t)(nul - r->chunk) : r->chunk_len;
		r->ahead_ok = 1;
		r->quote_at = SIZE_MAX;  /* not known: looked for below */
	}
	if (r->quote_at < r->chunk_pos || r->quote_at == SIZE_MAX) {
		const char *q = memchr(start, '"', r->chunk_len - r->chunk_pos);

		r->quote_at = q ? (size_t)(q - r->chunk) : r->chunk_len;
	}
	if (r->nul_at < r->chunk_pos + len) {
		nul = r->chunk + r->nul_at;
		/* Parse up to it, to know which cell it is in. */
		if ((rc = parse(r, start, (size_t)(nul - start), err)))
			return rc;
		r->base.err_col = r->ncells - r->rec_first + 1;
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL,
				     "第%ld行第%zu列含有空字符（字节0），文件可能已损坏或不是文本文件",
				     r->line, r->ncells - r->rec_first + 1);
	}
	follow_quotes(r, start, len, r->quote_at < r->chunk_pos + len);
	if ((rc = parse(r, start, len, err)))
		return rc;
	r->chunk_pos += len;
	if (nl)
		r->line++;
	if (r->too_big || csv_get_buffer_size(&r->parser) > TZ_LIMIT_RECORD)
		return too_long(r, err);
	return 0;
}

static int csv_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct csv_reader *r = (struct csv_reader *)base;
	struct csv_record *rec;
	int rc;

	compact(r);
	while (r->next_rec == r->nrecs) {
		if (r->finished)
			return 0;
		if ((rc = feed(r, err)))
			return rc;
	}
	rec = &r->recs[r->next_rec++];
	if (rec->ncells + 1 > r->acellptrs) {
		size_t old = r->acellptrs;

		TZ_ALLOC_GROW(r->cells, rec->ncells + 1, r->acellptrs);
		r->flags = tz_xrealloc(r->flags, r->acellptrs);
		memset(r->flags + old, 0, r->acellptrs - old);
	}
	for (size_t i = 0; i < rec->ncells; i++)
		r->cells[i] = r->bytes.buf + r->offs[rec->first + i];
	row->ncells = rec->ncells;
	row->cells = r->cells;
	row->lens = r->lens + rec->first;
	row->line = rec->line;
	row->kinds = r->kinds + rec->first;
	row->flags = r->flags;
	row->values = r->cells;
	row->hidden = 0;
	row->suspect = rec->suspect;
	row->width = r->agreed;
	return 1;
}

const struct tz_reader_type tz_reader_csv = {
	"csv", "CSV 文本", csv_open, csv_next, csv_close, csv_select, NULL,
};
