"""Discounted cash-flow metrics: NPV, IRR, payback and profitability index.

Every function is pure numpy and vectorized over many cases: one code path
serves a single case, a sensitivity sweep and a Monte Carlo run.

Conventions
-----------
- **Sign.** Cash flows are signed: an outflow (investment, cost) is negative,
  an inflow is positive.
- **Shape.** ``cash_flows`` has shape ``(..., n_years + 1)``. The last axis is
  the year, 0..N; the leading axes (possibly none) index cases.
- **Timing.** Year 0 is the investment and is *not* discounted. The flow of
  year t >= 1 falls at the end of year t and is discounted by ``(1 + rate)**t``.
- **Rates** are fractions per year (0.12 means 12 %), finite and above -1.
  ``rate`` broadcasts against the leading shape of ``cash_flows``, so a rate of
  shape ``(K, 1)`` and flows of shape ``(M, N + 1)`` give results of shape
  ``(K, M)``.
- **Excel.** Excel's ``NPV(rate, values)`` discounts its *first* argument too,
  so the results workbook writes ``=CF0+NPV(rate, CF1:CFn)`` for the NPV
  defined here.
- **Undefined is never a silent NaN.** A vectorized result carries a status
  (or a ``reached``/``defined`` flag) next to its values; a value is NaN only
  where that status says why, and the reports' text of a metric
  (``econ.report.document.metric_text``) never shows a NaN.
  Non-finite input flows or rates raise :class:`~econ.errors.ModelError`
  naming the case and year.

IRR in brief: with ``x = 1/(1 + rate)``, NPV is the polynomial
``sum_t CF_t x**t``; an IRR is a root ``x > 0``. By Descartes' rule of signs a
flow whose signs change exactly once (the ordinary "invest, then earn" flow)
has exactly one such root; one with no sign change has none; one with several
sign changes may have none, one or several, and all of them are reported.
:func:`irr` solves every case at once by bracketed bisection and Newton
steps, searching rates above 0 as ``x`` in (0, 1) and rates below 0 as
``1 + rate`` in (0, 1), so that no power overflows. Near a rate of 0 the IRR
carries an absolute error of about 1e-16 (that of ``1/x - 1``), not a
relative one; an IRR closer to -100 % than that shows as exactly -1.0.
Both finders below keep every root down to that limit: an IRR of
-99.9999998 % (``x`` about 6e8, far beyond where ``x**N`` overflows) is found
by both, and ``IRR_NO_ROOT`` means no root at all, not one too close to
-100 % to compute.
:func:`irr_roots` finds the roots of one case independently, from the
eigenvalues of the companion matrix, as ``numpy_financial.irr`` does (its
large eigenvalues, IRRs near -100 %, are checked as ``1 + rate``). The
root finders themselves are in :mod:`econ.model.irr`; here :func:`irr` checks
its input, counts sign changes, dispatches and reports a status per case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from econ import i18n
from econ.errors import ModelError
from econ.model.irr import (
    all_irrs,
    irr_single_sign_change,
    irrs_several_sign_changes,
    sign_changes,
)

__all__ = [
    "IRR_MULTIPLE",
    "IRR_NO_ROOT",
    "IRR_NO_SIGN_CHANGE",
    "IRR_OK",
    "IRR_REASONS",
    "IrrResult",
    "PaybackResult",
    "ProfitabilityIndexResult",
    "discount_factors",
    "discounted_cash_flows",
    "discounted_payback",
    "irr",
    "irr_roots",
    "npv",
    "payback",
    "profitability_index",
]

IRR_OK = 0
IRR_NO_SIGN_CHANGE = 1
IRR_NO_ROOT = 2
IRR_MULTIPLE = 3

IRR_REASONS: Mapping[int, str] = {
    IRR_OK: "",
    IRR_NO_SIGN_CHANGE: "undefined: cash flow never changes sign",
    IRR_NO_ROOT: "undefined: no rate above -100 % makes NPV zero",
    IRR_MULTIPLE: "several IRRs: see roots",
}
"""Reason text for each IRR status code."""

PI_UNDEFINED_REASON = "undefined: the year-0 flow is not an investment (CF_0 >= 0)"
PAYBACK_NO_INVESTMENT_REASON = i18n.text("metric.no_investment", "en")


# ---------------------------------------------------------------------------
# Input checks
# ---------------------------------------------------------------------------


def _as_cash_flows(cash_flows: ArrayLike) -> np.ndarray:
    """Return the flows as a float array of shape (..., n_years + 1); raise on bad input."""
    try:
        flows = np.asarray(cash_flows, dtype=float)
    except (TypeError, ValueError) as error:
        raise ModelError(
            f"cash_flows: expected numbers in an array of shape (..., n_years + 1), got {error}"
        ) from None
    if flows.ndim == 0 or flows.shape[-1] == 0:
        raise ModelError(
            "cash_flows: expected an array of shape (..., n_years + 1) with the year "
            f"on the last axis, got shape {flows.shape}"
        )
    bad = ~np.isfinite(flows)
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0])
        case = f"case {where[:-1]} " if flows.ndim > 1 else ""
        raise ModelError(
            f"cash flow of {case}year {where[-1]} is {flows[where]}: expected a finite "
            f"number ({int(bad.sum())} non-finite value(s) in all)"
        )
    return flows


def _as_rate(rate: ArrayLike) -> np.ndarray:
    """Return the discount rate as a float array; raise unless finite and above -1."""
    try:
        rates = np.asarray(rate, dtype=float)
    except (TypeError, ValueError) as error:
        raise ModelError(
            f"rate: expected a fraction or an array of fractions, got {error}"
        ) from None
    bad = ~(np.isfinite(rates) & (rates > -1.0))
    if bad.any():
        where = tuple(int(i) for i in np.argwhere(bad)[0]) if rates.ndim else ()
        label = f"rate{list(where)}" if where else "rate"
        raise ModelError(
            f"{label}: expected a finite fraction above -1 (-100 %), got {rates[where]}"
        )
    return rates


def _leading_shape(rates: np.ndarray, flows: np.ndarray) -> tuple[int, ...]:
    try:
        return np.broadcast_shapes(rates.shape, flows.shape[:-1])
    except ValueError:
        raise ModelError(
            f"rate of shape {rates.shape} does not broadcast against the cases of "
            f"cash_flows, shape {flows.shape[:-1]} (cash_flows is {flows.shape}, "
            "year on the last axis)"
        ) from None


def _growth_factors(rates: np.ndarray, n_years: int) -> np.ndarray:
    """(1 + rate)**t for t = 0..n_years, shape rates.shape + (n_years + 1,)."""
    return (1.0 + rates[..., np.newaxis]) ** np.arange(n_years + 1)


# ---------------------------------------------------------------------------
# NPV
# ---------------------------------------------------------------------------


def discount_factors(rate: ArrayLike, n_years: int) -> np.ndarray:
    """Discount factor of each year: ``1 / (1 + rate)**t`` for t = 0..n_years.

    Year 0 has factor 1 (not discounted). Returns shape ``rate.shape + (n_years + 1,)``.

    >>> discount_factors(0.25, 2).tolist()
    [1.0, 0.8, 0.64]
    >>> discount_factors([0.0, 1.0], 1).tolist()
    [[1.0, 1.0], [1.0, 0.5]]
    """
    if isinstance(n_years, bool) or not isinstance(n_years, (int, np.integer)) or n_years < 0:
        raise ModelError(f"n_years: expected a whole number >= 0, got {n_years!r}")
    return 1.0 / _growth_factors(_as_rate(rate), int(n_years))


def discounted_cash_flows(rate: ArrayLike, cash_flows: ArrayLike) -> np.ndarray:
    """Each flow divided by ``(1 + rate)**t``; year 0 unchanged.

    Shape: the broadcast of ``rate`` and the cases of ``cash_flows``, plus the
    year axis. This is the column that :func:`npv`, :func:`discounted_payback`
    and :func:`profitability_index` are built on.

    >>> discounted_cash_flows(0.1, [-100.0, 110.0, 121.0]).round(10).tolist()
    [-100.0, 100.0, 100.0]
    """
    flows = _as_cash_flows(cash_flows)
    rates = _as_rate(rate)
    _leading_shape(rates, flows)
    return flows / _growth_factors(rates, flows.shape[-1] - 1)


def npv(rate: ArrayLike, cash_flows: ArrayLike) -> np.ndarray:
    """Net present value: ``NPV = sum_{t=0..N} CF_t / (1 + rate)**t``.

    Year 0 is not discounted, as in ``numpy_financial.npv``, with which this
    agrees for one case. Excel's ``NPV()`` discounts its first argument, so
    the workbook writes ``=CF0+NPV(rate, CF1:CFn)``.

    Returns an array of the broadcast shape of ``rate`` and the cases of
    ``cash_flows`` (0-d for one case), in the currency of the flows.

    Example from numpy-financial's ``npv`` docstring (L. J. Gitman, Principles
    of Managerial Finance, Brief, 3rd ed., p. 346):

    >>> round(float(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])), 5)
    3065.22267

    A column of rates against a row of cases gives a rate-by-case table:

    >>> npv([[0.0], [0.25]], [[-100, 125], [-100, 150]]).tolist()
    [[25.0, 50.0], [0.0, 20.0]]
    """
    return discounted_cash_flows(rate, cash_flows).sum(axis=-1)


# ---------------------------------------------------------------------------
# IRR
# ---------------------------------------------------------------------------


def irr_roots(cash_flows_1d: ArrayLike) -> tuple[float, ...]:
    """Every internal rate of return above -1 of one cash flow, ascending.

    An IRR is a rate with ``sum_t CF_t / (1 + rate)**t = 0``. With
    ``x = 1/(1 + rate)`` this is the polynomial ``sum_t CF_t x**t``; its real
    roots ``x > 0`` (eigenvalues of the companion matrix with an imaginary part
    below 1e-6 of their modulus, polished by Newton steps and checked by their
    residual, in ``1/x`` where ``x > 1`` so that no power overflows) give
    the IRRs, ``rate = 1/x - 1``. Roots closer than 1e-7
    (relative, in x) count once. Returns ``()`` when there is none, and also
    for an all-zero flow (NPV is zero at every rate). An IRR closer to -1 than
    the float spacing there (1.1e-16) comes out as -1.0.

    Brealey, Myers and Allen's multiple-IRR example (after Lorie and Savage,
    1955) has IRRs of 25 % and 400 %:

    >>> [round(rate, 12) for rate in irr_roots([-1_600, 10_000, -10_000])]
    [0.25, 4.0]
    >>> irr_roots([-100, 50, -10])
    ()
    """
    flows = _as_cash_flows(cash_flows_1d)
    if flows.ndim != 1:
        raise ModelError(
            f"irr_roots takes one cash flow (shape (n_years + 1,)), got shape {flows.shape}; "
            "use irr() for many cases"
        )
    row = all_irrs(flows[np.newaxis, :])[0]
    return tuple(float(rate) for rate in row[np.isfinite(row)])


@dataclass(frozen=True, eq=False)
class IrrResult:
    """Vectorized IRR: one value and one status per case.

    - ``value`` (float, fraction per year): the IRR where ``status`` is
      ``IRR_OK``, NaN elsewhere.
    - ``status`` (int8): ``IRR_OK``, ``IRR_NO_SIGN_CHANGE``, ``IRR_NO_ROOT`` or
      ``IRR_MULTIPLE``; ``reason(index)`` gives its text (:data:`IRR_REASONS`).
    - ``all_roots`` (float, shape ``cases + (R,)``): every IRR of each case,
      ascending, padded with NaN up to R, the largest number of IRRs of any
      case. ``roots(index)`` gives one case's roots without the padding.
    """

    value: np.ndarray
    status: np.ndarray
    all_roots: np.ndarray

    def reason(self, index: Any = ()) -> str:
        """Why the IRR of one case is not a single number ("" when it is)."""
        return IRR_REASONS[int(self.status[index])]

    def roots(self, index: Any = ()) -> tuple[float, ...]:
        """Every IRR of one case, ascending: ``(value,)`` when ok, ``()`` when none."""
        row = self.all_roots[index]
        if row.ndim != 1:
            raise IndexError(f"index {index!r} selects more than one case of {self.status.shape}")
        return tuple(float(rate) for rate in row[~np.isnan(row)])


def irr(cash_flows: ArrayLike) -> IrrResult:
    """Internal rate of return of each case: the rate with ``NPV(rate) = 0``.

    ``sum_{t=0..N} CF_t / (1 + rate)**t = 0``, rate > -1, as a fraction per year.

    - No sign change: ``IRR_NO_SIGN_CHANGE``.
    - Exactly one sign change: exactly one IRR (Descartes' rule), found for
      all such cases at once by bisection then Newton steps, to full double
      precision.
    - Several sign changes: Descartes' rule on each half of the rate axis
      (below and above 0) settles most cases, solved like the above; the rest
      go through the eigenvalue root finder of :func:`irr_roots`, solved in
      batches. One IRR gives ``IRR_OK``; none ``IRR_NO_ROOT``; several
      ``IRR_MULTIPLE``, value NaN, with the IRRs in ``roots(index)``.

    Unlike ``numpy_financial.irr``, which returns the root nearest zero or NaN
    without saying why, every case gets a status and every root is kept.

    Example from numpy-financial's ``irr`` docstring (Gitman, p. 348):

    >>> result = irr([-100, 39, 59, 55, 20])
    >>> round(float(result.value), 5), int(result.status)
    (0.28095, 0)
    >>> result = irr([[-100, 230, -132], [100, 10, 0]])
    >>> result.status.tolist()
    [3, 1]
    >>> [round(rate, 12) for rate in result.roots(0)], result.reason(1)
    ([0.1, 0.2], 'undefined: cash flow never changes sign')
    """
    flows = _as_cash_flows(cash_flows)
    shape = flows.shape[:-1]
    table = flows.reshape(-1, flows.shape[-1])
    cases = table.shape[0]
    changes = sign_changes(table)

    status = np.full(cases, IRR_NO_SIGN_CHANGE, dtype=np.int8)
    single = np.flatnonzero(changes == 1)
    several = np.flatnonzero(changes >= 2)
    several_rates = (
        irrs_several_sign_changes(table[several]) if several.size else np.empty((0, 1))
    )
    count = np.count_nonzero(~np.isnan(several_rates), axis=1)
    widest = max(1, int(count.max(initial=0)))

    all_roots = np.full((cases, widest), np.nan)
    # every case with one sign change (the usual plant): the table itself, not a copy of its rows
    all_roots[single, 0] = irr_single_sign_change(table if single.size == cases else table[single])
    all_roots[several] = several_rates[:, :widest]
    status[single] = IRR_OK
    status[several] = np.select(
        [count == 0, count == 1], [IRR_NO_ROOT, IRR_OK], default=IRR_MULTIPLE
    )
    if np.isinf(all_roots).any():
        case = np.unravel_index(int(np.argwhere(np.isinf(all_roots))[0, 0]), shape)
        raise ModelError(
            f"IRR of case {tuple(int(i) for i in case)} is beyond the float range "
            "(the flows span more than about 300 orders of magnitude)"
        )
    value = np.where(status == IRR_OK, all_roots[:, 0], np.nan)
    return IrrResult(
        value=value.reshape(shape),
        status=status.reshape(shape),
        all_roots=all_roots.reshape(*shape, widest),
    )


# ---------------------------------------------------------------------------
# Payback
# ---------------------------------------------------------------------------


def _not_reached_reason(n_years: int) -> str:
    # the same text as the workbook's payback formula (econ.model.cashflow)
    return i18n.text("metric.not_reached", "en", years=n_years)


@dataclass(frozen=True, eq=False)
class PaybackResult:
    """Vectorized payback period: ``value`` in years (NaN where there is none), ``reached`` (bool),
    ``invested`` (bool, False where the cumulative flow is never negative: nothing to pay back), all of
    the shape of the cases; ``n_years`` is N."""

    value: np.ndarray
    reached: np.ndarray
    n_years: int
    invested: np.ndarray

    def reason(self, index: Any = ()) -> str:
        """"" when reached, else why there is no payback: nothing to pay back, or not reached within N years."""
        if bool(self.reached[index]):
            return ""
        return _not_reached_reason(self.n_years) if bool(self.invested[index]) else PAYBACK_NO_INVESTMENT_REASON


def _cumulative(flows: np.ndarray) -> np.ndarray:
    """``np.cumsum(flows, axis=-1)``, the same sums in the same order, a year at a time over all cases
    (about twice as fast for many cases of a few years)."""
    cumulative = np.empty_like(flows)
    cumulative[..., 0] = flows[..., 0]
    for year in range(1, flows.shape[-1]):
        np.add(cumulative[..., year - 1], flows[..., year], out=cumulative[..., year])
    return cumulative


def _payback_of(flows: np.ndarray) -> PaybackResult:
    cumulative = _cumulative(flows)
    invested = (cumulative < 0).any(axis=-1)
    # a recovery in year t: cum_{t-1} < 0 <= cum_t, for t = 1..N (index t - 1)
    recoveries = (cumulative[..., :-1] < 0) & (cumulative[..., 1:] >= 0)
    reached = recoveries.any(axis=-1)
    if recoveries.shape[-1] == 0:  # year 0 alone: nothing can be recovered
        return PaybackResult(np.full(reached.shape, np.nan), reached, 0, invested)
    year = np.argmax(recoveries, axis=-1)[..., np.newaxis] + 1  # the first recovery
    before = np.take_along_axis(cumulative, year - 1, axis=-1)[..., 0]
    flow = np.take_along_axis(flows, year, axis=-1)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        # cum_{t-1} < 0 <= cum_t implies CF_t > 0 wherever this is used
        within_year = (year[..., 0] - 1) + (-before) / flow
    value = np.where(reached, within_year, np.nan)
    return PaybackResult(value=value, reached=reached, n_years=flows.shape[-1] - 1, invested=invested)


def payback(cash_flows: ArrayLike) -> PaybackResult:
    """Simple payback period in years, linear within the year it is reached.

    With ``cum_t = CF_0 + ... + CF_t``, t is the first year >= 1 with
    ``cum_{t-1} < 0 <= cum_t`` and ``payback = (t - 1) + (-cum_{t-1}) / CF_t``.
    If the cumulative flow is never negative there is nothing to pay back: no
    value, ``invested`` is False ("undefined", like the profitability index
    without an investment). If it goes negative and stays so up to year N,
    ``reached`` is False ("not reached within N years"). A later drop back below
    zero does not undo a payback. The results workbook mirrors exactly this
    definition in a helper column.

    >>> result = payback([-1000, 300, 400, 500, 200])  # cum: -1000 -700 -300 200
    >>> round(float(result.value), 12), bool(result.reached)
    (2.6, True)
    >>> payback([-1000, 100, 100]).reason()
    'not reached within 2 years'
    >>> payback([0, 10, 20]).reason()
    'undefined: the cumulative cash flow is never negative, so there is nothing to pay back'
    """
    return _payback_of(_as_cash_flows(cash_flows))


def discounted_payback(rate: ArrayLike, cash_flows: ArrayLike) -> PaybackResult:
    """Payback period of the discounted flows ``CF_t / (1 + rate)**t``.

    The same definition as :func:`payback`, applied to
    :func:`discounted_cash_flows`. For rate >= 0 it is never shorter than the
    simple payback.

    >>> round(float(discounted_payback(0.1, [-100, 55, 60.5, 66.55]).value), 12)
    2.0
    """
    return _payback_of(discounted_cash_flows(rate, cash_flows))


# ---------------------------------------------------------------------------
# Profitability index
# ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ProfitabilityIndexResult:
    """Vectorized profitability index: ``value`` (NaN where not defined) and
    ``defined`` (bool, False where CF_0 >= 0)."""

    value: np.ndarray
    defined: np.ndarray

    def reason(self, index: Any = ()) -> str:
        """"" when defined, else why not."""
        return "" if bool(self.defined[index]) else PI_UNDEFINED_REASON


def profitability_index(rate: ArrayLike, cash_flows: ArrayLike) -> ProfitabilityIndexResult:
    """Profitability index: ``PI = (sum_{t=1..N} CF_t / (1 + rate)**t) / (-CF_0)``.

    Present value of the flows from year 1 on per unit of year-0 investment
    (so ``PI = 1 + NPV / (-CF_0)``). Undefined where ``CF_0 >= 0``.

    Same flows as numpy-financial's ``npv`` example: (3065.22267 + 40000) / 40000.

    >>> round(float(profitability_index(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]).value), 9)
    1.076630567
    >>> profitability_index(0.08, [0, 5_000]).reason()
    'undefined: the year-0 flow is not an investment (CF_0 >= 0)'
    """
    discounted = discounted_cash_flows(rate, cash_flows)
    investment = -discounted[..., 0]
    later = discounted[..., 1:].sum(axis=-1)
    defined = investment > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        value = np.where(defined, later / investment, np.nan)
    return ProfitabilityIndexResult(value=value, defined=defined)
