/* text.c: encoding detection, streaming GBK/UTF-8 input, width folding. */
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define RAW_SIZE (64u * 1024)

const char *tz_encoding_name(enum tz_encoding enc)
{
	switch (enc) {
	case TZ_ENC_UTF8: return "UTF-8";
	case TZ_ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case TZ_ENC_GB18030: return "GBK";
	case TZ_ENC_UTF16LE: return "UTF-16LE";
	case TZ_ENC_UTF16BE: return "UTF-16BE";
	case TZ_ENC_UNKNOWN: break;
	}
	return "ASCII";
}

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */

/* Length of the sequence a lead byte starts, 0 if it cannot lead. */
static int utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/*
 * Check the sequence at p (avail bytes available). Returns its length if
 * valid, 0 if invalid, -1 if it is a valid prefix cut short by avail.
 */
static int utf8_check(const unsigned char *p, size_t avail)
{
	int n = utf8_seq_len(p[0]);
	unsigned char lo = 0x80, hi = 0xBF;

	if (n <= 1)
		return n;
	/* The second byte's range excludes overlongs and surrogates. */
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	for (int i = 1; i < n; i++) {
		if ((size_t)i >= avail)
			return -1;
		if (i == 1 ? (p[1] < lo || p[1] > hi) : (p[i] & 0xC0) != 0x80)
			return 0;
	}
	return n;
}

/*
 * utf8_check, with the sequence of most Chinese text decided inline: a
 * three-byte one led by E1..EC or EE..EF, whose second byte has no
 * narrower range than 80..BF (E0 and ED, which have one, go the long way).
 */
static inline int utf8_check_fast(const unsigned char *p, size_t avail)
{
	if (p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && avail >= 3 &&
	    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
		return 3;
	return utf8_check(p, avail);
}

int32_t tz_utf8_next(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp;
	int n = utf8_check(p, (size_t)(end - *pp));
	int32_t cp;

	if (n <= 0) {
		(*pp)++;
		return -1;
	}
	switch (n) {
	case 1: cp = p[0]; break;
	case 2: cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F); break;
	case 3: cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); break;
	default:
		cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
		     ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		break;
	}
	*pp += n;
	return cp;
}

/*
 * ASCII runs are the common case: the offset past those from p[i],
 * skipped eight bytes at a time, each byte one code point added to *n.
 * Stops before the first eight that hold a byte >= 0x80, or where fewer
 * than eight remain (the caller steps on one sequence at a time from
 * there). The count is the caller's running one, kept in the loop as it
 * was before this was shared: a length computed afterwards from the
 * offsets cost tz_utf8_len more instructions (callgrind, import of 10000
 * projects).
 */
static inline size_t ascii_skip8(const unsigned char *p, size_t i, size_t len, size_t *n)
{
	while (i + 8 <= len) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
		*n += 8;
	}
	return i;
}

/* Length of the longest valid UTF-8 prefix; *cut set if what stops it is a
 * sequence cut off by the end of the data rather than a bad byte. */
static size_t utf8_valid_prefix(const char *data, size_t len, int *cut)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0, ascii = 0;  /* ascii_skip8 counts; not needed here */

	*cut = 0;
	while (i < len) {
		i = ascii_skip8(p, i, len, &ascii);
		/* Sequence by sequence, a lone ASCII byte (a comma, a digit
		 * between Chinese characters) in one test, until two ASCII
		 * bytes in a row make a word of them worth testing again. */
		while (i < len) {
			int n;

			if (p[i] < 0x80) {
				if (++i < len && p[i] < 0x80)
					break;
				continue;
			}
			/* A run of three-byte characters (Chinese text):
			 * checked in a loop of its own, the lead byte's range
			 * and both continuation bytes (x ^ 0x80 < 0x40) in a
			 * few tests, as utf8_check_fast's first case. */
			while (i + 3 <= len && (unsigned)(p[i] - 0xE1) <= 0xEF - 0xE1 && p[i] != 0xED &&
			       ((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) < 0x40)
				i += 3;
			if (i == len || p[i] < 0x80)
				continue;
			n = utf8_check_fast(p + i, len - i);
			if (n <= 0) {
				*cut = n < 0;
				return i;
			}
			i += (size_t)n;
		}
	}
	return len;
}

size_t tz_utf8_code_points(const char *s, int32_t *out, size_t max)
{
	const char *end = s + strlen(s);
	size_t n = 0;

	while (s < end && n < max)
		out[n++] = tz_utf8_next(&s, end);
	return n;
}

size_t tz_edit_distance(const int32_t *a, size_t na, const int32_t *b, size_t nb)
{
	size_t row[TZ_EDITS_MAX + 1];

	if (nb > TZ_EDITS_MAX)
		nb = TZ_EDITS_MAX;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[nb];
}

int tz_utf8_valid(const char *data, size_t len)
{
	int cut;
	return utf8_valid_prefix(data, len, &cut) == len;
}

/*
 * Steps as tz_utf8_next does (a valid sequence, else one byte) without
 * decoding: every field of every imported row is measured here.
 */
size_t tz_utf8_len(const char *data, size_t len)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t i = 0, n = 0;

	while (i < len) {
		int k;

		i = ascii_skip8(p, i, len, &n);
		if (i >= len)
			break;
		k = utf8_check_fast(p + i, len - i);
		i += k > 0 ? (size_t)k : 1;
		n++;
	}
	return n;
}

/* ------------------------------------------------------------------ */
/* Detection and whole-buffer conversion                               */

static int has_bom(const char *data, size_t len)
{
	return len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3);
}

/* Decode with iconv; 0 on success, else the offset of the bad byte + 1. */
static size_t gb_check(const char *data, size_t len, int at_end)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char out[4096];
	char *in = (char *)data;
	size_t inleft = len, bad = 0;

	if (cd == (iconv_t)-1)
		return 1;
	while (inleft) {
		char *o = out;
		size_t oleft = sizeof(out);

		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !at_end)
			break; /* a character cut off by the end of the sample */
		bad = (size_t)(in - data) + 1;
		break;
	}
	iconv_close(cd);
	return bad;
}

/* Number of multi-byte characters in valid UTF-8 data. */
static size_t utf8_multibyte(const char *data, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)data[i] & 0xC0) == 0xC0;
	return n;
}

enum tz_encoding tz_text_detect(const char *data, size_t len, struct tz_err *err)
{
	int cut;
	size_t ok, bad;

	if (has_bom(data, len))
		return TZ_ENC_UTF8_BOM;
	ok = utf8_valid_prefix(data, len, &cut);
	if (ok == len || cut)
		return TZ_ENC_UTF8;
	/*
	 * Several CJK characters of valid UTF-8 before a bad byte: a UTF-8
	 * file with a corrupt spot (GBK text is almost never valid UTF-8
	 * for long). Say UTF-8 and let the reader report the spot itself.
	 */
	if (utf8_multibyte(data, ok) >= 4)
		return TZ_ENC_UTF8;
	bad = gb_check(data, len, 0);
	if (!bad)
		return TZ_ENC_GB18030;
	/* Name the byte where the reading that got further stops. */
	if (ok + 1 > bad)
		bad = ok + 1;
	tz_err_set(err, TZ_EENCODING,
		   "无法识别文本编码：既不是UTF-8也不是GBK（第%zu字节）", bad);
	return TZ_ENC_UNKNOWN;
}

enum tz_encoding tz_text_utf16_guess(const char *data, size_t len, size_t *bom)
{
	const unsigned char *p = (const unsigned char *)data;
	size_t zeven = 0, zodd = 0, ctl = 0, pairs;

	*bom = 0;
	if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		*bom = 2;
		return TZ_ENC_UTF16LE;
	}
	if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		*bom = 2;
		return TZ_ENC_UTF16BE;
	}
	if (len > 4096)
		len = 4096;
	pairs = len / 2;
	if (pairs < 2)
		return TZ_ENC_UNKNOWN;
	for (size_t i = 0; i < pairs * 2; i += 2) {
		zeven += p[i] == 0;
		zodd += p[i + 1] == 0;
	}
	/*
	 * Text has a line end every few dozen characters at least: among
	 * the pairs, enough with a zero high byte and (almost) none with a
	 * zero low byte. Then the code units must look like text, not like
	 * an array of small integers.
	 */
	if (zodd >= 2 && zodd * 16 >= pairs && zeven * 8 <= zodd) {
		for (size_t i = 0; i < pairs * 2; i += 2)
			ctl += p[i + 1] == 0 && p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
			       p[i] != '\r';
		return ctl * 50 <= pairs ? TZ_ENC_UTF16LE : TZ_ENC_UNKNOWN;
	}
	if (zeven >= 2 && zeven * 16 >= pairs && zodd * 8 <= zeven) {
		for (size_t i = 0; i < pairs * 2; i += 2)
			ctl += p[i] == 0 && p[i + 1] < 0x20 && p[i + 1] != '\t' &&
			       p[i + 1] != '\n' && p[i + 1] != '\r';
		return ctl * 50 <= pairs ? TZ_ENC_UTF16BE : TZ_ENC_UNKNOWN;
	}
	return TZ_ENC_UNKNOWN;
}

int tz_text_to_utf8(const char *data, size_t len, struct tz_buf *out,
		    enum tz_encoding *encp, struct tz_err *err)
{
	enum tz_encoding enc = tz_text_detect(data, len, err);
	iconv_t cd;
	char *in;
	size_t inleft, skip = 0;
	int rc = 0;

	if (encp)
		*encp = enc;
	if (enc == TZ_ENC_UNKNOWN)
		return TZ_EENCODING;
	if (enc == TZ_ENC_UTF8_BOM) {
		skip = 3;
		data += 3;
		len -= 3;
	}
	if (enc != TZ_ENC_GB18030) {
		int cut;
		size_t ok = utf8_valid_prefix(data, len, &cut);
		/* The offset counts from the start of the caller's data. */
		if (ok != len)
			return tz_err_set(err, TZ_EENCODING,
					  "文本不是有效的UTF-8（第%zu字节）", skip + ok + 1);
		if (tz_buf_add(out, data, len))
			return tz_err_set(err, TZ_ETOOBIG, "文本过大");
		return 0;
	}
	cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return tz_err_set(err, TZ_EENCODING, "系统不支持GBK转换");
	in = (char *)data;
	inleft = len;
	while (inleft) {
		char *o;
		size_t oleft, room = inleft * 2 + 16;
		size_t r;

		/*
		 * Ask for room for the worst case, but no more than the cap
		 * allows: the text may well fit even when the estimate does
		 * not. Only a conversion that cannot proceed is too big.
		 */
		if (room > out->max - out->len)
			room = out->max - out->len;
		if (!room || tz_buf_grow(out, room)) {
			rc = tz_err_set(err, TZ_ETOOBIG, "文本过大");
			break;
		}
		o = out->buf + out->len;
		oleft = out->alloc - out->len - 1;
		r = iconv(cd, &in, &inleft, &o, &oleft);
		if (r == (size_t)-1 && errno == E2BIG && o == out->buf + out->len) {
			rc = tz_err_set(err, TZ_ETOOBIG, "文本过大");
			break;
		}
		if (r == (size_t)-1 && errno != E2BIG) {
			rc = tz_err_set(err, TZ_EENCODING, "GBK文本有无法转换的字节（第%zu字节）",
					(size_t)(in - data) + 1);
			out->len = (size_t)(o - out->buf);
			break;
		}
		out->len = (size_t)(o - out->buf);
	}
	out->buf[out->len] = '\0';
	iconv_close(cd);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Streaming reader                                                    */

struct tz_textin {
	int fd;
	const char *mem;
	size_t mem_len, mem_pos;
	char *path;
	enum tz_encoding enc;
	iconv_t cd;
	size_t start, end;  /* unread raw bytes are raw[start, end) */
	int eof;
	int started;        /* BOM check done */
	long line;          /* newlines in raw input consumed so far */
	char raw[RAW_SIZE];
};

static struct tz_textin *textin_new(const char *path)
{
	struct tz_textin *t = tz_xcalloc(1, sizeof(*t));

	t->fd = -1;
	t->cd = (iconv_t)-1;
	t->path = tz_xstrdup(path);
	return t;
}

int tz_textin_open(struct tz_textin **out, const char *path, struct tz_err *err)
{
	struct tz_textin *t;
	int fd;

	*out = NULL;
	if (!strcmp(path, "-")) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法打开文件：%s",
					     tz_errno_text(errno));
	}
	t = textin_new(path);
	t->fd = fd;
	*out = t;
	return 0;
}

struct tz_textin *tz_textin_open_mem(const char *data, size_t len)
{
	struct tz_textin *t = textin_new("(memory)");

	t->mem = data;
	t->mem_len = len;
	return t;
}

void tz_textin_close(struct tz_textin *t)
{
	if (!t)
		return;
	if (t->fd > STDIN_FILENO)
		close(t->fd);
	if (t->cd != (iconv_t)-1)
		iconv_close(t->cd);
	free(t->path);
	free(t);
}

enum tz_encoding tz_textin_encoding(const struct tz_textin *t)
{
	return t->enc;
}

static void count_lines(struct tz_textin *t, const char *p, size_t n)
{
	const char *end = p + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		t->line++;
		p++;
	}
}

/* Move unread bytes to the front and read more. 0 or TZ_EIO. */
static int refill(struct tz_textin *t, struct tz_err *err)
{
	size_t have = t->end - t->start;

	if (t->eof)
		return 0;
	if (t->start) {
		memmove(t->raw, t->raw + t->start, have);
		t->start = 0;
		t->end = have;
	}
	while (t->end < RAW_SIZE) {
		ssize_t n;

		if (t->mem) {
			n = (ssize_t)(t->mem_len - t->mem_pos);
			if ((size_t)n > RAW_SIZE - t->end)
				n = (ssize_t)(RAW_SIZE - t->end);
			memcpy(t->raw + t->end, t->mem + t->mem_pos, (size_t)n);
			t->mem_pos += (size_t)n;
		} else {
			n = read(t->fd, t->raw + t->end, RAW_SIZE - t->end);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return tz_err_set_at(err, TZ_EIO, t->path, t->line + 1, NULL,
						     "读取文件失败：%s", tz_errno_text(errno));
		}
		if (n == 0) {
			t->eof = 1;
			break;
		}
		t->end += (size_t)n;
		/* One read is enough once we have something to work on. */
		if (t->end - t->start >= 4096)
			break;
	}
	return 0;
}

static int enc_error(struct tz_textin *t, struct tz_err *err, const char *what)
{
	return tz_err_set_at(err, TZ_EENCODING, t->path, t->line + 1, NULL,
			     "第%ld行：%s", t->line + 1, what);
}

/* Decide the encoding from the unread bytes, which start non-ASCII. */
static int decide(struct tz_textin *t, struct tz_err *err)
{
	struct tz_err derr;
	enum tz_encoding enc;

	/* A 4 KB window is plenty to tell GBK from UTF-8. */
	if (t->end - t->start < 4096 && !t->eof) {
		int rc = refill(t, err);
		if (rc)
			return rc;
	}
	tz_err_clear(&derr);
	enc = tz_text_detect(t->raw + t->start, t->end - t->start, &derr);
	if (enc == TZ_ENC_UNKNOWN) {
		/*
		 * A bad byte somewhere in the window spoils both readings. Read
		 * on in the one that decodes the longer prefix, so that the
		 * error is reported on the bad byte's own line rather than on
		 * the line of the first non-ASCII byte.
		 */
		const char *w = t->raw + t->start;
		size_t wlen = t->end - t->start, u8, gb;
		int cut;

		u8 = utf8_valid_prefix(w, wlen, &cut);
		gb = gb_check(w, wlen, 0);
		gb = gb ? gb - 1 : wlen;
		if (!u8 && !gb)
			return enc_error(t, err, "无法识别文本编码：既不是UTF-8也不是GBK");
		enc = u8 >= gb ? TZ_ENC_UTF8 : TZ_ENC_GB18030;
	}
	t->enc = enc;
	if (enc == TZ_ENC_GB18030) {
		t->cd = iconv_open("UTF-8", "GB18030");
		if (t->cd == (iconv_t)-1)
			return enc_error(t, err, "系统不支持GBK转换");
	}
	return 0;
}

/* At the start of input: UTF-16 (by BOM or by its zero bytes) is
 * converted with iconv from here on. */
static int start_utf16(struct tz_textin *t, struct tz_err *err)
{
	size_t bom;
	enum tz_encoding enc;
	int rc;

	if (t->end - t->start < 4096 && !t->eof && (rc = refill(t, err)))
		return rc;
	enc = tz_text_utf16_guess(t->raw + t->start, t->end - t->start, &bom);
	if (enc == TZ_ENC_UNKNOWN)
		return 0;
	t->cd = iconv_open("UTF-8", enc == TZ_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE");
	if (t->cd == (iconv_t)-1)
		return enc_error(t, err, "系统不支持UTF-16转换");
	t->enc = enc;
	t->start += bom;
	return 0;
}

ssize_t tz_textin_read(struct tz_textin *t, char *buf, size_t size, struct tz_err *err)
{
	int rc;

	if (size < 4)
		return tz_err_set(err, TZ_EINTERNAL, "tz_textin_read: buffer too small");
	for (;;) {
		size_t avail;

		if (t->end - t->start < 4 && !t->eof && (rc = refill(t, err)))
			return rc;
		avail = t->end - t->start;
		if (!avail)
			return 0;
		if (!t->started) {
			t->started = 1;
			if (has_bom(t->raw + t->start, avail)) {
				t->enc = TZ_ENC_UTF8_BOM;
				t->start += 3;
				continue;
			}
			if ((rc = start_utf16(t, err)))
				return rc;
			continue;
		}
		if (t->enc == TZ_ENC_UNKNOWN) {
			/* Pass ASCII through until the first byte that decides. */
			const unsigned char *p = (const unsigned char *)t->raw + t->start;
			size_t n = 0, lim = avail < size ? avail : size;

			while (n < lim && p[n] < 0x80)
				n++;
			if (n) {
				memcpy(buf, p, n);
				count_lines(t, buf, n);
				t->start += n;
				return (ssize_t)n;
			}
			if ((rc = decide(t, err)))
				return rc;
			continue;
		}
		if (t->cd == (iconv_t)-1) {
			size_t lim = avail < size ? avail : size, ok;
			int cut;

			ok = utf8_valid_prefix(t->raw + t->start, lim, &cut);
			if (!ok) {
				/* A sequence cut by the buffer end: refill first. */
				if (cut && lim == avail && !t->eof) {
					if ((rc = refill(t, err)))
						return rc;
					if (t->end - t->start > avail)
						continue;
				}
				if (cut && lim < avail)
					return tz_err_set(err, TZ_EINTERNAL, "read buffer too small");
				return enc_error(t, err, cut ? "文件末尾的字符不完整"
							     : "文本不是有效的UTF-8");
			}
			memcpy(buf, t->raw + t->start, ok);
			count_lines(t, buf, ok);
			t->start += ok;
			return (ssize_t)ok;
		} else {
			char *in = t->raw + t->start, *o = buf;
			size_t inleft = avail, oleft = size;
			size_t r = iconv(t->cd, &in, &inleft, &o, &oleft);
			size_t used = avail - inleft;

			/* In UTF-16 a 0x0A byte is not always a line end. */
			if (t->enc == TZ_ENC_GB18030)
				count_lines(t, t->raw + t->start, used);
			else
				count_lines(t, buf, (size_t)(o - buf));
			t->start += used;
			if (o > buf)
				return (ssize_t)(o - buf);
			if (r != (size_t)-1)
				continue;
			if (errno == EINVAL && !t->eof) {
				if ((rc = refill(t, err)))
					return rc;
				continue;
			}
			if (errno == EINVAL)
				return enc_error(t, err, "文件末尾的字符不完整");
			return enc_error(t, err, t->enc == TZ_ENC_GB18030
							 ? "GBK文本中有无法转换的字节"
							 : "UTF-16文本中有无效的字符");
		}
	}
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                       */

int tz_text_fold_width(const char *s, size_t len, struct tz_buf *out)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *q = p;
		int32_t cp = tz_utf8_next(&p, end);
		int rc;

		if (cp >= 0xFF01 && cp <= 0xFF5E)
			rc = tz_buf_addch(out, (int)(cp - 0xFF01 + 0x21));
		else if (cp == 0x3000)
			rc = tz_buf_addch(out, ' ');
		else
			rc = tz_buf_add(out, q, (size_t)(p - q));
		if (rc)
			return rc;
	}
	return 0;
}

int tz_text_nfkc(const char *s, size_t len, struct tz_buf *out)
{
	utf8proc_uint8_t *res = NULL;
	utf8proc_ssize_t n;
	int rc;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &res,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (n < 0)
		return TZ_EENCODING;
	rc = tz_buf_add(out, res, (size_t)n);
	free(res);
	return rc;
}

/* Length of a white-space character at p, 0 if none. */
static size_t space_at(const char *p, const char *end)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t avail = (size_t)(end - p);

	if (*u == ' ' || (*u >= '\t' && *u <= '\r'))
		return 1;
	if (avail >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;                                    /* U+00A0 */
	if (avail >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;                                    /* U+3000 */
	if (avail >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;                                    /* U+FEFF */
	if (avail >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B)
		return 3;                                    /* U+200B */
	return 0;
}

/* Length of a white-space character ending at end, 0 if none. */
static size_t space_before(const char *start, const char *end)
{
	size_t n;

	if (end - start >= 1 && (n = space_at(end - 1, end)) == 1)
		return 1;
	if (end - start >= 2 && (n = space_at(end - 2, end)) == 2)
		return 2;
	if (end - start >= 3 && (n = space_at(end - 3, end)) == 3)
		return 3;
	return 0;
}

const char *tz_text_none_word(const char *s, size_t len, unsigned field)
{
	/* One list for every field (walkthrough 9, item 1): a mark here is
	 * none wherever a cell may be empty; a word only in a code, where
	 * it cannot be a project's code but could be an amount's mistake. */
	static const struct {
		const char *w;
		unsigned fields;
	} none[] = {
		{ "-", TZ_NONE_AMOUNT | TZ_NONE_CODE },   { "--", TZ_NONE_AMOUNT | TZ_NONE_CODE },
		{ "—", TZ_NONE_AMOUNT | TZ_NONE_CODE },   { "——", TZ_NONE_AMOUNT | TZ_NONE_CODE },
		{ "－", TZ_NONE_AMOUNT | TZ_NONE_CODE },  { "─", TZ_NONE_AMOUNT | TZ_NONE_CODE },
		{ "–", TZ_NONE_AMOUNT | TZ_NONE_CODE },   { "/", TZ_NONE_AMOUNT | TZ_NONE_CODE },
		{ "／", TZ_NONE_AMOUNT | TZ_NONE_CODE },  { "\\", TZ_NONE_AMOUNT | TZ_NONE_CODE },
		{ "无", TZ_NONE_AMOUNT | TZ_NONE_CODE },  { "暂无", TZ_NONE_CODE },
		{ "待定", TZ_NONE_CODE },                 { "待赋码", TZ_NONE_CODE },
		{ "未赋码", TZ_NONE_CODE },               { "尚未赋码", TZ_NONE_CODE },
		{ "暂未赋码", TZ_NONE_CODE },             { "无代码", TZ_NONE_CODE },
		{ "暂无代码", TZ_NONE_CODE },             { "无编号", TZ_NONE_CODE },
		{ "暂无编号", TZ_NONE_CODE },             { "待补", TZ_NONE_CODE },
		{ "空", TZ_NONE_CODE },                   { "N/A", TZ_NONE_CODE },
		{ "n/a", TZ_NONE_CODE },                  { "NULL", TZ_NONE_CODE },
	};

	/* A code or amount starts with a digit or a letter (none of the
	 * list but N/A, NULL): most cells end here, before any trimming. */
	if (!len || (s[0] >= '0' && s[0] <= '9') ||
	    (((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') && (s[0] | 0x20) != 'n'))
		return NULL;
	tz_text_trim(&s, &len);
	if (!len || len > 12)  /* the longest is 12 bytes: 尚未赋码 */
		return NULL;
	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if ((none[i].fields & field) && strlen(none[i].w) == len &&
		    !memcmp(none[i].w, s, len))
			return none[i].w;
	return NULL;
}

void tz_text_trim_ends(const char **s, size_t *len)
{
	const char *p = *s, *end = *s + *len;
	size_t n;

	while (p < end && (n = space_at(p, end)))
		p += n;
	while (end > p && (n = space_before(p, end)))
		end -= n;
	*s = p;
	*len = (size_t)(end - p);
}

/*
 * Blank when trimming from the start leaves nothing: the character it
 * stops at is no space whatever follows, so trimming from the end could
 * not take it either. A CSV reader asks this of every line.
 */
int tz_text_blank_scan(const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n;

	while (p < end && (n = space_at(p, end)))
		p += n;
	return p == end;
}

int tz_text_invisible(int32_t cp)
{
	return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x2066 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
}

/* The length of an invisible character's UTF-8 at s, 0 if none there. */
static size_t invisible_at(const unsigned char *s, size_t avail)
{
	if (avail >= 2 && s[0] == 0xC2 && s[1] == 0xAD)
		return 2;
	if (avail < 3 || (s[0] != 0xE1 && s[0] != 0xE2 && s[0] != 0xE3 && s[0] != 0xEF))
		return 0;
	return tz_text_invisible(((int32_t)(s[0] & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) |
				 (s[2] & 0x3F)) && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80
	       ? 3 : 0;
}

size_t tz_text_strip_invisible(char *s, size_t len, size_t *removed)
{
	size_t r = 0, w = 0, n = 0, k;

	while (r < len) {
		if ((k = invisible_at((const unsigned char *)s + r, len - r))) {
			r += k;
			n++;
			continue;
		}
		s[w++] = s[r++];
	}
	if (removed)
		*removed = n;
	return w;
}

/* The CJK ideograph (U+3400-U+4DBF, U+4E00-U+9FFF) whose three bytes
 * start at s, if one does. */
static int ideograph3(const unsigned char *s)
{
	unsigned cp;

	if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

size_t tz_text_name_unpad(const char *s, size_t len, char out[TZ_TEXT_NAME2_MAX])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 3, pad = 0;

	if (len < 7 || !ideograph3(u) || !ideograph3(u + len - 3))
		return 0;
	while (i < len - 3) {
		if (u[i] == ' ')
			i += 1;
		else if (i + 3 <= len - 3 && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x80)
			i += 3;  /* U+3000 */
		else if (i + 2 <= len - 3 && u[i] == 0xC2 && u[i + 1] == 0xA0)
			i += 2;  /* U+00A0 */
		else
			return 0;
		pad++;
	}
	if (!pad)
		return 0;
	memcpy(out, s, 3);
	memcpy(out + 3, s + len - 3, 3);
	out[6] = '\0';
	return 6;
}
