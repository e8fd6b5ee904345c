/*
 * sniff.c: tell a file's format from its first bytes: the containers and
 * markup we read, the formats people send by mistake (a PDF, a Word file,
 * an image), and binary data.
 */
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "intake/sniff.h"
#include "base/banned.h"

struct magic {
	const char *bytes;
	size_t len;
	size_t at;
	enum tz_sniff_format format;
	const char *what;
};

/* Formats recognised by a signature at a fixed offset. */
static const struct magic magics[] = {
	{ "PK\x03\x04", 4, 0, TZ_SNIFF_ZIP, NULL },
	{ "PK\x05\x06", 4, 0, TZ_SNIFF_ZIP, NULL },
	{ "\xD0\xCF\x11\xE0", 4, 0, TZ_SNIFF_OLE, NULL },
	{ "%PDF-", 5, 0, TZ_SNIFF_OTHER, "PDF 文档" },
	{ "\x89PNG\r\n\x1A\n", 8, 0, TZ_SNIFF_OTHER, "PNG 图片" },
	{ "\xFF\xD8\xFF", 3, 0, TZ_SNIFF_OTHER, "JPEG 图片" },
	{ "GIF87a", 6, 0, TZ_SNIFF_OTHER, "GIF 图片" },
	{ "GIF89a", 6, 0, TZ_SNIFF_OTHER, "GIF 图片" },
	{ "II*\0", 4, 0, TZ_SNIFF_OTHER, "TIFF 图片" },
	{ "MM\0*", 4, 0, TZ_SNIFF_OTHER, "TIFF 图片" },
	{ "WEBP", 4, 8, TZ_SNIFF_OTHER, "WebP 图片" },
	{ "Rar!\x1A\x07", 6, 0, TZ_SNIFF_OTHER, "RAR 压缩包" },
	{ "7z\xBC\xAF\x27\x1C", 6, 0, TZ_SNIFF_OTHER, "7z 压缩包" },
	{ "\x1F\x8B", 2, 0, TZ_SNIFF_OTHER, "gzip 压缩文件" },
	{ "\xFD" "7zXZ\0", 6, 0, TZ_SNIFF_OTHER, "xz 压缩文件" },
	{ "{\\rtf", 5, 0, TZ_SNIFF_OTHER, "RTF 文档（Word 等）" },
	{ "\x7F" "ELF", 4, 0, TZ_SNIFF_OTHER, "程序文件" },
	{ "SQLite format 3\0", 16, 0, TZ_SNIFF_OTHER, "SQLite 数据库文件" },
	/* A BIFF2-4 worksheet saved on its own, not in an OLE file. */
	{ "\x09\x00\x04\x00", 4, 0, TZ_SNIFF_OTHER, "Excel 2.x 工作表（太旧的 .xls，请在 Excel 中另存为 .xlsx）" },
	{ "\x09\x02\x06\x00", 4, 0, TZ_SNIFF_OTHER, "Excel 3.0 工作表（太旧的 .xls，请在 Excel 中另存为 .xlsx）" },
	{ "\x09\x04\x06\x00", 4, 0, TZ_SNIFF_OTHER, "Excel 4.0 工作表（太旧的 .xls，请在 Excel 中另存为 .xlsx）" },
};

/*
 * UTF-16 as ASCII for looking at markup: one byte per code unit,
 * non-ASCII as 0x80.
 */
static size_t narrow(const unsigned char *p, size_t len, enum tz_encoding enc, size_t bom,
		     char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = bom; i + 1 < len && n < size; i += 2) {
		unsigned u = enc == TZ_ENC_UTF16LE ? p[i] | (unsigned)p[i + 1] << 8
						   : (unsigned)p[i] << 8 | p[i + 1];

		out[n++] = (char)(u < 0x80 ? u : 0x80);
	}
	return n;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\f'))
		p++;
	return p;
}

/* Past the XML declaration, processing instructions, comments and the
 * DOCTYPE to the first element's name (without prefix). */
static const char *first_element(const char *p, const char *end, size_t *len)
{
	for (;;) {
		const char *q;

		p = skip_space(p, end);
		if (end - p < 2 || *p != '<')
			return NULL;
		if (p[1] == '!' && end - p > 9 && !memcmp(p, "<!DOCTYPE", 9)) {
			/* Past an internal subset [ … ] to the closing '>'. */
			const char *br = memchr(p, '[', (size_t)(end - p));
			const char *gt = memchr(p, '>', (size_t)(end - p));

			if (br && gt && br < gt) {
				q = memmem(br, (size_t)(end - br), "]>", 2);
				if (!q)
					return NULL;
				p = q + 2;
				continue;
			}
		}
		if (p[1] == '?' || (p[1] == '!' && (end - p < 4 || memcmp(p, "<!--", 4)))) {
			q = memchr(p, '>', (size_t)(end - p));
			if (!q)
				return NULL;
			p = q + 1;
			continue;
		}
		if (p[1] == '!') {
			q = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
			if (!q)
				return NULL;
			p = q + 3;
			continue;
		}
		p++;
		q = p;
		while (q < end && *q != ' ' && *q != '>' && *q != '/' && *q != '\t' && *q != '\r' &&
		       *q != '\n')
			q++;
		for (const char *c = p; c < q; c++)
			if (*c == ':')
				p = c + 1;
		*len = (size_t)(q - p);
		return p;
	}
}

static int name_is(const char *name, size_t len, const char *want)
{
	return len == strlen(want) && !strncasecmp(name, want, len);
}

static int contains(const char *p, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (!strncasecmp(p + i, needle, n))
			return 1;
	return 0;
}

/* Markup: an XML Spreadsheet 2003, an HTML page, or some other XML. */
static int markup(const char *text, size_t len, struct tz_sniff *out)
{
	static const char *const html_tags[] = {
		"html", "head", "body", "table", "meta", "title", "style", "script", "div", "tr",
		"td", "th", "p", "span", "link", "form", "center", "font", "base",
	};
	const char *end = text + len, *p = skip_space(text, end), *name;
	size_t n = 0;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p = skip_space(p + 3, end);
	if (p >= end || *p != '<')
		return 0;
	if (contains(p, (size_t)(end - p), "<!DOCTYPE html")) {
		out->format = TZ_SNIFF_HTML;
		return 1;
	}
	name = first_element(p, end, &n);
	if (name && name_is(name, n, "Workbook") &&
	    contains(p, (size_t)(end - p), "urn:schemas-microsoft-com:office:spreadsheet")) {
		out->format = TZ_SNIFF_XML2003;
		return 1;
	}
	for (size_t i = 0; name && i < sizeof(html_tags) / sizeof(html_tags[0]); i++) {
		if (name_is(name, n, html_tags[i])) {
			out->format = TZ_SNIFF_HTML;
			return 1;
		}
	}
	if (!memcmp(p, "<?xml", 5)) {
		out->format = TZ_SNIFF_OTHER;
		out->what = "XML 文件（不是 Excel 2003 XML 表格）";
		return 1;
	}
	/* Some other tag soup first: let the HTML reader look for a table. */
	if (contains(p, (size_t)(end - p), "<table")) {
		out->format = TZ_SNIFF_HTML;
		return 1;
	}
	return 0;
}

/* Binary data: NUL bytes beyond a stray few, or many control bytes, in a
 * head that is not text in any encoding we read. */
static int binary(const unsigned char *p, size_t len)
{
	size_t nul = 0, ctl = 0;

	for (size_t i = 0; i < len; i++) {
		if (!p[i])
			nul++;
		else if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
			 p[i] != '\f' && p[i] != '\v' && p[i] != 0x1A && p[i] != 0x1B)
			ctl++;
	}
	if (nul > 3 || (ctl > 8 && ctl * 50 > len))
		return 1;
	if (nul || ctl) {
		struct tz_err err;

		return tz_text_detect((const char *)p, len, &err) == TZ_ENC_UNKNOWN;
	}
	return 0;
}

void tz_sniff(const unsigned char *head, size_t len, struct tz_sniff *out)
{
	char text[4096];
	enum tz_encoding enc;
	size_t n, bom;

	out->format = TZ_SNIFF_TEXT;
	out->what = NULL;
	if (!len) {
		out->format = TZ_SNIFF_EMPTY;
		return;
	}
	for (size_t i = 0; i < sizeof(magics) / sizeof(magics[0]); i++) {
		const struct magic *m = &magics[i];

		if (len >= m->at + m->len && !memcmp(head + m->at, m->bytes, m->len)) {
			out->format = m->format;
			out->what = m->what;
			return;
		}
	}
	if (len >= 26 && head[0] == 'B' && head[1] == 'M' && !head[6] && !head[7] && !head[8] &&
	    !head[9]) {
		out->format = TZ_SNIFF_OTHER;
		out->what = "BMP 图片";
		return;
	}
	enc = tz_text_utf16_guess((const char *)head, len, &bom);
	if (enc != TZ_ENC_UNKNOWN) {
		n = narrow(head, len, enc, bom, text, sizeof(text));
		markup(text, n, out);
		return;  /* UTF-16 text, or markup in UTF-16 */
	}
	if (markup((const char *)head, len, out))
		return;
	if (binary(head, len)) {
		out->format = TZ_SNIFF_OTHER;
		out->what = "无法识别的二进制文件";
	}
}
