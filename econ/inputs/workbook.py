"""The cells of an input workbook, read once, with the formulas of input cells evaluated.

The workbook is opened read-only and never written.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from econ.errors import InputError
from econ.inputs import cell_formula
from econ.inputs.plant import Location


@dataclass(frozen=True)
class Cell:
    value: Any
    number_format: str
    is_error: bool


class Workbook:
    """The cells of every sheet, with formula evaluation across sheets."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.name
        if not path.exists():
            raise InputError("file not found", file=str(path))
        if path.is_dir():
            raise InputError("is a folder, expected an .xlsx workbook", file=str(path))
        try:
            book = load_workbook(path, read_only=True, data_only=False)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise InputError(f"cannot open as an .xlsx workbook ({type(error).__name__}: {error})",
                             file=self.file) from None
        try:
            self.sheets: dict[str, dict[str, Cell]] = {}
            self.names: dict[str, str] = {}
            for worksheet in book.worksheets:
                cells: dict[str, Cell] = {}
                for row in worksheet.iter_rows():
                    for cell in row:
                        if cell.value is None or not hasattr(cell, "column"):
                            continue
                        address = f"{get_column_letter(cell.column)}{cell.row}"
                        cells[address] = Cell(cell.value, cell.number_format or "General", cell.data_type == "e")
                self.sheets[worksheet.title] = cells
                self.names[worksheet.title.strip().lower()] = worksheet.title
        finally:
            book.close()
        self._evaluating: set[tuple[str, str]] = set()
        self._cache: dict[tuple[str, str], float | str | None] = {}
        # the cells the reader has looked at, so that it can report every non-empty cell it has not read
        self.looked_at: set[tuple[str, str]] = set()

    def sheet(self, name: str) -> str | None:
        """The workbook's own spelling of a sheet name, matched without case."""
        return self.names.get(name.lower())

    def cell(self, sheet: str, address: str) -> Cell | None:
        self.looked_at.add((sheet, address))
        return self.sheets.get(sheet, {}).get(address)

    def unread(self, sheet: str) -> list[str]:
        """The addresses of the non-empty cells of ``sheet`` that no one has looked at, in sheet order."""
        return [address for address in self.sheets.get(sheet, {}) if (sheet, address) not in self.looked_at]

    def last_row(self, sheet: str) -> int:
        """The number of the last row of ``sheet`` that holds a value (0 for an empty sheet)."""
        return max((int(address.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for address in self.sheets[sheet]), default=0)

    def location(self, sheet: str, address: str) -> Location:
        return Location(self.file, sheet, address)

    def resolve(self, sheet: str, address: str, field: str | None = None) -> float | str | None:
        """Value of a cell with formulas evaluated; text stays text, empty is None."""
        actual_sheet = self.sheet(sheet)
        if actual_sheet is None:
            raise InputError(f"a formula refers to sheet {sheet!r}, which does not exist",
                             file=self.file, sheet=sheet, cell=address, field=field)
        key = (actual_sheet, address)
        if key in self._cache:
            return self._cache[key]
        cell = self.cell(actual_sheet, address)
        if cell is None:
            return None
        if cell.is_error:
            raise InputError("", file=self.file, sheet=actual_sheet, cell=address, field=field,
                             expected="a number", found=f"error value {cell.value}")
        value = cell.value
        if isinstance(value, str) and value.startswith("=") and len(value) > 1:
            if key in self._evaluating:
                raise InputError("circular reference in formula", file=self.file, sheet=actual_sheet,
                                 cell=address, field=field, expected="a formula that does not refer back to itself",
                                 found=value)
            self._evaluating.add(key)
            try:
                result: float | str | None = cell_formula.evaluate(
                    value, actual_sheet, lambda s, a: self.resolve(s, a, field)
                )
            except cell_formula.FormulaError as error:
                raise InputError(f"cannot evaluate formula {value!r}: {error}", file=self.file,
                                 sheet=actual_sheet, cell=address, field=field) from None
            finally:
                self._evaluating.discard(key)
        elif isinstance(value, bool):
            raise InputError("", file=self.file, sheet=actual_sheet, cell=address, field=field,
                             expected="a number", found=value)
        elif isinstance(value, (int, float)):
            result = float(value)
        elif isinstance(value, str):
            result = value.strip() or None
        else:  # dates and times
            raise InputError("", file=self.file, sheet=actual_sheet, cell=address, field=field,
                             expected="a number or text", found=str(value))
        self._cache[key] = result
        return result

    def text(self, sheet: str, address: str) -> str:
        cell = self.cell(sheet, address)
        if cell is None or cell.value is None:
            return ""
        return str(cell.value).strip()
