"""Corrected cases: the plant as an audit that invalidates the model says it would have to be.

When an audit shows that the model costs a different plant from the one the
workbook states, the verdict (econ.checks.verdict) says what would be needed
and gives the figures of the corrected case, evaluated through the same model
with overrides of its inputs:

- **A capacity shortfall.** The plant scaled to its stated throughput. Each
  item with a rated capacity gets ``ceil(quantity / coverage)`` units; the
  factor ``units / quantity`` of the most undersized item is applied to the
  other items of the equipment list (the train treats the whole stream), each
  rounded up to whole units. Assumption, stated in the report: capital cost,
  salvage value and maintenance scale linearly with the units (no economy of
  scale); staffing and tariffs are unchanged.
- **A quoted specific energy above the modelled one.** The plant at the
  quoted figure, read as the whole plant's electricity per tonne of metal (the
  reading the current-efficiency audit gives: the quoted figure includes more
  than the cells' DC energy). The cell voltage of each such electrolysis row is
  raised by one common factor until the plant's electricity per month is
  ``sum(quoted x metal production)`` plus the energy of the other electrolysis
  rows; the voltage is an energy-equivalent, not a physical cell voltage.
  Capital and everything else are unchanged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ.model.figures import evaluate
from econ.model.live_inputs import check_varied

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

CAPACITY, QUOTED_ENERGY = "capacity", "quoted_energy"


@dataclass(frozen=True)
class Corrected:
    """The figures of a corrected case, in the model's units (money in the workbook's currency).

    ``overrides`` are the inputs changed (model key -> value); ``figures`` holds
    ``capital_total`` [cur], ``energy_per_month`` [kWh/month],
    ``maintenance_per_month`` and ``net_effect_per_month`` [cur/month] and
    ``npv`` [cur]; ``details`` what the case is (``units``, ``factor``,
    ``voltage``...).
    """

    kind: str
    overrides: dict[str, float]
    figures: dict[str, float]
    details: dict[str, float] = field(default_factory=dict)


FIGURES = ("capital_total", "energy_per_month", "energy_cost_per_month", "maintenance_per_month", "opex_per_month",
           "net_effect_per_month", "npv")


def _evaluate(evaluation: Evaluation, kind: str, overrides: dict[str, float], details: dict[str, float],
              what: str) -> Corrected:
    plant = evaluation.plant
    check_varied(plant, evaluation.model, overrides, what)
    results = evaluate(evaluation.model, plant.inputs() | {key: float(value) for key, value in overrides.items()})
    figures = {key: results.scalar(key) for key in FIGURES if key in results.values}
    return Corrected(kind, dict(overrides), figures, details)


def scaled_to_throughput(evaluation: Evaluation) -> Corrected | None:
    """The plant scaled to its stated throughput; None when every item with a rated capacity covers it."""
    plant, results = evaluation.plant, evaluation.results
    needed: dict[int, int] = {}
    factor = 1.0
    for row in plant.rows("equipment"):
        key = f"audit.equipment.{row.index}.capacity_coverage"
        if key not in results.values:
            continue
        coverage, quantity = results.scalar(key), plant.value(row.key("quantity"))
        if coverage < 1 and quantity > 0:
            needed[row.index] = math.ceil(quantity / coverage - 1e-9)
            factor = max(factor, needed[row.index] / quantity)
    if not needed:
        return None
    overrides: dict[str, float] = {}
    for row in plant.rows("equipment"):
        quantity = plant.value(row.key("quantity"))
        overrides[row.key("quantity")] = float(needed.get(row.index, math.ceil(quantity * factor - 1e-9)))
    for table, names in (("capital", ("cost", "salvage_value")), ("maintenance", ("cost",))):
        for row in plant.rows(table):
            for name in names:
                if row.has(name) and plant.value(row.key(name)) != 0:
                    overrides[row.key(name)] = plant.value(row.key(name)) * factor
    worst = max(needed, key=lambda index: needed[index] / plant.value(f"equipment.{index}.quantity"))
    return _evaluate(evaluation, CAPACITY, overrides,
                     {"units": float(needed[worst]), "factor": factor, "row": float(worst)},
                     "scaled to the stated throughput")


def at_quoted_energy(evaluation: Evaluation, rows: list[int]) -> Corrected | None:
    """The plant at the quoted specific energy of electrolysis ``rows`` (indices), read as the plant's whole
    electricity per tonne of metal; None when the other consumers alone already draw that much."""
    plant, results = evaluation.plant, evaluation.results
    modelled = sum(results.scalar(f"electrolysis.{i}.energy_per_month") for i in rows)  # kWh/month
    if not rows or modelled <= 0:
        return None
    other_rows = sum(results.scalar(f"electrolysis.{row.index}.energy_per_month")
                     for row in plant.rows("electrolysis") if row.index not in rows)
    target = other_rows + sum(plant.value(f"electrolysis.{i}.quoted_specific_energy")
                              * plant.value(f"electrolysis.{i}.metal_production") for i in rows)
    others = results.scalar("energy_per_month") - modelled  # equipment, chain, the other electrolysis rows
    factor = (target - others) / modelled  # energy of electrolysis is proportional to the cell voltage
    if factor <= 1:
        return None
    overrides = {f"electrolysis.{i}.cell_voltage": plant.value(f"electrolysis.{i}.cell_voltage") * factor
                 for i in rows}
    first = rows[0]
    return _evaluate(evaluation, QUOTED_ENERGY, overrides,
                     {"factor": factor, "row": float(first),
                      "voltage": overrides[f"electrolysis.{first}.cell_voltage"],
                      "quoted": plant.value(f"electrolysis.{first}.quoted_specific_energy"),
                      "modelled": results.scalar(f"electrolysis.{first}.specific_energy")},
                     "set to the quoted specific energy")
