/*
 * test-html.c: the escaping helpers every page is written through.
 */
#include "tz-test.h"

#include "base/err.h"
#include "base/html.h"

static void test_txt(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_html_txt(&b, "<script>alert(\"x\" & 'y')</script>"), 0);
	assert_string_equal(b.buf, "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
	tz_buf_reset(&b);
	/* UTF-8 passes; invalid bytes become U+FFFD; controls go, tab and
	 * newline stay. */
	assert_int_equal(tz_html_txt(&b, "鲅鱼圈\xff区\x01\t\n"), 0);
	assert_string_equal(b.buf, "鲅鱼圈\xef\xbf\xbd区\t\n");
	tz_buf_reset(&b);
	assert_int_equal(tz_html_txt(&b, NULL), 0);
	assert_string_equal(b.buf, "");
	tz_buf_release(&b);
}

static void test_attr(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_html_attr(&b, "a\"b\nc<d>&"), 0);
	assert_string_equal(b.buf, "a&quot;b&#10;c&lt;d&gt;&amp;");
	tz_buf_release(&b);
}

static void test_url_arg(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_html_url_arg(&b, "a b&c=d/营口~_.-"), 0);
	assert_string_equal(b.buf, "a%20b%26c%3Dd%2F%E8%90%A5%E5%8F%A3~_.-");
	tz_buf_release(&b);
}

static void test_f(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	assert_int_equal(tz_html_f(&b, "<td class=\"%s\">%s|%d|%5.1f|%zu|%lld|%%|%c|%-3s|%02x</td>",
				   "a\"b", "<b>", -7, 3.14159, (size_t)42, (long long)1 << 40, '<',
				   "&", 255), 0);
	assert_string_equal(b.buf, "<td class=\"a&quot;b\">&lt;b&gt;|-7|  3.1|42|1099511627776|%|"
			    "&lt;|&amp;|ff</td>");
	tz_buf_release(&b);
}

static void test_raw_and_cap(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 8);
	assert_int_equal(tz_html_raw(&b, "<b>"), 0);
	assert_string_equal(b.buf, "<b>");
	assert_int_equal(tz_html_txt(&b, "<<<<"), TZ_ETOOBIG);
	assert_true(b.len <= 8);
	tz_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_txt),
		cmocka_unit_test(test_attr),
		cmocka_unit_test(test_url_arg),
		cmocka_unit_test(test_f),
		cmocka_unit_test(test_raw_and_cap),
	};

	return cmocka_run_group_tests_name("base/html", tests, NULL, NULL);
}
