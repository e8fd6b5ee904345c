/*
 * test-sheetname.c: which sheet names say the sheet holds instructions or
 * a sample (tz_sheet_name_is_instructions), passed over for the data.
 */
#include "tz-test.h"

#include "intake/reader.h"

static void test_instructions(void **state)
{
	static const char *const yes[] = {
		"填报说明", "填表说明", "项目填报说明", "附件1：填写说明", "说明", " 说明 ", "附件2 说明",
		"（说明）", "指标解释", "填报要求", "示例", "样表", "填报样例", "范例（勿删）",
		"Instructions", "README", "Sample", "example1",
	};
	static const char *const no[] = {
		"Sheet1", "台账", "项目表", "重点项目及说明", "说明书项目", "2025年重点项目",
		"前期项目", "调度", "",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!tz_sheet_name_is_instructions(yes[i]))
			fail_msg("“%s” should be instructions", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (tz_sheet_name_is_instructions(no[i]))
			fail_msg("“%s” should be data", no[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_instructions),
	};

	return cmocka_run_group_tests_name("intake/sheetname", tests, NULL, NULL);
}
