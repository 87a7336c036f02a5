#!/usr/bin/env python3
"""Produce degraded variants of a UTF-8 document, for robustness measurement.

The variants follow the "Degraded variants" table of the measurement corpus
README: pdf-wrap, ocr-space, halfwidth, inline-list, mix (all four plus
scraped-page boilerplate) and mix-gb18030.  Two more are added here:
utf16 (UTF-16LE or UTF-16BE with BOM) and compilation (2-4 documents joined
under 篇一/篇二… separators, with a web header "《…》N篇" and a footer), and
compilation-mix (mix applied to a compilation, as a scraped compilation page).

Usage:
    degrade.py VARIANT INPUT [INPUT...] [--seed N] [-o OUT]

Every variant but compilation and compilation-mix takes exactly one input.  Output is bytes
(UTF-8 unless the variant says otherwise), written to OUT or stdout.
Python 3 standard library only; the same seed gives the same output.
"""

import argparse
import random
import re
import sys

VARIANTS = ("pdf-wrap", "ocr-space", "halfwidth", "inline-list", "mix",
            "mix-gb18030", "utf16", "compilation", "compilation-mix")

CN_NUM = "一二三四五六七八九十百零〇两"
CLOSING = "，。；：、）》”’！？」』】〕,.;:)!?%"

# Markers that start a clause when they open a line (after indentation).
LINE_MARKER = re.compile(
    r"^(第[" + CN_NUM + r"\d]+[编章节条款]"
    r"|[" + CN_NUM + r"]+、"
    r"|[（(][" + CN_NUM + r"]+[）)]"
    r"|[（(]\d+[）)]"
    r"|\d+[.．、](?!\d)"
    r"|[㈠-㈩]"
    r"|[①-⑳]"
    r"|[" + CN_NUM + r"]+是(?=[，,：:]|[^\s]))"
)

# Markers anywhere in a line (used to keep wraps out of them and to find
# inline markers for ocr-space).
ANY_MARKER = re.compile(
    r"第[" + CN_NUM + r"\d]+[编章节条款]"
    r"|(?:(?<=^)|(?<=[\s。；;：:]))[" + CN_NUM + r"]+[、是]"
    r"|[（(][" + CN_NUM + r"\d]+[）)]"
    r"|(?:(?<=^)|(?<=[\s。；;：:]))\d+[.．、](?!\d)"
    r"|[㈠-㈩①-⑳]"
)

# Short leaf items that inline-list may join: （一）, (1), 1., 1、, ㈠, ①.
ITEM_STYLES = [
    ("paren-cn", re.compile(r"^[（(][" + CN_NUM + r"]+[）)]")),
    ("paren-num", re.compile(r"^[（(]\d+[）)]")),
    ("num-dot", re.compile(r"^\d+[.．](?!\d)")),
    ("num-dun", re.compile(r"^\d+、")),
    ("circled-cn", re.compile(r"^[㈠-㈩]")),
    ("circled", re.compile(r"^[①-⑳]")),
]

INDENT = " \t\u3000\u00a0"


def is_cjk(ch):
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF
            or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
            or 0x2010 <= o <= 0x206F)


def is_han(ch):
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def is_ascii_alnum(ch):
    return ch.isascii() and ch.isalnum()


def split_lines(text):
    text = text.lstrip("\ufeff")
    return [ln.rstrip("\r") for ln in text.split("\n")]


def item_style(line):
    body = line.lstrip(INDENT)
    for name, rx in ITEM_STYLES:
        if rx.match(body):
            return name
    return None


# ---------------------------------------------------------------- halfwidth

HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "，": ","})


def halfwidth(text, rng=None):
    return text.translate(HALF)


# -------------------------------------------------------------- inline-list

def inline_list(text, rng, max_len=80):
    lines = split_lines(text)
    # Work on non-blank lines; blank lines between items are dropped inside
    # a joined run.
    out = []
    i = 0
    n = len(lines)
    while i < n:
        style = item_style(lines[i])
        if style is None or len(lines[i].strip()) > max_len:
            out.append(lines[i])
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n:
            k = j
            while k < n and not lines[k].strip():
                k += 1
            if k >= n:
                break
            if item_style(lines[k]) == style and len(lines[k].strip()) <= max_len:
                run.append(k)
                j = k + 1
            else:
                break
        # The last item must be a leaf: the next line is not a deeper item.
        nxt = j
        while nxt < n and not lines[nxt].strip():
            nxt += 1
        if nxt < n and item_style(lines[nxt]) not in (None, style):
            run = run[:-1]
        if len(run) < 2:
            out.append(lines[i])
            i += 1
            continue
        sep = rng.choice(["；", ";", "; "])
        parts = []
        for idx, li in enumerate(run):
            s = lines[li].strip(INDENT)
            if idx < len(run) - 1:
                s = s.rstrip("；;。，,. ")
            parts.append(s)
        indent = lines[run[0]][:len(lines[run[0]]) - len(lines[run[0]].lstrip(INDENT))]
        joined = sep.join(parts)
        # Half the time, merge into a lead sentence that ends in '：'.
        prev = len(out) - 1
        while prev >= 0 and not out[prev].strip():
            prev -= 1
        if (prev >= 0 and out[prev].rstrip().endswith(("：", ":"))
                and item_style(out[prev]) is None and rng.random() < 0.5):
            del out[prev + 1:]
            out[prev] = out[prev].rstrip() + joined
        else:
            out.append(indent + joined)
        i = run[-1] + 1
    return "\n".join(out)


# ---------------------------------------------------------------- ocr-space

def space_marker(m, rng):
    """Put a space inside one marker: 1 . / 二 是 / 第 三 条 / （ 一）."""
    if len(m) < 2:
        return m
    if m.startswith("第") and len(m) >= 3:
        return m[0] + " " + m[1:-1] + " " + m[-1]
    if m[0] in "（(":
        return m[0] + " " + m[1:]
    pos = rng.randint(1, len(m) - 1)
    return m[:pos] + " " + m[pos:]


def ocr_space(text, rng, marker_rate=0.12):
    rate = rng.uniform(0.02, 0.04)
    out_lines = []
    for line in split_lines(text):
        # 1. spaces inside markers
        spans = [(m.start(), m.end()) for m in ANY_MARKER.finditer(line)]
        protect = set()
        pieces = []
        last = 0
        for s, e in spans:
            pieces.append(line[last:s])
            mk = line[s:e]
            if rng.random() < marker_rate:
                mk = space_marker(mk, rng)
            pieces.append("\x00" + mk + "\x01")
            last = e
        pieces.append(line[last:])
        marked = "".join(pieces)
        # 2. random spaces between characters (not inside markers)
        res = []
        inside = False
        prev = ""
        for ch in marked:
            if ch == "\x00":
                inside = True
                continue
            if ch == "\x01":
                inside = False
                prev = ""
                continue
            if not inside and prev:
                if is_cjk(prev) and is_cjk(ch):
                    if rng.random() < rate:
                        res.append(" ")
                elif ((is_han(prev) and is_ascii_alnum(ch))
                      or (is_ascii_alnum(prev) and is_han(ch))):
                    if rng.random() < 0.20:
                        res.append(" ")
            res.append(ch)
            prev = ch
        del protect
        out_lines.append("".join(res))
    return "\n".join(out_lines)


# ----------------------------------------------------------------- pdf-wrap

def forbidden_breaks(para):
    """Positions i (break before para[i]) that are not allowed."""
    bad = set()
    # Markers may already hold an OCR space (`( 四)`, `第 三 条`): match them
    # on a copy without spaces and map back.
    keep = [i for i, ch in enumerate(para) if ch != " "]
    squeezed = "".join(para[i] for i in keep)
    for m in ANY_MARKER.finditer(squeezed):
        bad.update(range(keep[m.start()] + 1, keep[m.end() - 1] + 1))
    for m in re.finditer(r"[A-Za-z0-9]+(?:[.\-_/][A-Za-z0-9]+)*", para):
        bad.update(range(m.start() + 1, m.end()))
    for i, ch in enumerate(para):
        if ch in CLOSING or ch == " ":
            bad.add(i)
    return bad


def pdf_wrap(text, rng):
    blank_between = rng.random() < 0.5
    lead_space = rng.random() < 0.5
    drop_indent = rng.random() < 0.5
    out = []
    for line in split_lines(text):
        if not line.strip():
            if not blank_between:
                out.append("")
            continue
        para = line.lstrip(INDENT) if drop_indent else line.rstrip()
        bad = forbidden_breaks(para)
        pieces = []
        start = 0
        while len(para) - start > 40:
            pos = start + rng.randint(28, 40)
            while pos < len(para) and pos in bad:
                pos += 1
            if pos >= len(para):
                break
            pieces.append((para[start:pos], rng.random() < 0.03))
            start = pos
        pieces.append((para[start:], False))
        for seg, page_break in pieces:
            out.append((" " if lead_space else "") + seg)
            if page_break:
                out.append("")
        if blank_between:
            out.append("")
    return "\n".join(out)


# ------------------------------------------------------------- boilerplate

def title_of(text):
    for line in split_lines(text):
        s = line.strip(INDENT + "《》")
        if s:
            return s[:60]
    return "文件"


def keywords(title, rng):
    parts = re.findall(r"[\u4e00-\u9fff]{2,4}", title)
    rng.shuffle(parts)
    return " ".join(parts[:5]) or title


def add_boilerplate(text, title, rng):
    body = re.sub(r"\s+", "", text)[: rng.randint(60, 160)]
    choice = rng.random()
    intro = f"下面是小编为大家整理的《{title}》，供大家参考。"
    if choice < 0.33:
        summary = f"《{title}》 {body}"
    elif choice < 0.66:
        summary = intro
    else:
        summary = f"《{title}》 {body}{intro}"
    header = f"《{title}》\n\n{summary}\n\n"
    footer = f"\n\n推荐访问:{keywords(title, rng)}\n"
    return header + text + footer


def mix(text, rng):
    title = title_of(text)
    text = inline_list(text, rng)
    text = halfwidth(text)
    text = ocr_space(text, rng)
    text = pdf_wrap(text, rng)
    return add_boilerplate(text, halfwidth(title), rng)


# ------------------------------------------------------------- compilation

ORDINALS = "一二三四五六七八九十"


def compilation(texts, rng):
    title = title_of(texts[0])
    n = len(texts)
    parts = [f"《{title}》{n}篇", ""]
    for i, t in enumerate(texts):
        parts.append(f"篇{ORDINALS[i]}：《{title_of(t)}》")
        parts.append("")
        parts.append(t.strip("\n\ufeff"))
        parts.append("")
    parts.append(f"推荐访问：{keywords(title, rng)}")
    return "\n".join(parts) + "\n"


# ------------------------------------------------------------------- main

def degrade(variant, texts, seed):
    """Return the degraded document as bytes."""
    rng = random.Random(f"{seed}:{variant}")
    text = texts[0]
    if variant == "compilation":
        return compilation(texts, rng).encode("utf-8")
    if variant == "compilation-mix":
        return mix(compilation(texts, rng), rng).encode("utf-8")
    if len(texts) != 1:
        raise ValueError(f"{variant} takes exactly one input")
    if variant == "pdf-wrap":
        out = pdf_wrap(text, rng)
    elif variant == "ocr-space":
        out = ocr_space(text, rng)
    elif variant == "halfwidth":
        out = halfwidth(text)
    elif variant == "inline-list":
        out = inline_list(text, rng)
    elif variant == "mix":
        out = mix(text, rng)
    elif variant == "mix-gb18030":
        return mix(text, rng).encode("gb18030")
    elif variant == "utf16":
        if rng.random() < 0.5:
            return b"\xff\xfe" + text.lstrip("\ufeff").encode("utf-16-le")
        return b"\xfe\xff" + text.lstrip("\ufeff").encode("utf-16-be")
    else:
        raise ValueError(f"unknown variant {variant}")
    return out.encode("utf-8")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("variant", choices=VARIANTS)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    texts = []
    for p in args.inputs:
        with open(p, "rb") as f:
            texts.append(f.read().decode("utf-8"))
    data = degrade(args.variant, texts, args.seed)
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
