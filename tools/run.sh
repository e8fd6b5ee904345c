#!/bin/sh
# run.sh: the main job behind `make run`: create the demo database if it
# is not there yet, then show what to do with it.
set -eu
bin=$1
db=$2

if [ ! -f "$db" ]; then
	"$bin" --db "$db" demo
else
	echo "演示数据库已存在：$db（删除后重新运行 make run 可重新生成）"
fi
"$bin" --db "$db" bulletin --format html --out demo-bulletin.html
cat <<EOF

月通报已生成：demo-bulletin.html（用浏览器打开）

常用命令（数据库：$db）:
  $bin --db $db bulletin --period 2025-08 --by region
  $bin --db $db bulletin --period 2025-08 --by category --format xlsx --out 通报.xlsx
  $bin --db $db bulletin --by level --format csv
  $bin --db $db export projects --format xlsx --out 项目台账.xlsx
  $bin --db $db import progress 调度.csv    （整个文件要么全部导入，要么不导入；--partial 只导入正确的行）
  sqlite3 $db 'SELECT region, count(*) FROM project GROUP BY region'
EOF
