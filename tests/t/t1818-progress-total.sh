#!/bin/bash
# t1818-progress-total.sh: a report's 合计 row at the end is checked
# against the reports above it, as a ledger's is (t1816): a 本期完成投资
# total that differs from the rows' sum refuses the file, naming the
# line, the figure and the sum; a right one is skipped and counted as
# before (a wrong 小计 is refused too since session 14, t1835). And from the same walkthrough, a ledger's plan
# 1000 times its total names the unit as the likely mistake, and a row
# whose 项目代码 is 无 is named by its line, not as 项目编号 无. Inputs in
# tests/data/walk10 (ORIGIN.md).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TOP/tests/data/walk10

ledger() { fresh; tz import projects "$d/ledger-gbk.csv" >/dev/null 2>&1; }

ledger
fails "bad-prog-total3: a 合计 of 4600.00 over 4500.20: refused" \
	tz import progress --period 2025-04 "$d/bad-prog-total3.csv"
contains "bad-prog-total3: names the line, the figure and the sum" "$TZ_TMP/err" \
	"bad-prog-total3.csv:8: 第8行“合计”是全表的合计行，但它的本期完成投资4600.00万元不等于上面6个项目（第2行至第7行）的本期完成投资之和4500.20万元，整个文件未导入"
is "bad-prog-total3: nothing stored" "$(reports)" ""

fails "bad-prog-total2 (GBK, title month): refused" tz import progress "$d/bad-prog-total2.csv"
contains "bad-prog-total2: the figure and the sum" "$TZ_TMP/err" "4960.85万元不等于上面5个项目（第4行至第8行）的本期完成投资之和4950.85万元"

ok "own-prog-total-right: a right 合计: imported" \
	tz import progress --period 2025-04 "$d/own-prog-total-right.csv"
contains "own-prog-total-right: the total row skipped and counted" "$TZ_TMP/err" "合计/小计1行"

# A 小计 is compared too since 2026-12-02 (session 14, t1835).
ledger
fails "own-prog-xiaoji: a wrong 小计 refuses the file" \
	tz import progress --period 2025-04 "$d/own-prog-xiaoji.csv"
contains "…naming both sums" "$TZ_TMP/err" \
	"第8行“小计”是合计/小计行，但它第E列的本期完成投资4600.00万元不等于上面6个项目（第2行至第7行）的本期完成投资之和4500.20万元"

ledger
ok "ok-prog-total: a right 本月 合计 beside a 累计 one: imported" \
	tz import progress "$d/ok-prog-total.csv"

fresh
fails "bad-yuan-plan: a plan in 元 beside its total: refused" tz import projects "$d/bad-yuan-plan.csv"
contains "bad-yuan-plan: the line, both values, the ratio and the unit" "$TZ_TMP/err" \
	"bad-yuan-plan.csv:10: 年度计划投资（29999900.00万元）超过总投资（9999.99万元），是它的2999倍：像是单位填错了"
is "bad-yuan-plan: 无 is not named as a 项目编号" "$(grep -c '项目编号 无' "$TZ_TMP/err")" 0

done_testing
