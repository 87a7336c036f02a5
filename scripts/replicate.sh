#!/usr/bin/env bash
# Replicate the files of a folder into DEST until DEST holds about MB megabytes (of the
# source files), optionally re-encoded from UTF-8 (e.g. gb18030, to time a GBK archive):
#   scripts/replicate.sh SRC DEST MB [ENCODING]
# Copy k goes to DEST/kNNN/<same relative path>, so names stay unique and sorted.
set -euo pipefail
if [[ $# -lt 3 || $# -gt 4 ]]; then
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
src=$1 dest=$2 mb=$3 encoding=${4:-}
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
if [[ -n $encoding ]]; then
    # Files that are not UTF-8, or that the encoding cannot hold, are left as they are.
    python3 - "$dest" "$encoding" <<'PY'
import os, sys
dest, enc = sys.argv[1], sys.argv[2]
for root, _, names in os.walk(dest):
    for n in names:
        p = os.path.join(root, n)
        try:
            data = open(p, "rb").read().decode("utf-8").encode(enc)
        except (UnicodeDecodeError, UnicodeEncodeError):
            continue
        open(p, "wb").write(data)
PY
fi
echo "replicate: $copies copies of $src ($src_bytes bytes) in $dest ($((copies * src_bytes / 1000000)) MB${encoding:+, re-encoded as $encoding})"
