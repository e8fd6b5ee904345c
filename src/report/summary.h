/*
 * summary.h: the bulletin's opening paragraphs, in the words of a
 * government 通报 (the seeds' "1-8月，完成投资340.43亿元，投资完成率
 * 89.5%…"), shared by the PDF and HTML bulletins and the web application.
 *
 * Three paragraphs, each present in every bulletin:
 *
 *  1. the whole city: "1-11月，全市300个重点项目年度计划投资494.24亿元，
 *     累计完成投资443.46亿元，占年度计划的89.7%，低于序时进度（91.7%）
 *     2.0个百分点。已开工项目252个，开工率84.0%。" — with a sentence on
 *     the investment of projects without a plan when there is any;
 *  2. the groups: how many are above, level with and below the city's
 *     rate, how many have no plan (and so no rank), the first and the last
 *     (ties said as 并列), and how ranks moved since last month (not in
 *     January, nor when nobody reported last month; a bulletin ranking a
 *     single group says only a move, never that "the ranks" are unchanged);
 *  3. the lagging projects (how many, the worst one) and reporting (how
 *     many reported, how many did not, the group with the most missing).
 *
 * Figures: money in 亿元 with two decimals (tz_money_fmt_yi), rates as
 * percentages with one decimal rounded half up from the exact fractions
 * (tz_pct1). "高于/低于序时进度x个百分点" is the difference of the two
 * percentages as printed, so a reader who subtracts them gets x.
 *
 * Everything is said of the bulletin's own scope (tz_bulletin_scope): its
 * groups, its ranks and their changes are those of its table. A page that
 * shows a user's bulletin (the 通报 page, the dashboard) passes the
 * bulletin of the user's view and so prints the same paragraphs (web.md
 * "People and permissions": a user's summaries count what it sees).
 */
#ifndef TZ_REPORT_SUMMARY_H
#define TZ_REPORT_SUMMARY_H

#include "base/buf.h"
#include "core/bulletin.h"

/*
 * Append the paragraphs of finished bulletin `b` to `out` as UTF-8 plain
 * text (no markup, nothing escaped: escape it for the format it goes
 * into), paragraphs separated by one "\n", no newline at the end. Names
 * of groups and projects appear as they are. Returns 0, or TZ_ETOOBIG
 * when out's cap was reached (out then holds a prefix). The caller owns
 * and releases `out`.
 */
int tz_bulletin_summary(const struct tz_bulletin *b, struct tz_buf *out);

#endif
