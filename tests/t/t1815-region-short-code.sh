#!/bin/bash
# t1815-region-short-code.sh: a short region name (站前 for 站前区, 盖州
# for 盖州市) on a row with a 项目编号 is the region to rewrite, not the
# code: the message suggests the region, as a list without codes does
# (walkthrough 8, F4: it said "项目编号可能填错了"). What matches does not
# change: 盖州 stays a suggestion, never a match (ledger.md
# "Organisation"), and nothing is stored. A region the tree knows that is
# another's keeps blaming the code. Inputs: tests/data/walk8.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-import.sh"

d=$TZ_TEST_DATA/walk8
base() { fresh; tz import projects "$d/ledger-2025-gbk.csv" >/dev/null 2>&1; }

base
fails "bad4-region: short names with codes are refused" tz import progress "$d/bad4-region.csv"
contains "站前 with its code: the region suggested" "$TZ_TMP/err" \
	"bad4-region.csv:3: 项目编号 YK2025-001: 所属地区“站前”不是台账中的地区，是否为“站前区”？项目编号YK2025-001（智慧港城数据中心）在台账中属于“站前区”，该行未导入；请按台账的写法填所属地区"
contains "盖州 with its code: 盖州市 suggested" "$TZ_TMP/err" \
	"bad4-region.csv:4: 项目编号 YK2025-007: 所属地区“盖州”不是台账中的地区，是否为“盖州市”？项目编号YK2025-007（盖州葡萄酒庄）在台账中属于“盖州市”"
is "…the code is not blamed for either" "$(grep -E ':(3|4): ' "$TZ_TMP/err" | grep -c '项目编号可能填错了')" 0
contains "another region the tree knows still questions the code" "$TZ_TMP/err" \
	"bad4-region.csv:5: 项目编号 YK2025-009: 项目编号YK2025-009（镁质新材料产业园）在台账中属于“大石桥市”，本行所属地区写的是“盖州市”：项目编号可能填错了"
is "…nothing stored" "$(reports)" ""

base
fails "bad7-nocode-region: the same names without codes" tz import progress "$d/bad7-nocode-region.csv"
contains "…the same suggestion" "$TZ_TMP/err" "所属地区“盖州”不是台账中的地区，是否为“盖州市”？"
is "…nothing stored" "$(reports)" ""

# The ledger side: a second ledger of the year with short names and codes.
base
fails "ledger-short-regions: a ledger row with a code and 盖州" tz import projects "$d/ledger-short-regions.csv"
contains "…盖州市 suggested" "$TZ_TMP/err" "项目编号 YK2025-007: 所属地区“盖州”不存在，是否为“盖州市”？"
contains "…站前区 suggested" "$TZ_TMP/err" "项目编号 YK2025-002: 所属地区“站前”不存在，是否为“站前区”？"
is "…the code is not blamed" "$(grep -c '项目编号可能填错了' "$TZ_TMP/err")" 0
ok "the org tree has no alias 盖州 (a suggestion, not a match)" tz org export
is "…盖州 is no name of the tree" "$(grep -c '[,"]盖州[,"]' "$TZ_TMP/out")" 0
done_testing
