/* org.c: the organisation tree's kinds, name folding and matching index. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/hmap.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/org.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Kinds                                                               */

static const char *const kind_names[TZ_ORG_KIND_MAX + 1] = {
	"", "市", "县", "区", "开发区", "市直", "部门",
};

const char *tz_org_kind_name(enum tz_org_kind k)
{
	return k >= TZ_ORG_CITY && k <= TZ_ORG_KIND_MAX ? kind_names[k] : "";
}

int tz_org_kind_parse(const char *s, size_t len, enum tz_org_kind *out)
{
	static const struct { const char *text; enum tz_org_kind kind; } words[] = {
		{ "市", TZ_ORG_CITY }, { "城市", TZ_ORG_CITY }, { "地级市", TZ_ORG_CITY },
		{ "县", TZ_ORG_COUNTY }, { "县级市", TZ_ORG_COUNTY }, { "旗", TZ_ORG_COUNTY },
		{ "区", TZ_ORG_DISTRICT }, { "市辖区", TZ_ORG_DISTRICT },
		{ "开发区", TZ_ORG_ZONE }, { "园区", TZ_ORG_ZONE }, { "新区", TZ_ORG_ZONE },
		{ "功能区", TZ_ORG_ZONE }, { "市直", TZ_ORG_DIRECT },
		{ "部门", TZ_ORG_DEPARTMENT }, { "单位", TZ_ORG_DEPARTMENT },
		{ "市直部门", TZ_ORG_DEPARTMENT },
	};

	tz_text_trim(&s, &len);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strlen(words[i].text) == len && !memcmp(words[i].text, s, len)) {
			*out = words[i].kind;
			return 0;
		}
	}
	return TZ_EINVAL;
}

int tz_org_kind_is_region(enum tz_org_kind k)
{
	return k == TZ_ORG_COUNTY || k == TZ_ORG_DISTRICT || k == TZ_ORG_ZONE || k == TZ_ORG_DIRECT;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !memcmp(s + n - m, suffix, m);
}

enum tz_org_kind tz_org_kind_guess(const char *name)
{
	static const char *const zones[] = { "开发区", "新区", "园区", "片区", "管委会", "示范区",
					     "高新区", "保税区", "功能区", "试验区", "化工区", "工业区" };

	if (!strcmp(name, "市直") || ends_with(name, "市直"))
		return TZ_ORG_DIRECT;
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (ends_with(name, zones[i]))
			return TZ_ORG_ZONE;
	if (ends_with(name, "区"))
		return TZ_ORG_DISTRICT;
	return TZ_ORG_COUNTY;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */

int tz_org_norm(const char *s, size_t len, struct tz_buf *out)
{
	struct tz_buf nfkc = TZ_BUF_INIT;
	const char *p, *end;
	int rc;

	tz_buf_reset(out);
	if ((rc = tz_text_nfkc(s, len, &nfkc)))
		goto out;
	for (p = nfkc.buf, end = nfkc.buf + nfkc.len; p < end;) {
		const char *q = p;
		int32_t cp = tz_utf8_next(&p, end);

		if (cp < 0) {
			rc = TZ_EENCODING;
			goto out;
		}
		if (tz_text_invisible(cp) || tz_text_is_blank(q, (size_t)(p - q)))
			continue;
		tz_buf_add(out, q, (size_t)(p - q));
	}
out:
	tz_buf_release(&nfkc);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Cells naming several organisations                                  */

static const char *const split_open[] = { "（", "(", "【", "[", "〔", "「", "《" };
static const char *const split_close[] = { "）", ")", "】", "]", "〕", "」", "》" };
static const char *const split_seps[] = { "、", "，", ",", "；", ";", "／", "/" };
static const char *const split_ands[] = { "和", "及" };
/* How an organisation's name ends: a unit, a government, a place. */
static const char *const org_ends[] = { "局", "委", "办", "厅", "部", "处", "科", "室", "所",
					"站", "队", "院", "会", "中心", "公司", "集团", "政府",
					"区", "县", "市", "旗", "镇", "乡", "街道" };

/* The length of whichever of words[] starts at s, 0 if none. */
static size_t word_at(const char *s, const char *end, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(words[i]);

		if ((size_t)(end - s) >= l && !memcmp(s, words[i], l))
			return l;
	}
	return 0;
}

#define NWORDS(a) (sizeof(a) / sizeof((a)[0]))

static int ends_as_org(const char *s, const char *end)
{
	size_t len = (size_t)(end - s);

	tz_text_trim(&s, &len);
	for (size_t i = 0; i < NWORDS(org_ends); i++) {
		size_t l = strlen(org_ends[i]);

		if (len > l && !memcmp(s + len - l, org_ends[i], l))
			return 1;
	}
	return 0;
}

struct split {
	struct tz_org_span *out;
	size_t max, n;
};

static void split_emit(struct split *sp, const char *s, const char *end)
{
	size_t len = (size_t)(end - s);

	tz_text_trim(&s, &len);
	if (!len)
		return;
	if (sp->n < sp->max)
		sp->out[sp->n] = (struct tz_org_span){ s, len };
	sp->n++;
}

/*
 * One piece between hard separators: cut at 和/及 (outside brackets)
 * where the text since the last cut ends as a name and the text after it
 * does, up to a later 和/及 or the end (市交通局和市住房和城乡建设局).
 */
static void split_and(struct split *sp, const char *s, const char *end)
{
	const char *cuts[64], *from = s;
	size_t ncuts = 0, l;
	int depth = 0;

	for (const char *p = s; p < end;) {
		if ((l = word_at(p, end, split_open, NWORDS(split_open)))) {
			depth++;
		} else if ((l = word_at(p, end, split_close, NWORDS(split_close)))) {
			depth -= depth > 0;
		} else if ((l = word_at(p, end, split_ands, NWORDS(split_ands))) && !depth &&
			   ncuts < NWORDS(cuts)) {
			cuts[ncuts++] = p;
		} else {
			l = 1;
		}
		p += l;
	}
	for (size_t i = 0; i < ncuts; i++) {
		const char *after = cuts[i] + word_at(cuts[i], end, split_ands, NWORDS(split_ands));
		int right = 0;

		if (!ends_as_org(from, cuts[i]))
			continue;
		for (size_t j = i + 1; j <= ncuts && !right; j++)
			right = ends_as_org(after, j < ncuts ? cuts[j] : end);
		if (!right)
			continue;
		split_emit(sp, from, cuts[i]);
		from = after;
	}
	split_emit(sp, from, end);
}

size_t tz_org_split(const char *s, size_t len, struct tz_org_span *out, size_t max)
{
	struct split sp = { out, max, 0 };
	const char *end = s + len, *from = s;
	int depth = 0;
	size_t l;

	for (const char *p = s; p < end;) {
		if ((l = word_at(p, end, split_open, NWORDS(split_open)))) {
			depth++;
		} else if ((l = word_at(p, end, split_close, NWORDS(split_close)))) {
			depth -= depth > 0;
		} else if ((l = word_at(p, end, split_seps, NWORDS(split_seps))) && !depth) {
			split_and(&sp, from, p);
			from = p + l;
		} else {
			l = 1;
		}
		p += l;
	}
	split_and(&sp, from, end);
	return sp.n;
}

/* ------------------------------------------------------------------ */
/* The index                                                           */

struct tz_org_index {
	struct tz_arena *arena;
	struct tz_org_node *nodes;
	size_t n, alloc;
	struct tz_hmap *by_code;   /* code -> index */
	struct tz_hmap *by_name;   /* folded name or alias -> index */
	struct tz_hmap *by_id;     /* store id -> index */
	/* Folded names and aliases, for suggestions: parallel arrays. */
	const char **folded;
	size_t *folded_node;
	size_t nfolded, afolded;
};

struct tz_org_index *tz_org_index_new(void)
{
	struct tz_org_index *x = tz_xcalloc(1, sizeof(*x));

	x->arena = tz_arena_new();
	x->by_code = tz_hmap_new();
	x->by_name = tz_hmap_new();
	x->by_id = tz_hmap_new();
	return x;
}

void tz_org_index_free(struct tz_org_index *x)
{
	if (!x)
		return;
	tz_arena_free(x->arena);
	tz_hmap_free(x->by_code);
	tz_hmap_free(x->by_name);
	tz_hmap_free(x->by_id);
	free(x->nodes);
	free(x->folded);
	free(x->folded_node);
	free(x);
}

static int code_valid(const char *code)
{
	size_t n = strlen(code);

	if (!n || n > TZ_ORG_CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)code[i] <= ' ' || code[i] == 0x7F)
			return 0;
	return 1;
}

/* Split aliases at 、，,;；| and call fn on each non-blank one. */
static int each_alias(const char *aliases, int (*fn)(void *, const char *, size_t), void *ctx)
{
	static const char *const seps[] = { "、", "，", ",", ";", "；", "|" };
	const char *p = aliases ? aliases : "";
	int rc;

	while (*p) {
		const char *cut = p + strlen(p), *next;
		size_t seplen = 0, len;

		for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
			const char *at = strstr(p, seps[i]);
			if (at && at < cut) {
				cut = at;
				seplen = strlen(seps[i]);
			}
		}
		next = *cut ? cut + seplen : cut;
		len = (size_t)(cut - p);
		tz_text_trim(&p, &len);
		if (len && (rc = fn(ctx, p, len)))
			return rc;
		p = next;
	}
	return 0;
}

struct name_check {
	struct tz_org_index *x;
	const struct tz_org_node *node;
	struct tz_buf key;
	struct tz_err *err;
	int add;  /* 0: check that the names are free; 1: add them */
};

static int take_name(void *ctx, const char *s, size_t len)
{
	struct name_check *c = ctx;
	int64_t at;

	if (tz_org_norm(s, len, &c->key) || !c->key.len)
		return tz_err_set(c->err, TZ_EINVAL, "组织机构“%s”的名称或别名“%.*s”无效",
				  c->node->name, (int)len, s);
	if (!c->add) {
		if (tz_hmap_get(c->x->by_name, c->key.buf, c->key.len, &at))
			return tz_err_set(c->err, TZ_EEXIST,
					  "组织机构“%s”的名称或别名“%.*s”已用于“%s”（编码%s）",
					  c->node->name, (int)len, s, c->x->nodes[at].name,
					  c->x->nodes[at].code);
		return 0;
	}
	if (tz_hmap_get(c->x->by_name, c->key.buf, c->key.len, NULL))
		return 0; /* the node's own name repeated as an alias */
	tz_hmap_put(c->x->by_name, c->key.buf, c->key.len, (int64_t)c->x->n, NULL);
	TZ_ALLOC_GROW(c->x->folded, c->x->nfolded + 1, c->x->afolded);
	c->x->folded_node = tz_xrealloc(c->x->folded_node,
					c->x->afolded * sizeof(*c->x->folded_node));
	c->x->folded[c->x->nfolded] = tz_arena_strndup(c->x->arena, c->key.buf, c->key.len);
	c->x->folded_node[c->x->nfolded++] = c->x->n;
	return 0;
}

/* The names of a node: its name, then its aliases; checked or added. */
static int node_names(struct name_check *c)
{
	int rc = take_name(c, c->node->name, strlen(c->node->name));

	if (!rc)
		rc = each_alias(c->node->aliases, take_name, c);
	return rc;
}

int tz_org_index_add(struct tz_org_index *x, const struct tz_org_node *n, struct tz_err *err)
{
	struct name_check c = { x, n, TZ_BUF_INIT, err, 0 };
	struct tz_org_node *copy;
	int rc;

	if (!n->code || !code_valid(n->code))
		return tz_err_set(err, TZ_EINVAL, "组织机构编码“%s”为空、含空格或超过%d个字符",
				  n->code ? n->code : "", TZ_ORG_CODE_MAX);
	if (!n->name || !*n->name || strlen(n->name) > TZ_ORG_NAME_MAX)
		return tz_err_set(err, TZ_EINVAL, "组织机构（编码%s）的名称为空或过长", n->code);
	if (n->kind < TZ_ORG_CITY || n->kind > TZ_ORG_KIND_MAX)
		return tz_err_set(err, TZ_EINVAL, "组织机构“%s”的类型无效", n->name);
	if (tz_hmap_get(x->by_code, n->code, strlen(n->code), NULL))
		return tz_err_set(err, TZ_EEXIST, "组织机构编码“%s”重复", n->code);
	if ((rc = node_names(&c)))
		goto out;
	TZ_ALLOC_GROW(x->nodes, x->n + 1, x->alloc);
	copy = &x->nodes[x->n];
	copy->id = n->id;
	copy->code = tz_arena_strdup(x->arena, n->code);
	copy->name = tz_arena_strdup(x->arena, n->name);
	copy->parent = tz_arena_strdup(x->arena, n->parent ? n->parent : "");
	copy->kind = n->kind;
	copy->aliases = tz_arena_strdup(x->arena, n->aliases ? n->aliases : "");
	c.add = 1;
	c.node = copy;
	node_names(&c);
	tz_hmap_put(x->by_code, copy->code, strlen(copy->code), (int64_t)x->n, NULL);
	if (n->id)
		tz_hmap_put(x->by_id, (const char *)&n->id, sizeof(n->id), (int64_t)x->n, NULL);
	x->n++;
out:
	tz_buf_release(&c.key);
	return rc;
}

int tz_org_index_check(const struct tz_org_index *x, struct tz_err *err)
{
	size_t roots = 0;

	for (size_t i = 0; i < x->n; i++) {
		const struct tz_org_node *n = &x->nodes[i], *p = n;
		size_t depth = 0;

		if (!*n->parent) {
			if (n->kind != TZ_ORG_CITY)
				return tz_err_set(err, TZ_EINVAL, "组织机构“%s”没有上级，但类型不是“市”",
						  n->name);
			roots++;
			continue;
		}
		if (n->kind == TZ_ORG_CITY)
			return tz_err_set(err, TZ_EINVAL, "类型为“市”的组织机构“%s”只能是根节点",
					  n->name);
		while (*p->parent) {
			p = tz_org_index_by_code(x, p->parent);
			if (!p)
				return tz_err_set(err, TZ_EINVAL, "组织机构“%s”的上级编码“%s”不存在",
						  n->name, n->parent);
			if (++depth > x->n)
				return tz_err_set(err, TZ_EINVAL, "组织机构“%s”的上级关系形成了循环",
						  n->name);
		}
	}
	if (x->n && roots != 1)
		return tz_err_set(err, TZ_EINVAL, "组织机构树应有且只有一个根节点（市），现有%zu个",
				  roots);
	return 0;
}

size_t tz_org_index_count(const struct tz_org_index *x)
{
	return x->n;
}

const struct tz_org_node *tz_org_index_at(const struct tz_org_index *x, size_t i)
{
	return i < x->n ? &x->nodes[i] : NULL;
}

const struct tz_org_node *tz_org_index_by_code(const struct tz_org_index *x, const char *code)
{
	int64_t at;

	return tz_hmap_get(x->by_code, code, strlen(code), &at) ? &x->nodes[at] : NULL;
}

const struct tz_org_node *tz_org_index_by_id(const struct tz_org_index *x, int64_t id)
{
	int64_t at;

	return tz_hmap_get(x->by_id, (const char *)&id, sizeof(id), &at) ? &x->nodes[at] : NULL;
}

void tz_org_index_set_id(struct tz_org_index *x, const char *code, int64_t id)
{
	int64_t at;

	if (!tz_hmap_get(x->by_code, code, strlen(code), &at))
		return;
	x->nodes[at].id = id;
	tz_hmap_put(x->by_id, (const char *)&id, sizeof(id), at, NULL);
}

const struct tz_org_node *tz_org_index_root(const struct tz_org_index *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (!*x->nodes[i].parent)
			return &x->nodes[i];
	return NULL;
}

static int wanted(const struct tz_org_node *n, enum tz_org_want want)
{
	switch (want) {
	case TZ_ORG_WANT_REGION:
		return tz_org_kind_is_region(n->kind);
	case TZ_ORG_WANT_UNIT:
		return n->kind != TZ_ORG_CITY;
	default:
		return 1;
	}
}

const struct tz_org_node *tz_org_index_find(const struct tz_org_index *x, const char *name,
					    size_t len, enum tz_org_want want)
{
	struct tz_buf key = TZ_BUF_INIT;
	const struct tz_org_node *n = NULL;
	int64_t at;

	if (!tz_org_norm(name, len, &key) && key.len &&
	    tz_hmap_get(x->by_name, key.buf, key.len, &at) && wanted(&x->nodes[at], want))
		n = &x->nodes[at];
	tz_buf_release(&key);
	return n;
}

_Static_assert(TZ_ORG_NAME_MAX <= TZ_EDITS_MAX, "tz_edit_distance takes whole names");

/* Suffix classes of a place name, for ranking suggestions. */
enum { SFX_NONE, SFX_ECON, SFX_HITECH, SFX_PARK, SFX_NEW, SFX_DISTRICT, SFX_COUNTY, SFX_CITY,
       SFX_BANNER, SFX_TOWN, SFX_STREET };

static size_t ends_bytes(const char *s, size_t n, const char *w)
{
	size_t l = strlen(w);

	return n > l && !memcmp(s + n - l, w, l) ? l : 0;
}

/*
 * The distinctive part of a folded region name (its place name) and the
 * class of the generic suffix it dropped: "鲅鱼圈经济开发区" → 鲅鱼圈
 * (经济开发区), "鲅鱼圈区" → 鲅鱼圈 (区), "盖州市人民政府" → 盖州 (市),
 * "新城经开区管委会" → 新城 (经济开发区). A government word goes first,
 * then a zone's word or one of 区/县/市/旗/镇/乡/街道, then a 市/县/区
 * left before a zone's word (盖州市经济开发区). Something always stays.
 * Returns the stem's length in bytes; *cls gets the class.
 */
static size_t place_stem(const char *s, size_t n, int *cls)
{
	static const char *const govt[] = { "人民政府办公室", "人民政府", "政府", "管理委员会",
					    "管委会" };
	static const struct { const char *w; int cls; } sfx[] = {
		{ "经济技术开发区", SFX_ECON }, { "高新技术产业开发区", SFX_HITECH },
		{ "高新技术开发区", SFX_HITECH }, { "经济开发区", SFX_ECON }, { "高新区", SFX_HITECH },
		{ "经开区", SFX_ECON }, { "开发区", SFX_ECON }, { "工业园区", SFX_PARK },
		{ "产业园区", SFX_PARK }, { "园区", SFX_PARK }, { "新区", SFX_NEW },
		{ "自治县", SFX_COUNTY }, { "自治旗", SFX_BANNER }, { "街道办事处", SFX_STREET },
		{ "街道", SFX_STREET }, { "区", SFX_DISTRICT }, { "县", SFX_COUNTY },
		{ "市", SFX_CITY }, { "旗", SFX_BANNER }, { "镇", SFX_TOWN }, { "乡", SFX_TOWN },
	};
	size_t l;

	*cls = SFX_NONE;
	for (size_t i = 0; i < sizeof(govt) / sizeof(govt[0]); i++)
		if ((l = ends_bytes(s, n, govt[i]))) {
			n -= l;
			break;
		}
	for (size_t i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++)
		if ((l = ends_bytes(s, n, sfx[i].w))) {
			n -= l;
			*cls = sfx[i].cls;
			break;
		}
	if (*cls >= SFX_ECON && *cls <= SFX_NEW)
		for (size_t i = 0; i < 3; i++)
			if ((l = ends_bytes(s, n, i == 0 ? "市" : i == 1 ? "县" : "区"))) {
				n -= l;
				break;
			}
	return n;
}

/* A candidate's rank: place names apart (edits, containing = 1), suffix
 * class differing, whole names apart; lower is nearer. */
struct near {
	const struct tz_org_node *node;
	size_t place, cls, whole;
};

static int nearer(const struct near *a, const struct near *b)
{
	if (a->place != b->place)
		return a->place < b->place;
	if (a->cls != b->cls)
		return a->cls < b->cls;
	return a->whole < b->whole;
}

size_t tz_org_index_suggest_all(const struct tz_org_index *x, const char *name, size_t len,
				enum tz_org_want want, const struct tz_org_node **out, size_t max)
{
	struct tz_buf key = TZ_BUF_INIT, stem = TZ_BUF_INIT;
	int32_t q[TZ_ORG_NAME_MAX], qs[TZ_ORG_NAME_MAX], c[TZ_ORG_NAME_MAX];
	struct near best[8];
	size_t nq, nqs, qlen, nbest = 0, got = 0;
	int qcls;

	if (max > 8)
		max = 8;
	if (!max || tz_org_norm(name, len, &key) || !key.len)
		goto out;
	nq = tz_utf8_code_points(key.buf, q, TZ_ORG_NAME_MAX);
	qlen = place_stem(key.buf, key.len, &qcls);
	tz_buf_add(&stem, key.buf, qlen);
	nqs = tz_utf8_code_points(stem.buf, qs, TZ_ORG_NAME_MAX);
	for (size_t i = 0; i < x->nfolded; i++) {
		const struct tz_org_node *n = &x->nodes[x->folded_node[i]];
		const char *f = x->folded[i];
		size_t flen = strlen(f), clen, nc, k;
		struct near cand = { n, 0, 0, 0 };
		int ccls;

		if (!wanted(n, want))
			continue;
		clen = place_stem(f, flen, &ccls);
		if (clen == qlen && !memcmp(f, stem.buf, qlen))
			cand.place = 0;
		else if ((clen > qlen && memmem(f, clen, stem.buf, qlen)) ||
			 (qlen > clen && memmem(stem.buf, qlen, f, clen)))
			cand.place = 1;
		else {
			char part[TZ_ORG_NAME_MAX * 4 + 1];

			snprintf(part, sizeof(part), "%.*s", (int)clen, f);
			nc = tz_utf8_code_points(part, c, TZ_ORG_NAME_MAX);
			cand.place = tz_edit_distance(qs, nqs, c, nc);
		}
		/* Nothing within half the place name's length is no hint. */
		if (cand.place * 2 > (nqs > 1 ? nqs : 2))
			continue;
		cand.cls = qcls != ccls;
		if (strstr(f, key.buf) || strstr(key.buf, f))
			cand.whole = 1;
		else {
			nc = tz_utf8_code_points(f, c, TZ_ORG_NAME_MAX);
			cand.whole = tz_edit_distance(q, nq, c, nc);
		}
		/* One entry per node: its nearest name or alias. */
		for (k = 0; k < nbest && best[k].node != n; k++)
			;
		if (k < nbest) {
			if (!nearer(&cand, &best[k]))
				continue;
			memmove(&best[k], &best[k + 1], (nbest - k - 1) * sizeof(best[0]));
			nbest--;
		}
		for (k = nbest; k > 0 && nearer(&cand, &best[k - 1]); k--)
			;
		if (k >= 8)
			continue;
		memmove(&best[k + 1], &best[k], ((nbest < 8 ? nbest : 7) - k) * sizeof(best[0]));
		best[k] = cand;
		if (nbest < 8)
			nbest++;
	}
	/* The nearest, and those as near in place name and suffix class:
	 * a clerk chooses between them rather than being led to one. */
	for (got = 0; got < nbest && got < max; got++) {
		if (got && (best[got].place != best[0].place || best[got].cls != best[0].cls))
			break;
		out[got] = best[got].node;
	}
out:
	tz_buf_release(&key);
	tz_buf_release(&stem);
	return got;
}

const struct tz_org_node *tz_org_index_suggest(const struct tz_org_index *x, const char *name,
					       size_t len, enum tz_org_want want)
{
	const struct tz_org_node *one;

	return tz_org_index_suggest_all(x, name, len, want, &one, 1) ? one : NULL;
}

size_t tz_org_index_suggest_text(const struct tz_org_index *x, const char *name, size_t len,
				 enum tz_org_want want, char *buf, size_t size)
{
	const struct tz_org_node *near[3];
	size_t n = tz_org_index_suggest_all(x, name, len, want, near, 3), used = 0;

	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s“%s”",
				 !i ? "" : i + 1 == n ? "或" : "、", near[i]->name);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return n;
}

char *tz_org_index_new_code(const struct tz_org_index *x, enum tz_org_kind kind,
			    char buf[TZ_ORG_CODE_MAX + 1])
{
	char prefix = kind == TZ_ORG_DEPARTMENT ? 'D' : 'R';

	if (kind == TZ_ORG_CITY && !tz_org_index_by_code(x, "C")) {
		snprintf(buf, TZ_ORG_CODE_MAX + 1, "C");
		return buf;
	}
	for (unsigned i = 1;; i++) {
		snprintf(buf, TZ_ORG_CODE_MAX + 1, "%c%02u", prefix, i);
		if (!tz_org_index_by_code(x, buf))
			return buf;
	}
}

int tz_org_index_within(const struct tz_org_index *x, int64_t id, int64_t root)
{
	const struct tz_org_node *n = tz_org_index_by_id(x, id);
	size_t depth = 0;

	while (n && depth++ <= x->n) {
		if (n->id == root)
			return 1;
		if (!*n->parent)
			return 0;
		n = tz_org_index_by_code(x, n->parent);
	}
	return 0;
}
