#!/usr/bin/env python3
"""Agreement of gongwen on converted copies of documents with gongwen on the .txt originals.

usage: format_agreement.py [--gongwen BIN] [--show N] [--json] DIR [FORMAT ...]

DIR is an output folder of tools/convert_formats.py: DIR/txt/<stem>.txt are the originals,
DIR/<format>/<stem>.<ext> their copies (FORMAT defaults to md html html-gbk docx pdf, those
present).  There is no gold: the record of the .txt is the reference.  Every folder is run
through `gongwen extract` (the binary named by --gongwen, default target/release/gongwen) into
DIR/out/<format>.jsonl, then each copy is scored against its original with the matching rules of
shared/eval/score_formats.py (multiset of normalised clause paths; responsibilities by holder
overlap + canonical role + clause path; conditions by start text + path; sanctions by overlap +
path).  The reference "gold" of a document is its .txt record: every clause's path and marker,
every responsibility, condition and sanction with its clause path.

Prints per format
    FORMAT docs=N/M pathF1=… marker=… numbered=a/b resp=… cond=… sanc=… (P/R of paths)
where pathF1 is the clause-path F1, marker the share of path-matched clauses whose emitted
marker equals the .txt marker, numbered (DOCX) the clauses rendered from Word numbering
(`marker_source: numbering`) whose marker equals the .txt marker / all of them, and resp,
cond, sanc the F1 of the copy's items against the .txt's items (1.0 = the same).  --show N
lists the N documents with the lowest pathF1 per format, with their first differing paths.
"""
import importlib.util
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

# The shared scorer lives beside the checkout, not in it: the first folder above this file
# that holds shared/eval/score_formats.py, or $GONGWEN_EVAL.
_EVAL = os.environ.get("GONGWEN_EVAL") or next(
    (str(p / "shared" / "eval") for p in Path(__file__).resolve().parents
     if (p / "shared" / "eval" / "score_formats.py").is_file()), "")
sys.path.insert(0, _EVAL)
_spec = importlib.util.spec_from_file_location("score_formats", Path(_EVAL) / "score_formats.py")
F = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(F)
S = F.S

FORMATS = ["md", "html", "html-gbk", "docx", "pdf"]


def extract(gongwen, folder, out):
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        subprocess.run([gongwen, "extract", str(folder)], stdout=f, check=False)
    return F.load_preds(out)


def reference(rec):
    """The .txt record in the shape of a formats gold file."""
    g = {"markers": [], "responsibility": [], "accountability_conditions": [], "sanctions": []}
    for d in rec.get("documents") or []:
        for c in S.flatten(d.get("clauses"), []):
            g["markers"].append({"path": c.get("path"), "marker": c.get("marker")})
        for r in d.get("responsibilities") or []:
            g["responsibility"].append({"holder": r.get("holder"), "role": r.get("role"),
                                        "path": r.get("clause_path")})
        acc = d.get("accountability") or {}
        for c in acc.get("conditions") or []:
            g["accountability_conditions"].append({"path": c.get("clause_path"),
                                                   "start": (c.get("text") or "")[:12]})
        for s in acc.get("sanctions") or []:
            g["sanctions"].append({"path": s.get("clause_path"), "sanction": s.get("sanction"),
                                   "target": s.get("target")})
    return g


def numbered(ref, rec):
    """(equal, all) over the copy's clauses numbered by Word, paired with the .txt clauses
    of the same normalised path in document order."""
    by_path = defaultdict(list)
    for m in ref["markers"]:
        by_path[F.norm_path(m["path"])].append(m["marker"])
    seen = defaultdict(int)
    ok = total = 0
    for d in rec.get("documents") or []:
        for c in S.flatten(d.get("clauses"), []):
            p = F.norm_path(c.get("path"))
            i = seen[p]
            seen[p] += 1
            if c.get("marker_source") != "numbering":
                continue
            total += 1
            ms = by_path.get(p, [])
            ok += i < len(ms) and F.norm_comp(ms[i]) == F.norm_comp(c.get("marker"))
    return ok, total


def paths(rec):
    return [F.norm_path(c.get("path")) for d in (rec or {}).get("documents") or []
            for c in S.flatten(d.get("clauses"), [])]


def main(argv):
    args = argv[1:]
    gongwen, show, as_json = "target/release/gongwen", 0, False
    if "--gongwen" in args:
        i = args.index("--gongwen")
        gongwen = args[i + 1]
        del args[i:i + 2]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if "--json" in args:
        args.remove("--json")
        as_json = True
    if not args:
        print(__doc__)
        return 2
    root = Path(args[0])
    formats = args[1:] or [f for f in FORMATS if (root / f).is_dir()]
    refs = {k: r for k, r in extract(gongwen, root / "txt", root / "out" / "txt.jsonl").items()
            if r.get("status", "ok") != "error"}
    summary = {}
    for fmt in formats:
        preds = extract(gongwen, root / fmt, root / "out" / f"{fmt}.jsonl")
        tot = defaultdict(lambda: [0, 0, 0])
        num_ok = num_all = found = 0
        rows = []
        for stem, rec in sorted(refs.items()):
            ref = reference(rec)
            pred = preds.get(stem)
            ok = pred is not None and pred.get("status", "ok") != "error" and pred.get("documents")
            found += bool(ok)
            res = F.score_doc(ref, pred)
            for k, v in res.items():
                for i, x in enumerate(v):
                    tot[k][i] += x
            if pred:
                a, b = numbered(ref, pred)
                num_ok, num_all = num_ok + a, num_all + b
            rows.append((S.prf(*res["markers"])[2], stem, rec, pred))
        p, r, f = S.prf(*tot["markers"])
        mt = tot["marker_text"][0] / tot["marker_text"][1] if tot["marker_text"][1] else 0.0
        row = {"docs": f"{found}/{len(refs)}", "pathF1": f, "pathP": p, "pathR": r, "marker": mt,
               "numbered": f"{num_ok}/{num_all}",
               **{k: S.prf(*tot[k])[2] for k in ("resp", "cond", "sanc")}}
        summary[fmt] = row
        if not as_json:
            print(f"{fmt:9} docs={row['docs']} pathF1={f:.3f} marker={mt:.3f} "
                  f"numbered={row['numbered']} resp={row['resp']:.3f} cond={row['cond']:.3f} "
                  f"sanc={row['sanc']:.3f} (pathP={p:.3f} pathR={r:.3f})")
        for f1, stem, rec, pred in sorted(rows, key=lambda x: x[0])[:show]:
            if f1 >= 1.0:
                break
            a, b = paths(rec), paths(pred)
            miss = [x for x in a if x not in b][:4]
            extra = [x for x in b if x not in a][:4]
            print(f"    {f1:.3f} {stem}: missing {miss} extra {extra}")
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
