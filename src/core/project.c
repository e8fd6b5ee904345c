/* project.c: the project record, its columns and its validation. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "base/hmap.h"
#include "base/text.h"
#include "core/money.h"

#include "core/project.h"
#include "base/banned.h"

/*
 * Header variants seen in county and city ledgers and published lists,
 * in order of preference. Keys are compared after folding (NFKC, no
 * spaces, a leading year and a trailing unit removed: intake/header.c),
 * so "总投资（万元）" and "总投资 (亿元)" both arrive as "总投资", and
 * "县（市、区）" as "县(市、区)".
 */
const struct tz_column tz_project_columns[TZ_PF_COUNT] = {
	/* The national 投资项目统一代码 (项目代码) stands in for a 项目编号;
	 * a 序号 is never a code (it restarts in every section). */
	{ TZ_PF_CODE, "项目编号", "项目编号|编号|项目编码|项目代码|投资项目统一代码|项目统一代码|统一代码", 1, 0 },
	{ TZ_PF_NAME, "项目名称", "项目名称|名称|项目|项目(工程)名称|工程名称|建设项目名称|项目建设名称", 1, 0 },
	/* 所属地区 wins over 建设地点 (a town) when a sheet has both. */
	{ TZ_PF_REGION, "所属地区",
	  "所属地区|所属县区|所属县(市、区)|县(市、区)|县(市区)|县市区|县区|所在县区|所在县(市、区)|"
	  "地区|所在地区|区域|属地|所在地|建设地点|项目地点|实施地点|建设地址", 1, 0 },
	{ TZ_PF_CATEGORY, "项目类别", "项目类别|类别|项目类型|行业类别|产业类别|行业|所属行业|项目分类", 0, 0 },
	{ TZ_PF_LEVEL, "项目级别", "项目级别|级别|项目层级", 0, 0 },
	{ TZ_PF_NATURE, "建设性质", "建设性质|性质|项目性质", 0, 0 },
	{ TZ_PF_OWNER, "建设单位", "建设单位|项目业主|业主单位|项目单位|业主|实施单位|项目法人", 0, 0 },
	{ TZ_PF_LEADER, "包联领导",
	  "包联领导|包联市领导|包联县领导|包保领导|联系领导|挂点领导|牵头区领导|牵头市领导|牵头县领导|"
	  "牵头领导|责任领导|分包领导|包抓领导", 0, 0 },
	{ TZ_PF_UNIT, "责任单位",
	  "责任单位|牵头单位|牵头协调部门|牵头部门|主管单位|推进责任单位|主管部门|责任部门|协调单位", 0, 0 },
	{ TZ_PF_YEARS, "建设起止年限", "建设起止年限|起止年限|建设年限|建设期限|建设起止年份|起止年份", 0, 0 },
	/* 投资总额: audit 9 R14 (a remark in brackets, 总投资（估算）, is set
	 * aside by intake/header.c, R22). */
	{ TZ_PF_TOTAL, "总投资(万元)",
	  "总投资|计划总投资|项目总投资|估算总投资|总投资额|投资总额|项目投资总额", 1, 1 },
	/* The plan as 下达计划 lists write it: 年度投资任务, 年度投资目标,
	 * 下达年度计划, 年度计划投资额 (audit 9 R5, 2026-12-01: the plan was
	 * silently absent under them). */
	{ TZ_PF_ANNUAL, "年度计划投资(万元)",
	  "年度计划投资|年度计划|年计划投资|本年计划投资|年度投资计划|计划投资|本年度计划投资|"
	  "年度投资|计划完成投资|调整后年度计划投资|调整后年度计划|调整后计划投资|调整后计划|"
	  "调整后年度投资计划|年度计划投资额|年度投资计划额|年度投资任务|年度投资目标|下达年度计划|"
	  "下达年度计划投资|下达年度投资计划|调整计划投资|调整年度计划|调整年度计划投资|"
	  "年度调整计划|年度调整计划投资|调整后的年度计划|调整后的年度计划投资", 0, 1 },
	{ TZ_PF_START, "计划开工时间", "计划开工时间|开工时间|计划开工日期|开工日期|计划开工", 0, 0 },
	{ TZ_PF_YEAR, "年度", "年度|年份|台账年度|计划年度", 0, 0 },
	{ TZ_PF_STAGE, "建设阶段", "建设阶段|项目阶段|推进阶段|进展阶段", 0, 0 },
};

int tz_project_code_valid(const char *code, size_t len)
{
	if (!len || len > TZ_CODE_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)code[i];
		if (c <= ' ' || c == 0x7F)
			return 0;
	}
	return 1;
}

/*
 * In a code folded by NFKC: the line and paragraph separators (U+2028,
 * U+2029; invisible inside a code) removed, and the dashes Word, WPS and
 * web pages put for a typed '-' (U+2010..U+2015, U+2043, U+2212) made
 * '-', so that 2020–210800–48 is 2020-210800-48 (audit 8, 2026-11-30:
 * each became a second project). Returns TZ_CODE_* for what changed.
 */
static int fold_marks(struct tz_buf *b)
{
	unsigned char *u = (unsigned char *)b->buf;
	size_t r = 0, w = 0;
	int how = 0;

	while (r < b->len) {
		if (r + 3 <= b->len && u[r] == 0xE2 && u[r + 1] == 0x80 &&
		    (u[r + 2] == 0xA8 || u[r + 2] == 0xA9)) {
			r += 3;
			how |= TZ_CODE_INVISIBLE;
		} else if (r + 3 <= b->len && u[r] == 0xE2 &&
			   ((u[r + 1] == 0x80 && u[r + 2] >= 0x90 && u[r + 2] <= 0x95) ||
			    (u[r + 1] == 0x81 && u[r + 2] == 0x83) ||
			    (u[r + 1] == 0x88 && u[r + 2] == 0x92))) {
			r += 3;
			u[w++] = '-';
			how |= TZ_CODE_FOLDED;
		} else {
			u[w++] = u[r++];
		}
	}
	tz_buf_setlen(b, w);
	return how;
}

int tz_project_code_fold(const char *s, size_t len, struct tz_buf *out, int *how)
{
	struct tz_buf nfkc = TZ_BUF_INIT;
	const char *v;
	size_t removed, n;
	int rc = 0;

	if (how)
		*how = 0;
	tz_buf_reset(out);
	tz_buf_add(out, s, len);
	tz_buf_setlen(out, tz_text_strip_invisible(out->buf, out->len, &removed));
	if (removed && how)
		*how |= TZ_CODE_INVISIBLE;
	v = out->buf;
	n = out->len;
	tz_text_trim(&v, &n);
	memmove(out->buf, v, n);
	tz_buf_setlen(out, n);
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)out->buf[i] < 0x80)
			continue;
		/* Codes are ASCII but for the rare full-width one: fold only then. */
		if ((rc = tz_text_nfkc(out->buf, out->len, &nfkc)))
			break;
		v = nfkc.buf;
		n = nfkc.len;
		tz_text_trim(&v, &n);
		if (n != out->len || memcmp(v, out->buf, n)) {
			tz_buf_reset(out);
			tz_buf_add(out, v, n);
			if (how)
				*how |= TZ_CODE_FOLDED;
		}
		{
			int marks = fold_marks(out);

			if (how)
				*how |= marks;
			if (marks) {
				v = out->buf;
				n = out->len;
				tz_text_trim(&v, &n);
				memmove(out->buf, v, n);
				tz_buf_setlen(out, n);
			}
		}
		break;
	}
	tz_buf_release(&nfkc);
	return rc;
}

static int missing(const struct tz_column *col, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "%s为空", col->header);
}

/* Characters of s (0 for NULL), counted only when its bytes could
 * exceed `max`: a character is at least one byte, and every field of
 * every imported row is measured here. */
static size_t chars(const char *s, size_t max)
{
	size_t len = s ? strlen(s) : 0;

	return len > max ? tz_utf8_len(s, len) : len;
}

static int too_long(const struct tz_project *p, struct tz_err *err)
{
	static const enum tz_project_field fields[] = {
		TZ_PF_NAME, TZ_PF_REGION, TZ_PF_CATEGORY, TZ_PF_LEVEL, TZ_PF_NATURE, TZ_PF_OWNER,
		TZ_PF_LEADER, TZ_PF_UNIT, TZ_PF_YEARS, TZ_PF_STAGE,
	};
	const char *v[TZ_PF_COUNT] = { 0 };

	v[TZ_PF_NAME] = p->name;
	v[TZ_PF_REGION] = p->region;
	v[TZ_PF_CATEGORY] = p->category;
	v[TZ_PF_LEVEL] = p->level;
	v[TZ_PF_NATURE] = p->nature;
	v[TZ_PF_OWNER] = p->owner;
	v[TZ_PF_LEADER] = p->leader;
	v[TZ_PF_UNIT] = p->unit;
	v[TZ_PF_YEARS] = p->years;
	v[TZ_PF_STAGE] = p->stage;
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct tz_column *col = &tz_project_columns[fields[i]];
		size_t n = chars(v[fields[i]], TZ_TEXT_MAX);

		if (n > TZ_TEXT_MAX)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header,
					     "%s长%zu个字，超过上限%d个字", col->header, n,
					     TZ_TEXT_MAX);
	}
	return 0;
}

int tz_project_validate(const struct tz_project *p, struct tz_err *err)
{
	const struct tz_column *cols = tz_project_columns;
	char a[TZ_MONEY_FMT_MAX], t[TZ_MONEY_FMT_MAX];
	int rc;

	if (!p->code || !*p->code)
		return missing(&cols[TZ_PF_CODE], err);
	if (!tz_project_code_valid(p->code, strlen(p->code))) {
		/* A control character does not show in a message: write the
		 * code with it as \xHH (a CSV byte, or an XLSX escape such as
		 * _x0001_), and say which it is. */
		char shown[TZ_CODE_MAX * 4 + 1];
		size_t n = 0;
		int ctl = -1;

		for (size_t i = 0; p->code[i] && n + 5 < sizeof(shown); i++) {
			unsigned char c = (unsigned char)p->code[i];

			if (c < 0x20 || c == 0x7f) {
				if (ctl < 0)
					ctl = c;
				n += (size_t)snprintf(shown + n, sizeof(shown) - n, "\\x%02X", c);
			} else {
				shown[n++] = (char)c;
			}
		}
		shown[n] = '\0';
		if (ctl >= 0)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_CODE].header,
					     "项目编号“%s”含控制字符0x%02X（不可见，这里写作\\x%02X）",
					     shown, ctl, ctl);
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_CODE].header,
				     "项目编号“%s”含空格或过长", p->code);
	}
	if (!p->name || !*p->name)
		return missing(&cols[TZ_PF_NAME], err);
	if (!p->region || !*p->region)
		return missing(&cols[TZ_PF_REGION], err);
	if ((rc = too_long(p, err)))
		return rc;
	if (p->year < TZ_PERIOD_YEAR_MIN || p->year > TZ_PERIOD_YEAR_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_YEAR].header,
				     "年度%d不在%d至%d之间", p->year, TZ_PERIOD_YEAR_MIN,
				     TZ_PERIOD_YEAR_MAX);
	if (p->total <= 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_TOTAL].header,
				     "总投资必须大于0");
	if (p->total > TZ_MONEY_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_TOTAL].header,
				     "总投资%s万元超过上限", tz_money_fmt(p->total, t));
	if (!p->has_plan && p->annual)
		return tz_err_set(err, TZ_EINTERNAL, "没有年度计划的台账行带有计划金额");
	if (p->annual < 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_ANNUAL].header,
				     "年度计划投资不能为负数");
	/* 1000 times the total or more is rarely a plan but a unit mistake:
	 * 元 typed under 万元 (walkthrough 10: 29999900 beside 9999.99). */
	if (p->annual > p->total && p->annual / 1000 >= p->total)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_ANNUAL].header,
				     "年度计划投资（%s万元）超过总投资（%s万元），是它的%" PRId64
				     "倍：像是单位填错了（如把按元计的金额填在了万元列），请核对这两列"
				     "金额的单位",
				     tz_money_fmt(p->annual, a), tz_money_fmt(p->total, t),
				     p->annual / p->total);
	if (p->annual > p->total)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_PF_ANNUAL].header,
				     "年度计划投资（%s万元）超过总投资（%s万元）",
				     tz_money_fmt(p->annual, a), tz_money_fmt(p->total, t));
	return 0;
}

/* The separators a 项目代码 is seen written with: '-' as issued, '/', '.'
 * and '_' as clerks retype it. */
static int natcode_sep(unsigned char c)
{
	return c == '-' || c == '/' || c == '.' || c == '_';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* The groups of digits of a national code, in order. */
static const unsigned char natcode_groups[] = { 4, 6, 2, 2, 6 };
#define NATCODE_GROUPS (sizeof(natcode_groups) / sizeof(natcode_groups[0]))

enum tz_natcode tz_project_natcode(const char *s, size_t len, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, digits = 0, found = 0, at = 0;

	/* The code as issued: one pass, nothing to rewrite. */
	if (len == TZ_NATCODE_LEN) {
		size_t k = 0, g = 0, n = 0;

		for (; k < len; k++) {
			if (is_digit(u[k]) && n < natcode_groups[g]) {
				n++;
			} else if (u[k] == '-' && n == natcode_groups[g] && g + 1 < NATCODE_GROUPS) {
				g++;
				n = 0;
			} else {
				break;
			}
		}
		if (k == len && g + 1 == NATCODE_GROUPS && n == natcode_groups[g]) {
			memcpy(out, s, len);
			out[len] = '\0';
			return TZ_NATCODE_EXACT;
		}
	}
	/* Runs of digit groups joined by single separators: each is a code
	 * when its groups are 4-6-2-2-6, or when it is 20 digits alone. */
	while (i < len) {
		size_t start = i, groups = 0, run = 0;
		int shaped = 1;

		if (!is_digit(u[i])) {
			i++;
			continue;
		}
		for (;;) {
			size_t g = i;

			while (i < len && is_digit(u[i]))
				i++;
			run += i - g;
			if (groups >= NATCODE_GROUPS || i - g != natcode_groups[groups])
				shaped = 0;
			groups++;
			if (i + 1 < len && natcode_sep(u[i]) && is_digit(u[i + 1])) {
				i++;
				continue;
			}
			break;
		}
		digits += run;
		if ((shaped && groups == NATCODE_GROUPS) || (groups == 1 && run == 20)) {
			found++;
			at = start;
		}
	}
	if (found > 1)
		return TZ_NATCODE_TWO;
	if (!found)
		return digits >= 16 ? TZ_NATCODE_SHAPE : TZ_NATCODE_NONE;
	/* The one code's 20 digits, with '-' between the groups. */
	{
		size_t w = 0, g = 0, n = 0;

		for (i = at; w < TZ_NATCODE_LEN && i < len; i++) {
			if (!is_digit(u[i]))
				continue;
			if (n == natcode_groups[g]) {
				out[w++] = '-';
				g++;
				n = 0;
			}
			out[w++] = (char)u[i];
			n++;
		}
		out[w] = '\0';
	}
	return TZ_NATCODE_READ;
}

uint64_t tz_project_text_hash(const struct tz_project *p)
{
	const char *text[] = { p->name, p->category, p->owner, p->leader, p->years, p->stage };
	uint64_t h = 0;

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const char *t = text[i] ? text[i] : "";

		h = tz_hash_more(h, t, strlen(t) + 1);
	}
	return h ? h : 1;
}
