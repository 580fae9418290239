"""Maintenance of the equipment."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, inp, ref, total
from econ.model.figures import OPEX, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Annual maintenance is the sum of the items; per operating month it is divided by months per year."""
    cur = plant.currency
    rows = plant.rows("maintenance")
    return [
        Figure("maintenance_per_year", label("maintenance_per_year"), f"{cur}/year",
               total(*(inp(row.key("cost")) for row in rows)) if rows else Const(0),
               OPEX, style="money", section="Maintenance"),
        Figure("maintenance_per_month", label("maintenance_per_month"), f"{cur}/month",
               ref("maintenance_per_year") / inp("months_per_year"), OPEX, style="money", section="Maintenance"),
    ]
