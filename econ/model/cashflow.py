"""The annual cash-flow table and the metrics that come from it.

Conventions:

- Timing: year 0 is the investment; operating flows fall at the end of years
  1..N, N being the service life. Salvage value comes in year N.
- Sign: in this table inflows are positive and outflows negative.
- Annual operating figures are the monthly ones times the operating months per
  year.
- Income tax = tax rate x pre-tax profit where that is positive (no loss
  carry-forward). Pre-tax profit = revenue - cash operating costs -
  depreciation; depreciation is then added back as a non-cash cost.
- NPV discounts year t by (1 + rate)^t and leaves year 0 undiscounted. Excel's
  NPV() discounts its first argument, so the workbook writes
  ``=CF0+NPV(rate, CF1:CFn)``.
- Payback is the first year in which the cumulative flow is no longer negative,
  interpolated linearly within that year; if it never is, "not reached".

Every metric comes from the one table built here.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from econ import i18n
from econ.inputs.plant import Plant
from econ.model import metrics, products
from econ.model.chain import revenue_terms
from econ.model.expr import (
    AllOf, Blank, Const, Expr, Npv, Text, YearRange, call, compare, inp, maximum, ref, total, when,
)
from econ.model.figures import SUMMARY, Figure, label, MetricFigure, MetricValues, YearlyFigure

NET_CASH_FLOW = "cf.net_cash_flow"
CUMULATIVE = "cf.cumulative"
DISCOUNTED = "cf.discounted"
CUMULATIVE_DISCOUNTED = "cf.cumulative_discounted"


def _yearly(key: str, title: str, unit: str, build, years: int, style: str = "money") -> YearlyFigure:
    return YearlyFigure(key, title, unit, tuple(build(t) for t in range(years + 1)), style=style)


def crossing(cumulative: str, flows: str, t: int, year_key: str = "cf.year") -> Expr:
    """Payback within year t: (t - 1) + (-cum_{t-1}) / CF_t where the cumulative flow turns non-negative."""
    if t == 0:
        return Blank()
    return when(
        AllOf((compare(ref(cumulative, t - 1), "<", 0), compare(ref(cumulative, t), ">=", 0))),
        ref(year_key, t - 1) - ref(cumulative, t - 1) / ref(flows, t),
        Blank(),
    )


def payback_formula(cumulative: str, crossing: str, years: int) -> Expr:
    """The first recovery (the least crossing); else "undefined" where the cumulative flow is never
    negative, "not reached" where it stays negative (econ.model.metrics.payback)."""
    not_reached = i18n.text("metric.not_reached", "en", years=years)
    crossings = YearRange(crossing, 1, years)
    never_negative = compare(call("MIN", YearRange(cumulative, 0, years)), ">=", 0)
    return when(compare(call("COUNT", crossings), ">", 0), call("MIN", crossings),
                when(never_negative, Text(metrics.PAYBACK_NO_INVESTMENT_REASON), Text(not_reached)))


def irr_values(flows: np.ndarray) -> MetricValues:
    """The IRR of cash flows (one case or many) as MetricValues; a single case keeps all its roots."""
    result = metrics.irr(flows)
    roots = result.roots() if result.value.ndim == 0 else ()
    return MetricValues(result.value, result.status, dict(metrics.IRR_REASONS), roots)


def _irr_values(env: Mapping[str, np.ndarray]) -> MetricValues:
    return irr_values(env[NET_CASH_FLOW])


PAYBACK_NOT_REACHED, PAYBACK_NO_INVESTMENT = 1, 2  # MetricValues statuses of a payback without a value


def payback_values(result: metrics.PaybackResult) -> MetricValues:
    """A payback result as MetricValues: status 1 where it is not reached, 2 where nothing is to pay back."""
    status = np.where(result.reached, 0, np.where(result.invested, PAYBACK_NOT_REACHED, PAYBACK_NO_INVESTMENT))
    return MetricValues(result.value, status, {
        PAYBACK_NOT_REACHED: i18n.text("metric.not_reached", "en", years=result.n_years),
        PAYBACK_NO_INVESTMENT: metrics.PAYBACK_NO_INVESTMENT_REASON})


def figures(plant: Plant) -> list[Figure | YearlyFigure | MetricFigure]:
    """The cash-flow table, years 0..N, and NPV, IRR, paybacks and profitability index.

    A workbook with a Finance, Timeline or Replacements sheet, or a Capital depreciation_method column
    (``plant.finance``), gets the full DCF's rows in the same table: construction and ramp-up, escalation,
    replacements, depreciation by method, working capital, taxes with losses carried forward, debt and the
    equity view, and the levelized price (econ.model.dcf_rows); one without them gets exactly the plain table.
    """
    if plant.finance is not None:
        from econ.model import dcf_rows

        head, rate_key, extra = dcf_rows.head(plant)
    else:
        head, rate_key, extra = _plain_head(plant), "discount_rate", []
    return head + _tail(plant, rate_key) + extra


def _plain_head(plant: Plant) -> list[Figure | YearlyFigure | MetricFigure]:
    """The rows of the plain table up to the net cash flow: constant years, straight-line depreciation."""
    years = plant.service_life_years
    cur = plant.currency
    capital_rows = plant.rows("capital")
    annual = inp("months_per_year")
    revenue = monthly_revenue(plant)

    def depreciation(t: int) -> Expr:
        if t == 0 or not capital_rows:
            return Const(0)
        return -total(*(
            when(compare(ref("cf.year", t), "<=", inp(row.key("useful_life"))),
                 ref(f"capital.{row.index}.depreciation_per_year"), 0)
            for row in capital_rows
        ))

    return [
        _yearly("cf.year", label("cf.year"), "year", lambda t: Const(t), years, style="year"),
        _yearly("cf.revenue", label("cf.revenue"), f"{cur}/year",
                lambda t: Const(0) if t == 0 else revenue * annual, years),
        _yearly("cf.operating_costs", label("cf.operating_costs"), f"{cur}/year",
                lambda t: Const(0) if t == 0 else
                -((ref("cash_opex_per_month") + ref("loss_cost_per_month")) * annual), years),
        _yearly("cf.depreciation", label("cf.depreciation"), f"{cur}/year", depreciation, years),
        _yearly("cf.pre_tax_profit", label("cf.pre_tax_profit"), f"{cur}/year",
                lambda t: total(ref("cf.revenue", t), ref("cf.operating_costs", t), ref("cf.depreciation", t)),
                years),
        _yearly("cf.income_tax", label("cf.income_tax"), f"{cur}/year",
                lambda t: -(inp("income_tax_rate") * maximum(ref("cf.pre_tax_profit", t), 0)), years),
        _yearly("cf.depreciation_added_back", label("cf.depreciation_added_back"), f"{cur}/year",
                lambda t: -ref("cf.depreciation", t), years),
        _yearly("cf.investment", label("cf.investment"), f"{cur}/year",
                lambda t: -ref("capital_total") if t == 0 else Const(0), years),
        _yearly("cf.salvage", label("cf.salvage"), f"{cur}/year",
                lambda t: ref("salvage_total") if t == years else Const(0), years),
        _yearly(NET_CASH_FLOW, label(NET_CASH_FLOW), f"{cur}/year",
                lambda t: total(ref("cf.pre_tax_profit", t), ref("cf.income_tax", t),
                                ref("cf.depreciation_added_back", t), ref("cf.investment", t),
                                ref("cf.salvage", t)), years),
    ]


def monthly_revenue(plant: Plant) -> Expr:
    """Revenue per operating month: by-products, the process chain's products and the Products sheet."""
    chain_revenue = revenue_terms(plant) + products.revenue_terms(plant)  # and the Products sheet's
    return total(ref("byproduct_revenue_per_month"), *chain_revenue) if chain_revenue \
        else ref("byproduct_revenue_per_month")


def _tail(plant: Plant, rate_key: str) -> list[Figure | YearlyFigure | MetricFigure]:
    """Cumulative and discounted flows, paybacks, NPV (at ``rate_key``), IRR and profitability index."""
    years = plant.table_years
    cur = plant.currency
    rate = inp(rate_key)
    table: list[Figure | YearlyFigure | MetricFigure] = [
        _yearly(CUMULATIVE, label(CUMULATIVE), cur,
                lambda t: ref(NET_CASH_FLOW, 0) if t == 0 else ref(CUMULATIVE, t - 1) + ref(NET_CASH_FLOW, t),
                years),
        _yearly("cf.discount_factor", label("cf.discount_factor"), "-",
                lambda t: 1 / (1 + rate) ** ref("cf.year", t), years, style="factor"),
        _yearly(DISCOUNTED, label(DISCOUNTED), f"{cur}/year",
                lambda t: ref(NET_CASH_FLOW, t) * ref("cf.discount_factor", t), years),
        _yearly(CUMULATIVE_DISCOUNTED, label(CUMULATIVE_DISCOUNTED), cur,
                lambda t: ref(DISCOUNTED, 0) if t == 0 else ref(CUMULATIVE_DISCOUNTED, t - 1) + ref(DISCOUNTED, t),
                years),
        _yearly("cf.payback_crossing", label("cf.payback_crossing"), "year",
                lambda t: crossing(CUMULATIVE, NET_CASH_FLOW, t), years, style="years"),
        _yearly("cf.discounted_payback_crossing", label("cf.discounted_payback_crossing"), "year",
                lambda t: crossing(CUMULATIVE_DISCOUNTED, DISCOUNTED, t), years, style="years"),
    ]
    flows = YearRange(NET_CASH_FLOW, 0, years)
    no_sign_change = metrics.IRR_REASONS[metrics.IRR_NO_SIGN_CHANGE]
    no_root = metrics.IRR_REASONS[metrics.IRR_NO_ROOT]
    table += [
        Figure("npv", label("npv"), cur, Npv(rate, NET_CASH_FLOW, years), SUMMARY,
               "money"),
        MetricFigure(
            "irr", label("irr"), "fraction", _irr_values,
            when(compare(call("COUNTIF", flows, ">0") * call("COUNTIF", flows, "<0"), "=", 0), Text(no_sign_change),
                 call("IFERROR", call("IRR", flows), no_root)),
            style="fraction"),
        MetricFigure(
            "payback", label("payback"), "year",
            lambda env: payback_values(metrics.payback(env[NET_CASH_FLOW])),
            payback_formula(CUMULATIVE, "cf.payback_crossing", years), style="years"),
        MetricFigure(
            "discounted_payback", label("discounted_payback"), "year",
            lambda env: payback_values(metrics.payback(env[DISCOUNTED])),
            payback_formula(CUMULATIVE_DISCOUNTED, "cf.discounted_payback_crossing", years), style="years"),
        MetricFigure(
            "profitability_index", label("profitability_index"), "-",
            lambda env: profitability_values(metrics.profitability_index(env[rate_key], env[NET_CASH_FLOW])),
            when(compare(ref(NET_CASH_FLOW, 0), "<", 0), (ref("npv") - ref(NET_CASH_FLOW, 0)) / -ref(NET_CASH_FLOW, 0),
                 Text(metrics.PI_UNDEFINED_REASON)),
            style="ratio"),
    ]
    return table


def profitability_values(result: metrics.ProfitabilityIndexResult) -> MetricValues:
    """A profitability index result as MetricValues: status 1 where it is undefined (no investment)."""
    return MetricValues(result.value, np.where(result.defined, 0, 1), {1: metrics.PI_UNDEFINED_REASON})
