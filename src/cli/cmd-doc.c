/* cmd-doc.c: `taizhang doc parse FILE` (placeholder until the reader lands). */
#include <stdio.h>

#include "cli/cli.h"

int cmd_doc(struct tz_app *app, int argc, char **argv)
{
	(void)app;
	(void)argc;
	(void)argv;
	fprintf(stderr, "taizhang: doc 命令尚未实现\n");
	return TZ_EXIT_FAIL;
}
