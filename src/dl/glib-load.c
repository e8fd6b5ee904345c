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
#include "dl/dl.h"
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

#define SYM(ret, name, params, args) { #name, (void **)&tz_fn_##name },
#define SYM_V(name, params, args) SYM(void, name, params, args)
static const struct tz_dl_sym syms[] = { GLIB_FUNCTIONS(SYM, SYM_V) { NULL, NULL } };
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_GOBJECT_SONAME, "glib", syms);

int tz_dl_glib_load(const char *what, const char *path, struct tz_err *err)
{
	return tz_dl_load(&lib, what, path, err);
}
