#!/bin/bash
# gen-hidden.sh: writes hidden-rows.fods (a flat OpenDocument sheet: a
# ledger of three projects whose P2 row is hidden, and whose column E, an
# old 年度计划投资(万元), is hidden beside the visible F) and converts it
# with LibreOffice to hidden-rows.xls (BIFF8) and hidden-rows.xlsx; and
# converts ../walk3-messages/hidden-col-oldplan.xlsx (the auditor's R9
# input) to hidden-col-oldplan.xls. Needs soffice (Debian:
# libreoffice-calc-nogui). Run in this directory.
set -e
cell() { # cell TEXT: a string cell; cell -n NUMBER: a number cell
	if [ "$1" = -n ]; then
		printf '<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' "$2" "$2"
	else
		printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$1"
	fi
}
row() { # row [hidden] CELLS...
	local vis=
	if [ "$1" = hidden ]; then vis=' table:visibility="collapse"'; shift; fi
	printf '<table:table-row%s>%s</table:table-row>\n' "$vis" "$*"
}
{
cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Sheet1">
<table:table-column table:number-columns-repeated="4"/>
<table:table-column table:visibility="collapse"/>
<table:table-column/>
HEAD
row "$(cell 项目编号)$(cell 项目名称)$(cell 所属地区)$(cell '总投资(万元)')$(cell '旧年度计划投资(万元)')$(cell '年度计划投资(万元)')"
row "$(cell P1)$(cell 甲项目)$(cell 甲县)$(cell -n 1000)$(cell -n 100)$(cell -n 300)"
row hidden "$(cell P2)$(cell 乙项目)$(cell 乙县)$(cell -n 2000)$(cell -n 200)$(cell -n 400)"
row "$(cell P3)$(cell 丙项目)$(cell 甲县)$(cell -n 3000)$(cell -n 300)$(cell -n 500)"
cat <<'TAIL'
</table:table></office:spreadsheet></office:body></office:document>
TAIL
} >hidden-rows.fods
soffice --headless --convert-to xls hidden-rows.fods >/dev/null
soffice --headless --convert-to xlsx hidden-rows.fods >/dev/null
soffice --headless --convert-to xls ../walk3-messages/hidden-col-oldplan.xlsx >/dev/null
