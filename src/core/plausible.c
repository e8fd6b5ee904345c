/*
 * plausible.c: one report amount against the store's (see plausible.h).
 */
#include <stdint.h>

#include "core/money.h"
#include "core/plausible.h"
#include "base/banned.h"

/* Whether v breaks the stored-total rule. No overflow: only divisions. */
static int over_total(int64_t v, const struct tz_plaus_stored *st)
{
	return st->total > 0 &&
	       (v / TZ_PLAUS_OVER >= st->total ||
		(v > st->total && st->annual > 0 && v / TZ_PLAUS_OVER >= st->annual));
}

enum tz_plaus_row tz_plaus_report_row(int64_t v, const struct tz_plaus_stored *st)
{
	if (v <= 0)
		return TZ_PLAUS_ROW_OK;
	if (over_total(v, st))
		return TZ_PLAUS_ROW_OVER_TOTAL;
	if (st->old > 0 && (v / TZ_PLAUS_LOW >= st->old ||
			    (st->old / TZ_PLAUS_LOW >= v && !over_total(st->old, st))))
		return TZ_PLAUS_ROW_CORRECTED;
	return TZ_PLAUS_ROW_OK;
}

int tz_plaus_report_say(struct tz_buf *b, enum tz_plaus_row kind, int64_t v, int64_t ref,
			int64_t ref2)
{
	char r1[TZ_MONEY_FMT_MAX], r2[TZ_MONEY_FMT_MAX];

	if (ref <= 0 || v <= 0)
		return 1;
	tz_money_fmt(ref, r1);
	if (kind == TZ_PLAUS_ROW_OVER_TOTAL) {
		if (v / ref >= TZ_PLAUS_OVER)
			tz_buf_addf(b, "是该项目已入库的总投资（%s万元）的%lld倍", r1,
				    (long long)(v / ref));
		else
			tz_buf_addf(b, "超过该项目已入库的总投资（%s万元）", r1);
		if (ref2 > 0) {
			tz_money_fmt(ref2, r2);
			tz_buf_addf(b, "、本年度计划投资（%s万元）的%lld倍", r2, (long long)(v / ref2));
		}
		return 1;
	}
	if (v < ref) {
		tz_buf_addf(b, "只有已入库的同一调度期数（%s万元）的%lld分之一，单位可能填错了", r1,
			    (long long)(ref / v));
		return 0;
	}
	tz_buf_addf(b, "是已入库的同一调度期数（%s万元）的%lld倍", r1, (long long)(v / ref));
	return 1;
}

void tz_plaus_yuan_advice(struct tz_buf *b, int64_t v)
{
	char y[TZ_MONEY_FMT_MAX];

	tz_money_fmt(v / 10000 + (v % 10000 >= 5000), y);  /* half up, no overflow */
	tz_buf_addf(b, "，像是按元填写的（按元是%s万元）", y);
}
