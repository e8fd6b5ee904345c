/*
 * xlsxwriter-load.c: libxlsxwriter opened when first needed, not by
 * every command at start-up.
 *
 * Why: libxlsxwriter brings libminizip and libz, whose relocations the
 * dynamic loader resolves before main, in every run of `taizhang`. An
 * empty program linked with the libraries the binary still links
 * (sqlite3, utf8proc, jansson, sodium, csv) runs 1.46 M instructions,
 * 6.35 M with libxlsxwriter (callgrind; bench/README.md, "Tenth session:
 * lazy libraries"); only the commands that write an .xlsx file need any.
 *
 * The binary is not linked with libxlsxwriter.so.4 (Makefile,
 * TZ_XLSXWRITER_SONAME). Its users are src/report (xlsx.c,
 * xlsx-bulletin.c: writing .xlsx); each calls tz_xlsxwriter_load()
 * before any of its functions, which xlsxwriter-fwd.c defines under
 * their own names, forwarding to the pointers looked up here
 * (xlsxwriter-fns.h lists them).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "base/log.h"
#include "report/xlsxwriter-fns.h"
#include "report/xlsxwriter-load.h"
#include "base/banned.h"

#ifndef TZ_XLSXWRITER_SONAME
#define TZ_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

/* The library's functions: tz_fn_NAME, declared in xlsxwriter-fns.h. */
#define POINTER(ret, name, params, args) ret(*tz_fn_##name) params;
#define POINTER_V(name, params, args) void(*tz_fn_##name) params;
XLSXWRITER_FUNCTIONS(POINTER, POINTER_V)

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
	void *h = dlopen(TZ_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
	int ok = h != NULL;

	XLSXWRITER_FUNCTIONS(FIND, FIND_V)
	if (!ok) {
		const char *why = dlerror();

		snprintf(load_error, sizeof(load_error), "%s", why ? why : "?");
		tz_log(TZ_LOG_ERROR, "report=xlsx event=load_failed lib=%s error=%s",
		       TZ_XLSXWRITER_SONAME, load_error);
	}
	/* The library stays loaded for the life of the process. */
	loaded = ok;
}

int tz_xlsxwriter_load(const char *what, const char *path, struct tz_err *err)
{
	pthread_once(&load_once, load);
	if (loaded)
		return 0;
	if (path)
		return tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "%s需要的库%s无法加载：%s",
				     what, TZ_XLSXWRITER_SONAME, load_error);
	return tz_err_set(err, TZ_ENOTFOUND, "%s需要的库%s无法加载：%s", what,
			  TZ_XLSXWRITER_SONAME, load_error);
}
