#!/usr/bin/env python3
"""Mutation test for `gongwen check`: damage real documents one defect at a time and see
whether the right rule fires at the right line.

Reads the documents at run time (default: ../shared/corpus-real/docs); writes mutated
copies only to a temporary folder, never into the repository.

For every document the clause tree comes from `gongwen extract`. Mutations, each applied
alone to one copy of the document:

  removed     a marker deleted              -> numbering-gap (numbering-start for a first item)
  repeated    a marker given the previous sibling's number      -> numbering-duplicate
  swapped     two adjacent siblings' numbers exchanged          -> numbering-order
  renumbered  a sibling run renumbered from 2                   -> numbering-start
  punct       wrong punctuation after a marker (一， 1、 （一）、 一是： 第X条、) -> marker-punctuation
  style       one sibling in another style ((一) among （一）, 1． among 1.) -> mixed-style
  garbled     a marker damaged like OCR output ((- - ), l., —、) -> garbled-marker

A hit is a finding of the expected rule on an accepted line: the mutated line, and for a
removed marker also the line of the next sibling (where a linter sees the gap). `strict`
counts only findings on the mutated line itself.

Also reports, on the undamaged documents, gap/duplicate/order/start findings per 100
markers (false alarms, if the documents are right).

Usage: tools/mutation/mutate.py [--bin target/release/gongwen] [--docs DIR] [--per-kind N]
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

CN = "零一二三四五六七八九"
INLINE = bool(os.environ.get("INLINE"))
SEQ_RULES = {"numbering-gap", "numbering-duplicate", "numbering-order", "numbering-start"}


def to_cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    r = n % 100
    rest = "" if r == 0 else ("零" + CN[r] if r < 10 else ("一" + to_cn(r) if r < 20 else to_cn(r)))
    return CN[n // 100] + "百" + rest


NUM_RE = re.compile(r"[〇零一二三四五六七八九十百千两]+|[0-9０-９]+|[\u2460-\u2473]|[\u3220-\u3229]")


def renumber(marker, n):
    """The marker with its number replaced by n, in the same numeral system."""
    m = NUM_RE.search(marker)
    if not m:
        return None
    s = m.group(0)
    if s[0] in "0123456789":
        new = str(n)
    elif s[0] in "０１２３４５６７８９":
        new = "".join(chr(ord(c) - 0x30 + 0xFF10) for c in str(n))
    elif "\u2460" <= s[0] <= "\u2473":
        if not 1 <= n <= 20:
            return None
        new = chr(0x2460 + n - 1)
    elif "\u3220" <= s[0] <= "\u3229":
        if not 1 <= n <= 10:
            return None
        new = chr(0x3220 + n - 1)
    else:
        new = to_cn(n)
    return marker[: m.start()] + new + marker[m.end():]


def family(style):
    return style.replace("-half", "")


def flatten(clauses, parent, out):
    for c in clauses:
        c["_parent"] = parent
        out.append(c)
        flatten(c["children"], c["path"], out)


def groups_of(markers):
    g = defaultdict(list)
    for i, c in enumerate(markers):
        g[(c["_parent"], family(c["style"]))].append(i)
    return list(g.values())


def punct_variant(c):
    m, st = c["marker"], family(c["style"])
    if st == "cn-dun" and m.endswith("、"):
        return m[:-1] + "，"
    if st in ("cn-paren", "arabic-paren") and m[-1] in "）)":
        return m + "、"
    if st == "arabic" and m[-1] in ".．":
        return m[:-1] + "、"
    if st == "cn-shi" and m.endswith("是"):
        return m + "："
    if st == "article":
        return m + "、"
    return None


def style_variant(c):
    m, st = c["marker"], family(c["style"])
    if st in ("cn-paren", "arabic-paren"):
        if m.startswith("（") and m.endswith("）"):
            return "(" + m[1:-1] + ")"
        if m.startswith("(") and m.endswith(")"):
            return "（" + m[1:-1] + "）"
    if st == "arabic":
        if m.endswith("."):
            return m[:-1] + "．"
        if m.endswith("．"):
            return m[:-1] + "."
    if st == "cn-dun" and m.endswith("、"):
        return m[:-1] + "．"
    return None


def garble(c, rng):
    m, st = c["marker"], family(c["style"])
    if st == "cn-paren":
        o, cl = m[0], m[-1]
        return o + rng.choice(["- - ", "=", "ニ", "一-", "_ _"]) + cl
    if st == "arabic-paren":
        return m[0] + rng.choice(["l", "I", "- "]) + m[-1]
    if st == "cn-dun":
        return rng.choice(["—", "=", "- "]) + m[-1]
    if st == "arabic" and len(m) == 2:
        return rng.choice(["l", "I", "|"]) + m[-1]
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/gongwen")
    ap.add_argument("--docs", default=next((p for p in ("../shared/corpus-real/docs", "../../shared/corpus-real/docs") if os.path.isdir(p)), "../shared/corpus-real/docs"))
    ap.add_argument("--per-kind", type=int, default=12)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = sorted(os.path.join(args.docs, f) for f in os.listdir(args.docs) if f.endswith(".txt"))
    recs = [json.loads(l) for l in subprocess.run([args.bin, "extract", "-q", *docs],
                                                  capture_output=True, check=True).stdout.decode().splitlines()]
    tmp = tempfile.mkdtemp(prefix="gongwen-mutation-")
    cases = []  # (file, kind, rule, accepted lines, strict line, description)
    total_markers = 0
    for path, rec in zip(docs, recs):
        raw = open(path, "rb").read()
        text = raw.decode("utf-8")
        # Byte offsets -> line numbers (CRLF, CR, LF).
        line_of = []
        ln = 1
        i = 0
        while i < len(raw):
            line_of.append(ln)
            if raw[i] == 0x0D:
                if i + 1 < len(raw) and raw[i + 1] == 0x0A:
                    line_of.append(ln)
                    i += 1
                ln += 1
            elif raw[i] == 0x0A:
                ln += 1
            i += 1
        line_of.append(ln)
        markers = []
        for d in rec["documents"]:
            flatten(d["clauses"], "", markers)
        total_markers += len(markers)
        base = os.path.basename(path)[:-4]
        k = 0

        def emit(kind, rule, edits, accept, strict, desc):
            nonlocal k
            b = bytearray(raw)
            for start, end, new in sorted(edits, reverse=True):
                b[start:end] = new.encode("utf-8")
            name = os.path.join(tmp, f"{base}.{kind}.{k}.txt")
            k += 1
            open(name, "wb").write(b)
            cases.append((name, kind, rule, set(accept), strict, desc))

        def span(c):
            s = c["byte_start"]
            return s, s + len(c["marker"].encode("utf-8"))

        groups = [g for g in groups_of(markers)]
        # Only markers the tree took from line starts (inline ones are left to structure).
        plain = lambda c: not c.get("garbled") and (INLINE or not c.get("inline"))
        pairs = [(g[j - 1], g[j]) for g in groups for j in range(1, len(g))]
        pairs = [(a, b) for a, b in pairs if plain(markers[a]) and plain(markers[b])
                 and markers[b]["number"] == markers[a]["number"] + 1]
        rng.shuffle(pairs)
        singles = [i for i in range(len(markers)) if plain(markers[i])]
        rng.shuffle(singles)
        N = args.per_kind
        # removed: a marker with a next sibling
        nexts = {}
        for g in groups:
            for j in range(len(g) - 1):
                nexts[g[j]] = g[j + 1]
        prevs = {b: a for a, b in pairs}
        cand = [i for i in singles if i in nexts and markers[nexts[i]]["number"] == markers[i]["number"] + 1]
        for i in cand[:N]:
            c, nx = markers[i], markers[nexts[i]]
            rule = "numbering-start" if c["number"] == 1 else "numbering-gap"
            s, e = span(c)
            emit("removed", rule, [(s, e, "")], [c["line"], nx["line"]], c["line"], c["marker"])
        # repeated: marker b gets a's number
        for a, b in pairs[:N]:
            c = markers[b]
            new = renumber(c["marker"], markers[a]["number"])
            if new:
                s, e = span(c)
                emit("repeated", "numbering-duplicate", [(s, e, new)], [c["line"]], c["line"], c["marker"] + "->" + new)
        # swapped
        for a, b in pairs[:N]:
            ca, cb = markers[a], markers[b]
            na, nb = renumber(ca["marker"], cb["number"]), renumber(cb["marker"], ca["number"])
            if na and nb:
                sa, ea = span(ca)
                sb, eb = span(cb)
                emit("swapped", "numbering-order", [(sa, ea, na), (sb, eb, nb)], [ca["line"], cb["line"]], ca["line"],
                     ca["marker"] + "<->" + cb["marker"])
        # renumbered from 2: a whole sibling group that starts at 1
        gs = [g for g in groups if markers[g[0]]["number"] == 1 and all(plain(markers[i]) for i in g)]
        rng.shuffle(gs)
        for g in gs[:N]:
            edits = []
            ok = True
            for i in g:
                new = renumber(markers[i]["marker"], markers[i]["number"] + 1)
                if not new:
                    ok = False
                    break
                s, e = span(markers[i])
                edits.append((s, e, new))
            if ok:
                c = markers[g[0]]
                emit("renumbered", "numbering-start", edits, [c["line"]], c["line"], c["marker"] + "...")
        # punct, style, garbled
        for kind, rule, fn in (("punct", "marker-punctuation", lambda c: punct_variant(c)),
                               ("style", "mixed-style", lambda c: style_variant(c)),
                               ("garbled", "garbled-marker", lambda c: garble(c, rng))):
            n = 0
            for i in singles:
                c = markers[i]
                if kind == "style":
                    # needs siblings to differ from
                    sib = [g for g in groups if i in g][0]
                    if len(sib) < 2:
                        continue
                if kind == "garbled" and i not in nexts and i not in prevs:
                    continue
                new = fn(c)
                if not new:
                    continue
                s, e = span(c)
                emit(kind, rule, [(s, e, new)], [c["line"]], c["line"], c["marker"] + "->" + new)
                n += 1
                if n >= N:
                    break
    # Run check once over everything.
    out = subprocess.run([args.bin, "check", "--format", "json", "-q", tmp], capture_output=True)
    found = defaultdict(list)
    for l in out.stdout.decode().splitlines():
        d = json.loads(l)
        found[d["path"]].append(d)
    # Baseline
    base = subprocess.run([args.bin, "check", "--format", "json", "-q", *docs], capture_output=True)
    base_seq = defaultdict(int)
    for l in base.stdout.decode().splitlines():
        d = json.loads(l)
        if d["rule"] in SEQ_RULES:
            base_seq[os.path.basename(d["path"])] += 1
    per = defaultdict(lambda: [0, 0, 0])
    misses = []
    for name, kind, rule, accept, strict, desc in cases:
        ds = found.get(name, [])
        hit = any(d["rule"] == rule and d["line"] in accept for d in ds)
        shit = any(d["rule"] == rule and d["line"] == strict for d in ds)
        per[kind][0] += 1
        per[kind][1] += hit
        per[kind][2] += shit
        if not hit or (kind == "removed" and not shit and os.environ.get("STRICT")):
            misses.append((kind, os.path.basename(name), desc, sorted(accept),
                           [(d["rule"], d["line"]) for d in ds][:6]))
    print(f"{'kind':12} {'cases':>6} {'recall':>7} {'strict':>7}")
    tc = th = ts = 0
    for kind in ("removed", "repeated", "swapped", "renumbered", "punct", "style", "garbled"):
        c, h, s = per[kind]
        tc, th, ts = tc + c, th + h, ts + s
        if c:
            print(f"{kind:12} {c:6d} {h / c:7.3f} {s / c:7.3f}")
    print(f"{'overall':12} {tc:6d} {th / max(tc, 1):7.3f} {ts / max(tc, 1):7.3f}")
    fa = sum(base_seq.values())
    print(f"undamaged: {fa} gap/duplicate/order/start findings over {total_markers} markers = "
          f"{100 * fa / max(total_markers, 1):.2f} per 100 markers")
    for k, v in sorted(base_seq.items()):
        print(f"  {k}: {v}")
    if args.show_misses:
        for m in misses:
            print("MISS", *m)


if __name__ == "__main__":
    main()
