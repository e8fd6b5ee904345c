/* cmd-init.c: `taizhang init`: create the database, or check an existing one. */
#include <stdio.h>

#include "cli/cli.h"
#include "store/store.h"
#include "base/banned.h"

int cmd_init(struct tz_app *app, int argc, char **argv)
{
	struct tz_store *store;
	struct tz_err err;

	(void)argv;
	if (argc > 1)
		return tz_cli_usage("taizhang init", "init 不接受参数");
	tz_err_clear(&err);
	if (tz_app_store(app, &store, &err))
		return tz_cli_fail(&err);
	printf("数据库已就绪：%s（%s）\n", app->db, tz_store_backend(store));
	return TZ_EXIT_OK;
}
