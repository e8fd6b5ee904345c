/*
 * reply.c: the proposal a reply answers and the reply's contacts.
 *
 * The session is the "…会议" of the title (or of the first body lines:
 * "您在…会议上提出的"), starting after 对/关于/在 and naming 政协/人大/
 * 委员会 and 届/次; the number is the digits of "第 N 号" as written; the
 * proposer is the short line between the title and the body (李英姿委员,
 * 九三学社岳阳市委:) or the "X委员:" that opens the body; the title is the
 * 《…》 of the title line, else what follows 提出的 up to 收悉. Contacts
 * (承办负责人, 承办人, 联系人, 联系电话, "承办人及联系电话:吴 浩 139…") are
 * read from the last lines. The reply's org and date are the signature's.
 */
#include <string.h>

#include "doc/doc-internal.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Proposal and reply                                                   */

static int session_ok(const char *s, size_t b, size_t e)
{
	return (tz_dp_has(s, b, e, "政协") || tz_dp_has(s, b, e, "人大") ||
		tz_dp_has(s, b, e, "人民代表大会") || tz_dp_has(s, b, e, "委员会") ||
		tz_dp_has(s, b, e, "代表大会")) &&
	       (tz_dp_has(s, b, e, "届") || tz_dp_has(s, b, e, "次"));
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

/*
 * A proposal title quoted in [b, e): the content of the first 《…》, or of
 * a “…” right before (的)提案/建议/议案 ("“关于加快…”的提案": quotes around
 * other words, “十四五”, are not a title). Returns 1 and its bounds.
 */
static int find_quoted_title(const char *s, size_t b, size_t e, size_t *tb, size_t *te)
{
	size_t i = tz_dp_find(s, b, e, "《");

	if (i != DP_NONE) {
		size_t k = tz_dp_find(s, i + 3, e, "》");

		if (k != DP_NONE && k > i + 3) {
			*tb = i + 3;
			*te = k;
			return 1;
		}
	}
	for (i = b; (i = tz_dp_find(s, i, e, "“")) != DP_NONE;) {
		size_t k = tz_dp_find(s, i + 3, e, "”"), p;

		if (k == DP_NONE)
			return 0;
		p = k + 3;
		if (tz_dp_at(s, e, p, "的"))
			p += 3;
		if (k > i + 3 && (tz_dp_at(s, e, p, "提案") || tz_dp_at(s, e, p, "建议") ||
				  tz_dp_at(s, e, p, "议案"))) {
			*tb = i + 3;
			*te = k;
			return 1;
		}
		i = k;
	}
	return 0;
}

/* "您提出的《关于…的建议》已收悉", "你们提出的关于…的提案收悉",
 * "贵会提出的“关于…”的提案收悉", "提出的关于《…》的提案收悉". */
static int body_title(struct dp_ctx *c, size_t li)
{
	const struct dp_line *l = &c->lines[li];
	const char *s = l->norm;
	size_t len = l->norm_len, p = DP_NONE, e, tb, te;
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
		c->doc->proposal.title = tz_dp_dup_clean(c, li, p + 3, k, 1);
		return 1;
	}
	e = tz_dp_find(s, p, len < p + 400 ? len : p + 400, "收悉");
	if (e == DP_NONE)
		return 0;
	if (e >= p + 3 && tz_dp_at(s, len, e - 3, "已"))
		e -= 3;
	/* the title in its wrapping: “…”的提案, 关于《…》的提案 */
	if (find_quoted_title(s, p, e, &tb, &te)) {
		c->doc->proposal.title = tz_dp_dup_clean(c, li, tb, te, 1);
		return 1;
	}
	{
		size_t b2 = p, e2 = e;

		tz_dp_trim(s, &b2, &e2, ",");
		if (e2 <= b2 || tz_dp_ncp(s, b2, e2) < 4)
			return 0;
		c->doc->proposal.title = tz_dp_dup_clean(c, li, b2, e2, 1);
	}
	return 1;
}

/*
 * "关于加快我市临港产业发展的建议的答复": a title that names the proposal
 * itself, not its session and number. The proposal title is what comes
 * before 的答复 (or 的复函), when it ends in 提案/建议/议案.
 */
static int title_names_proposal(struct dp_ctx *c, size_t li, size_t b, size_t e)
{
	const char *s = c->lines[li].norm;
	static const char *ends[] = { "的答复", "答复", "的复函", "复函", "的回复" };
	size_t k;

	if (tz_dp_at(s, e, b, "对"))
		b += 3;
	if (!tz_dp_at(s, e, b, "关于") || tz_dp_has(s, b, e, "会议") || tz_dp_has(s, b, e, "号"))
		return 0;
	for (k = 0; k < sizeof(ends) / sizeof(ends[0]); k++)
		if (tz_dp_ends(s, b, e, ends[k])) {
			e -= strlen(ends[k]);
			break;
		}
	if (k == sizeof(ends) / sizeof(ends[0]) || tz_dp_ncp(s, b, e) < 6 ||
	    !(tz_dp_ends(s, b, e, "提案") || tz_dp_ends(s, b, e, "建议") || tz_dp_ends(s, b, e, "议案")))
		return 0;
	c->doc->proposal.title = tz_dp_dup_clean(c, li, b, e, 1);
	return 1;
}

/* Greetings after a proposer's colon or comma: "您好！". */
static int greeting(const char *s, size_t b, size_t e)
{
	static const char *g[] = { "您好", "你好", "你们好", "您们好" };

	tz_dp_trim(s, &b, &e, "!。,:");
	if (b >= e)
		return 1;
	for (size_t k = 0; k < sizeof(g) / sizeof(g[0]); k++)
		if (e - b == strlen(g[k]) && !memcmp(s + b, g[k], e - b))
			return 1;
	return 0;
}

/*
 * A proposer in [b, e) of a normalised line: "李英姿委员", "尊敬的谭志军
 * 委员：您好！", "九三学社岳阳市委:". The honorific and a greeting after
 * the name are dropped; a "label：value" line (联系人：张三) is no
 * proposer. Returns 1 and the name's bounds.
 */
static int proposer_name(const char *s, size_t *b, size_t *e)
{
	size_t k;

	tz_dp_trim(s, b, e, NULL);
	if (tz_dp_at(s, *e, *b, "尊敬的"))
		*b = tz_dp_skip_sp(s, *e, *b + 9);
	k = *b;
	while (k < *e && s[k] != ':' && s[k] != ',')
		k++;
	if (k < *e && !greeting(s, k, *e))
		return 0;
	*e = k;
	tz_dp_trim(s, b, e, NULL);
	return *e > *b;
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
		tz_dp_line_bounds(l, &b, &e);
		if (tz_dp_has(l->norm, b, e, "提出") || tz_dp_has(l->norm, b, e, "收悉") ||
		    tz_dp_has(l->norm, b, e, "答复") || tz_dp_date_line(l, &d, &g, &a) ||
		    tz_dp_docno_at(l->norm, e, b) || tz_dp_ncp(l->norm, b, e) > 40)
			continue;
		if (!proposer_name(l->norm, &b, &e) || tz_dp_at(l->norm, e, b, "各"))
			continue;
		best = li;
		bb = b;
		be = e;
	}
	if (best != DP_NONE) {
		c->doc->proposal.proposer = tz_dp_dup(c, best, bb, be, DP_DUP_NOSPACE);
		return;
	}
	/* "李英姿委员:您提出的…" on the first body line */
	if (c->body_start < c->nlines) {
		const struct dp_line *l = &c->lines[c->body_start];
		size_t k = tz_dp_find(l->norm, 0, l->norm_len < 90 ? l->norm_len : 90, ":");

		if (k != DP_NONE && k > 0 && tz_dp_ncp(l->norm, 0, k) <= 25 &&
		    (tz_dp_ends(l->norm, 0, k, "委员") || tz_dp_ends(l->norm, 0, k, "代表") ||
		     tz_dp_is_org(l->norm, 0, k))) {
			size_t b = 0, e = k;

			tz_dp_trim(l->norm, &b, &e, NULL);
			if (tz_dp_at(l->norm, e, b, "尊敬的"))
				b = tz_dp_skip_sp(l->norm, e, b + 9);
			c->doc->proposal.proposer = tz_dp_dup(c, c->body_start, b, e, DP_DUP_NOSPACE);
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
			/* "…57821234）": a bracket closing the contact line */
			while (pe > pb && (s[pe - 1] == ')' || s[pe - 1] == '-') &&
			       (s[pe - 1] == '-' || !memchr(s + pb, '(', pe - pb)))
				pe--;
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
		if (ne > nb && tz_dp_ncp(s, nb, ne) <= 12)
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
	{ "联系单位", CR_OTHER }, { "联系部门", CR_OTHER }, { "联系地址", CR_OTHER },
	{ "承办单位", CR_OTHER }, { "承办部门", CR_OTHER }, { "承办处室", CR_OTHER },
	{ "承办科室", CR_OTHER }, { "办理单位", CR_OTHER }, { "经办单位", CR_OTHER },
	{ "通讯地址", CR_OTHER }, { "邮政编码", CR_OTHER }, { "邮编", CR_OTHER },
	{ "电子邮箱", CR_OTHER }, { "邮箱", CR_OTHER }, { "传真", CR_OTHER },
};

static int role_at(const char *s, size_t len, size_t i, size_t *n)
{
	if (i >= len || (unsigned char)s[i] < 0x80)
		return -1;
	for (size_t k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
		if ((*n = tz_dp_label_at(s, len, i, roles[k].label)) != 0)
			return (int)k;
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

void tz_dp_reply(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	size_t li, tb, te;

	/* session, number, title from the title line */
	if (c->title_line != DP_NONE) {
		const struct dp_line *l = &c->lines[c->title_line];
		size_t b, e;

		tz_dp_line_bounds(l, &b, &e);
		find_session(c, c->title_line, b, e);
		find_number(c, c->title_line, b, e);
		if (find_quoted_title(l->norm, b, e, &tb, &te))
			d->proposal.title = tz_dp_dup_clean(c, c->title_line, tb, te, 1);
		else
			title_names_proposal(c, c->title_line, b, e);
	}
	for (li = c->body_start; li < c->nlines && li < c->body_start + 4; li++) {
		const struct dp_line *l = &c->lines[li];

		if (l->cls != DP_CONTENT)
			continue;
		if (!d->proposal.session)
			find_session(c, li, 0, l->norm_len < 600 ? l->norm_len : 600);
		if (!d->proposal.title)
			body_title(c, li);
		if (!d->proposal.number && (tz_dp_has(l->norm, 0, l->norm_len, "提案") ||
					    tz_dp_has(l->norm, 0, l->norm_len, "建议")))
			find_number(c, li, 0, l->norm_len < 600 ? l->norm_len : 600);
	}
	proposer(c);
	/* contacts near the end (or anywhere after the title of a short page) */
	li = c->nlines > 30 ? c->nlines - 30 : 0;
	if (c->title_line != DP_NONE && li <= c->title_line)
		li = c->title_line + 1;
	for (; li < c->nlines; li++)
		if (c->lines[li].cls == DP_CONTENT && tz_dp_contact_line(&c->lines[li]))
			contact_values(c, li);
	d->reply.org = d->issuer;
	d->reply.date = d->date;
}
