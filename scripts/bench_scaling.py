#!/usr/bin/env python3
"""Quadratic-corner check: `gongwen extract -j1` on generated worst cases at two sizes.

    scripts/bench_scaling.py GONGWEN_BIN [--scale 1.0]

Shapes (full size at --scale 1): a 6 MB file with no line break at all, and a 6 MB file with
about 180 000 markers (一、 → （一） → 1． on short lines). Each is run at half and full size;
a time ratio near 2 means linear, near 4 quadratic. The text is generated here.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SUBJECTS = ["各级党委（党组）", "县级以上人民政府", "市场监督管理部门", "乡镇人民政府", "纪检监察机关"]
VERBS = ["应当建立健全", "负责组织实施", "牵头推进", "配合做好", "切实落实"]
OBJECTS = ["安全生产责任制度", "河湖巡查工作", "廉洁从政各项规定", "信访事项的督办", "主体责任和监督责任"]
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
    return "".join(out), top * 41


def cpu_of(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    rc = os.waitstatus_to_exitcode(status)
    if rc not in (0, 2):
        sys.exit(f"bench-scaling: {cmd} exited {rc}: {err}")
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gongwen")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    full = int(6_000_000 * a.scale)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in [("single-line", lambda s: (single_line(s), None)), ("many-markers", many_markers)]:
            times = []
            for size in (full // 2, full):
                text, markers = make(size)
                path = os.path.join(tmp, f"{name}-{size}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                runs = [cpu_of([a.gongwen, "extract", "-j1", "-q", path]) for _ in range(a.runs)]
                cpu = statistics.median(r[0] for r in runs)
                rss = max(r[2] for r in runs)
                times.append(cpu)
                extra = f", {markers} markers" if markers else ""
                print(f"{name}: {len(text.encode()) / 1e6:.1f} MB{extra}: cpu {cpu:.2f} s, "
                      f"{len(text.encode()) / 1e6 / cpu:.1f} MB/s, peak RSS {rss:.0f} MiB")
            print(f"{name}: full/half CPU ratio {times[1] / times[0]:.2f} (2 = linear, 4 = quadratic)")


if __name__ == "__main__":
    main()
