/* light.c: the traffic lights of web.md: progress gap, start, memory, and the rule in words. */
#include <stdio.h>
#include <string.h>

#include "core/light.h"
#include "core/money.h"
#include "base/banned.h"

const char *tz_light_name(enum tz_light l)
{
	switch (l) {
	case TZ_LIGHT_GREEN:
		return "绿灯";
	case TZ_LIGHT_YELLOW:
		return "黄灯";
	case TZ_LIGHT_RED:
		return "红灯";
	case TZ_LIGHT_NONE:
		break;
	}
	return "无灯";
}

const char *tz_light_key(enum tz_light l)
{
	switch (l) {
	case TZ_LIGHT_GREEN:
		return "green";
	case TZ_LIGHT_YELLOW:
		return "yellow";
	case TZ_LIGHT_RED:
		return "red";
	case TZ_LIGHT_NONE:
		break;
	}
	return "none";
}

/* The light of the gap num/den of one, den > 0: ≤ 0.1 green, ≤ 0.3 yellow. */
static enum tz_light of_gap(__int128 num, __int128 den)
{
	if (num * 10 <= den)
		return TZ_LIGHT_GREEN;
	if (num * 10 <= den * 3)
		return TZ_LIGHT_YELLOW;
	return TZ_LIGHT_RED;
}

enum tz_light tz_light_of_gap(int64_t num, int64_t den)
{
	return of_gap(num, den);
}

/* gap = m/12 − ytd/annual = (5·m·annual − 60·ytd) / (60·annual), exactly. */
static enum tz_light of_month(int m, int64_t annual, int64_t ytd)
{
	return of_gap((__int128)5 * m * annual - (__int128)60 * ytd, (__int128)60 * annual);
}

enum tz_light tz_light_progress_raw(int m, int has_plan, int64_t annual, int64_t ytd)
{
	if (!has_plan || annual <= 0 || m < 1 || m > 12)
		return TZ_LIGHT_NONE;
	return of_month(m, annual, ytd);
}

enum tz_light tz_light_remember(enum tz_light prev, enum tz_light raw)
{
	if (prev == TZ_LIGHT_RED && (raw == TZ_LIGHT_GREEN || raw == TZ_LIGHT_YELLOW))
		return TZ_LIGHT_YELLOW;
	return raw;
}

int32_t tz_light_gap(int m, int64_t annual, int64_t ytd)
{
	__int128 num, den, q, r;

	if (annual <= 0)
		return 0;
	/* 10000 · (5·m·annual − 60·ytd) / (60·annual), rounded half away
	 * from zero. */
	num = ((__int128)5 * m * annual - (__int128)60 * ytd) * TZ_RATE_ONE;
	den = (__int128)60 * annual;
	q = num / den;
	r = num % den;
	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += num < 0 ? -1 : 1;
	if (q > INT32_MAX)
		return INT32_MAX;
	if (q < -INT32_MAX)
		return -INT32_MAX;
	return (int32_t)q;
}

static int months_between(struct tz_period from, struct tz_period to)
{
	return (to.year * 12 + to.month) - (from.year * 12 + from.month);
}

static int has_started(enum tz_status s)
{
	return s == TZ_STATUS_STARTED || s == TZ_STATUS_RESUMED || s == TZ_STATUS_STOPPED ||
	       s == TZ_STATUS_COMPLETED;
}

enum tz_light tz_light_start(struct tz_period p, struct tz_period planned_start,
			     enum tz_status in_force)
{
	int since;

	if (has_started(in_force))
		return TZ_LIGHT_GREEN;
	if (!planned_start.year)
		return TZ_LIGHT_NONE;
	since = months_between(planned_start, p);
	if (since < 0)
		return TZ_LIGHT_NONE;
	return since >= 3 ? TZ_LIGHT_RED : TZ_LIGHT_YELLOW;
}

void tz_light_compute(struct tz_period p, int has_plan, int64_t annual, const int64_t *ytd,
		      struct tz_period planned_start, enum tz_status in_force,
		      struct tz_light_result *out)
{
	enum tz_light state = TZ_LIGHT_NONE, prev = TZ_LIGHT_NONE;
	int m = p.month, planned = has_plan && annual > 0;

	memset(out, 0, sizeof(*out));
	out->schedule = tz_period_schedule(p);
	if (planned) {
		for (int k = 1; k <= m; k++) {
			prev = state;
			state = tz_light_remember(state, of_month(k, annual, ytd[k - 1]));
		}
		out->raw = of_month(m, annual, ytd[m - 1]);
		out->has_gap = 1;
		out->gap = tz_light_gap(m, annual, ytd[m - 1]);
		out->ratio = tz_rate(ytd[m - 1], annual);
	}
	out->progress = state;
	out->prev = prev;
	out->start = tz_light_start(p, planned_start, in_force);
	if (out->start == TZ_LIGHT_YELLOW || out->start == TZ_LIGHT_RED)
		out->months_late = months_between(planned_start, p);
	out->light = out->progress > out->start ? out->progress : out->start;

	if (out->light == TZ_LIGHT_NONE)
		out->why = TZ_WHY_NONE;
	else if (out->start > out->progress)
		out->why = out->start == TZ_LIGHT_RED ? TZ_WHY_START_LATE
			   : out->start == TZ_LIGHT_YELLOW ? TZ_WHY_START_DUE : TZ_WHY_STARTED;
	else if (out->progress == TZ_LIGHT_YELLOW && prev == TZ_LIGHT_RED)
		out->why = TZ_WHY_HELD;
	else
		out->why = TZ_WHY_GAP;
}

/* |v| in 1/10000 of one as points with one decimal: 3800 → "38.0". */
static void points(int32_t v, char *buf, size_t size)
{
	int64_t a = v < 0 ? -(int64_t)v : v, tenths = (a + 5) / 10;

	snprintf(buf, size, "%lld.%lld", (long long)(tenths / 10), (long long)(tenths % 10));
}

char *tz_light_explain(const struct tz_light_result *r, struct tz_period planned_start,
		       char *buf, size_t size)
{
	char gap[24], sched[TZ_RATE_FMT_MAX], ratio[TZ_RATE_FMT_MAX], start[TZ_PERIOD_FMT_MAX];
	const char *rule;

	points(r->gap, gap, sizeof(gap));
	tz_rate_fmt_pct(r->schedule, 1, sched);
	tz_rate_fmt_pct(r->ratio, 1, ratio);
	if (planned_start.year)
		tz_period_fmt(planned_start, start);
	else
		start[0] = '\0';
	switch (r->why) {
	case TZ_WHY_NONE:
		snprintf(buf, size, "%s", planned_start.year
				 ? "没有年度计划投资，未到计划开工时间，不亮灯"
				 : "没有年度计划投资，不亮灯");
		break;
	case TZ_WHY_STARTED:
		snprintf(buf, size, "已开工；没有年度计划投资，不计进度灯");
		break;
	case TZ_WHY_START_DUE:
		snprintf(buf, size, "计划%s开工，尚未开工（到计划开工月份未开工为黄灯，满3个月为红灯）",
			 start);
		break;
	case TZ_WHY_START_LATE:
		snprintf(buf, size, "计划%s开工，已过%d个月仍未开工（满3个月为红灯）", start,
			 r->months_late);
		break;
	case TZ_WHY_HELD:
		/* A project back ahead of schedule is not "behind" (walkthrough
		 * 17: 完成139.5%，落后39.5个百分点). */
		if (r->gap <= 0)
			snprintf(buf, size,
				 "上月红灯；本月序时进度%s，完成%s，达到序时进度，"
				 "转为黄灯（红灯须先转黄灯，再转绿灯）", sched, ratio);
		else
			snprintf(buf, size,
				 "上月红灯；本月序时进度%s，完成%s，落后%s个百分点，回到30个百分点以内，"
				 "转为黄灯（红灯须先转黄灯，再转绿灯）",
				 sched, ratio, gap);
		break;
	case TZ_WHY_GAP:
		rule = r->progress == TZ_LIGHT_RED      ? "超过30个百分点为红灯"
		       : r->progress == TZ_LIGHT_YELLOW ? "超过10个百分点、不超过30个百分点为黄灯"
							: "不超过10个百分点为绿灯";
		if (r->gap <= 0)
			snprintf(buf, size, "序时进度%s，完成%s，达到序时进度（%s）", sched, ratio,
				 rule);
		else
			snprintf(buf, size, "序时进度%s，完成%s，落后%s个百分点（%s）", sched, ratio,
				 gap, rule);
		break;
	}
	return buf;
}
