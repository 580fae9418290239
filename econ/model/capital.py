"""Capital and straight-line depreciation with salvage value."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import inp, ref, total
from econ.model.figures import OPEX, SUMMARY, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Annual depreciation per item = (cost - salvage value) / useful life.

    Depreciation per operating month is the annual figure divided by the
    operating months per year.
    """
    cur = plant.currency
    rows = plant.rows("capital")
    items = [
        Figure(f"capital.{row.index}.depreciation_per_year", label(f"capital.{row.index}.depreciation_per_year", row.name), f"{cur}/year",
               (inp(row.key("cost")) - inp(row.key("salvage_value"))) / inp(row.key("useful_life")),
               OPEX, style="money", section="Depreciation")
        for row in rows
    ]
    items += [
        Figure("capital_total", label("capital_total"), cur,
               total(*(inp(row.key("cost")) for row in rows)), SUMMARY, style="money"),
        Figure("salvage_total", label("salvage_total"), cur,
               total(*(inp(row.key("salvage_value")) for row in rows)), SUMMARY, style="money"),
        Figure("depreciation_per_year", label("depreciation_per_year"), f"{cur}/year",
               total(*(ref(f"capital.{row.index}.depreciation_per_year") for row in rows)),
               OPEX, style="money", section="Depreciation"),
        Figure("depreciation_per_month", label("depreciation_per_month"), f"{cur}/month",
               ref("depreciation_per_year") / inp("months_per_year"), OPEX, style="money", section="Depreciation"),
    ]
    return items
