#!/usr/bin/env python3
"""tests/summary-counts.py EXPLAIN.jsonl SUMMARY.json: the counts per
protocol, code, enhanced code and known reply of explain --format json
(one object per line) and of summary --format json; exits 1 and prints
both when they differ."""
import collections
import json
import sys


def key(proto, code, enh, known):
    return (proto or "", code or "", enh or "", known or "")


def main():
    want = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o["shape"] == "none":
                continue
            k = o["known"][0]["producer"] + "/" + o["known"][0]["id"] \
                if o["known"] else ""
            want[key(o["protocol"], o["code"], o["enhanced"], k)] += 1
    got = collections.Counter()
    with open(sys.argv[2], encoding="utf-8") as f:
        s = json.load(f)
    for r in s["codes"]:
        k = r["known"]["producer"] + "/" + r["known"]["id"] \
            if r["known"] else ""
        got[key(r["protocol"], r["code"], r["enhanced"], k)] += r["count"]
    if want != got or s["lines_with_codes"] != sum(want.values()):
        print("explain:", sorted(want.items()))
        print("summary:", sorted(got.items()), s["lines_with_codes"])
        return 1
    print(sum(want.values()), "replies,", len(want), "rows agree")
    return 0


sys.exit(main())
