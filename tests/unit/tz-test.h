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

/* Directory of the committed fixtures, from the runner (tests/data). */
static inline const char *tz_test_data(void)
{
	const char *d = getenv("TZ_TEST_DATA");
	return d ? d : "tests/data";
}

#endif
