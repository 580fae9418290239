"""The metrics of many cases at once, from only the figures they need.

Sensitivity and Monte Carlo runs evaluate NPV, IRR, the paybacks and the
specific cost for thousands to millions of cases. :class:`MetricModel` keeps
the figures those metrics read (the figures of the cash-flow table that feed
the net and discounted flows, the NPV, the specific cost) and computes IRR and
payback with the same functions as the model's metric figures
(econ.model.cashflow), so a case gives exactly the number ``econ run`` gives.
The payback-crossing rows and the metric figures, which serve the results
workbook's formulas, are left out.

A metric's values are NaN where it is undefined, always next to its status
(0 where defined): an undefined IRR or an unreached payback is counted, never
averaged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from econ.errors import ModelError
from econ.inputs.plant import Plant
from econ.model import metrics
from econ.model.build import build_model
from econ.model.cashflow import DISCOUNTED, NET_CASH_FLOW
from econ.model.figures import Figure, MetricFigure, Model, YearlyFigure, evaluate
from econ.model.live_inputs import UnreadInputError, inputs_read, unread_message

# The metrics of a Monte Carlo run; "incremental_npv" joins them with an alternative.
MONTE_CARLO_METRICS = ("npv", "irr", "payback", "discounted_payback", "specific_cost")
INCREMENTAL = "incremental_npv"
_COMPUTED = {"irr", "payback", "discounted_payback", "profitability_index"}


@dataclass(frozen=True)
class MetricArrays:
    """Values of one metric over cases: NaN where ``status`` is not 0 (undefined, not reached)."""

    values: np.ndarray
    status: np.ndarray


def _dependencies(figure: Figure | YearlyFigure) -> set[str]:
    if isinstance(figure, Figure):
        return figure.expr.keys()
    keys: set[str] = set()
    for expr in figure.exprs:
        keys |= expr.keys()
    return keys


def pruned(model: Model, wanted: set[str]) -> Model:
    """The figures of ``model`` that ``wanted`` reads, directly or through others (no metric figures)."""
    needed = set(wanted)
    for figure in reversed(model.figures):
        if figure.key in needed and not isinstance(figure, MetricFigure):
            needed |= _dependencies(figure)
    return Model([figure for figure in model.figures if figure.key in needed
                  and not isinstance(figure, MetricFigure)], model.years)


@dataclass
class MetricModel:
    """Evaluates ``metric_keys`` of ``plant`` (and, with ``alternative``, its incremental NPV) for many cases.

    ``metric_keys`` may name any figure of the model besides the metrics
    (``opex_per_month``). With an alternative, every case is evaluated twice,
    for the base case and for the alternative: a varied input applies to both,
    except an input the alternative overrides, which keeps the alternative's value there.
    """

    plant: Plant
    metric_keys: tuple[str, ...] = MONTE_CARLO_METRICS
    alternative: str | None = None
    _model: Model | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        full = build_model(self.plant)
        self._live = inputs_read(full, self.plant)
        known = set(full.keys())
        for key in self.metric_keys:
            if key != INCREMENTAL and key not in known:
                raise ModelError(f"{key!r} is not a figure of {self.plant.file_name}'s model "
                                 "(npv, irr, payback, discounted_payback, specific_cost or another figure key)")
            if key in known and isinstance(full.get(key), YearlyFigure):
                raise ModelError(f"{key!r} is a row of the cash-flow table, one number per year: a metric is one "
                                 "number per case")
        if self.alternative is not None:
            match = [a for a in self.plant.alternatives if a.name == self.alternative]
            if not match:
                names = ", ".join(a.name for a in self.plant.alternatives) or "none"
                raise ModelError(f"no alternative named {self.alternative!r} in {self.plant.file_name} "
                                 f"(alternatives: {names})")
            self.overrides = match[0].overrides
        wanted = {key for key in self.metric_keys if key not in _COMPUTED and key != INCREMENTAL}
        wanted |= {"npv", NET_CASH_FLOW, DISCOUNTED}
        self._model = pruned(full, wanted)
        self._yearly = {figure.key for figure in self._model.figures if isinstance(figure, YearlyFigure)}
        # the yearly rows read whole (the NPV reads the net flows); the others stay one array per year
        self._stacked = {NET_CASH_FLOW, DISCOUNTED}
        for figure in self._model.figures:
            if isinstance(figure, Figure):
                self._stacked |= figure.expr.keys() & self._yearly
        self._read = {key for key in self.metric_keys if key != INCREMENTAL} | self._stacked | {"discount_rate"}

    def __getstate__(self) -> dict:
        # a worker rebuilds the model (its figures hold lambdas); only the plant and the choices travel
        return {"plant": self.plant, "metric_keys": self.metric_keys, "alternative": self.alternative}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._model = None
        self.__post_init__()

    def evaluate(self, varied: dict[str, np.ndarray]) -> dict[str, MetricArrays]:
        """Each metric for the cases of ``varied`` (input key -> 1-d array, all of one length).

        Varying an input no figure reads (one only another input cell's formula reads) raises
        :class:`~econ.model.live_inputs.UnreadInputError`, as :func:`econ.model.build.run_model` does."""
        unread = [key for key in varied if key in self.plant.parameters and key not in self._live]
        if unread:
            raise UnreadInputError(unread_message(self.plant, unread[0]))
        count = len(next(iter(varied.values()))) if varied else 1
        if self.alternative is None:
            return self._metrics(self._evaluate(varied))
        both = {}
        for key, values in varied.items():
            alternative = np.full(count, self.overrides[key]) if key in self.overrides else values
            both[key] = np.concatenate([values, alternative])
        for key, value in self.overrides.items():
            if key not in both:
                base = float(self.plant.parameters[key].value)
                both[key] = np.concatenate([np.full(count, base), np.full(count, value)])
        env = self._evaluate(both)
        base_case = {key: env[key] for key in self._read if key in env}
        result = self._metrics({key: value[:count] if np.ndim(value) > (key in self._yearly) else value
                                for key, value in base_case.items()})
        npv = np.broadcast_to(env["npv"], (2 * count,))
        result[INCREMENTAL] = MetricArrays(npv[count:] - npv[:count], np.zeros(count, dtype=np.int8))
        return result

    def _evaluate(self, varied: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        inputs: dict[str, np.ndarray | float] = dict(self.plant.inputs())
        for key, values in varied.items():
            if key not in inputs:
                raise ModelError(f"{key!r} is not an input of {self.plant.file_name}")
            inputs[key] = values
        return evaluate(self._model, inputs, stacked=self._stacked).values  # type: ignore[arg-type]

    def _metrics(self, env: dict[str, np.ndarray]) -> dict[str, MetricArrays]:
        result: dict[str, MetricArrays] = {}
        for key in self.metric_keys:
            if key == INCREMENTAL:
                continue
            if key == "irr":
                irr = metrics.irr(env[NET_CASH_FLOW])
                result[key] = MetricArrays(irr.value, irr.status)
            elif key in ("payback", "discounted_payback"):
                payback = metrics.payback(env[NET_CASH_FLOW if key == "payback" else DISCOUNTED])
                result[key] = MetricArrays(payback.value, np.where(payback.reached, 0, 1).astype(np.int8))
            elif key == "profitability_index":
                index = metrics.profitability_index(env["discount_rate"], env[NET_CASH_FLOW])
                result[key] = MetricArrays(index.value, np.where(index.defined, 0, 1).astype(np.int8))
            else:
                values = np.asarray(env[key], dtype=float)
                result[key] = MetricArrays(values, np.zeros(values.shape, dtype=np.int8))
        return result
