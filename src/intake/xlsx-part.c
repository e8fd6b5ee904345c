/*
 * xlsx-part.c: one XML part of an XLSX package as a libxml2 stream read
 * directly from the compressed ZIP entry, so memory stays bounded by the
 * largest node, whatever the size of the sheet. (The XML 2003 reader
 * streams a plain file through the same functions.)
 */
#include <stdio.h>
#include <string.h>

#include "base/limits.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

static int part_read(void *ctx, char *buf, int len)
{
	zip_int64_t n = zip_fread(ctx, buf, (zip_uint64_t)len);

	return n < 0 ? -1 : (int)n;
}

static int part_close(void *ctx)
{
	return zip_fclose(ctx) ? -1 : 0;
}

/* Keep libxml2's first error for our message instead of its stderr. */
static void on_xml_error(void *arg, const char *msg, xmlParserSeverities severity,
			 xmlTextReaderLocatorPtr loc)
{
	struct xlsx_xml *x = arg;
	size_t n;

	(void)loc;
	if (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR)
		return;
	if (x->why[0] || !msg)
		return;
	snprintf(x->why, sizeof(x->why), "%s", msg);
	n = strlen(x->why);
	while (n && (x->why[n - 1] == '\n' || x->why[n - 1] == ' '))
		x->why[--n] = '\0';
}

int xlsx_xml_open_file(struct xlsx_xml *x, const char *path, const char *kind,
		       struct tz_err *err)
{
	memset(x, 0, sizeof(*x));
	x->path = path;
	x->part = "";
	x->kind = kind;
	x->xr = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
	if (!x->xr)
		return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法打开文件");
	xmlTextReaderSetErrorHandler(x->xr, on_xml_error, x);
	return 0;
}

int xlsx_xml_open(struct xlsx_xml *x, zip_t *zip, const char *path, const char *part,
		  struct tz_err *err)
{
	zip_file_t *zf;

	memset(x, 0, sizeof(*x));
	x->path = path;
	x->part = part;
	x->kind = "XLSX文件";
	if (zip_name_locate(zip, part, ZIP_FL_NOCASE) < 0)
		return TZ_ENOTFOUND;
	zf = zip_fopen(zip, part, ZIP_FL_NOCASE);
	if (!zf)
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不是有效的XLSX文件：无法读取其中的%s（文件可能已损坏或不完整）", part);
	/* No entity substitution, no DTD loading, no network: a hostile
	 * part cannot make the parser fetch or expand anything (and a part
	 * with a DOCTYPE is refused by xlsx_xml_next). The reader owns zf
	 * from here on and closes it through part_close. */
	x->xr = xmlReaderForIO(part_read, part_close, zf, part, NULL,
			       XML_PARSE_NONET);
	if (!x->xr)
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不是有效的XLSX文件：无法解析%s", part);
	xmlTextReaderSetErrorHandler(x->xr, on_xml_error, x);
	return 0;
}

/* 1 if the part declared a DOCTYPE (libxml2 may fail inside it, on an
 * entity loop, before the DOCTYPE node is ever returned). */
static int has_doctype(struct xlsx_xml *x)
{
	/* Asking for the document makes it ours to free (at close). */
	if (!x->doc)
		x->doc = xmlTextReaderCurrentDoc(x->xr);
	return x->doc && (x->doc->intSubset || x->doc->extSubset);
}

int xlsx_xml_next(struct xlsx_xml *x, long line, struct tz_err *err)
{
	int rc = xmlTextReaderRead(x->xr);

	if ((rc == 1 && xmlTextReaderNodeType(x->xr) == XML_READER_TYPE_DOCUMENT_TYPE) ||
	    (rc < 0 && has_doctype(x)))
		return tz_err_set_at(err, TZ_EINVAL, x->path, 0, NULL,
				     "不是有效的%s：%s含有DOCTYPE声明（Excel 从不写它，"
				     "这样的文件可能是恶意构造的），已拒绝", x->kind, x->part);
	if (rc >= 0)
		return rc;
	if (line > 0)
		return tz_err_set_at(err, TZ_EINVAL, x->path, line, NULL,
				     "不是有效的%s：%s第%ld行附近损坏（%s）", x->kind, x->part, line,
				     x->why[0] ? x->why : "数据无法解压或XML格式错误");
	return tz_err_set_at(err, TZ_EINVAL, x->path, 0, NULL, "不是有效的%s：%s损坏（%s）",
			     x->kind, x->part, x->why[0] ? x->why : "数据无法解压或XML格式错误");
}

void xlsx_xml_close(struct xlsx_xml *x)
{
	if (x->xr)
		xmlFreeTextReader(x->xr);
	if (x->doc)
		xmlFreeDoc(x->doc);
	x->xr = NULL;
	x->doc = NULL;
}

static int name_is(const struct xlsx_xml *x, const char *name)
{
	const xmlChar *n = xmlTextReaderConstLocalName(x->xr);

	return n && !strcmp((const char *)n, name);
}

int xlsx_xml_start(const struct xlsx_xml *x, const char *name)
{
	return xmlTextReaderNodeType(x->xr) == XML_READER_TYPE_ELEMENT && name_is(x, name);
}

int xlsx_xml_end(const struct xlsx_xml *x, const char *name)
{
	return xmlTextReaderNodeType(x->xr) == XML_READER_TYPE_END_ELEMENT && name_is(x, name);
}

int xlsx_xml_is_text(const struct xlsx_xml *x)
{
	int t = xmlTextReaderNodeType(x->xr);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

int xlsx_xml_empty(const struct xlsx_xml *x)
{
	return xmlTextReaderIsEmptyElement(x->xr) == 1;
}

const char *xlsx_xml_attr(struct xlsx_xml *x, const char *name)
{
	const char *found = NULL;

	while (xmlTextReaderMoveToNextAttribute(x->xr) == 1) {
		if (name_is(x, name)) {
			found = (const char *)xmlTextReaderConstValue(x->xr);
			break;
		}
	}
	xmlTextReaderMoveToElement(x->xr);
	return found;
}

int xlsx_xml_next_attr(struct xlsx_xml *x, const char **name, const char **value)
{
	if (xmlTextReaderMoveToNextAttribute(x->xr) != 1) {
		xmlTextReaderMoveToElement(x->xr);
		return 0;
	}
	*name = (const char *)xmlTextReaderConstLocalName(x->xr);
	*value = (const char *)xmlTextReaderConstValue(x->xr);
	if (!*name)
		*name = "";
	if (!*value)
		*value = "";
	return 1;
}

const char *xlsx_xml_text(const struct xlsx_xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->xr);

	return v ? (const char *)v : "";
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The code point of "_xHHHH_" at s (7 bytes available), or -1. */
static int escape_at(const char *s)
{
	int cp = 0;

	if (s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hexval(s[i]);

		if (h < 0)
			return -1;
		cp = cp * 16 + h;
	}
	return cp;
}

int xlsx_unescape(struct tz_buf *out, const char *s, size_t len)
{
	size_t i = 0, run = 0;
	int rc, cp;

	while (i < len) {
		if (s[i] != '_' || len - i < 7 || (cp = escape_at(s + i)) < 0) {
			i++;
			continue;
		}
		if ((rc = tz_buf_add(out, s + run, i - run)))
			return rc;
		/* A surrogate cannot stand alone in UTF-8: keep it as written.
		 * _x0000_ stays a NUL byte: the cell is not what it shows, and
		 * the import refuses its row as it refuses a NUL in a CSV cell
		 * (dropping it would store the text without saying so). */
		if (cp >= 0xD800 && cp <= 0xDFFF)
			rc = tz_buf_add(out, s + i, 7);
		else if (cp)
			rc = tz_buf_add_utf8(out, (unsigned)cp);
		else
			rc = tz_buf_addch(out, '\0');
		if (rc)
			return rc;
		i += 7;
		run = i;
	}
	return tz_buf_add(out, s + run, len - run);
}
