/*
 * json.h: the one JSON writer (after git's json-writer).
 *
 * Output is appended to a tz_buf; when a FILE is attached the buffer is
 * flushed to it as it fills, so a large report streams in constant memory.
 * The writer tracks nesting and commas; callers only say what comes next.
 * Strings are escaped here (control characters, quotes, backslash, and
 * U+2028/U+2029); UTF-8 passes through unchanged.
 */
#ifndef TZ_JSON_H
#define TZ_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "base/buf.h"

#define TZ_JSON_MAX_DEPTH 32

enum tz_json_flags {
	TZ_JSON_PRETTY = 1 << 0,  /* newline and indent two spaces per level */
	/* The FILE is a regular file the caller will fsync: start writing it
	 * back to disk every megabyte, so the fsync waits for less. */
	TZ_JSON_WRITEBACK = 1 << 1,
};

struct tz_json {
	struct tz_buf out;
	FILE *fp;            /* NULL: keep everything in `out` */
	int flags;
	int depth;
	int error;           /* first TZ_E* met; sticky */
	unsigned char count[TZ_JSON_MAX_DEPTH]; /* items so far, capped at 2 */
	char close[TZ_JSON_MAX_DEPTH];
	int after_key;
	size_t unsynced;     /* bytes written since the last writeback */
};

/* Start writing. `fp` may be NULL to collect the text in j->out. */
void tz_json_init(struct tz_json *j, FILE *fp, int flags);

/* Flush to the FILE if any, release memory. Returns 0 or the first error
 * (TZ_ETOOBIG, TZ_EIO, TZ_EINVAL for unbalanced nesting or a key or
 * value where JSON allows none). */
int tz_json_finish(struct tz_json *j);

/* Release without flushing (after an error). */
void tz_json_release(struct tz_json *j);

void tz_json_object_begin(struct tz_json *j);
void tz_json_object_end(struct tz_json *j);
void tz_json_array_begin(struct tz_json *j);
void tz_json_array_end(struct tz_json *j);

/* Inside an object: the next member's key. */
void tz_json_key(struct tz_json *j, const char *key);

void tz_json_str(struct tz_json *j, const char *s);
void tz_json_strn(struct tz_json *j, const char *s, size_t len);
void tz_json_int(struct tz_json *j, int64_t v);
void tz_json_bool(struct tz_json *j, int v);
void tz_json_null(struct tz_json *j);
/* A number already formatted by the caller ("0.8757"); written as is. */
void tz_json_number(struct tz_json *j, const char *formatted);

/* key + value shorthands. tz_json_kv_str writes null for a NULL value. */
void tz_json_kv_str(struct tz_json *j, const char *key, const char *s);
void tz_json_kv_int(struct tz_json *j, const char *key, int64_t v);
void tz_json_kv_bool(struct tz_json *j, const char *key, int v);
void tz_json_kv_number(struct tz_json *j, const char *key, const char *formatted);

/*
 * `count` items of the current array, formatted by the caller as valid
 * JSON and joined by commas (no leading or trailing comma), written as
 * they are after the separator the next item needs; nothing when count
 * is 0. For long lists formatted apart (report/json.c's lagging list),
 * without the per-member bookkeeping. Not for pretty output (the text is
 * not indented).
 */
void tz_json_raw_items(struct tz_json *j, const char *text, size_t len, size_t count);

/* 1 when s[0..len) goes between quotes as it is (no escape needed). */
int tz_json_plain(const char *s, size_t len);

/* Append `s` as a quoted JSON string to any buffer. */
int tz_json_quote(struct tz_buf *out, const char *s, size_t len);

#endif
