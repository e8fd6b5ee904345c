/*
 * test-ahead.c: rows read ahead by a thread (intake/ahead.h) come out
 * exactly as tz_reader_next gives them: every cell, length, kind, flag,
 * value and line, across many blocks, the row the header search read
 * past first, then the reader's end, or its error after the rows before
 * it; and stopping early, with the thread waiting or reading, is clean.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "intake/ahead.h"
#include "intake/reader.h"

static char *dir;

static int setup(void **state)
{
	(void)state;
	dir = tz_test_tmpdir();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tz_test_rmtree(dir);
	dir = NULL;
	return 0;
}

/* A CSV of `rows` records after a header: some quoted across lines, some
 * short, long texts now and then (blocks end on bytes as well as rows). */
static char *write_csv(const char *name, int rows, const char *tail)
{
	struct tz_buf b = TZ_BUF_INIT;
	char *path;

	tz_buf_adds(&b, "项目编号,调度期,本期完成投资(万元),形象进度\n");
	for (int i = 0; i < rows; i++) {
		if (i % 97 == 5)
			tz_buf_addf(&b, "P%06d,2025-%02d,%d.%02d,\"第一行\n第二行，含逗号\"\n", i,
				    i % 12 + 1, i, i % 100);
		else if (i % 31 == 7)
			tz_buf_addf(&b, "P%06d,2025-01\n", i);
		else if (i % 1000 == 999) {
			tz_buf_addf(&b, "P%06d,2025-02,1,", i);
			for (int k = 0; k < 3000; k++)
				tz_buf_adds(&b, "长");
			tz_buf_adds(&b, "\n");
		} else
			tz_buf_addf(&b, "P%06d,2025-%02d,%d,主体施工\n", i, i % 12 + 1, i);
	}
	tz_buf_adds(&b, tail);
	path = tz_test_write(dir, name, b.buf);
	tz_buf_release(&b);
	return path;
}

static void same_row(const struct tz_row *x, const struct tz_row *y)
{
	assert_int_equal(x->line, y->line);
	assert_int_equal(x->ncells, y->ncells);
	assert_int_equal(x->hidden, y->hidden);
	assert_int_equal(x->suspect, y->suspect);
	assert_int_equal(x->width, y->width);
	for (size_t i = 0; i < x->ncells; i++) {
		assert_int_equal(x->lens[i], y->lens[i]);
		assert_memory_equal(x->cells[i], y->cells[i], x->lens[i] + 1);
		assert_string_equal(x->values[i], y->values[i]);
		assert_int_equal(x->kinds[i], y->kinds[i]);
		assert_int_equal(x->flags[i], y->flags[i]);
	}
}

/* Read `path` twice, directly and ahead (the header row read first and
 * handed to ahead as the header search would), and compare row by row;
 * the end code of both: 0 or the error, whose message must agree. */
static int compare_file(const char *path, size_t *rows)
{
	struct tz_reader *direct = NULL, *r = NULL;
	struct tz_row want, got, header;
	struct tz_err e1, e2;
	struct tz_ahead *a;
	int rc1, rc2;

	assert_int_equal(tz_reader_open(&direct, path, NULL), 0);
	assert_int_equal(tz_reader_open(&r, path, NULL), 0);
	assert_int_equal(tz_reader_next(direct, &want, NULL), 1);
	assert_int_equal(tz_reader_next(r, &header, NULL), 1);
	/* The row read past comes out first, copied before the thread reads. */
	a = tz_ahead_start(r, &header);
	assert_int_equal(tz_ahead_next(a, &got, &e2), 1);
	same_row(&want, &got);
	*rows = 0;
	tz_err_clear(&e1);
	tz_err_clear(&e2);
	for (;;) {
		rc1 = tz_reader_next(direct, &want, &e1);
		rc2 = tz_ahead_next(a, &got, &e2);
		assert_int_equal(rc1, rc2);
		if (rc1 <= 0)
			break;
		same_row(&want, &got);
		++*rows;
	}
	if (rc1 < 0) {
		assert_string_equal(e1.msg, e2.msg);
		assert_int_equal(direct->err_col, r->err_col);
	}
	/* After the end the end again. */
	assert_int_equal(tz_ahead_next(a, &got, &e2), rc1);
	tz_ahead_stop(a);
	tz_reader_close(direct);
	tz_reader_close(r);
	return rc1;
}

static void test_rows_as_read(void **state)
{
	char *path = write_csv("many.csv", 5000, "");
	size_t rows;

	(void)state;
	assert_int_equal(compare_file(path, &rows), 0);
	assert_int_equal(rows, 5000);
	free(path);
}

static void test_error_after_rows(void **state)
{
	/* A quote that never closes: the reader's error comes after every
	 * row before it, with its message and column. */
	char *path = write_csv("bad.csv", 2000, "P9,2025-03,\"未闭合,1\n");
	size_t rows;

	(void)state;
	assert_true(compare_file(path, &rows) < 0);
	assert_int_equal(rows, 2000);
	free(path);
}

static void test_small_and_empty(void **state)
{
	char *path = write_csv("one.csv", 1, "");
	size_t rows;

	(void)state;
	assert_int_equal(compare_file(path, &rows), 0);
	assert_int_equal(rows, 1);
	free(path);
	path = write_csv("none.csv", 0, "");
	assert_int_equal(compare_file(path, &rows), 0);
	assert_int_equal(rows, 0);
	free(path);
}

static void test_stop_early(void **state)
{
	char *path = write_csv("stop.csv", 20000, "");
	struct tz_reader *r = NULL;
	struct tz_row row;
	struct tz_ahead *a;

	(void)state;
	/* Stopped at once, without a first row: the thread may be reading. */
	assert_int_equal(tz_reader_open(&r, path, NULL), 0);
	tz_ahead_stop(tz_ahead_start(r, NULL));
	tz_reader_close(r);
	/* Stopped after a few rows: the thread waits for an empty block. */
	assert_int_equal(tz_reader_open(&r, path, NULL), 0);
	a = tz_ahead_start(r, NULL);
	for (int i = 0; i < 10; i++)
		assert_int_equal(tz_ahead_next(a, &row, NULL), 1);
	/* The header, P000000..P000008; P000005 takes two lines. */
	assert_int_equal(row.line, 11);
	assert_string_equal(row.cells[0], "P000008");
	tz_ahead_stop(a);
	tz_reader_close(r);
	tz_ahead_stop(NULL);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_as_read),
		cmocka_unit_test(test_error_after_rows),
		cmocka_unit_test(test_small_and_empty),
		cmocka_unit_test(test_stop_early),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
