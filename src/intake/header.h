/*
 * header.h: finding a sheet's header and what each column means, as real
 * sheets write them (ledger.md, "What real sheets hold"). Internal to
 * src/intake: the import uses it, nothing else.
 *
 * The header is the first row (within HEADER_SEARCH_ROWS) that names the
 * record's key columns; a row below it that names further columns under
 * a group heading ("投资情况（万元）" above "总投资 / 年度计划投资") is
 * read with it as one header, and so are up to two more (a third row
 * under "其中", a row of units; audit 9 R2). Rows above it give the ledger's year (a
 * title: "2025年重点项目台账") and a unit for the whole table
 * ("单位：亿元"). Headers are matched by name after folding (NFKC, no
 * spaces), against each field's names in order of preference, so that
 * 所属地区 wins over 建设地点 when a sheet has both.
 */
#ifndef TZ_INTAKE_HEADER_H
#define TZ_INTAKE_HEADER_H

#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"
#include "core/progress.h"
#include "core/project.h"
#include "intake/reader.h"

#define TZ_HEADER_SEARCH_ROWS 50  /* title and note rows allowed above the header */
#define TZ_HEADER_FIELDS_MAX 16

/*
 * Report columns the import reads beside tz_progress_columns (core): the
 * 项目名称 and 所属地区 a report may carry, never stored, checked against
 * the ledger's project of the row's 项目编号 so that a mistyped code does
 * not book one project's completion on another (audit 9, W6). Optional.
 */
#define TZ_RF_NAME TZ_RF_COUNT
#define TZ_RF_REGION (TZ_RF_COUNT + 1)
/*
 * A report's year-to-date column (自年初累计, 1-10月累计, 本年累计…)
 * beside its month's (本月): never stored, read so that the import can
 * check it against the months stored before plus the month's (issue 7,
 * import.c ytd_check). Only ytd_column assigns it (no name matches it);
 * money, in its own unit. Optional.
 */
#define TZ_RF_YTD (TZ_RF_COUNT + 2)
#define TZ_HEADER_RF_COUNT (TZ_RF_COUNT + 3)
/* The 开工状态 column's names in a report: core's, and 是否开工, whose
 * 是/否 the import reads as 已开工/未开工 (struct tz_header.status_yes_no). */
#define TZ_HEADER_STATUS_NAMES "开工状态|状态|项目状态|建设状态|是否开工"

struct tz_header {
	const struct tz_column *cols;         /* reports: rf_cols, so never copy a tz_header */
	size_t nfields;
	int progress;                         /* reading reports, not a ledger */
	/* Reports: tz_progress_columns, then TZ_RF_NAME and TZ_RF_REGION. */
	struct tz_column rf_cols[TZ_HEADER_RF_COUNT];
	int idx[TZ_HEADER_FIELDS_MAX];        /* cell index, -1 if the file lacks it */
	int unit_exp[TZ_HEADER_FIELDS_MAX];   /* money columns: 10^unit 万元 */
	/* Money columns whose unit the sheet states (the column's own, its
	 * group heading's or the table's); 0: none, read in 万元. */
	int unit_stated[TZ_HEADER_FIELDS_MAX];
	/* A money field (+1; 0: none) whose header states no unit while
	 * another header cell states one other than 万元, and the refusal
	 * (tz_header_units_end) unless a note below names its unit. */
	int unit_plain;
	char unit_plain_msg[512];
	/* Columns 0..63 no field reads headed 单位, 金额单位, 计量单位:
	 * each row's cell may state the unit of its amounts ("亿元"). */
	uint64_t unit_cols;
	/* Columns 0..63 no field reads whose header names free text (备注,
	 * 说明, 附注, 建设内容, 进展情况): a bare number in one, beside an
	 * amount, is what an unquoted thousands comma moved there (import.c,
	 * split_amount; walkthrough 11). */
	uint64_t remark_cols;
	/* Columns 0..63 no field reads headed 币种, 币别, 货币 (currency
	 * columns): each row's cell must name the yuan or nothing, else the
	 * file is refused (tz_header_check_unit; walkthrough 15). */
	uint64_t currency_cols;
	/* Columns 0..63 whose header names a figure (元, 投资, 金额, 资金, %,
	 * 率: 其中中央资金, 完成率, another year's 年度计划投资; read columns
	 * too, where the field's kind decides): three digits in one
	 * beside an amount are as likely that column's own as an amount's
	 * moved piece (import.c, split_amount; walkthrough 13). */
	uint64_t figure_cols;
	/* The header cells of columns 0..63 as written, cut at 63 bytes on
	 * a character's boundary, "" for a blank one: the messages about a
	 * split amount name the column its piece fell in (walkthrough 13). */
	char col_text[64][64];
	int seq_idx;                          /* the 序号 column, -1: none */
	/* Columns 0..63 read as a field or as the 序号 (bit i: column i),
	 * set with idx and seq_idx when the header is chosen: every data
	 * row's unit check asks it. */
	uint64_t read_cols;
	/* The ledger's code column is the national 投资项目统一代码 (项目代码,
	 * 统一代码), not an office's own 项目编号: a row without one is
	 * identified by region and name (ledger.md, "Published lists"). */
	int code_national;
	/* Ledgers: a national 项目代码 column beside the office's own 项目编号
	 * (项目编号 and 项目代码 both named), +1; 0: none. Its cells are the
	 * project's second key, stored beside the code (audit 9, W14). */
	int natcode_col;
	/* Reports: the code column says 代码 (项目代码): its codes may be the
	 * national codes of projects stored under a 项目编号 (W14). */
	int rf_code_national;
	/* The code column is headed 编号, 编 号, 项目编码 — words a county list
	 * also uses for its row numbers — not 项目编号 or 项目代码: the
	 * import refuses it when its values are 1..n (audit 9 W1). */
	int code_weak;
	int title_year;                       /* named in a title row, 0: none */
	char title_several[256];              /* the nearest title naming several years, "" */
	/* The title row title_year or title_several was read from, as it is,
	 * and its line: a message about it names that line, not the
	 * header's (walkthrough 10). "" and 0 when none. */
	char title_year_text[256];
	long title_year_line;
	int plan_year;                        /* named in the plan column's header, 0: none */
	/* Reports: the one month a title row names ("2025年10月重点项目调度
	 * 表"), {0, 0} when none (or a span, or a date of filling), and the
	 * title; the rows' 调度期 must be that month (audit 9, W5). */
	struct tz_period title_period;
	char title_text[256];
	long title_line;                      /* title_text's line, 0: none */
	/* Reports without a 调度期 column under a title naming one month
	 * (not a span, not 累计): every row's period is title_period, and
	 * the notes say so (audit 9, R4; walkthrough f30, 2026-12-01). */
	int period_from_title;
	/* Reports: the period given by the import (--period; {0, 0} none).
	 * Without a 调度期 column or a month in the title it is every row's
	 * (title_period then holds it and period_from_title is set). A
	 * title naming another month refuses the file; a row's 调度期
	 * naming another, the row (import.c). Issue 7. */
	struct tz_period opt_period;
	/* Reports without a 项目编号 column but with 项目名称 and 所属地区:
	 * each row's project is the ledger's of that region and name in
	 * the period's year, as codeless ledger rows are identified
	 * (ledger.md, "What real sheets hold"; audit 9, R19). */
	int code_by_name;
	/* Reports: the header of the completion column read, and whether it
	 * says it is one month's (本月, 本期, 当月, 单月). */
	char completed_text[128];
	int completed_one_month;
	int status_yes_no;                    /* reports: the status column is 是否开工 */
	/* Reports: the completion column names its month ("10月完成投资",
	 * a two-row "10月" under "完成投资"), 1..12; 0: it names none. A row
	 * of another month is refused (session-6 walkthrough p12). */
	int completed_month;
	/* Reports with no column of one month's completion but one of the
	 * year's so far (本年累计完成投资, 1-10月完成投资, 今年以来完成投资,
	 * 自年初累计; audit 9 R17): that column is read as TZ_RF_COMPLETED
	 * and each row's 本期 is derived by the import from the months stored
	 * before it (import.c, ytd_month). ytd_month: the last month a
	 * "1-N月" header names (a row of another month is refused), 0: none. */
	int ytd_only;
	int ytd_month;
	/* Reports with both: the year-to-date column read as TZ_RF_YTD,
	 * the last month its header names (ytd_beside_month, 0: none), and
	 * its header (issue 7). */
	int ytd_beside_month;
	char ytd_text[128];
	/* Reports: a title naming the months from January to one
	 * ("2025年1-10月…推进情况") or the end of one ("截至2025年10月底…"):
	 * that month, {0, 0} when none. It is the report's period only with
	 * no 调度期 column and a completion column saying it is one month's
	 * (本月, 当月, "10月"), never 本期 alone (session-6 walkthrough p16,
	 * p18). */
	struct tz_period title_end;
	char title_end_text[256];
	long title_end_line;                  /* title_end_text's line, 0: none */
	/* A title naming a month but no year ("10月份重点项目调度"), for
	 * the refusal: the title, "" when none (walkthrough p06). */
	char title_noyear[256];
	long title_noyear_line;
	/* The unit a group heading of the header's own rows, or of the row
	 * of group headings above it, names when it is a foreign currency
	 * ("投资情况（万美元）" over 总投资: "万美元"), for the refusal of the
	 * money columns under it; "" when none (walkthrough 15, item 5). */
	char parent_currency[32];
	/* Reports: a title naming months but not the period (walkthrough
	 * 15) when no title names one month or ends with one: a month
	 * without a year ("10月重点项目调度表"), a quarter ("2025年第三季度
	 * …"), the end of a day ("截至2025年10月25日…"). A 调度期 — a row's
	 * or --period — must then be one of those months: bit m of
	 * title_allow for month m, in the year title_allow_year (0: any);
	 * title_allow 0 when no such title. title_allow_says is what the
	 * title says ("10月", "2025年第三季度（7-9月）"), title_allow_text
	 * the title and title_allow_line its line. */
	unsigned title_allow;
	int title_allow_year;
	char title_allow_says[64];
	char title_allow_text[256];
	long title_allow_line;
	/* Reports: a title's date of one day that names no month otherwise
	 * ("重点项目调度表（2025年11月5日）", "截至2025年10月25日…"): never
	 * the period; for the refusal when no period is known. The date as
	 * folded ("2025年11月5日"), whether 截至 precedes it, the title and
	 * its line (0: none). */
	char title_date[32];
	int title_date_until;
	char title_date_text[256];
	long title_date_line;
	/* Reports: the month a title's 截至 names (walkthrough 16): a day
	 * ("截至9月30日", "截至2025年9月30日"; title_upto_day 1) or the end
	 * of a month written without its year ("截至9月底", "截至9月"), in
	 * the year written or else the title's (the same row's, or a title
	 * row's above: "2025年重点项目调度表（截至9月底）" is 2025-09), with
	 * the title and its line (0: none; the first such title). Beside a
	 * title naming another month ("2025年10月…" over "（截至2025年9月30
	 * 日）") it is a second month the titles name (title_month_all);
	 * alone, the end of a month is the title's end (title_end, then
	 * title_end_upto 1) and a day the month a 调度期 may name
	 * (title_allow). Before, "2025年…（截至9月底）" was read as naming
	 * no month and --period 2025-10 stored the rows in October. */
	struct tz_period title_upto;
	int title_upto_day;
	char title_upto_text[256];
	long title_upto_line;
	int title_end_upto;
	/* The table's unit of money other than 万元, stated above the
	 * header (a title "…（单位：亿元）", a row "单位：亿元") or in a
	 * header cell not read as money, read into money columns whose
	 * header states none (choose, the table's unit; walkthrough 14, 1c):
	 * 10^table_exp 万元, table_exp_line its row (0: not applied), and
	 * table_exp_where how a message names that row ("第1行的标题“…”",
	 * "第2行"). table_exp_cols: the headers it applied to, "、"-separated;
	 * table_exp_all: it applied to every money column read. The import's
	 * notes say so: the clerk sees the conversion. */
	int table_exp;
	long table_exp_line;
	char table_exp_where[320];
	char table_exp_cols[256];
	int table_exp_all;
	long line;                            /* the header's last row */
	size_t width;                         /* cells in the header */
	/* While tz_header_find runs: its reader, for messages naming a
	 * hidden column (tz_reader_col_hidden; audit 9 R9). */
	const struct tz_reader *reader;
	struct tz_buf unread;                 /* columns not read, "、"-separated */
	struct tz_buf notes;                  /* what was decided, for the summary */
	/* The first row after the header when looking at it for a second
	 * header row showed it is data: the import reads it first. */
	int have_pending;
	struct tz_row pending;
	struct tz_buf pending_text;
	const char **pending_cells;
	size_t *pending_lens;
	unsigned char *pending_kinds;
};

/*
 * Read `r` up to and including the header and map its columns. `year` is
 * the ledger's year when already known (--year), else 0; a plan column
 * naming another year is then not read (and said so). `period`: a
 * report's period given by the import (--period), NULL or {0, 0} for
 * none: a header without a 调度期 column is then a report's, and a
 * title naming another month is refused (TZ_EINVAL). Errors, with err
 * naming the file and line: TZ_ENOTFOUND when no header is found (the
 * message names the columns a header needs; another sheet may hold
 * one); TZ_EINVAL when required columns are
 * missing (named), when two columns mean the same field and nothing
 * chooses between them (both named; two money columns of one field always,
 * whatever their names' order: 项目总投资 beside 总投资), or when a money column's unit is not
 * one the import knows (美元): never read at the wrong scale. A message
 * about a title row (a year, a month or a unit of money stated there)
 * names the title's line and quotes the title (walkthrough 10, 13). Two
 * title rows naming different months (a report) are TZ_EINVAL naming
 * both lines and quoting both (a ledger's different years: the nearer's,
 * noted); a report's title naming
 * more than one month ("10月份…（截至9月底）") gives no period, and
 * --period must be one of its months (walkthrough 14). The
 * caller releases h with tz_header_release() in every case.
 */
int tz_header_find(struct tz_reader *r, const char *path, int progress, int year,
		   const struct tz_period *period, struct tz_header *h, struct tz_err *err);

void tz_header_release(struct tz_header *h);

/*
 * A reader's error about one cell, "第L行第C列…" (a NUL byte in a CSV
 * cell: tz_reader.err_col), under the header column of `field`: the
 * message names the field too, "第L行第C列（总投资）…", and err->field is
 * set (walkthrough 11). Nothing changes if field < 0, err->field is set
 * already or the message does not start that way.
 */
void tz_header_name_cell(const struct tz_header *h, int field, size_t col, struct tz_err *err);

/*
 * Excel's letters for the 0-based column index i (0: "A", 26: "AA"),
 * into buf (at most 7 letters and a NUL; columns past that are cut).
 * No errors, nothing allocated; for messages that name a column as the
 * sheet shows it (the import's subtotal check, session 14).
 */
void tz_header_col_letters(size_t i, char buf[8]);

/*
 * Reports: a workbook sheet's name that names a span of months or 累计
 * ("1-10月完成情况", "1-10月累计") says what the title row would say, and
 * is checked as a title is (tz_header_find): over a completion column
 * whose header does not say it is one month's ("完成投资") the figures
 * may be the months' sum; stored as one month's they would count the
 * earlier months twice. Under a name saying 累计, a column saying 本期
 * contradicts it. TZ_EINVAL with err naming `path`, the header's line
 * and both texts; 0 otherwise, and for ledgers. Audit 9, W7.
 */
int tz_header_check_sheet(const struct tz_header *h, const char *sheet, const char *path,
			  struct tz_err *err);

/*
 * The name of the unit of money 10^exp 万元 (the header's unit_exp):
 * "亿元" for 4, "万元" for 0, "千元" for -1, "元" for -4; "?" for a
 * power no unit has. A static string.
 */
const char *tz_header_unit_name(int exp);

/*
 * A row below the header (a note, a total or section row, a row refused)
 * that states a unit of money for the table ("注：本表金额单位为亿元")
 * must state the unit the money columns are read in. 0 when it states
 * none, or the same; else TZ_EINVAL with err naming `path`, the row's
 * line, the unit stated and the units applied: the file is refused,
 * never read at a scale its own note contradicts. (Applying the note
 * instead would mean reading the rows above it again.) A statement is
 * a clause ("以上金额均为亿元", "单位/亿元") or a whole cell ("(亿元)",
 * "金额单位:亿元"; one naming two units is refused, naming both). With
 * `data` set the row is a project's: only a cell in a column no field
 * reads, and all of it a statement, counts (a 备注 cell "(亿元)";
 * auditor's finding 2, 2026-11-30); and, since walkthrough 15
 * (2026-12-02), a 币种 column's cell naming anything but the yuan, or a
 * 备注/说明 cell stating the row's amounts in a foreign currency
 * ("金额为美元", "万美元", "以港币计"; not "利用外资500万美元") refuses
 * the file too, naming the row, the column and the cell.
 */
int tz_header_check_unit(const struct tz_header *h, const struct tz_row *row, int data,
			 const char *path, struct tz_err *err);

/*
 * Whether `row` (not a project's) is a note of one cell stating one unit
 * of money for the whole table ("注：金额单位为亿元。", "单位：亿元")
 * while every money column read states no unit (not its own, not a
 * heading's, not the table's): then there is no conflict, the note is
 * the sheet's only unit, and the import reads the file again in it
 * (walkthrough 6, 2026-12-01; like a unit row under the header, R23).
 * Returns 1 with *exp (power of ten over 万元) and the unit's name in
 * `text` (`size` bytes, 32 is enough), else 0. A note naming a column,
 * two units, a foreign currency, or a header stating a unit: 0, and
 * tz_header_check_unit's refusal stands.
 */
int tz_header_note_unit(const struct tz_header *h, const struct tz_row *row, int *exp,
			char *text, size_t size);


/*
 * What the money cells of the columns whose header states no unit wrote
 * (audit 9, findings W2 and W3, 2026-12-01), gathered row by row by the
 * import's reading thread and judged at the end of the file: a unit in
 * some cells ("1.2亿", a cell formatted 0.00"亿元") and none in others
 * of the same column, or a unit on another column's header only, leave
 * the bare amounts without a known unit. Zeroed before the first row.
 */
struct tz_cell_units {
	long bare_line[TZ_HEADER_FIELDS_MAX];  /* first row with a bare amount, 0 */
	long unit_line[TZ_HEADER_FIELDS_MAX];  /* first row with a unit in the cell, 0 */
	char bare[TZ_HEADER_FIELDS_MAX][40];   /* those cells, as read */
	char unit[TZ_HEADER_FIELDS_MAX][40];
	int plain_named;                       /* a note names the unit of h->unit_plain */
};

/*
 * Money field `f`'s text `v` (`len` bytes, as the import reads it: a
 * number cell's value with its format's unit) in data row `line`, taken
 * into `u` when the header states no unit for f. A cell of zeros counts
 * as neither: 0 is 0 in any unit. Cheap: one byte scan of the cell.
 */
void tz_header_cell_unit(const struct tz_header *h, struct tz_cell_units *u, size_t f,
			 const char *v, size_t len, long line);

/*
 * A row that is not a project's (a note below the table): whether it
 * names the unit of the column h->unit_plain ("注：年度计划投资单位为万元"),
 * into u->plain_named. Does nothing when h->unit_plain is 0.
 */
void tz_header_note_units(const struct tz_header *h, struct tz_cell_units *u,
			  const struct tz_row *row);

/*
 * At the end of the file: TZ_EINVAL, err naming `path` and the line, when
 * a money column's unit is stated on another column only (h->unit_plain,
 * no note naming it) or when a column whose header states no unit has
 * cells with a unit and bare ones (both rows and cells named); else 0.
 * Rule: ledger.md "a value is either read with a known unit or refused".
 */
int tz_header_units_end(const struct tz_header *h, const struct tz_cell_units *u,
			const char *path, struct tz_err *err);

/*
 * A unit of money stated outside the cells — the sheet's name
 * ("重点项目（亿元）"), the file's name ("2025年重点项目表（单位亿元）.xlsx")
 * — in `text`, found at `where` ("工作表名", "文件名"): when some money
 * column's header states no unit and `text` states one other than 万元,
 * TZ_EINVAL with err naming `path` and the header's line, the place and
 * the unit; the amounts are never read in 万元 then (audit 9, finding
 * W3c, 2026-12-01). 0 otherwise.
 */
int tz_header_outside_unit(const struct tz_header *h, const char *text, const char *where,
			   const char *path, struct tz_err *err);

/* What kind of row a data row is (ledger.md: 合计, section and note rows
 * are skipped and counted, not refused). */
enum tz_row_kind {
	TZ_ROW_DATA,
	TZ_ROW_BLANK,
	TZ_ROW_TOTAL,    /* 合计, 总计, 小计 */
	TZ_ROW_SECTION,  /* 一、续建项目（12个）, （一）交通, ——铁路 */
	TZ_ROW_NOTE,     /* 注：…, 填报人：… */
	/* Decided by tz_row_plain_kind() (rowplain.h), audit 9: */
	TZ_ROW_SAMPLE,   /* the template's example: 示例, 填报示例：… */
	TZ_ROW_COLNUM,   /* 栏次: 1 2 3 4, 甲 乙 丙 1 under the header */
	TZ_ROW_REHEADER, /* the header again at a page break, a （续） title */
};
enum tz_row_kind tz_header_row_kind(const struct tz_header *h, const struct tz_row *row);

/*
 * Fold a header cell to the key the column tables use: NFKC (full-width
 * brackets become ASCII), white space removed. A leading year
 * ("2025年", "2025年度") is removed and returned in *year (0 if none); a
 * trailing unit "(万元)", "（亿元）" or a bare "万元" is removed and its
 * power of ten relative to 万元 returned in *unit_exp; *unit is then 1
 * (known), 0 (none) or -1 (a unit word the import does not know, in
 * unit_text: "美元"). Brackets holding no unit ("县(市、区)") stay in the
 * key. 0 or TZ_EENCODING.
 */
int tz_column_key(const char *s, size_t len, struct tz_buf *out, int *year, int *unit,
		  int *unit_exp, struct tz_buf *unit_text);

#endif
