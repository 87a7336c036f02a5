#!/usr/bin/env python3
"""Quadratic-corner check: `gongwen extract -j1` (or `check`) on generated worst cases at
two sizes, with the CPU time and peak memory ratios.

    scripts/bench_scaling.py GONGWEN_BIN [--scale 1.0] [--runs 3] [--family NAME ...]
                             [--items N] [--command extract|check] [--keep DIR]

Shapes:
- size families (full size at --scale 1): a 6 MB file with no line break at all, and a
  6 MB file with about 180 000 markers (一、 → （一） → 1． on short lines);
- item families (issue 19), at --items N and 2N (default 10 000 and 20 000): inline items
  in one paragraph (the numbering repeats （一）…（十）), inline items numbered on, articles
  on one line, a four-level ladder, a compilation of many 篇, a long line of brackets, many
  findings, unconfirmed inline restarts, deep 一是 nesting, lines of a lone 一是 (found by the
  `scaling` fuzz target), attachment lists (附件：), one long sentence without a full stop,
  many statements of responsibility in one clause, title and quotation marks that never close.

Each shape is run at half and full size; a ratio near 2 means linear, near 4 quadratic.
The text is generated here (the same families as tests/scaling.rs, which counts allocated
bytes instead of time).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

SUBJECTS = ["各级党委（党组）", "县级以上人民政府", "市场监督管理部门", "乡镇人民政府", "纪检监察机关"]
VERBS = ["应当建立健全", "负责组织实施", "牵头推进", "配合做好", "切实落实"]
OBJECTS = ["安全生产责任制度", "河湖巡查工作", "廉洁从政各项规定", "信访事项的督办", "主体责任和监督责任"]
SENTENCES = [
    "市场监督管理部门负责本行政区域内的监督管理工作。",
    "违反本办法规定的，由主管部门责令改正，给予警告。",
    "各级党委（党组）应当建立健全安全生产责任制度。",
    "对失职失责的，依规依纪依法严肃问责。",
]
D = "零一二三四五六七八九"


def cn(n):
    """Chinese numeral for 1 <= n < 10000."""
    if n < 10:
        return D[n]
    if n < 20:
        return "十" + (D[n % 10] if n % 10 else "")
    if n < 100:
        return D[n // 10] + "十" + (D[n % 10] if n % 10 else "")
    if n < 1000:
        r = n % 100
        rest = "" if r == 0 else ("零" + D[r] if r < 10 else ("一" + cn(r) if r < 20 else cn(r)))
        return D[n // 100] + "百" + rest
    r = n % 1000
    rest = "" if r == 0 else ("零" + (("一" + cn(r)) if 10 <= r < 20 else cn(r)) if r < 100 else cn(r))
    return D[n // 1000] + "千" + rest


def cn_item(i):
    """The numeral of item i (0-based), cycling below 10000."""
    return cn(i % 9999 + 1)


def sentence(i):
    return SUBJECTS[i % 5] + VERBS[(i // 5) % 5] + OBJECTS[(i // 25) % 5] + "。"


def single_line(size):
    out, n, i = [], 0, 0
    while n < size:
        s = (f"第{cn(i % 9000 + 1)}条　" if i % 7 == 0 else "") + sentence(i)
        out.append(s)
        n += len(s.encode())
        i += 1
    return "".join(out)


def many_markers(size):
    out, n, top = [], 0, 0
    while n < size:
        top += 1
        block = [f"{cn(top)}、{sentence(top)}"]
        for a in range(1, 11):
            block.append(f"（{cn(a)}）{sentence(a + top)}")
            for b in range(1, 4):
                block.append(f"{b}．加强管理。")
        text = "\n".join(block) + "\n"
        out.append(text)
        n += len(text.encode())
    return "".join(out)


# The item families of issue 19: each takes a number of items.


def inline_items(n):
    return "第一条 有下列情形之一的，依法处理：" + "".join(
        f"（{cn(i % 10 + 1)}）对违反规定的，给予警告；" for i in range(n))


def inline_numbered(n):
    out = ["关于加强管理的通知\n一、主要任务："]
    for i in range(n):
        out.append(f"{i % 900 + 1}.{SENTENCES[i % 4]}" if i % 3 == 0 else f"{cn(i % 9 + 1)}是加强管理，")
        out.append("；")
    return "".join(out)


def articles_on_one_line(n):
    return "".join(f"第{cn_item(i)}条 {SENTENCES[i % 4]}" for i in range(n))


def ladder(n):
    lines, a = ["关于加强安全生产工作的实施意见"], 0
    while len(lines) <= n:
        a += 1
        lines.append(f"{cn_item(a)}、总体要求")
        for b in range(1, 6):
            lines.append(f"（{cn(b)}）{SENTENCES[b % 4]}")
            for c in range(1, 4):
                lines.append(f"{c}.{SENTENCES[c % 4]}")
                for d in range(1, 3):
                    lines.append(f"（{d}）{SENTENCES[d % 4]}")
    return "\n".join(lines[: n + 1])


def compilation(n):
    out = [f"《社区工作方案》{n}篇\n\n"]
    for i in range(n):
        out.append(f"篇{cn_item(i)}：《社区工作方案》\n一、{SENTENCES[i % 4]}\n二、{SENTENCES[(i + 1) % 4]}\n")
    return "".join(out)


def brackets(n):
    pieces = ["（", "（一）", "）", "(1)", "（二", "((", "）)", "（三）"]
    return "一、附则：" + "".join(pieces[i % 8] for i in range(n))


def many_findings(n):
    punct = ["、", "，", "、", "．"]
    lines = ["关于开展专项检查的通知"]
    for i in range(n):
        if i % 5 == 4:
            lines.append(f"(- - ){SENTENCES[i % 4]}")
        elif i % 5 == 3:
            lines.append(f"（{cn(i * 3 % 40 + 1)}）{SENTENCES[i % 4]}")
        else:
            lines.append(f"{cn_item(i * 7 % 50)}{punct[i % 4]}{SENTENCES[i % 4]}")
    return "\n".join(lines)


def unconfirmed_restarts(n):
    lines = ["关于做好年度工作的通知", "一、总体要求", "二、主要任务"]
    lines += [f"按照要求；一、{SENTENCES[i % 4]}" for i in range(n)]
    return "\n".join(lines)


def deep_nesting(n):
    return "关于加强管理的通知\n一、主要做法：" + "".join(
        "二是落实责任；" if i % 8 == 7 else "一是加强管理；" for i in range(n))


def marker_lines(n):
    return "关于加强管理工作的规定\n" + "\n一是" * n


def attachment_lines(n):
    lines = ["关于印发工作方案的通知", "一、总体要求", "二、主要任务"]
    lines += [f"附件：{i % 9 + 1}.社区工作方案" if i % 2 else f"{cn_item(i // 2 + 2)}、{SENTENCES[i % 4]}"
              for i in range(n)]
    return "\n".join(lines)


def long_sentence(n):
    pieces = ["由主管部门责令改正，给予警告，", "对直接责任人员处以罚款，", "市场监督管理部门负责监督检查，"]
    return "第一条 违反本办法规定的，" + "".join(pieces[i % 3] for i in range(n)) + "。"


def open_marks(n):
    pieces = ["《", "“", "《某", "“依照", "《《", "依照《某法》第三条"]
    return "第一条 " + "".join(pieces[i % 6] for i in range(n)) + "。"


def many_statements(n):
    bodies = ["市", "县", "区", "乡", "镇", "街道"]
    return "第一条 " + "".join(
        f"{bodies[i % 6]}{bodies[i // 6 % 6]}人民政府负责第{i % 900 + 1}项工作；" for i in range(n))


ITEM_FAMILIES = {
    "inline-items": inline_items,
    "inline-numbered": inline_numbered,
    "articles-one-line": articles_on_one_line,
    "ladder": ladder,
    "compilation": compilation,
    "brackets": brackets,
    "many-findings": many_findings,
    "unconfirmed-restarts": unconfirmed_restarts,
    "deep-nesting": deep_nesting,
    "marker-lines": marker_lines,
    "attachment-lines": attachment_lines,
    "long-sentence": long_sentence,
    "many-statements": many_statements,
    "open-marks": open_marks,
}
SIZE_FAMILIES = {"single-line": single_line, "many-markers": many_markers}


def cpu_of(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    err = p.stderr.read().decode(errors="replace")
    rc = os.waitstatus_to_exitcode(status)
    if rc not in (0, 1, 2):
        sys.exit(f"bench-scaling: {cmd} exited {rc}: {err}")
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gongwen")
    ap.add_argument("--scale", type=float, default=1.0, help="size of the size families")
    ap.add_argument("--items", type=int, default=10_000, help="n of the item families (run at n and 2n)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--command", default="extract", choices=["extract", "check"])
    ap.add_argument("--keep", help="write the generated files to DIR and keep them")
    a = ap.parse_args()
    full = int(6_000_000 * a.scale)
    shapes = [(name, make, (full // 2, full)) for name, make in SIZE_FAMILIES.items()]
    shapes += [(name, make, (a.items, 2 * a.items)) for name, make in ITEM_FAMILIES.items()]
    if a.family:
        unknown = set(a.family) - {s[0] for s in shapes}
        if unknown:
            sys.exit(f"bench-scaling: unknown families {sorted(unknown)}")
        shapes = [s for s in shapes if s[0] in a.family]
    with tempfile.TemporaryDirectory() as tmp:
        where = a.keep or tmp
        os.makedirs(where, exist_ok=True)
        print(f"{'family':22} {'n':>8} {'MB':>7} {'cpu s':>7} {'peak MiB':>9}")
        for name, make, sizes in shapes:
            got = []
            for n in sizes:
                text = make(n)
                path = os.path.join(where, f"{name}-{n}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                runs = [cpu_of([a.gongwen, a.command, "-j1", "-q", path]) for _ in range(a.runs)]
                cpu = statistics.median(r[0] for r in runs)
                rss = max(r[1] for r in runs)
                got.append((cpu, rss))
                print(f"{name:22} {n:>8} {len(text.encode()) / 1e6:>7.2f} {cpu:>7.2f} {rss:>9.0f}")
            (c0, m0), (c1, m1) = got
            print(f"{name:22} ratio 2n/n: cpu {c1 / max(c0, 1e-3):.2f}, peak {m1 / m0:.2f} "
                  "(2 = linear, 4 = quadratic)")


if __name__ == "__main__":
    main()
