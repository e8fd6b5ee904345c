/*
 * test-err.c: filling in struct tz_err (base/err.h) and the allocation
 * wrappers (base/xalloc.h).
 */
#include "tz-test.h"

#include <errno.h>

#include <sys/wait.h>
#include <unistd.h>

#include "base/err.h"
#include "base/text.h"
#include "base/xalloc.h"

static void test_clear(void **state)
{
	struct tz_err err;

	(void)state;
	memset(&err, 'x', sizeof(err));
	tz_err_clear(&err);
	assert_int_equal(err.code, 0);
	assert_string_equal(err.msg, "");
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	assert_string_equal(err.field, "");
	tz_err_clear(NULL);
}

static void test_set_returns_code_and_formats(void **state)
{
	struct tz_err err;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_err_set(&err, TZ_EINVAL, "月份%d不存在", 13), TZ_EINVAL);
	assert_int_equal(err.code, TZ_EINVAL);
	assert_string_equal(err.msg, "月份13不存在");
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	assert_string_equal(err.field, "");
	/* NULL err: only the code. */
	assert_int_equal(tz_err_set(NULL, TZ_EIO, "x%s", "y"), TZ_EIO);
}

static void test_set_at_and_locate(void **state)
{
	struct tz_err err;

	(void)state;
	tz_err_clear(&err);
	assert_int_equal(tz_err_set_at(&err, TZ_EINVAL, "台账.csv", 42, "总投资", "不是%s", "数字"),
			 TZ_EINVAL);
	assert_string_equal(err.msg, "不是数字");
	assert_string_equal(err.file, "台账.csv");
	assert_int_equal(err.line, 42);
	assert_string_equal(err.field, "总投资");
	/* NULL/0 mean none, replacing what was there. */
	assert_int_equal(tz_err_set_at(&err, TZ_EIO, NULL, 0, NULL, "m"), TZ_EIO);
	assert_string_equal(err.file, "");
	assert_int_equal(err.line, 0);
	assert_string_equal(err.field, "");
	assert_int_equal(tz_err_set_at(NULL, TZ_EIO, "f", 1, "g", "m"), TZ_EIO);

	/* locate keeps the message and code, adds where. */
	tz_err_set(&err, TZ_EENCODING, "坏字节");
	tz_err_locate(&err, "b.csv", 7);
	assert_int_equal(err.code, TZ_EENCODING);
	assert_string_equal(err.msg, "坏字节");
	assert_string_equal(err.file, "b.csv");
	assert_int_equal(err.line, 7);
	/* NULL file and 0 line leave what is known. */
	tz_err_locate(&err, NULL, 0);
	assert_string_equal(err.file, "b.csv");
	assert_int_equal(err.line, 7);
	tz_err_locate(&err, NULL, 9);
	assert_string_equal(err.file, "b.csv");
	assert_int_equal(err.line, 9);
	tz_err_locate(NULL, "x", 1);
}

static void test_long_text_is_truncated(void **state)
{
	struct tz_err err;
	char ascii[2000];

	(void)state;
	memset(ascii, 'a', sizeof(ascii) - 1);
	ascii[sizeof(ascii) - 1] = '\0';
	tz_err_set_at(&err, TZ_EINVAL, ascii, 1, ascii, "%s", ascii);
	assert_int_equal(strlen(err.msg), sizeof(err.msg) - 1);
	assert_int_equal(strlen(err.file), sizeof(err.file) - 1);
	assert_int_equal(strlen(err.field), sizeof(err.field) - 1);
	assert_int_equal(err.line, 1);
}

static void test_truncation_keeps_utf8_whole(void **state)
{
	struct tz_buf long_cn = TZ_BUF_INIT;
	struct tz_err err;

	(void)state;
	/* Messages are Chinese and shown to users (and written into JSON):
	 * cutting one must not leave half a character behind. */
	for (int pad = 0; pad < 3; pad++) {
		tz_buf_reset(&long_cn);
		for (int i = 0; i < pad; i++)
			assert_int_equal(tz_buf_addch(&long_cn, 'x'), 0);
		while (long_cn.len < 1000)
			assert_int_equal(tz_buf_adds(&long_cn, "项目编号"), 0);
		tz_err_set_at(&err, TZ_EINVAL, long_cn.buf, 1, long_cn.buf, "%s", long_cn.buf);
		if (!tz_utf8_valid(err.msg, strlen(err.msg)))
			fail_msg("pad %d: msg ends in a broken character", pad);
		assert_true(tz_utf8_valid(err.file, strlen(err.file)));
		assert_true(tz_utf8_valid(err.field, strlen(err.field)));
		/* As much as fits is kept. */
		assert_true(strlen(err.msg) >= sizeof(err.msg) - 3);
		assert_memory_equal(err.msg, long_cn.buf, strlen(err.msg));
		assert_true(strlen(err.field) >= sizeof(err.field) - 3);
		tz_err_locate(&err, long_cn.buf, 2);
		assert_true(tz_utf8_valid(err.file, strlen(err.file)));
	}
	tz_buf_release(&long_cn);
}

static void test_control_characters_escaped(void **state)
{
	struct tz_err err;
	char big[600];

	(void)state;
	/* A message is one line: a cell's line break (1000 Alt+Enter 300)
	 * quoted in it is written \x0A (audit 9 R20). */
	tz_err_set(&err, TZ_EINVAL, "总投资(万元)“%s”不是有效的金额", "1000\n300");
	assert_string_equal(err.msg, "总投资(万元)“1000\\x0A300”不是有效的金额");
	tz_err_set_at(&err, TZ_EINVAL, NULL, 0, "x", "a\tb\rc\x7f");
	assert_string_equal(err.msg, "a\\x09b\\x0Dc\\x7F");
	/* Escaping a message that fills the buffer keeps it whole. */
	memset(big, '\n', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	tz_err_set(&err, TZ_EINVAL, "%s", big);
	assert_true(strlen(err.msg) < sizeof(err.msg));
	assert_null(strchr(err.msg, '\n'));
	assert_int_equal(strlen(err.msg) % 4, 0);
}

static void test_errc_names(void **state)
{
	(void)state;
	assert_string_equal(tz_errc_name(TZ_OK), "OK");
	assert_string_equal(tz_errc_name(TZ_EINVAL), "EINVAL");
	assert_string_equal(tz_errc_name(TZ_EIO), "EIO");
	assert_string_equal(tz_errc_name(TZ_ENOTFOUND), "ENOTFOUND");
	assert_string_equal(tz_errc_name(TZ_EEXIST), "EEXIST");
	assert_string_equal(tz_errc_name(TZ_ETOOBIG), "ETOOBIG");
	assert_string_equal(tz_errc_name(TZ_EENCODING), "EENCODING");
	assert_string_equal(tz_errc_name(TZ_ESTORE), "ESTORE");
	assert_string_equal(tz_errc_name(TZ_EREJECTED), "EREJECTED");
	assert_string_equal(tz_errc_name(TZ_EUSAGE), "EUSAGE");
	assert_string_equal(tz_errc_name(TZ_EINTERNAL), "EINTERNAL");
	assert_string_equal(tz_errc_name(-11), "EUNKNOWN");
	assert_string_equal(tz_errc_name(1), "EUNKNOWN");
}

/* ------------------------------------------------------------------ */
/* xalloc                                                              */

static void test_xalloc_basics(void **state)
{
	char *p;
	unsigned char *z;

	(void)state;
	p = tz_xmalloc(0);
	assert_non_null(p);
	free(p);
	z = tz_xcalloc(100, 3);
	for (int i = 0; i < 300; i++)
		assert_int_equal(z[i], 0);
	free(z);
	free(tz_xcalloc(0, 0));
	p = tz_xmalloc(4);
	memcpy(p, "abc", 4);
	p = tz_xrealloc(p, 100000);
	assert_string_equal(p, "abc");
	p = tz_xrealloc(p, 0);
	assert_non_null(p);
	free(p);
	p = tz_xrealloc(NULL, 10);
	assert_non_null(p);
	free(p);
}

static void test_xstrdup_family(void **state)
{
	char *s;

	(void)state;
	s = tz_xstrdup("项目");
	assert_string_equal(s, "项目");
	free(s);
	s = tz_xstrdup("");
	assert_string_equal(s, "");
	free(s);
	/* strndup stops at len or at a NUL, whichever is first. */
	s = tz_xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = tz_xstrndup("ab\0cd", 5);
	assert_string_equal(s, "ab");
	free(s);
	s = tz_xstrndup("abc", 0);
	assert_string_equal(s, "");
	free(s);
	/* memdupz copies every byte and adds a NUL. */
	s = tz_xmemdupz("a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	free(s);
	s = tz_xmemdupz(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

static void test_st_mult(void **state)
{
	(void)state;
	assert_int_equal(tz_st_mult(0, SIZE_MAX), 0);
	assert_int_equal(tz_st_mult(SIZE_MAX, 0), 0);
	assert_int_equal(tz_st_mult(3, 7), 21);
	assert_int_equal(tz_st_mult(SIZE_MAX, 1), SIZE_MAX);
	assert_int_equal(tz_st_mult(SIZE_MAX / 2, 2), SIZE_MAX - 1);
}

static void test_alloc_grow(void **state)
{
	int *v = NULL;
	size_t alloc = 0;

	(void)state;
	for (size_t n = 0; n < 10000; n++) {
		TZ_ALLOC_GROW(v, n + 1, alloc);
		assert_true(alloc >= n + 1);
		v[n] = (int)n;
	}
	for (size_t n = 0; n < 10000; n++)
		assert_int_equal(v[n], (int)n);
	/* A big jump gets at least what was asked. */
	TZ_ALLOC_GROW(v, 123456, alloc);
	assert_true(alloc >= 123456);
	v[123455] = 1;
	free(v);
}

/*
 * Run fn in a child with stderr captured; 1 if it ended abnormally and
 * printed the out-of-memory message.
 */
static int dies_oom(void (*fn)(void))
{
	int fds[2], status;
	char out[512] = { 0 };
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 2);
		fn();
		_exit(0);
	}
	close(fds[1]);
	while (got < sizeof(out) - 1 && (n = read(fds[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += (size_t)n;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return !(WIFEXITED(status) && WEXITSTATUS(status) == 0) && strstr(out, "内存不足");
}

static void mult_overflow(void)
{
	(void)tz_st_mult(SIZE_MAX / 2 + 1, 2);
}

static void memdupz_size_max(void)
{
	(void)tz_xmemdupz("", SIZE_MAX);
}

static void test_overflow_aborts_with_message(void **state)
{
	(void)state;
	assert_true(dies_oom(mult_overflow));
	assert_true(dies_oom(memdupz_size_max));
}

/* Users never read the C library's English. */
static void test_errno_text_is_chinese(void **state)
{
	(void)state;
	assert_string_equal(tz_errno_text(ENOENT), "文件不存在");
	assert_string_equal(tz_errno_text(ENOSPC), "磁盘已满");
	assert_string_equal(tz_errno_text(EACCES), "没有权限");
	assert_string_equal(tz_errno_text(12345), "系统错误");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errno_text_is_chinese),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_set_returns_code_and_formats),
		cmocka_unit_test(test_set_at_and_locate),
		cmocka_unit_test(test_long_text_is_truncated),
		cmocka_unit_test(test_truncation_keeps_utf8_whole),
		cmocka_unit_test(test_control_characters_escaped),
		cmocka_unit_test(test_errc_names),
		cmocka_unit_test(test_xalloc_basics),
		cmocka_unit_test(test_xstrdup_family),
		cmocka_unit_test(test_st_mult),
		cmocka_unit_test(test_alloc_grow),
		cmocka_unit_test(test_overflow_aborts_with_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
