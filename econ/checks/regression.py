"""Regression against a source document: each published figure recomputed from the inputs.

A published figure is never an input of the model. It is compared with the
model's figure converted to the published unit; the deviation and a verdict
come out:

- ``=`` figures *agree* when ``|computed - published| <= tolerance`` and
  *differ* otherwise: the document's figure does not follow from its own inputs
  by the size of the deviation;
- ``>`` and ``<`` figures are claims made in the text; they *hold* or *do not hold*.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from econ import units
from econ.errors import InputError
from econ.inputs.plant import Plant, Reference
from econ.model.figures import Figure, MetricFigure, Model, Results, YearlyFigure

if TYPE_CHECKING:
    from econ.model.alternatives import Case

AGREES, DIFFERS, HOLDS, DOES_NOT_HOLD = "agrees", "differs", "holds", "does not hold"


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

    @property
    def passed(self) -> bool:
        return self.verdict in (AGREES, HOLDS)

    @property
    def relative_deviation(self) -> float | None:
        """Deviation as a fraction of the published figure; None when that is 0."""
        published = self.reference.published
        return None if published == 0 else self.deviation / published


def verdict(comparison: str, computed: float, published: float, tolerance: float) -> str:
    """The verdict for one figure; the workbook's Checks sheet writes the same rule as a formula."""
    if comparison == ">":
        return HOLDS if computed > published else DOES_NOT_HOLD
    if comparison == "<":
        return HOLDS if computed < published else DOES_NOT_HOLD
    return AGREES if abs(computed - published) <= tolerance else DIFFERS


def conversion(reference: Reference, model: Model, months_per_year: float) -> tuple[Figure, float]:
    """The figure a reference is compared with, and the factor from its unit to the published one."""
    def error(message: str, column: str, expected: str | None = None, found: object = None) -> InputError:
        location = reference.location
        return InputError(message, file=location.file, sheet=location.sheet,
                          cell=reference.cell(column), field=column, expected=expected, found=found)

    try:
        figure = model.get(reference.quantity)
    except KeyError:
        raise error(f"reference {reference.id}: unknown model quantity", "quantity",
                    expected="a figure key (econ check --list-quantities)", found=reference.quantity) from None
    if isinstance(figure, (YearlyFigure, MetricFigure)):
        raise error(f"reference {reference.id}: {reference.quantity} is not a single number", "quantity",
                    expected="a figure with one value", found=reference.quantity)
    try:
        factor = units.factor(figure.unit, reference.unit, months_per_year)
    except units.UnitError as problem:
        raise error(f"reference {reference.id}: {problem}", "unit", expected=f"a unit convertible from {figure.unit}",
                    found=reference.unit) from None
    return figure, factor


def compare_references(plant: Plant, results: Results, cases: Sequence[Case] = ()) -> list[Comparison]:
    """Every reference of ``plant`` recomputed: from ``results`` (the base case), or from the alternative
    it names in its ``case`` column (``cases`` as from econ.model.alternatives.alternative_cases)."""
    months_per_year = plant.value("months_per_year")
    by_name = {case.name: case for case in cases[1:]}
    comparisons = []
    for reference in plant.references:
        figure, factor = conversion(reference, results.model, months_per_year)
        if reference.case:
            computed = by_name[reference.case].value(figure.key) * factor
        else:
            computed = results.scalar(figure.key) * factor
        comparisons.append(Comparison(
            reference=reference,
            computed=computed,
            factor=factor,
            model_unit=figure.unit,
            deviation=computed - reference.published,
            verdict=verdict(reference.comparison, computed, reference.published, reference.tolerance),
            formula=figure.expr.text(),
        ))
    return comparisons
