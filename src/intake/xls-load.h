/*
 * xls-load.h: libgsf, loaded when an .xls file is first read.
 *
 * The binary is not linked with libgsf (Makefile, TZ_GSF_SONAME):
 * xls-load.c defines the libgsf functions the .xls reader calls under
 * their own names, each forwarding to the library's.
 */
#ifndef TZ_INTAKE_XLS_LOAD_H
#define TZ_INTAKE_XLS_LOAD_H

#include "base/err.h"

/*
 * Opens libgsf and looks up every function xls-load.c forwards to, then
 * GLib and GObject (dl/glib-load.h); once per process, the later calls
 * only report the first one's outcome. 0, or TZ_ENOTFOUND with err
 * naming `path`, the library and the loader's reason (the file is not
 * read). The functions of xls-load.c may be called only after it
 * returned 0: before, they have nothing to forward to.
 */
int tz_xls_libs_load(const char *path, struct tz_err *err);

#endif
