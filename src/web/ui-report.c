/*
 * ui-report.c: the monthly reporting form (调度填报) and a report's
 * history (web.md "Periods, deadlines, on-time rate").
 *
 * One form holds every project the user reports for the period (a region
 * reporter's region, a department reporter's unit, a coordinator's
 * subtree), a page of at most ROWS_MAX projects at a time, each with its
 * 本期完成投资, 开工状态, 形象进度 and 存在问题, last month's values beside
 * them and what is already saved. A post is checked field by field; any
 * error shows the whole page again with what the user typed and the
 * message next to the field, and saves nothing. Otherwise every changed
 * row is saved in one all-or-nothing store save (tz_web_report_save),
 * first saves after the deadline marked 迟报, corrections kept in the
 * history. At 390 px each project is a card; printed, the form is a
 * table; with the script, last month's text can be copied into a field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "web/dispatch.h"
#include "web/pages.h"
#include "base/banned.h"

#define ROWS_MAX 200   /* rows a page holds: 4 fields each within the form's field cap */

/* What a page of the form shows. */
struct form {
	struct tz_period p;
	int has_d;                     /* a dispatch governs the user's node */
	struct tz_dispatch d;
	struct tz_web_report_row *rows;
	size_t n;
	long page, pages;
	int missing_only;              /* show=missing: expected and not reported */
	const char *notice;            /* a good message, or NULL */
	const char *problem;           /* a bad message for the whole form, or NULL */
};

/* Whether the user may change row's report: a coordinator always (its
 * changes are corrections); a reporter while the period is open for it. */
static int row_editable(const struct tz_req *r, const struct tz_web_report_row *row)
{
	if (r->user->role == TZ_ROLE_COORDINATOR)
		return 1;
	return row->v.has_dispatch && row->v.dispatch.state == TZ_DISPATCH_OPEN;
}

static int shown(const struct form *f, const struct tz_web_report_row *row)
{
	return !f->missing_only || (row->v.expected && !row->v.reported) || row->nerr;
}

/* The rows of page f->page among those shown: [*from, *to) of f->rows. */
static void page_bounds(struct form *f, size_t *from, size_t *to)
{
	size_t count = 0, skip;

	for (size_t i = 0; i < f->n; i++)
		count += shown(f, &f->rows[i]);
	f->pages = count ? (long)((count + ROWS_MAX - 1) / ROWS_MAX) : 1;
	if (f->page > f->pages)
		f->page = f->pages;
	skip = (size_t)(f->page - 1) * ROWS_MAX;
	*from = f->n;
	*to = f->n;
	for (size_t i = 0, k = 0; i < f->n; i++) {
		if (!shown(f, &f->rows[i]))
			continue;
		if (k == skip)
			*from = i;
		if (k == skip + ROWS_MAX) {
			*to = i;
			break;
		}
		k++;
	}
}

static const char *status_options[] = { "未开工", "已开工", "已复工", "停工", "已竣工" };

/* The field's value: what was posted, else what is saved, else "". */
static const char *value_of(struct tz_req *r, const struct tz_web_report_row *row, char which)
{
	char buf[TZ_MONEY_FMT_MAX];

	if (row->posted) {
		const char *v = which == 'c' ? row->in.completed : which == 's' ? row->in.status
				: which == 't' ? row->in.progress_text : row->in.problem;
		return v ? v : "";
	}
	if (!row->v.reported)
		return "";
	switch (which) {
	case 'c':
		return tz_arena_strdup(r->arena, tz_money_fmt(row->v.report.completed, buf));
	case 's':
		return tz_status_name(row->v.report.status);
	case 't':
		return row->v.report.progress_text;
	default:
		return row->v.report.problem;
	}
}

/* The error of a field (enum tz_progress_field; TZ_RF_CODE: the row's),
 * next to it, and the attributes that tie them. Each field of a row has
 * its own message and id. */
static void error_after(struct tz_req *r, const struct tz_web_report_row *row, char which,
			int field)
{
	if (row->err[field])
		tz_html_f(&r->out, "<p class=\"field-error\" id=\"e-%c-%s\" role=\"alert\">%s</p>", which,
			  row->v.code, row->err[field]);
}

static void invalid_attrs(struct tz_req *r, const struct tz_web_report_row *row, char which,
			  int field)
{
	if (row->err[field])
		tz_html_f(&r->out, " aria-invalid=\"true\" aria-describedby=\"e-%c-%s\"", which,
			  row->v.code);
}

/* Last month's value under a field, and (with the script) a button that
 * copies it into the field. */
static void prev_line(struct tz_req *r, const struct tz_web_report_row *row, char which,
		      const char *text, int copy, int editable)
{
	tz_html_f(&r->out, "<small class=\"prev\">上月：%s</small>", text && *text ? text : "—");
	if (copy && editable && text && *text)
		tz_html_f(&r->out, "<button type=\"button\" class=\"copy\" hidden data-to=\"%c.%s\""
				   " data-value=\"%s\">沿用上月</button>", which, row->v.code, text);
}

static void row_html(struct tz_req *r, const struct form *f, const struct tz_web_report_row *row)
{
	struct tz_buf *b = &r->out;
	const struct tz_org_node *region = tz_org_index_by_id(r->org, row->v.region_id);
	const struct tz_org_node *unit = tz_org_index_by_id(r->org, row->v.unit_id);
	int editable = row_editable(r, row);
	const char *dis = editable ? "" : " disabled";
	const char *cur_status = value_of(r, row, 's');
	char per[TZ_PERIOD_FMT_MAX];

	tz_html_f(b, "<tr id=\"r-%s\"", row->v.code);
	tz_html_raw(b, row->nerr ? " class=\"has-error\">" : ">");
	/* The project, where it belongs, and where its report stands. */
	tz_html_raw(b, "<td data-label=\"项目\" class=\"name\"><a href=\"/projects/");
	tz_html_url_arg(b, row->v.code);
	tz_html_f(b, "\">%s</a><small class=\"where\">%s · %s%s%s</small><span class=\"tags\">",
		  row->v.name, row->v.code, region ? region->name : "", unit ? " · " : "",
		  unit ? unit->name : "");
	if (row->v.reported && row->v.late)
		tz_html_raw(b, "<span class=\"tag late\">迟报</span>");
	if (row->v.reported)
		tz_html_raw(b, "<span class=\"tag done\">已报送</span>");
	else if (row->v.expected)
		tz_html_raw(b, "<span class=\"tag todo\">未报送</span>");
	else
		tz_html_raw(b, "<span class=\"tag\">本期无需报送</span>");
	if (!editable)
		tz_html_raw(b, "<span class=\"tag\">不可修改</span>");
	tz_html_raw(b, "</span>");
	if (row->v.has_filing)
		tz_html_f(b, "<small class=\"when\">首次报送 %s%s</small>", tz_fmt_time(r, row->v.first_at),
			  row->v.saves > 1 ? "，已更正" : "");
	if (row->v.reported) {
		tz_html_raw(b, "<small><a class=\"history\" href=\"/report/");
		tz_html_url_arg(b, row->v.code);
		tz_html_f(b, "/history?period=%s\">修改记录</a></small>", tz_period_fmt(f->p, per));
	}
	error_after(r, row, 'x', TZ_RF_CODE);
	tz_html_raw(b, "</td>");

	/* 本期完成投资(万元) */
	tz_html_f(b, "<td data-label=\"本期完成投资(万元)\"><input name=\"c.%s\" inputmode=\"decimal\""
		     " autocomplete=\"off\" value=\"%s\" aria-label=\"%s 本期完成投资(万元)\"%s",
		  row->v.code, value_of(r, row, 'c'), row->v.name, dis);
	invalid_attrs(r, row, 'c', TZ_RF_COMPLETED);
	tz_html_raw(b, ">");
	error_after(r, row, 'c', TZ_RF_COMPLETED);
	/* 确认大额: beside an amount refused as large, and kept ticked
	 * while the form comes back for another field's fault. */
	if (editable && row->posted && (row->large || row->confirm_large))
		tz_html_f(b, "<label class=\"confirm-large\"><input type=\"checkbox\" name=\"L.%s\""
			     " value=\"1\"%s> 确认大额：本期完成投资确为此数</label>",
			  row->v.code, row->confirm_large ? " checked" : "");
	prev_line(r, row, 'c', row->has_prev ? tz_fmt_money(r, row->prev.completed) : NULL, 0,
		  editable);
	tz_html_raw(b, "</td>");

	/* 开工状态 */
	tz_html_f(b, "<td data-label=\"开工状态\"><select name=\"s.%s\" aria-label=\"%s 开工状态\"%s",
		  row->v.code, row->v.name, dis);
	invalid_attrs(r, row, 's', TZ_RF_STATUS);
	tz_html_raw(b, "><option value=\"\">请选择</option>");
	{
		int known = !*cur_status;

		for (size_t i = 0; i < sizeof(status_options) / sizeof(status_options[0]); i++) {
			int sel = !strcmp(cur_status, status_options[i]);

			known |= sel;
			tz_html_f(b, "<option%s>%s</option>", sel ? " selected" : "", status_options[i]);
		}
		/* A posted value the list does not hold stays visible, selected,
		 * beside its message. */
		if (!known)
			tz_html_f(b, "<option selected>%s</option>", cur_status);
	}
	tz_html_raw(b, "</select>");
	error_after(r, row, 's', TZ_RF_STATUS);
	prev_line(r, row, 's', row->has_prev ? tz_status_name(row->prev.status) : NULL, 1, editable);
	tz_html_raw(b, "</td>");

	/* 形象进度, 存在问题 */
	tz_html_f(b, "<td data-label=\"形象进度\"><textarea name=\"t.%s\" rows=\"2\""
		     " aria-label=\"%s 形象进度\"%s", row->v.code, row->v.name, dis);
	invalid_attrs(r, row, 't', TZ_RF_TEXT);
	tz_html_f(b, ">%s</textarea>", value_of(r, row, 't'));
	error_after(r, row, 't', TZ_RF_TEXT);
	prev_line(r, row, 't', row->has_prev ? row->prev.progress_text : NULL, 1, editable);
	tz_html_raw(b, "</td>");
	tz_html_f(b, "<td data-label=\"存在问题\"><textarea name=\"q.%s\" rows=\"2\""
		     " aria-label=\"%s 存在问题\"%s", row->v.code, row->v.name, dis);
	invalid_attrs(r, row, 'q', TZ_RF_PROBLEM);
	tz_html_f(b, ">%s</textarea>", value_of(r, row, 'q'));
	error_after(r, row, 'q', TZ_RF_PROBLEM);
	prev_line(r, row, 'q', row->has_prev ? row->prev.problem : NULL, 1, editable);
	tz_html_raw(b, "</td></tr>\n");
}

/* The state of the period for the user: deadline, time left, closed. */
static void dispatch_box(struct tz_req *r, const struct form *f)
{
	struct tz_buf *b = &r->out;
	char per[TZ_PERIOD_FMT_MAX], dl[TZ_CST_FMT_MAX];
	int coord = r->user->role == TZ_ROLE_COORDINATOR;

	tz_period_fmt(f->p, per);
	tz_html_raw(b, "<section class=\"dispatch\" aria-label=\"调度期\">");
	if (!f->has_d) {
		tz_html_f(b, "<p class=\"msg bad\">调度期 %s 尚未开启，%s</p>", per,
			  coord ? "您作为调度管理员所做的修改记为更正。" : "暂不能报送。");
	} else {
		tz_html_f(b, "<p><b>报送截止</b> %s（%s）", tz_cst_fmt(f->d.deadline, dl),
			  f->d.state == TZ_DISPATCH_OPEN ? tz_web_time_left(r, f->d.deadline)
							 : tz_dispatch_state_name(f->d.state));
		tz_html_raw(b, "</p>");
		if (f->d.state == TZ_DISPATCH_CLOSED)
			tz_html_f(b, "<p class=\"msg bad\">调度期 %s 已关闭：%s</p>", per,
				  coord ? "您作为调度管理员所做的修改记为更正，并留有修改记录。"
					: "填报员不能再修改，如需更正请联系调度管理员。");
		else if (r->now > f->d.deadline)
			tz_html_raw(b, "<p class=\"msg bad\">已过报送截止时间：现在首次报送的项目记为迟报。</p>");
	}
	{
		long expected = 0, reported = 0, late = 0, missing = 0, extra = 0;

		/* The counts of the on-time rate (web.md): 应报 = 已报送 + 未报送,
		 * among the projects expected to report; a report from a
		 * project not expected to is counted apart. */
		for (size_t i = 0; i < f->n; i++) {
			const struct tz_web_report_row *row = &f->rows[i];

			expected += row->v.expected;
			reported += row->v.expected && row->v.reported;
			late += row->v.expected && row->v.reported && row->v.late;
			missing += row->v.expected && !row->v.reported;
			extra += !row->v.expected && row->v.reported;
		}
		tz_html_f(b, "<p class=\"count\">共 <b>%zu</b> 个项目，本期应报 <b>%ld</b> 个；已报送 <b>%ld</b> 个"
			     "（迟报 <b>%ld</b> 个），未报送 <b>%ld</b> 个", f->n, expected, reported,
			  late, missing);
		if (extra)
			tz_html_f(b, "；另有 <b>%ld</b> 个本期无需报送的项目也报送了", extra);
		tz_html_raw(b, "。</p>");
	}
	tz_html_raw(b, "</section>\n");
}

static void pager(struct tz_req *r, const struct form *f)
{
	char num[24];

	if (f->pages <= 1)
		return;
	tz_html_raw(&r->out, "<nav class=\"pager\" aria-label=\"分页\">");
	if (f->page > 1) {
		snprintf(num, sizeof(num), "%ld", f->page - 1);
		tz_html_raw(&r->out, "<a rel=\"prev\" href=\"");
		tz_page_href(r, "/report", (const char *const[]){ "page", num, "added", "", "changed",
								 "", "late", "", NULL });
		tz_html_raw(&r->out, "\">上一页</a>");
	}
	tz_html_f(&r->out, "<span>第 %ld / %ld 页（每页 %d 个项目，逐页保存）</span>", f->page, f->pages,
		  ROWS_MAX);
	if (f->page < f->pages) {
		snprintf(num, sizeof(num), "%ld", f->page + 1);
		tz_html_raw(&r->out, "<a rel=\"next\" href=\"");
		tz_page_href(r, "/report", (const char *const[]){ "page", num, "added", "", "changed",
								 "", "late", "", NULL });
		tz_html_raw(&r->out, "\">下一页</a>");
	}
	tz_html_raw(&r->out, "</nav>\n");
}

/* Last month beside the rows of the page only: read by their codes, the
 * cost is the page's, not the node's. */
static int page_prev(struct tz_req *r, struct form *f, size_t from, size_t to)
{
	struct tz_web_report_row **rows = tz_arena_calloc(r->arena, to > from ? to - from : 1,
							   sizeof(*rows));
	size_t n = 0;

	for (size_t i = from; i < to; i++)
		if (shown(f, &f->rows[i]))
			rows[n++] = &f->rows[i];
	return tz_web_report_prev(r, f->p, rows, n);
}

static int form_page(struct tz_req *r, struct form *f, int status)
{
	struct tz_buf *b = &r->out;
	char per[TZ_PERIOD_FMT_MAX];
	size_t from, to, editable = 0, on_page = 0;
	int rc;

	tz_period_fmt(f->p, per);
	page_bounds(f, &from, &to);
	if ((rc = page_prev(r, f, from, to)))
		return rc;
	tz_page_begin(r, "调度填报", "/report");
	tz_html_f(b, "<h1>调度填报<small>调度期 %s</small></h1>\n", per);
	tz_html_raw(b, "<form class=\"filters\" method=\"get\" action=\"/report\">");
	tz_html_f(b, "<label>调度期<input type=\"month\" name=\"period\" value=\"%s\"></label>", per);
	tz_html_f(b, "<label>显示<select name=\"show\"><option value=\"\">全部项目</option>"
		     "<option value=\"missing\"%s>只看未报送的</option></select></label>",
		  f->missing_only ? " selected" : "");
	tz_html_raw(b, "<div class=\"actions\"><button type=\"submit\">查看</button></div></form>\n");
	dispatch_box(r, f);
	if (f->notice)
		tz_html_f(b, "<p class=\"msg good\" role=\"status\">%s</p>\n", f->notice);
	if (f->problem)
		tz_html_f(b, "<p class=\"msg bad\" role=\"alert\">%s</p>\n", f->problem);
	if (from == to) {
		tz_html_raw(b, f->n ? "<p class=\"msg\">没有未报送的项目。</p>\n"
				    : "<p class=\"msg\">没有需要您报送的项目（本调度期年度的项目台账中没有您负责的项目）。</p>\n");
		return tz_page_send(r, status);
	}
	for (size_t i = from; i < to; i++) {
		if (!shown(f, &f->rows[i]))
			continue;
		on_page++;
		editable += (size_t)row_editable(r, &f->rows[i]);
	}
	/* data-draft names this user's page of this period: report.js keeps
	 * what is typed there in the tab's storage until it is saved. */
	tz_html_f(b, "<form method=\"post\" action=\"/report\" class=\"report-form\" novalidate"
		     " data-draft=\"%s|%s|%ld\">", r->user->login, per, f->page);
	tz_page_csrf_field(r);
	tz_html_f(b, "<input type=\"hidden\" name=\"period\" value=\"%s\">"
		     "<input type=\"hidden\" name=\"page\" value=\"%ld\">"
		     "<input type=\"hidden\" name=\"show\" value=\"%s\">", per, f->page,
		  f->missing_only ? "missing" : "");
	tz_html_raw(b, "<div class=\"table\"><table class=\"list report\"><thead><tr><th>项目</th>"
		       "<th>本期完成投资(万元)</th><th>开工状态</th><th>形象进度</th><th>存在问题</th>"
		       "</tr></thead><tbody>\n");
	for (size_t i = from; i < to; i++)
		if (shown(f, &f->rows[i]))
			row_html(r, f, &f->rows[i]);
	tz_html_raw(b, "</tbody></table></div>\n");
	if (editable)
		tz_html_f(b, "<div class=\"actions save\"><button type=\"submit\">保存本页</button>"
			     "<span>本页 %zu 个项目全部保存或全部不保存：任何一项有误，都不会保存，"
			     "错误显示在该项旁边。未填写的项目不报送。</span></div>", on_page);
	tz_html_raw(b, "</form>\n");
	pager(r, f);
	tz_page_script(r, "report.js");
	return tz_page_send(r, status);
}

/* The period and its dispatch; 0 with f filled, or a response set
 * (*done) or a store error. */
static int load_period(struct tz_req *r, struct form *f, const char *period_arg, int *done)
{
	int rc;
	const char *show = tz_req_arg(r, "show");

	*done = 0;
	memset(f, 0, sizeof(*f));
	f->missing_only = show && !strcmp(show, "missing");
	if (tz_req_int(r, "page", 1, 1, 100000, &f->page)) {
		*done = 1;
		return tz_resp_error(r, 400, "页码无效");
	}
	rc = tz_web_period_choose(r, period_arg, &f->p);
	if (rc == TZ_EINVAL) {
		*done = 1;
		return tz_resp_error(r, 400, r->err.msg);
	}
	if (rc)
		return rc;
	if (!f->p.year) {
		*done = 1;
		tz_page_begin(r, "调度填报", "/report");
		tz_html_raw(&r->out, "<h1>调度填报</h1>\n<p class=\"msg\">目前没有正在填报的调度期。");
		if (r->user->role == TZ_ROLE_COORDINATOR)
			tz_html_raw(&r->out, "请先在<a href=\"/periods\">调度期</a>页面开启。");
		tz_html_raw(&r->out, "</p>\n");
		return tz_page_send(r, 200);
	}
	if ((rc = tz_web_period_governing(r, r->user->org_id, f->p, &f->d)) < 0)
		return rc;
	f->has_d = rc;
	return 0;
}

/* "已保存…" from the redirect's counts (numbers only). */
static const char *saved_notice(struct tz_req *r)
{
	long added, changed, late;
	char buf[200];

	if (!tz_req_query(r, "added") || tz_req_int(r, "added", 0, 0, 1000000, &added) ||
	    tz_req_int(r, "changed", 0, 0, 1000000, &changed) ||
	    tz_req_int(r, "late", 0, 0, 1000000, &late))
		return NULL;
	if (!added && !changed)
		return "没有需要保存的修改。";
	snprintf(buf, sizeof(buf), "已保存 %ld 个项目的调度数据（新报送 %ld 个，修改 %ld 个）%s", added + changed,
		 added, changed, late ? "；" : "。");
	if (late)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
			 "其中 %ld 个在报送截止之后首次报送，记为迟报。", late);
	return tz_arena_strdup(r->arena, buf);
}

int ui_report_form(struct tz_req *r)
{
	struct form f;
	int done, rc = load_period(r, &f, tz_req_query(r, "period"), &done);

	if (rc || done)
		return rc;
	if ((rc = tz_web_report_rows(r, r->user->org_id, f.p, &f.rows, &f.n)))
		return rc;
	f.notice = saved_notice(r);
	return form_page(r, &f, 200);
}

/* The codes the post names ("c.CODE" and its siblings), from r->arena. */
static const char **posted_codes(struct tz_req *r, size_t *n)
{
	const struct tz_kv *kv;
	const char **codes;
	size_t nkv;

	kv = tz_req_form_all(r, &nkv);
	codes = tz_arena_calloc(r->arena, nkv ? nkv : 1, sizeof(*codes));
	*n = 0;
	for (size_t i = 0; i < nkv; i++)
		if (kv[i].key[0] && strchr("cstq", kv[i].key[0]) && kv[i].key[1] == '.' && kv[i].key[2])
			codes[(*n)++] = kv[i].key + 2;
	return codes;
}

/*
 * The whole page again after a refused post: every row of the page with
 * last month, what was posted and its errors put back where they belong.
 */
static int page_again(struct tz_req *r, struct form *f, int status, const char *problem)
{
	struct tz_web_report_row *posted = f->rows;
	size_t nposted = f->n;
	int rc;

	if ((rc = tz_web_report_rows(r, r->user->org_id, f->p, &f->rows, &f->n)))
		return rc;
	for (size_t i = 0; i < nposted; i++) {
		struct tz_web_report_row *row = tz_web_report_find(f->rows, f->n, posted[i].v.code);

		if (!row || !posted[i].posted)
			continue;
		row->posted = 1;
		row->in = posted[i].in;
		memcpy(row->err, posted[i].err, sizeof(row->err));
		row->nerr = posted[i].nerr;
		row->confirm_large = posted[i].confirm_large;
		row->large = posted[i].large;
	}
	f->problem = problem;
	return form_page(r, f, status);
}

/* The posted fields "c.CODE", "s.CODE", "t.CODE", "q.CODE" (and the
 * 确认大额 box "L.CODE") onto the rows;
 * the number of codes that name no row of the user's. */
static size_t take_posted(struct tz_req *r, struct form *f)
{
	const struct tz_kv *kv;
	size_t n, unknown = 0;

	kv = tz_req_form_all(r, &n);
	for (size_t i = 0; i < n; i++) {
		const char *k = kv[i].key;
		struct tz_web_report_row *row;

		/* "L.CODE" = "1": 确认大额, offered beside a refused amount;
		 * it names no report of its own. */
		if (k[0] == 'L' && k[1] == '.' && k[2]) {
			if ((row = tz_web_report_find(f->rows, f->n, tz_web_code(r->arena, k + 2))))
				row->confirm_large = !strcmp(kv[i].value, "1");
			continue;
		}
		if (!k[0] || !strchr("cstq", k[0]) || k[1] != '.' || !k[2])
			continue;
		if (!(row = tz_web_report_find(f->rows, f->n, tz_web_code(r->arena, k + 2)))) {
			unknown++;
			continue;
		}
		row->posted = 1;
		switch (k[0]) {
		case 'c':
			row->in.completed = kv[i].value;
			break;
		case 's':
			row->in.status = kv[i].value;
			break;
		case 't':
			row->in.progress_text = kv[i].value;
			break;
		default:
			row->in.problem = kv[i].value;
			break;
		}
	}
	return unknown;
}

/*
 * The save reads only the projects posted (tz_web_report_rows_of: its
 * cost is the page's, not the ledger's); the whole page is read again
 * only when it must be shown again.
 */
int ui_report_save(struct tz_req *r)
{
	struct tz_report_save_stats stats;
	struct tz_web_report_row *bad;
	struct form f;
	struct tz_buf to = TZ_BUF_INIT;
	const char **codes;
	char per[TZ_PERIOD_FMT_MAX];
	size_t errors = 0, ncodes;
	int done, rc = load_period(r, &f, tz_req_form(r, "period"), &done);

	if (rc || done)
		return rc;
	codes = posted_codes(r, &ncodes);
	if ((rc = tz_web_report_rows_of(r, r->user->org_id, f.p, codes, ncodes, &f.rows, &f.n)))
		return rc;
	/* A code that is not one of the user's projects (another region's,
	 * or none at all) answers as a project it may not see: 404. */
	if (take_posted(r, &f))
		return tz_resp_error(r, 404, NULL);
	for (size_t i = 0; i < f.n; i++) {
		struct tz_web_report_row *row = &f.rows[i];
		struct tz_object o;

		if (!row->posted)
			continue;
		o = tz_object_project(row->v.region_id, row->v.unit_id, row->v.leader);
		if (!tz_req_allow(r, TZ_ACT_REPORT, &o))
			return 0;
		errors += (size_t)tz_web_report_check(r, row, f.p,
						      "勾选其旁的“确认大额”后再次保存");
	}
	if (errors) {
		char msg[200];

		snprintf(msg, sizeof(msg), "有 %zu 个项目的数据有误（说明在该项旁边），本页没有保存任何数据。"
			 "改正后请再次保存。", errors);
		return page_again(r, &f, 200, tz_arena_strdup(r->arena, msg));
	}
	rc = tz_web_report_save(r, f.rows, f.n, f.p, &stats, &bad);
	if (rc == TZ_EINVAL || rc == TZ_ENOTFOUND || rc == TZ_EEXIST) {
		/* The store refused: nothing saved. The period refusing a
		 * reporter is the whole form's (403); a row's fault is shown
		 * at the row. */
		if (!bad)
			return page_again(r, &f, 403, tz_arena_strdup(r->arena, r->err.msg));
		return page_again(r, &f, 200, "这一项有误（说明在该项旁边），本页没有保存任何数据。");
	}
	if (rc)
		return rc;
	tz_buf_addf(&to, "/report?period=%s&page=%ld%s&added=%ld&changed=%ld&late=%ld",
		    tz_period_fmt(f.p, per), f.page, f.missing_only ? "&show=missing" : "",
		    stats.added, stats.changed, stats.late);
	rc = tz_resp_redirect(r, to.buf);
	tz_buf_release(&to);
	return rc;
}

/* ------------------------------------------------------------------ */
/* A report's history                                                  */

struct history {
	struct tz_req *r;
	struct tz_user *users;
	size_t nusers;
	long n;
};

static const char *user_name(const struct history *h, int64_t id)
{
	if (!id)
		return "系统";
	for (size_t i = 0; i < h->nusers; i++)
		if (h->users[i].id == id)
			return h->users[i].name;
	return "（已删除的用户）";
}

static void change_cell(struct tz_req *r, const char *label, int had_old, const char *old,
			const char *now)
{
	if (had_old && strcmp(old, now))
		tz_html_f(&r->out, "<td data-label=\"%s\"><del>%s</del> → <ins>%s</ins></td>", label,
			  *old ? old : "（空）", *now ? now : "（空）");
	else
		tz_html_f(&r->out, "<td data-label=\"%s\">%s</td>", label, *now ? now : "—");
}

static int history_row(void *ctx, const struct tz_report_change *c)
{
	struct history *h = ctx;
	struct tz_req *r = h->r;
	char per[TZ_PERIOD_FMT_MAX];

	h->n++;
	tz_html_f(&r->out, "<tr><td data-label=\"时间\">%s</td><td data-label=\"调度期\">%s</td>"
			   "<td data-label=\"操作人\">%s</td><td data-label=\"方式\">%s</td>",
		  tz_fmt_time(r, c->at), tz_period_fmt(c->period, per), user_name(h, c->user_id),
		  c->had_old || c->saver == TZ_SAVER_IMPORT ? tz_saver_name(c->saver) : "首次报送");
	change_cell(r, "本期完成投资(万元)", c->had_old, tz_fmt_money(r, c->old.completed),
		    tz_fmt_money(r, c->now.completed));
	change_cell(r, "开工状态", c->had_old, tz_status_name(c->old.status),
		    tz_status_name(c->now.status));
	change_cell(r, "形象进度", c->had_old, c->old.progress_text, c->now.progress_text);
	change_cell(r, "存在问题", c->had_old, c->old.problem, c->now.problem);
	tz_html_raw(&r->out, "</tr>\n");
	return 0;
}

int ui_report_history(struct tz_req *r)
{
	const char *code = tz_req_param(r, "code"), *arg = tz_req_query(r, "period");
	struct history h = { r, NULL, 0, 0 };
	struct tz_project *years;
	struct tz_period p = { 0, 0 };
	struct tz_object o;
	size_t nyears;
	char per[TZ_PERIOD_FMT_MAX];
	int rc;

	rc = tz_store_project_ledger(r->store, code, r->arena, &years, &nyears, &r->err);
	if (rc == TZ_ENOTFOUND)
		return tz_resp_error(r, 404, NULL);
	if (rc)
		return rc;
	o = tz_object_project(years[nyears - 1].region_id, years[nyears - 1].unit_id,
			      years[nyears - 1].leader);
	if (!tz_req_allow(r, TZ_ACT_VIEW, &o))
		return 0;
	if (arg && *arg && tz_period_parse(arg, strlen(arg), &p, NULL))
		return tz_resp_error(r, 400, "调度期应为 YYYY-MM");
	if ((rc = tz_store_user_list(r->store, r->arena, &h.users, &h.nusers, &r->err)))
		return rc;
	tz_page_begin(r, "修改记录", NULL);
	tz_html_raw(&r->out, "<p class=\"crumbs\"><a href=\"/projects/");
	tz_html_url_arg(&r->out, code);
	tz_html_f(&r->out, "\">%s</a></p>\n<h1>修改记录<small>%s%s</small></h1>\n",
		  years[nyears - 1].name, p.year ? "调度期 " : "全部调度期",
		  p.year ? tz_period_fmt(p, per) : "");
	tz_html_raw(&r->out, "<p class=\"count\">每次报送、更正和导入都记录在此，原值不会丢失。</p>\n"
			     "<div class=\"table\"><table class=\"list\"><thead><tr><th>时间</th>"
			     "<th>调度期</th><th>操作人</th><th>方式</th><th>本期完成投资(万元)</th>"
			     "<th>开工状态</th><th>形象进度</th><th>存在问题</th></tr></thead><tbody>\n");
	if ((rc = tz_store_report_history(r->store, code, p, history_row, &h, &r->err)))
		return rc;
	tz_html_raw(&r->out, "</tbody></table></div>\n");
	if (!h.n)
		tz_html_raw(&r->out, "<p class=\"msg\">没有记录（通过表格导入且调度期未开启时导入的数据不记录修改）。</p>\n");
	return tz_page_send(r, 200);
}
