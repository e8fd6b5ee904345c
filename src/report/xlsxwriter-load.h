/*
 * xlsxwriter-load.h: libxlsxwriter, loaded when first needed.
 *
 * The binary is not linked with libxlsxwriter.so.4 (Makefile, TZ_XLSXWRITER_SONAME):
 * xlsxwriter-fwd.c defines the functions its users call under their own
 * names, each forwarding to the library's.
 */
#ifndef TZ_REPORT_XLSXWRITER_LOAD_H
#define TZ_REPORT_XLSXWRITER_LOAD_H

#include "base/err.h"

/*
 * Opens libxlsxwriter.so.4 and looks up every function xlsxwriter-fns.h lists; once
 * per process, the later calls only report the first one's outcome.
 * `what` names the task in the user's words ("读取XLSX文件"), `path` the
 * file it is for (NULL: none). 0, or TZ_ENOTFOUND with err "<what>需要的
 * 库<soname>无法加载：<the loader's reason>", at `path` line 0 when given
 * (the task is not done). The library's functions may be called only
 * after it returned 0: before, they have nothing to forward to.
 */
int tz_xlsxwriter_load(const char *what, const char *path, struct tz_err *err);

#endif
