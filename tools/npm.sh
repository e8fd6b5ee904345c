#!/bin/sh
# npm.sh: install the npm packages of package-lock.json into node_modules
# (make npm, called by make test and make run). Uses the machine's Node.js
# and npm, never Debian's npm package (it conflicts with them). Nothing is
# downloaded at run time or served from a CDN: pages use the copies the
# build takes from node_modules.
set -eu
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
	echo "npm: 未找到 Node.js 的 npm（需要 Node.js 20）；浏览器测试和网页资源需要它" >&2
	exit 1
fi
echo "npm: installing front-end packages (package-lock.json)" >&2
npm ci --no-audit --no-fund --loglevel=error >/dev/null
