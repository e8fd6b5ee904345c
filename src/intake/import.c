/*
 * import.c: spreadsheet rows to validated records to the store, in one
 * transaction per file.
 *
 * Two threads share the work: a reading thread parses the file and
 * converts and validates each row with the core, handing chunks of
 * records (or reasons for rejecting them) through a small bounded queue;
 * the calling thread writes them to the store, which is never touched by
 * the reader. Reading and writing then overlap, and memory stays at a few
 * chunks whatever the file's size.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/hmap.h"
#include "base/json.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/org.h"
#include "intake/header.h"
#include "intake/numfmt.h"
#include "intake/import.h"
#include "intake/plausible.h"
#include "intake/reader.h"
#include "intake/rowmark.h"
#include "intake/rowplain.h"
#include "intake/scope.h"
#include "base/banned.h"

#define MAX_FIELDS TZ_HEADER_FIELDS_MAX
#define NO_CODE "-"  /* a project of a list without codes, until identified */
#define CODE_FIELD 0 /* the 项目编号 of ledgers and reports alike */
_Static_assert(TZ_PF_CODE == CODE_FIELD && TZ_RF_CODE == CODE_FIELD, "the code comes first");

/* Where each field of the record sits in the file's rows (header.h), and
 * the year of ledger rows whose 年度 cell is empty or absent. */
struct colmap {
	struct tz_header h;
	const struct tz_column *cols;
	size_t nfields;
	const int *idx;
	const int *unit_exp;
	int year;
	/* A CSV or text file: a record's fields are where its delimiters put
	 * them, and an unquoted comma in an amount (12,000) moves them. */
	int text_file;
	/* The workbook counts date serials from 1904 (tz_reader_date1904). */
	int date1904;
	/* Cells are text as a program showed it (CSV, text, an HTML table):
	 * never typed as text by the clerk. */
	int shown_text;
	/* Some money field the file has is under a header stating no unit
	 * (cols[f].money, idx[f] >= 0, !h.unit_stated[f]): only then has a
	 * row's money cell its own unit or the yuan's sign to look at (the
	 * per-row loops of convert and yuan_shown). Set once the units are
	 * known, before the first data row. */
	int money_bare;
};

/*
 * Whether cell i of a sheet row is the copy of a range merged across from
 * the cell on its left (the range's text filled into every cell it
 * covers, rowbuf.c): the left cell is in a range merged across and holds
 * the same text. Such a cell shows nothing of its own: the merged text
 * belongs to the range's first column only (audit 9, W18: a name merged
 * over the empty 所属地区 cell is no region). A range merged down only,
 * or the first column of one merged down and across, is no such copy.
 */
static int across_copy(const struct tz_row *row, int i)
{
	const unsigned char want = TZ_READ_MERGED | TZ_READ_MERGE_ACROSS;

	return i > 0 && (size_t)i < row->ncells &&
	       (row->flags[i] & (want | TZ_READ_MERGE_COPY)) == (want | TZ_READ_MERGE_COPY) &&
	       (row->flags[i - 1] & want) == want && row->lens[i] == row->lens[i - 1] &&
	       !memcmp(row->cells[i], row->cells[i - 1], row->lens[i]);
}

/* One row's cells, trimmed and NUL-terminated, by field. */
/* row_text.bad_kind beside the reader's kinds: a period written as a
 * number that could be two months. */
#define BAD_PERIOD_NUMBER 0xFF
/* The same written as text in a CSV or HTML file, as Excel saved it. */
#define BAD_PERIOD_TEXT 0xFE
/* An amount or a date whose cell has a superscript, subscript or struck
 * run (TZ_READ_MARKED): a footnote mark or deleted text would run into
 * the digits (12.5 + ¹ read 12.51). Audit 8. */
#define BAD_MARKED 0xFC

/*
 * Whether a number as shown (`s`, `len` bytes) is a year and month that
 * could be January or October: "2025.1" is what Excel's General format
 * shows for 2025.10 typed as a number (the trailing zero is not kept),
 * and what someone typing 2025.1 for January sees. Other months are
 * not ambiguous (2025.2 cannot be 2025.20). Audit 2026-11-30.
 */
static int period_ambiguous(const char *s, size_t len)
{
	tz_text_trim(&s, &len);
	return len == 6 && s[4] == '.' && s[5] == '1' && s[0] >= '1' && s[0] <= '2' &&
	       s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

/* row_text.bad_kind: a 项目编号 Excel kept as a number, its digits lost. */
#define BAD_CODE_NUMBER 0xFD

/*
 * Whether a 项目编号 cell (`s`, `len` bytes: the stored number as General
 * shows it when `number`, else the text) is a code Excel took for a
 * number and cut: a number keeps 15 significant digits, so a number cell
 * with more than 15 digits before the point (20202108004801012345
 * stored as 20202108004801000000), or in exponent form, no longer holds
 * the code typed; and a text cell in Excel's exponent form
 * ("2.02021E+19") is what 另存为CSV writes for such a cell. Two projects
 * whose codes share their first 15 digits would become one. Audit 8
 * (2026-11-30), finding 5.
 */
static int code_lost(const char *s, size_t len, int number)
{
	size_t i = 0, digits = 0, j;

	tz_text_trim(&s, &len);
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (number && digits > 15)
		return 1;
	if (!digits)
		return 0;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			;
	if (i >= len || (s[i] != 'E' && s[i] != 'e'))
		return 0;
	j = i + 1;
	if (j < len && (s[j] == '+' || s[j] == '-'))
		j++;
	else if (!number)
		return 0;  /* Excel always writes the sign: 12E3 may be a code */
	if (j == len)
		return 0;
	for (; j < len; j++)
		if (s[j] < '0' || s[j] > '9')
			return 0;
	return 1;
}

struct row_text {
	struct tz_buf scratch;
	/* NUL-terminated: in scratch, or borrowed from the row (take_cells),
	 * valid until the reader's next row either way. */
	const char *v[MAX_FIELDS];
	size_t len[MAX_FIELDS];
	int invisible;   /* cells of the row that held zero-width characters */
	struct tz_buf code;  /* the 项目编号 folded (tz_project_code_fold), when it was */
	int folded;      /* the 项目编号 was written with full-width characters */
	char leader2[TZ_TEXT_NAME2_MAX];  /* a padded 包联领导 unpadded ("王 强": 王强) */
	unsigned codefix; /* CODE_* of code_tidy: what else was folded in the 项目编号 */
	/* National codes (tz_project_natcode): the 项目编号 under a 项目代码
	 * header read as one, and the 项目代码 column beside a 项目编号
	 * (natcode_col), both into fixed arrays; what was read otherwise
	 * than written (natread), and a cell refused (natbad: TZ_NATCODE_TWO
	 * or _SHAPE, natbad_text the cell, natbad_col its header). */
	char natfix[TZ_NATCODE_LEN + 1];
	char natcol[TZ_NATCODE_LEN + 1];
	struct tz_buf nat;
	const char *natcode;
	int natread;
	int natbad;
	const char *natbad_text;
	const char *natbad_col;
	int nul_field;   /* a field whose cell holds a NUL byte, or -1 */
	int year_off;    /* the 年度 cell's year, disagreeing with --year; else 0 */
	int rounded;     /* money cells rounded to 0.01 万元 */
	int marks;       /* optional money cells holding "—", "/": read as empty */
	/* The 项目代码 cell held a word for none (tz_text_none_word: 无,
	 * 待赋码), read as empty; the list's spelling, or NULL. */
	const char *code_none;
	int bad_field;   /* a field whose cell is an error or a formula without a value, or -1 */
	unsigned char bad_kind;
	int merged_field; /* a money field whose amount is merged down over several rows, or -1 */
	long merged_from; /* the sheet row where that merged range starts */
	/* A required or money field whose cell is the copy of a range merged
	 * across from the left (across_copy), or -1; the range's text,
	 * borrowed from the row. */
	int across_field;
	const char *across_text;
	size_t across_len;
	long merge_top[MAX_FIELDS]; /* per field: the row the last range merged down starts */
	/* One project written over several rows, its 项目编号 (or name) and
	 * amounts merged down over the same rows (merged_project): the row
	 * that range starts (0: none), whether this row only continues it,
	 * and the row a range of its amounts went past the project's. */
	long group_top;
	int group_cont;
	long group_bad;
	struct tz_cell_units units; /* money cells with and without a unit (tz_header_cell_unit) */
};

/*
 * A required money cell whose format shows its zero as a dash or nothing
 * (会计专用 shows "-"): the number is there, and a dash in such a column
 * is how the sheet writes zero, so the zero is read. In an optional cell
 * the dash is read as shown (no value, as a dash typed there).
 */
static int shown_zero_required(const struct tz_row *row, const struct colmap *m, size_t f,
			       int i)
{
	return m->cols[f].required && (row->flags[i] & TZ_READ_SHOWN) &&
	       !(row->flags[i] & TZ_READ_SCALED) && !strcmp(row->values[i], "0") &&
	       (!row->lens[i] || tz_money_is_blank_mark(row->cells[i], row->lens[i]));
}

/*
 * Whether field f (cell i, in the row) is read from the cell's stored value
 * (values[i]) rather than its text (cells[i]). A money cell holding a number is read
 * from its stored value (the number), not from what its format shows
 * ("¥12,345.67", 12346 for 12345.67), unless the format scales it (0!.0,
 * shows thousands): then the sheet means the number it shows, in the
 * column's unit; or shows no number (a time "12:00", a dash for zero):
 * then the sheet means what it shows, which the money reader refuses
 * (a time) or reads as empty (a dash in an optional cell; a required one
 * reads its zero, shown_zero_required). Everything else is read as the
 * sheet shows it, so that 2025.10 in a 0.00 cell stays the period 2025-10.
 */
static int reads_value(const struct tz_row *row, const struct colmap *m, size_t f, int i)
{
	return m->cols[f].money && row->kinds[i] == TZ_READ_NUMBER &&
	       (!(row->flags[i] & (TZ_READ_SCALED | TZ_READ_SHOWN)) ||
		shown_zero_required(row, m, f, i));
}

static int row_is_blank(const struct tz_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (!tz_text_is_blank(row->cells[i], row->lens[i]))
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

/*
 * What take_cells looks for in a cell's bytes, in one pass: a byte that
 * starts an invisible character (U+00AD, U+180E, U+200B.., U+3164,
 * U+FEFF start with 0xC2, 0xE1, 0xE2, 0xE3 or 0xEF), and NUL.
 */
enum { CELL_INVISIBLE = 1, CELL_NUL = 2 };

static const unsigned char cell_bytes[256] = {
	[0x00] = CELL_NUL,
	[0xC2] = CELL_INVISIBLE,
	[0xE1] = CELL_INVISIBLE,
	[0xE2] = CELL_INVISIBLE,
	[0xE3] = CELL_INVISIBLE,
	[0xEF] = CELL_INVISIBLE,
};

/* cell_bytes of eight bytes. Eight bytes of ASCII (codes, dates,
 * amounts) in one test: of the bytes looked for only NUL is ASCII, and
 * (w - ones) & ~w & top finds a zero byte. */
static inline unsigned scan_word(const unsigned char *u)
{
	const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
	uint64_t w;

	memcpy(&w, u, 8);
	if (w & top)
		return (cell_bytes[u[0]] | cell_bytes[u[1]] | cell_bytes[u[2]] | cell_bytes[u[3]]) |
		       (cell_bytes[u[4]] | cell_bytes[u[5]] | cell_bytes[u[6]] | cell_bytes[u[7]]);
	return (w - ones) & ~w & top ? CELL_NUL : 0;
}

static unsigned cell_scan(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned a = 0, b = 0;
	size_t i = 0;

	if (len >= 8) {
		for (; i + 8 <= len; i += 8)
			a |= scan_word(u + i);
		/* The tail as the last eight bytes, some seen already: the
		 * flags are only or-ed. */
		if (i < len)
			a |= scan_word(u + len - 8);
		return a;
	}
	/* Four bytes a turn, in two chains: half the loop's own work. */
	for (; i + 4 <= len; i += 4) {
		a |= cell_bytes[u[i]] | cell_bytes[u[i + 1]];
		b |= cell_bytes[u[i + 2]] | cell_bytes[u[i + 3]];
	}
	for (; i < len; i++)
		a |= cell_bytes[u[i]];
	return a | b;
}

/*
 * Whether a 项目编号 (`n` bytes at `s`) is all ASCII without a lower-case
 * letter, as nearly every code is (P20230000001): then neither the
 * full-width fold nor code_tidy's upper-casing has anything to do, and
 * one pass of eight bytes a step says so. For a byte x < 0x80, x + 0x1F
 * has its top bit set from 'a' on and x + 0x05 from past 'z' on; a byte
 * of 0x80 or more makes the code not plain whatever the sums carry.
 */
static int code_plain(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, top = 0x8080808080808080ULL;
	uint64_t bad = 0, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		bad |= (w | ((w + 0x1F * ones) & ~(w + 0x05 * ones))) & top;
	}
	if (i < n && n >= 8) {
		/* The last eight bytes, some of them tested already. */
		memcpy(&w, s + n - 8, 8);
		bad |= (w | ((w + 0x1F * ones) & ~(w + 0x05 * ones))) & top;
		i = n;
	}
	for (; i < n; i++)
		bad |= (unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z');
	return !bad;
}

/* What code_tidy folded, for the summary. */
#define CODE_CASE 1u    /* lower-case ASCII letters: p1 is P1 */
#define CODE_FLOAT 2u   /* a float tail: 2025001.0 is 2025001 */
#define CODE_APOS 4u    /* Excel's text prefix: '001234 is 001234 */

/*
 * Fold what spreadsheets and exports add to a 项目编号 (audit 8, audit 9
 * W12), in place in t's copy of the cell: a leading apostrophe (Excel's
 * text prefix, written into CSV by some web systems), a trailing .0 or
 * .00 on an all-digit code (a number cell read by pandas or WPS, or a
 * CSV→xlsx round trip: never part of a code), and lower-case ASCII
 * letters (p1 beside P1 is the same project written two ways; codes are
 * upper case; none to look for when `plain`, code_plain's answer).
 * Returns the CODE_* bits of what changed. No allocation:
 * the code is only shortened or rewritten where it lies (t->scratch or
 * t->code, both owned by t).
 */
static unsigned code_tidy(struct row_text *t, int plain)
{
	char *c = (char *)t->v[CODE_FIELD];
	size_t n = t->len[CODE_FIELD], digits = 0;
	unsigned fix = 0;

	if (n >= 2 && c[0] == '\'') {
		c++;
		n--;
		fix |= CODE_APOS;
	}
	while (digits < n && c[digits] >= '0' && c[digits] <= '9')
		digits++;
	if (digits && (n - digits == 2 || n - digits == 3) && c[digits] == '.' &&
	    c[digits + 1] == '0' && (n - digits == 2 || c[digits + 2] == '0')) {
		n = digits;
		fix |= CODE_FLOAT;
	}
	for (size_t i = plain ? n : digits; i < n; i++)
		if (c[i] >= 'a' && c[i] <= 'z') {
			c[i] = (char)(c[i] - 'a' + 'A');
			fix |= CODE_CASE;
		}
	if (fix & (CODE_APOS | CODE_FLOAT))
		c[n] = '\0';
	t->v[CODE_FIELD] = c;
	t->len[CODE_FIELD] = n;
	return fix;
}

/*
 * The national 项目代码 of a ledger row (audit 9, W13, W14): under a 项目代码
 * header the 项目编号 itself, and the 项目代码 column beside a 项目编号.
 * A cell holding one code written otherwise (`…（备案）`, `项目代码：…`,
 * 20 digits, `/ . _` separators) is read as that code and counted
 * (t->natread); two codes, or 16 digits and more of no code's shape, are
 * refused (t->natbad). In the second column a cell without digits (暂无,
 * —) is no code, and one with digits but no code is refused: it would be
 * stored as a key. Costs a byte loop per row, only in such files.
 */
static void natcode_cells(const struct tz_row *row, const struct colmap *m, struct row_text *t)
{
	enum tz_natcode k;

	t->natcode = "";
	t->natread = 0;
	t->natbad = 0;
	if ((m->h.code_national || m->h.rf_code_national) && t->len[CODE_FIELD] && t->nul_field != CODE_FIELD) {
		k = tz_project_natcode(t->v[CODE_FIELD], t->len[CODE_FIELD], t->natfix);
		if (k == TZ_NATCODE_READ) {
			t->v[CODE_FIELD] = t->natfix;
			t->len[CODE_FIELD] = TZ_NATCODE_LEN;
			t->natread = 1;
			t->folded = 0;  /* 项目代码：… is no full-width code */
			t->codefix = 0;
		} else if (k == TZ_NATCODE_TWO ||
			   (k == TZ_NATCODE_SHAPE && tz_project_code_valid(t->v[CODE_FIELD],
									   t->len[CODE_FIELD]))) {
			/* A space or line break inside: the code check says so. */
			t->natbad = k;
			t->natbad_text = t->v[CODE_FIELD];
			t->natbad_col = "项目代码";
		}
	}
	if (m->h.natcode_col) {
		int i = m->h.natcode_col - 1;
		int has_digit = 0;

		if ((size_t)i >= row->ncells || !row->lens[i] ||
		    tz_project_code_fold(row->cells[i], row->lens[i], &t->nat, NULL) || !t->nat.len)
			return;
		k = tz_project_natcode(t->nat.buf, t->nat.len, t->natcol);
		for (size_t j = 0; j < t->nat.len && !has_digit; j++)
			has_digit = t->nat.buf[j] >= '0' && t->nat.buf[j] <= '9';
		if (k == TZ_NATCODE_EXACT || k == TZ_NATCODE_READ) {
			t->natcode = t->natcol;
			t->natread += k == TZ_NATCODE_READ;
		} else if (!t->natbad && (k != TZ_NATCODE_NONE || has_digit)) {
			t->natbad = k == TZ_NATCODE_NONE ? TZ_NATCODE_SHAPE : k;
			/* Refused: shown on one line. */
			for (size_t j = 0; j < t->nat.len; j++)
				if ((unsigned char)t->nat.buf[j] < ' ')
					t->nat.buf[j] = ' ';
			t->natbad_text = t->nat.buf;
			t->natbad_col = "项目代码";
		}
	}
}

/*
 * Audit 9, R11: one project written over several sheet rows, its code
 * (or, without codes, its name) merged down over them and each amount
 * merged down over the same rows (a long name wrapped by merging). The
 * first row is the project, its amounts its own: merged_field cleared.
 * A row whose every cell is a copy of those ranges only continues it
 * (group_cont). An amount merged from the project's first row into a
 * row that is not the project's, or a continuing row with a value of
 * its own, leaves the amount's project unknown: group_bad (the file is
 * refused). Ranges merged over rows of different projects, the codes
 * not merged, stay merged_field's refusal.
 */
static void merged_project(const struct tz_row *row, const struct colmap *m, struct row_text *t)
{
	int key = m->idx[CODE_FIELD] >= 0 ? CODE_FIELD : TZ_PF_NAME, ki = m->idx[key];
	unsigned char kf;

	t->group_cont = 0;
	if (m->h.progress || ki < 0)
		return;
	kf = (size_t)ki < row->ncells ? row->flags[ki] : 0;
	if (t->group_top && (!(kf & TZ_READ_MERGE_DOWN) || !(kf & TZ_READ_MERGE_COPY))) {
		/* The project's rows ended: no amount of its goes on. */
		for (size_t f = 0; f < m->nfields; f++) {
			int i = m->idx[f];

			if (m->cols[f].money && i >= 0 && (size_t)i < row->ncells &&
			    (row->flags[i] & TZ_READ_MERGE_COPY) && (row->flags[i] & TZ_READ_MERGE_DOWN) &&
			    t->merge_top[f] == t->group_top)
				t->group_bad = t->group_top;
		}
		t->group_top = 0;
	}
	if (!(kf & TZ_READ_MERGE_DOWN))
		return;
	if (!(kf & TZ_READ_MERGE_COPY)) {
		/* The first row: every amount merged down starts here too. */
		for (size_t f = 0; f < m->nfields; f++) {
			int i = m->idx[f];

			if (m->cols[f].money && i >= 0 && (size_t)i < row->ncells &&
			    (row->flags[i] & TZ_READ_MERGE_DOWN) && (row->flags[i] & TZ_READ_MERGE_COPY))
				return;
		}
		t->group_top = row->line;
		t->merged_field = -1;
		return;
	}
	if (!t->group_top)
		return;
	/* A following row: nothing of its own, amounts from the first row. */
	for (size_t f = 0; f < m->nfields; f++) {
		int i = m->idx[f];

		if (i < 0 || (size_t)i >= row->ncells || !row->lens[i])
			continue;
		if (!(row->flags[i] & TZ_READ_MERGE_COPY) ||
		    (m->cols[f].money && t->merge_top[f] != t->group_top)) {
			t->group_bad = t->group_top;
			return;
		}
	}
	t->group_cont = 1;
}

static void take_cells(const struct tz_row *row, const struct colmap *m, struct row_text *t)
{
	const char *src[MAX_FIELDS];
	size_t srclen[MAX_FIELDS];
	size_t need = m->nfields, period_f = m->h.progress ? TZ_RF_PERIOD : TZ_PF_START;
	int plain;

	tz_buf_reset(&t->scratch);
	t->invisible = 0;
	t->nul_field = -1;
	t->year_off = 0;
	t->rounded = 0;
	t->marks = 0;
	t->code_none = NULL;
	t->bad_field = -1;
	t->merged_field = -1;
	t->across_field = -1;
	/* Per field, the flag and kind of its cell are loaded once and the
	 * rare cases (merged, marked, error cells; the code's and the
	 * period's tests) are each one test away: this loop runs on every
	 * field of every row. The tests and their order are those of
	 * reads_value and the checks that followed it. */
	for (size_t f = 0; f < m->nfields; f++) {
		int i = m->idx[f];
		unsigned char fl, k;

		if (i < 0 || (size_t)i >= row->ncells) {
			src[f] = "";
			srclen[f] = 0;
			continue;
		}
		fl = row->flags[i];
		k = row->kinds[i];
		if (reads_value(row, m, f, i)) {
			src[f] = row->values[i];
			srclen[f] = strlen(src[f]);
		} else {
			src[f] = row->cells[i];
			srclen[f] = row->lens[i];
		}
		if ((fl & TZ_READ_MERGE_ACROSS) && i > 0 && across_copy(row, i)) {
			if (t->across_field < 0 && row->lens[i] && (m->cols[f].required || m->cols[f].money)) {
				t->across_field = (int)f;
				t->across_text = row->cells[i];
				t->across_len = row->lens[i];
			}
			src[f] = "";
			srclen[f] = 0;
			continue;
		}
		need += srclen[f];
		/* An amount merged down over several rows is the group's, not
		 * each row's (ledger.md, "What real sheets hold"): read into
		 * every row it would be counted once per row. */
		if ((fl & TZ_READ_MERGE_DOWN) && m->cols[f].money) {
			if (!(fl & TZ_READ_MERGE_COPY))
				t->merge_top[f] = row->line;
			if (t->merged_field < 0 && k != TZ_READ_EMPTY) {
				t->merged_field = (int)f;
				t->merged_from = t->merge_top[f] ? t->merge_top[f] : row->line;
			}
		}
		if (t->bad_field >= 0)
			continue;
		if (k == TZ_READ_ERROR || k == TZ_READ_NO_VALUE) {
			t->bad_field = (int)f;
			t->bad_kind = k;
		} else if (f == CODE_FIELD &&
			   code_lost(k == TZ_READ_NUMBER ? row->values[i] : src[f],
				     k == TZ_READ_NUMBER ? strlen(row->values[i]) : srclen[f],
				     k == TZ_READ_NUMBER)) {
			t->bad_field = (int)f;
			t->bad_kind = BAD_CODE_NUMBER;
		} else if (f == period_f &&
			   (k == TZ_READ_NUMBER || (m->shown_text && k == TZ_READ_TEXT)) &&
			   period_ambiguous(src[f], srclen[f])) {
			/* A CSV or HTML cell is what a program showed: Excel's
			 * 另存为CSV writes 2025.10 in General as 2025.1 (audit 8,
			 * finding 12). A workbook's text cell was typed as
			 * text: as written. */
			t->bad_field = (int)f;
			t->bad_kind = k == TZ_READ_NUMBER ? BAD_PERIOD_NUMBER : BAD_PERIOD_TEXT;
		} else if ((fl & TZ_READ_MARKED) &&
			   (m->cols[f].money || f == period_f || (!m->h.progress && f == TZ_PF_YEAR))) {
			t->bad_field = (int)f;
			t->bad_kind = BAD_MARKED;
		}
	}
	/* One allocation up front, so the pointers below stay put. The
	 * reader already capped the record at TZ_LIMIT_RECORD. */
	t->scratch.max = need + 1;
	tz_buf_grow(&t->scratch, need);
	for (size_t f = 0; f < m->nfields; f++) {
		char *at = t->scratch.buf + t->scratch.len;
		const char *s = src[f], *end = src[f] + srclen[f];
		size_t len = srclen[f], removed;
		unsigned seen;

		/* An empty cell or a field the file lacks: nothing to look
		 * for, trim or copy (code_tidy writes nothing into an empty
		 * code). */
		if (!len) {
			t->v[f] = "";
			t->len[f] = 0;
			continue;
		}
		/* Most cells hold none of the bytes looked for: one pass
		 * over the cell says so, before any work. */
		seen = cell_scan(s, len);

		/* Invisible characters (tz_text_strip_invisible) are removed
		 * and counted before trimming, which would take U+200B and
		 * U+FEFF at a cell's ends in silence. */
		if (seen & CELL_INVISIBLE) {
			memcpy(at, s, len);
			len = tz_text_strip_invisible(at, len, &removed);
			t->invisible += removed > 0;
			s = at;
		}
		tz_text_trim(&s, &len);
		/* Our CSV export defuses text Excel would run as a formula
		 * with a leading apostrophe: take it off. */
		if (len >= 2 && s[0] == '\'' && strchr("=+-@", s[1])) {
			s++;
			len--;
		}
		/* A cell that trimming left ending at its NUL is kept where
		 * the reader has it (borrowed until the next row, after the
		 * item's strings are copied into its chunk): most cells are,
		 * and the copy was a tenth of this function. The 项目编号 is
		 * always copied: code_tidy rewrites it in place. */
		if (s + len == end && !*end && f != CODE_FIELD) {
			t->v[f] = s;
		} else {
			t->v[f] = at;
			memmove(at, s, len);
			at[len] = '\0';
			t->scratch.len += len + 1;
		}
		/* What is kept is part of the cell: only a cell with a NUL
		 * can keep one. */
		if ((seen & CELL_NUL) && t->nul_field < 0 && memchr(t->v[f], '\0', len))
			t->nul_field = (int)f;
		t->len[f] = len;
	}
	/* The 项目编号 as the store knows codes (tz_project_code_fold): Ｐ１
	 * is P1, in ledgers and reports alike. Codes are ASCII but for the
	 * rare one: fold only then. */
	t->folded = 0;
	plain = t->nul_field != CODE_FIELD && code_plain(t->v[CODE_FIELD], t->len[CODE_FIELD]);
	for (size_t i = 0; !plain && i < t->len[CODE_FIELD] && t->nul_field != CODE_FIELD; i++) {
		int how;

		if ((unsigned char)t->v[CODE_FIELD][i] < 0x80)
			continue;
		if (!tz_project_code_fold(t->v[CODE_FIELD], t->len[CODE_FIELD], &t->code, &how) &&
		    (how & (TZ_CODE_FOLDED | TZ_CODE_INVISIBLE))) {
			t->v[CODE_FIELD] = t->code.buf;
			t->len[CODE_FIELD] = t->code.len;
			t->folded = (how & TZ_CODE_FOLDED) != 0;
			/* A line separator inside the code: invisible there. */
			t->invisible += (how & TZ_CODE_INVISIBLE) != 0;
		}
		break;
	}
	t->codefix = t->nul_field == CODE_FIELD ? 0 : code_tidy(t, plain);
	natcode_cells(row, m, t);
}

/* Turn a parser's reason into one naming the column and the value. */
static int bad_value(struct tz_err *err, const struct tz_column *col, const char *v, size_t len)
{
	char reason[sizeof(err->msg)];

	if (!len)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "%s为空", col->header);
	memcpy(reason, err->msg, sizeof(reason));
	return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "%s“%.*s”%s", col->header,
			     (int)(len > 80 ? 80 : len), v, reason);
}

/*
 * Whether an amount's text starts with two digits of which the first is
 * 0 (after a sign): "000", "050", "00". No one writes an amount so; it
 * is what is left of 12,000 or 1,050 when a CSV writer did not quote the
 * amount and the comma split it (the field count may still match the
 * header's when an optional field is empty). Audit 8, finding 4.
 */
static int split_group(const char *s, size_t len)
{
	size_t i = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	else if (len >= 3 && !memcmp(s, "\xe2\x88\x92", 3)) /* U+2212 minus */
		i = 3;
	return i + 1 < len && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9';
}

/*
 * A money cell. An optional one that is empty, or holds a mark of none
 * ("—", "/"), is read as empty (*present 0, counted); a value with more
 * than two decimals in 万元 is rounded half up (counted); anything else
 * is what the cell says in the column's unit, or refused.
 */
static int money_field(const struct colmap *m, struct row_text *t, int f, int64_t *out,
		       int *present, struct tz_err *err)
{
	int rounded;

	*out = 0;
	*present = 0;
	if (!m->cols[f].required && tz_money_is_blank_mark(t->v[f], t->len[f])) {
		t->marks++;
		return 0;
	}
	if (!t->len[f] && !m->cols[f].required)
		return 0;
	if (!t->len[f])
		return bad_value(err, &m->cols[f], t->v[f], 0);
	if (m->text_file && split_group(t->v[f], t->len[f]))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, m->cols[f].header,
				     "%s“%.*s”以0开头，像是被拆开的千位数：金额中的千位分隔逗号没有加引号时"
				     "（如 12,000）一个数会被拆成几列，各列的值因此错位，该行未导入；"
				     "请把金额写成 12000 或 \"12,000\"",
				     m->cols[f].header, (int)(t->len[f] > 80 ? 80 : t->len[f]), t->v[f]);
	if (tz_money_parse_ex(t->v[f], t->len[f], m->unit_exp[f], out, &rounded, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
	t->rounded += rounded;
	*present = 1;
	return 0;
}

/*
 * A month written as any date people type (tz_period_parse), or as an
 * Excel date serial that a cell without a date format shows as a plain
 * number (45717 for 2025-03-01; ledger.md, "What real sheets hold").
 * Five digits are a serial and nothing else: a year has four, YYYYMM
 * six and YYYYMMDD eight; of 10000 to 99999 (1927-05-18 to 2173-10-14)
 * those in the years a month may have (1990 to 2100, core/period.h).
 */
static int month_of(const struct colmap *m, const char *s, size_t len,
		    struct tz_period *out, struct tz_err *err)
{
	const char *p = s;
	size_t n = len;

	tz_text_trim(&p, &n);
	if (n == 5) {
		char date[TZ_NUMFMT_DATE_MAX];
		long serial = 0;
		size_t i = 0;

		for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			serial = serial * 10 + (p[i] - '0');
		/* Outside the years a month may have (a mistyped 20251 is
		 * 1955), it is refused as typed, not as a serial's year. */
		if (i == n && tz_serial_date((double)serial, m->date1904, 1, date) &&
		    !tz_period_parse(date, strlen(date), out, err))
			return 0;
	}
	return tz_period_parse(s, len, out, err);
}

/* 计划开工时间: a month, or a date of which the month counts. */
static int start_field(const struct colmap *m, const struct row_text *t, int f,
		       struct tz_period *out, struct tz_err *err)
{
	out->year = out->month = 0;
	if (!t->len[f])
		return 0;
	if (month_of(m, t->v[f], t->len[f], out, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
	return 0;
}

/* 年度: the row's own, or the file's; both given and different is an error. */
static int year_field(const struct colmap *m, struct row_text *t, int *out,
		      struct tz_err *err)
{
	const struct tz_column *col = &m->cols[TZ_PF_YEAR];

	*out = m->year;
	if (!t->len[TZ_PF_YEAR]) {
		if (!m->year)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "年度为空");
		return 0;
	}
	if (tz_year_parse(t->v[TZ_PF_YEAR], t->len[TZ_PF_YEAR], out, err))
		return bad_value(err, col, t->v[TZ_PF_YEAR], t->len[TZ_PF_YEAR]);
	if (m->year && *out != m->year) {
		t->year_off = *out; /* for write_chunk's count (year_off_*) */
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header,
				     "年度%d与指定的台账年度%d不一致", *out, m->year);
	}
	return 0;
}

/* `part`: the row is read as a possible breakdown row (parts_check): an
 * empty 项目编号 is not its error, since a part has none. */
static int to_project(const struct colmap *m, struct row_text *t, struct tz_project *p,
		      int part, struct tz_err *err)
{
	int rc, present;

	memset(p, 0, sizeof(*p));
	/* A list without codes: the writer identifies the project by region
	 * and name (ledger.md); this stands in until then. So does a row
	 * whose national 项目代码 is empty: a published list gives the code
	 * where the project has one. An empty 项目编号 is a row error: that
	 * column is the office's own code, which every project of its
	 * ledger has (a project without one is a mistake to correct, and
	 * guessing it by name could attach the row to the wrong project). */
	p->code = m->idx[TZ_PF_CODE] >= 0 ? t->v[TZ_PF_CODE] : NO_CODE;
	/* 无, 暂无, 待赋码, —: a project without its code yet, never a code
	 * (walkthrough 9, item 1). Under a 项目代码 it is an empty cell,
	 * said in the summary; under 项目编号 the office's code is missing. */
	t->code_none = NULL;
	if (m->idx[TZ_PF_CODE] >= 0 && t->len[TZ_PF_CODE] && t->nul_field != TZ_PF_CODE &&
	    (t->code_none = tz_text_none_word(t->v[TZ_PF_CODE], t->len[TZ_PF_CODE], TZ_NONE_CODE))) {
		if (!m->h.code_national && !part)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_CODE].header,
					     "项目编号“%s”表示没有编号，不是项目编号：表中有“项目编号”列，"
					     "每个项目都要填写本单位的项目编号（没有编号列的名单才按地区和"
					     "项目名称识别项目）", t->v[TZ_PF_CODE]);
		t->len[TZ_PF_CODE] = 0;
	}
	if (m->idx[TZ_PF_CODE] >= 0 && !t->len[TZ_PF_CODE]) {
		if (!m->h.code_national && !part)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_CODE].header,
					     "项目编号为空：表中有“项目编号”列，每个项目都要填写本单位的项目编号"
					     "（没有编号列的名单才按地区和项目名称识别项目）");
		p->code = NO_CODE;
	}
	p->name = t->v[TZ_PF_NAME];
	/* Without a region column the writer takes it from the 责任单位. */
	p->region = m->idx[TZ_PF_REGION] >= 0 ? t->v[TZ_PF_REGION] : NO_CODE;
	p->category = t->v[TZ_PF_CATEGORY];
	p->level = t->v[TZ_PF_LEVEL];
	p->nature = t->v[TZ_PF_NATURE];
	p->owner = t->v[TZ_PF_OWNER];
	p->leader = t->v[TZ_PF_LEADER];
	/* "王 强" and "王强" are one leader (walkthrough 12). */
	if (tz_text_name_unpad(t->v[TZ_PF_LEADER], t->len[TZ_PF_LEADER], t->leader2))
		p->leader = t->leader2;
	p->unit = t->v[TZ_PF_UNIT];
	p->years = t->v[TZ_PF_YEARS];
	p->stage = t->v[TZ_PF_STAGE];
	p->natcode = t->natcode;
	/* No plan column, or an empty plan cell: no plan, never 0. */
	if ((rc = year_field(m, t, &p->year, err)) ||
	    (rc = money_field(m, t, TZ_PF_TOTAL, &p->total, &present, err)) ||
	    (rc = money_field(m, t, TZ_PF_ANNUAL, &p->annual, &p->has_plan, err)) ||
	    (rc = start_field(m, t, TZ_PF_START, &p->planned_start, err)))
		return rc;
	/* A plan column naming a year (2025年计划投资) is that year's plan
	 * only: never the plan of a row of another year (a 年度 column). */
	if (p->has_plan && m->h.plan_year && p->year != m->h.plan_year)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_ANNUAL].header,
				     "计划投资列写明是%d年的计划，本行是%d年度，不能作为%d年的计划；"
				     "请把各年度的计划写在不带年份的“年度计划投资”列，或按年度分开导入",
				     m->h.plan_year, p->year, p->year);
	return tz_project_validate(p, err);
}

/*
 * A 调度期 cell naming a month without its year ("10月", "10月份"): the
 * month (1..12), else 0. Read only under a title naming the report's
 * month, which gives the year (audit 9, R4).
 */
static int month_only(const char *s, size_t len)
{
	int mon = 0;
	size_t i = 0;

	for (; i < len && i < 2 && s[i] >= '0' && s[i] <= '9'; i++)
		mon = mon * 10 + (s[i] - '0');
	if (!i || len - i < strlen("月") || memcmp(s + i, "月", strlen("月")))
		return 0;
	i += strlen("月");
	if (i < len && (len - i != strlen("份") || memcmp(s + i, "份", strlen("份"))))
		return 0;
	return mon >= 1 && mon <= 12 ? mon : 0;
}

/*
 * A 是否开工 cell: 是 (or √, ✓) is 已开工, 否 (or ×, ✗) 未开工; anything
 * else TZ_STATUS_NONE, read as a status is (audit 9, R6).
 */
static enum tz_status yes_no_status(const char *s)
{
	static const char *const yes[] = { "是", "√", "✓", "✔" }, *const no[] = { "否", "×", "✗", "✘" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcmp(s, yes[i]))
			return TZ_STATUS_STARTED;
		if (!strcmp(s, no[i]))
			return TZ_STATUS_NOT_STARTED;
	}
	return TZ_STATUS_NONE;
}

static int to_progress(const struct colmap *m, struct row_text *t, struct tz_progress *r,
		       struct tz_err *err)
{
	const struct tz_column *cols = m->cols;
	int rc, present, mon;

	memset(r, 0, sizeof(*r));
	r->code = t->v[TZ_RF_CODE];
	r->progress_text = t->v[TZ_RF_TEXT];
	r->problem = t->v[TZ_RF_PROBLEM];
	if (m->h.code_by_name) {
		/* The writer finds the project by region and name (R19). */
		if (!t->len[TZ_RF_NAME])
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_NAME].header,
					     "项目名称为空（本表没有项目编号，按所属地区和项目名称对应台账中的项目）");
		if (!t->len[TZ_RF_REGION])
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_REGION].header,
					     "所属地区为空（本表没有项目编号，按所属地区和项目名称对应台账中的项目）");
		r->code = t->v[TZ_RF_NAME];  /* until find_by_name gives the code */
	} else if (!t->len[TZ_RF_CODE]) {
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_CODE].header, "项目编号为空");
	}
	if (m->h.period_from_title) {
		/* No 调度期 column: the title's month (audit 9, R4). */
		r->period = m->h.title_period;
	} else if (m->h.title_period.year &&
		   (mon = month_only(t->v[TZ_RF_PERIOD], t->len[TZ_RF_PERIOD]))) {
		/* "10月" under "2025年10月重点项目调度表": the title's year. */
		r->period.year = m->h.title_period.year;
		r->period.month = mon;
	} else if (month_of(m, t->v[TZ_RF_PERIOD], t->len[TZ_RF_PERIOD], &r->period, err)) {
		return bad_value(err, &cols[TZ_RF_PERIOD], t->v[TZ_RF_PERIOD], t->len[TZ_RF_PERIOD]);
	}
	/* The title states the report's month: a 调度期 naming another is
	 * last month's sheet copied with only its title and amounts updated,
	 * and would overwrite that month's figures (audit 9, W5). The row's
	 * message names the title's line and quotes it, as the messages
	 * about a title do (walkthrough 13). */
	if (m->h.title_period.year && (r->period.year != m->h.title_period.year ||
				       r->period.month != m->h.title_period.month)) {
		char pb[TZ_PERIOD_FMT_MAX];

		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_PERIOD].header,
				     "第%ld行的标题“%s”写的是%d年%d月，调度期列是%s：请核对调度期，该行未导入",
				     m->h.title_line, m->h.title_text, m->h.title_period.year,
				     m->h.title_period.month, tz_period_fmt(r->period, pb));
	}
	/* A title naming the months up to one ("2025年1-10月…", "截至2025年
	 * 10月底…"): a 调度期 of another month is last month's rows under
	 * this month's title, or the title is wrong (walkthrough 14). */
	if (m->h.title_end.year && (r->period.year != m->h.title_end.year ||
				    r->period.month != m->h.title_end.month)) {
		char pb[TZ_PERIOD_FMT_MAX];

		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_PERIOD].header,
				     "第%ld行的标题“%s”写的是到%d年%d月为止的情况，调度期列是%s：请核对"
				     "调度期或标题，该行未导入",
				     m->h.title_end_line, m->h.title_end_text, m->h.title_end.year,
				     m->h.title_end.month, tz_period_fmt(r->period, pb));
	}
	/* A title naming months but not the period ("10月重点项目调度表"
	 * without a year, "2025年第三季度…", "截至2025年10月25日…"): a
	 * 调度期 of a month it does not name is a sheet of another month
	 * under this title, or the title is wrong (walkthrough 15). */
	if (m->h.title_allow && (!(m->h.title_allow & (1u << r->period.month)) ||
				 (m->h.title_allow_year && r->period.year != m->h.title_allow_year))) {
		char pb[TZ_PERIOD_FMT_MAX];

		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_PERIOD].header,
				     "第%ld行的标题“%s”写的是%s，调度期列是%s：请核对调度期或标题，"
				     "该行未导入", m->h.title_allow_line, m->h.title_allow_text,
				     m->h.title_allow_says, tz_period_fmt(r->period, pb));
	}
	/* --period names the report's month: a 调度期 naming another is
	 * one of them wrong (issue 7). */
	if (m->h.opt_period.year && (r->period.year != m->h.opt_period.year ||
				     r->period.month != m->h.opt_period.month)) {
		char pb[TZ_PERIOD_FMT_MAX], ob[TZ_PERIOD_FMT_MAX];

		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_PERIOD].header,
				     "调度期列是%s，--period 是%s，不知道是哪个调度期：请核对调度期或"
				     " --period，该行未导入", tz_period_fmt(r->period, pb),
				     tz_period_fmt(m->h.opt_period, ob));
	}
	/* "10月完成投资", "1-10月完成投资" on a row of another month: one of
	 * them is wrong (walkthrough p12; audit 9 R17). */
	if ((m->h.completed_month && r->period.month != m->h.completed_month) ||
	    (m->h.ytd_month && r->period.month != m->h.ytd_month)) {
		char pb[TZ_PERIOD_FMT_MAX];

		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_PERIOD].header,
				     "表头“%.80s”写的是%s%d月，该行调度期是%s，月份不一致：请核对调度期"
				     "或表头，该行未导入", m->h.completed_text,
				     m->h.ytd_month ? "1-" : "",
				     m->h.ytd_month ? m->h.ytd_month : m->h.completed_month,
				     tz_period_fmt(r->period, pb));
	}
	if (m->h.status_yes_no && (r->status = yes_no_status(t->v[TZ_RF_STATUS])) != TZ_STATUS_NONE)
		;  /* 是否开工: 是 / 否 */
	else if (tz_status_parse(t->v[TZ_RF_STATUS], t->len[TZ_RF_STATUS], &r->status, err))
		return bad_value(err, &cols[TZ_RF_STATUS], t->v[TZ_RF_STATUS], t->len[TZ_RF_STATUS]);
	/* A project not started has completed nothing: an empty cell or a
	 * mark of none ("—", "/") is its 0, as the report form reads it
	 * (dispatch.c); any other project's must say its figure (audit 9,
	 * R15: "—" was refused as no amount). */
	if (!t->len[TZ_RF_COMPLETED] ||
	    tz_money_is_blank_mark(t->v[TZ_RF_COMPLETED], t->len[TZ_RF_COMPLETED])) {
		if (r->status == TZ_STATUS_NOT_STARTED) {
			t->marks += t->len[TZ_RF_COMPLETED] > 0;
			return tz_progress_validate(r, err);
		}
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_COMPLETED].header,
				     "%s%s%s%s：%s项目请填写本期完成投资（没有完成投资请填0）",
				     cols[TZ_RF_COMPLETED].header, t->len[TZ_RF_COMPLETED] ? "写的是“" : "为空",
				     t->v[TZ_RF_COMPLETED], t->len[TZ_RF_COMPLETED] ? "”" : "",
				     tz_status_name(r->status));
	}
	if ((rc = money_field(m, t, TZ_RF_COMPLETED, &r->completed, &present, err)))
		return rc;
	return tz_progress_validate(r, err);
}

/* ------------------------------------------------------------------ */
/* The reading thread and its queue                                    */

#define CHUNK_ROWS 512
#define CHUNK_BYTES (TZ_LIMIT_RECORD + 64 * 1024) /* a whole row always fits */
#define NCHUNKS 4

/* One row as converted by the reader: a record, or why it was rejected. */
struct item {
	long line;
	int rejected;
	enum tz_row_kind skip;  /* not a record: a 合计, section or note row */
	int invisible;       /* cells whose invisible characters were removed */
	int folded;          /* its 项目编号 was written with full-width characters */
	unsigned codefix;    /* CODE_* of code_tidy */
	int natread;         /* 项目代码 cells read as a code written otherwise (W13) */
	const char *code_none; /* its 项目代码 was 无, 待赋码…: read as none (static) */
	int hidden;          /* the row is hidden in the sheet */
	int rounded;         /* money cells rounded to 0.01 万元 */
	int marks;           /* money cells holding a mark of none */
	int year_off;        /* rejected: its 年度 cell's year, not --year's (else 0) */
	int part;            /* skipped: a part of the project above (parts_check) */
	int merged_cont;     /* skipped: the project above continued (merged_project) */
	const char *code;    /* rejected rows: their 项目编号 */
	const char *field;
	const char *reason;
	/* Reports: the row's 项目名称 and 所属地区 ("" without the column),
	 * checked against the ledger's by the writer (check_names). */
	const char *name;
	const char *region;
	/* Reports: the year-to-date beside 本月 (TZ_RF_YTD), 0.01 万元, and
	 * whether the row gave one; checked by the writer (ytd_check). */
	int64_t ytd;
	int has_ytd;
	/* Ledger rows: hashes the reading thread computes for the writing
	 * one (issue 6; ledger_hashes): of the 项目编号 at hashed_code (the
	 * writer's code is another when it gave or changed it) and of the
	 * 项目名称, for row_note; rec.p.text_hash for the store. */
	const char *hashed_code;
	uint64_t code_hash;
	uint32_t name_hash;
	union {
		struct tz_project p;
		struct tz_progress r;
	} rec;
};

struct chunk {
	struct item items[CHUNK_ROWS];
	size_t n;
	char *bytes;   /* CHUNK_BYTES; strings of the items, never moved */
	size_t used;
	int last;      /* the reader has stopped after this chunk */
	int rc;        /* with last: 0 at the end of the file, or the error */
	struct tz_err err;
};

struct pipeline {
	/* Set before the thread starts, then only read by it. */
	struct tz_reader *reader;
	const char *path;
	const struct colmap *map;
	const struct tz_row *pending;  /* read past by the header search: first */
	int progress;
	struct ledger_names *names;    /* reports: the writer's check, or NULL */
	struct tz_plausible *plaus;    /* the writer notes accepted amounts (W21), or NULL */
	struct tz_scope *scope;        /* the writer's bound (tz_import_file_scoped; root 0: none) */
	/* The queue. */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct chunk *free_[NCHUNKS], *full[NCHUNKS];
	size_t nfree, nfull;
	int cancel;    /* the writer gave up: stop reading */
	/* The reader stopped at a note stating the unit the header does not
	 * (tz_header_note_unit): its line (0: none), unit and name. */
	long note_line;
	int note_exp;
	char note_text[32];
	/* Reading again in that unit: the note's line, and whether a
	 * project came before it (one after it too: a section's unit). */
	long nu_line;
	int nu_after_data;
	/* What the reading thread says of an HTML page's further tables
	 * (read with the first, or not read and why), clauses ending "；",
	 * for the summary once the thread has ended (struct more_tables). */
	struct tz_buf tables_said;
	struct chunk chunks[NCHUNKS];
};

/* Copy a string into the chunk; NULL when it does not fit. */
static const char *keep(struct chunk *c, const char *s)
{
	size_t len = strlen(s) + 1;
	char *p;

	if (c->used + len > CHUNK_BYTES)
		return NULL;
	p = c->bytes + c->used;
	memcpy(p, s, len);
	c->used += len;
	return p;
}

/*
 * Make the item's strings the chunk's own (they point into the reader's
 * scratch buffer until then). All or nothing: -1, with the chunk and the
 * item as they were, if the chunk is too full for them, so that the
 * caller can keep the item in the next chunk. (A row's strings are
 * capped well below CHUNK_BYTES; 512 rows of long texts are not: 400
 * characters of 形象进度 and of 存在问题, 2.4 KB a row, fill a chunk at
 * about its 460th row. Before, the item kept the strings copied so far and
 * NULL for the one that did not fit, and the next chunk's copy read it:
 * a crash, tests/t/t1811-long-texts.sh.)
 */
static int keep_item(struct chunk *c, struct item *it, int progress)
{
	size_t used = c->used;
	int ok;

	if (it->skip != TZ_ROW_DATA)
		return 0;
	if (it->rejected) {
		const char *was[] = { it->code, it->field, it->reason };

		ok = (it->code = keep(c, it->code)) && (it->field = keep(c, it->field)) &&
		     (it->reason = keep(c, it->reason));
		if (!ok) {
			it->code = was[0];
			it->field = was[1];
			it->reason = was[2];
		}
	} else if (progress) {
		struct tz_progress *r = &it->rec.r;
		const char *was[] = { r->code, r->progress_text, r->problem, it->name, it->region };

		ok = (r->code = keep(c, r->code)) && (r->progress_text = keep(c, r->progress_text)) &&
		     (r->problem = keep(c, r->problem)) &&
		     (it->name = *it->name ? keep(c, it->name) : "") &&
		     (it->region = *it->region ? keep(c, it->region) : "");
		if (!ok) {
			r->code = was[0];
			r->progress_text = was[1];
			r->problem = was[2];
			it->name = was[3];
			it->region = was[4];
		}
	} else {
		struct tz_project *p = &it->rec.p;
		const char **f[] = { &p->code, &p->name, &p->region, &p->category, &p->level,
				     &p->nature, &p->owner, &p->leader, &p->unit, &p->years,
				     &p->stage, &p->natcode };
		const char *was[sizeof(f) / sizeof(f[0])];
		size_t i;

		ok = 1;
		for (i = 0; ok && i < sizeof(f) / sizeof(f[0]); i++) {
			was[i] = *f[i];
			ok = (*f[i] = keep(c, *f[i])) != NULL;
		}
		while (!ok && i--)
			*f[i] = was[i];
	}
	/* The chunk and the item as they were: the item goes whole into
	 * the next chunk. */
	if (!ok)
		c->used = used;
	return ok ? 0 : -1;
}

/*
 * A CSV or text record's first field that is not blank and lies right of
 * the header's last column (0-based), or -1. Such a field belongs to no
 * column: most often an amount with an unquoted thousands comma
 * (P1,甲项目,甲县,12,000,1,200 under five columns) has been split and
 * every field after it moved right; reading the row would store 12 and
 * 0 for 12000 and 1200. A sheet's cells have places: only text files.
 * Audit 8 (2026-11-30), finding 4.
 */
static int beyond_header(const struct colmap *m, const struct tz_row *row)
{
	if (!m->text_file || !m->h.width)
		return -1;
	for (size_t i = m->h.width; i < row->ncells; i++)
		if (!tz_text_is_blank(row->cells[i], row->lens[i]))
			return (int)i;
	return -1;
}

/* A CSV cell's text without the spaces around it. */
static void cell_trimmed(const struct tz_row *row, size_t i, const char **s, size_t *len)
{
	*s = i < row->ncells ? row->cells[i] : "";
	*len = i < row->ncells ? row->lens[i] : 0;
	tz_text_trim(s, len);
}

/* 1 to 3 ASCII digits after an optional sign, the first not 0: "2",
 * "-12", "123". A 0 heads no thousands-separated number (本期 0 beside
 * 形象进度 100 is no split 0,100). */
static int group_head(const char *s, size_t len)
{
	size_t i = len && (s[0] == '+' || s[0] == '-'), d = 0;

	if (i < len && s[i] == '0')
		return 0;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, d++;
	return i == len && d >= 1 && d <= 3;
}

/* Three ASCII digits, then a decimal part or nothing, then a unit of
 * money or nothing: "100", "000", "100.00", "100万元" (2,100万元 split);
 * 2 with a decimal part or a unit (the amount ends there), 1 without. */
static int group_tail(const char *s, size_t len)
{
	size_t i = 0;
	int r = 1;

	while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i != 3)
		return 0;
	if (i < len && s[i] == '.') {
		size_t d = ++i;

		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == d)
			return 0;
		r = 2;
	}
	if (i == len)
		return r;
	if ((len - i == 6 && (!memcmp(s + i, "万元", 6) || !memcmp(s + i, "亿元", 6))) ||
	    (len - i == 3 && !memcmp(s + i, "元", 3)))
		return 2;
	return 0;
}

/* A number and nothing else: "300", "-1.5", "100.00". */
static int bare_number(const char *s, size_t len)
{
	size_t i = len && (s[0] == '+' || s[0] == '-'), d = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, d++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	return d && i == len;
}

/*
 * What a column of a text record holds, for split_amount: 1 a field of
 * free text (项目名称, 开工状态, 形象进度, 存在问题…) or an unread remark
 * column (header.h, remark_cols), where a bare number is out of place; 0
 * anything else (an amount, a code, a period, a year, a column of
 * figures no field reads).
 */
static int text_column(const struct colmap *m, size_t col)
{
	for (size_t f = 0; f < m->nfields; f++) {
		if (m->idx[f] < 0 || (size_t)m->idx[f] != col)
			continue;
		if (m->h.progress)
			return f == TZ_RF_STATUS || f == TZ_RF_TEXT || f == TZ_RF_PROBLEM ||
			       f == TZ_RF_NAME || f == TZ_RF_REGION;
		return !m->cols[f].money && f != TZ_PF_CODE && f != TZ_PF_YEARS &&
		       f != TZ_PF_START && f != TZ_PF_YEAR;
	}
	return col < 64 && ((m->h.remark_cols >> col) & 1);
}

/* Whether column col of the header is read as a money field, or is one
 * no field reads whose header names a figure (header.h, figure_cols):
 * a column where three digits are an amount of their own. */
static int money_column(const struct colmap *m, size_t col)
{
	for (size_t f = 0; f < m->nfields; f++)
		if (m->idx[f] >= 0 && (size_t)m->idx[f] == col)
			return m->cols[f].money;
	return col < 64 && ((m->h.figure_cols >> col) & 1);
}

/* A record with fewer fields than the file's other records (the reader's
 * TZ_READ_SUSPECT_WIDTH): its trailing fields were left out. A file
 * whose records all leave them out says nothing by it. */
static int short_record(const struct tz_row *row)
{
	return row->suspect == TZ_READ_SUSPECT_WIDTH && row->ncells < row->width;
}

/* What split_amount found. */
struct split {
	int f;           /* the money field split */
	size_t col;      /* its column */
	size_t pieces;   /* fields the amount may have taken, >= 2 */
	size_t fewest;   /* firm: the fields the record's width proves, <= pieces */
	int firm;        /* the record shows the split (a field too many) */
	size_t witness;  /* not firm: the column whose value makes the row doubtful */
};

/*
 * An amount of a CSV record split by its unquoted thousands separator
 * (2,100.00 read as "2" then "100.00"; 1,234,567 as three fields;
 * 2,100万元 as "2" then "100万元"), seen from the fields: a money column
 * holding 1 to 3 digits (optional sign), the next field(s) three digits
 * each (the last maybe with decimals or a unit of money, group_tail).
 * Cheap tests first: a row whose money cells are not 1-3 digits, or
 * whose next field is no group, costs a few byte compares; nothing is
 * allocated.
 *
 * Firm (sp->firm) when the record shows its fields moved right: more
 * fields than the file's other records or a field beyond the header
 * (the reader's TZ_READ_SUSPECT_WIDTH, beyond_header). sp->fewest is
 * then the pieces the extra fields prove (1,050,100 one field too many:
 * 1,050, or 1,050,100 with a trailing column left out), sp->pieces all
 * the groups in a row.
 *
 * Doubtful (walkthrough 13), when nothing says the fields moved but
 * both readings fit the header: the first group fell in a column that
 * is no amount (a text field, 建设起止年限, the 序号, an unread column
 * such as 联系人 or 建设规模, an unnamed trailing column: a hand-made
 * file leaves trailing fields out, so the split fills the row); or in
 * an amount's column of a record shorter than the file's others
 * (short_record: its trailing fields left out, so the split may have
 * filled one of them); or a bare number sits in the first text column
 * after the amount (开工状态, 形象进度, 存在问题, 备注: maybe the moved
 * value of the column before it; walkthrough 11). sp->witness is that
 * column.
 * Two amounts side by side in a full record (500 then 100.00, a text
 * 备注 after) are read: nothing doubts them. Neither is 本月 1 then
 * 自年初累计 500 in a full record (1,500 with 自年初累计 left out reads
 * the same; docs/internals/import.md, the reader's step).
 *
 * Returns 1 with *sp set, or 0. Text files only (a sheet's cells have
 * places).
 */
static int split_amount(const struct colmap *m, const struct tz_row *row, struct split *sp)
{
	if (!m->text_file)
		return 0;
	for (size_t f = 0; f < m->nfields; f++) {
		const char *s;
		size_t len, i = (size_t)m->idx[f], n = 1, width, most;
		int t = 1;

		if (m->idx[f] < 0 || !m->cols[f].money || i + 1 >= row->ncells)
			continue;
		cell_trimmed(row, i, &s, &len);
		if (!group_head(s, len))
			continue;
		cell_trimmed(row, i + 1, &s, &len);
		if (!group_tail(s, len))
			continue;
		for (; t == 1 && i + n < row->ncells; n++) {
			cell_trimmed(row, i + n, &s, &len);
			if (!(t = group_tail(s, len)))
				break;
		}
		sp->f = (int)f;
		sp->col = i;
		sp->pieces = n;
		sp->fewest = n;
		sp->witness = i + 1;
		sp->firm = (row->suspect == TZ_READ_SUSPECT_WIDTH && row->ncells > row->width) ||
			   beyond_header(m, row) >= 0;
		if (sp->firm) {
			/* Fields too many: the pieces one amount takes at
			 * least (1,050 then 100, one too many: 1,050). */
			width = row->suspect == TZ_READ_SUSPECT_WIDTH ? row->width : m->h.width;
			most = row->ncells > width + 1 ? row->ncells - width + 1 : 2;
			sp->fewest = n < most ? n : most;
			return 1;
		}
		sp->witness = i + 1;
		if (!money_column(m, i + 1) || short_record(row))
			return 1;
		for (size_t k = i + 1; k < m->h.width && k < row->ncells; k++)
			if (text_column(m, k)) {
				cell_trimmed(row, k, &s, &len);
				if (bare_number(s, len)) {
					sp->witness = k;
					return 1;
				}
				break;
			}
	}
	return 0;
}

/* Column col's header for a message: its text, 无列名的一列 when blank or
 * beyond the header. */
static const char *column_name(const struct colmap *m, size_t col)
{
	if (col < 64 && col < m->h.width && m->h.col_text[col][0])
		return m->h.col_text[col];
	return "无列名的一列";
}

/* Whether column col is read: a field's or the 序号. */
static int column_read(const struct colmap *m, size_t col)
{
	if (m->h.seq_idx >= 0 && (size_t)m->h.seq_idx == col)
		return 1;
	for (size_t f = 0; f < m->nfields; f++)
		if (m->idx[f] >= 0 && (size_t)m->idx[f] == col)
			return 1;
	return 0;
}

/*
 * The refusal of a record whose amount split_amount found split or
 * doubtful. Names the line, the field, every piece and the amount they
 * make. Firm: the fields moved, the amount without the comma or quoted
 * asked for (both lengths when the width proves fewer pieces than there
 * are groups: 1,234,567 or 1,234 then 567). Doubtful: both readings,
 * and for each what makes the row unambiguous (the amount without the
 * comma or quoted; the other column changed so that it is no group:
 * 形象进度 100%, an unread column's value deleted, the trailing commas of
 * a short record written). Never one number that may be wrong.
 * TZ_EINVAL with `why` set (field too). Allocates only here, on refusal.
 */
static int split_refusal(const struct colmap *m, const struct tz_row *row,
			 const struct split *sp, struct tz_err *why)
{
	struct tz_buf each = TZ_BUF_INIT, comma = TZ_BUF_INIT, plain = TZ_BUF_INIT;
	struct tz_buf rest = TZ_BUF_INIT, cols = TZ_BUF_INIT, alt = TZ_BUF_INIT;
	struct tz_buf fix = TZ_BUF_INIT;
	const char *field = m->cols[sp->f].header, *hs, *ws;
	size_t hlen, wlen;
	int rc;

	for (size_t p = 0; p < sp->pieces; p++) {
		const char *s;
		size_t len;

		cell_trimmed(row, sp->col + p, &s, &len);
		tz_buf_addf(&each, "%s“%.*s”", p == 0 ? "" : p + 1 == sp->pieces ? "和" : "、",
			    (int)len, s);
		tz_buf_addf(&comma, "%s%.*s", p ? "," : "", (int)len, s);
		tz_buf_addf(&plain, "%.*s", (int)len, s);
		if (p) {
			tz_buf_addf(&rest, "%s“%.*s”", p > 1 ? "、" : "", (int)len, s);
			tz_buf_addf(&cols, "%s%s", p > 1 ? "、" : "",
				    column_name(m, sp->col + p));
		}
	}
	cell_trimmed(row, sp->col, &hs, &hlen);
	if (sp->firm && sp->fewest < sp->pieces) {
		struct tz_buf c2 = TZ_BUF_INIT, p2 = TZ_BUF_INIT;

		for (size_t p = 0; p < sp->fewest; p++) {
			const char *s;
			size_t len;

			cell_trimmed(row, sp->col + p, &s, &len);
			tz_buf_addf(&c2, "%s%.*s", p ? "," : "", (int)len, s);
			tz_buf_addf(&p2, "%.*s", (int)len, s);
		}
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, field,
				   "第%ld行%s的金额被千位分隔逗号拆开了：%s是没有加引号的“%s”拆成的%zu个字段"
				   "（也可能只有前%zu个是，即“%s”，其后的是下一列的值），其后各列的值因此错位，"
				   "该行未导入；请把金额写成不带逗号的 %s 或 %s（看它实际是哪个），"
				   "或加引号写成 \"%s\" 或 \"%s\"",
				   row->line, field, each.buf, comma.buf, sp->pieces, sp->fewest,
				   c2.buf, plain.buf, p2.buf, comma.buf, c2.buf);
		tz_buf_release(&c2);
		tz_buf_release(&p2);
	} else if (sp->firm) {
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, field,
				   "第%ld行%s的金额被千位分隔逗号拆开了：%s是没有加引号的“%s”拆成的%zu个字段，"
				   "其后各列的值因此错位，该行未导入；请把金额写成 %s，或加引号写成 \"%s\"",
				   row->line, field, each.buf, comma.buf, sp->pieces, plain.buf,
				   comma.buf);
	} else {
		const char *wname = column_name(m, sp->witness);

		cell_trimmed(row, sp->witness, &ws, &wlen);
		if (money_column(m, sp->witness) && short_record(row))
			tz_buf_addf(&fix, "请在该行末尾补写留空各列的逗号（其他行有%zu个字段，该行只有%zu个）",
				    row->width, row->ncells);
		else if (strstr(wname, "进度") && bare_number(ws, wlen))
			tz_buf_addf(&fix, "请把%s写成“%.*s%%”", wname, (int)wlen, ws);
		else if (!column_read(m, sp->witness))
			tz_buf_addf(&fix, "请删去%s中的“%.*s”（该列不导入）", wname, (int)wlen, ws);
		else
			tz_buf_addf(&fix, "请改写%s的值（例如加上单位或文字说明），或把该列移到金额各列之前",
				    wname);
		if (sp->witness >= sp->col + sp->pieces)
			tz_buf_addf(&alt, "，而%s为“%.*s”，像是前面的值错位而来", wname, (int)wlen,
				    ws);
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, field,
				   "第%ld行%s为“%.*s”，其后%s（%s）为%s%s：这像是没有加引号的“%s”"
				   "被千位分隔的逗号拆成了%zu个字段，也可能金额确实是%.*s；为免存入错误的金额，"
				   "该行未导入。如果金额是%s，请写成 %s 或加引号写成 \"%s\"；"
				   "如果确实是%.*s，%s",
				   row->line, field, (int)hlen, hs,
				   sp->pieces > 2 ? "各列" : "一列", cols.buf, rest.buf, alt.buf,
				   comma.buf, sp->pieces, (int)hlen, hs, plain.buf, plain.buf,
				   comma.buf, (int)hlen, hs, fix.buf);
	}
	tz_buf_release(&each);
	tz_buf_release(&comma);
	tz_buf_release(&plain);
	tz_buf_release(&rest);
	tz_buf_release(&cols);
	tz_buf_release(&alt);
	tz_buf_release(&fix);
	return rc;
}

/*
 * Breakdown rows. A list whose projects carry a 序号 (or a 项目编号) often
 * writes a project's parts under it without one: `1,甲项目,1000` then
 * `,其中：一期工程,600` and `,二期工程,400`, or `（1）一期工程`. They are
 * the project's amounts again, split: stored as projects they would be
 * counted twice (audit 8, 2026-11-30, sub-items-*.csv). The reading
 * thread keeps the project above (struct parts) from row to row: one
 * test of two cells per row, no pass of its own.
 */
struct parts {
	int on;          /* the rows above are a numbered project and its parts */
	int strong;      /* the project has a 序号: any row without 序号 and code
			  * under it is a part; under a project with a code
			  * alone only a row named as a part (part_name) is */
	int parent_bad;  /* the project's row was refused: its parts cannot be checked */
	long line;       /* the project's line */
	int64_t total, annual;
	int has_plan;
	int64_t sum_total, sum_annual;  /* of the parts so far */
};

/* Cell i of the row, trimmed; "" when the row has none. */
static void row_cell(const struct tz_row *row, int i, const char **s, size_t *len)
{
	*s = "";
	*len = 0;
	if (i >= 0 && (size_t)i < row->ncells) {
		*s = row->cells[i];
		*len = row->lens[i];
		tz_text_trim(s, len);
	}
}

/* Whether the row carries a 序号 or a 项目编号: -1 when the list has neither
 * column (nothing says what is numbered), else 0 or 1. */
static int row_numbered(const struct colmap *m, const struct tz_row *row)
{
	const char *s;
	size_t len, cl;

	if (m->h.seq_idx < 0 && m->idx[CODE_FIELD] < 0)
		return -1;
	row_cell(row, m->h.seq_idx, &s, &len);
	row_cell(row, m->idx[CODE_FIELD], &s, &cl);
	return len || cl;
}

/* Length of a run of digits or Chinese numerals at s (一二…十, 〇). */
static size_t numeral_len(const char *s, size_t len)
{
	static const char *const cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
					  "〇", "首" };
	size_t n = 0;

	for (int more = 1; more && n < len;) {
		more = 0;
		if (s[n] >= '0' && s[n] <= '9') {
			n++;
			more = 1;
			continue;
		}
		for (size_t i = 0; i < sizeof(cn) / sizeof(cn[0]); i++)
			if (len - n >= strlen(cn[i]) && !memcmp(s + n, cn[i], strlen(cn[i]))) {
				n += strlen(cn[i]);
				more = 1;
				break;
			}
	}
	return n;
}

/*
 * Whether a name is written as a part of a project: 其中：…, an
 * enumerator (（1） (1) 1. 1、 ① ⑴), or a phase (一期工程, 二期, 3期).
 */
static int part_name(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, o;

	if (!len)
		return 0;
	if (tz_row_mark(s, len) == TZ_MARK_BREAKDOWN)
		return 1;
	/* ①..⑳ U+2460..2473, ⑴..⒇ U+2474..2487 */
	if (len >= 3 && u[0] == 0xE2 && ((u[1] == 0x91 && u[2] >= 0xA0) || (u[1] == 0x92 && u[2] <= 0x87)))
		return 1;
	o = s[0] == '(' ? 1 : len >= strlen("（") && !memcmp(s, "（", strlen("（")) ? strlen("（") : 0;
	n = numeral_len(s + o, len - o);
	if (!n)
		return 0;
	if (o)
		return (o + n < len && s[o + n] == ')') ||
		       (len - o - n >= strlen("）") && !memcmp(s + o + n, "）", strlen("）")));
	return s[n] == '.' || (len - n >= strlen("、") && !memcmp(s + n, "、", strlen("、"))) ||
	       (len - n >= strlen("．") && !memcmp(s + n, "．", strlen("．"))) ||
	       (len - n >= strlen("期") && !memcmp(s + n, "期", strlen("期")));
}

/*
 * After a row is converted (`rc`, `why`): a row without 序号 and 项目编号
 * directly under a numbered project (`cand`) is a part of it when its
 * amounts, with the parts before it, are within the project's: skipped
 * and counted (it->part). When they exceed it the row is refused, never
 * guessed to be a project or a part; so is a part under a refused
 * project. A 其中 heading without amounts (`heading`, its conversion
 * failed) is a part too. Any other row sets or ends the project above.
 * Returns the row's rc.
 */
static int parts_check(const struct colmap *m, struct parts *ps, int cand, int heading,
		       int numbered, const struct tz_row *row, struct item *it, int rc,
		       struct tz_err *why)
{
	const struct tz_project *p = &it->rec.p;
	const char *what = m->h.seq_idx >= 0 ? "序号" : "项目编号";
	char a[TZ_MONEY_FMT_MAX], b[TZ_MONEY_FMT_MAX];

	if (!cand) {
		ps->on = numbered > 0;
		if (ps->on) {
			const char *seq;
			size_t slen;

			row_cell(row, m->h.seq_idx, &seq, &slen);
			/* A project without its 项目编号 is an error to
			 * correct (to_project), not a part: under a code
			 * alone only a row named as a part is one. */
			ps->strong = slen != 0;
			ps->parent_bad = rc != 0;
			ps->line = row->line;
			ps->total = rc ? 0 : p->total;
			ps->annual = rc ? 0 : p->annual;
			ps->has_plan = !rc && p->has_plan;
			ps->sum_total = ps->sum_annual = 0;
		}
		return rc;
	}
	if (rc && heading) {
		tz_err_clear(why);
		rc = 0;
		goto part;
	}
	if (rc)
		return rc;
	if (ps->parent_bad)
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, NULL,
				     "第%ld行没有%s，在第%ld行的项目之下，像是该项目的分项；该项目的行有错误，"
				     "无法核对本行的金额，本行也未导入；请先改正第%ld行", row->line, what,
				     ps->line, ps->line);
	if (ps->sum_total + p->total > ps->total)
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_TOTAL].header,
				     "第%ld行没有%s，在第%ld行的项目之下，像是该项目的分项（其中…），但分项的"
				     "总投资合计%s万元，超过了该项目的%s万元，无法判断是分项还是漏填%s的项目，"
				     "该行未导入；若是另一个项目请填上%s，若是分项请核对金额",
				     row->line, what, ps->line, tz_money_fmt(ps->sum_total + p->total, a),
				     tz_money_fmt(ps->total, b), what, what);
	if (p->has_plan && (!ps->has_plan || ps->sum_annual + p->annual > ps->annual))
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_ANNUAL].header,
				     "第%ld行没有%s，在第%ld行的项目之下，像是该项目的分项（其中…），但分项的"
				     "年度计划投资合计%s万元，超过了该项目的%s万元，无法判断是分项还是漏填%s的"
				     "项目，该行未导入；若是另一个项目请填上%s，若是分项请核对金额",
				     row->line, what, ps->line, tz_money_fmt(ps->sum_annual + p->annual, a),
				     ps->has_plan ? tz_money_fmt(ps->annual, b) : "（空）", what, what);
	ps->sum_total += p->total;
	ps->sum_annual += p->has_plan ? p->annual : 0;
part:
	it->part = 1;
	it->skip = TZ_ROW_SECTION;
	return 0;
}

/*
 * A cell that stands for another value (audit 9, W10 and W11): a ditto
 * mark (同上, 〃) in any field, meaning the row above's value -- never a
 * region, leader or unit of its own, and not copied either, since the
 * row above may itself be refused or moved -- or a template placeholder
 * (XX) in the name. 0, or TZ_EINVAL with the reason in `why`. A test of
 * the first bytes of each field per row; no allocation.
 */
static int stand_in(const struct colmap *m, const struct row_text *t, struct tz_err *why)
{
	const char *ph;

	/* Every ditto mark starts with '"', a punctuation lead byte (E2, E3)
	 * or 同 or 仝 (E5, E4): most cells are passed by their first byte. */
	for (size_t f = 0; f < m->nfields; f++)
		if (m->idx[f] >= 0 && t->len[f] && t->len[f] <= 7 &&
		    (t->v[f][0] == '"' ||
		     ((unsigned char)t->v[f][0] >= 0xE2 && (unsigned char)t->v[f][0] <= 0xE5)) &&
		    tz_text_is_ditto(t->v[f], t->len[f]))
			return tz_err_set_at(why, TZ_EINVAL, NULL, 0, m->cols[f].header,
					     "%s“%s”是表示“同上一行”的记号，不是%s的值，该行未导入；"
					     "请在本行填写实际的%s",
					     m->cols[f].header, t->v[f], m->cols[f].header,
					     m->cols[f].header);
	if (!m->h.progress && t->len[TZ_PF_NAME] &&
	    (ph = tz_text_placeholder(t->v[TZ_PF_NAME], t->len[TZ_PF_NAME])))
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, m->cols[TZ_PF_NAME].header,
				     "项目名称“%s”中的“%s”是模板的占位符，不是项目的名称，该行未导入；"
				     "若是模板自带的填报示例请删去该行，否则请填写项目的实际名称",
				     t->v[TZ_PF_NAME], ph);
	return 0;
}

/* Convert one row into an item; strings still borrowed from `t`. */
/* A field's name without its unit, for "%.*s": 总投资 of 总投资(万元). */
#define BASE_NAME(h) (int)(strchr((h), '(') ? (size_t)(strchr((h), '(') - (h)) : strlen(h)), (h)

/* Whether `len` bytes at `s` hold ¥ U+00A5 (C2 A5) or ￥ U+FFE5 (EF BF A5):
 * one pass, as two searches would find either. */
static int yuan_sign(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t j = 0; j + 1 < len; j++)
		if ((u[j] == 0xC2 && u[j + 1] == 0xA5) ||
		    (u[j] == 0xEF && j + 2 < len && u[j + 1] == 0xBF && u[j + 2] == 0xA5))
			return 1;
	return 0;
}

/*
 * A money field whose header states no unit (not the column's, not the
 * table's) with a number cell its format shows with the yuan's sign
 * ("￥"#,##0.00, [$¥-804], XML 2003 Currency, BIFF formats 5-8): the
 * format is the only unit the sheet states, and the number is in 元,
 * never 万元 (audit 9, finding W4, 2026-12-01). Under a header naming
 * a unit the sign is decoration. Returns the field, or -1.
 */
static int yuan_shown(const struct colmap *m, const struct tz_row *row)
{
	if (!m->money_bare)
		return -1;
	for (size_t f = 0; f < m->nfields; f++) {
		int i = m->idx[f];

		if (!m->cols[f].money || i < 0 || (size_t)i >= row->ncells || m->h.unit_stated[f])
			continue;
		if (row->kinds[i] != TZ_READ_NUMBER) {
			/* Typed or shown as text, "￥1,200.00": the same sign,
			 * unless the cell writes its own unit after the number
			 * ("￥1200万元"). One byte test for most cells. */
			const char *c = row->cells[i];
			size_t n = row->lens[i];

			if (!n || ((unsigned char)*c < 0x80 && *c != ' ' && *c != '\t'))
				continue;
			tz_text_trim(&c, &n);
			if (n > 2 && (!memcmp(c, "\xC2\xA5", 2) || !memcmp(c, "\xEF\xBF\xA5", 3)) &&
			    ((c[n - 1] >= '0' && c[n - 1] <= '9') || c[n - 1] == '.' ||
			     (n > 5 && !memcmp(c + n - 3, "\xEF\xBC", 2) &&     /* ０-９ ． */
			      ((unsigned char)c[n - 1] == 0x8E ||
			       ((unsigned char)c[n - 1] >= 0x90 && (unsigned char)c[n - 1] <= 0x99)))))
				return (int)f;
			continue;
		}
		/* ¥ U+00A5 (C2 A5), ￥ U+FFE5 (EF BF A5) */
		if (yuan_sign(row->cells[i], row->lens[i]))
			return (int)f;
	}
	return -1;
}

static void convert(const struct pipeline *pl, const struct tz_row *row, struct row_text *t,
		    struct item *it, struct parts *ps, struct tz_err *why)
{
	int rc, extra, cand = 0, heading = 0, numbered = -1, yuan;
	struct split split;

	memset(it, 0, sizeof(*it));
	it->line = row->line;
	tz_err_clear(why);
	it->skip = tz_header_row_kind(&pl->map->h, row);
	if (it->skip == TZ_ROW_DATA)
		it->skip = tz_row_plain_kind(&pl->map->h, row);
	/* A part of the project above? One test of two cells per row. */
	if (!pl->progress && (it->skip == TZ_ROW_DATA || ps->on))
		numbered = row_numbered(pl->map, row);
	if (!pl->progress && ps->on && !numbered) {
		const char *name;
		size_t nlen;

		row_cell(row, pl->map->idx[TZ_PF_NAME], &name, &nlen);
		/* 其中：一期工程 reads as a heading: here it is a part. */
		heading = it->skip == TZ_ROW_SECTION && tz_row_mark(name, nlen) == TZ_MARK_BREAKDOWN;
		cand = (it->skip == TZ_ROW_DATA || heading) && (ps->strong || part_name(name, nlen));
		if (heading)
			it->skip = TZ_ROW_DATA;
	}
	if (it->skip != TZ_ROW_DATA) {
		ps->on = 0;
		return;
	}
	it->hidden = row->hidden;
	take_cells(row, pl->map, t);
	merged_project(row, pl->map, t);
	if (t->group_cont) {
		/* The project of the row above, its cells merged down. */
		it->skip = TZ_ROW_BLANK;
		it->merged_cont = 1;
		return;
	}
	it->invisible = t->invisible;
	it->folded = t->folded;
	it->codefix = t->codefix;
	it->natread = t->natread;
	t->code_none = NULL;
	if (row->suspect == TZ_READ_SUSPECT_QUOTES)
		/* Its fields ran together: no value is sure to be in its column. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, NULL,
				   "第%ld行的引号看起来不成对（引号括起的单元格中间又有单个引号），"
				   "各列的值因此错位，该行未导入；请检查该行的双引号",
				   row->line);
	else if (split_amount(pl->map, row, &split))
		/* Before the width: the amount and its pieces named. */
		rc = split_refusal(pl->map, row, &split, why);
	else if (row->suspect == TZ_READ_SUSPECT_WIDTH)
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, NULL,
				   "第%ld行有%zu个字段，而表头和其他行都是%zu个：引号可能不成对，"
				   "或单元格中的逗号没有加引号（如 1,000），各列的值会错位，该行未导入；"
				   "请检查该行", row->line, row->ncells, row->width);
	else if ((extra = beyond_header(pl->map, row)) >= 0)
		/* A field with no column: the record's fields have moved. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, NULL,
				   "第%ld行有%zu个字段，比表头的%zu列多，第%zu个字段“%.*s”不在任何一列下："
				   "金额中的千位分隔逗号没有加引号（如 12,000）会把一个数拆成几个字段，"
				   "各列的值因此错位，该行未导入；请把金额写成 12000 或 \"12,000\"，"
				   "备注写在有表头的列中",
				   row->line, row->ncells, pl->map->h.width, (size_t)extra + 1,
				   (int)(row->lens[extra] > 80 ? 80 : row->lens[extra]), row->cells[extra]);
	else if (t->bad_field >= 0 && t->bad_kind == TZ_READ_NO_VALUE)
		/* Never 0: the sheet does not say what the value is. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s是公式，没有保存计算结果（请在 Excel 或 WPS 中打开并保存后再导入）",
				   pl->map->cols[t->bad_field].header);
	else if (t->bad_field >= 0 && t->bad_kind == BAD_MARKED)
		/* Never the mark's digits in the amount: 12.5¹ is not 12.51. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s“%s”中有上标、下标或删除线的文字（脚注标记或删去的数），"
				   "会和数字连在一起，该行未导入；请删去这些文字，注释写在备注中",
				   pl->map->cols[t->bad_field].header, t->v[t->bad_field]);
	else if (t->bad_field >= 0 && t->bad_kind == BAD_CODE_NUMBER)
		/* Never a guessed code: it may be another project's. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s“%s”被 Excel 当作数字保存，数字只保留15位有效数字，末尾的数字已丢失"
				   "（两个项目的编号可能变成同一个），该行未导入；请把该列设为文本格式，"
				   "重新填写完整的编号后再导入",
				   pl->map->cols[t->bad_field].header, t->v[t->bad_field]);
	else if (t->bad_field >= 0 && t->bad_kind == BAD_PERIOD_TEXT)
		/* Never January by guess: Excel saves 2025.10 in General as 2025.1. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s“%s”可能是%.4s年1月，也可能是%.4s年10月"
				   "（Excel 常规格式会去掉末尾的0，另存为CSV时%.4s.10也写成%.4s.1），"
				   "该行未导入；请写成“%.4s-01”或“%.4s-10”",
				   pl->map->cols[t->bad_field].header, t->v[t->bad_field],
				   t->v[t->bad_field], t->v[t->bad_field], t->v[t->bad_field],
				   t->v[t->bad_field], t->v[t->bad_field], t->v[t->bad_field]);
	else if (t->bad_field >= 0 && t->bad_kind == BAD_PERIOD_NUMBER)
		/* Never January by guess: 2025.10 typed in General is 2025.1. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s“%s”是数字，可能是%.4s年1月，也可能是%.4s年10月"
				   "（Excel 常规格式会去掉末尾的0），该行未导入；"
				   "请写成文本“%.4s-01”或“%.4s-10”",
				   pl->map->cols[t->bad_field].header, t->v[t->bad_field],
				   t->v[t->bad_field], t->v[t->bad_field], t->v[t->bad_field],
				   t->v[t->bad_field]);
	else if (t->bad_field >= 0)
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->bad_field].header,
				   "%s是错误值“%s”（公式出错），请改正后再导入",
				   pl->map->cols[t->bad_field].header, t->v[t->bad_field]);
	else if (t->across_field >= 0)
		/* Never the left column's text: the range is one cell shown
		 * across, its text is the first column's. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->across_field].header,
				   "%s是与左边一列合并的单元格（跨列合并）：合并单元格的内容“%.*s”只属于"
				   "最左一列，本行的%s没有填写，该行未导入；请取消合并后在该列填写",
				   pl->map->cols[t->across_field].header,
				   (int)(t->across_len > 80 ? 80 : t->across_len), t->across_text,
				   pl->map->cols[t->across_field].header);
	else if (t->merged_field >= 0)
		/* Never each row's: the sheet wrote one amount for the group. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->merged_field].header,
				   "%s“%s”是从第%ld行起向下合并到多行的单元格，是这几行共同的金额，"
				   "无法拆分到每个项目，该行未导入；请在每个项目的行中分别填写",
				   pl->map->cols[t->merged_field].header, t->v[t->merged_field],
				   t->merged_from);
	else if (t->nul_field >= 0)
		/* A NUL would end the text early: the cell is not what it shows. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->nul_field].header,
				   "%s含有空字符（NUL），文件可能已损坏",
				   pl->map->cols[t->nul_field].header);
	else if ((yuan = yuan_shown(pl->map, row)) >= 0)
		/* Never 万元 by default: the format is the only unit stated. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[yuan].header,
				   "%.*s显示为“%s”（人民币元的货币格式），而表头的“%.*s”没有写金额"
				   "单位：不知道金额是元还是万元，该行未导入；请在表头注明单位"
				   "（金额是元就写“%.*s（元）”）",
				   BASE_NAME(pl->map->cols[yuan].header), row->cells[pl->map->idx[yuan]],
				   BASE_NAME(pl->map->cols[yuan].header),
				   BASE_NAME(pl->map->cols[yuan].header));
	else if (t->natbad)
		/* Never one code guessed from several, or a code cut short. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, t->natbad_col,
				   t->natbad == TZ_NATCODE_TWO
				   ? "%s“%s”中有两个或更多项目代码，不知道本行是哪一个项目，该行未导入；"
				     "请每行只填一个项目代码"
				   : "%s“%s”不是有效的投资项目统一代码（应为24位，如2020-210800-48-01-012345："
				     "年份4位、地区6位、行业2位、类别2位、流水号6位），该行未导入；请核对",
				   t->natbad_col, t->natbad_text);
	else if (!(rc = stand_in(pl->map, t, why)))
		rc = pl->progress ? to_progress(pl->map, t, &it->rec.r, why)
				  : to_project(pl->map, t, &it->rec.p, cand, why);
	if (!pl->progress && t->code_none) {
		/* No code was written, so nothing of one was folded. */
		it->code_none = t->code_none;
		it->folded = 0;
		it->codefix = 0;
		it->natread = 0;
	}
	it->has_ytd = 0;
	if (!rc && pl->progress && pl->map->idx[TZ_RF_YTD] >= 0)
		rc = money_field(pl->map, t, TZ_RF_YTD, &it->ytd, &it->has_ytd, why);
	/* Money cells of a column whose header states no unit: with a unit
	 * in some and none in others the bare ones have none (W3, audit 9). */
	for (size_t f = 0; pl->map->money_bare && f < pl->map->nfields; f++)
		if (pl->map->cols[f].money && pl->map->idx[f] >= 0 && !pl->map->h.unit_stated[f])
			tz_header_cell_unit(&pl->map->h, &t->units, f, t->v[f], t->len[f], row->line);
	if (!pl->progress)
		rc = parts_check(pl->map, ps, cand, heading, numbered, row, it, rc, why);
	if (it->part)
		return;
	it->rounded = t->rounded;
	it->marks = t->marks;
	if (pl->progress) {
		it->name = t->v[TZ_RF_NAME];
		it->region = t->v[TZ_RF_REGION];
	}
	if (rc) {
		it->rejected = 1;
		it->year_off = pl->progress ? 0 : t->year_off;
		/* 无 in a 项目代码 is no code: the row is named by its line. */
		it->code = t->code_none ? "" : t->v[0];
		it->field = why->field;
		it->reason = why->msg;
	}
}

static struct chunk *take_free(struct pipeline *pl)
{
	struct chunk *c = NULL;

	pthread_mutex_lock(&pl->lock);
	while (!pl->nfree && !pl->cancel)
		pthread_cond_wait(&pl->changed, &pl->lock);
	if (!pl->cancel)
		c = pl->free_[--pl->nfree];
	pthread_mutex_unlock(&pl->lock);
	if (c) {
		c->n = 0;
		c->used = 0;
		c->last = 0;
	}
	return c;
}

static void put_full(struct pipeline *pl, struct chunk *c)
{
	pthread_mutex_lock(&pl->lock);
	pl->full[pl->nfull++] = c;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
}

/* The writer's side: the next chunk in file order. */
static struct chunk *take_full(struct pipeline *pl)
{
	struct chunk *c;

	pthread_mutex_lock(&pl->lock);
	while (!pl->nfull)
		pthread_cond_wait(&pl->changed, &pl->lock);
	c = pl->full[0];
	memmove(pl->full, pl->full + 1, --pl->nfull * sizeof(pl->full[0]));
	pthread_mutex_unlock(&pl->lock);
	return c;
}

static void put_free(struct pipeline *pl, struct chunk *c)
{
	pthread_mutex_lock(&pl->lock);
	pl->free_[pl->nfree++] = c;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
}

/*
 * A totals row at the top of a list (audit 9, R21): before the first
 * project, a row with no 序号, no 项目编号 and no 所属地区 named for the
 * whole list -- 全部项目, 所有项目, 重点项目, 全县重点项目, 市级重点项目,
 * 甲县重点项目 -- carries the list's sums. It is skipped as a total
 * when, at the end, its amounts are the sums of the projects below;
 * otherwise the file is refused naming the row. The state lives in the
 * reading thread; a few compares per row before the first project, an
 * addition per project after it.
 */
struct top_total {
	long line;         /* the row's line, 0: none seen */
	char name[64];     /* its name, for the message */
	int seen_data;     /* a project came: no later row is the list's top */
	int unsure;        /* a project below was refused: its amounts are unknown */
	int64_t total, annual;
	int has_annual;
	int64_t sum_total, sum_annual;
};

static int top_prefix(const char *s, size_t len)
{
	static const char *const ends_[] = { "县", "市", "区", "旗", "州", "省", "镇", "乡",
					     "级", "年", "年度" };
	static const char *const whole[] = { "全部", "所有", "全县", "全市", "全区", "全省",
					     "全旗", "全州" };

	if (!len)
		return 1;
	/* A scope of a few characters: 全县, 市级, 甲县, 2025年. */
	if (len > 5 * 3)
		return 0;
	for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		if (len == strlen(whole[i]) && !memcmp(s, whole[i], len))
			return 1;
	for (size_t i = 0; i < sizeof(ends_) / sizeof(ends_[0]); i++) {
		size_t l = strlen(ends_[i]);

		if (len > l && !memcmp(s + len - l, ends_[i], l))
			return 1;
	}
	return 0;
}

/* 全部项目, 所有项目, or a scope then 重点项目 (重点项目, 全县重点项目,
 * 市级重点项目, 甲县重点项目, 2025年重点项目). */
static int top_name(const char *s, size_t len)
{
	static const char *const key = "重点项目";
	size_t kl = strlen(key);

	if ((len == strlen("全部项目") && !memcmp(s, "全部项目", len)) ||
	    (len == strlen("所有项目") && !memcmp(s, "所有项目", len)))
		return 1;
	return len >= kl && !memcmp(s + len - kl, key, kl) && top_prefix(s, len - kl);
}

/* Called on each converted row, in file order (projects only). */
static void top_row(const struct pipeline *pl, const struct tz_row *row, struct row_text *t,
		    struct item *it, struct top_total *top)
{
	const struct colmap *m = pl->map;
	const char *name, *s;
	size_t nlen, len;
	int present;
	struct tz_err ignore;

	if (it->skip != TZ_ROW_DATA)
		return;
	if (top->seen_data) {
		if (!top->line)
			return;
		if (it->rejected) {
			top->unsure = 1;
		} else {
			top->sum_total += it->rec.p.total;
			top->sum_annual += it->rec.p.annual;
		}
		return;
	}
	top->seen_data = 1;
	row_cell(row, m->idx[TZ_PF_NAME], &name, &nlen);
	if (!nlen || !top_name(name, nlen))
		return;
	row_cell(row, m->h.seq_idx, &s, &len);
	if (len)
		return;
	row_cell(row, m->idx[CODE_FIELD], &s, &len);
	if (len)
		return;
	row_cell(row, m->idx[TZ_PF_REGION] >= 0 ? m->idx[TZ_PF_REGION] : m->idx[TZ_PF_UNIT], &s,
		 &len);
	if (len)
		return;
	/* Its amounts as the projects' are read; a total must have one. */
	if (money_field(m, t, TZ_PF_TOTAL, &top->total, &present, &ignore) || !present ||
	    money_field(m, t, TZ_PF_ANNUAL, &top->annual, &top->has_annual, &ignore))
		return;
	top->line = row->line;
	snprintf(top->name, sizeof(top->name), "%.*s", (int)(nlen < 60 ? nlen : 60), name);
	top->seen_data = 1;
	memset(it, 0, sizeof(*it));
	it->line = row->line;
	it->skip = TZ_ROW_TOTAL;
	/* The next row is the first project: the sums start there. */
	top->seen_data = 1;
}

/* The refusal of a top row whose `what` (总投资, 年度计划投资) is not the
 * sum of the projects below. */
static int top_mismatch(const struct pipeline *pl, const struct top_total *top, const char *what,
			int64_t have, int64_t sum, struct tz_err *err)
{
	char a[TZ_MONEY_FMT_MAX], b[TZ_MONEY_FMT_MAX];

	return tz_err_set_at(err, TZ_EINVAL, pl->path, top->line, "项目名称",
			     "第%ld行“%s”没有序号和所属地区，像是全表的合计行，但它的%s%s万元"
			     "不等于下面各项目之和%s万元，不能作为合计行跳过，也不能作为项目导入"
			     "（所属地区为空），整个文件未导入；请核对：是项目就填写所属地区，"
			     "是合计行就改正金额或删去该行",
			     top->line, top->name, what, tz_money_fmt(have, a), tz_money_fmt(sum, b));
}

/* At the end of the file: 0, or the refusal of a top row that is no total. */
static int top_end(const struct pipeline *pl, const struct top_total *top, struct tz_err *err)
{
	if (!top->line)
		return 0;
	if (top->unsure)
		return tz_err_set_at(err, TZ_EINVAL, pl->path, top->line, "项目名称",
				     "第%ld行“%s”没有序号和所属地区，像是全表的合计行，但下面有的行有错误，"
				     "无法核对它的金额是否等于各项目之和，整个文件未导入；"
				     "请改正各行后重新导入（合计行也可以删去）",
				     top->line, top->name);
	if (top->total != top->sum_total)
		return top_mismatch(pl, top, "总投资", top->total, top->sum_total, err);
	if (top->has_annual && top->annual != top->sum_annual)
		return top_mismatch(pl, top, "年度计划投资", top->annual, top->sum_annual, err);
	return 0;
}

/*
 * A 序号 that numbers in tiers (audit 10, S3): a project row numbered 1
 * (or 1. or 1、) followed by rows numbered 1.1, 1.2 (1-1, （1）, ①:
 * tier_child) is their group (站前区项目 with its rows' sums) or a
 * project and its parts; stored as projects, every
 * amount of the group counts twice. The rows are read in order and the
 * row numbered 1 may already be on its way to the store, so the file is
 * refused at the first such row, naming both rows and their 序号: never
 * a guess which of them is the project. A parent or child that is a
 * heading, total or refused row sets nothing, and a heading or total
 * between them ends the group (二、新开工项目 then (1), (2)); a 序号 of
 * 1.0 (a float's tail) is no tier. The state lives in the reading thread; a few byte
 * tests per row.
 */
struct tiers {
	long line;        /* the last stored row numbered with digits only, 0: none */
	char seq[16];     /* its 序号's digits */
	char shown[16];   /* its 序号 as written */
	char name[64];    /* its 项目名称, for the message */
};

/* Length of the digits at s[0..len), at most 6 (0: none or more). */
static size_t seq_digits(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	return i <= 6 ? i : 0;
}

/*
 * Whether 序号 seq[0..slen), whose first d bytes are digits, numbers a row
 * under the row numbered `parent`: parent's number, a separator (. - _ 、
 * and their full-width forms, —) and a number not all zeros (1.1, 1-2,
 * 1.1., 1、2; not 1.0), or, with no digits first (d = 0), a sub-number
 * of any parent: (1), （2）, ①…⑳, ⑴…⒇.
 */
static int tier_child(const char *seq, size_t slen, size_t d, const char *parent)
{
	static const char *const seps[] = { ".", "-", "_", "、", "．", "－", "—", "＿" };
	const unsigned char *u = (const unsigned char *)seq;
	size_t k, o = 0;
	int zeros = 1;

	if (!d) {
		/* ①..⑳ U+2460..2473, ⑴..⒇ U+2474..2487 */
		if (slen == 3 && u[0] == 0xE2 &&
		    ((u[1] == 0x91 && u[2] >= 0xA0) || (u[1] == 0x92 && u[2] <= 0x87)))
			return 1;
		if (slen && seq[0] == '(')
			o = 1;
		else if (slen >= strlen("（") && !memcmp(seq, "（", strlen("（")))
			o = strlen("（");
		if (!o || !(k = seq_digits(seq + o, slen - o)))
			return 0;
		return (o + k + 1 == slen && seq[o + k] == ')') ||
		       (o + k + strlen("）") == slen && !memcmp(seq + o + k, "）", strlen("）")));
	}
	if (d != strlen(parent) || memcmp(seq, parent, d))
		return 0;
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]) && !o; i++)
		if (slen - d > strlen(seps[i]) && !memcmp(seq + d, seps[i], strlen(seps[i])))
			o = d + strlen(seps[i]);
	if (!o || !(k = seq_digits(seq + o, slen - o)))
		return 0;
	for (size_t i = o; i < o + k; i++)
		zeros &= seq[i] == '0';
	/* What may follow: nothing, or the separator again (1.1.). */
	return !zeros && (o + k == slen || (o + k + 1 == slen && seq[o + k] == seq[d]) ||
			  (o + k + strlen("、") == slen && !memcmp(seq + o + k, "、", strlen("、"))));
}

/* Called on each converted ledger row, in file order: 0, or the
 * refusal of a row numbered under a stored one. */
static int tier_row(const struct pipeline *pl, const struct tz_row *row, const struct item *it,
		    struct tiers *tr, struct tz_err *err)
{
	const struct colmap *m = pl->map;
	const char *seq, *name;
	size_t slen, nlen, d;

	if (m->h.seq_idx < 0)
		return 0;
	/* A heading or total ends the group above (a project's part does
	 * not: it is the project's). */
	if ((it->skip == TZ_ROW_SECTION || it->skip == TZ_ROW_TOTAL) && !it->part)
		tr->line = 0;
	if (it->skip != TZ_ROW_DATA || it->merged_cont)
		return 0;
	row_cell(row, m->h.seq_idx, &seq, &slen);
	d = seq_digits(seq, slen);
	if (d && (d == slen || (d + 1 == slen && (seq[d] == '.')) ||
		  (d + strlen("、") == slen && !memcmp(seq + d, "、", strlen("、"))) ||
		  (d + strlen("．") == slen && !memcmp(seq + d, "．", strlen("．"))))) {
		tr->line = it->rejected ? 0 : row->line;
		snprintf(tr->seq, sizeof(tr->seq), "%.*s", (int)d, seq);
		snprintf(tr->shown, sizeof(tr->shown), "%.*s", (int)slen, seq);
		row_cell(row, m->idx[TZ_PF_NAME], &name, &nlen);
		snprintf(tr->name, sizeof(tr->name), "%.*s", (int)(nlen < 60 ? nlen : 60), name);
		return 0;
	}
	if (!tr->line || !tier_child(seq, slen, d, tr->seq))
		return 0;
	return tz_err_set_at(err, TZ_EINVAL, pl->path, row->line, "序号",
			     "第%ld行“%s”的序号是“%s”，第%ld行的序号是“%.*s”：序号分级，第%ld行像是"
			     "下面几行的分组合计（或含有分项的项目），与下面的行都作为项目导入会把金额"
			     "重复计算，整个文件未导入；请删去第%ld行（或其下的分项），或把序号改为"
			     "不分级的编号",
			     tr->line, tr->name, tr->shown, row->line, (int)slen, seq, tr->line,
			     tr->line);
}

/*
 * The rounding an amount may carry, in half-cents (0.005 万元): a cell
 * rounded to 0.01 万元 on reading is counted by the caller (it->rounded);
 * here, an amount written in a unit above 万元 (亿元) is taken to be
 * rounded to the last place it shows, so it may be off by half of that
 * place (2.46 亿元: 0.005 亿元 = 50 万元 = 10000 half-cents; 3 亿元:
 * 0.5 亿元). In 万元 and below the figures are the office's own, exact
 * but for the 0.01 万元 rounding. A number in E notation is taken as
 * exact.
 */
static int64_t amount_halfs(const struct colmap *m, const struct tz_row *row, int f)
{
	const char *s;
	size_t len, i, d = 0;
	int e, p;
	int64_t h = 1;

	if (f < 0 || m->idx[f] < 0 || (size_t)m->idx[f] >= row->ncells || m->unit_exp[f] <= 0)
		return 0;
	e = m->unit_exp[f];
	if (row->kinds[m->idx[f]] == TZ_READ_NUMBER && row->values[m->idx[f]]) {
		s = row->values[m->idx[f]];
		len = strlen(s);
	} else {
		s = row->cells[m->idx[f]];
		len = row->lens[m->idx[f]];
		tz_text_trim(&s, &len);
	}
	if (!len || memchr(s, 'e', len) || memchr(s, 'E', len))
		return 0;
	for (i = 0; i < len && s[i] != '.'; i++)
		;
	for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	/* Half a unit of the last place, 10^(e-d) 万元, is 10^(e-d+2) half-cents. */
	p = e + 2 - (int)d;
	if (p <= 0)
		return 0;
	while (p-- > 0)
		h *= 10;
	return h;
}

/* The cents two sums may differ by, given the half-cents they carry. */
static int64_t halfs_slack(int64_t halfs)
{
	return (halfs + 1) / 2;
}

/*
 * A grand total row below the projects (walkthrough 9, item 3; reports'
 * 本期完成投资 too, walkthrough 10): a 合计
 * written at the end of a list is the sum of every project above it,
 * like a totals row at the top (R21, top_row). It is checked only where
 * that is certain: the list's one total row (the top one aside), labelled
 * as the whole's (合计, 总计 …, not 小计), after the last project, in a
 * list without section rows (whose 合计 rows may be a section's) and
 * with no project refused (then the file says so row by row). A total
 * whose 总投资 or 年度计划投资 differs from the sum refuses the file, as
 * R21 does; amounts rounded to 0.01 万元 allow the rounding's difference.
 * Sums overflow-checked (an overflow leaves the row unchecked). A few
 * compares per row, the label and amounts read only on total rows.
 */
struct end_total {
	long line;           /* the total row, 0: none */
	char label[40];      /* its label, for the message */
	int64_t total, annual;
	int has_annual;
	int64_t sum_total, sum_annual;  /* every accepted project row */
	long projects;
	long blanks;         /* projects without a plan ("—"): its sum is not known */
	int64_t rounded;     /* the allowance of the amounts' rounding, half-cents (amount_halfs) */
	long first, last;    /* the lines of the first and last project */
	int after;           /* a project came after the total */
	int others;          /* a section or another total row: not checked */
	int unsure;          /* a project refused, or a sum overflowed */
};

/* Whether the label (trimmed) names the whole list's total. */
static int grand_label(const char *s, size_t len, char *out, size_t outsz)
{
	static const char *const words[] = { "合计", "总计", "共计", "合計", "總計", "总合计",
					     "全部合计", "以上合计", "项目合计", "全部项目合计" };
	char buf[64];
	size_t n = 0;

	/* Spaces inside (合  计) and a colon after (合计：) are decoration. */
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (i + 3 <= len && !memcmp(s + i, "　", 3)) {
			i += 2;
			continue;
		}
		if (n + 1 >= sizeof(buf))
			return 0;
		buf[n++] = s[i];
	}
	if (n >= 3 && !memcmp(buf + n - 3, "：", 3))
		n -= 3;
	else if (n && buf[n - 1] == ':')
		n--;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == n && !memcmp(words[i], buf, n)) {
			snprintf(out, outsz, "%s", words[i]);
			return 1;
		}
	return 0;
}

/* A money cell of a total row, read as money_field reads a project's
 * (the stored number of a number cell, else the text). */
static int end_amount(const struct colmap *m, const struct tz_row *row, int f, int64_t *out,
		      int *present, long *rounded)
{
	struct row_text t;
	struct tz_err ignore;
	int i = m->idx[f];

	memset(&t, 0, sizeof(t));
	*present = 0;
	if (i < 0 || (size_t)i >= row->ncells)
		return 0;
	/* A number shown scaled, with a unit or as text: not compared. */
	if (row->flags[i] & (TZ_READ_SCALED | TZ_READ_UNIT | TZ_READ_SHOWN))
		return -1;
	if (row->kinds[i] == TZ_READ_NUMBER && row->values[i]) {
		t.v[f] = row->values[i];
		t.len[f] = strlen(row->values[i]);
	} else {
		t.v[f] = row->cells[i];
		t.len[f] = row->lens[i];
		tz_text_trim(&t.v[f], &t.len[f]);
	}
	if (money_field(m, &t, f, out, present, &ignore))
		return -1;
	*rounded += t.rounded;
	return 0;
}

/* The columns a bottom total is compared in: a ledger's 总投资 and
 * 年度计划投资, a report's 本期完成投资 alone (-1: none). */
static int end_field(const struct pipeline *pl, int second)
{
	if (pl->progress)
		return second ? -1 : TZ_RF_COMPLETED;
	return second ? TZ_PF_ANNUAL : TZ_PF_TOTAL;
}

/* Called on each converted row after top_row, in file order. */
static void end_row(const struct pipeline *pl, const struct tz_row *row, const struct item *it,
		    const struct top_total *top, struct end_total *e)
{
	const struct colmap *m = pl->map;
	const char *s = "";
	size_t len = 0;
	int present;
	long rounded = 0;

	if (it->skip == TZ_ROW_DATA && !it->part) {
		int64_t first = pl->progress ? it->rec.r.completed : it->rec.p.total;
		int64_t second = pl->progress || !it->rec.p.has_plan ? 0 : it->rec.p.annual;

		if (e->line)
			e->after = 1;
		if (it->rejected) {
			e->unsure = 1;
			return;
		}
		if (__builtin_add_overflow(e->sum_total, first, &e->sum_total) ||
		    __builtin_add_overflow(e->sum_annual, second, &e->sum_annual))
			e->unsure = 1;
		e->rounded += it->rounded + amount_halfs(m, row, end_field(pl, 0)) +
			      (second ? amount_halfs(m, row, end_field(pl, 1)) : 0);
		if (!pl->progress && !it->rec.p.has_plan)
			e->blanks++;
		if (!e->projects++)
			e->first = row->line;
		e->last = row->line;
		return;
	}
	if (it->skip == TZ_ROW_SECTION && !it->part) {
		e->others = 1;
		return;
	}
	if (it->skip != TZ_ROW_TOTAL || row->line == top->line)
		return;
	if (e->line || !e->projects) {
		e->others = 1;  /* a second total, or one above the projects */
		return;
	}
	for (size_t i = 0; i < row->ncells && !len; i++) {
		s = row->cells[i];
		len = row->lens[i];
		tz_text_trim(&s, &len);
	}
	if (!grand_label(s, len, e->label, sizeof(e->label)) ||
	    end_amount(m, row, end_field(pl, 0), &e->total, &present, &rounded) || !present ||
	    (end_field(pl, 1) >= 0 &&
	     end_amount(m, row, end_field(pl, 1), &e->annual, &e->has_annual, &rounded))) {
		e->others = 1;  /* a 小计, or amounts not read: not checked */
		return;
	}
	e->rounded += rounded + amount_halfs(m, row, end_field(pl, 0)) +
		      (e->has_annual ? amount_halfs(m, row, end_field(pl, 1)) : 0);
	e->line = row->line;
}

/* The refusal of a bottom total whose `what` is not the projects' sum. */
static int end_mismatch(const struct pipeline *pl, const struct end_total *e, int f,
			int64_t have, int64_t sum, struct tz_err *err)
{
	char a[TZ_MONEY_FMT_MAX], b[TZ_MONEY_FMT_MAX];
	const char *h = pl->map->cols[f].header;

	return tz_err_set_at(err, TZ_EINVAL, pl->path, e->line, h,
			     "第%ld行“%s”是全表的合计行，但它的%.*s%s万元不等于上面%ld个项目"
			     "（第%ld行至第%ld行）的%.*s之和%s万元，整个文件未导入；请核对："
			     "是合计行写错了就改正或删去该行，是有项目漏填或金额填错就改正项目的行",
			     e->line, e->label, BASE_NAME(h), tz_money_fmt(have, a), e->projects,
			     e->first, e->last, BASE_NAME(h), tz_money_fmt(sum, b));
}

/* At the end of the file: 0, or the refusal of a bottom total that does
 * not add up. */
static int end_check(const struct pipeline *pl, const struct end_total *e, struct tz_err *err)
{
	/* Each rounding is within 0.005 万元, an amount in 亿元 within half
	 * its last place (amount_halfs): the sums may differ by that. */
	int64_t slack = halfs_slack(e->rounded);

	/* A report of 累计 alone: its 本期 are derived later, by the writer. */
	if (!e->line || e->after || e->others || e->unsure || pl->map->h.ytd_only)
		return 0;
	if (llabs(e->total - e->sum_total) > slack)
		return end_mismatch(pl, e, end_field(pl, 0), e->total, e->sum_total, err);
	if (e->has_annual && !e->blanks && llabs(e->annual - e->sum_annual) > slack)
		return end_mismatch(pl, e, end_field(pl, 1), e->annual, e->sum_annual, err);
	return 0;
}

/*
 * Subtotals inside a list (audit 9's open item, session 14): a 小计 or
 * 合计 row between the projects (`小计 99999` over rows summing to 80000)
 * was skipped in silence, only a grand total at the end was checked
 * (end_check). Every total row that says it is a sum (sum_label: 合计,
 * 小计, 汇总…) is now held to a contiguous run of the projects around
 * it: the rows since an earlier boundary -- the start, a section heading
 * (一、续建项目, with or without its sums), a 其中 row or another total
 * row -- up to it (a 小计 closing its group, a section's 小计 over its
 * sub-sections' 小计, a 合计 over the whole list), or, for a total
 * written on top of its group (a 小计 under its heading), the rows from
 * it down to a later boundary or the end. One that is neither, beyond
 * the rounding of the amounts (amount_halfs), refuses the file at its
 * end, naming the line, the column, the stated sum and the sum of the
 * rows right above it (or below, when none are). Not checked: a region's
 * row (甲县（2个项目）, 全县) and Excel's 计数/平均值 (sum_label); a total
 * whose amounts are empty, scaled, shown with a unit or as text (as
 * end_check); totals right under a grand total or a 其中 row, with no
 * project between (合计 then 站前区小计, 西市区小计: a breakdown of the
 * total by region, not a run of rows); a total with no project above
 * or below it (a sheet of totals alone is refused for having no
 * project); anything once a project was refused (its amounts are
 * unknown) or when more than GROUP_PENDING totals wait for the rows
 * below them. A plan left empty ("—") makes the plans' sum unknown.
 * The state lives in the reading thread: per project an addition, per
 * total row a binary search over the boundaries' running sums.
 */
#define GROUP_PENDING 64

struct gmark {
	int64_t t, a;        /* the running sums of the two columns at the boundary */
	int64_t halfs;       /* the running rounding allowance (amount_halfs) */
	long projects;       /* projects before it */
	long blanks;         /* of them, those without the second amount (a plan "—") */
};

struct gpend {
	long line;           /* a total row waiting for the rows below it */
	char label[40];
	size_t at;           /* its boundary in marks */
	int64_t t, a, halfs; /* its stated amounts and their allowance */
	int has_t, has_a;
	/* The rows just above it, for the message (projects 0: none). */
	int64_t up_t, up_a;
	long up_projects, up_first, up_last;
	/* The first project below it, for the message (0: none yet). */
	long down_first;
};

struct groups {
	struct gmark *marks;  /* marks[0]: the start */
	size_t n, alloc;
	struct gmark now;     /* the running sums after the last row */
	long run_first, run_last;  /* the projects since the last boundary */
	long last;            /* the last project's line */
	int zone;             /* under a grand total or a 其中 row: not checked */
	int mono;             /* every amount >= 0: the running sums never fall */
	int unsure;           /* a project refused, a sum overflowed, too many waiting */
	struct gpend pend[GROUP_PENDING];
	size_t npend;
};

static void groups_init(struct groups *g)
{
	memset(g, 0, sizeof(*g));
	g->mono = 1;
	TZ_ALLOC_GROW(g->marks, 1, g->alloc);
	memset(&g->marks[0], 0, sizeof(g->marks[0]));
	g->n = 1;
}

static void groups_release(struct groups *g)
{
	free(g->marks);
	g->marks = NULL;
}

/* Whether the running sums from mark k to now are the stated amounts. */
static int group_from(const struct groups *g, size_t k, const struct gpend *p)
{
	const struct gmark *b = &g->marks[k];
	int64_t slack = halfs_slack(g->now.halfs - b->halfs + p->halfs);

	if (g->now.projects == b->projects)
		return 0;
	if (p->has_t && llabs(g->now.t - b->t - p->t) > slack)
		return 0;
	/* A project without a plan ("—"): the plan's sum is not known. */
	return !p->has_a || g->now.blanks != b->blanks || llabs(g->now.a - b->a - p->a) <= slack;
}

/* Whether some run of projects ending now, since a boundary, is the
 * total p; whether it is the whole list from the start (*whole). */
static int group_back(const struct groups *g, const struct gpend *p, int *whole)
{
	size_t lo = 0, hi = g->n;

	*whole = 0;
	if (g->mono && p->has_t) {
		/* The marks' sums are sorted: start at the first within reach. */
		int64_t want = g->now.t - p->t - halfs_slack(g->now.halfs + p->halfs);

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (g->marks[mid].t < want)
				lo = mid + 1;
			else
				hi = mid;
		}
		hi = g->n;
	}
	for (size_t k = lo; k < hi; k++) {
		if (g->mono && p->has_t &&
		    g->marks[k].t > g->now.t - p->t + halfs_slack(g->now.halfs + p->halfs))
			break;
		if (group_from(g, k, p)) {
			*whole = g->marks[k].projects == 0;
			return 1;
		}
	}
	return 0;
}

/* A boundary: the totals waiting for the rows below them are tried
 * against the rows up to here; then a new mark. */
static void group_mark(struct groups *g)
{
	size_t i = 0;

	while (i < g->npend) {
		struct gpend *p = &g->pend[i];

		if (group_from(g, p->at, p)) {
			g->pend[i] = g->pend[--g->npend];
			continue;
		}
		i++;
	}
	TZ_ALLOC_GROW(g->marks, g->n + 1, g->alloc);
	g->marks[g->n++] = g->now;
	g->run_first = g->run_last = 0;
}

/*
 * Whether a total row says it is a sum: a cell marking it a total
 * (tz_row_mark) that holds a word of summing -- 合计, 小计, 总计, 共计,
 * 汇总, 求和, Total, Sum… (spaces inside ignored: 小  计) -- copied to
 * label. Not a region's row on top of its projects (甲县（2个项目）,
 * 全县: what they carry is the region's, not a run of rows), nor
 * Excel's 计数, 平均值 (a count or a mean).
 */
static int sum_label(const struct tz_row *row, char *label, size_t size)
{
	static const char *const words[] = { "合计", "小计", "总计", "共计", "汇总", "求和",
					     "合計", "小計", "總計", "匯總", "Total", "total",
					     "TOTAL", "Sum", "SUM" };
	char buf[96];

	for (size_t i = 0; i < row->ncells; i++) {
		const char *s = row->cells[i];
		size_t len = row->lens[i], n = 0;

		tz_text_trim(&s, &len);
		if (!len || len > 90 || tz_row_mark(s, len) != TZ_MARK_TOTAL)
			continue;
		for (size_t k = 0; k < len; k++) {
			if (s[k] == ' ' || s[k] == '\t')
				continue;
			if (k + 3 <= len && !memcmp(s + k, "　", 3)) {
				k += 2;
				continue;
			}
			buf[n++] = s[k];
		}
		buf[n] = '\0';
		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
			if (strstr(buf, words[w]) && !strstr(buf, "计数") && !strstr(buf, "平均")) {
				/* At most size - 1 bytes, cut before a character. */
				size_t k = len < size - 1 ? len : size - 1;

				while (k < len && k && ((unsigned char)s[k] & 0xC0) == 0x80)
					k--;
				snprintf(label, size, "%.*s", (int)k, s);
				return 1;
			}
	}
	return 0;
}

/* Called on each converted row after top_row, in file order. */
static void group_row(const struct pipeline *pl, const struct tz_row *row, const struct item *it,
		      const struct top_total *top, struct groups *g)
{
	const struct colmap *m = pl->map;
	struct gpend p;
	const char *s = "";
	size_t len = 0;
	long rounded = 0;
	int whole, f1 = end_field(pl, 0), f2 = end_field(pl, 1);

	if (g->unsure || it->part)
		return;
	if (it->skip == TZ_ROW_DATA) {
		int64_t first = pl->progress ? it->rec.r.completed : it->rec.p.total;
		int64_t second = pl->progress || !it->rec.p.has_plan ? 0 : it->rec.p.annual;

		if (it->rejected) {
			g->unsure = 1;
			return;
		}
		if (__builtin_add_overflow(g->now.t, first, &g->now.t) ||
		    __builtin_add_overflow(g->now.a, second, &g->now.a)) {
			g->unsure = 1;
			return;
		}
		if (first < 0 || second < 0)
			g->mono = 0;
		if (!pl->progress && !it->rec.p.has_plan)
			g->now.blanks++;
		for (size_t i = 0; i < g->npend; i++)
			if (!g->pend[i].down_first)
				g->pend[i].down_first = row->line;
		g->last = row->line;
		g->now.halfs += it->rounded + amount_halfs(m, row, f1) +
				(second ? amount_halfs(m, row, f2) : 0);
		g->now.projects++;
		if (!g->run_first)
			g->run_first = row->line;
		g->run_last = row->line;
		g->zone = 0;
		return;
	}
	if (it->skip == TZ_ROW_SECTION) {
		group_mark(g);
		for (size_t i = 0; i < row->ncells && !len; i++) {
			s = row->cells[i];
			len = row->lens[i];
			tz_text_trim(&s, &len);
		}
		/* 其中…: the rows below break down the row above. */
		if (len && tz_row_mark(s, len) == TZ_MARK_BREAKDOWN)
			g->zone = 1;
		return;
	}
	if (it->skip != TZ_ROW_TOTAL || row->line == top->line)
		return;
	memset(&p, 0, sizeof(p));
	p.line = row->line;
	if (!sum_label(row, p.label, sizeof(p.label)) || g->zone || end_amount(m, row, f1, &p.t, &p.has_t, &rounded) ||
	    (f2 >= 0 && end_amount(m, row, f2, &p.a, &p.has_a, &rounded)) ||
	    (!p.has_t && !p.has_a)) {
		group_mark(g);  /* nothing to check: still a boundary */
		return;
	}
	p.halfs = rounded + (p.has_t ? amount_halfs(m, row, f1) : 0) +
		  (p.has_a ? amount_halfs(m, row, f2) : 0);
	if (group_back(g, &p, &whole)) {
		group_mark(g);
		g->zone = whole;  /* under the whole list's total: its breakdown */
		return;
	}
	/* On top of its group, or wrong: the rows below will tell. */
	if (g->npend == GROUP_PENDING) {
		g->unsure = 1;
		return;
	}
	p.up_projects = g->run_first ? g->now.projects - g->marks[g->n - 1].projects : 0;
	p.up_t = g->now.t - g->marks[g->n - 1].t;
	p.up_a = g->now.a - g->marks[g->n - 1].a;
	p.up_first = g->run_first;
	p.up_last = g->run_last;
	group_mark(g);
	p.at = g->n - 1;
	g->pend[g->npend++] = p;
}

/* The refusal of total p, which is neither a run of rows above nor below:
 * named against the rows right above it, or, when none are, every row
 * below it (g at the end of the file). */
static int group_mismatch(const struct pipeline *pl, const struct groups *g,
			  const struct gpend *p, struct tz_err *err)
{
	const struct colmap *m = pl->map;
	const struct gmark *b = &g->marks[p->at];
	char a[TZ_MONEY_FMT_MAX], s[TZ_MONEY_FMT_MAX], col[8], rows[64];
	int up = p->up_projects > 0;
	long n = up ? p->up_projects : g->now.projects - b->projects;
	long first = up ? p->up_first : p->down_first, last = up ? p->up_last : g->last;
	int64_t sum_t = up ? p->up_t : g->now.t - b->t, sum_a = up ? p->up_a : g->now.a - b->a;
	/* The column that differs: 总投资 (本期完成投资), else 年度计划投资. */
	int second = !p->has_t || llabs(p->t - sum_t) <= halfs_slack(p->halfs);
	int f = end_field(pl, second);
	const char *h = m->cols[f].header;

	tz_header_col_letters((size_t)m->idx[f], col);
	if (first == last)
		snprintf(rows, sizeof(rows), "第%ld行", first);
	else
		snprintf(rows, sizeof(rows), "第%ld行至第%ld行", first, last);
	return tz_err_set_at(err, TZ_EINVAL, pl->path, p->line, h,
			     "第%ld行“%s”是合计/小计行，但它第%s列的%.*s%s万元不等于%s%ld个项目（%s）"
			     "的%.*s之和%s万元，也不是表中其他连续几行项目之和，不能作为合计行跳过，"
			     "整个文件未导入；请核对：是合计行写错了就改正或删去该行，是有项目漏填或"
			     "金额填错就改正项目的行",
			     p->line, p->label, col, BASE_NAME(h),
			     tz_money_fmt(second ? p->a : p->t, a), up ? "上面" : "下面", n, rows,
			     BASE_NAME(h), tz_money_fmt(second ? sum_a : sum_t, s));
}

/* At the end of the file: 0, or the refusal of the first total row that
 * is no run of projects. */
static int group_end(const struct pipeline *pl, struct groups *g, struct tz_err *err)
{
	const struct gpend *first = NULL;

	if (g->unsure || pl->map->h.ytd_only)
		return 0;
	group_mark(g);
	for (size_t i = 0; i < g->npend; i++) {
		const struct gpend *p = &g->pend[i];

		/* No project above it or below: nothing it could be the sum
		 * of (a list of totals alone is refused as such). */
		if (!p->up_projects && g->now.projects == g->marks[p->at].projects)
			continue;
		if (!first || p->line < first->line)
			first = p;
	}
	return first ? group_mismatch(pl, g, first, err) : 0;
}

/*
 * A ledger row's hashes, on the reading thread (struct item): the
 * writing thread is the import's bottleneck, the reading one has time
 * to spare (issue 6). The same hashes row_key, name_hash and the store's
 * project_fields would compute from the same bytes.
 */
static void ledger_hashes(struct item *it)
{
	const struct tz_project *p = &it->rec.p;

	it->hashed_code = NULL;
	if (it->skip != TZ_ROW_DATA || it->rejected)
		return;
	it->hashed_code = p->code;
	it->code_hash = tz_hash_bytes(p->code, strlen(p->code));
	it->name_hash = (uint32_t)tz_hash_bytes(p->name, strlen(p->name));
	it->rec.p.text_hash = tz_project_text_hash(p);
}

/* ------------------------------------------------------------------ */
/* Further tables of an HTML page                                      */

/*
 * An HTML ".xls" page may hold several tables one after the other, each
 * with its own title and header: 续建项目 then 新开工项目, a data table
 * then its 填报说明 (audit 9; session 14). Excel shows them as one sheet;
 * before, the second table's title was read as a project and the file
 * refused (项目编号为空). The reader numbers the tables
 * (tz_reader_table_at); the reading thread follows them here:
 *   - rows of a further table up to its header are its title, its unit
 *     note, its instructions: not projects (a unit stated there must be
 *     the one the amounts are read in, tz_header_check_unit);
 *   - a header equal to the first table's, column by column (names,
 *     year, unit), means the same ledger continues: its rows are read
 *     with the first's, and the summary says so (第2个表格…一并导入);
 *     unless its title says it is instructions or a sample (填报说明,
 *     示例: tz_sheet_name_is_instructions), or names another year than
 *     the ledger's, which refuses the file (never another year's
 *     projects stored under this one);
 *   - a header that differs (columns in another order, another unit)
 *     refuses the file naming both tables' cells: reading its rows under
 *     the first table's columns would store wrong numbers;
 *   - rows that look like projects (three cells or more) before any
 *     header are read under the first table's columns, as Excel shows
 *     them (a sheet's rows after a blank one), and the summary says so;
 *   - a table without a header (notes, a 填报说明 of one or two columns)
 *     is not read, and the summary names it and its rows.
 * Rows of the first table and text after the last are read as before.
 */
struct more_tables {
	long first;      /* the header's table (1-based), 0: not HTML */
	long cur;        /* the table being read or looked at */
	int seeking;     /* cur's header not met yet */
	int instr;       /* cur's title says instructions or a sample */
	long from, to;   /* cur's rows seen while seeking */
	int year;        /* a year cur's title names, 0: none */
	long year_line;
	char title[128]; /* cur's first text, for the summary */
	/* A header row of cur that is not the first's: the upper row of a
	 * two-row header when the next row is the first's header, else the
	 * refusal (its message, from header_differs). 0/"": none. */
	long cand_line;
	char cand_msg[512];
};

/* The trimmed text of the row's only non-empty cell, or NULL (several);
 * *ncells: how many cells hold text, a merged range counted once. */
static const char *only_text(const struct tz_row *row, size_t *len, size_t *ncells)
{
	const char *only = NULL;

	*len = 0;
	*ncells = 0;
	for (size_t i = 0; i < row->ncells; i++) {
		const char *c;
		size_t n;

		row_cell(row, (int)i, &c, &n);
		if (!n || tz_text_is_blank(c, n))
			continue;
		/* A cell merged across several is one (a title's). */
		if (i && (row->flags[i] & TZ_READ_MERGED) && (row->flags[i - 1] & TZ_READ_MERGED) &&
		    row->lens[i] == row->lens[i - 1] && !memcmp(row->cells[i], row->cells[i - 1], n))
			continue;
		if (!(*ncells)++) {
			only = c;
			*len = n;
		}
	}
	return *ncells == 1 ? only : NULL;
}

/* A year (1990..2099) written "2025年" in s[0..len), 0: none. */
static int text_year(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 + strlen("年") <= len; i++) {
		int y = 0, k;

		for (k = 0; k < 4 && s[i + k] >= '0' && s[i + k] <= '9'; k++)
			y = y * 10 + (s[i + k] - '0');
		if (k == 4 && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
		    !memcmp(s + i + 4, "年", strlen("年")) && y >= 1990 && y <= 2099)
			return y;
	}
	return 0;
}

/* Whether cell s[0..len) names column `col` as a header does: its
 * export header, or one of its names alone or before a bracket. */
static int names_column(const struct tz_column *col, const char *s, size_t len)
{
	const char *p = col->names;

	if (!len || (unsigned char)s[0] < 0x80)
		return 0;
	if (strlen(col->header) == len && !memcmp(s, col->header, len))
		return 1;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t l = bar ? (size_t)(bar - p) : strlen(p);

		if (len >= l && !memcmp(s, p, l) &&
		    (len == l || s[l] == '(' || s[l] == ' ' || s[l] == '\n' ||
		     (len - l >= 3 && !memcmp(s + l, "（", 3))))
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* Whether the row names the record's key column and another field's, in
 * any cells: a ledger's (or report's) header. */
static int header_like(const struct tz_header *h, const struct tz_row *row)
{
	int key = h->progress ? TZ_RF_CODE : TZ_PF_NAME, has_key = 0, others = 0;

	for (size_t f = 0; f < h->nfields && f < TZ_HEADER_FIELDS_MAX; f++)
		for (size_t i = 0; i < row->ncells; i++) {
			const char *c;
			size_t n;

			row_cell(row, (int)i, &c, &n);
			if (!names_column(&h->cols[f], c, n))
				continue;
			if ((int)f == key)
				has_key = 1;
			else
				others++;
			break;
		}
	return has_key && others;
}

/* The first column (0-based) whose header cell in `row` folds to another
 * column name, year or unit than the first table's (h->col_text), or -1
 * when the header is the same. */
static int header_differs(const struct tz_header *h, const struct tz_row *row)
{
	size_t n = h->width > row->ncells ? h->width : row->ncells;
	struct tz_buf ka = TZ_BUF_INIT, kb = TZ_BUF_INIT, ua = TZ_BUF_INIT, ub = TZ_BUF_INIT;
	int at = -1;

	for (size_t i = 0; i < n && at < 0; i++) {
		const char *c, *w;
		size_t clen, wlen;
		int ya, yb, una, unb, ea, eb;

		if (i >= 64) {
			/* Past what col_text keeps: only a read column matters,
			 * and none is there (read_cols is 64 bits). */
			break;
		}
		row_cell(row, (int)i, &c, &clen);
		w = h->col_text[i];
		wlen = strlen(w);
		tz_text_trim(&w, &wlen);
		tz_buf_reset(&ka);
		tz_buf_reset(&kb);
		tz_buf_reset(&ua);
		tz_buf_reset(&ub);
		ya = yb = una = unb = ea = eb = 0;
		if (tz_column_key(c, clen, &ka, &ya, &una, &ea, &ua) ||
		    tz_column_key(w, wlen, &kb, &yb, &unb, &eb, &ub) || ka.len != kb.len ||
		    (ka.len && memcmp(ka.buf, kb.buf, ka.len)) || ya != yb || una != unb ||
		    (una && ea != eb) || ua.len != ub.len || (ua.len && memcmp(ua.buf, ub.buf, ua.len)))
			at = (int)i;
	}
	tz_buf_release(&ka);
	tz_buf_release(&kb);
	tz_buf_release(&ua);
	tz_buf_release(&ub);
	return at;
}

/* A further table's header found different and not completed by a next
 * row: the file refused (TZ_EINVAL). */
static int header_refused(const struct pipeline *pl, const struct more_tables *mt,
			  struct tz_err *err)
{
	return tz_err_set_at(err, TZ_EINVAL, pl->path, mt->cand_line, NULL, "%s", mt->cand_msg);
}

/* The end of table cur (another begins, or the file ends): 0, with the
 * summary's clause for a table not read, or a header left different
 * refused. */
static int table_end(struct pipeline *pl, struct more_tables *mt, struct tz_err *err)
{
	if (mt->seeking && mt->cand_line)
		return header_refused(pl, mt, err);
	if (!mt->seeking || !mt->from)
		return 0;
	tz_buf_addf(&pl->tables_said, "第%ld个表格（第%ld", mt->cur, mt->from);
	if (mt->to > mt->from)
		tz_buf_addf(&pl->tables_said, "-%ld", mt->to);
	tz_buf_addf(&pl->tables_said, "行%s%s%s）%s，未导入；", mt->title[0] ? "，“" : "", mt->title,
		    mt->title[0] ? "”" : "",
		    mt->instr ? "是填报说明或示例" : "没有与第1个表格相同的表头");
	return 0;
}

/* Excel's column letters of 0-based column i. */
static void col_letters(size_t i, char out[8])
{
	char tmp[8];
	size_t n = 0, k = 0;

	i++;
	while (i && n < sizeof(tmp)) {
		tmp[n++] = (char)('A' + (i - 1) % 26);
		i = (i - 1) / 26;
	}
	while (n)
		out[k++] = tmp[--n];
	out[k] = '\0';
}

/* The units a further table's upper header row states over the columns
 * read (a group heading 投资情况（亿元）) must be those the amounts are
 * read in: 0, or TZ_EINVAL naming the cell. */
static int group_units_same(const struct pipeline *pl, const struct more_tables *mt,
			    const struct tz_row *row, struct tz_err *err)
{
	const struct tz_header *h = &pl->map->h;
	struct tz_buf k = TZ_BUF_INIT, u = TZ_BUF_INIT;
	int rc = 0;

	for (size_t f = 0; f < h->nfields && f < TZ_HEADER_FIELDS_MAX && !rc; f++) {
		const char *c;
		size_t clen;
		int y = 0, un = 0, e = 0;

		if (!h->cols[f].money || h->idx[f] < 0)
			continue;
		row_cell(row, h->idx[f], &c, &clen);
		tz_buf_reset(&k);
		tz_buf_reset(&u);
		if (tz_column_key(c, clen, &k, &y, &un, &e, &u) || un < 0 ||
		    (un > 0 && e != h->unit_exp[f]))
			rc = tz_err_set_at(err, TZ_EINVAL, pl->path, row->line, NULL,
					   "第%ld个表格的表头（第%ld行）“%.*s”写的单位与第1个表格的%s不同"
					   "（第1个表格按%s读）：按第1个表格读会把金额读错，整个文件未导入；"
					   "请把两个表格的金额换算为同一单位，或分别保存为文件后导入",
					   mt->cur, row->line, (int)(clen > 120 ? 120 : clen), c,
					   h->cols[f].header, tz_header_unit_name(h->unit_exp[f]));
	}
	tz_buf_release(&k);
	tz_buf_release(&u);
	return rc;
}

/* A further table read must be of the ledger's year: its title naming
 * another refuses the file (0 or TZ_EINVAL). */
static int table_year(const struct pipeline *pl, const struct more_tables *mt, struct tz_err *err)
{
	if (pl->progress || !pl->map->year || !mt->year || mt->year == pl->map->year)
		return 0;
	return tz_err_set_at(err, TZ_EINVAL, pl->path, mt->year_line, NULL,
			     "第%ld个表格的标题“%s”是%d年的，而台账按%d年度导入：这个表格的项目"
			     "不能算作%d年度的，整个文件未导入；请把不同年度的表格分别保存为文件，"
			     "用 --year 导入",
			     mt->cur, mt->title, mt->year, pl->map->year, pl->map->year);
}

/*
 * Follow the page's tables at `row` (a non-blank row). 1: the row is a
 * further table's title or text before its header, or of a table not
 * read: not a project, nothing more to do with it; 0: read it as usual
 * (the first table's, a further table's header or rows once its header
 * matched, text after the last table); or a tz_errc with err set (the
 * file refused, see struct more_tables).
 */
static int more_tables_row(struct pipeline *pl, struct more_tables *mt, const struct tz_row *row,
			   struct tz_err *err)
{
	const struct tz_header *h = &pl->map->h;
	long tb = tz_reader_table_at(pl->reader, row->line);
	const char *one;
	size_t olen, ncells;
	int rc, diff;

	if (!mt->first || !tb || tb <= mt->first || tb < mt->cur)
		return 0;
	if (tb > mt->cur) {
		long first = mt->first;

		if ((rc = table_end(pl, mt, err)))
			return rc;
		memset(mt, 0, sizeof(*mt));
		mt->first = first;
		mt->cur = tb;
		mt->seeking = 1;
	}
	if (!mt->seeking)
		return 0;
	if (mt->instr) {
		mt->to = row->line;
		return 1;
	}
	one = only_text(row, &olen, &ncells);
	if (!header_like(h, row)) {
		if (mt->cand_line)
			return header_refused(pl, mt, err);
		if (!mt->from)
			mt->from = row->line;
		mt->to = row->line;
		if (ncells >= 3 || (ncells >= 2 && h->width <= 3)) {
			/* Rows without a header of their own: Excel shows them
			 * under the first table's columns, as a sheet's rows
			 * after a blank one; read so, and said. */
			if ((rc = table_year(pl, mt, err)))
				return rc;
			mt->seeking = 0;
			tz_buf_addf(&pl->tables_said, "第%ld个表格（第%ld行起）没有表头，按第1个表格的列读取",
				    mt->cur, row->line);
			if (mt->from < row->line)
				tz_buf_addf(&pl->tables_said, "（其上第%ld-%ld行是标题或说明，未导入）",
					    mt->from, row->line - 1);
			tz_buf_adds(&pl->tables_said, "；");
			return 0;
		}
		/* A title, its unit, a line of instructions. */
		if (one && !mt->title[0]) {
			size_t n = olen < sizeof(mt->title) - 1 ? olen : sizeof(mt->title) - 1;

			while (n && n < olen && ((unsigned char)one[n] & 0xC0) == 0x80)
				n--;
			memcpy(mt->title, one, n);
			mt->title[n] = '\0';
		}
		if (one) {
			char buf[256];
			size_t n = olen < sizeof(buf) - 1 ? olen : sizeof(buf) - 1;
			int y;

			memcpy(buf, one, n);
			buf[n] = '\0';
			if (tz_sheet_name_is_instructions(buf))
				mt->instr = 1;
			if (!mt->year && (y = text_year(one, olen))) {
				mt->year = y;
				mt->year_line = row->line;
			}
		}
		/* A unit stated there must be the one the amounts are read in. */
		if ((rc = tz_header_check_unit(h, row, 0, pl->path, err)))
			return rc;
		return 1;
	}
	/* Its header. */
	if ((diff = header_differs(h, row)) >= 0) {
		char col[8];
		const char *c;
		size_t clen;

		if (mt->cand_line)
			return header_refused(pl, mt, err);
		col_letters((size_t)diff, col);
		row_cell(row, diff, &c, &clen);
		snprintf(mt->cand_msg, sizeof(mt->cand_msg),
			 "第%ld个表格的表头（第%ld行）与第1个表格的表头（第%ld行）不同：第%s列是“%.*s”，"
			 "第1个表格是“%s”；按第1个表格的列读会把金额读错，整个文件未导入；请把两个表格"
			 "的列改为一致，或分别保存为文件后导入",
			 mt->cur, row->line, h->line, col, (int)(clen > 120 ? 120 : clen), c,
			 diff < 64 ? h->col_text[diff] : "");
		mt->cand_line = row->line;
		/* The upper row of a two-row header (投资情况（亿元） over
		 * 总投资): the next row says. The units it states over the
		 * columns read must be theirs. */
		if ((rc = group_units_same(pl, mt, row, err)))
			return rc;
		if (!mt->from)
			mt->from = row->line;
		mt->to = row->line;
		return 1;
	}
	if ((rc = table_year(pl, mt, err)))
		return rc;
	mt->seeking = 0;
	mt->cand_line = 0;
	tz_buf_addf(&pl->tables_said, "第%ld个表格（第%ld行起%s%s%s）的表头与第1个表格相同，一并导入；",
		    mt->cur, mt->from ? mt->from : row->line, mt->title[0] ? "，“" : "", mt->title,
		    mt->title[0] ? "”" : "");
	return 0;
}

/* The reading thread: rows to chunks of items until the end or an error. */
/* A reader's error about one cell names its field too
 * (tz_header_name_cell); col is the reader's err_col, 0: none. */
static void name_error_column(const struct tz_header *h, size_t col, struct tz_err *err)
{
	for (size_t f = 0; col && f < h->nfields; f++)
		if (h->idx[f] >= 0 && (size_t)h->idx[f] == col - 1) {
			tz_header_name_cell(h, (int)f, col, err);
			return;
		}
}

static void *read_rows(void *arg)
{
	struct pipeline *pl = arg;
	struct row_text t;
	struct tz_row row;
	struct tz_err why;
	struct item it;
	struct parts ps = { 0 };
	struct top_total top = { 0 };
	struct end_total end = { 0 };
	struct tiers tiers = { 0 };
	struct groups groups;
	struct chunk *c = take_free(pl);
	struct more_tables mt = { 0 };
	int rc = 0;

	memset(&t, 0, sizeof(t));
	groups_init(&groups);
	mt.first = mt.cur = tz_reader_table_at(pl->reader, pl->map->h.line);
	tz_buf_init(&t.scratch, 0);
	tz_buf_init(&t.code, 0);
	tz_buf_init(&t.nat, 0);
	for (;;) {
		/* The row the header search read past comes first. */
		if (pl->pending) {
			row = *pl->pending;
			pl->pending = NULL;
		} else if (!c || (rc = tz_reader_next(pl->reader, &row, &c->err)) <= 0) {
			if (rc < 0)
				name_error_column(&pl->map->h, pl->reader->err_col, &c->err);
			break;
		}
		if (row_is_blank(&row)) {
			ps.on = 0;  /* parts are directly under their project */
			continue;
		}
		/* A further table of an HTML page: its title is no project. */
		if (mt.first && (rc = more_tables_row(pl, &mt, &row, &c->err))) {
			if (rc < 0)
				break;
			rc = 0;
			ps.on = 0;
			/* A table's start is a boundary of its subtotals. */
			group_mark(&groups);
			continue;
		}
		convert(pl, &row, &t, &it, &ps, &why);
		if (!pl->progress)
			top_row(pl, &row, &t, &it, &top);
		end_row(pl, &row, &it, &top, &end);
		group_row(pl, &row, &it, &top, &groups);
		if (!pl->progress && (rc = tier_row(pl, &row, &it, &tiers, &c->err)))
			break;
		/* A note below the table, or a project's 备注 cell, may state
		 * the unit: it must be the one the amounts were read in. */
		if (t.group_bad) {
			/* Never the amount given to one of two projects. */
			rc = tz_err_set_at(&c->err, TZ_EINVAL, pl->path, row.line, NULL,
					   "第%ld行起的项目的单元格向下合并到多行，而金额的合并范围与%s的不同，"
					   "不知道金额属于哪个项目，整个文件未导入；请取消合并，在每个项目的行中"
					   "分别填写", t.group_bad,
					   pl->map->idx[CODE_FIELD] >= 0 ? "项目编号" : "项目名称");
			break;
		}
		if (pl->nu_line && it.skip == TZ_ROW_DATA && !it.merged_cont) {
			/* A note between projects may be the unit of the rows
			 * below it only (a section's "（单位：亿元）"). */
			if (row.line < pl->nu_line) {
				pl->nu_after_data = 1;
			} else if (pl->nu_after_data) {
				rc = tz_err_set_at(&c->err, TZ_EINVAL, pl->path, pl->nu_line, NULL,
						   "第%ld行注明金额单位为%s，表头的金额没有写单位；但这一行的上面和下面"
						   "都有项目，不知道%s是整个表的单位还是下面几行的单位，整个文件未导入；"
						   "请在表头写明单位（如“总投资(%s)”）后重新导入",
						   pl->nu_line, pl->note_text, pl->note_text, pl->note_text);
				break;
			}
		}
		if ((rc = tz_header_check_unit(&pl->map->h, &row,
					       (it.skip == TZ_ROW_DATA || it.merged_cont) && !it.rejected,
					       pl->path, &c->err))) {
			if (!(it.skip == TZ_ROW_DATA && !it.rejected) &&
			    tz_header_note_unit(&pl->map->h, &row, &pl->note_exp, pl->note_text,
						sizeof(pl->note_text)))
				pl->note_line = row.line;
			break;
		}
		if (it.skip != TZ_ROW_DATA)
			tz_header_note_units(&pl->map->h, &t.units, &row);
		if (c->n == CHUNK_ROWS || keep_item(c, &it, pl->progress)) {
			put_full(pl, c);
			if (!(c = take_free(pl)))
				break;
			if (keep_item(c, &it, pl->progress)) {
				/* A row is capped well below CHUNK_BYTES. */
				rc = tz_err_set(&c->err, TZ_EINTERNAL, "row too large for a chunk");
				break;
			}
		}
		if (!pl->progress)
			ledger_hashes(&it);
		c->items[c->n++] = it;
	}
	tz_buf_release(&t.scratch);
	tz_buf_release(&t.code);
	tz_buf_release(&t.nat);
	if (c && !rc)
		rc = table_end(pl, &mt, &c->err);
	/* The units of the whole file's money cells (W2, W3, audit 9). */
	if (c && !rc)
		rc = tz_header_units_end(&pl->map->h, &t.units, pl->path, &c->err);
	if (c && !rc)
		rc = top_end(pl, &top, &c->err);
	if (c && !rc)
		rc = end_check(pl, &end, &c->err);
	if (c && !rc)
		rc = group_end(pl, &groups, &c->err);
	groups_release(&groups);
	if (c) {
		c->last = 1;
		c->rc = rc < 0 ? rc : 0;
		put_full(pl, c);
	}
	return NULL;
}

static void pipeline_init(struct pipeline *pl)
{
	memset(pl, 0, sizeof(*pl));
	tz_buf_init(&pl->tables_said, 0);
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->changed, NULL);
	for (int i = 0; i < NCHUNKS; i++) {
		pl->chunks[i].bytes = tz_xmalloc(CHUNK_BYTES);
		pl->free_[pl->nfree++] = &pl->chunks[i];
	}
}

/* Stop the reader (if still running) and wait for it. */
static void pipeline_stop(struct pipeline *pl, pthread_t thread)
{
	pthread_mutex_lock(&pl->lock);
	pl->cancel = 1;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
	pthread_join(thread, NULL);
}

static void pipeline_release(struct pipeline *pl)
{
	tz_buf_release(&pl->tables_said);
	for (int i = 0; i < NCHUNKS; i++)
		free(pl->chunks[i].bytes);
	pthread_cond_destroy(&pl->changed);
	pthread_mutex_destroy(&pl->lock);
}

/* ------------------------------------------------------------------ */
/* Regions and units against the organisation tree                     */

/* Node ids seen_node answers from an array (org_ctx seen_ids): a city's
 * tree has a few dozen nodes. */
#define SEEN_IDS 256

struct org_ctx {
	struct tz_store *store;
	const struct tz_scope *scope;  /* the import's bound, for messages (scope.h) */
	struct tz_org_index *x;
	int region_from_unit;    /* no region column: 责任单位 gives the region */
	int no_code;             /* no code column: region + name identify projects */
	int by_name;             /* no_code, or a national 项目代码 column whose empty
				  * cells leave a row to region + name */
	int year;                /* the ledger's year, for new codes */
	struct tz_hmap *known;   /* no_code: "region_id/folded name" -> index in codes */
	struct tz_hmap *in_file; /* no_code: the same, for rows of this file */
	struct tz_hmap *next_no; /* no_code: "YYYY-区码-" -> last number given */
	char **codes;            /* no_code: known and given codes, owned */
	size_t ncodes, acodes;
	struct tz_buf given;     /* no_code: "code name" lines of codes given */
	long ngiven;
	/* Every list: the stored projects, for telling a new code of a
	 * stored project (look_alike) and a correction that makes a code
	 * another project (renamed) from a new project. */
	/* "region_id/name_stem" -> index in rows of a stored project of any
	 * year (stem_index): a new codeless name differing from a stored one
	 * only by 项目/工程, spaces or brackets is named (walkthrough 9). */
	struct tz_hmap *stems;
	struct tz_hmap *alike;   /* "year/region_id/name_key" -> index in codes,
				  * made from rows on the first new code
				  * (alike_index): a re-import never folds */
	struct stored_row {      /* every stored ledger row, for alike */
		int year;
		int64_t region_id;
		size_t name, code;  /* offsets in row_bytes */
		int64_t total, annual;  /* 0.01 万元; annual 0: no plan (W21) */
	} *rows;
	size_t nrows, arows;
	struct tz_buf row_bytes;
	struct tz_hmap *stored;  /* code, upper case -> index in olds */
	struct stored_project {
		char *name;
		int64_t region_id;
		/* Offsets in row_bytes: the code as stored, its national
		 * 项目代码 ("" when none: the code's NUL). */
		size_t code, natcode;
		int64_t total;   /* 总投资, 0.01 万元 (W21) */
	} *olds;
	size_t nolds, aolds;
	struct tz_buf akey, aname; /* keys built per row, kept for reuse */
	struct tz_buf said;      /* renames and folds, for the summary's notes */
	long ncase, nfloat, napos; /* codes folded by code_tidy */
	/* National 项目代码 (audit 9, W13, W14): stored ones -> index in olds
	 * (made by learn_project, only from projects that have one), this
	 * file's -> index in codes of the 项目编号 that gave it; cells read
	 * as a code written otherwise, rows keyed by a 项目代码 matched to
	 * their stored 项目编号. */
	struct tz_hmap *natstored, *natfile;
	long nnatread, nbynat;
	/* Rows whose 项目代码 was a word for none (无, 待赋码), the first
	 * such word (static, tz_text_none_word). */
	long ncode_none;
	const char *code_none;
	/* Reports read from a year-to-date column (tz_header ytd_only): the
	 * year-to-date of each row accepted, by "code|YYYYMM" (ytd_derive). */
	struct tz_hmap *ytd_file;
	/* A code column headed 编号 (tz_header code_weak): rows whose code
	 * is the next of 1, 2, 3 … (from 1 again after a section row), and
	 * the others (serial_check). */
	long serial_next, serial_rows, serial_other;
	struct tz_hmap *seen;    /* names as written (want byte first) -> node id */
	/* seen's nodes by id below SEEN_IDS, filled as met; valid while the
	 * index holds seen_count nodes (a node added may move them all). */
	const struct tz_org_node *seen_ids[SEEN_IDS];
	size_t seen_count;
	int building;            /* the store had no tree: build it from this ledger */
	struct tz_buf created;   /* "名称（编码）、…" of the nodes made */
	long ncreated;
	struct tz_buf key;
	/* The regions of the rows accepted and the first one's year: the
	 * stored ledger of the others is what the file is compared with
	 * (W21, file_plausible). */
	int64_t *fregions;
	size_t nfregions, afregions;
	int fyear;
	/*
	 * Rows whose 年度 disagrees with --year (walkthrough 17, M1: one
	 * such error per row, 3,982 lines for a file of another year). While
	 * every data row so far is one (year_off_hold), their errors are
	 * held back: a file all of whose rows disagree is refused once after
	 * the last row (year_off_refuse), as a title disagreeing with --year
	 * is; the first row that does not disagree lets the held ones out as
	 * row errors, in file order, and stops the holding.
	 */
	int year_off_hold;
	struct year_off_row {
		long line;
		char *code, *field, *reason;
	} *year_off;
	size_t nyear_off, ayear_off;
	int year_off_years[4];   /* the distinct years found, the first four */
	size_t nyear_off_years;
	int year_off_more;       /* more than four distinct years */
	/* The rows the store accepted, in file order, so that a duplicate
	 * names both lines (row_note, row_duplicate); indexed by key hash
	 * from the first duplicate on (the first rows_indexed of them). */
	struct row_seen {
		uint64_t key;   /* row_key: code, year, month */
		uint32_t line;
		uint32_t name;  /* name_hash of its 项目名称 (0 for a report) */
	} *rows_seen;
	size_t nrows_seen, arows_seen, rows_indexed;
	struct tz_hmap *rows_index;  /* key hash (8 bytes) -> index in rows_seen */
};

/* Whether s ends with the UTF-8 word w; its length if so, else 0. */
static size_t ends_word(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);

	return n > l && !memcmp(s + n - l, w, l) ? l : 0;
}

/*
 * The key two spellings of one region share while building the tree from
 * a ledger: the folded name without the full or short name of a zone
 * (经济技术开发区, 经济开发区, 开发区 marked "#E"; 高新技术产业开发区,
 * 高新区 marked "#H") and then without a trailing 市, 县 or 区;
 * traditional forms are folded first (fold_traditional). "盖州市" and
 * "盖州" give "盖州"; "盖州市经济开发区" and
 * "盖州开发区" give "盖州#E"; "新城区" ("新城"), "新城经济开发区"
 * ("新城#E") and "新城高新区" ("新城#H") stay apart. Replaces out's content.
 */
static void region_key(const char *folded, struct tz_buf *out)
{
	/* Longest first; the mark tells an economic zone from a high-tech
	 * one, which a city may have side by side. */
	static const struct { const char *word, *mark; } zones[] = {
		{ "经济技术开发区", "#E" }, { "高新技术产业开发区", "#H" },
		{ "高新技术开发区", "#H" }, { "经济开发区", "#E" }, { "高新区", "#H" },
		{ "开发区", "#E" },
	};
	static const char *const suffixes[] = { "市", "县", "区" };
	size_t n = strlen(folded), l;
	const char *mark = "";

	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if ((l = ends_word(folded, n, zones[i].word))) {
			n -= l;
			mark = zones[i].mark;
			break;
		}
	for (size_t i = 0; i < 3; i++)
		if ((l = ends_word(folded, n, suffixes[i]))) {
			n -= l;
			break;
		}
	tz_buf_reset(out);
	tz_buf_add(out, folded, n);
	tz_buf_add(out, mark, strlen(mark));
}

/*
 * The traditional forms of the characters region names are made of
 * (經濟開發區, 縣, 鎮…) folded to the simplified ones, into out, so that
 * a partner's traditional spelling meets the same region_key ("盖州經濟
 * 開發區" is "盖州经济开发区"). Only for telling two spellings apart: a
 * name is stored as written.
 */
static void fold_traditional(const char *s, struct tz_buf *out)
{
	static const char *const pairs[][2] = {
		{ "區", "区" }, { "縣", "县" }, { "開", "开" }, { "發", "发" }, { "經", "经" },
		{ "濟", "济" }, { "園", "园" }, { "鎮", "镇" }, { "鄉", "乡" }, { "術", "术" },
		{ "產", "产" }, { "業", "业" }, { "興", "兴" }, { "東", "东" }, { "陽", "阳" },
		{ "灣", "湾" }, { "島", "岛" }, { "龍", "龙" }, { "寧", "宁" }, { "門", "门" },
		{ "關", "关" }, { "嶺", "岭" }, { "橋", "桥" }, { "漢", "汉" }, { "廣", "广" },
		{ "遼", "辽" }, { "華", "华" }, { "豐", "丰" }, { "臺", "台" }, { "萊", "莱" },
	};

	tz_buf_reset(out);
	while (*s) {
		size_t i, l = 1;

		for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
			l = strlen(pairs[i][0]);
			if (!strncmp(s, pairs[i][0], l))
				break;
		}
		if (i < sizeof(pairs) / sizeof(pairs[0])) {
			tz_buf_add(out, pairs[i][1], strlen(pairs[i][1]));
			s += l;
		} else {
			tz_buf_add(out, s, 1);
			s++;
		}
	}
}

/* A node made while building that is another spelling of the same region
 * (region_key: "盖州" after "盖州市", "盖州开发区" after "盖州市经济开发区",
 * "盖州經濟開發區" after either, in either order), or NULL. */
static const struct tz_org_node *same_stem(struct org_ctx *oc, const char *folded,
					   enum tz_org_want want)
{
	struct tz_buf other = TZ_BUF_INIT, mine = TZ_BUF_INIT, key = TZ_BUF_INIT;
	const struct tz_org_node *hit = NULL;

	fold_traditional(folded, &other);
	region_key(other.buf, &mine);
	for (size_t i = 0; i < tz_org_index_count(oc->x) && !hit; i++) {
		const struct tz_org_node *node = tz_org_index_at(oc->x, i);

		if (want == TZ_ORG_WANT_REGION ? !tz_org_kind_is_region(node->kind)
					       : node->kind != TZ_ORG_DEPARTMENT)
			continue;
		if (tz_org_norm(node->name, strlen(node->name), &key))
			continue;
		fold_traditional(key.buf, &other);
		region_key(other.buf, &key);
		if (key.len == mine.len && !memcmp(key.buf, mine.buf, mine.len))
			hit = node;
	}
	tz_buf_release(&other);
	tz_buf_release(&mine);
	tz_buf_release(&key);
	return hit;
}

/* The words that end a government's name (鲅鱼圈区人民政府, 新城管委会). */
static const char *const govt_ends[] = { "人民政府办公室", "人民政府", "政府", "管理委员会",
					 "管委会" };

/* The length of the government word name (n bytes) ends with, 0 if none. */
static size_t govt_end(const char *name, size_t n)
{
	size_t l;

	for (size_t i = 0; i < sizeof(govt_ends) / sizeof(govt_ends[0]); i++)
		if ((l = ends_word(name, n, govt_ends[i])))
			return l;
	return 0;
}

/*
 * Whether a place name (n bytes) is a town or a street (乡, 镇, 街道)
 * named under its county ("甲县某某镇", "鲅鱼圈区红旗镇"): a 市 of
 * counties groups by county, a county's own ledger by town, and such a
 * name says both, so it gives neither.
 */
static int is_town_of_county(const char *name, size_t n)
{
	static const char *const towns[] = { "镇", "乡", "街道", "街道办事处", "街道办" };
	static const char *const counties[] = { "县", "区", "市", "旗" };
	size_t t = 0;

	for (size_t i = 0; i < sizeof(towns) / sizeof(towns[0]) && !t; i++)
		t = ends_word(name, n, towns[i]);
	if (!t)
		return 0;
	/* A county word after the first character and before the town's
	 * own name (at least one character) */
	for (size_t i = 0; i < sizeof(counties) / sizeof(counties[0]); i++) {
		size_t l = strlen(counties[i]);

		for (size_t at = 3; at + l + 3 <= n - t; at++)
			if (!memcmp(name + at, counties[i], l))
				return 1;
	}
	return 0;
}

/* Store a node made from the ledger, under the root (made first). */
static int create_node(struct org_ctx *oc, const char *name, enum tz_org_kind kind,
		       const char *aliases, const struct tz_org_node **out, struct tz_err *err)
{
	struct tz_org_node n = { 0 };
	char code[TZ_ORG_CODE_MAX + 1];
	int64_t id;
	int rc;

	if (!tz_org_index_root(oc->x) && kind != TZ_ORG_CITY) {
		const struct tz_org_node *root;

		if ((rc = create_node(oc, "全市", TZ_ORG_CITY, "", &root, err)))
			return rc;
	}
	n.kind = kind;
	n.code = tz_org_index_new_code(oc->x, kind, code);
	n.name = name;
	n.parent = kind == TZ_ORG_CITY ? "" : tz_org_index_root(oc->x)->code;
	n.aliases = aliases;
	if ((rc = tz_org_index_add(oc->x, &n, err)) ||
	    (rc = tz_store_import_org(oc->store, &n, &id, err)))
		return rc;
	tz_org_index_set_id(oc->x, n.code, id);
	*out = tz_org_index_by_code(oc->x, n.code);
	if (kind != TZ_ORG_CITY) {
		tz_buf_addf(&oc->created, "%s%s（%s）", oc->ncreated ? "、" : "", name, n.code);
		oc->ncreated++;
	}
	return 0;
}

/*
 * A region cell that names no one region (audit 9 R12): the whole city
 * (全市, 全县…, or the root's own name) or several places (跨区域,
 * 跨县区, 多个县区, 各县区). Such a cell is neither a node to make while
 * building nor a typo to suggest for: the row error says what to write.
 * `folded` is the cell folded (tz_org_norm). 0, or TZ_ENOTFOUND with err
 * set; only for cells the tree does not know (a tree may hold a node so
 * named, and then it is that node).
 */
static int region_of_several(struct org_ctx *oc, const char *name, const char *folded,
			     const char *header, struct tz_err *err)
{
	static const char *const whole[] = { "全市", "全县", "全区", "全旗", "全州", "全省",
					     "全域", "全市域", "全县域", "市域", "县域" };
	static const char *const several[] = { "跨", "多个", "多县", "多区", "多地", "各县",
					       "各区", "各地", "各乡镇", "沿线" };
	const struct tz_org_node *n = tz_org_index_find(oc->x, name, strlen(name), TZ_ORG_WANT_ANY);
	const char *level = NULL; /* 市, 县… (3 bytes) of a whole */
	char direct[16];
	int is_several = 0;

	if (n && n->kind == TZ_ORG_CITY)
		level = "市";
	for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]) && !level; i++)
		if (!strcmp(folded, whole[i]))
			level = strcmp(folded, "全域") ? folded + (strncmp(folded, "全", 3) ? 0 : 3)
						       : "市";
	for (size_t i = 0; i < sizeof(several) / sizeof(several[0]) && !level && !is_several; i++)
		is_several = !strncmp(folded, several[i], strlen(several[i]));
	if (!level && !is_several)
		return 0;
	/* The projects of the city (county) itself: 市直 (县直…), when the
	 * tree has it or is being built (the import makes it). */
	snprintf(direct, sizeof(direct), "%.3s直", level ? level : "市");
	if (!oc->building && !tz_org_index_find(oc->x, direct, strlen(direct), TZ_ORG_WANT_REGION))
		direct[0] = '\0';
	if (level && *direct)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”指全%.3s范围，不是一个地区：全%.3s性的项目请填“%s”，"
				     "在某一地区建设的请填该地区", header, name, level, level, direct);
	if (level)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”指全%.3s范围，不是一个地区：请填项目所在的地区", header, name,
				     level);
	return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
			     "%s“%s”不是一个地区，一个项目只属于一个地区：跨地区的项目请填牵头的地区%s%s%s",
			     header, name, *direct ? "，市级部门牵头的请填“" : "", direct,
			     *direct ? "”" : "");
}

/*
 * The same few names come on every row: resolve_one remembers them as
 * written, so that folding (NFKC) runs once per name, not once per row.
 * The node `name` resolved to earlier in this import, or NULL; `key`
 * (TZ_ORG_NAME_MAX + 2 bytes) gets the name's key in oc->seen.
 */
static const struct tz_org_node *seen_node(struct org_ctx *oc, const char *name, size_t len,
					   enum tz_org_want want, char *key)
{
	int64_t id;

	if (len > TZ_ORG_NAME_MAX)
		return NULL;
	key[0] = (char)('0' + want);
	memcpy(key + 1, name, len);
	if (!tz_hmap_get(oc->seen, key, len + 1, &id))
		return NULL;
	if (id <= 0 || id >= SEEN_IDS)
		return tz_org_index_by_id(oc->x, id);
	/* Two names a row, each otherwise a second look-up (issue 6). */
	if (oc->seen_count != tz_org_index_count(oc->x)) {
		memset(oc->seen_ids, 0, sizeof(oc->seen_ids));
		oc->seen_count = tz_org_index_count(oc->x);
	}
	if (!oc->seen_ids[id])
		oc->seen_ids[id] = tz_org_index_by_id(oc->x, id);
	return oc->seen_ids[id];
}

/*
 * The node a region or unit cell names. Unknown names are row errors
 * that suggest the nearest node (ledger.md); while building the tree from
 * the first ledger they become nodes. TZ_ENOTFOUND for a row error.
 */
static int resolve_one(struct org_ctx *oc, const char *name, enum tz_org_want want,
		       const char *header, const struct tz_org_node **out, struct tz_err *err)
{
	const struct tz_org_node *n, *near;
	size_t len = strlen(name);
	char key[TZ_ORG_NAME_MAX + 2];
	size_t parts;
	int rc;

	if ((*out = seen_node(oc, name, len, want, key)))
		return 0;
	n = tz_org_index_find(oc->x, name, len, want);
	*out = n;
	if (n) {
		if (len <= TZ_ORG_NAME_MAX)
			tz_hmap_put(oc->seen, key, len + 1, n->id, NULL);
		return 0;
	}
	/* A cell naming several (市交通运输局、鲅鱼圈区政府) is none of
	 * them: never a node of its own, never one of them guessed. */
	if (want == TZ_ORG_WANT_REGION && !tz_org_norm(name, len, &oc->key) &&
	    (rc = region_of_several(oc, name, oc->key.buf, header, err)))
		return rc;
	if ((parts = tz_org_split(name, len, NULL, 0)) > 1)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     want == TZ_ORG_WANT_REGION
				     ? "%s“%s”写了%zu个地区，一个项目只属于一个地区：请只填一个"
				     : "%s“%s”写了%zu个单位，一个项目只记一个责任单位：请只填牵头单位",
				     header, name, parts);
	if (!oc->building) {
		char hint[256];

		if (tz_org_index_suggest_text(oc->x, name, strlen(name), want, hint, sizeof(hint)))
			return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
					     "%s“%s”不存在，是否为%s？", header, name, hint);
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”不在组织机构中：请核对写法；确为新的地区或单位，"
				     "请系统管理员先补充组织机构（命令 taizhang org import）",
				     header, name);
	}
	if (tz_org_norm(name, strlen(name), &oc->key) || !oc->key.len)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header, "%s“%s”无效", header, name);
	/* A region is a place: a government's name would become a region
	 * node beside the place it governs (audit 9 W22). */
	if (want == TZ_ORG_WANT_REGION && (len = govt_end(oc->key.buf, oc->key.len)))
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”是政府机关的名称，不是地区：请填地区名称“%.*s”", header,
				     name, (int)(oc->key.len - len), oc->key.buf);
	near = same_stem(oc, oc->key.buf, want);
	if (near)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”与“%s”是同一地区的两种写法（只差“市/县/区”、开发区的全称"
				     "简称或繁简体），是否为“%s”？请统一写法", header, name, near->name, near->name);
	rc = create_node(oc, name, want == TZ_ORG_WANT_REGION ? tz_org_kind_guess(name)
							      : TZ_ORG_DEPARTMENT, "", out, err);
	if (rc == TZ_EEXIST || rc == TZ_EINVAL) {
		/* err->msg cannot be both a source and the destination of
		 * the message (the garbled text of audit 9 R12). */
		char why[sizeof(err->msg)];

		snprintf(why, sizeof(why), "%s", err->msg);
		tz_err_locate(err, NULL, 0);
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header, "%s“%s”：%.400s", header, name,
				     why);
	}
	return rc;
}

/*
 * A 责任单位 that is a region's government gives that region ("全州县政府"
 * → 全州县); a city department ("市交通运输局") gives 市直 (ledger.md).
 * Writes the region's name into buf; 0 or TZ_ENOTFOUND.
 */
static int region_of_unit(const char *unit, char *buf, size_t size, struct tz_err *err)
{
	size_t n = strlen(unit), g = govt_end(unit, n);

	/* A town's government named under its county (甲县某某镇人民政府)
	 * does not say whether the ledger groups by county or by town
	 * (audit 9 W19); 某某镇人民政府 alone is the town of a county's own
	 * ledger. */
	if (g && is_town_of_county(unit, n - g))
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "所属地区",
				     "表中没有地区列，责任单位“%s”是县（市）区下的乡镇（街道）政府，"
				     "无法确定所属地区是县（市）区还是乡镇；请在表中加“所属地区”列", unit);
	if (g) {
		snprintf(buf, size, "%.*s", (int)(n - g), unit);
		return 0;
	}
	if (!strncmp(unit, "市", strlen("市"))) {
		snprintf(buf, size, "市直");
		return 0;
	}
	return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "所属地区",
			     "表中没有地区列，责任单位“%s”也不是某地政府或市直部门，无法确定所属地区",
			     *unit ? unit : "（空）");
}

/* Whether two regions derived from units are the same: the same node,
 * or the same folded name while the tree does not know them. */
static int same_region(struct org_ctx *oc, const char *a, const char *b)
{
	const struct tz_org_node *na = tz_org_index_find(oc->x, a, strlen(a), TZ_ORG_WANT_REGION);
	const struct tz_org_node *nb = tz_org_index_find(oc->x, b, strlen(b), TZ_ORG_WANT_REGION);
	struct tz_buf fb = TZ_BUF_INIT;
	int same;

	if (na || nb)
		return na == nb;
	same = !tz_org_norm(a, strlen(a), &oc->key) && !tz_org_norm(b, strlen(b), &fb) &&
	       !strcmp(oc->key.buf, fb.buf);
	tz_buf_release(&fb);
	return same;
}

/*
 * The region of a 责任单位 that may name several units (市交通运输局、
 * 鲅鱼圈区政府): given only when every one of them gives the same region
 * (市交通运输局、市发改委 → 市直); otherwise the sheet does not say which
 * region the project is in, and the row asks for a 所属地区 column. A
 * cell the tree knows as one node is one unit. 0 or TZ_ENOTFOUND.
 */
static int region_of_units(struct org_ctx *oc, const char *unit, char *buf, size_t size,
			   struct tz_err *err)
{
	struct tz_org_span part[8];
	size_t n = tz_org_split(unit, strlen(unit), part, 8);
	char name[TZ_ORG_NAME_MAX + 1], one[TZ_ORG_NAME_MAX + 1];

	if (n <= 1 || tz_org_index_find(oc->x, unit, strlen(unit), TZ_ORG_WANT_UNIT))
		return region_of_unit(unit, buf, size, err);
	for (size_t i = 0; i < n; i++) {
		if (i == 8)
			return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "责任单位",
					     "表中没有地区列，责任单位“%s”写了%zu个单位，无法确定所属地区；"
					     "请在表中加“所属地区”列", unit, n);
		snprintf(name, sizeof(name), "%.*s", (int)part[i].len, part[i].s);
		if (region_of_unit(name, one, sizeof(one), NULL))
			return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "责任单位",
					     "表中没有地区列，责任单位“%s”写了%zu个单位，其中“%s”不是某地政府或"
					     "市直部门，无法确定所属地区；请在表中加“所属地区”列", unit, n, name);
		if (!i)
			snprintf(buf, size, "%s", one);
		else if (!same_region(oc, buf, one))
			return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, "责任单位",
					     "表中没有地区列，责任单位“%s”写了%zu个单位，分属不同地区（%s、%s），"
					     "无法确定所属地区；请在表中加“所属地区”列", unit, n, buf, one);
	}
	return 0;
}

static int resolve_org(struct org_ctx *oc, struct tz_project *p, struct tz_err *err)
{
	const struct tz_org_node *n;
	char derived[TZ_ORG_NAME_MAX + 1], key[TZ_ORG_NAME_MAX + 2];
	int rc;

	if (oc->region_from_unit) {
		if ((rc = region_of_units(oc, p->unit, derived, sizeof(derived), err)))
			return rc;
		p->region = derived;
	}
	if ((rc = resolve_one(oc, p->region, TZ_ORG_WANT_REGION, "所属地区", &n, err)))
		return rc;
	p->region_id = n->id;
	p->region = n->name;
	p->unit_id = 0;
	if (!*p->unit)
		return 0;
	/* A region's government as 责任单位 ("鲅鱼圈区人民政府") is that
	 * region's node, not a department of its own. A unit resolved
	 * before is one the index finds (nodes made are added to it), so
	 * the cache answers first and the name is folded once, not per row. */
	if ((n = seen_node(oc, p->unit, strlen(p->unit), TZ_ORG_WANT_UNIT, key))) {
		/* What resolve_one would find first: looked up once. */
	} else if (!tz_org_index_find(oc->x, p->unit, strlen(p->unit), TZ_ORG_WANT_UNIT) &&
		   !region_of_unit(p->unit, derived, sizeof(derived), NULL) &&
		   strcmp(derived, "市直") &&
		   (n = tz_org_index_find(oc->x, derived, strlen(derived), TZ_ORG_WANT_REGION))) {
		p->unit_id = n->id;
		p->unit = n->name;
		return 0;
	} else if ((rc = resolve_one(oc, p->unit, TZ_ORG_WANT_UNIT, "责任单位", &n, err))) {
		return rc;
	}
	p->unit_id = n->id;
	p->unit = n->name;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Lists without codes                                                 */

/* The key identifying a project of a list without codes. */
static int identity(struct org_ctx *oc, int64_t region_id, const char *name, struct tz_buf *key)
{
	int rc = tz_org_norm(name, strlen(name), &oc->key);

	tz_buf_reset(key);
	tz_buf_addf(key, "%lld/%s", (long long)region_id, oc->key.buf);
	return rc;
}

static size_t keep_code(struct org_ctx *oc, const char *code)
{
	TZ_ALLOC_GROW(oc->codes, oc->ncodes + 1, oc->acodes);
	oc->codes[oc->ncodes] = tz_xstrdup(code);
	return oc->ncodes++;
}

/* Codes given earlier as YYYY-区码-NNN: the next number continues them. */
static void note_number(struct org_ctx *oc, const char *code)
{
	const char *dash = strrchr(code, '-');
	int64_t last = 0;
	char *end;
	long no;

	if (!dash || dash == code || !dash[1])
		return;
	no = strtol(dash + 1, &end, 10);
	if (*end || no <= 0)
		return;
	tz_hmap_get(oc->next_no, code, (size_t)(dash + 1 - code), &last);
	if (no > last)
		tz_hmap_put(oc->next_no, code, (size_t)(dash + 1 - code), no, NULL);
}

/*
 * A name as projects are told apart by it (look_alike, renamed): folded
 * (tz_org_norm), then without the marks published lists put before or
 * after a name and change from list to list — footnote marks * ★ ☆ △
 * ▲ # ※ (“*为新开工项目”, “★为省重点”) and the quotes of a name pasted
 * from a notice (audit 9 W15). Into oc->aname. 0 or TZ_EENCODING.
 */
static int name_key(struct org_ctx *oc, const char *name)
{
	static const char *const marks[] = { "*", "#", "\"", "'", "★", "☆", "△", "▲", "※",
					     "“", "”", "‘", "’", "「", "」", "『", "』" };
	const char *s;
	size_t n;
	int rc = tz_org_norm(name, strlen(name), &oc->aname), more = 1;

	if (rc)
		return rc;
	s = oc->aname.buf;
	n = oc->aname.len;
	while (more && n) {
		more = 0;
		for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
			size_t l = strlen(marks[i]);

			if (n > l && !memcmp(s, marks[i], l)) {
				s += l;
				n -= l;
				more = 1;
			}
			if (n > l && !memcmp(s + n - l, marks[i], l)) {
				n -= l;
				more = 1;
			}
		}
	}
	memmove(oc->aname.buf, s, n);
	oc->aname.buf[n] = '\0';
	oc->aname.len = n;
	return 0;
}

/* The key of alike: the ledger's year, the region and name_key. */
static int alike_key(struct org_ctx *oc, int year, int64_t region_id, const char *name)
{
	int rc = name_key(oc, name);

	tz_buf_reset(&oc->akey);
	tz_buf_addf(&oc->akey, "%d/%lld/%s", year, (long long)region_id, oc->aname.buf);
	return rc;
}

/* A code in upper case (code_tidy), into oc->akey. */
static void code_key(struct org_ctx *oc, const char *code)
{
	tz_buf_reset(&oc->akey);
	tz_buf_adds(&oc->akey, code);
	for (size_t i = 0; i < oc->akey.len; i++)
		if (oc->akey.buf[i] >= 'a' && oc->akey.buf[i] <= 'z')
			oc->akey.buf[i] = (char)(oc->akey.buf[i] - 'a' + 'A');
}

/* Reports keyed by 项目代码: the stored projects' national codes ->
 * index in oc->codes of their 项目编号 (natstored; W14). */
static int learn_natcode(void *ctx, const struct tz_project *p)
{
	struct org_ctx *oc = ctx;

	if (p->natcode && *p->natcode && !tz_hmap_get(oc->natstored, p->natcode,
						      strlen(p->natcode), NULL))
		tz_hmap_put(oc->natstored, p->natcode, strlen(p->natcode),
			    (int64_t)keep_code(oc, p->code), NULL);
	return 0;
}

static int learn_project(void *ctx, const struct tz_project *p)
{
	struct org_ctx *oc = ctx;
	struct tz_buf key = TZ_BUF_INIT;
	int64_t at;

	if (oc->by_name && !identity(oc, p->region_id, p->name, &key) &&
	    !tz_hmap_get(oc->known, key.buf, key.len, NULL))
		tz_hmap_put(oc->known, key.buf, key.len, (int64_t)keep_code(oc, p->code), NULL);
	if (oc->by_name)
		note_number(oc, p->code);
	tz_buf_release(&key);
	/* Only kept: folding every stored name (NFKC) is the cost of a
	 * new code, not of every import. */
	TZ_ALLOC_GROW(oc->rows, oc->nrows + 1, oc->arows);
	oc->rows[oc->nrows].year = p->year;
	oc->rows[oc->nrows].region_id = p->region_id;
	oc->rows[oc->nrows].name = oc->row_bytes.len;
	tz_buf_add(&oc->row_bytes, p->name, strlen(p->name) + 1);
	oc->rows[oc->nrows].code = oc->row_bytes.len;
	tz_buf_add(&oc->row_bytes, p->code, strlen(p->code) + 1);
	oc->rows[oc->nrows].total = p->total;
	oc->rows[oc->nrows].annual = p->has_plan ? p->annual : 0;
	oc->nrows++;
	code_key(oc, p->code);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at)) {
		oc->olds[at].total = p->total;
	} else {
		const char *nat = p->natcode ? p->natcode : "";

		TZ_ALLOC_GROW(oc->olds, oc->nolds + 1, oc->aolds);
		oc->olds[oc->nolds].name = tz_xstrdup(p->name);
		oc->olds[oc->nolds].region_id = p->region_id;
		oc->olds[oc->nolds].total = p->total;
		oc->olds[oc->nolds].code = oc->rows[oc->nrows - 1].code;
		oc->olds[oc->nolds].natcode = oc->rows[oc->nrows - 1].code + strlen(p->code);
		if (*nat) {
			oc->olds[oc->nolds].natcode = oc->row_bytes.len;
			tz_buf_add(&oc->row_bytes, nat, strlen(nat) + 1);
		}
		if (*nat)
			tz_hmap_put(oc->natstored, nat, strlen(nat), (int64_t)oc->nolds, NULL);
		tz_hmap_put(oc->stored, oc->akey.buf, oc->akey.len, (int64_t)oc->nolds++, NULL);
	}
	return 0;
}

/*
 * oc->alike, made once from the stored rows (learn_project) when a row
 * first needs it: a new code, or a codeless row matching no stored
 * project. Only the ledger's year when it is one (--year, the title).
 * Returns whether the store has any row to compare with.
 */
static int alike_index(struct org_ctx *oc)
{
	if (oc->alike)
		return tz_hmap_count(oc->alike) > 0;
	oc->alike = tz_hmap_new();
	for (size_t i = 0; i < oc->nrows; i++) {
		const struct stored_row *r = &oc->rows[i];

		if (oc->year && r->year != oc->year)
			continue;
		if (!alike_key(oc, r->year, r->region_id, oc->row_bytes.buf + r->name) &&
		    !tz_hmap_get(oc->alike, oc->akey.buf, oc->akey.len, NULL))
			tz_hmap_put(oc->alike, oc->akey.buf, oc->akey.len,
				    (int64_t)keep_code(oc, oc->row_bytes.buf + r->code), NULL);
	}
	return tz_hmap_count(oc->alike) > 0;
}

/*
 * The stem of a name (walkthrough 9, item 4): name_key without brackets
 * (（）()【】[]) and without 项目/工程 at its end, with the region, into
 * oc->akey: 盖州市污水处理厂提标改造项目 and 盖州市污水处理厂提标改造 have
 * one stem. Only for a notice, never to match. 0 or TZ_EENCODING.
 */
static int stem_key(struct org_ctx *oc, int64_t region_id, const char *name)
{
	static const char *const brackets[] = { "（", "）", "(", ")", "【", "】", "[", "]" };
	static const char *const tails[] = { "项目", "工程" };
	int rc = name_key(oc, name), more = 1;
	size_t n = 0;
	char *b = oc->aname.buf;

	if (rc)
		return rc;
	for (size_t i = 0; i < oc->aname.len;) {
		size_t l = 0;

		for (size_t k = 0; k < sizeof(brackets) / sizeof(brackets[0]) && !l; k++)
			if (!strncmp(b + i, brackets[k], strlen(brackets[k])))
				l = strlen(brackets[k]);
		if (l) {
			i += l;
			continue;
		}
		b[n++] = b[i++];
	}
	while (more) {
		more = 0;
		for (size_t k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
			size_t l = strlen(tails[k]);

			if (n > l && !memcmp(b + n - l, tails[k], l)) {
				n -= l;
				more = 1;
			}
		}
	}
	b[n] = '\0';
	oc->aname.len = n;
	tz_buf_reset(&oc->akey);
	tz_buf_addf(&oc->akey, "%lld/%s", (long long)region_id, b);
	return 0;
}

/* oc->stems from the stored rows, once, when a first code is given. */
static void stem_index(struct org_ctx *oc)
{
	if (oc->stems)
		return;
	oc->stems = tz_hmap_new();
	for (size_t i = 0; i < oc->nrows; i++)
		if (!stem_key(oc, oc->rows[i].region_id, oc->row_bytes.buf + oc->rows[i].name) &&
		    !tz_hmap_get(oc->stems, oc->akey.buf, oc->akey.len, NULL))
			tz_hmap_put(oc->stems, oc->akey.buf, oc->akey.len, (int64_t)i, NULL);
}

static const char *region_name(struct org_ctx *oc, int64_t id)
{
	const struct tz_org_node *n = tz_org_index_by_id(oc->x, id);

	return n ? n->name : "";
}

/*
 * The national 项目代码 as the project's second key (audit 9, W14;
 * ledger.md "Spreadsheet import"), before look_alike:
 *  - a row whose code the store does not have but is the 项目代码 of a
 *    stored project (a published list keyed by 项目代码 after a ledger
 *    giving 项目编号 and 项目代码) is that project: p->code becomes its
 *    项目编号, p->natcode the code read (counted, oc->nbynat);
 *  - a 项目代码 is one project's: one that is another stored project's
 *    项目代码 or 项目编号, or another 项目编号's earlier in the file, is
 *    refused naming both;
 *  - a 项目代码 other than the one stored for the row's 项目编号 is a
 *    correction, listed in the summary (oc->said).
 * TZ_EEXIST with err's message for a refusal, else 0.
 */
#define OLD_CODE(oc, i) ((oc)->row_bytes.buf + (oc)->olds[i].code)
#define OLD_NATCODE(oc, i) ((oc)->row_bytes.buf + (oc)->olds[i].natcode)

static int second_key(struct org_ctx *oc, struct tz_project *p, struct tz_err *err)
{
	const char *nat = p->natcode ? p->natcode : "";
	int64_t at, mine = -1;

	if (!tz_hmap_count(oc->natstored) && !*nat)
		return 0;
	code_key(oc, p->code);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at)) {
		mine = at;
	} else if (!*nat && tz_hmap_get(oc->natstored, p->code, strlen(p->code), &at)) {
		p->natcode = nat = p->code;
		p->code = OLD_CODE(oc, at);
		oc->nbynat++;
		return 0;
	}
	if (!*nat)
		return 0;
	if (tz_hmap_get(oc->natstored, nat, strlen(nat), &at) && at != mine &&
	    !tz_scope_allows(oc->scope, oc->olds[at].region_id))
		return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目代码",
				     "项目代码%s已被您管辖的%s范围以外的项目使用，本行的项目编号是%s："
				     "两个项目不能使用同一项目代码；请核对项目代码", nat,
				     oc->scope->root_name, p->code);
	if (tz_hmap_get(oc->natstored, nat, strlen(nat), &at) && at != mine)
		return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目代码",
				     "项目代码%s已是项目%s（%s %s）的项目代码，本行的项目编号是%s："
				     "两个项目不能使用同一项目代码；请核对项目代码或项目编号",
				     nat, OLD_CODE(oc, at), region_name(oc, oc->olds[at].region_id),
				     oc->olds[at].name, p->code);
	code_key(oc, nat);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at) && at != mine &&
	    !tz_scope_allows(oc->scope, oc->olds[at].region_id))
		return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目代码",
				     "项目代码%s已是您管辖的%s范围以外的项目的项目编号，本行的项目编号是%s："
				     "一个项目代码不能对应两个项目编号；请核对项目代码", nat,
				     oc->scope->root_name, p->code);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at) && at != mine)
		return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目代码",
				     "项目代码%s已是已有项目（%s %s）的项目编号，本行的项目编号是%s："
				     "一个项目代码不能对应两个项目编号；若是同一项目，请沿用原编号%s",
				     nat, region_name(oc, oc->olds[at].region_id), oc->olds[at].name,
				     p->code, OLD_CODE(oc, at));
	if (tz_hmap_get(oc->natfile, nat, strlen(nat), &at)) {
		code_key(oc, p->code);
		if (strcmp(oc->codes[at], oc->akey.buf))
			return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目代码",
					     "项目代码%s在本文件中已填给项目编号%s，本行的项目编号是%s："
					     "两个项目不能使用同一项目代码；请核对",
					     nat, oc->codes[at], p->code);
	} else {
		code_key(oc, p->code);
		tz_hmap_put(oc->natfile, nat, strlen(nat), (int64_t)keep_code(oc, oc->akey.buf), NULL);
	}
	if (mine >= 0 && *OLD_NATCODE(oc, mine) && strcmp(OLD_NATCODE(oc, mine), nat) &&
	    !strstr(oc->said.buf ? oc->said.buf : "", nat))
		tz_buf_addf(&oc->said, "项目编号%s：项目代码由%s改为%s；", p->code,
			    OLD_NATCODE(oc, mine), nat);
	return 0;
}

/*
 * A row with a 项目编号 or 项目代码 against the stored projects (audit 8
 * code-later, audit 9 W1, W12, W13, W15):
 *  - a code the store has: a correction. One that changes both the name
 *    (name_key) and the region makes the code another project — row
 *    numbers under 编号, a code typed on the wrong line — and is
 *    refused, naming both; one that changes the name or the region only
 *    is listed in the summary (oc->said).
 *  - a new code whose region and name_key equal those of a stored
 *    project of the same year under another code is refused, naming
 *    that project: the same project written with another code (p1, a
 *    float tail, stripped zeros, a 项目代码 given to a project that had
 *    a code made up for it) would otherwise be counted twice. A
 *    decorated 项目代码 is read as its code before (natcode_cells).
 * TZ_EEXIST with err's message for a refusal, else 0.
 */
static int look_alike(struct org_ctx *oc, const struct tz_project *p, struct tz_err *err)
{
	const char *code;
	int64_t at;

	/* Nothing stored (a first ledger): nothing to fold or refuse, as
	 * both maps below are empty. */
	if (!oc->nolds && !oc->nrows)
		return 0;
	code_key(oc, p->code);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at)) {
		const struct stored_project *o = &oc->olds[at];
		int same_name, same_region = o->region_id == p->region_id;

		/* A re-import: nothing to fold. */
		if (same_region && !strcmp(o->name, p->name))
			return 0;
		if (name_key(oc, o->name))
			return 0;
		tz_buf_reset(&oc->akey);
		tz_buf_add(&oc->akey, oc->aname.buf, oc->aname.len);
		if (name_key(oc, p->name))
			return 0;
		same_name = !strcmp(oc->akey.buf, oc->aname.buf);
		if (!same_name && !same_region)
			return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目名称",
					     "项目编号%s已是%s的“%s”，本行写的是%s的“%s”：名称和地区都不同，"
					     "不像是同一项目的更正；请核对项目编号（若该列是序号，请把表头改为“序号”）",
					     p->code, region_name(oc, o->region_id), o->name, p->region,
					     p->name);
		if (!same_name)
			tz_buf_addf(&oc->said, "项目编号%s：名称由%s改为%s；", p->code, o->name, p->name);
		if (!same_region)
			tz_buf_addf(&oc->said, "项目编号%s：地区由%s改为%s；", p->code,
				    region_name(oc, o->region_id), p->region);
		return 0;
	}
	if (!alike_index(oc) || alike_key(oc, p->year, p->region_id, p->name) ||
	    !tz_hmap_get(oc->alike, oc->akey.buf, oc->akey.len, &at))
		return 0;
	code = oc->codes[at];
	code_key(oc, code);
	return tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目编号",
			     "与已有项目%s（%s %s）名称、地区相同，编号不同：请核对编号"
			     "（同一项目请沿用原编号）", code, p->region,
			     tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at)
				     ? oc->olds[at].name : p->name);
}

/*
 * Give a project of a list without codes (or a row whose national 项目代码
 * is empty) its code: the code of the stored project with the same region
 * and name (a correction), else a new one, YYYY-区码-NNN. The same region
 * and name twice in one file without a code, or once without and once with
 * one, is a row error naming both lines (`line` is this row's): which is
 * which cannot be known. TZ_EEXIST for that. A row with its code is only
 * noted.
 */
static int identify(struct org_ctx *oc, struct tz_project *p, long line, struct tz_err *err)
{
	const struct tz_org_node *region = tz_org_index_by_id(oc->x, p->region_id);
	struct tz_buf key = TZ_BUF_INIT, fkey = TZ_BUF_INIT;
	char code[TZ_CODE_MAX + 1];
	int64_t at, last = 0;
	int n, rc = 0;

	identity(oc, p->region_id, p->name, &key);
	/* In the file, a project is once per year: a list of several years
	 * (a 年度 column) names it in each (the walkthrough, 2026-11-30). */
	tz_buf_addf(&fkey, "%.*s\x1f%d", (int)key.len, key.buf, p->year);
	/* A row with its 项目代码 in a list where others have none: a row
	 * without one naming the same region and project cannot be told
	 * from it either way. In in_file as its line * 2, + 1 for a row
	 * with a code. */
	if (strcmp(p->code, NO_CODE)) {
		if (tz_hmap_get(oc->in_file, fkey.buf, fkey.len, &at) && !(at & 1))
			rc = tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目名称",
					   "同一地区（%s）的项目“%s”在本文件中还有一行（第%ld行）没有项目代码，"
					   "无法分辨是否同一项目；请给那一行填上项目代码或改名",
					   p->region, p->name, (long)(at / 2));
		else if (!tz_hmap_get(oc->in_file, fkey.buf, fkey.len, NULL))
			tz_hmap_put(oc->in_file, fkey.buf, fkey.len, (int64_t)line * 2 + 1, NULL);
		goto out;
	}
	if (tz_hmap_get(oc->in_file, fkey.buf, fkey.len, &at)) {
		if (at & 1)
			rc = tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目名称",
					   "同一地区（%s）的项目“%s”在本文件中另有一行（第%ld行）填了项目代码，"
					   "无法分辨是否同一项目；请给本行填上项目代码或改名",
					   p->region, p->name, (long)(at / 2));
		else
			rc = tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目名称",
					   "同一地区（%s）的项目“%s”在本文件中出现两次（第%ld行与第%ld行），"
					   "无法分辨；是同一项目重复填写的，请删去其中一行；是两个项目的，"
					   "请给两个项目加上项目编号或改名",
					   p->region, p->name, (long)(at / 2), line);
		goto out;
	}
	tz_hmap_put(oc->in_file, fkey.buf, fkey.len, (int64_t)line * 2, NULL);
	if (tz_hmap_get(oc->known, key.buf, key.len, &at)) {
		p->code = oc->codes[at];
		goto out;
	}
	/* A stored project of the year whose name differs only by marks
	 * (name_key: 甲项目* beside 甲项目): which is meant cannot be known. */
	if (alike_index(oc) && !alike_key(oc, p->year, p->region_id, p->name) &&
	    tz_hmap_get(oc->alike, oc->akey.buf, oc->akey.len, &at)) {
		rc = tz_err_set_at(err, TZ_EEXIST, NULL, 0, "项目名称",
				   "“%s”与已有项目%s（%s）只差名称前后的标记符号或引号，无法确定是否同一项目；"
				   "请去掉名称前后的*、★、引号等再导入", p->name, oc->codes[at], p->region);
		goto out;
	}
	/* The ledger's year; a row's own (年度 column) in a list of
	 * 项目代码 read without --year. */
	n = snprintf(code, sizeof(code), "%d-%s-", oc->year ? oc->year : p->year,
		     region ? region->code : "R");
	tz_hmap_get(oc->next_no, code, (size_t)n, &last);
	tz_hmap_put(oc->next_no, code, (size_t)n, last + 1, NULL);
	snprintf(code + n, sizeof(code) - (size_t)n, "%03lld", (long long)(last + 1));
	at = (int64_t)keep_code(oc, code);
	tz_hmap_put(oc->known, key.buf, key.len, at, NULL);
	p->code = oc->codes[at];
	tz_buf_addf(&oc->given, "    %s  %s（%s）\n", p->code, p->name, p->region);
	oc->ngiven++;
	/* A stored project whose name differs only by 项目/工程, spaces or
	 * brackets: perhaps the same one renamed; said, never merged. An
	 * empty store (a first import) costs nothing here. */
	if (oc->nrows && (stem_index(oc), tz_hmap_count(oc->stems) > 0) &&
	    !stem_key(oc, p->region_id, p->name) &&
	    tz_hmap_get(oc->stems, oc->akey.buf, oc->akey.len, &at))
		tz_buf_addf(&oc->said,
			    "新项目“%s”（%s，新编号%s）与已有项目%s“%s”的名称只差“项目”“工程”、空格或括号，"
			    "已作为另一个项目；若是同一项目改了名称，请在表中填写项目编号或项目代码%s后重新导入；",
			    p->name, p->region, p->code, oc->row_bytes.buf + oc->rows[at].code,
			    oc->row_bytes.buf + oc->rows[at].name, oc->row_bytes.buf + oc->rows[at].code);
out:
	tz_buf_release(&fkey);
	tz_buf_release(&key);
	return rc;
}

/*
 * Follow the codes of a column headed 编号 (audit 9 W1): in county lists
 * 编号 holding 1, 2, 3 … (restarting after 一、续建项目) is the row number,
 * which ledger.md says is never a code; read as codes, the next list,
 * ordered otherwise, overwrites other projects. `section`: a section row.
 */
static void serial_check(struct org_ctx *oc, const char *code, int section)
{
	char *end;
	long v;

	/* 一、续建项目 written in the 编号 column is a section row too. */
	if (section || (!isdigit((unsigned char)code[0]) && tz_row_is_heading(code, strlen(code)))) {
		oc->serial_next = 1;
		return;
	}
	if (!oc->serial_next)
		oc->serial_next = 1;
	v = isdigit((unsigned char)code[0]) && code[0] != '0' ? strtol(code, &end, 10) : 0;
	if (v && !*end && v == oc->serial_next) {
		oc->serial_rows++;
		oc->serial_next++;
	} else {
		oc->serial_other++;
	}
}

/* What the import folded in codes and the renames it made, after the
 * header's notes (the summary's notes line). */
static void code_notes(struct org_ctx *oc, struct tz_import_result *res)
{
	struct tz_buf b = TZ_BUF_INIT;

	if (!oc->ncase && !oc->nfloat && !oc->napos && !oc->said.len && !oc->nnatread &&
	    !oc->nbynat && !oc->ncode_none)
		return;
	tz_buf_adds(&b, res->notes ? res->notes : "");
	if (oc->ncase)
		tz_buf_addf(&b, "%ld个项目编号含小写字母，已按大写读取（如“p1”即“P1”）；", oc->ncase);
	if (oc->nfloat)
		tz_buf_addf(&b, "%ld个项目编号带有小数尾“.0”（数字单元格导出所致），已去掉；", oc->nfloat);
	if (oc->napos)
		tz_buf_addf(&b, "%ld个项目编号前有文本标记“'”，已去掉；", oc->napos);
	if (oc->nnatread)
		tz_buf_addf(&b, "%ld个项目代码写法不同（带有“项目代码：”“（备案）”等文字，分隔符不是“-”，"
			    "或没有分隔符），已按24位项目代码读取；", oc->nnatread);
	if (oc->nbynat)
		tz_buf_addf(&b, "%ld行按项目代码对应到已有项目的项目编号；", oc->nbynat);
	if (oc->ncode_none)
		tz_buf_addf(&b, "项目代码为“%s”%s的%ld行按无编号处理（按所属地区和项目名称识别）；",
			    oc->code_none, oc->ncode_none > 1 ? "等" : "", oc->ncode_none);
	if (oc->said.len)
		tz_buf_add(&b, oc->said.buf, oc->said.len);
	free(res->notes);
	res->notes = tz_buf_detach(&b, NULL);
}

/* ------------------------------------------------------------------ */
/* Reports naming their project                                        */

/*
 * A report's 项目名称 and 所属地区 (TZ_RF_NAME, TZ_RF_REGION), checked
 * against the ledger's project of its 项目编号: a code copied by hand
 * wrongly would book one project's completion on another, which would
 * then look on schedule while the other looks 未报送 (audit 9, W6). Loaded
 * only for a file with either column, before the import begins.
 */
struct ledger_name {
	char *name;          /* as stored */
	char *key;           /* folded (tz_org_norm), as identity() compares names */
	int64_t region_id;
};

struct ledger_names {
	struct tz_hmap *by_code;     /* code -> index in v */
	struct ledger_name *v;
	size_t n, alloc;
	struct tz_org_index *x;      /* with a region column: the tree */
	struct tz_buf key;           /* scratch */
	int name, region;            /* the file has the column */
	/* A report without codes (code_by_name): "year/region_id/folded
	 * name" -> index in codes of the ledger row's code; a key of two
	 * projects maps to -1 - the first's, with the second's in twice. */
	struct tz_hmap *by_name, *twice;
	char **codes;
	size_t ncodes, acodes;
	struct tz_buf nkey;          /* scratch */
};

static int learn_name(void *ctx, const struct tz_project *p)
{
	struct ledger_names *ln = ctx;
	struct ledger_name *e;

	if (tz_hmap_get(ln->by_code, p->code, strlen(p->code), NULL))
		return 0;
	TZ_ALLOC_GROW(ln->v, ln->n + 1, ln->alloc);
	e = &ln->v[ln->n];
	e->name = tz_xstrdup(p->name);
	e->key = tz_xstrdup(tz_org_norm(p->name, strlen(p->name), &ln->key) ? p->name : ln->key.buf);
	e->region_id = p->region_id;
	tz_hmap_put(ln->by_code, p->code, strlen(p->code), (int64_t)ln->n++, NULL);
	return 0;
}

/* The key of by_name: the year, the region and the folded name, into
 * ln->nkey. 0 or TZ_EENCODING. */
static int name_region_key(struct ledger_names *ln, int year, int64_t region_id, const char *name)
{
	int rc = tz_org_norm(name, strlen(name), &ln->key);

	tz_buf_reset(&ln->nkey);
	tz_buf_addf(&ln->nkey, "%d/%lld/%s", year, (long long)region_id, ln->key.buf);
	return rc;
}

/* learn_name, and a ledger row's year, region and name for by_name. */
static int learn_name_region(void *ctx, const struct tz_project *p)
{
	struct ledger_names *ln = ctx;
	int64_t at;

	if (!name_region_key(ln, p->year, p->region_id, p->name)) {
		TZ_ALLOC_GROW(ln->codes, ln->ncodes + 1, ln->acodes);
		ln->codes[ln->ncodes] = tz_xstrdup(p->code);
		if (!tz_hmap_get(ln->by_name, ln->nkey.buf, ln->nkey.len, &at)) {
			tz_hmap_put(ln->by_name, ln->nkey.buf, ln->nkey.len, (int64_t)ln->ncodes, NULL);
		} else if (at >= 0) {
			tz_hmap_put(ln->by_name, ln->nkey.buf, ln->nkey.len, -1 - at, NULL);
			tz_hmap_put(ln->twice, ln->nkey.buf, ln->nkey.len, (int64_t)ln->ncodes, NULL);
		}
		ln->ncodes++;
	}
	return learn_name(ctx, p);
}

static int names_load(struct tz_store *store, struct ledger_names *ln, int name, int region,
		      int by_name, struct tz_err *err)
{
	int rc;

	ln->by_code = tz_hmap_new();
	tz_buf_init(&ln->key, 0);
	tz_buf_init(&ln->nkey, 0);
	ln->name = name;
	ln->region = region;
	if (by_name) {
		ln->by_name = tz_hmap_new();
		ln->twice = tz_hmap_new();
	}
	if ((rc = tz_store_each_project(store, 0, by_name ? learn_name_region : learn_name, ln,
					err)))
		return rc;
	if (region) {
		ln->x = tz_org_index_new();
		rc = tz_store_org_load(store, ln->x, err);
	}
	return rc;
}

static void names_release(struct ledger_names *ln)
{
	for (size_t i = 0; i < ln->n; i++) {
		free(ln->v[i].name);
		free(ln->v[i].key);
	}
	free(ln->v);
	tz_hmap_free(ln->by_code);
	tz_org_index_free(ln->x);
	tz_buf_release(&ln->key);
	for (size_t i = 0; i < ln->ncodes; i++)
		free(ln->codes[i]);
	free(ln->codes);
	tz_hmap_free(ln->by_name);
	tz_hmap_free(ln->twice);
	tz_buf_release(&ln->nkey);
}

/*
 * A report row without a 项目编号 (code_by_name): its project is the
 * ledger's of the row's 所属地区 and 项目名称 in the year of its period,
 * the name folded as the projects import folds it (tz_org_norm) and the
 * region the node the tree knows by that name or alias — how a ledger
 * row without a code is identified (identify()). Sets it->rec.r.code
 * (owned by ln). 0, or TZ_EINVAL naming the column when the region is
 * unknown, no project or more than one has that region and name.
 * Audit 9, R19.
 */
static int find_by_name(struct ledger_names *ln, struct item *it, struct tz_err *err)
{
	struct tz_progress *r = &it->rec.r;
	const struct tz_org_node *n = tz_org_index_find(ln->x, it->region, strlen(it->region),
							TZ_ORG_WANT_REGION);
	int64_t at, second;

	if (!n) {
		/* The nearest regions, "鲅鱼圈" → 鲅鱼圈区 (walkthrough p15). */
		char hint[256];

		if (tz_org_index_suggest_text(ln->x, it->region, strlen(it->region),
					      TZ_ORG_WANT_REGION, hint, sizeof(hint)))
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
					     "所属地区“%.100s”不是台账中的地区，是否为%s？本表没有项目编号，"
					     "要按所属地区和项目名称对应台账中的项目，该行未导入；请按台账的"
					     "写法填所属地区或填写项目编号", it->region, hint);
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
				     "所属地区“%.100s”不是台账中的地区：本表没有项目编号，要按所属地区和"
				     "项目名称对应台账中的项目，该行未导入；请核对所属地区或填写项目编号",
				     it->region);
	}
	if (name_region_key(ln, r->period.year, n->id, it->name) ||
	    !tz_hmap_get(ln->by_name, ln->nkey.buf, ln->nkey.len, &at))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "项目名称",
				     "%d年度的台账中没有%s的“%.100s”：本表没有项目编号，按所属地区和"
				     "项目名称对应台账中的项目，该行未导入；请核对项目名称、所属地区"
				     "（与台账写法一致）或填写项目编号",
				     r->period.year, n->name, it->name);
	if (at < 0) {
		second = 0;
		tz_hmap_get(ln->twice, ln->nkey.buf, ln->nkey.len, &second);
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "项目名称",
				     "%d年度的台账中%s有不止一个“%.100s”（项目编号%s、%s）：本表没有"
				     "项目编号，无法确定是哪一个项目，该行未导入；请填写项目编号",
				     r->period.year, n->name, it->name, ln->codes[-1 - at],
				     ln->codes[second]);
	}
	r->code = ln->codes[at];
	return 0;
}

/*
 * A report row with a 项目编号 whose 所属地区 the tree does not know
 * ("站前", "盖州"): the name is the thing to correct, not the code, as a
 * list without codes says (find_by_name). The nearest regions are
 * suggested (tz_org_index_suggest_text; ledger.md "Organisation": 盖州 is
 * a suggestion for 盖州市, never a match); when the project's own region
 * is the only one suggested, only the region is to be rewritten, else the
 * code is to be checked too. Walkthrough 8, F4. TZ_EINVAL on 所属地区.
 */
static int unknown_region(struct ledger_names *ln, const struct item *it, const char *code,
			  const char *name, const struct tz_org_node *own, struct tz_err *err)
{
	const struct tz_org_node *one = NULL;
	char hint[256];
	size_t k = tz_org_index_suggest_text(ln->x, it->region, strlen(it->region),
					     TZ_ORG_WANT_REGION, hint, sizeof(hint));

	if (k == 1)
		tz_org_index_suggest_all(ln->x, it->region, strlen(it->region), TZ_ORG_WANT_REGION,
					 &one, 1);
	if (k && own && one == own)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
				     "所属地区“%.100s”不是台账中的地区，是否为%s？项目编号%s（%s）在台账中"
				     "属于“%s”，该行未导入；请按台账的写法填所属地区",
				     it->region, hint, code, name, own->name);
	if (k)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
				     "所属地区“%.100s”不是台账中的地区，是否为%s？项目编号%s（%s）在台账中"
				     "属于“%s”，该行未导入；请按台账的写法填所属地区，并核对项目编号",
				     it->region, hint, code, name, own ? own->name : "？");
	return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
			     "所属地区“%.100s”不是台账中的地区：项目编号%s（%s）在台账中属于“%s”，"
			     "该行未导入；请按台账的写法填所属地区，并核对项目编号",
			     it->region, code, name, own ? own->name : "？");
}

/*
 * Whether a report row's 项目名称 and 所属地区 agree with the ledger's
 * project of its code: 0, or TZ_EINVAL naming the column and both names.
 * Names are compared folded (tz_org_norm: width, spaces); a region agrees
 * when the tree knows the cell as the project's region (by name or
 * alias), a region above it or one inside it. An empty cell, or a code the
 * store does not know (its own error), is not checked.
 */
static int check_names(struct ledger_names *ln, const struct item *it, struct tz_err *err)
{
	const char *code = it->rec.r.code;
	const struct ledger_name *e;
	int64_t at;

	if (!tz_hmap_get(ln->by_code, code, strlen(code), &at))
		return 0;
	e = &ln->v[at];
	if (ln->name && *it->name &&
	    (tz_org_norm(it->name, strlen(it->name), &ln->key) || strcmp(ln->key.buf, e->key)))
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "项目名称",
				     "项目编号%s在台账中是“%s”，本行写的是“%.100s”：项目编号可能填错了，"
				     "该行未导入；请核对项目编号和项目名称", code, e->name, it->name);
	if (ln->region && *it->region) {
		const struct tz_org_node *own = tz_org_index_by_id(ln->x, e->region_id);
		const struct tz_org_node *n = tz_org_index_find(ln->x, it->region, strlen(it->region),
								TZ_ORG_WANT_REGION);
		/* A name the tree does not know is not the project's region,
		 * whose name (or alias) the tree finds. */
		int same = n && (n->id == e->region_id ||
				 tz_org_index_within(ln->x, e->region_id, n->id) ||
				 tz_org_index_within(ln->x, n->id, e->region_id));

		if (!n)
			return unknown_region(ln, it, code, e->name, own, err);
		if (!same)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, "所属地区",
					     "项目编号%s（%s）在台账中属于“%s”，本行所属地区写的是“%.100s”："
					     "项目编号可能填错了，该行未导入；请核对项目编号和所属地区",
					     code, e->name, own ? own->name : "？", it->region);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The writer                                                          */

static void reject(const struct tz_import_opts *opts, const char *path, const struct item *it,
		   const char *code, const char *field, const char *reason)
{
	struct tz_import_reject rej = { path, it->line, code ? code : "", field ? field : "",
					reason };

	if (opts->reject)
		opts->reject(opts->ctx, &rej);
}

/* Hold a rejected row whose 年度 disagrees with --year (org_ctx.year_off). */
static void year_off_keep(struct org_ctx *oc, const struct item *it)
{
	struct year_off_row *y;
	size_t i;

	TZ_ALLOC_GROW(oc->year_off, oc->nyear_off + 1, oc->ayear_off);
	y = &oc->year_off[oc->nyear_off++];
	y->line = it->line;
	y->code = tz_xstrdup(it->code ? it->code : "");
	y->field = tz_xstrdup(it->field ? it->field : "");
	y->reason = tz_xstrdup(it->reason ? it->reason : "");
	for (i = 0; i < oc->nyear_off_years && oc->year_off_years[i] != it->year_off; i++)
		;
	if (i == oc->nyear_off_years) {
		if (i < sizeof(oc->year_off_years) / sizeof(oc->year_off_years[0]))
			oc->year_off_years[oc->nyear_off_years++] = it->year_off;
		else
			oc->year_off_more = 1;
	}
}

/* Free the held rows; with `opts`, report them first, as row errors. */
static void year_off_release(struct org_ctx *oc, const struct tz_import_opts *opts,
			     const char *path)
{
	for (size_t i = 0; i < oc->nyear_off; i++) {
		struct year_off_row *y = &oc->year_off[i];
		struct tz_import_reject rej = { path, y->line, y->code, y->field, y->reason };

		if (opts && opts->reject)
			opts->reject(opts->ctx, &rej);
		free(y->code);
		free(y->field);
		free(y->reason);
	}
	free(oc->year_off);
	oc->year_off = NULL;
	oc->nyear_off = oc->ayear_off = 0;
	oc->year_off_hold = 0;
}

/*
 * Every data row's 年度 disagrees with --year: the file is refused in one
 * line naming the column, the years found and --year (walkthrough 17,
 * M1), rather than a row error for each row. Returns TZ_EINVAL.
 */
static int year_off_refuse(struct org_ctx *oc, const struct colmap *m, int year,
			   const char *path, struct tz_err *err)
{
	char found[96] = "";
	size_t used = 0;
	int rc;

	for (size_t i = 0; i < oc->nyear_off_years; i++)
		used += (size_t)snprintf(found + used, sizeof(found) - used, "%s%d", i ? "、" : "",
					 oc->year_off_years[i]);
	if (oc->year_off_more)
		snprintf(found + used, sizeof(found) - used, "等");
	rc = tz_err_set_at(err, TZ_EINVAL, path, m->h.line, m->cols[TZ_PF_YEAR].header,
			   "“%s”列各行的年度都不是 --year 指定的%d年（%zu行，年度为%s年），"
			   "不知道这是哪一年的台账，整个文件未导入；请核对“%s”列或 --year",
			   m->cols[TZ_PF_YEAR].header, year, oc->nyear_off, found,
			   m->cols[TZ_PF_YEAR].header);
	year_off_release(oc, NULL, path);
	return rc;
}

/* A report row accepted: its 本期完成投资 against what the store held
 * for it (W21, tz_plausible_report); read from memory, no query. */
static void plausible_held(struct tz_store *store, struct tz_plausible *plaus,
			   const struct item *it)
{
	struct tz_import_held h;
	struct tz_err ignored;

	if (tz_store_import_held(store, &h, &ignored))
		return;
	tz_plausible_report(plaus, it->line, it->rec.r.code, it->rec.r.completed,
			    &(struct tz_plaus_stored){ h.total, h.annual, h.old });
}

/* A ledger row accepted: its 总投资 against the stored project's (W21,
 * tz_plausible_ledger), and its region and year noted for
 * file_plausible. */
static void plausible_stored(struct org_ctx *oc, struct tz_plausible *plaus,
			     const struct item *it, const char *code)
{
	int64_t at, rid = it->rec.p.region_id;
	size_t i;

	if (!oc->nfregions)
		oc->fyear = it->rec.p.year;
	if (!oc->nfregions || oc->fregions[oc->nfregions - 1] != rid) {
		for (i = 0; i < oc->nfregions && oc->fregions[i] != rid; i++)
			;
		if (i == oc->nfregions) {
			TZ_ALLOC_GROW(oc->fregions, oc->nfregions + 1, oc->afregions);
			oc->fregions[oc->nfregions++] = rid;
		} else {  /* the last one met is checked first */
			oc->fregions[i] = oc->fregions[oc->nfregions - 1];
			oc->fregions[oc->nfregions - 1] = rid;
		}
	}
	if (!*code || !oc->nolds)
		return;
	code_key(oc, code);
	if (tz_hmap_get(oc->stored, oc->akey.buf, oc->akey.len, &at))
		tz_plausible_ledger(plaus, it->line, code, it->rec.p.total, oc->olds[at].total);
}

/*
 * A ledger file as a whole against the stored ledger of its year, the
 * regions it holds left out (W21, tz_plausible_file): 1 and err set when
 * a whole column looks typed in 元.
 */
static int file_plausible(struct org_ctx *oc, struct tz_plausible *plaus, const char *path,
			  struct tz_err *err)
{
	int64_t *vals[TZ_PLAUS_COLS] = { NULL };
	size_t n[TZ_PLAUS_COLS] = { 0 };
	struct tz_buf why = TZ_BUF_INIT;
	int found = 0;

	if (!oc->nfregions)
		return 0;
	/* Nothing stored still checks the file's own medians. */
	vals[TZ_PLAUS_TOTAL] = tz_xmalloc(tz_st_mult(oc->nrows + 1, sizeof(int64_t)));
	vals[TZ_PLAUS_PLAN] = tz_xmalloc(tz_st_mult(oc->nrows + 1, sizeof(int64_t)));
	for (size_t i = 0; i < oc->nrows; i++) {
		const struct stored_row *r = &oc->rows[i];
		size_t k;

		if (r->year != oc->fyear)
			continue;
		for (k = 0; k < oc->nfregions && oc->fregions[k] != r->region_id; k++)
			;
		if (k < oc->nfregions)
			continue;
		if (r->total > 0)
			vals[TZ_PLAUS_TOTAL][n[TZ_PLAUS_TOTAL]++] = r->total;
		if (r->annual > 0)
			vals[TZ_PLAUS_PLAN][n[TZ_PLAUS_PLAN]++] = r->annual;
	}
	if (tz_plausible_file(plaus, vals, n, &why)) {
		tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
			      "%s；整个文件未导入。请核对金额单位，改正后重新导入；"
			      "如确为此数，请以“确认大额”（命令行 --confirm-large）重新导入",
			      why.buf);
		found = 1;
	}
	tz_buf_release(&why);
	free(vals[TZ_PLAUS_TOTAL]);
	free(vals[TZ_PLAUS_PLAN]);
	return found;
}

/*
 * What the months before r->period of its year add up to for project
 * r->code (0.01 万元), as this file and the store know them: the latest
 * earlier month this file gave a year-to-date for (oc->ytd_file; its
 * figure), else from January, then each later month before the period
 * from the store. *before: their sum (at most 11 amounts of at most
 * TZ_MONEY_MAX: no overflow); missing: "" when every month is known,
 * else the months neither gave ("3月、4月"). 0, or a store error. One
 * query, only when the file gives not every month before (audit 9 R17;
 * issue 7).
 */
static int ytd_before(struct tz_store *store, struct org_ctx *oc, const struct tz_progress *r,
		      int64_t *before, char *missing, size_t msize, struct tz_err *why)
{
	struct tz_arena *a = NULL;
	struct tz_progress *reps = NULL;
	size_t n = 0;
	int64_t v;
	char key[160];
	unsigned have = 0;
	int from = 1, rc = 0;

	*before = 0;
	missing[0] = '\0';
	if (!oc->ytd_file)
		oc->ytd_file = tz_hmap_new();
	/* The latest earlier month of this file. */
	for (int mon = r->period.month - 1; mon >= 1 && from == 1; mon--) {
		snprintf(key, sizeof(key), "%s|%04d%02d", r->code, r->period.year, mon);
		if (tz_hmap_get(oc->ytd_file, key, strlen(key), &v)) {
			*before = v;
			from = mon + 1;
		}
	}
	if (from < r->period.month) {
		a = tz_arena_new();
		if ((rc = tz_store_project_reports(store, r->code, a, &reps, &n, why)))
			goto out;
		for (size_t i = 0; i < n; i++)
			if (reps[i].period.year == r->period.year && reps[i].period.month >= from &&
			    reps[i].period.month < r->period.month) {
				have |= 1u << reps[i].period.month;
				*before += reps[i].completed;
			}
		for (int mon = from; mon < r->period.month; mon++)
			if (!(have & (1u << mon))) {
				size_t used = strlen(missing);

				if (used > msize - 8) {
					snprintf(missing + used, msize - used, "…");
					break;
				}
				snprintf(missing + used, msize - used, "%s%d月", used ? "、" : "", mon);
			}
	}
out:
	tz_arena_free(a);
	return rc;
}

/* Keep ytd as r's year-to-date for the file's later months (ytd_before). */
static void ytd_keep(struct org_ctx *oc, const struct tz_progress *r, int64_t ytd)
{
	char key[160];

	if (!oc->ytd_file)
		oc->ytd_file = tz_hmap_new();
	snprintf(key, sizeof(key), "%s|%04d%02d", r->code, r->period.year, r->period.month);
	tz_hmap_put(oc->ytd_file, key, strlen(key), ytd, NULL);
}

/*
 * A report read from a year-to-date column (tz_header ytd_only; audit 9
 * R17): r->completed holds the year's completion up to r->period, and
 * becomes the month's, that figure less what the months before it in
 * the same year add up to (ytd_before); each month before must be
 * known. January's is its year-to-date. 0 with r->completed replaced;
 * TZ_EINVAL (why: the months missing, or a figure smaller than the
 * months before it) refuses the row; a store error. The file's figure
 * is kept in oc->ytd_file for its later months.
 */
static int ytd_derive(struct tz_store *store, struct org_ctx *oc, struct tz_progress *r,
		      struct tz_err *why)
{
	int64_t ytd = r->completed, before = 0;
	char missing[64];
	int rc;

	if ((rc = ytd_before(store, oc, r, &before, missing, sizeof(missing), why)))
		return rc;
	if (missing[0]) {
		/* A county that started mid-year (walkthrough 8, F5): the
		 * months are never imported, so only a sheet giving the month
		 * itself can be; no month's value is invented. */
		char yb[TZ_MONEY_FMT_MAX], bb[TZ_MONEY_FMT_MAX];

		tz_money_fmt(ytd, yb);
		tz_money_fmt(before, bb);
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, "本期完成投资(万元)",
				     "本表只有累计完成投资（本行%d年1-%d月累计%s万元），要减去此前各月已"
				     "导入的%s万元才得出%d月的数，但%d年%s没有导入，算不出，该行未导入："
				     "请先导入这些月份；没有这些月份的调度表时，请改用填有%d月当月完成投资"
				     "的表（不要填累计数），年初以来累计从导入的第一个月算起",
				     r->period.year, r->period.month, yb, bb, r->period.month,
				     r->period.year, missing, r->period.month);
	}
	if (ytd < before) {
		char yb[TZ_MONEY_FMT_MAX], bb[TZ_MONEY_FMT_MAX];

		tz_money_fmt(ytd, yb);
		tz_money_fmt(before, bb);
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, "本期完成投资(万元)",
				     "累计完成投资%s万元小于%d年1-%d月已导入的完成投资合计%s万元，算出的本期"
				     "完成投资为负数：请核对累计数，该行未导入", yb, r->period.year,
				     r->period.month - 1, bb);
	}
	ytd_keep(oc, r, ytd);
	r->completed = ytd - before;
	return 0;
}

/*
 * A report giving both 本月 (r->completed) and the year-to-date beside it
 * (ytd, TZ_RF_YTD; issue 7; walkthrough 8, F2). ledger.md's year-to-date
 * (1-N月累计完成投资) is the sum of the stored months, so the sheet's
 * figure must be what the months add up to:
 * - every month before r->period of its year known (ytd_before: this
 *   file's, else stored): the year-to-date must be their sum plus the
 *   month's, to the 0.01 万元;
 * - some month not known (a county that started mid-year, a month not
 *   reported): the year-to-date cannot be less than the known months
 *   plus the month's (the missing months only add);
 * else TZ_EINVAL refuses the row naming the figures (and the months not
 * imported). A year-to-date above the known months plus 本月 while some
 * are missing is not refused: the 本月 stored is what the sheet means,
 * and the difference belongs to the missing months, which no row of
 * this sheet gives — booking it to any month would invent that month's
 * value. The summary says so for the row (oc->said: line, code, the
 * figures, the months missing, the difference), so that the office
 * knows the bulletin's 1-N月累计 will be short by it until those
 * months are imported. The row's year-to-date is kept for the file's
 * later months. ytd_text: the column's header; line: the row's. 0, or
 * a store error.
 */
static int ytd_check(struct tz_store *store, struct org_ctx *oc, const struct tz_progress *r,
		     int64_t ytd, const char *ytd_text, long line, struct tz_err *why)
{
	int64_t before = 0;
	char missing[64];
	char yb[TZ_MONEY_FMT_MAX], bb[TZ_MONEY_FMT_MAX], mb[TZ_MONEY_FMT_MAX];
	char sb[TZ_MONEY_FMT_MAX], db[TZ_MONEY_FMT_MAX];
	int rc;

	if ((rc = ytd_before(store, oc, r, &before, missing, sizeof(missing), why)))
		return rc;
	tz_money_fmt(ytd, yb);
	tz_money_fmt(before, bb);
	tz_money_fmt(r->completed, mb);
	tz_money_fmt(before + r->completed, sb);
	if (!missing[0] && ytd != before + r->completed) {
		if (r->period.month == 1)
			return tz_err_set_at(why, TZ_EINVAL, NULL, 0, ytd_text,
					     "%s%s万元不等于本月完成投资%s万元（1月的累计数就是本月数）："
					     "请核对累计数或本月数，该行未导入", ytd_text, yb, mb);
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, ytd_text,
				     "%s%s万元不等于%d年1-%d月已导入的完成投资合计%s万元加本月完成投资"
				     "%s万元（应为%s万元）：请核对累计数或本月数，该行未导入", ytd_text,
				     yb, r->period.year, r->period.month - 1, bb, mb, sb);
	}
	if (missing[0] && ytd < before + r->completed)
		return tz_err_set_at(why, TZ_EINVAL, NULL, 0, ytd_text,
				     "%s%s万元小于%d年1-%d月已导入的完成投资合计%s万元加本月完成投资"
				     "%s万元（%s万元），而%s没有导入的月份只会使累计数更大：请核对累计数"
				     "或本月数，该行未导入", ytd_text, yb, r->period.year,
				     r->period.month - 1, bb, mb, sb, missing);
	if (missing[0] && ytd > before + r->completed) {
		tz_money_fmt(ytd - (before + r->completed), db);
		tz_buf_addf(&oc->said, "第%ld行项目编号%s：%s%s万元比%d年1-%d月已导入的完成投资合计"
			    "%s万元加本月完成投资%s万元多%s万元，这%s万元属于没有导入的%d年%s，"
			    "本表没有这些月份的数，不能计入任何月份，只导入了本月数；通报的1-%d月"
			    "累计完成投资按已导入的月份算，为%s万元，导入这些月份后才与本表一致；",
			    line, r->code, ytd_text, yb, r->period.year, r->period.month - 1, bb, mb,
			    db, db, r->period.year, missing, r->period.month, sb);
	}
	ytd_keep(oc, r, ytd);
	return 0;
}

/*
 * The key of a ledger row (month 0) or report: a hash of its code and
 * its year and month. Codes come upper-cased (code_tidy) as the store
 * keys them; one hash of the code's bytes, no copy: it runs once per row.
 */
static uint64_t year_key(int year, int month)
{
	return (uint64_t)(year * 16 + month + 1) * 0x9e3779b97f4a7c15ULL;
}

static uint64_t row_key(const char *code, int year, int month)
{
	return tz_hash_bytes(code, strlen(code)) ^ year_key(year, month);
}

/* The key of item it (pl->progress: a report); a ledger row's code
 * hashed by the reading thread when the writer kept it (ledger_hashes). */
static uint64_t item_key(const struct pipeline *pl, const struct item *it)
{
	if (pl->progress)
		return row_key(it->rec.r.code, it->rec.r.period.year, it->rec.r.period.month);
	if (it->hashed_code && it->hashed_code == it->rec.p.code)
		return it->code_hash ^ year_key(it->rec.p.year, 0);
	return row_key(it->rec.p.code, it->rec.p.year, 0);
}

/* A hash of a project name, to tell whether two rows name one project. */
static uint32_t name_hash(const char *s)
{
	return (uint32_t)tz_hash_bytes(s, strlen(s));
}

/* The name_hash of a ledger row's 项目名称 (never changed after reading). */
static uint32_t item_name_hash(const struct item *it)
{
	return it->hashed_code ? it->name_hash : name_hash(it->rec.p.name);
}

/*
 * A row the store accepted: noted, 16 bytes and no allocation per row
 * once the array has grown (the store accepts each key once: a second
 * row of it is a duplicate, refused).
 */
static void row_note(struct org_ctx *oc, const struct pipeline *pl, const struct item *it)
{
	TZ_ALLOC_GROW(oc->rows_seen, oc->nrows_seen + 1, oc->arows_seen);
	oc->rows_seen[oc->nrows_seen++] = (struct row_seen){
		item_key(pl, it), (uint32_t)it->line,
		pl->progress ? 0 : item_name_hash(it) };
}

/*
 * The noted row whose key hashes to h, or NULL. The index is made at the
 * first duplicate and takes the rows noted since at each later one, so
 * a clean file builds none and a file with duplicates indexes each row
 * once. Keys are told apart by a 64-bit hash: two keys of one file
 * sharing it (odds about 10^-8 in a million rows) would name the first
 * one's line.
 */
static const struct row_seen *row_find(struct org_ctx *oc, uint64_t h)
{
	int64_t at;

	if (!oc->rows_index)
		oc->rows_index = tz_hmap_new();
	for (; oc->rows_indexed < oc->nrows_seen; oc->rows_indexed++) {
		uint64_t k = oc->rows_seen[oc->rows_indexed].key;

		if (!tz_hmap_get(oc->rows_index, (const char *)&k, sizeof(k), NULL))
			tz_hmap_put(oc->rows_index, (const char *)&k, sizeof(k),
				    (int64_t)oc->rows_indexed, NULL);
	}
	if (!tz_hmap_get(oc->rows_index, (const char *)&h, sizeof(h), &at))
		return NULL;
	return &oc->rows_seen[at];
}

/*
 * A row the store refused as a duplicate of an earlier row of the file:
 * *why rewritten to name both lines, the code and the project's name (a
 * clerk looking at line 40 alone cannot find the other). Unchanged when
 * the earlier row is not known (the store's own message stands).
 */
static void row_duplicate(struct org_ctx *oc, const struct pipeline *pl, const struct item *it,
			  struct tz_err *why)
{
	const struct row_seen *seen = row_find(oc, item_key(pl, it));
	long first;

	if (!seen)
		return;
	first = (long)seen->line;
	if (pl->progress)
		tz_err_set_at(why, TZ_EEXIST, NULL, 0, "调度期",
			      "同一项目同一调度期在本文件中重复：第%ld行与第%ld行都是项目编号%s的"
			      "%04d-%02d调度数据；请删去其中一行",
			      first, it->line, it->rec.r.code, it->rec.r.period.year,
			      it->rec.r.period.month);
	else if (seen->name == item_name_hash(it))
		tz_err_set_at(why, TZ_EEXIST, NULL, 0, "项目编号",
			      "项目编号重复：第%ld行与第%ld行都是%d年度的项目%s“%s”；请删去其中一行",
			      first, it->line, it->rec.p.year, it->rec.p.code, it->rec.p.name);
	else
		tz_err_set_at(why, TZ_EEXIST, NULL, 0, "项目编号",
			      "项目编号重复：第%ld行与第%ld行都填了项目编号%s（%d年度），项目名称却不同"
			      "（本行是“%s”）：不同的项目请改正编号，同一项目请删去其中一行",
			      first, it->line, it->rec.p.code, it->rec.p.year, it->rec.p.name);
}

/* How many rows ahead write_chunk asks the store for a code's slot: a
 * row's work (about a microsecond) covers a miss several times. */
#define PREFETCH_ROWS 4

/*
 * Write one chunk's items to the store. Rows the store refuses (unknown
 * project, duplicate) are rejected like invalid ones; any other store
 * error stops the import. Returns 0 or that error.
 */
static int write_chunk(struct tz_store *store, const struct pipeline *pl, struct chunk *c,
		       struct org_ctx *oc, const struct tz_import_opts *opts,
		       struct tz_import_result *res, struct tz_err *err)
{
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];
		struct tz_err why;
		int rc;

		/* The store's map of codes is read at random: the row
		 * PREFETCH_ROWS on is asked for now (issue 6). */
		if (!pl->progress && i + PREFETCH_ROWS < c->n) {
			const struct item *ahead = &c->items[i + PREFETCH_ROWS];

			if (ahead->skip == TZ_ROW_DATA && !ahead->rejected)
				tz_store_import_prefetch(store, ahead->rec.p.code);
		}

		if (pl->map->h.code_weak && !it->part &&
		    (it->skip == TZ_ROW_DATA || it->skip == TZ_ROW_SECTION))
			serial_check(oc, it->skip == TZ_ROW_SECTION ? ""
					 : it->rejected ? it->code : it->rec.p.code,
				     it->skip == TZ_ROW_SECTION);
		if (it->skip != TZ_ROW_DATA) {
			if (it->part)
				res->skipped_parts++;
			else if (it->skip == TZ_ROW_TOTAL)
				res->skipped_totals++;
			else if (it->skip == TZ_ROW_SECTION)
				res->skipped_sections++;
			else if (it->skip == TZ_ROW_NOTE)
				res->skipped_notes++;
			else if (it->skip == TZ_ROW_SAMPLE)
				res->skipped_samples++;
			else if (it->skip == TZ_ROW_COLNUM)
				res->skipped_colnums++;
			else if (it->skip == TZ_ROW_REHEADER)
				res->skipped_headers++;
			continue;
		}
		res->rows++;
		res->invisible += it->invisible;
		res->folded += it->folded;
		oc->ncase += (it->codefix & CODE_CASE) != 0;
		oc->nfloat += (it->codefix & CODE_FLOAT) != 0;
		oc->napos += (it->codefix & CODE_APOS) != 0;
		oc->nnatread += it->natread;
		if (it->code_none && !it->rejected && !oc->ncode_none++)
			oc->code_none = it->code_none;
		res->hidden += it->hidden;
		res->rounded += it->rounded;
		res->marks += it->marks;
		if (oc->year_off_hold) {
			if (it->rejected && it->year_off) {
				res->rejected++;
				year_off_keep(oc, it);
				continue;
			}
			year_off_release(oc, opts, pl->path);
		}
		if (it->rejected) {
			res->rejected++;
			reject(opts, pl->path, it, it->code, it->field, it->reason);
			continue;
		}
		if (pl->progress && oc->natstored) {
			/* A report keyed by the 项目代码 of a project stored
			 * under its 项目编号 (W14). */
			int64_t at;

			if (tz_hmap_get(oc->natstored, it->rec.r.code,
							 strlen(it->rec.r.code), &at)) {
				it->rec.r.code = oc->codes[at];
				oc->nbynat++;
			}
		}
		tz_err_clear(&why);
		/* A bounded import asks the bound first: the checks below
		 * name the stored project they compare with (scope.h). */
		if (pl->progress &&
		    (pl->map->h.code_by_name ? tz_scope_report_region(pl->scope, it->region, &why)
					     : tz_scope_report(pl->scope, it->rec.r.code, &why))) {
			res->rejected++;
			reject(opts, pl->path, it, pl->map->h.code_by_name ? "" : it->rec.r.code,
			       why.field, why.msg);
			continue;
		}
		if (pl->progress && pl->map->h.code_by_name && find_by_name(pl->names, it, &why)) {
			res->rejected++;
			reject(opts, pl->path, it, "", why.field, why.msg);
			continue;
		}
		if (pl->progress && pl->names && !pl->map->h.code_by_name &&
		    check_names(pl->names, it, &why)) {
			res->rejected++;
			reject(opts, pl->path, it, it->rec.r.code, why.field, why.msg);
			continue;
		}
		/* A "1-10月累计" beside 本月 on a row of another month says
		 * nothing of it: not checked, as before (issue 7). */
		rc = 0;
		if (pl->progress && it->has_ytd &&
		    (!pl->map->h.ytd_beside_month ||
		     pl->map->h.ytd_beside_month == it->rec.r.period.month))
			rc = ytd_check(store, oc, &it->rec.r, it->ytd, pl->map->h.ytd_text, it->line,
				       &why);
		if (!rc && pl->progress && pl->map->h.ytd_only)
			rc = ytd_derive(store, oc, &it->rec.r, &why);
		if (rc) {
			if (rc != TZ_EINVAL) {
				*err = why;
				tz_err_locate(err, pl->path, it->line);
				return rc;
			}
			res->rejected++;
			reject(opts, pl->path, it, it->rec.r.code, why.field, why.msg);
			continue;
		}
		if (pl->progress) {
			rc = tz_scope_report(pl->scope, it->rec.r.code, &why);
			if (!rc)
				rc = tz_store_import_progress(store, &it->rec.r, &why);
			if (rc == TZ_EEXIST)
				row_duplicate(oc, pl, it, &why);
		} else {
			rc = resolve_org(oc, &it->rec.p, &why);
			if (!rc)
				rc = tz_scope_ledger_region(pl->scope, &it->rec.p, &why);
			if (!rc && strcmp(it->rec.p.code, NO_CODE))
				rc = second_key(oc, &it->rec.p, &why);
			/* Before look_alike names the stored project of the code. */
			if (!rc)
				rc = tz_scope_ledger_project(pl->scope, &it->rec.p, &why);
			if (!rc && strcmp(it->rec.p.code, NO_CODE))
				rc = look_alike(oc, &it->rec.p, &why);
			if (!rc && oc->by_name)
				rc = identify(oc, &it->rec.p, it->line, &why);
			if (!rc)
				rc = tz_scope_ledger_project(pl->scope, &it->rec.p, &why);
			if (!rc && (rc = tz_store_import_project(store, &it->rec.p, &why)) ==
					   TZ_EEXIST)
				row_duplicate(oc, pl, it, &why);
			if (!rc && !it->rec.p.has_plan)
				res->unplanned++;
		}
		if (rc == TZ_EEXIST || rc == TZ_ENOTFOUND) {
			res->rejected++;
			reject(opts, pl->path, it,
			       pl->progress ? it->rec.r.code
			       : strcmp(it->rec.p.code, NO_CODE) ? it->rec.p.code : "",
			       why.field, why.msg);
			continue;
		}
		if (rc) {
			*err = why;
			tz_err_locate(err, pl->path, it->line);
			return rc;
		}
		res->accepted++;
		row_note(oc, pl, it);
		if (pl->plaus && pl->progress) {
			tz_plausible_add(pl->plaus, TZ_PLAUS_DONE, it->line, it->rec.r.code,
					 it->rec.r.completed);
			plausible_held(store, pl->plaus, it);
		} else if (pl->plaus) {
			const char *code = strcmp(it->rec.p.code, NO_CODE) ? it->rec.p.code : "";
			/* The project's id numbers its code: no hashing of
			 * it (issue 6). */
			int64_t key = tz_store_import_last_id(store);

			tz_plausible_add_keyed(pl->plaus, TZ_PLAUS_TOTAL, it->line, code, key,
					       it->rec.p.total);
			if (it->rec.p.has_plan)
				tz_plausible_add_keyed(pl->plaus, TZ_PLAUS_PLAN, it->line, code, key,
						       it->rec.p.annual);
			plausible_stored(oc, pl->plaus, it, code);
		}
	}
	return 0;
}

void tz_import_result_release(struct tz_import_result *res)
{
	free(res->org_created_names);
	free(res->unread);
	free(res->notes);
	free(res->codes_given_list);
	free(res->sheet);
	res->org_created_names = res->unread = res->notes = res->codes_given_list = NULL;
	res->sheet = NULL;
}

/* The ledger's year for rows without a 年度 cell: --year, else the title. */
/*
 * The ledger's year for rows without a 年度 cell: --year, else a year the
 * sheet names (its title, or its plan column: 2025年计划投资); when those
 * two disagree nothing chooses, and the file is refused.
 */
static int ledger_year(struct colmap *m, const struct tz_import_opts *opts, const char *path,
		       struct tz_import_result *res, struct tz_err *err)
{
	struct tz_header *h = &m->h;

	/*
	 * A title naming another year than --year: refused, naming both.
	 * --year does not win with a warning: a 年度 cell that disagrees with
	 * --year is already a row error, and a title is the same statement
	 * for every row, so one of the two is wrong and nothing says which
	 * (audit 2026-11-30, finding 6).
	 */
	if (opts->year && h->title_year && h->title_year != opts->year)
		return tz_err_set_at(err, TZ_EINVAL, path, h->title_year_line, NULL,
				     "标题“%s”写的是%d年，--year 指定的是%d年，不知道这是哪一年的台账，"
				     "整个文件未导入；请核对标题或 --year",
				     h->title_year_text, h->title_year, opts->year);
	if (m->idx[TZ_PF_YEAR] >= 0) {
		res->year_source = TZ_YEAR_COLUMN;
		m->year = opts->year; /* rows must agree with --year if given */
		/* The 年度 column wins (ledger.md's order); the summary says
		 * the title names a year of its own. */
		if (h->title_year)
			tz_buf_addf(&h->notes, "标题写的是%d年，各行年度按“年度”列读取；",
				    h->title_year);
	} else if (opts->year) {
		res->year_source = TZ_YEAR_OPTION;
		m->year = opts->year;
	} else if (h->title_several[0]) {
		return tz_err_set_at(err, TZ_EINVAL, path, h->title_year_line, NULL,
				     "标题“%s”写了不止一个年份，不知道这是哪一年的台账，整个文件未导入；"
				     "请用 --year 指定年度", h->title_several);
	} else if (h->title_year && h->plan_year && h->title_year != h->plan_year) {
		return tz_err_set_at(err, TZ_EINVAL, path, h->title_year_line, NULL,
				     "标题“%s”写的是%d年，第%ld行的计划投资列写的是%d年，不知道这是哪一年的"
				     "台账；请用 --year 指定年度", h->title_year_text, h->title_year, h->line,
				     h->plan_year);
	} else if (h->title_year || h->plan_year) {
		res->year_source = h->title_year ? TZ_YEAR_TITLE : TZ_YEAR_PLAN;
		m->year = h->title_year ? h->title_year : h->plan_year;
	} else {
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不知道这是哪一年的台账：表中没有“年度”列，标题中也没有年份"
				     "（如“2025年重点项目台账”）；请用 --year 指定年度");
	}
	res->year = m->year;
	return 0;
}

/*
 * The stored fields a file has no column for, which the rows it corrects
 * keep (store.h, tz_store_import_keep): a sheet without 包联领导 or 存在问题
 * says nothing of them. So is a stored plan when the file has no plan
 * column (a new ledger row then has none: ledger.md).
 */
static unsigned keep_mask(const struct colmap *m, int progress)
{
	static const struct {
		int field;
		unsigned keep;
	} project[] = {
		{ TZ_PF_ANNUAL, TZ_KEEP_PLAN },
		{ TZ_PF_CATEGORY, TZ_KEEP_CATEGORY }, { TZ_PF_OWNER, TZ_KEEP_OWNER },
		{ TZ_PF_LEADER, TZ_KEEP_LEADER },     { TZ_PF_UNIT, TZ_KEEP_UNIT },
		{ TZ_PF_YEARS, TZ_KEEP_YEARS },       { TZ_PF_STAGE, TZ_KEEP_STAGE },
		{ TZ_PF_START, TZ_KEEP_START },       { TZ_PF_LEVEL, TZ_KEEP_LEVEL },
		{ TZ_PF_NATURE, TZ_KEEP_NATURE },
	}, report[] = {
		{ TZ_RF_TEXT, TZ_KEEP_TEXT }, { TZ_RF_PROBLEM, TZ_KEEP_PROBLEM },
	};
	unsigned keep = 0;

	if (progress) {
		for (size_t i = 0; i < sizeof(report) / sizeof(report[0]); i++)
			if (m->idx[report[i].field] < 0)
				keep |= report[i].keep;
		return keep;
	}
	for (size_t i = 0; i < sizeof(project) / sizeof(project[0]); i++)
		if (m->idx[project[i].field] < 0)
			keep |= project[i].keep;
	return keep;
}

/* Prefix err's message with the sheet's name (a workbook with several). */
static void name_sheet(struct tz_err *err, const char *sheet)
{
	char msg[sizeof(err->msg)];
	int k = snprintf(msg, sizeof(msg), "工作表“%s”：", sheet);

	if (k > 0 && (size_t)k < sizeof(msg)) {
		snprintf(msg + k, sizeof(msg) - (size_t)k, "%.*s",
			 (int)(sizeof(msg) - (size_t)k - 1), err->msg);
		memcpy(err->msg, msg, sizeof(msg));
	}
}

/* The years a sheet's name names (19xx/20xx not inside a longer number):
 * how many different ones, the first in *one. */
static int sheet_name_years(const char *name, int *one)
{
	int n = 0;

	*one = 0;
	for (const char *p = name; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > name && isdigit((unsigned char)p[-1])))
			continue;
		size_t k = 0;

		while (isdigit((unsigned char)p[k]))
			k++;
		if (k != 4 || (strncmp(p, "19", 2) && strncmp(p, "20", 2)))
			continue;
		int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');

		if (y != *one) {
			if (!n)
				*one = y;
			n += !n || y != *one;
		}
	}
	return n;
}

/*
 * A text file without a header may be Big5 (traditional Chinese, from
 * Hong Kong or Taiwan partners): its bytes are mostly valid GBK, so it
 * decodes to nonsense and "未找到表头" blames the sheet (audit 9, R8).
 * When the file's first 8 KB convert cleanly from Big5 and then hold a
 * ledger's words in traditional characters (項目, 名稱, 投資), say so in
 * `err` instead. Reads the file again (only on this error path); any
 * failure to read it leaves `err` as it was.
 */
static void big5_hint(const char *path, struct tz_err *err)
{
	static const char *const words[] = { "項目", "名稱", "投資", "總投資" };
	char in[8192], out[16384];
	char *ip = in, *op = out;
	size_t n, il, ol = sizeof(out) - 1;
	iconv_t cd;
	FILE *f;
	int hits = 0;

	if (!path || !strcmp(path, "-") || !(f = fopen(path, "rb")))
		return;
	n = fread(in, 1, sizeof(in), f);
	fclose(f);
	if (!n || (cd = iconv_open("UTF-8", "BIG5")) == (iconv_t)-1)
		return;
	il = n;
	/* EINVAL: a character cut at the end of the window, which is fine. */
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 && errno != EINVAL) {
		iconv_close(cd);
		return;
	}
	iconv_close(cd);
	*op = '\0';
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		hits += strstr(out, words[i]) != NULL;
	if (hits < 2)
		return;
	tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL,
		      "文件看起来是繁体中文的Big5编码（港澳台常用），不是UTF-8或GBK，"
		      "按GBK读出来是乱码，因此找不到表头；请在 Excel 或 WPS 中打开后"
		      "另存为“CSV UTF-8”再导入");
}

/*
 * The header: on the sheet asked for, else on the visible sheet that has
 * one (ledger.md: a 填报说明 or a list of choices may come first). A
 * sheet whose name says it holds instructions or a sample
 * (tz_sheet_name_is_instructions) is passed over: the table it shows is
 * an example, not the ledger, even when it is the workbook's only sheet.
 * When only such sheets have a header the file is refused, naming them
 * (--sheet still reads one). When none has one, the error of the first
 * sheet tried, naming it.
 *
 * When several visible sheets hold a header (one sheet per year, per
 * level: audit 8), the one whose name names the ledger's year and no
 * other (`year`, else the year of that sheet's title) is read and the
 * summary says so; otherwise the file is refused naming the sheets and
 * asking for --sheet: never one of them read and the others dropped in
 * silence. Only the headers of the other sheets are read, not their
 * rows. `passed` gets what was passed over and why, for the summary.
 */
static int header_in_some_sheet(struct tz_reader *r, const char *path, int progress, int year,
				const struct tz_period *period, int fixed, struct tz_header *h,
				struct tz_buf *passed, struct tz_err *err)
{
	size_t first = tz_reader_sheet_index(r), n = tz_reader_sheet_count(r);
	struct tz_buf instr = TZ_BUF_INIT, none = TZ_BUF_INIT, ledgers = TZ_BUF_INIT;
	struct tz_err first_err;
	int rc, first_rc = 0, nledgers = 0, nmatch = 0, chosen_year = 0, probed = 0;
	size_t found = n, match = n;
	/* A workbook names its sheets; text and HTML are named after the
	 * file, whose name says nothing of this kind. */
	int named = r->type != &tz_reader_csv && r->type != &tz_reader_html;

	for (size_t i = first; i < n; i++) {
		const struct tz_sheet_info *si = tz_reader_sheet_info(r, i);
		struct tz_header other;
		struct tz_header *hh = found < n ? &other : h;

		if (i != first && si->state != TZ_SHEET_VISIBLE)
			continue;
		if (!fixed && named && tz_sheet_name_is_instructions(si->name)) {
			if (found < n)
				continue;
			tz_buf_addf(&instr, "%s“%s”", instr.len ? "、" : "", si->name);
			continue;
		}
		if (tz_reader_sheet_index(r) != i && (rc = tz_reader_select_sheet(r, i, err)))
			goto out;
		if (hh == &other) {
			memset(&other, 0, sizeof(other));
			probed = 1;
		}
		rc = tz_header_find(r, path, progress, year, period, hh, err);
		if (rc == TZ_ENOTFOUND && r->type == &tz_reader_csv)
			big5_hint(path, err);
		if (!rc && fixed)
			goto out;
		if (!rc) {
			int y, ny = sheet_name_years(si->name, &y), want = year ? year : hh->title_year;

			if (found == n)
				found = i;
			nledgers++;
			tz_buf_addf(&ledgers, "%s“%s”", ledgers.len ? "、" : "", si->name);
			if (ny == 1 && want && y == want) {
				nmatch++;
				match = i;
				chosen_year = want;
			}
			if (hh == &other)
				tz_header_release(&other);
			continue;
		}
		if (found < n) {
			/* Another sheet's trouble is not this import's: it
			 * has no ledger header to choose between. */
			tz_header_release(&other);
			continue;
		}
		if (n > 1)
			name_sheet(err, si->name);
		if (rc != TZ_ENOTFOUND || fixed)
			goto out;
		if (!first_rc) {
			first_rc = rc;
			first_err = *err;
		}
		tz_buf_addf(&none, "%s“%s”", none.len ? "、" : "", si->name);
		tz_header_release(h);
	}
	if (found < n) {
		size_t pick = found;

		if (nledgers > 1) {
			if (nmatch != 1) {
				char why[64] = "";

				if (year)
					snprintf(why, sizeof(why), nmatch ? "（名称写着%d年的工作表不止一个）"
						 : "（没有一个工作表的名称写着%d年）", year);
				rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
						   "工作表%s都有台账表头，不知道导入哪一个%s；"
						   "请用 --sheet 指定工作表，每个工作表分别导入",
						   ledgers.buf, why);
				goto out;
			}
			pick = match;
		}
		/* Back to the chosen sheet, its header read again: the rows
		 * after it are the import's. */
		if (tz_reader_sheet_index(r) != pick || probed) {
			tz_header_release(h);
			memset(h, 0, sizeof(*h));
			if ((rc = tz_reader_select_sheet(r, pick, err)) ||
			    (rc = tz_header_find(r, path, progress, year, period, h, err))) {
				if (n > 1)
					name_sheet(err, tz_reader_sheet_name(r));
				goto out;
			}
		}
		rc = 0;
		if (nledgers > 1)
			tz_buf_addf(passed, "工作表%s都有台账表头，按年度%d读取工作表“%s”，其他未读取；",
				    ledgers.buf, chosen_year, tz_reader_sheet_name(r));
		goto out;
	}
	if (instr.len) {
		int hidden = 0;

		for (size_t i = 0; i < n; i++)
			hidden |= tz_reader_sheet_info(r, i)->state != TZ_SHEET_VISIBLE;
		rc = tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL,
				   "工作表%s看名称是填报说明或示例，其中的表格不是台账，未读取；%s%s%s%s"
				   "（要导入的工作表请用 --sheet 指定）",
				   instr.buf, none.len ? "其他可见的工作表" : "没有其他可见的工作表",
				   none.buf, none.len ? "中没有表头" : "",
				   hidden ? "，隐藏的工作表不会自动读取" : "");
		goto out;
	}
	if (first_rc)
		*err = first_err;
	rc = first_rc ? first_rc : TZ_ENOTFOUND;
out:
	if (!rc && (instr.len || none.len))
		tz_buf_addf(passed, "读取工作表“%s”%s%s%s%s%s%s；", tz_reader_sheet_name(r),
			    instr.len ? "，未读取" : "", instr.buf,
			    instr.len ? "（看名称是填报说明或示例）" : "",
			    none.len ? "，跳过" : "", none.buf, none.len ? "（没有表头）" : "");
	tz_buf_release(&instr);
	tz_buf_release(&none);
	tz_buf_release(&ledgers);
	return rc;
}

/* An amount tz_plausible_check refused: the row is rejected. */
struct plaus_ctx {
	const struct tz_import_opts *opts;
	const char *path;
	struct tz_import_result *res;
};

static void plaus_reject(void *ctx, long line, const char *code, const char *field,
			 const char *reason)
{
	struct plaus_ctx *pc = ctx;
	struct tz_import_reject rej = { pc->path, line, code, field, reason };

	pc->res->rejected++;
	pc->res->accepted--;
	if (pc->opts->reject)
		pc->opts->reject(pc->opts->ctx, &rej);
}

/* The audit row of an import made by a person (opts->who), written in
 * the import's transaction just before it commits. */
static int import_audit(struct tz_store *store, enum tz_import_kind kind,
			const struct tz_import_opts *opts, const struct tz_import_result *res,
			struct tz_err *err)
{
	struct tz_json j;
	struct tz_buf object = TZ_BUF_INIT;
	int rc;

	tz_json_init(&j, NULL, 0);
	tz_json_object_begin(&j);
	tz_json_kv_int(&j, "rows", res->rows);
	tz_json_kv_int(&j, "accepted", res->accepted);
	tz_json_kv_int(&j, "rejected", res->rejected);
	tz_json_kv_int(&j, "org_created", res->org_created);
	tz_json_kv_int(&j, "codes_given", res->codes_given);
	tz_json_kv_bool(&j, "partial", opts->partial);
	tz_json_object_end(&j);
	tz_buf_addf(&object, "file:%s", opts->audit_name ? opts->audit_name : "");
	rc = tz_json_finish(&j);
	if (rc)
		rc = tz_err_set(err, rc, "audit value");
	else
		rc = tz_store_import_audit(store, opts->who, kind == TZ_IMPORT_PROGRESS
					   ? "import.progress" : "import.projects",
					   object.buf, j.out.buf, err);
	tz_json_release(&j);
	tz_buf_release(&object);
	return rc;
}

/* A note's unit of money, for the second reading of a file whose header
 * states none (tz_header_note_unit). */
struct note_unit {
	long line;
	int exp;
	char text[32];
};

/* tz_import_file, reading the money columns whose header states no unit
 * in nu's unit when nu is not NULL; a note found stating one where the
 * header states none, and no row refused before it, into *found. */
static int import_file(struct tz_store *store, enum tz_import_kind kind, const char *path,
		       const struct tz_import_opts *opts, struct tz_import_result *res,
		       const struct note_unit *nu, struct note_unit *found, int64_t bound,
		       struct tz_err *err)
{
	char *where = NULL;  /* path, and the sheet of a workbook with several */
	struct tz_buf passed = TZ_BUF_INIT;  /* sheets passed over, then the notes */
	struct tz_reader *r = NULL;
	struct colmap m;
	struct pipeline pl;
	struct tz_import_stats stats;
	struct org_ctx oc;
	struct ledger_names names;
	struct tz_plausible plaus;
	struct tz_scope scope;
	pthread_t thread;
	int progress = kind == TZ_IMPORT_PROGRESS, rc, open = 0, running = 0, last = 0;

	memset(res, 0, sizeof(*res));
	memset(&m, 0, sizeof(m));
	memset(&oc, 0, sizeof(oc));
	memset(&names, 0, sizeof(names));
	tz_buf_init(&oc.created, 0);
	tz_buf_init(&oc.given, 0);
	tz_buf_init(&oc.key, 0);
	tz_buf_init(&oc.akey, 0);
	tz_buf_init(&oc.row_bytes, 0);
	tz_buf_init(&oc.aname, 0);
	tz_buf_init(&oc.said, 0);
	pipeline_init(&pl);
	tz_plausible_init(&plaus);
	memset(&scope, 0, sizeof(scope));
	pl.scope = &scope;
	oc.scope = &scope;
	if (!opts->confirm_large)
		pl.plaus = &plaus;

	{
		struct tz_reader_opts ro = { opts->sheet, 0 };

		if ((rc = tz_reader_open_opts(&r, path, opts->sheet ? &ro : NULL, err)))
			goto out;
	}
	rc = header_in_some_sheet(r, path, progress, progress ? 0 : opts->year,
				  progress ? &opts->period : NULL, opts->sheet != NULL,
				  &m.h, &passed, err);
	if (rc && r)
		name_error_column(&m.h, r->err_col, err);  /* the row read after the header */
	if (!rc && tz_reader_sheet_count(r) > 1) {
		/* Messages name the sheet of a workbook with several. */
		size_t n = strlen(path) + strlen(tz_reader_sheet_name(r)) + 32;

		res->sheet = tz_xstrdup(tz_reader_sheet_name(r));
		where = tz_xmalloc(n);
		snprintf(where, n, "%s（工作表“%s”）", path, res->sheet);
	}
	m.cols = m.h.cols;
	m.nfields = m.h.nfields;
	m.idx = m.h.idx;
	m.unit_exp = m.h.unit_exp;
	m.text_file = r && r->type == &tz_reader_csv;
	m.date1904 = r && tz_reader_date1904(r);
	m.shown_text = r && (r->type == &tz_reader_csv || r->type == &tz_reader_html);
	/* A workbook sheet's name may say what a title would (1-10月累计). */
	if (!rc && progress && r->type != &tz_reader_csv && r->type != &tz_reader_html)
		rc = tz_header_check_sheet(&m.h, tz_reader_sheet_name(r), where ? where : path, err);
	if (rc)
		goto out;
	/* A unit only in the sheet's name, its printed page header or
	 * footer, or the file's name (W3c, audit 9). */
	{
		const char *base = strrchr(path, '/'), *sheet = tz_reader_sheet_name(r);
		char *stem = tz_xstrdup(base ? base + 1 : path), *dot = strrchr(stem, '.');

		if (dot)
			*dot = '\0';
		if (r->type != &tz_reader_csv && r->type != &tz_reader_html && sheet)
			rc = tz_header_outside_unit(&m.h, sheet, "工作表名", where ? where : path, err);
		if (!rc)
			rc = tz_header_outside_unit(&m.h, tz_reader_page_text(r), "页眉页脚",
						    where ? where : path, err);
		if (!rc)
			rc = tz_header_outside_unit(&m.h, stem, "文件名", where ? where : path, err);
		free(stem);
		if (rc)
			goto out;
	}
	/* The table's unit (a title's, a row's above the header) read into
	 * money columns stating none: said, as a note's is, so that the
	 * clerk sees the amounts converted (walkthrough 14, 1c). */
	if (m.h.table_exp_line) {
		const char *u = tz_header_unit_name(m.h.table_exp);

		if (m.h.table_exp_all)
			tz_buf_addf(&m.h.notes, "%s注明金额单位为%s，表头的金额没有写单位：金额按%s读；",
				    m.h.table_exp_where, u, u);
		else
			tz_buf_addf(&m.h.notes, "%s注明金额单位为%s，表头中%s没有写单位：按%s读；",
				    m.h.table_exp_where, u, m.h.table_exp_cols, u);
	}
	/* A note's unit where the header states none: the sheet's only
	 * unit (walkthrough 6, 2026-12-01). */
	if (nu) {
		for (size_t f = 0; f < m.h.nfields; f++)
			if (m.h.cols[f].money && m.h.idx[f] >= 0 && !m.h.unit_stated[f]) {
				m.h.unit_exp[f] = nu->exp;
				m.h.unit_stated[f] = 1;
			}
		tz_buf_addf(&m.h.notes, "第%ld行注明金额单位为%s，表头的金额没有写单位：金额按%s读；",
			    nu->line, nu->text, nu->text);
	}
	for (size_t f = 0; f < m.h.nfields; f++)
		if (m.h.cols[f].money && m.h.idx[f] >= 0 && !m.h.unit_stated[f])
			m.money_bare = 1;
	res->unread = tz_xstrdup(m.h.unread.buf);
	/* The units the amounts are read in, for the advice of a refused
	 * one (tz_plausible_unit). */
	if (progress) {
		tz_plausible_unit(&plaus, TZ_PLAUS_DONE, m.h.unit_exp[TZ_RF_COMPLETED]);
	} else {
		tz_plausible_unit(&plaus, TZ_PLAUS_TOTAL, m.h.unit_exp[TZ_PF_TOTAL]);
		tz_plausible_unit(&plaus, TZ_PLAUS_PLAN, m.h.unit_exp[TZ_PF_ANNUAL]);
	}
	/* ledger_year() adds to the notes (a title naming another year than
	 * the 年度 column): take them after it. */
	if (!progress && (rc = ledger_year(&m, opts, where ? where : path, res, err)))
		goto out;
	tz_buf_adds(&passed, m.h.notes.buf);
	/* Each note is a clause ending with "；"; the last ends the sentence
	 * ("…读为2025-10。", walkthrough 8). Same length in UTF-8. */
	if (passed.len >= 3 && !memcmp(passed.buf + passed.len - 3, "；", 3))
		memcpy(passed.buf + passed.len - 3, "。", 3);
	res->notes = tz_buf_detach(&passed, NULL);
	if (!progress) {
		oc.store = store;
		oc.x = tz_org_index_new();
		oc.seen = tz_hmap_new();
		if ((rc = tz_store_org_load(store, oc.x, err)))
			goto out;
		/* A bounded import never makes nodes (they go under the root). */
		oc.building = tz_org_index_count(oc.x) == 0 && !bound;
		oc.year = m.year;
		/* Rows may disagree with --year only through a 年度 column. */
		oc.year_off_hold = opts->year && m.idx[TZ_PF_YEAR] >= 0;
		oc.region_from_unit = m.idx[TZ_PF_REGION] < 0;
		if (oc.region_from_unit)
			res->region_from_unit = 1;
		oc.no_code = m.idx[TZ_PF_CODE] < 0;
		oc.by_name = oc.no_code || m.h.code_national;
		if (oc.by_name) {
			oc.known = tz_hmap_new();
			oc.in_file = tz_hmap_new();
			oc.next_no = tz_hmap_new();
		}
		oc.stored = tz_hmap_new();
		oc.natstored = tz_hmap_new();
		oc.natfile = tz_hmap_new();
		if ((rc = tz_store_each_project(store, 0, learn_project, &oc, err)))
			goto out;
	}
	/* A report keyed by 项目代码: the codes stored beside 项目编号. */
	if (progress && m.h.rf_code_national) {
		oc.natstored = tz_hmap_new();
		if ((rc = tz_store_each_project(store, 0, learn_natcode, &oc, err)))
			goto out;
	}
	/* A report naming its project: checked against the ledger. */
	if (progress && (m.idx[TZ_RF_NAME] >= 0 || m.idx[TZ_RF_REGION] >= 0)) {
		if ((rc = names_load(store, &names, m.idx[TZ_RF_NAME] >= 0,
				     m.idx[TZ_RF_REGION] >= 0, m.h.code_by_name, err)))
			goto out;
		pl.names = &names;
	}
	if ((rc = tz_scope_load(&scope, store, bound, err)))
		goto out;
	if ((rc = tz_store_import_begin(store, kind, path, err)))
		goto out;
	open = 1;
	if ((rc = tz_store_import_keep(store, keep_mask(&m, progress), err)))
		goto out;

	/* Cells to the right of the header are never read: a row that
	 * reaches far to the right costs nothing. */
	tz_reader_limit_columns(r, m.h.width);
	pl.reader = r;
	pl.path = where ? where : path;
	pl.map = &m;
	if (nu) {
		pl.nu_line = nu->line;
		snprintf(pl.note_text, sizeof(pl.note_text), "%s", nu->text);
	}
	pl.pending = m.h.have_pending ? &m.h.pending : NULL;
	pl.progress = progress;
	if (pthread_create(&thread, NULL, read_rows, &pl)) {
		rc = tz_err_set(err, TZ_EINTERNAL, "无法创建读取线程");
		goto out;
	}
	running = 1;
	while (!last) {
		struct chunk *c = take_full(&pl);

		rc = write_chunk(store, &pl, c, &oc, opts, res, err);
		last = c->last;
		if (!rc && last && c->rc) {
			*err = c->err;
			rc = c->rc;
		}
		put_free(&pl, c);
		if (rc)
			goto out;
	}
	pthread_join(thread, NULL);
	running = 0;
	if (oc.year_off_hold && oc.nyear_off) {
		rc = year_off_refuse(&oc, &m, opts->year, where ? where : path, err);
		goto out;
	}
	/* An HTML page's further tables, read or not (more_tables_row). */
	if (pl.tables_said.len) {
		struct tz_buf b = TZ_BUF_INIT;

		tz_buf_adds(&b, res->notes ? res->notes : "");
		tz_buf_add(&b, pl.tables_said.buf, pl.tables_said.len);
		if (b.len >= 3 && !memcmp(b.buf + b.len - 3, "；", 3))
			memcpy(b.buf + b.len - 3, "。", 3);
		free(res->notes);
		res->notes = tz_buf_detach(&b, NULL);
	}

	/* Amounts no sheet means, 元 typed into a 万元 column (W21, audit
	 * 9): known only once every row is read, when the rows are already
	 * in the transaction, so --partial cannot leave them out alone. */
	if (pl.plaus && !progress && file_plausible(&oc, pl.plaus, where ? where : path, err)) {
		rc = TZ_EINVAL;
		goto out;
	}
	if (pl.plaus) {
		struct plaus_ctx pc = { opts, where ? where : path, res };
		size_t bad = tz_plausible_check(pl.plaus, plaus_reject, &pc);

		if (bad && opts->partial) {
			rc = tz_err_set_at(err, TZ_EINVAL, where ? where : path, 0, NULL,
					   "%zu行的金额不合常理（见上），整个文件未导入：这些行已与其他行一起读入，"
					   "--partial 不能只跳过它们；请改正后重新导入，或核对无误后使用 "
					   "--confirm-large（确认大额）导入", bad);
			goto out;
		}
	}

	/* What the import made, known before the commit (a dry run shows it). */
	res->org_created = oc.ncreated;
	res->org_created_names = tz_buf_detach(&oc.created, NULL);
	res->codes_given = oc.ngiven;
	res->codes_given_list = tz_buf_detach(&oc.given, NULL);
	code_notes(&oc, res);
	/* How the accepted rows compare with the store, known before the
	 * commit too (a dry run shows it, even of a file it refuses). */
	if ((rc = tz_store_import_counts(store, &stats, err)))
		goto out;
	res->added = stats.added;
	res->replaced = stats.replaced;
	res->unchanged = stats.unchanged;
	/* Rows without a plan whose stored plan was kept have one. */
	res->unplanned -= stats.plan_kept;
	res->plan_kept = stats.plan_kept;
	res->closed = stats.closed;
	res->closed_period = stats.closed_period;
	if (oc.serial_rows && !oc.serial_other) {
		rc = tz_err_set_at(err, TZ_EINVAL, where ? where : path, m.h.line, "项目编号",
				   "编号列的值是各行的序号（1、2、3…），不是项目编号；整个文件未导入。"
				   "请把该列的表头改为“序号”（没有项目编号的名单按地区和项目名称识别项目），"
				   "或在该列填写本单位的项目编号");
		goto out;
	}
	if (res->rejected && !opts->partial) {
		rc = tz_err_set_at(err, TZ_EREJECTED, where ? where : path, 0, NULL,
				   "%ld行有错误，整个文件未导入（使用 --partial 只导入正确的行）",
				   res->rejected);
		goto out;
	}
	/* A file of a header alone (or of 合计 and note rows) stores nothing:
	 * "导入0行" with status 0 would read as done. */
	if (!res->rows) {
		long skipped = res->skipped_totals + res->skipped_sections + res->skipped_notes +
			       res->skipped_parts + res->skipped_samples + res->skipped_colnums +
			       res->skipped_headers;

		rc = tz_err_set_at(err, TZ_EINVAL, where ? where : path, 0, NULL,
				   skipped ? "表头下没有%s行（只有合计、分组标题、说明、填报示例等%ld行），"
					     "未导入"
					   : "表头下没有%s行，未导入",
				   progress ? "调度数据" : "项目", skipped);
		goto out;
	}
	if (opts->dry_run)
		goto out;  /* rolled back below: nothing is written */
	if (opts->who && (rc = import_audit(store, kind, opts, res, err)))
		goto out;
	if ((rc = tz_store_import_commit(store, NULL, err)))
		goto out;
	open = 0;
	res->committed = 1;
out:
	if (running)
		pipeline_stop(&pl, thread);
	if (rc && found && !nu && pl.note_line) {
		found->line = pl.note_line;
		found->exp = pl.note_exp;
		memcpy(found->text, pl.note_text, sizeof(found->text));
	}
	if (open)
		tz_store_import_abort(store);
	tz_reader_close(r);
	free(where);
	pipeline_release(&pl);
	tz_header_release(&m.h);
	names_release(&names);
	tz_plausible_release(&plaus);
	tz_scope_release(&scope);
	year_off_release(&oc, NULL, NULL);
	tz_org_index_free(oc.x);
	free(oc.fregions);
	tz_hmap_free(oc.seen);
	tz_hmap_free(oc.known);
	tz_hmap_free(oc.in_file);
	tz_hmap_free(oc.next_no);
	tz_hmap_free(oc.alike);
	tz_hmap_free(oc.stems);
	tz_hmap_free(oc.stored);
	tz_hmap_free(oc.natstored);
	tz_hmap_free(oc.natfile);
	tz_hmap_free(oc.ytd_file);
	free(oc.rows_seen);
	tz_hmap_free(oc.rows_index);
	for (size_t i = 0; i < oc.nolds; i++) {
		free(oc.olds[i].name);
	}
	free(oc.olds);
	free(oc.rows);
	tz_buf_release(&oc.row_bytes);
	tz_buf_release(&oc.akey);
	tz_buf_release(&oc.aname);
	tz_buf_release(&oc.said);
	for (size_t i = 0; i < oc.ncodes; i++)
		free(oc.codes[i]);
	free(oc.codes);
	tz_buf_release(&oc.given);
	tz_buf_release(&oc.created);
	tz_buf_release(&oc.key);
	tz_buf_release(&passed);
	return rc;
}

int tz_import_file(struct tz_store *store, enum tz_import_kind kind, const char *path,
		   const struct tz_import_opts *opts, struct tz_import_result *res,
		   struct tz_err *err)
{
	return tz_import_file_scoped(store, kind, path, opts, 0, res, err);
}

int tz_import_file_scoped(struct tz_store *store, enum tz_import_kind kind, const char *path,
			  const struct tz_import_opts *opts, int64_t scope,
			  struct tz_import_result *res, struct tz_err *err)
{
	struct note_unit nu = { 0, 0, "" };
	int rc = import_file(store, kind, path, opts, res, NULL, &nu, scope, err);

	/* A note stating the unit the header does not: no conflict, the
	 * rows above it are read again in its unit (they are in the
	 * rolled-back transaction; no row was refused, so nothing was said
	 * of them). Files without such a note are read once. */
	if (rc && nu.line && res->rejected)
		/* Read again, the refused rows would be said twice. */
		return tz_err_set_at(err, TZ_EINVAL, path, nu.line, NULL,
				     "第%ld行注明金额单位为%s，表头的金额没有写单位，金额应按%s读；"
				     "但上面有%ld行有错误（见上，其中的金额是按万元说的），整个文件未导入："
				     "请改正这些行后重新导入",
				     nu.line, nu.text, nu.text, res->rejected);
	if (rc && nu.line) {
		tz_import_result_release(res);
		tz_err_clear(err);
		rc = import_file(store, kind, path, opts, res, &nu, NULL, scope, err);
	}
	return rc;
}
