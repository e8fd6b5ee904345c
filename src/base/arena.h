/*
 * arena.h: a region allocator (after nginx pools and git's mem-pool).
 *
 * Many small allocations that share a lifetime (one request, one import
 * batch, one parsed document) come from an arena and are released together
 * by tz_arena_free(); nothing allocated from an arena is freed alone.
 * Release hooks run at tz_arena_free() in reverse order of registration,
 * for resources that are not memory (statements, files).
 */
#ifndef TZ_ARENA_H
#define TZ_ARENA_H

#include <stddef.h>

struct tz_arena;

/* A new, empty arena. The caller releases it with tz_arena_free(). */
struct tz_arena *tz_arena_new(void);

/* Run the release hooks, free every allocation and the arena. NULL is ok. */
void tz_arena_free(struct tz_arena *a);

/* `size` bytes aligned for any type, owned by the arena. Never NULL. */
void *tz_arena_alloc(struct tz_arena *a, size_t size);

/* Zeroed `n * size` bytes owned by the arena. */
void *tz_arena_calloc(struct tz_arena *a, size_t n, size_t size);

/* NUL-terminated copies owned by the arena. */
char *tz_arena_strdup(struct tz_arena *a, const char *s);
char *tz_arena_strndup(struct tz_arena *a, const char *s, size_t len);

/* Register fn(arg) to run when the arena is freed. */
void tz_arena_on_release(struct tz_arena *a, void (*fn)(void *), void *arg);

/* Bytes handed out so far (for tests and limits). */
size_t tz_arena_used(const struct tz_arena *a);

#endif
