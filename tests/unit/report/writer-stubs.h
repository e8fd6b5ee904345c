/*
 * writer-stubs.h: weak stand-ins for the JSON and CSV writers, which
 * writer.c's registry names but which live in files of their own. A test
 * that links writer.c (for the shared bulletin helpers) links with these
 * when those files are not built; where they are, the real definitions
 * win and these are ignored. Include in exactly one file per test binary.
 */
#ifndef TZ_WRITER_STUBS_H
#define TZ_WRITER_STUBS_H

#include "report/writer.h"

__attribute__((weak)) const struct tz_table_writer_type tz_table_csv = { "csv", NULL, NULL, NULL };
__attribute__((weak)) const struct tz_bulletin_writer_type tz_bulletin_json = { "json", NULL };
__attribute__((weak)) const struct tz_bulletin_writer_type tz_bulletin_csv = { "csv", NULL };

#endif
