/* dispatch.c: the rules of a dispatched period: who may save, lateness, who is expected, form input. */
#include <string.h>

#include "base/text.h"
#include "core/deadline.h"
#include "core/dispatch.h"
#include "core/money.h"
#include "base/banned.h"

const char *tz_dispatch_state_name(enum tz_dispatch_state s)
{
	switch (s) {
	case TZ_DISPATCH_OPEN:
		return "填报中";
	case TZ_DISPATCH_CLOSED:
		return "已关闭";
	}
	return "";
}

const char *tz_saver_name(enum tz_saver s)
{
	switch (s) {
	case TZ_SAVER_REPORTER:
		return "填报";
	case TZ_SAVER_COORDINATOR:
		return "更正";
	case TZ_SAVER_IMPORT:
		return "导入";
	}
	return "";
}

int tz_dispatch_validate(const struct tz_dispatch *d, struct tz_err *err)
{
	char pbuf[TZ_PERIOD_FMT_MAX], tbuf[TZ_CST_FMT_MAX];

	if (d->node_id <= 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期", "未指定组织机构");
	if (d->period.year < TZ_PERIOD_YEAR_MIN || d->period.year > TZ_PERIOD_YEAR_MAX ||
	    d->period.month < 1 || d->period.month > 12)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期", "调度期无效");
	if (d->deadline <= tz_period_begins(d->period))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "报送截止",
				     "报送截止时间%s早于调度期%s开始",
				     tz_cst_fmt(d->deadline, tbuf), tz_period_fmt(d->period, pbuf));
	if (d->state != TZ_DISPATCH_OPEN && d->state != TZ_DISPATCH_CLOSED)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期", "调度期状态无效");
	return 0;
}

int tz_dispatch_may_save(const struct tz_dispatch *d, struct tz_period p, enum tz_saver who,
			 struct tz_err *err)
{
	char pbuf[TZ_PERIOD_FMT_MAX];

	if (who == TZ_SAVER_COORDINATOR || who == TZ_SAVER_IMPORT)
		return 0;
	if (!d)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期",
				     "调度期%s尚未开启填报", tz_period_fmt(p, pbuf));
	if (d->state != TZ_DISPATCH_OPEN)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "调度期",
				     "调度期%s已关闭，不能再修改；如需更正请联系调度管理员",
				     tz_period_fmt(p, pbuf));
	return 0;
}

int tz_report_late(int64_t deadline, int64_t opened_at, int64_t first_saved)
{
	return deadline != 0 && first_saved > deadline && first_saved >= opened_at;
}

int tz_report_due(struct tz_period p, struct tz_period planned_start, enum tz_status before,
		  int reported)
{
	return reported || tz_report_expected(p, planned_start, before);
}

int tz_report_expected(struct tz_period p, struct tz_period planned_start, enum tz_status before)
{
	if (before == TZ_STATUS_COMPLETED)
		return 0;
	if (!planned_start.year || tz_period_cmp(planned_start, p) <= 0)
		return 1;
	return before == TZ_STATUS_STARTED || before == TZ_STATUS_RESUMED ||
	       before == TZ_STATUS_STOPPED;
}

/* ------------------------------------------------------------------ */
/* Form input                                                          */

/* The length of s cut to at most `max` bytes on a character boundary,
 * for quoting what a user typed in a message. */
static int quote_len(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return (int)len;
	len = max;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return (int)len;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

int tz_report_form_parse(const struct tz_report_form *f, const char *code, struct tz_period p,
			 struct tz_progress *out, struct tz_err errs[TZ_RF_COUNT])
{
	const struct tz_column *cols = tz_progress_columns;
	const char *money = nz(f->completed), *status = nz(f->status);
	size_t mlen = strlen(money), slen = strlen(status);
	struct tz_err why, *e, mine[TZ_RF_COUNT];
	struct tz_progress r;
	int bad = 0, rounded = 0;

	if (!errs)
		errs = mine;
	memset(&r, 0, sizeof(r));
	r.code = code;
	r.period = p;
	r.progress_text = nz(f->progress_text);
	r.problem = nz(f->problem);
	for (int k = 0; k < TZ_RF_COUNT; k++)
		tz_err_clear(&errs[k]);
	tz_err_clear(&why);

	e = &errs[TZ_RF_STATUS];
	if (tz_text_is_blank(status, slen))
		tz_err_set_at(e, TZ_EINVAL, NULL, 0, cols[TZ_RF_STATUS].header, "请选择开工状态");
	else if (tz_status_parse(status, slen, &r.status, &why))
		tz_err_set_at(e, TZ_EINVAL, NULL, 0, cols[TZ_RF_STATUS].header,
			      "开工状态“%.*s”%s", quote_len(status, slen, 60), status, why.msg);

	e = &errs[TZ_RF_COMPLETED];
	if (tz_text_is_blank(money, mlen)) {
		if (!errs[TZ_RF_STATUS].code && r.status != TZ_STATUS_NOT_STARTED)
			tz_err_set_at(e, TZ_EINVAL, NULL, 0, cols[TZ_RF_COMPLETED].header,
				      "请填写本期完成投资（没有完成投资请填0）");
		r.completed = 0;
	} else if (tz_money_parse_ex(money, mlen, 0, &r.completed, &rounded, &why)) {
		tz_err_set_at(e, TZ_EINVAL, NULL, 0, cols[TZ_RF_COMPLETED].header,
			      "本期完成投资“%.*s”%s", quote_len(money, mlen, 60), money, why.msg);
	} else if (rounded) {
		/* A sheet's computed amount is rounded to 0.01 万元 (ledger.md);
		 * a figure a person types is theirs to shorten, not ours. */
		tz_err_set_at(e, TZ_EINVAL, NULL, 0, cols[TZ_RF_COMPLETED].header,
			      "本期完成投资“%.*s”超过两位小数：金额以万元为单位，精确到0.01万元（100元），"
			      "请核对后填写", quote_len(money, mlen, 60), money);
	}

	if (!tz_utf8_valid(r.progress_text, strlen(r.progress_text)))
		tz_err_set_at(&errs[TZ_RF_TEXT], TZ_EINVAL, NULL, 0, cols[TZ_RF_TEXT].header,
			      "形象进度含有无法识别的字符");
	if (!tz_utf8_valid(r.problem, strlen(r.problem)))
		tz_err_set_at(&errs[TZ_RF_PROBLEM], TZ_EINVAL, NULL, 0, cols[TZ_RF_PROBLEM].header,
			      "存在问题含有无法识别的字符");

	/* What a stored report must be, for each field read well so far. */
	for (int k = 0; k < TZ_RF_COUNT; k++) {
		if (!errs[k].code)
			tz_progress_check(&r, (enum tz_progress_field)k, &errs[k]);
		bad |= errs[k].code != 0;
	}
	if (bad)
		return TZ_EINVAL;
	*out = r;
	return 0;
}
