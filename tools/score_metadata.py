#!/usr/bin/env python3
"""Score gongwen's document metadata against a gold.

    python3 tools/score_metadata.py GOLD_DIR PRED.jsonl [--verbose] [--json]

GOLD_DIR holds one `<stem>.json` per document with a `metadata` object (the format of
/work/devgold/ANNOTATE.md); PRED.jsonl is `gongwen extract` output. A record is matched to
a gold file by the stem of its source path (`x.md` → `x`; `x.gbk.txt` → `x`). A gold file
without a `metadata` key is skipped; an element the gold does not list is not scored for
that document.

Scoring, per element, summed over documents (micro):
- single values (doc_number, date, issuer, signer, note, printed_by, print_date,
  order_number, copy_number, secrecy, urgency, issuer_mark): one unit each. Equal values
  count a true positive; a predicted value that differs is a false positive and the gold
  value a false negative; a value on one side only is a FP or a FN. Values are compared
  normalised: doc_number by (agency_code, year, serial); dates as ISO strings; names
  without blanks, 中华人民共和国 dropped from order numbers, the brackets dropped from a
  note; several issuers (a joint document) as a set.
- lists (addressees, attachments, cc): one unit per item. Items are split at ，、；
  (whether a writer kept 各省、自治区、直辖市人民政府 together or not is a presentation
  choice) and compared as multisets, blanks removed.
- events: one unit per event, matched on (kind, date) as a multiset; the share of matched
  events whose body is equal is reported beside.

An empty list and null are the same (absent). Prints precision, recall and F1 per element
and overall (all elements, events included); --verbose lists every mismatch.
"""

import argparse
import collections
import json
import os
import re
import sys

SCALARS = [
    "doc_number",
    "date",
    "issuer",
    "signer",
    "note",
    "printed_by",
    "print_date",
    "order_number",
    "copy_number",
    "secrecy",
    "urgency",
    "issuer_mark",
]
LISTS = ["addressees", "attachments", "cc"]
ORDER = SCALARS[:2] + ["addressees"] + SCALARS[2:] + ["attachments", "cc", "events"]

BLANKS = re.compile(r"[\s\u3000\u200b\ufeff]+")


def squeeze(s):
    return BLANKS.sub("", s) if isinstance(s, str) else s


def value_of(v):
    """The value of a gold or predicted element: a dict's `value` (or the dict itself for a
    parsed doc_number), else the thing itself; empty lists and strings are None."""
    if isinstance(v, dict) and "value" in v:
        v = v["value"]
    if v in ("", [], {}):
        return None
    return v


def norm_scalar(key, v):
    v = value_of(v)
    if v is None:
        return None
    if key == "doc_number":
        if isinstance(v, dict):
            return (squeeze(str(v.get("agency_code", ""))), int(v.get("year") or 0), int(v.get("serial") or 0))
        return squeeze(str(v))
    if key == "secrecy":
        if isinstance(v, dict):
            return squeeze(v.get("level") or "")
        return squeeze(str(v))[:2]
    if key == "issuer":
        items = v if isinstance(v, list) else re.split(r"[\s\u3000、，,]+", v.strip())
        return tuple(sorted(squeeze(x) for x in items if squeeze(x)))
    if key == "order_number":
        return squeeze(str(v)).replace("中华人民共和国", "")
    if key == "note":
        return squeeze(str(v)).strip("（）()")
    return squeeze(str(v))


def norm_list(v):
    v = value_of(v)
    if v is None:
        return collections.Counter()
    if isinstance(v, str):
        v = [v]
    items = []
    for x in v:
        x = value_of(x)
        if x is None:
            continue
        for part in re.split(r"[，、；;,]", str(x)):
            part = squeeze(part).strip("。.")
            if part:
                items.append(part)
    return collections.Counter(items)


def norm_events(v):
    v = value_of(v) or []
    return [(e.get("kind"), e.get("date"), squeeze(e.get("body") or "") or None) for e in v]


def stem_of(path):
    name = os.path.basename(path)
    for ext in (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".ofd", ".json"):
        if name.endswith(ext):
            name = name[: -len(ext)]
            break
    # x.gbk / x.gb18030 / x.utf16le-bom: the encoded copies of x.
    name = re.sub(r"\.(gbk|gb18030|utf8|utf-8|big5|utf16le|utf16be)(-bom)?$", "", name)
    return name


def merged_prediction(record):
    """One metadata object for a file: per element the first document that states it;
    events of all documents."""
    out = {}
    events = []
    for d in record.get("documents", []):
        m = d.get("metadata") or {}
        for k, v in m.items():
            if k == "events":
                events.extend(v or [])
            elif value_of(v) is not None and k not in out:
                out[k] = v
    out["events"] = events
    return out


class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    preds = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            preds.setdefault(stem_of(r["source"]["path"]), r)

    tallies = collections.OrderedDict((k, Tally()) for k in ORDER)
    body_ok = body_all = 0
    docs = 0
    missing = []
    notes = []
    for name in sorted(os.listdir(a.gold)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(a.gold, name), encoding="utf-8") as f:
            gold = json.load(f)
        gm = gold.get("metadata")
        if gm is None:
            continue
        stem = stem_of(name)
        rec = preds.get(stem)
        if rec is None:
            missing.append(stem)
            pm = {"events": []}
        else:
            pm = merged_prediction(rec)
        docs += 1
        for key in SCALARS:
            if key not in gm:
                continue
            g = norm_scalar(key, gm.get(key))
            p = norm_scalar(key, pm.get(key))
            t = tallies[key]
            if g is not None and p == g:
                t.add(tp=1)
            else:
                if g is not None:
                    t.add(fn=1)
                if p is not None:
                    t.add(fp=1)
                if g is not None or p is not None:
                    notes.append(f"{stem}: {key}: gold {g!r} predicted {p!r}")
        for key in LISTS:
            if key not in gm:
                continue
            g = norm_list(gm.get(key))
            p = norm_list(pm.get(key))
            both = g & p
            tp = sum(both.values())
            tallies[key].add(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)
            if g != p:
                notes.append(f"{stem}: {key}: gold {sorted(g.elements())} predicted {sorted(p.elements())}")
        if "events" in gm:
            g = norm_events(gm.get("events"))
            p = norm_events(pm.get("events"))
            gk = collections.Counter((k, d) for k, d, _ in g)
            pk = collections.Counter((k, d) for k, d, _ in p)
            both = gk & pk
            tp = sum(both.values())
            tallies["events"].add(tp=tp, fp=sum(pk.values()) - tp, fn=sum(gk.values()) - tp)
            if gk != pk:
                notes.append(f"{stem}: events: gold only {sorted((gk - pk).elements(), key=str)} "
                             f"predicted only {sorted((pk - gk).elements(), key=str)}")
            # Bodies of the matched events.
            pool = list(p)
            for k, d, body in g:
                for i, (pk_, pd, pb) in enumerate(pool):
                    if (pk_, pd) == (k, d):
                        body_all += 1
                        body_ok += pb == body
                        if pb != body:
                            notes.append(f"{stem}: event {k} {d}: body gold {body!r} predicted {pb!r}")
                        pool.pop(i)
                        break

    overall = Tally()
    rows = []
    for key, t in tallies.items():
        if t.tp + t.fp + t.fn == 0:
            continue
        overall.add(t.tp, t.fp, t.fn)
        p, r, f = t.prf()
        rows.append((key, t.tp, t.fp, t.fn, p, r, f))
    p, r, f = overall.prf()
    if a.json:
        print(json.dumps({
            "documents": docs,
            "elements": {k: {"tp": tp, "fp": fp, "fn": fn, "precision": pp, "recall": rr, "f1": ff}
                         for k, tp, fp, fn, pp, rr, ff in rows},
            "overall": {"tp": overall.tp, "fp": overall.fp, "fn": overall.fn, "precision": p, "recall": r, "f1": f},
            "event_body_accuracy": body_ok / body_all if body_all else None,
            "missing": missing,
        }, ensure_ascii=False, indent=1))
        return 0
    print(f"documents with metadata gold: {docs}" + (f" (no record for: {', '.join(missing)})" if missing else ""))
    print(f"{'element':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for key, tp, fp, fn, pp, rr, ff in rows:
        print(f"{key:<14}{tp:>5}{fp:>5}{fn:>5}{pp:>8.3f}{rr:>8.3f}{ff:>8.3f}")
    print(f"{'overall':<14}{overall.tp:>5}{overall.fp:>5}{overall.fn:>5}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    if body_all:
        print(f"event bodies equal on matched events: {body_ok}/{body_all} ({100 * body_ok / body_all:.1f} %)")
    if a.verbose:
        for n in notes:
            print("  " + n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
