/*
 * glib-load.c: GLib and GObject opened when first needed, not by every
 * command at start-up.
 *
 * Why: GObject brings GLib, libffi and libpcre2, whose relocations the
 * dynamic loader resolves before main, in every run of `taizhang`. An
 * empty program linked with the libraries the binary still links
 * (sqlite3, utf8proc, jansson, sodium, csv) runs 1.46 M instructions,
 * 2.31 M with GLib and GObject (callgrind; bench/README.md, "Tenth
 * session: lazy libraries"); only the commands that read an .xls file
 * (through libgsf) or write a PDF (through Pango) need any.
 *
 * The binary is not linked with libgobject-2.0.so.0 (Makefile,
 * TZ_GOBJECT_SONAME). Its users are src/intake (xls.c: the objects
 * libgsf returns) and src/report (pdf.c: the objects and strings of
 * Pango); each calls tz_dl_glib_load() before any of its functions,
 * which glib-fwd.c defines under their own names, forwarding to the
 * pointers looked up here (glib-fns.h lists them).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "base/log.h"
#include "dl/glib-fns.h"
#include "dl/glib-load.h"
#include "base/banned.h"

#ifndef TZ_GOBJECT_SONAME
#define TZ_GOBJECT_SONAME "libgobject-2.0.so.0"
#endif

/* The library's functions: tz_fn_NAME, declared in glib-fns.h. */
#define POINTER(ret, name, params, args) ret(*tz_fn_##name) params;
#define POINTER_V(name, params, args) void(*tz_fn_##name) params;
GLIB_FUNCTIONS(POINTER, POINTER_V)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded;
static char load_error[256];

/* dlsym into a function pointer: POSIX guarantees the conversion. */
#define FIND(ret, name, params, args) \
	if (ok && !(*(void **)(&tz_fn_##name) = dlsym(h, #name))) \
		ok = 0;
#define FIND_V(name, params, args) FIND(void, name, params, args)

static void load(void)
{
	void *h = dlopen(TZ_GOBJECT_SONAME, RTLD_NOW | RTLD_LOCAL);
	int ok = h != NULL;

	GLIB_FUNCTIONS(FIND, FIND_V)
	if (!ok) {
		const char *why = dlerror();

		snprintf(load_error, sizeof(load_error), "%s", why ? why : "?");
		tz_log(TZ_LOG_ERROR, "dl=glib event=load_failed lib=%s error=%s",
		       TZ_GOBJECT_SONAME, load_error);
	}
	/* The library stays loaded for the life of the process. */
	loaded = ok;
}

int tz_dl_glib_load(const char *what, const char *path, struct tz_err *err)
{
	pthread_once(&load_once, load);
	if (loaded)
		return 0;
	if (path)
		return tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "%s需要的库%s无法加载：%s",
				     what, TZ_GOBJECT_SONAME, load_error);
	return tz_err_set(err, TZ_ENOTFOUND, "%s需要的库%s无法加载：%s", what,
			  TZ_GOBJECT_SONAME, load_error);
}
