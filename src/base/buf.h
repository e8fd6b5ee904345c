/*
 * buf.h: the one growable string builder (after git's strbuf and curl's
 * dynbuf).
 *
 * Invariants: `buf` is never NULL and always NUL-terminated, so b.buf can
 * be passed to any C string function; `len` excludes the NUL; the buffer
 * never grows past `max` bytes of content: an append that would fails
 * with TZ_ETOOBIG and leaves the buffer unchanged. Memory is owned by the
 * struct and freed by tz_buf_release().
 */
#ifndef TZ_BUF_H
#define TZ_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base/limits.h"

struct tz_buf {
	char *buf;
	size_t len;
	size_t alloc;  /* 0 while buf points at the shared empty string */
	size_t max;
};

extern char tz_buf_empty[];

#define TZ_BUF_INIT { tz_buf_empty, 0, 0, TZ_LIMIT_DEFAULT }

/* Initialise an empty buffer capped at `max` bytes (0 = TZ_LIMIT_DEFAULT). */
void tz_buf_init(struct tz_buf *b, size_t max);

/* Free the memory and leave an empty, reusable buffer. */
void tz_buf_release(struct tz_buf *b);

/* Empty the buffer, keeping its memory. */
void tz_buf_reset(struct tz_buf *b);

/* Truncate to `len` bytes (len <= b->len). */
void tz_buf_setlen(struct tz_buf *b, size_t len);

/* Make room for `extra` more bytes. Returns 0 or TZ_ETOOBIG. */
int tz_buf_grow(struct tz_buf *b, size_t extra);

/*
 * Appenders: 0 or TZ_ETOOBIG (buffer unchanged on failure). tz_buf_add
 * may append part of the buffer itself; the formatted appenders may not
 * take the buffer's own text as an argument.
 */
int tz_buf_add(struct tz_buf *b, const void *data, size_t len);
int tz_buf_adds(struct tz_buf *b, const char *s);
int tz_buf_addch(struct tz_buf *b, int c);
int tz_buf_addf(struct tz_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int tz_buf_vaddf(struct tz_buf *b, const char *fmt, va_list ap);

/* Append a decimal integer (without printf: reports write millions). */
int tz_buf_add_int(struct tz_buf *b, int64_t v);

/*
 * Write v in decimal into buf (at least 21 bytes) without a NUL; returns
 * the length.
 */
size_t tz_fmt_int(char *buf, int64_t v);

/* Append a Unicode code point as UTF-8. */
int tz_buf_add_utf8(struct tz_buf *b, unsigned cp);

/*
 * Take the contents as a malloc'd string (the caller frees) and leave the
 * buffer empty. `len` may be NULL.
 */
char *tz_buf_detach(struct tz_buf *b, size_t *len);

/* Remove ASCII whitespace from both ends. */
void tz_buf_trim(struct tz_buf *b);

#endif
