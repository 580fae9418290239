"""Escalation: prices in base-year (year 0) money, inflation and per-line escalation, real and nominal rates.

A price p escalating at rate e is p (1 + e)^t in year t. Each price line (electricity, labour, reagents,
maintenance, products, replacements) escalates at its own Finance!escalation_<line> rate, or at the general
Finance!inflation where it has none; a line with neither stays at its base-year price. The cash-flow table is
then in nominal money (money of each year), and it is discounted at the nominal rate. Fisher equation:
(1 + nominal) = (1 + real)(1 + inflation). Finance!discount_basis says whether Project!discount_rate is real
(the default) or nominal; the other rate follows.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, Expr, inp
from econ.model.figures import SUMMARY, Figure, YearlyFigure, label
from econ.model.timeline import yearly

LINES = ("electricity", "labour", "reagents", "maintenance", "products", "replacements")
NOMINAL_RATE, REAL_RATE = "nominal_discount_rate", "real_discount_rate"


def rate(plant: Plant, line: str) -> Expr | None:
    """The escalation rate of a price line, or None where prices stay in base-year money."""
    if f"escalation_{line}" in plant.parameters:
        return inp(f"escalation_{line}")
    return inp("inflation") if "inflation" in plant.parameters else None


def index_key(line: str) -> str:
    return f"cf.index.{line}"


def factor(plant: Plant, line: str, t: int) -> Expr | None:
    """The escalation factor of ``line`` in year ``t`` (a cell of its index row), or None if it is 1."""
    from econ.model.expr import ref

    return ref(index_key(line), t) if rate(plant, line) is not None else None


def scaled(value: Expr, *factors: Expr | None) -> Expr:
    """``value`` times each factor that is not None."""
    for item in factors:
        if item is not None:
            value = value * item
    return value


def figures(plant: Plant) -> list[Figure | YearlyFigure]:
    """An index row per escalating line, (1 + rate)^year, and the nominal and real discount rates."""
    years = plant.table_years
    items: list[Figure | YearlyFigure] = []
    for line in LINES:
        line_rate = rate(plant, line)
        if line_rate is not None:
            items.append(yearly(index_key(line), "-", lambda t, r=line_rate: (1 + r) ** Const(t), years,
                                style="factor"))
    discount = inp("discount_rate")
    inflation = inp("inflation") if "inflation" in plant.parameters else None
    basis = plant.finance.discount_basis if plant.finance is not None else "real"
    if inflation is None:
        nominal, real = discount, discount
    elif basis == "nominal":
        nominal, real = discount, (1 + discount) / (1 + inflation) - 1
    else:
        nominal, real = (1 + discount) * (1 + inflation) - 1, discount
    items += [
        Figure(NOMINAL_RATE, label(NOMINAL_RATE), "fraction", nominal, SUMMARY, style="fraction"),
        Figure(REAL_RATE, label(REAL_RATE), "fraction", real, SUMMARY, style="fraction"),
    ]
    return items
