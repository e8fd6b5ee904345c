/*
 * xlsx-internal.h: what the XLSX reader's files share; not an API for
 * anything outside src/intake/xlsx*.c.
 *
 * An XLSX file is a ZIP package of XML parts. xlsx-part.c opens a part as
 * a streaming libxml2 reader straight over the compressed entry, so no
 * part is ever held whole in memory; xlsx-book.c reads the small
 * workbook-level parts (which sheet comes first, date system, which cell
 * styles are dates, shared strings); xlsx.c streams the sheet itself.
 */
#ifndef TZ_XLSX_INTERNAL_H
#define TZ_XLSX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "base/buf.h"
#include "base/err.h"

/* ------------------------------------------------------------------ */
/* One XML part as a stream (xlsx-part.c)                              */

struct xlsx_part_in;

struct xlsx_xml {
	xmlTextReaderPtr xr;
	struct xlsx_part_in *in; /* a ZIP part's input and what it cost; the
				  * reader owns and frees it (NULL for a file) */
	xmlDocPtr doc;       /* taken from the reader to look for a DOCTYPE; freed at close */
	const char *path;    /* the .xlsx file, for messages; borrowed */
	const char *part;    /* the part's name, for messages; borrowed */
	const char *kind;    /* the format, for messages: "XLSX文件" */
	char why[200];       /* libxml2's first error message, if any */
};

/*
 * Open `part` of `zip` for streaming. Returns 0, TZ_ENOTFOUND if the
 * package has no such part (err untouched), or TZ_EINVAL with err set.
 * `path` and `part` must outlive the stream. Close with xlsx_xml_close().
 */
int xlsx_xml_open(struct xlsx_xml *x, zip_t *zip, const char *path, const char *part,
		  struct tz_err *err);

/*
 * Open a plain XML file for streaming (no network, no entities);
 * messages call it `kind` ("XML表格文件"). 0 or TZ_EIO.
 */
int xlsx_xml_open_file(struct xlsx_xml *x, const char *path, const char *kind,
		       struct tz_err *err);

/*
 * Advance to the next node: 1, 0 at the end of the part, or TZ_EINVAL with
 * err set ("不是有效的XLSX文件：…", naming the part and `line`). A part
 * with a DOCTYPE (which Excel never writes; its entities are a classic
 * attack) is refused here, before any of its content is used.
 */
int xlsx_xml_next(struct xlsx_xml *x, long line, struct tz_err *err);

void xlsx_xml_close(struct xlsx_xml *x);

/* 1 if the current node is a start (or empty) element named `name`,
 * compared without namespace prefix. */
int xlsx_xml_start(const struct xlsx_xml *x, const char *name);
/* 1 if the current node is the end of an element named `name`. */
int xlsx_xml_end(const struct xlsx_xml *x, const char *name);
/* 1 if the current node is text (incl. CDATA and significant blanks). */
int xlsx_xml_is_text(const struct xlsx_xml *x);
/* 1 if the current element is written <empty/> (it has no end node). */
int xlsx_xml_empty(const struct xlsx_xml *x);

/*
 * The value of the current element's attribute `name` (local name, any
 * namespace), or NULL. Borrowed: valid until the next xlsx_xml_next().
 * Moves the reader back to the element before returning.
 */
const char *xlsx_xml_attr(struct xlsx_xml *x, const char *name);

/*
 * Step through the current element's attributes: 1 with *name (local) and
 * *value filled, or 0 after the last, when the reader is back on the
 * element. Both are borrowed and valid only until the next call.
 */
int xlsx_xml_next_attr(struct xlsx_xml *x, const char **name, const char **value);

/* The text of the current text node (borrowed, as above). */
const char *xlsx_xml_text(const struct xlsx_xml *x);

/*
 * The cap on what a ZIP part inflates to, for every pass over a part: 1
 * when `since_node` bytes came without a node (a tag or a text) ending,
 * past TZ_LIMIT_XML_NODE; 2 when past TZ_LIMIT_XML_FREE bytes in all the
 * average per node is past TZ_LIMIT_XML_PER_NODE; else 0. Real sheets
 * take some ten bytes a node, so neither ever trips on one (100,000 rows
 * of 20 columns included); a bomb trips after megabytes.
 */
int xlsx_part_check(uint64_t total, uint64_t since_node, uint64_t nodes);

/* The file refused for xlsx_part_check's `how` (1 or 2), in Chinese,
 * naming the part: TZ_ETOOBIG. */
int xlsx_part_bloated(const char *path, long line, const char *kind, const char *part, int how,
		      struct tz_err *err);

/*
 * Append `s` (len bytes) to `out` decoding the OOXML escapes "_xHHHH_"
 * that spreadsheet writers use for control characters in strings
 * (ECMA-376 Part 1, 22.9.2.19 ST_Xstring). Every escape becomes its
 * character, as a CSV cell holds the byte itself: tab, CR and LF, the
 * other C0 controls too. _x0000_ becomes a NUL byte, kept in the cell
 * (its length counts it) so that the import refuses the row naming the
 * field, as it does a NUL in a CSV cell; a lone surrogate (_xD800_),
 * which UTF-8 cannot hold, stays as written. 0 or TZ_ETOOBIG.
 */
int xlsx_unescape(struct tz_buf *out, const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* The workbook (xlsx-book.c)                                          */

struct tz_numfmt;
struct tz_reader;

struct xlsx_book {
	char **sheet_parts;        /* per sheet in workbook order: "xl/worksheets/sheet1.xml" */
	size_t nsheets;
	int date1904;              /* the workbook counts days from 1904-01-01 */
	struct tz_numfmt **fmts;   /* the number formats cells use, compiled; [0] is General */
	long *fmt_ids;             /* their numFmtId */
	size_t nfmts;
	uint32_t *xf_fmt;          /* per cellXfs index: index into fmts */
	size_t nxf;
	struct tz_buf sst;         /* shared strings, each NUL-terminated */
	uint32_t *sst_off;         /* offset of string i in sst.buf */
	size_t nsst, asst;
};

/*
 * Read the package's workbook, its relationships, styles and shared
 * strings; add each sheet (name, visibility) to `r`'s sheet list. Returns
 * 0 or a tz_errc with err naming `path`; a ZIP that is not a workbook
 * (a .docx, an .ods…) is named as what it is. The caller releases `bk`
 * with xlsx_book_release() in both cases.
 */
int xlsx_book_load(struct xlsx_book *bk, struct tz_reader *r, zip_t *zip, const char *path,
		   struct tz_err *err);
void xlsx_book_release(struct xlsx_book *bk);

/* Shared string `i`, or NULL if there is no such string. *marked: 1 when
 * it has a run that is superscript, subscript or struck through. */
const char *xlsx_book_string(const struct xlsx_book *bk, size_t i, size_t *len, int *marked);

/* Whether the node is a run property that marks its run (vertAlign
 * superscript/subscript, strike). */
int xlsx_run_marks(struct xlsx_xml *x);

/* sst_off[i] with this bit: string i has a superscript, subscript or
 * struck-through run (offsets stay below TZ_LIMIT_SST_BYTES). */
#define XLSX_SST_MARKED 0x80000000u

/* The number format of cell style `s` (an index into cellXfs); General
 * for an unknown style. */
const struct tz_numfmt *xlsx_book_format(const struct xlsx_book *bk, long s);

#endif
