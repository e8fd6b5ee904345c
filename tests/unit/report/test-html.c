/*
 * test-html.c: the HTML bulletin. The page is written so that it is also
 * well-formed XML; the test parses it with libxml2 (a stray "<" or "&"
 * from an unescaped name fails the parse) and checks its structure with
 * XPath: hostile names escaped, the group table with 合计, below-average
 * groups marked, the SVG chart with one bar per group and the schedule
 * line, and the lagging list cut at 100 with a note.
 */
#include "tz-test.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "report/writer.h"
#include "bulletin-fixture.h"

struct page {
	char *html;
	size_t len;
	xmlDocPtr doc;
	xmlXPathContextPtr xp;
};

static void render(struct tz_bulletin *b, struct page *pg)
{
	FILE *fp = open_memstream(&pg->html, &pg->len);
	struct tz_err err;

	assert_non_null(fp);
	tz_err_clear(&err);
	assert_int_equal(tz_bulletin_html.write(b, fp, &err), 0);
	fclose(fp);
	pg->doc = xmlReadMemory(pg->html, (int)pg->len, "bulletin.html", "UTF-8",
				XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!pg->doc) {
		const xmlError *e = xmlGetLastError();

		fail_msg("the page is not well-formed: line %d: %s", e ? e->line : 0,
			 e ? e->message : "?");
	}
	pg->xp = xmlXPathNewContext(pg->doc);
	assert_non_null(pg->xp);
}

static void page_free(struct page *pg)
{
	xmlXPathFreeContext(pg->xp);
	xmlFreeDoc(pg->doc);
	free(pg->html);
}

static double xnum(struct page *pg, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, pg->xp);
	double v;

	assert_non_null(o);
	v = xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	return v;
}

/* The string value of an XPath expression; caller frees. */
static char *xstr(struct page *pg, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, pg->xp);
	xmlChar *s;
	char *out;

	assert_non_null(o);
	s = xmlXPathCastToString(o);
	out = strdup((const char *)s);
	xmlFree(s);
	xmlXPathFreeObject(o);
	return out;
}

static void assert_xstr(struct page *pg, const char *expr, const char *want)
{
	char *got = xstr(pg, expr);

	if (strcmp(got, want))
		fail_msg("%s: \"%s\" != \"%s\"", expr, got, want);
	free(got);
}

#define EL(name) "*[local-name()='" name "']"

static void test_escaping(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	struct page pg;

	(void)state;
	render(b, &pg);
	/* Escaped in the source, intact as text once parsed. */
	assert_non_null(strstr(pg.html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(pg.html, "&quot;&amp;&#39;"));
	assert_null(strstr(pg.html, "<script"));
	assert_int_equal(xnum(&pg, "count(//" EL("script") ")"), 0);
	assert_int_equal(xnum(&pg, "count(//" EL("td") "[.='" FIX_HOSTILE "'])"), 1);
	assert_int_equal(xnum(&pg, "count(//" EL("td") "[.=concat('\"&',\"'\")])"), 1);
	/* Project names with markup in the lagging list, too. */
	assert_true(xnum(&pg, "count(//" EL("td") "[.='项目<名称>&'])") >= 100);
	/* No external anything. */
	assert_null(strstr(pg.html, "src="));
	assert_null(strstr(pg.html, "href="));
	assert_null(strstr(pg.html, "<link"));
	page_free(&pg);
	tz_bulletin_free(b);
}

static void test_structure(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	struct page pg;

	(void)state;
	render(b, &pg);
	assert_xstr(&pg, "/" EL("html") "/@lang", "zh-CN");
	assert_xstr(&pg, "//" EL("meta") "[@name='viewport']/@content",
		    "width=device-width, initial-scale=1");
	assert_xstr(&pg, "//" EL("title")"[1]", "2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_xstr(&pg, "//" EL("h1"), "2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_non_null(strstr(pg.html, "序时进度 <b>50.00%</b>"));
	assert_non_null(strstr(pg.html, "调度期 <b>2025-06</b>"));
	/* The group table: header, 4 groups in rank order, 合计 in tfoot. */
	assert_int_equal(xnum(&pg, "count((//" EL("table") ")[1]/" EL("thead") "//" EL("th") ")"), 10);
	assert_xstr(&pg, "(//" EL("table") ")[1]//" EL("th") "[2]", "所属地区");
	assert_int_equal(xnum(&pg, "count((//" EL("table") ")[1]/" EL("tbody") "/" EL("tr") ")"), 4);
	assert_xstr(&pg, "(//" EL("table") ")[1]/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[2]",
		    "鲅鱼圈区");
	assert_xstr(&pg, "(//" EL("table") ")[1]/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[5]",
		    "22,222.22");
	assert_xstr(&pg, "(//" EL("table") ")[1]/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[7]",
		    "90.00%");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[2]", "合计");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[1]", "");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[3]", "154");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[7]", "56.19%");
	page_free(&pg);
	tz_bulletin_free(b);
}

static void test_below_average_marked(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	size_t below = 0;
	struct page pg;

	(void)state;
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		below += tz_bulletin_group_at(b, i)->below_average ? 1 : 0;
	assert_int_equal(below, 3);
	render(b, &pg);
	assert_int_equal(xnum(&pg, "count(//" EL("tr") "[@class='below'])"), 3);
	assert_int_equal(xnum(&pg, "count(//" EL("tr") "[@class='below']//" EL("span") "[@class='mark'])"), 3);
	assert_int_equal(xnum(&pg, "count(//" EL("tr") "[not(@class)]/" EL("td") "[10][.!=''])"), 0);
	assert_xstr(&pg, "//" EL("tr") "[@class='below'][1]/" EL("td") "[2]", FIX_QUOTES);
	assert_int_equal(xnum(&pg, "count(//" EL("rect") "[@class='bar below'])"), 3);
	assert_int_equal(xnum(&pg, "count(//" EL("rect") "[@class='bar'])"), 1);
	page_free(&pg);
	tz_bulletin_free(b);
}

static void test_chart(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	struct page pg;
	double w90, w50, x0, xs;

	(void)state;
	render(b, &pg);
	assert_int_equal(xnum(&pg, "count(//" EL("svg") ")"), 1);
	assert_int_equal(xnum(&pg, "count(//" EL("svg") "//" EL("rect") ")"), 4);
	/* Bar lengths follow the rates; the schedule line sits at 50%. */
	w90 = xnum(&pg, "(//" EL("rect") ")[1]/@width");
	w50 = xnum(&pg, "(//" EL("rect") ")[2]/@width");
	x0 = xnum(&pg, "(//" EL("rect") ")[1]/@x");
	xs = xnum(&pg, "//" EL("line") "[@class='sched']/@x1");
	assert_true(w90 > 0 && w50 > 0);
	assert_true(w90 / w50 > 1.79 && w90 / w50 < 1.81);
	assert_true(xs - x0 > w50 - 0.2 && xs - x0 < w50 + 0.2);
	assert_int_equal(xnum(&pg, "count(//" EL("text") "[starts-with(.,'序时进度 50.00%')])"), 1);
	/* Long names are cut on the chart, whole in its tooltip. */
	assert_int_equal(xnum(&pg, "count(//" EL("text") "[.='长兴岛经济技术…'])"), 1);
	assert_int_equal(xnum(&pg, "count(//" EL("g") "/" EL("title") "[starts-with(.,'" FIX_LONG "')])"), 1);
	page_free(&pg);
	tz_bulletin_free(b);
}

static void test_lagging_list(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	struct page pg;

	(void)state;
	assert_int_equal(tz_bulletin_lag_count(b), FIX_LONG_N + 1);
	render(b, &pg);
	assert_int_equal(xnum(&pg, "count((//" EL("table") ")[2]/" EL("tbody") "/" EL("tr") ")"), 100);
	assert_int_equal(xnum(&pg, "count((//" EL("table") ")[2]/" EL("thead") "//" EL("th") ")"),
			 TZ_LAG_NCOLS);
	assert_non_null(strstr(pg.html, "进度滞后项目（151个）"));
	assert_non_null(strstr(pg.html, "此处列出前100个，另有51个未列出"));
	assert_xstr(&pg, "(//" EL("table") ")[2]/" EL("tbody") "/" EL("tr") "[100]/" EL("td") "[1]",
		    "100");
	page_free(&pg);
	tz_bulletin_free(b);
}

static void test_no_lagging(void **state)
{
	struct tz_period p = { 2025, 1 };
	struct tz_bulletin *b = tz_bulletin_new(p, TZ_BY_CATEGORY);
	struct tz_bulletin_row row = { .code = "P1", .name = "港口", .region = "营口",
				       .key = "港口基础设施", .total = 500, .has_plan = 1,
				       .annual = 100, .ytd = 100, .started = 1, .reported = 1,
				       .expected = 1 };
	struct page pg;

	(void)state;
	tz_bulletin_add(b, &row);
	assert_int_equal(tz_bulletin_finish(b, NULL), 0);
	render(b, &pg);
	assert_non_null(strstr(pg.html, "本期没有进度滞后的项目"));
	assert_int_equal(xnum(&pg, "count(//" EL("table") ")"), 1);
	assert_xstr(&pg, "(//" EL("table") ")[1]//" EL("th") "[2]", "项目类别");
	assert_xstr(&pg, "//" EL("h1"), "2025年1月重点项目建设情况通报（按项目类别）");
	page_free(&pg);
	tz_bulletin_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_below_average_marked),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_lagging_list),
		cmocka_unit_test(test_no_lagging),
	};

	return cmocka_run_group_tests_name("report/html", tests, NULL, NULL);
}
