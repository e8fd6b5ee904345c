/*
 * pdf-load.c: Pango and Cairo opened when a PDF is first written, not
 * by every command at start-up.
 *
 * Why: pangocairo brings cairo, pango, harfbuzz, fontconfig, freetype,
 * pixman, the X client libraries and a dozen more, whose relocations
 * the dynamic loader resolves before main: about 10 M instructions of
 * every run of `taizhang` (an empty program linked with our libraries:
 * 23.6 M with them, 15.3 M without; bench/README.md, "After the eighth
 * session"), of which only a PDF bulletin needs any. The binary is not
 * linked with them (Makefile); the functions pdf.c calls are defined
 * here under their own names and declarations (pango/pangocairo.h,
 * cairo-pdf.h), each forwarding to the library's, found by
 * tz_pdf_libs_load, which pdf.c calls before any of them (pdf-load.h).
 *
 * The list below is every Pango and Cairo function pdf.c calls (and
 * pango_cairo_font_map_get_type, which PANGO_CAIRO_FONT_MAP() calls): a
 * function added to pdf.c is added here, or the link fails with it
 * undefined. None is variadic.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "dl/dl.h"
#include "dl/glib-load.h"
#include "report/pdf-load.h"
#include "base/banned.h"

#ifndef TZ_PANGOCAIRO_SONAME
#define TZ_PANGOCAIRO_SONAME "libpangocairo-1.0.so.0"
#endif

/* F(return type, name, (parameters), (arguments)); V for void ones. */
#define PDF_FUNCTIONS(F, V) \
	F(cairo_t *, cairo_create, (cairo_surface_t *target), (target)) \
	V(cairo_destroy, (cairo_t *cr), (cr)) \
	V(cairo_fill, (cairo_t *cr), (cr)) \
	F(cairo_font_options_t *, cairo_font_options_create, (void), ()) \
	V(cairo_font_options_destroy, (cairo_font_options_t *options), (options)) \
	V(cairo_font_options_set_hint_metrics, (cairo_font_options_t *options, cairo_hint_metrics_t hint_metrics), (options, hint_metrics)) \
	V(cairo_font_options_set_hint_style, (cairo_font_options_t *options, cairo_hint_style_t hint_style), (options, hint_style)) \
	V(cairo_line_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
	V(cairo_move_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
	F(cairo_surface_t *, cairo_pdf_surface_create_for_stream, (cairo_write_func_t write_func, void *closure, double width_in_points, double height_in_points), (write_func, closure, width_in_points, height_in_points)) \
	V(cairo_pdf_surface_set_metadata, (cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8), (surface, metadata, utf8)) \
	V(cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height)) \
	V(cairo_restore, (cairo_t *cr), (cr)) \
	V(cairo_save, (cairo_t *cr), (cr)) \
	V(cairo_set_dash, (cairo_t *cr, const double *dashes, int num_dashes, double offset), (cr, dashes, num_dashes, offset)) \
	V(cairo_set_line_width, (cairo_t *cr, double width), (cr, width)) \
	V(cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue), (cr, red, green, blue)) \
	V(cairo_show_page, (cairo_t *cr), (cr)) \
	F(cairo_status_t, cairo_status, (cairo_t *cr), (cr)) \
	F(const char *, cairo_status_to_string, (cairo_status_t status), (status)) \
	V(cairo_stroke, (cairo_t *cr), (cr)) \
	V(cairo_surface_destroy, (cairo_surface_t *surface), (surface)) \
	V(cairo_surface_finish, (cairo_surface_t *surface), (surface)) \
	F(cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface)) \
	V(pango_cairo_context_set_font_options, (PangoContext *context, const cairo_font_options_t *options), (context, options)) \
	F(GType, pango_cairo_font_map_get_type, (void), ()) \
	F(PangoFontMap *, pango_cairo_font_map_new, (void), ()) \
	V(pango_cairo_font_map_set_resolution, (PangoCairoFontMap *fontmap, double dpi), (fontmap, dpi)) \
	V(pango_cairo_show_layout, (cairo_t *cr, PangoLayout *layout), (cr, layout)) \
	V(pango_cairo_show_layout_line, (cairo_t *cr, PangoLayoutLine *line), (cr, line)) \
	V(pango_cairo_update_context, (cairo_t *cr, PangoContext *context), (cr, context)) \
	V(pango_context_set_language, (PangoContext *context, PangoLanguage *language), (context, language)) \
	V(pango_font_description_free, (PangoFontDescription *desc), (desc)) \
	F(PangoFontDescription *, pango_font_description_from_string, (const char *str), (str)) \
	F(const char *, pango_font_family_get_name, (PangoFontFamily *family), (family)) \
	F(PangoContext *, pango_font_map_create_context, (PangoFontMap *fontmap), (fontmap)) \
	V(pango_font_map_list_families, (PangoFontMap *fontmap, PangoFontFamily ***families, int *n_families), (fontmap, families, n_families)) \
	F(PangoLanguage *, pango_language_from_string, (const char *language), (language)) \
	V(pango_layout_get_extents, (PangoLayout *layout, PangoRectangle *ink_rect, PangoRectangle *logical_rect), (layout, ink_rect, logical_rect)) \
	F(PangoLayoutIter *, pango_layout_get_iter, (PangoLayout *layout), (layout)) \
	V(pango_layout_get_size, (PangoLayout *layout, int *width, int *height), (layout, width, height)) \
	V(pango_layout_iter_free, (PangoLayoutIter *iter), (iter)) \
	F(int, pango_layout_iter_get_baseline, (PangoLayoutIter *iter), (iter)) \
	V(pango_layout_iter_get_line_extents, (PangoLayoutIter *iter, PangoRectangle *ink_rect, PangoRectangle *logical_rect), (iter, ink_rect, logical_rect)) \
	F(PangoLayoutLine *, pango_layout_iter_get_line_readonly, (PangoLayoutIter *iter), (iter)) \
	F(gboolean, pango_layout_iter_next_line, (PangoLayoutIter *iter), (iter)) \
	F(PangoLayout *, pango_layout_new, (PangoContext *context), (context)) \
	V(pango_layout_set_alignment, (PangoLayout *layout, PangoAlignment alignment), (layout, alignment)) \
	V(pango_layout_set_ellipsize, (PangoLayout *layout, PangoEllipsizeMode ellipsize), (layout, ellipsize)) \
	V(pango_layout_set_font_description, (PangoLayout *layout, const PangoFontDescription *desc), (layout, desc)) \
	V(pango_layout_set_height, (PangoLayout *layout, int height), (layout, height)) \
	V(pango_layout_set_indent, (PangoLayout *layout, int indent), (layout, indent)) \
	V(pango_layout_set_justify, (PangoLayout *layout, gboolean justify), (layout, justify)) \
	V(pango_layout_set_spacing, (PangoLayout *layout, int spacing), (layout, spacing)) \
	V(pango_layout_set_text, (PangoLayout *layout, const char *text, int length), (layout, text, length)) \
	V(pango_layout_set_width, (PangoLayout *layout, int width), (layout, width)) \
	V(pango_layout_set_wrap, (PangoLayout *layout, PangoWrapMode wrap), (layout, wrap))

/* The library's functions: p_NAME. */
#define POINTER(ret, name, params, args) static ret(*p_##name) params;
#define POINTER_V(name, params, args) static void(*p_##name) params;
PDF_FUNCTIONS(POINTER, POINTER_V)

#define SYM(ret, name, params, args) { #name, (void **)&p_##name },
#define SYM_V(name, params, args) SYM(void, name, params, args)
static const struct tz_dl_sym syms[] = { PDF_FUNCTIONS(SYM, SYM_V) { NULL, NULL } };
static struct tz_dl_lib lib = TZ_DL_LIB_INIT(TZ_PANGOCAIRO_SONAME, "pangocairo", syms);

int tz_pdf_libs_load(struct tz_err *err)
{
	int rc = tz_dl_load(&lib, "生成PDF", NULL, err);

	/* g_free, g_object_unref, g_utf8_* for what Pango returns. */
	return rc ? rc : tz_dl_glib_load("生成PDF", NULL, err);
}

/* The definitions pdf.c links to. */
#define FORWARD(ret, name, params, args) \
	ret name params { return p_##name args; }
#define FORWARD_V(name, params, args) \
	void name params { p_##name args; }
PDF_FUNCTIONS(FORWARD, FORWARD_V)
