/*
 * test-pdf.c: the PDF bulletin. Bulletins are written to files and read
 * back with poppler's tools (pdfinfo, pdftotext -raw, pdffonts), as a
 * reader's viewer would: A4 pages numbered "第N页 共M页", the title,
 * 调度期 and the opening paragraphs as real text, the ranking table with
 * its rank changes, the lagging list continued over pages with its header
 * repeated, the 未报送 list, hostile names printed as they are (never
 * taken as markup), the Noto CJK fonts embedded, and a write error
 * reported.
 */
#include "tz-test.h"
#include "tz-xlsx-test.h"

#include "report/summary.h"
#include "report/writer.h"
#include "bulletin-fixture.h"

/* Write `b` as a PDF into a new temporary file. */
static char *write_pdf(struct tz_bulletin *b)
{
	char *path = tzt_tmpname(".pdf");
	FILE *fp = fopen(path, "wb");
	struct tz_err err;

	assert_non_null(fp);
	tz_err_clear(&err);
	assert_ptr_equal(tz_bulletin_writer_find("pdf"), &tz_bulletin_pdf);
	assert_true(tz_bulletin_pdf.binary);
	if (tz_bulletin_pdf.write(b, fp, &err))
		fail_msg("write failed: %s", err.msg);
	assert_int_equal(fclose(fp), 0);
	return path;
}

/* The standard output of `cmd path tail`; caller frees. */
static char *run(const char *cmd, const char *path, const char *tail)
{
	struct tz_buf out = TZ_BUF_INIT;
	char line[4096];
	FILE *p;

	snprintf(line, sizeof(line), "%s '%s' %s 2>/dev/null", cmd, path, tail);
	p = popen(line, "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p))
		tz_buf_adds(&out, line);
	assert_int_equal(pclose(p), 0);
	return tz_buf_detach(&out, NULL);
}

/* Text without any white space (pdftotext breaks lines where pango did). */
static char *flat(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			*o++ = *s;
	*o = '\0';
	return out;
}

/* The text of each page (pdftotext separates pages with a form feed). */
struct pages {
	char *text;      /* all of it, without white space */
	char *split;     /* the same, cut into pages */
	char *page[64];
	int n;
};

static void pages_read(struct pages *p, const char *path)
{
	char *raw = run("pdftotext -raw", path, "-"), *s;

	p->text = flat(raw);
	p->split = strdup(p->text);
	free(raw);
	p->n = 0;
	for (s = p->split; s && p->n < 64; p->n++) {
		p->page[p->n] = s;
		if ((s = strchr(s, '\f')))
			*s++ = '\0';
		if (s && !*s)
			s = NULL;
	}
}

static void pages_free(struct pages *p)
{
	free(p->text);
	free(p->split);
}

static int pdf_pages(const char *path)
{
	char *info = run("pdfinfo", path, ""), *at = strstr(info, "Pages:");
	int n;

	assert_non_null(at);
	n = atoi(at + 6);
	assert_non_null(strstr(info, "Page size:       595.28 x 841.89 pts (A4)"));
	free(info);
	return n;
}

static void contains(const char *text, const char *want)
{
	char *w = flat(want);

	if (!strstr(text, w))
		fail_msg("\"%s\" not in the PDF's text", want);
	free(w);
}

/* ------------------------------------------------------------------ */

static void test_document(void **state)
{
	struct tz_bulletin *b = fix_bulletin();
	char *path = write_pdf(b), *head, *fonts, want[64];
	struct tz_buf text = TZ_BUF_INIT;
	struct pages pg;
	FILE *fp;
	int n, rows = 0;

	(void)state;
	fp = fopen(path, "rb");
	head = calloc(1, 8);
	assert_int_equal(fread(head, 1, 5, fp), 5);
	fclose(fp);
	assert_string_equal(head, "%PDF-");
	free(head);
	n = pdf_pages(path);
	pages_read(&pg, path);
	assert_int_equal(pg.n, n);
	assert_true(n >= 4);  /* 151 lagging projects do not fit on one page */
	/* Every page numbered, with the total. */
	for (int i = 0; i < n; i++) {
		snprintf(want, sizeof(want), "第%d页共%d页", i + 1, n);
		if (!strstr(pg.page[i], want))
			fail_msg("page %d has no \"%s\": %s", i + 1, want, pg.page[i]);
	}
	/* Title, 调度期 and the paragraphs, as text. */
	contains(pg.page[0], "2025年1-6月重点项目建设情况通报");
	contains(pg.page[0], "（按所属地区）");
	contains(pg.page[0], "调度期：2025-06");
	contains(pg.page[0], "序时进度：50.00%");
	assert_int_equal(tz_bulletin_summary(b, &text), 0);
	for (char *p = text.buf, *nl; p; p = nl ? nl + 1 : NULL) {
		if ((nl = strchr(p, '\n')))
			*nl = '\0';
		contains(pg.text, p);
	}
	tz_buf_release(&text);
	/* The ranking table: headers, a row, 合计. */
	contains(pg.text, "一、各所属地区投资完成情况");
	contains(pg.text, "排名较上月所属地区项目数年度计划投资(亿元)累计完成投资(亿元)投资完成率开工率未报送");
	contains(pg.text, "10鲅鱼圈区22.222.0090.00%100.00%0");
	contains(pg.text, "合计1544.022.2656.19%100.00%0");
	/* Names are text, never markup. */
	contains(pg.text, FIX_HOSTILE);
	contains(pg.text, FIX_QUOTES);
	contains(pg.text, "项目<名称>&");
	/* (a wrapped cell: pdftotext -raw gives its lines apart) */
	contains(pg.text, "用地“指");
	contains(pg.text, "标”未落实&");
	/* The chart's labels and schedule. */
	contains(pg.text, "二、各所属地区投资完成率与序时进度");
	contains(pg.text, "序时进度50.0%");
	/* Lagging: every project, the header repeated on each page it runs on. */
	contains(pg.text, "三、进度滞后项目（151个）");
	contains(pg.text, "151项目<名称>&");
	for (const char *p = pg.text; (p = strstr(p, "项目<名称>&")); p++)
		rows++;
	assert_int_equal(rows, 1 + FIX_LONG_N + 1);  /* the paragraph, then every row */
	for (int i = 0, in = 0; i < n; i++) {
		if (strstr(pg.page[i], "三、进度滞后项目"))
			in = 1;
		if (in && !strstr(pg.page[i], "序号项目名称所属地区"))
			fail_msg("page %d continues the lagging list without its header", i + 1);
		if (strstr(pg.page[i], "四、未报送项目"))
			in = 0;
	}
	contains(pg.page[n - 1], "四、未报送项目（0个）");
	contains(pg.page[n - 1], "本期应报送的项目均已报送。");
	/* Real fonts, embedded: Noto Serif CJK and Noto Sans CJK. */
	fonts = run("pdffonts", path, "");
	assert_non_null(strstr(fonts, "NotoSerifCJK"));
	assert_non_null(strstr(fonts, "NotoSansCJK"));
	free(fonts);
	pages_free(&pg);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/* Rank changes, a group without a plan, the 未报送 list. */
static void test_moves(void **state)
{
	struct tz_bulletin *b = fix_moves();
	char *path = write_pdf(b), want[64];
	struct pages pg;
	int n;

	(void)state;
	n = pdf_pages(path);
	pages_read(&pg, path);
	assert_int_equal(pg.n, n);
	contains(pg.text, "1↑2甲区10.010.0190.00%100.00%0");
	contains(pg.text, "2↓1丙区10.010.0189.43%100.00%0");
	/* 丁区: no rank, no change, no rate; one project missing. */
	contains(pg.text, "丁区20.000.0050.00%1");
	contains(pg.text, "三、进度滞后项目（1个）");
	contains(pg.text, "四、未报送项目（2个）");
	contains(pg.text, "1M3M3乙区市发展改革委李某");
	contains(pg.text, "2M5M5丁区市发展改革委李某");
	snprintf(want, sizeof(want), "第%d页共%d页", n, n);
	contains(pg.page[n - 1], want);
	pages_free(&pg);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/* An unfinished, empty bulletin does not crash; nothing lags. */
static void test_empty(void **state)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 1 }, TZ_BY_LEVEL);
	char *path;
	struct pages pg;

	(void)state;
	assert_int_equal(tz_bulletin_finish(b, NULL), TZ_ENOTFOUND);
	path = write_pdf(b);
	pages_read(&pg, path);
	contains(pg.text, "2025年1月重点项目建设情况通报");
	contains(pg.text, "本期没有进度滞后的项目。");
	pages_free(&pg);
	unlink(path);
	free(path);
	tz_bulletin_free(b);
}

/* A full disk is an error with a message, not a truncated file. */
static void test_write_error(void **state)
{
	struct tz_bulletin *b = fix_moves();
	FILE *fp = fopen("/dev/full", "wb");
	struct tz_err err;

	(void)state;
	if (!fp)
		skip();
	setvbuf(fp, NULL, _IONBF, 0);
	tz_err_clear(&err);
	assert_int_equal(tz_bulletin_pdf.write(b, fp, &err), TZ_EIO);
	assert_non_null(strstr(err.msg, "PDF"));
	fclose(fp);
	tz_bulletin_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests_name("report/pdf", tests, NULL, NULL);
}
