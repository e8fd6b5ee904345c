/*
 * json.c: the bulletin as JSON, in exactly the shape of ledger.md: money
 * as decimal strings in 万元 with two decimals, rates as numbers with at
 * most four decimals, null where a group has no plan (no rate, no rank)
 * or no rank change.
 */
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/limits.h"
#include "core/money.h"
#include "report/writer.h"
#include "base/banned.h"

static void money(struct tz_json *j, const char *key, int64_t v)
{
	char buf[TZ_MONEY_FMT_MAX];

	tz_json_kv_str(j, key, tz_money_fmt(v, buf));
}

static void rate(struct tz_json *j, const char *key, int32_t v)
{
	char buf[16];

	tz_json_kv_number(j, key, tz_bulletin_rate_json(v, buf));
}

static void figures(struct tz_json *j, const struct tz_bulletin_group *g)
{
	tz_json_kv_int(j, "projects", g->projects);
	money(j, "total_investment", g->total);
	money(j, "annual_plan", g->annual);
	money(j, "ytd_completed", g->ytd);
	if (g->has_rate) {
		rate(j, "completion_rate", g->completion_rate);
	} else {
		tz_json_key(j, "completion_rate");
		tz_json_null(j);
	}
	tz_json_kv_int(j, "started", g->started);
	rate(j, "start_rate", g->start_rate);
}

static void reporting(struct tz_json *j, const struct tz_bulletin_group *g)
{
	tz_json_kv_int(j, "reported", g->reported);
	tz_json_kv_int(j, "not_reported", g->not_reported);
	money(j, "ytd_completed_unplanned", g->ytd_unplanned);
}

static void group(struct tz_json *j, const struct tz_bulletin_group *g)
{
	tz_json_object_begin(j);
	tz_json_kv_str(j, "key", g->key);
	figures(j, g);
	tz_json_key(j, "rank");
	if (g->has_rate)
		tz_json_int(j, g->rank);
	else
		tz_json_null(j);
	tz_json_key(j, "rank_change");
	if (g->has_rank_change)
		tz_json_int(j, g->rank_change);
	else
		tz_json_null(j);
	tz_json_kv_bool(j, "below_average", g->below_average);
	reporting(j, g);
	tz_json_object_end(j);
}

typedef int keep_fn(void *ctx, const char *region, const char *unit, const char *leader);

/* One lagging entry through the general writer. */
static void lag_object(struct tz_json *j, const struct tz_bulletin_lag *l)
{
	tz_json_object_begin(j);
	tz_json_kv_str(j, "code", l->code);
	tz_json_kv_str(j, "name", l->name);
	tz_json_kv_str(j, "region", l->region);
	money(j, "annual_plan", l->annual);
	money(j, "ytd_completed", l->ytd);
	rate(j, "ratio", l->ratio);
	tz_json_kv_str(j, "leader", l->leader);
	tz_json_kv_str(j, "unit", l->unit);
	tz_json_kv_str(j, "problem", l->problem);
	tz_json_object_end(j);
}

/*
 * Append `lead` then v quoted at d, in room the caller reserved (`room` bytes
 * from e->len, enough for every member left):
 * one copy when v needs no escape (the usual case: `plain` when the
 * bulletin knows it, else scanned), else tz_json_quote,
 * after which `room` is reserved again. NULL when the buffer's cap is
 * reached (*rc set).
 */
static char *put_member(struct tz_buf *e, char *d, const char *lead, size_t lead_len,
			const char *v, size_t len, int plain, size_t room, int *rc)
{
	memcpy(d, lead, lead_len);
	d += lead_len;
	if (plain || tz_json_plain(v, len)) {
		*d++ = '"';
		memcpy(d, v, len);
		d += len;
		*d++ = '"';
		return d;
	}
	e->len = (size_t)(d - e->buf);
	if ((*rc = tz_json_quote(e, v, len)) || (*rc = tz_buf_grow(e, room)))
		return NULL;
	return e->buf + e->len;
}

#define LEAD(s) (s), sizeof(s) - 1

/* The length of string i of l, as the bulletin measured it. */
static size_t text_len(const struct tz_bulletin_lag *l, enum tz_lag_text i, const char *s)
{
	return l->len[i] != TZ_LAG_UNMEASURED ? l->len[i] : strlen(s);
}

/* Whether the bulletin knows string i of l needs no escape. */
#define PLAIN(l, i) (((l)->plain >> (i)) & 1)

/* One lagging entry as the general writer would write it (the members
 * and their order of lag_object), appended to e: room reserved once,
 * lengths as the bulletin keeps them, strings it knows plain copied
 * without a scan, no per-member bookkeeping. 0 or TZ_ETOOBIG. */
static int lag_item(struct tz_buf *e, const struct tz_bulletin_lag *l)
{
	char annual[TZ_MONEY_FMT_MAX], ytd[TZ_MONEY_FMT_MAX], ratio[16];
	size_t lc = text_len(l, TZ_LAG_CODE, l->code), ln = text_len(l, TZ_LAG_NAME, l->name);
	size_t lr = text_len(l, TZ_LAG_REGION, l->region);
	size_t ll = text_len(l, TZ_LAG_LEADER, l->leader), lu = text_len(l, TZ_LAG_UNIT, l->unit);
	size_t lp = text_len(l, TZ_LAG_PROBLEM, l->problem);
	size_t la, ly, lt, room;
	int rc = 0;
	char *d;

	la = tz_money_fmt_n(l->annual, annual);
	ly = tz_money_fmt_n(l->ytd, ytd);
	lt = tz_bulletin_rate_json_n(l->ratio, ratio);
	/* Members' names and punctuation take under 160 bytes. */
	room = lc + ln + lr + ll + lu + lp + la + ly + lt + 160;
	if ((rc = tz_buf_grow(e, room)))
		return rc;
	d = e->buf + e->len;
	if (!(d = put_member(e, d, LEAD("{\"code\":"), l->code, lc, PLAIN(l, TZ_LAG_CODE), room,
			     &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"name\":"), l->name, ln, PLAIN(l, TZ_LAG_NAME), room,
			     &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"region\":"), l->region, lr, PLAIN(l, TZ_LAG_REGION),
			     room, &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"annual_plan\":"), annual, la, 1, room, &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"ytd_completed\":"), ytd, ly, 1, room, &rc)))
		return rc;
	memcpy(d, ",\"ratio\":", 9);
	memcpy(d + 9, ratio, lt);
	d += 9 + lt;
	if (!(d = put_member(e, d, LEAD(",\"leader\":"), l->leader, ll, PLAIN(l, TZ_LAG_LEADER),
			     room, &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"unit\":"), l->unit, lu, PLAIN(l, TZ_LAG_UNIT), room,
			     &rc)) ||
	    !(d = put_member(e, d, LEAD(",\"problem\":"), l->problem, lp,
			     PLAIN(l, TZ_LAG_PROBLEM), room, &rc)))
		return rc;
	*d++ = '}';
	*d = '\0';
	e->len = (size_t)(d - e->buf);
	return 0;
}

#define CHUNK (64u * 1024)

/*
 * The lagging list, often most of a bulletin (43,826 entries, 7 MB for
 * 100,000 projects): each entry formatted straight into a chunk of text
 * handed to the writer whole (tz_json_raw_items), not member by member.
 * Pretty output keeps the general path. (Formatting the second half in a
 * thread meanwhile did not pay: 2 ms more CPU, no wall time gained.)
 */
static void lagging(struct tz_json *j, const struct tz_bulletin *b, keep_fn *keep, void *ctx)
{
	size_t n = tz_bulletin_lag_count(b), items = 0;
	struct tz_buf text;

	tz_json_key(j, "lagging");
	tz_json_array_begin(j);
	tz_buf_init(&text, TZ_LIMIT_OUTPUT);
	for (size_t i = 0; i < n; i++) {
		const struct tz_bulletin_lag *l = tz_bulletin_lag_at(b, i);
		const struct tz_bulletin_lag *ahead = tz_bulletin_lag_at(b, i + 16);
		size_t at = text.len;

		/* The list is in ratio order, its strings in reading order:
		 * fetch the names a few entries ahead so memory keeps up. */
		if (ahead) {
			__builtin_prefetch(ahead->code);
			__builtin_prefetch(ahead->name);
			__builtin_prefetch(ahead->leader);
			__builtin_prefetch(ahead->problem);
		}
		if (keep && !keep(ctx, l->region, l->unit, l->leader))
			continue;
		if ((j->flags & TZ_JSON_PRETTY) || (items && tz_buf_addch(&text, ',')) ||
		    lag_item(&text, l)) {
			/* Pretty, or past the buffer's cap: the general path. */
			tz_buf_setlen(&text, at);
			tz_json_raw_items(j, text.buf, text.len, items);
			tz_buf_reset(&text);
			items = 0;
			lag_object(j, l);
			continue;
		}
		items++;
		if (text.len >= CHUNK) {
			tz_json_raw_items(j, text.buf, text.len, items);
			tz_buf_reset(&text);
			items = 0;
		}
	}
	tz_json_raw_items(j, text.buf, text.len, items);
	tz_buf_release(&text);
	tz_json_array_end(j);
}

static void not_reported(struct tz_json *j, const struct tz_bulletin *b, keep_fn *keep, void *ctx)
{
	tz_json_key(j, "not_reported");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_missing_count(b); i++) {
		const struct tz_bulletin_missing *m = tz_bulletin_missing_at(b, i);

		if (keep && !keep(ctx, m->region, m->unit, m->leader))
			continue;
		tz_json_object_begin(j);
		tz_json_kv_str(j, "code", m->code);
		tz_json_kv_str(j, "name", m->name);
		tz_json_kv_str(j, "region", m->region);
		tz_json_kv_str(j, "unit", m->unit);
		tz_json_kv_str(j, "leader", m->leader);
		tz_json_kv_str(j, "group", m->key);
		tz_json_object_end(j);
	}
	tz_json_array_end(j);
}

void tz_bulletin_json_object(const struct tz_bulletin *b, struct tz_json *j, keep_fn *keep,
			     void *ctx)
{
	struct tz_period p = tz_bulletin_period(b);
	char period[TZ_PERIOD_FMT_MAX];

	tz_json_object_begin(j);
	tz_json_kv_str(j, "period", tz_period_fmt(p, period));
	tz_json_kv_int(j, "year", p.year);
	rate(j, "schedule", tz_bulletin_schedule(b));
	tz_json_kv_str(j, "by", tz_bulletin_by_name(tz_bulletin_by(b)));

	tz_json_key(j, "groups");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		group(j, tz_bulletin_group_at(b, i));
	tz_json_array_end(j);

	tz_json_key(j, "totals");
	tz_json_object_begin(j);
	figures(j, tz_bulletin_totals(b));
	reporting(j, tz_bulletin_totals(b));
	tz_json_object_end(j);

	lagging(j, b, keep, ctx);
	not_reported(j, b, keep, ctx);
	tz_json_object_end(j);
}

/* A regular file (which the CLI fsyncs before renaming it into place). */
static int tz_bulletin_json_regular(FILE *fp)
{
	struct stat st;

	return !fstat(fileno(fp), &st) && S_ISREG(st.st_mode);
}

static int write_bulletin(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	struct tz_json j;
	int rc;

	tz_json_init(&j, fp, tz_bulletin_json_regular(fp) ? TZ_JSON_WRITEBACK : 0);
	tz_bulletin_json_object(b, &j, NULL, NULL);
	rc = tz_json_finish(&j);
	if (!rc && fputc('\n', fp) == EOF)
		rc = TZ_EIO;
	if (rc)
		return tz_err_set(err, rc, "写入JSON失败");
	return 0;
}

const struct tz_bulletin_writer_type tz_bulletin_json = { "json", write_bulletin, 0 };
