#!/usr/bin/env python3
"""Run gongwen over a folder with Apache Spark.

One long-lived `gongwen extract --stdin-format jsonl` process per partition: the partition's
requests go to its stdin (one JSON request per line) and its records come back on stdout,
one per request, in order, each carrying the request's id. Results are written as JSON Lines
(one part file per partition) and, optionally, as Parquet.

    python gongwen_spark.py INPUT OUTPUT [--gongwen PATH] [--mode path|b64] [--partitions N]
                            [--master local[2]] [--parquet DIR] [--ship] [--conf K=V ...]

INPUT is a folder (walked recursively, sorted, hidden entries skipped) or, with --requests,
a JSON Lines file of ready-made requests passed through unchanged. `--mode path` sends
{"id": path, "path": path} (the executors must see the same file system, e.g. local mode or
an NFS mount); `--mode b64` reads the files with Spark (`binaryFiles`, so HDFS/S3 URLs work
too) and sends {"id": path, "b64": …}. The job fails — and spark-submit exits non-zero — when
a gongwen process exits with anything but 0 (all ok) or 2 (some inputs gave error records),
dies from a signal, or returns a different number of records than it was sent.
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import threading

# gongwen's exit codes that still mean "every request got its record": 0 = all ok,
# 2 = at least one input became an error record.
OK_CODES = (0, 2)


def list_inputs(folder):
    """Files under folder, recursively, in sorted order, hidden entries skipped (as gongwen)."""
    out = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            if not n.startswith("."):
                out.append(os.path.join(root, n))
    # os.walk visits a folder's files before its sub-folders; sort by path components to
    # match a sorted walk.
    return sorted(out, key=lambda p: p.split(os.sep))


def gongwen_partition(binary, extra_args):
    """A mapPartitions function that pipes request lines through one gongwen process."""

    def run(requests):
        cmd = [binary, "extract", "--stdin-format", "jsonl", "-q"] + list(extra_args)
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 16)
        sent = [0]
        failure = []

        def feed():
            try:
                for line in requests:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                    sent[0] += 1
            except BrokenPipeError:
                pass  # gongwen died; its exit code tells why
            except Exception as e:  # noqa: BLE001 - re-raised in the task thread below
                failure.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        received = 0
        for raw in proc.stdout:
            received += 1
            yield raw.decode("utf-8").rstrip("\n")
        writer.join()
        rc = proc.wait()
        if failure:
            raise failure[0]
        if rc not in OK_CODES:
            raise RuntimeError(f"gongwen exited with status {rc} ({' '.join(cmd)})")
        if received != sent[0]:
            raise RuntimeError(
                f"gongwen answered {received} records for {sent[0]} requests ({' '.join(cmd)})"
            )

    return run


def record_row(line):
    """(id, path, status, json) columns for the Parquet table."""
    try:
        r = json.loads(line)
    except ValueError:
        return (None, None, "invalid", line)
    rid = r.get("id")
    return (
        rid if rid is None or isinstance(rid, str) else json.dumps(rid),
        (r.get("source") or {}).get("path"),
        r.get("status"),
        line,
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run gongwen over a folder with Apache Spark.")
    ap.add_argument("input", help="folder of documents, or a requests .jsonl with --requests")
    ap.add_argument("output", help="output folder for the JSON Lines part files")
    ap.add_argument("--gongwen", default="gongwen", help="gongwen binary (default: on PATH)")
    ap.add_argument("--mode", choices=("path", "b64"), default="path")
    ap.add_argument("--requests", action="store_true", help="INPUT is a JSON Lines request file")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    ap.add_argument("--parquet", default=None, help="also write a Parquet table here")
    ap.add_argument("--ship", action="store_true", help="ship the binary to executors (addFile)")
    ap.add_argument("--gongwen-arg", action="append", default=[], help="extra gongwen argument")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                    help="extra Spark configuration (repeatable)")
    a = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark import SparkFiles

    builder = SparkSession.builder.appName("gongwen")
    if a.master:
        builder = builder.master(a.master)
    for kv in a.conf:
        key, _, value = kv.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        parts = a.partitions or sc.defaultParallelism
        if a.requests:
            with open(a.input, encoding="utf-8") as f:
                lines = [ln.rstrip("\n") for ln in f if ln.strip()]
            reqs = sc.parallelize(lines, parts)
        elif a.mode == "path":
            paths = list_inputs(a.input)
            reqs = sc.parallelize(
                [json.dumps({"id": p, "path": p}, ensure_ascii=False) for p in paths], parts
            )
        else:
            # Walk sub-folders too, as gongwen does (Hadoop skips names starting with . or _).
            sc._jsc.hadoopConfiguration().set(
                "mapreduce.input.fileinputformat.input.dir.recursive", "true"
            )
            files = sc.binaryFiles(a.input, parts).sortByKey(numPartitions=parts)
            reqs = files.map(
                lambda kv: json.dumps(
                    {"id": kv[0], "b64": base64.b64encode(kv[1]).decode("ascii")}
                )
            )

        binary = a.gongwen
        if a.ship:
            sc.addFile(os.path.abspath(binary))
            name = os.path.basename(binary)

            def shipped():
                p = SparkFiles.get(name)
                os.chmod(p, 0o755)
                return p

            run = lambda it: gongwen_partition(shipped(), a.gongwen_arg)(it)  # noqa: E731
        else:
            run = gongwen_partition(os.path.abspath(binary) if os.sep in binary else binary,
                                    a.gongwen_arg)

        records = reqs.mapPartitions(run)
        if a.parquet:
            records = records.cache()
        records.saveAsTextFile(a.output)
        if a.parquet:
            df = spark.createDataFrame(records.map(record_row), "id string, path string, status string, json string")
            df.write.mode("overwrite").parquet(a.parquet)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
