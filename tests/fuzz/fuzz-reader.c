/*
 * fuzz-reader.c: libFuzzer target for the spreadsheet readers and the
 * value parsers an import runs on every cell. The input is put in a
 * memory file and read the way `taizhang import` reads a path: a ZIP goes
 * to the XLSX reader, anything else to the CSV reader. Every cell of every
 * row then goes through the money, period and status parsers, and an
 * amount that parses must format and parse back to itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/money.h"
#include "core/period.h"
#include "core/progress.h"
#include "intake/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_cell(const char *s, size_t len)
{
	char text[TZ_MONEY_FMT_MAX];
	int64_t v, again;
	struct tz_period p;
	enum tz_status st;

	if (!tz_money_parse(s, len, &v, NULL)) {
		tz_money_fmt(v, text);
		if (tz_money_parse(text, strlen(text), &again, NULL) || again != v)
			abort(); /* formatting must round-trip */
	}
	if (!tz_period_parse(s, len, &p, NULL) && (p.month < 1 || p.month > 12))
		abort();
	tz_status_parse(s, len, &st, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tz_reader *r = NULL;
	struct tz_row row;
	char path[64];
	int fd = memfd_create("fuzz-reader", 0), rows = 0;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!tz_reader_open(&r, path, NULL)) {
		while (rows++ < 10000 && tz_reader_next(r, &row, NULL) == 1)
			for (size_t i = 0; i < row.ncells; i++)
				parse_cell(row.cells[i], row.lens[i]);
		tz_reader_close(r);
	}
	close(fd);
	return 0;
}
