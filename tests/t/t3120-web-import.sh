#!/bin/bash
# t3120-web-import.sh: the import page (issue 9): an upload is imported
# in a dry run first, and the page shows every rejected row (file:line,
# code, column, reason), the rows skipped (合计, section titles, notes),
# the columns not read and the codes that would be given — while the
# store stays exactly as it was; the file waits on the server under a
# random token (never in the browser) until its uploader confirms, then
# is imported (audited) and removed. Other users' tokens, other roles,
# empty and unreadable files and requests without the CSRF token are
# refused; a hostile file name comes back escaped. (A county's
# coordinator imports its own county's rows: t3121.)
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-web.sh"

db="$TZ_TMP/demo.db"
ok "a demo city" tz --db "$db" demo --projects 100
ok "its ledger" tz --db "$db" export projects --format csv --out "$TZ_TMP/projects.csv"
P1=$(awk -F, 'NR == 2 { print $2 }' "$TZ_TMP/projects.csv")
P2=$(awk -F, 'NR == 3 { print $2 }' "$TZ_TMP/projects.csv")
mkdir -p "$TZ_TMP/tmp"
export TMPDIR="$TZ_TMP/tmp"
kept="$TMPDIR/taizhang-import-$(id -u)"
snapshot() { tz --db "$db" export "$1" --format csv | sha256sum; }

ok "serve starts" web_start "$db" --weak-hashes on
for u in coordinator admin coordinator-gz reporter-byq; do
	is "$u signs in" "$(web_login $u)" 303
done
K="-b $TZ_TMP/jar-coordinator"
KC=$(web_csrf coordinator)

is "the import page" "$(status "$WEB_URL/import" $K)" 200
contains "…a multipart form" "$TZ_TMP/body" 'enctype="multipart/form-data"'
is "…refused to a reporter" "$(status "$WEB_URL/import" -b "$TZ_TMP/jar-reporter-byq")" 403

# Reports with a good row, a bad amount, an unknown project, a total, a
# section title, a note and a column nobody reads.
cat >"$TZ_TMP/r.csv" <<CSV
2025年11月重点项目调度表
序号,项目编号,调度期,本期完成投资(万元),开工状态,形象进度,备注
一、续建项目（3个）,,,,,,
1,$P1,2025-11,7.77,已开工,独一无二的进度,x
2,$P2,2025-11,约一亿,已开工,进度,y
3,NOPE-1,2025-11,1,已开工,进度,z
合计,,,8.77,,,
注：金额单位为万元
CSV
before=$(snapshot progress)
name='十一月调度<img src=x onerror=alert(1)>表.csv'
is "upload: the dry run" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/r.csv;filename=$name")" 200
cp "$TZ_TMP/body" "$TZ_TMP/dry.html"
contains "…counts the rows" "$TZ_TMP/body" "共 3 行，其中 <b>2</b> 行有错误"
contains "…the bad amount, with its line" "$TZ_TMP/body" "<td data-label=\"位置\" class=\"code\">十一月调度&lt;img src=x onerror=alert(1)&gt;表.csv:5</td><td data-label=\"项目编号\" class=\"code\">$P2</td><td data-label=\"列\">本期完成投资(万元)</td><td data-label=\"原因\">本期完成投资(万元)“约一亿”不是有效的金额</td>"
contains "…the unknown project" "$TZ_TMP/body" "表.csv:6</td><td data-label=\"项目编号\" class=\"code\">NOPE-1</td>"
contains "…the skipped rows" "$TZ_TMP/body" "合计/小计 1 行，分类标题 1 行，注释 1 行"
contains "…the column not read" "$TZ_TMP/body" "<dt>未识别、不导入的列</dt><dd>备注</dd>"
contains "…says nothing is written yet" "$TZ_TMP/body" "还没有写入任何数据"
contains "…offers to import only the valid row" "$TZ_TMP/body" "只导入正确的 1 行"
fails "…the file name never as markup" grep -qF '<img src=x' "$TZ_TMP/body"
fails "…nor the file's content" grep -qF '独一无二的进度' "$TZ_TMP/body"
is "the store is as it was" "$(snapshot progress)" "$before"
token=$(sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/dry.html" | head -1)
is "the confirmation names a random token" "${#token}" 43
is "the file waits on the server under it" "$(ls "$kept/$token" | sort | tr '\n' ' ')" "meta 十一月调度<img src=x onerror=alert(1)>表.csv "
is "…a private directory" "$(stat -c %a "$kept")" 700

# Another user's token is nobody's; then the uploader confirms.
is "the admin confirming the coordinator's upload" \
	"$(status "$WEB_URL/import/$token" -b "$TZ_TMP/jar-admin" --data-urlencode "_csrf=$(web_csrf admin)" -d partial=1)" 404
is "…nothing imported" "$(snapshot progress)" "$before"
is "a confirmation without the CSRF token" "$(status "$WEB_URL/import/$token" $K -d partial=1)" 403
is "…nothing imported" "$(snapshot progress)" "$before"
is "the coordinator confirms: only the valid row" \
	"$(status "$WEB_URL/import/$token" $K --data-urlencode "_csrf=$KC" -d partial=1)" 200
contains "…says what it did" "$TZ_TMP/body" "已导入 <b>1</b> 行（新增 0，更正 1，未变 0），有错误的行没有导入"
ok "the row is in the store" sh -c "tz() { \"$TZ_BIN\" \"\$@\"; }; tz --db '$db' export progress --format csv | grep -qF '$P1,2025-11,7.77,已开工,独一无二的进度'"
fails "…the bad one is not" sh -c "\"$TZ_BIN\" --db '$db' export progress --format csv | grep -qF '$P2,2025-11,0.00'"
fails "the kept file is gone" test -e "$kept/$token"
is "confirming twice" "$(status "$WEB_URL/import/$token" $K --data-urlencode "_csrf=$KC" -d partial=1)" 404
is "a token that was never given" "$(status "$WEB_URL/import/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" $K --data-urlencode "_csrf=$KC")" 404
is "a token that is not one" "$(status "$WEB_URL/import/a%3Bb%20c" $K --data-urlencode "_csrf=$KC")" 404

# A published list without codes: codes that would be given, a region
# that is not one, and nothing written until confirmed (all or nothing).
cat >"$TZ_TMP/list.csv" <<'CSV'
2025年重点项目名单
序号,项目名称,所属地区,总投资(万元),年度计划投资(万元)
1,鲅鱼圈区新建智能仓储中心,鲅鱼圈区,5000,1200
2,鲅鱼圈区新建冷链物流园,鲅鱼圈,8000,2000
CSV
pbefore=$(snapshot projects)
is "a list without codes: the dry run" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=projects -F "file=@$TZ_TMP/list.csv;filename=名单.csv")" 200
contains "…the codes it would give" "$TZ_TMP/body" "将给出新项目编号 2 个"
contains "…one of them" "$TZ_TMP/body" "鲅鱼圈区新建冷链物流园（鲅鱼圈区）"
contains "…the ledger's year from the title" "$TZ_TMP/body" "2025年（取自表格标题）"
is "…nothing written" "$(snapshot projects)" "$pbefore"
token=$(sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/body" | head -1)
fails "…all valid: no partial needed" grep -qF 'name="partial"' "$TZ_TMP/body"
is "confirmed" "$(status "$WEB_URL/import/$token" $K --data-urlencode "_csrf=$KC")" 200
contains "…two added" "$TZ_TMP/body" "已导入 <b>2</b> 行（新增 2，更正 0，未变 0）"
ok "the projects are in the ledger" tz --db "$db" export projects --format csv
contains "…with the codes given" "$TZ_TMP/out" "鲅鱼圈区新建冷链物流园,鲅鱼圈区"

cat >"$TZ_TMP/bad-region.csv" <<'CSV'
项目编号,项目名称,所属地区,总投资(万元)
NEW-1,测试项目甲,鲅鱼全区,100
NEW-2,测试项目乙,鲅鱼圈区,100
CSV
pbefore=$(snapshot projects)
is "an unknown region: the dry run" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=projects -F year=2025 -F "file=@$TZ_TMP/bad-region.csv;filename=r.csv")" 200
contains "…suggests the nearest" "$TZ_TMP/body" "是否为“鲅鱼圈区”"
token=$(sed -n 's/.*action="\/import\/\([A-Za-z0-9_-]*\)".*/\1/p' "$TZ_TMP/body" | head -1)
is "confirming all or nothing (no partial) writes nothing" "$(status "$WEB_URL/import/$token" $K --data-urlencode "_csrf=$KC")" 400
contains "…and says so" "$TZ_TMP/body" "没有导入任何数据"
is "…the ledger as it was" "$(snapshot projects)" "$pbefore"

# Refusals.
: >"$TZ_TMP/empty.csv"
is "an empty file" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/empty.csv;filename=e.csv")" 400
contains "…says so" "$TZ_TMP/body" "请选择要导入的文件"
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' >"$TZ_TMP/x.pdf"
is "a PDF" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/x.pdf;filename=x.xlsx")" 400
contains "…refused, with why" "$TZ_TMP/body" "文件无法导入"
fails "…without the server's path" grep -qF "$kept" "$TZ_TMP/body"
n=$(ls "$kept" | wc -l)
is "an upload without the CSRF token" "$(status "$WEB_URL/import" $K -F kind=progress -F "file=@$TZ_TMP/r.csv;filename=r.csv")" 403
is "…keeps nothing" "$(ls "$kept" | wc -l)" "$n"
is "a reporter's upload" "$(status "$WEB_URL/import" -b "$TZ_TMP/jar-reporter-byq" -F "_csrf=$(web_csrf reporter-byq)" -F kind=progress -F "file=@$TZ_TMP/r.csv;filename=r.csv")" 403
is "…keeps nothing" "$(ls "$kept" | wc -l)" "$n"
is "nothing is left in the upload directory" "$(ls "$TMPDIR" | grep -c taizhang-upload)" 0

is "the audit log" "$(status "$WEB_URL/audit?action=import." $K)" 200
ok "…has the two imports, not the refused one" python3 - "$TZ_TMP/body" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
acts = re.findall(r'<td data-label="操作">([^<]*)</td><td data-label="对象">([^<]*)</td>', page)
assert acts == [('导入项目台账', '文件 名单.csv'),
                ('导入调度数据', '文件 十一月调度&lt;img src=x onerror=alert(1)&gt;表.csv')], acts
PY

# The audit log as people read it, after a report saved and the imports:
# every row in Chinese, objects named and linked, no JSON in the table.
is "the coordinator corrects a report" "$(status "$WEB_URL/report" $K --data-urlencode "_csrf=$KC" -d period=2025-11 -d page=1 --data-urlencode "c.$P1=8.88" --data-urlencode "s.$P1=已开工")" 303
is "the whole audit log" "$(status "$WEB_URL/audit" $K)" 200
ok "…in Chinese, without JSON" python3 - "$TZ_TMP/body" "$P1" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
table = page[page.index('<table class="list audit">'):page.index('</table>')]
assert '<td data-label="操作">调度填报</td><td data-label="对象"><a href="/ontime?period=2025-11">调度期 2025-11</a></td>' in table, table
assert '<li>方式：更正</li>' in table, table
assert re.search(r'<li>新增 0 个、更正 1 个、未变 0 个、迟报 \d 个</li>', table), table
assert '<li>项目：<a href="/projects/%s">%s</a></li>' % (sys.argv[2], sys.argv[2]) in table, table
assert '<li>共 2 行、导入 2 行、拒绝 0 行' in table and '<li>导入方式：全部导入</li>' in table, table
assert '<li>共 3 行、导入 1 行、拒绝 2 行' in table and '<li>导入方式：只导入正确的行</li>' in table, table
assert re.search(r'<td data-label="操作">登录</td><td data-label="对象">用户 coordinator（[^<）]+）</td>', table), table
assert '<td data-label="来源">命令行</td><td data-label="操作">新增用户</td>' in table, table
assert '{"' not in table and '{&quot;' not in table and '&quot;:' not in table, table
PY

# A title's unit over amounts stating none: the check says the amounts
# are read in it (walkthrough 14).
cat >"$TZ_TMP/yi.csv" <<CSV
2025年11月重点项目调度表（单位：亿元）
项目编号,调度期,本期完成投资,开工状态,形象进度
$P1,2025-11,0.01,已开工,主体施工
CSV
is "upload under a 亿元 title: the dry run" "$(status "$WEB_URL/import" $K -F "_csrf=$KC" -F kind=progress -F "file=@$TZ_TMP/yi.csv;filename=yi.csv")" 200
contains "…says the title's unit is applied" "$TZ_TMP/body" "第1行的标题“2025年11月重点项目调度表（单位：亿元）”注明金额单位为亿元，表头的金额没有写单位：金额按亿元读"

ok "a clean stop" web_stop
done_testing
