/*
 * xlsx-combine.c: turn one series of a libxlsxwriter column chart into a
 * line on the same axes (a combined chart), by rewriting the chart part
 * of the finished package with libxml2 and libzip; and write the
 * package's numbers in their shortest exact form. See xlsx-internal.h
 * for why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "dl/xml-load.h"
#include "report/xlsx-internal.h"
#include "base/banned.h"

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first element named `name` in the subtree at n (depth first). */
static xmlNodePtr find(xmlNodePtr n, const char *name)
{
	for (; n; n = n->next) {
		xmlNodePtr hit;

		if (is_el(n, name))
			return n;
		if ((hit = find(n->children, name)))
			return hit;
	}
	return NULL;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr n = parent->children; n; n = n->next)
		if (is_el(n, name))
			return n;
	return NULL;
}

/* <c:name val="v"/> appended to parent. */
static xmlNodePtr add_val(xmlNodePtr parent, const char *name, const char *v)
{
	xmlNodePtr n = xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);

	xmlNewProp(n, (const xmlChar *)"val", (const xmlChar *)v);
	return n;
}

/* The <c:ser> of `bar` whose <c:idx val> is idx. */
static xmlNodePtr series_at(xmlNodePtr bar, int idx)
{
	char want[16];

	snprintf(want, sizeof(want), "%d", idx);
	for (xmlNodePtr n = bar->children; n; n = n->next) {
		xmlNodePtr i = is_el(n, "ser") ? child(n, "idx") : NULL;
		xmlChar *v = i ? xmlGetProp(i, (const xmlChar *)"val") : NULL;
		int match = v && !strcmp((const char *)v, want);

		tz_dl_xml_free(v);
		if (match)
			return n;
	}
	return NULL;
}

/*
 * A bar series becomes a line series: drop what only bars have, and say
 * how to draw points (CT_LineSer puts <c:marker> before <c:cat>).
 */
static void to_line_series(xmlNodePtr ser, int with_markers)
{
	xmlNodePtr n = child(ser, "invertIfNegative"), marker, at;

	if (n) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	marker = xmlNewNode(ser->ns, (const xmlChar *)"marker");
	add_val(marker, "symbol", with_markers ? "dash" : "none");
	if (with_markers)
		add_val(marker, "size", "20");
	at = child(ser, "cat");
	if (!at)
		at = child(ser, "val");
	if (at)
		xmlAddPrevSibling(at, marker);
	else
		xmlAddChild(ser, marker);
}

/* Move series idx of the bar chart into a line chart beside it. */
static int combine(xmlDocPtr doc, int idx, int with_markers)
{
	xmlNodePtr bar = find(xmlDocGetRootElement(doc), "barChart"), ser, line;

	if (!bar || !(ser = series_at(bar, idx)))
		return -1;
	xmlUnlinkNode(ser);
	to_line_series(ser, with_markers);
	line = xmlNewNode(bar->ns, (const xmlChar *)"lineChart");
	add_val(line, "grouping", "standard");
	add_val(line, "varyColors", "0");
	xmlAddChild(line, ser);
	add_val(line, "marker", "1");
	for (xmlNodePtr n = bar->children; n; n = n->next)
		if (is_el(n, "axId"))
			xmlAddChild(line, xmlCopyNode(n, 1));
	xmlAddNextSibling(bar, line);
	return 0;
}

/* The bytes of part `name` (caller frees), or NULL. */
static char *read_part(zip_t *z, const char *name, size_t *len)
{
	struct zip_stat st;
	zip_file_t *f;
	char *data;

	if (zip_stat(z, name, 0, &st) || !(st.valid & ZIP_STAT_SIZE) || st.size > (1u << 26))
		return NULL;
	if (!(f = zip_fopen(z, name, 0)))
		return NULL;
	data = tz_xmalloc((size_t)st.size + 1);
	if (zip_fread(f, data, st.size) != (zip_int64_t)st.size) {
		free(data);
		data = NULL;
	}
	zip_fclose(f);
	*len = (size_t)st.size;
	return data;
}

/* Replace part `name` with the document; libzip owns the copy. */
static int replace_part(zip_t *z, const char *name, xmlDocPtr doc)
{
	xmlChar *out = NULL;
	int n = 0;
	zip_int64_t idx = zip_name_locate(z, name, 0);
	zip_source_t *src;
	void *copy;

	xmlDocDumpMemoryEnc(doc, &out, &n, "UTF-8");
	if (!out || idx < 0)
		goto fail;
	copy = tz_xmemdupz(out, (size_t)n);
	src = zip_source_buffer(z, copy, (zip_uint64_t)n, 1);
	if (!src) {
		free(copy);
		goto fail;
	}
	if (zip_file_replace(z, (zip_uint64_t)idx, src, 0) < 0) {
		zip_source_free(src);
		goto fail;
	}
	tz_dl_xml_free(out);
	return 0;
fail:
	tz_dl_xml_free(out);
	return -1;
}

int tz_xlsx_chart_to_line(const char *xlsx_path, const char *chart_part, int series_idx,
			  int with_markers, struct tz_err *err)
{
	zip_t *z = zip_open(xlsx_path, 0, NULL);
	xmlDocPtr doc = NULL;
	char *data = NULL;
	size_t len = 0;

	if (!z)
		return tz_err_set(err, TZ_EIO, "生成XLSX图表失败：无法重新打开临时文件");
	data = read_part(z, chart_part, &len);
	if (data)
		doc = xmlReadMemory(data, (int)len, chart_part, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc || combine(doc, series_idx, with_markers) || replace_part(z, chart_part, doc))
		goto fail;
	xmlFreeDoc(doc);
	free(data);
	if (zip_close(z) < 0) {
		zip_discard(z);
		return tz_err_set(err, TZ_EIO, "生成XLSX图表失败：无法写回临时文件");
	}
	return 0;
fail:
	xmlFreeDoc(doc);
	free(data);
	zip_discard(z);
	return tz_err_set(err, TZ_EINTERNAL, "生成XLSX图表失败：图表部件%s不是预期的格式",
			  chart_part);
}

/* ------------------------------------------------------------------ */
/* Numbers written in their shortest form                              */

/*
 * `s` (n bytes) if it is a number whose double has a shorter exact
 * spelling than libxlsxwriter's "%.16G" (0.8604000000000001 for the
 * double nearest 0.8604): that spelling in buf, which reads back as the
 * very same double; else NULL.
 */
static const char *shorter(const char *s, size_t n, char buf[40])
{
	char in[40], *end;
	double d;

	if (!n || n >= sizeof(in))
		return NULL;
	memcpy(in, s, n);
	in[n] = '\0';
	if (strspn(in, "0123456789.-+eE") != n)
		return NULL;
	d = strtod(in, &end);
	if (*end)
		return NULL;
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, 40, "%.*G", prec, d);
		if (strtod(buf, NULL) == d)
			return strlen(buf) < n ? buf : NULL;
	}
	return NULL;
}

/*
 * Copy `in` to `out`, rewriting the value of every number `open`…"</v>"
 * (or "</c:v>") element that the predicate `ok` accepts at that offset.
 */
static int rewrite_values(const char *in, size_t len, const char *open, const char *close,
			  int (*ok)(const char *in, const char *at), struct tz_buf *out)
{
	const char *p = in, *e = in + len, *v;
	size_t ol = strlen(open), cl = strlen(close);
	char buf[40];

	while ((v = strstr(p, open)) && v < e) {
		const char *val = v + ol, *c = strstr(val, close), *s;

		if (!c)
			break;
		if (tz_buf_add(out, p, (size_t)(val - p)))
			return -1;
		s = ok(in, v) ? shorter(val, (size_t)(c - val), buf) : NULL;
		if (s ? tz_buf_adds(out, s) : tz_buf_add(out, val, (size_t)(c - val)))
			return -1;
		if (tz_buf_add(out, c, cl))
			return -1;
		p = c + cl;
	}
	return tz_buf_add(out, p, (size_t)(e - p));
}

/* A worksheet's <v> of a number cell: its <c …> tag has no t="…". */
static int sheet_number(const char *in, const char *at)
{
	const char *c = at;

	while (c > in && strncmp(c, "<c ", 3))
		c--;
	if (strncmp(c, "<c ", 3))
		return 0;
	for (const char *q = c; q < at && *q != '>'; q++)
		if (!strncmp(q, " t=", 3))
			return 0;
	return 1;
}

/* A chart's <c:v> inside a <c:numCache> (not a <c:strCache>). */
static int chart_number(const char *in, const char *at)
{
	const char *c = at;

	while (c > in && strncmp(c, "<c:numCache>", 12) && strncmp(c, "<c:strCache>", 12) &&
	       strncmp(c, "</c:numCache>", 13))
		c--;
	return !strncmp(c, "<c:numCache>", 12);
}

int tz_xlsx_shortest_numbers(const char *xlsx_path, struct tz_err *err)
{
	zip_t *z = zip_open(xlsx_path, 0, NULL);
	zip_int64_t n;

	if (!z)
		return tz_err_set(err, TZ_EIO, "生成XLSX失败：无法重新打开临时文件");
	n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		int sheet = name && !strncmp(name, "xl/worksheets/sheet", 19);
		int chart = name && !strncmp(name, "xl/charts/chart", 15);
		struct tz_buf out;
		zip_source_t *src;
		size_t len = 0;
		char *data;
		int rc;

		if (!sheet && !chart)
			continue;
		if (!(data = read_part(z, name, &len)))
			goto fail;
		data[len] = '\0';
		tz_buf_init(&out, len + 1);   /* never longer than what it rewrites */
		rc = sheet ? rewrite_values(data, len, "<v>", "</v>", sheet_number, &out)
			   : rewrite_values(data, len, "<c:v>", "</c:v>", chart_number, &out);
		free(data);
		if (rc) {
			tz_buf_release(&out);
			goto fail;
		}
		data = tz_buf_detach(&out, &len);
		if (!(src = zip_source_buffer(z, data, len, 1))) {   /* libzip frees data */
			free(data);
			goto fail;
		}
		if (zip_file_replace(z, (zip_uint64_t)i, src, 0) < 0) {
			zip_source_free(src);
			goto fail;
		}
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		return tz_err_set(err, TZ_EIO, "生成XLSX失败：无法写回临时文件");
	}
	return 0;
fail:
	zip_discard(z);
	return tz_err_set(err, TZ_EINTERNAL, "生成XLSX失败：无法改写工作表中的数字");
}
