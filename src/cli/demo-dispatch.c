/*
 * demo-dispatch.c: the dispatch part of `taizhang demo` (web.md "Demo"):
 * an open period (the demo's last month) with a deadline, its reports
 * saved by reporters -- most by the deadline, some after it, a few
 * corrected -- and some missing; the month before dispatched and closed;
 * problems raised from reports in every state; procedures in every state.
 *
 * Called once at the end of cmd_demo, after the ledgers and reports are
 * imported. Deterministic like the rest of the demo: times are computed
 * from the period, never read from the clock. The saves and changes are
 * signed by user id 0 (the system): the demo users are the web
 * application's, made by its own demo step.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "core/deadline.h"
#include "core/user.h"
#include "store/store.h"
#include "base/banned.h"

#define DAY 86400
#define HOUR 3600

/* What the demo needs to remember of a project's report. */
struct demo_report {
	char code[TZ_CODE_MAX + 1];
	int64_t region_id;
	int64_t unit_id;
	int reported;
	int64_t completed;
	enum tz_status status;
	char text[64];
	char problem[64];
	char leader[TZ_LEADER_KEY_MAX];
};

struct demo_reports {
	struct demo_report *r;
	size_t n, alloc;
};

static int keep_report(void *ctx, const struct tz_report_view *v)
{
	struct demo_reports *l = ctx;
	struct demo_report *d;

	TZ_ALLOC_GROW(l->r, l->n + 1, l->alloc);
	d = &l->r[l->n++];
	memset(d, 0, sizeof(*d));
	snprintf(d->code, sizeof(d->code), "%s", v->code);
	d->region_id = v->region_id;
	d->unit_id = v->unit_id;
	d->reported = v->reported;
	tz_leader_key(v->leader ? v->leader : "", d->leader);
	if (v->reported) {
		d->completed = v->report.completed;
		d->status = v->report.status;
		snprintf(d->text, sizeof(d->text), "%s", v->report.progress_text);
		snprintf(d->problem, sizeof(d->problem), "%s", v->report.problem);
	}
	return 0;
}

static int load_reports(struct tz_store *s, struct tz_period p, struct demo_reports *l,
			struct tz_err *err)
{
	memset(l, 0, sizeof(*l));
	return tz_store_report_each(s, NULL, 0, p, keep_report, l, err);
}

/* A small deterministic hash of a code, for spreading choices. */
static uint64_t hash(const char *s, uint64_t seed)
{
	uint64_t h = 1469598103934665603ULL ^ seed;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ^ (h >> 29);
}

static struct tz_period prev_month(struct tz_period p)
{
	struct tz_period q = { p.month == 1 ? p.year - 1 : p.year, p.month == 1 ? 12 : p.month - 1 };

	return q;
}

/*
 * The open period's reports: every reported project's report saved by
 * its region's reporter in one of six rounds, four before the deadline
 * and two after it (about one report in six late); every 25th corrected
 * by the coordinator a few days later.
 */
static int save_open_month(struct tz_store *s, struct tz_period p, int64_t deadline,
			   const struct demo_reports *l, uint64_t seed, struct tz_err *err)
{
	static const int64_t round_at[6] = { -4 * DAY, -3 * DAY + 5 * HOUR, -2 * DAY,
					     -3 * HOUR, 20 * HOUR, 2 * DAY + 3 * HOUR };
	struct tz_progress *batch = tz_xcalloc(l->n + 1, sizeof(*batch));
	int64_t *regions = tz_xcalloc(l->n + 1, sizeof(*regions));
	size_t nregions = 0;
	int rc = 0;

	for (size_t i = 0; i < l->n; i++) {
		size_t k = 0;

		while (k < nregions && regions[k] != l->r[i].region_id)
			k++;
		if (k == nregions)
			regions[nregions++] = l->r[i].region_id;
	}
	/* Region by region, as each reporter saves its own list. */
	for (int round = 0; round < 6 && !rc; round++) {
		for (size_t g = 0; g < nregions && !rc; g++) {
			struct tz_report_save how = { p, TZ_SAVER_REPORTER, 0, 0, NULL };
			size_t n = 0;

			for (size_t j = 0; j < l->n; j++) {
				const struct demo_report *d = &l->r[j];
				uint64_t h = hash(d->code, seed);
				int r = h % 12 < 10 ? (int)(h % 4) : 4 + (int)(h % 2);

				if (d->region_id != regions[g] || !d->reported || r != round)
					continue;
				batch[n].code = d->code;
				batch[n].period = p;
				batch[n].completed = d->completed;
				batch[n].status = d->status;
				batch[n].progress_text = d->text;
				batch[n].problem = d->problem;
				n++;
			}
			how.at = deadline + round_at[round] + (int64_t)(g % 7) * 600;
			if (n)
				rc = tz_store_report_save(s, &how, batch, n, NULL, NULL, err);
		}
	}
	free(regions);
	/* Corrections by the coordinator: the history shows old and new. */
	for (size_t i = 0, n = 0; i < l->n && !rc; i++) {
		const struct demo_report *d = &l->r[i];
		struct tz_report_save how = { p, TZ_SAVER_COORDINATOR, 0, deadline + 4 * DAY, NULL };

		if (!d->reported || ++n % 25)
			continue;
		batch[0].code = d->code;
		batch[0].period = p;
		batch[0].completed = d->completed + d->completed / 10 + 100;
		batch[0].status = d->status;
		batch[0].progress_text = d->text;
		batch[0].problem = d->problem;
		rc = tz_store_report_save(s, &how, batch, 1, NULL, NULL, err);
	}
	free(batch);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Problems                                                            */

/* The first of reports l on a project led by `leader` (a leader key), or 0. */
static size_t leader_report(const struct demo_reports *l, const char *leader)
{
	for (size_t i = 0; i < l->n && *leader; i++)
		if (!strcmp(l->r[i].leader, leader))
			return i;
	return 0;
}

/*
 * Take problem `id`, raised from report d at time `at` (UTC seconds) as
 * *f (its level and deadline set), to state `want` the way a coordinator
 * would: assigned to the project's 责任单位 (or its county), then in
 * hand, then solved or suspended.
 * Errors: the store's.
 */
static int walk_problem(struct tz_store *s, struct tz_problem *f, const struct demo_report *d,
			int64_t id, enum tz_problem_status want, int64_t at, struct tz_err *err)
{
	int rc;

	if (want == TZ_PROBLEM_NEW)
		return 0;
	f->id = id;
	f->project_code = d->code;
	f->kind = tz_problem_kind_guess(d->problem);
	f->unit_id = d->unit_id;
	f->unit_text = d->unit_id ? "" : "项目所在县（市、区）政府";
	if ((rc = tz_store_problem_update(s, f, 0, at + HOUR, err)) ||
	    (rc = tz_store_problem_move(s, id, TZ_PROBLEM_ASSIGNED, "请按期办结", 0, at + 2 * HOUR,
					err)) ||
	    want == TZ_PROBLEM_ASSIGNED)
		return rc;
	if (want == TZ_PROBLEM_SUSPENDED)
		return tz_store_problem_move(s, id, TZ_PROBLEM_SUSPENDED, "待国家政策明确后办理", 0,
					     at + 3 * DAY, err);
	if ((rc = tz_store_problem_move(s, id, TZ_PROBLEM_WORKING, "已对接", 0, at + DAY, err)) ||
	    want == TZ_PROBLEM_WORKING)
		return rc;
	return tz_store_problem_move(s, id, TZ_PROBLEM_SOLVED, "已协调解决，项目正常推进", 0,
				     at + 5 * DAY, err);
}

/*
 * Problems raised from the 存在问题 of the last three months' reports,
 * a few of the demo leader's projects and one report in three, at most
 * 60, then carried along: each status gets its share (待交办, 已交办,
 * 办理中, 已解决, 暂缓), and two are raised by hand.
 */
static int make_problems(struct tz_store *s, struct tz_period end, uint64_t seed,
			 struct tz_err *err)
{
	static const enum tz_problem_level levels[10] = {
		TZ_LEVEL_NATION, TZ_LEVEL_PROVINCE, TZ_LEVEL_PROVINCE, TZ_LEVEL_PROVINCE,
		TZ_LEVEL_CITY, TZ_LEVEL_CITY, TZ_LEVEL_CITY, TZ_LEVEL_CITY,
		TZ_LEVEL_COUNTY, TZ_LEVEL_COUNTY,
	};
	static const enum tz_problem_status goal[8] = {
		TZ_PROBLEM_NEW, TZ_PROBLEM_ASSIGNED, TZ_PROBLEM_WORKING, TZ_PROBLEM_SOLVED,
		TZ_PROBLEM_SOLVED, TZ_PROBLEM_SUSPENDED, TZ_PROBLEM_WORKING, TZ_PROBLEM_SOLVED,
	};
	struct tz_period months[3];
	int64_t t0 = tz_deadline_default(end) - 20 * DAY;
	char leader[TZ_LEADER_KEY_MAX];
	long leads;
	int made = 0, for_leader = 0, rc = 0;

	/* The leader's account should have problems to read and mark. */
	if ((rc = tz_demo_top_leader(s, leader, sizeof(leader), &leads, err)))
		return rc;

	months[2] = end;
	months[1] = prev_month(end);
	months[0] = prev_month(months[1]);
	for (int k = 0; k < 3 && !rc && made < 60; k++) {
		struct demo_reports l;

		if ((rc = load_reports(s, months[k], &l, err)))
			break;
		/* First the leader's projects (a few, whatever the hash),
		 * then one report in three. */
		for (int pass = 0; pass < 2 && !rc; pass++) {
			for (size_t i = 0; i < l.n && !rc && made < 60; i++) {
				const struct demo_report *d = &l.r[i];
				uint64_t h = hash(d->code, seed + (uint64_t)k);
				struct tz_problem f = { .kind = 0, .unit_text = "", .description = "",
							.status = TZ_PROBLEM_NEW };
				int mine = pass == 0;
				/* the leader's still open, to comment on */
				enum tz_problem_status want = mine ? goal[for_leader % 3] : goal[made % 8];
				int64_t id, at = t0 + made * HOUR;

				if (!d->reported || !*d->problem)
					continue;
				if (pass == 0 ? !*leader || strcmp(d->leader, leader) || for_leader >= 6
					      : h % 3 != 0)
					continue;
				f.level = levels[h % 10];
				f.deadline = tz_date_of(tz_deadline_default(end) + (int64_t)(h % 40) * DAY);
				rc = tz_store_problem_from_report(s, d->code, months[k], &f, &id, 0, at, err);
				if (rc == TZ_EEXIST) {
					rc = 0; /* the same problem reported again next month */
					continue;
				}
				if (rc)
					break;
				made++;
				for_leader += mine;
				rc = walk_problem(s, &f, d, id, want, at, err);
			}
		}
		free(l.r);
	}
	/* Raised by hand at a coordination meeting. */
	if (!rc) {
		struct demo_reports l;

		if (!(rc = load_reports(s, end, &l, err)) && l.n >= 2) {
			/* the first on a project the leader follows, if any */
			size_t first = leader_report(&l, leader);
			struct tz_problem f = { .project_code = l.r[first].code,
						.kind = TZ_PROBLEM_UTILITIES,
						.level = TZ_LEVEL_CITY, .unit_text = "国网营口供电公司",
						.status = TZ_PROBLEM_ASSIGNED,
						.description = "35千伏专用变电站接入方案待批复" };
			int64_t id;

			rc = tz_store_problem_add(s, &f, &id, 0, t0, err);
			f.project_code = l.r[first == l.n / 2 ? 0 : l.n / 2].code;
			f.kind = TZ_PROBLEM_LAND;
			f.level = TZ_LEVEL_NATION;
			f.unit_text = "";
			f.status = TZ_PROBLEM_NEW;
			f.description = "项目用海审批需报国务院";
			if (!rc)
				rc = tz_store_problem_add(s, &f, &id, 0, t0 + HOUR, err);
		}
		free(l.r);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Procedures                                                          */

struct kinds {
	int64_t id[16];
	int n;
};

static int keep_kind(void *ctx, const struct tz_procedure_kind *k)
{
	struct kinds *ks = ctx;

	if (k->active && ks->n < 16)
		ks->id[ks->n++] = k->id;
	return 0;
}

/*
 * The required procedures of the first 150 projects of the year's ledger
 * (by code): most obtained for projects at work, some under way, the
 * preliminary projects' mostly still to do.
 */
static int make_procedures(struct tz_store *s, struct tz_period end, uint64_t seed,
			   struct tz_err *err)
{
	static const char *const doc[] = {
		"营发改审批〔%d〕%d号", "营自然资预审〔%d〕%d号", "建字第2108%d%03d号",
		"营环审〔%d〕%d号", "营发改能评〔%d〕%d号", "营稳评〔%d〕%d号", "2108%d%04d",
	};
	struct demo_reports l;
	struct kinds ks = { { 0 }, 0 };
	int64_t at = tz_period_begins(end) + 10 * DAY;
	int rc;

	if ((rc = tz_store_procedure_kinds(s, keep_kind, &ks, err)) ||
	    (rc = load_reports(s, end, &l, err)))
		return rc;
	for (size_t i = 0; i < l.n && i < 150 && !rc; i++) {
		const struct demo_report *d = &l.r[i];
		int started = d->reported && tz_status_counts_started(d->status);

		if ((rc = tz_store_procedure_require(s, d->code, NULL, 0, at, err)))
			break;
		for (int k = 0; k < ks.n && k < 7 && !rc; k++) {
			uint64_t h = hash(d->code, seed + (uint64_t)k * 77);
			struct tz_procedure p = { .project_code = d->code, .kind_id = ks.id[k],
						  .status = TZ_PROC_TODO, .doc_no = "" };
			char no[64];
			int month = 1 + (int)(h % (uint64_t)end.month);

			if (started)
				p.status = h % 7 == 0 ? TZ_PROC_WORKING : TZ_PROC_OBTAINED;
			else if (k == 0)
				p.status = h % 3 ? TZ_PROC_OBTAINED : TZ_PROC_WORKING;
			else if (k < 4)
				p.status = h % 2 ? TZ_PROC_WORKING : TZ_PROC_TODO;
			if (p.status == TZ_PROC_TODO)
				continue;
			p.date = end.year * 10000 + month * 100 + 1 + (int)(h % 28);
			if (p.status == TZ_PROC_OBTAINED) {
				snprintf(no, sizeof(no), doc[k], end.year, 1 + (int)(h % 300));
				p.doc_no = no;
			}
			rc = tz_store_procedure_set(s, &p, 0, at + (int64_t)k * HOUR, err);
		}
	}
	free(l.r);
	return rc;
}

/* ------------------------------------------------------------------ */

int tz_demo_dispatch(struct tz_store *s, struct tz_period end, uint64_t seed, struct tz_err *err)
{
	struct tz_period before = prev_month(end);
	int64_t deadline = tz_deadline_default(end), open_at = tz_period_begins(end) + 24 * DAY;
	struct tz_org_index *x = tz_org_index_new();
	struct tz_ontime *o = NULL;
	struct tz_tally *pt = NULL, *prt = NULL;
	struct demo_reports l = { NULL, 0, 0 };
	struct tz_buf line = TZ_BUF_INIT;
	char dbuf[TZ_CST_FMT_MAX], pbuf[TZ_PERIOD_FMT_MAX];
	int rc;

	/* The month before: dispatched, reported (by import), closed. */
	if ((rc = tz_store_period_open(s, 0, before, 0, 0, tz_period_begins(before) + 24 * DAY,
				       err)) ||
	    (rc = tz_store_period_close(s, 0, before, 0, tz_deadline_default(before) + 3 * DAY,
					err)) ||
	    (rc = tz_store_period_open(s, 0, end, 0, 0, open_at, err)) ||
	    (rc = load_reports(s, end, &l, err)) ||
	    (rc = save_open_month(s, end, deadline, &l, seed, err)) ||
	    (rc = make_problems(s, end, seed, err)) || (rc = make_procedures(s, end, seed, err)) ||
	    (rc = tz_store_org_load(s, x, err)))
		goto out;

	/* Say what was made, in the seeds' words. */
	o = tz_ontime_new(x, 0, end);
	pt = tz_tally_new(x, 0, TZ_PC_COUNT);
	prt = tz_tally_new(x, 0, TZ_PRC_COUNT);
	if (!o || !pt || !prt) {
		rc = tz_err_set(err, TZ_EINTERNAL, "no organisation tree");
		goto out;
	}
	if ((rc = tz_store_ontime(s, o, err)) ||
	    (rc = tz_store_problem_counts(s, pt, tz_date_of(deadline), err)) ||
	    (rc = tz_store_procedure_counts(s, prt, end.year * 10000 + 101,
					    end.year * 10000 + end.month * 100 + 31, err)))
		goto out;
	tz_ontime_finish(o);
	{
		const struct tz_ontime_node *c = tz_ontime_node_at(o, 0);
		const int64_t *pc = tz_tally_counters_at(pt, 0), *pr = tz_tally_counters_at(prt, 0);
		struct tz_problem_counts upper = tz_problem_counts_at(pc, TZ_PC_UPPER);

		tz_buf_addf(&line, "  调度期 %s 填报中，报送截止 %s：应报 %lld 个项目，按时 %lld，迟报 %lld，"
			    "未报 %lld\n  问题清单 %lld 个：", tz_period_fmt(end, pbuf),
			    tz_cst_fmt(deadline, dbuf), (long long)c->expected,
			    (long long)c->on_time, (long long)c->late, (long long)c->missing,
			    (long long)pc[TZ_PC_ALL + 1]);
		tz_problem_sentence(&upper, &line);
		tz_buf_addf(&line, "\n  前期手续 %lld 项：1-%d月", (long long)pr[TZ_PRC_REQUIRED],
			    end.month);
		tz_procedure_sentence(pr[TZ_PRC_IN_RANGE], &line);
		printf("%s\n", line.buf);
	}
out:
	free(l.r);
	tz_buf_release(&line);
	tz_ontime_free(o);
	tz_tally_free(pt);
	tz_tally_free(prt);
	tz_org_index_free(x);
	return rc;
}
