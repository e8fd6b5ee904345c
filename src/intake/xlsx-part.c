/*
 * xlsx-part.c: one XML part of an XLSX package as a libxml2 stream read
 * directly from the compressed ZIP entry, so memory stays bounded by the
 * largest node, whatever the size of the sheet. (The XML 2003 reader
 * streams a plain file through the same functions.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

/*
 * A ZIP part as libxml2 reads it, counting what it inflates to: a small
 * part can inflate to gigabytes that libxml2 would scan (white space
 * inside one tag is never a node, so no cap on cells or strings sees it).
 * The bytes inflated between two nodes are capped (TZ_LIMIT_XML_NODE), and
 * past TZ_LIMIT_XML_FREE so is their average per node, so that a bomb is
 * refused after megabytes, in milliseconds, whatever its shape, and a real
 * sheet (some ten bytes a node) never is.
 */
struct xlsx_part_in {
	zip_file_t *zf;
	uint64_t total;       /* bytes inflated so far */
	uint64_t since_node;  /* …since the last node returned */
	uint64_t nodes;       /* nodes returned */
	int over;             /* 1: a node too big, 2: too many bytes a node */
	int zip_error;        /* libzip's error code when reading failed, else 0 */
};

static int part_read(void *ctx, char *buf, int len)
{
	struct xlsx_part_in *in = ctx;
	zip_int64_t n = zip_fread(in->zf, buf, (zip_uint64_t)len);

	if (n < 0) {
		in->zip_error = zip_error_code_zip(zip_file_get_error(in->zf));
		if (!in->zip_error)
			in->zip_error = ZIP_ER_READ;
		return -1;
	}
	in->total += (uint64_t)n;
	in->since_node += (uint64_t)n;
	in->over = xlsx_part_check(in->total, in->since_node, in->nodes);
	return in->over ? -1 : (int)n;
}

static int part_close(void *ctx)
{
	struct xlsx_part_in *in = ctx;
	int rc = zip_fclose(in->zf) ? -1 : 0;

	free(in);
	return rc;
}

int xlsx_part_check(uint64_t total, uint64_t since_node, uint64_t nodes)
{
	if (since_node > TZ_LIMIT_XML_NODE)
		return 1;
	if (total > TZ_LIMIT_XML_FREE && total / (nodes + 1) > TZ_LIMIT_XML_PER_NODE)
		return 2;
	return 0;
}

int xlsx_part_bloated(const char *path, long line, const char *kind, const char *part, int how,
		      struct tz_err *err)
{
	if (how == 1)
		return tz_err_set_at(err, TZ_ETOOBIG, path, line > 0 ? line : 0, NULL,
				     "不是有效的%s：%s中有一个标签或一段文本解压后超过%u MB"
				     "（Excel 和 WPS 不会这样写，文件可能是恶意构造的），已拒绝",
				     kind, part, TZ_LIMIT_XML_NODE / (1024 * 1024));
	return tz_err_set_at(err, TZ_ETOOBIG, path, line > 0 ? line : 0, NULL,
			     "不是有效的%s：%s解压后已超过%u MB，平均每个XML标签超过%u字节"
			     "（正常的表格约10字节），文件可能是恶意构造的，已拒绝",
			     kind, part, TZ_LIMIT_XML_FREE / (1024 * 1024), TZ_LIMIT_XML_PER_NODE);
}

/* What libzip's error means, in words for the user. */
static const char *zip_why(int code)
{
	switch (code) {
	case ZIP_ER_CRC: return "压缩数据校验（CRC）错误，文件已损坏";
	case ZIP_ER_ZLIB:
	case ZIP_ER_COMPRESSED_DATA: return "压缩数据损坏，无法解压";
	case ZIP_ER_NOPASSWD:
	case ZIP_ER_WRONGPASSWD: return "文件设了密码（已加密），请在 Excel 或 WPS 中去掉密码后再导入";
	case ZIP_ER_COMPNOTSUPP: return "使用了不支持的压缩方式";
	case ZIP_ER_MEMORY: return "内存不足";
	case ZIP_ER_EOF:
	case ZIP_ER_INCONS: return "文件不完整或结构不一致";
	default: return "数据无法解压，文件可能已损坏或不完整";
	}
}

/*
 * libxml2's message for the user: the common ones in Chinese; another
 * kept after a Chinese word saying what it is, as the parser wrote it.
 */
static void xml_why(const char *why, char *out, size_t size)
{
	static const struct { const char *en, *zh; } known[] = {
		{ "Huge input lookup", "单个标签或文本过大" },
		{ "huge text node", "单段文本过大" },
		{ "Premature end of data", "XML在中途结束（文件不完整）" },
		{ "EndTag: '</' not found", "XML在中途结束（文件不完整）" },
		{ "Extra content at the end of the document", "XML结束后还有多余的内容" },
		{ "Opening and ending tag mismatch", "开始标签和结束标签不匹配" },
		{ "Start tag expected", "不是XML内容（找不到开始标签）" },
		{ "Document is empty", "内容是空的" },
		{ "Input is not proper UTF-8", "含有不是UTF-8编码的字节" },
		{ "Char 0x", "含有XML不允许的字符" },
		{ "PCDATA invalid Char value", "含有XML不允许的字符" },
		{ "xmlParseCharRef: invalid xmlChar value", "含有XML不允许的字符引用（如&#0;）" },
		{ "invalid character in attribute value", "属性值中有不允许的字符" },
		{ "attributes construct error", "标签的属性格式错误" },
		{ "Couldn't find end of Start Tag", "标签没有结束" },
		{ "AttValue", "属性值缺少引号" },
		{ "Specification mandates value for attribute", "属性缺少值" },
		{ "Attribute", "属性重复或格式错误" },
		{ "EntityRef", "“&”后面不是有效的实体引用" },
		{ "Entity '", "引用了未定义的实体" },
		{ "Memory allocation failed", "内存不足" },
		{ "Excessive depth", "标签嵌套过深" },
		{ "Maximum", "超过了XML解析器的上限" },
		{ "StartTag: invalid element name", "标签名无效" },
		{ "expected '>'", "标签缺少“>”" },
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (strstr(why, known[i].en)) {
			snprintf(out, size, "%s", known[i].zh);
			return;
		}
	}
	snprintf(out, size, "XML格式错误，解析器报告：%s", why);
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
				     "不是有效的XLSX文件：无法读取其中的%s（%s）", part,
				     zip_why(zip_error_code_zip(zip_get_error(zip))));
	x->in = tz_xcalloc(1, sizeof(*x->in));
	x->in->zf = zf;
	/* No entity substitution, no DTD loading, no network: a hostile
	 * part cannot make the parser fetch or expand anything (and a part
	 * with a DOCTYPE is refused by xlsx_xml_next). The reader owns
	 * x->in (and zf) from here on and frees it through part_close. */
	x->xr = xmlReaderForIO(part_read, part_close, x->in, part, NULL,
			       XML_PARSE_NONET);
	if (!x->xr) {
		x->in = NULL;
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不是有效的XLSX文件：无法解析%s", part);
	}
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
	char why[sizeof(x->why) + 64];

	if ((rc == 1 && xmlTextReaderNodeType(x->xr) == XML_READER_TYPE_DOCUMENT_TYPE) ||
	    (rc < 0 && has_doctype(x)))
		return tz_err_set_at(err, TZ_EINVAL, x->path, 0, NULL,
				     "不是有效的%s：%s含有DOCTYPE声明（Excel 从不写它，"
				     "这样的文件可能是恶意构造的），已拒绝", x->kind, x->part);
	if (rc == 1 && x->in) {
		x->in->since_node = 0;
		x->in->nodes++;
	}
	if (rc >= 0)
		return rc;
	if (x->in && x->in->over)
		return xlsx_part_bloated(x->path, line, x->kind, x->part, x->in->over, err);
	if (x->in && x->in->zip_error)
		snprintf(why, sizeof(why), "%s", zip_why(x->in->zip_error));
	else if (x->why[0])
		xml_why(x->why, why, sizeof(why));
	else
		snprintf(why, sizeof(why), "数据无法解压或XML格式错误");
	if (line > 0)
		return tz_err_set_at(err, TZ_EINVAL, x->path, line, NULL,
				     "不是有效的%s：%s第%ld行附近损坏（%s）", x->kind, x->part, line, why);
	return tz_err_set_at(err, TZ_EINVAL, x->path, 0, NULL, "不是有效的%s：%s损坏（%s）",
			     x->kind, x->part, why);
}

void xlsx_xml_close(struct xlsx_xml *x)
{
	if (x->xr)
		xmlFreeTextReader(x->xr);  /* frees x->in through part_close */
	if (x->doc)
		xmlFreeDoc(x->doc);
	x->in = NULL;
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
