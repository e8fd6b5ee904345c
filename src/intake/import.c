/*
 * import.c: spreadsheet rows to validated records to the store, in one
 * transaction per file.
 */
#include <string.h>

#include "base/buf.h"
#include "base/text.h"
#include "core/money.h"
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
};

/* One row's cells, trimmed and NUL-terminated, by field. */
struct row_text {
	struct tz_buf scratch;
	const char *v[MAX_FIELDS];
	size_t len[MAX_FIELDS];
};

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
		}
		t->v[f] = t->scratch.buf + t->scratch.len;
		t->len[f] = len;
		tz_buf_add(&t->scratch, s, len);
		tz_buf_addch(&t->scratch, '\0');
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
	if (tz_money_parse_in(t->v[f], t->len[f], m->unit_exp[f], out, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
	return 0;
}

/* 计划开工时间 may be a month or a whole date ("2024-10-15"). */
static int start_field(const struct colmap *m, const struct row_text *t, int f,
		       struct tz_period *out, struct tz_err *err)
{
	const char *s = t->v[f];
	size_t len = t->len[f], seps = 0;

	out->year = out->month = 0;
	if (!len)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-' || s[i] == '/' || s[i] == '.') {
			if (++seps == 2) {
				len = i;
				break;
			}
		}
	}
	if (tz_period_parse(s, len, out, err))
		return bad_value(err, &m->cols[f], t->v[f], t->len[f]);
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
	if ((rc = money_field(m, t, TZ_PF_TOTAL, &p->total, err)) ||
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

static void reject(const struct tz_import_opts *opts, const char *path, long line,
		   const char *code, const struct tz_err *why)
{
	struct tz_import_reject rej = { path, line, code ? code : "", why->field, why->msg };

	if (opts->reject)
		opts->reject(opts->ctx, &rej);
}

int tz_import_file(struct tz_store *store, enum tz_import_kind kind, const char *path,
		   const struct tz_import_opts *opts, struct tz_import_result *res,
		   struct tz_err *err)
{
	struct tz_reader *r = NULL;
	struct colmap m;
	struct row_text t;
	struct tz_row row;
	struct tz_import_stats stats;
	int progress = kind == TZ_IMPORT_PROGRESS, rc, open = 0;

	memset(res, 0, sizeof(*res));
	memset(&m, 0, sizeof(m));
	memset(&t, 0, sizeof(t));
	tz_buf_init(&t.scratch, 0);
	m.cols = progress ? tz_progress_columns : tz_project_columns;
	m.nfields = progress ? TZ_RF_COUNT : TZ_PF_COUNT;

	if ((rc = tz_reader_open(&r, path, err)))
		goto fail;
	if ((rc = find_header(r, path, &m, err)))
		goto fail;
	if ((rc = tz_store_import_begin(store, kind, path, err)))
		goto fail;
	open = 1;

	while ((rc = tz_reader_next(r, &row, err)) > 0) {
		struct tz_err why;
		struct tz_project p;
		struct tz_progress rep;

		if (row_is_blank(&row))
			continue;
		res->rows++;
		tz_err_clear(&why);
		take_cells(&row, &m, &t);
		if (progress) {
			rc = to_progress(&m, &t, &rep, &why);
			if (!rc)
				rc = tz_store_import_progress(store, &rep, &why);
		} else {
			rc = to_project(&m, &t, &p, &why);
			if (!rc)
				rc = tz_store_import_project(store, &p, &why);
		}
		if (rc == TZ_EINVAL || rc == TZ_EEXIST || rc == TZ_ENOTFOUND) {
			res->rejected++;
			reject(opts, path, row.line, t.v[0], &why);
			continue;
		}
		if (rc) {
			*err = why;
			tz_err_locate(err, path, row.line);
			goto fail;
		}
		res->accepted++;
	}
	if (rc < 0)
		goto fail;
	if (res->rejected && !opts->partial) {
		tz_store_import_abort(store);
		open = 0;
		rc = tz_err_set_at(err, TZ_EREJECTED, path, 0, NULL,
				   "%ld行有错误，整个文件未导入（使用 --partial 只导入正确的行）",
				   res->rejected);
		goto fail;
	}
	if ((rc = tz_store_import_commit(store, &stats, err)))
		goto fail;
	open = 0;
	res->added = stats.added;
	res->replaced = stats.replaced;
	res->committed = 1;
	tz_reader_close(r);
	tz_buf_release(&t.scratch);
	return 0;
fail:
	if (open)
		tz_store_import_abort(store);
	tz_reader_close(r);
	tz_buf_release(&t.scratch);
	return rc;
}
