/*
 * xls-internal.h: what the .xls reader's files share; not an API for
 * anything outside src/intake/xls*.c.
 *
 * An Excel 97-2003 workbook is an OLE compound file (read with libgsf)
 * whose "Workbook" stream (BIFF8; "Book" in BIFF5, Excel 5.0/95) is a
 * sequence of records: the workbook globals (sheets, shared strings,
 * number formats, cell formats, date system, code page), then one
 * substream per sheet. xls-biff.c reads records and strings and the
 * globals; xls.c opens the container and streams a sheet's rows.
 */
#ifndef TZ_XLS_INTERNAL_H
#define TZ_XLS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <gsf/gsf-input.h>

#include "base/buf.h"
#include "base/err.h"

struct tz_numfmt;
struct tz_reader;

/* Record types (MS-XLS 2.3). */
enum {
	BIFF_FORMULA = 0x0006, BIFF_EOF = 0x000A, BIFF_DATEMODE = 0x0022,
	BIFF_FILEPASS = 0x002F, BIFF_CONTINUE = 0x003C, BIFF_CODEPAGE = 0x0042,
	BIFF_COLINFO = 0x007D,
	BIFF_BOUNDSHEET = 0x0085, BIFF_MULRK = 0x00BD, BIFF_MULBLANK = 0x00BE,
	BIFF_RSTRING = 0x00D6, BIFF_XF = 0x00E0, BIFF_MERGEDCELLS = 0x00E5,
	BIFF_SST = 0x00FC, BIFF_LABELSST = 0x00FD, BIFF_BLANK = 0x0201,
	BIFF_NUMBER = 0x0203, BIFF_LABEL = 0x0204, BIFF_BOOLERR = 0x0205,
	BIFF_STRING = 0x0207, BIFF_ROW = 0x0208, BIFF_RK = 0x027E,
	BIFF_FORMAT = 0x041E, BIFF_BOF = 0x0809,
};

/* The longest record body a writer may produce (BIFF8 writes <= 8224). */
#define BIFF_MAX_RECORD 65535

/* Records read in order from a stream, one held back on demand. */
struct biff_in {
	GsfInput *in;             /* owned by the reader (g_object_unref) */
	const char *path;         /* for messages; borrowed */
	uint16_t type;
	uint32_t len;
	uint8_t *data;            /* BIFF_MAX_RECORD bytes */
	int held;                 /* the current record is to be read again */
	unsigned long count;      /* records read in this substream */
};

/* Seek to `offset` (a substream's BOF). 0 or TZ_EINVAL. */
int biff_seek(struct biff_in *b, uint32_t offset, struct tz_err *err);

/* The next record into b->type/len/data: 1, 0 at the end of the stream,
 * or TZ_EINVAL (cut short) / TZ_ETOOBIG (TZ_LIMIT_XLS_RECORDS). */
int biff_next(struct biff_in *b, struct tz_err *err);

/* Read the current record again at the next biff_next(). */
static inline void biff_hold(struct biff_in *b)
{
	b->held = 1;
}

static inline uint16_t biff_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t biff_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The workbook globals. */
struct xls_book {
	int biff;                  /* 8 (Excel 97-2003) or 5 (Excel 5.0/95) */
	int date1904;
	unsigned codepage;         /* for BIFF5 byte strings */
	uint32_t *sheet_pos;       /* per sheet: stream offset of its BOF */
	size_t nsheets;
	struct tz_numfmt **fmts;   /* compiled, by first use; [0] is General */
	uint16_t *fmt_ids;
	size_t nfmts;
	uint16_t *custom_ids;      /* FORMAT records */
	char **custom_codes;
	size_t ncustom;
	uint32_t *xf_fmt;          /* per XF: index into fmts */
	size_t nxf;
	struct tz_buf sst;         /* shared strings, NUL-terminated each */
	uint32_t *sst_off;
	size_t nsst;
	void *iconv_cd;            /* for BIFF5 strings (iconv_t), or NULL */
};

/*
 * Read the globals substream (from the stream's start): sheets (added to
 * r's list), formats, shared strings, date system, code page. An
 * encrypted workbook (FILEPASS) is refused. 0 or a tz_errc with err
 * naming the file. The caller releases `bk` with xls_book_release().
 */
int xls_book_load(struct xls_book *bk, struct tz_reader *r, struct biff_in *b,
		  struct tz_err *err);
void xls_book_release(struct xls_book *bk);

/* Shared string `i` (or NULL), its length in *len. */
const char *xls_book_string(const struct xls_book *bk, uint32_t i, size_t *len);

/* The number format of XF index `xf` (General if unknown). */
const struct tz_numfmt *xls_book_format(struct xls_book *bk, uint16_t xf);

/* Append n characters at p, 8-bit (Latin-1, "compressed") or UTF-16LE
 * (`high`), as UTF-8. 0 or TZ_ETOOBIG. */
int xls_chars(struct tz_buf *out, const uint8_t *p, size_t n, int high);

/*
 * Append the string at p (`avail` bytes of one record) to `out` as UTF-8:
 * BIFF8 XLUnicodeString (16-bit count when `wide_count`, else 8-bit, then
 * a flags byte) or, in BIFF5, a byte string in the code page. Returns the
 * bytes used, or 0 if the string runs past the record.
 */
size_t xls_string(struct xls_book *bk, const uint8_t *p, size_t avail, int wide_count,
		  struct tz_buf *out);

#endif
