/*
 * zip-load.c: libzip opened when first needed, not by every command at
 * start-up.
 *
 * Why: libzip brings libcrypto (OpenSSL), libbz2, liblzma and libz,
 * whose relocations the dynamic loader resolves before main, in every
 * run of `taizhang`. An empty program linked with the libraries the
 * binary still links (sqlite3, utf8proc, jansson, sodium, csv) runs 1.46
 * M instructions, 5.57 M with libzip (callgrind; bench/README.md, "Tenth
 * session: lazy libraries"); only the commands that read an .xlsx file
 * or write an Excel bulletin need any.
 *
 * The binary is not linked with libzip.so.4 (Makefile, TZ_ZIP_SONAME).
 * Its users are src/intake (xlsx.c, xlsx-book.c, xlsx-part.c: reading
 * .xlsx) and src/report (xlsx-combine.c: rewriting the parts of a
 * written .xlsx); each calls tz_dl_zip_load() before any of its
 * functions, which zip-fwd.c defines under their own names, forwarding
 * to the pointers looked up here (zip-fns.h lists them).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "base/log.h"
#include "dl/zip-fns.h"
#include "dl/zip-load.h"
#include "base/banned.h"

#ifndef TZ_ZIP_SONAME
#define TZ_ZIP_SONAME "libzip.so.4"
#endif

/* The library's functions: tz_fn_NAME, declared in zip-fns.h. */
#define POINTER(ret, name, params, args) ret(*tz_fn_##name) params;
#define POINTER_V(name, params, args) void(*tz_fn_##name) params;
ZIP_FUNCTIONS(POINTER, POINTER_V)

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
	void *h = dlopen(TZ_ZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	int ok = h != NULL;

	ZIP_FUNCTIONS(FIND, FIND_V)
	if (!ok) {
		const char *why = dlerror();

		snprintf(load_error, sizeof(load_error), "%s", why ? why : "?");
		tz_log(TZ_LOG_ERROR, "dl=zip event=load_failed lib=%s error=%s",
		       TZ_ZIP_SONAME, load_error);
	}
	/* The library stays loaded for the life of the process. */
	loaded = ok;
}

int tz_dl_zip_load(const char *what, const char *path, struct tz_err *err)
{
	pthread_once(&load_once, load);
	if (loaded)
		return 0;
	if (path)
		return tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "%s需要的库%s无法加载：%s",
				     what, TZ_ZIP_SONAME, load_error);
	return tz_err_set(err, TZ_ENOTFOUND, "%s需要的库%s无法加载：%s", what,
			  TZ_ZIP_SONAME, load_error);
}
