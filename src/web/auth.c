/*
 * auth.c: password hashing (Argon2id), API tokens, and the throttle that
 * slows down guessing: per login and address, and per address alone,
 * with a wait that doubles after each failure past a few.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/hmap.h"
#include "base/xalloc.h"
#include "web/auth.h"
#include "web/internal.h"
#include "base/banned.h"

_Static_assert(TZ_PWHASH_MAX == crypto_pwhash_STRBYTES, "hash size");

int tz_password_hash(const char *password, enum tz_pw_cost cost, char out[TZ_PWHASH_MAX],
		     struct tz_err *err)
{
	unsigned long long ops = cost == TZ_PW_INTERACTIVE ? crypto_pwhash_OPSLIMIT_INTERACTIVE
							   : crypto_pwhash_OPSLIMIT_MODERATE;
	size_t mem = cost == TZ_PW_INTERACTIVE ? crypto_pwhash_MEMLIMIT_INTERACTIVE
					       : crypto_pwhash_MEMLIMIT_MODERATE;

	if (sodium_init() < 0)
		return tz_err_set(err, TZ_EINTERNAL, "无法初始化 libsodium");
	if (crypto_pwhash_str_alg(out, password, strlen(password), ops, mem,
				  crypto_pwhash_ALG_ARGON2ID13))
		return tz_err_set(err, TZ_EINTERNAL, "密码加密失败（内存不足？）");
	return 0;
}

int tz_password_verify(const char *hash, const char *password)
{
	if (sodium_init() < 0 || !hash || !password)
		return 0;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void tz_api_token_new(char token[48], char hash[65])
{
	tz_token_new(token, 1);
	tz_token_hash(token, hash);
}

/* ------------------------------------------------------------------ */
/* Throttling sign-ins                                                 */

#define FAILS_FREE 4          /* failures a login+address may make before waiting */
#define FAILS_FREE_ADDR 20    /* failures an address may make, any login */
#define WAIT_MAX 900          /* seconds: the longest wait */
#define FORGET_AFTER 3600     /* a failure this old no longer counts */
#define ENTRIES_MAX 20000     /* then old entries are dropped */

struct throttle_entry {
	int fails;
	int64_t last;   /* time of the last failure */
	int64_t until;  /* no sign-in before this */
};

struct tz_throttle {
	pthread_mutex_t lock;
	struct tz_hmap *index;  /* key -> index in entries */
	struct throttle_entry *entries;
	size_t n, alloc;
};

struct tz_throttle *tz_throttle_new(void)
{
	struct tz_throttle *t = tz_xcalloc(1, sizeof(*t));

	pthread_mutex_init(&t->lock, NULL);
	t->index = tz_hmap_new();
	return t;
}

void tz_throttle_free(struct tz_throttle *t)
{
	if (!t)
		return;
	pthread_mutex_destroy(&t->lock);
	tz_hmap_free(t->index);
	free(t->entries);
	free(t);
}

/* "login\nip", or "\nip" for the address alone. */
static size_t key_of(char *buf, size_t size, const char *login, const char *ip)
{
	size_t a = login ? strlen(login) : 0, b = strlen(ip);

	if (a > 128)
		a = 128;
	if (b > 64)
		b = 64;
	if (a + b + 1 > size)
		return 0;
	memcpy(buf, login ? login : "", a);
	buf[a] = '\n';
	memcpy(buf + a + 1, ip, b);
	return a + b + 1;
}

static struct throttle_entry *find(struct tz_throttle *t, const char *key, size_t len, int add)
{
	int64_t at;

	if (tz_hmap_get(t->index, key, len, &at))
		return &t->entries[at];
	if (!add)
		return NULL;
	TZ_ALLOC_GROW(t->entries, t->n + 1, t->alloc);
	memset(&t->entries[t->n], 0, sizeof(t->entries[0]));
	tz_hmap_put(t->index, key, len, (int64_t)t->n, NULL);
	return &t->entries[t->n++];
}

/* Drop entries that neither wait nor count any more. */
static void prune(struct tz_throttle *t, int64_t now)
{
	struct tz_hmap *keep = tz_hmap_new();
	struct throttle_entry *kept = tz_xcalloc(t->n ? t->n : 1, sizeof(*kept));
	size_t pos = 0, n = 0, len;
	const char *key;
	int64_t at;

	while (tz_hmap_next(t->index, &pos, &key, &len, &at)) {
		struct throttle_entry *e = &t->entries[at];

		if (e->until <= now && e->last + FORGET_AFTER <= now)
			continue;
		kept[n] = *e;
		tz_hmap_put(keep, key, len, (int64_t)n, NULL);
		n++;
	}
	tz_hmap_free(t->index);
	free(t->entries);
	t->index = keep;
	t->entries = kept;
	t->n = n;
	t->alloc = t->n ? t->n : 1;
}

int64_t tz_throttle_wait(struct tz_throttle *t, const char *login, const char *ip, int64_t now)
{
	char key[256];
	size_t len;
	int64_t until = 0;

	pthread_mutex_lock(&t->lock);
	for (int pass = 0; pass < 2; pass++) {
		struct throttle_entry *e;

		len = key_of(key, sizeof(key), pass ? NULL : login, ip);
		if (len && (e = find(t, key, len, 0)) && e->until > until)
			until = e->until;
	}
	pthread_mutex_unlock(&t->lock);
	return until > now ? until - now : 0;
}

/* 5 s after the first failure past the free ones, doubling, at most WAIT_MAX. */
static int64_t backoff(int fails, int free_fails)
{
	int over = fails - free_fails;

	if (over <= 0)
		return 0;
	return over >= 9 ? WAIT_MAX : (int64_t)5 << (over - 1) < WAIT_MAX ? (int64_t)5 << (over - 1)
									     : WAIT_MAX;
}

void tz_throttle_failed(struct tz_throttle *t, const char *login, const char *ip, int64_t now)
{
	char key[256];
	size_t len;

	pthread_mutex_lock(&t->lock);
	if (t->n >= ENTRIES_MAX)
		prune(t, now);
	for (int pass = 0; pass < 2; pass++) {
		struct throttle_entry *e;

		len = key_of(key, sizeof(key), pass ? NULL : login, ip);
		if (!len || !(e = find(t, key, len, 1)))
			continue;
		if (e->last + FORGET_AFTER <= now)
			e->fails = 0;
		e->fails++;
		e->last = now;
		e->until = now + backoff(e->fails, pass ? FAILS_FREE_ADDR : FAILS_FREE);
	}
	pthread_mutex_unlock(&t->lock);
}

void tz_throttle_passed(struct tz_throttle *t, const char *login, const char *ip)
{
	char key[256];
	size_t len = key_of(key, sizeof(key), login, ip);
	struct throttle_entry *e;

	pthread_mutex_lock(&t->lock);
	if (len && (e = find(t, key, len, 0)))
		memset(e, 0, sizeof(*e));
	pthread_mutex_unlock(&t->lock);
}
