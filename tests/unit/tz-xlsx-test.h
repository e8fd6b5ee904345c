/*
 * tz-xlsx-test.h: helpers the XLSX reader and writer tests share:
 * temporary files, a whole sheet read into one string per row, and one
 * part of a ZIP package read into memory. Include after tz-test.h.
 */
#ifndef TZ_XLSX_TEST_H
#define TZ_XLSX_TEST_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "base/buf.h"
#include "base/err.h"
#include "intake/reader.h"

/* A new empty temporary file's name (malloc'd); the test unlinks it. */
static inline char *tzt_tmpname(const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	struct tz_buf b = TZ_BUF_INIT;
	int fd;

	tz_buf_addf(&b, "%s/tz-test-XXXXXX%s", dir && *dir ? dir : "/tmp", suffix);
	fd = mkstemps(b.buf, (int)strlen(suffix));
	assert_true(fd >= 0);
	close(fd);
	return tz_buf_detach(&b, NULL);
}

/* The rows of a sheet, each as "LINE:cell|cell|…". */
struct tzt_sheet {
	char **rows;
	size_t n;
	int rc;              /* what the last tz_reader_next returned */
	struct tz_err err;   /* and its error, if it failed */
};

static inline void tzt_sheet_free(struct tzt_sheet *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->rows[i]);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}

/*
 * Read the whole file with the reader tz_reader_open picks. Returns the
 * open's code (0) or fails the test; row errors end up in s->rc/err.
 * With `shown`, cells as the reader shows them (numbers through their
 * format, merged ranges filled in); without, numbers as stored (the
 * reader's values[]) and merged ranges only in their first cell, which
 * is what a writer's test checks.
 */
static inline void tzt_sheet_read_as(const char *path, struct tzt_sheet *s, int shown)
{
	struct tz_reader *r = NULL;
	struct tz_row row;

	memset(s, 0, sizeof(*s));
	s->rc = tz_reader_open(&r, path, &s->err);
	if (s->rc)
		return;
	while ((s->rc = tz_reader_next(r, &row, &s->err)) > 0) {
		struct tz_buf b = TZ_BUF_INIT;
		size_t n = row.ncells;

		/* A merged range's copies at the end of a row are not stored. */
		while (!shown && n && (row.flags[n - 1] & TZ_READ_MERGE_COPY))
			n--;
		tz_buf_addf(&b, "%ld:", row.line);
		for (size_t i = 0; i < n; i++) {
			const char *c = row.cells[i];

			assert_int_equal(strlen(row.cells[i]), row.lens[i]);
			if (!shown && (row.flags[i] & TZ_READ_MERGE_COPY))
				c = "";
			else if (!shown)
				c = row.values[i];
			tz_buf_addf(&b, "%s%s", i ? "|" : "", c);
		}
		s->rows = realloc(s->rows, (s->n + 1) * sizeof(*s->rows));
		s->rows[s->n++] = tz_buf_detach(&b, NULL);
	}
	tz_reader_close(r);
}

/* Numbers as stored, merged ranges in their first cell only. */
static inline void tzt_sheet_read(const char *path, struct tzt_sheet *s)
{
	tzt_sheet_read_as(path, s, 0);
}

/* Cells as the reader shows them. */
static inline void tzt_sheet_shown(const char *path, struct tzt_sheet *s)
{
	tzt_sheet_read_as(path, s, 1);
}

/* The bytes of `name` in the ZIP at `path`, NUL-terminated, or NULL. */
static inline char *tzt_zip_part(const char *path, const char *name)
{
	zip_t *z = zip_open(path, ZIP_RDONLY, NULL);
	struct zip_stat st;
	zip_file_t *f;
	char *data = NULL;

	if (!z)
		return NULL;
	if (zip_stat(z, name, 0, &st) == 0 && (f = zip_fopen(z, name, 0))) {
		data = calloc(1, (size_t)st.size + 1);
		if (zip_fread(f, data, st.size) != (zip_int64_t)st.size) {
			free(data);
			data = NULL;
		}
		zip_fclose(f);
	}
	zip_discard(z);
	return data;
}

#endif
