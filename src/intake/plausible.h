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

struct tz_plaus_val {
	long line;       /* the row's line in the file */
	int64_t v;       /* 0.01 万元, > 0 */
	size_t code;     /* offset of its 项目编号 in codes ("" for none) */
};

struct tz_plausible {
	struct tz_plaus_val *vals[TZ_PLAUS_COLS];
	size_t n[TZ_PLAUS_COLS], alloc[TZ_PLAUS_COLS];
	struct tz_buf codes;
	size_t last_code;  /* offset of the code last added, reused by the row's other columns */
	long last_line;
};

/* An empty set; release with tz_plausible_release. */
void tz_plausible_init(struct tz_plausible *p);
void tz_plausible_release(struct tz_plausible *p);

/*
 * Note amount `v` (0.01 万元) of column `col` on line `line` of the row
 * of 项目编号 `code` (copied; NULL or "" for none). Amounts <= 0 are
 * ignored. Amortised growth: no allocation per row once the arrays have
 * grown.
 */
void tz_plausible_add(struct tz_plausible *p, enum tz_plaus_col col, long line,
		      const char *code, int64_t v);

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
