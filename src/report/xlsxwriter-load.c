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
#include "dl/dl.h"
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

#define SYM(ret, name, params, args) { #name, (void **)&tz_fn_##name },
#define SYM_V(name, params, args) SYM(void, name, params, args)
static const struct tz_dl_sym syms[] = { XLSXWRITER_FUNCTIONS(SYM, SYM_V) { NULL, NULL } };
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_XLSXWRITER_SONAME, "xlsxwriter", syms);

int tz_xlsxwriter_load(const char *what, const char *path, struct tz_err *err)
{
	return tz_dl_load(&lib, what, path, err);
}
