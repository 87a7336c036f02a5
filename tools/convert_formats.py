#!/usr/bin/env python3
"""Convert plain-text Chinese documents into Markdown, HTML (UTF-8 and GBK), DOCX and PDF.

The copies imitate how such documents are stored in archives (issue 15), so that gongwen's
format readers can be measured on documents their code was never tuned on
(see tools/format_agreement.py):

- md/        the LawRefBook/Laws layout: `# title`, `<!-- INFO END -->`, one paragraph per
             line separated by blank lines; 第X编/章 lines become `## `, 第X节 lines `### `;
             without chapters, short 一、 lines become `## ` and （一） items are bold.
- html/      a policy page of a government site (UTF-8, `<meta charset="utf-8">`): navigation,
             breadcrumbs, a metadata table, the title as `<h1>`, the body in
             `<div class="pages_content">` with lines as `<p>` (indented with &emsp;, U+3000,
             &nbsp; or text-indent), some as `<div>`, some wrapped in `<span>`, one block of
             lines joined with `<br/>`, some quotes as &ldquo;/&rdquo;, and a footer.  By the
             stem, a third of the pages are Word's web export instead (`MsoNormal` paragraphs,
             markers split over spans or bold, the body in two section divs) and a third put
             the whole body in a few `<p>` whose lines are joined with `<br>`.
- html-gbk/  the same page as GBK bytes declaring `charset=gbk` (characters outside GBK as
             numeric character references).
- docx/      a Word file (python-docx): one paragraph per line, the first as style `Title`.
             Line-start clause markers (第X编/章/节/条/部分, 一、, （一）, 1., 1、, （1）, 1）,
             ①, full-width digits) are REMOVED from the text and shown by Word automatic
             numbering instead: one multilevel `w:abstractNum` per document, one level per
             marker kind (`第%1章`, `第%2条`, `%3、`, `（%4）`, `%5.` …) with `numFmt`
             chineseCounting (chineseCountingThousand when a number reaches 100), decimal,
             decimalFullWidth or decimalEnclosedCircle.  Article levels never restart
             (`w:lvlRestart` 0); wherever Word's own count would differ from the number in the
             text (a restart, a gap), a new `w:num` with `w:startOverride` takes over.  A
             marker whose text Word cannot display (两, 〇, ㈠ …) stays in the text.  A single
             ASCII space after a marker becomes `w:suff` space; other separators stay in the
             text (`w:suff` nothing), or, in half of the documents, Word's default tab
             suffix replaces them.  By the stem, the list is set up one of four ways:
             `w:numPr` on each paragraph, levels linked to paragraph styles, one list per
             marker kind, or a list style (`w:numStyleLink`, and then the title is a
             centred Normal paragraph, so no paragraph names a style).
- pdf/       the text printed to A4 with reportlab's built-in CID font STSong-Light (markers in
             the text layer, lines wrapped at the page width, `— N —` page numbers in the footer).

Each output keeps the text of every non-empty line of the input, in order; leading
indentation becomes layout.

Set-up (outside the repository):
    python3 -m venv /tmp/fmtvenv
    /tmp/fmtvenv/bin/pip install python-docx reportlab     # python-docx 1.2, reportlab 4.x/5.x

Usage:
    /tmp/fmtvenv/bin/python tools/convert_formats.py OUT_DIR INPUT.txt [INPUT.txt ...]
        [--formats md,html,html-gbk,docx,pdf] [--txt-out DIR]

An input ending in .md (a statute of shared/corpus-laws) is first written as plain text to
DIR/<stem>.txt (title, then the lines after `<!-- INFO END -->` without heading marks), and
that text is converted.

writes OUT_DIR/<format>/<stem>.<ext> (the GBK page as html-gbk/<stem>.gbk.html) and prints one
line per input with the number of markers turned into Word numbering.  The same input gives
the same output (the layout variation is seeded by the file's stem).
"""

import argparse
import html
import random
import re
import sys
import zlib
from pathlib import Path

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
            "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
CN_CHARS = "零〇一二三四五六七八九十百千两"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# A line-start marker: (prefix, number, suffix).  Order matters (the first match wins).
MARKERS = [
    re.compile(r"^(第)([" + CN_CHARS + r"]+|\d+)(编|章|节|条|部分)"),
    re.compile(r"^()([" + CN_CHARS + r"]+)(、)"),
    re.compile(r"^([（(])([" + CN_CHARS + r"]+)([）)])"),
    re.compile(r"^([（(])(\d+)([）)])"),
    re.compile(r"^()(\d+)([.．、）)])(?![\d.．])"),
    re.compile(r"^()([０-９]+)([.．、])(?![０-９\d])"),
    re.compile(r"^()([" + CIRCLED + r"])()"),
]

# Level order of marker kinds (by suffix/prefix shape); kinds not listed follow in order of
# first appearance.
KIND_RANK = [("第", "cn", "部分"), ("第", "cn", "编"), ("第", "cn", "章"), ("第", "cn", "节"),
             ("第", "cn", "条"), ("", "cn", "、"), ("（", "cn", "）"), ("(", "cn", ")"),
             ("", "dec", "."), ("", "dec", "．"), ("", "dec", "、"), ("（", "dec", "）"),
             ("(", "dec", ")"), ("", "dec", "）"), ("", "dec", ")"), ("", "circ", "")]


def cn_value(s):
    """Value of a Chinese numeral (一百零一, 二十, 十), or None."""
    if not s or any(c not in CN_DIGIT and c not in CN_UNIT for c in s):
        return None
    total, digit = 0, None
    for c in s:
        if c in CN_DIGIT:
            digit = CN_DIGIT[c]
        else:
            total += (1 if digit is None else digit) * CN_UNIT[c]
            digit = None
    return total + (digit or 0)


def cn_counting(n):
    """Word's chineseCounting: 一 … 九十九, then digit by digit."""
    d = "○一二三四五六七八九"
    if n < 10:
        return d[n]
    if n < 100:
        return ("" if n // 10 == 1 else d[n // 10]) + "十" + (d[n % 10] if n % 10 else "")
    return "".join(d[int(c)] for c in str(n))


def cn_thousand(n):
    """Word's chineseCountingThousand below 10000: 十, 十一, 一百, 一百零一, 一百一十."""
    d = "零一二三四五六七八九"
    if n < 100:
        return cn_counting(n)
    out, zero = "", False
    for unit, val in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        q = n // unit % 10
        if q == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += d[q] + val
    return out


def parse_marker(line):
    """(kind, value, number_text, rest) of a line-start marker, or None."""
    for rx in MARKERS:
        m = rx.match(line)
        if not m:
            continue
        pre, num, suf = m.groups()
        if num[0] in CIRCLED:
            kind, value = (pre, "circ", suf), CIRCLED.index(num) + 1
        elif num[0] in "０１２３４５６７８９":
            kind, value = (pre, "full", suf), int(num.translate({0xFF10 + i: str(i) for i in range(10)}))
        elif num[0].isdigit():
            if num.startswith("0"):
                return None
            kind, value = (pre, "dec", suf), int(num)
        else:
            value = cn_value(num)
            if not value or (cn_counting(value) != num and cn_thousand(value) != num):
                return None
            kind = (pre, "cn", suf)
        if kind[0] in "第" and kind[2] in ("章", "节", "编", "部分") and kind[1] == "dec":
            return None
        return kind, value, num, line[m.end():]
    return None


def markdown_to_text(md):
    """A statute of the LawRefBook layout as plain text: the title, then the lines after
    `<!-- INFO END -->`, heading marks removed."""
    lines = md.split("\n")
    title = next((ln[2:].strip() for ln in lines if ln.startswith("# ")), "")
    if "<!-- INFO END -->" in md:
        lines = md.split("<!-- INFO END -->", 1)[1].split("\n")
    body = [re.sub(r"^#+\s*", "", ln) for ln in lines if ln.strip()]
    return "\n".join([title] + body) + "\n"


def read_lines(path):
    text = Path(path).read_text(encoding="utf-8-sig")
    return [ln.strip(" \t\u3000\ufeff\r") for ln in text.split("\n") if ln.strip(" \t\u3000\ufeff\r")]


def seed_of(stem):
    return zlib.crc32(stem.encode("utf-8"))


# ---------------------------------------------------------------- Markdown

HEADING = re.compile(r"^第[" + CN_CHARS + r"\d]+(编|章|节)(?:[\s\u3000]|$)")


ITEM_CN = re.compile(r"^[（(][" + CN_CHARS + r"]+[）)]")
TOP_CN = re.compile(r"^[" + CN_CHARS + r"]+、")


def to_markdown(lines):
    """LawRefBook layout; in a document without chapters, short 一、 lines are `## `
    headings and （一） items are bold (the whole line if short, else the lead phrase up to
    its first 。)."""
    chapters = any(HEADING.match(ln) for ln in lines[1:])
    out = ["# " + lines[0], "", "<!-- INFO END -->", ""]
    for ln in lines[1:]:
        m = HEADING.match(ln)
        if m and len(ln) <= 40:
            ln = ("### " if m.group(1) == "节" else "## ") + ln
        elif not chapters and TOP_CN.match(ln) and len(ln) <= 30 and not ln.endswith("。"):
            ln = "## " + ln
        elif not chapters and ITEM_CN.match(ln):
            cut = ln.find("。") + 1
            if len(ln) <= 30:
                ln = f"**{ln}**"
            elif 0 < cut < len(ln):
                ln = f"**{ln[:cut]}**{ln[cut:]}"
        out += [ln, ""]
    return "\n".join(out)


# ---------------------------------------------------------------- HTML

def esc(s, rng):
    s = html.escape(s, quote=False)
    if rng.random() < 0.5:
        s = s.replace("“", "&ldquo;").replace("”", "&rdquo;")
    return s


MARKER_HEAD = re.compile(r"^(第[" + CN_CHARS + r"\d]+[编章节条]|[" + CN_CHARS + r"]+、|[（(][" + CN_CHARS
                         + r"\d]+[）)]|\d+[.．、](?!\d))([\s\u3000]*)")


def html_line(ln, rng, layout):
    """One body line as the page's editor would write it."""
    t = esc(ln, rng)
    m = MARKER_HEAD.match(ln)
    if layout == "word" and m and rng.random() < 0.7:
        # Word's "save as web page": the marker split over spans, a space as &nbsp;
        mk = m.group(1)
        cut = rng.randrange(1, len(mk)) if len(mk) > 1 else 1
        gap = "&nbsp;" * len(m.group(2)) if m.group(2) else ""
        t = (f'<span style="font-family:黑体">{esc(mk[:cut], rng)}</span><span style="font-family:黑体">'
             f'{esc(mk[cut:], rng)}</span>{gap}<span>{esc(ln[m.end():], rng)}</span>')
    elif m and rng.random() < 0.4:
        # the marker in bold, the rest plain
        t = f"<strong>{esc(m.group(1), rng)}</strong>{esc(m.group(2), rng)}{esc(ln[m.end():], rng)}"
    if layout == "word":
        return (f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">{t}'
                f"<o:p></o:p></p>")
    r = rng.random()
    if r < 0.45:
        return "<p>&emsp;&emsp;" + t + "</p>"
    if r < 0.6:
        return '<p style="text-indent: 2em;">' + t + "</p>"
    if r < 0.7:
        return "<p>&#12288;&#12288;" + t + "</p>"
    if r < 0.8:
        return "<div>&nbsp;&nbsp;&nbsp;&nbsp;" + t + "</div>"
    if r < 0.9:
        return '<p><span style="font-family: 仿宋_GB2312; font-size: 16pt;"><font face="仿宋">' + t + "</font></span></p>"
    return '<div class="para"><span>&emsp;&emsp;</span><span>' + t + "</span></div>"


def to_html(lines, stem, charset):
    """A government page; the layout of its body is one of three, chosen by the stem:
    `p` (a paragraph per line, varied indentation), `word` (Word's web export: MsoNormal
    paragraphs, markers split over spans, the body in two section divs split at a
    section break) or `br` (the whole body in a few paragraphs whose
    lines are joined with <br>)."""
    rng = random.Random(seed_of(stem))
    layout = ["p", "word", "br"][seed_of(stem) % 3]
    title = lines[0]
    site = "某市人民政府"
    body = []
    br_at = rng.randrange(1, max(2, len(lines) - 4))
    section_at = rng.randrange(1, max(2, len(lines) - 1))
    i = 1
    while i < len(lines):
        ln = lines[i]
        if layout == "br" or (i == br_at and i + 3 < len(lines)):
            n = rng.randint(5, 30) if layout == "br" else rng.randint(2, 4)
            block = lines[i:i + n]
            body.append("<p>" + "<br>".join("&emsp;&emsp;" + esc(b, rng) for b in block) + "</p>")
            i += len(block)
            continue
        if HEADING.match(ln) and len(ln) <= 40:
            body.append('<p style="text-align: center;"><strong>' + esc(ln, rng) + "</strong></p>")
        else:
            body.append(html_line(ln, rng, layout))
        if rng.random() < 0.02:
            body.append("<!-- 正文分页 -->")
        if layout == "word" and i == section_at:
            # a section break of the Word document: the next section is a sibling div
            body.append('</div>\n<div class="Section1">')
        i += 1
    container = {"p": '<div class="pages_content" id="UCAP-CONTENT">',
                 "word": '<div class="TRS_Editor"><div class="Section0">',
                 "br": '<div id="zoom" class="article-con">'}[layout]
    close = "</div></div>" if layout == "word" else "</div>"
    meta = ('<meta charset="utf-8">' if charset == "utf-8" else
            '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    t = html.escape(title, quote=False)
    page = f"""<!DOCTYPE html>
<html>
<head>
{meta}
<meta name="SiteName" content="{site}">
<meta name="ArticleTitle" content="{html.escape(title)}">
<title>{t}_政策文件_{site}</title>
<link rel="stylesheet" type="text/css" href="/css/main.css">
<script type="text/javascript">var _hmt = _hmt || []; /* 统计 */</script>
</head>
<body>
<div class="top"><a href="/">无障碍</a> | <a href="/en/">English</a> | <a href="/login">登录</a></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcwj/">政策文件</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="detail">
<table class="xxgk"><tr><td>索引号：</td><td>000014349/2020-{seed_of(stem) % 90000 + 10000}</td><td>发布机构：</td><td>{site}办公室</td></tr>
<tr><td>成文日期：</td><td>2020年06月01日</td><td>发布日期：</td><td>2020年06月03日</td></tr></table>
<h1 class="title">{t}</h1>
<div class="source">来源：{site}办公室&nbsp;&nbsp;浏览次数：<span id="count">1024</span>&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
{container}
{chr(10).join(body)}
{close}
<div class="fj">相关附件：无</div>
<div class="share">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">
<p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a> | <a href="/sm/">网站声明</a></p>
<p>版权所有：{site}&nbsp;&nbsp;主办：{site}办公室&nbsp;&nbsp;网站标识码：0000000001</p>
<p><a href="https://beian.miit.gov.cn/">某ICP备00000001号</a></p>
</div>
</body>
</html>
"""
    if charset == "utf-8":
        return page.encode("utf-8")
    return page.encode("gbk", errors="xmlcharrefreplace")


# ---------------------------------------------------------------- DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plan_numbering(lines):
    """Per line: (level, value, rest, suffix_space) or None; the level kinds and formats."""
    parsed = [parse_marker(ln) if i > 0 else None for i, ln in enumerate(lines)]
    kinds = []
    for p in parsed:
        if p and p[0] not in kinds:
            kinds.append(p[0])

    def rank(k):
        norm = (k[0].replace("(", "（") if k[1] == "cn" else k[0], k[1], k[2])
        for i, r in enumerate(KIND_RANK):
            if r == k or r == norm:
                return i
        return len(KIND_RANK) + kinds.index(k)

    kinds = sorted(kinds, key=rank)[:9]
    top = {}
    for p in parsed:
        if p and p[0] in kinds:
            top[p[0]] = max(top.get(p[0], 0), p[1])
    levels = []
    for k in kinds:
        pre, typ, suf = k
        if typ == "cn":
            fmt = "chineseCountingThousand" if top[k] >= 100 else "chineseCounting"
        else:
            fmt = {"dec": "decimal", "full": "decimalFullWidth", "circ": "decimalEnclosedCircle"}[typ]
        if typ == "circ" and top[k] > 20:
            continue
        levels.append((k, fmt))
    level_of = {k: i for i, (k, _) in enumerate(levels)}
    plan = []
    for ln, p in zip(lines, parsed):
        if not p or p[0] not in level_of:
            plan.append(None)
            continue
        kind, value, num, rest = p
        fmt = levels[level_of[kind]][1]
        shown = {"chineseCounting": cn_counting, "chineseCountingThousand": cn_thousand}.get(fmt)
        if shown and shown(value) != num:
            plan.append(None)  # Word cannot display this numeral: the marker stays in the text
            continue
        space = rest.startswith(" ") and not rest.startswith("  ")
        rest = rest[1:] if space else rest
        plan.append((level_of[kind], value, rest, space))
    return levels, plan


def level_text(kind, ilvl):
    pre, _, suf = kind
    return f"{pre}%{ilvl + 1}{suf}"


def to_docx(lines, out_path, stem):
    """The Word copy.  How the numbering is set up is one of four, chosen by the stem:
    `direct` (one multilevel list, `w:numPr` on each paragraph), `style` (the same list,
    each level linked to a paragraph style `Clause N` that carries the `w:numPr`; paragraphs
    name only the style) or `lists` (one single-level list per marker kind, restarted with
    `w:startOverride` wherever the text restarts) or `liststyle` (the levels live in a
    numbering style that the paragraphs' list names with `w:numStyleLink`; the title is a
    centred Normal paragraph).  Independently, half of the documents use
    Word's default suffix (a tab, `w:suff` absent) where the text had no ASCII space after the
    marker (the separator in the text is then dropped), and items are split into runs with a
    bold lead phrase."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    rng = random.Random(seed_of(stem) ^ 0x5EED)
    layout = ["direct", "style", "lists", "liststyle"][seed_of(stem) // 3 % 4]
    tab_suffix = rng.random() < 0.5
    levels, plan = plan_numbering(lines)
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(16)
    never_restart = {i for i, (k, _) in enumerate(levels) if k[0] == "第" and k[2] == "条"}
    space_levels = set()
    for i in range(len(levels)):
        uses = [p[3] for p in plan if p and p[0] == i]
        if uses and sum(uses) * 2 > len(uses):
            space_levels.add(i)

    # abstract definitions: (abstract id, ilvl) of each level
    if layout == "lists":
        where = {i: (90 + i, 0) for i in range(len(levels))}
    else:
        where = {i: (90, i) for i in range(len(levels))}
    abstracts = sorted({a for a, _ in where.values()})
    base_num = {a: 10 + j for j, a in enumerate(abstracts)}
    current = dict(base_num)
    nums = [(base_num[a], a, None) for a in abstracts]
    next_id = 10 + len(abstracts)
    state = {a: [None] * 9 for a in abstracts}

    styles = {}
    if layout == "style":
        for i in range(len(levels)):
            st = d.styles.add_style(f"Clause {i + 1}", WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = d.styles["Normal"]
            st.element.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{i}"/><w:numId w:val="{base_num[90]}"/></w:numPr>'))
            styles[i] = st

    numbered = 0
    for i, ln in enumerate(lines):
        p = plan[i]
        if i == 0 and layout == "liststyle":
            para = d.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(ln).bold = True
            continue
        if i == 0:
            d.add_paragraph(ln, style="Title")
            continue
        if p is None:
            para = d.add_paragraph(ln)
            para.paragraph_format.first_line_indent = Pt(32)
            continue
        lvl, value, rest, space = p
        a, ilvl = where[lvl]
        st = state[a]
        expected = 1 if st[ilvl] is None else st[ilvl] + 1
        if expected != value:
            current[a] = next_id
            nums.append((next_id, a, (ilvl, value)))
            next_id += 1
        st[ilvl] = value
        for k in range(ilvl + 1, 9):
            if not (layout != "lists" and k in never_restart):
                st[k] = None
        if space and lvl not in space_levels:
            rest = " " + rest
        if tab_suffix and lvl not in space_levels:
            rest = rest.lstrip(" \u3000")
        para = d.add_paragraph(style=styles.get(lvl))
        cut = rest.find("。") + 1 if kind_is_item(levels[lvl][0]) else 0
        if 0 < cut < len(rest) and rng.random() < 0.5:
            para.add_run(rest[:cut]).bold = True
            para.add_run(rest[cut:])
        else:
            para.add_run(rest)
        if layout != "style" or current[a] != base_num[a]:
            para._p.get_or_add_pPr().insert(
                1 if layout == "style" else 0, parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{current[a]}"/></w:numPr>'))
        numbered += 1

    root = d.part.numbering_part.element
    lvl_xml = {a: {} for a in abstracts}
    for i, (k, fmt) in enumerate(levels):
        a, ilvl = where[i]
        restart = '<w:lvlRestart w:val="0"/>' if i in never_restart and layout != "lists" else ""
        if i in space_levels:
            suff = '<w:suff w:val="space"/>'
        else:
            suff = "" if tab_suffix else '<w:suff w:val="nothing"/>'
        pstyle = f'<w:pStyle w:val="Clause{i + 1}"/>' if layout == "style" else ""
        lvl_xml[a][ilvl] = (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}{pstyle}'
            f'{suff}<w:lvlText w:val="{html.escape(level_text(k, ilvl))}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLineChars="200" '
            f'w:firstLine="640"/></w:pPr></w:lvl>')
    first_num = root.find(f"{{{W}}}num")
    for a in abstracts:
        lv = "".join(lvl_xml[a].get(k, f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                                        f'<w:lvlText w:val="%{k + 1}."/><w:lvlJc w:val="left"/></w:lvl>')
                     for k in range(9))
        kind = "singleLevel" if layout == "lists" else "multilevel"
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{a}"><w:nsid w:val="{(seed_of(stem) + a) & 0xFFFFFFF:08X}"/>'
            f'<w:multiLevelType w:val="{kind}"/>{lv}</w:abstractNum>')
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            root.append(abstract)
    if layout == "liststyle":
        # Word's list style: abstract 90 defines the levels (w:styleLink), abstract 91 only
        # points at the style (w:numStyleLink), the style's numbering is instance 99; the
        # paragraphs' instances use abstract 91.
        d.styles.element.append(parse_xml(
            f'<w:style xmlns:w="{W}" w:type="numbering" w:customStyle="1" w:styleId="ClauseList">'
            f'<w:name w:val="Clause List"/><w:pPr><w:numPr><w:numId w:val="99"/></w:numPr></w:pPr>'
            f'</w:style>'))
        root.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='90']").insert(
            2, parse_xml(f'<w:styleLink xmlns:w="{W}" w:val="ClauseList"/>'))
        link = parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="91"><w:nsid w:val="0A0B0C0D"/>'
            f'<w:multiLevelType w:val="multilevel"/><w:numStyleLink w:val="ClauseList"/></w:abstractNum>')
        first_num.addprevious(link)
        root.append(parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="99"><w:abstractNumId w:val="90"/></w:num>'))
        nums = [(nid, 91, ov) for nid, _, ov in nums]
    for nid, a, ov in nums:
        o = ""
        if ov:
            o = f'<w:lvlOverride w:ilvl="{ov[0]}"><w:startOverride w:val="{ov[1]}"/></w:lvlOverride>'
        root.append(parse_xml(
            f'<w:num xmlns:w="{W}" w:numId="{nid}"><w:abstractNumId w:val="{a}"/>{o}</w:num>'))
    d.save(out_path)
    return numbered, len(nums), layout + ("/tab" if tab_suffix else "")


def kind_is_item(kind):
    """An item kind (not 第X章/条): its paragraphs often open with a bold lead phrase."""
    return kind[0] != "第"


# ---------------------------------------------------------------- PDF

def to_pdf(lines, out_path, stem):
    """The printed copy: A4, STSong-Light 14 pt, `— N —` page numbers; by the stem, justified
    lines and a running header (the title) on every page after the first."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    running_header = seed_of(stem) % 2 == 0
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=14, leading=24,
                          firstLineIndent=28, wordWrap="CJK",
                          alignment=TA_JUSTIFY if seed_of(stem) % 3 == 0 else TA_LEFT)
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=32, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=12)
    head = ParagraphStyle("head", parent=body, alignment=TA_CENTER, firstLineIndent=0)

    short = lines[0] if len(lines[0]) <= 24 else lines[0][:24]

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 12)
        canvas.drawCentredString(A4[0] / 2, 15 * mm, f"— {doc.page} —")
        if doc.page > 1 and running_header:
            canvas.setFont("STSong-Light", 10)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 20 * mm, short)
        canvas.restoreState()

    story = [Paragraph(html.escape(lines[0], quote=False), title)]
    for ln in lines[1:]:
        st = head if HEADING.match(ln) and len(ln) <= 40 else body
        story.append(Paragraph(html.escape(ln, quote=False), st))
    doc = SimpleDocTemplate(str(out_path), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm,
                            topMargin=37 * mm, bottomMargin=35 * mm, title=lines[0])
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--formats", default="md,html,html-gbk,docx,pdf")
    ap.add_argument("--txt-out", help="write each .md input as plain text here first and "
                    "convert that (the .txt is the reference for format_agreement.py)")
    a = ap.parse_args()
    fmts = a.formats.split(",")
    out = Path(a.out)
    for f in fmts:
        (out / f).mkdir(parents=True, exist_ok=True)
    for path in a.inputs:
        stem = Path(path).stem
        if path.endswith(".md"):
            if not a.txt_out:
                sys.exit("a .md input needs --txt-out")
            Path(a.txt_out).mkdir(parents=True, exist_ok=True)
            txt = Path(a.txt_out) / f"{stem}.txt"
            txt.write_text(markdown_to_text(Path(path).read_text(encoding="utf-8")), encoding="utf-8")
            path = str(txt)
        lines = read_lines(path)
        if not lines:
            continue
        note = []
        if "md" in fmts:
            (out / "md" / f"{stem}.md").write_text(to_markdown(lines), encoding="utf-8")
        if "html" in fmts:
            (out / "html" / f"{stem}.html").write_bytes(to_html(lines, stem, "utf-8"))
        if "html-gbk" in fmts:
            (out / "html-gbk" / f"{stem}.gbk.html").write_bytes(to_html(lines, stem, "gbk"))
        if "docx" in fmts:
            n, instances, layout = to_docx(lines, out / "docx" / f"{stem}.docx", stem)
            note.append(f"numbered={n} instances={instances} layout={layout}")
        if "pdf" in fmts:
            to_pdf(lines, out / "pdf" / f"{stem}.pdf", stem)
        print(stem, *note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
