/*
 * xml-load.c: libxml2 opened when first needed, not by every command at
 * start-up.
 *
 * Why: libxml2 brings ICU (libicuuc, libicudata, libstdc++), liblzma and
 * libz, whose relocations the dynamic loader resolves before main, in
 * every run of `taizhang`. An empty program linked with the libraries
 * the binary still links (sqlite3, utf8proc, jansson, sodium, csv) runs
 * 1.46 M instructions, 4.72 M with libxml2 (callgrind; bench/README.md,
 * "Tenth session: lazy libraries"); only the commands that read an
 * .xlsx, Excel 2003 XML or HTML table or write an Excel bulletin need
 * any.
 *
 * The binary is not linked with libxml2.so.2 (Makefile, TZ_XML_SONAME).
 * Its users are src/intake (xlsx-part.c: the parts of .xlsx and Excel
 * 2003 XML files; xml2003.c; html-table.c: HTML tables) and src/report
 * (xlsx-combine.c); each calls tz_dl_xml_load() before any of its
 * functions, which xml-fwd.c defines under their own names, forwarding
 * to the pointers looked up here (xml-fns.h lists them).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#include "base/log.h"
#include "dl/xml-fns.h"
#include "dl/xml-load.h"
#include "base/banned.h"

#ifndef TZ_XML_SONAME
#define TZ_XML_SONAME "libxml2.so.2"
#endif

/* The library's functions: tz_fn_NAME, declared in xml-fns.h. */
#define POINTER(ret, name, params, args) ret(*tz_fn_##name) params;
#define POINTER_V(name, params, args) void(*tz_fn_##name) params;
XML_FUNCTIONS(POINTER, POINTER_V)

/*
 * xmlFree is not a function but a variable of the library's holding one
 * (libxml/globals.h): dlsym gives its address, read at each call.
 */
static xmlFreeFunc *xml_free;

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
	void *h = dlopen(TZ_XML_SONAME, RTLD_NOW | RTLD_LOCAL);
	int ok = h != NULL;

	XML_FUNCTIONS(FIND, FIND_V)
	if (ok && !(xml_free = (xmlFreeFunc *)dlsym(h, "xmlFree")))
		ok = 0;
	if (!ok) {
		const char *why = dlerror();

		snprintf(load_error, sizeof(load_error), "%s", why ? why : "?");
		tz_log(TZ_LOG_ERROR, "dl=xml event=load_failed lib=%s error=%s",
		       TZ_XML_SONAME, load_error);
	}
	/* The library stays loaded for the life of the process. */
	loaded = ok;
}

int tz_dl_xml_load(const char *what, const char *path, struct tz_err *err)
{
	pthread_once(&load_once, load);
	if (loaded)
		return 0;
	if (path)
		return tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "%s需要的库%s无法加载：%s",
				     what, TZ_XML_SONAME, load_error);
	return tz_err_set(err, TZ_ENOTFOUND, "%s需要的库%s无法加载：%s", what,
			  TZ_XML_SONAME, load_error);
}

void tz_dl_xml_free(void *p)
{
	(*xml_free)(p);
}
