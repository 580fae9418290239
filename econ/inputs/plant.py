"""The plant as read from its workbook: typed, unit-checked inputs with their locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from econ import i18n
from econ.inputs import schema

if TYPE_CHECKING:
    from econ.inputs.chain import Chain
    from econ.inputs.finance_reader import Finance
    from econ.inputs.uncertainty_reader import Uncertainty
    from econ.inputs.problems import Note


@dataclass(frozen=True)
class Location:
    """Where a value sits in the input workbook."""

    file: str
    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.file}!{self.sheet}!{self.cell}"


@dataclass(frozen=True)
class Parameter:
    """One numeric input, converted to the unit the model uses.

    ``entered`` keeps what the engineer typed (value or formula, and unit), for
    the input listing in the reports. ``defaulted`` says why a default stands in:
    "absent" (no row or column) or "blank" (an empty cell); "" for a typed value.
    """

    key: str
    label: str
    value: float
    unit: str
    source: str
    location: Location
    entered: str
    defaulted: str = ""
    minimum: float | None = None  # the range the input's field allows (econ.inputs.schema.FieldSpec), in ``unit``
    maximum: float | None = None
    half_unit: float = 0.0  # half a unit of the printed last digit, in ``unit`` (econ.inputs.precision); 0: exact
    entered_source: str = ""  # the source as entered, when ``source`` shows its translation (Plant.localized)

    @property
    def assumed(self) -> bool:
        """Whether the source as entered says the input is an assumption (``assumption: <reason>``), in
        whatever language the source is shown."""
        return (self.entered_source or self.source).strip().lower().startswith("assumption")


@dataclass(frozen=True)
class Row:
    """One item of a table sheet (an equipment item, a capital item, ...)."""

    table: str
    index: int
    name: str
    source: str
    location: Location
    fields: dict[str, Parameter | None]
    category: str = field(default="", kw_only=True)  # Capital!category (schema.CAPITAL_CATEGORIES); "": none

    def key(self, field_name: str) -> str:
        """Model key of one of the row's fields, e.g. ``equipment.0.unit_power``."""
        return row_key(self.table, self.index, field_name)

    def has(self, field_name: str) -> bool:
        return self.fields.get(field_name) is not None


def row_key(table: str, index: int, field_name: str) -> str:
    return f"{table}.{index}.{field_name}"


def input_key(name: str, tables: dict[str, list[Row]], parameters: dict[str, Parameter]) -> str:
    """The model key of an input named by its field or key (``electricity_price``, ``capital.0.cost``) or,
    for a table row, as ``Sheet:row name:field`` (``Capital:Cell house:cost``); case does not matter in the
    sheet and row names. Raises ValueError with what was expected."""
    parts = [part.strip() for part in name.split(":")]
    if len(parts) == 1:
        key = parts[0]
    elif len(parts) == 3:
        spec = next((spec for spec in schema.TABLES if spec.sheet.lower() == parts[0].lower()), None)
        rows = tables.get(spec.key, []) if spec else []
        matches = [row for row in rows if row.name.strip().lower() == parts[1].lower()]
        if not matches:
            raise ValueError("Sheet:row name:field naming an existing row")
        if len(matches) > 1:
            cells = " and ".join(f"{row.location.sheet}!{row.location.cell}" for row in matches)
            raise ValueError(f"a row name used once, but {cells} are both named {matches[0].name!r}: give the rows "
                             f"different names")
        key = matches[0].key(parts[2])
    else:
        raise ValueError("an input field or key, or Sheet:row name:field for a table row")
    if key not in parameters:
        raise ValueError("an input that the workbook gives a value")
    return key


@dataclass(frozen=True)
class Reference:
    """A figure a source document published, to be recomputed by the check."""

    id: str
    figure: str
    published: float
    unit: str
    quantity: str
    comparison: str  # "=", ">", "<" or "in" (the published range published..published_high)
    tolerance: float
    source: str
    note: str
    location: Location
    cells: dict[str, str] = field(default_factory=dict)  # column name -> address in the row
    case: str = ""  # the alternative the figure belongs to; "" for the base case
    published_high: float | None = None  # the high end of a published range (comparison "in")
    kind: str = "published"  # "published" (printed in the source), "derived" (computed from printed figures, or
    # not printed) or "assumed" (set by the workbook's author): only published figures are evidence
    materiality: float = 0.01  # a difference above this fraction of the published figure is material

    def cell(self, column: str) -> str:
        """Address of one of the row's cells, e.g. the quantity cell."""
        return self.cells.get(column, self.location.cell)


@dataclass(frozen=True)
class Alternative:
    """An option compared with the base case: it overrides some inputs and inherits the rest.

    ``overrides`` maps input keys to values in the model's units.
    """

    name: str
    description: str
    overrides: dict[str, float]
    location: Location


@dataclass(frozen=True)
class BreakEvenStudy:
    """A break-even question of the BreakEven sheet: at what value of ``key`` does the choice flip?

    Values are in the model's units. ``map_key`` (optional) adds a second input for a two-input map.
    """

    alternative: str  # "" for the NPV of the base case itself
    key: str
    low: float
    high: float
    map_key: str = ""
    map_low: float = 0.0
    map_high: float = 0.0
    location: Location | None = None


@dataclass(frozen=True)
class Plant:
    """Everything the model needs from one input workbook.

    ``basis`` is the unit the throughput is counted in (``m^3`` or ``t``); the
    specific cost is per one of it.
    """

    path: Path
    sha256: str
    name: str
    description: str
    currency: str
    language: str
    base_year: int | None
    basis: str
    parameters: dict[str, Parameter]
    tables: dict[str, list[Row]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    base_name: str = ""  # Project!base_case; empty when the workbook names none (see base_case_name)
    break_even: list[BreakEvenStudy] = field(default_factory=list)
    chain: Chain | None = None
    translations: dict[str, str] = field(default_factory=dict)  # "name_ru" -> the Russian name
    # every other text's translations, by the text as entered: text_translations["Cell house"]["ru"]
    text_translations: dict[str, dict[str, str]] = field(default_factory=dict)
    shown_language: str = ""  # the language of the texts after localized(lang); "": as entered
    untranslated: tuple[str, ...] = ()  # of a localized plant: the shown texts without a version in its language
    as_entered: Plant | None = field(default=None, repr=False, compare=False)  # of a localized plant: the plant read
    uncertainty: Uncertainty | None = None  # the Uncertainty and Correlations sheets, estimate classes
    notes: list[Note] = field(default_factory=list)  # what the reader found that does not stop a run
    finance: Finance | None = None  # the full DCF's structure (econ.inputs.finance_reader); None: not used

    @property
    def file_name(self) -> str:
        return self.path.name

    def input_key(self, name: str) -> str:
        """The model key of the input ``name`` (see :func:`input_key`); ValueError says what was expected.

        A localized plant's rows answer to their names as entered too."""
        if self.as_entered is not None:
            try:
                return input_key(name, self.tables, self.parameters)
            except ValueError:
                return self.as_entered.input_key(name)
        return input_key(name, self.tables, self.parameters)

    def localized(self, lang: str) -> Plant:
        """A copy whose workbook texts (row names, sources, notes, alternative names) are in ``lang`` where the
        workbook translates them, with the same numbers (econ.inputs.translations.localize)."""
        from econ.inputs.translations import localize

        return localize(self, lang)

    def input_name(self, key: str) -> str:
        """An input as the sheets name it: ``Capital:Cell house:cost`` for a table row's field, else the key.

        The row's name as entered, also for a localized plant: the name is for typing (``--input``, the
        Alternatives and BreakEven sheets), which answer to it."""
        if self.as_entered is not None:
            return self.as_entered.input_name(key)
        parts = key.split(".")
        if len(parts) == 3 and parts[1].isdigit():
            spec = next((spec for spec in schema.TABLES if spec.key == parts[0]), None)
            rows = self.tables.get(parts[0], [])
            if spec is not None and int(parts[1]) < len(rows):
                return f"{spec.sheet}:{rows[int(parts[1])].name}:{parts[2]}"
        return key

    def base_case_name(self, lang: str = "en") -> str:
        """The base case's name: Project!base_case, else "Base case" in ``lang``."""
        return self.base_name or i18n.text("case.base", lang)

    def text(self, name: str, lang: str) -> str:
        """A project text (``name``, ``description``) for a report in ``lang``: its ``NAME_LANG`` version if
        the workbook gives one, else the text as entered."""
        return self.translations.get(f"{name}_{lang}") or getattr(self, name)

    def translated(self, text: str, lang: str) -> str:
        """Any workbook text as entered in ``lang``: its translation where the workbook gives one, else itself."""
        return self.text_translations.get(text, {}).get(lang) or text

    def value(self, key: str) -> float:
        return self.parameters[key].value

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])

    def inputs(self) -> dict[str, np.ndarray]:
        """Every numeric input as a 0-d array, keyed for the model."""
        return {key: np.asarray(parameter.value, dtype=float) for key, parameter in self.parameters.items()}

    @property
    def service_life_years(self) -> int:
        return int(self.value("service_life"))

    @property
    def construction_years(self) -> int:
        """Years 0..C-1 in which the capital is spent (1 without a Timeline sheet)."""
        return self.finance.construction_years if self.finance is not None else 1

    @property
    def table_years(self) -> int:
        """The last year of the cash-flow table: construction years, then service_life operating years."""
        return self.construction_years + self.service_life_years - 1
