/*
 * limits.h: named size limits. Every growing buffer that holds outside
 * input takes its cap from here, so a hostile file or request fails with
 * TZ_ETOOBIG instead of exhausting memory.
 */
#ifndef TZ_LIMITS_H
#define TZ_LIMITS_H

#define TZ_LIMIT_FIELD   (64u * 1024)          /* one spreadsheet cell */
#define TZ_LIMIT_RECORD  (1u * 1024 * 1024)    /* one spreadsheet row */
#define TZ_LIMIT_DOC     (64u * 1024 * 1024)   /* one document to parse */
#define TZ_LIMIT_OUTPUT  (1024u * 1024 * 1024) /* one generated report */
#define TZ_LIMIT_DEFAULT (16u * 1024 * 1024)   /* anything else */
#define TZ_LIMIT_FORM    (1u * 1024 * 1024)    /* one web request's form or JSON body */
#define TZ_LIMIT_BODY    (64u * 1024 * 1024)   /* one web upload (a spreadsheet to import) */

/*
 * Spreadsheets. Each counts what a reader really keeps or does (entries,
 * not bytes of markup), so that a small hostile file cannot cost
 * gigabytes or minutes; each has its own Chinese error naming it.
 */
#define TZ_LIMIT_SHEET_ROWS   1048576u              /* rows of one sheet (Excel's grid) */
#define TZ_LIMIT_SHEET_COLS   16384u                /* columns, A..XFD: also the cells of a row */
#define TZ_LIMIT_SHEET_CELLS  (16u * 1024 * 1024)   /* cells written in one sheet, empty ones
						     * too (1M rows of 16 columns): a 1 MB XLSX
						     * can inflate to a billion <c/> */
#define TZ_LIMIT_SHEETS       1024u                 /* sheets of one workbook */
#define TZ_LIMIT_XML_NODE     (4u * 1024 * 1024)    /* bytes an XLSX part may inflate to
						     * between two XML nodes (one tag or
						     * text): a cell holds 32767 characters */
#define TZ_LIMIT_XML_PER_NODE 1024u                 /* …and on average per node, past the
						     * first TZ_LIMIT_XML_FREE bytes (real
						     * sheets: about 10) */
#define TZ_LIMIT_XML_FREE     (64u * 1024 * 1024)
#define TZ_LIMIT_SST_STRINGS  (16u * 1024 * 1024)   /* shared strings (entries) */
#define TZ_LIMIT_SST_BYTES    (256u * 1024 * 1024)  /* shared strings (text) */
#define TZ_LIMIT_STYLES       65536u                /* cell formats (XF), number formats */
#define TZ_LIMIT_MERGES       262144u               /* merged ranges of one sheet */
#define TZ_LIMIT_MERGE_FILL   (16u * 1024 * 1024)   /* cells filled from merged ranges */
#define TZ_LIMIT_XLS_RECORDS  (64u * 1024 * 1024)   /* BIFF records of one sheet */
#define TZ_LIMIT_RELS         65536u                /* relationships of one XLSX part */

#endif
