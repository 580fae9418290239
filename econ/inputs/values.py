"""One numeric input cell: read, convert to the model's unit, validate, and say what to do when it is wrong.

:class:`ValueReader` is the base of the workbook reader (econ.inputs.reader):
it knows the workbook's currency, throughput basis and months per year, which
the units of the fields refer to, and records its problems
(econ.inputs.problems) instead of stopping at the first.
"""

from __future__ import annotations

import math
import re

from econ import units
from econ.errors import InputError
from econ.inputs import precision, schema
from econ.inputs.plant import Parameter
from econ.inputs.problems import Problems
from econ.inputs.workbook import Workbook

# What a value that could not be read stands for while the reading goes on to find further problems; the
# reading ends with an error whenever one stands anywhere, so the model never sees it
UNREAD = math.nan

_GROUPED = re.compile(r"^[+-]?\d{1,3}([ \u00a0\u202f']\d{3})+([.,]\d+)?$")  # 55 000, 1 200,5, 55'000
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def number_in_text(text: str) -> float | None:
    """The number an engineer meant by a text cell (``'7,5'``, ``'55 000'``, ``'14%'`` is 0.14), or None."""
    body = text.strip()
    percent = body.endswith("%")
    body = body.rstrip("%").strip()
    if _GROUPED.match(body):
        body = re.sub(r"[ \u00a0\u202f']", "", body)
    if not _PLAIN.match(body):
        return None
    if body.count(",") == 1 and "." not in body:
        body = body.replace(",", ".")
    try:
        value = float(body)
    except ValueError:
        return None
    return value / 100 if percent else value


class ValueReader:
    """Reads numeric cells of one workbook; the base of the workbook reader."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.file = book.file
        self.currency = ""
        self.basis = ""
        self.months_per_year: float | None = None
        self.parameters: dict[str, Parameter] = {}
        self.problems = Problems()
        # what could not be read of the workbook's foundations (currency, basis, months): the fields whose units
        # refer to it are not converted, since their errors would repeat the first one
        self.unknown: set[str] = set()
        self._unit_cells_checked: set[tuple[str, str]] = set()  # unit cells that hold no number

    def error(self, message: str, sheet: str | None = None, cell: str | None = None, field: str | None = None,
              expected: str | None = None, found: object = None) -> InputError:
        return InputError(message, file=self.file, sheet=sheet, cell=cell, field=field,
                          expected=expected, found=found)

    def unit_of(self, spec: schema.FieldSpec) -> str:
        return schema.resolve_unit(spec.unit, self.currency, self.basis)

    def _blocked(self, spec: schema.FieldSpec) -> bool:
        return ("currency" in self.unknown and "{cur}" in spec.unit) or (
            "basis" in self.unknown and "{basis}" in spec.unit) or (
            "months" in self.unknown and ("month" in spec.unit or "year" in spec.unit))

    def number(self, sheet: str, address: str, spec: schema.FieldSpec, unit_text: str, label: str,
               key: str, source: str, unit_cell: str | None = None) -> Parameter | None:
        """Read, convert and validate one numeric cell; None when it is blank and optional.

        ``unit_cell`` is where ``unit_text`` was read (the units row of a table, the unit column of a
        parameter row): a missing or wrong unit is reported there.
        """
        raw, value = self.book.cell_and_value(sheet, address, spec.name)
        location = self.book.location(sheet, address)
        if value is None:
            if spec.required and spec.default is None:
                raise self.error(f"value missing: expected {self.wanted(spec)}", sheet, address,
                                 spec.name)
            if spec.default is None:
                return None
            return Parameter(key, label, spec.default, self.unit_of(spec), source or "default", location,
                             f"(blank: default {spec.default:g})", "blank", spec.minimum, spec.maximum)
        if isinstance(value, str):
            raise self.text_instead_of_number(value, spec, sheet, address)
        target = self.unit_of(spec)
        entered_unit = unit_text.strip()
        if unit_cell and (sheet, unit_cell) not in self._unit_cells_checked:  # a table's units row: once a column
            self.check_unit_text(spec, sheet, unit_cell)
            self._unit_cells_checked.add((sheet, unit_cell))
        if self._blocked(spec):
            return Parameter(key, label, UNREAD, target, source, location, str(value))
        percent_format = raw is not None and "%" in raw.number_format
        if spec.kind in ("fraction", "ratio"):
            value = self.fraction(value, entered_unit, percent_format, sheet, address, spec, unit_cell)
        else:
            value = self.convert(value, entered_unit, target, sheet, address, spec, unit_cell)
        self.validate(value, spec, sheet, address)
        shown = raw.value if raw is not None else value
        shown_unit = "" if entered_unit in units.DIMENSIONLESS_SPELLINGS else entered_unit
        entered = f"{shown} {shown_unit}".strip() if not percent_format else f"{float(shown) * 100:g} %"
        half = 0.0 if precision.exact_field(spec.kind, spec.unit) else self.half_unit(sheet, address, raw, value,
                                                                                        source)
        return Parameter(key, label, value, target, source, location, entered, "", spec.minimum, spec.maximum, half)

    def half_unit(self, sheet: str, address: str, raw: object, value: float, source: str) -> float:
        """The printed precision of an input cell in the model's unit (econ.inputs.precision): from the row's
        ``precision`` column if the sheet has one, else from the digits typed and the number format."""
        if raw is None or not isinstance(raw.value, (int, float)) or isinstance(raw.value, bool) or raw.value == 0:
            return 0.0  # a formula, or a typed 0 (an absent component): exact
        scale = abs(value / raw.value)  # the cell's unit -> the model's (g -> kg, % -> fraction)
        column = self._precision_column(sheet)
        row = address.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        text = self.book.text(sheet, f"{column}{row}") if column else ""
        if text:
            try:
                return precision.parse(text, raw.value, raw.number_format) * scale
            except ValueError as problem:
                raise self.error("", sheet, f"{column}{row}", "precision", expected=str(problem), found=text) from None
        if precision.is_assumption(source):
            return 0.0
        return precision.half_unit(raw.value, raw.number_format) * scale

    def _precision_column(self, sheet: str) -> str:
        """The column headed ``precision`` on ``sheet``, or ""."""
        cache = self.__dict__.setdefault("_precision_columns", {})
        if sheet not in cache:
            cache[sheet] = next((re.sub(r"\d", "", address) for address in self.book.sheets.get(sheet, {})
                                 if address.endswith("1") and address[-2].isalpha()
                                 and self.book.text(sheet, address).strip().lower() == "precision"), "")
        return cache[sheet]

    def wanted(self, spec: schema.FieldSpec) -> str:
        """What a field's cell should hold: ``a number in RUB/kWh``, ``a fraction (0 to 1, or a %)``."""
        unit = self.unit_of(spec)
        if spec.kind == "fraction":
            return "a fraction from 0 to 1 (or a percentage)"
        if spec.kind == "ratio":
            return "a ratio (or a percentage)"
        if unit == "dimensionless":
            return "a whole number" if spec.kind == "integer" else "a number"
        if spec.kind == "integer":
            return "a whole number of years" if unit == "year" else f"a whole number in {unit}"
        return f"a number in {unit}"

    def text_instead_of_number(self, text: str, spec: schema.FieldSpec, sheet: str, address: str) -> InputError:
        """The error for a cell that holds text where a number belongs, with the number it probably means."""
        expected = self.wanted(spec)
        meant = number_in_text(text)
        if meant is None:
            return self.error(f"the cell holds the text {text!r}: expected {expected}", sheet, address, spec.name)
        if text.strip().endswith("%") and spec.kind in ("fraction", "ratio"):
            hint = f"type {meant:g} (or {meant * 100:g} with the unit %, or {meant * 100:g}% in a cell formatted as %)"
        else:
            hint = f"type the number {meant:g}"
        return self.error(f"the cell holds the text {text!r}, not a number: {hint}", sheet, address, spec.name)

    def check_unit_text(self, spec: schema.FieldSpec, sheet: str, unit_cell: str) -> None:
        """A unit cell that holds a number is a units row or column that was deleted or overwritten."""
        cell = self.book.cell(sheet, unit_cell)
        if cell is not None and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            raise self.error(f"the unit cell holds the number {cell.value:g}, not a unit: was the units row or column "
                             f"deleted? Expected a unit such as {self.unit_of(spec)!r}", sheet, unit_cell, spec.name)

    def fraction(self, value: float, unit_text: str, percent_format: bool, sheet: str, address: str,
                 spec: schema.FieldSpec, unit_cell: str | None = None) -> float:
        if percent_format:
            return value  # the cell already holds a fraction: 15 % is stored as 0.15
        normal = unit_text.strip().lower()
        if normal in ("%", "percent", "per cent"):
            return value / 100.0
        if normal in ("fraction", "-", "", "1"):
            if spec.kind == "fraction" and not 0.0 <= value <= 1.0:
                raise self.error("", sheet, address, spec.name,
                                 expected="a fraction from 0 to 1 (or format the cell as % or set the unit to %)",
                                 found=value)
            return value
        raise self.error("", sheet, unit_cell or address, spec.name, expected="the unit 'fraction' or '%'",
                         found=unit_text)

    def convert(self, value: float, unit_text: str, target: str, sheet: str, address: str,
                spec: schema.FieldSpec, unit_cell: str | None = None) -> float:
        where = unit_cell or address
        if not unit_text and target != "dimensionless":
            raise self.error("unit missing", sheet, where, spec.name, expected=f"a unit such as {target!r}",
                             found="an empty cell")
        try:
            return units.convert(value, unit_text or "-", target, self.months_per_year)
        except units.UnitError as error:
            raise self.error(f"unit {unit_text!r} cannot be used here ({error})", sheet, where, spec.name,
                             expected=target, found=unit_text) from None

    def validate(self, value: float, spec: schema.FieldSpec, sheet: str, address: str) -> None:
        unit = self.unit_of(spec)
        if not math.isfinite(value):
            raise self.error("", sheet, address, spec.name, expected="a finite number", found=value)
        if spec.kind == "fraction" and not 0.0 <= value <= 1.0:
            raise self.error("", sheet, address, spec.name, expected="a fraction from 0 to 1 (0 % to 100 %)",
                             found=value)
        if spec.kind == "integer" and value != int(value):
            raise self.error("", sheet, address, spec.name, expected=f"a whole number of {unit}", found=value)
        if spec.strictly_positive and value <= 0:
            raise self.error("", sheet, address, spec.name, expected=f"a number above 0 {unit}", found=value)
        if spec.minimum is not None and value < spec.minimum:
            raise self.error("", sheet, address, spec.name, expected=f"a number of at least {spec.minimum:g} {unit}",
                             found=value)
        if spec.maximum is not None and value > spec.maximum:
            raise self.error("", sheet, address, spec.name, expected=f"a number of at most {spec.maximum:g} {unit}",
                             found=value)
