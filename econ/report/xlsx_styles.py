"""How the results workbook's cells look: number formats, the colours of inputs and formulas, column widths.

Colours follow the convention of the H2A and FAST financial models: an input
copied from the input workbook is blue on light yellow, a formula is black, a
formula that only shows a cell of another sheet (a link) is green. The
Summary sheet carries a legend.

Money is shown as the report shows it (econ.report.document): whole roubles,
kopecks only on amounts below 1,000; rates as ``10.0 %``. Each number column
is made wide enough for its widest formatted value, so no cell shows ``###``.
"""

from __future__ import annotations

import math
import re

import xlsxwriter

from econ.report.xlsx_texts import text

INPUT_FONT, INPUT_FILL, FORMULA_FONT, LINK_FONT = "#0000FF", "#FFF2CC", "#000000", "#00803C"
MONEY, MONEY_SMALL = "#,##0", "#,##0.00"
PERCENT = "0.0 %"
INPUT_PERCENT = "0.0## %"
_SMALL_MONEY = 1000.0  # below this, money keeps its kopecks (as the report's figures do)

KINDS = ("formula", "input", "link")


def money_format(value: object) -> str:
    """Whole roubles, or kopecks on a non-zero amount below 1,000 (``38.20``; ``0``, not ``0.00``)."""
    if isinstance(value, (int, float)) and math.isfinite(value) and 0 < abs(value) < _SMALL_MONEY:
        return MONEY_SMALL
    return MONEY


def is_whole(value: object) -> bool:
    """Whether ``value`` is a finite whole number (8, 8.0): Excel shows ``#,##0.######`` on 8 as ``8.``."""
    return isinstance(value, (int, float)) and math.isfinite(value) and float(value).is_integer()


def decimals_format(value: object, decimals: str = "#,##0.######") -> str:
    """``#,##0`` for a whole number (:func:`is_whole`), else ``decimals``."""
    return MONEY if is_whole(value) else decimals


def input_format(value: object, unit: str) -> str:
    """The number format of an input's value (or of a value of the same input: a break-even, a range's end)
    outside the Inputs sheet: percent for a fraction, else up to 4 decimals and none on a whole number."""
    return INPUT_PERCENT if unit == "fraction" else decimals_format(value, "#,##0.####")


class Palette:
    """Cell formats by kind (formula, input, link), number format and weight, made once per workbook."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self._made: dict[tuple[str, str, bool], object] = {}

    def get(self, kind: str, num_format: str, bold: bool = False) -> object:
        """The format of a cell of ``kind`` showing ``num_format``; bold totals get a rule above."""
        made = self._made.get((kind, num_format, bold))
        if made is None:
            properties: dict[str, object] = {"num_format": num_format}
            if kind == "input":
                properties.update(font_color=INPUT_FONT, bg_color=INPUT_FILL, border=1, border_color="#BFBFBF")
            elif kind == "link":
                properties.update(font_color=LINK_FONT)
            if bold:
                properties.update(bold=True, top=1)
            made = self._made[(kind, num_format, bold)] = self.book.add_format(properties)
        return made


def write_legend(sheet: object, row: int, palette: Palette, lang: str) -> int:
    """The colour legend from ``row`` on, columns A and B of ``sheet``; returns the row after it."""
    heading = palette.book.add_format({"bold": True})
    sheet.write_string(row, 0, text("xlsx.legend", lang), heading)  # type: ignore[attr-defined]
    for offset, kind in enumerate(KINDS, start=1):
        sheet.write_string(row + offset, 0, text(f"xlsx.legend.{kind}", lang))  # type: ignore[attr-defined]
        sheet.write_number(row + offset, 1, 1234.5, palette.get(kind, MONEY_SMALL))  # type: ignore[attr-defined]
    return row + len(KINDS) + 1


# -- widths -----------------------------------------------------------------------------------------------

_SECTION = re.compile(r"\[[^\]]*\]")
_DIGITS = re.compile(r"[#0,]+(\.[#0]+)?")


def formatted(value: float, num_format: str) -> str:
    """``value`` as Excel shows it under ``num_format`` (the formats econ writes: ``#,##0.00``, ``0.0 %``,
    ``#,##0.######``, ``0``), with English separators: for widths, not for display."""
    section = _SECTION.sub("", num_format.split(";")[0]).replace('"', "").replace("\\", "")
    match = _DIGITS.search(section)
    if match is None:  # General
        return f"{value:.10g}"
    if "%" in section:
        value *= 100
    integer, _, decimals = match.group(0).partition(".")
    fixed, optional = decimals.count("0"), decimals.count("#")
    text = f"{abs(value):{',' if ',' in integer else ''}.{fixed + optional}f}"
    if optional:
        whole, _, digits = text.partition(".")
        digits = digits[:fixed] + digits[fixed:].rstrip("0")
        text = whole + ("." + digits if digits else "")
    if value < 0 and any(char in text for char in "123456789"):
        text = "-" + text
    return section[:match.start()] + text + section[match.end():]


def text_width(text: str, bold: bool = False) -> float:
    """Width in Excel's character units (digits of the default font, 11 pt) a number needs, with a margin:
    every character counted as a digit (separators are narrower), bold a tenth wider."""
    return len(text) * (1.1 if bold else 1.0) + 2


def fit_number_columns(book: xlsxwriter.Workbook) -> None:
    """Widen every column whose numbers would not fit (``###``) to its widest formatted number.

    Reads XlsxWriter's cell table after the sheets are written; only numeric
    cells count (a text overflows into the next cell, a number shows ``###``).
    """
    for sheet in book.worksheets():
        widest: dict[int, float] = {}
        for row in sheet.table.values():
            for column, cell in row.items():
                value = getattr(cell, "value", getattr(cell, "number", None))
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                    continue
                cell_format = cell.format
                num_format = cell_format.num_format if cell_format is not None else "General"
                bold = bool(cell_format is not None and cell_format.bold)
                needed = text_width(formatted(float(value), str(num_format or "General")), bold)
                if needed > widest.get(column, 0):
                    widest[column] = needed
        for column, needed in widest.items():
            current, column_format = _column_width(sheet, column)
            if needed > current:
                sheet.set_column(column, column, math.ceil(needed), column_format)


def _column_width(sheet: object, column: int) -> tuple[float, object]:
    """A column's width in characters as set so far, and its format (XlsxWriter 3.3 keeps pixels, 3.1 characters)."""
    info = sheet.col_info.get(column)  # type: ignore[attr-defined]
    if info is None:
        return 8.43, None
    if isinstance(info, list):  # XlsxWriter before 3.3: [width, format, hidden, level, collapsed, autofit]
        return (8.43 if info[0] is None else info[0]), info[1]
    if info.width is None:
        return 8.43, info.column_format
    return (info.width - sheet.cell_padding) / sheet.max_digit_width, info.column_format  # type: ignore[attr-defined]


def set_widths(sheet: object, widths: tuple[float, ...]) -> None:
    """Column widths in characters, from column A on."""
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)  # type: ignore[attr-defined]
