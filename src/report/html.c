/* html.c: placeholder for the HTML bulletin writer. */
#include "report/writer.h"

static int no_bulletin(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	(void)b, (void)fp;
	return tz_err_set(err, TZ_EUSAGE, "HTML通报尚未实现");
}

const struct tz_bulletin_writer_type tz_bulletin_html = { "html", no_bulletin };
