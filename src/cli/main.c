/*
 * main.c: the `taizhang` command: global options, then one subcommand
 * from the table below; and what the subcommands share (the store,
 * errors, option errors, report output).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "store/store.h"
#include "base/banned.h"

#ifndef TZ_VERSION
#define TZ_VERSION "0.3"
#endif

struct cmd {
	const char *name;
	int (*fn)(struct tz_app *app, int argc, char **argv);
	const char *summary;
	const char *usage;
	const char *help;
};

#define CMD(name, summary) { #name, cmd_##name, summary, cmd_##name##_usage, cmd_##name##_help }

static const struct cmd commands[] = {
	CMD(init, "创建数据库，或把旧版数据库升级为按年度的台账"),
	CMD(import, "导入年度项目台账或调度数据（CSV/XLSX）"),
	CMD(export, "导出项目台账或调度数据（CSV/XLSX）"),
	CMD(bulletin, "生成月通报（JSON/CSV/XLSX/HTML/PDF）"),
	CMD(missing, "列出某调度期应报未报（未报送）的项目"),
	CMD(org, "查看、导入、导出组织机构（地区和部门）"),
	CMD(demo, "在新数据库中生成演示数据"),
	CMD(doc, "读取政府文件（doc parse）"),
	CMD(period, "调度期：开启、关闭、报送截止，按时报送率和亮灯"),
	CMD(serve, "运行网页服务（中文界面和 /api/v1/ 接口）"),
	CMD(user, "管理网页用户（新增、列出、改密码、停用）"),
	CMD(token, "管理 API 令牌"),
	CMD(audit, "查看审计日志：谁在何时做了哪些修改"),
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *fp)
{
	fprintf(fp, "用法: taizhang [--db 路径] <命令> [参数]\n\n命令:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\n数据库由 --db 或环境变量 TAIZHANG_DB 指定，默认 ./taizhang.db。\n"
		    "每个命令的说明：taizhang <命令> --help\n");
}

int tz_app_store(struct tz_app *app, int flags, struct tz_store **out, struct tz_err *err)
{
	int rc;

	if (!app->store) {
		rc = tz_store_open(&app->store, app->db, flags, NULL, err);
		if (rc)
			return rc;
	}
	*out = app->store;
	return 0;
}

void tz_cli_actor(struct tz_actor *out, int64_t user_id)
{
	out->user_id = user_id;
	out->origin = "cli";
	out->at = (int64_t)time(NULL);
}

int tz_cli_fail(const struct tz_err *err)
{
	if (err->file[0] && err->line)
		fprintf(stderr, "taizhang: %s:%ld: %s\n", err->file, err->line, err->msg);
	else if (err->file[0])
		fprintf(stderr, "taizhang: %s: %s\n", err->file, err->msg);
	else
		fprintf(stderr, "taizhang: %s\n", err->msg[0] ? err->msg : "失败");
	return TZ_EXIT_FAIL;
}

int tz_cli_usage(const char *usage_line, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fputs("taizhang: ", stderr);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "用法: %s\n（taizhang 命令 --help 查看说明）\n", usage_line);
	return TZ_EXIT_USAGE;
}

int tz_cli_bad_option(const char *usage_line, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";

	if (c == ':')
		return tz_cli_usage(usage_line, "选项“%s”需要一个值", arg);
	if (optopt && optopt < 128 && arg[0] == '-' && arg[1] != '-')
		return tz_cli_usage(usage_line, "未知的选项“-%c”", optopt);
	return tz_cli_usage(usage_line, "未知的选项“%s”", arg);
}

/* ------------------------------------------------------------------ */
/* Report output                                                       */

/*
 * `path` with its directory resolved ("/data/./x/../tz.db" → "/data/tz.db"),
 * whether the file exists or not; NULL when the directory does not
 * exist. Caller frees.
 */
static char *resolved_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *out;
	size_t n;

	if (slash)
		dir = slash == path ? tz_xstrdup("/") : tz_xstrndup(path, (size_t)(slash - path));
	else
		dir = tz_xstrdup(".");
	real = realpath(dir, NULL);
	free(dir);
	if (!real)
		return NULL;
	n = strlen(real) + strlen(path) + 2;
	out = tz_xmalloc(n);
	snprintf(out, n, "%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path);
	free(real);
	return out;
}

/*
 * Whether `path` is the database file or one of its journals (-wal,
 * -shm, -journal), whether that journal exists now or not: SQLite makes
 * them when it needs them and takes a file it finds under such a name
 * for its own (a "hot" rollback journal is played back into the
 * database and deleted). Compared by inode when both exist (another
 * path, a link), else by resolved name, against the database's path as
 * given and as its symbolic links resolve.
 */
static int is_database(struct tz_app *app, const char *path)
{
	const char *db = app->store ? tz_store_path(app->store) : app->db;
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char *want = NULL, *bases[2] = { NULL, NULL };
	struct stat a, b;
	char name[4096];
	int have = 0, hit = 0;

	if (!db || !*db)
		return 0;
	have = !stat(path, &a);
	want = resolved_name(path);
	bases[0] = resolved_name(db);
	bases[1] = realpath(db, NULL);
	for (size_t i = 0; !hit && i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", db, suffixes[i]);
		if (have && !stat(name, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			hit = 1;
		for (size_t k = 0; !hit && want && k < 2; k++) {
			if (!bases[k])
				continue;
			snprintf(name, sizeof(name), "%s%s", bases[k], suffixes[i]);
			hit = !strcmp(want, name);
		}
	}
	free(want);
	free(bases[0]);
	free(bases[1]);
	return hit;
}

/*
 * Why a file could not be created at `path`, from errno `e` of the
 * attempt, in the users' words and naming the directory (walkthrough 17,
 * M2: "/proc/x.pdf" was said to lie in a directory that does not exist).
 * ENOENT means a missing directory only when the directory is missing;
 * in an existing one (procfs, sysfs) the file system refuses new files.
 * Sets err at `path`; returns TZ_EIO.
 */
static int create_failed(const char *path, int e, struct tz_err *err)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? (slash == path ? tz_xstrdup("/") : tz_xstrndup(path, (size_t)(slash - path)))
			  : tz_xstrdup(".");
	struct stat st;
	int rc;

	if ((e == ENOENT || e == ENOTDIR) && stat(dir, &st))
		rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL, "无法写入文件：目录“%s”不存在", dir);
	else if (e == ENOENT || e == ENOTDIR)
		rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL,
				   S_ISDIR(st.st_mode) ? "无法写入文件：不能在目录“%s”中创建文件"
							 "（该目录所在的文件系统不接受新文件）"
						       : "无法写入文件：“%s”不是目录",
				   dir);
	else if (e == EACCES || e == EPERM)
		rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL,
				   "无法写入文件：权限不足，不能在目录“%s”中创建文件", dir);
	else if (e == EROFS)
		rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL,
				   "无法写入文件：目录“%s”在只读文件系统上", dir);
	else
		rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL,
				   "无法写入文件：不能在目录“%s”中创建文件（%s）", dir, tz_errno_text(e));
	free(dir);
	return rc;
}

int tz_cli_open_out(struct tz_app *app, const char *path, int binary, struct tz_out *out,
		    struct tz_err *err)
{
	struct stat st;
	size_t n;
	int fd;

	memset(out, 0, sizeof(*out));
	if (!path || !strcmp(path, "-")) {
		if (binary && isatty(STDOUT_FILENO))
			return tz_err_set(err, TZ_EUSAGE,
					  "这是二进制文件，不能输出到终端；请用 --out 指定文件名");
		out->fp = stdout;
		return 0;
	}
	if (is_database(app, path))
		return tz_err_set_at(err, TZ_EUSAGE, path, 0, NULL,
				     "这是数据库文件或它的日志文件（-journal、-wal、-shm），"
				     "不能用报表覆盖它；请换一个文件名");
	if (!stat(path, &st) && !S_ISREG(st.st_mode))
		return tz_err_set_at(err, TZ_EIO, path, 0, NULL, "不是普通文件，不能写入");
	n = strlen(path) + 16;
	out->tmp = tz_xmalloc(n);
	snprintf(out->tmp, n, "%s.tmpXXXXXX", path);
	fd = mkstemp(out->tmp);
	if (fd < 0 || !(out->fp = fdopen(fd, "wb"))) {
		int e = errno;

		if (fd >= 0) {
			close(fd);
			unlink(out->tmp);
		}
		free(out->tmp);
		out->tmp = NULL;
		return create_failed(path, e, err);
	}
	/* mkstemp makes the file private; a report gets the usual mode. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	out->path = path;
	return 0;
}

int tz_cli_close_out(struct tz_out *out, int failed, struct tz_err *err)
{
	int bad;

	if (!out->fp)
		return 0;
	bad = ferror(out->fp) != 0;
	if (out->fp == stdout) {
		bad |= fflush(stdout) != 0;
		out->fp = NULL;
		if (bad && !failed)
			return tz_err_set(err, TZ_EIO, "写入标准输出失败");
		return 0;
	}
	bad |= fflush(out->fp) != 0 || fsync(fileno(out->fp)) != 0;
	bad |= fclose(out->fp) != 0;
	out->fp = NULL;
	if (failed || bad || rename(out->tmp, out->path)) {
		int e = errno;

		unlink(out->tmp);
		free(out->tmp);
		out->tmp = NULL;
		if (failed) {
			/* The writer's error stands; say what became of the file. */
			if (err && err->code) {
				const char *note = access(out->path, F_OK) ? "（未生成文件）"
									    : "（原有文件未改动）";
				size_t n = strlen(err->msg);

				if (n + strlen(note) < sizeof(err->msg))
					memcpy(err->msg + n, note, strlen(note) + 1);
				tz_err_locate(err, out->path, 0);
			}
			return 0;
		}
		return tz_err_set_at(err, TZ_EIO, out->path, 0, NULL,
				     "写入失败（%s），原有文件未改动",
				     tz_errno_text(e));
	}
	free(out->tmp);
	out->tmp = NULL;
	return 0;
}

/* ------------------------------------------------------------------ */

static int wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	}
	return 0;
}

static const char help_usage[] = "taizhang help [命令]";

static int help(const char *name)
{
	/* `taizhang help --help` (walkthrough 17, M2): help's own usage. */
	if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
		printf("用法: %s\n\n显示命令列表；指定命令时显示该命令的说明"
		       "（同 taizhang 命令 --help）。\n", help_usage);
		return TZ_EXIT_OK;
	}
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(name, commands[i].name))
			continue;
		printf("用法: %s\n\n%s\n%s", commands[i].usage, commands[i].summary, commands[i].help);
		return TZ_EXIT_OK;
	}
	fprintf(stderr, "taizhang: 未知命令“%s”\n", name);
	usage(stderr);
	return TZ_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct tz_app app = { 0 };
	const char *level = getenv("TZ_LOG_LEVEL");
	int c, rc;

	if (level && !strcmp(level, "debug"))
		tz_log_threshold = TZ_LOG_DEBUG;
	else if (level && !strcmp(level, "info"))
		tz_log_threshold = TZ_LOG_INFO;

	opterr = 0; /* our own messages, in Chinese */
	app.db = getenv("TAIZHANG_DB");
	if (!app.db || !*app.db)
		app.db = "taizhang.db";
	/* '+': stop at the subcommand so its options are its own. */
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			app.db = optarg;
			break;
		case 'h':
			usage(stdout);
			return TZ_EXIT_OK;
		case 'V':
			printf("taizhang（台账）%s\n", TZ_VERSION);
			return TZ_EXIT_OK;
		default:
			tz_cli_bad_option("taizhang [--db 路径] <命令> [参数]", c, argv);
			usage(stderr);
			return TZ_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return TZ_EXIT_USAGE;
	}
	if (!strcmp(argv[optind], "help"))
		return optind + 1 < argc ? help(argv[optind + 1]) : (usage(stdout), TZ_EXIT_OK);
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (strcmp(argv[optind], commands[i].name))
			continue;
		argc -= optind;
		argv += optind;
		if (wants_help(argc, argv))
			return help(commands[i].name);
		optind = 0; /* reset getopt for the subcommand (glibc) */
		rc = commands[i].fn(&app, argc, argv);
		tz_store_close(app.store);
		return rc;
	}
	fprintf(stderr, "taizhang: 未知命令“%s”\n", argv[optind]);
	usage(stderr);
	return TZ_EXIT_USAGE;
}
