/*
 * test-docparse-api.c: tz_docparse() on small documents: each warning kind
 * fires where it should and not where it should not, the unit-list rules
 * of tasks, and bad input (empty, binary, UTF-16, broken encodings, too
 * big) rejected with a Chinese message.
 */
#include "tz-test.h"

#include "base/limits.h"
#include "doc/doc.h"

static struct tz_doc *parse(const char *s)
{
	struct tz_doc *doc = NULL;
	struct tz_err err;

	if (tz_docparse(s, strlen(s), &doc, &err))
		fail_msg("parse failed: %s", err.msg);
	return doc;
}

/* Warnings of `kind` as "text@line;". */
static void warnings(const struct tz_doc *doc, const char *kind, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < doc->nwarnings; i++)
		if (!strcmp(doc->warnings[i].kind, kind))
			n += (size_t)snprintf(out + n, size - n, "%s@%ld;", doc->warnings[i].text,
					      doc->warnings[i].line);
}

static void check(const char *text, const char *kind, const char *want)
{
	struct tz_doc *doc = parse(text);
	char got[1024];

	warnings(doc, kind, got, sizeof(got));
	if (strcmp(got, want))
		fail_msg("%s: want \"%s\", got \"%s\" for: %s", kind, want, got, text);
	tz_doc_free(doc);
}

static void test_injected_text(void **state)
{
	(void)state;
	check("一、买足球的软件上下布局的建议\n", "injected_text", "买足球的软件@1;");
	check("第一行\n开展活动。彩票app下载送彩金\n", "injected_text", "彩票app下载送彩金@2;");
	check("新葡京娱乐场真人视讯百家乐\n", "injected_text", "新葡京娱乐场真人视讯百家乐@1;");
	/* fighting gambling is not gambling spam */
	check("严厉打击网络赌博、六合彩等违法犯罪活动。\n", "injected_text", "");
	check("依法查处博彩广告。\n", "injected_text", "");
	/* a proposal title that lost its 关于 to a betting word */
	check("贵委提出的《足球彩票站点建设的提案》收悉。\n", "injected_text", "足球彩票@1;");
	/* ordinary words */
	check("推进软件和信息技术服务业发展，《软件产业发展规划》印发实施。\n", "injected_text", "");
}

static void test_personal_phone(void **state)
{
	(void)state;
	check("承办人及联系电话：吴 浩 13922366072\n", "personal_phone", "13922366072@1;");
	check("联系人：赵敏，电话：138-1234-5678。\n", "personal_phone", "138-1234-5678@1;");
	check("联系人：赵敏，电话：138 1234 5678。\n", "personal_phone", "138 1234 5678@1;");
	/* office lines and longer numbers are not private mobiles */
	check("联系电话：0731-88886666，传真：0335-3032123。\n", "personal_phone", "");
	check("索引号：113922366072001\n统一社会信用代码91430100139223660X\n", "personal_phone", "");
	check("投资13922366072.5元\n", "personal_phone", "");
}

static void test_personal_id(void **state)
{
	(void)state;
	check("反映人刘某（身份证号43010319800101123X）\n", "personal_id", "43010319800101123X@1;");
	/* wrong check digit: a code, not an ID */
	check("编号430103198001011234\n", "personal_id", "");
}

static void test_sums(void **state)
{
	(void)state;
	/* seed 000's breakdown holds */
	check("谋划了总投资1555亿元172个项目库,其中港口基础设施项目7个,总投资214亿元;临港产业项目109个,"
	      "总投资916亿元,城市建设项目56个,总投资425亿元,每月调度。\n",
	      "sum_mismatch", "");
	check("谋划了总投资1555亿元172个项目库,其中港口基础设施项目7个,总投资214亿元;临港产业项目109个,"
	      "总投资916亿元,城市建设项目55个,总投资425亿元,每月调度。\n",
	      "sum_mismatch", "172个项目库,其中港口基础设施项目7个,总投资214亿元;临港产业项目109个,"
	      "总投资916亿元,城市建设项目55个,总投资425亿元@1;");
	/* a breakdown that is not complete (TEU is not 万吨) is not checked */
	check("累计完成吞吐量5180.2万吨,增幅0.7%;其中,集装箱120.2TEU,增幅16.9%;油化品445.2万吨;"
	      "散杂货2994.7万吨。\n",
	      "sum_mismatch", "");
	/* a 其中 inside brackets has no clear whole */
	check("施工许可证23个(其中省重点56个,立项、备案49个,施工许可证7个)。\n", "sum_mismatch", "");
	check("共有项目45个，其中甲类12个、乙类20个、丙类10个。\n", "sum_mismatch",
	      "45个，其中甲类12个、乙类20个、丙类10个@1;");
}

static void test_rates(void **state)
{
	(void)state;
	check("年计划投资380.52亿元。1-8月,完成投340.43亿元,投资完成89.5%已开工152项,开工率100%\n",
	      "rate_mismatch", "");
	check("年计划投资85.7亿元。1-8月,完成投资50.64亿元,投资完成率59.1%\n", "rate_mismatch", "");
	/* cut rather than rounded is accepted too */
	check("年度计划投资3亿元，完成投资2亿元，完成率66.6%。\n", "rate_mismatch", "");
	check("年度计划投资120亿元，1-6月完成投资90亿元，完成年度计划的80%。\n", "rate_mismatch",
	      "120亿元，1-6月完成投资90亿元，完成年度计划的80%@1;");
	/* units converted: 1.2亿元 of 24000万元 is 50% */
	check("年度计划投资24000万元，完成投资1.2亿元，投资完成率50%。\n", "rate_mismatch", "");
}

static const struct tz_doc_task *task(const struct tz_doc *doc, size_t i)
{
	assert_true(i < doc->ntasks);
	return &doc->tasks[i];
}

static void test_units(void **state)
{
	struct tz_doc *doc;
	const struct tz_doc_task *t;

	(void)state;
	doc = parse("一、任务\n"
		    "1.甲。〔牵头单位:市工信局,责任单位:市发改委、市科技局,各县(市)区政府、开发区(园区)管委会〕\n"
		    "2.乙。（市发改委牵头，市财政局、市商务局配合）\n"
		    "3.丙。（牵头单位：市商务局，市财政局等配合）\n"
		    "4.丁。（责任单位：市教育局、市财政局，各县（市、区）人民政府按职责分工负责）\n");
	assert_int_equal(doc->kind, TZ_DOC_WORK_PLAN);
	assert_int_equal(doc->ntasks, 4);
	t = task(doc, 0);
	assert_string_equal(t->path, "一.1");
	assert_int_equal(t->nlead, 1);
	assert_int_equal(t->nresponsible, 4);
	assert_string_equal(t->responsible[2], "各县(市)区政府");
	assert_string_equal(t->responsible[3], "开发区(园区)管委会");
	t = task(doc, 1);
	assert_string_equal(t->lead[0], "市发改委");
	assert_string_equal(t->responsible[1], "市商务局");
	t = task(doc, 2);
	assert_string_equal(t->lead[0], "市商务局");
	assert_int_equal(t->nlead, 1);
	assert_string_equal(t->responsible[0], "市财政局");
	t = task(doc, 3);
	assert_int_equal(t->nlead, 0);
	assert_int_equal(t->nresponsible, 3);
	assert_string_equal(t->responsible[2], "各县（市、区）人民政府");
	tz_doc_free(doc);
}

static void expect_error(const char *data, size_t len, int code, const char *words)
{
	struct tz_doc *doc = (struct tz_doc *)1;
	struct tz_err err;

	tz_err_clear(&err);
	assert_int_equal(tz_docparse(data, len, &doc, &err), code);
	assert_null(doc);
	if (!strstr(err.msg, words))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, words);
}

static void test_bad_input(void **state)
{
	char *big;

	(void)state;
	expect_error("", 0, TZ_EINVAL, "为空");
	expect_error(" \n\t\r\n", 5, TZ_EINVAL, "为空");
	expect_error("PK\x03\x04\x00\x00zip", 9, TZ_EINVAL, "不是文本文件");
	expect_error("\xFF\xFEx\x00y\x00", 6, TZ_EINVAL, "UTF-16");
	expect_error("\x01\x02\x03\x04\x05\x06\x07\x08 text", 13, TZ_EINVAL, "控制字符");
	expect_error("ok \xFF\xFF\xFF\xFF broken", 14, TZ_EENCODING, "编码");
	expect_error("<html><script>x</script></html>", 31, TZ_EINVAL, "没有文字");
	big = malloc(TZ_LIMIT_DOC + 1u);
	assert_non_null(big);
	memset(big, 'a', TZ_LIMIT_DOC + 1u);
	expect_error(big, TZ_LIMIT_DOC + 1u, TZ_ETOOBIG, "过大");
	free(big);
}

static void test_gbk_and_cut(void **state)
{
	/* 关于 in GBK: B9 D8 D3 DA */
	const char gbk[] = "\xB9\xD8\xD3\xDA\xCD\xA8\xD6\xAA\n";
	const char cut[] = "关于通知\n内容\xE5\x85";
	struct tz_doc *doc = NULL;
	struct tz_err err;

	(void)state;
	assert_int_equal(tz_docparse(gbk, sizeof(gbk) - 1, &doc, &err), 0);
	assert_string_equal(doc->encoding, "GBK");
	assert_string_equal(doc->title, "关于通知");
	tz_doc_free(doc);
	assert_int_equal(tz_docparse(cut, sizeof(cut) - 1, &doc, &err), 0);
	assert_string_equal(doc->title, "关于通知");
	tz_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_injected_text), cmocka_unit_test(test_personal_phone),
		cmocka_unit_test(test_personal_id),   cmocka_unit_test(test_sums),
		cmocka_unit_test(test_rates),         cmocka_unit_test(test_units),
		cmocka_unit_test(test_bad_input),     cmocka_unit_test(test_gbk_and_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
