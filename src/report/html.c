/*
 * html.c: the bulletin as one standalone HTML page (`bulletin --format
 * html`), no JavaScript, no external assets, every string escaped through
 * base/html.h, printable.
 *
 * The page opens with the title, the key figures and the opening
 * paragraphs (summary.c), then the group table (tz_bulletin_table_columns
 * and tz_bulletin_group_cells, money in 亿元 as in the XLSX summary),
 * completion rate per group against the schedule as an inline SVG bar
 * chart, and the first HTML_LIST_MAX lagging and 未报送 projects.
 *
 * On a phone (up to 640 px) nothing is hidden off-screen: each table row
 * becomes a card, its cells labelled from data-label by CSS, the group's
 * name and its 投资完成率 first and large; the tables' headers, which the
 * labels repeat, are not shown. On wider screens the tables are tables.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/html.h"
#include "base/limits.h"
#include "base/text.h"
#include "core/money.h"
#include "report/summary.h"
#include "report/writer.h"
#include "base/banned.h"

#define HTML_LIST_MAX 100   /* lagging or 未报送 projects listed on the page */
#define LABEL_CHARS 7       /* chart labels longer than this are cut */

/* The page being built; the first error sticks (as in git's strbuf). */
struct page {
	struct tz_buf b;
	int rc;
};

static void pf(struct page *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append with every %s escaped. */
static void pf(struct page *p, const char *fmt, ...)
{
	va_list ap;

	if (p->rc)
		return;
	va_start(ap, fmt);
	p->rc = tz_html_vf(&p->b, fmt, ap);
	va_end(ap);
}

/* Append markup written here, unescaped. */
static void praw(struct page *p, const char *s)
{
	if (!p->rc)
		p->rc = tz_html_raw(&p->b, s);
}

static const char page_css[] =
	"*{box-sizing:border-box}"
	"body{margin:0;background:#f4f5f7;color:#222;line-height:1.5;"
	"font-family:-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\","
	"\"Noto Sans CJK SC\",sans-serif}"
	"main{max-width:1240px;margin:0 auto;padding:12px}"
	"h1{font-size:1.3rem;margin:.4rem 0 .6rem}"
	"h2{font-size:1.05rem;margin:1.4rem 0 .5rem}"
	".meta{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:0;padding:0;list-style:none;"
	"color:#444}"
	".meta b{color:#111}"
	".summary p{margin:.5rem 0;text-indent:2em;text-align:justify;overflow-wrap:anywhere}"
	".card{background:#fff;border-radius:6px;padding:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
	".scroll{overflow-x:auto}"
	"table{border-collapse:collapse;font-size:.875rem;width:100%}"
	"th,td{padding:6px 8px;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}"
	"th{background:#eef1f5;font-weight:600;vertical-align:bottom}"
	"td{overflow-wrap:break-word}"
	".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	"td.rank,td.chg{text-align:center;white-space:nowrap}"
	"tr.below td{background:#fff3f1}"
	"tr.below td:first-child{box-shadow:inset 4px 0 #d9534f}"
	".mark{color:#c9302c;font-weight:600}"
	"tfoot td{font-weight:700;background:#f7f7f7;border-top:2px solid #c8ccd2}"
	"svg{display:block;width:100%;max-width:540px;height:auto;margin:0 auto}"
	".legend{text-align:center;font-size:.8rem;color:#555;margin:.3rem 0 0}"
	".legend i{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .8em;vertical-align:-.05em}"
	".legend .k1{background:#3b7dd8}.legend .k2{background:#d9534f}"
	".legend .k3{width:1.2em;height:0;border-top:2px dashed #e8960c;vertical-align:.25em}"
	".bar{fill:#3b7dd8}.bar.below{fill:#d9534f}"
	".grid{stroke:#e3e5e8;stroke-width:1}"
	".sched{stroke:#e8960c;stroke-width:2;stroke-dasharray:5 3}"
	".lbl,.val,.tick{font-size:12px;fill:#333}.tick{fill:#777;font-size:10px}"
	".slbl{font-size:11px;fill:#b36b00}"
	".note{color:#666;font-size:.85rem;margin:.4rem 0}"
	"footer{color:#888;font-size:.8rem;text-align:center;padding:1.2rem 0}"
	/* A phone: every row a card, every cell labelled. */
	"@media (max-width:640px){"
	"main{padding:8px}h1{font-size:1.15rem}"
	".card.list{background:none;box-shadow:none;padding:0}"
	".list table,.list tbody,.list tfoot{display:block;width:auto}"
	".list thead{display:none}"
	".list tr{display:grid;grid-template-columns:1fr 1fr;gap:0 12px;background:#fff;"
	"border-radius:6px;padding:8px 10px;margin:0 0 8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
	".list tr.below{box-shadow:inset 4px 0 #d9534f,0 1px 2px rgba(0,0,0,.08)}"
	".list tr.below td,.list tfoot td{background:none}"
	".list tr.below td:first-child{box-shadow:none}"
	".list tfoot tr{border:2px solid #c8ccd2}"
	".list td{display:flex;justify-content:space-between;gap:8px;min-width:0;padding:3px 0;"
	"border-bottom:1px dashed #eceef1;text-align:right;white-space:normal;"
	"overflow-wrap:anywhere}"
	".list td::before{content:attr(data-label);color:#666;text-align:left;flex:0 1 auto;"
	"min-width:4em;font-weight:400}"
	/* Numbers stay whole; their labels wrap instead. */
	".list td.num{white-space:nowrap;overflow-wrap:normal}"
	".list td.num::before{white-space:normal}"
	".list td.wide{grid-column:1/-1}"
	".list td.head{order:-2;grid-column:1/-1;font-size:1.05rem;font-weight:700;"
	"border-bottom:1px solid #e3e5e8;text-align:left}"
	".list td.head::before{content:none}"
	".list td.rate{order:-1;grid-column:1/-1;font-size:1.1rem;font-weight:700}"
	".list td:empty{display:none}"
	"}"
	"@media print{body{background:#fff}.card,.list tr{box-shadow:none}main{max-width:none}"
	"tr{break-inside:avoid}}";

/* ------------------------------------------------------------------ */
/* Figures                                                             */

/* 0.01 万元 as "1,234,567.89" (万元) and as "123.46" (亿元). */
static char *money_grouped(int64_t v, char out[48])
{
	char plain[TZ_MONEY_FMT_MAX];

	return tz_digits_grouped(tz_money_fmt(v, plain), out);
}

static char *yi_grouped(int64_t v, char out[48])
{
	char plain[32];

	return tz_digits_grouped(tz_money_fmt_yi(v, plain), out);
}

/*
 * A cell labelled with its column's header (the card's label on a phone)
 * and with class `cls` ("rate", "head", "wide"…, or NULL).
 */
static void cell(struct page *p, const struct tz_table_column *col, const struct tz_cell *c,
		 const char *cls)
{
	char buf[48];
	int num = col->kind != TZ_CELL_TEXT;

	pf(p, "<td class=\"%s%s%s\" data-label=\"%s\">", num ? "num" : "", num && cls ? " " : "",
	   cls ? cls : "", col->header);
	/* A blank cell (no rank, no rate) stays empty. */
	if (!c->blank) {
		if (col->kind == TZ_CELL_TEXT)
			pf(p, "%s", c->text ? c->text : "");
		else if (col->kind == TZ_CELL_MONEY)
			pf(p, "%s", money_grouped(c->value, buf));
		else if (col->kind == TZ_CELL_YI)
			pf(p, "%s", yi_grouped(c->value, buf));
		else if (col->kind == TZ_CELL_RATE)
			pf(p, "%s", tz_rate_fmt_pct((int32_t)c->value, 2, buf));
		else
			pf(p, "%" PRId64, c->value);
	}
	praw(p, "</td>");
}

static void header_row(struct page *p, const struct tz_table_column *cols, size_t n)
{
	praw(p, "<tr>");
	for (size_t i = 0; i < n; i++)
		pf(p, cols[i].kind == TZ_CELL_TEXT ? "<th>%s</th>" : "<th class=\"num\">%s</th>",
		   cols[i].header);
	praw(p, "</tr>");
}

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static void head(struct page *p, const char *title)
{
	praw(p, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
	pf(p, "<title>%s</title>\n", title);
	praw(p, "<style>");
	praw(p, page_css);
	praw(p, "</style>\n</head>\n<body>\n<main>\n");
}

static void summary(struct page *p, const struct tz_bulletin *b, const char *title)
{
	const struct tz_bulletin_group *t = tz_bulletin_totals(b);
	char period[TZ_PERIOD_FMT_MAX], sched[TZ_RATE_FMT_MAX], rate[TZ_RATE_FMT_MAX];
	struct tz_buf text = TZ_BUF_INIT;

	tz_period_fmt(tz_bulletin_period(b), period);
	tz_rate_fmt_pct(tz_bulletin_schedule(b), 2, sched);
	tz_rate_fmt_pct(t->completion_rate, 2, rate);
	pf(p, "<h1>%s</h1>\n<ul class=\"meta\">", title);
	pf(p, "<li>调度期 <b>%s</b></li><li>序时进度 <b>%s</b></li>", period, sched);
	if (t->has_rate)
		pf(p, "<li>%s投资完成率 <b>%s</b></li>", tz_bulletin_scope(b), rate);
	pf(p, "<li>项目 <b>%" PRId64 "</b> 个</li>", t->projects);
	pf(p, "<li>进度滞后 <b>%zu</b> 个</li>", tz_bulletin_lag_count(b));
	pf(p, "<li>未报送 <b>%zu</b> 个</li></ul>\n", tz_bulletin_missing_count(b));
	/* The opening paragraphs, one <p> each. */
	tz_buf_init(&text, TZ_LIMIT_DEFAULT);
	if (!p->rc)
		p->rc = tz_bulletin_summary(b, &text);
	praw(p, "<section class=\"summary\">");
	for (char *para = text.buf, *nl; para && !p->rc; para = nl ? nl + 1 : NULL) {
		if ((nl = strchr(para, '\n')))
			*nl = '\0';
		pf(p, "<p>%s</p>", para);
	}
	praw(p, "</section>\n");
	tz_buf_release(&text);
}

/*
 * A group's row: rank, change, name, figures, the first `ncols` columns
 * (tz_bulletin_table_ncols). On a phone its card shows the name and then
 * the rate first (classes head and rate).
 */
static void group_row(struct page *p, const struct tz_bulletin *b,
		      const struct tz_table_column *cols, size_t ncols,
		      const struct tz_bulletin_group *g)
{
	static const char *const cls[TZ_BULLETIN_NCOLS] = {
		"rank", "chg", "head", NULL, NULL, NULL, NULL, "rate",
	};
	struct tz_cell cells[TZ_BULLETIN_NCOLS];
	char change[16];

	tz_bulletin_group_cells(b, g, cells, change);
	praw(p, g->below_average ? "<tr class=\"below\">" : "<tr>");
	for (size_t i = 0; i < ncols; i++) {
		if (i != TZ_BULLETIN_COL_BELOW)
			cell(p, &cols[i], &cells[i], cls[i]);
		/* 低于全市平均 (tz_bulletin_below_label): "是" with a visible mark. */
		else if (g->below_average)
			pf(p, "<td data-label=\"%s\"><span class=\"mark\" aria-hidden=\"true\">▼"
			      "</span> %s</td>", cols[i].header, cells[i].text);
		else
			pf(p, "<td data-label=\"%s\"></td>", cols[i].header);
	}
	praw(p, "</tr>\n");
}

static void group_table(struct page *p, const struct tz_bulletin *b)
{
	struct tz_table_column cols[TZ_BULLETIN_NCOLS];
	size_t ncols = tz_bulletin_table_ncols(b);

	tz_bulletin_table_columns(b, cols);
	tz_bulletin_columns_in_yi(cols);
	pf(p, "<h2>各%s投资完成情况（按投资完成率排名）</h2>\n", cols[2].header);
	praw(p, "<div class=\"card scroll list\"><table class=\"groups\">\n<thead>");
	header_row(p, cols, ncols);
	praw(p, "</thead>\n<tbody>\n");
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		group_row(p, b, cols, ncols, tz_bulletin_group_at(b, i));
	praw(p, "</tbody>\n<tfoot>");
	group_row(p, b, cols, ncols, tz_bulletin_totals(b));
	praw(p, "</tfoot>\n</table></div>\n");
	pf(p, "<p class=\"note\">金额单位：亿元。<span class=\"mark\">▼</span> "
	      "投资完成率低于%s平均水平；未安排年度计划投资的不参与排名%s。"
	      "较上月为排名变化（↑上升，↓下降，0不变，—无上月排名）。"
	      "金额按亿元四舍五入，分项之和与合计可能有尾差。</p>\n", tz_bulletin_scope(b),
	   ncols == TZ_BULLETIN_NCOLS ? "，其完成投资不计入累计完成投资和投资完成率，另列为"
					 "未安排计划项目完成投资" : "");
}

/* ------------------------------------------------------------------ */
/* The chart                                                           */

/* Geometry of the chart, in SVG user units (close to CSS px on a phone). */
enum {
	CH_W = 360,        /* whole width */
	CH_LABEL = 110,    /* group names, right-aligned before the plot */
	CH_VALUE = 52,     /* room for the value after the longest bar */
	CH_TOP = 30,       /* room for the schedule label */
	CH_ROW = 26,
	CH_BAR = 16,
	CH_BOTTOM = 22,    /* tick labels */
	CH_PLOT = CH_W - CH_LABEL - CH_VALUE,
};

/* The scale's end: 100% or more, a multiple of 25%. */
static int32_t chart_max(const struct tz_bulletin *b)
{
	int32_t max = TZ_RATE_ONE;

	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		if (tz_bulletin_group_at(b, i)->completion_rate > max)
			max = tz_bulletin_group_at(b, i)->completion_rate;
	return (max + 2499) / 2500 * 2500;
}

static double chart_x(int32_t rate, int32_t max)
{
	if (rate < 0)
		rate = 0;
	return CH_LABEL + (double)CH_PLOT * rate / max;
}

/* The first LABEL_CHARS characters of s, with "…" if it was longer. */
static void short_label(const char *s, struct tz_buf *out)
{
	const char *p = s, *end = s + strlen(s);
	size_t n = 0;

	while (p < end && n < LABEL_CHARS) {
		tz_utf8_next(&p, end);
		n++;
	}
	tz_buf_reset(out);
	tz_buf_add(out, s, (size_t)(p - s));
	if (p < end)
		tz_buf_adds(out, "…");
}

static void chart_grid(struct page *p, int32_t max, int height)
{
	char pct[TZ_RATE_FMT_MAX];

	for (int32_t r = 0; r <= max; r += 2500) {
		double x = chart_x(r, max);

		pf(p, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x,
		   CH_TOP - 4, x, height - CH_BOTTOM);
		pf(p, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
		   height - 8, tz_rate_fmt_pct(r, 0, pct));
	}
}

static void chart_bar(struct page *p, const struct tz_bulletin *b,
		      const struct tz_bulletin_group *g, size_t i, int32_t max, struct tz_buf *label)
{
	char pct[TZ_RATE_FMT_MAX];
	const char *val;
	int y = CH_TOP + (int)i * CH_ROW + (CH_ROW - CH_BAR) / 2;
	double x1 = chart_x(g->has_rate ? g->completion_rate : 0, max);

	short_label(g->key, label);
	/* A group without a plan has no rate (not 0.00%): no bar, and its
	 * label says so (walkthrough 17 B2). */
	val = g->has_rate ? tz_rate_fmt_pct(g->completion_rate, 2, pct) : "无年度计划";
	pf(p, "<g><title>%s：%s%s%s%s</title>", g->key, val, g->below_average ? "（" : "",
	   g->below_average ? tz_bulletin_below_label(b) : "", g->below_average ? "）" : "");
	pf(p, "<text class=\"lbl\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", CH_LABEL - 6,
	   y + CH_BAR - 4, label->buf);
	if (g->has_rate)
		pf(p, "<rect class=\"bar%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
		   g->below_average ? " below" : "", CH_LABEL, y, x1 - CH_LABEL, CH_BAR);
	pf(p, "<text class=\"val\" x=\"%.1f\" y=\"%d\">%s</text></g>\n", x1 + 4, y + CH_BAR - 4, val);
}

static void chart(struct page *p, const struct tz_bulletin *b, const char *by_label)
{
	size_t n = tz_bulletin_group_count(b);
	int height = CH_TOP + (int)n * CH_ROW + CH_BOTTOM;
	int32_t max = chart_max(b), sched = tz_bulletin_schedule(b);
	struct tz_buf label = TZ_BUF_INIT;
	char pct[TZ_RATE_FMT_MAX];
	double xs = chart_x(sched, max);

	pf(p, "<h2>各%s投资完成率与序时进度</h2>\n<div class=\"card\">", by_label);
	pf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
	      "aria-labelledby=\"chart-title\">", CH_W, height);
	pf(p, "<title id=\"chart-title\">各%s投资完成率与序时进度%s对比</title>\n", by_label,
	   tz_rate_fmt_pct(sched, 2, pct));
	chart_grid(p, max, height);
	for (size_t i = 0; i < n; i++)
		chart_bar(p, b, tz_bulletin_group_at(b, i), i, max, &label);
	pf(p, "<line class=\"sched\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", xs, CH_TOP - 8,
	   xs, height - CH_BOTTOM);
	pf(p, "<text class=\"slbl\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">序时进度 %s</text>", xs,
	   CH_TOP - 12, xs > CH_W - 60 ? "end" : "middle", pct);
	pf(p, "</svg><p class=\"legend\"><i class=\"k1\"></i>投资完成率<i class=\"k2\"></i>"
	      "%s<i class=\"k3\"></i>序时进度</p></div>\n", tz_bulletin_below_label(b));
	tz_buf_release(&label);
}

/* ------------------------------------------------------------------ */
/* The lists                                                           */

/*
 * A list table: the first `shown` of n rows, cards on a phone with the
 * project's name on top and the columns in `wide` across the card.
 */
static void list_head(struct page *p, const struct tz_table_column *cols, size_t ncols,
		      const char *cls)
{
	pf(p, "<div class=\"card scroll list\"><table class=\"%s\">\n<thead>", cls);
	header_row(p, cols, ncols);
	praw(p, "</thead>\n<tbody>\n");
}

static void list_row(struct page *p, const struct tz_table_column *cols, size_t ncols,
		     const struct tz_cell *cells)
{
	praw(p, "<tr>");
	for (size_t c = 0; c < ncols; c++) {
		const char *h = cols[c].header, *cls = NULL;

		if (!strcmp(h, "项目名称"))
			cls = "head";
		else if (!strcmp(h, "完成比例"))
			cls = "rate";
		else if (!strcmp(h, "存在问题") || !strcmp(h, "责任单位"))
			cls = "wide";
		cell(p, &cols[c], &cells[c], cls);
	}
	praw(p, "</tr>\n");
}

static void lag_table(struct page *p, const struct tz_bulletin *b)
{
	size_t n = tz_bulletin_lag_count(b), shown = n < HTML_LIST_MAX ? n : HTML_LIST_MAX;
	struct tz_cell cells[TZ_LAG_NCOLS];

	pf(p, "<h2>进度滞后项目（%zu个）</h2>\n", n);
	if (!n) {
		praw(p, "<p class=\"note\">本期没有进度滞后的项目。</p>\n");
		return;
	}
	praw(p, "<p class=\"note\">年度投资完成比例落后序时进度10个百分点以上的项目，"
		"按完成比例从低到高排列，金额单位：万元");
	if (n > shown)
		pf(p, "；此处列出前%zu个，另有%zu个未列出，完整名单见XLSX或PDF通报", shown,
		   n - shown);
	praw(p, "。</p>\n");
	list_head(p, tz_lag_columns, TZ_LAG_NCOLS, "lagging");
	for (size_t i = 0; i < shown; i++) {
		tz_bulletin_lag_cells(tz_bulletin_lag_at(b, i), i + 1, cells);
		list_row(p, tz_lag_columns, TZ_LAG_NCOLS, cells);
	}
	praw(p, "</tbody></table></div>\n");
}

static void missing_table(struct page *p, const struct tz_bulletin *b)
{
	size_t n = tz_bulletin_missing_count(b), shown = n < HTML_LIST_MAX ? n : HTML_LIST_MAX;
	struct tz_cell cells[TZ_MISSING_NCOLS];

	pf(p, "<h2>未报送项目（%zu个）</h2>\n", n);
	if (!n) {
		praw(p, "<p class=\"note\">本期应报送的项目均已报送。</p>\n");
		return;
	}
	pf(p, "<p class=\"note\">应报送而未报送本期调度数据的项目，按%s排列",
	   tz_bulletin_by_label(tz_bulletin_by(b)));
	if (n > shown)
		pf(p, "；此处列出前%zu个，另有%zu个未列出，完整名单见XLSX或PDF通报", shown,
		   n - shown);
	praw(p, "。</p>\n");
	list_head(p, tz_missing_columns, TZ_MISSING_NCOLS, "missing");
	for (size_t i = 0; i < shown; i++) {
		tz_bulletin_missing_cells(tz_bulletin_missing_at(b, i), i + 1, cells);
		list_row(p, tz_missing_columns, TZ_MISSING_NCOLS, cells);
	}
	praw(p, "</tbody></table></div>\n");
}

static int bulletin_html(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	struct page p = { TZ_BUF_INIT, 0 };
	char title[256];
	int rc;

	tz_buf_init(&p.b, TZ_LIMIT_OUTPUT);
	tz_bulletin_title(b, title, sizeof(title));
	head(&p, title);
	summary(&p, b, title);
	group_table(&p, b);
	chart(&p, b, tz_bulletin_by_label(tz_bulletin_by(b)));
	lag_table(&p, b);
	missing_table(&p, b);
	praw(&p, "</main>\n<footer>台账 · 重点项目调度</footer>\n</body>\n</html>\n");
	if (p.rc)
		rc = tz_err_set(err, p.rc, "通报页面生成失败（超过大小上限）");
	else if (fwrite(p.b.buf, 1, p.b.len, fp) != p.b.len || fflush(fp))
		rc = tz_err_set(err, TZ_EIO, "写入通报页面失败");
	else
		rc = 0;
	tz_buf_release(&p.b);
	return rc;
}

const struct tz_bulletin_writer_type tz_bulletin_html = { "html", bulletin_html, 0 };
