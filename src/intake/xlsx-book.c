/*
 * xlsx-book.c: the workbook-level parts of an XLSX package that the sheet
 * reader needs: which part is the first worksheet (workbook.xml and its
 * relationships, never assuming "sheet1.xml"), the date system, which
 * cell styles show dates (styles.xml) and the shared strings.
 */
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

/*
 * Shared strings are held in memory (the sheet refers to them by index in
 * any order); this caps them so that a hostile file fails cleanly.
 */
#define XLSX_SST_MAX (256u * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* Relationships                                                       */

struct rel {
	char *id, *type, *target;
};

struct rels {
	struct rel *v;
	size_t n, alloc;
};

static void rels_release(struct rels *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].id);
		free(rs->v[i].type);
		free(rs->v[i].target);
	}
	free(rs->v);
	memset(rs, 0, sizeof(*rs));
}

static void rels_add(struct rels *rs, struct xlsx_xml *x)
{
	const char *id = xlsx_xml_attr(x, "Id");
	char *idc = tz_xstrdup(id ? id : "");
	const char *type = xlsx_xml_attr(x, "Type");
	char *typec = tz_xstrdup(type ? type : "");
	const char *target = xlsx_xml_attr(x, "Target");
	struct rel *r;

	TZ_ALLOC_GROW(rs->v, rs->n + 1, rs->alloc);
	r = &rs->v[rs->n++];
	r->id = idc;
	r->type = typec;
	r->target = tz_xstrdup(target ? target : "");
}

/* Read the relationships in `part`; a missing part leaves rs empty. */
static int rels_load(struct rels *rs, zip_t *zip, const char *path, const char *part,
		     struct tz_err *err)
{
	struct xlsx_xml x;
	int rc;

	rc = xlsx_xml_open(&x, zip, path, part, err);
	if (rc)
		return rc == TZ_ENOTFOUND ? 0 : rc;
	while ((rc = xlsx_xml_next(&x, 0, err)) == 1)
		if (xlsx_xml_start(&x, "Relationship"))
			rels_add(rs, &x);
	xlsx_xml_close(&x);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* By relationship type, compared by its last segment so that both the
 * transitional and the strict OOXML namespaces match. */
static const struct rel *rels_by_type(const struct rels *rs, const char *suffix)
{
	for (size_t i = 0; i < rs->n; i++)
		if (ends_with(rs->v[i].type, suffix))
			return &rs->v[i];
	return NULL;
}

static const struct rel *rels_by_id(const struct rels *rs, const char *id)
{
	for (size_t i = 0; i < rs->n; i++)
		if (!strcmp(rs->v[i].id, id))
			return &rs->v[i];
	return NULL;
}

/* Append `path` to `out` resolving "." and ".." segments. */
static void normalise(struct tz_buf *out, const char *path)
{
	for (const char *p = path; *p;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 2 && !memcmp(p, "..", 2)) {
			char *last = strrchr(out->buf, '/');
			tz_buf_setlen(out, last ? (size_t)(last - out->buf) : 0);
		} else if (n && !(n == 1 && p[0] == '.')) {
			if (out->len)
				tz_buf_addch(out, '/');
			tz_buf_add(out, p, n);
		}
		p += n + (slash ? 1 : 0);
	}
}

/*
 * The part a relationship target names, relative to the directory `dir`
 * of the part that holds the relationship ("" for the package root), or
 * absolute ("/xl/worksheets/sheet1.xml"). Caller frees.
 */
static char *resolve(const char *dir, const char *target)
{
	struct tz_buf joined = TZ_BUF_INIT, out = TZ_BUF_INIT;

	if (target[0] == '/')
		tz_buf_adds(&joined, target + 1);
	else
		tz_buf_addf(&joined, "%s/%s", dir, target);
	normalise(&out, joined.buf);
	tz_buf_release(&joined);
	return tz_buf_detach(&out, NULL);
}

/* "xl/workbook.xml" → "xl"; caller frees. */
static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');

	return tz_xstrndup(part, slash ? (size_t)(slash - part) : 0);
}

/* "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; caller frees. */
static char *rels_part_of(const char *part)
{
	struct tz_buf b = TZ_BUF_INIT;
	const char *slash = strrchr(part, '/');

	if (slash)
		tz_buf_add(&b, part, (size_t)(slash - part) + 1);
	tz_buf_addf(&b, "_rels/%s.rels", slash ? slash + 1 : part);
	return tz_buf_detach(&b, NULL);
}

/* ------------------------------------------------------------------ */
/* Number formats                                                      */

/*
 * Built-in number formats that show a date. 14-17 and 22 are the
 * international dates (17 is "mmm-yy"); 27-31, 36, 50-54 and 57-58 the
 * East Asian ones, in zh-CN "yyyy年m月" (27, 36, 50, 52, 57) or "m月d日",
 * "yyyy年m月d日". The built-in time-only formats (18-21, 45-47, and
 * 32-35, 55-56 which are "h时mm分" in zh-CN) are not dates: their values
 * stay numbers.
 */
static enum xlsx_date_kind builtin_date_kind(long id)
{
	if (id == 17 || id == 27 || id == 36 || id == 50 || id == 52 || id == 57)
		return XLSX_DATE_MONTH;
	if ((id >= 14 && id <= 16) || id == 22 || (id >= 28 && id <= 31) || id == 51 ||
	    id == 53 || id == 54 || id == 58)
		return XLSX_DATE_DAY;
	return XLSX_NOT_DATE;
}

/*
 * A custom format shows a date if, outside quoted text, escapes and
 * [brackets] (colours, locales), it has a year or a day part, or a month
 * part with no hours or seconds beside it ("mm" means minutes in "h:mm",
 * "mm:ss" and after an elapsed "[h]"). One with a year and a month but no
 * day ("yyyy-mm", "yyyy年m月") shows a month.
 */
enum xlsx_date_kind xlsx_format_date_kind(const char *code)
{
	int y = 0, d = 0, m = 0, hs = 0;

	for (const char *p = code; *p; p++) {
		switch (*p) {
		case '"':
			while (p[1] && p[1] != '"')
				p++;
			if (p[1])
				p++;
			break;
		case '[':
			/* [h], [mm], [ss]: elapsed time */
			if (strchr("hHmMsS", p[1] ? p[1] : '-'))
				hs = 1;
			while (p[1] && p[1] != ']')
				p++;
			if (p[1])
				p++;
			break;
		case '\\': case '_': case '*':
			if (p[1])
				p++;
			break;
		case 'y': case 'Y': y = 1; break;
		case 'd': case 'D': d = 1; break;
		case 'm': case 'M': m = 1; break;
		case 'h': case 'H': case 's': case 'S': hs = 1; break;
		default: break;
		}
	}
	if (y && m && !d && !hs)
		return XLSX_DATE_MONTH;
	return y || d || (m && !hs) ? XLSX_DATE_DAY : XLSX_NOT_DATE;
}

/* ------------------------------------------------------------------ */
/* The parts                                                           */

static long attr_long(struct xlsx_xml *x, const char *name, long dflt)
{
	const char *v = xlsx_xml_attr(x, name);
	char *end;
	long n;

	if (!v || !*v)
		return dflt;
	n = strtol(v, &end, 10);
	return *end ? dflt : n;
}

/* The custom formats that show dates, by numFmtId. */
struct date_fmts {
	long *ids;
	unsigned char *kinds;
	size_t n, alloc;
};

static enum xlsx_date_kind fmt_date_kind(const struct date_fmts *f, long id)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->ids[i] == id)
			return (enum xlsx_date_kind)f->kinds[i];
	return id < 164 ? builtin_date_kind(id) : XLSX_NOT_DATE;
}

/* One <numFmt> or cellXfs <xf> of styles.xml. */
static void style_node(struct xlsx_book *bk, struct xlsx_xml *x, struct date_fmts *f,
		       int in_xfs, size_t *axf)
{
	if (xlsx_xml_start(x, "numFmt")) {
		const char *code = xlsx_xml_attr(x, "formatCode");
		enum xlsx_date_kind kind = code ? xlsx_format_date_kind(code) : XLSX_NOT_DATE;
		size_t alloc = f->alloc;

		/* Kept even when not a date: it may redefine a built-in id. */
		TZ_ALLOC_GROW(f->ids, f->n + 1, f->alloc);
		TZ_ALLOC_GROW(f->kinds, f->n + 1, alloc);
		f->kinds[f->n] = (unsigned char)kind;
		f->ids[f->n++] = attr_long(x, "numFmtId", -1);
	} else if (in_xfs && xlsx_xml_start(x, "xf")) {
		TZ_ALLOC_GROW(bk->xf_date, bk->nxf + 1, *axf);
		bk->xf_date[bk->nxf++] = (unsigned char)fmt_date_kind(f, attr_long(x, "numFmtId", 0));
	}
}

/* styles.xml: per cellXfs entry, whether it is a date. numFmts precedes
 * cellXfs in the schema, so one pass suffices. */
static int load_styles(struct xlsx_book *bk, zip_t *zip, const char *path, const char *part,
		       struct tz_err *err)
{
	struct date_fmts f = { 0 };
	struct xlsx_xml x;
	size_t axf = 0;
	int rc, in_xfs = 0;

	rc = xlsx_xml_open(&x, zip, path, part, err);
	if (rc)
		return rc == TZ_ENOTFOUND ? 0 : rc;
	while ((rc = xlsx_xml_next(&x, 0, err)) == 1) {
		if (xlsx_xml_start(&x, "cellXfs") && !xlsx_xml_empty(&x))
			in_xfs = 1;
		else if (xlsx_xml_end(&x, "cellXfs"))
			in_xfs = 0;
		else
			style_node(bk, &x, &f, in_xfs, &axf);
	}
	xlsx_xml_close(&x);
	free(f.ids);
	free(f.kinds);
	return rc;
}

static int sst_push(struct xlsx_book *bk, const struct tz_buf *raw, const char *path,
		    struct tz_err *err)
{
	TZ_ALLOC_GROW(bk->sst_off, bk->nsst + 1, bk->asst);
	bk->sst_off[bk->nsst++] = bk->sst.len;
	if (xlsx_unescape(&bk->sst, raw->buf, raw->len) || tz_buf_addch(&bk->sst, '\0'))
		return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
				     "共享字符串超过%u MB，请另存为CSV再导入",
				     XLSX_SST_MAX / (1024 * 1024));
	return 0;
}

/* Track where we are in <si>: the text of <t> counts, except inside
 * <rPh> (phonetic guides). */
struct sst_state {
	struct tz_buf raw;
	int in_t, in_rph;
};

static int sst_node(struct xlsx_book *bk, struct xlsx_xml *x, struct sst_state *s,
		    const char *path, struct tz_err *err)
{
	if (xlsx_xml_start(x, "si")) {
		tz_buf_reset(&s->raw);
		s->in_t = s->in_rph = 0;
		if (xlsx_xml_empty(x))
			return sst_push(bk, &s->raw, path, err);
	} else if (xlsx_xml_end(x, "si")) {
		return sst_push(bk, &s->raw, path, err);
	} else if (xlsx_xml_start(x, "rPh") && !xlsx_xml_empty(x)) {
		s->in_rph = 1;
	} else if (xlsx_xml_end(x, "rPh")) {
		s->in_rph = 0;
	} else if (xlsx_xml_start(x, "t") && !xlsx_xml_empty(x)) {
		s->in_t = 1;
	} else if (xlsx_xml_end(x, "t")) {
		s->in_t = 0;
	} else if (s->in_t && !s->in_rph && xlsx_xml_is_text(x)) {
		if (tz_buf_adds(&s->raw, xlsx_xml_text(x)))
			return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
					     "共享字符串中有超过%u字节的文本", TZ_LIMIT_FIELD);
	}
	return 0;
}

static int load_strings(struct xlsx_book *bk, zip_t *zip, const char *path, const char *part,
			struct tz_err *err)
{
	struct sst_state s = { TZ_BUF_INIT, 0, 0 };
	struct xlsx_xml x;
	int rc;

	tz_buf_init(&s.raw, TZ_LIMIT_FIELD);
	rc = xlsx_xml_open(&x, zip, path, part, err);
	if (rc)
		return rc == TZ_ENOTFOUND ? 0 : rc;
	while ((rc = xlsx_xml_next(&x, 0, err)) == 1)
		if ((rc = sst_node(bk, &x, &s, path, err)))
			break;
	xlsx_xml_close(&x);
	tz_buf_release(&s.raw);
	return rc;
}

/* workbook.xml: the r:id of the first <sheet>, and the date system. */
static int load_workbook(struct xlsx_book *bk, zip_t *zip, const char *path, const char *part,
			 char **rid, struct tz_err *err)
{
	struct xlsx_xml x;
	int rc;

	rc = xlsx_xml_open(&x, zip, path, part, err);
	if (rc == TZ_ENOTFOUND)
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "不是有效的XLSX文件：缺少工作簿（%s）", part);
	if (rc)
		return rc;
	while ((rc = xlsx_xml_next(&x, 0, err)) == 1) {
		if (xlsx_xml_start(&x, "workbookPr")) {
			const char *v = xlsx_xml_attr(&x, "date1904");
			bk->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
		} else if (!*rid && xlsx_xml_start(&x, "sheet")) {
			const char *v = xlsx_xml_attr(&x, "id");
			*rid = tz_xstrdup(v ? v : "");
		}
	}
	xlsx_xml_close(&x);
	if (!rc && !*rid)
		rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL, "工作簿中没有工作表");
	return rc;
}

/* The workbook part named by the package relationships. Caller frees. */
static int find_workbook(zip_t *zip, const char *path, char **out, struct tz_err *err)
{
	struct rels rs = { 0 };
	const struct rel *r;
	int rc;

	if ((rc = rels_load(&rs, zip, path, "_rels/.rels", err))) {
		rels_release(&rs); /* what was read before the error */
		return rc;
	}
	r = rels_by_type(&rs, "/officeDocument");
	*out = r ? resolve("", r->target) : tz_xstrdup("xl/workbook.xml");
	rels_release(&rs);
	return 0;
}

/* The parts the workbook's relationships name. */
static int load_related(struct xlsx_book *bk, zip_t *zip, const char *path, const char *wb,
			const char *rid, struct tz_err *err)
{
	struct rels rs = { 0 };
	char *dir = dir_of(wb), *rels = rels_part_of(wb), *part = NULL;
	const struct rel *r;
	int rc;

	if ((rc = rels_load(&rs, zip, path, rels, err)))
		goto out;
	r = rels_by_id(&rs, rid);
	if (!r) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				   "不是有效的XLSX文件：找不到第一个工作表（%s）", rid);
		goto out;
	}
	bk->sheet_part = resolve(dir, r->target);
	r = rels_by_type(&rs, "/styles");
	part = r ? resolve(dir, r->target) : NULL;
	if (part && (rc = load_styles(bk, zip, path, part, err)))
		goto out;
	free(part);
	r = rels_by_type(&rs, "/sharedStrings");
	part = r ? resolve(dir, r->target) : NULL;
	if (part && (rc = load_strings(bk, zip, path, part, err)))
		goto out;
out:
	free(part);
	free(rels);
	free(dir);
	rels_release(&rs);
	return rc;
}

int xlsx_book_load(struct xlsx_book *bk, zip_t *zip, const char *path, struct tz_err *err)
{
	char *wb = NULL, *rid = NULL;
	int rc;

	memset(bk, 0, sizeof(*bk));
	tz_buf_init(&bk->sst, XLSX_SST_MAX);
	if ((rc = find_workbook(zip, path, &wb, err)))
		goto out;
	if ((rc = load_workbook(bk, zip, path, wb, &rid, err)))
		goto out;
	rc = load_related(bk, zip, path, wb, rid, err);
out:
	free(rid);
	free(wb);
	return rc;
}

void xlsx_book_release(struct xlsx_book *bk)
{
	free(bk->sheet_part);
	free(bk->xf_date);
	free(bk->sst_off);
	tz_buf_release(&bk->sst);
	memset(bk, 0, sizeof(*bk));
}

const char *xlsx_book_string(const struct xlsx_book *bk, size_t i, size_t *len)
{
	size_t end;

	if (i >= bk->nsst)
		return NULL;
	end = i + 1 < bk->nsst ? bk->sst_off[i + 1] - 1 : bk->sst.len - 1;
	*len = end - bk->sst_off[i];
	return bk->sst.buf + bk->sst_off[i];
}

enum xlsx_date_kind xlsx_book_style_date(const struct xlsx_book *bk, long s)
{
	if (s < 0 || (size_t)s >= bk->nxf)
		return XLSX_NOT_DATE;
	return (enum xlsx_date_kind)bk->xf_date[s];
}
