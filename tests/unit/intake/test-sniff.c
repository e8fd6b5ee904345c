/*
 * test-sniff.c: a file's format comes from its content, never its name;
 * what no reader reads is refused with its real format named, never
 * left to fail later as "未找到表头".
 */
#include "tz-test.h"
#include "tz-sheet-test.h"

#include "intake/sniff.h"

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

/* A length that means "up to the NUL". */
#define S ((size_t)-1)

static enum tz_sniff_format sniff(const void *data, size_t len, const char **what)
{
	struct tz_sniff s;

	if (len == S)
		len = strlen(data);
	tz_sniff(data, len, &s);
	if (what)
		*what = s.what;
	return s.format;
}

static void test_formats(void **state)
{
	static const struct { const char *data; size_t len; enum tz_sniff_format f; } cases[] = {
		{ "PK\x03\x04rest", 8, TZ_SNIFF_ZIP },
		{ "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, TZ_SNIFF_OLE },
		{ "a,b\n1,2\n", S, TZ_SNIFF_TEXT },
		{ "\xEF\xBB\xBF" "a,b\n", 7, TZ_SNIFF_TEXT },
		{ "项目编号\t名称\n", S, TZ_SNIFF_TEXT },
		{ "a,b\n1,\0" "2\n", 9, TZ_SNIFF_TEXT },  /* one stray NUL: still text */
		{ "\xff\xfe" "a\0,\0b\0", 8, TZ_SNIFF_TEXT },
		{ "a\0\t\0b\0\r\0\n\0c\0\t\0d\0\r\0\n\0", 20, TZ_SNIFF_TEXT },  /* UTF-16LE, no BOM */
		{ "\0a\0\t\0b\0\n\0c\0\t\0d\0\n", 16, TZ_SNIFF_TEXT },          /* UTF-16BE, no BOM */
		{ "<html><body><table>", S, TZ_SNIFF_HTML },
		{ "\n\n  <!DOCTYPE html><p>x", S, TZ_SNIFF_HTML },
		{ "<table border=1><tr>", S, TZ_SNIFF_HTML },
		{ "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", S, TZ_SNIFF_HTML },
		{ "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook "
		  "xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", S, TZ_SNIFF_XML2003 },
		{ "<ss:Workbook xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">", S,
		  TZ_SNIFF_XML2003 },
		{ "", 0, TZ_SNIFF_EMPTY },
	};
	static const struct { const char *data; size_t len; const char *what; } others[] = {
		{ "%PDF-1.7\n", 9, "PDF 文档" },
		{ "\x89PNG\r\n\x1A\n\0\0", 10, "PNG 图片" },
		{ "\xFF\xD8\xFF\xE0", 4, "JPEG 图片" },
		{ "GIF89a", 6, "GIF 图片" },
		{ "Rar!\x1A\x07\x00", 7, "RAR 压缩包" },
		{ "\x1F\x8B\x08", 3, "gzip 压缩文件" },
		{ "{\\rtf1\\ansi", 11, "RTF 文档" },
		{ "\x09\x00\x04\x00\x00\x00\x10\x00", 8, "Excel 2.x 工作表" },
		{ "<?xml version=\"1.0\"?><root/>", 28, "XML 文件（不是 Excel 2003 XML 表格）" },
		{ "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
		  "\0\0\0\0\0", 25, "无法识别的二进制文件" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (sniff(cases[i].data, cases[i].len, NULL) != cases[i].f)
			fail_msg("case %zu: %d, want %d", i, sniff(cases[i].data, cases[i].len, NULL),
				 cases[i].f);
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		const char *what;

		assert_int_equal(sniff(others[i].data, others[i].len, &what), TZ_SNIFF_OTHER);
		if (!strstr(what, others[i].what))
			fail_msg("case %zu: \"%s\", want \"%s\"", i, what, others[i].what);
	}
}

/* Random bytes are binary, whatever their seed. */
static void test_garbage(void **state)
{
	unsigned char buf[4096];
	uint32_t x = 2463534242u;

	(void)state;
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof(buf); i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			buf[i] = (unsigned char)x;
		}
		buf[0] = 'x';  /* no accidental signature */
		assert_int_equal(sniff(buf, sizeof(buf), NULL), TZ_SNIFF_OTHER);
	}
}

/* Through tz_reader_open: the name says nothing, the message says what
 * the file is. */
static void test_refusals(void **state)
{
	static const struct { const char *name, *data, *want; } cases[] = {
		{ "台账.xlsx", "%PDF-1.4\n%...", "无法导入：这是PDF 文档，不是电子表格" },
		{ "台账.csv", "\x89PNG\r\n\x1A\n....", "这是PNG 图片" },
		{ "台账.xls", "{\\rtf1 hello}", "这是RTF 文档" },
		{ "台账.xls", "<?xml version=\"1.0\"?><config/>", "XML 文件（不是 Excel 2003 XML 表格）" },
	};
	char *path;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		path = tz_test_write(dir, cases[i].name, cases[i].data);
		tzs_refused(path, TZ_EINVAL, cases[i].want);
		free(path);
	}
	path = tz_test_write(dir, "empty.csv", "");
	tzs_refused(path, TZ_EINVAL, "文件是空的");
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
	};

	return cmocka_run_group_tests_name("intake/sniff", tests, NULL, NULL);
}
