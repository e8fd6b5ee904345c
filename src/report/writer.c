/* writer.c: the writer registry and what all bulletin formats share. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "report/writer.h"
#include "base/banned.h"

static const struct tz_table_writer_type *const table_writers[] = {
	&tz_table_csv,
	&tz_table_xlsx,
};

static const struct tz_bulletin_writer_type *const bulletin_writers[] = {
	&tz_bulletin_json,
	&tz_bulletin_csv,
	&tz_bulletin_xlsx,
	&tz_bulletin_html,
	&tz_bulletin_pdf,
};

const struct tz_table_writer_type *tz_table_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(table_writers) / sizeof(table_writers[0]); i++)
		if (!strcmp(table_writers[i]->name, name))
			return table_writers[i];
	return NULL;
}

const struct tz_bulletin_writer_type *tz_bulletin_writer_find(const char *name)
{
	for (size_t i = 0; i < sizeof(bulletin_writers) / sizeof(bulletin_writers[0]); i++)
		if (!strcmp(bulletin_writers[i]->name, name))
			return bulletin_writers[i];
	return NULL;
}

char *tz_bulletin_months(const struct tz_bulletin *b, char *buf, size_t size)
{
	struct tz_period p = tz_bulletin_period(b);

	if (p.month == 1)
		snprintf(buf, size, "1月");
	else
		snprintf(buf, size, "1-%d月", p.month);
	return buf;
}

char *tz_bulletin_title(const struct tz_bulletin *b, char *buf, size_t size)
{
	char months[16];

	snprintf(buf, size, "%d年%s重点项目建设情况通报（按%s）", tz_bulletin_period(b).year,
		 tz_bulletin_months(b, months, sizeof(months)),
		 tz_bulletin_by_label(tz_bulletin_by(b)));
	return buf;
}

/* ------------------------------------------------------------------ */
/* Figures for people                                                  */

int64_t tz_money_yi100(int64_t v)
{
	/* 0.01 亿元 = 100 万元 = 10000 units of 0.01 万元. */
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	uint64_t r = a / 10000 + (a % 10000 >= 5000);

	return v < 0 ? -(int64_t)r : (int64_t)r;
}

char *tz_money_fmt_yi(int64_t v, char buf[32])
{
	int64_t y = tz_money_yi100(v);
	uint64_t a = y < 0 ? -(uint64_t)y : (uint64_t)y;

	snprintf(buf, 32, "%s%" PRIu64 ".%02" PRIu64, y < 0 ? "-" : "", a / 100, a % 100);
	return buf;
}

char *tz_digits_grouped(const char *s, char out[48])
{
	const char *dot = strchr(s, '.');
	size_t i = 0, o = 0, digits;

	if (*s == '-')
		out[o++] = s[i++];
	digits = (size_t)((dot ? dot : s + strlen(s)) - (s + i));
	for (size_t k = 0; k < digits && o < 40; k++) {
		if (k && (digits - k) % 3 == 0)
			out[o++] = ',';
		out[o++] = s[i++];
	}
	snprintf(out + o, 48 - o, "%s", s + i);
	return out;
}

int64_t tz_pct1(int64_t num, int64_t den)
{
	__int128 n = num, r;
	int neg = n < 0;

	if (den <= 0)
		return 0;
	if (neg)
		n = -n;
	/* round(n·1000/den) half up: (2·1000·n + den) / (2·den). */
	r = (n * 2000 + den) / ((__int128)den * 2);
	if (r > INT64_MAX)
		r = INT64_MAX;
	return neg ? -(int64_t)r : (int64_t)r;
}

char *tz_pct1_fmt(int64_t pct1, char buf[32])
{
	uint64_t a = pct1 < 0 ? -(uint64_t)pct1 : (uint64_t)pct1;

	snprintf(buf, 32, "%s%" PRIu64 ".%" PRIu64, pct1 < 0 ? "-" : "", a / 10, a % 10);
	return buf;
}

/* ------------------------------------------------------------------ */
/* The shared tables                                                   */

void tz_bulletin_table_columns(const struct tz_bulletin *b,
			       struct tz_table_column cols[TZ_BULLETIN_NCOLS])
{
	static const struct tz_table_column base[TZ_BULLETIN_NCOLS] = {
		{ "排名", TZ_CELL_INT, 6 },
		{ "较上月", TZ_CELL_TEXT, 7 },
		{ "", TZ_CELL_TEXT, 18 },
		{ "项目数", TZ_CELL_INT, 8 },
		{ "总投资(万元)", TZ_CELL_MONEY, 16 },
		{ "年度计划投资(万元)", TZ_CELL_MONEY, 18 },
		{ "累计完成投资(万元)", TZ_CELL_MONEY, 18 },
		{ "投资完成率", TZ_CELL_RATE, 11 },
		{ "开工项目数", TZ_CELL_INT, 10 },
		{ "开工率", TZ_CELL_RATE, 9 },
		{ "已报送", TZ_CELL_INT, 8 },
		{ "未报送", TZ_CELL_INT, 8 },
		{ "低于全市平均", TZ_CELL_TEXT, 12 },
		{ "未安排计划项目完成投资(万元)", TZ_CELL_MONEY, 18 },
	};

	memcpy(cols, base, sizeof(base));
	cols[2].header = tz_bulletin_by_label(tz_bulletin_by(b));
	cols[TZ_BULLETIN_COL_BELOW].header = tz_bulletin_below_label(b);
}

size_t tz_bulletin_table_ncols(const struct tz_bulletin *b)
{
	if (tz_bulletin_totals(b)->ytd_unplanned)
		return TZ_BULLETIN_NCOLS;
	/* The totals' sum could be 0 with groups of opposite signs. */
	for (size_t i = 0; i < tz_bulletin_group_count(b); i++)
		if (tz_bulletin_group_at(b, i)->ytd_unplanned)
			return TZ_BULLETIN_NCOLS;
	return TZ_BULLETIN_NCOLS - 1;
}

void tz_bulletin_columns_in_yi(struct tz_table_column cols[TZ_BULLETIN_NCOLS])
{
	for (size_t i = 0; i < TZ_BULLETIN_NCOLS; i++) {
		if (cols[i].kind != TZ_CELL_MONEY)
			continue;
		cols[i].kind = TZ_CELL_YI;
		cols[i].width = 12;
		if (!strcmp(cols[i].header, "总投资(万元)"))
			cols[i].header = "总投资(亿元)";
		else if (!strcmp(cols[i].header, "年度计划投资(万元)"))
			cols[i].header = "年度计划投资(亿元)";
		else if (!strcmp(cols[i].header, "累计完成投资(万元)"))
			cols[i].header = "累计完成投资(亿元)";
		else if (!strcmp(cols[i].header, "未安排计划项目完成投资(万元)"))
			cols[i].header = "未安排计划项目完成投资(亿元)";
	}
}

char *tz_bulletin_rank_change_text(const struct tz_bulletin_group *g, char buf[16])
{
	if (!g->has_rank_change)
		snprintf(buf, 16, "—");
	else if (g->rank_change > 0)
		snprintf(buf, 16, "↑%d", g->rank_change);
	else if (g->rank_change < 0)
		snprintf(buf, 16, "↓%d", -g->rank_change);
	else
		snprintf(buf, 16, "0");
	return buf;
}

void tz_bulletin_group_cells(const struct tz_bulletin *b, const struct tz_bulletin_group *g,
			     struct tz_cell cells[TZ_BULLETIN_NCOLS], char change[16])
{
	int totals = g == tz_bulletin_totals(b);

	memset(cells, 0, sizeof(struct tz_cell) * TZ_BULLETIN_NCOLS);
	cells[0].value = g->rank;
	cells[0].blank = totals || !g->has_rate;
	cells[1].text = tz_bulletin_rank_change_text(g, change);
	if (totals)
		cells[1].text = "";  /* the 合计 row has no rank */
	cells[2].text = g->key;
	cells[3].value = g->projects;
	cells[4].value = g->total;
	cells[5].value = g->annual;
	cells[6].value = g->ytd;
	cells[7].value = g->completion_rate;
	cells[7].blank = !g->has_rate;
	cells[8].value = g->started;
	cells[9].value = g->start_rate;
	cells[10].value = g->reported;
	cells[11].value = g->not_reported;
	cells[TZ_BULLETIN_COL_BELOW].text = g->below_average ? "是" : "";
	cells[TZ_BULLETIN_COL_UNPLANNED].value = g->ytd_unplanned;
}

const struct tz_table_column tz_lag_columns[TZ_LAG_NCOLS] = {
	{ "序号", TZ_CELL_INT, 6 },
	{ "项目编号", TZ_CELL_TEXT, 16 },
	{ "项目名称", TZ_CELL_TEXT, 36 },
	{ "所属地区", TZ_CELL_TEXT, 16 },
	{ "年度计划投资(万元)", TZ_CELL_MONEY, 18 },
	{ "累计完成投资(万元)", TZ_CELL_MONEY, 18 },
	{ "完成比例", TZ_CELL_RATE, 10 },
	{ "包联领导", TZ_CELL_TEXT, 10 },
	{ "责任单位", TZ_CELL_TEXT, 16 },
	{ "存在问题", TZ_CELL_TEXT, 30 },
};

void tz_bulletin_lag_cells(const struct tz_bulletin_lag *l, size_t rank,
			   struct tz_cell cells[TZ_LAG_NCOLS])
{
	memset(cells, 0, sizeof(struct tz_cell) * TZ_LAG_NCOLS);
	cells[0].value = (int64_t)rank;
	cells[1].text = l->code;
	cells[2].text = l->name;
	cells[3].text = l->region;
	cells[4].value = l->annual;
	cells[5].value = l->ytd;
	cells[6].value = l->ratio;
	cells[7].text = l->leader;
	cells[8].text = l->unit;
	cells[9].text = l->problem;
}

const struct tz_table_column tz_missing_columns[TZ_MISSING_NCOLS] = {
	{ "序号", TZ_CELL_INT, 6 },
	{ "项目编号", TZ_CELL_TEXT, 16 },
	{ "项目名称", TZ_CELL_TEXT, 36 },
	{ "所属地区", TZ_CELL_TEXT, 16 },
	{ "责任单位", TZ_CELL_TEXT, 16 },
	{ "包联领导", TZ_CELL_TEXT, 10 },
};

void tz_bulletin_missing_cells(const struct tz_bulletin_missing *m, size_t rank,
			       struct tz_cell cells[TZ_MISSING_NCOLS])
{
	memset(cells, 0, sizeof(struct tz_cell) * TZ_MISSING_NCOLS);
	cells[0].value = (int64_t)rank;
	cells[1].text = m->code;
	cells[2].text = m->name;
	cells[3].text = m->region;
	cells[4].text = m->unit;
	cells[5].text = m->leader;
}
