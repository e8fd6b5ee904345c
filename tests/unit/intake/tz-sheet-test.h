/*
 * tz-sheet-test.h: helpers the spreadsheet reader tests share: fixture
 * paths, a sheet read into "LINE:cell|cell" strings with the cells'
 * kinds and flags, and OLE files written with libgsf around a BIFF
 * stream built in the test. Include after tz-test.h.
 */
#ifndef TZ_SHEET_TEST_H
#define TZ_SHEET_TEST_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-output-stdio.h>

#include "base/buf.h"
#include "base/err.h"
#include "intake/reader.h"

/* A committed fixture's path under tests/data/sheets (malloc'd). */
static inline char *tzs_data(const char *name)
{
	struct tz_buf b = TZ_BUF_INIT;

	tz_buf_addf(&b, "%s/sheets/%s", tz_test_data(), name);
	return tz_buf_detach(&b, NULL);
}

/*
 * Row `line` of the audit's workbook `name` (tests/data/audit), column
 * `col` (0-based): its text, value and flags must be these.
 */
static inline void tzs_audit_cell(const char *name, long line, size_t col, const char *text,
				  const char *value, unsigned char flags)
{
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_reader *r = NULL;
	struct tz_row row;
	struct tz_err err;
	int rc, found = 0;

	tz_buf_addf(&b, "%s/audit/%s", tz_test_data(), name);
	assert_int_equal(tz_reader_open(&r, b.buf, &err), 0);
	while ((rc = tz_reader_next(r, &row, &err)) > 0) {
		if (row.line != line)
			continue;
		assert_true(col < row.ncells);
		if (strcmp(row.cells[col], text) || strcmp(row.values[col], value) ||
		    row.flags[col] != flags)
			fail_msg("%s:%ld col %zu: \"%s\" value \"%s\" flags %d; want \"%s\" \"%s\" %d",
				 name, line, col, row.cells[col], row.values[col], row.flags[col], text,
				 value, flags);
		found = 1;
	}
	assert_int_equal(rc, 0);
	assert_true(found);
	tz_reader_close(r);
	tz_buf_release(&b);
}

/* The rows of one sheet. */
struct tzs_rows {
	char **v;
	size_t n;
	int rc;
	struct tz_err err;
};

static inline void tzs_rows_free(struct tzs_rows *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/*
 * Read the current sheet of `r` to the end: each row as "LINE:a|b|c",
 * "LINE h:…" for a hidden row; with `marks`, a cell of a kind other
 * than text/empty is followed by {n} (number), {d} (date), {b}, {e}
 * (error), {f} (formula without value), and a merged one by [m] (its
 * range's first cell) or [c] (a copy). Every row's cells, lens, kinds,
 * flags and values are checked for consistency on the way.
 */
static inline void tzs_read(struct tz_reader *r, struct tzs_rows *s, int marks)
{
	struct tz_row row;

	memset(s, 0, sizeof(*s));
	tz_err_clear(&s->err);
	while ((s->rc = tz_reader_next(r, &row, &s->err)) > 0) {
		struct tz_buf b = TZ_BUF_INIT;

		b.max = 8 * 1024 * 1024;
		assert_non_null(row.kinds);
		assert_non_null(row.flags);
		assert_non_null(row.values);
		tz_buf_addf(&b, "%ld%s:", row.line, row.hidden ? " h" : "");
		for (size_t i = 0; i < row.ncells; i++) {
			static const char *const kind[] = { "", "", "{n}", "{d}", "{b}", "{e}", "{f}" };

			assert_int_equal(strlen(row.cells[i]), row.lens[i]);
			assert_true(row.kinds[i] <= TZ_READ_NO_VALUE);
			/* Empty is "", text is never "" */
			assert_true(row.kinds[i] != TZ_READ_EMPTY || row.lens[i] == 0);
			assert_true(row.kinds[i] != TZ_READ_TEXT || row.lens[i] > 0);
			if (row.kinds[i] != TZ_READ_NUMBER && row.kinds[i] != TZ_READ_DATE)
				assert_string_equal(row.values[i], row.cells[i]);
			tz_buf_addf(&b, "%s%s", i ? "|" : "", row.cells[i]);
			if (marks) {
				tz_buf_adds(&b, kind[row.kinds[i]]);
				if (row.flags[i] & TZ_READ_MERGE_COPY)
					tz_buf_adds(&b, "[c]");
				else if (row.flags[i] & TZ_READ_MERGED)
					tz_buf_adds(&b, "[m]");
			}
		}
		s->v = realloc(s->v, (s->n + 1) * sizeof(*s->v));
		s->v[s->n++] = tz_buf_detach(&b, NULL);
	}
}

/* Open `path` on sheet `sheet` (NULL: the default) or fail the test. */
static inline struct tz_reader *tzs_open(const char *path, const char *sheet)
{
	struct tz_reader_opts o = { sheet, 0 };
	struct tz_reader *r = NULL;
	struct tz_err err;

	tz_err_clear(&err);
	if (tz_reader_open_opts(&r, path, &o, &err))
		fail_msg("open %s: %s", path, err.msg);
	return r;
}

/* Open, expecting failure with `want` in the message. */
static inline void tzs_refused(const char *path, int code, const char *want)
{
	struct tz_reader *r = NULL;
	struct tz_err err;
	int rc;

	tz_err_clear(&err);
	rc = tz_reader_open(&r, path, &err);
	if (rc != code || !strstr(err.msg, want))
		fail_msg("%s: rc %d, message \"%s\"; wanted %d with \"%s\"", path, rc, err.msg, code,
			 want);
	assert_null(r);
	assert_string_equal(err.file, path);
}

/* Check rows against a NULL-ended list. */
static inline void tzs_expect(const struct tzs_rows *s, const char *const *want)
{
	size_t n = 0;

	while (want[n])
		n++;
	for (size_t i = 0; i < n && i < s->n; i++)
		if (strcmp(s->v[i], want[i]))
			fail_msg("row %zu:\n  got  %s\n  want %s", i, s->v[i], want[i]);
	if (s->n != n)
		fail_msg("%zu rows, wanted %zu (rc %d: %s)", s->n, n, s->rc, s->err.msg);
}

/* ------------------------------------------------------------------ */
/* BIFF streams and OLE files                                          */

static inline void biff_rec(struct tz_buf *b, uint16_t type, const void *data, size_t len)
{
	uint8_t h[4] = { (uint8_t)type, (uint8_t)(type >> 8), (uint8_t)len, (uint8_t)(len >> 8) };

	tz_buf_add(b, h, 4);
	tz_buf_add(b, data, len);
}

static inline void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void put32(uint8_t *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* An OLE compound file at `path` with the given streams ({name, data,
 * len} until a NULL name). */
struct ole_stream {
	const char *name;
	const void *data;
	size_t len;
};

static inline void write_ole(const char *path, const struct ole_stream *streams)
{
	GError *e = NULL;
	GsfOutput *sink = gsf_output_stdio_new(path, &e);
	GsfOutfile *ole;

	assert_non_null(sink);
	ole = gsf_outfile_msole_new(sink);
	assert_non_null(ole);
	for (size_t i = 0; streams[i].name; i++) {
		GsfOutput *child = gsf_outfile_new_child(ole, streams[i].name, FALSE);

		assert_non_null(child);
		if (streams[i].len)
			assert_true(gsf_output_write(child, streams[i].len, streams[i].data));
		assert_true(gsf_output_close(child));
		g_object_unref(child);
	}
	assert_true(gsf_output_close(GSF_OUTPUT(ole)));
	g_object_unref(ole);
	g_object_unref(sink);
}

#endif
