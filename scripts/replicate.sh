#!/usr/bin/env bash
# Replicate the files of a folder into DEST until DEST holds about MB megabytes:
#   scripts/replicate.sh SRC DEST MB
# Copy k goes to DEST/kNNN/<same relative path>, so names stay unique and sorted.
set -euo pipefail
if [[ $# -ne 3 ]]; then
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
src=$1 dest=$2 mb=$3
src_bytes=$(find "$src" -type f -not -name '.*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
if [[ $src_bytes -eq 0 ]]; then
    echo "replicate: no files in $src" >&2
    exit 2
fi
copies=$(((mb * 1000000 + src_bytes - 1) / src_bytes))
rm -rf "$dest"
mkdir -p "$dest"
for ((k = 1; k <= copies; k++)); do
    d=$(printf '%s/k%03d' "$dest" "$k")
    mkdir -p "$d"
    cp -r "$src"/. "$d"/
done
echo "replicate: $copies copies of $src ($src_bytes bytes) in $dest ($((copies * src_bytes / 1000000)) MB)"
