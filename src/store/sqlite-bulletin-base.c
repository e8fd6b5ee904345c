/*
 * sqlite-bulletin-base.c: the bulletin base, a packed per-year copy of
 * everything a bulletin of that year reads (docs/internals/bulletin.md).
 *
 * Reading the ledger, project and project_year rows of a year costs more
 * than a bulletin may take (~60 ms CPU for 100,000 projects in SQLite's
 * row format alone), so the writers keep a dense form in the table
 * bulletin_base, created on demand (a cache: not part of the schema, never
 * migrated). One year is up to 14 BLOB rows (rowid year * 16 + part):
 *
 *   part 0        header, organisation references, the dictionary of
 *                 categories, leaders and levels, one record per ledger
 *                 project in project id order (struct base_rec)
 *   part 1        the strings: codes, names, organisation names, the
 *                 dictionary's strings, and each project's problem texts
 *                 (one per month with a problem, in month order), each
 *                 a header (its length and whether JSON takes it as it
 *                 is, put_text), its bytes and a NUL; offset STR_EMPTY
 *                 is ""
 *   part 1 + M    month M: int64 running totals ytdM of every record, then
 *                 one status byte stM each
 *
 * Every row carries the store_version it was built at, in the same write
 * transaction that read the data; a bulletin uses the base only when the
 * stamp of every part it reads equals the store's version now, so any
 * writer's commit (which bumps the version) retires it. A bulletin of
 * month M reads parts 0, 1, 1+M and 1+(M−1): a few MB for 100,000
 * projects, then counts them through core's tz_bulletin_add exactly as
 * sqlite-bulletin.c does from SQL rows, so the numbers are the same by
 * construction (the SQL path stays the reference, and tests compare them).
 *
 * The side file. Every build also writes the year's parts to a file
 * beside the database (`<database>-base<year>`, struct side_head then
 * the parts on page boundaries), synced before the build commits, and
 * stores the random nonce it gave the file as row year * 16 + 14, stamped
 * like the parts. A bulletin maps the parts it reads from that file when
 * its nonce, stamp, format and part 0's header agree with the database,
 * and reads them out of SQLite otherwise. The file's pages are those the
 * build just wrote, still in the page cache: a bulletin that maps them
 * touches no fresh memory, where copying the parts out of SQLite takes
 * some 15 MB of it for 100,000 projects, which right after an import
 * cost up to 100 ms to fault in (bench/README.md, fourteenth session).
 * The file is a cache of the cache: missing, stale or foreign, it is not
 * used, and nothing else reads or needs it (a copy of the database
 * without it reads its parts from SQLite).
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/hmap.h"
#include "base/json.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "core/dispatch.h"
#include "store/sqlite-internal.h"
#include "base/banned.h"

#define BASE_MAGIC 0x42425a54u   /* "TZBB" */
#define BASE_FORMAT 2u           /* bump when the layout of a part changes
				    (2: part 1's strings carry headers) */
#define BASE_PARTS 16            /* rowid = year * BASE_PARTS + part */
#define BASE_USED 14             /* parts 0..13 (0, 1 and a month each) */
#define PART_NONCE 14            /* the side file's nonce (struct side_head) */
#define BUSY_WAIT_MS 10000       /* the connection's busy timeout (sqlite.c) */

enum { REC_PLAN = 1, REC_TOT = 2, REC_START = 4 };

struct base_head {
	uint32_t magic, format;
	int32_t year;
	uint32_t n;        /* records */
	uint32_t norg;     /* organisation references */
	uint32_t ndict;    /* dictionary strings */
	uint32_t nstr;     /* bytes of part 1 */
	uint32_t endian;   /* 0x01020304 as written */
};

/* An organisation a record refers to: its id and name ("" if unknown). */
struct base_org {
	int64_t id;
	uint32_t name;
	uint32_t pad;
};

struct base_rec {
	int64_t total;          /* 0.01 万元 */
	int64_t annual;         /* 0.01 万元; 0 without a plan */
	uint32_t code, name;    /* offsets in part 1 */
	uint32_t problems;      /* offset of the first problem text */
	uint32_t region, unit;  /* indexes of struct base_org */
	uint32_t category, leader, level;  /* indexes of the dictionary */
	int32_t planned_start;  /* YYYYMM when REC_START */
	uint16_t rep, prob;     /* month M: bit M−1 (project_year) */
	uint8_t before;         /* status before the year (latest earlier st12) */
	uint8_t flags;          /* REC_* */
	uint8_t pad[2];
};

/*
 * The most a part's strings may take: SQLite's default limit on a BLOB
 * (SQLITE_MAX_LENGTH, 10^9 bytes), below the 32-bit offsets of struct
 * base_rec. (tz_buf's default cap, 16 MB, made a year of a million
 * projects unpackable: its bulletins then counted from SQL, each after a
 * failed build.)
 */
#define PART_MAX 1000000000u

/*
 * A string of part 1: a 4-byte header (native order, at any alignment),
 * its bytes, a NUL; offsets point at the bytes. The header is
 * length << 1 | plain, plain being 1 when JSON takes the string as it is
 * (tz_json_plain): measured and scanned once here, so a bulletin neither
 * measures nor scans the strings it lists (the JSON writer's strlen and
 * plain_run were 10 % of a bulletin's CPU). Part 1 starts with "", at
 * STR_EMPTY.
 */
#define STR_HEAD 4u
#define STR_EMPTY STR_HEAD

/* Append s (len bytes) to b as a string of part 1: 0 or nonzero past
 * b's cap (PART_MAX, below the header's 31 bits of length). */
static int put_text(struct tz_buf *b, const char *s, size_t len)
{
	uint32_t head = (uint32_t)(len << 1) | (uint32_t)tz_json_plain(s, len);

	return len > PART_MAX || tz_buf_grow(b, STR_HEAD + len + 1) ||
	       tz_buf_add(b, &head, STR_HEAD) || tz_buf_add(b, s, len + 1);
}

/*
 * The side file's header, at its start; part k at off[k] (a multiple of
 * SIDE_ALIGN), len[k] bytes. nonce is random per build and is also the
 * data of row year * BASE_PARTS + PART_NONCE; version is the stamp the
 * build gave its parts.
 */
#define SIDE_MAGIC 0x46425a54u   /* "TZBF" */
#define SIDE_ALIGN 4096u
#define NONCE_LEN 16

struct side_head {
	uint32_t magic, format;     /* SIDE_MAGIC, BASE_FORMAT */
	int32_t year;
	uint32_t endian;            /* 0x01020304 as written */
	int64_t version;
	uint8_t nonce[NONCE_LEN];
	uint64_t off[BASE_USED], len[BASE_USED];
};

/* The side file being written by a build: fd -1 when there is none
 * (a database without a file name, or a write that failed). */
struct side {
	int fd;
	char *path, *tmp;
	uint64_t end;               /* where the next part goes */
	struct side_head h;
};

static const char create_sql[] =
	"CREATE TABLE IF NOT EXISTS bulletin_base(id INTEGER PRIMARY KEY,"
	" version INTEGER NOT NULL, data BLOB NOT NULL)";

/* ------------------------------------------------------------------ */
/* Building                                                            */

/*
 * The year's project_year rows, read in chunks of TOT_CHUNK ledger
 * records by two connections: a second one in a thread from the start,
 * and the builder's own once it has read the ledger and project rows and
 * the statuses before the year. The builder holds the write lock (BEGIN
 * IMMEDIATE) before the reader starts, so both see the same commit; the
 * reader reads store_version in its own transaction and a difference
 * fails the build all the same. Every array is in record order (the
 * year's ledger ids, read first), each chunk's problem texts in a buffer
 * of its own, appended to part 1 in chunk order at the end.
 */
#define TOT_CHUNK 4096

struct tot {
	pthread_mutex_t lock;
	size_t next;                 /* the next chunk to take, under lock */
	int year;
	int fail;                    /* a problem buffer past 4 GB */
	size_t n, nchunks;
	int64_t *id;                 /* the year's ledger ids, ascending */
	int64_t *ytd[12];
	uint8_t *st[12];
	uint8_t *has;                /* 1: a row was read; 2: a status out of 0..255 */
	uint16_t *rep, *prob;
	uint32_t *poff;              /* the record's problem texts in its chunk's buffer */
	struct tz_buf *pstr;         /* per chunk */
};

struct builder {
	struct sqlite_store *ss;
	int year;
	struct tz_buf str;           /* part 1 */
	struct tz_hmap *dict_at;     /* string -> dictionary index */
	uint32_t *dict;
	size_t ndict, adict;
	struct tz_hmap *org_name;    /* org id -> offset of its name */
	struct tz_hmap *org_at;      /* org id -> reference index */
	struct base_org *org;
	size_t norg, aorg;
	struct base_rec *rec;
	int64_t *ids;                /* project id of each record */
	size_t n, arec;
	int64_t *ytd[12];            /* record order, after merge_tot */
	uint8_t *st[12];
	int fail;                    /* a value the packed form cannot hold */
	int kept;                    /* parts found unchanged, only restamped */
	struct side side;
};

static uint32_t add_str(struct builder *bd, const char *s)
{
	size_t at = bd->str.len + STR_HEAD;

	if (!*s)
		return STR_EMPTY;
	if (put_text(&bd->str, s, strlen(s)) || bd->str.len > UINT32_MAX)
		bd->fail = 1;
	return (uint32_t)at;
}

static uint32_t dict_index(struct builder *bd, const char *s)
{
	size_t len = strlen(s);
	int64_t at;

	if (tz_hmap_get(bd->dict_at, s, len, &at))
		return (uint32_t)at;
	TZ_ALLOC_GROW(bd->dict, bd->ndict + 1, bd->adict);
	bd->dict[bd->ndict] = add_str(bd, s);
	tz_hmap_put(bd->dict_at, s, len, (int64_t)bd->ndict, NULL);
	return (uint32_t)bd->ndict++;
}

/* The reference of org `id`, named as sqlite-bulletin.c names it. */
static uint32_t org_index(struct builder *bd, int64_t id)
{
	int64_t at, name = STR_EMPTY;

	if (tz_hmap_get(bd->org_at, (const char *)&id, sizeof(id), &at))
		return (uint32_t)at;
	if (id)
		tz_hmap_get(bd->org_name, (const char *)&id, sizeof(id), &name);
	TZ_ALLOC_GROW(bd->org, bd->norg + 1, bd->aorg);
	bd->org[bd->norg].id = id;
	bd->org[bd->norg].name = (uint32_t)name;
	bd->org[bd->norg].pad = 0;
	tz_hmap_put(bd->org_at, (const char *)&id, sizeof(id), (int64_t)bd->norg, NULL);
	return (uint32_t)bd->norg++;
}

static int load_orgs(struct builder *bd, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = tz_sqlite_prepare(bd->ss, "SELECT id, name FROM org", &st, err)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		tz_hmap_put(bd->org_name, (const char *)&id, sizeof(id),
			    (int64_t)add_str(bd, tz_sqlite_text(st, 1)), NULL);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(bd->ss, err, "org");
}

static uint8_t status_byte(struct builder *bd, int v)
{
	if (v < 0 || v > UINT8_MAX)
		bd->fail = 1;
	return (uint8_t)v;
}

/* The columns of tot_work's project_year statement. */
enum { TOT_YTD = 1, TOT_ST = 13, TOT_REP = 25, TOT_PROB = 26, TOT_PMONTH = 27, TOT_PTEXT = 28 };

/* A worker of struct tot: a connection and what went wrong on it. */
struct tot_worker {
	struct tot *t;
	sqlite3 *db;
	int64_t version;             /* store_version this connection saw */
	size_t taken;                /* chunks taken */
	int rc;                      /* an SQLite code; SQLITE_OK when read */
	const char *what;            /* the table the error is about */
	char msg[200];
};

static int tot_error(struct tot_worker *w, const char *what)
{
	w->what = what;
	snprintf(w->msg, sizeof(w->msg), "%s", sqlite3_errmsg(w->db));
	return w->rc = SQLITE_ERROR;
}

/* The problem texts of record k, one per month of its problem mask, as
 * sqlite-bulletin.c's latest_problem finds each, into its chunk's buffer:
 * the latest from project_year's ptext, the others from the project's
 * year row of reports, read once (`problem`: problem1..problem12 of
 * progress_year for ?1 the project, ?2 the year). A month of the mask
 * has a report (project_year's rep), so its problemN is the text the
 * view progress gives for it. */
static int tot_problems(struct tot_worker *w, size_t k, struct tz_buf *pstr, sqlite3_stmt *row,
			sqlite3_stmt *problem)
{
	struct tot *t = w->t;
	int pmonth = sqlite3_column_int(row, TOT_PMONTH), read = 0, rc = SQLITE_DONE;
	size_t at = pstr->len;

	for (int month = 1; month <= 12; month++) {
		const char *text = "";

		if (!(t->prob[k] & (1u << (month - 1))))
			continue;
		if (month == pmonth) {
			text = tz_sqlite_text(row, TOT_PTEXT);
		} else {
			if (!read++) {
				sqlite3_bind_int64(problem, 1, t->id[k]);
				sqlite3_bind_int(problem, 2, t->year);
				rc = sqlite3_step(problem);
				if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
					sqlite3_reset(problem);
					return tot_error(w, "progress");
				}
			}
			if (rc == SQLITE_ROW)
				text = tz_sqlite_text(problem, month - 1);
		}
		if (put_text(pstr, text, strlen(text)))
			t->fail = 1;
	}
	sqlite3_reset(problem);
	if (pstr->len > UINT32_MAX)
		t->fail = 1;
	t->poff[k] = (uint32_t)(at + STR_HEAD);
	return 0;
}

/* The rows of chunk c: those of project_year of the year whose project is
 * one of the chunk's records, each written at its record's index. */
static int tot_chunk(struct tot_worker *w, size_t c, sqlite3_stmt *row, sqlite3_stmt *problem)
{
	struct tot *t = w->t;
	size_t k = c * TOT_CHUNK, end = k + TOT_CHUNK < t->n ? k + TOT_CHUNK : t->n;
	int rc;

	sqlite3_bind_int64(row, 2, t->id[k]);
	sqlite3_bind_int64(row, 3, t->id[end - 1]);
	while ((rc = sqlite3_step(row)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(row, 0);
		uint8_t bad = 0;

		while (k < end && t->id[k] < id)
			k++;
		if (k == end || t->id[k] != id)
			continue; /* a project not in the year's ledger */
		for (int m = 0; m < 12; m++) {
			int v = sqlite3_column_int(row, TOT_ST + m);

			t->ytd[m][k] = sqlite3_column_int64(row, TOT_YTD + m);
			if (v < 0 || v > UINT8_MAX)
				bad = 1;
			t->st[m][k] = (uint8_t)v;
		}
		t->has[k] = (uint8_t)(1 | bad << 1);
		t->rep[k] = (uint16_t)(sqlite3_column_int64(row, TOT_REP) & 0xFFF);
		t->prob[k] = (uint16_t)(sqlite3_column_int64(row, TOT_PROB) & 0xFFF);
		if (t->prob[k] && tot_problems(w, k, &t->pstr[c], row, problem))
			break;
	}
	sqlite3_reset(row);
	if (w->rc == SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		tot_error(w, "project_year");
	return w->rc;
}

/* Take chunks until none is left, in one read transaction of w->db (the
 * builder's own connection is already inside its write transaction). */
static void tot_work(struct tot_worker *w)
{
	struct tot *t = w->t;
	sqlite3_stmt *row = NULL, *problem = NULL, *ver = NULL;
	int own = sqlite3_get_autocommit(w->db);
	char sql[600];
	size_t len;

	len = (size_t)snprintf(sql, sizeof(sql), "SELECT project_id");
	for (int m = 1; m <= 12; m++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", ytd%d", m);
	for (int m = 1; m <= 12; m++)
		len += (size_t)snprintf(sql + len, sizeof(sql) - len, ", st%d", m);
	snprintf(sql + len, sizeof(sql) - len, ", rep, prob, pmonth, ptext FROM project_year"
		 " WHERE year = ?1 AND project_id BETWEEN ?2 AND ?3 ORDER BY project_id");
	if (own && sqlite3_exec(w->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		tot_error(w, "begin");
		return;
	}
	if (sqlite3_prepare_v2(w->db, "SELECT n FROM store_version", -1, &ver, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(w->db, sql, -1, &row, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(w->db, "SELECT problem1, problem2, problem3, problem4, problem5,"
				      " problem6, problem7, problem8, problem9, problem10, problem11,"
				      " problem12 FROM progress_year WHERE project_id = ?1 AND year = ?2",
			       -1, &problem, NULL) != SQLITE_OK) {
		tot_error(w, "prepare");
		goto out;
	}
	if (sqlite3_step(ver) != SQLITE_ROW) {
		tot_error(w, "store_version");
		goto out;
	}
	w->version = sqlite3_column_int64(ver, 0);
	sqlite3_bind_int(row, 1, t->year);
	for (;;) {
		size_t c;

		pthread_mutex_lock(&t->lock);
		c = t->next++;
		pthread_mutex_unlock(&t->lock);
		if (c >= t->nchunks)
			break;
		w->taken++;
		if (tot_chunk(w, c, row, problem))
			break;
	}
out:
	if (w->rc != SQLITE_OK && w->taken) {
		/* A chunk is lost: the other worker need not go on. (One that
		 * failed before taking any, e.g. kept out by a lock, leaves
		 * every chunk to the other.) */
		pthread_mutex_lock(&t->lock);
		t->next = t->nchunks;
		pthread_mutex_unlock(&t->lock);
	}
	sqlite3_finalize(ver);
	sqlite3_finalize(row);
	sqlite3_finalize(problem);
	if (own)
		sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL);
}

static void *tot_thread(void *arg)
{
	tot_work(arg);
	return NULL;
}

static void tot_free(struct tot *t)
{
	free(t->id);
	for (int m = 0; m < 12; m++) {
		free(t->ytd[m]);
		free(t->st[m]);
	}
	free(t->has);
	free(t->rep);
	free(t->prob);
	free(t->poff);
	for (size_t c = 0; c < t->nchunks; c++)
		tz_buf_release(&t->pstr[c]);
	free(t->pstr);
}

/* The year's ledger ids in order, and t's arrays at their size. */
static int tot_init(struct tot *t, struct sqlite_store *ss, int year, struct tz_err *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	t->year = year;
	if ((rc = tz_sqlite_prepare(ss, "SELECT project_id FROM ledger WHERE year = ?1"
					" ORDER BY project_id", &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		TZ_ALLOC_GROW(t->id, t->n + 1, alloc);
		t->id[t->n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return tz_sqlite_error(ss, err, "ledger");
	for (int m = 0; m < 12; m++) {
		t->ytd[m] = tz_xcalloc(t->n ? t->n : 1, sizeof(int64_t));
		t->st[m] = tz_xcalloc(t->n ? t->n : 1, 1);
	}
	t->has = tz_xcalloc(t->n ? t->n : 1, 1);
	t->rep = tz_xcalloc(t->n ? t->n : 1, sizeof(uint16_t));
	t->prob = tz_xcalloc(t->n ? t->n : 1, sizeof(uint16_t));
	t->poff = tz_xcalloc(t->n ? t->n : 1, sizeof(uint32_t));
	t->nchunks = (t->n + TOT_CHUNK - 1) / TOT_CHUNK;
	t->pstr = tz_xcalloc(t->nchunks ? t->nchunks : 1, sizeof(*t->pstr));
	for (size_t c = 0; c < t->nchunks; c++)
		tz_buf_init(&t->pstr[c], PART_MAX);
	return 0;
}

/*
 * Give the records what t read: running totals and statuses (t's arrays,
 * in record order, taken over), masks and problem texts (each chunk's
 * buffer appended to part 1). The records must be t's ledger ids, which
 * a foreign key makes sure of; anything else fails the build.
 */
static int merge_tot(struct builder *bd, struct tot *t, struct tz_err *err)
{
	if (t->n != bd->n || (bd->n && memcmp(t->id, bd->ids, bd->n * sizeof(*bd->ids))))
		return tz_err_set(err, TZ_ESTORE, "数据库错误（ledger）：台账与项目不一致");
	if (t->fail)
		bd->fail = 1;
	for (int m = 0; m < 12; m++) {
		bd->ytd[m] = t->ytd[m];
		bd->st[m] = t->st[m];
		t->ytd[m] = NULL;
		t->st[m] = NULL;
	}
	for (size_t c = 0; c < t->nchunks; c++) {
		size_t base = bd->str.len, end = (c + 1) * TOT_CHUNK;

		if (tz_buf_add(&bd->str, t->pstr[c].buf, t->pstr[c].len) ||
		    bd->str.len > UINT32_MAX)
			bd->fail = 1;
		tz_buf_release(&t->pstr[c]);
		for (size_t k = c * TOT_CHUNK; k < end && k < bd->n; k++) {
			struct base_rec *r = &bd->rec[k];

			if (!t->has[k])
				continue;
			if (t->has[k] & 2)
				bd->fail = 1;
			r->flags |= REC_TOT;
			r->rep = t->rep[k];
			r->prob = t->prob[k];
			if (r->prob)
				r->problems = (uint32_t)(base + t->poff[k]);
		}
	}
	return 0;
}

static size_t find_id(const struct builder *bd, int64_t id)
{
	size_t lo = 0, hi = bd->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (bd->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < bd->n && bd->ids[lo] == id ? lo : SIZE_MAX;
}

/* The status in force before the year: st12 of the latest earlier year
 * (sqlite-bulletin.c's status_before_year), for every record at once. */
static int read_before(struct builder *bd, struct tz_err *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = tz_sqlite_prepare(bd->ss, "SELECT project_id, st12 FROM project_year WHERE year < ?1"
				       " ORDER BY year", &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int(st, 1, bd->year);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i = find_id(bd, sqlite3_column_int64(st, 0));

		if (i != SIZE_MAX)
			bd->rec[i].before = status_byte(bd, sqlite3_column_int(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : tz_sqlite_error(bd->ss, err, "project_year");
}

/* The ledger's count of the year: the records' arrays at their size from
 * the start (no growth, no slack). */
static int reserve(struct builder *bd, struct tz_err *err)
{
	sqlite3_stmt *st;
	int64_t n = 0;
	int rc;

	if ((rc = tz_sqlite_prepare(bd->ss, "SELECT count(*) FROM ledger WHERE year = ?1", &st, err)))
		return rc;
	sqlite3_bind_int(st, 1, bd->year);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n <= 0 || n > UINT32_MAX / 2)
		return 0;
	bd->arec = (size_t)n;
	bd->rec = tz_xmalloc(tz_st_mult(bd->arec, sizeof(*bd->rec)));
	bd->ids = tz_xmalloc(tz_st_mult(bd->arec, sizeof(*bd->ids)));
	return 0;
}

/* The ledger and project rows of the year: one record each, with its
 * strings (the running totals come from tot_read). */
static int read_rows(struct builder *bd, struct tz_err *err)
{
	sqlite3_stmt *ledger = NULL, *proj = NULL;
	int64_t proj_at = -1;
	int rc, prc = SQLITE_ROW;

	if ((rc = tz_sqlite_prepare(bd->ss, "SELECT project_id, annual, level FROM ledger"
					    " WHERE year = ?1 ORDER BY project_id", &ledger, err)) ||
	    (rc = tz_sqlite_prepare(bd->ss, "SELECT id, code, name, region_id, category, leader,"
					    " unit_id, total, planned_start FROM project ORDER BY id",
				    &proj, err)))
		goto out;
	sqlite3_bind_int(ledger, 1, bd->year);
	while ((rc = sqlite3_step(ledger)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(ledger, 0);
		struct base_rec *r;
		int found;

		found = tz_sqlite_seek(proj, &prc, &proj_at, id);
		if (found < 0) {
			rc = tz_sqlite_error(bd->ss, err, "project");
			goto out;
		}
		if (!found)
			continue; /* as sqlite-bulletin.c: a foreign key makes this unreachable */
		if (bd->n == bd->arec) {
			size_t was = bd->arec;

			TZ_ALLOC_GROW(bd->rec, bd->n + 1, bd->arec);
			if (bd->arec != was)
				bd->ids = tz_xrealloc(bd->ids, tz_st_mult(bd->arec, sizeof(*bd->ids)));
		}
		bd->ids[bd->n] = id;
		r = &bd->rec[bd->n];
		memset(r, 0, sizeof(*r));
		r->total = sqlite3_column_int64(proj, 7);
		if (sqlite3_column_type(ledger, 1) != SQLITE_NULL)
			r->flags |= REC_PLAN;
		r->annual = sqlite3_column_int64(ledger, 1);
		r->code = add_str(bd, tz_sqlite_text(proj, 1));
		r->name = add_str(bd, tz_sqlite_text(proj, 2));
		r->region = org_index(bd, sqlite3_column_int64(proj, 3));
		r->unit = org_index(bd, sqlite3_column_int64(proj, 6));
		r->category = dict_index(bd, tz_sqlite_text(proj, 4));
		r->leader = dict_index(bd, tz_sqlite_text(proj, 5));
		r->level = dict_index(bd, tz_sqlite_text(ledger, 2));
		if (sqlite3_column_type(proj, 8) != SQLITE_NULL) {
			int64_t start = sqlite3_column_int64(proj, 8);

			if (start < INT32_MIN || start > INT32_MAX)
				bd->fail = 1;
			r->flags |= REC_START;
			r->planned_start = (int32_t)start;
		}
		bd->n++;
	}
	rc = rc == SQLITE_DONE ? 0 : tz_sqlite_error(bd->ss, err, "ledger");
out:
	sqlite3_finalize(ledger);
	sqlite3_finalize(proj);
	return rc;
}

struct piece {
	const void *data;
	size_t len;
};

#define SAME_BUF (64u << 10)

/* Whether row `id` already holds exactly the concatenation of pieces
 * (whatever its stamp): read back 64 KB at a time and compared. */
static int part_same(struct builder *bd, sqlite3_int64 id, const struct piece *pieces, int npieces,
		     size_t total)
{
	sqlite3_blob *blob = NULL;
	char *buf = NULL;
	size_t at = 0;
	int same = 0;

	if (sqlite3_blob_open(bd->ss->db, "main", "bulletin_base", "data", id, 0, &blob) != SQLITE_OK ||
	    (size_t)sqlite3_blob_bytes(blob) != total)
		goto out;
	buf = tz_xmalloc(SAME_BUF);
	for (int i = 0; i < npieces; i++) {
		for (size_t off = 0; off < pieces[i].len;) {
			size_t n = pieces[i].len - off < SAME_BUF ? pieces[i].len - off : SAME_BUF;

			if (sqlite3_blob_read(blob, buf, (int)n, (int)at) != SQLITE_OK ||
			    memcmp(buf, (const char *)pieces[i].data + off, n))
				goto out;
			off += n;
			at += n;
		}
	}
	same = 1;
out:
	free(buf);
	sqlite3_blob_close(blob);
	return same;
}

/* ------------------------------------------------------------------ */
/* The side file                                                       */

/* The side file of `year` beside ss's database: a malloc'd path, or NULL
 * for a database without a file name (in memory, temporary). */
static char *side_path(struct sqlite_store *ss, int year)
{
	const char *db = sqlite3_db_filename(ss->db, "main");
	size_t n;
	char *path;

	if (!db || !*db)
		return NULL;
	n = strlen(db) + sizeof("-base") + 12;
	path = tz_xmalloc(n);
	snprintf(path, n, "%s-base%d", db, year);
	return path;
}

/* Give up the file being written: the build goes on without it. */
static void side_drop(struct side *sd, const char *why)
{
	if (sd->fd < 0)
		return;
	tz_log(TZ_LOG_INFO, "event=bulletin_base_file path=\"%s\" failed=\"%s: %s\"", sd->tmp, why,
	       strerror(errno));
	close(sd->fd);
	unlink(sd->tmp);
	sd->fd = -1;
}

static void side_free(struct side *sd)
{
	side_drop(sd, "abandoned");
	free(sd->path);
	free(sd->tmp);
}

/* Start the side file of bd's year: a temporary beside the database,
 * the header's room left empty (a file cut short has no magic). The
 * build holds the write lock, so no other build writes the same name. */
static void side_open(struct builder *bd)
{
	struct side *sd = &bd->side;
	size_t n;

	sd->fd = -1;
	if (!(sd->path = side_path(bd->ss, bd->year)))
		return;
	n = strlen(sd->path) + sizeof(".tmp");
	sd->tmp = tz_xmalloc(n);
	snprintf(sd->tmp, n, "%s.tmp", sd->path);
	sd->fd = open(sd->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (sd->fd < 0)
		tz_log(TZ_LOG_INFO, "event=bulletin_base_file path=\"%s\" failed=\"open: %s\"",
		       sd->tmp, strerror(errno));
	sd->end = SIDE_ALIGN;
}

/* All of data at offset `at` of fd: 0 or -1 (errno set). */
static int write_at(int fd, const void *data, size_t len, uint64_t at)
{
	const char *p = data;

	while (len) {
		ssize_t n = pwrite(fd, p, len, (off_t)at);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!n)
				errno = EIO;
			return -1;
		}
		p += n;
		len -= (size_t)n;
		at += (uint64_t)n;
	}
	return 0;
}

/* Part `part` as the concatenation of pieces, at the file's next page
 * boundary (so that a bulletin maps it on its own). */
static void side_put(struct builder *bd, int part, const struct piece *pieces, int npieces)
{
	struct side *sd = &bd->side;
	uint64_t at = sd->end;

	if (sd->fd < 0)
		return;
	sd->h.off[part] = at;
	for (int i = 0; i < npieces; i++) {
		if (pieces[i].len && write_at(sd->fd, pieces[i].data, pieces[i].len, at)) {
			side_drop(sd, "write");
			return;
		}
		at += pieces[i].len;
	}
	sd->h.len[part] = at - sd->h.off[part];
	sd->end = (at + SIDE_ALIGN - 1) / SIDE_ALIGN * SIDE_ALIGN;
}

/*
 * Finish the side file once every part is in it: the header with a new
 * nonce, the file synced (so that a database whose commit survives a
 * crash never names a file whose bytes did not) and renamed into place;
 * then the nonce's row, stamped `version`, in the build's transaction.
 * Until that commits, the file's nonce is in no row and the file is not
 * used. A file that could not be written is no error (0): bulletins then
 * read the parts from SQLite. Otherwise 0 or TZ_ESTORE (the row).
 */
static int side_commit(struct builder *bd, int64_t version, struct tz_err *err)
{
	struct side *sd = &bd->side;
	sqlite3_stmt *ins;
	int rc, fd = sd->fd;

	if (fd < 0)
		return 0;
	sd->h.magic = SIDE_MAGIC;
	sd->h.format = BASE_FORMAT;
	sd->h.year = bd->year;
	sd->h.endian = 0x01020304u;
	sd->h.version = version;
	if (getrandom(sd->h.nonce, NONCE_LEN, 0) != NONCE_LEN) {
		side_drop(sd, "getrandom");
		return 0;
	}
	if (write_at(fd, &sd->h, sizeof(sd->h), 0)) {
		side_drop(sd, "write");
		return 0;
	}
	if (fdatasync(fd)) {
		side_drop(sd, "fdatasync");
		return 0;
	}
	sd->fd = -1;
	if (close(fd) || rename(sd->tmp, sd->path)) {
		tz_log(TZ_LOG_INFO, "event=bulletin_base_file path=\"%s\" failed=\"rename: %s\"",
		       sd->path, strerror(errno));
		unlink(sd->tmp);
		return 0;
	}
	if ((rc = tz_sqlite_prepare(bd->ss, "INSERT OR REPLACE INTO bulletin_base(id, version, data)"
					    " VALUES(?1, ?2, ?3)", &ins, err)))
		return rc;
	sqlite3_bind_int64(ins, 1, (sqlite3_int64)bd->year * BASE_PARTS + PART_NONCE);
	sqlite3_bind_int64(ins, 2, version);
	sqlite3_bind_blob(ins, 3, sd->h.nonce, NONCE_LEN, SQLITE_STATIC);
	rc = tz_sqlite_step(bd->ss, ins, err);
	sqlite3_finalize(ins);
	return rc;
}

/*
 * Write part `part` as the concatenation of pieces, straight from the
 * builder's arrays (a zeroblob filled in place: no copy of megabytes).
 * A part whose row already holds these very bytes (the months before an
 * import's month, the strings when no name or problem changed) only gets
 * the new stamp: SQLite rewrites a row of unchanged size in place and
 * writes only the pages that differ, so the unchanged megabytes are
 * neither logged nor synced again. The bytes are compared in the write
 * transaction that stamps them, so the stamp still says what they are.
 */
static int put_part(struct builder *bd, sqlite3_stmt *ins, sqlite3_stmt *restamp, int part,
		    int64_t version, const struct piece *pieces, int npieces, struct tz_err *err)
{
	sqlite3_int64 id = (sqlite3_int64)bd->year * BASE_PARTS + part;
	sqlite3_blob *blob = NULL;
	size_t total = 0, at = 0;
	int rc;

	for (int i = 0; i < npieces; i++)
		total += pieces[i].len;
	if (total > INT32_MAX)
		return tz_err_set(err, TZ_ETOOBIG, "通报底稿过大");
	side_put(bd, part, pieces, npieces);
	if (total && part_same(bd, id, pieces, npieces, total)) {
		sqlite3_bind_int64(restamp, 1, id);
		sqlite3_bind_int64(restamp, 2, version);
		if ((rc = tz_sqlite_step(bd->ss, restamp, err)))
			return rc;
		if (sqlite3_changes(bd->ss->db) == 1) {
			bd->kept++;
			return 0;
		}
	}
	sqlite3_bind_int64(ins, 1, id);
	sqlite3_bind_int64(ins, 2, version);
	sqlite3_bind_zeroblob64(ins, 3, total);
	if ((rc = tz_sqlite_step(bd->ss, ins, err)))
		return rc;
	if (!total)
		return 0;
	if (sqlite3_blob_open(bd->ss->db, "main", "bulletin_base", "data", id, 1, &blob) != SQLITE_OK)
		return tz_sqlite_error(bd->ss, err, "bulletin_base");
	for (int i = 0; i < npieces && !rc; i++) {
		if (pieces[i].len && sqlite3_blob_write(blob, pieces[i].data, (int)pieces[i].len,
							(int)at) != SQLITE_OK)
			rc = tz_sqlite_error(bd->ss, err, "bulletin_base");
		at += pieces[i].len;
	}
	sqlite3_blob_close(blob);
	return rc;
}

/* The parts, each builder array freed once written: the months first,
 * then the strings, then the records. */
static int write_parts(struct builder *bd, int64_t version, struct tz_err *err)
{
	struct base_head h = { BASE_MAGIC, BASE_FORMAT, bd->year, (uint32_t)bd->n,
			       (uint32_t)bd->norg, (uint32_t)bd->ndict, (uint32_t)bd->str.len,
			       0x01020304u };
	static const uint32_t zero = 0;
	sqlite3_stmt *ins = NULL, *restamp = NULL;
	int rc;

	if ((rc = tz_sqlite_prepare(bd->ss, "INSERT OR REPLACE INTO bulletin_base(id, version, data)"
					    " VALUES(?1, ?2, ?3)", &ins, err)) ||
	    (rc = tz_sqlite_prepare(bd->ss, "UPDATE bulletin_base SET version = ?2 WHERE id = ?1",
				    &restamp, err)))
		goto out;
	for (int m = 0; m < 12 && !rc; m++) {
		struct piece month[2] = { { bd->ytd[m], bd->n * sizeof(int64_t) }, { bd->st[m], bd->n } };

		rc = put_part(bd, ins, restamp, 2 + m, version, month, 2, err);
		free(bd->ytd[m]);
		free(bd->st[m]);
		bd->ytd[m] = NULL;
		bd->st[m] = NULL;
	}
	if (!rc) {
		struct piece str = { bd->str.buf, bd->str.len };

		rc = put_part(bd, ins, restamp, 1, version, &str, 1, err);
		tz_buf_release(&bd->str);
	}
	if (!rc) {
		struct piece p0[5] = {
			{ &h, sizeof(h) },
			{ bd->org, bd->norg * sizeof(*bd->org) },
			{ bd->dict, bd->ndict * sizeof(*bd->dict) },
			{ &zero, bd->ndict % 2 ? sizeof(zero) : 0 },  /* records 8-aligned */
			{ bd->rec, bd->n * sizeof(*bd->rec) },
		};

		rc = put_part(bd, ins, restamp, 0, version, p0, 5, err);
	}
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(restamp);
	return rc;
}

static void builder_free(struct builder *bd)
{
	tz_buf_release(&bd->str);
	tz_hmap_free(bd->dict_at);
	tz_hmap_free(bd->org_name);
	tz_hmap_free(bd->org_at);
	free(bd->dict);
	free(bd->org);
	free(bd->rec);
	free(bd->ids);
	for (int m = 0; m < 12; m++) {
		free(bd->ytd[m]);
		free(bd->st[m]);
	}
	side_free(&bd->side);
}

/* Whether part 0 of `year` is of this build's format: a base another
 * build wrote at the same version (before BASE_FORMAT changed) is
 * rebuilt, not kept stamped current and never used. */
static int base_ours(struct sqlite_store *ss, int year)
{
	sqlite3_blob *blob = NULL;
	struct base_head h;
	int ok;

	ok = sqlite3_blob_open(ss->db, "main", "bulletin_base", "data",
			       (sqlite3_int64)year * BASE_PARTS, 0, &blob) == SQLITE_OK &&
	     sqlite3_blob_bytes(blob) >= (int)sizeof(h) &&
	     sqlite3_blob_read(blob, &h, (int)sizeof(h), 0) == SQLITE_OK &&
	     h.magic == BASE_MAGIC && h.format == BASE_FORMAT && h.endian == 0x01020304u;
	sqlite3_blob_close(blob);
	return ok;
}

/* The stamps of year's parts 0, 1 and 2..13 all equal to version. */
static int base_current(struct sqlite_store *ss, int year, int64_t version)
{
	sqlite3_stmt *st;
	int64_t n = 0;

	if (sqlite3_prepare_v2(ss->db, "SELECT count(*) FROM bulletin_base"
				       " WHERE id BETWEEN ?1 AND ?2 AND version = ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, (int64_t)year * BASE_PARTS);
	sqlite3_bind_int64(st, 2, (int64_t)year * BASE_PARTS + 13);
	sqlite3_bind_int64(st, 3, version);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n == 14 && base_ours(ss, year);
}

/* Read everything the base holds into bd: the ledger and project rows
 * here while a second connection starts on the running totals (tot). */
static int read_all(struct builder *bd, int64_t version, double *t_rows, double *t_wait,
		    struct tz_err *err)
{
	struct tot t = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct tot_worker reader = { &t, NULL, 0, 0, SQLITE_OK, NULL, "" };
	struct tot_worker self = { &t, bd->ss->db, 0, 0, SQLITE_OK, NULL, "" };
	pthread_t thread;
	int started = 0, rc;

	if ((rc = load_orgs(bd, err)) || (rc = reserve(bd, err)) ||
	    (rc = tot_init(&t, bd->ss, bd->year, err)))
		goto out;
	/* Through the page cache (mapped pages would count in the import's
	 * peak memory), never waiting for a lock: the builder then reads
	 * everything itself. */
	reader.db = tz_sqlite_open_reader(bd->ss, 0, 0);
	if (reader.db && pthread_create(&thread, NULL, tot_thread, &reader)) {
		sqlite3_close(reader.db);
		reader.db = NULL;
	}
	started = reader.db != NULL;
	if ((rc = read_rows(bd, err)) || (rc = read_before(bd, err))) {
		pthread_mutex_lock(&t.lock);
		t.next = t.nchunks; /* stop the reader */
		pthread_mutex_unlock(&t.lock);
		goto out;
	}
	*t_rows = tz_clock_ms();
	tot_work(&self); /* the chunks the reader has not taken */
	if (started) {
		pthread_join(thread, NULL);
		started = 0;
	}
	*t_wait = tz_clock_ms();
	if (self.rc != SQLITE_OK || (reader.taken && reader.rc != SQLITE_OK)) {
		struct tot_worker *w = self.rc != SQLITE_OK ? &self : &reader;

		rc = tz_err_set(err, TZ_ESTORE, "数据库错误（%s）：%s", w->what, w->msg);
		goto out;
	}
	if (self.version != version || (reader.taken && reader.version != version)) {
		/* Unreachable while the builder holds the write lock. */
		rc = tz_err_set(err, TZ_ESTORE, "数据库错误（store_version）：读取期间数据已变");
		goto out;
	}
	rc = merge_tot(bd, &t, err);
out:
	if (started)
		pthread_join(thread, NULL);
	sqlite3_close(reader.db);
	tot_free(&t);
	return rc;
}

int tz_sqlite_bulletin_base_build(struct sqlite_store *ss, int year, struct tz_err *err)
{
	struct builder bd = { .side.fd = -1 };
	int64_t version;
	double t0 = tz_clock_ms(), t1 = 0, t2 = 0, t3 = 0, t4 = 0;
	int rc;

	if (sqlite3_db_readonly(ss->db, "main") || !sqlite3_get_autocommit(ss->db))
		return 0;
	/* Read through the page cache, not the memory map: the map's pages
	 * of every table read would count in the process's peak memory, on
	 * top of an import's just released (import progress stays < 200 MB). */
	if ((rc = tz_sqlite_exec(ss, "PRAGMA mmap_size=0", err)))
		return rc;
	/* A cache is not worth waiting for: if another writer holds the
	 * lock, build nothing (the next bulletin will). Then the store's
	 * usual wait again (sqlite.c sets 10 s). */
	sqlite3_busy_timeout(ss->db, 0);
	rc = tz_sqlite_exec(ss, "BEGIN IMMEDIATE", err);
	sqlite3_busy_timeout(ss->db, BUSY_WAIT_MS);
	if (rc)
		goto map;
	if ((rc = tz_sqlite_exec(ss, create_sql, err)) ||
	    (rc = tz_sqlite_query_int(ss, "SELECT n FROM store_version", &version, err)))
		goto out;
	if (base_current(ss, year, version))
		goto out;
	bd.ss = ss;
	bd.year = year;
	tz_buf_init(&bd.str, PART_MAX);
	bd.dict_at = tz_hmap_new();
	bd.org_name = tz_hmap_new();
	bd.org_at = tz_hmap_new();
	if (put_text(&bd.str, "", 0))
		bd.fail = 1;
	org_index(&bd, 0);
	if ((rc = read_all(&bd, version, &t1, &t2, err)))
		goto out;
	t3 = tz_clock_ms();
	if (bd.fail || bd.n > UINT32_MAX / 2) {
		sqlite3_stmt *del;

		/* Stay with the SQL path for this year; drop a stale base. */
		tz_log(TZ_LOG_INFO, "event=bulletin_base year=%d skipped=unpackable", year);
		if ((rc = tz_sqlite_prepare(ss, "DELETE FROM bulletin_base WHERE id BETWEEN ?1 AND ?2",
					    &del, err)))
			goto out;
		sqlite3_bind_int64(del, 1, (int64_t)year * BASE_PARTS);
		sqlite3_bind_int64(del, 2, (int64_t)year * BASE_PARTS + BASE_PARTS - 1);
		rc = tz_sqlite_step(ss, del, err);
		sqlite3_finalize(del);
		goto out;
	}
	side_open(&bd);
	if (!(rc = write_parts(&bd, version, err)))
		rc = side_commit(&bd, version, err);
	t4 = tz_clock_ms();
out:
	if (!rc)
		rc = tz_sqlite_exec(ss, "COMMIT", err);
	if (rc && !sqlite3_get_autocommit(ss->db))
		tz_sqlite_exec(ss, "ROLLBACK", NULL);
	if (t4 > 0)
		tz_log(TZ_LOG_DEBUG, "event=bulletin_base_build rows_ms=%.1f tot_wait_ms=%.1f"
		       " merge_ms=%.1f write_ms=%.1f kept=%d commit_ms=%.1f", t1 - t0, t2 - t1,
		       t3 - t2, t4 - t3, bd.kept, tz_clock_ms() - t4);
	tz_log(TZ_LOG_INFO, "event=bulletin_base year=%d projects=%zu rc=%d ms=%.1f", year, bd.n, rc,
	       tz_clock_ms() - t0);
	builder_free(&bd);
map:
	if (tz_sqlite_exec(ss, "PRAGMA mmap_size=" TZ_SQLITE_MMAP_SIZE, rc ? NULL : err) && !rc)
		rc = TZ_ESTORE;
	return rc;
}

void tz_sqlite_bulletin_base_refresh(struct sqlite_store *ss)
{
	struct tz_err err;
	int64_t year = 0;

	tz_err_clear(&err);
	/* Give the memory the import just released back to the system first,
	 * so that the base's does not add to the import's peak. */
	malloc_trim(0);
	if (tz_sqlite_query_int(ss, "SELECT max(year) FROM project_year", &year, &err))
		goto fail;
	if (!year)
		return; /* no running totals yet: no bulletin to prepare */
	if (tz_sqlite_bulletin_base_build(ss, (int)year, &err))
		goto fail;
	return;
fail:
	tz_log(TZ_LOG_INFO, "event=bulletin_base_refresh failed=%s", err.msg);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

struct base_view {
	void *part[4];              /* 0, 1, month M, month M−1 (or NULL) */
	size_t size[4];             /* their allocations (part_alloc) or maps */
	int mapped;                 /* parts mapped from the side file */
	const struct base_head *h;
	const struct base_org *org;
	const uint32_t *dict;
	const struct base_rec *rec;
	const char *str;
	const int64_t *ytd, *ytd_prev;
	const uint8_t *st, *st_prev;
};

/*
 * Room for a part. A large one is mapped on 2 MB boundaries and asked for
 * huge pages (MADV_HUGEPAGE, where the kernel offers them): faulting in
 * megabytes 4 KB at a time cost more than copying them, and the lagging
 * list reads the strings in no order, a TLB miss per entry on small
 * pages. Without huge pages the mapping is populated in one call.
 */
#define PART_MAP_MIN (1u << 20)
#define HUGE (2u << 20)

static void *part_alloc(size_t size)
{
	size_t len = (size + HUGE - 1) / HUGE * HUGE;
	char *p, *at;

	if (size < PART_MAP_MIN)
		return tz_xmalloc(size);
	p = mmap(NULL, len + HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	at = (char *)(((uintptr_t)p + HUGE - 1) / HUGE * HUGE);
	if (at > p)
		munmap(p, (size_t)(at - p));
	munmap(at + len, (size_t)(p + HUGE - at));
#ifdef MADV_HUGEPAGE
	if (!madvise(at, len, MADV_HUGEPAGE))
		return at;
#endif
#ifdef MADV_POPULATE_WRITE
	madvise(at, len, MADV_POPULATE_WRITE);
#endif
	return at;
}

static void part_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size < PART_MAP_MIN)
		free(p);
	else
		munmap(p, (size + HUGE - 1) / HUGE * HUGE);
}

/* The parts of v, mapped or copied (v itself stays). */
static void view_release(struct base_view *v)
{
	for (int i = 0; i < 4; i++) {
		if (!v->mapped)
			part_free(v->part[i], v->size[i]);
		else if (v->size[i])
			munmap(v->part[i], v->size[i]);
		v->part[i] = NULL;
		v->size[i] = 0;
	}
	v->mapped = 0;
}

static void view_free(void *arg)
{
	struct base_view *v = arg;

	view_release(v);
	free(v);
}

/* Whether row `id` of bulletin_base is stamped `version`. */
static int stamped(sqlite3_stmt *stamp, sqlite3_int64 id, int64_t version)
{
	int ok;

	sqlite3_bind_int64(stamp, 1, id);
	ok = sqlite3_step(stamp) == SQLITE_ROW && sqlite3_column_int64(stamp, 0) == version;
	sqlite3_reset(stamp);
	return ok;
}

/* The nonce of year's side file as the database holds it, if stamped
 * `version`: 1 and nonce filled, or 0. */
static int db_nonce(struct sqlite_store *ss, int year, int64_t version, uint8_t *nonce)
{
	sqlite3_stmt *st;
	int ok;

	if (sqlite3_prepare_v2(ss->db, "SELECT version, data FROM bulletin_base WHERE id = ?1", -1,
			       &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)year * BASE_PARTS + PART_NONCE);
	ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 0) == version &&
	     sqlite3_column_bytes(st, 1) == NONCE_LEN;
	if (ok)
		memcpy(nonce, sqlite3_column_blob(st, 1), NONCE_LEN);
	sqlite3_finalize(st);
	return ok;
}

/* The header of year's part 0 as the database holds it: 1 or 0. */
static int db_head(struct sqlite_store *ss, int year, struct base_head *h)
{
	sqlite3_blob *blob = NULL;
	int ok;

	ok = sqlite3_blob_open(ss->db, "main", "bulletin_base", "data",
			       (sqlite3_int64)year * BASE_PARTS, 0, &blob) == SQLITE_OK &&
	     sqlite3_blob_bytes(blob) >= (int)sizeof(*h) &&
	     sqlite3_blob_read(blob, h, (int)sizeof(*h), 0) == SQLITE_OK;
	sqlite3_blob_close(blob);
	return ok;
}

/* Part k of the side file (fd, header h, fsize bytes) as v's part i,
 * mapped read-only with its page table filled: 1, or 0 for a part
 * outside the file or a failed map. An empty part points at `none`. */
static int map_part(struct base_view *v, int i, int fd, const struct side_head *h, int k,
		    off_t fsize, size_t *len)
{
	static int64_t none;
	uint64_t off = h->off[k], n = h->len[k];
	void *p;

	if (off < SIDE_ALIGN || off % SIDE_ALIGN || fsize < 0 || n > (uint64_t)fsize ||
	    off > (uint64_t)fsize - n || n > SIZE_MAX)
		return 0;
	*len = (size_t)n;
	if (!n) {
		v->part[i] = &none;
		return 1;
	}
	p = mmap(NULL, (size_t)n, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, (off_t)off);
	if (p == MAP_FAILED)
		return 0;
	v->part[i] = p;
	v->size[i] = (size_t)n;
	return 1;
}

/*
 * The parts a bulletin of p needs, mapped from the side file (see the
 * top of this file): 1 when its nonce, year, version and format are the
 * database's, every part read is stamped `version` in the database, and
 * its part 0 starts with the database's part 0 header; then v's parts
 * and len are set (v->mapped). 0 otherwise, v untouched.
 */
static int view_map(struct sqlite_store *ss, struct tz_period p, int64_t version,
		    sqlite3_stmt *stamp, struct base_view *v, size_t *len)
{
	const int parts[4] = { 0, 1, 1 + p.month, p.month > 1 ? p.month : -1 };
	uint8_t nonce[NONCE_LEN];
	struct side_head h;
	struct base_head head;
	struct stat st;
	char *path = side_path(ss, p.year);
	int fd = -1, ok = 0;

	if (!path)
		return 0;
	for (int i = 0; i < 4; i++)
		if (parts[i] >= 0 &&
		    !stamped(stamp, (sqlite3_int64)p.year * BASE_PARTS + parts[i], version))
			goto out;
	if (!db_nonce(ss, p.year, version, nonce) || !db_head(ss, p.year, &head))
		goto out;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    h.magic != SIDE_MAGIC || h.format != BASE_FORMAT || h.endian != 0x01020304u ||
	    h.year != p.year || h.version != version || memcmp(h.nonce, nonce, NONCE_LEN))
		goto out;
	v->mapped = 1;
	for (int i = 0; i < 4; i++)
		if (parts[i] >= 0 && !map_part(v, i, fd, &h, parts[i], st.st_size, &len[i]))
			goto out;
	ok = len[0] >= sizeof(head) && !memcmp(v->part[0], &head, sizeof(head));
out:
	if (fd >= 0)
		close(fd);
	free(path);
	if (!ok && v->mapped) {
		view_release(v);
		memset(len, 0, 4 * sizeof(*len));
	}
	return ok;
}

/* Part `part` of `year` if stamped `version`: a malloc'd copy and its length. */
static int read_part(struct sqlite_store *ss, int year, int part, int64_t version,
		     sqlite3_stmt *stamp, void **out, size_t *size, size_t *len)
{
	sqlite3_int64 id = (sqlite3_int64)year * BASE_PARTS + part;
	sqlite3_blob *blob = NULL;
	int ok, n;

	if (!stamped(stamp, id, version) || sqlite3_blob_open(ss->db, "main", "bulletin_base", "data", id, 0, &blob) != SQLITE_OK) {
		sqlite3_blob_close(blob);
		return 0;
	}
	n = sqlite3_blob_bytes(blob);
	*size = (size_t)n + 1;
	*len = (size_t)n;
	*out = part_alloc(*size);
	ok = *out && sqlite3_blob_read(blob, *out, n, 0) == SQLITE_OK;
	sqlite3_blob_close(blob);
	if (!ok) {
		part_free(*out, *size);
		*out = NULL;
	}
	return ok;
}

/* The parts a bulletin of p needs, checked for shape; NULL if any is
 * missing, stale or malformed. */
static struct base_view *view_read(struct sqlite_store *ss, struct tz_period p, int64_t version)
{
	struct base_view *v = tz_xcalloc(1, sizeof(*v));
	sqlite3_stmt *stamp = NULL;
	size_t len[4] = { 0 }, need;
	const struct base_head *h;
	int ok = 0;

	if (sqlite3_prepare_v2(ss->db, "SELECT version FROM bulletin_base WHERE id = ?1", -1, &stamp,
			       NULL) != SQLITE_OK)
		goto out;
	/* From the side file when it is this base's, else out of SQLite. */
	if (!view_map(ss, p, version, stamp, v, len) &&
	    (!read_part(ss, p.year, 0, version, stamp, &v->part[0], &v->size[0], &len[0]) ||
	     !read_part(ss, p.year, 1, version, stamp, &v->part[1], &v->size[1], &len[1]) ||
	     !read_part(ss, p.year, 1 + p.month, version, stamp, &v->part[2], &v->size[2], &len[2]) ||
	     (p.month > 1 &&
	      !read_part(ss, p.year, p.month, version, stamp, &v->part[3], &v->size[3], &len[3]))))
		goto out;
	h = v->h = v->part[0];
	if (len[0] < sizeof(*h) || h->magic != BASE_MAGIC || h->format != BASE_FORMAT ||
	    h->endian != 0x01020304u || h->year != p.year || h->nstr != len[1] ||
	    len[1] <= STR_EMPTY)
		goto out;
	need = sizeof(*h) + (size_t)h->norg * sizeof(struct base_org) +
	       ((size_t)h->ndict + h->ndict % 2) * sizeof(uint32_t) +
	       (size_t)h->n * sizeof(struct base_rec);
	if (len[0] != need || len[2] != (size_t)h->n * 9 || (p.month > 1 && len[3] != len[2]))
		goto out;
	v->org = (const struct base_org *)(h + 1);
	v->dict = (const uint32_t *)(v->org + h->norg);
	v->rec = (const struct base_rec *)(v->dict + h->ndict + h->ndict % 2);
	v->str = v->part[1];
	v->ytd = v->part[2];
	v->st = (const uint8_t *)(v->ytd + h->n);
	if (p.month > 1) {
		v->ytd_prev = v->part[3];
		v->st_prev = (const uint8_t *)(v->ytd_prev + h->n);
	}
	ok = 1;
out:
	sqlite3_finalize(stamp);
	if (!ok) {
		view_free(v);
		return NULL;
	}
	return v;
}

/*
 * The string at offset `off` of part 1 (off < nstr, view_sane), its
 * length and whether JSON takes it as it is, from its header (put_text).
 * A header that does not describe a NUL-terminated string inside the
 * part (a damaged base) is not trusted: the string is measured (the
 * part ends with a NUL) and not said plain.
 */
static const char *str_at(const struct base_view *v, uint32_t off, uint32_t *len,
			  unsigned *plain)
{
	const char *s = v->str + off;
	uint32_t head;

	if (off >= STR_HEAD) {
		memcpy(&head, s - STR_HEAD, sizeof(head));
		if ((head >> 1) < v->h->nstr - off && !s[head >> 1]) {
			*len = head >> 1;
			*plain = head & 1;
			return s;
		}
	}
	*len = (uint32_t)strlen(s);
	*plain = 0;
	return s;
}

/* The offset of the latest problem of the year up to month m
 * (latest_problem in sqlite-bulletin.c): the texts are kept in month
 * order. */
static uint32_t problem_at(const struct base_view *v, const struct base_rec *r, int m)
{
	unsigned prob = r->flags & REC_TOT ? r->prob & ((1u << m) - 1) : 0, plain;
	uint32_t off = r->problems, len;

	if (!prob)
		return STR_EMPTY;
	for (int k = __builtin_popcount(prob) - 1; k > 0; k--) {
		str_at(v, off, &len, &plain);
		if (len + 1 + STR_HEAD >= v->h->nstr - off)
			return STR_EMPTY; /* a damaged base: never read past the part */
		off += len + 1 + STR_HEAD;
	}
	return off;
}

/* String i of a lagging or missing project for row: its place, with
 * its length and plain bit (struct tz_bulletin_row's `measured`). */
static const char *row_text(const struct base_view *v, struct tz_bulletin_row *row,
			    enum tz_lag_text i, uint32_t off)
{
	unsigned plain;
	const char *s = str_at(v, off, &row->len[i], &plain);

	row->plain |= plain << i;
	return s;
}

/* Feed b from the view, as scan_rows in sqlite-bulletin.c does from rows. */
static void count_view(const struct base_view *v, struct tz_bulletin *b,
		       const struct tz_project_filter *f)
{
	struct tz_period period = tz_bulletin_period(b);
	enum tz_bulletin_by by = tz_bulletin_by(b);
	int m = period.month;
	const struct base_head *h = v->h;
	size_t nslots = by == TZ_BY_REGION || by == TZ_BY_UNIT ? h->norg : h->ndict;
	int64_t *slots = tz_xmalloc(tz_st_mult(nslots + 1, sizeof(*slots)));

	for (size_t i = 0; i <= nslots; i++)
		slots[i] = -1;
	for (uint32_t i = 0; i < h->n; i++) {
		const struct base_rec *r = &v->rec[i];
		struct tz_bulletin_row row;
		int status, before;
		unsigned rep = 0;
		uint32_t slot = 0;

		if (f && !f->keep(f->ctx, v->org[r->region].id, v->org[r->unit].id,
				  v->str + v->dict[r->leader]))
			continue;
		memset(&row, 0, sizeof(row));
		row.total = r->total;
		row.has_plan = r->flags & REC_PLAN;
		row.annual = r->annual;
		if (r->flags & REC_TOT) {
			row.ytd = v->ytd[i];
			status = v->st[i];
			rep = r->rep;
			if (m > 1) {
				row.ytd_prev = v->ytd_prev[i];
				before = v->st_prev[i];
			} else {
				before = r->before;
			}
		} else {
			status = before = r->before;
		}
		row.started = tz_status_counts_started((enum tz_status)status);
		row.reported = (rep >> (m - 1)) & 1;
		row.reported_prev = m > 1 && ((rep >> (m - 2)) & 1);
		{
			struct tz_period start = { 0, 0 };

			if (r->flags & REC_START)
				tz_period_from_code(r->planned_start, &start);
			row.expected = tz_report_due(period, start, (enum tz_status)before,
						     row.reported);
		}
		switch (by) {
		case TZ_BY_REGION:
			slot = r->region;
			row.key = v->str + v->org[slot].name;
			break;
		case TZ_BY_CATEGORY:
			slot = r->category;
			row.key = v->str + v->dict[slot];
			break;
		case TZ_BY_LEVEL:
			slot = r->level;
			row.key = v->str + v->dict[slot];
			break;
		case TZ_BY_LEADER:
			slot = r->leader;
			row.key = v->str + v->dict[slot];
			break;
		case TZ_BY_UNIT:
			slot = r->unit;
			row.key = v->str + v->org[slot].name;
			break;
		}
		if (tz_bulletin_lags(b, row.has_plan, row.annual, row.ytd) ||
		    (row.expected && !row.reported)) {
			row.measured = 1;
			row.code = row_text(v, &row, TZ_LAG_CODE, r->code);
			row.name = row_text(v, &row, TZ_LAG_NAME, r->name);
			row.region = row_text(v, &row, TZ_LAG_REGION, v->org[r->region].name);
			row.leader = row_text(v, &row, TZ_LAG_LEADER, v->dict[r->leader]);
			row.unit = row_text(v, &row, TZ_LAG_UNIT, v->org[r->unit].name);
			row.problem = row_text(v, &row, TZ_LAG_PROBLEM, problem_at(v, r, m));
		}
		tz_bulletin_add_slot(b, &row, &slots[slot]);
	}
	free(slots);
}

/* Offsets and indexes all inside their parts (a base is ours, but a
 * damaged file must not make a bulletin read out of bounds). */
static int view_sane(const struct base_view *v)
{
	const struct base_head *h = v->h;

	if (v->str[h->nstr - 1] != '\0')
		return 0;
	for (uint32_t i = 0; i < h->norg; i++)
		if (v->org[i].name >= h->nstr)
			return 0;
	for (uint32_t i = 0; i < h->ndict; i++)
		if (v->dict[i] >= h->nstr)
			return 0;
	for (uint32_t i = 0; i < h->n; i++) {
		const struct base_rec *r = &v->rec[i];

		if (r->code >= h->nstr || r->name >= h->nstr || r->problems >= h->nstr ||
		    r->region >= h->norg || r->unit >= h->norg || r->category >= h->ndict ||
		    r->leader >= h->ndict || r->level >= h->ndict)
			return 0;
	}
	return 1;
}

int tz_sqlite_bulletin_base_count(struct sqlite_store *ss, struct tz_bulletin *b,
				  const struct tz_project_filter *f, struct tz_err *err)
{
	struct tz_period p = tz_bulletin_period(b);
	struct base_view *v = NULL;
	int64_t version;
	double t0, t1;
	int rc = 1;

	(void)err;
	if (p.month < 1 || p.month > 12 || !sqlite3_get_autocommit(ss->db))
		return 1;
	/* One read transaction: the stamp compared is that of the data read. */
	if (sqlite3_exec(ss->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return 1;
	if (tz_sqlite_query_int(ss, "SELECT n FROM store_version", &version, NULL))
		goto out;
	t0 = tz_clock_ms();
	v = view_read(ss, p, version);
	if (!v || !view_sane(v))
		goto out;
	t1 = tz_clock_ms();
	/* The strings the lists point at live as long as b. */
	tz_bulletin_borrow(b, v, view_free);
	tz_bulletin_expect(b, v->h->n);
	count_view(v, b, f);
	tz_log(TZ_LOG_DEBUG, "event=bulletin_base_count source=%s read_ms=%.1f count_ms=%.1f",
	       v->mapped ? "file" : "db", t1 - t0, tz_clock_ms() - t1);
	v = NULL;
	rc = 0;
out:
	sqlite3_exec(ss->db, "COMMIT", NULL, NULL, NULL);
	if (v)
		view_free(v);
	return rc;
}
