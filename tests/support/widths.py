"""Which numbers of a written workbook would show "###": its number cells wider than their column.

Read with openpyxl (cached values, so formulas count with the value econ
stored), independently of econ's own width code: a number's text under its
number format (``#,##0``, ``#,##0.00``, ``0.0 %``, ``#,##0.######``, General)
needs one character unit per character plus one for the cell's margins, a
column of width w (Excel's character units) has room for w.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters


def shown(value: float, number_format: str) -> str:
    """``value`` under ``number_format`` as Excel shows it (English separators)."""
    section = re.sub(r"\[[^\]]*\]", "", number_format.split(";")[0]).replace('"', "")
    digits = re.search(r"[#0,]+(\.[#0]+)?", section)
    if digits is None:
        return f"{value:.10g}"
    if "%" in section:
        value = value * 100
    integer, _, decimals = digits.group(0).partition(".")
    required, optional = decimals.count("0"), decimals.count("#")
    text = f"{abs(value):,.{required + optional}f}" if "," in integer else f"{abs(value):.{required + optional}f}"
    if optional:
        whole, _, fraction = text.partition(".")
        fraction = fraction[:required] + fraction[required:].rstrip("0")
        text = f"{whole}.{fraction}" if fraction else whole
    if value < 0 and text.strip("0.,"):
        text = "-" + text
    return section[: digits.start()] + text + section[digits.end():]


def column_widths(sheet) -> dict[int, float]:
    """Width of each column (1-based) that has one set; others are the default."""
    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():
        if dimension.customWidth and dimension.width:
            for column in range(dimension.min, dimension.max + 1):
                widths[column] = dimension.width
    return widths


def too_narrow(path: Path) -> list[str]:
    """Every number cell of the workbook at ``path`` that its column is too narrow for, as
    ``Sheet!C11 '234,248,204' needs 12.0, column is 10.7``."""
    book = openpyxl.load_workbook(path, data_only=True)
    found = []
    for sheet in book.worksheets:
        widths = column_widths(sheet)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, bool) or not isinstance(cell.value, (int, float)):
                    continue
                text = shown(float(cell.value), cell.number_format or "General")
                needed = len(text) * (1.1 if cell.font is not None and cell.font.b else 1.0) + 1
                width = widths.get(cell.column, DEFAULT_WIDTH)
                if needed > width:
                    found.append(f"{sheet.title}!{get_column_letter(cell.column)}{cell.row} {text!r} needs "
                                 f"{needed:.1f}, column is {width:.1f}")
    return found
