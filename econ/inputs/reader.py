"""Read an input workbook into a :class:`~econ.inputs.plant.Plant`.

The workbook is opened read-only and never written. Every problem is raised as
an :class:`~econ.errors.InputError` naming file, sheet, cell and field, what was
expected and what was found.
"""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from econ import units
from econ.errors import InputError
from econ.i18n import LANGUAGES
from econ.inputs import schema
from econ.inputs.chain_reader import read_chain
from econ.inputs.uncertainty_reader import read_uncertainty
from econ.inputs.products_reader import read_priced_tables
from econ.inputs.plant import (
    Alternative, BreakEvenStudy, Parameter, Plant, Reference, Row, input_key, row_key,
)
from econ.inputs.workbook import Workbook


class _Reader:
    def __init__(self, path: Path) -> None:
        self.book = Workbook(path)
        self.file = self.book.file
        self.currency = ""
        self.basis = ""
        self.months_per_year: float | None = None
        self.parameters: dict[str, Parameter] = {}

    # -- helpers ---------------------------------------------------------------
    def error(self, message: str, sheet: str | None = None, cell: str | None = None, field: str | None = None,
              expected: str | None = None, found: object = None) -> InputError:
        return InputError(message, file=self.file, sheet=sheet, cell=cell, field=field,
                          expected=expected, found=found)

    def require_sheet(self, name: str) -> str:
        actual = self.book.sheet(name)
        if actual is None:
            raise self.error(f"sheet {name!r} is missing (sheets present: {', '.join(self.book.sheets)})")
        return actual

    def header(self, sheet: str, row: int = 1) -> dict[str, str]:
        """Column letter of each header name in ``row``, names lower-cased."""
        columns: dict[str, str] = {}
        for address, cell in self.book.sheets[sheet].items():
            column = address.rstrip("0123456789")
            if int(address[len(column):]) == row and isinstance(cell.value, str):
                columns.setdefault(cell.value.strip().lower(), column)
        return columns

    def column(self, sheet: str, columns: dict[str, str], name: str) -> str:
        if name not in columns:
            raise self.error(f"column {name!r} is missing from the header row", sheet=sheet, cell="1",
                             expected=f"a header cell {name!r}", found=sorted(columns))
        return columns[name]

    def unit_of(self, spec: schema.FieldSpec) -> str:
        return schema.resolve_unit(spec.unit, self.currency, self.basis)

    def number(self, sheet: str, address: str, spec: schema.FieldSpec, unit_text: str, label: str,
               key: str, source: str) -> Parameter | None:
        """Read, convert and validate one numeric cell; None when it is blank and optional."""
        raw = self.book.cell(sheet, address)
        value = self.book.resolve(sheet, address, spec.name)
        if value is None:
            if spec.required and spec.default is None:
                raise self.error("", sheet, address, spec.name, expected=f"a number in {self.unit_of(spec)}",
                                 found="an empty cell")
            if spec.default is None:
                return None
            return Parameter(key, label, spec.default, self.unit_of(spec), source or "default",
                             self.book.location(sheet, address), f"(blank: default {spec.default:g})", "blank")
        if isinstance(value, str):
            raise self.error("", sheet, address, spec.name, expected=f"a number in {self.unit_of(spec)}",
                             found=value)
        target = self.unit_of(spec)
        entered_unit = unit_text.strip()
        percent_format = raw is not None and "%" in raw.number_format
        if spec.kind in ("fraction", "ratio"):
            value = self.fraction(value, entered_unit, percent_format, sheet, address, spec)
        else:
            value = self.convert(value, entered_unit, target, sheet, address, spec)
        self.validate(value, spec, sheet, address)
        shown = raw.value if raw is not None else value
        shown_unit = "" if entered_unit in units.DIMENSIONLESS_SPELLINGS else entered_unit
        entered = f"{shown} {shown_unit}".strip() if not percent_format else f"{float(shown) * 100:g} %"
        return Parameter(key, label, value, target, source, self.book.location(sheet, address), entered)

    def fraction(self, value: float, unit_text: str, percent_format: bool, sheet: str, address: str,
                 spec: schema.FieldSpec) -> float:
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
        raise self.error("", sheet, address, spec.name, expected="the unit 'fraction' or '%'", found=unit_text)

    def convert(self, value: float, unit_text: str, target: str, sheet: str, address: str,
                spec: schema.FieldSpec) -> float:
        if not unit_text and target != "dimensionless":
            raise self.error("", sheet, address, spec.name, expected=f"a unit such as {target!r}",
                             found="no unit")
        try:
            return units.convert(value, unit_text or "-", target, self.months_per_year)
        except units.UnitError as error:
            raise self.error(f"unit {unit_text!r} cannot be used here ({error})", sheet, address, spec.name,
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

    # -- parameter sheets --------------------------------------------------------
    def parameter_rows(self, sheet_name: str) -> tuple[str, dict[str, int], dict[str, str]]:
        sheet = self.require_sheet(sheet_name)
        columns = self.header(sheet)
        for name in ("field", "value", "unit"):
            self.column(sheet, columns, name)
        rows: dict[str, int] = {}
        field_column = columns["field"]
        for address, cell in self.book.sheets[sheet].items():
            if address.rstrip("0123456789") == field_column and isinstance(cell.value, str) and cell.value.strip():
                row = int(address[len(field_column):])
                name = cell.value.strip().lower()
                if row > 1 and name in rows:  # one value per field: a second row would be silently ignored
                    first, second = sorted((rows[name], row))
                    raise self.error(f"field {name!r} is also on row {first}", sheet, f"{field_column}{second}",
                                     name, expected="each field on one row", found=f"rows {first} and {second}")
                if row > 1:
                    rows[name] = row
        return sheet, rows, columns

    def read_text(self, sheet: str, rows: dict[str, int], columns: dict[str, str], spec: schema.TextSpec) -> str:
        if spec.name not in rows:
            if spec.required:
                raise self.error(f"no row with field {spec.name!r}", sheet, f"{columns['field']}:{columns['field']}",
                                 spec.name)
            return spec.default
        address = f"{columns['value']}{rows[spec.name]}"
        value = self.book.resolve(sheet, address, spec.name)
        if value is None:
            if spec.required:
                raise self.error("", sheet, address, spec.name, expected="text", found="an empty cell")
            return spec.default
        text = str(value).strip() if isinstance(value, str) else f"{value:g}"
        if spec.choices and text.lower() not in spec.choices:
            raise self.error("", sheet, address, spec.name, expected=" or ".join(spec.choices), found=text)
        return text.lower() if spec.choices else text

    def read_parameters(self, sheet_name: str, specs: tuple[schema.FieldSpec, ...]) -> None:
        sheet, rows, columns = self.parameter_rows(sheet_name)
        for spec in specs:
            if spec.name not in rows:
                if spec.required and spec.default is None:
                    raise self.error(f"no row with field {spec.name!r}", sheet, f"{columns['field']}:{columns['field']}",
                                     spec.name)
                if spec.default is not None:
                    self.parameters[spec.name] = Parameter(
                        spec.name, spec.description or spec.name, spec.default, self.unit_of(spec), "default",
                        self.book.location(sheet, "-"), f"(absent: default {spec.default:g})", "absent")
                continue
            row = rows[spec.name]
            label = self.book.text(sheet, f"{columns['description']}{row}") if "description" in columns else ""
            source = self.book.text(sheet, f"{columns['source']}{row}") if "source" in columns else ""
            unit_text = self.book.text(sheet, f"{columns['unit']}{row}")
            parameter = self.number(sheet, f"{columns['value']}{row}", spec, unit_text,
                                    label or spec.description or spec.name, spec.name, source)
            if parameter is not None:
                self.parameters[spec.name] = parameter

    def read_basis(self) -> None:
        sheet, rows, columns = self.parameter_rows("Throughput")
        if "throughput" not in rows:
            raise self.error("no row with field 'throughput'", sheet, None, "throughput")
        address = f"{columns['unit']}{rows['throughput']}"
        unit_text = self.book.text(sheet, address)
        for basis in schema.BASIS_UNITS:
            if units.same_dimension(unit_text, f"{basis}/month") if unit_text else False:
                self.basis = basis
                return
        raise self.error("", sheet, address, "throughput", expected="a volume or mass per month (m^3/month, t/month)",
                         found=unit_text or "no unit")

    # -- tables ------------------------------------------------------------------
    def read_table(self, spec: schema.TableSpec) -> list[Row]:
        sheet = self.book.sheet(spec.sheet)
        required = spec.required and not (spec.key in schema.OPTIONAL_WITH_CHAIN and self.book.sheet("Streams"))
        if sheet is None:
            if required:
                self.require_sheet(spec.sheet)
            return []
        columns = self.header(sheet)
        name_column = self.column(sheet, columns, spec.name_column)
        field_columns = {}
        for field in spec.fields:
            if field.name in columns:
                field_columns[field.name] = columns[field.name]
            elif field.required and field.default is None:
                self.column(sheet, columns, field.name)
        rows: list[Row] = []
        row = 3
        last_row = self.book.last_row(sheet)
        while row <= last_row:
            name = self.book.text(sheet, f"{name_column}{row}")
            values = [self.book.cell(sheet, f"{column}{row}") for column in field_columns.values()]
            if not name and all(value is None for value in values):
                break  # a blank row ends the table
            if not name:
                raise self.error("", sheet, f"{name_column}{row}", spec.name_column, expected="a name for the row",
                                 found="an empty cell")
            index = len(rows)
            source = self.book.text(sheet, f"{columns['source']}{row}") if "source" in columns else ""
            fields: dict[str, Parameter | None] = {}
            for field in spec.fields:
                key = row_key(spec.key, index, field.name)
                label = f"{name}: {field.name.replace('_', ' ')}"
                if field.name not in field_columns:
                    fields[field.name] = None if field.default is None else Parameter(
                        key, label, field.default, self.unit_of(field), "default",
                        self.book.location(sheet, f"{name_column}{row}"), f"(absent: default {field.default:g})",
                        "absent")
                else:
                    column = field_columns[field.name]
                    unit_text = self.book.text(sheet, f"{column}2")
                    fields[field.name] = self.number(sheet, f"{column}{row}", field, unit_text, label, key, source)
                if fields[field.name] is not None:
                    self.parameters[key] = fields[field.name]  # type: ignore[assignment]
            rows.append(Row(spec.key, index, name, source, self.book.location(sheet, f"{name_column}{row}"), fields))
            row += 1
        if required and not rows:
            raise self.error("", sheet, f"{name_column}3", spec.name_column, expected="at least one row",
                             found="an empty table")
        return rows

    def read_references(self) -> list[Reference]:
        sheet = self.book.sheet("References")
        if sheet is None:
            return []
        columns = self.header(sheet)
        for name in ("id", "published", "unit", "quantity"):
            self.column(sheet, columns, name)
        references = []
        row = 2
        last_row = self.book.last_row(sheet)
        seen: dict[str, str] = {}
        while row <= last_row:
            identifier = self.book.text(sheet, f"{columns['id']}{row}")
            if not identifier:
                row += 1
                continue
            if identifier in seen:
                raise self.error(f"id {identifier!r} is already used in {seen[identifier]}", sheet,
                                 f"{columns['id']}{row}", "id")
            seen[identifier] = f"{columns['id']}{row}"

            def text(name: str) -> str:
                return self.book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

            def number(name: str, default: float | None = None) -> float:
                address = f"{columns[name]}{row}" if name in columns else f"?{row}"
                value = self.book.resolve(sheet, address, name) if name in columns else None
                if value is None and default is not None:
                    return default
                if not isinstance(value, float) or not math.isfinite(value):
                    raise self.error("", sheet, address, name, expected="a number", found=value)
                return value

            comparison = text("comparison").lstrip("'") or "="
            if comparison not in schema.COMPARISONS:
                raise self.error("", sheet, f"{columns['comparison']}{row}", "comparison",
                                 expected=" or ".join(schema.COMPARISONS), found=comparison)
            published = number("published")
            published_high = None
            high_address = f"{columns['published_high']}{row}" if "published_high" in columns else f"?{row}"
            if comparison == "in":
                published_high = number("published_high")
                if published_high < published:
                    raise self.error("", sheet, high_address, "published_high",
                                     expected=f"the high end of the range, at least the published {published:g}",
                                     found=f"{published_high:g}")
            elif "published_high" in columns and (
                    high := self.book.resolve(sheet, high_address, "published_high")) is not None:
                raise self.error("", sheet, high_address, "published_high",
                                 expected=f"no high end: the comparison is {comparison!r}, not 'in' (a range)",
                                 found=f"{high:g}" if isinstance(high, float) else high)
            tolerance = number("tolerance", 0.0)
            if tolerance < 0:
                raise self.error("", sheet, f"{columns['tolerance']}{row}", "tolerance",
                                 expected="a tolerance of 0 or more", found=tolerance)
            unit_text = text("unit")
            try:
                units.parse(unit_text or "-")
            except units.UnitError as error:
                raise self.error(str(error), sheet, f"{columns['unit']}{row}", "unit") from None
            references.append(Reference(
                id=identifier, figure=text("figure"), published=published, unit=unit_text or "-",
                quantity=text("quantity"), comparison=comparison, tolerance=tolerance, source=text("source"),
                note=text("note"), location=self.book.location(sheet, f"{columns['id']}{row}"),
                cells={name: f"{column}{row}" for name, column in columns.items()},
                case=text("case"), published_high=published_high,
            ))
            row += 1
        return references

    def input_key(self, text: str, tables: dict[str, list[Row]], sheet: str, address: str) -> str:
        """The model key of an input named in the Alternatives sheet.

        A scalar input by its field (``electricity_price``); a table input as
        ``Sheet:row name:field`` (``Capital:Cell house:cost``).
        """
        try:
            key = input_key(text, tables, self.parameters)
        except ValueError as problem:
            raise self.error("", sheet, address, "field", expected=str(problem), found=text) from None
        if key in ("service_life", "months_per_year"):
            raise self.error("", sheet, address, "field",
                             expected="an input other than the service life or months per year, which set the "
                                      "shape of the model", found=text)
        return key

    def read_alternatives(self, tables: dict[str, list[Row]]) -> list[Alternative]:
        """The Alternatives sheet: one column per alternative, one row per overridden input."""
        sheet = self.book.sheet("Alternatives")
        if sheet is None:
            return []
        columns = self.header(sheet)
        field_column = self.column(sheet, columns, "field")
        unit_column = self.column(sheet, columns, "unit")
        names = [(name, column) for name, column in sorted(columns.items(), key=lambda item: (len(item[1]), item[1]))
                 if column not in (field_column, unit_column) and name not in ("source", "note")]
        if not names:
            raise self.error("", sheet, "C1", "alternative", expected="one column per alternative after 'unit'",
                             found="none")
        last_row = self.book.last_row(sheet)
        overrides: dict[str, dict[str, float]] = {column: {} for _, column in names}
        descriptions: dict[str, str] = {column: "" for _, column in names}
        for row in range(2, last_row + 1):
            field_text = self.book.text(sheet, f"{field_column}{row}")
            if not field_text:
                continue
            if field_text.lower() == "description":
                for _, column in names:
                    descriptions[column] = self.book.text(sheet, f"{column}{row}")
                continue
            key = self.input_key(field_text, tables, sheet, f"{field_column}{row}")
            base = self.parameters[key]
            unit_text = self.book.text(sheet, f"{unit_column}{row}")
            for _name, column in names:
                address = f"{column}{row}"
                if self.book.cell(sheet, address) is None:
                    continue  # blank: the alternative inherits the base value
                spec = schema.FieldSpec(key.split(".")[-1], base.unit,
                                        kind="fraction" if base.unit == "fraction" else "quantity", minimum=None)
                parameter = self.number(sheet, address, spec, unit_text if spec.kind != "fraction" or unit_text
                                        else "fraction", base.label, key, "")
                if parameter is not None:
                    overrides[column][key] = parameter.value
        return [Alternative(self.book.text(sheet, f"{column}1"), descriptions[column], overrides[column],
                            self.book.location(sheet, f"{column}1")) for _, column in names]

    def check_cases(self, alternatives: list[Alternative], references: list[Reference]) -> list[Alternative]:
        """Every reference's case names an alternative (or is blank, the base case)."""
        names = {alternative.name for alternative in alternatives}
        for reference in references:
            if reference.case and reference.case not in names:
                raise self.error("", reference.location.sheet, reference.cell("case"), "case",
                                 expected=f"blank (the base case) or an alternative: {', '.join(sorted(names)) or 'none'}",
                                 found=reference.case)
        return alternatives

    def read_break_even(self, tables: dict[str, list[Row]], alternatives: list[Alternative]) -> list[BreakEvenStudy]:
        """The BreakEven sheet: one question per row (alternative, input, range, optional map input)."""
        sheet = self.book.sheet("BreakEven")
        if sheet is None:
            return []
        columns = self.header(sheet)
        for name in ("alternative", "input", "unit", "low", "high"):
            self.column(sheet, columns, name)
        names = {alternative.name for alternative in alternatives}
        last_row = self.book.last_row(sheet)
        studies = []
        for row in range(2, last_row + 1):
            def text(name: str) -> str:
                return self.book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

            if not text("input"):
                continue
            alternative = text("alternative")
            if alternative and alternative not in names:
                raise self.error("", sheet, f"{columns['alternative']}{row}", "alternative",
                                 expected=f"blank (the base case's NPV) or one of: {', '.join(sorted(names)) or 'none'}",
                                 found=alternative)
            bounds = {}
            keys = {}
            for prefix in ("", "map_"):
                if prefix and not text("map_input"):
                    continue
                input_column = columns["input" if not prefix else "map_input"]
                key = self.input_key(text(f"{prefix}input"), tables, sheet, f"{input_column}{row}")
                keys[prefix] = key
                unit_text = text(f"{prefix}unit") or self.parameters[key].unit
                for bound in ("low", "high"):
                    address = f"{columns.get(prefix + bound, '?')}{row}"
                    value = self.book.resolve(sheet, address, prefix + bound) if prefix + bound in columns else None
                    if not isinstance(value, float):
                        raise self.error("", sheet, address, prefix + bound, expected="a number", found=value)
                    try:
                        bounds[prefix + bound] = units.convert(value, unit_text, self.parameters[key].unit,
                                                               self.months_per_year)
                    except units.UnitError as error:
                        raise self.error(str(error), sheet, f"{columns[prefix + 'unit']}{row}", prefix + "unit",
                                         expected=self.parameters[key].unit, found=unit_text) from None
                if not bounds[prefix + "low"] < bounds[prefix + "high"]:
                    raise self.error("", sheet, f"{columns[prefix + 'high']}{row}", prefix + "high",
                                     expected=f"a number above {prefix}low", found=bounds[prefix + "high"])
            studies.append(BreakEvenStudy(alternative, keys[""], bounds["low"], bounds["high"], keys.get("map_", ""),
                                          bounds.get("map_low", 0.0), bounds.get("map_high", 0.0),
                                          self.book.location(sheet, f"{columns['input']}{row}")))
        return studies

    # -- the whole workbook -------------------------------------------------------
    def read(self) -> Plant:
        sheet, rows, columns = self.parameter_rows("Project")
        text = {spec.name: self.read_text(sheet, rows, columns, spec) for spec in schema.PROJECT_TEXT}
        self.currency = text["currency"]
        try:
            units.parse(self.currency)
        except units.UnitError:
            raise self.error("", sheet, f"{columns['value']}{rows['currency']}", "currency",
                             expected="a currency code such as RUB, USD, EUR", found=self.currency) from None
        self.read_parameters("Schedule", schema.PARAMETER_SHEETS["Schedule"])
        self.months_per_year = self.parameters["months_per_year"].value
        self.read_basis()
        for sheet_name, specs in schema.PARAMETER_SHEETS.items():
            if sheet_name != "Schedule":
                self.read_parameters(sheet_name, specs)
        tables = {spec.key: self.read_table(spec) for spec in schema.TABLES if not spec.per_row_units}
        tables.update(read_priced_tables(self))  # Products, Reagents: a unit per row
        chain = read_chain(self, tables)
        references = self.read_references()
        alternatives = self.check_cases(self.read_alternatives(tables), references)
        base_year = self.parameters.pop("base_year", None)
        return Plant(
            path=self.book.path,
            sha256=hashlib.sha256(self.book.path.read_bytes()).hexdigest(),
            name=text["name"],
            description=text["description"],
            currency=self.currency,
            language=text["language"],
            base_year=int(base_year.value) if base_year is not None else None,
            basis=self.basis,
            parameters=self.parameters,
            tables=tables,
            references=references,
            alternatives=alternatives,
            break_even=self.read_break_even(tables, alternatives),
            base_name=text["base_case"],
            chain=chain,
            uncertainty=read_uncertainty(self, tables),
            translations={f"{name}_{lang}": text[f"{name}_{lang}"] for name in schema.TRANSLATED_TEXT
                          for lang in LANGUAGES if text[f"{name}_{lang}"]},
        )


def read_plant(path: str | Path) -> Plant:
    """Read and validate an input workbook; raise InputError on the first problem."""
    return _Reader(Path(path)).read()
