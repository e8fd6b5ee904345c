# lib-doc.sh: helpers of the `taizhang doc parse` variant tests (t5020,
# t5030). The caller sets d, the directory of its inputs, and sources
# lib.sh first.

# parse NAME: doc parse $d/NAME as JSON into $TZ_TMP/NAME.json
parse() {
	ok "parses $1" tz doc parse "$d/$1" --format json
	cp "$TZ_TMP/out" "$TZ_TMP/$1.json"
}

# tasks NAME: one line per task, "path|lead、…|responsible、…"
tasks() {
	python3 - "$TZ_TMP/$1.json" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1], encoding="utf-8")).get("tasks") or []:
    print("%s|%s|%s" % (t["path"], "、".join(t.get("lead") or []), "、".join(t.get("responsible") or [])))
PY
}

# figs NAME: one line per figure, "value unit label group"
figs() {
	python3 - "$TZ_TMP/$1.json" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1], encoding="utf-8")).get("figures") or []:
    print(f.get("value"), f.get("unit"), f.get("label"), f.get("group") or "-")
PY
}

# warns NAME [KIND-PREFIX]: "line kind text" of each warning
warns() {
	python3 - "$TZ_TMP/$1.json" "${2:-}" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1], encoding="utf-8")).get("warnings") or []:
    if w["kind"].startswith(sys.argv[2]):
        print(w.get("line"), w["kind"], w.get("text"))
PY
}

# field NAME KEY: a top-level string field
field() {
	python3 - "$TZ_TMP/$1.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2].split("."):
    d = (d or {}).get(k)
print(d if d is not None else "")
PY
}
