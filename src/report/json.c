/*
 * json.c: the bulletin as JSON, in exactly the shape of ledger.md: money
 * as decimal strings in 万元 with two decimals, rates as numbers with at
 * most four decimals, null where a group has no plan (no rate, no rank)
 * or no rank change.
 */
#include "base/json.h"
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

static void lagging(struct tz_json *j, const struct tz_bulletin *b, keep_fn *keep, void *ctx)
{
	tz_json_key(j, "lagging");
	tz_json_array_begin(j);
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++) {
		const struct tz_bulletin_lag *l = tz_bulletin_lag_at(b, i);
		const struct tz_bulletin_lag *ahead = tz_bulletin_lag_at(b, i + 16);

		/* The list is in ratio order, its strings in reading order:
		 * fetch the names a few entries ahead so memory keeps up. */
		if (ahead) {
			__builtin_prefetch(ahead->code);
			__builtin_prefetch(ahead->name);
		}
		if (keep && !keep(ctx, l->region, l->unit, l->leader))
			continue;
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

static int write_bulletin(const struct tz_bulletin *b, FILE *fp, struct tz_err *err)
{
	struct tz_json j;
	int rc;

	tz_json_init(&j, fp, 0);
	tz_bulletin_json_object(b, &j, NULL, NULL);
	rc = tz_json_finish(&j);
	if (!rc && fputc('\n', fp) == EOF)
		rc = TZ_EIO;
	if (rc)
		return tz_err_set(err, rc, "写入JSON失败");
	return 0;
}

const struct tz_bulletin_writer_type tz_bulletin_json = { "json", write_bulletin, 0 };
