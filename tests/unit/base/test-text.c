/*
 * test-text.c: encoding detection, GBK/UTF-8 conversion, the streaming
 * reader, UTF-8 decoding, width folding, NFKC and Unicode-aware trimming
 * (base/text.h).
 */
#include "tz-test.h"

#include <iconv.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Convert UTF-8 to GB18030 with the C library, as Excel would write it. */
static void to_gbk(const char *utf8, size_t len, struct tz_buf *out)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *in = (char *)utf8;
	size_t inleft = len;

	assert_true(cd != (iconv_t)-1);
	while (inleft) {
		char tmp[4096], *o = tmp;
		size_t oleft = sizeof(tmp);
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);

		assert_int_equal(tz_buf_add(out, tmp, sizeof(tmp) - oleft), 0);
		if (r == (size_t)-1 && o == tmp)
			fail_msg("iconv to GB18030 failed at byte %zu", len - inleft);
	}
	iconv_close(cd);
}

static uint64_t rng_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/*
 * Append about `size` bytes of ledger-like UTF-8: ASCII runs, commas,
 * newlines, 2-, 3- and 4-byte characters in a pseudo-random mix so that
 * any fixed chunk boundary cuts some multibyte character.
 */
static void make_text(struct tz_buf *out, size_t size, uint64_t seed)
{
	static const char *const pieces[] = {
		"项目编号", "总投资", "鲅鱼圈区", "万元", "亿元", "开工", "\n", ",",
		"P2023000042", "12,345.67", "é", "𠀀", "😀", "（万元）", "　", "a", "Zz9",
		"调度期2025年3月", "\r\n", "™",
	};
	uint64_t x = seed | 1;

	while (out->len < size) {
		const char *p = pieces[rng_next(&x) % (sizeof(pieces) / sizeof(pieces[0]))];
		assert_int_equal(tz_buf_adds(out, p), 0);
	}
}

/* Read t to the end in `chunk`-byte reads; returns 0 or the error code. */
static int read_all(struct tz_textin *t, size_t chunk, struct tz_buf *out,
		    struct tz_err *err)
{
	char *buf = malloc(chunk);  /* exact size, so ASan sees an overrun */
	int rc = 0;

	assert_non_null(buf);
	for (;;) {
		ssize_t n = tz_textin_read(t, buf, chunk, err);

		if (n < 0) {
			rc = (int)n;
			break;
		}
		if (n == 0)
			break;
		assert_true((size_t)n <= chunk);
		/* Each read ends on a character boundary. */
		if (!tz_utf8_valid(buf, (size_t)n))
			fail_msg("a %zu-byte read returned a split character", chunk);
		assert_int_equal(tz_buf_add(out, buf, (size_t)n), 0);
	}
	free(buf);
	return rc;
}

/* Stream `data` through tz_textin_open_mem in `chunk` reads; expect `want`. */
static void expect_stream(const char *data, size_t len, size_t chunk,
			  const struct tz_buf *want, enum tz_encoding enc)
{
	struct tz_textin *t = tz_textin_open_mem(data, len);
	struct tz_buf got = TZ_BUF_INIT;
	struct tz_err err;
	int rc;

	got.max = TZ_LIMIT_DOC;
	tz_err_clear(&err);
	rc = read_all(t, chunk, &got, &err);
	if (rc)
		fail_msg("chunk %zu: error %d at line %ld: %s", chunk, rc, err.line, err.msg);
	if (got.len != want->len || memcmp(got.buf, want->buf, got.len)) {
		size_t i = 0;
		while (i < got.len && i < want->len && got.buf[i] == want->buf[i])
			i++;
		fail_msg("chunk %zu: output differs at byte %zu (got %zu bytes, want %zu)",
			 chunk, i, got.len, want->len);
	}
	assert_int_equal(tz_textin_encoding(t), enc);
	/* End of input stays the end. */
	{
		char b[8];
		assert_int_equal(tz_textin_read(t, b, sizeof(b), &err), 0);
	}
	tz_buf_release(&got);
	tz_textin_close(t);
}

static const size_t chunks[] = { 4, 5, 7, 4096, 65536 + 3 };

/* ------------------------------------------------------------------ */
/* Detection                                                           */

static void test_encoding_names(void **state)
{
	(void)state;
	assert_string_equal(tz_encoding_name(TZ_ENC_UTF8), "UTF-8");
	assert_string_equal(tz_encoding_name(TZ_ENC_UTF8_BOM), "UTF-8 (BOM)");
	assert_string_equal(tz_encoding_name(TZ_ENC_GB18030), "GBK");
	assert_string_equal(tz_encoding_name(TZ_ENC_UNKNOWN), "ASCII");
}

static void test_detect_ascii_and_utf8(void **state)
{
	struct tz_err err;
	const char *u = "项目编号,总投资\n";

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_text_detect("code,total\n", 11, &err), TZ_ENC_UTF8);
	assert_int_equal(tz_text_detect("", 0, &err), TZ_ENC_UTF8);
	assert_int_equal(tz_text_detect(u, strlen(u), &err), TZ_ENC_UTF8);
	assert_int_equal(tz_text_detect("\xF0\x9F\x98\x80", 4, &err), TZ_ENC_UTF8);
	assert_int_equal(err.code, 0);
}

static void test_detect_bom(void **state)
{
	(void)state;
	assert_int_equal(tz_text_detect("\xEF\xBB\xBF", 3, NULL), TZ_ENC_UTF8_BOM);
	assert_int_equal(tz_text_detect("\xEF\xBB\xBF" "a,b", 6, NULL), TZ_ENC_UTF8_BOM);
	assert_int_equal(tz_text_detect("\xEF\xBB\xBF" "项目", 9, NULL), TZ_ENC_UTF8_BOM);
}

static void test_detect_gbk(void **state)
{
	struct tz_buf g = TZ_BUF_INIT;
	struct tz_err err;
	const char *u = "项目编号,总投资";

	(void)state;
	to_gbk(u, strlen(u), &g);
	/* Known bytes: 项 is CF EE in GBK. */
	assert_memory_equal(g.buf, "\xCF\xEE", 2);
	tz_err_clear(&err);
	assert_int_equal(tz_text_detect(g.buf, g.len, &err), TZ_ENC_GB18030);
	assert_int_equal(err.code, 0);
	/* A sample that ends in the middle of a GBK character. */
	assert_int_equal(tz_text_detect(g.buf, g.len - 1, &err), TZ_ENC_GB18030);
	assert_int_equal(tz_text_detect(g.buf, 3, &err), TZ_ENC_GB18030);
	tz_buf_release(&g);
}

static void test_detect_utf8_cut_at_sample_end(void **state)
{
	const char *u = "项目编号,总投资";
	size_t len = strlen(u);

	(void)state;
	/* Cut after 1 and 2 bytes of the last 3-byte character. */
	assert_int_equal(tz_text_detect(u, len - 1, NULL), TZ_ENC_UTF8);
	assert_int_equal(tz_text_detect(u, len - 2, NULL), TZ_ENC_UTF8);
	assert_int_equal(tz_text_detect("ab\xF0\x9F\x98", 5, NULL), TZ_ENC_UTF8);
}

static void test_detect_garbage_is_unknown(void **state)
{
	struct tz_err err;
	/* UTF-16LE "项目" with its BOM: neither UTF-8 nor GBK. */
	static const char u16[] = "\xFF\xFE\x79\x98\xEE\x76";
	static const char junk[] = "\x80\x80\x80\xFF\xFE\xFD";

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_text_detect(u16, sizeof(u16) - 1, &err), TZ_ENC_UNKNOWN);
	assert_int_equal(err.code, TZ_EENCODING);
	assert_true(err.msg[0] != '\0');
	tz_err_clear(&err);
	assert_int_equal(tz_text_detect(junk, sizeof(junk) - 1, &err), TZ_ENC_UNKNOWN);
	assert_int_equal(err.code, TZ_EENCODING);
	assert_int_equal(tz_text_detect("\xFF", 1, NULL), TZ_ENC_UNKNOWN);
	/* The offset names the bad byte of the reading that got further:
	 * as UTF-8 "项\n" is fine and 0xFF is the 5th byte. */
	tz_err_clear(&err);
	assert_int_equal(tz_text_detect("项\n\xFF", 5, &err), TZ_ENC_UNKNOWN);
	if (!strstr(err.msg, "第5字节"))
		fail_msg("wrong offset: %s", err.msg);
}

/* ------------------------------------------------------------------ */
/* Whole-buffer conversion                                             */

static void test_to_utf8_from_gbk_exact(void **state)
{
	struct tz_buf g = TZ_BUF_INIT, out = TZ_BUF_INIT;
	struct tz_buf u = TZ_BUF_INIT;
	enum tz_encoding enc = TZ_ENC_UNKNOWN;

	(void)state;
	make_text(&u, 20000, 7);
	to_gbk(u.buf, u.len, &g);
	assert_int_equal(tz_buf_adds(&out, "prefix:"), 0);
	assert_int_equal(tz_text_to_utf8(g.buf, g.len, &out, &enc, NULL), 0);
	assert_int_equal(enc, TZ_ENC_GB18030);
	assert_int_equal(out.len, 7 + u.len);
	assert_memory_equal(out.buf, "prefix:", 7);
	assert_memory_equal(out.buf + 7, u.buf, u.len);
	assert_int_equal(out.buf[out.len], '\0');
	tz_buf_release(&g);
	tz_buf_release(&u);
	tz_buf_release(&out);
}

static void test_to_utf8_drops_bom(void **state)
{
	struct tz_buf out = TZ_BUF_INIT;
	enum tz_encoding enc;

	(void)state;
	assert_int_equal(tz_text_to_utf8("\xEF\xBB\xBF" "项目,a\n", 3 + 9, &out, &enc, NULL), 0);
	assert_int_equal(enc, TZ_ENC_UTF8_BOM);
	assert_string_equal(out.buf, "项目,a\n");
	tz_buf_reset(&out);
	assert_int_equal(tz_text_to_utf8("\xEF\xBB\xBF", 3, &out, NULL, NULL), 0);
	assert_int_equal(out.len, 0);
	/* Plain UTF-8 and ASCII pass through unchanged. */
	assert_int_equal(tz_text_to_utf8("项目", 6, &out, &enc, NULL), 0);
	assert_int_equal(enc, TZ_ENC_UTF8);
	assert_int_equal(tz_text_to_utf8("ab", 2, &out, &enc, NULL), 0);
	assert_string_equal(out.buf, "项目ab");
	tz_buf_release(&out);
}

static void test_to_utf8_errors(void **state)
{
	struct tz_buf out = TZ_BUF_INIT, g = TZ_BUF_INIT;
	struct tz_err err;
	enum tz_encoding enc;

	(void)state;
	/* Garbage. */
	tz_err_clear(&err);
	assert_int_equal(tz_text_to_utf8("ab\xFF\xFE", 4, &out, &enc, &err), TZ_EENCODING);
	assert_int_equal(enc, TZ_ENC_UNKNOWN);
	assert_int_equal(err.code, TZ_EENCODING);
	/* UTF-8 whose last character is cut off: the whole text is all we have. */
	tz_err_clear(&err);
	assert_int_equal(tz_text_to_utf8("项目", 5, &out, &enc, &err), TZ_EENCODING);
	assert_non_null(strstr(err.msg, "第4字节"));
	/* GBK cut in the middle of its last character. */
	to_gbk("项目编号", strlen("项目编号"), &g);
	tz_err_clear(&err);
	tz_buf_reset(&out);
	assert_int_equal(tz_text_to_utf8(g.buf, g.len - 1, &out, &enc, &err), TZ_EENCODING);
	assert_int_equal(enc, TZ_ENC_GB18030);
	assert_non_null(strstr(err.msg, "第7字节"));
	/* Too big for the output's cap. */
	tz_buf_release(&out);
	tz_buf_init(&out, 4);
	assert_int_equal(tz_text_to_utf8("项目", 6, &out, NULL, &err), TZ_ETOOBIG);
	assert_int_equal(out.len, 0);
	tz_buf_release(&out);
	tz_buf_release(&g);
}

static void test_to_utf8_offset_counts_the_bom(void **state)
{
	struct tz_buf out = TZ_BUF_INIT;
	struct tz_err err;

	(void)state;
	/* The bad byte 0xFF is the 6th byte of the data (BOM included). */
	tz_err_clear(&err);
	assert_int_equal(tz_text_to_utf8("\xEF\xBB\xBF" "ab\xFF", 6, &out, NULL, &err),
			 TZ_EENCODING);
	if (!strstr(err.msg, "第6字节"))
		fail_msg("offset should count from the start of the data: %s", err.msg);
	tz_buf_release(&out);
}

static void test_to_utf8_gbk_fits_tight_cap(void **state)
{
	struct tz_buf out, g = TZ_BUF_INIT;
	const char *u = "项目编号总投资项目编号总投资";

	(void)state;
	/* 14 characters: 28 bytes of GBK become 42 bytes of UTF-8. */
	to_gbk(u, strlen(u), &g);
	tz_buf_init(&out, strlen(u));
	assert_int_equal(tz_text_to_utf8(g.buf, g.len, &out, NULL, NULL), 0);
	assert_string_equal(out.buf, u);
	tz_buf_release(&out);
	/* One byte less does not fit. */
	tz_buf_init(&out, strlen(u) - 1);
	assert_int_equal(tz_text_to_utf8(g.buf, g.len, &out, NULL, NULL), TZ_ETOOBIG);
	assert_true(out.len <= out.max);
	assert_int_equal(out.buf[out.len], '\0');
	tz_buf_release(&out);
	tz_buf_release(&g);
}

/* ------------------------------------------------------------------ */
/* Streaming                                                           */

static void test_stream_utf8_large(void **state)
{
	struct tz_buf u = TZ_BUF_INIT;

	(void)state;
	make_text(&u, 300 * 1024, 11);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream(u.buf, u.len, chunks[i], &u, TZ_ENC_UTF8);
	tz_buf_release(&u);
}

static void test_stream_utf8_bom_large(void **state)
{
	struct tz_buf u = TZ_BUF_INIT, in = TZ_BUF_INIT;

	(void)state;
	make_text(&u, 200 * 1024, 13);
	assert_int_equal(tz_buf_adds(&in, "\xEF\xBB\xBF"), 0);
	assert_int_equal(tz_buf_add(&in, u.buf, u.len), 0);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream(in.buf, in.len, chunks[i], &u, TZ_ENC_UTF8_BOM);
	tz_buf_release(&u);
	tz_buf_release(&in);
}

static void test_stream_gbk_large(void **state)
{
	struct tz_buf u = TZ_BUF_INIT, g = TZ_BUF_INIT;

	(void)state;
	make_text(&u, 300 * 1024, 17);
	to_gbk(u.buf, u.len, &g);
	assert_true(g.len > 128 * 1024);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream(g.buf, g.len, chunks[i], &u, TZ_ENC_GB18030);
	tz_buf_release(&u);
	tz_buf_release(&g);
}

/* Every 64 KB window boundary position, not just where the PRNG puts it. */
static void test_stream_boundary_splits_each_byte_of_a_character(void **state)
{
	(void)state;
	for (size_t pad = 0; pad < 4; pad++) {
		struct tz_buf u = TZ_BUF_INIT, g = TZ_BUF_INIT;

		for (size_t i = 0; i < pad; i++)
			assert_int_equal(tz_buf_addch(&u, 'x'), 0);
		while (u.len < 70 * 1024)
			assert_int_equal(tz_buf_adds(&u, "项😀"), 0);
		to_gbk(u.buf, u.len, &g);
		expect_stream(u.buf, u.len, 5, &u, TZ_ENC_UTF8);
		expect_stream(u.buf, u.len, 4096, &u, TZ_ENC_UTF8);
		expect_stream(g.buf, g.len, 5, &u, TZ_ENC_GB18030);
		expect_stream(g.buf, g.len, 4096, &u, TZ_ENC_GB18030);
		tz_buf_release(&u);
		tz_buf_release(&g);
	}
}

static void test_stream_long_ascii_prefix_then_gbk(void **state)
{
	struct tz_buf u = TZ_BUF_INIT, tail = TZ_BUF_INIT, in = TZ_BUF_INIT;

	(void)state;
	while (u.len < 70 * 1024)
		assert_int_equal(tz_buf_adds(&u, "P2023000042,some ascii,12345.67\n"), 0);
	assert_int_equal(tz_buf_add(&in, u.buf, u.len), 0);
	make_text(&tail, 100 * 1024, 19);
	to_gbk(tail.buf, tail.len, &in);
	assert_int_equal(tz_buf_add(&u, tail.buf, tail.len), 0);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream(in.buf, in.len, chunks[i], &u, TZ_ENC_GB18030);
	tz_buf_release(&u);
	tz_buf_release(&tail);
	tz_buf_release(&in);
}

static void test_stream_long_ascii_prefix_then_utf8(void **state)
{
	struct tz_buf u = TZ_BUF_INIT;

	(void)state;
	while (u.len < 65536 - 1)
		assert_int_equal(tz_buf_addch(&u, u.len % 40 == 39 ? '\n' : 'a'), 0);
	/* The first non-ASCII character straddles the first window's end. */
	make_text(&u, 100 * 1024, 23);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream(u.buf, u.len, chunks[i], &u, TZ_ENC_UTF8);
	tz_buf_release(&u);
}

static void test_stream_pure_ascii_and_empty(void **state)
{
	struct tz_buf u = TZ_BUF_INIT;

	(void)state;
	while (u.len < 100 * 1024)
		assert_int_equal(tz_buf_adds(&u, "code,total\r\n"), 0);
	expect_stream(u.buf, u.len, 7, &u, TZ_ENC_UNKNOWN);
	expect_stream(u.buf, u.len, 4096, &u, TZ_ENC_UNKNOWN);
	tz_buf_reset(&u);
	expect_stream("", 0, 4, &u, TZ_ENC_UNKNOWN);
	expect_stream("\xEF\xBB\xBF", 3, 4, &u, TZ_ENC_UTF8_BOM);
	tz_buf_release(&u);
}

static void test_stream_small_inputs(void **state)
{
	struct tz_buf w = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_buf_adds(&w, "项"), 0);
	expect_stream("项", 3, 4, &w, TZ_ENC_UTF8);
	expect_stream("\xCF\xEE", 2, 4, &w, TZ_ENC_GB18030);
	tz_buf_reset(&w);
	assert_int_equal(tz_buf_adds(&w, "a项"), 0);
	expect_stream("a\xCF\xEE", 3, 4, &w, TZ_ENC_GB18030);
	tz_buf_reset(&w);
	assert_int_equal(tz_buf_adds(&w, "😀"), 0);
	expect_stream("😀", 4, 4, &w, TZ_ENC_UTF8);
	tz_buf_release(&w);
}

static void test_stream_buffer_too_small(void **state)
{
	struct tz_textin *t = tz_textin_open_mem("abc", 3);
	struct tz_err err;
	char b[4];

	(void)state;
	tz_err_clear(&err);
	assert_true(tz_textin_read(t, b, 3, &err) < 0);
	assert_int_equal(tz_textin_read(t, b, 4, &err), 3);
	assert_memory_equal(b, "abc", 3);
	tz_textin_close(t);
}

/* Stream data and expect an encoding error on `line`. */
static void expect_stream_error(const char *data, size_t len, size_t chunk, long line,
				const char *mention)
{
	struct tz_textin *t = tz_textin_open_mem(data, len);
	struct tz_buf got = TZ_BUF_INIT;
	struct tz_err err;
	int rc;

	got.max = TZ_LIMIT_DOC;
	tz_err_clear(&err);
	rc = read_all(t, chunk, &got, &err);
	if (rc != TZ_EENCODING)
		fail_msg("chunk %zu: rc %d, want TZ_EENCODING", chunk, rc);
	assert_int_equal(err.code, TZ_EENCODING);
	if (err.line != line)
		fail_msg("chunk %zu: error on line %ld, want %ld (%s)", chunk, err.line, line,
			 err.msg);
	assert_string_equal(err.file, "(memory)");
	if (mention && !strstr(err.msg, mention))
		fail_msg("chunk %zu: \"%s\" does not mention \"%s\"", chunk, err.msg, mention);
	tz_buf_release(&got);
	tz_textin_close(t);
}

static void test_stream_invalid_utf8_after_valid_names_line(void **state)
{
	struct tz_buf u = TZ_BUF_INIT;
	long lines = 0;

	(void)state;
	/* Far into the file, after several windows of valid UTF-8. */
	while (u.len < 200 * 1024) {
		assert_int_equal(tz_buf_adds(&u, "项目编号,总投资,鲅鱼圈区\n"), 0);
		lines++;
	}
	assert_int_equal(tz_buf_adds(&u, "第二列,\xFF坏\n后面\n"), 0);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream_error(u.buf, u.len, chunks[i], lines + 1, NULL);
	tz_buf_release(&u);
}

static void test_stream_invalid_utf8_early_names_line(void **state)
{
	/* The bad byte is in the very window the encoding is decided from. */
	static const char data[] = "code,name\n项目一\n项目二\n项目\xC0\xAF三\n";

	(void)state;
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream_error(data, sizeof(data) - 1, chunks[i], 4, NULL);
}

static void test_stream_invalid_gbk_early_names_line(void **state)
{
	struct tz_buf g = TZ_BUF_INIT;
	const char *u = "code,name\n项目一\n项目二\n";

	(void)state;
	to_gbk(u, strlen(u), &g);
	assert_int_equal(tz_buf_adds(&g, "\xCF\xEE\xFF\n"), 0);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream_error(g.buf, g.len, chunks[i], 4, NULL);
	tz_buf_release(&g);
}

static void test_stream_invalid_gbk_names_line(void **state)
{
	struct tz_buf u = TZ_BUF_INIT, g = TZ_BUF_INIT;
	long lines = 0;

	(void)state;
	while (u.len < 150 * 1024) {
		assert_int_equal(tz_buf_adds(&u, "项目编号,总投资,鲅鱼圈区\n"), 0);
		lines++;
	}
	to_gbk(u.buf, u.len, &g);
	/* 0xFF never occurs in GB18030. */
	assert_int_equal(tz_buf_adds(&g, "ab\xFF\n"), 0);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream_error(g.buf, g.len, chunks[i], lines + 1, NULL);
	tz_buf_release(&u);
	tz_buf_release(&g);
}

static void test_stream_truncated_character_at_end(void **state)
{
	struct tz_buf u = TZ_BUF_INIT, g = TZ_BUF_INIT;

	(void)state;
	/* UTF-8: a 3-byte character cut after 2 bytes, on line 3. */
	expect_stream_error("项目\n编号\n总\xE6\x8A", strlen("项目\n编号\n总") + 2, 4, 3,
			    "不完整");
	expect_stream_error("项目\n编号\n总\xE6\x8A", strlen("项目\n编号\n总") + 2, 4096, 3,
			    "不完整");
	/* A big file cut in the last character. */
	make_text(&u, 100 * 1024, 29);
	assert_int_equal(tz_buf_adds(&u, "\n\xF0\x9F\x98"), 0);
	{
		long lines = 1;
		for (size_t i = 0; i < u.len; i++)
			lines += u.buf[i] == '\n';
		for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
			expect_stream_error(u.buf, u.len, chunks[i], lines, "不完整");
	}
	/* GBK: a 2-byte character cut after its lead byte. */
	to_gbk("项目\n编号\n总投", strlen("项目\n编号\n总投"), &g);
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		expect_stream_error(g.buf, g.len - 1, chunks[i], 3, NULL);
	tz_buf_release(&u);
	tz_buf_release(&g);
}

static void test_stream_undecidable_encoding(void **state)
{
	static const char data[] = "a,b\nc,d\n\xFF\xFE\xFD\xFC";

	(void)state;
	expect_stream_error(data, sizeof(data) - 1, 4096, 3, NULL);
}

static void test_stream_from_file(void **state)
{
	char path[] = "/tmp/tz-test-text-XXXXXX";
	struct tz_buf u = TZ_BUF_INIT, g = TZ_BUF_INIT, got = TZ_BUF_INIT;
	struct tz_textin *t = NULL;
	struct tz_err err;
	int fd;

	(void)state;
	make_text(&u, 150 * 1024, 31);
	to_gbk(u.buf, u.len, &g);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, g.buf, g.len), (ssize_t)g.len);
	close(fd);

	tz_err_clear(&err);
	assert_int_equal(tz_textin_open(&t, path, &err), 0);
	assert_non_null(t);
	got.max = TZ_LIMIT_DOC;
	assert_int_equal(read_all(t, 1000, &got, &err), 0);
	assert_int_equal(got.len, u.len);
	assert_memory_equal(got.buf, u.buf, u.len);
	assert_int_equal(tz_textin_encoding(t), TZ_ENC_GB18030);
	tz_textin_close(t);
	unlink(path);

	/* A missing file. */
	t = (struct tz_textin *)&err;
	tz_err_clear(&err);
	assert_int_equal(tz_textin_open(&t, path, &err), TZ_EIO);
	assert_null(t);
	assert_int_equal(err.code, TZ_EIO);
	assert_string_equal(err.file, path);
	tz_textin_close(NULL);
	tz_buf_release(&u);
	tz_buf_release(&g);
	tz_buf_release(&got);
}

/* ------------------------------------------------------------------ */
/* UTF-8 decoding                                                      */

static void test_utf8_next_valid_sequences(void **state)
{
	const char *s = "a\xC3\xA9\xE9\xA1\xB9\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF";
	const char *p = s, *end = s + strlen(s);

	(void)state;
	assert_int_equal(tz_utf8_next(&p, end), 'a');
	assert_int_equal(tz_utf8_next(&p, end), 0xE9);
	assert_int_equal(tz_utf8_next(&p, end), 0x9879);
	assert_int_equal(tz_utf8_next(&p, end), 0x1F600);
	assert_int_equal(tz_utf8_next(&p, end), 0x10FFFF);
	assert_ptr_equal(p, end);
	assert_int_equal(tz_utf8_len(s, strlen(s)), 5);
	assert_true(tz_utf8_valid(s, strlen(s)));
	/* Boundary characters. */
	p = "\xC2\x80";
	assert_int_equal(tz_utf8_next(&p, p + 2), 0x80);
	p = "\xE0\xA0\x80";
	assert_int_equal(tz_utf8_next(&p, p + 3), 0x800);
	p = "\xED\x9F\xBF";
	assert_int_equal(tz_utf8_next(&p, p + 3), 0xD7FF);
	p = "\xEE\x80\x80";
	assert_int_equal(tz_utf8_next(&p, p + 3), 0xE000);
	p = "\xF0\x90\x80\x80";
	assert_int_equal(tz_utf8_next(&p, p + 4), 0x10000);
	/* NUL is a character like any other. */
	p = "\0";
	assert_int_equal(tz_utf8_next(&p, p + 1), 0);
	assert_true(tz_utf8_valid("a\0b", 3));
}

/* Expect s to decode as invalid: -1, one byte of progress, not valid. */
static void expect_invalid(const char *s, size_t len)
{
	const char *p = s;

	assert_int_equal(tz_utf8_next(&p, s + len), -1);
	assert_ptr_equal(p, s + 1);
	assert_false(tz_utf8_valid(s, len));
}

static void test_utf8_invalid_sequences(void **state)
{
	(void)state;
	/* Overlongs. */
	expect_invalid("\xC0\x80", 2);
	expect_invalid("\xC1\xBF", 2);
	expect_invalid("\xE0\x80\x80", 3);
	expect_invalid("\xE0\x9F\xBF", 3);
	expect_invalid("\xF0\x80\x80\x80", 4);
	expect_invalid("\xF0\x8F\xBF\xBF", 4);
	/* Surrogates. */
	expect_invalid("\xED\xA0\x80", 3);
	expect_invalid("\xED\xBF\xBF", 3);
	/* Beyond U+10FFFF. */
	expect_invalid("\xF4\x90\x80\x80", 4);
	expect_invalid("\xF5\x80\x80\x80", 4);
	expect_invalid("\xFF", 1);
	expect_invalid("\xFE", 1);
	/* Stray continuation bytes and bad continuations. */
	expect_invalid("\x80", 1);
	expect_invalid("\xBF", 1);
	expect_invalid("\xC3\x41", 2);
	expect_invalid("\xE9\xA1\x41", 3);
	expect_invalid("\xF0\x9F\x98\x41", 4);
	expect_invalid("\xE9\xC0\xB9", 3);
	/* Truncated by the end. */
	expect_invalid("\xC3", 1);
	expect_invalid("\xE9\xA1", 2);
	expect_invalid("\xF0\x9F\x98", 3);
}

static void test_utf8_len_counts_invalid_bytes_once(void **state)
{
	(void)state;
	assert_int_equal(tz_utf8_len("", 0), 0);
	assert_int_equal(tz_utf8_len("abc", 3), 3);
	assert_int_equal(tz_utf8_len("项目编号", 12), 4);
	assert_int_equal(tz_utf8_len("a\xFF" "b", 3), 3);
	assert_int_equal(tz_utf8_len("\xE9\xA1", 2), 2);
	assert_int_equal(tz_utf8_len("\xED\xA0\x80", 3), 3);
	assert_int_equal(tz_utf8_len("\xF0\x9F\x98\x80" "x", 5), 2);
	assert_int_equal(tz_utf8_len("\xC0\x80", 2), 2);
	/* ASCII runs are counted eight bytes at a time: around them, and
	 * over every mix, the count is that of tz_utf8_next's steps. */
	assert_int_equal(tz_utf8_len("abcdefgh项目ijklmnopq\xFF", 24), 20);
	{
		static const char *const parts[] = { "a", "abcdefgh", "项", "\xFF", "\xE9\xA1",
						     "\xF0\x9F\x98\x80", "\xED\xA0\x80", "\xC2" };
		char buf[64];
		unsigned seed = 7;

		for (int round = 0; round < 2000; round++) {
			size_t len = 0, steps = 0;
			const char *p, *end;

			while (len < 40) {
				const char *part = parts[(seed = seed * 1103515245u + 12345u) >> 16 & 7];

				memcpy(buf + len, part, strlen(part));
				len += strlen(part);
			}
			for (p = buf, end = buf + len; p < end; steps++)
				tz_utf8_next(&p, end);
			assert_int_equal(tz_utf8_len(buf, len), steps);
		}
	}
}

/* Reference validity of a sequence of exactly len bytes (Unicode Table 3-7). */
static int ref_valid_one(const unsigned char *s, size_t len)
{
	unsigned c = s[0];
	size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	unsigned lo = 0x80, hi = 0xBF;

	if (n != len)
		return 0;
	if (c == 0xE0) lo = 0xA0;
	if (c == 0xED) hi = 0x9F;
	if (c == 0xF0) lo = 0x90;
	if (c == 0xF4) hi = 0x8F;
	for (size_t i = 1; i < n; i++) {
		unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
		if (s[i] < l || s[i] > h)
			return 0;
	}
	return 1;
}

static void test_utf8_valid_matches_reference(void **state)
{
	static const unsigned char third[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
					       0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF };
	unsigned char s[4];

	(void)state;
	for (unsigned a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		assert_int_equal(tz_utf8_valid((char *)s, 1), ref_valid_one(s, 1));
		for (unsigned b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			/* Two bytes: one 2-byte character or two 1-byte ones. */
			int want2 = ref_valid_one(s, 2) ||
				    (ref_valid_one(s, 1) && ref_valid_one(s + 1, 1));
			if (tz_utf8_valid((char *)s, 2) != want2)
				fail_msg("%02X %02X", a, b);
			for (size_t k = 0; k < sizeof(third); k++) {
				s[2] = third[k];
				s[3] = 0x80;
				int want3 = ref_valid_one(s, 3) ||
					    (ref_valid_one(s, 1) && ref_valid_one(s + 1, 2)) ||
					    (ref_valid_one(s, 2) && ref_valid_one(s + 2, 1)) ||
					    (ref_valid_one(s, 1) && ref_valid_one(s + 1, 1) &&
					     ref_valid_one(s + 2, 1));
				if (tz_utf8_valid((char *)s, 3) != want3)
					fail_msg("%02X %02X %02X", a, b, s[2]);
				if (ref_valid_one(s, 4) && !tz_utf8_valid((char *)s, 4))
					fail_msg("%02X %02X %02X 80", a, b, s[2]);
			}
		}
	}
}

static void test_utf8_valid_long_runs(void **state)
{
	char s[64];

	(void)state;
	/* An invalid byte at every position of an ASCII run (8-byte fast path). */
	for (size_t at = 0; at < sizeof(s); at++) {
		memset(s, 'a', sizeof(s));
		assert_true(tz_utf8_valid(s, sizeof(s)));
		s[at] = (char)0x80;
		if (tz_utf8_valid(s, sizeof(s)))
			fail_msg("0x80 at %zu not seen", at);
		s[at] = (char)0xFF;
		assert_false(tz_utf8_valid(s, sizeof(s)));
		/* A 3-byte char cut by the end of the data. */
		memset(s, 'a', sizeof(s));
		if (at + 2 <= sizeof(s)) {
			memcpy(s + sizeof(s) - 2, "\xE9\xA1", 2);
			assert_false(tz_utf8_valid(s, sizeof(s)));
			assert_true(tz_utf8_valid(s, sizeof(s) - 2));
		}
	}
}

/* ------------------------------------------------------------------ */
/* Folding and normalisation                                           */

static void expect_fold(const char *in, size_t len, const char *want, size_t wlen)
{
	struct tz_buf b = TZ_BUF_INIT;

	assert_int_equal(tz_text_fold_width(in, len, &b), 0);
	if (b.len != wlen || memcmp(b.buf, want, wlen))
		fail_msg("fold(\"%s\") = \"%s\", want \"%s\"", in, b.buf, want);
	tz_buf_release(&b);
}

#define FOLD(in, want) expect_fold(in, sizeof(in) - 1, want, sizeof(want) - 1)

static void test_fold_width(void **state)
{
	(void)state;
	FOLD("", "");
	FOLD("abc", "abc");
	FOLD("１２３４５．６７", "12345.67");
	FOLD("总投资（万元）", "总投资(万元)");
	FOLD("２０２５－０３", "2025-03");
	FOLD("ＡＢＣａｂｃ", "ABCabc");
	FOLD("！", "!");          /* U+FF01, first of the range */
	FOLD("～", "~");          /* U+FF5E, last of the range */
	FOLD("｟", "｟");          /* U+FF5F is outside */
	FOLD("＂＼＇", "\"\\'");
	FOLD("a　b", "a b");      /* U+3000 */
	FOLD("\xC2\xA0", "\xC2\xA0");   /* NBSP is not folded */
	FOLD("项目编号", "项目编号");
	FOLD("😀１", "😀1");
	/* Invalid bytes are copied as they are. */
	FOLD("\xFF１\xE9\xA1", "\xFF" "1\xE9\xA1");
}

static void test_fold_width_cap(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 3);
	assert_int_equal(tz_text_fold_width("１２３", 9, &b), 0);
	assert_string_equal(b.buf, "123");
	assert_int_equal(tz_text_fold_width("４", 3, &b), TZ_ETOOBIG);
	assert_string_equal(b.buf, "123");
	tz_buf_release(&b);
}

static void expect_nfkc(const char *in, const char *want)
{
	struct tz_buf b = TZ_BUF_INIT;

	assert_int_equal(tz_text_nfkc(in, strlen(in), &b), 0);
	if (strcmp(b.buf, want))
		fail_msg("nfkc(\"%s\") = \"%s\", want \"%s\"", in, b.buf, want);
	tz_buf_release(&b);
}

static void test_nfkc(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	expect_nfkc("", "");
	expect_nfkc("１２３４５．６７", "12345.67");
	expect_nfkc("总投资（万元）", "总投资(万元)");
	expect_nfkc("【项目】", "【项目】");   /* not compatibility forms */
	expect_nfkc("２０２５－０３", "2025-03");
	expect_nfkc("a　b", "a b");
	expect_nfkc("ｶﾀｶﾅ", "カタカナ");
	expect_nfkc("①", "1");
	expect_nfkc("ﬁ", "fi");
	expect_nfkc("e\xCC\x81", "\xC3\xA9");  /* composed */
	expect_nfkc("項目", "項目");            /* traditional stays */
	/* Only len bytes are read. */
	assert_int_equal(tz_text_nfkc("１２３", 6, &b), 0);
	assert_string_equal(b.buf, "12");
	tz_buf_reset(&b);
	assert_int_equal(tz_text_nfkc("ab\xFF", 3, &b), TZ_EENCODING);
	assert_int_equal(tz_text_nfkc("\xED\xA0\x80", 3, &b), TZ_EENCODING);
	assert_int_equal(b.len, 0);
	tz_buf_release(&b);
}

/* ------------------------------------------------------------------ */
/* Trimming                                                            */

static void expect_trim(const char *in, size_t len, const char *want, size_t wlen)
{
	const char *s = in;
	size_t n = len;

	tz_text_trim(&s, &n);
	if (n != wlen || memcmp(s, want, wlen))
		fail_msg("trim(\"%s\") = \"%.*s\", want \"%s\"", in, (int)n, s, want);
	/* The result is a slice of the input. */
	assert_true(s >= in && s + n <= in + len);
	assert_int_equal(tz_text_is_blank(in, len), wlen == 0);
}

#define TRIM(in, want) expect_trim(in, sizeof(in) - 1, want, sizeof(want) - 1)

#define SP3000 "\xE3\x80\x80"
#define NBSP "\xC2\xA0"
#define BOM "\xEF\xBB\xBF"
#define ZWSP "\xE2\x80\x8B"

static void test_trim_ascii(void **state)
{
	(void)state;
	TRIM("", "");
	TRIM("a", "a");
	TRIM("  a  ", "a");
	TRIM("\t\n\v\f\ra b\r\n", "a b");
	TRIM("项目", "项目");
	TRIM(" 项目 ", "项目");
	TRIM("a ", "a");
	TRIM(" a", "a");
	TRIM("项目 ", "项目");
	TRIM("项目\n", "项目");
}

static void test_trim_unicode_space(void **state)
{
	(void)state;
	TRIM(SP3000 "项目" SP3000, "项目");
	TRIM(NBSP "项目" NBSP, "项目");
	TRIM(BOM "项目编号", "项目编号");
	TRIM("项目编号" BOM, "项目编号");
	TRIM(ZWSP "项目" ZWSP, "项目");
	TRIM("项目" ZWSP, "项目");
	TRIM("项目" NBSP, "项目");
	TRIM("项目" SP3000, "项目");
	TRIM("a" NBSP, "a");
	TRIM("P001" SP3000, "P001");
	TRIM(SP3000 NBSP BOM ZWSP " \t12,345.67" ZWSP BOM NBSP SP3000 " ", "12,345.67");
	TRIM(NBSP NBSP "x" NBSP NBSP, "x");
	TRIM("（万元）" SP3000, "（万元）");
	TRIM(SP3000 "（万元）", "（万元）");
	TRIM("😀" NBSP, "😀");
	TRIM("é" SP3000, "é");
}

static void test_trim_keeps_inner_space(void **state)
{
	(void)state;
	TRIM("项" SP3000 "目", "项" SP3000 "目");
	TRIM(" 项" NBSP "目 ", "项" NBSP "目");
	TRIM(ZWSP "a" ZWSP "b" ZWSP, "a" ZWSP "b");
	TRIM(BOM "a" BOM "b", "a" BOM "b");
	TRIM("a  b", "a  b");
}

static void test_trim_does_not_eat_lookalikes(void **state)
{
	(void)state;
	/* Bytes that share a prefix with a space but are other characters. */
	TRIM("\xE3\x80\x81", "\xE3\x80\x81");          /* 、 U+3001 */
	TRIM("a\xE2\x80\x8C", "a\xE2\x80\x8C");        /* ZWNJ U+200C */
	TRIM("\xC2\xA1" "a", "\xC2\xA1" "a");          /* ¡ */
	TRIM("a\xEF\xBB\xBE", "a\xEF\xBB\xBE");
	/* A space character cut short is not a space. */
	TRIM("a\xE3\x80", "a\xE3\x80");
	TRIM("\xE3\x80" "a", "\xE3\x80" "a");
	TRIM("\xC2", "\xC2");
}

static void test_is_blank(void **state)
{
	(void)state;
	assert_true(tz_text_is_blank("", 0));
	assert_true(tz_text_is_blank("   ", 3));
	assert_true(tz_text_is_blank(SP3000 NBSP BOM ZWSP "\t\r\n", 3 + 2 + 3 + 3 + 3));
	assert_false(tz_text_is_blank("a", 1));
	assert_false(tz_text_is_blank(" " SP3000 "0" SP3000, 1 + 3 + 1 + 3));
	assert_false(tz_text_is_blank("\xE3\x80", 2));
	assert_false(tz_text_is_blank("\0", 1));
	/* Only len bytes count. */
	assert_true(tz_text_is_blank("  x", 2));
}

/* ------------------------------------------------------------------ */
/* UTF-16                                                              */

/* `utf8` as UTF-16 (`enc`), with a BOM if asked, into `out`. */
static void to_utf16(const char *utf8, const char *enc, int bom, struct tz_buf *out)
{
	iconv_t cd = iconv_open(enc, "UTF-8");
	char *in = (char *)utf8, *o;
	size_t inleft = strlen(utf8), outleft = inleft * 4 + 4;

	assert_true(cd != (iconv_t)-1);
	out->max = TZ_LIMIT_DOC;
	assert_int_equal(tz_buf_grow(out, outleft + 2), 0);
	if (bom)
		tz_buf_add(out, !strcmp(enc, "UTF-16LE") ? "\xff\xfe" : "\xfe\xff", 2);
	o = out->buf + out->len;
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	out->len = (size_t)(o - out->buf);
	iconv_close(cd);
}

static void test_utf16_guess(void **state)
{
	size_t bom;

	(void)state;
	assert_int_equal(tz_text_utf16_guess("\xff\xfe", 2, &bom), TZ_ENC_UTF16LE);
	assert_int_equal(bom, 2);
	assert_int_equal(tz_text_utf16_guess("\xfe\xff" "\0a", 4, &bom), TZ_ENC_UTF16BE);
	assert_int_equal(bom, 2);
	/* No BOM: the zero bytes of tabs and line ends, in CJK text too. */
	assert_int_equal(tz_text_utf16_guess("y\x98\xee\x76\t\0\xf0\x79\r\0\n\0", 12, &bom),
			 TZ_ENC_UTF16LE);
	assert_int_equal(bom, 0);
	assert_int_equal(tz_text_utf16_guess("\x98y\x76\xee\0\t\x79\xf0\0\r\0\n", 12, &bom),
			 TZ_ENC_UTF16BE);
	/* Not UTF-16: text, GBK, binary small integers. */
	assert_int_equal(tz_text_utf16_guess("a,b\n1,2\n", 8, &bom), TZ_ENC_UNKNOWN);
	assert_int_equal(tz_text_utf16_guess("\xcf\xee\xc4\xbf,1\n", 7, &bom), TZ_ENC_UNKNOWN);
	assert_int_equal(tz_text_utf16_guess("\x01\0\x02\0\x03\0\x04\0\x05\0\x06\0", 12, &bom),
			 TZ_ENC_UNKNOWN);
	assert_int_equal(tz_text_utf16_guess("a", 1, &bom), TZ_ENC_UNKNOWN);
	assert_string_equal(tz_encoding_name(TZ_ENC_UTF16LE), "UTF-16LE");
	assert_string_equal(tz_encoding_name(TZ_ENC_UTF16BE), "UTF-16BE");
}

/* UTF-16 streams like any other encoding, in any read size; a line end
 * in UTF-16 is counted on the text (a 0x0A byte is not always one). */
static void test_utf16_stream(void **state)
{
	struct tz_buf want = TZ_BUF_INIT, data = TZ_BUF_INIT;
	static const char *const encs[] = { "UTF-16LE", "UTF-16BE" };

	(void)state;
	want.max = TZ_LIMIT_DOC;
	make_text(&want, 100 * 1024, 16);
	for (size_t e = 0; e < 2; e++) {
		for (int bom = 0; bom < 2; bom++) {
			tz_buf_reset(&data);
			to_utf16(want.buf, encs[e], bom, &data);
			for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
				expect_stream(data.buf, data.len, chunks[i], &want,
					      e ? TZ_ENC_UTF16BE : TZ_ENC_UTF16LE);
		}
	}
	/* U+4E0A (上) holds a 0x0A byte in UTF-16LE; a bad surrogate on line 3. */
	{
		static const char bad[] = "\xff\xfe" "\x0a\x4e\n\0" "a\0\n\0" "\x00\xdc\n\0";
		struct tz_textin *t = tz_textin_open_mem(bad, sizeof(bad) - 1);
		struct tz_buf got = TZ_BUF_INIT;
		struct tz_err err;

		tz_err_clear(&err);
		assert_int_equal(read_all(t, 64, &got, &err), TZ_EENCODING);
		assert_int_equal(err.line, 3);
		assert_string_equal(got.buf, "上\na\n");
		tz_buf_release(&got);
		tz_textin_close(t);
	}
	tz_buf_release(&want);
	tz_buf_release(&data);
}

/* Invisible characters are removed wherever they are, and counted. */
static void test_strip_invisible(void **state)
{
	char s[] = "\xe2\x80\x8bP\xef\xbb\xbf" "1\xc2\xad\xe2\x81\xa0\xe2\x80\x8d\xe2\x80\xae"
		   "\xe2\x81\xa6\xe1\xa0\x8e 站\xe2\x80\x8c前区\xe2\x80\x8b";
	char keep[] = "\xc2\xb7鲅鱼圈 \xc2\xad\xc2\xad\xc2\xad\xc2\xa0\xe2\x80\x93\xe2\x80\x94";
	size_t removed, n;

	(void)state;
	n = tz_text_strip_invisible(s, strlen(s), &removed);
	assert_int_equal(removed, 10);
	assert_int_equal(n, strlen("P1 站前区"));
	assert_memory_equal(s, "P1 站前区", n);
	assert_true(tz_text_invisible(0x200B) && tz_text_invisible(0xFEFF) && tz_text_invisible(0xAD));
	assert_false(tz_text_invisible(0x3000) || tz_text_invisible(0xA0) || tz_text_invisible('P'));
	/* Three soft hyphens go; the middle dot, no-break space and dashes stay. */
	n = tz_text_strip_invisible(keep, strlen(keep), &removed);
	assert_int_equal(removed, 3);
	assert_memory_equal(keep, "\xc2\xb7鲅鱼圈 \xc2\xa0\xe2\x80\x93\xe2\x80\x94", n);
}

/* Walkthrough 9, item 1: one list of words for "none"; the code's words
 * are not an amount's. */
static void test_none_word(void **state)
{
	(void)state;
	assert_string_equal(tz_text_none_word("无", strlen("无"), TZ_NONE_CODE), "无");
	assert_string_equal(tz_text_none_word(" 待赋码 ", strlen(" 待赋码 "), TZ_NONE_CODE), "待赋码");
	assert_string_equal(tz_text_none_word("尚未赋码", strlen("尚未赋码"), TZ_NONE_CODE), "尚未赋码");
	assert_string_equal(tz_text_none_word("—", strlen("—"), TZ_NONE_AMOUNT), "—");
	assert_string_equal(tz_text_none_word("/", 1, TZ_NONE_CODE | TZ_NONE_AMOUNT), "/");
	/* A word of the code's is an amount's error, not its blank. */
	assert_null(tz_text_none_word("待赋码", strlen("待赋码"), TZ_NONE_AMOUNT));
	assert_null(tz_text_none_word("暂无", strlen("暂无"), TZ_NONE_AMOUNT));
	/* Codes and words that only contain one are none of them. */
	assert_null(tz_text_none_word("P1", 2, TZ_NONE_CODE));
	assert_null(tz_text_none_word("无锡1号", strlen("无锡1号"), TZ_NONE_CODE));
	assert_null(tz_text_none_word("2025-001", 8, TZ_NONE_CODE));
	assert_null(tz_text_none_word("", 0, TZ_NONE_CODE));
	assert_null(tz_text_none_word("   ", 3, TZ_NONE_CODE));
}

/* ------------------------------------------------------------------ */
/* Fast paths against their general cases                              */

/* UTF-8 as RFC 3629 says, one sequence at a time: the reference the
 * validator's loops (ASCII words, runs of three-byte characters) must
 * agree with. */
static int ref_utf8_valid(const unsigned char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		else
			return 0;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		if (i + n > len || p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (size_t k = 2; k < n; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xBF)
				return 0;
		i += n;
	}
	return 1;
}

/* A deterministic generator, so a failure can be replayed. */
static unsigned long next_rand(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/*
 * Random texts of Chinese characters in runs, ASCII, the three-byte
 * leads at the edges of what is valid (E0, ED, EF), two- and four-byte
 * characters, and now and then a sequence cut short or a stray byte:
 * tz_utf8_valid answers as the reference at every length.
 */
static void test_utf8_valid_agrees(void **state)
{
	static const char *const pieces[] = {
		"中", "国", "鲅鱼圈区", "项目", ",", "P2023", "2025-01", "0.00", " ",
		"\xE0\xA0\x80", "\xED\x9F\xBF", "\xEF\xBF\xBF", "\xE1\x80\x80", "é",
		"\xF0\x9F\x98\x80", "，", "\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8",
		"\xE4", "\x80", "\xC0\x80", "\xFF", "\xF4\x90\x80\x80", "\xE4\xB8\x41",
	};
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	unsigned long x = 20261201;
	char buf[256];

	(void)state;
	for (int round = 0; round < 20000; round++) {
		size_t len = 0, want = next_rand(&x) % 40;
		/* Mostly valid pieces: the invalid ones (from "\xE0\x80\x80"
		 * on) one time in eight. */
		for (size_t k = 0; k < want; k++) {
			size_t i = next_rand(&x) % 8 ? next_rand(&x) % 16 : next_rand(&x) % npieces;
			size_t n = strlen(pieces[i]);

			if (len + n > sizeof(buf))
				break;
			memcpy(buf + len, pieces[i], n);
			len += n;
		}
		for (size_t cut = 0; cut <= len; cut++)
			if (tz_utf8_valid(buf, cut) != ref_utf8_valid((const unsigned char *)buf, cut))
				fail_msg("round %d, %zu bytes: tz_utf8_valid says %d", round, cut,
					 tz_utf8_valid(buf, cut));
	}
}

/*
 * tz_text_trim and tz_text_is_blank answer some texts inline: the answer
 * is always that of the general case (tz_text_trim_ends,
 * tz_text_blank_scan), for texts made of every kind of white space and
 * of characters whose first or last byte is like a space's.
 */
static void test_trim_inline_agrees(void **state)
{
	static const char *const pieces[] = {
		" ", "\t", "\n", "\r", "\v", "\f", "a", "1", "中", "鲅", "\xE3\x80\x80", "\xC2\xA0",
		"\xEF\xBB\xBF", "\xE2\x80\x8B", "，", "、", "é", "\xE2\x80\x94", "\x7F",
	};
	const size_t npieces = sizeof(pieces) / sizeof(pieces[0]);
	unsigned long x = 4242;
	char buf[64];

	(void)state;
	for (int round = 0; round < 50000; round++) {
		size_t len = 0, want = next_rand(&x) % 6;
		const char *a, *b;
		size_t alen, blen;

		for (size_t k = 0; k < want; k++) {
			const char *p = pieces[next_rand(&x) % npieces];
			size_t n = strlen(p);

			memcpy(buf + len, p, n);
			len += n;
		}
		a = b = buf;
		alen = blen = len;
		tz_text_trim(&a, &alen);
		tz_text_trim_ends(&b, &blen);
		if (a != b || alen != blen)
			fail_msg("round %d: trim kept [%td, +%zu), the general case [%td, +%zu)", round,
				 a - buf, alen, b - buf, blen);
		if (tz_text_is_blank(buf, len) != tz_text_blank_scan(buf, len))
			fail_msg("round %d: tz_text_is_blank says %d", round, tz_text_is_blank(buf, len));
		assert_int_equal(tz_text_is_blank(buf, len), alen == 0);
	}
}

/* A two-character name padded to three characters' width (walkthrough
 * 12), and only that. */
static void name_unpad_is(const char *s, const char *want)
{
	char out[TZ_TEXT_NAME2_MAX] = "x";
	size_t n = tz_text_name_unpad(s, strlen(s), out);

	if (want) {
		assert_int_equal(n, strlen(want));
		assert_string_equal(out, want);
	} else {
		assert_int_equal(n, 0);
		assert_string_equal(out, "x");
	}
}

static void test_name_unpad(void **state)
{
	(void)state;
	name_unpad_is("王 强", "王强");
	name_unpad_is("王　强", "王强");    /* U+3000 */
	name_unpad_is("王\xc2\xa0强", "王强"); /* U+00A0 */
	name_unpad_is("王  　强", "王强");
	name_unpad_is("㐀 强", "㐀强");      /* CJK extension A */
	name_unpad_is("王强", NULL);        /* nothing to take out */
	name_unpad_is("欧阳 强", NULL);     /* three characters: not padding */
	name_unpad_is("王强 李明", NULL);   /* perhaps two people */
	name_unpad_is("王 强同志", NULL);
	name_unpad_is("王 b", NULL);
	name_unpad_is("A 强", NULL);
	name_unpad_is("王、强", NULL);
	name_unpad_is("王 \xe5", NULL);     /* cut UTF-8 */
	name_unpad_is("", NULL);
	name_unpad_is("　 　", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_detect_ascii_and_utf8),
		cmocka_unit_test(test_detect_bom),
		cmocka_unit_test(test_detect_gbk),
		cmocka_unit_test(test_detect_utf8_cut_at_sample_end),
		cmocka_unit_test(test_detect_garbage_is_unknown),
		cmocka_unit_test(test_to_utf8_from_gbk_exact),
		cmocka_unit_test(test_to_utf8_drops_bom),
		cmocka_unit_test(test_to_utf8_errors),
		cmocka_unit_test(test_to_utf8_offset_counts_the_bom),
		cmocka_unit_test(test_to_utf8_gbk_fits_tight_cap),
		cmocka_unit_test(test_stream_utf8_large),
		cmocka_unit_test(test_stream_utf8_bom_large),
		cmocka_unit_test(test_stream_gbk_large),
		cmocka_unit_test(test_stream_boundary_splits_each_byte_of_a_character),
		cmocka_unit_test(test_stream_long_ascii_prefix_then_gbk),
		cmocka_unit_test(test_stream_long_ascii_prefix_then_utf8),
		cmocka_unit_test(test_stream_pure_ascii_and_empty),
		cmocka_unit_test(test_stream_small_inputs),
		cmocka_unit_test(test_stream_buffer_too_small),
		cmocka_unit_test(test_stream_invalid_utf8_after_valid_names_line),
		cmocka_unit_test(test_stream_invalid_utf8_early_names_line),
		cmocka_unit_test(test_stream_invalid_gbk_early_names_line),
		cmocka_unit_test(test_stream_invalid_gbk_names_line),
		cmocka_unit_test(test_stream_truncated_character_at_end),
		cmocka_unit_test(test_stream_undecidable_encoding),
		cmocka_unit_test(test_stream_from_file),
		cmocka_unit_test(test_utf8_next_valid_sequences),
		cmocka_unit_test(test_utf8_invalid_sequences),
		cmocka_unit_test(test_utf8_len_counts_invalid_bytes_once),
		cmocka_unit_test(test_utf8_valid_matches_reference),
		cmocka_unit_test(test_utf8_valid_long_runs),
		cmocka_unit_test(test_fold_width),
		cmocka_unit_test(test_fold_width_cap),
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_trim_ascii),
		cmocka_unit_test(test_trim_unicode_space),
		cmocka_unit_test(test_trim_keeps_inner_space),
		cmocka_unit_test(test_trim_does_not_eat_lookalikes),
		cmocka_unit_test(test_is_blank),
		cmocka_unit_test(test_strip_invisible),
		cmocka_unit_test(test_utf16_guess),
		cmocka_unit_test(test_utf16_stream),
		cmocka_unit_test(test_none_word),
		cmocka_unit_test(test_utf8_valid_agrees),
		cmocka_unit_test(test_trim_inline_agrees),
		cmocka_unit_test(test_name_unpad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
