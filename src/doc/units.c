/*
 * units.c: a task's unit specification: who leads, who is responsible,
 * by when.
 *
 * A specification is the content of a bracket, a line or a paragraph's
 * tail: "牵头单位:市工信局,责任单位:市发改委、市科技局", "市发改委牵头,
 * 市财政局、市商务局配合", "责任单位:A、B(第一责任单位为牵头单位,下同)",
 * "牵头单位:X;完成时限:2026年6月底前", "县水利局牵头;2025年底前完成".
 *
 *  - Labels: lead 牵头单位, 牵头部门, 主责单位, 牵头:, …; responsible 责任单位,
 *    配合单位, 参与单位, 配合:, …; deadline 完成时限, 时间节点, 完成时间, … (these
 *    need a colon).
 *  - Without a label: "X牵头,Y配合", "X、Y负责,长期坚持", or a bare list
 *    of unit names ("市发改委、市财政局": responsible units, flagged
 *    `bare`, which tasks.c accepts only where the bracket ends its clause
 *    and meta.c does not count as evidence of a work plan).
 *  - A value is split into clauses at , ; (outside brackets); a clause
 *    ending in 配合/参与/协助/负责 is responsible, one ending in 牵头 is
 *    lead, whatever label it follows; a clause that is a date or a period
 *    (2025年底前完成, 长期坚持, 持续推进) is the deadline; 下同 says the units
 *    hold for the tasks that follow; 第一责任单位为牵头单位 (also 排在第一位
 *    的为牵头单位, …) makes the first responsible unit the lead, and it stays
 *    in the responsible list as written.
 *  - A clause is split into unit names at 、 and , outside brackets
 *    ("各县(市、区)人民政府" stays whole), at 及, and at 和 only between two
 *    whole unit names ("市委和市政府" are two, "市住房和城乡建设局" one).
 *    等, 等单位, 按职责分工负责, 分别负责, 牵头, 配合, 分别 … are cut from the
 *    end of a name, 由 from its start; a name marked "(牵头)" is a lead.
 *  - After a 。 inside a specification comes a note ("具体任务均涉及…,
 *    不再逐项分工,下同"): never unit names. A bracket at the end of a name
 *    that holds a rule or a note is cut off the name and read as such.
 *
 * Deadlines are normalised (docs/internals/docparse.md): a date
 * "2025-09-30", a month "2026-06" (…6月底前), a year's end "2025-12"
 * (2025年底前, 2025年), a half or a quarter as its last month
 * (2025年上半年 "2025-06"); the last one written when there are several.
 * Anything else (长期坚持, 持续推进, 每季度, 6月底前) is kept as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

static const struct dp_lit lead_labels[] = {
	DP_LIT("牵头责任单位"), DP_LIT("主要责任单位"), DP_LIT("牵头单位"), DP_LIT("牵头部门"),
	DP_LIT("主责单位"), DP_LIT("主办单位"), DP_LIT("牵头:"),
};
static const struct dp_lit resp_labels[] = {
	DP_LIT("责任单位"), DP_LIT("配合单位"), DP_LIT("参与单位"), DP_LIT("协办单位"),
	DP_LIT("配合部门"), DP_LIT("责任部门"), DP_LIT("协同单位"), DP_LIT("参加单位"),
	DP_LIT("协助单位"), DP_LIT("成员单位"), DP_LIT("实施单位"), DP_LIT("落实单位"),
	/* the short label beside "牵头:" ("（牵头：X；配合：Y）") */
	DP_LIT("配合:"),
};
/* People, not units: "牵头领导：李强（副市长）", "包保领导：王海" inside a
 * units bracket. Labels (with a colon) whose value is skipped. */
static const struct dp_lit person_labels[] = {
	DP_LIT("牵头领导"), DP_LIT("责任领导"), DP_LIT("包保领导"), DP_LIT("分管领导"),
	DP_LIT("包联领导"), DP_LIT("联系领导"), DP_LIT("牵头市领导"), DP_LIT("责任人"),
};
/* Deadline labels count only with a colon after them. */
static const struct dp_lit deadline_labels[] = {
	DP_LIT("完成时限"), DP_LIT("时间节点"), DP_LIT("完成时间"), DP_LIT("完成期限"),
	DP_LIT("时限要求"), DP_LIT("时间要求"), DP_LIT("办结时限"), DP_LIT("截止时间"),
	DP_LIT("时间安排"), DP_LIT("进度安排"), DP_LIT("时限"), DP_LIT("时间"),
};
/* Cut from the end of a unit name. */
static const char *suffixes[] = {
	"按职责分工负责", "按职责分工落实", "按职能分工负责", "按职责分别负责", "按职责负责",
	"根据职责分工负责", "分别负责落实", "分别负责", "共同负责", "负责落实", "配合落实",
	"等有关单位", "等有关部门", "等相关单位", "等相关部门", "等成员单位",
	"牵头负责", "牵头落实", "牵头抓总", "分别牵头", "等部门", "等单位", "负责", "配合",
	"参与", "协助", "牵头", "分别", "等",
};
/* Clause endings that make units responsible (not lead). */
static const char *resp_marks[] = {
	"配合", "参与", "协助", "配合落实", "按职责分工负责", "按职责分工落实", "按职能分工负责",
	"分别负责", "共同负责", "负责落实", "按职责负责", "分别负责落实", "负责",
};
static const char *lead_marks[] = { "牵头", "牵头负责", "牵头落实", "牵头抓总", "分别牵头" };
/* Words of a note, never of a unit name. */
static const char *note_words[] = { "不再", "涉及", "下同", "以下", "详见", "另行", "注:" };

/* No real task names more units than this; more is a damaged or hostile
 * text, and the duplicate check below must stay cheap. */
#define MAX_UNITS 200

static void push(const char ***v, size_t *n, size_t *alloc, const char *s)
{
	if (*n >= MAX_UNITS)
		return;
	for (size_t k = 0; k < *n; k++)
		if (!strcmp((*v)[k], s))
			return;
	TZ_ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = s;
}

void tz_dp_units_push(struct dp_units *u, int lead, const char *name)
{
	if (lead)
		push(&u->lead, &u->nlead, &u->lead_alloc, name);
	else
		push(&u->resp, &u->nresp, &u->resp_alloc, name);
}

/* to->bare after from's names join to's. */
static int merged_bare(const struct dp_units *to, const struct dp_units *from)
{
	if (!to->nlead && !to->nresp)
		return from->bare;
	return to->bare && (from->bare || (!from->nlead && !from->nresp));
}

void tz_dp_units_merge(struct dp_units *to, struct dp_units *from)
{
	to->bare = merged_bare(to, from);
	for (size_t k = 0; k < from->nlead; k++)
		tz_dp_units_push(to, 1, from->lead[k]);
	for (size_t k = 0; k < from->nresp; k++)
		tz_dp_units_push(to, 0, from->resp[k]);
	if (!to->deadline)
		to->deadline = from->deadline;
	to->rule |= from->rule;
	to->same_below |= from->same_below;
	tz_dp_units_release(from);
}

void tz_dp_units_copy(struct dp_units *to, const struct dp_units *from)
{
	to->bare = merged_bare(to, from);
	for (size_t k = 0; k < from->nlead; k++)
		tz_dp_units_push(to, 1, from->lead[k]);
	for (size_t k = 0; k < from->nresp; k++)
		tz_dp_units_push(to, 0, from->resp[k]);
	if (!to->deadline)
		to->deadline = from->deadline;
}

void tz_dp_units_release(struct dp_units *u)
{
	free(u->lead);
	free(u->resp);
	memset(u, 0, sizeof(*u));
}

/* ------------------------------------------------------------------ */
/* Scanning                                                            */

int tz_dp_unit_label_at(const char *s, size_t len, size_t i, size_t *n)
{
	int k;

	if (i >= len || (unsigned char)s[i] < 0x80)
		return 0;
	k = tz_dp_lit_at(lead_labels, sizeof(lead_labels) / sizeof(lead_labels[0]), s, len, i);
	if (k >= 0) {
		*n = lead_labels[k].n;
		return 1;
	}
	k = tz_dp_lit_at(resp_labels, sizeof(resp_labels) / sizeof(resp_labels[0]), s, len, i);
	if (k >= 0) {
		*n = resp_labels[k].n;
		return 2;
	}
	k = tz_dp_lit_at(deadline_labels, sizeof(deadline_labels) / sizeof(deadline_labels[0]), s,
			 len, i);
	if (k >= 0) {
		size_t j = tz_dp_skip_sp(s, len, i + deadline_labels[k].n);

		if (j < len && s[j] == ':') {
			*n = deadline_labels[k].n;
			return 3;
		}
	}
	k = tz_dp_lit_at(person_labels, sizeof(person_labels) / sizeof(person_labels[0]), s, len, i);
	if (k >= 0) {
		size_t j = tz_dp_skip_sp(s, len, i + person_labels[k].n);

		if (j < len && s[j] == ':') {
			*n = person_labels[k].n;
			return 4;
		}
	}
	return 0;
}

static int ends_with_any(const char *s, size_t b, size_t e, const char **w, size_t nw)
{
	for (size_t k = 0; k < nw; k++) {
		size_t n = strlen(w[k]);

		if (e - b >= n && !memcmp(s + e - n, w[k], n))
			return 1;
	}
	return 0;
}

static int has_any(const char *s, size_t b, size_t e, const char **w, size_t nw)
{
	for (size_t k = 0; k < nw; k++)
		if (tz_dp_has(s, b, e, w[k]))
			return 1;
	return 0;
}

/* "为牵头单位", "牵头单位为": a sentence about the units, not a name. */
static int is_rule(const char *s, size_t b, size_t e)
{
	return tz_dp_has(s, b, e, "为牵头单位") || tz_dp_has(s, b, e, "为牵头部门") ||
	       tz_dp_has(s, b, e, "牵头单位为");
}

int tz_dp_first_lead_rule(const char *s, size_t b, size_t e)
{
	static const char *w[] = { "第一责任单位为牵头", "排在第一位的为牵头", "排名第一的为牵头",
				   "列第一位的为牵头", "第一个单位为牵头", "首位为牵头",
				   "排在首位的为牵头", "第一单位为牵头" };

	return has_any(s, b, e, w, sizeof(w) / sizeof(w[0]));
}

/*
 * A rule clause at s[i] ("第一责任单位为牵头单位", "排在第一位的为牵头单位"):
 * its end (the next , ; or e), or 0. It holds the word 责任单位, which
 * must not be read as a label.
 */
static size_t rule_clause(const char *s, size_t e, size_t i)
{
	static const char *starts[] = { "第一", "排在第一", "排名第一", "列第一", "首位", "排在首位",
					"注:" };
	size_t k, end;

	for (k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (tz_dp_at(s, e, i, starts[k]))
			break;
	if (k == sizeof(starts) / sizeof(starts[0]))
		return 0;
	for (end = i; end < e && s[end] != ',' && s[end] != ';'; end++)
		;
	return tz_dp_has(s, i, end, "牵头") ? end : 0;
}

static int same_below(const char *s, size_t b, size_t e)
{
	return tz_dp_has(s, b, e, "下同");
}

static int is_open(const char *s, size_t len, size_t i, size_t *n)
{
	if (tz_dp_at(s, len, i, "(") || tz_dp_at(s, len, i, "[")) {
		*n = 1;
		return 1;
	}
	if (tz_dp_at(s, len, i, "〔") || tz_dp_at(s, len, i, "【") || tz_dp_at(s, len, i, "﹝")) {
		*n = 3;
		return 1;
	}
	return 0;
}

static int is_close(const char *s, size_t len, size_t i, size_t *n)
{
	if (tz_dp_at(s, len, i, ")") || tz_dp_at(s, len, i, "]")) {
		*n = 1;
		return 1;
	}
	if (tz_dp_at(s, len, i, "〕") || tz_dp_at(s, len, i, "】") || tz_dp_at(s, len, i, "﹞")) {
		*n = 3;
		return 1;
	}
	return 0;
}

int tz_dp_bracket_open(const char *s, size_t len, size_t i, size_t *n)
{
	return is_open(s, len, i, n);
}

int tz_dp_bracket_close(const char *s, size_t len, size_t i, size_t *n)
{
	return is_close(s, len, i, n);
}

/*
 * A walk over [i, e) of a normalised line in pieces cut at separators
 * outside brackets: ',' ';' '。', and '、' when `dunhao` (units are listed
 * with 、, clauses are not), so "各县(市)区政府" stays whole.
 */
struct splitter {
	const char *s;
	size_t i, e;
	int dunhao;
	int done;
};

/* The next piece in [*pb, *pe); 0 when there is none left. */
static int next_piece(struct splitter *sp, size_t *pb, size_t *pe)
{
	const char *s = sp->s;
	size_t i = sp->i, n;
	int depth = 0;

	if (sp->done)
		return 0;
	for (;;) {
		if (i >= sp->e) {
			*pb = sp->i;
			*pe = sp->e;
			sp->done = 1;
			return 1;
		}
		if (is_open(s, sp->e, i, &n)) {
			depth++;
		} else if (is_close(s, sp->e, i, &n)) {
			if (depth)
				depth--;
		} else if (!depth && (s[i] == ',' || s[i] == ';' || tz_dp_at(s, sp->e, i, "。") ||
				      (sp->dunhao && tz_dp_at(s, sp->e, i, "、")))) {
			*pb = sp->i;
			*pe = i;
			sp->i = i + (s[i] == ',' || s[i] == ';' ? 1 : 3);
			return 1;
		} else {
			tz_dp_cp(s, sp->e, i, &n);
		}
		i += n ? n : 1;
	}
}

/* ------------------------------------------------------------------ */
/* Deadlines                                                           */

int tz_dp_deadline_like(const char *s, size_t b, size_t e)
{
	static const char *starts[] = { "长期", "持续", "常态化", "每年", "每季度", "每月", "每半年",
					 "每周", "年底前", "年内", "年底", "全年", "逐年", "按月",
					 "按季度", "分阶段", "立即", "即时", "适时", "上半年", "下半年" };
	struct dp_date d;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e || tz_dp_ncp(s, b, e) > 30 || tz_dp_is_org(s, b, e))
		return 0;
	for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (tz_dp_at(s, e, b, starts[k]))
			return 1;
	/* 2025年底前完成, 2026年6月底前, 2025-2027年, 6月底前 */
	if (tz_dp_date_at(s, e, b, &d))
		return 1;
	if (e - b >= 7 && s[b] == '2' && s[b + 1] == '0' && tz_dp_at(s, e, b + 4, "年"))
		return 1;
	return (tz_dp_has(s, b, e, "月") || tz_dp_has(s, b, e, "年")) &&
	       (tz_dp_ends(s, b, e, "前") || tz_dp_ends(s, b, e, "底") || tz_dp_ends(s, b, e, "完成") ||
		tz_dp_ends(s, b, e, "末"));
}

/* The period a year names from s[p] on (after "2025年"): 底/末 12, 上半年
 * 6, 下半年 12, 一季度 3, …; 12 for a year alone. */
static int year_month(const char *s, size_t e, size_t p)
{
	static const struct {
		const char *w;
		int m;
	} t[] = {
		{ "底", 12 }, { "末", 12 }, { "年底", 12 }, { "上半年", 6 }, { "下半年", 12 },
		{ "第一季度", 3 }, { "一季度", 3 }, { "第二季度", 6 }, { "二季度", 6 },
		{ "第三季度", 9 }, { "三季度", 9 }, { "第四季度", 12 }, { "四季度", 12 },
	};

	for (size_t k = 0; k < sizeof(t) / sizeof(t[0]); k++)
		if (tz_dp_at(s, e, p, t[k].w))
			return t[k].m;
	return 12;
}

const char *tz_dp_deadline(struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	const char *s = c->lines[li].norm;
	struct dp_date last = { 0, 0, 0 }, d;
	char buf[16];

	tz_dp_trim(s, &b, &e, ",;。、");
	if (b >= e)
		return NULL;
	for (size_t i = b; i < e;) {
		size_t n, p;

		if (!(s[i] >= '0' && s[i] <= '9') || (i > b && s[i - 1] >= '0' && s[i - 1] <= '9')) {
			tz_dp_cp(s, e, i, &n);
			i += n;
			continue;
		}
		p = tz_dp_date_at(s, e, i, &d);
		if (p) {
			last = d;
			i = p;
			continue;
		}
		/* a year alone: 2025年底, 2025年上半年, 2025-2027年 */
		if (e - i >= 7 && s[i] == '2' && s[i + 1] == '0' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
		    s[i + 3] >= '0' && s[i + 3] <= '9') {
			int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
				(s[i + 3] - '0');

			p = i + 4;
			if (tz_dp_at(s, e, p, "年")) {
				last.y = y;
				last.m = year_month(s, e, p + 3);
				last.d = 0;
				i = p + 3;
				continue;
			}
			if (p < e && (s[p] == '-' || tz_dp_at(s, e, p, "—") || tz_dp_at(s, e, p, "至") ||
				      tz_dp_at(s, e, p, "到"))) {
				i = p; /* the range's end is read next */
				continue;
			}
		}
		while (i < e && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (last.y && last.m && last.d)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", last.y, last.m, last.d);
	else if (last.y && last.m)
		snprintf(buf, sizeof(buf), "%04d-%02d", last.y, last.m);
	else
		return tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	return tz_arena_strdup(c->arena, buf);
}

/* ------------------------------------------------------------------ */
/* Unit names                                                          */

/* Where a unit name may be split at 和: "市委和市政府" yes, "市住房和城乡
 * 建设局" no. */
static int he_splits(const char *s, size_t b, size_t at, size_t e)
{
	static const char *starts[] = { "市", "县", "区", "省", "州", "各", "国", "中", "乡", "镇" };

	if (!tz_dp_is_org(s, b, at) || tz_dp_ncp(s, at + 3, e) < 3)
		return 0;
	for (size_t k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (tz_dp_at(s, e, at + 3, starts[k]))
			return 1;
	return 0;
}

/* A bracket that ends [b, *e) and holds a rule or a note rather than part
 * of the name: cut it off (and note what it says). */
static void cut_note_bracket(const char *s, size_t b, size_t *e, struct dp_units *u)
{
	size_t close, open, n;
	int depth = 0;

	if (*e <= b)
		return;
	close = tz_dp_prev(s, *e);
	if (!is_close(s, *e, close, &n))
		return;
	/* its opening bracket */
	for (open = close; open > b;) {
		open = tz_dp_prev(s, open);
		if (is_close(s, *e, open, &n))
			depth++;
		else if (is_open(s, *e, open, &n) && depth-- == 0)
			break;
	}
	if (!is_open(s, *e, open, &n) || open <= b)
		return;
	if (tz_dp_first_lead_rule(s, open, *e) || is_rule(s, open, *e)) {
		u->rule = 1;
		if (same_below(s, open, *e))
			u->rule_below = 1;
		*e = open;
	} else if (has_any(s, open, *e, note_words, sizeof(note_words) / sizeof(note_words[0])) ||
		   tz_dp_has(s, open, *e, "。")) {
		if (same_below(s, open, *e))
			u->same_below = 1;
		*e = open;
	}
}

/* Cut 等, 负责, 牵头, … from the end of a name and 由 from its start. */
static void cut_affixes(const char *s, size_t *ub, size_t *ue)
{
	int again = 1;

	while (again) {
		again = 0;
		tz_dp_trim(s, ub, ue, ":。.");
		for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
			size_t sl = strlen(suffixes[k]);

			if (*ue - *ub > sl && !memcmp(s + *ue - sl, suffixes[k], sl)) {
				*ue -= sl;
				again = 1;
				break;
			}
		}
		if (tz_dp_at(s, *ue, *ub, "由")) {
			*ub += 3;
			again = 1;
		}
	}
}

/* A cell or list item that says there is no unit ("—", "-", "/", "无",
 * "暂无"): a task table's empty 配合单位 column, never a unit's name. */
static int no_unit(const char *s, size_t b, size_t e)
{
	static const char *none[] = { "—", "——", "-", "--", "/", "无", "暂无", "空", "…", "――" };

	for (size_t k = 0; k < sizeof(none) / sizeof(none[0]); k++)
		if (e - b == strlen(none[k]) && !memcmp(s + b, none[k], e - b))
			return 1;
	return 0;
}

/* Add one unit name [ub, ue) to the lead (to == 1) or responsible list. */
static void add_name(struct dp_ctx *c, size_t li, size_t ub, size_t ue, int to, struct dp_units *u)
{
	const char *s = c->lines[li].norm;

	cut_affixes(s, &ub, &ue);
	if (ue <= ub || is_rule(s, ub, ue) || tz_dp_ncp(s, ub, ue) > 40 || tz_dp_has(s, ub, ue, ":") ||
	    no_unit(s, ub, ue) ||
	    has_any(s, ub, ue, note_words, sizeof(note_words) / sizeof(note_words[0])))
		return;
	for (size_t k = 0; k < 2; k++) {
		static const char *marks[] = { "(牵头)", "(牵头单位)" };
		size_t ml = strlen(marks[k]);

		if (ue - ub > ml && !memcmp(s + ue - ml, marks[k], ml)) {
			ue -= ml;
			to = 1;
			break;
		}
	}
	{
		const char *name = tz_dp_dup(c, li, ub, ue, DP_DUP_TRIM);

		if (name)
			tz_dp_units_push(u, to == 1, name);
	}
}

/* 1 if the space at `at` separates two unit names ("市住建局 市自然资源局"):
 * the name before ends as unit names end (局, 委, 办, 政府, 中心, …) and a
 * Chinese name of two or more characters follows. */
static int space_splits(const char *s, size_t b, size_t at, size_t e)
{
	static const char *ends[] = { "局", "委", "办", "厅", "府", "会", "院", "处", "部",
				      "所", "站", "队", "司", "行", "心", "团", "室", "社",
				      "馆", "署" };
	size_t j = at;

	if (at < b + 6)
		return 0;
	while (j < e && s[j] == ' ')
		j++;
	if (j >= e || (unsigned char)s[j] < 0x80 || tz_dp_ncp(s, j, e) < 2)
		return 0;
	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (!memcmp(s + at - 3, ends[k], 3))
			return 1;
	return 0;
}

/* Split [b, e) into unit names (at 、 , ; outside brackets, at 及, at 和
 * between two names, at a space between two names) for the lead (to == 1) or responsible list. */
static void add_units(struct dp_ctx *c, size_t li, size_t b, size_t e, int to, struct dp_units *u)
{
	struct splitter sp = { c->lines[li].norm, b, e, 1, 0 };
	const char *s = sp.s;
	size_t ub, ue;

	while (next_piece(&sp, &ub, &ue)) {
		size_t i = ub, from = ub, n;
		int depth = 0;

		cut_note_bracket(s, ub, &ue, u);
		while (i < ue) {
			if (is_open(s, ue, i, &n)) {
				depth++;
			} else if (is_close(s, ue, i, &n)) {
				depth -= depth > 0;
			} else {
				tz_dp_cp(s, ue, i, &n);
				if (!depth && s[i] == ' ' && space_splits(s, from, i, ue)) {
					add_name(c, li, from, i, to, u);
					from = i + 1;
				} else if (!depth && i > from && n == 3 &&
				    ((tz_dp_at(s, ue, i, "及") && !tz_dp_at(s, ue, i + 3, "其") &&
				      tz_dp_ncp(s, i + 3, ue) >= 2) ||
				     (tz_dp_at(s, ue, i, "和") && he_splits(s, from, i, ue)))) {
					size_t pe = i;

					if (pe >= from + 3 && tz_dp_at(s, ue, pe - 3, "以"))
						pe -= 3; /* 以及 */
					add_name(c, li, from, pe, to, u);
					from = i + 3;
				}
			}
			i += n;
		}
		add_name(c, li, from, ue, to, u);
	}
}

/* Split [b, e) into clauses and route each: deadline, 下同, rule, or unit
 * names for the lead or responsible list (label: 1 lead, 2 responsible). */
static void add_clauses(struct dp_ctx *c, size_t li, size_t b, size_t e, int label,
			struct dp_units *u)
{
	struct splitter sp = { c->lines[li].norm, b, e, 0, 0 };
	const char *s = sp.s;
	size_t cb, ce;

	while (next_piece(&sp, &cb, &ce)) {
		int to = label;

		tz_dp_trim(s, &cb, &ce, NULL);
		cut_note_bracket(s, cb, &ce, u);
		tz_dp_trim(s, &cb, &ce, NULL);
		if (ce <= cb)
			continue;
		if (tz_dp_first_lead_rule(s, cb, ce) || is_rule(s, cb, ce)) {
			u->rule = 1;
			continue;
		}
		if (same_below(s, cb, ce) && tz_dp_ncp(s, cb, ce) <= 4) {
			u->same_below = 1;
			continue;
		}
		if (tz_dp_deadline_like(s, cb, ce)) {
			if (!u->deadline)
				u->deadline = tz_dp_deadline(c, li, cb, ce);
			continue;
		}
		/* lead first: 牵头负责 ends in 负责 too */
		if (ends_with_any(s, cb, ce, lead_marks, sizeof(lead_marks) / sizeof(lead_marks[0])))
			to = 1;
		else if (ends_with_any(s, cb, ce, resp_marks, sizeof(resp_marks) / sizeof(resp_marks[0])))
			to = 2;
		add_units(c, li, cb, ce, to, u);
	}
}

int tz_dp_units_like(const char *s, size_t b, size_t e)
{
	size_t k = b;
	int depth = 0;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e || tz_dp_has(s, b, e, "。"))
		return 0;
	if (tz_dp_at(s, e, b, "由"))
		b += 3;
	/* the first name must look like an org */
	for (k = b; k < e;) {
		size_t m;

		if (is_open(s, e, k, &m))
			depth++;
		else if (is_close(s, e, k, &m))
			depth -= depth > 0;
		else if (!depth && (tz_dp_at(s, e, k, "、") || s[k] == ',' || s[k] == ';' ||
				    tz_dp_at(s, e, k, "牵头") || tz_dp_at(s, e, k, "配合") ||
				    tz_dp_at(s, e, k, "负责") || tz_dp_at(s, e, k, "及") ||
				    tz_dp_at(s, e, k, "分别")))
			break;
		else
			tz_dp_cp(s, e, k, &m);
		k += m;
	}
	/* "市发改委（牵头）、…": the name before its mark */
	if (k - b > 8 && (tz_dp_ends(s, b, k, "(牵头)") || tz_dp_ends(s, b, k, "(牵头单位)")))
		k = tz_dp_rfind(s, b, k, "(");
	return tz_dp_is_org(s, b, k) || (k + 3 <= e && tz_dp_is_org(s, b, k + 3));
}

int tz_dp_units_only(const char *s, size_t b, size_t e)
{
	struct splitter sp;
	size_t ub, ue, names = 0;

	tz_dp_trim(s, &b, &e, "、,;。");
	if (b >= e || tz_dp_ncp(s, b, e) > 120 || tz_dp_has(s, b, e, "。") ||
	    tz_dp_has(s, b, e, ":"))
		return 0;
	sp = (struct splitter){ s, b, e, 1, 0 };
	while (next_piece(&sp, &ub, &ue)) {
		tz_dp_trim(s, &ub, &ue, NULL);
		cut_affixes(s, &ub, &ue);
		if (tz_dp_ends(s, ub, ue, "(牵头)"))
			ue -= strlen("(牵头)");
		if (ue <= ub || tz_dp_ncp(s, ub, ue) > 40 || !tz_dp_is_org(s, ub, ue) ||
		    is_rule(s, ub, ue) ||
		    has_any(s, ub, ue, note_words, sizeof(note_words) / sizeof(note_words[0])))
			return 0;
		names++;
	}
	return names > 0;
}

/* 1 if a clause of [b, e) (split at , ;) ends in 配合, 负责, … */
static int clause_marked(const char *s, size_t b, size_t e)
{
	struct splitter sp = { s, b, e, 0, 0 };
	size_t cb, ce;

	while (next_piece(&sp, &cb, &ce)) {
		tz_dp_trim(s, &cb, &ce, NULL);
		if (ends_with_any(s, cb, ce, resp_marks, sizeof(resp_marks) / sizeof(resp_marks[0])))
			return 1;
	}
	return 0;
}

/* A bare list: clauses that are unit names only ("市发改委、市财政局")
 * or a deadline, at least one of names. */
static int bare_list(const char *s, size_t b, size_t e)
{
	struct splitter sp = { s, b, e, 0, 0 };
	size_t cb, ce, lists = 0;

	while (next_piece(&sp, &cb, &ce)) {
		tz_dp_trim(s, &cb, &ce, NULL);
		if (tz_dp_deadline_like(s, cb, ce))
			continue;
		if (!tz_dp_units_only(s, cb, ce))
			return 0;
		lists++;
	}
	return lists > 0;
}

/* Where a clause (after , or ; outside brackets) starts with a unit or
 * deadline label in [b, e): its offset, or e. */
static size_t labelled_tail(const char *s, size_t b, size_t e)
{
	int depth = 0;

	for (size_t i = b; i < e;) {
		size_t n;

		if (is_open(s, e, i, &n)) {
			depth++;
		} else if (is_close(s, e, i, &n)) {
			depth -= depth > 0;
		} else {
			n = 1;
			if (!depth && (s[i] == ',' || s[i] == ';')) {
				size_t j = tz_dp_skip_sp(s, e, i + 1), m;

				if (tz_dp_unit_label_at(s, e, j, &m))
					return j;
			} else {
				tz_dp_cp(s, e, i, &n);
			}
		}
		i += n;
	}
	return e;
}

/* Where a note starts in a specification: after a 。 (outside brackets)
 * that is followed by more than a label. */
static size_t note_start(const char *s, size_t b, size_t e)
{
	int depth = 0;

	for (size_t i = b; i < e;) {
		size_t n;

		if (is_open(s, e, i, &n)) {
			depth++;
		} else if (is_close(s, e, i, &n)) {
			depth -= depth > 0;
		} else {
			tz_dp_cp(s, e, i, &n);
			if (!depth && tz_dp_at(s, e, i, "。")) {
				size_t j = tz_dp_skip_sp(s, e, i + 3), m;

				if (j < e && !tz_dp_unit_label_at(s, e, j, &m))
					return i;
			}
		}
		i += n;
	}
	return e;
}

int tz_dp_unit_spec(struct dp_ctx *c, size_t li, size_t b, size_t e, struct dp_units *u)
{
	const char *s = c->lines[li].norm;
	size_t i, n, vb = 0, ne, lead0 = u->nlead, resp0 = u->nresp;
	int cur = 0, any = 0, depth = 0, noted;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return 0;
	/* a note after a 。: what it says (下同, a rule), never names */
	ne = note_start(s, b, e);
	noted = ne < e;
	if (noted) {
		if (tz_dp_first_lead_rule(s, ne, e) || is_rule(s, ne, e))
			u->rule = 1;
		else if (same_below(s, ne, e))
			u->same_below = 1;
		e = ne;
	}
	if (tz_dp_unit_label_at(s, e, b, &n)) {
		for (i = b; i <= e;) {
			int k = 0;

			if (i < e && is_open(s, e, i, &n)) {
				depth++;
				i += n;
				continue;
			}
			if (i < e && is_close(s, e, i, &n)) {
				depth -= depth > 0;
				i += n;
				continue;
			}
			if (i < e && !depth && rule_clause(s, e, i)) {
				size_t re = rule_clause(s, e, i);

				if (cur == 3)
					u->deadline = tz_dp_deadline(c, li, vb, i);
				else if (cur && cur != 4)
					add_clauses(c, li, vb, i, cur, u);
				u->rule = 1;
				if (same_below(s, i, re))
					u->rule_below = 1;
				cur = 0;
				i = re;
				continue;
			}
			k = i >= e ? -1 : depth ? 0 : tz_dp_unit_label_at(s, e, i, &n);
			if (k != 0) {
				if (cur == 3)
					u->deadline = tz_dp_deadline(c, li, vb, i);
				else if (cur && cur != 4)
					add_clauses(c, li, vb, i, cur, u);
				if (k < 0) {
					/* a list that may go on on the next line:
					 * not cut by a note, not closed by 。 */
					size_t vb2 = vb, ve2 = e;

					tz_dp_trim(s, &vb2, &ve2, NULL);
					u->open_role = cur != 3 && cur != 4 && !noted &&
								!tz_dp_ends(s, vb2, ve2, "。") ? cur : 0;
					break;
				}
				cur = k;
				any |= k != 4; /* a leader alone names no unit */
				i = tz_dp_skip_sp(s, e, i + n);
				if (i < e && (s[i] == ':' || s[i] == ']'))
					i++;
				else if (tz_dp_at(s, e, i, "】")) /* "【责任单位】X" */
					i += 3;
				vb = i;
				continue;
			}
			tz_dp_cp(s, e, i, &n);
			i += n;
		}
	} else {
		/* "市发改委牵头,市财政局、市商务局配合", "X、Y负责,长期坚持", or a
		 * bare list "市发改委、市财政局" (responsible units, as under a
		 * 责任单位 label); a labelled part after them ("…,时间节点:2025年
		 * 9月") is read as such */
		size_t tail = labelled_tail(s, b, e);

		if (tail < e) {
			size_t he = tail;

			tz_dp_trim(s, &b, &he, ",;");
			if (b >= he || !tz_dp_unit_spec(c, li, b, he, u))
				return 0;
			tz_dp_unit_spec(c, li, tail, e, u);
			return 1;
		}
		if (e - b > 300 || !tz_dp_units_like(s, b, e))
			return 0;
		if (!tz_dp_has(s, b, e, "牵头") && !clause_marked(s, b, e)) {
			if (!bare_list(s, b, e))
				return 0;
			if (!lead0 && !resp0) /* else as the names before */
				u->bare = 1;
		}
		add_clauses(c, li, b, e, 2, u);
		any = 1;
	}
	if ((u->rule || c->first_lead_rule) && u->nlead == lead0 && u->nresp > resp0) {
		/* 第一责任单位为牵头单位: the first responsible unit leads, and
		 * stays in the responsible list as written */
		tz_dp_units_push(u, 1, u->resp[resp0]);
	}
	if (u->rule_below)
		c->first_lead_rule = 1;
	return any;
}

void tz_dp_units_more(struct dp_ctx *c, size_t li, size_t b, size_t e, int role,
		      struct dp_units *u)
{
	const char *s = c->lines[li].norm;
	size_t lead0 = u->nlead;

	tz_dp_trim(s, &b, &e, "、,;。");
	if (b >= e)
		return;
	add_clauses(c, li, b, e, role, u);
	if ((u->rule || c->first_lead_rule) && !lead0 && !u->nlead && u->nresp)
		tz_dp_units_push(u, 1, u->resp[0]);
}

void tz_dp_units_cell(struct dp_ctx *c, size_t li, size_t b, size_t e, int lead, struct dp_units *u)
{
	const char *s = c->lines[li].norm;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return;
	if ((tz_dp_unit_label_at(s, e, b, &(size_t){ 0 }) ||
	     ((tz_dp_has(s, b, e, "牵头") || tz_dp_has(s, b, e, "配合")) && !lead)) &&
	    tz_dp_unit_spec(c, li, b, e, u))
		return;
	add_clauses(c, li, b, e, lead ? 1 : 2, u);
}
