/*
 * reader.c: choose a reader by looking at the file's content (never its
 * name), refuse with its real format named what no reader can read, and
 * keep the sheet list every reader shares.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/reader-internal.h"
#include "intake/sniff.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* The base struct                                                     */

void tz_reader_base_init(struct tz_reader *r, const struct tz_reader_type *type)
{
	memset(r, 0, sizeof(*r));
	r->type = type;
}

void tz_reader_base_release(struct tz_reader *r)
{
	for (size_t i = 0; i < r->nsheets; i++)
		free((char *)r->sheets[i].name);
	free(r->sheets);
	r->sheets = NULL;
	r->nsheets = 0;
}

void tz_reader_add_sheet(struct tz_reader *r, const char *name, size_t len,
			 enum tz_sheet_state state)
{
	struct tz_sheet_info *s;
	char dflt[32];

	if (!name || !len) {
		snprintf(dflt, sizeof(dflt), "Sheet%zu", r->nsheets + 1);
		name = dflt;
		len = strlen(dflt);
	}
	r->sheets = tz_xrealloc(r->sheets, (r->nsheets + 1) * sizeof(*r->sheets));
	s = &r->sheets[r->nsheets++];
	s->name = tz_xstrndup(name, len);
	s->state = state;
}

long tz_reader_find_sheet(const struct tz_reader *r, const char *name)
{
	for (size_t i = 0; i < r->nsheets; i++)
		if (!strcmp(r->sheets[i].name, name))
			return (long)i;
	/* Then ignoring ASCII case and surrounding blanks, as people type
	 * "sheet1" for "Sheet1". */
	for (size_t i = 0; i < r->nsheets; i++) {
		const char *a = r->sheets[i].name, *b = name;
		size_t la = strlen(a), lb = strlen(b);

		while (la && a[la - 1] == ' ')
			la--;
		while (*b == ' ')
			b++, lb--;
		while (lb && b[lb - 1] == ' ')
			lb--;
		if (la == lb && !strncasecmp(a, b, la))
			return (long)i;
	}
	return -1;
}

static int no_such_sheet(const struct tz_reader *r, const char *path, const char *what,
			 struct tz_err *err)
{
	struct tz_buf list = TZ_BUF_INIT;
	int rc;

	for (size_t i = 0; i < r->nsheets && list.len < 300; i++)
		tz_buf_addf(&list, "%s“%s”%s", i ? "、" : "", r->sheets[i].name,
			    r->sheets[i].state ? "（隐藏）" : "");
	rc = tz_err_set_at(err, TZ_ENOTFOUND, path, 0, NULL, "没有%s的工作表（文件中有：%s）",
			   what, list.buf);
	tz_buf_release(&list);
	return rc;
}

int tz_reader_pick_sheet(const struct tz_reader *r, const struct tz_reader_opts *opts,
			 const char *path, size_t *index, struct tz_err *err)
{
	char what[128];
	long i;

	*index = 0;
	if (!r->nsheets)
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL, "工作簿中没有工作表");
	if (opts && opts->sheet) {
		if ((i = tz_reader_find_sheet(r, opts->sheet)) < 0) {
			snprintf(what, sizeof(what), "名为“%.80s”", opts->sheet);
			return no_such_sheet(r, path, what, err);
		}
		*index = (size_t)i;
		return 0;
	}
	if (opts && opts->sheet_number) {
		if (opts->sheet_number > r->nsheets) {
			snprintf(what, sizeof(what), "第%u个", opts->sheet_number);
			return no_such_sheet(r, path, what, err);
		}
		*index = opts->sheet_number - 1;
		return 0;
	}
	for (size_t k = 0; k < r->nsheets; k++) {
		if (r->sheets[k].state == TZ_SHEET_VISIBLE) {
			*index = k;
			return 0;
		}
	}
	return 0;
}

int tz_sheet_name_is_instructions(const char *name)
{
	static const char *const words[] = {
		"填报说明", "填表说明", "填写说明", "编制说明", "使用说明", "指标解释", "指标说明",
		"填报要求", "填表要求", "填报须知", "填表须知", "注意事项", "示例", "样表", "样例",
		"范例",
	};
	static const char *const ascii[] = { "instruction", "readme", "example", "sample" };
	static const char *const skip[] = {
		"附件", "附表", "：", "，", "、", "（", "）", "【", "】", "《", "》", "　",
	};
	char rest[256];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(name, words[i]))
			return 1;
	for (size_t i = 0; i < sizeof(ascii) / sizeof(ascii[0]); i++) {
		size_t l = strlen(ascii[i]);

		for (const char *p = name; *p; p++)
			if (!strncasecmp(p, ascii[i], l))
				return 1;
	}
	/* 说明 alone: what is left without digits, ASCII punctuation,
	 * spaces and the words and marks above. */
	for (const char *p = name; *p && n + 4 < sizeof(rest);) {
		size_t k = 0;

		for (size_t i = 0; !k && i < sizeof(skip) / sizeof(skip[0]); i++)
			if (!strncmp(p, skip[i], strlen(skip[i])))
				k = strlen(skip[i]);
		if (k) {
			p += k;
		} else if ((unsigned char)*p < 0x80 && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
			p++;
		} else {
			rest[n++] = *p++;
		}
	}
	rest[n] = '\0';
	return !strcmp(rest, "说明");
}

char *tz_reader_stem(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return tz_xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

const char *tz_reader_where(const struct tz_reader *r, char buf[160])
{
	if (r->type == &tz_reader_csv || r->type == &tz_reader_html || !r->nsheets) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, 160, "工作表“%.120s”", r->sheets[r->sheet].name);
	return buf;
}

size_t tz_reader_sheet_count(const struct tz_reader *r)
{
	return r->nsheets;
}

const struct tz_sheet_info *tz_reader_sheet_info(const struct tz_reader *r, size_t i)
{
	return i < r->nsheets ? &r->sheets[i] : NULL;
}

size_t tz_reader_sheet_index(const struct tz_reader *r)
{
	return r->sheet;
}

const char *tz_reader_sheet_name(const struct tz_reader *r)
{
	return r->nsheets ? r->sheets[r->sheet].name : "";
}

int tz_reader_date1904(const struct tz_reader *r)
{
	return r->date1904;
}

int tz_reader_col_hidden(const struct tz_reader *r, size_t col)
{
	return col < sizeof(r->hidden_cols) * 8 && (r->hidden_cols[col / 8] >> (col % 8)) & 1;
}

void tz_reader_set_cols_hidden(struct tz_reader *r, size_t first, size_t last)
{
	for (size_t c = first; c <= last && c < sizeof(r->hidden_cols) * 8; c++)
		r->hidden_cols[c / 8] |= (unsigned char)(1u << (c % 8));
}

const char *tz_reader_page_text(const struct tz_reader *r)
{
	return r->page_text;
}

void tz_reader_add_page_text(struct tz_reader *r, const char *s, size_t n)
{
	char *out = r->page_text;
	size_t at = strlen(out), cap = sizeof(r->page_text) - 1;
	const char *end = s + n;

	if (at && at < cap)
		out[at++] = ' ';
	while (s < end && at < cap) {
		if (*s == '&' && end - s >= 2 && s[1] == '&') {
			out[at++] = '&';
			s += 2;
			continue;
		}
		if (*s == '&') {
			s++;
			if (s < end && *s == '"') {
				const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));

				s = q ? q + 1 : end;
			} else if (s < end && *s >= '0' && *s <= '9') {
				while (s < end && *s >= '0' && *s <= '9')
					s++;
			} else if (s < end) {
				s++;
			}
			if (at && out[at - 1] != ' ')
				out[at++] = ' ';
			continue;
		}
		if ((*s == ' ' || *s == '\n' || *s == '\r') && (!at || out[at - 1] == ' ')) {
			s++;
			continue;
		}
		out[at++] = *s == '\n' || *s == '\r' ? ' ' : *s;
		s++;
	}
	while (at && out[at - 1] == ' ')
		at--;
	/* Never a UTF-8 character cut at the cap: drop the last one. */
	if (at == cap) {
		while (at && ((unsigned char)out[at - 1] & 0xC0) == 0x80)
			at--;
		if (at && (unsigned char)out[at - 1] >= 0xC0)
			at--;
	}
	out[at] = '\0';
}

int tz_reader_select_sheet(struct tz_reader *r, size_t i, struct tz_err *err)
{
	int rc;

	if (i >= r->nsheets)
		return tz_err_set(err, TZ_ENOTFOUND, "没有第%zu个工作表（共%zu个）", i + 1,
				  r->nsheets);
	if ((rc = r->type->select(r, i, err)))
		return rc;
	r->sheet = i;
	return 0;
}

void tz_reader_limit_columns(struct tz_reader *r, size_t ncols)
{
	r->max_cols = ncols;
}

/* ------------------------------------------------------------------ */
/* Text cells                                                          */

int tz_is_error_literal(const char *s, size_t len)
{
	static const char *const errors[] = {
		"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
		"#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
		"#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
	};

	if (len < 4 || len > 14 || s[0] != '#')
		return 0;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (strlen(errors[i]) == len && !memcmp(errors[i], s, len))
			return 1;
	return 0;
}

unsigned char tz_text_cell_kind(const char *s, size_t len)
{
	if (!len)
		return TZ_READ_EMPTY;
	if (s[0] == '#' && tz_is_error_literal(s, len))
		return TZ_READ_ERROR;
	return TZ_READ_TEXT;
}

/* ------------------------------------------------------------------ */
/* Choosing a reader                                                   */

/* The first bytes of the file: enough to tell every format apart. */
#define HEAD_SIZE (64u * 1024)

int tz_reader_open_opts(struct tz_reader **out, const char *path,
			const struct tz_reader_opts *opts, struct tz_err *err)
{
	unsigned char *head;
	ssize_t n = 0;
	size_t len = 0;
	struct tz_sniff sn;
	int fd;

	*out = NULL;
	if (!strcmp(path, "-"))
		return tz_reader_csv.open(out, path, opts, err);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法打开文件：%s",
				     tz_errno_text(errno));
	head = tz_xmalloc(HEAD_SIZE);
	while (len < HEAD_SIZE && (n = read(fd, head + len, HEAD_SIZE - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (n < 0) {
		free(head);
		return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "读取文件失败：%s",
				     tz_errno_text(errno));
	}
	tz_sniff(head, len, &sn);
	free(head);
	switch (sn.format) {
	case TZ_SNIFF_ZIP:
		return tz_reader_xlsx.open(out, path, opts, err);
	case TZ_SNIFF_OLE:
		return tz_reader_xls.open(out, path, opts, err);
	case TZ_SNIFF_HTML:
		return tz_reader_html.open(out, path, opts, err);
	case TZ_SNIFF_XML2003:
		return tz_reader_xml2003.open(out, path, opts, err);
	case TZ_SNIFF_TEXT:
		return tz_reader_csv.open(out, path, opts, err);
	case TZ_SNIFF_EMPTY:
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL, "文件是空的（0字节），没有可导入的内容");
	case TZ_SNIFF_OTHER:
		break;
	}
	return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
			     "无法导入：这是%s，不是电子表格（请导入 Excel、WPS 表格或 CSV 文件）",
			     sn.what);
}

int tz_reader_open(struct tz_reader **out, const char *path, struct tz_err *err)
{
	return tz_reader_open_opts(out, path, NULL, err);
}
