"""Alternatives: the base case and options that override some of its inputs, evaluated together.

Each alternative is one case of the vectorized model: the base case is case 0,
alternative k is case k, all evaluated in one call. The incremental case of an
alternative is its cash flow minus the base case's, year by year; its NPV, IRR
and payback say whether the extra capital (or the lower running cost) pays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from econ.errors import ModelError
from econ.inputs.plant import Plant
from econ.model import metrics
from econ.model.build import build_model
from econ.model.cashflow import irr_values, payback_values
from econ.model.figures import MetricValues, Model, Results, YearlyFigure, evaluate


@dataclass(frozen=True)
class Incremental:
    """An alternative minus the base case: yearly flows and their metrics (one case)."""

    name: str
    flows: np.ndarray  # RUB/year, years 0..N
    npv: float
    irr: MetricValues
    payback: MetricValues
    discounted_payback: MetricValues


@dataclass(frozen=True)
class Case:
    """One evaluated case: the base, an alternative, or another workbook.

    ``index`` picks the case in vectorized results; None for a single-case evaluation.
    """

    name: str
    plant: Plant
    results: Results
    index: int | None = None

    @property
    def model(self) -> Model:
        return self.results.model

    @cached_property
    def _yearly_keys(self) -> frozenset[str]:
        return frozenset(f.key for f in self.results.model.figures if isinstance(f, YearlyFigure))

    def __getitem__(self, key: str) -> np.ndarray:
        """A figure or input of this case: its yearly row, or a 0-d value."""
        value = np.asarray(self.results[key])
        if self.index is None:
            return value
        yearly = key in self._yearly_keys
        # a figure equal in every case (a constant: no losses at all) has no case axis
        return value[self.index] if value.ndim == (2 if yearly else 1) else value

    def scalar(self, key: str) -> float:
        return float(self[key])

    def value(self, key: str) -> float:
        return self.scalar(key)

    def flows(self) -> np.ndarray:
        return self["cf.net_cash_flow"]

    @property
    def metrics(self) -> dict[str, MetricValues]:
        """Every metric of this case, read like a single-case evaluation's ``results.metrics``."""
        return {key: self.metric(key) for key in self.results.metrics}

    def metric(self, key: str) -> MetricValues:
        """A metric of this case (IRR with all its roots)."""
        values = self.results.metrics[key]
        if self.index is None:
            return values
        if key == "irr":
            return irr_values(self.flows())

        def pick(array: np.ndarray) -> np.ndarray:
            array = np.asarray(array)
            return array if array.ndim == 0 else array[self.index]

        return MetricValues(pick(values.value), pick(values.status), values.reasons)


def incremental(base: Case, alternative: Case) -> Incremental:
    """The alternative minus the base, year by year, with NPV at the base case's discount rate."""
    base_flows, alternative_flows = base.flows(), alternative.flows()
    if base_flows.shape != alternative_flows.shape:
        raise ModelError(f"{alternative.name} runs {alternative_flows.size - 1} years and {base.name} "
                         f"{base_flows.size - 1}: the incremental case needs the same service life")
    difference = alternative_flows - base_flows
    # the rate the table is discounted at: the nominal one of a full DCF (econ.model.escalation)
    rate = base.value("nominal_discount_rate" if "nominal_discount_rate" in base.model else "discount_rate")
    return Incremental(
        name=alternative.name,
        flows=difference,
        npv=float(metrics.npv(rate, difference)),
        irr=irr_values(difference),
        payback=payback_values(metrics.payback(difference)),
        discounted_payback=payback_values(metrics.discounted_payback(rate, difference)),
    )


def case_inputs(plant: Plant, overrides: list[Mapping[str, float]]) -> dict[str, np.ndarray]:
    """Inputs for len(overrides) cases: each case is the base with its overrides applied."""
    base = plant.inputs()
    inputs: dict[str, np.ndarray] = {}
    for key, value in base.items():
        column = np.full(len(overrides), float(value))
        for case, changes in enumerate(overrides):
            if key in changes:
                column[case] = changes[key]
        inputs[key] = column
    return inputs


def alternative_cases(plant: Plant, model: Model | None = None) -> list[Case]:
    """The base case (first) and each alternative of the workbook, evaluated in one call of ``model``."""
    overrides: list[Mapping[str, float]] = [{}] + [alternative.overrides for alternative in plant.alternatives]
    model = model or build_model(plant)
    results = evaluate(model, case_inputs(plant, overrides))
    names = [plant.base_case_name(plant.shown_language or "en")] + [alternative.name for alternative in plant.alternatives]
    return [Case(name, plant, results, index) for index, name in enumerate(names)]
