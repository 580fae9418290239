"""Working capital: built up as operations grow, released at the end.

The balance a year needs is Finance!working_capital_share times its revenue, or, with days given,
(receivable_days x revenue + inventory_days x cash operating costs - payable_days x cash operating costs) / 365.
Its increase is an outflow of the year (a decrease an inflow), and the whole balance of the last year is
released at the end of that year.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, Expr, inp, ref
from econ.model.figures import YearlyFigure
from econ.model.timeline import yearly

DAYS = ("receivable_days", "inventory_days", "payable_days")


def used(plant: Plant) -> bool:
    return "working_capital_share" in plant.parameters or any(name in plant.parameters for name in DAYS)


def figures(plant: Plant, prefix: str = "cf", revenue: str = "cf.revenue") -> list[YearlyFigure]:
    """Balance, change (-increase) and release rows, keyed ``{prefix}.working_capital...``, over ``revenue``."""
    years, cur = plant.table_years, plant.currency
    balance, change, release = (f"{prefix}.working_capital", f"{prefix}.working_capital_change",
                                f"{prefix}.working_capital_release")

    def required(t: int) -> Expr:
        if "working_capital_share" in plant.parameters:
            return inp("working_capital_share") * ref(revenue, t)
        costs = -ref("cf.operating_costs", t)
        value: Expr = Const(0)
        if "receivable_days" in plant.parameters:
            value = value + inp("receivable_days") * ref(revenue, t)
        if "inventory_days" in plant.parameters:
            value = value + inp("inventory_days") * costs
        if "payable_days" in plant.parameters:
            value = value - inp("payable_days") * costs
        return value / 365

    return [
        yearly(balance, cur, required, years),
        yearly(change, f"{cur}/year",
               lambda t: -ref(balance, t) if t == 0 else -(ref(balance, t) - ref(balance, t - 1)), years),
        yearly(release, f"{cur}/year", lambda t: ref(balance, t) if t == years else Const(0), years),
    ]
