/*
 * test-docparse-parts.c: the document reader's scanners one by one: dates
 * (well-formed, compact, garbled), numbers with units, exact decimals,
 * folding, HTML stripping.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "doc/doc-internal.h"

static int date_of(const char *s, struct dp_date *d)
{
	size_t len = strlen(s);

	return tz_dp_date_at(s, len, 0, d) == len;
}

static void test_date_wellformed(void **state)
{
	struct dp_date d;

	(void)state;
	assert_true(date_of("2022年2月16日", &d));
	assert_int_equal(d.y, 2022);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 16);
	assert_true(date_of("2024年08月29日", &d));
	assert_int_equal(d.m, 8);
	assert_true(date_of("2023-07-20", &d));
	assert_int_equal(d.d, 20);
	assert_true(date_of("2023/7/5", &d));
	assert_true(date_of("二〇二二年二月十六日", &d));
	assert_int_equal(d.y, 2022);
	assert_int_equal(d.d, 16);
	assert_true(date_of("二〇二三年十二月三十一日", &d));
	assert_int_equal(d.m, 12);
	assert_int_equal(d.d, 31);
	assert_true(date_of("2023年9月", &d));
	assert_int_equal(d.d, 0);
	/* not dates */
	assert_int_equal(tz_dp_date_at("2023年13月1日", 16, 0, &d), 0);
	assert_int_equal(tz_dp_date_at("1234年1月", 11, 0, &d), 0);
	assert_int_equal(tz_dp_date_at("2023年2月30日", 16, 0, &d) == 16, 0);
}

static void test_date_field(void **state)
{
	struct dp_date d;
	int g, a;

	(void)state;
	assert_true(tz_dp_date_field("2023930", 0, 7, &d, &g, &a));
	assert_true(g);
	assert_false(a);
	assert_int_equal(d.y, 2023);
	assert_int_equal(d.m, 9);
	assert_int_equal(d.d, 30);
	/* 2023-1-11 or 2023-11-1 */
	assert_true(tz_dp_date_field("2023111", 0, 7, &d, &g, &a));
	assert_true(g);
	assert_true(a);
	/* YYYYMMDD is a compact form, not damage */
	assert_true(tz_dp_date_field("20231015", 0, 8, &d, &g, &a));
	assert_false(g);
	assert_int_equal(d.m, 10);
	assert_true(tz_dp_date_field(" 2024年6月3日 ", 0, 17, &d, &g, &a));
	assert_false(g);
	assert_false(tz_dp_date_field("13922366072", 0, 11, &d, &g, &a));
}

/* Garbled dates found in a one-line document, as "text=reading;" pairs. */
static void garbled(const char *line, char *out, size_t size)
{
	struct tz_doc *doc;
	struct tz_err err;
	size_t n = 0;

	assert_int_equal(tz_docparse(line, strlen(line), &doc, &err), 0);
	out[0] = '\0';
	for (size_t i = 0; i < doc->nwarnings; i++) {
		if (strcmp(doc->warnings[i].kind, "garbled_date"))
			continue;
		n += (size_t)snprintf(out + n, size - n, "%s=%s;", doc->warnings[i].text,
				      doc->warnings[i].reading ? doc->warnings[i].reading : "?");
	}
	tz_doc_free(doc);
}

static void test_garbled_dates(void **state)
{
	char out[512];

	(void)state;
	garbled("20213月，市政府印发方案。", out, sizeof(out));
	assert_string_equal(out, "20213月=2021-03;");
	garbled("于219日通过审查，202331日签约，37日印发。", out, sizeof(out));
	assert_string_equal(out, "219日=--02-19;202331日=2023-03-01;37日=--03-07;");
	/* 112日: 1月12日 or 11月2日 */
	garbled("112日前完成整改。", out, sizeof(out));
	assert_string_equal(out, "112日=?;");
	garbled("20239月30日召开会议。", out, sizeof(out));
	assert_string_equal(out, "20239月=2023-09-30;");
	/* well-formed dates and durations are not garbled */
	garbled("2023年7月5日，1-8月，9月中旬，30日内，全年365日，每月15日，120日内完成，"
		"12月，2023年12月31日，1-3月份，2#3#泊位，72#73#。",
		out, sizeof(out));
	assert_string_equal(out, "");
	/* a signature of bare digits */
	garbled("湖南省发展和改革委员会\n2023930\n", out, sizeof(out));
	assert_string_equal(out, "2023930=2023-09-30;");
}

static void test_quantities(void **state)
{
	struct dp_qty q;
	const char *s;

	(void)state;
	s = "340.43亿元";
	assert_int_equal(tz_dp_qty_at(s, strlen(s), 0, &q), strlen(s));
	assert_string_equal(q.value, "340.43");
	assert_string_equal(q.unit, "亿元");
	assert_int_equal(q.dec.mant, 34043);
	assert_int_equal(q.dec.scale, 2);
	s = "52,398万元";
	assert_int_equal(tz_dp_qty_at(s, strlen(s), 0, &q), strlen(s));
	assert_string_equal(q.value, "52398");
	s = "7,109个";
	tz_dp_qty_at(s, strlen(s), 0, &q);
	assert_string_equal(q.value, "7109"); /* a thousands group before a unit */
	s = "7,10个";
	tz_dp_qty_at(s, strlen(s), 0, &q);
	assert_string_equal(q.value, "7");
	s = "75%124个";
	assert_int_equal(tz_dp_qty_at(s, strlen(s), 0, &q), 3);
	assert_string_equal(q.unit, "%");
	assert_int_equal(tz_dp_qty_at(s, strlen(s), 3, &q), strlen(s));
	assert_string_equal(q.value, "124");
	s = "3个月";
	tz_dp_qty_at(s, strlen(s), 0, &q);
	assert_string_equal(q.unit, "个月");
	s = "A123";
	assert_int_equal(tz_dp_qty_at(s, strlen(s), 1, &q), 0);
	s = "12345678901234567890123";
	tz_dp_qty_at(s, strlen(s), 0, &q);
	assert_false(q.ok);
}

static void test_decimals(void **state)
{
	struct dp_dec a = { 214, 0 }, b = { 916, 0 }, c = { 425, 0 }, s = { 0, 0 }, w = { 1555, 0 };
	struct dp_dec x = { 34043, 2 }, y = { 340430, 3 };
	char buf[40];

	(void)state;
	assert_true(tz_dp_dec_add(s, a, &s));
	assert_true(tz_dp_dec_add(s, b, &s));
	assert_true(tz_dp_dec_add(s, c, &s));
	assert_int_equal(tz_dp_dec_cmp(s, 0, w, 0), 0);
	assert_int_equal(tz_dp_dec_cmp(x, 0, y, 0), 0);
	/* 1.2 亿元 = 12000 万元 */
	assert_int_equal(tz_dp_dec_cmp((struct dp_dec){ 12, 1 }, 4, (struct dp_dec){ 12000, 0 }, 0), 0);
	tz_dp_dec_fmt(x, buf);
	assert_string_equal(buf, "340.43");
	tz_dp_dec_fmt((struct dp_dec){ 5, 3 }, buf);
	assert_string_equal(buf, "0.005");
	tz_dp_dec_fmt(w, buf);
	assert_string_equal(buf, "1555");
}

static void test_fold(void **state)
{
	uint32_t out[8];

	(void)state;
	assert_int_equal(tz_dp_fold_cp(0xFF08, out), 1); /* （ */
	assert_int_equal(out[0], '(');
	assert_int_equal(tz_dp_fold_cp(0x2474, out), 3); /* ⑴ */
	assert_int_equal(out[1], '1');
	assert_int_equal(tz_dp_fold_cp(0x2460, out), 3); /* ① */
	assert_int_equal(out[0], '(');
	assert_int_equal(tz_dp_fold_cp(0x3220, out), 3); /* ㈠ */
	assert_int_equal(out[1], 0x4E00);
	assert_int_equal(tz_dp_fold_cp(0x5104, out), 1); /* 億 */
	assert_int_equal(out[0], 0x4EBF);
	assert_int_equal(tz_dp_fold_cp(0x500B, out), 1); /* 個 */
	assert_int_equal(out[0], 0x4E2A);
	assert_int_equal(tz_dp_fold_cp(0x2F2F, out), 1); /* ⼯ Kangxi radical */
	assert_int_equal(out[0], 0x5DE5);
	assert_int_equal(tz_dp_fold_cp(0x200B, out), 0);
	assert_int_equal(tz_dp_fold_cp(0x3014, out), 1); /* 〔 stays */
	assert_int_equal(out[0], 0x3014);
	assert_int_equal(tz_dp_t2s(0x570B), 0x56FD); /* 國 */
	assert_int_equal(tz_dp_t2s(0x4E2D), 0x4E2D);
}

static void test_html(void **state)
{
	const char *h = "<html><head><title>标题</title><style>p{}</style></head><body>\n"
			"<script>var a = '<p>x</p>';</script><p>第一段&nbsp;&amp;&#x4E00;&#20108;&ldquo;"
			"</p><table><tr><td>索引号：</td><td>A1</td></tr></table>\n<!-- c -->"
			"<p>末段<br>换行</p></body></html>";
	struct tz_buf out = TZ_BUF_INIT;
	size_t *nl, nnl;

	(void)state;
	assert_true(tz_dp_is_html(h, strlen(h)));
	assert_false(tz_dp_is_html("纯文本 a < b", 16));
	assert_int_equal(tz_dp_html_strip(h, strlen(h), &out, &nl, &nnl), 0);
	assert_non_null(strstr(out.buf, "第一段\xC2\xA0&一二\xE2\x80\x9C"));
	assert_null(strstr(out.buf, "标题"));
	assert_null(strstr(out.buf, "var a"));
	assert_non_null(strstr(out.buf, "索引号：\tA1"));
	assert_non_null(strstr(out.buf, "末段\n换行"));
	assert_int_equal(nnl, 2);
	free(nl);
	tz_buf_release(&out);
	/* an unclosed script keeps the text and stays linear */
	h = "<p>前</p><script>never closed<p>后</p>";
	tz_buf_init(&out, 0);
	assert_int_equal(tz_dp_html_strip(h, strlen(h), &out, &nl, &nnl), 0);
	assert_non_null(strstr(out.buf, "后"));
	free(nl);
	tz_buf_release(&out);
	/* an apostrophe in an unquoted attribute value is not a quote */
	h = "<p class=it's>甲</p><p>乙</p>";
	tz_buf_init(&out, 0);
	assert_int_equal(tz_dp_html_strip(h, strlen(h), &out, &nl, &nnl), 0);
	assert_non_null(strstr(out.buf, "甲\n乙"));
	free(nl);
	tz_buf_release(&out);
	/* a task table keeps a row on one line, its cells tab-separated,
	 * even when Word put a paragraph in every cell */
	h = "<table><tr><td><p>序号</p></td><td><p>任务</p></td><td><p>牵头单位</p></td></tr>"
	    "<tr><td><p>1</p></td><td><p>修路</p><p>架桥</p></td><td><p>市交通局</p></td></tr></table>";
	tz_buf_init(&out, 0);
	assert_int_equal(tz_dp_html_strip(h, strlen(h), &out, &nl, &nnl), 0);
	assert_non_null(strstr(out.buf, "序号\t任务\t牵头单位"));
	assert_non_null(strstr(out.buf, "1\t修路 架桥\t市交通局"));
	free(nl);
	tz_buf_release(&out);
}

/* HTML is found after any number of blank lines, or after a long script. */
static void test_html_found(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	tz_buf_init(&b, 0);
	for (int k = 0; k < 3000; k++)
		tz_buf_adds(&b, "\r\n");
	tz_buf_adds(&b, "<html><body><p>正文</p></body></html>");
	assert_true(tz_dp_is_html(b.buf, b.len));
	tz_buf_release(&b);
	tz_buf_init(&b, 0);
	for (int k = 0; k < 300; k++)
		tz_buf_adds(&b, "var cfg = {site: 'x', path: '/a/b/'};\n");
	tz_buf_adds(&b, "<div>正文</div>");
	assert_true(tz_dp_is_html(b.buf, b.len));
	tz_buf_release(&b);
	assert_false(tz_dp_is_html("1 < 2，2 > 1。\n", 17));
	/* a page that ends with the tag of a table (found by the fuzzer) */
	{
		const char *h = "<p>x</p><table";
		struct tz_buf out = TZ_BUF_INIT;
		size_t *nl, nnl;

		tz_buf_init(&out, 0);
		assert_int_equal(tz_dp_html_strip(h, strlen(h), &out, &nl, &nnl), 0);
		free(nl);
		tz_buf_release(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_wellformed), cmocka_unit_test(test_date_field),
		cmocka_unit_test(test_garbled_dates),   cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_decimals),        cmocka_unit_test(test_fold),
		cmocka_unit_test(test_html),            cmocka_unit_test(test_html_found),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
