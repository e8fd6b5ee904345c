/*
 * meta.c: what a document says about itself.
 *
 * Using the layout of layout.c, tz_dp_meta reads: catalogue
 * fields from label lines (索引号, 发布机构, 体裁分类, 主题分类, 文号,
 * 发布时间, 成文日期; several per line, with or without a colon); the title (the first header line with a title word,
 * a 文号 prefix "营政办发〔2022〕1号:" cut off, a title broken over two lines
 * joined); the document's own 文号 (a 文号 field, a header line holding
 * only one, or the title's prefix: never one cited in the body); the
 * issuer and date from the signature (else the title's "X关于" prefix);
 * and the kind; for replies reply.c adds the proposal and the
 * reply.
 */
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* 文号                                                                 */

static int open_bracket(const char *s, size_t len, size_t i, size_t *n, const char **close)
{
	static const char *pairs[][2] = { { "〔", "〕" }, { "[", "]" }, { "(", ")" },
					  { "【", "】" }, { "﹝", "﹞" }, { "〈", "〉" } };

	for (size_t k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++)
		if (tz_dp_at(s, len, i, pairs[k][0])) {
			*n = strlen(pairs[k][0]);
			*close = pairs[k][1];
			return 1;
		}
	return 0;
}

/*
 * A document number starting at s[b]: 1-12 Han characters, a bracketed
 * four-digit year, digits, 号. Returns its end or 0.
 */
size_t tz_dp_docno_at(const char *s, size_t len, size_t b)
{
	size_t i = b, n, hans = 0;
	const char *close;
	int y = 0;

	while (i < len) {
		uint32_t cp = tz_dp_cp(s, len, i, &n);

		if (!tz_dp_is_han(cp))
			break;
		hans++;
		i += n;
	}
	if (!hans || hans > 12 || !open_bracket(s, len, i, &n, &close))
		return 0;
	i += n;
	for (int k = 0; k < 4; k++, i++) {
		if (i >= len || s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1949 || y > 2100 || !tz_dp_at(s, len, i, close))
		return 0;
	i += strlen(close);
	if (i >= len || s[i] < '0' || s[i] > '9')
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (!tz_dp_at(s, len, i, "号"))
		return 0;
	return i + 3;
}

/* ------------------------------------------------------------------ */
/* Text fields without the injected spam                                */

/*
 * Copy norm [b, e) of line li as written, leaving out spam spans; when
 * `guanyu` and a span starts the text, put back the 关于 it replaced.
 */
const char *tz_dp_dup_clean(struct dp_ctx *c, size_t li, size_t b, size_t e, int guanyu)
{
	struct tz_buf out = TZ_BUF_INIT;
	size_t i = b, from = b;
	const char *res;

	if (!tz_dp_in_spam(c, li, b, e))
		return tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	while (i < e) {
		size_t se = tz_dp_spam_at(c, li, i), n;

		if (se) {
			const char *piece = tz_dp_dup(c, li, from, i, DP_DUP_TRIM);

			if (piece)
				tz_buf_adds(&out, piece);
			if (guanyu && i == b && !tz_dp_at(c->lines[li].norm, e, se, "关于"))
				tz_buf_adds(&out, "关于");
			i = from = se;
			continue;
		}
		tz_dp_cp(c->lines[li].norm, e, i, &n);
		i += n;
	}
	{
		const char *piece = tz_dp_dup(c, li, from, e, DP_DUP_TRIM);

		if (piece)
			tz_buf_adds(&out, piece);
	}
	res = out.len ? tz_arena_strndup(c->arena, out.buf, out.len) : NULL;
	tz_buf_release(&out);
	return res;
}

/* ------------------------------------------------------------------ */
/* Title                                                                */

static const char *title_words[] = {
	"关于", "答复", "通知", "意见", "方案", "通报", "办法", "规划", "决定", "报告",
	"提案", "建议", "复函", "批复", "公告", "纲要", "要点", "计划", "情况", "简报",
	"规定", "细则", "措施", "清单", "的函", "月报", "快报", "周报", "年报",
	"分解表", "分工表", "任务表", "一览表", "台账", "任务分工", "责任分解", "任务分解",
};
static const char *title_finals[] = {
	"答复", "通知", "意见", "方案", "通报", "办法", "规划", "决定", "报告", "提案",
	"建议", "复函", "批复", "公告", "纲要", "要点", "计划", "情况", "简报", "规定",
	"细则", "措施", "清单", "函", "月报", "快报", "周报", "年报", "表", "台账",
	"分工", "分解",
};

int tz_dp_has_title_word(const char *s, size_t b, size_t e)
{
	for (size_t k = 0; k < sizeof(title_words) / sizeof(title_words[0]); k++)
		if (tz_dp_has(s, b, e, title_words[k]))
			return 1;
	return 0;
}

int tz_dp_title_final(const char *s, size_t b, size_t e)
{
	size_t e2 = e;

	/* (第8期), (征求意见稿) after the title word */
	if (e2 > b && s[e2 - 1] == ')') {
		size_t o = tz_dp_rfind(s, b, e2, "(");

		if (o != DP_NONE && o > b)
			e2 = o;
	}
	for (size_t k = 0; k < sizeof(title_finals) / sizeof(title_finals[0]); k++)
		if (tz_dp_ends(s, b, e2, title_finals[k]))
			return 1;
	return 0;
}

static void find_title(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t li, pick = DP_NONE, tb = 0, te = 0;

	for (li = 0; li < c->body_start && li < c->nlines; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e, x;
		struct dp_date dt;
		int g, a;

		if (l->cls != DP_CONTENT)
			continue;
		tz_dp_line_bounds(l, &b, &e);
		if (tz_dp_date_line(l, &dt, &g, &a) || tz_dp_ncp(l->norm, b, e) > 120)
			continue;
		/* A 文号 alone, or heading the title: "营政办发〔2022〕1号:…". */
		x = tz_dp_docno_at(l->norm, e, b);
		if (x) {
			size_t r = tz_dp_skip_sp(l->norm, e, x);

			if (!d->doc_number)
				d->doc_number = tz_dp_dup(c, li, b, x, DP_DUP_NOSPACE);
			if (r < e && l->norm[r] == ':')
				r = tz_dp_skip_sp(l->norm, e, r + 1);
			if (r >= e)
				continue;
			b = r;
		}
		if (pick == DP_NONE && tz_dp_has_title_word(l->norm, b, e)) {
			pick = li;
			tb = b;
			te = e;
		}
	}
	/* A plan after its transmittal notice: the plan's title. */
	if (c->plan_title_line != DP_NONE) {
		c->title_line = c->plan_title_line;
		tz_dp_line_bounds(&c->lines[c->title_line], &tb, &te);
		d->title = tz_dp_dup_clean(c, c->title_line, tb, te, 0);
		return;
	}
	if (pick == DP_NONE) {
		/* no title line, but the catalogue's 标题:/名称: */
		if (c->cat_title_line != DP_NONE) {
			c->title_line = c->cat_title_line;
			d->title = tz_dp_dup_clean(c, c->title_line, c->cat_title_b, c->cat_title_e, 0);
		}
		return;
	}
	c->title_line = pick;
	d->title = tz_dp_dup_clean(c, pick, tb, te, 0);
	/* A title broken over two lines. */
	if (!tz_dp_title_final(c->lines[pick].norm, tb, te)) {
		for (li = pick + 1; li < c->body_start && li < c->nlines; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t b, e;

			if (l->cls == DP_BLANK)
				continue;
			if (l->cls != DP_CONTENT)
				break;
			tz_dp_line_bounds(l, &b, &e);
			if (tz_dp_ncp(l->norm, b, e) <= 60 && tz_dp_title_final(l->norm, b, e) &&
			    !tz_dp_docno_at(l->norm, e, b)) {
				const char *rest = tz_dp_dup_clean(c, li, b, e, 0);
				struct tz_buf t = TZ_BUF_INIT;

				tz_buf_adds(&t, d->title ? d->title : "");
				tz_buf_adds(&t, rest ? rest : "");
				d->title = tz_arena_strndup(c->arena, t.buf, t.len);
				tz_buf_release(&t);
			}
			break;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Kind                                                                 */

static int reply_signals(const struct dp_ctx *c)
{
	size_t li, seen = 0;

	if (c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];

		if ((tz_dp_has(l->norm, 0, l->norm_len, "答复") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "复函") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "回复")) &&
		    (tz_dp_has(l->norm, 0, l->norm_len, "提案") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "建议") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "议案")))
			return 1;
	}
	for (li = c->body_start; li < c->nlines && seen < 4; li++) {
		const struct dp_line *l = &c->lines[li];

		if (l->cls != DP_CONTENT)
			continue;
		seen++;
		if ((tz_dp_has(l->norm, 0, l->norm_len, "收悉") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "答复如下")) &&
		    (tz_dp_has(l->norm, 0, l->norm_len, "提案") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "建议") ||
		     tz_dp_has(l->norm, 0, l->norm_len, "议案")))
			return 1;
	}
	return 0;
}

static int title_has(const struct dp_ctx *c, const char **words, size_t n)
{
	const struct dp_line *l;

	if (c->title_line == DP_NONE)
		return 0;
	l = &c->lines[c->title_line];
	for (size_t k = 0; k < n; k++)
		if (tz_dp_has(l->norm, 0, l->norm_len, words[k]))
			return 1;
	return 0;
}

static enum tz_doc_kind classify_kind(struct dp_ctx *c)
{
	static const char *bulletin_words[] = { "通报", "简报", "快报", "进展情况", "月报",
						"运行情况", "进度情况" };
	static const char *plan_words[] = { "方案", "意见", "计划", "要点", "分工", "措施",
					    "清单", "规划" };

	if (reply_signals(c))
		return TZ_DOC_PROPOSAL_REPLY;
	/* tasks whose units are only a bare list "(市发改委、市财政局)" are
	 * weak evidence: a bulletin names the units of lagging projects so */
	if (title_has(c, bulletin_words, sizeof(bulletin_words) / sizeof(bulletin_words[0])) &&
	    c->ntasks_with_units - c->ntasks_bare < 3)
		return TZ_DOC_BULLETIN;
	if (c->ntasks_with_units - c->ntasks_bare >= 1)
		return TZ_DOC_WORK_PLAN;
	/* a bulletin by what it holds: a news item opens with a paragraph */
	if (tz_dp_figures_say_bulletin(c))
		return TZ_DOC_BULLETIN;
	if (title_has(c, plan_words, sizeof(plan_words) / sizeof(plan_words[0])) &&
	    c->doc->ntasks > 0)
		return TZ_DOC_WORK_PLAN;
	return TZ_DOC_OTHER;
}

/* ------------------------------------------------------------------ */

static void issuer_and_date(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	struct dp_date dt;
	int g, a;

	if (c->sig_date_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->sig_date_line];
		size_t b, e;

		tz_dp_line_bounds(l, &b, &e);
		if (c->sig_date_off)
			b = c->sig_date_off;
		if (tz_dp_date_field(l->norm, b, e, &dt, &g, &a) && !a) {
			const char *ds = tz_dp_date_str(c, &dt);

			if (!d->date)
				d->date = ds;
		}
	}
	if (c->sig_org_first != DP_NONE) {
		struct tz_buf t = TZ_BUF_INIT;

		for (size_t li = c->sig_org_first; li <= c->sig_org_last; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t b, e;
			const char *org;

			if (l->cls != DP_CONTENT)
				continue;
			tz_dp_line_bounds(l, &b, &e);
			if (li == c->sig_org_last)
				e = c->sig_org_end;
			org = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
			if (!org)
				continue;
			if (t.len)
				tz_buf_adds(&t, "、");
			tz_buf_adds(&t, org);
		}
		if (t.len)
			d->issuer = tz_arena_strndup(c->arena, t.buf, t.len);
		tz_buf_release(&t);
	}
	/* Header: "XX市发展和改革委员会  2023年9月10日" under the title, or the
	 * org and the date on two lines. */
	if (!d->issuer || !d->date) {
		for (size_t li = 0; li < c->body_start && li < c->nlines; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t off, ob = 0, oe;

			if (l->cls != DP_CONTENT || li == c->title_line)
				continue;
			if (tz_dp_org_line(l)) {
				size_t nx = li + 1;

				while (nx < c->nlines && c->lines[nx].cls == DP_BLANK)
					nx++;
				if (nx < c->nlines && c->lines[nx].cls == DP_CONTENT &&
				    tz_dp_date_line(&c->lines[nx], &dt, &g, &a) && !a) {
					tz_dp_line_bounds(l, &ob, &oe);
					if (!d->issuer)
						d->issuer = tz_dp_dup(c, li, ob, oe, DP_DUP_TRIM);
					if (!d->date)
						d->date = tz_dp_date_str(c, &dt);
					break;
				}
			}
			off = tz_dp_trailing_date(l, &dt);
			if (!off)
				continue;
			oe = off;
			tz_dp_trim(l->norm, &ob, &oe, NULL);
			if (oe > ob && tz_dp_is_org(l->norm, ob, oe)) {
				if (!d->issuer)
					d->issuer = tz_dp_dup(c, li, ob, oe, DP_DUP_TRIM);
				if (!d->date)
					d->date = tz_dp_date_str(c, &dt);
				break;
			}
		}
	}
	/* A date on its own line under the title: in brackets ("（2025年1月
	 * 20日）", a draft's date, a month allowed), or bare and whole
	 * ("2025年3月1日", "2025-03-01", "二〇二五年二月十八日"). */
	if (!d->date && c->title_line != DP_NONE) {
		for (size_t li = c->title_line + 1; li < c->body_start && li < c->title_line + 4; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t b, e;

			if (l->cls != DP_CONTENT)
				continue;
			tz_dp_line_bounds(l, &b, &e);
			if (e - b > 2 && l->norm[b] == '(' && l->norm[e - 1] == ')' &&
			    tz_dp_date_field(l->norm, b + 1, e - 1, &dt, &g, &a) && !a && !g) {
				d->date = tz_dp_date_str(c, &dt);
				break;
			}
			if (tz_dp_date_field(l->norm, b, e, &dt, &g, &a) && !a && !g && dt.d) {
				d->date = tz_dp_date_str(c, &dt);
				break;
			}
		}
	}
	/* The title's "营口市人民政府办公室关于…" */
	if (!d->issuer && c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];
		size_t b, e, k;

		tz_dp_line_bounds(l, &b, &e);
		/* the catalogue's "标　　题：…关于…": the value, not its label */
		if (c->title_line == c->cat_title_line && c->cat_title_b >= b && c->cat_title_e <= e) {
			b = c->cat_title_b;
			e = c->cat_title_e;
		}
		if (tz_dp_docno_at(l->norm, e, b)) {
			b = tz_dp_docno_at(l->norm, e, b);
			b = tz_dp_skip_sp(l->norm, e, b);
			if (b < e && l->norm[b] == ':')
				b++;
		}
		k = tz_dp_find(l->norm, b, e, "关于");
		if (k != DP_NONE && k > b && tz_dp_is_org(l->norm, b, k) && tz_dp_ncp(l->norm, b, k) <= 40)
			d->issuer = tz_dp_dup(c, c->title_line, b, k, DP_DUP_TRIM);
	}
	/* A letterhead: the org alone on the line above the title. */
	if (!d->issuer && c->title_line != DP_NONE) {
		size_t li = c->title_line;

		/* a site's name above its 打印/关闭 bar or breadcrumb is no
		 * letterhead: stop at page noise */
		while (li-- > 0 && c->lines[li].cls != DP_CONTENT && c->lines[li].cls != DP_NOISE)
			;
		if (li != DP_NONE && c->lines[li].cls == DP_NOISE)
			li = DP_NONE;
		if (li != DP_NONE && tz_dp_org_line(&c->lines[li])) {
			size_t b, e;

			tz_dp_line_bounds(&c->lines[li], &b, &e);
			d->issuer = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		}
	}
}

void tz_dp_title(struct dp_ctx *c)
{
	find_title(c);
}

/* A news item's byline under its headline: "2023年11月23日 来源：凤城市
 * 发改局", "来源：… 时间：…" (short, a 来源/时间/作者/编辑 label). */
static int byline(const char *s, size_t b, size_t e)
{
	static const char *labels[] = { "来源:", "时间:", "作者:", "编辑:", "日期:", "浏览次数:" };

	if (tz_dp_ncp(s, b, e) > 80)
		return 0;
	for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
		if (tz_dp_has(s, b, e, labels[k]))
			return 1;
	return 0;
}

/* A headline is Chinese: at least half its characters Han. */
static int mostly_han(const char *s, size_t b, size_t e)
{
	size_t han = 0, all = 0, n;

	for (size_t k = b; k < e; k += n) {
		han += tz_dp_is_han(tz_dp_cp(s, e, k, &n)) != 0;
		all++;
	}
	return han * 2 >= all;
}

/* "丹东市召开2023年重点项目推进会" ends like an organisation (…会) but
 * reports a meeting: a year or 召开/举行 in it. */
static int meeting(const char *s, size_t b, size_t e)
{
	for (size_t k = b; k < e; k++)
		if (s[k] >= '0' && s[k] <= '9')
			return 1;
	return tz_dp_has(s, b, e, "召开") || tz_dp_has(s, b, e, "举行");
}

/*
 * A bulletin written as a news item may have a headline without a title
 * word ("我县重点项目建设持续提速"): the content line right before the body
 * (above its byline and page chrome), when it is short, no sentence, no
 * label, no date and no organisation. Any page but a reply may be such an
 * item (a news page with fewer figures than a bulletin's).
 */
static void headline(struct dp_ctx *c)
{
	size_t li = c->body_start < c->nlines ? c->body_start : c->nlines;
	struct dp_date dt;
	int g, a;

	while (li-- > 0) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e;

		if (l->cls == DP_BLANK || l->cls == DP_NOISE || l->cls == DP_META)
			continue; /* 打印/关闭 bars, 发布时间 lines under the headline */
		if (l->cls != DP_CONTENT)
			return;
		tz_dp_line_bounds(l, &b, &e);
		if (byline(l->norm, b, e))
			continue;
		if (tz_dp_ncp(l->norm, b, e) < 6 || tz_dp_ncp(l->norm, b, e) > 40 ||
		    tz_dp_has(l->norm, b, e, ":") || tz_dp_has(l->norm, b, e, "。") ||
		    tz_dp_date_line(l, &dt, &g, &a) || (tz_dp_org_line(l) && !meeting(l->norm, b, e)) ||
		    tz_dp_docno_at(l->norm, e, b) || !mostly_han(l->norm, b, e))
			return;
		c->title_line = li;
		c->doc->title = tz_dp_dup_clean(c, li, b, e, 0);
		return;
	}
}

/* A byline under the title opening with the date, no label before it
 * ("2023年11月23日 来源：凤城市发改局"): the publish date. */
static void byline_date(struct dp_ctx *c)
{
	struct dp_date dt;

	if (c->doc->publish_date || c->title_line == DP_NONE)
		return;
	for (size_t li = c->title_line + 1; li < c->nlines && li < c->title_line + 4; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e;

		if (l->cls == DP_BLANK || l->cls == DP_NOISE)
			continue;
		tz_dp_line_bounds(l, &b, &e);
		if (!byline(l->norm, b, e))
			return;
		if (tz_dp_date_at(l->norm, e, b, &dt) && dt.d)
			c->doc->publish_date = tz_dp_date_str(c, &dt);
		return;
	}
}

void tz_dp_meta(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;

	d->kind = classify_kind(c);
	if (d->kind != TZ_DOC_PROPOSAL_REPLY && !d->title)
		headline(c);
	issuer_and_date(c);
	byline_date(c);
	if (d->kind == TZ_DOC_PROPOSAL_REPLY)
		tz_dp_reply(c);
}
