#!/usr/bin/env python3
"""Write the format fixtures of corpus/formats/ (and those that give error records, in
tests/data/unprocessable/) from the invented texts below.

    python3 corpus/formats/make.py

Every text here was written for gongwen (an invented city, 临川市, and its invented rules).
The files are built by hand from their parts (zipfile for DOCX and OFD, a minimal PDF
writer with a ToUnicode map, GBK bytes for one HTML page), so that what each fixture
shows is visible here: the Word numbering definitions, the page furniture, the markup.
The generated files are committed; the sidecars (*.expect.json) are written by hand.
"""
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Files that give error records on purpose (formats not read, hostile containers) live in
# tests/data/unprocessable/, so that `gongwen extract corpus/` exits 0.
BROKEN = HERE.parent.parent / 'tests' / 'data' / 'unprocessable'
PDFS = HERE.parent.parent / 'tests' / 'data' / 'pdf'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>'''
RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>'''
DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>'''


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def run(text):
    return f'<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(text='', num=None, style=None, extra=''):
    """A paragraph; num = (numId, ilvl) or (numId, None) for a style's level."""
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        num_id, ilvl = num
        lvl = '' if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        ppr += f'<w:numPr>{lvl}<w:numId w:val="{num_id}"/></w:numPr>'
    ppr = f'<w:pPr>{ppr}</w:pPr>' if ppr else ''
    return f'<w:p>{ppr}{run(text) if text else ""}{extra}</w:p>'


def lvl(ilvl, fmt, text, start=1, suff=None, restart=None, legal=False, style=None):
    out = f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
    if restart is not None:
        out += f'<w:lvlRestart w:val="{restart}"/>'
    if style:
        out += f'<w:pStyle w:val="{style}"/>'
    if legal:
        out += '<w:isLgl/>'
    if suff:
        out += f'<w:suff w:val="{suff}"/>'
    return out + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'


def numbering(abstracts, nums):
    """abstracts: {id: [lvl xml]}; nums: {numId: (abstractId, {ilvl: startOverride})}."""
    out = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
    for aid, levels in abstracts.items():
        out += f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>' \
               + ''.join(levels) + '</w:abstractNum>'
    for nid, (aid, overrides) in nums.items():
        out += f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
        for k, v in overrides.items():
            out += f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        out += '</w:num>'
    return out + '</w:numbering>'


def styles(extra=''):
    return f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
{extra}</w:styles>'''


def docx(name, body, numbering_xml, styles_xml):
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>' \
               + ''.join(body) + '<w:sectPr/></w:body></w:document>'
    parts = {
        '[Content_Types].xml': CONTENT_TYPES,
        '_rels/.rels': RELS,
        'word/_rels/document.xml.rels': DOC_RELS,
        'word/document.xml': document,
        'word/numbering.xml': numbering_xml,
        'word/styles.xml': styles_xml,
    }
    write_zip(HERE / name, parts)


def write_zip(path, parts):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for k, v in parts.items():
            info = zipfile.ZipInfo(k, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, v.encode('utf-8') if isinstance(v, str) else v)


# ── DOCX 1: a regulation numbered by Word: chapters, articles that run on across chapters
# (lvlRestart 0), a new w:num with startOverride per chapter, items restarting per article.
STATUTE_ABSTRACT = {
    '3': [
        lvl(0, 'chineseCounting', '第%1章', suff='space'),
        lvl(1, 'chineseCounting', '第%2条', restart=0, suff='nothing'),
        lvl(2, 'chineseCounting', '（%3）', suff='nothing'),
    ],
}


def statute():
    body = [
        para('临川市河道保洁条例', style='Title'),
        para('（2025年3月1日临川市第九届人民代表大会常务委员会第十二次会议通过）'),
        para('总则', num=(1, 0)),
        para('　为了保持河道整洁，改善城乡环境，结合本市实际，制定本条例。', num=(1, 1)),
        para('　本条例适用于本市行政区域内河道的保洁及其监督管理。', num=(1, 1)),
        para('职责分工', num=(2, 0)),
        para('　市水务部门负责全市河道保洁工作，履行下列职责：', num=(2, 1)),
        para('编制年度保洁计划；', num=(2, 2)),
        para('组织保洁质量考核；', num=(2, 2)),
        para('查处违反本条例的行为。', num=(2, 2)),
        para('　区人民政府负责辖区内河道保洁的组织实施，履行下列职责：', num=(2, 1)),
        para('落实保洁经费；', num=(2, 2)),
        para('配备保洁人员。', num=(2, 2)),
        para('法律责任', num=(3, 0)),
        para('　违反本条例规定向河道倾倒垃圾的，由市水务部门责令改正，处二百元以上一千元以下罚款。', num=(3, 1)),
        para('　本条例自2025年7月1日起施行。', num=(3, 1)),
    ]
    nums = {'1': ('3', {}), '2': ('3', {0: 2}), '3': ('3', {0: 3})}
    docx('statute-numbering.docx', body, numbering(STATUTE_ABSTRACT, nums), styles())


# ── DOCX 2: a plan whose list comes from paragraph styles (numPr on the style, the level
# inherited through w:basedOn), with a text box, a tracked change and a table.
PLAN_STYLES = '''
<w:style w:type="paragraph" w:styleId="HeadingOne"><w:name w:val="Heading One"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="HeadingTwo"><w:name w:val="Heading Two"/><w:basedOn w:val="HeadingOne"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ItemThree"><w:name w:val="Item Three"/><w:basedOn w:val="HeadingTwo"/>
  <w:pPr><w:numPr><w:ilvl w:val="2"/></w:numPr></w:pPr></w:style>
'''


def plan():
    text_box = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
                + para('（此件公开发布）') + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
                '<mc:Fallback><w:pict><w:txbxContent>' + para('（此件公开发布）')
                + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    tracked = ('<w:del w:id="1" w:author="x"><w:r><w:delText>二〇二五年</w:delText></w:r></w:del>'
               '<w:ins w:id="2" w:author="x"><w:r><w:t>2026年</w:t></w:r></w:ins>')
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>河道</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:tc><w:p><w:r><w:t>东溪</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>东城区人民政府</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    body = [
        para('临川市河道保洁专项行动方案', style='Title'),
        para('', extra=text_box),
        para('为改善河道环境，现制定本方案。'),
        para('总体要求', style='HeadingOne'),
        para('工作目标。到', style='HeadingTwo', extra=tracked + run('底，全市河道保洁覆盖率达到百分之百。')),
        para('基本原则。坚持属地管理，分级负责。', style='HeadingTwo'),
        para('重点任务', style='HeadingOne'),
        para('清理河面垃圾。', style='HeadingTwo'),
        para('组织专业队伍定期巡查。', style='ItemThree'),
        para('建立垃圾清运台账。', style='ItemThree'),
        para('整治沿河排污口。', style='HeadingTwo'),
        para('开展排污口排查。', style='ItemThree'),
        para('保障措施', style='HeadingOne'),
        para('各区人民政府对本辖区河道保洁负主体责任，区长是第一责任人。'),
        table,
    ]
    abstracts = {
        '5': [
            lvl(0, 'chineseCounting', '%1、', suff='nothing', style='HeadingOne'),
            lvl(1, 'chineseCounting', '（%2）', suff='nothing', style='HeadingTwo'),
            lvl(2, 'decimal', '%3.', suff='nothing', style='ItemThree'),
        ],
    }
    nums = {'20': ('5', {})}
    docx('plan-styles.docx', body, numbering(abstracts, nums), styles(PLAN_STYLES))


# ── DOCX 3: a gap that only Word numbering shows — a second w:num restarts the articles at
# 第四条 where 第三条 belongs.
def gap():
    body = [
        para('临川市河道巡查办法', style='Title'),
        para('　为了规范河道巡查，制定本办法。', num=(1, 0)),
        para('　河道巡查实行网格化管理。', num=(1, 0)),
        para('　巡查人员应当如实记录巡查情况。', num=(2, 0)),
        para('　本办法自公布之日起施行。', num=(2, 0)),
    ]
    abstracts = {'0': [lvl(0, 'chineseCounting', '第%1条', suff='nothing')]}
    nums = {'1': ('0', {}), '2': ('0', {0: 4})}
    docx('gap-numbering.docx', body, numbering(abstracts, nums), styles())


# ── DOCX 4: isLgl and the enclosed and legal formats (checked through the text view).
def formats_docx():
    body = [
        para('临川市河道分级目录', style='Title'),
        para('市级河道', num=(1, 0)),
        para('东溪', num=(1, 1)),
        para('西溪', num=(1, 1)),
        para('区级河道', num=(1, 0)),
        para('南渠', num=(1, 1)),
        para('甲项', num=(2, 0)),
        para('乙项', num=(2, 0)),
        para('壹项', num=(3, 0)),
        para('贰项', num=(3, 0)),
    ]
    abstracts = {
        '0': [lvl(0, 'chineseCounting', '第%1部分', suff='space'),
              lvl(1, 'decimal', '%1.%2', legal=True, suff='space')],
        '1': [lvl(0, 'decimalEnclosedCircle', '%1', suff='nothing', start=19)],
        '2': [lvl(0, 'chineseLegalSimplified', '%1、', suff='nothing', start=10)],
    }
    nums = {'1': ('0', {}), '2': ('1', {}), '3': ('2', {})}
    docx('legal-numbering.docx', body, numbering(abstracts, nums), styles())


# ── HTML: a policy page with navigation, breadcrumbs, a metadata table and a footer; the
# body has a numbering gap (一、二、四、). UTF-8, and the same page as GBK declaring gb2312.
def page(charset):
    return f'''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>临川市河道保洁专项行动方案_政策文件_临川市人民政府</title>
<style>.content p {{ text-indent: 2em; }}</style>
<script>var nav = "<p>一、假标题</p>";</script>
</head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zcwj/">政策文件</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zcwj/">政策文件</a></div>
<table class="info"><tr><td>索引号：</td><td>LC-2025-0031</td><td>发布机构：</td><td>临川市人民政府办公室</td></tr></table>
<h1>临川市河道保洁专项行动方案</h1>
<div class="content" id="zoom">
<p style="text-align:center">临川市河道保洁专项行动方案</p>
<p>&emsp;&emsp;为改善河道环境，现制定本方案。</p>
<p>&emsp;&emsp;一、总体要求</p>
<p>&emsp;&emsp;到2026年底，全市河道保洁覆盖率达到百分之百。</p>
<p>&emsp;&emsp;二、重点任务</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;（一）清理河面垃圾。组织专业队伍定期巡查。</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;（二）整治沿河排污口。开展排污口排查，建立&ldquo;一口一档&rdquo;。</p>
<p>　　四、保障措施</p>
<p style="text-indent:2em">各区人民政府对本辖区河道保洁负主体责任。<br/>市水务局负责督促指导。</p>
</div>
<div class="share">【<a href="javascript:print()">打印</a>】</div>
<div class="footer"><p>主办：临川市人民政府办公室　<a href="/lxwm/">联系我们</a></p><p>网站标识码：0000000000　备案号：某ICP备00000000号</p></div>
</body>
</html>
'''


def html():
    (HERE / 'policy-page.html').write_text(page('utf-8'), encoding='utf-8')
    (HERE / 'policy-page.gbk.html').write_bytes(page('gb2312').encode('gbk'))


# ── Markdown in the LawRefBook layout.
MARKDOWN = '''# 临川市河道保洁条例

2025年3月1日 临川市第九届人民代表大会常务委员会第十二次会议通过

<!-- INFO END -->

## 第一章 总则

**第一条** 为了保持河道整洁，制定本条例。

**第二条** 本条例适用于本市行政区域内河道的保洁。

## 第二章 职责分工

**第三条** 市水务部门履行下列职责：

（一）编制年度保洁计划；

（二）组织保洁质量考核。

**第四条** 本条例自2025年7月1日起施行。
'''


# ── PDF: three pages with a running header and `— N —` footers; lines wrap at the page
# width. Fonts are CID fonts (Identity-H) with a ToUnicode map: the text layer a drafting
# office's PDF printer writes. And a scan: a page without text.
PDF_PAGES = [
    ['临川市人民政府公报', '临川市河道巡查办法', '第一条　为了规范河道巡查，加强河道', '管理，制定本办法。',
     '第二条　河道巡查实行网格化管理，', '各区人民政府负责本辖区巡查工作。', '— 1 —'],
    ['临川市人民政府公报', '第三条　巡查人员应当如实记录巡查', '情况，发现问题及时报告。', '— 2 —'],
    ['临川市人民政府公报', '第四条　本办法自公布之日起施行。', '— 3 —'],
]


def pdf_text(lines):
    ops = ['BT', '/F1 12 Tf']
    y = 800
    for line in lines:
        hexs = ''.join(f'{ord(c):04X}' for c in line)
        ops.append(f'1 0 0 1 72 {y} Tm <{hexs}> Tj')
        y -= 24
    ops.append('ET')
    return '\n'.join(ops).encode()


def pdf(path, pages):
    objs = []

    def add(data):
        objs.append(data)
        return len(objs)

    cmap = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
            '/CMapName /Identity-UCS def /CMapType 2 def',
            '1 begincodespacerange <0000> <FFFF> endcodespacerange',
            '100 beginbfrange']
    ranges = [f'<{h:02X}00> <{h:02X}FF> <{h:02X}00>' for h in range(256)]
    body = []
    for k in range(0, 256, 100):
        chunk = ranges[k:k + 100]
        body.append(f'{len(chunk)} beginbfrange')
        body.extend(chunk)
        body.append('endbfrange')
    cmap = cmap[:3] + body + ['endcmap CMapName currentdict /CMap defineresource pop end end']
    cmap_data = '\n'.join(cmap).encode()
    tounicode = add(b'<< /Length %d >>\nstream\n' % len(cmap_data) + cmap_data + b'\nendstream')
    descendant = add(b'<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LinchuanSong '
                     b'/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>')
    font = add(b'<< /Type /Font /Subtype /Type0 /BaseFont /LinchuanSong /Encoding /Identity-H '
               b'/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>' % (descendant, tounicode))
    page_ids = []
    pages_id = len(objs) + 1 + 2 * len(pages)
    for lines in pages:
        data = zlib.compress(pdf_text(lines)) if lines else zlib.compress(b'0 0 m 100 100 l S')
        content = add(b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data) + data + b'\nendstream')
        page_ids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] '
                            b'/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>'
                            % (pages_id, font, content)))
    kids = ' '.join(f'{p} 0 R' for p in page_ids).encode()
    assert add(b'<< /Type /Pages /Kids [%s] /Count %d >>' % (kids, len(pages))) == pages_id
    catalog = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, data in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + data + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offsets:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, catalog, xref)
    path.write_bytes(bytes(out))


# ── OFD: the same rules on two pages, a text object per phrase, a page number on each.
OFD_XML = '''<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
<ofd:DocBody><ofd:DocInfo><ofd:DocID>0000</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
</ofd:OFD>'''


def ofd_page(rows):
    objs = []
    for i, (y, x, text) in enumerate(rows):
        objs.append(f'<ofd:TextObject ID="{100 + i}" Boundary="{x} {y} 160 6" Font="1" Size="4.2">'
                    f'<ofd:TextCode X="0" Y="4.5">{esc(text)}</ofd:TextCode></ofd:TextObject>')
    return ('<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">'
            '<ofd:Content><ofd:Layer ID="1">' + ''.join(objs) + '</ofd:Layer></ofd:Content></ofd:Page>')


def ofd():
    document = '''<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>200</ofd:MaxUnitID>
<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>
<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages>
</ofd:Document>'''
    page0 = ofd_page([(20, 60, '临川市河道巡查办法'), (35, 25, '第一条'), (35, 42, '　为了规范河道巡查，'),
                      (43, 25, '制定本办法。'), (51, 25, '第二条　河道巡查实行网格化管理。'), (280, 100, '— 1 —')])
    page1 = ofd_page([(20, 25, '第三条　巡查人员应当如实记录巡查情况。'), (28, 25, '第四条　本办法自公布之日起施行。'),
                      (280, 100, '— 2 —')])
    write_zip(HERE / 'rules.ofd', {
        'OFD.xml': OFD_XML,
        'Doc_0/Document.xml': document,
        'Doc_0/Pages/Page_0/Content.xml': page0,
        'Doc_0/Pages/Page_1/Content.xml': page1,
    })


# ── Formats that are recognised and not read, and hostile containers.
def unsupported():
    ole = bytearray(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 504)
    ole += 'Root Entry'.encode('utf-16-le') + b'\0' * 44 + 'WordDocument'.encode('utf-16-le') + b'\0' * 40
    (BROKEN / 'legacy.doc').write_bytes(bytes(ole))
    write_zip(BROKEN / 'sheet.xlsx', {'[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>'})
    write_zip(BROKEN / 'bundle.zip', {'第一份.txt': '第一条　甲。', '第二份.txt': '第二条　乙。'})
    (BROKEN / 'photo.png').write_bytes(b'\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0'
                                     + zlib.crc32(b'x').to_bytes(4, 'big'))


def hostile():
    # A zip bomb: 200 MB of spaces in word/document.xml, about 200 KB on disk.
    with zipfile.ZipFile(BROKEN / 'bomb.docx', 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        info = zipfile.ZipInfo('word/document.xml', date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, 'w') as f:
            f.write(f'<w:document {W}><w:body><w:p><w:r><w:t>'.encode())
            block = b' ' * (1 << 20)
            for _ in range(200):
                f.write(block)
            f.write(b'</w:t></w:r></w:p></w:body></w:document>')
    # A truncated Word file: the first half of the statute fixture.
    whole = (HERE / 'statute-numbering.docx').read_bytes()
    (BROKEN / 'truncated.docx').write_bytes(whole[:len(whole) // 2])
    # Billion laughs: nested entity declarations in a DTD.
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n'
    for i in range(1, 10):
        laughs += f'<!ENTITY lol{i} "' + f'&lol{"" if i == 1 else i - 1};' * 10 + '">\n'
    laughs += f']>\n<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    write_zip(BROKEN / 'laughs.docx', {'[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': laughs})
    # Deep nesting: a hundred thousand open elements.
    deep = f'<w:document {W}><w:body>' + '<w:sdt>' * 100_000 + '</w:body></w:document>'
    write_zip(BROKEN / 'deep.docx', {'[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': deep})


def main():
    statute()
    plan()
    gap()
    formats_docx()
    html()
    (HERE / 'statute.md').write_text(MARKDOWN, encoding='utf-8')
    pdf(PDFS / 'bulletin.pdf', PDF_PAGES)
    pdf(PDFS / 'scan.pdf', [[]])
    ofd()
    unsupported()
    hostile()


if __name__ == '__main__':
    main()
