/*
 * header.c: finding a sheet's header, what each column means, and which
 * rows are not projects (header.h; ledger.md, "What real sheets hold").
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/period.h"
#include "core/progress.h"
#include "intake/header.h"
#include "intake/rowmark.h"
#include "base/banned.h"

_Static_assert(TZ_HEADER_RF_COUNT <= TZ_HEADER_FIELDS_MAX, "report columns fit a header");

/* ------------------------------------------------------------------ */
/* Folding a header cell                                               */

static int starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && !memcmp(s, prefix, n);
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && !memcmp(s + len - n, suffix, n);
}

/* Whether bracketed text is a unit: it names 元 (a currency) or is a
 * bare 万/亿. "市、区", "个", "%" are not. */
static int looks_like_unit(const char *s, size_t len)
{
	return (len >= strlen("元") && memmem(s, len, "元", strlen("元"))) ||
	       (len == strlen("万") && starts_with(s, len, "万")) ||
	       (len == strlen("亿") && starts_with(s, len, "亿"));
}

static void take_unit(const char *s, size_t len, int *unit, int *unit_exp,
		      struct tz_buf *unit_text)
{
	if (unit_text) {
		tz_buf_reset(unit_text);
		tz_buf_add(unit_text, s, len);
	}
	if (!tz_money_unit_exp(s, len, unit_exp)) {
		*unit = 1;
	} else if (len == strlen("万") && starts_with(s, len, "万")) {
		*unit = 1;
		*unit_exp = 0;
	} else if (len == strlen("亿") && starts_with(s, len, "亿")) {
		*unit = 1;
		*unit_exp = 4;
	} else {
		*unit = -1;
		*unit_exp = 0;
	}
}

/*
 * A trailing unit of a folded key in out: "(万元)", "(单位:万元)", or a
 * bare "万元"/"亿元" word, removed and taken (take_unit). 1 if one was.
 */
static int strip_unit(struct tz_buf *out, int *unit, int *unit_exp, struct tz_buf *unit_text)
{
	const char *p = out->buf;
	size_t n = out->len;

	if (n && p[n - 1] == ')') {
		const char *open = NULL;

		for (size_t i = n; i-- > 0;)
			if (p[i] == '(') {
				open = p + i;
				break;
			}
		if (open) {
			const char *in = open + 1;
			size_t inlen = (size_t)(p + n - 1 - in);

			/* "(单位:万元)" inside a header cell */
			if (starts_with(in, inlen, "单位:")) {
				in += strlen("单位:");
				inlen -= strlen("单位:");
			}
			if (looks_like_unit(in, inlen)) {
				take_unit(in, inlen, unit, unit_exp, unit_text);
				tz_buf_setlen(out, (size_t)(open - p));
				return 1;
			}
		}
	} else {
		static const char *const units[] = { "万元", "亿元" };

		for (size_t i = 0; i < 2; i++) {
			size_t ul = strlen(units[i]);

			if (n > ul && ends_with(p, n, units[i])) {
				take_unit(p + n - ul, ul, unit, unit_exp, unit_text);
				tz_buf_setlen(out, n - ul);
				return 1;
			}
		}
	}
	return 0;
}

static int name_rank(const char *names, const char *key, size_t klen);

/* Plan names that name the plan only with a year ("2025年投资计划",
 * "2025年度投资任务": the year cut off "年度投资任务" leaves 投资任务;
 * audit 9 R5), "|"-separated. */
#define PLAN_WITH_YEAR "投资计划|投资任务|投资目标"

/* Whether a folded key names the plan column (年度计划投资's names, or
 * one of PLAN_WITH_YEAR, which name it only with a year). */
static int plan_key(const char *key, size_t n)
{
	return name_rank(tz_project_columns[TZ_PF_ANNUAL].names, key, n) >= 0 ||
	       name_rank(PLAN_WITH_YEAR, key, n) >= 0;
}

/* The year [s, s + n) is, as a plan header writes it in brackets: "2025",
 * "2025年", "2025年度"; 0 if it is not one. */
static int year_word(const char *s, size_t n)
{
	int y = 0;

	if (n < 4)
		return 0;
	for (size_t k = 0; k < 4; k++) {
		if (s[k] < '0' || s[k] > '9')
			return 0;
		y = y * 10 + (s[k] - '0');
	}
	s += 4;
	n -= 4;
	if (starts_with(s, n, "年")) {
		s += strlen("年");
		n -= strlen("年");
		if (starts_with(s, n, "度"))
			n -= strlen("度");
	}
	return !n && y >= TZ_PERIOD_YEAR_MIN && y <= TZ_PERIOD_YEAR_MAX ? y : 0;
}

/*
 * The year a plan header writes elsewhere than before 年 at its start
 * (auditor's audit 8, 2026-11-30): a bare year first ("2025计划投资"), or
 * in brackets at the end, maybe with the unit ("年度计划投资(2025年)",
 * "计划投资(2025)", "计划投资(2025年,万元)", "计划投资(万元)(2025年)").
 * Only when what is left names the plan: "完成投资(2025年)" may be the
 * year's sum, not a period's, and stays unknown. Takes the year into
 * *year and the unit, cutting both from out.
 */
static void plan_year(struct tz_buf *out, int *year, int *unit, int *unit_exp,
		      struct tz_buf *unit_text)
{
	struct tz_buf key = TZ_BUF_INIT, ut = TZ_BUF_INIT;
	const char *p = out->buf, *open = NULL, *in;
	size_t n = out->len, inlen;
	int y = 0, u = *unit, e = *unit_exp;

	if (n > 4 && (y = year_word(p, 4)) && !(p[4] >= '0' && p[4] <= '9') &&
	    plan_key(p + 4, n - 4)) {
		memmove(out->buf, out->buf + 4, n - 4);
		tz_buf_setlen(out, n - 4);
		*year = y;
		return;
	}
	if (!n || p[n - 1] != ')')
		return;
	for (size_t i = n; i-- > 0 && !open;)
		if (p[i] == '(')
			open = p + i;
	if (!open)
		return;
	in = open + 1;
	inlen = (size_t)(p + n - 1 - in);
	if (!(y = year_word(in, inlen))) {
		/* "(2025年,万元)", "(万元、2025年)": a year and a unit. */
		static const char *const seps[] = { ",", "、", ";", "/" };

		for (size_t i = 0; i < inlen && !y; i++)
			for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]) && !y; k++) {
				size_t sl = strlen(seps[k]), rest;

				if (!starts_with(in + i, inlen - i, seps[k]))
					continue;
				rest = inlen - i - sl;
				if ((y = year_word(in, i)) && !u && looks_like_unit(in + i + sl, rest))
					take_unit(in + i + sl, rest, &u, &e, &ut);
				else if ((y = year_word(in + i + sl, rest)) && !u &&
					 looks_like_unit(in, i))
					take_unit(in, i, &u, &e, &ut);
				else
					y = 0;
			}
	}
	if (!y)
		goto out;
	tz_buf_add(&key, p, (size_t)(open - p));
	if (!u)
		strip_unit(&key, &u, &e, &ut);
	if (!plan_key(key.buf, key.len))
		goto out;
	tz_buf_setlen(out, key.len);
	*year = y;
	if (u != *unit || ut.len) {
		*unit = u;
		*unit_exp = e;
		if (unit_text) {
			tz_buf_reset(unit_text);
			tz_buf_add(unit_text, ut.buf ? ut.buf : "", ut.len);
		}
	}
out:
	tz_buf_release(&key);
	tz_buf_release(&ut);
}

int tz_column_key(const char *s, size_t len, struct tz_buf *out, int *year, int *unit,
		  int *unit_exp, struct tz_buf *unit_text)
{
	struct tz_buf norm = TZ_BUF_INIT;
	const char *p;
	size_t n, start = 0;
	int rc;

	*year = 0;
	*unit = 0;
	*unit_exp = 0;
	tz_buf_reset(out);
	if ((rc = tz_text_nfkc(s, len, &norm)))
		goto out;
	/* Drop all white space, even inside: "总 投 资". */
	for (p = norm.buf; p < norm.buf + norm.len;) {
		const char *q = p;
		size_t w;

		tz_utf8_next(&p, norm.buf + norm.len);
		w = (size_t)(p - q);
		if (!tz_text_is_blank(q, w))
			tz_buf_add(out, q, w);
	}
	p = out->buf;
	n = out->len;
	/* "2025年度计划投资", "2025年计划投资": the year is not the name. */
	while (start < n && start < 4 && p[start] >= '0' && p[start] <= '9')
		start++;
	if (start == 4 && starts_with(p + 4, n - 4, "年")) {
		*year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		start += strlen("年");
		if (starts_with(p + start, n - start, "度"))
			start += strlen("度");
		memmove(out->buf, out->buf + start, n - start);
		tz_buf_setlen(out, n - start);
	}
	/* "年度计划投资(2025年)", "2025计划投资": a plan's year elsewhere,
	 * before or after its unit ("计划投资(2025年,万元)" is no unit). */
	if (!*year)
		plan_year(out, year, unit, unit_exp, unit_text);
	/* A trailing unit: "(万元)", or a bare "万元"/"亿元"/"元" word. */
	if (!*unit)
		strip_unit(out, unit, unit_exp, unit_text);
	if (!*year)
		plan_year(out, year, unit, unit_exp, unit_text);
	/* "2025年投资计划", "2025年度投资计划", "2025年度投资任务": the plan
	 * (only with a year), under its name with 年度. */
	if (*year && name_rank(PLAN_WITH_YEAR, out->buf, out->len) >= 0) {
		char k[16];

		snprintf(k, sizeof(k), "%.*s", (int)out->len, out->buf);
		tz_buf_reset(out);
		tz_buf_addf(out, "年度%s", k);
	}
out:
	tz_buf_release(&norm);
	return rc;
}

/* The rank of key among the "|"-separated names (0 best), or -1. */
static int name_rank(const char *names, const char *key, size_t klen)
{
	const char *p = names;
	int rank = 0;

	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		if (n == klen && !memcmp(p, key, n))
			return rank;
		if (!bar)
			break;
		p = bar + 1;
		rank++;
	}
	return -1;
}

/* ------------------------------------------------------------------ */
/* One header row, read                                                */

#define SEQ_NAMES "序号|编号序号|顺序号|排序|序"

/* Rows a header may take: the names' row and two more (group headings,
 * a row of units; audit 9 R2). */
#define HEADER_ROWS_MAX 4
/* A title quoted in a message about the table's unit (also_unit), bytes
 * with its NUL; the header's other titles are kept in as many. */
#define TITLE_QUOTE_MAX 256

struct cellinfo {
	int field;     /* best field, -1 */
	int rank;
	int year;
	int unit;      /* 1 known, 0 none, -1 unknown */
	int unit_exp;
	int seq;       /* a 序号 column */
	int blank;
	int ytd;       /* reports: a completion column naming a year, not read */
	char unit_text[32];
	/* Read once footnote marks and remarks were set aside (marked_key):
	 * the header as read, for the summary's note. */
	int marked;
	char read_as[96];
	/* A money field (+1) the header names but for a remark not known
	 * ("总投资（亿元）（待定）"), and that remark: not read. */
	int near;
	char near_text[48];
	/* Reports: a completion column naming one month ("10月完成投资"):
	 * that month; a year-to-date one ("1-10月完成投资", "本年累计完成
	 * 投资"): cum, the last month it names, 13 when it names none. */
	int month;
	int cum;
	/* Above the header: a cell that is only a unit ("（亿元）", "亿元"),
	 * its column's, never a group heading (bare_unit_cell). */
	int bare_unit;
	/* Reports: a plain "累计完成投资" (no 自年初, no months): year-to-date
	 * only under a title naming a span from January (ytd_column). */
	int plain_cum;
};

static int names_one_month(const char *s);
static void marked_key(const struct tz_header *h, const char *s, size_t len,
		       struct cellinfo *c);
static void drop_spaces(struct tz_buf *b);
static int names_money_unit(const char *s, size_t len);
static int title_fold(const char *s, struct tz_buf *out);

struct hrow {
	size_t n;
	struct cellinfo *c;
	char **text;   /* the cell as written, trimmed */
	int fields;    /* distinct fields named */
};

static void hrow_free(struct hrow *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->text[i]);
	free(r->text);
	free(r->c);
	memset(r, 0, sizeof(*r));
}

/*
 * A report's free-text column written with a remark in brackets after
 * its name: "形象进度（简要）", "形象进度（截至月底）", "存在问题（需协调
 * 事项）" (session-6 walkthrough p14, p19, 2026-12-01). The cell holds
 * text whatever the remark says, so the column is the field's; money
 * and key columns keep their stricter reading (marked_key). key: the
 * folded key (tz_column_key), no unit taken from it.
 */
static void text_remark(const struct tz_header *h, const struct tz_buf *key,
			struct cellinfo *c)
{
	static const int fields[] = { TZ_RF_TEXT, TZ_RF_PROBLEM };
	const char *open;

	if (c->unit || key->len < 3 || key->buf[key->len - 1] != ')' ||
	    !(open = memchr(key->buf, '(', key->len)) || open == key->buf)
		return;
	for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++) {
		int rank = name_rank(h->cols[fields[k]].names, key->buf,
				     (size_t)(open - key->buf));

		if (rank >= 0) {
			c->field = fields[k];
			c->rank = rank;
			return;
		}
	}
}

/*
 * A month or a span of months at the start of folded text s: "10月",
 * "10月份", "1-10月", "1至10月" (the joins names_months_span knows).
 * Returns the bytes it takes, 0 for none; *from is the first month of a
 * span (0 for one month), *to the month or the span's last.
 */
static size_t month_lead(const char *s, size_t n, int *from, int *to)
{
	static const char *const joins[] = { "-", "~", "至", "—", "–", "－", "～", "到" };
	size_t i = 0, k;
	int a = 0, b = 0;

	for (; i < n && i < 2 && s[i] >= '0' && s[i] <= '9'; i++)
		a = a * 10 + (s[i] - '0');
	if (!i)
		return 0;
	if (!starts_with(s + i, n - i, "月")) {
		size_t j = 0;

		for (k = 0; k < sizeof(joins) / sizeof(joins[0]) && !j; k++)
			if (starts_with(s + i, n - i, joins[k]))
				j = strlen(joins[k]);
		if (!j)
			return 0;
		i += j;
		for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '9'; k++, i++)
			b = b * 10 + (s[i] - '0');
		if (!k || !starts_with(s + i, n - i, "月") || a < 1 || a >= b || b > 12)
			return 0;
		*from = a;
		*to = b;
	} else {
		if (a < 1 || a > 12)
			return 0;
		*from = 0;
		*to = a;
	}
	i += strlen("月");
	if (starts_with(s + i, n - i, "份"))
		i += strlen("份");
	return i;
}

/* Words before a completion that make it the year's so far. "累计" alone
 * is not one: a county's 累计完成投资 is often since the start of works. */
static const char *const ytd_words[] = {
	"本年累计", "本年度累计", "年度累计", "今年累计", "自年初累计", "年初以来累计",
	"自年初以来累计", "今年以来累计", "年初至今累计", "自年初以来", "年初以来", "今年以来",
	"年初至今", "自年初",
};

/* Whether [s, s + n) names a completion: 完成投资, 完成, 完成额. */
static int completion_word(const char *s, size_t n)
{
	return name_rank("完成投资|完成|完成额|完成投资额|投资完成额|投资完成", s, n) >= 0;
}

/*
 * A report's completion column named with its months (session-6
 * walkthrough p12, audit 9 R17): "10月完成投资" is that month's (the
 * completion field, c->month), "1-10月完成投资", "1-10月累计完成投资",
 * "本年累计完成投资", "今年以来完成投资", "自年初累计完成投资" the year's
 * so far (c->cum; no field: read only when the report has no month's
 * column, tz_header_find). A span not from January, or "10月累计", is
 * neither. key: the folded key, its unit taken.
 */
static void month_key(const struct tz_buf *key, struct cellinfo *c)
{
	const char *p = key->buf;
	size_t n = key->len, lead;
	int from = 0, to = 0;

	if (!n)
		return;
	if ((lead = month_lead(p, n, &from, &to)) != 0) {
		p += lead;
		n -= lead;
		if (from == 1 && starts_with(p, n, "累计")) {
			p += strlen("累计");
			n -= strlen("累计");
		}
		if (!completion_word(p, n))
			return;
		if (!from) {
			c->field = TZ_RF_COMPLETED;
			c->rank = 0;
			c->month = to;
		} else if (from == 1) {
			c->cum = to;
		}
		return;
	}
	for (size_t k = 0; k < sizeof(ytd_words) / sizeof(ytd_words[0]); k++) {
		size_t l = strlen(ytd_words[k]);

		if (n > l && starts_with(p, n, ytd_words[k]) && completion_word(p + l, n - l)) {
			c->cum = 13;
			return;
		}
	}
	if (n > strlen("累计") && starts_with(p, n, "累计") &&
	    completion_word(p + strlen("累计"), n - strlen("累计")))
		c->plain_cum = 1;
}

/*
 * Whether a lower header cell under a report's completion heading
 * ("完成投资（万元）" over "本月 / 自年初累计") names the period of its
 * column: 本月, 当月, 本期, 单月, a month ("10月"), a span ("1-10月",
 * "1-10月累计"), 累计 or a year-to-date word (ytd_words). The column is
 * then the two cells joined ("本月完成投资（万元）"), read as one header
 * cell (session-6 walkthrough p05, p27).
 */
static int period_word(const char *s, const struct cellinfo *c)
{
	static const char *const words[] = { "本月", "当月", "本期", "单月", "本月完成", "当月完成",
					     "本期完成", "累计", "开工累计", "开工以来累计",
					     "自开工累计" };
	struct tz_buf b = TZ_BUF_INIT;
	int from, to, r = 0;
	size_t lead;

	if (c->blank || c->field >= 0 || c->seq || tz_text_nfkc(s, strlen(s), &b) || !b.len)
		goto out;
	drop_spaces(&b);
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]) && !r; k++)
		r = !strcmp(b.buf, words[k]);
	for (size_t k = 0; k < sizeof(ytd_words) / sizeof(ytd_words[0]) && !r; k++)
		r = !strcmp(b.buf, ytd_words[k]);
	if (!r && (lead = month_lead(b.buf, b.len, &from, &to)) != 0)
		r = lead == b.len || !strcmp(b.buf + lead, "累计");
out:
	tz_buf_release(&b);
	return r;
}

/*
 * Read one header cell into c: the field it names (best rank), its year,
 * its unit, whether it is the 序号. s, len: the cell as read (it may hold
 * a NUL); text: the same, NUL-terminated (tz_xstrndup stops at a NUL).
 * key and ut are scratch buffers.
 */
static void cell_read(const struct tz_header *h, const char *s, size_t len, const char *text,
		      struct cellinfo *c, struct tz_buf *key, struct tz_buf *ut)
{
	memset(c, 0, sizeof(*c));
	c->field = -1;
	c->blank = !len;
	if (!len || tz_column_key(s, len, key, &c->year, &c->unit, &c->unit_exp, ut) || !key->len)
		return;
	snprintf(c->unit_text, sizeof(c->unit_text), "%s", ut->buf);
	if (name_rank(SEQ_NAMES, key->buf, key->len) >= 0) {
		c->seq = 1;
		return;
	}
	for (size_t f = 0; f < h->nfields; f++) {
		int rank = name_rank(h->cols[f].names, key->buf, key->len);

		if (rank >= 0 && (c->field < 0 || rank < c->rank)) {
			c->field = (int)f;
			c->rank = rank;
		}
	}
	/* "总投资（亿元）*", "总投资（亿元）（含征地）" (audit 9, R22). */
	if (c->field < 0 || c->unit < 0)
		marked_key(h, s, len, c);
	if (c->field < 0 && h->progress)
		text_remark(h, key, c);
	if (c->field < 0 && h->progress && c->unit >= 0)
		month_key(key, c);
	/* "2025年完成投资" in a report is the year's completion so far
	 * (or the whole year's), never one month's: not read, as the
	 * other cumulative names are not (audit 9, W7). */
	if (h->progress && c->field == TZ_RF_COMPLETED && c->year && !c->month &&
	    !names_one_month(text)) {
		c->field = -1;
		c->ytd = 1;
	}
}

static void hrow_count(struct hrow *r)
{
	unsigned seen = 0;

	r->fields = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->c[i].field >= 0 && !(seen & (1u << r->c[i].field))) {
			seen |= 1u << r->c[i].field;
			r->fields++;
		}
}

static void hrow_read(const struct tz_header *h, const struct tz_row *row, struct hrow *out)
{
	struct tz_buf key = TZ_BUF_INIT, ut = TZ_BUF_INIT;

	memset(out, 0, sizeof(*out));
	out->n = row->ncells;
	out->c = tz_xcalloc(out->n + 1, sizeof(*out->c));
	out->text = tz_xcalloc(out->n + 1, sizeof(*out->text));
	for (size_t i = 0; i < row->ncells; i++) {
		const char *s = row->cells[i];
		size_t len = row->lens[i];

		tz_text_trim(&s, &len);
		out->text[i] = tz_xstrndup(s, len);
		cell_read(h, s, len, out->text[i], &out->c[i], &key, &ut);
	}
	hrow_count(out);
	tz_buf_release(&key);
	tz_buf_release(&ut);
}

static int hrow_has(const struct hrow *r, int field)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->c[i].field == field)
			return 1;
	return 0;
}

static int jan_span(const char *s);

/*
 * Whether a row can be the header: it names the record's key columns. In
 * a report without a month's completion, one column of the year's so far
 * ("1-10月累计完成投资", or a plain "累计完成投资" under a title naming
 * the months from January) counts as the completion, as ytd_column will
 * read it (walkthrough 16: "2025年1-10月…" over "1-10月累计完成投资" was
 * refused as lacking 调度期, its header cell quoted as a title).
 */
static int is_header(const struct tz_header *h, const struct hrow *r)
{
	int fields = r->fields, cums = 0;

	if (h->progress && !hrow_has(r, TZ_RF_COMPLETED))
		for (size_t i = 0; i < r->n; i++)
			cums += r->c[i].field < 0 &&
				(r->c[i].cum || (r->c[i].plain_cum && h->title_end.year &&
						 jan_span(h->title_end_text) > 0));
	fields += cums == 1;
	/* A report's period may be its title's alone ("2025年10月重点项目
	 * 调度表" over no 调度期 column): the title rows come before. */
	if (h->progress)
		return fields >= 3 &&
		       (hrow_has(r, TZ_RF_CODE) || (hrow_has(r, TZ_RF_NAME) && hrow_has(r, TZ_RF_REGION))) &&
		       (hrow_has(r, TZ_RF_PERIOD) || h->title_period.year || h->title_end.year ||
			h->opt_period.year);
	return r->fields >= 2 && (hrow_has(r, TZ_PF_NAME) || hrow_has(r, TZ_PF_CODE));
}

/*
 * What a lower header cell says of the money column above it when it
 * names no column of its own (a02's class, two-row headers as counties
 * draw them): 合计/小计 is that column itself, 其中… a part of it (not
 * read), a year alone ("2025年") that year's figure of it.
 */
enum qual { Q_NONE, Q_TOTAL, Q_PART, Q_YEAR, Q_JOIN };

static enum qual qualifier(const char *s, const struct cellinfo *c)
{
	static const char *const totals[] = { "合计", "小计", "总计", "计", "合计数", "总额",
					      "金额", "数额" };
	struct tz_buf b = TZ_BUF_INIT;
	enum qual q = Q_NONE;

	if (c->blank || c->field >= 0 || c->seq || tz_text_nfkc(s, strlen(s), &b))
		goto out;
	drop_spaces(&b);
	if (!strncmp(b.buf, "其中", strlen("其中"))) {
		q = Q_PART;
	} else if (c->year && !c->unit) {
		/* Only the year: 2025, 2025年, 2025年度. */
		size_t n = 0;

		while (n < b.len && b.buf[n] >= '0' && b.buf[n] <= '9')
			n++;
		if (n == 4 && (!strcmp(b.buf + n, "") || !strcmp(b.buf + n, "年") ||
			       !strcmp(b.buf + n, "年度")))
			q = Q_YEAR;
	} else {
		for (size_t k = 0; k < sizeof(totals) / sizeof(totals[0]) && !q; k++)
			if (!strcmp(b.buf, totals[k]))
				q = Q_TOTAL;
	}
out:
	tz_buf_release(&b);
	return q;
}

/*
 * The upper cell a lower cell of column i stands under: its own when not
 * blank, else the nearest to its left over blank upper cells (a heading
 * merged across, written once in a CSV); -1 for none.
 */
static int owner_of(const struct hrow *top, size_t i)
{
	while (i < top->n && top->c[i].blank) {
		if (!i)
			return -1;
		i--;
	}
	return i < top->n ? (int)i : -1;
}

/* Whether upper cells a and b are one heading (a merge's copies, or the
 * same words repeated): the same field and text. */
static int same_heading(const struct hrow *top, int a, int b)
{
	return a >= 0 && b >= 0 && top->c[a].field == top->c[b].field &&
	       !strcmp(top->text[a], top->text[b]);
}

/*
 * Whether lower cell i, naming no column, stands beside a 合计/小计 under
 * the same money heading: "总投资（万元）" over "合计 / 中央资金 / 地方配套"
 * (audit 10, S4). The 合计 is the column; its siblings are the sources
 * it is made of, parts as 其中… is, not read. Without the 合计 beside
 * them such a cell says nothing of the column and the header is not read
 * as two rows.
 */
static int beside_total(const struct hrow *top, const struct hrow *next, size_t i, int o)
{
	const struct cellinfo *c = &next->c[i];

	if (c->blank || c->field >= 0 || c->seq)
		return 0;
	for (size_t k = i; k-- > 0 && same_heading(top, owner_of(top, k), o);)
		if (k < next->n && qualifier(next->text[k], &next->c[k]) == Q_TOTAL)
			return 1;
	for (size_t k = i + 1; k < next->n && same_heading(top, owner_of(top, k), o); k++)
		if (qualifier(next->text[k], &next->c[k]) == Q_TOTAL)
			return 1;
	return 0;
}

/* Whether lower cell i qualifies a money column of `top` (qualifier()). */
static enum qual qualifies(const struct tz_header *h, const struct hrow *top,
			   const struct hrow *next, size_t i)
{
	int o = owner_of(top, i);
	enum qual q;

	if (o < 0 || top->c[o].field < 0 || !h->cols[top->c[o].field].money)
		return Q_NONE;
	/* "完成投资（万元）" over "本月 / 自年初累计" (period_word). */
	if (h->progress && top->c[o].field == TZ_RF_COMPLETED && !top->c[o].month &&
	    !names_one_month(top->text[o]) && period_word(next->text[i], &next->c[i]))
		return Q_JOIN;
	q = qualifier(next->text[i], &next->c[i]);
	if (q == Q_NONE && beside_total(top, next, i, o))
		q = Q_PART;
	return q;
}

/*
 * Whether `next` continues header `top` as its second row: it names a
 * field `top` lacks (under a group heading) or qualifies a money column
 * (qualifier()), and holds no data under the columns `top` names (cells
 * there are empty, repeat the heading as a merged cell does, or qualify
 * it).
 */
static int continues(const struct tz_header *h, const struct hrow *top, const struct hrow *next)
{
	int adds = 0;

	for (size_t i = 0; i < next->n; i++) {
		const struct cellinfo *c = &next->c[i];

		if (c->blank)
			continue;
		if (qualifies(h, top, next, i)) {
			adds++;
			continue;
		}
		if (i < top->n && top->c[i].field >= 0 && strcmp(next->text[i], top->text[i]))
			return 0;
		if (c->field >= 0 && !hrow_has(top, c->field))
			adds++;
	}
	return adds > 0;
}

/*
 * Column i of a two-row header whose lower cell qualifies the money
 * column above it (qualifier(), kind q): 合计 makes it that column, 其中…
 * a part of it that is not read, a year that year's figure of it
 * ("2025年" under "计划投资（万元）" reads as "2025年计划投资（万元）", so
 * the ledger's year chooses among the years, as for one-row headers), a
 * report's period word (Q_JOIN) is read before it ("本月" under "完成投资
 * （万元）" reads as "本月完成投资（万元）").
 * up is the upper row as read; top (the header being built) gets the
 * column's text and reading.
 */
static void join_qualified(const struct tz_header *h, const struct hrow *up, struct hrow *top,
			   const struct hrow *next, size_t i, enum qual q)
{
	struct tz_buf key = TZ_BUF_INIT, ut = TZ_BUF_INIT, text = TZ_BUF_INIT;
	int o = owner_of(up, i);

	if (q == Q_TOTAL) {
		tz_buf_addf(&text, "%s", up->text[o]);
		top->c[i] = up->c[o];
	} else if (q == Q_PART) {
		tz_buf_addf(&text, "%s%s", up->text[o], next->text[i]);
		memset(&top->c[i], 0, sizeof(top->c[i]));
		top->c[i].field = -1;
	} else {
		/* "2025年" over "年度计划投资" reads "2025年度计划投资". */
		size_t n = strlen(next->text[i]);
		int drop = n >= strlen("年") && !strcmp(next->text[i] + n - strlen("年"), "年") &&
			   !strncmp(up->text[o], "年度", strlen("年度"));

		tz_buf_addf(&text, "%.*s%s", (int)(n - (drop ? strlen("年") : 0)), next->text[i],
			    up->text[o]);
		cell_read(h, text.buf, text.len, text.buf, &top->c[i], &key, &ut);
	}
	free(top->text[i]);
	top->text[i] = tz_xstrdup(text.buf);
	tz_buf_release(&key);
	tz_buf_release(&ut);
	tz_buf_release(&text);
}

/* Excel's column letters for index i: A … Z, AA … */
static void col_letters(size_t i, char buf[8])
{
	char tmp[8];
	size_t n = 0;

	i++;
	while (i && n < sizeof(tmp) - 1) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	for (size_t k = 0; k < n; k++)
		buf[k] = tmp[n - 1 - k];
	buf[n] = '\0';
}

void tz_header_col_letters(size_t i, char buf[8])
{
	col_letters(i, buf);
}

/* Whether `n` bytes at `s` name the yuan: "人民币", "人民币元", "元",
 * "RMB", "CNY" (any case). */
static int yuan_word(const char *s, size_t n)
{
	static const char *const rmb[] = { "人民币", "人民币元", "元", "RMB", "CNY" };

	for (size_t i = 0; i < sizeof(rmb) / sizeof(rmb[0]); i++)
		if (n == strlen(rmb[i]) && !strncasecmp(s, rmb[i], n))
			return 1;
	return 0;
}

static int currency_unit_word(const char *s, size_t n);

/*
 * Whether `n` bytes at `s`, what is left of a unit word once its scale
 * ("万", "亿元") is cut (foreign_currency), name a currency other than the
 * yuan: an ISO code in any case ("USD", "hkd"), or a word the core's
 * rule of currencies reads as one (tz_money_currency_word: a sign "$",
 * "US$", "€"; "美元", "外汇", "円", any word ending in 币, 镑, 铢,
 * "英磅", "泰国铢"; walkthroughs 14 and 15, 2026-12-02); "人民币", "RMB",
 * "CNY" and "" do not.
 */
static int names_currency(const char *s, size_t n)
{
	int alpha = n == 3;

	if (!n || yuan_word(s, n))
		return 0;
	/* "USD", "HKD", "eur": a three-letter code. */
	for (size_t i = 0; alpha && i < n; i++)
		alpha = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z');
	return alpha || tz_money_currency_word(s, n);
}

/*
 * Whether the unit word [s, s + n) names a currency other than the yuan,
 * wherever it stands in the word: "美元", "万美元", "万元美金" (ending in
 * one), and, since walkthrough 14 (2026-12-02), "美元万元", "USD万元",
 * "万元USD", "万元(港币)", "万澳门元", "外币万元": the word without its
 * brackets and its scale ("万元", "亿元", "万", "千万", … first or last)
 * is a currency (names_currency). These were read as no unit at all, so
 * the amounts were stored as 人民币万元 with exit 0. "美元汇率", "港币兑换
 * 点" are no unit words and are not: what is left is no currency.
 */
static int foreign_currency(const char *s, size_t n)
{
	static const char *const words[] = { "美元", "美金", "港元", "港币", "欧元", "日元", "英镑",
					     "澳元", "加元", "韩元", "卢布", "$", "US$", "HK$", "€",
					     "£" };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t w = strlen(words[i]);

		if (n >= w && !memcmp(s + n - w, words[i], w))
			return 1;
	}
	return currency_unit_word(s, n);
}

/*
 * Whether [s, s + n), without its brackets and spaces and its scale
 * ("万元", "亿元", "万", … first or last), is a currency other than the
 * yuan (names_currency): the part of foreign_currency that reads the
 * whole word, not only its end ("万美元", "万元(港币)", "$万", but not
 * "金额为美元").
 */
static int currency_unit_word(const char *s, size_t n)
{
	/* Longest first: "千万元" before "万元", "万亿" before "万". */
	static const char *const scaled[] = { "万亿元", "十万元", "百万元", "千万元", "万元",
					      "亿元", "千元", "百元", "元" };
	static const char *const scales[] = { "万亿", "十万", "百万", "千万", "万", "亿", "千",
					      "百" };
	char buf[64];
	size_t k = 0, cut;
	const char *c;

	if (n >= sizeof(buf))
		return 0;
	/* "万元(港币)", "万元 USD": without brackets and spaces. */
	for (size_t i = 0; i < n; i++)
		if (!strchr("()[] ", s[i]))
			buf[k++] = s[i];
	c = buf;
	cut = 0;
	for (size_t i = 0; !cut && i < sizeof(scaled) / sizeof(scaled[0]); i++)
		if (starts_with(c, k, scaled[i]))
			cut = strlen(scaled[i]);
	for (size_t i = 0; !cut && i < sizeof(scales) / sizeof(scales[0]); i++)
		if (starts_with(c, k, scales[i]))
			cut = strlen(scales[i]);
	if (cut) {
		c += cut;
		k -= cut;
	} else {
		/* "美元万元": the scale last (not "元" alone: "美元"); "$万",
		 * "USD万": a bare one (walkthrough 15). */
		size_t k0 = k;

		for (size_t i = 0; i + 1 < sizeof(scaled) / sizeof(scaled[0]); i++)
			if (k > strlen(scaled[i]) && ends_with(c, k, scaled[i])) {
				k -= strlen(scaled[i]);
				break;
			}
		for (size_t i = 0; k == k0 && i < sizeof(scales) / sizeof(scales[0]); i++)
			if (k > strlen(scales[i]) && ends_with(c, k, scales[i]))
				k -= strlen(scales[i]);
	}
	return names_currency(c, k);
}

/*
 * Whether the word [p, p + n) is a unit of money: 1 (with *unit_exp) for
 * one the import knows ("亿元", "人民币万元", "万"), -1 for a foreign
 * currency ("美元", "万美元", "$"), 0 for any other word ("个", "某县
 * 发改委", "元/平方米"), which states no unit of money.
 */
static int money_unit(const char *p, size_t n, int *unit_exp)
{
	int unit = 0;

	if (n >= strlen("人民币") && !memcmp(p, "人民币", strlen("人民币"))) {
		p += strlen("人民币");
		n -= strlen("人民币");
	} else if (n > strlen("人民币") && ends_with(p, n, "人民币")) {
		n -= strlen("人民币");
	}
	/* "新加坡元万元", "万元(新台币)": a currency makes a word longer. */
	if (!n || n > 24)
		return 0;
	if (foreign_currency(p, n))
		return -1;
	if (n > 16)
		return 0;
	if (looks_like_unit(p, n))
		take_unit(p, n, &unit, unit_exp, NULL);
	return unit > 0 ? 1 : 0;
}

/* Whether [s, s + n) holds an ASCII digit. */
static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* The length of the word at p: up to a bracket, a separator or the end. */
static size_t word_len(const char *p)
{
	static const char *const stops[] = { "，", "、", "。", "）", "；" };
	size_t n = 0;

	for (; p[n] && !strchr(" )(,;:.", p[n]); n++)
		for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
			if (!strncmp(p + n, stops[i], strlen(stops[i])))
				return n;
	return n;
}

/* The next "单位" or "金额" at or after s, the earlier of the two; NULL. */
static const char *next_anchor(const char *s)
{
	const char *a = strstr(s, "单位"), *b = strstr(s, "金额");

	return !a ? b : !b ? a : a < b ? a : b;
}

/*
 * Whether the whole of `s` (NFKC text without spaces, `n` bytes) is a
 * short statement of the table's unit of money (auditor's finding 2,
 * 2026-11-30): an optional label (单位, 金额单位, 计量单位, 金额) and a
 * separator (":", "/", or the unit in brackets after it), then the unit
 * ("亿元", "人民币亿元", "亿元人民币"), the whole maybe in brackets:
 * "单位/亿元", "单位(亿元)", "金额:亿元", "(单位:万元)", "(亿元)". With no
 * label the unit must stand in brackets unless `bare_ok` ("亿元" alone in
 * a row of units under the header, or alone in a row above it). A dash
 * may follow the label ("单位—亿元"). A labelled or bracketed list may
 * hold other units than money ("单位：个、亿元", "单位：平方米、亿元";
 * audit 8, 2026-11-30), which are passed over, never read as money; a
 * unit of money before "/" is a price ("元/平方米"), no statement.
 * Returns 1 (a known unit, *exp its
 * power of ten over 万元, its name in text), -1 (a foreign currency),
 * 2 when it names two different units ("单位:万元,亿元"; text holds
 * both, "万元、亿元"), 0 when `s` is anything else.
 */
static int unit_statement(const char *s, size_t n, int bare_ok, int *exp, char *text,
			  size_t size)
{
	static const char *const labels[] = { "金额单位", "计量单位", "单位", "金额" };
	static const char *const seps[] = { ",", "、", "/", "或", ";" };
	int bracketed = 0, unit = 0, labelled = 0, others;
	const char *all;
	size_t all_n;

	if (n >= 2 && (s[0] == '(' || s[0] == '[') && (s[n - 1] == ')' || s[n - 1] == ']')) {
		s++;
		n -= 2;
		bracketed = 1;
	}
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (starts_with(s, n, labels[i])) {
			s += strlen(labels[i]);
			n -= strlen(labels[i]);
			labelled = 1;
			break;
		}
	if (labelled) {
		if (n && (*s == ':' || *s == '/' || *s == '-')) {
			s++;
			n--;
		} else if (starts_with(s, n, "—")) {
			while (starts_with(s, n, "—")) {
				s += strlen("—");
				n -= strlen("—");
			}
		} else if (n >= 2 && *s == '(' && s[n - 1] == ')') {
			s++;
			n -= 2;
		} else {
			return 0;
		}
	} else if (!bracketed && !bare_ok) {
		return 0;
	}
	if (!n)
		return 0;
	/* One unit, or several separated: all must be units of money, or,
	 * labelled or bracketed, short words for other units. */
	others = labelled || bracketed;
	all = s;
	all_n = n;
	while (n) {
		size_t w = 0, skip = 0;
		int e = 0, u;

		while (w < n && !skip) {
			for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]) && !skip; i++)
				if (starts_with(s + w, n - w, seps[i]))
					skip = strlen(seps[i]);
			if (!skip)
				w++;
		}
		u = money_unit(s, w, &e);
		if (!u && (!others || !w || w > 12 || has_digit(s, w)))
			return 0;
		if (u && skip && s[w] == '/') {
			/* "元/平方米": a price, no statement; but "千元/亿元"
			 * names two units of money, and reading it as a price
			 * would read the amounts in 万元 (t1740). */
			int e2 = 0;
			size_t r = n - w - skip, w2 = 0;

			while (w2 < r && s[w + skip + w2] != '/' && s[w + skip + w2] != ',' &&
			       s[w + skip + w2] != ' ')
				w2++;
			if (!money_unit(s + w + skip, w2, &e2))
				return 0;
		}
		if (u < 0) {
			/* "(万元,外汇)": a currency beside the unit is the
			 * unit's, never passed over (walkthrough 15). */
			while (all_n >= size || (all_n && ((unsigned char)all[all_n] & 0xC0) == 0x80))
				all_n--;
			snprintf(text, size, "%.*s", (int)all_n, all);
			*exp = 0;
			return -1;
		} else if (!u) {
			/* "个" in "单位：个、亿元": not money, passed over. */
		} else if (!unit) {
			snprintf(text, size, "%.*s", (int)w, s);
			unit = u;
			*exp = e;
		} else if (unit != 2 && !(u == 1 && unit == 1 && e == *exp)) {
			size_t used = strlen(text);

			snprintf(text + used, size - used, "、%.*s", (int)w, s);
			unit = 2;
		}
		if (w + skip > n || (skip && w + skip == n))
			return 0;
		s += w + skip;
		n -= w + skip;
	}
	return unit;
}

/*
 * Readies NFKC text for the unit-statement readers: the brackets NFKC
 * keeps ("〔〕", "【】", "〖〗") become "(" and ")" (auditor's finding 2,
 * audit 8, 2026-11-30: "〔单位：亿元〕"), and the spaces (full-width ones
 * became ' ') and tabs are dropped ("单 位") or, when `keep`, each run is
 * one ' ', which ends a word ("单位：亿元　　填报单位：某局").
 */
static void unit_fold(struct tz_buf *b, int keep)
{
	size_t k = 0;

	for (size_t i = 0; i < b->len; i++) {
		const unsigned char *c = (const unsigned char *)b->buf + i;

		if (b->len - i >= 3 && c[0] == 0xE3 && c[1] == 0x80 &&
		    (c[2] == 0x90 || c[2] == 0x94 || c[2] == 0x96 || c[2] == 0x91 ||
		     c[2] == 0x95 || c[2] == 0x97)) {
			b->buf[k++] = (c[2] == 0x90 || c[2] == 0x94 || c[2] == 0x96) ? '(' : ')';
			i += 2;
		} else if (b->buf[i] == ' ' || b->buf[i] == '\t') {
			if (keep && k && b->buf[k - 1] != ' ')
				b->buf[k++] = ' ';
		} else {
			b->buf[k++] = b->buf[i];
		}
	}
	tz_buf_setlen(b, k);
}

/* Removes the spaces of NFKC text (full-width ones became ' '): "单 位". */
static void drop_spaces(struct tz_buf *b)
{
	unit_fold(b, 0);
}

/* ------------------------------------------------------------------ */
/* Footnote marks and remarks on a header (audit 9, R22)                */

/*
 * The length of the footnote mark at u (n bytes left), 0 if none: * # ＊
 * ＃ ※ † ‡ ★ ☆ ▲ △, ①…⑳ and the superscript digits ¹ ² ³ ⁰ ⁴…⁹. Taken
 * out before NFKC, which makes ① and ¹ the digit 1.
 */
static size_t mark_len(const unsigned char *u, size_t n)
{
	if (*u == '*' || *u == '#')
		return 1;
	if (n >= 2 && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3))
		return 2;
	if (n < 3)
		return 0;
	if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8A || u[2] == 0x83))
		return 3;
	if (u[0] != 0xE2)
		return 0;
	if ((u[1] == 0x80 && (u[2] == 0xBB || u[2] == 0xA0 || u[2] == 0xA1)) ||
	    (u[1] == 0x98 && (u[2] == 0x85 || u[2] == 0x86)) ||
	    (u[1] == 0x96 && (u[2] == 0xB2 || u[2] == 0xB3)) ||
	    (u[1] == 0x91 && u[2] >= 0xA0 && u[2] <= 0xB3) ||
	    (u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9))))
		return 3;
	return 0;
}

/* Whether [s, s + n) is a note's number: "1", "12", "注", "注1". */
static int note_number(const char *s, size_t n)
{
	if (starts_with(s, n, "注")) {
		s += strlen("注");
		n -= strlen("注");
		if (!n)
			return 1;
	}
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * Whether bracketed text on a money header is a remark on what the
 * amount covers or how sure it is — 含征地, 不含铺底流动资金, 估算, 概算 —
 * which leaves the amount the field's. Any other text ("待定", "1-10月")
 * may change what the column holds: it is not read.
 */
static int remark_known(const char *s, size_t n)
{
	static const char *const prefixes[] = { "含", "不含", "包含", "包括", "不包括", "未含" };
	static const char *const words[] = { "估算", "概算", "预算", "匡算", "暂估", "暂定",
					     "预计", "测算", "初估", "约", "批复", "批复概算",
					     "可研估算", "调整后" };

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (n > strlen(prefixes[i]) && starts_with(s, n, prefixes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (n == strlen(words[i]) && starts_with(s, n, words[i]))
			return 1;
	return 0;
}

/*
 * What a bracketed group "(…)" of a header holds, its brackets apart:
 * adds to `out` what stays of it — a unit and a year, with the
 * remarks beside them dropped ("(含征地,亿元)" → "(亿元)") — and
 * returns 0 when nothing was dropped, 1 when a mark or a known remark
 * was, 2 when a remark not known was (its text into `unknown`).
 */
static int header_group(const char *in, size_t n, struct tz_buf *out, char *unknown,
			size_t size)
{
	static const char *const seps[] = { ",", "、", ";", "/" };
	size_t kept = out->len, start = 0;
	int what = 0, parts = 0;

	if (note_number(in, n))
		return 1;
	tz_buf_addch(out, '(');
	while (start <= n) {
		size_t end = n, sl = 0;

		for (size_t i = start; i < n && end == n; i++)
			for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
				if (starts_with(in + i, n - i, seps[k])) {
					end = i;
					sl = strlen(seps[k]);
					break;
				}
		if (end > start) {
			const char *p = in + start;
			size_t pl = end - start;

			/* A currency is no unit the import reads: a remark not
			 * known, so that the column is named ("总投资(万元)
			 * (美元)": it was left unread in silence; walkthrough 14). */
			if ((looks_like_unit(p, pl) && !foreign_currency(p, pl)) ||
			    year_word(p, pl)) {
				if (parts++)
					tz_buf_addch(out, ',');
				tz_buf_add(out, p, pl);
			} else if (remark_known(p, pl)) {
				what = what > 1 ? what : 1;
			} else {
				if (what < 2)
					snprintf(unknown, size, "%.*s", (int)pl, p);
				what = 2;
			}
		}
		if (end == n)
			break;
		start = end + sl;
	}
	if (!what) {  /* as written, separators and all */
		tz_buf_setlen(out, kept);
		tz_buf_addch(out, '(');
		tz_buf_add(out, in, n);
		tz_buf_addch(out, ')');
	} else if (parts) {
		tz_buf_addch(out, ')');
	} else {
		tz_buf_setlen(out, kept);
	}
	return what;
}

/*
 * A header cell whose name no field knows, or whose unit is not one,
 * read again without its footnote marks ("总投资（亿元）*", "※总投资
 * （亿元）", "总投资¹（亿元）", "总投资（亿元）注1", "总投资（亿元）[1]") and,
 * on a money field, without a remark in brackets ("总投资（亿元）（含征地）",
 * "总投资（含征地，亿元）", "总投资（估算）(万元)"): the unit is still read
 * from what stays. The cell then takes the field (c->marked, the text
 * read in c->read_as, for the summary); a money field named but for a
 * remark not known ("总投资（亿元）（待定）") is only noted in c->near, so
 * that a message may name the column. Audit 9, R22 and R14, 2026-12-01.
 */
static void marked_key(const struct tz_header *h, const char *s, size_t len,
		       struct cellinfo *c)
{
	struct tz_buf raw = TZ_BUF_INIT, t = TZ_BUF_INIT, out = TZ_BUF_INIT, key = TZ_BUF_INIT,
		      ut = TZ_BUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	char unknown[48] = "";
	int what = 0, field = -1, rank = 0, year, unit, exp;

	for (size_t i = 0; i < len;) {
		size_t m = mark_len(u + i, len - i);

		if (m) {
			what = 1;
			i += m;
		} else {
			tz_buf_addch(&raw, s[i++]);
		}
	}
	if (!raw.len || tz_text_nfkc(raw.buf ? raw.buf : "", raw.len, &t))
		goto out;
	drop_spaces(&t);
	for (size_t i = 0; i < t.len;) {
		const char *open = t.buf + i, *close;

		if (*open != '(' && *open != '[') {
			tz_buf_addch(&out, t.buf[i++]);
			continue;
		}
		close = memchr(open + 1, *open == '(' ? ')' : ']', t.len - i - 1);
		if (!close || memchr(open + 1, '(', (size_t)(close - open - 1))) {
			tz_buf_add(&out, open, t.len - i);
			break;
		}
		{
			int w = header_group(open + 1, (size_t)(close - open - 1), &out, unknown,
					     sizeof(unknown));

			what = w > what ? w : what;
		}
		i = (size_t)(close - t.buf) + 1;
	}
	/* "总投资(亿元)注1", "总投资注1": a note's number at the end. */
	{
		size_t n = out.len;

		while (n && out.buf[n - 1] >= '0' && out.buf[n - 1] <= '9')
			n--;
		if (n >= strlen("注") && ends_with(out.buf, n, "注") &&
		    (n < out.len || (n > strlen("注") && out.buf[n - strlen("注") - 1] == ')'))) {
			tz_buf_setlen(&out, n - strlen("注"));
			what = what > 1 ? what : 1;
		}
	}
	if (!what || !out.len ||
	    tz_column_key(out.buf, out.len, &key, &year, &unit, &exp, &ut) || !key.len)
		goto out;
	for (size_t f = 0; f < h->nfields; f++) {
		int r = name_rank(h->cols[f].names, key.buf, key.len);

		if (r >= 0 && (field < 0 || r < rank)) {
			field = (int)f;
			rank = r;
		}
	}
	if (field < 0 || (c->field >= 0 && c->field != field))
		goto out;
	if (what == 2) {
		if (h->cols[field].money && c->field < 0) {
			c->near = field + 1;
			snprintf(c->near_text, sizeof(c->near_text), "%s", unknown);
			snprintf(c->read_as, sizeof(c->read_as), "%s", out.buf);
		}
		goto out;
	}
	/* A remark only on money; a known field's unit replaced only by one
	 * the import reads. */
	if ((!h->cols[field].money && strcmp(out.buf, t.buf)) || (c->field >= 0 && unit < 0))
		goto out;
	c->field = field;
	c->rank = rank;
	c->year = year;
	c->unit = unit;
	c->unit_exp = exp;
	snprintf(c->unit_text, sizeof(c->unit_text), "%s", ut.buf ? ut.buf : "");
	c->marked = 1;
	snprintf(c->read_as, sizeof(c->read_as), "%s", out.buf);
out:
	tz_buf_release(&raw);
	tz_buf_release(&t);
	tz_buf_release(&out);
	tz_buf_release(&key);
	tz_buf_release(&ut);
}

/* Whether NFKC text `s` starts with a label of a currency ("币种",
 * "(货币", "Currency"): a cell that is a currency_statement(). */
static int currency_label_first(const char *s)
{
	if (*s == '(')
		s++;
	return !strncmp(s, "币种", strlen("币种")) || !strncmp(s, "货币", strlen("货币")) ||
	       !strncmp(s, "币别", strlen("币别")) || !strncasecmp(s, "currency", strlen("currency"));
}

/*
 * Whether NFKC text without spaces `s` states the currency of the amounts
 * apart from their unit ("币种:美元", "货币为港币", "币别:USD"; walkthrough
 * 14, 2026-12-02: "(币种:美元,单位:万元)" was read as 人民币万元; and in
 * English, "Currency:USD", walkthrough 15) and names one other than the
 * yuan: 1 with "币种：美元" (the label as written) in text (`size`
 * bytes); 0 for none or for "币种:人民币", "币种:元", "币种:RMB", "币种:
 * 人民币万元". The currency's word ends at a separator or where a unit's
 * statement starts ("币种:人民币单位:万元", from "币种：人民币 单位：万元"
 * with its spaces dropped, names the yuan; walkthrough 15 found it
 * refused). A label with no ":", "为" or "是" after it ("货币资金", a
 * column "币种") states nothing.
 */
static int currency_statement(const char *s, char *text, size_t size)
{
	static const char *const labels[] = { "币种", "货币", "币别", "currency" };
	static const char *const joins[] = { ":", "为", "是", "-" };

	for (size_t l = 0; l < sizeof(labels) / sizeof(labels[0]); l++)
		for (const char *a = l < 3 ? strstr(s, labels[l]) : strcasestr(s, labels[l]); a;
		     a = l < 3 ? strstr(a + 1, labels[l]) : strcasestr(a + 1, labels[l])) {
			const char *p = a + strlen(labels[l]), *anchor;
			size_t j, n;
			int e;

			for (j = 0; j < sizeof(joins) / sizeof(joins[0]); j++)
				if (!strncmp(p, joins[j], strlen(joins[j])))
					break;
			if (j == sizeof(joins) / sizeof(joins[0]))
				continue;
			p += strlen(joins[j]);
			n = word_len(p);
			if ((anchor = next_anchor(p)) != NULL && anchor > p && anchor < p + n)
				n = (size_t)(anchor - p);
			if (!n || yuan_word(p, n) || money_unit(p, n, &e) > 0)
				continue;
			/* A long word cut where a character starts. */
			if (n > 15)
				for (n = 15; n && ((unsigned char)p[n] & 0xC0) == 0x80; n--)
					;
			snprintf(text, size, "%s：%.*s", l < 3 ? labels[l] : "Currency", (int)n, p);
			return 1;
		}
	return 0;
}

/*
 * The first "以<unit>计" ("本表金额以亿元计", "投资额均以亿元计") at or
 * after s: the "以", with the unit's bytes in *w, *n and its money_unit()
 * in *unit; NULL when there is none (auditor's finding 2, audit 8,
 * 2026-11-30).
 */
static const char *next_jiji(const char *s, const char **w, size_t *n, int *exp, int *unit)
{
	for (const char *q = strstr(s, "以"); q; q = strstr(q + strlen("以"), "以")) {
		const char *c;

		*w = q + strlen("以");
		c = strstr(*w, "计");
		if (!c || c - *w > 16)
			continue;
		*n = (size_t)(c - *w);
		if ((*unit = money_unit(*w, *n, exp)) != 0)
			return q;
	}
	return NULL;
}

/*
 * The unit of money a list after a label names ("亿元" in "个、亿元",
 * "平方米、亿元", "个/亿元"; audit 8, 2026-11-30): the first word of
 * money, other short words before it passed over, a unit of money
 * before "/" a price ("元/平方米"), none. Returns money_unit() with the
 * word in *w, *n; 0 when the first words are no list of units.
 */
static int list_unit(const char *p, const char **w, size_t *n, int *exp)
{
	for (;;) {
		size_t len = word_len(p), k = 0;
		int unit;

		/* "个/亿元": the part after the last "/" of a word. */
		for (size_t i = 0; i < len; i++)
			if (p[i] == '/')
				k = i + 1;
		if (k && k < len && !money_unit(p, k - 1, exp) && k - 1 <= 12 &&
		    !has_digit(p, k - 1)) {
			*w = p + k;
			*n = len - k;
		} else {
			*w = p;
			*n = len;
		}
		if ((unit = money_unit(*w, *n, exp)) != 0) {
			/* "万元(港币)": a currency in brackets right after the
			 * unit is the unit's (walkthrough 14). */
			const char *close = (*w)[*n] == '(' ? strchr(*w + *n, ')') : NULL;
			int e2 = 0;

			if (unit > 0 && close && money_unit(*w, (size_t)(close + 1 - *w), &e2) < 0) {
				*n = (size_t)(close + 1 - *w);
				return -1;
			}
			return unit;
		}
		if (!len || len > 12 || has_digit(p, len) || memchr(p, '/', len))
			return 0;
		if (p[len] == ',')
			p += len + 1;
		else if (!strncmp(p + len, "、", strlen("、")) || !strncmp(p + len, "，", strlen("，")))
			p += len + strlen("、");
		else
			return 0;
	}
}

/*
 * The next statement of a unit of money in `norm` (NFKC text) from *at:
 * "单位：亿元", "金额单位：万元", "（单位：万元）", "本表金额单位为亿元",
 * "单位均为万元", "金额以亿元为单位", "单位：个、亿元", "单位—亿元",
 * "本表金额以亿元计". Returns its money_unit() (1 or -1)
 * with *exp and its name in text, and in *subj (*subj_len bytes) what the clause
 * says it is the unit of ("年度计划投资" in "年度计划投资单位为万元";
 * "本表金额" or "" for the table); *at moves past it. 0 when there is no
 * more ("填报单位：某县发改委" names a unit of government, not of money).
 * A space ends a word: callers keeping runs of spaces (unit_fold) read
 * "单位：亿元 填报人：张三".
 */
static int next_unit(const char *norm, const char **at, int *exp, char *text, size_t size,
		     const char **subj, size_t *subj_len)
{
	static const char *const joins[] = { ":", "/", "(", "均为", "都是", "统一为", "一律为", "为",
					     "是", "—", "-" };
	static const char *const stops[] = { ",", ";", ":", "(", ")", "，", "、", "；", "。", " " };
	const char *u, *jw = NULL, *j;
	size_t jn = 0;
	int jexp = 0, junit = 0;

	j = next_jiji(*at, &jw, &jn, &jexp, &junit);
	for (u = next_anchor(*at);; u = next_anchor(u + 1)) {
		const char *p, *w = NULL, *head = u;
		size_t n;
		int unit;

		if (j && (!u || j < u)) {
			/* "本表金额以亿元计" comes first. */
			head = j;
			w = jw;
			n = jn;
			unit = junit;
			*exp = jexp;
			goto found;
		}
		if (!u)
			return 0;
		p = u + strlen("单位");
		/* "金额单位为万美元": the unit is after 单位, not "单位为万美元"
		 * (walkthrough 15: "注明金额单位为单位为万美元"). */
		if (!strncmp(u, "金额", strlen("金额")) && !strncmp(p, "单位", strlen("单位")))
			p += strlen("单位");
		/* "以亿元为单位": the unit comes before, after the last 以. */
		if (u >= norm + strlen("为") && !memcmp(u - strlen("为"), "为", strlen("为")))
			for (const char *q = *at; (q = strstr(q, "以")) && q < u - strlen("为");
			     q += strlen("以"))
				w = q + strlen("以");
		if (w) {
			n = (size_t)(u - strlen("为") - w);
			head = w - strlen("以");
			if (!(unit = money_unit(w, n, exp)))
				continue;
		} else {
			while (*p == ' ')
				p++;
			for (size_t i = 0; i < sizeof(joins) / sizeof(joins[0]); i++)
				if (!strncmp(p, joins[i], strlen(joins[i]))) {
					p += strlen(joins[i]);
					break;
				}
			while (*p == ' ' || !strncmp(p, "—", strlen("—")))
				p += *p == ' ' ? 1 : strlen("—");
			if (!(unit = list_unit(p, &w, &n, exp)))
				continue;
		}
found:
		snprintf(text, size, "%.*s", (int)n, w);
		/* The clause before it, back to a separator. */
		*subj = head;
		while (*subj > *at) {
			const char *prev = *subj - 1;
			int stop = 0;

			while (prev > *at && ((unsigned char)*prev & 0xC0) == 0x80)
				prev--;
			for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]) && !stop; i++)
				stop = !strncmp(prev, stops[i], strlen(stops[i]));
			if (stop)
				break;
			*subj = prev;
		}
		*subj_len = (size_t)(head - *subj);
		*at = w + n + (head == j ? strlen("计") : 0);
		return unit;
	}
}

/*
 * A unit stated above the header for one column only: "（总投资单位：亿元）",
 * "（单位：万元，其中总投资单位：亿元）" (walkthrough 14, f11 and u15), and,
 * since walkthrough 16, without the word 单位: "（总投资：亿元）",
 * "总投资为亿元", "（总投资按亿元填报）", "（总投资亿元，年度计划投资万元）",
 * "（总投资、年度计划投资：亿元）" (next_col_unit). Taken for the table, it
 * read 总投资 1.2 as 1.2万元 beside a plan in 万元, or applied 亿元 to every
 * column; unseen (the forms without 单位), 12 (亿元) was stored as 12.00万元
 * with exit 0. The import does not apply such a unit: it only accepts it
 * when the columns it names state the same unit in the header
 * (col_clause_check); otherwise the file is refused.
 */
struct col_clause {
	char clause[96];                 /* the clause (NFKC), "" when none */
	char subj[64];                   /* what it is the unit of: "其中总投资" */
	char text[32];                   /* the unit as written: "亿元" */
	int unit, exp;                   /* money_unit()'s, 10^exp 万元 */
	long line;                       /* its row, 0 when none */
	char title[TITLE_QUOTE_MAX];     /* that row when a title, else "" */
};

/* Every clause of the rows above the header stating one column's unit
 * (walkthrough 16: "（总投资亿元，年度计划投资万元）" states two, and only
 * the first was checked). */
#define COL_CLAUSES_MAX 8
struct col_clauses {
	size_t n;
	struct col_clause c[COL_CLAUSES_MAX];
};

/* Words naming a column of money in a clause's subject. */
static const char *const money_col_words[] = { "总投资", "计划投资", "完成投资", "完成额", "累计",
					       "本期", "本月", "当月", "年度计划", "概算", "估算",
					       "到位资金" };

/* names_one_column for one name of a list ("总投资" of "总投资、年度计划
 * 投资"). */
static int names_one_name(const char *subj, size_t n)
{
	static const char *const titles[] = { "表", "台账", "清单", "汇总", "情况" };
	size_t chars = 0;

	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)subj[i] & 0xC0) != 0x80;
	if (chars > 12)
		return 0;
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (memmem(subj, n, titles[i], strlen(titles[i])))
			return 0;
	for (size_t i = 0; i < sizeof(money_col_words) / sizeof(money_col_words[0]); i++)
		if (memmem(subj, n, money_col_words[i], strlen(money_col_words[i])))
			return 1;
	return 0;
}

/* Whether the subject of a unit's clause (next_unit) names columns of
 * money ("其中总投资", "总投资、年度计划投资", "总投资和年度计划投资":
 * each name of the list one) rather than the table ("本表金额", "金额",
 * "") or is a title run into the statement ("2025年重点项目完成投资情况表"
 * before "单位：亿元"). */
static int names_one_column(const char *subj, size_t n)
{
	static const char *const joins[] = { "、", "和", "及", "与" };
	size_t k = 0;

	if (!n)
		return 0;
	while (k < n) {
		size_t e = k, jl = 0;

		while (e < n && !jl) {
			for (size_t i = 0; i < sizeof(joins) / sizeof(joins[0]) && !jl; i++)
				if (starts_with(subj + e, n - e, joins[i]))
					jl = strlen(joins[i]);
			if (!jl)
				e++;
		}
		if (!names_one_name(subj + k, e - k))
			return 0;
		k = e + jl;
	}
	return 1;
}

/* The length of a stop ending a clause at p (",", ";", a bracket, "。",
 * a space), 0 when none. */
static size_t clause_stop(const char *p)
{
	static const char *const stops[] = { ",", ";", "(", ")", " ", "。", "，", "；" };

	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		if (!strncmp(p, stops[i], strlen(stops[i])))
			return strlen(stops[i]);
	return 0;
}

/*
 * The next statement in NFKC text (spaces dropped, or each run one ' ')
 * from *at of one or more columns' unit without the word 单位 or 金额
 * (walkthrough 16, 2026-12-02): the columns' names (a word of
 * money_col_words last, several joined by 、/和/及/与, maybe a label such
 * as "说明:" before them), then a join (":", "为", "是", "均为", "按",
 * "-", "/", or none: "总投资亿元"), then a unit word of at most six
 * characters, maybe followed by 填报/填列/计…, the whole filling a clause
 * up to a stop: "(总投资:亿元)", "总投资为亿元", "总投资按亿元填报",
 * "总投资、年度计划投资:亿元", "总投资亿元,年度计划投资万元". These were
 * no statement at all: the amounts were read as 万元 with exit 0.
 * "总投资亿元以上项目" (a size class), "总投资10亿元" (a figure) state
 * none. The forms with 单位, 金额 or 以…计 are next_unit's. Returns
 * money_unit() (1 or -1) with *exp, the unit in text and the subject in
 * *subj, *subj_len, *at past the clause; 0 when there is no more.
 */
static int next_col_unit(const char **at, int *exp, char *text, size_t size, const char **subj,
			 size_t *subj_len)
{
	static const char *const joins[] = { ":", "均为", "都是", "统一为", "为", "是", "按照",
					     "按", "-", "—", "/" };
	static const char *const tails[] = { "填报", "填列", "填写", "列示", "计算", "统计", "计" };
	const char *p = *at;

	while (*p) {
		const char *sb = p, *se = p, *last = NULL, *r, *wend, *b;
		size_t stop, chars = 0, wn;
		int u, e = 0;

		while (*se && !clause_stop(se))
			se++;
		stop = *se ? clause_stop(se) : 0;
		p = se + stop;
		/* The last name of a column of money in the clause. */
		for (size_t i = 0; i < sizeof(money_col_words) / sizeof(money_col_words[0]); i++) {
			size_t wl = strlen(money_col_words[i]);

			for (const char *q = sb; q && q + wl <= se;
			     q = memmem(q + 1, (size_t)(se - q - 1), money_col_words[i], wl))
				if (!memcmp(q, money_col_words[i], wl) && (!last || q + wl > last))
					last = q + wl;
		}
		if (!last)
			continue;
		r = last;
		if (starts_with(r, (size_t)(se - r), "额"))
			r += strlen("额");
		if (memmem(r, (size_t)(se - r), "单位", strlen("单位")) ||
		    memmem(r, (size_t)(se - r), "金额", strlen("金额")))
			continue;
		for (size_t i = 0; i < sizeof(joins) / sizeof(joins[0]); i++)
			if (starts_with(r, (size_t)(se - r), joins[i])) {
				r += strlen(joins[i]);
				break;
			}
		wend = se;
		for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++)
			if ((size_t)(se - r) > strlen(tails[i]) &&
			    ends_with(r, (size_t)(se - r), tails[i])) {
				wend = se - strlen(tails[i]);
				break;
			}
		wn = (size_t)(wend - r);
		for (size_t i = 0; i < wn; i++)
			chars += ((unsigned char)r[i] & 0xC0) != 0x80;
		if (!wn || chars > 6 || has_digit(r, wn) || starts_with(r, wn, "以") ||
		    !(u = money_unit(r, wn, &e)))
			continue;
		/* The subject: back from the name to a ":" or the clause's start. */
		for (b = sb; memchr(b, ':', (size_t)(last - b));)
			b = (const char *)memchr(b, ':', (size_t)(last - b)) + 1;
		if (!names_one_column(b, (size_t)(last - b)))
			continue;
		if (wn >= size)
			for (wn = size - 1; wn && ((unsigned char)r[wn] & 0xC0) == 0x80; wn--)
				;
		snprintf(text, size, "%.*s", (int)wn, r);
		*exp = e;
		*subj = b;
		*subj_len = (size_t)(last - b);
		*at = se;
		return u;
	}
	*at = p;
	return 0;
}

/*
 * The next statement of a unit of money in `norm` from *at, as next_unit
 * reads them or, without 单位, as next_col_unit does, whichever comes
 * first; the same results as next_unit.
 */
static int next_stated(const char *norm, const char **at, int *exp, char *text, size_t size,
		       const char **subj, size_t *subj_len)
{
	const char *a1 = *at, *a2 = *at, *s1 = NULL, *s2 = NULL;
	size_t l1 = 0, l2 = 0;
	char t2[32];
	int e1 = 0, e2 = 0, u1, u2;

	u1 = next_unit(norm, &a1, &e1, text, size, &s1, &l1);
	u2 = next_col_unit(&a2, &e2, t2, sizeof(t2), &s2, &l2);
	if (u2 && (!u1 || s2 < s1)) {
		snprintf(text, size, "%s", t2);
		*exp = e2;
		*subj = s2;
		*subj_len = l2;
		*at = a2;
		return u2;
	}
	if (!u1)
		return 0;
	*exp = e1;
	*subj = s1;
	*subj_len = l1;
	*at = a1;
	return u1;
}

/*
 * The clauses of `norm` (NFKC) stating the unit of one or more columns
 * (next_stated, names_one_column), added to cl (line and title left to
 * the caller; a clause already there once). With `rest`, what is left of
 * `norm` without them (a clause filling its brackets goes with them, one
 * after a separator with it): the text the table's unit is read from.
 * Returns how many were found.
 */
static size_t column_clauses(const char *norm, struct col_clauses *cl, struct tz_buf *rest)
{
	const char *at = norm, *subj, *prev = norm;
	size_t subj_len, found = 0;
	char text[32];
	int exp = 0, unit;

	while ((unit = next_stated(norm, &at, &exp, text, sizeof(text), &subj, &subj_len))) {
		const char *from = subj, *to = at;
		size_t k;

		if (!names_one_column(subj, subj_len))
			continue;
		found++;
		for (k = 0; k < cl->n; k++)
			if (cl->c[k].exp == exp && cl->c[k].unit == unit &&
			    strlen(cl->c[k].subj) == subj_len && !memcmp(cl->c[k].subj, subj, subj_len))
				break;
		if (k == cl->n && cl->n < COL_CLAUSES_MAX) {
			struct col_clause *cc = &cl->c[cl->n++];

			memset(cc, 0, sizeof(*cc));
			snprintf(cc->clause, sizeof(cc->clause), "%.*s", (int)(at - subj), subj);
			snprintf(cc->subj, sizeof(cc->subj), "%.*s", (int)subj_len, subj);
			snprintf(cc->text, sizeof(cc->text), "%s", text);
			cc->unit = unit;
			cc->exp = exp;
		}
		if (!rest)
			continue;
		if (from > prev && from[-1] == '(' && *to == ')') {
			from--;
			to++;
		} else if (from > prev && strchr(",;", from[-1])) {
			from--;
		} else if (from - prev >= 3 && !strncmp(from - 3, "、", 3)) {
			from -= 3;
		}
		tz_buf_add(rest, prev, (size_t)(from - prev));
		prev = to;
	}
	if (rest)
		tz_buf_adds(rest, prev);
	return found;
}

/* The length of field f's name before its unit: "总投资" of
 * "总投资(万元)". */
static size_t field_name(const struct tz_header *h, size_t f, const char **name)
{
	const char *paren = strchr(h->cols[f].header, '(');

	*name = h->cols[f].header;
	return paren ? (size_t)(paren - *name) : strlen(*name);
}

/* Whether name [s, s + n) ends with a name of clause subject `subj`
 * (a list joined by 、/和/及/与, "其中" before a name dropped) of at
 * least two characters: "完成投资" names 本期完成投资 (walkthrough 16,
 * "单位：万元（完成投资：亿元）" over 本期完成投资 was said to name no
 * column read). */
static int subject_ends(const char *subj, const char *s, size_t n)
{
	static const char *const joins[] = { "、", "和", "及", "与" };
	size_t sn = strlen(subj), k = 0;

	while (k < sn) {
		size_t e = k, jl = 0, b = k;

		while (e < sn && !jl) {
			for (size_t i = 0; i < sizeof(joins) / sizeof(joins[0]) && !jl; i++)
				if (starts_with(subj + e, sn - e, joins[i]))
					jl = strlen(joins[i]);
			if (!jl)
				e++;
		}
		if (starts_with(subj + b, e - b, "其中"))
			b += strlen("其中");
		if (e - b >= 6 && n >= e - b &&
		    !memcmp(s + n - (e - b), subj + b, e - b))
			return 1;
		k = e + jl;
	}
	return 0;
}

/* Whether clause cc names field f ("其中总投资" names 总投资), by its
 * name or by `written`, its column's header as the sheet writes it
 * (本月完成投资 for 本期完成投资), up to a bracket, or by the end of
 * either (subject_ends: "完成投资"). */
static int clause_names(const struct tz_header *h, const struct col_clause *cc, size_t f,
			const char *written)
{
	const char *name, *cut;
	size_t n = field_name(h, f, &name), sn = strlen(cc->subj);

	if (!cc->line)
		return 0;
	if (memmem(cc->subj, sn, name, n) || subject_ends(cc->subj, name, n))
		return 1;
	cut = strstr(written, "（");
	n = cut ? (size_t)(cut - written) : strlen(written);
	if ((cut = memchr(written, '(', n)) != NULL)
		n = (size_t)(cut - written);
	return n && (memmem(cc->subj, sn, written, n) != NULL || subject_ends(cc->subj, written, n));
}

/* Whether a clause of cl names field f (clause_names; `written` as
 * there) and states the unit 10^exp 万元 it is read in. */
static int clause_agrees(const struct tz_header *h, const struct col_clauses *cl, size_t f,
			 const char *written, int exp)
{
	for (size_t k = 0; k < cl->n; k++)
		if (clause_names(h, &cl->c[k], f, written) && cl->c[k].unit > 0 &&
		    cl->c[k].exp == exp)
			return 1;
	return 0;
}

/*
 * The clauses of cell text `s` (`norm`: its NFKC without spaces) stating
 * one column's unit, into cl (column_clauses), with what is left of the
 * text in rest: read with runs of spaces ending words first (in "单位：万元
 * 　其中总投资单位：亿元" the second clause is about 其中总投资, not
 * 万元其中总投资), without spaces only when that reads nothing ("总 投 资
 * 单 位 ： 亿 元"). Returns how many were found.
 */
static size_t clauses_out(const char *s, const char *norm, struct col_clauses *cl,
			  struct tz_buf *rest)
{
	struct tz_buf kept = TZ_BUF_INIT;
	size_t found = 0;
	int read = 0;

	if (!tz_text_nfkc(s, strlen(s), &kept)) {
		const char *a = kept.buf, *sj;
		size_t sl;
		char t[32];
		int e;

		unit_fold(&kept, 1);
		read = next_stated(kept.buf, &a, &e, t, sizeof(t), &sj, &sl) != 0;
		found = column_clauses(kept.buf, cl, rest);
	}
	if (!found && !read) {
		tz_buf_reset(rest);
		found = column_clauses(norm, cl, rest);
	}
	if (!found)
		tz_buf_reset(rest);
	tz_buf_release(&kept);
	return found;
}

/*
 * The unit of money `s`, a cell above the header or a cell of the header
 * row naming no column, states for the table: a short statement filling
 * the cell (unit_statement: "单位/亿元", "(亿元)", "金额:亿元"), the unit
 * in brackets closing a title when `title` (the row's only text:
 * "2025年重点项目台账(亿元)"), else the first clause next_unit finds.
 * Returns nonzero with *unit 1 (a unit the import knows, *unit_exp its
 * power of ten), -1 (a foreign currency, which cannot be converted) or 2
 * (two different units, both named in text), and the name in text; else
 * 0. Spaces inside do not count ("单 位：亿元"), but when nothing is
 * read without them a run of spaces ends a word ("单位：亿元　　填报单位：
 * 某局", audit 8, 2026-11-30). With `cc` (may be NULL), a clause stating
 * the unit of one column (struct col_clause) goes there, not into the
 * table's unit, which is then the first clause about the table, if any.
 */
static int table_unit(const char *s, int title, int *unit, int *unit_exp, char *text,
		      size_t size, struct col_clauses *cc)
{
	struct tz_buf norm = TZ_BUF_INIT, rest = TZ_BUF_INIT;
	const char *at, *subj;
	size_t subj_len;
	char currency[32];

	*unit = 0;
	if (!tz_text_nfkc(s, strlen(s), &norm)) {
		drop_spaces(&norm);
		/* "(币种:美元,单位:万元)": the amounts are not in yuan,
		 * whatever the unit (walkthrough 14). */
		if (currency_statement(norm.buf, currency, sizeof(currency))) {
			*unit = -1;
			*unit_exp = 0;
			snprintf(text, size, "%s", currency);
			goto out;
		}
		if (cc && clauses_out(s, norm.buf, cc, &rest)) {
			/* The table's unit is read from what is left: the
			 * first clause about the table, if any. */
			s = rest.buf;
			tz_buf_reset(&norm);
			if (tz_text_nfkc(s, strlen(s), &norm))
				goto out;
			drop_spaces(&norm);
		}
		/* A row of one text: "亿元" alone is the table's unit. */
		*unit = unit_statement(norm.buf, norm.len, title, unit_exp, text, size);
		if (!*unit && norm.len && norm.buf[norm.len - 1] == ')') {
			/* The bracket closing the title, with any inside it:
			 * "(单位:万元(港币))" (walkthrough 14); or closing a group
			 * heading in a row of several above the header, "投资情况
			 * （万美元）" over a bare 总投资, which was passed over and
			 * the amounts read as 人民币万元 (walkthrough 15). Such a
			 * heading counts only when it names a foreign currency:
			 * its 亿元 may be one group's of several (an open item,
			 * docs/audits/audit9-findings.md, walkthrough 15). */
			const char *open = NULL;
			int depth = 0;

			for (size_t i = norm.len; i-- > 0 && !open;)
				if (norm.buf[i] == ')')
					depth++;
				else if (norm.buf[i] == '(' && !--depth)
					open = norm.buf + i;
			if (open)
				*unit = unit_statement(open, (size_t)(norm.buf + norm.len - open), 0,
						       unit_exp, text, size);
			if (!title && *unit > 0)
				*unit = 0;
		}
		if (!*unit) {
			at = norm.buf;
			*unit = next_unit(norm.buf, &at, unit_exp, text, size, &subj, &subj_len);
		}
		/* "单位：亿元　　填报单位：某局": a run of spaces ends a word. */
		tz_buf_reset(&norm);
		if (!*unit && !tz_text_nfkc(s, strlen(s), &norm)) {
			unit_fold(&norm, 1);
			at = norm.buf;
			*unit = next_unit(norm.buf, &at, unit_exp, text, size, &subj, &subj_len);
		}
	}
out:
	tz_buf_release(&norm);
	tz_buf_release(&rest);
	return *unit != 0;
}

/*
 * Whether a cell of the header row states a unit for the table: it says
 * 单位 (备注（单位：亿元）, 项目名称（金额单位：亿元）) or is nothing but a
 * statement ("亿元", "（单位：亿元）": unit_statement), or states one
 * column's in its brackets ("备注（总投资：亿元）": column_clauses). A column's own
 * name with its unit (签约金额（亿元）, 外资金额（万美元）) is that
 * column's, which the import does not read: taken for the table, it made
 * plain 总投资 26000 be read as 亿元 (the walkthrough, 2026-12-01).
 */
static int header_cell_states_unit(const char *s)
{
	struct tz_buf norm = TZ_BUF_INIT;
	char text[32];
	int exp, states = 0;

	if (!tz_text_nfkc(s, strlen(s), &norm)) {
		struct col_clauses cl = { .n = 0 };
		const char *br;

		drop_spaces(&norm);
		/* "备注（总投资：亿元）": a column's clause without 单位 in the
		 * cell's brackets too (walkthrough 16), checked as one above
		 * the header is; not a column's own name with its unit
		 * ("本年完成投资亿元"), which is that column's. */
		br = strchr(norm.buf, '(');
		states = strstr(norm.buf, "单位") != NULL ||
			 unit_statement(norm.buf, norm.len, 1, &exp, text, sizeof(text)) != 0 ||
			 (br && column_clauses(br, &cl, NULL) != 0);
	}
	tz_buf_release(&norm);
	return states;
}

/*
 * Whether `s`, the only text of a row above the header (`title`, as in
 * table_unit) that states the table's unit, is a title saying more than
 * the unit ("2025年重点项目台账（单位：亿元）", "重点项目台账（亿元）"):
 * not a statement of the unit alone ("单位：亿元", "（亿元）": unit_statement)
 * and not a line of the sheet's particulars starting with a label
 * ("单位：亿元　　填报单位：某局", "填报单位：某局　单位：亿元"). A message
 * about the unit quotes such a title, as the other messages about a
 * title do (walkthrough 13).
 */
static int unit_in_title(const char *s, int title)
{
	static const char *const labels[] = { "单位", "金额单位", "计量单位", "金额", "填报",
					      "填表", "制表", "编制", "报送", "审核", "联系",
					      "注:", "备注", "说明" };
	struct tz_buf norm = TZ_BUF_INIT;
	char text[32];
	int exp, in_title = 0;

	if (title && !tz_text_nfkc(s, strlen(s), &norm)) {
		drop_spaces(&norm);
		in_title = norm.len && !unit_statement(norm.buf, norm.len, 1, &exp, text, sizeof(text));
		for (size_t i = 0; in_title && i < sizeof(labels) / sizeof(labels[0]); i++)
			if (starts_with(norm.buf, norm.len, labels[i]))
				in_title = 0;
	}
	tz_buf_release(&norm);
	return in_title;
}

/* `s` into dst (`size` bytes), cut where a character starts when too long. */
static void copy_whole_chars(char *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (n >= size) {
		n = size - 1;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/*
 * Takes the unit of money cell text `s` (table_unit; `title` as there),
 * in row `line`, into the table's: the first one stated is the table's
 * (*unit, *unit_exp, its name in `text`, *line_at its row); another cell
 * or row stating a different one ("单位：万元" and, three cells on,
 * "单位：亿元"; auditor's audit 8, 2026-11-30) makes *unit 2 with both
 * names in `text` and the later row in *other_line, as one cell naming
 * two units does: the amounts cannot be read in either. `at_title` and
 * `other_title` (TITLE_QUOTE_MAX bytes each) get the text of the
 * row *line_at and of *other_line when it is a title (unit_in_title),
 * else "", for the messages to quote. Each clause stating one or more
 * columns' unit goes into cc with its line (struct col_clause).
 */
static void also_unit(const char *s, int title, long line, int *unit, int *unit_exp,
		      char *text, size_t size, long *line_at, long *other_line, char *at_title,
		      char *other_title, struct col_clauses *cc)
{
	size_t had = cc->n;
	char t[32] = "";
	int u = 0, e = 0, any;

	any = table_unit(s, title, &u, &e, t, sizeof(t), cc);
	for (size_t k = had; k < cc->n; k++) {
		cc->c[k].line = line;
		copy_whole_chars(cc->c[k].title, TITLE_QUOTE_MAX, unit_in_title(s, title) ? s : "");
	}
	if (*unit == 2 || !any)
		return;
	if (!*unit || u == 2) {
		*unit = u;
		*unit_exp = e;
		snprintf(text, size, "%s", t);
		*line_at = line;
		*other_line = 0;
		copy_whole_chars(at_title, TITLE_QUOTE_MAX, unit_in_title(s, title) ? s : "");
		other_title[0] = '\0';
	} else if (u != *unit || e != *unit_exp) {
		size_t used = strlen(text);

		snprintf(text + used, size - used, "、%s", t);
		*unit = 2;
		*other_line = line;
		copy_whole_chars(other_title, TITLE_QUOTE_MAX, unit_in_title(s, title) ? s : "");
	}
}

/*
 * Whether a row's one text s is a group heading over some of the header's
 * columns rather than the table's title ("投资情况（亿元）", "计划投资
 * (亿元)", "资金来源（万元）" alone in its row): before its first bracket
 * a short name of money (投资, 资金, 金额, …情况) naming no year, table,
 * list or projects (not "2025年重点项目投资计划表（亿元）"). Only how
 * messages name the row (walkthrough 14 and 15: it was called a 标题).
 */
static int group_heading_text(const char *s)
{
	static const char *const no[] = { "表", "台账", "清单", "项目", "年", "单位", "计划书" };
	static const char *const yes[] = { "投资", "资金", "金额", "情况" };
	const char *b = strstr(s, "（"), *p = strchr(s, '(');
	size_t n;

	if (!b || (p && p < b))
		b = p;
	if (!b || b == s || (size_t)(b - s) > 8 * 3)
		return 0;
	n = (size_t)(b - s);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (memmem(s, n, no[i], strlen(no[i])))
			return 0;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (memmem(s, n, yes[i], strlen(yes[i])))
			return 1;
	return 0;
}

/*
 * How a message names row `line` stating the table's unit: "第3行", or
 * "第1行的标题“2025年重点项目台账（单位：亿元）”" when `title` (the row's
 * text when it is a title, also_unit) is not "" (walkthrough 13: the
 * title's line was named but not the title); "第1行表头上方的分组标题
 * “投资情况（亿元）”" when that text is a group heading
 * (group_heading_text). Returns buf.
 */
static const char *unit_row_name(long line, const char *title, char *buf, size_t size)
{
	if (title[0] && group_heading_text(title))
		snprintf(buf, size, "第%ld行表头上方的分组标题“%s”", line, title);
	else if (title[0])
		snprintf(buf, size, "第%ld行的标题“%s”", line, title);
	else
		snprintf(buf, size, "第%ld行", line);
	return buf;
}

/* The name of the unit 10^exp 万元 (header.h). */
const char *tz_header_unit_name(int exp)
{
	switch (exp) {
	case 8: return "万亿元";
	case 4: return "亿元";
	case 3: return "千万元";
	case 2: return "百万元";
	case 1: return "十万元";
	case 0: return "万元";
	case -1: return "千元";
	case -4: return "元";
	default: return "?";
	}
}

/* ------------------------------------------------------------------ */
/* The ledger's year in a title row                                     */

/*
 * The year a title cell names: 0 when it names none or is a date of
 * filling, printing or reporting (填报日期：2024年12月30日 is when the
 * sheet was made, not the ledger's year), -1 when it names more than one
 * year (2024-2025年重点项目台账, “十四五”重点项目（2021-2025年）), which
 * gives no year. Rule: ledger.md, "What real sheets hold" (audit 2026-11-30).
 */
static int title_year_of(const char *s, size_t len)
{
	static const char *const dated[] = { "日期", "时间", "截至", "截止", "填报", "填表",
					     "制表", "报送", "打印", "编制" };
	struct tz_buf b = TZ_BUF_INIT;
	int found = 0;

	if (tz_text_fold_width(s, len, &b))
		goto out;
	/* A bracketed date of making (（2025年12月编制）) is cut off; a
	 * date keyword left, or a cell that is only a date (2024年12月),
	 * names no year of the ledger. */
	for (char *o; (o = strstr(b.buf, "(")) != NULL;) {
		char *c = strstr(o, ")");
		int drop = 0;

		for (size_t k = 0; k < sizeof(dated) / sizeof(dated[0]) && !drop; k++) {
			char *at = strstr(o, dated[k]);

			drop = at && (!c || at < c);
		}
		if (!drop)
			break;
		*o = '\0';
		b.len = (size_t)(o - b.buf);
	}
	for (size_t k = 0; k < sizeof(dated) / sizeof(dated[0]); k++)
		if (strstr(b.buf, dated[k]))
			goto out;
	{
		int y, m, d, n = 0;

		if ((sscanf(b.buf, "%4d年%2d月%2d日%n", &y, &m, &d, &n) == 3 ||
		     sscanf(b.buf, "%4d年%2d月%n", &y, &m, &n) == 2) && (size_t)n == b.len)
			goto out;
	}
	for (size_t i = 0; i + 4 <= b.len && found >= 0; i++) {
		const char *p = b.buf + i;
		int year = 0, k;

		if (i && b.buf[i - 1] >= '0' && b.buf[i - 1] <= '9')
			continue;
		for (k = 0; k < 4 && p[k] >= '0' && p[k] <= '9'; k++)
			year = year * 10 + (p[k] - '0');
		if (k < 4 || (i + 4 < b.len && p[4] >= '0' && p[4] <= '9'))
			continue;
		if (year < TZ_PERIOD_YEAR_MIN || year > TZ_PERIOD_YEAR_MAX)
			continue;
		/* 2024-2025年: a four-digit number is a year only with 年
		 * after it or a range mark joining it to one. */
		if (i + 4 < b.len && p[4] != '-' && strncmp(p + 4, "年", 3) &&
		    strncmp(p + 4, "—", 3) && strncmp(p + 4, "～", 3) && strncmp(p + 4, "至", 3) &&
		    p[4] != '~')
			continue;
		if (found && found != year)
			found = -1;
		else
			found = year;
	}
out:
	tz_buf_release(&b);
	return found;
}

/* ------------------------------------------------------------------ */
/* Choosing a column per field                                          */

/*
 * A unit written on some money columns of the header only ("总投资（亿元）"
 * beside a plain "年度计划投资", a two-row header with "（亿元）" under one
 * column, a progress "累计完成投资（亿元）" beside a plain "本期完成投资"):
 * the clerk wrote the unit once, and the plain column read in 万元 would
 * be 10^4 times too small (audit 9, finding W2, 2026-12-01). With no unit
 * for the table, a read money column that states none while another
 * read money column states one other than 万元 — or, when none states
 * one, a header cell the import does not read — refuses the file
 * (h->unit_plain and its message, judged by tz_header_units_end: a note
 * below the table may still name the column's unit). A unit of 万元
 * elsewhere is what the plain column is read in anyway: no refusal.
 */
/*
 * A report's year-to-date column beside 本月 (TZ_RF_YTD) whose header
 * states no unit while another header cell states one other than 万元:
 * its unit is not known, so it is not read (nor checked) and is named
 * among the columns not read, as before issue 7 — a column never
 * stored does not refuse the file (unit_on_some leaves it out).
 */
static void drop_ytd(struct tz_header *h, const struct hrow *r)
{
	int i = h->idx[TZ_RF_YTD];

	if (!h->progress || i < 0 || h->unit_stated[TZ_RF_YTD])
		return;
	for (size_t k = 0; k < r->n; k++)
		if (r->c[k].unit > 0 && r->c[k].unit_exp) {
			h->idx[TZ_RF_YTD] = -1;
			tz_buf_addf(&h->unread, "%s%s", h->unread.len ? "、" : "", r->text[i]);
			return;
		}
}

static void unit_on_some(struct tz_header *h, const struct hrow *r)
{
	int plain = -1, other = -1, other_exp = 0, stated = 0;

	for (size_t f = 0; f < h->nfields; f++) {
		int i = h->idx[f];

		if (i < 0 || !h->cols[f].money)
			continue;
		if (!h->unit_stated[f]) {
			/* A plain year-to-date beside 本月 is dropped instead
			 * (drop_ytd): it is read only to be checked. */
			if (plain < 0 && !(h->progress && f == TZ_RF_YTD))
				plain = (int)f;
			continue;
		}
		stated = 1;
		if (h->unit_exp[f] && other < 0) {
			other = i;
			other_exp = h->unit_exp[f];
		}
	}
	/* A column the import does not read (合同金额（亿元）) speaks for the
	 * plain ones only when no read column states a unit: beside
	 * 总投资（万元） the plain plan is 万元 (the walkthrough, 2026-12-01). */
	if (plain < 0)
		return;
	for (size_t i = 0; i < r->n && other < 0 && !stated; i++) {
		const struct cellinfo *c = &r->c[i];
		int exp = c->unit > 0 ? c->unit_exp : 0;

		if (exp) {
			other = (int)i;
			other_exp = exp;
		}
	}
	if (other < 0)
		return;
	h->unit_plain = plain + 1;
	snprintf(h->unit_plain_msg, sizeof(h->unit_plain_msg),
		 "“%s”没有写金额单位，而“%s”写的是%s：不知道“%s”的金额该按哪个单位读，"
		 "整个文件未导入；请在表头注明单位（如“%s（%s）”）",
		 r->text[h->idx[plain]], r->text[other], tz_header_unit_name(other_exp),
		 r->text[h->idx[plain]], r->text[h->idx[plain]], tz_header_unit_name(other_exp));
}

/*
 * Whether header cell `s`, NFKC-folded and without spaces, is one of
 * `names` (NULL-ended) or, ASCII case aside, `ascii` (may be NULL).
 */
static int header_named(const char *s, const char *const *names, const char *ascii)
{
	struct tz_buf b = TZ_BUF_INIT;
	int r = 0;

	if (!tz_text_nfkc(s, strlen(s), &b)) {
		drop_spaces(&b);
		for (size_t k = 0; names[k] && !r; k++)
			r = !strcmp(b.buf, names[k]);
		r = r || (ascii && !strcasecmp(b.buf, ascii));
	}
	tz_buf_release(&b);
	return r;
}

/*
 * Whether a header cell names a column of units: 单位, 金额单位, 计量单位,
 * 货币单位 (spaces and brackets aside). Its cells then state, row by
 * row, the unit of the amounts (audit 9, finding W3b, 2026-12-01).
 */
static int unit_column(const char *s)
{
	static const char *const names[] = { "单位", "金额单位", "计量单位", "货币单位", "投资单位",
					     NULL };

	return header_named(s, names, NULL);
}

static int figure_column(const char *s);

/*
 * Whether a header cell names a column of currencies: 币种, 币别, 货币,
 * 货币种类, 计价货币, 结算币种… (spaces aside; not 货币资金, a sum).
 * Its cells state, row by row, the currency of the amounts, which must
 * be the yuan (walkthrough 15, 2026-12-02: a 币种 of 美元 was left
 * unread and the amounts stored as 人民币). Since walkthrough 16
 * (2026-12-02: a column 外币种类 of 日元 was listed as 未识别 and the
 * amounts stored as 人民币) any header naming a kind of currency: one
 * holding 币种, 币别 or 币制 (外币币种, 币种（外币）), or 货币/外币
 * followed by 种类, 类型, 类别, 名称 or 代码 (外币种类, 货币类型), or
 * ending in 货币 (投资货币), or "currency" in any case; a header naming
 * a figure (外币金额, 货币资金: 元, 金额, 资金…) is an amount, not a kind.
 */
static int currency_column(const char *s)
{
	static const char *const names[] = { "币种", "币别", "货币", "货币种类", "币种名称", "计价货币",
					     "结算货币", "计价币种", "结算币种", "投资币种", "资金币种",
					     "货币单位币种", NULL };
	static const char *const kinds[] = { "币种", "币别", "币制" };
	static const char *const of[] = { "种类", "类型", "类别", "名称", "代码" };
	struct tz_buf b = TZ_BUF_INIT;
	int r = header_named(s, names, "currency");

	if (r || tz_text_nfkc(s, strlen(s), &b))
		goto out;
	drop_spaces(&b);
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]) && !r; k++)
		r = strstr(b.buf, kinds[k]) != NULL;
	r = r || strcasestr(b.buf, "currency") != NULL;
	if (r || figure_column(b.buf))
		goto out;
	for (const char *w = b.buf; !r && (w = strstr(w, "币")) != NULL; w += strlen("币")) {
		/* "货币" or "外币", then a word of kind, or the end. */
		if (w - b.buf < 3 || (memcmp(w - 3, "货", 3) && memcmp(w - 3, "外", 3)))
			continue;
		r = !w[strlen("币")] && !memcmp(w - 3, "货", 3);
		for (size_t k = 0; k < sizeof(of) / sizeof(of[0]) && !r; k++)
			r = !strncmp(w + strlen("币"), of[k], strlen(of[k]));
	}
out:
	tz_buf_release(&b);
	return r;
}

/* Whether a header cell names a figure: 元, 投资, 金额, 资金, %, 率. */
static int figure_column(const char *s)
{
	static const char *const figures[] = { "元", "投资", "金额", "资金", "%", "％", "率" };

	for (size_t k = 0; k < sizeof(figures) / sizeof(figures[0]); k++)
		if (strstr(s, figures[k]))
			return 1;
	return 0;
}

/*
 * Whether a header cell no field reads names a column of free text: 备注,
 * 说明, 附注, …内容, …情况, …进展, …进度, …问题 (the words of a remark),
 * and no figure (元, 投资, 金额, %, 率). A bare number is no such column's
 * value (header.h, remark_cols).
 */
static int remark_column(const char *s)
{
	static const char *const words[] = { "备注", "说明", "附注", "内容", "情况", "进展",
					     "进度", "问题" };

	/* 投资完成情况（万元）, 完成进度(%): a column of figures. */
	if (figure_column(s))
		return 0;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strstr(s, words[k]))
			return 1;
	return 0;
}

/*
 * Ledgers: a second code column where one of the two says 代码 (项目代码,
 * 投资项目统一代码) and the other does not (项目编号, 编号): the office's
 * own code is the key, the national code its second key (audit 9, W14:
 * dropped as 未识别, a later list keyed by 项目代码 added every project
 * again). Returns 1 when so decided (h->idx and h->natcode_col set).
 */
static int second_code(struct tz_header *h, const struct hrow *r, int cur, size_t i)
{
	int cur_nat = strstr(r->text[cur], "代码") != NULL, i_nat = strstr(r->text[i], "代码") != NULL;

	if (h->progress || h->natcode_col || cur_nat == i_nat)
		return 0;
	h->natcode_col = (cur_nat ? cur : (int)i) + 1;
	h->idx[TZ_PF_CODE] = cur_nat ? (int)i : cur;
	return 1;
}

/*
 * Of two columns under one field's name (choose refuses them), what a
 * hidden one is (audit 9 R9: a hidden copy of an old plan beside the
 * visible one, refused without saying the clerk cannot see it):
 * hidden_mark gives "（隐藏列）" after a hidden column's name, and
 * hidden_advice the end of the message when exactly one of them is
 * hidden. Static strings. Neither column is read: which one the sheet
 * means is still the clerk's to say.
 */
static const char *hidden_mark(const struct tz_header *h, size_t col)
{
	return h->reader && tz_reader_col_hidden(h->reader, col) ? "（隐藏列）" : "";
}

static const char *hidden_advice(const struct tz_header *h, size_t a, size_t b)
{
	int ha = h->reader && tz_reader_col_hidden(h->reader, a);
	int hb = h->reader && tz_reader_col_hidden(h->reader, b);

	if (ha == hb)
		return "";
	return "（其中隐藏列在Excel中看不到，常是留下的旧数据：如不再使用，请取消隐藏后删去该列）";
}

/*
 * Whether a plan column's header text names the adjusted plan: 调整后…,
 * …（调整后）, 调整计划…, 调整年度计划…; never 调整前 (the superseded one).
 */
static int plan_adjusted(const char *text)
{
	return strstr(text, "调整") != NULL && strstr(text, "调整前") == NULL;
}

/* Columns 0..63 read as a field or as the 序号, as column_read says
 * (a missing column's -1 is no index below 64): h->read_cols. */
static uint64_t read_mask(const struct tz_header *h)
{
	uint64_t read = 0;

	if ((unsigned)h->seq_idx < 64)
		read |= UINT64_C(1) << h->seq_idx;
	for (size_t f = 0; f < h->nfields; f++)
		if ((unsigned)h->idx[f] < 64)
			read |= UINT64_C(1) << h->idx[f];
	return read;
}

/* Whether cell c states a unit that is a foreign currency ("万美元",
 * "万元,USD"), as the column's own unit is tested in choose. */
static int cell_foreign(const struct cellinfo *c)
{
	int e;
	char t[32];

	return c->unit < 0 && (money_unit(c->unit_text, strlen(c->unit_text), &e) < 0 ||
			       unit_statement(c->unit_text, strlen(c->unit_text), 1, &e, t,
					      sizeof(t)) < 0);
}

/* A group heading's unit for the columns under it: parent_unit 1 (known,
 * 10^exp 万元), -1 (unknown: exp 1 when it is a foreign currency, whose
 * unit then goes to h->parent_currency), 0 none. */
static void heading_unit(struct tz_header *h, const struct cellinfo *c, int *unit, int *exp)
{
	*unit = c->unit;
	*exp = c->unit < 0 ? cell_foreign(c) : c->unit_exp;
	if (*unit < 0 && *exp && !h->parent_currency[0])
		snprintf(h->parent_currency, sizeof(h->parent_currency), "%s", c->unit_text);
}

static int choose(struct tz_header *h, const struct hrow *r, const int *parent_unit,
		  const int *parent_exp, int table_u, int table_exp, const char *table_text,
		  long table_line, const char *table_title, const struct col_clauses *cc,
		  int year, const char *path, struct tz_err *err)
{
	char a[8], b[8], where[TITLE_QUOTE_MAX + 64];

	for (size_t f = 0; f < h->nfields; f++)
		h->idx[f] = -1;
	h->seq_idx = -1;
	h->natcode_col = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct cellinfo *c = &r->c[i];
		int f = c->field, cur;

		if (c->seq && h->seq_idx < 0)
			h->seq_idx = (int)i;
		if (f < 0)
			continue;
		cur = h->idx[f];
		if (cur >= 0) {
			const struct cellinfo *o = &r->c[cur];

			if (f == TZ_PF_CODE && second_code(h, r, cur, i))
				continue;
			if (f == TZ_PF_ANNUAL && !h->progress && c->year != o->year) {
				/*
				 * Two plan columns, one naming a year the other
				 * does not name (2025年计划投资 beside 年度计划投资,
				 * or 2024年… beside 2025年…): the ledger's year
				 * chooses, whatever the names' preference — its
				 * own column, else one naming no year — and the
				 * summary says which was read. Without a year
				 * (a 年度 column alone, rows of several years)
				 * nothing chooses: refused, naming both.
				 */
				int cs = c->year == year ? 2 : !c->year, os = o->year == year ? 2 : !o->year;
				const struct cellinfo *win = cs > os ? c : o;

				if (!year)
					return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
						"“%s”和“%s”两列都是年度计划投资，年份不同，不知道该读哪一列；"
						"请用 --year 指定台账年度，或删去其中一列",
						r->text[cur], r->text[i]);
				if (win->year == year)
					tz_buf_addf(&h->notes, "本台账是%d年度，年度计划投资读取“%s”，未读取“%s”；",
						    year, r->text[cs > os ? i : (size_t)cur],
						    r->text[cs > os ? (size_t)cur : i]);
				if (cs <= os)
					goto not_read;
			} else if (f == TZ_PF_ANNUAL && !h->progress &&
				   plan_adjusted(r->text[i]) != plan_adjusted(r->text[cur])) {
				/*
				 * The plan beside its mid-year adjustment
				 * (年度计划投资 and 调整后年度计划, 年度计划（调整后）,
				 * 调整计划投资): the adjusted plan supersedes the
				 * other, as the sheet's own words say; the
				 * summary names the column not read
				 * (walkthrough 6, 2026-12-01; audit 9 W9 had
				 * refused the pair).
				 */
				int c_adj = plan_adjusted(r->text[i]);

				tz_buf_addf(&h->notes, "年度计划投资读取调整后的“%s”，未读取调整前的“%s”；",
					    r->text[c_adj ? i : (size_t)cur], r->text[c_adj ? (size_t)cur : i]);
				if (!c_adj)
					goto not_read;
			} else if (h->cols[f].money && o->rank != c->rank) {
				/*
				 * Two amounts under two names of one field
				 * (项目总投资 beside 总投资, 计划总投资 beside
				 * 估算总投资): which the sheet means cannot be
				 * known, and reading one by the names' order
				 * stores a wrong number in silence. Names of
				 * text fields (所属地区 before 建设地点) keep
				 * their order.
				 */
				col_letters((size_t)cur, a);
				col_letters(i, b);
				return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
					"第%s列“%s”%s和第%s列“%s”%s都是“%s”，两列金额不知道该读哪一列，"
					"整个文件未导入；请删去其中一列，或把另一列改用别的名称%s",
					a, r->text[cur], hidden_mark(h, (size_t)cur), b, r->text[i],
					hidden_mark(h, i), h->cols[f].header,
					hidden_advice(h, (size_t)cur, i));
			} else if (o->rank < c->rank) {
				goto not_read;
			} else if (o->rank == c->rank) {
				col_letters((size_t)cur, a);
				col_letters(i, b);
				return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
					"第%s列“%s”%s和第%s列“%s”%s都是“%s”，不知道该读哪一列；"
					"请删去或改名其中一列%s",
					a, r->text[cur], hidden_mark(h, (size_t)cur), b, r->text[i],
					hidden_mark(h, i), h->cols[f].header,
					hidden_advice(h, (size_t)cur, i));
			}
			/* c replaces o: o is not read. */
			tz_buf_addf(&h->unread, "%s%s", h->unread.len ? "、" : "", r->text[cur]);
		}
		h->idx[f] = (int)i;
		continue;
not_read:
		tz_buf_addf(&h->unread, "%s%s", h->unread.len ? "、" : "", r->text[i]);
	}
	/* Units: the column's own, else its group heading's, else the table's. */
	for (size_t f = 0; f < h->nfields; f++) {
		int i = h->idx[f], e;
		const struct cellinfo *c;
		char t[32];

		h->unit_exp[f] = 0;
		if (i < 0 || !h->cols[f].money)
			continue;
		c = &r->c[i];
		/* "总投资(万元,USD)", "总投资(万美元)": a currency, said so
		 * (walkthrough 15). */
		if (c->unit < 0 && (money_unit(c->unit_text, strlen(c->unit_text), &e) < 0 ||
				    unit_statement(c->unit_text, strlen(c->unit_text), 1, &e, t,
						   sizeof(t)) < 0))
			return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
					     "“%s”的单位“%s”无法换算为万元，整个文件未导入：这是外币，"
					     "金额不是人民币；请折算为人民币后写在“%s”列",
					     r->text[i], c->unit_text, h->cols[f].header);
		if (c->unit < 0)
			return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
					     "“%s”的单位“%s”无法换算为万元，整个文件未导入"
					     "（可用的单位：元、千元、万元、百万元、亿元）",
					     r->text[i], c->unit_text);
		/* A currency stated for the table ("单位：万元（港币）" over
		 * "总投资(万元)"): the amounts are not 人民币, whatever the
		 * header says; not a conflict of units, whose advice (delete
		 * one of them) would store them as 人民币 (walkthrough 15). */
		if (table_u < 0)
			return tz_err_set_at(err, TZ_EINVAL, path, table_line, NULL,
					     "%s注明的表格单位“%s”无法换算为万元，整个文件未导入：这是"
					     "外币，金额不是人民币；请把金额折算为人民币后重新导入",
					     unit_row_name(table_line, table_title, where,
							   sizeof(where)),
					     table_text);
		h->unit_stated[f] = c->unit > 0 || (parent_unit && parent_unit[i]) || table_u;
		if (c->unit > 0) {
			h->unit_exp[f] = c->unit_exp;
		} else if (parent_unit && parent_unit[i]) {
			if (parent_unit[i] < 0 && parent_exp[i])
				return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
						     "“%s”上方表头的单位“%s”无法换算为万元，整个文件未导入："
						     "这是外币，金额不是人民币；请把金额折算为人民币后重新导入",
						     r->text[i], h->parent_currency);
			if (parent_unit[i] < 0)
				return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
						     "“%s”上方表头的单位无法换算为万元，整个文件未导入",
						     r->text[i]);
			h->unit_exp[f] = parent_exp[i];
		} else if (table_u) {
			h->unit_exp[f] = table_exp;
			if (table_exp) {
				size_t used = strlen(h->table_exp_cols);

				h->table_exp = table_exp;
				h->table_exp_line = table_line;
				unit_row_name(table_line, table_title, h->table_exp_where,
					      sizeof(h->table_exp_where));
				if (used + strlen(r->text[i]) + 8 < sizeof(h->table_exp_cols))
					snprintf(h->table_exp_cols + used,
						 sizeof(h->table_exp_cols) - used, "%s“%s”",
						 used ? "、" : "", r->text[i]);
			}
			continue;
		}
		/* The table's unit and the column's own differ: the amounts
		 * are in one of them, and nothing says which. */
		if (table_u && (c->unit > 0 || (parent_unit && parent_unit[i] > 0)) &&
		    h->unit_exp[f] != table_exp &&
		    /* "其中总投资单位：亿元" over 总投资(亿元): as it says. */
		    !clause_agrees(h, cc, f, r->text[i], h->unit_exp[f]))
			return tz_err_set_at(err, TZ_EINVAL, path, table_line, h->cols[f].header,
					     "%s注明金额单位为%s，而第%ld行“%s”的单位是%s：不知道金额该按"
					     "哪个单位读，整个文件未导入；请删去其中一处，或改为一致",
					     unit_row_name(table_line, table_title, where, sizeof(where)),
					     table_text, h->line, r->text[i],
					     tz_header_unit_name(h->unit_exp[f]));
	}
	/* Every money column read took the table's unit, or some had their
	 * own (the same: another is refused above). */
	h->table_exp_all = 1;
	for (size_t f = 0; f < h->nfields && h->table_exp_line; f++)
		if (h->idx[f] >= 0 && h->cols[f].money && (r->c[h->idx[f]].unit > 0 ||
							   (parent_unit && parent_unit[h->idx[f]])))
			h->table_exp_all = 0;
	unit_on_some(h, r);
	drop_ytd(h, r);
	/* A header read without its footnote marks or remark: said. */
	for (size_t f = 0; f < h->nfields; f++)
		if (h->idx[f] >= 0 && r->c[h->idx[f]].marked && h->cols[f].money)
			tz_buf_addf(&h->notes, "表头“%s”读作“%s”（注释标记和括号中的说明不是列名）；",
				    r->text[h->idx[f]], r->c[h->idx[f]].read_as);
	/* 项目代码, 投资项目统一代码, 统一代码: never 编号 or 编码. */
	h->code_national = !h->progress && h->idx[TZ_PF_CODE] >= 0 &&
			   strstr(r->text[h->idx[TZ_PF_CODE]], "代码") != NULL;
	h->rf_code_national = h->progress && h->idx[TZ_RF_CODE] >= 0 &&
			      strstr(r->text[h->idx[TZ_RF_CODE]], "代码") != NULL;
	h->code_weak = !h->progress && h->idx[TZ_PF_CODE] >= 0 && !h->code_national &&
		       !strstr(r->text[h->idx[TZ_PF_CODE]], "项目编号");
	if (!h->progress && h->idx[TZ_PF_ANNUAL] >= 0) {
		int i = h->idx[TZ_PF_ANNUAL];

		h->plan_year = r->c[i].year;
		/* Another year's plan is not this ledger's plan. */
		if (year && h->plan_year && h->plan_year != year) {
			tz_buf_addf(&h->notes, "“%s”不是%d年度的计划，未读取；", r->text[i], year);
			tz_buf_addf(&h->unread, "%s%s", h->unread.len ? "、" : "", r->text[i]);
			h->idx[TZ_PF_ANNUAL] = -1;
			h->plan_year = 0;
		}
	}
	/* Columns named nothing the import reads. */
	for (size_t i = 0; i < r->n; i++) {
		const struct cellinfo *c = &r->c[i];

		if (!c->blank && c->field < 0 && !c->seq && i < 64 && unit_column(r->text[i]))
			h->unit_cols |= UINT64_C(1) << i;
		if (!c->blank && c->field < 0 && !c->seq && i < 64 && remark_column(r->text[i]))
			h->remark_cols |= UINT64_C(1) << i;
		if (!c->blank && c->field < 0 && !c->seq && i < 64 && currency_column(r->text[i]))
			h->currency_cols |= UINT64_C(1) << i;
		/* Every column, read or not: a field's own kind wins (import.c,
		 * money_column), and a column named like a field but not read
		 * (another year's 年度计划投资) holds figures still. */
		if (!c->blank && i < 64 && figure_column(r->text[i]))
			h->figure_cols |= UINT64_C(1) << i;
		if (i < 64) {
			size_t n = strlen(r->text[i]);

			/* Cut on a character's boundary (no continuation byte next). */
			if (n > sizeof(h->col_text[i]) - 1)
				for (n = sizeof(h->col_text[i]) - 1;
				     n && ((unsigned char)r->text[i][n] & 0xC0) == 0x80; n--)
					;
			memcpy(h->col_text[i], r->text[i], n);
			h->col_text[i][n] = '\0';
		}

		if (!c->blank && c->field < 0 && !c->seq && !strstr(h->unread.buf, r->text[i]))
			tz_buf_addf(&h->unread, "%s%s", h->unread.len ? "、" : "", r->text[i]);
	}
	return 0;
}

/*
 * A money field the file lacks (f; a required one's refusal already in
 * err) whose name a header cell writes but for a remark not known
 * ("总投资（亿元）（待定）", marked_key): the message names that column
 * and what was not understood. For a required field it is added to
 * err's message (returns `rc`); for the ledger's plan, which is
 * optional, the file is refused (TZ_EINVAL): without the column every
 * project would have no plan, in silence (audit 9, R22). 0 when no
 * cell nearly names f.
 */
static int near_column(const struct tz_header *h, const struct hrow *r, size_t f, int rc,
		       const char *path, struct tz_err *err)
{
	const char *paren = strchr(h->cols[f].header, '(');
	int nl = paren ? (int)(paren - h->cols[f].header) : (int)strlen(h->cols[f].header);
	const char *name = h->cols[f].header;
	char a[8];

	for (size_t i = 0; i < r->n; i++) {
		const struct cellinfo *c = &r->c[i];
		size_t used = strlen(err->msg);

		if (c->near != (int)f + 1)
			continue;
		col_letters(i, a);
		/* A remark naming a currency ("总投资(万元)(港币)"): the amounts
		 * are not 人民币, and renaming the column would store them as
		 * such (walkthrough 14). */
		if (foreign_currency(c->near_text, strlen(c->near_text))) {
			if (rc) {
				snprintf(err->msg + used, sizeof(err->msg) - used,
					 "；第%s列“%s”像是%.*s，但括号中的“%s”是外币，金额不是人民币，"
					 "未读取；请折算为人民币后写在“%s”列",
					 a, r->text[i], nl, name, c->near_text, c->read_as);
				return rc;
			}
			return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
					     "第%s列“%s”像是%.*s，但括号中的“%s”是外币，金额不是人民币，"
					     "未读取；不读这一列，各项目就没有%.*s，整个文件未导入；请折算"
					     "为人民币后写在“%s”列", a, r->text[i], nl, name, c->near_text,
					     nl, name, c->read_as);
		}
		if (rc) {
			snprintf(err->msg + used, sizeof(err->msg) - used,
				 "；第%s列“%s”像是%.*s，但括号中的“%s”不知道是什么意思，未读取；"
				 "如果就是%.*s，请把列名改为“%s”",
				 a, r->text[i], nl, name, c->near_text, nl, name, c->read_as);
			return rc;
		}
		return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[f].header,
				     "第%s列“%s”像是%.*s，但括号中的“%s”不知道是什么意思，未读取；"
				     "不读这一列，各项目就没有%.*s，整个文件未导入；如果就是%.*s，"
				     "请把列名改为“%s”", a, r->text[i], nl, name, c->near_text, nl,
				     name, nl, name, c->read_as);
	}
	return rc;
}

/*
 * A required money field f the header lacks (rc, err: missing_columns's
 * refusal) whose name a comma of the CSV cut in two: "总投资(万元,USD)"
 * written unquoted is the cells "总投资(万元" and "USD)" (walkthrough 15:
 * the message only said 总投资(万元) was missing). The message then names
 * both cells and, when what the bracket holds is a foreign currency,
 * says the amounts are not 人民币. Returns rc.
 */
static int split_column(const struct tz_header *h, const struct hrow *r, size_t f, int rc,
			struct tz_err *err)
{
	struct tz_buf joined = TZ_BUF_INIT, key = TZ_BUF_INIT, ut = TZ_BUF_INIT;
	struct cellinfo c;
	char a[8], b[8], t[32];
	int e, fx;

	for (size_t i = 0; i + 1 < r->n; i++) {
		const char *open = strchr(r->text[i], '('), *o2 = strstr(r->text[i], "（");
		size_t used = strlen(err->msg);

		if (o2 && (!open || o2 < open))
			open = o2;
		if (!open || strchr(open, ')') || strstr(open, "）") ||
		    (!strchr(r->text[i + 1], ')') && !strstr(r->text[i + 1], "）")))
			continue;
		tz_buf_reset(&joined);
		tz_buf_addf(&joined, "%s,%s", r->text[i], r->text[i + 1]);
		cell_read(h, joined.buf, joined.len, joined.buf, &c, &key, &ut);
		if (c.field != (int)f)
			continue;
		fx = c.unit < 0 && (money_unit(c.unit_text, strlen(c.unit_text), &e) < 0 ||
				    unit_statement(c.unit_text, strlen(c.unit_text), 1, &e, t,
						   sizeof(t)) < 0);
		col_letters(i, a);
		col_letters(i + 1, b);
		snprintf(err->msg + used, sizeof(err->msg) - used,
			 "；第%s列“%s”和第%s列“%s”像是一个列名“%s”被逗号分成了两列（CSV文件中"
			 "含逗号的列名要加引号）%s%s%s", a, r->text[i], b, r->text[i + 1], joined.buf,
			 fx ? "；括号中的单位“" : "", fx ? c.unit_text : "",
			 fx ? "”是外币，金额不是人民币，请折算为人民币后导入" : "");
		break;
	}
	tz_buf_release(&joined);
	tz_buf_release(&key);
	tz_buf_release(&ut);
	return rc;
}

static int missing_columns(struct tz_header *h, const char *path, struct tz_err *err)
{
	struct tz_buf missing = TZ_BUF_INIT;
	int rc = 0;

	for (size_t f = 0; f < h->nfields; f++) {
		if (!h->cols[f].required || h->idx[f] >= 0)
			continue;
		/* A ledger without a region column may take it from 责任单位. */
		if (!h->progress && f == TZ_PF_REGION && h->idx[TZ_PF_UNIT] >= 0)
			continue;
		/* Published lists rarely carry a 项目编号 (ledger.md). */
		if (!h->progress && f == TZ_PF_CODE)
			continue;
		/* A report's month stated by its title alone. */
		if (h->progress && f == TZ_RF_PERIOD && h->period_from_title)
			continue;
		/* A report naming its project by region and name. */
		if (h->progress && f == TZ_RF_CODE && h->idx[TZ_RF_NAME] >= 0 &&
		    h->idx[TZ_RF_REGION] >= 0)
			continue;
		tz_buf_addf(&missing, "%s%s", missing.len ? "、" : "", h->cols[f].header);
	}
	if (missing.len)
		rc = tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
				   "表头（第%ld行）缺少必需的列：%s", h->line, missing.buf);
	tz_buf_release(&missing);
	return rc;
}

/* Keep a copy of a row (the first data row after the header). */
static void keep_pending(struct tz_header *h, const struct tz_row *row)
{
	tz_buf_reset(&h->pending_text);
	h->pending_cells = tz_xrealloc(h->pending_cells, (row->ncells + 1) * sizeof(char *));
	h->pending_lens = tz_xrealloc(h->pending_lens, (row->ncells + 1) * sizeof(size_t));
	for (size_t i = 0; i < row->ncells; i++) {
		h->pending_lens[i] = row->lens[i];
		tz_buf_add(&h->pending_text, row->cells[i], row->lens[i]);
		tz_buf_addch(&h->pending_text, '\0');
	}
	for (size_t i = 0, off = 0; i < row->ncells; i++) {
		h->pending_cells[i] = h->pending_text.buf + off;
		off += row->lens[i] + 1;
	}
	h->pending = *row;
	h->pending.cells = h->pending_cells;
	h->pending.lens = h->pending_lens;
	h->have_pending = 1;
}

static int row_blank(const struct tz_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (!tz_text_is_blank(row->cells[i], row->lens[i]))
			return 0;
	return 1;
}

/*
 * Whether `next`, the row under header `top`, is a row of units for the
 * columns above ("", "", "亿元", "(亿元)"): each cell with text is a unit
 * (unit_statement, bare allowed) -- or the header's own text, a header
 * cell merged down over both rows -- and one at least is. Returns 1 with the
 * units given to top's cells that state none, 0 when `next` is not such a
 * row, or TZ_EINVAL naming `path` and `line` when a cell names two units
 * or a unit other than the one its column's own name states.
 */
static int unit_row(struct hrow *top, const struct hrow *next, long line, const char *path,
		    struct tz_err *err)
{
	struct tz_buf norm = TZ_BUF_INIT;
	int units = 0, rc = 0, other = 0;

	for (size_t pass = 0; pass < 2 && !rc && !other; pass++)
		for (size_t i = 0; i < next->n && !rc; i++) {
			char text[32] = "";
			int exp = 0, u = 0;

			if (next->c[i].blank)
				continue;
			/* A header cell merged down over both rows (项目编号 over
			 * A1:A2), filled by the reader: no cell of this row
			 * (audit 9, R23). */
			if (i < top->n && !top->c[i].blank && !strcmp(next->text[i], top->text[i]))
				continue;
			tz_buf_reset(&norm);
			if (!tz_text_nfkc(next->text[i], strlen(next->text[i]), &norm)) {
				drop_spaces(&norm);
				u = unit_statement(norm.buf, norm.len, 1, &exp, text, sizeof(text));
			}
			if (!u) {
				other = 1;
				break;
			}
			units++;
			if (!pass)
				continue;
			if (u == 2) {
				rc = tz_err_set_at(err, TZ_EINVAL, path, line, NULL,
						   "第%ld行第%zu列注明单位为%s，写了不同的单位，不知道金额该按"
						   "哪个单位读，整个文件未导入；请只写一个单位",
						   line, i + 1, text);
				break;
			}
			if (i >= top->n || top->c[i].blank)
				continue;
			if (top->c[i].unit && (top->c[i].unit != u || top->c[i].unit_exp != exp)) {
				rc = tz_err_set_at(err, TZ_EINVAL, path, line, NULL,
						   "第%ld行在“%s”下注明单位为%s，与表头写的单位“%s”不同："
						   "不知道金额该按哪个单位读，整个文件未导入",
						   line, top->text[i], text, top->c[i].unit_text);
				break;
			}
			top->c[i].unit = u;
			top->c[i].unit_exp = exp;
			snprintf(top->c[i].unit_text, sizeof(top->c[i].unit_text), "%s", text);
		}
	tz_buf_release(&norm);
	if (other)
		return 0;
	return rc ? rc : units > 0;
}

/*
 * Whether a title row names a span of months ("1-10月", "1至10月",
 * "1～10月", "1—10月") or says 累计: the figures below it may be the
 * span's sum. Read after NFKC (full-width digits and ～ fold).
 */
static int names_months_span(const char *s)
{
	static const char *const joins[] = { "-", "~", "至", "—", "–", "－", "～", "到" };
	struct tz_buf f = TZ_BUF_INIT;
	const char *p;
	int r = 0;

	if (!strstr(s, "月") && !strstr(s, "累计"))
		return 0;
	if (title_fold(s, &f))
		return 0;
	if (strstr(f.buf, "累计")) {
		r = 1;
		goto out;
	}
	/* A month number, a join, a month number, 月. */
	for (p = f.buf; !r && (p = strstr(p, "月")); p += strlen("月")) {
		const char *q = p;

		while (q > f.buf && q[-1] >= '0' && q[-1] <= '9')
			q--;
		if (q == p)
			continue;
		for (size_t j = 0; !r && j < sizeof(joins) / sizeof(joins[0]); j++) {
			size_t l = strlen(joins[j]);

			if ((size_t)(q - f.buf) >= l + 1 && !memcmp(q - l, joins[j], l) &&
			    q[-(long)l - 1] >= '0' && q[-(long)l - 1] <= '9')
				r = 1;
		}
	}
out:
	tz_buf_release(&f);
	return r;
}

/* The year written as exactly four digits just before p (a 年 in the
 * text starting at buf), or 0. */
static int year_before(const char *buf, const char *p)
{
	int y = 0;

	if (p - buf < 4 || (p - buf > 4 && p[-5] >= '0' && p[-5] <= '9'))
		return 0;
	for (int k = -4; k < 0; k++) {
		if (p[k] < '0' || p[k] > '9')
			return 0;
		y = y * 10 + (p[k] - '0');
	}
	return y;
}

/*
 * Chinese numerals in a report title's dates (walkthrough 15: "二〇二五年
 * 十月…", "2025年十月份…", "第三季度"): the value of the numeral at p
 * (n bytes left) and its length in *len, -1 when none. Digits 〇○零一…九
 * one by one (`digits`, a year) or, else, a number to 31 written with 十
 * (十, 十二, 二十五, 三十一).
 */
static int cn_digit(const char *p, size_t n)
{
	static const char *const d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八",
					 "九" };

	if (starts_with(p, n, "○") || starts_with(p, n, "零"))
		return 0;
	for (int i = 0; i < 10; i++)
		if (starts_with(p, n, d[i]))
			return i;
	return -1;
}

static int cn_number(const char *p, size_t n, int digits, size_t *len)
{
	int v = 0, k = 0, d;
	size_t i = 0;

	if (digits) {
		for (; k < digits && (d = cn_digit(p + i, n - i)) >= 0; k++, i += 3)
			v = v * 10 + d;
		*len = i;
		return k == digits ? v : -1;
	}
	if ((d = cn_digit(p, n)) > 0) {
		v = d;
		i = 3;
	}
	if (starts_with(p + i, n - i, "十")) {
		v = (i ? v : 1) * 10;
		i += 3;
		if ((d = cn_digit(p + i, n - i)) > 0) {
			v += d;
			i += 3;
		}
	}
	*len = i;
	return i ? v : -1;
}

/* Whether folded text [s, s + n) ends with what may stand before a month
 * or a quarter written in Chinese numerals (title_fold). */
static int cn_lead(const char *s, size_t n)
{
	static const char *const lead[] = { "年", "(", "截至", "截止", "至", "到", "、", "-", "~",
					    "和", "及", "第", "【", "[" };

	for (size_t k = 0; k < sizeof(lead) / sizeof(lead[0]); k++)
		if (ends_with(s, n, lead[k]))
			return 1;
	return 0;
}

/*
 * A report title as its dates are read (walkthrough 15): NFKC, no
 * spaces ("2025 年 10 月"), Chinese numerals before 年 (four digits),
 * 月, 日/号 and 季度 as digits ("二〇二五年十月" is "2025年10月",
 * "第三季度" "第3季度"; never elsewhere: "十四五" stays), and a dotted,
 * slashed or hyphenated year and month ("2025.10", "2025/10/5") as
 * "2025年10月" ("2025年10月5日"). 0, or the error of tz_text_nfkc or
 * tz_buf_add (TZ_ETOOBIG) with *out released.
 */
static int title_fold(const char *s, struct tz_buf *out)
{
	/* What may follow a numeral read: 月, 日, 号, 季, or a join to the
	 * end of a span ("一至十月"). */
	static const char *const after[] = { "月", "日", "号", "季", "至", "到", "-", "~", "—",
					     "～" };
	struct tz_buf b = TZ_BUF_INIT;
	int rc;

	tz_buf_init(out, 0);
	if ((rc = tz_text_nfkc(s, strlen(s), &b)) != 0)
		goto out;
	drop_spaces(&b);
	for (size_t i = 0; i < b.len && !rc;) {
		const char *p = b.buf + i;
		size_t n = b.len - i, l = 0;
		int v = -1, prev_cn = i >= 3 && (cn_digit(p - 3, 3) >= 0 || starts_with(p - 3, 3, "十"));

		if (!prev_cn && (v = cn_number(p, n, 4, &l)) >= 0 && starts_with(p + l, n - l, "年")) {
			/* a year: four numerals */
		} else if (!prev_cn && (v = cn_number(p, n, 0, &l)) > 0) {
			int ok = 0;

			/* 月, 季 and a span's start after the start, a 年, a
			 * bracket or a word of range or list (not "一月一调度"
			 * in a sentence); 日 and 号 after a month. */
			for (size_t k = 0; k < sizeof(after) / sizeof(after[0]) && !ok; k++)
				ok = starts_with(p + l, n - l, after[k]) &&
				     (k == 1 || k == 2 ? ends_with(out->buf, out->len, "月") :
				      !out->len || cn_lead(out->buf, out->len));
			if (!ok)
				v = -1;
		} else {
			v = -1;
		}
		if (v >= 0) {
			rc = tz_buf_addf(out, "%0*d", l == 12 ? 4 : 1, v);
			i += l;
			continue;
		}
		/* 2025.10, 2025/10/5, 2025-10: four digits, a mark, a month. */
		if (p[0] >= '0' && p[0] <= '9' && !(i && p[-1] >= '0' && p[-1] <= '9')) {
			int y = 0, m = 0, d = 0, k = 0, j, e;
			char mark;

			for (; k < 4 && k < (int)n && p[k] >= '0' && p[k] <= '9'; k++)
				y = y * 10 + (p[k] - '0');
			mark = k == 4 && n > 4 ? p[4] : 0;
			if (mark == '.' || mark == '/' || mark == '-') {
				for (j = 5; j < 7 && j < (int)n && p[j] >= '0' && p[j] <= '9'; j++)
					m = m * 10 + (p[j] - '0');
				e = j;
				if (j < (int)n && p[j] == mark && j + 1 < (int)n && p[j + 1] >= '0' &&
				    p[j + 1] <= '9') {
					for (e = j + 1; e < j + 3 && e < (int)n && p[e] >= '0' && p[e] <= '9'; e++)
						d = d * 10 + (p[e] - '0');
				}
				if (j > 5 && m >= 1 && m <= 12 && y >= TZ_PERIOD_YEAR_MIN &&
				    y <= TZ_PERIOD_YEAR_MAX && (e == (int)n || ((p[e] < '0' || p[e] > '9') &&
				    p[e] != '.' && !starts_with(p + e, n - (size_t)e, "年")))) {
					if (d)
						rc = tz_buf_addf(out, "%d年%d月%d日", y, m, d);
					else
						rc = tz_buf_addf(out, "%d年%d%s", y, m,
								 starts_with(p + e, n - (size_t)e, "月") ?
								 "" : "月");
					i += (size_t)e;
					continue;
				}
			}
		}
		rc = tz_buf_add(out, p, 1);
		i++;
	}
out:
	tz_buf_release(&b);
	if (rc)
		tz_buf_release(out);
	return rc;
}

/* Whether folded text at p (n bytes) is a day after a month: one or two
 * digits and 日 or 号 ("5日"): the month is then a date's. */
static int day_after(const char *p, size_t n)
{
	size_t k = 0;

	while (k < 2 && k < n && p[k] >= '0' && p[k] <= '9')
		k++;
	return k && (starts_with(p + k, n - k, "日") || starts_with(p + k, n - k, "号"));
}

/*
 * The year a report title names (title_year_of on title_fold's text,
 * walkthrough 15: "二〇二五年十月…"), and a row that is only a year
 * and month ("2025年10月", "2025年10月份", a second title row under
 * "2025年重点项目调度表") names its year: in a report it is the period,
 * where title_year_of passes over a ledger's date of making.
 */
static int report_title_year(const char *s)
{
	struct tz_buf b = TZ_BUF_INIT;
	int y, yy = 0, m = 0, n = 0;

	if (title_fold(s, &b))
		return 0;
	y = title_year_of(b.buf, b.len);
	if (!y && sscanf(b.buf, "%4d年%2d月%n", &yy, &m, &n) == 2 &&
	    ((size_t)n == b.len || !strcmp(b.buf + n, "份")) && yy >= TZ_PERIOD_YEAR_MIN &&
	    yy <= TZ_PERIOD_YEAR_MAX && m >= 1 && m <= 12)
		y = yy;
	tz_buf_release(&b);
	return y;
}

/*
 * A date of one day in a report title ("重点项目调度表（2025年11月5日）",
 * "截至2025年10月25日…", "2025.11.5"): 1 with the date as written after
 * title_fold into date (size bytes: "2025年11月5日"), its month in *at
 * (at->year 0 when it gives no year: the caller may know it from the
 * title, walkthrough 16) and *until 1 when 截至/截止 precedes
 * it; 0 when none. A day is not a report's period (walkthrough 15): a
 * plain date is when the sheet was filled or printed; a 截至 date says
 * the figures run to that day, in that month.
 */
static int title_date_of(const char *s, struct tz_period *at, int *until, char *date, size_t size)
{
	static const char *const marks[] = { "截至", "截止", "截至到", "截止到", "截止至" };
	struct tz_buf b = TZ_BUF_INIT;
	int found = 0;

	if (!strstr(s, "日") && !strstr(s, "号"))
		return 0;
	if (title_fold(s, &b))
		return 0;
	for (const char *p = b.buf; !found && (p = strstr(p, "月")) != NULL; p += strlen("月")) {
		const char *q = p, *start, *e = p + strlen("月");
		int mon = 0, y;

		while (q > b.buf && p - q < 2 && q[-1] >= '0' && q[-1] <= '9')
			q--;
		if (q == p || (q > b.buf && q[-1] >= '0' && q[-1] <= '9') ||
		    !day_after(e, b.len - (size_t)(e - b.buf)))
			continue;
		for (const char *d = q; d < p; d++)
			mon = mon * 10 + (*d - '0');
		if (mon < 1 || mon > 12)
			continue;
		start = q;
		y = q - b.buf >= 3 && !memcmp(q - 3, "年", 3) ? year_before(b.buf, q - 3) : 0;
		if (y)
			start = q - 7;
		while (e < b.buf + b.len && *e >= '0' && *e <= '9')
			e++;
		e += 3; /* 日 or 号 */
		at->year = y;
		at->month = mon;
		*until = 0;
		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			*until |= ends_with(b.buf, (size_t)(start - b.buf), marks[k]);
		snprintf(date, size, "%.*s", (int)(e - start), start);
		found = 1;
	}
	tz_buf_release(&b);
	return found;
}

/*
 * The month a report title's 截至 names with no year written before it
 * ("…（截至9月底）", "截至9月", "截止到9月30日", after title_fold): 1..12,
 * with *day 1 when a day follows ("9月30日"), else 0; 0 when there is
 * none ("截至2025年9月底" writes its year: title_end_of, title_date_of).
 * The year is the title's (walkthrough 16).
 */
static int upto_month(const char *s, int *day)
{
	static const char *const until[] = { "截至到", "截止到", "截止至", "截至", "截止" };
	struct tz_buf b = TZ_BUF_INIT;
	int m = 0;

	if (!strstr(s, "截") || title_fold(s, &b))
		return 0;
	for (size_t u = 0; !m && u < sizeof(until) / sizeof(until[0]); u++)
		for (const char *p = strstr(b.buf, until[u]); !m && p; p = strstr(p + 1, until[u])) {
			const char *q = p + strlen(until[u]);
			int k = 0, mon = 0;

			while (k < 3 && q[k] >= '0' && q[k] <= '9')
				mon = mon * 10 + (q[k++] - '0');
			if (!k || k > 2 || mon < 1 || mon > 12 || strncmp(q + k, "月", strlen("月")))
				continue;
			m = mon;
			*day = day_after(q + k + strlen("月"), strlen(q + k + strlen("月")));
		}
	tz_buf_release(&b);
	return m;
}

/*
 * A span of months not from January a report title names with its year
 * ("2025年9-10月重点项目调度表", after title_fold): 1 with the year and
 * the span's first and last months; 0 when none. Two months or more are
 * no one month's report: a 调度期 must be one of them (walkthrough 16,
 * where the refusal said the title named no year and month).
 */
static int title_span_of(const char *s, int *year, int *from, int *to)
{
	struct tz_buf b = TZ_BUF_INIT;
	int found = 0;

	if (!strstr(s, "月") || title_fold(s, &b))
		return 0;
	for (const char *p = b.buf; !found && (p = strstr(p, "年")) != NULL; p += strlen("年")) {
		const char *m = p + strlen("年");
		int y = year_before(b.buf, p), f = 0, t = 0;

		if (y < TZ_PERIOD_YEAR_MIN || y > TZ_PERIOD_YEAR_MAX ||
		    !month_lead(m, b.len - (size_t)(m - b.buf), &f, &t) || f <= 1)
			continue;
		*year = y;
		*from = f;
		*to = t;
		found = 1;
	}
	tz_buf_release(&b);
	return found;
}

/*
 * The quarter a report title names ("2025年第三季度重点项目调度表",
 * "2025年3季度…", after title_fold): 1..4 with its year in *year, 0
 * when none or no year before it. A quarter is three months, no one
 * month's report: a 调度期 (column or --period) must be one of them
 * (walkthrough 15).
 */
static int title_quarter_of(const char *s, int *year)
{
	struct tz_buf b = TZ_BUF_INIT;
	int q = 0;

	if (!strstr(s, "季") || title_fold(s, &b))
		return 0;
	for (const char *p = b.buf; !q && (p = strstr(p, "季度")) != NULL; p += strlen("季度")) {
		const char *d = p - 1, *y;

		if (d < b.buf || *d < '1' || *d > '4' || (d > b.buf && d[-1] >= '0' && d[-1] <= '9'))
			continue;
		y = d - (d - b.buf >= 3 && !memcmp(d - 3, "第", 3) ? 3 : 0);
		if (y - b.buf < 3 || memcmp(y - 3, "年", 3) || !(*year = year_before(b.buf, y - 3)))
			continue;
		q = *d - '0';
	}
	tz_buf_release(&b);
	return q;
}

/*
 * The "one month or none" tail of title_month_of and title_end_of: a
 * title names its month once or several times over, never two months.
 * one_month_seen records month y-mon in *one, found being what the
 * title has given so far (0 none, 1 *one); returns 1, or -1 when it
 * differs from *one (the title names two months: none). one_month_of
 * gives *one in *out when exactly one month was found; returns 1 then,
 * else 0 with *out untouched.
 */
static int one_month_seen(struct tz_period *one, int found, int y, int mon)
{
	if (found && (one->year != y || one->month != mon))
		return -1;
	one->year = y;
	one->month = mon;
	return 1;
}

static int one_month_of(const struct tz_period *one, int found, struct tz_period *out)
{
	if (found > 0)
		*out = *one;
	return found > 0;
}

/*
 * The one month a report's title cell names: "2025年10月重点项目调度表",
 * "2025年10月份…", "2025年10月上旬…" (a ten-day report rolls up into its
 * month). 0 when it names none, a span or 累计 (names_months_span: the
 * cumulative check reads those), several months, or is a date of filling
 * (title_year_of gives no year); else 1 with *out. Audit 9, W5.
 */
static int title_month_of(const char *s, struct tz_period *out)
{
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_period one = { 0, 0 };
	int year = report_title_year(s), found = 0;
	const char *p;

	/* "2025.10" says 月 only once folded. */
	if (year <= 0 || names_months_span(s))
		return 0;
	if (title_fold(s, &b))
		goto out;
	/* YYYY年M月 or YYYY年MM月, the year the title's. */
	for (p = b.buf; (p = strstr(p, "年")) != NULL; p += strlen("年")) {
		const char *m = p + strlen("年");
		int y = year_before(b.buf, p), mon = 0, k;

		if (y != year)
			continue;
		for (k = 0; k < 2 && m[k] >= '0' && m[k] <= '9'; k++)
			mon = mon * 10 + (m[k] - '0');
		if (!k || strncmp(m + k, "月", strlen("月")) || mon < 1 || mon > 12 ||
		    day_after(m + k + strlen("月"), strlen(m + k + strlen("月"))))
			continue;
		if ((found = one_month_seen(&one, found, y, mon)) < 0)
			break;
	}
out:
	tz_buf_release(&b);
	return one_month_of(&one, found, out);
}

/*
 * How many months a title names: runs of digits followed by 月 ("2025年
 * 10月、11月" names two, which title_month_of reads as 10 alone), after
 * width folding. A 调度期 taken from the title needs exactly one.
 */
static int title_months(const char *s)
{
	struct tz_buf b = TZ_BUF_INIT;
	int n = 0;

	if (title_fold(s, &b))
		n = -1;
	for (const char *p = b.buf; n >= 0 && p && (p = strstr(p, "月")) != NULL; p += strlen("月"))
		n += p > b.buf && p[-1] >= '0' && p[-1] <= '9' &&
		     !day_after(p + strlen("月"), strlen(p + strlen("月")));
	tz_buf_release(&b);
	return n;
}

/*
 * The distinct months 1..12 a title names (runs of one or two digits
 * before 月, after width folding: "2025年10月份…（截至9月底）" names 10
 * and 9), in the order written, into months[0..max); their names
 * ("10月、9月") into buf (`size` bytes). Returns how many (at most max).
 * A title naming two is no one month's: the period is not taken from it,
 * and --period must be one of them (walkthrough 14).
 */
static int title_month_list(const char *s, int *months, int max, char *buf, size_t size)
{
	struct tz_buf b = TZ_BUF_INIT;
	int n = 0;

	buf[0] = '\0';
	if (title_fold(s, &b))
		goto out;
	for (const char *p = b.buf; (p = strstr(p, "月")) != NULL; p += strlen("月")) {
		int mon = 0, k = 0, dup = 0;
		size_t used = strlen(buf);

		while (k < 3 && p - k > b.buf && p[-k - 1] >= '0' && p[-k - 1] <= '9')
			k++;
		if (!k || k > 2 || day_after(p + strlen("月"), strlen(p + strlen("月"))))
			continue;
		for (int j = k; j > 0; j--)
			mon = mon * 10 + (p[-j] - '0');
		if (mon < 1 || mon > 12)
			continue;
		for (int j = 0; j < n; j++)
			dup |= months[j] == mon;
		if (dup || n == max)
			continue;
		months[n++] = mon;
		snprintf(buf + used, size - used, "%s%d月", used ? "、" : "", mon);
	}
out:
	tz_buf_release(&b);
	return n;
}

/*
 * The month a report's title ends with, when it names the months from
 * January ("2025年1-10月全市重点项目推进情况") or the end of one ("截至
 * 2025年10月底重点项目进展情况表", "截止2025年10月"): 1 with *out, 0
 * when it names neither, names 累计, a day ("截至2025年10月15日") or two
 * such months. Whether the figures below are that month's is the
 * completion column's to say (tz_header_find). Walkthrough p16, p18.
 */
static int title_end_of(const char *s, struct tz_period *out)
{
	static const char *const until[] = { "截至", "截止", "截至到", "截止到", "截止至" };
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_period one = { 0, 0 };
	int found = 0;

	if (!strstr(s, "月") || strstr(s, "累计") || title_fold(s, &b))
		goto out;
	for (const char *p = b.buf; (p = strstr(p, "年")) != NULL; p += strlen("年")) {
		const char *m = p + strlen("年"), *y0 = p - 4;
		size_t lead, rest = b.len - (size_t)(m - b.buf);
		int y = year_before(b.buf, p), from = 0, to = 0, ok = 0;

		if (y < TZ_PERIOD_YEAR_MIN || y > TZ_PERIOD_YEAR_MAX ||
		    !(lead = month_lead(m, rest, &from, &to)))
			continue;
		if (from == 1)
			ok = 1;
		for (size_t u = 0; !from && u < sizeof(until) / sizeof(until[0]) && !ok; u++) {
			size_t l = strlen(until[u]);

			ok = (size_t)(y0 - b.buf) >= l && !memcmp(y0 - l, until[u], l) &&
			     !(lead < rest && m[lead] >= '0' && m[lead] <= '9');
		}
		if (!ok)
			continue;
		if ((found = one_month_seen(&one, found, y, to)) < 0)
			break;
	}
out:
	tz_buf_release(&b);
	return one_month_of(&one, found, out);
}

/* Whether a title names a month ("10月份重点项目调度") but no year: no
 * run of four digits at all. */
static int title_month_noyear(const char *s)
{
	struct tz_buf b = TZ_BUF_INIT;
	int month = 0, digits = 0, year = 0;

	if (!strstr(s, "月") || title_fold(s, &b))
		goto out;
	for (size_t i = 0; i < b.len; i++) {
		if (b.buf[i] >= '0' && b.buf[i] <= '9') {
			year |= ++digits >= 4;
			continue;
		}
		month |= digits && starts_with(b.buf + i, b.len - i, "月");
		digits = 0;
	}
out:
	tz_buf_release(&b);
	return month && !year;
}

/*
 * The last month of a span from January that title s names ("2025年
 * 1-10月…", "１至１０月"): 2..12; 0 when it names none (a span from
 * another month, one month, 累计 alone).
 */
static int jan_span(const char *s)
{
	struct tz_buf f = TZ_BUF_INIT;
	int r = 0;

	if (tz_text_nfkc(s, strlen(s), &f))
		return 0;
	for (size_t i = 0; i < f.len && !r; i++) {
		int from = 0, to = 0;

		if (f.buf[i] != '1' || (i && f.buf[i - 1] >= '0' && f.buf[i - 1] <= '9'))
			continue;
		if (month_lead(f.buf + i, f.len - i, &from, &to) && from == 1 && to > 1 && to <= 12)
			r = to;
	}
	tz_buf_release(&f);
	return r;
}

/* Whether a completion column's header says it is one month's, not
 * 本期: 本月, 当月, 单月 (a "10月" is cellinfo.month). */
static int names_month_only(const char *s)
{
	return strstr(s, "本月") || strstr(s, "当月") || strstr(s, "单月");
}

/*
 * A report with no column of one month's completion and exactly one of
 * the year's so far (cellinfo.cum): that column is read as the
 * completion, h->ytd_only set; the import derives each row's 本期 (audit
 * 9 R17). Several such columns: none is chosen.
 */
static void ytd_column(struct tz_header *h, struct hrow *top, const char *title_span)
{
	int at = -1, jan = title_span[0] ? jan_span(title_span) : 0;

	for (size_t i = 0; i < top->n; i++)
		if (top->c[i].cum && top->c[i].field < 0) {
			if (at >= 0)
				return;
			at = (int)i;
		}
	/* A plain "累计完成投资" under "2025年1-10月…" (walkthrough 8, F8):
	 * the title says the figures run from January, so 累计 is the
	 * year's so far, as "1-10月累计完成投资" is. Without such a title it
	 * may be since the start of works (ledger.md: 开工以来), and is not
	 * read: a since-start figure read as the year's would make a month
	 * too large. */
	if (at < 0 && jan)
		for (size_t i = 0; i < top->n; i++)
			if (top->c[i].plain_cum && top->c[i].field < 0) {
				if (at >= 0)
					return;
				at = (int)i;
				top->c[i].cum = jan;
			}
	if (at < 0)
		return;
	if (hrow_has(top, TZ_RF_COMPLETED)) {
		/* Beside 本月: read to be checked, never stored (issue 7). */
		top->c[at].field = TZ_RF_YTD;
		top->c[at].rank = 0;
		h->ytd_beside_month = top->c[at].cum < 13 ? top->c[at].cum : 0;
		snprintf(h->ytd_text, sizeof(h->ytd_text), "%s", top->text[at]);
		hrow_count(top);
		return;
	}
	top->c[at].field = TZ_RF_COMPLETED;
	top->c[at].rank = 0;
	h->ytd_only = 1;
	h->ytd_month = top->c[at].cum < 13 ? top->c[at].cum : 0;
	hrow_count(top);
}

/* Whether a completion column's header says it is one month's:
 * 本月, 本期, 当月 (or a single 月 such as "10月完成投资"). */
static int names_one_month(const char *s)
{
	return strstr(s, "本月") || strstr(s, "本期") || strstr(s, "当月") || strstr(s, "单月");
}

/*
 * The columns of a report: tz_progress_columns, then the 项目名称 and
 * 所属地区 a report may carry (header.h, TZ_RF_NAME). The region's names
 * are those of a region (所属地区, 县(市、区)…), not of a place
 * (建设地点 names a town): the cell is checked against the ledger's.
 */
static const struct tz_column *report_columns(struct tz_header *h)
{
	memcpy(h->rf_cols, tz_progress_columns, sizeof(tz_progress_columns));
	/* 是否开工 (是/否): read by the import as 已开工/未开工 (audit 9, R6). */
	h->rf_cols[TZ_RF_STATUS].names = TZ_HEADER_STATUS_NAMES;
	h->rf_cols[TZ_RF_NAME] = tz_project_columns[TZ_PF_NAME];
	h->rf_cols[TZ_RF_NAME].field = TZ_RF_NAME;
	h->rf_cols[TZ_RF_NAME].required = 0;
	h->rf_cols[TZ_RF_REGION] = (struct tz_column){
		TZ_RF_REGION, "所属地区",
		"所属地区|所属县区|所属县(市、区)|县(市、区)|县(市区)|县市区|县区|所在县区|"
		"所在县(市、区)|地区|所在地区|区域|属地", 0, 0 };
	/* No name: only ytd_column gives a column this field. */
	h->rf_cols[TZ_RF_YTD] = (struct tz_column){ TZ_RF_YTD, "自年初累计完成投资(万元)", "", 0, 1 };
	return h->rf_cols;
}

/*
 * A report whose completion column is missing (missing_columns refused
 * it) but that has a completion column naming a year ("2025年完成投资"):
 * the refusal says why that column is not read. TZ_EINVAL, err replaced.
 */
static int year_to_date(const struct tz_header *h, const struct hrow *top, const char *path,
			struct tz_err *err)
{
	char missing[sizeof(err->msg)];

	memcpy(missing, err->msg, sizeof(missing));
	for (size_t i = 0; i < top->n; i++)
		if (top->c[i].ytd)
			return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
					     "%.200s；“%.80s”写的是年份，是全年或年初以来的累计完成数，"
					     "不是一个月的本期完成投资，整个文件未导入；如果是当月数，"
					     "请把列名改为“本月完成投资”", missing, top->text[i]);
	return TZ_EINVAL;
}

/*
 * What a report's best header row (best_has: 1 << field of the fields it
 * has) lacks, and how to give it, as the end of the refusal: a report
 * is matched to the ledger by 项目编号 or by 所属地区 and 项目名称, and
 * its period comes from 调度期 or the title (is_header). The walkthrough
 * (2026-12-01, p24) got "缺少“项目编号”；表头应同时有“项目编号”和
 * “调度期”" under a title that gave the period: it named a column the
 * sheet needs not have and one it did not lack. Into buf; returns buf.
 */
static const char *report_lacks(const struct tz_header *h, unsigned has, char *buf, size_t size)
{
	int code = !!(has & (1u << TZ_RF_CODE)), name = !!(has & (1u << TZ_RF_NAME));
	int region = !!(has & (1u << TZ_RF_REGION));
	int period = (has & (1u << TZ_RF_PERIOD)) || h->title_period.year || h->title_end.year ||
		     h->opt_period.year;
	const char *match = "";

	if (!code && name && region)
		match = "";
	else if (!code && name)
		match = "缺少“项目编号”列，也没有“所属地区”列：调度表按项目编号，或按所属地区和项目名称"
			"对应台账中的项目；请加“项目编号”列或“所属地区”列";
	else if (!code && region)
		match = "缺少“项目编号”列，也没有“项目名称”列：调度表按项目编号，或按所属地区和项目名称"
			"对应台账中的项目；请加“项目编号”列或“项目名称”列";
	else if (!code)
		match = "缺少“项目编号”列：调度表按项目编号，或按所属地区和项目名称对应台账中的项目；"
			"请加“项目编号”列，或加“所属地区”和“项目名称”列";
	if (!*match && period && !(has & (1u << TZ_RF_COMPLETED)) && !(has & (1u << TZ_RF_PERIOD))) {
		/* The period is the title's or --period's: what is missing is
		 * the completion (walkthrough 16: the message asked for 调度期
		 * under "2025年1-10月…"). */
		snprintf(buf, size, "缺少本期完成投资列，调度期%s：请加一列当月的完成投资（如“本月完成投资"
			 "（万元）”），或只留一列年初以来的累计数（如“自年初累计完成投资（万元）”）",
			 h->opt_period.year ? "按 --period 读" : "按标题读");
		return buf;
	}
	if (!*match && period) {
		snprintf(buf, size, "识别出的列太少：调度表至少要有项目编号（或所属地区和项目名称）、"
			 "调度期和本期完成投资等列");
		return buf;
	}
	snprintf(buf, size, "%s%s%s", match, *match && !period ? "，并" : !period ? "缺少“调度期”：请" : "",
		 period ? "" : "加“调度期”列，或在标题中写明年月（如“2025年10月重点项目调度表”）");
	return buf;
}

/*
 * A report's title row `s` (line `line`) naming no one month nor the end
 * of one (walkthrough 15): a quarter ("2025年第三季度…") or a 截至 day
 * ("截至2025年10月25日…") gives the months a 调度期 may name
 * (h->title_allow, the first such title); a date of one day is kept for
 * the refusal when no period is known (h->title_date, the first). A 截至
 * day written without its year is in `title_year`, the year of the title
 * (this row's or one above; 0: none), and a span of months not from
 * January ("2025年9-10月…") gives its months (walkthrough 16: "2025年…
 * （截至9月30日）" took --period 2025-10, and the refusals said the
 * titles named no year and month).
 */
static void title_no_month(struct tz_header *h, long line, const char *s, int title_year)
{
	static const char *const cn[] = { "", "一", "二", "三", "四" };
	struct tz_period at = { 0, 0 };
	int q, year = 0, until = 0, from = 0, to = 0, written;
	char date[32];

	if (!h->title_allow && title_span_of(s, &year, &from, &to)) {
		h->title_allow = ((1u << (to + 1)) - 1) & ~((1u << from) - 1);
		h->title_allow_year = year;
		snprintf(h->title_allow_says, sizeof(h->title_allow_says), "%d年%d-%d月（%d个月）", year,
			 from, to, to - from + 1);
		snprintf(h->title_allow_text, sizeof(h->title_allow_text), "%s", s);
		h->title_allow_line = line;
	}

	if ((q = title_quarter_of(s, &year)) && !h->title_allow) {
		h->title_allow = 7u << (3 * q - 2);
		h->title_allow_year = year;
		snprintf(h->title_allow_says, sizeof(h->title_allow_says), "%d年第%s季度（%d-%d月）",
			 year, cn[q], 3 * q - 2, 3 * q);
		snprintf(h->title_allow_text, sizeof(h->title_allow_text), "%s", s);
		h->title_allow_line = line;
	}
	if (!title_date_of(s, &at, &until, date, sizeof(date)) || h->title_date_line)
		return;
	written = at.year != 0;
	if (!at.year && until)
		at.year = title_year;
	snprintf(h->title_date, sizeof(h->title_date), "%s", date);
	h->title_date_until = until;
	snprintf(h->title_date_text, sizeof(h->title_date_text), "%s", s);
	h->title_date_line = line;
	if (until && at.year && !h->title_allow) {
		h->title_allow = 1u << at.month;
		h->title_allow_year = at.year;
		if (written)
			snprintf(h->title_allow_says, sizeof(h->title_allow_says), "截至%s的情况", date);
		else
			snprintf(h->title_allow_says, sizeof(h->title_allow_says), "截至%d年%s的情况",
				 at.year, date);
		snprintf(h->title_allow_text, sizeof(h->title_allow_text), "%s", s);
		h->title_allow_line = line;
	}
}

/*
 * The month a report title row `s` (line `line`) names after 截至
 * (h->title_upto, the first such row; walkthrough 16): a day, in the year
 * written ("（截至2025年9月30日）") or else `year`, the title's (this row's
 * or one above; 0: none), or the end of a month written without its year
 * ("（截至9月底）", "截至9月"), in `year`.
 */
static void title_upto(struct tz_header *h, long line, const char *s, int year)
{
	struct tz_period at = { 0, 0 };
	int until = 0, day = 0, m;
	char date[32];

	if (h->title_upto_line)
		return;
	if (title_date_of(s, &at, &until, date, sizeof(date)) && until) {
		day = 1;
		if (!at.year)
			at.year = year;
	} else if ((m = upto_month(s, &day)) > 0 && !day) {
		at.year = year;
		at.month = m;
	} else {
		return;
	}
	if (!at.year || at.month < 1 || at.month > 12)
		return;
	h->title_upto = at;
	h->title_upto_day = day;
	snprintf(h->title_upto_text, sizeof(h->title_upto_text), "%s", s);
	h->title_upto_line = line;
}

/*
 * The month a title row that is only a month names ("10月", "10月份",
 * "十月", after title_fold): 1..12, 0 when it is anything else. Under a
 * title naming the year ("2025年重点项目调度表") such a row is that
 * year's month, as "2025年10月" would be (walkthrough 15, where it was
 * refused as naming no year); so is one in brackets, "（10月）"
 * (walkthrough 16).
 */
static int month_row(const char *s)
{
	struct tz_buf b = TZ_BUF_INIT;
	int m = 0, n = 0;
	const char *p;
	size_t len;

	if (!strstr(s, "月") || title_fold(s, &b))
		return 0;
	/* "（10月）", "【10月份】": the month in brackets (walkthrough 16). */
	p = b.buf;
	len = b.len;
	if (len > 2 && (p[0] == '(' || p[0] == '[') && (p[len - 1] == ')' || p[len - 1] == ']')) {
		p++;
		len -= 2;
	} else if (starts_with(p, len, "【") && ends_with(p, len, "】") && len > 6) {
		p += strlen("【");
		len -= 2 * strlen("【");
	}
	if (sscanf(p, "%2d月%n", &m, &n) != 1 || p[0] < '0' || p[0] > '9' ||
	    ((size_t)n != len && ((size_t)n + strlen("份") != len || strncmp(p + n, "份", len - n))) ||
	    m < 1 || m > 12)
		m = 0;
	tz_buf_release(&b);
	return m;
}

/*
 * After the title rows: a title naming one month, or the end of one,
 * is the report's and no other constrains it (h->title_allow cleared);
 * else a title naming months without a year ("10月重点项目调度表") gives
 * them, in any year, when no quarter or 截至 day did (walkthrough 15:
 * --period 2025-09 and 调度期 2025-09 were taken under it in silence).
 */
static void title_allow_noyear(struct tz_header *h)
{
	int months[4], n;
	char names[64];

	if (h->title_period.year || h->title_end.year) {
		h->title_allow = 0;
		return;
	}
	if (h->title_allow || !h->title_noyear[0] ||
	    (n = title_month_list(h->title_noyear, months, 4, names, sizeof(names))) < 1)
		return;
	for (int j = 0; j < n; j++)
		h->title_allow |= 1u << months[j];
	h->title_allow_year = 0;
	snprintf(h->title_allow_says, sizeof(h->title_allow_says), "%s", names);
	snprintf(h->title_allow_text, sizeof(h->title_allow_text), "%s", h->title_noyear);
	h->title_allow_line = h->title_noyear_line;
}

/*
 * Two title rows above the header naming different months (a report:
 * "2025年10月重点项目调度表" over "2025年9月重点项目调度表", last month's
 * title left above this month's): which is the report's cannot be known,
 * as with two units (walkthrough 14, 1b). Called for each cell `s` of
 * row `line` above the header with the one month it names or ends with
 * (`month`, {0, 0}: none) and the year it names (`year`, title_year_of:
 * > 0 one); the first such title is kept in *first_month or *first_year,
 * *first_line and first_text (TITLE_QUOTE_MAX bytes). A title naming the
 * same month or year, or another cell of the same row, passes. Reports:
 * TZ_EINVAL with err at the later line naming both lines and quoting
 * both titles. Ledgers: two titles naming different years keep the rule
 * of audit 2 (the nearer names the year: "关于印发2025年…的通知" over
 * "附件：2024年续建项目清单", t1760), and the notes say both, so the
 * clerk sees the other; 0.
 */
static int two_titles(struct tz_header *h, const char *path, long line, const char *s,
		      const struct tz_period *month, int year, struct tz_period *first_month,
		      int *first_year, long *first_line, char *first_text, struct tz_err *err)
{
	char a[120], b[120];

	if (h->progress ? !month->year : year <= 0)
		return 0;
	if (!*first_line) {
		*first_line = line;
		*first_month = *month;
		*first_year = year;
		copy_whole_chars(first_text, TITLE_QUOTE_MAX, s);
		return 0;
	}
	if (line == *first_line ||
	    (h->progress ? month->year == first_month->year && month->month == first_month->month
			 : year == *first_year))
		return 0;
	copy_whole_chars(a, sizeof(a), first_text);
	copy_whole_chars(b, sizeof(b), s);
	if (h->progress)
		return tz_err_set_at(err, TZ_EINVAL, path, line, NULL,
				     "第%ld行的标题“%s”写的是%d年%d月，第%ld行的标题“%s”写的是%d年%d月，"
				     "两个标题的月份不同，不知道是哪个调度期，整个文件未导入：请删去或改正"
				     "其中一个标题",
				     *first_line, a, first_month->year, first_month->month, line, b,
				     month->year, month->month);
	tz_buf_addf(&h->notes, "第%ld行的标题“%s”写的是%d年，第%ld行的标题“%s”写的是%d年："
		    "年度按离表头最近的标题读；", *first_line, a, *first_year, line, b, year);
	return 0;
}

/*
 * The months a report's titles name: title_month_list of the title
 * naming one month with its year (h->title_text) and, when another row
 * above the header names months without a year ("（截至9月底）" under
 * "2025年10月重点项目调度表"), of that row too: the two rows are read as
 * one title, as "2025年10月份…（截至9月底）" on one row is (walkthrough
 * 15: the second row was ignored and the file stored in 2025-10); and
 * the month of a 截至 (h->title_upto: "（截至2025年9月30日）" on another
 * row, "…（截至9月30日）" on the same; walkthrough 16, where the former
 * was stored in 2025-10 and the one-row "…（截至9月底）" refused). Into
 * months[0..max) with their years in years[] (the title's, the 截至's
 * own), and their names into buf (`size` bytes: "10月、9月", a month of
 * another year with its year); returns how many. title_quote names the
 * title, or both rows, for a message ("第1行的标题“…”和第2行的标题
 * “…”"), into buf; returns buf.
 */
static int title_month_all(const struct tz_header *h, int *months, int *years, int max, char *buf,
			   size_t size)
{
	int n = title_month_list(h->title_text, months, max, buf, size), more[4], k = 0;
	char names[64];

	for (int j = 0; j < n; j++)
		years[j] = h->title_period.year;
	if (h->title_noyear[0] && h->title_noyear_line != h->title_line)
		k = title_month_list(h->title_noyear, more, 4, names, sizeof(names));
	for (int j = 0; j <= k && n < max; j++) {
		int dup = 0, y = h->title_period.year, m;
		size_t used = strlen(buf);

		if (j < k) {
			m = more[j];
		} else if (h->title_upto_line && h->title_upto.year) {
			m = h->title_upto.month;
			y = h->title_upto.year;
		} else {
			break;
		}
		for (int i = 0; i < n; i++)
			dup |= months[i] == m && years[i] == y;
		if (dup)
			continue;
		months[n] = m;
		years[n++] = y;
		if (y != h->title_period.year)
			snprintf(buf + used, size - used, "%s%d年%d月", used ? "、" : "", y, m);
		else
			snprintf(buf + used, size - used, "%s%d月", used ? "、" : "", m);
	}
	return n;
}

static const char *title_quote(const struct tz_header *h, char *buf, size_t size)
{
	/* The other row: the one naming months without a year, else the
	 * 截至 row. */
	int noyear = h->title_noyear[0] && h->title_noyear_line != h->title_line;
	long other = noyear ? h->title_noyear_line :
		     h->title_upto_line != h->title_line ? h->title_upto_line : 0;
	const char *other_text = noyear ? h->title_noyear : h->title_upto_text;
	int first = !other || h->title_line < other;

	if (!other)
		snprintf(buf, size, "第%ld行的标题“%s”", h->title_line, h->title_text);
	else
		snprintf(buf, size, "第%ld行的标题“%s”和第%ld行的标题“%s”",
			 first ? h->title_line : other, first ? h->title_text : other_text,
			 first ? other : h->title_line, first ? other_text : h->title_text);
	return buf;
}

/*
 * A report's period given by the import (--period, h->opt_period) and a
 * title naming one month ("2025年10月…") or ending with one ("2025年
 * 1-10月…", "截至2025年10月底…") that is another: which is the report's
 * cannot be known (issue 7). TZ_EINVAL naming both, err at the title's
 * line (walkthrough 10: it named the header's); 0 when they agree or the
 * title names no one month.
 */
static int option_against_title(const struct tz_header *h, const char *path, struct tz_err *err)
{
	const struct tz_period *t = NULL;
	const char *text = "";
	long line = h->line;
	char ob[TZ_PERIOD_FMT_MAX], names[64], quote[2 * TITLE_QUOTE_MAX + 64];
	int months[4], years[4], n;

	/* A title naming several months ("2025年10月份…（截至9月底）", or
	 * on two rows): --period must be one of them, in the title's year
	 * (walkthrough 14, 15); it then says which the clerk means, and the
	 * notes say so. */
	if (h->title_period.year &&
	    (n = title_month_all(h, months, years, 4, names, sizeof(names))) > 1) {
		for (int j = 0; j < n; j++)
			if (h->opt_period.year == years[j] && h->opt_period.month == months[j])
				return 0;
		return tz_err_set_at(err, TZ_EINVAL, path, h->title_line, NULL,
				     "%s写了不止一个月份（%s），--period 是%s，不是标题中的"
				     "月份，不知道是哪个调度期，整个文件未导入：请核对标题或 --period",
				     title_quote(h, quote, sizeof(quote)), names,
				     tz_period_fmt(h->opt_period, ob));
	}
	if (h->title_period.year && title_months(h->title_text) == 1) {
		t = &h->title_period;
		text = h->title_text;
		line = h->title_line;
	} else if (h->title_end.year) {
		t = &h->title_end;
		text = h->title_end_text;
		line = h->title_end_line;
	}
	/* A title naming months but no one month's period: a month without
	 * a year, a quarter, a 截至 day (walkthrough 15). */
	if (!t && h->title_allow &&
	    (!(h->title_allow & (1u << h->opt_period.month)) ||
	     (h->title_allow_year && h->title_allow_year != h->opt_period.year)))
		return tz_err_set_at(err, TZ_EINVAL, path, h->title_allow_line, NULL,
				     "第%ld行的标题“%s”写的是%s，--period 是%s，不知道是哪个调度期，"
				     "整个文件未导入：请核对标题或 --period", h->title_allow_line,
				     h->title_allow_text, h->title_allow_says,
				     tz_period_fmt(h->opt_period, ob));
	if (!t || (t->year == h->opt_period.year && t->month == h->opt_period.month))
		return 0;
	return tz_err_set_at(err, TZ_EINVAL, path, line, NULL,
			     "标题“%s”的调度期是%d年%d月，--period 是%s，不知道是哪个调度期，整个文件未导入："
			     "请核对标题或 --period", text, t->year, t->month,
			     tz_period_fmt(h->opt_period, ob));
}

/*
 * A clause stating one column's unit above the header (struct
 * col_clause) against the header chosen: accepted when every money
 * column it names is read and states that same unit in the header
 * (its own, its heading's or the table's); otherwise the file is
 * refused, naming the row, the clause and the column as read, since
 * which amounts are in which unit cannot be told. TZ_EINVAL, err set at
 * the clause's line; 0 when accepted.
 */
static int col_clause_check(const struct tz_header *h, const struct col_clause *cc,
			    const char *path, struct tz_err *err)
{
	char where[TITLE_QUOTE_MAX + 64];
	/* "其中总投资" is named 总投资. */
	const char *subj = starts_with(cc->subj, strlen(cc->subj), "其中") ?
			   cc->subj + strlen("其中") : cc->subj, *fname = "总投资";
	size_t fn = strlen("总投资");
	int named = 0;

	unit_row_name(cc->line, cc->title, where, sizeof(where));
	if (cc->unit < 0)
		return tz_err_set_at(err, TZ_EINVAL, path, cc->line, NULL,
				     "%s注明%s的单位是%s，无法换算为万元，整个文件未导入：这是外币，"
				     "金额不是人民币；请把金额折算为人民币后重新导入",
				     where, subj, cc->text);
	for (size_t f = 0; f < h->nfields; f++) {
		int i = h->idx[f];

		if (!h->cols[f].money || i < 0 ||
		    !clause_names(h, cc, f, i < 64 ? h->col_text[i] : ""))
			continue;
		named = 1;
		/* A column stating no unit is read in 万元. */
		if (h->unit_exp[f] == cc->exp)
			continue;
		fn = field_name(h, f, &fname);
		return tz_err_set_at(err, TZ_EINVAL, path, cc->line, NULL,
				     "%s单独注明%s的单位是%s，而表头“%s”的金额会按%s读：不知道这一列"
				     "该按哪个单位读，整个文件未导入；请把各列的单位写在表头的列名中"
				     "（如“%.*s(%s)”），并删去这句后重新导入",
				     where, subj, cc->text,
				     i < 64 && h->col_text[i][0] ? h->col_text[i] : h->cols[f].header,
				     tz_header_unit_name(h->unit_exp[f]),
				     (int)fn, fname, cc->text);
	}
	if (named)
		return 0;
	for (size_t f = 0; f < h->nfields; f++)
		if (h->cols[f].money && h->idx[f] >= 0) {
			fn = field_name(h, f, &fname);
			break;
		}
	return tz_err_set_at(err, TZ_EINVAL, path, cc->line, NULL,
			     "%s单独注明%s的单位是%s，而本表读取的金额列中没有“%s”：不知道这个单位"
			     "是哪一列的，整个文件未导入；请把各列的单位写在表头的列名中（如“%.*s(%s)”），"
			     "并删去这句后重新导入",
			     where, subj, cc->text, subj, (int)fn, fname, cc->text);
}

/*
 * The refusal of a report under a title ending a month ("截至2025年10月
 * 底…") over a 调度期 column and a completion column that does not say
 * it is one month's (完成投资): the amounts may be the year's so far
 * (issue 7). Names the title, the column's line, letter and header; asks
 * the header to say which. Returns TZ_EINVAL with err set at the title's
 * line (walkthrough 10).
 */
static int title_end_plain(const struct tz_header *h, const struct hrow *top, const char *path,
			   struct tz_err *err)
{
	char a[8];

	col_letters((size_t)h->idx[TZ_RF_COMPLETED], a);
	return tz_err_set_at(err, TZ_EINVAL, path, h->title_end_line, NULL,
			     "标题“%s”写的是截至%d年%d月的情况，第%ld行第%s列“%s”可能是年初以来的累计"
			     "完成数，不能当作一个月的本期完成投资，整个文件未导入；请在表头写明，如"
			     "“本月完成投资（万元）”或“自年初累计完成投资（万元）”",
			     h->title_end_text, h->title_end.year, h->title_end.month, h->line, a,
			     top->text[h->idx[TZ_RF_COMPLETED]]);
}

/*
 * Why no period was found in a report's titles, for the refusal of a
 * header without 调度期 (walkthrough 8, F7): a date of one day, a
 * quarter, or none (walkthrough 15: the message said "标题中也没有写明
 * 年月" under a title naming a date). Into buf; returns buf.
 */
static const char *title_why(const struct tz_header *h, char *buf, size_t size)
{
	if (h->title_date_line && h->title_date_until && h->title_allow_line == h->title_date_line)
		snprintf(buf, size, "第%ld行的标题“%s”写的是%s，日期不当作调度期",
			 h->title_date_line, h->title_date_text, h->title_allow_says);
	else if (h->title_date_line && h->title_date_until)
		snprintf(buf, size, "第%ld行的标题“%s”写的是截至%s的情况，日期不当作调度期",
			 h->title_date_line, h->title_date_text, h->title_date);
	else if (h->title_date_line)
		snprintf(buf, size, "第%ld行“%s”中的%s是一个日期（如填报、打印日期），"
			 "不当作调度期", h->title_date_line, h->title_date_text, h->title_date);
	else if (h->title_allow)
		snprintf(buf, size, "第%ld行的标题“%s”写的是%s，不是一个月的调度期",
			 h->title_allow_line, h->title_allow_text, h->title_allow_says);
	else
		snprintf(buf, size, "标题中也没有写明年月");
	return buf;
}

/*
 * Whether cell text `s`, above the header, is only a unit of money with
 * no label ("（亿元）", "亿元", "[万元]"; not "单位：亿元", which states
 * the table's): unit_statement()'s result with *exp and the unit in
 * text, else 0. Such a cell is the unit of the column under it
 * (walkthrough 16: `,,,（亿元）,` over 总投资 alone was taken for the
 * table's and 年度计划投资 5 stored as 50000.00万元; `,,,亿元,万元` was
 * passed over and 总投资 12 stored as 12.00万元).
 */
static int bare_unit_cell(const char *s, int *exp, char *text, size_t size)
{
	struct tz_buf norm = TZ_BUF_INIT;
	int u = 0;

	if (names_money_unit(s, strlen(s)) && !tz_text_nfkc(s, strlen(s), &norm)) {
		drop_spaces(&norm);
		if (!strstr(norm.buf, "单位") && !strstr(norm.buf, "金额"))
			u = unit_statement(norm.buf, norm.len, 1, exp, text, size);
	}
	tz_buf_release(&norm);
	return u;
}

/* A bare unit cell above the header (bare_unit_cell), kept until the
 * header is read: its column's unit when a money column is under it,
 * else the table's as before. */
#define ABOVE_UNITS_MAX 32
struct above_unit {
	size_t col;
	int unit, exp, single, column, lone;
	long line;
	char text[32];
	char cell[64];
};

/*
 * Whether heading cell `s` (group headings above the header: grp in
 * group_units) is a heading whose unit covers the columns under it
 * ("投资情况（亿元）"), not a statement about the table or one column
 * ("单位：万元", "（总投资：亿元）", "说明：…"): the latter's units are read
 * by also_unit, never spread to the columns beside them (walkthrough 16,
 * a4: `单位：万元,,,,（总投资：亿元）` gave 年度计划投资 the unit of the
 * clause over it, "上方表头的单位无法换算为万元").
 */
static int group_heading(const char *s)
{
	static const char *const labels[] = { "单位", "金额单位", "计量单位", "注:", "说明", "备注" };
	struct col_clauses cl = { .n = 0 };
	struct tz_buf norm = TZ_BUF_INIT;
	int heading = 0;

	if (!tz_text_nfkc(s, strlen(s), &norm)) {
		drop_spaces(&norm);
		heading = 1;
		for (size_t i = 0; heading && i < sizeof(labels) / sizeof(labels[0]); i++)
			if (starts_with(norm.buf, norm.len, labels[i]) ||
			    (norm.len && norm.buf[0] == '(' &&
			     starts_with(norm.buf + 1, norm.len - 1, labels[i])))
				heading = 0;
		if (heading && column_clauses(norm.buf, &cl, NULL))
			heading = 0;
	}
	tz_buf_release(&norm);
	return heading;
}

/*
 * Cells of the row right above the header `top` (grp, not itself a
 * header) naming a column the header lacks: over an empty header cell
 * the cell is that column, a heading merged down over both rows and
 * written once in a CSV ("总投资（亿元）" over ""); over a header cell
 * naming nothing, the column their words name together when they do
 * ("年度计划" over "投资"). Walkthrough 16 (g7): such a file was refused
 * "缺少必需的列：总投资". The units are then read as ever: the column's
 * own, a heading's, the table's.
 */
static void group_fill(const struct tz_header *h, const struct hrow *grp, struct hrow *top)
{
	struct tz_buf key = TZ_BUF_INIT, ut = TZ_BUF_INIT, text = TZ_BUF_INIT;

	for (size_t i = 0; i < top->n && i < grp->n; i++) {
		const struct cellinfo *g = &grp->c[i];
		struct cellinfo c;

		if (g->blank || g->field < 0 || hrow_has(top, g->field))
			continue;
		if (top->c[i].blank) {
			top->c[i] = *g;
			free(top->text[i]);
			top->text[i] = tz_xstrdup(grp->text[i]);
			continue;
		}
		if (top->c[i].field >= 0 || top->c[i].seq)
			continue;
		tz_buf_reset(&text);
		tz_buf_addf(&text, "%s%s", grp->text[i], top->text[i]);
		cell_read(h, text.buf, text.len, text.buf, &c, &key, &ut);
		if (c.field != g->field)
			continue;
		top->c[i] = c;
		free(top->text[i]);
		top->text[i] = tz_xstrdup(text.buf);
	}
	hrow_count(top);
	tz_buf_release(&key);
	tz_buf_release(&ut);
	tz_buf_release(&text);
}

/*
 * A row of group headings right above the header, not itself a header
 * ("基本情况,,,投资情况（亿元）," over "项目编号,…,总投资,年度计划投资"):
 * each money column of the header `top` stating no unit of its own, and
 * none from a heading of a two-row header (parent_unit[i] 0), takes the
 * unit of the heading over it: the cell above it, else the nearest one
 * to its left over empty cells, as a merged heading reads (the same
 * rule as the two-row header's, a02). Before, such a heading was passed
 * over and 3 (亿元) stored as 3.00万元 with exit 0 (walkthrough 15, the
 * fx3 helper's open item). parent_unit/parent_exp have top->n + 1 slots.
 */
static void group_units(struct tz_header *h, const struct hrow *grp, const struct hrow *top,
			int *parent_unit, int *parent_exp)
{
	for (size_t i = 0; i < top->n; i++) {
		const struct cellinfo *c = &top->c[i];
		size_t k = i < grp->n ? i + 1 : grp->n;

		if (c->field < 0 || !h->cols[c->field].money || c->unit || parent_unit[i])
			continue;
		while (k > 0 && grp->c[k - 1].blank)
			k--;
		if (!k || !grp->c[k - 1].unit)
			continue;
		/* A unit cell over another column is that column's; a
		 * column's own header (a field named) or a statement is no
		 * heading of the columns beside it (walkthrough 16). */
		if (grp->c[k - 1].bare_unit || (k - 1 != i && grp->c[k - 1].field >= 0) ||
		    (grp->c[k - 1].field >= 0 && grp->c[k - 1].field != c->field) ||
		    !group_heading(grp->text[k - 1]))
			continue;
		heading_unit(h, &grp->c[k - 1], &parent_unit[i], &parent_exp[i]);
	}
}

/*
 * Bare unit cell a above the header (struct above_unit) over money column
 * a->col of header `top`: that column's unit, as a row of units under the
 * header gives (unit_row). A unit other than the column's own, two units
 * or a foreign currency refuse the file naming the row, the column and
 * the units (TZ_EINVAL, err set at a's line); 0 otherwise.
 */
static int above_unit_apply(const struct tz_header *h, struct hrow *top,
			    const struct above_unit *a, const char *path, struct tz_err *err)
{
	struct cellinfo *c;
	char col[8];

	if (a->col >= top->n)
		return 0;
	c = &top->c[a->col];
	if (c->field < 0 || !h->cols[c->field].money)
		return 0;
	col_letters(a->col, col);
	if (a->unit == 2)
		return tz_err_set_at(err, TZ_EINVAL, path, a->line, NULL,
				     "第%ld行第%s列注明单位为%s，写了不同的单位，不知道金额该按哪个单位读，"
				     "整个文件未导入；请只写一个单位",
				     a->line, col, a->text);
	if (a->unit < 0)
		return tz_err_set_at(err, TZ_EINVAL, path, a->line, NULL,
				     "第%ld行第%s列在“%s”上方注明单位为%s，无法换算为万元，整个文件未导入："
				     "这是外币，金额不是人民币；请把金额折算为人民币后重新导入",
				     a->line, col, top->text[a->col], a->text);
	if (c->unit && (c->unit != a->unit || c->unit_exp != a->exp))
		return tz_err_set_at(err, TZ_EINVAL, path, a->line, NULL,
				     "第%ld行第%s列在“%s”上方注明单位为%s，与表头写的单位“%s”不同："
				     "不知道金额该按哪个单位读，整个文件未导入",
				     a->line, col, top->text[a->col], a->text, c->unit_text);
	c->unit = a->unit;
	c->unit_exp = a->exp;
	snprintf(c->unit_text, sizeof(c->unit_text), "%s", a->text);
	return 0;
}

int tz_header_find(struct tz_reader *r, const char *path, int progress, int year,
		   const struct tz_period *period, struct tz_header *h, struct tz_err *err)
{
	struct hrow top = { 0 }, next = { 0 };
	struct tz_row row;
	int rc, seen = 0, table_u = 0, table_exp = 0, best = 0, title, rt;
	/* The key column the best row lacks: 项目名称 for a ledger, 项目编号
	 * or 调度期 for a report (audit 9, R19: the message named 调度期
	 * under a header that had it). */
	int best_lacks = progress ? TZ_RF_PERIOD : TZ_PF_NAME;
	int *parent_unit = NULL, *parent_exp = NULL;
	size_t parents = 0;
	char table_text[32] = "", best_text[256] = "", title_span[256] = "", lacks[400];
	char why[TITLE_QUOTE_MAX + 160];
	/* The title stating the table's unit, and one stating another: quoted. */
	char table_title[TITLE_QUOTE_MAX] = "", other_title[TITLE_QUOTE_MAX] = "";
	/* A unit stated above the header for one column (col_clause_check). */
	struct col_clauses cc = { .n = 0 };
	/* Cells above the header that are only a unit (bare_unit_cell). */
	struct above_unit au[ABOVE_UNITS_MAX];
	size_t naus = 0;
	/* The row of group headings right above the header, when it has
	 * several texts ("基本情况", "投资情况（亿元）"): group_units(). */
	struct hrow grp = { 0 };
	char where[TITLE_QUOTE_MAX + 64], other_where[TITLE_QUOTE_MAX + 64];
	unsigned best_has = 0; /* a report's: 1 << field of those the best row has */
	long best_line = 0, table_line = 0, other_line = 0, span_line = 0;
	/* The first title row naming a month (reports) or a year (ledgers),
	 * its line and text: a title on another line naming another refuses
	 * the file (walkthrough 14). */
	struct tz_period first_month = { 0, 0 };
	int first_year = 0;
	long first_line = 0;
	char first_text[TITLE_QUOTE_MAX] = "";
	/* The months a title naming several names ("10月、9月"), "" none. */
	int several_months[4], several_years[4];
	char several_names[64] = "";

	memset(h, 0, sizeof(*h));
	tz_buf_init(&h->unread, 0);
	tz_buf_init(&h->notes, 0);
	tz_buf_init(&h->pending_text, 0);
	h->progress = progress;
	if (progress && period)
		h->opt_period = *period;
	h->cols = progress ? report_columns(h) : tz_project_columns;
	h->nfields = progress ? TZ_HEADER_RF_COUNT : TZ_PF_COUNT;
	h->seq_idx = -1;
	h->reader = r;

	for (;;) {
		rc = tz_reader_next(r, &row, err);
		if (rc < 0)
			goto out;
		if (rc == 0 || ++seen > TZ_HEADER_SEARCH_ROWS) {
			if (best && progress && !(best_has & (1u << TZ_RF_PERIOD)) && h->title_noyear[0] &&
			    h->title_year > 0 && h->title_year_line &&
			    h->title_year_line != h->title_noyear_line &&
			    ((best_has & (1u << TZ_RF_CODE)) ||
			     ((best_has & (1u << TZ_RF_NAME)) && (best_has & (1u << TZ_RF_REGION)))))
				/* "（截至9月底）" under "2025年重点项目调度表": the
				 * year is there, on another row; a line of its own
				 * saying how far the figures run is no period
				 * (walkthrough 15, item 5's open end). */
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, best_line, NULL,
					"第%ld行是表头，但没有“调度期”列；年份在第%ld行的标题“%s”中，"
					"第%ld行“%s”只写了月份，不作为调度期，整个文件未导入；请在标题中"
					"写明年月（如“%d年10月…”），或加“调度期”列，或加 --period",
					best_line, h->title_year_line, h->title_year_text,
					h->title_noyear_line, h->title_noyear, h->title_year);
			else if (best && progress && !(best_has & (1u << TZ_RF_PERIOD)) &&
				 h->title_noyear[0] &&
				 ((best_has & (1u << TZ_RF_CODE)) ||
				  ((best_has & (1u << TZ_RF_NAME)) && (best_has & (1u << TZ_RF_REGION)))))
				/* "10月份重点项目调度": the year is what is missing
				 * (walkthrough p06). */
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, best_line, NULL,
					"第%ld行是表头（识别出%s），但没有“调度期”列；第%ld行的标题“%s”"
					"只写了月份，没有写年份，不知道是哪一年的调度期，整个文件未导入；"
					"请在标题中写上年份（如“2025年10月…”），或加一列“调度期”（如2025-10）",
					best_line, best_text, h->title_noyear_line, h->title_noyear);
			else if (best && progress && (best_has & (1u << TZ_RF_COMPLETED)) &&
				 ((best_has & (1u << TZ_RF_CODE)) ||
				  ((best_has & (1u << TZ_RF_NAME)) && (best_has & (1u << TZ_RF_REGION)))) &&
				 !(best_has & (1u << TZ_RF_PERIOD)) && !h->title_period.year &&
				 !h->title_end.year && !h->opt_period.year)
				/* The header is there, only the period is not known
				 * (walkthrough 8, F7). The web import shares the
				 * message: the option is named as the command line's. */
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, best_line, NULL,
					"第%ld行是表头，但没有“调度期”列，%s，不知道是哪个"
					"调度期，整个文件未导入：请加“调度期”列（如2025-10），或在标题中写明"
					"年月（如“2025年10月重点项目调度表”），命令行导入也可加 --period "
					"YYYY-MM（表头识别出%s）",
					best_line, title_why(h, why, sizeof(why)), best_text);
			else if (best && progress)
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, best_line, NULL,
					"找不到完整的表头：第%ld行最像表头（识别出%s），但%s",
					best_line, best_text, report_lacks(h, best_has, lacks,
									   sizeof(lacks)));
			else if (best)
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, best_line, NULL,
					"找不到完整的表头：第%ld行最像表头（识别出%s），但缺少“%s”；"
					"表头应同时有“%s”和“%s”等列",
					best_line, best_text, h->cols[best_lacks].header,
					h->cols[progress ? TZ_RF_CODE : TZ_PF_NAME].header,
					h->cols[progress ? TZ_RF_PERIOD : TZ_PF_TOTAL].header);
			else
				rc = tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL,
					"未找到表头：前%d行中没有“%s”“%s”等列名（文件可能不是%s）",
					TZ_HEADER_SEARCH_ROWS,
					h->cols[progress ? TZ_RF_CODE : TZ_PF_NAME].header,
					h->cols[progress ? TZ_RF_PERIOD : TZ_PF_TOTAL].header,
					progress ? "调度数据表" : "项目台账");
			goto out;
		}
		if (row_blank(&row))
			continue;
		hrow_free(&top);
		hrow_read(h, &row, &top);
		if (is_header(h, &top)) {
			h->line = row.line;
			break;
		}
		if (top.fields > best) {
			best = top.fields;
			best_line = row.line;
			if (progress) {
				best_lacks = hrow_has(&top, TZ_RF_CODE) ? TZ_RF_PERIOD : TZ_RF_CODE;
				best_has = 0;
				for (int f = 0; f < TZ_HEADER_RF_COUNT; f++)
					if (hrow_has(&top, f))
						best_has |= 1u << f;
			}
			best_text[0] = '\0';
			for (size_t i = 0; i < top.n; i++)
				if (top.c[i].field >= 0) {
					size_t used = strlen(best_text);

					snprintf(best_text + used, sizeof(best_text) - used, "%s“%s”",
						 used ? "、" : "", top.text[i]);
				}
		}
		/* Cells that are only a unit ("（亿元）" over 总投资), but a
		 * title from the first column merged across: each its
		 * column's, decided once the header is read (above_unit); a
		 * row of nothing else is neither a title nor a row of group
		 * headings (walkthrough 16). */
		{
			size_t first = top.n, units = 0, others = 0;
			int single = 1;

			for (size_t i = 0; i < top.n; i++)
				if (!top.c[i].blank) {
					if (first == top.n)
						first = i;
					else if (strcmp(top.text[i], top.text[first]))
						single = 0;
				}
			for (size_t i = 0; i < top.n && (first || !single); i++) {
				struct above_unit *a = &au[naus];
				int u;

				if (top.c[i].blank)
					continue;
				if (!i || naus == ABOVE_UNITS_MAX ||
				    !(u = bare_unit_cell(top.text[i], &a->exp, a->text,
							 sizeof(a->text)))) {
					others++;
					continue;
				}
				top.c[i].bare_unit = 1;
				a->col = i;
				a->unit = u;
				a->single = single;
				a->column = 0;
				a->line = row.line;
				copy_whole_chars(a->cell, sizeof(a->cell), top.text[i]);
				naus++;
				units++;
			}
			for (size_t k = naus - units; k < naus; k++)
				au[k].lone = units == 1;
			if (units && !others)
				continue;
		}
		/* Above the header: a title naming the year, a table unit. A
		 * row of one text (a title, maybe merged across) is a title. */
		title = 1;
		for (size_t i = 0, k = top.n; i < top.n; i++)
			if (!top.c[i].blank) {
				if (k < top.n && strcmp(top.text[i], top.text[k]))
					title = 0;
				k = i;
			}
		/* A report's row naming columns (a header not complete:
		 * "1-10月累计完成投资(万元)") is no title (walkthrough 16). */
		rt = h->progress && top.fields < 2;
		/* Of several title rows the one nearest the header names the
		 * ledger's year; one naming several years names none. */
		for (size_t i = 0, set = 0; i < top.n; i++) {
			int y = h->progress ? report_title_year(top.text[i]) :
					      title_year_of(top.text[i], strlen(top.text[i]));

			if (y && !set) {
				set = 1;
				h->title_year = y > 0 ? y : 0;
				h->title_several[0] = '\0';
				h->title_year_line = row.line;
				snprintf(h->title_year_text, sizeof(h->title_year_text), "%s",
					 top.text[i]);
				if (y < 0)
					snprintf(h->title_several, sizeof(h->title_several), "%s",
						 top.text[i]);
			}
			if (rt && !title_span[0] && names_months_span(top.text[i])) {
				snprintf(title_span, sizeof(title_span), "%s", top.text[i]);
				span_line = row.line;
			}
			/* The nearest title naming a month gives the report's. */
			struct tz_period tm = { 0, 0 }, te = { 0, 0 };
			/* The title's year for a month written without one: this
			 * cell's, else a title row's above (walkthrough 16). */
			int ky = y > 0 ? y : h->title_year > 0 ? h->title_year : 0;

			if (rt && title_month_of(top.text[i], &tm)) {
				h->title_period = tm;
				snprintf(h->title_text, sizeof(h->title_text), "%s", top.text[i]);
				h->title_line = row.line;
			}
			if (rt && title_end_of(top.text[i], &te)) {
				h->title_end = te;
				snprintf(h->title_end_text, sizeof(h->title_end_text), "%s",
					 top.text[i]);
				h->title_end_line = row.line;
			}
			if (rt)
				title_upto(h, row.line, top.text[i], ky);
			/* "2025年重点项目调度表（截至9月底）", "截至9月底" under
			 * "2025年重点项目调度表": the end of that year's month, as
			 * "截至2025年9月底" is (walkthrough 16: --period 2025-10
			 * stored the rows in October). Beside a title naming one
			 * month it is a second month (title_month_all). */
			if (rt && !tm.year && !te.year && h->title_upto_line == row.line &&
			    !h->title_upto_day && !h->title_period.year && !h->title_end.year &&
			    title_months(top.text[i]) == 1) {
				te = h->title_upto;
				h->title_end = te;
				snprintf(h->title_end_text, sizeof(h->title_end_text), "%s",
					 top.text[i]);
				h->title_end_line = row.line;
				h->title_end_upto = 1;
			}
			if (!tm.year)
				tm = te;
			if ((rc = two_titles(h, path, row.line, top.text[i], &tm, y, &first_month,
					     &first_year, &first_line, first_text, err)) != 0)
				goto out;
			if (rt && title_month_noyear(top.text[i]) &&
			    !(h->title_end_upto && h->title_end_line == row.line)) {
				snprintf(h->title_noyear, sizeof(h->title_noyear), "%s", top.text[i]);
				h->title_noyear_line = row.line;
			}
			if (rt && !tm.year)
				title_no_month(h, row.line, top.text[i], ky);
			if (rt && !h->title_period.year && !h->title_end.year &&
			    h->title_year > 0 && h->title_year_line != row.line &&
			    (tm.month = month_row(top.text[i])) > 0) {
				/* "10月" alone under "2025年重点项目调度表". */
				h->title_period.year = h->title_year;
				h->title_period.month = tm.month;
				snprintf(h->title_text, sizeof(h->title_text), "%s", top.text[i]);
				h->title_line = row.line;
			}
			if (!top.c[i].bare_unit)
				also_unit(top.text[i], title, row.line, &table_u, &table_exp,
					  table_text, sizeof(table_text), &table_line, &other_line,
					  table_title, other_title, &cc);
		}
		hrow_free(&grp);
		if (!title) {
			grp = top;
			memset(&top, 0, sizeof(top));
		}
	}
	/* A month of another year than the title's nearest: none. */
	if (h->title_period.year && h->title_period.year != h->title_year)
		memset(&h->title_period, 0, sizeof(h->title_period));
	/* "截至9月底" read as the end of a month, beside a later title
	 * naming one: a second month (title_month_all), not the end. */
	if (h->title_end_upto && h->title_period.year) {
		memset(&h->title_end, 0, sizeof(h->title_end));
		h->title_end_upto = 0;
	}
	/* "2025年1-10月…" beside "（截至9月30日）": two months, whatever a
	 * 调度期 or --period says (walkthrough 16). */
	if (progress && h->title_end.year && !h->title_end_upto && h->title_upto_line &&
	    (h->title_upto.year != h->title_end.year || h->title_upto.month != h->title_end.month)) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, h->title_upto_line, NULL,
				   "第%ld行的标题“%s”写的是到%d年%d月为止的情况，第%ld行的标题“%s”写的是"
				   "截至%d年%d月，两处的月份不同，不知道是哪个调度期，整个文件未导入："
				   "请删去或改正其中一处",
				   h->title_end_line, h->title_end_text, h->title_end.year,
				   h->title_end.month, h->title_upto_line, h->title_upto_text,
				   h->title_upto.year, h->title_upto.month);
		goto out;
	}
	if (progress)
		title_allow_noyear(h);
	/* A bare unit cell above the header: its column's when a money
	 * column is under it, else the table's, as before; and the table's
	 * when it is its row's only unit and stands in the top right corner,
	 * over the header's last column or beyond, where a table's unit is
	 * written (audit 2: `,,,,（亿元）` and a title split into cells
	 * ending in （亿元） state the table's). */
	size_t last_col = 0;

	for (size_t i = 0; i < top.n; i++)
		if (!top.c[i].blank)
			last_col = i;
	for (size_t k = 0; k < naus; k++) {
		const struct cellinfo *c = au[k].col < top.n ? &top.c[au[k].col] : NULL;

		if (c && c->field >= 0 && h->cols[c->field].money &&
		    !(au[k].lone && au[k].col >= last_col))
			au[k].column = 1;
		else
			also_unit(au[k].cell, au[k].single, au[k].line, &table_u, &table_exp,
				  table_text, sizeof(table_text), &table_line, &other_line,
				  table_title, other_title, &cc);
	}
	/* A unit for the table may also stand in the header row itself. */
	for (size_t i = 0; i < top.n && table_u != 2; i++)
		/* Also in a column's own cell that is not money: "项目名称
		 * （金额单位：亿元）" states it for the table, as "备注（单位：
		 * 亿元）" does (audit 9, finding W8, 2026-12-01). */
		if ((top.c[i].field < 0 || !h->cols[top.c[i].field].money) &&
		    header_cell_states_unit(top.text[i]))
			also_unit(top.text[i], 0, row.line, &table_u, &table_exp, table_text,
				  sizeof(table_text), &table_line, &other_line, table_title,
				  other_title, &cc);
	if (table_u == 2 && other_line && other_line != table_line) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, other_line, NULL,
				   "%s和%s注明金额单位为%s，写了不同的单位，不知道金额该按"
				   "哪个单位读，整个文件未导入；请只写一个单位",
				   unit_row_name(table_line, table_title, where, sizeof(where)),
				   unit_row_name(other_line, other_title, other_where,
						 sizeof(other_where)),
				   table_text);
		goto out;
	}
	if (table_u == 2) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, table_line, NULL,
				   "%s注明金额单位为%s，写了不同的单位，不知道金额该按哪个单位读，"
				   "整个文件未导入；请只写一个单位",
				   unit_row_name(table_line, table_title, where, sizeof(where)),
				   table_text);
		goto out;
	}

	/* Further header rows under group headings (two, or three: 投资情况
	 * （万元） / 总投资, 其中 / 年度计划投资; audit 9 R2), or a row of units. */
	for (int depth = 1; depth < HEADER_ROWS_MAX; depth++) {
		do {
			rc = tz_reader_next(r, &row, err);
		} while (rc > 0 && row_blank(&row));
		if (rc < 0 && r->err_col && r->err_col <= top.n)
			tz_header_name_cell(h, top.c[r->err_col - 1].field, r->err_col, err);
		if (rc <= 0)
			break;
		hrow_free(&next);
		hrow_read(h, &row, &next);
		if (continues(h, &top, &next)) {
			/* One header: each column its lower cell, else its upper;
			 * a lower cell takes the unit of the group heading above
			 * it, a merged heading covering it (filled by the reader)
			 * or, unfilled, the nearest heading to its left over
			 * empty upper cells; a heading stating no unit leaves
			 * the one of a heading above it. */
			size_t n = next.n > top.n ? next.n : top.n;
			int group = 0, group_unit = 0, group_exp = 0;

			if (n > top.n) {
				top.c = tz_xrealloc(top.c, (n + 1) * sizeof(*top.c));
				top.text = tz_xrealloc(top.text, (n + 1) * sizeof(*top.text));
				for (size_t i = top.n; i < n; i++) {
					memset(&top.c[i], 0, sizeof(top.c[i]));
					top.c[i].field = -1;
					top.c[i].blank = 1;
					top.text[i] = tz_xstrdup("");
				}
			}
			parent_unit = tz_xrealloc(parent_unit, (n + 1) * sizeof(int));
			parent_exp = tz_xrealloc(parent_exp, (n + 1) * sizeof(int));
			for (size_t i = parents; i <= n; i++)
				parent_unit[i] = parent_exp[i] = 0;
			parents = n + 1;
			top.n = n;
			/* What each lower cell qualifies, decided on the upper
			 * row as read, before the loop rewrites it. */
			enum qual *q = tz_xcalloc(n + 1, sizeof(*q));
			struct hrow up = { 0 };

			up.n = n;
			up.c = tz_xcalloc(n + 1, sizeof(*up.c));
			up.text = tz_xcalloc(n + 1, sizeof(*up.text));
			for (size_t i = 0; i < n; i++) {
				up.c[i] = top.c[i];
				up.text[i] = tz_xstrdup(top.text[i]);
				q[i] = i < next.n ? qualifies(h, &top, &next, i) : Q_NONE;
			}
			for (size_t i = 0; i < n; i++) {
				if (!top.c[i].blank) {
					group = top.c[i].field < 0 && !top.c[i].seq;
					group_unit = top.c[i].unit;
					group_exp = top.c[i].unit_exp;
					if (group)
						heading_unit(h, &top.c[i], &group_unit, &group_exp);
				}
				if (q[i]) {
					join_qualified(h, &up, &top, &next, i, q[i]);
					continue;
				}
				if (i >= next.n || next.c[i].blank || !strcmp(next.text[i], top.text[i]))
					continue;
				if (group && group_unit && parent_unit[i] &&
				    (group_unit != parent_unit[i] || group_exp != parent_exp[i])) {
					rc = tz_err_set_at(err, TZ_EINVAL, path, row.line, NULL,
							   "表头“%s”上方的两层表头写了不同的金额单位，不知道金额"
							   "该按哪个单位读，整个文件未导入；请只写一个单位",
							   next.text[i]);
					hrow_free(&up);
					free(q);
					goto out;
				}
				if (group && group_unit) {
					parent_unit[i] = group_unit;
					parent_exp[i] = group_exp;
				}
				free(top.text[i]);
				top.text[i] = tz_xstrdup(next.text[i]);
				top.c[i] = next.c[i];
			}
			hrow_free(&up);
			free(q);
			h->line = row.line;
			continue;
		}
		/* A row of units; its cells repeating the one above (a key
		 * column merged down over the header's rows) say nothing. */
		for (size_t i = 0; i < next.n && i < top.n; i++)
			if (!next.c[i].blank && !strcmp(next.text[i], top.text[i]))
				next.c[i].blank = 1;
		if ((rc = unit_row(&top, &next, row.line, path, err)) != 0) {
			if (rc < 0)
				goto out;
			rc = 0;
			h->line = row.line;
			continue;
		}
		keep_pending(h, &row);
		break;
	}
	if (rc < 0)
		goto out;
	rc = 0;
	h->width = top.n;
	if (progress)
		ytd_column(h, &top, title_span);
	if (grp.n)
		group_fill(h, &grp, &top);
	for (size_t k = 0; k < naus; k++)
		if (au[k].column && (rc = above_unit_apply(h, &top, &au[k], path, err)) != 0)
			goto out;
	if (grp.n) {
		parent_unit = tz_xrealloc(parent_unit, (top.n + 1) * sizeof(int));
		parent_exp = tz_xrealloc(parent_exp, (top.n + 1) * sizeof(int));
		for (size_t i = parents; i <= top.n; i++)
			parent_unit[i] = parent_exp[i] = 0;
		parents = top.n + 1;
		group_units(h, &grp, &top, parent_unit, parent_exp);
	}
	rc = choose(h, &top, parent_unit, parent_exp, table_u, table_exp, table_text, table_line,
		    table_title, &cc, year ? year : h->title_year, path, err);
	h->read_cols = read_mask(h);
	/* "（总投资单位：亿元）" above the header: only as the header says. */
	for (size_t k = 0; !rc && k < cc.n; k++)
		rc = col_clause_check(h, &cc.c[k], path, err);
	/* --period against the month the title names, or ends with: one of
	 * them is wrong (issue 7). */
	if (!rc && h->progress && h->opt_period.year)
		rc = option_against_title(h, path, err);
	/* A title naming several months ("2025年10月份…（截至9月底）") gives
	 * no period; --period, one of them (option_against_title), does,
	 * and the rows are checked against it, not the title's first
	 * (walkthrough 14). */
	if (!rc && h->progress && h->title_period.year &&
	    title_month_all(h, several_months, several_years, 4, several_names,
			    sizeof(several_names)) > 1) {
		if (h->opt_period.year) {
			h->title_period = h->opt_period;
		} else if (h->idx[TZ_RF_PERIOD] < 0) {
			char pb[TZ_PERIOD_FMT_MAX], quote[2 * TITLE_QUOTE_MAX + 64];

			rc = tz_err_set_at(err, TZ_EINVAL, path, h->title_line, NULL,
					   "第%ld行是表头，但没有“调度期”列；%s写了不止一个"
					   "月份（%s），不能当作调度期，不知道是哪个调度期，整个文件未导入：请加"
					   "“调度期”列（如%s），或把标题改为只写一个月份，命令行导入也可加 "
					   "--period YYYY-MM（须是标题中的月份之一）",
					   h->line, title_quote(h, quote, sizeof(quote)), several_names,
					   tz_period_fmt(h->title_period, pb));
		}
	} else {
		several_names[0] = '\0';
	}
	/* No 调度期 column: the title's one month is every row's, when no
	 * title row names a span or 累计 (audit 9, R4). */
	if (!rc && h->progress && h->idx[TZ_RF_PERIOD] < 0 && h->title_period.year &&
	    !title_span[0] && title_months(h->title_text) == 1 && !several_names[0]) {
		char pb[TZ_PERIOD_FMT_MAX];

		h->period_from_title = 1;
		tz_buf_addf(&h->notes, "没有“调度期”列，调度期按标题读为%s（“%s”）；",
			    tz_period_fmt(h->title_period, pb), h->title_text);
	} else if (!rc && h->progress && h->idx[TZ_RF_PERIOD] < 0 && !h->title_period.year &&
		   h->title_end.year && h->idx[TZ_RF_COMPLETED] >= 0 &&
		   (h->ytd_only || top.c[h->idx[TZ_RF_COMPLETED]].month ||
		    names_month_only(top.text[h->idx[TZ_RF_COMPLETED]]))) {
		/* "截至2025年10月底…", "2025年1-10月…" over 本月完成投资: the
		 * month the title ends with (walkthrough p16, p18); over only
		 * 自年初累计完成投资 too, the year so far up to that month, as
		 * the refusal below asks the header to say (issue 7). */
		char pb[TZ_PERIOD_FMT_MAX];

		h->title_period = h->title_end;
		snprintf(h->title_text, sizeof(h->title_text), "%s", h->title_end_text);
		h->title_line = h->title_end_line;
		h->period_from_title = 1;
		title_span[0] = '\0';
		if (h->ytd_only)
			/* The next note says the column is the year's so far. */
			tz_buf_addf(&h->notes, "没有“调度期”列，调度期按标题读为%s（“%s”）；",
				    tz_period_fmt(h->title_period, pb), h->title_text);
		else
			tz_buf_addf(&h->notes, "没有“调度期”列，调度期按标题读为%s（“%s”，“%s”为当月数）；",
				    tz_period_fmt(h->title_period, pb), h->title_text,
				    top.text[h->idx[TZ_RF_COMPLETED]]);
	} else if (!rc && h->progress && h->idx[TZ_RF_PERIOD] < 0 && !h->title_period.year &&
		   h->title_end.year && h->idx[TZ_RF_COMPLETED] >= 0) {
		/* "2025年1-10月…", "截至2025年10月底…" over a plain 完成投资
		 * (or 本期): the period is the title's last month, but the
		 * amounts may be that month's or the year's so far, and read
		 * as the month's a year-to-date figure would count the earlier
		 * months twice. Refused asking the header to say which
		 * (session-7 walkthrough, issue 7). */
		char pb[TZ_PERIOD_FMT_MAX], a[8];

		col_letters((size_t)h->idx[TZ_RF_COMPLETED], a);
		rc = tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
				   "没有“调度期”列，调度期按第%ld行的标题“%s”读为%s；但第%s列“%s”没有"
				   "写明是本月完成投资还是自年初累计完成投资，不知道金额是当月数还是年初"
				   "以来的累计数，整个文件未导入；请在表头写明，如“本月完成投资（万元）”或"
				   "“自年初累计完成投资（万元）”",
				   h->title_end_line, h->title_end_text, tz_period_fmt(h->title_end, pb), a,
				   top.text[h->idx[TZ_RF_COMPLETED]]);
	}
	/* No 调度期 column and no month from the title: --period's. */
	if (!rc && h->progress && h->idx[TZ_RF_PERIOD] < 0 && !h->period_from_title &&
	    h->opt_period.year) {
		char pb[TZ_PERIOD_FMT_MAX], quote[2 * TITLE_QUOTE_MAX + 64];

		h->title_period = h->opt_period;
		h->period_from_title = 1;
		if (several_names[0])
			tz_buf_addf(&h->notes, "没有“调度期”列，%s写了不止一个月份（%s），"
				    "调度期按 --period 读为%s；", title_quote(h, quote, sizeof(quote)),
				    several_names, tz_period_fmt(h->opt_period, pb));
		else
			tz_buf_addf(&h->notes, "没有“调度期”列，调度期按 --period 读为%s；",
				    tz_period_fmt(h->opt_period, pb));
	}
	if (!rc && h->progress && h->idx[TZ_RF_CODE] < 0 && h->idx[TZ_RF_NAME] >= 0 &&
	    h->idx[TZ_RF_REGION] >= 0) {
		h->code_by_name = 1;
		tz_buf_adds(&h->notes, "没有“项目编号”列，各行按所属地区和项目名称对应台账中的项目；");
	}
	if (!rc && (rc = missing_columns(h, path, err))) {
		/* A required column named but for a remark: named. */
		for (size_t f = 0; f < h->nfields; f++)
			if (h->cols[f].required && h->cols[f].money && h->idx[f] < 0) {
				near_column(h, &top, f, rc, path, err);
				split_column(h, &top, f, rc, err);
			}
		if (h->progress && h->idx[TZ_RF_COMPLETED] < 0)
			rc = year_to_date(h, &top, path, err);
	}
	if (!rc && !h->progress && h->idx[TZ_PF_ANNUAL] < 0)
		rc = near_column(h, &top, TZ_PF_ANNUAL, 0, path, err);
	if (!rc && h->progress && h->idx[TZ_RF_STATUS] >= 0)
		h->status_yes_no = !strcmp(top.text[h->idx[TZ_RF_STATUS]], "是否开工");
	if (!rc && h->progress && h->idx[TZ_RF_COMPLETED] >= 0) {
		snprintf(h->completed_text, sizeof(h->completed_text), "%s",
			 top.text[h->idx[TZ_RF_COMPLETED]]);
		h->completed_month = top.c[h->idx[TZ_RF_COMPLETED]].month;
		h->completed_one_month = names_one_month(h->completed_text) || h->completed_month ||
					 h->ytd_only;
	}
	if (!rc && h->ytd_only)
		tz_buf_addf(&h->notes, "本表没有本期（当月）完成投资，只有年初以来的累计数“%s”："
			    "本期完成投资按累计数减去此前各月已导入的完成投资算出；",
			    h->completed_text);
	if (!rc && h->progress && title_span[0] && h->idx[TZ_RF_COMPLETED] >= 0 && !h->ytd_only &&
	    !names_one_month(top.text[h->idx[TZ_RF_COMPLETED]]))
		/* "2025年1-10月…完成情况" above a plain 完成投资: the figures may
		 * be the months' sum, stored as one month's they would count
		 * the earlier months twice (audit 8, 2026-11-30). */
		rc = tz_err_set_at(err, TZ_EINVAL, path, span_line, NULL,
				   "标题“%s”写的是几个月，第%ld行的“%s”可能是累计完成数，不能当作一个月的"
				   "本期完成投资，整个文件未导入；如果是当月数，请把列名改为“本月完成投资”",
				   title_span, h->line, top.text[h->idx[TZ_RF_COMPLETED]]);
	else if (!rc && h->progress && h->title_end.year && h->idx[TZ_RF_PERIOD] >= 0 &&
		 h->idx[TZ_RF_COMPLETED] >= 0 && !h->completed_one_month)
		/* "截至2025年10月底…" above a 调度期 column and a plain 完成投资:
		 * the same doubt as a span (issue 7; without a 调度期 column
		 * the refusal above says it). */
		rc = title_end_plain(h, &top, path, err);
out:
	h->reader = NULL;
	free(parent_unit);
	free(parent_exp);
	hrow_free(&top);
	hrow_free(&next);
	hrow_free(&grp);
	return rc;
}

int tz_header_check_sheet(const struct tz_header *h, const char *sheet, const char *path,
			  struct tz_err *err)
{
	if (!h->progress || h->ytd_only || !sheet || h->idx[TZ_RF_COMPLETED] < 0 ||
	    !names_months_span(sheet))
		return 0;
	if (!h->completed_one_month)
		return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
				     "工作表名称“%s”写的是几个月，“%s”可能是累计完成数，不能当作一个月的"
				     "本期完成投资，整个文件未导入；如果是当月数，请把列名改为“本月完成投资”",
				     sheet, h->completed_text);
	if (strstr(sheet, "累计"))
		return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
				     "工作表名称“%s”写的是累计数，而“%s”是一个月的完成投资，不知道该列是"
				     "当月数还是累计数，整个文件未导入；请核对：如果是当月数，请把工作表改名"
				     "（去掉“累计”）；累计数不能作为本期完成投资导入", sheet, h->completed_text);
	return 0;
}


/*
 * Whether `len` bytes at `s` hold 元, 万 or 亿 (U+5143, U+4E07, U+4EBF:
 * E5 85 83, E4 B8 87, E4 BA BF), in one pass: this runs on every cell
 * of a file, where three memmem() calls cost an eighth of a progress
 * import.
 */
static int names_money_unit(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	for (; end - p >= 3; p++) {
		if (*p < 0xE4 || *p > 0xE5)
			continue;
		if ((p[0] == 0xE5 && p[1] == 0x85 && p[2] == 0x83) ||
		    (p[0] == 0xE4 && ((p[1] == 0xB8 && p[2] == 0x87) || (p[1] == 0xBA && p[2] == 0xBF))))
			return 1;
	}
	return 0;
}

/*
 * Whether NFKC text `s` offers two units of money as alternatives in one
 * word: "亿元或万元", "亿元/万元", "万元、亿元" (a note under the table,
 * 2026-12-01: "注：金额单位为亿元或万元" was passed over, so the amounts
 * were read as 万元 with exit 0). A unit of money before the separator
 * (ending in 元) and one after it (a word of at most four characters up
 * to its 元 that money_unit() reads). "元/平方米" is a price, not two
 * units. Puts the two in text (size bytes).
 */
static int two_money_units(const char *s, size_t len, char *text, size_t size)
{
	static const char *const seps[] = { "/", "或", "、", "和", "及" };
	const char *end = s + len, *yuan = "元";
	size_t yl = strlen(yuan);

	for (const char *p = s; p + yl <= end; p++) {
		const char *q, *e;
		int exp;

		if (memcmp(p, yuan, yl))
			continue;
		q = p + yl;
		for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
			size_t sl = strlen(seps[i]);

			if ((size_t)(end - q) <= sl || memcmp(q, seps[i], sl))
				continue;
			q += sl;
			/* The next 元 within four characters (12 bytes). */
			for (e = q; e + yl <= end && e - q <= 12; e++)
				if (!memcmp(e, yuan, yl))
					break;
			if (e + yl > end || e - q > 12 || !money_unit(q, (size_t)(e - q) + yl, &exp))
				break;
			/* Back from p over the scale before 元 (亿, 万, 千, 百, 十). */
			const char *b = p;

			while (b - s >= 3 && (!memcmp(b - 3, "亿", 3) || !memcmp(b - 3, "万", 3) ||
					      !memcmp(b - 3, "千", 3) || !memcmp(b - 3, "百", 3) ||
					      !memcmp(b - 3, "十", 3)))
				b -= 3;
			snprintf(text, size, "%.*s", (int)(e + yl - b), b);
			return 1;
		}
	}
	return 0;
}

/* Whether column i of the header is read as a field or as the 序号. */
static int column_read(const struct tz_header *h, size_t i)
{
	if (h->seq_idx >= 0 && (size_t)h->seq_idx == i)
		return 1;
	for (size_t f = 0; f < h->nfields; f++)
		if (h->idx[f] >= 0 && (size_t)h->idx[f] == i)
			return 1;
	return 0;
}

static int check_unit_cells(const struct tz_header *h, const struct tz_row *row, int data,
			    const char *path, struct tz_err *err);

/*
 * Cell i of `row`, in a column of currencies (currency_column): blank, a
 * mark of none ("—", "/"), or the yuan ("人民币", "元", "RMB", "CNY",
 * "人民币万元") reads as before; anything else refuses the file naming
 * the row, the column and what it says (walkthrough 15).
 */
static int currency_cell(const struct tz_header *h, const struct tz_row *row, size_t i,
			 const char *path, struct tz_err *err)
{
	struct tz_buf norm = TZ_BUF_INIT;
	const char *c = row->cells[i];
	size_t len = row->lens[i], q = len;
	char a[8];
	int e, rc = 0;

	if (tz_text_is_blank(c, len) || tz_money_is_blank_mark(c, len) || tz_text_nfkc(c, len, &norm))
		goto out;
	drop_spaces(&norm);
	if (!norm.len || yuan_word(norm.buf, norm.len) || money_unit(norm.buf, norm.len, &e) > 0)
		goto out;
	if (q > 60)
		for (q = 60; q && ((unsigned char)c[q] & 0xC0) == 0x80; q--)
			;
	col_letters(i, a);
	rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, h->col_text[i],
			   "第%ld行第%s列“%s”写的是“%.*s”：这一行的金额不是人民币，无法换算为万元，"
			   "整个文件未导入；请把金额折算为人民币后重新导入（币种写“人民币”）",
			   row->line, a, h->col_text[i], (int)q, c);
out:
	tz_buf_release(&norm);
	return rc;
}

int tz_header_check_unit(const struct tz_header *h, const struct tz_row *row, int data,
			 const char *path, struct tz_err *err)
{
	/* A data row whose every cell is in a column read (h->read_cols)
	 * has no cell to look at: the common case, asked of every row, so
	 * answered before any of the cell loop's set-up. */
	if (data && row->ncells <= 64 &&
	    (h->read_cols | (row->ncells == 64 ? 0 : ~UINT64_C(0) << row->ncells)) == ~UINT64_C(0))
		return 0;
	return check_unit_cells(h, row, data, path, err);
}

/* ISO codes of currencies a remark may name ("外资（USD）"): letters
 * that are a currency, unlike "PPP", "EPC" or "BOT". */
static const char *const iso_currencies[] = { "USD", "HKD", "EUR", "JPY", "GBP", "MOP", "TWD",
					      "AUD", "CAD", "KRW", "SGD", "CHF", "RUB", "THB",
					      "INR", "MYR" };

static int ascii_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The first currency other than the yuan in [s, s + n) at or after
 * `from`: a word of the core's rule (tz_money_currency_in) or an ISO
 * code standing alone among letters; NULL, else where with *wn bytes. */
static const char *next_currency(const char *s, size_t n, size_t from, size_t *wn)
{
	const char *best = tz_money_currency_in(s + from, n - from, wn);

	for (size_t i = from; i + 3 <= n && (!best || s + i < best); i++) {
		int alone = (!i || !ascii_letter(s[i - 1])) && (i + 3 == n || !ascii_letter(s[i + 3]));

		for (size_t k = 0; alone && k < sizeof(iso_currencies) / sizeof(iso_currencies[0]); k++)
			if (!strncasecmp(s + i, iso_currencies[k], 3)) {
				*wn = 3;
				return s + i;
			}
	}
	return best;
}

/* The start of the clause ending at `at` in s: after the last separator
 * (",", ";", "，", "；", "。", "、") before it, else s. */
static const char *clause_start(const char *s, const char *at)
{
	static const char *const stops[] = { ",", ";", "，", "；", "。", "、" };
	const char *c = s;

	for (const char *p = s; p < at; p++)
		for (size_t k = 0; k < sizeof(stops) / sizeof(stops[0]); k++)
			if (!strncmp(p, stops[k], strlen(stops[k])) && p + strlen(stops[k]) <= at)
				c = p + strlen(stops[k]);
	return c;
}

/*
 * The amount of header h a clause [c, c + n) of a remark names (总投资,
 * 投资总额; 计划投资, 年度计划; 完成投资, 本期/本月/累计完成), when h
 * reads that amount: its field's name ("总投资") into name (`size`
 * bytes), 1; else 0. "利用外资", "外资金额" name none of them.
 */
static int remark_amount(const struct tz_header *h, const char *c, size_t n, char *name,
			 size_t size)
{
	static const struct {
		const char *word, *field;
	} words[] = {
		{ "总投资", "总投资" },     { "投资总额", "总投资" },   { "计划投资", "计划投资" },
		{ "年度计划", "计划投资" }, { "完成投资", "完成投资" }, { "本期完成", "完成投资" },
		{ "本月完成", "完成投资" }, { "累计完成", "完成投资" },
	};

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		if (!memmem(c, n, words[k].word, strlen(words[k].word)))
			continue;
		for (size_t f = 0; f < h->nfields; f++)
			if (h->cols[f].money && h->idx[f] >= 0 && strstr(h->cols[f].header, words[k].field)) {
				const char *fn;
				size_t l = field_name(h, f, &fn);

				snprintf(name, size, "%.*s", (int)l, fn);
				return 1;
			}
	}
	return 0;
}

/* Whether a remark says its foreign money was converted ("已折算为人民币",
 * "折合", "换算"), and not that it was not ("未折算", "没有换算"). */
static int says_converted(const char *s, size_t n)
{
	static const char *const words[] = { "折算", "折合", "换算" };
	static const char *const nots[] = { "未", "没", "不", "无" };

	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		for (const char *w = memmem(s, n, words[k], strlen(words[k])); w;
		     w = memmem(w + 1, n - (size_t)(w + 1 - s), words[k], strlen(words[k]))) {
			int denied = 0;

			/* "未折算", "没有折算", "不折算", "未经换算". */
			for (size_t j = 0; j < sizeof(nots) / sizeof(nots[0]) && !denied; j++) {
				const char *q = memmem(w - (w - s > 9 ? 9 : w - s),
						       (size_t)(w - s > 9 ? 9 : w - s), nots[j],
						       strlen(nots[j]));

				denied = q != NULL;
			}
			if (!denied)
				return 1;
		}
	return 0;
}

/*
 * Whether NFKC text without spaces `s` (`n` bytes), a project's cell in
 * a column no field reads, states the currency of the row's amounts
 * (walkthrough 15, 2026-12-02: "金额为美元", "万美元", "以港币计" in a 备注
 * were left unread, the amounts stored as 人民币). In a column of remarks
 * (`note`: 备注, 说明, 附注, blank): the cell is a unit word of a foreign
 * currency and nothing else ("万美元", "港币", "USD" when an ISO code of
 * a currency), or holds a statement of the amounts' unit naming one
 * ("金额为美元", "单位：万元（外汇）", "以港币计": next_unit), and since
 * walkthrough 16 (2026-12-02: "总投资为美元", "外资（USD）", "按美元计"
 * were stored as 人民币 with exit 0) a currency said to be what the
 * amounts are counted in: after 按, 以, 用 ("按美元计", "以美元为单位"),
 * after 为, 是 or ":" whose subject is an amount or currency ("总投资为
 * 美元", "资金币种是USD", "投资:美元"), each ending the clause or followed
 * by 计, 计价, 结算… ("为美元的部分" describes a part, "按美元汇率" a
 * rate), or in brackets after a label in a cell without figures ("外资
 * （USD）", "总投资（美元）"). 1 with the currency's word in text (`size`
 * bytes). In any column no field reads: a clause naming an amount the
 * header reads (remark_amount: 总投资, 年度计划投资, 完成投资) with a
 * figure in a foreign currency ("总投资1.2亿美元" beside a 总投资 of 12)
 * or said to be in one: 2, the amount's name in subj (`ssize` bytes) —
 * which figure is the 人民币 one cannot be told. A remark saying the
 * money was converted ("…部分已折算为人民币") and a figure after one in
 * 元 ("总投资1.2亿元（约合1700万美元）") state none. Decided: a currency
 * beside a figure of something else ("利用外资500万美元", "外资金额为500
 * 万美元") and a currency word in a sentence that states no unit ("外资
 * 来源币种为美元的部分已折算", "美元汇率按7.1折算") are none: both stay
 * remarks, as written.
 */
static int remark_currency(const struct tz_header *h, const char *s, size_t n, int note,
			   char *text, size_t size, char *subj_name, size_t ssize)
{
	/* What may follow the currency in a statement of the amounts'. */
	static const char *const ends[] = { ",", ";", ")", "，", "；", "。", "、", "计", "结算",
					    "核算", "填报", "填列", "列示", "为单位" };
	static const char *const counts[] = { "按", "以", "用", "采用" };
	static const char *const joins[] = { "为", "是", ":" };
	static const char *const subjects[] = { "投资", "金额", "资金", "额", "币种", "货币", "币别",
						"外资", "计价", "结算", "单位", "本表", "以上" };
	const char *at = s, *subj, *cur;
	size_t subj_len, wn, from = 0;
	int e, u, letters = n == 3, digits = has_digit(s, n);

	if (says_converted(s, n))
		return 0;
	for (size_t i = 0; letters && i < n; i++)
		letters = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z');
	if (note && !digits && currency_unit_word(s, n)) {
		/* "PPP", "EPC", "BOT": letters, not a currency. */
		for (size_t i = 0; letters && i < sizeof(iso_currencies) / sizeof(iso_currencies[0]); i++)
			if (!strncasecmp(s, iso_currencies[i], 3))
				letters = 0;
		if (!letters) {
			while (n >= size || (n && ((unsigned char)s[n] & 0xC0) == 0x80))
				n--;
			snprintf(text, size, "%.*s", (int)n, s);
			return 1;
		}
	}
	while (note && (u = next_unit(s, &at, &e, text, size, &subj, &subj_len)) != 0)
		if (u < 0 && !has_digit(text, strlen(text)))
			return 1;
	while ((cur = next_currency(s, n, from, &wn)) != NULL) {
		const char *c = clause_start(s, cur), *p = cur, *after = cur + wn;
		size_t rest = n - (size_t)(after - s);
		int ended = !rest, amount, bracket = 0;

		from = (size_t)(after - s);
		for (size_t k = 0; !ended && k < sizeof(ends) / sizeof(ends[0]); k++)
			ended = starts_with(after, rest, ends[k]);
		snprintf(text, size, "%.*s", (int)(wn < size ? wn : size - 1), cur);
		/* "总投资1.2亿美元": a figure, its scale before the currency. */
		while (p > c && (starts_with(p - 3, 3, "万") || starts_with(p - 3, 3, "亿") ||
				 starts_with(p - 3, 3, "千") || starts_with(p - 3, 3, "百")))
			p -= 3;
		if (p > c && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.')) {
			while (p > c && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.'))
				p--;
			/* "总投资1.2亿元(约合1700万美元)": the amount in 元 first. */
			if (!memmem(c, (size_t)(p - c), "元", strlen("元")) &&
			    remark_amount(h, c, (size_t)(p - c), subj_name, ssize))
				return 2;
			continue;
		}
		p = cur;
		if (p - 1 >= c && *(p - 1) == '(') {
			p--;
			bracket = 1;
		}
		amount = remark_amount(h, c, (size_t)(p - c), subj_name, ssize);
		/* "外资（USD）", "总投资（美元）": a label's currency. */
		if (bracket && !digits && starts_with(after, rest, ")") && (note || amount))
			return amount ? 2 : 1;
		if (!ended)
			continue;
		for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++)
			if ((size_t)(p - c) >= strlen(counts[k]) && ends_with(c, (size_t)(p - c), counts[k]) &&
			    (note || amount))
				return amount ? 2 : 1;
		for (size_t k = 0; k < sizeof(joins) / sizeof(joins[0]); k++) {
			size_t sl;

			if (!ends_with(c, (size_t)(p - c), joins[k]))
				continue;
			sl = (size_t)(p - c) - strlen(joins[k]);
			if (amount)
				return 2;
			for (size_t w = 0; note && w < sizeof(subjects) / sizeof(subjects[0]); w++)
				if (!sl || memmem(c, sl, subjects[w], strlen(subjects[w])))
					return 1;
		}
	}
	return 0;
}

/* Whether a header cell as written names a column of remarks on the
 * row (备注, 说明, 附注) or is blank: where a clerk notes the currency. */
static int note_column(const char *s)
{
	return !*s || strstr(s, "备注") || strstr(s, "说明") || strstr(s, "附注");
}

/* tz_header_check_unit past its first test. */
static int check_unit_cells(const struct tz_header *h, const struct tz_row *row, int data,
			    const char *path, struct tz_err *err)
{
	struct tz_buf norm = TZ_BUF_INIT, applied = TZ_BUF_INIT;
	char text[32], amount[32];
	int unit = 0, exp = 0, rc = 0, kind;
	/* Columns 0..63 read (column_read), for data rows. */
	uint64_t read = data ? h->read_cols : 0;

	for (size_t i = 0; i < row->ncells && !rc; i++) {
		const char *at, *subj, *c = row->cells[i];
		size_t subj_len, wn, len = row->lens[i];
		int whole, col_unit;

		/* In a project's row only a cell no column reads, and all of it
		 * a statement ("(亿元)" in a 备注 column). Every unit of money
		 * names 元, 万 or 亿. */
		if (!len || (data && (i < 64 ? (int)((read >> i) & 1) : column_read(h, i))))
			continue;
		/* A project's 币种: the yuan, or nothing (walkthrough 15). A
		 * section heading merged across the row is not one. */
		if (data && i < 64 && ((h->currency_cols >> i) & 1)) {
			if ((rc = currency_cell(h, row, i, path, err)) != 0)
				break;
			continue;
		}
		/* A currency needs none of 元, 万, 亿: "以英镑计", "英磅". */
		if (!names_money_unit(c, len) && !memmem(c, len, "币", strlen("币")) &&
		    !next_currency(c, len, 0, &wn))
			continue;
		tz_buf_reset(&norm);
		if (tz_text_nfkc(c, len, &norm))
			continue;
		drop_spaces(&norm);
		/* "注：币种：美元" (walkthrough 14); in a project's row only a
		 * cell that is the statement ("币种：美元" in a 备注 column). */
		if ((!data || currency_label_first(norm.buf)) &&
		    currency_statement(norm.buf, text, sizeof(text))) {
			size_t q = len;

			if (q > 120)
				for (q = 120; q && ((unsigned char)c[q] & 0xC0) == 0x80; q--)
					;
			rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
					   "第%ld行“%.*s”注明%s，金额不是人民币，无法换算为万元，"
					   "整个文件未导入",
					   row->line, (int)q, c, text);
			break;
		}
		/* A project's 备注 stating the currency of its amounts; not a
		 * 建设内容 describing the project ("以美元计价结算的出口"),
		 * unless it names an amount read ("总投资1.2亿美元"). */
		if (data && i < 64 &&
		    (kind = remark_currency(h, norm.buf, norm.len, note_column(h->col_text[i]), text,
					    sizeof(text), amount, sizeof(amount))) != 0) {
			char a[8];
			size_t q = len;

			if (q > 120)
				for (q = 120; q && ((unsigned char)c[q] & 0xC0) == 0x80; q--)
					;
			col_letters(i, a);
			if (kind == 2)
				rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
						   "第%ld行第%s列%s%s%s写的是“%.*s”：这段文字写的%s是%s，不是人民币，"
						   "而本行的%s按人民币万元读，不知道该列的金额是人民币还是%s、"
						   "有没有折算，整个文件未导入；请把%s折算为人民币填入%s列，"
						   "并删去或改写这段文字中的外币金额后重新导入",
						   row->line, a, h->col_text[i][0] ? "“" : "", h->col_text[i],
						   h->col_text[i][0] ? "”" : "", (int)q, c, amount, text,
						   amount, text, amount, amount);
			else
				rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
						   "第%ld行第%s列%s%s%s写的是“%.*s”：这一行的金额是%s，不是人民币，"
						   "无法换算为万元，整个文件未导入；请把金额折算为人民币后重新导入",
						   row->line, a, h->col_text[i][0] ? "“" : "", h->col_text[i],
						   h->col_text[i][0] ? "”" : "", (int)q, c, text);
			break;
		}
		/* In a column of units ("单位") a bare "亿元" is the row's. */
		col_unit = i < 64 && ((h->unit_cols >> i) & 1);
		whole = unit_statement(norm.buf, norm.len, col_unit, &exp, text, sizeof(text));
		if (whole == 2) {
			rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
					   "第%ld行注明金额单位为%s，写了不同的单位，不知道金额该按哪个单位读，"
					   "整个文件未导入；请只写一个单位",
					   row->line, text);
			break;
		}
		if (data && !whole)
			continue;
		if (!whole && two_money_units(norm.buf, norm.len, text, sizeof(text))) {
			rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
					   "第%ld行注明金额单位为“%s”，写了两个单位，不知道金额该按哪个单位读，"
					   "整个文件未导入；请只写一个单位，或在表头写明单位（如“总投资(万元)”）",
					   row->line, text);
			break;
		}
		at = norm.buf;
		if (!whole) {
			/* "单位：亿元　　填报人：张三": a run of spaces ends a
			 * word when the text without spaces states nothing. */
			const char *a2 = norm.buf;

			if (!next_stated(norm.buf, &a2, &exp, text, sizeof(text), &subj, &subj_len)) {
				tz_buf_reset(&norm);
				if (tz_text_nfkc(c, len, &norm))
					continue;
				unit_fold(&norm, 1);
				at = norm.buf;
			}
		}
		while (!rc && (unit = whole ? whole : next_stated(norm.buf, &at, &exp, text,
								 sizeof(text), &subj, &subj_len))) {
			int differs = unit < 0, named = 0;

			if (whole) {
				/* The whole cell: about the table, once. */
				subj = norm.buf;
				subj_len = 0;
				whole = 0;
				at = norm.buf + norm.len;
			}

			/* "总投资单位为亿元" is about that column only. */
			for (size_t f = 0; f < h->nfields; f++) {
				const char *name;
				size_t n = field_name(h, f, &name);

				if (h->cols[f].money && h->idx[f] >= 0 &&
				    memmem(subj, subj_len, name, n))
					named = 1;
			}
			for (size_t f = 0; f < h->nfields; f++) {
				const char *name;
				size_t n = field_name(h, f, &name);

				if (!h->cols[f].money || h->idx[f] < 0 ||
				    (named && !memmem(subj, subj_len, name, n)))
					continue;
				if (h->unit_exp[f] != exp)
					differs = 1;
			}
			if (!differs)
				continue;
			if (unit < 0) {
				rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
						   "第%ld行注明金额单位为%s，无法换算为万元，整个文件未导入："
						   "这是外币，金额不是人民币；请把金额折算为人民币后重新导入",
						   row->line, text);
				break;
			}
			if (col_unit) {
				char a[8];
				size_t m = 0;

				while (m + 1 < h->nfields && !(h->cols[m].money && h->idx[m] >= 0))
					m++;
				col_letters(i, a);
				rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
						   "第%ld行第%s列（单位列）写的是%s，而表头的金额没有写这个单位，"
						   "金额会按%s读：各行金额的单位写在单位列中的表格无法导入，"
						   "整个文件未导入；请把金额都换算为同一单位，并在表头注明"
						   "（如“总投资(%s)”）",
						   row->line, a, text, tz_header_unit_name(h->unit_exp[m]), text);
				break;
			}
			/* "总投资、年度计划投资按万元": the columns read, by unit. */
			for (size_t f = 0; f < h->nfields; f++) {
				size_t before = applied.len;

				if (!h->cols[f].money || h->idx[f] < 0)
					continue;
				for (size_t g = 0; g < f; g++)
					if (h->cols[g].money && h->idx[g] >= 0 &&
					    h->unit_exp[g] == h->unit_exp[f])
						goto next;  /* listed with g */
				for (size_t g = f; g < h->nfields; g++) {
					const char *name;
					size_t n = field_name(h, g, &name);

					if (!h->cols[g].money || h->idx[g] < 0 ||
					    h->unit_exp[g] != h->unit_exp[f])
						continue;
					tz_buf_addf(&applied, "%s%.*s",
						    applied.len == before ? (before ? "，" : "") : "、",
						    (int)n, name);
				}
				tz_buf_addf(&applied, "按%s", tz_header_unit_name(h->unit_exp[f]));
next:;
			}
			/* The example names a column read, the one named first
			 * ("本期完成投资(亿元)" in a report, not 总投资). */
			{
				const char *ex = "总投资", *name;
				size_t exn = strlen(ex), n;

				for (size_t f = h->nfields; f-- > 0;) {
					if (!h->cols[f].money || h->idx[f] < 0)
						continue;
					n = field_name(h, f, &name);
					if (!named || memmem(subj, subj_len, name, n)) {
						ex = name;
						exn = n;
					}
				}
				rc = tz_err_set_at(err, TZ_EINVAL, path, row->line, NULL,
						   "第%ld行注明%.*s单位为%s，与表头的单位不同（%s读）："
						   "不知道金额该按哪个单位读，整个文件未导入；"
						   "请在表头写明单位（如“%.*s(%s)”）后重新导入",
						   row->line, (int)(named ? subj_len : strlen("金额")),
						   named ? subj : "金额", text, applied.buf, (int)exn, ex,
						   text);
			}
		}
	}
	/* Most rows name no unit: nothing was allocated. */
	if (norm.alloc)
		tz_buf_release(&norm);
	if (applied.alloc)
		tz_buf_release(&applied);
	return rc;
}

int tz_header_note_unit(const struct tz_header *h, const struct tz_row *row, int *exp,
			char *text, size_t size)
{
	struct tz_buf norm = TZ_BUF_INIT;
	const char *c = NULL, *at, *subj;
	size_t len = 0, subj_len;
	int unit, e = 0, found = 0, ok = 1, money = 0;

	for (size_t i = 0; i < row->ncells; i++) {
		if (tz_text_is_blank(row->cells[i], row->lens[i]))
			continue;
		if (c)
			return 0;  /* a note is one cell */
		c = row->cells[i];
		len = row->lens[i];
	}
	for (size_t f = 0; f < h->nfields; f++)
		if (h->cols[f].money && h->idx[f] >= 0) {
			if (h->unit_stated[f])
				return 0;
			money = 1;
		}
	if (!c || !money || !names_money_unit(c, len) || tz_text_nfkc(c, len, &norm)) {
		tz_buf_release(&norm);
		return 0;
	}
	drop_spaces(&norm);
	unit = unit_statement(norm.buf, norm.len, 0, &e, text, size);
	if (unit == 1) {
		found = 1;
	} else if (!unit) {
		at = norm.buf;
		while ((unit = next_stated(norm.buf, &at, exp, text, size, &subj, &subj_len))) {
			/* One unit of money for the whole table, nothing else:
			 * not one for some columns ("总投资为万元"). */
			if (unit != 1 || (found && *exp != e) || names_one_column(subj, subj_len)) {
				ok = 0;
				break;
			}
			for (size_t f = 0; f < h->nfields; f++) {
				const char *name;
				size_t n = field_name(h, f, &name);

				if (h->cols[f].money && h->idx[f] >= 0 && memmem(subj, subj_len, name, n))
					ok = 0;
			}
			e = *exp;
			found = 1;
		}
	}
	tz_buf_release(&norm);
	if (!ok || !found)
		return 0;
	*exp = e;
	return 1;
}

void tz_header_cell_unit(const struct tz_header *h, struct tz_cell_units *u, size_t f,
			 const char *v, size_t len, long line)
{
	size_t k;

	if (f >= TZ_HEADER_FIELDS_MAX || h->unit_stated[f] || !len)
		return;
	for (k = 0; k < len && (v[k] == '0' || v[k] == '.'); k++)
		;
	if (k == len)
		return;
	if (names_money_unit(v, len)) {
		if (!u->unit_line[f]) {
			u->unit_line[f] = line;
			snprintf(u->unit[f], sizeof(u->unit[f]), "%.*s", (int)(len > 36 ? 36 : len), v);
		}
	} else if (!u->bare_line[f]) {
		u->bare_line[f] = line;
		snprintf(u->bare[f], sizeof(u->bare[f]), "%.*s", (int)(len > 36 ? 36 : len), v);
	}
}

void tz_header_note_units(const struct tz_header *h, struct tz_cell_units *u,
			  const struct tz_row *row)
{
	struct tz_buf norm = TZ_BUF_INIT;
	const char *name;
	size_t n;

	if (!h->unit_plain || u->plain_named)
		return;
	n = field_name(h, (size_t)h->unit_plain - 1, &name);
	for (size_t i = 0; i < row->ncells && !u->plain_named; i++) {
		const char *at, *subj;
		size_t subj_len;
		char text[32];
		int exp = 0;

		if (!row->lens[i] || !names_money_unit(row->cells[i], row->lens[i]))
			continue;
		tz_buf_reset(&norm);
		if (tz_text_nfkc(row->cells[i], row->lens[i], &norm))
			continue;
		drop_spaces(&norm);
		at = norm.buf;
		/* "年度计划投资单位为万元": about that column; a unit other
		 * than the one it is read in is refused by
		 * tz_header_check_unit. */
		while (next_stated(norm.buf, &at, &exp, text, sizeof(text), &subj, &subj_len) > 0)
			if (!exp && memmem(subj, subj_len, name, n))
				u->plain_named = 1;
	}
	tz_buf_release(&norm);
}

int tz_header_units_end(const struct tz_header *h, const struct tz_cell_units *u,
			const char *path, struct tz_err *err)
{
	if (h->unit_plain && !u->plain_named)
		return tz_err_set_at(err, TZ_EINVAL, path, h->line, h->cols[h->unit_plain - 1].header,
				     "%s", h->unit_plain_msg);
	for (size_t f = 0; f < h->nfields && f < TZ_HEADER_FIELDS_MAX; f++) {
		const char *name;
		size_t n;

		if (!u->bare_line[f] || !u->unit_line[f])
			continue;
		n = field_name(h, f, &name);
		return tz_err_set_at(err, TZ_EINVAL, path, u->bare_line[f], h->cols[f].header,
				     "第%ld行%.*s“%s”没有写单位，而表头没有写金额单位、同一列第%ld行写的是"
				     "“%s”：不知道第%ld行的金额该按哪个单位读，整个文件未导入；"
				     "请在表头注明金额单位（如“%.*s（万元）”），或在每一格都写明单位",
				     u->bare_line[f], (int)n, name, u->bare[f], u->unit_line[f],
				     u->unit[f], u->bare_line[f], (int)n, name);
	}
	return 0;
}

int tz_header_outside_unit(const struct tz_header *h, const char *text, const char *where,
			   const char *path, struct tz_err *err)
{
	char unit[32] = "";
	int u = 0, exp = 0;
	size_t f;

	if (!text || !names_money_unit(text, strlen(text)))
		return 0;
	for (f = 0; f < h->nfields; f++)
		if (h->cols[f].money && h->idx[f] >= 0 && !h->unit_stated[f])
			break;
	if (f == h->nfields)
		return 0;
	if (!table_unit(text, 1, &u, &exp, unit, sizeof(unit), NULL)) {
		/* "…（总投资：亿元）.xlsx": a column's unit, said without 单位
		 * (walkthrough 16), is a unit stated outside the header too. */
		struct col_clauses cl = { .n = 0 };
		struct tz_buf norm = TZ_BUF_INIT;

		if (!tz_text_nfkc(text, strlen(text), &norm)) {
			drop_spaces(&norm);
			column_clauses(norm.buf, &cl, NULL);
		}
		tz_buf_release(&norm);
		for (size_t k = 0; k < cl.n && !u; k++)
			if (cl.c[k].unit < 0 || cl.c[k].exp) {
				u = cl.c[k].unit;
				exp = cl.c[k].exp;
				snprintf(unit, sizeof(unit), "%s", cl.c[k].text);
			}
		if (!u)
			return 0;
	}
	if (u == 1 && !exp)
		return 0;
	return tz_err_set_at(err, TZ_EINVAL, path, h->line, NULL,
			     "表头没有写金额单位，而%s“%s”写的是%s：不知道金额该按哪个单位读，"
			     "整个文件未导入；请在表头注明单位（如“总投资(%s)”）",
			     where, text, unit, unit);
}

void tz_header_release(struct tz_header *h)
{
	tz_buf_release(&h->unread);
	tz_buf_release(&h->notes);
	tz_buf_release(&h->pending_text);
	free(h->pending_cells);
	free(h->pending_lens);
	free(h->pending_kinds);
	memset(h, 0, sizeof(*h));
}

/* ------------------------------------------------------------------ */
/* Rows that are not projects                                          */

static const char *const note_words[] = {
	"注:", "注：", "备注:", "备注：", "说明:", "说明：", "填报人", "填表人", "审核人",
	"制表人", "制表:", "制表：", "联系人", "联系电话", "填报单位", "单位负责人", "填报日期",
	"审核:", "审核：",
};
static const char *const section_names[] = {
	"续建项目", "新开工项目", "新建项目", "前期项目", "竣工项目", "在建项目", "储备项目",
	"计划新开工项目", "预备项目", "谋划项目",
};
static const char *const cjk_numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八",
					    "九", "十" };

/* Length of a run of Chinese numerals at s (0 if none). */
static size_t numerals(const char *s, size_t len)
{
	size_t n = 0;

	for (;;) {
		size_t before = n;

		for (size_t i = 0; i < 10; i++)
			if (starts_with(s + n, len - n, cjk_numerals[i])) {
				n += strlen(cjk_numerals[i]);
				break;
			}
		if (n == before)
			return n;
	}
}

/* A total or a breakdown (其中：) in one cell, decided on the whole cell
 * (rowmark.h); TZ_ROW_DATA if neither. */
static enum tz_row_kind marked(const char *s, size_t len)
{
	switch (len ? tz_row_mark(s, len) : TZ_MARK_NONE) {
	case TZ_MARK_TOTAL:
		return TZ_ROW_TOTAL;
	case TZ_MARK_BREAKDOWN:
		return TZ_ROW_SECTION;
	default:
		return TZ_ROW_DATA;
	}
}

static int is_note(const char *s, size_t len)
{
	/* Every row is asked: a note word starts with a CJK character, and
	 * a cell whose first byte is ASCII (a year, a code) is passed by
	 * it; the others by each word's first byte before a compare. */
	if (!len || (unsigned char)s[0] < 0x80)
		return 0;
	for (size_t i = 0; i < sizeof(note_words) / sizeof(note_words[0]); i++)
		if (note_words[i][0] == s[0] && starts_with(s, len, note_words[i]))
			return 1;
	return 0;
}

/* Whether s[0..len) is one of section_names, whole (续建项目). */
static int is_section_name(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(section_names) / sizeof(section_names[0]); i++)
		if (len == strlen(section_names[i]) && starts_with(s, len, section_names[i]))
			return 1;
	return 0;
}
/* 一、…  一 …  一  （一）…  (一)…  ——铁路  第一部分  …（12个）  续建项目 */
static int is_section(const char *s, size_t len)
{
	size_t n = numerals(s, len);

	if (n && (n == len || starts_with(s + n, len - n, "、") || starts_with(s + n, len - n, ".") ||
		  starts_with(s + n, len - n, "．") || starts_with(s + n, len - n, " ") ||
		  starts_with(s + n, len - n, "是")))
		return 1;
	if (starts_with(s, len, "（") || starts_with(s, len, "(")) {
		size_t o = starts_with(s, len, "（") ? strlen("（") : 1, k = numerals(s + o, len - o);

		if (k && (starts_with(s + o + k, len - o - k, "）") ||
			  starts_with(s + o + k, len - o - k, ")")))
			return 1;
	}
	if (starts_with(s, len, "—") || starts_with(s, len, "--") || starts_with(s, len, "－"))
		return 1;
	if (starts_with(s, len, "第") && numerals(s + strlen("第"), len - strlen("第")))
		return 1;
	if (ends_with(s, len, "个）") || ends_with(s, len, "个)") || ends_with(s, len, "项）") ||
	    ends_with(s, len, "项)"))
		return 1;
	if (is_section_name(s, len))
		return 1;
	return tz_row_is_heading(s, len);
}

/* Length of a count of projects at s: ASCII or Chinese digits, then
 * 个, 项, 个项目 or none (甲县(2)); 0 if there is none. */
static size_t group_count(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && s[n] >= '0' && s[n] <= '9')
		n++;
	if (!n)
		n = numerals(s, len);
	if (!n)
		return 0;
	if (starts_with(s + n, len - n, "个"))
		n += strlen("个");
	else if (starts_with(s + n, len - n, "项"))
		n += strlen("项");
	if (starts_with(s + n, len - n, "项目"))
		n += strlen("项目");
	return n;
}

/*
 * Whether s[0..len) is nothing, or what a group label writes after the
 * region's name: a count (（1个项目）, (2), [1个], 【1个】, 1个, ：1个,
 * after spaces or not) or a lone colon. The whole rest must be that.
 */
static int group_tail(const char *s, size_t len)
{
	static const char *const open[] = { "（", "(", "[", "【", "：", ":" };
	static const char *const close[] = { "）", ")", "]", "】", "", "" };
	size_t n = 0, k;

	for (;;) {
		if (starts_with(s + n, len - n, " "))
			n++;
		else if (starts_with(s + n, len - n, "　"))
			n += strlen("　");
		else
			break;
	}
	if (n == len)
		return 1;
	for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
		size_t o = strlen(open[i]);

		if (!starts_with(s + n, len - n, open[i]))
			continue;
		if (n + o == len && !*close[i])
			return 1; /* 甲县： */
		k = group_count(s + n + o, len - n - o);
		return k && len - n - o - k == strlen(close[i]) &&
		       starts_with(s + n + o + k, len - n - o - k, close[i]);
	}
	/* 甲县 1个, 甲县2个项目: the count's word is needed (甲县1 is a name) */
	k = group_count(s + n, len - n);
	return k && n + k == len &&
	       (ends_with(s, len, "个") || ends_with(s, len, "项") || ends_with(s, len, "项目"));
}

/*
 * Whether a row named `name`, in region `region`, is the row of a region's
 * group carrying its subtotal: the name is the region cell itself (a label
 * merged or spanned across the label columns: 甲县, 甲县（2个项目）), or
 * the region's name with a count after it (甲县（1个项目）, 甲县 1个,
 * 甲县：1个, 甲县[1个]), or 全县/全市/全区/全省/全旗 with or without a
 * count. A project is never named only after a county (ledger.md, "What
 * real sheets hold": totals are not projects). A memcmp or two per row.
 */
static int is_group_row(const char *name, size_t nlen, const char *region, size_t rlen)
{
	static const char *const whole[] = { "全县", "全市", "全区", "全省", "全旗", "全州" };

	if (!nlen || (unsigned char)name[0] < 0x80)
		return 0;
	if (rlen && nlen >= rlen && !memcmp(name, region, rlen) &&
	    group_tail(name + rlen, nlen - rlen))
		return 1;
	if (starts_with(name, nlen, "全"))
		for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
			if (starts_with(name, nlen, whole[i]) &&
			    group_tail(name + strlen(whole[i]), nlen - strlen(whole[i])))
				return 1;
	return 0;
}

static void cell_at(const struct tz_row *row, int i, const char **s, size_t *len)
{
	*s = "";
	*len = 0;
	if (i >= 0 && (size_t)i < row->ncells) {
		*s = row->cells[i];
		*len = row->lens[i];
		tz_text_trim(s, len);
	}
}

/*
 * Whether a row whose name reads as a heading (一、二期合建安置房) carries
 * what only a project row does (walkthrough 9, item 2): a 序号 of digits
 * (headings are numbered 一、（一）, never 3), or a region of its own --
 * not a range merged down over a group -- beside a 总投资 amount. A heading
 * has neither: 一、新开工项目 alone, with a count (（12个）) or with its
 * subtotal's amounts but no region, stays a heading.
 *
 * A region beside the amounts is no mark when the name is nothing but a
 * category (续建项目, （一）交通, 一、新开工项目: no project is named so)
 * or when the 序号 is a heading's enumerator (一, （二）) beside a name
 * that reads as a heading: a region filled down the whole column puts
 * one on every heading too, and such a row carrying its group's sums was
 * stored as a project, double-counting them (audit 10, S1). A few byte
 * tests, only for rows that look like headings.
 */
static int project_marks(const struct tz_header *h, const struct tz_row *row, const char *seq,
			 size_t slen, const char *name, size_t nlen)
{
	const char *region, *total;
	size_t rlen, tlen, i = 0;
	int ri = h->idx[TZ_PF_REGION];

	if (h->progress)
		return 0;
	while (i < slen && seq[i] >= '0' && seq[i] <= '9')
		i++;
	if (slen && i == slen && slen <= 6)
		return 1;
	if (nlen && (tz_row_is_bare_heading(name, nlen) || is_section_name(name, nlen)))
		return 0;
	if (slen && !i && is_section(seq, slen) && (!nlen || is_section(name, nlen)))
		return 0;
	cell_at(row, ri, &region, &rlen);
	cell_at(row, h->idx[TZ_PF_TOTAL], &total, &tlen);
	return rlen && !(row->flags[ri] & TZ_READ_MERGED) && tlen && total[0] >= '0' &&
	       total[0] <= '9';
}

enum tz_row_kind tz_header_row_kind(const struct tz_header *h, const struct tz_row *row)
{
	const char *code, *name, *seq, *first = "";
	size_t clen, nlen, slen, flen = 0;
	int code_f = h->progress ? TZ_RF_CODE : TZ_PF_CODE;
	/* A report naming its projects by region and name: the name is
	 * where a total or heading is written, as in a ledger. */
	int name_f = !h->progress ? TZ_PF_NAME : h->code_by_name ? TZ_RF_NAME : -1;
	int ci = h->idx[code_f];
	enum tz_row_kind k;

	/* The usual row: a code starting with a letter or digit, in the
	 * first column. No total, note or heading word starts that way;
	 * only its name may still say it is a total (站前区小计). */
	if (ci == 0 && row->ncells && row->lens[0] &&
	    ((row->cells[0][0] >= 'A' && row->cells[0][0] <= 'Z') ||
	     (row->cells[0][0] >= 'a' && row->cells[0][0] <= 'z') ||
	     (row->cells[0][0] >= '0' && row->cells[0][0] <= '9'))) {
		cell_at(row, name_f >= 0 ? h->idx[name_f] : -1, &name, &nlen);
		return marked(name, nlen);
	}

	for (size_t i = 0; i < row->ncells && !flen; i++) {
		first = row->cells[i];
		flen = row->lens[i];
		tz_text_trim(&first, &flen);
	}
	if (!flen)
		return TZ_ROW_BLANK;
	cell_at(row, h->idx[code_f], &code, &clen);
	cell_at(row, name_f >= 0 ? h->idx[name_f] : -1, &name, &nlen);
	cell_at(row, h->seq_idx, &seq, &slen);
	/* A total (or 其中) may be written anywhere along the row, and the
	 * row is one whatever else it carries: a region merged down over
	 * its projects, amounts, a code. */
	if ((k = marked(first, flen)) || (k = marked(code, clen)) || (k = marked(name, nlen)) ||
	    (k = marked(seq, slen)))
		return k;
	if (is_note(first, flen))
		return TZ_ROW_NOTE;
	/* A region's group row with its sums (甲县 spanned over 项目编号,
	 * 项目名称 and 所属地区; 甲县（1个项目）; 全县) is its subtotal,
	 * even where the span copied the label into the code column. */
	if (name_f >= 0 && !h->progress) {
		const char *region;
		size_t rlen;

		cell_at(row, h->idx[TZ_PF_REGION], &region, &rlen);
		if (is_group_row(name, nlen, region, rlen))
			return TZ_ROW_TOTAL;
	}
	/* A heading written in the code column, with no name beside it
	 * (一、续建项目 under 项目编号; audit 9, R18), is the heading it is
	 * in the 序号 or 项目名称 column: no project is nameless. */
	if (clen && !nlen && name_f >= 0 && is_section(code, clen))
		return TZ_ROW_SECTION;
	/* A row with a code is a project, whatever heading its name looks like. */
	if (clen)
		return TZ_ROW_DATA;
	if (((nlen && is_section(name, nlen)) || (slen && is_section(seq, slen)) ||
	     (!nlen && !slen && is_section(first, flen))) &&
	    !project_marks(h, row, seq, slen, name, nlen))
		return TZ_ROW_SECTION;
	return TZ_ROW_DATA;
}

void tz_header_name_cell(const struct tz_header *h, int field, size_t col, struct tz_err *err)
{
	char head[64], msg[sizeof(err->msg)];
	int n;

	if (field < 0 || (size_t)field >= h->nfields || !h->cols || err->field[0])
		return;
	n = snprintf(head, sizeof(head), "第%ld行第%zu列", err->line, col);
	if (n <= 0 || (size_t)n >= sizeof(head) || strncmp(err->msg, head, (size_t)n))
		return;
	snprintf(msg, sizeof(msg), "%s（%s）%s", head, h->cols[field].header, err->msg + n);
	memcpy(err->msg, msg, sizeof(msg));
	snprintf(err->field, sizeof(err->field), "%s", h->cols[field].header);
}
