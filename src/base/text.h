/*
 * text.h: text is UTF-8 inside Taizhang; this module converts at the edge.
 *
 * Files from Excel on Chinese Windows are GBK (read here as GB18030, its
 * superset), sometimes UTF-8 with a BOM. tz_textin reads a file of either
 * kind as a stream of UTF-8 in constant memory, deciding the encoding from
 * the first non-ASCII bytes. The helpers below fold the variants users type
 * (full-width digits and brackets, ideographic spaces) for matching.
 */
#ifndef TZ_TEXT_H
#define TZ_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/buf.h"
#include "base/err.h"

enum tz_encoding {
	TZ_ENC_UNKNOWN = 0,  /* only ASCII seen so far */
	TZ_ENC_UTF8,
	TZ_ENC_UTF8_BOM,
	TZ_ENC_GB18030,      /* GBK and GB2312 files read as GB18030 */
	TZ_ENC_UTF16LE,      /* Excel's "Unicode text" (with or without BOM) */
	TZ_ENC_UTF16BE,
};

/* "UTF-8", "UTF-8 (BOM)", "GBK", "UTF-16LE", "UTF-16BE", "ASCII". */
const char *tz_encoding_name(enum tz_encoding enc);

/*
 * Guess the encoding of a sample of a file's bytes: a BOM, else valid
 * UTF-8 (a sequence cut at the end of the sample is allowed, and so is a
 * bad byte after several valid CJK characters: a damaged UTF-8 file),
 * else GB18030 if it decodes cleanly, else TZ_ENC_UNKNOWN with an error.
 * A pure-ASCII sample yields TZ_ENC_UTF8.
 */
enum tz_encoding tz_text_detect(const char *data, size_t len, struct tz_err *err);

/*
 * UTF-16 from a file's first bytes: TZ_ENC_UTF16LE or TZ_ENC_UTF16BE for
 * a BOM (FF FE, FE FF) or, without one, for the pattern of zero bytes
 * that ASCII characters leave in every other byte (tabs and line ends
 * suffice in CJK text); TZ_ENC_UNKNOWN otherwise. *bom is set to the
 * BOM's length (0 or 2). tz_text_detect() does not look for UTF-16.
 */
enum tz_encoding tz_text_utf16_guess(const char *data, size_t len, size_t *bom);

/*
 * Convert a whole buffer to UTF-8 in `out` (appended), detecting its
 * encoding, dropping a BOM. Returns 0, TZ_EENCODING (with the byte offset
 * in the message) or TZ_ETOOBIG. `enc` may be NULL.
 */
int tz_text_to_utf8(const char *data, size_t len, struct tz_buf *out,
		    enum tz_encoding *enc, struct tz_err *err);

/* A streaming reader of a file as UTF-8; UTF-16 files (see
 * tz_text_utf16_guess) are converted too. */
struct tz_textin;

/*
 * Open `path` ("-" for standard input). The caller closes the reader with
 * tz_textin_close(). Returns 0 or TZ_EIO with err set.
 */
int tz_textin_open(struct tz_textin **out, const char *path, struct tz_err *err);

/* Read over memory the caller keeps alive until close (for tests). */
struct tz_textin *tz_textin_open_mem(const char *data, size_t len);

/*
 * Read up to `size` bytes of UTF-8 into `buf`; never splits a character
 * across calls. Returns the byte count, 0 at end of input, or a negative
 * tz_errc (TZ_EENCODING, TZ_EIO) with err naming the file and line.
 */
ssize_t tz_textin_read(struct tz_textin *t, char *buf, size_t size, struct tz_err *err);

/* The encoding decided so far. */
enum tz_encoding tz_textin_encoding(const struct tz_textin *t);

void tz_textin_close(struct tz_textin *t);

/*
 * Decode one UTF-8 code point at *p (before end) and advance *p. Returns
 * the code point, or -1 for an invalid or truncated sequence (*p advances
 * one byte so that callers make progress).
 */
int32_t tz_utf8_next(const char **p, const char *end);

/*
 * The code points of NUL-terminated UTF-8 `s` into out[], at most `max`
 * (tz_utf8_next: an invalid byte is -1). Returns how many were stored.
 */
size_t tz_utf8_code_points(const char *s, int32_t *out, size_t max);

/* The longest second string tz_edit_distance() takes, in code points. */
#define TZ_EDITS_MAX 200

/*
 * Levenshtein distance (insert, delete, replace: 1 each) between code
 * point strings a[0..na) and b[0..nb), nb <= TZ_EDITS_MAX (longer b is
 * cut there). For suggesting close names (organisations, leaders).
 */
size_t tz_edit_distance(const int32_t *a, size_t na, const int32_t *b, size_t nb);

/* 1 if data is entirely valid UTF-8. */
int tz_utf8_valid(const char *data, size_t len);

/* Number of code points (invalid bytes count one each). */
size_t tz_utf8_len(const char *data, size_t len);

/*
 * Append `s` with full-width ASCII forms (U+FF01..U+FF5E) folded to ASCII
 * and U+3000 to a space. Everything else is copied unchanged.
 */
int tz_text_fold_width(const char *s, size_t len, struct tz_buf *out);

/* Append the NFKC normal form of `s` (utf8proc). TZ_EENCODING if not UTF-8. */
int tz_text_nfkc(const char *s, size_t len, struct tz_buf *out);

/*
 * Trim white space from both ends of [*s, *s + *len): ASCII space and
 * control white space, U+3000, U+00A0, U+FEFF and U+200B. Pure; no
 * allocation. tz_text_trim_ends is the general case; tz_text_trim first
 * passes, inline, an empty cell and one that starts and ends with a
 * visible ASCII byte or a CJK ideograph (lead byte E4-E9), as most cells
 * do: an import trims every field of every row, several times, and the
 * call was most of the cost (callgrind, import progress of 10,000
 * projects).
 */
void tz_text_trim_ends(const char **s, size_t *len);

static inline void tz_text_trim(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len;

	if (!n)
		return;
	if (((p[0] > ' ' && p[0] < 0x80) || (p[0] >= 0xE4 && p[0] <= 0xE9)) &&
	    ((p[n - 1] > ' ' && p[n - 1] < 0x80) ||
	     (n >= 3 && p[n - 3] >= 0xE4 && p[n - 3] <= 0xE9)))
		return;
	tz_text_trim_ends(s, len);
}

/*
 * The marks and words people write in a cell for "none" (ledger.md,
 * "What real sheets hold"; walkthrough 9): dashes and slashes (—, --,
 * /, ／, \\), 无 -- read as no value by every field that may be empty --
 * and, for a 项目代码/项目编号 cell (TZ_NONE_CODE), the words of a project
 * not yet given its code (暂无, 待定, 待赋码, 未赋码, 尚未赋码, 无代码, 空,
 * N/A …), which no issued code is. `field` is TZ_NONE_AMOUNT (money
 * cells: the marks only; a word there stays an error in the amount) or
 * TZ_NONE_CODE. `s` (len bytes) is trimmed first. Returns the list's
 * own spelling (static, for messages), or NULL. A few compares; most
 * cells are passed on their first byte by the callers.
 */
#define TZ_NONE_AMOUNT 1u
#define TZ_NONE_CODE 2u
const char *tz_text_none_word(const char *s, size_t len, unsigned field);

/*
 * A two-character Chinese name padded to the width of three, as name
 * lists align them ("王 强", "王　强", "王  强": ASCII, ideographic or
 * no-break spaces between two CJK ideographs, nothing else): the two
 * ideographs into `out` (NUL-terminated), returning their length (6).
 * 0 for any other text, `out` untouched. Pure. Only this shape is
 * unpadded: "王强 李明" may be two people (walkthrough 12: "王 强" and
 * "王强" were two 包联领导 in a bulletin by leader).
 */
#define TZ_TEXT_NAME2_MAX 7
size_t tz_text_name_unpad(const char *s, size_t len, char out[TZ_TEXT_NAME2_MAX]);

/*
 * 1 if `s` (len bytes) has only white space in the sense of tz_text_trim.
 * Pure. tz_text_blank_scan is the general case; tz_text_is_blank answers
 * inline for a text starting with a byte no white space starts with
 * (visible ASCII, a CJK ideograph's lead byte E4-E9): the CSV reader
 * asks this of every line and the import of every row.
 */
int tz_text_blank_scan(const char *s, size_t len);

static inline int tz_text_is_blank(const char *s, size_t len)
{
	const unsigned char c = len ? (unsigned char)s[0] : 0;

	if (len && ((c > ' ' && c < 0x80) || (c >= 0xE4 && c <= 0xE9)))
		return 0;
	return tz_text_blank_scan(s, len);
}

/*
 * Invisible formatting characters people paste with text from web pages
 * and Word, never meaningful in a ledger: soft hyphen (U+00AD), U+180E,
 * zero-width space, joiners and marks (U+200B..U+200F), bidi embeddings
 * (U+202A..U+202E), word joiner and invisible operators (U+2060..U+2064),
 * bidi isolates and the deprecated format characters (U+2066..U+206F),
 * the BOM (U+FEFF); and characters that show nothing though they are not
 * format characters: variation selectors (U+FE00..U+FE0F, as after an
 * emoji), the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), which a
 * code or name pasted from some web systems carries (audit 8,
 * 2026-11-30: P<U+3164>1 became a second project beside P1).
 */
int tz_text_invisible(int32_t cp);

/* Remove them from s[0..len) in place; returns the new length and, when
 * `removed` is not NULL, how many were removed. */
size_t tz_text_strip_invisible(char *s, size_t len, size_t *removed);

#endif
