"""One-at-a-time sensitivity: a tornado (each input at its low and high end) and a spider (% changes).

Which inputs, and over what range (:func:`tornado_ranges`):

- every input with a distribution (the Uncertainty sheet, an estimate class,
  or ``--vary``) goes from its P10 to its P90;
- every other money-valued input (its unit holds the workbook's currency:
  capital costs, tariffs, prices, wages, maintenance, salvage) that is not
  zero goes from -20 % to +20 % of its value (``percent``).

With ``--vary`` only the inputs it names are varied. Shape inputs (the
service life, months per year) never vary. Every end of every input is one
case of one vectorized model call (2K + 1 cases for K inputs, the base first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from econ.inputs.plant import Plant
from econ.inputs.uncertainty_reader import SHAPE_KEYS, UncertainInput
from econ.model import distributions
from econ.model.build import build_model
from econ.model.live_inputs import inputs_read
from econ.model.outcomes import MetricArrays, MetricModel

DEFAULT_PERCENT = 20.0
SPIDER_CHANGES = (-20.0, -10.0, 0.0, 10.0, 20.0)  # % of the base value


@dataclass(frozen=True)
class InputRange:
    """The low and high end of one input in a tornado, in the input's unit, and where they come from."""

    key: str
    low: float
    high: float
    basis: str  # "P10-P90 of triangular(...)" or "-20 % / +20 %"


@dataclass(frozen=True)
class Swing:
    """The metric at an input's low and high end (None where undefined there), and the swing between them."""

    range: InputRange
    metric_low: float | None
    metric_high: float | None

    @property
    def swing(self) -> float | None:
        if self.metric_low is None or self.metric_high is None:
            return None
        return abs(self.metric_high - self.metric_low)


@dataclass(frozen=True)
class Tornado:
    metric: str
    base: float | None
    swings: tuple[Swing, ...]  # sorted by swing, largest first; undefined swings last


@dataclass(frozen=True)
class Spider:
    """The metric against the % change of each input from its base value (None where undefined)."""

    metric: str
    changes: tuple[float, ...]
    values: dict[str, tuple[float | None, ...]]


def tornado_ranges(plant: Plant, uncertain: Sequence[UncertainInput], only_uncertain: bool = False,
                   percent: float = DEFAULT_PERCENT) -> list[InputRange]:
    """The inputs a tornado varies and their ends: P10-P90 of each distribution, then +-``percent`` of the
    other non-zero money-valued inputs that a model figure reads (unless ``only_uncertain``)."""
    ranges = [InputRange(item.key, float(distributions.ppf(item.distribution, item.parameters, 0.1)),
                         float(distributions.ppf(item.distribution, item.parameters, 0.9)),
                         f"P10-P90 of {distributions.describe(item.distribution, item.parameters)}")
              for item in uncertain]
    if only_uncertain:
        return ranges
    covered = {item.key for item in uncertain}
    live = inputs_read(build_model(plant), plant)  # an input only formula cells read would swing nothing
    for key, parameter in plant.parameters.items():
        if key in covered or key in SHAPE_KEYS or parameter.value == 0 or key not in live:
            continue
        if plant.currency not in parameter.unit.split("/")[0]:
            continue
        factor = percent / 100.0
        ends = sorted((parameter.value * (1 - factor), parameter.value * (1 + factor)))
        ranges.append(InputRange(key, ends[0], ends[1], f"-{percent:g} % / +{percent:g} %"))
    return ranges


def _number(arrays: MetricArrays, index: int) -> float | None:
    values = np.broadcast_to(arrays.values, arrays.status.shape) if arrays.status.ndim else arrays.values
    status = np.asarray(arrays.status)
    if status.ndim and int(status[index]) != 0:
        return None
    if not status.ndim and int(status) != 0:
        return None
    return float(values[index]) if np.ndim(values) else float(values)


def _cases(plant: Plant, columns: list[tuple[str, float]]) -> dict[str, np.ndarray]:
    """Inputs for 1 + len(columns) cases: the base, then each (key, value) set alone."""
    varied: dict[str, np.ndarray] = {}
    for case, (key, value) in enumerate(columns, start=1):
        if key not in varied:
            varied[key] = np.full(len(columns) + 1, plant.parameters[key].value)
        varied[key][case] = value
    return varied


def _evaluate(evaluator: MetricModel, metric: str, varied: dict[str, np.ndarray], count: int) -> MetricArrays:
    if not varied:  # nothing varies: the base case, repeated
        varied = {"discount_rate": np.full(count, evaluator.plant.parameters["discount_rate"].value)}
    arrays = evaluator.evaluate(varied)[metric]
    return MetricArrays(np.broadcast_to(arrays.values, (count,)), np.broadcast_to(arrays.status, (count,)))


def tornado(evaluator: MetricModel, ranges: Sequence[InputRange], metric: str) -> Tornado:
    """The metric at each input's low and high end, all other inputs at base, sorted by swing."""
    columns = [(item.key, end) for item in ranges for end in (item.low, item.high)]
    arrays = _evaluate(evaluator, metric, _cases(evaluator.plant, columns), len(columns) + 1)
    swings = [Swing(item, _number(arrays, 1 + 2 * i), _number(arrays, 2 + 2 * i)) for i, item in enumerate(ranges)]
    swings.sort(key=lambda swing: (swing.swing is None, -(swing.swing or 0.0)))
    return Tornado(metric, _number(arrays, 0), tuple(swings))


def spider(evaluator: MetricModel, keys: Sequence[str], metric: str,
           changes: Sequence[float] = SPIDER_CHANGES) -> Spider:
    """The metric with each of ``keys`` at base x (1 + change / 100), the others at base, in one call.

    A fraction input pushed above 1 (100 %) has no value there (None).
    """
    plant = evaluator.plant
    columns, usable = [], []
    for key in keys:
        for change in changes:
            value = plant.parameters[key].value * (1 + change / 100.0)
            usable.append(not (plant.parameters[key].unit == "fraction" and not 0 <= value <= 1))
            columns.append((key, value if usable[-1] else plant.parameters[key].value))
    arrays = _evaluate(evaluator, metric, _cases(plant, columns), len(columns) + 1)
    values = {}
    for i, key in enumerate(keys):
        row = range(i * len(changes), (i + 1) * len(changes))
        values[key] = tuple(_number(arrays, 1 + case) if usable[case] else None for case in row)
    return Spider(metric, tuple(changes), values)
