#!/bin/sh
# deps.sh: install the Debian 12 packages Taizhang builds, tests and runs
# with, when any is missing. Run as root on a fresh machine (make run and
# make test call it); as another user it prints the command to run instead.
set -eu

PACKAGES="
build-essential pkg-config clang libclang-rt-14-dev python3 time bc
sqlite3 libsqlite3-dev
libutf8proc-dev libjansson-dev libcsv-dev
libzip-dev libxml2-dev libxlsxwriter-dev libgsf-1-dev
libcmocka-dev
"

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; install the equivalents of:" $PACKAGES >&2
	exit 0
fi

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "缺少软件包 (missing packages):$missing" >&2
	echo "请运行 (run): sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
