/*
 * xls-load.c: libgsf opened when an .xls file is first read, not by
 * every command at start-up.
 *
 * Why: libgsf brings GIO, GModule, libmount, libblkid, SELinux, PCRE2
 * and libffi, whose relocations the dynamic loader resolves before
 * main: about 3 M instructions of every run of `taizhang` (an empty
 * program linked with our other libraries: 15.3 M with libgsf, 12.0 M
 * with GLib and GObject alone; bench/README.md, "After the eighth
 * session"), of which only an .xls import needs any. The binary links
 * neither libgsf nor (since the tenth session) GLib and GObject
 * (Makefile); the libgsf functions the .xls reader calls are defined
 * here under their own names and declarations (gsf/gsf-infile.h,
 * gsf-infile-msole.h, gsf-input-stdio.h), each forwarding to the
 * library's, found by tz_xls_libs_load, which xls_open calls before any
 * of them (xls-load.h). The GLib functions it calls (g_object_unref,
 * g_free, g_error_free) are src/dl/glib-load.c's, which
 * tz_xls_libs_load loads too.
 *
 * The list below is every libgsf function xls.c and xls-biff.c call: a
 * function added there is added here, or the link fails with it
 * undefined. None is variadic.
 */
#include <pthread.h>

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>

#include "dl/dl.h"
#include "dl/glib-load.h"
#include "intake/xls-load.h"
#include "base/log.h"
#include "base/banned.h"

#ifndef TZ_GSF_SONAME
#define TZ_GSF_SONAME "libgsf-1.so.114"
#endif

/* F(return type, name, (parameters), (arguments)). */
#define GSF_FUNCTIONS(F) \
	F(GsfInput *, gsf_infile_child_by_index, (GsfInfile *infile, int i), (infile, i)) \
	F(GsfInfile *, gsf_infile_msole_new, (GsfInput *source, GError **err), (source, err)) \
	F(char const *, gsf_infile_name_by_index, (GsfInfile *infile, int i), (infile, i)) \
	F(int, gsf_infile_num_children, (GsfInfile *infile), (infile)) \
	F(guint8 const *, gsf_input_read, \
	  (GsfInput *input, size_t num_bytes, guint8 *optional_buffer), \
	  (input, num_bytes, optional_buffer)) \
	F(gsf_off_t, gsf_input_remaining, (GsfInput *input), (input)) \
	F(gboolean, gsf_input_seek, (GsfInput *input, gsf_off_t offset, GSeekType whence), \
	  (input, offset, whence)) \
	F(gsf_off_t, gsf_input_size, (GsfInput *input), (input)) \
	F(GsfInput *, gsf_input_stdio_new, (char const *filename, GError **err), (filename, err))

/* The library's functions: p_NAME. */
#define POINTER(ret, name, params, args) static ret(*p_##name) params;
GSF_FUNCTIONS(POINTER)

#define SYM(ret, name, params, args) { #name, (void **)&p_##name },
static const struct tz_dl_sym syms[] = { GSF_FUNCTIONS(SYM) { NULL, NULL } };
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_GSF_SONAME, "gsf", syms);

/* libgsf's warnings about a damaged file ("Root directory is not marked
 * as such.") went to the terminal in English before the import's own
 * message (walkthrough 13's fuzzing): they go to the debug log. */
static void gsf_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
		    gpointer data)
{
	(void)level;
	(void)data;
	tz_log(TZ_LOG_DEBUG, "lib=%s message=\"%s\"", domain ? domain : "", message ? message : "");
}

static void quiet_gsf(void)
{
	static const char *const domains[] = { "libgsf", "libgsf:msole", "libgsf:utils" };

	for (size_t i = 0; i < sizeof(domains) / sizeof(domains[0]); i++)
		g_log_set_handler(domains[i], G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL |
				  G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
				  gsf_log, NULL);
}

int tz_xls_libs_load(const char *path, struct tz_err *err)
{
	static pthread_once_t quiet = PTHREAD_ONCE_INIT;
	int rc = tz_dl_load(&lib, "读取 Excel 97-2003 文件（.xls）", path, err);

	/* g_object_unref, g_free, g_error_free for what libgsf returns. */
	if (!rc)
		rc = tz_dl_glib_load("读取 Excel 97-2003 文件（.xls）", path, err);
	if (!rc)
		pthread_once(&quiet, quiet_gsf);
	return rc;
}

/* The definitions xls.c and xls-biff.c link to. */
#define FORWARD(ret, name, params, args) \
	ret name params { return p_##name args; }
GSF_FUNCTIONS(FORWARD)
