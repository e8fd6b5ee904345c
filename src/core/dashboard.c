/* dashboard.c: the dashboard's figures for one view; see dashboard.h. */
#include <inttypes.h>
#include <string.h>

#include "core/dashboard.h"
#include "core/deadline.h"
#include "core/money.h"
#include "base/banned.h"

void tz_dashboard_init(struct tz_dashboard *d, struct tz_period p)
{
	memset(d, 0, sizeof(*d));
	d->period = p;
	d->schedule = tz_period_schedule(p);
	d->schedule_pct1 = tz_dashboard_pct1(p.month, 12);
}

int64_t tz_dashboard_pct1(int64_t num, int64_t den)
{
	__int128 n;

	if (den <= 0 || num < 0)
		return 0;
	/* round(1000·num/den) half up, exactly */
	n = (__int128)num * 2000 + den;
	return (int64_t)(n / ((__int128)den * 2));
}

void tz_dashboard_bulletin(struct tz_dashboard *d, const struct tz_bulletin *b)
{
	const struct tz_bulletin_group *t = tz_bulletin_totals(b);

	d->has_data = 1;
	d->projects = t->projects;
	d->total = t->total;
	d->annual = t->annual;
	d->ytd = t->ytd;
	d->ytd_unplanned = t->ytd_unplanned;
	d->started = t->started;
	d->start_rate = t->start_rate;
	d->has_rate = t->has_rate;
	d->completion_rate = t->completion_rate;
	d->reported = t->reported;
	d->not_reported = t->not_reported;
	d->lagging = tz_bulletin_lag_count(b);
	d->rate_pct1 = d->has_rate ? tz_dashboard_pct1(t->ytd, t->annual) : 0;
	d->vs_schedule = !d->has_rate || d->rate_pct1 == d->schedule_pct1 ? 0
			 : d->rate_pct1 > d->schedule_pct1 ? 1 : -1;
	d->gap_pct1 = d->rate_pct1 > d->schedule_pct1 ? d->rate_pct1 - d->schedule_pct1
						       : d->schedule_pct1 - d->rate_pct1;
	if (!d->has_rate)
		d->gap_pct1 = 0;
}

void tz_dashboard_lights(struct tz_dashboard *d, const int64_t *c)
{
	memcpy(d->lights, c, sizeof(d->lights));
}

void tz_dashboard_problems(struct tz_dashboard *d, const int64_t *c)
{
	d->problems_upper = tz_problem_counts_at(c, TZ_PC_UPPER);
	d->problems_all = tz_problem_counts_at(c, TZ_PC_ALL);
	for (int s = 1; s <= TZ_PROBLEM_STATUS_MAX; s++)
		d->problem_status[s] = c[TZ_PC_STATUS(s)];
	d->problems_overdue = c[TZ_PC_OVERDUE];
}

void tz_dashboard_procedures(struct tz_dashboard *d, const int64_t *c)
{
	d->proc_required = c[TZ_PRC_REQUIRED];
	for (int s = 1; s <= TZ_PROC_STATUS_MAX; s++)
		d->proc_status[s] = c[TZ_PRC_STATUS(s)];
	d->proc_obtained = c[TZ_PRC_IN_RANGE];
}

void tz_dashboard_year_to_date(struct tz_period p, int32_t *from, int32_t *to)
{
	*from = p.year * 10000 + 101;
	*to = p.year * 10000 + p.month * 100 + tz_days_in_month(p.year, p.month);
}

/* 897 as "89.7". */
static int pct1(struct tz_buf *out, int64_t v)
{
	return tz_buf_addf(out, "%" PRId64 ".%" PRId64, v / 10, v % 10);
}

int tz_dashboard_schedule_text(const struct tz_dashboard *d, struct tz_buf *out)
{
	int rc;

	if (!d->has_rate)
		return 0;
	if ((rc = tz_buf_adds(out, d->vs_schedule > 0 ? "高于序时进度（" : d->vs_schedule < 0
			      ? "低于序时进度（" : "与序时进度（")) ||
	    (rc = pct1(out, d->schedule_pct1)) || (rc = tz_buf_adds(out, "%）")))
		return rc;
	if (!d->vs_schedule)
		return tz_buf_adds(out, "持平");
	if ((rc = pct1(out, d->gap_pct1)))
		return rc;
	return tz_buf_adds(out, "个百分点");
}

int tz_dashboard_problem_sentence(const struct tz_dashboard *d, struct tz_buf *out)
{
	return tz_problem_sentence(&d->problems_upper, out);
}

int tz_dashboard_procedure_sentence(const struct tz_dashboard *d, struct tz_buf *out)
{
	int rc = d->period.month > 1 ? tz_buf_addf(out, "1-%d月，", d->period.month)
				     : tz_buf_adds(out, "1月，");

	return rc ? rc : tz_procedure_sentence(d->proc_obtained, out);
}

const char *tz_dashboard_missing_note(void)
{
	return "资金到位率：台账和月度调度数据中没有到位资金一项，无从计算。"
	       "按期竣工率：台账只有建设起止年限（如“2023-2025”，只有年份、没有月份），"
	       "竣工只能从调度数据首次填报“已竣工”的月份得知，年度结束前无法判断是否按期，"
	       "故不计算。";
}
