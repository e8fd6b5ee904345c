/*
 * rowbuf.c: a sheet row under construction, whose cost is the cells it
 * holds rather than the column of its last cell, and merged ranges
 * filled in as rows stream past. Shared by the XLSX, .xls, XML 2003 and
 * HTML readers.
 */
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/reader-internal.h"
#include "base/banned.h"

static const char empty[] = "";

/* ------------------------------------------------------------------ */
/* Rows                                                                */

void tz_rowbuf_init(struct tz_rowbuf *rb, size_t limit)
{
	memset(rb, 0, sizeof(*rb));
	tz_buf_init(&rb->bytes, limit);
}

void tz_rowbuf_release(struct tz_rowbuf *rb)
{
	tz_buf_release(&rb->bytes);
	free(rb->cells);
	free(rb->values);
	free(rb->lens);
	free(rb->kinds);
	free(rb->flags);
	free(rb->off);
	free(rb->voff);
	free(rb->set);
	free(rb->is_set);
	memset(rb, 0, sizeof(*rb));
}

/* Make the arrays at least `n` wide, new entries empty. */
static void widen(struct tz_rowbuf *rb, size_t n)
{
	size_t w = rb->width ? rb->width : 16;

	if (n <= rb->width)
		return;
	while (w < n)
		w *= 2;
	rb->cells = tz_xrealloc(rb->cells, w * sizeof(*rb->cells));
	rb->values = tz_xrealloc(rb->values, w * sizeof(*rb->values));
	rb->lens = tz_xrealloc(rb->lens, w * sizeof(*rb->lens));
	rb->kinds = tz_xrealloc(rb->kinds, w);
	rb->flags = tz_xrealloc(rb->flags, w);
	rb->off = tz_xrealloc(rb->off, w * sizeof(*rb->off));
	rb->voff = tz_xrealloc(rb->voff, w * sizeof(*rb->voff));
	rb->is_set = tz_xrealloc(rb->is_set, w);
	for (size_t i = rb->width; i < w; i++) {
		rb->cells[i] = rb->values[i] = empty;
		rb->lens[i] = 0;
	}
	memset(rb->kinds + rb->width, 0, w - rb->width);
	memset(rb->flags + rb->width, 0, w - rb->width);
	memset(rb->is_set + rb->width, 0, w - rb->width);
	rb->width = w;
}

void tz_rowbuf_clear(struct tz_rowbuf *rb)
{
	for (size_t i = 0; i < rb->nset; i++) {
		size_t c = rb->set[i];

		rb->cells[c] = rb->values[c] = empty;
		rb->lens[c] = 0;
		rb->kinds[c] = rb->flags[c] = rb->is_set[c] = 0;
	}
	rb->nset = 0;
	rb->maxcol = 0;
	tz_buf_reset(&rb->bytes);
}

/* List `col` as set in this row (its offsets still to be filled). */
static void mark(struct tz_rowbuf *rb, size_t col)
{
	widen(rb, col + 1);
	if (rb->is_set[col])
		return;
	rb->is_set[col] = 1;
	TZ_ALLOC_GROW(rb->set, rb->nset + 1, rb->aset);
	rb->set[rb->nset++] = col;
	rb->off[col] = rb->voff[col] = SIZE_MAX;
	rb->flags[col] = 0;
	if (col + 1 > rb->maxcol)
		rb->maxcol = col + 1;
}

int tz_rowbuf_set(struct tz_rowbuf *rb, size_t col, unsigned char kind, const char *text,
		  size_t len, const char *value, size_t vlen, unsigned char flags)
{
	size_t need = len + 1 + (value ? vlen + 1 : 0), at;

	if (tz_buf_grow(&rb->bytes, need))
		return TZ_ETOOBIG;
	mark(rb, col);
	at = rb->bytes.len;
	memcpy(rb->bytes.buf + at, text, len);
	rb->bytes.buf[at + len] = '\0';
	rb->off[col] = at;
	rb->lens[col] = len;
	rb->voff[col] = SIZE_MAX;
	if (value) {
		memcpy(rb->bytes.buf + at + len + 1, value, vlen);
		rb->bytes.buf[at + len + 1 + vlen] = '\0';
		rb->voff[col] = at + len + 1;
	}
	rb->bytes.len += need;
	rb->bytes.buf[rb->bytes.len] = '\0';
	rb->kinds[col] = kind;
	rb->flags[col] |= flags;
	return 0;
}

void tz_rowbuf_flag(struct tz_rowbuf *rb, size_t col, unsigned char flags)
{
	mark(rb, col);
	rb->flags[col] |= flags;
}

int tz_rowbuf_get(const struct tz_rowbuf *rb, size_t col, const char **text, size_t *len,
		  unsigned char *kind, const char **value, size_t *vlen)
{
	if (col >= rb->width || !rb->is_set[col] || rb->off[col] == SIZE_MAX)
		return 0;
	*text = rb->bytes.buf + rb->off[col];
	*len = rb->lens[col];
	*kind = rb->kinds[col];
	if (rb->voff[col] == SIZE_MAX) {
		*value = *text;
		*vlen = *len;
	} else {
		*value = rb->bytes.buf + rb->voff[col];
		*vlen = strlen(*value);
	}
	return 1;
}

size_t tz_rowbuf_finish(struct tz_rowbuf *rb, struct tz_row *row, long line, int hidden)
{
	size_t n = 0;

	for (size_t i = 0; i < rb->nset; i++) {
		size_t c = rb->set[i];

		if (rb->off[c] == SIZE_MAX)
			continue;  /* flags only */
		rb->cells[c] = rb->bytes.buf + rb->off[c];
		rb->values[c] = rb->voff[c] == SIZE_MAX ? rb->cells[c] : rb->bytes.buf + rb->voff[c];
		if (rb->kinds[c] != TZ_READ_EMPTY && c + 1 > n)
			n = c + 1;
	}
	widen(rb, 1);
	row->ncells = n;
	row->cells = rb->cells;
	row->lens = rb->lens;
	row->line = line;
	row->kinds = rb->kinds;
	row->flags = rb->flags;
	row->values = rb->values;
	row->hidden = hidden;
	row->suspect = 0;
	row->width = 0;
	return n;
}

/* ------------------------------------------------------------------ */
/* A1 references                                                       */

int tz_a1_parse(const char *ref, size_t len, long *col, long *row)
{
	const char *p = ref, *end = ref + len;
	long c = 0, r = 0;

	if (p < end && *p == '$')
		p++;
	for (; p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')); p++) {
		c = c * 26 + ((*p | 0x20) - 'a' + 1);
		if (c > (long)TZ_LIMIT_SHEET_COLS)
			return 0;
	}
	if (!c)
		return 0;
	if (p < end && *p == '$')
		p++;
	if (p == end || *p < '1' || *p > '9')
		return 0;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (*p - '0');
		if (r > (long)TZ_LIMIT_SHEET_ROWS)
			return 0;
	}
	if (p != end)
		return 0;
	*col = c;
	if (row)
		*row = r;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Merged ranges                                                       */

static void merge_free(struct tz_merge *g)
{
	free(g->text);
	free(g->value);
	g->text = g->value = NULL;
}

void tz_merges_clear(struct tz_merges *m)
{
	for (size_t i = 0; i < m->n; i++)
		merge_free(&m->v[i]);
	m->n = m->next = m->nactive = m->kept = 0;
	m->filled = 0;
	m->sorted = 0;
}

void tz_merges_release(struct tz_merges *m)
{
	tz_merges_clear(m);
	free(m->v);
	free(m->active);
	memset(m, 0, sizeof(*m));
}

int tz_merges_add(struct tz_merges *m, long r1, long c1, long r2, long c2, const char *path,
		  const char *where, struct tz_err *err)
{
	struct tz_merge *g;
	long t;

	if (r1 > r2)
		t = r1, r1 = r2, r2 = t;
	if (c1 > c2)
		t = c1, c1 = c2, c2 = t;
	if (r1 < 1 || c1 < 1 || r2 > (long)TZ_LIMIT_SHEET_ROWS || c2 > (long)TZ_LIMIT_SHEET_COLS)
		return TZ_EINVAL;
	if (r1 == r2 && c1 == c2)
		return 0;
	if (m->n >= TZ_LIMIT_MERGES)
		return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
				     "%s合并单元格区域超过%u个", where, TZ_LIMIT_MERGES);
	TZ_ALLOC_GROW(m->v, m->n + 1, m->alloc);
	/* Added in order (as readers that meet ranges while streaming do),
	 * the list stays sorted and applying need not start over. */
	if (m->n && (m->v[m->n - 1].r1 > (uint32_t)r1 ||
		     (m->v[m->n - 1].r1 == (uint32_t)r1 && m->v[m->n - 1].c1 > (uint32_t)c1)))
		m->sorted = 0;
	else if (!m->n)
		m->sorted = 1;
	g = &m->v[m->n++];
	memset(g, 0, sizeof(*g));
	g->r1 = (uint32_t)r1;
	g->r2 = (uint32_t)r2;
	g->c1 = (uint32_t)c1;
	g->c2 = (uint32_t)c2;
	return 0;
}

int tz_merges_add_ref(struct tz_merges *m, const char *ref, const char *path, const char *where,
		      struct tz_err *err)
{
	const char *colon = strchr(ref, ':');
	long c1, r1, c2, r2;

	if (!tz_a1_parse(ref, colon ? (size_t)(colon - ref) : strlen(ref), &c1, &r1))
		return TZ_EINVAL;
	if (!colon)
		return 0;
	if (!tz_a1_parse(colon + 1, strlen(colon + 1), &c2, &r2))
		return TZ_EINVAL;
	return tz_merges_add(m, r1, c1, r2, c2, path, where, err);
}

static int by_first_row(const void *a, const void *b)
{
	const struct tz_merge *x = a, *y = b;

	if (x->r1 != y->r1)
		return x->r1 < y->r1 ? -1 : 1;
	return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* Keep the top-left cell's content for the rows below. */
static int keep_origin(struct tz_merges *m, struct tz_merge *g, const struct tz_rowbuf *rb,
		       const char *path, const char *where, long line, struct tz_err *err)
{
	const char *text, *value;
	size_t len, vlen;
	unsigned char kind;

	g->seen = 1;
	if (!tz_rowbuf_get(rb, g->c1 - 1, &text, &len, &kind, &value, &vlen) ||
	    kind == TZ_READ_EMPTY)
		return 0;
	if (m->kept + len + vlen > TZ_LIMIT_DEFAULT)
		return tz_err_set_at(err, TZ_ETOOBIG, path, line, NULL,
				     "%s第%ld行：合并单元格的内容超过%u MB", where, line,
				     TZ_LIMIT_DEFAULT / (1024 * 1024));
	m->kept += len + vlen;
	g->text = tz_xmemdupz(text, len);
	g->len = len;
	g->kind = kind;
	if (value != text) {
		g->value = tz_xmemdupz(value, vlen);
		g->vlen = vlen;
	}
	return 0;
}

int tz_merges_apply(struct tz_merges *m, struct tz_rowbuf *rb, long line, size_t max_cols,
		    const char *path, const char *where, struct tz_err *err)
{
	size_t keep = 0;
	int rc;

	if (!m->n)
		return 0;
	if (!m->sorted) {
		qsort(m->v, m->n, sizeof(*m->v), by_first_row);
		m->sorted = 1;
		m->next = m->nactive = 0;
	}
	/* Drop the ranges that ended above, take in those that start here
	 * (or started in rows that never came). */
	for (size_t i = 0; i < m->nactive; i++)
		if (m->v[m->active[i]].r2 >= (uint32_t)line)
			m->active[keep++] = m->active[i];
	m->nactive = keep;
	for (; m->next < m->n && m->v[m->next].r1 <= (uint32_t)line; m->next++) {
		if (m->v[m->next].r2 < (uint32_t)line)
			continue;
		TZ_ALLOC_GROW(m->active, m->nactive + 1, m->aactive);
		m->active[m->nactive++] = m->next;
	}
	for (size_t i = 0; i < m->nactive; i++) {
		struct tz_merge *g = &m->v[m->active[i]];
		unsigned char fl = TZ_READ_MERGED;
		uint32_t last = g->c2;

		if (g->r2 > g->r1)
			fl |= TZ_READ_MERGE_DOWN;
		if (g->c2 > g->c1)
			fl |= TZ_READ_MERGE_ACROSS;
		if (g->r1 == (uint32_t)line &&
		    (rc = keep_origin(m, g, rb, path, where, line, err)))
			return rc;
		if (max_cols && last > max_cols)
			last = (uint32_t)max_cols;
		for (uint32_t c = g->c1; c <= last; c++) {
			if (c == g->c1 && g->r1 == (uint32_t)line) {
				tz_rowbuf_flag(rb, c - 1, fl);
				continue;
			}
			if (!g->text) {
				tz_rowbuf_flag(rb, c - 1, fl | TZ_READ_MERGE_COPY);
				continue;
			}
			if (++m->filled > TZ_LIMIT_MERGE_FILL)
				return tz_err_set_at(err, TZ_ETOOBIG, path, line, NULL,
						     "%s第%ld行：合并单元格展开后超过%u个单元格",
						     where, line, TZ_LIMIT_MERGE_FILL);
			if (tz_rowbuf_set(rb, c - 1, g->kind, g->text, g->len, g->value, g->vlen,
					  fl | TZ_READ_MERGE_COPY))
				return tz_err_set_at(err, TZ_ETOOBIG, path, line, NULL,
						     "%s第%ld行超过%u字节", where, line,
						     TZ_LIMIT_RECORD);
		}
	}
	return 0;
}
