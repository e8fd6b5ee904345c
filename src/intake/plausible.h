/*
 * plausible.h: amounts no sheet means (audit 9, W21). A clerk who types
 * 元 into a 万元 column (50000000 for 5000万元) makes one project 10^4
 * times too large; the cell is a valid number, so only its size beside
 * the file's other amounts shows it. Internal to src/intake: import.c
 * adds each accepted row's amounts and asks, before the commit, which
 * rows to refuse. ledger.md, "Spreadsheet import": every value stored is
 * what the sheet means or refused with a reason.
 */
#ifndef TZ_INTAKE_PLAUSIBLE_H
#define TZ_INTAKE_PLAUSIBLE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "core/plausible.h"  /* TZ_PLAUS_LOW, TZ_PLAUS_OVER, struct tz_plaus_stored */

struct tz_hmap;

/* The money columns judged: ledgers' 总投资 and 年度计划投资, reports'
 * 本期完成投资. */
enum tz_plaus_col { TZ_PLAUS_TOTAL, TZ_PLAUS_PLAN, TZ_PLAUS_DONE, TZ_PLAUS_COLS };

/*
 * The rule, exact so that a clerk can check it by hand:
 * - an amount above TZ_PLAUS_CEILING (1万亿元, 10^8 万元) is refused: no
 *   one project's investment (nor a year's or month's of it) is that
 *   large;
 * - an amount at least TZ_PLAUS_RATIO (10000) times the median of the
 *   same column's other positive amounts in the file (the middle one,
 *   or the mean of the two middle ones) is refused, when there are at
 *   least two others: 元 read as 万元 is exactly 10000 times too large,
 *   and real ledgers span far less (the bench ledger of 20000 rows: the
 *   largest 总投资 is 108 times the median, 本期完成投资 176 times).
 * Zeros and absent plans are not amounts here.
 */
#define TZ_PLAUS_CEILING ((int64_t)10000000000)  /* 0.01 万元: 1万亿元 */
#define TZ_PLAUS_RATIO 10000

/*
 * A lower ratio where it is safe (walkthrough, 2026-12-01: 8600000 万元
 * beside 1500-6200 is 2000 times the median): a ledger row is refused
 * when its 总投资 is at least TZ_PLAUS_BIG (100亿元) and TZ_PLAUS_LOW
 * (1000) times the median of the file's other 总投资, AND its 年度计划投资
 * is at least TZ_PLAUS_LOW times the median of the other plans. 元 typed
 * for 万元 scales every amount of the row alike; a real big project has
 * a large total but a year's plan like the others' (t1801's
 * own-wide-clean.csv: 800亿 total, 333 times the plans' median). When
 * only the 总投资 was typed in 元 (walkthrough 7, 2026-12-01: 52000000
 * for a county road beside its plan of 20000), that total is also at
 * least TZ_PLAUS_LOW times the row's own plan, and that refuses it.
 */
#define TZ_PLAUS_BIG ((int64_t)100000000)  /* 0.01 万元: 100亿元 */
/* TZ_PLAUS_LOW (1000): core/plausible.h */
#define TZ_PLAUS_MEDIAN_CEILING ((int64_t)1000000000)  /* 0.01 万元: 1000亿元 */

/*
 * Against what the store already holds (the same walkthrough): a file
 * wholly in 元 has no outlier within itself.
 * - Reports: 本期完成投资 at least TZ_PLAUS_OVER (10) times the
 *   project's stored 总投资 is refused: one month is not ten whole
 *   projects, while 元 read as 万元 makes a month that is 1/1000 of
 *   its project 10 times it. So is a month above the whole 总投资 and
 *   at least TZ_PLAUS_OVER times the year's stored plan (walkthrough 7:
 *   500000 against 90000 and 30000, 50万元 typed in 元). Test sheets
 *   with such months pass --confirm-large (t1740, t1790).
 * - Reports: a row replacing a stored report of the same project and
 *   period with an amount TZ_PLAUS_LOW (1000) times the stored one or
 *   more, or 1/1000 of it or less, is refused; going down is allowed
 *   when the stored amount itself broke the rule above (the correction
 *   of a report stored in 元).
 * - Ledgers: a stored project whose new 总投资 is TZ_PLAUS_LOW times the
 *   stored one or more.
 * - Ledgers: a file whose median 总投资 (or 年度计划投资) is TZ_PLAUS_LOW
 *   times the median of the same column in the year's stored ledger of
 *   the regions the file does not hold, or more, is refused as a whole
 *   (tz_plausible_file): "整列可能按元填写". At least 3 stored amounts.
 * - Ledgers, whatever is stored (a first ledger has nothing to compare
 *   with): a file whose median 总投资 (of at least 3) or 年度计划投资
 *   (of any number) is TZ_PLAUS_MEDIAN_CEILING (1000亿元) or more is
 *   refused the same way: no region's list of key projects has a middle
 *   project of 1000亿元, nor one project a year's plan of it, while a
 *   county list typed in 元 has (walkthrough f12: 5200亿元 for a
 *   county's 农村公路, median 3800亿元; walkthrough 7: one project,
 *   3000亿/1000亿).
 */
/* TZ_PLAUS_OVER (10) and the rules above on reports: core/plausible.h
 * (tz_plaus_report_row), shared with the web form and API. */

/*
 * A report month typed in 元 that stays under its project's 总投资
 * (walkthrough 8, 2026-12-01: 1000000 for 100万元 in a 万元 column, a
 * project of 1200000 万元 with a plan of 150000; the file's other months
 * 1000 and 3000): 0.83 times the total and 500 times the file's median,
 * it passes the rules above and was stored, 100亿元 in one month. A
 * report's 本期完成投资 is refused when it is at least TZ_PLAUS_MONTH
 * (100) times the median of the same column's other positive amounts
 * in the file (at least two others) AND exceeds the project's stored
 * 年度计划投资 of the report's year — one month above the whole year's
 * plan; a project with no plan for the year stands in a tenth of its
 * 总投资 (a month is not a tenth of a project, while 元 read as 万元
 * makes a month 1/1000 of it 10 times that); with neither, this rule
 * does not apply. Either half alone is common (a big project beside
 * small ones; a plan set low), both together are not: in the bench's
 * generated reports (gen_ledger.py --yearly, seeds 1-5) no month
 * exceeds its plan and the largest is 206 times the median; no file of
 * tests/data or the cases is refused by it. --confirm-large accepts it.
 */
#define TZ_PLAUS_MONTH 100

/*
 * A first ledger of small projects typed wholly in 元 (audit 9's known
 * gap: 5000000 for 500万元 reads as 500亿元, its median under the
 * 1000亿元 ceiling and nothing stored to compare with): with fewer than
 * 3 stored 总投资 of the year (of the regions the file does not hold),
 * a file of at least 3 总投资 whose median is TZ_PLAUS_BIG (100亿元) or
 * more and whose every 总投资 and 年度计划投资 is a whole multiple of
 * TZ_PLAUS_ROUND (1亿元, i.e. 10000 typed in 万元) is refused as a
 * whole. 元 typed for whole 万元 are multiples of 10000; a real list
 * whose middle project is 100亿元 has plans and totals that are not all
 * whole 亿 (bench/gen_ledger.py outputs, the cases and tests/data: none
 * is refused). A list of a few giant projects in round 亿 passes
 * --confirm-large. A supplement to a stored year (walkthrough 12: one
 * row, 3000000 for 300万元, beside stored 8000 and 50000) is refused
 * the same way, whatever its size, when its median 总投资 is also at
 * least TZ_PLAUS_MONTH (100) times the median of the stored ones (any
 * number of them).
 */
#define TZ_PLAUS_ROUND ((int64_t)1000000)  /* 0.01 万元: 1亿元 */

/*
 * A 总投资 typed in 元 beside a plan in 万元 in a ledger too small for a
 * median (audit 9's open item, session 14: two rows, 1.2E7 for 1200万元
 * read as 1200亿元 beside a plan of 1000万元, was stored): a row is
 * refused, whatever the file's size, when its 总投资 is TZ_PLAUS_BIG
 * (100亿元) or more, a whole multiple of TZ_PLAUS_ROUND (1亿元: whole
 * 万元 typed in 元), and at least TZ_PLAUS_LOW (1000) times the row's own
 * 年度计划投资. A real giant project's year plans a share of it far above
 * 1/1000 (tests/data: 石化基地 1500000/300000, 6500000/300000,
 * own-wide-clean's 8000000/100000, 5 to 80 times; no sheet of tests/data
 * or the cases has a row of 100亿 at 1000 times its plan). A project
 * whose year plans only a start (a feasibility study of 10万元 for a
 * 100亿 project) passes --confirm-large.
 */

/* 16 bytes: a progress file keeps one a row (2.3 million for 36 months
 * of 100,000 projects), the largest part of its import's memory. */
struct tz_plaus_val {
	int64_t v;       /* 0.01 万元, > 0 */
	uint32_t line;   /* the row's line in the file */
	uint32_t code;   /* offset of its 项目编号 in codes; UINT32_MAX: none kept */
};

/* A row found wrong against the store, judged when it came. */
struct tz_plaus_note {
	long line;
	size_t code;
	int col, kind;
	int64_t v, ref, ref2;
};

struct tz_plausible {
	struct tz_plaus_val *vals[TZ_PLAUS_COLS];
	struct tz_plaus_note *notes;
	size_t nnotes, anotes;
	size_t n[TZ_PLAUS_COLS], alloc[TZ_PLAUS_COLS];
	struct tz_buf codes;       /* each 项目编号 once, NUL-terminated */
	struct tz_hmap *seen;      /* 项目编号 -> its offset in codes */
	/* tz_plausible_add_keyed: the offset in codes + 1 of each caller's
	 * key's code (0: none yet), by key. */
	uint32_t *keyed;
	size_t nkeyed;
	size_t last_code;  /* offset of the code last added, reused by the row's other columns */
	long last_line;
	/* The unit each column was read in, 10^exp 万元 (tz_header
	 * unit_exp; 0: 万元), for the advice (tz_plausible_unit). */
	int exp[TZ_PLAUS_COLS];
};

/* An empty set; release with tz_plausible_release. */
void tz_plausible_init(struct tz_plausible *p);
void tz_plausible_release(struct tz_plausible *p);

/*
 * The unit column col is read in, 10^exp 万元 (the header's unit_exp:
 * 4 亿元, 0 万元, -1 千元, -4 元); 万元 until set. Only the advice of a
 * refusal depends on it (the amounts are compared in 0.01 万元): in a
 * 万元 column an amount 10^4 too large looks typed in 元, in a 亿元
 * column typed in 万元 (the header should say 万元, or the amounts be
 * divided by 10000), in a 千元 column typed in 元; in a 元 column it
 * cannot be a smaller unit (issue 7, session-7 walkthrough).
 */
void tz_plausible_unit(struct tz_plausible *p, enum tz_plaus_col col, int exp);

/*
 * Note amount `v` (0.01 万元) of column `col` on line `line` of the row
 * of 项目编号 `code` (copied; NULL or "" for none). Amounts <= 0 are
 * ignored. Amortised growth: no allocation per row once the arrays have
 * grown.
 */
void tz_plausible_add(struct tz_plausible *p, enum tz_plaus_col col, long line,
		      const char *code, int64_t v);

/*
 * As tz_plausible_add, for a caller that numbers its codes: `key` (>= 1,
 * at most TZ_PLAUS_KEY_MAX; else as tz_plausible_add) is the number of
 * `code` in this import (a ledger import passes the store's project id,
 * tz_store_import_last_id). The code is then found by its key in an
 * array instead of by its text in a hash map: a ledger's codes are
 * mostly new, and each probe of a large map was a cache miss on the
 * import's writing thread (issue 6). A key met before with another code
 * (a stored code differing in ASCII case) is looked up by its text, as
 * by tz_plausible_add. What is kept and said is the same either way;
 * only past the cap of the codes (2^30 bytes of distinct codes) may a
 * code first met by key be named by its line alone.
 */
#define TZ_PLAUS_KEY_MAX ((int64_t)1 << 22)  /* the array: at most 32 MB */
void tz_plausible_add_keyed(struct tz_plausible *p, enum tz_plaus_col col, long line,
			    const char *code, int64_t key, int64_t v);

/*
 * A report row's 本期完成投资 `v` (0.01 万元, line `line`, 项目编号
 * `code`) against what the store held for it (`st`, the rules above);
 * a finding is kept for tz_plausible_check. Call after tz_plausible_add
 * of the same row. No allocation unless the row is wrong.
 */
void tz_plausible_report(struct tz_plausible *p, long line, const char *code, int64_t v,
			 const struct tz_plaus_stored *st);

/*
 * A ledger row's new 总投资 `v` against the stored project's `stored`
 * (both 0.01 万元; stored 0: a new project, nothing to compare). As
 * tz_plausible_report.
 */
void tz_plausible_ledger(struct tz_plausible *p, long line, const char *code, int64_t v,
			 int64_t stored);

/*
 * The file as a whole against the stored ledger of its year: for each
 * ledger column, `stored[col]` holds `nstored[col]` stored amounts
 * (0.01 万元, > 0; reordered) of the regions the file does not hold.
 * When the median of the file's amounts of a column is TZ_PLAUS_LOW
 * times theirs or more (at least 3 stored), or, with fewer than 3
 * stored, TZ_PLAUS_MEDIAN_CEILING or more (at least 3 in the file), or
 * when the round-亿 rule (TZ_PLAUS_ROUND) holds, 1 and `why` (appended
 * to) names the column, the medians and the ratio; else 0. stored[col]
 * may be NULL when nstored[col] is 0.
 */
int tz_plausible_file(struct tz_plausible *p, int64_t *const stored[TZ_PLAUS_COLS],
		      const size_t nstored[TZ_PLAUS_COLS], struct tz_buf *why);

/*
 * Judge the amounts noted (the rule above). `each` is called once per
 * refused row, in line order, with its line, 项目编号 and a Chinese
 * reason naming each refused field, its amount, the median or ceiling,
 * the ratio, and how to accept it (--confirm-large, 确认大额); the
 * strings are valid during the call. Returns the number of rows
 * refused. Sorts the noted amounts (O(n log n), once per import).
 */
size_t tz_plausible_check(struct tz_plausible *p,
			  void (*each)(void *ctx, long line, const char *code, const char *field,
				       const char *reason),
			  void *ctx);

#endif
