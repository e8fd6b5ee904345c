/*
 * rowmark.h: the cells that say a row is not a project -- a total
 * (合计, 小计, 站前区小计, 合计（3个）, 以上合计, 合計, 【小计】, 甲县计,
 * 小结, Subtotal, 甲县共2个, 甲县2个项目) or a breakdown
 * heading (其中：) -- decided on the whole cell, not on a word inside it,
 * so that 综合计量检测中心 stays a project. Internal to src/intake: the
 * row classification of header.c uses it.
 */
#ifndef TZ_INTAKE_ROWMARK_H
#define TZ_INTAKE_ROWMARK_H

#include <stddef.h>

enum tz_row_mark {
	TZ_MARK_NONE,
	TZ_MARK_TOTAL,      /* 合计, 小计, 总计, 共计 (and 累计, 汇总 for a scope) */
	TZ_MARK_BREAKDOWN,  /* 其中：… the parts of the row above */
};

/*
 * What the cell s[0..len) marks. The cell is folded first (NFKC, white
 * space and invisible characters removed: 小  计, 小　计, 合​计), then
 * stripped of brackets written around all of it (【小计】, 〔小计〕), then
 * must be one marker word with at most a scope before it (站前区, 以上,
 * 本页, 全市) and, after it, nothing or what follows a total (a colon, a
 * bracket, a count, what is summed: 合计：, 合计（3个）, 小计12项,
 * 合计金额：). Weak words (计, 小结, the typo 小记, 累计, 汇总) and the
 * English Total, Subtotal, Sum count only alone or after a scope; a count
 * of projects (甲县共2个, 甲县 2个项目, 共3个项目) is a total too.
 * A word that goes on into a name (合计量, 总计划) or a 合
 * that ends another word (综合计) is not a marker. Cells without any marker character cost a few
 * memchr-like scans and no allocation.
 */
enum tz_row_mark tz_row_mark(const char *s, size_t len);

/*
 * Whether the cell s[0..len) is a heading over a group of projects: an
 * enumerator of any style -- (1) 1. 1、 Ⅰ. A. ⑴ ① 一、 （一） -- then a
 * category of projects made of known words and ending in 项目 or 类
 * (续建项目, 计划新开工项目, 产业类, 社会事业类项目), then nothing or a
 * count (（2个）) or colon; or such a category ending in 类 alone. The
 * category must be all of the rest, so 1号楼建设项目 and A区安置房
 * stay names. Asked only for rows without a code (header.c): a heading
 * has none, and a row with one is a project. The rule is ledger.md,
 * "What real sheets hold": headings and totals are not projects.
 * Allocates and frees a scratch buffer; 0 for text that is not UTF-8.
 */
int tz_row_is_heading(const char *s, size_t len);

/*
 * tz_row_is_heading, or an enumerator then category words alone, with no
 * 项目 or 类 after them (（一）交通, 一、基础设施, 二、产业（3个）): no
 * project is named so. For a heading-like row beside a region of its own
 * (header.c's project_marks; audit 10, S1), where 一、二期合建安置房 must
 * stay a project: its words are no category. Same allocation and errors.
 */
int tz_row_is_bare_heading(const char *s, size_t len);

#endif
