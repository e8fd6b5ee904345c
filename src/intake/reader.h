/*
 * reader.h: spreadsheet readers as types (after curl's client readers).
 *
 * A reader yields a file's records one at a time as arrays of UTF-8
 * cells, whatever the file's format; the import code above it never
 * knows whether it reads CSV or XLSX. Memory stays bounded by the
 * largest record, not by the file.
 */
#ifndef TZ_READER_H
#define TZ_READER_H

#include <stddef.h>

#include "base/err.h"

/*
 * One record. Cells are NUL-terminated UTF-8 and borrowed: valid until
 * the next call to tz_reader_next() or tz_reader_close(). A missing cell
 * (a gap in a sheet row) is "" with length 0.
 */
struct tz_row {
	size_t ncells;
	const char *const *cells;
	const size_t *lens;
	long line;  /* where the record starts: CSV line or sheet row, 1-based */
};

struct tz_reader;

struct tz_reader_type {
	const char *name;  /* "csv", "xlsx" */
	/* Open `path`; the reader is freed by close. 0 or a tz_errc. */
	int (*open)(struct tz_reader **out, const char *path, struct tz_err *err);
	/* 1 and *row filled, 0 at the end, or a negative tz_errc with err
	 * naming the file and line. */
	int (*next)(struct tz_reader *r, struct tz_row *row, struct tz_err *err);
	void (*close)(struct tz_reader *r);
};

/* Every reader embeds this first. */
struct tz_reader {
	const struct tz_reader_type *type;
};

extern const struct tz_reader_type tz_reader_csv;
extern const struct tz_reader_type tz_reader_xlsx;

/*
 * Open `path` with the reader its content calls for: a ZIP signature
 * means XLSX, anything else is read as CSV. "-" reads CSV from stdin.
 */
int tz_reader_open(struct tz_reader **out, const char *path, struct tz_err *err);

static inline int tz_reader_next(struct tz_reader *r, struct tz_row *row, struct tz_err *err)
{
	return r->type->next(r, row, err);
}

static inline void tz_reader_close(struct tz_reader *r)
{
	if (r)
		r->type->close(r);
}

#endif
