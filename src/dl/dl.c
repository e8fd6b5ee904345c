/*
 * dl.c: a shared library opened when first needed (dl.h).
 */
#include <dlfcn.h>
#include <stdio.h>

#include "base/log.h"
#include "dl/dl.h"
#include "base/banned.h"

/* dlopen and dlsym every symbol; the reason in lib->error if not. */
static int open_lib(struct tz_dl_lib *lib)
{
	void *h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	const char *why;

	for (const struct tz_dl_sym *s = lib->syms; h && s->name; s++)
		if (!(*s->slot = dlsym(h, s->name)))
			goto fail;
	if (h)
		return 1;
fail:
	why = dlerror();
	snprintf(lib->error, sizeof(lib->error), "%s", why ? why : "?");
	tz_log(TZ_LOG_ERROR, "dl=%s event=load_failed lib=%s error=%s", lib->tag, lib->soname,
	       lib->error);
	return 0;
}

int tz_dl_load(struct tz_dl_lib *lib, const char *what, const char *path, struct tz_err *err)
{
	int state;

	pthread_mutex_lock(&lib->lock);
	if (!lib->state)
		lib->state = open_lib(lib) ? 1 : -1;
	state = lib->state;
	pthread_mutex_unlock(&lib->lock);
	if (state > 0)
		return 0;
	if (path)
		return tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "%s需要的库%s无法加载：%s",
				     what, lib->soname, lib->error);
	return tz_err_set(err, TZ_ENOTFOUND, "%s需要的库%s无法加载：%s", what, lib->soname,
			  lib->error);
}
