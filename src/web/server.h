/*
 * server.h: running the web application (`taizhang serve`).
 *
 * libmicrohttpd with a pool of threads, each with its own epoll; each
 * thread borrows a store connection for the length of a handler. The
 * server stops cleanly on SIGTERM or SIGINT: it stops accepting, lets the
 * requests in flight finish (up to `grace` seconds), then closes.
 */
#ifndef TZ_WEB_SERVER_H
#define TZ_WEB_SERVER_H

#include <stdio.h>

#include "base/err.h"

struct tz_web_config {
	const char *db;              /* the store's URI */
	const char *listen;          /* "127.0.0.1:8080", "[::1]:8080", ":8080"; port 0 picks one */
	unsigned threads;            /* worker threads (and store connections) */
	unsigned timeout;            /* seconds a connection may stay silent */
	unsigned max_connections;
	unsigned per_ip_connections; /* 0: no limit */
	const char *static_dir;      /* the served /static/ files */
	const char *access_log;      /* a file, "-" for standard output, "" for none */
	int secure_cookies;          /* 1 always, 0 never, -1 when the request came over TLS */
	int trust_proxy;             /* believe X-Forwarded-For and X-Forwarded-Proto */
	unsigned session_hours;      /* a session ends after this long unused */
	unsigned grace;              /* seconds to finish requests in flight at a stop */
	int weak_hashes;             /* hash new passwords at the INTERACTIVE cost (auth.h) */
};

/* The defaults; db, listen and static_dir still to be set. */
void tz_web_config_defaults(struct tz_web_config *c);

/*
 * Serve until SIGTERM or SIGINT. Once listening, `ready` (may be NULL) is
 * called with the address ("http://127.0.0.1:8080/"). Returns 0 after a
 * clean stop; TZ_EINVAL for a bad listen address or configuration;
 * TZ_EIO when the address cannot be bound; TZ_ESTORE when the store
 * cannot be opened. Blocks SIGTERM, SIGINT and SIGPIPE in the calling
 * thread (and so in the server's).
 */
int tz_web_serve(const struct tz_web_config *cfg, void (*ready)(void *ctx, const char *url),
		 void *ctx, struct tz_err *err);

/* Print the route table for `taizhang serve --routes`: one line per
 * route, tab-separated: method, pattern, flags, action, the roles that
 * may use it at all. */
void tz_web_print_routes(FILE *fp);

#endif
