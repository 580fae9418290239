"""Recurring replacements (membranes, electrodes, anodes) of the Replacements table.

A replacement costs its base-year cost escalated at the replacements rate, (1 + e)^t in year t, and falls at the
end of operating years interval, 2 x interval, ... before the last operating year (a replacement at the end of
the horizon would serve no year of it). ``expensed`` (the default) charges it as an operating cost of its year;
``capitalised`` makes it an investment of its year, depreciated straight-line over the interval from the next
year, its book value left at the horizon counted in the residual book value.
"""

from __future__ import annotations

from econ.inputs.plant import Plant, Row
from econ.model import escalation
from econ.model.dcf_expr import Mod
from econ.model.expr import AllOf, Const, Expr, compare, inp, ref, total, when
from econ.model.figures import YearlyFigure
from econ.model.timeline import operating_year, yearly


def cost_key(index: int) -> str:
    return f"cf.replacement.{index}.cost"


def depreciation_key(index: int) -> str:
    return f"cf.replacement.{index}.depreciation"


def book_value_key(index: int) -> str:
    return f"cf.replacement.{index}.book_value"


def treatment(plant: Plant, row: Row) -> str:
    return plant.finance.treatment.get(row.index, "expensed") if plant.finance is not None else "expensed"


def _cost(plant: Plant, row: Row, t: int) -> Expr:
    k = operating_year(plant, t)
    if k == 0 or k >= plant.service_life_years:
        return Const(0)
    interval = inp(row.key("interval"))
    due = compare(Mod(Const(k), interval), "=", 0)
    return when(due, escalation.scaled(inp(row.key("cost")), escalation.factor(plant, "replacements", t)), 0)


def _depreciation(plant: Plant, row: Row, t: int) -> Expr:
    interval = inp(row.key("interval"))
    first = plant.construction_years
    terms = [when(AllOf((compare(Const(t - s), "<=", interval),)), ref(cost_key(row.index), s) / interval, 0)
             for s in range(first, t)]
    return total(*terms) if terms else Const(0)


def _book_value(row: Row, t: int) -> Expr:
    if t == 0:
        return Const(0)
    return ref(book_value_key(row.index), t - 1) + ref(cost_key(row.index), t) - ref(depreciation_key(row.index), t)


def figures(plant: Plant) -> list[YearlyFigure]:
    """Per replacement: its cost by year; a capitalised one also its depreciation and book value."""
    years, cur = plant.table_years, plant.currency
    items: list[YearlyFigure] = []
    for row in plant.rows("replacements"):
        items.append(yearly(cost_key(row.index), f"{cur}/year", lambda t, r=row: _cost(plant, r, t), years,
                            name=row.name))
        if treatment(plant, row) == "capitalised":
            items += [
                yearly(depreciation_key(row.index), f"{cur}/year", lambda t, r=row: _depreciation(plant, r, t),
                       years, name=row.name),
                yearly(book_value_key(row.index), cur, lambda t, r=row: _book_value(r, t), years, name=row.name),
            ]
    return items


def rows_of(plant: Plant, kind: str) -> list[Row]:
    """The replacements treated as ``kind`` (expensed or capitalised)."""
    return [row for row in plant.rows("replacements") if treatment(plant, row) == kind]
