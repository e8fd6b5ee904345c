/*
 * figures.c: the headline figures of a bulletin (通报).
 *
 * Every quantity in the body is labelled by the nearest measure word in
 * its clause, looking back no further than the previous quantity or the
 * previous , ; 。 (so "已开工298个,开工率93.1%" gives 开工项目数 298 个 and
 * 开工率 93.1 %). The measures are those of the ledger's bulletin:
 * 项目数, 总投资, 年度计划投资, 完成投资, 投资完成率, 开工率, 复工率, …; a
 * quantity with no measure word before it is not a headline figure. The
 * unit must fit the measure (a rate is a %, an investment is money): a
 * misfit right after the measure word is a `damaged_figure` warning.
 *
 * Sub-groups: "其中,省重点项目45个,…" (or "…120个,分别为…", "从项目类别
 * 看,…") names the group until the end of the sentence; a short numbered heading ("(二)市重点项目",
 * "二、30个省重点项目进展", "一是市级重点项目。"), a line opening with
 * "市级重点项目方面," or a line "高新区:…" names it for what follows; under a
 * breakdown heading ("三、分县区情况") each clause's opening region or kind
 * of projects ("高新区完成投资…") names it (region_at). Rankings ("排名前三位的是:高新区
 * (92.3%)、经开区(88.1%)…") become figures in their order, with `rank`
 * (1, 2, … from the top; -1, -2, … for a 排名后N位 list, -1 = last).
 *
 * Damage: quantities run together ("75%124个") are split; the second is
 * kept when a measure word labels it and warned about otherwise. Spam
 * inside a number ("3买足球的软件40.43亿元") is ambiguous and warned
 * about; spam between a number and its unit is skipped.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

enum fclass { FC_PCT, FC_MONEY, FC_COUNT };

static const struct measure {
	const char *word;
	const char *label;
	enum fclass cls;
} measures[] = {
	/* rate phrases matched by shape (rate_phrase): first two entries */
	{ "", "投资完成率", FC_PCT },
	{ "", "开工率", FC_PCT },
	{ "投资完成率", "投资完成率", FC_PCT },
	{ "投资完成", "投资完成率", FC_PCT },
	{ "完成率", "投资完成率", FC_PCT },
	{ "开复工率", "开复工率", FC_PCT },
	{ "开工率", "开工率", FC_PCT },
	{ "复工率", "复工率", FC_PCT },
	{ "竣工率", "竣工率", FC_PCT },
	{ "同比增长", "同比增长", FC_PCT },
	{ "同比下降", "同比下降", FC_PCT }, /* never read as a growth */
	{ "同比减少", "同比下降", FC_PCT },
	{ "年度计划完成投资", "年度计划投资", FC_MONEY },
	{ "计划完成投资", "年度计划投资", FC_MONEY },
	{ "年度计划投资", "年度计划投资", FC_MONEY },
	{ "年度投资计划", "年度计划投资", FC_MONEY },
	{ "年计划投资", "年度计划投资", FC_MONEY },
	{ "计划投资", "年度计划投资", FC_MONEY },
	/* the plan inside a rate phrase: "占年度计划452.6亿元的78.8%" */
	{ "年度计划", "年度计划投资", FC_MONEY },
	{ "全年计划", "年度计划投资", FC_MONEY },
	{ "累计完成投资", "完成投资", FC_MONEY },
	{ "完成固定资产投资", "完成投资", FC_MONEY },
	{ "完成投资", "完成投资", FC_MONEY },
	{ "完成投", "完成投资", FC_MONEY },
	{ "累计完成", "完成投资", FC_MONEY },
	{ "计划总投资", "总投资", FC_MONEY },
	{ "总投资", "总投资", FC_MONEY },
	{ "计划新开工", "计划新开工项目数", FC_COUNT },
	{ "计划开工", "计划开工项目数", FC_COUNT },
	{ "开复工", "开复工项目数", FC_COUNT },
	{ "新开工", "新开工项目数", FC_COUNT },
	{ "未开工", "未开工项目数", FC_COUNT }, /* not started: never 开工 */
	{ "已开工", "开工项目数", FC_COUNT },
	{ "开工", "开工项目数", FC_COUNT },
	{ "已复工", "复工项目数", FC_COUNT },
	{ "复工", "复工项目数", FC_COUNT },
	{ "已竣工", "竣工项目数", FC_COUNT },
	{ "竣工", "竣工项目数", FC_COUNT },
	{ "项目", "项目数", FC_COUNT },
};

#define M_RATE 0        /* measures[] index of a completion rate phrase */
#define M_START_RATE 1  /* … of a start rate phrase */

/* Generic headings that do not name a group. */
static const char *generic[] = {
	"情况", "问题", "措施", "建议", "安排", "工作", "举措", "目标", "要求", "概况",
	"进展", "成效", "排名", "思路", "打算", "分析", "总体", "说明",
};

/* What is left of a heading that names a measure, not a group, once its
 * tail is cut: 一、投资完成情况, （二）项目开工情况, 三、主要指标完成情况. A
 * whole match only: 产业投资项目 is a group. */
static const char *measure_heading[] = {
	"投资", "投资完成", "完成投资", "项目投资", "固定资产投资", "重点项目投资",
	"开工", "项目开工", "开复工", "项目开复工", "复工", "竣工", "项目竣工", "新开工",
	"指标", "主要指标", "指标完成", "资金", "资金到位", "要素保障", "前期工作",
};

static int unit_fits(enum fclass cls, const char *unit)
{
	if (!unit)
		return 0;
	switch (cls) {
	case FC_PCT:
		return !strcmp(unit, "%");
	case FC_MONEY:
		return tz_dp_money_exp(unit) != 99;
	case FC_COUNT:
		return tz_dp_unit_is_count(unit);
	}
	return 0;
}

static const char *norm_unit(enum fclass cls, const char *unit)
{
	if (cls == FC_MONEY && !strcmp(unit, "亿"))
		return "亿元";
	if (cls == FC_MONEY && !strcmp(unit, "万"))
		return "万元";
	return unit;
}

/*
 * A rate written as a share of the plan: (占|为|完成|达到|达) (本年度|年度|
 * 全年|年)? BASE 的, BASE one of 投资计划, 计划投资, 投资目标, 计划, 目标,
 * 任务, …: "为年度投资计划的30.90%", "占年度目标的63.88%" (投资完成率);
 * with 开工 in the base, "完成年度计划开工的80.8%" (开工率). Returns its
 * length at s[i] (0 if none) and the measures[] index in *k.
 */
static size_t rate_phrase(const char *s, size_t i, size_t to, int *k)
{
	static const char *verbs[] = { "达到", "完成", "相当于", "占", "为", "达" };
	static const char *scopes[] = { "本年度", "年度", "全年", "年" };
	static const char *bases[] = { "计划新开工项目", "计划新开工", "计划开工项目", "计划开工",
				       "开工计划", "投资计划", "计划投资",
				       "投资目标", "投资任务", "目标任务", "计划", "目标", "任务" };
	size_t p = i, n;
	size_t v, b;

	for (v = 0; v < sizeof(verbs) / sizeof(verbs[0]); v++)
		if (tz_dp_at(s, to, p, verbs[v]))
			break;
	if (v == sizeof(verbs) / sizeof(verbs[0]))
		return 0;
	p += strlen(verbs[v]);
	for (size_t k2 = 0; k2 < sizeof(scopes) / sizeof(scopes[0]); k2++)
		if (tz_dp_at(s, to, p, scopes[k2])) {
			p += strlen(scopes[k2]);
			break;
		}
	for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
		if (tz_dp_at(s, to, p, bases[b]))
			break;
	if (b == sizeof(bases) / sizeof(bases[0]))
		return 0;
	n = strlen(bases[b]);
	p += n;
	/* the base's amount between it and 的: "占年度计划投资57.8亿元的78.9%" */
	if (!tz_dp_at(s, to, p, "的") && p < to && s[p] >= '0' && s[p] <= '9') {
		static const char *units[] = { "亿元", "万元", "亿", "万" };
		size_t u;

		while (p < to && ((s[p] >= '0' && s[p] <= '9') || s[p] == '.'))
			p++;
		for (u = 0; u < sizeof(units) / sizeof(units[0]); u++)
			if (tz_dp_at(s, to, p, units[u]))
				break;
		if (u == sizeof(units) / sizeof(units[0]))
			return 0;
		p += strlen(units[u]);
	}
	if (!tz_dp_at(s, to, p, "的"))
		return 0;
	*k = strstr(bases[b], "开工") ? M_START_RATE : M_RATE;
	return p + 3 - i;
}

/* The longest measure word starting exactly at s[i] (before `to`): its
 * index, its length in *len; -1 if none. */
static int measure_at(const char *s, size_t i, size_t to, size_t *len)
{
	int best = -1;
	size_t bn = 0, n;
	int rk;

	if ((n = rate_phrase(s, i, to, &rk)) != 0) {
		best = rk;
		bn = n;
	}
	for (size_t k = M_START_RATE + 1; k < sizeof(measures) / sizeof(measures[0]); k++) {
		n = strlen(measures[k].word);
		if (n > bn && i + n <= to && !memcmp(s + i, measures[k].word, n)) {
			best = (int)k;
			bn = n;
		}
	}
	*len = bn;
	return best;
}

/*
 * The measure word in [from, to) that labels a quantity in `unit`: among
 * the words that fit the unit, the one that ends last (the longest on a
 * tie: 年度计划投资 over 计划投资); for counts a specific word (已开工,
 * 新开工) before the generic 项目. With no fitting word, the last word of
 * any kind (so that a misfit can be reported), or -1. *at is its start.
 */
static int measure_for(const char *s, size_t from, size_t to, const char *unit, size_t *at,
		       size_t *mlen)
{
	int fit = -1, any = -1, fit_specific = 0;
	size_t fit_end = 0, fit_at = 0, any_end = 0, any_at = 0;

	for (size_t i = from; i < to; i++) {
		int k;
		size_t e, n;

		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		k = measure_at(s, i, to, &n);
		if (k < 0)
			continue;
		e = i + n;
		if (any < 0 || e > any_end) {
			any = k;
			any_end = e;
			any_at = i;
		}
		if (unit_fits(measures[k].cls, unit)) {
			int specific = strcmp(measures[k].word, "项目") != 0;

			if (fit < 0 || (specific && !fit_specific) ||
			    (specific == fit_specific && e > fit_end)) {
				fit = k;
				fit_end = e;
				fit_at = i;
				fit_specific = specific;
			}
		}
	}
	if (fit >= 0) {
		*at = fit_at;
		*mlen = fit_end - fit_at;
		return fit;
	}
	*at = any_at;
	*mlen = any_end - any_at;
	return any;
}

/* The label of measure k for the quantity at q, its clause opening at
 * `from`: starts said of a plan, before the word or between it and the
 * number ("列入计划的新开工项目120项", "新开工项目计划120个"), are planned
 * starts, not starts made (b06 class). */
static const char *planned_label(const char *s, size_t from, size_t q, int k)
{
	if (from < q && tz_dp_find(s, from, q, "计划") != DP_NONE &&
	    tz_dp_find(s, from, q, "实际") == DP_NONE) {
		if (!strcmp(measures[k].word, "新开工"))
			return "计划新开工项目数";
		if (!strcmp(measures[k].word, "开工"))
			return "计划开工项目数";
	}
	return measures[k].label;
}

/* Record a figure; q (NULL for ranking places and 排名第N) is the
 * quantity, kept beside it for the checks. */
static void add_figure(struct dp_ctx *c, size_t li, size_t b, size_t e, const char *label,
		       const char *group, const char *value, const char *unit, int rank,
		       const struct dp_qty *q)
{
	struct tz_doc *d = c->doc;
	struct tz_doc_figure *f;
	struct dp_fig *x;

	if (c->fig_alloc <= d->nfigures) {
		size_t alloc = c->fig_alloc;

		TZ_ALLOC_GROW(d->figures, d->nfigures + 1, alloc);
		TZ_ALLOC_GROW(c->figs, d->nfigures + 1, c->fig_alloc);
	}
	x = &c->figs[d->nfigures];
	memset(x, 0, sizeof(*x));
	x->li = li;
	x->mb = b;
	x->qb = q ? q->b : b;
	x->e = e;
	if (q && q->ok && !rank) {
		x->dec = q->dec;
		x->ok = 1;
	}
	f = &d->figures[d->nfigures++];
	f->text = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	f->label = label;
	f->group = group;
	f->value = value ? tz_arena_strdup(c->arena, value) : NULL;
	f->unit = unit;
	f->rank = rank;
	f->line = tz_dp_srcline(c, li, b);
}

static int clause_sep(const char *s, size_t len, size_t i)
{
	return s[i] == ',' || s[i] == ';' || s[i] == ':' || tz_dp_at(s, len, i, "。");
}

/* Parse a ranking list after `p`; returns the offset after it. */
static size_t ranking(struct dp_ctx *c, size_t li, size_t p, const char *label, int sign)
{
	const char *s = c->lines[li].norm;
	size_t len = c->lines[li].norm_len, i = p, start;
	int rank = 0;

	i = tz_dp_skip_sp(s, len, i);
	if (i < len && s[i] == ':')
		i++;
	start = i;
	while (i <= len) {
		int stop = i == len || s[i] == ';' || tz_dp_at(s, len, i, "。");
		int sep = stop || tz_dp_at(s, len, i, "、") || s[i] == ',';
		size_t n = 1;

		if (i < len && s[i] == '(') {
			size_t k = tz_dp_find(s, i, len, ")");

			if (k != DP_NONE) {
				i = k + 1;
				continue;
			}
		}
		if (sep) {
			size_t ib = start, ie = i, nb, ne = i;
			struct dp_qty q;
			const char *value = NULL, *unit = NULL;

			tz_dp_trim(s, &ib, &ie, NULL);
			nb = ie;
			/* the name ends at '(' or a digit */
			for (size_t k = ib; k < ie; k++)
				if (s[k] == '(' || (s[k] >= '0' && s[k] <= '9')) {
					nb = k;
					break;
				}
			for (size_t k = nb; k < ie; k++)
				if (s[k] >= '0' && s[k] <= '9' && tz_dp_qty_at(s, ie, k, &q)) {
					value = q.value;
					unit = q.unit;
					break;
				}
			ne = nb;
			tz_dp_trim(s, &ib, &ne, NULL);
			if (ne > ib && ne - ib <= 45) {
				const char *name = tz_dp_dup(c, li, ib, ne, DP_DUP_TRIM);

				++rank;
				add_figure(c, li, ib, ie, label, name, value, unit, sign * rank, NULL);
			}
			if (stop)
				return i;
			n = s[i] == ',' ? 1 : 3;
			start = i + n;
			i += n;
			continue;
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
	return len;
}

/*
 * A group named at s[b]: text up to a number or a measure word other
 * than 项目 ("省重点项目45个", "续建项目15个"). Its end, or b when there is
 * none (or it runs on too long to be a name).
 */
static size_t group_name(const char *s, size_t len, size_t b)
{
	size_t g, n;

	for (g = b; g < len && g < b + 60; g += n) {
		int mk;

		if ((s[g] >= '0' && s[g] <= '9') || clause_sep(s, len, g) || tz_dp_at(s, len, g, "、"))
			break;
		mk = measure_at(s, g, len, &n);
		if (mk >= 0 && strcmp(measures[mk].word, "项目"))
			break;
		tz_dp_cp(s, len, g, &n);
	}
	if (g == b || g - b > 45 || g >= len || clause_sep(s, len, g) || tz_dp_at(s, len, g, "、"))
		return b;
	return g;
}

/* A list item's group must name projects or a place: "新建项目", "产业类",
 * "高新区", not "较去年同期增长". */
static int list_group(const char *s, size_t b, size_t g)
{
	static const char *ends[] = { "项目", "类", "区", "县", "市", "镇", "园", "板块", "领域" };

	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (tz_dp_ends(s, b, g, ends[k]))
			return 1;
	return 0;
}

/* "124个新建项目": the projects a count names after it (a few Han
 * characters ending in 项目). The name's end, or 0. */
static size_t projects_after(const char *s, size_t len, size_t e)
{
	size_t p = e, n;

	for (int k = 0; k < 9 && p < len; k++) {
		uint32_t cp;

		if (tz_dp_at(s, len, p, "项目"))
			return p + 6;
		cp = tz_dp_cp(s, len, p, &n);
		if (!tz_dp_is_han(cp))
			return 0;
		p += n;
	}
	return 0;
}

/* "全市", "全县", "全区"…: the whole area, not one region of it (全椒县 is
 * a region). */
static int whole_area(const char *s, size_t len, size_t b)
{
	static const char *whole[] = { "全市", "全县", "全区", "全省", "全旗", "全州", "全盟" };

	for (size_t k = 0; k < sizeof(whole) / sizeof(whole[0]); k++)
		if (tz_dp_at(s, len, b, whole[k]))
			return 1;
	return 0;
}

/* Does [b, p) end in a place word (区, 县, 市, 旗)? */
static int place_end(const char *s, size_t b, size_t p)
{
	return tz_dp_ends(s, b, p, "区") || tz_dp_ends(s, b, p, "县") || tz_dp_ends(s, b, p, "市") ||
	       tz_dp_ends(s, b, p, "旗");
}

/*
 * Under a heading that breaks the figures down ("三、分县区情况", "二、分领
 * 域情况"): the region or kind of projects a clause at s[b] opens with
 * ("高新区完成投资…", "老边区，完成投资…", "大石桥市共…", "产业项目完成
 * 投资…"), a few Han characters ending in 区, 县, 市, 旗, 镇, 乡, 街道,
 * 本级, 项目, 类, 领域 or 板块 and followed by a measure word, a number or a
 * clause mark. Its end, or b when the clause opens with none. A clause
 * opening with 全市/各县区 ("全市完成投资…", "各县区中…") speaks of the
 * whole and names none; two regions ("高新区、老边区…") name none either,
 * nor do 项目 or 重点项目 alone. Projects after a region of three or more
 * characters ("高新区亮红灯项目5个") are the region's: the group is the
 * region.
 */
static size_t region_at(const char *s, size_t len, size_t b)
{
	static const char *ends[] = { "区", "县", "市", "旗", "镇", "乡", "街道", "本级", "项目",
				      "类", "领域", "板块" };
	static const char *verbs[] = { "共", "累计", "已", "实际", "今年", "全年", "本年", "年内",
				       "本月", "当月", "重点" };
	size_t p = b, n, mlen, place = 0;

	b = tz_dp_skip_sp(s, len, b);
	/* "新开工项目12个" opens with its measure, not a group */
	if (whole_area(s, len, b) || tz_dp_at(s, len, b, "各") || tz_dp_at(s, len, b, "其中") ||
	    measure_at(s, b, len, &mlen) >= 0)
		return b;
	for (p = b; p < len && p < b + 36;) {
		uint32_t cp = tz_dp_cp(s, len, p, &n);

		if (!tz_dp_is_han(cp))
			return b;
		p += n;
		if (p - b < 6)
			continue;
		/* "高新区亮红灯项目5个": the region, not its projects */
		if (!place && p - b >= 9 && place_end(s, b, p))
			place = p;
		for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
			int next = p >= len || clause_sep(s, len, p) || (s[p] >= '0' && s[p] <= '9') ||
				   measure_at(s, p, len, &mlen) >= 0;

			for (size_t v = 0; !next && v < sizeof(verbs) / sizeof(verbs[0]); v++)
				next = tz_dp_at(s, len, p, verbs[v]);
			if (tz_dp_ends(s, b, p, ends[k]) && next && p < len &&
			    !tz_dp_at(s, p, b, "重点项目") && !tz_dp_at(s, p, b, "项目"))
				return place && !place_end(s, b, p) ? place : p;
		}
	}
	return b;
}

/* The group of the clause at s[i] of line li under a breakdown by region:
 * the region it opens with; the heading's (none) when it opens with
 * 全市…; else the current one. */
static const char *region_group(struct dp_ctx *c, size_t li, size_t i, const char *hgroup,
				const char *cur)
{
	const char *s = c->lines[li].norm;
	size_t len = c->lines[li].norm_len, b = tz_dp_skip_sp(s, len, i), e = region_at(s, len, b);

	if (e > b)
		return tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	if (whole_area(s, len, b) || tz_dp_at(s, len, b, "各"))
		return hgroup;
	return cur;
}

static void scan_line(struct dp_ctx *c, size_t li, const char *hgroup, int breakdown)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0, clause = 0, prev_end = 0, prev_qty_end = DP_NONE;
	size_t prev_qty_start = DP_NONE;
	const char *group = hgroup, *sgroup = NULL, *rank_label = NULL;
	int in_qizhong = 0;      /* in a 其中 list: each item names its group */

	/* "高新区:…" (a numbered heading's group is heading_group's) */
	if (!tz_dp_heading_prefix(s, len)) {
		size_t k = tz_dp_find(s, 0, len < 40 ? len : 40, ":");

		if (k != DP_NONE && k > 0) {
			size_t b = 0, e = k;
			int digit = 0;

			for (size_t j = 0; j < k; j++)
				digit |= s[j] >= '0' && s[j] <= '9';
			tz_dp_trim(s, &b, &e, NULL);
			if (!digit && e > b && e - b <= 30)
				group = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		}
	}
	/* "高新区:…" above named it already ("全市:…" too) */
	if (breakdown && group == hgroup)
		group = region_group(c, li, 0, hgroup, group);
	while (i < len) {
		size_t n, at = 0, e, mlen = 0;
		struct dp_qty q;
		int k = 0;

		if (clause_sep(s, len, i) || (in_qizhong && tz_dp_at(s, len, i, "、"))) {
			int list = !clause_sep(s, len, i);

			if (tz_dp_at(s, len, i, "。")) {
				sgroup = NULL;
				in_qizhong = 0;
			}
			if (!list)
				clause = i + (s[i] == ',' || s[i] == ';' || s[i] == ':' ? 1 : 3);
			i += s[i] == ',' || s[i] == ';' || s[i] == ':' ? 1 : 3;
			if (breakdown && !list && !in_qizhong)
				group = region_group(c, li, i, hgroup, group);
			/* "其中续建项目15个、新建项目30个": each item its group */
			if (in_qizhong) {
				size_t b = tz_dp_skip_sp(s, len, i), g = group_name(s, len, b);

				/* "新开工项目18个": a measure word with 项目
				 * names the item's group too, not the
				 * previous item's ("完成投资50亿元" names none
				 * and keeps it) */
				if (g == b)
					g = projects_after(s, len, b);
				if (g > b && list_group(s, b, g))
					sgroup = tz_dp_dup(c, li, b, g, DP_DUP_TRIM);
			}
			continue;
		}
		if (tz_dp_at(s, len, i, "其中") || (k = (int)tz_dp_breakdown_at(s, len, i)) > 0) {
			size_t b = i + (tz_dp_at(s, len, i, "其中") ? 6 : (size_t)k), g;

			while (b < len && (s[b] == ',' || s[b] == ':' || s[b] == ' '))
				b++;
			/* the group runs to a number or a measure word; 项目 is
			 * part of a name ("省重点项目") */
			g = group_name(s, len, b);
			sgroup = g > b ? tz_dp_dup(c, li, b, g, DP_DUP_TRIM) : NULL;
			in_qizhong = 1;
			i = b;
			clause = b;
			continue;
		}
		if (tz_dp_at(s, len, i, "排名前") || tz_dp_at(s, len, i, "排名后") ||
		    tz_dp_at(s, len, i, "排在前") || tz_dp_at(s, len, i, "排在后") ||
		    tz_dp_at(s, len, i, "依次为") || tz_dp_at(s, len, i, "依次是")) {
			size_t p = tz_dp_find(s, i, len < i + 60 ? len : i + 60, ":");
			size_t at2;
			int mk;
			const char *label = "排名";

			if (p == DP_NONE) {
				p = tz_dp_find(s, i, len < i + 60 ? len : i + 60, "是");
				if (p != DP_NONE)
					p += 3;
			} else {
				p += 1;
			}
			if (p != DP_NONE) {
				size_t from = i > 90 ? i - 90 : 0;

				mk = measure_for(s, from, p, "%", &at2, &n);
				if (mk >= 0 && measures[mk].cls == FC_PCT)
					label = measures[mk].label;
				else if (rank_label)
					label = rank_label; /* "…；排名后三位的是" */
				rank_label = label;
				/* 排名后三位: places counted from the bottom (-1 = last) */
				i = ranking(c, li, p, label,
					    tz_dp_at(s, len, i, "排名后") || tz_dp_at(s, len, i, "排在后") ? -1 : 1);
				prev_qty_end = DP_NONE;
				continue;
			}
		}
		if (tz_dp_at(s, len, i, "排名") && !(i && s[i - 1] == ')')) {
			/* 排名全省第3 */
			size_t p = i + 6, q0;

			while (p < len && p < i + 20 && !tz_dp_at(s, len, p, "第") && !clause_sep(s, len, p)) {
				tz_dp_cp(s, len, p, &n);
				p += n;
			}
			if (tz_dp_at(s, len, p, "第")) {
				q0 = p + 3;
				e = q0;
				while (e < len && s[e] >= '0' && s[e] <= '9')
					e++;
				if (e > q0 && e - q0 < 6) {
					char v[8];

					memcpy(v, s + q0, e - q0);
					v[e - q0] = '\0';
					if (tz_dp_at(s, len, e, "位") || tz_dp_at(s, len, e, "名"))
						e += 3;
					add_figure(c, li, i, e, "排名", sgroup ? sgroup : group, v, "位", 0,
						   NULL);
					i = e;
					continue;
				}
			}
		}
		if (!(s[i] >= '0' && s[i] <= '9')) {
			tz_dp_cp(s, len, i, &n);
			i += n;
			continue;
		}
		e = tz_dp_qty_at(s, len, i, &q);
		if (!e) {
			while (i < len && s[i] >= '0' && s[i] <= '9')
				i++;
			continue;
		}
		/* a date or a period, not a figure: 2023年, 1-8月 */
		if (tz_dp_at(s, len, e, "年") || tz_dp_at(s, len, e, "月") ||
		    tz_dp_at(s, len, e, "日") || (e < len && s[e] == '-') ||
		    (i && s[i - 1] == '-')) {
			i = e;
			continue;
		}
		/* spam right after the digits */
		if (!q.unit) {
			size_t se = tz_dp_spam_at(c, li, q.ne);

			if (se && se < len && s[se] >= '0' && s[se] <= '9') {
				/* "3买足球的软件40.43亿元": which digits were lost? */
				struct dp_qty q2;
				size_t e2 = tz_dp_qty_at(s, len, se, &q2);

				if (!e2)
					e2 = se;
				tz_dp_warn(c, "damaged_figure", li, i, e2, NULL,
					   "数字中间被插入了其他文字，无法确定原值");
				i = prev_end = prev_qty_end = e2;
				prev_qty_start = DP_NONE;
				continue;
			}
			if (se) {
				/* "340.43买足球的软件亿元": the unit follows the spam */
				size_t ue;
				const char *u = tz_dp_unit_at(s, len, se, &ue);

				if (u) {
					q.unit = u;
					e = ue;
				}
			}
		}
		/* a quantity right after another one: run together */
		{
			size_t from = prev_end > clause ? prev_end : clause;
			size_t wfrom = from + 36 < i ? i - 36 : from;
			int adjacent = prev_qty_end == i;

			k = measure_for(s, wfrom, i, q.unit, &at, &mlen);
			/* a rate whose phrase holds the base's amount ("占年度计划
			 * 投资57.8亿元的78.9%"): the phrase starts before that
			 * quantity and ends at this one */
			if (k < 0 && q.unit && !strcmp(q.unit, "%") && from > clause) {
				size_t at2, ml2, w2 = clause + 90 < i ? i - 90 : clause;
				int k2 = measure_for(s, w2, i, q.unit, &at2, &ml2);

				if ((k2 == M_RATE || k2 == M_START_RATE) && at2 + ml2 == i) {
					k = k2;
					at = at2;
					mlen = ml2;
				}
			}
			/* "56个重点项目": a count named after its number; in a 其中
			 * list ("其中133个续建项目…124个新建项目") it names the group
			 * of what follows, even when run into the figure before */
			if ((k < 0 || !unit_fits(measures[k].cls, q.unit)) && tz_dp_unit_is_count(q.unit)) {
				size_t p = projects_after(s, len, e);

				if (p && in_qizhong)
					sgroup = tz_dp_dup(c, li, e, p, DP_DUP_TRIM);
				if (p && !adjacent) {
					add_figure(c, li, i, e, "项目数", sgroup ? sgroup : group, q.value,
						   q.unit, 0, &q);
					prev_end = prev_qty_end = e;
					prev_qty_start = i;
					i = e;
					continue;
				}
			}
			if (k < 0 || !q.unit) {
				if (adjacent && q.unit && prev_qty_start != DP_NONE)
					tz_dp_warn(c, "damaged_figure", li, prev_qty_start, e, NULL,
						   "两个数字连在一起，无法确定后一个数字的含义");
				prev_end = e;
				prev_qty_end = e;
				prev_qty_start = i;
				i = e;
				continue;
			}
			if (!unit_fits(measures[k].cls, q.unit)) {
				if (at + mlen == i && measures[k].cls != FC_COUNT)
					tz_dp_warn(c, "damaged_figure", li, at, e, NULL,
						   "数字的单位与指标不符，原文可能有损坏");
				prev_end = e;
				prev_qty_end = e;
				prev_qty_start = i;
				i = e;
				continue;
			}
			add_figure(c, li, at, e, planned_label(s, from, i, k), sgroup ? sgroup : group,
				   q.value, norm_unit(measures[k].cls, q.unit), 0, &q);
		}
		prev_end = e;
		prev_qty_end = e;
		prev_qty_start = i;
		i = e;
	}
}

/* "一是市级重点项目。…", "二是省级重点项目,…": the words up to the first
 * , ; : or 。 after the ordinal at b name a group when they name projects
 * or a place (list_group); "一是加快前期工作" is prose, not a heading.
 * Returns 1 and sets *group, or 0. */
static int yishi_group(struct dp_ctx *c, size_t li, size_t b, const char **group)
{
	const char *s = c->lines[li].norm;
	size_t len = c->lines[li].norm_len, e = b, n;

	while (e < len && !clause_sep(s, len, e) && e - b <= 45) {
		if (s[e] >= '0' && s[e] <= '9')
			return 0;
		tz_dp_cp(s, len, e, &n);
		e += n;
	}
	if (e >= len || e - b > 45 || e == b || !list_group(s, b, e))
		return 0;
	*group = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	return *group != NULL;
}

/* "市级重点项目方面,…", "在省级重点项目方面,…": a line that opens with the
 * group it speaks of. Returns 1 and sets *group, or 0. */
static int fangmian_group(struct dp_ctx *c, size_t li, const char **group)
{
	const char *s = c->lines[li].norm;
	size_t len = c->lines[li].norm_len, b = tz_dp_skip_sp(s, len, 0);
	size_t lim = len < b + 60 ? len : b + 60;
	size_t p = tz_dp_find(s, b, lim, "方面");

	if (p == DP_NONE || p + 6 >= len || !clause_sep(s, len, p + 6))
		return 0;
	if (tz_dp_at(s, len, b, "在"))
		b += 3;
	for (size_t k = b; k < p; k++)
		if ((s[k] >= '0' && s[k] <= '9') || clause_sep(s, len, k))
			return 0;
	if (p == b || !list_group(s, b, p))
		return 0;
	*group = tz_dp_dup(c, li, b, p, DP_DUP_TRIM);
	return *group != NULL;
}

/*
 * Is line li a numbered heading? Returns 1 and sets *group to the group it
 * names (NULL for a generic heading such as 总体情况), else returns 0.
 * *count_only is set when the line is a heading alone that opens with a
 * count of its group ("二、30个省重点项目进展"): not a figure of its own.
 * *breakdown is set for a breakdown heading ("三、分县区情况", "二、分领域"),
 * which names no group itself.
 */
static int heading_group(struct dp_ctx *c, size_t li, const char **group, int *count_only,
			 int *level, int *breakdown)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = tz_dp_skip_sp(s, len, 0), n, b, e;

	if (tz_dp_cn_num(s, len, i, &n) && tz_dp_at(s, len, i + n, "、"))
		b = i + n + 3, *level = 0;
	else if (i < len && s[i] == '(' && tz_dp_cn_num(s, len, i + 1, &n) &&
		 tz_dp_at(s, len, i + 1 + n, ")"))
		b = i + n + 2, *level = 1;
	else if (i + 1 < len && s[i] >= '1' && s[i] <= '9' && (s[i + 1] == '.' || tz_dp_at(s, len, i + 1, "、")))
		b = i + (s[i + 1] == '.' ? 2 : 4), *level = 2;
	else if (tz_dp_cn_num(s, len, i, &n) && tz_dp_at(s, len, i + n, "是"))
		return *level = 3, yishi_group(c, li, i + n + 3, group);
	else
		return 0;
	*group = NULL;
	e = len;
	/* "（一）省重点项目。32个…", "（二）市重点项目：120个…": the heading is
	 * its first sentence */
	{
		size_t p = tz_dp_find(s, b, e, "。"), q = tz_dp_find(s, b, e, ":");

		if (p != DP_NONE)
			e = p;
		if (q != DP_NONE && q < e)
			e = q;
	}
	tz_dp_trim(s, &b, &e, "。:");
	/* "二、30个省重点项目进展": the count is said of the group, which
	 * follows it */
	{
		size_t d = b;

		while (d < e && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > b && (tz_dp_at(s, e, d, "个") || tz_dp_at(s, e, d, "项")) &&
		    projects_after(s, e, d + 3)) {
			b = d + 3;
			/* a heading line and nothing more: its count is the
			 * one the paragraph below states */
			*count_only = e == len;
		}
	}
	/* "二、省级重点项目进展情况", "(二)市重点项目建设进展": the group
	 * without what it says of it; once a tail is cut, the work word before
	 * it goes too (建设进展, 推进情况, 建设进展情况) */
	{
		static const char *tails[] = { "进展情况", "推进情况", "建设情况", "完成情况", "实施情况",
					       "进度情况", "情况", "进展", "进度", "建设", "推进",
					       "实施" };
		size_t ntails = sizeof(tails) / sizeof(tails[0]), work = ntails - 3;
		int cut = 0;

		for (size_t k = 0; k < ntails; k++) {
			size_t tl = strlen(tails[k]);

			if ((k < work || cut) && tz_dp_ends(s, b, e, tails[k]) && e - b > tl) {
				e -= tl;
				cut = 1;
				k = (size_t)-1; /* again, from the longest */
			}
		}
		/* "(二)项目建设进展": no group is named */
		if (cut && tz_dp_ends(s, b, e, "项目") && e - b == strlen("项目"))
			return 1;
	}
	/* "三、分县区情况", "（二）分领域": a breakdown, each line its own
	 * group: the region or the kind of projects it opens with
	 * (region_at) */
	if (e <= b || tz_dp_at(s, e, b, "分")) {
		*breakdown = e > b;
		return 1;
	}
	for (size_t k = b; k < e; k++)
		if ((s[k] >= '0' && s[k] <= '9') || s[k] == ',' || tz_dp_at(s, e, k, "。")) {
			/* "三、省级重点项目42个完成投资128.5亿元", "（一）省重点
			 * 项目完成投资…,…": the projects it opens with */
			size_t g = group_name(s, len, b);

			if (g > b && g <= k + 3 && tz_dp_ends(s, b, g, "项目") && list_group(s, b, g) &&
			    !(g - b == strlen("项目")) && !tz_dp_at(s, len, b, "全") &&
			    tz_dp_find(s, b, g, "重点") != DP_NONE)
				*group = tz_dp_dup(c, li, b, g, DP_DUP_TRIM);
			return 1;
		}
	if (e - b > 45)
		return 1;
	for (size_t k = 0; k < sizeof(generic) / sizeof(generic[0]); k++)
		if (tz_dp_find(s, b, e, generic[k]) != DP_NONE)
			return 1;
	for (size_t k = 0; k < sizeof(measure_heading) / sizeof(measure_heading[0]); k++)
		if (e - b == strlen(measure_heading[k]) && tz_dp_at(s, e, b, measure_heading[k]))
			return 1;
	*group = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	return 1;
}

void tz_dp_figures(struct dp_ctx *c)
{
	const char *group = NULL;
	const char *named[4] = { NULL, NULL, NULL, NULL }; /* by heading level */
	size_t end = c->sig_start < c->nlines ? c->sig_start : c->nlines;
	int breakdown_level = -1; /* level of a heading "分县区情况" in force, or -1 */

	for (size_t li = c->title_line == DP_NONE ? 0 : c->title_line + 1; li < end; li++) {
		if (c->lines[li].cls != DP_CONTENT)
			continue;
		/* a heading names the group of what follows (and may itself
		 * carry figures); one that names none under one that does
		 * ("一、市级重点项目" then "（一）投资完成情况") keeps the
		 * enclosing group */
		int count_only = 0, level = 0, breakdown = 0, heading;

		if ((heading = heading_group(c, li, &group, &count_only, &level, &breakdown)) != 0) {
			named[level] = group;
			for (int k = level + 1; k < 4; k++)
				named[k] = NULL;
			for (int k = level - 1; !group && k >= 0; k--)
				group = named[k];
			if (breakdown)
				breakdown_level = level;
			else if (level <= breakdown_level)
				breakdown_level = -1;
		} else {
			fangmian_group(c, li, &group);
		}
		/* under a breakdown's sub-heading that names its group
		 * ("（一）高新区", "（一）产业项目") that group holds */
		if (!count_only)
			scan_line(c, li, group, !heading && breakdown_level >= 0 && !group);
	}
}

int tz_dp_figures_say_bulletin(const struct dp_ctx *c)
{
	static const char *money[] = { "完成投资", "年度计划投资", "总投资" };
	static const char *progress[] = { "投资完成率", "开工率", "复工率", "竣工率", "开复工率",
					  "开工项目数", "新开工项目数", "计划开工项目数",
					  "计划新开工项目数", "项目数", "开复工项目数", "竣工项目数" };
	const struct tz_doc *d = c->doc;
	int m = 0, p = 0;

	for (size_t i = 0; i < d->nfigures; i++) {
		for (size_t k = 0; k < sizeof(money) / sizeof(money[0]); k++)
			m |= !strcmp(d->figures[i].label, money[k]);
		for (size_t k = 0; k < sizeof(progress) / sizeof(progress[0]); k++)
			p |= !strcmp(d->figures[i].label, progress[k]);
	}
	return m && p && d->nfigures >= 3;
}

void tz_dp_figures_drop(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t w = 0;

	/* damaged figures are a bulletin's concern */
	for (size_t r = 0; r < d->nwarnings; r++) {
		if (!strcmp(d->warnings[r].kind, "damaged_figure"))
			continue;
		d->warnings[w] = d->warnings[r];
		c->wkeys[w] = c->wkeys[r];
		w++;
	}
	d->nwarnings = w;
	free(d->figures);
	d->figures = NULL;
	d->nfigures = 0;
	free(c->figs);
	c->figs = NULL;
	c->fig_alloc = 0;
}
