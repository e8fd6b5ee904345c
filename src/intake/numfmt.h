/*
 * numfmt.h: spreadsheet number formats: the text Excel displays for a
 * number, so that a cell reads as the person who typed it sees it
 * ("2025.10" in a 0.00 cell, "1234.6" for 12345678 in 0!.0,).
 *
 * Shared by the XLSX, .xls and XML 2003 readers. A format code is
 * compiled once (a workbook has a few dozen) and applied to many cells.
 *
 * What is supported: up to four sections (positive;negative;zero;text)
 * and conditions ([>100]); digit placeholders 0 # ?; decimal point;
 * thousands separators and scaling commas (0, 0,, 0!.0,); percent;
 * scientific (0.00E+00, ##0.0E+0); fractions (# ?/?, ?/4); literal text
 * ("万元", \x, !x, unquoted characters), _x (a space) and *x (nothing),
 * and the unit of money literal text names (tz_numfmt_unit);
 * [$¥-804] currency symbols; General and @ inside a section; times (h mm
 * ss, [h] elapsed, AM/PM, 上午/下午, .0 sub-seconds). Colours, locales
 * and [DBNum] are ignored (digits stay Arabic). Dates are not shown
 * through their format: a date is an ISO date ("2025-03-01", or
 * "2025-03" for a format with a year and a month but no day) because
 * that is what the import reads; a format with only a year shows the
 * year as Excel does ("2025年" for yyyy"年", "25" for yy), since the
 * sheet states no month (audit 8: 2025-01-01 shown 2025年 was read as
 * the month 2025-01).
 */
#ifndef TZ_NUMFMT_H
#define TZ_NUMFMT_H

#include <stddef.h>

#include "base/buf.h"

/* What a format does to numbers. */
enum tz_numfmt_class {
	TZ_NUMFMT_NUMBER = 0,  /* shown as a number (incl. General) */
	TZ_NUMFMT_DATE,        /* a date (maybe with a time): "YYYY-MM-DD" */
	TZ_NUMFMT_MONTH,       /* a year and a month, no day: "YYYY-MM" */
	TZ_NUMFMT_YEAR,        /* only a year, as the format shows it: "2025年" */
	TZ_NUMFMT_TIME,        /* a time of day or a duration: "10:30" */
};

struct tz_numfmt;

/*
 * Compile `code` (UTF-8, as in styles.xml or a FORMAT record). Never
 * fails: what cannot be read is shown as literal text, an empty code is
 * General. Caller frees with tz_numfmt_free().
 */
struct tz_numfmt *tz_numfmt_new(const char *code);
void tz_numfmt_free(struct tz_numfmt *f);

/*
 * The code of built-in format `id` (0-163) as a zh-CN Excel shows it
 * (5-8 and 42/44 with ¥, 14 as yyyy/m/d, 27-36 and 50-58 the Chinese
 * dates and times), or NULL for an id with no built-in format.
 */
const char *tz_numfmt_builtin(unsigned id);

/* What the first section of `f` does to a positive number. */
enum tz_numfmt_class tz_numfmt_classify(const struct tz_numfmt *f);

/*
 * Append the text `f` displays for `v` to `out` (date1904: the workbook
 * counts days from 1904). Returns TZ_READ_NUMBER or TZ_READ_DATE (the
 * kind of the cell: a date format on a number outside Excel's dates
 * gives the General text and TZ_READ_NUMBER), or TZ_ETOOBIG. A time
 * format gives TZ_READ_NUMBER with the time as text.
 */
int tz_numfmt_format(const struct tz_numfmt *f, double v, int date1904, struct tz_buf *out);

/*
 * A date the workbook stores as text (XLSX t="d", XML 2003 DateTime:
 * "2025-01-01T00:00:00", len bytes) in a cell whose format `f` shows
 * only a year: its year as the format shows it appended to `out`
 * ("2025年"), and 1; 0 (nothing appended) when `f` shows more than a
 * year or iso does not start with a year; TZ_ETOOBIG.
 */
int tz_numfmt_year(const struct tz_numfmt *f, const char *iso, size_t len, struct tz_buf *out);

/*
 * The power of ten by which the section `f` uses for `v` scales the
 * number it shows: -3 per trailing comma (0, shows thousands), +2 per
 * percent sign, -k for a literal point among the integer digit
 * placeholders with k of them after it (0!.0000, 0\.0000, 0"."0000:
 * 12345678 shows "1234.5678", yuan as 万元; 0!.0, is -4), 0 for none
 * (and for dates and times). Audit 7 (2026-11-30): such a sheet means
 * the number it shows, not the one stored.
 */
int tz_numfmt_scale(const struct tz_numfmt *f, double v);

/*
 * The unit of money the literal text of the section `f` shows `v` with
 * names — 0.00"亿元", 0.00\亿\元, #,##0"万元", 0.0"亿" (a multiplier
 * alone is of the yuan), in any section: 1 and the unit into out (at
 * least TZ_NUMFMT_UNIT_MAX bytes) as tz_money_unit_exp() reads it
 * ("亿元"); -1 and the words for one that is not a unit of the yuan
 * ("美元", "$", "元/平方米", two different units, and a literal "%", "‰"
 * that shows a rate as a real 0% does: 0.00"%", 0.00\%, 0.0‰; any word
 * of letters or currency signs but RMB and CNY, as tz_money_foreign_char
 * reads them: "USD" of [$USD], "₩" of [$₩-412], "kr.", and Latin
 * magnitudes "M", "k"; the yuan's sign in a Chinese locale of another
 * currency by its ISO code: "TWD" for [$元-404], "HKD" for [$¥-C04]);
 * 0 when it names none (¥, [$¥-411] too, 人民币, other words), and for
 * dates, times and text. Audit 8 (2026-11-30).
 */
#define TZ_NUMFMT_UNIT_MAX 32
int tz_numfmt_unit(const struct tz_numfmt *f, double v, char *out);

/*
 * What a number cell of format `f` holds for the import beyond its text
 * (reader.h, tz_row.values and .flags): `general` (v as General shows
 * it, glen bytes), with the unit tz_numfmt_unit() finds ("12.5亿元",
 * "$12.5", "USD12.5": a foreign unit written before the number goes
 * before it; flag TZ_READ_UNIT) unless the format scales the number
 * (TZ_READ_SCALED: the import then reads the text, literal and all).
 * `shown` (slen bytes) is what tz_numfmt_format() gave for v: when it
 * shows no number — no digit ("—" or "-" for a zero, "" under ;;;) or a
 * time ("12:00" for 0.5) — TZ_READ_SHOWN joins the flags, and the import
 * reads what is shown, never the hidden number as money.
 * Writes out (TZ_NUMFMT_VALUE_MAX bytes) and *flags; returns the length.
 */
#define TZ_NUMFMT_VALUE_MAX (TZ_NUMFMT_GENERAL_MAX + TZ_NUMFMT_UNIT_MAX)
size_t tz_numfmt_value(const struct tz_numfmt *f, double v, const char *shown, size_t slen,
		       const char *general, size_t glen, char *out, unsigned char *flags);

/*
 * `v` as Excel's General format shows it in a wide cell: the shortest
 * text that reads back as v with at most 15 significant digits, without
 * an exponent from 1e-9 to 1e20 ("0.3" for 0.1+0.2, "1234.56" for
 * 1234.5600000000001, "1E+25"). Writes a NUL-terminated string to out
 * (at least TZ_NUMFMT_GENERAL_MAX bytes) and returns its length.
 */
#define TZ_NUMFMT_GENERAL_MAX 48
size_t tz_numfmt_general(double v, char *out);

/*
 * The date of serial `v` as "YYYY-MM-DD" (or "YYYY-MM" with month_only)
 * into out (at least TZ_NUMFMT_DATE_MAX bytes); 0 if v is not a date Excel shows (below
 * 1900-01-01 / 1904-01-01 or past 9999-12-31). In the 1900 system serial
 * 60 is Lotus's 1900-02-29. The time of day is dropped.
 */
#define TZ_NUMFMT_DATE_MAX 32
int tz_serial_date(double v, int date1904, int month_only, char *out);

#endif
