/*
 * zip-fns.h: the libzip functions this program calls, one list for
 * zip-load.c (which looks them up) and zip-fwd.c (which defines them
 * under their own names). Not for other files: they call the functions
 * by their names, after tz_dl_zip_load() (see zip-load.h).
 *
 * A function added to the callers is added here, or the link of
 * `taizhang` fails with it undefined. None is variadic.
 */
#ifndef TZ_DL_ZIP_FNS_H
#define TZ_DL_ZIP_FNS_H

#include <zip.h>

/* F(return type, name, (parameters), (arguments)); V for void ones. */
#define ZIP_FUNCTIONS(F, V) \
	F(int, zip_close, (zip_t *za), (za)) \
	V(zip_discard, (zip_t *za), (za)) \
	F(zip_error_t *, zip_file_get_error, (zip_file_t *zf), (zf)) \
	F(int, zip_error_code_zip, (const zip_error_t *ze), (ze)) \
	F(int, zip_fclose, (zip_file_t *zf), (zf)) \
	F(int, zip_file_replace, (zip_t *za, zip_uint64_t index, zip_source_t *source, zip_flags_t flags), (za, index, source, flags)) \
	F(zip_file_t *, zip_fopen, (zip_t *za, const char *fname, zip_flags_t flags), (za, fname, flags)) \
	F(zip_int64_t, zip_fread, (zip_file_t *zf, void *outbuf, zip_uint64_t toread), (zf, outbuf, toread)) \
	F(zip_error_t *, zip_get_error, (zip_t *za), (za)) \
	F(const char *, zip_get_name, (zip_t *za, zip_uint64_t index, zip_flags_t flags), (za, index, flags)) \
	F(zip_int64_t, zip_get_num_entries, (zip_t *za, zip_flags_t flags), (za, flags)) \
	F(zip_int64_t, zip_name_locate, (zip_t *za, const char *fname, zip_flags_t flags), (za, fname, flags)) \
	F(zip_t *, zip_open, (const char *path, int flags, int *errorp), (path, flags, errorp)) \
	F(zip_source_t *, zip_source_buffer, (zip_t *za, const void *data, zip_uint64_t len, int freep), (za, data, len, freep)) \
	V(zip_source_free, (zip_source_t *source), (source)) \
	F(int, zip_stat, (zip_t *za, const char *fname, zip_flags_t flags, zip_stat_t *st), (za, fname, flags, st))

/* The library's functions, found by zip-load.c: tz_fn_NAME. */
#define ZIP_POINTER(ret, name, params, args) extern ret(*tz_fn_##name) params;
#define ZIP_POINTER_V(name, params, args) extern void(*tz_fn_##name) params;
ZIP_FUNCTIONS(ZIP_POINTER, ZIP_POINTER_V)

#endif
