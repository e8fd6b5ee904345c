/* test-bulletin.c: the bulletin's arithmetic on a ledger small enough to
 * check by hand (ledger.md, "The monthly bulletin"). */
#include "tz-test.h"

#include "core/bulletin.h"
#include "core/money.h"

static const struct tz_period june = { 2025, 6 }; /* schedule 0.5: lags below 0.4 */

/* A planned project that reported and is expected, money in 0.01 万元. */
#define PLANNED(c, k, tot, ann, y, st)                                                       \
	{ .code = c, .name = c "名", .region = k, .unit = "市交通局", .leader = "王某",       \
	  .problem = "用地未落实", .key = k, .total = tot, .has_plan = 1, .annual = ann,       \
	  .ytd = y, .ytd_prev = (y) / 2, .started = st, .reported = 1, .reported_prev = 1,      \
	  .expected = 1 }

static const struct tz_bulletin_row rows[] = {
	PLANNED("A", "甲", 100000, 40000, 30000, 1),  /* 0.75: on track */
	PLANNED("B", "甲", 50000, 20000, 5000, 1),    /* 0.25: lags */
	PLANNED("C", "乙", 80000, 30000, 0, 0),       /* 0: lags, worst */
	/* No plan: counted, its completions apart, never lags. */
	{ .code = "D", .name = "D名", .region = "乙", .key = "乙", .total = 10000, .ytd = 700,
	  .reported = 1, .expected = 1 },
	PLANNED("E1", "", 20000, 10000, 3999, 1),     /* 0.3999 < 0.4: lags */
	PLANNED("E2", "", 20000, 10000, 4000, 1),     /* exactly 0.4: does not */
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

static struct tz_bulletin *build(size_t from, size_t to)
{
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	for (size_t i = from; i < to; i++)
		tz_bulletin_add(b, &rows[i]);
	return b;
}

static struct tz_bulletin *finished(struct tz_bulletin *b)
{
	struct tz_err err;

	assert_int_equal(tz_bulletin_finish(b, &err), 0);
	return b;
}

/* b counted in another way holds what `whole` holds: the same groups
 * (sums, ranks, rank changes), totals and lagging list in the same order. */
static void assert_same_bulletin(const struct tz_bulletin *b, const struct tz_bulletin *whole)
{
	assert_int_equal(tz_bulletin_group_count(b), tz_bulletin_group_count(whole));
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++) {
		const struct tz_bulletin_group *x = tz_bulletin_group_at(b, i),
					       *y = tz_bulletin_group_at(whole, i);
		assert_string_equal(x->key, y->key);
		assert_int_equal(x->projects, y->projects);
		assert_int_equal(x->ytd, y->ytd);
		assert_int_equal(x->ytd_unplanned, y->ytd_unplanned);
		assert_int_equal(x->rank, y->rank);
		assert_int_equal(x->rank_change, y->rank_change);
	}
	assert_int_equal(tz_bulletin_totals(b)->ytd, tz_bulletin_totals(whole)->ytd);
	assert_int_equal(tz_bulletin_lag_count(b), tz_bulletin_lag_count(whole));
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++)
		assert_string_equal(tz_bulletin_lag_at(b, i)->code, tz_bulletin_lag_at(whole, i)->code);
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
	struct tz_bulletin *b = finished(build(0, NROWS));
	const struct tz_bulletin_group *g;

	(void)state;
	assert_int_equal(tz_bulletin_schedule(b), 5000);
	assert_int_equal(tz_bulletin_group_count(b), 3);

	g = find_group(b, "甲");
	assert_int_equal(g->projects, 2);
	assert_int_equal(g->total, 150000);
	assert_int_equal(g->annual, 60000);
	assert_int_equal(g->ytd, 35000);
	assert_true(g->has_rate);
	assert_int_equal(g->completion_rate, 5833); /* 0.58333… */
	assert_int_equal(g->started, 2);
	assert_int_equal(g->start_rate, 10000);

	/* The unplanned project D: in projects and the start rate, not in
	 * the plan or the completion rate. */
	g = find_group(b, "乙");
	assert_int_equal(g->projects, 2);
	assert_int_equal(g->annual, 30000);
	assert_int_equal(g->ytd, 0);
	assert_int_equal(g->ytd_unplanned, 700);
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
	assert_int_equal(g->ytd_unplanned, 700);
	assert_int_equal(g->completion_rate, 3909);
	assert_int_equal(g->started, 4);
	assert_int_equal(g->start_rate, 6667);
	assert_int_equal(g->reported, 6);
	assert_int_equal(g->not_reported, 0);
	tz_bulletin_free(b);
}

static void test_rank_order_and_below_average(void **state)
{
	struct tz_bulletin *b = finished(build(0, NROWS));

	(void)state;
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

static void test_lagging_ten_points_behind_exactly(void **state)
{
	struct tz_bulletin *b = finished(build(0, NROWS));
	const struct tz_bulletin_lag *l;

	(void)state;
	assert_int_equal(tz_bulletin_lag_count(b), 3);
	l = tz_bulletin_lag_at(b, 0);
	assert_string_equal(l->code, "C");
	assert_int_equal(l->ratio, 0);
	l = tz_bulletin_lag_at(b, 1);
	assert_string_equal(l->code, "B");
	assert_string_equal(l->name, "B名");
	assert_string_equal(l->region, "甲");
	assert_string_equal(l->leader, "王某");
	assert_string_equal(l->unit, "市交通局");
	assert_string_equal(l->problem, "用地未落实");
	assert_int_equal(l->ratio, 2500);
	assert_int_equal(l->annual, 20000);
	assert_int_equal(l->ytd, 5000);
	assert_string_equal(tz_bulletin_lag_at(b, 2)->code, "E1");
	assert_null(tz_bulletin_lag_at(b, 3));
	/* June: 0.5 − 0.1 = 0.4 exactly does not lag; a hair below does. */
	assert_true(tz_bulletin_lags(b, 1, 10000, 3999));
	assert_false(tz_bulletin_lags(b, 1, 10000, 4000));
	assert_false(tz_bulletin_lags(b, 1, 0, 0));
	assert_false(tz_bulletin_lags(b, 0, 10000, 0)); /* no plan */
	tz_bulletin_free(b);
}

/* In January the schedule is 1/12 ≈ 8.3 %: nobody is 10 points behind. */
static void test_january_never_lags(void **state)
{
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 1 }, TZ_BY_REGION);

	(void)state;
	assert_false(tz_bulletin_lags(b, 1, 10000, 0));
	tz_bulletin_free(b);
	b = tz_bulletin_new((struct tz_period){ 2025, 12 }, TZ_BY_REGION);
	assert_true(tz_bulletin_lags(b, 1, 10000, 8999));  /* 0.8999 < 0.9 */
	assert_false(tz_bulletin_lags(b, 1, 10000, 9000));
	tz_bulletin_free(b);
}

static void test_equal_rates_share_a_rank(void **state)
{
	static const struct tz_bulletin_row tie[] = {
		PLANNED("1", "a", 100, 100, 50, 1),
		PLANNED("2", "b", 200, 200, 100, 1), /* 0.5 as well */
		PLANNED("3", "c", 100, 100, 10, 1),
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	(void)state;
	for (size_t i = 0; i < 3; i++)
		tz_bulletin_add(b, &tie[i]);
	finished(b);
	assert_int_equal(tz_bulletin_group_at(b, 0)->rank, 1);
	assert_int_equal(tz_bulletin_group_at(b, 1)->rank, 1);
	assert_int_equal(tz_bulletin_group_at(b, 2)->rank, 3);
	/* Ties are ordered by key so output is stable. */
	assert_string_equal(tz_bulletin_group_at(b, 0)->key, "a");
	assert_string_equal(tz_bulletin_group_at(b, 1)->key, "b");
	tz_bulletin_free(b);
}

/* A group without any plan has no rate and no rank, comes last and is
 * never below average (ledger.md). */
static void test_unplanned_group_unranked(void **state)
{
	static const struct tz_bulletin_row r[] = {
		PLANNED("1", "甲", 100, 100, 10, 1),
		{ .code = "2", .key = "乙", .total = 100, .ytd = 50, .reported = 1, .expected = 1 },
		PLANNED("3", "丙", 100, 100, 90, 1),
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	const struct tz_bulletin_group *g;

	(void)state;
	for (size_t i = 0; i < 3; i++)
		tz_bulletin_add(b, &r[i]);
	finished(b);
	g = tz_bulletin_group_at(b, 2);
	assert_string_equal(g->key, "乙");
	assert_false(g->has_rate);
	assert_int_equal(g->rank, 0);
	assert_false(g->below_average);
	assert_false(g->has_rank_change);
	assert_int_equal(g->ytd_unplanned, 50);
	assert_int_equal(tz_bulletin_group_at(b, 0)->rank, 1);
	assert_string_equal(tz_bulletin_group_at(b, 0)->key, "丙");
	tz_bulletin_free(b);
}

/* A plan of 0 (a 前期 project with no money this year, audit 9 W20):
 * x/0 is no rate, so its completions are shown apart like those of a
 * project without a plan and do not lift the city's rate over groups that
 * have plans. */
static void test_zero_plan_completions_apart(void **state)
{
	static const struct tz_bulletin_row r[] = {
		PLANNED("1", "甲", 1000000, 0, 90000, 1),
		PLANNED("2", "乙", 2000000, 240000, 10000, 1),
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	const struct tz_bulletin_group *g;

	(void)state;
	for (size_t i = 0; i < 2; i++)
		tz_bulletin_add(b, &r[i]);
	finished(b);
	g = find_group(b, "甲");
	assert_false(g->has_rate);
	assert_int_equal(g->ytd, 0);
	assert_int_equal(g->ytd_unplanned, 90000);
	g = find_group(b, "乙");
	assert_true(g->has_rate);
	assert_false(g->below_average);
	assert_int_equal(tz_bulletin_totals(b)->ytd, 10000);
	assert_int_equal(tz_bulletin_totals(b)->ytd_unplanned, 90000);
	tz_bulletin_free(b);
}

/* Rank change against P−1 of the same year, from the same ledger. */
static void test_rank_change(void **state)
{
	/* May: 甲 0.2, 乙 0.4, 丙 0.3; June: 甲 0.6, 乙 0.45, 丙 0.3. */
	static const struct tz_bulletin_row r[] = {
		{ .code = "1", .key = "甲", .total = 100, .has_plan = 1, .annual = 100, .ytd = 60,
		  .ytd_prev = 20, .reported = 1, .reported_prev = 1, .expected = 1 },
		{ .code = "2", .key = "乙", .total = 100, .has_plan = 1, .annual = 100, .ytd = 45,
		  .ytd_prev = 40, .reported = 1, .reported_prev = 1, .expected = 1 },
		{ .code = "3", .key = "丙", .total = 100, .has_plan = 1, .annual = 100, .ytd = 30,
		  .ytd_prev = 30, .reported = 1, .reported_prev = 1, .expected = 1 },
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	(void)state;
	for (size_t i = 0; i < 3; i++)
		tz_bulletin_add(b, &r[i]);
	finished(b);
	assert_string_equal(find_group(b, "甲")->key, "甲");
	assert_true(find_group(b, "甲")->has_rank_change);
	assert_int_equal(find_group(b, "甲")->rank_change, 2);   /* 3rd → 1st */
	assert_int_equal(find_group(b, "乙")->rank_change, -1);  /* 1st → 2nd */
	assert_int_equal(find_group(b, "丙")->rank_change, -1);  /* 2nd → 3rd */
	tz_bulletin_free(b);

	/* January: no change at all. */
	b = tz_bulletin_new((struct tz_period){ 2025, 1 }, TZ_BY_REGION);
	for (size_t i = 0; i < 3; i++)
		tz_bulletin_add(b, &r[i]);
	finished(b);
	assert_false(find_group(b, "甲")->has_rank_change);
	tz_bulletin_free(b);
}

/* Nobody reported the month before: there was no bulletin to compare with. */
static void test_rank_change_needs_a_previous_bulletin(void **state)
{
	struct tz_bulletin_row r = PLANNED("1", "甲", 100, 100, 60, 1);
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

	(void)state;
	r.reported_prev = 0;
	tz_bulletin_add(b, &r);
	finished(b);
	assert_false(find_group(b, "甲")->has_rank_change);
	tz_bulletin_free(b);
}

/* 未报送: expected and not reported, listed by group order then code. */
static void test_missing_list(void **state)
{
	static const struct tz_bulletin_row r[] = {
		{ .code = "Z9", .name = "乙九", .region = "乙", .unit = "市住建局", .leader = "李某",
		  .key = "乙", .total = 100, .has_plan = 1, .annual = 100, .ytd = 90, .expected = 1 },
		{ .code = "A1", .key = "甲", .total = 100, .has_plan = 1, .annual = 100, .ytd = 10,
		  .expected = 1 },
		{ .code = "A0", .key = "甲", .total = 100, .has_plan = 1, .annual = 100, .ytd = 10,
		  .reported = 1, .expected = 1 },
		/* Not expected (not started, finished): never missing. */
		{ .code = "N", .key = "甲", .total = 100, .has_plan = 1, .annual = 100 },
		/* Reported before its planned start: one of the period's
		 * reporters, 已报送 like any other (its money is in the totals;
		 * core/dispatch.h tz_report_due), and never 未报送. */
		{ .code = "L", .key = "甲", .total = 100, .has_plan = 1, .annual = 100, .reported = 1 },
	};
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	const struct tz_bulletin_missing *m;

	(void)state;
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		tz_bulletin_add(b, &r[i]);
	finished(b);
	assert_int_equal(tz_bulletin_missing_count(b), 2);
	m = tz_bulletin_missing_at(b, 0); /* 乙 ranks first */
	assert_string_equal(m->code, "Z9");
	assert_string_equal(m->name, "乙九");
	assert_string_equal(m->unit, "市住建局");
	assert_string_equal(m->leader, "李某");
	assert_string_equal(m->key, "乙");
	assert_string_equal(tz_bulletin_missing_at(b, 1)->code, "A1");
	assert_int_equal(find_group(b, "甲")->reported, 2);
	assert_int_equal(find_group(b, "甲")->not_reported, 1);
	assert_int_equal(find_group(b, "甲")->filed, 2);
	assert_int_equal(tz_bulletin_totals(b)->reported, 2);
	assert_int_equal(tz_bulletin_totals(b)->not_reported, 2);
	assert_int_equal(tz_bulletin_totals(b)->filed, 2);
	tz_bulletin_free(b);
}

/* The missing list of a period nobody reported yet: every expected
 * project, not the bulletin's refusal (walkthrough 8, F6); an empty
 * ledger is still refused, naming the year. */
static void test_nobody_reported_missing(void **state)
{
	struct tz_bulletin_row r = PLANNED("1", "甲", 100, 100, 0, 1);
	struct tz_bulletin_row s = PLANNED("2", "乙", 100, 100, 0, 1);
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	struct tz_err err;

	(void)state;
	r.reported = s.reported = 0;
	tz_bulletin_add(b, &r);
	tz_bulletin_add(b, &s);
	assert_int_equal(tz_bulletin_finish_missing(b, &err), 0);
	assert_int_equal(tz_bulletin_missing_count(b), 2);
	assert_int_equal(!strcmp(tz_bulletin_missing_at(b, 0)->code, "1") +
			 !strcmp(tz_bulletin_missing_at(b, 1)->code, "1"), 1);
	assert_int_equal(tz_bulletin_totals(b)->not_reported, 2);
	assert_int_equal(tz_bulletin_totals(b)->reported, 0);
	tz_bulletin_free(b);
	b = tz_bulletin_new(june, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_finish_missing(b, &err), TZ_ENOTFOUND);
	assert_non_null(strstr(err.msg, "2025年度台账中没有项目"));
	tz_bulletin_free(b);
}

/* A period in which nobody reported is refused, not printed as zeros. */
static void test_nobody_reported_is_refused(void **state)
{
	struct tz_bulletin_row r = PLANNED("1", "甲", 100, 100, 60, 1);
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	struct tz_err err;

	(void)state;
	r.reported = 0;
	tz_bulletin_add(b, &r);
	assert_int_equal(tz_bulletin_finish(b, &err), TZ_ENOTFOUND);
	assert_non_null(strstr(err.msg, "2025-06"));
	assert_non_null(strstr(err.msg, "没有任何项目报送"));
	tz_bulletin_free(b);
	b = tz_bulletin_new(june, TZ_BY_REGION);
	assert_int_equal(tz_bulletin_finish(b, &err), TZ_ENOTFOUND);
	tz_bulletin_free(b);
	/* A report from a project not yet expected to report is a report:
	 * the bulletin is printed, and the project counts as 已报送. */
	b = tz_bulletin_new(june, TZ_BY_REGION);
	r.reported = 1;
	r.expected = 0;
	tz_bulletin_add(b, &r);
	assert_int_equal(tz_bulletin_finish(b, &err), 0);
	assert_int_equal(tz_bulletin_totals(b)->reported, 1);
	assert_int_equal(tz_bulletin_totals(b)->not_reported, 0);
	assert_int_equal(tz_bulletin_totals(b)->filed, 1);
	tz_bulletin_free(b);
}

/* Sums that leave int64 are an error, not a negative total. */
static void test_overflow_refused(void **state)
{
	/* Stands for 93 million projects of TZ_MONEY_MAX (the hostile ledger
	 * of the cases): two halves of the range overflow just the same. */
	struct tz_bulletin_row r = PLANNED("1", "甲", INT64_MAX / 2 + 1, 1, 1, 1);
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	struct tz_err err;

	(void)state;
	tz_bulletin_add(b, &r);
	tz_bulletin_add(b, &r);
	assert_int_equal(tz_bulletin_finish(b, &err), TZ_ETOOBIG);
	tz_bulletin_free(b);
	/* And once more through parts counted apart. */
	b = tz_bulletin_new(june, TZ_BY_REGION);
	tz_bulletin_add(b, &r);
	{
		struct tz_bulletin *part = tz_bulletin_new(june, TZ_BY_REGION);

		tz_bulletin_add(part, &r);
		tz_bulletin_absorb(b, part);
	}
	assert_int_equal(tz_bulletin_finish(b, &err), TZ_ETOOBIG);
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
	finished(b);
	finished(whole);
	assert_same_bulletin(b, whole);
	tz_bulletin_free(b);
	tz_bulletin_free(whole);
}

/*
 * A lagging list long enough for the radix sort (sort_lags), with ratios
 * whose 32.32 keys collide while the exact fractions differ, equal
 * fractions under different codes, and entries equal in everything the
 * order looks at (same ratio, same code): worst ratio first, then code,
 * then the order they were added, as the stable qsort of before gave.
 */
#define NLONG 1500

static int long_before(const struct tz_bulletin_row *x, const struct tz_bulletin_row *y)
{
	__int128 l = (__int128)x->ytd * y->annual, r = (__int128)y->ytd * x->annual;

	if (l != r)
		return l < r;
	return strcmp(x->code, y->code) < 0;
}

static void test_long_lag_list_order(void **state)
{
	static const int64_t annuals[] = { 3, 6, 7, 1000003, 4294967311LL, 9 };
	static char codes[NLONG][16], names[NLONG][16];
	static struct tz_bulletin_row r[NLONG];
	static size_t want[NLONG];
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	uint64_t seed = 12345;

	(void)state;
	for (size_t i = 0; i < NLONG; i++) {
		int64_t ann;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		ann = annuals[(seed >> 33) % 6];
		snprintf(codes[i], sizeof(codes[i]), "P%03u", (unsigned)((seed >> 40) % 50));
		snprintf(names[i], sizeof(names[i]), "N%zu", i);
		r[i] = (struct tz_bulletin_row){ .code = codes[i], .name = names[i], .key = "甲",
						 .total = ann * 10, .has_plan = 1, .annual = ann,
						 .ytd = (int64_t)((seed >> 20) % 3) * ann / 9,
						 .reported = 1, .expected = 1 };
		tz_bulletin_add(b, &r[i]);
	}
	finished(b);
	/* The reference: a stable insertion sort of the lagging rows. */
	size_t n = 0;
	for (size_t i = 0; i < NLONG; i++) {
		size_t j;

		if (!tz_bulletin_lags(b, 1, r[i].annual, r[i].ytd))
			continue;
		for (j = n; j > 0 && long_before(&r[i], &r[want[j - 1]]); j--)
			want[j] = want[j - 1];
		want[j] = i;
		n++;
	}
	assert_true(n > 64);
	assert_int_equal(tz_bulletin_lag_count(b), n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(tz_bulletin_lag_at(b, i)->name, names[want[i]]);
	tz_bulletin_free(b);
}

/* tz_bulletin_add_slot with borrowed strings counts and lists exactly as
 * tz_bulletin_add (the bulletin base feeds it so). */
static void test_add_slot_borrowed_equals_add(void **state)
{
	struct tz_bulletin *whole = build(0, NROWS);
	struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);
	int64_t slots[3] = { -1, -1, -1 };

	(void)state;
	tz_bulletin_borrow(b, NULL, NULL);
	for (size_t i = 0; i < NROWS; i++) {
		const char *k = rows[i].key;

		tz_bulletin_add_slot(b, &rows[i], &slots[!strcmp(k, "甲") ? 0 : !strcmp(k, "乙") ? 1 : 2]);
	}
	finished(b);
	finished(whole);
	assert_same_bulletin(b, whole);
	for (size_t i = 0; i < tz_bulletin_lag_count(b); i++) {
		const struct tz_bulletin_lag *l = tz_bulletin_lag_at(b, i);

		assert_string_equal(l->code, tz_bulletin_lag_at(whole, i)->code);
		/* Borrowed: the row's own string, not a copy. */
		for (size_t k = 0; k < NROWS; k++)
			if (!strcmp(rows[k].code, l->code))
				assert_ptr_equal(l->problem, rows[k].problem);
	}
	tz_bulletin_free(b);
	tz_bulletin_free(whole);
}

/* tz_bulletin_expect is only room: a hint below the rows added (the list
 * grows past it) or far above them gives the same bulletin. */
static void test_expect_is_only_room(void **state)
{
	static const size_t hints[] = { 1, 2, 100000, SIZE_MAX / 2 };
	struct tz_bulletin *whole = build(0, NROWS);

	(void)state;
	finished(whole);
	for (size_t h = 0; h < sizeof(hints) / sizeof(hints[0]); h++) {
		struct tz_bulletin *b = tz_bulletin_new(june, TZ_BY_REGION);

		tz_bulletin_expect(b, hints[h]);
		for (size_t i = 0; i < NROWS; i++)
			tz_bulletin_add(b, &rows[i]);
		finished(b);
		assert_same_bulletin(b, whole);
		for (size_t i = 0; i < tz_bulletin_lag_count(b); i++)
			assert_string_equal(tz_bulletin_lag_at(b, i)->code,
					    tz_bulletin_lag_at(whole, i)->code);
		tz_bulletin_free(b);
	}
	tz_bulletin_free(whole);
}

/* The seed document's figures: 340.43 of 380.52 亿元 is 89.5%. */
static void test_seed_001_completion_rate(void **state)
{
	struct tz_bulletin_row row = PLANNED("P", "秦皇岛", 13722300000, 3805200000, 3404300000, 1);
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2023, 8 }, TZ_BY_REGION);
	char pct[TZ_RATE_FMT_MAX], json[16];

	(void)state;
	tz_bulletin_add(b, &row);
	finished(b);
	assert_int_equal(tz_bulletin_totals(b)->completion_rate, 8946);
	assert_string_equal(tz_rate_fmt_pct(8946, 1, pct), "89.5%");
	assert_string_equal(tz_bulletin_rate_json(8946, json), "0.8946");
	assert_string_equal(tz_bulletin_rate_json(10000, json), "1.0");
	assert_string_equal(tz_bulletin_rate_json(3100, json), "0.31");
	assert_string_equal(tz_bulletin_rate_json(0, json), "0.0");
	tz_bulletin_free(b);
}

/* tz_bulletin_rate_json is tz_rate_fmt with its trailing zeros dropped
 * (one kept), for every rate: the way it was written before it was
 * written by hand. */
static void test_rate_json_is_rate_fmt_trimmed(void **state)
{
	static const int32_t edge[] = { 0, 1, -1, 9, 10, 100, 1000, 9999, 10000, 10001, 12340,
					-10000, -3100, INT32_MAX, INT32_MIN, INT32_MIN + 1 };
	char want[TZ_RATE_FMT_MAX + 8], got[16];
	uint32_t x = 2463534242u;

	(void)state;
	for (size_t i = 0; i < sizeof(edge) / sizeof(edge[0]) + 200000; i++) {
		int32_t rate;
		size_t n;

		if (i < sizeof(edge) / sizeof(edge[0])) {
			rate = edge[i];
		} else {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			rate = i % 2 ? (int32_t)(x % 40000) - 20000 : (int32_t)x;
		}
		tz_rate_fmt(rate, want);
		n = strlen(want);
		while (n > 0 && want[n - 1] == '0' && want[n - 2] != '.')
			want[--n] = '\0';
		assert_string_equal(tz_bulletin_rate_json(rate, got), want);
		assert_int_equal(tz_bulletin_rate_json_n(rate, got), n);
	}
}

/* A lagging entry keeps its strings' lengths: measured by the bulletin
 * for a row that does not give them (nothing said plain but the empty
 * strings), taken with the plain bits from a row that does. */
static void test_lag_lengths(void **state)
{
	struct tz_bulletin_row row = PLANNED("B-1", "甲", 50000, 20000, 5000, 1);
	struct tz_bulletin *b = tz_bulletin_new((struct tz_period){ 2025, 6 }, TZ_BY_REGION);
	const struct tz_bulletin_lag *l;

	(void)state;
	row.leader = NULL;
	tz_bulletin_add(b, &row);
	finished(b);
	assert_int_equal(tz_bulletin_lag_count(b), 1);
	l = tz_bulletin_lag_at(b, 0);
	assert_int_equal(l->len[TZ_LAG_CODE], 3);
	assert_int_equal(l->len[TZ_LAG_NAME], strlen("B-1名"));
	assert_int_equal(l->len[TZ_LAG_REGION], strlen("甲"));
	assert_int_equal(l->len[TZ_LAG_UNIT], strlen("市交通局"));
	assert_int_equal(l->len[TZ_LAG_PROBLEM], strlen("用地未落实"));
	assert_int_equal(l->len[TZ_LAG_LEADER], 0);
	assert_string_equal(l->leader, "");
	assert_int_equal(l->plain, 1u << TZ_LAG_LEADER);
	tz_bulletin_free(b);

	b = tz_bulletin_new((struct tz_period){ 2025, 6 }, TZ_BY_REGION);
	tz_bulletin_borrow(b, NULL, NULL);
	row = (struct tz_bulletin_row)PLANNED("B-1", "甲", 50000, 20000, 5000, 1);
	row.measured = 1;
	for (int i = 0; i < TZ_LAG_NTEXT; i++)
		row.len[i] = (uint32_t)(10 + i); /* the row's word, not strlen */
	row.plain = 1u << TZ_LAG_NAME | 1u << TZ_LAG_PROBLEM;
	tz_bulletin_add(b, &row);
	finished(b);
	l = tz_bulletin_lag_at(b, 0);
	for (int i = 0; i < TZ_LAG_NTEXT; i++)
		assert_int_equal(l->len[i], 10 + i);
	assert_int_equal(l->plain, row.plain);
	assert_ptr_equal(l->problem, row.problem);
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
	assert_int_equal(tz_bulletin_by_parse("leader", &by), 0);
	assert_int_equal(by, TZ_BY_LEADER);
	assert_int_equal(tz_bulletin_by_parse("责任单位", &by), 0);
	assert_int_equal(by, TZ_BY_UNIT);
	assert_int_not_equal(tz_bulletin_by_parse("county", &by), 0);
	assert_string_equal(tz_bulletin_by_label(TZ_BY_REGION), "所属地区");
	assert_string_equal(tz_bulletin_by_label(TZ_BY_LEADER), "包联领导");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_sums_and_rates),
		cmocka_unit_test(test_rank_order_and_below_average),
		cmocka_unit_test(test_lagging_ten_points_behind_exactly),
		cmocka_unit_test(test_january_never_lags),
		cmocka_unit_test(test_equal_rates_share_a_rank),
		cmocka_unit_test(test_unplanned_group_unranked),
		cmocka_unit_test(test_zero_plan_completions_apart),
		cmocka_unit_test(test_rank_change),
		cmocka_unit_test(test_rank_change_needs_a_previous_bulletin),
		cmocka_unit_test(test_missing_list),
		cmocka_unit_test(test_nobody_reported_is_refused),
		cmocka_unit_test(test_nobody_reported_missing),
		cmocka_unit_test(test_overflow_refused),
		cmocka_unit_test(test_absorbed_parts_equal_whole),
		cmocka_unit_test(test_long_lag_list_order),
		cmocka_unit_test(test_add_slot_borrowed_equals_add),
		cmocka_unit_test(test_expect_is_only_room),
		cmocka_unit_test(test_seed_001_completion_rate),
		cmocka_unit_test(test_rate_json_is_rate_fmt_trimmed),
		cmocka_unit_test(test_lag_lengths),
		cmocka_unit_test(test_by_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
