/*
 * layout.c: where the parts of a document are.
 *
 * The header is the content before the body; the body starts at the first
 * salutation ("九三学社岳阳市委:"), numbered heading or paragraph. The
 * signature is found from the end: a date line (well-formed, Chinese
 * numerals, or garbled digits such as "2023930") with up to three org
 * lines above it, or "org  date" on one line, past publishing notes
 * ("(此件公开发布)") and contact lines (承办负责人, 承办人, 联系电话, …).
 * meta.c, reply.c and tasks.c read these marks.
 */
#include <stdlib.h>
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

size_t tz_dp_ncp(const char *s, size_t b, size_t e)
{
	size_t n = 0;

	for (size_t i = b; i < e; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

void tz_dp_line_bounds(const struct dp_line *l, size_t *b, size_t *e)
{
	*b = 0;
	*e = l->norm_len;
	tz_dp_trim(l->norm, b, e, NULL);
}

size_t tz_dp_heading_prefix(const char *s, size_t len)
{
	size_t i = tz_dp_skip_sp(s, len, 0), n;

	if (tz_dp_cn_num(s, len, i, &n) && tz_dp_at(s, len, i + n, "、"))
		return i + n + 3;
	if (i < len && s[i] == '(' && tz_dp_cn_num(s, len, i + 1, &n) &&
	    tz_dp_at(s, len, i + 1 + n, ")"))
		return i + n + 2;
	if (i < len && s[i] >= '0' && s[i] <= '9') {
		size_t j = i;

		while (j < len && j < i + 3 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (tz_dp_at(s, len, j, "、"))
			return j + 3;
		if (j < len && s[j] == '.' && !(j + 1 < len && s[j + 1] >= '0' && s[j + 1] <= '9'))
			return j + 1;
	}
	if (i + 2 < len && s[i] == '(' && s[i + 1] >= '0' && s[i + 1] <= '9') {
		size_t j = i + 1;

		while (j < len && j < i + 4 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j < len && s[j] == ')')
			return j + 1;
	}
	return 0;
}

/* A whole line that is a date: returns 1 and the date. */
int tz_dp_date_line(const struct dp_line *l, struct dp_date *d, int *garbled, int *amb)
{
	size_t b, e;

	tz_dp_line_bounds(l, &b, &e);
	return tz_dp_date_field(l->norm, b, e, d, garbled, amb);
}

/* "ORG    2023年7月5日" on one line: the offset where the date starts. */
size_t tz_dp_trailing_date(const struct dp_line *l, struct dp_date *d)
{
	size_t b, e, i;

	tz_dp_line_bounds(l, &b, &e);
	if (tz_dp_ncp(l->norm, b, e) > 60)
		return 0;
	for (i = b + 1; i < e; i++) {
		size_t end;
		int g, a;

		if (!(l->norm[i] >= '0' && l->norm[i] <= '9') && !tz_dp_at(l->norm, e, i, "二"))
			continue;
		if (i > b && l->norm[i - 1] >= '0' && l->norm[i - 1] <= '9')
			continue;
		end = tz_dp_date_at(l->norm, e, i, d);
		if (end == e)
			return i;
		if (!end && tz_dp_date_field(l->norm, i, e, d, &g, &a) && !a)
			return i;
	}
	return 0;
}

/* An org name on a line of its own (signature): short, no sentence. */
int tz_dp_org_line(const struct dp_line *l)
{
	size_t b, e;

	if (l->cls != DP_CONTENT)
		return 0;
	tz_dp_line_bounds(l, &b, &e);
	return e > b && tz_dp_ncp(l->norm, b, e) <= 40 && !tz_dp_has(l->norm, b, e, "。") &&
	       !tz_dp_has(l->norm, b, e, ",") && !tz_dp_heading_prefix(l->norm, l->norm_len) &&
	       tz_dp_is_org(l->norm, b, e);
}

static const char *contact_labels[] = {
	"承办负责人", "分管负责人", "分管领导", "签发人", "负责人", "承办人", "经办人",
	"联系人", "联系电话", "联系方式", "联系单位", "联系部门", "联系地址", "通讯地址",
	"承办单位", "承办部门", "承办处室", "承办科室", "办理单位", "经办单位",
	"邮政编码", "邮编", "电子邮箱", "邮箱", "传真", "电话", "手机", "抄送", "抄报",
};

/* Contact labels may be spelled with spaces ("联 系 人："), and the line
 * put in brackets ("（联系人：李四，联系电话：…）"). */
int tz_dp_contact_line(const struct dp_line *l)
{
	size_t b, e;

	tz_dp_line_bounds(l, &b, &e);
	if (b < e && l->norm[b] == '(')
		b = tz_dp_skip_sp(l->norm, e, b + 1);
	for (size_t k = 0; k < sizeof(contact_labels) / sizeof(contact_labels[0]); k++)
		if (tz_dp_label_at(l->norm, e, b, contact_labels[k]))
			return 1;
	return 0;
}

/* "(此件公开发布)", "（此件主动公开）", "此页无正文". */
static int publish_note(const struct dp_line *l)
{
	size_t b, e;

	tz_dp_line_bounds(l, &b, &e);
	if (tz_dp_ncp(l->norm, b, e) > 30)
		return 0;
	return tz_dp_has(l->norm, b, e, "此件") || tz_dp_has(l->norm, b, e, "公开发布") ||
	       tz_dp_has(l->norm, b, e, "主动公开") || tz_dp_has(l->norm, b, e, "无正文") ||
	       tz_dp_has(l->norm, b, e, "依申请公开") || tz_dp_has(l->norm, b, e, "不予公开");
}

/* A salutation ("各县市区人民政府：", "李英姿委员:"), not a label left
 * without its value ("生成日期：", "发布单位："), whose last word names
 * a kind of value. */
static int is_salutation(const struct dp_line *l)
{
	static const char *label_ends[] = { "日期", "时间", "编号", "号", "机构", "分类", "来源",
					    "名称", "标题", "作者", "主题", "类别", "文种", "状态",
					    "方式", "范围", "性", "词" };
	size_t b, e;

	tz_dp_line_bounds(l, &b, &e);
	if (!(e > b && l->norm[e - 1] == ':' && tz_dp_ncp(l->norm, b, e) <= 80))
		return 0;
	e--;
	tz_dp_trim(l->norm, &b, &e, NULL);
	if (tz_dp_ncp(l->norm, b, e) <= 6)
		for (size_t k = 0; k < sizeof(label_ends) / sizeof(label_ends[0]); k++)
			if (tz_dp_ends(l->norm, b, e, label_ends[k]))
				return 0;
	return 1;
}

static int is_body(const struct dp_line *l)
{
	size_t b, e;

	if (l->cls != DP_CONTENT)
		return 0;
	tz_dp_line_bounds(l, &b, &e);
	if (is_salutation(l) || tz_dp_heading_prefix(l->norm, l->norm_len))
		return 1;
	if (tz_dp_has(l->norm, b, e, "。") && tz_dp_ncp(l->norm, b, e) > 20)
		return 1;
	return tz_dp_ncp(l->norm, b, e) > 100;
}

/* A line that starts with a unit label ("责任单位：…"): 1 lead, 2
 * responsible, 3 deadline, 0 none. */
static int units_label_line(const struct dp_line *l)
{
	size_t b, e, n;

	tz_dp_line_bounds(l, &b, &e);
	return tz_dp_unit_label_at(l->norm, e, b, &n);
}

/*
 * The org lines of a signature [first, last] may be the tail of a task's
 * list of units written one per line ("责任单位：县农业农村局" / "县林业局" /
 * … / "某县人民政府办公室" / date): when the run of org lines they end
 * starts right under a unit label whose list is left open (no 。) or
 * under a line ending in 、, only the line nearest the date is the
 * signature's.
 */
static int org_lines_continue_list(const struct dp_ctx *c, size_t first)
{
	size_t j = first, seen = 0;

	while (j-- > 0 && seen < 16) {
		const struct dp_line *o = &c->lines[j];
		size_t b, e;
		int k;

		if (o->cls == DP_BLANK)
			continue;
		if (tz_dp_org_line(o) && !units_label_line(o)) {
			seen++;
			continue;
		}
		if (o->cls != DP_CONTENT)
			return 0;
		tz_dp_line_bounds(o, &b, &e);
		k = units_label_line(o);
		return ((k == 1 || k == 2) && !tz_dp_ends(o->norm, b, e, "。")) ||
		       tz_dp_ends(o->norm, b, e, "、");
	}
	return 0;
}

static void find_signature(struct dp_ctx *c)
{
	size_t i = c->nlines, skipped = 0;
	struct dp_date d;

	c->sig_start = c->nlines;
	c->sig_date_line = DP_NONE;
	c->sig_org_first = c->sig_org_last = DP_NONE;
	while (i-- > 0 && skipped < 16) {
		const struct dp_line *l = &c->lines[i];
		int g, a;
		size_t off, j;

		if (l->cls != DP_CONTENT)
			continue;
		if (tz_dp_contact_line(l) || publish_note(l)) {
			skipped++;
			continue;
		}
		if (tz_dp_date_line(l, &d, &g, &a)) {
			c->sig_date_line = i;
			c->sig_date_off = 0;
			c->sig_start = i;
			/* org lines above */
			j = i;
			while (j-- > 0) {
				const struct dp_line *o = &c->lines[j];

				if (o->cls == DP_BLANK)
					continue;
				/* a task's units line is no org line */
				if (!tz_dp_org_line(o) || units_label_line(o) || i - j > 8)
					break;
				if (c->sig_org_last == DP_NONE) {
					size_t ob, oe;

					c->sig_org_last = j;
					tz_dp_line_bounds(o, &ob, &oe);
					c->sig_org_end = oe;
				}
				c->sig_org_first = j;
				c->sig_start = j;
				if (c->sig_org_last - j >= 2)
					break;
			}
			if (c->sig_org_first != DP_NONE && c->sig_org_first != c->sig_org_last &&
			    org_lines_continue_list(c, c->sig_org_first)) {
				c->sig_org_first = c->sig_org_last;
				c->sig_start = c->sig_org_last;
			}
			/* the units of a flattened table's last row, written
			 * without its deadline, right above the signature */
			if ((j = tz_dp_flat_row_tail(c, c->sig_org_first, c->sig_org_last)) > 0) {
				size_t k = c->sig_org_first;

				while (j && k < c->sig_org_last)
					if (c->lines[k++].cls == DP_CONTENT)
						j--;
				while (k < c->sig_org_last && c->lines[k].cls != DP_CONTENT)
					k++;
				c->sig_org_first = c->sig_start = k;
			}
			return;
		}
		off = tz_dp_trailing_date(l, &d);
		if (off) {
			size_t ob = 0, oe = off;

			tz_dp_trim(l->norm, &ob, &oe, NULL);
			if (oe > ob && tz_dp_is_org(l->norm, ob, oe) && tz_dp_ncp(l->norm, ob, oe) <= 40) {
				c->sig_date_line = i;
				c->sig_date_off = off;
				c->sig_org_first = c->sig_org_last = i;
				c->sig_org_end = oe;
				c->sig_start = i;
			}
		}
		return;
	}
}

/*
 * A plan issued with its transmittal notice first: a salutation, "现将
 * 《…》印发给你们", the notice's organisation and date, then the plan's
 * own title and text. The notice's signature is the document's (its org
 * and date become issuer and date), the plan's title its title.
 */
static void find_notice(struct dp_ctx *c)
{
	static const char *issue[] = { "印发给你", "现印发", "现予印发", "印发你们", "予以印发" };
	size_t li, seen = 0, date = DP_NONE, org_first = DP_NONE, org_last = DP_NONE;

	for (li = c->body_start; li < c->nlines && seen < 6; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t k;

		if (l->cls != DP_CONTENT)
			continue;
		seen++;
		for (k = 0; k < sizeof(issue) / sizeof(issue[0]); k++)
			if (tz_dp_has(l->norm, 0, l->norm_len, issue[k]))
				break;
		if (k < sizeof(issue) / sizeof(issue[0]))
			break;
	}
	if (li >= c->nlines || seen >= 6)
		return;
	/* the notice's org lines and date line */
	for (li++, seen = 0; li < c->nlines && seen < 5; li++) {
		const struct dp_line *l = &c->lines[li];
		struct dp_date d;
		int g, a;

		if (l->cls != DP_CONTENT)
			continue;
		seen++;
		if (tz_dp_date_line(l, &d, &g, &a) && !a) {
			date = li;
			break;
		}
		if (!tz_dp_org_line(l))
			return;
		if (org_first == DP_NONE)
			org_first = li;
		org_last = li;
	}
	if (date == DP_NONE)
		return;
	/* the plan's title: the next content line past publishing notes */
	for (li = date + 1; li < c->nlines; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e;

		if (l->cls != DP_CONTENT || publish_note(l))
			continue;
		tz_dp_line_bounds(l, &b, &e);
		if (tz_dp_ncp(l->norm, b, e) > 60 || tz_dp_has(l->norm, b, e, "。") ||
		    tz_dp_heading_prefix(l->norm, l->norm_len) || !tz_dp_title_final(l->norm, b, e))
			return;
		c->plan_title_line = li;
		break;
	}
	if (c->plan_title_line == DP_NONE)
		return;
	c->sig_date_line = date;
	c->sig_date_off = 0;
	c->sig_org_first = org_first;
	c->sig_org_last = org_last;
	if (org_last != DP_NONE) {
		size_t b;

		tz_dp_line_bounds(&c->lines[org_last], &b, &c->sig_org_end);
	}
}

/*
 * 1 if line `at` is part of a row of a table of tasks: the last row of a
 * table whose deadline is a full date ("…\t市住建局\t2025年11月30日", or
 * the same one cell per line) reads like "ORG DATE", but it is a task,
 * not the signature. The tables are found as tasks.c finds them, from the
 * body's start to the end of the text.
 */
static int in_task_table(const struct dp_ctx *c, size_t at)
{
	struct dp_table t = { { 0 }, 0, 0, 0 };

	for (size_t li = c->body_start; li < c->nlines && li <= at; li++) {
		struct dp_row *rows;
		size_t nrows, next;

		if (c->lines[li].cls != DP_CONTENT)
			continue;
		next = tz_dp_task_table(c, li, c->nlines, &t, &rows, &nrows);
		free(rows);
		if (!nrows)
			continue;
		if (at < next)
			return 1;
		li = next - 1;
	}
	return 0;
}

void tz_dp_layout(struct dp_ctx *c)
{
	size_t li;

	c->body_start = c->nlines;
	for (li = 0; li < c->nlines; li++) {
		struct dp_row *rows;
		size_t nrows;
		struct dp_table t = { { 0 }, 0, 0, 0 };

		if (is_body(&c->lines[li])) {
			c->body_start = li;
			break;
		}
		/* a table of tasks right under the title */
		tz_dp_task_table(c, li, c->nlines, &t, &rows, &nrows);
		free(rows);
		if (nrows || t.ncols) { /* rows, or a header a section row follows */
			c->body_start = li;
			break;
		}
	}
	find_signature(c);
	if (c->sig_date_line != DP_NONE && in_task_table(c, c->sig_date_line)) {
		/* a signature is an issuer and a date after the body, never a
		 * table row: the document states none */
		c->sig_start = c->nlines;
		c->sig_date_line = DP_NONE;
		c->sig_org_first = c->sig_org_last = DP_NONE;
	}
	if (c->sig_start < c->body_start)
		c->sig_start = c->nlines; /* a short page: header date, no signature */
	c->plan_title_line = DP_NONE;
	find_notice(c);
}
