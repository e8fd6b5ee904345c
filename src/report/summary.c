/* summary.c: the bulletin's opening paragraphs in the style of a government 通报. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "core/money.h"
#include "report/summary.h"
#include "report/writer.h"
#include "base/banned.h"

/* How a grouping is named in running text: "分县（市）区看，5个县（市）区…". */
struct words {
	const char *noun;  /* 县（市）区 */
	const char *mw;    /* the measure word: 个, 位 */
};

static const struct words by_words[TZ_BY_COUNT] = {
	[TZ_BY_REGION] = { "县（市）区", "个" },
	[TZ_BY_CATEGORY] = { "类别", "个" },
	[TZ_BY_LEVEL] = { "级别", "个" },
	[TZ_BY_LEADER] = { "包联领导", "位" },
	[TZ_BY_UNIT] = { "责任单位", "个" },
};

/* The text being built; the first error sticks. */
struct text {
	struct tz_buf *b;
	int rc;
};

static void say(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct text *t, const char *fmt, ...)
{
	va_list ap;

	if (t->rc)
		return;
	va_start(ap, fmt);
	t->rc = tz_buf_vaddf(t->b, fmt, ap);
	va_end(ap);
}

/* a/b against c/d exactly (b, d > 0). */
static int frac_cmp(int64_t a, int64_t b, int64_t c, int64_t d)
{
	__int128 l = (__int128)a * d, r = (__int128)c * b;

	return l < r ? -1 : l > r;
}

/*
 * An amount as the text says it: "340.43亿元"; an amount that is not zero
 * but would print as 0.00 亿元 is said in 万元 ("8.00万元").
 */
static char *money(int64_t v, char buf[48])
{
	char n[32];

	if (v && !tz_money_yi100(v))
		snprintf(buf, 48, "%s万元", tz_money_fmt(v, n));
	else
		snprintf(buf, 48, "%s亿元", tz_money_fmt_yi(v, n));
	return buf;
}

/* A group's completion rate as printed: "89.5". */
static char *rate1(const struct tz_bulletin_group *g, char buf[32])
{
	return tz_pct1_fmt(tz_pct1(g->ytd, g->annual), buf);
}

/* ------------------------------------------------------------------ */
/* 1. The whole city                                                   */

static void city(struct text *t, const struct tz_bulletin *b)
{
	const struct tz_bulletin_group *c = tz_bulletin_totals(b);
	char months[16], a[48], y[48], r[32], s[32], d[32];
	int month = tz_bulletin_period(b).month;

	say(t, "%s，%s%" PRId64 "个重点项目", tz_bulletin_months(b, months, sizeof(months)),
	    tz_bulletin_scope(b), c->projects);
	if (c->annual > 0) {
		int64_t rate = tz_pct1(c->ytd, c->annual), sched = tz_pct1(month, 12);
		int64_t diff = rate - sched;

		say(t, "年度计划投资%s，累计完成投资%s，占年度计划的%s%%，", money(c->annual, a),
		    money(c->ytd, y), tz_pct1_fmt(rate, r));
		tz_pct1_fmt(sched, s);
		if (diff > 0)
			say(t, "高于序时进度（%s%%）%s个百分点。", s, tz_pct1_fmt(diff, d));
		else if (diff < 0)
			say(t, "低于序时进度（%s%%）%s个百分点。", s, tz_pct1_fmt(-diff, d));
		else
			say(t, "与序时进度（%s%%）持平。", s);
		if (c->ytd_unplanned > 0)
			say(t, "另有未安排年度计划的项目完成投资%s，未计入投资完成率。",
			    money(c->ytd_unplanned, y));
	} else {
		say(t, "均未安排年度计划投资，累计完成投资%s。", money(c->ytd_unplanned, y));
	}
	say(t, "已开工项目%" PRId64 "个，开工率%s%%。", c->started,
	    tz_pct1_fmt(tz_pct1(c->started, c->projects), r));
}

/* ------------------------------------------------------------------ */
/* 2. The groups                                                       */

struct tally {
	size_t ranked, above, level, below, unranked;
	size_t first_n, last_n;   /* groups sharing the first and the last rank */
	const struct tz_bulletin_group *first, *last;  /* the first of each tie */
	size_t up, down, same, changed;  /* rank changes, `changed` with one */
};

static void count_groups(const struct tz_bulletin *b, struct tally *k)
{
	const struct tz_bulletin_group *c = tz_bulletin_totals(b);
	size_t n = tz_bulletin_group_count(b);

	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < n; i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(b, i);
		int cmp;

		if (!g->has_rate) {
			k->unranked++;
			continue;
		}
		k->ranked++;
		cmp = frac_cmp(g->ytd, g->annual, c->ytd, c->annual);
		k->above += cmp > 0;
		k->level += cmp == 0;
		k->below += cmp < 0;
		/* Groups come in rank order: ranked first, equal ranks together. */
		if (!k->first)
			k->first = g;
		k->first_n += g->rank == k->first->rank;
		if (!k->last || g->rank != k->last->rank) {
			k->last = g;
			k->last_n = 0;
		}
		k->last_n++;
		if (g->has_rank_change) {
			k->changed++;
			k->up += g->rank_change > 0;
			k->down += g->rank_change < 0;
			k->same += g->rank_change == 0;
		}
	}
}

/* "鲅鱼圈区以106.0%居首" or "鲅鱼圈区等2个县（市）区以100.0%并列第一". */
static void extreme(struct text *t, const struct words *w, const struct tz_bulletin_group *g,
		    size_t n, const char *alone, const char *tied)
{
	char r[32];

	if (n == 1)
		say(t, "%s以%s%%%s", g->key, rate1(g, r), alone);
	else
		say(t, "%s等%zu%s%s以%s%%%s", g->key, n, w->mw, w->noun, rate1(g, r), tied);
}

static void groups(struct text *t, const struct tz_bulletin *b)
{
	const struct words *w = &by_words[tz_bulletin_by(b)];
	const char *sep = "";
	struct tally k;
	char r[32];

	count_groups(b, &k);
	if (!k.ranked && !k.unranked) {
		say(t, "本期没有可比较的%s。", w->noun);  /* only an unfinished bulletin */
		return;
	}
	say(t, "分%s看，", w->noun);
	if (k.ranked == 1) {
		say(t, "%s投资完成率%s%%", k.first->key, rate1(k.first, r));
		sep = "，";
	} else if (k.ranked > 1) {
		if (k.above) {
			say(t, "%zu%s%s投资完成率高于%s平均水平", k.above, w->mw, w->noun,
			    tz_bulletin_scope(b));
			sep = "，";
		}
		if (k.level) {
			if (k.above)
				say(t, "，%zu%s与%s平均水平持平", k.level, w->mw, tz_bulletin_scope(b));
			else
				say(t, "%zu%s%s投资完成率与%s平均水平持平", k.level, w->mw,
				    w->noun, tz_bulletin_scope(b));
			sep = "，";
		}
		if (k.below) {
			if (k.above || k.level)
				say(t, "，%zu%s低于%s平均水平", k.below, w->mw, tz_bulletin_scope(b));
			else
				say(t, "%zu%s%s投资完成率低于%s平均水平", k.below, w->mw,
				    w->noun, tz_bulletin_scope(b));
			sep = "，";
		}
	}
	if (k.unranked) {
		/* After one ranked group's own rate, "1个未安排…" would read as
		 * part of that group: name what the others are. */
		say(t, "%s%s%zu%s%s未安排年度计划投资，不参与排名", sep, k.ranked == 1 ? "另有" : "",
		    k.unranked, w->mw, k.ranked > 1 ? "" : w->noun);
	}
	/* The first and the last, unless every ranked group shares rank 1. */
	if (k.ranked > 1 && k.first_n < k.ranked) {
		say(t, "；");
		extreme(t, w, k.first, k.first_n, "居首", "并列第一");
		say(t, "，");
		extreme(t, w, k.last, k.last_n, "居末", "并列最后");
	}
	say(t, "。");
	if (!k.changed)
		return;  /* January, or no bulletin last month */
	if (k.ranked == 1) {
		/* A ranking of one (a county's or a district's own bulletin):
		 * "各县（市）区排名均无变化" would claim a ranking that is not
		 * there; say a move only when last month ranked more groups. */
		if (k.first->rank_change > 0)
			say(t, "与上月相比，排名上升%d位。", k.first->rank_change);
		else if (k.first->rank_change < 0)
			say(t, "与上月相比，排名下降%d位。", -k.first->rank_change);
		return;
	}
	if (!k.up && !k.down) {
		say(t, "与上月相比，各%s排名均无变化。", w->noun);
		return;
	}
	say(t, "与上月相比");
	if (k.up)
		say(t, "，%zu%s%s排名上升", k.up, w->mw, w->noun);
	if (k.down)
		say(t, "，%zu%s%s排名下降", k.down, w->mw, k.up ? "" : w->noun);
	if (k.same)
		say(t, "，%zu%s排名不变", k.same, w->mw);
	say(t, "。");
}

/* ------------------------------------------------------------------ */
/* 3. Lagging projects and reporting                                   */

static void lagging_and_missing(struct text *t, const struct tz_bulletin *b)
{
	const struct tz_bulletin_group *c = tz_bulletin_totals(b), *most = NULL;
	const struct tz_bulletin_lag *worst = tz_bulletin_lag_at(b, 0);
	const struct words *w = &by_words[tz_bulletin_by(b)];
	size_t n = tz_bulletin_lag_count(b), tied = 0;
	char r[32];

	if (!n) {
		say(t, "%s没有落后序时进度10个百分点以上的进度滞后项目。", tz_bulletin_scope(b));
	} else {
		say(t, "%s落后序时进度10个百分点以上的进度滞后项目%zu个，", tz_bulletin_scope(b), n);
		say(t, "其中%s完成年度计划的比例最低，为%s%%。",
		    *worst->name ? worst->name : worst->code,
		    tz_pct1_fmt(tz_pct1(worst->ytd, worst->annual), r));
	}
	if (!c->not_reported) {
		say(t, "本期应报送调度数据的%" PRId64 "个项目均已报送。", c->reported);
		return;
	}
	say(t, "本期应报送调度数据的项目%" PRId64 "个，已报送%" PRId64 "个，未报送%" PRId64 "个",
	    c->reported + c->not_reported, c->reported, c->not_reported);
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *g = tz_bulletin_group_at(b, i);

		if (!g->not_reported)
			continue;
		if (!most || g->not_reported > most->not_reported) {
			most = g;
			tied = 1;
		} else if (g->not_reported == most->not_reported) {
			tied++;
		}
	}
	if (most && tz_bulletin_group_count(b) > 1) {
		if (tied == 1)
			say(t, "，其中%s最多（%" PRId64 "个）", most->key, most->not_reported);
		else
			say(t, "，其中%s等%zu%s%s最多，各%" PRId64 "个", most->key, tied, w->mw,
			    w->noun, most->not_reported);
	}
	say(t, "。");
}

int tz_bulletin_summary(const struct tz_bulletin *b, struct tz_buf *out)
{
	struct text t = { out, 0 };

	city(&t, b);
	say(&t, "\n");
	groups(&t, b);
	say(&t, "\n");
	lagging_and_missing(&t, b);
	return t.rc;
}
