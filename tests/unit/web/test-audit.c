/*
 * test-audit.c: the audit trail in Chinese (web/audit.h): every action the
 * code writes, with its object and old/new values as the writers make
 * them, comes out as Chinese labels, links and key/value lists with no
 * JSON left; unknown actions, keys and objects, and values that are not
 * JSON, come out as escaped text; the command line's text has the same
 * words without markup or control characters.
 */
#include "tz-test.h"

#include "base/buf.h"
#include "web/audit.h"

static struct tz_org_index *tree(void)
{
	static const struct tz_org_node nodes[] = {
		{ 1, "210800", "营口市", "", TZ_ORG_CITY, "" },
		{ 2, "210881", "盖州市", "210800", TZ_ORG_COUNTY, "" },
	};
	struct tz_org_index *x = tz_org_index_new();
	struct tz_err err;

	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		assert_int_equal(tz_org_index_add(x, &nodes[i], &err), 0);
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		tz_org_index_set_id(x, nodes[i].code, nodes[i].id);
	return x;
}

/* Projects: P1 is 鲅鱼圈港区改造 and visible, P2 exists for nobody. */
static const char *project(void *ctx, const char *code)
{
	(void)ctx;
	return strcmp(code, "P1") ? NULL : "鲅鱼圈港区改造";
}

static const char *user(void *ctx, const char *login)
{
	(void)ctx;
	return strcmp(login, "leader") ? NULL : "孙振宇";
}

static struct tz_org_index *org;

static int setup(void **state)
{
	(void)state;
	org = tree();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tz_org_index_free(org);
	return 0;
}

/* One row of an action as its writer makes it, and what must show. */
struct row {
	const char *action;
	const char *label;       /* the action's */
	const char *object;
	const char *object_html; /* exactly */
	const char *old_value;
	const char *old_html;    /* contained, or NULL */
	const char *new_value;
	const char *new_html[4]; /* each contained */
};

static const struct row rows[] = {
	{ "login", "登录", "user:leader", "用户 leader（孙振宇）", NULL, NULL, NULL, { NULL } },
	{ "login.failed", "登录失败", "user:nobody", "用户 nobody", NULL, NULL, NULL, { NULL } },
	{ "logout", "退出", "user:leader", "用户 leader（孙振宇）", NULL, NULL, NULL, { NULL } },
	{ "user.add", "新增用户", "user:zhang", "用户 zhang", NULL, NULL,
	  "{\"login\":\"zhang\",\"name\":\"张三\",\"role\":\"reporter\",\"org\":\"210881\"}",
	  { "<li>登录名：zhang</li>", "<li>姓名：张三</li>", "<li>角色：填报员</li>",
	    "<li>所属机构：盖州市</li>" } },
	{ "user.add", "新增用户", "user:wang", "用户 wang", NULL, NULL,
	  "{\"login\":\"wang\",\"name\":\"王建国\",\"role\":\"leader\",\"org\":\"210800\","
	  "\"leader_name\":\"王建国\",\"demo\":true}",
	  { "<li>角色：领导</li>", "<li>所属机构：营口市</li>", "<li>包联领导：王建国</li>",
	    "<li>演示账号：是</li>" } },
	{ "user.passwd", "修改密码", "user:zhang", "用户 zhang", NULL, NULL,
	  "{\"password\":\"changed\"}", { "<li>密码：已修改</li>" } },
	{ "user.disable", "停用用户", "user:zhang", "用户 zhang", "{\"disabled\":false}",
	  "<li>状态：正常</li>", "{\"disabled\":true}", { "<li>状态：已停用</li>" } },
	{ "user.enable", "启用用户", "user:zhang", "用户 zhang", "{\"disabled\":true}",
	  "<li>状态：已停用</li>", "{\"disabled\":false}", { "<li>状态：正常</li>" } },
	{ "token.add", "新增API令牌", "token:1", "令牌 1", NULL, NULL,
	  "{\"user\":\"zhang\",\"name\":\"数据大屏\",\"expires\":1767258000}",
	  { "<li>用户：zhang</li>", "<li>用途：数据大屏</li>", "<li>到期：2026-01-01 17:00</li>" } },
	{ "token.revoke", "撤销API令牌", "token:1", "令牌 1", "{\"revoked\":false}",
	  "<li>状态：有效</li>", "{\"revoked\":true}", { "<li>状态：已撤销</li>" } },
	{ "period.open", "开启调度期", "dispatch:210800:2025-12",
	  "<a href=\"/ontime?period=2025-12&amp;node=210800\">调度期 2025-12（营口市）</a>", NULL, NULL,
	  "{\"state\":\"填报中\",\"deadline\":\"2026-01-05 17:00\"}",
	  { "<li>状态：填报中</li><li>报送截止：2026-01-05 17:00</li>" } },
	{ "period.close", "关闭调度期", "dispatch:210881:2026-01",
	  "<a href=\"/ontime?period=2026-01&amp;node=210881\">调度期 2026-01（盖州市）</a>",
	  "{\"state\":\"填报中\",\"deadline\":\"2026-02-04 17:00\"}", "<li>状态：填报中</li>",
	  "{\"state\":\"已关闭\",\"deadline\":\"2026-02-04 17:00\"}", { "<li>状态：已关闭</li>" } },
	{ "period.reopen", "重新开启调度期", "dispatch:210800:2025-10",
	  "<a href=\"/ontime?period=2025-10&amp;node=210800\">调度期 2025-10（营口市）</a>",
	  "{\"state\":\"已关闭\",\"deadline\":\"2025-11-07 12:30\"}", "<li>报送截止：2025-11-07 12:30</li>",
	  "{\"state\":\"填报中\",\"deadline\":\"2025-11-07 12:30\"}", { "<li>状态：填报中</li>" } },
	{ "period.deadline", "修改报送截止", "dispatch:999:2025-10",
	  "<a href=\"/ontime?period=2025-10&amp;node=999\">调度期 2025-10（999）</a>",
	  "{\"state\":\"填报中\",\"deadline\":\"2025-11-05 17:00\"}", "<li>报送截止：2025-11-05 17:00</li>",
	  "{\"state\":\"填报中\",\"deadline\":\"2025-11-07 12:30\"}", { "<li>报送截止：2025-11-07 12:30</li>" } },
	{ "report.save", "调度填报", "period:2025-12",
	  "<a href=\"/ontime?period=2025-12\">调度期 2025-12</a>", NULL, NULL,
	  "{\"as\":\"填报\",\"added\":2,\"changed\":0,\"unchanged\":0,\"late\":2,\"codes\":[\"P1\",\"P2\"]}",
	  { "<li>方式：填报</li>", "<li>新增 2 个、更正 0 个、未变 0 个、迟报 2 个</li>",
	    "<li>项目：<a href=\"/projects/P1\">P1</a>、<a href=\"/projects/P2\">P2</a></li>" } },
	{ "report.save", "调度填报", "period:2025-11",
	  "<a href=\"/ontime?period=2025-11\">调度期 2025-11</a>", NULL, NULL,
	  "{\"as\":\"更正\",\"added\":0,\"changed\":12,\"unchanged\":1,\"late\":0,\"codes\":"
	  "[\"A1\",\"A2\",\"A3\",\"A4\",\"A5\",\"A6\",\"A7\",\"A8\",\"A9\",\"A10\",\"A11\",\"A12\"]}",
	  { "<li>方式：更正</li>", "更正 12 个",
	    "<a href=\"/projects/A5\">A5</a>等12个</li>" } },
	{ "import.projects", "导入项目台账", "file:2025年台账.csv", "文件 2025年台账.csv", NULL, NULL,
	  "{\"rows\":2000,\"accepted\":2000,\"rejected\":0,\"org_created\":0,\"codes_given\":0,"
	  "\"partial\":false}",
	  { "<li>共 2000 行、导入 2000 行、拒绝 0 行、新建组织机构 0 个、新编项目编号 0 个</li>",
	    "<li>导入方式：全部导入</li>" } },
	{ "import.progress", "导入调度数据", "file:十一月.csv", "文件 十一月.csv", NULL, NULL,
	  "{\"rows\":3,\"accepted\":1,\"rejected\":2,\"org_created\":0,\"codes_given\":0,"
	  "\"partial\":true,\"added\":1,\"replaced\":0,\"unchanged\":0}",
	  { "拒绝 2 行", "<li>导入方式：只导入正确的行</li>", "<li>新增 1 行、更正 0 行、未变 0 行</li>" } },
	{ "org.import", "导入组织机构", "file:org.csv", "文件 org.csv", NULL, NULL,
	  "{\"added\":1,\"changed\":2,\"unchanged\":30}", { "<li>新增 1 个、更新 2 个、未变 30 个</li>" } },
	{ "problem.raise", "提出问题", "project:P1",
	  "<a href=\"/projects/P1\">项目 鲅鱼圈港区改造（P1）</a>", NULL, NULL,
	  "{\"kind\":\"用地\",\"level\":\"省\",\"unit\":\"市自然资源局\",\"deadline\":\"2025-09-30\","
	  "\"description\":\"用地指标未落实\"}",
	  { "<li>问题类型：用地</li><li>解决层级：省</li><li>责任单位：市自然资源局</li>",
	    "<li>办结时限：2025-09-30</li>", "<li>问题描述：用地指标未落实</li>" } },
	{ "problem.raise_from_report", "从调度填报提出问题", "project:P2", "项目 P2", NULL, NULL,
	  "{\"level\":\"市\",\"unit\":\"\",\"deadline\":\"\"}", { "<ul class=\"kv\"><li>解决层级：市</li></ul>" } },
	{ "problem.assign", "交办或修改问题", "problem:12", "<a href=\"/problems/12\">问题 #12</a>",
	  NULL, NULL, "{\"kind\":\"资金\",\"level\":\"市\",\"unit\":\"市财政局\",\"deadline\":\"2025-10-31\"}",
	  { "<li>问题类型：资金</li>", "<li>责任单位：市财政局</li>" } },
	{ "problem.move", "变更问题状态", "problem:12", "<a href=\"/problems/12\">问题 #12</a>",
	  NULL, NULL, "{\"status\":\"已交办\"}", { "<li>办理状态：已交办</li>" } },
	{ "problem.move", "变更问题状态", "problem:12", "<a href=\"/problems/12\">问题 #12</a>",
	  NULL, NULL, "{\"from\":\"办理中\",\"to\":\"暂缓\",\"note\":\"等待省里批复\"}",
	  { "<li>原办理状态：办理中</li><li>改为：暂缓</li><li>说明：等待省里批复</li>" } },
	{ "problem.mark", "标记问题", "problem:7", "<a href=\"/problems/7\">问题 #7</a>", NULL, NULL,
	  "{\"mark\":\"重点关注\"}", { "<li>标记：重点关注</li>" } },
	{ "problem.comment", "批示意见", "problem:7", "<a href=\"/problems/7\">问题 #7</a>", NULL, NULL,
	  "{\"comment\":\"请市自然资源局<b>抓紧</b>办理\"}",
	  { "<li>意见：请市自然资源局&lt;b&gt;抓紧&lt;/b&gt;办理</li>" } },
	{ "procedure.set", "登记前期手续", "project:P1",
	  "<a href=\"/projects/P1\">项目 鲅鱼圈港区改造（P1）</a>", NULL, NULL,
	  "{\"procedure\":\"环评批复\",\"status\":\"已取得\",\"date\":\"2025-03-15\","
	  "\"doc_no\":\"营环审〔2025〕3号\"}",
	  { "<li>手续：环评批复</li><li>办理状态：已取得</li>", "<li>取得日期：2025-03-15</li>",
	    "<li>文号：营环审〔2025〕3号</li>" } },
	{ "procedure.require", "补齐须办手续", "project:P1",
	  "<a href=\"/projects/P1\">项目 鲅鱼圈港区改造（P1）</a>", NULL, NULL, NULL, { NULL } },
};

static const struct tz_audit_names names = { NULL, project, user, NULL };

/* What no rendered value of a known action may hold: JSON, or an English
 * key shown as itself. */
static void no_json(const char *html)
{
	static const char *const english[] = { "added", "changed", "late", "codes", "rows",
		"accepted", "state", "deadline", "status", "disabled", "revoked", "partial" };

	assert_null(strstr(html, "{\""));
	assert_null(strstr(html, "{&quot;"));
	assert_null(strstr(html, "&quot;:"));
	for (size_t i = 0; i < sizeof(english) / sizeof(english[0]); i++) {
		char k[32];

		snprintf(k, sizeof(k), "%s：", english[i]);
		if (strstr(html, k))
			fail_msg("an English key in %s", html);
	}
}

static void test_every_action(void **state)
{
	struct tz_audit_names nm = names;

	(void)state;
	nm.org = org;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *t = &rows[i];
		struct tz_buf b = TZ_BUF_INIT;

		assert_string_equal(tz_audit_action_label(t->action), t->label);
		assert_int_equal(tz_audit_object_html(&b, t->object, &nm), 0);
		assert_string_equal(b.buf, t->object_html);
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_value_html(&b, t->action, t->old_value, &nm), 0);
		if (t->old_html && !strstr(b.buf, t->old_html))
			fail_msg("%s old: '%s' not in '%s'", t->action, t->old_html, b.buf);
		if (!t->old_value)
			assert_string_equal(b.buf, "");
		no_json(b.buf);
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_value_html(&b, t->action, t->new_value, &nm), 0);
		for (size_t j = 0; j < 4 && t->new_html[j]; j++)
			if (!strstr(b.buf, t->new_html[j]))
				fail_msg("%s new: '%s' not in '%s'", t->action, t->new_html[j], b.buf);
		if (!t->new_value)
			assert_string_equal(b.buf, "");
		no_json(b.buf);
		tz_buf_release(&b);
	}
}

/* Every action listed for the filter has a label, and the labels above
 * are those of the list. */
static void test_action_list(void **state)
{
	size_t n = tz_audit_action_count();

	(void)state;
	assert_true(n >= 25);
	for (size_t i = 0; i < n; i++) {
		const char *key, *label;

		tz_audit_action_at(i, &key, &label);
		assert_string_equal(tz_audit_action_label(key), label);
		assert_string_not_equal(key, label);
	}
	assert_string_equal(tz_audit_action_label("something.new"), "something.new");
	assert_string_equal(tz_audit_origin_label("cli"), "命令行");
	assert_string_equal(tz_audit_origin_label("127.0.0.1"), "127.0.0.1");
	assert_string_equal(tz_audit_origin_label(""), "—");
}

/* Without names: codes, logins and node codes as they are, no link to a
 * project nobody named. */
static void test_without_names(void **state)
{
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	tz_audit_object_html(&b, "project:P1", NULL);
	assert_string_equal(b.buf, "项目 P1");
	tz_buf_reset(&b);
	tz_audit_object_html(&b, "dispatch:210800:2025-12", NULL);
	assert_string_equal(b.buf, "<a href=\"/ontime?period=2025-12&amp;node=210800\">"
				   "调度期 2025-12（210800）</a>");
	tz_buf_reset(&b);
	tz_audit_value_html(&b, "user.add", "{\"org\":\"210881\",\"role\":\"boss\"}", NULL);
	assert_string_equal(b.buf, "<ul class=\"kv\"><li>所属机构：210881</li><li>角色：boss</li></ul>");
	tz_buf_release(&b);
}

/* What no table knows, and what is not what it claims, is escaped text. */
static void test_unknown_and_hostile(void **state)
{
	static const struct {
		const char *object, *html;
	} objects[] = {
		{ "user:<script>x</script>", "用户 &lt;script&gt;x&lt;/script&gt;" },
		{ "", "—" },
		{ "thing:1", "thing:1" },
		{ "problem:12abc", "problem:12abc" },
		{ "problem:", "problem:" },
		{ "period:2025-13", "period:2025-13" },
		{ "dispatch:2025-12", "dispatch:2025-12" },
		{ "dispatch::2025-12", "dispatch::2025-12" },
		{ "project:", "project:" },
		{ "project:A\"><b>", "项目 A&quot;&gt;&lt;b&gt;" },
		{ "file:<i>.csv", "文件 &lt;i&gt;.csv" },
	};
	static const struct {
		const char *action, *value, *html;
	} values[] = {
		{ "report.save", "not json <b>", "not json &lt;b&gt;" },
		{ "report.save", "[1,2]", "[1,2]" },
		{ "report.save", "{\"added\":2", "{&quot;added&quot;:2" },
		{ "report.save", "{\"added\":\"two\"}", "<ul class=\"kv\"><li>新增：two</li></ul>" },
		{ "report.save", "{\"codes\":\"P1\"}", "<ul class=\"kv\"><li>项目：P1</li></ul>" },
		{ "report.save", "{\"codes\":[]}", "" },
		{ "report.save", "{\"codes\":[\"P1\",3]}",
		  "<ul class=\"kv\"><li>项目：<a href=\"/projects/P1\">P1</a>、3</li></ul>" },
		{ "foo.bar", "{\"<k>\":\"<v>\",\"n\":1.5,\"t\":true,\"z\":null,\"a\":[\"x\",2]}",
		  "<ul class=\"kv\"><li>&lt;k&gt;：&lt;v&gt;</li><li>n：1.5</li><li>t：是</li>"
		  "<li>z：（空）</li><li>a：x、2</li></ul>" },
		{ "foo.bar", "{\"o\":{\"a\":1}}", "<ul class=\"kv\"><li>o：{&quot;a&quot;:1}</li></ul>" },
		{ "user.disable", "{\"disabled\":1}", "<ul class=\"kv\"><li>状态：1</li></ul>" },
		{ "token.add", "{\"expires\":\"soon\"}", "<ul class=\"kv\"><li>到期：soon</li></ul>" },
		{ NULL, "{\"added\":2}", "<ul class=\"kv\"><li>added：2</li></ul>" },
		{ "period.open", "", "" },
		{ "period.open", "{}", "" },
	};
	struct tz_buf b = TZ_BUF_INIT;
	struct tz_audit_names nm = names;

	(void)state;
	nm.org = org;
	for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_object_html(&b, objects[i].object, &nm), 0);
		assert_string_equal(b.buf, objects[i].html);
	}
	tz_buf_reset(&b);
	assert_int_equal(tz_audit_object_html(&b, NULL, &nm), 0);
	assert_string_equal(b.buf, "—");
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_value_html(&b, values[i].action, values[i].value, &nm), 0);
		assert_string_equal(b.buf, values[i].html);
	}
	tz_buf_release(&b);
}

/* The command line's text: the same words, no markup, no links, nothing
 * of the record that could drive a terminal. */
static void test_text(void **state)
{
	static const struct {
		const char *object, *text;
	} objects[] = {
		{ "dispatch:210800:2025-12", "调度期 2025-12（营口市）" },
		{ "period:2025-12", "调度期 2025-12" },
		{ "problem:12", "问题 #12" },
		{ "project:P1", "项目 鲅鱼圈港区改造（P1）" },
		{ "project:P2", "项目 P2" },
		{ "user:leader", "用户 leader（孙振宇）" },
		{ "token:3", "令牌 3" },
		{ "file:/tmp/2025年台账.csv", "文件 /tmp/2025年台账.csv" },
		{ "user:\x1b]0;owned\x07\x1b[31mx\xc2\x9b" "2J", "用户 ]0;owned[31mx2J" },
		{ "<b>", "<b>" },
		{ "", "—" },
	};
	static const struct {
		const char *action, *value, *text;
	} values[] = {
		{ "report.save",
		  "{\"as\":\"填报\",\"added\":2,\"changed\":0,\"unchanged\":0,\"late\":2,"
		  "\"codes\":[\"P1\",\"P2\"]}",
		  "方式：填报；新增 2 个、更正 0 个、未变 0 个、迟报 2 个；项目：P1、P2" },
		{ "report.save", "{\"codes\":[\"A1\",\"A2\",\"A3\",\"A4\",\"A5\",\"A6\",\"A7\"]}",
		  "项目：A1、A2、A3、A4、A5等7个" },
		{ "import.projects",
		  "{\"rows\":2000,\"accepted\":2000,\"rejected\":0,\"org_created\":0,"
		  "\"codes_given\":0,\"partial\":false}",
		  "共 2000 行、导入 2000 行、拒绝 0 行、新建组织机构 0 个、新编项目编号 0 个；导入方式：全部导入" },
		{ "period.deadline", "{\"state\":\"填报中\",\"deadline\":\"2026-01-06 12:00\"}",
		  "状态：填报中；报送截止：2026-01-06 12:00" },
		{ "org.import", "{\"added\":0,\"changed\":1,\"unchanged\":17}", "新增 0 个、更新 1 个、未变 17 个" },
		{ "problem.comment", "{\"comment\":\"第一行\\n第二行\\u001b[2J\"}", "意见：第一行 第二行[2J" },
		{ "user.add", "{\"org\":\"210881\",\"<k>\":\"<v>\"}", "所属机构：盖州市；<k>：<v>" },
		{ "report.save", "not json <b>", "not json <b>" },
		{ "report.save", NULL, "" },
	};
	struct tz_audit_names nm = names;
	struct tz_buf b = TZ_BUF_INIT;

	(void)state;
	nm.org = org;
	for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_object_text(&b, objects[i].object, &nm), 0);
		assert_string_equal(b.buf, objects[i].text);
	}
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		tz_buf_reset(&b);
		assert_int_equal(tz_audit_value_text(&b, values[i].action, values[i].value, &nm), 0);
		assert_string_equal(b.buf, values[i].text);
	}
	tz_buf_reset(&b);
	assert_int_equal(tz_audit_plain(&b, "a\x1b[0mb\nc"), 0);
	assert_string_equal(b.buf, "a[0mb c");
	tz_buf_release(&b);
}

/* A value larger than the buffer's cap: TZ_ETOOBIG, no crash. */
static void test_cap(void **state)
{
	struct tz_buf b;

	(void)state;
	tz_buf_init(&b, 16);
	assert_int_equal(tz_audit_value_html(&b, "report.save",
					     "{\"as\":\"填报\",\"added\":2,\"changed\":0,\"late\":2}", NULL),
			 TZ_ETOOBIG);
	tz_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_action),
		cmocka_unit_test(test_action_list),
		cmocka_unit_test(test_without_names),
		cmocka_unit_test(test_unknown_and_hostile),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
