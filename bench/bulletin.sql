-- bulletin.sql: the monthly bulletin as plain SQL over the raw CSV tables
-- that `sqlite3 .import --csv` makes (every column TEXT). bench/ledger.sh
-- substitutes @BY@ (所属地区, 项目类别 or 项目级别), @YEAR@ (2025),
-- @PERIOD@ (2025-12) and @MONTH@ (12). It computes what
-- `taizhang bulletin --period P --by …` computes: per group the projects,
-- Σ total, Σ annual plan, Σ completed from January to P, the completion
-- rate, the projects whose latest report at or before P is started, the
-- rank; then the lagging projects, worst first. The year-to-date sums are
-- computed once, into a temporary table, as a person writing it would.
CREATE TEMP VIEW p AS
  SELECT "项目编号" AS code, "项目名称" AS name, "所属地区" AS region, "@BY@" AS grp,
         CAST("总投资(万元)" AS REAL) AS total,
         CAST("年度计划投资(万元)" AS REAL) AS annual
  FROM projects_raw;
CREATE TEMP TABLE ytd AS
  SELECT "项目编号" AS code, sum(CAST("本期完成投资(万元)" AS REAL)) AS ytd
  FROM progress_raw
  WHERE "调度期" BETWEEN '@YEAR@-01' AND '@PERIOD@'
  GROUP BY 1;

WITH latest AS (
  SELECT code, status FROM (
    SELECT "项目编号" AS code, "开工状态" AS status,
           row_number() OVER (PARTITION BY "项目编号" ORDER BY "调度期" DESC) AS rn
    FROM progress_raw WHERE "调度期" <= '@PERIOD@')
  WHERE rn = 1
), g AS (
  SELECT grp, count(*) AS projects, round(sum(total), 2) AS total,
         round(sum(annual), 2) AS annual, round(sum(coalesce(ytd, 0)), 2) AS ytd,
         sum(coalesce(status IN ('已开工', '已复工', '已竣工'), 0)) AS started
  FROM p LEFT JOIN ytd USING (code) LEFT JOIN latest USING (code)
  GROUP BY grp
)
SELECT rank() OVER (ORDER BY ytd / annual DESC) AS rank, grp, projects, total, annual, ytd,
       round(ytd / annual, 4) AS completion_rate, started,
       round(1.0 * started / projects, 4) AS start_rate,
       ytd / annual < (SELECT sum(ytd) / sum(annual) FROM g) AS below_average
FROM g ORDER BY rank;

SELECT code, name, region, annual, coalesce(ytd, 0) AS ytd,
       round(coalesce(ytd, 0) / annual, 4) AS ratio
FROM p LEFT JOIN ytd USING (code)
WHERE annual > 0 AND coalesce(ytd, 0) / annual < 0.8 * @MONTH@ / 12.0
ORDER BY coalesce(ytd, 0) / annual, code;
