#!/usr/bin/env python3
"""Reference resolution on statutes, measured without gold.

    python3 tools/refs_eval.py resolve DOCS_DIR EXTRACT.jsonl [--verbose]
    python3 tools/refs_eval.py delete DOCS_DIR --bin target/release/gongwen [--per-doc 3] [--seed 1]

`resolve`: every reference of the form 本法/本条例/本规定/本办法/本细则…第X条 (之Y) in the
body of each statute (after the LawRefBook `<!-- INFO END -->` line when there is one) is
found with a regular expression, independently of gongwen. It is right when gongwen's
output holds a reference on that line whose target's last path component is 第X条(之Y) and
the document has an article whose line-start marker is 第X条(之Y); when the document has no
such article, it is right when gongwen marks it unresolved. Amendments (…修正案, 关于修改
《…》的决定: their 本法 is the law amended) and, in an excerpt, citations before its first
article and documents without any 第X条 article are not counted. Prints the share resolved right
(target ≥ 97 %) and the `dangling-reference` findings per 1,000 internal references (target
≤ 1 on consistent texts), with the findings listed under --verbose.

`delete`: for up to --per-doc articles per document that another article cites with
本法…第X条, delete that article's lines (numbering nothing anew), run `gongwen extract` on
the copy and count whether `dangling-reference` fires on a line that cites it (target ≥ 90 %).
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

CN = "〇零一二三四五六七八九十百千两"
NUM = f"[{CN}]+|[0-9０-９]+"
OWN = "本(?:实施细则|实施办法|实施条例|暂行规定|暂行办法|法典|条例|规定|办法|细则|规则|准则|决定|解释|章程|规程|守则|法)"
# 基本法 (香港特别行政区基本法第一条) is a name, not 本法.
REF = re.compile(f"(?<!基){OWN}第({NUM})条(?:之([{CN}]+))?")
MARKER = re.compile(f"^\\s*(?:\\*\\*)?第\\s*({NUM})\\s*条(?:之([{CN}]+))?(?:\\*\\*)?(?![规的之第、款项和或至及中所])")
TITLE_QUOTE = re.compile("《[^》\n]{0,200}》|“[^”\n]{0,300}”")


def cn_value(s):
    """Value of a Chinese or Arabic numeral (一百零五, 105, １０５)."""
    s = s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    total, cur = 0, 0
    for c in s:
        if c in digits:
            cur = digits[c]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (cur or 1) * unit
            cur = 0
    return total + cur


def label(num, ins):
    """The path component of article (num, ins)."""
    from_cn = to_cn(num)
    return f"第{from_cn}条" + (f"之{to_cn(ins)}" if ins else "")


def to_cn(n):
    d = "零一二三四五六七八九"
    if n < 10:
        return d[n]
    if n < 20:
        return "十" + (d[n - 10] if n > 10 else "")
    if n < 100:
        return d[n // 10] + "十" + (d[n % 10] if n % 10 else "")
    if n < 1000:
        r = n % 100
        rest = "" if r == 0 else ("零" + d[r] if r < 10 else ("一" + to_cn(r) if r < 20 else to_cn(r)))
        return d[n // 100] + "百" + rest
    r = n % 1000
    rest = "" if r == 0 else (
        "零" + ("一" + to_cn(r) if 10 <= r < 20 else to_cn(r)) if r < 100 else to_cn(r))
    return d[n // 1000] + "千" + rest


def body_start(lines):
    """Index of the first body line: after `<!-- INFO END -->`, else 0."""
    for i, l in enumerate(lines):
        if "INFO END" in l:
            return i + 1
    return 0


def read_lines(path):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    return re.split("\r\n|\r|\n", text)


def articles_of(lines):
    """{(num, ins): [line numbers]} of line-start article markers in the body."""
    out = {}
    for i in range(body_start(lines), len(lines)):
        m = MARKER.match(lines[i])
        if m:
            key = (cn_value(m.group(1)), cn_value(m.group(2)) if m.group(2) else 0)
            out.setdefault(key, []).append(i + 1)
    return out


def is_amendment(lines):
    """An amendment (…修正案) or an amending decision (关于修改《…》的决定): its 本法 is the
    law it amends, not itself."""
    head = next((l for l in lines if l.strip()), "")
    return "修正案" in head or (("修改" in head or "修正" in head) and "决定" in head)


def citations(lines):
    """[(line, num, ins)] of 本法…第X条 references in the body (not inside 《》 or “”)."""
    out = []
    if is_amendment(lines):
        return out
    for i in range(body_start(lines), len(lines)):
        line = TITLE_QUOTE.sub(lambda m: "□" * len(m.group(0)), lines[i])
        for m in REF.finditer(line):
            ins = cn_value(m.group(2)) if m.group(2) else 0
            out.append((i + 1, cn_value(m.group(1)), ins))
    return out


def walk_docs(root):
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".md", ".txt")):
                yield os.path.join(dirpath, f)


def load_records(jsonl):
    recs = {}
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs.setdefault(os.path.normpath(r["source"]["path"]), r)
    return recs


def cmd_resolve(a):
    recs = load_records(a.extract)
    by_name = {os.path.basename(p): r for p, r in recs.items()}
    total = right = 0
    wrong = []
    internal = 0
    dangling = []
    for path in sorted(walk_docs(a.docs)):
        r = recs.get(os.path.normpath(path)) or by_name.get(os.path.basename(path))
        if r is None or r.get("status") != "ok":
            continue
        lines = read_lines(path)
        arts = articles_of(lines)
        refs = [x for d in r["documents"] for x in d.get("references", [])]
        for d in r["documents"]:
            internal += sum(1 for x in d.get("references", []) if not x.get("document"))
            dangling += [(path, x) for x in d["diagnostics"] if x["rule"] == "dangling-reference"]
        if not arts:
            # No 第X条 articles: the measure is about articles.
            continue
        first = min(k[0] for k in arts)
        for line, num, ins in citations(lines):
            # An excerpt (a 编 of a code starting at its 第四百六十三条) cannot be judged on
            # what it cites before its first article.
            if num < first:
                continue
            total += 1
            want = label(num, ins)
            on_line = [x for x in refs if x["line"] == line and not x.get("document")]
            if (num, ins) in arts:
                # The article is the one named (whether its 款/项 exist is dangling-reference's
                # to say).
                ok = any(x["target"] and x["target"].split("/")[-1] == want for x in on_line)
            else:
                ok = any(not x["resolved"] and x["target"] is None for x in on_line)
            right += ok
            if not ok:
                wrong.append((path, line, want, [(x["text"], x["target"], x["resolved"]) for x in on_line]))
    print(f"本法…第X条 references: {total}, resolved right: {right} ({100 * right / max(total, 1):.2f} %)")
    print(f"internal references in the output: {internal}; dangling-reference findings: "
          f"{len(dangling)} ({1000 * len(dangling) / max(internal, 1):.2f} per 1,000)")
    if a.verbose:
        for path, line, want, got in wrong:
            print(f"WRONG {path}:{line} want {want} got {got}")
        for path, x in dangling:
            print(f"DANGLING {path}:{x['line']}:{x['column']} {x['message']}")


def article_span(lines, key, arts):
    """Lines [first, last) of article `key`: from its marker to the next marker or heading."""
    first = arts[key][0] - 1
    last = first + 1
    while last < len(lines):
        l = lines[last]
        if MARKER.match(l) or re.match(r"^\s*#+\s", l) or re.match(f"^\\s*第({NUM})[章节编]", l):
            break
        last += 1
    return first, last


def cmd_delete(a):
    rng = random.Random(a.seed)
    tried = fired = 0
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for path in sorted(walk_docs(a.docs)):
            lines = read_lines(path)
            arts = articles_of(lines)
            cites = citations(lines)
            cited = {}
            for line, num, ins in cites:
                key = (num, ins)
                # Only articles that exist once, cited from another article.
                if key in arts and len(arts[key]) == 1:
                    first, last = article_span(lines, key, arts)
                    if not first < line - 1 < last:
                        cited.setdefault(key, []).append(line)
            keys = sorted(cited)
            rng.shuffle(keys)
            for k, key in enumerate(keys[: a.per_doc]):
                first, last = article_span(lines, key, arts)
                kept = lines[:first] + lines[last:]
                removed = last - first
                # Citing lines after the deletion.
                citing = {l if l - 1 < first else l - removed for l in cited[key]}
                name = f"{len(jobs):05d}_{k}.md"
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write("\n".join(kept))
                jobs.append((name, path, key, citing))
        out = subprocess.run([a.bin, "extract", "-q", tmp], capture_output=True, check=False)
        recs = {}
        for line in out.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            recs[os.path.basename(r["source"]["path"])] = r
        for name, path, key, citing in jobs:
            r = recs.get(name)
            if r is None:
                continue
            tried += 1
            lines_fired = {d["line"] for doc in r["documents"] for d in doc["diagnostics"]
                           if d["rule"] == "dangling-reference"}
            if lines_fired & citing:
                fired += 1
            else:
                misses.append((path, label(*key), sorted(citing)))
    print(f"deleted cited articles: {tried}; dangling-reference at a citing line: {fired} "
          f"({100 * fired / max(tried, 1):.2f} %)")
    if a.verbose:
        for m in misses:
            print("MISS", *m)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("resolve")
    r.add_argument("docs")
    r.add_argument("extract")
    r.add_argument("--verbose", action="store_true")
    d = sub.add_parser("delete")
    d.add_argument("docs")
    d.add_argument("--bin", default="target/release/gongwen")
    d.add_argument("--per-doc", type=int, default=3)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--verbose", action="store_true")
    a = p.parse_args()
    {"resolve": cmd_resolve, "delete": cmd_delete}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
