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
#include "dl/dl.h"
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

#define SYM(ret, name, params, args) { #name, (void **)&tz_fn_##name },
#define SYM_V(name, params, args) SYM(void, name, params, args)
static const struct tz_dl_sym syms[] = {
	XML_FUNCTIONS(SYM, SYM_V) { "xmlFree", (void **)&xml_free }, { NULL, NULL }
};
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_XML_SONAME, "xml", syms);

int tz_dl_xml_load(const char *what, const char *path, struct tz_err *err)
{
	return tz_dl_load(&lib, what, path, err);
}

void tz_dl_xml_free(void *p)
{
	(*xml_free)(p);
}
