/*
 * ahead.c: a reader's rows read ahead by a thread of their own (ahead.h).
 *
 * The thread copies each row tz_reader_next gives into a block (the
 * reader's row is only good until its next call); a full block, or the
 * last one with the reader's end or error, goes to the consumer in
 * order. Three blocks go round: one being filled, one being read, one
 * waiting, so neither side waits while the other has work.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/ahead.h"
#include "base/banned.h"

#define AHEAD_ROWS 512
#define AHEAD_BYTES (256u << 10)  /* a block is handed over past this many bytes */
#define AHEAD_BLOCKS 3

/* Where a row's cells are in its block: filled by the thread, made into
 * the tz_row's pointers when the block is handed over (block_seal). */
struct row_at {
	size_t first;     /* its first cell in the block's arrays */
	size_t ncells;
	long line;
	int hidden;
	unsigned char suspect;
	size_t width;
};

struct block {
	struct row_at at[AHEAD_ROWS];
	struct tz_row rows[AHEAD_ROWS];
	size_t n;                 /* rows */
	size_t next;              /* the consumer's next row */
	/* The cells of all its rows: offsets of text and value in bytes
	 * (a value that is the cell's own text shares its offset), then
	 * the pointers block_seal makes of them. */
	size_t *coff, *voff, *lens;
	unsigned char *kinds, *flags;
	const char **cellp, **valp;
	size_t ncells, acells;
	struct tz_buf bytes;
	int last;                 /* the reader's end or error follows the rows */
	int rc;                   /* with last: 0 at the end, or the error */
	struct tz_err err;
};

struct tz_ahead {
	struct tz_reader *r;
	pthread_t thread;
	int threaded;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct block blocks[AHEAD_BLOCKS];
	struct block *empty[AHEAD_BLOCKS], *ready[AHEAD_BLOCKS];
	size_t nempty, nready;
	int cancel;
	struct block *cur;        /* the consumer's, or NULL */
	int ended;                /* the consumer has met the end or error */
	int end_rc;
	struct tz_err end_err;
};

static void block_reset(struct block *b)
{
	b->n = b->next = b->ncells = 0;
	b->last = b->rc = 0;
	tz_buf_reset(&b->bytes);
}

static void block_free(struct block *b)
{
	free(b->coff);
	free(b->voff);
	free(b->lens);
	free(b->kinds);
	free(b->flags);
	free(b->cellp);
	free(b->valp);
	tz_buf_release(&b->bytes);
}

/* Copy `len` bytes at s and a NUL into b's bytes: their offset. Rows are
 * capped by the readers (TZ_LIMIT_RECORD), so a block holds what it is
 * given; out of memory ends the process, as any allocation here. */
static size_t keep_bytes(struct block *b, const char *s, size_t len)
{
	size_t at = b->bytes.len;

	if (tz_buf_add(&b->bytes, s, len) || tz_buf_add(&b->bytes, "", 1))
		tz_die_oom(b->bytes.len + len + 1);
	return at;
}

/* Append a copy of row to b. */
static void block_add(struct block *b, const struct tz_row *row)
{
	struct row_at *a = &b->at[b->n++];
	size_t want = b->ncells + row->ncells;

	if (want > b->acells) {
		size_t n = b->acells;

		TZ_ALLOC_GROW(b->coff, want, n);
		b->voff = tz_xrealloc(b->voff, tz_st_mult(n, sizeof(*b->voff)));
		b->lens = tz_xrealloc(b->lens, tz_st_mult(n, sizeof(*b->lens)));
		b->kinds = tz_xrealloc(b->kinds, n);
		b->flags = tz_xrealloc(b->flags, n);
		b->cellp = tz_xrealloc(b->cellp, tz_st_mult(n, sizeof(*b->cellp)));
		b->valp = tz_xrealloc(b->valp, tz_st_mult(n, sizeof(*b->valp)));
		b->acells = n;
	}
	a->first = b->ncells;
	a->ncells = row->ncells;
	a->line = row->line;
	a->hidden = row->hidden;
	a->suspect = row->suspect;
	a->width = row->width;
	for (size_t i = 0; i < row->ncells; i++) {
		size_t k = b->ncells++;
		const char *value = row->values ? row->values[i] : row->cells[i];

		b->lens[k] = row->lens[i];
		b->kinds[k] = row->kinds[i];
		b->flags[k] = row->flags ? row->flags[i] : 0;
		b->coff[k] = keep_bytes(b, row->cells[i], row->lens[i]);
		b->voff[k] = value == row->cells[i] ? b->coff[k] : keep_bytes(b, value, strlen(value));
	}
}

/* Make the rows' pointers: the bytes no longer move. */
static void block_seal(struct block *b)
{
	for (size_t k = 0; k < b->ncells; k++) {
		b->cellp[k] = b->bytes.buf + b->coff[k];
		b->valp[k] = b->bytes.buf + b->voff[k];
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct row_at *a = &b->at[i];
		struct tz_row *row = &b->rows[i];

		row->ncells = a->ncells;
		row->cells = b->cellp + a->first;
		row->values = b->valp + a->first;
		row->lens = b->lens + a->first;
		row->kinds = b->kinds + a->first;
		row->flags = b->flags + a->first;
		row->line = a->line;
		row->hidden = a->hidden;
		row->suspect = a->suspect;
		row->width = a->width;
	}
}

/* The thread's side: an empty block, or NULL when stopped. */
static struct block *take_empty(struct tz_ahead *a)
{
	struct block *b = NULL;

	pthread_mutex_lock(&a->lock);
	while (!a->nempty && !a->cancel)
		pthread_cond_wait(&a->changed, &a->lock);
	if (!a->cancel)
		b = a->empty[--a->nempty];
	pthread_mutex_unlock(&a->lock);
	return b;
}

static void put_ready(struct tz_ahead *a, struct block *b)
{
	pthread_mutex_lock(&a->lock);
	a->ready[a->nready++] = b;
	pthread_cond_broadcast(&a->changed);
	pthread_mutex_unlock(&a->lock);
}

static void *read_ahead(void *arg)
{
	struct tz_ahead *a = arg;
	struct block *b;

	while ((b = take_empty(a))) {
		struct tz_row row;
		int rc = 0;

		block_reset(b);
		while (b->n < AHEAD_ROWS && b->bytes.len < AHEAD_BYTES) {
			if ((rc = tz_reader_next(a->r, &row, &b->err)) <= 0)
				break;
			block_add(b, &row);
		}
		block_seal(b);
		if (rc <= 0) {
			b->last = 1;
			b->rc = rc;
		}
		put_ready(a, b);
		if (rc <= 0)
			break;
	}
	return NULL;
}

struct tz_ahead *tz_ahead_start(struct tz_reader *r, const struct tz_row *first)
{
	struct tz_ahead *a = tz_xcalloc(1, sizeof(*a));

	a->r = r;
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->changed, NULL);
	for (int i = 0; i < AHEAD_BLOCKS; i++) {
		tz_buf_init(&a->blocks[i].bytes, 0);
		a->empty[a->nempty++] = &a->blocks[i];
	}
	if (first) {
		struct block *b = a->empty[--a->nempty];

		block_reset(b);
		block_add(b, first);
		block_seal(b);
		a->ready[a->nready++] = b;
	}
	a->threaded = !pthread_create(&a->thread, NULL, read_ahead, a);
	return a;
}

/* The consumer's side: the next block in order (never NULL while the
 * thread runs: it hands over a last block before it stops). */
static struct block *take_ready(struct tz_ahead *a)
{
	struct block *b;

	pthread_mutex_lock(&a->lock);
	while (!a->nready)
		pthread_cond_wait(&a->changed, &a->lock);
	b = a->ready[0];
	memmove(a->ready, a->ready + 1, --a->nready * sizeof(a->ready[0]));
	pthread_mutex_unlock(&a->lock);
	return b;
}

static void put_empty(struct tz_ahead *a, struct block *b)
{
	pthread_mutex_lock(&a->lock);
	a->empty[a->nempty++] = b;
	pthread_cond_broadcast(&a->changed);
	pthread_mutex_unlock(&a->lock);
}

int tz_ahead_next(struct tz_ahead *a, struct tz_row *row, struct tz_err *err)
{
	while (!a->ended) {
		struct block *b = a->cur;

		if (b && b->next < b->n) {
			*row = b->rows[b->next++];
			return 1;
		}
		if (b && b->last) {
			a->ended = 1;
			a->end_rc = b->rc;
			a->end_err = b->err;
			break;
		}
		if (b)
			put_empty(a, b);
		a->cur = NULL;
		if (!a->threaded && !a->nready) {
			/* No thread: the reader itself, after the first row. */
			int rc = tz_reader_next(a->r, row, err);

			if (rc <= 0) {
				a->ended = 1;
				a->end_rc = rc;
				if (rc < 0 && err)
					a->end_err = *err;
			}
			return rc;
		}
		a->cur = take_ready(a);
	}
	if (a->end_rc < 0 && err)
		*err = a->end_err;
	return a->end_rc;
}

void tz_ahead_stop(struct tz_ahead *a)
{
	if (!a)
		return;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		a->cancel = 1;
		pthread_cond_broadcast(&a->changed);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->thread, NULL);
	}
	for (int i = 0; i < AHEAD_BLOCKS; i++)
		block_free(&a->blocks[i]);
	pthread_cond_destroy(&a->changed);
	pthread_mutex_destroy(&a->lock);
	free(a);
}
