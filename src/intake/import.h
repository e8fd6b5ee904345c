/*
 * import.h: loading the ledger and progress reports from spreadsheets.
 *
 * An import reads a file with a tz_reader, finds its header row by name
 * (skipping title rows and blank lines), converts and validates each row
 * with the core, and hands valid rows to the store inside one import
 * transaction. By default it is all-or-nothing: any rejected row aborts
 * the whole file and the store is left exactly as it was. With `partial`
 * the valid rows are committed and the rejected ones only reported.
 */
#ifndef TZ_IMPORT_H
#define TZ_IMPORT_H

#include <stdio.h>

#include "base/buf.h"
#include "base/err.h"
#include "core/period.h"
#include "store/store.h"

/* A rejected row, as reported to the caller's callback. */
struct tz_import_reject {
	const char *file;
	long line;
	const char *code;    /* the row's 项目编号, "" if it has none */
	const char *field;   /* the column at fault, "" if the row as a whole */
	const char *reason;  /* Chinese, names the column and the value */
};

struct tz_import_opts {
	int partial;  /* commit the valid rows even if some were rejected */
	int year;     /* projects: the ledger's year (--year), 0 if not given */
	const char *sheet;  /* the sheet to read (--sheet), NULL: the first visible
			     * sheet that has a header */
	/* Called for each rejected row, in file order; may be NULL. */
	void (*reject)(void *ctx, const struct tz_import_reject *rej);
	void *ctx;
	/*
	 * A dry run: everything an import does -- reading, checking, resolving
	 * against the store, making organisation nodes and codes -- inside
	 * its transaction, which is then rolled back instead of committed.
	 * The result is filled as for a real import (rows, rejected rows
	 * through `reject`, skipped rows, unread columns, org_created,
	 * codes_given, and added, replaced and unchanged), except that
	 * `committed` stays 0. The web application's import page shows this
	 * before the user confirms.
	 */
	int dry_run;
	/* When set, an audit row "import.projects" or "import.progress"
	 * (object "file:NAME" with `audit_name`, new value: the counts) is
	 * written in the import's transaction: it exists iff the import
	 * committed. NULL: no audit row (tests). */
	const struct tz_actor *who;
	const char *audit_name;  /* the file's name as the user knows it */
	/*
	 * Accept amounts that look typed in 元 into a 万元 column: above
	 * 1万亿元, or 10000 times the median of the column's other amounts
	 * (intake/plausible.h; audit 9, W21). 0: such rows are refused, and
	 * with `partial` the whole file (they are known only at its end).
	 * The CLI's --confirm-large (确认大额).
	 */
	int confirm_large;
	/*
	 * Reports: the period of a report with no 调度期 column and no month
	 * in its title (--period YYYY-MM); {0, 0}: none. A title naming
	 * another month, or a 调度期 cell naming another, is refused naming
	 * both (the file as a whole, the row). Ignored for ledgers (the CLI
	 * refuses it there). Issue 7.
	 */
	struct tz_period period;
};

/* Where a ledger's year came from. */
enum tz_year_source {
	TZ_YEAR_NONE,
	TZ_YEAR_COLUMN,  /* a 年度 column, row by row */
	TZ_YEAR_OPTION,  /* --year */
	TZ_YEAR_TITLE,   /* a title row such as 2025年重点项目台账 */
	TZ_YEAR_PLAN,    /* the plan column's header: 2025年计划投资 */
};

struct tz_import_result {
	long rows;       /* data rows read (blank lines and title rows aside) */
	long accepted;
	long rejected;
	long added;      /* of accepted: new to the store */
	long replaced;   /* of accepted: corrections of stored rows */
	long unchanged;  /* of accepted: equal to the stored rows (not written) */
	int committed;   /* whether anything was written */
	/* Projects: */
	enum tz_year_source year_source;
	int year;        /* the ledger's year, unless by column */
	long unplanned;  /* rows stored without a 年度计划投资 */
	long plan_kept;  /* no plan column: rows whose stored plan was kept */
	long invisible;  /* cells whose zero-width characters were removed */
	long folded;     /* 项目编号 written with full-width characters, read folded (Ｐ１: P1) */
	long hidden;     /* rows hidden in the sheet, imported all the same */
	char *sheet;     /* the sheet read (workbooks with several), or NULL; owned */
	long rounded;    /* amounts rounded to 0.01 万元 (more decimals in 万元) */
	long marks;      /* optional amounts written "—" or "/", read as empty */
	long skipped_totals;    /* 合计, 小计 rows, not projects */
	long skipped_sections;  /* 一、续建项目（12个）, （一）交通 rows */
	long skipped_notes;     /* 注：…, 填报人：… rows */
	/* Audit 9 (rowplain.h): a template's example row (示例, 填报示例：…),
	 * the 栏次 row numbering the columns, the header repeated at a page
	 * break or a （续） title. */
	long skipped_samples;
	long skipped_colnums;
	long skipped_headers;
	/* Rows without 序号 (or 项目编号) under a numbered project, within its
	 * amounts: its parts (其中：一期工程, （1）…), not projects. */
	long skipped_parts;
	/* Columns not read, "、"-separated, and what was decided about the
	 * header, for the summary; owned by the result. */
	char *unread;
	char *notes;
	/* Organisation nodes created from this ledger (the first one): names
	 * and codes, "、"-separated, "" if none; owned by the result, freed by
	 * tz_import_result_release(). */
	long org_created;
	char *org_created_names;
	/* A list without codes: the codes given to new projects, one
	 * "    CODE  名称（地区）" line each; owned by the result. */
	long codes_given;
	char *codes_given_list;
	int region_from_unit;  /* no region column: regions from 责任单位 */
	/* Reports: of added and replaced, those of a period whose dispatch
	 * is closed for their region, and the first such period (YYYYMM, 0
	 * if none): allowed (web.md: corrections after closing go through
	 * the coordinator, kept in the history), and said in the summary. */
	long closed;
	int closed_period;
};

/* Free what a result owns. */
void tz_import_result_release(struct tz_import_result *res);

/*
 * Import `path` as `kind`. Returns 0 when the import committed (with
 * `partial`, possibly having rejected rows; with `dry_run`, when it would
 * have), TZ_EREJECTED when rows were
 * rejected and nothing was written, or another tz_errc (unreadable file,
 * no header, no ledger year, bad encoding, store failure) with err set;
 * in every error case the store is unchanged.
 *
 * Projects (ledger.md): the year comes from a 年度 column, else
 * opts->year, else a title row; a file with none is refused. Regions and
 * units are matched with the organisation tree (after folding, then by
 * alias); an unknown one is a row error suggesting the nearest node. When
 * the store has no tree yet, it is built from this ledger. `res` is
 * filled in every case; release it with tz_import_result_release().
 */
int tz_import_file(struct tz_store *store, enum tz_import_kind kind, const char *path,
		   const struct tz_import_opts *opts, struct tz_import_result *res,
		   struct tz_err *err);

/*
 * tz_import_file bounded to the subtree of organisation node `scope`
 * (core/access.h tz_access_import_bound: a county's coordinator importing
 * from the web, walkthrough 15; web.md: a coordinator imports, "never
 * another node's subtree"); `scope` 0 is tz_import_file. Bounded, these
 * are rejected rows like any other (the import commits whole or not at
 * all; with `partial` only the other rows), field and message naming the
 * 项目编号, the region and the bound ("项目编号 P3 属于盖州市，不在您管辖的
 * 鲅鱼圈区范围内，不能导入"): a ledger row whose 所属地区 or 责任单位 (when
 * given) is not a node of the subtree, or whose 项目编号 is a project
 * stored under a region outside it; a report row of such a project. No
 * organisation node is made (an unknown name is a row error, as with a
 * stored tree). Returns and fills as tz_import_file. intake/scope.h.
 */
int tz_import_file_scoped(struct tz_store *store, enum tz_import_kind kind, const char *path,
			  const struct tz_import_opts *opts, int64_t scope,
			  struct tz_import_result *res, struct tz_err *err);

/*
 * Read an organisation tree from a CSV or XLSX file with the columns 编码,
 * 名称, 上级编码, 类型, 别名 (the layout `taizhang org export` writes) and
 * add its nodes to `x` (tz_org_index_add's checks apply). An empty 类型 is
 * 市 for a node without a parent, else guessed from the name. 0 or a
 * tz_errc with err naming the file and line; `x` may hold some nodes then.
 */
struct tz_org_index;
int tz_org_read_file(const char *path, struct tz_org_index *x, struct tz_err *err);


#endif
