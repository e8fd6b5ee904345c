/*
 * plausible.h: one report amount against what the store holds for its
 * project (audit 9, W21; walkthrough 9). Pure: the caller reads the
 * stored amounts and says how to confirm. Shared by the file import
 * (src/intake/plausible.c, which adds the file's own medians) and the
 * web form and API (src/web/dispatch.c), so that a month typed in 元
 * into the 万元 field is refused the same way on every path
 * (ledger.md, "Spreadsheet import": every value stored is what the
 * sheet means or refused with a reason).
 */
#ifndef TZ_CORE_PLAUSIBLE_H
#define TZ_CORE_PLAUSIBLE_H

#include <stdint.h>

#include "base/buf.h"

/* 1000: 元 read as 万元 is 10^4 times too large; a report replaced by
 * one 1000 times it, or 1/1000 of it, has its unit wrong. */
#define TZ_PLAUS_LOW 1000
/* 10: one month is not ten whole projects. */
#define TZ_PLAUS_OVER 10

/* What the store held for one report row. */
struct tz_plaus_stored {
	int64_t total;     /* the project's 总投资, 0.01 万元; 0: none */
	int64_t annual;    /* the year's 年度计划投资; < 0 (or 0): no plan */
	int64_t old;       /* the stored report of the period; < 0: none */
};

/* Why a report amount is refused against the store (0: it is not). */
enum tz_plaus_row {
	TZ_PLAUS_ROW_OK = 0,
	TZ_PLAUS_ROW_OVER_TOTAL,  /* TZ_PLAUS_OVER times the 总投资, or above it
				   * and TZ_PLAUS_OVER times the year's plan */
	TZ_PLAUS_ROW_CORRECTED,   /* TZ_PLAUS_LOW times the stored report of
				   * the period, or 1/TZ_PLAUS_LOW of it */
};

/*
 * Judge 本期完成投资 `v` (0.01 万元) of a report against `st` (the rules
 * of src/intake/plausible.h, "Against what the store already holds"):
 * - TZ_PLAUS_ROW_OVER_TOTAL when st->total > 0 and v is at least
 *   TZ_PLAUS_OVER times it, or above it and at least TZ_PLAUS_OVER times
 *   st->annual (> 0);
 * - else TZ_PLAUS_ROW_CORRECTED when st->old > 0 and v is at least
 *   TZ_PLAUS_LOW times it, or at most 1/TZ_PLAUS_LOW of it (going down
 *   is allowed when st->old itself is over the total: the correction
 *   of a report stored in 元);
 * - else TZ_PLAUS_ROW_OK (so for v <= 0).
 * No allocation, no error; overflow-free for any int64_t.
 */
enum tz_plaus_row tz_plaus_report_row(int64_t v, const struct tz_plaus_stored *st);

/*
 * Append to b the comparison that refused v by `kind`, after the
 * field's name and amount ("是该项目已入库的总投资（29069.06万元）的704倍"),
 * with the amounts in 万元: `ref` is st->total (OVER_TOTAL) or st->old
 * (CORRECTED), `ref2` st->annual (OVER_TOTAL, <= 0: not said). Returns
 * 1 when the 元 advice (tz_plaus_yuan_advice) fits after it, 0 when the
 * text already says what is wrong (an amount 1/1000 of the stored one).
 * tz_buf errors (its cap) are the buffer's.
 */
int tz_plaus_report_say(struct tz_buf *b, enum tz_plaus_row kind, int64_t v, int64_t ref,
			int64_t ref2);

/* Append "，像是按元填写的（按元是2049.06万元）" for v (0.01 万元) read
 * in 万元 though typed in 元: v / 10000, rounded half up. */
void tz_plaus_yuan_advice(struct tz_buf *b, int64_t v);

#endif
