/* xalloc.c: allocation wrappers that abort on out-of-memory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/xalloc.h"
#include "base/banned.h"

_Noreturn void tz_die_oom(size_t size)
{
	fprintf(stderr, "taizhang: 内存不足 (out of memory allocating %zu bytes)\n", size);
	abort();
}

void *tz_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		tz_die_oom(size);
	return p;
}

#define HUGE_PAGE ((uintptr_t)2 << 20)

void *tz_xmalloc_large(size_t size)
{
	void *p = tz_xmalloc(size);
#ifdef MADV_HUGEPAGE
	uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t hi = ((uintptr_t)p + size) & ~(HUGE_PAGE - 1);

	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* a hint: failure changes nothing */
#endif
	return p;
}

void *tz_xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		tz_die_oom(nmemb * size);
	return p;
}

void *tz_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		tz_die_oom(size);
	return p;
}

char *tz_xstrdup(const char *s)
{
	return tz_xmemdupz(s, strlen(s));
}

char *tz_xstrndup(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);
	return tz_xmemdupz(s, nul ? (size_t)(nul - s) : len);
}

void *tz_xmemdupz(const void *data, size_t len)
{
	char *p;

	if (len == SIZE_MAX)
		tz_die_oom(len);
	p = tz_xmalloc(len + 1);
	if (len)
		memcpy(p, data, len);
	p[len] = '\0';
	return p;
}

size_t tz_st_mult(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		tz_die_oom(SIZE_MAX);
	return n * size;
}
