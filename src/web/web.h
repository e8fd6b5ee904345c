/*
 * web.h: what a page or API handler sees of the web server (docs/
 * internals/web.md has the tour).
 *
 * A handler is listed once in the route table (routes.c) as
 *
 *     { "GET", "/projects/{code}", ui_project, TZ_ROUTE_AUTH, TZ_ACT_VIEW, NULL },
 *
 * and is called as `int handler(struct tz_req *r)` only after the server
 * checked, in this order and in one place: the route exists (404/405);
 * the body is within its cap (413); the user is signed in, by session
 * cookie or, on TZ_ROUTE_API routes, by `Authorization: Bearer` token
 * (else 303 to the login page, or 401); the user's role may do the
 * route's action at all (tz_access_decide with no object, else 403); the
 * CSRF token of a TZ_ROUTE_CSRF route (else 403). The handler then loads
 * its object and asks again with it, through tz_req_allow(), which
 * answers 404 for what the user may not see and 403 for what it may see
 * but not change.
 *
 * Everything a handler allocates for the request comes from r->arena and
 * is freed when the request completes: handlers never free request data.
 * The page body is written into r->out through base/html.h (escaping by
 * default) or base/json.h; a handler ends with one tz_resp_* call and
 * returns 0, or returns a tz_errc with r->err set and the server answers
 * 500 (logging the error, never showing it).
 */
#ifndef TZ_WEB_H
#define TZ_WEB_H

#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/html.h"
#include "base/json.h"
#include "core/access.h"
#include "core/org.h"
#include "core/user.h"

struct tz_store;
struct tz_web;
struct tz_req;

/* ------------------------------------------------------------------ */
/* The route table                                                     */

enum tz_route_flags {
	TZ_ROUTE_AUTH = 1 << 0,    /* a signed-in user is required */
	TZ_ROUTE_PUBLIC = 1 << 1,  /* no sign-in (exactly one of AUTH, PUBLIC) */
	TZ_ROUTE_CSRF = 1 << 2,    /* changes state: a CSRF token is required (form
				      field _csrf or header X-CSRF-Token), except
				      with an API token, which no browser sends by
				      itself */
	TZ_ROUTE_API = 1 << 3,     /* JSON: API tokens accepted, 401 not a redirect,
				      errors as {"error": …} */
	TZ_ROUTE_UPLOAD = 1 << 4,  /* the body may be up to TZ_LIMIT_BODY (else
				      TZ_LIMIT_FORM); multipart/form-data files */
	TZ_ROUTE_JSON = 1 << 5,    /* the handler reads a JSON body of its own
				      (tz_req_body); on other routes a JSON body
				      must be one flat object of fields (else 400) */
};

typedef int tz_handler_fn(struct tz_req *r);

struct tz_route {
	const char *method;     /* "GET" (also answers HEAD) or "POST" */
	const char *pattern;    /* "/projects/{code}": {name} matches one segment */
	tz_handler_fn *handler;
	unsigned flags;         /* enum tz_route_flags */
	enum tz_action action;  /* what the role must be able to do at all */
	const char *nav;        /* label in the navigation (GET pages), or NULL */
};

/* The table, in the order the navigation shows it; ends with a NULL method. */
extern const struct tz_route tz_routes[];

#define TZ_ROUTE_PARAMS_MAX 4

/* ------------------------------------------------------------------ */
/* A request                                                           */

struct tz_kv {
	const char *key;
	const char *value;
};

/* An uploaded file (multipart/form-data on a TZ_ROUTE_UPLOAD route):
 * kept in a temporary file removed when the request completes. */
struct tz_upload {
	const char *field;
	const char *filename;      /* as the browser sent it (untrusted) */
	const char *content_type;
	const char *path;          /* the temporary file */
	uint64_t size;
};

struct tz_req_private;

struct tz_req {
	/* What handlers read. */
	struct tz_arena *arena;          /* freed when the request completes */
	struct tz_web *web;              /* the server: config, caches */
	const char *method;              /* "GET", "HEAD", "POST"… */
	const char *path;                /* percent-decoded, valid UTF-8, starts with "/" */
	const char *client;              /* the client's address */
	const struct tz_route *route;
	struct tz_store *store;          /* borrowed for the handler's run */
	const struct tz_org_index *org;  /* the tree at `version` */
	int64_t version;                 /* tz_store_version when the handler began */
	int64_t now;                     /* unix seconds */
	const struct tz_user *user;      /* NULL only on TZ_ROUTE_PUBLIC routes */
	const char *csrf;                /* the session's CSRF token; NULL with an API token */
	const char *session_hash;        /* the session's stored hash; NULL without one */
	int by_token;                    /* signed in by an API token */
	int https;                       /* the client reached us over TLS */
	struct tz_err err;               /* for the handler's calls */
	struct tz_buf out;               /* the response body being written */

	/* The server's own. */
	struct tz_req_private *priv;
};

/* A route parameter ("code" of /projects/{code}), decoded; NULL if none. */
const char *tz_req_param(const struct tz_req *r, const char *name);
/* A query-string field, a form field (urlencoded or multipart), either
 * (form first); NULL when absent. Values are valid UTF-8. */
const char *tz_req_query(const struct tz_req *r, const char *name);
const char *tz_req_form(const struct tz_req *r, const char *name);
const char *tz_req_arg(const struct tz_req *r, const char *name);
/*
 * A 项目编号 as typed into a form, a link or an API call, folded as every
 * import folds codes (tz_project_code_fold: Ｐ１ is P1, invisible
 * characters removed), into `a`; NULL stays NULL. Route parameters named
 * "code" arrive folded already.
 */
const char *tz_web_code(struct tz_arena *a, const char *code);
/* Every query field in order (for keeping a page's filters in links). */
const struct tz_kv *tz_req_query_all(const struct tz_req *r, size_t *n);
/* Every form field in order (a form whose field names carry a key, such
 * as the monthly report's "c.CODE"). */
const struct tz_kv *tz_req_form_all(const struct tz_req *r, size_t *n);
/*
 * An integer field (tz_req_arg): `dflt` when absent or empty; 0 and *out
 * when it is a decimal within [min, max]; TZ_EINVAL otherwise.
 */
int tz_req_int(const struct tz_req *r, const char *name, long dflt, long min, long max,
	       long *out);
/* A cookie's value, or NULL. */
const char *tz_req_cookie(const struct tz_req *r, const char *name);
/* A request header (case-insensitive name), or NULL. */
const char *tz_req_header(const struct tz_req *r, const char *name);
/* The raw body when it is not a form (JSON sent to the API); "" if none. */
const char *tz_req_body(const struct tz_req *r, size_t *len);
/* The uploaded file of a field, or NULL. */
const struct tz_upload *tz_req_upload(const struct tz_req *r, const char *field);

/*
 * The permission check with an object (core/access.h): 1 when allowed;
 * otherwise the error response is set (404 for TZ_DENY_HIDE, saying only
 * that the page does not exist; 403 for TZ_DENY_FORBID) and 0 returned,
 * and the handler returns 0 at once:
 *
 *     if (!tz_req_allow(r, TZ_ACT_VIEW, &o))
 *             return 0;
 */
int tz_req_allow(struct tz_req *r, enum tz_action a, const struct tz_object *o);

/* What the user sees, as store queries take it (tz_access_scope), computed
 * once per request. */
const struct tz_access_scope *tz_req_scope(struct tz_req *r);

/* Who acts, for the audit trail of a change made by the request. */
struct tz_actor;
void tz_req_actor(const struct tz_req *r, struct tz_actor *out);

/* ------------------------------------------------------------------ */
/* The response                                                        */

/* Send r->out as HTML (text/html; charset=utf-8) with `status`. */
int tz_resp_html(struct tz_req *r, int status);
/* Send r->out with a content type. */
int tz_resp_body(struct tz_req *r, int status, const char *content_type);
/* Send a JSON document written with `j` (fp NULL); j is released. */
int tz_resp_json(struct tz_req *r, int status, struct tz_json *j);
/* 303 See Other to a local path ("/projects?…"); anything not starting
 * with a single "/" becomes "/". */
int tz_resp_redirect(struct tz_req *r, const char *location);
/*
 * An error: a page in the layout (or {"error": msg} on API routes) with
 * `status` and the Chinese message `msg` (NULL: the status's usual words).
 * Whatever r->out held is dropped.
 */
int tz_resp_error(struct tz_req *r, int status, const char *msg);
/* Send the open file `fd` (`size` bytes) as `content_type`, offered for
 * download as `filename` (UTF-8; NULL: shown inline). The fd is closed
 * when sent. */
int tz_resp_file(struct tz_req *r, int fd, uint64_t size, const char *content_type,
		 const char *filename);
/* Add a header to the response (copied). */
void tz_resp_header(struct tz_req *r, const char *name, const char *value);
/* Set a cookie: Path=/, HttpOnly, SameSite=Strict, Secure over TLS;
 * max_age < 0: a session cookie; 0: delete it. */
void tz_resp_cookie(struct tz_req *r, const char *name, const char *value, long max_age);

/* ------------------------------------------------------------------ */
/* Pages (layout.c)                                                    */

/*
 * Start a page: doctype, head with the stylesheet, the header with the
 * navigation for the user's role (routes with a `nav` label the role may
 * use; `active` is the current one's pattern or NULL) and the demo banner
 * while demo accounts exist. `title` is escaped.
 */
void tz_page_begin(struct tz_req *r, const char *title, const char *active);
/* Load a script from the static directory at the end of the page
 * ("echarts.min.js"); call before tz_page_send. */
void tz_page_script(struct tz_req *r, const char *file);
/* Close the page and send it with `status`. */
int tz_page_send(struct tz_req *r, int status);
/* The hidden CSRF field every POST form carries. */
void tz_page_csrf_field(struct tz_req *r);
/*
 * Write path?query into the page, escaped for an attribute: the request's
 * query fields, with those named in `set` (key, value pairs, NULL-ended)
 * replaced, or removed when the value is "" (page links, sort links).
 */
void tz_page_href(struct tz_req *r, const char *path, const char *const *set);
/* The URL of a static file with its content hash (for caching forever). */
const char *tz_static_url(struct tz_req *r, const char *file);

/* Text for people: money in 万元 with thousands separators
 * ("12,345.67"), a rate as a percentage ("87.6%"), a date. From r->arena. */
const char *tz_fmt_money(struct tz_req *r, int64_t v);
const char *tz_fmt_rate(struct tz_req *r, int32_t rate);
const char *tz_fmt_time(struct tz_req *r, int64_t unix_seconds);

#endif
