/*
 * dl.h: a shared library opened when first needed (dlopen), so that
 * the commands that never use it do not pay for its relocations at
 * start-up (bench/README.md, "After the eighth session", "Tenth session:
 * lazy libraries").
 *
 * Each loader (the NAME-load.c files of src/dl, src/intake/xls-load.c,
 * src/report/pdf-load.c, src/report/xlsxwriter-load.c) lists the
 * symbols it needs with the places their addresses go, and one static
 * struct tz_dl_lib; its users call its load function, which calls
 * tz_dl_load, before any of the library's functions.
 */
#ifndef TZ_DL_DL_H
#define TZ_DL_DL_H

#include <pthread.h>

#include "base/err.h"

/* One symbol to look up and where its address goes: a function pointer
 * (or a data pointer, such as libxml2's variable xmlFree) cast to
 * void ** — dlsym into a function pointer is what POSIX guarantees. */
struct tz_dl_sym {
	const char *name;
	void **slot;
};

/* A library: its soname, the tag of its log lines (dl=TAG), its symbols
 * ({ NULL, NULL } last), and what the first load found. */
struct tz_dl_lib {
	const char *soname;
	const char *tag;
	const struct tz_dl_sym *syms;
	pthread_mutex_t lock;
	int state;             /* 0 not tried, 1 loaded, -1 failed */
	char error[256];       /* the loader's reason, when it failed */
};

#define TZ_DL_LIB_INIT(soname, tag, syms) \
	{ (soname), (tag), (syms), PTHREAD_MUTEX_INITIALIZER, 0, "" }

/*
 * Open lib->soname and look up every symbol of lib->syms, once per
 * process (any thread; later calls report the first one's outcome). The
 * library stays loaded for the life of the process. `what` names the
 * task in the user's words ("读取XLSX文件"), `path` the file it is for
 * (NULL: none). 0, or TZ_ENOTFOUND with err "<what>需要的库<soname>无法
 * 加载：<the loader's reason>", at `path` line 0 when given; the failure
 * is also logged once (dl=TAG event=load_failed). The library's symbols
 * may be used only after it returned 0.
 */
int tz_dl_load(struct tz_dl_lib *lib, const char *what, const char *path, struct tz_err *err);

#endif
