"""Regression against a source document: each published figure recomputed from the inputs.

A published figure is never an input of the model. It is compared with the
model's figure converted to the published unit; the deviation and a verdict
come out:

- ``=`` figures *agree* when ``|computed - published| <= tolerance`` and
  *differ* otherwise: the document's figure does not follow from its own inputs
  by the size of the deviation;
- ``>`` and ``<`` figures are claims made in the text, and ``in`` a range the text
  gives (``published`` to ``published_high``); they *hold* or *do not hold*.

The inputs were printed rounded too (econ.inputs.precision). A figure that
misses its published value but is reached somewhere within half a unit of each
rounded input's last digit (econ.checks.rounding) *agrees within input rounding*
(a claim *holds within input rounding*); one that is not reached *differs* by
its gap, the distance from the attainable range (widened by the tolerance) to
the published figure. The gap is *material* above the row's materiality
(References!materiality, 1 % of the published figure by default). A figure all
of whose inputs are assumptions (their sources start with "assumption") or
defaults is *not tested*: the workbook chose what it is compared with; so is
a row of kind "assumed" (References!kind), whose inputs were chosen to make it hold.
"""

from __future__ import annotations

import math

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from econ import units
from econ.errors import InputError
from econ.checks.rounding import attainable_ranges, dependencies
from econ.inputs.plant import Plant, Reference
from econ.inputs.precision import is_assumption
from econ import collector
from econ.model.expr import Const, Expr, Ref
from econ.model.figures import Figure, MetricFigure, Model, Results, YearlyFigure

if TYPE_CHECKING:
    from econ.model.alternatives import Case

AGREES, DIFFERS, HOLDS, DOES_NOT_HOLD = "agrees", "differs", "holds", "does not hold"
AGREES_ROUNDING, HOLDS_ROUNDING = "agrees within input rounding", "holds within input rounding"
NOT_TESTED = "not tested"
VERDICTS = (AGREES, AGREES_ROUNDING, DIFFERS, HOLDS, HOLDS_ROUNDING, DOES_NOT_HOLD, NOT_TESTED)


@dataclass(frozen=True)
class Comparison:
    """One published figure against its recomputed value, both in the published unit."""

    reference: Reference
    computed: float
    factor: float  # model unit -> published unit
    model_unit: str
    deviation: float  # computed - published
    verdict: str
    formula: str  # how the model computes the figure, over keys
    quantity: Quantity | None = None
    low: float | None = None  # the attainable range over the inputs' rounding, published unit; None: exact
    high: float | None = None
    rounded: tuple[str, ...] = ()  # the rounded inputs varied for the range
    gap: float = 0.0  # how far the published figure lies beyond the attainable range and tolerance (>= 0)
    inputs: tuple[str, ...] = ()  # every input key the figure depends on

    @property
    def passed(self) -> bool:
        """Agrees or holds (exactly or within input rounding), or is not tested."""
        return self.verdict in (AGREES, AGREES_ROUNDING, HOLDS, HOLDS_ROUNDING, NOT_TESTED)

    @property
    def material(self) -> bool:
        """A difference (or a failed claim) whose gap exceeds the row's materiality."""
        if self.passed:
            return False
        bound = abs(self.reference.published)
        return self.gap > self.reference.materiality * bound if bound else self.gap > 0

    @property
    def evidence(self) -> bool:
        """Whether the row is a published figure (not derived or assumed) and was tested."""
        return self.reference.kind == "published" and self.verdict != NOT_TESTED

    @property
    def relative_gap(self) -> float | None:
        published = self.reference.published
        return None if published == 0 else self.gap / abs(published)

    @property
    def relative_deviation(self) -> float | None:
        """Deviation as a fraction of the published figure; None when that is 0."""
        published = self.reference.published
        return None if published == 0 else self.deviation / published


def verdict(comparison: str, computed: float, published: float, tolerance: float,
            published_high: float | None = None) -> str:
    """The verdict for one figure; the workbook's Checks sheet writes the same rule as a formula.

    >>> verdict("in", 20.0, 17.3, 0.0, 48.5), verdict("in", 50.0, 17.3, 0.0, 48.5)
    ('holds', 'does not hold')
    """
    if comparison == "in":
        assert published_high is not None, "a range needs its high end"
        return HOLDS if published <= computed <= published_high else DOES_NOT_HOLD
    if comparison == ">":
        return HOLDS if computed > published else DOES_NOT_HOLD
    if comparison == "<":
        return HOLDS if computed < published else DOES_NOT_HOLD
    return AGREES if abs(computed - published) <= tolerance else DIFFERS


@dataclass(frozen=True)
class Quantity:
    """What a reference is compared with: one figure, or arithmetic over figures (``a / b``, ``a + b``).

    ``unit`` is the model unit of ``expr``; ``definition`` says how the model computes it.
    """

    expr: Expr
    unit: str
    definition: str

    @property
    def key(self) -> str | None:
        """The figure's key when the quantity is a single figure."""
        return self.expr.key if isinstance(self.expr, Ref) else None


_TOKEN = re.compile(r"\s*(?:(?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)|(?P<key>[A-Za-z_][A-Za-z0-9_.]*)|(?P<op>[-+*/()]))")


MAX_BRACKETS = 50  # nesting of a reference's quantity expression


def parse_quantity(text: str, model: Model) -> Quantity:
    """A reference's quantity: a figure key, or + - * / and brackets over figure keys and numbers.

    Raises ValueError with the reason when a key is unknown, is not a single
    number, or the units of a sum do not match.
    """
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise ValueError(f"cannot read {text[position:]!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    if not tokens:
        raise ValueError("empty")
    depth = 0
    for _kind, value in tokens:  # the parser below recurses once per bracket
        depth += {"(": 1, ")": -1}.get(value, 0)
        if depth > MAX_BRACKETS:
            raise ValueError(f"brackets nested more than {MAX_BRACKETS} deep")
    if len(tokens) == 1 and tokens[0][0] == "key":
        try:
            figure = _figure(tokens[0][1], model)
        except ValueError as problem:  # the cell holds the key alone: no need to repeat it
            raise ValueError(str(problem).replace(f" {tokens[0][1]!r}", "")) from None
        return Quantity(Ref(figure.key), figure.unit, figure.expr.text())
    cursor = [0]

    def peek() -> str:
        return tokens[cursor[0]][1] if cursor[0] < len(tokens) else ""

    def take() -> tuple[str, str]:
        if cursor[0] >= len(tokens):
            raise ValueError("the expression ends too early")
        cursor[0] += 1
        return tokens[cursor[0] - 1]

    def atom() -> tuple[Expr, str]:
        kind, value = take()
        if value == "(":
            inner = sum_()
            if take()[1] != ")":
                raise ValueError("a bracket is not closed")
            return inner
        if value == "-":
            operand, unit = atom()
            return -operand, unit
        if kind == "number":
            if not math.isfinite(float(value)):
                raise ValueError(f"the number {value} is out of range")
            return Const(float(value)), "dimensionless"
        if kind == "key":
            figure = _figure(value, model)
            return Ref(figure.key), figure.unit
        raise ValueError(f"unexpected {value!r}")

    def product() -> tuple[Expr, str]:
        left, unit = atom()
        while peek() in ("*", "/"):
            op = take()[1]
            right, right_unit = atom()
            left, unit = (left * right, f"({unit})*({right_unit})") if op == "*" else \
                (left / right, f"({unit})/({right_unit})")
        return left, unit

    def sum_() -> tuple[Expr, str]:
        left, unit = product()
        while peek() in ("+", "-"):
            op = take()[1]
            right, right_unit = product()
            try:  # like units add after conversion (a fraction and a number, g and kg)
                factor = units.factor(right_unit, unit)
            except units.UnitError:
                raise ValueError(f"cannot add {unit} and {right_unit}") from None
            right = right if factor == 1 else right * factor
            left = left + right if op == "+" else left - right
        return left, unit

    expr, unit = sum_()
    if cursor[0] != len(tokens):
        raise ValueError(f"unexpected {peek()!r}")
    return Quantity(expr, unit, expr.text())


def _figure(key: str, model: Model) -> Figure:
    try:
        figure = model.get(key)
    except KeyError:
        raise ValueError(f"unknown model quantity {key!r}") from None
    if isinstance(figure, (YearlyFigure, MetricFigure)):
        raise ValueError(f"{key} is not a single number")
    return figure


def conversion(reference: Reference, model: Model, months_per_year: float) -> tuple[Quantity, float]:
    """The quantity a reference is compared with, and the factor from its unit to the published one."""
    def error(message: str, column: str, expected: str | None = None, found: object = None) -> InputError:
        location = reference.location
        return InputError(message, file=location.file, sheet=location.sheet,
                          cell=reference.cell(column), field=column, expected=expected, found=found)

    try:
        quantity = parse_quantity(reference.quantity, model)
    except (ValueError, units.UnitError) as problem:
        raise error(f"reference {reference.id}: {problem}", "quantity",
                    expected="a figure key (econ check --list-quantities), or + - * / over figure keys",
                    found=reference.quantity) from None
    try:
        factor = units.factor(quantity.unit, reference.unit, months_per_year)
    except units.UnitError as problem:
        raise error(f"reference {reference.id}: {problem}", "unit",
                    expected=f"a unit convertible from {quantity.unit}", found=reference.unit) from None
    return quantity, factor


def judge(reference: Reference, computed: float, low: float | None, high: float | None,
          tested: bool = True) -> tuple[str, float]:
    """The verdict of one figure and its gap (published unit, >= 0), given its attainable range.

    >>> from econ.inputs.plant import Location
    >>> row = Reference("x", "", 24.1, "%", "q", "=", 0.05, "", "", Location("f", "References", "A2"))
    >>> judge(row, 24.150178, 24.0638, 24.2370)
    ('agrees within input rounding', 0.0)
    >>> judge(row, 24.3, 24.2, 24.4)[0], round(judge(row, 24.3, 24.2, 24.4)[1], 6)
    ('differs', 0.05)
    """
    if not tested:
        return NOT_TESTED, 0.0
    published, tolerance = reference.published, reference.tolerance
    low = computed if low is None else min(low, computed)
    high = computed if high is None else max(high, computed)
    exact = verdict(reference.comparison, computed, published, tolerance, reference.published_high)
    if exact in (AGREES, HOLDS):
        return exact, 0.0
    if reference.comparison == "=":
        gap = max(published - (high + tolerance), (low - tolerance) - published, 0.0)
        return (AGREES_ROUNDING, 0.0) if gap == 0 else (DIFFERS, gap)
    if reference.comparison == ">":
        gap = published - high
    elif reference.comparison == "<":
        gap = low - published
    else:
        assert reference.published_high is not None
        gap = max(published - high, low - reference.published_high)
    return (HOLDS_ROUNDING, 0.0) if gap < 0 else (DOES_NOT_HOLD, max(gap, 0.0))


def is_assumed(plant: Plant, key: str) -> bool:
    """An input the workbook chose: its source starts with "assumption", or a default stands in."""
    parameter = plant.parameters[key]
    return bool(parameter.defaulted) or parameter.source.strip().lower() == "default" \
        or is_assumption(parameter.entered_source or parameter.source)  # as entered, whatever the report's language


def compare_references(plant: Plant, results: Results, cases: Sequence[Case] = ()) -> list[Comparison]:
    """Every reference of ``plant`` recomputed: from ``results`` (the base case), or from the alternative
    it names in its ``case`` column (``cases`` as from econ.model.alternatives.alternative_cases), with
    its attainable range over the rounding of its inputs and its verdict (see the module's docstring)."""
    exact = _exact_comparisons(plant, results, cases)
    model = results.model
    with collector.paused():  # walks and evaluations over 200,000 figures (100,000 Equipment rows)
        depends = [dependencies(model, comparison.quantity.expr.keys(), plant) for comparison in exact]
        ranges = attainable_ranges(plant, model, [None if c.reference.case else c.quantity.expr for c in exact],
                                   depends)
    judged = []
    for comparison, attainable, inputs in zip(exact, ranges, depends):
        reference = comparison.reference
        tested = reference.kind != "assumed" and any(not is_assumed(plant, key) for key in inputs)
        low = high = None
        if attainable is not None:
            low, high = sorted((attainable.low * comparison.factor, attainable.high * comparison.factor))
        verdict_text, gap = judge(reference, comparison.computed, low, high, tested)
        judged.append(replace(comparison, verdict=verdict_text, gap=gap, low=low, high=high, inputs=inputs,
                              rounded=attainable.inputs if attainable else ()))
    return judged


def _exact_comparisons(plant: Plant, results: Results, cases: Sequence[Case] = ()) -> list[Comparison]:
    """Every reference recomputed from the inputs as entered, with the verdict of its own tolerance."""
    months_per_year = plant.value("months_per_year")
    by_name = {case.name: case for case in cases[1:]}
    comparisons = []
    for reference in plant.references:
        quantity, factor = conversion(reference, results.model, months_per_year)
        if reference.case:
            case = by_name[reference.case]
            values = {key: case.value(key) for key in quantity.expr.keys()}
        else:
            values = {key: results.scalar(key) for key in quantity.expr.keys()}
        with np.errstate(divide="ignore", invalid="ignore"):
            computed = float(quantity.expr.evaluate(values)) * factor
        comparisons.append(Comparison(
            reference=reference,
            computed=computed,
            factor=factor,
            model_unit=quantity.unit,
            deviation=computed - reference.published,
            verdict=verdict(reference.comparison, computed, reference.published, reference.tolerance,
                            reference.published_high),
            formula=quantity.definition,
            quantity=quantity,
        ))
    return comparisons
