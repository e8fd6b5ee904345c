/*
 * cli.h: what the `taizhang` command's subcommands share.
 *
 * Each subcommand lives in its own cmd-NAME.c and is listed in the table
 * in main.c (after git's commands[]), with its usage and help text, so
 * that `taizhang CMD --help` works for every command. A command returns
 * its exit status: 0 success, 1 failure (an error was printed), 2 wrong
 * usage.
 */
#ifndef TZ_CLI_H
#define TZ_CLI_H

#include <stdint.h>
#include <stdio.h>

#include "base/err.h"

struct tz_store;
struct tz_actor;

struct tz_app {
	const char *db;          /* --db, else TAIZHANG_DB, else ./taizhang.db */
	struct tz_store *store;  /* opened on first use by tz_app_store() */
};

enum { TZ_EXIT_OK = 0, TZ_EXIT_FAIL = 1, TZ_EXIT_USAGE = 2 };

/*
 * The store named by app->db, opened on first call with TZ_STORE_* flags
 * (TZ_STORE_READ for a command that only reads, which then works on a
 * file it cannot write; 0 for one that adds to an existing database,
 * refused on such a file before anything is written; only init and demo
 * create); main closes it. Returns 0 or a tz_errc with err set.
 */
int tz_app_store(struct tz_app *app, int flags, struct tz_store **out, struct tz_err *err);

/*
 * Who makes a change from the command line, for the audit row every
 * change writes in its transaction (README: every change is recorded):
 * the user `user_id` (0: nobody signed in; `period --user` names one),
 * origin "cli", the time now.
 */
void tz_cli_actor(struct tz_actor *out, int64_t user_id);

/* Print an error for a user: "taizhang: FILE:LINE: message". Returns 1. */
int tz_cli_fail(const struct tz_err *err);

/* Print a usage error and the command's usage line. Returns 2. */
int tz_cli_usage(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The short options string every command passes to getopt_long: ":" so
 * that a missing value is told apart from an unknown option. After
 * getopt_long returned '?' or ':', print the error in Chinese with the
 * usage line and return 2.
 */
#define TZ_CLI_OPTS ":"

/*
 * The message for a --by value that is none of the groupings, with the
 * rejected value (one %s) and the allowed ones in the users' words
 * (walkthrough 17, M2: bulletin and missing share it).
 */
#define TZ_CLI_BY_CHOICES                                                                  \
	"--by “%s”不是可用的汇总方式；可用 region（所属地区）、category（项目类别）、"          \
	"level（项目级别）、leader（包联领导）或 unit（责任单位）"
int tz_cli_bad_option(const char *usage, int c, char **argv);

/*
 * Output of a report. With a path: written to a temporary file beside it
 * and renamed over it only once complete, so a failed write (a full disk)
 * leaves an earlier file whole; a path naming the open database (or its
 * journal) is refused. Without one (NULL or "-"): stdout, refused for a
 * binary format when stdout is a terminal.
 */
struct tz_out {
	FILE *fp;
	const char *path;  /* NULL for stdout */
	char *tmp;         /* the temporary file being written */
};

int tz_cli_open_out(struct tz_app *app, const char *path, int binary, struct tz_out *out,
		    struct tz_err *err);
/*
 * Finish: flush and close, then rename into place. With `failed` the
 * temporary file is removed, the target left as it was, and the error
 * already in err (if any) says so. 0 or TZ_EIO.
 */
int tz_cli_close_out(struct tz_out *out, int failed, struct tz_err *err);

/* Each command's usage line and help (in its cmd-NAME.c). */
#define TZ_CLI_COMMAND(name)                                    \
	extern const char cmd_##name##_usage[];                \
	extern const char cmd_##name##_help[];                 \
	int cmd_##name(struct tz_app *app, int argc, char **argv)

TZ_CLI_COMMAND(init);
TZ_CLI_COMMAND(import);
TZ_CLI_COMMAND(export);
TZ_CLI_COMMAND(bulletin);
TZ_CLI_COMMAND(missing);
TZ_CLI_COMMAND(org);
TZ_CLI_COMMAND(demo);
TZ_CLI_COMMAND(doc);
TZ_CLI_COMMAND(period);
TZ_CLI_COMMAND(serve);
TZ_CLI_COMMAND(user);
TZ_CLI_COMMAND(token);
TZ_CLI_COMMAND(audit);

#include <stdint.h>

#include "core/period.h"

/*
 * The dispatch part of the demo (demo-dispatch.c), run by cmd_demo after
 * its imports: an open period `end` with its deadline, reports saved on
 * time and late, problems and procedures in every state. Prints a
 * summary. 0 or a tz_errc with err set.
 */
int tz_demo_dispatch(struct tz_store *s, struct tz_period end, uint64_t seed, struct tz_err *err);

/*
 * The demo's web accounts (demo-users.c), added at the end of `demo` to
 * the new database's store `s`, and printed. 0 or a tz_errc with err set.
 */
int tz_demo_users(struct tz_store *s, struct tz_err *err);

/*
 * The 包联领导 the demo's leader account is: the leader key (core/user.h,
 * tz_leader_key) naming the most projects, ties to the smallest key, into
 * out (size bytes; "" for a ledger without leaders) and their number
 * into *projects. Errors: the store's.
 */
int tz_demo_top_leader(struct tz_store *s, char *out, size_t size, long *projects,
		       struct tz_err *err);


#endif
