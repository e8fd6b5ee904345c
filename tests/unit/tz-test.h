/*
 * tz-test.h: what every cmocka unit test includes. cmocka needs these
 * system headers before its own.
 */
#ifndef TZ_TEST_H
#define TZ_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ftw.h>
#include <unistd.h>

/* Directory of the committed fixtures, from the runner (tests/data). */
static inline const char *tz_test_data(void)
{
	const char *d = getenv("TZ_TEST_DATA");
	return d ? d : "tests/data";
}

/* A new empty directory under $TMPDIR; the caller removes it with
 * tz_test_rmtree(). Returns a static buffer's copy the caller frees. */
static inline char *tz_test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char path[4096];
	char *dir;

	snprintf(path, sizeof(path), "%s/tz-test-XXXXXX", base && *base ? base : "/tmp");
	dir = mkdtemp(path);
	assert_non_null(dir);
	return strdup(dir);
}

static inline int tz_test_rm_one(const char *path, const struct stat *st, int flag,
				 struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void tz_test_rmtree(char *dir)
{
	if (!dir)
		return;
	nftw(dir, tz_test_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* Write `text` to dir/name; returns the path, which the caller frees. */
static inline char *tz_test_write(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
	return strdup(path);
}

#endif
