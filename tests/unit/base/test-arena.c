/*
 * test-arena.c: the region allocator (base/arena.h): alignment, big and
 * small allocations that never overlap, copies, accounting and release
 * hooks in reverse order.
 */
#include "tz-test.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/arena.h"

static int aligned16(const void *p)
{
	return ((uintptr_t)p & 15u) == 0;
}

static void test_alignment(void **state)
{
	struct tz_arena *a = tz_arena_new();

	(void)state;
	for (size_t size = 0; size < 200; size++) {
		void *p = tz_arena_alloc(a, size);

		assert_non_null(p);
		if (!aligned16(p))
			fail_msg("alloc(%zu) = %p not 16-aligned", size, p);
		/* A long double or an __int128 can live there. */
		if (size >= sizeof(long double))
			*(long double *)p = 1.5L;
	}
	for (size_t n = 1; n < 50; n++) {
		void *p = tz_arena_calloc(a, n, 3);
		assert_true(aligned16(p));
		assert_true(aligned16(tz_arena_strdup(a, "x")));
	}
	tz_arena_free(a);
}

/* Many interleaved allocations of mixed sizes keep their own bytes. */
static void test_allocations_do_not_overlap(void **state)
{
	enum { N = 3000 };
	struct tz_arena *a = tz_arena_new();
	unsigned char *ptr[N];
	size_t size[N];
	uint64_t x = 12345;

	(void)state;
	for (int i = 0; i < N; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* Mostly small, some a quarter chunk or more, a few huge. */
		size[i] = i % 500 == 7 ? 300000 + x % 1000
			: i % 50 == 3 ? 16 * 1024 + x % 40000
			: x % 200;
		ptr[i] = tz_arena_alloc(a, size[i]);
		assert_true(aligned16(ptr[i]));
		memset(ptr[i], i & 0xFF, size[i]);
	}
	for (int i = 0; i < N; i++)
		for (size_t k = 0; k < size[i]; k++)
			if (ptr[i][k] != (unsigned char)(i & 0xFF))
				fail_msg("allocation %d (%zu bytes) overwritten at %zu", i, size[i], k);
	tz_arena_free(a);
}

static void test_big_allocations(void **state)
{
	struct tz_arena *a = tz_arena_new();
	char *small1, *big, *small2, *huge;

	(void)state;
	small1 = tz_arena_alloc(a, 10);
	memcpy(small1, "123456789", 10);
	big = tz_arena_alloc(a, 1024 * 1024);
	assert_true(aligned16(big));
	memset(big, 'B', 1024 * 1024);
	small2 = tz_arena_alloc(a, 10);
	memcpy(small2, "abcdefghi", 10);
	huge = tz_arena_alloc(a, 20u * 1024 * 1024);
	assert_true(aligned16(huge));
	huge[0] = 'H';
	huge[20u * 1024 * 1024 - 1] = 'h';
	assert_string_equal(small1, "123456789");
	assert_string_equal(small2, "abcdefghi");
	assert_int_equal(big[0], 'B');
	assert_int_equal(big[1024 * 1024 - 1], 'B');
	assert_int_equal(huge[20u * 1024 * 1024 - 1], 'h');
	/* A big allocation first, then small ones. */
	tz_arena_free(a);
	a = tz_arena_new();
	big = tz_arena_alloc(a, 100000);
	memset(big, 1, 100000);
	small1 = tz_arena_alloc(a, 1);
	*small1 = 2;
	assert_int_equal(big[99999], 1);
	tz_arena_free(a);
}

static void test_calloc_zeroes(void **state)
{
	struct tz_arena *a = tz_arena_new();
	unsigned char *p;

	(void)state;
	/* Dirty the heap first, so zeroes are not luck. */
	p = tz_arena_alloc(a, 200000);
	memset(p, 0xAA, 200000);
	tz_arena_free(a);
	a = tz_arena_new();
	for (int round = 0; round < 3; round++) {
		p = tz_arena_calloc(a, 1000, 200);
		for (size_t i = 0; i < 200000; i++)
			if (p[i])
				fail_msg("byte %zu not zero", i);
		memset(p, 0x55, 200000);
	}
	p = tz_arena_calloc(a, 17, 3);
	for (size_t i = 0; i < 51; i++)
		assert_int_equal(p[i], 0);
	assert_non_null(tz_arena_calloc(a, 0, 8));
	assert_non_null(tz_arena_calloc(a, 8, 0));
	tz_arena_free(a);
}

static void test_strdup(void **state)
{
	struct tz_arena *a = tz_arena_new();
	char src[] = "项目编号P001";
	char *d, *n;

	(void)state;
	d = tz_arena_strdup(a, src);
	assert_ptr_not_equal(d, src);
	assert_string_equal(d, "项目编号P001");
	n = tz_arena_strndup(a, src, 6);
	assert_string_equal(n, "项目");
	src[0] = 'X';
	assert_string_equal(d, "项目编号P001");
	assert_string_equal(tz_arena_strdup(a, ""), "");
	assert_string_equal(tz_arena_strndup(a, "abc", 0), "");
	/* strndup copies len bytes as they are and terminates. */
	n = tz_arena_strndup(a, "a\0b", 3);
	assert_memory_equal(n, "a\0b", 4);
	tz_arena_free(a);
}

static void test_used_counts_bytes(void **state)
{
	struct tz_arena *a = tz_arena_new();

	(void)state;
	assert_int_equal(tz_arena_used(a), 0);
	tz_arena_alloc(a, 10);
	assert_int_equal(tz_arena_used(a), 10);
	tz_arena_alloc(a, 100000);
	assert_int_equal(tz_arena_used(a), 100010);
	tz_arena_calloc(a, 3, 5);
	assert_int_equal(tz_arena_used(a), 100025);
	tz_arena_strdup(a, "abc");
	assert_int_equal(tz_arena_used(a), 100029);
	tz_arena_free(a);
}

struct hook_log {
	int order[100];
	int n;
};

struct hook_arg {
	struct hook_log *log;
	int id;
	char *text;  /* arena memory the hook reads */
};

static void hook(void *p)
{
	struct hook_arg *h = p;

	/* Arena memory is still there while hooks run. */
	assert_int_equal(h->text[0], 'h');
	h->log->order[h->log->n++] = h->id;
}

static void test_release_hooks_reverse_order(void **state)
{
	struct tz_arena *a = tz_arena_new();
	struct hook_log log = { { 0 }, 0 };

	(void)state;
	for (int i = 0; i < 100; i++) {
		struct hook_arg *h = tz_arena_alloc(a, sizeof(*h));

		h->log = &log;
		h->id = i;
		h->text = tz_arena_strdup(a, "hook");
		tz_arena_on_release(a, hook, h);
		/* Fill chunks in between so hooks span several of them. */
		tz_arena_alloc(a, 3000);
	}
	assert_int_equal(log.n, 0);
	tz_arena_free(a);
	assert_int_equal(log.n, 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(log.order[i], 99 - i);
}

static void count_hook(void *p)
{
	++*(int *)p;
}

static void test_free_null_and_empty(void **state)
{
	struct tz_arena *a = tz_arena_new();
	int calls = 0;

	(void)state;
	tz_arena_free(NULL);
	tz_arena_free(a);
	a = tz_arena_new();
	tz_arena_on_release(a, count_hook, &calls);
	tz_arena_on_release(a, count_hook, &calls);
	tz_arena_free(a);
	assert_int_equal(calls, 2);
}

/* Run fn in a child; 1 if it died of a signal (abort), as "never NULL" means. */
static int dies(void (*fn)(void))
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
}

static void alloc_size_max(void)
{
	struct tz_arena *a = tz_arena_new();
	(void)tz_arena_alloc(a, SIZE_MAX - 3);
}

static void calloc_overflow(void)
{
	struct tz_arena *a = tz_arena_new();
	(void)tz_arena_calloc(a, SIZE_MAX / 2, 3);
}

static void test_impossible_sizes_abort(void **state)
{
	(void)state;
	assert_true(dies(alloc_size_max));
	assert_true(dies(calloc_overflow));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_allocations_do_not_overlap),
		cmocka_unit_test(test_big_allocations),
		cmocka_unit_test(test_calloc_zeroes),
		cmocka_unit_test(test_strdup),
		cmocka_unit_test(test_used_counts_bytes),
		cmocka_unit_test(test_release_hooks_reverse_order),
		cmocka_unit_test(test_free_null_and_empty),
		cmocka_unit_test(test_impossible_sizes_abort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
