"""The timeline of the full DCF: construction years, operating years, ramp-up.

Years 0..C-1 are construction, in which the capital is spent by the Timeline sheet's shares (C = 1 without a
Timeline: all in year 0, as in the plain cash flow). Operating years are C..C+N-1, N being Project!service_life
(the analysis horizon, in operating years); operating year k = t - C + 1 of table year t. Each item keeps its own
useful life, which may be shorter or longer than the horizon. The ramp-up share (Timeline!throughput_share) of
operating year k scales everything that follows the throughput: revenue, energy, reagents and losses; labour and
maintenance are fixed.
"""

from __future__ import annotations

from collections.abc import Callable

from econ.inputs.plant import Plant
from econ.model.expr import Const, Expr, inp
from econ.model.figures import YearlyFigure, label

OPERATING_YEAR, CAPITAL_SHARE, THROUGHPUT_SHARE = "cf.operating_year", "cf.capital_share", "cf.throughput_share"


def yearly(key: str, unit: str, build: Callable[[int], Expr], years: int, style: str = "money",
           name: str = "") -> YearlyFigure:
    """A row of the cash-flow table, years 0..``years``; ``build(t)`` is year t's expression."""
    return YearlyFigure(key, label(key, name), unit, tuple(build(t) for t in range(years + 1)), style=style)


def operating_year(plant: Plant, t: int) -> int:
    """Operating year of table year ``t``: 1 in the first year of operation, 0 during construction."""
    return max(t - plant.construction_years + 1, 0)


def capital_share(plant: Plant, t: int) -> Expr:
    """Share of the capital spent in year ``t`` (an input of the Timeline sheet, or 1 in year 0)."""
    finance = plant.finance
    if finance is None or not finance.capital_share_keys:
        return Const(1 if t == 0 else 0)
    return inp(finance.capital_share_keys[t]) if t < len(finance.capital_share_keys) else Const(0)


def throughput_share(plant: Plant, t: int) -> Expr:
    """Ramp-up share of year ``t``: 0 in construction, the Timeline's share, else 1."""
    k = operating_year(plant, t)
    if k == 0:
        return Const(0)
    key = plant.finance.ramp_keys.get(k) if plant.finance is not None else None
    return inp(key) if key else Const(1)


def figures(plant: Plant) -> list[YearlyFigure]:
    """The operating year, capital share and throughput share of each year."""
    years = plant.table_years
    return [
        yearly(OPERATING_YEAR, "year", lambda t: Const(operating_year(plant, t)), years, style="year"),
        yearly(CAPITAL_SHARE, "fraction", lambda t: capital_share(plant, t), years, style="fraction"),
        yearly(THROUGHPUT_SHARE, "fraction", lambda t: throughput_share(plant, t), years, style="fraction"),
    ]
