/*
 * tasks.c: the tasks of a work plan.
 *
 * The body is a tree of numbered headings. Four numbering styles are
 * recognised at the start of a line (after folding, so full-width digits,
 * （）, ⑴, ① and ㈠ are covered): 一、  (一)  1. or 1、  (1). The tree is
 * built with a stack: a heading whose style is already on the stack closes
 * everything below that level, any other style opens a level under the
 * current one, so documents may use the styles in any order. A table of
 * tasks (table.c) gives one item per row, under the heading it sits in.
 *
 * Each heading is an item; the lines after it up to the next heading are
 * its span. Unit specifications (units.c) are found in the span:
 *   - in brackets 〔〕 () 【】 [] that start with a label or read "X牵头,
 *     Y配合", and in a paragraph's tail after 。 or ; ("…。牵头单位:X");
 *     each belongs to the clause before it;
 *   - on lines that hold nothing else: a line starting with a label
 *     ("牵头单位:市发改委。", "完成时限:2026年6月底前") or a lone bracket;
 *   - a list running to the end of its line ("责任单位：县农业农村局",
 *     "…县工信局、", a bracket left open) goes on on the lines after it
 *     that hold unit names only, one or more per line.
 * When the span holds two or more clauses with units of their own
 * (unnumbered paragraphs each ending with "(X牵头)", several brackets in
 * one item), each clause is a task under the item, path ITEM.[1], [2], …
 * Otherwise everything found belongs to the item itself.
 *
 * Then, over the whole tree: units on their own line after an item's
 * sub-points (1)…(4), none of which has units, belong to the item, not to
 * its last sub-point; units said 下同 hold for the following tasks that
 * give none, until one does.
 *
 * An item with units is a task. An item without units is reported as a
 * task without units (has_units = 0, warning `task_without_units`) when a
 * sibling of the same style has units: a task cut off or missing its
 * bracket, never guessed. The path is the numbering from the top: 三.(三).1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

enum num_style { NS_CN = 1, NS_PCN, NS_AR, NS_PAR, NS_ROW, NS_SUB };

/* Units found in an item's span, with the clause they belong to. */
struct group {
	struct dp_units u;
	size_t li;
	size_t tb, te;           /* the clause before them on line li */
	int own_line;            /* the line holds nothing but units */
	int multi;               /* line li holds several such groups */
	int open;                /* its list ran to the end of the line and
				    may go on on the next (1 lead, 2
				    responsible, 0 no) */
	int unclosed;            /* it is in a bracket closed on a later line */
};

struct item {
	enum num_style style;
	char label[16];
	size_t parent;           /* index of the parent item, or DP_NONE */
	size_t line;             /* line index of the heading */
	const char *title;
	struct dp_units own;
	int own_line_only;       /* its units all came from lines of their own */
	int has_units;
	int child_units;         /* some descendant has units */
	size_t nchildren;
	unsigned styles;         /* styles of children that have units */
	int inline_points;       /* (1) whose line goes on with (2) …:
				    "（1）…；（2）…。（责任单位：X）" */
};

struct tree {
	struct item *items;
	size_t n, alloc;
	struct group *g;         /* groups of the item being read */
	size_t ng, galloc;
	size_t cur;              /* the item whose span is being read */
	size_t cont;             /* the line the last group's list may go on
				    after, or DP_NONE */
};

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

/* 1 if [from, len) holds a further point "(2)" after ; or 。, the points
 * of a task run together on one line. */
static int inline_point(const char *s, size_t len, size_t from)
{
	for (size_t i = from; i + 2 < len; i++) {
		size_t j = i + 1;

		if (s[i] != '(' || i == from)
			continue;
		while (j < len && j < i + 3 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j == i + 1 || j >= len || s[j] != ')')
			continue;
		{
			size_t p = tz_dp_prev(s, i);

			while (p > from && s[p] == ' ')
				p = tz_dp_prev(s, p);
			if (s[p] == ';' || tz_dp_at(s, len, p, "。"))
				return 1;
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Reading a span                                                      */

static size_t add_item(struct tree *t, enum num_style st, const char *label, size_t parent,
		       size_t line)
{
	struct item *it;

	TZ_ALLOC_GROW(t->items, t->n + 1, t->alloc);
	it = &t->items[t->n];
	memset(it, 0, sizeof(*it));
	it->style = st;
	snprintf(it->label, sizeof(it->label), "%s", label);
	it->parent = parent;
	it->line = line;
	if (parent != DP_NONE)
		t->items[parent].nchildren++;
	return t->n++;
}

/* Units whose names end otherwise than tz_dp_is_org's (人民银行阜新市分行,
 * 营口海关, 市气象台, 鲅鱼圈区). */
static int other_unit(const char *x, size_t n)
{
	static const char *ends[] = { "分行", "海关", "台", "馆", "队", "场", "区", "县", "市" };

	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (tz_dp_ends(x, 0, n, ends[k]))
			return 1;
	return 0;
}

/* Are all of u's names units ("市工信局", "各园区管委会", "各县区", any
 * short name), not prose that a mark word ran into ("市发改委牵头制定实施
 * 方案")? */
static int names_units(const struct dp_units *u)
{
	const char **lists[2] = { u->lead, u->resp };
	size_t ns[2] = { u->nlead, u->nresp };

	if (!u->nlead && !u->nresp)
		return 0;
	for (int r = 0; r < 2; r++)
		for (size_t k = 0; k < ns[r]; k++) {
			const char *x = lists[r][k];
			size_t n = strlen(x);

			if (!tz_dp_is_org(x, 0, n) && strncmp(x, "各", 3) &&
			    tz_dp_ncp(x, 0, n) > 6 && !other_unit(x, n))
				return 0;
		}
	return 1;
}

/* Record a specification [b, e) of line li found after the clause
 * [tb, te) (tb == te: none). A bare list of names ("(市发改委、市财政局)")
 * counts only where `bare_ok` (the bracket ends its clause). Returns 1 if
 * it was one. */
static int add_group(struct dp_ctx *c, struct tree *t, size_t li, size_t b, size_t e, size_t tb,
		     size_t te, int own_line, int bare_ok)
{
	struct group *g;
	struct dp_units u;
	size_t lb, le;
	int open;

	memset(&u, 0, sizeof(u));
	if (!tz_dp_unit_spec(c, li, b, e, &u) || (u.bare && !bare_ok) ||
	    /* marks without a label must mark units: "（市发改委牵头制定实施
	     * 方案，各部门配合抓好落实）" is prose */
	    (!u.bare && !tz_dp_unit_label_at(c->lines[li].norm, e, tz_dp_skip_sp(c->lines[li].norm, e, b), &lb) &&
	     (u.nlead || u.nresp) && !names_units(&u))) {
		tz_dp_units_release(&u);
		return 0;
	}
	/* "责任单位：" with its names on the lines below */
	tz_dp_line_bounds(&c->lines[li], &lb, &le);
	open = e >= le ? u.open_role : 0;
	if (!u.nlead && !u.nresp && !u.deadline && !u.same_below && !open) {
		tz_dp_units_release(&u); /* a rule alone: said, nothing to keep */
		return 1;
	}
	TZ_ALLOC_GROW(t->g, t->ng + 1, t->galloc);
	g = &t->g[t->ng++];
	g->u = u;
	g->li = li;
	g->tb = tb;
	g->te = te;
	g->own_line = own_line;
	g->multi = 0;
	g->open = open;
	g->unclosed = 0;
	return 1;
}

/* 1 if the bracket ending at `end` ends its clause: the line ends, or
 * 。 , ; follow. */
static int ends_clause(const char *s, size_t len, size_t end)
{
	size_t j = tz_dp_skip_sp(s, len, end);

	return j >= len || s[j] == ',' || s[j] == ';' || s[j] == '.' || tz_dp_at(s, len, j, "。");
}

/* The end of the bracket opening at i (after its close), or 0 when it is
 * not closed on the line; *cb is where its content starts. */
static size_t bracket_end(const char *s, size_t len, size_t i, size_t *cb, size_t *ce)
{
	size_t n, m, k;
	int depth = 1;

	tz_dp_bracket_open(s, len, i, &n);
	k = *cb = i + n;
	while (k < len) {
		if (tz_dp_bracket_open(s, len, k, &m))
			depth++;
		else if (tz_dp_bracket_close(s, len, k, &m) && --depth == 0) {
			*ce = k;
			return k + m;
		} else if (!tz_dp_bracket_close(s, len, k, &m))
			tz_dp_cp(s, len, k, &m);
		k += m;
	}
	*ce = len;
	return 0;
}

/* A unit label at i followed by a colon ("，责任单位：市工信局"): after a
 * comma only this is a tail of units, not prose about a unit. */
static int label_colon(const char *s, size_t len, size_t i)
{
	size_t n, j;

	if (!tz_dp_unit_label_at(s, len, i, &n))
		return 0;
	j = tz_dp_skip_sp(s, len, i + n);
	return j < len && s[j] == ':';
}

/* Might [i, len) be a last sentence naming units by their marks
 * ("市工信局牵头，各园区管委会配合。")? A cheap test before the full
 * reading: short, a 牵头 or 配合 in it, no 。 before its end. Returns
 * the sentence's end without its 。, or 0. */
static size_t tail_spec(const char *s, size_t i, size_t len)
{
	size_t e = len;

	while (e > i && (tz_dp_at(s, len, tz_dp_prev(s, e), "。") || s[e - 1] == ' '))
		e = tz_dp_prev(s, e);
	if (e <= i || tz_dp_ncp(s, i, e) > 80 || tz_dp_find(s, i, e, "。") != DP_NONE)
		return 0;
	if (tz_dp_find(s, i, e, "牵头") == DP_NONE && tz_dp_find(s, i, e, "配合") == DP_NONE)
		return 0;
	return e;
}

/* The end of [b, e) without a closing bracket (and the 。;, after it)
 * that closes nothing opened in [b, e): the close of a bracket opened on
 * an earlier line. e when there is none. */
static size_t stray_close(const char *s, size_t b, size_t e)
{
	size_t k = b, n, tb = b, te = e;
	int depth = 0;

	tz_dp_trim(s, &tb, &te, "。;,");
	while (k < te) {
		if (tz_dp_bracket_open(s, te, k, &n))
			depth++;
		else if (tz_dp_bracket_close(s, te, k, &n)) {
			if (--depth < 0)
				return k + n == te ? k : e;
		} else
			tz_dp_cp(s, te, k, &n);
		k += n;
	}
	return e;
}

/*
 * Scan line li of the current item's span from `from` (the heading's text
 * on its heading line) for specifications. Returns the offset where the
 * first one starts (for the heading's title), or the line's end.
 */
static size_t scan_line(struct dp_ctx *c, struct tree *t, size_t li, size_t from)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = from, first = len, n, clause = from, g0 = t->ng;
	size_t lb, le;

	tz_dp_line_bounds(l, &lb, &le);
	/* A line that starts with a label: all of it, a line of its own, but
	 * for the close of a bracket opened on a line above ("（牵头单位：
	 * 市发改委；" then "责任单位：市财政局、各县（市）区政府）"). */
	{
		size_t b = tz_dp_skip_sp(s, len, from);

		/* "【责任单位】市发改委、市财政局", "[牵头单位]…": the label
		 * in brackets of its own */
		if ((tz_dp_at(s, len, b, "【") || (b < len && s[b] == '[')) &&
		    tz_dp_unit_label_at(s, len, b + (s[b] == '[' ? 1 : 3), &n)) {
			size_t lb2 = b + (s[b] == '[' ? 1 : 3), q = lb2 + n;

			if (tz_dp_at(s, len, q, "】") || (q < len && s[q] == ']'))
				b = lb2;
		}
		if (tz_dp_unit_label_at(s, len, b, &n) &&
		    add_group(c, t, li, b, stray_close(s, b, len), b, b, from == 0, 1))
			return b;
	}
	while (i < len) {
		if (tz_dp_bracket_open(s, len, i, &n)) {
			size_t cb, ce, end = bracket_end(s, len, i, &cb, &ce);

			if (!end) {
				/* unclosed: a spec cut by the end of the line (a rule
				 * alone counts but adds no group to mark) */
				size_t before = t->ng;

				if (tz_dp_unit_label_at(s, len, tz_dp_skip_sp(s, len, cb), &n) &&
				    add_group(c, t, li, cb, len, clause, i, from == 0 && i == lb, 1)) {
					if (t->ng > before)
						t->g[t->ng - 1].unclosed = 1;
					if (first == len)
						first = i;
				}
				break;
			}
			if (add_group(c, t, li, cb, ce, clause, i,
				      from == 0 && i == lb && tz_dp_skip_sp(s, le, end) >= le,
				      ends_clause(s, le, end))) {
				if (first == len)
					first = i;
				/* the next clause starts after the bracket and its
				 * punctuation */
				clause = end;
				while (clause < len && (s[clause] == ';' || s[clause] == ',' ||
							s[clause] == ' ' || tz_dp_at(s, len, clause, "。") ||
							tz_dp_at(s, len, clause, "、")))
					clause += (unsigned char)s[clause] < 0x80 ? 1 : 3;
			}
			i = end;
			continue;
		}
		/* "…。牵头单位:X;责任单位:Y" as the tail of a paragraph (the cheap
		 * test first: this runs on every character) */
		if (i > from) {
			size_t p = tz_dp_prev(s, i);

			/* "…。市工信局牵头，各园区管委会配合。": the last sentence
			 * a specification without a label or bracket (a mark
			 * 牵头/配合/负责 needed: a bare list is prose) */
			size_t te;

			if (tz_dp_at(s, len, p, "。") && !tz_dp_unit_label_at(s, len, i, &n) &&
			    (te = tail_spec(s, i, len)) != 0 && add_group(c, t, li, i, te, clause, i, 0, 0)) {
				if (first == len)
					first = i;
				break;
			}

			if ((tz_dp_at(s, len, p, "。") || s[p] == ';' || s[p] == ' ' || s[p] == '\t' ||
			     (s[p] == ',' && label_colon(s, len, i))) &&
			    tz_dp_unit_label_at(s, len, i, &n) &&
			    add_group(c, t, li, i, len, clause, i, 0, 1)) {
				if (first == len)
					first = i;
				break;
			}
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
	if (t->ng - g0 > 1)
		for (size_t k = g0; k < t->ng; k++)
			t->g[k].multi = 1;
	return first;
}

/* After line li was scanned (groups g0.. are its): may the next content
 * line go on with the last group's list? */
static void note_open(struct tree *t, size_t li, size_t g0)
{
	t->cont = t->ng > g0 && t->g[t->ng - 1].li == li && t->g[t->ng - 1].open ? li : DP_NONE;
}

/*
 * A line of unit names and nothing else right after a list that ran to
 * the end of its line ("责任单位：县农业农村局" then "县林业局", or a
 * list ending in 、): its names join that list, with the label's role.
 * When the list is in a bracket left open, a closing bracket ends it.
 * Returns 1 if the line was one.
 */
static int continue_list(struct dp_ctx *c, struct tree *t, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	struct group *g;
	size_t b, e, n;
	int closed = 0;

	if (t->cont == DP_NONE || !t->ng)
		return 0;
	g = &t->g[t->ng - 1];
	tz_dp_line_bounds(l, &b, &e);
	if (g->unclosed) {
		tz_dp_trim(l->norm, &b, &e, "。;,");
		if (e > b && tz_dp_bracket_close(l->norm, e, tz_dp_prev(l->norm, e), &n)) {
			e = tz_dp_prev(l->norm, e);
			closed = 1;
		}
	}
	if (!tz_dp_units_only(l->norm, b, e))
		return 0;
	tz_dp_units_more(c, li, b, e, g->open, &g->u);
	t->cont = closed ? DP_NONE : li;
	return 1;
}

/*
 * The title of a clause [tb, te) of line li: on a line with one group,
 * its first sentence; on a line with several, the text after the last 。
 * (the clause proper: "加快景区提质升级。推进天门山景区索道改造").
 */
static const char *clause_title(struct dp_ctx *c, const struct group *g)
{
	const char *s = c->lines[g->li].norm;
	size_t b = g->tb, e = g->te, p;

	tz_dp_trim(s, &b, &e, "。;,、:");
	if (b >= e)
		return NULL;
	if (g->multi) {
		p = tz_dp_rfind(s, b, e, "。");
		if (p != DP_NONE)
			b = p + 3;
	} else {
		p = tz_dp_find(s, b, e, "。");
		if (p != DP_NONE)
			e = p;
	}
	tz_dp_trim(s, &b, &e, "。;,、:");
	return tz_dp_dup(c, g->li, b, e, DP_DUP_TRIM);
}

/*
 * The span of item t->cur has been read: its groups become its own units,
 * or, when two or more clauses carry units of their own, one task each
 * under the item ([1], [2], …). Specifications that give only a deadline
 * join the group before them.
 */
static void end_span(struct dp_ctx *c, struct tree *t)
{
	size_t k, nclauses = 0, own_lines = 0, w = 0;
	struct item *it;

	t->cont = DP_NONE;
	if (t->cur == DP_NONE) {
		for (k = 0; k < t->ng; k++)
			tz_dp_units_release(&t->g[k].u);
		t->ng = 0;
		return;
	}
	/* deadlines alone join the group before */
	for (k = 0; k < t->ng; k++) {
		struct group *g = &t->g[k];

		if (w && !g->u.nlead && !g->u.nresp) {
			tz_dp_units_merge(&t->g[w - 1].u, &g->u);
			continue;
		}
		t->g[w++] = *g;
	}
	t->ng = w;
	for (k = 0; k < t->ng; k++) {
		if (t->g[k].own_line)
			own_lines++;
		else
			nclauses++;
	}
	it = &t->items[t->cur];
	if (nclauses >= 2) {
		size_t parent = t->cur, sub = 0;

		for (k = 0; k < t->ng; k++) {
			struct group *g = &t->g[k];
			char label[24];
			size_t idx;

			if (g->own_line) {
				tz_dp_units_merge(&t->items[parent].own, &g->u);
				continue;
			}
			snprintf(label, sizeof(label), "[%zu]", ++sub);
			idx = add_item(t, NS_SUB, label, parent, g->li);
			t->items[idx].title = clause_title(c, g);
			t->items[idx].own = g->u;
		}
	} else {
		for (k = 0; k < t->ng; k++)
			tz_dp_units_merge(&it->own, &t->g[k].u);
		it->own_line_only = own_lines > 0 && nclauses == 0;
	}
	t->ng = 0;
}

/* The title of a heading: its first sentence, before 。, : or units. */
static const char *heading_title(struct dp_ctx *c, size_t li, size_t tb, size_t te)
{
	const char *s = c->lines[li].norm;
	size_t p = tz_dp_find(s, tb, te, "。");

	if (p != DP_NONE)
		te = p;
	p = tz_dp_find(s, tb, te, ":");
	if (p != DP_NONE && p > tb)
		te = p;
	tz_dp_trim(s, &tb, &te, ",;、");
	return tz_dp_dup(c, li, tb, te, DP_DUP_TRIM);
}

/* The rows of a task table become items under `parent`. */
static void table_items(struct dp_ctx *c, struct tree *t, const struct dp_row *rows, size_t n,
			size_t parent)
{
	for (size_t r = 0; r < n; r++) {
		const struct dp_row *row = &rows[r];
		const struct dp_cell *tc = row->task.li != DP_NONE ? &row->task : &row->detail;
		char label[24];
		size_t idx;
		struct item *it;

		if (row->serial.li != DP_NONE) {
			size_t m = row->serial.e - row->serial.b;
			const char *s = c->lines[row->serial.li].norm + row->serial.b;

			snprintf(label, sizeof(label), "%.*s", (int)(m < 15 ? m : 15), s);
		} else {
			snprintf(label, sizeof(label), "%zu", r + 1);
		}
		idx = add_item(t, NS_ROW, label, parent, row->line);
		it = &t->items[idx];
		if (tc->li != DP_NONE)
			it->title = heading_title(c, tc->li, tc->b, tc->e);
		for (size_t k = 0; k < 2; k++)
			if (row->lead[k].li != DP_NONE)
				tz_dp_units_cell(c, row->lead[k].li, row->lead[k].b, row->lead[k].e, 1,
						 &it->own);
		for (size_t k = 0; k < 3; k++)
			if (row->resp[k].li != DP_NONE)
				tz_dp_units_cell(c, row->resp[k].li, row->resp[k].b, row->resp[k].e, 0,
						 &it->own);
		if (row->deadline.li != DP_NONE && !it->own.deadline)
			it->own.deadline = tz_dp_deadline(c, row->deadline.li, row->deadline.b,
							  row->deadline.e);
	}
}

/* ------------------------------------------------------------------ */
/* Over the tree                                                       */

static int is_under(const struct tree *t, size_t k, size_t anc)
{
	for (size_t p = t->items[k].parent; p != DP_NONE; p = t->items[p].parent)
		if (p == anc)
			return 1;
	return 0;
}

static int units_of(const struct item *it)
{
	return it->own.nlead || it->own.nresp;
}

/*
 * Units on their own line after sub-points (1)…(4) of which none has
 * units belong to the parent item (the units line closes the task, not
 * its last point). Only when the sub-point has earlier siblings. The same
 * for units at the end of the last sub-point ("②…提升，责任单位：X",
 * "(2)…。(责任单位:X)", "(1)…;(2)…。(责任单位:X)" on one line) when none
 * of its siblings has units and it has no points of its own (b04 class:
 * the bracket closes the whole task). Counts
 * per parent are taken first, so this is one pass over the items.
 */
static void lift_units(struct tree *t)
{
	size_t *with_units = tz_xcalloc(t->n + 1, sizeof(size_t));
	size_t *seen = tz_xcalloc(t->n + 1, sizeof(size_t));
	size_t *last = tz_xcalloc(t->n + 1, sizeof(size_t));

	/* index t->n stands for the root */
	for (size_t k = 0; k < t->n; k++) {
		size_t p = t->items[k].parent == DP_NONE ? t->n : t->items[k].parent;

		with_units[p] += units_of(&t->items[k]);
		last[p] = k;
	}
	for (size_t k = 0; k < t->n; k++) {
		struct item *it = &t->items[k];
		size_t p = it->parent, pk = p == DP_NONE ? t->n : p, sib = seen[pk]++;
		int tail = !it->own_line_only && units_of(it) && last[pk] == k &&
			   !it->nchildren && it->style == NS_PAR;

		if ((!it->own_line_only && !tail) || p == DP_NONE || units_of(&t->items[p]) ||
		    it->style == NS_SUB || it->style == NS_ROW)
			continue;
		/* an only point: "1.…" / "（1）…" / "责任单位：…" closes the
		 * task too, when the point is a (1) under a 1. */
		if ((!sib && !(tail && it->inline_points) &&
		     !(it->own_line_only && it->style == NS_PAR && t->items[p].style == NS_AR)) ||
		    with_units[pk] > (size_t)units_of(it))
			continue;
		t->items[p].own = it->own;
		memset(&it->own, 0, sizeof(it->own));
		it->own_line_only = 0;
		with_units[pk]--;
		/* the parent has units now: its later siblings count it
		 * ("1.…(1)(2) 责任单位" then "2. 责任单位 (1)(2)": 2's units
		 * stay 2's) */
		with_units[t->items[p].parent == DP_NONE ? t->n : t->items[p].parent]++;
	}
	free(with_units);
	free(seen);
	free(last);
}

/* 下同: the units hold for the following leaf tasks that give none (not
 * for the carrier's own sub-items), until one gives its own. */
static void same_below(struct tree *t)
{
	size_t carrier = DP_NONE;

	for (size_t k = 0; k < t->n; k++) {
		struct item *it = &t->items[k];

		if (units_of(it)) {
			carrier = it->own.same_below ? k : DP_NONE;
			continue;
		}
		if (carrier == DP_NONE || it->nchildren || is_under(t, k, carrier))
			continue;
		tz_dp_units_copy(&it->own, &t->items[carrier].own);
	}
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

static void emit(struct dp_ctx *c, struct tree *t)
{
	struct tz_doc *d = c->doc;
	unsigned root_styles = 0;
	struct item *items = t->items;

	/* Mark ancestors of items with units, and which numbering styles
	 * have units under each parent (bit per style; root is separate). */
	for (size_t k = 0; k < t->n; k++) {
		items[k].has_units = units_of(&items[k]);
		if (!items[k].has_units)
			continue;
		for (size_t p = items[k].parent; p != DP_NONE; p = items[p].parent)
			items[p].child_units = 1;
		if (items[k].parent == DP_NONE)
			root_styles |= 1u << items[k].style;
		else
			items[items[k].parent].styles |= 1u << items[k].style;
	}
	for (size_t k = 0; k < t->n; k++) {
		struct item *it = &items[k];
		struct tz_doc_task *task;
		unsigned sib = it->parent == DP_NONE ? root_styles : items[it->parent].styles;

		if (it->has_units) {
			c->ntasks_with_units++;
			c->ntasks_bare += it->own.bare;
		}
		else if (it->child_units || !(sib & (1u << it->style)))
			continue;
		if (c->task_alloc <= d->ntasks)
			TZ_ALLOC_GROW(d->tasks, d->ntasks + 1, c->task_alloc);
		task = &d->tasks[d->ntasks++];
		memset(task, 0, sizeof(*task));
		task->path = make_path(c, items, k);
		task->title = it->title;
		task->lead = it->own.lead;
		task->nlead = it->own.nlead;
		task->responsible = it->own.resp;
		task->nresponsible = it->own.nresp;
		task->deadline = it->has_units ? it->own.deadline : NULL;
		task->has_units = it->has_units;
		task->line = tz_dp_srcline(c, it->line, 0);
		if (!it->has_units)
			tz_dp_warn_text(c, "task_without_units", it->line, 0,
					it->title ? it->title : task->path, NULL,
					"任务未写明牵头单位和责任单位（原文可能被截断）");
		it->own.lead = NULL;
		it->own.resp = NULL;
	}
}

void tz_dp_tasks(struct dp_ctx *c)
{
	struct tree t;
	size_t li, stack[16], depth = 0;
	size_t end = c->sig_start < c->nlines ? c->sig_start : c->nlines;
	size_t start = c->plan_title_line != DP_NONE ? c->plan_title_line + 1 : c->body_start;
	struct dp_table table;

	memset(&t, 0, sizeof(t));
	memset(&table, 0, sizeof(table));
	t.cur = DP_NONE;
	t.cont = DP_NONE;
	/* A note ("注：责任单位中排在第一位的为牵头单位") applies to every
	 * specification; the same words inside one apply to that one. */
	for (li = 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT &&
		    tz_dp_first_lead_rule(c->lines[li].norm, 0, c->lines[li].norm_len) &&
		    tz_dp_find(c->lines[li].norm, 0, c->lines[li].norm_len, "责任单位:") == DP_NONE)
			c->first_lead_rule = 1;
	for (li = start; li < end; li++) {
		const struct dp_line *l = &c->lines[li];
		char label[16];
		size_t text = 0, first, next;
		enum num_style st;
		struct dp_row *rows;
		size_t nrows;

		if (l->cls != DP_CONTENT)
			continue;
		next = tz_dp_task_table(c, li, end, &table, &rows, &nrows);
		if (nrows) {
			end_span(c, &t);
			table_items(c, &t, rows, nrows, depth ? stack[depth - 1] : DP_NONE);
			free(rows);
			t.cur = DP_NONE;
			li = next - 1;
			continue;
		}
		st = heading(l->norm, l->norm_len, label, &text);
		if (st) {
			size_t k;

			end_span(c, &t);
			for (k = depth; k-- > 0;)
				if (t.items[stack[k]].style == st)
					break;
			if (k != (size_t)-1)
				depth = k;
			if (depth >= 16)
				depth = 15;
			t.cur = add_item(&t, st, label, depth ? stack[depth - 1] : DP_NONE, li);
			stack[depth++] = t.cur;
			first = scan_line(c, &t, li, text);
			note_open(&t, li, 0);
			t.items[t.cur].title = heading_title(c, li, text, first);
			t.items[t.cur].inline_points = st == NS_PAR &&
						       inline_point(l->norm, first, text);
			continue;
		}
		if (t.cur != DP_NONE && !continue_list(c, &t, li)) {
			size_t g0 = t.ng;

			scan_line(c, &t, li, 0);
			note_open(&t, li, g0);
		}
	}
	end_span(c, &t);
	lift_units(&t);
	same_below(&t);
	emit(c, &t);
	for (size_t k = 0; k < t.n; k++)
		tz_dp_units_release(&t.items[k].own);
	free(t.items);
	free(t.g);
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
