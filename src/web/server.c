/*
 * server.c: the web server on libmicrohttpd, and the one place where
 * every request is checked before its handler runs.
 *
 * libmicrohttpd runs a pool of threads, each with its own epoll. A
 * request goes through three callbacks:
 *   - the URI log callback (first of all): its struct tz_req and arena;
 *   - the access handler, called once when the headers are in (route,
 *     body cap, sign-in, the route's action: refusals are answered here,
 *     before any body is read), again for each piece of the body, and a
 *     last time when it has all come: then CSRF and the handler, and the
 *     response is queued (on this second-or-later call, so the connection
 *     is kept alive);
 *   - the completion callback: the access log line, and the arena freed.
 * Handlers borrow a store connection from a pool, one per thread.
 *
 * SIGTERM or SIGINT stops the server: it stops accepting connections
 * (MHD_quiesce_daemon), waits for the requests in flight to finish (up to
 * cfg.grace seconds), then closes everything.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <sodium.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "store/store.h"
#include "web/auth.h"
#include "web/internal.h"
#include "base/banned.h"

void tz_web_config_defaults(struct tz_web_config *c)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	memset(c, 0, sizeof(*c));
	c->listen = "127.0.0.1:8080";
	c->threads = cpus > 1 ? (unsigned)cpus : 2;
	c->timeout = 30;
	c->max_connections = 1024;
	c->per_ip_connections = 0;
	c->access_log = "-";
	c->secure_cookies = -1;
	c->trust_proxy = 0;
	c->session_hours = 8;
	c->grace = 10;
}

/* ------------------------------------------------------------------ */
/* Store connections, one per worker thread                            */

struct tz_store_pool {
	pthread_mutex_t lock;
	pthread_cond_t free_one;
	struct tz_store **all, **idle;
	size_t n, nidle;
};

static void pool_free(struct tz_store_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		tz_store_close(p->all[i]);
	free(p->all);
	free(p->idle);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->free_one);
	free(p);
}

static int pool_open(const char *uri, size_t n, struct tz_store_pool **out, struct tz_err *err)
{
	struct tz_store_pool *p = tz_xcalloc(1, sizeof(*p));
	int rc;

	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->free_one, NULL);
	p->all = tz_xcalloc(n, sizeof(*p->all));
	p->idle = tz_xcalloc(n, sizeof(*p->idle));
	for (; p->n < n; p->n++) {
		if ((rc = tz_store_open(&p->all[p->n], uri, 0, NULL, err))) {
			pool_free(p);
			return rc;
		}
		p->idle[p->nidle++] = p->all[p->n];
	}
	*out = p;
	return 0;
}

struct tz_store *tz_web_store_take(struct tz_web *w)
{
	struct tz_store_pool *p = w->stores;
	struct tz_store *s;

	pthread_mutex_lock(&p->lock);
	while (!p->nidle)
		pthread_cond_wait(&p->free_one, &p->lock);
	s = p->idle[--p->nidle];
	pthread_mutex_unlock(&p->lock);
	return s;
}

void tz_web_store_give(struct tz_web *w, struct tz_store *s)
{
	struct tz_store_pool *p = w->stores;

	if (!s)
		return;
	pthread_mutex_lock(&p->lock);
	p->idle[p->nidle++] = s;
	pthread_cond_signal(&p->free_one);
	pthread_mutex_unlock(&p->lock);
}

/* ------------------------------------------------------------------ */
/* The checks before a handler                                         */

static void answer_error(struct tz_req *r, int status, const char *msg)
{
	tz_resp_error(r, status, msg);
}

/* Whether `path` is also a page (a GET route), to return to. */
static int has_page(struct tz_req *r, const char *path)
{
	struct tz_kv params[TZ_ROUTE_PARAMS_MAX];
	size_t n;
	int other;

	return tz_route_match(tz_routes, "GET", path, r->arena, params, &n, &other) != NULL;
}

/* Not signed in: an API says 401, a page sends to the login form. */
static void need_login(struct tz_req *r)
{
	struct tz_buf to = TZ_BUF_INIT;

	if (r->route->flags & TZ_ROUTE_API) {
		tz_resp_header(r, "WWW-Authenticate", "Bearer realm=\"taizhang\"");
		answer_error(r, 401, "需要登录或 API 令牌（Authorization: Bearer …）");
		return;
	}
	tz_buf_adds(&to, "/login");
	if (!strcmp(r->route->method, "GET") && strcmp(r->path, "/")) {
		tz_buf_adds(&to, "?next=");
		tz_html_url_arg(&to, r->path);
		if (*r->priv->query_raw) {
			tz_html_url_arg(&to, "?");
			tz_html_url_arg(&to, r->priv->query_raw);
		}
	} else if (strcmp(r->path, "/") && strcmp(r->path, "/login") &&
		   has_page(r, r->path)) {
		/* A form posted after the session ended (a report typed
		 * past the idle limit): back to its page after signing
		 * in, where the browser's draft is put back (report.js). */
		tz_buf_adds(&to, "?expired=1&next=");
		tz_html_url_arg(&to, r->path);
	}
	tz_resp_redirect(r, to.buf);
	tz_buf_release(&to);
}

void tz_web_dispatch_first(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;
	int other = 0, status;

	r->now = (int64_t)time(NULL);
	r->route = tz_route_match(tz_routes, r->method, r->path, r->arena, p->params, &p->nparams,
				  &other);
	if (!r->route) {
		if (other) {
			tz_resp_header(r, "Allow", "GET, HEAD, POST");
		} else if (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD")) {
			/* A signed-in user who followed a stale link gets the
			 * page with the menu, not the signed-out header. */
			r->store = tz_web_store_take(r->web);
			tz_session_load(r);
			tz_web_store_give(r->web, r->store);
			r->store = NULL;
		}
		answer_error(r, other ? 405 : 404, NULL);
		return;
	}
	if ((status = tz_req_body_check(r))) {
		answer_error(r, status, r->err.msg);
		return;
	}
	if (r->route->flags & TZ_ROUTE_PUBLIC)
		return;
	r->store = tz_web_store_take(r->web);
	tz_session_load(r);
	tz_web_store_give(r->web, r->store);
	r->store = NULL;
	if (!r->user) {
		need_login(r);
		return;
	}
	if (tz_access_decide(NULL, r->user, r->route->action, NULL) != TZ_ALLOW)
		answer_error(r, 403, NULL);
}

void tz_web_dispatch(struct tz_req *r)
{
	struct tz_web *w = r->web;
	int status, rc;

	if ((status = tz_req_body_done(r))) {
		answer_error(r, status, r->err.msg);
		return;
	}
	if ((r->route->flags & TZ_ROUTE_CSRF) && !r->by_token && !tz_csrf_ok(r)) {
		answer_error(r, 403, "请求已失效或来源不明（CSRF 校验失败），请刷新页面后重试");
		return;
	}
	r->store = tz_web_store_take(w);
	rc = tz_store_version(r->store, &r->version, &r->err);
	if (!rc && (r->route->flags & TZ_ROUTE_AUTH))
		rc = tz_web_org(w, r->store, r->version, &r->priv->org_ref, &r->org, &r->err);
	if (!rc) {
		tz_err_clear(&r->err);
		rc = r->route->handler(r);
	}
	if (rc || !r->priv->has_response) {
		tz_log(TZ_LOG_ERROR, "event=handler_failed method=%s route=\"%s\" code=%s msg=\"%s\"",
		       r->method, r->route->pattern, tz_errc_name(rc), r->err.msg);
		answer_error(r, 500, NULL);
	}
	tz_web_store_give(w, r->store);
	r->store = NULL;
}

/* ------------------------------------------------------------------ */
/* libmicrohttpd's callbacks                                           */

static void client_address(struct tz_req *r, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
								     MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char buf[INET6_ADDRSTRLEN] = "";

	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;

		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
				  buf, sizeof(buf));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
				  buf, sizeof(buf));
	}
	r->client = tz_arena_strdup(r->arena, buf);
}

/* Behind a proxy we trust: the address it saw and whether it was TLS. */
static void proxy_headers(struct tz_req *r)
{
	const char *xff = tz_req_header(r, "X-Forwarded-For");
	const char *proto = tz_req_header(r, "X-Forwarded-Proto");

	if (!r->web->cfg.trust_proxy)
		return;
	if (xff && *xff) {
		const char *last = strrchr(xff, ',');

		last = last ? last + 1 : xff;
		while (*last == ' ')
			last++;
		if (*last && strlen(last) < 64 && !strpbrk(last, " \t\"\\"))
			r->client = tz_arena_strdup(r->arena, last);
	}
	r->https = proto && !strcmp(proto, "https");
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct tz_web *w = cls;
	struct tz_req *r = tz_req_new(w, c, uri);

	atomic_fetch_add(&w->inflight, 1);
	atomic_fetch_add(&w->requests, 1);
	client_address(r, c);
	return r;
}

static enum MHD_Result queue(struct tz_req *r)
{
	struct MHD_Response *resp;
	unsigned status;
	enum MHD_Result ok;

	r->priv->answered = 1;
	resp = tz_req_response(r, &status);
	if (!resp)
		return MHD_NO;
	ok = MHD_queue_response(r->priv->conn, status, resp);
	if (resp != r->priv->prebuilt)
		MHD_destroy_response(resp);
	return ok;
}

/* Whether a body follows the headers. */
static int has_body(struct tz_req *r)
{
	const char *clen = tz_req_header(r, "Content-Length");

	return (clen && strcmp(clen, "0")) || tz_req_header(r, "Transfer-Encoding");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *data,
				  size_t *size, void **con_cls)
{
	struct tz_req *r = *con_cls;
	int status;

	(void)url;
	(void)version;
	if (!r) {
		/* Only when the URI callback did not run: never, but be safe. */
		r = *con_cls = on_uri(cls, "/", c);
	}
	if (r->priv->answered)
		return MHD_YES;  /* refused on the first call: the body is not read */
	if (!r->priv->first_done) {
		r->priv->first_done = 1;
		if ((status = tz_req_begin(r, method))) {
			answer_error(r, status, r->err.msg);
		} else {
			proxy_headers(r);
			tz_web_dispatch_first(r);
		}
		/* A refusal is sent at once only when a body follows, so that it
		 * is never read (the connection then closes); otherwise on the
		 * next call, which keeps the connection alive. */
		if (r->priv->has_response && has_body(r))
			return queue(r);
		return MHD_YES;
	}
	if (*size) {
		if (!r->priv->has_response)
			tz_req_feed(r, data, *size);
		*size = 0;
		/* A body without a length that outgrows its cap: hang up rather
		 * than read the rest (no response can be queued mid-body). */
		return r->priv->too_big == 1 ? MHD_NO : MHD_YES;
	}
	if (!r->priv->has_response)
		tz_web_dispatch(r);
	return queue(r);
}

/* One line per request, key=value, apart from the application's log. */
static void access_log(struct tz_web *w, struct tz_req *r, enum MHD_RequestTerminationCode toe)
{
	char line[1024], stamp[32], path[300];
	struct tz_req_private *p = r->priv;
	struct tm tm;
	time_t now = time(NULL);
	size_t k = 0;
	int n;

	if (w->access_fd < 0)
		return;
	/* The path, with anything odd escaped: logs are read by people. */
	for (const unsigned char *s = (const unsigned char *)p->raw_target; *s && *s != '?' &&
	     k + 4 < sizeof(path); s++) {
		if (*s <= 0x20 || *s >= 0x7f || *s == '"' || *s == '\\')
			k += (size_t)snprintf(path + k, sizeof(path) - k, "%%%02X", *s);
		else
			path[k++] = (char)*s;
	}
	path[k] = '\0';
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line),
		     "%s method=%s path=\"%s\" status=%d bytes=%llu ms=%.2f user=%s ip=%s%s\n", stamp,
		     *r->method ? r->method : "-", path, p->answered ? p->status : 0,
		     (unsigned long long)p->bytes, tz_clock_ms() - p->t0,
		     p->log_user ? p->log_user : "-", *r->client ? r->client : "-",
		     toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? ""
		     : toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? " end=timeout"
		     : toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN ? " end=shutdown"
		     : toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ? " end=client_abort"
								   : " end=error");
	if (n > 0 && write(w->access_fd, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1) < 0)
		return;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct tz_web *w = cls;
	struct tz_req *r = *con_cls;

	(void)c;
	if (!r)
		return;
	access_log(w, r, toe);
	tz_req_free(r);
	*con_cls = NULL;
	atomic_fetch_sub(&w->inflight, 1);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '"'))
		msg[--n] = '\0';
	tz_log(TZ_LOG_WARN, "event=http msg=\"%s\"", msg);
}

/* ------------------------------------------------------------------ */
/* Starting and stopping                                               */

/* "127.0.0.1:8080", "[::1]:8080", ":8080", "8080". */
static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len,
			struct tz_err *err)
{
	char host[128] = "";
	const char *colon, *port_s;
	char *end;
	long port;

	memset(ss, 0, sizeof(*ss));
	if (!s || !*s)
		goto bad;
	if (*s == '[') {
		const char *close = strchr(s, ']');

		if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof(host))
			goto bad;
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = '\0';
		port_s = close + 2;
	} else if ((colon = strrchr(s, ':'))) {
		if ((size_t)(colon - s) >= sizeof(host))
			goto bad;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
		port_s = colon + 1;
	} else {
		port_s = s;
	}
	errno = 0;
	port = strtol(port_s, &end, 10);
	if (errno || *end || end == port_s || port < 0 || port > 65535)
		goto bad;
	if (strchr(host, ':')) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1)
			goto bad;
		*len = sizeof(*a6);
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		if (*host && inet_pton(AF_INET, host, &a4->sin_addr) != 1)
			goto bad;
		if (!*host)
			a4->sin_addr.s_addr = htonl(INADDR_ANY);
		*len = sizeof(*a4);
	}
	return 0;
bad:
	return tz_err_set(err, TZ_EINVAL, "监听地址“%s”无效（例如 127.0.0.1:8080）", s ? s : "");
}

static void web_free(struct tz_web *w)
{
	tz_web_org_release_all(w);
	pool_free(w->stores);
	tz_static_free(w->statics);
	tz_throttle_free(w->throttle);
	tz_cache_free(w->cache);
	if (w->access_fd > 2)
		close(w->access_fd);
	pthread_mutex_destroy(&w->lock);
	sem_destroy(&w->pw_slots);
	free(w);
}

static int web_new(const struct tz_web_config *cfg, struct tz_web **out, struct tz_err *err)
{
	struct tz_web *w = tz_xcalloc(1, sizeof(*w));
	int rc;

	w->cfg = *cfg;
	w->access_fd = -1;
	pthread_mutex_init(&w->lock, NULL);
	sem_init(&w->pw_slots, 0, 2);
	w->throttle = tz_throttle_new();
	w->cache = tz_cache_new(1024);
	if ((rc = tz_routes_check(tz_routes, err)))
		goto fail;
	if (sodium_init() < 0) {
		rc = tz_err_set(err, TZ_EINTERNAL, "无法初始化 libsodium");
		goto fail;
	}
	if (!cfg->threads || cfg->threads > 256 || !cfg->timeout || !cfg->max_connections) {
		rc = tz_err_set(err, TZ_EINVAL, "线程数、超时和连接数须为正数（线程数最多256）");
		goto fail;
	}
	/* Unknown logins are checked against this, so that they take as
	 * long as known ones and do not tell which logins exist. */
	{
		char junk[TZ_TOKEN_TEXT_MAX];

		tz_token_new(junk, 0);
		if ((rc = tz_password_hash(junk, TZ_PW_INTERACTIVE, w->dummy_hash, err)))
			goto fail;
	}
	if ((rc = pool_open(cfg->db, cfg->threads, &w->stores, err)) ||
	    (rc = tz_static_load(cfg->static_dir, &w->statics, err)))
		goto fail;
	if (cfg->access_log && !strcmp(cfg->access_log, "-")) {
		w->access_fd = STDOUT_FILENO;
	} else if (cfg->access_log && *cfg->access_log) {
		w->access_fd = open(cfg->access_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
		if (w->access_fd < 0) {
			rc = tz_err_set(err, TZ_EIO, "无法写入访问日志 %s：%s", cfg->access_log,
					tz_errno_text(errno));
			goto fail;
		}
	}
	*out = w;
	return 0;
fail:
	web_free(w);
	return rc;
}

int tz_web_serve(const struct tz_web_config *cfg, void (*ready)(void *ctx, const char *url),
		 void *ctx, struct tz_err *err)
{
	struct sockaddr_storage sa;
	struct MHD_Daemon *d;
	struct tz_web *w = NULL;
	const union MHD_DaemonInfo *info;
	socklen_t salen;
	sigset_t stop;
	char url[160], host[INET6_ADDRSTRLEN] = "127.0.0.1";
	int rc, sig = 0, fd;
	double t0;

	if ((rc = parse_listen(cfg->listen, &sa, &salen, err)) || (rc = web_new(cfg, &w, err)))
		return rc;
	/* The server's threads inherit this mask: only sigwait below sees
	 * SIGTERM and SIGINT; SIGPIPE from a closed socket is never fatal. */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	sigdelset(&stop, SIGPIPE);

	d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_TURBO |
			     MHD_USE_ERROR_LOG,
			     0, NULL, NULL, on_request, w,
			     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, w,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_connections,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->per_ip_connections,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
			     MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024,
			     MHD_OPTION_URI_LOG_CALLBACK, on_uri, w,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, w,
			     MHD_OPTION_SIGPIPE_HANDLED_BY_APP, (int)1,
			     MHD_OPTION_END);
	if (!d) {
		rc = tz_err_set(err, TZ_EIO, "无法在 %s 上监听（端口被占用或无权限？）", cfg->listen);
		web_free(w);
		return rc;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	if (sa.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&sa)->sin6_addr, host, sizeof(host));
		snprintf(url, sizeof(url), "http://[%s]:%u/", host, info ? info->port : 0);
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)&sa;

		if (a4->sin_addr.s_addr != htonl(INADDR_ANY))
			inet_ntop(AF_INET, &a4->sin_addr, host, sizeof(host));
		snprintf(url, sizeof(url), "http://%s:%u/", host, info ? info->port : 0);
	}
	tz_log(TZ_LOG_INFO, "event=listening url=%s threads=%u", url, cfg->threads);
	if (ready)
		ready(ctx, url);

	while (sigwait(&stop, &sig) || (sig != SIGTERM && sig != SIGINT))
		;
	tz_log(TZ_LOG_INFO, "event=stopping signal=%d inflight=%ld", sig,
	       (long)atomic_load(&w->inflight));
	fd = MHD_quiesce_daemon(d);
	if (fd >= 0)
		close(fd);
	t0 = tz_clock_ms();
	while (atomic_load(&w->inflight) > 0 && tz_clock_ms() - t0 < cfg->grace * 1000.0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	if (atomic_load(&w->inflight) > 0)
		tz_log(TZ_LOG_WARN, "event=stop_grace_over inflight=%ld", (long)atomic_load(&w->inflight));
	MHD_stop_daemon(d);
	tz_log(TZ_LOG_INFO, "event=stopped requests=%ld", (long)atomic_load(&w->requests));
	web_free(w);
	return 0;
}
