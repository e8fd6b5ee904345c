/* json.c: streaming JSON writer with escaping. */
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/err.h"
#include "base/json.h"
#include "base/banned.h"

#define FLUSH_AT (64u * 1024)

void tz_json_init(struct tz_json *j, FILE *fp, int flags)
{
	memset(j, 0, sizeof(*j));
	tz_buf_init(&j->out, TZ_LIMIT_OUTPUT);
	j->fp = fp;
	j->flags = flags;
}

#define WRITEBACK_EVERY (1u << 20)

/* Bytes n just went to the FILE: with TZ_JSON_WRITEBACK, have the kernel
 * start writing each megabyte to disk now (sync_file_range does not wait),
 * so that the caller's fsync at the end finds little left to write. */
static void wrote(struct tz_json *j, size_t n)
{
	j->unsynced += n;
	if (!(j->flags & TZ_JSON_WRITEBACK) || j->unsynced < WRITEBACK_EVERY)
		return;
	j->unsynced = 0;
	if (fflush(j->fp) && !j->error)
		j->error = TZ_EIO;
#ifdef SYNC_FILE_RANGE_WRITE
	sync_file_range(fileno(j->fp), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

static void flush(struct tz_json *j)
{
	if (!j->fp || !j->out.len)
		return;
	if (fwrite(j->out.buf, 1, j->out.len, j->fp) != j->out.len && !j->error)
		j->error = TZ_EIO;
	wrote(j, j->out.len);
	tz_buf_reset(&j->out);
}

static void put(struct tz_json *j, const char *s, size_t len)
{
	struct tz_buf *b = &j->out;

	/* The common case: room enough, a plain copy. */
	if (b->alloc && b->alloc - b->len > len) {
		memcpy(b->buf + b->len, s, len);
		b->len += len;
		b->buf[b->len] = '\0';
	} else if (tz_buf_add(b, s, len) && !j->error) {
		j->error = TZ_ETOOBIG;
	}
	if (b->len >= FLUSH_AT)
		flush(j);
}

static void puts_(struct tz_json *j, const char *s)
{
	put(j, s, strlen(s));
}

static void newline(struct tz_json *j)
{
	if (!(j->flags & TZ_JSON_PRETTY))
		return;
	put(j, "\n", 1);
	for (int i = 0; i < j->depth; i++)
		put(j, "  ", 2);
}

static void misuse(struct tz_json *j)
{
	if (!j->error)
		j->error = TZ_EINVAL;
}

static int in_object(const struct tz_json *j)
{
	return j->depth > 0 && j->close[j->depth - 1] == '}';
}

/* Write what separates the previous item (value or member) from the next. */
static void separate(struct tz_json *j)
{
	if (j->depth > 0) {
		if (j->count[j->depth - 1])
			put(j, ",", 1);
		if (j->count[j->depth - 1] < 2)
			j->count[j->depth - 1]++;
		newline(j);
	}
}

/* Before a value: after its key in an object, else as an item. */
static void before_value(struct tz_json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	/* A member without a key would be invalid JSON. */
	if (in_object(j))
		misuse(j);
	separate(j);
}

static void open_(struct tz_json *j, char open, char close)
{
	before_value(j);
	put(j, &open, 1);
	if (j->depth >= TZ_JSON_MAX_DEPTH) {
		if (!j->error)
			j->error = TZ_ETOOBIG;
		return;
	}
	j->close[j->depth] = close;
	j->count[j->depth] = 0;
	j->depth++;
}

static void close_(struct tz_json *j, char close)
{
	int had;

	if (j->depth <= 0 || j->close[j->depth - 1] != close) {
		misuse(j);
		return;
	}
	/* A key left without its value ({"a":}). */
	if (j->after_key) {
		misuse(j);
		j->after_key = 0;
	}
	had = j->count[j->depth - 1];
	j->depth--;
	if (had)
		newline(j);
	put(j, &close, 1);
}

void tz_json_object_begin(struct tz_json *j) { open_(j, '{', '}'); }
void tz_json_object_end(struct tz_json *j) { close_(j, '}'); }
void tz_json_array_begin(struct tz_json *j) { open_(j, '[', ']'); }
void tz_json_array_end(struct tz_json *j) { close_(j, ']'); }

/* Length of the prefix of s that JSON can take as it is. Sixteen bytes
 * at a time with SSE2 (every x86-64 has it), else eight with special();
 * the last few padded with spaces, which JSON takes. */
#ifdef __SSE2__
static unsigned special16(const unsigned char *p)
{
	__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
	/* w < 0x20 unsigned: min(w, 0x1f) == w */
	__m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(w, _mm_set1_epi8(0x1f)), w);
	__m128i hit = _mm_or_si128(
		_mm_or_si128(ctl, _mm_cmpeq_epi8(w, _mm_set1_epi8('"'))),
		_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('\\')),
			     _mm_cmpeq_epi8(w, _mm_set1_epi8((char)0xE2))));

	return (unsigned)_mm_movemask_epi8(hit);
}

static size_t plain_run(const unsigned char *s, size_t len)
{
	unsigned char pad[16];
	size_t i = 0;
	unsigned hit;

	for (; i + 16 <= len; i += 16)
		if ((hit = special16(s + i)))
			return i + (size_t)__builtin_ctz(hit);
	if (i == len)
		return len;
	memset(pad, ' ', sizeof(pad));
	memcpy(pad, s + i, len - i);
	hit = special16(pad);
	return hit ? i + (size_t)__builtin_ctz(hit) : len;
}
#else
/*
 * The bytes of the 8 in `w` that JSON cannot take as they are: a control
 * byte, '"', '\\' or 0xE2 (which may start U+2028/U+2029), each flagged
 * by its high bit. The lowest flag is exact; those above it may be false
 * (a borrow), so only the first is used.
 */
static inline uint64_t special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\'), e2 = w ^ (ones * 0xE2);

	return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash) |
		((e2 - ones) & ~e2)) & high;
}

static size_t plain_run(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint64_t w, hit = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		if ((hit = special(w)))
			break;
	}
	if (!hit && i < len) {
		w = 0x2020202020202020ULL;
		memcpy(&w, s + i, len - i);
		hit = special(w);
	}
	if (!hit)
		return len;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return i + (size_t)__builtin_ctzll(hit) / 8;
#else
	while (s[i] >= 0x20 && s[i] != '"' && s[i] != '\\' && s[i] != 0xE2)
		i++;
	return i;
#endif
}
#endif

int tz_json_plain(const char *s, size_t len)
{
	return plain_run((const unsigned char *)s, len) == len;
}

int tz_json_quote(struct tz_buf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	size_t start = out->len;
	int rc;

	if ((rc = tz_buf_grow(out, len + 2)))
		return rc;
	/* Most strings need no escape at all: one copy between quotes. */
	if (plain_run(p, len) == len) {
		char *d = out->buf + out->len;

		d[0] = '"';
		memcpy(d + 1, s, len);
		d[len + 1] = '"';
		d[len + 2] = '\0';
		out->len += len + 2;
		return 0;
	}
	out->buf[out->len++] = '"';
	while (p < end && !rc) {
		size_t run = plain_run(p, (size_t)(end - p));
		const char *esc = NULL;
		char hex[8];

		if (run) {
			rc = tz_buf_add(out, p, run);
			p += run;
			continue;
		}
		switch (*p) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (*p < 0x20) {
				snprintf(hex, sizeof(hex), "\\u%04x", *p);
				esc = hex;
			} else if (end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				/* U+2028/9 are valid JSON but end a JavaScript line. */
				esc = p[2] == 0xA8 ? "\\u2028" : "\\u2029";
				p += 2;
			}
		}
		if (esc)
			rc = tz_buf_adds(out, esc);
		else
			rc = tz_buf_addch(out, *p); /* a 0xE2 that starts something else */
		p++;
	}
	if (!rc)
		rc = tz_buf_addch(out, '"');
	/* Escapes can outgrow the cap midway: leave the buffer as it was
	 * (and terminated, which the bare '"' above is not). */
	if (rc)
		tz_buf_setlen(out, start);
	return rc;
}

void tz_json_key(struct tz_json *j, const char *key)
{
	/* Keys belong in objects, one per value. */
	if (!in_object(j) || j->after_key)
		misuse(j);
	j->after_key = 0;
	separate(j);
	if (tz_json_quote(&j->out, key, strlen(key)) && !j->error)
		j->error = TZ_ETOOBIG;
	if (j->flags & TZ_JSON_PRETTY)
		put(j, ": ", 2);
	else
		put(j, ":", 1);
	j->after_key = 1;
}

void tz_json_strn(struct tz_json *j, const char *s, size_t len)
{
	before_value(j);
	if (tz_json_quote(&j->out, s, len) && !j->error)
		j->error = TZ_ETOOBIG;
	if (j->out.len >= FLUSH_AT)
		flush(j);
}

void tz_json_str(struct tz_json *j, const char *s)
{
	if (!s) {
		tz_json_null(j);
		return;
	}
	tz_json_strn(j, s, strlen(s));
}

void tz_json_int(struct tz_json *j, int64_t v)
{
	char num[24];

	before_value(j);
	put(j, num, tz_fmt_int(num, v));
}

void tz_json_bool(struct tz_json *j, int v)
{
	before_value(j);
	puts_(j, v ? "true" : "false");
}

void tz_json_null(struct tz_json *j)
{
	before_value(j);
	puts_(j, "null");
}

void tz_json_number(struct tz_json *j, const char *formatted)
{
	before_value(j);
	puts_(j, formatted);
}

/*
 * A member "key":value in one reservation and one pass: the common case
 * of a report (hundreds of thousands of members), where neither the key
 * nor a string value needs escaping and the output is not pretty. 0 when
 * written; -1 when the caller must take the general path (which also
 * reports misuse).
 */
static int member(struct tz_json *j, const char *key, const char *v, size_t vlen, int quoted)
{
	size_t n = strlen(key);
	unsigned char *count;
	char *d;

	if ((j->flags & TZ_JSON_PRETTY) || !in_object(j) || j->after_key ||
	    tz_buf_grow(&j->out, n + vlen + 6) || plain_run((const unsigned char *)key, n) != n ||
	    (quoted && plain_run((const unsigned char *)v, vlen) != vlen))
		return -1;
	count = &j->count[j->depth - 1];
	d = j->out.buf + j->out.len;
	if (*count)
		*d++ = ',';
	if (*count < 2)
		++*count;
	*d++ = '"';
	memcpy(d, key, n);
	d += n;
	*d++ = '"';
	*d++ = ':';
	if (quoted)
		*d++ = '"';
	memcpy(d, v, vlen);
	d += vlen;
	if (quoted)
		*d++ = '"';
	*d = '\0';
	j->out.len = (size_t)(d - j->out.buf);
	if (j->out.len >= FLUSH_AT)
		flush(j);
	return 0;
}

void tz_json_kv_str(struct tz_json *j, const char *key, const char *s)
{
	if (s && !member(j, key, s, strlen(s), 1))
		return;
	tz_json_key(j, key);
	tz_json_str(j, s);
}

void tz_json_kv_int(struct tz_json *j, const char *key, int64_t v)
{
	char num[24];

	if (!member(j, key, num, tz_fmt_int(num, v), 0))
		return;
	tz_json_key(j, key);
	tz_json_int(j, v);
}

void tz_json_kv_bool(struct tz_json *j, const char *key, int v)
{
	tz_json_key(j, key);
	tz_json_bool(j, v);
}

void tz_json_kv_number(struct tz_json *j, const char *key, const char *formatted)
{
	if (!member(j, key, formatted, strlen(formatted), 0))
		return;
	tz_json_key(j, key);
	tz_json_number(j, formatted);
}

void tz_json_raw_items(struct tz_json *j, const char *text, size_t len, size_t count)
{
	if (!count)
		return;
	before_value(j);
	if (count > 1 && j->depth > 0)
		j->count[j->depth - 1] = 2;
	if (!j->fp || len < FLUSH_AT) {
		put(j, text, len);
		return;
	}
	/* A long run goes straight to the file, not through the buffer. */
	flush(j);
	if (fwrite(text, 1, len, j->fp) != len && !j->error)
		j->error = TZ_EIO;
	wrote(j, len);
}

int tz_json_finish(struct tz_json *j)
{
	int rc;

	if (j->depth && !j->error)
		j->error = TZ_EINVAL;
	if (j->fp) {
		flush(j);
		if (fflush(j->fp) && !j->error)
			j->error = TZ_EIO;
		tz_buf_release(&j->out);
	}
	rc = j->error;
	return rc;
}

void tz_json_release(struct tz_json *j)
{
	tz_buf_release(&j->out);
}
