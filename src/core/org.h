/*
 * org.h: the organisation tree (组织机构, ledger.md "Organisations").
 *
 * Regions (所属地区: counties, districts, development zones, and 市直 for
 * the city's own projects) and government units (责任单位: departments)
 * are nodes of one tree under the city. Each node has a code, a name and
 * aliases ("盖州" for "盖州市"). Names are matched after folding (NFKC, so
 * full-width forms become ASCII, and every space removed), then by alias;
 * an unknown name is never guessed, only suggested (所属地区“盖州”不存在，
 * 是否为“盖州市”？). Users and permissions hang off these nodes (web.md).
 *
 * struct tz_org_node is a plain value whose strings are borrowed from
 * whoever filled it. struct tz_org_index is an in-memory index of a tree
 * for matching; it owns copies of everything added to it.
 */
#ifndef TZ_ORG_H
#define TZ_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/err.h"

/* Node kinds. The numbers are stored: never renumber. */
enum tz_org_kind {
	TZ_ORG_CITY = 1,        /* 市: the root */
	TZ_ORG_COUNTY = 2,      /* 县: counties and county-level cities (盖州市) */
	TZ_ORG_DISTRICT = 3,    /* 区 */
	TZ_ORG_ZONE = 4,        /* 开发区: development zones, new areas, parks */
	TZ_ORG_DIRECT = 5,      /* 市直: the city's own projects, as a region */
	TZ_ORG_DEPARTMENT = 6,  /* 部门: a government department (责任单位) */
};
#define TZ_ORG_KIND_MAX TZ_ORG_DEPARTMENT

/* The Chinese name of a kind, as the tree's 类型 column writes it: 市, 县,
 * 区, 开发区, 市直, 部门. */
const char *tz_org_kind_name(enum tz_org_kind k);
/* Parse a 类型 cell (also 县级市, 园区, 新区, 单位, 城市…); 0 or TZ_EINVAL. */
int tz_org_kind_parse(const char *s, size_t len, enum tz_org_kind *out);
/* Whether nodes of the kind are regions (所属地区): 县, 区, 开发区, 市直. */
int tz_org_kind_is_region(enum tz_org_kind k);
/*
 * The kind a region's name suggests when a tree is built from a ledger:
 * …开发区/新区/园区/片区/管委会 → 开发区, 市直 → 市直, …区 → 区, …县/旗/市
 * (county-level city) → 县; anything else → 县.
 */
enum tz_org_kind tz_org_kind_guess(const char *name);

struct tz_org_node {
	int64_t id;            /* the store's id; 0 for a node not stored yet */
	const char *code;      /* 编码: unique, no spaces */
	const char *name;      /* 名称 */
	const char *parent;    /* 上级编码: the parent's code; "" for the root */
	enum tz_org_kind kind;
	const char *aliases;   /* 别名: "、", "，", ";" or "|" separated; "" if none */
};

/* The longest code and name, in bytes. */
#define TZ_ORG_CODE_MAX 32
#define TZ_ORG_NAME_MAX 200

/*
 * Fold a name for matching: NFKC (full-width to ASCII, compatibility
 * forms), then every white space and zero-width character removed.
 * Replaces out's content. 0 or TZ_EENCODING for text that is not UTF-8.
 */
int tz_org_norm(const char *s, size_t len, struct tz_buf *out);

/* One name of a cell that names several (tz_org_split); borrowed. */
struct tz_org_span {
	const char *s;
	size_t len;
};

/*
 * Split a region or unit cell that may name several organisations
 * ("市交通运输局、鲅鱼圈区政府", "市发改委和市交通局") into its names:
 * at 、，,；;／/ outside brackets, and at 和 or 及 only between two
 * parts that each end as an organisation's name does (局, 委, 办, 政府,
 * 区, 县…), so that 市住房和城乡建设局 stays one name. Names are trimmed
 * and empty ones dropped. Fills up to `max` spans (pointing into s) and
 * returns how many names the cell holds: 1 for a plain name, 0 for a
 * blank cell.
 */
size_t tz_org_split(const char *s, size_t len, struct tz_org_span *out, size_t max);

/* Which nodes a lookup considers. */
enum tz_org_want {
	TZ_ORG_WANT_ANY,
	TZ_ORG_WANT_REGION,  /* 县, 区, 开发区, 市直 */
	TZ_ORG_WANT_UNIT,    /* 部门 (and any node, for a unit given as a region's government) */
};

struct tz_org_index;

struct tz_org_index *tz_org_index_new(void);
void tz_org_index_free(struct tz_org_index *x);

/*
 * Add a node (strings copied). The parent need not be added yet. Returns
 * 0; TZ_EINVAL for an empty or over-long code or name, a code with
 * spaces, or a kind out of range; TZ_EEXIST when the code is taken or
 * when the name or an alias already names another node (matching would
 * be ambiguous). err names the node.
 */
int tz_org_index_add(struct tz_org_index *x, const struct tz_org_node *n, struct tz_err *err);

/*
 * Check the tree as a whole: exactly one root, of kind 市; every other
 * node's parent present; no cycles. 0 or TZ_EINVAL with the node named.
 */
int tz_org_index_check(const struct tz_org_index *x, struct tz_err *err);

size_t tz_org_index_count(const struct tz_org_index *x);
/* Nodes in the order added; the struct lives as long as the index. */
const struct tz_org_node *tz_org_index_at(const struct tz_org_index *x, size_t i);
const struct tz_org_node *tz_org_index_by_code(const struct tz_org_index *x, const char *code);
const struct tz_org_node *tz_org_index_by_id(const struct tz_org_index *x, int64_t id);
/* Set the store id of the node with this code (after storing it). */
void tz_org_index_set_id(struct tz_org_index *x, const char *code, int64_t id);
/* The root, or NULL. */
const struct tz_org_node *tz_org_index_root(const struct tz_org_index *x);

/* The node whose folded name or alias is the folded `name`, among `want`; NULL if none. */
const struct tz_org_node *tz_org_index_find(const struct tz_org_index *x, const char *name,
					    size_t len, enum tz_org_want want);
/*
 * The node nearest to an unknown `name` among `want`, for a 是否为“…”？
 * hint: fewest character edits between folded names or aliases, a name
 * that contains the other counting as one edit; NULL when nothing is
 * within half the name's length.
 */
const struct tz_org_node *tz_org_index_suggest(const struct tz_org_index *x, const char *name,
					       size_t len, enum tz_org_want want);
/*
 * The nodes nearest to an unknown `name` among `want`, nearest first, at
 * most `max` (up to 8) into out; returns how many. Ranked by the place
 * name first (the name without its generic suffix: 鲅鱼圈 of
 * 鲅鱼圈经济开发区 and of 鲅鱼圈区), then by whether the suffix's class
 * agrees (经开区/开发区/经济开发区 one class, 区 another), then by edits
 * between the whole names; only nodes as near as the nearest in place
 * name and suffix class are given ("新城" → 新城区 and 新城经济开发区),
 * and none whose place name is more than half the query's own apart.
 * Audit 9 R16 (a suggestion led to the wrong region). Nodes are the
 * index's; nothing to free.
 */
size_t tz_org_index_suggest_all(const struct tz_org_index *x, const char *name, size_t len,
				enum tz_org_want want, const struct tz_org_node **out, size_t max);
/*
 * tz_org_index_suggest_all's nodes (at most 3) as the text of a hint:
 * “新城区”, “新城区”或“新城经济开发区”; into buf (size bytes, cut at
 * size); returns how many nodes (0: buf is "").
 */
size_t tz_org_index_suggest_text(const struct tz_org_index *x, const char *name, size_t len,
				 enum tz_org_want want, char *buf, size_t size);

/*
 * A new code for a node of `kind` built from a ledger: "R01", "R02"… for
 * regions, "D01"… for departments, "C" for the root, the first not taken.
 * Into buf (TZ_ORG_CODE_MAX + 1 bytes); returns buf.
 */
char *tz_org_index_new_code(const struct tz_org_index *x, enum tz_org_kind kind,
			    char buf[TZ_ORG_CODE_MAX + 1]);

/*
 * Whether node `id` lies in the subtree of node `root` (itself included).
 * Walks parents: cost is the depth.
 */
int tz_org_index_within(const struct tz_org_index *x, int64_t id, int64_t root);

#endif
