/*
 * zip-fwd.c: the libzip functions under their own names, each
 * forwarding to the library's, found by tz_dl_zip_load() (zip-load.c).
 *
 * Apart from zip-load.c so that a program linked with libzip
 * itself (the unit tests and fuzz targets: Makefile, TEST_LIBS) takes
 * the library's definitions and never links these: an executable that
 * defined them would also stand in for them inside the library.
 */
#include "dl/zip-fns.h"
#include "base/banned.h"

#define FORWARD(ret, name, params, args) \
	ret name params { return tz_fn_##name args; }
#define FORWARD_V(name, params, args) \
	void name params { tz_fn_##name args; }
ZIP_FUNCTIONS(FORWARD, FORWARD_V)
