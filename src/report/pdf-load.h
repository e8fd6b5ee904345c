/*
 * pdf-load.h: Pango and Cairo, loaded when a PDF is first written.
 *
 * The binary is not linked with pangocairo (Makefile, TZ_PANGOCAIRO_SONAME):
 * pdf-load.c defines the Pango and Cairo functions pdf.c calls under
 * their own names, each forwarding to the library's.
 */
#ifndef TZ_REPORT_PDF_LOAD_H
#define TZ_REPORT_PDF_LOAD_H

#include "base/err.h"

/*
 * Opens libpangocairo (with libpango and libcairo, its dependencies) and
 * looks up every function pdf-load.c forwards to, then GLib and GObject
 * for pdf.c's g_* calls (dl/glib-load.h); once per process, the
 * later calls only report the first one's outcome. 0, or TZ_ENOTFOUND
 * with err naming the library and the loader's reason (the PDF is not
 * written). The functions of pdf-load.c may be called only after it
 * returned 0: before, they have nothing to forward to.
 */
int tz_pdf_libs_load(struct tz_err *err);

#endif
