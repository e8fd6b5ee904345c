/* progress.c: progress reports, their columns and start statuses. */
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/progress.h"
#include "base/banned.h"

const struct tz_column tz_progress_columns[TZ_RF_COUNT] = {
	{ TZ_RF_CODE, "项目编号", "项目编号|编号|项目代码|项目编码", 1, 0 },
	{ TZ_RF_PERIOD, "调度期", "调度期|调度月份|月份|期间|填报期|报告期|统计期|所属期", 1, 0 },
	{ TZ_RF_COMPLETED, "本期完成投资(万元)",
	  "本期完成投资|本月完成投资|当月完成投资|完成投资|本期完成|本月完成", 1, 1 },
	{ TZ_RF_STATUS, "开工状态", "开工状态|状态|项目状态|建设状态", 1, 0 },
	{ TZ_RF_TEXT, "形象进度", "形象进度|工程形象进度|进展情况|项目进展", 0, 0 },
	{ TZ_RF_PROBLEM, "存在问题", "存在问题|问题|存在的问题|困难问题", 0, 0 },
};

static const char *const status_names[] = {
	"", "未开工", "已开工", "已复工", "停工", "已竣工",
};

/* Other ways of writing a status, as they appear in county ledgers. */
#define V(text, status) { text, sizeof(text) - 1, status }
static const struct {
	const char *text;
	size_t len;
	enum tz_status status;
} status_variants[] = {
	V("未开工", TZ_STATUS_NOT_STARTED), V("前期", TZ_STATUS_NOT_STARTED),
	V("前期阶段", TZ_STATUS_NOT_STARTED), V("未开", TZ_STATUS_NOT_STARTED),
	V("已开工", TZ_STATUS_STARTED), V("开工", TZ_STATUS_STARTED),
	V("在建", TZ_STATUS_STARTED), V("新开工", TZ_STATUS_STARTED),
	V("续建", TZ_STATUS_STARTED),
	V("已复工", TZ_STATUS_RESUMED), V("复工", TZ_STATUS_RESUMED),
	V("停工", TZ_STATUS_STOPPED), V("已停工", TZ_STATUS_STOPPED),
	V("停建", TZ_STATUS_STOPPED), V("缓建", TZ_STATUS_STOPPED),
	V("已竣工", TZ_STATUS_COMPLETED), V("竣工", TZ_STATUS_COMPLETED),
	V("完工", TZ_STATUS_COMPLETED), V("已完工", TZ_STATUS_COMPLETED),
	V("建成", TZ_STATUS_COMPLETED), V("已建成", TZ_STATUS_COMPLETED),
};
#undef V

const char *tz_status_name(enum tz_status s)
{
	if ((int)s < 0 || s > TZ_STATUS_MAX)
		return "";
	return status_names[s];
}

int tz_status_parse(const char *s, size_t len, enum tz_status *out, struct tz_err *err)
{
	tz_text_trim(&s, &len);
	if (!len)
		return tz_err_set(err, TZ_EINVAL, "开工状态为空");
	/* Every variant is two characters or more: the third byte, the
	 * first character's last, tells most apart before a compare. */
	for (size_t i = 0; i < sizeof(status_variants) / sizeof(status_variants[0]); i++) {
		if (status_variants[i].len == len && status_variants[i].text[2] == s[2] &&
		    !memcmp(status_variants[i].text, s, len)) {
			*out = status_variants[i].status;
			return 0;
		}
	}
	return tz_err_set(err, TZ_EINVAL, "无法识别（应为未开工、已开工、已复工、停工或已竣工）");
}

int tz_status_counts_started(enum tz_status s)
{
	return s == TZ_STATUS_STARTED || s == TZ_STATUS_RESUMED || s == TZ_STATUS_COMPLETED;
}

/* Whether s holds more than max code points. A text of at most max
 * bytes cannot (a code point takes a byte or more): most need no count. */
static int over_chars(const char *s, size_t max)
{
	size_t len = s ? strlen(s) : 0;

	return len > max && tz_utf8_len(s, len) > max;
}

int tz_progress_check(const struct tz_progress *r, enum tz_progress_field f, struct tz_err *err)
{
	const struct tz_column *cols = tz_progress_columns;

	switch (f) {
	case TZ_RF_CODE:
		if (!r->code || !*r->code)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[f].header, "项目编号为空");
		break;
	case TZ_RF_PERIOD:
		break;
	case TZ_RF_COMPLETED:
		if (r->completed < 0)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[f].header,
					     "本期完成投资不能为负数");
		if (r->completed > TZ_MONEY_MAX)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[f].header,
					     "本期完成投资超过上限（1000000000万元，即10万亿元）");
		break;
	case TZ_RF_STATUS:
		if (r->status == TZ_STATUS_NONE || r->status > TZ_STATUS_MAX)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[f].header,
					     "开工状态为空");
		break;
	case TZ_RF_TEXT:
	case TZ_RF_PROBLEM:
		if (over_chars(f == TZ_RF_TEXT ? r->progress_text : r->problem, TZ_TEXT_MAX))
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[f].header,
					     "文字超过上限%d个字", TZ_TEXT_MAX);
		break;
	case TZ_RF_COUNT:
		break;
	}
	return 0;
}

int tz_progress_validate(const struct tz_progress *r, struct tz_err *err)
{
	/* The order the first error has always been reported in. */
	static const enum tz_progress_field order[] = {
		TZ_RF_CODE, TZ_RF_COMPLETED, TZ_RF_PROBLEM, TZ_RF_TEXT, TZ_RF_STATUS,
	};
	int rc;

	/* Every report of an import comes here: a valid one passes the
	 * checks of tz_progress_check in one expression, and only one that
	 * fails some goes through them in order for its first error. */
	if (r->code && *r->code && r->completed >= 0 && r->completed <= TZ_MONEY_MAX &&
	    r->status != TZ_STATUS_NONE && r->status <= TZ_STATUS_MAX &&
	    !over_chars(r->problem, TZ_TEXT_MAX) && !over_chars(r->progress_text, TZ_TEXT_MAX))
		return 0;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if ((rc = tz_progress_check(r, order[i], err)))
			return rc;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Running totals                                                      */

void tz_report_years_clear(struct tz_report_years *y)
{
	for (int i = 0; i < y->nyears; i++)
		free(y->years[i].problem);
	y->first = 0;
	y->nyears = 0;
}

void tz_report_years_release(struct tz_report_years *y)
{
	tz_report_years_clear(y);
	free(y->years);
	memset(y, 0, sizeof(*y));
}

/* Make room for `year`, shifting when it comes before the first. */
static struct tz_report_year *year_slot(struct tz_report_years *y, int year)
{
	int lo = y->nyears ? (year < y->first ? year : y->first) : year;
	int hi = y->nyears ? (year > y->first + y->nyears - 1 ? year : y->first + y->nyears - 1)
			   : year;
	int n = hi - lo + 1, shift = y->nyears ? y->first - lo : 0;

	if (n > y->alloc) {
		y->years = tz_xrealloc(y->years, tz_st_mult((size_t)n, sizeof(*y->years)));
		y->alloc = n;
	}
	if (shift) {
		memmove(y->years + shift, y->years, (size_t)y->nyears * sizeof(*y->years));
		memset(y->years, 0, (size_t)shift * sizeof(*y->years));
	}
	if (n > y->nyears + shift)
		memset(y->years + y->nyears + shift, 0,
		       (size_t)(n - y->nyears - shift) * sizeof(*y->years));
	y->first = lo;
	y->nyears = n;
	return &y->years[year - lo];
}

void tz_report_years_add(struct tz_report_years *y, struct tz_period p, int64_t completed,
			 enum tz_status status, const char *problem)
{
	struct tz_report_year *ry = year_slot(y, p.year);
	uint16_t bit = (uint16_t)(1u << (p.month - 1));
	int has = problem && *problem;

	ry->done[p.month - 1] = completed;
	ry->status[p.month - 1] = (unsigned char)status;
	ry->problems = (uint16_t)(has ? ry->problems | bit : ry->problems & ~bit);
	if (has && p.month >= ry->problem_month) {
		free(ry->problem);
		ry->problem = tz_xstrdup(problem);
		ry->problem_month = p.month;
	} else if (!has && p.month == ry->problem_month) {
		/* A correction took the problem back: the earlier month's
		 * text is not kept, so none is known. */
		free(ry->problem);
		ry->problem = NULL;
		ry->problem_month = 0;
	}
}

int tz_report_years_each(const struct tz_report_years *y,
			 int (*fn)(void *ctx, const struct tz_running_year *ry), void *ctx)
{
	unsigned char carried = TZ_STATUS_NONE;
	struct tz_running_year out;
	int rc;

	for (int i = 0; i < y->nyears; i++) {
		const struct tz_report_year *ry = &y->years[i];
		int64_t cum = 0;

		out.year = y->first + i;
		out.reported = 0;
		out.problems = ry->problems;
		out.problem_month = ry->problem ? ry->problem_month : 0;
		out.problem_text = ry->problem ? ry->problem : "";
		for (int m = 0; m < 12; m++) {
			cum += ry->done[m];
			if (ry->status[m]) {
				carried = ry->status[m];
				out.reported |= (uint16_t)(1u << m);
			}
			out.ytd[m] = cum;
			out.status[m] = carried;
		}
		if ((rc = fn(ctx, &out)))
			return rc;
	}
	return 0;
}
