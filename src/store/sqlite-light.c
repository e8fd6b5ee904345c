/*
 * sqlite-light.c: the traffic lights (亮灯) of every project of a ledger
 * for a period, in one ordered scan (web.md "Traffic lights"; the rule is
 * core/light.h's). The running totals hold each month's cumulative
 * completion of the year in one row per project (project_year.ytd1..12),
 * so the monthly history the memory needs costs nothing more than the
 * row the bulletin reads anyway.
 */
#include <string.h>

#include "base/log.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

struct light_scan {
	struct tz_period p;
	struct tz_tally *counts;
	int (*fn)(void *, const struct tz_light_row *);
	void *ctx;
	long projects;
};

static int light_row(void *ctx, struct tz_sqlite_year_row *r)
{
	struct light_scan *sc = ctx;
	struct tz_light_row row;
	int64_t d[TZ_LIGHT_COUNT] = { 0 };

	if (!tz_tally_contains(sc->counts, r->region_id, r->unit_id))
		return 0;
	memset(&row, 0, sizeof(row));
	/* Months without a report carry the year's total so far: ytd in
	 * project_year is already cumulative, and 0 before the first. */
	tz_light_compute(sc->p, r->has_plan, r->annual, r->ytd, r->planned_start, r->at_p,
			 &row.light);
	d[row.light.light] = 1;
	tz_tally_add(sc->counts, r->region_id, r->unit_id, d);
	sc->projects++;
	if (!sc->fn)
		return 0;
	tz_sqlite_year_row_names(r);
	row.project_id = r->id;
	row.code = r->code;
	row.name = r->name;
	row.leader = r->leader;
	row.region_id = r->region_id;
	row.unit_id = r->unit_id;
	row.has_plan = r->has_plan;
	row.annual = r->annual;
	row.ytd = r->ytd[sc->p.month - 1];
	row.planned_start = r->planned_start;
	row.status = r->at_p;
	return sc->fn(sc->ctx, &row);
}

int tz_sqlite_lights(struct tz_store *s, struct tz_period p, struct tz_tally *counts,
		     int (*fn)(void *, const struct tz_light_row *), void *ctx, struct tz_err *err)
{
	struct light_scan sc = { p, counts, fn, ctx, 0 };
	double t0 = tz_clock_ms(), c0 = tz_sqlite_cpu_ms();
	int rc;

	rc = tz_sqlite_scan_year(tz_sqlite_from(s), p, light_row, &sc, err);
	tz_log(TZ_LOG_INFO, "store=sqlite event=lights projects=%ld ms=%.1f cpu_ms=%.1f",
	       sc.projects, tz_clock_ms() - t0, tz_sqlite_cpu_ms() - c0);
	return rc;
}
