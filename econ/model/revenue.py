"""By-product revenue and the cost of replacing lost streams."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, inp, ref, total
from econ.model.figures import REVENUE, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Recovered mass = throughput x feed content x recovery x (1 - loss); revenue = mass x price.

    A lost stream = throughput x lost fraction; its cost = amount x replacement price.
    """
    cur, basis = plant.currency, plant.basis
    products, losses = plant.rows("byproducts"), plant.rows("losses")
    items: list[Figure] = []
    for row in products:
        items += [
            Figure(f"byproducts.{row.index}.mass_per_month", label(f"byproducts.{row.index}.mass_per_month", row.name), "kg/month",
                   inp("throughput") * inp(row.key("feed_concentration")) * inp(row.key("recovery"))
                   * (1 - inp(row.key("loss"))), REVENUE, section="By-products"),
            Figure(f"byproducts.{row.index}.revenue_per_month", label(f"byproducts.{row.index}.revenue_per_month", row.name), f"{cur}/month",
                   ref(f"byproducts.{row.index}.mass_per_month") * inp(row.key("price")), REVENUE, style="money",
                   section="By-products"),
        ]
    items += [
        Figure("byproduct_mass_per_month", label("byproduct_mass_per_month"), "kg/month",
               total(*(ref(f"byproducts.{r.index}.mass_per_month") for r in products)) if products else Const(0),
               REVENUE, section="By-products"),
        Figure("byproduct_revenue_per_month", label("byproduct_revenue_per_month"), f"{cur}/month",
               total(*(ref(f"byproducts.{r.index}.revenue_per_month") for r in products)) if products else Const(0),
               REVENUE, style="money", section="By-products"),
    ]
    for row in losses:
        items += [
            Figure(f"losses.{row.index}.amount_per_month", label(f"losses.{row.index}.amount_per_month", row.name), f"{basis}/month",
                   inp("throughput") * inp(row.key("fraction_of_feed")), REVENUE, section="Losses"),
            Figure(f"losses.{row.index}.cost_per_month", label(f"losses.{row.index}.cost_per_month", row.name), f"{cur}/month",
                   ref(f"losses.{row.index}.amount_per_month") * inp(row.key("replacement_price")), REVENUE,
                   style="money", section="Losses"),
        ]
    items += [
        Figure("loss_amount_per_month", label("loss_amount_per_month"), f"{basis}/month",
               total(*(ref(f"losses.{r.index}.amount_per_month") for r in losses)) if losses else Const(0),
               REVENUE, section="Losses"),
        Figure("loss_cost_per_month", label("loss_cost_per_month"), f"{cur}/month",
               total(*(ref(f"losses.{r.index}.cost_per_month") for r in losses)) if losses else Const(0),
               REVENUE, style="money", section="Losses"),
    ]
    return items
