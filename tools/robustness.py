#!/usr/bin/env python3
"""Measure how stable the structure stage is under degradation.

For every document of a folder that has no gold, gongwen's output on the
clean text is the reference.  Each variant of tools/degrade.py is generated
into a scratch folder (never into the repository), run through
`gongwen extract -q`, and its flattened clause list is compared with the
reference: markers are matched in order (longest common subsequence), then
the matched pairs' paths are compared.

Usage:
    robustness.py [--docs DIR] [--bin PATH] [--seeds 1 2 3]
                  [--variants pdf-wrap ...] [--detail DOC-SUBSTRING] [--skip DOC-SUBSTRING]

Markers and paths are compared after NFKC, whitespace removal, stripping a
trailing 、.． and (paths) a `#n` suffix.  Compilations are scored against
the concatenated references of their parts, and their document count
against the number of parts.
"""

import argparse
import difflib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import degrade  # noqa: E402

GOLD_PREFIXES = ("b02", "g01", "l08", "p02", "seed")
DEFAULT_VARIANTS = ["pdf-wrap", "ocr-space", "halfwidth", "inline-list",
                    "mix", "mix-gb18030", "utf16", "compilation",
                    "compilation-mix"]


def norm_comp(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"#\d+$", "", s)
    return s.rstrip("、.．")


def norm_path(p):
    return "/".join(norm_comp(c) for c in (p or "").split("/") if c)


def flatten(clauses, out):
    for c in clauses or []:
        out.append(c)
        flatten(c.get("children"), out)
    return out


def clauses_of(record):
    out = []
    for d in record.get("documents") or []:
        flatten(d.get("clauses"), out)
    return out


def run_extract(binary, folder):
    """Run gongwen over a folder; return {file name: record}."""
    proc = subprocess.run([binary, "extract", "-q", str(folder)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    records = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        name = Path((rec.get("source") or {}).get("path") or "").name
        records[name] = rec
    return records


def compare(ref, out):
    """Return (tp, npred, nref, path_ok, diffs) for two clause lists."""
    rk = [norm_comp(c.get("marker")) for c in ref]
    ok = [norm_comp(c.get("marker")) for c in out]
    sm = difflib.SequenceMatcher(None, rk, ok, autojunk=False)
    tp = 0
    path_ok = 0
    diffs = []
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            tp += 1
            rp = norm_path(ref[a + k].get("path"))
            op = norm_path(out[b + k].get("path"))
            if rp == op:
                path_ok += 1
            else:
                diffs.append(("path", ref[a + k], out[b + k]))
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            diffs.append((tag, ref[i1:i2], out[j1:j2]))
    return tp, len(out), len(ref), path_ok, diffs


def f1(tp, npred, nref):
    p = tp / npred if npred else (1.0 if nref == 0 else 0.0)
    r = tp / nref if nref else (1.0 if npred == 0 else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def brief(c):
    return f"{c.get('marker')}@{c.get('line')}[{c.get('path')}]"


def show_diffs(diffs, limit):
    for d in diffs[:limit]:
        if d[0] == "path":
            print(f"      path   ref {brief(d[1])}  got {brief(d[2])}")
        else:
            print(f"      {d[0]:7} ref {' '.join(brief(c) for c in d[1][:6])}"
                  f"  got {' '.join(brief(c) for c in d[2][:6])}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", default="/work/shared/corpus-real/docs")
    ap.add_argument("--bin", default="target/release/gongwen")
    ap.add_argument("--seeds", type=int, nargs="+", default=[1])
    ap.add_argument("--variants", nargs="+", default=DEFAULT_VARIANTS)
    ap.add_argument("--detail", action="append", default=[],
                    help="print mismatches for documents whose name contains this")
    ap.add_argument("--skip", action="append", default=[],
                    help="leave out documents whose name contains this")
    ap.add_argument("--limit", type=int, default=12)
    ap.add_argument("--quiet", action="store_true", help="summary lines only")
    args = ap.parse_args(argv)

    docs = sorted(p for p in Path(args.docs).iterdir()
                  if p.suffix == ".txt" and not p.name.startswith(GOLD_PREFIXES)
                  and not any(s in p.name for s in args.skip))
    texts = {p.name: p.read_bytes().decode("utf-8") for p in docs}
    scratch = Path(tempfile.mkdtemp(prefix="gongwen-robust-"))
    refs = run_extract(args.bin, args.docs)
    ref_clauses = {n: clauses_of(refs[n]) for n in texts}
    ref_ndocs = {n: len(refs[n].get("documents") or []) for n in texts}

    grand = {}
    for seed in args.seeds:
        for variant in args.variants:
            folder = scratch / f"s{seed}" / variant
            folder.mkdir(parents=True)
            expected = {}
            if variant.startswith("compilation"):
                names = list(texts)
                random.Random(seed).shuffle(names)
                i = 0
                k = 0
                while i < len(names):
                    group = names[i:i + random.Random(seed * 97 + k).randint(2, 4)]
                    if len(group) < 2:
                        group = names[i - 1:i + 1]
                    i += len(group)
                    out = f"comp{k:02d}_{'+'.join(n[:3] for n in group)}.txt"
                    data = degrade.degrade(variant, [texts[n] for n in group], seed)
                    (folder / out).write_bytes(data)
                    ref = [c for n in group for c in ref_clauses[n]]
                    expected[out] = (ref, sum(ref_ndocs[n] for n in group), len(group))
                    k += 1
            else:
                for n, t in texts.items():
                    (folder / n).write_bytes(degrade.degrade(variant, [t], seed))
                    expected[n] = (ref_clauses[n], ref_ndocs[n], None)
            got = run_extract(args.bin, folder)
            tot = [0, 0, 0, 0]
            doc_count_bad = 0
            if not args.quiet:
                print(f"== seed {seed} variant {variant}")
            for n, (ref, nref_docs, nparts) in sorted(expected.items()):
                rec = got.get(n) or {}
                out = clauses_of(rec)
                tp, npred, nref, pok, diffs = compare(ref, out)
                for j, v in enumerate((tp, npred, nref, pok)):
                    tot[j] += v
                ndocs = len(rec.get("documents") or [])
                extra = ""
                if nparts is not None:
                    extra = f" docs={ndocs}/{nparts}"
                    if ndocs != nparts:
                        doc_count_bad += 1
                if not args.quiet:
                    print(f"  {n[:44]:44} mkF1={f1(tp, npred, nref):.3f} "
                          f"path={pok / max(1, tp):.3f} ({tp}/{npred}/{nref}){extra}")
                if any(s in n for s in args.detail):
                    show_diffs(diffs, args.limit)
            mf = f1(tot[0], tot[1], tot[2])
            pa = tot[3] / max(1, tot[0])
            g = grand.setdefault(variant, [0, 0, 0, 0, 0])
            for j in range(4):
                g[j] += tot[j]
            g[4] += doc_count_bad
            extra = (f" doc_count_wrong={doc_count_bad}"
                     if variant.startswith("compilation") else "")
            print(f"SUMMARY seed={seed} {variant:12} markerF1={mf:.3f} "
                  f"(P={tot[0] / max(1, tot[1]):.3f} R={tot[0] / max(1, tot[2]):.3f}) "
                  f"path_acc={pa:.3f}{extra}")
    if len(args.seeds) > 1:
        for variant, g in grand.items():
            print(f"TOTAL {variant:12} markerF1={f1(g[0], g[1], g[2]):.3f} "
                  f"path_acc={g[3] / max(1, g[0]):.3f} over seeds {args.seeds}"
                  + (f" doc_count_wrong={g[4]}"
                     if variant.startswith("compilation") else ""))
    print(f"(variants written under {scratch})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
