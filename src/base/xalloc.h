/*
 * xalloc.h: allocation that cannot fail. Out of memory is the one condition
 * that ends the process below main (as git's xmalloc and Redis' zmalloc do):
 * every other error is returned to the caller.
 */
#ifndef TZ_XALLOC_H
#define TZ_XALLOC_H

#include <stddef.h>

/* Like malloc/calloc/realloc, but abort with a message on failure.
 * The caller frees the result with free(). */
void *tz_xmalloc(size_t size);
void *tz_xcalloc(size_t nmemb, size_t size);
void *tz_xrealloc(void *ptr, size_t size);

/* Copies of strings and memory; the caller frees. tz_xstrndup and
 * tz_xmemdupz copy at most len bytes and always NUL-terminate. */
char *tz_xstrdup(const char *s);
char *tz_xstrndup(const char *s, size_t len);
void *tz_xmemdupz(const void *data, size_t len);

/*
 * tz_xmalloc for a large array about to be filled: where the kernel
 * offers transparent huge pages on request (MADV_HUGEPAGE), they are
 * asked for the block's 2 MB-aligned middle, so filling megabytes takes
 * a fault per 2 MB instead of one per 4 KB. Only a hint: the block is an
 * ordinary one (free, realloc), its untouched pages cost nothing.
 */
void *tz_xmalloc_large(size_t size);

/* Report that `size` bytes could not be had, and abort. */
_Noreturn void tz_die_oom(size_t size);

/* n * size, aborting on overflow. */
size_t tz_st_mult(size_t n, size_t size);

/*
 * Grow an array `x` of `nr` used elements and `alloc` capacity so that it
 * holds at least `want` elements (git's ALLOC_GROW).
 */
#define TZ_ALLOC_GROW(x, want, alloc)                                        \
	do {                                                                 \
		if ((size_t)(want) > (size_t)(alloc)) {                      \
			size_t tz_ag_n_ = ((size_t)(alloc) + 16) * 3 / 2;    \
			if (tz_ag_n_ < (size_t)(want))                       \
				tz_ag_n_ = (size_t)(want);                   \
			(x) = tz_xrealloc((x), tz_st_mult(tz_ag_n_, sizeof(*(x)))); \
			(alloc) = tz_ag_n_;                                  \
		}                                                            \
	} while (0)

#endif
