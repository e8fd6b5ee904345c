#!/bin/bash
# t1793-audit8-read.sh: a workbook with a ledger header on several
# sheets is read from the sheet naming the ledger's year or refused,
# never one sheet read and the others dropped in silence. Audit 8,
# 2026-11-30; inputs in tests/data/audit8-read (ORIGIN.md).
. "$(dirname "$0")/lib.sh"

d=$TZ_TOP/tests/data/audit8-read

# 7. Which sheet.
rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "sheet per year, --year 2025" tz import projects --year 2025 "$d/sheet-per-year.xlsx"
is "the 2025 sheet's plan is stored" "$(tz export projects | tail -n +2 | cut -d, -f1,2,13)" "2025,P1,300.00"
contains "the summary names the sheet read" "$TZ_TMP/err" "按年度2025读取工作表“2025年”"
rm -f "$TAIZHANG_DB"
tz init >/dev/null
ok "sheet per year, --year 2024" tz import projects --year 2024 "$d/sheet-per-year.xlsx"
is "the 2024 sheet's plan is stored" "$(tz export projects | tail -n +2 | cut -d, -f1,2,13)" "2024,P1,100.00"
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "sheet per year without --year" tz import projects "$d/sheet-per-year.xlsx"
contains "names both sheets" "$TZ_TMP/err" "工作表“2024年”、“2025年”都有台账表头"
contains "asks for --sheet" "$TZ_TMP/err" "请用 --sheet 指定工作表"
fails "two ledgers, one per level" tz import projects --year 2025 "$d/sheets-two-ledgers.xlsx"
contains "names both sheets" "$TZ_TMP/err" "工作表“省重点”、“市重点”都有台账表头"
is "nothing stored" "$(tz export projects | tail -n +2)" ""
ok "--sheet reads the one asked for" tz import projects --year 2025 --sheet 市重点 "$d/sheets-two-ledgers.xlsx"
is "its two projects" "$(tz export projects | tail -n +2 | cut -d, -f2 | tr '\n' ' ')" "P2 P3 "
rm -f "$TAIZHANG_DB"
tz init >/dev/null
fails "two sheets naming 2025" tz import projects --year 2025 "$d/sheets-same-year.xlsx"
contains "says why" "$TZ_TMP/err" "名称写着2025年的工作表不止一个"

done_testing
