/*
 * internal.h: what the web server's own files share (server.c,
 * request.c, routes.c, session.c, csrf.c, auth.c, cache.c, static.c,
 * layout.c). Handlers include web.h only; unit tests include this too,
 * to test the parsers and the matcher without a socket.
 */
#ifndef TZ_WEB_INTERNAL_H
#define TZ_WEB_INTERNAL_H

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/limits.h"
#include "core/period.h"
#include "web/server.h"
#include "web/web.h"

struct MHD_Connection;
struct MHD_Response;
struct MHD_PostProcessor;

/* ------------------------------------------------------------------ */
/* Parsing (request.c)                                                 */

#define TZ_WEB_FIELDS_MAX 1000   /* fields in a query string, form or cookie header */
#define TZ_WEB_KEY_MAX 256       /* bytes in a field's name */
#define TZ_WEB_PATH_MAX 2048     /* bytes in a decoded path */

/*
 * Parse application/x-www-form-urlencoded text (a query string or a form
 * body) into an array of fields allocated from `a` (in order; a repeated
 * key repeats). '+' is a space, %XX a byte. Returns 0; TZ_EINVAL for a
 * bad escape, a NUL byte or text that is not UTF-8; TZ_ETOOBIG for more
 * than TZ_WEB_FIELDS_MAX fields, a key over TZ_WEB_KEY_MAX or a value
 * over TZ_LIMIT_FIELD bytes. err says which, in Chinese.
 */
int tz_form_parse(struct tz_arena *a, const char *s, size_t len, struct tz_kv **out, size_t *n,
		  struct tz_err *err);

/*
 * Parse a Cookie header ("a=1; b=2") into fields from `a`. Malformed
 * pairs (no '=', empty name) are skipped, as browsers do; values keep
 * their bytes (quotes removed). TZ_ETOOBIG past TZ_WEB_FIELDS_MAX.
 */
int tz_cookie_parse(struct tz_arena *a, const char *header, struct tz_kv **out, size_t *n,
		    struct tz_err *err);

/*
 * Split a raw request target ("/projects/%E9%A1%B9?x=1") into its
 * decoded path and its raw query (after '?', "" if none), from `a`. The
 * path must start with "/", decode to valid UTF-8 without NUL or control
 * bytes, have no "." or ".." segment and fit TZ_WEB_PATH_MAX. 0 or
 * TZ_EINVAL.
 */
int tz_target_parse(struct tz_arena *a, const char *target, char **path, const char **query,
		    struct tz_err *err);

/* The value of `key` among fields, or NULL (the first one). */
const char *tz_kv_get(const struct tz_kv *kv, size_t n, const char *key);

/* ------------------------------------------------------------------ */
/* Routing (routes.c)                                                  */

/*
 * The route of `method` and `path` in `table`; params receive {name}
 * values (pointing into `a`). NULL when none: *other_method is then 1
 * if the path matches with another method (405) and 0 if not (404).
 * HEAD matches GET routes.
 */
const struct tz_route *tz_route_match(const struct tz_route *table, const char *method,
				      const char *path, struct tz_arena *a,
				      struct tz_kv params[TZ_ROUTE_PARAMS_MAX], size_t *nparams,
				      int *other_method);

/*
 * Check a table: every route has exactly one of AUTH and PUBLIC, POST
 * routes are CSRF, patterns are well-formed and unique per method. 0 or
 * TZ_EINTERNAL naming the route (a bug, found at start and by the tests).
 */
int tz_routes_check(const struct tz_route *table, struct tz_err *err);

/*
 * Whether user u may use route rt at all: its role may do rt->action
 * (core/access.h, no object; `x` is not needed for that and may be NULL).
 * The navigation shows a page only when this says yes, so a menu never
 * offers what then answers 403. (Imports were once decided on the tree's
 * root here; a county's coordinator now imports its own subtree,
 * ui-import.c.) 1 or 0.
 */
int tz_route_permits(const struct tz_org_index *x, const struct tz_user *u,
		     const struct tz_route *rt);

/* "AUTH|CSRF|API" for a route's flags, into buf. */
const char *tz_route_flags_text(unsigned flags, char *buf, size_t size);

/* ------------------------------------------------------------------ */
/* Tokens, sessions, CSRF (session.c, csrf.c)                           */

#define TZ_SESSION_COOKIE "tz_session"
#define TZ_PRELOGIN_COOKIE "tz_pre"     /* login form's CSRF token (double submit) */
#define TZ_TOKEN_TEXT_MAX 48            /* 32 random bytes in base64url, "tzk_" prefix, NUL */
#define TZ_TOKEN_HASH_MAX 65            /* hex of BLAKE2b-256, NUL */
#define TZ_API_TOKEN_PREFIX "tzk_"

/* A new random token: 43 base64url characters (API tokens carry the
 * prefix "tzk_"). */
void tz_token_new(char out[TZ_TOKEN_TEXT_MAX], int api);
/* The hash the store keeps of a token: lowercase hex of BLAKE2b-256. */
void tz_token_hash(const char *token, char out[TZ_TOKEN_HASH_MAX]);
/* Whether a string looks like one of our tokens (cheap check before any
 * lookup: a forged cookie of another shape costs nothing). */
int tz_token_plausible(const char *s, int api);

/* Sign the user in: a new session (audited "login"), its cookie, r->csrf
 * and r->session_hash set. 0 or a tz_errc. */
int tz_session_start(struct tz_req *r, const struct tz_user *u);
/* The user of the request's session cookie or Bearer token (API routes),
 * into r->user and friends; 0 whether or not there is one. */
int tz_session_load(struct tz_req *r);
/* Sign out: end the session (audited), delete the cookie. */
int tz_session_end(struct tz_req *r);

/* Whether the request carries the right CSRF token (form field _csrf or
 * header X-CSRF-Token): the session's, or before sign-in the one of the
 * tz_pre cookie. Compared in constant time. */
int tz_csrf_ok(struct tz_req *r);
/* A token for the login form, set as the tz_pre cookie; from r->arena. */
const char *tz_csrf_prelogin(struct tz_req *r);

/* ------------------------------------------------------------------ */
/* Sign-in throttling (auth.c)                                         */

struct tz_throttle;
struct tz_throttle *tz_throttle_new(void);
void tz_throttle_free(struct tz_throttle *t);
/* 0 when a sign-in for (login, ip) may be tried at `now`, else the
 * seconds to wait. */
int64_t tz_throttle_wait(struct tz_throttle *t, const char *login, const char *ip, int64_t now);
/* Record a failed or a successful sign-in. */
void tz_throttle_failed(struct tz_throttle *t, const char *login, const char *ip, int64_t now);
void tz_throttle_passed(struct tz_throttle *t, const char *login, const char *ip);

/* ------------------------------------------------------------------ */
/* Caches (cache.c)                                                    */

/* Immutable bytes shared between requests and responses, refcounted. */
struct tz_blob {
	atomic_int refs;
	size_t len;
	char data[];
};
struct tz_blob *tz_blob_new(const void *data, size_t len);
struct tz_blob *tz_blob_ref(struct tz_blob *b);
void tz_blob_unref(struct tz_blob *b);

/*
 * Bytes computed from the store and kept until its version changes
 * (web.md "Pages that summarise"): get returns a reference (the caller
 * unrefs) when `key` is held for exactly `version`; put keeps one. At
 * most `max` keys; the oldest go first.
 */
struct tz_cache;
struct tz_cache *tz_cache_new(size_t max);
void tz_cache_free(struct tz_cache *c);
struct tz_blob *tz_cache_get(struct tz_cache *c, const char *key, int64_t version);
void tz_cache_put(struct tz_cache *c, const char *key, int64_t version, struct tz_blob *b);

/* The organisation tree of a version, shared: *out is a reference the
 * caller gives back with tz_web_org_unref (a request does it when it
 * completes); *x the tree, valid until then. */
struct org_snapshot;
int tz_web_org(struct tz_web *w, struct tz_store *s, int64_t version,
	       struct org_snapshot **out, const struct tz_org_index **x, struct tz_err *err);
void tz_web_org_unref(struct tz_web *w, struct org_snapshot *snap);
/* Drop the server's own reference (at stop). */
void tz_web_org_release_all(struct tz_web *w);
/* Whether demo accounts exist at `version` (cached). */
int tz_web_demo(struct tz_web *w, struct tz_store *s, int64_t version);

/* What pages need to know of the data as a whole, at `version` (cached):
 * the ledgers' years and the latest period reported (year 0: none). */
struct tz_web_facts {
	int first_year, last_year;
	struct tz_period last;
};
int tz_web_facts(struct tz_web *w, struct tz_store *s, int64_t version,
		 struct tz_web_facts *out, struct tz_err *err);

/* ------------------------------------------------------------------ */
/* Static files (static.c)                                             */

struct tz_static;
/* Load every regular file of `dir` (not below it) into memory. */
int tz_static_load(const char *dir, struct tz_static **out, struct tz_err *err);
void tz_static_free(struct tz_static *st);
/* The file's prebuilt response (shared: never destroyed by the caller)
 * and its body's length in *len, or NULL (and 0). */
struct MHD_Response *tz_static_response(struct tz_static *st, const char *name, size_t *len);
/* "/static/NAME?v=HASH", or "/static/NAME" for a file not loaded. */
const char *tz_static_href(struct tz_static *st, const char *name);

/* ------------------------------------------------------------------ */
/* The server (server.c)                                               */

struct tz_store_pool;

struct tz_web {
	struct tz_web_config cfg;
	struct tz_store_pool *stores;
	struct tz_static *statics;
	struct tz_throttle *throttle;
	struct tz_cache *cache;
	pthread_mutex_t lock;             /* the shared org snapshot and demo flag */
	struct org_snapshot *org;
	int64_t demo_version;
	int demo;
	int64_t facts_version;
	struct tz_web_facts facts;
	char dummy_hash[128];             /* verified for unknown logins: same time */
	sem_t pw_slots;                   /* Argon2id runs at once (memory bound) */
	int access_fd;                    /* -1: no access log */
	atomic_long inflight;             /* requests between their first and last callback */
	atomic_long requests;
};

/* Borrow a store for this thread's request, and give it back. */
struct tz_store *tz_web_store_take(struct tz_web *w);
void tz_web_store_give(struct tz_web *w, struct tz_store *s);

/* The response a handler chose (request.c builds it, server.c sends it). */
struct tz_req_private {
	struct MHD_Connection *conn;
	double t0;                         /* ms, monotonic */
	const char *raw_target;
	const char *query_raw;
	struct tz_kv *query, *form, *cookies, params[TZ_ROUTE_PARAMS_MAX];
	size_t nquery, nform, ncookies, nparams;
	struct tz_upload *uploads;
	size_t nuploads, uploads_alloc;
	struct tz_access_scope *scope;
	struct org_snapshot *org_ref;      /* released when the request completes */

	/* The body. */
	int first_done;                    /* the first callback has run */
	int answered;                      /* a response was queued */
	int multipart;
	int too_big;
	uint64_t body_max;
	struct tz_buf body;                /* urlencoded bodies */
	struct MHD_PostProcessor *pp;      /* multipart bodies */
	struct tz_upload *cur_upload;
	int cur_fd;
	struct tz_buf cur_field;

	/* The response. */
	int status;
	const char *content_type;
	struct tz_kv *headers;
	size_t nheaders, headers_alloc;
	struct MHD_Response *prebuilt;     /* shared (static files): not ours to destroy */
	size_t prebuilt_len;               /* its body's bytes, for the access log */
	struct tz_blob *blob;              /* shared bytes (caches) */
	int fd;                            /* a file to send, -1 */
	uint64_t fd_size;
	int has_response;
	uint64_t bytes;                    /* body size, for the access log */
	const char *log_user;              /* login for the access log */
	const char *scripts[4];            /* tz_page_script, written at the end */
	size_t nscripts;
};

/* request.c: set up and tear down a request, feed its body, finish
 * parsing it, and build the MHD response. */
struct tz_req *tz_req_new(struct tz_web *w, struct MHD_Connection *c, const char *target);
void tz_req_free(struct tz_req *r);
int tz_req_begin(struct tz_req *r, const char *method);
int tz_req_body_check(struct tz_req *r);
void tz_req_feed(struct tz_req *r, const char *data, size_t len);
int tz_req_body_done(struct tz_req *r);
struct MHD_Response *tz_req_response(struct tz_req *r, unsigned *status);
/* Answer with a response built once and shared (static files); `len`:
 * its body's bytes, for the access log. */
int tz_resp_prebuilt(struct tz_req *r, struct MHD_Response *resp, size_t len);
/* Answer with shared bytes (a cached page or document). */
int tz_resp_blob(struct tz_req *r, int status, const char *content_type, struct tz_blob *b);

/* The handler's run: route, sign-in, permission, CSRF, handler. Returns
 * with a response set. (server.c) */
void tz_web_dispatch_first(struct tz_req *r);
void tz_web_dispatch(struct tz_req *r);

#endif
