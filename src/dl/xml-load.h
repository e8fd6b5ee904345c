/*
 * xml-load.h: libxml2, loaded when first needed.
 *
 * The binary is not linked with libxml2.so.2 (Makefile, TZ_XML_SONAME):
 * xml-fwd.c defines the functions its users call under their own
 * names, each forwarding to the library's.
 */
#ifndef TZ_DL_XML_LOAD_H
#define TZ_DL_XML_LOAD_H

#include "base/err.h"

/*
 * Opens libxml2.so.2 and looks up every function xml-fns.h lists; once
 * per process, the later calls only report the first one's outcome.
 * `what` names the task in the user's words ("读取XLSX文件"), `path` the
 * file it is for (NULL: none). 0, or TZ_ENOTFOUND with err "<what>需要的
 * 库<soname>无法加载：<the loader's reason>", at `path` line 0 when given
 * (the task is not done). The library's functions may be called only
 * after it returned 0: before, they have nothing to forward to.
 */
int tz_dl_xml_load(const char *what, const char *path, struct tz_err *err);

/*
 * Frees `p`, memory libxml2 allocated (xmlGetProp, xmlDocDumpMemoryEnc),
 * as xmlFree(p) would: xmlFree is a variable of the library's, which a
 * program not linked with it cannot name. Only after tz_dl_xml_load()
 * returned 0. NULL is accepted.
 */
void tz_dl_xml_free(void *p);

#endif
