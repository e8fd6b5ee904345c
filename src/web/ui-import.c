/*
 * ui-import.c: importing a ledger (项目台账) or report sheet (调度数据)
 * from the browser, in two steps:
 *
 *   1. POST /import (multipart): the file is kept on the server under a
 *      random token in a directory of its own (never sent back to the
 *      browser), and imported in a dry run (import.h, `dry_run`): the
 *      page shows every rejected row (file:line, 项目编号, column,
 *      reason), the rows skipped (合计/小计, section titles, notes), the
 *      columns not read, the codes that would be given and the
 *      organisation nodes that would be made — before anything is
 *      written.
 *   2. POST /import/{token}: the same file imported for real, all or
 *      nothing (or only the valid rows, if the user asks), with its audit
 *      row in the import's transaction; the kept file is removed.
 *
 * Kept files expire after IMPORT_TTL seconds and are swept at every
 * upload and confirmation; a token is the uploader's alone (another
 * user's answers 404). Administrators and coordinators import (web.md:
 * a coordinator's rights include imports, "never another node's
 * subtree"): an administrator or the root's coordinator for the whole
 * city, a county's coordinator for its own subtree only
 * (tz_access_import_bound, tz_import_file_scoped): a row of another county is
 * a rejected row like any other, shown in the dry run (walkthrough 15).
 * Other roles: 403.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/text.h"
#include "core/access.h"
#include "intake/import.h"
#include "web/dispatch.h"
#include "web/internal.h"
#include "web/pages.h"
#include "base/banned.h"

#define IMPORT_TTL 3600        /* seconds a kept file waits for its confirmation */
#define REJECTS_SHOWN 2000     /* rejected rows listed on a page (all are counted) */

/* ------------------------------------------------------------------ */
/* Who may import                                                      */

/* The route's action (TZ_ACT_MANAGE: coordinators and administrators,
 * to whom the navigation offers 导入) and a place on the tree to import
 * for (tz_access_import_bound: a coordinator whose node the tree no
 * longer holds has none). */
static int may_import(struct tz_req *r)
{
	if (tz_route_permits(r->org, r->user, r->route) &&
	    tz_access_import_bound(r->org, r->user) >= 0)
		return 1;
	tz_resp_error(r, 403, "只有调度管理员（导入本地区范围内的数据）和系统管理员可以导入。");
	return 0;
}

/* The name of the node bounding the user's imports, or NULL for none
 * (an administrator, the root's coordinator). */
static const char *bound_name(struct tz_req *r)
{
	int64_t bound = tz_access_import_bound(r->org, r->user);
	const struct tz_org_node *n = bound > 0 ? tz_org_index_by_id(r->org, bound) : NULL;

	return n ? n->name : NULL;
}

/* ------------------------------------------------------------------ */
/* Files kept between the dry run and the confirmation                 */

/* The directory of kept files: $TMPDIR/taizhang-import-UID, ours, 0700. */
static int kept_dir(struct tz_req *r, char *out, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	struct stat st;

	snprintf(out, size, "%s/taizhang-import-%lu", tmp && *tmp ? tmp : "/tmp",
		 (unsigned long)getuid());
	if (mkdir(out, 0700) && errno != EEXIST)
		return tz_err_set(&r->err, TZ_EIO, "cannot make %s: %s", out, strerror(errno));
	/* Never a directory somebody else made for us (or a symlink to one). */
	if (lstat(out, &st) || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & 077))
		return tz_err_set(&r->err, TZ_EIO, "%s is not a private directory of ours", out);
	return 0;
}

/* Remove a token's directory and what it holds (two plain files). */
static void remove_kept(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4400];

	if (d) {
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/* Remove kept files older than IMPORT_TTL. */
static void sweep(struct tz_req *r, const char *base)
{
	DIR *d = opendir(base);
	struct dirent *e;
	char path[4400];
	struct stat st;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!tz_token_plausible(e->d_name, 0))
			continue;
		snprintf(path, sizeof(path), "%s/%s", base, e->d_name);
		if (!lstat(path, &st) && S_ISDIR(st.st_mode) && st.st_mtime + IMPORT_TTL < r->now)
			remove_kept(path);
	}
	closedir(d);
}

/* What the dry run was asked, kept with the file. */
struct kept {
	char dir[4000];       /* base/TOKEN */
	char path[4200];      /* dir/NAME: the file itself */
	const char *token;
	int64_t user_id;
	int64_t at;
	enum tz_import_kind kind;
	int year;
	struct tz_period period;  /* progress: the 调度期 field; {0, 0} none */
	int partial;
	const char *sheet;    /* "" for none */
	const char *name;     /* the file's name as uploaded, made harmless */
};

/* The uploaded name, reduced to what may be a file name and shown: its
 * last path segment, no control characters, at most 120 bytes of UTF-8. */
static const char *safe_name(struct tz_req *r, const char *filename)
{
	const char *base = filename ? filename : "";
	const char *slash = strrchr(base, '/'), *bslash = strrchr(base, '\\');
	struct tz_buf b = TZ_BUF_INIT;
	char *out;
	size_t len;

	if (slash)
		base = slash + 1;
	if (bslash && bslash + 1 > base)
		base = bslash + 1;
	for (const unsigned char *p = (const unsigned char *)base; *p; p++)
		tz_buf_addch(&b, *p < 0x20 || *p == 0x7f ? '_' : (char)*p);
	len = b.len;
	while (len > 120 || (len && !tz_utf8_valid(b.buf, len)))
		len--;
	if (!len || !strcmp(b.buf, ".") || !strcmp(b.buf, ".."))
		out = tz_arena_strdup(r->arena, "上传的文件");
	else
		out = tz_arena_strndup(r->arena, b.buf, len);
	tz_buf_release(&b);
	return out;
}

/* One line of the meta file: "key=value" with no newline inside. */
static void meta_line(FILE *fp, const char *key, const char *value)
{
	fprintf(fp, "%s=", key);
	for (const char *p = value; *p; p++)
		fputc(*p == '\n' || *p == '\r' ? ' ' : *p, fp);
	fputc('\n', fp);
}

/* Move the upload to base/TOKEN/NAME and write its meta file. */
static int keep(struct tz_req *r, const struct tz_upload *up, struct kept *k)
{
	char base[3900], meta[4100], token[TZ_TOKEN_TEXT_MAX], num[32];
	FILE *fp;
	int rc;

	if ((rc = kept_dir(r, base, sizeof(base))))
		return rc;
	sweep(r, base);
	tz_token_new(token, 0);
	k->token = tz_arena_strdup(r->arena, token);
	snprintf(k->dir, sizeof(k->dir), "%s/%s", base, token);
	snprintf(k->path, sizeof(k->path), "%s/%s", k->dir, k->name);
	if (mkdir(k->dir, 0700))
		return tz_err_set(&r->err, TZ_EIO, "cannot make %s: %s", k->dir, strerror(errno));
	if (rename(up->path, k->path)) {
		/* Another file system: copy. */
		int in = open(up->path, O_RDONLY), out = -1;
		char buf[65536];
		ssize_t got = 0;

		if (in >= 0)
			out = open(k->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		while (in >= 0 && out >= 0 && (got = read(in, buf, sizeof(buf))) > 0)
			if (write(out, buf, (size_t)got) != got)
				got = -1;
		if (in >= 0)
			close(in);
		if (out < 0 || got < 0 || close(out)) {
			remove_kept(k->dir);
			return tz_err_set(&r->err, TZ_EIO, "cannot keep the upload in %s", k->dir);
		}
	}
	snprintf(meta, sizeof(meta), "%s/meta", k->dir);
	if (!(fp = fopen(meta, "wx"))) {
		remove_kept(k->dir);
		return tz_err_set(&r->err, TZ_EIO, "cannot write %s", meta);
	}
	snprintf(num, sizeof(num), "%lld", (long long)k->user_id);
	meta_line(fp, "user", num);
	snprintf(num, sizeof(num), "%lld", (long long)k->at);
	meta_line(fp, "at", num);
	meta_line(fp, "kind", k->kind == TZ_IMPORT_PROGRESS ? "progress" : "projects");
	snprintf(num, sizeof(num), "%d", k->year);
	meta_line(fp, "year", num);
	snprintf(num, sizeof(num), "%d", k->period.year * 100 + k->period.month);
	meta_line(fp, "period", num);
	meta_line(fp, "partial", k->partial ? "1" : "0");
	meta_line(fp, "sheet", k->sheet);
	meta_line(fp, "name", k->name);
	if (fclose(fp)) {
		remove_kept(k->dir);
		return tz_err_set(&r->err, TZ_EIO, "cannot write %s", meta);
	}
	return 0;
}

/* Find the kept file of `token` for this user: 0 with *k, TZ_ENOTFOUND
 * (unknown, expired, somebody else's), or an error. The user's own
 * expired file is removed there and then: the sweep only sees the
 * directory's age, and nothing may import it any more. */
static int find_kept(struct tz_req *r, const char *token, struct kept *k)
{
	char base[3900], meta[4100], line[1024];
	FILE *fp;
	int rc;

	memset(k, 0, sizeof(*k));
	if (!tz_token_plausible(token, 0))
		return TZ_ENOTFOUND;
	if ((rc = kept_dir(r, base, sizeof(base))))
		return rc;
	sweep(r, base);
	snprintf(k->dir, sizeof(k->dir), "%s/%s", base, token);
	snprintf(meta, sizeof(meta), "%s/meta", k->dir);
	if (!(fp = fopen(meta, "r")))
		return TZ_ENOTFOUND;
	k->token = tz_arena_strdup(r->arena, token);
	k->sheet = k->name = "";
	k->user_id = -1;
	while (fgets(line, sizeof(line), fp)) {
		char *eq = strchr(line, '='), *nl = strchr(line, '\n');

		if (!eq)
			continue;
		if (nl)
			*nl = '\0';
		*eq++ = '\0';
		if (!strcmp(line, "user"))
			k->user_id = strtoll(eq, NULL, 10);
		else if (!strcmp(line, "at"))
			k->at = strtoll(eq, NULL, 10);
		else if (!strcmp(line, "kind"))
			k->kind = strcmp(eq, "progress") ? TZ_IMPORT_PROJECTS : TZ_IMPORT_PROGRESS;
		else if (!strcmp(line, "year"))
			k->year = (int)strtol(eq, NULL, 10);
		else if (!strcmp(line, "period"))
			tz_period_from_code((int)strtol(eq, NULL, 10), &k->period);
		else if (!strcmp(line, "partial"))
			k->partial = !strcmp(eq, "1");
		else if (!strcmp(line, "sheet"))
			k->sheet = tz_arena_strdup(r->arena, eq);
		else if (!strcmp(line, "name"))
			k->name = tz_arena_strdup(r->arena, eq);
	}
	fclose(fp);
	if (k->user_id != r->user->id || !*k->name || strchr(k->name, '/'))
		return TZ_ENOTFOUND;
	if (k->at + IMPORT_TTL < r->now) {
		remove_kept(k->dir);
		return TZ_ENOTFOUND;
	}
	snprintf(k->path, sizeof(k->path), "%s/%s", k->dir, k->name);
	return 0;
}

/* ------------------------------------------------------------------ */
/* The import and what it says                                         */

struct reject_list {
	struct tz_req *r;
	struct tz_import_reject *v;
	size_t n, alloc;
	long total;
};

/*
 * The import's advice in a web user's words. The command line's
 * --confirm-large (确认大额) is not the web page's to give, and the
 * page has no 确认大额 of its own (walkthrough 9), so the user is sent
 * to whoever imports from the command line. The command line's
 * --period is the page's 调度期 field (walkthrough 16). From r->arena.
 */
static const char *web_words(struct tz_req *r, const char *msg)
{
	static const char large[] = "交系统管理员以“确认大额”导入（网页导入不能确认大额）";
	static const struct {
		const char *cli, *web;
	} say[] = {
		{ "以“确认大额”（命令行 --confirm-large）重新导入", large },
		{ "使用 --confirm-large（确认大额）导入", large },
		{ "命令行导入也可加 --period YYYY-MM", "也可在导入页填写“调度期”" },
		{ "按 --period 读为", "按所填的调度期读为" },
		{ "--period 是", "所填的调度期是" },
		{ " --period", "所填的调度期" },
		{ "--period", "所填的调度期" },
	};
	struct tz_buf b = TZ_BUF_INIT;
	const char *p = msg;
	char *out;

	while (*p) {
		size_t k = 0;

		for (; k < sizeof(say) / sizeof(say[0]); k++)
			if (!strncmp(p, say[k].cli, strlen(say[k].cli)))
				break;
		if (k < sizeof(say) / sizeof(say[0])) {
			tz_buf_adds(&b, say[k].web);
			p += strlen(say[k].cli);
		} else {
			tz_buf_add(&b, p++, 1);
		}
	}
	out = tz_arena_strdup(r->arena, b.buf);
	tz_buf_release(&b);
	return out;
}

static void on_reject(void *ctx, const struct tz_import_reject *rej)
{
	struct reject_list *l = ctx;
	struct tz_import_reject *e;

	l->total++;
	if (l->n >= REJECTS_SHOWN)
		return;
	if (l->n == l->alloc) {
		size_t alloc = l->alloc ? 2 * l->alloc : 32;
		struct tz_import_reject *grown = tz_arena_alloc(l->r->arena, alloc * sizeof(*grown));

		if (l->n)
			memcpy(grown, l->v, l->n * sizeof(*grown));
		l->v = grown;
		l->alloc = alloc;
	}
	e = &l->v[l->n++];
	e->file = "";
	e->line = rej->line;
	e->code = tz_arena_strdup(l->r->arena, rej->code);
	e->field = tz_arena_strdup(l->r->arena, rej->field);
	e->reason = web_words(l->r, rej->reason);
}

/* A message from the import, with the kept file's path put back to the
 * name the user knows. */
static const char *as_user_sees(struct tz_req *r, const struct kept *k, const char *msg)
{
	struct tz_buf b = TZ_BUF_INIT;
	const char *p = msg, *hit;
	char *out;

	while ((hit = strstr(p, k->path))) {
		tz_buf_add(&b, p, (size_t)(hit - p));
		tz_buf_adds(&b, k->name);
		p = hit + strlen(k->path);
	}
	tz_buf_adds(&b, p);
	out = tz_arena_strdup(r->arena, b.buf);
	tz_buf_release(&b);
	return web_words(r, out);
}

struct outcome {
	int rc;                      /* tz_import_file's */
	struct tz_import_result res;
	struct reject_list rejects;
	const char *error;           /* a refusal of the whole file, or NULL */
};

static void outcome_release(void *o)
{
	tz_import_result_release(&((struct outcome *)o)->res);
}

/* Import the kept file (a dry run, or for real, audited); the outcome is
 * from r->arena, released with it. */
static struct outcome *run(struct tz_req *r, const struct kept *k, int dry, int partial)
{
	struct outcome *o = tz_arena_calloc(r->arena, 1, sizeof(*o));
	struct tz_import_opts opts;
	struct tz_actor who;
	struct tz_err err;

	memset(&opts, 0, sizeof(opts));
	o->rejects.r = r;
	opts.partial = partial;
	opts.year = k->kind == TZ_IMPORT_PROJECTS ? k->year : 0;
	if (k->kind == TZ_IMPORT_PROGRESS)
		opts.period = k->period;
	opts.sheet = *k->sheet ? k->sheet : NULL;
	opts.reject = on_reject;
	opts.ctx = &o->rejects;
	opts.dry_run = dry;
	if (!dry) {
		tz_req_actor(r, &who);
		opts.who = &who;
		opts.audit_name = k->name;
	}
	tz_err_clear(&err);
	/* The bound is decided again at the confirmation, on the tree of
	 * the moment. */
	o->rc = tz_import_file_scoped(r->store, k->kind, k->path, &opts,
				      tz_access_import_bound(r->org, r->user), &o->res, &err);
	tz_arena_on_release(r->arena, outcome_release, o);
	if (o->rc && o->rc != TZ_EREJECTED)
		o->error = as_user_sees(r, k, err.msg);
	return o;
}

static void fact(struct tz_req *r, const char *term, const char *text)
{
	tz_html_f(&r->out, "<div><dt>%s</dt><dd>%s</dd></div>", term, text);
}

static void factf(struct tz_req *r, const char *term, long n, const char *unit)
{
	tz_html_f(&r->out, "<div><dt>%s</dt><dd>%ld %s</dd></div>", term, n, unit);
}

static const char *year_text(struct tz_req *r, const struct tz_import_result *res)
{
	char buf[64];

	switch (res->year_source) {
	case TZ_YEAR_COLUMN:
		return "按“年度”列逐行确定";
	case TZ_YEAR_OPTION:
		snprintf(buf, sizeof(buf), "%d年（上传时指定）", res->year);
		break;
	case TZ_YEAR_TITLE:
		snprintf(buf, sizeof(buf), "%d年（取自表格标题）", res->year);
		break;
	default:
		return "—";
	}
	return tz_arena_strdup(r->arena, buf);
}

/* Every accepted row equal to what is stored: the file brings nothing new. */
static int nothing_new(const struct tz_import_result *res)
{
	return res->accepted && !res->added && !res->replaced;
}

/* What an import did or would do, and every rejected row. */
static void outcome_html(struct tz_req *r, const struct kept *k, const struct outcome *o, int dry)
{
	const struct tz_import_result *res = &o->res;
	struct tz_buf *b = &r->out;
	char buf[200];

	tz_html_raw(b, "<section><h2>概况</h2><dl class=\"facts\">");
	fact(r, "文件", k->name);
	fact(r, "类型", k->kind == TZ_IMPORT_PROGRESS ? "调度数据（调度期、本期完成投资…）"
						     : "项目台账（年度台账）");
	if (res->sheet)
		fact(r, "工作表", res->sheet);
	if (k->kind == TZ_IMPORT_PROJECTS)
		fact(r, "台账年度", year_text(r, res));
	factf(r, "读取的数据行", res->rows, "行");
	factf(r, dry ? "可以导入" : "已导入", res->accepted, "行");
	if (res->accepted && (dry || res->committed)) {
		snprintf(buf, sizeof(buf), "新增 %ld 行，更正 %ld 行，未变 %ld 行（与已有数据相同）",
			 res->added, res->replaced, res->unchanged);
		fact(r, "其中", buf);
	}
	if (res->closed) {
		/* web.md: after closing, corrections go through the
		 * coordinator and stay in the history -- allowed, not silent. */
		snprintf(buf, sizeof(buf), "%ld 条报送属于已关闭的调度期（如 %04d-%02d），%s作为协调员的更正写入，"
			 "并记入修改记录", res->closed, res->closed_period / 100,
			 res->closed_period % 100, dry ? "导入后将" : "已");
		fact(r, "已关闭的调度期", buf);
	}
	factf(r, "有错误", res->rejected, "行");
	snprintf(buf, sizeof(buf), "合计/小计 %ld 行，分类标题 %ld 行，注释 %ld 行", res->skipped_totals,
		 res->skipped_sections, res->skipped_notes);
	fact(r, "跳过（不是项目的行）", buf);
	if (res->skipped_samples)
		factf(r, "填报示例行（模板自带的示例，未作为项目导入）", res->skipped_samples, "行");
	if (res->skipped_colnums)
		factf(r, "栏次行（表头下给各列编号的行，未作为项目导入）", res->skipped_colnums, "行");
	if (res->skipped_headers)
		factf(r, "重复的表头（分页或续表处，未作为项目导入）", res->skipped_headers, "行");
	if (res->skipped_parts)
		factf(r, "项目的分项（其中…，未作为项目导入）", res->skipped_parts, "行");
	fact(r, "未识别、不导入的列", res->unread && *res->unread ? res->unread : "无");
	if (res->notes && *res->notes)
		fact(r, "表头说明", res->notes);
	if (res->rounded)
		factf(r, "金额四舍五入到0.01万元", res->rounded, "个");
	if (res->marks)
		factf(r, "写作“—”或“/”的金额（按空白处理）", res->marks, "个");
	if (res->plan_kept)
		factf(r, "文件没有年度计划投资列，计划保留不变的已有项目", res->plan_kept, "个");
	if (res->unplanned)
		factf(r, "没有年度计划投资的项目", res->unplanned, "个");
	if (res->hidden)
		factf(r, "表格中隐藏的行（也导入）", res->hidden, "行");
	if (res->invisible)
		factf(r, "去除了不可见字符的单元格", res->invisible, "个");
	if (res->folded)
		factf(r, "全角字符按半角读取的项目编号", res->folded, "个");
	if (res->region_from_unit)
		fact(r, "所属地区", "表中没有地区列，取自“责任单位”");
	tz_html_raw(b, "</dl></section>\n");
	if (res->org_created)
		tz_html_f(b, "<section><h2>%s组织机构 %ld 个</h2><p>%s</p></section>\n",
			  dry ? "将新建的" : "新建的", res->org_created, res->org_created_names);
	if (res->codes_given)
		tz_html_f(b, "<section><h2>表中没有项目编号：%s新项目编号 %ld 个</h2>"
			     "<p class=\"count\">按地区和项目名称识别已有项目；新项目的编号可在原表中采用。</p>"
			     "<pre class=\"codes\">%s</pre></section>\n", dry ? "将给出" : "已给出",
			  res->codes_given, res->codes_given_list);
	if (o->rejects.total) {
		tz_html_f(b, "<section><h2>有错误的行<small>%ld 行%s</small></h2>", o->rejects.total,
			  o->rejects.total > (long)o->rejects.n ? "，列出前 2000 行" : "");
		tz_html_raw(b, "<div class=\"table\"><table class=\"list rejects\"><thead><tr><th>位置</th>"
			       "<th>项目编号</th><th>列</th><th>原因</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < o->rejects.n; i++) {
			const struct tz_import_reject *e = &o->rejects.v[i];

			tz_html_f(b, "<tr><td data-label=\"位置\" class=\"code\">%s%s%s:%ld</td>"
				     "<td data-label=\"项目编号\" class=\"code\">%s</td>"
				     "<td data-label=\"列\">%s</td><td data-label=\"原因\">%s</td></tr>\n",
				  k->name, res->sheet ? "（工作表“" : "", res->sheet ? res->sheet : "",
				  e->line, *e->code ? e->code : "—", *e->field ? e->field : "—",
				  e->reason);
		}
		tz_html_raw(b, "</tbody></table></div></section>\n");
	}
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */

static int form_page(struct tz_req *r, int status, const char *msg)
{
	struct tz_buf *b = &r->out;
	const char *kind = tz_req_form(r, "kind"), *bound;

	tz_page_begin(r, "导入", "/import");
	tz_html_raw(b, "<h1>导入<small>项目台账或调度数据</small></h1>\n");
	if (msg)
		tz_html_f(b, "<p class=\"msg bad\" role=\"alert\">%s</p>\n", msg);
	tz_html_raw(b, "<p>上传 Excel（.xlsx、.xls、WPS .et）或 CSV 表格。上传后先<b>检查</b>："
		       "列出每一行错误、跳过的合计和分类行、未识别的列、将给出的项目编号和将新建的组织机构，"
		       "<b>此时还没有写入任何数据</b>；确认后才导入。整个文件要么全部导入、要么不导入，"
		       "也可以选择只导入正确的行。</p>\n");
	if ((bound = bound_name(r)))
		tz_html_f(b, "<p class=\"msg\">您只能导入%s范围内的数据：项目台账的所属地区和责任单位应在%s范围内"
			     "（责任单位也可留空，或保持项目原有的单位），调度数据只能是%s的项目的。"
			     "其他地区的行列为错误，不会导入。</p>\n", bound, bound, bound);
	tz_html_raw(b, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\""
		       " class=\"form\">");
	tz_page_csrf_field(r);
	tz_html_raw(b, "<label>文件<input type=\"file\" name=\"file\" required"
		       " accept=\".xlsx,.xls,.et,.csv,.txt,.xml,.htm,.html\"></label>");
	tz_html_f(b, "<label>类型<select name=\"kind\"><option value=\"projects\">项目台账（年度台账）</option>"
		     "<option value=\"progress\"%s>调度数据（项目编号、调度期、本期完成投资…）</option>"
		     "</select></label>", kind && !strcmp(kind, "progress") ? " selected" : "");
	tz_html_raw(b, "<label>台账年度（项目台账；表中没有年度列或标题时填写）<input type=\"number\""
		       " name=\"year\" min=\"2000\" max=\"2100\" inputmode=\"numeric\"></label>"
		       "<label>调度期（调度数据；表中没有“调度期”列、标题中也没有写明月份时填写，如 2025-10）"
		       "<input type=\"month\" name=\"period\" placeholder=\"2025-10\""
		       " pattern=\"[0-9]{4}-[0-9]{2}\"></label>"
		       "<label>工作表（留空：第一个有表头的工作表）<input name=\"sheet\"></label>"
		       "<label class=\"check\"><input type=\"checkbox\" name=\"partial\" value=\"1\">"
		       " 只导入正确的行（有错误的行不导入）</label>"
		       "<button type=\"submit\">上传并检查</button></form>\n");
	return tz_page_send(r, status);
}

int ui_import_form(struct tz_req *r)
{
	if (!may_import(r))
		return 0;
	return form_page(r, 200, NULL);
}

int ui_import_upload(struct tz_req *r)
{
	const struct tz_upload *up = tz_req_upload(r, "file");
	const char *kind = tz_req_form(r, "kind"), *sheet = tz_req_form(r, "sheet");
	const char *partial = tz_req_form(r, "partial"), *period = tz_req_form(r, "period");
	struct outcome *o;
	struct kept k;
	long year;
	int rc;

	if (!may_import(r))
		return 0;
	if (!up || !up->size)
		return form_page(r, 400, "请选择要导入的文件（文件不能为空）");
	memset(&k, 0, sizeof(k));
	k.kind = kind && !strcmp(kind, "progress") ? TZ_IMPORT_PROGRESS : TZ_IMPORT_PROJECTS;
	if (tz_req_int(r, "year", 0, 2000, 2100, &year))
		return form_page(r, 400, "台账年度应为 2000 至 2100 之间的年份");
	k.year = (int)year;
	if (period && *period) {
		struct tz_err perr;
		char said[sizeof(perr.msg) + 80];

		/* As the command line's --period parses and says it. */
		if (tz_period_parse(period, strlen(period), &k.period, &perr)) {
			snprintf(said, sizeof(said), "调度期“%.40s”%s", period, perr.msg);
			return form_page(r, 400, said);
		}
		if (k.kind == TZ_IMPORT_PROJECTS)
			return form_page(r, 400, "调度期只用于调度数据（项目台账的年度填在“台账年度”）");
	}
	k.partial = partial && !strcmp(partial, "1");
	k.sheet = sheet ? sheet : "";
	k.name = safe_name(r, up->filename);
	k.user_id = r->user->id;
	k.at = r->now;
	if ((rc = keep(r, up, &k)))
		return rc;

	o = run(r, &k, 1, k.partial);
	tz_page_begin(r, "导入检查", "/import");
	tz_html_f(&r->out, "<h1>导入检查<small>%s</small></h1>\n", k.name);
	if (o->error) {
		remove_kept(k.dir);
		tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">文件无法导入：%s</p>\n"
				   "<p><a href=\"/import\">重新上传</a></p>\n", o->error);
		return tz_page_send(r, 400);
	}
	if (o->rc == TZ_EREJECTED)
		tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">共 %ld 行，其中 <b>%ld</b> 行有错误"
				   "（见下表）：整个文件不会导入。请改正后重新上传，或只导入正确的 %ld 行。"
				   "还没有写入任何数据。</p>\n", o->res.rows, o->res.rejected, o->res.accepted);
	else if (nothing_new(&o->res))
		tz_html_f(&r->out, "<p class=\"msg good\" role=\"status\">检查完毕：%s <b>%ld</b> 行"
				   "与已有数据完全相同，没有新的内容。还没有写入任何数据。</p>\n",
			  o->res.rejected ? "正确的" : "文件中的", o->res.accepted);
	else
		tz_html_f(&r->out, "<p class=\"msg good\" role=\"status\">检查完毕：可以导入 <b>%ld</b> 行"
				   "（新增 %ld，更正 %ld，未变 %ld）%s。还没有写入任何数据，请核对后确认导入。</p>\n",
			  o->res.accepted, o->res.added, o->res.replaced, o->res.unchanged,
			  o->res.rejected ? "（有错误的行不导入）" : "");
	outcome_html(r, &k, o, 1);
	if (o->res.accepted) {
		int only_valid = o->rc == TZ_EREJECTED;

		tz_html_raw(&r->out, "<form method=\"post\" class=\"confirm\" action=\"/import/");
		tz_html_url_arg(&r->out, k.token);
		tz_html_raw(&r->out, only_valid
			    ? "\" data-confirm=\"有错误的行不会导入，确定只导入正确的行？\">" : "\">");
		tz_page_csrf_field(r);
		if (only_valid)
			tz_html_raw(&r->out, "<input type=\"hidden\" name=\"partial\" value=\"1\">");
		tz_html_f(&r->out, "<button type=\"submit\">%s %ld 行</button>"
				   " <a href=\"/import\">取消，重新上传</a>"
				   "<p class=\"count\">上传的文件保存在服务器上，1 小时内有效。</p></form>\n",
			  only_valid ? "只导入正确的" : "确认导入", o->res.accepted);
	} else {
		remove_kept(k.dir);
		tz_html_raw(&r->out, "<p><a href=\"/import\">重新上传</a></p>\n");
	}
	return tz_page_send(r, 200);
}

int ui_import_commit(struct tz_req *r)
{
	const char *partial = tz_req_form(r, "partial");
	struct outcome *o;
	struct kept k;
	int rc;

	if (!may_import(r))
		return 0;
	rc = find_kept(r, tz_req_param(r, "token"), &k);
	if (rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 404, "要导入的文件不存在或已过期（上传后 1 小时内有效），"
					     "没有导入任何数据。请重新上传并检查。");
	if (rc)
		return rc;
	o = run(r, &k, 0, k.partial || (partial && !strcmp(partial, "1")));
	remove_kept(k.dir);
	tz_page_begin(r, "导入结果", "/import");
	tz_html_f(&r->out, "<h1>导入结果<small>%s</small></h1>\n", k.name);
	if (o->error || o->rc == TZ_EREJECTED) {
		tz_html_f(&r->out, "<p class=\"msg bad\" role=\"alert\">没有导入任何数据：%s</p>\n",
			  o->error ? o->error : "有错误的行（数据在检查之后有变化）");
		outcome_html(r, &k, o, 1);
		tz_html_raw(&r->out, "<p><a href=\"/import\">重新上传</a></p>\n");
		return tz_page_send(r, 400);
	}
	if (nothing_new(&o->res))
		tz_html_f(&r->out, "<p class=\"msg good\" role=\"status\">%s <b>%ld</b> 行与已有数据完全相同，"
				   "没有新的内容，数据没有变化%s。导入已记入审计日志。</p>\n",
			  o->res.rejected ? "正确的" : "文件中的", o->res.accepted,
			  o->res.rejected ? "；有错误的行没有导入" : "");
	else
		tz_html_f(&r->out, "<p class=\"msg good\" role=\"status\">已导入 <b>%ld</b> 行（新增 %ld，更正 %ld，"
				   "未变 %ld）%s。导入已记入审计日志。</p>\n", o->res.accepted, o->res.added,
			  o->res.replaced, o->res.unchanged, o->res.rejected ? "，有错误的行没有导入" : "");
	outcome_html(r, &k, o, 0);
	tz_html_raw(&r->out, "<p><a href=\"/projects\">查看项目</a> · <a href=\"/import\">继续导入</a></p>\n");
	return tz_page_send(r, 200);
}
