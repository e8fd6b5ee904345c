/* hmap.c: open-addressing string map with arena-owned keys. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/arena.h"
#include "base/hmap.h"
#include "base/xalloc.h"
#include "base/banned.h"

struct hmap_slot {
	const char *key;  /* NULL = empty */
	size_t len;
	uint64_t hash;
	int64_t value;
};

struct tz_hmap {
	struct hmap_slot *slots;
	size_t cap;    /* power of two */
	size_t count;
	int mapped;    /* slots from new_slots' mapping (free_slots) */
	struct tz_arena *keys;
};

static void free_slots(struct hmap_slot *slots, size_t cap, int mapped);

uint64_t tz_hash_more(uint64_t h, const void *data, size_t len)
{
	/*
	 * Eight bytes a step (the multiply-rotate of FxHash), the tail
	 * zero-padded with its length folded in: keys here are codes and
	 * rows of text, hashed once per imported row, where a byte at a
	 * time was a twentieth of a ledger import.
	 */
	const unsigned char *p = data;
	uint64_t w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (((h << 5) | (h >> 59)) ^ w) * 0x517cc1b727220a95ULL;
	}
	w = (uint64_t)len << 56;
	memcpy(&w, p, len);
	return (((h << 5) | (h >> 59)) ^ w) * 0x517cc1b727220a95ULL;
}

uint64_t tz_hash_bytes(const void *data, size_t len)
{
	/* Then a final mix so linear probing sees spread bits. */
	uint64_t h = tz_hash_more(0xcbf29ce484222325ULL ^ len, data, len);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

struct tz_hmap *tz_hmap_new(void)
{
	struct tz_hmap *m = tz_xcalloc(1, sizeof(*m));

	m->cap = 64;
	m->slots = tz_xcalloc(m->cap, sizeof(*m->slots));
	m->keys = tz_arena_new();
	return m;
}

void tz_hmap_free(struct tz_hmap *m)
{
	if (!m)
		return;
	free_slots(m->slots, m->cap, m->mapped);
	tz_arena_free(m->keys);
	free(m);
}

size_t tz_hmap_count(const struct tz_hmap *m)
{
	return m->count;
}

static struct hmap_slot *find_slot(struct hmap_slot *slots, size_t cap, uint64_t hash,
				   const char *key, size_t len)
{
	size_t i = (size_t)hash & (cap - 1);

	for (;;) {
		struct hmap_slot *s = &slots[i];
		if (!s->key)
			return s;
		if (s->hash == hash && s->len == len && !memcmp(s->key, key, len))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

/*
 * Slots for ncap entries, all empty. A large table (an import's codes:
 * 8 MB for 100,000) is read at random, one TLB miss a lookup with 4 KB
 * pages, so it is mapped on 2 MB boundaries and asks for huge pages
 * where the kernel gives them only on request; its pages come zeroed
 * from the kernel, which a memset would write a second time. *mapped
 * says which kind it is, for free_slots().
 */
#define HUGE_PAGE ((size_t)2 << 20)

static size_t mapped_len(size_t ncap)
{
	return (ncap * sizeof(struct hmap_slot) + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

static struct hmap_slot *new_slots(size_t ncap, int *mapped)
{
	size_t size = tz_st_mult(ncap, sizeof(struct hmap_slot)), len;
	char *raw, *at;

	*mapped = 0;
	if (size < 2 * HUGE_PAGE)
		return tz_xcalloc(ncap, sizeof(struct hmap_slot));
	len = mapped_len(ncap);
	raw = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return tz_xcalloc(ncap, sizeof(struct hmap_slot));
	/* The aligned middle is kept, the ends given back. */
	at = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
	if (at > raw)
		munmap(raw, (size_t)(at - raw));
	if (raw + len + HUGE_PAGE > at + len)
		munmap(at + len, (size_t)(raw + len + HUGE_PAGE - (at + len)));
#ifdef MADV_HUGEPAGE
	madvise(at, len, MADV_HUGEPAGE);
#endif
	*mapped = 1;
	return (struct hmap_slot *)at;
}

static void free_slots(struct hmap_slot *slots, size_t cap, int mapped)
{
	if (mapped)
		munmap(slots, mapped_len(cap));
	else
		free(slots);
}

/* Slots of the old table ahead of the one grow() moves whose place in
 * the new one it loads into the cache meanwhile. */
#define GROW_AHEAD 16

/* Move every key into a table of ncap slots (a power of two, more than
 * twice the count). */
static void rehash(struct tz_hmap *m, size_t ncap)
{
	int mapped;
	struct hmap_slot *ns = new_slots(ncap, &mapped);

	for (size_t i = 0; i < m->cap; i++) {
		struct hmap_slot *s = &m->slots[i];

		/* The new table is written at random: each move a miss
		 * unless its slot is asked for ahead. */
		if (i + GROW_AHEAD < m->cap && m->slots[i + GROW_AHEAD].key)
			__builtin_prefetch(&ns[(size_t)m->slots[i + GROW_AHEAD].hash & (ncap - 1)], 1);
		if (s->key)
			*find_slot(ns, ncap, s->hash, s->key, s->len) = *s;
	}
	free_slots(m->slots, m->cap, m->mapped);
	m->slots = ns;
	m->cap = ncap;
	m->mapped = mapped;
}

static void grow(struct tz_hmap *m)
{
	rehash(m, m->cap * 2);
}

void tz_hmap_reserve(struct tz_hmap *m, size_t n)
{
	size_t ncap = m->cap;

	/* The load factor stays under 1/2 (tz_hmap_put); past half the
	 * address space no table could be had anyway. */
	if (n > SIZE_MAX / 4)
		tz_die_oom(SIZE_MAX);
	while ((n + 1) * 2 > ncap)
		ncap *= 2;
	if (ncap != m->cap)
		rehash(m, ncap);
}

void tz_hmap_prefetch(const struct tz_hmap *m, const char *key, size_t len)
{
	__builtin_prefetch(&m->slots[(size_t)tz_hash_bytes(key, len) & (m->cap - 1)]);
}

int tz_hmap_get(const struct tz_hmap *m, const char *key, size_t len, int64_t *value)
{
	struct hmap_slot *s = find_slot(m->slots, m->cap, tz_hash_bytes(key, len), key, len);

	if (!s->key)
		return 0;
	if (value)
		*value = s->value;
	return 1;
}

int tz_hmap_put(struct tz_hmap *m, const char *key, size_t len, int64_t value,
		const char **stored_key)
{
	uint64_t hash = tz_hash_bytes(key, len);
	struct hmap_slot *s;

	/* Keep the load factor under 1/2 so probe runs stay short. */
	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	s = find_slot(m->slots, m->cap, hash, key, len);
	if (s->key) {
		s->value = value;
		if (stored_key)
			*stored_key = s->key;
		return 0;
	}
	s->key = tz_arena_strndup(m->keys, key, len);
	s->len = len;
	s->hash = hash;
	s->value = value;
	m->count++;
	if (stored_key)
		*stored_key = s->key;
	return 1;
}

int tz_hmap_add(struct tz_hmap *m, const char *key, size_t len, int64_t value, int64_t *old)
{
	uint64_t hash = tz_hash_bytes(key, len);
	struct hmap_slot *s = find_slot(m->slots, m->cap, hash, key, len);

	if (s->key) {
		if (old)
			*old = s->value;
		return 0;
	}
	/* As tz_hmap_put: the load factor stays under 1/2. */
	if ((m->count + 1) * 2 > m->cap) {
		grow(m);
		s = find_slot(m->slots, m->cap, hash, key, len);
	}
	s->key = tz_arena_strndup(m->keys, key, len);
	s->len = len;
	s->hash = hash;
	s->value = value;
	m->count++;
	return 1;
}

int tz_hmap_next(const struct tz_hmap *m, size_t *pos, const char **key,
		 size_t *len, int64_t *value)
{
	while (*pos < m->cap) {
		const struct hmap_slot *s = &m->slots[(*pos)++];
		if (s->key) {
			if (key)
				*key = s->key;
			if (len)
				*len = s->len;
			if (value)
				*value = s->value;
			return 1;
		}
	}
	return 0;
}
