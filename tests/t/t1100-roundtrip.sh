#!/bin/bash
# t1100-roundtrip.sh: what export writes, import reads back unchanged.
. "$(dirname "$0")/lib.sh"

ok "a new database" tz init

d="$TZ_TEST_DATA/ledger-yearly-bom"
ok "import projects" tz import projects "$d/projects.csv"
ok "import progress" tz import progress "$d/progress.csv"
for fmt in csv xlsx; do
	ok "a fresh database for the $fmt copy" tz --db "$TZ_TMP/copy-$fmt.db" init
	for kind in projects progress; do
		ok "export $kind as $fmt" tz export $kind --format $fmt --out "$TZ_TMP/$kind.$fmt"
		ok "import the $fmt export of $kind into a fresh database" \
			tz --db "$TZ_TMP/copy-$fmt.db" import $kind "$TZ_TMP/$kind.$fmt"
	done
	ok "export projects again ($fmt copy)" tz --db "$TZ_TMP/copy-$fmt.db" export projects --out "$TZ_TMP/p2-$fmt.csv"
	ok "export progress again ($fmt copy)" tz --db "$TZ_TMP/copy-$fmt.db" export progress --out "$TZ_TMP/r2-$fmt.csv"
done
ok "original as CSV" tz export projects --out "$TZ_TMP/p1.csv"
ok "original progress as CSV" tz export progress --out "$TZ_TMP/r1.csv"
ok "projects unchanged through CSV" cmp "$TZ_TMP/p1.csv" "$TZ_TMP/p2-csv.csv"
ok "progress unchanged through CSV" cmp "$TZ_TMP/r1.csv" "$TZ_TMP/r2-csv.csv"
ok "projects unchanged through XLSX" cmp "$TZ_TMP/p1.csv" "$TZ_TMP/p2-xlsx.csv"
ok "progress unchanged through XLSX" cmp "$TZ_TMP/r1.csv" "$TZ_TMP/r2-xlsx.csv"
# The bulletin of every year's last period uses that year's ledger and
# matches the generator's per_year_region to the 0.01 万元.
for y in 2023 2024 2025; do
	p=$(python3 -c "import json;print(json.load(open('$d/truth.json'))['per_year_region']['$y']['period'])")
	ok "bulletin of $p" tz bulletin --period "$p" --out "$TZ_TMP/y$y.json"
	ok "$y matches truth.json per region" python3 - "$TZ_TMP/y$y.json" "$d/truth.json" "$y" <<'PY'
import json, sys
b, t, y = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
want = t["per_year_region"][y]["regions"]
got = {g["key"]: g for g in b["groups"]}
assert set(got) == set(want), (set(got), set(want))
for k, w in want.items():
    assert got[k]["projects"] == w["projects"], (k, got[k]["projects"], w["projects"])
    assert got[k]["annual_plan"] == "%.2f" % w["annual"], (k, got[k]["annual_plan"], w["annual"])
    assert got[k]["ytd_completed"] == "%.2f" % w["ytd"], (k, got[k]["ytd_completed"], w["ytd"])
PY
done

# Every year of the ledger comes back, with its own plans and levels.
is "three yearly ledgers exported" "$(tail -n +2 "$TZ_TMP/p1.csv" | cut -d, -f1 | sort -u | tr '\n' ' ')" "2023 2024 2025 "
ok "export one year" tz export projects --year 2024 --out "$TZ_TMP/p2024.csv"
is "only that year" "$(tail -n +2 "$TZ_TMP/p2024.csv" | cut -d, -f1 | sort -u)" 2024
is "as many rows as the 2024 ledger" "$(tail -n +2 "$TZ_TMP/p2024.csv" | wc -l)" 223
ok "bulletins agree" bash -c "'$TZ_BIN' bulletin --period 2025-09 > '$TZ_TMP/b1.json' &&
	'$TZ_BIN' --db '$TZ_TMP/copy-xlsx.db' bulletin --period 2025-09 > '$TZ_TMP/b2.json' &&
	cmp '$TZ_TMP/b1.json' '$TZ_TMP/b2.json'"
is "the CSV export starts with a BOM for Excel" "$(head -c 3 "$TZ_TMP/p1.csv" | od -An -tx1 | tr -d ' ')" efbbbf

# Text that Excel would run as a formula is defused on export, restored on import.
printf '项目编号,项目名称,所属地区,总投资(万元)\nF1,"=HYPERLINK(""http://x"")",甲,1\n' > "$TZ_TMP/f.csv"
ok "databases for it" bash -c "'$TZ_BIN' --db '$TZ_TMP/f.db' init && '$TZ_BIN' --db '$TZ_TMP/f2.db' init"
ok "import a formula-like name" tz --db "$TZ_TMP/f.db" import projects --year 2025 "$TZ_TMP/f.csv"
ok "export it" tz --db "$TZ_TMP/f.db" export projects --out "$TZ_TMP/f-out.csv"
contains "exported with an apostrophe" "$TZ_TMP/f-out.csv" "'=HYPERLINK"
ok "re-import it" tz --db "$TZ_TMP/f2.db" import projects "$TZ_TMP/f-out.csv"
ok "re-export it" tz --db "$TZ_TMP/f2.db" export projects --out "$TZ_TMP/f-out2.csv"
ok "name survives the round trip" cmp "$TZ_TMP/f-out.csv" "$TZ_TMP/f-out2.csv"
done_testing
