/*
 * static.c: the files under /static/ (our stylesheet and script, and
 * ECharts copied from node_modules by the build): read once at start,
 * served from memory by a response built once. Pages link them with a
 * hash of their content ("/static/taizhang.css?v=…"), so browsers may
 * keep them for good and still never see a stale one.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <microhttpd.h>
#include <sodium.h>

#include "base/xalloc.h"
#include "web/internal.h"
#include "base/banned.h"

#define STATIC_FILES_MAX 64
#define STATIC_FILE_MAX (8u * 1024 * 1024)

struct static_file {
	char *name;
	char *href;
	struct MHD_Response *resp;
	size_t len;  /* bytes of the body, for the access log */
};

struct tz_static {
	struct static_file files[STATIC_FILES_MAX];
	size_t n;
};

static const char *mime(const char *name)
{
	static const char *const types[][2] = {
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".ico", "image/x-icon" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".map", "application/json" },
	};
	const char *dot = strrchr(name, '.');

	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(dot, types[i][0]))
			return types[i][1];
	return "application/octet-stream";
}

static int load_one(struct tz_static *st, const char *dir, const char *name, struct tz_err *err)
{
	struct static_file *f = &st->files[st->n];
	unsigned char h[8];
	char path[4096], hex[17];
	struct stat sb;
	size_t len, hlen;
	char *data;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (stat(path, &sb) || !S_ISREG(sb.st_mode))
		return 0;
	if (sb.st_size > STATIC_FILE_MAX || st->n == STATIC_FILES_MAX)
		return tz_err_set(err, TZ_ETOOBIG, "静态文件过大或过多：%s", path);
	if (!(fp = fopen(path, "rb")))
		return tz_err_set(err, TZ_EIO, "无法读取静态文件 %s：%s", path, tz_errno_text(errno));
	len = (size_t)sb.st_size;
	data = tz_xmalloc(len ? len : 1);
	if (fread(data, 1, len, fp) != len) {
		fclose(fp);
		free(data);
		return tz_err_set(err, TZ_EIO, "无法读取静态文件 %s", path);
	}
	fclose(fp);
	crypto_generichash(h, sizeof(h), (unsigned char *)data, len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	f->resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	f->len = len;
	if (!f->resp) {
		free(data);
		return tz_err_set(err, TZ_EINTERNAL, "无法准备静态文件 %s", path);
	}
	MHD_add_response_header(f->resp, "Content-Type", mime(name));
	MHD_add_response_header(f->resp, "Cache-Control", "public, max-age=31536000, immutable");
	MHD_add_response_header(f->resp, "X-Content-Type-Options", "nosniff");
	f->name = tz_xstrdup(name);
	hlen = strlen(name) + 32;
	f->href = tz_xmalloc(hlen);
	snprintf(f->href, hlen, "/static/%s?v=%s", name, hex);
	st->n++;
	return 0;
}

int tz_static_load(const char *dir, struct tz_static **out, struct tz_err *err)
{
	struct tz_static *st = tz_xcalloc(1, sizeof(*st));
	struct dirent *de;
	DIR *d;
	int rc = 0;

	*out = NULL;
	if (!dir || !(d = opendir(dir))) {
		free(st);
		return tz_err_set(err, TZ_ENOTFOUND, "找不到网页静态文件目录 %s（请先运行 make）",
				  dir ? dir : "");
	}
	while (!rc && (de = readdir(d)))
		if (de->d_name[0] != '.')
			rc = load_one(st, dir, de->d_name, err);
	closedir(d);
	if (rc) {
		tz_static_free(st);
		return rc;
	}
	*out = st;
	return 0;
}

void tz_static_free(struct tz_static *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->n; i++) {
		MHD_destroy_response(st->files[i].resp);
		free(st->files[i].name);
		free(st->files[i].href);
	}
	free(st);
}

static struct static_file *find(struct tz_static *st, const char *name)
{
	for (size_t i = 0; st && i < st->n; i++)
		if (!strcmp(st->files[i].name, name))
			return &st->files[i];
	return NULL;
}

struct MHD_Response *tz_static_response(struct tz_static *st, const char *name, size_t *len)
{
	struct static_file *f = find(st, name);

	*len = f ? f->len : 0;
	return f ? f->resp : NULL;
}

const char *tz_static_href(struct tz_static *st, const char *name)
{
	struct static_file *f = find(st, name);

	return f ? f->href : NULL;
}
