/* money.c: parsing and formatting exact amounts in 0.01 万元. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/money.h"
#include "base/banned.h"

#define MONEY_TEXT_MAX 96   /* longer than any amount a person writes */
#define MONEY_DIGITS_MAX 30 /* significant digits we are willing to carry */

/*
 * Copy s into out as ASCII where the user typed full-width forms of
 * digits, '.', ',' or spaces; other characters are copied as they are.
 * Returns the length, or -1 if it does not fit.
 */
static int fold(const char *s, size_t len, char *out, size_t size)
{
	const char *p = s, *end = s + len;
	size_t n = 0;

	while (p < end) {
		const char *q = p;
		int32_t cp;
		size_t w;

		if ((unsigned char)*p < 0x80) {
			if (n + 1 >= size)
				return -1;
			out[n++] = *p++;
			continue;
		}
		cp = tz_utf8_next(&p, end);
		w = (size_t)(p - q);

		if (cp >= 0xFF10 && cp <= 0xFF19) {       /* ０-９ */
			cp = '0' + (cp - 0xFF10);
			w = 1;
		} else if (cp == 0xFF0E || cp == 0xFF0C || cp == 0x3000) {
			cp = cp == 0xFF0E ? '.' : cp == 0xFF0C ? ',' : ' ';
			w = 1;
		}
		if (n + w >= size)
			return -1;
		if (w == 1 && cp >= 0)
			out[n] = (char)cp;
		else
			memcpy(out + n, q, w);
		n += w;
	}
	out[n] = '\0';
	return (int)n;
}

static int ends_with(const char *s, size_t len, const char *suffix, size_t *cut)
{
	size_t sl = strlen(suffix);

	if (len < sl || memcmp(s + len - sl, suffix, sl))
		return 0;
	*cut = sl;
	return 1;
}

/* The unit suffix: its power of ten relative to 万元, and its length. */
static int unit_exp(const char *s, size_t len, size_t *cut)
{
	/* Longest first: "万亿元" before "亿元", "千万元" before "万元". */
	static const struct { const char *text; int exp; } units[] = {
		{ "万亿元", 8 }, { "萬億元", 8 }, { "千万元", 3 }, { "千萬元", 3 },
		{ "百万元", 2 }, { "百萬元", 2 }, { "十万元", 1 }, { "十萬元", 1 },
		/* 2千万 as 1.2千万元 (audit 9 R10); 1亿2000万 stays refused. */
		{ "千万", 3 }, { "千萬", 3 }, { "百万", 2 }, { "百萬", 2 },
		{ "亿元", 4 }, { "億元", 4 }, { "亿", 4 }, { "億", 4 },
		{ "万元", 0 }, { "萬元", 0 }, { "万", 0 }, { "萬", 0 },
		{ "千元", -1 }, { "元", -4 },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (ends_with(s, len, units[i].text, cut))
			return units[i].exp;
	*cut = 0;
	return 0;
}

/*
 * Names of currencies other than the yuan, found anywhere in a text
 * (tz_money_currency_in). 澳门元 … 日圆: walkthrough 14 (2026-12-02);
 * 外汇, 原币, 英磅 (a common misspelling), 円 (the yen's kanji, never
 * the yuan), 镑, 铢: walkthrough 15. Other spellings are found by the
 * rule of currency_word, not by this list.
 */
static const char *const currency_names[] = {
	"美元", "美金", "港元", "港币", "欧元", "日元", "英镑", "英磅", "澳元", "加元",
	"韩元", "卢布", "澳门元", "澳门币", "澳币", "葡币", "新台币", "台币", "外币",
	"外汇", "原币", "新加坡元", "新元", "法郎", "泰铢", "卢比", "林吉特", "比索",
	"越南盾", "美圆", "港圆", "日圆", "瑞士法郎", "円", "镑", "铢"
};

/* Whether cp is a currency sign that is not the yuan's (¥ ￥): $ ¢ £ ¤,
 * the block of ₩ ₽ € ₹ ₫, ៛ ﷼ and the full-width ＄ ￠ ￡ ￦. */
static int currency_sign(int32_t cp)
{
	return cp == '$' || (cp >= 0xA2 && cp <= 0xA4) || (cp >= 0x20A0 && cp <= 0x20CF) ||
	       cp == 0x17DB || cp == 0xFDFC || cp == 0xFF04 || cp == 0xFFE0 || cp == 0xFFE1 ||
	       cp == 0xFFE6;
}

/* Whether cp is a CJK ideograph (the basic block and extension A). */
static int cjk(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* The length of the character at [s, s + n) if it is one of `chars`
 * (a string of whole UTF-8 characters), else 0. */
static size_t one_of(const char *s, size_t n, const char *chars)
{
	const char *c = chars, *end = chars + strlen(chars);

	while (c < end) {
		const char *start = c;
		size_t w;

		tz_utf8_next(&c, end);
		w = (size_t)(c - start);
		if (n >= w && !memcmp(s, start, w))
			return w;
	}
	return 0;
}

/* Scales and numerals: what may stand before 元 in an amount of yuan
 * ("万元", "一元", "壹佰万元", "千万"). */
#define SCALE_CHARS "十百千万亿萬億零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖拾佰仟"

/*
 * Where the currencies' names come from: a country's or region's short
 * name ("美", "泰", "新加坡", "澳门"), maybe with 国 ("泰国铢", "美国元"),
 * then the word for its money (currency_word).
 */
static const char *const currency_stems[] = {
	"美", "日", "日本", "韩", "澳", "加", "加拿大", "新", "欧", "港", "英", "泰", "台",
	"新台", "新加坡", "澳门", "澳大利亚", "马来西亚", "马", "印度", "印尼", "越南", "缅",
	"缅甸", "菲律宾", "俄", "俄罗斯", "瑞士", "瑞典", "丹麦", "挪威", "冰岛", "巴西",
	"南非", "墨西哥", "阿根廷", "智利", "土耳其", "沙特", "阿联酋", "卡塔尔", "科威特",
	"伊朗", "以色列", "埃及", "新西兰", "蒙古", "老挝", "柬埔寨", "朝鲜", "巴基斯坦",
	"哈萨克斯坦", "乌克兰", "波兰", "捷克", "匈牙利", "文莱", "外", "原"
};

/* The words for a country's money after its stem. */
static const char *const currency_suffixes[] = {
	"元", "圆", "币", "镑", "磅", "铢", "円", "盾", "卢比", "比索", "法郎", "克朗", "里拉",
	"第纳尔", "里亚尔", "迪拉姆", "兰特", "卢布", "林吉特", "图格里克"
};

/* Characters of a sentence, not of a currency's name: "金额为港币". */
#define SENTENCE_CHARS "为是以按的计额金单位于在和及与或等用其中"

/*
 * Whether the word [s, s + n), CJK ideographs only, names a currency
 * other than the yuan once the yuan's own words and the scales are cut
 * ("人民币", leading "万", "千", numerals, a trailing "万元", "亿元",
 * "万"): what is left is a name of currency_names, or a stem of
 * currency_stems, maybe with 国, and a word of currency_suffixes ("泰国
 * 铢", "英磅", "美国元", "新加坡元", "马来西亚林吉特"), or a word of at
 * most four characters, none of a sentence, ending in 币, 镑, 铢, 円 or
 * 盾 ("马来西亚币", "某国镑"). 元, 圆 and 磅 need a known stem: 元 alone
 * is the yuan, 磅 alone a weight, "单元", "金额为美元" name none. The
 * name, its scales cut, goes to *name and *name_len ("万英磅": 英磅).
 */
static int currency_word(const char *s, size_t n, const char **name, size_t *name_len)
{
	int cut = 1;
	size_t w, chars = 0;

	while (cut && n) {
		cut = 0;
		if (n >= 9 && !memcmp(s, "人民币", 9)) {
			s += 9, n -= 9, cut = 1;
		} else if (n >= 9 && !memcmp(s + n - 9, "人民币", 9)) {
			n -= 9, cut = 1;
		} else if ((w = one_of(s, n, SCALE_CHARS)) != 0 && w < n) {
			s += w, n -= w, cut = 1;
			/* "万元外汇": the 元 of a leading scale goes with it. */
			if (n > 3 && one_of(s, 3, "元圆") && !one_of(s + 3, n - 3, SCALE_CHARS))
				s += 3, n -= 3;
		} else if (n >= 6 && one_of(s + n - 3, 3, "元圆") &&
			   one_of(s + n - 6, 3, SCALE_CHARS)) {
			/* "…万元": the scale goes with its 元. */
			n -= 6, cut = 1;
			while (n >= 3 && one_of(s + n - 3, 3, SCALE_CHARS))
				n -= 3;
		} else if (n > 3 && one_of(s + n - 3, 3, SCALE_CHARS)) {
			n -= 3, cut = 1;
		}
	}
	if (!n)
		return 0;
	*name = s;
	*name_len = n;
	for (size_t i = 0; i < sizeof(currency_names) / sizeof(currency_names[0]); i++)
		if (n == strlen(currency_names[i]) && !memcmp(s, currency_names[i], n))
			return 1;
	for (size_t i = 0; i < sizeof(currency_suffixes) / sizeof(currency_suffixes[0]); i++) {
		size_t sl = strlen(currency_suffixes[i]), stem = n - sl;

		if (n <= sl || memcmp(s + stem, currency_suffixes[i], sl))
			continue;
		if (stem > 3 && !memcmp(s + stem - 3, "国", 3))
			stem -= 3;  /* "泰国铢" */
		for (size_t k = 0; k < sizeof(currency_stems) / sizeof(currency_stems[0]); k++)
			if (stem == strlen(currency_stems[k]) && !memcmp(s, currency_stems[k], stem))
				return 1;
	}
	for (size_t i = 0; i < n; i++) {
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		if (((unsigned char)s[i] & 0xC0) != 0x80 && one_of(s + i, n - i, SENTENCE_CHARS))
			return 0;
	}
	return chars <= 4 && one_of(s + n - 3, 3, "币镑铢円盾");
}

int tz_money_currency_word(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *name;
	size_t name_len;
	int ideographs = 1;

	if (!n)
		return 0;
	while (p < end) {
		int32_t cp = tz_utf8_next(&p, end);

		if (currency_sign(cp))
			return 1;  /* "$", "US$", "$万" */
		ideographs &= cjk(cp);
	}
	return ideographs && currency_word(s, n, &name, &name_len);
}

const char *tz_money_currency_in(const char *s, size_t len, size_t *wn)
{
	const char *p = s, *end = s + len, *run = NULL, *best = NULL, *name;
	size_t n = 0;

	/* Most amounts are ASCII: one pass for "$". */
	while (n < len && (unsigned char)s[n] < 0x80)
		n++;
	if (n == len) {
		const char *d = memchr(s, '$', len);

		if (!d)
			return NULL;
		/* "US$", "HK$": the letters before go with the sign. */
		for (p = d; p > s && ((p[-1] >= 'A' && p[-1] <= 'Z') || (p[-1] >= 'a' && p[-1] <= 'z'));)
			p--;
		*wn = (size_t)(d + 1 - p);
		return p;
	}
	/* A run of ideographs that is a currency's word, named without its
	 * scale: "万泰国铢" is 泰国铢, "300万英磅" 英磅. */
	for (p = s; p <= end;) {
		const char *q = p;
		int32_t cp = p < end ? tz_utf8_next(&p, end) : -1;

		if (q < end && cjk(cp)) {
			if (!run)
				run = q;
			continue;
		}
		if (run && currency_word(run, (size_t)(q - run), &name, wn))
			return name;
		run = NULL;
		if (q == end)
			break;
	}
	/* A name of the list inside other words: "300万美元整". */
	for (size_t i = 0; i < sizeof(currency_names) / sizeof(currency_names[0]); i++) {
		const char *at = memmem(s, len, currency_names[i], strlen(currency_names[i]));

		if (at && (!best || at < best || (at == best && strlen(currency_names[i]) > *wn))) {
			best = at;
			*wn = strlen(currency_names[i]);
		}
	}
	if (best)
		return best;
	/* A sign, with the Latin letters before it: "€", "HK$". */
	for (p = s; p < end;) {
		const char *q = p;

		if (!currency_sign(tz_utf8_next(&p, end)))
			continue;
		while (q > s && ((q[-1] >= 'A' && q[-1] <= 'Z') || (q[-1] >= 'a' && q[-1] <= 'z')))
			q--;
		*wn = (size_t)(p - q);
		return q;
	}
	return NULL;
}

/*
 * A currency other than the yuan named in s (tz_money_currency_in), as a
 * NUL-terminated word in buf, or NULL.
 */
static const char *foreign_currency(const char *s, size_t len, char *buf, size_t size)
{
	size_t wn = 0;
	const char *at = tz_money_currency_in(s, len, &wn);

	if (!at)
		return NULL;
	if (wn >= size)
		wn = size - 1;
	while (wn && ((unsigned char)at[wn] & 0xC0) == 0x80)
		wn--;
	snprintf(buf, size, "%.*s", (int)wn, at);
	return buf;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int tz_money_foreign_char(int32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xA2 && cp <= 0xA4) ||                  /* ¢ £ ¤ (not ¥) */
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || /* Latin: zł, Kč */
	       (cp >= 0x370 && cp <= 0x6FF) ||                /* Greek to Arabic: руб, د.إ */
	       (cp >= 0xE00 && cp <= 0xE7F) ||                /* Thai */
	       (cp >= 0x20A0 && cp <= 0x20CF) ||              /* ₩ ₽ € ₹ ₫ … */
	       cp == 0x17DB || cp == 0xFDFC ||                /* ៛ ﷼ */
	       (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) || /* ＵＳＤ */
	       cp == 0xFF04 || cp == 0xFFE0 || cp == 0xFFE1 || cp == 0xFFE6; /* ＄ ￠ ￡ ￦ */
}

/* Whether [s, s + n) is a word of foreign letters and signs (dots
 * allowed: "kr."), not the yuan's own RMB or CNY. */
static int foreign_run(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	int chars = 0;

	if (n == 3 && (!strncasecmp(s, "RMB", 3) || !strncasecmp(s, "CNY", 3)))
		return 0;
	while (p < end) {
		if (*p == '.') {
			p++;
			continue;
		}
		if (!tz_money_foreign_char(tz_utf8_next(&p, end)))
			return 0;
		chars++;
	}
	return chars > 0;
}

/*
 * A word of foreign letters or currency signs right before the first
 * digit or right after the last, as a currency format shows an amount
 * ("USD12.5", "12.5₩", "12.5 zł", "12.5M"): its start and *wn, or
 * NULL. Anything else around or in the number is left to the parser
 * below.
 */
static const char *foreign_word(const char *s, size_t len, size_t *wn)
{
	size_t first = len, last = 0;
	const char *w;

	for (size_t i = 0; i < len; i++)
		if (is_digit(s[i])) {
			if (first == len)
				first = i;
			last = i;
		}
	if (first == len)
		return NULL;
	/* Only a plain number between: "0x1F" is no amount with a unit F. */
	for (size_t i = first; i < last; i++)
		if (!is_digit(s[i]) && s[i] != '.' && s[i] != ',' && s[i] != ' ')
			return NULL;
	w = s;
	*wn = first;
	tz_text_trim(&w, wn);
	if (foreign_run(w, *wn))
		return w;
	w = s + last + 1;
	*wn = len - last - 1;
	tz_text_trim(&w, wn);
	if (foreign_run(w, *wn))
		return w;
	return NULL;
}

/* Whether a foreign word names a currency: an ISO 4217 code (USD),
 * or a sign or word outside ASCII (₩, zł); else it is an unknown unit
 * (M, k, w). */
static int names_currency(const char *w, size_t n)
{
	int upper = n == 3;

	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)w[i] >= 0x80)
			return 1;
		if (w[i] < 'A' || w[i] > 'Z')
			upper = 0;
	}
	return upper;
}

int tz_money_parse(const char *s, size_t len, int64_t *out, struct tz_err *err)
{
	return tz_money_parse_ex(s, len, 0, out, NULL, err);
}

int tz_money_parse_in(const char *s, size_t len, int unit_exp_default, int64_t *out,
		      struct tz_err *err)
{
	return tz_money_parse_ex(s, len, unit_exp_default, out, NULL, err);
}

int tz_money_unit_exp(const char *s, size_t len, int *exp)
{
	size_t cut;
	int e;

	tz_text_trim(&s, &len);
	/* 万元人民币, 人民币亿元: the ledger's currency named (audit 9 R7). */
	if (len > 9 && !memcmp(s, "人民币", 9)) {
		s += 9;
		len -= 9;
	} else if (len > 9 && !memcmp(s + len - 9, "人民币", 9)) {
		len -= 9;
	} else if (len > 3 && (!strncasecmp(s, "RMB", 3) || !strncasecmp(s, "CNY", 3))) {
		/* RMB万元, 万元CNY: the same (walkthrough 15). */
		s += 3;
		len -= 3;
		tz_text_trim(&s, &len);
	} else if (len > 3 && (!strncasecmp(s + len - 3, "RMB", 3) ||
			       !strncasecmp(s + len - 3, "CNY", 3))) {
		len -= 3;
		tz_text_trim(&s, &len);
	}
	e = unit_exp(s, len, &cut);
	if (!cut || cut != len)
		return TZ_EINVAL;
	*exp = e;
	return 0;
}

int tz_money_is_blank_mark(const char *s, size_t len)
{
	/* An amount (a digit first) is none of them: most cells end here. */
	if (!len || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	return tz_text_none_word(s, len, TZ_NONE_AMOUNT) != NULL;
}

/* The length of a ¥ (C2 A5) or ￥ (EF BF A5) at p, or 0. */
static int yen_sign(const char *p, size_t n)
{
	if (n >= 2 && !memcmp(p, "\xC2\xA5", 2))
		return 2;
	if (n >= 3 && !memcmp(p, "\xEF\xBF\xA5", 3))
		return 3;
	return 0;
}

/* The unit a power of ten relative to 万元 names, for messages. */
static const char *unit_word(int exp)
{
	switch (exp) {
	case -4: return "元";
	case -1: return "千元";
	case 0: return "万元";
	case 1: return "十万元";
	case 2: return "百万元";
	case 3: return "千万元";
	case 4: return "亿元";
	default: return "（表头所写）";
	}
}

/* Whether n bytes at p are all ASCII: a plain "1234.50" names no 亿. */
static int ascii_only(const char *p, size_t n)
{
	unsigned char any = 0;

	for (size_t i = 0; i < n; i++)
		any |= (unsigned char)p[i];
	return any < 0x80;
}

/*
 * Most cells hold a plain "1234.56": digits with at most one '.'
 * between two digits, nothing else. Such a text folds to itself, names
 * no currency or unit and has no group separators, so the general parse
 * below would only count its digits: do that in one pass. 1 with *mant
 * and *frac (digits after the '.') set; 0 for anything else, left to the
 * general parse (signs, units, commas, spaces, full-width forms, too
 * many digits for the shortcut).
 */
static int plain_decimal(const char *s, size_t len, __int128 *mant, int *frac)
{
	int64_t m = 0;
	int f = 0, dot = 0;

	if (len > 18 || !is_digit(s[0]) || !is_digit(s[len - 1]))
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (is_digit(s[i])) {
			m = m * 10 + (s[i] - '0');
			f += dot;
		} else if (s[i] == '.' && !dot) {
			dot = 1;
		} else {
			return 0;
		}
	}
	*mant = m;
	*frac = f;
	return 1;
}

int tz_money_parse_ex(const char *s, size_t len, int unit_exp_default, int64_t *out,
		      int *rounded, struct tz_err *err)
{
	char text[MONEY_TEXT_MAX], word[32];
	const char *p, *cur;
	size_t n, cut;
	int folded;
	int exp, frac = 0, digits = 0, seen_dot = 0, group = -1, commas = 0, sci = 0, yen = 0;
	int minus = 0;
	__int128 mant = 0;

	*out = 0;
	if (rounded)
		*rounded = 0;
	if (unit_exp_default < -8 || unit_exp_default > 8)
		return tz_err_set(err, TZ_EINVAL, "金额单位超出范围");
	tz_text_trim(&s, &len);
	if (!len)
		return tz_err_set(err, TZ_EINVAL, "金额为空");
	if (plain_decimal(s, len, &mant, &frac)) {
		exp = unit_exp_default;
		goto scale;
	}
	if (len >= sizeof(text) || (folded = fold(s, len, text, sizeof(text))) < 0)
		return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
	/* The folded length, not strlen: a NUL in the cell is not its end. */
	p = text;
	n = (size_t)folded;
	if ((cur = foreign_currency(p, n, word, sizeof(word))) != NULL)
		return tz_err_set(err, TZ_EINVAL, "的单位“%s”不是人民币，无法换算为万元", cur);
	if ((cur = foreign_word(p, n, &cut)) != NULL)
		return tz_err_set(err, TZ_EINVAL,
				  names_currency(cur, cut)
					  ? "的单位“%.*s”不是人民币，无法换算为万元"
					  : "的单位“%.*s”无法识别（金额的单位应是元、万元或亿元），无法换算为万元",
				  (int)cut, cur);
	/* A leading ¥ (U+00A5) or ￥ (U+FFE5) is the yuan's sign, as a
	 * currency format shows it: it says 元 is the currency, not that the
	 * amount is in 元 (walkthrough 6, 2026-12-01; import.md). */
	if ((unsigned char)p[0] >= 0x80 && (yen = yen_sign(p, n)) > 0) {
		p += yen;
		n -= (size_t)yen;
		tz_text_trim(&p, &n);
		if (!n)
			return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
	}
	/* 1亿2000万: whole 亿 then fewer than 10000 万, read as their sum
	 * (audit 9 R10); any other mix of the two units is refused. */
	if (!ascii_only(p, n)) {
		const char *yi = memmem(p, n, "亿", 3);

		if (!yi)
			yi = memmem(p, n, "億", 3);
		if (yi && yi + 3 < p + n && is_digit(yi[3])) {
			size_t ll = (size_t)(yi - p), rl = n - ll - 3, c2;
			int64_t a, b;

			for (size_t i = 0; i < ll; i++)
				if (!is_digit(p[i]))
					return tz_err_set(err, TZ_EINVAL,
							  "不是有效的金额（亿和万混写时亿前应是整数，"
							  "如1亿2000万；或写成一个数，如12000万元）");
			if (!ll || unit_exp(yi + 3, rl, &c2) != 0 || !c2 || c2 == rl ||
			    tz_money_parse_ex(p, ll, 4, &a, NULL, err) ||
			    tz_money_parse_ex(yi + 3, rl - c2, 0, &b, NULL, err) || b >= 1000000)
				return tz_err_set(err, TZ_EINVAL,
						  "不是有效的金额（亿和万混写时应写成如1亿2000万，"
						  "万前不超过9999；或写成一个数，如12000万元）");
			if (a > INT64_MAX - b)
				return tz_err_set(err, TZ_EINVAL, "金额位数过多");
			*out = a + b;
			return 0;
		}
	}
	/* Only a non-digit at the end can start a unit. */
	if (is_digit(p[n - 1]))
		exp = 0, cut = 0;
	else
		exp = unit_exp(p, n, &cut);
	if (!cut)
		exp = unit_exp_default;
	else if (yen && exp != unit_exp_default)
		/* ￥ and a unit of the cell's own that is not the column's: a
		 * currency format over a number typed with another unit, or a
		 * yuan amount in the wrong column; which one nobody can say. */
		return tz_err_set(err, TZ_EINVAL,
				  "前有货币符号，又写了单位“%.*s”，与本列金额的单位%s不同："
				  "不知道该按哪个单位读；请删去货币符号或改为本列的单位",
				  (int)cut, p + n - cut, unit_word(unit_exp_default));
	n -= cut;
	tz_text_trim(&p, &n);
	if (n && (p[0] == '-' || p[0] == '+')) {
		minus = p[0] == '-';
		p++;
		n--;
	}
	/* ".35" is 0.35, as a calculator and Excel read it. */
	if (!n || !(is_digit(p[0]) || (p[0] == '.' && n > 1 && is_digit(p[1]))))
		return tz_err_set(err, TZ_EINVAL, "不是有效的金额");

	/*
	 * Digits, with ',' only between groups of three in the integer part
	 * (so a European "1,5" is not read as fifteen), and one '.'.
	 */
	for (size_t i = 0; i < n; i++) {
		char c = p[i];

		if (is_digit(c)) {
			if (digits || c != '0' || seen_dot)
				digits++;
			if (digits > MONEY_DIGITS_MAX)
				return tz_err_set(err, TZ_EINVAL, "金额位数过多");
			mant = mant * 10 + (c - '0');
			if (seen_dot)
				frac++;
			else if (group >= 0)
				group++;
		} else if (c == ',' && !seen_dot) {
			if (group >= 0 && group != 3)
				return tz_err_set(err, TZ_EINVAL, "千位分隔符位置不对");
			if (i + 1 >= n || !is_digit(p[i + 1]))
				return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
			group = 0;
			commas++;
		} else if (c == '.' && !seen_dot) {
			/* "1200." is 1200: a point with no decimals after the
			 * last digit (a digit is before it: p[0] is one). */
			if (i + 1 < n && !is_digit(p[i + 1]))
				return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
			seen_dot = 1;
		} else if ((c == 'e' || c == 'E') && !commas && i > 0) {
			/* Scientific notation as Excel shows large numbers:
			 * "1.2E+3", "5E-2"; one to three exponent digits. */
			size_t j = i + 1;
			int neg = 0, nd = 0;

			if (j < n && (p[j] == '+' || p[j] == '-'))
				neg = p[j++] == '-';
			for (; j < n && is_digit(p[j]) && nd < 4; j++, nd++)
				sci = sci * 10 + (p[j] - '0');
			if (!nd || nd > 3 || j != n)
				return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
			if (neg)
				sci = -sci;
			break;
		} else {
			return tz_err_set(err, TZ_EINVAL, "不是有效的金额");
		}
	}
	if (commas && group != 3)
		return tz_err_set(err, TZ_EINVAL, "千位分隔符位置不对");
	if (commas) {
		/* The first group holds one to three digits. */
		const char *comma = memchr(p, ',', n);
		if (comma - p > 3)
			return tz_err_set(err, TZ_EINVAL, "千位分隔符位置不对");
	}

	/* "-0" and "-0.00" are 0, as a spreadsheet shows a zero that a
	 * formula made negative (walkthrough, session 8). */
	if (minus && mant)
		return tz_err_set(err, TZ_EINVAL, "金额不能为负数");
	exp += sci;
scale:
	/* value in 0.01 万元 = mant * 10^(2 + exp - frac) */
	exp = 2 + exp - frac;
	for (; exp > 0 && mant; exp--) {
		mant *= 10;
		if (mant > TZ_MONEY_MAX)
			return tz_err_set(err, TZ_EINVAL, "金额超出范围（上限是1000000000万元，即10万亿元）");
	}
	if (exp < 0 && mant) {
		__int128 div = 1, was = mant;

		if (exp < -36) /* far below a cent whatever the digits */
			return tz_err_set(err, TZ_EINVAL, "金额不足0.01万元（100元），无法按0.01万元记录");
		for (; exp < 0; exp++)
			div *= 10;
		if (rounded && was % div)
			*rounded = 1;
		mant = (mant * 2 + div) / (div * 2); /* half up (amounts are not negative) */
		if (!mant)
			return tz_err_set(err, TZ_EINVAL, "金额不足0.01万元（100元），无法按0.01万元记录");
	}
	if (mant > TZ_MONEY_MAX)
		return tz_err_set(err, TZ_EINVAL, "金额超出范围（上限是1000000000万元，即10万亿元）");
	*out = (int64_t)mant;
	return 0;
}

char *tz_money_fmt(int64_t v, char buf[TZ_MONEY_FMT_MAX])
{
	tz_money_fmt_n(v, buf);
	return buf;
}

size_t tz_money_fmt_n(int64_t v, char buf[TZ_MONEY_FMT_MAX])
{
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	size_t n = 0;

	/* By hand rather than snprintf: exports format millions of these. */
	if (v < 0)
		buf[n++] = '-';
	n += tz_fmt_int(buf + n, (int64_t)(a / 100));
	buf[n++] = '.';
	buf[n++] = (char)('0' + a % 100 / 10);
	buf[n++] = (char)('0' + a % 10);
	buf[n] = '\0';
	return n;
}

char *tz_money_fmt_human(int64_t v, char buf[TZ_MONEY_FMT_MAX])
{
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	const char *sign = v < 0 ? "-" : "";

	/* 1 亿元 = 10000 万元 = 1000000 units. */
	if (a >= 1000000) {
		uint64_t yi = (a + 5000) / 10000; /* 0.01 亿元 = 10000 units */
		snprintf(buf, TZ_MONEY_FMT_MAX, "%s%" PRIu64 ".%02" PRIu64 "亿元", sign,
			 yi / 100, yi % 100);
	} else {
		snprintf(buf, TZ_MONEY_FMT_MAX, "%s%" PRIu64 ".%02" PRIu64 "万元", sign,
			 a / 100, a % 100);
	}
	return buf;
}

int32_t tz_rate(int64_t num, int64_t den)
{
	__int128 n = num, r;
	int neg = n < 0;

	if (den <= 0)
		return 0;
	if (neg)
		n = -n;
	r = (n * 2 * TZ_RATE_ONE + den) / ((__int128)den * 2);
	if (r > INT32_MAX)
		r = INT32_MAX;
	return neg ? -(int32_t)r : (int32_t)r;
}

char *tz_rate_fmt(int32_t rate, char buf[TZ_RATE_FMT_MAX])
{
	int64_t a = rate < 0 ? -(int64_t)rate : rate;
	size_t n = 0;

	if (rate < 0)
		buf[n++] = '-';
	n += tz_fmt_int(buf + n, a / TZ_RATE_ONE);
	buf[n++] = '.';
	for (int64_t d = TZ_RATE_ONE / 10, r = a % TZ_RATE_ONE; d; d /= 10)
		buf[n++] = (char)('0' + r / d % 10);
	buf[n] = '\0';
	return buf;
}

char *tz_rate_fmt_pct(int32_t rate, int decimals, char buf[TZ_RATE_FMT_MAX])
{
	int64_t a = rate < 0 ? -(int64_t)rate : rate;
	const char *sign = rate < 0 ? "-" : "";

	/* rate is in 1/10000, i.e. hundredths of a percent. */
	switch (decimals) {
	case 0:
		snprintf(buf, TZ_RATE_FMT_MAX, "%s%" PRId64 "%%", sign, (a + 50) / 100);
		break;
	case 1:
		a = (a + 5) / 10;
		snprintf(buf, TZ_RATE_FMT_MAX, "%s%" PRId64 ".%" PRId64 "%%", sign, a / 10, a % 10);
		break;
	default:
		snprintf(buf, TZ_RATE_FMT_MAX, "%s%" PRId64 ".%02" PRId64 "%%", sign, a / 100, a % 100);
		break;
	}
	return buf;
}
