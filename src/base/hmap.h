/*
 * hmap.h: a map from byte-string keys to 64-bit values.
 *
 * Open addressing with linear probing; keys are copied into memory the map
 * owns, so callers may pass keys from buffers they reuse. Used to intern
 * group names and to find a project id by its code while importing.
 */
#ifndef TZ_HMAP_H
#define TZ_HMAP_H

#include <stddef.h>
#include <stdint.h>

struct tz_hmap;

/* A new, empty map. The caller frees it with tz_hmap_free(). */
struct tz_hmap *tz_hmap_new(void);
void tz_hmap_free(struct tz_hmap *m);

/*
 * Make room for `n` keys in all, so that adding up to that many rehashes
 * nothing: one table of the final size instead of a doubling per power
 * of two, each zeroed and every key moved again (issue 6: the growth of
 * an import's 100,000 codes was a twelfth of its writing thread). Only
 * ever grows; a map already that large is unchanged.
 */
void tz_hmap_reserve(struct tz_hmap *m, size_t n);

/* Number of keys. */
size_t tz_hmap_count(const struct tz_hmap *m);

/* 1 and *value set if present, else 0. `value` may be NULL. */
int tz_hmap_get(const struct tz_hmap *m, const char *key, size_t len, int64_t *value);

/*
 * Set key to value. Returns 1 if the key was new, 0 if it replaced a value.
 * If `stored_key` is non-NULL it receives the map's copy of the key, valid
 * until the map is freed.
 */
int tz_hmap_put(struct tz_hmap *m, const char *key, size_t len, int64_t value,
		const char **stored_key);

/*
 * Add key with value unless the map has it: 1 if added; 0 if present,
 * with *old (may be NULL) set to its value and the map unchanged. One
 * probe where tz_hmap_get then tz_hmap_put take two; the key is copied
 * as by tz_hmap_put.
 */
int tz_hmap_add(struct tz_hmap *m, const char *key, size_t len, int64_t value, int64_t *old);

/*
 * Ask the CPU to load the slot where key is or would be, so that a get,
 * put or add of it a little later (a few rows further on) finds it in
 * the cache: a large map is read at random, a cache miss per probe.
 * Changes nothing; costs one hash of the key.
 */
void tz_hmap_prefetch(const struct tz_hmap *m, const char *key, size_t len);

/*
 * Iterate: start with *pos = 0; returns 1 with key/len/value filled while
 * entries remain, in no particular order.
 */
int tz_hmap_next(const struct tz_hmap *m, size_t *pos, const char **key,
		 size_t *len, int64_t *value);

/*
 * The hash function, exposed for callers that want a stable hash (within
 * one process: it is not a file format). tz_hash_more() continues hash
 * `h` over `len` bytes at `data`, for a hash of several fields without
 * copying them together; it does not mix its result (tz_hash_bytes does).
 */
uint64_t tz_hash_bytes(const void *data, size_t len);
uint64_t tz_hash_more(uint64_t h, const void *data, size_t len);

#endif
