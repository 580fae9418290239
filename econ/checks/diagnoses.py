"""Why a published figure does not follow: implied inputs, unit slips, swaps, figures stated twice.

For a figure that differs, econ looks for the explanations a referee would try:

- **implied values**: for each single input the figure depends on, the value
  that would make it follow (the implied tariff, current efficiency, cell
  voltage), solved by the secant method over the vectorized model: every
  (figure, input) pair is one case of the same evaluation, 12 steps in all;
- **a unit slip**: the published figure is the computed one times 10^3 or 10^6
  (or divided by it), within 1 % or the rounding range;
- **a swap**: two published figures of one unit that each match the other's
  computed value (the abstract's NaOH 10.2 % and NaNO3 8.3 %);
- **a twin**: the same published figure (value, unit and source) appears on
  another row whose quantity reproduces it: the source states the quantity in
  two forms, and this row's form does not hold;
- **a total against its parts**: a published total (a figure the model sums
  from parts) that is not the sum of its parts, and which other figure of the
  same group it equals instead (Table 4's 197.1 g of Pb "obtained" is what the
  stage loaded; its products hold 175.6 g);
- **a quantity in its other form**: where the model computes a figure in two
  forms (``cash_opex_per_month`` beside ``opex_per_month``: OPEX without and
  with depreciation), the figure recomputed with the other form: the Cr text's
  "more than four times the capital" fails on the accounting net effect
  (45.81 / 12 = 3.82) and holds on the cash basis (57.81 / 12 = 4.82).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from econ.checks.regression import AGREES, AGREES_ROUNDING, DIFFERS, HOLDS, HOLDS_ROUNDING, Comparison
from econ.checks.rounding import evaluate_samples
from econ.inputs.plant import Plant
from econ import collector
from econ.model.expr import BinOp, Const, Expr, Func, Ref
from econ.model.figures import Figure, Model, Results

SECANT_STEPS = 12
MOST_INPUTS = 24  # implied values are solved for at most this many inputs of a figure
UNIT_FACTORS = (1e3, 1e6, 1e-3, 1e-6)
CLOSE = 0.01  # a published value within 1 % of another computed one matches it
CONSTANTS = (".molar_mass", ".valence")  # constants of nature: never the suspect of an implied value


@dataclass(frozen=True)
class Implied:
    """The value of one input at which a figure follows, against the value entered (model unit)."""

    key: str
    value: float
    entered: float
    unit: str
    allowed: bool  # within the range the input's field allows
    stated: tuple[float, float] | None = None  # the range the Uncertainty sheet states for the input, if any

    @property
    def within_stated(self) -> bool | None:
        """Whether the implied value lies within the stated range (None without one)."""
        return None if self.stated is None else self.stated[0] <= self.value <= self.stated[1]

    @property
    def change(self) -> float:
        """The relative change from the entered value (inf when that is 0)."""
        return abs(self.value - self.entered) / abs(self.entered) if self.entered else float("inf")


@dataclass(frozen=True)
class Total:
    """A published total that is not the sum of its parts: the parts' keys, and the figure of the same group
    (key prefix) that the published total equals, if any, with its value in the published unit."""

    parts: tuple[str, ...]
    matches: str = ""
    value: float = 0.0


@dataclass(frozen=True)
class OtherForm:
    """A figure recomputed with one figure it reads taken in its other form (``cash_`` + key)."""

    key: str  # the figure replaced
    other: str  # its other form
    value: float  # the reference's quantity in the published unit, so recomputed
    verdict: str  # the verdict the reference then gets


CASH_PREFIX = "cash_"  # a figure's cash form: cash_opex_per_month beside opex_per_month


@dataclass(frozen=True)
class Diagnosis:
    """What explains one differing figure: ``kind`` is "unit", "swap", "twin" or "input" (the likeliest
    implied input), "" when nothing does; ``partner`` the other figure of a swap or twin; ``factor`` a unit slip."""

    kind: str
    implied: tuple[Implied, ...] = ()
    partner: str = ""
    factor: float = 1.0
    total: Total | None = None
    form: OtherForm | None = None

    @property
    def likeliest(self) -> Implied | None:
        """The implied input that needs the smallest change, if any is allowed."""
        allowed = [implied for implied in self.implied if implied.allowed]
        return min(allowed, key=lambda implied: implied.change) if allowed else None


def _matches(published: float, comparison: Comparison) -> bool:
    low = comparison.computed if comparison.low is None else comparison.low
    high = comparison.computed if comparison.high is None else comparison.high
    slack = max(comparison.reference.tolerance, CLOSE * abs(comparison.computed))
    return low - slack <= published <= high + slack


def unit_factor(comparison: Comparison) -> float | None:
    """The power of ten (10^±3, 10^±6) by which the published figure is the computed one, or None.

    A published 103 635 thousand RUB for a computed 103.641 thousand gives 1000.
    """
    published = comparison.reference.published
    for factor in UNIT_FACTORS:
        if published and abs(published / factor - comparison.computed) <= CLOSE * abs(comparison.computed) + \
                comparison.reference.tolerance / factor:
            return factor
    return None


def swaps(differing: Sequence[Comparison]) -> dict[str, str]:
    """Each figure of a swapped pair -> the figure it is exchanged with (the first partner found)."""
    found: dict[str, str] = {}
    for index, first in enumerate(differing):
        for second in differing[index + 1:]:
            if first.reference.unit != second.reference.unit or first.reference.comparison != "=" or \
                    second.reference.comparison != "=":
                continue
            if _matches(first.reference.published, second) and _matches(second.reference.published, first):
                found.setdefault(first.reference.id, second.reference.id)
                found.setdefault(second.reference.id, first.reference.id)
    return found


def twins(differing: Sequence[Comparison], comparisons: Sequence[Comparison]) -> dict[str, str]:
    """Each differing figure whose published figure another row (same value, unit and source) reproduces."""
    agreeing = {}
    for comparison in comparisons:
        if comparison.verdict in (AGREES, AGREES_ROUNDING, HOLDS, HOLDS_ROUNDING):
            reference = comparison.reference
            agreeing.setdefault((reference.published, reference.published_high, reference.unit,
                                 reference.source.strip()), reference.id)
    found = {}
    for comparison in differing:
        reference = comparison.reference
        twin = agreeing.get((reference.published, reference.published_high, reference.unit, reference.source.strip()))
        if twin:
            found[reference.id] = twin
    return found


def implied_values(plant: Plant, model: Model, differing: Sequence[Comparison]) -> list[tuple[Implied, ...]]:
    """For each differing "=" figure of the base case, the single-input values that make it follow."""
    exprs, keys, starts = [], [], []
    for comparison in differing:
        usable = comparison.reference.comparison == "=" and not comparison.reference.case
        names = tuple([key for key in comparison.inputs if not key.endswith(CONSTANTS)][:MOST_INPUTS]) \
            if usable else ()
        exprs.append(comparison.quantity.expr if names else None)
        keys.append(names)
        starts.append(np.array([plant.parameters[key].value for key in names]))

    closures: dict[object, object] = {}  # the figures each quantity reads, found once for all the steps
    evaluated: list[tuple[np.ndarray, np.ndarray | None] | None] = [None] * len(differing)  # last points, residuals

    def residuals(points: list[np.ndarray]) -> list[np.ndarray | None]:
        # one case per (figure, input): input j of figure i set to points[i][j], the others as entered; a point
        # the secant left where it was (a step of 0) keeps its residual: the same inputs give the same value
        moved = [np.arange(len(point)) if last is None else np.flatnonzero(~(point == last[0]))
                 for point, last in zip(points, evaluated)]
        values = [np.where(np.arange(len(point))[None, :] == columns[:, None], point[None, :], start[None, :])
                  if len(columns) else np.zeros((0, len(point))) for point, start, columns in zip(points, starts, moved)]
        wanted = [expr if len(columns) else None for expr, columns in zip(exprs, moved)]
        outputs = evaluate_samples(plant, model, wanted, keys, values, closures) if any(
            expr is not None for expr in wanted) else [None] * len(exprs)
        found: list[np.ndarray | None] = []
        for index, (output, comparison, columns) in enumerate(zip(outputs, differing, moved)):
            last = evaluated[index]
            if exprs[index] is None:
                found.append(None)
                continue
            residual = np.empty(len(points[index])) if last is None else last[1].copy()  # type: ignore[union-attr]
            if output is not None:
                residual[columns] = output * comparison.factor - comparison.reference.published
            evaluated[index] = (points[index].copy(), residual)
            found.append(residual)
        return found

    previous = [start.copy() for start in starts]
    current = [np.where(start != 0, start * 1.001, 1e-3) if len(start) else start for start in starts]
    before, now = residuals(previous), residuals(current)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(SECANT_STEPS):
            stepped = []
            for x0, x1, f0, f1 in zip(previous, current, before, now):
                if f1 is None:
                    stepped.append(x1)
                    continue
                slope = (f1 - f0) / (x1 - x0)
                step = np.where(np.isfinite(slope) & (slope != 0) & (f1 != 0), f1 / slope, 0.0)
                stepped.append(x1 - step)
            previous, before, current = current, now, stepped
            now = residuals(current)
    found = []
    for comparison, names, point, residual in zip(differing, keys, current, now):
        implied = []
        for column, key in enumerate(names):
            if residual is None or not np.isfinite(point[column]) or not np.isfinite(residual[column]) or \
                    abs(residual[column]) > max(comparison.reference.tolerance, 1e-9 * abs(comparison.reference.published)):
                continue  # no value of this input alone makes the figure follow (an undefined residual neither)
            parameter = plant.parameters[key]
            allowed = (parameter.minimum is None or point[column] >= parameter.minimum) and \
                (parameter.maximum is None or point[column] <= parameter.maximum)
            implied.append(Implied(key, float(point[column]), parameter.value, parameter.unit, allowed,
                                   stated_range(plant, key)))
        found.append(tuple(implied))
    return found


def stated_range(plant: Plant, key: str) -> tuple[float, float] | None:
    """The low and high end the Uncertainty sheet gives an input (a bounded distribution), or None."""
    uncertainty = plant.uncertainty
    for uncertain in uncertainty.inputs if uncertainty is not None else ():
        if uncertain.key == key and uncertain.distribution in ("uniform", "triangular", "pert"):
            return min(uncertain.parameters), max(uncertain.parameters)
    return None


def _parts(expr: Expr) -> tuple[str, ...] | None:
    """The figure keys a sum adds (SUM(...) or a + b + ...), or None when ``expr`` is not a sum of figures."""
    if isinstance(expr, Func) and expr.name == "SUM" and all(isinstance(arg, Ref) for arg in expr.args):
        return tuple(arg.key for arg in expr.args)  # type: ignore[attr-defined]
    if isinstance(expr, BinOp) and expr.op == "+":
        left, right = _parts(expr.left) or _ref(expr.left), _parts(expr.right) or _ref(expr.right)
        return left + right if left and right else None
    return None


def _ref(expr: Expr) -> tuple[str, ...] | None:
    return (expr.key,) if isinstance(expr, Ref) else None


def totals(model: Model, results: Results, differing: Sequence[Comparison]) -> dict[str, Total]:
    """The differing figures that are sums of other figures, with the sibling figure each published total
    equals (the same key up to its last part: ``stage.3.1.loaded`` for ``stage.3.1.obtained``)."""
    found: dict[str, Total] = {}
    siblings: dict[str, list[str]] | None = None
    for comparison in differing:
        key = comparison.quantity.key
        figure = model.get(key) if key is not None else None
        parts = _parts(figure.expr) if isinstance(figure, Figure) else None
        if key is None or parts is None or comparison.reference.case:
            continue
        if siblings is None:
            siblings = {}
            for name in model.keys():
                siblings.setdefault(name.rpartition(".")[0], []).append(name)
        published, slack = comparison.reference.published, max(comparison.reference.tolerance,
                                                                CLOSE * abs(comparison.reference.published))
        for name in siblings.get(key.rpartition(".")[0], []):
            other = model.get(name)
            if name == key or not isinstance(other, Figure) or other.unit != figure.unit:
                continue
            value = float(np.asarray(results.values[name])) * comparison.factor
            if abs(value - published) <= slack:
                found[comparison.reference.id] = Total(parts, name, value)
                break
        else:
            found[comparison.reference.id] = Total(parts)
    return found


def other_forms(plant: Plant, model: Model, results: Results, differing: Sequence[Comparison]) -> dict[str, OtherForm]:
    """The differing figures that follow when a figure they read is taken in its other (cash) form."""
    from econ.checks.regression import judge
    from econ.checks.rounding import _closure
    from econ.model.figures import evaluate

    found: dict[str, OtherForm] = {}
    for comparison in differing:
        if comparison.reference.case:
            continue
        closure = _closure(model, comparison.quantity.expr.keys())
        for key in sorted(closure):
            other = CASH_PREFIX + key
            if other not in model or key.startswith(CASH_PREFIX):
                continue
            figure = model.get(key)
            replaced = Figure(key, figure.label, figure.unit, Const(float(np.asarray(results.values[other]))),
                              figure.sheet)
            sub = Model([replaced if f.key == key else f for f in model.figures if f.key in closure],
                        years=model.years)
            env = evaluate(sub, plant.inputs(), strict=False).values
            with np.errstate(divide="ignore", invalid="ignore"):
                value = float(np.asarray(comparison.quantity.expr.evaluate(env))) * comparison.factor
            verdict_text, _ = judge(comparison.reference, value, comparison.low, comparison.high)
            if verdict_text in (AGREES, AGREES_ROUNDING, HOLDS, HOLDS_ROUNDING):
                found[comparison.reference.id] = OtherForm(key, other, value, verdict_text)
                break
    return found


def diagnose(plant: Plant, model: Model, comparisons: Sequence[Comparison],
             results: Results | None = None) -> dict[str, Diagnosis]:
    """A diagnosis for every published figure (References!kind) that differs or claim that does not hold, by
    reference id; derived and assumed rows are reported apart, not diagnosed."""
    differing = [comparison for comparison in comparisons if not comparison.passed
                 and comparison.reference.kind == "published"]
    swapped, doubled = swaps(differing), twins(differing, comparisons)
    with collector.paused():  # every secant step evaluates the figures the inputs reach
        implied = implied_values(plant, model, differing)
    summed = totals(model, results, differing) if results is not None else {}
    forms = other_forms(plant, model, results, differing) if results is not None else {}
    found = {}
    for comparison, values in zip(differing, implied):
        identifier = comparison.reference.id
        factor = unit_factor(comparison) if comparison.verdict == DIFFERS else None
        if factor is not None:
            found[identifier] = Diagnosis("unit", values, factor=factor)
        elif identifier in swapped:
            found[identifier] = Diagnosis("swap", values, partner=swapped[identifier])
        elif identifier in doubled:
            found[identifier] = Diagnosis("twin", values, partner=doubled[identifier])
        elif identifier in forms:
            found[identifier] = Diagnosis("form", values, partner=forms[identifier].other, form=forms[identifier])
        elif (likeliest := Diagnosis("input", values).likeliest) is not None:
            found[identifier] = Diagnosis("input", values)
        else:
            found[identifier] = Diagnosis("", values)
        if identifier in summed:
            found[identifier] = replace(found[identifier], total=summed[identifier])
    return found
