"""Read an input workbook into a :class:`~econ.inputs.plant.Plant`.

The workbook is opened read-only and never written. The reader reads the whole
workbook and records every problem it finds (econ.inputs.problems): each is an
:class:`~econ.errors.InputError` naming file, sheet, cell and field, what was
expected and what was found. At the end any error stops the reading with
:class:`~econ.inputs.problems.InputErrors`, which holds them all; notes
(defaults used, sources left blank, cells not read) go with the plant.

Nothing is lost without a word: every non-empty cell of an input sheet is read
or reported. A blank row inside a table is skipped and the rows after it are
read; an unknown sheet, field or column is an error with the nearest known name
suggested.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from econ import collector, units
from econ.errors import InputError
from econ.i18n import LANGUAGES
from econ.inputs import schema, studies_reader
from econ.inputs.chain_reader import read_chain
from econ.inputs.finance_reader import read_finance
from econ.inputs.plant import Parameter, Plant, Row, row_key
from econ.inputs.problems import InputErrors, Problems, suggestion
from econ.inputs.products_reader import read_priced_table
from econ.inputs.translations import Translations, check_column, read_translations
from econ.inputs.uncertainty_reader import read_uncertainty
from econ.inputs.values import ValueReader
from econ.inputs.workbook import Workbook

TEXT_COLUMNS = schema.TEXT_COLUMNS
PARAMETER_COLUMNS = ("field", "value", "unit", *TEXT_COLUMNS)


class _Reader(ValueReader):
    def __init__(self, path: Path) -> None:
        super().__init__(Workbook(path))
        self._parameter_rows: dict[str, tuple[str, dict[str, int], dict[str, str]]] = {}
        self.translations = Translations()  # of every text, by the text as entered (econ.inputs.translations)
        self._unit_texts: dict[tuple[str, str], str] = {}

    # -- sheets and headers ---------------------------------------------------------------
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
                self.book.cell(sheet, address)  # looked at
                columns.setdefault(cell.value.strip().lower(), column)
        return columns

    def column(self, sheet: str, columns: dict[str, str], name: str) -> str:
        if name not in columns:
            raise self.error(f"column {name!r} is missing from the header row", sheet=sheet, cell="1",
                             expected=f"a header cell {name!r}", found=sorted(columns))
        return columns[name]

    def check_columns(self, sheet: str, columns: dict[str, str], known: tuple[str, ...]) -> None:
        """Every header of ``sheet`` is a column econ reads, a text column or a text column's translation
        (``source_ru``); an unknown one is an error."""
        for name, column in columns.items():
            if name not in known and name not in TEXT_COLUMNS and not check_column(self, sheet, name, column,
                                                                                    (*known, *columns)):
                self.problems.add(self.error(
                    f"unknown column {name!r}{suggestion(name, known)}: econ would not read it; rename it, or "
                    f"name it 'note' for a remark", sheet, f"{column}1", name))

    def text_columns(self, sheet: str, columns: dict[str, str], first_row: int) -> None:
        """The cells of the text columns are read (they are documentation, for the reports or for people), and
        the translations of the sheet's texts (econ.inputs.translations)."""
        for name in TEXT_COLUMNS:
            if name in columns:
                for row in range(first_row, self.book.last_row(sheet) + 1):
                    self.book.cell(sheet, f"{columns[name]}{row}")
        read_translations(self, sheet, columns, first_row)

    # -- parameter sheets -------------------------------------------------------------------
    def parameter_rows(self, sheet_name: str, known: tuple[str, ...] = ()) -> tuple[str, dict[str, int], dict[str, str]]:
        """The sheet, the row of each field and the header columns of a parameter sheet.

        ``known`` names the fields the sheet may hold; any other is an error with the nearest known field
        (or the sheet it belongs to) suggested.
        """
        if sheet_name in self._parameter_rows:
            return self._parameter_rows[sheet_name]
        sheet = self.require_sheet(sheet_name)
        columns = self.header(sheet)
        for name in ("field", "value", "unit"):
            self.column(sheet, columns, name)
        self.check_columns(sheet, columns, PARAMETER_COLUMNS)
        rows: dict[str, int] = {}
        field_column = columns["field"]
        for address, cell in self.book.sheets[sheet].items():
            if address.rstrip("0123456789") != field_column:
                continue
            row = int(address[len(field_column):])
            if row == 1:
                continue
            self.book.cell(sheet, address)
            if not isinstance(cell.value, str) or not cell.value.strip():
                self.problems.add(self.error("", sheet, address, "field", expected="the name of a field",
                                             found=cell.value))
                continue
            name = cell.value.strip().lower()
            if name in rows:  # one value per field: a second row would be silently ignored
                self.problems.add(self.error(f"field {name!r} is also on row {rows[name]}", sheet, address, name,
                                             expected="each field on one row", found=f"rows {rows[name]} and {row}"))
                continue
            if known and name not in known:
                self.problems.add(self.unknown_field(name, sheet, address, known))
                continue
            rows[name] = row
        self.text_columns(sheet, columns, 2)
        self._parameter_rows[sheet_name] = sheet, rows, columns
        return sheet, rows, columns

    def unknown_field(self, name: str, sheet: str, address: str, known: tuple[str, ...]):  # noqa: ANN201
        """The error for a field ``sheet`` does not hold: where it belongs, or the nearest field of any sheet."""
        homes = schema.field_sheets()
        elsewhere = [other for other in homes.get(name, ()) if other.lower() != sheet.lower()]
        if elsewhere:
            return self.error(f"field {name!r} belongs on the {elsewhere[0]} sheet, not on {sheet}", sheet, address,
                              name)
        hint = suggestion(name, [*known, *homes])
        nearest = hint.split("'")[1] if hint else ""
        if nearest and nearest not in known:
            hint = f" (did you mean {nearest!r}, on the {homes[nearest][0]} sheet?)"
        return self.error(f"unknown field {name!r}{hint}: econ does not read it", sheet, address, name)

    def read_text(self, sheet: str, rows: dict[str, int], columns: dict[str, str], spec: schema.TextSpec) -> str:
        if spec.name not in rows:
            if spec.required:
                raise self.error(f"no row with field {spec.name!r}", sheet, f"{columns['field']}:{columns['field']}",
                                 spec.name)
            return spec.default
        address = f"{columns['value']}{rows[spec.name]}"
        self.book.cell(sheet, f"{columns['unit']}{rows[spec.name]}")  # a text has no unit; a stray one is harmless
        value = self.book.resolve(sheet, address, spec.name)
        if value is None:
            if spec.required:
                raise self.error("value missing: expected text", sheet, address, spec.name)
            return spec.default
        text = str(value).strip() if isinstance(value, str) else f"{value:g}"
        if spec.choices and text.lower() not in spec.choices:
            raise self.error("", sheet, address, spec.name, expected=" or ".join(spec.choices), found=text)
        return text.lower() if spec.choices else text

    def read_parameters(self, sheet_name: str, specs: tuple[schema.FieldSpec, ...],
                        known: tuple[str, ...] = ()) -> None:
        """The fields ``specs`` of a parameter sheet; ``known`` (default: their names) are all it may hold."""
        if not known:
            known = tuple(spec.name for spec in specs)
            if sheet_name == "Project":
                known += tuple(spec.name for spec in schema.PROJECT_TEXT)
        sheet, rows, columns = self.parameter_rows(sheet_name, known)
        for spec in specs:
            with self.problems.recording():
                self.read_parameter(sheet, rows, columns, spec)

    def read_parameter(self, sheet: str, rows: dict[str, int], columns: dict[str, str],
                       spec: schema.FieldSpec) -> None:
        if spec.name not in rows:
            if spec.required and spec.default is None:
                raise self.error(f"no row with field {spec.name!r}", sheet, f"{columns['field']}:{columns['field']}",
                                 spec.name)
            if spec.default is not None:
                self.parameters[spec.name] = Parameter(
                    spec.name, spec.description or spec.name, spec.default, self.unit_of(spec), "default",
                    self.book.location(sheet, "-"), f"(absent: default {spec.default:g})", "absent",
                    spec.minimum, spec.maximum)
            return
        row = rows[spec.name]
        label = self.book.text(sheet, f"{columns['description']}{row}") if "description" in columns else ""
        source = self.book.text(sheet, f"{columns['source']}{row}") if "source" in columns else ""
        unit_cell = f"{columns['unit']}{row}"
        parameter = self.number(sheet, f"{columns['value']}{row}", spec, self.book.text(sheet, unit_cell),
                                label or spec.description or spec.name, spec.name, source, unit_cell)
        if parameter is not None:
            self.parameters[spec.name] = parameter

    def read_basis(self) -> None:
        sheet, rows, columns = self.parameter_rows("Throughput", ("throughput",))
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

    # -- tables -------------------------------------------------------------------------------
    def read_table(self, spec: schema.TableSpec) -> list[Row]:
        sheet = self.book.sheet(spec.sheet)
        required = spec.required and not (spec.key in schema.OPTIONAL_WITH_CHAIN and self.book.sheet("Streams"))
        if sheet is None:
            if required:
                self.require_sheet(spec.sheet)
            if spec.key in schema.ABSENT_TABLE_NOTES and not (spec.key == "maintenance" and self.book.sheet("Replacements")):
                # (a plant whose upkeep is its Replacements table has no maintenance line to miss)
                self.problems.note("absent", self.file, f"no {spec.sheet} sheet: {schema.ABSENT_TABLE_NOTES[spec.key]}")
            return []
        columns = self.header(sheet)
        name_column = self.column(sheet, columns, spec.name_column)
        self.check_columns(sheet, columns, (spec.name_column, *(field.name for field in spec.fields),
                                            *spec.text_columns))
        field_columns = {}
        for field in spec.fields:
            if field.name in columns:
                field_columns[field.name] = columns[field.name]
            elif field.required and field.default is None:
                self.problems.add(self.error(f"column {field.name!r} is missing from the header row", sheet, "1",
                                             expected=f"a header cell {field.name!r}", found=sorted(columns)))
        self.text_columns(sheet, columns, 3)
        numbers = [address for address in (f"{column}2" for column in field_columns.values())
                   if isinstance(getattr(self.book.cell(sheet, address), "value", None), (int, float))]
        if numbers:  # the first item was read as the units: one problem, not one per column
            raise self.error(f"row 2 holds the units of the columns, but {', '.join(numbers)} hold numbers: was the "
                             f"units row deleted? Insert a row 2 with the unit of each column "
                             f"({', '.join(f'{field.name}: {self.unit_of(field)}' for field in spec.fields if field.name in field_columns)})",
                             sheet, "2")
        rows: list[Row] = []
        present = self.book.sheets[sheet]
        for row in range(3, self.book.last_row(sheet) + 1):
            name = self.book.text(sheet, f"{name_column}{row}")
            if not name:
                values = [f"{column}{row}" for column in field_columns.values() if f"{column}{row}" in present]
                if not values:
                    continue  # a blank row: the rows after it are read
                for address in values:
                    self.book.cell(sheet, address)  # looked at: the row's error stands for them
                self.problems.add(self.error("", sheet, f"{name_column}{row}", spec.name_column,
                                             expected="a name for the row", found="an empty cell"))
                continue
            rows.append(self.read_row(spec, sheet, columns, field_columns, row, len(rows), name))
        if required and not rows:
            raise self.error("", sheet, f"{name_column}3", spec.name_column, expected="at least one row",
                             found="an empty table")
        if not rows and spec.key in schema.ABSENT_TABLE_NOTES:
            self.problems.note("absent", f"{self.file}!{sheet}",
                               f"the {spec.sheet} table has no rows: {schema.ABSENT_TABLE_NOTES[spec.key]}")
        return rows

    def read_row(self, spec: schema.TableSpec, sheet: str, columns: dict[str, str], field_columns: dict[str, str],
                 row: int, index: int, name: str) -> Row:
        name_cell = f"{columns[spec.name_column]}{row}"
        source = self.book.text(sheet, f"{columns['source']}{row}") if "source" in columns else ""
        fields: dict[str, Parameter | None] = {}
        present = self.book.sheets[sheet] if self.book.sheet(sheet) == sheet else {}  # {}: number() decides
        for field in spec.fields:
            fields[field.name] = None
            column = field_columns.get(field.name)
            if column is not None and field.default is None and not field.required and present \
                    and f"{column}{row}" not in present:
                self.unit_text(sheet, column)  # the units row: looked at whether a value is typed or not
                self.book.cell(sheet, f"{column}{row}")  # a blank optional cell: looked at, no input, as number() says
                continue
            key = row_key(spec.key, index, field.name)
            label = f"{name}: {field.name.replace('_', ' ')}"
            if field.name not in field_columns:
                if field.default is not None:
                    fields[field.name] = Parameter(
                        key, label, field.default, self.unit_of(field), "default",
                        self.book.location(sheet, name_cell), f"(absent: default {field.default:g})", "absent",
                        field.minimum, field.maximum)
            else:
                column = field_columns[field.name]
                address, unit_text = f"{column}{row}", self.unit_text(sheet, column)
                try:  # as self.problems.recording(), without a context manager per cell
                    fields[field.name] = self.number(sheet, address, field, unit_text, label, key, source,
                                                     f"{column}2")
                except InputErrors as several:
                    for error in several.errors:
                        self.problems.add(error)
                except InputError as error:
                    self.problems.add(error)
            if fields[field.name] is not None:
                self.parameters[key] = fields[field.name]  # type: ignore[assignment]
        category = ""
        if "category" in spec.text_columns and "category" in columns:  # Capital!category, checked at its cell
            category = " ".join(self.book.text(sheet, f"{columns['category']}{row}").lower().split())
            if category and category not in schema.CAPITAL_CATEGORIES:
                self.problems.add(self.error("", sheet, f"{columns['category']}{row}", "category",
                                             expected=" or ".join(schema.CAPITAL_CATEGORIES), found=category))
                category = ""
        return Row(spec.key, index, name, source, self.book.location(sheet, name_cell), fields, category=category)

    def unit_text(self, sheet: str, column: str) -> str:
        """The unit of a table's column, in its units row (row 2): read once per column."""
        key = (sheet, column)
        if key not in self._unit_texts:
            self._unit_texts[key] = self.book.text(sheet, f"{column}2")
        return self._unit_texts[key]

    def input_key(self, text: str, tables: dict[str, list[Row]], sheet: str, address: str) -> str:
        """The model key of an input named on a study sheet (Alternatives, BreakEven, Uncertainty)."""
        return studies_reader.study_input_key(self, text, tables, sheet, address)

    # -- what the reading leaves ----------------------------------------------------------
    def check_sheets(self) -> None:
        """Every sheet is one econ reads; an unknown one is an error, unless input formulas refer to it."""
        known = schema.known_sheets()
        for name in self.book.sheets:
            if name.strip().lower() in {sheet.lower() for sheet in known}:
                continue
            if any(sheet == name for sheet, _ in self.book.looked_at):
                continue  # a sheet of calculations that input formulas read
            self.problems.add(self.error(
                f"unknown sheet {name!r}{suggestion(name, known)}: econ does not read it; rename it, or move its "
                f"notes to the Instructions sheet", name))

    def note_what_is_left(self) -> None:
        """Notes on the defaults used, the inputs without a source, the cells no one read."""
        for parameter in self.parameters.values():
            if parameter.defaulted:
                where = parameter.location
                why = ("no row" if parameter.location.cell == "-" else "no column") if parameter.defaulted == "absent" \
                    else "the cell is blank"
                self.problems.note("default", str(where).removesuffix("!-"),
                                   f'"{parameter.key}": {why}; the default {parameter.value:g} '
                                   f"{'' if parameter.unit in ('dimensionless', 'fraction') else parameter.unit}".rstrip()
                                   + " is used")
        unsourced: dict[str, list[str]] = {}
        for parameter in self.parameters.values():
            if not parameter.source.strip() and not parameter.defaulted:
                unsourced.setdefault(parameter.location.sheet, []).append(parameter.location.cell)
        for sheet, addresses in unsourced.items():
            shown = ", ".join(addresses[:6]) + (f" and {len(addresses) - 6} more" if len(addresses) > 6 else "")
            self.problems.note("source", f"{self.file}!{sheet}",
                               f"{len(addresses)} input{'s' if len(addresses) > 1 else ''} without a source (the table "
                               f"or page of the source document, or 'assumption: <reason>'): {shown}")
        for name in self.book.sheets:
            if name.strip().lower() == "instructions":
                continue
            unread = self.book.unread(name)
            if unread:
                shown = ", ".join(unread[:6]) + (f" and {len(unread) - 6} more" if len(unread) > 6 else "")
                self.problems.note("unread", f"{self.file}!{name}",
                                   f"{len(unread)} non-empty cell{'s' if len(unread) > 1 else ''} outside the rows "
                                   f"and columns econ reads, not read: {shown}")

    # -- the whole workbook -------------------------------------------------------------------
    def read_project(self) -> dict[str, str]:
        known = tuple(spec.name for spec in schema.PROJECT_TEXT) + tuple(
            spec.name for spec in schema.PARAMETER_SHEETS["Project"])
        sheet, rows, columns = self.parameter_rows("Project", known)
        text: dict[str, str] = {}
        for spec in schema.PROJECT_TEXT:
            text[spec.name] = spec.default
            with self.problems.recording():
                text[spec.name] = self.read_text(sheet, rows, columns, spec)
        self.currency = text["currency"]
        if not self.currency:
            self.unknown.add("currency")
            return text
        try:
            units.parse(self.currency)
        except units.UnitError:
            self.unknown.add("currency")
            raise self.error("", sheet, f"{columns['value']}{rows['currency']}", "currency",
                             expected="a currency code such as RUB, USD, EUR", found=self.currency) from None
        return text

    def _chain_can_be_read(self) -> bool:
        """Whether the chain sheets can be read for problems of their own: not when the sheets they rest on
        (Components, Throughput, the Project's currency) have errors, which the chain's would repeat."""
        if self.unknown & {"currency", "basis", "months"}:
            return False
        return not _sheets_with_errors(self.problems) & {"", "components", "throughput", "project"}

    def read(self) -> Plant:
        text = {spec.name: spec.default for spec in schema.PROJECT_TEXT}
        with self.problems.recording():
            text = self.read_project()
        if not self.currency:
            self.unknown.add("currency")
        with self.problems.recording():
            self.read_parameters("Schedule", schema.PARAMETER_SHEETS["Schedule"])
        if "months_per_year" in self.parameters:
            self.months_per_year = self.parameters["months_per_year"].value
        else:
            self.unknown.add("months")
        with self.problems.recording():
            self.read_basis()
        if not self.basis:
            self.unknown.add("basis")
        for sheet_name, specs in schema.PARAMETER_SHEETS.items():
            if sheet_name != "Schedule":
                with self.problems.recording():
                    self.read_parameters(sheet_name, specs)
        tables: dict[str, list[Row]] = {}
        for spec in schema.TABLES:
            tables[spec.key] = []
            with self.problems.recording():
                # Products, Reagents: a unit per row (econ.inputs.products_reader)
                tables[spec.key] = read_priced_table(self, spec) if spec.per_row_units else self.read_table(spec)
        finance = None
        with self.problems.recording():  # the full DCF (econ.inputs.finance_reader), before the studies name its inputs
            finance = read_finance(self, tables)
        chain = None
        if self._chain_can_be_read():
            with self.problems.recording():
                chain = read_chain(self, tables)
        references = []
        with self.problems.recording():
            references = studies_reader.read_references(self)
        alternatives = studies_reader.read_alternatives(self, tables)
        with self.problems.recording():
            studies_reader.check_cases(self, alternatives, references)
        break_even = studies_reader.read_break_even(self, tables, alternatives)
        uncertainty = None
        with self.problems.recording():
            uncertainty = read_uncertainty(self, tables)
        self.check_sheets()
        self.note_what_is_left()
        self.problems.raise_errors()
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
            break_even=break_even,
            base_name=text["base_case"],
            chain=chain,
            uncertainty=uncertainty,
            translations={f"{name}_{lang}": text[f"{name}_{lang}"] for name in schema.TRANSLATED_TEXT
                          for lang in LANGUAGES if text[f"{name}_{lang}"]},
            text_translations=self.translations.texts,
            notes=list(self.problems.notes),
            finance=finance,
        )


def _sheets_with_errors(problems: Problems) -> set[str]:
    """The sheets (lower case) that hold a recorded error; "" for an error of the whole file."""
    return {(error.sheet or "").lower() for error in problems.errors}


def read_plant(path: str | Path) -> Plant:
    """Read and validate an input workbook.

    Raises :class:`~econ.inputs.problems.InputErrors` (an InputError) holding every problem found, one
    line each, when the workbook has any error; the plant's ``notes`` hold what does not stop a run.
    """
    with collector.paused():  # reading keeps every object it makes and makes no cycles (econ.collector)
        return _Reader(Path(path)).read()
