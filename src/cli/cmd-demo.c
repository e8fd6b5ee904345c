/* cmd-demo.c: placeholder. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_demo(struct tz_app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fprintf(stderr, "taizhang: demo 尚未实现\n");
	return TZ_EXIT_FAIL;
}
