# gen.py: the xlsx inputs of audit9-rows written by us (ORIGIN.md), with
# the auditor's xlsx writer kept in tests/data/audit2-fmt/mkx.py.
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "audit2-fmt"))
import mkx

H = ["项目编号", "项目名称", "所属地区", "建设单位", "总投资(万元)", "年度计划投资(万元)"]
# A name merged across the empty region cell (B2:C2): no region.
mkx.write(os.path.join(here, "own-across-name.xlsx"), [dict(name="Sheet1", rows=[
    H, ["P1", "甲项目", None, "某公司", 1000, 100], ["P2", "乙项目", "乙县", "某公司", 2000, 200]],
    merges=["B2:C2"])])
# An amount merged across 总投资 and 年度计划投资 (E2:F2).
mkx.write(os.path.join(here, "own-across-money.xlsx"), [dict(name="Sheet1", rows=[
    H, ["P1", "甲项目", "甲县", "某公司", 1000, None], ["P2", "乙项目", "乙县", "某公司", 2000, 200]],
    merges=["E2:F2"])])
# A region merged down (C2:C3) and a unit merged across 建设单位 and the
# next, optional, column (D2:E2 over 建设单位/包联领导): the region belongs
# to both rows, the leader column shows nothing.
H2 = ["项目编号", "项目名称", "所属地区", "建设单位", "包联领导", "总投资(万元)", "年度计划投资(万元)"]
mkx.write(os.path.join(here, "own-across-optional.xlsx"), [dict(name="Sheet1", rows=[
    H2, ["P1", "甲项目", "甲县", "某公司", None, 1000, 100], ["P2", "乙项目", None, "某公司", "王某", 2000, 200]],
    merges=["C2:C3", "D2:E2"])])
