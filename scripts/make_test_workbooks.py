#!/usr/bin/python3
"""Makes the workbooks the tests of huiwen's .xlsx reader read: scripts/make_test_workbooks.py OUTDIR

Run by the tests' setup (Tests/HuiwenTestSupport/TestWorkbooks.swift) with Debian's
/usr/bin/python3, which sees Debian's python3-openpyxl. Most workbooks are saved by openpyxl;
those named lo-* by LibreOffice (soffice --convert-to from CSV, and through its Python bridge
for the password-protected one), when soffice is installed. A few are changed after saving,
each as a spreadsheet program would have written it (said where it is done): the locale
built-in date formats that Chinese Excel and WPS write without declaring them, a zip bomb, a
ZIP entry whose header lies; values.xlsx is also written in the ZIP layouts of Apache POI's
streaming writer and of a forced ZIP64. handmade-*.xlsx are written by hand, part by part, to test the XML
reading itself (entities, CDATA, namespace prefixes, rich text, Excel's _xHHHH_ escapes).

Writes OUTDIR/manifest.json: {"made": [names], "skipped": {"libreoffice": why}}.
"""
import csv
import datetime
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = None
MADE = []
SKIPPED = {}


def path(name):
    return os.path.join(OUT, name)


def save(workbook, name):
    workbook.save(path(name))
    MADE.append(name)


def new_sheet(title):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    return workbook, sheet


def rewrite_part(name, part, change):
    """Rewrites one part of a saved workbook (zipfile cannot edit in place)."""
    source = path(name)
    temporary = source + ".tmp"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            new.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    os.replace(temporary, source)


# --- values --------------------------------------------------------------------------------

def values():
    """One sheet: every kind of value, as the cells of a CSV twin would give them."""
    workbook, sheet = new_sheet("各市州")
    sheet.append(["地区", "区号", "邮编", "事故起数", "比例", "小数", "浮点", "大数", "小数值", "负数",
                  "填报日期", "核实", "备注", "accidents.current", "accidents.previous"])
    sheet.append(["长沙市", "0731", "110000", 1328, 0.279, 27.849999999999998, 0.30000000000000004,
                  123456789012345678, 0.000012, -3.5, datetime.date(2026, 1, 10), True, "按时报送", 1328, 1867])
    sheet.append(["株洲市", "0733", "412000", 630, 0.2841, 27.85, 0.1, 0, 1e-20, -0.5,
                  datetime.date(2025, 12, 31), False, None, 630, 880])
    sheet["E2"].number_format = "0.0%"
    sheet["E3"].number_format = "0.0%"
    for cell in ("K2", "K3"):
        sheet[cell].number_format = "yyyy-mm-dd"
    save(workbook, "values.xlsx")


# --- tables as people make them ------------------------------------------------------------

def table():
    """A title merged across the table, a two-row header, blank rows and columns around it,
    an empty row inside, a total row: the example project's layout, one column and row in."""
    workbook, sheet = new_sheet("各市州")
    sheet["B2"] = "2025年各市州安全生产统计表"
    sheet.merge_cells("B2:H2")
    sheet["B2"].alignment = Alignment(horizontal="center")
    for column, label in (("B", "地区"), ("C", "人民政府"), ("D", "区号")):
        sheet[f"{column}3"] = label
        sheet.merge_cells(f"{column}3:{column}4")
    sheet["E3"] = "事故起数"
    sheet.merge_cells("E3:F3")
    sheet["G3"] = "死亡人数"
    sheet.merge_cells("G3:H3")
    for column, label in zip("EFGH", ("本期", "去年同期", "本期", "去年同期")):
        sheet[f"{column}4"] = label
    rows = {
        5: ("长沙市", "长沙市人民政府", "0731", 1328, 1867, 487, 583),
        6: ("株洲市", "株洲市人民政府", "0733", 630, 880, 195, 251),
        7: ("湘潭市", None, "0732", 451, 567, 147, 166),
        9: ("衡阳市", "衡阳市人民政府", "0734", 964, 1307, 307, 359),
        10: ("合计", None, None, 3373, 4621, 1136, 1359),
    }
    for number, row in rows.items():
        for column, value in zip("BCDEFGH", row):
            if value is not None:
                sheet[f"{column}{number}"] = value
    save(workbook, "table.xlsx")


def layouts():
    """Sheets with other layouts, each a key of the result (several visible sheets)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "标题未合并"
    sheet["A1"] = "2025年统计表"  # a title typed in one cell, not merged, above a wider table
    sheet.append(["地区", "起数"])
    sheet.append(["长沙市", 1])
    lower = workbook.create_sheet("下行标签")
    # A two-row header where one label sits in the lower row with nothing above it, one has
    # nothing under it, and a group is merged over two sub-columns.
    lower["A1"] = "地区"
    lower["B2"] = "区号"
    lower["C1"] = "事故起数"
    lower.merge_cells("C1:D1")
    lower["C2"] = "current"
    lower["D2"] = "previous"
    lower.append(["长沙市", "0731", 1328, 1867])
    dotted = workbook.create_sheet("点号")
    dotted.append(["name", "accidents.current", "accidents.previous"])
    dotted.append(["长沙市", 1328, 1867])
    number_header = workbook.create_sheet("数字表头")
    number_header.append(["地区", 2024, 2025])
    number_header.append(["长沙市", 1867, 1328])
    single = workbook.create_sheet("一列")
    single.append(["地区"])
    single.append(["长沙市"])
    single.append(["株洲市"])
    save(workbook, "layouts.xlsx")


def add_sheet(workbook, title, rows, state="visible"):
    sheet = workbook.create_sheet(title)
    for row in rows:
        sheet.append(row)
    sheet.sheet_state = state
    return sheet


def sheets():
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    add_sheet(workbook, "长沙", [["指标", "数值"], ["事故起数", 1328]])
    add_sheet(workbook, "草稿", [["x"], ["#DIV/0!"]], "hidden")  # an error in a hidden sheet is never read
    add_sheet(workbook, "株洲", [["指标", "数值"], ["事故起数", 630]])
    add_sheet(workbook, "备用", [["y"]], "veryHidden")
    add_sheet(workbook, "Sheet3", [])  # visible and empty, as Excel's and WPS's default sheets are
    workbook.create_chartsheet("图表")
    save(workbook, "sheets.xlsx")

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    add_sheet(workbook, "数据", [["地区", "起数"], ["长沙市", 1328]])
    add_sheet(workbook, "说明", [["填表说明"]], "hidden")
    save(workbook, "one-visible.xlsx")


# --- dates ---------------------------------------------------------------------------------

DATE_COLUMNS = [
    # header, value, number format
    ("自定义日期", datetime.date(2026, 1, 10), "yyyy-mm-dd"),
    ("内置14", datetime.date(2026, 1, 10), "mm-dd-yy"),
    ("中文日期", datetime.date(2026, 1, 10), 'yyyy"年"m"月"d"日"'),
    ("月日", datetime.date(2026, 1, 10), 'm"月"d"日"'),
    ("星期", datetime.date(2026, 1, 10), "[$-804]aaaa;@"),
    ("时间", datetime.time(14, 30), "h:mm"),
    ("时间秒", datetime.time(14, 30, 5), "h:mm:ss"),
    ("分秒", datetime.time(0, 2, 5), "mm:ss"),
    ("下午", datetime.time(14, 30), '上午/下午h"时"mm"分"'),
    ("日期时间", datetime.datetime(2026, 1, 10, 14, 30), "m/d/yy h:mm"),
    ("累计", 1.5, "[h]:mm:ss"),
    ("日期藏时间", datetime.datetime(2026, 1, 10, 18, 0), "yyyy-mm-dd"),
    ("百分比", 0.279, "0.0%"),
    ("科学", 12000, "0.00E+00"),
    ("带文字", 1328, '#,##0"起"'),
    ("常规", 27.85, "General"),
    ("二月廿八", 59, "yyyy-mm-dd"),
    ("三月一", 61, "yyyy-mm-dd"),
    ("首日", 1, "yyyy-mm-dd"),
    ("零点", 0, "h:mm"),
    # The locale built-ins Chinese Excel and WPS write without declaring: 31 is
    # yyyy"年"m"月"d"日", 57 yyyy"年"m"月", 58 m"月"d"日", 32 h"时"mm"分". openpyxl declares
    # every format it writes, so these placeholders are turned into bare ids below.
    ("内置31", datetime.date(2026, 1, 10), "HUIWEN31"),
    ("内置57", datetime.date(2026, 1, 10), "HUIWEN57"),
    ("内置58", datetime.date(2026, 1, 10), "HUIWEN58"),
    ("内置32", datetime.time(9, 5), "HUIWEN32"),
]


def undeclare_builtins(name):
    """Turns the HUIWENnn placeholder formats into bare built-in ids, as WPS writes them."""
    def change(styles):
        ids = {}
        for match in re.finditer(r'<numFmt numFmtId="(\d+)" formatCode="HUIWEN(\d+)"\s*/>', styles):
            ids[match.group(1)] = match.group(2)
        styles = re.sub(r'<numFmt numFmtId="\d+" formatCode="HUIWEN\d+"\s*/>', "", styles)
        for old, new in ids.items():
            styles = re.sub(r'(<xf [^>]*numFmtId=")%s"' % old, r'\g<1>%s"' % new, styles)
        return styles
    rewrite_part(name, "xl/styles.xml", change)


def dates():
    workbook, sheet = new_sheet("日期")
    sheet.append([header for header, _, _ in DATE_COLUMNS])
    sheet.append([value for _, value, _ in DATE_COLUMNS])
    for column, (_, _, number_format) in enumerate(DATE_COLUMNS, start=1):
        sheet.cell(row=2, column=column).number_format = number_format
    save(workbook, "dates.xlsx")
    undeclare_builtins("dates.xlsx")

    workbook, sheet = new_sheet("1904")
    workbook.epoch = CALENDAR_MAC_1904
    sheet.append(["日期", "首日", "时间"])
    sheet.append([datetime.date(2026, 1, 10), 0, datetime.time(8, 0)])
    sheet["A2"].number_format = "yyyy-mm-dd"
    sheet["B2"].number_format = "yyyy-mm-dd"
    sheet["C2"].number_format = "h:mm"
    save(workbook, "dates1904.xlsx")


# --- errors --------------------------------------------------------------------------------

def errors():
    """Every cell that cannot give a value, each at its place."""
    workbook, sheet = new_sheet("各市州")
    sheet.append(["地区", "事故起数", "比例", "填报日期"])
    for row in range(2, 10):
        sheet.append([f"城市{row}", row * 10, 0.5, datetime.date(2026, 1, row)])
        sheet.cell(row=row, column=4).number_format = "yyyy-mm-dd"
    sheet["C7"] = "#DIV/0!"  # the example: data/cities.xlsx:7:3
    sheet["B8"] = "#N/A"
    sheet["C9"] = "#REF!"
    sheet["B4"] = "=SUM(B2:B3)"  # openpyxl saves a formula without computing it
    sheet["D5"] = 60  # 1900-02-29, the day of Excel's leap-year bug
    sheet["D6"] = 0.25  # a time alone under a date format: Excel shows 1900-01-00
    sheet["D3"] = -1  # a negative date: Excel shows ######
    save(workbook, "errors.xlsx")

    workbook, sheet = new_sheet("表头")
    sheet.append(["地区", "数值", "地区", "a", "a.b", "c..d", None, "e"])
    sheet.append(["长沙市", 1, 2, 3, 4, 5, "无名", 6])
    save(workbook, "header-errors.xlsx")

    workbook = openpyxl.Workbook()
    workbook.active.title = "2025.1"
    workbook.active.append(["x"])
    workbook.active.append([1])
    other = workbook.create_sheet("另一张")
    other.append(["y"])
    other.append([2])
    save(workbook, "dotted-sheet.xlsx")


# --- ZIP layouts other writers use ----------------------------------------------------------

def zip_layouts():
    """values.xlsx in two other ZIP layouts: as Apache POI's streaming writer (opczip) writes
    every part (ZIP version 4.5, sizes only in a 24-byte ZIP64 data descriptor after the data),
    and as Python's zipfile writes with force_zip64 (a ZIP64 field in each local header)."""
    with zipfile.ZipFile(path("values.xlsx")) as source:
        parts = [(item.filename, source.read(item.filename)) for item in source.infolist()]

    output, central = bytearray(), bytearray()
    for name, data in parts:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        deflated = packer.compress(data) + packer.flush()
        crc, encoded, offset = zlib.crc32(data), name.encode(), len(output)
        output += struct.pack("<IHHHIIIIHH", 0x04034B50, 45, 8, 8, 0, crc, 0, 0, len(encoded), 0) + encoded
        output += deflated + struct.pack("<IIQQ", 0x08074B50, crc, len(deflated), len(data))
        central += struct.pack("<IHHHHIIIIHHHHHII", 0x02014B50, 45, 45, 8, 8, 0, crc, len(deflated), len(data),
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(output), 0)
    open(path("streamed-zip64.xlsx"), "wb").write(bytes(output + central + end))
    MADE.append("streamed-zip64.xlsx")

    with zipfile.ZipFile(path("forced-zip64.xlsx"), "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            with package.open(name, "w", force_zip64=True) as part:
                part.write(data)
    MADE.append("forced-zip64.xlsx")


# --- hostile and damaged files ---------------------------------------------------------------

def bombs():
    # A sheet padded with 64 MB of spaces inside <sheetData>: valid XML that deflates about
    # 1000 to 1, refused before it is inflated.
    workbook, sheet = new_sheet("Sheet")
    sheet.append(["x"])
    sheet.append([1])
    save(workbook, "bomb-ratio.xlsx")
    rewrite_part("bomb-ratio.xlsx", "xl/worksheets/sheet1.xml",
                 lambda xml: xml.replace("<sheetData>", "<sheetData>" + " " * (64 << 20), 1))

    # A ZIP entry whose directory says 100 bytes while it inflates to far more: inflating
    # stops at the declared size.
    workbook, sheet = new_sheet("Sheet")
    for row in range(2000):
        sheet.append([f"行{row}", row])
    save(workbook, "bomb-lying.xlsx")
    lie_about_size(path("bomb-lying.xlsx"), "xl/worksheets/sheet1.xml", 100)

    workbook, sheet = new_sheet("Sheet")
    sheet.append(["x"])
    sheet.append([1])
    save(workbook, "malformed.xlsx")
    rewrite_part("malformed.xlsx", "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</row>", "</rows>", 1))

    workbook, sheet = new_sheet("Sheet")
    sheet.append(["x"])
    save(workbook, "doctype.xlsx")
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    rewrite_part("doctype.xlsx", "xl/worksheets/sheet1.xml", lambda xml: re.sub(r"(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + laughs, xml, count=1))


def lie_about_size(file, member, size):
    """Sets the uncompressed size of `member` in both its local header and the central
    directory (the CRC stays; a reader that trusts the size must stop there)."""
    data = bytearray(open(file, "rb").read())
    name = member.encode()
    # (signature, offset of the uncompressed size, of the name's length, of the name)
    for signature, size_offset, length_offset, name_offset in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        start = 0
        while True:
            start = data.find(signature, start)
            if start < 0:
                break
            length = struct.unpack_from("<H", data, start + length_offset)[0]
            if data[start + name_offset:start + name_offset + length] == name:
                struct.pack_into("<I", data, start + size_offset, size)
            start += 4
    open(file, "wb").write(bytes(data))


# --- hand-written packages: the XML itself ---------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>"""

# Prefixed elements, attributes in another order and quoted with ', a relationship id under
# another prefix, a relative target with "./".
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet rel:id='rId1' sheetId='1' name='手写&amp;表'/></x:sheets></x:workbook>"""

WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="./worksheets/sheet1.xml" Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" TargetMode="External" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="file:///elsewhere.xlsx"/></Relationships>"""

# Rich text runs, a phonetic guide (left out), an escaped carriage return and underscore,
# entities, white space kept.
SHARED_STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>地区</t></si><si><r><rPr><b/></rPr><t>长沙</t></r><r><t xml:space="preserve">市 </t></r><rPh sb="0" eb="2"><t>チャンシャ</t></rPh></si><si><t>第一行_x000D_
第二行_x005F_x0041_</t></si><si><t>&lt;a&gt; &amp; &#x5E02;&#24066;</t></si><si><t>说明</t></si></sst>"""

STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;" numFmtId="176"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf xfId="0" numFmtId="176" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="9"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="177" formatCode="yyyy-mm-dd"/></dxf></dxfs></styleSheet>"""

# Cells in any attribute order, without r (the next column), a row without r, a comment and
# CDATA inside values, inline rich text, a formula's text result and an empty one, a boolean,
# an ISO date cell, self-closing empty cells with a style, numbers in several notations.
SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><dimension ref="A1:H3"/><sheetData>
  <row r="1"><c t="s" r="A1"><v>0</v></c><c r="B1" t="inlineStr"><is><t>文字</t></is></c><c r='C1' t='inlineStr'><is><t>数值</t></is></c><c t="inlineStr"><is><t>公式</t></is></c><c t="inlineStr"><is><t>空公式</t></is></c><c t="inlineStr"><is><t>布尔</t></is></c><c t="inlineStr"><is><t>日期</t></is></c><c t="inlineStr"><is><t>样式日期</t></is></c><c t="inlineStr"><is><t>百分比</t></is></c></row>
  <row><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v><!-- a comment -->27.8<![CDATA[49999999999998]]></v></c><c r="D2" t="str"><f>"市"&amp;"区"</f><v>市区</v></c><c r="E2" t="str"><f>""</f><v></v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="d"><v>2026-01-10T00:00:00</v></c><c s="1" r="H2"><v>46032</v></c><c r="I2" s="2"><v>0.279</v></c></row>
  <row r="3" spans="1:9"><c r="A3" t="inlineStr"><is><r><t>株</t></r><r><rPr><i/></rPr><t>洲市</t></r></is></c><c r="B3" t="s"><v>3</v></c><c r="C3"><v>1.2E-5</v></c><c r="D3" s="1"/><c r="E3"/><c r="F3" t="b"><v>0</v></c><c r="G3" t="d"><v>2026-01-10T14:30:00</v></c><c r="H3" s="1"><v>46032.75</v></c><c r="I3"><v>-0</v></c></row>
</sheetData><mergeCells count="0"/><mc:AlternateContent><mc:Choice Requires="x14"><c r="Z9"><v>1</v></c></mc:Choice></mc:AlternateContent></worksheet>"""


def write_package(name, parts):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as package:
        for part, text in parts.items():
            package.writestr(part, text.encode("utf-8") if isinstance(text, str) else text)
    MADE.append(name)


def handmade():
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": SHARED_STRINGS,
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": SHEET,
    }
    write_package("handmade-xml.xlsx", parts)
    # Rows and cells out of order, and one cell written twice (the format allows it; Excel
    # never does): read in order, the later of the two kept.
    disorder = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                '<row r="3"><c r="B3"><v>30</v></c><c r="A3" t="inlineStr"><is><t>株洲市</t></is></c></row>'
                '<row r="1"><c r="B1" t="inlineStr"><is><t>起数</t></is></c><c r="A1" t="inlineStr"><is><t>地区</t></is></c></row>'
                '<row r="2"><c r="A2" t="inlineStr"><is><t>长沙市</t></is></c><c r="B2"><v>1</v></c><c r="B2"><v>20</v></c></row>'
                '</sheetData></worksheet>')
    write_package("handmade-order.xlsx", dict(parts, **{"xl/worksheets/sheet1.xml": disorder}))
    # Numbers as a workbook stores them (the text of a double) beside what Excel shows (text).
    numbers = [
        ("27.849999999999998", "27.85"), ("0.30000000000000004", "0.3"), ("0.1", "0.1"),
        ("1328", "1328"), ("-3.5", "-3.5"), ("1.2E-5", "0.000012"), ("1.5e+3", "1500"),
        ("123456789012345678", "123456789012346000"), ("9.9999999999999995E+22", "100000000000000000000000"),
        ("0.27899999999999997", "0.279"), ("12.5", "12.5"), ("0", "0"), ("-0", "0"),
        ("2.675", "2.675"), ("1.0000000000000002", "1"), ("0.99999999999999989", "1"),
        ("4.35", "4.35"), ("1E-7", "0.0000001"), ("100", "100"), ("3.0000000000000004", "3"),
    ]
    rows = "".join(
        f'<row r="{index}"><c r="A{index}"><v>{stored}</v></c><c r="B{index}" t="inlineStr"><is><t>{shown}</t></is></c></row>'
        for index, (stored, shown) in enumerate(numbers, start=2))
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>stored</t></is></c><c r="B1" t="inlineStr"><is><t>shown</t></is></c></row>'
             + rows + "</sheetData></worksheet>")
    write_package("handmade-numbers.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    })


# --- LibreOffice -------------------------------------------------------------------------------

LO_VALUES_CSV = """地区,区号,事故起数,去年同期,比例,填报日期,合计
长沙市,0731,1328,1867,0.279,2026-01-10,=C2+D2
株洲市,0733,630,880,0.2841,2026-01-11,=C3+D3
"""

LO_ERRORS_CSV = """地区,区号,事故起数,比例
长沙市,0731,1328,=C2/0
株洲市,0733,630,=NA()
"""

CSV_FILTER = "44,34,76,1,2/2,2052,false,true"  # comma, ", UTF-8, from line 1, column 2 as text, zh-CN, detect dates


def soffice_command():
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def libreoffice():
    office = soffice_command()
    if office is None:
        SKIPPED["libreoffice"] = "soffice not found (Debian: libreoffice-calc-nogui)"
        return
    work = tempfile.mkdtemp(prefix="huiwen-lo-")
    try:
        profile = "file://" + os.path.join(work, "profile")
        sources = {"lo-values.csv": LO_VALUES_CSV, "lo-errors.csv": LO_ERRORS_CSV}
        for name, text in sources.items():
            open(os.path.join(work, name), "w", encoding="utf-8").write(text)
        base = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                f"--infilter=Text - txt - csv (StarCalc):{CSV_FILTER}"]
        run(base + ["--convert-to", "xlsx", "--outdir", OUT] + [os.path.join(work, name) for name in sources])
        run(base + ["--convert-to", "xls", "--outdir", work, os.path.join(work, "lo-values.csv")])
        run(base + ["--convert-to", "ods", "--outdir", work, os.path.join(work, "lo-values.csv")])
        for name in ("lo-values.xlsx", "lo-errors.xlsx"):
            if not os.path.exists(path(name)):
                raise SystemExit(f"LibreOffice did not write {name}")
            MADE.append(name)
        shutil.copy(os.path.join(work, "lo-values.xls"), path("lo-old-format.xlsx"))
        MADE.append("lo-old-format.xlsx")
        shutil.copy(os.path.join(work, "lo-values.ods"), path("lo-opendocument.xlsx"))
        MADE.append("lo-opendocument.xlsx")
        encrypted(office, profile, os.path.join(work, "lo-values.csv"), path("lo-encrypted.xlsx"))
        MADE.append("lo-encrypted.xlsx")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stdout.decode(errors='replace')}")


def encrypted(office, profile, csv_file, target):
    """Saves the CSV as a workbook with a password to open, through LibreOffice's Python
    bridge (soffice --convert-to has no password option): Office's encrypted package, an OLE
    compound file holding EncryptionInfo and EncryptedPackage."""
    import uno
    from com.sun.star.beans import NamedValue, PropertyValue

    def prop(name, value):
        item = PropertyValue()
        item.Name, item.Value = name, value
        return item

    pipe = f"huiwen-tests-{os.getpid()}"
    process = subprocess.Popen([office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                                "--nologo", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        if context is None:
            raise SystemExit("LibreOffice did not answer on its pipe")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(csv_file), "_blank", 0, (
            prop("Hidden", True), prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", CSV_FILTER)))
        password, crypto = NamedValue(), NamedValue()
        password.Name, password.Value = "OOXPassword", "huiwen"
        crypto.Name, crypto.Value = "CryptoType", "Standard"
        encryption = prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", (password, crypto)))
        uno.invoke(document, "storeToURL", (uno.systemPathToFileUrl(target), uno.Any(
            "[]com.sun.star.beans.PropertyValue", (prop("FilterName", "Calc MS Excel 2007 XML"), encryption))))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away with the office
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def main():
    global OUT
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    OUT = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    for make in (values, table, layouts, sheets, dates, errors, zip_layouts, bombs, handmade, libreoffice):
        make()
    with open(path("manifest.json"), "w", encoding="utf-8") as manifest:
        json.dump({"made": MADE, "skipped": SKIPPED}, manifest, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
