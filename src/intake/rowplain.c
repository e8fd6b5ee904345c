/*
 * rowplain.c: rows and cells that are not what they look like
 * (rowplain.h). Audit 9 found each of them stored as a project or a
 * value with exit status 0: a template's example row (示例,XX污水处理厂),
 * the 栏次 row under a form's header (1,2,3,4 became project "2" in a new
 * region "3"), the header repeated at a page break, a ditto mark 同上
 * stored as a region and as a new organisation node.
 */
#include <string.h>

#include "base/text.h"
#include "core/project.h"
#include "core/progress.h"
#include "intake/rowplain.h"
#include "base/banned.h"

static int starts(const char *s, size_t len, const char *w)
{
	size_t l = strlen(w);

	return len >= l && !memcmp(s, w, l);
}

static int ends(const char *s, size_t len, const char *w)
{
	size_t l = strlen(w);

	return len >= l && !memcmp(s + len - l, w, l);
}

static int equals(const char *s, size_t len, const char *w)
{
	return len == strlen(w) && !memcmp(s, w, len);
}

static void cell(const struct tz_row *row, int i, const char **s, size_t *len)
{
	*s = "";
	*len = 0;
	if (i >= 0 && (size_t)i < row->ncells) {
		*s = row->cells[i];
		*len = row->lens[i];
		tz_text_trim(s, len);
	}
}

/* ---- the template's example row ---------------------------------- */

/* What a template writes in the 序号 or 项目编号 of its example. */
static const char *const sample_codes[] = { "示例", "例", "样例", "范例", "填报示例", "示例：",
					    "例：", "例:", "示例:" };
/* What an example's name starts with, or holds anywhere. */
static const char *const sample_starts[] = { "示例", "填报示例", "填写示例", "例：", "例:",
					     "样例", "范例：", "范例:", "（例）", "(例)" };
static const char *const sample_inside[] = { "（示例）", "(示例)", "【示例】", "[示例]",
					     "（样例）", "(样例)", "（填报示例）", "(填报示例)",
					     "（例）", "(例)" };

static int sample_key(const char *s, size_t len)
{
	/* Every word above is Chinese: a code (P2025001) is none of them. */
	if ((unsigned char)s[0] < 0x80)
		return 0;
	for (size_t i = 0; i < sizeof(sample_codes) / sizeof(sample_codes[0]); i++)
		if (equals(s, len, sample_codes[i]))
			return 1;
	return 0;
}

static int sample_name(const char *s, size_t len)
{
	/* Every word above starts with one of these bytes: 示 例 样 范 填 （ ( 【 [ */
	if (!len)
		return 0;
	if (s[0] == '(' ||
	    (len >= 3 && (!memcmp(s, "示", 3) || !memcmp(s, "填", 3) || !memcmp(s, "例", 3) ||
			  !memcmp(s, "样", 3) || !memcmp(s, "范", 3) || !memcmp(s, "（", 3))))
		for (size_t i = 0; i < sizeof(sample_starts) / sizeof(sample_starts[0]); i++)
			if (starts(s, len, sample_starts[i]))
				return 1;
	/* Each word inside has a bracket or 例 (示例 too). */
	if (!memchr(s, '(', len) && !memchr(s, '[', len) && !memmem(s, len, "例", 3))
		return 0;
	for (size_t i = 0; i < sizeof(sample_inside) / sizeof(sample_inside[0]); i++)
		if (memmem(s, len, sample_inside[i], strlen(sample_inside[i])))
			return 1;
	return 0;
}

/* ---- the 栏次 row ------------------------------------------------- */

static const char *const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };

enum label_kind { LABEL_NONE, LABEL_DIGIT, LABEL_LATIN, LABEL_STEM };

/* A column label: 1..99, one Latin letter, one of 甲乙丙…; its place in
 * its sequence (1-based) in *v. */
static enum label_kind label(const char *s, size_t len, int *v)
{
	if (len == 1 && s[0] >= '1' && s[0] <= '9') {
		*v = s[0] - '0';
		return LABEL_DIGIT;
	}
	if (len == 2 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
		*v = (s[0] - '0') * 10 + s[1] - '0';
		return LABEL_DIGIT;
	}
	if (len == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))) {
		*v = (s[0] | 0x20) - 'a' + 1;
		return LABEL_LATIN;
	}
	if (len == 3)
		for (size_t i = 0; i < sizeof(stems) / sizeof(stems[0]); i++)
			if (!memcmp(s, stems[i], 3)) {
				*v = (int)i + 1;
				return LABEL_STEM;
			}
	return LABEL_NONE;
}

/*
 * Every non-empty cell a label: a run of letters or stems counting from
 * the first (A B C, 甲 乙 丙) then numbers (1 1, 1 2), or numbers alone
 * counting from 1 (1 2 3 4); three labels at least.
 */
static int colnum_cells(const struct tz_row *row)
{
	enum label_kind run = LABEL_NONE;
	int next = 1, letters = 0, n = 0;

	for (size_t i = 0; i < row->ncells; i++) {
		const char *s;
		size_t len;
		enum label_kind k;
		int v;

		cell(row, (int)i, &s, &len);
		if (!len)
			continue;
		if ((k = label(s, len, &v)) == LABEL_NONE)
			return 0;
		n++;
		if (k != LABEL_DIGIT) {
			if ((run != LABEL_NONE && run != k) || v != next)
				return 0;
			run = k;
			letters++;
			next++;
			continue;
		}
		if (run != LABEL_DIGIT) {
			/* the numbers start: after letters anything, else from 1 */
			run = LABEL_DIGIT;
			next = 1;
			if (letters >= 2) {
				letters = -1;  /* numbered freely from here */
				continue;
			}
			if (letters)
				return 0;
		}
		if (letters < 0)
			continue;
		if (v != next)
			return 0;
		next++;
	}
	return n >= 3;
}

static int colnum_word(const char *s, size_t len)
{
	if ((unsigned char)s[0] < 0x80)
		return 0;
	return equals(s, len, "栏次") || equals(s, len, "栏 次") || equals(s, len, "栏　次") ||
	       equals(s, len, "栏号") || equals(s, len, "列次");
}

/* ---- the header again -------------------------------------------- */

/* Whether s[0..len) is one of the "|"-separated names, or the export's
 * header, or one of them followed by a bracket or a line break
 * (总投资(万元), 总投资（万元）). */
static int header_word(const struct tz_column *col, const char *s, size_t len)
{
	const char *p = col->names;

	if (!len || (unsigned char)s[0] < 0x80)
		return 0;
	if (equals(s, len, col->header))
		return 1;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t l = bar ? (size_t)(bar - p) : strlen(p);

		if (len >= l && !memcmp(s, p, l) &&
		    (len == l || s[l] == '(' || s[l] == '\n' || s[l] == '\r' || s[l] == ' ' ||
		     starts(s + l, len - l, "（")))
			return 1;
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

static int reheader(const struct tz_header *h, int key, const char *s, size_t len,
		    const struct tz_row *row)
{
	int others = 0;

	if (!header_word(&h->cols[key], s, len))
		return 0;
	for (size_t f = 0; f < h->nfields && f < TZ_HEADER_FIELDS_MAX; f++) {
		const char *c;
		size_t clen;

		if ((int)f == key || h->idx[f] < 0)
			continue;
		cell(row, h->idx[f], &c, &clen);
		if (header_word(&h->cols[f], c, clen))
			others++;
	}
	return others >= 1;
}

/* A row whose one cell is a title continued: 2025年重点项目台账（续）. */
static int continued_title(const struct tz_row *row)
{
	const char *only = NULL, *s;
	size_t olen = 0, len;

	for (size_t i = 0; i < row->ncells; i++) {
		cell(row, (int)i, &s, &len);
		if (!len)
			continue;
		if (only)
			return 0;
		only = s;
		olen = len;
	}
	return only && (ends(only, olen, "（续）") || ends(only, olen, "(续)") ||
			ends(only, olen, "续表") || ends(only, olen, "（续表）") ||
			ends(only, olen, "(续表)") || ends(only, olen, "（续上表）") ||
			ends(only, olen, "(续上表)"));
}

/* Whether the row's first money cell starts with a digit: an amount,
 * never a header's word. Most rows end the header check here. */
static int amount_first(const struct tz_header *h, const struct tz_row *row)
{
	const char *s;
	size_t len;

	cell(row, h->idx[h->progress ? TZ_RF_COMPLETED : TZ_PF_TOTAL], &s, &len);
	return len && s[0] >= '0' && s[0] <= '9';
}

/* ---- Excel's 分类汇总 rows ------------------------------------------ */

/* What Excel (Data -> Subtotal) writes after a group's label and a space:
 * 交通 汇总, 甲县 计数, and the other functions' words. */
static const char *const subtotal_words[] = { " 汇总", " 计数", " 平均值", " 最大值",
					      " 最小值", " 乘积", " 求和" };

static int subtotal_label(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof(subtotal_words) / sizeof(subtotal_words[0]); i++) {
		size_t l = strlen(subtotal_words[i]);

		/* The group's label before the word: never the word alone. */
		if (len > l && ends(s, len, subtotal_words[i]) && s[len - l - 1] != ' ')
			return 1;
	}
	return 0;
}

/*
 * Whether the row is a subtotal row Excel's 分类汇总 inserted: its only
 * text is one cell "X 汇总" (or X 计数 …) in whatever column the list was
 * grouped by, every other cell empty or plain ASCII (the SUBTOTAL
 * amounts), and the name empty or that label. Audit 9 R13: 交通 汇总 in
 * 项目类别 with an empty name was refused "项目名称为空". Only rows
 * whose name is empty or ends in such a word are looked at further.
 */
static int excel_subtotal(const struct tz_row *row, const char *k, size_t klen)
{
	int labels = 0;

	if (klen && !subtotal_label(k, klen))
		return 0;
	for (size_t i = 0; i < row->ncells; i++) {
		const char *c;
		size_t len;

		cell(row, (int)i, &c, &len);
		if (!len)
			continue;
		if (subtotal_label(c, len)) {
			if (labels++)
				return 0;
			continue;
		}
		for (size_t j = 0; j < len; j++)
			if ((unsigned char)c[j] >= 0x80)
				return 0;
	}
	return labels == 1;
}

enum tz_row_kind tz_row_plain_kind(const struct tz_header *h, const struct tz_row *row)
{
	int key = h->progress ? TZ_RF_CODE : TZ_PF_NAME;
	int code_f = h->progress ? TZ_RF_CODE : TZ_PF_CODE;
	const char *k, *code, *seq;
	size_t klen, clen, slen;
	int v;

	cell(row, h->idx[key], &k, &klen);
	if (code_f == key) {  /* a report's key is its code: one look */
		code = k;
		clen = klen;
	} else {
		cell(row, h->idx[code_f], &code, &clen);
	}
	cell(row, h->seq_idx, &seq, &slen);
	if (!clen && !slen && excel_subtotal(row, k, klen))
		return TZ_ROW_TOTAL;
	if ((clen && clen <= 13 && sample_key(code, clen)) ||
	    (slen && slen <= 13 && sample_key(seq, slen)) || (!h->progress && sample_name(k, klen)))
		return TZ_ROW_SAMPLE;
	if ((clen && colnum_word(code, clen)) || (slen && colnum_word(seq, slen)) ||
	    (klen <= 3 && (!klen || label(k, klen, &v) != LABEL_NONE) &&
	     ((row->ncells && row->lens[0] && colnum_word(row->cells[0], row->lens[0])) ||
	      (klen && colnum_cells(row)))))
		return TZ_ROW_COLNUM;
	if (klen && !amount_first(h, row) && reheader(h, key, k, klen, row))
		return TZ_ROW_REHEADER;
	if ((!klen || ends(k, klen, "续）") || ends(k, klen, "续)") || ends(k, klen, "续表")) &&
	    continued_title(row))
		return TZ_ROW_REHEADER;
	return TZ_ROW_DATA;
}

/* ---- cells --------------------------------------------------------- */

int tz_text_is_ditto(const char *s, size_t len)
{
	static const char *const marks[] = { "同上", "同前", "仝上", "〃", "\"", "\"\"", "”", "“",
					     "〞", "〃〃", "同上。", "同 上" };

	if (!len || len > 7)
		return 0;
	/* Each mark starts with '"', 同, 仝 or a punctuation lead byte (E2,
	 * E3): a period, a status or a name's first character is rejected
	 * here, before the list. */
	if (s[0] != '"' && (unsigned char)s[0] != 0xE2 && (unsigned char)s[0] != 0xE3 &&
	    (len < 3 || (memcmp(s, "同", 3) && memcmp(s, "仝", 3))))
		return 0;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (equals(s, len, marks[i]))
			return 1;
	return 0;
}

const char *tz_text_placeholder(const char *s, size_t len)
{
	static const char *const runs[] = { "XX", "xx", "ＸＸ", "ｘｘ", "××", "○○", "〇〇" };
	/* The first bytes of the runs: X x, Ｘｘ (EF), × (C3), ○ (E2), 〇 (E3).
	 * A name rarely holds any of them: one table look-up a byte. */
	static const unsigned char first[256] = {
		['X'] = 1, ['x'] = 1, [0xEF] = 1, [0xC3] = 1, [0xE2] = 1, [0xE3] = 1,
	};
	size_t at = 0;

	while (at < len && !first[(unsigned char)s[at]])
		at++;
	if (at == len)
		return NULL;
	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		size_t l = strlen(runs[i]);
		const char *p = s, *end = s + len;

		while ((p = memmem(p, (size_t)(end - p), runs[i], l))) {
			/* XX in XXL or G2XX is a word, not a placeholder */
			int before = p > s && ((p[-1] >= 'A' && p[-1] <= 'Z') ||
					       (p[-1] >= 'a' && p[-1] <= 'z') ||
					       (p[-1] >= '0' && p[-1] <= '9'));
			const char *q = p + l;

			while (l == 2 && q < end && (*q == 'X' || *q == 'x'))
				q++;
			if (!before && l == 2 &&
			    (q < end && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') ||
					 (*q >= '0' && *q <= '9'))))
				before = 1;
			if (!before)
				return runs[i];
			p = q;
		}
	}
	return NULL;
}
