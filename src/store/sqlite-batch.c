/*
 * sqlite-batch.c: multi-row inserts. Rows are buffered and written
 * TZ_SQLITE_BATCH_ROWS at a time by one statement, which halves SQLite's
 * per-row cost on the long runs of imports and running totals.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

#define INT_CELL (-1)
#define NULL_CELL (-2)

/* The statements inserting one row and TZ_SQLITE_BATCH_ROWS rows. */
static int prepare_pair(struct sqlite_store *ss, const char *head, const char *tail, int ncols,
			sqlite3_stmt **one, sqlite3_stmt **many, struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	int rc = 0;

	for (int rows = 1; rows <= TZ_SQLITE_BATCH_ROWS; rows += TZ_SQLITE_BATCH_ROWS - 1) {
		tz_buf_reset(&sql);
		tz_buf_adds(&sql, head);
		for (int r = 0; r < rows; r++) {
			tz_buf_adds(&sql, r ? ",(" : " VALUES(");
			for (int c = 0; c < ncols; c++)
				tz_buf_adds(&sql, c ? ",?" : "?");
			tz_buf_addch(&sql, ')');
		}
		tz_buf_adds(&sql, tail);
		rc = tz_sqlite_prepare(ss, sql.buf, rows == 1 ? one : many, err);
		if (rc)
			break;
	}
	tz_buf_release(&sql);
	return rc;
}

int tz_sqlite_batch_prepare(struct sqlite_store *ss, struct tz_sqlite_batch *b, const char *head,
			    const char *tail, int ncols, struct tz_err *err)
{
	memset(b, 0, sizeof(*b));
	b->ncols = ncols;
	b->vals = tz_xcalloc((size_t)TZ_SQLITE_BATCH_ROWS * (size_t)ncols, sizeof(*b->vals));
	tz_buf_init(&b->text, 0);
	return prepare_pair(ss, head, tail, ncols, &b->one, &b->many, err);
}

int tz_sqlite_batch_prepare_fresh(struct sqlite_store *ss, struct tz_sqlite_batch *b,
				  const char *head, struct tz_err *err)
{
	return prepare_pair(ss, head, "", b->ncols, &b->fresh_one, &b->fresh_many, err);
}

void tz_sqlite_batch_may_exist(struct tz_sqlite_batch *b)
{
	b->stored++;
}

void tz_sqlite_batch_release(struct tz_sqlite_batch *b)
{
	sqlite3_finalize(b->many);
	sqlite3_finalize(b->one);
	sqlite3_finalize(b->fresh_many);
	sqlite3_finalize(b->fresh_one);
	free(b->vals);
	tz_buf_release(&b->text);
	memset(b, 0, sizeof(*b));
}

static struct tz_sqlite_cell *next_cell(struct tz_sqlite_batch *b)
{
	return &b->vals[b->nrows * b->ncols + b->col++];
}

void tz_sqlite_batch_int(struct tz_sqlite_batch *b, int64_t v)
{
	struct tz_sqlite_cell *c = next_cell(b);

	c->i = v;
	c->len = INT_CELL;
}

void tz_sqlite_batch_null(struct tz_sqlite_batch *b)
{
	next_cell(b)->len = NULL_CELL;
}

void tz_sqlite_batch_text(struct tz_sqlite_batch *b, const char *s)
{
	struct tz_sqlite_cell *c = next_cell(b);
	size_t len = s && *s ? strlen(s) : 0;

	c->off = b->text.len;
	c->len = (int)len;
	/* Cells are capped at a record's size by the readers. */
	tz_buf_add(&b->text, s, len);
}

static void bind_row(struct tz_sqlite_batch *b, sqlite3_stmt *st, int row, int first_param)
{
	const struct tz_sqlite_cell *v = &b->vals[row * b->ncols];

	for (int c = 0; c < b->ncols; c++) {
		int param = first_param + c;

		if (v[c].len == INT_CELL)
			sqlite3_bind_int64(st, param, v[c].i);
		else if (v[c].len == NULL_CELL)
			sqlite3_bind_null(st, param);
		else
			sqlite3_bind_text(st, param, b->text.buf + v[c].off, v[c].len,
					  SQLITE_STATIC);
	}
}

static int step(struct sqlite_store *ss, sqlite3_stmt *st, struct tz_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "insert");
}

int tz_sqlite_batch_flush(struct sqlite_store *ss, struct tz_sqlite_batch *b, struct tz_err *err)
{
	int fresh = b->fresh_many && !b->stored, rc = 0;
	sqlite3_stmt *many = fresh ? b->fresh_many : b->many, *one = fresh ? b->fresh_one : b->one;

	if (b->nrows == TZ_SQLITE_BATCH_ROWS) {
		for (int r = 0; r < TZ_SQLITE_BATCH_ROWS; r++)
			bind_row(b, many, r, 1 + r * b->ncols);
		rc = step(ss, many, err);
	} else {
		for (int r = 0; r < b->nrows && !rc; r++) {
			bind_row(b, one, r, 1);
			rc = step(ss, one, err);
		}
	}
	b->nrows = 0;
	b->stored = 0;
	tz_buf_reset(&b->text);
	return rc;
}

int tz_sqlite_batch_end_row(struct sqlite_store *ss, struct tz_sqlite_batch *b,
			    struct tz_err *err)
{
	b->col = 0;
	if (++b->nrows == TZ_SQLITE_BATCH_ROWS)
		return tz_sqlite_batch_flush(ss, b, err);
	return 0;
}
