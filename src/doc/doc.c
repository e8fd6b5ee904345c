/*
 * doc.c: the document reader's entry point: check and decode the
 * bytes, then run the stages of doc-internal.h in order.
 */
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "doc/doc-internal.h"
#include "base/banned.h"

const char *tz_doc_kind_name(enum tz_doc_kind kind)
{
	switch (kind) {
	case TZ_DOC_PROPOSAL_REPLY: return "proposal_reply";
	case TZ_DOC_WORK_PLAN: return "work_plan";
	case TZ_DOC_BULLETIN: return "bulletin";
	case TZ_DOC_OTHER: break;
	}
	return "other";
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */

void tz_dp_warn_text(struct dp_ctx *c, const char *kind, size_t li, size_t off,
		     const char *text, const char *reading, const char *detail)
{
	struct tz_doc *d = c->doc;
	struct tz_doc_warning *w;
	long line = tz_dp_srcline(c, li, off);

	if (!text)
		return;
	/* Duplicates come from stages meeting the same text: look at the last
	 * few warnings only, so that a line with a million phone numbers
	 * stays linear. */
	for (size_t k = d->nwarnings, seen = 0; k-- > 0 && seen < 8; seen++) {
		if (c->wkeys[k].line != li)
			break;
		if (!strcmp(d->warnings[k].kind, kind) && !strcmp(d->warnings[k].text, text) &&
		    d->warnings[k].line == line)
			return;
	}
	if (c->warn_alloc <= d->nwarnings) {
		size_t alloc = c->warn_alloc;

		TZ_ALLOC_GROW(d->warnings, d->nwarnings + 1, alloc);
		TZ_ALLOC_GROW(c->wkeys, d->nwarnings + 1, c->warn_alloc);
	}
	w = &d->warnings[d->nwarnings];
	w->kind = kind;
	w->text = text;
	w->line = line;
	w->reading = reading ? tz_arena_strdup(c->arena, reading) : NULL;
	w->detail = detail ? tz_arena_strdup(c->arena, detail) : NULL;
	c->wkeys[d->nwarnings].line = li;
	c->wkeys[d->nwarnings].off = off;
	d->nwarnings++;
}

void tz_dp_warn(struct dp_ctx *c, const char *kind, size_t li, size_t b, size_t e,
		const char *reading, const char *detail)
{
	tz_dp_warn_text(c, kind, li, b, tz_dp_dup(c, li, b, e, DP_DUP_TRIM), reading, detail);
}

struct wsort {
	struct dp_wkey key;
	size_t seq;
	struct tz_doc_warning w;
};

static int wsort_cmp(const void *pa, const void *pb)
{
	const struct wsort *a = pa, *b = pb;

	if (a->key.line != b->key.line)
		return a->key.line < b->key.line ? -1 : 1;
	if (a->key.off != b->key.off)
		return a->key.off < b->key.off ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Put the warnings in the order of the text (stable: ties keep the order
 * in which the stages found them). */
static void sort_warnings(struct dp_ctx *c)
{
	struct tz_doc *d = c->doc;
	struct wsort *v;

	if (d->nwarnings < 2)
		return;
	v = tz_xmalloc(tz_st_mult(d->nwarnings, sizeof(*v)));
	for (size_t i = 0; i < d->nwarnings; i++) {
		v[i].key = c->wkeys[i];
		v[i].seq = i;
		v[i].w = d->warnings[i];
	}
	qsort(v, d->nwarnings, sizeof(*v), wsort_cmp);
	for (size_t i = 0; i < d->nwarnings; i++) {
		d->warnings[i] = v[i].w;
		c->wkeys[i] = v[i].key;
	}
	free(v);
}

/* ------------------------------------------------------------------ */
/* Input checks                                                        */

/*
 * Reject what is not a text document: NUL bytes (binary files, UTF-16),
 * or many control characters. Returns 0 or TZ_EINVAL with err set.
 */
static int check_bytes(const char *data, size_t len, struct tz_err *err)
{
	size_t ctrl = 0, sample = len < (1u << 20) ? len : (1u << 20);

	if (len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
			 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF)))
		return tz_err_set(err, TZ_EINVAL,
				  "不支持UTF-16编码的文件，请另存为UTF-8或GBK文本");
	if (memchr(data, '\0', len))
		return tz_err_set(err, TZ_EINVAL,
				  "这不是文本文件（含有二进制数据），无法读取");
	for (size_t i = 0; i < sample; i++) {
		unsigned char ch = (unsigned char)data[i];

		if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f')
			ctrl++;
	}
	if (ctrl * 100 > sample || (ctrl && sample < 100))
		return tz_err_set(err, TZ_EINVAL,
				  "这不是文本文件（含有大量控制字符），无法读取");
	return 0;
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */

void tz_doc_free(struct tz_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->ntasks; i++) {
		free(doc->tasks[i].lead);
		free(doc->tasks[i].responsible);
	}
	free(doc->tasks);
	free(doc->figures);
	free(doc->warnings);
	tz_arena_free(doc->arena);
	free(doc);
}

int tz_docparse(const char *data, size_t len, struct tz_doc **out, struct tz_err *err)
{
	struct dp_ctx c;
	struct tz_doc *d;
	struct tz_buf utf8 = TZ_BUF_INIT, text = TZ_BUF_INIT;
	enum tz_encoding enc = TZ_ENC_UNKNOWN;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	if (len > TZ_LIMIT_DOC)
		return tz_err_set(err, TZ_ETOOBIG, "文件过大（%zu字节），超过%u MB的上限",
				  len, TZ_LIMIT_DOC / (1024u * 1024u));
	if (tz_text_is_blank(data, len))
		return tz_err_set(err, TZ_EINVAL, "文件为空，没有可读取的内容");
	rc = check_bytes(data, len, err);
	if (rc)
		return rc;
	/* A page saved or cut off in the middle of a UTF-8 character: drop
	 * the incomplete character rather than reject the whole text. */
	if (len > 1 && (unsigned char)data[len - 1] >= 0x80) {
		size_t k = len - 1, back = 0;

		while (k > 0 && back < 3 && ((unsigned char)data[k] & 0xC0) == 0x80)
			k--, back++;
		{
			unsigned char lead = (unsigned char)data[k];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

			if (lead >= 0xC0 && len - k < need && tz_utf8_valid(data, k))
				len = k;
		}
	}
	tz_buf_init(&utf8, TZ_LIMIT_DOC * 2u); /* GBK grows by half in UTF-8 */
	rc = tz_text_to_utf8(data, len, &utf8, &enc, err);
	if (rc)
		goto fail; /* err says which byte is neither UTF-8 nor GBK */
	d = tz_xcalloc(1, sizeof(*d));
	d->arena = tz_arena_new();
	d->encoding = enc == TZ_ENC_GB18030 ? "GBK" : "UTF-8";
	c.doc = d;
	c.arena = d->arena;
	c.title_line = DP_NONE;
	c.cat_title_line = DP_NONE;
	if (tz_dp_is_html(utf8.buf, utf8.len)) {
		tz_buf_init(&text, TZ_LIMIT_DOC * 2u);
		rc = tz_dp_html_strip(utf8.buf, utf8.len, &text, &c.src_nl, &c.nsrc_nl);
		if (rc) {
			rc = tz_err_set(err, TZ_ETOOBIG, "文件过大");
			tz_doc_free(d);
			goto fail;
		}
		tz_buf_release(&utf8);
		d->html = 1;
		c.html = 1;
		c.text = text.buf;
		c.text_len = text.len;
	} else {
		c.text = utf8.buf;
		c.text_len = utf8.len;
	}
	if (tz_text_is_blank(c.text, c.text_len)) {
		rc = tz_err_set(err, TZ_EINVAL, "文件中没有文字内容");
		tz_doc_free(d);
		goto fail;
	}

	tz_dp_lines(&c);
	d->nlines = c.html ? (long)c.nsrc_nl + 1 : (long)c.nlines;
	tz_dp_classify(&c);
	tz_dp_catalogue(&c);
	tz_dp_scan_spam(&c);
	tz_dp_layout(&c);
	tz_dp_tasks(&c);
	tz_dp_title(&c);
	tz_dp_figures(&c);
	tz_dp_meta(&c);
	if (d->kind != TZ_DOC_WORK_PLAN)
		tz_dp_tasks_drop(&c);
	tz_dp_scan_dates(&c);
	tz_dp_scan_pii(&c);
	tz_dp_checks(&c);
	if (d->kind != TZ_DOC_BULLETIN)
		tz_dp_figures_drop(&c);
	sort_warnings(&c);

	/* The text buffers are no longer needed: strings live in the arena. */
	free(c.lines);
	free(c.spam);
	free(c.wkeys);
	free(c.figs);
	free(c.src_nl);
	tz_buf_release(&utf8);
	tz_buf_release(&text);
	*out = d;
	return 0;

fail:
	free(c.src_nl);
	tz_buf_release(&utf8);
	tz_buf_release(&text);
	return rc;
}
