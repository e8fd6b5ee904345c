/*
 * err.h: errors are an int plus a caller's struct tz_err.
 *
 * A function that can fail returns 0 or a negative enum tz_errc and, when
 * given a non-NULL struct tz_err, fills in a message (in Chinese, since it
 * is shown to users) and, where it knows them, the file, line and field the
 * error is about. There is no error state in statics.
 */
#ifndef TZ_ERR_H
#define TZ_ERR_H

enum tz_errc {
	TZ_OK = 0,
	TZ_EINVAL = -1,     /* bad input: a value, a row, an argument */
	TZ_EIO = -2,        /* reading or writing a file failed */
	TZ_ENOTFOUND = -3,  /* a named thing does not exist */
	TZ_EEXIST = -4,     /* a thing that must be unique already exists */
	TZ_ETOOBIG = -5,    /* input exceeds a limit from base/limits.h */
	TZ_EENCODING = -6,  /* text is not in an encoding we can read */
	TZ_ESTORE = -7,     /* the database failed */
	TZ_EREJECTED = -8,  /* an import rejected rows; nothing was written */
	TZ_EUSAGE = -9,     /* a command was called wrongly */
	TZ_EINTERNAL = -10, /* a bug: an invariant did not hold */
};

struct tz_err {
	int code;
	char msg[512];
	char file[256];  /* "" when not about a file */
	long line;       /* 0 when not about a line */
	char field[64];  /* "" when not about a field */
};

/* Reset to "no error". */
void tz_err_clear(struct tz_err *err);

/*
 * Record an error and return `code`, so that callers can write
 * `return tz_err_set(err, TZ_EINVAL, "...")`. `err` may be NULL, in which
 * case only the code is returned. The message is truncated to fit.
 * A message is one line: a control character in it (a cell's line break
 * quoted in the message) is written \xHH, e.g. "1000\x0A300" (audit 9
 * R20).
 */
int tz_err_set(struct tz_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Like tz_err_set, also naming the file, line and field (NULL/0 = none). */
int tz_err_set_at(struct tz_err *err, int code, const char *file, long line,
		  const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Attach a file and line to an error already set (keeps the message). */
void tz_err_locate(struct tz_err *err, const char *file, long line);

/*
 * What a system error number means, in Chinese, for users ("文件不存在"
 * for ENOENT); never the C library's English. Returns a static string.
 */
const char *tz_errno_text(int e);

/* A short English name for a code, for logs: "EINVAL". */
const char *tz_errc_name(int code);

#endif
