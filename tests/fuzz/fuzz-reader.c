/*
 * fuzz-reader.c: libFuzzer target for the spreadsheet readers, the number
 * formats and the value parsers an import runs on every cell.
 *
 * Each input is read three ways:
 *  - as a file, the way `taizhang import` reads a path: the content picks
 *    the reader (CSV/text in any encoding, XLSX, .xls, HTML, XML 2003),
 *    and every sheet of it is read (some with a column limit);
 *  - as the Workbook stream of an OLE file written around it with libgsf,
 *    so that the BIFF parser sees the bytes themselves and not only the
 *    few inputs that happen to be valid OLE files;
 *  - its first line as a number format code, applied to a few numbers.
 * Every cell (text and value) then goes through the money, period and
 * status parsers, and an amount that parses must format and parse back
 * to itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-output-memory.h>

#include "base/buf.h"
#include "core/money.h"
#include "core/period.h"
#include "core/progress.h"
#include "intake/numfmt.h"
#include "intake/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_cell(const char *s, size_t len)
{
	char text[TZ_MONEY_FMT_MAX];
	int64_t v, again;
	struct tz_period p;
	enum tz_status st;

	if (s[len] != '\0')
		abort(); /* a cell is terminated at its length */
	/* A NUL inside a cell is kept whole by the readers (a .xls string
	 * holding U+0000), never cut there: the import refuses the cell
	 * before parsing it, so the parsers are not run on it. */
	if (strlen(s) != len)
		return;
	if (!tz_money_parse(s, len, &v, NULL)) {
		tz_money_fmt(v, text);
		if (tz_money_parse(text, strlen(text), &again, NULL) || again != v)
			abort(); /* formatting must round-trip */
	}
	if (!tz_period_parse(s, len, &p, NULL) && (p.month < 1 || p.month > 12))
		abort();
	tz_status_parse(s, len, &st, NULL);
}

/* Write bytes to a memory file; its /proc path into `path`. -1 on failure. */
static int memfile(const void *data, size_t size, char path[64])
{
	int fd = memfd_create("fuzz-reader", 0);

	if (fd < 0)
		return -1;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return -1;
	}
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

static void read_file(const char *path, int limit)
{
	struct tz_reader *r = NULL;
	struct tz_row row;
	int rows = 0;

	if (tz_reader_open(&r, path, NULL))
		return;
	for (size_t sh = 0; sh < tz_reader_sheet_count(r) && sh < 4; sh++) {
		if (sh && tz_reader_select_sheet(r, sh, NULL))
			break;
		while (rows++ < 10000 && tz_reader_next(r, &row, NULL) == 1) {
			if (row.line <= 0 || !row.kinds || !row.flags || !row.values)
				abort();
			for (size_t i = 0; i < row.ncells; i++) {
				if (row.kinds[i] > TZ_READ_NO_VALUE)
					abort();
				parse_cell(row.cells[i], row.lens[i]);
				if (row.values[i] != row.cells[i])
					parse_cell(row.values[i], strlen(row.values[i]));
			}
			if (limit && rows == 1)
				tz_reader_limit_columns(r, 8);
		}
	}
	tz_reader_close(r);
}

/* The input as the Workbook stream of an OLE file. */
static void read_as_biff(const uint8_t *data, size_t size)
{
	GsfOutput *sink = gsf_output_memory_new();
	GsfOutfile *ole = gsf_outfile_msole_new(sink);
	GsfOutput *child;
	char path[64];
	int fd;

	if (!ole) {
		g_object_unref(sink);
		return;
	}
	child = gsf_outfile_new_child(ole, "Workbook", FALSE);
	if (child) {
		gsf_output_write(child, size, data);
		gsf_output_close(child);
		g_object_unref(child);
	}
	gsf_output_close(GSF_OUTPUT(ole));
	g_object_unref(ole);
	fd = memfile(gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(sink)),
		     (size_t)gsf_output_size(sink), path);
	g_object_unref(sink);
	if (fd < 0)
		return;
	read_file(path, 0);
	close(fd);
}

/* The first line as a number format. */
static void format_codes(const uint8_t *data, size_t size)
{
	static const double values[] = { 0, -1.5, 2025.1, 12345678, 45717.4375, 1e300, -1e-300 };
	char code[128];
	size_t n = 0;
	struct tz_numfmt *f;

	while (n < size && n < sizeof(code) - 1 && data[n] != '\n' && data[n])
		n++;
	memcpy(code, data, n);
	code[n] = '\0';
	f = tz_numfmt_new(code);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		struct tz_buf b = TZ_BUF_INIT;

		if (tz_numfmt_format(f, values[i], (int)(size & 1), &b) >= 0 && strlen(b.buf) != b.len)
			abort();
		tz_buf_release(&b);
	}
	tz_numfmt_free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = memfile(data, size, path);

	if (fd >= 0) {
		read_file(path, (int)(size & 1));
		close(fd);
	}
	read_as_biff(data, size);
	format_codes(data, size);
	return 0;
}
