#!/bin/sh
# run.sh: the main job behind `make run`: a fresh demo database each time,
# its bulletin as a web page, then the web application on it in the
# foreground (Ctrl-C stops it). The demo prints its accounts, one per role,
# with their password.
set -eu
bin=$1
db=$2
listen=${TZ_LISTEN:-127.0.0.1:8080}

rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" demo
"$bin" --db "$db" bulletin --format html --out demo-bulletin.html
cat <<EOF

月通报已生成：demo-bulletin.html（用浏览器打开）

常用命令（数据库：$db；每个命令都可加 --help 查看说明）:
  $bin --db $db bulletin --period 2025-08 --by region --format csv
  $bin --db $db bulletin --period 2025-08 --by category --format xlsx --out 通报.xlsx
  $bin --db $db bulletin --format pdf --out 通报.pdf
  $bin --db $db missing --by region          （最近调度期未报送的项目）
  $bin --db $db org list                     （组织机构：县区、开发区、市直部门）
  $bin --db $db export projects --year 2025 --format xlsx --out 项目台账.xlsx
  $bin --db $db user list
  $bin --db $db token add coordinator      （API 令牌：curl -H "Authorization: Bearer 令牌" http://$listen/api/v1/bulletin）

网页服务：用浏览器打开 http://$listen/ ，用上面的任一演示账号登录（密码 demo-taizhang）。
每个角色看到的数据不同：填报员只看到本地区或本部门的项目，领导看到包联的项目。
EOF
exec "$bin" --db "$db" serve --listen "$listen"
