/*
 * cache.c: what the server keeps in memory between requests, each piece
 * tied to the store's version (tz_store_version) so that nothing stale is
 * ever served (web.md "Pages that summarise"): computed pages and JSON as
 * shared immutable blobs, the organisation tree, and whether demo
 * accounts exist.
 */
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "store/store.h"
#include "web/internal.h"
#include "base/banned.h"

struct tz_blob *tz_blob_new(const void *data, size_t len)
{
	struct tz_blob *b = tz_xmalloc(sizeof(*b) + len + 1);

	atomic_init(&b->refs, 1);
	b->len = len;
	if (len)
		memcpy(b->data, data, len);
	b->data[len] = '\0';
	return b;
}

struct tz_blob *tz_blob_ref(struct tz_blob *b)
{
	if (b)
		atomic_fetch_add(&b->refs, 1);
	return b;
}

void tz_blob_unref(struct tz_blob *b)
{
	if (b && atomic_fetch_sub(&b->refs, 1) == 1)
		free(b);
}

/* ------------------------------------------------------------------ */
/* Blobs by key and version                                            */

struct cache_entry {
	char *key;
	int64_t version;
	uint64_t used;  /* for dropping the oldest */
	struct tz_blob *blob;
};

struct tz_cache {
	pthread_mutex_t lock;
	struct cache_entry *entries;
	size_t n, max;
	uint64_t clock;
};

struct tz_cache *tz_cache_new(size_t max)
{
	struct tz_cache *c = tz_xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	c->max = max ? max : 1;
	c->entries = tz_xcalloc(c->max, sizeof(*c->entries));
	return c;
}

void tz_cache_free(struct tz_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->entries[i].key);
		tz_blob_unref(c->entries[i].blob);
	}
	free(c->entries);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

struct tz_blob *tz_cache_get(struct tz_cache *c, const char *key, int64_t version)
{
	struct tz_blob *b = NULL;

	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < c->n; i++) {
		if (c->entries[i].version == version && !strcmp(c->entries[i].key, key)) {
			c->entries[i].used = ++c->clock;
			b = tz_blob_ref(c->entries[i].blob);
			break;
		}
	}
	pthread_mutex_unlock(&c->lock);
	return b;
}

void tz_cache_put(struct tz_cache *c, const char *key, int64_t version, struct tz_blob *b)
{
	struct cache_entry *e = NULL;

	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < c->n && !e; i++)
		if (!strcmp(c->entries[i].key, key))
			e = &c->entries[i];
	if (!e && c->n < c->max) {
		e = &c->entries[c->n++];
		e->key = NULL;
		e->blob = NULL;
	}
	if (!e) {
		/* Full: the least recently used goes (stale versions are used
		 * by nobody, so they go first in practice). */
		e = &c->entries[0];
		for (size_t i = 1; i < c->n; i++)
			if (c->entries[i].used < e->used)
				e = &c->entries[i];
	}
	if (!e->key || strcmp(e->key, key)) {
		free(e->key);
		e->key = tz_xstrdup(key);
	}
	tz_blob_unref(e->blob);
	e->blob = tz_blob_ref(b);
	e->version = version;
	e->used = ++c->clock;
	pthread_mutex_unlock(&c->lock);
}

/* ------------------------------------------------------------------ */
/* The organisation tree                                               */

struct org_snapshot {
	struct tz_org_index *x;
	int64_t version;
	int refs;  /* under w->lock; the server's own reference is one */
};

static void snapshot_unref_locked(struct org_snapshot *s)
{
	if (s && --s->refs == 0) {
		tz_org_index_free(s->x);
		free(s);
	}
}

int tz_web_org(struct tz_web *w, struct tz_store *s, int64_t version,
	       struct org_snapshot **out, const struct tz_org_index **x, struct tz_err *err)
{
	struct org_snapshot *snap;
	struct tz_org_index *idx;
	int rc;

	pthread_mutex_lock(&w->lock);
	snap = w->org;
	if (snap && snap->version == version) {
		snap->refs++;
		pthread_mutex_unlock(&w->lock);
		*out = snap;
		*x = snap->x;
		return 0;
	}
	pthread_mutex_unlock(&w->lock);

	/* Load outside the lock; two threads may both load, one wins. */
	idx = tz_org_index_new();
	if ((rc = tz_store_org_load(s, idx, err))) {
		tz_org_index_free(idx);
		return rc;
	}
	snap = tz_xcalloc(1, sizeof(*snap));
	snap->x = idx;
	snap->version = version;
	snap->refs = 1;  /* the caller's */
	pthread_mutex_lock(&w->lock);
	if (!w->org || w->org->version < version) {
		snapshot_unref_locked(w->org);
		w->org = snap;
		snap->refs++;  /* and the server's */
	}
	pthread_mutex_unlock(&w->lock);
	*out = snap;
	*x = idx;
	return 0;
}

void tz_web_org_unref(struct tz_web *w, struct org_snapshot *snap)
{
	pthread_mutex_lock(&w->lock);
	snapshot_unref_locked(snap);
	pthread_mutex_unlock(&w->lock);
}

void tz_web_org_release_all(struct tz_web *w)
{
	pthread_mutex_lock(&w->lock);
	snapshot_unref_locked(w->org);
	w->org = NULL;
	pthread_mutex_unlock(&w->lock);
}

int tz_web_demo(struct tz_web *w, struct tz_store *s, int64_t version)
{
	long n = 0;
	int demo;

	pthread_mutex_lock(&w->lock);
	if (w->demo_version == version) {
		demo = w->demo;
		pthread_mutex_unlock(&w->lock);
		return demo;
	}
	pthread_mutex_unlock(&w->lock);
	if (tz_store_user_demo_count(s, &n, NULL))
		n = 0;
	pthread_mutex_lock(&w->lock);
	w->demo = n > 0;
	w->demo_version = version;
	pthread_mutex_unlock(&w->lock);
	return n > 0;
}

int tz_web_facts(struct tz_web *w, struct tz_store *s, int64_t version,
		 struct tz_web_facts *out, struct tz_err *err)
{
	int rc;

	pthread_mutex_lock(&w->lock);
	if (w->facts_version == version) {
		*out = w->facts;
		pthread_mutex_unlock(&w->lock);
		return 0;
	}
	pthread_mutex_unlock(&w->lock);
	memset(out, 0, sizeof(*out));
	if ((rc = tz_store_latest(s, &out->first_year, &out->last_year, &out->last, err)))
		return rc;
	pthread_mutex_lock(&w->lock);
	w->facts = *out;
	w->facts_version = version;
	pthread_mutex_unlock(&w->lock);
	return 0;
}
