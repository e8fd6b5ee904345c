/* xlsx.c: placeholder for the XLSX writers. */
#include "report/writer.h"

static int no_table_begin(struct tz_table_writer **out, FILE *fp, const char *title,
			  const struct tz_table_column *cols, size_t ncols, struct tz_err *err)
{
	(void)out, (void)fp, (void)title, (void)cols, (void)ncols;
	return tz_err_set(err, TZ_EUSAGE, "XLSX导出尚未实现");
}

static int no_table_row(struct tz_table_writer *w, const struct tz_cell *cells, struct tz_err *err)
{
	(void)w, (void)cells, (void)err;
	return TZ_EINTERNAL;
}

static int no_table_end(struct tz_table_writer *w, struct tz_err *err)
{
	(void)w, (void)err;
	return TZ_EINTERNAL;
}

static int no_bulletin(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	(void)b, (void)fp;
	return tz_err_set(err, TZ_EUSAGE, "XLSX通报尚未实现");
}

const struct tz_table_writer_type tz_table_xlsx = { "xlsx", no_table_begin, no_table_row, no_table_end };
const struct tz_bulletin_writer_type tz_bulletin_xlsx = { "xlsx", no_bulletin };
