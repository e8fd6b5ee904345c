/*
 * html.c: the bulletin as one standalone HTML page (`bulletin --format
 * html`): readable on a phone (viewport, tables that scroll sideways, a
 * chart that scales), no JavaScript, no external assets, every string
 * escaped through base/html.h.
 *
 * The page shows the same group table as the CSV and XLSX writers (from
 * tz_bulletin_table_columns/tz_bulletin_group_cells), marks groups below
 * the city average, draws completion rate per group against the schedule
 * as an inline SVG bar chart, and lists the first HTML_LAG_MAX lagging
 * projects.
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
#include "report/writer.h"
#include "base/banned.h"

#define HTML_LAG_MAX 100    /* lagging projects listed on the page */
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
	"main{max-width:1100px;margin:0 auto;padding:12px}"
	"h1{font-size:1.3rem;margin:.4rem 0 .6rem}"
	"h2{font-size:1.05rem;margin:1.4rem 0 .5rem}"
	".meta{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;margin:0;padding:0;list-style:none;"
	"color:#444}"
	".meta b{color:#111}"
	".card{background:#fff;border-radius:6px;padding:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
	".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}"
	"table{border-collapse:collapse;white-space:nowrap;font-size:.875rem;min-width:100%}"
	"th,td{padding:6px 8px;border-bottom:1px solid #e3e5e8;text-align:left}"
	"th{background:#eef1f5;font-weight:600}"
	".num{text-align:right;font-variant-numeric:tabular-nums}"
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
	"@media (max-width:480px){main{padding:8px}th,td{padding:5px 6px}h1{font-size:1.15rem}}";

/* ------------------------------------------------------------------ */
/* Figures                                                             */

/* 0.01 万元 as "1,234,567.89". */
static char *money_grouped(int64_t v, char out[48])
{
	char plain[TZ_MONEY_FMT_MAX];
	const char *s = tz_money_fmt(v, plain), *dot = strchr(s, '.');
	size_t i = 0, o = 0, digits;

	if (*s == '-')
		out[o++] = s[i++];
	digits = (size_t)((dot ? dot : s + strlen(s)) - (s + i));
	for (size_t k = 0; k < digits; k++) {
		if (k && (digits - k) % 3 == 0)
			out[o++] = ',';
		out[o++] = s[i++];
	}
	snprintf(out + o, 48 - o, "%s", s + i);
	return out;
}

static void cell(struct page *p, const struct tz_table_column *col, const struct tz_cell *c)
{
	char buf[48];

	if (col->kind == TZ_CELL_TEXT) {
		pf(p, "<td>%s</td>", c->blank ? "" : c->text);
		return;
	}
	if (c->blank)
		praw(p, "<td class=\"num\"></td>");
	else if (col->kind == TZ_CELL_MONEY)
		pf(p, "<td class=\"num\">%s</td>", money_grouped(c->value, buf));
	else if (col->kind == TZ_CELL_RATE)
		pf(p, "<td class=\"num\">%s</td>", tz_rate_fmt_pct((int32_t)c->value, 2, buf));
	else
		pf(p, "<td class=\"num\">%" PRId64 "</td>", c->value);
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

	tz_period_fmt(tz_bulletin_period(b), period);
	tz_rate_fmt_pct(tz_bulletin_schedule(b), 2, sched);
	tz_rate_fmt_pct(t->completion_rate, 2, rate);
	pf(p, "<h1>%s</h1>\n<ul class=\"meta\">", title);
	pf(p, "<li>调度期 <b>%s</b></li><li>序时进度 <b>%s</b></li>", period, sched);
	pf(p, "<li>全市投资完成率 <b>%s</b></li><li>项目 <b>%" PRId64 "</b> 个</li>", rate,
	   t->projects);
	pf(p, "<li>进度滞后项目 <b>%zu</b> 个</li></ul>\n", tz_bulletin_lag_count(b));
}

static void group_row(struct page *p, const struct tz_bulletin *b,
		      const struct tz_table_column *cols, const struct tz_bulletin_group *g)
{
	struct tz_cell cells[TZ_BULLETIN_NCOLS];
	char change[16];

	tz_bulletin_group_cells(b, g, cells, change);
	praw(p, g->below_average ? "<tr class=\"below\">" : "<tr>");
	for (size_t i = 0; i + 1 < TZ_BULLETIN_NCOLS; i++)
		cell(p, &cols[i], &cells[i]);
	/* The last column, 低于全市平均: "是" with a visible mark. */
	if (g->below_average)
		pf(p, "<td><span class=\"mark\" aria-hidden=\"true\">▼</span> %s</td></tr>\n",
		   cells[TZ_BULLETIN_NCOLS - 1].text);
	else
		praw(p, "<td></td></tr>\n");
}

static void group_table(struct page *p, const struct tz_bulletin *b)
{
	struct tz_table_column cols[TZ_BULLETIN_NCOLS];
	struct tz_cell cells[TZ_BULLETIN_NCOLS];
	char change[16];

	tz_bulletin_table_columns(b, cols);
	pf(p, "<h2>按%s汇总</h2>\n", cols[1].header);
	praw(p, "<div class=\"card scroll\"><table>\n<thead>");
	header_row(p, cols, TZ_BULLETIN_NCOLS);
	praw(p, "</thead>\n<tbody>\n");
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		group_row(p, b, cols, tz_bulletin_group_at(b, i));
	praw(p, "</tbody>\n<tfoot><tr>");
	tz_bulletin_group_cells(b, tz_bulletin_totals(b), cells, change);
	for (size_t i = 0; i < TZ_BULLETIN_NCOLS; i++)
		cell(p, &cols[i], &cells[i]);
	praw(p, "</tr></tfoot>\n</table></div>\n");
	praw(p, "<p class=\"note\"><span class=\"mark\">▼</span> 投资完成率低于全市平均水平</p>\n");
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

static void chart_bar(struct page *p, const struct tz_bulletin_group *g, size_t i,
		      int32_t max, struct tz_buf *label)
{
	char pct[TZ_RATE_FMT_MAX];
	int y = CH_TOP + (int)i * CH_ROW + (CH_ROW - CH_BAR) / 2;
	double x1 = chart_x(g->completion_rate, max);

	short_label(g->key, label);
	tz_rate_fmt_pct(g->completion_rate, 2, pct);
	pf(p, "<g><title>%s：%s%s</title>", g->key, pct, g->below_average ? "（低于全市平均）" : "");
	pf(p, "<text class=\"lbl\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", CH_LABEL - 6,
	   y + CH_BAR - 4, label->buf);
	pf(p, "<rect class=\"bar%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
	   g->below_average ? " below" : "", CH_LABEL, y, x1 - CH_LABEL, CH_BAR);
	pf(p, "<text class=\"val\" x=\"%.1f\" y=\"%d\">%s</text></g>\n", x1 + 4, y + CH_BAR - 4, pct);
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
		chart_bar(p, tz_bulletin_group_at(b, i), i, max, &label);
	pf(p, "<line class=\"sched\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", xs, CH_TOP - 8,
	   xs, height - CH_BOTTOM);
	pf(p, "<text class=\"slbl\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">序时进度 %s</text>", xs,
	   CH_TOP - 12, xs > CH_W - 60 ? "end" : "middle", pct);
	praw(p, "</svg><p class=\"legend\"><i class=\"k1\"></i>投资完成率<i class=\"k2\"></i>"
		"低于全市平均<i class=\"k3\"></i>序时进度</p></div>\n");
	tz_buf_release(&label);
}

/* ------------------------------------------------------------------ */
/* Lagging projects                                                    */

static void lag_table(struct page *p, const struct tz_bulletin *b)
{
	size_t n = tz_bulletin_lag_count(b), shown = n < HTML_LAG_MAX ? n : HTML_LAG_MAX;
	struct tz_cell cells[TZ_LAG_NCOLS];

	pf(p, "<h2>进度滞后项目（%zu个）</h2>\n", n);
	if (!n) {
		praw(p, "<p class=\"note\">本期没有进度滞后的项目。</p>\n");
		return;
	}
	praw(p, "<p class=\"note\">年度投资完成比例低于序时进度80%的项目，按完成比例从低到高排列");
	if (n > shown)
		pf(p, "；此处列出前%zu个，另有%zu个未列出，完整名单见XLSX或CSV通报", shown, n - shown);
	praw(p, "。</p>\n<div class=\"card scroll\"><table>\n<thead>");
	header_row(p, tz_lag_columns, TZ_LAG_NCOLS);
	praw(p, "</thead>\n<tbody>\n");
	for (size_t i = 0; i < shown; i++) {
		tz_bulletin_lag_cells(tz_bulletin_lag_at(b, i), i + 1, cells);
		praw(p, "<tr>");
		for (size_t c = 0; c < TZ_LAG_NCOLS; c++)
			cell(p, &tz_lag_columns[c], &cells[c]);
		praw(p, "</tr>\n");
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
