#!/usr/bin/env python3
"""Statute history recall, measured without gold.

    python3 tools/events_eval.py DOCS_DIR EXTRACT.jsonl [--verbose]

A dated header line is a non-empty line between a LawRefBook file's `# title` (or, in a
plain copy without the heading marks, its first line) and its `<!-- INFO END -->` line that holds a date (YYYY年M月D日, Arabic or Chinese numerals). It
comes out as events when gongwen's record of that file has at least one event on that line.
Prints the share (target ≥ 95 %) and, per event kind, how many events were found; with
--verbose, the lines that gave no event.
"""

import argparse
import collections
import json
import os
import re
import sys

DATE = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                  r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日")


def header_lines(path):
    with open(path, "rb") as f:
        lines = re.split("\r\n|\r|\n", f.read().decode("utf-8", "replace"))
    end = next((i for i, l in enumerate(lines) if "INFO END" in l), None)
    if end is None:
        return []
    # The title: the first non-empty line (`# title`, or the title alone in a plain copy).
    start = next((i for i, l in enumerate(lines) if l.strip()), 0) + 1
    return [(i + 1, lines[i].strip()) for i in range(start, end) if lines[i].strip() and DATE.search(lines[i])]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("docs")
    p.add_argument("extract")
    p.add_argument("--verbose", action="store_true")
    a = p.parse_args()
    recs = {}
    with open(a.extract, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs.setdefault(os.path.basename(r["source"]["path"]), r)
    total = hit = 0
    kinds = collections.Counter()
    missed = []
    for dirpath, _, files in os.walk(a.docs):
        for name in sorted(files):
            if not name.endswith((".md", ".txt")):
                continue
            r = recs.get(name)
            if r is None:
                continue
            events = [e for d in r["documents"] for e in d["metadata"]["events"]]
            kinds.update(e["kind"] for e in events)
            lines_with = {e["line"] for e in events}
            for n, text in header_lines(os.path.join(dirpath, name)):
                total += 1
                if n in lines_with:
                    hit += 1
                else:
                    missed.append((name, n, text))
    print(f"dated header lines: {total}; with events: {hit} ({100 * hit / max(total, 1):.2f} %)")
    print("events by kind:", dict(sorted(kinds.items())))
    if a.verbose:
        for m in missed:
            print("MISS", *m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
