/*
 * cmd-demo.c: `taizhang demo [--projects N] [--months M] [--end YYYY-MM]
 * [--seed S]`: create a new database holding a realistic, deterministic
 * city: its organisation tree, yearly ledgers and monthly reports.
 *
 * The city is shaped on the seed documents (营口: ports, 临港产业, county
 * towns and development zones): ten regions that perform differently, so
 * the bulletin ranks them; projects of every category and level, with a
 * lead leader and responsible unit; monthly reports that follow the
 * north-east's building season (little work in winter, 复工 in spring),
 * with some projects stopped, some finished and some lagging. The same
 * arguments always give the same data; only integer arithmetic is used.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "cli/cli.h"
#include "core/money.h"
#include "core/org.h"
#include "store/store.h"
#include "base/banned.h"

const char cmd_demo_usage[] =
	"taizhang [--db 新数据库] demo [--projects N] [--months M] [--end YYYY-MM] [--seed S]";
const char cmd_demo_help[] =
	"\n在一个新的数据库中生成演示数据（已有数据的数据库会被拒绝）：营口市的组织机构（县区、\n"
	"开发区和市直部门）、按年度的重点项目台账和每月调度数据。最后一个调度期有部分项目\n"
	"未报送。同样的参数总是生成同样的数据。\n\n"
	"  --projects N    项目数，默认 2000\n"
	"  --months M      调度月数，默认 12（按整年向前取）\n"
	"  --end YYYY-MM   最后一个调度期，默认 2025-12\n"
	"  --seed S        随机种子\n";

#define usage cmd_demo_usage
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The city: 营口, with its administrative division codes (行政区划代码)
 * for the counties and districts, and the names people also write. */
static const struct tz_org_node tree[] = {
	{ 0, "210800", "营口市", "", TZ_ORG_CITY, "营口" },
	{ 0, "210802", "站前区", "210800", TZ_ORG_DISTRICT, "" },
	{ 0, "210803", "西市区", "210800", TZ_ORG_DISTRICT, "" },
	{ 0, "210804", "鲅鱼圈区", "210800", TZ_ORG_DISTRICT, "鲅鱼圈" },
	{ 0, "210811", "老边区", "210800", TZ_ORG_DISTRICT, "" },
	{ 0, "210881", "盖州市", "210800", TZ_ORG_COUNTY, "盖州" },
	{ 0, "210882", "大石桥市", "210800", TZ_ORG_COUNTY, "大石桥" },
	{ 0, "210871", "营口经济技术开发区", "210800", TZ_ORG_ZONE, "营口开发区、经济技术开发区" },
	{ 0, "210872", "营口高新区", "210800", TZ_ORG_ZONE, "营口高新技术产业开发区、高新区" },
	{ 0, "210873", "仙人岛能源化工区", "210800", TZ_ORG_ZONE, "仙人岛" },
	{ 0, "210874", "北海新区", "210800", TZ_ORG_ZONE, "" },
	{ 0, "210800-00", "市直", "210800", TZ_ORG_DIRECT, "市本级" },
	{ 0, "210800-01", "市发改委", "210800", TZ_ORG_DEPARTMENT, "市发展和改革委员会、营口市发展和改革委员会" },
	{ 0, "210800-02", "市工信局", "210800", TZ_ORG_DEPARTMENT, "市工业和信息化局" },
	{ 0, "210800-03", "市交通运输局", "210800", TZ_ORG_DEPARTMENT, "市交通局" },
	{ 0, "210800-04", "市住建局", "210800", TZ_ORG_DEPARTMENT, "市住房和城乡建设局" },
	{ 0, "210800-05", "市自然资源局", "210800", TZ_ORG_DEPARTMENT, "" },
	{ 0, "210800-06", "市生态环境局", "210800", TZ_ORG_DEPARTMENT, "" },
	{ 0, "210800-07", "市商务局", "210800", TZ_ORG_DEPARTMENT, "" },
	{ 0, "210800-08", "市农业农村局", "210800", TZ_ORG_DEPARTMENT, "" },
	{ 0, "210800-09", "市文旅广电局", "210800", TZ_ORG_DEPARTMENT, "市文化旅游和广播电视局" },
	{ 0, "210800-10", "市科技局", "210800", TZ_ORG_DEPARTMENT, "市科学技术局" },
};

static const char *const regions[] = {
	"鲅鱼圈区", "站前区", "西市区", "老边区", "盖州市", "大石桥市",
	"营口经济技术开发区", "营口高新区", "仙人岛能源化工区", "北海新区",
};
/* How well each region keeps to its plan, in per mille. */
static const int region_pace[] = { 1080, 960, 900, 1010, 820, 940, 1120, 1000, 760, 870 };

static const char *const categories[] = {
	"港口基础设施", "临港产业", "城市建设", "交通", "能源", "社会民生",
	"农业农村", "生态环保", "现代服务业", "战略性新兴产业",
};
static const char *const levels[] = { "省重点", "市重点", "省重点前期", "市重点前期" };
static const int level_weight[] = { 1, 6, 1, 2 };
static const char *const words[] = {
	"港区", "泊位", "物流园", "冷链", "精细化工", "新材料", "光伏", "储能",
	"海上风电", "污水处理", "供热管网", "棚户区改造", "产业园区", "数据中心",
	"铁路专用线", "疏港高速", "粮食仓储", "装备制造", "生物医药", "文旅康养",
	"镁质材料", "汽保装备", "LNG接收站", "老旧小区改造",
};
static const char *const suffixes[] = {
	"项目", "工程", "一期工程", "二期工程", "改扩建工程", "产业园", "基地建设项目",
};
static const char *const owners[] = {
	"营口港务集团有限公司", "营口市城建投资有限公司", "辽宁港口集团有限公司",
	"营口鲅鱼圈热电有限公司", "营口市交通投资有限公司", "营口新材料科技有限公司",
	"大石桥市镁业集团有限公司", "盖州市城乡建设有限公司", "营口文旅发展有限公司",
};
static const char surnames[] = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
static const char *const given[] = { "建国", "志强", "海波", "丽华", "晓东", "振宇", "文斌", "秀梅" };
static const char *const units[] = {
	"市发改委", "市工信局", "市交通运输局", "市住建局", "市自然资源局",
	"市生态环境局", "市商务局", "市农业农村局", "市文旅广电局", "市科技局",
};
static const char *const works[] = {
	"基础施工", "主体施工", "设备安装", "管网铺设", "场地平整", "装饰装修", "调试运行",
};
static const char *const problems[] = {
	"用地指标尚未落实", "环评审批未完成", "能耗指标不足", "资金到位不足",
	"征地拆迁进展缓慢", "施工许可未办结", "水电配套未完成", "林地审批未批复",
};
/* The building season: share of the year's work done each month, per
 * mille of an even share (the twelve sum to 12000). */
static const int season[12] = { 500, 500, 900, 1100, 1200, 1200, 1200, 1200, 1200, 1100, 1000, 900 };

/* The season's weight of months `from` (0-based) to December. */
static int64_t season_left(int from)
{
	int64_t sum = 0;

	for (int m = from; m < 12; m++)
		sum += season[m];
	return sum;
}

/* splitmix64: small, fast and the same on every machine. */
static uint64_t next_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static int64_t rand_between(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next_rand(s) % (uint64_t)(hi - lo + 1));
}

static const char *pick(uint64_t *s, const char *const *list, size_t n)
{
	return list[next_rand(s) % n];
}

static size_t pick_weighted(uint64_t *s, const int *weights, size_t n)
{
	int total = 0, r;

	for (size_t i = 0; i < n; i++)
		total += weights[i];
	r = (int)(next_rand(s) % (uint64_t)total);
	for (size_t i = 0; i < n; i++) {
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return n - 1;
}

/* What the ledgers and reports need to remember of a project. */
#define DEMO_YEARS_MAX 11  /* --months is at most 120 */
struct demo_project {
	char code[24];
	int region;
	int unit;
	int level;        /* index in levels of its working years */
	int prep;         /* a 前期 project: starts late, if at all */
	int start;        /* month index of the first work, may be beyond the range */
	int pace;         /* per mille of plan this project keeps */
	int stop_from, stop_to; /* a stoppage, month indexes (stop_to < stop_from: none) */
	int finish;       /* month index it is completed, or -1 */
	int first_year;   /* year index it enters the ledger */
	int last_year;    /* year index of its last ledger */
	int64_t total;
	int64_t annual[DEMO_YEARS_MAX];  /* plan of each ledger year; -1: none */
};

/*
 * Total investment in 0.01 万元: most projects a few hundred million yuan,
 * some a few billion, a handful tens of billions (like the 200亿元 鞍钢
 * project in seed 000).
 */
static int64_t demo_total(uint64_t *s)
{
	static const int64_t scale[] = { 3000, 20000, 100000, 500000, 2000000 }; /* 万元 */
	static const int weight[] = { 20, 40, 25, 12, 3 };
	int64_t base = scale[pick_weighted(s, weight, N(weight))];
	int64_t wan = rand_between(s, base, base * 5);

	return wan * 100 + rand_between(s, 0, 99);
}

/* The strings a generated project points at. */
struct demo_text {
	char name[160];
	char leader[32];
	char years[24];
	const char *owner;
	const char *category;
};

/* Draw a project: what it is, when it starts, how it goes. */
static void make_project(uint64_t *s, long i, int first_year, int nmonths,
			 struct demo_project *d, struct demo_text *t)
{
	const char *word, *surname;
	int nyears = (nmonths + 11) / 12, span, until;

	memset(d, 0, sizeof(*d));
	d->level = (int)pick_weighted(s, level_weight, N(level_weight));
	d->prep = d->level >= 2;
	if (d->prep)
		d->level -= 2; /* 省重点前期 → 省重点 once it starts */
	span = (int)rand_between(s, 1, 4);
	snprintf(d->code, sizeof(d->code), "YK%d%06ld", first_year, i + 1);
	d->region = (int)(next_rand(s) % N(regions));
	d->unit = (int)(next_rand(s) % N(units));
	word = pick(s, words, N(words));
	snprintf(t->name, sizeof(t->name), "%s%s%s", regions[d->region], word,
		 pick(s, suffixes, N(suffixes)));
	t->owner = pick(s, owners, N(owners));
	/* Surnames are one CJK character, three bytes each. Draw in
	 * statements, not arguments, so the order is the same everywhere. */
	surname = surnames + next_rand(s) % (sizeof(surnames) / 3) * 3;
	snprintf(t->leader, sizeof(t->leader), "%.3s%s", surname, pick(s, given, N(given)));
	t->category = pick(s, categories, N(categories));
	d->total = demo_total(s);

	/* 续建 projects are at work from the start; 新开工 ones break ground
	 * in the building season of some year; 前期 ones late or not yet. */
	if (!d->prep && next_rand(s) % 5 < 3) {
		d->start = 0;
	} else if (!d->prep) {
		int year = (int)rand_between(s, 0, nyears - 1);

		d->start = year * 12 + (int)rand_between(s, 2, 5);
	} else {
		d->start = (int)rand_between(s, nmonths / 2, nmonths + 6);
	}
	until = first_year + d->start / 12 + span;
	snprintf(t->years, sizeof(t->years), "%d-%d",
		 first_year + d->start / 12 - (d->start ? 0 : (int)rand_between(s, 1, 2)), until);

	/* Most projects keep near their region's pace; some fall well behind. */
	d->pace = region_pace[d->region] * (int)rand_between(s, 80, 120) / 100;
	if (next_rand(s) % 8 == 0)
		d->pace = d->pace * (int)rand_between(s, 25, 70) / 100;
	d->stop_from = 1;
	d->stop_to = 0;
	if (next_rand(s) % 25 == 0) {
		d->stop_from = (int)rand_between(s, 0, nmonths - 1);
		d->stop_to = d->stop_from + (int)rand_between(s, 1, 4);
	}
	d->finish = -1;
	if (until <= first_year + nyears - 1 && next_rand(s) % 3 == 0)
		d->finish = (until - first_year) * 12 + (int)rand_between(s, 8, 11);

	/* The ledgers it is in: a 前期 project a year before it starts (no
	 * plan), every project from its start to its completion, each year
	 * with its own plan (15% to 60% of the total). */
	d->first_year = d->start / 12 - (d->prep ? 1 : 0);
	if (d->first_year < 0)
		d->first_year = 0;
	if (d->first_year > nyears - 1)
		d->first_year = nyears - 1;
	d->last_year = d->finish >= 0 ? d->finish / 12 : nyears - 1;
	if (d->last_year < d->first_year)
		d->last_year = d->first_year;
	for (int y = 0; y < DEMO_YEARS_MAX; y++) {
		int64_t pct = rand_between(s, 15, 60);

		d->annual[y] = y < d->start / 12 ? -1 : d->total / 100 * pct;
		/* The year it breaks ground in month M plans the work of its
		 * months left, by their season's weight, as a real ledger
		 * does: a whole year's plan done in one December was more than
		 * the plan and 100 times the month's median, and the import
		 * refused the demo's own export (walkthrough 13). */
		if (y == d->start / 12 && d->start % 12)
			d->annual[y] = d->annual[y] * season_left(d->start % 12) / season_left(0);
	}
}

static int in_ledger(const struct demo_project *d, int y)
{
	return y >= d->first_year && y <= d->last_year;
}

static void ledger_row(const struct demo_project *d, const struct demo_text *t, int first_year,
		       int y, const struct tz_org_index *x, struct tz_project *p)
{
	int working = y >= d->start / 12;

	memset(p, 0, sizeof(*p));
	p->code = d->code;
	p->name = t->name;
	p->region = regions[d->region];
	p->region_id = tz_org_index_find(x, p->region, strlen(p->region), TZ_ORG_WANT_REGION)->id;
	p->unit = units[d->unit];
	p->unit_id = tz_org_index_find(x, p->unit, strlen(p->unit), TZ_ORG_WANT_UNIT)->id;
	p->category = t->category;
	p->owner = t->owner;
	p->leader = t->leader;
	p->years = t->years;
	p->stage = "";
	p->year = first_year + y;
	p->level = levels[working ? d->level : d->level + 2];
	p->nature = !working ? "前期" : y == d->start / 12 && d->start ? "新开工" : "续建";
	p->total = d->total;
	p->has_plan = d->annual[y] >= 0;
	p->annual = p->has_plan ? d->annual[y] : 0;
	p->planned_start.year = first_year + d->start / 12;
	p->planned_start.month = d->start % 12 + 1;
	if (p->planned_start.year > TZ_PERIOD_YEAR_MAX)
		p->planned_start.year = 0;
}

static int import_projects(struct tz_store *store, long nprojects, int first_year, int nmonths,
			   uint64_t seed, struct demo_project *demo, const struct tz_org_index *x,
			   struct tz_err *err)
{
	struct demo_text *text = tz_xcalloc((size_t)nprojects, sizeof(*text));
	uint64_t s = seed;
	int rc;

	for (long i = 0; i < nprojects; i++)
		make_project(&s, i, first_year, nmonths, &demo[i], &text[i]);
	if ((rc = tz_store_import_begin(store, TZ_IMPORT_PROJECTS, "(demo)", err)))
		goto out;
	/* One ledger a year, as offices keep them. */
	for (int y = 0; y < (nmonths + 11) / 12; y++) {
		for (long i = 0; i < nprojects; i++) {
			struct tz_project p;

			if (!in_ledger(&demo[i], y))
				continue;
			ledger_row(&demo[i], &text[i], first_year, y, x, &p);
			if ((rc = tz_project_validate(&p, err)) ||
			    (rc = tz_store_import_project(store, &p, err))) {
				tz_store_import_abort(store);
				goto out;
			}
		}
	}
	rc = tz_store_import_commit(store, NULL, err);
out:
	free(text);
	return rc;
}

/*
 * The season's weight of all the months of month k's year that the
 * project works: its plan for the year is spread over those.
 */
static int64_t working_season(const struct demo_project *d, int k)
{
	int first = k - k % 12, from = d->start > first ? d->start : first;
	int64_t sum = 0;

	for (int m = from; m < first + 12; m++)
		if (d->finish < 0 || m <= d->finish)
			sum += season[m % 12];
	return sum ? sum : 1;
}

/* One month's report of a project, or 0 if it does not report. */
static int make_report(uint64_t *s, const struct demo_project *d, int k, int last,
		       struct tz_period p, struct tz_progress *r, char *text, size_t size)
{
	int stopped = k >= d->stop_from && k <= d->stop_to;
	int done = d->finish >= 0 && k > d->finish;
	int64_t annual = d->annual[k / 12] > 0 ? d->annual[k / 12] : 0;

	/* Only projects of the year's ledger report; those not yet started
	 * from three months ahead; finished ones stop after saying so. */
	if (!in_ledger(d, k / 12) || k < d->start - 3 || (done && k > d->finish + 1))
		return 0;
	/* The open period: about one project in eight has not reported yet. */
	if (k == last && next_rand(s) % 8 == 0)
		return 0;
	memset(r, 0, sizeof(*r));
	r->code = d->code;
	r->period = p;
	r->progress_text = "";
	r->problem = "";
	if (k < d->start) {
		r->status = TZ_STATUS_NOT_STARTED;
		r->progress_text = "前期手续办理中";
		if (next_rand(s) % 6 == 0)
			r->problem = pick(s, problems, N(problems));
		return 1;
	}
	if (done) {
		r->status = TZ_STATUS_COMPLETED;
		r->progress_text = "已竣工投用";
		return 1;
	}
	if (stopped) {
		r->status = TZ_STATUS_STOPPED;
		r->progress_text = "停工";
		r->problem = pick(s, problems, N(problems));
		return 1;
	}
	/* Work in progress: the month's share of the plan, at the project's
	 * pace, give or take. */
	r->completed = annual * season[p.month - 1] / working_season(d, k) * d->pace / 1000 *
		       rand_between(s, 70, 130) / 100;
	r->status = (p.month == 3 || p.month == 4) && k > d->start ? TZ_STATUS_RESUMED
								   : TZ_STATUS_STARTED;
	snprintf(text, size, "%s", pick(s, works, N(works)));
	r->progress_text = text;
	if (next_rand(s) % 30 == 0 || (d->pace < 600 && next_rand(s) % 3 == 0))
		r->problem = pick(s, problems, N(problems));
	return 1;
}

static int import_progress(struct tz_store *store, long nprojects, int first_year, int nmonths,
			   uint64_t seed, const struct demo_project *demo, struct tz_err *err)
{
	uint64_t s = seed ^ 0x5DEECE66DULL;
	char text[64];
	int rc;

	if ((rc = tz_store_import_begin(store, TZ_IMPORT_PROGRESS, "(demo)", err)))
		return rc;
	/* Grouped by project, as ledgers are exchanged. */
	for (long i = 0; i < nprojects; i++) {
		for (int k = 0; k < nmonths; k++) {
			struct tz_period p = { first_year + k / 12, k % 12 + 1 };
			struct tz_progress r;

			if (!make_report(&s, &demo[i], k, nmonths - 1, p, &r, text, sizeof(text)))
				continue;
			if ((rc = tz_store_import_progress(store, &r, err))) {
				tz_store_import_abort(store);
				return rc;
			}
		}
	}
	return tz_store_import_commit(store, NULL, err);
}

/* The demo's organisation tree, stored and loaded back with its ids. */
static int make_tree(struct tz_store *store, struct tz_org_index *x, struct tz_err *err)
{
	struct tz_org_index *want = tz_org_index_new();
	int rc = 0;

	for (size_t i = 0; i < N(tree) && !rc; i++)
		rc = tz_org_index_add(want, &tree[i], err);
	if (!rc)
		rc = tz_org_index_check(want, err);
	if (!rc)
		rc = tz_store_org_save(store, want, NULL, err);
	tz_org_index_free(want);
	return rc ? rc : tz_store_org_load(store, x, err);
}

int cmd_demo(struct tz_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "projects", required_argument, NULL, 'p' },
		{ "months", required_argument, NULL, 'm' },
		{ "end", required_argument, NULL, 'e' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_project *demo;
	struct tz_org_index *x = NULL;
	struct tz_store *store;
	struct tz_period end = { 2025, 12 }, first;
	struct tz_store_summary sum;
	struct tz_err err;
	long nprojects = 2000, nmonths = 12;
	uint64_t seed = 2023;
	char *rest;
	int c, rc;

	tz_err_clear(&err);
	while ((c = getopt_long(argc, argv, TZ_CLI_OPTS, opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			nprojects = strtol(optarg, &rest, 10);
			if (*rest || nprojects < 1 || nprojects > 999999)
				return tz_cli_usage(usage, "--projects “%s”不对：应为1到999999之间的整数",
						    optarg);
			break;
		case 'm':
			nmonths = strtol(optarg, &rest, 10);
			if (*rest || nmonths < 1 || nmonths > 120)
				return tz_cli_usage(usage, "--months “%s”不对：应为1到120之间的整数",
						    optarg);
			break;
		case 'e':
			if (tz_period_parse(optarg, strlen(optarg), &end, &err))
				return tz_cli_usage(usage, "--end “%s”%s", optarg, err.msg);
			break;
		case 's':
			seed = strtoull(optarg, &rest, 10);
			if (*rest)
				return tz_cli_usage(usage, "--seed “%s”不对：应为整数", optarg);
			break;
		default:
			return tz_cli_bad_option(usage, c, argv);
		}
	}
	if (optind != argc)
		return tz_cli_usage(usage, "多余的参数“%s”", argv[optind]);
	/* Whole years, ending at --end, so that every year has its January. */
	{
		int back = (int)nmonths - 1, idx = end.year * 12 + end.month - 1 - back;
		first.year = idx / 12;
		first.month = 1;
		nmonths = (end.year - first.year) * 12 + end.month;
	}
	if (tz_app_store(app, TZ_STORE_CREATE | TZ_STORE_NEW, &store, &err))
		return tz_cli_fail(&err);
	x = tz_org_index_new();
	demo = tz_xcalloc((size_t)nprojects, sizeof(*demo));
	rc = make_tree(store, x, &err);
	if (!rc)
		rc = import_projects(store, nprojects, first.year, (int)nmonths, seed, demo, x, &err);
	if (!rc)
		rc = import_progress(store, nprojects, first.year, (int)nmonths, seed, demo, &err);
	if (!rc)
		rc = tz_demo_dispatch(store, end, seed, &err);
	free(demo);
	tz_org_index_free(x);
	if (rc || tz_store_summary(store, &sum, &err))
		return tz_cli_fail(&err);
	printf("演示数据已生成：%s\n  组织机构 %ld 个，项目 %ld 个（%d—%d 年度台账 %ld 行），"
	       "调度记录 %ld 条，调度期 %04d-%02d 至 %04d-%02d\n",
	       app->db, sum.org_nodes, sum.projects, sum.first_year, sum.last_year,
	       sum.ledger_rows, sum.reports, sum.first.year, sum.first.month, sum.last.year,
	       sum.last.month);
	/* The web application's accounts (demo-users.c). */
	if (tz_demo_users(store, &err))
		return tz_cli_fail(&err);
	return TZ_EXIT_OK;
}
