"""Metrics of the equity view and of debt service (econ.model.debt), from rows of the cash-flow table."""

from __future__ import annotations

import numpy as np

from econ.inputs.plant import Plant
from econ.model import metrics
from econ.model.debt import DSCR, EQUITY_FLOW
from econ.model.expr import Npv, Text, YearRange, call, compare, inp, when
from econ.model.figures import SUMMARY, Figure, MetricFigure, MetricValues, label

NO_DEBT_SERVICE = "undefined: no year has a debt service"


def _equity_irr(env) -> MetricValues:
    result = metrics.irr(env[EQUITY_FLOW])
    roots = result.roots() if result.value.ndim == 0 else ()
    return MetricValues(result.value, result.status, dict(metrics.IRR_REASONS), roots)


def _min_dscr(env) -> MetricValues:
    values = np.asarray(env[DSCR], dtype=float)
    defined = ~np.isnan(values)
    some = defined.any(axis=-1)
    least = np.where(defined, values, np.inf).min(axis=-1)
    return MetricValues(np.where(some, least, np.nan), np.where(some, 0, 1), {1: NO_DEBT_SERVICE})


def equity_metrics(plant: Plant, rate_key: str) -> list[Figure | MetricFigure]:
    """Equity NPV (at ``rate_key``), equity IRR and the minimum DSCR."""
    years, cur = plant.table_years, plant.currency
    flows = YearRange(EQUITY_FLOW, 0, years)
    dscr = YearRange(DSCR, 0, years)
    no_sign_change = metrics.IRR_REASONS[metrics.IRR_NO_SIGN_CHANGE]
    no_root = metrics.IRR_REASONS[metrics.IRR_NO_ROOT]
    return [
        Figure("equity_npv", label("equity_npv"), cur, Npv(inp(rate_key), EQUITY_FLOW, years), SUMMARY, "money"),
        MetricFigure(
            "equity_irr", label("equity_irr"), "fraction", _equity_irr,
            when(compare(call("COUNTIF", flows, ">0") * call("COUNTIF", flows, "<0"), "=", 0), Text(no_sign_change),
                 call("IFERROR", call("IRR", flows), no_root)),
            style="fraction"),
        MetricFigure("min_dscr", label("min_dscr"), "-", _min_dscr,
                     when(compare(call("COUNT", dscr), "=", 0), Text(NO_DEBT_SERVICE), call("MIN", dscr)),
                     style="ratio"),
    ]
