/*
 * test-json.c: the JSON writer (base/json.h): exact output, commas and
 * nesting, pretty printing, string escaping against a reference escaper,
 * errors, and streaming to a FILE.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "base/err.h"
#include "base/json.h"

/* Finish an in-memory writer and compare its text. */
static void expect_json(struct tz_json *j, const char *want)
{
	assert_int_equal(tz_json_finish(j), 0);
	if (strcmp(j->out.buf, want))
		fail_msg("got  %s\nwant %s", j->out.buf, want);
	assert_int_equal(j->out.len, strlen(want));
	tz_json_release(j);
}

/* A little document using every kind of value. */
static void write_sample(struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_kv_str(j, "period", "2025-12");
	tz_json_kv_int(j, "year", 2025);
	tz_json_kv_number(j, "schedule", "1.0");
	tz_json_key(j, "groups");
	tz_json_array_begin(j);
	tz_json_object_begin(j);
	tz_json_kv_str(j, "key", "鲅鱼圈区");
	tz_json_kv_bool(j, "below_average", 0);
	tz_json_kv_str(j, "note", NULL);
	tz_json_object_end(j);
	tz_json_object_begin(j);
	tz_json_object_end(j);
	tz_json_array_end(j);
	tz_json_key(j, "empty");
	tz_json_array_begin(j);
	tz_json_array_end(j);
	tz_json_key(j, "mixed");
	tz_json_array_begin(j);
	tz_json_int(j, -1);
	tz_json_bool(j, 1);
	tz_json_null(j);
	tz_json_str(j, "s");
	tz_json_number(j, "0.8757");
	tz_json_array_begin(j);
	tz_json_array_begin(j);
	tz_json_array_end(j);
	tz_json_int(j, 0);
	tz_json_array_end(j);
	tz_json_array_end(j);
	tz_json_object_end(j);
}

static void test_compact_nested(void **state)
{
	struct tz_json j;

	(void)state;
	tz_json_init(&j, NULL, 0);
	write_sample(&j);
	expect_json(&j,
		    "{\"period\":\"2025-12\",\"year\":2025,\"schedule\":1.0,"
		    "\"groups\":[{\"key\":\"鲅鱼圈区\",\"below_average\":false,\"note\":null},{}],"
		    "\"empty\":[],"
		    "\"mixed\":[-1,true,null,\"s\",0.8757,[[],0]]}");
}

static void test_pretty_nested(void **state)
{
	struct tz_json j;

	(void)state;
	tz_json_init(&j, NULL, TZ_JSON_PRETTY);
	write_sample(&j);
	expect_json(&j,
		    "{\n"
		    "  \"period\": \"2025-12\",\n"
		    "  \"year\": 2025,\n"
		    "  \"schedule\": 1.0,\n"
		    "  \"groups\": [\n"
		    "    {\n"
		    "      \"key\": \"鲅鱼圈区\",\n"
		    "      \"below_average\": false,\n"
		    "      \"note\": null\n"
		    "    },\n"
		    "    {}\n"
		    "  ],\n"
		    "  \"empty\": [],\n"
		    "  \"mixed\": [\n"
		    "    -1,\n"
		    "    true,\n"
		    "    null,\n"
		    "    \"s\",\n"
		    "    0.8757,\n"
		    "    [\n"
		    "      [],\n"
		    "      0\n"
		    "    ]\n"
		    "  ]\n"
		    "}");
}

static void test_top_level_values(void **state)
{
	struct tz_json j;

	(void)state;
	tz_json_init(&j, NULL, 0);
	tz_json_array_begin(&j);
	tz_json_array_end(&j);
	expect_json(&j, "[]");
	tz_json_init(&j, NULL, TZ_JSON_PRETTY);
	tz_json_object_begin(&j);
	tz_json_object_end(&j);
	expect_json(&j, "{}");
	tz_json_init(&j, NULL, 0);
	tz_json_str(&j, "x");
	expect_json(&j, "\"x\"");
	tz_json_init(&j, NULL, 0);
	tz_json_int(&j, INT64_MIN);
	expect_json(&j, "-9223372036854775808");
	tz_json_init(&j, NULL, 0);
	tz_json_null(&j);
	expect_json(&j, "null");
	tz_json_init(&j, NULL, 0);
	expect_json(&j, "");
}

static void test_commas_many_items(void **state)
{
	struct tz_json j;
	struct tz_buf want = TZ_BUF_INIT;

	(void)state;
	/* More items than the per-level counter's cap of 2. */
	tz_json_init(&j, NULL, 0);
	tz_json_array_begin(&j);
	assert_int_equal(tz_buf_adds(&want, "["), 0);
	for (int i = 0; i < 300; i++) {
		tz_json_object_begin(&j);
		tz_json_kv_int(&j, "i", i);
		tz_json_kv_int(&j, "sq", (int64_t)i * i);
		tz_json_object_end(&j);
		assert_int_equal(tz_buf_addf(&want, "%s{\"i\":%d,\"sq\":%d}", i ? "," : "", i,
					     i * i), 0);
	}
	tz_json_array_end(&j);
	assert_int_equal(tz_buf_adds(&want, "]"), 0);
	expect_json(&j, want.buf);
	tz_buf_release(&want);
}

static void test_max_depth(void **state)
{
	struct tz_json j;

	(void)state;
	/* Exactly TZ_JSON_MAX_DEPTH levels are fine. */
	tz_json_init(&j, NULL, 0);
	for (int i = 0; i < TZ_JSON_MAX_DEPTH; i++)
		tz_json_array_begin(&j);
	for (int i = 0; i < TZ_JSON_MAX_DEPTH; i++)
		tz_json_array_end(&j);
	assert_int_equal(tz_json_finish(&j), 0);
	assert_int_equal(j.out.len, 2 * TZ_JSON_MAX_DEPTH);
	tz_json_release(&j);
	/* One more is an error. */
	tz_json_init(&j, NULL, 0);
	for (int i = 0; i <= TZ_JSON_MAX_DEPTH; i++)
		tz_json_array_begin(&j);
	assert_int_equal(tz_json_finish(&j), TZ_ETOOBIG);
	tz_json_release(&j);
}

static void test_unbalanced_nesting(void **state)
{
	struct tz_json j;

	(void)state;
	/* Left open. */
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_int(&j, "a", 1);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
	/* Closed without opening. */
	tz_json_init(&j, NULL, 0);
	tz_json_array_end(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
	/* Closed with the wrong bracket. */
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_array_end(&j);
	tz_json_object_end(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
	tz_json_init(&j, NULL, 0);
	tz_json_array_begin(&j);
	tz_json_object_end(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
	/* Closed once too often. */
	tz_json_init(&j, NULL, 0);
	tz_json_array_begin(&j);
	tz_json_array_end(&j);
	tz_json_array_end(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
	/* The first error sticks. */
	tz_json_init(&j, NULL, 0);
	for (int i = 0; i <= TZ_JSON_MAX_DEPTH; i++)
		tz_json_array_begin(&j);
	tz_json_object_end(&j);
	assert_int_equal(tz_json_finish(&j), TZ_ETOOBIG);
	tz_json_release(&j);
}

/* Run one misuse after a valid prefix and expect TZ_EINVAL. */
static void expect_misuse(void (*fn)(struct tz_json *))
{
	struct tz_json j;

	tz_json_init(&j, NULL, 0);
	fn(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	tz_json_release(&j);
}

static void key_at_top(struct tz_json *j)
{
	tz_json_key(j, "a");
	tz_json_int(j, 1);
}

static void key_in_array(struct tz_json *j)
{
	tz_json_array_begin(j);
	tz_json_key(j, "a");
	tz_json_int(j, 1);
	tz_json_array_end(j);
}

static void value_without_key(struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_int(j, 1);
	tz_json_object_end(j);
}

static void object_without_key(struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_kv_int(j, "a", 1);
	tz_json_array_begin(j);
	tz_json_array_end(j);
	tz_json_object_end(j);
}

static void dangling_key(struct tz_json *j)
{
	tz_json_array_begin(j);
	tz_json_object_begin(j);
	tz_json_key(j, "k");
	tz_json_object_end(j);
	tz_json_int(j, 1);
	tz_json_array_end(j);
}

static void two_keys(struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_key(j, "a");
	tz_json_key(j, "b");
	tz_json_int(j, 1);
	tz_json_object_end(j);
}

static void test_misuse_is_an_error(void **state)
{
	(void)state;
	/* Each of these would otherwise write invalid JSON, such as
	 * [{"k":}1] for a key left without its value. */
	expect_misuse(key_at_top);
	expect_misuse(key_in_array);
	expect_misuse(value_without_key);
	expect_misuse(object_without_key);
	expect_misuse(dangling_key);
	expect_misuse(two_keys);
}

/* ------------------------------------------------------------------ */
/* Escaping                                                            */

/* The escaping json.h documents, one byte at a time. */
static void ref_quote(struct tz_buf *out, const unsigned char *s, size_t len)
{
	assert_int_equal(tz_buf_addch(out, '"'), 0);
	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];

		if (c == '"')
			assert_int_equal(tz_buf_adds(out, "\\\""), 0);
		else if (c == '\\')
			assert_int_equal(tz_buf_adds(out, "\\\\"), 0);
		else if (c == '\n')
			assert_int_equal(tz_buf_adds(out, "\\n"), 0);
		else if (c == '\r')
			assert_int_equal(tz_buf_adds(out, "\\r"), 0);
		else if (c == '\t')
			assert_int_equal(tz_buf_adds(out, "\\t"), 0);
		else if (c == '\b')
			assert_int_equal(tz_buf_adds(out, "\\b"), 0);
		else if (c == '\f')
			assert_int_equal(tz_buf_adds(out, "\\f"), 0);
		else if (c < 0x20)
			assert_int_equal(tz_buf_addf(out, "\\u%04x", c), 0);
		else if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
			 (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			assert_int_equal(tz_buf_adds(out, s[i + 2] == 0xA8 ? "\\u2028"
									   : "\\u2029"), 0);
			i += 2;
		} else
			assert_int_equal(tz_buf_addch(out, (int)c), 0);
	}
	assert_int_equal(tz_buf_addch(out, '"'), 0);
}

static void expect_quote(const char *s, size_t len, const char *want)
{
	struct tz_buf b = TZ_BUF_INIT;

	assert_int_equal(tz_json_quote(&b, s, len), 0);
	if (b.len != strlen(want) || strcmp(b.buf, want))
		fail_msg("quote: got %s want %s", b.buf, want);
	tz_buf_release(&b);
}

#define QUOTE(s, want) expect_quote(s, sizeof(s) - 1, want)

static void test_escape_specials(void **state)
{
	(void)state;
	QUOTE("", "\"\"");
	QUOTE("plain", "\"plain\"");
	QUOTE("a\"b", "\"a\\\"b\"");
	QUOTE("a\\b", "\"a\\\\b\"");
	QUOTE("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"");
	QUOTE("\x01", "\"\\u0001\"");
	QUOTE("\x1f", "\"\\u001f\"");
	QUOTE("a\0b", "\"a\\u0000b\"");
	QUOTE("\x7f", "\"\x7f\"");
	QUOTE("/", "\"/\"");
	QUOTE("\xE2\x80\xA8", "\"\\u2028\"");
	QUOTE("\xE2\x80\xA9", "\"\\u2029\"");
	QUOTE("x\xE2\x80\xA8y\xE2\x80\xA9z", "\"x\\u2028y\\u2029z\"");
	/* Other characters led by 0xE2 pass through. */
	QUOTE("€…\xE2\x80\xAA", "\"€…\xE2\x80\xAA\"");
	QUOTE("\xE2\x80", "\"\xE2\x80\"");
	QUOTE("\xE2", "\"\xE2\"");
	QUOTE("\xE2\xE2\x80\xA8", "\"\xE2\\u2028\"");
	/* CJK and other UTF-8 unchanged. */
	QUOTE("项目编号：P001（鲅鱼圈区）😀", "\"项目编号：P001（鲅鱼圈区）😀\"");
}

static void test_escape_appends(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_adds(&b, "k="), 0);
	assert_int_equal(tz_json_quote(&b, "v\"", 2), 0);
	assert_string_equal(b.buf, "k=\"v\\\"\"");
	tz_buf_release(&b);
}

static void test_escape_matches_reference_random(void **state)
{
	static const unsigned char pool[] = {
		'a', 'b', 'Z', '0', ' ', '~', 0x7F, '"', '\\', '\n', '\r', '\t', '\b', '\f',
		0x00, 0x01, 0x1F, 0xE2, 0x80, 0xA8, 0xA9, 0xE9, 0xA1, 0xB9, 0xFF, 0xC3,
	};
	unsigned char s[160];
	struct tz_buf want = TZ_BUF_INIT, got = TZ_BUF_INIT;
	uint64_t x = 0x243F6A8885A308D3ULL;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t len, off;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		len = (size_t)(x % 120);
		off = (size_t)((x >> 8) % 8);
		/* Mostly plain text, so the 8-byte fast path gets long runs. */
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			s[off + i] = (x % 8) ? (unsigned char)('a' + x % 26)
					     : pool[(x >> 16) % sizeof(pool)];
		}
		tz_buf_reset(&want);
		tz_buf_reset(&got);
		ref_quote(&want, s + off, len);
		assert_int_equal(tz_json_quote(&got, (const char *)s + off, len), 0);
		if (got.len != want.len || memcmp(got.buf, want.buf, got.len))
			fail_msg("round %d (len %zu, offset %zu): got %s want %s", round, len,
				 off, got.buf, want.buf);
	}
	tz_buf_release(&want);
	tz_buf_release(&got);
}

/* One special byte at every position of a long plain run, at every alignment. */
static void test_escape_every_position_and_alignment(void **state)
{
	static const unsigned char special[] = { '"', '\\', 0x00, 0x01, 0x1F, '\n', 0xE2 };
	unsigned char s[80];
	struct tz_buf want = TZ_BUF_INIT, got = TZ_BUF_INIT;

	(void)state;
	for (size_t k = 0; k < sizeof(special); k++)
		for (size_t off = 0; off < 8; off++)
			for (size_t len = 1; len <= 40; len++)
				for (size_t at = 0; at < len; at++) {
					memset(s, 'm', sizeof(s));
					s[off + at] = special[k];
					/* A following U+2028 tail for 0xE2. */
					if (special[k] == 0xE2 && at + 2 < len) {
						s[off + at + 1] = 0x80;
						s[off + at + 2] = 0xA8;
					}
					tz_buf_reset(&want);
					tz_buf_reset(&got);
					ref_quote(&want, s + off, len);
					assert_int_equal(tz_json_quote(&got, (char *)s + off, len), 0);
					if (strcmp(got.buf, want.buf))
						fail_msg("byte %02X at %zu of %zu (offset %zu): %s vs %s",
							 special[k], at, len, off, got.buf, want.buf);
				}
	tz_buf_release(&want);
	tz_buf_release(&got);
}

static void test_escape_in_keys_and_values(void **state)
{
	struct tz_json j;

	(void)state;
	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_str(&j, "a\"b", "c\\d\n");
	tz_json_key(&j, "x");
	tz_json_strn(&j, "1\0002", 3);
	tz_json_object_end(&j);
	expect_json(&j, "{\"a\\\"b\":\"c\\\\d\\n\",\"x\":\"1\\u00002\"}");
}

static void test_quote_cap_leaves_buffer_unchanged(void **state)
{
	struct tz_buf b;

	(void)state;
	/* The escaped form is longer than the cap although the input is not. */
	tz_buf_init(&b, 6);
	assert_int_equal(tz_json_quote(&b, "\x01", 1), TZ_ETOOBIG);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.buf[0], '\0');
	assert_int_equal(tz_buf_adds(&b, "ab"), 0);
	assert_int_equal(tz_json_quote(&b, "\"\"", 2), TZ_ETOOBIG);
	assert_int_equal(b.len, 2);
	assert_string_equal(b.buf, "ab");
	assert_int_equal(tz_json_quote(&b, "xyz", 3), TZ_ETOOBIG);
	assert_string_equal(b.buf, "ab");
	assert_int_equal(tz_json_quote(&b, "xy", 2), 0);
	assert_string_equal(b.buf, "ab\"xy\"");
	tz_buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* Streaming to a FILE                                                 */

static void write_big(struct tz_json *j)
{
	tz_json_object_begin(j);
	tz_json_key(j, "rows");
	tz_json_array_begin(j);
	for (int i = 0; i < 5000; i++) {
		char code[32];

		snprintf(code, sizeof(code), "P%010d", i);
		tz_json_object_begin(j);
		tz_json_kv_str(j, "code", code);
		tz_json_kv_str(j, "name", "鲅鱼圈区港口基础设施项目\"一期\"\n");
		tz_json_kv_int(j, "total", (int64_t)i * 1234567);
		tz_json_kv_number(j, "rate", "0.8757");
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
	/* One string longer than the flush threshold on its own. */
	{
		static char big[100 * 1024];
		memset(big, 'q', sizeof(big) - 1);
		big[5000] = '"';
		tz_json_kv_str(j, "big", big);
	}
	tz_json_object_end(j);
}

static void test_file_stream_equals_memory(void **state)
{
	for (int pretty = 0; pretty <= 1; pretty++) {
		struct tz_json mem, file;
		FILE *fp = tmpfile();
		char *text;
		long size;

		(void)state;
		assert_non_null(fp);
		tz_json_init(&mem, NULL, pretty ? TZ_JSON_PRETTY : 0);
		write_big(&mem);
		assert_int_equal(tz_json_finish(&mem), 0);
		assert_true(mem.out.len > 300 * 1024);

		tz_json_init(&file, fp, pretty ? TZ_JSON_PRETTY : 0);
		write_big(&file);
		/* Streaming keeps the buffer bounded. */
		assert_true(file.out.len < 200 * 1024);
		assert_int_equal(tz_json_finish(&file), 0);

		size = ftell(fp);
		assert_int_equal(size, (long)mem.out.len);
		rewind(fp);
		text = malloc((size_t)size);
		assert_non_null(text);
		assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
		assert_memory_equal(text, mem.out.buf, (size_t)size);
		free(text);
		fclose(fp);
		tz_json_release(&mem);
		tz_json_release(&file);
	}
}

static void test_file_write_error(void **state)
{
	struct tz_json j;
	FILE *fp = fopen("/dev/full", "w");

	(void)state;
	if (!fp)
		skip();
	tz_json_init(&j, fp, 0);
	write_big(&j);
	assert_int_equal(tz_json_finish(&j), TZ_EIO);
	fclose(fp);
}

static void test_file_unbalanced_still_flushes(void **state)
{
	struct tz_json j;
	FILE *fp = tmpfile();
	char text[16] = { 0 };

	(void)state;
	assert_non_null(fp);
	tz_json_init(&j, fp, 0);
	tz_json_array_begin(&j);
	tz_json_int(&j, 1);
	assert_int_equal(tz_json_finish(&j), TZ_EINVAL);
	rewind(fp);
	assert_int_equal(fread(text, 1, sizeof(text) - 1, fp), 2);
	assert_string_equal(text, "[1");
	fclose(fp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compact_nested),
		cmocka_unit_test(test_pretty_nested),
		cmocka_unit_test(test_top_level_values),
		cmocka_unit_test(test_commas_many_items),
		cmocka_unit_test(test_max_depth),
		cmocka_unit_test(test_unbalanced_nesting),
		cmocka_unit_test(test_misuse_is_an_error),
		cmocka_unit_test(test_escape_specials),
		cmocka_unit_test(test_escape_appends),
		cmocka_unit_test(test_escape_matches_reference_random),
		cmocka_unit_test(test_escape_every_position_and_alignment),
		cmocka_unit_test(test_escape_in_keys_and_values),
		cmocka_unit_test(test_quote_cap_leaves_buffer_unchanged),
		cmocka_unit_test(test_file_stream_equals_memory),
		cmocka_unit_test(test_file_write_error),
		cmocka_unit_test(test_file_unbalanced_still_flushes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
