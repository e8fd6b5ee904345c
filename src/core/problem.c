/* problem.c: problem kinds, levels and statuses, their transitions, and the seeds' count sentence. */
#include <string.h>

#include "base/text.h"
#include "core/deadline.h"
#include "core/problem.h"
#include "base/banned.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kind_names[] = {
	"", "用地", "用能", "环评", "资金", "征地拆迁", "施工许可", "水电配套", "其他",
};
static const char *const level_names[] = { "", "国家", "省", "市", "县" };
static const char *const status_names[] = { "", "待交办", "已交办", "办理中", "已解决", "暂缓" };

const char *tz_problem_kind_name(enum tz_problem_kind k)
{
	return (int)k > 0 && k <= TZ_PROBLEM_KIND_MAX ? kind_names[k] : "";
}

const char *tz_problem_level_name(enum tz_problem_level l)
{
	return (int)l > 0 && l <= TZ_PROBLEM_LEVEL_MAX ? level_names[l] : "";
}

const char *tz_problem_status_name(enum tz_problem_status s)
{
	return (int)s > 0 && s <= TZ_PROBLEM_STATUS_MAX ? status_names[s] : "";
}

struct word {
	const char *text;
	int value;
};

static int find_word(const struct word *w, size_t n, const char *s, size_t len, int *out)
{
	tz_text_trim(&s, &len);
	for (size_t i = 0; i < n; i++) {
		if (strlen(w[i].text) == len && !memcmp(w[i].text, s, len)) {
			*out = w[i].value;
			return 0;
		}
	}
	return TZ_EINVAL;
}

int tz_problem_kind_parse(const char *s, size_t len, enum tz_problem_kind *out)
{
	static const struct word w[] = {
		{ "用地", TZ_PROBLEM_LAND }, { "土地", TZ_PROBLEM_LAND },
		{ "用能", TZ_PROBLEM_ENERGY }, { "能耗", TZ_PROBLEM_ENERGY },
		{ "环评", TZ_PROBLEM_EIA }, { "环保", TZ_PROBLEM_EIA },
		{ "资金", TZ_PROBLEM_FUNDS }, { "融资", TZ_PROBLEM_FUNDS },
		{ "征地拆迁", TZ_PROBLEM_DEMOLITION }, { "拆迁", TZ_PROBLEM_DEMOLITION },
		{ "征地", TZ_PROBLEM_DEMOLITION },
		{ "施工许可", TZ_PROBLEM_PERMIT },
		{ "水电配套", TZ_PROBLEM_UTILITIES }, { "水电", TZ_PROBLEM_UTILITIES },
		{ "其他", TZ_PROBLEM_OTHER }, { "其它", TZ_PROBLEM_OTHER },
	};
	int v;

	if (find_word(w, N(w), s, len, &v))
		return TZ_EINVAL;
	*out = (enum tz_problem_kind)v;
	return 0;
}

int tz_problem_level_parse(const char *s, size_t len, enum tz_problem_level *out)
{
	static const struct word w[] = {
		{ "国家", TZ_LEVEL_NATION }, { "国家级", TZ_LEVEL_NATION }, { "中央", TZ_LEVEL_NATION },
		{ "省", TZ_LEVEL_PROVINCE }, { "省级", TZ_LEVEL_PROVINCE },
		{ "市", TZ_LEVEL_CITY }, { "市级", TZ_LEVEL_CITY },
		{ "县", TZ_LEVEL_COUNTY }, { "县级", TZ_LEVEL_COUNTY }, { "县区", TZ_LEVEL_COUNTY },
		{ "区县", TZ_LEVEL_COUNTY },
	};
	int v;

	if (find_word(w, N(w), s, len, &v))
		return TZ_EINVAL;
	*out = (enum tz_problem_level)v;
	return 0;
}

int tz_problem_status_parse(const char *s, size_t len, enum tz_problem_status *out)
{
	static const struct word w[] = {
		{ "待交办", TZ_PROBLEM_NEW }, { "已交办", TZ_PROBLEM_ASSIGNED },
		{ "办理中", TZ_PROBLEM_WORKING }, { "已解决", TZ_PROBLEM_SOLVED },
		{ "暂缓", TZ_PROBLEM_SUSPENDED },
	};
	int v;

	if (find_word(w, N(w), s, len, &v))
		return TZ_EINVAL;
	*out = (enum tz_problem_status)v;
	return 0;
}

enum tz_problem_kind tz_problem_kind_guess(const char *text)
{
	/* Most specific first: "征地" is not 用地, "施工许可" before "许可". */
	static const struct word w[] = {
		{ "征地", TZ_PROBLEM_DEMOLITION }, { "拆迁", TZ_PROBLEM_DEMOLITION },
		{ "征收", TZ_PROBLEM_DEMOLITION },
		{ "施工许可", TZ_PROBLEM_PERMIT },
		{ "环评", TZ_PROBLEM_EIA }, { "环境影响", TZ_PROBLEM_EIA }, { "环保", TZ_PROBLEM_EIA },
		{ "能耗", TZ_PROBLEM_ENERGY }, { "用能", TZ_PROBLEM_ENERGY }, { "能评", TZ_PROBLEM_ENERGY },
		{ "用地", TZ_PROBLEM_LAND }, { "土地", TZ_PROBLEM_LAND }, { "林地", TZ_PROBLEM_LAND },
		{ "资金", TZ_PROBLEM_FUNDS }, { "融资", TZ_PROBLEM_FUNDS }, { "贷款", TZ_PROBLEM_FUNDS },
		{ "水电", TZ_PROBLEM_UTILITIES }, { "供电", TZ_PROBLEM_UTILITIES },
		{ "供水", TZ_PROBLEM_UTILITIES }, { "供气", TZ_PROBLEM_UTILITIES },
		{ "配套", TZ_PROBLEM_UTILITIES },
	};

	for (size_t i = 0; text && i < N(w); i++)
		if (strstr(text, w[i].text))
			return (enum tz_problem_kind)w[i].value;
	return TZ_PROBLEM_OTHER;
}

static size_t chars(const char *s)
{
	return s ? tz_utf8_len(s, strlen(s)) : 0;
}

static int blank(const char *s)
{
	return !s || tz_text_is_blank(s, strlen(s));
}

/* The status needs a responsible unit. */
static int needs_unit(enum tz_problem_status s)
{
	return s == TZ_PROBLEM_ASSIGNED || s == TZ_PROBLEM_WORKING || s == TZ_PROBLEM_SOLVED;
}

static int has_unit(const struct tz_problem *p)
{
	return p->unit_id > 0 || !blank(p->unit_text);
}

int tz_problem_validate(const struct tz_problem *p, struct tz_err *err)
{
	if (!p->project_code || !*p->project_code)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "项目编号", "未指定项目");
	if ((int)p->kind < 1 || p->kind > TZ_PROBLEM_KIND_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "问题类型", "请选择问题类型");
	if ((int)p->level < 1 || p->level > TZ_PROBLEM_LEVEL_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "解决层级",
				     "请选择需要解决的层级（国家、省、市或县）");
	if ((int)p->status < 1 || p->status > TZ_PROBLEM_STATUS_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态", "办理状态无效");
	if (blank(p->description))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "问题描述", "请填写问题描述");
	if (chars(p->description) > TZ_PROBLEM_TEXT_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "问题描述", "问题描述超过%d个字",
				     TZ_PROBLEM_TEXT_MAX);
	if (chars(p->unit_text) > 200)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "责任单位", "责任单位超过200个字");
	if (p->deadline && !tz_date_valid(p->deadline))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办结时限", "办结时限不是有效的日期");
	if (needs_unit(p->status) && !has_unit(p))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "责任单位",
				     "%s的问题须指定责任单位", tz_problem_status_name(p->status));
	if (p->status == TZ_PROBLEM_SUSPENDED && blank(p->reason))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "暂缓原因", "请填写暂缓原因");
	if (chars(p->reason) > TZ_PROBLEM_TEXT_MAX || chars(p->resolution) > TZ_PROBLEM_TEXT_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0,
				     chars(p->reason) > TZ_PROBLEM_TEXT_MAX ? "暂缓原因" : "办理结果",
				     "文字超过%d个字", TZ_PROBLEM_TEXT_MAX);
	return 0;
}

int tz_problem_may_move(enum tz_problem_status from, enum tz_problem_status to)
{
	switch (from) {
	case TZ_PROBLEM_NEW:
		return to == TZ_PROBLEM_ASSIGNED || to == TZ_PROBLEM_SUSPENDED;
	case TZ_PROBLEM_ASSIGNED:
		return to == TZ_PROBLEM_WORKING || to == TZ_PROBLEM_SUSPENDED;
	case TZ_PROBLEM_WORKING:
		return to == TZ_PROBLEM_SOLVED || to == TZ_PROBLEM_SUSPENDED;
	case TZ_PROBLEM_SUSPENDED:
		return to == TZ_PROBLEM_NEW || to == TZ_PROBLEM_ASSIGNED || to == TZ_PROBLEM_WORKING;
	case TZ_PROBLEM_SOLVED:
		return 0;
	}
	return 0;
}

int tz_problem_check_move(const struct tz_problem *p, enum tz_problem_status to,
			  const char *note, struct tz_err *err)
{
	const char *from_name = tz_problem_status_name(p->status);

	if ((int)to < 1 || to > TZ_PROBLEM_STATUS_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态", "办理状态无效");
	if (p->status == to)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态", "问题已经是%s", from_name);
	if (!tz_problem_may_move(p->status, to))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理状态", "%s的问题不能改为%s",
				     from_name, tz_problem_status_name(to));
	if (needs_unit(to) && !has_unit(p))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "责任单位",
				     "交办前须指定责任单位");
	if (to == TZ_PROBLEM_SUSPENDED && blank(note))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "暂缓原因", "请填写暂缓原因");
	if (to == TZ_PROBLEM_SOLVED && blank(note))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理结果", "请填写办理结果");
	if (chars(note) > TZ_PROBLEM_TEXT_MAX)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "办理说明", "文字超过%d个字",
				     TZ_PROBLEM_TEXT_MAX);
	return 0;
}

int tz_problem_sentence(const struct tz_problem_counts *c, struct tz_buf *out)
{
	return tz_buf_addf(out, "%lld个项目需国家、省市解决问题%lld个，已解决%lld个",
			   (long long)c->projects, (long long)c->problems, (long long)c->solved);
}

struct tz_problem_counts tz_problem_counts_at(const int64_t *counters, int at)
{
	struct tz_problem_counts c = { counters[at], counters[at + 1], counters[at + 2] };

	return c;
}

void tz_problem_project_clear(struct tz_problem_project *pp)
{
	memset(pp, 0, sizeof(*pp));
}

/* One problem into the three counters at `at`: the project once. */
static void count3(int64_t *d, int at, int solved)
{
	d[at] = 1;
	d[at + 1]++;
	d[at + 2] += solved;
}

void tz_problem_project_add(struct tz_problem_project *pp, enum tz_problem_level level,
			    enum tz_problem_status status, int32_t deadline, int32_t today)
{
	int solved = status == TZ_PROBLEM_SOLVED;

	if ((int)level < 1 || level > TZ_PROBLEM_LEVEL_MAX || (int)status < 1 ||
	    status > TZ_PROBLEM_STATUS_MAX)
		return;
	count3(pp->d, TZ_PC_LEVEL(level), solved);
	if (level != TZ_LEVEL_COUNTY)
		count3(pp->d, TZ_PC_UPPER, solved);
	count3(pp->d, TZ_PC_ALL, solved);
	pp->d[TZ_PC_STATUS(status)]++;
	if (!solved && status != TZ_PROBLEM_SUSPENDED && deadline && deadline < today)
		pp->d[TZ_PC_OVERDUE]++;
}
