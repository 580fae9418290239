"""Break-even: the value of one input at which NPV, or an alternative's incremental NPV, is zero.

The input is swept over a grid in one vectorized call; every sign change of the
NPV between neighbouring grid values brackets a break-even, which bisection
(all brackets at once) narrows to full precision. Where the NPV keeps one sign
over the whole range, there is no break-even, and the result says so.

Which cases an input applies to: an input the alternative overrides (its
capital, say) varies in the alternative only; any other input (the
electricity tariff) varies in the base case and the alternative alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from econ.errors import ModelError
from econ.inputs.plant import BreakEvenStudy, Plant
from econ.model.build import build_model
from econ.model.figures import Model, evaluate
from econ.model.live_inputs import check_varied

_BISECTION_STEPS = 60


@dataclass(frozen=True)
class BreakEven:
    """The break-even values of ``key`` in [low, high] (none, one or several), or why there is none."""

    key: str
    alternative: str | None
    low: float
    high: float
    values: tuple[float, ...]
    reason: str = ""


class _Objective:
    """NPV (or incremental NPV) as a function of one input, for many values at once."""

    def __init__(self, plant: Plant, key: str, alternative: str | None) -> None:
        if key not in plant.parameters:
            raise ModelError(f"{key!r} is not an input of {plant.file_name}")
        if key in ("service_life", "months_per_year"):
            raise ModelError(f"{key} sets the shape of the model and has no break-even")
        self.plant, self.key = plant, key
        self.model: Model = build_model(plant)
        check_varied(plant, self.model, [key], "searched for a break-even")
        self.overrides: dict[str, float] = {}
        if alternative is not None:
            match = [a for a in plant.alternatives if a.name == alternative]
            if not match:
                names = ", ".join(a.name for a in plant.alternatives) or "none"
                raise ModelError(f"no alternative named {alternative!r} in {plant.file_name} (alternatives: {names})")
            self.overrides = match[0].overrides
        self.incremental = alternative is not None

    def __call__(self, values: np.ndarray) -> np.ndarray:
        return self.grid({self.key: np.asarray(values, dtype=float)})

    def grid(self, swept: dict[str, np.ndarray]) -> np.ndarray:
        """NPV (or incremental NPV) for cases that set each swept key to its array (all of one length)."""
        count = len(next(iter(swept.values())))
        if not self.incremental:
            return self._npv(swept)
        base_inputs = self.plant.inputs()
        columns: dict[str, np.ndarray] = {}
        for key in set(self.overrides) | set(swept):
            base_value = np.full(count, float(base_inputs[key]))
            alternative_value = np.full(count, self.overrides.get(key, float(base_inputs[key])))
            if key in swept:
                alternative_value = swept[key]
                if key not in self.overrides:
                    base_value = swept[key]
            columns[key] = np.concatenate([base_value, alternative_value])
        npv = self._npv(columns)
        return npv[count:] - npv[:count]

    def _npv(self, columns: dict[str, np.ndarray]) -> np.ndarray:
        inputs = dict(self.plant.inputs())
        inputs.update(columns)
        results = evaluate(self.model, inputs)
        # the model's NPV (at the nominal rate of a full DCF), one per value even where it does not depend on them
        shape = np.broadcast_shapes(*(np.shape(values) for values in columns.values()))
        return np.broadcast_to(np.asarray(results["npv"], dtype=float), shape).copy()


def break_even(plant: Plant, key: str, low: float, high: float, alternative: str | None = None,
               points: int = 201) -> BreakEven:
    """Every value of input ``key`` in [low, high] at which NPV (or the alternative's incremental NPV) is zero.

    ``key`` is an input key (``electricity_price``, ``capital.1.cost``) in the
    model's units. The grid of ``points`` values must be fine enough to separate
    neighbouring break-evens; each is then refined by bisection to about 1e-12
    of the range.
    """
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ModelError(f"break-even range: expected two finite numbers, low < high, got {low!r} and {high!r}")
    objective = _Objective(plant, key, alternative)
    grid = np.linspace(low, high, points)
    values = objective(grid)
    roots = list(grid[values == 0])
    left = np.flatnonzero((values[:-1] * values[1:] < 0))
    if left.size:
        a, b = grid[left], grid[left + 1]
        fa = values[left]
        for _ in range(_BISECTION_STEPS):
            middle = (a + b) / 2
            fm = objective(middle)
            same = np.sign(fm) == np.sign(fa)
            a, fa = np.where(same, middle, a), np.where(same, fm, fa)
            b = np.where(same, b, middle)
        roots += list((a + b) / 2)
    roots = sorted(set(float(root) for root in roots))
    if roots:
        return BreakEven(key, alternative, low, high, tuple(roots))
    what = f"the incremental NPV of {alternative}" if alternative else "NPV"
    sign = "positive" if values[0] > 0 else "negative"
    reason = (f"no break-even in [{low:g}, {high:g}]: {what} stays {sign} "
              f"(from {values.min():,.0f} to {values.max():,.0f})")
    return BreakEven(key, alternative, low, high, (), reason)


def npv_map(plant: Plant, key_x: str, xs: np.ndarray, key_y: str, ys: np.ndarray,
            alternative: str | None = None) -> np.ndarray:
    """NPV (or incremental NPV) over the grid ys x xs of two inputs, in one call; shape (len(ys), len(xs))."""
    objective = _Objective(plant, key_x, alternative)
    if key_y not in plant.parameters:
        raise ModelError(f"{key_y!r} is not an input of {plant.file_name}")
    check_varied(plant, objective.model, [key_y], "mapped")
    grid_x, grid_y = np.meshgrid(np.asarray(xs, float), np.asarray(ys, float))
    values = objective.grid({key_x: grid_x.ravel(), key_y: grid_y.ravel()})
    return values.reshape(grid_x.shape)


@dataclass(frozen=True)
class StudyOutcome:
    """A BreakEven-sheet question answered: the break-even values and, if asked, the map's grid."""

    study: BreakEvenStudy
    result: BreakEven
    xs: np.ndarray | None = None
    ys: np.ndarray | None = None
    values: np.ndarray | None = None  # NPV (or incremental NPV), shape (len(ys), len(xs))


def answer_studies(plant: Plant, map_points: int = 81) -> list[StudyOutcome]:
    """Every question of the workbook's BreakEven sheet, solved."""
    outcomes = []
    for study in plant.break_even:
        alternative = study.alternative or None
        result = break_even(plant, study.key, study.low, study.high, alternative)
        if not study.map_key:
            outcomes.append(StudyOutcome(study, result))
            continue
        xs = np.linspace(study.low, study.high, map_points)
        ys = np.linspace(study.map_low, study.map_high, map_points)
        outcomes.append(StudyOutcome(study, result, xs, ys, npv_map(plant, study.key, xs, study.map_key, ys,
                                                                     alternative)))
    return outcomes
