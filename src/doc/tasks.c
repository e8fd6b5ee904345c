/*
 * tasks.c: the tasks of a work plan and their units.
 *
 * The body is a tree of numbered headings. Four numbering styles are
 * recognised at the start of a line (after folding, so full-width digits,
 * （）, ⑴, ① and ㈠ are covered): 一、  (一)  1. or 1、  (1). The tree is
 * built with a stack: a heading whose style is already on the stack closes
 * everything below that level, any other style opens a level under the
 * current one, so documents may use the styles in any order.
 *
 * Each heading is an item; the lines after it up to the next heading are
 * its body. Its units are read from
 *   - brackets 〔〕 () 【】 [] whose content starts with a unit label
 *     (牵头单位, 责任单位, 配合单位, …) or reads "X牵头,Y、Z配合";
 *   - lines or sentence tails that start with a unit label
 *     ("牵头单位:市发改委。" / "责任单位:市财政局、市商务局等。").
 * A value is split on 、 , ; at bracket depth 0, so "各县(市)区政府" and
 * "市营商局(市审批局)" stay whole; "等", "等单位", "按职责分工负责",
 * "分别负责" and the like are cut from the end of a name; clauses ending in
 * 配合/参与/协助/负责 are responsible units whatever label they follow; a
 * name marked "(牵头)" is a lead unit ("市发展改革委（牵头）"); the rule
 * "第一责任单位为牵头单位" makes the first responsible unit the lead.
 *
 * An item with units is a task. An item without units is reported as a
 * task without units (has_units = 0, warning `task_without_units`) when a
 * sibling of the same style has units: a task cut off or missing its
 * bracket, never guessed. The path is the numbering from the top: 三.(三).1.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

enum num_style { NS_CN = 1, NS_PCN, NS_AR, NS_PAR };

struct strv {
	const char **v;
	size_t n, alloc;
};

struct item {
	enum num_style style;
	char label[16];
	size_t parent;           /* index of the parent item, or DP_NONE */
	size_t line;             /* line index of the heading */
	const char *path;
	const char *title;
	struct strv lead, resp;
	int has_units;
	int child_units;         /* some descendant has units */
	unsigned styles;         /* styles of children that have units */
};

static const struct dp_lit lead_labels[] = {
	DP_LIT("牵头责任单位"), DP_LIT("主要责任单位"), DP_LIT("牵头单位"), DP_LIT("牵头部门"), DP_LIT("主责单位"), DP_LIT("主办单位"),
	DP_LIT("牵头领导"), DP_LIT("牵头:"),
};
static const struct dp_lit resp_labels[] = {
	DP_LIT("责任单位"), DP_LIT("配合单位"), DP_LIT("参与单位"), DP_LIT("协办单位"), DP_LIT("配合部门"), DP_LIT("责任部门"), DP_LIT("协同单位"),
	DP_LIT("参加单位"), DP_LIT("协助单位"), DP_LIT("成员单位"), DP_LIT("实施单位"), DP_LIT("落实单位"),
};
/* Cut from the end of a unit name. */
static const char *suffixes[] = {
	"按职责分工负责", "按职责分工落实", "按职能分工负责", "按职责分别负责", "按职责负责",
	"根据职责分工负责", "分别负责", "共同负责", "负责落实", "配合落实", "牵头负责",
	"牵头落实", "牵头抓总", "等部门", "等单位", "负责", "配合", "参与", "协助", "牵头", "等",
};
/* Clause endings that make units responsible (not lead). */
static const char *resp_marks[] = {
	"配合", "参与", "协助", "配合落实", "按职责分工负责", "按职责分工落实", "按职能分工负责",
	"分别负责", "共同负责", "负责落实", "按职责负责",
};
static const char *lead_marks[] = { "牵头", "牵头负责", "牵头落实", "牵头抓总" };

/* No real task names more units than this; more is a damaged or hostile
 * text, and the duplicate check below must stay cheap. */
#define MAX_UNITS 200

static void strv_push(struct strv *sv, const char *s)
{
	if (sv->n >= MAX_UNITS)
		return;
	for (size_t k = 0; k < sv->n; k++)
		if (!strcmp(sv->v[k], s))
			return;
	TZ_ALLOC_GROW(sv->v, sv->n + 1, sv->alloc);
	sv->v[sv->n++] = s;
}

/* The label at s[i]: 1 lead, 2 responsible, 0 none; *n its length. */
static int unit_label_at(const char *s, size_t len, size_t i, size_t *n)
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

static int is_rule(const char *s, size_t b, size_t e)
{
	return tz_dp_find(s, b, e, "为牵头单位") != DP_NONE ||
	       tz_dp_find(s, b, e, "为牵头部门") != DP_NONE ||
	       tz_dp_find(s, b, e, "牵头单位为") != DP_NONE;
}

static int first_is_lead_rule(const char *s, size_t b, size_t e)
{
	return tz_dp_find(s, b, e, "第一责任单位为牵头") != DP_NONE ||
	       tz_dp_find(s, b, e, "排在第一位的为牵头") != DP_NONE ||
	       tz_dp_find(s, b, e, "排名第一的为牵头") != DP_NONE ||
	       tz_dp_find(s, b, e, "列第一位的为牵头") != DP_NONE ||
	       tz_dp_find(s, b, e, "第一个单位为牵头") != DP_NONE ||
	       tz_dp_find(s, b, e, "首位为牵头") != DP_NONE;
}

/*
 * A rule clause at s[i] ("第一责任单位为牵头单位", "排在第一位的为牵头单位"):
 * its end (the next , ; or e), or 0. It holds the word 责任单位, which
 * must not be read as a label.
 */
static size_t rule_clause(const char *s, size_t e, size_t i)
{
	static const char *starts[] = { "第一", "排在第一", "排名第一", "列第一", "首位", "注:" };
	size_t k, end;

	for (k = 0; k < sizeof(starts) / sizeof(starts[0]); k++)
		if (tz_dp_at(s, e, i, starts[k]))
			break;
	if (k == sizeof(starts) / sizeof(starts[0]))
		return 0;
	for (end = i; end < e && s[end] != ',' && s[end] != ';'; end++)
		;
	return tz_dp_find(s, i, end, "牵头") != DP_NONE ? end : 0;
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

/*
 * Split [b, e) into units and add them to `to`; a name marked "(牵头)"
 * ("市发展改革委（牵头）") goes to `lead` instead.
 */
static void add_units(struct dp_ctx *c, size_t li, size_t b, size_t e, struct strv *to,
		      struct strv *lead)
{
	struct splitter sp = { c->lines[li].norm, b, e, 1, 0 };
	const char *s = sp.s;
	size_t ub, ue;

	while (next_piece(&sp, &ub, &ue)) {
		int again = 1;

		while (again) {
			again = 0;
			tz_dp_trim(s, &ub, &ue, ":。.");
			for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++) {
				size_t sl = strlen(suffixes[k]);

				if (ue - ub > sl && !memcmp(s + ue - sl, suffixes[k], sl)) {
					ue -= sl;
					again = 1;
					break;
				}
			}
			if (tz_dp_at(s, ue, ub, "由")) {
				ub += 3;
				again = 1;
			}
		}
		if (ue > ub && !is_rule(s, ub, ue)) {
			struct strv *dst = to;
			const char *u;

			for (size_t k = 0; k < 2; k++) {
				static const char *marks[] = { "(牵头)", "(牵头单位)" };
				size_t ml = strlen(marks[k]);

				if (ue - ub > ml && !memcmp(s + ue - ml, marks[k], ml)) {
					ue -= ml;
					dst = lead;
					break;
				}
			}
			u = tz_dp_dup(c, li, ub, ue, DP_DUP_TRIM);
			if (u)
				strv_push(dst, u);
		}
	}
}

/* Split [b, e) into clauses and route each to the lead or responsible list. */
static void add_clauses(struct dp_ctx *c, size_t li, size_t b, size_t e, int label,
			struct item *it)
{
	struct splitter sp = { c->lines[li].norm, b, e, 0, 0 };
	const char *s = sp.s;
	size_t cb, ce;

	while (next_piece(&sp, &cb, &ce)) {
		int to = label;

		tz_dp_trim(s, &cb, &ce, NULL);
		if (ce <= cb || is_rule(s, cb, ce))
			continue;
		if (ends_with_any(s, cb, ce, resp_marks, sizeof(resp_marks) / sizeof(resp_marks[0])))
			to = 2;
		else if (ends_with_any(s, cb, ce, lead_marks, sizeof(lead_marks) / sizeof(lead_marks[0])))
			to = 1;
		add_units(c, li, cb, ce, to == 1 ? &it->lead : &it->resp, &it->lead);
	}
}

/*
 * Read a unit specification [b, e) of line li into the item. Returns 1
 * if it was one.
 */
static int unit_spec(struct dp_ctx *c, size_t li, size_t b, size_t e, struct item *it)
{
	const char *s = c->lines[li].norm;
	size_t i, n, vb = 0, had_lead = it->lead.n;
	int cur = 0, any = 0, rule;
	size_t resp0 = it->resp.n;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return 0;
	rule = first_is_lead_rule(s, b, e) || c->first_lead_rule;
	if (unit_label_at(s, e, b, &n)) {
		for (i = b; i <= e;) {
			int k = i < e ? unit_label_at(s, e, i, &n) : -1;
			size_t rc = i < e ? rule_clause(s, e, i) : 0;

			if (rc) {
				if (cur)
					add_clauses(c, li, vb, i, cur, it);
				cur = 0;
				i = rc;
				continue;
			}

			if (k != 0) {
				if (cur)
					add_clauses(c, li, vb, i, cur, it);
				if (k < 0)
					break;
				cur = k;
				any = 1;
				i += n;
				i = tz_dp_skip_sp(s, e, i);
				if (i < e && s[i] == ':')
					i++;
				vb = i;
				continue;
			}
			tz_dp_cp(s, e, i, &n);
			i += n;
		}
	} else {
		/* "市发改委牵头,市财政局、市商务局配合" */
		if (tz_dp_find(s, b, e, "牵头") == DP_NONE &&
		    !ends_with_any(s, b, e, resp_marks, sizeof(resp_marks) / sizeof(resp_marks[0])))
			return 0;
		if (tz_dp_find(s, b, e, "。") != DP_NONE || e - b > 300)
			return 0;
		{
			/* the first name must look like an org */
			size_t k = b;
			int depth = 0;

			while (k < e) {
				size_t m;

				if (is_open(s, e, k, &m))
					depth++;
				else if (is_close(s, e, k, &m))
					depth -= depth > 0;
				else if (!depth && (tz_dp_at(s, e, k, "、") || s[k] == ',' || s[k] == ';' ||
						    tz_dp_at(s, e, k, "牵头") || tz_dp_at(s, e, k, "配合") ||
						    tz_dp_at(s, e, k, "负责")))
					break;
				else
					tz_dp_cp(s, e, k, &m);
				k += m;
			}
			{
				size_t ob = b;

				if (tz_dp_at(s, e, ob, "由"))
					ob += 3;
				if (!tz_dp_is_org(s, ob, k) && !tz_dp_is_org(s, ob, k + 3))
					return 0;
			}
		}
		add_clauses(c, li, b, e, 2, it);
		any = 1;
	}
	if (rule && had_lead == it->lead.n && it->resp.n > resp0) {
		/* 第一责任单位为牵头单位: move the first responsible unit */
		strv_push(&it->lead, it->resp.v[resp0]);
		memmove(&it->resp.v[resp0], &it->resp.v[resp0 + 1],
			(it->resp.n - resp0 - 1) * sizeof(it->resp.v[0]));
		it->resp.n--;
	}
	if (any && (it->lead.n || it->resp.n))
		it->has_units = 1;
	return any;
}

/* Heading at the start of a line: style, label, and where the text starts. */
static enum num_style heading(const char *s, size_t len, char label[16], size_t *text)
{
	size_t i = tz_dp_skip_sp(s, len, 0), n;
	int v;

	if ((v = tz_dp_cn_num(s, len, i, &n)) && tz_dp_at(s, len, i + n, "、")) {
		memcpy(label, s + i, n);
		label[n] = '\0';
		*text = i + n + 3;
		return NS_CN;
	}
	if (i < len && s[i] == '(' && (v = tz_dp_cn_num(s, len, i + 1, &n)) &&
	    tz_dp_at(s, len, i + 1 + n, ")") && n + 2 < 16) {
		memcpy(label, s + i, n + 2);
		label[n + 2] = '\0';
		*text = i + n + 2;
		return NS_PCN;
	}
	if (i < len && s[i] >= '1' && s[i] <= '9') {
		size_t j = i;

		while (j < len && j < i + 3 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j < len && s[j] >= '0' && s[j] <= '9')
			return 0;
		if (tz_dp_at(s, len, j, "、") ||
		    (j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9'))) {
			memcpy(label, s + i, j - i);
			label[j - i] = '\0';
			*text = j + (s[j] == '.' ? 1 : 3);
			return NS_AR;
		}
	}
	if (i + 2 < len && s[i] == '(' && s[i + 1] >= '1' && s[i + 1] <= '9') {
		size_t j = i + 1;

		while (j < len && j < i + 4 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j < len && s[j] == ')') {
			memcpy(label, s + i, j + 1 - i);
			label[j + 1 - i] = '\0';
			*text = j + 1;
			return NS_PAR;
		}
	}
	return 0;
}

/* Scan one line of an item's span for unit specifications. Returns the
 * offset where the first one starts (for the title), or the line end. */
static size_t scan_units(struct dp_ctx *c, size_t li, size_t from, struct item *it)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = from, first = len, n;

	/* A line that starts with a label: all of it. */
	{
		size_t b = tz_dp_skip_sp(s, len, from);

		if (unit_label_at(s, len, b, &n)) {
			if (unit_spec(c, li, b, len, it))
				return b;
		}
	}
	while (i < len) {
		size_t m;

		if (is_open(s, len, i, &n)) {
			/* find the matching close */
			size_t k = i + n, cb = k;
			int depth = 1;

			while (k < len && depth) {
				if (is_open(s, len, k, &m))
					depth++;
				else if (is_close(s, len, k, &m))
					depth--;
				else
					tz_dp_cp(s, len, k, &m);
				if (depth)
					k += m;
			}
			if (depth) {
				/* unclosed: a spec cut by the end of the line */
				if (unit_label_at(s, len, tz_dp_skip_sp(s, len, cb), &m) &&
				    unit_spec(c, li, cb, len, it) && first == len)
					first = i;
				break;
			}
			if (unit_spec(c, li, cb, k, it) && first == len)
				first = i;
			i = k + m;
			continue;
		}
		/* "…。牵头单位:X;责任单位:Y" as the tail of a paragraph */
		if (unit_label_at(s, len, i, &n) && i > from) {
			size_t p = tz_dp_prev(s, i);

			if (tz_dp_at(s, len, p, "。") || s[p] == ';' || s[p] == ' ' || s[p] == '\t') {
				if (unit_spec(c, li, i, len, it)) {
					if (first == len)
						first = i;
					break;
				}
			}
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
	return first;
}

static const char *make_path(struct dp_ctx *c, struct item *items, size_t idx)
{
	size_t chain[32], n = 0;
	struct tz_buf b = TZ_BUF_INIT;
	const char *res;

	for (size_t k = idx; k != DP_NONE && n < 32; k = items[k].parent)
		chain[n++] = k;
	while (n-- > 0) {
		if (b.len)
			tz_buf_addch(&b, '.');
		tz_buf_adds(&b, items[chain[n]].label);
	}
	res = tz_arena_strndup(c->arena, b.buf, b.len);
	tz_buf_release(&b);
	return res;
}

void tz_dp_tasks(struct dp_ctx *c)
{
	struct item *items = NULL;
	size_t nitems = 0, alloc = 0, li, cur = DP_NONE;
	size_t stack[16], depth = 0;
	size_t end = c->sig_start < c->nlines ? c->sig_start : c->nlines;
	struct tz_doc *d = c->doc;
	unsigned root_styles = 0;

	/* A note ("注：责任单位中排在第一位的为牵头单位") applies to every
	 * bracket; the same words inside a bracket apply to that bracket. */
	for (li = 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT &&
		    first_is_lead_rule(c->lines[li].norm, 0, c->lines[li].norm_len) &&
		    tz_dp_find(c->lines[li].norm, 0, c->lines[li].norm_len, "责任单位:") == DP_NONE)
			c->first_lead_rule = 1;
	for (li = c->body_start; li < end; li++) {
		const struct dp_line *l = &c->lines[li];
		char label[16];
		size_t text = 0, first;
		enum num_style st;

		if (l->cls != DP_CONTENT)
			continue;
		st = heading(l->norm, l->norm_len, label, &text);
		if (st) {
			struct item *it;
			size_t k, tb, te;

			for (k = depth; k-- > 0;)
				if (items[stack[k]].style == st)
					break;
			if (k != (size_t)-1)
				depth = k;
			if (depth >= 16)
				depth = 15;
			TZ_ALLOC_GROW(items, nitems + 1, alloc);
			it = &items[nitems];
			memset(it, 0, sizeof(*it));
			it->style = st;
			memcpy(it->label, label, sizeof(it->label));
			it->parent = depth ? stack[depth - 1] : DP_NONE;
			it->line = li;
			stack[depth++] = nitems;
			cur = nitems++;
			first = scan_units(c, li, text, it);
			/* the title: the heading's first sentence, before any units */
			tb = text;
			te = first;
			{
				size_t p = tz_dp_find(l->norm, tb, te, "。");

				if (p != DP_NONE)
					te = p;
				p = tz_dp_find(l->norm, tb, te, ":");
				if (p != DP_NONE && p > tb)
					te = p;
			}
			tz_dp_trim(l->norm, &tb, &te, ",;、");
			it->title = tz_dp_dup(c, li, tb, te, DP_DUP_TRIM);
			continue;
		}
		if (cur != DP_NONE)
			scan_units(c, li, 0, &items[cur]);
	}
	/* Mark ancestors of items with units, and which numbering styles
	 * have units under each parent (bit per style; root is separate). */
	for (size_t k = 0; k < nitems; k++) {
		if (!items[k].has_units)
			continue;
		for (size_t p = items[k].parent; p != DP_NONE; p = items[p].parent)
			items[p].child_units = 1;
		if (items[k].parent == DP_NONE)
			root_styles |= 1u << items[k].style;
		else
			items[items[k].parent].styles |= 1u << items[k].style;
	}
	for (size_t k = 0; k < nitems; k++) {
		struct item *it = &items[k];
		struct tz_doc_task *t;
		unsigned sib = it->parent == DP_NONE ? root_styles : items[it->parent].styles;

		if (it->has_units)
			c->ntasks_with_units++;
		else if (it->child_units || !(sib & (1u << it->style)))
			continue;
		if (c->task_alloc <= d->ntasks)
			TZ_ALLOC_GROW(d->tasks, d->ntasks + 1, c->task_alloc);
		t = &d->tasks[d->ntasks++];
		memset(t, 0, sizeof(*t));
		t->path = make_path(c, items, k);
		t->title = it->title;
		t->lead = it->lead.v;
		t->nlead = it->lead.n;
		t->responsible = it->resp.v;
		t->nresponsible = it->resp.n;
		t->has_units = it->has_units;
		t->line = tz_dp_srcline(c, it->line, 0);
		if (!it->has_units)
			tz_dp_warn_text(c, "task_without_units", it->line, 0,
					it->title ? it->title : t->path, NULL,
					"任务未写明牵头单位和责任单位（原文可能被截断）");
		it->lead.v = NULL;
		it->resp.v = NULL;
	}
	for (size_t k = 0; k < nitems; k++) {
		free(items[k].lead.v);
		free(items[k].resp.v);
	}
	free(items);
}

void tz_dp_tasks_drop(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;

	for (size_t i = 0; i < d->ntasks; i++) {
		free(d->tasks[i].lead);
		free(d->tasks[i].responsible);
	}
	free(d->tasks);
	d->tasks = NULL;
	d->ntasks = 0;
	c->task_alloc = 0;
	/* and their warnings */
	{
		size_t w = 0;

		for (size_t r = 0; r < d->nwarnings; r++) {
			if (!strcmp(d->warnings[r].kind, "task_without_units"))
				continue;
			d->warnings[w] = d->warnings[r];
			c->wkeys[w] = c->wkeys[r];
			w++;
		}
		d->nwarnings = w;
	}
}
