"""Depreciation of each capital row by its method, its book value, and the residual at the end of the horizon.

Depreciation runs on historical cost (not escalated) from the first operating year (k = 1). Methods, by the
Capital table's depreciation_method column:

- ``straight-line``: (cost - salvage) / L in operating years 1..L.
- ``sum-of-years-digits``: (cost - salvage) (L - k + 1) / (L (L + 1) / 2) in years 1..L.
- ``declining balance``: factor / L of the opening book value (factor 2, double declining, unless
  declining_factor says otherwise), switching to straight-line over the remaining life as soon as that is
  larger, never below the salvage value.
- ``macrs``: cost times the IRS Publication 946 Table A-1 rates (general depreciation system, 200 % or 150 %
  declining balance switching to straight-line, half-year convention); the recovery period is the useful life
  (3, 5, 7, 10, 15 or 20 years) and the schedule lasts L + 1 years; salvage is not deducted.
- ``ru nonlinear``: the nonlinear method of the Russian Tax Code, art. 259.2: each month the group's balance is
  depreciated at the monthly rate of its depreciation group (p. 5: group 1: 14.3 %, 2: 8.8 %, 3: 5.6 %,
  4: 3.8 %, 5: 2.7 %, 6: 1.8 %, 7: 1.3 %, 8: 1.0 %, 9: 0.8 %, 10: 0.7 %), so a year of 12 months takes
  1 - (1 - rate)^12 of its opening balance. The balance never reaches zero; the write-off of a balance below
  20,000 RUB (p. 12) is the taxpayer's option and is not taken.

A useful life (or a method) that outlasts the horizon leaves a residual book value at the last year, which the
report states (``residual_book_value``); it is not a cash flow (salvage is).
"""

from __future__ import annotations

from econ.inputs.plant import Plant, Row
from econ.model.dcf_expr import Round
from econ.model.expr import (
    Const,
    Expr,
    compare,
    inp,
    maximum,
    minimum,
    ref,
    total,
    when,
)
from econ.model.figures import SUMMARY, Figure, YearlyFigure, label
from econ.model.timeline import operating_year, yearly

# IRS Publication 946 (2023), Appendix A, Table A-1: half-year convention, percent of cost by recovery year
MACRS_HALF_YEAR: dict[int, tuple[float, ...]] = {
    3: (33.33, 44.45, 14.81, 7.41),
    5: (20.00, 32.00, 19.20, 11.52, 11.52, 5.76),
    7: (14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46),
    10: (10.00, 18.00, 14.40, 11.52, 9.22, 7.37, 6.55, 6.55, 6.56, 6.55, 3.28),
    15: (5.00, 9.50, 8.55, 7.70, 6.93, 6.23, 5.90, 5.90, 5.91, 5.90, 5.91, 5.90, 5.91, 5.90, 5.91, 2.95),
    20: (3.750, 7.219, 6.677, 6.177, 5.713, 5.285, 4.888, 4.522, 4.462, 4.461, 4.462, 4.461, 4.462, 4.461,
         4.462, 4.461, 4.462, 4.461, 4.462, 4.461, 2.231),
}
# Russian Tax Code, art. 259.2 p. 5: monthly depreciation rate (percent) of the nonlinear method by group
RU_MONTHLY_RATE: dict[int, float] = {1: 14.3, 2: 8.8, 3: 5.6, 4: 3.8, 5: 2.7, 6: 1.8, 7: 1.3, 8: 1.0, 9: 0.8,
                                     10: 0.7}


def depreciation_key(index: int) -> str:
    return f"cf.capital.{index}.depreciation"


def book_value_key(index: int) -> str:
    return f"cf.capital.{index}.book_value"


def schedule(method: str, cost: float, life: int, years: int, salvage: float = 0.0, factor: float = 2.0,
             group: int = 0) -> list[float]:
    """Depreciation of operating years 1..``years`` by ``method`` (plain Python, for tests and docs)."""
    charges: list[float] = []
    book = cost
    for k in range(1, years + 1):
        if method == "straight-line":
            charge = (cost - salvage) / life if k <= life else 0.0
        elif method == "sum-of-years-digits":
            charge = (cost - salvage) * (life - k + 1) / (life * (life + 1) / 2) if k <= life else 0.0
        elif method == "declining balance":
            charge = max(min(max(factor / life * book, (book - salvage) / (life - k + 1)), book - salvage), 0.0) \
                if k <= life else 0.0
        elif method == "macrs":
            rates = MACRS_HALF_YEAR[life]
            charge = cost * rates[k - 1] / 100 if k <= len(rates) else 0.0
        elif method == "ru nonlinear":
            charge = book * (1 - (1 - RU_MONTHLY_RATE[group] / 100) ** 12)
        else:
            raise ValueError(f"unknown depreciation method {method!r}")
        book -= charge
        charges.append(charge)
    return charges


def _charge(plant: Plant, row: Row, method: str, t: int) -> Expr:
    k = operating_year(plant, t)
    if k == 0:
        return Const(0)
    cost, life = inp(row.key("cost")), inp(row.key("useful_life"))
    salvage = inp(row.key("salvage_value"))
    within = compare(Const(k), "<=", life)
    if method == "straight-line":
        return when(within, (cost - salvage) / life, 0)
    if method == "sum-of-years-digits":
        return when(within, (cost - salvage) * (life - Const(k - 1)) / (life * (life + 1) / 2), 0)
    opening = ref(book_value_key(row.index), t - 1)
    if method == "declining balance":
        factor = inp(row.key("declining_factor")) if row.has("declining_factor") else Const(2)
        switch = maximum(factor / life * opening, (opening - salvage) / (life - Const(k - 1)))
        return when(within, maximum(minimum(switch, opening - salvage), 0), 0)
    if method == "macrs":
        rates = MACRS_HALF_YEAR[int(row.fields["useful_life"].value)]
        return cost * (rates[k - 1] / 100) if k <= len(rates) else Const(0)
    if method == "ru nonlinear":
        monthly = RU_MONTHLY_RATE[int(row.fields["depreciation_group"].value)] / 100
        return opening * (1 - (1 - monthly) ** 12)
    raise ValueError(f"unknown depreciation method {method!r}")


_ON_BALANCE = ("declining balance", "ru nonlinear")  # methods whose charge is a share of the opening book value


def _book_value(plant: Plant, row: Row, method: str, t: int) -> Expr:
    first = plant.construction_years - 1  # commissioned at the end of the last construction year
    if t < first:
        return Const(0)
    if t == first:
        return inp(row.key("cost"))
    if method in _ON_BALANCE:  # the row reads only its own previous year: the charge is written out in it
        return ref(book_value_key(row.index), t - 1) - _charge(plant, row, method, t)
    return ref(book_value_key(row.index), t - 1) - ref(depreciation_key(row.index), t)


def _depreciation(plant: Plant, row: Row, method: str, t: int) -> Expr:
    if method not in _ON_BALANCE:
        return _charge(plant, row, method, t)
    if t <= plant.construction_years - 1:
        return Const(0)
    return ref(book_value_key(row.index), t - 1) - ref(book_value_key(row.index), t)


def figures(plant: Plant) -> list[Figure | YearlyFigure]:
    """Per capital row: depreciation and closing book value by year; the residual book value at the end."""
    years, cur = plant.table_years, plant.currency
    items: list[Figure | YearlyFigure] = []
    for row in plant.rows("capital"):
        method = plant.finance.method(row.index) if plant.finance is not None else "straight-line"
        pair = [
            yearly(depreciation_key(row.index), f"{cur}/year",
                   lambda t, r=row, m=method: _depreciation(plant, r, m, t), years, name=row.name),
            yearly(book_value_key(row.index), cur, lambda t, r=row, m=method: _book_value(plant, r, m, t), years,
                   name=row.name),
        ]
        items += pair[::-1] if method in _ON_BALANCE else pair
    return items


def total_charge(plant: Plant, t: int) -> list[Expr]:
    """The depreciation cells of year ``t`` of every capital row."""
    return [ref(depreciation_key(row.index), t) for row in plant.rows("capital")]


def residual_figure(plant: Plant, book_values: list[str]) -> Figure:
    """The book value left at the last year of the table (useful lives longer than the horizon)."""
    years = plant.table_years
    return Figure("residual_book_value", label("residual_book_value"), plant.currency,
                  Round(total(*(ref(key, years) for key in book_values)), 2), SUMMARY, style="money")
