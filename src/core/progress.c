/* progress.c: progress reports, their columns and start statuses. */
#include <string.h>

#include "base/text.h"
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
static const struct {
	const char *text;
	enum tz_status status;
} status_variants[] = {
	{ "未开工", TZ_STATUS_NOT_STARTED }, { "前期", TZ_STATUS_NOT_STARTED },
	{ "前期阶段", TZ_STATUS_NOT_STARTED }, { "未开", TZ_STATUS_NOT_STARTED },
	{ "已开工", TZ_STATUS_STARTED }, { "开工", TZ_STATUS_STARTED },
	{ "在建", TZ_STATUS_STARTED }, { "新开工", TZ_STATUS_STARTED },
	{ "续建", TZ_STATUS_STARTED },
	{ "已复工", TZ_STATUS_RESUMED }, { "复工", TZ_STATUS_RESUMED },
	{ "停工", TZ_STATUS_STOPPED }, { "已停工", TZ_STATUS_STOPPED },
	{ "停建", TZ_STATUS_STOPPED }, { "缓建", TZ_STATUS_STOPPED },
	{ "已竣工", TZ_STATUS_COMPLETED }, { "竣工", TZ_STATUS_COMPLETED },
	{ "完工", TZ_STATUS_COMPLETED }, { "已完工", TZ_STATUS_COMPLETED },
	{ "建成", TZ_STATUS_COMPLETED }, { "已建成", TZ_STATUS_COMPLETED },
};

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
	for (size_t i = 0; i < sizeof(status_variants) / sizeof(status_variants[0]); i++) {
		if (strlen(status_variants[i].text) == len &&
		    !memcmp(status_variants[i].text, s, len)) {
			*out = status_variants[i].status;
			return 0;
		}
	}
	return tz_err_set(err, TZ_EINVAL,
			  "开工状态“%.*s”无法识别（应为未开工、已开工、已复工、停工或已竣工）",
			  (int)(len > 60 ? 60 : len), s);
}

int tz_status_counts_started(enum tz_status s)
{
	return s == TZ_STATUS_STARTED || s == TZ_STATUS_RESUMED || s == TZ_STATUS_COMPLETED;
}

int tz_progress_validate(const struct tz_progress *r, struct tz_err *err)
{
	const struct tz_column *cols = tz_progress_columns;

	if (!r->code || !*r->code)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_CODE].header, "项目编号为空");
	if (r->completed < 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_COMPLETED].header,
				     "本期完成投资不能为负数");
	if (r->status == TZ_STATUS_NONE || r->status > TZ_STATUS_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_STATUS].header,
				     "开工状态为空");
	return 0;
}
