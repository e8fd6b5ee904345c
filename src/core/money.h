/*
 * money.h: exact amounts of money.
 *
 * An amount is an int64_t count of 0.01 万元 (= 100 元); it is never a
 * double. The ledger's columns are in 万元, so "12345.67" is 1234567.
 * Rates (投资完成率, 开工率, 序时进度) are int32_t counts of 1/10000
 * ("basis points of one"), rounded half up, so 0.8757 is 8757.
 */
#ifndef TZ_MONEY_H
#define TZ_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define TZ_MONEY_FMT_MAX 32
#define TZ_RATE_FMT_MAX 16
#define TZ_RATE_ONE 10000

/*
 * The largest amount accepted: 1e9 万元 (10万亿元), fifty times the
 * largest projects ever built, so that the sum of 90 million such amounts
 * still fits an int64 (bulletin sums are checked all the same).
 */
#define TZ_MONEY_MAX ((int64_t)100000000000)

/*
 * Parse an amount as spreadsheets hold it, in 万元 unless a unit says
 * otherwise: "12345.67", "12,345.67", full-width "１２３４５．６７",
 * surrounding spaces, "1.2亿元"/"1.2亿"/"1.2億元", "3500万元"/"3500万",
 * "800元". Digits beyond 0.01 万元 are rounded half up (800元 is exact;
 * 1234元 becomes 0.12 万元); see tz_money_parse_ex for the rest.
 *
 * Returns 0 and *out, or TZ_EINVAL with a Chinese reason in err for
 * anything else: empty, negative, words ("约一亿"), misplaced separators,
 * more than TZ_MONEY_MAX.
 */
int tz_money_parse(const char *s, size_t len, int64_t *out, struct tz_err *err);

/*
 * Like tz_money_parse, for a column whose header names its unit: an amount
 * without a unit of its own is in 10^unit_exp 万元 (4 for "总投资(亿元)",
 * -4 for "(元)", 0 for 万元). unit_exp outside -8..8 is TZ_EINVAL.
 */
int tz_money_parse_in(const char *s, size_t len, int unit_exp, int64_t *out,
		      struct tz_err *err);

/*
 * The full parser the others call. Also reads scientific notation as
 * Excel shows it ("1.2E+3"), and the units 元, 千元, 万元, 十万元,
 * 百万元, 千万元, 亿元, 万亿元 (traditional forms too; 千万 and 百万
 * without 元 as well), and whole 亿 followed by fewer than 10000 万
 * ("1亿2000万" = 12000 万元; any other mix of the two is TZ_EINVAL;
 * audit 9 R10). When rounding
 * to 0.01 万元 dropped non-zero digits, *rounded is set to 1 (it may be
 * NULL); a non-zero amount that would round to 0 is refused (TZ_EINVAL:
 * "不足0.01万元"), never stored as 0 (ledger.md, "What real sheets hold").
 */
int tz_money_parse_ex(const char *s, size_t len, int unit_exp, int64_t *out, int *rounded,
		      struct tz_err *err);

/*
 * The power of ten relative to 万元 a unit word names ("万元" 0, "亿元" 4,
 * "千元" -1, "元" -4, …, as above; "万元人民币" and "人民币亿元" name the
 * currency too, audit 9 R7; so do "万元CNY", "RMB万元", walkthrough 15):
 * 0 and *exp, or TZ_EINVAL for a word that is
 * not a known unit ("美元", "千美元"), which must never be read as 万元.
 */
int tz_money_unit_exp(const char *s, size_t len, int *exp);

/*
 * Whether code point cp can spell a currency other than the yuan or a
 * unit that is not one of the yuan's: Latin and other alphabets' letters
 * (USD, M, zł, руб), full-width Latin letters, and currency signs but
 * ¥ and ￥ (₩, ₽, €, £, ¢). An amount with a word of these before or
 * after its number is refused, never read as 万元 (audit 8, 2026-11-30:
 * "USD 12.50", "12.50M" were); number formats use it for their literal
 * text (numfmt.c). RMB and CNY, though Latin, are the yuan's.
 */
int tz_money_foreign_char(int32_t cp);

/*
 * Whether the word [s, s + n) (no brackets or spaces), the whole of it,
 * names a currency other than the yuan, so that amounts stated in it are
 * not 人民币 (walkthroughs 14 and 15, 2026-12-02): any currency sign but
 * ¥ and ￥ ("$", "$万", "US$", "€"), or ideographs that, once the
 * yuan's own words and the scales are cut ("人民币", "万", "千",
 * numerals, a trailing "万元", "亿元"), leave a currency's name: one of
 * a list ("美元", "外汇", "原币", "円"), or one the rule of currencies
 * forms — a country's or region's stem, maybe with 国, and its money's
 * word ("泰国铢", "英磅", "美国元", "新加坡元": 元, 圆, 币, 镑, 磅, 铢,
 * 円, 盾, 卢比, 法郎…), or a word of at most four characters that is no
 * sentence ending in 币, 镑, 铢, 円 or 盾 ("马来西亚币"). "万元", "人民币
 * 万元", "壹万元", "单元", "金额为美元" (a sentence) and "个" are not.
 * Latin letters (ISO codes) are the callers': this reads signs and
 * ideographs only. No allocation, no error.
 */
int tz_money_currency_word(const char *s, size_t n);

/*
 * The first currency other than the yuan named anywhere in text s (len
 * bytes): a name of tz_money_currency_word's list ("300万美元整"), a
 * currency sign with the Latin letters before it ("US$", "HK$", "€"),
 * or a run of ideographs that is a currency word by its rule
 * ("300万英磅", "100万円", "万元外汇"). Returns where it starts in s,
 * with its length in *wn; NULL when none. Used for amounts (money.c),
 * number formats (intake/numfmt.c) and unit statements (intake/header.c),
 * so that one rule refuses them all.
 */
const char *tz_money_currency_in(const char *s, size_t len, size_t *wn);

/*
 * Whether an optional money cell holds a mark people write for "none"
 * ("—", "——", "-", "/", "无"): read as empty, and said so. The marks
 * are tz_text_none_word's (TZ_NONE_AMOUNT), the list a 项目代码 shares.
 */
int tz_money_is_blank_mark(const char *s, size_t len);

/* Format as "12345.67" (no separators) into buf; returns buf. */
char *tz_money_fmt(int64_t v, char buf[TZ_MONEY_FMT_MAX]);
/* The same, returning the text's length (for a writer that copies it:
 * the bulletin's lagging list formats two per entry). */
size_t tz_money_fmt_n(int64_t v, char buf[TZ_MONEY_FMT_MAX]);

/* Format with a unit for people: "340.43亿元" or "3500.00万元". */
char *tz_money_fmt_human(int64_t v, char buf[TZ_MONEY_FMT_MAX]);

/*
 * num / den as a rate in 1/10000, rounded half up (for a negative rate,
 * half away from zero). 0 when den <= 0. Exact for any int64 inputs
 * (computed in 128 bits).
 */
int32_t tz_rate(int64_t num, int64_t den);

/* "0.8757" (four decimals; the JSON form). */
char *tz_rate_fmt(int32_t rate, char buf[TZ_RATE_FMT_MAX]);

/* "87.6%" with `decimals` (0..2) places, rounded half up. */
char *tz_rate_fmt_pct(int32_t rate, int decimals, char buf[TZ_RATE_FMT_MAX]);

#endif
