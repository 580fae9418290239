"""Read the Uncertainty and Correlations sheets and the Capital table's estimate classes.

The Uncertainty sheet (optional) gives one row per uncertain input: the input
named like the Alternatives sheet (``electricity_price``, ``capital.0.cost`` or
``Capital:Cell house:cost``), its distribution, the parameters in the unit of
the ``unit`` column (converted to the model's unit, like the Alternatives
sheet), and a source. The Correlations sheet (optional) gives rank
correlations between pairs of those inputs. A Capital row may name an AACE
18R-97 estimate class (column ``estimate_class``, 1 to 5): where the
Uncertainty sheet is silent on that row's cost, the class gives its range.

Every problem is an InputError naming file, sheet, cell and field, what was
expected and what was found, like the rest of the reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from econ.inputs.assumptions import is_assumed
from econ.inputs.plant import Location, Parameter, Plant, Row

if TYPE_CHECKING:
    from econ.inputs.reader import _Reader

# The parameters of each distribution, in the order they are stored; discrete takes values and probabilities.
DISTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "pert": ("low", "mode", "high"),
    "normal": ("mean", "sd"),
    "lognormal": ("mean", "sd"),
    "discrete": ("values", "probabilities"),
}
PARAMETER_COLUMNS = ("low", "mode", "high", "mean", "sd", "values", "probabilities")
UNCERTAINTY_COLUMNS = ("input", "unit", "distribution", *PARAMETER_COLUMNS, "source", "note")
CORRELATION_COLUMNS = ("input_a", "input_b", "rank_correlation", "source", "note")

# AACE International Recommended Practice 18R-97, "Cost Estimate Classification System - As Applied in
# Engineering, Procurement, and Construction for the Process Industries" (rev. 2020), Figure 1: the expected
# accuracy range of each class, its wide end (low %, high %) taken here.
ESTIMATE_CLASS_RANGES: dict[int, tuple[float, float]] = {
    5: (-0.50, 1.00), 4: (-0.30, 0.50), 3: (-0.20, 0.30), 2: (-0.15, 0.20), 1: (-0.10, 0.15),
}
ESTIMATE_CLASS_SOURCE = "AACE 18R-97 estimate class {klass}: {low:+.0%} / {high:+.0%} (wide end of the range)"
SHAPE_KEYS = ("service_life", "months_per_year")
NOT_UNCERTAIN = ("estimate_class",)  # fields that describe another input's uncertainty


@dataclass(frozen=True)
class UncertainInput:
    """One uncertain input: its distribution and parameters in the model's unit, and where they come from.

    ``parameters`` follow :data:`DISTRIBUTIONS` (discrete: the values, then the probabilities).
    """

    key: str
    distribution: str
    parameters: tuple[float, ...]
    source: str
    origin: str  # "Uncertainty sheet", "estimate class 4" or "--vary"
    location: Location | None = None


@dataclass(frozen=True)
class Uncertainty:
    """The uncertain inputs of a plant, their rank correlations, and the assumptions without a range."""

    inputs: tuple[UncertainInput, ...] = ()
    correlations: tuple[tuple[str, str, float], ...] = ()
    unquantified: tuple[str, ...] = ()
    location: Location | None = None  # the Correlations sheet, for an error about the whole matrix

    def keys(self) -> list[str]:
        return [item.key for item in self.inputs]


def parameter_problem(distribution: str, parameters: tuple[float, ...]) -> str:
    """What is wrong with ``parameters`` for ``distribution`` ("" when nothing): the text after 'expected'."""
    if distribution == "discrete":
        count = len(parameters) // 2
        probabilities = parameters[count:]
        if count == 0 or len(parameters) % 2:
            return "as many probabilities as values, at least one"
        if any(p < 0 for p in probabilities) or not math.isclose(sum(probabilities), 1.0, abs_tol=1e-9):
            return "probabilities of 0 or more that add up to 1"
        return ""
    names = DISTRIBUTIONS[distribution]
    if len(parameters) != len(names):
        return f"{len(names)} parameters ({', '.join(names)})"
    if not all(math.isfinite(value) for value in parameters):
        return "finite numbers"
    if distribution == "uniform" and not parameters[0] < parameters[1]:
        return "low < high"
    if distribution in ("triangular", "pert") and not (parameters[0] <= parameters[1] <= parameters[2]
                                                        and parameters[0] < parameters[2]):
        return "low <= mode <= high and low < high"
    if distribution in ("normal", "lognormal") and not parameters[1] > 0:
        return "a standard deviation (sd) above 0"
    if distribution == "lognormal" and not parameters[0] > 0:
        return "a mean above 0 (a lognormal input is positive)"
    return ""


_VARY = re.compile(r"^\s*([^=]+?)\s*=\s*([A-Za-z]+)\s*\((.*)\)\s*$")


def parse_vary(text: str, plant_input_key: Callable[[str], str], parameters: dict[str, Parameter]) -> UncertainInput:
    """``KEY=DIST(a, b, ...)`` from the command line, in the model's unit of the input; ValueError says why.

    ``plant_input_key`` resolves a name to a key (:meth:`econ.inputs.plant.Plant.input_key`). A discrete
    distribution takes ``discrete(v1, p1, v2, p2, ...)``.
    """
    match = _VARY.match(text)
    if not match:
        raise ValueError(f"--vary {text!r}: expected KEY=DIST(ARGS), e.g. electricity_price=uniform(10,16)")
    name, distribution, arguments = match.group(1), match.group(2).lower(), match.group(3)
    if distribution not in DISTRIBUTIONS:
        raise ValueError(f"--vary {text!r}: expected a distribution of {', '.join(DISTRIBUTIONS)}, "
                         f"got {distribution!r}")
    try:
        key = plant_input_key(name)
    except ValueError as problem:
        raise ValueError(f"--vary {text!r}: expected {problem}, got {name!r}") from None
    if key in SHAPE_KEYS:
        raise ValueError(f"--vary {text!r}: {key} sets the shape of the model and cannot vary")
    if key.split(".")[-1] in NOT_UNCERTAIN:
        raise ValueError(f"--vary {text!r}: {key} describes the range of another input; vary that input")
    try:
        numbers = tuple(float(part) for part in arguments.split(",")) if arguments.strip() else ()
    except ValueError:
        raise ValueError(f"--vary {text!r}: expected numbers separated by commas, got {arguments!r}") from None
    if distribution == "discrete":
        numbers = numbers[0::2] + numbers[1::2]
    problem = parameter_problem(distribution, numbers)
    if problem:
        raise ValueError(f"--vary {text!r}: {distribution} expects {problem}, got ({arguments})")
    unit = parameters[key].unit
    return UncertainInput(key, distribution, numbers, f"--vary (in {unit})", "--vary")


@dataclass
class UncertaintyReader:
    """Reads the uncertainty sheets with the helpers (units, errors) of the workbook reader."""

    reader: _Reader
    tables: dict[str, list[Row]]
    inputs: dict[str, UncertainInput] = field(default_factory=dict)

    def error(self, sheet: str, cell: str, field_name: str, expected: str, found: object, message: str = ""):
        return self.reader.error(message, sheet, cell, field_name, expected=expected, found=found)

    def read(self) -> Uncertainty:
        self.read_sheet()
        self.read_estimate_classes()
        correlations, location = self.read_correlations()
        return Uncertainty(tuple(self.inputs.values()), correlations, self.unquantified(), location)

    # -- the Uncertainty sheet -----------------------------------------------------------
    def read_sheet(self) -> None:
        book = self.reader.book
        sheet = book.sheet("Uncertainty")
        if sheet is None:
            return
        columns = self.reader.header(sheet)
        for name in ("input", "distribution"):
            self.reader.column(sheet, columns, name)
        self.reader.check_columns(sheet, columns, UNCERTAINTY_COLUMNS)
        self.reader.text_columns(sheet, columns, 2)
        rows: dict[str, int] = {}
        for row in range(2, book.last_row(sheet) + 1):
            def cell(name: str, row: int = row) -> str:
                return f"{columns.get(name, '?')}{row}"

            name = book.text(sheet, cell("input"))
            if not name:
                continue
            key = self.reader.input_key(name, self.tables, sheet, cell("input"))
            if key in rows:
                raise self.error(sheet, cell("input"), "input", f"each input on one row (it is also on row "
                                 f"{rows[key]})", name)
            rows[key] = row
            distribution = book.text(sheet, cell("distribution")).lower()
            if distribution not in DISTRIBUTIONS:
                raise self.error(sheet, cell("distribution"), "distribution", " or ".join(DISTRIBUTIONS),
                                 distribution or "an empty cell")
            unit_text = book.text(sheet, cell("unit")) if "unit" in columns else ""
            parameters = self.parameters(sheet, columns, row, key, distribution, unit_text)
            problem = parameter_problem(distribution, parameters)
            if problem:
                last = DISTRIBUTIONS[distribution][-1]
                raise self.error(sheet, cell(last), last, f"{distribution} with {problem}",
                                 ", ".join(f"{value:g}" for value in parameters))
            base = self.reader.parameters[key]
            if base.unit == "fraction" and distribution in ("uniform", "triangular", "pert", "discrete"):
                values = parameters[: len(parameters) // 2] if distribution == "discrete" else parameters
                if min(values) < 0 or max(values) > 1:
                    raise self.error(sheet, cell(DISTRIBUTIONS[distribution][0]), DISTRIBUTIONS[distribution][0],
                                     "values of a fraction from 0 to 1 (0 % to 100 %)",
                                     ", ".join(f"{value:g}" for value in values))
            source = book.text(sheet, cell("source")) if "source" in columns else ""
            self.inputs[key] = UncertainInput(key, distribution, parameters, source, "Uncertainty sheet",
                                              book.location(sheet, cell("input")))

    def parameters(self, sheet: str, columns: dict[str, str], row: int, key: str, distribution: str,
                   unit_text: str) -> tuple[float, ...]:
        """The distribution's parameter cells, converted to the input's unit; a parameter it does not take,
        or a missing one, is an error."""
        book = self.reader.book
        wanted = DISTRIBUTIONS[distribution]
        for name in PARAMETER_COLUMNS:
            address = f"{columns.get(name, '?')}{row}"
            given = name in columns and book.cell(sheet, address) is not None and book.text(sheet, address) != ""
            if given and name not in wanted:
                raise self.error(sheet, address, name, f"no {name}: {distribution} takes {', '.join(wanted)}",
                                 book.resolve(sheet, address, name))
            if not given and name in wanted:
                raise self.error(sheet, address, name, f"a number: {distribution} takes {', '.join(wanted)}",
                                 "an empty cell")
        if distribution == "discrete":
            values = self.number_list(sheet, f"{columns['values']}{row}", "values")
            probabilities = self.number_list(sheet, f"{columns['probabilities']}{row}", "probabilities")
            if len(values) != len(probabilities):
                raise self.error(sheet, f"{columns['probabilities']}{row}", "probabilities",
                                 f"{len(values)} probabilities, one per value", len(probabilities))
            return tuple(self.convert(value, unit_text, key, sheet, f"{columns['values']}{row}", "values")
                         for value in values) + probabilities
        numbers = []
        for name in wanted:
            address = f"{columns[name]}{row}"
            value = book.resolve(sheet, address, name)
            if not isinstance(value, float) or not math.isfinite(value):
                raise self.error(sheet, address, name, "a number", value)
            numbers.append(self.convert(value, unit_text, key, sheet, address, name, difference=name == "sd"))
        return tuple(numbers)

    def number_list(self, sheet: str, address: str, name: str) -> tuple[float, ...]:
        value = self.reader.book.resolve(sheet, address, name)
        if isinstance(value, float):
            return (value,)
        try:
            return tuple(float(part.replace(",", ".")) for part in str(value).split(";"))
        except ValueError:
            raise self.error(sheet, address, name, "numbers separated by ';' (e.g. 10; 12; 16)", value) from None

    def convert(self, value: float, unit_text: str, key: str, sheet: str, address: str, name: str,
                difference: bool = False) -> float:
        """A parameter in the input's model unit: a fraction from % or fraction, any other unit by pint."""
        target = self.reader.parameters[key].unit
        if target == "fraction":
            normal = unit_text.strip().lower()
            if normal in ("%", "percent", "per cent"):
                return value / 100.0
            if normal in ("", "fraction", "-", "1"):
                return value
            raise self.error(sheet, address, name, "the unit 'fraction' or '%'", unit_text)
        from econ import units

        try:
            if difference:  # a spread converts by the ratio of the units, without any offset
                return value * units.convert(1.0, unit_text or target, target, self.reader.months_per_year)
            return units.convert(value, unit_text or target, target, self.reader.months_per_year)
        except units.UnitError as error:
            raise self.error(sheet, address, name, target, unit_text, f"unit {unit_text!r} cannot be used here "
                             f"({error})") from None

    # -- estimate classes -----------------------------------------------------------
    def read_estimate_classes(self) -> None:
        """A Capital row's ``estimate_class`` (read and checked as a whole number 1..5 with the table) gives a
        triangular range to its cost: low and high at the wide end of the class's AACE range, mode at the cost."""
        for row in self.tables.get("capital", []):
            estimate = row.fields.get("estimate_class")
            key = row.key("cost")
            if estimate is None or key in self.inputs or not row.has("cost"):
                continue  # no class, or the Uncertainty sheet's own range wins
            klass = int(estimate.value)
            low, high = ESTIMATE_CLASS_RANGES[klass]
            cost = self.reader.parameters[key].value
            self.inputs[key] = UncertainInput(
                key, "triangular", (cost * (1 + low), cost, cost * (1 + high)),
                ESTIMATE_CLASS_SOURCE.format(klass=klass, low=low, high=high), f"estimate class {klass}",
                estimate.location)

    # -- correlations -----------------------------------------------------------
    def read_correlations(self) -> tuple[tuple[tuple[str, str, float], ...], Location | None]:
        book = self.reader.book
        sheet = book.sheet("Correlations")
        if sheet is None:
            return (), None
        columns = self.reader.header(sheet)
        for name in ("input_a", "input_b", "rank_correlation"):
            self.reader.column(sheet, columns, name)
        self.reader.check_columns(sheet, columns, CORRELATION_COLUMNS)
        self.reader.text_columns(sheet, columns, 2)
        pairs: dict[frozenset[str], int] = {}
        correlations = []
        last_row = book.last_row(sheet)
        for row in range(2, last_row + 1):
            names = [book.text(sheet, f"{columns[name]}{row}") for name in ("input_a", "input_b")]
            if not any(names):
                continue
            keys = []
            for name, text in zip(("input_a", "input_b"), names):
                address = f"{columns[name]}{row}"
                key = self.reader.input_key(text, self.tables, sheet, address) if text else ""
                if key not in self.inputs:
                    raise self.error(sheet, address, name, "an input with a distribution on the Uncertainty sheet "
                                     "or an estimate class", text or "an empty cell")
                keys.append(key)
            if keys[0] == keys[1]:
                raise self.error(sheet, f"{columns['input_b']}{row}", "input_b", "an input other than input_a",
                                 names[1])
            pair = frozenset(keys)
            if pair in pairs:
                raise self.error(sheet, f"{columns['input_a']}{row}", "input_a",
                                 f"each pair on one row (it is also on row {pairs[pair]})", f"{names[0]}, {names[1]}")
            pairs[pair] = row
            address = f"{columns['rank_correlation']}{row}"
            value = book.resolve(sheet, address, "rank_correlation")
            if not isinstance(value, float) or not -1.0 <= value <= 1.0:
                raise self.error(sheet, address, "rank_correlation", "a rank correlation from -1 to 1", value)
            correlations.append((keys[0], keys[1], value))
        location = book.location(sheet, f"{columns['rank_correlation']}2:{columns['rank_correlation']}{last_row}")
        keys = list(self.inputs)
        if correlations and not positive_definite(correlation_matrix(keys, correlations)):
            raise self.error(sheet, location.cell, "rank_correlation",
                             "rank correlations that together form a positive definite matrix",
                             "a matrix that is not (some correlations contradict each other)")
        return tuple(correlations), location

    # -- assumptions without a range -----------------------------------------------------
    def unquantified(self) -> tuple[str, ...]:
        return tuple(key for key, parameter in self.reader.parameters.items()
                     if key not in self.inputs and key not in SHAPE_KEYS and not parameter.defaulted
                     and key.split(".")[-1] not in NOT_UNCERTAIN and key != "base_year"
                     and is_assumed(parameter.entered_source or parameter.source, key))


def correlation_matrix(keys: list[str], correlations: tuple[tuple[str, str, float], ...] | list) -> np.ndarray:
    """The Pearson correlation matrix of the normal scores for rank correlations between ``keys``.

    For a Gaussian copula a rank (Spearman) correlation rho_s is a Pearson correlation
    ``2 sin(pi rho_s / 6)`` of the normal scores.
    """
    index = {key: position for position, key in enumerate(keys)}
    matrix = np.eye(len(keys))
    for first, second, rank in correlations:
        if first in index and second in index:
            pearson = 2.0 * math.sin(math.pi * rank / 6.0)
            matrix[index[first], index[second]] = matrix[index[second], index[first]] = pearson
    return matrix


def positive_definite(matrix: np.ndarray) -> bool:
    try:
        np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        return False
    return True


def read_uncertainty(reader: _Reader, tables: dict[str, list[Row]]) -> Uncertainty:
    """The plant's uncertainty: the Uncertainty sheet, the estimate classes, the Correlations sheet."""
    return UncertaintyReader(reader, tables).read()


def chosen_inputs(plant: Plant, vary: list[str] | None
                  ) -> tuple[tuple[UncertainInput, ...], tuple[tuple[str, str, float], ...]]:
    """The inputs that vary and their rank correlations: those ``--vary`` names (each ``KEY=DIST(ARGS)``),
    else the plant's Uncertainty sheet and estimate classes. A bad ``--vary`` is an EconError of one line."""
    from econ.errors import EconError

    uncertainty = plant.uncertainty or Uncertainty()
    if not vary:
        return uncertainty.inputs, uncertainty.correlations
    chosen: dict[str, UncertainInput] = {}
    for text in vary:
        try:
            item = parse_vary(text, plant.input_key, plant.parameters)
        except ValueError as problem:
            raise EconError(f"{plant.file_name}: {problem}") from None
        if item.key in chosen:
            raise EconError(f"{plant.file_name}: --vary {text!r}: {item.key} is already varied by another --vary")
        chosen[item.key] = item
    keys = set(chosen)
    return tuple(chosen.values()), tuple(pair for pair in uncertainty.correlations if {pair[0], pair[1]} <= keys)
