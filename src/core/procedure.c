/* procedure.c: procedure statuses, the default list of kinds, validation and the seeds' count sentence. */
#include <string.h>

#include "base/text.h"
#include "core/deadline.h"
#include "core/procedure.h"
#include "base/banned.h"

const char *const tz_procedure_defaults[] = {
	"立项/备案/核准", "用地预审", "规划许可", "环评批复", "能评", "稳评", "施工许可", NULL,
};

static const char *const status_names[] = { "", "未办", "办理中", "已取得" };

const char *tz_procedure_status_name(enum tz_procedure_status s)
{
	return (int)s > 0 && s <= TZ_PROC_STATUS_MAX ? status_names[s] : "";
}

int tz_procedure_status_parse(const char *s, size_t len, enum tz_procedure_status *out)
{
	static const struct {
		const char *text;
		enum tz_procedure_status status;
	} w[] = {
		{ "未办", TZ_PROC_TODO }, { "未办理", TZ_PROC_TODO },
		{ "办理中", TZ_PROC_WORKING }, { "在办", TZ_PROC_WORKING },
		{ "正在办理", TZ_PROC_WORKING },
		{ "已取得", TZ_PROC_OBTAINED }, { "取得", TZ_PROC_OBTAINED },
		{ "已办", TZ_PROC_OBTAINED }, { "已办结", TZ_PROC_OBTAINED },
	};

	tz_text_trim(&s, &len);
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
		if (strlen(w[i].text) == len && !memcmp(w[i].text, s, len)) {
			*out = w[i].status;
			return 0;
		}
	}
	return TZ_EINVAL;
}

static size_t chars(const char *s)
{
	return s ? tz_utf8_len(s, strlen(s)) : 0;
}

int tz_procedure_kind_validate(const char *name, struct tz_err *err)
{
	if (!name || tz_text_is_blank(name, strlen(name)))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "手续名称", "请填写手续名称");
	if (chars(name) > TZ_PROC_KIND_NAME_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "手续名称", "手续名称超过%d个字",
				     TZ_PROC_KIND_NAME_MAX);
	return 0;
}

int tz_procedure_validate(const struct tz_procedure *p, struct tz_err *err)
{
	if (!p->project_code || !*p->project_code)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "项目编号", "未指定项目");
	if (p->kind_id <= 0)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "手续名称", "未指定手续");
	if ((int)p->status < 1 || p->status > TZ_PROC_STATUS_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态", "请选择办理状态");
	if (p->date && !tz_date_valid(p->date))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "取得日期", "日期无效");
	if (p->status == TZ_PROC_OBTAINED && !p->date)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "取得日期", "已取得的手续须填写取得日期");
	if (p->status == TZ_PROC_TODO && p->date)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "取得日期", "未办的手续不应有取得日期");
	if (chars(p->doc_no) > TZ_PROC_DOC_NO_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "文号", "文号超过%d个字",
				     TZ_PROC_DOC_NO_MAX);
	return 0;
}

int tz_procedure_sentence(int64_t obtained, struct tz_buf *out)
{
	return tz_buf_addf(out, "取得立项、备案、施工许可证等手续%lld个", (long long)obtained);
}
