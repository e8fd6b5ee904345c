/*
 * csv.c: the CSV reader: libcsv over a tz_textin stream, so GBK and UTF-8
 * (with or without BOM) files arrive as UTF-8 records in constant memory.
 *
 * Input is fed to libcsv one line at a time so that each record can be
 * tagged with the line it starts on, which every error message names.
 * (A file with bare-CR line ends is still read, but its records all share
 * one line number.)
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "intake/reader.h"
#include "base/banned.h"

#define CHUNK (64u * 1024)

struct csv_record {
	size_t first;  /* index of its first cell */
	size_t ncells;
	long line;
};

struct csv_reader {
	struct tz_reader base;
	struct tz_textin *in;
	struct csv_parser parser;
	char *path;
	char chunk[CHUNK];
	size_t chunk_len, chunk_pos;
	int eof;
	long line;           /* line being fed, 1-based */
	long rec_line;       /* line the record being parsed started on */
	int at_rec_start;
	int too_big;
	/* Cells of the completed records not yet returned, and the one being
	 * parsed: their bytes (NUL-separated) and offsets into `bytes`. */
	struct tz_buf bytes;
	size_t *offs, *lens;
	size_t ncells, acells;
	struct csv_record *recs;
	size_t nrecs, arecs, next_rec;
	size_t rec_first;    /* first cell of the record being parsed */
	/* What tz_reader_next hands out. */
	const char **cells;
	size_t acellptrs;
};

static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;

	if (r->ncells + 1 > r->acells) {
		size_t n = r->acells;

		TZ_ALLOC_GROW(r->offs, r->ncells + 1, n);
		r->lens = tz_xrealloc(r->lens, n * sizeof(*r->lens));
		r->acells = n;
	}
	r->offs[r->ncells] = r->bytes.len;
	r->lens[r->ncells] = len;
	r->ncells++;
	if (tz_buf_grow(&r->bytes, len + 1)) {
		r->too_big = 1;
		return;
	}
	/* CSV_APPEND_NULL: s[len] is the NUL we keep. */
	memcpy(r->bytes.buf + r->bytes.len, s ? s : "", len + 1);
	r->bytes.len += len + 1;
}

static void on_row(int term, void *data)
{
	struct csv_reader *r = data;
	struct csv_record *rec;

	(void)term;
	TZ_ALLOC_GROW(r->recs, r->nrecs + 1, r->arecs);
	rec = &r->recs[r->nrecs++];
	rec->first = r->rec_first;
	rec->ncells = r->ncells - r->rec_first;
	rec->line = r->rec_line;
	r->rec_first = r->ncells;
	r->at_rec_start = 1;
}

static int csv_open(struct tz_reader **out, const char *path, struct tz_err *err)
{
	struct csv_reader *r = tz_xcalloc(1, sizeof(*r));
	int rc;

	*out = NULL;
	r->base.type = &tz_reader_csv;
	r->path = tz_xstrdup(path);
	tz_buf_init(&r->bytes, TZ_LIMIT_RECORD);
	r->at_rec_start = 1;
	if ((rc = tz_textin_open(&r->in, path, err))) {
		free(r->path);
		free(r);
		return rc;
	}
	if (csv_init(&r->parser, CSV_APPEND_NULL) != 0) {
		tz_textin_close(r->in);
		free(r->path);
		free(r);
		return tz_err_set(err, TZ_EINTERNAL, "csv_init failed");
	}
	*out = &r->base;
	return 0;
}

static void csv_close(struct tz_reader *base)
{
	struct csv_reader *r = (struct csv_reader *)base;

	if (!r)
		return;
	csv_free(&r->parser);
	tz_textin_close(r->in);
	tz_buf_release(&r->bytes);
	free(r->offs);
	free(r->lens);
	free(r->recs);
	free(r->cells);
	free(r->path);
	free(r);
}

/* Drop the records already handed out, keeping a partial one. */
static void compact(struct csv_reader *r)
{
	size_t keep = r->ncells - r->rec_first, base_off;

	if (r->next_rec < r->nrecs)
		return;
	r->nrecs = r->next_rec = 0;
	if (!r->rec_first)
		return;
	base_off = keep ? r->offs[r->rec_first] : r->bytes.len;
	memmove(r->bytes.buf, r->bytes.buf + base_off, r->bytes.len - base_off);
	tz_buf_setlen(&r->bytes, r->bytes.len - base_off);
	for (size_t i = 0; i < keep; i++) {
		r->offs[i] = r->offs[r->rec_first + i] - base_off;
		r->lens[i] = r->lens[r->rec_first + i];
	}
	r->ncells = keep;
	r->rec_first = 0;
}

static int too_long(struct csv_reader *r, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, r->path, r->rec_line, NULL,
			     "第%ld行起的记录超过%u字节（引号未闭合？）", r->rec_line,
			     TZ_LIMIT_RECORD);
}

/* Feed the next line (or the end of input) to libcsv. */
static int feed(struct csv_reader *r, struct tz_err *err)
{
	const char *start, *nl;
	size_t len;
	ssize_t n;

	if (r->chunk_pos == r->chunk_len) {
		n = tz_textin_read(r->in, r->chunk, sizeof(r->chunk), err);
		if (n < 0)
			return (int)n;
		r->chunk_len = (size_t)n;
		r->chunk_pos = 0;
		if (n == 0) {
			r->eof = 1;
			csv_fini(&r->parser, on_field, on_row, r);
			return 0;
		}
	}
	start = r->chunk + r->chunk_pos;
	nl = memchr(start, '\n', r->chunk_len - r->chunk_pos);
	len = nl ? (size_t)(nl - start) + 1 : r->chunk_len - r->chunk_pos;
	if (r->at_rec_start && !tz_text_is_blank(start, len)) {
		r->rec_line = r->line;
		r->at_rec_start = 0;
	}
	if (csv_parse(&r->parser, start, len, on_field, on_row, r) != len)
		return tz_err_set_at(err, TZ_EINVAL, r->path, r->line, NULL, "CSV格式错误：%s",
				     csv_strerror(csv_error(&r->parser)));
	r->chunk_pos += len;
	if (nl)
		r->line++;
	if (r->too_big || csv_get_buffer_size(&r->parser) > TZ_LIMIT_RECORD)
		return too_long(r, err);
	return 0;
}

static int csv_next(struct tz_reader *base, struct tz_row *row, struct tz_err *err)
{
	struct csv_reader *r = (struct csv_reader *)base;
	struct csv_record *rec;
	int rc;

	if (!r->line)
		r->line = 1;
	compact(r);
	while (r->next_rec == r->nrecs) {
		if (r->eof)
			return 0;
		if ((rc = feed(r, err)))
			return rc;
	}
	rec = &r->recs[r->next_rec++];
	TZ_ALLOC_GROW(r->cells, rec->ncells + 1, r->acellptrs);
	for (size_t i = 0; i < rec->ncells; i++)
		r->cells[i] = r->bytes.buf + r->offs[rec->first + i];
	row->ncells = rec->ncells;
	row->cells = r->cells;
	row->lens = r->lens + rec->first;
	row->line = rec->line;
	return 1;
}

const struct tz_reader_type tz_reader_csv = { "csv", csv_open, csv_next, csv_close };
