/*
 * problem.h: problems (问题清单) that hang off a project, and their counts.
 *
 * web.md "Problems (问题清单)": "A problem has a kind (用地, 用能, 环评, 资金,
 * 征地拆迁, 施工许可, 水电配套, 其他), the level that must solve it
 * (国家/省/市/县), the unit responsible, a deadline, and a status: 待交办 →
 * 已交办 → 办理中 → 已解决 (or 暂缓, with a reason). Each change is dated and
 * signed. Counts read like the seeds: "24个项目需国家、省市解决问题31个，
 * 已解决19个"." ledger.md: problems come from a report's 存在问题 ("may open
 * a problem record") or are raised by hand.
 *
 * Transitions (tz_problem_may_move), decided here:
 *   待交办 → 已交办             assigned: a responsible unit must be named
 *   已交办 → 办理中
 *   办理中 → 已解决             the note says how (the resolution)
 *   待交办, 已交办, 办理中 → 暂缓  a reason is required
 *   暂缓 → 待交办, 已交办, 办理中  resumed (已交办 and 办理中 need a unit)
 * 已解决 is final: a problem that comes back is raised again, so that the
 * solved count never goes down behind the seeds' "已解决K个".
 *
 * struct tz_problem is a plain value whose strings are borrowed.
 */
#ifndef TZ_PROBLEM_H
#define TZ_PROBLEM_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "core/period.h"

/* The numbers are stored: never renumber. */
enum tz_problem_kind {
	TZ_PROBLEM_LAND = 1,         /* 用地 */
	TZ_PROBLEM_ENERGY = 2,       /* 用能 */
	TZ_PROBLEM_EIA = 3,          /* 环评 */
	TZ_PROBLEM_FUNDS = 4,        /* 资金 */
	TZ_PROBLEM_DEMOLITION = 5,   /* 征地拆迁 */
	TZ_PROBLEM_PERMIT = 6,       /* 施工许可 */
	TZ_PROBLEM_UTILITIES = 7,    /* 水电配套 */
	TZ_PROBLEM_OTHER = 8,        /* 其他 */
};
#define TZ_PROBLEM_KIND_MAX TZ_PROBLEM_OTHER

enum tz_problem_level {
	TZ_LEVEL_NATION = 1,    /* 国家 */
	TZ_LEVEL_PROVINCE = 2,  /* 省 */
	TZ_LEVEL_CITY = 3,      /* 市 */
	TZ_LEVEL_COUNTY = 4,    /* 县 */
};
#define TZ_PROBLEM_LEVEL_MAX TZ_LEVEL_COUNTY

enum tz_problem_status {
	TZ_PROBLEM_NEW = 1,          /* 待交办 */
	TZ_PROBLEM_ASSIGNED = 2,     /* 已交办 */
	TZ_PROBLEM_WORKING = 3,      /* 办理中 */
	TZ_PROBLEM_SOLVED = 4,       /* 已解决 */
	TZ_PROBLEM_SUSPENDED = 5,    /* 暂缓 */
};
#define TZ_PROBLEM_STATUS_MAX TZ_PROBLEM_SUSPENDED

/* Chinese names ("用地", "省", "办理中"); "" out of range. */
const char *tz_problem_kind_name(enum tz_problem_kind k);
const char *tz_problem_level_name(enum tz_problem_level l);
const char *tz_problem_status_name(enum tz_problem_status s);
/* Parse the names above (also 国家级/省级/市级/县级, 县区, 土地…). 0 or TZ_EINVAL. */
int tz_problem_kind_parse(const char *s, size_t len, enum tz_problem_kind *out);
int tz_problem_level_parse(const char *s, size_t len, enum tz_problem_level *out);
int tz_problem_status_parse(const char *s, size_t len, enum tz_problem_status *out);

/*
 * The kind a report's 存在问题 text suggests ("用地指标尚未落实" → 用地,
 * "能耗指标不足" → 用能, "资金到位不足" → 资金, …); 其他 when nothing fits.
 * Only a suggestion for the form: the coordinator chooses.
 */
enum tz_problem_kind tz_problem_kind_guess(const char *text);

#define TZ_PROBLEM_TEXT_MAX 1000  /* characters of a description, reason or note */

/*
 * A problem. Invariants once valid: project_code non-empty; kind, level
 * and status in range; description non-empty, at most TZ_PROBLEM_TEXT_MAX
 * characters; deadline 0 or a valid date (core/deadline.h); the
 * responsible unit is a node (unit_id > 0) or free text (unit_text), or
 * neither while 待交办; a 暂缓 problem has a reason. Optional strings are
 * "" when absent, never NULL.
 */
struct tz_problem {
	int64_t id;                 /* the store's; 0 before it is stored */
	const char *project_code;
	enum tz_problem_kind kind;
	enum tz_problem_level level;
	int64_t unit_id;            /* 责任单位 as an organisation node, or 0 */
	const char *unit_text;      /*   or as text ("中石油管道公司") */
	int32_t deadline;           /* YYYYMMDD; 0: none */
	enum tz_problem_status status;
	const char *description;
	const char *reason;         /* 暂缓's reason; "" otherwise */
	const char *resolution;     /* how it was solved; "" until 已解决 */
	struct tz_period period;    /* raised from the report of this period; year 0: by hand */
	int64_t raised_at;          /* UTC seconds */
	int64_t raised_by;          /* user id */
	int64_t updated_at;
};

/* Check the invariants. 0 or TZ_EINVAL with err->field the label on the
 * form (问题类型, 解决层级, 责任单位, 办结时限, 问题描述, 暂缓原因). */
int tz_problem_validate(const struct tz_problem *p, struct tz_err *err);

/* Whether the transitions above allow from → to (status change only). */
int tz_problem_may_move(enum tz_problem_status from, enum tz_problem_status to);

/*
 * Check that `p` may move to `to` with `note` (the reason for 暂缓, the
 * resolution for 已解决, otherwise an optional remark): the transition is
 * allowed, 已交办/办理中 have a responsible unit, 暂缓 has a reason. 0 or
 * TZ_EINVAL with a message naming both statuses ("已解决的问题不能改为办理中").
 */
int tz_problem_check_move(const struct tz_problem *p, enum tz_problem_status to,
			  const char *note, struct tz_err *err);

/*
 * Counts of problems the seeds report: projects with at least one
 * problem, the problems, and how many are solved.
 */
struct tz_problem_counts {
	int64_t projects;
	int64_t problems;
	int64_t solved;
};

/*
 * The seeds' sentence for problems that need the state, the province or
 * the city (levels 国家, 省, 市): "24个项目需国家、省市解决问题31个，已解决19个"
 * (seed 001), appended to out. Returns 0 or TZ_ETOOBIG.
 */
int tz_problem_sentence(const struct tz_problem_counts *c, struct tz_buf *out);

/*
 * Counters of a problem tally (core/tally.h), per node: for each level L
 * (1..4) three counters at TZ_PC_LEVEL(L) (projects, problems, solved);
 * then the same for levels 国家/省/市 together (TZ_PC_UPPER) and for all
 * levels (TZ_PC_ALL); then problems per status (TZ_PC_STATUS(s)) and
 * unsolved problems past their deadline (TZ_PC_OVERDUE).
 */
#define TZ_PC_LEVEL(l) (((l) - 1) * 3)
#define TZ_PC_UPPER 12
#define TZ_PC_ALL 15
#define TZ_PC_STATUS(s) (18 + (s) - 1)
#define TZ_PC_OVERDUE 23
#define TZ_PC_COUNT 24

/* The three counts starting at counters[at] (TZ_PC_LEVEL(l), TZ_PC_UPPER, TZ_PC_ALL). */
struct tz_problem_counts tz_problem_counts_at(const int64_t *counters, int at);

/*
 * One project's problems, gathered by a store before they go into a
 * tally: clear, add each of the project's problems, then pass `d` to
 * tz_tally_add() (a project counts once per level, however many
 * problems it has there).
 */
struct tz_problem_project {
	int64_t d[TZ_PC_COUNT];
};
void tz_problem_project_clear(struct tz_problem_project *pp);
/* `today` (YYYYMMDD) decides what is overdue. */
void tz_problem_project_add(struct tz_problem_project *pp, enum tz_problem_level level,
			    enum tz_problem_status status, int32_t deadline, int32_t today);

#endif
