"""Labour: wages of the operating staff with on-costs (social charges)."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, inp, ref, total
from econ.model.figures import OPEX, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Cost per role = headcount x monthly wage x (1 + on-cost rate)."""
    cur = plant.currency
    rows = plant.rows("staffing")
    items = [
        Figure(f"staffing.{row.index}.cost_per_month", label(f"staffing.{row.index}.cost_per_month", row.name), f"{cur}/month",
               inp(row.key("headcount")) * inp(row.key("monthly_wage")) * (1 + inp(row.key("on_cost_rate"))),
               OPEX, style="money", section="Labour")
        for row in rows
    ]
    items.append(Figure("labour_cost_per_month", label("labour_cost_per_month"), f"{cur}/month",
                        total(*(ref(f"staffing.{row.index}.cost_per_month") for row in rows)) if rows else Const(0),
                        OPEX, style="money", section="Labour"))
    return items
