"""Capital and straight-line depreciation with salvage value."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import inp, ref, total
from econ.model.figures import OPEX, SUMMARY, Figure


def figures(plant: Plant) -> list[Figure]:
    """Annual depreciation per item = (cost - salvage value) / useful life.

    Depreciation per operating month is the annual figure divided by the
    operating months per year.
    """
    cur = plant.currency
    rows = plant.rows("capital")
    items = [
        Figure(f"capital.{row.index}.depreciation_per_year", f"{row.name}: depreciation", f"{cur}/year",
               (inp(row.key("cost")) - inp(row.key("salvage_value"))) / inp(row.key("useful_life")),
               OPEX, style="money", section="Depreciation")
        for row in rows
    ]
    items += [
        Figure("capital_total", "Capital investment", cur,
               total(*(inp(row.key("cost")) for row in rows)), SUMMARY, style="money"),
        Figure("salvage_total", "Salvage value at the end of the analysis", cur,
               total(*(inp(row.key("salvage_value")) for row in rows)), SUMMARY, style="money"),
        Figure("depreciation_per_year", "Depreciation per year", f"{cur}/year",
               total(*(ref(f"capital.{row.index}.depreciation_per_year") for row in rows)),
               OPEX, style="money", section="Depreciation"),
        Figure("depreciation_per_month", "Depreciation", f"{cur}/month",
               ref("depreciation_per_year") / inp("months_per_year"), OPEX, style="money", section="Depreciation"),
    ]
    return items
