/*
 * catalogue.c: the catalogue fields of a 政务公开 page (索引号, 发布机构,
 * 主题分类, 文号, 发布日期, …).
 *
 * Sites write the same labels many ways: with spaces or &nbsp; between
 * their characters to line them up ("索 引 号:", "标  题:"), several pairs
 * on one line ("索引号:… 分类:…", a publisher with "责任部门:…" glued on),
 * the value in brackets ("发布日期(2020-07-11)") or on the line after the
 * label (a <dt>/<dd> list, a two-row table). One table of labels serves
 * the line classifier (noise.c: a line that starts with a label is a
 * catalogue line, never content) and the reader below, which runs right
 * after classification so that a value on its own line is marked too.
 */
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

enum cat_field {
	CF_NONE, CF_PUBLISH, CF_DATE, CF_INDEX, CF_PUBLISHER, CF_GENRE, CF_TOPIC,
	CF_DOCNO, CF_TITLE,
};

/* Flags: CL_COLON the label needs a colon (or a bracket) after it; CL_INNER
 * it is a label only after another one on the same line (责任部门 is also
 * a task's unit label at the start of a line). */
enum { CL_COLON = 1, CL_INNER = 2 };

static const struct cat_label {
	const char *label;
	enum cat_field f;
	int flags;
} labels[] = {
	{ "发布时间", CF_PUBLISH, 0 }, { "发布日期", CF_PUBLISH, 0 },
	{ "公开日期", CF_PUBLISH, 0 }, { "公开时间", CF_PUBLISH, 0 },
	{ "发文时间", CF_PUBLISH, 0 }, { "日期", CF_PUBLISH, CL_COLON },
	{ "时间", CF_PUBLISH, CL_COLON }, { "成文日期", CF_DATE, 0 },
	{ "成文时间", CF_DATE, 0 }, { "发文日期", CF_DATE, 0 }, { "印发日期", CF_DATE, 0 },
	{ "生成日期", CF_DATE, 0 }, { "签发日期", CF_DATE, 0 }, { "公布日期", CF_PUBLISH, 0 },
	{ "信息分类", CF_TOPIC, CL_COLON }, { "内容分类", CF_TOPIC, CL_COLON },
	{ "文种", CF_GENRE, CL_COLON }, { "实施日期", CF_NONE, CL_COLON },
	{ "效力状态", CF_NONE, CL_COLON }, { "统一编号", CF_NONE, CL_COLON },
	{ "登记号", CF_NONE, CL_COLON }, { "所属部门", CF_NONE, CL_COLON },
	{ "录入时间", CF_NONE, CL_COLON }, { "发布者", CF_NONE, CL_COLON },
	{ "索引号", CF_INDEX, 0 }, { "索取号", CF_INDEX, 0 }, { "信息索取号", CF_INDEX, 0 },
	{ "发布机构", CF_PUBLISHER, 0 }, { "发文机关", CF_PUBLISHER, 0 },
	{ "发布单位", CF_PUBLISHER, CL_COLON }, { "发文单位", CF_PUBLISHER, CL_COLON },
	{ "体裁分类", CF_GENRE, 0 }, { "主题分类", CF_TOPIC, 0 },
	{ "分类", CF_TOPIC, CL_COLON }, { "所属主题", CF_TOPIC, CL_COLON },
	{ "发文字号", CF_DOCNO, 0 }, { "文件编号", CF_DOCNO, 0 }, { "文号", CF_DOCNO, 0 },
	{ "标题", CF_TITLE, CL_COLON }, { "名称", CF_TITLE, CL_COLON },
	{ "信息名称", CF_TITLE, CL_COLON }, { "文件名称", CF_TITLE, CL_COLON },
	{ "来源", CF_NONE, CL_COLON }, { "信息来源", CF_NONE, CL_COLON },
	{ "来源于", CF_NONE, CL_COLON }, { "作者", CF_NONE, CL_COLON },
	{ "字体", CF_NONE, CL_COLON }, { "字号", CF_NONE, CL_COLON },
	{ "浏览次数", CF_NONE, CL_COLON }, { "点击数", CF_NONE, CL_COLON },
	{ "组配分类", CF_NONE, CL_COLON }, { "服务对象分类", CF_NONE, CL_COLON },
	{ "有效性", CF_NONE, CL_COLON }, { "时效性", CF_NONE, CL_COLON },
	{ "时效", CF_NONE, CL_COLON }, { "生效日期", CF_NONE, CL_COLON },
	{ "废止日期", CF_NONE, CL_COLON }, { "失效日期", CF_NONE, CL_COLON },
	{ "公开方式", CF_NONE, CL_COLON }, { "公开范围", CF_NONE, CL_COLON },
	{ "公开时限", CF_NONE, CL_COLON }, { "公开形式", CF_NONE, CL_COLON },
	{ "所属机构", CF_NONE, CL_COLON }, { "更新时间", CF_NONE, CL_COLON },
	{ "归档时间", CF_NONE, CL_COLON }, { "归档日期", CF_NONE, CL_COLON },
	{ "发布人", CF_NONE, CL_COLON }, { "主题词", CF_NONE, CL_COLON },
	{ "关键词", CF_NONE, CL_COLON }, { "文件状态", CF_NONE, CL_COLON },
	{ "责任部门", CF_NONE, CL_COLON | CL_INNER }, { "责任科室", CF_NONE, CL_COLON | CL_INNER },
};

#define NLABELS (sizeof(labels) / sizeof(labels[0]))

size_t tz_dp_label_at(const char *s, size_t len, size_t i, const char *label)
{
	size_t p = i, k = 0, ln = strlen(label);

	while (k < ln) {
		size_t n;

		tz_dp_cp(label, ln, k, &n);
		if (k) /* spaces between the characters, never before the first */
			p = tz_dp_skip_sp(s, len, p);
		if (len - p < n || memcmp(s + p, label + k, n))
			return 0;
		p += n;
		k += n;
	}
	return p - i;
}

/* Where the value of a label that ends at p starts: past spaces and a
 * colon; *open is set when the value is bracketed ("发布日期(2020-07-11)").
 * Returns 0 when a CL_COLON label has neither colon nor bracket. */
static size_t value_start(const char *s, size_t len, size_t p, int flags, const char **close)
{
	static const char *pairs[][2] = { { "(", ")" }, { "【", "】" }, { "[", "]" } };
	size_t q = tz_dp_skip_sp(s, len, p);

	*close = NULL;
	/* a label in a table cell of its own: "标题<TAB>关于…" */
	if (q > p && memchr(s + p, '\t', q - p) && q < len && s[q] != ':')
		return q;
	if (q < len && (s[q] == ':' || s[q] == ']'))
		return tz_dp_skip_sp(s, len, q + 1);
	if (tz_dp_at(s, len, q, "】")) /* "【归档时间】2021-05-10" */
		return tz_dp_skip_sp(s, len, q + 3);
	for (size_t k = 0; k < 3; k++)
		if (tz_dp_at(s, len, q, pairs[k][0])) {
			*close = pairs[k][1];
			return q + strlen(pairs[k][0]);
		}
	if (flags & CL_COLON)
		return 0;
	return q;
}

/*
 * The longest label at s[i] (line start when !inner): its index, the
 * offset where its value starts in *vb and the closing bracket in *close;
 * -1 if none.
 */
static int label_at(const char *s, size_t len, size_t i, int inner, size_t *vb,
		    const char **close)
{
	int best = -1;
	size_t bestn = 0;

	if (i >= len || (unsigned char)s[i] < 0x80)
		return -1;
	for (size_t k = 0; k < NLABELS; k++) {
		size_t n = tz_dp_label_at(s, len, i, labels[k].label), v;
		const char *cl;

		if (!n || n <= bestn || ((labels[k].flags & CL_INNER) && !inner))
			continue;
		v = value_start(s, len, i + n, labels[k].flags, &cl);
		/* a label alone at the end of the line needs no colon */
		if (!v && tz_dp_skip_sp(s, len, i + n) != len)
			continue;
		best = (int)k;
		bestn = n;
		*vb = v ? v : len;
		*close = cl;
	}
	return best;
}

/* Where a line's first label may start: past spaces and an opening 【 or [. */
static size_t line_start(const char *s, size_t len)
{
	size_t i = tz_dp_skip_sp(s, len, 0);

	if (tz_dp_at(s, len, i, "【"))
		i += 3;
	else if (i < len && s[i] == '[')
		i++;
	return tz_dp_skip_sp(s, len, i);
}

int tz_dp_catalogue_line(const char *s, size_t len)
{
	size_t vb;
	const char *close;

	return label_at(s, len, line_start(s, len), 0, &vb, &close) >= 0;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

static int placeholder(const char *s, size_t b, size_t e)
{
	static const char *none[] = { "无", "空", "暂无", "-", "—", "/", "--", "——", "null" };

	for (size_t k = 0; k < sizeof(none) / sizeof(none[0]); k++)
		if (e - b == strlen(none[k]) && !memcmp(s + b, none[k], e - b))
			return 1;
	return 0;
}

/* Does [b, e) of line li look like a value of field f (for a value on the
 * line after its label)? */
static int value_fits(struct dp_ctx *c, enum cat_field f, size_t li, size_t b, size_t e)
{
	const char *s = c->lines[li].norm;
	struct dp_date d;
	int g, a;
	size_t ncp = tz_dp_ncp(s, b, e);

	if (tz_dp_catalogue_line(s, c->lines[li].norm_len) || tz_dp_heading_prefix(s, e))
		return 0;
	switch (f) {
	case CF_PUBLISH:
	case CF_DATE:
		return tz_dp_date_field(s, b, e, &d, &g, &a) || tz_dp_date_at(s, e, b, &d);
	case CF_DOCNO:
		return tz_dp_docno_at(s, e, b) != 0;
	case CF_INDEX:
		for (size_t k = b; k < e; k++)
			if ((unsigned char)s[k] >= 0x80)
				return 0;
		return e - b >= 4;
	case CF_PUBLISHER:
		return ncp <= 30 && tz_dp_is_org(s, b, e);
	case CF_TITLE:
		return ncp <= 120 && !tz_dp_has(s, b, e, "。");
	case CF_GENRE:
	case CF_TOPIC:
	case CF_NONE:
		return ncp <= 16 && !tz_dp_has(s, b, e, "。") && !tz_dp_has(s, b, e, ",") &&
		       !tz_dp_date_at(s, e, b, &d);
	}
	return 0;
}

static void set_value(struct dp_ctx *c, enum cat_field f, size_t li, size_t b, size_t e)
{
	struct tz_doc *d = c->doc;
	const struct dp_line *l = &c->lines[li];
	struct dp_date dt;
	int g, a;

	tz_dp_trim(l->norm, &b, &e, NULL);
	if (b >= e || placeholder(l->norm, b, e))
		return;
	switch (f) {
	case CF_PUBLISH:
	case CF_DATE:
		if (!tz_dp_date_field(l->norm, b, e, &dt, &g, &a)) {
			/* "2023-11-09 10:30:00": take the date part */
			if (!tz_dp_date_at(l->norm, e, b, &dt))
				return;
		} else if (a) {
			return;
		}
		if (f == CF_PUBLISH && !d->publish_date)
			d->publish_date = tz_dp_date_str(c, &dt);
		if (f == CF_DATE && !d->date)
			d->date = tz_dp_date_str(c, &dt);
		break;
	case CF_INDEX:
		if (!d->catalogue.index_no)
			d->catalogue.index_no = tz_dp_dup(c, li, b, e, DP_DUP_NOSPACE);
		break;
	case CF_PUBLISHER:
		if (!d->catalogue.publisher)
			d->catalogue.publisher = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case CF_GENRE:
		if (!d->catalogue.genre)
			d->catalogue.genre = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case CF_TOPIC:
		if (!d->catalogue.topic)
			d->catalogue.topic = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case CF_DOCNO:
		if (!d->doc_number && tz_dp_docno_at(l->norm, e, b))
			d->doc_number = tz_dp_dup(c, li, b, tz_dp_docno_at(l->norm, e, b),
						  DP_DUP_NOSPACE);
		break;
	case CF_TITLE:
		if (c->cat_title_line == DP_NONE) {
			c->cat_title_line = li;
			c->cat_title_b = b;
			c->cat_title_e = e;
		}
		break;
	case CF_NONE:
		break;
	}
}

/* The first non-blank line after li, or DP_NONE. */
static size_t next_nonblank(const struct dp_ctx *c, size_t li)
{
	for (size_t k = li + 1; k < c->nlines && k < li + 3; k++)
		if (c->lines[k].cls != DP_BLANK)
			return k;
	return DP_NONE;
}

/*
 * Read every label: value pair of catalogue line li. A value ends at the
 * next label, a tab (a table cell), a run of two spaces or an opening 【;
 * a bracketed value at its closing bracket. Returns the field of the last
 * label when it has no value on the line (its value may be on the next
 * line), or -1.
 */
static int read_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm, *close = NULL;
	size_t len = l->norm_len, i = line_start(s, len), vb = 0;
	int cur = -1, seen = 0;

	while (i < len) {
		size_t v, n;
		const char *cl;
		int k = label_at(s, len, i, seen, &v, &cl);

		if (k >= 0 && !close) {
			if (cur >= 0)
				set_value(c, labels[cur].f, li, vb, i);
			cur = k;
			seen = 1;
			vb = v;
			close = cl;
			i = vb;
			continue;
		}
		if (cur >= 0 && close && tz_dp_at(s, len, i, close)) {
			set_value(c, labels[cur].f, li, vb, i);
			i += strlen(close);
			cur = -1;
			close = NULL;
			continue;
		}
		if (cur >= 0 && !close &&
		    ((i + 1 < len && s[i] == ' ' && s[i + 1] == ' ') || s[i] == '\t' ||
		     tz_dp_at(s, len, i, "【"))) {
			size_t b = vb, e = i;

			tz_dp_trim(s, &b, &e, NULL);
			if (e > b) { /* "标  题:" keeps its value after the spaces */
				set_value(c, labels[cur].f, li, vb, i);
				cur = -1;
			}
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
	if (cur >= 0) {
		size_t b = vb, e = len;

		tz_dp_trim(s, &b, &e, NULL);
		if (e > b) {
			set_value(c, labels[cur].f, li, vb, len);
			return -1;
		}
		return (int)labels[cur].f;
	}
	return -1;
}

/* The cells of line li (split at tabs, trimmed): up to max into b/e;
 * returns how many. */
static size_t cells(const struct dp_line *l, size_t *b, size_t *e, size_t max)
{
	size_t n = 0, p = 0, len = l->norm_len;

	while (p <= len && n < max) {
		const char *t = memchr(l->norm + p, '\t', len - p);
		size_t q = t ? (size_t)(t - l->norm) : len;

		b[n] = p;
		e[n] = q;
		tz_dp_trim(l->norm, &b[n], &e[n], NULL);
		n++;
		p = q + 1;
		if (!t)
			break;
	}
	return n;
}

/*
 * A catalogue laid out in columns: a row of labels alone ("索引号<TAB>发文机关
 * <TAB>发文字号<TAB>成文日期<TAB>发布日期") and below it the row of their
 * values, cell for cell. Returns 1 if line li was such a header and its
 * values were read.
 */
static int column_header(struct dp_ctx *c, size_t li)
{
	enum { MAXC = 12 };
	const struct dp_line *l = &c->lines[li];
	size_t hb[MAXC], he[MAXC], vb[MAXC], ve[MAXC], n, nv, nx;
	int f[MAXC];

	n = cells(l, hb, he, MAXC);
	if (n < 2 || n == MAXC)
		return 0;
	for (size_t k = 0; k < n; k++) {
		size_t v, ln = 0;
		const char *cl;
		int best = -1;

		/* the whole cell one label, a colon after it at most */
		if (label_at(l->norm, he[k], hb[k], 1, &v, &cl) < 0)
			return 0;
		for (size_t j = 0; j < NLABELS; j++) {
			size_t m = tz_dp_label_at(l->norm, he[k], hb[k], labels[j].label);

			if (m > ln) {
				ln = m;
				best = (int)j;
			}
		}
		if (best < 0 || tz_dp_skip_sp(l->norm, he[k], hb[k] + ln) < he[k] - (l->norm[he[k] - 1] == ':'))
			return 0;
		f[k] = (int)labels[best].f;
	}
	if ((nx = next_nonblank(c, li)) == DP_NONE)
		return 0;
	nv = cells(&c->lines[nx], vb, ve, MAXC);
	if (nv != n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (ve[k] > vb[k] && value_fits(c, (enum cat_field)f[k], nx, vb[k], ve[k]))
			set_value(c, (enum cat_field)f[k], nx, vb[k], ve[k]);
	c->lines[li].cls = DP_META;
	c->lines[nx].cls = DP_META;
	return 1;
}

void tz_dp_catalogue(struct dp_ctx *c)
{
	for (size_t li = 0; li < c->nlines; li++) {
		int f;
		size_t nx;

		if (c->lines[li].cls != DP_META)
			continue;
		if (memchr(c->lines[li].norm, '\t', c->lines[li].norm_len) && column_header(c, li))
			continue;
		f = read_line(c, li);
		if (f < 0 || (nx = next_nonblank(c, li)) == DP_NONE)
			continue;
		/* "分类:" then "建议提案", which alone reads like a site's
		 * section name (noise) */
		if (c->lines[nx].cls != DP_CONTENT &&
		    !(c->lines[nx].cls == DP_NOISE &&
		      tz_dp_section_name(c->lines[nx].norm, c->lines[nx].norm_len)))
			continue;
		{
			size_t b, e;

			tz_dp_line_bounds(&c->lines[nx], &b, &e);
			if (e > b && value_fits(c, (enum cat_field)f, nx, b, e)) {
				set_value(c, (enum cat_field)f, nx, b, e);
				c->lines[nx].cls = DP_META;
			}
		}
	}
}
