#!/bin/bash
# t1300-demo.sh: the demo city is deterministic and realistic enough to rank.
. "$(dirname "$0")/lib.sh"

ok "demo" tz demo --projects 500 --months 24
contains "demo reports what it made" "$TZ_TMP/out" "项目 500 个"
contains "demo spans whole years" "$TZ_TMP/out" "2024-01 至 2025-12"
ok "demo again elsewhere" tz --db "$TZ_TMP/again.db" demo --projects 500 --months 24
ok "export one" tz export progress --out "$TZ_TMP/a.csv"
ok "export two" tz --db "$TZ_TMP/again.db" export progress --out "$TZ_TMP/b.csv"
ok "same arguments, same data" cmp "$TZ_TMP/a.csv" "$TZ_TMP/b.csv"
ok "a different seed differs" tz --db "$TZ_TMP/seed.db" demo --projects 500 --months 24 --seed 7
ok "export three" tz --db "$TZ_TMP/seed.db" export progress --out "$TZ_TMP/c.csv"
fails "different data" cmp -s "$TZ_TMP/a.csv" "$TZ_TMP/c.csv"
ok "bulletin of the demo" tz bulletin --format json --out "$TZ_TMP/b.json"
ok "ten regions, some below average, some lagging" python3 - "$TZ_TMP/b.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert len(b["groups"]) == 10
assert any(g["below_average"] for g in b["groups"])
assert not all(g["below_average"] for g in b["groups"])
assert 0 < len(b["lagging"]) < b["totals"]["projects"]
assert 0.5 < b["totals"]["completion_rate"] < 1.2
PY
fails "bad --projects" tz demo --projects 0

# The demo's own exports read back as they are, without --confirm-large
# (walkthrough 13: a project breaking ground in December planned and did a
# whole year's work that month, and the import refused the file).
for args in "" "--seed 2 --months 24" "--seed 3 --months 24"; do
	rm -f "$TZ_TMP/rt.db" "$TZ_TMP/rt2.db"*
	ok "demo $args" tz --db "$TZ_TMP/rt.db" demo $args
	ok "…its ledger exported" tz --db "$TZ_TMP/rt.db" export projects --out "$TZ_TMP/rp.csv"
	ok "…its reports exported" tz --db "$TZ_TMP/rt.db" export progress --out "$TZ_TMP/rr.csv"
	ok "…a new database" tz --db "$TZ_TMP/rt2.db" init
	ok "…takes the ledger" tz --db "$TZ_TMP/rt2.db" import projects "$TZ_TMP/rp.csv"
	ok "…and the reports, none refused" tz --db "$TZ_TMP/rt2.db" import progress "$TZ_TMP/rr.csv"
	ok "…and exports them again" tz --db "$TZ_TMP/rt2.db" export progress --out "$TZ_TMP/rr2.csv"
	ok "…byte for byte" cmp "$TZ_TMP/rr.csv" "$TZ_TMP/rr2.csv"
done
done_testing
