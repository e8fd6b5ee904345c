/*
 * glib-fwd.c: the GLib and GObject functions under their own names, each
 * forwarding to the library's, found by tz_dl_glib_load() (glib-load.c).
 *
 * Apart from glib-load.c so that a program linked with GLib and GObject
 * itself (the unit tests and fuzz targets: Makefile, TEST_LIBS) takes
 * the library's definitions and never links these: an executable that
 * defined them would also stand in for them inside the library.
 */
#include "dl/glib-fns.h"
#include "base/banned.h"

#define FORWARD(ret, name, params, args) \
	ret name params { return tz_fn_##name args; }
#define FORWARD_V(name, params, args) \
	void name params { tz_fn_##name args; }
GLIB_FUNCTIONS(FORWARD, FORWARD_V)
