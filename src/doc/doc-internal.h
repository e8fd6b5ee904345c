/*
 * doc-internal.h: what the stages of the document reader share.
 *
 * The reader is a pipeline (docs/internals/docparse.md), one file per
 * stage, named for what it reads:
 *
 *   decode    doc.c      bytes -> UTF-8 (GBK via base/text.h), binary and
 *                        empty input rejected
 *   html      html.c     tags, scripts and styles stripped, entities decoded
 *   lines     norm.c     split into lines; each gets a normalised copy
 *                        (width folding, NFKC for enclosed and compatibility
 *                        forms, traditional -> simplified) with a map back
 *                        to the original, so matching is done on one
 *                        spelling and output keeps what was written
 *   noise     noise.c    page furniture and catalogue lines
 *   spam      spam.c     injected betting/porn phrases
 *   layout    layout.c   header, body and signature
 *   meta      meta.c     kind, title, 文号, issuer, dates, catalogue
 *   reply     reply.c    proposal and reply fields
 *   tasks     tasks.c    section tree, units of each task
 *   figures   figures.c  headline figures of bulletins
 *   checks    checks.c   sums and rates that do not hold
 *   dates     date.c     dates, well-formed and garbled
 *   pii       pii.c      private phone and ID numbers
 *   numbers   num.c      quantities as exact decimals
 *   write     write.c    JSON and text
 *
 * Functions named tz_dp_* are internal to docparse. Every scanner moves
 * forward over a line with look-back bounded by a constant, so the whole
 * parse is linear in the input.
 *
 * All strings a stage stores in the document are allocated from the
 * document's arena; arrays (tasks, figures, warnings) are grown with
 * tz_xrealloc and freed by tz_doc_free().
 */
#ifndef TZ_DOC_INTERNAL_H
#define TZ_DOC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "doc/doc.h"

enum dp_cls {
	DP_BLANK = 0,
	DP_CONTENT,
	DP_NOISE,   /* breadcrumbs, 【字号, 分享, counters, footers */
	DP_META,    /* catalogue lines: 发布时间, 索引号, 来源, … */
};

struct dp_line {
	const char *orig;        /* as written (decoded), into ctx->text */
	size_t orig_len;
	const char *norm;        /* normalised, NUL-terminated */
	size_t norm_len;
	const uint32_t *map;     /* norm byte -> orig byte, norm_len + 1
				    entries; NULL when norm == orig */
	size_t text_off;         /* orig - ctx->text */
	enum dp_cls cls;
};

/* A span of injected text found by the spam stage. */
struct dp_span {
	size_t line;
	size_t b, e;             /* norm offsets */
};

struct dp_wkey {
	size_t line, off;        /* order of warnings: line index, offset */
};

struct dp_ctx {
	struct tz_doc *doc;
	struct tz_arena *arena;
	const char *text;        /* decoded UTF-8 text (HTML already stripped) */
	size_t text_len;
	int html;
	size_t *src_nl;          /* HTML: text offsets where a source line ended */
	size_t nsrc_nl;
	struct dp_line *lines;
	size_t nlines;
	struct dp_span *spam;
	size_t nspam, spam_alloc;
	struct dp_wkey *wkeys;   /* parallel to doc->warnings */
	size_t warn_alloc, task_alloc, fig_alloc;
	struct dp_fig *figs;     /* parallel to doc->figures (figures.c) */
	/* Set by the meta stage. */
	size_t body_start;       /* first body line (after title and salutation) */
	size_t title_line;       /* SIZE_MAX when there is no title */
	size_t sig_start;        /* first line of the signature block, or nlines */
	size_t sig_date_line;    /* the signature's date line, or DP_NONE */
	size_t sig_date_off;     /* where the date starts on that line */
	size_t sig_org_first;    /* the signature's org lines, or DP_NONE */
	size_t sig_org_last;
	size_t sig_org_end;      /* end offset of the org on sig_org_last */
	size_t plan_title_line;  /* a plan's title after its transmittal
				    notice (its signature is then sig_*) */
	size_t cat_title_line;   /* a catalogue 标题:/名称: value, or DP_NONE */
	size_t cat_title_b, cat_title_e;
	size_t ntasks_with_units;
	size_t ntasks_bare;      /* of which units came from bare lists only */
	int first_lead_rule;     /* the document says 第一责任单位为牵头单位 */
};

#define DP_NONE ((size_t)-1)

/* A literal with its length, for tables scanned on every byte. */
struct dp_lit {
	const char *s;
	size_t n;
};
#define DP_LIT(x) { x, sizeof(x) - 1 }

/* The longest entry of tab[0..n) at s[i]: its index, or -1. */
static inline int tz_dp_lit_at(const struct dp_lit *tab, size_t n, const char *s,
			       size_t len, size_t i)
{
	int best = -1;
	size_t bn = 0;

	if (i >= len)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (tab[k].n > bn && len - i >= tab[k].n && s[i] == tab[k].s[0] &&
		    (tab[k].n < 2 || s[i + 1] == tab[k].s[1]) &&
		    (tab[k].n < 3 || s[i + 2] == tab[k].s[2]) &&
		    !memcmp(s + i, tab[k].s, tab[k].n)) {
			best = (int)k;
			bn = tab[k].n;
		}
	return best;
}

/* ---- doc.c ---- */

/*
 * Record a warning about norm bytes [b, e) of line `li`; `text` is taken
 * from the original span. `reading` and `detail` are copied (NULL ok).
 * Duplicates (same kind, line and text) are dropped.
 */
void tz_dp_warn(struct dp_ctx *c, const char *kind, size_t li, size_t b, size_t e,
		const char *reading, const char *detail);
/* The same with the text given (already a display string). */
void tz_dp_warn_text(struct dp_ctx *c, const char *kind, size_t li, size_t off,
		     const char *text, const char *reading, const char *detail);

/* ---- html.c ---- */

/* 1 if the start of the data looks like HTML. */
int tz_dp_is_html(const char *s, size_t len);

/*
 * Strip HTML `s` into text appended to `out`: block elements end lines,
 * script/style/head furniture is dropped, entities are decoded. For each
 * newline of the source, the offset in `out` at which it fell is appended
 * to *nl (tz_xrealloc'd; caller frees) so that warnings can name source
 * lines. Returns 0 or TZ_ETOOBIG.
 */
int tz_dp_html_strip(const char *s, size_t len, struct tz_buf *out,
		     size_t **nl, size_t *nnl);

/* ---- norm.c ---- */

/* Split c->text into c->lines and normalise each line. */
void tz_dp_lines(struct dp_ctx *c);

/* Original byte offset (within the line) of norm offset `off`. */
size_t tz_dp_orig_off(const struct dp_line *l, size_t off);

/* 1-based input line of norm offset `off` of line `li`. */
long tz_dp_srcline(const struct dp_ctx *c, size_t li, size_t off);

enum dp_dup_flags {
	DP_DUP_TRIM = 0,         /* trim both ends, collapse white space runs */
	DP_DUP_NOSPACE = 1 << 0, /* drop all white space ("吴 浩" -> "吴浩") */
	DP_DUP_NORM = 1 << 1,    /* take the normalised text, not the original */
};

/* An arena copy of norm bytes [b, e) of line `li` (see flags); NULL if
 * the result would be empty. */
const char *tz_dp_dup(struct dp_ctx *c, size_t li, size_t b, size_t e, int flags);

/* Fold one code point for matching: writes up to 8 code points to out and
 * returns how many (0 = dropped). */
int tz_dp_fold_cp(uint32_t cp, uint32_t out[8]);

/* ---- t2s.c ---- */

/* The simplified form of a traditional character, or cp itself. */
uint32_t tz_dp_t2s(uint32_t cp);

/* ---- small scanning helpers (norm.c) ---- */

/* Decode the code point at s[i] (valid UTF-8 assumed); *n = its length. */
uint32_t tz_dp_cp(const char *s, size_t len, size_t i, size_t *n);
/* Offset of the code point before i (0 if none). */
size_t tz_dp_prev(const char *s, size_t i);
/* 1 if s[i..] starts with the literal `lit` (inline, so that strlen of a
 * literal folds to a constant: the scanners call this on every byte). */
static inline int tz_dp_at(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n = strlen(lit);

	return i <= len && len - i >= n && !memcmp(s + i, lit, n);
}
/* First offset >= from where `lit` occurs before `to`, or DP_NONE. */
size_t tz_dp_find(const char *s, size_t from, size_t to, const char *lit);
/* Last offset in [from, to) where `lit` starts, or DP_NONE. */
size_t tz_dp_rfind(const char *s, size_t from, size_t to, const char *lit);
/* 1 for a CJK ideograph. */
int tz_dp_is_han(uint32_t cp);
/* White space as tz_text_trim sees it (after folding: ' ', '\t'). */
int tz_dp_is_space(uint32_t cp);
/* Skip spaces forward from i; returns the new offset. */
size_t tz_dp_skip_sp(const char *s, size_t len, size_t i);
/* Trim spaces (and optionally the characters in `punct`, UTF-8) from
 * both ends of [*b, *e). */
void tz_dp_trim(const char *s, size_t *b, size_t *e, const char *punct);
/* Value of a Chinese numeral 一..九十九 at s[i..]; 0 if none. *n = bytes. */
int tz_dp_cn_num(const char *s, size_t len, size_t i, size_t *n);
/* 1 if the code point ends an org name (局, 委员会, …) at [b, e). */
int tz_dp_is_org(const char *s, size_t b, size_t e);

/* ---- catalogue.c ---- */

/*
 * Length of `label` at s[i] written with spaces between its characters
 * ("索 引 号", "联 系 人"; none before the first), or 0.
 */
size_t tz_dp_label_at(const char *s, size_t len, size_t i, const char *label);
/* 1 if the normalised line s starts with a catalogue label (索引号,
 * 发布日期(…), 来源:, …). */
int tz_dp_catalogue_line(const char *s, size_t len);
/* Read the catalogue lines (run after classification): fields into the
 * document, a value on the line after its label marked DP_META too, a
 * 标题:/名称: value into c->cat_title_*. */
void tz_dp_catalogue(struct dp_ctx *c);

/* ---- noise.c ---- */

/* Classify every line: blank, noise, meta or content. */
void tz_dp_classify(struct dp_ctx *c);
/* 1 if the normalised line s is a site's section name alone on its line
 * ("政府信息公开", "建议提案"): noise, unless it is a catalogue value. */
int tz_dp_section_name(const char *s, size_t len);

/* ---- date.c ---- */

struct dp_date {
	int y, m, d;             /* 0 when not stated */
};

/*
 * Parse a well-formed date at s[i..]: 2022年2月16日, 2024年08月29日,
 * 2023-07-20, 2023/7/20, 2023.07.20, 二〇二二年二月十六日, or a year and
 * month only. Returns the offset after it, or 0 when there is none.
 */
size_t tz_dp_date_at(const char *s, size_t len, size_t i, struct dp_date *d);

/*
 * Parse a whole field or line [b, e) as a date, well-formed or compact
 * ("2023930", "20230930"). Returns 1 and *d, sets *garbled when the
 * digits had lost their separators (7 digits or fewer) and *ambiguous
 * when they can be read more than one way (then *d is not set).
 */
int tz_dp_date_field(const char *s, size_t b, size_t e, struct dp_date *d,
		     int *garbled, int *ambiguous);

/* Format "YYYY-MM-DD" or "YYYY-MM" or "--MM-DD" into the arena. */
const char *tz_dp_date_str(struct dp_ctx *c, const struct dp_date *d);

/* Warn about every garbled date in the content lines. */
void tz_dp_scan_dates(struct dp_ctx *c);

/* ---- num.c ---- */

/* An exact decimal: value = mant / 10^scale. */
struct dp_dec {
	int64_t mant;
	int scale;
};

struct dp_qty {
	size_t b, e;             /* the number and its unit (norm offsets) */
	size_t nb, ne;           /* the number alone */
	const char *unit;        /* normalised unit ("亿元", "%", …), or NULL */
	char value[32];          /* decimal string: digits, at most one '.' */
	struct dp_dec dec;
	int ok;                  /* 0 when the number is too long for dec */
};

/*
 * Parse a number (ASCII digits, thousands commas, one decimal point) at
 * s[i] and the unit right after it. Returns the offset after the whole
 * quantity, or 0 if s[i] does not start a number (a digit preceded by a
 * digit, a letter or '.' does not).
 */
size_t tz_dp_qty_at(const char *s, size_t len, size_t i, struct dp_qty *q);

/* The unit at s[i] (longest match), its end in *end; NULL if none. */
const char *tz_dp_unit_at(const char *s, size_t len, size_t i, size_t *end);

/* Unit classes. */
int tz_dp_unit_is_money(const char *unit);
int tz_dp_unit_is_count(const char *unit);
/* Money unit in units of 万元 as a power of ten: 亿元 4, 万元 0, 元 -4;
 * 99 if not money. */
int tz_dp_money_exp(const char *unit);

/* Compare a*10^ea with b*10^eb exactly: -1, 0, 1. */
int tz_dp_dec_cmp(struct dp_dec a, int ea, struct dp_dec b, int eb);
/* a + b (exact, same result scale = max); 0 on overflow. */
int tz_dp_dec_add(struct dp_dec a, struct dp_dec b, struct dp_dec *out);
/* Write a decimal as a string ("1555", "340.43"). */
void tz_dp_dec_fmt(struct dp_dec a, char buf[40]);

/* ---- spam.c ---- */

/* Find injected phrases, warn (injected_text) and record c->spam. */
void tz_dp_scan_spam(struct dp_ctx *c);
/* 1 if norm bytes [b, e) of line li overlap a spam span. */
int tz_dp_in_spam(const struct dp_ctx *c, size_t li, size_t b, size_t e);
/* End of the spam span starting exactly at b of line li, or 0. */
size_t tz_dp_spam_at(const struct dp_ctx *c, size_t li, size_t b);

/* ---- pii.c ---- */

/* Warn about private mobile numbers and ID numbers. */
void tz_dp_scan_pii(struct dp_ctx *c);

/* ---- layout.c ---- */

/* The header/body/signature split (run before tasks). */
void tz_dp_layout(struct dp_ctx *c);

/*
 * Length of a numbered-heading prefix at the start of s (一、 (一) 1. (1)),
 * that is where the heading's text starts; 0 if s is not a heading.
 */
size_t tz_dp_heading_prefix(const char *s, size_t len);
/* Code points in s[b, e). */
size_t tz_dp_ncp(const char *s, size_t b, size_t e);
/* Trimmed bounds of a line's normalised text. */
void tz_dp_line_bounds(const struct dp_line *l, size_t *b, size_t *e);
/* A whole line that is a date (see tz_dp_date_field): 1 and *d. */
int tz_dp_date_line(const struct dp_line *l, struct dp_date *d, int *garbled, int *amb);
/* "ORG    2023年7月5日": the offset where a trailing date starts, or 0. */
size_t tz_dp_trailing_date(const struct dp_line *l, struct dp_date *d);
/* A short line naming an org (a signature line). */
int tz_dp_org_line(const struct dp_line *l);
/* A line that starts with a contact label (承办人, 联系电话, 抄送, …). */
int tz_dp_contact_line(const struct dp_line *l);

/* 1 if lit occurs in s[b, e). */
static inline int tz_dp_has(const char *s, size_t b, size_t e, const char *lit)
{
	return tz_dp_find(s, b, e, lit) != DP_NONE;
}

/* 1 if s[b, e) ends with lit. */
static inline int tz_dp_ends(const char *s, size_t b, size_t e, const char *lit)
{
	size_t n = strlen(lit);

	return e - b >= n && !memcmp(s + e - n, lit, n);
}

/* ---- meta.c ---- */

/* The title (and a 文号 heading it): run before the figures. */
void tz_dp_title(struct dp_ctx *c);
/* Kind, issuer, dates; for replies calls tz_dp_reply. Needs the task
 * stage's ntasks_with_units and the figures for the kind. */
void tz_dp_meta(struct dp_ctx *c);
/* 1 if [b, e) holds a word titles hold (关于, 通知, 方案, 通报, …). */
int tz_dp_has_title_word(const char *s, size_t b, size_t e);
/* 1 if [b, e) ends like a title (…方案, …通知, …分解表, "(征求意见稿)"
 * after it allowed). */
int tz_dp_title_final(const char *s, size_t b, size_t e);
/* A 文号 (PREFIX〔YYYY〕N号) starting at s[b]: its end, or 0. */
size_t tz_dp_docno_at(const char *s, size_t len, size_t b);
/* An arena copy of norm [b, e) of line li as written, injected text left
 * out; with `guanyu`, 关于 put back where spam starts the text. */
const char *tz_dp_dup_clean(struct dp_ctx *c, size_t li, size_t b, size_t e, int guanyu);

/* ---- reply.c ---- */

/* The proposal and reply fields of a proposal_reply. */
void tz_dp_reply(struct dp_ctx *c);

/* ---- units.c ---- */

/*
 * The units a specification gives ("牵头单位:X;责任单位:A、B;完成时限:…").
 * Lists are tz_xrealloc'd (tz_dp_units_release frees them); names and the
 * deadline are arena strings.
 */
struct dp_units {
	const char **lead;
	size_t nlead, lead_alloc;
	const char **resp;
	size_t nresp, resp_alloc;
	const char *deadline;    /* normalised (tz_dp_deadline), or NULL */
	int rule;                /* 第一责任单位为牵头单位 said in it */
	int rule_below;          /* … with 下同: for the rest of the document */
	int same_below;          /* 下同: these units hold for what follows */
	int bare;                /* every name came from a bare list, no
				    label or mark: "(市发改委、市财政局)" */
	int open_role;           /* the list of the last label ran to the
				    end of the specification (1 lead, 2
				    responsible, 0 none): names on the lines
				    after may continue it */
};

/* The unit or deadline label at s[i]: 1 lead, 2 responsible, 3 deadline
 * (with a colon after it), 4 a person's (牵头领导:, 责任人:, whose value
 * names no unit), 0 none; *n its length. */
int tz_dp_unit_label_at(const char *s, size_t len, size_t i, size_t *n);
/* Read the specification [b, e) of line li into u. Returns 1 if it was
 * one (a label, or "X牵头,Y配合"). */
int tz_dp_unit_spec(struct dp_ctx *c, size_t li, size_t b, size_t e, struct dp_units *u);
/* 1 if [b, e) holds unit names and nothing else ("县林业局",
 * "县商务局、各乡镇人民政府", a trailing 、 or 。 allowed). */
int tz_dp_units_only(const char *s, size_t b, size_t e);
/* Add the names of [b, e) of line li to u's lead (role 1) or responsible
 * (role 2) list: a list continued on a line of its own. The rule
 * 第一责任单位为牵头单位 applies as in tz_dp_unit_spec. */
void tz_dp_units_more(struct dp_ctx *c, size_t li, size_t b, size_t e, int role,
		      struct dp_units *u);
/* A table cell of unit names, for the lead (lead != 0) or responsible
 * list. */
void tz_dp_units_cell(struct dp_ctx *c, size_t li, size_t b, size_t e, int lead,
		      struct dp_units *u);
/* 1 if [b, e) reads as a deadline (2025年底前完成, 长期坚持, 每季度). */
int tz_dp_deadline_like(const char *s, size_t b, size_t e);
/* 1 if [b, e) starts with a unit name (a list of units). */
int tz_dp_units_like(const char *s, size_t b, size_t e);
/* A deadline [b, e) of line li, normalised: "2025-09-30", "2026-06",
 * "2025-12", or the text as written; arena string, NULL if empty. */
const char *tz_dp_deadline(struct dp_ctx *c, size_t li, size_t b, size_t e);
/* 1 if [b, e) says 第一责任单位为牵头单位 (or the like). */
int tz_dp_first_lead_rule(const char *s, size_t b, size_t e);
/* Brackets a specification may use: 〔〕 () 【】 [] ﹝﹞. */
int tz_dp_bracket_open(const char *s, size_t len, size_t i, size_t *n);
int tz_dp_bracket_close(const char *s, size_t len, size_t i, size_t *n);
void tz_dp_units_push(struct dp_units *u, int lead, const char *name);
/* Move from's names into to (no duplicates); from is released. */
void tz_dp_units_merge(struct dp_units *to, struct dp_units *from);
/* Copy from's names and deadline into to. */
void tz_dp_units_copy(struct dp_units *to, const struct dp_units *from);
void tz_dp_units_release(struct dp_units *u);

/* ---- table.c ---- */

struct dp_cell {
	size_t li, b, e;         /* norm span of line li; li == DP_NONE: empty */
};

/* One row of a table of tasks, its cells by column. */
struct dp_row {
	struct dp_cell serial, task, detail, deadline;
	struct dp_cell lead[2], resp[3];
	size_t line;             /* the row's first line */
};

/* The header of the table of tasks being read (zeroed: none yet). */
struct dp_table {
	unsigned char cols[12];
	size_t ncols;
	int flat;                /* one cell per line */
	int next;                /* the next serial number of a flat table */
};

/*
 * If a table of tasks starts at line li (its header row), or the rows of
 * table t go on there after a section row, read the rows into *rows
 * (tz_xrealloc'd; caller frees) and return the first line after them;
 * t keeps the header. Otherwise return li with *nrows 0. Reads no further
 * than `end`.
 */
size_t tz_dp_task_table(const struct dp_ctx *c, size_t li, size_t end, struct dp_table *t,
			struct dp_row **rows, size_t *nrows);

/*
 * How many of the org lines [first, last] that seem to sign the document
 * are cells of the last row of a table flattened to one cell per line
 * (a row missing its last cells: "3" / task / measures / then the lead
 * and responsible units, each alone on its line, right above the
 * signature). At most last - first (the line nearest the date stays the
 * signature's); 0 when no such table row ends at first.
 */
size_t tz_dp_flat_row_tail(const struct dp_ctx *c, size_t first, size_t last);

/* ---- tasks.c ---- */

/* Build the section tree and collect the tasks into c->doc. */
void tz_dp_tasks(struct dp_ctx *c);
/* Drop the tasks again (a document that is not a work plan). */
void tz_dp_tasks_drop(struct dp_ctx *c);

/* ---- figures.c ---- */

/* What the checks need of a figure, parallel to doc->figures. */
struct dp_fig {
	size_t li;               /* line index */
	size_t mb;               /* where its text (the measure word) starts */
	size_t qb, e;            /* its number's start, its end (norm) */
	struct dp_dec dec;       /* the value, when ok */
	int ok;
};

/* The figures of the text (every document: the checks and the kind use
 * them; tz_dp_figures_drop removes them from a document that is not a
 * bulletin). */
void tz_dp_figures(struct dp_ctx *c);
/* 1 if the figures are those of a bulletin: an investment and a progress
 * figure (a rate or a count of projects), three figures or more. */
int tz_dp_figures_say_bulletin(const struct dp_ctx *c);
void tz_dp_figures_drop(struct dp_ctx *c);

/* ---- checks.c ---- */

/* Sums ("X个,其中A个、B个") and rates ("完成N…计划M…完成率R%"). */
void tz_dp_checks(struct dp_ctx *c);
/* A word other than 其中 that opens a breakdown at s[i]: "分别为" right
 * after "WHOLE," ("全市重点项目120个,分别为…"), or "从项目类别看" /
 * "分领域看" opening a sentence. Its length (up to the list), or 0. */
size_t tz_dp_breakdown_at(const char *s, size_t len, size_t i);

#endif
