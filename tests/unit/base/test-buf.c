/*
 * test-buf.c: the capped string builder (base/buf.h): appenders, the size
 * cap, the never-NULL/always-terminated invariant and integer formatting.
 */
#include "tz-test.h"

#include <limits.h>

#include "base/buf.h"
#include "base/err.h"

/* The invariants every buffer holds after every call. */
static void check_invariants(const struct tz_buf *b)
{
	assert_non_null(b->buf);
	assert_int_equal(b->buf[b->len], '\0');
	assert_true(b->len <= b->max);
	if (b->alloc)
		assert_true(b->len < b->alloc);
	else
		assert_int_equal(b->len, 0);
}

static void expect_contents(const struct tz_buf *b, const char *want, size_t len)
{
	check_invariants(b);
	assert_int_equal(b->len, len);
	assert_memory_equal(b->buf, want, len);
}

static void test_init_is_empty_and_never_null(void **state)
{
	struct tz_buf a = TZ_BUF_INIT, b;

	(void)state;
	check_invariants(&a);
	assert_string_equal(a.buf, "");
	assert_int_equal(a.max, TZ_LIMIT_DEFAULT);
	tz_buf_init(&b, 0);
	check_invariants(&b);
	assert_int_equal(b.max, TZ_LIMIT_DEFAULT);
	tz_buf_init(&b, 10);
	assert_int_equal(b.max, 10);
	/* Empty buffers need no release, but release is harmless. */
	tz_buf_release(&b);
	check_invariants(&b);
	tz_buf_reset(&a);
	tz_buf_setlen(&a, 0);
	tz_buf_trim(&a);
	check_invariants(&a);
	assert_int_equal(tz_buf_add(&a, "", 0), 0);
	assert_int_equal(tz_buf_adds(&a, ""), 0);
	expect_contents(&a, "", 0);
	tz_buf_release(&a);
}

static void test_add_adds_addch(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_add(&b, "abc", 3), 0);
	expect_contents(&b, "abc", 3);
	assert_int_equal(tz_buf_adds(&b, "项目"), 0);
	assert_string_equal(b.buf, "abc项目");
	assert_int_equal(tz_buf_addch(&b, '!'), 0);
	assert_string_equal(b.buf, "abc项目!");
	/* Binary data with NUL bytes is kept; len counts them. */
	assert_int_equal(tz_buf_add(&b, "x\0y", 3), 0);
	expect_contents(&b, "abc项目!x\0y", 13);
	assert_int_equal(tz_buf_addch(&b, 0), 0);
	assert_int_equal(b.len, 14);
	assert_int_equal(tz_buf_addch(&b, 0xE4), 0);
	assert_int_equal((unsigned char)b.buf[14], 0xE4);
	check_invariants(&b);
	tz_buf_release(&b);
}

static void test_add_from_itself(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	/* Doubling forces growth, which may move the memory being read. */
	assert_int_equal(tz_buf_adds(&b, "项目"), 0);
	for (int i = 0; i < 12; i++)
		assert_int_equal(tz_buf_add(&b, b.buf, b.len), 0);
	assert_int_equal(b.len, 6u << 12);
	for (size_t i = 0; i < b.len; i += 6)
		assert_memory_equal(b.buf + i, "项目", 6);
	check_invariants(&b);
	/* A tail of itself, and adds of its own string. */
	tz_buf_reset(&b);
	assert_int_equal(tz_buf_adds(&b, "abcdef"), 0);
	assert_int_equal(tz_buf_add(&b, b.buf + 3, 3), 0);
	assert_string_equal(b.buf, "abcdefdef");
	assert_int_equal(tz_buf_adds(&b, b.buf), 0);
	assert_string_equal(b.buf, "abcdefdefabcdefdef");
	tz_buf_release(&b);
}

static void test_many_small_appends_grow(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;
	char want[100001];

	(void)state;
	for (size_t i = 0; i < 100000; i++) {
		want[i] = (char)('a' + i % 26);
		assert_int_equal(tz_buf_addch(&b, want[i]), 0);
	}
	want[100000] = '\0';
	expect_contents(&b, want, 100000);
	assert_string_equal(b.buf, want);
	tz_buf_release(&b);
}

static void test_addf_short_and_long(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;
	char big[1000];

	(void)state;
	assert_int_equal(tz_buf_addf(&b, "%d-%02d %s", 2025, 3, "调度"), 0);
	assert_string_equal(b.buf, "2025-03 调度");
	check_invariants(&b);

	/* Longer than the 256-byte stack fast path, appended to content. */
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tz_buf_reset(&b);
	assert_int_equal(tz_buf_adds(&b, "<"), 0);
	assert_int_equal(tz_buf_addf(&b, "%s|%d", big, 42), 0);
	assert_int_equal(b.len, 1 + 999 + 3);
	assert_int_equal(b.buf[0], '<');
	assert_memory_equal(b.buf + 1, big, 999);
	assert_string_equal(b.buf + 1000, "|42");
	check_invariants(&b);

	/* Around the fast path's edge: 255, 256 and 257 bytes. */
	for (int n = 254; n <= 258; n++) {
		tz_buf_reset(&b);
		assert_int_equal(tz_buf_addf(&b, "%.*s", n, big), 0);
		assert_int_equal(b.len, (size_t)n);
		assert_memory_equal(b.buf, big, (size_t)n);
		check_invariants(&b);
	}
	/* An empty format appends nothing. */
	tz_buf_reset(&b);
	assert_int_equal(tz_buf_addf(&b, "%s", ""), 0);
	expect_contents(&b, "", 0);
	tz_buf_release(&b);
}

static int call_vaddf(struct tz_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = tz_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

static void test_vaddf(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;
	char big[600];

	(void)state;
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(call_vaddf(&b, "%s=%lld", "n", (long long)-7), 0);
	assert_string_equal(b.buf, "n=-7");
	assert_int_equal(call_vaddf(&b, "[%s]", big), 0);
	assert_int_equal(b.len, 4 + 2 + 599);
	assert_int_equal(b.buf[b.len - 1], ']');
	check_invariants(&b);
	tz_buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* The size cap                                                        */

static void test_cap_exact_fit_then_toobig(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 10);
	assert_int_equal(tz_buf_add(&b, "0123456789", 10), 0);
	expect_contents(&b, "0123456789", 10);
	assert_int_equal(tz_buf_addch(&b, 'x'), TZ_ETOOBIG);
	expect_contents(&b, "0123456789", 10);
	assert_int_equal(tz_buf_add(&b, "x", 1), TZ_ETOOBIG);
	assert_int_equal(tz_buf_adds(&b, "xy"), TZ_ETOOBIG);
	assert_int_equal(tz_buf_addf(&b, "%d", 1), TZ_ETOOBIG);
	assert_int_equal(tz_buf_add_int(&b, 5), TZ_ETOOBIG);
	assert_int_equal(tz_buf_add_utf8(&b, 'a'), TZ_ETOOBIG);
	assert_int_equal(tz_buf_grow(&b, 1), TZ_ETOOBIG);
	expect_contents(&b, "0123456789", 10);
	/* Appending nothing still succeeds at the cap. */
	assert_int_equal(tz_buf_add(&b, "x", 0), 0);
	assert_int_equal(tz_buf_grow(&b, 0), 0);
	/* After shrinking there is room again. */
	tz_buf_setlen(&b, 8);
	assert_int_equal(tz_buf_adds(&b, "ab"), 0);
	expect_contents(&b, "01234567ab", 10);
	tz_buf_release(&b);
	/* release keeps the cap. */
	assert_int_equal(b.max, 10);
}

static void test_cap_failure_leaves_buffer_unchanged(void **state)
{
	struct tz_buf b;
	char big[600];

	(void)state;
	memset(big, 'w', sizeof(big));
	tz_buf_init(&b, 300);
	assert_int_equal(tz_buf_adds(&b, "keep"), 0);

	/* An add that would cross the cap copies nothing. */
	assert_int_equal(tz_buf_add(&b, big, 297), TZ_ETOOBIG);
	expect_contents(&b, "keep", 4);
	/* Short formatted text (stack path) that does not fit. */
	tz_buf_setlen(&b, 4);
	assert_int_equal(tz_buf_add(&b, big, 290), 0);
	assert_int_equal(tz_buf_addf(&b, "%s", "0123456789"), TZ_ETOOBIG);
	assert_int_equal(b.len, 294);
	assert_memory_equal(b.buf, "keep", 4);
	check_invariants(&b);
	/* Long formatted text (heap path) that does not fit. */
	tz_buf_setlen(&b, 4);
	assert_int_equal(tz_buf_addf(&b, "%.*s", 297, big), TZ_ETOOBIG);
	expect_contents(&b, "keep", 4);
	assert_int_equal(tz_buf_addf(&b, "%.*s", 296, big), 0);
	assert_int_equal(b.len, 300);
	check_invariants(&b);
	/* A 4-byte character does not half-fit. */
	tz_buf_setlen(&b, 297);
	assert_int_equal(tz_buf_add_utf8(&b, 0x1F600), TZ_ETOOBIG);
	assert_int_equal(b.len, 297);
	check_invariants(&b);
	assert_int_equal(tz_buf_add_utf8(&b, 0x4E2D), 0);
	assert_int_equal(b.len, 300);
	/* A number does not half-fit either. */
	tz_buf_setlen(&b, 295);
	assert_int_equal(tz_buf_add_int(&b, -123456), TZ_ETOOBIG);
	assert_int_equal(b.len, 295);
	check_invariants(&b);
	/* Huge requests fail without overflowing the size arithmetic. */
	assert_int_equal(tz_buf_grow(&b, SIZE_MAX), TZ_ETOOBIG);
	assert_int_equal(tz_buf_grow(&b, SIZE_MAX - 100), TZ_ETOOBIG);
	assert_int_equal(b.len, 295);
	tz_buf_release(&b);
}

static void test_cap_on_an_empty_buffer(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 3);
	assert_int_equal(tz_buf_adds(&b, "abcd"), TZ_ETOOBIG);
	expect_contents(&b, "", 0);
	assert_ptr_equal(b.buf, tz_buf_empty);
	assert_int_equal(tz_buf_adds(&b, "abc"), 0);
	expect_contents(&b, "abc", 3);
	/* Growth never allocates beyond what the cap can use. */
	assert_true(b.alloc <= 4);
	tz_buf_release(&b);
}

static void test_grow_gives_room(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_grow(&b, 1000), 0);
	assert_true(b.alloc >= 1001);
	check_invariants(&b);
	/* Grow alone does not change the contents. */
	expect_contents(&b, "", 0);
	assert_int_equal(tz_buf_adds(&b, "x"), 0);
	assert_int_equal(tz_buf_grow(&b, 5000), 0);
	expect_contents(&b, "x", 1);
	assert_true(b.alloc >= 5002);
	tz_buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* reset, setlen, release, detach, trim                                */

static void test_reset_keeps_memory(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;
	char *mem;
	size_t alloc;

	(void)state;
	assert_int_equal(tz_buf_adds(&b, "hello"), 0);
	mem = b.buf;
	alloc = b.alloc;
	tz_buf_reset(&b);
	expect_contents(&b, "", 0);
	assert_ptr_equal(b.buf, mem);
	assert_int_equal(b.alloc, alloc);
	assert_string_equal(b.buf, "");
	tz_buf_release(&b);
}

static void test_setlen_truncates(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_adds(&b, "abcdef"), 0);
	tz_buf_setlen(&b, 3);
	expect_contents(&b, "abc", 3);
	assert_string_equal(b.buf, "abc");
	tz_buf_setlen(&b, 3);
	assert_string_equal(b.buf, "abc");
	/* Asking for more than len does not expose stale bytes. */
	tz_buf_setlen(&b, 6);
	expect_contents(&b, "abc", 3);
	tz_buf_setlen(&b, 0);
	expect_contents(&b, "", 0);
	tz_buf_release(&b);
}

static void test_release_leaves_reusable(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 100);
	assert_int_equal(tz_buf_adds(&b, "abc"), 0);
	tz_buf_release(&b);
	expect_contents(&b, "", 0);
	assert_int_equal(b.alloc, 0);
	assert_int_equal(b.max, 100);
	assert_int_equal(tz_buf_adds(&b, "again"), 0);
	assert_string_equal(b.buf, "again");
	tz_buf_release(&b);
	tz_buf_release(&b);
	check_invariants(&b);
}

static void test_detach(void **state)
{
	struct tz_buf b;
	char *s;
	size_t len = 99;

	(void)state;
	tz_buf_init(&b, 50);
	assert_int_equal(tz_buf_adds(&b, "项目编号"), 0);
	s = tz_buf_detach(&b, &len);
	assert_string_equal(s, "项目编号");
	assert_int_equal(len, strlen("项目编号"));
	expect_contents(&b, "", 0);
	assert_int_equal(b.max, 50);
	/* The buffer is usable and independent of the detached string. */
	assert_int_equal(tz_buf_adds(&b, "x"), 0);
	assert_string_equal(s, "项目编号");
	free(s);
	tz_buf_release(&b);

	/* Detaching an empty buffer gives a freeable "" too. */
	s = tz_buf_detach(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	assert_true(s != tz_buf_empty);
	free(s);
	s = tz_buf_detach(&b, NULL);
	free(s);
	check_invariants(&b);
}

static void expect_trim(const char *in, const char *want)
{
	struct tz_buf b = TZ_BUF_INIT;

	assert_int_equal(tz_buf_adds(&b, in), 0);
	tz_buf_trim(&b);
	expect_contents(&b, want, strlen(want));
	assert_string_equal(b.buf, want);
	tz_buf_release(&b);
}

static void test_trim(void **state)
{
	(void)state;
	expect_trim("", "");
	expect_trim("abc", "abc");
	expect_trim("  abc  ", "abc");
	expect_trim(" \t\r\n\f\vabc\v\f\n\r\t ", "abc");
	expect_trim("a b", "a b");
	expect_trim("  a  b  ", "a  b");
	expect_trim("     ", "");
	expect_trim("\n", "");
	expect_trim(" x", "x");
	expect_trim("x ", "x");
	/* Only ASCII white space: U+3000 stays (tz_text_trim handles it). */
	expect_trim(" \xE3\x80\x80项目\xE3\x80\x80 ", "\xE3\x80\x80项目\xE3\x80\x80");
}

/* ------------------------------------------------------------------ */
/* UTF-8 and integers                                                  */

static void test_add_utf8(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_add_utf8(&b, 'A'), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x7F), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x80), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0xA0), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x7FF), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x800), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x9879), 0);   /* 项 */
	assert_int_equal(tz_buf_add_utf8(&b, 0xFFFF), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x10000), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x1F600), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x10FFFF), 0);
	expect_contents(&b,
			"A\0\x7F" "\xC2\x80" "\xC2\xA0" "\xDF\xBF" "\xE0\xA0\x80" "项"
			"\xEF\xBF\xBF" "\xF0\x90\x80\x80" "\xF0\x9F\x98\x80" "\xF4\x8F\xBF\xBF",
			3 + 2 + 2 + 2 + 3 + 3 + 3 + 4 + 4 + 4);
	tz_buf_release(&b);
}

static void test_add_utf8_rejects_non_characters(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_adds(&b, "ok"), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0x110000), TZ_EINVAL);
	assert_int_equal(tz_buf_add_utf8(&b, UINT_MAX), TZ_EINVAL);
	/* Surrogates are not characters: their UTF-8 form is invalid. */
	assert_int_equal(tz_buf_add_utf8(&b, 0xD800), TZ_EINVAL);
	assert_int_equal(tz_buf_add_utf8(&b, 0xDBFF), TZ_EINVAL);
	assert_int_equal(tz_buf_add_utf8(&b, 0xDC00), TZ_EINVAL);
	assert_int_equal(tz_buf_add_utf8(&b, 0xDFFF), TZ_EINVAL);
	expect_contents(&b, "ok", 2);
	assert_int_equal(tz_buf_add_utf8(&b, 0xD7FF), 0);
	assert_int_equal(tz_buf_add_utf8(&b, 0xE000), 0);
	expect_contents(&b, "ok\xED\x9F\xBF\xEE\x80\x80", 8);
	tz_buf_release(&b);
}

static void expect_int(int64_t v, const char *want)
{
	char buf[32];
	struct tz_buf b = TZ_BUF_INIT;
	size_t n;

	memset(buf, '#', sizeof(buf));
	n = tz_fmt_int(buf, v);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, n);
	/* No NUL is written, and nothing past the digits is touched. */
	assert_int_equal(buf[n], '#');
	assert_true(n <= 21);

	assert_int_equal(tz_buf_adds(&b, "="), 0);
	assert_int_equal(tz_buf_add_int(&b, v), 0);
	assert_int_equal(b.len, 1 + strlen(want));
	assert_string_equal(b.buf + 1, want);
	tz_buf_release(&b);
}

static void test_fmt_int(void **state)
{
	(void)state;
	expect_int(0, "0");
	expect_int(1, "1");
	expect_int(-1, "-1");
	expect_int(9, "9");
	expect_int(10, "10");
	expect_int(-10, "-10");
	expect_int(1234567890, "1234567890");
	expect_int(-987654321012, "-987654321012");
	expect_int(INT32_MAX, "2147483647");
	expect_int(INT32_MIN, "-2147483648");
	expect_int(INT64_MAX, "9223372036854775807");
	expect_int(INT64_MIN, "-9223372036854775808");
	expect_int(INT64_MIN + 1, "-9223372036854775807");
}

static void test_fmt_int_matches_printf(void **state)
{
	char want[32], got[32];
	uint64_t x = 0x9E3779B97F4A7C15ULL;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		int64_t v;
		size_t n;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* Vary the magnitude as well as the bits. */
		v = (int64_t)(x >> (x % 64));
		if (x & 1)
			v = -v;
		snprintf(want, sizeof(want), "%lld", (long long)v);
		n = tz_fmt_int(got, v);
		got[n] = '\0';
		assert_string_equal(got, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty_and_never_null),
		cmocka_unit_test(test_add_adds_addch),
		cmocka_unit_test(test_add_from_itself),
		cmocka_unit_test(test_many_small_appends_grow),
		cmocka_unit_test(test_addf_short_and_long),
		cmocka_unit_test(test_vaddf),
		cmocka_unit_test(test_cap_exact_fit_then_toobig),
		cmocka_unit_test(test_cap_failure_leaves_buffer_unchanged),
		cmocka_unit_test(test_cap_on_an_empty_buffer),
		cmocka_unit_test(test_grow_gives_room),
		cmocka_unit_test(test_reset_keeps_memory),
		cmocka_unit_test(test_setlen_truncates),
		cmocka_unit_test(test_release_leaves_reusable),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_add_utf8),
		cmocka_unit_test(test_add_utf8_rejects_non_characters),
		cmocka_unit_test(test_fmt_int),
		cmocka_unit_test(test_fmt_int_matches_printf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
