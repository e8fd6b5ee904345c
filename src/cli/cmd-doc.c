/*
 * cmd-doc.c: `taizhang doc parse FILE... [--format json|text]`: read a
 * government document (plain text or HTML, UTF-8 or GBK; FILE may be "-"
 * for standard input) and print what it says (src/doc/doc.h).
 *
 * With several files, JSON comes as one line per file (JSON Lines):
 * {"file": …, "document": {…}} or {"file": …, "error": "…"}; a file that
 * cannot be read does not stop the others, but makes the exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/limits.h"
#include "cli/cli.h"
#include "doc/doc.h"
#include "base/banned.h"

static const char usage_line[] = "taizhang doc parse 文件|-... [--format json|text]";

/* The common reasons a file cannot be read, in Chinese. */
static const char *reason(int e)
{
	switch (e) {
	case ENOENT: return "文件不存在";
	case EACCES: return "没有读取权限";
	case EISDIR: return "这是一个目录，不是文件";
	case ENOTDIR: return "路径中有一段不是目录";
	}
	return tz_errno_text(e);
}

/* Read all of `path` ("-": stdin) into `out`, refusing more than
 * TZ_LIMIT_DOC bytes. */
static int read_all(const char *path, struct tz_buf *out, struct tz_err *err)
{
	int fd = STDIN_FILENO, rc = 0;
	char chunk[65536];

	if (strcmp(path, "-")) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法打开文件：%s",
					     reason(errno));
	}
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL, "读取失败：%s", reason(errno));
			break;
		}
		if (n == 0)
			break;
		if (tz_buf_add(out, chunk, (size_t)n)) {
			rc = tz_err_set_at(err, TZ_ETOOBIG, path, 0, NULL,
					   "文件过大：超过%u MB的上限，请拆分后再读取",
					   TZ_LIMIT_DOC / (1024u * 1024u));
			break;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

/* Read and parse one file; the caller frees *doc. */
static int parse_file(const char *path, struct tz_doc **doc, struct tz_err *err)
{
	struct tz_buf in = TZ_BUF_INIT;
	int rc;

	tz_buf_init(&in, TZ_LIMIT_DOC);
	rc = read_all(path, &in, err);
	if (!rc && (rc = tz_docparse(in.buf, in.len, doc, err)))
		tz_err_locate(err, path, 0);
	tz_buf_release(&in);
	return rc;
}

/* Print one file's result; `lines` for JSON Lines. 0 or TZ_EIO. */
static int print_one(const char *path, const struct tz_doc *doc, const struct tz_err *why,
		     const char *format, int lines, struct tz_err *err)
{
	struct tz_json j;

	if (!strcmp(format, "text")) {
		if (lines)
			printf("==> %s <==\n", path);
		if (!doc) {
			printf("无法读取：%s\n\n", why->msg);
			return 0;
		}
		return tz_doc_write_text(doc, stdout, err);
	}
	tz_json_init(&j, stdout, lines ? 0 : TZ_JSON_PRETTY);
	if (lines) {
		tz_json_object_begin(&j);
		tz_json_kv_str(&j, "file", path);
		if (doc)
			tz_json_key(&j, "document");
		else
			tz_json_kv_str(&j, "error", why->msg);
	}
	if (doc)
		tz_doc_write_json(doc, &j);
	if (lines)
		tz_json_object_end(&j);
	if (tz_json_finish(&j) || fputc('\n', stdout) == EOF)
		return tz_err_set(err, TZ_EIO, "写出JSON失败");
	return 0;
}

static int doc_parse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "json";
	struct tz_err err;
	int c, lines, failed = 0;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 'h':
			printf("用法: %s\n\n读取政府文件（提案答复、工作方案、通报），输出 JSON 或便于阅读的文本。\n"
			       "多个文件时，JSON 每行一个文件。\n", usage_line);
			return TZ_EXIT_OK;
		default:
			return tz_cli_usage(usage_line, NULL);
		}
	}
	if (strcmp(format, "json") && strcmp(format, "text"))
		return tz_cli_usage(usage_line, "未知的输出格式“%s”（可用 json 或 text）", format);
	if (optind >= argc)
		return tz_cli_usage(usage_line, "缺少文件参数");
	lines = argc - optind > 1;
	for (int i = optind; i < argc; i++) {
		struct tz_doc *doc = NULL;
		struct tz_err why;

		tz_err_clear(&why);
		if (parse_file(argv[i], &doc, &why)) {
			failed = 1;
			if (!lines) /* one file: the error is the answer */
				return tz_cli_fail(&why);
			tz_cli_fail(&why);
		}
		if (print_one(argv[i], doc, &why, format, lines, &err)) {
			tz_doc_free(doc);
			return tz_cli_fail(&err);
		}
		tz_doc_free(doc);
	}
	if (fflush(stdout)) {
		tz_err_set(&err, TZ_EIO, "写出失败");
		return tz_cli_fail(&err);
	}
	return failed ? TZ_EXIT_FAIL : TZ_EXIT_OK;
}

int cmd_doc(struct tz_app *app, int argc, char **argv)
{
	(void)app;
	if (argc < 2)
		return tz_cli_usage(usage_line, "缺少子命令（parse）");
	if (!strcmp(argv[1], "parse"))
		return doc_parse(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		printf("用法: %s\n", usage_line);
		return TZ_EXIT_OK;
	}
	return tz_cli_usage(usage_line, "未知的子命令“%s”", argv[1]);
}

const char cmd_doc_usage[] = "taizhang doc parse 文件|-... [--format json|text]";
const char cmd_doc_help[] =
	"\n读取政府文件（纯文本或 HTML，UTF-8 或 GBK；“-”表示标准输入）：提案答复、工作方案、\n"
	"通报。输出元数据、任务（牵头单位、责任单位、完成时限）、数字，以及警告（疑似被篡改的\n"
	"文字、残缺的日期、个人电话和身份证号、对不上的合计）。多个文件时每行一个 JSON。\n\n"
	"  --format json|text   输出格式，默认 json\n";
