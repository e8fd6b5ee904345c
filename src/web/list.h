/*
 * list.h: the project list's filters as the page (ui-projects.c), its
 * XLSX export and the API (api-projects.c) read them from a request, so
 * that the three always agree on what a filter means.
 *
 * Query fields: year, month (the ledger year and the month figures are
 * read at; default the latest reported), region and unit (organisation
 * codes; a region takes its subtree), category, level, nature, status
 * (开工状态 in Chinese, or 未报 for none yet), leader (包联领导), q (code or
 * name containing), sort (code, name, region, total, annual, ytd, rate),
 * order (asc, desc), page, per_page; light (亮灯 of the period year-month:
 * red, yellow, green or none, summary.h — the store's query cannot say
 * which project is lit, so the rows of the other filters are read in
 * order and those of the light kept, the page cut here).
 */
#ifndef TZ_WEB_LIST_H
#define TZ_WEB_LIST_H

#include "store/store.h"
#include "web/internal.h"
#include "web/summary.h"

struct tz_list {
	struct tz_project_query q;  /* ready for tz_store_project_list */
	struct tz_web_facts facts;
	int empty;                  /* no ledger at all yet */
	const char *region;         /* the filters as given, for the form */
	const char *unit;
	const char *category;
	const char *level;
	const char *nature;
	const char *status;
	const char *leader;
	const char *text;
	const char *sort;
	long page, per_page;
	const char *light;          /* the 亮灯 filter as given, or NULL */
	int light_want;             /* enum tz_light + 1 when filtering by light, else 0 */
	int has_lights;             /* `lights` holds the period's lights */
	int unlit;                  /* the year has no period with reports yet: 不亮灯 */
	struct tz_lights lights;    /* kept for the request (summary.h) */
};

extern const char *const tz_list_sorts[TZ_PSORT_COUNT];  /* "code", "name"… */

/*
 * Read the filters of `r` into `l`, within the user's scope; with
 * `paged` 0, every row (the export). 0, or TZ_EINVAL with r->err naming
 * the field (answer 400), or a store error.
 */
int tz_list_parse(struct tz_req *r, int paged, struct tz_list *l);

/*
 * Run the list's query: fn for each row of the page, *total (may be NULL)
 * the rows matching. The total is kept in memory for the user's scope and
 * the filters until the data changes, so that paging through a long list
 * counts it once. 0 or a store error.
 */
int tz_list_run(struct tz_req *r, const struct tz_list *l,
		int (*fn)(void *ctx, const struct tz_project_row *row), void *ctx, long *total);

#endif
