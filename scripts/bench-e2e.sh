#!/usr/bin/env bash
# End-to-end benchmark: `gongwen extract -j1` against a bare jieba-rs cut of every line of
# the same files (median CPU ratio of paired runs), start-up time, peak RSS, -j2 vs -j1.
#
#   scripts/bench-e2e.sh FOLDER [--runs N] [--no-threads]
#
# Builds the release binary and examples/bare_cut first (set GONGWEN_BIN / BARE_BIN to use
# prebuilt ones). To make a ≈20 MB input from a small folder:
#   scripts/replicate.sh ../shared/corpus-real/docs /tmp/gongwen-20mb 20
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
folder=$1
shift
if [[ ! -d $folder ]]; then
    echo "bench-e2e: $folder is not a folder" >&2
    exit 2
fi
if [[ -z ${GONGWEN_BIN:-} || -z ${BARE_BIN:-} ]]; then
    (cd "$here" && cargo build --quiet --release --bin gongwen --example bare_cut)
    target=$(cd "$here" && cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    GONGWEN_BIN=${GONGWEN_BIN:-$target/release/gongwen}
    BARE_BIN=${BARE_BIN:-$target/release/examples/bare_cut}
fi
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  commit: $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')  cpus: $(nproc)"
exec python3 "$here/scripts/bench_e2e.py" "$folder" --gongwen "$GONGWEN_BIN" --bare "$BARE_BIN" "$@"
