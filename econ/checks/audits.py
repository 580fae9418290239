"""Plausibility audits: what a reviewer of a feasibility study tests beyond arithmetic.

- **Capacity.** Does each item's rated capacity, over the operating hours,
  cover the stated throughput?
- **Specific energy.** Does the specific energy implied by an item's installed
  power agree with the specific energy stated for it, at the stated throughput
  and at the item's own rated capacity? Items that each state a range are taken
  to treat the whole stream in series, so their ranges add up.
- **Dependence on by-products.** Is the net effect positive only because of
  by-product revenue?
- **Claims.** Does each claim of the text (a ``>`` or ``<`` reference) hold?

The numbers behind the audits are model figures (sheet Checks), so they are
written to the results workbook as live formulas like every other figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from econ.checks.regression import Comparison
from econ.inputs.plant import Plant
from econ.model.expr import inp, ref, total
from econ.model.figures import CHECKS, Figure, label, Results
from econ.report.numbers import format_auto, format_percent

OK, WARNING = "ok", "warning"


@dataclass(frozen=True)
class Audit:
    """One audit: what was tested, the figure it rests on, and what was found."""

    id: str
    title: str
    status: str  # "ok" or "warning"
    message: str
    figure: str | None = None  # key of the model figure the audit reads, if any


def figures(plant: Plant) -> list[Figure]:
    """Model figures the audits read; they go to the Checks sheet of the workbook."""
    basis = plant.basis
    items: list[Figure] = []
    stated = []
    for row in plant.rows("equipment"):
        prefix = f"audit.equipment.{row.index}"
        if row.has("rated_capacity"):
            items.append(Figure(
                f"{prefix}.capacity_coverage", label(f"{prefix}.capacity_coverage", row.name), "-",
                inp(row.key("rated_capacity")) * inp(row.key("quantity")) * ref("operating_hours_per_month")
                / inp("throughput"), CHECKS, "ratio", "Capacity"))
        if row.has("specific_energy_min") and row.has("specific_energy_max"):
            stated.append(row)
            items.append(Figure(
                f"{prefix}.specific_energy", label(f"{prefix}.specific_energy", row.name),
                f"kWh/{basis}", ref(f"equipment.{row.index}.energy_per_month") / inp("throughput"),
                CHECKS, "number", "Specific energy"))
            if row.has("rated_capacity"):
                items.append(Figure(
                    f"{prefix}.specific_energy_at_capacity", label(f"{prefix}.specific_energy_at_capacity", row.name),
                    f"kWh/{basis}",
                    ref(f"equipment.{row.index}.power") * inp(row.key("load_factor"))
                    / (inp(row.key("rated_capacity")) * inp(row.key("quantity"))),
                    CHECKS, "number", "Specific energy"))
    if len(stated) >= 2:
        items += [
            Figure("audit.train.specific_energy", label("audit.train.specific_energy"),
                   f"kWh/{basis}", total(*(ref(f"audit.equipment.{row.index}.specific_energy") for row in stated)),
                   CHECKS, "number", "Specific energy"),
            Figure("audit.train.specific_energy_min", label("audit.train.specific_energy_min"),
                   f"kWh/{basis}", total(*(inp(row.key("specific_energy_min")) for row in stated)),
                   CHECKS, "number", "Specific energy"),
            Figure("audit.train.specific_energy_max", label("audit.train.specific_energy_max"),
                   f"kWh/{basis}", total(*(inp(row.key("specific_energy_max")) for row in stated)),
                   CHECKS, "number", "Specific energy"),
        ]
    if plant.rows("byproducts"):
        items.append(Figure(
            "audit.net_effect_without_byproducts", label("audit.net_effect_without_byproducts"),
            f"{plant.currency}/month", ref("net_effect_per_month") - ref("byproduct_revenue_per_month"),
            CHECKS, "money", "Revenue"))
    return items


def _range_text(low: float, high: float, unit: str) -> str:
    return f"{format_auto(low)} to {format_auto(high)} {unit}"


def run_audits(plant: Plant, results: Results, comparisons: list[Comparison]) -> list[Audit]:
    """The audits of one case, in the order of :func:`figures`, then the text's claims."""
    audits: list[Audit] = []
    basis = plant.basis
    throughput = plant.value("throughput")
    hours = results.scalar("operating_hours_per_month")
    for row in plant.rows("equipment"):
        prefix = f"audit.equipment.{row.index}"
        if row.has("rated_capacity"):
            coverage = results.scalar(f"{prefix}.capacity_coverage")
            capacity = plant.value(row.key("rated_capacity")) * plant.value(row.key("quantity"))
            monthly = capacity * hours
            if coverage >= 1:
                audits.append(Audit(f"capacity:{row.name}", f"{row.name}: capacity", OK,
                                    f"rated {format_auto(capacity)} {basis}/h x {format_auto(hours)} h/month = "
                                    f"{format_auto(monthly)} {basis}/month covers the throughput of "
                                    f"{format_auto(throughput)} {basis}/month ({format_percent(coverage)})",
                                    f"{prefix}.capacity_coverage"))
            else:
                needed = math.ceil(plant.value(row.key("quantity")) / coverage - 1e-9)
                audits.append(Audit(f"capacity:{row.name}", f"{row.name}: capacity", WARNING,
                                    f"rated {format_auto(capacity)} {basis}/h x {format_auto(hours)} h/month = "
                                    f"{format_auto(monthly)} {basis}/month covers only {format_percent(coverage)} "
                                    f"of the stated throughput of {format_auto(throughput)} {basis}/month; "
                                    f"{needed} such units, or {format_auto(throughput / hours)} {basis}/h, "
                                    f"would be needed", f"{prefix}.capacity_coverage"))
        if row.has("specific_energy_min") and row.has("specific_energy_max"):
            low, high = plant.value(row.key("specific_energy_min")), plant.value(row.key("specific_energy_max"))
            unit = f"kWh/{basis}"
            for key, where in ((f"{prefix}.specific_energy", "at the stated throughput"),
                               (f"{prefix}.specific_energy_at_capacity", "at its rated capacity")):
                if key not in results.values:
                    continue
                implied = results.scalar(key)
                inside = low <= implied <= high
                audits.append(Audit(
                    f"specific-energy:{row.name}:{'throughput' if 'capacity' not in key else 'capacity'}",
                    f"{row.name}: specific energy {where}", OK if inside else WARNING,
                    f"installed power implies {format_auto(implied)} {unit} {where}; the stated range is "
                    f"{_range_text(low, high, unit)}" + ("" if inside else
                                                         f" ({'below' if implied < low else 'above'} it)"),
                    key))
    if "audit.train.specific_energy" in results.values:
        implied = results.scalar("audit.train.specific_energy")
        low, high = results.scalar("audit.train.specific_energy_min"), results.scalar("audit.train.specific_energy_max")
        inside = low <= implied <= high
        audits.append(Audit("specific-energy:train", "Items in series: specific energy", OK if inside else WARNING,
                            f"together the items with a stated specific energy draw {format_auto(implied)} "
                            f"kWh/{basis} at the stated throughput; their stated ranges add up to "
                            f"{_range_text(low, high, f'kWh/{basis}')}"
                            + ("" if inside else f" ({'below' if implied < low else 'above'} it)"),
                            "audit.train.specific_energy"))
    if "audit.net_effect_without_byproducts" in results.values:
        without = results.scalar("audit.net_effect_without_byproducts")
        net = results.scalar("net_effect_per_month")
        revenue = results.scalar("byproduct_revenue_per_month")
        cur = plant.currency
        rests = net > 0 and without < 0
        audits.append(Audit(
            "byproduct-dependence", "Dependence on by-product revenue", WARNING if rests else OK,
            (f"the net effect of {format_auto(net)} {cur}/month is positive only because of by-product revenue of "
             f"{format_auto(revenue)} {cur}/month; without it the scheme costs {format_auto(-without)} {cur}/month, "
             f"so the by-product price and its market carry the result")
            if rests else
            f"without by-product revenue the net effect would be {format_auto(without)} {cur}/month",
            "audit.net_effect_without_byproducts"))
    for comparison in comparisons:
        reference = comparison.reference
        if reference.comparison == "=":
            continue
        audits.append(Audit(
            f"claim:{reference.id}", f"Claim: {reference.figure}", OK if comparison.passed else WARNING,
            f"the text claims {reference.quantity} {reference.comparison} {format_auto(reference.published)}; "
            f"the inputs give {format_auto(comparison.computed)}, so the claim "
            f"{'holds' if comparison.passed else 'does not hold'}", reference.quantity))
    return audits
