/*
 * rowplain.h: rows and cells that are not what they look like (audit 9):
 * a template's example row, the row numbering the columns (栏次), the
 * header repeated at a page break, a ditto mark (同上), a placeholder
 * name (XX污水处理厂). Internal to src/intake: import.c asks these of
 * the rows tz_header_row_kind() left as data.
 */
#ifndef TZ_INTAKE_ROWPLAIN_H
#define TZ_INTAKE_ROWPLAIN_H

#include <stddef.h>

#include "intake/header.h"

/*
 * What kind of row `row` is, under the header `h`, beyond the totals,
 * sections and notes of tz_header_row_kind(): TZ_ROW_SAMPLE (the
 * template's filled example: 序号 or 项目编号 示例/例/样例/范例, or a
 * name starting 示例/填报示例/例：/样例 or holding （示例）),
 * TZ_ROW_COLNUM (the 栏次 row under a statistical form's header: first
 * cell 栏次, or every cell a column label -- 1 2 3 4, 甲 乙 丙 1, A B C
 * 1 1 -- with the name among them), TZ_ROW_REHEADER (the header written
 * again at a page break: the name, or in reports the code, cell is the
 * column's own header word and another column's cell is its header too;
 * or a row whose only cell is a title ending （续）/续表), TZ_ROW_TOTAL
 * (a subtotal row Excel's 分类汇总 inserted: no 序号 or code, its only
 * text one cell "X 汇总"/"X 计数", other cells empty or ASCII amounts;
 * audit 9 R13), else TZ_ROW_DATA. ledger.md, "What real sheets hold": rows that are not
 * projects are skipped and counted, not imported or refused. Borrows
 * the row; no allocation; a few byte compares per ordinary row.
 */
enum tz_row_kind tz_row_plain_kind(const struct tz_header *h, const struct tz_row *row);

/*
 * Whether the trimmed cell s[0..len) is a ditto mark, meaning "as the
 * row above": 同上, 同前, 仝上, 〃, ", "", ”, 〞. Never a value to store
 * (audit 9, W11). 1 or 0.
 */
int tz_text_is_ditto(const char *s, size_t len);

/*
 * The template placeholder written in a name s[0..len) -- XX, ＸＸ, xx,
 * ××, ○○ (a run of two or more, not part of a longer Latin word such as
 * XXL or G2XX) -- as a NUL-terminated static string, or NULL if none.
 * A name holding one is a template's, not a project's (audit 9, W10).
 * 某某 is not asked about: anonymised sheets use it for real rows.
 */
const char *tz_text_placeholder(const char *s, size_t len);

#endif
