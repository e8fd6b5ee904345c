/*
 * project.h: a key project (重点项目), one row of the ledger (项目台账).
 *
 * struct tz_project is a plain value. Its strings are borrowed: whoever
 * fills it (an import reading a row, a store reading a record) keeps them
 * alive for as long as the struct is used; nothing here frees them.
 */
#ifndef TZ_PROJECT_H
#define TZ_PROJECT_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "core/period.h"

#define TZ_CODE_MAX 64  /* bytes in a 项目编号 */

/* The ledger's columns, in the order people lay them out. */
enum tz_project_field {
	TZ_PF_CODE,      /* 项目编号 */
	TZ_PF_NAME,      /* 项目名称 */
	TZ_PF_REGION,    /* 所属地区 */
	TZ_PF_CATEGORY,  /* 项目类别 */
	TZ_PF_LEVEL,     /* 项目级别 */
	TZ_PF_NATURE,    /* 建设性质 */
	TZ_PF_OWNER,     /* 建设单位 */
	TZ_PF_LEADER,    /* 包联领导 */
	TZ_PF_UNIT,      /* 责任单位 */
	TZ_PF_YEARS,     /* 建设起止年限 */
	TZ_PF_TOTAL,     /* 总投资(万元) */
	TZ_PF_ANNUAL,    /* 年度计划投资(万元) */
	TZ_PF_START,     /* 计划开工时间 */
	TZ_PF_YEAR,      /* 年度: the yearly ledger the row belongs to */
	TZ_PF_STAGE,     /* 建设阶段: "加快建设", "主体施工"; text, not a 建设性质 */
	TZ_PF_COUNT
};

/* Longest text accepted in a ledger field, in characters (not bytes):
 * far above real names, far below what breaks a spreadsheet cell. */
#define TZ_TEXT_MAX 500

/*
 * One row of a yearly ledger (年度台账, ledger.md "The ledger is kept by
 * year"): `year`, `annual` (with has_plan), `level` and `nature` belong to
 * the year; the other fields describe the project, and a later import
 * corrects them.
 *
 * Invariants once validated: code, name and region are non-empty; code
 * has no white space and at most TZ_CODE_MAX bytes; every text at most
 * TZ_TEXT_MAX characters; 0 < total <= TZ_MONEY_MAX; without a plan
 * (has_plan 0: no 年度计划投资 column, or an empty cell) annual is 0,
 * with one 0 <= annual <= total; year within the period range. Optional
 * strings are "" when absent, never NULL; planned_start.year is 0 when
 * absent.
 */
struct tz_project {
	const char *code;
	const char *name;
	const char *region;
	const char *category;
	const char *level;
	const char *nature;
	const char *owner;
	const char *leader;
	const char *unit;
	const char *years;
	const char *stage;  /* 建设阶段 */
	/* The national 投资项目统一代码 (项目代码, TZ_NATCODE_LEN characters)
	 * when a ledger gives it beside its own 项目编号: the project's
	 * second key (audit 9, W14). "" or NULL: not stated, and a stored
	 * one is kept. */
	const char *natcode;
	int64_t region_id;  /* organisation nodes (core/org.h) the region and unit */
	int64_t unit_id;    /*   name, once resolved; 0 when not (yet) known */
	int year;           /* the ledger's year */
	int has_plan;
	int64_t total;      /* 0.01 万元 */
	int64_t annual;     /* 0.01 万元; 0 without a plan */
	struct tz_period planned_start;
	/* tz_project_text_hash of this row, for the store's import to
	 * compare a project's rows by (issue 6): computed where the row is
	 * read, off the import's writing thread; 0: not computed (the store
	 * computes it). Whoever changes the name, category, owner, leader,
	 * years or stage after setting it sets it back to 0. */
	uint64_t text_hash;
};

/*
 * A 64-bit hash of p's name, category, owner, leader, years and stage
 * (each with its NUL, so ("ab", "c") and ("a", "bc") differ; NULL as
 * ""); never 0. Within one process only (base/hmap.h's tz_hash_more):
 * equal texts give equal hashes, different ones almost surely not.
 */
uint64_t tz_project_text_hash(const struct tz_project *p);

/*
 * Check the invariants above. Returns 0 or TZ_EINVAL with a Chinese
 * reason naming the values involved and err->field set to the column's
 * header.
 */
int tz_project_validate(const struct tz_project *p, struct tz_err *err);

/* A valid 项目编号: non-empty, no spaces or control characters, short. */
int tz_project_code_valid(const char *code, size_t len);

/*
 * The 项目编号 a typed code names, so that every way of writing one finds
 * the same project (imports of ledgers and reports, the web's forms, API
 * and links all look codes up through this): invisible characters removed
 * (tz_text_strip_invisible), white space trimmed, then NFKC, so that
 * full-width Ｐ２０２５０００１ is P20250001; then dashes (U+2010..U+2015,
 * U+2043, U+2212) are '-' and U+2028/U+2029 removed. Replaces out's content; *how,
 * when not NULL, gets TZ_CODE_INVISIBLE and TZ_CODE_FOLDED for what
 * changed. 0, or TZ_EENCODING for text that is not UTF-8 (out then holds
 * the code without its invisible characters, trimmed, not folded).
 */
#define TZ_CODE_INVISIBLE 1  /* invisible characters removed */
#define TZ_CODE_FOLDED 2     /* full-width or compatibility forms folded */
int tz_project_code_fold(const char *s, size_t len, struct tz_buf *out, int *how);

/*
 * The national 投资项目统一代码 (项目代码) in a cell, as the online approval
 * platform gives it: YYYY-NNNNNN-NN-NN-NNNNNN, 24 characters (20 digits:
 * the year, the administrative division, the industry, the kind and the
 * serial). `s` (len bytes) is a cell already folded by
 * tz_project_code_fold (NFKC, dashes as '-'). Into out (TZ_NATCODE_LEN
 * + 1 bytes) with '-' separators:
 *  - TZ_NATCODE_EXACT: the cell is the code as written above;
 *  - TZ_NATCODE_READ: the cell holds exactly one code written otherwise
 *    — other separators (/ . _), none (20 digits), a word before or a
 *    remark after (`项目代码：…`, `…（备案）`); read as that code, which
 *    the caller notes in the summary (audit 9, W13);
 *  - TZ_NATCODE_NONE: no code and no attempt at one (`P1`, `2025-R01-001`);
 *  - TZ_NATCODE_TWO: two or more codes in the cell (a row error);
 *  - TZ_NATCODE_SHAPE: 16 digits or more but no code of the right shape
 *    (`2020-210800-48-01-01234`: a digit missing or extra; a row error).
 * A space or line break inside a code ends it: never read as a code.
 * No allocation; out is set only for EXACT and READ.
 */
#define TZ_NATCODE_LEN 24
enum tz_natcode {
	TZ_NATCODE_NONE,
	TZ_NATCODE_EXACT,
	TZ_NATCODE_READ,
	TZ_NATCODE_TWO,
	TZ_NATCODE_SHAPE,
};
enum tz_natcode tz_project_natcode(const char *s, size_t len, char *out);

/*
 * A column of a record as users write its header. `names` lists the
 * header and its common variants, "|"-separated, already in the folded
 * form that tz_column_key() produces; money columns say so, since their
 * header may carry a unit: "总投资(亿元)".
 */
struct tz_column {
	int field;
	const char *header;  /* what exports write: "总投资(万元)" */
	const char *names;   /* what imports accept */
	int required;
	int money;
};

/* The project columns, indexed by enum tz_project_field. */
extern const struct tz_column tz_project_columns[TZ_PF_COUNT];

#endif
