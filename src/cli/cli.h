/*
 * cli.h: what the `taizhang` command's subcommands share.
 *
 * Each subcommand lives in its own cmd-NAME.c and is listed in the table
 * in main.c (after git's commands[]). A command returns its exit status:
 * 0 success, 1 failure (an error was printed), 2 wrong usage.
 */
#ifndef TZ_CLI_H
#define TZ_CLI_H

#include <stdio.h>

#include "base/err.h"

struct tz_store;

struct tz_app {
	const char *db;          /* --db, else TAIZHANG_DB, else ./taizhang.db */
	struct tz_store *store;  /* opened on first use by tz_app_store() */
};

enum { TZ_EXIT_OK = 0, TZ_EXIT_FAIL = 1, TZ_EXIT_USAGE = 2 };

/*
 * The store named by app->db, opened (and its schema created or checked)
 * on first call; main closes it. Returns 0 or a tz_errc with err set.
 */
int tz_app_store(struct tz_app *app, struct tz_store **out, struct tz_err *err);

/* Print an error for a user: "taizhang: FILE:LINE: message". Returns 1. */
int tz_cli_fail(const struct tz_err *err);

/* Print a usage error and the command's usage line. Returns 2. */
int tz_cli_usage(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Open --out FILE for writing, or stdout when path is NULL or "-".
 * tz_cli_close_out() closes it (not stdout) and reports a write error.
 */
int tz_cli_open_out(const char *path, FILE **out, struct tz_err *err);
int tz_cli_close_out(FILE *fp, const char *path, struct tz_err *err);

int cmd_init(struct tz_app *app, int argc, char **argv);
int cmd_import(struct tz_app *app, int argc, char **argv);
int cmd_export(struct tz_app *app, int argc, char **argv);
int cmd_bulletin(struct tz_app *app, int argc, char **argv);
int cmd_demo(struct tz_app *app, int argc, char **argv);
int cmd_doc(struct tz_app *app, int argc, char **argv);

#endif
