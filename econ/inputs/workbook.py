"""The cells of an input workbook, read once, with the formulas of input cells evaluated.

The workbook is opened read-only and never written. The file is untrusted: every
failure while reading it is an InputError naming the file (and the sheet and cell
where known), never a traceback, a hang or unbounded memory
(docs/architecture.md, "Untrusted files"):

- the first bytes tell an empty file, an encrypted workbook or an old .xls (both
  OLE2 compound files) and a file that is no zip archive apart;
- before anything is inflated, every zip member's declared size and compression
  ratio are checked against the limits below (zipfile never returns more than a
  member's declared size: a member that inflates further fails its CRC check);
- the XML is parsed by defusedxml (openpyxl uses it when it is installed, and econ
  depends on it; econ.inputs.sheet_xml streams each sheet through defusedxml's
  parser too), which refuses entity declarations: no "billion laughs", no
  external entities;
- each cell's stored number must be a finite number, and its address inside a sheet;
- formulas are compiled and evaluated without recursion (econ.inputs.cell_formula),
  cell dependencies are resolved on an explicit stack, and a range visits only
  the cells that exist.
"""

from __future__ import annotations

import datetime
import math
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from openpyxl import load_workbook
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import get_column_letter

from econ.errors import InputError
from econ.inputs import cell_formula
from econ.inputs.plant import Location
from econ.inputs.sheet_xml import CellProblem, SheetParser

# Limits on the zip archive, checked on the declared sizes before anything is inflated. econ's
# workbooks are well under 1 MB; a 100,000-row table is about 40 MB of sheet XML.
MAX_MEMBER_BYTES = 100_000_000   # one member (a sheet, the shared strings) inflated
MAX_TOTAL_BYTES = 250_000_000    # all members together
MAX_RATIO = 100                  # inflated / compressed, for members above RATIO_FROM_BYTES:
RATIO_FROM_BYTES = 2_000_000     # sheet XML compresses 5 to 30 times; a run of zeros 1,000 times
MAX_CELLS = 2_000_000            # non-empty cells in the workbook (about 250 bytes of memory each)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx, or an old .xls
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")  # the OLE2 stream of an encrypted .xlsx

Key = tuple[str, str]  # (sheet, cell address)


class Cell(NamedTuple):
    """A stored cell: its value (a formula as its text), its number format, whether it is an error value.

    A tuple of plain values: the garbage collector stops tracking it, and a 100,000-row table's
    cells cost it nothing.
    """

    value: Any
    number_format: str
    is_error: bool


def describe(value: object) -> str:
    """A cell value that is not a number or text, in words: 'a date 2025-07-05', 'a time 14:30'."""
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return f"a date {value:%Y-%m-%d}"
        return f"a date and time {value:%Y-%m-%d} {_clock(value.time())}"
    if isinstance(value, datetime.date):
        return f"a date {value:%Y-%m-%d}"
    if isinstance(value, datetime.time):
        return f"a time {_clock(value)}"
    if isinstance(value, datetime.timedelta):
        return f"a duration {value}"
    text = getattr(value, "text", None)  # openpyxl's ArrayFormula and DataTableFormula
    if isinstance(text, str):
        return f"an array or table formula {text}"
    return f"a value of type {type(value).__name__}"


def _clock(time: datetime.time) -> str:
    return f"{time:%H:%M:%S}" if time.second or time.microsecond else f"{time:%H:%M}"


class Workbook:
    """The cells of every sheet, with formula evaluation across sheets."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.name
        if not path.exists():
            raise InputError("file not found", file=str(path))
        if path.is_dir():
            raise InputError("is a folder, expected an .xlsx workbook", file=str(path))
        self._check_file()
        self.sheets: dict[str, dict[str, Cell]] = {}
        self.names: dict[str, str] = {}
        with warnings.catch_warnings():
            # openpyxl warns about parts it skips (extensions, odd dates); econ reports what it reads
            warnings.simplefilter("ignore")
            try:
                book = load_workbook(path, read_only=True, data_only=False)
            except Exception as error:  # noqa: BLE001 - any failure of the xlsx layer on a hostile file
                raise self._unreadable("cannot open as an .xlsx workbook", error) from None
            try:
                count = 0
                self._last_rows: dict[str, int] = {}
                for worksheet in book.worksheets:
                    cells, last_row = self._read_sheet(worksheet, MAX_CELLS - count)
                    count += len(cells)
                    self.sheets[worksheet.title] = cells
                    self._last_rows[worksheet.title] = last_row
                    self.names[worksheet.title.strip().lower()] = worksheet.title
            finally:
                book.close()
        self._coordinates: dict[str, list[tuple[int, int, str]]] = {}
        self._spellings: dict[str, str | None] = {}  # sheet(): each name as asked, and the sheet it names
        self._cache: dict[Key, float | str | None] = {}
        self._failures: dict[Key, InputError] = {}
        # the cells the reader has looked at, so that it can report every non-empty cell it has not read
        self.looked_at: set[tuple[str, str]] = set()

    # -- reading the file ---------------------------------------------------------
    def _check_file(self) -> None:
        """Refuse an empty, encrypted, non-zip or oversized file before openpyxl reads it."""
        if not self.path.is_file():
            raise InputError("is not a regular file, expected an .xlsx workbook", file=self.file)
        try:
            with self.path.open("rb") as handle:
                start = handle.read(8)
        except OSError as error:
            raise InputError(f"cannot read the file ({type(error).__name__}: {error.strerror})", file=self.file) from None
        if not start:
            raise InputError("is empty (0 bytes), expected an .xlsx workbook", file=self.file)
        if start == OLE2_MAGIC:
            if ENCRYPTED_STREAM in self.path.read_bytes():
                raise InputError("is encrypted (password-protected): open it in Excel and save it without a "
                                 "password, as an .xlsx workbook", file=self.file)
            raise InputError("is an old Excel 97-2003 .xls workbook (or another OLE2 file), not an .xlsx "
                             "workbook: save it as .xlsx", file=self.file)
        try:
            with zipfile.ZipFile(self.path) as archive:
                members = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            hint = ("the zip archive is damaged or truncated" if start.startswith(b"PK")
                    else "an .xlsx workbook is a zip archive and this file is not one")
            raise InputError(f"cannot open as an .xlsx workbook ({type(error).__name__}: {error}; {hint}): "
                             "save it again from Excel or LibreOffice as .xlsx", file=self.file) from None
        total = 0
        for member in members:
            inflated, compressed = member.file_size, member.compress_size
            total += inflated
            if inflated > MAX_MEMBER_BYTES:
                raise InputError(f"zip member {member.filename!r} declares {inflated:,} bytes uncompressed, more than "
                                 f"econ reads from one member ({MAX_MEMBER_BYTES:,})", file=self.file)
            if inflated > RATIO_FROM_BYTES and inflated > MAX_RATIO * max(compressed, 1):
                raise InputError(f"zip member {member.filename!r} inflates {inflated / max(compressed, 1):,.0f} times "
                                 f"({compressed:,} to {inflated:,} bytes), more than the {MAX_RATIO} times econ "
                                 "accepts: refused as a zip bomb", file=self.file)
            if total > MAX_TOTAL_BYTES:
                raise InputError(f"the zip members declare more than {MAX_TOTAL_BYTES:,} bytes uncompressed in all, "
                                 "more than econ reads from one workbook", file=self.file)

    def _unreadable(self, what: str, error: BaseException, sheet: str | None = None,
                    member: str | None = None) -> InputError:
        while error.__cause__ is not None:  # openpyxl wraps a ValueError in "Unable to read workbook: ..."
            error = error.__cause__
        if member is None and isinstance(error, (DefusedXmlException, ParseError)):
            member, error = self._bad_xml() or (None, error)
        where = f"{member} " if member else "its XML "
        if isinstance(error, DefusedXmlException):
            return InputError(f"{what}: {where}declares an XML entity ({error}), which econ refuses: an .xlsx part "
                              "never needs one, and entity expansion and external entities are attacks",
                              file=self.file, sheet=sheet)
        if isinstance(error, ParseError):
            return InputError(f"{what}: {where}is malformed XML ({error})", file=self.file, sheet=sheet)
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        return InputError(f"{what} ({type(error).__name__}{': ' + detail if detail else ''})",
                          file=self.file, sheet=sheet)

    def _bad_xml(self) -> tuple[str, BaseException] | None:
        """The first XML member that is malformed or declares an entity, and the parser's error."""
        with zipfile.ZipFile(self.path) as archive:
            for member in archive.infolist():
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                try:
                    with archive.open(member) as stream:
                        for _, element in iterparse(stream):
                            element.clear()
                except (ParseError, DefusedXmlException) as error:
                    return member.filename, error
                except Exception:  # noqa: BLE001, S112 - a member that fails otherwise is not the one looked for
                    continue
        return None

    def _read_sheet(self, worksheet: Any, room: int) -> tuple[dict[str, Cell], int]:
        """The non-empty cells of one sheet, by address (at most ``room`` of them), and the number of the last
        row that holds one (0 for none)."""
        cells: dict[str, Cell] = {}
        last_row = 0
        formats: dict[int, str] = {}  # number format by style id
        member = getattr(worksheet, "_worksheet_path", "")
        try:
            with worksheet._get_source() as source:  # noqa: SLF001 - openpyxl's read-only sheet XML stream
                parser = SheetParser(source, worksheet._shared_strings, data_only=False,  # noqa: SLF001
                                      epoch=worksheet.parent.epoch, date_formats=worksheet.parent._date_formats,
                                      timedelta_formats=worksheet.parent._timedelta_formats)
                # openpyxl's own iter_rows pads each row to the sheet's declared width and fills
                # missing rows: a hostile dimension (A1:XFD1048576) would mean 17 billion cells
                for _, row in parser.rows():
                    for parsed in row:
                        if parsed["value"] is None:
                            continue
                        address = f"{get_column_letter(parsed['column'])}{parsed['row']}"
                        if parsed["row"] > last_row:
                            last_row = parsed["row"]
                        number_format = formats.get(parsed["style_id"])
                        if number_format is None:  # a cell's format depends on its style only: looked up once
                            try:
                                number_format = ReadOnlyCell(worksheet, **parsed).number_format or "General"
                            except (IndexError, KeyError, AttributeError):
                                raise CellProblem(address, f"its style {parsed['style_id']} is not in the "
                                                            "workbook's styles") from None
                            formats[parsed["style_id"]] = number_format
                        cells[address] = Cell(parsed["value"], number_format, parsed["data_type"] == "e")
                        if len(cells) > room:
                            raise InputError(f"holds more than {MAX_CELLS:,} non-empty cells, more than econ reads "
                                             "from one workbook", file=self.file, sheet=worksheet.title)
        except CellProblem as problem:
            raise InputError(f"cannot read the cell: {problem.message}", file=self.file, sheet=worksheet.title,
                             cell=problem.address) from None
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - any failure of the XML layer on a hostile sheet
            raise self._unreadable("cannot read the sheet", error, worksheet.title, member) from None
        return cells, last_row

    # -- cells ----------------------------------------------------------------------
    def sheet(self, name: str) -> str | None:
        """The workbook's own spelling of a sheet name, matched without case."""
        if name not in self._spellings:
            self._spellings[name] = self.names.get(name.lower())
        return self._spellings[name]

    def cell(self, sheet: str, address: str) -> Cell | None:
        self.looked_at.add((sheet, address))
        return self.sheets.get(sheet, {}).get(address)

    def unread(self, sheet: str) -> list[str]:
        """The addresses of the non-empty cells of ``sheet`` that no one has looked at, in sheet order."""
        return [address for address in self.sheets.get(sheet, {}) if (sheet, address) not in self.looked_at]

    def last_row(self, sheet: str) -> int:
        """The number of the last row of ``sheet`` that holds a value (0 for an empty sheet)."""
        return self._last_rows[sheet]

    def location(self, sheet: str, address: str) -> Location:
        return Location(self.file, sheet, address)

    def text(self, sheet: str, address: str) -> str:
        cell = self.cell(sheet, address)
        if cell is None or cell.value is None:
            return ""
        return str(cell.value).strip()

    def cell_and_value(self, sheet: str, address: str, field: str | None = None) -> tuple[Cell | None,
                                                                                        float | str | None]:
        """``cell(sheet, address)`` and ``resolve(sheet, address, field)``, a stored number looked up once."""
        cell = self.cell(sheet, address)
        if cell is not None and type(cell.value) in (int, float) and not cell.is_error and self.sheet(sheet) == sheet:
            key = (sheet, address)
            if key not in self._cache:
                self._cache[key] = float(cell.value)  # as _plain
            return cell, self._cache[key]
        return cell, self.resolve(sheet, address, field)

    # -- formulas -------------------------------------------------------------------
    def resolve(self, sheet: str, address: str, field: str | None = None) -> float | str | None:
        """Value of a cell with formulas evaluated; text stays text, empty is None.

        The cells a formula refers to are resolved first, on an explicit stack (no
        recursion: a running total down 10,000 rows is 10,000 frames of a list).
        """
        actual_sheet = self.sheet(sheet)
        if actual_sheet is None:
            raise InputError(f"a formula refers to sheet {sheet!r}, which does not exist",
                             file=self.file, sheet=sheet, cell=address, field=field)
        key = (actual_sheet, address)
        if key in self._cache:
            return self._cache[key]
        if key in self._failures:
            raise self._with_field(self._failures[key], field)
        cell = self.cell(actual_sheet, address)
        if cell is None or not _is_formula(cell.value):  # as _push does, without the stack
            try:
                self._cache[key] = self._plain(key, cell, field)
            except InputError as error:
                self._failures.setdefault(key, error)
                raise self._with_field(error, field) from None
            return self._cache[key]
        frames: list[_Frame] = []
        waiting: set[Key] = set()  # the keys of the frames, for the circular-reference check
        try:
            if self._push(key, field, frames):
                waiting.add(key)
            while frames:
                frame = frames[-1]
                for dependency in frame.pending:
                    if dependency in self._cache:
                        continue
                    if dependency in self._failures:
                        raise self._failures[dependency]
                    if dependency in waiting:
                        cell = self.sheets[dependency[0]][dependency[1]]
                        raise InputError("circular reference in formula", file=self.file, sheet=dependency[0],
                                         cell=dependency[1], field=field,
                                         expected="a formula that does not refer back to itself", found=cell.value)
                    if self._push(dependency, field, frames):
                        waiting.add(dependency)
                        break
                else:
                    self._cache[frame.key] = self._evaluate(frame, field)
                    frames.pop()
                    waiting.discard(frame.key)
        except InputError as error:
            for frame in frames:  # each frame waits, directly or not, on the cell that failed
                self._failures[frame.key] = error
            self._failures.setdefault(key, error)
            raise self._with_field(error, field) from None
        return self._cache[key]

    def _push(self, key: Key, field: str | None, frames: list[_Frame]) -> bool:
        """Resolve a cell without a formula at once; push a frame for a formula. True when pushed."""
        cell = self.cell(*key)
        value = None if cell is None else cell.value
        if _is_formula(value):
            frames.append(self._frame(key, value, field))
            return True
        self._cache[key] = self._plain(key, cell, field)
        return False

    def _frame(self, key: Key, formula: str, field: str | None) -> _Frame:
        sheet, address = key
        try:
            compiled = cell_formula.compile_formula(formula, sheet)
        except cell_formula.FormulaError as error:
            raise InputError(f"cannot evaluate formula {formula!r}: {error}", file=self.file, sheet=sheet,
                             cell=address, field=field) from None
        cells: list[list[Key]] = []
        for reference in compiled.references:
            ref_sheet = self.sheet(reference.sheet)
            if ref_sheet is None:
                raise InputError(f"a formula refers to sheet {reference.sheet!r}, which does not exist "
                                 f"(in {formula!r})", file=self.file, sheet=sheet, cell=address, field=field)
            cells.append([(ref_sheet, cell) for cell in self._cells_in(ref_sheet, reference)])
        return _Frame(key, compiled, cells, (dependency for keys in cells for dependency in keys))

    def _cells_in(self, sheet: str, reference: cell_formula.Reference) -> list[str]:
        """The cell of a reference; for a range, only its cells that exist, row by row."""
        if not reference.is_range:
            return [f"{get_column_letter(reference.first_column)}{reference.first_row}"]
        present = self.sheets[sheet]
        if reference.size <= len(present):
            return [address for address in reference.addresses() if address in present]
        if sheet not in self._coordinates:
            self._coordinates[sheet] = sorted((_row_of(address), _column_of(address), address) for address in present)
        return [address for row, column, address in self._coordinates[sheet] if reference.contains(row, column)]

    def _evaluate(self, frame: _Frame, field: str | None) -> float:
        sheet, address = frame.key
        values = [[self._cache[key] for key in keys] for keys in frame.cells]
        try:
            return frame.formula.evaluate(values, lambda index, position: "!".join(frame.cells[index][position]))
        except cell_formula.FormulaError as error:
            raise InputError(f"cannot evaluate formula {frame.formula.text!r}: {error}", file=self.file,
                             sheet=sheet, cell=address, field=field) from None

    def _plain(self, key: Key, cell: Cell | None, field: str | None) -> float | str | None:
        """The value of a cell without a formula (None for an empty cell)."""
        sheet, address = key
        if cell is None:
            return None
        value = cell.value
        if cell.is_error:
            raise InputError("", file=self.file, sheet=sheet, cell=address, field=field,
                             expected="a number", found=f"error value {value}")
        if isinstance(value, bool):
            raise InputError("", file=self.file, sheet=sheet, cell=address, field=field,
                             expected="a number", found=value)
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, str):
            return value.strip() or None
        raise InputError("", file=self.file, sheet=sheet, cell=address, field=field,
                         expected="a number or text", found=describe(value))

    @staticmethod
    def _with_field(error: InputError, field: str | None) -> InputError:
        return InputError(error.detail, file=error.file, sheet=error.sheet, cell=error.cell, field=field,
                          expected=error.expected, found=error.found)


@dataclass
class _Frame:
    """A formula cell waiting for the cells it refers to."""

    key: Key
    formula: cell_formula.Formula
    cells: list[list[Key]]  # per reference of the formula, the cells it covers
    pending: Iterator[Key]


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def _row_of(address: str) -> int:
    return int(address.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _column_of(address: str) -> int:
    column = 0
    for letter in address.rstrip("0123456789"):
        column = column * 26 + ord(letter) - 64
    return column
