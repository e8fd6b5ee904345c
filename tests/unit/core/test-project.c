/*
 * test-project.c: 项目编号 as typed, folded to the code they name
 * (tz_project_code_fold, core/project.h), and what stays a different code.
 */
#include "tz-test.h"

#include "core/project.h"

static void expect(const char *typed, const char *code, int how)
{
	struct tz_buf out = TZ_BUF_INIT;
	int got;

	assert_int_equal(tz_project_code_fold(typed, strlen(typed), &out, &got), 0);
	if (strcmp(out.buf, code) || got != how)
		fail_msg("“%s” folded to “%s” (%d), expected “%s” (%d)", typed, out.buf, got, code, how);
	tz_buf_release(&out);
}

static void test_fold(void **state)
{
	(void)state;
	expect("P20250001", "P20250001", 0);
	expect("P2025０００１", "P20250001", TZ_CODE_FOLDED);
	expect("Ｐ２０２５０００１", "P20250001", TZ_CODE_FOLDED);
	expect("ＹＫ－２０２５－００１", "YK-2025-001", TZ_CODE_FOLDED);
	expect("\xef\xbb\xbf" "P1", "P1", TZ_CODE_INVISIBLE);
	expect("P\xe2\x80\x8b" "1", "P1", TZ_CODE_INVISIBLE);
	expect("P1\xc2\xad", "P1", TZ_CODE_INVISIBLE);
	expect("P1\xe2\x81\xa0", "P1", TZ_CODE_INVISIBLE);
	expect("\xe2\x80\x8bＰ１", "P1", TZ_CODE_INVISIBLE | TZ_CODE_FOLDED);
	expect("  P1\xc2\xa0", "P1", 0);
	expect("2020-210800-48-01-012345", "2020-210800-48-01-012345", 0);
	expect("", "", 0);
}

/* What folding leaves different stays different: the import refuses a
 * space inside a code, and letters keep their case. */
static void test_what_stays(void **state)
{
	(void)state;
	expect("P\xc2\xa0" "1", "P 1", TZ_CODE_FOLDED);
	expect("P\xe3\x80\x80" "1", "P 1", TZ_CODE_FOLDED);
	assert_false(tz_project_code_valid("P 1", 3));
	expect("p1", "p1", 0);
	expect("项目1", "项目1", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_what_stays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
