/*
 * glib-fns.h: the GLib and GObject functions this program calls, one list for
 * glib-load.c (which looks them up) and glib-fwd.c (which defines them
 * under their own names). Not for other files: they call the functions
 * by their names, after tz_dl_glib_load() (see glib-load.h).
 *
 * A function added to the callers is added here, or the link of
 * `taizhang` fails with it undefined. None is variadic.
 */
#ifndef TZ_DL_GLIB_FNS_H
#define TZ_DL_GLIB_FNS_H

#include <glib-object.h>

/* F(return type, name, (parameters), (arguments)); V for void ones. */
#define GLIB_FUNCTIONS(F, V) \
	V(g_error_free, (GError *error), (error)) \
	V(g_free, (gpointer mem), (mem)) \
	F(guint, g_log_set_handler, (const gchar *log_domain, GLogLevelFlags log_levels, \
	  GLogFunc log_func, gpointer user_data), (log_domain, log_levels, log_func, user_data)) \
	V(g_object_unref, (gpointer object), (object)) \
	F(GTypeInstance *, g_type_check_instance_cast, (GTypeInstance *instance, GType iface_type), (instance, iface_type)) \
	F(gchar *, g_utf8_make_valid, (const gchar *str, gssize len), (str, len)) \
	F(gboolean, g_utf8_validate, (const gchar *str, gssize max_len, const gchar **end), (str, max_len, end))

/* The library's functions, found by glib-load.c: tz_fn_NAME. */
#define GLIB_POINTER(ret, name, params, args) extern ret(*tz_fn_##name) params;
#define GLIB_POINTER_V(name, params, args) extern void(*tz_fn_##name) params;
GLIB_FUNCTIONS(GLIB_POINTER, GLIB_POINTER_V)

#endif
