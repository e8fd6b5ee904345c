/* test-bulletin.c: the bulletin's arithmetic on a ledger small enough to
 * check by hand. */
#include "tz-test.h"

#include "core/bulletin.h"
#include "core/money.h"

static const struct tz_period june = { 2025, 6 }; /* schedule 0.5 */

/* code, name, region, key, total, annual, ytd, started (money in 0.01 万元) */
static const struct tz_bulletin_row rows[] = {
	{ "A", "甲一", "甲", "甲", 100000, 40000, 30000, 1 },  /* 0.75: on track */
	{ "B", "甲二", "甲", "甲", 50000, 20000, 5000, 1 },    /* 0.25: lags */
	{ "C", "乙一", "乙", "乙", 80000, 30000, 0, 0 },       /* 0: lags, worst */
	{ "D", "乙二", "乙", "乙", 10000, 0, 0, 0 },           /* no plan: never lags */
	{ "E1", "丙一", "", "", 20000, 10000, 3999, 1 },       /* 0.3999 < 0.4: lags */
	{ "E2", "丙二", "", "", 20000, 10000, 4000, 1 },       /* exactly 0.4: does not */
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

static struct tz_bulletin *build(size_t from, size_t to)
{
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	for (size_t i = from; i < to; i++)
		tz_bulletin_add(b, &rows[i]);
	return b;
}

static const struct tz_bulletin_group *find_group(const struct tz_bulletin *b, const char *key)
{
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		if (!strcmp(tz_bulletin_group_at(b, i)->key, key))
			return tz_bulletin_group_at(b, i);
	fail_msg("no group %s", key);
	return NULL;
}

static void test_groups_sums_and_rates(void **state)
{
	struct tz_bulletin *b = build(0, NROWS);
	const struct tz_bulletin_group *g;

	(void)state;
	tz_bulletin_finish(b);
	assert_int_equal(tz_bulletin_schedule(b), 5000);
	assert_int_equal(tz_bulletin_group_count(b), 3);

	g = find_group(b, "甲");
	assert_int_equal(g->projects, 2);
	assert_int_equal(g->total, 150000);
	assert_int_equal(g->annual, 60000);
	assert_int_equal(g->ytd, 35000);
	assert_int_equal(g->completion_rate, 5833); /* 0.58333… */
	assert_int_equal(g->started, 2);
	assert_int_equal(g->start_rate, 10000);

	g = find_group(b, "乙");
	assert_int_equal(g->projects, 2);
	assert_int_equal(g->completion_rate, 0);
	assert_int_equal(g->start_rate, 0);

	/* An empty region is counted under its own key, not dropped. */
	g = find_group(b, TZ_BULLETIN_EMPTY_KEY);
	assert_int_equal(g->annual, 20000);
	assert_int_equal(g->ytd, 7999);
	assert_int_equal(g->completion_rate, 4000); /* 0.39995 rounds half up */

	g = tz_bulletin_totals(b);
	assert_int_equal(g->projects, 6);
	assert_int_equal(g->total, 280000);
	assert_int_equal(g->annual, 110000);
	assert_int_equal(g->ytd, 42999);
	assert_int_equal(g->completion_rate, 3909);
	assert_int_equal(g->started, 4);
	assert_int_equal(g->start_rate, 6667);
	tz_bulletin_free(b);
}

static void test_rank_order_and_below_average(void **state)
{
	struct tz_bulletin *b = build(0, NROWS);

	(void)state;
	tz_bulletin_finish(b);
	assert_string_equal(tz_bulletin_group_at(b, 0)->key, "甲");
	assert_int_equal(tz_bulletin_group_at(b, 0)->rank, 1);
	assert_false(tz_bulletin_group_at(b, 0)->below_average);
	/* 0.39995 is above the city's 0.3909 even though it rounds near it. */
	assert_string_equal(tz_bulletin_group_at(b, 1)->key, TZ_BULLETIN_EMPTY_KEY);
	assert_int_equal(tz_bulletin_group_at(b, 1)->rank, 2);
	assert_false(tz_bulletin_group_at(b, 1)->below_average);
	assert_string_equal(tz_bulletin_group_at(b, 2)->key, "乙");
	assert_int_equal(tz_bulletin_group_at(b, 2)->rank, 3);
	assert_true(tz_bulletin_group_at(b, 2)->below_average);
	tz_bulletin_free(b);
}

static void test_lagging_worst_first_threshold_exact(void **state)
{
	struct tz_bulletin *b = build(0, NROWS);
	const struct tz_bulletin_lag *l;

	(void)state;
	tz_bulletin_finish(b);
	assert_int_equal(tz_bulletin_lag_count(b), 3);
	l = tz_bulletin_lag_at(b, 0);
	assert_string_equal(l->code, "C");
	assert_int_equal(l->ratio, 0);
	l = tz_bulletin_lag_at(b, 1);
	assert_string_equal(l->code, "B");
	assert_string_equal(l->name, "甲二");
	assert_string_equal(l->region, "甲");
	assert_int_equal(l->ratio, 2500);
	assert_int_equal(l->annual, 20000);
	assert_int_equal(l->ytd, 5000);
	assert_string_equal(tz_bulletin_lag_at(b, 2)->code, "E1");
	assert_null(tz_bulletin_lag_at(b, 3));
	/* The threshold itself: 0.8 × 6/12 = 0.4 exactly does not lag. */
	assert_true(tz_bulletin_lags(b, 10000, 3999));
	assert_false(tz_bulletin_lags(b, 10000, 4000));
	assert_false(tz_bulletin_lags(b, 0, 0));
	tz_bulletin_free(b);
}

static void test_equal_rates_share_a_rank(void **state)
{
	static const struct tz_bulletin_row tie[] = {
		{ "1", "x", "a", "a", 100, 100, 50, 1 },
		{ "2", "x", "b", "b", 100, 200, 100, 1 }, /* 0.5 as well */
		{ "3", "x", "c", "c", 100, 100, 10, 1 },
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	(void)state;
	for (size_t i = 0; i < 3; i++)
		tz_bulletin_add(b, &tie[i]);
	tz_bulletin_finish(b);
	assert_int_equal(tz_bulletin_group_at(b, 0)->rank, 1);
	assert_int_equal(tz_bulletin_group_at(b, 1)->rank, 1);
	assert_int_equal(tz_bulletin_group_at(b, 2)->rank, 3);
	/* Ties are ordered by key so output is stable. */
	assert_string_equal(tz_bulletin_group_at(b, 0)->key, "a");
	assert_string_equal(tz_bulletin_group_at(b, 1)->key, "b");
	tz_bulletin_free(b);
}

/* Counting in parts and absorbing gives exactly the one-piece bulletin. */
static void test_absorbed_parts_equal_whole(void **state)
{
	struct tz_bulletin *whole = build(0, NROWS);
	struct tz_bulletin *b = build(0, 2), *p2 = build(2, 4), *p3 = build(4, NROWS);

	(void)state;
	tz_bulletin_sort_lags(p2);
	tz_bulletin_sort_lags(p3);
	tz_bulletin_absorb(b, p2);
	tz_bulletin_absorb(b, p3);
	tz_bulletin_finish(b);
	tz_bulletin_finish(whole);
	assert_int_equal(tz_bulletin_group_count(b), tz_bulletin_group_count(whole));
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *x = tz_bulletin_group_at(b, i),
					       *y = tz_bulletin_group_at(whole, i);
		assert_string_equal(x->key, y->key);
		assert_int_equal(x->projects, y->projects);
		assert_int_equal(x->ytd, y->ytd);
		assert_int_equal(x->rank, y->rank);
	}
	assert_int_equal(tz_bulletin_totals(b)->ytd, tz_bulletin_totals(whole)->ytd);
	assert_int_equal(tz_bulletin_lag_count(b), tz_bulletin_lag_count(whole));
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++)
		assert_string_equal(tz_bulletin_lag_at(b, i)->code, tz_bulletin_lag_at(whole, i)->code);
	tz_bulletin_free(b);
	tz_bulletin_free(whole);
}

/* The seed document's figures: 340.43 of 380.52 亿元 is 89.5%. */
static void test_seed_001_completion_rate(void **state)
{
	struct tz_bulletin_row row = { "P", "秦皇岛", "秦皇岛", "秦皇岛", 137223000000,
				       3805200000, 3404300000, 1 };
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2023, 8 }, TZ_BY_REGION);
	char pct[TZ_RATE_FMT_MAX], json[16];

	(void)state;
	tz_bulletin_add(b, &row);
	tz_bulletin_finish(b);
	assert_int_equal(tz_bulletin_totals(b)->completion_rate, 8946);
	assert_string_equal(tz_rate_fmt_pct(8946, 1, pct), "89.5%");
	assert_string_equal(tz_bulletin_rate_json(8946, json), "0.8946");
	assert_string_equal(tz_bulletin_rate_json(10000, json), "1.0");
	assert_string_equal(tz_bulletin_rate_json(3100, json), "0.31");
	assert_string_equal(tz_bulletin_rate_json(0, json), "0.0");
	tz_bulletin_free(b);
}

static void test_by_names(void **state)
{
	enum tz_bulletin_by by;

	(void)state;
	assert_int_equal(tz_bulletin_by_parse("category", &by), 0);
	assert_int_equal(by, TZ_BY_CATEGORY);
	assert_int_equal(tz_bulletin_by_parse("项目级别", &by), 0);
	assert_int_equal(by, TZ_BY_LEVEL);
	assert_int_not_equal(tz_bulletin_by_parse("county", &by), 0);
	assert_string_equal(tz_bulletin_by_label(TZ_BY_REGION), "所属地区");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_sums_and_rates),
		cmocka_unit_test(test_rank_order_and_below_average),
		cmocka_unit_test(test_lagging_worst_first_threshold_exact),
		cmocka_unit_test(test_equal_rates_share_a_rank),
		cmocka_unit_test(test_absorbed_parts_equal_whole),
		cmocka_unit_test(test_seed_001_completion_rate),
		cmocka_unit_test(test_by_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
