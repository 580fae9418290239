"""Copies of an input workbook with some cells changed, for the full-DCF tests (tests/test_full_dcf.py)."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def edited_copy(source: Path, directory: Path, edits: dict[tuple, object]) -> Path:
    """A copy of ``source`` in ``directory`` with ``edits`` applied.

    A key (sheet, field) sets the value of a parameter sheet's field (column C of the row whose column A holds
    it); (sheet, row name or year, column header) sets a table cell, adding the column if the header lacks it.
    """
    book = openpyxl.load_workbook(source)
    for key, value in edits.items():
        sheet = book[key[0]]
        if len(key) == 2:
            row = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == key[1])
            sheet.cell(row, 3).value = value
            continue
        _, name, column_name = key
        headers = {sheet.cell(1, column).value: column for column in range(1, sheet.max_column + 1)}
        if column_name not in headers:
            headers[column_name] = sheet.max_column + 1
            sheet.cell(1, headers[column_name]).value = column_name
            sheet.cell(2, headers[column_name]).value = "-"
        row = next(row for row in range(3, sheet.max_row + 1) if sheet.cell(row, 1).value == name)
        sheet.cell(row, headers[column_name]).value = value
    target = directory / source.name
    book.save(target)
    return target
