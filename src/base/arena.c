/* arena.c: chunked bump allocation with release hooks. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "base/banned.h"

#define ARENA_CHUNK (64u * 1024)
#define ARENA_ALIGN 16u

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

struct arena_hook {
	struct arena_hook *next;
	void (*fn)(void *);
	void *arg;
};

struct tz_arena {
	struct arena_chunk *chunks;
	struct arena_hook *hooks;
	size_t used;
};

struct tz_arena *tz_arena_new(void)
{
	return tz_xcalloc(1, sizeof(struct tz_arena));
}

void tz_arena_free(struct tz_arena *a)
{
	if (!a)
		return;
	/* Hooks first: they may still read arena memory. */
	while (a->hooks) {
		struct arena_hook *h = a->hooks;
		a->hooks = h->next;
		h->fn(h->arg);
	}
	while (a->chunks) {
		struct arena_chunk *c = a->chunks;
		a->chunks = c->next;
		free(c);
	}
	free(a);
}

void *tz_arena_alloc(struct tz_arena *a, size_t size)
{
	struct arena_chunk *c = a->chunks;
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < size)
		tz_die_oom(size);
	if (!c || c->size - c->used < need) {
		size_t csize = need > ARENA_CHUNK / 4 ? need : ARENA_CHUNK;
		struct arena_chunk *n = tz_xmalloc(sizeof(*n) + csize);

		n->size = csize;
		n->used = 0;
		/* A big one-off allocation goes behind the current chunk
		 * so the current chunk's free space is not wasted. */
		if (c && csize != ARENA_CHUNK) {
			n->next = c->next;
			c->next = n;
		} else {
			n->next = c;
			a->chunks = n;
		}
		c = n;
	}
	p = c->data + c->used;
	c->used += need;
	a->used += size;
	return p;
}

void *tz_arena_calloc(struct tz_arena *a, size_t n, size_t size)
{
	size_t total = tz_st_mult(n, size);
	void *p = tz_arena_alloc(a, total);

	memset(p, 0, total);
	return p;
}

char *tz_arena_strndup(struct tz_arena *a, const char *s, size_t len)
{
	char *p = tz_arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *tz_arena_strdup(struct tz_arena *a, const char *s)
{
	return tz_arena_strndup(a, s, strlen(s));
}

void tz_arena_on_release(struct tz_arena *a, void (*fn)(void *), void *arg)
{
	struct arena_hook *h = tz_arena_alloc(a, sizeof(*h));

	h->fn = fn;
	h->arg = arg;
	h->next = a->hooks;
	a->hooks = h;
}

size_t tz_arena_used(const struct tz_arena *a)
{
	return a->used;
}
