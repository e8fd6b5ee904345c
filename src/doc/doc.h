/*
 * doc.h: reading government documents (`taizhang doc parse`).
 *
 * A document is a page copied from a government site, as plain text or
 * HTML, in UTF-8 or GBK, simplified or traditional: a proposal reply
 * (提案/建议答复), a work plan that splits work into tasks for named units
 * (实施意见/工作方案), a progress bulletin full of figures (通报), or
 * anything else. tz_docparse() reads one into a struct tz_doc; the
 * writers print it as the JSON of shared/spec/documents.md or as Chinese
 * text for a person. The design note is docs/internals/docparse.md.
 *
 * This is the one public header of the doc layer (src/doc/): the web,
 * workflow and CLI code include it, nothing else of src/doc. The parser
 * is linear in its input: hand-written scanners over UTF-8 with bounded
 * look-back, no regular expressions. It uses base/ only (no store).
 *
 * Ownership: a struct tz_doc and every string and array it points at
 * belong to the document and are released together by tz_doc_free().
 * Strings are UTF-8 and NUL-terminated; a NULL string member means the
 * document does not state it.
 */
#ifndef TZ_DOC_H
#define TZ_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "base/json.h"

enum tz_doc_kind {
	TZ_DOC_OTHER = 0,
	TZ_DOC_PROPOSAL_REPLY,  /* 提案/建议的答复 */
	TZ_DOC_WORK_PLAN,       /* 实施意见, 工作方案: numbered tasks with units */
	TZ_DOC_BULLETIN,        /* 通报: headline figures */
};

/* "proposal_reply", "work_plan", "bulletin", "other". */
const char *tz_doc_kind_name(enum tz_doc_kind kind);

/*
 * One task of a work plan. `path` is the numbering from the top section
 * down, joined by "." with bracketed levels kept bracketed: "三.(三).1".
 * `lead` and `responsible` hold the unit names exactly as written (split
 * on 、 , ; and their full-width forms, brackets inside a name kept
 * whole); either may be empty. `deadline` is when the task is due, NULL
 * when the text states none: a date "2025-09-30", a month "2026-06" (by
 * the end of that month; a year's end is "2025-12", a half or a quarter
 * its last month), or the text as written when it names no year
 * ("长期坚持", "持续推进", "每季度"). `has_units` is 0 for a task whose
 * units the text does not give (cut off, or missing): such a task also
 * gets a `task_without_units` warning.
 */
struct tz_doc_task {
	const char *path;
	const char *title;
	const char **lead;
	size_t nlead;
	const char **responsible;
	size_t nresponsible;
	const char *deadline;
	int has_units;
	long line;          /* input line of the task's heading */
};

/*
 * One headline figure of a bulletin. `text` is the span as written
 * ("完成投资340.43億元"), `label` one of the measures (项目数, 总投资,
 * 年度计划投资, 完成投资, 投资完成率, 开工率, …), `group` the sub-group
 * it is about (省重点项目, 高新区) or NULL for the whole, `value` the exact
 * decimal string (full-width digits folded, thousands separators
 * dropped), `unit` normalised (亿元, 个, %). `rank` is the place in a
 * ranking list: 1, 2, … from the top, -1, -2, … from the bottom (排名后三位,
 * -1 = last), 0 when the figure is not part of a ranking.
 */
struct tz_doc_figure {
	const char *text;
	const char *label;
	const char *group;
	const char *value;
	const char *unit;
	int rank;
	long line;
};

/*
 * Something a person should look at. `kind` is one of the names in
 * docs/internals/docparse.md (injected_text, garbled_date, personal_phone,
 * personal_id, sum_mismatch, rate_mismatch, task_without_units,
 * damaged_figure). `text` is the text concerned as written, `line` the
 * 1-based line of the input (of the HTML source for HTML input).
 * `reading` is the value the parser read despite the damage (a garbled
 * date read as "2021-03"), or NULL; `detail` a short Chinese explanation
 * (for checks: what was computed), or NULL.
 */
struct tz_doc_warning {
	const char *kind;
	const char *text;
	long line;
	const char *reading;
	const char *detail;
};

struct tz_doc {
	struct tz_arena *arena;     /* owns everything below */
	enum tz_doc_kind kind;
	const char *title;
	const char *doc_number;     /* 文号, e.g. 营政办发〔2022〕1号 */
	const char *issuer;
	const char *date;           /* YYYY-MM-DD (or YYYY-MM) */
	const char *publish_date;
	struct {
		const char *index_no, *publisher, *genre, *topic;
	} catalogue;
	struct {
		const char *session, *number, *proposer, *title;
	} proposal;
	struct {
		const char *org, *date, *official, *handler, *phone;
	} reply;
	struct tz_doc_task *tasks;
	size_t ntasks;
	struct tz_doc_figure *figures;
	size_t nfigures;
	struct tz_doc_warning *warnings;
	size_t nwarnings;
	/* About the input, for the text view and tests. */
	const char *encoding;       /* "UTF-8", "GBK", … */
	int html;
	long nlines;
};

/*
 * Parse `len` bytes at `data`. On success returns 0 and a new document in
 * *out (caller frees with tz_doc_free()). On failure returns a negative
 * tz_errc with a Chinese message in err and *out NULL:
 *   TZ_EINVAL    empty or blank input, binary data (NUL bytes, control
 *                characters), UTF-16;
 *   TZ_EENCODING neither valid UTF-8 nor GBK;
 *   TZ_ETOOBIG   more than TZ_LIMIT_DOC bytes.
 * The input is only read; it need not be NUL-terminated.
 */
int tz_docparse(const char *data, size_t len, struct tz_doc **out, struct tz_err *err);

/* Release a document; NULL is allowed. */
void tz_doc_free(struct tz_doc *doc);

/*
 * Write the document as one JSON object (shared/spec/documents.md) to
 * `j`: members absent when the document does not state them. Write errors
 * are reported by tz_json_finish().
 */
void tz_doc_write_json(const struct tz_doc *doc, struct tz_json *j);

/*
 * Write the document for a person, in Chinese: metadata, a task table,
 * the figures and the warnings with their line numbers. Returns 0 or
 * TZ_EIO when writing to `fp` failed.
 */
int tz_doc_write_text(const struct tz_doc *doc, FILE *fp, struct tz_err *err);

#endif
