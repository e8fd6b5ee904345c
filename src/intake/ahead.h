/*
 * ahead.h: a reader's rows read ahead by a thread of their own.
 *
 * An import reads rows on one thread and writes them on another
 * (import.c). Reading is itself two kinds of work: the reader's own
 * (libcsv's parse of a CSV, libxml2's of a workbook) and the import's
 * checks and conversion of each row. With both on one thread, that
 * thread bounded the first half of a large progress import while the
 * writing thread waited, and the writing thread the second half while
 * the reading one waited (issue 6, bench/README.md, twelfth session).
 * Three threads on two CPUs let the system give each CPU to whichever
 * has work. Rows come out in the reader's order, exactly as
 * tz_reader_next gives them, then its end or its error.
 */
#ifndef TZ_AHEAD_H
#define TZ_AHEAD_H

#include "base/err.h"
#include "intake/reader.h"

struct tz_ahead;

/*
 * Start reading `r` ahead: `first` (may be NULL), a row already read
 * from r (the header search reads one past the header), is copied and
 * comes out first. From here until tz_ahead_stop only the thread calls
 * tz_reader_next on r. Never fails: without a thread, tz_ahead_next
 * reads r itself. The caller stops it with tz_ahead_stop.
 */
struct tz_ahead *tz_ahead_start(struct tz_reader *r, const struct tz_row *first);

/*
 * The next row, as tz_reader_next would give it: 1 and *row filled
 * (borrowed until the next call or tz_ahead_stop), 0 at the end, or
 * the reader's error code (< 0) with *err as the reader set it and
 * r->err_col as the reader left it.
 */
int tz_ahead_next(struct tz_ahead *a, struct tz_row *row, struct tz_err *err);

/* Stop the thread (it finishes the row it is reading) and free a. NULL
 * is accepted. */
void tz_ahead_stop(struct tz_ahead *a);

#endif
