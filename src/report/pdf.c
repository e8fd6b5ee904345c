/*
 * pdf.c: the bulletin as a PDF in the layout of a government 通报
 * (`bulletin --format pdf --out FILE`), drawn with cairo and laid out
 * with pango in Debian's Noto CJK fonts.
 *
 * A4 portrait, plain black on white: the title (serif, bold) and the
 * grouping, a line with 调度期, 序时进度 and the city's rate, the opening
 * paragraphs of summary.c (first lines indented two characters), then
 *   一、the ranking table (排名, 较上月, the group, 项目数, 年度计划投资
 *       and 累计完成投资 in 亿元, 投资完成率, 开工率, 未报送; below-average
 *       rates shaded; 合计 in bold),
 *   二、a bar chart of completion rate per group with the schedule as a
 *       dashed line,
 *   三、the lagging projects, worst first, with 包联领导, 责任单位 and
 *       存在问题 (万元),
 *   四、the 未报送 projects by group,
 * and "第N页 共M页" at the foot of every page. Tables that run on to a
 * new page repeat their header there; a paragraph breaks between lines.
 *
 * The total page count is known only once everything is laid out, so the
 * document is rendered twice: first into a PDF stream that is thrown
 * away, counting pages, then into the caller's file. Both passes lay out
 * identically (same surface type, metric hinting off).
 *
 * Text is set with pango_layout_set_text, never as markup, so group and
 * project names cannot inject formatting; bytes that are not UTF-8 are
 * replaced. pango writes real text into the PDF, so it can be selected,
 * searched and extracted (pdftotext) by the tests.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/buf.h"
#include "core/money.h"
#include "report/pdf-load.h"
#include "report/summary.h"
#include "report/writer.h"
#include "base/banned.h"

#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

/* A4 in points, and the type area. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 62.0
#define TOP 62.0
#define BOTTOM (PAGE_H - 66.0)
#define FOOT_Y (PAGE_H - 44.0)
#define WIDTH (PAGE_W - 2 * MARGIN_X)

#define PAD_X 3.0          /* cell padding */
#define PAD_Y 2.5
#define CELL_LINES 6       /* a cell shows at most this many lines */
#define PDF_LIST_MAX 500   /* lagging or 未报送 projects listed */
#define CHART_MAX 40       /* groups drawn in the chart */

enum font {
	F_TITLE, F_SUBTITLE, F_META, F_HEADING, F_BODY, F_CELL, F_CELL_BOLD, F_FOOT,
	FONT_COUNT
};

static const char *const font_names[FONT_COUNT] = {
	[F_TITLE] = SERIF " Bold 20",   [F_SUBTITLE] = SERIF " 14",
	[F_META] = SANS " 9.5",         [F_HEADING] = SANS " Bold 12",
	[F_BODY] = SERIF " 12",         [F_CELL] = SANS " 8",
	[F_CELL_BOLD] = SANS " Bold 8", [F_FOOT] = SERIF " 10",
};

struct col {
	const char *header;
	double width;           /* points */
	PangoAlignment align;
};

struct table {
	const struct col *cols;
	size_t n;
};

/* One rendering pass. */
struct pdf {
	const struct tz_bulletin *b;
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *font[FONT_COUNT];
	int page;                    /* the current page, from 1 */
	int pages;                   /* the total, 0 in the counting pass */
	double y;                    /* the next free line on the page */
	const struct table *repeat;  /* the table whose header a new page repeats */
};

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* A layout of `text` (plain text, never markup) in `font`, `width` wide. */
static PangoLayout *text_layout(struct pdf *d, enum font f, const char *text, double width,
				PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(d->pc);
	char *valid = NULL;

	if (!text)
		text = "";
	if (!g_utf8_validate(text, -1, NULL))
		text = valid = g_utf8_make_valid(text, -1);
	pango_layout_set_font_description(l, d->font[f]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	g_free(valid);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void show(struct pdf *d, PangoLayout *l, double x, double y)
{
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static void table_header(struct pdf *d, const struct table *t);

static void footer(struct pdf *d)
{
	char text[64];
	PangoLayout *l;

	if (d->pages)
		snprintf(text, sizeof(text), "第%d页 共%d页", d->page, d->pages);
	else
		snprintf(text, sizeof(text), "第%d页", d->page);
	l = text_layout(d, F_FOOT, text, WIDTH, PANGO_ALIGN_CENTER);
	show(d, l, MARGIN_X, FOOT_Y);
	g_object_unref(l);
}

static void new_page(struct pdf *d)
{
	footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = TOP;
	if (d->repeat)
		table_header(d, d->repeat);
}

/* Room for h more points on this page, or a new page. */
static void ensure(struct pdf *d, double h)
{
	if (d->y + h > BOTTOM && d->y > TOP)
		new_page(d);
}

/*
 * Draw a layout at the left margin line by line, breaking to a new page
 * between lines where the page ends.
 */
static void flow(struct pdf *d, PangoLayout *l)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double off = d->y;  /* page y of the layout's top */
	int first = 1;

	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle r;
		double top, bottom, base;

		pango_layout_iter_get_line_extents(it, NULL, &r);
		top = (double)r.y / PANGO_SCALE;
		bottom = (double)(r.y + r.height) / PANGO_SCALE;
		base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		if (off + bottom > BOTTOM && !(first && d->y <= TOP)) {
			new_page(d);
			off = d->y - top;
		}
		cairo_move_to(d->cr, MARGIN_X + (double)r.x / PANGO_SCALE, off + base);
		pango_cairo_show_layout_line(d->cr, line);
		d->y = off + bottom;
		first = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A body paragraph: first line indented two characters, justified. */
static void paragraph(struct pdf *d, const char *text)
{
	PangoLayout *l = text_layout(d, F_BODY, text, WIDTH, PANGO_ALIGN_LEFT);

	pango_layout_set_indent(l, 24 * PANGO_SCALE);
	pango_layout_set_justify(l, TRUE);
	pango_layout_set_spacing(l, 7 * PANGO_SCALE);
	flow(d, l);
	d->y += 7;
	g_object_unref(l);
}

/* A section heading, kept with at least `keep` points of what follows. */
static void heading(struct pdf *d, const char *text, double keep)
{
	PangoLayout *l = text_layout(d, F_HEADING, text, WIDTH, PANGO_ALIGN_LEFT);
	double h = layout_height(l);

	d->y += 8;
	ensure(d, h + 6 + keep);
	show(d, l, MARGIN_X, d->y);
	d->y += h + 6;
	g_object_unref(l);
}

/* A small note in the table font. */
static void note(struct pdf *d, const char *text)
{
	PangoLayout *l = text_layout(d, F_CELL, text, WIDTH, PANGO_ALIGN_LEFT);

	flow(d, l);
	d->y += 4;
	g_object_unref(l);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

/*
 * One row of cells: laid out in their columns (wrapped, at most
 * CELL_LINES lines), as high as the highest, on a new page (under a
 * repeated header) if it does not fit. `shade[i]` fills cell i grey;
 * `header` draws the header's shading.
 */
static void row(struct pdf *d, const struct table *t, const char *const *text, enum font f,
		const int *shade, int header)
{
	PangoLayout *l[16];
	double h = 0, x = MARGIN_X;
	size_t n = t->n < 16 ? t->n : 16;

	for (size_t i = 0; i < n; i++) {
		double lh;

		l[i] = text_layout(d, f, text[i], t->cols[i].width - 2 * PAD_X,
				   header ? PANGO_ALIGN_CENTER : t->cols[i].align);
		pango_layout_set_ellipsize(l[i], PANGO_ELLIPSIZE_END);
		pango_layout_set_height(l[i], -CELL_LINES);
		lh = layout_height(l[i]);
		if (lh > h)
			h = lh;
	}
	h += 2 * PAD_Y;
	if (!header)
		ensure(d, h);
	cairo_set_line_width(d->cr, 0.5);
	for (size_t i = 0; i < n; i++) {
		double w = t->cols[i].width;

		if (header || (shade && shade[i])) {
			cairo_set_source_rgb(d->cr, header ? 0.88 : 0.90, header ? 0.88 : 0.90,
					     header ? 0.88 : 0.90);
			cairo_rectangle(d->cr, x, d->y, w, h);
			cairo_fill(d->cr);
		}
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		cairo_rectangle(d->cr, x, d->y, w, h);
		cairo_stroke(d->cr);
		/* Headers centred vertically, data at the top of the cell. */
		show(d, l[i], x + PAD_X,
		     d->y + (header ? (h - layout_height(l[i])) / 2 : PAD_Y));
		g_object_unref(l[i]);
		x += w;
	}
	d->y += h;
}

static void table_header(struct pdf *d, const struct table *t)
{
	const char *text[16];

	for (size_t i = 0; i < t->n && i < 16; i++)
		text[i] = t->cols[i].header;
	row(d, t, text, F_CELL_BOLD, NULL, 1);
}

/* Start a table: its header, kept with room for a first row. */
static void table_begin(struct pdf *d, const struct table *t)
{
	ensure(d, 60);
	table_header(d, t);
	d->repeat = t;
}

static void table_end(struct pdf *d)
{
	d->repeat = NULL;
	d->y += 6;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */

static void titles(struct pdf *d)
{
	const struct tz_bulletin_group *c = tz_bulletin_totals(d->b);
	char text[256], months[16], period[TZ_PERIOD_FMT_MAX], sched[TZ_RATE_FMT_MAX];
	char rate[TZ_RATE_FMT_MAX];
	PangoLayout *l;

	snprintf(text, sizeof(text), "%d年%s重点项目建设情况通报", tz_bulletin_period(d->b).year,
		 tz_bulletin_months(d->b, months, sizeof(months)));
	l = text_layout(d, F_TITLE, text, WIDTH, PANGO_ALIGN_CENTER);
	show(d, l, MARGIN_X, d->y);
	d->y += layout_height(l) + 2;
	g_object_unref(l);
	snprintf(text, sizeof(text), "（按%s）", tz_bulletin_by_label(tz_bulletin_by(d->b)));
	l = text_layout(d, F_SUBTITLE, text, WIDTH, PANGO_ALIGN_CENTER);
	show(d, l, MARGIN_X, d->y);
	d->y += layout_height(l) + 10;
	g_object_unref(l);

	tz_period_fmt(tz_bulletin_period(d->b), period);
	tz_rate_fmt_pct(tz_bulletin_schedule(d->b), 2, sched);
	if (c->has_rate)
		snprintf(text, sizeof(text), "调度期：%s　　序时进度：%s　　%s投资完成率：%s",
			 period, sched, tz_bulletin_scope(d->b),
			 tz_rate_fmt_pct(c->completion_rate, 2, rate));
	else
		snprintf(text, sizeof(text), "调度期：%s　　序时进度：%s", period, sched);
	l = text_layout(d, F_META, text, WIDTH, PANGO_ALIGN_CENTER);
	show(d, l, MARGIN_X, d->y);
	d->y += layout_height(l) + 5;
	g_object_unref(l);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.0);
	cairo_move_to(d->cr, MARGIN_X, d->y);
	cairo_line_to(d->cr, MARGIN_X + WIDTH, d->y);
	cairo_stroke(d->cr);
	d->y += 12;
}

static int paragraphs(struct pdf *d)
{
	struct tz_buf text = TZ_BUF_INIT;
	int rc = tz_bulletin_summary(d->b, &text);

	for (char *p = text.buf, *nl; p && !rc; p = nl ? nl + 1 : NULL) {
		if ((nl = strchr(p, '\n')))
			*nl = '\0';
		paragraph(d, p);
	}
	tz_buf_release(&text);
	return rc;
}

/* 一、the ranking table. */
static void ranking(struct pdf *d)
{
	static const struct col cols[] = {
		{ "排名", 28, PANGO_ALIGN_CENTER },
		{ "较上月", 32, PANGO_ALIGN_CENTER },
		{ NULL, 112, PANGO_ALIGN_LEFT },
		{ "项目数", 34, PANGO_ALIGN_RIGHT },
		{ "年度计划投资(亿元)", 62, PANGO_ALIGN_RIGHT },
		{ "累计完成投资(亿元)", 62, PANGO_ALIGN_RIGHT },
		{ "投资完成率", 50, PANGO_ALIGN_RIGHT },
		{ "开工率", 47, PANGO_ALIGN_RIGHT },
		{ "未报送", 44.28, PANGO_ALIGN_RIGHT },
		/* Only when some group has completions without a plan
		 * (tz_bulletin_table_ncols), its width taken from the name's,
		 * 开工率's and 未报送's. */
		{ "未安排计划项目完成投资(亿元)", 50, PANGO_ALIGN_RIGHT },
	};
	int unplanned = tz_bulletin_table_ncols(d->b) == TZ_BULLETIN_NCOLS;
	struct col c[10];
	struct table t = { c, unplanned ? 10 : 9 };
	const char *by = tz_bulletin_by_label(tz_bulletin_by(d->b));
	size_t n = tz_bulletin_group_count(d->b);
	char head[96];

	memcpy(c, cols, sizeof(cols));
	c[2].header = by;
	if (unplanned) {
		c[2].width -= 30;
		c[7].width -= 10;
		c[8].width -= 10;  /* 30 + 10 + 10: c[9].width */
	}
	snprintf(head, sizeof(head), "一、各%s投资完成情况", by);
	heading(d, head, 60);
	table_begin(d, &t);
	for (size_t i = 0; i <= n; i++) {
		const struct tz_bulletin_group *g = i < n ? tz_bulletin_group_at(d->b, i)
							  : tz_bulletin_totals(d->b);
		char rank[24], change[16], projects[24], annual[48], ytd[48], rate[16], start[16];
		char missing[24], num[32], other[48];
		const char *text[10] = { rank, change, g->key, projects, annual, ytd, rate, start,
					 missing, other };
		int shade[10] = { 0 };

		snprintf(rank, sizeof(rank), "%d", g->rank);
		if (i == n || !g->has_rate)
			rank[0] = '\0';
		tz_bulletin_rank_change_text(g, change);
		if (i == n)
			change[0] = '\0';  /* the 合计 row has no rank */
		snprintf(projects, sizeof(projects), "%" PRId64, g->projects);
		tz_digits_grouped(tz_money_fmt_yi(g->annual, num), annual);
		tz_digits_grouped(tz_money_fmt_yi(g->ytd, num), ytd);
		tz_rate_fmt_pct(g->completion_rate, 2, rate);
		if (!g->has_rate)
			rate[0] = '\0';
		tz_rate_fmt_pct(g->start_rate, 2, start);
		snprintf(missing, sizeof(missing), "%" PRId64, g->not_reported);
		tz_digits_grouped(tz_money_fmt_yi(g->ytd_unplanned, num), other);
		shade[6] = g->below_average;
		row(d, &t, text, i == n ? F_CELL_BOLD : F_CELL, shade, 0);
	}
	table_end(d);
	{
		char text2[640];

		snprintf(text2, sizeof(text2), "注：金额单位为亿元；底纹标示投资完成率低于%s平均水平；"
			 "未安排年度计划投资的不参与排名%s；"
			 "较上月为排名变化（↑上升，↓下降，0不变，—无上月排名）；"
			 "金额按亿元四舍五入，分项之和与合计可能有尾差。",
			 tz_bulletin_scope(d->b),
			 unplanned ? "，其完成投资不计入累计完成投资和投资完成率，另列为"
				     "未安排计划项目完成投资" : "");
		note(d, text2);
	}
}

/* The end of the chart's scale: 100 % or more, a multiple of 25 %. */
static int32_t chart_max(const struct tz_bulletin *b, size_t n)
{
	int32_t max = TZ_RATE_ONE;

	for (size_t i = 0; i < n; i++)
		if (tz_bulletin_group_at(b, i)->completion_rate > max)
			max = tz_bulletin_group_at(b, i)->completion_rate;
	return (max + 2499) / 2500 * 2500;
}

/*
 * A one-line label, cut with "…" to `width`, drawn with its middle at y;
 * with `halo`, on white, so that a line under it does not cross it.
 */
static void label(struct pdf *d, const char *text, double x, double y, double width,
		  PangoAlignment align, int halo)
{
	PangoLayout *l = text_layout(d, F_CELL, text, width, align);
	double h = layout_height(l);

	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	if (halo) {
		PangoRectangle ink, logical;

		pango_layout_get_extents(l, &ink, &logical);
		cairo_save(d->cr);
		cairo_set_source_rgb(d->cr, 1, 1, 1);
		cairo_rectangle(d->cr, x + (double)logical.x / PANGO_SCALE - 1, y - h / 2,
				(double)logical.width / PANGO_SCALE + 2, h);
		cairo_fill(d->cr);
		cairo_restore(d->cr);
	}
	show(d, l, x, y - h / 2);
	g_object_unref(l);
}

/* 二、completion rate per group as horizontal bars, the schedule dashed. */
static void chart(struct pdf *d)
{
	const double label_w = 100, value_w = 40, head = 18, foot = 34;
	size_t n = tz_bulletin_group_count(d->b), shown = n < CHART_MAX ? n : CHART_MAX;
	const char *by = tz_bulletin_by_label(tz_bulletin_by(d->b));
	double x0 = MARGIN_X + label_w, pw = WIDTH - label_w - value_w, rh = 16, y0, x;
	int32_t max = chart_max(d->b, shown), sched = tz_bulletin_schedule(d->b);
	char text[96], pct[32];
	double values[CHART_MAX];
	static const double dash[] = { 4, 2.5 };

	if (!n)
		return;
	if (head + rh * (double)shown + foot > BOTTOM - TOP - 40)
		rh = (BOTTOM - TOP - 40 - head - foot) / (double)shown;
	snprintf(text, sizeof(text), "二、各%s投资完成率与序时进度", by);
	heading(d, text, head + rh * (double)shown + foot);
	y0 = d->y + head;
	/* The scale: a line every 25 %. */
	cairo_set_line_width(d->cr, 0.4);
	for (int32_t r = 0; r <= max; r += 2500) {
		x = x0 + pw * r / max;
		cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
		cairo_move_to(d->cr, x, y0 - 2);
		cairo_line_to(d->cr, x, y0 + rh * (double)shown);
		cairo_stroke(d->cr);
		cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
		label(d, tz_rate_fmt_pct(r, 0, pct), x - 20, y0 + rh * (double)shown + 7, 40,
		      PANGO_ALIGN_CENTER, 0);
	}
	for (size_t i = 0; i < shown; i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(d->b, i);
		double yc = y0 + rh * ((double)i + 0.5), len;

		cairo_set_source_rgb(d->cr, 0, 0, 0);
		label(d, g->key, MARGIN_X, yc, label_w - 6, PANGO_ALIGN_RIGHT, 0);
		if (!g->has_rate)
			continue;
		len = pw * (g->completion_rate < 0 ? 0 : g->completion_rate) / max;
		if (g->below_average)
			cairo_set_source_rgb(d->cr, 0.62, 0.70, 0.84);
		else
			cairo_set_source_rgb(d->cr, 0.18, 0.33, 0.59);
		cairo_rectangle(d->cr, x0, yc - rh * 0.3, len, rh * 0.6);
		cairo_fill(d->cr);
		values[i] = len;
	}
	/* The schedule, and then the values on white over it. */
	x = x0 + pw * sched / max;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_set_line_width(d->cr, 1.0);
	cairo_set_dash(d->cr, dash, 2, 0);
	cairo_move_to(d->cr, x, y0 - 6);
	cairo_line_to(d->cr, x, y0 + rh * (double)shown);
	cairo_stroke(d->cr);
	cairo_set_dash(d->cr, NULL, 0, 0);
	snprintf(text, sizeof(text), "序时进度 %s%%",
		 tz_pct1_fmt(tz_pct1(tz_bulletin_period(d->b).month, 12), pct));
	label(d, text, x - 60, y0 - 12, 120, PANGO_ALIGN_CENTER, 0);
	for (size_t i = 0; i < shown; i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(d->b, i);

		if (!g->has_rate)
			continue;
		snprintf(text, sizeof(text), "%s%%", tz_pct1_fmt(tz_pct1(g->ytd, g->annual), pct));
		label(d, text, x0 + values[i] + 3, y0 + rh * ((double)i + 0.5), value_w + 30,
		      PANGO_ALIGN_LEFT, 1);
	}
	d->y = y0 + rh * (double)shown + 16;
	/* The legend. */
	cairo_set_source_rgb(d->cr, 0.18, 0.33, 0.59);
	cairo_rectangle(d->cr, x0, d->y + 2, 10, 6);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	label(d, "投资完成率", x0 + 13, d->y + 5, 80, PANGO_ALIGN_LEFT, 0);
	cairo_set_source_rgb(d->cr, 0.62, 0.70, 0.84);
	cairo_rectangle(d->cr, x0 + 80, d->y + 2, 10, 6);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	label(d, tz_bulletin_below_label(d->b), x0 + 93, d->y + 5, 80, PANGO_ALIGN_LEFT, 0);
	cairo_set_dash(d->cr, dash, 2, 0);
	cairo_move_to(d->cr, x0 + 170, d->y + 5);
	cairo_line_to(d->cr, x0 + 186, d->y + 5);
	cairo_stroke(d->cr);
	cairo_set_dash(d->cr, NULL, 0, 0);
	label(d, "序时进度", x0 + 190, d->y + 5, 80, PANGO_ALIGN_LEFT, 0);
	d->y += 14;
	if (shown < n) {
		snprintf(text, sizeof(text), "图中列出排名前%zu的%s（共%zu）。", shown, by, n);
		note(d, text);
	}
}

/* "此处列出前500个，另有12个未列出，完整名单见XLSX通报。" when cut. */
static void cut_note(struct pdf *d, size_t shown, size_t n)
{
	char text[160];

	if (shown >= n)
		return;
	snprintf(text, sizeof(text), "此处列出前%zu个，另有%zu个未列出，完整名单见XLSX通报。", shown,
		 n - shown);
	note(d, text);
}

/* 三、the lagging projects, in 万元. */
static void lagging(struct pdf *d)
{
	static const struct col cols[] = {
		{ "序号", 22, PANGO_ALIGN_CENTER },
		{ "项目名称", 104, PANGO_ALIGN_LEFT },
		{ "所属地区", 60, PANGO_ALIGN_LEFT },
		{ "年度计划投资(万元)", 50, PANGO_ALIGN_RIGHT },
		{ "累计完成投资(万元)", 50, PANGO_ALIGN_RIGHT },
		{ "完成比例", 38, PANGO_ALIGN_RIGHT },
		{ "包联领导", 36, PANGO_ALIGN_LEFT },
		{ "责任单位", 56, PANGO_ALIGN_LEFT },
		{ "存在问题", 55.28, PANGO_ALIGN_LEFT },
	};
	static const struct table t = { cols, 9 };
	size_t n = tz_bulletin_lag_count(d->b), shown = n < PDF_LIST_MAX ? n : PDF_LIST_MAX;
	char text[96];

	snprintf(text, sizeof(text), "三、进度滞后项目（%zu个）", n);
	heading(d, text, 110);
	if (!n) {
		paragraph(d, "本期没有进度滞后的项目。");
		return;
	}
	note(d, "年度投资完成比例落后序时进度10个百分点以上的项目，按完成比例从低到高排列；"
		"金额单位为万元。");
	table_begin(d, &t);
	for (size_t i = 0; i < shown; i++) {
		const struct tz_bulletin_lag *l = tz_bulletin_lag_at(d->b, i);
		char no[24], annual[48], ytd[48], ratio[16], num[TZ_MONEY_FMT_MAX];
		const char *cells[9] = { no, l->name, l->region, annual, ytd, ratio, l->leader,
					 l->unit, l->problem };

		snprintf(no, sizeof(no), "%zu", i + 1);
		tz_digits_grouped(tz_money_fmt(l->annual, num), annual);
		tz_digits_grouped(tz_money_fmt(l->ytd, num), ytd);
		tz_rate_fmt_pct(l->ratio, 2, ratio);
		if (!*l->name)
			cells[1] = l->code;
		row(d, &t, cells, F_CELL, NULL, 0);
	}
	table_end(d);
	cut_note(d, shown, n);
}

/* 四、the projects that did not report, by group. */
static void missing(struct pdf *d)
{
	static const struct col cols[] = {
		{ "序号", 24, PANGO_ALIGN_CENTER },
		{ "项目编号", 66, PANGO_ALIGN_LEFT },
		{ "项目名称", 150, PANGO_ALIGN_LEFT },
		{ "所属地区", 90, PANGO_ALIGN_LEFT },
		{ "责任单位", 80, PANGO_ALIGN_LEFT },
		{ "包联领导", 61.28, PANGO_ALIGN_LEFT },
	};
	static const struct table t = { cols, 6 };
	size_t n = tz_bulletin_missing_count(d->b), shown = n < PDF_LIST_MAX ? n : PDF_LIST_MAX;
	char text[96];

	snprintf(text, sizeof(text), "四、未报送项目（%zu个）", n);
	heading(d, text, 110);
	if (!n) {
		paragraph(d, "本期应报送的项目均已报送。");
		return;
	}
	snprintf(text, sizeof(text), "应报送而未报送本期调度数据的项目，按%s排列。",
		 tz_bulletin_by_label(tz_bulletin_by(d->b)));
	note(d, text);
	table_begin(d, &t);
	for (size_t i = 0; i < shown; i++) {
		const struct tz_bulletin_missing *m = tz_bulletin_missing_at(d->b, i);
		char no[24];
		const char *cells[6] = { no, m->code, m->name, m->region, m->unit, m->leader };

		snprintf(no, sizeof(no), "%zu", i + 1);
		row(d, &t, cells, F_CELL, NULL, 0);
	}
	table_end(d);
	cut_note(d, shown, n);
}

/* ------------------------------------------------------------------ */
/* Passes                                                              */

/* Where a pass writes: the caller's file, or nowhere (counting). */
struct sink {
	FILE *fp;
	int failed;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->fp && fwrite(data, 1, len, s->fp) != len) {
		s->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Lay out and draw the whole document once; the page count in d->page. */
static int pass(struct pdf *d, FILE *fp, const char *title, struct tz_err *err)
{
	struct sink sink = { fp, 0 };
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sink_write, &sink, PAGE_W, PAGE_H);
	cairo_status_t st;
	int rc;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "台账（重点项目调度）");
	d->cr = cairo_create(s);
	pango_cairo_update_context(d->cr, d->pc);
	d->page = 1;
	d->y = TOP;
	d->repeat = NULL;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	titles(d);
	rc = paragraphs(d);
	ranking(d);
	chart(d);
	lagging(d);
	missing(d);
	footer(d);
	cairo_show_page(d->cr);
	st = cairo_status(d->cr);
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (rc)
		return tz_err_set(err, rc, "通报的说明文字过长，无法生成PDF");
	if (sink.failed)
		return tz_err_set(err, TZ_EIO, "写入PDF文件失败");
	if (st != CAIRO_STATUS_SUCCESS)
		return tz_err_set(err, TZ_EIO, "生成PDF失败（cairo：%s）", cairo_status_to_string(st));
	return 0;
}

/* Whether the font map has a family called `name`. */
static int has_family(PangoFontMap *fm, const char *name)
{
	PangoFontFamily **families = NULL;
	int n = 0, found = 0;

	pango_font_map_list_families(fm, &families, &n);
	for (int i = 0; i < n && !found; i++)
		found = !strcmp(pango_font_family_get_name(families[i]), name);
	g_free(families);
	return found;
}

static int bulletin_pdf(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	PangoFontMap *fm;
	cairo_font_options_t *fo;
	struct pdf d = { .b = b };
	char title[256];
	int rc;

	/* Pango and Cairo are opened now, not at start-up (pdf-load.h). */
	if ((rc = tz_pdf_libs_load(err)))
		return rc;
	fm = pango_cairo_font_map_new();
	fo = cairo_font_options_create();
	if (!has_family(fm, SERIF) || !has_family(fm, SANS)) {
		rc = tz_err_set(err, TZ_ENOTFOUND,
				"生成PDF需要“%s”和“%s”字体（Debian软件包 fonts-noto-cjk）", SERIF,
				SANS);
		goto out;
	}
	/* Points as units, and no hinting, so that both passes lay out alike. */
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fm), 72.0);
	d.pc = pango_font_map_create_context(fm);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d.pc, fo);
	pango_context_set_language(d.pc, pango_language_from_string("zh-cn"));
	for (int i = 0; i < FONT_COUNT; i++)
		d.font[i] = pango_font_description_from_string(font_names[i]);
	tz_bulletin_title(b, title, sizeof(title));
	rc = pass(&d, NULL, title, err);
	if (!rc) {
		d.pages = d.page;
		rc = pass(&d, fp, title, err);
	}
	if (!rc && fflush(fp))
		rc = tz_err_set(err, TZ_EIO, "写入PDF文件失败");
	for (int i = 0; i < FONT_COUNT; i++)
		pango_font_description_free(d.font[i]);
	g_object_unref(d.pc);
out:
	cairo_font_options_destroy(fo);
	g_object_unref(fm);
	return rc;
}

const struct tz_bulletin_writer_type tz_bulletin_pdf = { "pdf", bulletin_pdf, 1 };
