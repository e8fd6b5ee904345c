/*
 * auth.h: passwords and API tokens, for the server and the commands that
 * manage users (`taizhang user`, `taizhang token`, the demo).
 *
 * Passwords are hashed with libsodium's Argon2id (crypto_pwhash_str), so
 * the stored string carries its own salt and cost; the store never sees a
 * password. API tokens are 32 random bytes shown once; the store keeps
 * their BLAKE2b hash.
 */
#ifndef TZ_WEB_AUTH_H
#define TZ_WEB_AUTH_H

#include "base/err.h"

/* An Argon2id hash string's size, NUL included (crypto_pwhash_STRBYTES). */
#define TZ_PWHASH_MAX 128

enum tz_pw_cost {
	TZ_PW_MODERATE,     /* real accounts: libsodium's MODERATE limits (256 MiB, 3 passes) */
	TZ_PW_INTERACTIVE,  /* demo accounts and tests: INTERACTIVE (64 MiB, 2 passes) */
};

/*
 * Hash `password` (already checked with tz_password_check) into `out`.
 * 0, or TZ_EINTERNAL when libsodium cannot start or the memory the cost
 * needs is not there (err says so).
 */
int tz_password_hash(const char *password, enum tz_pw_cost cost, char out[TZ_PWHASH_MAX],
		     struct tz_err *err);

/* Whether `password` matches `hash` (an Argon2id string); 0 for a
 * malformed hash. Takes the hash's own time and memory. */
int tz_password_verify(const char *hash, const char *password);

/*
 * A new API token for `tz_store_token_add`: the token to show once
 * ("tzk_…", 48 bytes with the NUL) and the hash to store (65 bytes).
 */
void tz_api_token_new(char token[48], char hash[65]);

#endif
