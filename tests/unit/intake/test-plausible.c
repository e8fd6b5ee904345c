/*
 * test-plausible.c: intake/plausible.h's codes numbered by the caller
 * (tz_plausible_add_keyed, issue 6): the rows refused, their lines, the
 * 项目编号 named and the reasons are those tz_plausible_add gives, however
 * the keys and the codes go together.
 */
#include "tz-test.h"

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "intake/plausible.h"

/* Whole 万元 as 0.01 万元. */
#define W(x) ((int64_t)(x) * 100)

/* One ledger row: its line, code, key (the store's project id), 总投资,
 * 年度计划投资 (0: none) and, when > 0, the stored 总投资. */
struct lrow {
	long line;
	const char *code;
	int64_t key;
	int64_t total, plan, stored;
};

/* Every refusal tz_plausible_check reports, one line each. */
static void collect(void *ctx, long line, const char *code, const char *field,
		    const char *reason)
{
	tz_buf_addf(ctx, "%ld|%s|%s|%s\n", line, code, field ? field : "", reason);
}

/* The refusals of rows[0..n), added by key (keyed) or by text. */
static char *judge(const struct lrow *rows, size_t n, int keyed)
{
	struct tz_plausible p;
	struct tz_buf out = TZ_BUF_INIT;

	tz_plausible_init(&p);
	for (size_t i = 0; i < n; i++) {
		const struct lrow *r = &rows[i];

		if (keyed)
			tz_plausible_add_keyed(&p, TZ_PLAUS_TOTAL, r->line, r->code, r->key, r->total);
		else
			tz_plausible_add(&p, TZ_PLAUS_TOTAL, r->line, r->code, r->total);
		if (r->plan && keyed)
			tz_plausible_add_keyed(&p, TZ_PLAUS_PLAN, r->line, r->code, r->key, r->plan);
		else if (r->plan)
			tz_plausible_add(&p, TZ_PLAUS_PLAN, r->line, r->code, r->plan);
		if (r->stored)
			tz_plausible_ledger(&p, r->line, r->code, r->total, r->stored);
	}
	tz_plausible_check(&p, collect, &out);
	tz_plausible_release(&p);
	return tz_buf_detach(&out, NULL);
}

/*
 * A ledger of two years of the same projects (each key twice), one row
 * in 元 (line 5), one total 1000 times its stored one (line 9), and the
 * keys that cannot be used: 0, negative, past TZ_PLAUS_KEY_MAX, and a
 * key met again with another text of its code (a stored "p7" beside the
 * file's "P7"). Keyed or not, the same refusals naming the same codes.
 */
static void test_keyed_as_by_text(void **state)
{
	static const struct lrow rows[] = {
		{ 2, "P1", 1, W(1200), W(300), 0 },
		{ 3, "P2", 2, W(800), W(200), 0 },
		{ 4, "P3", 3, W(1500), W(500), 0 },
		{ 5, "P4", 4, W(25000000), W(9000000), 0 },  /* typed in 元 */
		{ 6, "P1", 1, W(1300), W(400), 0 },
		{ 7, "P2", 2, W(900), 0, 0 },
		{ 8, "P7", 7, W(1000), W(100), 0 },
		{ 9, "p7", 7, W(40000000), W(150), 0 },       /* the key's other text, in 元 */
		{ 10, "P8", 0, W(700), W(70), 0 },
		{ 11, "P9", -3, W(600), W(60), 0 },
		{ 12, "P10", TZ_PLAUS_KEY_MAX + 1, W(650), W(65), 0 },
		{ 13, "P11", 11, W(5000000), W(500), W(5) },  /* 10^6 times its stored */
		{ 14, "", 12, W(50000000), W(600), 0 },       /* no code: named by line */
		{ 15, "P3", 3, W(30000000), W(9000000), 0 },  /* the key's code again */
	};
	char *by_text = judge(rows, sizeof(rows) / sizeof(rows[0]), 0);
	char *by_key = judge(rows, sizeof(rows) / sizeof(rows[0]), 1);

	(void)state;
	/* The file's outliers and the stored comparison are found... */
	assert_non_null(strstr(by_text, "5|P4|"));
	assert_non_null(strstr(by_text, "9|p7|"));
	assert_non_null(strstr(by_text, "13|P11|"));
	assert_non_null(strstr(by_text, "14||"));
	assert_non_null(strstr(by_text, "15|P3|"));
	/* ...and said alike, byte for byte. */
	assert_string_equal(by_key, by_text);
	free(by_text);
	free(by_key);
}

/*
 * Many projects, each key met in two years: the array of keys grows
 * (keys well past its first size) and every row keeps its code.
 */
static void test_many_keys(void **state)
{
	enum { N = 5000 };
	static struct lrow rows[2 * N];
	static char codes[N][16];
	char *by_text, *by_key;

	(void)state;
	for (int i = 0; i < N; i++) {
		snprintf(codes[i], sizeof(codes[i]), "P%05d", i);
		rows[i] = (struct lrow){ 2 + i, codes[i], 1 + 3 * (int64_t)i, W(100 + i % 97),
					 W(10 + i % 13), 0 };
		rows[N + i] = (struct lrow){ 2 + N + i, codes[i], 1 + 3 * (int64_t)i,
					     W(110 + i % 89), 0, 0 };
	}
	/* Two in 元, one in each year. */
	rows[17].total = W(99000000);
	rows[N + 4321].total = W(88000000);
	by_text = judge(rows, 2 * N, 0);
	by_key = judge(rows, 2 * N, 1);
	assert_non_null(strstr(by_text, "|P00017|"));
	assert_non_null(strstr(by_text, "|P04321|"));
	assert_string_equal(by_key, by_text);
	free(by_text);
	free(by_key);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyed_as_by_text),
		cmocka_unit_test(test_many_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
