"""Products, savings and by-products of the Products sheet, each in its own unit.

A row's quantity per month is its quantity as entered per month, or its yield
times the throughput; its value per month is that quantity times its price.
A saving is a cost avoided (water not bought), counted as an inflow like a sale.
Quantities are never added across rows (their units differ: m^3, kg, kWh);
only money is: a total per kind, then the total of all kinds.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.inputs.schema import PRODUCT_KINDS
from econ.model.expr import Expr, inp, ref, total
from econ.model.figures import REVENUE, Figure, label

SECTION = "Products, savings and by-products"
# figure key per kind: the value of one row, and the total of the kind
_ROW_VALUE = {"product": "sales_per_month", "saving": "saving_per_month", "by-product": "byproduct_sales_per_month"}
KIND_TOTALS = {"product": "product_sales_per_month", "saving": "savings_per_month",
               "by-product": "byproduct_sales_total_per_month"}
TOTAL = "products_value_per_month"


def value_key(row) -> str:  # noqa: ANN001 - a PricedRow
    """The key of a Products row's value per month: ``products.0.saving_per_month`` for a saving."""
    return f"products.{row.index}.{_ROW_VALUE[row.kind]}"


def monthly_quantity(row, field: str) -> Expr:  # noqa: ANN001 - a PricedRow
    """A row's quantity per month: as entered, or per unit of throughput times the throughput."""
    entered = inp(row.key(field))
    return entered * inp("throughput") if row.per_basis else entered


def figures(plant: Plant) -> list[Figure]:
    """Quantity per month (own unit/month) and value per month ({cur}/month) of each row; money per kind."""
    rows = plant.rows("products")
    if not rows:
        return []
    cur = plant.currency
    items: list[Figure] = []
    for row in rows:
        quantity = f"products.{row.index}.quantity_per_month"
        items += [
            Figure(quantity, label(quantity, row.name), f"{row.unit}/month", monthly_quantity(row, "quantity"),
                   REVENUE, section=SECTION),
            Figure(value_key(row), label(value_key(row), row.name), f"{cur}/month",
                   ref(quantity) * inp(row.key("price")), REVENUE, style="money", section=SECTION),
        ]
    kinds = [kind for kind in PRODUCT_KINDS if any(row.kind == kind for row in rows)]
    for kind in kinds:
        items.append(Figure(KIND_TOTALS[kind], label(KIND_TOTALS[kind]), f"{cur}/month",
                            total(*(ref(value_key(row)) for row in rows if row.kind == kind)), REVENUE,
                            style="money", section=SECTION))
    items.append(Figure(TOTAL, label(TOTAL), f"{cur}/month", total(*(ref(KIND_TOTALS[kind]) for kind in kinds)),
                        REVENUE, style="money", section=SECTION))
    return items


def revenue_terms(plant: Plant) -> list[Expr]:
    """What the Products sheet adds to the revenue per month (sales, savings and by-products, in money)."""
    return [ref(TOTAL)] if plant.rows("products") else []
