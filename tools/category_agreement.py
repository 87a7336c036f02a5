#!/usr/bin/env python3
"""Agreement of extracted sanction categories, penalty kinds and `imposed` with a gold.

usage: category_agreement.py GOLD_DIR PRED.jsonl [--show N]

GOLD_DIR holds gold files in the format of shared/eval/score.py whose sanctions carry
`category`, `penalty_kind` and `imposed` (contract.md, "SANCTION — two more fields").
Sanctions are paired exactly as score.py pairs them (same path, overlapping terms,
one-to-one, in gold order); over the pairs whose gold gives a category it prints

    SANCCAT category=<fraction> kind=<fraction> imposed=<fraction> pairs=<n>

and, with --show N, up to N disagreements.
"""
import json
import os
import sys
from pathlib import Path

# The gold scorer (shared/eval/score.py) lives beside the checkout, not in it: the first
# folder above this file that holds shared/eval/score.py, or $GONGWEN_EVAL.
_EVAL = os.environ.get("GONGWEN_EVAL") or next(
    (str(p / "shared" / "eval") for p in Path(__file__).resolve().parents
     if (p / "shared" / "eval" / "score.py").is_file()), "")
sys.path.insert(0, _EVAL)
import score as S  # noqa: E402


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    gold_dir, pred_file = Path(argv[1]), Path(argv[2])
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    preds = {}
    for line in pred_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            rec = json.loads(line)
            preds.setdefault(S.doc_key(rec["source"]["path"]), rec)
    n = cat = kind = imposed = 0
    shown = []
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        rec = preds.get(S.doc_key(gold.get("doc") or gf.name))
        if not rec:
            continue
        rng = gold.get("line_range")
        sancs = [s for d in rec.get("documents") or []
                 for s in (d.get("accountability") or {}).get("sanctions") or []
                 if S.in_scope(s.get("line"), rng)]
        _, pairs = S.match_greedy(
            gold.get("sanctions", []), sancs,
            lambda g, p: S.norm_path(g["path"]) == S.norm_path(p.get("clause_path"))
            and S.overlap(g["sanction"], p.get("sanction")))
        for g, p in pairs:
            if not g.get("category"):
                continue
            n += 1
            ok_cat = g["category"] == p.get("category")
            ok_kind = g.get("penalty_kind") == p.get("penalty_kind")
            ok_imp = bool(g.get("imposed")) == bool(p.get("imposed"))
            cat += ok_cat
            kind += ok_cat and ok_kind
            imposed += ok_imp
            if not (ok_cat and ok_kind) and len(shown) < show:
                shown.append(f"  {gf.stem[:24]} {g['path']} {g['sanction']}: gold "
                             f"{g['category']}/{g.get('penalty_kind')} got "
                             f"{p.get('category')}/{p.get('penalty_kind')}")
    print("\n".join(shown))
    print(f"SANCCAT category={cat / max(1, n):.3f} kind={kind / max(1, n):.3f} "
          f"imposed={imposed / max(1, n):.3f} pairs={n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
