/*
 * summary.c: the view, the period, the bulletin over a view and the
 * lights kept in memory, for the pages that summarise and track; see
 * summary.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hmap.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "web/summary.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* The view                                                            */

static int keep_visible(void *ctx, int64_t region_id, int64_t unit_id, const char *leader)
{
	const struct tz_view *v = ctx;
	struct tz_object o = tz_object_project(region_id, unit_id, leader);

	return tz_access_decide(v->r->org, v->r->user, TZ_ACT_VIEW, &o) == TZ_ALLOW;
}

const struct tz_view *tz_view_of(struct tz_req *r)
{
	struct tz_view *v = tz_arena_calloc(r->arena, 1, sizeof(*v));
	const struct tz_access_scope *s = tz_req_scope(r);
	const struct tz_org_node *n = tz_org_index_by_id(r->org, r->user->org_id);
	const char *name = n ? n->name : "";
	char buf[TZ_LEADER_KEY_MAX + 64];

	v->r = r;
	v->all = s->all;
	if (v->all) {
		v->key = "all";
		v->label = "全市";
		return v;
	}
	v->filter.keep = keep_visible;
	v->filter.ctx = v;
	if (*s->leader_key) {
		snprintf(buf, sizeof(buf), "n%lld:%s", (long long)r->user->org_id, s->leader_key);
		v->key = tz_arena_strdup(r->arena, buf);
		snprintf(buf, sizeof(buf), "%s%s%s同志包联", name, *name ? "及" : "", s->leader_key);
		v->label = tz_arena_strdup(r->arena, buf);
	} else {
		snprintf(buf, sizeof(buf), "n%lld", (long long)r->user->org_id);
		v->key = tz_arena_strdup(r->arena, buf);
		v->label = *name ? name : "本辖区";
	}
	return v;
}

int tz_view_sees(const struct tz_view *v, int64_t region_id, int64_t unit_id, const char *leader)
{
	return v->all || keep_visible((void *)v, region_id, unit_id, leader);
}

/* ------------------------------------------------------------------ */
/* The period                                                          */

int tz_summary_period(struct tz_req *r, struct tz_period *p, int *answered)
{
	const char *arg = tz_req_query(r, "period");
	struct tz_web_facts facts;
	int rc;

	*answered = 0;
	memset(p, 0, sizeof(*p));
	if (arg && *arg) {
		if (tz_period_parse(arg, strlen(arg), p, NULL)) {
			*answered = 1;
			return tz_resp_error(r, 400, "调度期应为 YYYY-MM，如 2025-08");
		}
		return 0;
	}
	if ((rc = tz_web_facts(r->web, r->store, r->version, &facts, &r->err)))
		return rc;
	*p = facts.last;
	return 0;
}

struct tz_period *tz_summary_periods(struct tz_req *r, struct tz_period p, size_t *n)
{
	struct tz_web_facts facts;
	struct tz_period *out = tz_arena_calloc(r->arena, 26, sizeof(*out)), q;
	int seen = 0;

	*n = 0;
	if (tz_web_facts(r->web, r->store, r->version, &facts, NULL) || !facts.last.year)
		facts.last = p;
	q = facts.last;
	for (int i = 0; i < 24 && q.year >= TZ_PERIOD_YEAR_MIN &&
			(!facts.first_year || q.year >= facts.first_year); i++) {
		out[(*n)++] = q;
		seen |= !tz_period_cmp(q, p);
		if (--q.month == 0) {
			q.month = 12;
			q.year--;
		}
	}
	if (!seen && p.year)
		out[(*n)++] = p;
	return out;
}

/* ------------------------------------------------------------------ */
/* The bulletin over a view                                            */

int tz_summary_bulletin(struct tz_req *r, const struct tz_view *v, struct tz_period p,
			enum tz_bulletin_by by, struct tz_bulletin **out)
{
	struct tz_bulletin *b = tz_bulletin_new(p, by);
	int rc;

	*out = NULL;
	tz_bulletin_set_scope(b, v->label);
	rc = tz_store_bulletin_where(r->store, b, v->all ? NULL : &v->filter, &r->err);
	if (!rc)
		rc = tz_bulletin_finish(b, &r->err);
	if (rc) {
		tz_bulletin_free(b);
		return rc;
	}
	*out = b;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Lights in memory                                                    */

/*
 * The blob: a header, the entries in the store's order, an open-addressing
 * table of code hashes, then the strings (NUL-terminated).
 */
struct lights_head {
	int32_t year, month;
	uint64_t n, nslots, text_off, slots_off;
};

struct lights_build {
	struct tz_light_entry *e;
	size_t n, alloc;
	char *text;
	size_t len, cap;
};

static uint32_t add_text(struct lights_build *b, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	uint32_t at = (uint32_t)b->len;

	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 4096;
		b->text = tz_xrealloc(b->text, b->cap);
	}
	memcpy(b->text + b->len, s ? s : "", n);
	b->len += n;
	return at;
}

static int add_light(void *ctx, const struct tz_light_row *row)
{
	struct lights_build *b = ctx;
	struct tz_light_entry *e;

	TZ_ALLOC_GROW(b->e, b->n + 1, b->alloc);
	e = &b->e[b->n++];
	memset(e, 0, sizeof(*e));
	e->project_id = row->project_id;
	e->region_id = row->region_id;
	e->unit_id = row->unit_id;
	e->annual = row->annual;
	e->ytd = row->ytd;
	e->code = add_text(b, row->code);
	e->name = add_text(b, row->name);
	e->leader = add_text(b, row->leader);
	e->has_plan = row->has_plan;
	e->status = (int32_t)row->status;
	e->planned_start = row->planned_start;
	e->light = row->light;
	return 0;
}

static uint64_t code_hash(const char *code)
{
	return tz_hash_bytes(code, strlen(code));
}

static struct tz_blob *lights_blob(struct tz_period p, struct lights_build *b)
{
	struct lights_head h = { 0 };
	size_t nslots = 16, size, esize = b->n * sizeof(struct tz_light_entry);
	struct tz_blob *blob;
	uint32_t *slots;
	char *base;

	while (nslots < 2 * b->n)
		nslots *= 2;
	h.year = p.year;
	h.month = p.month;
	h.n = b->n;
	h.nslots = nslots;
	h.slots_off = sizeof(h) + esize;
	h.text_off = h.slots_off + nslots * sizeof(uint32_t);
	size = h.text_off + b->len;
	base = tz_xmalloc(size);
	memcpy(base, &h, sizeof(h));
	if (esize)
		memcpy(base + sizeof(h), b->e, esize);
	slots = (uint32_t *)(base + h.slots_off);
	memset(slots, 0, nslots * sizeof(uint32_t));
	for (size_t i = 0; i < b->n; i++) {
		size_t k = code_hash(b->text + b->e[i].code) & (nslots - 1);

		while (slots[k])
			k = (k + 1) & (nslots - 1);
		slots[k] = (uint32_t)(i + 1);
	}
	if (b->len)
		memcpy(base + h.text_off, b->text, b->len);
	blob = tz_blob_new(base, size);
	free(base);
	return blob;
}

static void lights_open(const struct tz_blob *blob, struct tz_lights *l)
{
	const struct lights_head *h = (const struct lights_head *)blob->data;

	l->period.year = h->year;
	l->period.month = h->month;
	l->n = h->n;
	l->e = (const struct tz_light_entry *)(blob->data + sizeof(*h));
	l->slots = (const uint32_t *)(blob->data + h->slots_off);
	l->nslots = h->nslots;
	l->text = blob->data + h->text_off;
}

int tz_lights_get(struct tz_req *r, struct tz_period p, struct tz_blob **blob,
		  struct tz_lights *out, int *hit)
{
	char key[48], per[TZ_PERIOD_FMT_MAX];
	struct tz_blob *b;

	snprintf(key, sizeof(key), "lights:%s", tz_period_fmt(p, per));
	b = tz_cache_get(r->web->cache, key, r->version);
	if (hit)
		*hit = b != NULL;
	if (!b) {
		struct lights_build build = { 0 };
		struct tz_tally *t = tz_tally_new(r->org, 0, TZ_LIGHT_COUNT);
		int rc;

		if (!t)
			return tz_err_set(&r->err, TZ_EINTERNAL, "no organisation tree");
		rc = tz_store_lights(r->store, p, t, add_light, &build, &r->err);
		tz_tally_free(t);
		if (!rc)
			b = lights_blob(p, &build);
		free(build.e);
		free(build.text);
		if (rc)
			return rc;
		tz_cache_put(r->web->cache, key, r->version, b);
	}
	*blob = b;
	lights_open(b, out);
	return 0;
}

const char *tz_lights_text(const struct tz_lights *l, uint32_t off)
{
	return l->text + off;
}

const struct tz_light_entry *tz_lights_find(const struct tz_lights *l, const char *code)
{
	size_t k;

	if (!l->n || !code)
		return NULL;
	k = code_hash(code) & (l->nslots - 1);
	while (l->slots[k]) {
		const struct tz_light_entry *e = &l->e[l->slots[k] - 1];

		if (!strcmp(l->text + e->code, code))
			return e;
		k = (k + 1) & (l->nslots - 1);
	}
	return NULL;
}

struct tz_tally *tz_lights_tally(struct tz_req *r, const struct tz_view *v,
				 const struct tz_lights *l)
{
	struct tz_tally *t = tz_tally_new(r->org, 0, TZ_LIGHT_COUNT);

	if (!t)
		return NULL;
	for (size_t i = 0; i < l->n; i++) {
		const struct tz_light_entry *e = &l->e[i];
		int64_t d[TZ_LIGHT_COUNT] = { 0 };

		if (!tz_view_sees(v, e->region_id, e->unit_id, l->text + e->leader))
			continue;
		d[e->light.light] = 1;
		tz_tally_add(t, e->region_id, e->unit_id, d);
	}
	return t;
}

const char *tz_lights_rule(struct tz_req *r, const struct tz_light_entry *e)
{
	char buf[512];

	return tz_arena_strdup(r->arena, tz_light_explain(&e->light, e->planned_start, buf,
							   sizeof(buf)));
}

const char tz_lights_rule_text[] =
	"进度：本年累计完成投资占年度计划的比例落后序时进度（月份÷12）不超过10个百分点为绿灯，"
	"超过10个、不超过30个百分点为黄灯，超过30个百分点为红灯；没有年度计划投资的项目不亮进度灯。"
	"开工：到计划开工月份仍未开工为黄灯，计划开工三个月后仍未开工为红灯。"
	"红灯项目赶上进度（落后不超过30个百分点）当月先转为黄灯，此后才能转为绿灯；每年1月重新起算。"
	"项目的灯取进度灯和开工灯中较重的一个。";

/* ------------------------------------------------------------------ */
/* Shared                                                              */

void tz_summary_cache_header(struct tz_req *r, int hit)
{
	tz_resp_header(r, "X-Taizhang-Cache", hit ? "hit" : "miss");
}

const char *tz_sfmt(struct tz_req *r, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return tz_arena_strdup(r->arena, buf);
}

void tz_light_badge(struct tz_buf *b, enum tz_light l)
{
	tz_html_f(b, "<span class=\"light %s\">%s</span>", tz_light_key(l), tz_light_name(l));
}
