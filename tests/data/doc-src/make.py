#!/usr/bin/env python3
"""Write the hand-written golden cases (cases*.py) to tests/data/doc/NAME/.

Each case is (name, ext, encoding, input text, expected JSON). The
expectations were written by hand, from what a person reads in the
document, not from the parser's output. Run: python3 make.py
"""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "doc")
for mod in ("cases1", "cases2", "cases3", "cases4", "cases5", "cases6", "cases7"):
    path = os.path.join(here, mod + ".py")
    if not os.path.exists(path):
        continue
    ns = {}
    exec(open(path, encoding="utf-8").read(), ns)
    for name, ext, enc, text, expect in ns["C"]:
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        for old in ("input.txt", "input.html"):
            if os.path.exists(os.path.join(d, old)):
                os.remove(os.path.join(d, old))
        with open(os.path.join(d, "input." + ext), "wb") as f:
            f.write(text.encode(enc))
        with open(os.path.join(d, "expect.json"), "w", encoding="utf-8") as f:
            json.dump(expect, f, ensure_ascii=False, indent=1)
            f.write("\n")
