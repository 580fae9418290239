"""Monthly OPEX by line and in total, specific cost, and the net effect."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model import products, reagents as reagent_table
from econ.model.chain import cost_terms, revenue_terms
from econ.model.expr import inp, maximum, ref, total
from econ.model.figures import OPEX, REVENUE, SUMMARY, Figure, label

OPEX_TABLE = "OPEX per month"  # the section of the OPEX sheet laid out as the paper's Table 3


def figures(plant: Plant) -> list[Figure]:
    """OPEX per month = electricity + labour + depreciation + maintenance (+ reagents with a process chain, +
    reagents and consumables of the Reagents sheet).

    Specific cost = OPEX per month / throughput per month. Net effect per month =
    revenue - OPEX - cost of replacing losses (before income tax;
    depreciation is inside OPEX). Per year it is multiplied by the operating
    months per year, over the service life by the service life in years, with each item's depreciation charged
    only over its useful life (a life shorter than the horizon charges none in the years after it).
    """
    cur, basis = plant.currency, plant.basis
    extra_revenue = revenue_terms(plant) + products.revenue_terms(plant)
    revenue = total(ref("byproduct_revenue_per_month"), *extra_revenue) if extra_revenue \
        else ref("byproduct_revenue_per_month")
    reagents = [Figure("opex_reagents", label("opex_reagents"), f"{cur}/month", term, OPEX, "money", OPEX_TABLE)
                for term in cost_terms(plant)]
    reagents += [Figure("opex_consumables", label("opex_consumables"), f"{cur}/month", term, OPEX, "money",
                        OPEX_TABLE) for term in reagent_table.cost_terms(plant)]
    return [
        Figure("opex_energy", label("opex_energy"), f"{cur}/month", ref("energy_cost_per_month"), OPEX, "money", OPEX_TABLE),
        Figure("opex_labour", label("opex_labour"), f"{cur}/month", ref("labour_cost_per_month"), OPEX, "money",
               OPEX_TABLE),
        Figure("opex_depreciation", label("opex_depreciation"), f"{cur}/month", ref("depreciation_per_month"), OPEX, "money",
               OPEX_TABLE),
        Figure("opex_maintenance", label("opex_maintenance"), f"{cur}/month", ref("maintenance_per_month"), OPEX, "money",
               OPEX_TABLE),
        *reagents,
        Figure("opex_per_month", label("opex_per_month"), f"{cur}/month",
               total(ref("opex_energy"), ref("opex_labour"), ref("opex_depreciation"), ref("opex_maintenance"),
                     *(ref(figure.key) for figure in reagents)),
               OPEX, "money", OPEX_TABLE),
        Figure("specific_cost", label("specific_cost"), f"{cur}/{basis}",
               ref("opex_per_month") / inp("throughput"), OPEX, "money", OPEX_TABLE),
        Figure("cash_opex_per_month", label("cash_opex_per_month"), f"{cur}/month",
               ref("opex_per_month") - ref("opex_depreciation"), OPEX, "money", OPEX_TABLE),
        Figure("net_effect_per_month", label("net_effect_per_month"), f"{cur}/month",
               revenue - ref("opex_per_month") - ref("loss_cost_per_month"),
               REVENUE, "money", "Net effect"),
        Figure("net_effect_per_year", label("net_effect_per_year"), f"{cur}/year",
               ref("net_effect_per_month") * inp("months_per_year"), REVENUE, "money", "Net effect"),
        # depreciation is charged only over each item's useful life: a life shorter than the horizon adds back
        # the years it is not charged (0 where every life covers the horizon, the figure as before)
        Figure("net_effect_over_life", label("net_effect_over_life"), cur,
               ref("net_effect_per_year") * inp("service_life") + total(*(
                   ref(f"capital.{row.index}.depreciation_per_year")
                   * maximum(inp("service_life") - inp(row.key("useful_life")), 0)
                   for row in plant.rows("capital"))) if plant.rows("capital") else
               ref("net_effect_per_year") * inp("service_life"), REVENUE, "money", "Net effect"),
    ] + ([  # a ratio to capital only where there is capital (a chain-only workbook may have none)
        Figure("net_effect_over_life_to_capital", label("net_effect_over_life_to_capital"), "-",
               ref("net_effect_over_life") / ref("capital_total"), SUMMARY, "ratio"),
    ] if plant.rows("capital") else [])
