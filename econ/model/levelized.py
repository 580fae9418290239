"""Levelized cost: the base-year price of the main product at which the project NPV is zero, and its breakdown.

The main product is the Products row Finance!levelized_product (saved water, in RUB per m^3 treated; a metal, in
RUB per t). Its price escalates like the other products: p (1 + e)^t in year t. The rows ``lc.`` are the project
cash flow at the levelized price p*: the other rows do not depend on the price; revenue, working capital and
income tax (with its loss carry-forward) are recomputed. The NPV is piecewise linear and increasing in the
price, so econ brackets the root and bisects, then takes the secant step on the last bracket (exact on a
linear piece). No formula can solve for p*: the results workbook holds the number, and the ``lc.`` rows and the
NPV at p* (0, to the kopeck) are live formulas.

Breakdown: with Q the present value of the escalated quantity, p* = sum over the cash-flow lines r of
-PV(r) / Q: what each line (investment, energy, labour, taxes, working capital, other revenue) adds to the price.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from econ.errors import ModelError
from econ.inputs.plant import Plant
from econ.model import escalation, working_capital
from econ.model.dcf_expr import Round, Solved
from econ.model.expr import Npv, inp, ref, total
from econ.model.figures import SUMMARY, Figure, YearlyFigure, label
from econ.model.taxes import income_tax_rows
from econ.model.timeline import THROUGHPUT_SHARE, yearly

PRICE, QUANTITY, QUANTITY_PV = "levelized_price", "lc.quantity", "lc.quantity_pv"
MAIN, OTHER, REVENUE, PRE_TAX, TAX, FLOW, NPV = ("lc.main_revenue", "lc.other_revenue", "lc.revenue",
                                                 "lc.pre_tax_profit", "lc.income_tax", "lc.net_cash_flow", "lc.npv")


def used(plant: Plant) -> bool:
    return plant.finance is not None and plant.finance.levelized_product is not None


def _rows(plant: Plant, lines: list[str]) -> list[YearlyFigure]:
    years, cur = plant.table_years, plant.currency
    index = plant.finance.levelized_product
    quantity, price = f"products.{index}.quantity_per_month", f"products.{index}.price"
    row = next(row for row in plant.rows("products") if row.index == index)
    money = f"{cur}/year"
    wc = working_capital.used(plant)
    rows = [
        yearly(QUANTITY, f"{row.unit}/year", lambda t: escalation.scaled(
            ref(quantity) * inp("months_per_year") * ref(THROUGHPUT_SHARE, t),
            escalation.factor(plant, "products", t)), years, style="number"),
        yearly(MAIN, money, lambda t: ref(PRICE) * ref(QUANTITY, t), years),
        yearly(OTHER, money, lambda t: ref("cf.revenue", t) - inp(price) * ref(QUANTITY, t), years),
        yearly(REVENUE, money, lambda t: ref(MAIN, t) + ref(OTHER, t), years),
        *(working_capital.figures(plant, "lc", REVENUE) if wc else []),
        yearly(PRE_TAX, money, lambda t: ref("cf.pre_tax_profit", t) - ref("cf.revenue", t) + ref(REVENUE, t), years),
        *income_tax_rows(plant, "lc", PRE_TAX, TAX),
    ]
    rows.append(yearly(FLOW, money, lambda t: total(*(ref(key, t) for key in (MAIN, *components(plant, lines)))),
                       years))
    return rows


def components(plant: Plant, lines: list[str]) -> list[str]:
    """The rows whose sum with the main product's revenue is the project flow at the levelized price."""
    wc = ["lc.working_capital_change", "lc.working_capital_release"] if working_capital.used(plant) else []
    return [OTHER, *lines, TAX, *wc]


def _solver(rows: list[YearlyFigure], price_key: str):
    def npv_at(env: dict, price: np.ndarray) -> np.ndarray:
        from econ.model.metrics import npv

        env[PRICE] = price
        for figure in rows:
            values = _Years()
            env[figure.key] = values  # a row reads its own earlier years (losses carried)
            for expr in figure.exprs:
                values.append(np.asarray(expr.evaluate(env), dtype=float))
            env[figure.key] = np.stack(np.broadcast_arrays(*values), axis=-1)
        return npv(env[escalation.NOMINAL_RATE], env[FLOW])

    def solve(env: Mapping[str, np.ndarray]) -> np.ndarray:
        work = dict(env)
        start = np.asarray(env[price_key], dtype=float)
        span = np.maximum(np.abs(start), 1.0)
        low, high = start - span, start + span
        for _ in range(200):
            below, above = npv_at(work, low) > 0, npv_at(work, high) < 0
            if not below.any() and not above.any():
                break
            low, high = np.where(below, low - 2 * (high - low), low), np.where(above, high + 2 * (high - low), high)
        else:
            raise ModelError(f"{PRICE}: the project NPV does not change sign for prices from {float(np.min(low)):g} "
                             f"to {float(np.max(high)):g}: no price of the main product makes it zero")
        for _ in range(80):
            middle = (low + high) / 2
            positive = npv_at(work, middle) >= 0
            low, high = np.where(positive, low, middle), np.where(positive, middle, high)
        npv_low, npv_high = npv_at(work, low), npv_at(work, high)
        slope = npv_high - npv_low
        with np.errstate(divide="ignore", invalid="ignore"):
            secant = np.where(slope > 0, low - npv_low * (high - low) / np.where(slope > 0, slope, 1.0), high)
        return np.clip(secant, low, high)

    return solve


class _Years(list):
    """The years of a row evaluated so far, indexable like the finished array (as econ.model.figures does)."""

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, tuple) and len(index) == 2 and index[0] is Ellipsis:
            return list.__getitem__(self, index[1])
        return list.__getitem__(self, index)


def figures(plant: Plant, lines: list[str]) -> list[Figure | YearlyFigure]:
    """The solved price, the ``lc.`` rows at it, the NPV at it, and the breakdown of the price."""
    years, cur = plant.table_years, plant.currency
    index = plant.finance.levelized_product
    row = next(row for row in plant.rows("products") if row.index == index)
    rows = _rows(plant, lines)
    own = {figure.key for figure in rows} | {PRICE}
    reads = frozenset(set().union(*(expr.keys() for figure in rows for expr in figure.exprs)) - own
                      | {escalation.NOMINAL_RATE})
    unit = f"{cur}/{row.unit}"
    rate = ref(escalation.NOMINAL_RATE)
    items: list[Figure | YearlyFigure] = [
        Figure(PRICE, label(PRICE, row.name), unit, Solved(_solver(rows, f"products.{index}.price"), reads), SUMMARY,
               style="money"),
        *rows,
        Figure(NPV, label(NPV), cur, Round(Npv(rate, FLOW, years), 2), SUMMARY, style="money"),
        Figure(QUANTITY_PV, label(QUANTITY_PV), row.unit, Npv(rate, QUANTITY, years), SUMMARY, style="number"),
    ]
    parts = []
    for key in components(plant, lines):
        part = f"levelized.{key.split('.', 1)[1]}"
        parts.append(part)
        items.append(Figure(part, label(part), unit, -Npv(rate, key, years) / ref(QUANTITY_PV), SUMMARY,
                            style="money"))
    items.append(Figure("levelized.total", label("levelized.total"), unit, total(*(ref(part) for part in parts)),
                        SUMMARY, style="money"))
    return items
