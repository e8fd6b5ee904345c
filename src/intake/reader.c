/* reader.c: choose a reader by looking at the file's first bytes. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "intake/reader.h"
#include "base/banned.h"

int tz_reader_open(struct tz_reader **out, const char *path, struct tz_err *err)
{
	unsigned char magic[4] = { 0 };
	size_t n = 0;
	FILE *fp;

	*out = NULL;
	if (strcmp(path, "-")) {
		fp = fopen(path, "rb");
		if (!fp)
			return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法打开文件：%s",
					     strerror(errno));
		n = fread(magic, 1, sizeof(magic), fp);
		fclose(fp);
	}
	/* XLSX is a ZIP archive; old .xls files and encrypted workbooks are
	 * OLE compound files, which we do not read. */
	if (n == 4 && !memcmp(magic, "PK\x03\x04", 4))
		return tz_reader_xlsx.open(out, path, err);
	if (n == 4 && !memcmp(magic, "\xD0\xCF\x11\xE0", 4))
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不支持旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV");
	return tz_reader_csv.open(out, path, err);
}
