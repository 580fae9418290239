"""Electrolysis from first principles: Faraday's law for the current, the cell voltage for the energy.

For each row of the workbook's optional ``Electrolysis`` sheet (a metal
deposited by electrolysis: electrowinning or electrorefining):

- specific energy [kWh/t] = U x z x F / (CE x M) x GRAMS_PER_TONNE / JOULES_PER_KWH,
  with U the cell voltage [V], z the electrons per atom, F the Faraday constant
  [C/mol], CE the cathodic current efficiency and M the molar mass [g/mol]:
  U x z x F / M is the electrical work per gram at 100 % efficiency [J/g];
- current [A] = production [g/s] x z x F / (CE x M), the production per second
  being metal_production [t/month] x GRAMS_PER_TONNE / (operating hours per
  month x SECONDS_PER_HOUR): the cells work during the schedule's hours only;
- cathode area [m^2] = current / current density;
- cells [-] = cathode area / cathode area per cell, fractional (not rounded
  up); ``cells_whole`` is the same rounded up to whole cells;
- DC power [kW] = current x cell voltage / WATTS_PER_KW;
- energy per month [kWh/month] = DC power x operating hours per month, which
  equals specific energy x metal production.

Assumption on the electrical arrangement: the total cathode area carries the
current at the stated density, and the energy is current x voltage whatever
the arrangement. ``current`` is the sum of the cathode currents of all cells:
cells in parallel draw it at the cell voltage, cells in series pass 1/n of it
through each at n times the voltage; the power is the same.

The energy is DC energy at the cell terminals: rectifier, busbar and auxiliary
losses are not included (put them in the Equipment sheet when known). The
electrolysis energy per month is added to the plant's electricity by
econ.model.energy.
"""

from __future__ import annotations

from econ.inputs.plant import Plant, Row
from econ.model.expr import Expr, inp, ref, round_up, total
from econ.model.figures import ENERGY, Figure, label

# Faraday constant, C/mol: CODATA 2018 recommended value (exact since the 2019 SI: F = N_A x e).
FARADAY_C_PER_MOL = 96485.33212
GRAMS_PER_TONNE = 1e6
JOULES_PER_KWH = 3.6e6  # 1 kWh = 1000 W x 3600 s
SECONDS_PER_HOUR = 3600.0
WATTS_PER_KW = 1000.0

SECTION = "Electrolysis"


def specific_energy_at(row: Row, current_efficiency: Expr) -> Expr:
    """U x z x F / (CE x M) in kWh per tonne of metal, for a given current efficiency."""
    return (inp(row.key("cell_voltage")) * inp(row.key("valence")) * FARADAY_C_PER_MOL
            / (current_efficiency * inp(row.key("molar_mass"))) * GRAMS_PER_TONNE / JOULES_PER_KWH)


def figures(plant: Plant) -> list[Figure]:
    """Per electrolysis row: specific energy, current, cathode area, cells, DC power, energy; then the total.

    No figures at all when the workbook has no Electrolysis rows, so a plant
    without electrolysis keeps exactly its model.
    """
    rows = plant.rows("electrolysis")
    items: list[Figure] = []
    for row in rows:
        prefix = f"electrolysis.{row.index}"

        def figure(name: str, unit: str, expr: Expr) -> Figure:
            key = f"{prefix}.{name}"
            return Figure(key, label(key, row.name), unit, expr, ENERGY, section=SECTION)

        valence, molar_mass = inp(row.key("valence")), inp(row.key("molar_mass"))
        grams_per_second = (inp(row.key("metal_production")) * GRAMS_PER_TONNE
                            / ref("operating_hours_per_month") / SECONDS_PER_HOUR)
        items += [
            figure("specific_energy", "kWh/t", specific_energy_at(row, inp(row.key("current_efficiency")))),
            figure("current", "A", grams_per_second * valence * FARADAY_C_PER_MOL
                   / (inp(row.key("current_efficiency")) * molar_mass)),
            figure("cathode_area", "m^2", ref(f"{prefix}.current") / inp(row.key("current_density"))),
            figure("cells", "-", ref(f"{prefix}.cathode_area") / inp(row.key("electrode_area_per_cell"))),
            figure("cells_whole", "-", round_up(ref(f"{prefix}.cells"))),
            figure("power", "kW", ref(f"{prefix}.current") * inp(row.key("cell_voltage")) / WATTS_PER_KW),
            figure("energy_per_month", "kWh/month", ref(f"{prefix}.power") * ref("operating_hours_per_month")),
        ]
    if rows:
        items.append(Figure("electrolysis_energy_per_month", label("electrolysis_energy_per_month"), "kWh/month",
                            total(*(ref(f"electrolysis.{row.index}.energy_per_month") for row in rows)), ENERGY,
                            section=SECTION))
    return items
