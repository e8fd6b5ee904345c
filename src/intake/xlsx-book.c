/*
 * xlsx-book.c: the workbook-level parts of an XLSX package that the sheet
 * reader needs: the sheets in workbook order with their names, visibility
 * and parts (workbook.xml and its relationships, never assuming
 * "sheet1.xml"), the date system, the number format of each cell style
 * (styles.xml) and the shared strings. Each is capped by what it keeps
 * (base/limits.h), since a few KB of XML can declare millions of entries.
 */
#include <stdlib.h>
#include <string.h>

#include "base/limits.h"
#include "base/xalloc.h"
#include "intake/numfmt.h"
#include "intake/reader-internal.h"
#include "intake/xlsx-internal.h"
#include "base/banned.h"

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
	while ((rc = xlsx_xml_next(&x, 0, err)) == 1) {
		if (!xlsx_xml_start(&x, "Relationship"))
			continue;
		if (rs->n >= TZ_LIMIT_RELS) {
			rc = tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
					   "不是有效的XLSX文件：%s中的关系超过%u个", part, TZ_LIMIT_RELS);
			break;
		}
		rels_add(rs, &x);
	}
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

/* The custom format codes of styles.xml, by numFmtId. */
struct custom_fmts {
	long *ids;
	char **codes;
	size_t n, alloc;
};

static void custom_release(struct custom_fmts *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->codes[i]);
	free(c->ids);
	free(c->codes);
}

/* The index in bk->fmts of format `id`, compiling it the first time. */
static uint32_t format_index(struct xlsx_book *bk, const struct custom_fmts *c, long id)
{
	const char *code = NULL;
	size_t alloc;

	for (size_t i = 0; i < bk->nfmts; i++)
		if (bk->fmt_ids[i] == id)
			return (uint32_t)i;
	/* A custom code may redefine a built-in id; the last one wins. */
	for (size_t i = c->n; i-- > 0;) {
		if (c->ids[i] == id) {
			code = c->codes[i];
			break;
		}
	}
	if (!code && id >= 0)
		code = tz_numfmt_builtin((unsigned)id);
	if (!code)
		return 0;
	alloc = bk->nfmts;
	bk->fmts = tz_xrealloc(bk->fmts, (alloc + 1) * sizeof(*bk->fmts));
	bk->fmt_ids = tz_xrealloc(bk->fmt_ids, (alloc + 1) * sizeof(*bk->fmt_ids));
	bk->fmts[bk->nfmts] = tz_numfmt_new(code);
	bk->fmt_ids[bk->nfmts] = id;
	return (uint32_t)bk->nfmts++;
}

static int too_many_styles(const char *path, const char *what, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL, "%s超过%u个（styles.xml），文件可能已损坏",
			     what, TZ_LIMIT_STYLES);
}

/* One <numFmt> or cellXfs <xf> of styles.xml. */
static int style_node(struct xlsx_book *bk, struct xlsx_xml *x, struct custom_fmts *c,
		      int in_xfs, size_t *axf, const char *path, struct tz_err *err)
{
	if (xlsx_xml_start(x, "numFmt")) {
		const char *code = xlsx_xml_attr(x, "formatCode");
		char *copy = tz_xstrdup(code ? code : "General");
		size_t alloc = c->alloc;

		if (c->n >= TZ_LIMIT_STYLES) {
			free(copy);
			return too_many_styles(path, "数字格式", err);
		}
		TZ_ALLOC_GROW(c->ids, c->n + 1, c->alloc);
		TZ_ALLOC_GROW(c->codes, c->n + 1, alloc);
		c->ids[c->n] = attr_long(x, "numFmtId", -1);
		c->codes[c->n++] = copy;
	} else if (in_xfs && xlsx_xml_start(x, "xf")) {
		if (bk->nxf >= TZ_LIMIT_STYLES)
			return too_many_styles(path, "单元格格式", err);
		TZ_ALLOC_GROW(bk->xf_fmt, bk->nxf + 1, *axf);
		bk->xf_fmt[bk->nxf++] = format_index(bk, c, attr_long(x, "numFmtId", 0));
	}
	return 0;
}

/* styles.xml: the number format of each cellXfs entry. numFmts precedes
 * cellXfs in the schema, so one pass suffices. */
static int load_styles(struct xlsx_book *bk, zip_t *zip, const char *path, const char *part,
		       struct tz_err *err)
{
	struct custom_fmts c = { 0 };
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
		else if ((rc = style_node(bk, &x, &c, in_xfs, &axf, path, err)))
			break;
	}
	xlsx_xml_close(&x);
	custom_release(&c);
	return rc;
}

static int sst_too_many(const char *path, struct tz_err *err)
{
	return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
			     "共享字符串超过%u个（sharedStrings.xml），文件可能是恶意构造的；"
			     "如确为正常数据，请另存为CSV再导入", TZ_LIMIT_SST_STRINGS);
}

static int sst_push(struct xlsx_book *bk, const struct tz_buf *raw, int marked, const char *path,
		    struct tz_err *err)
{
	if (bk->nsst >= TZ_LIMIT_SST_STRINGS)
		return sst_too_many(path, err);
	TZ_ALLOC_GROW(bk->sst_off, bk->nsst + 1, bk->asst);
	bk->sst_off[bk->nsst++] = (uint32_t)bk->sst.len | (marked ? XLSX_SST_MARKED : 0);
	if (xlsx_unescape(&bk->sst, raw->buf, raw->len) || tz_buf_addch(&bk->sst, '\0'))
		return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
				     "共享字符串超过%u MB，请另存为CSV再导入",
				     TZ_LIMIT_SST_BYTES / (1024 * 1024));
	return 0;
}

/* Track where we are in <si>: the text of <t> counts, except inside
 * <rPh> (phonetic guides). */
struct sst_state {
	struct tz_buf raw;
	int in_t, in_rph;
	int run_marked;  /* this <r>'s <rPr> says superscript, subscript, struck */
	int marked;      /* a marked run has text (XLSX_SST_MARKED) */
};

/* Whether a run property makes the run a mark, not the value: a
 * superscript or subscript (a footnote mark after 12.5) or a strike
 * (deleted text). Shared with the sheet's inline strings. */
int xlsx_run_marks(struct xlsx_xml *x)
{
	const char *v;

	if (xlsx_xml_start(x, "vertAlign"))
		return (v = xlsx_xml_attr(x, "val")) &&
		       (!strcmp(v, "superscript") || !strcmp(v, "subscript"));
	if (xlsx_xml_start(x, "strike"))
		return !(v = xlsx_xml_attr(x, "val")) ||
		       (strcmp(v, "0") && strcmp(v, "false"));
	return 0;
}

static int sst_node(struct xlsx_book *bk, struct xlsx_xml *x, struct sst_state *s,
		    const char *path, struct tz_err *err)
{
	if (xlsx_xml_start(x, "sst")) {
		/* A declared count past the cap fails at once, not after
		 * reading millions of entries. */
		const char *v = xlsx_xml_attr(x, "uniqueCount");

		if (v && strtoull(v, NULL, 10) > TZ_LIMIT_SST_STRINGS)
			return sst_too_many(path, err);
	} else if (xlsx_xml_start(x, "si")) {
		tz_buf_reset(&s->raw);
		s->in_t = s->in_rph = s->run_marked = s->marked = 0;
		if (xlsx_xml_empty(x))
			return sst_push(bk, &s->raw, 0, path, err);
	} else if (xlsx_xml_end(x, "si")) {
		return sst_push(bk, &s->raw, s->marked, path, err);
	} else if (xlsx_xml_start(x, "r")) {
		s->run_marked = 0;
	} else if (xlsx_run_marks(x)) {
		s->run_marked = 1;
	} else if (xlsx_xml_start(x, "rPh") && !xlsx_xml_empty(x)) {
		s->in_rph = 1;
	} else if (xlsx_xml_end(x, "rPh")) {
		s->in_rph = 0;
	} else if (xlsx_xml_start(x, "t") && !xlsx_xml_empty(x)) {
		s->in_t = 1;
	} else if (xlsx_xml_end(x, "t")) {
		s->in_t = 0;
	} else if (s->in_t && !s->in_rph && xlsx_xml_is_text(x)) {
		if (s->run_marked && *xlsx_xml_text(x))
			s->marked = 1;
		if (tz_buf_adds(&s->raw, xlsx_xml_text(x)))
			return tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
					     "共享字符串中有超过%u字节的文本", TZ_LIMIT_FIELD);
	}
	return 0;
}

static int load_strings(struct xlsx_book *bk, zip_t *zip, const char *path, const char *part,
			struct tz_err *err)
{
	struct sst_state s = { TZ_BUF_INIT, 0, 0, 0, 0 };
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

/* The r:id of each <sheet>, in workbook order. */
struct sheet_ids {
	char **v;
	size_t n, alloc;
};

static void ids_release(struct sheet_ids *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
}

static enum tz_sheet_state sheet_state(const char *v)
{
	if (v && !strcmp(v, "hidden"))
		return TZ_SHEET_HIDDEN;
	if (v && !strcmp(v, "veryHidden"))
		return TZ_SHEET_VERY_HIDDEN;
	return TZ_SHEET_VISIBLE;
}

/* workbook.xml: the sheets (into r's list and their r:ids), and the date
 * system. */
static int load_workbook(struct xlsx_book *bk, struct tz_reader *r, zip_t *zip, const char *path,
			 const char *part, struct sheet_ids *ids, struct tz_err *err)
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
		} else if (xlsx_xml_start(&x, "sheet")) {
			const char *name = xlsx_xml_attr(&x, "name");
			char *namec = tz_xstrdup(name ? name : "");
			enum tz_sheet_state st = sheet_state(xlsx_xml_attr(&x, "state"));
			const char *id = xlsx_xml_attr(&x, "id");

			if (ids->n >= TZ_LIMIT_SHEETS) {
				free(namec);
				rc = tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
						   "工作表超过%u个", TZ_LIMIT_SHEETS);
				break;
			}
			tz_reader_add_sheet(r, namec, strlen(namec), st);
			free(namec);
			TZ_ALLOC_GROW(ids->v, ids->n + 1, ids->alloc);
			ids->v[ids->n++] = tz_xstrdup(id ? id : "");
		}
	}
	xlsx_xml_close(&x);
	if (!rc && !ids->n)
		rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL, "工作簿中没有工作表");
	return rc;
}

/* A ZIP without a workbook part: say what it is instead. */
static int not_a_workbook(zip_t *zip, const char *path, const char *wb, struct tz_err *err)
{
	static const struct { const char *part, *what; } kinds[] = {
		{ "word/document.xml", "Word 文档（.docx）" },
		{ "ppt/presentation.xml", "PowerPoint 演示文稿（.pptx）" },
		{ "xl/workbook.bin", "Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx" },
		{ "Index/Document.xml", "OFD 版式文档" },
		{ "Doc_0/Document.xml", "OFD 版式文档" },
	};
	char mime[80] = "";
	zip_file_t *f;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (zip_name_locate(zip, kinds[i].part, ZIP_FL_NOCASE) >= 0)
			return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
					     "无法导入：这是%s，不是电子表格", kinds[i].what);
	if ((f = zip_fopen(zip, "mimetype", 0))) {
		zip_int64_t n = zip_fread(f, mime, sizeof(mime) - 1);

		mime[n > 0 ? n : 0] = '\0';
		zip_fclose(f);
	}
	if (strstr(mime, "opendocument.spreadsheet"))
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "无法导入：这是 OpenDocument 电子表格（.ods），"
				     "请在 WPS 或 Excel 中另存为 .xlsx 后再导入");
	if (strstr(mime, "opendocument"))
		return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
				     "无法导入：这是 OpenDocument 文档，不是电子表格");
	return tz_err_set_at(err, TZ_EINVAL, path, 0, NULL,
			     "无法导入：这是 ZIP 压缩包，不是 Excel 工作簿（缺少工作簿 %s）", wb);
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
	if (zip_name_locate(zip, *out, ZIP_FL_NOCASE) < 0)
		return not_a_workbook(zip, path, *out, err);
	return 0;
}

/* The parts the workbook's relationships name. */
static int load_related(struct xlsx_book *bk, zip_t *zip, const char *path, const char *wb,
			const struct sheet_ids *ids, struct tz_err *err)
{
	struct rels rs = { 0 };
	char *dir = dir_of(wb), *rels = rels_part_of(wb), *part = NULL;
	const struct rel *r;
	int rc;

	if ((rc = rels_load(&rs, zip, path, rels, err)))
		goto out;
	bk->sheet_parts = tz_xcalloc(ids->n, sizeof(*bk->sheet_parts));
	bk->nsheets = ids->n;
	for (size_t i = 0; i < ids->n; i++)
		if ((r = rels_by_id(&rs, ids->v[i])))
			bk->sheet_parts[i] = resolve(dir, r->target);
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

int xlsx_book_load(struct xlsx_book *bk, struct tz_reader *r, zip_t *zip, const char *path,
		   struct tz_err *err)
{
	struct sheet_ids ids = { 0 };
	char *wb = NULL;
	int rc;

	memset(bk, 0, sizeof(*bk));
	tz_buf_init(&bk->sst, TZ_LIMIT_SST_BYTES);
	/* Format 0 (General) is always there, for styles with no format. */
	bk->fmts = tz_xmalloc(sizeof(*bk->fmts));
	bk->fmt_ids = tz_xmalloc(sizeof(*bk->fmt_ids));
	bk->fmts[0] = tz_numfmt_new("General");
	bk->fmt_ids[0] = 0;
	bk->nfmts = 1;
	if ((rc = find_workbook(zip, path, &wb, err)))
		goto out;
	if ((rc = load_workbook(bk, r, zip, path, wb, &ids, err)))
		goto out;
	rc = load_related(bk, zip, path, wb, &ids, err);
out:
	ids_release(&ids);
	free(wb);
	return rc;
}

void xlsx_book_release(struct xlsx_book *bk)
{
	for (size_t i = 0; i < bk->nsheets; i++)
		free(bk->sheet_parts[i]);
	free(bk->sheet_parts);
	for (size_t i = 0; i < bk->nfmts; i++)
		tz_numfmt_free(bk->fmts[i]);
	free(bk->fmts);
	free(bk->fmt_ids);
	free(bk->xf_fmt);
	free(bk->sst_off);
	tz_buf_release(&bk->sst);
	memset(bk, 0, sizeof(*bk));
}

const char *xlsx_book_string(const struct xlsx_book *bk, size_t i, size_t *len, int *marked)
{
	size_t end, at;

	if (i >= bk->nsst)
		return NULL;
	at = bk->sst_off[i] & ~XLSX_SST_MARKED;
	end = i + 1 < bk->nsst ? (bk->sst_off[i + 1] & ~XLSX_SST_MARKED) - 1 : bk->sst.len - 1;
	*len = end - at;
	*marked = !!(bk->sst_off[i] & XLSX_SST_MARKED);
	return bk->sst.buf + at;
}

const struct tz_numfmt *xlsx_book_format(const struct xlsx_book *bk, long s)
{
	if (s < 0 || (size_t)s >= bk->nxf)
		return bk->fmts[0];
	return bk->fmts[bk->xf_fmt[s]];
}
