# Generator of tests/data/csv-read (see ORIGIN.md there).
H = "年度,项目编号,项目名称,所属地区,项目类别,项目级别,建设性质,建设单位,包联领导,责任单位,建设起止年限,总投资(万元),年度计划投资(万元),计划开工时间\n"
def proj(code, name):
    return f"2025,{code},{name},站前区,能源,市重点,新开工,新材料有限公司,刘马同志,市交通运输局,2025-2026,1000.00,500.00,2025-03\n"
open("projects.csv", "w", encoding="utf-8").write(H + "".join(proj(f"P2025{i:07d}", f"项目{i}号工程") for i in range(1, 251)))
# Codes written the ways code_tidy and the full-width fold read, the
# letter or byte to fold at each place of the code's eight-byte words.
codes = [
    ("p20250000301", "P20250000301"),   # lower case first
    ("P2025000030a", "P2025000030A"),   # lower case in the last byte
    ("P202500b0303", "P202500B0303"),   # lower case in the first word
    ("abcdefgh", "ABCDEFGH"),           # eight bytes exactly
    ("P2025000０305", "P20250000305"),  # full-width digit at byte 8
    ("'P20250000306", "P20250000306"),  # Excel's text prefix
    ("20250000307.0", "20250000307"),   # a float tail
    ("P20250000308", "P20250000308"),   # plain
]
t = [proj(c, f"编号{i}") for i, (c, _) in enumerate(codes)]
# Cells a trim, an invisible character or a prefix changes.
t.append("2025,P20250000309,尾部全角空格　,站前区,能源,市重点,新开工,'=建设单位,刘马同志,市交通运输局,2025-2026,1000.00,500.00,2025-03\n")
t.append("2025,P20250000310,\u00a0前面不换行空格,站前区,能源,市重点,新开工,建设单位\u200b,刘马同志,市交通运输局,2025-2026,1000.00,500.00,2025-03\n")
open("codes.csv", "w", encoding="utf-8").write(H + "".join(t))
PH = "项目编号,调度期,本期完成投资(万元),开工状态,形象进度,存在问题\n"
def rep(i, text=None, prob="用地手续办理中"):
    text = text if text is not None else f"第{i}行主体结构施工中，" + "形" * (i % 13)
    return f"P2025{(i % 250) + 1:07d},2025-{(i // 250) % 12 + 1:02d},{(i % 7) * 10}.50,已开工,{text},{prob}\n"
# 3000 reports (250 projects, 12 months): about 330 KB, five of the
# reader's 64 KB chunks.
body = [rep(i) for i in range(3000)]
nul = body[:]
nul[2500] = rep(2500, text="主体\0结构施工中")
open("nul-late.csv", "w", encoding="utf-8").write(PH + "".join(nul))
q = body[:]
q[2700] = rep(2700, text="\"主体完工，\"\"样板段\"\"验收\"")
q[2800] = rep(2800, prob="\"用地手续，\n跨行办理中\"")
q[2900] = rep(2900, prob="\"用地\"手续\"办理中\"")
open("quotes-late.csv", "w", encoding="utf-8").write(PH + "".join(q))
