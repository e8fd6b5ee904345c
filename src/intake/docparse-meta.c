/*
 * docparse-meta.c: what a document says about itself.
 *
 * Layout first (tz_dp_layout): the header is the content before the body;
 * the body starts at the first salutation ("九三学社岳阳市委:"), numbered
 * heading or paragraph; the signature is found from the end: a date line
 * (well-formed or garbled, "2023930") with up to three org lines above it
 * (or "org date" on one line), past publishing notes ("(此件公开发布)")
 * and contact lines.
 *
 * Then (tz_dp_meta): catalogue fields from label lines (索引号, 发布机构,
 * 体裁分类, 主题分类, 文号, 发布时间, 成文日期; several per line, with or
 * without a colon); the title (the first header line with a title word,
 * a 文号 prefix "营政办发〔2022〕1号:" cut off, a title broken over two lines
 * joined); the document's own 文号 (a 文号 field, a header line holding
 * only one, or the title's prefix: never one cited in the body); the
 * issuer and date from the signature (else the title's "X关于" prefix);
 * the kind; and for replies the proposal (session, number, proposer,
 * title) and the reply (org, date, 承办负责人, 承办人, phone).
 */
#include <string.h>

#include "base/xalloc.h"
#include "intake/docparse-internal.h"
#include "base/banned.h"

static size_t ncp(const char *s, size_t b, size_t e)
{
	size_t n = 0;

	for (size_t i = b; i < e; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int ends_with(const char *s, size_t b, size_t e, const char *lit)
{
	size_t n = strlen(lit);

	return e - b >= n && !memcmp(s + e - n, lit, n);
}

static int contains(const char *s, size_t b, size_t e, const char *lit)
{
	return tz_dp_find(s, b, e, lit) != DP_NONE;
}

/* Trimmed bounds of a line's normalised text. */
static void line_bounds(const struct dp_line *l, size_t *b, size_t *e)
{
	*b = 0;
	*e = l->norm_len;
	tz_dp_trim(l->norm, b, e, NULL);
}

/* Length of a numbered-heading prefix at the start of s (一、 (一) 1. (1)). */
static size_t heading_prefix(const char *s, size_t len)
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
static int date_line(const struct dp_line *l, struct dp_date *d, int *garbled, int *amb)
{
	size_t b, e;

	line_bounds(l, &b, &e);
	return tz_dp_date_field(l->norm, b, e, d, garbled, amb);
}

/* "ORG    2023年7月5日" on one line: the offset where the date starts. */
static size_t trailing_date(const struct dp_line *l, struct dp_date *d)
{
	size_t b, e, i;

	line_bounds(l, &b, &e);
	if (ncp(l->norm, b, e) > 60)
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
static int org_line(const struct dp_line *l)
{
	size_t b, e;

	if (l->cls != DP_CONTENT)
		return 0;
	line_bounds(l, &b, &e);
	return e > b && ncp(l->norm, b, e) <= 40 && !contains(l->norm, b, e, "。") &&
	       !contains(l->norm, b, e, ",") && !heading_prefix(l->norm, l->norm_len) &&
	       tz_dp_is_org(l->norm, b, e);
}

static const char *contact_labels[] = {
	"承办负责人", "分管负责人", "分管领导", "签发人", "负责人", "承办人", "经办人",
	"联系人", "联系电话", "联系方式", "电话", "手机", "抄送", "抄报",
};

static int contact_line(const struct dp_line *l)
{
	size_t b, e;

	line_bounds(l, &b, &e);
	for (size_t k = 0; k < sizeof(contact_labels) / sizeof(contact_labels[0]); k++)
		if (tz_dp_at(l->norm, e, b, contact_labels[k]))
			return 1;
	return 0;
}

/* "(此件公开发布)", "（此件主动公开）", "此页无正文". */
static int publish_note(const struct dp_line *l)
{
	size_t b, e;

	line_bounds(l, &b, &e);
	if (ncp(l->norm, b, e) > 30)
		return 0;
	return contains(l->norm, b, e, "此件") || contains(l->norm, b, e, "公开发布") ||
	       contains(l->norm, b, e, "主动公开") || contains(l->norm, b, e, "无正文") ||
	       contains(l->norm, b, e, "依申请公开") || contains(l->norm, b, e, "不予公开");
}

static int is_salutation(const struct dp_line *l)
{
	size_t b, e;

	line_bounds(l, &b, &e);
	return e > b && l->norm[e - 1] == ':' && ncp(l->norm, b, e) <= 80;
}

static int is_body(const struct dp_line *l)
{
	size_t b, e;

	if (l->cls != DP_CONTENT)
		return 0;
	line_bounds(l, &b, &e);
	if (is_salutation(l) || heading_prefix(l->norm, l->norm_len))
		return 1;
	if (contains(l->norm, b, e, "。") && ncp(l->norm, b, e) > 20)
		return 1;
	return ncp(l->norm, b, e) > 100;
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
		if (contact_line(l) || publish_note(l)) {
			skipped++;
			continue;
		}
		if (date_line(l, &d, &g, &a)) {
			c->sig_date_line = i;
			c->sig_date_off = 0;
			c->sig_start = i;
			/* org lines above */
			j = i;
			while (j-- > 0) {
				const struct dp_line *o = &c->lines[j];

				if (o->cls == DP_BLANK)
					continue;
				if (!org_line(o) || i - j > 8)
					break;
				if (c->sig_org_last == DP_NONE) {
					size_t ob, oe;

					c->sig_org_last = j;
					line_bounds(o, &ob, &oe);
					c->sig_org_end = oe;
				}
				c->sig_org_first = j;
				c->sig_start = j;
				if (c->sig_org_last - j >= 2)
					break;
			}
			return;
		}
		off = trailing_date(l, &d);
		if (off) {
			size_t ob = 0, oe = off;

			tz_dp_trim(l->norm, &ob, &oe, NULL);
			if (oe > ob && tz_dp_is_org(l->norm, ob, oe) && ncp(l->norm, ob, oe) <= 40) {
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

void tz_dp_layout(struct dp_ctx *c)
{
	size_t li;

	c->body_start = c->nlines;
	for (li = 0; li < c->nlines; li++)
		if (is_body(&c->lines[li])) {
			c->body_start = li;
			break;
		}
	find_signature(c);
	if (c->sig_start < c->body_start)
		c->sig_start = c->nlines; /* a short page: header date, no signature */
}

/* ------------------------------------------------------------------ */
/* Catalogue labels                                                    */

enum meta_field {
	MF_NONE, MF_PUBLISH, MF_DATE, MF_INDEX, MF_PUBLISHER, MF_GENRE, MF_TOPIC, MF_DOCNO,
};

static const struct {
	const char *label;
	enum meta_field f;
} meta_labels[] = {
	{ "发布时间", MF_PUBLISH }, { "发布日期", MF_PUBLISH }, { "公开日期", MF_PUBLISH },
	{ "发文时间", MF_PUBLISH }, { "成文日期", MF_DATE }, { "发文日期", MF_DATE },
	{ "印发日期", MF_DATE }, { "索引号", MF_INDEX }, { "发布机构", MF_PUBLISHER },
	{ "发文机关", MF_PUBLISHER }, { "体裁分类", MF_GENRE }, { "主题分类", MF_TOPIC },
	{ "发文字号", MF_DOCNO }, { "文件编号", MF_DOCNO }, { "文号", MF_DOCNO },
	{ "来源", MF_NONE }, { "信息来源", MF_NONE }, { "作者", MF_NONE }, { "字体", MF_NONE },
	{ "字号", MF_NONE }, { "浏览次数", MF_NONE }, { "组配分类", MF_NONE },
	{ "服务对象分类", MF_NONE }, { "有效性", MF_NONE }, { "生效日期", MF_NONE },
	{ "公开方式", MF_NONE }, { "所属机构", MF_NONE }, { "更新时间", MF_NONE },
	{ "点击数", MF_NONE }, { "名称", MF_NONE }, { "信息名称", MF_NONE },
	{ "日期", MF_PUBLISH }, { "时间", MF_PUBLISH },
};

/* The label starting at s[i], or -1. Labels must not sit inside a word:
 * "发布机构" yes, the "文号" of "发文字号" no (longest match wins). */
static int label_at(const char *s, size_t len, size_t i)
{
	int best = -1;
	size_t bestn = 0;

	for (size_t k = 0; k < sizeof(meta_labels) / sizeof(meta_labels[0]); k++) {
		size_t n = strlen(meta_labels[k].label);

		if (n > bestn && tz_dp_at(s, len, i, meta_labels[k].label)) {
			size_t j = tz_dp_skip_sp(s, len, i + n);

			/* Short generic labels need a colon. */
			if ((meta_labels[k].f == MF_NONE || !strcmp(meta_labels[k].label, "日期") ||
			     !strcmp(meta_labels[k].label, "时间") || !strcmp(meta_labels[k].label, "文号")) &&
			    !(j < len && s[j] == ':') && strcmp(meta_labels[k].label, "文号"))
				continue;
			best = (int)k;
			bestn = n;
		}
	}
	return best;
}

static void set_meta(struct dp_ctx *c, enum meta_field f, size_t li, size_t b, size_t e)
{
	struct tz_doc *d = c->doc;
	const struct dp_line *l = &c->lines[li];
	struct dp_date dt;
	int g, a;

	tz_dp_trim(l->norm, &b, &e, NULL);
	if (b >= e)
		return;
	/* "文号：无", "索引号：—": a placeholder, not a value */
	{
		static const char *none[] = { "无", "空", "暂无", "-", "—", "/", "--", "——", "null" };

		for (size_t k = 0; k < sizeof(none) / sizeof(none[0]); k++)
			if (e - b == strlen(none[k]) && !memcmp(l->norm + b, none[k], e - b))
				return;
	}
	switch (f) {
	case MF_PUBLISH:
	case MF_DATE:
		if (!tz_dp_date_field(l->norm, b, e, &dt, &g, &a)) {
			/* "2023-11-09 10:30:00": take the date part */
			if (!tz_dp_date_at(l->norm, e, b, &dt))
				return;
		} else if (a) {
			return;
		}
		if (f == MF_PUBLISH && !d->publish_date)
			d->publish_date = tz_dp_date_str(c, &dt);
		if (f == MF_DATE && !d->date)
			d->date = tz_dp_date_str(c, &dt);
		break;
	case MF_INDEX:
		if (!d->catalogue.index_no)
			d->catalogue.index_no = tz_dp_dup(c, li, b, e, DP_DUP_NOSPACE);
		break;
	case MF_PUBLISHER:
		if (!d->catalogue.publisher)
			d->catalogue.publisher = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case MF_GENRE:
		if (!d->catalogue.genre)
			d->catalogue.genre = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case MF_TOPIC:
		if (!d->catalogue.topic)
			d->catalogue.topic = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
		break;
	case MF_DOCNO:
		if (!d->doc_number)
			d->doc_number = tz_dp_dup(c, li, b, e, DP_DUP_NOSPACE);
		break;
	case MF_NONE:
		break;
	}
}

/* Read every label: value pair of a catalogue line. */
static void meta_line(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;
	int cur = -1;
	size_t vb = 0;

	while (i < len) {
		int k = label_at(s, len, i);
		size_t n;

		/* A value ends at the next label or at a run of 2+ spaces. */
		if (k >= 0 || (cur >= 0 && i + 1 < len && s[i] == ' ' && s[i + 1] == ' ')) {
			if (cur >= 0)
				set_meta(c, meta_labels[cur].f, li, vb, i);
			cur = -1;
			if (k >= 0) {
				cur = k;
				i += strlen(meta_labels[k].label);
				i = tz_dp_skip_sp(s, len, i);
				if (i < len && s[i] == ':')
					i++;
				i = tz_dp_skip_sp(s, len, i);
				vb = i;
				continue;
			}
		}
		if (tz_dp_at(s, len, i, "【") || tz_dp_at(s, len, i, "[")) {
			if (cur >= 0)
				set_meta(c, meta_labels[cur].f, li, vb, i);
			cur = -1;
		}
		tz_dp_cp(s, len, i, &n);
		i += n;
	}
	if (cur >= 0)
		set_meta(c, meta_labels[cur].f, li, vb, len);
}

/* ------------------------------------------------------------------ */
/* 文号                                                                 */

static int open_bracket(const char *s, size_t len, size_t i, size_t *n, const char **close)
{
	static const char *pairs[][2] = { { "〔", "〕" }, { "[", "]" }, { "(", ")" },
					  { "【", "】" }, { "﹝", "﹞" }, { "〈", "〉" } };

	for (size_t k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++)
		if (tz_dp_at(s, len, i, pairs[k][0])) {
			*n = strlen(pairs[k][0]);
			*close = pairs[k][1];
			return 1;
		}
	return 0;
}

/*
 * A document number starting at s[b]: 1-12 Han characters, a bracketed
 * four-digit year, digits, 号. Returns its end or 0.
 */
static size_t docno_at(const char *s, size_t len, size_t b)
{
	size_t i = b, n, hans = 0;
	const char *close;
	int y = 0;

	while (i < len) {
		uint32_t cp = tz_dp_cp(s, len, i, &n);

		if (!tz_dp_is_han(cp))
			break;
		hans++;
		i += n;
	}
	if (!hans || hans > 12 || !open_bracket(s, len, i, &n, &close))
		return 0;
	i += n;
	for (int k = 0; k < 4; k++, i++) {
		if (i >= len || s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	if (y < 1949 || y > 2100 || !tz_dp_at(s, len, i, close))
		return 0;
	i += strlen(close);
	if (i >= len || s[i] < '0' || s[i] > '9')
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (!tz_dp_at(s, len, i, "号"))
		return 0;
	return i + 3;
}

/* ------------------------------------------------------------------ */
/* Text fields without the injected spam                                */

/*
 * Copy norm [b, e) of line li as written, leaving out spam spans; when
 * `guanyu` and a span starts the text, put back the 关于 it replaced.
 */
static const char *dup_clean(struct dp_ctx *c, size_t li, size_t b, size_t e, int guanyu)
{
	struct tz_buf out = TZ_BUF_INIT;
	size_t i = b, from = b;
	const char *res;

	if (!tz_dp_in_spam(c, li, b, e))
		return tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
	while (i < e) {
		size_t se = tz_dp_spam_at(c, li, i), n;

		if (se) {
			const char *piece = tz_dp_dup(c, li, from, i, DP_DUP_TRIM);

			if (piece)
				tz_buf_adds(&out, piece);
			if (guanyu && i == b && !tz_dp_at(c->lines[li].norm, e, se, "关于"))
				tz_buf_adds(&out, "关于");
			i = from = se;
			continue;
		}
		tz_dp_cp(c->lines[li].norm, e, i, &n);
		i += n;
	}
	{
		const char *piece = tz_dp_dup(c, li, from, e, DP_DUP_TRIM);

		if (piece)
			tz_buf_adds(&out, piece);
	}
	res = out.len ? tz_arena_strndup(c->arena, out.buf, out.len) : NULL;
	tz_buf_release(&out);
	return res;
}

/* ------------------------------------------------------------------ */
/* Title                                                                */

static const char *title_words[] = {
	"关于", "答复", "通知", "意见", "方案", "通报", "办法", "规划", "决定", "报告",
	"提案", "建议", "复函", "批复", "公告", "纲要", "要点", "计划", "情况", "简报",
	"规定", "细则", "措施", "清单", "的函", "月报", "快报", "周报", "年报",
	"分解表", "分工表", "任务表", "一览表", "台账",
};
static const char *title_finals[] = {
	"答复", "通知", "意见", "方案", "通报", "办法", "规划", "决定", "报告", "提案",
	"建议", "复函", "批复", "公告", "纲要", "要点", "计划", "情况", "简报", "规定",
	"细则", "措施", "清单", "函", "月报", "快报", "周报", "年报", "表", "台账",
};

static int has_title_word(const char *s, size_t b, size_t e)
{
	for (size_t k = 0; k < sizeof(title_words) / sizeof(title_words[0]); k++)
		if (contains(s, b, e, title_words[k]))
			return 1;
	return 0;
}

static int title_final(const char *s, size_t b, size_t e)
{
	size_t e2 = e;

	/* (第8期), (征求意见稿) after the title word */
	if (e2 > b && s[e2 - 1] == ')') {
		size_t o = tz_dp_rfind(s, b, e2, "(");

		if (o != DP_NONE && o > b)
			e2 = o;
	}
	for (size_t k = 0; k < sizeof(title_finals) / sizeof(title_finals[0]); k++)
		if (ends_with(s, b, e2, title_finals[k]))
			return 1;
	return 0;
}

static void find_title(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t li, pick = DP_NONE, tb = 0, te = 0;

	for (li = 0; li < c->body_start && li < c->nlines; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e, x;
		struct dp_date dt;
		int g, a;

		if (l->cls != DP_CONTENT)
			continue;
		line_bounds(l, &b, &e);
		if (date_line(l, &dt, &g, &a) || ncp(l->norm, b, e) > 120)
			continue;
		/* A 文号 alone, or heading the title: "营政办发〔2022〕1号:…". */
		x = docno_at(l->norm, e, b);
		if (x) {
			size_t r = tz_dp_skip_sp(l->norm, e, x);

			if (!d->doc_number)
				d->doc_number = tz_dp_dup(c, li, b, x, DP_DUP_NOSPACE);
			if (r < e && l->norm[r] == ':')
				r = tz_dp_skip_sp(l->norm, e, r + 1);
			if (r >= e)
				continue;
			b = r;
		}
		if (pick == DP_NONE && has_title_word(l->norm, b, e)) {
			pick = li;
			tb = b;
			te = e;
		}
	}
	if (pick == DP_NONE)
		return;
	c->title_line = pick;
	d->title = dup_clean(c, pick, tb, te, 0);
	/* A title broken over two lines. */
	if (!title_final(c->lines[pick].norm, tb, te)) {
		for (li = pick + 1; li < c->body_start && li < c->nlines; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t b, e;

			if (l->cls == DP_BLANK)
				continue;
			if (l->cls != DP_CONTENT)
				break;
			line_bounds(l, &b, &e);
			if (ncp(l->norm, b, e) <= 60 && title_final(l->norm, b, e) &&
			    !docno_at(l->norm, e, b)) {
				const char *rest = dup_clean(c, li, b, e, 0);
				struct tz_buf t = TZ_BUF_INIT;

				tz_buf_adds(&t, d->title ? d->title : "");
				tz_buf_adds(&t, rest ? rest : "");
				d->title = tz_arena_strndup(c->arena, t.buf, t.len);
				tz_buf_release(&t);
			}
			break;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Proposal and reply                                                   */

static int session_ok(const char *s, size_t b, size_t e)
{
	return (contains(s, b, e, "政协") || contains(s, b, e, "人大") ||
		contains(s, b, e, "人民代表大会") || contains(s, b, e, "委员会") ||
		contains(s, b, e, "代表大会")) &&
	       (contains(s, b, e, "届") || contains(s, b, e, "次"));
}

/* Find "…会议" naming a session in norm [b, e) of line li. */
static int find_session(struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	const char *s = c->lines[li].norm;
	size_t k = tz_dp_find(s, b, e, "会议"), from, st;
	static const char *starts[] = { "对", "关于", "在", "于", "就" };

	if (k == DP_NONE)
		return 0;
	from = k > b + 120 ? k - 120 : b;
	st = from;
	for (size_t m = 0; m < sizeof(starts) / sizeof(starts[0]); m++) {
		size_t p = tz_dp_rfind(s, from, k, starts[m]);

		if (p != DP_NONE && p + strlen(starts[m]) > st)
			st = p + strlen(starts[m]);
	}
	/* Do not start inside a title 《…》 or after a comma. */
	{
		size_t p = tz_dp_rfind(s, st, k, ",");

		if (p != DP_NONE)
			st = p + 1;
		p = tz_dp_rfind(s, st, k, "》");
		if (p != DP_NONE)
			st = p + 3;
	}
	if (!session_ok(s, st, k + 6))
		return 0;
	c->doc->proposal.session = tz_dp_dup(c, li, st, k + 6, DP_DUP_NOSPACE);
	return 1;
}

/* "第31号", "第 058 号": the digits as written. */
static int find_number(struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	const char *s = c->lines[li].norm;

	for (size_t i = b; i < e; i++) {
		size_t p, q;

		if (!tz_dp_at(s, e, i, "第"))
			continue;
		p = tz_dp_skip_sp(s, e, i + 3);
		q = p;
		while (q < e && s[q] >= '0' && s[q] <= '9')
			q++;
		if (q == p || q - p > 12)
			continue;
		if (!tz_dp_at(s, e, tz_dp_skip_sp(s, e, q), "号"))
			continue;
		c->doc->proposal.number = tz_dp_dup(c, li, p, q, DP_DUP_NORM);
		return 1;
	}
	return 0;
}

/* 《…》 in [b, e) that names a proposal: the content bounds. */
static int find_quoted_title(const char *s, size_t b, size_t e, size_t *tb, size_t *te)
{
	size_t i = b;

	while ((i = tz_dp_find(s, i, e, "《")) != DP_NONE) {
		size_t k = tz_dp_find(s, i + 3, e, "》");

		if (k == DP_NONE)
			return 0;
		if (k > i + 3) {
			*tb = i + 3;
			*te = k;
			return 1;
		}
		i = k;
	}
	return 0;
}

/* "您提出的《关于…的建议》已收悉", "你们提出的关于…的提案收悉". */
static int body_title(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, p = DP_NONE, e;
	static const char *intro[] = { "提出的", "提交的", "所提", "提出", "领衔提出的" };

	for (size_t k = 0; k < sizeof(intro) / sizeof(intro[0]) && p == DP_NONE; k++) {
		p = tz_dp_find(s, 0, len < 600 ? len : 600, intro[k]);
		if (p != DP_NONE)
			p += strlen(intro[k]);
	}
	if (p == DP_NONE)
		return 0;
	p = tz_dp_skip_sp(s, len, p);
	if (tz_dp_at(s, len, p, "《")) {
		size_t k = tz_dp_find(s, p + 3, len, "》");

		if (k == DP_NONE || k - p > 400)
			return 0;
		c->doc->proposal.title = dup_clean(c, li, p + 3, k, 1);
		return 1;
	}
	e = tz_dp_find(s, p, len < p + 400 ? len : p + 400, "收悉");
	if (e == DP_NONE)
		return 0;
	if (e >= p + 3 && tz_dp_at(s, len, e - 3, "已"))
		e -= 3;
	{
		size_t b2 = p, e2 = e;

		tz_dp_trim(s, &b2, &e2, ",");
		if (e2 <= b2 || ncp(s, b2, e2) < 4)
			return 0;
		c->doc->proposal.title = dup_clean(c, li, b2, e2, 1);
	}
	return 1;
}

static void proposer(struct dp_ctx *c)
{
	size_t from = c->title_line == DP_NONE ? 0 : c->title_line + 1;
	size_t li, end = c->body_start < c->nlines ? c->body_start + 1 : c->nlines;
	size_t best = DP_NONE, bb = 0, be = 0;

	for (li = from; li < end && li < from + 12; li++) {
		const struct dp_line *l = &c->lines[li];
		size_t b, e;
		struct dp_date d;
		int g, a;

		if (l->cls != DP_CONTENT)
			continue;
		line_bounds(l, &b, &e);
		if (contains(l->norm, b, e, "提出") || contains(l->norm, b, e, "收悉") ||
		    contains(l->norm, b, e, "答复") || date_line(l, &d, &g, &a) ||
		    docno_at(l->norm, e, b) || ncp(l->norm, b, e) > 40)
			continue;
		if (e > b && l->norm[e - 1] == ':')
			e--;
		if (tz_dp_at(l->norm, e, b, "尊敬的"))
			b += 9;
		tz_dp_trim(l->norm, &b, &e, NULL);
		if (e <= b || tz_dp_at(l->norm, e, b, "各") || contains(l->norm, b, e, ","))
			continue;
		best = li;
		bb = b;
		be = e;
	}
	if (best != DP_NONE) {
		c->doc->proposal.proposer = tz_dp_dup(c, best, bb, be, DP_DUP_TRIM);
		return;
	}
	/* "李英姿委员:您提出的…" on the first body line */
	if (c->body_start < c->nlines) {
		const struct dp_line *l = &c->lines[c->body_start];
		size_t k = tz_dp_find(l->norm, 0, l->norm_len < 90 ? l->norm_len : 90, ":");

		if (k != DP_NONE && k > 0 && ncp(l->norm, 0, k) <= 25 &&
		    (ends_with(l->norm, 0, k, "委员") || ends_with(l->norm, 0, k, "代表") ||
		     tz_dp_is_org(l->norm, 0, k))) {
			size_t b = 0, e = k;

			tz_dp_trim(l->norm, &b, &e, NULL);
			if (tz_dp_at(l->norm, e, b, "尊敬的"))
				b += 9;
			c->doc->proposal.proposer = tz_dp_dup(c, c->body_start, b, e, DP_DUP_TRIM);
		}
	}
}

/* Split a contact value "吴 浩 13922366072" into name and phone. */
static void name_phone(struct dp_ctx *c, size_t li, size_t b, size_t e, const char **name,
		       const char **phone)
{
	const char *s = c->lines[li].norm;
	size_t i, pb = DP_NONE, pe = 0;

	/* the phone: the first run of digits, '-', '(', ')' with 7+ digits */
	for (i = b; i < e; i++) {
		size_t j = i, nd = 0;

		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != '(')
			continue;
		while (j < e && ((s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '(' ||
				 s[j] == ')' || (s[j] == ' ' && j + 1 < e && s[j + 1] >= '0' &&
						 s[j + 1] <= '9' && nd)))
			nd += (s[j] >= '0' && s[j] <= '9'), j++;
		if (nd >= 7) {
			pb = i;
			pe = j;
			break;
		}
		i = j;
	}
	if (pb != DP_NONE) {
		if (phone && !*phone)
			*phone = tz_dp_dup(c, li, pb, pe, DP_DUP_NOSPACE | DP_DUP_NORM);
		if (name) {
			size_t nb = b, ne = pb;

			tz_dp_trim(s, &nb, &ne, ",;、");
			if (ne > nb && !*name)
				*name = tz_dp_dup(c, li, nb, ne, DP_DUP_NOSPACE);
			nb = pe;
			ne = e;
			tz_dp_trim(s, &nb, &ne, ",;、");
			if (ne > nb && !*name)
				*name = tz_dp_dup(c, li, nb, ne, DP_DUP_NOSPACE);
		}
	} else if (name && !*name) {
		size_t nb = b, ne = e;

		tz_dp_trim(s, &nb, &ne, ",;、。");
		if (ne > nb && ncp(s, nb, ne) <= 12)
			*name = tz_dp_dup(c, li, nb, ne, DP_DUP_NOSPACE);
	}
}

enum contact_role { CR_OFFICIAL, CR_HANDLER, CR_PHONE, CR_OTHER };

static const struct {
	const char *label;
	enum contact_role role;
} roles[] = {
	{ "承办负责人", CR_OFFICIAL }, { "分管负责人", CR_OFFICIAL },
	{ "分管领导", CR_OFFICIAL }, { "签发人", CR_OFFICIAL }, { "负责人", CR_OFFICIAL },
	{ "承办人", CR_HANDLER }, { "经办人", CR_HANDLER }, { "联系人", CR_HANDLER },
	{ "联系电话", CR_PHONE }, { "联系方式", CR_PHONE }, { "电话", CR_PHONE },
	{ "手机", CR_PHONE }, { "抄送", CR_OTHER }, { "抄报", CR_OTHER },
};

static int role_at(const char *s, size_t len, size_t i, size_t *n)
{
	for (size_t k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
		if (tz_dp_at(s, len, i, roles[k].label)) {
			*n = strlen(roles[k].label);
			return (int)k;
		}
	return -1;
}

static void contact_values(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, i = 0;
	struct tz_doc *d = c->doc;

	while (i < len) {
		size_t n, vb, ve, m;
		int k = role_at(s, len, i, &n), k2;

		if (k < 0) {
			tz_dp_cp(s, len, i, &n);
			i += n;
			continue;
		}
		vb = i + n;
		/* "承办人及联系电话", "联系人和电话" */
		if (tz_dp_at(s, len, vb, "及") || tz_dp_at(s, len, vb, "和") ||
		    tz_dp_at(s, len, vb, "/")) {
			size_t t = vb + (s[vb] == '/' ? 1 : 3);

			k2 = role_at(s, len, t, &m);
			if (k2 >= 0 && roles[k2].role == CR_PHONE)
				vb = t + m;
		}
		vb = tz_dp_skip_sp(s, len, vb);
		if (vb < len && s[vb] == ':')
			vb++;
		/* the value runs to the next label */
		ve = vb;
		while (ve < len && role_at(s, len, ve, &m) < 0) {
			tz_dp_cp(s, len, ve, &m);
			ve += m;
		}
		switch (roles[k].role) {
		case CR_OFFICIAL:
			name_phone(c, li, vb, ve, &d->reply.official, &d->reply.phone);
			break;
		case CR_HANDLER:
			name_phone(c, li, vb, ve, &d->reply.handler, &d->reply.phone);
			break;
		case CR_PHONE:
			name_phone(c, li, vb, ve, NULL, &d->reply.phone);
			break;
		case CR_OTHER:
			break;
		}
		i = ve;
	}
}

static void reply_fields(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t li, tb, te;

	/* session, number, title from the title line */
	if (c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];
		size_t b, e;

		line_bounds(l, &b, &e);
		find_session(c, c->title_line, b, e);
		find_number(c, c->title_line, b, e);
		if (find_quoted_title(l->norm, b, e, &tb, &te))
			d->proposal.title = dup_clean(c, c->title_line, tb, te, 1);
	}
	for (li = c->body_start; li < c->nlines && li < c->body_start + 4; li++) {
		const struct dp_line *l = &c->lines[li];

		if (l->cls != DP_CONTENT)
			continue;
		if (!d->proposal.session)
			find_session(c, li, 0, l->norm_len < 600 ? l->norm_len : 600);
		if (!d->proposal.title)
			body_title(c, li);
		if (!d->proposal.number && (contains(l->norm, 0, l->norm_len, "提案") ||
					    contains(l->norm, 0, l->norm_len, "建议")))
			find_number(c, li, 0, l->norm_len < 600 ? l->norm_len : 600);
	}
	proposer(c);
	/* contacts near the end */
	for (li = c->nlines > 20 ? c->nlines - 20 : 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT && contact_line(&c->lines[li]))
			contact_values(c, li);
	d->reply.org = d->issuer;
	d->reply.date = d->date;
}

/* ------------------------------------------------------------------ */
/* Kind                                                                 */

static int reply_signals(const struct dp_ctx *c)
{
	size_t li, seen = 0;

	if (c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];

		if ((contains(l->norm, 0, l->norm_len, "答复") ||
		     contains(l->norm, 0, l->norm_len, "复函") ||
		     contains(l->norm, 0, l->norm_len, "回复")) &&
		    (contains(l->norm, 0, l->norm_len, "提案") ||
		     contains(l->norm, 0, l->norm_len, "建议") ||
		     contains(l->norm, 0, l->norm_len, "议案")))
			return 1;
	}
	for (li = c->body_start; li < c->nlines && seen < 4; li++) {
		const struct dp_line *l = &c->lines[li];

		if (l->cls != DP_CONTENT)
			continue;
		seen++;
		if ((contains(l->norm, 0, l->norm_len, "收悉") ||
		     contains(l->norm, 0, l->norm_len, "答复如下")) &&
		    (contains(l->norm, 0, l->norm_len, "提案") ||
		     contains(l->norm, 0, l->norm_len, "建议") ||
		     contains(l->norm, 0, l->norm_len, "议案")))
			return 1;
	}
	return 0;
}

static int title_has(const struct dp_ctx *c, const char **words, size_t n)
{
	const struct dp_line *l;

	if (c->title_line == DP_NONE)
		return 0;
	l = &c->lines[c->title_line];
	for (size_t k = 0; k < n; k++)
		if (contains(l->norm, 0, l->norm_len, words[k]))
			return 1;
	return 0;
}

static enum tz_doc_kind classify_kind(struct dp_ctx *c)
{
	static const char *bulletin_words[] = { "通报", "简报", "快报", "进展情况", "月报",
						"运行情况", "进度情况" };
	static const char *plan_words[] = { "方案", "意见", "计划", "要点", "分工", "措施",
					    "清单", "规划" };

	if (reply_signals(c))
		return TZ_DOC_PROPOSAL_REPLY;
	if (title_has(c, bulletin_words, sizeof(bulletin_words) / sizeof(bulletin_words[0])) &&
	    c->ntasks_with_units < 3)
		return TZ_DOC_BULLETIN;
	if (c->ntasks_with_units >= 1)
		return TZ_DOC_WORK_PLAN;
	if (tz_dp_figure_signals(c) >= 4)
		return TZ_DOC_BULLETIN;
	if (title_has(c, plan_words, sizeof(plan_words) / sizeof(plan_words[0])) &&
	    c->doc->ntasks > 0)
		return TZ_DOC_WORK_PLAN;
	return TZ_DOC_OTHER;
}

/* ------------------------------------------------------------------ */

static void issuer_and_date(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	struct dp_date dt;
	int g, a;

	if (c->sig_date_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->sig_date_line];
		size_t b, e;

		line_bounds(l, &b, &e);
		if (c->sig_date_off)
			b = c->sig_date_off;
		if (tz_dp_date_field(l->norm, b, e, &dt, &g, &a) && !a) {
			const char *ds = tz_dp_date_str(c, &dt);

			if (!d->date)
				d->date = ds;
		}
	}
	if (c->sig_org_first != DP_NONE) {
		struct tz_buf t = TZ_BUF_INIT;

		for (size_t li = c->sig_org_first; li <= c->sig_org_last; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t b, e;
			const char *org;

			if (l->cls != DP_CONTENT)
				continue;
			line_bounds(l, &b, &e);
			if (li == c->sig_org_last)
				e = c->sig_org_end;
			org = tz_dp_dup(c, li, b, e, DP_DUP_TRIM);
			if (!org)
				continue;
			if (t.len)
				tz_buf_adds(&t, "、");
			tz_buf_adds(&t, org);
		}
		if (t.len)
			d->issuer = tz_arena_strndup(c->arena, t.buf, t.len);
		tz_buf_release(&t);
	}
	/* Header: "XX市发展和改革委员会  2023年9月10日" under the title, or the
	 * org and the date on two lines. */
	if (!d->issuer || !d->date) {
		for (size_t li = 0; li < c->body_start && li < c->nlines; li++) {
			const struct dp_line *l = &c->lines[li];
			size_t off, ob = 0, oe;

			if (l->cls != DP_CONTENT || li == c->title_line)
				continue;
			if (org_line(l)) {
				size_t nx = li + 1;

				while (nx < c->nlines && c->lines[nx].cls == DP_BLANK)
					nx++;
				if (nx < c->nlines && c->lines[nx].cls == DP_CONTENT &&
				    date_line(&c->lines[nx], &dt, &g, &a) && !a) {
					line_bounds(l, &ob, &oe);
					if (!d->issuer)
						d->issuer = tz_dp_dup(c, li, ob, oe, DP_DUP_TRIM);
					if (!d->date)
						d->date = tz_dp_date_str(c, &dt);
					break;
				}
			}
			off = trailing_date(l, &dt);
			if (!off)
				continue;
			oe = off;
			tz_dp_trim(l->norm, &ob, &oe, NULL);
			if (oe > ob && tz_dp_is_org(l->norm, ob, oe)) {
				if (!d->issuer)
					d->issuer = tz_dp_dup(c, li, ob, oe, DP_DUP_TRIM);
				if (!d->date)
					d->date = tz_dp_date_str(c, &dt);
				break;
			}
		}
	}
	/* The title's "营口市人民政府办公室关于…" */
	if (!d->issuer && c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];
		size_t b, e, k;

		line_bounds(l, &b, &e);
		if (docno_at(l->norm, e, b)) {
			b = docno_at(l->norm, e, b);
			b = tz_dp_skip_sp(l->norm, e, b);
			if (b < e && l->norm[b] == ':')
				b++;
		}
		k = tz_dp_find(l->norm, b, e, "关于");
		if (k != DP_NONE && k > b && tz_dp_is_org(l->norm, b, k) && ncp(l->norm, b, k) <= 40)
			d->issuer = tz_dp_dup(c, c->title_line, b, k, DP_DUP_TRIM);
	}
}

void tz_dp_meta(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t li;

	for (li = 0; li < c->nlines; li++)
		if (c->lines[li].cls == DP_META)
			meta_line(c, li);
	find_title(c);
	d->kind = classify_kind(c);
	issuer_and_date(c);
	if (d->kind == TZ_DOC_PROPOSAL_REPLY)
		reply_fields(c);
}
