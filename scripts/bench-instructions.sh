#!/usr/bin/env bash
# Deterministic cross-check of scripts/bench-e2e.sh for a shared or noisy machine: both
# programs run once under valgrind's cache and branch simulator (callgrind), and their
# costs are compared. Instruction counts do not depend on what else the machine does.
#
#   scripts/bench-instructions.sh FOLDER
#
# Prints, for `gongwen extract -j1 -q FOLDER` and for the bare jieba-rs cut
# (examples/bare_cut), the instructions (Ir) and an estimate of cycles,
#   CEst = Ir + 10 × L1 misses + 100 × last-level misses + 10 × mispredicted branches,
# and the ratios. Valgrind hides the CPU's SHA extensions, so the file digests cost about
# ten times their real price here; the line "sha256" gives that share to subtract.
# Runs ~20x slower than the programs themselves (a 5 MB folder: about a minute).
set -euo pipefail

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
folder=$1
command -v valgrind >/dev/null || { echo "bench-instructions: valgrind not found" >&2; exit 2; }
if [[ -z ${GONGWEN_BIN:-} || -z ${BARE_BIN:-} ]]; then
    (cd "$here" && cargo build --quiet --release --bin gongwen --example bare_cut)
    target=$(cd "$here" && cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    GONGWEN_BIN=${GONGWEN_BIN:-$target/release/gongwen}
    BARE_BIN=${BARE_BIN:-$target/release/examples/bare_cut}
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { # name, command...
    local name=$1
    shift
    valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes \
        --callgrind-out-file="$tmp/$name.out" "$@" >/dev/null 2>"$tmp/$name.err"
}
run gongwen "$GONGWEN_BIN" extract -j1 -q "$folder"
run bare "$BARE_BIN" "$folder"

python3 - "$tmp" <<'PY'
import re, subprocess, sys
tmp = sys.argv[1]

def totals(name):
    text = open(f"{tmp}/{name}.out").read()
    events = re.search(r"^events: (.*)$", text, re.M).group(1).split()
    values = re.search(r"^(?:summary|totals): (.*)$", text, re.M).group(1).split()
    d = dict(zip(events, map(int, values)))
    l1 = d.get("I1mr", 0) + d.get("D1mr", 0) + d.get("D1mw", 0)
    ll = d.get("ILmr", 0) + d.get("DLmr", 0) + d.get("DLmw", 0)
    br = d.get("Bcm", 0) + d.get("Bim", 0)
    return d["Ir"], d["Ir"] + 10 * l1 + 100 * ll + 10 * br

def sha_share(name):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", f"{tmp}/{name}.out"],
                         capture_output=True, text=True).stdout
    best = 0
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) ", line)
        if m and "sha256_hex" in line:
            best = max(best, int(m.group(1).replace(",", "")))
    return best

g_ir, g_c = totals("gongwen")
b_ir, b_c = totals("bare")
sha = sha_share("gongwen")
print(f"gongwen extract -j1: Ir {g_ir/1e6:9.1f} M  CEst {g_c/1e6:9.1f} M  (sha256 under valgrind: {sha/1e6:.1f} M Ir)")
print(f"bare jieba-rs cut:   Ir {b_ir/1e6:9.1f} M  CEst {b_c/1e6:9.1f} M")
print(f"ratio: Ir {g_ir/b_ir:.2f}  CEst {g_c/b_c:.2f}  CEst without 90% of the digests {(g_c-0.9*sha)/b_c:.2f}")
PY
