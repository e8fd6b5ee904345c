/*
 * sqlite-defer.c: a bulk write builds a table's secondary indexes once,
 * at the end, instead of entry by entry.
 *
 * Why: the web application's indexes on `project` (region, unit and the
 * 包联领导 expression; sqlite-schema.c) made the import of a yearly
 * ledger twice as slow. Each 64-row insert then lands in three more
 * B-trees at scattered pages; and because the leader index calls
 * replace(), SQLite opens a statement journal for every multi-row insert
 * into the table (a function call marks a statement "may abort"), which
 * copies each 16 KB page the statement touches. Dropping those indexes
 * inside the import's transaction and creating them again before COMMIT
 * builds each from one sort, several times cheaper than its entries
 * inserted one at a time once the rows written are a good part of the
 * table (the caller decides when).
 *
 * Only indexes made by CREATE INDEX without UNIQUE are deferred: unique
 * indexes and primary keys are constraints and go on checking every row.
 * Each index is re-created from its own stored SQL, so whatever the
 * schema or an upgrade defined comes back as it was. Drop and re-creation
 * are in the caller's transaction: a failed or dry import rolls back to
 * the indexes it started with, and no other connection ever sees the
 * table without them.
 */
#include <string.h>

#include <sqlite3.h>

#include "base/buf.h"
#include "base/log.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

int tz_sqlite_defer_indexes(struct sqlite_store *ss, const char *table, struct tz_buf *create,
			    struct tz_err *err)
{
	static const char list[] =
		"SELECT m.name, m.sql FROM pragma_index_list(?1) AS il"
		" JOIN sqlite_master AS m ON m.type = 'index' AND m.name = il.name"
		" WHERE il.origin = 'c' AND NOT il.\"unique\" AND m.sql IS NOT NULL";
	struct tz_buf found = TZ_BUF_INIT;  /* name NUL sql NUL, for each index */
	sqlite3_stmt *st;
	const char *p;
	int n = 0, rc = 0;

	/* Listed first and finished: a DROP fails while a statement of the
	 * same connection reads the schema. */
	if (tz_sqlite_prepare(ss, list, &st, NULL))
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = tz_sqlite_text(st, 0), *sql = tz_sqlite_text(st, 1);

		if (tz_buf_add(&found, name, strlen(name) + 1) ||
		    tz_buf_add(&found, sql, strlen(sql) + 1))
			break;
	}
	sqlite3_finalize(st);

	p = found.buf;
	while (p < found.buf + found.len) {
		const char *name = p, *sql = p + strlen(p) + 1;
		size_t mark = create->len;
		char *drop;
		int src;

		p = sql + strlen(sql) + 1;

		/* The CREATE is kept before the DROP runs, and taken back if the
		 * DROP fails, so every index dropped is built again. */
		if (tz_buf_adds(create, sql) || tz_buf_adds(create, ";\n"))
			break;
		drop = sqlite3_mprintf("DROP INDEX \"%w\"", name);
		src = drop ? sqlite3_exec(ss->db, drop, NULL, NULL, NULL) : SQLITE_NOMEM;
		sqlite3_free(drop);
		if (src != SQLITE_OK) {
			tz_buf_setlen(create, mark);
			/* An I/O error, a full disk or no memory can roll the
			 * transaction back: then the import must fail like any
			 * other write. Otherwise (a statement of this connection
			 * still running) the indexes left are kept up row by row. */
			if (sqlite3_get_autocommit(ss->db))
				rc = tz_sqlite_error(ss, err, "drop index");
			tz_log(TZ_LOG_INFO, "store=sqlite event=defer_indexes table=%s kept=%s rc=%d",
			       table, name, src);
			break;
		}
		n++;
	}
	tz_buf_release(&found);
	if (n)
		tz_log(TZ_LOG_DEBUG, "store=sqlite event=defer_indexes table=%s indexes=%d", table, n);
	return rc;
}

int tz_sqlite_build_deferred(struct sqlite_store *ss, struct tz_buf *create, struct tz_err *err)
{
	double t0 = tz_clock_ms();
	int flipped, rc;

	if (!create->len)
		return 0;
	/*
	 * With temp_store=MEMORY (sqlite.c) SQLite's sorter mallocs every
	 * key and merge-sorts one linked list of them all; with temporary
	 * files allowed it fills page-sized buffers instead (here 40% less
	 * CPU: 170 against 280 ms for 100,000 projects), and still sorts in
	 * memory up to the cache size (64 MB, over a million projects). The pragma is refused inside a transaction
	 * once this connection has a TEMP database: then the build is only
	 * slower. The statement journals of the open transaction stay in
	 * memory whatever the setting (SQLite fixes that when it begins).
	 */
	flipped = sqlite3_exec(ss->db, "PRAGMA temp_store=FILE", NULL, NULL, NULL) == SQLITE_OK;
	rc = tz_sqlite_exec(ss, create->buf, err);
	if (flipped && sqlite3_exec(ss->db, "PRAGMA temp_store=MEMORY", NULL, NULL, NULL) != SQLITE_OK)
		tz_log(TZ_LOG_WARN, "store=sqlite event=build_deferred_indexes temp_store=file");
	tz_log(TZ_LOG_INFO, "store=sqlite event=build_deferred_indexes ms=%.0f rc=%d",
	       tz_clock_ms() - t0, rc);
	tz_buf_reset(create);
	return rc;
}
