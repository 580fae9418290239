"""Read the sheets that study the plant rather than describe it: References, Alternatives and BreakEven.

Each function takes the workbook reader (econ.inputs.reader), whose helpers
parse numbers and units and record problems; a bad row is recorded and the
rows after it are read.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from econ import units
from econ.inputs import schema
from econ.inputs.plant import Alternative, BreakEvenStudy, Reference, Row, input_key
from econ.inputs.problems import ConsequentialError
from econ.inputs.translations import add as add_translation, translation_column

if TYPE_CHECKING:
    from econ.inputs.reader import _Reader

BREAK_EVEN_COLUMNS = ("alternative", "input", "unit", "low", "high", "map_input", "map_unit", "map_low", "map_high")
# The inputs that set the shape of the model (the number of years, the months of a year) cannot vary per case
STRUCTURAL_INPUTS = ("service_life", "months_per_year")


def read_references(reader: _Reader) -> list[Reference]:
    """The References sheet: one published figure per row."""
    sheet = reader.book.sheet("References")
    if sheet is None:
        return []
    columns = reader.header(sheet)
    for name in ("id", "published", "unit", "quantity"):
        reader.column(sheet, columns, name)
    reader.check_columns(sheet, columns, schema.REFERENCE_COLUMNS)
    reader.text_columns(sheet, columns, 2)
    references = []
    seen: dict[str, str] = {}
    for row in range(2, reader.book.last_row(sheet) + 1):
        address = f"{columns['id']}{row}"
        identifier = reader.book.text(sheet, address)
        if not identifier:
            continue
        if identifier in seen:
            reader.problems.add(reader.error(f"id {identifier!r} is already used in {seen[identifier]}", sheet,
                                             address, "id"))
            continue
        seen[identifier] = address
        with reader.problems.recording():
            references.append(_reference(reader, sheet, columns, row, identifier))
    return references


def _reference(reader: _Reader, sheet: str, columns: dict[str, str], row: int, identifier: str) -> Reference:
    book = reader.book

    def text(name: str) -> str:
        return book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

    def number(name: str, default: float | None = None) -> float:
        address = f"{columns[name]}{row}" if name in columns else f"?{row}"
        value = book.resolve(sheet, address, name) if name in columns else None
        if value is None and default is not None:
            return default
        if not isinstance(value, float) or not math.isfinite(value):
            raise reader.error("", sheet, address, name, expected="a number", found=value)
        return value

    comparison = text("comparison").lstrip("'") or "="
    if comparison not in schema.COMPARISONS:
        raise reader.error("", sheet, f"{columns['comparison']}{row}", "comparison",
                           expected=" or ".join(schema.COMPARISONS), found=comparison)
    published = number("published")
    published_high = None
    high_address = f"{columns['published_high']}{row}" if "published_high" in columns else f"?{row}"
    if comparison == "in":
        published_high = number("published_high")
        if published_high < published:
            raise reader.error("", sheet, high_address, "published_high",
                               expected=f"the high end of the range, at least the published {published:g}",
                               found=f"{published_high:g}")
    elif "published_high" in columns and (high := book.resolve(sheet, high_address, "published_high")) is not None:
        raise reader.error("", sheet, high_address, "published_high",
                           expected=f"no high end: the comparison is {comparison!r}, not 'in' (a range)",
                           found=f"{high:g}" if isinstance(high, float) else high)
    tolerance = number("tolerance", 0.0)
    if tolerance < 0:
        raise reader.error("", sheet, f"{columns['tolerance']}{row}", "tolerance",
                           expected="a tolerance of 0 or more", found=tolerance)
    kind = text("kind").lower() or "published"
    if kind not in schema.REFERENCE_KINDS:
        raise reader.error("", sheet, f"{columns['kind']}{row}", "kind", expected=" or ".join(schema.REFERENCE_KINDS),
                           found=text("kind"))
    materiality = number("materiality", schema.DEFAULT_MATERIALITY)
    if not 0 <= materiality <= 1:
        raise reader.error("", sheet, f"{columns['materiality']}{row}", "materiality",
                           expected="a fraction from 0 to 1 (or a cell formatted as %)", found=materiality)
    unit_text = text("unit")
    try:
        units.parse(unit_text or "-")
    except units.UnitError as error:
        raise reader.error(str(error), sheet, f"{columns['unit']}{row}", "unit") from None
    return Reference(
        id=identifier, figure=text("figure"), published=published, unit=unit_text or "-",
        quantity=text("quantity"), comparison=comparison, tolerance=tolerance, source=text("source"),
        note=text("note"), location=book.location(sheet, f"{columns['id']}{row}"),
        cells={name: f"{column}{row}" for name, column in columns.items()},
        case=text("case"), published_high=published_high, kind=kind, materiality=materiality,
    )


def study_input_key(reader: _Reader, text: str, tables: dict[str, list[Row]], sheet: str, address: str) -> str:
    """The model key of an input named on the Alternatives or BreakEven sheet.

    A scalar input by its field (``electricity_price``); a table input as
    ``Sheet:row name:field`` (``Capital:Cell house:cost``).
    """
    try:
        key = input_key(text, tables, reader.parameters)
    except ValueError as problem:
        error = reader.error("", sheet, address, "field", expected=str(problem), found=text)
        if _named_sheet(text) in {(known.sheet or "").lower() for known in reader.problems.errors}:
            # the sheet of that input has an error already: the input was not read because of it
            raise ConsequentialError(error.detail, file=error.file, sheet=error.sheet, cell=error.cell,
                                     field=error.field, expected=error.expected, found=error.found) from None
        raise error from None
    if key in STRUCTURAL_INPUTS:
        raise reader.error("", sheet, address, "field",
                           expected="an input other than the service life or months per year, which set the "
                                    "shape of the model", found=text)
    return key


_CHAIN_KEY_SHEETS = {"streams": "streams", "payables": "payables", "stage_energy": "stageenergy"}


def _named_sheet(text: str) -> str:
    """The sheet an input name points at: ``Capital`` of ``Capital:Cell house:cost``, the parameter sheet of a
    field, lower-cased; "" when it names none."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) == 3:
        return parts[0].lower()
    chain_sheet = _CHAIN_KEY_SHEETS.get(parts[0].split(".")[0].lower())
    if len(parts) == 1 and chain_sheet:  # a chain input by its key (streams.3.price): the sheet its row is on
        return chain_sheet
    return next(iter(schema.field_sheets().get(parts[0].lower(), ())), "").lower()


def read_alternatives(reader: _Reader, tables: dict[str, list[Row]]) -> list[Alternative]:
    """The Alternatives sheet: one column per alternative, one row per overridden input."""
    book = reader.book
    sheet = book.sheet("Alternatives")
    if sheet is None:
        return []
    columns = reader.header(sheet)
    field_column = reader.column(sheet, columns, "field")
    unit_column = reader.column(sheet, columns, "unit")
    names = [(name, column) for name, column in sorted(columns.items(), key=lambda item: (len(item[1]), item[1]))
             if column not in (field_column, unit_column) and name not in schema.TEXT_COLUMNS
             and not (translation_column(name) and translation_column(name)[0] in schema.TRANSLATABLE_COLUMNS)]
    if not names:
        raise reader.error("", sheet, "C1", "alternative", expected="one column per alternative after 'unit'",
                           found="none")
    reader.text_columns(sheet, columns, 2)
    overrides: dict[str, dict[str, float]] = {column: {} for _, column in names}
    translations: list[tuple[int, str, str, str]] = []  # rows name_ru, description_ru: (row, field, base, lang)
    descriptions: dict[str, str] = {column: "" for _, column in names}
    for row in range(2, book.last_row(sheet) + 1):
        field_text = book.text(sheet, f"{field_column}{row}")
        if not field_text:
            continue
        if field_text.lower() == "description":
            for _, column in names:
                descriptions[column] = book.text(sheet, f"{column}{row}")
            continue
        translated = translation_column(field_text.lower())
        if translated and translated[0] in ("name", "description"):  # name_ru, description_en: per alternative
            translations.append((row, field_text, *translated))
            continue
        with reader.problems.recording():
            _read_override_row(reader, tables, sheet, row, field_text, field_column, unit_column, names, overrides)
    for row, field_text, base, lang in translations:
        for _, column in names:
            text = book.text(sheet, f"{column}{row}")
            if text:
                add_translation(reader, sheet, f"{column}{row}", field_text,
                                book.text(sheet, f"{column}1") if base == "name" else descriptions[column], lang, text)
    return [Alternative(book.text(sheet, f"{column}1"), descriptions[column], overrides[column],
                        book.location(sheet, f"{column}1")) for _, column in names]


def _read_override_row(reader: _Reader, tables: dict[str, list[Row]], sheet: str, row: int, field_text: str,
                       field_column: str, unit_column: str, names: list[tuple[str, str]],
                       overrides: dict[str, dict[str, float]]) -> None:
    book = reader.book
    key = study_input_key(reader, field_text, tables, sheet, f"{field_column}{row}")
    base = reader.parameters[key]
    unit_cell = f"{unit_column}{row}"
    unit_text = book.text(sheet, unit_cell)
    for _name, column in names:
        address = f"{column}{row}"
        if book.cell(sheet, address) is None:
            continue  # blank: the alternative inherits the base value
        spec = schema.FieldSpec(key.split(".")[-1], base.unit, kind="fraction" if base.unit == "fraction" else "quantity",
                                minimum=base.minimum, maximum=base.maximum)
        with reader.problems.recording():
            parameter = reader.number(sheet, address, spec, unit_text if spec.kind != "fraction" or unit_text
                                      else "fraction", base.label, key, "", unit_cell)
            if parameter is not None:
                overrides[column][key] = parameter.value


def check_cases(reader: _Reader, alternatives: list[Alternative], references: list[Reference]) -> None:
    """Every reference's case names an alternative (or is blank, the base case)."""
    names = {alternative.name for alternative in alternatives}
    for reference in references:
        if reference.case and reference.case not in names:
            reader.problems.add(reader.error(
                "", reference.location.sheet, reference.cell("case"), "case",
                expected=f"blank (the base case) or an alternative: {', '.join(sorted(names)) or 'none'}",
                found=reference.case))


def read_break_even(reader: _Reader, tables: dict[str, list[Row]],
                    alternatives: list[Alternative]) -> list[BreakEvenStudy]:
    """The BreakEven sheet: one question per row (alternative, input, range, optional map input)."""
    sheet = reader.book.sheet("BreakEven")
    if sheet is None:
        return []
    studies = []
    with reader.problems.recording():
        columns = reader.header(sheet)
        for name in ("alternative", "input", "unit", "low", "high"):
            reader.column(sheet, columns, name)
        reader.check_columns(sheet, columns, BREAK_EVEN_COLUMNS)
        reader.text_columns(sheet, columns, 2)
        names = {alternative.name for alternative in alternatives}
        for row in range(2, reader.book.last_row(sheet) + 1):
            with reader.problems.recording():
                study = _break_even_row(reader, tables, sheet, columns, row, names)
                if study is not None:
                    studies.append(study)
    return studies


def _break_even_row(reader: _Reader, tables: dict[str, list[Row]], sheet: str, columns: dict[str, str], row: int,
                    names: set[str]) -> BreakEvenStudy | None:
    book = reader.book

    def text(name: str) -> str:
        return book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

    if not text("input"):
        return None
    alternative = text("alternative")
    if alternative and alternative not in names:
        raise reader.error("", sheet, f"{columns['alternative']}{row}", "alternative",
                           expected=f"blank (the base case's NPV) or one of: {', '.join(sorted(names)) or 'none'}",
                           found=alternative)
    bounds = {}
    keys = {}
    for prefix in ("", "map_"):
        if prefix and not text("map_input"):
            continue
        input_column = columns["input" if not prefix else "map_input"]
        key = study_input_key(reader, text(f"{prefix}input"), tables, sheet, f"{input_column}{row}")
        keys[prefix] = key
        parameter = reader.parameters[key]
        unit_text = text(f"{prefix}unit") or parameter.unit
        for bound in ("low", "high"):
            address = f"{columns.get(prefix + bound, '?')}{row}"
            value = book.resolve(sheet, address, prefix + bound) if prefix + bound in columns else None
            if not isinstance(value, float):
                raise reader.error("", sheet, address, prefix + bound, expected="a number", found=value)
            try:
                bounds[prefix + bound] = units.convert(value, unit_text, parameter.unit, reader.months_per_year)
            except units.UnitError as error:
                raise reader.error(str(error), sheet, f"{columns[prefix + 'unit']}{row}", prefix + "unit",
                                   expected=parameter.unit, found=unit_text) from None
        if not bounds[prefix + "low"] < bounds[prefix + "high"]:
            raise reader.error("", sheet, f"{columns[prefix + 'high']}{row}", prefix + "high",
                               expected=f"a number above {prefix}low", found=bounds[prefix + "high"])
        problem = range_problem(parameter, bounds[prefix + "low"], bounds[prefix + "high"])
        if problem:
            raise reader.error(problem, sheet, f"{columns[prefix + 'low']}{row}", prefix + "low")
    return BreakEvenStudy(alternative, keys[""], bounds["low"], bounds["high"], keys.get("map_", ""),
                          bounds.get("map_low", 0.0), bounds.get("map_high", 0.0),
                          book.location(sheet, f"{columns['input']}{row}"))


def range_problem(parameter, low: float, high: float) -> str:  # noqa: ANN001 - Parameter
    """What is wrong with searching ``parameter`` over [low, high] (values it cannot take), or ""."""
    if parameter.minimum is not None and low < parameter.minimum:
        return (f"{parameter.key} cannot be below {parameter.minimum:g} {parameter.unit}: the range "
                f"{low:g}..{high:g} must start at {parameter.minimum:g} or above")
    if parameter.maximum is not None and high > parameter.maximum:
        return (f"{parameter.key} cannot be above {parameter.maximum:g} {parameter.unit}: the range "
                f"{low:g}..{high:g} must end at {parameter.maximum:g} or below")
    return ""
