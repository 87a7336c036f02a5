#!/usr/bin/env bash
# End-to-end test of the Spark integration (called from .ci/run):
#   1. a venv with pyspark (pip, cached in $GONGWEN_SPARK_VENV, default ~/.cache/gongwen-spark-venv);
#   2. a fixture folder in a temp dir (UTF-8 LF/CRLF, GB18030, a sub-folder) and a request file
#      with a missing path, a malformed line and an inline text;
#   3. the job in local[2], under `timeout`, inside `unshare -n` (loopback only);
#   4. its records compared with direct gongwen runs (stdin mode and folder mode);
#   5. the job pointed at a binary that exits 1 must fail.
# Needs Java 17+ and python3. Uses $GONGWEN_BIN when set, else builds target/debug/gongwen.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
started=$SECONDS
say() { echo "test_spark: $*" >&2; }

if [[ -z ${GONGWEN_BIN:-} ]]; then
    (cd "$repo" && cargo build --quiet --bin gongwen)
    target=$(cd "$repo" && cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    GONGWEN_BIN=$target/debug/gongwen
fi
GONGWEN_BIN=$(realpath "$GONGWEN_BIN")

venv=${GONGWEN_SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/gongwen-spark-venv}
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    say "creating $venv and installing pyspark"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi
py=$venv/bin/python

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" "$here/spark_test_helper.py" fixture "$tmp"

# Direct runs: the reference.
"$GONGWEN_BIN" extract --stdin-format jsonl -q <"$tmp/requests.jsonl" >"$tmp/direct-stdin.jsonl" || [[ $? -eq 2 ]]
"$GONGWEN_BIN" extract -q "$tmp/docs" >"$tmp/direct-folder.jsonl" || [[ $? -eq 2 ]]

# Loopback only: a fresh network namespace has just `lo`, and it starts down.
isolate=(unshare -n sh -c 'ip link set lo up 2>/dev/null || ifconfig lo up; exec "$@"' sh)
if ! unshare -n true 2>/dev/null; then
    say "WARNING: unshare -n is not permitted here (not root?): running without network isolation"
    isolate=()
fi

job() { # job OUTPUT GONGWEN [extra args]
    local out=$1 bin=$2
    shift 2
    SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON=$py timeout 300 "${isolate[@]}" \
        "$py" "$here/gongwen_spark.py" --master 'local[2]' --partitions 2 \
        --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
        --conf "spark.driver.extraJavaOptions=${GONGWEN_SPARK_JAVA_OPTS--XX:TieredStopAtLevel=1}" \
        --gongwen "$bin" "$@" "$tmp/requests.jsonl" "$out"
}

say "running the job (local[2], requests file)"
t0=$SECONDS
job "$tmp/spark-out" "$GONGWEN_BIN" --requests --parquet "$tmp/spark-parquet" \
    >"$tmp/job.log" 2>&1 || {
    cat "$tmp/job.log" >&2
    say "FAIL: the Spark job failed"
    exit 1
}
say "job took $((SECONDS - t0)) s"
"$py" "$here/spark_test_helper.py" compare "$tmp" "$tmp/spark-out" \
    "$tmp/direct-folder.jsonl" "$tmp/direct-stdin.jsonl"
ls "$tmp/spark-parquet"/*.parquet >/dev/null || {
    say "FAIL: no Parquet output"
    exit 1
}

say "running the job with a failing binary (must fail)"
printf '#!/bin/sh\ncat >/dev/null\nexit 1\n' >"$tmp/failing-gongwen"
chmod +x "$tmp/failing-gongwen"
if job "$tmp/fail-out" "$tmp/failing-gongwen" --requests >"$tmp/fail.log" 2>&1; then
    cat "$tmp/fail.log" >&2
    say "FAIL: the job succeeded although gongwen exited 1"
    exit 1
fi
grep -q "gongwen exited with status 1" "$tmp/fail.log" || {
    cat "$tmp/fail.log" >&2
    say "FAIL: the job failed, but not because of the failing binary"
    exit 1
}

say "ok ($((SECONDS - started)) s)"
