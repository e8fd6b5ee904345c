/*
 * test-html.c: the HTML bulletin. The page is written so that it is also
 * well-formed XML; the test parses it with libxml2 (a stray "<" or "&"
 * from an unescaped name fails the parse) and checks its structure with
 * XPath: hostile names escaped, the opening paragraphs, the group table
 * in 亿元 with 合计, rank changes and blanks for groups without a plan,
 * below-average groups marked, every cell labelled for the phone's cards,
 * the SVG chart with one bar per group and the schedule line, the lagging
 * list cut at 100 with a note, and the 未报送 list. How it lays out on a
 * phone is tests/browser/t0200-bulletin-phone.mjs.
 */
#include "tz-test.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "report/summary.h"
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

#define GROUPS "(//" EL("table") ")[1]"

static void test_structure(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	struct tz_buf text = TZ_BUF_INIT;
	struct page pg;
	char *para, *nl;

	(void)state;
	render(b, &pg);
	assert_xstr(&pg, "/" EL("html") "/@lang", "zh-CN");
	assert_xstr(&pg, "//" EL("meta") "[@name='viewport']/@content",
		    "width=device-width, initial-scale=1");
	assert_xstr(&pg, "//" EL("title")"[1]", "2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_xstr(&pg, "//" EL("h1"), "2025年1-6月重点项目建设情况通报（按所属地区）");
	assert_non_null(strstr(pg.html, "序时进度 <b>50.00%</b>"));
	assert_non_null(strstr(pg.html, "调度期 <b>2025-06</b>"));
	assert_non_null(strstr(pg.html, "未报送 <b>0</b> 个"));
	/* The opening paragraphs, one <p> each, as summary.c words them. */
	assert_int_equal(tz_bulletin_summary(b, &text), 0);
	assert_int_equal(xnum(&pg, "count(//" EL("section") "[@class='summary']/" EL("p") ")"), 3);
	para = text.buf;
	for (int i = 1; i <= 3; i++, para = nl ? nl + 1 : para) {
		char expr[96];

		if ((nl = strchr(para, '\n')))
			*nl = '\0';
		snprintf(expr, sizeof(expr), "//" EL("section") "[@class='summary']/" EL("p") "[%d]", i);
		assert_xstr(&pg, expr, para);
	}
	tz_buf_release(&text);
	/* The group table: 13 columns (every project has a plan: no
	 * 未安排计划项目完成投资), 4 groups in rank order, 合计 in tfoot, money in
	 * 亿元, a rank kept shown as 0 (walkthrough 17 M5). */
	assert_int_equal(xnum(&pg, "count(" GROUPS "/" EL("thead") "//" EL("th") ")"),
			 TZ_BULLETIN_NCOLS - 1);
	assert_xstr(&pg, GROUPS "//" EL("th") "[3]", "所属地区");
	assert_xstr(&pg, GROUPS "//" EL("th") "[6]", "年度计划投资(亿元)");
	assert_xstr(&pg, GROUPS "//" EL("th") "[8]", "投资完成率");
	assert_int_equal(xnum(&pg, "count(" GROUPS "/" EL("tbody") "/" EL("tr") ")"), 4);
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[1]", "1");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[2]", "0");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[3]", "鲅鱼圈区");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[5]", "6.67");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[6]", "2.22");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[8]", "90.00%");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[3]", "合计");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[1]", "");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[4]", "154");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[6]", "4.02");
	assert_xstr(&pg, "//" EL("tfoot") "//" EL("td") "[8]", "56.19%");
	page_free(&pg);
	tz_bulletin_free(b);
}

/*
 * What the phone's cards are made of: every cell of every table carries
 * its column's header as data-label; the name is the card's head and the
 * rate its first line (classes head and rate); the layout switches at
 * 640 px without JavaScript.
 */
static void test_cards(void **state)
{
	struct tz_bulletin *b = fix_moves();
	struct page pg;

	(void)state;
	render(b, &pg);
	assert_non_null(strstr(pg.html, "@media (max-width:640px)"));
	assert_non_null(strstr(pg.html, ".list td::before{content:attr(data-label)"));
	assert_int_equal(xnum(&pg, "count(//" EL("td") ")"),
			 xnum(&pg, "count(//" EL("td") "[@data-label!=''])"));
	assert_int_equal(xnum(&pg, "count(//" EL("table") "[not(ancestor::" EL("div")
				   "[contains(@class,'list')])])"), 0);
	/* Each group's rate cell is labelled 投资完成率 and marked as the rate. */
	assert_int_equal(xnum(&pg, "count(" GROUPS "//" EL("td") "[@data-label='投资完成率'])"), 5);
	assert_int_equal(xnum(&pg, "count(" GROUPS "//" EL("td") "[@data-label='投资完成率']"
				   "[contains(@class,'rate')])"), 5);
	assert_int_equal(xnum(&pg, "count(" GROUPS "//" EL("td") "[@class='head'])"), 5);
	/* Rank changes as people read them; 丁区 has no plan: no rank, no rate. */
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[1]/" EL("td") "[2]", "↑2");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[2]/" EL("td") "[2]", "↓1");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[4]/" EL("td") "[3]", "丁区");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[4]/" EL("td") "[1]", "");
	assert_xstr(&pg, GROUPS "/" EL("tbody") "/" EL("tr") "[4]/" EL("td") "[8]", "");
	/* The lagging list: one card per project, its ratio marked. */
	assert_int_equal(xnum(&pg, "count(//" EL("table") "[@class='lagging']/" EL("tbody") "/"
				   EL("tr") ")"), 1);
	assert_xstr(&pg, "//" EL("table") "[@class='lagging']//" EL("td") "[@class='num rate']",
		    "0.00%");
	assert_xstr(&pg, "//" EL("table") "[@class='lagging']//" EL("td") "[@class='head']", "M3");
	/* The 未报送 list, by group. */
	assert_non_null(strstr(pg.html, "未报送项目（2个）"));
	assert_int_equal(xnum(&pg, "count(//" EL("table") "[@class='missing']/" EL("tbody") "/"
				   EL("tr") ")"), 2);
	assert_xstr(&pg, "//" EL("table") "[@class='missing']/" EL("tbody") "/" EL("tr") "[1]/"
			 EL("td") "[2]", "M3");
	assert_xstr(&pg, "//" EL("table") "[@class='missing']/" EL("tbody") "/" EL("tr") "[2]/"
			 EL("td") "[4]", "丁区");
	assert_xstr(&pg, "//" EL("table") "[@class='missing']/" EL("tbody") "/" EL("tr") "[2]/"
			 EL("td") "[6]/@data-label", "包联领导");
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
	assert_int_equal(xnum(&pg, "count(//" EL("tr") "[not(@class)]/" EL("td") "[13][.!=''])"), 0);
	assert_xstr(&pg, "//" EL("tr") "[@class='below'][1]/" EL("td") "[3]", FIX_QUOTES);
	assert_xstr(&pg, "//" EL("tr") "[@class='below'][1]/" EL("td") "[13]", "▼ 是");
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
	assert_non_null(strstr(pg.html, "本期应报送的项目均已报送"));
	assert_int_equal(xnum(&pg, "count(//" EL("table") ")"), 1);
	assert_xstr(&pg, "(//" EL("table") ")[1]//" EL("th") "[3]", "项目类别");
	assert_xstr(&pg, "//" EL("h1"), "2025年1月重点项目建设情况通报（按项目类别）");
	page_free(&pg);
	tz_bulletin_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_below_average_marked),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_lagging_list),
		cmocka_unit_test(test_no_lagging),
	};

	return cmocka_run_group_tests_name("report/html", tests, NULL, NULL);
}
