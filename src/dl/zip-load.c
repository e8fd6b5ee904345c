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
#include "dl/dl.h"
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

#define SYM(ret, name, params, args) { #name, (void **)&tz_fn_##name },
#define SYM_V(name, params, args) SYM(void, name, params, args)
static const struct tz_dl_sym syms[] = { ZIP_FUNCTIONS(SYM, SYM_V) { NULL, NULL } };
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_ZIP_SONAME, "zip", syms);

int tz_dl_zip_load(const char *what, const char *path, struct tz_err *err)
{
	return tz_dl_load(&lib, what, path, err);
}
