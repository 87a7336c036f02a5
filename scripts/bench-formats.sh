#!/usr/bin/env bash
# CPU cost of `gongwen extract` on documents in another format against the same documents
# as plain text (issue 15: DOCX should cost at most 1.5x the text):
#   scripts/bench-formats.sh DIR COPIES [FORMAT_EXT]
# DIR holds the documents as FORMAT_EXT files (default docx). Their text views (what
# `gongwen text` prints, the very text the stages read) are written as .txt beside copies,
# so both runs analyse the same lines. Each side is COPIES copies of every document, run
# with -j1, in turns, RUNS (default 7) times each; the least CPU time of each side is kept
# (perf's task-clock, or user+sys from /usr/bin/time). Needs a release build.
set -euo pipefail
if [[ $# -lt 2 || $# -gt 3 ]]; then
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
dir=$1 copies=$2 ext=${3:-docx}
bin=${GONGWEN:-target/release/gongwen}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/txt"
for f in "$dir"/*."$ext"; do
    stem=$(basename "$f" ."$ext")
    "$bin" text "$f" > "$work/txt/$stem.txt"
    for ((k = 1; k <= copies; k++)); do
        cp "$f" "$work/in/$stem.$k.$ext"
        cp "$work/txt/$stem.txt" "$work/txt/$stem.$k.txt"
    done
    rm "$work/txt/$stem.txt"
done
# CPU seconds of one run: perf's task-clock, or user+sys from /usr/bin/time.
cpu() {
    if command -v perf >/dev/null 2>&1; then
        perf stat -x, -e task-clock "$bin" extract -j1 -q "$1" 2>&1 >/dev/null |
            awk -F, '/task-clock/ {printf "%.3f", $1 / 1000}'
    else
        { /usr/bin/time -f '%U %S' "$bin" extract -j1 -q "$1" > /dev/null; } 2>&1 | tail -1 |
            awk '{printf "%.3f", $1 + $2}'
    fi
}
# The two sides run in turns, RUNS times; the least CPU of each side is kept (on a shared
# machine the least is the run that waited least for caches and cores).
min() { awk -v a="$1" -v b="$2" 'BEGIN {print (b == "" || a < b) ? a : b}'; }
a= b=
for ((r = 0; r < ${RUNS:-7}; r++)); do
    a=$(min "$(cpu "$work/in")" "$a")
    b=$(min "$(cpu "$work/txt")" "$b")
done
n=$(find "$work/in" -type f | wc -l)
bytes_in=$(du -sb "$work/in" | cut -f1)
bytes_txt=$(du -sb "$work/txt" | cut -f1)
echo "$n files: $ext $bytes_in bytes ${a}s CPU; as text $bytes_txt bytes ${b}s CPU; ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
