"""IRR root finding: the numerics behind :func:`econ.model.metrics.irr` and ``irr_roots``.

This module holds the solvers, their helpers and their tolerances only; the
public API, its input checks, status codes and conventions are in
:mod:`econ.model.metrics`. The four functions exported here take a 2-d float
table of shape (cases, n_years + 1), already checked to be finite, and solve
all its rows at once:

- :func:`sign_changes` counts the sign changes of each row, which decides the
  path below (Descartes' rule of signs).
- :func:`irr_single_sign_change`: exactly one sign change, hence exactly one
  IRR, found by bracketed bisection then Newton steps in (0, 1], as
  ``x = 1/(1 + rate)`` for rates above 0 or ``y = 1 + rate`` below 0.
- :func:`irrs_several_sign_changes`: Descartes' rule on each half of the rate
  axis settles most rows (up to two IRRs per half), solved like the above; the
  rest fall back to :func:`all_irrs`.
- :func:`all_irrs`: every IRR of any flow, from the eigenvalues of the
  companion matrices, batched over rows of equal degree, polished by Newton
  steps and checked by their residual.

Every path evaluates its polynomial only at points in (0, 1]: rates above 0
as ``x = 1/(1 + rate)``, rates below 0 as ``1 + rate`` (the flows reversed),
so no power overflows. An IRR just above -100 % (``x`` of 1e8 or more, where
``x**N`` leaves the float range for N of 40) is thus found and checked like
any other, by every path; only its last step, ``rate = (1 + rate) - 1``,
rounds to the float spacing at -1 (1.1e-16), and an IRR closer to -100 %
than that comes out as -1.0.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "all_irrs",
    "irr_single_sign_change",
    "irrs_several_sign_changes",
    "sign_changes",
]

_EPS = float(np.finfo(float).eps)
# Vectorized IRR of flows with one sign change: bisection steps (bracket width
# 2**-14 of (0, 1]), then at most this many Newton steps, each replaced by a
# bisection step if it would leave the bracket; rows still moving after that
# go to the eigenvalue root finder.
_BISECTION_STEPS = 14
_MAX_POLISH_STEPS = 10
# Root finder for any flow (irr_roots): Newton steps polishing each eigenvalue
# of the companion matrix. An eigenvalue counts as real when its imaginary part
# is below _REAL_ROOT_IMAG_TOL of its modulus (a double root comes out of the
# eigenvalue solver as a pair about sqrt(eps) ~ 1.5e-8 off the real axis), and
# is kept if, after polishing, |NPV| there is below _ROOT_RESIDUAL_TOL of the
# sum of |discounted flows|.
_ROOT_NEWTON_STEPS = 4
_REAL_ROOT_IMAG_TOL = 1e-6
_ROOT_RESIDUAL_TOL = 1e-9
# Two roots closer than this (relative, in x = 1/(1+rate)) are one root.
_DUPLICATE_ROOT_TOL = 1e-7


# ---------------------------------------------------------------------------
# Sign changes and polynomials
# ---------------------------------------------------------------------------


def sign_changes(table: np.ndarray) -> np.ndarray:
    """Number of sign changes along each row of a 2-d table, zeros skipped."""
    signs = np.ascontiguousarray(np.sign(table).astype(np.int8).T)  # (year, case)
    changes = np.zeros(table.shape[0], dtype=np.int64)
    carried = signs[0].copy()  # sign of the last nonzero flow so far (0 before any)
    for year_signs in signs[1:]:
        changes += year_signs * carried < 0
        np.copyto(carried, year_signs, where=year_signs != 0)
    return changes


def _first_nonzero_sign(table: np.ndarray) -> np.ndarray:
    first = np.argmax(table != 0, axis=1)
    return np.sign(table[np.arange(table.shape[0]), first])


def _horner(columns: np.ndarray, point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polynomial ``sum_t columns[t] * point**t`` and its derivative, elementwise."""
    value = columns[-1].copy()
    slope = np.zeros_like(value)
    for coefficient in columns[-2::-1]:
        slope *= point
        slope += value
        value *= point
        value += coefficient
    return value, slope


def _horner_value(columns: np.ndarray, point: np.ndarray) -> np.ndarray:
    value = columns[-1].copy()
    for coefficient in columns[-2::-1]:
        value *= point
        value += coefficient
    return value


# ---------------------------------------------------------------------------
# One sign change: bisection and Newton steps
# ---------------------------------------------------------------------------


def _root_in_bracket(
    columns: np.ndarray, low: np.ndarray, high: np.ndarray, sign_at_low: np.ndarray
) -> np.ndarray:
    """The root in (low, high) of each case's polynomial ``sum_t columns[t] * z**t``.

    ``columns`` has shape (degree + 1, cases), one row per power, so that each
    step of Horner's rule reads contiguous memory. Each case must have exactly
    one root in its bracket, where the polynomial has the sign ``sign_at_low``
    just above ``low`` and the opposite sign just below ``high`` (or a root at
    ``high``); 0 <= low < high <= 1. Bisection narrows the bracket by
    2**-_BISECTION_STEPS, then Newton steps polish to full precision; a Newton
    step that would leave the current bracket is replaced by a bisection step.
    The rare cases that have not converged after _MAX_POLISH_STEPS (a root
    very close to 0, where Newton crawls) take the nearest root from the
    eigenvalue root finder instead.
    """
    cases = columns.shape[1]
    magnitudes = np.abs(columns)
    # Bisection: the root lies within point +- half_width; a value of exactly
    # zero (direction 0) leaves the point on the root.
    half_width = 0.5 * (high - low)
    point = low + half_width
    for _ in range(_BISECTION_STEPS):
        half_width *= 0.5
        direction = np.sign(_horner_value(columns, point))
        direction *= sign_at_low  # +1 where the root lies above the point
        direction *= half_width
        point += direction
    low = np.maximum(point - half_width, low)
    high = np.minimum(point + half_width, high)

    # Newton steps inside the shrinking bracket [low, high]. A case takes its
    # last step once that step is below 4 ulp, or once the polynomial is below
    # twice the rounding-error bound of Horner's rule (2 * degree * eps *
    # sum_t |c_t| z**t): closer than that its sign is noise.
    noise_per_scale = 4 * (columns.shape[0] - 1) * _EPS
    done = np.zeros(cases, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for _ in range(_MAX_POLISH_STEPS):
            value, slope = _horner(columns, point)
            root_above = value * sign_at_low > 0
            np.copyto(low, point, where=root_above)
            np.copyto(high, point, where=~root_above)
            step = value / slope
            newton = point - step
            converged = np.abs(value) <= noise_per_scale * _horner_value(magnitudes, point)
            converged |= np.abs(step) <= 4 * _EPS * point
            usable = converged | ((newton >= low) & (newton <= high))
            following = np.where(usable, newton, 0.5 * (low + high))
            np.copyto(point, following, where=~done)
            done |= converged
            if done.all():
                return point

    stragglers = np.flatnonzero(~done)
    candidates = _positive_roots(columns[:, stragglers].T)
    distance = np.abs(candidates - point[stragglers, np.newaxis])
    distance[np.isnan(distance)] = np.inf
    nearest = np.argmin(distance, axis=1)
    found = np.isfinite(distance[np.arange(stragglers.size), nearest])
    point[stragglers[found]] = candidates[found, nearest[found]]
    return point


def irr_single_sign_change(table: np.ndarray) -> np.ndarray:
    """IRR of each row of a table whose rows change sign exactly once.

    Descartes' rule gives exactly one root x = 1/(1+rate) > 0. If the
    undiscounted sum has the sign opposite to the first flow, the root lies in
    x in (0, 1] (rate >= 0) and is found there; otherwise rate is in (-1, 0)
    and the root is found in y = 1 + rate in (0, 1), for the polynomial with
    the flows reversed (``sum_t CF_t y**(N-t)``). Both searches stay in (0, 1],
    so nothing overflows and no bracket has to be grown, and ``rate = y - 1``
    keeps full precision down to -100 %.
    """
    cases = table.shape[0]
    total = table.sum(axis=1)
    first_sign = _first_nonzero_sign(table)
    rate_nonnegative = np.sign(total) != first_sign
    by_year = np.ascontiguousarray(table.T)
    columns = by_year if rate_nonnegative.all() else np.where(rate_nonnegative, by_year, by_year[::-1])
    # near z = 0 the sign is that of the first flow, or of the last one reversed
    sign_at_zero = np.where(rate_nonnegative, first_sign, -first_sign)
    point = _root_in_bracket(columns, np.zeros(cases), np.ones(cases), sign_at_zero)
    with np.errstate(divide="ignore"):
        rates = np.where(rate_nonnegative, 1.0 / point - 1.0, point - 1.0)
    rates[total == 0] = 0.0
    return rates


# ---------------------------------------------------------------------------
# Any flow: eigenvalues of the companion matrix
# ---------------------------------------------------------------------------


def _trimmed_polynomial_roots(coefficients: np.ndarray) -> np.ndarray:
    """Real roots x > 0 of ``sum_t c_t x**t`` for each row, NaN-padded, ascending.

    Rows share one degree >= 1, and the first and last coefficient of each row
    are nonzero. The roots are the eigenvalues of the companion matrices
    (rotated as in ``numpy.polynomial.polynomial.polyroots``), solved for all
    rows in one call. Those near the positive real axis are polished by Newton
    steps, kept if the polynomial is negligible there, and deduplicated. An
    eigenvalue x > 1 is polished and checked as z = 1/x, a root of the
    reversed polynomial (the same relative residual), so that no power of a
    large root (an IRR near -100 %) overflows and leaves a NaN residual.
    """
    rows, width = coefficients.shape
    degree = width - 1
    companion = np.zeros((rows, degree, degree))
    companion[:, np.arange(1, degree), np.arange(degree - 1)] = 1.0
    with np.errstate(over="ignore"):
        companion[:, :, -1] = -coefficients[:, :-1] / coefficients[:, -1:]
    # a ratio of coefficients beyond the float range: leave such rows rootless
    solvable = np.isfinite(companion).all(axis=(1, 2))
    eigenvalues = np.full((rows, degree), np.nan, dtype=complex)
    eigenvalues[solvable] = np.linalg.eigvals(companion[solvable, ::-1, ::-1])

    near_real = (eigenvalues.real > 0) & (
        np.abs(eigenvalues.imag) <= _REAL_ROOT_IMAG_TOL * np.abs(eigenvalues)
    )
    row, slot = np.nonzero(near_real)
    point = eigenvalues.real[row, slot]
    # A root x > 1 is polished and checked as z = 1/x in (0, 1), a root of the
    # reversed polynomial sum_t c_(n-t) z**t: x**n overflows for a root near
    # -100 % (x ~ 6e8 with 40 flows), which would leave a NaN residual and
    # drop a genuine root. |p(x)| / sum_t |c_t| x**t is unchanged by this.
    reversed_ = point > 1.0
    own = np.where(reversed_[:, np.newaxis], coefficients[row, ::-1], coefficients[row])
    with np.errstate(divide="ignore"):
        point = np.where(reversed_, 1.0 / point, point)
    exponents = np.arange(width)
    slope_coefficients = own[:, 1:] * exponents[1:]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for _ in range(_ROOT_NEWTON_STEPS):
            powers = point[:, np.newaxis] ** exponents
            value = np.einsum("ij,ij->i", own, powers)
            slope = np.einsum("ij,ij->i", slope_coefficients, powers[:, :-1])
            newton = point - value / slope
            point = np.where(np.isfinite(newton) & (newton > 0), newton, point)
        # At a double root (NPV touching zero) Newton converges only linearly and stops
        # about sqrt(eps) away, where NPV already rounds to zero; the root is a simple
        # root of the derivative there, so Newton steps on the derivative finish it. A
        # step is kept only where |NPV| stays within rounding of its value and the slope
        # shrinks, so a simple root (where the derivative's root is an extremum) is kept.
        curvature_coefficients = own[:, 2:] * (exponents[2:] * (exponents[2:] - 1))
        for _ in range(_ROOT_NEWTON_STEPS):
            powers = point[:, np.newaxis] ** exponents
            value = np.abs(np.einsum("ij,ij->i", own, powers))
            slope = np.einsum("ij,ij->i", slope_coefficients, powers[:, :-1])
            curvature = np.einsum("ij,ij->i", curvature_coefficients, powers[:, :-2])
            candidate = point - slope / curvature
            candidate_powers = candidate[:, np.newaxis] ** exponents
            candidate_value = np.abs(np.einsum("ij,ij->i", own, candidate_powers))
            rounding = 4 * _EPS * np.einsum("ij,ij->i", np.abs(own), candidate_powers)
            candidate_slope = np.einsum("ij,ij->i", slope_coefficients, candidate_powers[:, :-1])
            better = (np.isfinite(candidate) & (candidate > 0) & (candidate_value <= value + rounding)
                      & (np.abs(candidate_slope) < np.abs(slope)))
            point = np.where(better, candidate, point)
        powers = point[:, np.newaxis] ** exponents
        residual = np.abs(np.einsum("ij,ij->i", own, powers))
        scale = np.einsum("ij,ij->i", np.abs(own), powers)
        genuine = np.isfinite(point) & (point > 0) & (residual <= _ROOT_RESIDUAL_TOL * scale)
        point = np.where(reversed_, 1.0 / point, point)

    roots = np.full((rows, degree), np.nan)
    roots[row[genuine], slot[genuine]] = point[genuine]
    roots.sort(axis=1)
    duplicate = np.zeros(roots.shape, dtype=bool)
    duplicate[:, 1:] = np.abs(np.diff(roots, axis=1)) <= _DUPLICATE_ROOT_TOL * roots[:, 1:]
    roots[duplicate] = np.nan
    roots.sort(axis=1)
    return roots


def _positive_roots(table: np.ndarray) -> np.ndarray:
    """Real roots x > 0 of ``sum_t table[i, t] x**t`` for each row i.

    Returns shape (rows, max(width - 1, 1)), ascending, NaN-padded. Leading
    zero coefficients only add roots at x = 0 and trailing ones lower the
    degree, so each row is trimmed to its span of nonzero coefficients and
    rows of equal span are solved together.
    """
    cases, width = table.shape
    roots = np.full((cases, max(width - 1, 1)), np.nan)
    nonzero = table != 0
    first = np.argmax(nonzero, axis=1)
    last = width - 1 - np.argmax(nonzero[:, ::-1], axis=1)
    solvable = nonzero.any(axis=1) & (last > first)
    span = first * width + last
    for key in np.unique(span[solvable]):
        start, stop = divmod(int(key), width)
        members = np.flatnonzero(solvable & (span == key))
        found = _trimmed_polynomial_roots(table[members, start : stop + 1])
        roots[members, : found.shape[1]] = found
    return roots


def all_irrs(table: np.ndarray) -> np.ndarray:
    """Every IRR > -1 of each row, ascending, NaN-padded to max(n_years, 1) columns."""
    with np.errstate(divide="ignore", over="ignore"):
        rates = 1.0 / _positive_roots(table) - 1.0
    rates.sort(axis=1)
    return rates


# ---------------------------------------------------------------------------
# Several sign changes: Descartes' rule on each half of the rate axis
# ---------------------------------------------------------------------------


def _binomials(n_years: int) -> np.ndarray:
    """Matrix of binomial coefficients C(n - t, k) for t, k = 0..n: row t holds
    the coefficients in u of (1 + u)**(n - t)."""
    return np.array(
        [[math.comb(n_years - t, k) for k in range(n_years + 1)] for t in range(n_years + 1)],
        dtype=float,
    )


def _sign_changes_on_unit_interval(coefficients: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Descartes' bound on the roots in (0, 1) of each row's ``sum_t c_t z**t``.

    With ``z = 1/(1 + u)``, the roots in z in (0, 1) are the roots u > 0 of
    ``sum_t c_t (1 + u)**(n - t)``, whose number is the number of sign changes
    of its coefficients or less by an even number. Returns that count and
    whether it is certain: it is not where a coefficient is within rounding
    error of zero (without being exactly zero by construction) or not finite.
    """
    transform = _binomials(coefficients.shape[1] - 1)
    transformed = coefficients @ transform
    scale = np.abs(coefficients) @ transform
    tolerance = 4 * coefficients.shape[1] * _EPS * scale
    uncertain = ~np.isfinite(transformed) | ((np.abs(transformed) <= tolerance) & (scale > 0))
    transformed[uncertain] = 0.0
    return sign_changes(transformed), ~uncertain.any(axis=1)


def _roots_in_unit_interval(coefficients: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Up to two roots in (0, 1) of each row's ``sum_t c_t z**t``, vectorized.

    Descartes' bound on (0, 1) settles rows with at most one root. A row with
    a bound of 2 holds 0 or 2 roots; where the derivative has exactly one root
    m in (0, 1), the polynomial is unimodal there, and it has two roots, one in
    (0, m) and one in (m, 1), exactly when its value at m has the sign opposite
    to its sign near 0. Returns the roots (rows, 2), ascending, NaN-padded, and
    whether each row was settled; the others need the eigenvalue root finder.
    The polynomial must not vanish at 1 (its constant transformed coefficient
    is checked to be nonzero).
    """
    cases, width = coefficients.shape
    roots = np.full((cases, 2), np.nan)
    count, settled = _sign_changes_on_unit_interval(coefficients)
    settled &= count <= 2
    sign_at_zero = _first_nonzero_sign(coefficients)
    by_power = np.ascontiguousarray(coefficients.T)

    one = np.flatnonzero(settled & (count == 1))
    roots[one, 0] = _root_in_bracket(
        by_power[:, one], np.zeros(one.size), np.ones(one.size), sign_at_zero[one]
    )

    two = np.flatnonzero(settled & (count == 2))
    settled[two] = False
    derivative = coefficients[two, 1:] * np.arange(1, width)
    slope_count, slope_certain = _sign_changes_on_unit_interval(derivative)
    unimodal = two[slope_certain & (slope_count == 1)]
    derivative = derivative[slope_certain & (slope_count == 1)]
    peak = _root_in_bracket(
        np.ascontiguousarray(derivative.T),
        np.zeros(unimodal.size),
        np.ones(unimodal.size),
        _first_nonzero_sign(derivative),
    )
    columns = by_power[:, unimodal]
    at_peak = _horner_value(columns, peak)
    certain = np.abs(at_peak) > 4 * width * _EPS * _horner_value(np.abs(columns), peak)
    settled[unimodal[certain]] = True
    crossing = certain & (np.sign(at_peak) != sign_at_zero[unimodal])
    rows, peak = unimodal[crossing], peak[crossing]
    roots[rows, 0] = _root_in_bracket(
        by_power[:, rows], np.zeros(rows.size), peak.copy(), sign_at_zero[rows]
    )
    roots[rows, 1] = _root_in_bracket(
        by_power[:, rows], peak.copy(), np.ones(rows.size), -sign_at_zero[rows]
    )
    return roots, settled


def irrs_several_sign_changes(table: np.ndarray) -> np.ndarray:
    """Every IRR of each row of a table whose rows change sign more than once.

    Rates above 0 are roots x = 1/(1 + rate) in (0, 1) of ``sum_t CF_t x**t``;
    rates in (-1, 0) are roots y = 1 + rate in (0, 1) of
    ``sum_t CF_t y**(N - t)``. Each half is searched by
    :func:`_roots_in_unit_interval` (vectorized, up to two IRRs per half);
    rows it cannot settle, and rows whose NPV at rate 0 (the undiscounted sum)
    is within rounding error of zero, go to the eigenvalue root finder of
    :func:`~econ.model.metrics.irr_roots`.

    Returns shape (rows, max(n_years, 1)), ascending, NaN-padded.
    """
    cases, width = table.shape
    rates = np.full((cases, max(width - 1, 4)), np.nan)
    above_zero, settled_above = _roots_in_unit_interval(table)
    below_zero, settled_below = _roots_in_unit_interval(table[:, ::-1])
    with np.errstate(divide="ignore"):
        rates[:, :2] = 1.0 / above_zero - 1.0
    rates[:, 2:4] = below_zero - 1.0
    rates.sort(axis=1)

    unsettled = np.flatnonzero(~(settled_above & settled_below))
    rates[unsettled, : width - 1] = all_irrs(table[unsettled])
    rates[unsettled, width - 1 :] = np.nan
    return rates[:, : max(width - 1, 1)]
