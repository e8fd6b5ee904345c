/*
 * test-org.c: cells naming several organisations (tz_org_split, core/org.h):
 * split at the separators people write, never inside one unit's name.
 */
#include "tz-test.h"

#include "core/org.h"

/* The names of a cell, "|"-joined, and how many there are. */
static size_t split(const char *s, char *out, size_t size)
{
	struct tz_org_span part[8];
	size_t n = tz_org_split(s, strlen(s), part, 8), used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && i < 8; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%.*s", i ? "|" : "",
					 (int)part[i].len, part[i].s);
	return n;
}

static void expect(const char *cell, size_t n, const char *names)
{
	char got[512];
	size_t k = split(cell, got, sizeof(got));

	if (k != n || strcmp(got, names))
		fail_msg("“%s”: %zu names “%s”, expected %zu “%s”", cell, k, got, n, names);
}

static void test_several_units(void **state)
{
	(void)state;
	expect("市交通运输局、鲅鱼圈区政府", 2, "市交通运输局|鲅鱼圈区政府");
	expect("市发改委，市交通局", 2, "市发改委|市交通局");
	expect("市发改委,市交通局;市财政局", 3, "市发改委|市交通局|市财政局");
	expect("甲县；乙县／丙县/丁县", 4, "甲县|乙县|丙县|丁县");
	expect("市交通运输局和鲅鱼圈区政府", 2, "市交通运输局|鲅鱼圈区政府");
	expect("市发改委及市交通局", 2, "市发改委|市交通局");
	expect("鲅鱼圈区和站前区", 2, "鲅鱼圈区|站前区");
	expect("市交通局和市住房和城乡建设局", 2, "市交通局|市住房和城乡建设局");
	expect("市住房和城乡建设局和市交通局", 2, "市住房和城乡建设局|市交通局");
	expect(" 市交通局 、 市财政局 ", 2, "市交通局|市财政局");
}

/* Department names hold 和; brackets hold other names of the same unit. */
static void test_one_unit(void **state)
{
	(void)state;
	expect("市住房和城乡建设局", 1, "市住房和城乡建设局");
	expect("市文化和旅游局", 1, "市文化和旅游局");
	expect("市人力资源和社会保障局", 1, "市人力资源和社会保障局");
	expect("市工业和信息化局", 1, "市工业和信息化局");
	expect("市发展和改革委员会", 1, "市发展和改革委员会");
	expect("市自然资源和规划局", 1, "市自然资源和规划局");
	expect("市委组织部（市公务员局、老干部局）", 1, "市委组织部（市公务员局、老干部局）");
	expect("鲅鱼圈区人民政府", 1, "鲅鱼圈区人民政府");
	expect("市交通运输局、", 1, "市交通运输局");
	expect("", 0, "");
	expect("  ", 0, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_several_units),
		cmocka_unit_test(test_one_unit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
