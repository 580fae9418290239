"""Reagents and consumables of the Reagents sheet, for a plant without a process chain.

Consumption per month = specific consumption x throughput (or as entered per
month); cost per month = consumption per month x price. Consumptions are never
added across reagents (kg and L do not add); their costs are.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Expr, inp, ref, total
from econ.model.figures import OPEX, Figure, label
from econ.model.products import monthly_quantity

SECTION = "Reagents and consumables"
TOTAL = "reagents_cost_per_month"


def figures(plant: Plant) -> list[Figure]:
    """Consumption per month (own unit/month) and cost per month ({cur}/month) of each reagent, and their total."""
    rows = plant.rows("reagents")
    if not rows:
        return []
    cur = plant.currency
    items: list[Figure] = []
    for row in rows:
        consumption, cost = f"reagents.{row.index}.consumption_per_month", f"reagents.{row.index}.cost_per_month"
        items += [
            Figure(consumption, label(consumption, row.name), f"{row.unit}/month",
                   monthly_quantity(row, "consumption"), OPEX, section=SECTION),
            Figure(cost, label(cost, row.name), f"{cur}/month", ref(consumption) * inp(row.key("price")), OPEX,
                   style="money", section=SECTION),
        ]
    items.append(Figure(TOTAL, label(TOTAL), f"{cur}/month",
                        total(*(ref(f"reagents.{row.index}.cost_per_month") for row in rows)), OPEX, style="money",
                        section=SECTION))
    return items


def cost_terms(plant: Plant) -> list[Expr]:
    """What the Reagents sheet adds to the cash operating cost per month."""
    return [ref(TOTAL)] if plant.rows("reagents") else []
