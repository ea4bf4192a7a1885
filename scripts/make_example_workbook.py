#!/usr/bin/python3
"""Makes the example project's workbooks with openpyxl (Debian's python3-openpyxl, under
Debian's /usr/bin/python3), laid out as a secretariat's statistics table: a title merged across
the table, then a two-row header whose upper cells name a figure over its two columns.

  scripts/make_example_workbook.py cities     data/cities.xlsx (the 14 cities of the notices)
  scripts/make_example_workbook.py scaffold   Sources/HuiwenBuild/ProjectScaffold+Workbook.swift
                                              (the districts workbook `huiwen init` writes)

The keys the templates read come from the header: 地区, 人民政府, 区号, and 事故起数 and 死亡人数,
each over the columns current (本期) and previous (去年同期), the names the change helper reads:
事故起数.current, 事故起数.previous, ….

Once made, a workbook is the data: edit it in Excel or WPS. These scripts only record how the
first version was made.
"""
import base64
import io
import os
import re
import sys

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CITIES = [
    # 地区, 人民政府, 区号, 事故起数 current, previous, 死亡人数 current, previous
    ("长沙市", "长沙市人民政府", "0731", 1328, 1867, 487, 583),
    ("株洲市", "株洲市人民政府", "0731", 630, 880, 195, 251),
    ("湘潭市", "湘潭市人民政府", "0731", 451, 567, 147, 166),
    ("衡阳市", "衡阳市人民政府", "0734", 964, 1307, 307, 359),
    ("邵阳市", "邵阳市人民政府", "0739", 745, 1095, 262, 339),
    ("岳阳市", "岳阳市人民政府", "0730", 680, 1046, 241, 293),
    ("常德市", "常德市人民政府", "0736", 734, 1020, 261, 286),
    ("张家界市", "张家界市人民政府", "0744", 273, 382, 95, 117),
    ("益阳市", "益阳市人民政府", "0737", 570, 695, 185, 205),
    ("郴州市", "郴州市人民政府", "0735", 726, 935, 220, 282),
    ("永州市", "永州市人民政府", "0746", 659, 943, 222, 272),
    ("怀化市", "怀化市人民政府", "0745", 569, 801, 177, 214),
    ("娄底市", "娄底市人民政府", "0738", 472, 652, 150, 180),
    ("湘西土家族苗族自治州", "湘西土家族苗族自治州人民政府", "0743", 183, 270, 60, 65),
]

DISTRICTS = [
    # 区县, 事故起数 current, previous, 死亡人数 current, previous: they add up to the
    # scaffold's statistics.yaml (412 and 520 accidents, 96 and 110 deaths).
    ("东城区", 180, 236, 41, 47),
    ("西城区", 152, 170, 35, 38),
    ("南山县", 80, 114, 20, 25),
]

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def statistics_year(path):
    """The year the statistics cover: `year:` of statistics.yaml."""
    with open(path, encoding="utf-8") as statistics:
        match = re.search(r"^year: (\d{4})$", statistics.read(), re.MULTILINE)
    if not match:
        raise SystemExit(f"{path} has no year")
    return int(match.group(1))


def table(sheet_title, title, single, groups, rows):
    """A workbook of one sheet: `title` merged across the table in row 1; in rows 2 and 3 the
    header: each of `single` merged down both rows, each of `groups` merged over its two
    columns with current | previous under it; the rows from row 4."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    width = len(single) + 2 * len(groups)
    last = openpyxl.utils.get_column_letter(width)
    sheet["A1"] = title
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28
    column = 1
    for label in single:
        letter = openpyxl.utils.get_column_letter(column)
        sheet[f"{letter}2"] = label
        sheet.merge_cells(f"{letter}2:{letter}3")
        column += 1
    for label in groups:
        first = openpyxl.utils.get_column_letter(column)
        second = openpyxl.utils.get_column_letter(column + 1)
        sheet[f"{first}2"] = label
        sheet.merge_cells(f"{first}2:{second}2")
        sheet[f"{first}3"] = "current"
        sheet[f"{second}3"] = "previous"
        column += 2
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2, max_row=3 + len(rows), max_col=width):
        for cell in cells:
            cell.border = BOX
            if cell.row <= 3:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center")
    for index in range(1, width + 1):
        letter = openpyxl.utils.get_column_letter(index)
        sheet.column_dimensions[letter].width = 30 if index == 2 and len(single) > 1 else 12
    sheet.freeze_panes = "A4"
    return workbook


def cities():
    year = statistics_year(os.path.join(REPOSITORY, "data/statistics.yaml"))
    workbook = table("各市州", f"{year}年各市州安全生产统计表", ["地区", "人民政府", "区号"], ["事故起数", "死亡人数"], CITIES)
    target = os.path.join(REPOSITORY, "data/cities.xlsx")
    workbook.save(target)
    print(f"wrote {target}")


def scaffold():
    workbook = table("各区县", "2025年各区县生产安全事故统计表", ["区县"], ["事故起数", "死亡人数"], DISTRICTS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    lines = "\n".join("        " + encoded[start:start + 96] for start in range(0, len(encoded), 96))
    target = os.path.join(REPOSITORY, "Sources/HuiwenBuild/ProjectScaffold+Workbook.swift")
    with open(target, "w", encoding="utf-8") as swift:
        swift.write(f'''import Foundation

// Written by scripts/make_example_workbook.py scaffold (openpyxl): do not edit by hand.
extension ProjectScaffold {{
    /// `data/districts.xlsx` of a new project: a title row and a two-row header, as a
    /// secretariat's statistics table is laid out (区县; 事故起数 and 死亡人数 over current |
    /// previous), {len(buffer.getvalue())} bytes.
    static let districtsWorkbook = Data(base64Encoded: """
{lines}
        """, options: .ignoreUnknownCharacters)!
}}
''')
    print(f"wrote {target}")


if __name__ == "__main__":
    if sys.argv[1:] == ["cities"]:
        cities()
    elif sys.argv[1:] == ["scaffold"]:
        scaffold()
    else:
        raise SystemExit(__doc__)
