#!/usr/bin/env python3
"""Helpers for test_spark.sh: write the fixture folder and compare outputs.

    spark_test_helper.py fixture DIR          # documents + DIR/requests.jsonl
    spark_test_helper.py compare FIXTURE SPARK_OUT DIRECT_FOLDER_JSONL DIRECT_STDIN_JSONL

The documents are written here for the test (realistic clause text, not copied from
anywhere): UTF-8 with LF and CRLF, one in GB18030 with a 4-byte character, one in a
sub-folder. requests.jsonl asks for every document by path, plus a missing path, a
malformed line and an inline text request.
"""

import json
import os
import re
import sys

DOCS = {
    "a_责任规定.txt": (
        "某县落实安全生产责任规定\n"
        "第一章　总则\n"
        "第一条　为了压实各级党委（党组）的主体责任，制定本规定。\n"
        "第二条　乡镇人民政府主要负责人是本行政区域安全生产第一责任人，"
        "班子其他成员落实一岗双责。\n"
        "第二章　责任追究\n"
        "第三条　有下列情形之一的，对直接负责的主管人员给予警告处分：\n"
        "（一）未按规定开展隐患排查的；\n"
        "（二）瞒报、谎报事故的。\n"
    ),
    "b_实施方案.txt": (
        "关于推进河湖长制工作的实施方案\r\n"
        "一、工作目标\r\n"
        "（一）建立健全河湖巡查制度。一是明确巡查频次；二是公开巡查结果。\r\n"
        "（二）加强部门协作（水利局牵头，生态环境局配合）。\r\n"
        "二、保障措施\r\n"
        "1．落实经费保障。\r\n"
        "2．强化考核问责，对履职不力的进行诫勉谈话。\r\n"
    ),
    "sub/c_通知.txt": (
        "关于做好节日期间廉洁自律工作的通知\n"
        "一、严禁公款吃喝。\n"
        "二、严禁违规发放津贴补贴。\n"
        "三、纪检监察机关要加强监督检查。\n"
    ),
}

# GB18030 only: 𠀀 (U+20000) takes four bytes, which GBK cannot encode.
GB18030_DOC = (
    "关于规范公务接待管理的若干规定\n"
    "第一条　各单位应当严格执行公务接待标准，不得超标准接待𠀀。\n"
    "第二条　违反本规定的，由上级机关责令改正，并予以通报批评。\n"
)


def fixture(root):
    docs = os.path.join(root, "docs")
    for name, text in DOCS.items():
        p = os.path.join(docs, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    with open(os.path.join(docs, "d_接待规定.gb18030.txt"), "wb") as f:
        f.write(GB18030_DOC.encode("gb18030"))
    paths = []
    for r, dirs, names in os.walk(docs):
        dirs.sort()
        paths += [os.path.join(r, n) for n in names]
    paths.sort(key=lambda p: p.split(os.sep))
    lines = [json.dumps({"id": p, "path": p}, ensure_ascii=False) for p in paths]
    lines.append(json.dumps({"id": "missing", "path": os.path.join(docs, "no-such-file.txt")}))
    lines.append('{"id": "malformed", "path": ')
    lines.append(json.dumps({"id": "inline-text", "text": "一、加强领导。\n二、落实责任。\n"}, ensure_ascii=False))
    with open(os.path.join(root, "requests.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(root, "paths.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(paths) + "\n")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_parts(folder):
    out = []
    names = sorted(n for n in os.listdir(folder) if n.startswith("part-"))
    if not os.path.exists(os.path.join(folder, "_SUCCESS")):
        sys.exit(f"compare: {folder} has no _SUCCESS marker")
    for n in names:
        out += read_jsonl(os.path.join(folder, n))
    return out


def normalise(r):
    """A bad request's message names its line in the process's stdin, which differs between
    a partition and a single direct run; compare without it."""
    err = r.get("error") or {}
    msg = err.get("message", "")
    if err.get("kind") == "request" and msg.startswith("request on line "):
        r = dict(r, error=dict(err, message=re.sub(r"^request on line \d+: ", "", msg)))
    return r


def fail(msg):
    sys.exit(f"compare: FAIL: {msg}")


def compare(root, spark_out, direct_folder, direct_stdin):
    """The Spark records equal a direct stdin-mode run request for request, and the records
    of the documents equal a direct folder run (minus the request id)."""
    with open(os.path.join(root, "requests.jsonl"), encoding="utf-8") as f:
        n_requests = sum(1 for line in f if line.strip())
    spark = [normalise(r) for r in read_parts(spark_out)]
    stdin = [normalise(r) for r in read_jsonl(direct_stdin)]
    folder = read_jsonl(direct_folder)
    if len(spark) != n_requests:
        fail(f"{len(spark)} Spark records for {n_requests} requests")
    if spark != stdin:
        for i, (s, d) in enumerate(zip(spark, stdin)):
            if s != d:
                fail(f"record {i + 1} differs from the direct stdin-mode run:\n{s}\n{d}")
        fail("Spark and direct stdin-mode outputs differ")
    by_path = {r["source"]["path"]: r for r in folder}
    with open(os.path.join(root, "paths.txt"), encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    if sorted(by_path) != sorted(paths):
        fail(f"direct folder run saw {sorted(by_path)}, expected {paths}")
    by_id = {r.get("id"): r for r in spark}
    for p in paths:
        r = dict(by_id.get(p) or fail(f"no Spark record with id {p}"))
        r.pop("id", None)
        if r != by_path[p]:
            fail(f"{p}: Spark record differs from the direct folder run:\n{r}\n{by_path[p]}")
    # Records come back in request order: after the documents, the missing path, the
    # malformed line (an error record each: the process lived on) and the inline text.
    missing, malformed, text = spark[len(paths)], spark[len(paths) + 1], spark[len(paths) + 2]
    if missing.get("status") != "error" or missing.get("id") != "missing":
        fail(f"missing path did not give an error record with its id: {missing}")
    if malformed.get("status") != "error":
        fail(f"malformed request did not give an error record: {malformed}")
    if text.get("status") != "ok" or text.get("id") != "inline-text":
        fail(f"inline text request did not give an ok record: {text}")
    gb = [r for r in spark if str(r.get("id", "")).endswith(".gb18030.txt")]
    if not gb or gb[0]["source"].get("encoding") != "GB18030" or gb[0]["status"] != "ok":
        fail(f"GB18030 document not decoded as GB18030: {gb}")
    ok = sum(r["status"] == "ok" for r in spark)
    print(f"compare: {len(spark)} records ({ok} ok) identical to the direct runs")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fixture":
        fixture(sys.argv[2])
    elif len(sys.argv) == 6 and sys.argv[1] == "compare":
        compare(*sys.argv[2:])
    else:
        sys.exit(__doc__)
