/*
 * html.h: writing HTML that escapes by default (after cgit's html.h).
 *
 * Every string that reaches a page goes through one of these. Text and
 * attribute values are escaped; tz_html_f escapes every %s argument;
 * only tz_html_raw copies bytes as they are, and its name says so, so a
 * reviewer can grep for the places that trust their input.
 *
 * All append to a struct tz_buf and return 0 or TZ_ETOOBIG (the buffer's
 * cap was reached; what was appended so far stays).
 */
#ifndef TZ_HTML_H
#define TZ_HTML_H

#include <stdarg.h>

#include "base/buf.h"

/*
 * Append `s` as element text: & < > " ' become entities; bytes that are
 * not valid UTF-8 become U+FFFD and control characters other than tab and
 * newline are dropped, so the page stays well-formed whatever `s` holds.
 * NULL appends nothing.
 */
int tz_html_txt(struct tz_buf *b, const char *s);

/* The same for a value inside a double-quoted attribute ("&quot;", and
 * newlines as "&#10;"). */
int tz_html_attr(struct tz_buf *b, const char *s);

/*
 * Append `s` percent-encoded for a URL query value: everything except
 * A-Z a-z 0-9 - _ . ~ becomes %XX (UTF-8 bytes). The result is safe in an
 * attribute as well.
 */
int tz_html_url_arg(struct tz_buf *b, const char *s);

/*
 * printf into the page with every %s argument escaped as by tz_html_txt
 * (which is also right for a double-quoted attribute). Supports the
 * conversions d i u x X c s f e g % with flags, width, precision and the
 * length modifiers hh h l ll z j t; "*" widths are not supported.
 */
int tz_html_f(struct tz_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tz_html_vf(struct tz_buf *b, const char *fmt, va_list ap);

/* Append `s` unescaped: markup this program wrote itself. NULL is "". */
int tz_html_raw(struct tz_buf *b, const char *s);

#endif
