/* html.c: HTML escaping helpers; see html.h for the rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "base/err.h"
#include "base/html.h"
#include "base/text.h"
#include "base/banned.h"

/* The entity for an ASCII byte, or NULL if it stands for itself. */
static const char *entity(unsigned char c, int attr)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '\n': return attr ? "&#10;" : NULL;
	case '\t': return NULL;
	default: return c < 0x20 || c == 0x7f ? "" : NULL;
	}
}

static int escape(struct tz_buf *b, const char *s, int attr)
{
	const char *p, *end, *run;
	int rc = 0;

	if (!s)
		return 0;
	end = s + strlen(s);
	for (p = run = s; p < end && !rc;) {
		const char *q = p;
		int32_t cp = tz_utf8_next(&p, end);
		const char *ent = cp >= 0 && cp < 0x80 ? entity((unsigned char)cp, attr) : NULL;

		if (cp >= 0 && !ent)
			continue;  /* part of the run copied as is */
		rc = tz_buf_add(b, run, (size_t)(q - run));
		if (!rc)
			rc = cp < 0 ? tz_buf_add_utf8(b, 0xFFFD) : tz_buf_adds(b, ent);
		run = p;
	}
	if (!rc)
		rc = tz_buf_add(b, run, (size_t)(end - run));
	return rc;
}

int tz_html_txt(struct tz_buf *b, const char *s)
{
	return escape(b, s, 0);
}

int tz_html_attr(struct tz_buf *b, const char *s)
{
	return escape(b, s, 1);
}

int tz_html_url_arg(struct tz_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	int rc = 0;

	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && !rc; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_.~", *p)) {
			rc = tz_buf_addch(b, *p);
		} else {
			char enc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			rc = tz_buf_add(b, enc, 3);
		}
	}
	return rc;
}

int tz_html_raw(struct tz_buf *b, const char *s)
{
	return tz_buf_adds(b, s ? s : "");
}

/* ------------------------------------------------------------------ */
/* tz_html_f                                                           */

/*
 * Copy one conversion specification starting at fmt ('%') into spec and
 * return its length, or 0 if it is one we do not support.
 */
static size_t spec_len(const char *fmt, char spec[32])
{
	size_t n = 1;

	while (fmt[n] && strchr("-+ #0", fmt[n]))
		n++;
	while (fmt[n] >= '0' && fmt[n] <= '9')
		n++;
	if (fmt[n] == '.')
		for (n++; fmt[n] >= '0' && fmt[n] <= '9'; n++)
			;
	while (fmt[n] && strchr("hlzjt", fmt[n]))
		n++;
	if (!fmt[n] || !strchr("diuxXcsfeg%", fmt[n]) || n + 2 > 32)
		return 0;
	memcpy(spec, fmt, n + 1);
	spec[n + 1] = '\0';
	return n + 1;
}

/* Format one integer argument according to its length modifier. */
static int add_int(struct tz_buf *b, const char *spec, size_t len, va_list *ap)
{
	int is_signed = strchr("di", spec[len - 1]) != NULL;
	const char *mod = spec + strcspn(spec, "hlzjt");
	size_t mlen = len - 1 - (size_t)(mod - spec);

	if (mlen == 2 && mod[0] == 'l')
		return is_signed ? tz_buf_addf(b, spec, va_arg(*ap, long long))
				 : tz_buf_addf(b, spec, va_arg(*ap, unsigned long long));
	if (mlen == 1 && mod[0] == 'l')
		return is_signed ? tz_buf_addf(b, spec, va_arg(*ap, long))
				 : tz_buf_addf(b, spec, va_arg(*ap, unsigned long));
	if (mlen == 1 && mod[0] == 'z')
		return is_signed ? tz_buf_addf(b, spec, va_arg(*ap, ssize_t))
				 : tz_buf_addf(b, spec, va_arg(*ap, size_t));
	if (mlen == 1 && mod[0] == 'j')
		return is_signed ? tz_buf_addf(b, spec, va_arg(*ap, intmax_t))
				 : tz_buf_addf(b, spec, va_arg(*ap, uintmax_t));
	if (mlen == 1 && mod[0] == 't')
		return tz_buf_addf(b, spec, va_arg(*ap, ptrdiff_t));
	/* none, h, hh: promoted to int */
	return is_signed ? tz_buf_addf(b, spec, va_arg(*ap, int))
			 : tz_buf_addf(b, spec, va_arg(*ap, unsigned));
}

static int add_one(struct tz_buf *b, const char *spec, size_t len, va_list *ap)
{
	switch (spec[len - 1]) {
	case '%':
		return tz_buf_addch(b, '%');
	case 's':
		/* Width and precision would count bytes of the unescaped
		 * text; they are ignored rather than cut a character. */
		return tz_html_txt(b, va_arg(*ap, const char *));
	case 'c': {
		char s[2] = { (char)va_arg(*ap, int), '\0' };
		return tz_html_txt(b, s);
	}
	case 'f': case 'e': case 'g':
		return tz_buf_addf(b, spec, va_arg(*ap, double));
	default:
		return add_int(b, spec, len, ap);
	}
}

static int html_vf(struct tz_buf *b, const char *fmt, va_list *ap)
{
	const char *p = fmt;
	char spec[32];
	int rc = 0;

	while (*p && !rc) {
		const char *pct = strchr(p, '%');
		size_t n;

		if (!pct)
			return tz_buf_adds(b, p);
		if ((rc = tz_buf_add(b, p, (size_t)(pct - p))))
			break;
		n = spec_len(pct, spec);
		if (!n)  /* unsupported: a bug in the caller, shown not hidden */
			return tz_buf_adds(b, "[bad format]") ? TZ_ETOOBIG : TZ_EINTERNAL;
		rc = add_one(b, spec, n, ap);
		p = pct + n;
	}
	return rc;
}

int tz_html_vf(struct tz_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int rc;

	va_copy(cp, ap);
	rc = html_vf(b, fmt, &cp);
	va_end(cp);
	return rc;
}

int tz_html_f(struct tz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = html_vf(b, fmt, &ap);
	va_end(ap);
	return rc;
}
