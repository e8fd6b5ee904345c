/* xlsx.c: placeholder for the XLSX reader. */
#include "intake/reader.h"

static int xlsx_open(struct tz_reader **out, const char *path, struct tz_err *err)
{
	*out = NULL;
	return tz_err_set_at(err, TZ_EUSAGE, path, 0, NULL, "XLSX导入尚未实现");
}

static int xlsx_next(struct tz_reader *r, struct tz_row *row, struct tz_err *err)
{
	(void)r, (void)row, (void)err;
	return 0;
}

static void xlsx_close(struct tz_reader *r)
{
	(void)r;
}

const struct tz_reader_type tz_reader_xlsx = { "xlsx", xlsx_open, xlsx_next, xlsx_close };
