/*
 * xls-biff.c: BIFF records and strings, and the workbook globals of an
 * Excel 97-2003 (BIFF8) or Excel 5.0/95 (BIFF5) workbook: sheets with
 * their visibility and offsets (BOUNDSHEET), the shared strings (SST,
 * whose strings may be split across CONTINUE records, switching between
 * 8-bit and 16-bit characters at the split), number formats (FORMAT) and
 * cell formats (XF), the date system (DATEMODE) and the code page of
 * BIFF5 byte strings (CODEPAGE). An encrypted workbook (FILEPASS) is
 * refused. Every count is capped by what is kept (base/limits.h).
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/numfmt.h"
#include "intake/reader-internal.h"
#include "intake/xls-internal.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Records                                                             */

int biff_seek(struct biff_in *b, uint32_t offset, struct tz_err *err)
{
	b->held = 0;
	b->count = 0;
	if ((gsf_off_t)offset + 4 > gsf_input_size(b->in) ||
	    gsf_input_seek(b->in, offset, G_SEEK_SET))
		return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				     "Excel 97-2003 文件已损坏：工作表位置（%u）超出文件", offset);
	return 0;
}

int biff_next(struct biff_in *b, struct tz_err *err)
{
	uint8_t head[4];

	if (b->held) {
		b->held = 0;
		return 1;
	}
	if (gsf_input_remaining(b->in) < 4)
		return 0;
	if (!gsf_input_read(b->in, 4, head))
		return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				     "Excel 97-2003 文件已损坏：无法读取记录");
	b->type = biff_u16(head);
	b->len = biff_u16(head + 2);
	if (b->len && !gsf_input_read(b->in, b->len, b->data))
		return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				     "Excel 97-2003 文件已损坏：记录（0x%04X）被截断", b->type);
	if (++b->count > TZ_LIMIT_XLS_RECORDS)
		return tz_err_set_at(err, TZ_ETOOBIG, b->path, 0, NULL,
				     "Excel 97-2003 文件的一个工作表超过%u条记录，文件可能是恶意构造的",
				     TZ_LIMIT_XLS_RECORDS);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */

/* UTF-16 code units to UTF-8; a lone surrogate becomes U+FFFD, U+0000 a
 * NUL byte (the cell is refused by the import, never cut short). */
static int utf16_out(struct tz_buf *out, const uint16_t *u, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned cp = u[i];
		int rc;

		if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00 &&
		    u[i + 1] <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (u[i + 1] - 0xDC00u);
			i++;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			cp = 0xFFFD;
		}
		/* A NUL is kept (tz_buf_add_utf8 would write nothing): the
		 * import refuses a cell holding one, as in a CSV or XLSX. */
		if ((rc = cp ? tz_buf_add_utf8(out, cp) : tz_buf_addch(out, '\0')))
			return rc;
	}
	return 0;
}

int xls_chars(struct tz_buf *out, const uint8_t *p, size_t n, int high)
{
	uint16_t u[256];
	int rc;

	while (n) {
		size_t k = n < 256 ? n : 256;

		for (size_t i = 0; i < k; i++)
			u[i] = high ? biff_u16(p + 2 * i) : p[i];
		if ((rc = utf16_out(out, u, k)))
			return rc;
		p += high ? 2 * k : k;
		n -= k;
	}
	return 0;
}

/* BIFF5 bytes in the workbook's code page. */
static int codepage_out(struct xls_book *bk, struct tz_buf *out, const uint8_t *p, size_t n)
{
	char *in = (char *)p;
	size_t left = n;

	if (!bk->iconv_cd)
		return xls_chars(out, p, n, 0);
	iconv((iconv_t)bk->iconv_cd, NULL, NULL, NULL, NULL);
	while (left) {
		char buf[1024], *o = buf;
		size_t oleft = sizeof(buf);
		size_t rc = iconv((iconv_t)bk->iconv_cd, &in, &left, &o, &oleft);

		if (tz_buf_add(out, buf, (size_t)(o - buf)))
			return TZ_ETOOBIG;
		if (rc == (size_t)-1 && errno != E2BIG) {
			/* A byte the code page lacks: show it as U+FFFD, go on. */
			if (tz_buf_add_utf8(out, 0xFFFD))
				return TZ_ETOOBIG;
			in++;
			left--;
		}
	}
	return 0;
}

size_t xls_string(struct xls_book *bk, const uint8_t *p, size_t avail, int wide_count,
		  struct tz_buf *out)
{
	size_t cch, pos = wide_count ? 2 : 1, runs = 0, ext = 0, need;
	int flags;

	if (avail < pos)
		return 0;
	cch = wide_count ? biff_u16(p) : p[0];
	if (bk->biff < 8) {
		if (avail < pos + cch || codepage_out(bk, out, p + pos, cch))
			return 0;
		return pos + cch;
	}
	if (avail < pos + 1)
		return cch ? 0 : pos;
	flags = p[pos++];
	if (flags & 8) {
		if (avail < pos + 2)
			return 0;
		runs = 4u * biff_u16(p + pos);
		pos += 2;
	}
	if (flags & 4) {
		if (avail < pos + 4)
			return 0;
		ext = biff_u32(p + pos);
		pos += 4;
	}
	need = (flags & 1) ? 2 * cch : cch;
	if (avail < pos + need || xls_chars(out, p + pos, cch, flags & 1))
		return 0;
	pos += need;
	/* Formatting runs and phonetic data are not text. */
	return pos + runs + ext <= avail ? pos + runs + ext : avail;
}

/* ------------------------------------------------------------------ */
/* The shared strings (SST + CONTINUE)                                 */

/* The SST and its CONTINUE records as one byte array with the offsets
 * where each record begins. */
struct cursor {
	struct tz_buf cat;
	size_t *bounds;
	size_t nbounds, abounds;
	size_t pos, b;
};

static int cur_bytes(struct cursor *c, size_t n, const uint8_t **p)
{
	if (c->cat.len - c->pos < n)
		return 0;
	*p = (const uint8_t *)c->cat.buf + c->pos;
	c->pos += n;
	return 1;
}

/* Offset of the first record boundary after pos (or the end). */
static size_t next_bound(struct cursor *c)
{
	while (c->b < c->nbounds && c->bounds[c->b] <= c->pos)
		c->b++;
	return c->b < c->nbounds ? c->bounds[c->b] : c->cat.len;
}

/* 1 if pos is exactly at the start of a CONTINUE record. */
static int at_bound(struct cursor *c)
{
	for (size_t i = c->b > 0 ? c->b - 1 : 0; i < c->nbounds && c->bounds[i] <= c->pos; i++)
		if (c->bounds[i] == c->pos)
			return 1;
	return 0;
}

/* One XLUnicodeRichExtendedString. 1, or 0 if the data ends inside it. */
static int sst_string(struct cursor *c, struct tz_buf *out, uint16_t *units)
{
	const uint8_t *p;
	size_t cch, runs = 0, ext = 0, n = 0;
	int flags, high;

	if (!cur_bytes(c, 3, &p))
		return 0;
	cch = biff_u16(p);
	flags = p[2];
	high = flags & 1;
	if (flags & 8) {
		if (!cur_bytes(c, 2, &p))
			return 0;
		runs = 4u * biff_u16(p);
	}
	if (flags & 4) {
		if (!cur_bytes(c, 4, &p))
			return 0;
		ext = biff_u32(p);
	}
	while (n < cch) {
		size_t avail, k;

		/* Characters continued in the next record start with a flags
		 * byte: the width may change there. */
		if (at_bound(c)) {
			if (!cur_bytes(c, 1, &p))
				return 0;
			high = p[0] & 1;
		}
		avail = next_bound(c) - c->pos;
		k = high ? avail / 2 : avail;
		if (k > cch - n)
			k = cch - n;
		if (!k)
			return 0;
		if (!cur_bytes(c, high ? 2 * k : k, &p))
			return 0;
		for (size_t i = 0; i < k; i++)
			units[n + i] = high ? biff_u16(p + 2 * i) : p[i];
		n += k;
	}
	if (c->cat.len - c->pos < runs + ext)
		return 0;
	c->pos += runs + ext;
	return utf16_out(out, units, cch) == 0;
}

static int sst_too_big(const char *path, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
			     "共享字符串超过%u个或%u MB，文件可能是恶意构造的；如确为正常数据，"
			     "请另存为CSV再导入", TZ_LIMIT_SST_STRINGS,
			     TZ_LIMIT_SST_BYTES / (1024 * 1024));
}

/* The SST record just read and the CONTINUE records after it. */
static int load_sst(struct xls_book *bk, struct biff_in *b, struct tz_err *err)
{
	struct cursor c = { TZ_BUF_INIT, NULL, 0, 0, 0, 0 };
	uint16_t *units = tz_xmalloc(65536 * sizeof(*units));
	size_t asst = 0;
	int rc = 0;

	tz_buf_init(&c.cat, TZ_LIMIT_SST_BYTES);
	if (b->len < 8) {
		rc = tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				   "Excel 97-2003 文件已损坏：共享字符串表不完整");
		goto out;
	}
	/* The declared counts are not trusted (writers get them wrong): the
	 * strings are read until the records end, within the caps. */
	tz_buf_add(&c.cat, b->data + 8, b->len - 8);
	while ((rc = biff_next(b, err)) == 1 && b->type == BIFF_CONTINUE) {
		TZ_ALLOC_GROW(c.bounds, c.nbounds + 1, c.abounds);
		c.bounds[c.nbounds++] = c.cat.len;
		if (tz_buf_add(&c.cat, b->data, b->len)) {
			rc = sst_too_big(b->path, err);
			goto out;
		}
	}
	if (rc < 0)
		goto out;
	if (rc == 1)
		biff_hold(b);
	rc = 0;
	while (c.pos < c.cat.len) {
		if (bk->nsst >= TZ_LIMIT_SST_STRINGS) {
			rc = sst_too_big(b->path, err);
			goto out;
		}
		TZ_ALLOC_GROW(bk->sst_off, bk->nsst + 1, asst);
		bk->sst_off[bk->nsst++] = (uint32_t)bk->sst.len;
		if (!sst_string(&c, &bk->sst, units))
			break;  /* cut short: keep the strings before */
		if (tz_buf_addch(&bk->sst, '\0')) {
			rc = sst_too_big(b->path, err);
			goto out;
		}
	}
	/* An entry started but not read is dropped. */
	if (bk->nsst && bk->sst_off[bk->nsst - 1] == bk->sst.len)
		bk->nsst--;
out:
	free(units);
	free(c.bounds);
	tz_buf_release(&c.cat);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Formats                                                             */

static uint32_t format_index(struct xls_book *bk, uint16_t id)
{
	const char *code = NULL;

	for (size_t i = 0; i < bk->nfmts; i++)
		if (bk->fmt_ids[i] == id)
			return (uint32_t)i;
	for (size_t i = bk->ncustom; i-- > 0;) {
		if (bk->custom_ids[i] == id) {
			code = bk->custom_codes[i];
			break;
		}
	}
	if (!code)
		code = tz_numfmt_builtin(id);
	if (!code)
		return 0;
	bk->fmts = tz_xrealloc(bk->fmts, (bk->nfmts + 1) * sizeof(*bk->fmts));
	bk->fmt_ids = tz_xrealloc(bk->fmt_ids, (bk->nfmts + 1) * sizeof(*bk->fmt_ids));
	bk->fmts[bk->nfmts] = tz_numfmt_new(code);
	bk->fmt_ids[bk->nfmts] = id;
	return (uint32_t)bk->nfmts++;
}

const struct tz_numfmt *xls_book_format(struct xls_book *bk, uint16_t xf)
{
	return xf < bk->nxf ? bk->fmts[bk->xf_fmt[xf]] : bk->fmts[0];
}

const char *xls_book_string(const struct xls_book *bk, uint32_t i, size_t *len)
{
	size_t end;

	if (i >= bk->nsst)
		return NULL;
	end = i + 1 < bk->nsst ? bk->sst_off[i + 1] - 1 : bk->sst.len - 1;
	*len = end - bk->sst_off[i];
	return bk->sst.buf + bk->sst_off[i];
}

/* ------------------------------------------------------------------ */
/* The globals                                                         */

static int corrupt(struct biff_in *b, const char *what, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL, "Excel 97-2003 文件已损坏：%s", what);
}

static void set_codepage(struct xls_book *bk, unsigned cp)
{
	char name[32];
	iconv_t cd;

	bk->codepage = cp;
	if (bk->iconv_cd)
		iconv_close((iconv_t)bk->iconv_cd);
	bk->iconv_cd = NULL;
	if (cp == 1200 || cp == 367)
		return;
	if (cp == 936)
		snprintf(name, sizeof(name), "GB18030");
	else if (cp == 32768 || cp == 10000)
		snprintf(name, sizeof(name), "MACINTOSH");
	else if (cp == 32769)
		snprintf(name, sizeof(name), "CP1252");
	else
		snprintf(name, sizeof(name), "CP%u", cp);
	cd = iconv_open("UTF-8", name);
	if (cd != (iconv_t)-1)
		bk->iconv_cd = cd;
}

static int add_sheet(struct xls_book *bk, struct tz_reader *r, struct biff_in *b,
		     struct tz_err *err)
{
	struct tz_buf name = TZ_BUF_INIT;
	unsigned state, type;

	if (b->len < 8)
		return corrupt(b, "工作表记录不完整", err);
	state = b->data[4] & 3;
	type = b->data[5];
	if (type == 6)
		return 0;  /* a VBA module, not a sheet */
	if (bk->nsheets >= TZ_LIMIT_SHEETS)
		return tz_err_set_at(err, TZ_ETOOBIG, b->path, 0, NULL, "工作表超过%u个",
				     TZ_LIMIT_SHEETS);
	tz_buf_init(&name, 1024);
	xls_string(bk, b->data + 6, b->len - 6, 0, &name);
	tz_reader_add_sheet(r, name.buf, name.len,
			    state == 2 ? TZ_SHEET_VERY_HIDDEN : state == 1 ? TZ_SHEET_HIDDEN
									 : TZ_SHEET_VISIBLE);
	tz_buf_release(&name);
	bk->sheet_pos = tz_xrealloc(bk->sheet_pos, (bk->nsheets + 1) * sizeof(*bk->sheet_pos));
	bk->sheet_pos[bk->nsheets++] = biff_u32(b->data);
	return 0;
}

static int add_format(struct xls_book *bk, struct biff_in *b, struct tz_err *err)
{
	struct tz_buf code = TZ_BUF_INIT;

	if (b->len < 3)
		return 0;
	if (bk->ncustom >= TZ_LIMIT_STYLES)
		return tz_err_set_at(err, TZ_ETOOBIG, b->path, 0, NULL, "数字格式超过%u个",
				     TZ_LIMIT_STYLES);
	tz_buf_init(&code, 4096);
	xls_string(bk, b->data + 2, b->len - 2, bk->biff >= 8, &code);
	bk->custom_ids = tz_xrealloc(bk->custom_ids, (bk->ncustom + 1) * sizeof(*bk->custom_ids));
	bk->custom_codes = tz_xrealloc(bk->custom_codes,
				       (bk->ncustom + 1) * sizeof(*bk->custom_codes));
	bk->custom_ids[bk->ncustom] = biff_u16(b->data);
	bk->custom_codes[bk->ncustom++] = tz_buf_detach(&code, NULL);
	return 0;
}

/* One record of the globals. 1 at their EOF. */
static int globals_record(struct xls_book *bk, struct tz_reader *r, struct biff_in *b,
			  uint16_t **xfs, size_t *axf, struct tz_err *err)
{
	switch (b->type) {
	case BIFF_EOF:
		return 1;
	case BIFF_FILEPASS:
		return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				     "无法导入：这个 Excel 97-2003 工作簿设置了密码（已加密），"
				     "请在 Excel 或 WPS 中取消密码后再导入");
	case BIFF_CODEPAGE:
		if (b->len >= 2)
			set_codepage(bk, biff_u16(b->data));
		return 0;
	case BIFF_DATEMODE:
		bk->date1904 = b->len >= 2 && biff_u16(b->data) == 1;
		return 0;
	case BIFF_BOUNDSHEET:
		return add_sheet(bk, r, b, err);
	case BIFF_FORMAT:
		return add_format(bk, b, err);
	case BIFF_XF:
		if (b->len < 4)
			return 0;
		if (bk->nxf >= TZ_LIMIT_STYLES)
			return tz_err_set_at(err, TZ_ETOOBIG, b->path, 0, NULL,
					     "单元格格式超过%u个", TZ_LIMIT_STYLES);
		TZ_ALLOC_GROW(*xfs, bk->nxf + 1, *axf);
		(*xfs)[bk->nxf++] = biff_u16(b->data + 2);
		return 0;
	case BIFF_SST:
		return bk->nsst ? 0 : load_sst(bk, b, err);
	default:
		return 0;
	}
}

int xls_book_load(struct xls_book *bk, struct tz_reader *r, struct biff_in *b,
		  struct tz_err *err)
{
	uint16_t *xfs = NULL;
	size_t axf = 0;
	unsigned vers, dt;
	int rc;

	memset(bk, 0, sizeof(*bk));
	tz_buf_init(&bk->sst, TZ_LIMIT_SST_BYTES);
	bk->fmts = tz_xmalloc(sizeof(*bk->fmts));
	bk->fmt_ids = tz_xmalloc(sizeof(*bk->fmt_ids));
	bk->fmts[0] = tz_numfmt_new("General");
	bk->fmt_ids[0] = 0;
	bk->nfmts = 1;
	if ((rc = biff_seek(b, 0, err)) || (rc = biff_next(b, err)) < 0)
		return rc;
	if (rc == 0 || b->type != BIFF_BOF || b->len < 4)
		return corrupt(b, "开头不是工作簿记录", err);
	vers = biff_u16(b->data);
	dt = biff_u16(b->data + 2);
	if (vers == 0x0600)
		bk->biff = 8;
	else if (vers == 0x0500)
		bk->biff = 5;
	else
		return tz_err_set_at(err, TZ_EINVAL, b->path, 0, NULL,
				     "无法导入：不支持的 Excel 版本（BIFF 0x%04X），"
				     "请在 Excel 中另存为 .xlsx", vers);
	if (dt != 0x0005)
		return corrupt(b, "开头不是工作簿记录", err);
	set_codepage(bk, bk->biff >= 8 ? 1200 : 1252);
	while ((rc = biff_next(b, err)) == 1) {
		if ((rc = globals_record(bk, r, b, &xfs, &axf, err)))
			break;
	}
	if (rc < 0)
		goto out;
	rc = 0;
	if (!bk->nsheets) {
		rc = corrupt(b, "没有工作表", err);
		goto out;
	}
	bk->xf_fmt = tz_xcalloc(bk->nxf + 1, sizeof(*bk->xf_fmt));
	for (size_t i = 0; i < bk->nxf; i++)
		bk->xf_fmt[i] = format_index(bk, xfs[i]);
out:
	free(xfs);
	return rc;
}

void xls_book_release(struct xls_book *bk)
{
	for (size_t i = 0; i < bk->nfmts; i++)
		tz_numfmt_free(bk->fmts[i]);
	for (size_t i = 0; i < bk->ncustom; i++)
		free(bk->custom_codes[i]);
	free(bk->fmts);
	free(bk->fmt_ids);
	free(bk->custom_ids);
	free(bk->custom_codes);
	free(bk->xf_fmt);
	free(bk->sheet_pos);
	free(bk->sst_off);
	tz_buf_release(&bk->sst);
	if (bk->iconv_cd)
		iconv_close((iconv_t)bk->iconv_cd);
	memset(bk, 0, sizeof(*bk));
}
