#!/usr/bin/env python3
"""Category check of extracted sanctions on statutes (no gold needed).

usage: sanction_categories.py EXTRACT.jsonl [--all] [--show N]

EXTRACT.jsonl is what `gongwen extract` printed, e.g. over a folder of statutes in markdown.
Every sanction extracted inside a 法律责任 or 罚则 chapter whose term leaves no doubt about
its category (contract.md, "SANCTION — two more fields") is checked:

    罚款                                    administrative-penalty / property
    没收违法所得, 没收非法财物                administrative-penalty / property
    吊销 …                                  administrative-penalty / qualification
    责令停产停业, 停产停业整顿, 停业整顿, 责令关闭  administrative-penalty / conduct
    行政拘留, 拘留                           administrative-penalty / liberty
    … 刑事责任                               criminal
    … 赔偿责任, 民事责任                      civil
    记过, 记大过, 降级, 撤职                  governmental

With --all every sanction of every document is checked, chapter or not. --show N prints up
to N wrong ones per family.

Prints one line per family (right/total) and
    SANCCAT right=<fraction> checked=<n>
"""
import collections
import json
import re
import sys

# (family, pattern on the term, expected category, expected penalty_kind or None)
FAMILIES = [
    ("罚款", r"罚款$", "administrative-penalty", "property"),
    ("没收", r"^没收(违法所得|非法财物)$", "administrative-penalty", "property"),
    ("吊销", r"^吊销", "administrative-penalty", "qualification"),
    ("停产停业", r"^(责令)?(停产停业(整顿)?|停业整顿|关闭)$|^责令关闭$", "administrative-penalty", "conduct"),
    ("拘留", r"^(行政)?拘留$", "administrative-penalty", "liberty"),
    ("刑事", r"刑事责任$", "criminal", None),
    ("民事", r"(赔偿|民事)责任$", "civil", None),
    ("政务处分", r"^(记过|记大过|降级|撤职)$", "governmental", None),
]


def walk(clauses):
    for c in clauses or []:
        yield c
        yield from walk(c.get("children"))


def chapter_paths(doc):
    """Paths of the 法律责任 / 罚则 chapters of a document."""
    out = []
    for c in walk(doc.get("clauses")):
        heading = re.sub(r"\s", "", c.get("heading") or "")
        if c.get("style") == "chapter" and re.match(r"(法律责任|罚则)", heading):
            out.append(c["path"])
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    everywhere = "--all" in argv
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    total = collections.Counter()
    right = collections.Counter()
    wrong = collections.defaultdict(list)
    for line in open(argv[1], encoding="utf-8"):
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        if rec.get("status") != "ok":
            continue
        for doc in rec.get("documents") or []:
            chapters = chapter_paths(doc)
            for s in (doc.get("accountability") or {}).get("sanctions") or []:
                path = s.get("clause_path") or ""
                inside = any(path == p or path.startswith(p + "/") for p in chapters)
                if not (everywhere or inside):
                    continue
                term = re.sub(r"\s", "", s.get("sanction") or "")
                for fam, rx, cat, kind in FAMILIES:
                    if re.search(rx, term):
                        total[fam] += 1
                        got = (s.get("category"), s.get("penalty_kind"))
                        if got == (cat, kind):
                            right[fam] += 1
                        else:
                            wrong[fam].append((rec["source"]["path"], path, term, got, s.get("target")))
                        break
    for fam, _, cat, kind in FAMILIES:
        print(f"{fam}:{right[fam]}/{total[fam]} ({cat}{'/' + kind if kind else ''})")
        for w in wrong[fam][:show]:
            print("   ", *w)
    n, r = sum(total.values()), sum(right.values())
    print(f"SANCCAT right={r / max(1, n):.3f} checked={n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
