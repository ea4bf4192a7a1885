#!/usr/bin/python3
"""Measure a printed page: every line of text and every rule of a PDF, in points from the top
left corner of each page, as JSON on standard output.

    /usr/bin/python3 scripts/print_measure.py FILE.pdf

Used by the print tests (Tests/HuiwenBuildTests/DOCXPrintTests.swift): they print documents
(LibreOffice for .docx) and check the numbers of GB/T 9704 on what this reports. Needs
Debian's python3-pdfminer (run with /usr/bin/python3, which sees Debian's packages).

A line is the characters of one page that share a baseline (within 0.5 pt) and a font size;
for each: the baseline, the size, the left and right edges, the text, the fonts, the colours,
and every character's [x0, x1]. A rule is a stroked line or a thin filled rectangle: its
ends, its vertical position, its thickness and its colour.
"""
import json
import sys

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTCurve, LTLine, LTRect, LTTextContainer


def colour(value):
    """pdfminer's colour (gray, RGB or CMYK tuple) as #rrggbb; None when unknown."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        value = (value,)
    value = tuple(value)
    if len(value) == 1:
        rgb = (value[0],) * 3
    elif len(value) == 3:
        rgb = value
    elif len(value) == 4:
        c, m, y, k = value
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    try:
        return "#" + "".join("%02x" % max(0, min(255, round(float(v) * 255))) for v in rgb)
    except (TypeError, ValueError):
        return None


def characters(item):
    """Every LTChar below a layout item."""
    if isinstance(item, LTChar):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from characters(child)


def rules(item, height):
    """Stroked lines and thin rectangles (thickness under 2 pt) below a layout item."""
    if isinstance(item, (LTLine, LTRect, LTCurve)):
        x0, y0, x1, y1 = item.bbox
        thin_rect = isinstance(item, LTRect) and min(x1 - x0, y1 - y0) < 2
        if isinstance(item, LTLine) or thin_rect:
            thickness = (y1 - y0) if thin_rect and (x1 - x0) >= (y1 - y0) else item.linewidth
            paint = item.stroking_color if item.stroke else item.non_stroking_color
            if thin_rect and item.fill:
                paint = item.non_stroking_color
            yield {
                "x0": round(x0, 2), "x1": round(x1, 2),
                "y": round(height - (y0 + y1) / 2, 2),
                "thickness": round(float(thickness or 0), 3),
                "color": colour(paint),
            }
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from rules(child, height)


def measure(path):
    pages = []
    for page in extract_pages(path, laparams=LAParams(line_margin=0.01, char_margin=100)):
        height = page.height
        chars = [c for c in characters(page) if c.get_text().strip()]
        lines = {}
        for char in chars:
            baseline = height - char.matrix[5]
            key = (round(baseline * 2) / 2, round(char.size, 1))
            lines.setdefault(key, []).append(char)
        out = []
        for (baseline, size), members in sorted(lines.items()):
            members.sort(key=lambda c: c.x0)
            out.append({
                "baseline": round(baseline, 2),
                "size": size,
                "x0": round(members[0].x0, 2),
                "x1": round(members[-1].x1, 2),
                "text": "".join(c.get_text() for c in members),
                "fonts": sorted({c.fontname for c in members}),
                "colors": sorted({colour(c.graphicstate.ncolor) or "?" for c in members}),
                "chars": [[round(c.x0, 2), round(c.x1, 2)] for c in members],
            })
        pages.append({
            "width": round(page.width, 2),
            "height": round(height, 2),
            "lines": out,
            "rules": list(rules(page, height)),
        })
    return {"pages": pages}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: print_measure.py FILE.pdf")
    json.dump(measure(sys.argv[1]), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
