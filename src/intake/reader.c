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
	/* XLSX is a ZIP archive. */
	if (n == 4 && !memcmp(magic, "PK\x03\x04", 4))
		return tz_reader_xlsx.open(out, path, err);
	return tz_reader_csv.open(out, path, err);
}
