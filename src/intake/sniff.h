/*
 * sniff.h: what a file is, from its first bytes (never from its name):
 * the readers' dispatch in reader.c, testable on its own.
 */
#ifndef TZ_SNIFF_H
#define TZ_SNIFF_H

#include <stddef.h>

enum tz_sniff_format {
	TZ_SNIFF_EMPTY = 0,  /* no bytes at all */
	TZ_SNIFF_TEXT,       /* CSV or tab-separated text, any encoding we read */
	TZ_SNIFF_ZIP,        /* a ZIP package: XLSX, or what xlsx.c says it is */
	TZ_SNIFF_OLE,        /* an OLE compound file: .xls, or what xls.c says it is */
	TZ_SNIFF_HTML,       /* an HTML page (a table saved as .xls by a web system) */
	TZ_SNIFF_XML2003,    /* XML Spreadsheet 2003 */
	TZ_SNIFF_OTHER,      /* nothing we read: `what` names it */
};

struct tz_sniff {
	enum tz_sniff_format format;
	const char *what;    /* for TZ_SNIFF_OTHER, in Chinese: "PDF 文档" (static) */
};

/*
 * Classify a file from its first `len` bytes (64 KB is plenty; fewer if
 * the file is shorter). Text in UTF-16 (with or without BOM), UTF-8 or
 * GBK is looked into for markup. A text with a few stray NUL bytes is
 * still text (the CSV reader names where they are); one full of NULs and
 * control bytes is binary data.
 */
void tz_sniff(const unsigned char *head, size_t len, struct tz_sniff *out);

#endif
