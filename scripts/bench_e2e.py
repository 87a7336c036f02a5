#!/usr/bin/env python3
"""End-to-end timing of `gongwen extract` against a bare jieba-rs cut of the same files.

Paired runs: each pair runs the bare cut (examples/bare_cut.rs) and `gongwen extract -j1 -q`
over the same folder, alternating which goes first, and takes the ratio of their CPU times
(user + sys of the child, from wait4). Prints the median ratio, start-up time (an empty
input, against the bare dictionary load), peak RSS, and `-j2` against `-j1` (CPU and wall),
next to the bare cut's own `-j2` and the bound the serial dictionary load sets.
Called by scripts/bench-e2e.sh, which builds the binaries first.
"""

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Run cmd; return (cpu seconds, wall seconds, peak RSS in MiB, exit code)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    # ru_maxrss is in KiB on Linux.
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss / 1024, p.returncode, err


def checked(cmd, ok=(0,), **kw):
    cpu, wall, rss, rc, err = run(cmd, **kw)
    if rc not in ok:
        sys.exit(f"bench-e2e: {' '.join(cmd)} exited {rc}:\n{err}")
    return cpu, wall, rss


def folder_bytes(path):
    total, files = 0, 0
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            if not n.startswith("."):
                total += os.path.getsize(os.path.join(root, n))
                files += 1
    return files, total


def sha_of_run(cmd):
    with tempfile.TemporaryFile() as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=False)
        f.seek(0)
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--gongwen", required=True, help="path of the gongwen binary")
    ap.add_argument("--bare", required=True, help="path of the bare_cut example binary")
    ap.add_argument("--runs", type=int, default=5, help="paired runs (default 5)")
    ap.add_argument("--no-threads", action="store_true", help="skip the -j2 comparison")
    a = ap.parse_args()

    files, nbytes = folder_bytes(a.folder)
    mb = nbytes / 1e6
    print(f"input: {a.folder}: {files} files, {mb:.1f} MB")
    extract = [a.gongwen, "extract", "-j1", "-q", a.folder]
    bare = [a.bare, a.folder]
    # gongwen exits 2 when some input could not be processed; that is still a full run.
    ok = (0, 2)

    # Warm the page cache and both binaries.
    checked(bare)
    checked(extract, ok=ok)

    pairs = []
    rss = []
    for i in range(a.runs):
        if i % 2 == 0:
            b = checked(bare)
            g = checked(extract, ok=ok)
        else:
            g = checked(extract, ok=ok)
            b = checked(bare)
        pairs.append((g[0] / b[0], g, b))
        rss.append(g[2])
        print(
            f"  run {i + 1}: gongwen cpu {g[0]:.2f} s wall {g[1]:.2f} s rss {g[2]:.0f} MiB | "
            f"bare cpu {b[0]:.2f} s | ratio {g[0] / b[0]:.2f}"
        )
    ratios = [p[0] for p in pairs]
    g_cpu = statistics.median(p[1][0] for p in pairs)
    b_cpu = statistics.median(p[2][0] for p in pairs)
    print(
        f"extract -j1 CPU / bare cut CPU: median {statistics.median(ratios):.2f} "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}, {len(ratios)} pairs)"
    )
    print(
        f"  gongwen {g_cpu:.2f} s CPU = {mb / g_cpu:.1f} MB/s; bare cut {b_cpu:.2f} s CPU = "
        f"{mb / b_cpu:.1f} MB/s"
    )
    print(f"peak RSS extract -j1: {max(rss):.0f} MiB (median {statistics.median(rss):.0f})")

    # Start-up: an empty input, a one-line document (which builds the segmenter), and the
    # bare dictionary load (bare_cut with no paths).
    def median_of(cmd_runs):
        return tuple(statistics.median(r[i] for r in cmd_runs) for i in range(3))

    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.txt")
        tiny = os.path.join(tmp, "tiny.txt")
        open(empty, "wb").close()
        with open(tiny, "w", encoding="utf-8") as f:
            f.write("第一条　各级党委（党组）承担主体责任，对失职失责的依规依纪追究责任。\n")
        runs = {"empty": [], "tiny": [], "load": []}
        for _ in range(7):
            runs["empty"].append(checked([a.gongwen, "extract", "-q", empty], ok=ok))
            runs["tiny"].append(checked([a.gongwen, "extract", "-q", tiny], ok=ok))
            runs["load"].append(checked([a.bare]))
    for name, label in [
        ("empty", "extract on an empty file"),
        ("tiny", "extract on a one-sentence file"),
        ("load", "bare Jieba::new() (default dictionary)"),
    ]:
        cpu, wall, mem = median_of(runs[name])
        print(f"start-up, {label}: wall {wall:.3f} s, cpu {cpu:.3f} s, rss {mem:.0f} MiB")

    if not a.no_threads:
        j2 = [a.gongwen, "extract", "-j2", "-q", a.folder]
        bare2 = [a.bare, "-j2", a.folder]
        one, two, bone, btwo = [], [], [], []
        for i in range(max(3, a.runs // 2)):
            one.append(checked(extract, ok=ok))
            two.append(checked(j2, ok=ok))
            bone.append(checked(bare))
            btwo.append(checked(bare2))
        c1 = statistics.median(x[0] for x in one)
        w1 = statistics.median(x[1] for x in one)
        c2 = statistics.median(x[0] for x in two)
        w2 = statistics.median(x[1] for x in two)
        print(
            f"-j1: cpu {c1:.2f} s wall {w1:.2f} s | -j2: cpu {c2:.2f} s wall {w2:.2f} s, "
            f"peak RSS {max(x[2] for x in two):.0f} MiB | wall speed-up {w1 / w2:.2f}x, "
            f"CPU/wall at -j2 {c2 / w2:.2f}"
        )
        # The dictionary load is serial in both: what -j2 could give at most (Amdahl).
        load = median_of(runs["load"])[1]
        bound = w1 / (load + (w1 - load) / 2)
        bw1 = statistics.median(x[1] for x in bone)
        bw2 = statistics.median(x[1] for x in btwo)
        print(
            f"  bound from the serial dictionary load ({load:.3f} s): {bound:.2f}x; "
            f"the bare cut itself: -j1 wall {bw1:.2f} s, -j2 wall {bw2:.2f} s, "
            f"speed-up {bw1 / bw2:.2f}x"
        )
        same = sha_of_run(extract) == sha_of_run(j2)
        print(f"-j1 and -j2 outputs byte-identical: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
