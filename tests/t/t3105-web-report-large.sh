#!/bin/bash
# t3105-web-report-large.sh: an amount typed in 元 into the form's and the
# API's 万元 field (walkthrough 9, 2026-12-01: 20490600 for 2049.06万元,
# 704 times the project's 总投资, said 已保存) is refused by the file
# import's per-row rules (core/plausible.h, tz_plaus_report_row): the
# message next to the field with the values and "按元是…万元", nothing of
# the submission saved, 确认大额 offered and honoured; the API's 422
# names the report and field, "confirm_large": true accepts it; 金额超出
# 范围 states the limit; the web import check never tells a web user to
# use the command line. Inputs: the demo city's own projects (its
# 总投资 times 10000, as the walkthrough typed them).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

# (Projects under 5亿元: typed in 元 they stay under the 10万亿元 ceiling.)
demo_unreported 300 鲅鱼圈区 '$12 < 50000'
A=$(sed -n 1p "$TZ_TMP/missing")
B=$(sed -n 2p "$TZ_TMP/missing")
# C: one that has reported.
C=$(awk -F, '$4 == "鲅鱼圈区" && $12 < 50000 { print $2 }' "$TZ_TMP/projects.csv" | sort |
	comm -12 - "$TZ_TMP/reported" | head -1)
is "two projects of 鲅鱼圈区 have not reported, one has" "$([ -n "$B" ] && [ -n "$C" ] && echo yes)" yes
# total CODE: its 总投资 (万元, as exported); yuan CODE: it typed in 元.
total() { awk -F, -v c="$1" '$2 == c { print $12 }' "$TZ_TMP/projects.csv"; }
yuan() { python3 -c 'import sys; print(round(float(sys.argv[1]) * 10000))' "$(total "$1")"; }
TA=$(total "$A") YA=$(yuan "$A") YB=$(yuan "$B") YC=$(yuan "$C")
C_WAS=$(grep "^$C,2025-12," "$TZ_TMP/progress.csv" | cut -d, -f3)
reported() {
	tz --db "$db" export progress --format csv | tr -d '\r' | grep "^$1,2025-12," || true
}

ok "serve starts" web_start "$db" --weak-hashes on
is "the reporter signs in" "$(web_login reporter-byq)" 303
RC=$(web_csrf reporter-byq)
post() {
	status "$WEB_URL/report" -b "$TZ_TMP/jar-reporter-byq" --data-urlencode "_csrf=$RC" \
		-d period=2025-12 -d page=1 "$@"
}

# The form: A in 元 beside B's good month: the page again, nothing saved.
is "A's 总投资 typed in 元, B good: the page again" \
	"$(post --data-urlencode "c.$A=$YA" --data-urlencode "s.$A=已开工" \
		--data-urlencode "c.$B=1.23" --data-urlencode "s.$B=已开工")" 200
cp "$TZ_TMP/body" "$TZ_TMP/refused.html"
contains "…the reason next to A's amount, with the values" "$TZ_TMP/body" \
	"<p class=\"field-error\" id=\"e-c-$A\" role=\"alert\">本期完成投资${YA}.00万元是该项目已入库的总投资（${TA}万元）的10000倍"
contains "…and the 元 advice" "$TZ_TMP/body" "像是按元填写的（按元是${TA}万元）"
contains "…how to confirm" "$TZ_TMP/body" "勾选其旁的“确认大额”后再次保存"
contains "…the 确认大额 box beside it" "$TZ_TMP/body" "name=\"L.$A\" value=\"1\">"
contains "…nothing saved, said so" "$TZ_TMP/body" "本页没有保存任何数据"
is "…A not stored" "$(reported "$A")" ""
is "…nor B (the form commits whole)" "$(reported "$B")" ""

# Confirmed: both saved, A as typed.
is "confirmed with 确认大额: saved" \
	"$(post --data-urlencode "c.$A=$YA" --data-urlencode "s.$A=已开工" -d "L.$A=1" \
		--data-urlencode "c.$B=1.23" --data-urlencode "s.$B=已开工")" 303
is "…A stored as confirmed" "$(reported "$A" | cut -d, -f3)" "$YA.00"
is "…and B" "$(reported "$B" | cut -d, -f3)" "1.23"

# B's 1.23 replaced by 1230 (1000 times): refused; A's month in 元
# corrected to 万元 (1/10000 of it): allowed, the stored one being over
# its 总投资.
is "B replaced by 1000 times its stored month" \
	"$(post --data-urlencode "c.$B=1230" --data-urlencode "s.$B=已开工")" 200
contains "…refused against the stored report" "$TZ_TMP/body" \
	"是已入库的同一调度期数（1.23万元）的1000倍"
is "…B unchanged" "$(reported "$B" | cut -d, -f3)" "1.23"
is "A corrected to 万元 (1/10000 of the stored 元 month): saved" \
	"$(post --data-urlencode "c.$A=$TA" --data-urlencode "s.$A=已开工")" 303
is "…A corrected" "$(reported "$A" | cut -d, -f3)" "$TA"

# 金额超出范围 states its limit.
is "an amount past the ceiling" \
	"$(post --data-urlencode "c.$C=20490600000000" --data-urlencode "s.$C=已开工")" 200
contains "…the limit said" "$TZ_TMP/body" "上限是1000000000万元"

# The API: 422 naming the report and field; nothing saved.
tz --db "$db" token add reporter-byq >"$TZ_TMP/token" 2>/dev/null
T="Authorization: Bearer $(head -1 "$TZ_TMP/token")"
api_post() {
	status "$WEB_URL/api/v1/reports" -H "$T" -H 'Content-Type: application/json' --data-binary "$1"
}
body="{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$C\",\"completed\":\"$YC\",\"status\":\"已开工\"},{\"code\":\"$B\",\"completed\":$YB,\"status\":\"已开工\"}"
is "the API: two months in 元" "$(api_post "$body]}")" 422
ok "…each named by index, code and field, with the values" python3 - "$TZ_TMP/body" "$C" "$B" "$(total "$B")" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['status'] == 422 and b['saved'] == 0, b
e = b['errors']
assert [(x['index'], x['code'], x['field']) for x in e] == [(0, sys.argv[2], 'completed'), (1, sys.argv[3], 'completed')], e
assert '按元是%s万元' % sys.argv[4] in e[1]['message'] and '"confirm_large": true' in e[1]['message'], e
PY
is "…B unchanged" "$(reported "$B" | cut -d, -f3)" "1.23"
is "…C unchanged" "$(reported "$C" | cut -d, -f3)" "$C_WAS"
is "confirmed with \"confirm_large\": true" "$(api_post "$body],\"confirm_large\":true}")" 200
contains "…both saved" "$TZ_TMP/body" '"saved":2'
is "…C as sent" "$(reported "$C" | cut -d, -f3)" "$YC.00"
is "a report's own confirm_large confirms it alone" \
	"$(api_post "{\"period\":\"2025-12\",\"reports\":[{\"code\":\"$B\",\"completed\":\"$YB\",\"status\":\"已开工\",\"confirm_large\":true},{\"code\":\"$A\",\"completed\":\"$YA\",\"status\":\"已开工\"}]}")" 422
ok "…only A refused" python3 - "$TZ_TMP/body" "$A" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))['errors']
assert [x['code'] for x in e] == [sys.argv[2]], e
PY

# The web import check: no command line offered to a web user.
is "the coordinator signs in" "$(web_login coordinator)" 303
KC=$(web_csrf coordinator)
printf '项目编号,调度期,本期完成投资(万元),开工状态\n%s,2025-12,%s,已开工\n' "$A" "$YA" >"$TZ_TMP/y.csv"
is "a report file in 元: the import check" \
	"$(status "$WEB_URL/import" -b "$TZ_TMP/jar-coordinator" -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/y.csv;filename=y.csv")" 200
contains "…refused, in the web page's words" "$TZ_TMP/body" "网页导入不能确认大额"
fails "…never the command line" grep -qF -- "--confirm-large" "$TZ_TMP/body"

web_stop
done_testing
