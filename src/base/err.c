/* err.c: filling in struct tz_err. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/banned.h"

void tz_err_clear(struct tz_err *err)
{
	if (!err)
		return;
	err->code = 0;
	err->msg[0] = '\0';
	err->file[0] = '\0';
	err->line = 0;
	err->field[0] = '\0';
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int err_vset(struct tz_err *err, int code, const char *file, long line,
		    const char *field, const char *fmt, va_list ap)
{
	if (!err)
		return code;
	err->code = code;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	copy_str(err->file, sizeof(err->file), file);
	err->line = line;
	copy_str(err->field, sizeof(err->field), field);
	return code;
}

int tz_err_set(struct tz_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(err, code, NULL, 0, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int tz_err_set_at(struct tz_err *err, int code, const char *file, long line,
		  const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(err, code, file, line, field, fmt, ap);
	va_end(ap);
	return code;
}

void tz_err_locate(struct tz_err *err, const char *file, long line)
{
	if (!err)
		return;
	if (file)
		copy_str(err->file, sizeof(err->file), file);
	if (line)
		err->line = line;
}

const char *tz_errc_name(int code)
{
	switch (code) {
	case TZ_OK: return "OK";
	case TZ_EINVAL: return "EINVAL";
	case TZ_EIO: return "EIO";
	case TZ_ENOTFOUND: return "ENOTFOUND";
	case TZ_EEXIST: return "EEXIST";
	case TZ_ETOOBIG: return "ETOOBIG";
	case TZ_EENCODING: return "EENCODING";
	case TZ_ESTORE: return "ESTORE";
	case TZ_EREJECTED: return "EREJECTED";
	case TZ_EUSAGE: return "EUSAGE";
	case TZ_EINTERNAL: return "EINTERNAL";
	}
	return "EUNKNOWN";
}
