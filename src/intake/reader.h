/*
 * reader.h: spreadsheet readers as types (after curl's client readers).
 *
 * A reader yields one sheet of a file record by record as arrays of UTF-8
 * cells, whatever the file's format; the import code above it never
 * knows whether it reads CSV, XLSX, .xls, an HTML table or XML 2003.
 * Memory stays bounded by the largest record (and a workbook's shared
 * strings), not by the file.
 *
 * The format is chosen by content, never by the file's name
 * (tz_reader_open). Every cell carries a kind (text, number, date, error,
 * formula without a saved value…) and flags (merged); every row says
 * whether it is hidden. A workbook lists its sheets and any one can be
 * chosen at open or later (tz_reader_select_sheet).
 */
#ifndef TZ_READER_H
#define TZ_READER_H

#include <stddef.h>

#include "base/err.h"

/* What a cell holds (tz_row.kinds[i]). */
enum tz_read_kind {
	TZ_READ_EMPTY = 0,        /* nothing: "" */
	TZ_READ_TEXT,             /* text as written; every CSV/text/HTML cell that is not empty */
	TZ_READ_NUMBER,           /* a number as its format shows it: "12,345.67", "2025.10",
				   * "1234.6", "50%", "10:30" (a time), "" (a format such
				   * as ;;; hides it); values[i] holds the plain number */
	TZ_READ_DATE,             /* a date-formatted number: "2025-03-01", or "2025-03" when
				   * its format shows only a year and a month, or the year
				   * as shown ("2025年") when it shows only a year */
	TZ_READ_BOOL,             /* "TRUE" or "FALSE" */
	TZ_READ_ERROR,            /* an error value, its text kept: "#N/A", "#REF!", "#DIV/0!" */
	TZ_READ_NO_VALUE, /* a formula saved without its result: "" */
};

/* What is around a cell (tz_row.flags[i], a bit set). */
enum tz_read_flag {
	TZ_READ_MERGED = 1 << 0,       /* inside a merged range (its top-left cell too) */
	TZ_READ_MERGE_COPY = 1 << 1,   /* not the range's top-left cell: the text, kind and
					* value are the range's, copied here */
	TZ_READ_MERGE_DOWN = 1 << 2,   /* the range spans more than one row */
	TZ_READ_MERGE_ACROSS = 1 << 3, /* the range spans more than one column */
	TZ_READ_SCALED = 1 << 4,       /* a number its format shows scaled (0, in thousands,
					* 0.0,, in millions, 0% in percent): cells[i] is in
					* the unit the sheet shows, values[i] is not */
	TZ_READ_UNIT = 1 << 5,         /* a number whose format's literal text names a unit
					* of money (0.00"亿元", 0.0\亿, 0.00"美元"): values[i]
					* carries it, "12.5亿元", "$12.5" */
	TZ_READ_SHOWN = 1 << 6,        /* a number its format shows as something other than
					* a number: a time ("12:00" for 0.5) or only literal
					* text ("—" for a zero in 0.00;-0.00;"—", "-" in
					* 会计专用): the sheet means what it shows, cells[i] */
	TZ_READ_MARKED = 1 << 7,       /* text with a rich-text run that is superscript,
					* subscript or struck through (12.5 + a superscript
					* footnote mark 1, <sup>, <del>): kept in cells[i]
					* (m² in a name), but not part of an amount or a
					* date, which the import refuses (audit 8) */
};

/* Why a text record may not hold the fields it seems to (tz_row.suspect). */
enum tz_read_suspect {
	TZ_READ_SUSPECT_QUOTES = 1,  /* a quoted field holds a quote that neither doubles
				      * nor closes it ("项目A,"站前区"): the fields run
				      * together from there */
	TZ_READ_SUSPECT_WIDTH,       /* its number of fields differs from the number the
				      * file's other records agree on (tz_row.width) */
};

/*
 * One record. Cells are NUL-terminated UTF-8 and borrowed: valid until
 * the next call to tz_reader_next(), tz_reader_select_sheet() or
 * tz_reader_close(). A missing cell (a gap in a sheet row) is "" with
 * length 0 and kind TZ_READ_EMPTY. In a sheet (not CSV), `ncells` stops
 * at the last cell that is not empty; a row with no such cell is not
 * returned.
 *
 * The first four fields are the original API; the rest were added and
 * are always set (never NULL) by every reader.
 */
struct tz_row {
	size_t ncells;
	const char *const *cells;
	const size_t *lens;
	long line;  /* where the record starts: CSV line or sheet row, 1-based */
	/* Per cell: an enum tz_read_kind. */
	const unsigned char *kinds;
	/* Per cell: enum tz_read_flag bits. */
	const unsigned char *flags;
	/* Per cell: for TZ_READ_NUMBER and TZ_READ_DATE the stored number as
	 * Excel's General format shows it ("12345678", "45717.5", up to 15
	 * significant digits, no exponent for ordinary magnitudes), so that a
	 * format that rounds ("0" shows 12346 for 12345.67), decorates
	 * ("¥12,345.67", "-" for a zero in 会计专用) or scales (TZ_READ_SCALED)
	 * never hides the real amount; when the format's literal text names a
	 * unit of money, that unit with it (TZ_READ_UNIT: "12.5亿元" for 12.5
	 * shown as "12.50亿元"). A date stored as text (XLSX t="d", XML
	 * 2003 DateTime) keeps that text. For any other kind the same string
	 * as cells[i]. NUL-terminated, borrowed. */
	const char *const *values;
	/* The row is hidden in the sheet (always 0 in CSV and text). */
	int hidden;
	/* CSV and text: an enum tz_read_suspect when the record's fields may
	 * not be where they seem (a broken quote, a field too many or too
	 * few), else 0; always 0 in a sheet, whose cells have places. */
	unsigned char suspect;
	/* With TZ_READ_SUSPECT_WIDTH: the fields the file's records have. */
	size_t width;
};

/* Visibility of a sheet in its workbook. */
enum tz_sheet_state {
	TZ_SHEET_VISIBLE = 0,
	TZ_SHEET_HIDDEN,       /* hidden: Format > Sheet > Unhide shows it */
	TZ_SHEET_VERY_HIDDEN,  /* hidden from the Unhide list (set by macros) */
};

struct tz_sheet_info {
	const char *name;          /* UTF-8, owned by the reader */
	enum tz_sheet_state state;
};

/*
 * How to open a file. All-zero (or a NULL pointer) means: the default
 * sheet, which is the first visible sheet in workbook order (the first
 * sheet if all are hidden).
 */
struct tz_reader_opts {
	const char *sheet;      /* a sheet's exact name; wins over sheet_number */
	unsigned sheet_number;  /* 1 = the first sheet in workbook order (hidden
				 * ones count); 0 = the default */
};

struct tz_reader;

struct tz_reader_type {
	const char *name;   /* "csv", "xlsx", "xls", "html", "xml2003" */
	const char *desc;   /* the format for people: "Excel 97-2003 工作簿（.xls）" */
	/*
	 * Open `path` on the sheet `opts` names (opts may be NULL); the
	 * reader is freed by close. 0 or a tz_errc with err naming the file.
	 */
	int (*open)(struct tz_reader **out, const char *path, const struct tz_reader_opts *opts,
		    struct tz_err *err);
	/* 1 and *row filled, 0 at the end, or a negative tz_errc with err
	 * naming the file, the sheet and the row. */
	int (*next)(struct tz_reader *r, struct tz_row *row, struct tz_err *err);
	void (*close)(struct tz_reader *r);
	/* Go to sheet `index` (0-based, < nsheets), before its first row. 0
	 * or a tz_errc. The base has already checked the index. */
	int (*select)(struct tz_reader *r, size_t index, struct tz_err *err);
	/* tz_reader_table_at; NULL: the format has no tables (one table). */
	long (*table_at)(const struct tz_reader *r, long line);
};

/*
 * Every reader embeds this first. The fields after `type` are kept by
 * the reader (see reader-internal.h); read them through the functions
 * below.
 */
struct tz_reader {
	const struct tz_reader_type *type;
	struct tz_sheet_info *sheets;  /* in workbook order */
	size_t nsheets;
	size_t sheet;                  /* the sheet being read */
	size_t max_cols;               /* 0 = no limit (see tz_reader_limit_columns) */
	char page_text[256];           /* tz_reader_page_text */
	unsigned char hidden_cols[32]; /* tz_reader_col_hidden: bit per column 0..255 */
	int date1904;                  /* tz_reader_date1904 */
	/* The column (1-based) of the cell a failed tz_reader_next was in,
	 * when the error is about one cell (a NUL byte in a CSV cell), so
	 * that the import can name its field; 0: not about one cell. */
	size_t err_col;
};

extern const struct tz_reader_type tz_reader_csv;
extern const struct tz_reader_type tz_reader_xlsx;
extern const struct tz_reader_type tz_reader_xls;
extern const struct tz_reader_type tz_reader_html;
extern const struct tz_reader_type tz_reader_xml2003;

/*
 * Open `path` with the reader its content calls for, on the default
 * sheet: a ZIP package is XLSX, an OLE compound file with a Workbook
 * stream is .xls (BIFF8, or BIFF5), an HTML table or an XML Spreadsheet
 * 2003 (whatever the extension: web systems save both as ".xls"), and
 * text (UTF-8, GBK, UTF-16 with or without BOM; comma- or tab-separated)
 * is read as CSV. Anything else — an encrypted workbook, a Word or
 * PowerPoint file, a .docx, a PDF, an image, binary data — is refused
 * with TZ_EINVAL and a message naming what the file really is. "-" reads
 * CSV from standard input.
 */
int tz_reader_open(struct tz_reader **out, const char *path, struct tz_err *err);

/* The same, on the sheet `opts` names. An unknown sheet name or number is
 * TZ_ENOTFOUND with a message listing the sheets there are. */
int tz_reader_open_opts(struct tz_reader **out, const char *path,
			const struct tz_reader_opts *opts, struct tz_err *err);

static inline int tz_reader_next(struct tz_reader *r, struct tz_row *row, struct tz_err *err)
{
	return r->type->next(r, row, err);
}

static inline void tz_reader_close(struct tz_reader *r)
{
	if (r)
		r->type->close(r);
}

/*
 * Whether a sheet's name says it holds instructions or a sample, not the
 * data: it contains 填报说明, 填表说明, 填写说明, 编制说明, 使用说明,
 * 指标解释, 指标说明, 填报要求, 填表要求, 填报须知, 注意事项, 示例, 样表,
 * 样例 or 范例 (or, in ASCII case-insensitively, instruction, readme,
 * example, sample), or is 说明 alone once spaces, digits, punctuation and
 * a leading 附件/附表 are set aside ("附件1：说明"); "重点项目及说明" is
 * not. Such a sheet is passed over for another visible one with a header
 * (ledger.md: "the first visible sheet that has a header"; the sample
 * table an instructions sheet shows is not the ledger). NUL-terminated
 * UTF-8; 1 or 0.
 */
int tz_sheet_name_is_instructions(const char *name);

/* Number of sheets (1 for CSV, text and HTML). */
size_t tz_reader_sheet_count(const struct tz_reader *r);

/* Sheet `i` (0-based, in workbook order), or NULL past the end. Owned by
 * the reader. */
const struct tz_sheet_info *tz_reader_sheet_info(const struct tz_reader *r, size_t i);

/*
 * Whether column `col` (0-based: 0 is A) of the sheet being read is
 * hidden (XLSX <col hidden="1">, .xls COLINFO fHidden), for messages
 * that name a column: a hidden column is often an old copy kept out of
 * sight (audit 9 R9). Known for the first 256 columns of an XLSX or .xls
 * sheet; 0 otherwise and for the other formats.
 */
int tz_reader_col_hidden(const struct tz_reader *r, size_t col);

/*
 * Whether the workbook counts dates from 1904-01-01 (XLSX workbookPr
 * date1904, .xls DATEMODE, XML 2003 <Date1904/>) rather than from
 * 1900, for a date serial shown as a plain number (ledger.md, "What
 * real sheets hold": an Excel date serial, 1900 or 1904 system). Set
 * once the sheet is chosen; 0 for CSV, text and HTML.
 */
int tz_reader_date1904(const struct tz_reader *r);

/* Index of the sheet being read. */
size_t tz_reader_sheet_index(const struct tz_reader *r);

/* Name of the sheet being read (for CSV, the file's name without its
 * directory and extension). Owned by the reader. */
const char *tz_reader_sheet_name(const struct tz_reader *r);

/*
 * The text of the sheet's printed page headers and footers (XLSX
 * <oddHeader>, <evenHeader>, <firstHeader> and the footers), their
 * codes (&L, &C, &P, fonts) as spaces, at most 255 bytes: where a
 * clerk who prints the ledger writes "单位：亿元" so that every page
 * says it (audit 9, W3c). "" when the sheet has none or the format
 * has no such thing. Owned by the reader; valid once a row was read.
 */
const char *tz_reader_page_text(const struct tz_reader *r);

/*
 * Read sheet `i` from its first row instead (also to read the current
 * one again). Rows handed out before are no longer valid. 0, TZ_ENOTFOUND
 * if there is no such sheet, or the error of opening it.
 */
int tz_reader_select_sheet(struct tz_reader *r, size_t i, struct tz_err *err);

/* Look up a sheet by exact name: its index, or -1. */
long tz_reader_find_sheet(const struct tz_reader *r, const char *name);

/*
 * Give cells only up to column `ncols` (1-based count) from now on, e.g.
 * the header's width once it is found: a sheet row that reaches far to
 * the right then costs nothing for the columns no header names. 0
 * removes the limit. CSV records are not cut.
 */
void tz_reader_limit_columns(struct tz_reader *r, size_t ncols);

/*
 * Which of the page's tables sheet row `line` (as tz_row.line) is in:
 * 1 for the first table read, 2 for the second…, 0 for a row of no
 * table (text after the last one) and for every row of a format that
 * has no tables within a sheet (all but HTML). Text between two tables
 * (a title, 单位：…) counts as the next table's. Known for rows already
 * handed out. A web system's page may hold two tables one after the
 * other, each with its own title and header (续建项目 then 新开工项目,
 * a data table then its 填报说明), which Excel shows as one sheet: the
 * import reads the second only if its header is the first's (session 14).
 */
static inline long tz_reader_table_at(const struct tz_reader *r, long line)
{
	return r->type->table_at ? r->type->table_at(r, line) : 0;
}

/* The format being read, for people ("CSV 文本", "Excel 工作簿（.xlsx）"). */
static inline const char *tz_reader_format(const struct tz_reader *r)
{
	return r->type->desc;
}

#endif
