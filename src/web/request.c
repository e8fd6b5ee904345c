/*
 * request.c: one HTTP request: its arena, parsing what the client sent
 * (target, query, form body, cookies, multipart uploads) with caps on
 * everything, what handlers read of it, and the response they build.
 *
 * Parsers work on bytes and refuse rather than guess: a bad escape, a NUL
 * byte or text that is not UTF-8 is a 400, never passed on to a page.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "base/log.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/project.h"
#include "store/store.h"
#include "web/internal.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Parsers                                                             */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Percent-decode s[0..len) into a new string from `a` ('+' is a space
 * when `plus`). *out_len receives the length. TZ_EINVAL for a bad
 * escape, a NUL, or bytes that are not UTF-8.
 */
static int decode(struct tz_arena *a, const char *s, size_t len, int plus, char **out,
		  size_t *out_len)
{
	char *d = tz_arena_alloc(a, len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return TZ_EINVAL;
			hi = hexval(s[i + 1]);
			lo = hexval(s[i + 2]);
			if (hi < 0 || lo < 0)
				return TZ_EINVAL;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		if (c == '\0')
			return TZ_EINVAL;
		d[n++] = c;
	}
	d[n] = '\0';
	if (!tz_utf8_valid(d, n))
		return TZ_EINVAL;
	*out = d;
	*out_len = n;
	return 0;
}

int tz_form_parse(struct tz_arena *a, const char *s, size_t len, struct tz_kv **out, size_t *n,
		  struct tz_err *err)
{
	size_t fields = 1, k = 0, i = 0;
	struct tz_kv *kv;

	*out = NULL;
	*n = 0;
	for (size_t j = 0; j < len; j++)
		fields += s[j] == '&';
	if (fields > TZ_WEB_FIELDS_MAX)
		return tz_err_set(err, TZ_ETOOBIG, "表单字段过多（最多%d个）", TZ_WEB_FIELDS_MAX);
	kv = tz_arena_calloc(a, fields + 1, sizeof(*kv));
	while (i <= len) {
		const char *start = s + i, *amp = memchr(start, '&', len - i), *eq;
		size_t plen = amp ? (size_t)(amp - start) : len - i, klen, vlen;
		char *key, *value;

		i += plen + 1;
		if (!plen)
			continue;
		eq = memchr(start, '=', plen);
		klen = eq ? (size_t)(eq - start) : plen;
		if (klen > 3 * TZ_WEB_KEY_MAX)
			return tz_err_set(err, TZ_ETOOBIG, "表单字段名过长");
		if (eq && plen - klen - 1 > 3 * (size_t)TZ_LIMIT_FIELD)
			return tz_err_set(err, TZ_ETOOBIG, "表单字段过长（最多%u字节）", TZ_LIMIT_FIELD);
		if (decode(a, start, klen, 1, &key, &klen) ||
		    decode(a, eq ? eq + 1 : "", eq ? plen - klen - 1 : 0, 1, &value, &vlen))
			goto bad;
		if (klen > TZ_WEB_KEY_MAX)
			return tz_err_set(err, TZ_ETOOBIG, "表单字段名过长");
		if (vlen > TZ_LIMIT_FIELD)
			return tz_err_set(err, TZ_ETOOBIG, "表单字段过长（最多%u字节）", TZ_LIMIT_FIELD);
		if (!klen)
			continue;
		kv[k].key = key;
		kv[k].value = value;
		k++;
	}
	*out = kv;
	*n = k;
	return 0;
bad:
	return tz_err_set(err, TZ_EINVAL, "请求中含有无效的编码（应为UTF-8，%%XX 转义）");
}

int tz_cookie_parse(struct tz_arena *a, const char *header, struct tz_kv **out, size_t *n,
		    struct tz_err *err)
{
	size_t fields = 1, k = 0;
	const char *p = header ? header : "";
	struct tz_kv *kv;

	*out = NULL;
	*n = 0;
	for (const char *q = p; *q; q++)
		fields += *q == ';';
	if (fields > TZ_WEB_FIELDS_MAX)
		return tz_err_set(err, TZ_ETOOBIG, "Cookie 过多");
	kv = tz_arena_calloc(a, fields + 1, sizeof(*kv));
	while (*p) {
		const char *end = strchr(p, ';'), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *ks, *ke, *vs, *ve;

		eq = memchr(p, '=', len);
		if (eq) {
			ks = p;
			ke = eq;
			vs = eq + 1;
			ve = p + len;
			while (ks < ke && (*ks == ' ' || *ks == '\t'))
				ks++;
			while (ke > ks && (ke[-1] == ' ' || ke[-1] == '\t'))
				ke--;
			while (vs < ve && (*vs == ' ' || *vs == '\t'))
				vs++;
			while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
				vs++;
				ve--;
			}
			if (ke > ks && (size_t)(ke - ks) <= TZ_WEB_KEY_MAX) {
				kv[k].key = tz_arena_strndup(a, ks, (size_t)(ke - ks));
				kv[k].value = tz_arena_strndup(a, vs, (size_t)(ve - vs));
				k++;
			}
		}
		p += len;
		if (*p == ';')
			p++;
	}
	*out = kv;
	*n = k;
	return 0;
}

int tz_target_parse(struct tz_arena *a, const char *target, char **path, const char **query,
		    struct tz_err *err)
{
	const char *q = strchr(target, '?');
	size_t raw = q ? (size_t)(q - target) : strlen(target), len;
	char *p;

	if (raw > 3 * TZ_WEB_PATH_MAX)
		return tz_err_set(err, TZ_EINVAL, "地址过长");
	if (!raw || target[0] != '/' || decode(a, target, raw, 0, &p, &len))
		return tz_err_set(err, TZ_EINVAL, "地址无效");
	if (len > TZ_WEB_PATH_MAX)
		return tz_err_set(err, TZ_EINVAL, "地址过长");
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return tz_err_set(err, TZ_EINVAL, "地址无效");
	/* No "." or ".." segment (a path is never a file path, but say no
	 * all the same), no "//". */
	for (const char *s = p; *s;) {
		const char *e = strchr(s + 1, '/');
		size_t seg = e ? (size_t)(e - s - 1) : strlen(s + 1);

		if ((seg == 1 && s[1] == '.') || (seg == 2 && s[1] == '.' && s[2] == '.') ||
		    (!seg && e))
			return tz_err_set(err, TZ_EINVAL, "地址无效");
		if (!e)
			break;
		s = e;
	}
	*path = p;
	*query = q ? q + 1 : "";
	return 0;
}

const char *tz_kv_get(const struct tz_kv *kv, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(kv[i].key, key))
			return kv[i].value;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* What handlers read                                                  */

const char *tz_req_param(const struct tz_req *r, const char *name)
{
	return tz_kv_get(r->priv->params, r->priv->nparams, name);
}

const char *tz_web_code(struct tz_arena *a, const char *code)
{
	struct tz_buf b = TZ_BUF_INIT;
	const char *out = code;
	size_t len = code ? strlen(code) : 0, i = 0;

	/* The usual code: ASCII with nothing to trim, as it comes. */
	while (i < len && (unsigned char)code[i] > ' ' && (unsigned char)code[i] < 0x7F)
		i++;
	if (i == len)
		return code;
	if (!tz_project_code_fold(code, len, &b, NULL))
		out = tz_arena_strndup(a, b.buf, b.len);
	tz_buf_release(&b);
	return out;
}

const char *tz_req_query(const struct tz_req *r, const char *name)
{
	return tz_kv_get(r->priv->query, r->priv->nquery, name);
}

const char *tz_req_form(const struct tz_req *r, const char *name)
{
	return tz_kv_get(r->priv->form, r->priv->nform, name);
}

const char *tz_req_arg(const struct tz_req *r, const char *name)
{
	const char *v = tz_req_form(r, name);

	return v ? v : tz_req_query(r, name);
}

const struct tz_kv *tz_req_query_all(const struct tz_req *r, size_t *n)
{
	*n = r->priv->nquery;
	return r->priv->query;
}

const struct tz_kv *tz_req_form_all(const struct tz_req *r, size_t *n)
{
	*n = r->priv->nform;
	return r->priv->form;
}

int tz_req_int(const struct tz_req *r, const char *name, long dflt, long min, long max,
	       long *out)
{
	const char *v = tz_req_arg(r, name);
	char *end;
	long x;

	*out = dflt;
	if (!v || !*v)
		return 0;
	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || *end || end == v || x < min || x > max || *v == ' ' || *v == '+')
		return TZ_EINVAL;
	*out = x;
	return 0;
}

const char *tz_req_cookie(const struct tz_req *r, const char *name)
{
	return tz_kv_get(r->priv->cookies, r->priv->ncookies, name);
}

const char *tz_req_header(const struct tz_req *r, const char *name)
{
	return r->priv->conn ? MHD_lookup_connection_value(r->priv->conn, MHD_HEADER_KIND, name)
			     : NULL;
}

const struct tz_upload *tz_req_upload(const struct tz_req *r, const char *field)
{
	for (size_t i = 0; i < r->priv->nuploads; i++)
		if (!strcmp(r->priv->uploads[i].field, field))
			return &r->priv->uploads[i];
	return NULL;
}

void tz_req_actor(const struct tz_req *r, struct tz_actor *out)
{
	out->user_id = r->user ? r->user->id : 0;
	out->origin = r->client;
	out->at = r->now;
}

const struct tz_access_scope *tz_req_scope(struct tz_req *r)
{
	if (!r->priv->scope) {
		struct tz_access_scope *s = tz_arena_calloc(r->arena, 1, sizeof(*s));

		tz_access_scope(r->org, r->user, s);
		tz_arena_on_release(r->arena, (void (*)(void *))tz_access_scope_release, s);
		r->priv->scope = s;
	}
	return r->priv->scope;
}

int tz_req_allow(struct tz_req *r, enum tz_action a, const struct tz_object *o)
{
	switch (tz_access_decide(r->org, r->user, a, o)) {
	case TZ_ALLOW:
		return 1;
	case TZ_DENY_FORBID:
		tz_resp_error(r, 403, NULL);
		return 0;
	default:
		tz_resp_error(r, 404, NULL);
		return 0;
	}
}

/* ------------------------------------------------------------------ */
/* The response                                                        */

static void drop_response(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;

	if (p->fd >= 0)
		close(p->fd);
	p->fd = -1;
	tz_blob_unref(p->blob);
	p->blob = NULL;
	p->prebuilt = NULL;
	p->nheaders = 0;
}

int tz_resp_body(struct tz_req *r, int status, const char *content_type)
{
	struct tz_req_private *p = r->priv;

	p->status = status;
	p->content_type = content_type;
	p->has_response = 1;
	return 0;
}

int tz_resp_html(struct tz_req *r, int status)
{
	return tz_resp_body(r, status, "text/html; charset=utf-8");
}

int tz_resp_json(struct tz_req *r, int status, struct tz_json *j)
{
	int rc = tz_json_finish(j);

	tz_buf_release(&r->out);
	if (rc) {
		tz_json_release(j);
		return tz_err_set(&r->err, rc, "JSON output failed");
	}
	r->out = j->out;
	tz_buf_init(&j->out, 0);
	return tz_resp_body(r, status, "application/json; charset=utf-8");
}

int tz_resp_redirect(struct tz_req *r, const char *location)
{
	/* Only local paths: never an open redirect ("//evil", "/\evil"). */
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\' ||
	    strpbrk(location, "\r\n"))
		location = "/";
	tz_buf_reset(&r->out);
	tz_resp_header(r, "Location", location);
	return tz_resp_body(r, 303, "text/plain; charset=utf-8");
}

/*
 * The ASCII fallback of a download's name (RFC 6266 filename=, for
 * clients that ignore filename*=): the name itself when it is plain ASCII
 * (letters, digits, '.', '-', '_'), else "download" with the name's
 * extension, so that a file saved by such a client still opens in the
 * program it is for ("项目台账.xlsx" → "download.xlsx").
 */
static void ascii_filename(struct tz_buf *out, const char *name)
{
	const char *dot = strrchr(name, '.');
	size_t n = strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				"0123456789.-_");

	if (*name && !name[n] && name[0] != '.') {
		tz_buf_adds(out, name);
		return;
	}
	tz_buf_adds(out, "download");
	if (dot && dot[1] && strlen(dot) <= 8 &&
	    !dot[strspn(dot, ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")])
		tz_buf_adds(out, dot);
}

int tz_resp_file(struct tz_req *r, int fd, uint64_t size, const char *content_type,
		 const char *filename)
{
	struct tz_req_private *p = r->priv;

	drop_response(r);
	p->fd = fd;
	p->fd_size = size;
	if (filename) {
		struct tz_buf cd = TZ_BUF_INIT;

		/* RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
		tz_buf_adds(&cd, "attachment; filename=\"");
		ascii_filename(&cd, filename);
		tz_buf_adds(&cd, "\"; filename*=UTF-8''");
		tz_html_url_arg(&cd, filename);
		tz_resp_header(r, "Content-Disposition", cd.buf);
		tz_buf_release(&cd);
	}
	return tz_resp_body(r, 200, content_type);
}

int tz_resp_prebuilt(struct tz_req *r, struct MHD_Response *resp, size_t len)
{
	drop_response(r);
	r->priv->prebuilt = resp;
	r->priv->prebuilt_len = len;
	return tz_resp_body(r, 200, NULL);
}

int tz_resp_blob(struct tz_req *r, int status, const char *content_type, struct tz_blob *b)
{
	drop_response(r);
	r->priv->blob = tz_blob_ref(b);
	return tz_resp_body(r, status, content_type);
}

void tz_resp_header(struct tz_req *r, const char *name, const char *value)
{
	struct tz_req_private *p = r->priv;
	struct tz_kv *grown;

	if (p->nheaders == p->headers_alloc) {
		size_t n = p->headers_alloc ? 2 * p->headers_alloc : 8;

		grown = tz_arena_calloc(r->arena, n, sizeof(*grown));
		if (p->nheaders)
			memcpy(grown, p->headers, p->nheaders * sizeof(*grown));
		p->headers = grown;
		p->headers_alloc = n;
	}
	p->headers[p->nheaders].key = tz_arena_strdup(r->arena, name);
	p->headers[p->nheaders].value = tz_arena_strdup(r->arena, value);
	p->nheaders++;
}

void tz_resp_cookie(struct tz_req *r, const char *name, const char *value, long max_age)
{
	char buf[512];
	int secure = r->web->cfg.secure_cookies > 0 || (r->web->cfg.secure_cookies < 0 && r->https);

	snprintf(buf, sizeof(buf), "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", name,
		 max_age ? value : "", secure ? "; Secure" : "");
	if (max_age >= 0) {
		size_t n = strlen(buf);

		snprintf(buf + n, sizeof(buf) - n, "; Max-Age=%ld", max_age);
	}
	tz_resp_header(r, "Set-Cookie", buf);
}

/* ------------------------------------------------------------------ */
/* A request's life                                                    */

static void upload_cleanup(void *arg)
{
	struct tz_req *r = arg;

	for (size_t i = 0; i < r->priv->nuploads; i++)
		if (r->priv->uploads[i].path)
			unlink(r->priv->uploads[i].path);
	free(r->priv->uploads);
	if (r->priv->cur_fd >= 0)
		close(r->priv->cur_fd);
}

struct tz_req *tz_req_new(struct tz_web *w, struct MHD_Connection *c, const char *target)
{
	struct tz_arena *a = tz_arena_new();
	struct tz_req *r = tz_arena_calloc(a, 1, sizeof(*r));
	struct tz_req_private *p = tz_arena_calloc(a, 1, sizeof(*p));

	r->arena = a;
	r->web = w;
	r->priv = p;
	r->method = "";
	r->path = "";
	r->client = "";
	tz_buf_init(&r->out, TZ_LIMIT_OUTPUT);
	p->conn = c;
	p->t0 = tz_clock_ms();
	p->raw_target = tz_arena_strdup(a, target ? target : "");
	p->fd = -1;
	p->cur_fd = -1;
	p->status = 500;
	tz_buf_init(&p->body, TZ_LIMIT_FORM);
	tz_buf_init(&p->cur_field, TZ_LIMIT_FIELD);
	tz_arena_on_release(a, upload_cleanup, r);
	return r;
}

void tz_req_free(struct tz_req *r)
{
	if (!r)
		return;
	drop_response(r);
	if (r->priv->pp)
		MHD_destroy_post_processor(r->priv->pp);
	if (r->priv->org_ref)
		tz_web_org_unref(r->web, r->priv->org_ref);
	tz_buf_release(&r->out);
	tz_buf_release(&r->priv->body);
	tz_buf_release(&r->priv->cur_field);
	tz_arena_free(r->arena);
}

/* Finish the multipart field or file being read. */
static int flush_part(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;

	if (p->cur_fd >= 0) {
		if (close(p->cur_fd))
			p->too_big = 1;
		p->cur_fd = -1;
	}
	p->cur_upload = NULL;
	return 0;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct tz_req *r = cls;
	struct tz_req_private *p = r->priv;

	(void)kind;
	(void)transfer_encoding;
	if (!key)
		return MHD_NO;
	if (filename) {
		if (!(r->route && (r->route->flags & TZ_ROUTE_UPLOAD)))
			return MHD_NO;  /* files only where a page takes them */
		if (off == 0 || !p->cur_upload) {
			const char *tmp = getenv("TMPDIR");
			char path[4096];

			flush_part(r);
			if (p->nuploads >= 16)
				return MHD_NO;
			snprintf(path, sizeof(path), "%s/taizhang-upload-XXXXXX",
				 tmp && *tmp ? tmp : "/tmp");
			p->cur_fd = mkstemp(path);
			if (p->cur_fd < 0)
				return MHD_NO;
			TZ_ALLOC_GROW(p->uploads, p->nuploads + 1, p->uploads_alloc);
			p->cur_upload = &p->uploads[p->nuploads++];
			memset(p->cur_upload, 0, sizeof(*p->cur_upload));
			p->cur_upload->field = tz_arena_strdup(r->arena, key);
			p->cur_upload->filename = tz_arena_strdup(r->arena, filename);
			p->cur_upload->content_type = tz_arena_strdup(r->arena,
								      content_type ? content_type : "");
			p->cur_upload->path = tz_arena_strdup(r->arena, path);
		}
		if (size && write(p->cur_fd, data, size) != (ssize_t)size)
			return MHD_NO;
		p->cur_upload->size += size;
		return MHD_YES;
	}
	/* An ordinary field; MHD gives its value in pieces. */
	if (off == 0) {
		struct tz_kv *grown;

		flush_part(r);
		if (p->nform >= TZ_WEB_FIELDS_MAX || strlen(key) > TZ_WEB_KEY_MAX)
			return MHD_NO;
		grown = tz_arena_calloc(r->arena, p->nform + 2, sizeof(*grown));
		if (p->nform)
			memcpy(grown, p->form, p->nform * sizeof(*grown));
		p->form = grown;
		p->form[p->nform].key = tz_arena_strdup(r->arena, key);
		p->form[p->nform].value = "";
		p->nform++;
		tz_buf_reset(&p->cur_field);
	}
	if (!p->nform || tz_buf_add(&p->cur_field, data, size))
		return MHD_NO;
	p->form[p->nform - 1].value = tz_arena_strndup(r->arena, p->cur_field.buf, p->cur_field.len);
	return MHD_YES;
}

/*
 * The first callback, headers read: the method, target, query and
 * cookies. 0, or a status to answer at once (400) with r->err saying why.
 */
int tz_req_begin(struct tz_req *r, const char *method)
{
	struct tz_req_private *p = r->priv;
	const char *query;
	char *path;

	r->method = tz_arena_strdup(r->arena, method ? method : "");
	if (tz_target_parse(r->arena, p->raw_target, &path, &query, &r->err))
		return 400;
	r->path = path;
	p->query_raw = query;
	if (tz_form_parse(r->arena, query, strlen(query), &p->query, &p->nquery, &r->err))
		return 400;
	if (tz_cookie_parse(r->arena, tz_req_header(r, "Cookie"), &p->cookies, &p->ncookies,
			    &r->err))
		return 400;
	return 0;
}

/*
 * Once the route is known: the body's cap (TZ_LIMIT_BODY for uploads,
 * else TZ_LIMIT_FORM) against its announced size, and its kind. 0, or a
 * status to answer at once (400, 413), before any of the body is read.
 */
int tz_req_body_check(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;
	const char *clen, *ctype;

	p->body_max = r->route && (r->route->flags & TZ_ROUTE_UPLOAD) ? TZ_LIMIT_BODY : TZ_LIMIT_FORM;
	if (p->body_max > p->body.max)
		tz_buf_init(&p->body, (size_t)p->body_max);
	clen = tz_req_header(r, "Content-Length");
	if (clen) {
		char *end;
		unsigned long long n;

		errno = 0;
		n = strtoull(clen, &end, 10);
		if (errno || *end || end == clen)
			return tz_err_set(&r->err, TZ_EINVAL, "Content-Length 无效"), 400;
		if (n > p->body_max) {
			tz_err_set(&r->err, TZ_ETOOBIG, "请求内容过大（最多%llu字节）",
				   (unsigned long long)p->body_max);
			return 413;
		}
	}
	ctype = tz_req_header(r, "Content-Type");
	if (ctype && !strncasecmp(ctype, "multipart/form-data", 19)) {
		p->multipart = 1;
		p->pp = MHD_create_post_processor(p->conn, 64 * 1024, on_part, r);
		if (!p->pp)
			return tz_err_set(&r->err, TZ_EINVAL, "multipart 请求格式无效"), 400;
	}
	return 0;
}

/* Feed a piece of the body; past the cap the rest is refused. */
void tz_req_feed(struct tz_req *r, const char *data, size_t len)
{
	struct tz_req_private *p = r->priv;

	if (p->too_big)
		return;
	p->bytes += len;
	if (p->bytes > p->body_max) {
		p->too_big = 1;
		return;
	}
	if (p->pp) {
		if (MHD_post_process(p->pp, data, len) != MHD_YES)
			p->too_big = 2;  /* refused by a part: bad or too many */
	} else if (tz_buf_add(&p->body, data, len)) {
		p->too_big = 1;
	}
}

/* What a JSON value is, in a message. */
static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "对象";
	case JSON_ARRAY:
		return "数组";
	case JSON_REAL:
		return "小数";
	case JSON_NULL:
		return "null";
	default:
		return "其他";
	}
}

/*
 * A JSON body that is one object of texts, whole numbers and true/false
 * as the request's fields, as a form's: docs/api.md gives every POST its
 * fields, and a client sending {"text": "…"} means the same (walkthrough
 * 15: a comment in JSON was answered "请填写意见或选择标记"). Anything
 * else is 400 with a message saying what is wrong (walkthrough 16: an
 * array, a nested object, a fraction, null or broken JSON were all
 * answered "请指定项目"), except on a TZ_ROUTE_JSON route, whose handler
 * reads its own body (POST /api/v1/reports). The form's limits hold. 0,
 * or an HTTP status with r->err set.
 */
static int json_fields(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;
	json_t *doc = NULL, *v;
	json_error_t jerr;
	const char *key;
	struct tz_kv *kv;
	size_t n = 0, k = 0;
	int status = 400;

	if (r->route && (r->route->flags & TZ_ROUTE_JSON))
		return 0;
	doc = json_loadb(p->body.buf, p->body.len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc) {
		if (strstr(jerr.text, "duplicate"))
			tz_err_set(&r->err, TZ_EINVAL, "请求内容有重复的字段（第%d行第%d列附近）",
				   jerr.line, jerr.column);
		else
			tz_err_set(&r->err, TZ_EINVAL, "请求内容不是有效的JSON（第%d行第%d列附近有误）",
				   jerr.line, jerr.column);
		goto out;
	}
	if (!json_is_object(doc)) {
		tz_err_set(&r->err, TZ_EINVAL, "请求内容应为一个JSON对象：{\"字段\": 值, …}，收到的是%s",
			   json_kind(doc));
		goto out;
	}
	json_object_foreach(doc, key, v) {
		if (!json_is_string(v) && !json_is_integer(v) && !json_is_boolean(v)) {
			tz_err_set(&r->err, TZ_EINVAL, "字段“%.64s”应为文字、整数或 true/false，"
				   "收到的是%s", key, json_kind(v));
			goto out;
		}
		n++;
	}
	status = 0;
	if (n > TZ_WEB_FIELDS_MAX) {
		tz_err_set(&r->err, TZ_ETOOBIG, "表单字段过多（最多%d个）", TZ_WEB_FIELDS_MAX);
		status = 413;
		goto out;
	}
	kv = tz_arena_calloc(r->arena, n + 1, sizeof(*kv));
	json_object_foreach(doc, key, v) {
		char num[24];
		const char *s = num;
		size_t len;

		if (json_is_string(v))
			s = json_string_value(v);
		else if (json_is_integer(v))
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
		else
			snprintf(num, sizeof(num), "%d", json_is_true(v));
		len = json_is_string(v) ? json_string_length(v) : strlen(s);
		if (strlen(key) > TZ_WEB_KEY_MAX || len > TZ_LIMIT_FIELD) {
			tz_err_set(&r->err, TZ_ETOOBIG, "字段“%.64s”过长", key);
			status = 413;
			goto out;
		}
		if (memchr(s, '\0', len)) {
			tz_err_set(&r->err, TZ_EINVAL, "字段“%.64s”含有空字符", key);
			status = 400;
			goto out;
		}
		if (!*key)
			continue;
		kv[k].key = tz_arena_strdup(r->arena, key);
		kv[k].value = tz_arena_strndup(r->arena, s, len);
		k++;
	}
	p->form = kv;
	p->nform = k;
out:
	json_decref(doc);
	return status;
}

/* The body has all come: parse it. 0 or a status (400, 413). */
int tz_req_body_done(struct tz_req *r)
{
	struct tz_req_private *p = r->priv;
	const char *ctype = tz_req_header(r, "Content-Type");

	if (p->too_big == 1)
		return tz_err_set(&r->err, TZ_ETOOBIG, "请求内容过大"), 413;
	if (p->too_big)
		return tz_err_set(&r->err, TZ_EINVAL, "请求内容无效（上传的文件或字段不被接受）"), 400;
	if (p->pp) {
		if (MHD_destroy_post_processor(p->pp) != MHD_YES) {
			p->pp = NULL;
			return tz_err_set(&r->err, TZ_EINVAL, "multipart 请求格式无效"), 400;
		}
		p->pp = NULL;
		flush_part(r);
		for (size_t i = 0; i < p->nform; i++)
			if (!tz_utf8_valid(p->form[i].value, strlen(p->form[i].value)))
				return tz_err_set(&r->err, TZ_EINVAL, "表单内容不是UTF-8"), 400;
		return 0;
	}
	if (!p->body.len)
		return 0;
	if (ctype && !strncasecmp(ctype, "application/json", 16))
		return json_fields(r);
	if (ctype && strncasecmp(ctype, "application/x-www-form-urlencoded", 33))
		return 0;  /* another kind: left for the handler */
	switch (tz_form_parse(r->arena, p->body.buf, p->body.len, &p->form, &p->nform, &r->err)) {
	case 0:
		return 0;
	case TZ_ETOOBIG:
		return 413;
	default:
		return 400;
	}
}

const char *tz_req_body(const struct tz_req *r, size_t *len)
{
	*len = r->priv->body.len;
	return r->priv->body.buf;
}

static const char *security_headers[][2] = {
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "same-origin" },
	{ "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
				     " script-src 'self'; object-src 'none'; base-uri 'none';"
				     " frame-ancestors 'none'; form-action 'self'" },
};

static void blob_free_cb(void *cls)
{
	tz_blob_unref(cls);
}

struct MHD_Response *tz_req_response(struct tz_req *r, unsigned *status)
{
	struct tz_req_private *p = r->priv;
	struct MHD_Response *resp;

	*status = (unsigned)p->status;
	if (p->prebuilt) {
		p->bytes = p->prebuilt_len;
		return p->prebuilt;
	}
	if (p->fd >= 0) {
		resp = MHD_create_response_from_fd64(p->fd_size, p->fd);
		if (resp)
			p->fd = -1;  /* MHD closes it */
		p->bytes = p->fd_size;
	} else if (p->blob) {
		size_t len0 = p->blob->len;

		resp = MHD_create_response_from_buffer_with_free_callback_cls(
			p->blob->len, p->blob->data, blob_free_cb, p->blob);
		if (resp)
			p->blob = NULL;  /* MHD releases it */
		p->bytes = len0;
	} else {
		size_t len;
		char *body = tz_buf_detach(&r->out, &len);

		resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!resp)
			free(body);
		p->bytes = len;
	}
	if (!resp)
		return NULL;
	if (p->content_type)
		MHD_add_response_header(resp, "Content-Type", p->content_type);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
	if (!tz_kv_get(p->headers, p->nheaders, "Cache-Control"))
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (size_t i = 0; i < p->nheaders; i++)
		MHD_add_response_header(resp, p->headers[i].key, p->headers[i].value);
	return resp;
}
