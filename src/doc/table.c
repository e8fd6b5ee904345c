/*
 * table.c: work plans laid out as a table of tasks.
 *
 * 序号 | 任务 | 牵头单位 | 责任单位 | 完成时限 comes three ways: an HTML
 * <table> (html.c makes each row one line with its cells separated by a
 * tab), tab-separated rows copied from a word processor, or the same
 * flattened to one cell per line. The header row names the columns (at
 * least three, among them a task and a unit column); each row under it is
 * a task. Rows of a flattened table start at their serial number (1, 2,
 * 3 …); when a row has fewer cells than the header, each cell goes to the
 * column whose kind it looks like (a deadline, unit names, text), and a
 * lead cell missing from a row is the row before's (a rowspan). A section
 * row inside the table ("一、基础设施") ends the rows read so far; the
 * header is remembered (struct dp_table) so the rows after it are read
 * the same way, under that section. tasks.c turns the rows into tasks.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

enum col { COL_NONE, COL_SERIAL, COL_TASK, COL_DETAIL, COL_LEAD, COL_RESP, COL_DEADLINE };

static const struct {
	const char *word;
	enum col col;
} header_words[] = {
	{ "序号", COL_SERIAL }, { "编号", COL_SERIAL },
	{ "任务", COL_TASK }, { "重点任务", COL_TASK }, { "工作任务", COL_TASK },
	{ "主要任务", COL_TASK }, { "具体任务", COL_TASK }, { "任务名称", COL_TASK },
	{ "工作内容", COL_TASK }, { "任务内容", COL_TASK }, { "重点工作", COL_TASK },
	{ "工作事项", COL_TASK }, { "事项", COL_TASK }, { "目标任务", COL_TASK },
	{ "改革事项", COL_TASK }, { "项目名称", COL_TASK }, { "任务事项", COL_TASK },
	{ "具体措施", COL_DETAIL }, { "工作措施", COL_DETAIL }, { "主要措施", COL_DETAIL },
	{ "推进措施", COL_DETAIL }, { "具体内容", COL_DETAIL }, { "主要内容", COL_DETAIL },
	{ "工作目标", COL_DETAIL }, { "工作要求", COL_DETAIL }, { "措施", COL_DETAIL },
	{ "备注", COL_NONE }, { "责任领导", COL_NONE }, { "牵头领导", COL_NONE },
	{ "分管领导", COL_NONE }, { "包联领导", COL_NONE }, { "责任人", COL_NONE },
	{ "牵头单位", COL_LEAD }, { "牵头部门", COL_LEAD }, { "主责单位", COL_LEAD },
	{ "主办单位", COL_LEAD }, { "牵头责任单位", COL_LEAD },
	{ "责任单位", COL_RESP }, { "配合单位", COL_RESP }, { "参与单位", COL_RESP },
	{ "协办单位", COL_RESP }, { "配合部门", COL_RESP }, { "责任部门", COL_RESP },
	{ "协同单位", COL_RESP }, { "协助单位", COL_RESP }, { "实施单位", COL_RESP },
	{ "落实单位", COL_RESP }, { "牵头单位及责任单位", COL_RESP },
	{ "完成时限", COL_DEADLINE }, { "时间节点", COL_DEADLINE }, { "完成时间", COL_DEADLINE },
	{ "时限", COL_DEADLINE }, { "时间要求", COL_DEADLINE }, { "完成期限", COL_DEADLINE },
	{ "办结时限", COL_DEADLINE }, { "进度安排", COL_DEADLINE }, { "时间安排", COL_DEADLINE },
};

#define MAXCOLS 12

/* The column a header cell [b, e) names (spaces inside allowed), or -1. */
static int header_cell(const char *s, size_t b, size_t e)
{
	int best = -1;
	size_t bestn = 0;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return -1;
	for (size_t k = 0; k < sizeof(header_words) / sizeof(header_words[0]); k++) {
		size_t n = tz_dp_label_at(s, e, b, header_words[k].word);

		if (n && b + n == e && n > bestn) {
			best = (int)header_words[k].col;
			bestn = n;
		}
	}
	return best;
}

/* A header is a table of tasks when it names a task and a unit column. */
static int header_ok(const enum col *cols, size_t n)
{
	int task = 0, unit = 0;

	for (size_t k = 0; k < n; k++) {
		task |= cols[k] == COL_TASK || cols[k] == COL_DETAIL;
		unit |= cols[k] == COL_LEAD || cols[k] == COL_RESP;
	}
	return n >= 3 && task && unit;
}

static int has_col(const enum col *cols, size_t n, enum col col)
{
	for (size_t k = 0; k < n; k++)
		if (cols[k] == col)
			return 1;
	return 0;
}

static size_t tab_cells(const char *s, size_t len, size_t *cb, size_t *ce);

/* A tab-separated line that is a header row of its own. */
static int header_line(const struct dp_line *l)
{
	size_t cb[MAXCOLS], ce[MAXCOLS], nc = tab_cells(l->norm, l->norm_len, cb, ce);
	enum col cols[MAXCOLS];

	for (size_t k = 0; k < nc; k++) {
		int col = header_cell(l->norm, cb[k], ce[k]);

		cols[k] = col < 0 ? COL_NONE : (enum col)col;
	}
	return header_ok(cols, nc);
}

/* Split [0, len) at tabs into at most MAXCOLS cells. */
static size_t tab_cells(const char *s, size_t len, size_t *cb, size_t *ce)
{
	size_t n = 0, b = 0;

	for (size_t i = 0; i <= len && n < MAXCOLS; i++)
		if (i == len || s[i] == '\t') {
			cb[n] = b;
			ce[n] = i;
			n++;
			b = i + 1;
		}
	return n;
}

static void put(struct dp_row *r, enum col col, size_t li, size_t b, size_t e, const char *s)
{
	struct dp_cell cell;

	tz_dp_trim(s, &b, &e, NULL);
	if (b >= e)
		return;
	cell.li = li;
	cell.b = b;
	cell.e = e;
	switch (col) {
	case COL_SERIAL:
		r->serial = cell;
		break;
	case COL_TASK:
		if (r->task.li == DP_NONE)
			r->task = cell;
		break;
	case COL_DETAIL:
		if (r->detail.li == DP_NONE)
			r->detail = cell;
		break;
	case COL_DEADLINE:
		if (r->deadline.li == DP_NONE)
			r->deadline = cell;
		break;
	case COL_LEAD:
		for (size_t k = 0; k < 2; k++)
			if (r->lead[k].li == DP_NONE) {
				r->lead[k] = cell;
				break;
			}
		break;
	case COL_RESP:
		for (size_t k = 0; k < 3; k++)
			if (r->resp[k].li == DP_NONE) {
				r->resp[k] = cell;
				break;
			}
		break;
	case COL_NONE:
		break;
	}
}

static struct dp_row *new_row(struct dp_row **rows, size_t *n, size_t *alloc, size_t line)
{
	struct dp_row *r;

	TZ_ALLOC_GROW(*rows, *n + 1, *alloc);
	r = &(*rows)[(*n)++];
	r->serial = r->task = r->detail = r->deadline = (struct dp_cell){ DP_NONE, 0, 0 };
	for (size_t k = 0; k < 2; k++)
		r->lead[k] = (struct dp_cell){ DP_NONE, 0, 0 };
	for (size_t k = 0; k < 3; k++)
		r->resp[k] = (struct dp_cell){ DP_NONE, 0, 0 };
	r->line = line;
	return r;
}

/* A serial number alone: "1", "12", "1." or "（1）". Its value or 0. */
static int serial_at(const char *s, size_t b, size_t e)
{
	int v = 0;

	tz_dp_trim(s, &b, &e, "().、");
	if (b >= e || e - b > 3)
		return 0;
	for (size_t k = b; k < e; k++) {
		if (s[k] < '0' || s[k] > '9')
			return 0;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/* The kind of a cell of a row shorter than its header. */
static enum col cell_kind(const char *s, size_t b, size_t e)
{
	tz_dp_trim(s, &b, &e, NULL);
	if (tz_dp_deadline_like(s, b, e))
		return COL_DEADLINE;
	if (tz_dp_units_like(s, b, e))
		return COL_RESP;
	return COL_TASK;
}

/* Whether a cell that looks like `kind` (cell_kind) may stand in column
 * `col` of the header. */
static int fits(enum col col, enum col kind)
{
	switch (col) {
	case COL_LEAD:
	case COL_RESP:
		return kind == COL_RESP;
	case COL_DEADLINE:
		return kind == COL_DEADLINE;
	case COL_TASK:
	case COL_DETAIL:
		return kind == COL_TASK;
	default:
		return 0;
	}
}

/* Rows of tab-separated cells after the header line hl. */
static size_t tab_rows(const struct dp_ctx *c, size_t hl, size_t end, const enum col *cols,
		       size_t ncols, struct dp_row **rows, size_t *n, size_t *alloc)
{
	size_t li;

	for (li = hl + 1; li < end; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t cb[MAXCOLS], ce[MAXCOLS], nc;
		struct dp_row *r;

		if (l->cls == DP_BLANK)
			continue;
		if (l->cls != DP_CONTENT || !memchr(l->norm, '\t', l->norm_len))
			break;
		nc = tab_cells(l->norm, l->norm_len, cb, ce);
		r = new_row(rows, n, alloc, li);
		if (nc == ncols) {
			for (size_t k = 0; k < nc; k++)
				put(r, cols[k], li, cb[k], ce[k], l->norm);
		} else {
			/* cells lost or merged: by position where the header has a
			 * serial first, else by what each cell looks like */
			size_t k = 0;

			if (cols[0] == COL_SERIAL && serial_at(l->norm, cb[0], ce[0]))
				put(r, COL_SERIAL, li, cb[k], ce[k], l->norm), k++;
			for (; k < nc; k++)
				put(r, cell_kind(l->norm, cb[k], ce[k]), li, cb[k], ce[k], l->norm);
			/* a lead cell spanning rows (rowspan): the row before's */
			if (r->lead[0].li == DP_NONE && *n > 1 && has_col(cols, ncols, COL_LEAD) &&
			    (*rows)[*n - 2].lead[0].li != DP_NONE)
				r->lead[0] = (*rows)[*n - 2].lead[0];
		}
	}
	return li;
}

/* Rows of a table flattened to one cell per line, after its header (the
 * lines before `from`). */
static size_t flat_rows(const struct dp_ctx *c, size_t from, size_t end, const enum col *cols,
			size_t ncols, struct dp_row **rows, size_t *n, size_t *alloc, int *serial)
{
	size_t li = from, next = (size_t)*serial;
	int by_serial = cols[0] == COL_SERIAL;

	while (li < end) {
		size_t cell[MAXCOLS], nc = 0, k;
		struct dp_row *r;
		const struct dp_line *l = &c->lines[li];
		size_t b, e;

		if (l->cls != DP_CONTENT) {
			li++;
			continue;
		}
		tz_dp_line_bounds(l, &b, &e);
		/* a section of the table may number its rows from 1 again */
		if (by_serial && serial_at(l->norm, b, e) == 1 && next != 1)
			next = 1;
		if (by_serial && serial_at(l->norm, b, e) != (int)next)
			break;
		if (!by_serial && tz_dp_heading_prefix(l->norm, l->norm_len))
			break;
		/* the cells: up to ncols lines, to the next serial number or a
		 * heading */
		for (k = li; k < end && nc < ncols; k++) {
			const struct dp_line *m = &c->lines[k];

			if (m->cls == DP_BLANK)
				continue;
			if (m->cls != DP_CONTENT)
				break;
			tz_dp_line_bounds(m, &b, &e);
			if (nc && ((by_serial && serial_at(m->norm, b, e) == (int)next + 1) ||
				   tz_dp_heading_prefix(m->norm, m->norm_len)))
				break;
			cell[nc++] = k;
		}
		r = new_row(rows, n, alloc, li);
		/* A short row whose cells all look like their header's, in
		 * order, is cut at its end (no deadline written); otherwise a
		 * cell was left out inside it (a lead spanning rows) and each
		 * goes to the column it looks like. */
		int in_order = 1;

		for (size_t j = 1; j < nc && nc < ncols; j++) {
			const struct dp_line *m = &c->lines[cell[j]];

			tz_dp_line_bounds(m, &b, &e);
			in_order &= fits(cols[j], cell_kind(m->norm, b, e));
		}
		for (size_t j = 0; j < nc; j++) {
			const struct dp_line *m = &c->lines[cell[j]];
			enum col col = cols[j];

			tz_dp_line_bounds(m, &b, &e);
			if (nc < ncols && j > 0 && !in_order)
				col = cell_kind(m->norm, b, e);
			put(r, col, cell[j], b, e, m->norm);
		}
		li = cell[nc - 1] + 1;
		next++;
	}
	*serial = (int)next;
	return li;
}

size_t tz_dp_task_table(const struct dp_ctx *c, size_t li, size_t end, struct dp_table *t,
			struct dp_row **rows, size_t *nrows)
{
	const struct dp_line *l = &c->lines[li];
	enum col cols[MAXCOLS] = { COL_NONE };
	size_t ncols = 0, alloc = 0, next = li;
	int tabs = memchr(l->norm, '\t', l->norm_len) != NULL;

	*rows = NULL;
	*nrows = 0;
	if (l->cls != DP_CONTENT)
		return li;
	/* rows of the table read before, after a section heading inside it
	 * ("一、基础设施" in a row of its own) */
	if (t->ncols && li > 0) {
		size_t b, e;

		for (size_t k = 0; k < t->ncols; k++)
			cols[k] = (enum col)t->cols[k];
		tz_dp_line_bounds(l, &b, &e);
		if (t->flat && cols[0] == COL_SERIAL && serial_at(l->norm, b, e))
			next = flat_rows(c, li, end, cols, t->ncols, rows, nrows, &alloc, &t->next);
		else if (!t->flat && tabs && !header_line(l))
			next = tab_rows(c, li - 1, end, cols, t->ncols, rows, nrows, &alloc);
		if (*nrows)
			return next;
		free(*rows);
		*rows = NULL;
	}
	if (tabs) {
		size_t cb[MAXCOLS], ce[MAXCOLS], nc = tab_cells(l->norm, l->norm_len, cb, ce);

		for (size_t k = 0; k < nc; k++) {
			int col = header_cell(l->norm, cb[k], ce[k]);

			cols[ncols++] = col < 0 ? COL_NONE : (enum col)col;
		}
		if (!header_ok(cols, ncols))
			return li;
		t->flat = 0;
		next = tab_rows(c, li, end, cols, ncols, rows, nrows, &alloc);
	} else {
		size_t k;

		/* a header flattened to one cell per line */
		for (k = li; k < end && ncols < MAXCOLS; k++) {
			const struct dp_line *m = &c->lines[k];
			int col;

			if (m->cls == DP_BLANK)
				continue;
			if (m->cls != DP_CONTENT ||
			    (col = header_cell(m->norm, 0, m->norm_len)) < 0)
				break;
			cols[ncols++] = (enum col)col;
		}
		if (!header_ok(cols, ncols))
			return li;
		t->flat = 1;
		t->next = 1;
		next = flat_rows(c, k, end, cols, ncols, rows, nrows, &alloc, &t->next);
	}
	/* the header is kept for the rest of the table */
	t->ncols = ncols;
	for (size_t k = 0; k < ncols; k++)
		t->cols[k] = (unsigned char)cols[k];
	if (!*nrows) {
		free(*rows);
		*rows = NULL;
		return li;
	}
	return next;
}

/* The width of the last table flattened to one cell per line whose
 * header comes before line `before`, or 0. */
static size_t flat_width(const struct dp_ctx *c, size_t before)
{
	size_t width = 0;

	for (size_t li = c->body_start; li < before; li++) {
		enum col cols[MAXCOLS];
		size_t n = 0, k;

		for (k = li; k < before && n < MAXCOLS; k++) {
			const struct dp_line *m = &c->lines[k];
			int col;

			if (m->cls == DP_BLANK)
				continue;
			if (m->cls != DP_CONTENT || memchr(m->norm, '\t', m->norm_len) ||
			    (col = header_cell(m->norm, 0, m->norm_len)) < 0)
				break;
			cols[n++] = (enum col)col;
		}
		if (header_ok(cols, n)) {
			width = n;
			li = k - 1;
		}
	}
	return width;
}

size_t tz_dp_flat_row_tail(const struct dp_ctx *c, size_t first, size_t last)
{
	size_t width, cells = 0, j = first;

	if (first == DP_NONE || last == DP_NONE || last <= first || !(width = flat_width(c, first)))
		return 0;
	/* back from the org lines to the row's serial number */
	while (j-- > c->body_start && cells < width) {
		const struct dp_line *l = &c->lines[j];
		size_t b, e;

		if (l->cls == DP_BLANK)
			continue;
		if (l->cls != DP_CONTENT)
			return 0;
		cells++;
		tz_dp_line_bounds(l, &b, &e);
		if (serial_at(l->norm, b, e)) {
			size_t missing = width > cells ? width - cells : 0, take = 0;

			/* the org lines fill the row's missing cells, the last
			 * one staying the signature's */
			for (size_t k = first; k < last && take < missing; k++)
				if (c->lines[k].cls == DP_CONTENT)
					take++;
			return take;
		}
	}
	return 0;
}

