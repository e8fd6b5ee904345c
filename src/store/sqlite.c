/*
 * sqlite.c: the SQLite backend, the embedded default: opening (and
 * telling our databases from others), reading the ledger back, and the
 * summary. Imports, the tree, the bulletin and the upgrade of older
 * databases have files of their own; the tables are in sqlite-schema.c.
 *
 * A new database runs in WAL mode; every connection has foreign keys on.
 * A file is only ever changed once it is known to be ours: a mistyped
 * --db is refused, not created, and an unrelated SQLite file is left as
 * it was. A file this process cannot write is opened read-only for a
 * command that only reads, and refused before anything happens for one
 * that writes (see "Read-only files" below).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthread.h>
#include <sqlite3.h>

#include "base/buf.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

struct sqlite_store *tz_sqlite_from(struct tz_store *s)
{
	if (s->ops != &tz_store_sqlite_ops)
		abort(); /* a bug: only this backend's stores come here */
	return (struct sqlite_store *)s;
}

/*
 * What a failure means to the person at the terminal, for the errors
 * SQLite's English would leave unexplained (walkthrough 11: "database is
 * locked" after an import waited its 10 s); NULL for the others, whose
 * English is kept for whoever reads the log.
 */
static const char *plain_reason(sqlite3 *db)
{
	switch (sqlite3_errcode(db)) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "数据库正被其他程序写入（例如另一个导入），等待10秒后仍未释放；"
		       "请稍后再试，未作任何改动";
	case SQLITE_READONLY:
		return "数据库文件不可写（当前用户没有写入该文件或其所在目录的权限），未作任何改动";
	case SQLITE_FULL:
		return "磁盘空间已满，未作任何改动";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "数据库文件已损坏";
	default:
		return NULL;
	}
}

int tz_sqlite_error(struct sqlite_store *ss, struct tz_err *err, const char *what)
{
	const char *plain = plain_reason(ss->db);

	if (plain)
		return tz_err_set(err, TZ_ESTORE, "%s（%s）", plain, what);
	return tz_err_set(err, TZ_ESTORE, "数据库错误（%s）：%s", what, sqlite3_errmsg(ss->db));
}

int tz_sqlite_exec(struct sqlite_store *ss, const char *sql, struct tz_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(ss->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		const char *plain = plain_reason(ss->db);

		if (plain)
			tz_err_set(err, TZ_ESTORE, "%s", plain);
		else
			tz_err_set(err, TZ_ESTORE, "数据库错误：%s", msg ? msg : "?");
		sqlite3_free(msg);
		return TZ_ESTORE;
	}
	return 0;
}

int tz_sqlite_prepare(struct sqlite_store *ss, const char *sql, sqlite3_stmt **st,
		      struct tz_err *err)
{
	if (sqlite3_prepare_v2(ss->db, sql, -1, st, NULL) != SQLITE_OK)
		return tz_sqlite_error(ss, err, "prepare");
	return 0;
}

int tz_sqlite_step(struct sqlite_store *ss, sqlite3_stmt *st, struct tz_err *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : tz_sqlite_error(ss, err, "step");
}

int tz_sqlite_seek(sqlite3_stmt *st, int *state, int64_t *at, int64_t id)
{
	while (*state == SQLITE_ROW && *at < id) {
		*state = sqlite3_step(st);
		*at = *state == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
	}
	if (*state != SQLITE_ROW && *state != SQLITE_DONE)
		return -1;
	return *at == id;
}

int tz_sqlite_query_int(struct sqlite_store *ss, const char *sql, int64_t *out,
			struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(ss, sql, &st, err)))
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "query");
	return 0;
}

const char *tz_sqlite_text(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	return s ? s : "";
}

int tz_sqlite_bump_version(struct sqlite_store *ss, struct tz_err *err)
{
	return tz_sqlite_exec(ss, "UPDATE store_version SET n = n + 1", err);
}

/* ------------------------------------------------------------------ */
/* The journal                                                         */

/* Whether the connection's journal mode is `mode` ("wal", "delete"…);
 * 0 when it cannot be asked. */
static int journal_is(struct sqlite_store *ss, const char *mode)
{
	sqlite3_stmt *st;
	int is = 0;

	if (sqlite3_prepare_v2(ss->db, "PRAGMA journal_mode", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *now = (const char *)sqlite3_column_text(st, 0);

		is = now && !strcmp(now, mode);
	}
	sqlite3_finalize(st);
	return is;
}

int tz_sqlite_journal(struct sqlite_store *ss, int wal, int wait_ms)
{
	const char *want = wal ? "wal" : "delete";
	sqlite3_stmt *st;
	int now = 0;

	sqlite3_busy_timeout(ss->db, wait_ms);
	if (sqlite3_prepare_v2(ss->db, wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE",
			       -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *mode = (const char *)sqlite3_column_text(st, 0);

			now = mode && !strcmp(mode, want);
		}
		sqlite3_finalize(st);
	}
	sqlite3_busy_timeout(ss->db, TZ_SQLITE_BUSY_MS);
	tz_log(TZ_LOG_DEBUG, "store=sqlite event=journal want=%s ok=%d", want, now);
	return now;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

enum db_shape {
	SHAPE_EMPTY,    /* no tables: new */
	SHAPE_CURRENT,  /* ours, this schema */
	SHAPE_OLD,      /* ours, schema 1 (one plan per project) */
	SHAPE_V2,       /* ours, schema 2 (one progress row per report) */
	SHAPE_NEWER,    /* ours, a later schema */
	SHAPE_FOREIGN,  /* somebody else's database */
};

/*
 * What the file holds, read without changing it: these pragmas and the
 * schema query only read. A file that is not SQLite fails here.
 */
static int db_shape(struct sqlite_store *ss, enum db_shape *shape, int64_t *version,
		    struct tz_err *err)
{
	int64_t app, tables, v1_project;
	int rc;

	if ((rc = tz_sqlite_query_int(ss, "PRAGMA application_id", &app, err)) ||
	    (rc = tz_sqlite_query_int(ss, "PRAGMA user_version", version, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM sqlite_master", &tables, err)))
		return rc;
	if (app == TZ_SQLITE_APP_ID) {
		*shape = *version > TZ_SQLITE_SCHEMA_VERSION ? SHAPE_NEWER
			 : *version == TZ_SQLITE_SCHEMA_VERSION ? SHAPE_CURRENT
			 : *version == 2 ? SHAPE_V2 : SHAPE_OLD;
		return 0;
	}
	if (app == 0 && !tables && *version == 0) {
		*shape = SHAPE_EMPTY;
		return 0;
	}
	/* Schema 1 had no application_id: know it by its version and the
	 * project table's one-plan column. */
	rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM pragma_table_info('project')"
				     " WHERE name IN ('annual', 'region', 'code')", &v1_project, err);
	if (rc)
		return rc;
	*shape = app == 0 && *version == 1 && v1_project == 3 ? SHAPE_OLD : SHAPE_FOREIGN;
	return 0;
}

static int create_schema(struct sqlite_store *ss, struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	int rc;

	/* page_size only takes effect on a new database, before WAL is on;
	 * 16 KB pages suit the long append runs of imports. */
	if ((rc = tz_sqlite_exec(ss, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL;", err)))
		return rc;
	tz_buf_adds(&sql, "BEGIN;\n");
	tz_sqlite_schema_sql(&sql, 1);
	tz_buf_adds(&sql, "COMMIT;\n");
	rc = tz_sqlite_exec(ss, sql.buf, err);
	tz_buf_release(&sql);
	if (rc)
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	return rc;
}

/* Whether the database holds data: a project or an organisation node. */
static int has_data(struct sqlite_store *ss, int *out, struct tz_err *err)
{
	int64_t n;
	int rc = tz_sqlite_query_int(ss, "SELECT (SELECT count(*) FROM project) +"
				     " (SELECT count(*) FROM org)", &n, err);

	*out = n > 0;
	return rc;
}

/*
 * An upgrade changes the tables under every other connection: a server
 * of the release before keeps running on tables it no longer knows and
 * answers each save with an error (walkthrough 11: 500 for every report,
 * "cannot modify progress because it is a view"). So the upgrade runs
 * only when no other connection has the file open, which SQLite tells by
 * refusing at once to take a WAL file out of WAL mode (tz_sqlite_journal;
 * the file is put back into WAL before the upgrade starts).
 */
static int upgrade_alone(struct sqlite_store *ss, struct tz_err *err)
{
	if (!journal_is(ss, "wal"))
		return 0;
	if (!tz_sqlite_journal(ss, 0, 0))
		return tz_err_set(err, TZ_ESTORE,
				  "数据库正被其他程序使用（例如正在运行的 taizhang serve），"
				  "未升级，也未作任何改动；请先停止使用它的程序，再运行 taizhang init");
	if (!tz_sqlite_journal(ss, 1, TZ_SQLITE_BUSY_MS))
		return tz_err_set(err, TZ_ESTORE, "数据库错误（恢复WAL模式失败）：%s",
				  sqlite3_errmsg(ss->db));
	return 0;
}

static int check_schema(struct sqlite_store *ss, int flags, struct tz_store_upgrade *up,
			struct tz_err *err)
{
	enum db_shape shape;
	int64_t version;
	int rc, full;

	if ((rc = db_shape(ss, &shape, &version, err))) {
		if (sqlite3_errcode(ss->db) == SQLITE_NOTADB)
			return tz_err_set(err, TZ_EINVAL, "不是台账系统的数据库（也不是 SQLite 数据库）");
		return rc;
	}
	switch (shape) {
	case SHAPE_EMPTY:
		if (!(flags & TZ_STORE_CREATE))
			return tz_err_set(err, TZ_EINVAL,
					  "不是台账系统的数据库（空文件）；新建数据库请运行 taizhang init");
		return create_schema(ss, err);
	case SHAPE_FOREIGN:
		return tz_err_set(err, TZ_EINVAL, "不是台账系统的数据库，未作任何改动");
	case SHAPE_NEWER:
		return tz_err_set(err, TZ_ESTORE, "数据库由较新版本的台账系统创建（版本%" PRId64 "）",
				  version);
	case SHAPE_OLD:
		if (!(flags & TZ_STORE_UPGRADE))
			return tz_err_set(err, TZ_ESTORE,
					  "数据库是旧版格式（每个项目只有一个年度计划），"
					  "请先运行 taizhang init 升级为按年度的台账");
		if ((rc = upgrade_alone(ss, err)) || (rc = tz_sqlite_upgrade(ss, up, err)))
			return rc;
		return tz_sqlite_fold_codes(ss, up, err);
	case SHAPE_V2:
		if (!(flags & TZ_STORE_UPGRADE))
			return tz_err_set(err, TZ_ESTORE,
					  "数据库是旧版格式（第2版，调度数据逐条存放），"
					  "请先运行 taizhang init 升级");
		if ((rc = upgrade_alone(ss, err)) || (rc = tz_sqlite_upgrade2(ss, up, err)))
			return rc;
		return tz_sqlite_fold_codes(ss, up, err);
	case SHAPE_CURRENT:
		if ((rc = tz_sqlite_natcode_upgrade(ss, err)) ||
		    (rc = tz_sqlite_leader_upgrade(ss, err))) {
			if (ss->readonly)
				return tz_err_set(err, TZ_ESTORE,
						  "数据库需要先升级（增加新的列）才能使用，但文件是只读的，"
						  "无法升级；请由能写入该文件的用户先运行 taizhang init");
			return rc;
		}
		if (flags & TZ_STORE_UPGRADE)
			return tz_sqlite_fold_codes(ss, up, err);
		if (!(flags & TZ_STORE_NEW))
			return 0;
		if ((rc = has_data(ss, &full, err)))
			return rc;
		return full ? tz_err_set(err, TZ_EEXIST, "数据库中已有数据，不能写入演示数据"
						       "（请指定一个新的数据库文件）")
			    : 0;
	}
	return 0;
}

/*
 * SQLite's process-wide settings, once, before its first connection:
 * no memory statistics (nothing here reads them), so that every
 * allocation SQLite makes (several per row of a large import) does not
 * take the allocator's global mutex. SQLite refuses a setting after it
 * has started (SQLITE_MISUSE); that only costs the saving.
 */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* ------------------------------------------------------------------ */
/* Read-only files                                                     */

/*
 * A file this process cannot write (its mode, a read-only mount, another
 * user's file in a directory it cannot write: walkthrough 11) is opened
 * only by a command that only reads (TZ_STORE_READ). SQLite then reads
 * it with mode=ro, which still needs the WAL index (-shm) beside the
 * file: one that exists, or one it can make. When neither is possible,
 * SQLite's documented way ("Read-Only Databases", wal.html; uri.html) is
 * immutable=1: no locks, no -shm, no -wal. That is right only when
 * everything committed is in the file itself: a -wal with content
 * would be silently ignored (commits missing from every answer), and a
 * rollback -journal left by a write that died would not be played back
 * (half a write read as data). So immutable is used only when neither
 * lies beside the file with content; else the read is refused with what
 * to do. A writer can only be at work when its -shm exists, and then
 * mode=ro succeeds through it: immutable is only reached with no live
 * connection anywhere.
 */

/* SQLite's codes for "the WAL index or a journal cannot be had":
 * no -shm could be made or opened beside a file opened read-only. */
static int cannot_index(sqlite3 *db)
{
	int code = sqlite3_errcode(db);

	return code == SQLITE_READONLY || code == SQLITE_CANTOPEN;
}

/* The first read: the schema, which in WAL mode needs the -shm. */
static int probe(sqlite3 *db)
{
	return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
}

/*
 * "file:PATH?QUERY" for sqlite3_open_v2 with SQLITE_OPEN_URI, the path's
 * '%', '?', '#' and control bytes percent-encoded (uri.html); an absolute
 * path gets an empty authority ("file:///…") so that one starting with
 * "//" is not taken for a host. Caller frees.
 */
static char *file_uri(const char *path, const char *query)
{
	struct tz_buf b = TZ_BUF_INIT;

	tz_buf_adds(&b, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p == 0x7f)
			tz_buf_addf(&b, "%%%02X", *p);
		else
			tz_buf_addch(&b, *p);
	}
	tz_buf_addf(&b, "?%s", query);
	return tz_buf_detach(&b, NULL);
}

/* The refusal of a command that writes: the path is named by the caller. */
static int refuse_readonly(struct tz_err *err, int e)
{
	return tz_err_set(err, TZ_ESTORE,
			  "数据库文件是只读的（%s），这个命令要写入数据库，未执行，未作任何改动；"
			  "只读取数据的命令（bulletin、missing、export 等）可以照常使用",
			  e == EROFS ? "它所在的文件系统以只读方式挂载"
			  : e ? "当前用户没有写入它的权限"
			      : "当前用户不能在它所在的目录中建立日志文件（-wal、-shm）");
}

/*
 * Whether `path` followed by `suffix` is a file with content; its size in
 * *size.
 */
static int beside_with_content(const char *path, const char *suffix, long long *size)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *name = tz_xmalloc(n);
	struct stat st;
	int has;

	snprintf(name, n, "%s%s", path, suffix);
	has = !stat(name, &st) && S_ISREG(st.st_mode) && st.st_size > 0;
	*size = has ? (long long)st.st_size : 0;
	free(name);
	return has;
}

/* Whether a file `path` followed by `suffix` exists (of any size). */
static int beside_exists(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *name = tz_xmalloc(n);
	struct stat st;
	int has;

	snprintf(name, n, "%s%s", path, suffix);
	has = !lstat(name, &st);
	free(name);
	return has;
}

/*
 * The first of `path`-wal and `path`-shm that exists and this process
 * cannot write (another user's, left by a reader of that user), or NULL.
 * SQLite then opens the file for reading only, and every write fails.
 */
static const char *beside_not_ours(const char *path)
{
	static const char *const suffix[] = { "-wal", "-shm" };

	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(path) + 5;
		char *name = tz_xmalloc(n);
		int theirs;

		snprintf(name, n, "%s%s", path, suffix[i]);
		theirs = !faccessat(AT_FDCWD, name, F_OK, AT_EACCESS) &&
			 faccessat(AT_FDCWD, name, W_OK, AT_EACCESS);
		free(name);
		if (theirs)
			return suffix[i];
	}
	return NULL;
}

/*
 * Whether the directory `path` would be made in lets this process make a
 * file there; errno says why not.
 */
static int dir_writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == path ? tz_xstrdup("/")
		    : slash ? tz_xstrndup(path, (size_t)(slash - path)) : tz_xstrdup(".");
	int ok = !faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS);
	int e = errno;

	free(dir);
	errno = e;
	return ok;
}

/* Open `uri` read-only into ss->db and read the schema; SQLITE_OK or the
 * probe's code (the connection is kept for its message). */
static int open_uri(struct sqlite_store *ss, const char *uri)
{
	if (sqlite3_open_v2(uri, &ss->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK)
		return ss->db ? sqlite3_errcode(ss->db) : SQLITE_NOMEM;
	sqlite3_busy_timeout(ss->db, TZ_SQLITE_BUSY_MS);
	return probe(ss->db);
}

/*
 * Open `path`, which this process cannot write, for reading (mode=ro, else
 * immutable=1 when nothing committed lies beside it). 0 with ss->db,
 * ss->uri and ss->readonly set, or an error naming what to do; err is
 * located by the caller. A file SQLite reads but finds is not a database
 * is left to check_schema, which says so.
 */
static int open_readonly(struct sqlite_store *ss, const char *path, struct tz_err *err)
{
	long long size;
	int code;

	if (faccessat(AT_FDCWD, path, R_OK, AT_EACCESS))
		return tz_err_set(err, TZ_EIO, "无法读取数据库文件：%s", tz_errno_text(errno));
	/* Through the -shm of a connection that has the file open (a
	 * writer may be at work); without one, never through a -shm of our
	 * own: SQLite would make the -shm and -wal beside the file as this
	 * user, and the file's owner could then no longer write it (a 1777
	 * directory, walkthrough 13). */
	if (beside_exists(path, "-shm")) {
		ss->uri = file_uri(path, "mode=ro");
		code = open_uri(ss, ss->uri);
		if (code == SQLITE_OK || (ss->db && !cannot_index(ss->db))) {
			ss->readonly = SQLITE_RO_SHARED;
			return 0;
		}
		sqlite3_close(ss->db);
		ss->db = NULL;
		free(ss->uri);
		ss->uri = NULL;
		tz_log(TZ_LOG_DEBUG, "store=sqlite event=readonly_no_shm code=%d", code);
	}
	if (beside_with_content(path, "-wal", &size))
		return tz_err_set(err, TZ_ESTORE,
				  "数据库文件是只读的，而且旁边的 %s-wal 中还有%lld字节尚未并入数据库文件的修改，"
				  "当前用户无法读到它们（需要一个能用的 %s-shm，而只读的用户不在旁边建立它），所以没有读取，"
				  "以免给出缺少这些修改的结果；"
				  "请由能写入该文件和目录的用户运行一次 taizhang --db %s init（把修改并入数据库文件）后再读取",
				  path, size, path, path);
	if (beside_with_content(path, "-journal", &size))
		return tz_err_set(err, TZ_ESTORE,
				  "数据库文件是只读的，而且旁边有一次中断的写入留下的 %s-journal（%lld字节），"
				  "只读时无法恢复，所以没有读取，以免读到写了一半的数据；"
				  "请由能写入该文件和目录的用户运行一次 taizhang --db %s init（恢复到写入前）后再读取",
				  path, size, path);
	ss->uri = file_uri(path, "immutable=1");
	code = open_uri(ss, ss->uri);
	if (code == SQLITE_OK || (ss->db && !cannot_index(ss->db))) {
		ss->readonly = SQLITE_RO_IMMUTABLE;
		return 0;
	}
	return tz_err_set(err, TZ_ESTORE, "无法只读打开数据库：%s",
			  ss->db ? sqlite3_errmsg(ss->db) : "内存不足");
}

sqlite3 *tz_sqlite_open_reader(struct sqlite_store *ss, int mapped, int busy_ms)
{
	const char *name = ss->uri ? ss->uri : sqlite3_db_filename(ss->db, "main");
	sqlite3 *db = NULL;

	if (!name || !*name ||
	    sqlite3_open_v2(name, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
					   (ss->uri ? SQLITE_OPEN_URI : 0), NULL) != SQLITE_OK ||
	    sqlite3_exec(db, mapped ? "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE : "PRAGMA mmap_size=0",
			 NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, busy_ms);
	return db;
}

static int sqlite_open(struct tz_store **out, const char *path, int flags,
		       struct tz_store_upgrade *up, struct tz_err *err)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;

	struct sqlite_store *ss = tz_xcalloc(1, sizeof(*ss));
	struct stat st;
	int rc, readonly = 0, oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	ss->base.ops = &tz_store_sqlite_ops;
	*out = NULL;
	if (stat(path, &st)) {
		if (errno != ENOENT || !(flags & TZ_STORE_CREATE)) {
			rc = tz_err_set_at(err, errno == ENOENT ? TZ_ENOTFOUND : TZ_EIO, path, 0, NULL,
					   errno == ENOENT ? "数据库文件不存在（用 --db 指定已有的数据库，或运行 taizhang --db 路径 init 新建）"
							   : "无法访问数据库文件：%s",
					   tz_errno_text(errno));
			goto fail;
		}
		if (!dir_writable(path)) {
			rc = tz_err_set_at(err, TZ_EIO, path, 0, NULL,
					   "无法新建数据库文件：不能在它所在的目录中建立文件（%s）",
					   errno == EROFS ? "该目录所在的文件系统以只读方式挂载"
					   : errno == ENOENT ? "目录不存在" : tz_errno_text(errno));
			goto fail;
		}
		oflags |= SQLITE_OPEN_CREATE;
	} else if (!S_ISREG(st.st_mode)) {
		rc = tz_err_set_at(err, TZ_EINVAL, path, 0, NULL, "不是数据库文件");
		goto fail;
	} else if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS)) {
		/* Refused before SQLite sees the file, or read without writing. */
		if (!(flags & TZ_STORE_READ)) {
			rc = refuse_readonly(err, errno);
			tz_err_locate(err, path, 0);
			goto fail;
		}
		readonly = 1;
	} else if (!(flags & TZ_STORE_READ) && beside_not_ours(path)) {
		/* A -wal or -shm this user cannot write (another user read the
		 * file with SQLite): every write would fail with SQLite's
		 * "readonly database". Say which file and what to do. */
		const char *suffix = beside_not_ours(path);
		long long size;

		if (beside_with_content(path, "-wal", &size))
			rc = tz_err_set_at(err, TZ_ESTORE, path, 0, NULL,
					   "数据库文件旁边的 %s%s 是其他用户建立的，当前用户不能写入它，"
					   "所以这个命令不能写入数据库，未执行，未作任何改动；%s-wal 中有%lld字节"
					   "尚未并入数据库文件的修改，不要删除它：请在没有程序使用该数据库时，"
					   "把 %s-wal 和 %s-shm 改为当前用户所有（如用 chown）后重试",
					   path, suffix, path, size, path, path);
		else
			rc = tz_err_set_at(err, TZ_ESTORE, path, 0, NULL,
					   "数据库文件旁边的 %s%s 是其他用户建立的，当前用户不能写入它，"
					   "所以这个命令不能写入数据库，未执行，未作任何改动；%s-wal 中没有未并入的修改："
					   "请在没有程序使用该数据库时删除 %s-wal 和 %s-shm（或改为当前用户所有）后重试",
					   path, suffix, path, path, path);
		goto fail;
	}
	pthread_once(&configured, sqlite_configure);
	ss->path = tz_xstrdup(path);
	if (readonly) {
		if ((rc = open_readonly(ss, path, err))) {
			tz_err_locate(err, path, 0);
			goto fail;
		}
	} else {
		if (sqlite3_open_v2(path, &ss->db, oflags, NULL) != SQLITE_OK) {
			rc = tz_err_set_at(err, TZ_ESTORE, path, 0, NULL, "无法打开数据库：%s",
					   ss->db ? sqlite3_errmsg(ss->db) : "内存不足");
			goto fail;
		}
		sqlite3_busy_timeout(ss->db, TZ_SQLITE_BUSY_MS);
		/* A file we may write in a directory we may not, with no -shm
		 * there: SQLite cannot even read it through this connection. */
		if (!(oflags & SQLITE_OPEN_CREATE) && probe(ss->db) != SQLITE_OK &&
		    cannot_index(ss->db)) {
			sqlite3_close(ss->db);
			ss->db = NULL;
			if (!(flags & TZ_STORE_READ)) {
				rc = refuse_readonly(err, 0);
				tz_err_locate(err, path, 0);
				goto fail;
			}
			if ((rc = open_readonly(ss, path, err))) {
				tz_err_locate(err, path, 0);
				goto fail;
			}
		}
	}
	if ((rc = check_schema(ss, flags, up, err))) {
		tz_err_locate(err, path, 0);
		goto fail;
	}
	/* An import that died between its commit and its return to WAL
	 * (tz_sqlite_import_begin) left the file in rollback mode: back to
	 * WAL, when this is the only connection. (A dead import's hot
	 * journal was already rolled back by the first read above.) */
	if (!ss->readonly && journal_is(ss, "delete"))
		tz_sqlite_journal(ss, 1, 0);
	/* Per-connection settings: they change nothing in the file. */
	rc = tz_sqlite_exec(ss, "PRAGMA synchronous=NORMAL;"
			    "PRAGMA foreign_keys=ON;"
			    "PRAGMA temp_store=MEMORY;"
			    "PRAGMA cache_size=-" TZ_SQLITE_CACHE_KB ";"
			    "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE ";", err);
	if (rc) {
		tz_err_locate(err, path, 0);
		goto fail;
	}
	tz_log(TZ_LOG_DEBUG, "store=sqlite event=open readonly=%d", ss->readonly);
	*out = &ss->base;
	return 0;
fail:
	sqlite3_close(ss->db);
	/* A database this open created and could not set up is removed. */
	if ((oflags & SQLITE_OPEN_CREATE) && ss->db)
		remove(path);
	free(ss->uri);
	free(ss->path);
	free(ss);
	return rc;
}

static void sqlite_close(struct tz_store *s)
{
	struct sqlite_store *ss = tz_sqlite_from(s);

	tz_sqlite_cache_free(ss);
	tz_sqlite_audit_clear(s);
	sqlite3_close(ss->db);
	free(ss->uri);
	free(ss->path);
	free(ss);
}

static const char *sqlite_path(const struct tz_store *s)
{
	return ((const struct sqlite_store *)s)->path;
}

/* Asked on every web request: the statement stays prepared. */
static int sqlite_version(struct tz_store *s, int64_t *out, struct tz_err *err)
{
	static const char sql[] = "SELECT n FROM store_version";
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_cached(ss, sql, &st, err)))
		return rc;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : tz_sqlite_error(ss, err, "version");
}

/* ------------------------------------------------------------------ */
/* Reading the ledger back                                             */

static int sqlite_each_project(struct tz_store *s, int year,
			       int (*fn)(void *, const struct tz_project *), void *ctx,
			       struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(ss,
		"SELECT p.code, p.name, r.name, p.category, l.level, l.nature, p.owner, p.leader,"
		" coalesce(u.name, ''), p.years, p.total, l.annual, p.planned_start, l.year, p.stage,"
		" p.region_id, coalesce(p.unit_id, 0), p.natcode"
		" FROM ledger l JOIN project p ON p.id = l.project_id"
		" JOIN org r ON r.id = p.region_id LEFT JOIN org u ON u.id = p.unit_id"
		" WHERE ?1 = 0 OR l.year = ?1 ORDER BY l.year, l.project_id", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct tz_project p;
		int r;

		memset(&p, 0, sizeof(p));
		p.code = tz_sqlite_text(st, 0);
		p.name = tz_sqlite_text(st, 1);
		p.region = tz_sqlite_text(st, 2);
		p.category = tz_sqlite_text(st, 3);
		p.level = tz_sqlite_text(st, 4);
		p.nature = tz_sqlite_text(st, 5);
		p.owner = tz_sqlite_text(st, 6);
		p.leader = tz_sqlite_text(st, 7);
		p.unit = tz_sqlite_text(st, 8);
		p.years = tz_sqlite_text(st, 9);
		p.total = sqlite3_column_int64(st, 10);
		p.has_plan = sqlite3_column_type(st, 11) != SQLITE_NULL;
		p.annual = sqlite3_column_int64(st, 11);
		if (sqlite3_column_type(st, 12) != SQLITE_NULL)
			tz_period_from_code(sqlite3_column_int(st, 12), &p.planned_start);
		p.year = sqlite3_column_int(st, 13);
		p.stage = tz_sqlite_text(st, 14);
		p.region_id = sqlite3_column_int64(st, 15);
		p.unit_id = sqlite3_column_int64(st, 16);
		p.natcode = tz_sqlite_text(st, 17);
		if ((r = fn(ctx, &p))) {
			sqlite3_finalize(st);
			return r;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "projects");
}

/* Reports by project and period: each year row gives its months in turn. */
static int sqlite_each_progress(struct tz_store *s, int (*fn)(void *, const struct tz_progress *),
				void *ctx, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	struct tz_buf sql = TZ_BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	tz_buf_adds(&sql, "SELECT p.code, r.year");
	tz_sqlite_month_cols(&sql, "r.", "cstp", 0);
	tz_buf_adds(&sql, " FROM progress_year r JOIN project p ON p.id = r.project_id"
			  " ORDER BY r.project_id, r.year");
	rc = tz_sqlite_prepare(ss, sql.buf, &st, err);
	tz_buf_release(&sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 1);

		for (int m = 1; m <= 12; m++) {
			int c = 2 + (m - 1) * 4;
			struct tz_progress r;
			int x;

			if (sqlite3_column_type(st, c) == SQLITE_NULL)
				continue;
			memset(&r, 0, sizeof(r));
			r.code = tz_sqlite_text(st, 0);
			r.period.year = year;
			r.period.month = m;
			r.completed = sqlite3_column_int64(st, c);
			r.status = (enum tz_status)sqlite3_column_int(st, c + 1);
			r.progress_text = tz_sqlite_text(st, c + 2);
			r.problem = tz_sqlite_text(st, c + 3);
			if ((x = fn(ctx, &r))) {
				sqlite3_finalize(st);
				return x;
			}
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "progress");
}

/* The number of reports and the first and last period, in one scan of
 * the year rows. */
static int report_span(struct sqlite_store *ss, int64_t *n, int64_t *lo, int64_t *hi,
		       struct tz_err *err)
{
	struct tz_buf sql = TZ_BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	tz_buf_adds(&sql, "SELECT 0");
	for (int m = 1; m <= 12; m++)
		tz_buf_addf(&sql, " + count(completed%d)", m);
	for (int k = 0; k < 2; k++) {
		tz_buf_adds(&sql, k ? ", max(year * 100 + CASE" : ", min(year * 100 + CASE");
		for (int i = 0; i < 12; i++) {
			int m = k ? 12 - i : i + 1;

			tz_buf_addf(&sql, " WHEN completed%d IS NOT NULL THEN %d", m, m);
		}
		tz_buf_adds(&sql, " END)");
	}
	tz_buf_adds(&sql, " FROM progress_year");
	rc = tz_sqlite_prepare(ss, sql.buf, &st, err);
	tz_buf_release(&sql);
	if (rc)
		return rc;
	rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	*lo = rc == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
	*hi = rc == SQLITE_ROW ? sqlite3_column_int64(st, 2) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tz_sqlite_error(ss, err, "progress");
}

static int sqlite_summary(struct tz_store *s, struct tz_store_summary *out, struct tz_err *err)
{
	struct sqlite_store *ss = tz_sqlite_from(s);
	int64_t n, lo, hi;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM project", &n, err)))
		return rc;
	out->projects = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM ledger", &n, err)))
		return rc;
	out->ledger_rows = (long)n;
	if ((rc = tz_sqlite_query_int(ss, "SELECT min(year) FROM ledger", &lo, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT max(year) FROM ledger", &hi, err)))
		return rc;
	out->first_year = (int)lo;
	out->last_year = (int)hi;
	if ((rc = tz_sqlite_query_int(ss, "SELECT count(*) FROM org", &n, err)))
		return rc;
	out->org_nodes = (long)n;
	if ((rc = report_span(ss, &n, &lo, &hi, err)))
		return rc;
	out->reports = (long)n;
	if (n) {
		tz_period_from_code((int)lo, &out->first);
		tz_period_from_code((int)hi, &out->last);
	}
	return 0;
}

const struct tz_store_ops tz_store_sqlite_ops = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.path = sqlite_path,
	.version = sqlite_version,
	.import_begin = tz_sqlite_import_begin,
	.import_project = tz_sqlite_import_project,
	.import_progress = tz_sqlite_import_progress,
	.import_org = tz_sqlite_import_org,
	.import_counts = tz_sqlite_import_counts,
	.import_held = tz_sqlite_import_held,
	.import_last_id = tz_sqlite_import_last_id,
	.import_prefetch = tz_sqlite_import_prefetch,
	.import_keep = tz_sqlite_import_keep,
	.import_commit = tz_sqlite_import_commit,
	.import_abort = tz_sqlite_import_abort,
	.org_load = tz_sqlite_org_load,
	.org_save = tz_sqlite_org_save,
	.bulletin = tz_sqlite_bulletin,
	.each_project = sqlite_each_project,
	.each_progress = sqlite_each_progress,
	.summary = sqlite_summary,
	/* The web application (sqlite-web.c, sqlite-list.c). */
	.user_add = tz_sqlite_user_add,
	.user_get = tz_sqlite_user_get,
	.user_list = tz_sqlite_user_list,
	.user_set_password = tz_sqlite_user_set_password,
	.user_set_disabled = tz_sqlite_user_set_disabled,
	.user_demo_count = tz_sqlite_user_demo_count,
	.session_add = tz_sqlite_session_add,
	.session_get = tz_sqlite_session_get,
	.session_touch = tz_sqlite_session_touch,
	.session_end = tz_sqlite_session_end,
	.session_purge = tz_sqlite_session_purge,
	.token_add = tz_sqlite_token_add,
	.token_user = tz_sqlite_token_user,
	.token_list = tz_sqlite_token_list,
	.token_revoke = tz_sqlite_token_revoke,
	.audit_add = tz_sqlite_audit_add,
	.audit_list = tz_sqlite_audit_list,
	.latest = tz_sqlite_latest,
	.project_list = tz_sqlite_project_list,
	.project_facets = tz_sqlite_project_facets,
	.project_ledger = tz_sqlite_project_ledger,
	.project_reports = tz_sqlite_project_reports,
	/* Dispatch (sqlite-dispatch.c and the files it names). */
	.period_open = tz_sqlite_period_open,
	.period_close = tz_sqlite_period_close,
	.period_deadline = tz_sqlite_period_deadline,
	.period_each = tz_sqlite_period_each,
	.period_governing = tz_sqlite_period_governing,
	.period_current = tz_sqlite_period_current,
	.report_save = tz_sqlite_report_save,
	.report_each = tz_sqlite_report_each,
	.report_history = tz_sqlite_report_history,
	.ontime = tz_sqlite_ontime,
	.lights = tz_sqlite_lights,
	.problem_add = tz_sqlite_problem_add,
	.problem_update = tz_sqlite_problem_update,
	.problem_move = tz_sqlite_problem_move,
	.problem_each = tz_sqlite_problem_each,
	.problem_events = tz_sqlite_problem_events,
	.problem_counts = tz_sqlite_problem_counts,
	.procedure_kinds = tz_sqlite_procedure_kinds,
	.procedure_kind_add = tz_sqlite_procedure_kind_add,
	.procedure_kind_active = tz_sqlite_procedure_kind_active,
	.procedure_require = tz_sqlite_procedure_require,
	.procedure_set = tz_sqlite_procedure_set,
	.procedure_each = tz_sqlite_procedure_each,
	.procedure_counts = tz_sqlite_procedure_counts,
	.period_change = tz_sqlite_period_change,
	.import_audit = tz_sqlite_import_audit,
	.report_codes = tz_sqlite_report_codes,

	/* Summaries and tracking for the web pages (sqlite-summary.c, pages-b). */
	.bulletin_where = tz_sqlite_bulletin_where,
	.problem_counts_where = tz_sqlite_problem_counts_where,
	.procedure_counts_where = tz_sqlite_procedure_counts_where,
	.problem_note = tz_sqlite_problem_note,
	.audit_next = tz_sqlite_audit_next,
	.audit_clear = tz_sqlite_audit_clear,
};
