/*
 * import.c: spreadsheet rows to validated records to the store, in one
 * transaction per file.
 *
 * Two threads share the work: a reading thread parses the file and
 * converts and validates each row with the core, handing chunks of
 * records (or reasons for rejecting them) through a small bounded queue;
 * the calling thread writes them to the store, which is never touched by
 * the reader. Reading and writing then overlap, and memory stays at a few
 * chunks whatever the file's size.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/hmap.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/money.h"
#include "core/org.h"
#include "intake/import.h"
#include "intake/reader.h"
#include "base/banned.h"

#define HEADER_SEARCH_ROWS 50  /* title rows allowed above the header */
#define MAX_FIELDS 16

/* Where each field of the record sits in the file's rows. */
struct colmap {
	const struct tz_column *cols;
	size_t nfields;
	int idx[MAX_FIELDS];       /* cell index, -1 if the file lacks it */
	int unit_exp[MAX_FIELDS];  /* money columns: the header's unit */
	int title_year;            /* a year named in a title row above the header */
	int year;                  /* projects: the year when no 年度 column gives it */
};

/* One row's cells, trimmed and NUL-terminated, by field. */
struct row_text {
	struct tz_buf scratch;
	const char *v[MAX_FIELDS];
	size_t len[MAX_FIELDS];
	int invisible;   /* cells of the row that held zero-width characters */
	int nul_field;   /* a field whose cell holds a NUL byte, or -1 */
};

/*
 * Remove in place the invisible characters people paste with text from
 * web pages and Word: zero-width space, joiners, marks (U+200B..U+200F),
 * word joiner (U+2060) and a BOM inside a cell (U+FEFF). They are never
 * meaningful in a ledger, and would make "P1" and "P1<U+200B>" two
 * different projects. Returns the new length.
 */
static size_t strip_invisible(char *s, size_t len)
{
	size_t r = 0, w = 0;

	while (r < len) {
		unsigned char a = (unsigned char)s[r];

		if (r + 2 < len && ((a == 0xE2 && (unsigned char)s[r + 1] == 0x80 &&
				     (unsigned char)s[r + 2] >= 0x8B && (unsigned char)s[r + 2] <= 0x8F) ||
				    (a == 0xE2 && (unsigned char)s[r + 1] == 0x81 &&
				     (unsigned char)s[r + 2] == 0xA0) ||
				    (a == 0xEF && (unsigned char)s[r + 1] == 0xBB &&
				     (unsigned char)s[r + 2] == 0xBF))) {
			r += 3;
			continue;
		}
		s[w++] = s[r++];
	}
	return w;
}

/* ------------------------------------------------------------------ */
/* Headers                                                             */

static int starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && !memcmp(s, prefix, n);
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && !memcmp(s + len - n, suffix, n);
}

/* The power of ten (relative to 万元) a unit word names, or 1 if none. */
static int unit_word(const char *s, size_t len)
{
	if (len == strlen("万元") && starts_with(s, len, "万元"))
		return 0;
	if (len == strlen("亿元") && starts_with(s, len, "亿元"))
		return 4;
	if (len == strlen("元") && starts_with(s, len, "元"))
		return -4;
	return 1;
}

int tz_column_key(const char *s, size_t len, struct tz_buf *out, int *unit_exp)
{
	struct tz_buf norm = TZ_BUF_INIT;
	const char *p;
	size_t n, start = 0;
	int rc, u;

	*unit_exp = 0;
	tz_buf_reset(out);
	if ((rc = tz_text_nfkc(s, len, &norm)))
		goto out;
	/* Drop all white space, even inside: "总 投 资". */
	for (p = norm.buf; p < norm.buf + norm.len;) {
		const char *q = p;
		size_t w;

		tz_utf8_next(&p, norm.buf + norm.len);
		w = (size_t)(p - q);
		if (!tz_text_is_blank(q, w) && (rc = tz_buf_add(out, q, w)))
			goto out;
	}
	p = out->buf;
	n = out->len;
	/* "2025年度计划投资", "2025年计划投资": the year is not the name. */
	while (start < n && start < 4 && p[start] >= '0' && p[start] <= '9')
		start++;
	if (start == 4 && starts_with(p + 4, n - 4, "年")) {
		start += strlen("年");
		if (starts_with(p + start, n - start, "度"))
			start += strlen("度");
		memmove(out->buf, out->buf + start, n - start);
		tz_buf_setlen(out, n - start);
		n = out->len;
	}
	/* A trailing unit: "(万元)" or a bare "万元". */
	if (n && p[n - 1] == ')') {
		const char *open = NULL;
		for (size_t i = n; i-- > 0;)
			if (p[i] == '(') {
				open = p + i;
				break;
			}
		if (open) {
			u = unit_word(open + 1, (size_t)(p + n - 1 - (open + 1)));
			if (u != 1)
				*unit_exp = u;
			tz_buf_setlen(out, (size_t)(open - p));
		}
	} else {
		static const char *const units[] = { "万元", "亿元" };
		for (size_t i = 0; i < 2; i++) {
			size_t ul = strlen(units[i]);
			if (n > ul && ends_with(p, n, units[i])) {
				*unit_exp = unit_word(p + n - ul, ul);
				tz_buf_setlen(out, n - ul);
				break;
			}
		}
	}
out:
	tz_buf_release(&norm);
	return rc;
}

/* Whether `key` is one of the "|"-separated names. */
static int name_matches(const char *names, const char *key, size_t klen)
{
	const char *p = names;

	while (*p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		if (n == klen && !memcmp(p, key, n))
			return 1;
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

/* Match a row as a header; returns how many known columns it names. */
static int match_header(const struct tz_row *row, struct colmap *m)
{
	struct tz_buf key = TZ_BUF_INIT;
	int found = 0;

	for (size_t f = 0; f < m->nfields; f++) {
		m->idx[f] = -1;
		m->unit_exp[f] = 0;
	}
	for (size_t i = 0; i < row->ncells; i++) {
		int unit;

		if (tz_column_key(row->cells[i], row->lens[i], &key, &unit) || !key.len)
			continue;
		for (size_t f = 0; f < m->nfields; f++) {
			if (m->idx[f] >= 0 || !name_matches(m->cols[f].names, key.buf, key.len))
				continue;
			m->idx[f] = (int)i;
			m->unit_exp[f] = unit;
			found++;
			break;
		}
	}
	tz_buf_release(&key);
	return found;
}

static int row_is_blank(const struct tz_row *row)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (!tz_text_is_blank(row->cells[i], row->lens[i]))
			return 0;
	return 1;
}

/*
 * Read rows until the header: the first row naming the code column and at
 * least two other known columns. Title rows and blank lines before it are
 * skipped. Then every required column must be present.
 */
static int find_header(struct tz_reader *r, const char *path, struct colmap *m,
		       struct tz_err *err)
{
	struct tz_row row;
	struct tz_buf missing = TZ_BUF_INIT;
	int rc, seen = 0;

	for (;;) {
		rc = tz_reader_next(r, &row, err);
		if (rc < 0)
			return rc;
		if (rc == 0 || ++seen > HEADER_SEARCH_ROWS)
			return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
					     "未找到表头：表头行应包含“%s”等列名",
					     m->cols[0].header);
		if (row_is_blank(&row))
			continue;
		if (match_header(&row, m) >= 3 && m->idx[0] >= 0)
			break;
		for (size_t i = 0; i < row.ncells && !m->title_year; i++)
			m->title_year = tz_year_in_text(row.cells[i], row.lens[i]);
	}
	for (size_t f = 0; f < m->nfields; f++)
		if (m->cols[f].required && m->idx[f] < 0)
			tz_buf_addf(&missing, "%s%s", missing.len ? "、" : "", m->cols[f].header);
	if (missing.len) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, row.line, NULL, "表头缺少必需的列：%s",
				   missing.buf);
		tz_buf_release(&missing);
		return rc;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static void take_cells(const struct tz_row *row, const struct colmap *m, struct row_text *t)
{
	size_t need = m->nfields;

	tz_buf_reset(&t->scratch);
	t->invisible = 0;
	t->nul_field = -1;
	for (size_t f = 0; f < m->nfields; f++)
		if (m->idx[f] >= 0 && (size_t)m->idx[f] < row->ncells)
			need += row->lens[m->idx[f]];
	/* One allocation up front, so the pointers below stay put. The
	 * reader already capped the record at TZ_LIMIT_RECORD. */
	t->scratch.max = need + 1;
	tz_buf_grow(&t->scratch, need);
	for (size_t f = 0; f < m->nfields; f++) {
		const char *s = "";
		size_t len = 0;

		if (m->idx[f] >= 0 && (size_t)m->idx[f] < row->ncells) {
			s = row->cells[m->idx[f]];
			len = row->lens[m->idx[f]];
			tz_text_trim(&s, &len);
			/* Our CSV export defuses text Excel would run as a
			 * formula with a leading apostrophe: take it off. */
			if (len >= 2 && s[0] == '\'' && strchr("=+-@", s[1])) {
				s++;
				len--;
			}
		}
		t->v[f] = t->scratch.buf + t->scratch.len;
		memcpy(t->scratch.buf + t->scratch.len, s, len);
		/* Most cells hold no 0xE2/0xEF byte at all: test before work. */
		if (len && (memchr(s, 0xE2, len) || memchr(s, 0xEF, len))) {
			size_t was = len;
			const char *v = t->scratch.buf + t->scratch.len;

			len = strip_invisible(t->scratch.buf + t->scratch.len, len);
			if (len != was) {
				t->invisible++;
				tz_text_trim(&v, &len);
				memmove(t->scratch.buf + t->scratch.len, v, len);
			}
		}
		if (len && t->nul_field < 0 && memchr(t->v[f], '\0', len))
			t->nul_field = (int)f;
		t->len[f] = len;
		t->scratch.buf[t->scratch.len + len] = '\0';
		t->scratch.len += len + 1;
	}
}

/* Turn a parser's reason into one naming the column and the value. */
static int bad_value(struct tz_err *err, const struct tz_column *col, const char *v, size_t len)
{
	char reason[sizeof(err->msg)];

	if (!len)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "%s为空", col->header);
	memcpy(reason, err->msg, sizeof(reason));
	return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "%s“%.*s”%s", col->header,
			     (int)(len > 80 ? 80 : len), v, reason);
}

static int money_field(const struct colmap *m, const struct row_text *t, int f, int64_t *out,
		       struct tz_err *err)
{
	if (!t->len[f] && !m->cols[f].required) {
		*out = 0;
		return 0;
	}
	if (!t->len[f])
		return bad_value(err, &m->cols[f], t->v[f], 0);
	if (tz_money_parse_in(t->v[f], t->len[f], m->unit_exp[f], out, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
	return 0;
}

/* 计划开工时间: a month, or a date of which the month counts. */
static int start_field(const struct colmap *m, const struct row_text *t, int f,
		       struct tz_period *out, struct tz_err *err)
{
	out->year = out->month = 0;
	if (!t->len[f])
		return 0;
	if (tz_period_parse(t->v[f], t->len[f], out, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
	return 0;
}

/* 年度: the row's own, or the file's; both given and different is an error. */
static int year_field(const struct colmap *m, const struct row_text *t, int *out,
		      struct tz_err *err)
{
	const struct tz_column *col = &m->cols[TZ_PF_YEAR];

	*out = m->year;
	if (!t->len[TZ_PF_YEAR]) {
		if (!m->year)
			return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header, "年度为空");
		return 0;
	}
	if (tz_year_parse(t->v[TZ_PF_YEAR], t->len[TZ_PF_YEAR], out, err))
		return bad_value(err, col, t->v[TZ_PF_YEAR], t->len[TZ_PF_YEAR]);
	if (m->year && *out != m->year)
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, col->header,
				     "年度%d与指定的台账年度%d不一致", *out, m->year);
	return 0;
}

static int to_project(const struct colmap *m, const struct row_text *t, struct tz_project *p,
		      struct tz_err *err)
{
	int rc;

	memset(p, 0, sizeof(*p));
	p->code = t->v[TZ_PF_CODE];
	p->name = t->v[TZ_PF_NAME];
	p->region = t->v[TZ_PF_REGION];
	p->category = t->v[TZ_PF_CATEGORY];
	p->level = t->v[TZ_PF_LEVEL];
	p->nature = t->v[TZ_PF_NATURE];
	p->owner = t->v[TZ_PF_OWNER];
	p->leader = t->v[TZ_PF_LEADER];
	p->unit = t->v[TZ_PF_UNIT];
	p->years = t->v[TZ_PF_YEARS];
	p->stage = t->v[TZ_PF_STAGE];
	/* No plan column, or an empty plan cell: no plan, never 0. */
	p->has_plan = t->len[TZ_PF_ANNUAL] > 0;
	if ((rc = year_field(m, t, &p->year, err)) ||
	    (rc = money_field(m, t, TZ_PF_TOTAL, &p->total, err)) ||
	    (rc = money_field(m, t, TZ_PF_ANNUAL, &p->annual, err)) ||
	    (rc = start_field(m, t, TZ_PF_START, &p->planned_start, err)))
		return rc;
	return tz_project_validate(p, err);
}

static int to_progress(const struct colmap *m, const struct row_text *t, struct tz_progress *r,
		       struct tz_err *err)
{
	const struct tz_column *cols = m->cols;
	int rc;

	memset(r, 0, sizeof(*r));
	r->code = t->v[TZ_RF_CODE];
	r->progress_text = t->v[TZ_RF_TEXT];
	r->problem = t->v[TZ_RF_PROBLEM];
	if (!t->len[TZ_RF_CODE])
		return tz_err_set_at(err, TZ_EINVAL, NULL, 0, cols[TZ_RF_CODE].header, "项目编号为空");
	if (tz_period_parse(t->v[TZ_RF_PERIOD], t->len[TZ_RF_PERIOD], &r->period, err))
		return bad_value(err, &cols[TZ_RF_PERIOD], t->v[TZ_RF_PERIOD], t->len[TZ_RF_PERIOD]);
	if ((rc = money_field(m, t, TZ_RF_COMPLETED, &r->completed, err)))
		return rc;
	if (tz_status_parse(t->v[TZ_RF_STATUS], t->len[TZ_RF_STATUS], &r->status, err))
		return bad_value(err, &cols[TZ_RF_STATUS], t->v[TZ_RF_STATUS], t->len[TZ_RF_STATUS]);
	return tz_progress_validate(r, err);
}

/* ------------------------------------------------------------------ */
/* The reading thread and its queue                                    */

#define CHUNK_ROWS 512
#define CHUNK_BYTES (TZ_LIMIT_RECORD + 64 * 1024) /* a whole row always fits */
#define NCHUNKS 4

/* One row as converted by the reader: a record, or why it was rejected. */
struct item {
	long line;
	int rejected;
	int invisible;       /* cells whose invisible characters were removed */
	const char *code;    /* rejected rows: their 项目编号 */
	const char *field;
	const char *reason;
	union {
		struct tz_project p;
		struct tz_progress r;
	} rec;
};

struct chunk {
	struct item items[CHUNK_ROWS];
	size_t n;
	char *bytes;   /* CHUNK_BYTES; strings of the items, never moved */
	size_t used;
	int last;      /* the reader has stopped after this chunk */
	int rc;        /* with last: 0 at the end of the file, or the error */
	struct tz_err err;
};

struct pipeline {
	/* Set before the thread starts, then only read by it. */
	struct tz_reader *reader;
	const char *path;
	const struct colmap *map;
	int progress;
	/* The queue. */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct chunk *free_[NCHUNKS], *full[NCHUNKS];
	size_t nfree, nfull;
	int cancel;    /* the writer gave up: stop reading */
	struct chunk chunks[NCHUNKS];
};

/* Copy a string into the chunk; NULL when it does not fit. */
static const char *keep(struct chunk *c, const char *s)
{
	size_t len = strlen(s) + 1;
	char *p;

	if (c->used + len > CHUNK_BYTES)
		return NULL;
	p = c->bytes + c->used;
	memcpy(p, s, len);
	c->used += len;
	return p;
}

/*
 * Make the item's strings the chunk's own (they point into the reader's
 * scratch buffer until then). -1 if the chunk is too full for them.
 */
static int keep_item(struct chunk *c, struct item *it, int progress)
{
	size_t used = c->used;
	int ok;

	if (it->rejected) {
		ok = (it->code = keep(c, it->code)) && (it->field = keep(c, it->field)) &&
		     (it->reason = keep(c, it->reason));
	} else if (progress) {
		struct tz_progress *r = &it->rec.r;

		ok = (r->code = keep(c, r->code)) && (r->progress_text = keep(c, r->progress_text)) &&
		     (r->problem = keep(c, r->problem));
	} else {
		struct tz_project *p = &it->rec.p;
		const char **f[] = { &p->code, &p->name, &p->region, &p->category, &p->level,
				     &p->nature, &p->owner, &p->leader, &p->unit, &p->years,
				     &p->stage };

		ok = 1;
		for (size_t i = 0; ok && i < sizeof(f) / sizeof(f[0]); i++)
			ok = (*f[i] = keep(c, *f[i])) != NULL;
	}
	if (!ok)
		c->used = used;
	return ok ? 0 : -1;
}

/* Convert one row into an item; strings still borrowed from `t`. */
static void convert(const struct pipeline *pl, const struct tz_row *row, struct row_text *t,
		    struct item *it, struct tz_err *why)
{
	int rc;

	memset(it, 0, sizeof(*it));
	it->line = row->line;
	tz_err_clear(why);
	take_cells(row, pl->map, t);
	it->invisible = t->invisible;
	if (t->nul_field >= 0)
		/* A NUL would end the text early: the cell is not what it shows. */
		rc = tz_err_set_at(why, TZ_EINVAL, NULL, 0, pl->map->cols[t->nul_field].header,
				   "%s含有空字符（NUL），文件可能已损坏",
				   pl->map->cols[t->nul_field].header);
	else
		rc = pl->progress ? to_progress(pl->map, t, &it->rec.r, why)
				  : to_project(pl->map, t, &it->rec.p, why);
	if (rc) {
		it->rejected = 1;
		it->code = t->v[0];
		it->field = why->field;
		it->reason = why->msg;
	}
}

static struct chunk *take_free(struct pipeline *pl)
{
	struct chunk *c = NULL;

	pthread_mutex_lock(&pl->lock);
	while (!pl->nfree && !pl->cancel)
		pthread_cond_wait(&pl->changed, &pl->lock);
	if (!pl->cancel)
		c = pl->free_[--pl->nfree];
	pthread_mutex_unlock(&pl->lock);
	if (c) {
		c->n = 0;
		c->used = 0;
		c->last = 0;
	}
	return c;
}

static void put_full(struct pipeline *pl, struct chunk *c)
{
	pthread_mutex_lock(&pl->lock);
	pl->full[pl->nfull++] = c;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
}

/* The writer's side: the next chunk in file order. */
static struct chunk *take_full(struct pipeline *pl)
{
	struct chunk *c;

	pthread_mutex_lock(&pl->lock);
	while (!pl->nfull)
		pthread_cond_wait(&pl->changed, &pl->lock);
	c = pl->full[0];
	memmove(pl->full, pl->full + 1, --pl->nfull * sizeof(pl->full[0]));
	pthread_mutex_unlock(&pl->lock);
	return c;
}

static void put_free(struct pipeline *pl, struct chunk *c)
{
	pthread_mutex_lock(&pl->lock);
	pl->free_[pl->nfree++] = c;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
}

/* The reading thread: rows to chunks of items until the end or an error. */
static void *read_rows(void *arg)
{
	struct pipeline *pl = arg;
	struct row_text t;
	struct tz_row row;
	struct tz_err why;
	struct item it;
	struct chunk *c = take_free(pl);
	int rc = 0;

	memset(&t, 0, sizeof(t));
	tz_buf_init(&t.scratch, 0);
	while (c && (rc = tz_reader_next(pl->reader, &row, &c->err)) > 0) {
		if (row_is_blank(&row))
			continue;
		convert(pl, &row, &t, &it, &why);
		if (c->n == CHUNK_ROWS || keep_item(c, &it, pl->progress)) {
			put_full(pl, c);
			if (!(c = take_free(pl)))
				break;
			if (keep_item(c, &it, pl->progress)) {
				/* A row is capped well below CHUNK_BYTES. */
				rc = tz_err_set(&c->err, TZ_EINTERNAL, "row too large for a chunk");
				break;
			}
		}
		c->items[c->n++] = it;
	}
	tz_buf_release(&t.scratch);
	if (c) {
		c->last = 1;
		c->rc = rc < 0 ? rc : 0;
		put_full(pl, c);
	}
	return NULL;
}

static void pipeline_init(struct pipeline *pl)
{
	memset(pl, 0, sizeof(*pl));
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->changed, NULL);
	for (int i = 0; i < NCHUNKS; i++) {
		pl->chunks[i].bytes = tz_xmalloc(CHUNK_BYTES);
		pl->free_[pl->nfree++] = &pl->chunks[i];
	}
}

/* Stop the reader (if still running) and wait for it. */
static void pipeline_stop(struct pipeline *pl, pthread_t thread)
{
	pthread_mutex_lock(&pl->lock);
	pl->cancel = 1;
	pthread_cond_broadcast(&pl->changed);
	pthread_mutex_unlock(&pl->lock);
	pthread_join(thread, NULL);
}

static void pipeline_release(struct pipeline *pl)
{
	for (int i = 0; i < NCHUNKS; i++)
		free(pl->chunks[i].bytes);
	pthread_cond_destroy(&pl->changed);
	pthread_mutex_destroy(&pl->lock);
}

/* ------------------------------------------------------------------ */
/* Regions and units against the organisation tree                     */

struct org_ctx {
	struct tz_store *store;
	struct tz_org_index *x;
	struct tz_hmap *seen;    /* names as written (want byte first) -> node id */
	int building;            /* the store had no tree: build it from this ledger */
	struct tz_buf created;   /* "名称（编码）、…" of the nodes made */
	long ncreated;
	struct tz_buf key;
};

/* A name without its trailing 市, 县 or 区, for telling "盖州" from "盖州市". */
static size_t stem_len(const char *s)
{
	static const char *const suffixes[] = { "市", "县", "区" };
	size_t n = strlen(s);

	for (size_t i = 0; i < 3; i++) {
		size_t l = strlen(suffixes[i]);
		if (n > l && !memcmp(s + n - l, suffixes[i], l))
			return n - l;
	}
	return n;
}

/* A node made while building: the same name but for its suffix ("盖州"
 * after "盖州市", or before it) is the same node. */
static const struct tz_org_node *same_stem(struct org_ctx *oc, const char *folded,
					   enum tz_org_want want)
{
	struct tz_buf other = TZ_BUF_INIT;
	const struct tz_org_node *hit = NULL;
	size_t n = stem_len(folded);

	for (size_t i = 0; i < tz_org_index_count(oc->x) && !hit; i++) {
		const struct tz_org_node *node = tz_org_index_at(oc->x, i);

		if (want == TZ_ORG_WANT_REGION ? !tz_org_kind_is_region(node->kind)
					       : node->kind != TZ_ORG_DEPARTMENT)
			continue;
		if (tz_org_norm(node->name, strlen(node->name), &other))
			continue;
		if (stem_len(other.buf) == n && !memcmp(other.buf, folded, n))
			hit = node;
	}
	tz_buf_release(&other);
	return hit;
}

/* Store a node made from the ledger, under the root (made first). */
static int create_node(struct org_ctx *oc, const char *name, enum tz_org_kind kind,
		       const char *aliases, const struct tz_org_node **out, struct tz_err *err)
{
	struct tz_org_node n = { 0 };
	char code[TZ_ORG_CODE_MAX + 1];
	int64_t id;
	int rc;

	if (!tz_org_index_root(oc->x) && kind != TZ_ORG_CITY) {
		const struct tz_org_node *root;

		if ((rc = create_node(oc, "全市", TZ_ORG_CITY, "", &root, err)))
			return rc;
	}
	n.kind = kind;
	n.code = tz_org_index_new_code(oc->x, kind, code);
	n.name = name;
	n.parent = kind == TZ_ORG_CITY ? "" : tz_org_index_root(oc->x)->code;
	n.aliases = aliases;
	if ((rc = tz_org_index_add(oc->x, &n, err)) ||
	    (rc = tz_store_import_org(oc->store, &n, &id, err)))
		return rc;
	tz_org_index_set_id(oc->x, n.code, id);
	*out = tz_org_index_by_code(oc->x, n.code);
	if (kind != TZ_ORG_CITY) {
		tz_buf_addf(&oc->created, "%s%s（%s）", oc->ncreated ? "、" : "", name, n.code);
		oc->ncreated++;
	}
	return 0;
}

/*
 * The node a region or unit cell names. Unknown names are row errors
 * that suggest the nearest node (ledger.md); while building the tree from
 * the first ledger they become nodes. TZ_ENOTFOUND for a row error.
 */
static int resolve_one(struct org_ctx *oc, const char *name, enum tz_org_want want,
		       const char *header, const struct tz_org_node **out, struct tz_err *err)
{
	const struct tz_org_node *n, *near;
	size_t len = strlen(name);
	char key[TZ_ORG_NAME_MAX + 2];
	int64_t id;
	int rc;

	/* The same few names come on every row: remember them as written,
	 * so that folding (NFKC) runs once per name, not once per row. */
	if (len <= TZ_ORG_NAME_MAX) {
		key[0] = (char)('0' + want);
		memcpy(key + 1, name, len);
		if (tz_hmap_get(oc->seen, key, len + 1, &id) && (*out = tz_org_index_by_id(oc->x, id)))
			return 0;
	}
	n = tz_org_index_find(oc->x, name, len, want);
	*out = n;
	if (n) {
		if (len <= TZ_ORG_NAME_MAX)
			tz_hmap_put(oc->seen, key, len + 1, n->id, NULL);
		return 0;
	}
	if (!oc->building) {
		near = tz_org_index_suggest(oc->x, name, strlen(name), want);
		if (near)
			return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
					     "%s“%s”不存在，是否为“%s”？", header, name, near->name);
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”不在组织机构中（用 taizhang org list 查看，"
				     "taizhang org import 补充）", header, name);
	}
	if (tz_org_norm(name, strlen(name), &oc->key) || !oc->key.len)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header, "%s“%s”无效", header, name);
	near = same_stem(oc, oc->key.buf, want);
	if (near)
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header,
				     "%s“%s”与“%s”只差“市/县/区”，是否为“%s”？请统一写法", header,
				     name, near->name, near->name);
	rc = create_node(oc, name, want == TZ_ORG_WANT_REGION ? tz_org_kind_guess(name)
							      : TZ_ORG_DEPARTMENT, "", out, err);
	if (rc == TZ_EEXIST || rc == TZ_EINVAL) {
		tz_err_locate(err, NULL, 0);
		return tz_err_set_at(err, TZ_ENOTFOUND, NULL, 0, header, "%s“%s”：%s", header, name,
				     err->msg);
	}
	return rc;
}

static int resolve_org(struct org_ctx *oc, struct tz_project *p, struct tz_err *err)
{
	const struct tz_org_node *n;
	int rc;

	if ((rc = resolve_one(oc, p->region, TZ_ORG_WANT_REGION, "所属地区", &n, err)))
		return rc;
	p->region_id = n->id;
	p->region = n->name;
	p->unit_id = 0;
	if (!*p->unit)
		return 0;
	if ((rc = resolve_one(oc, p->unit, TZ_ORG_WANT_UNIT, "责任单位", &n, err)))
		return rc;
	p->unit_id = n->id;
	p->unit = n->name;
	return 0;
}

/* ------------------------------------------------------------------ */
/* The writer                                                          */

static void reject(const struct tz_import_opts *opts, const char *path, const struct item *it,
		   const char *code, const char *field, const char *reason)
{
	struct tz_import_reject rej = { path, it->line, code ? code : "", field ? field : "",
					reason };

	if (opts->reject)
		opts->reject(opts->ctx, &rej);
}

/*
 * Write one chunk's items to the store. Rows the store refuses (unknown
 * project, duplicate) are rejected like invalid ones; any other store
 * error stops the import. Returns 0 or that error.
 */
static int write_chunk(struct tz_store *store, const struct pipeline *pl, struct chunk *c,
		       struct org_ctx *oc, const struct tz_import_opts *opts,
		       struct tz_import_result *res, struct tz_err *err)
{
	for (size_t i = 0; i < c->n; i++) {
		struct item *it = &c->items[i];
		struct tz_err why;
		int rc;

		res->rows++;
		res->invisible += it->invisible;
		if (it->rejected) {
			res->rejected++;
			reject(opts, pl->path, it, it->code, it->field, it->reason);
			continue;
		}
		tz_err_clear(&why);
		if (pl->progress) {
			rc = tz_store_import_progress(store, &it->rec.r, &why);
		} else {
			rc = resolve_org(oc, &it->rec.p, &why);
			if (!rc)
				rc = tz_store_import_project(store, &it->rec.p, &why);
			if (!rc && !it->rec.p.has_plan)
				res->unplanned++;
		}
		if (rc == TZ_EEXIST || rc == TZ_ENOTFOUND) {
			res->rejected++;
			reject(opts, pl->path, it, pl->progress ? it->rec.r.code : it->rec.p.code,
			       why.field, why.msg);
			continue;
		}
		if (rc) {
			*err = why;
			tz_err_locate(err, pl->path, it->line);
			return rc;
		}
		res->accepted++;
	}
	return 0;
}

void tz_import_result_release(struct tz_import_result *res)
{
	free(res->org_created_names);
	res->org_created_names = NULL;
}

/* The ledger's year for rows without a 年度 cell: --year, else the title. */
static int ledger_year(struct colmap *m, const struct tz_import_opts *opts, const char *path,
		       struct tz_import_result *res, struct tz_err *err)
{
	if (m->idx[TZ_PF_YEAR] >= 0) {
		res->year_source = TZ_YEAR_COLUMN;
		m->year = opts->year; /* rows must agree with --year if given */
	} else if (opts->year) {
		res->year_source = TZ_YEAR_OPTION;
		m->year = opts->year;
	} else if (m->title_year) {
		res->year_source = TZ_YEAR_TITLE;
		m->year = m->title_year;
	} else {
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不知道这是哪一年的台账：表中没有“年度”列，标题中也没有年份"
				     "（如“2025年重点项目台账”）；请用 --year 指定年度");
	}
	res->year = m->year;
	return 0;
}

int tz_import_file(struct tz_store *store, enum tz_import_kind kind, const char *path,
		   const struct tz_import_opts *opts, struct tz_import_result *res,
		   struct tz_err *err)
{
	struct tz_reader *r = NULL;
	struct colmap m;
	struct pipeline pl;
	struct tz_import_stats stats;
	struct org_ctx oc;
	pthread_t thread;
	int progress = kind == TZ_IMPORT_PROGRESS, rc, open = 0, running = 0, last = 0;

	memset(res, 0, sizeof(*res));
	memset(&m, 0, sizeof(m));
	memset(&oc, 0, sizeof(oc));
	tz_buf_init(&oc.created, 0);
	tz_buf_init(&oc.key, 0);
	pipeline_init(&pl);
	m.cols = progress ? tz_progress_columns : tz_project_columns;
	m.nfields = progress ? TZ_RF_COUNT : TZ_PF_COUNT;

	if ((rc = tz_reader_open(&r, path, err)))
		goto out;
	if ((rc = find_header(r, path, &m, err)))
		goto out;
	if (!progress) {
		if ((rc = ledger_year(&m, opts, path, res, err)))
			goto out;
		oc.store = store;
		oc.x = tz_org_index_new();
		oc.seen = tz_hmap_new();
		if ((rc = tz_store_org_load(store, oc.x, err)))
			goto out;
		oc.building = tz_org_index_count(oc.x) == 0;
	}
	if ((rc = tz_store_import_begin(store, kind, path, err)))
		goto out;
	open = 1;

	pl.reader = r;
	pl.path = path;
	pl.map = &m;
	pl.progress = progress;
	if (pthread_create(&thread, NULL, read_rows, &pl)) {
		rc = tz_err_set(err, TZ_EINTERNAL, "无法创建读取线程");
		goto out;
	}
	running = 1;
	while (!last) {
		struct chunk *c = take_full(&pl);

		rc = write_chunk(store, &pl, c, &oc, opts, res, err);
		last = c->last;
		if (!rc && last && c->rc) {
			*err = c->err;
			rc = c->rc;
		}
		put_free(&pl, c);
		if (rc)
			goto out;
	}
	pthread_join(thread, NULL);
	running = 0;

	if (res->rejected && !opts->partial) {
		rc = tz_err_set_at(err, TZ_EREJECTED, path, 0, NULL,
				   "%ld行有错误，整个文件未导入（使用 --partial 只导入正确的行）",
				   res->rejected);
		goto out;
	}
	if ((rc = tz_store_import_commit(store, &stats, err)))
		goto out;
	open = 0;
	res->added = stats.added;
	res->replaced = stats.replaced;
	res->committed = 1;
	res->org_created = oc.ncreated;
	res->org_created_names = tz_buf_detach(&oc.created, NULL);
out:
	if (running)
		pipeline_stop(&pl, thread);
	if (open)
		tz_store_import_abort(store);
	tz_reader_close(r);
	pipeline_release(&pl);
	tz_org_index_free(oc.x);
	tz_hmap_free(oc.seen);
	tz_buf_release(&oc.created);
	tz_buf_release(&oc.key);
	return rc;
}
