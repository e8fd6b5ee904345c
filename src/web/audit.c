/*
 * audit.c: the audit trail's rows in Chinese for the /audit page (see
 * audit.h): the actions' labels, the objects named and linked, the
 * old/new JSON values as lists of Chinese keys and values.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "base/arena.h"
#include "base/html.h"
#include "core/deadline.h"
#include "core/period.h"
#include "core/user.h"
#include "store/store.h"
#include "web/audit.h"
#include "base/banned.h"

/* ------------------------------------------------------------------ */
/* Actions                                                             */

/* Every action the code writes (grep the tz_sqlite_audit, audit_next and
 * import_audit callers), in the words of the pages that make them. */
static const char *const actions[][2] = {
	{ "login", "登录" }, { "login.failed", "登录失败" }, { "logout", "退出" },
	{ "user.add", "新增用户" }, { "user.passwd", "修改密码" },
	{ "user.disable", "停用用户" }, { "user.enable", "启用用户" },
	{ "token.add", "新增API令牌" }, { "token.revoke", "撤销API令牌" },
	/* Reporting and dispatch (pages-a) */
	{ "period.open", "开启调度期" }, { "period.reopen", "重新开启调度期" },
	{ "period.close", "关闭调度期" }, { "period.deadline", "修改报送截止" },
	{ "report.save", "调度填报" }, { "import.projects", "导入项目台账" },
	{ "import.progress", "导入调度数据" }, { "org.import", "导入组织机构" },
	/* Problems and procedures (pages-b) */
	{ "problem.raise", "提出问题" }, { "problem.raise_from_report", "从调度填报提出问题" },
	{ "problem.assign", "交办或修改问题" }, { "problem.move", "变更问题状态" },
	{ "problem.mark", "标记问题" }, { "problem.comment", "批示意见" },
	{ "procedure.set", "登记前期手续" }, { "procedure.require", "补齐须办手续" },
};

#define NACTIONS (sizeof(actions) / sizeof(actions[0]))

const char *tz_audit_action_label(const char *action)
{
	if (!action)
		return "";
	for (size_t i = 0; i < NACTIONS; i++)
		if (!strcmp(action, actions[i][0]))
			return actions[i][1];
	return action;
}

const char *tz_audit_origin_label(const char *origin)
{
	if (!origin || !*origin)
		return "—";
	return strcmp(origin, "cli") ? origin : "命令行";
}

size_t tz_audit_action_count(void)
{
	return NACTIONS;
}

void tz_audit_action_at(size_t i, const char **key, const char **label)
{
	*key = i < NACTIONS ? actions[i][0] : "";
	*label = i < NACTIONS ? actions[i][1] : "";
}

/* ------------------------------------------------------------------ */
/* Writing HTML or text, stopping at the first error (the buffer's cap) */

struct w {
	struct tz_buf *b;
	int rc;
	int text;  /* plain text for a terminal: no markup, no links */
};

/* Text for a terminal: s without control characters (C0, DEL, C1: a
 * stored string must not drive the terminal), line breaks as spaces. */
static int clean(struct tz_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int rc = 0;

	for (; *p && !rc; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t')
			rc = tz_buf_addch(b, ' ');
		else if (*p < 0x20 || *p == 0x7f)
			continue;
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			p++;
		else
			rc = tz_buf_addch(b, *p);
	}
	return rc;
}

int tz_audit_plain(struct tz_buf *b, const char *s)
{
	return clean(b, s ? s : "");
}

/* Our own markup: left out of text. */
static void markup(struct w *w, const char *s)
{
	if (!w->rc && !w->text)
		w->rc = tz_html_raw(w->b, s);
}

/* Our own words (nothing to escape). */
static void raw(struct w *w, const char *s)
{
	if (!w->rc)
		w->rc = tz_buf_adds(w->b, s);
}

/* The record's text: escaped, or cleaned for a terminal. */
static void txt(struct w *w, const char *s)
{
	if (!w->rc)
		w->rc = w->text ? clean(w->b, s ? s : "") : tz_html_txt(w->b, s);
}

/* A query value or path segment of a link: left out of text. */
static void url_arg(struct w *w, const char *s)
{
	if (!w->rc && !w->text)
		w->rc = tz_html_url_arg(w->b, s);
}

/* printf with every %s from the record: escaped, or cleaned. */
static void __attribute__((format(printf, 2, 3))) fmt(struct w *w, const char *f, ...)
{
	struct tz_buf t = TZ_BUF_INIT;
	va_list ap;

	if (w->rc)
		return;
	va_start(ap, f);
	if (!w->text) {
		w->rc = tz_html_vf(w->b, f, ap);
	} else {
		w->rc = tz_buf_vaddf(&t, f, ap);
		if (!w->rc)
			w->rc = clean(w->b, t.buf);
	}
	va_end(ap);
	tz_buf_release(&t);
}

/* s past `prefix` when s starts with it, else NULL. */
static const char *after(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(s, prefix, n) ? NULL : s + n;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int is_period(const char *s)
{
	struct tz_period p;

	return !tz_period_parse(s, strlen(s), &p, NULL);
}

/* "NODECODE:YYYY-MM" (sqlite-dispatch.c's period_audit): 1 when written,
 * 0 when it is not of that form (nothing written). */
static int dispatch_object(struct w *w, const char *rest, const struct tz_audit_names *nm)
{
	const char *colon = strrchr(rest, ':');
	const struct tz_org_node *n;
	char code[TZ_ORG_CODE_MAX + 1];
	size_t len;

	if (!colon || colon == rest || !is_period(colon + 1))
		return 0;
	len = (size_t)(colon - rest);
	if (len >= sizeof(code))
		return 0;
	memcpy(code, rest, len);
	code[len] = '\0';
	n = nm && nm->org ? tz_org_index_by_code(nm->org, code) : NULL;
	markup(w, "<a href=\"/ontime?period=");
	url_arg(w, colon + 1);
	markup(w, "&amp;node=");
	url_arg(w, code);
	markup(w, "\">");
	fmt(w, "调度期 %s（%s）", colon + 1, n ? n->name : code);
	markup(w, "</a>");
	return 1;
}

static int object_out(struct w *w, const char *object, const struct tz_audit_names *nm)
{
	const char *rest, *name;

	if (!object || !*object) {
		raw(w, "—");
	} else if ((rest = after(object, "user:"))) {
		name = nm && nm->user ? nm->user(nm->ctx, rest) : NULL;
		fmt(w, "用户 %s", rest);
		if (name && *name)
			fmt(w, "（%s）", name);
	} else if ((rest = after(object, "token:"))) {
		fmt(w, "令牌 %s", rest);
	} else if ((rest = after(object, "dispatch:")) && dispatch_object(w, rest, nm)) {
		/* written */
	} else if ((rest = after(object, "period:")) && is_period(rest)) {
		markup(w, "<a href=\"/ontime?period=");
		url_arg(w, rest);
		markup(w, "\">");
		fmt(w, "调度期 %s", rest);
		markup(w, "</a>");
	} else if ((rest = after(object, "problem:")) && all_digits(rest)) {
		markup(w, "<a href=\"/problems/");
		url_arg(w, rest);
		markup(w, "\">");
		fmt(w, "问题 #%s", rest);
		markup(w, "</a>");
	} else if ((rest = after(object, "project:")) && *rest) {
		name = nm && nm->project ? nm->project(nm->ctx, rest) : NULL;
		if (name) {
			markup(w, "<a href=\"/projects/");
			url_arg(w, rest);
			markup(w, "\">");
			fmt(w, "项目 %s（%s）", name, rest);
			markup(w, "</a>");
		} else {
			fmt(w, "项目 %s", rest);
		}
	} else if ((rest = after(object, "file:"))) {
		fmt(w, "文件 %s", rest);
	} else {
		txt(w, object);
	}
	return w->rc;
}

int tz_audit_object_html(struct tz_buf *b, const char *o, const struct tz_audit_names *nm)
{
	struct w w = { b, 0, 0 };

	return object_out(&w, o, nm);
}

int tz_audit_object_text(struct tz_buf *b, const char *o, const struct tz_audit_names *nm)
{
	struct w w = { b, 0, 1 };

	return object_out(&w, o, nm);
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

enum kind {
	K_TEXT,   /* a string (or any value) as it is */
	K_COUNT,  /* an integer: "label N unit"; neighbouring counts share a line */
	K_BOOL,   /* true: `yes`, false: `no` */
	K_ROLE,   /* a role's English name: its Chinese label */
	K_ORG,    /* a node's code: its name */
	K_CODES,  /* an array of project codes: the first few, linked, "等N个" */
	K_TIME,   /* unix seconds as China time; a string as it is */
	K_FIXED,  /* whatever the value: `yes` ("password": "changed") */
};

/* A key of the values of the actions starting with `prefix`. */
struct key {
	const char *prefix;
	const char *key;
	const char *label;
	enum kind kind;
	const char *yes;  /* K_COUNT: the unit; K_BOOL, K_FIXED: the text */
	const char *no;   /* K_BOOL */
};

/* The keys each writer uses (audit.h lists the writers), in the field's
 * words: the report form's counts, the import page's, the problem and
 * procedure forms' labels, the user and token lists' columns. */
static const struct key keys[] = {
	/* store/sqlite-report.c save_audit */
	{ "report.", "as", "方式", K_TEXT, NULL, NULL },
	{ "report.", "added", "新增", K_COUNT, "个", NULL },
	{ "report.", "changed", "更正", K_COUNT, "个", NULL },
	{ "report.", "unchanged", "未变", K_COUNT, "个", NULL },
	{ "report.", "late", "迟报", K_COUNT, "个", NULL },
	{ "report.", "codes", "项目", K_CODES, NULL, NULL },
	/* intake/import.c import_audit (added/replaced/unchanged: the
	 * store's counts, should the row ever carry them) */
	{ "import.", "rows", "共", K_COUNT, "行", NULL },
	{ "import.", "accepted", "导入", K_COUNT, "行", NULL },
	{ "import.", "rejected", "拒绝", K_COUNT, "行", NULL },
	{ "import.", "added", "新增", K_COUNT, "行", NULL },
	{ "import.", "replaced", "更正", K_COUNT, "行", NULL },
	{ "import.", "unchanged", "未变", K_COUNT, "行", NULL },
	{ "import.", "org_created", "新建组织机构", K_COUNT, "个", NULL },
	{ "import.", "codes_given", "新编项目编号", K_COUNT, "个", NULL },
	{ "import.", "partial", "导入方式", K_BOOL, "只导入正确的行", "全部导入" },
	/* store/sqlite-org.c (org import) */
	{ "org.", "added", "新增", K_COUNT, "个", NULL },
	{ "org.", "changed", "更新", K_COUNT, "个", NULL },
	{ "org.", "unchanged", "未变", K_COUNT, "个", NULL },
	/* store/sqlite-dispatch.c dispatch_json */
	{ "period.", "state", "状态", K_TEXT, NULL, NULL },
	{ "period.", "deadline", "报送截止", K_TIME, NULL, NULL },
	/* web/ui-problems.c */
	{ "problem.", "kind", "问题类型", K_TEXT, NULL, NULL },
	{ "problem.", "level", "解决层级", K_TEXT, NULL, NULL },
	{ "problem.", "unit", "责任单位", K_TEXT, NULL, NULL },
	{ "problem.", "deadline", "办结时限", K_TEXT, NULL, NULL },
	{ "problem.", "description", "问题描述", K_TEXT, NULL, NULL },
	{ "problem.", "status", "办理状态", K_TEXT, NULL, NULL },
	{ "problem.", "from", "原办理状态", K_TEXT, NULL, NULL },
	{ "problem.", "to", "改为", K_TEXT, NULL, NULL },
	{ "problem.", "note", "说明", K_TEXT, NULL, NULL },
	{ "problem.", "mark", "标记", K_TEXT, NULL, NULL },
	{ "problem.", "comment", "意见", K_TEXT, NULL, NULL },
	/* web/ui-procedures.c */
	{ "procedure.", "procedure", "手续", K_TEXT, NULL, NULL },
	{ "procedure.", "status", "办理状态", K_TEXT, NULL, NULL },
	{ "procedure.", "date", "取得日期", K_TEXT, NULL, NULL },
	{ "procedure.", "doc_no", "文号", K_TEXT, NULL, NULL },
	/* store/sqlite-web.c */
	{ "user.", "login", "登录名", K_TEXT, NULL, NULL },
	{ "user.", "name", "姓名", K_TEXT, NULL, NULL },
	{ "user.", "role", "角色", K_ROLE, NULL, NULL },
	{ "user.", "org", "所属机构", K_ORG, NULL, NULL },
	{ "user.", "leader_name", "包联领导", K_TEXT, NULL, NULL },
	{ "user.", "demo", "演示账号", K_BOOL, "是", "否" },
	{ "user.", "password", "密码", K_FIXED, "已修改", NULL },
	{ "user.", "disabled", "状态", K_BOOL, "已停用", "正常" },
	{ "token.", "user", "用户", K_TEXT, NULL, NULL },
	{ "token.", "name", "用途", K_TEXT, NULL, NULL },
	{ "token.", "expires", "到期", K_TIME, NULL, NULL },
	{ "token.", "revoked", "状态", K_BOOL, "已撤销", "有效" },
};

/* How many codes a list shows before "等N个". */
#define CODES_SHOWN 5

static const struct key *find_key(const char *action, const char *key)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(keys[i].key, key) && after(action, keys[i].prefix))
			return &keys[i];
	return NULL;
}

/* The list being written: one <li> a key, counts sharing one. */
struct list {
	struct w *w;
	int open;        /* <ul> written */
	int last_count;  /* the open <li> holds counts */
};

static void item(struct list *l, int count)
{
	if (l->open && count && l->last_count) {
		raw(l->w, "、");
		return;
	}
	if (l->open && l->w->text)
		raw(l->w, "；");
	markup(l->w, l->open ? "</li><li>" : "<ul class=\"kv\"><li>");
	l->open = 1;
	l->last_count = count;
}

/* A value of no known shape, as text: strings as they are, numbers,
 * 是/否, arrays joined with 、, objects as compact JSON. */
static void plain(struct w *w, json_t *v)
{
	char *dump;
	size_t i;
	json_t *e;

	switch (json_typeof(v)) {
	case JSON_STRING:
		txt(w, json_string_value(v));
		break;
	case JSON_INTEGER:
		fmt(w, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		fmt(w, "%g", json_real_value(v));
		break;
	case JSON_TRUE:
		raw(w, "是");
		break;
	case JSON_FALSE:
		raw(w, "否");
		break;
	case JSON_NULL:
		raw(w, "（空）");
		break;
	case JSON_ARRAY:
		json_array_foreach(v, i, e) {
			if (i)
				raw(w, "、");
			plain(w, e);
		}
		break;
	case JSON_OBJECT:
		dump = json_dumps(v, JSON_COMPACT);
		txt(w, dump ? dump : "");
		free(dump);
		break;
	}
}

static int is_empty(json_t *v)
{
	return (json_is_string(v) && !*json_string_value(v)) ||
	       (json_is_array(v) && !json_array_size(v));
}

static void codes(struct w *w, json_t *v)
{
	size_t i, n = json_array_size(v);
	json_t *e;

	json_array_foreach(v, i, e) {
		if (i == CODES_SHOWN)
			break;
		if (i)
			raw(w, "、");
		if (!json_is_string(e)) {
			plain(w, e);
			continue;
		}
		markup(w, "<a href=\"/projects/");
		url_arg(w, json_string_value(e));
		markup(w, "\">");
		txt(w, json_string_value(e));
		markup(w, "</a>");
	}
	if (n > CODES_SHOWN)
		fmt(w, "等%zu个", n);
}

/* One key and its value. */
static void member(struct list *l, const char *action, const char *key, json_t *v,
		   const struct tz_audit_names *nm)
{
	const struct key *k = find_key(action, key);
	struct w *w = l->w;
	enum tz_role role;
	const struct tz_org_node *n;
	char buf[TZ_CST_FMT_MAX];

	if (is_empty(v))
		return;
	if (!k) {
		item(l, 0);
		fmt(w, "%s：", key);
		plain(w, v);
		return;
	}
	if (k->kind == K_COUNT && json_is_integer(v)) {
		item(l, 1);
		fmt(w, "%s %lld%s%s", k->label, (long long)json_integer_value(v), *k->yes ? " " : "",
		    k->yes);
		return;
	}
	item(l, 0);
	fmt(w, "%s：", k->label);
	switch (k->kind) {
	case K_BOOL:
		if (json_is_boolean(v)) {
			txt(w, json_is_true(v) ? k->yes : k->no);
			return;
		}
		break;
	case K_FIXED:
		txt(w, k->yes);
		return;
	case K_ROLE:
		if (json_is_string(v) && !tz_role_parse(json_string_value(v), &role)) {
			txt(w, tz_role_label(role));
			return;
		}
		break;
	case K_ORG:
		if (json_is_string(v) && nm && nm->org &&
		    (n = tz_org_index_by_code(nm->org, json_string_value(v)))) {
			txt(w, n->name);
			return;
		}
		break;
	case K_CODES:
		if (json_is_array(v)) {
			codes(w, v);
			return;
		}
		break;
	case K_TIME:
		if (json_is_integer(v)) {
			txt(w, tz_cst_fmt((int64_t)json_integer_value(v), buf));
			return;
		}
		break;
	case K_TEXT:
	case K_COUNT:
		break;
	}
	plain(w, v);
}

static int value_out(struct w *w, const char *action, const char *text,
		 const struct tz_audit_names *nm)
{
	struct list l = { w, 0, 0 };
	json_t *doc, *v;
	const char *key;

	if (!text || !*text)
		return 0;
	doc = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(doc)) {
		json_decref(doc);
		txt(w, text);
		return w->rc;
	}
	/* jansson keeps an object's keys in the order they were written. */
	json_object_foreach(doc, key, v)
		member(&l, action ? action : "", key, v, nm);
	if (l.open)
		markup(w, "</li></ul>");
	json_decref(doc);
	return w->rc;
}

int tz_audit_value_html(struct tz_buf *b, const char *action, const char *v,
			const struct tz_audit_names *nm)
{
	struct w w = { b, 0, 0 };

	return value_out(&w, action, v, nm);
}

int tz_audit_value_text(struct tz_buf *b, const char *action, const char *v,
			const struct tz_audit_names *nm)
{
	struct w w = { b, 0, 1 };

	return value_out(&w, action, v, nm);
}

int tz_audit_names_cache_find(const struct tz_audit_names_cache *c, const char *code,
			      const char **name)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->codes[i], code)) {
			*name = c->names[i];
			return 1;
		}
	return 0;
}

const char *tz_audit_names_cache_keep(struct tz_audit_names_cache *c, const char *code,
				      const char *name)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 32;
		const char **k = tz_arena_calloc(c->arena, cap, sizeof(*k));
		const char **v = tz_arena_calloc(c->arena, cap, sizeof(*v));

		if (c->n) {
			memcpy(k, c->codes, c->n * sizeof(*k));
			memcpy(v, c->names, c->n * sizeof(*v));
		}
		c->codes = k;
		c->names = v;
		c->cap = cap;
	}
	c->codes[c->n] = tz_arena_strdup(c->arena, code);
	c->names[c->n++] = name;
	return name;
}

int tz_audit_names_cache_user(struct tz_audit_names_cache *c, struct tz_store *store,
			      const char *login, const char **name, struct tz_err *err)
{
	int rc = 0;

	*name = NULL;
	if (!c->users_loaded) {
		c->users_loaded = 1;
		if ((rc = tz_store_user_list(store, c->arena, &c->users, &c->nusers, err)))
			c->nusers = 0;
	}
	for (size_t i = 0; i < c->nusers; i++)
		if (!strcmp(c->users[i].login, login)) {
			*name = c->users[i].name;
			break;
		}
	return rc;
}
