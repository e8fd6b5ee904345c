#!/bin/sh
# gen.sh: regenerate the fixtures in this directory (needs python3 and
# LibreOffice: soffice). The tests never run this; they read the files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/gen-sheets.py" "$here"
conv() { # FILTER EXT SRC DEST
	soffice -env:UserInstallation=file://$tmp/profile --headless \
		--convert-to "$2:$1" --outdir "$tmp" "$here/$3" >/dev/null 2>&1
	mv "$tmp/$(basename "$3" .xlsx).$2" "$here/$4"
}
conv "MS Excel 97" xls shapes.xlsx shapes-biff8.xls
conv "MS Excel 97" xls plain.xlsx plain-biff8.xls
conv "HTML (StarCalc)" html plain.xlsx plain-html.xls
