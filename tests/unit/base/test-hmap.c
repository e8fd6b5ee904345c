/*
 * test-hmap.c: the byte-string map (base/hmap.h): growth to many keys,
 * binary keys, replacement, owned key copies, iteration and reserving
 * room ahead.
 */
#include "tz-test.h"

#include "base/hmap.h"

#define MANY 100000

static size_t key_of(char *buf, size_t size, int i)
{
	return (size_t)snprintf(buf, size, "P%08d-鲅鱼圈区", i);
}

static void test_empty_map(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	int64_t v = 42;
	size_t pos = 0;
	const char *k;
	size_t len;

	(void)state;
	assert_int_equal(tz_hmap_count(m), 0);
	assert_int_equal(tz_hmap_get(m, "a", 1, &v), 0);
	assert_int_equal(v, 42);  /* untouched when absent */
	assert_int_equal(tz_hmap_get(m, "", 0, NULL), 0);
	assert_int_equal(tz_hmap_next(m, &pos, &k, &len, &v), 0);
	tz_hmap_free(m);
	tz_hmap_free(NULL);
}

static void test_many_keys_with_growth(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	const char **stored = malloc(MANY * sizeof(*stored));
	char key[64];

	(void)state;
	assert_non_null(stored);
	for (int i = 0; i < MANY; i++) {
		size_t len = key_of(key, sizeof(key), i);

		assert_int_equal(tz_hmap_put(m, key, len, (int64_t)i * 3 - 7, &stored[i]), 1);
		/* The map keeps its own copy: the caller's buffer is reused. */
		assert_ptr_not_equal(stored[i], key);
		assert_int_equal(tz_hmap_count(m), (size_t)i + 1);
	}
	memset(key, 'x', sizeof(key));
	for (int i = 0; i < MANY; i++) {
		size_t len = key_of(key, sizeof(key), i);
		int64_t v = 0;

		if (!tz_hmap_get(m, key, len, &v))
			fail_msg("key %d lost after growth", i);
		assert_int_equal(v, (int64_t)i * 3 - 7);
		/* Stored keys stay valid and NUL-terminated through growth. */
		assert_memory_equal(stored[i], key, len);
		assert_int_equal(stored[i][len], '\0');
	}
	/* Absent keys near present ones. */
	for (int i = MANY; i < MANY + 1000; i++) {
		size_t len = key_of(key, sizeof(key), i);
		assert_int_equal(tz_hmap_get(m, key, len, NULL), 0);
	}
	assert_int_equal(tz_hmap_get(m, "P00000001", 9, NULL), 0);
	free(stored);
	tz_hmap_free(m);
}

static void test_replace(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	const char *first = NULL, *again = NULL;
	int64_t v;

	(void)state;
	assert_int_equal(tz_hmap_put(m, "港口", strlen("港口"), 1, &first), 1);
	assert_int_equal(tz_hmap_put(m, "港口", strlen("港口"), 2, &again), 0);
	assert_ptr_equal(first, again);
	assert_string_equal(first, "港口");
	assert_int_equal(tz_hmap_count(m), 1);
	assert_int_equal(tz_hmap_get(m, "港口", strlen("港口"), &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(tz_hmap_put(m, "港口", strlen("港口"), INT64_MIN, NULL), 0);
	assert_int_equal(tz_hmap_get(m, "港口", strlen("港口"), &v), 1);
	assert_int_equal(v, INT64_MIN);
	assert_int_equal(tz_hmap_put(m, "x", 1, INT64_MAX, NULL), 1);
	assert_int_equal(tz_hmap_get(m, "x", 1, &v), 1);
	assert_int_equal(v, INT64_MAX);
	/* Replacing many times neither grows the count nor loses keys. */
	for (int i = 0; i < 10000; i++)
		assert_int_equal(tz_hmap_put(m, "x", 1, i, NULL), 0);
	assert_int_equal(tz_hmap_count(m), 2);
	assert_int_equal(tz_hmap_get(m, "x", 1, &v), 1);
	assert_int_equal(v, 9999);
	tz_hmap_free(m);
}

static void test_binary_keys(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	const char *stored = NULL;
	int64_t v;

	(void)state;
	/* Keys differing only after a NUL, and prefixes, are distinct. */
	assert_int_equal(tz_hmap_put(m, "a\0b", 3, 1, &stored), 1);
	assert_memory_equal(stored, "a\0b", 3);
	assert_int_equal(tz_hmap_put(m, "a\0c", 3, 2, NULL), 1);
	assert_int_equal(tz_hmap_put(m, "a", 1, 3, NULL), 1);
	assert_int_equal(tz_hmap_put(m, "a\0", 2, 4, NULL), 1);
	assert_int_equal(tz_hmap_put(m, "", 0, 5, &stored), 1);
	assert_non_null(stored);
	assert_int_equal(tz_hmap_put(m, "\0", 1, 6, NULL), 1);
	assert_int_equal(tz_hmap_put(m, "\0\0", 2, 7, NULL), 1);
	assert_int_equal(tz_hmap_put(m, "\xFF\xFE", 2, 8, NULL), 1);
	assert_int_equal(tz_hmap_count(m), 8);

	assert_int_equal(tz_hmap_get(m, "a\0b", 3, &v), 1);
	assert_int_equal(v, 1);
	assert_int_equal(tz_hmap_get(m, "a\0c", 3, &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(tz_hmap_get(m, "a", 1, &v), 1);
	assert_int_equal(v, 3);
	assert_int_equal(tz_hmap_get(m, "a\0", 2, &v), 1);
	assert_int_equal(v, 4);
	assert_int_equal(tz_hmap_get(m, "", 0, &v), 1);
	assert_int_equal(v, 5);
	assert_int_equal(tz_hmap_get(m, "\0", 1, &v), 1);
	assert_int_equal(v, 6);
	assert_int_equal(tz_hmap_get(m, "\0\0", 2, &v), 1);
	assert_int_equal(v, 7);
	assert_int_equal(tz_hmap_get(m, "\xFF\xFE", 2, &v), 1);
	assert_int_equal(v, 8);
	assert_int_equal(tz_hmap_get(m, "a\0d", 3, NULL), 0);
	assert_int_equal(tz_hmap_get(m, "\0\0\0", 3, NULL), 0);
	/* len, not NUL, ends the key. */
	assert_int_equal(tz_hmap_get(m, "abc", 1, &v), 1);
	assert_int_equal(v, 3);
	tz_hmap_free(m);
}

static void test_binary_keys_many(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	unsigned char key[12];

	(void)state;
	/* All-binary 12-byte keys, mostly zero bytes. */
	for (uint32_t i = 0; i < 50000; i++) {
		memset(key, 0, sizeof(key));
		memcpy(key + 4, &i, sizeof(i));
		assert_int_equal(tz_hmap_put(m, (char *)key, sizeof(key), i, NULL), 1);
	}
	for (uint32_t i = 0; i < 50000; i++) {
		int64_t v = -1;

		memset(key, 0, sizeof(key));
		memcpy(key + 4, &i, sizeof(i));
		assert_int_equal(tz_hmap_get(m, (char *)key, sizeof(key), &v), 1);
		assert_int_equal(v, i);
		/* The same bytes one shorter are another key. */
		assert_int_equal(tz_hmap_get(m, (char *)key, sizeof(key) - 1, NULL), 0);
	}
	tz_hmap_free(m);
}

static void test_iteration_visits_each_once(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	unsigned char *seen = calloc(MANY, 1);
	char key[64];
	size_t pos = 0, visits = 0, len;
	const char *k;
	int64_t v;

	(void)state;
	assert_non_null(seen);
	for (int i = 0; i < MANY; i++)
		tz_hmap_put(m, key, key_of(key, sizeof(key), i), i, NULL);
	/* Replacing values does not add entries to the iteration. */
	for (int i = 0; i < MANY; i += 7)
		assert_int_equal(tz_hmap_put(m, key, key_of(key, sizeof(key), i), i, NULL), 0);
	while (tz_hmap_next(m, &pos, &k, &len, &v)) {
		assert_true(v >= 0 && v < MANY);
		if (seen[v]++)
			fail_msg("value %lld visited twice", (long long)v);
		/* The key is the one stored for this value. */
		assert_int_equal(len, key_of(key, sizeof(key), (int)v));
		assert_memory_equal(k, key, len);
		visits++;
	}
	assert_int_equal(visits, MANY);
	/* Once finished it stays finished. */
	assert_int_equal(tz_hmap_next(m, &pos, &k, &len, &v), 0);
	free(seen);
	tz_hmap_free(m);
}

static void test_hash_is_stable(void **state)
{
	(void)state;
	/* Pinned so that a change of the function is deliberate (nothing
	 * persists these today: hash tables and import comparisons). */
	assert_true(tz_hash_bytes("", 0) == tz_hash_bytes("x", 0));
	assert_true(tz_hash_bytes("abc", 3) == tz_hash_bytes("abcdef", 3));
	assert_true(tz_hash_bytes("abc", 3) != tz_hash_bytes("abd", 3));
	assert_true(tz_hash_bytes("a", 1) != tz_hash_bytes("a\0", 2));
	assert_true(tz_hash_bytes("", 0) == UINT64_C(0x0241cf46b1075388));
	assert_true(tz_hash_bytes("项目编号", 12) == UINT64_C(0x55b8f0256ed922e5));
	/* Every length of tail, and word boundaries. */
	for (size_t n = 1; n < 20; n++)
		assert_true(tz_hash_bytes("abcdefghijklmnopqrst", n) !=
			    tz_hash_bytes("abcdefghijklmnopqrst", n - 1));
	assert_true(tz_hash_bytes("12345678", 8) != tz_hash_bytes("12345679", 8));
	/* Fields hashed one after another, each with its NUL, keep apart. */
	assert_true(tz_hash_more(tz_hash_more(0, "ab", 3), "c", 2) !=
		    tz_hash_more(tz_hash_more(0, "a", 2), "bc", 3));
}

/* m holds what ref holds: the same keys, values and order. */
static void assert_same_map(const struct tz_hmap *m, const struct tz_hmap *ref)
{
	size_t pa = 0, pb = 0, la, lb;
	const char *ka, *kb;
	int64_t va, vb;

	while (tz_hmap_next(m, &pa, &ka, &la, &va)) {
		assert_int_equal(tz_hmap_next(ref, &pb, &kb, &lb, &vb), 1);
		assert_int_equal(la, lb);
		assert_memory_equal(ka, kb, la);
		assert_int_equal(va, vb);
	}
	assert_int_equal(tz_hmap_next(ref, &pb, &kb, &lb, &vb), 0);
}

/*
 * tz_hmap_add: a new key is added with its value, a present one is left
 * as it was and its value given; through growth, the map holds what
 * tz_hmap_put would have made (same keys, values and order).
 */
static void test_add_once(void **state)
{
	struct tz_hmap *m = tz_hmap_new(), *ref = tz_hmap_new();
	char key[64];
	int64_t old = -1;

	(void)state;
	for (int i = 0; i < MANY; i++) {
		size_t len = key_of(key, sizeof(key), i);

		assert_int_equal(tz_hmap_add(m, key, len, i, NULL), 1);
		tz_hmap_put(ref, key, len, i, NULL);
		/* Present: not replaced, the value it has given back. */
		assert_int_equal(tz_hmap_add(m, key, len, -5, &old), 0);
		assert_int_equal(old, i);
	}
	assert_int_equal(tz_hmap_count(m), MANY);
	assert_int_equal(tz_hmap_add(m, "", 0, 7, NULL), 1);
	assert_int_equal(tz_hmap_add(m, "", 0, 8, &old), 0);
	assert_int_equal(old, 7);
	tz_hmap_put(ref, "", 0, 7, NULL);
	assert_same_map(m, ref);
	tz_hmap_free(m);
	tz_hmap_free(ref);
}

/*
 * tz_hmap_prefetch (issue 6) is a hint: asked for present and absent
 * keys, empty or binary, on an empty map and through growth, it changes
 * neither the keys, their values, their count nor the order of
 * iteration (the same as a map never asked).
 */
static void test_prefetch_changes_nothing(void **state)
{
	struct tz_hmap *m = tz_hmap_new(), *ref = tz_hmap_new();
	char key[64];

	(void)state;
	tz_hmap_prefetch(m, "", 0);
	tz_hmap_prefetch(m, "\0\1", 2);
	for (int i = 0; i < MANY; i++) {
		size_t len = key_of(key, sizeof(key), i);

		tz_hmap_prefetch(m, key, len);
		if (i >= 5) {  /* a key added five back, as the import asks */
			size_t back = key_of(key, sizeof(key), i - 5);

			tz_hmap_prefetch(m, key, back);
			len = key_of(key, sizeof(key), i);
		}
		assert_int_equal(tz_hmap_add(m, key, len, i, NULL), 1);
		tz_hmap_put(ref, key, len, i, NULL);
	}
	assert_int_equal(tz_hmap_count(m), MANY);
	for (int i = 0; i < MANY + 100; i += 7) {
		size_t len = key_of(key, sizeof(key), i);
		int64_t v = -1;

		tz_hmap_prefetch(m, key, len);
		assert_int_equal(tz_hmap_get(m, key, len, &v), i < MANY);
		assert_int_equal(v, i < MANY ? i : -1);
	}
	assert_same_map(m, ref);
	tz_hmap_free(m);
	tz_hmap_free(ref);
}

/*
 * tz_hmap_reserve: room made ahead, before any key (an import's codes,
 * sqlite-import.c) and between keys, keeps every key, value and stored
 * copy; a smaller reserve changes nothing; the keys added up to the
 * reserved count are all found afterwards, through the mapped table a
 * large reserve makes.
 */
static void test_reserve(void **state)
{
	struct tz_hmap *m = tz_hmap_new();
	const char *first = NULL, *again = NULL;
	char key[64];
	size_t len;
	int64_t v;

	(void)state;
	tz_hmap_reserve(m, 0);
	len = key_of(key, sizeof(key), 7);
	assert_int_equal(tz_hmap_put(m, key, len, 70, &first), 1);
	/* A large table (8 MB of slots) after a key is in. */
	tz_hmap_reserve(m, MANY);
	tz_hmap_reserve(m, 10);  /* smaller: nothing */
	assert_int_equal(tz_hmap_count(m), 1);
	assert_int_equal(tz_hmap_get(m, key, len, &v), 1);
	assert_int_equal(v, 70);
	for (int i = 0; i < MANY; i++) {
		len = key_of(key, sizeof(key), i);
		assert_int_equal(tz_hmap_add(m, key, len, i, &v), i != 7);
	}
	assert_int_equal(tz_hmap_count(m), MANY);
	for (int i = 0; i < MANY; i++) {
		len = key_of(key, sizeof(key), i);
		if (!tz_hmap_get(m, key, len, &v))
			fail_msg("key %d lost after reserve", i);
		assert_int_equal(v, i == 7 ? 70 : i);
	}
	/* The copy stored before the reserve is the map's still. */
	len = key_of(key, sizeof(key), 7);
	assert_int_equal(tz_hmap_put(m, key, len, 71, &again), 0);
	assert_ptr_equal(again, first);
	/* Past the reserve it grows as before. */
	for (int i = MANY; i < MANY + 1000; i++) {
		len = key_of(key, sizeof(key), i);
		assert_int_equal(tz_hmap_put(m, key, len, i, NULL), 1);
	}
	for (int i = 0; i < MANY + 1000; i += 997) {
		len = key_of(key, sizeof(key), i);
		assert_int_equal(tz_hmap_get(m, key, len, NULL), 1);
	}
	tz_hmap_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_many_keys_with_growth),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_binary_keys),
		cmocka_unit_test(test_binary_keys_many),
		cmocka_unit_test(test_iteration_visits_each_once),
		cmocka_unit_test(test_hash_is_stable),
		cmocka_unit_test(test_add_once),
		cmocka_unit_test(test_prefetch_changes_nothing),
		cmocka_unit_test(test_reserve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
