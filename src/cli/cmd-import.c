/* cmd-import.c: placeholder. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_import(struct tz_app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fprintf(stderr, "taizhang: import 尚未实现\n");
	return TZ_EXIT_FAIL;
}
