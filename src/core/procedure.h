/*
 * procedure.h: a project's preliminary procedures (前期手续) and their counts.
 *
 * web.md "Procedures (前期手续)": "Per project, the required procedures
 * from a configurable list (立项/备案/核准, 用地预审, 规划许可, 环评批复, 能评,
 * 稳评, 施工许可), each with status (未办/办理中/已取得), date and document
 * number. Counts read like the seeds: "取得立项、备案、施工许可证等手续227
 * 个"."
 *
 * The list of kinds is data (the store keeps it; an office adds its own);
 * tz_procedure_defaults lists the seven web.md names, in that order, which
 * a new store starts with. A procedure is required for a project when the
 * project has a row for that kind; the store can give a project a row for
 * every active kind at once.
 *
 * struct tz_procedure is a plain value whose strings are borrowed.
 */
#ifndef TZ_PROCEDURE_H
#define TZ_PROCEDURE_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

/* The numbers are stored: never renumber. */
enum tz_procedure_status {
	TZ_PROC_TODO = 1,       /* 未办 */
	TZ_PROC_WORKING = 2,    /* 办理中 */
	TZ_PROC_OBTAINED = 3,   /* 已取得 */
};
#define TZ_PROC_STATUS_MAX TZ_PROC_OBTAINED

/* "未办", "办理中", "已取得"; "" out of range. */
const char *tz_procedure_status_name(enum tz_procedure_status s);
/* Also 未办理, 在办, 已办, 已办结, 取得. 0 or TZ_EINVAL. */
int tz_procedure_status_parse(const char *s, size_t len, enum tz_procedure_status *out);

/* The default kinds, in order; NULL-terminated. */
extern const char *const tz_procedure_defaults[];

#define TZ_PROC_KIND_NAME_MAX 40   /* characters */
#define TZ_PROC_DOC_NO_MAX 100     /* characters of a 文号 */

/* A kind's name: non-empty, no longer than TZ_PROC_KIND_NAME_MAX characters.
 * 0 or TZ_EINVAL (field 手续名称). */
int tz_procedure_kind_validate(const char *name, struct tz_err *err);

/*
 * One procedure of one project. Invariants once valid: project_code and
 * kind_id set; status in range; 已取得 has a valid date (core/deadline.h,
 * YYYYMMDD) and 未办 has none (办理中 may carry the date it was applied
 * for); doc_no at most TZ_PROC_DOC_NO_MAX characters ("" when absent).
 */
struct tz_procedure {
	const char *project_code;
	int64_t kind_id;
	const char *kind_name;   /* filled by the store when reading */
	enum tz_procedure_status status;
	int32_t date;            /* YYYYMMDD; 0: none */
	const char *doc_no;      /* 文号: "营发改审批〔2025〕12号" */
	int64_t updated_at;      /* UTC seconds, by the store */
	int64_t updated_by;      /* user id */
};

/* 0 or TZ_EINVAL with err->field the form's label (办理状态, 取得日期, 文号). */
int tz_procedure_validate(const struct tz_procedure *p, struct tz_err *err);

/*
 * The seeds' sentence for procedures obtained (seed 001, "1-8月，取得
 * 立项、备案、施工许可证等手续227个"): "取得立项、备案、施工许可证等手续N个",
 * appended to out. 0 or TZ_ETOOBIG.
 */
int tz_procedure_sentence(int64_t obtained, struct tz_buf *out);

/*
 * Counters of a procedure tally (core/tally.h), per node: required
 * procedures, those 未办, 办理中, 已取得, and those obtained within the
 * date range asked for (the seeds' "1-8月，取得…"); then obtained within
 * the range per kind, at TZ_PRC_KIND(slot) where slot is the kind's
 * position in the list the store reads (at most TZ_PRC_KINDS_MAX kinds
 * are counted apart; the rest only in the totals).
 */
#define TZ_PRC_REQUIRED 0
#define TZ_PRC_STATUS(s) ((s))          /* 1..3 */
#define TZ_PRC_IN_RANGE 4
#define TZ_PRC_KIND(slot) (5 + (slot))
#define TZ_PRC_KINDS_MAX 32
#define TZ_PRC_COUNT (5 + TZ_PRC_KINDS_MAX)

#endif
