/* buf.c: the capped, always-terminated string builder. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/xalloc.h"
#include "base/banned.h"

char tz_buf_empty[1];

void tz_buf_init(struct tz_buf *b, size_t max)
{
	b->buf = tz_buf_empty;
	b->len = 0;
	b->alloc = 0;
	b->max = max ? max : TZ_LIMIT_DEFAULT;
}

void tz_buf_release(struct tz_buf *b)
{
	if (b->alloc)
		free(b->buf);
	tz_buf_init(b, b->max);
}

void tz_buf_reset(struct tz_buf *b)
{
	tz_buf_setlen(b, 0);
}

void tz_buf_setlen(struct tz_buf *b, size_t len)
{
	if (len > b->len)
		len = b->len;
	b->len = len;
	if (b->alloc)
		b->buf[len] = '\0';
}

int tz_buf_grow(struct tz_buf *b, size_t extra)
{
	size_t want;

	if (extra > b->max || b->len > b->max - extra)
		return TZ_ETOOBIG;
	want = b->len + extra + 1;
	if (want <= b->alloc)
		return 0;
	if (want < b->alloc * 2)
		want = b->alloc * 2;
	if (want < 64)
		want = 64;
	if (want > b->max + 1)
		want = b->max + 1;
	if (!b->alloc) {
		b->buf = tz_xmalloc(want);
		b->buf[0] = '\0';
	} else {
		b->buf = tz_xrealloc(b->buf, want);
	}
	b->alloc = want;
	return 0;
}

int tz_buf_add(struct tz_buf *b, const void *data, size_t len)
{
	uintptr_t d = (uintptr_t)data, start = (uintptr_t)b->buf;

	if (!len)
		return 0;
	/* Appending part of the buffer to itself: growing may move it. */
	if (b->alloc && d >= start && d < start + b->alloc) {
		size_t off = (size_t)(d - start);

		if (tz_buf_grow(b, len))
			return TZ_ETOOBIG;
		memmove(b->buf + b->len, b->buf + off, len);
		b->len += len;
		b->buf[b->len] = '\0';
		return 0;
	}
	if (tz_buf_grow(b, len))
		return TZ_ETOOBIG;
	memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
	return 0;
}

int tz_buf_adds(struct tz_buf *b, const char *s)
{
	return tz_buf_add(b, s, strlen(s));
}

int tz_buf_addch(struct tz_buf *b, int c)
{
	if (tz_buf_grow(b, 1))
		return TZ_ETOOBIG;
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
	return 0;
}

int tz_buf_vaddf(struct tz_buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list cp;
	int n;

	/* Most formatted pieces are short: format once into the stack. */
	va_copy(cp, ap);
	n = vsnprintf(small, sizeof(small), fmt, cp);
	va_end(cp);
	if (n < 0)
		return TZ_EINVAL;
	if ((size_t)n < sizeof(small))
		return tz_buf_add(b, small, (size_t)n);
	if (tz_buf_grow(b, (size_t)n))
		return TZ_ETOOBIG;
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int tz_buf_addf(struct tz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = tz_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

size_t tz_fmt_int(char *buf, int64_t v)
{
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	char tmp[24];
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	size_t n = 0, len = 0;

	/* Two digits a division (reversed into tmp, then copied out). */
	while (u >= 100) {
		const char *d = pairs + (u % 100) * 2;
		tmp[n++] = d[1];
		tmp[n++] = d[0];
		u /= 100;
	}
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[len++] = '-';
	while (n)
		buf[len++] = tmp[--n];
	return len;
}

int tz_buf_add_int(struct tz_buf *b, int64_t v)
{
	char num[24];

	return tz_buf_add(b, num, tz_fmt_int(num, v));
}

int tz_buf_add_utf8(struct tz_buf *b, unsigned cp)
{
	char out[4];
	size_t n;

	if (cp < 0x80) {
		out[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		/* Surrogates are not characters; their UTF-8 form is invalid. */
		if (cp >= 0xD800 && cp <= 0xDFFF)
			return TZ_EINVAL;
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else if (cp < 0x110000) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	} else {
		return TZ_EINVAL;
	}
	return tz_buf_add(b, out, n);
}

char *tz_buf_detach(struct tz_buf *b, size_t *len)
{
	char *s;

	if (len)
		*len = b->len;
	if (!b->alloc)
		s = tz_xstrdup("");
	else
		s = b->buf;
	tz_buf_init(b, b->max);
	return s;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void tz_buf_trim(struct tz_buf *b)
{
	size_t start = 0, end = b->len;

	while (end > 0 && is_space(b->buf[end - 1]))
		end--;
	while (start < end && is_space(b->buf[start]))
		start++;
	if (start)
		memmove(b->buf, b->buf + start, end - start);
	tz_buf_setlen(b, end - start);
}
