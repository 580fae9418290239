"""Electricity: installed power from the equipment list, monthly energy and its cost.

The monthly energy is the equipment's plus, when the workbook has an
Electrolysis sheet, the DC energy of electrolysis (econ.model.electrochemistry,
evaluated before this module), and with a process chain the stage energy its
StageEnergy sheet counts (econ.model.chain).
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.chain import energy_terms
from econ.model.expr import inp, ref, total
from econ.model.figures import ENERGY, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Power per item = quantity x unit power; energy = drawn power x operating hours.

    Drawn power is installed power times the item's load factor (1 where the
    workbook leaves it blank). Energy per month = the items' energy + the
    electrolysis energy (only when the workbook has Electrolysis rows).
    """
    cur = plant.currency
    items: list[Figure] = []
    for row in plant.rows("equipment"):
        items.append(Figure(f"equipment.{row.index}.power", label(f"equipment.{row.index}.power", row.name), "kW",
                            inp(row.key("quantity")) * inp(row.key("unit_power")), ENERGY, section="Equipment"))
    for row in plant.rows("equipment"):
        items.append(Figure(f"equipment.{row.index}.energy_per_month", label(f"equipment.{row.index}.energy_per_month", row.name),
                            "kWh/month",
                            ref(f"equipment.{row.index}.power") * inp(row.key("load_factor"))
                            * ref("operating_hours_per_month"), ENERGY, section="Equipment"))
    rows = plant.rows("equipment")
    electrolysis = [ref("electrolysis_energy_per_month")] if plant.rows("electrolysis") else []
    items += [
        Figure("installed_power", label("installed_power"), "kW",
               total(*(ref(f"equipment.{row.index}.power") for row in rows)), ENERGY, section="Totals"),
        Figure("energy_per_month", label("energy_per_month"), "kWh/month",
               total(*(ref(f"equipment.{row.index}.energy_per_month") for row in rows), *electrolysis,
                     *energy_terms(plant)), ENERGY,
               section="Totals"),
        Figure("energy_cost_per_month", label("energy_cost_per_month"), f"{cur}/month",
               ref("energy_per_month") * inp("electricity_price"), ENERGY, style="money", section="Totals"),
        Figure("specific_energy", label("specific_energy"), f"kWh/{plant.basis}",
               ref("energy_per_month") / inp("throughput"), ENERGY, section="Totals"),
    ]
    return items
