/*
 * html.c: HTML to text, in one forward pass.
 *
 * Not a full HTML parser: pages copied from government sites only need
 * their text. Tags are dropped; block elements (p, div, br, li, tr, h1-h6,
 * table, …) end a line and table cells are separated by a tab (so
 * "索引号:" and its value stay on one line, and a table of tasks keeps its
 * columns); the contents of script,
 * style, head furniture (title, meta), noscript, template, svg and
 * comments are skipped; character references (named, &#NNN;, &#xHH;) are
 * decoded. Source newlines inside text become spaces, and their positions
 * are recorded so warnings can name source lines.
 */
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

/*
 * HTML is recognised wherever its first tag is: blank lines of any length
 * are skipped (pages saved with kilobytes of them before <!DOCTYPE>), a
 * text that then starts with a tag is HTML, and otherwise the first 64 KB
 * are searched for a tag that only markup holds (a page that opens with
 * a long script, or with script text whose <script> tag was lost).
 */
int tz_dp_is_html(const char *s, size_t len)
{
	size_t i = 0, n;
	static const char *marks[] = { "<html", "<body", "<div", "<p>", "<p ", "<br",
				       "<table", "<span", "<!doctype", "<head", "<meta",
				       "<script", "<style", "<title", "<link", "<td", "<tr" };

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
			   s[i] == '\f'))
		i++;
	if (i + 1 < len && s[i] == '<' &&
	    ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
	     s[i + 1] == '!' || s[i + 1] == '?'))
		return 1;
	n = len - i < 65536 ? len : i + 65536;
	for (size_t j = i; j < n; j++) {
		const char *lt = memchr(s + j, '<', n - j);

		if (!lt)
			break;
		j = (size_t)(lt - s);
		for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
			size_t ml = strlen(marks[k]);

			if (j + ml <= n && !strncasecmp(s + j, marks[k], ml))
				return 1;
		}
	}
	return 0;
}

struct entity {
	const char *name;
	unsigned cp;
};

static const struct entity entities[] = {
	{ "nbsp", 0xA0 }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' },
	{ "quot", '"' }, { "apos", '\'' }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "mdash", 0x2014 },
	{ "ndash", 0x2013 }, { "hellip", 0x2026 }, { "middot", 0xB7 },
	{ "times", 0xD7 }, { "divide", 0xF7 }, { "yen", 0xA5 }, { "copy", 0xA9 },
	{ "reg", 0xAE }, { "emsp", 0x2003 }, { "ensp", 0x2002 },
	{ "thinsp", 0x2009 }, { "bull", 0x2022 }, { "laquo", 0xAB },
	{ "raquo", 0xBB }, { "deg", 0xB0 }, { "permil", 0x2030 },
	{ "plusmn", 0xB1 }, { "sup2", 0xB2 }, { "sup3", 0xB3 }, { "zwsp", 0x200B },
	{ "shy", 0xAD }, { "trade", 0x2122 }, { "larr", 0x2190 }, { "rarr", 0x2192 },
};

/* Decode a character reference at s[i] == '&'. Returns bytes consumed
 * (0 if it is not one) and the code point. */
static size_t entity_at(const char *s, size_t len, size_t i, unsigned *cp)
{
	size_t j = i + 1;

	if (j < len && s[j] == '#') {
		unsigned long v = 0;
		int hex = 0, digits = 0;

		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			hex = 1;
			j++;
		}
		while (j < len && digits < 8) {
			char ch = s[j];
			int d;

			if (ch >= '0' && ch <= '9')
				d = ch - '0';
			else if (hex && ch >= 'a' && ch <= 'f')
				d = ch - 'a' + 10;
			else if (hex && ch >= 'A' && ch <= 'F')
				d = ch - 'A' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + (unsigned long)d;
			digits++;
			j++;
		}
		if (!digits)
			return 0;
		if (j < len && s[j] == ';')
			j++;
		if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			v = 0xFFFD;
		*cp = (unsigned)v;
		return j - i;
	}
	for (size_t k = 0; k < sizeof(entities) / sizeof(entities[0]); k++) {
		size_t n = strlen(entities[k].name);

		if (j + n <= len && !memcmp(s + j, entities[k].name, n)) {
			size_t end = j + n;

			if (end < len && s[end] == ';')
				end++;
			*cp = entities[k].cp;
			return end - i;
		}
	}
	return 0;
}

/* Elements whose content is not text. */
static const char *skip_elems[] = { "script", "style", "title", "noscript",
				    "template", "svg", "head", "select", "textarea" };
/* Elements that end a line. */
static const char *block_elems[] = {
	"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
	"table", "ul", "ol", "section", "article", "header", "footer", "nav",
	"dl", "dt", "dd", "blockquote", "pre", "hr", "form", "body", "html",
	"center", "main", "aside", "tbody", "thead", "caption", "address",
};

/* Read a tag name at s[i] (after '<' and an optional '/'); returns its
 * length and copies it lower-cased into name (truncated). */
static size_t tag_name(const char *s, size_t len, size_t i, char name[16])
{
	size_t n = 0;

	while (i + n < len) {
		char ch = s[i + n];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9')))
			break;
		if (n < 15)
			name[n] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		n++;
	}
	name[n < 15 ? n : 15] = '\0';
	return n;
}

static int in_list(const char *name, const char **list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(name, list[k]))
			return 1;
	return 0;
}

/*
 * Find the end of an element whose content is skipped: the offset after
 * "</name ...>" (for head also the start of "<body"), counting the source
 * newlines skipped. When there is no closing tag the content is kept
 * (returns i) and *noclose is set so that the search, which scanned to the
 * end, is never repeated for this element: the pass stays linear.
 */
static size_t skip_to_close(const char *s, size_t len, size_t i, const char *name,
			    int *noclose, struct tz_buf *out, size_t **nl, size_t *nnl,
			    size_t *nl_alloc)
{
	size_t n = strlen(name), k, end = DP_NONE;

	if (*noclose)
		return i;
	for (k = i; k < len; k++) {
		if (s[k] != '<')
			continue;
		if (k + 2 + n <= len && s[k + 1] == '/' && !strncasecmp(s + k + 2, name, n)) {
			const char *gt = memchr(s + k, '>', len - k);

			end = gt ? (size_t)(gt - s) + 1 : len;
			break;
		}
		if (!strcmp(name, "head") && k + 5 <= len && !strncasecmp(s + k + 1, "body", 4)) {
			end = k;
			break;
		}
	}
	if (end == DP_NONE) {
		*noclose = 1;
		return i;
	}
	for (k = i; k < end; k++)
		if (s[k] == '\n') {
			TZ_ALLOC_GROW(*nl, *nnl + 1, *nl_alloc);
			(*nl)[(*nnl)++] = out->len;
		}
	return end;
}

static void add_nl(struct tz_buf *out)
{
	if (out->len && out->buf[out->len - 1] != '\n')
		tz_buf_addch(out, '\n');
}

/*
 * Is the table opening at s[i] a grid of tasks (序号 | 任务 | 牵头单位 |
 * 责任单位 | 完成时限)? Its header row is looked at: up to the first </tr>,
 * the next <table or 8 KB, whichever comes first, so the windows of
 * successive tables do not overlap and the pass stays linear.
 */
static int grid_table(const char *s, size_t len, size_t i)
{
	static const char *words[] = { "牵头单位", "责任单位", "牵头部门", "责任部门",
				       "配合单位", "完成时限", "时间节点", "完成时间" };
	size_t e = len - i < 8192 ? len : i + 8192;
	const char *p;

	if (i + 1 >= e)
		return 0; /* the page ends with the tag */
	p = memmem(s + i + 1, e - i - 1, "</tr", 4);
	if (p)
		e = (size_t)(p - s);
	p = memmem(s + i + 1, e - i - 1, "<table", 6);
	if (p)
		e = (size_t)(p - s);
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (memmem(s + i, e - i, words[k], strlen(words[k])))
			return 1;
	return 0;
}

/* Tables: cells of a row are separated by a tab, so that a table of tasks
 * keeps its columns; inside a cell of a grid table, paragraphs and line
 * breaks (Word's <td><p>…</p></td>) become spaces, so that a row stays one
 * line. */
struct tables {
	unsigned char grid[32];  /* per open table (nesting capped) */
	size_t depth;
	unsigned cells;          /* cells opened in the current row */
};

int tz_dp_html_strip(const char *s, size_t len, struct tz_buf *out,
		     size_t **nl, size_t *nnl)
{
	size_t i = 0, nl_alloc = 0;
	int noclose[sizeof(skip_elems) / sizeof(skip_elems[0])] = { 0 };
	struct tables tb = { { 0 }, 0, 0 };

	*nl = NULL;
	*nnl = 0;
	while (i < len) {
		char ch = s[i];

		if (ch == '\n') {
			TZ_ALLOC_GROW(*nl, *nnl + 1, nl_alloc);
			(*nl)[(*nnl)++] = out->len;
			if (out->len && out->buf[out->len - 1] != '\n' &&
			    out->buf[out->len - 1] != ' ')
				tz_buf_addch(out, ' ');
			i++;
			continue;
		}
		if (ch == '\r' || ch == '\t') {
			tz_buf_addch(out, ' ');
			i++;
			continue;
		}
		if (ch == '&') {
			unsigned cp;
			size_t n = entity_at(s, len, i, &cp);

			if (n) {
				tz_buf_add_utf8(out, cp);
				i += n;
				continue;
			}
		}
		if (ch == '<' && i + 1 < len) {
			char name[16];
			size_t j = i + 1, n, close_elem = 0;
			const char *gt;

			if (s[j] == '!') {
				/* Comment, CDATA or doctype. */
				const char *end;

				if (j + 2 < len && s[j + 1] == '-' && s[j + 2] == '-') {
					end = memmem(s + j + 3, len - j - 3, "-->", 3);
					end = end ? end + 3 : s + len;
				} else {
					end = memchr(s + j, '>', len - j);
					end = end ? end + 1 : s + len;
				}
				for (const char *p = s + i; p < end; p++)
					if (*p == '\n') {
						TZ_ALLOC_GROW(*nl, *nnl + 1, nl_alloc);
						(*nl)[(*nnl)++] = out->len;
					}
				i = (size_t)(end - s);
				continue;
			}
			if (s[j] == '/') {
				close_elem = 1;
				j++;
			}
			n = tag_name(s, len, j, name);
			if (!n) {
				tz_buf_addch(out, '<'); /* a lone '<' in text */
				i++;
				continue;
			}
			/* The tag ends at the next '>' outside a quoted attribute
			 * value. A quote opens a value only right after '=': in
			 * <p class=it's> the apostrophe is part of an unquoted
			 * value and must not swallow the page. */
			{
				size_t k = j + n;
				char q = 0;
				int after_eq = 0;

				for (; k < len; k++) {
					char c = s[k];

					if (c == '\n') {
						TZ_ALLOC_GROW(*nl, *nnl + 1, nl_alloc);
						(*nl)[(*nnl)++] = out->len;
					}
					if (q) {
						if (c == q)
							q = 0;
					} else if ((c == '"' || c == '\'') && after_eq) {
						q = c;
						after_eq = 0;
					} else if (c == '>') {
						break;
					} else if (c == '=') {
						after_eq = 1;
					} else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
						after_eq = 0;
					}
				}
				gt = k < len ? s + k : NULL;
			}
			i = gt ? (size_t)(gt - s) + 1 : len;
			if (!close_elem) {
				size_t k;

				for (k = 0; k < sizeof(skip_elems) / sizeof(skip_elems[0]); k++)
					if (!strcmp(name, skip_elems[k]))
						break;
				if (k < sizeof(skip_elems) / sizeof(skip_elems[0])) {
					if (!(gt && gt > s && gt[-1] == '/'))
						i = skip_to_close(s, len, i, skip_elems[k], &noclose[k],
								  out, nl, nnl, &nl_alloc);
					continue;
				}
			}
			if (!strcmp(name, "table")) {
				if (!close_elem && tb.depth < sizeof(tb.grid))
					tb.grid[tb.depth] = (unsigned char)grid_table(s, len, i);
				if (!close_elem)
					tb.depth++;
				else if (tb.depth)
					tb.depth--;
				tb.cells = 0;
				add_nl(out);
			} else if (!strcmp(name, "tr")) {
				tb.cells = 0;
				add_nl(out);
			} else if (!strcmp(name, "td") || !strcmp(name, "th")) {
				if (!close_elem && tb.cells++) {
					size_t keep = out->len;

					while (keep && out->buf[keep - 1] == ' ')
						keep--;
					tz_buf_setlen(out, keep);
					tz_buf_addch(out, '\t');
				}
			} else if (in_list(name, block_elems,
					   sizeof(block_elems) / sizeof(block_elems[0]))) {
				if (tb.depth && tb.depth <= sizeof(tb.grid) && tb.grid[tb.depth - 1] &&
				    tb.cells) {
					if (out->len && out->buf[out->len - 1] != ' ' &&
					    out->buf[out->len - 1] != '\t' && out->buf[out->len - 1] != '\n')
						tz_buf_addch(out, ' ');
				} else {
					add_nl(out);
				}
			}
			continue;
		}
		if (tz_buf_addch(out, ch))
			return TZ_ETOOBIG;
		i++;
	}
	if (out->len > TZ_LIMIT_DOC * 2u)
		return TZ_ETOOBIG;
	return 0;
}
