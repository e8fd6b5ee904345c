#!/usr/bin/env python3
# t1210-summary-check.py: check EVERY number of a bulletin's opening
# paragraphs (summary.c) against the bulletin's JSON, for t1210.
#
#   t1210-summary-check.py BULLETIN.json BULLETIN.html            check
#   t1210-summary-check.py --mutants BULLETIN.json BULLETIN.html  prove it
#
# The paragraphs are read from the HTML bulletin (<section class="summary">).
# Each sentence the generator writes has a pattern here; a pattern claims
# the numbers (and names) it matched after checking each against the JSON:
# money in 亿元 rounded half up from the exact 万元 strings (or in 万元 when
# it would print as 0.00 亿元), percentages rounded half up to one decimal
# from the exact fractions, counts, ranks, the schedule, the gap to it as
# the difference of the printed percentages. A number no pattern claimed
# fails the check, so a new figure in the text cannot go unchecked.
#
# --mutants changes each number of the text in turn (adds 1 to it) and
# passes only if the check fails for every one of them: a check that
# cannot fail is no check.
import html
import json
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

WORDS = {  # grouping: (noun, measure word), as summary.c says them
    "region": ("县（市）区", "个"),
    "category": ("类别", "个"),
    "level": ("级别", "个"),
    "leader": ("包联领导", "位"),
    "unit": ("责任单位", "个"),
}
NUM = re.compile(r"\d+(?:\.\d+)?")


class Bad(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Bad(what)


def pct1(num, den):
    """num/den as a percentage with one decimal, half up, exactly."""
    return (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def money(wan):
    """A 万元 string as the text prints it: "340.43亿元" or "8.00万元"."""
    w = Decimal(wan)
    yi = (w / 10000).quantize(Decimal("0.01"), ROUND_HALF_UP)
    if yi == 0 and w != 0:
        return f"{w:.2f}万元"
    return f"{yi}亿元"


def paragraphs(path):
    page = open(path, encoding="utf-8").read()
    m = re.search(r'<section class="summary">(.*?)</section>', page, re.S)
    need(m, "no summary section in the HTML")
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", m.group(1), re.S)]


def alternatives(names):
    """A regex matching exactly one of the names, longest first."""
    return "(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) + ")"


def check(b, paras):
    need(len(paras) == 3, f"{len(paras)} paragraphs, not 3")
    noun, mw = WORDS[b["by"]]
    t, groups = b["totals"], b["groups"]
    month = int(b["period"][5:])
    ranked = [g for g in groups if g["completion_rate"] is not None]
    keys = alternatives(g["key"] for g in groups)
    lag_names = alternatives([l["name"] or l["code"] for l in b["lagging"]] or ["\x00"])
    claimed = [set(), set(), set()]  # character positions checked, per paragraph

    def claim(i, m, *names):
        for name in names or m.groupdict():
            if m.group(name) is not None:
                claimed[i].update(range(m.start(name), m.end(name)))

    def find(i, pattern, required=False):
        ms = list(re.finditer(pattern, paras[i]))
        need(len(ms) <= 1, f"more than one match for {pattern!r}")
        need(ms or not required, f"paragraph {i + 1}: no match for {pattern!r}: {paras[i]}")
        return ms[0] if ms else None

    def ratio(g):
        return Decimal(g["ytd_completed"]) / Decimal(g["annual_plan"])

    city = ratio(t) if Decimal(t["annual_plan"]) > 0 else None

    # 1. The city.
    m = find(0, r"^(?:1月|1-(?P<month>\d+)月)，全市(?P<n>\d+)个重点项目", True)
    need((m.group("month") is None) == (month == 1), "1月 only in January")
    need(m.group("month") is None or int(m.group("month")) == month, "the months")
    need(int(m.group("n")) == t["projects"], "the number of projects")
    claim(0, m)
    claimed[0].update(range(m.start(), m.start() + 1))  # the "1" of 1-N月
    m = find(0, r"年度计划投资(?P<a>[\d.]+[亿万]元)，累计完成投资(?P<y>[\d.]+[亿万]元)，"
                r"占年度计划的(?P<r>[\d.]+)%，(?:(?P<dir>[高低])于序时进度（(?P<s>[\d.]+)%）"
                r"(?P<d>[\d.]+)个百分点|与序时进度（(?P<s2>[\d.]+)%）持平)。")
    if city is not None:
        need(m, "the city's plan and rate")
        need(m.group("a") == money(t["annual_plan"]), "the annual plan in 亿元")
        need(m.group("y") == money(t["ytd_completed"]), "the investment in 亿元")
        r = Decimal(m.group("r"))
        need(r == pct1(t["ytd_completed"], t["annual_plan"]), "the city's rate")
        need(abs(r - Decimal(str(t["completion_rate"])) * 100) <= Decimal("0.055"),
             "the rate agrees with the JSON's completion_rate")
        s = Decimal(m.group("s") or m.group("s2"))
        need(s == pct1(month, 12), "the schedule")
        need(abs(s - Decimal(str(b["schedule"])) * 100) <= Decimal("0.055"),
             "the schedule agrees with the JSON's")
        if m.group("s2"):
            need(r == s, "持平 only when the printed rates are equal")
        else:
            need(Decimal(m.group("d")) == abs(r - s) and (m.group("dir") == "高") == (r > s) and r != s,
                 "the gap to the schedule is the difference of the printed percentages")
        claim(0, m)
    else:
        need(m is None, "a rate without a plan")
    m = find(0, r"另有未安排年度计划的项目完成投资(?P<u>[\d.]+[亿万]元)，未计入投资完成率。")
    need((m is not None) == (city is not None and Decimal(t["ytd_completed_unplanned"]) > 0),
         "the investment without a plan is said when there is some")
    if m:
        need(m.group("u") == money(t["ytd_completed_unplanned"]), "the investment without a plan")
        claim(0, m)
    m = find(0, r"均未安排年度计划投资，累计完成投资(?P<u>[\d.]+[亿万]元)。")
    need((m is not None) == (city is None), "no plan at all")
    if m:
        need(m.group("u") == money(t["ytd_completed_unplanned"]), "the investment without any plan")
        claim(0, m)
    m = find(0, r"已开工项目(?P<s>\d+)个，开工率(?P<r>[\d.]+)%。", True)
    need(int(m.group("s")) == t["started"], "started projects")
    need(Decimal(m.group("r")) == pct1(t["started"], t["projects"]), "the start rate")
    claim(0, m)

    # 2. The groups.
    find(1, rf"^分{re.escape(noun)}看，", True)
    above = sum(1 for g in ranked if ratio(g) > city)
    level = sum(1 for g in ranked if ratio(g) == city)
    below = sum(1 for g in ranked if g["below_average"])
    need(below == sum(1 for g in ranked if ratio(g) < city), "below_average agrees with the rates")
    n, w = re.escape(mw), re.escape(noun)
    for pattern, want in ((rf"(?P<k>\d+){n}{w}投资完成率高于全市平均水平", above),
                          (rf"(?P<k>\d+){n}(?:{w}投资完成率)?与全市平均水平持平", level),
                          (rf"(?P<k>\d+){n}(?:{w}投资完成率)?低于全市平均水平", below),
                          (rf"(?P<k>\d+){n}(?:{w})?未安排年度计划投资，不参与排名",
                           len(groups) - len(ranked))):
        m = find(1, pattern)
        if len(ranked) < 2 and "全市平均" in pattern:
            need(m is None, "no comparison with one group")
            continue
        need((m is not None) == (want > 0), f"{pattern}: said when not zero ({want})")
        if m:
            need(int(m.group("k")) == want, f"{pattern}: {m.group('k')} != {want}")
            claim(1, m)
    m = find(1, rf"^分{w}看，(?P<name>{keys})投资完成率(?P<r>[\d.]+)%")
    need((m is not None) == (len(ranked) == 1), "one ranked group is named")
    if m:
        g = ranked[0]
        need(m.group("name") == g["key"] and Decimal(m.group("r")) == pct1(g["ytd_completed"], g["annual_plan"]),
             "the one group's rate")
        claim(1, m)
    last_rank = max((g["rank"] for g in ranked), default=0)
    for word, rank in (("居首|并列第一", 1), ("居末|并列最后", last_rank)):
        m = find(1, rf"[；，](?P<name>{keys})(?:等(?P<k>\d+){n}{w})?以(?P<r>[\d.]+)%(?:{word})")
        tied = [g for g in ranked if g["rank"] == rank]
        need((m is not None) == (len(ranked) > 1 and len(ranked) > sum(1 for g in ranked if g["rank"] == 1)),
             f"the first and the last are named ({word})")
        if not m:
            continue
        g = next(g for g in groups if g["key"] == m.group("name"))
        need(g is tied[0], f"{g['key']} is the first group of rank {rank}")
        need((m.group("k") is None) == (len(tied) == 1), "ties are said as ties")
        need(m.group("k") is None or int(m.group("k")) == len(tied), "how many share the place")
        need(Decimal(m.group("r")) == pct1(g["ytd_completed"], g["annual_plan"]), f"{g['key']}'s rate")
        claim(1, m)
    moved = [g for g in ranked if g["rank_change"] is not None]
    if len(ranked) == 1:
        # A ranking of one says only a move, never that ranks are unchanged.
        c = moved[0]["rank_change"] if moved else 0
        m = find(1, r"与上月相比，排名(?P<way>上升|下降)(?P<k>\d+)位。")
        need((m is not None) == (c != 0), "a lone group's move is said when it moved")
        need(find(1, r"排名均无变化|排名不变") is None, "a lone group is not said to keep its rank")
        if m:
            need((m.group("way") == "上升") == (c > 0) and int(m.group("k")) == abs(c), "its move")
            claim(1, m)
        moved = []
    m = find(1, rf"与上月相比(?:，(?P<u>\d+){n}{w}排名上升)?(?:，(?P<d>\d+){n}(?:{w})?排名下降)?"
                rf"(?:，(?P<s>\d+){n}排名不变)?。")
    same = find(1, rf"与上月相比，各{w}排名均无变化。")
    need((m is not None or same is not None) == bool(moved), "rank changes are said when there are any")
    if moved:
        up = sum(1 for g in moved if g["rank_change"] > 0)
        down = sum(1 for g in moved if g["rank_change"] < 0)
        need((same is not None) == (up == 0 and down == 0), "均无变化 only when no rank moved")
        if same is None:
            for name, want in (("u", up), ("d", down), ("s", len(moved) - up - down)):
                need((m.group(name) is not None) == (want > 0), f"rank changes {name} said when not zero")
                need(m.group(name) is None or int(m.group(name)) == want, f"rank changes {name}")
            claim(1, m)

    # 3. Lagging projects and reporting.
    lag = b["lagging"]
    m = find(2, r"^全市(?:没有)?落后序时进度(?P<t>\d+)个百分点以上的进度滞后项目(?:(?P<n>\d+)个，)?", True)
    need((m.group("n") is None) == (not lag), "the lagging count")
    need(m.group("n") is None or int(m.group("n")) == len(lag), "the number of lagging projects")
    threshold = Decimal(m.group("t")) / 100
    need(threshold == Decimal("0.1"), "lagging is 10 points behind the schedule (ledger.md)")
    need(all(Decimal(l["ytd_completed"]) / Decimal(l["annual_plan"]) < Decimal(month) / 12 - threshold
             for l in lag), "every listed project is that far behind")
    claim(2, m)
    m = find(2, rf"其中(?P<name>{lag_names})完成年度计划的比例最低，为(?P<r>[\d.]+)%。")
    need((m is not None) == bool(lag), "the worst project is named")
    if m:
        need(m.group("name") == (lag[0]["name"] or lag[0]["code"]), "the worst project")
        need(Decimal(m.group("r")) == pct1(lag[0]["ytd_completed"], lag[0]["annual_plan"]),
             "the worst project's ratio")
        claim(2, m)
    if t["not_reported"] == 0:
        m = find(2, r"本期应报送调度数据的(?P<r>\d+)个项目均已报送。", True)
        need(int(m.group("r")) == t["reported"], "projects expected, all of which reported")
        claim(2, m)
    else:
        m = find(2, r"本期应报送调度数据的项目(?P<e>\d+)个，已报送(?P<r>\d+)个，未报送(?P<m>\d+)个", True)
        need(int(m.group("e")) == t["reported"] + t["not_reported"], "projects expected to report")
        need(int(m.group("r")) == t["reported"], "projects expected that reported")
        need(int(m.group("m")) == t["not_reported"] == len(b["not_reported"]), "projects missing")
        claim(2, m)
    m = find(2, rf"，其中(?P<name>{keys})(?:最多（(?P<k>\d+)个）|等(?P<j>\d+){n}{w}最多，各(?P<k2>\d+)个)")
    worst = max((g["not_reported"] for g in groups), default=0)
    need((m is not None) == (worst > 0 and len(groups) > 1), "the group missing most is named")
    if m:
        g = next(g for g in groups if g["key"] == m.group("name"))
        tied = [x for x in groups if x["not_reported"] == worst]
        need(g is tied[0] and int(m.group("k") or m.group("k2")) == worst, "the group missing most")
        need((m.group("j") is None) == (len(tied) == 1), "ties for the most missing")
        need(m.group("j") is None or int(m.group("j")) == len(tied), "how many share the most missing")
        claim(2, m)

    # Every number was claimed by a check.
    for i, p in enumerate(paras):
        for num in NUM.finditer(p):
            need(all(k in claimed[i] for k in range(num.start(), num.end())),
                 f"paragraph {i + 1}: the number {num.group()} at {num.start()} is not checked: {p}")


def mutants(b, paras):
    """Each number of the text changed in turn; the check must fail for each."""
    tried = 0
    for i, p in enumerate(paras):
        for num in re.finditer(r"\d+", p):
            changed = list(paras)
            changed[i] = p[:num.start()] + str(int(num.group()) + 1) + p[num.end():]
            tried += 1
            try:
                check(b, changed)
            except Bad:
                continue
            raise Bad(f"changing {num.group()} at {num.start()} of paragraph {i + 1} went unnoticed")
    need(tried >= 10, f"only {tried} numbers to change")
    return tried


def main():
    args = sys.argv[1:]
    mut = args and args[0] == "--mutants"
    if mut:
        args = args[1:]
    b = json.load(open(args[0], encoding="utf-8"))
    paras = paragraphs(args[1])
    try:
        check(b, paras)
        if mut:
            print(f"{mutants(b, paras)} changed numbers all caught")
    except Bad as e:
        print(f"bad: {e}", file=sys.stderr)
        print("\n".join(paras), file=sys.stderr)
        sys.exit(1)


main()
