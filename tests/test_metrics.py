"""Tests of econ.model.metrics: reference values with their source, properties, edge cases.

References used below:

- [NPF] numpy-financial 1.0 docstrings of ``npv`` and ``irr``, which take their
  examples from L. J. Gitman, "Principles of Managerial Finance, Brief", 3rd
  ed., Addison-Wesley, 2003, pp. 346 and 348.
- [MS-NPV] Microsoft Support, "NPV function", examples 1 and 2.
- [MS-IRR] Microsoft Support, "IRR function", example (an investment of
  70,000 and five yearly incomes).
- [BMA] Brealey, Myers and Allen, "Principles of Corporate Finance", chapter 5,
  "multiple rates of return" (the oil-pump project after Lorie and Savage,
  "Three problems in rationing capital", Journal of Business 28(4), 1955).
- Hand-checked values show their arithmetic in a comment; some are checked in
  exact rational arithmetic (fractions.Fraction) as an independent oracle.
"""

from __future__ import annotations

import doctest
from fractions import Fraction

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from econ.errors import EconError, ModelError
from econ.model import metrics
from econ.model.cashflow import irr_values, payback_values, profitability_values
from econ.model.figures import MetricValues
from econ.model.metrics import (
    IRR_MULTIPLE,
    IRR_NO_ROOT,
    IRR_NO_SIGN_CHANGE,
    IRR_OK,
    discount_factors,
    discounted_cash_flows,
    discounted_payback,
    irr,
    irr_roots,
    npv,
    payback,
    profitability_index,
)
from econ.report.document import metric_text

# ---------------------------------------------------------------------------
# Helpers and strategies
# ---------------------------------------------------------------------------


def exact_npv(rate: float | Fraction, flows) -> Fraction:
    """NPV in exact rational arithmetic, the oracle for root checks."""
    growth = 1 + Fraction(rate)
    terms = (Fraction(float(flow)) / growth**year for year, flow in enumerate(flows))
    return sum(terms, Fraction(0))


def npv_scale(rate: float, flows) -> float:
    """Sum of |discounted flows|: the size against which NPV = 0 is judged."""
    with np.errstate(over="ignore", divide="ignore"):
        discounted = np.abs(np.asarray(flows, dtype=float)) / (1.0 + rate) ** np.arange(len(flows))
    return float(np.sum(discounted))


def zeroes_npv(rate: float, flows, rel: float = 1e-12) -> bool:
    """Whether the float ``rate`` is a root of the exact NPV to within rounding.

    Either |NPV(rate)| is below ``rel`` of the sum of |discounted flows|, or
    the exact NPV changes sign within ``rel * |rate| + 1e-15`` of the rate.
    (Near -100 % NPV is so steep that the nearest float to the root can leave
    a large residual; the sign change still pins the root.)
    """
    if abs(float(exact_npv(rate, flows))) <= rel * npv_scale(rate, flows):
        return True
    step = Fraction(rel * abs(rate) + 1e-15)
    lowest = Fraction(-1) + Fraction(1, 10**400)
    below = exact_npv(max(Fraction(rate) - step, lowest), flows)
    above = exact_npv(Fraction(rate) + step, flows)
    return below * above <= 0


def cumulative_first_recovery(flows) -> int | None:
    """First year t >= 1 with cum_{t-1} < 0 <= cum_t, or None."""
    cumulative = list(np.cumsum(np.asarray(flows, dtype=float)))
    for year in range(1, len(cumulative)):
        if cumulative[year - 1] < 0 <= cumulative[year]:
            return year
    return None


# Amounts of money: zero, or between a thousandth and a million currency units
# either way. (Subnormal amounts such as 1e-300 make ratios overflow; they are
# not money and are left out.)
amount = st.floats(min_value=1e-3, max_value=1e6)
money = st.one_of(st.just(0.0), amount, amount.map(lambda value: -value))
inflow = st.one_of(st.just(0.0), amount)
rates = st.floats(min_value=-0.9, max_value=2.0, allow_nan=False, allow_infinity=False)


@st.composite
def conventional_flows(draw, max_years: int = 15):
    """Invest in year 0, then earn: one sign change (ordinary project)."""
    investment = draw(amount)
    later = draw(st.lists(inflow, min_size=1, max_size=max_years))
    assume(max(later) > 0)
    return [-investment, *later]


@st.composite
def ordinary_flows(draw):
    """Conventional flows of the kind a plant produces: yearly incomes between
    1 % and 100 % of the investment (IRRs from about -90 % to 100 %)."""
    investment = draw(st.floats(min_value=1e3, max_value=1e9))
    years = draw(st.integers(min_value=1, max_value=30))
    shares = draw(
        st.lists(st.floats(min_value=0.01, max_value=1.0), min_size=years, max_size=years)
    )
    return [-investment, *(investment * share for share in shares)]


# ---------------------------------------------------------------------------
# Docstring examples (also run by `pytest --doctest-modules`)
# ---------------------------------------------------------------------------


def test_docstring_examples_pass():
    failures, tried = doctest.testmod(metrics, optionflags=doctest.ELLIPSIS)
    assert tried > 0
    assert failures == 0


# ---------------------------------------------------------------------------
# Discount factors and NPV
# ---------------------------------------------------------------------------


def test_discount_factors_year_zero_is_one_and_shape_follows_rate():
    factors = discount_factors(np.array([0.0, 0.1, 0.25]), 3)
    assert factors.shape == (3, 4)
    np.testing.assert_array_equal(factors[:, 0], 1.0)
    np.testing.assert_allclose(factors[1], [1, 1 / 1.1, 1 / 1.21, 1 / 1.331], rtol=1e-15)


def test_npv_numpy_financial_example():
    # [NPF] npv: 40 000 invested, 5 000, 8 000, 12 000, 30 000 at 8 % -> 3065.22267
    assert float(npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])) == pytest.approx(
        3065.22267, abs=5e-6
    )


def test_npv_microsoft_example_1_first_flow_one_year_out():
    # [MS-NPV] example 1: Excel's NPV(10 %, -10 000, 3 000, 4 200, 6 800) = 1 188.44,
    # all four flows discounted, i.e. they fall in years 1..4 and year 0 is empty.
    assert float(npv(0.10, [0, -10_000, 3_000, 4_200, 6_800])) == pytest.approx(1188.44, abs=0.005)


def test_npv_microsoft_example_2_is_cf0_plus_excel_npv():
    # [MS-NPV] example 2: =NPV(8 %, B3:B7) + B2 = 1 922.06, and with a loss of
    # 9 000 in year 6, = -3 749.47. This is the workbook's =CF0+NPV(rate, CF1:CFn).
    flows = [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500]
    assert float(npv(0.08, flows)) == pytest.approx(1922.06, abs=0.005)
    assert float(npv(0.08, [*flows, -9_000])) == pytest.approx(-3749.47, abs=0.005)


def excel_npv(rate: float, values) -> float:
    """Excel's NPV(): every value discounted, the first by one period."""
    return sum(value / (1 + rate) ** (period + 1) for period, value in enumerate(values))


@given(rate=rates, flows=st.lists(money, min_size=1, max_size=25))
def test_npv_matches_numpy_financial_and_excel_formula(rate, flows):
    ours = float(npv(rate, flows))
    scale = npv_scale(rate, flows) + 1.0
    assert ours == pytest.approx(float(npf.npv(rate, flows)), abs=1e-12 * scale)
    assert ours == pytest.approx(flows[0] + excel_npv(rate, flows[1:]), abs=1e-12 * scale)


def test_npv_broadcasts_rates_against_cases():
    flows = np.array([[-100.0, 60.0, 60.0], [-50.0, 10.0, 80.0]])
    sweep = np.array([[0.0], [0.05], [0.1]])
    table = npv(sweep, flows)
    assert table.shape == (3, 2)
    for row, rate in enumerate(sweep[:, 0]):
        for case in range(2):
            assert table[row, case] == pytest.approx(npf.npv(rate, flows[case]), rel=1e-14)
    # one rate per case
    np.testing.assert_allclose(
        npv(np.array([0.05, 0.1]), flows), [npf.npv(0.05, flows[0]), npf.npv(0.1, flows[1])]
    )


def test_discounted_flows_sum_to_npv():
    flows = [-1000.0, 300.0, 400.0, 500.0, 200.0]
    assert discounted_cash_flows(0.1, flows).sum() == float(npv(0.1, flows))


# ---------------------------------------------------------------------------
# IRR: reference values
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("flows", "expected"),
    [
        ([-100, 39, 59, 55, 20], 0.28095),  # [NPF] irr, Gitman p. 348
        ([-100, 0, 0, 74], -0.0955),  # [NPF]
        ([-100, 100, 0, 7], 0.06206),  # [NPF]
    ],
)
def test_irr_numpy_financial_examples(flows, expected):
    result = irr(flows)
    assert int(result.status) == IRR_OK
    assert round(float(result.value), 5) == expected


@pytest.mark.parametrize(
    ("flows", "expected_percent"),
    [
        ([-70_000, 12_000, 15_000, 18_000, 21_000], -2.1),  # [MS-IRR] after four years
        ([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000], 8.7),  # after five years
        ([-70_000, 12_000, 15_000], -44.4),  # after two years (Excel needs a guess)
    ],
)
def test_irr_microsoft_example(flows, expected_percent):
    assert round(float(irr(flows).value) * 100, 1) == expected_percent


def test_two_irrs_ten_and_twenty_percent():
    # -100 + 230/1.1 - 132/1.21 = -100 + 209.0909 - 109.0909 = 0, and
    # -100 + 230/1.2 - 132/1.44 = -100 + 191.6667 - 91.6667 = 0
    result = irr([-100, 230, -132])
    assert int(result.status) == IRR_MULTIPLE
    assert np.isnan(result.value)
    assert result.reason() == "several IRRs: see roots"
    assert result.roots() == pytest.approx((0.10, 0.20), rel=1e-13)
    assert irr_roots([-100, 230, -132]) == pytest.approx((0.10, 0.20), rel=1e-13)


def test_oil_pump_has_irrs_of_25_and_400_percent():
    # [BMA]: -1 600 now, +10 000 in year 1, -10 000 in year 2: IRR 25 % and 400 %
    assert irr_roots([-1_600, 10_000, -10_000]) == pytest.approx((0.25, 4.0), rel=1e-13)
    assert irr([-1_600, 10_000, -10_000]).roots() == pytest.approx((0.25, 4.0), rel=1e-13)


def test_numpy_financial_silently_picks_one_of_several_irrs():
    # [NPF] lists npf.irr([-100, 100, 0, -7]) = -0.0833 and
    # npf.irr([-5, 10.5, 1, -8, 1]) = 0.0886; both flows have more IRRs,
    # each checked here by an exact NPV.
    for flows, npf_value, count in (
        ([-100, 100, 0, -7], -0.0833, 2),
        ([-5, 10.5, 1, -8, 1], 0.0886, 3),
    ):
        result = irr(flows)
        assert int(result.status) == IRR_MULTIPLE
        roots = result.roots()
        assert len(roots) == count
        assert round(min(roots, key=abs), 4) == npf_value
        for root in roots:
            assert zeroes_npv(root, flows)
        assert roots == pytest.approx(irr_roots(flows), rel=1e-12)


def test_no_sign_change():
    for flows in ([100, 10, 0], [-5, -1], [0, 0, 0], [7]):
        result = irr(flows)
        assert int(result.status) == IRR_NO_SIGN_CHANGE
        assert np.isnan(result.value)
        assert result.reason() == "undefined: cash flow never changes sign"
        assert result.roots() == ()
        assert irr_roots(flows) == ()


def test_sign_changes_but_no_root():
    # -100 + 50 x - 10 x**2 has discriminant 2500 - 4000 < 0: NPV < 0 at every rate
    result = irr([-100, 50, -10])
    assert int(result.status) == IRR_NO_ROOT
    assert result.reason() == "undefined: no rate above -100 % makes NPV zero"
    assert irr_roots([-100, 50, -10]) == ()


def test_a_double_root_counts_once():
    # -1 + 2x - x**2 = -(1 - x)**2: NPV touches zero at 0 % without crossing
    result = irr([-1, 2, -1])
    assert int(result.status) == IRR_OK
    assert float(result.value) == pytest.approx(0.0, abs=1e-7)
    assert len(irr_roots([-1, 2, -1])) == 1


def test_irr_exactly_zero_when_flows_sum_to_zero():
    result = irr([-100, 50, 50])
    assert int(result.status) == IRR_OK
    assert float(result.value) == 0.0


def test_leading_and_trailing_zero_years():
    # -100 x + 110 x**2 = 0 -> x = 1/1.1 -> 10 %
    assert float(irr([0, -100, 110, 0]).value) == pytest.approx(0.10, rel=1e-14)
    assert irr_roots([0, 0, -100, 230, -132, 0]) == pytest.approx((0.10, 0.20), rel=1e-13)


def test_irr_close_to_minus_100_percent():
    # -100 + 1e-60 (1 + r)**-10 = 0 -> 1 + r = 10**-6.2; Newton from the
    # bisection bracket crawls here, so this exercises the eigenvalue fallback.
    value = float(irr([-100, *[0] * 9, 1e-60]).value)
    assert value == pytest.approx(-1 + 10**-6.2, rel=1e-12)
    assert value > -1


def test_irr_within_rounding_of_minus_100_percent_is_minus_one():
    # -1 + 1e-105 / (1 + r) = 0 -> r = -1 + 1e-105, which is -1.0 as a float
    result = irr([-1, 1e-105])
    assert int(result.status) == IRR_OK
    assert float(result.value) == -1.0
    assert irr_roots([-1, 1e-105]) == (-1.0,)


def test_irr_of_a_very_large_rate():
    # -1 + 1e60 x**10 = 0 -> x = 1e-6 -> r = 999 999
    assert float(irr([-1, *[0] * 9, 1e60]).value) == pytest.approx(999_999.0, rel=1e-12)


# ---------------------------------------------------------------------------
# IRR: properties
# ---------------------------------------------------------------------------


@settings(max_examples=300)
@given(conventional_flows())
def test_npv_at_the_irr_of_conventional_flows_is_zero(flows):
    result = irr(flows)
    assert int(result.status) == IRR_OK
    rate = float(result.value)
    assert rate >= -1  # -1.0 only when the IRR is within 1.1e-16 of -100 %
    assert zeroes_npv(rate, flows)


@settings(max_examples=300)
@given(ordinary_flows())
def test_irr_matches_numpy_financial_on_ordinary_flows(flows):
    ours = float(irr(flows).value)
    reference = npf.irr(flows)
    assert not np.isnan(reference)
    # Near 0 both carry an absolute error of about 1e-16 (rate = 1/x - 1), so
    # a relative comparison needs an absolute floor there.
    assert abs(ours - reference) <= 1e-12 * abs(reference) + 1e-14


def test_irr_matches_numpy_financial_on_many_random_ordinary_flows():
    generator = np.random.default_rng(20240601)
    flows = np.empty((2_000, 11))
    flows[:, 0] = -generator.uniform(500, 1500, 2_000)
    flows[:, 1:] = generator.uniform(20, 300, (2_000, 10))
    result = irr(flows)
    assert (result.status == IRR_OK).all()
    reference = np.array([npf.irr(row) for row in flows])
    assert np.all(np.abs(result.value - reference) <= 1e-12 * np.abs(reference) + 1e-14)


@settings(max_examples=300)
@given(st.lists(money, min_size=2, max_size=12))
def test_every_reported_root_zeroes_npv_and_agrees_with_irr_roots(flows):
    result = irr(flows)
    roots = result.roots()
    assert roots == pytest.approx(irr_roots(flows), rel=1e-9, abs=1e-12)
    for root in roots:
        assert root >= -1
        assert zeroes_npv(root, flows, rel=1e-9)
    if int(result.status) == IRR_OK:
        assert len(roots) == 1 and roots[0] == float(result.value)
        reference = npf.irr(flows)
        ours = float(result.value)
        # Where npf finds a real root it can only be ours, up to rounding; on
        # badly scaled flows np.roots loses digits, so a disagreement must
        # leave ours the more exact root.
        if not np.isnan(reference) and ours != pytest.approx(reference, rel=1e-9, abs=1e-12):
            assert abs(exact_npv(ours, flows)) <= abs(exact_npv(reference, flows))
    else:
        assert np.isnan(result.value)
        assert (len(roots) >= 2) == (int(result.status) == IRR_MULTIPLE)


@settings(max_examples=50, deadline=None)
@given(
    hnp.arrays(
        float,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=40),
        elements=money,
    )
)
def test_vectorized_irr_equals_per_case(table):
    batch = irr(table)
    for case, row in enumerate(table):
        single = irr(row)
        assert int(batch.status[case]) == int(single.status)
        assert batch.roots(case) == single.roots()
        assert batch.roots(case) == pytest.approx(irr_roots(row), rel=1e-9, abs=1e-12)


def test_irr_of_flow_with_root_near_minus_100_percent_finds_every_root():
    # Found by hypothesis (test_vectorized_irr_equals_per_case): 40 flows, ten
    # sign changes, ending in 593 048.8 then -0.001, so
    # NPV (1 + r)**39 ~ -0.001 + 593 048.8 (1 + r) near -100 %: an IRR at
    # 1 + r ~ 1.686e-9 (x = 1/(1 + r) ~ 5.93e8), besides one of 11.45 %.
    # x**39 overflows, and irr_roots once dropped that root for a NaN residual.
    flows = [
        -551546.8269406348, 0.0, -923232.9390546487, -269254.2492853723,
        910195.3228533118, -308072.82383376424, 0.0, 424426.88625853014,
        354623.0841476142, 1000000.0, 157872.2505335955, 693849.6182244661,
        638031.5478212052, 0.0, -2.00001, 0.0,
        305167.53102393687, 1.9, 0.0, 0.0,
        0.0, -835710.8774547622, -980430.2938807383, -14.0,
        -109530.32932360806, 347645.4951198017, 417731.21269750874, 0.0,
        -950168.4691908677, 0.0, 0.0, 560772.5093485188,
        0.0, 539146.7017591485, 0.0, 0.0,
        0.0, 0.0, 593048.8362108214, -0.001,
    ]
    expected = irr(flows).roots()
    assert expected == pytest.approx((-1 + 1.6862e-9, 0.1145), rel=1e-4)
    assert irr_roots(flows) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert irr(np.array([flows, flows[::-1]])).roots(0) == expected
    # exact NPV changes sign within 1e-15 of each root (near -100 % it is far
    # too large for a float, so the sign is compared in exact arithmetic)
    for root in expected:
        assert root > -1
        step = Fraction(1e-15)
        assert exact_npv(Fraction(root) - step, flows) * exact_npv(Fraction(root) + step, flows) < 0


def test_vectorized_irr_over_mixed_flows_matches_eigenvalue_root_finder():
    # Monte Carlo style flows where many cases change sign several times: the
    # vectorized Descartes-and-bisection path against the independent
    # eigenvalue path of irr_roots, case by case.
    generator = np.random.default_rng(7)
    flows = np.empty((400, 11))
    flows[:, 0] = -generator.uniform(500, 1500, 400)
    flows[:, 1:] = generator.normal(150, 80, (400, 10))
    flows[::2, -1] = -generator.uniform(100, 400, 200)  # decommissioning
    flows[::5] = generator.normal(0, 100, (80, 11))  # anything
    result = irr(flows)
    assert set(np.unique(result.status)) >= {IRR_OK, IRR_NO_ROOT, IRR_MULTIPLE}
    for case, row in enumerate(flows):
        assert result.roots(case) == pytest.approx(irr_roots(row), rel=1e-10, abs=1e-13)


def test_irr_keeps_the_shape_of_the_cases():
    flows = np.zeros((2, 3, 4))
    flows[..., 0] = -100
    flows[..., 1:] = 50
    flows[1, 2] = [-100, 230, -132, 0]
    result = irr(flows)
    assert result.value.shape == result.status.shape == (2, 3)
    assert result.status[1, 2] == IRR_MULTIPLE
    assert result.roots((1, 2)) == pytest.approx((0.1, 0.2))
    assert result.roots((-1, -1)) == result.roots((1, 2))
    with pytest.raises(IndexError):
        result.roots(1)


# ---------------------------------------------------------------------------
# Payback
# ---------------------------------------------------------------------------


def test_payback_hand_checked():
    # cumulative: -1000, -700, -300, +200 -> t = 3: 2 + 300/500 = 2.6 years
    result = payback([-1000, 300, 400, 500, 200])
    assert bool(result.reached)
    assert float(result.value) == pytest.approx(2.6, rel=1e-15)
    assert result.reason() == ""


def test_discounted_payback_hand_checked_in_exact_arithmetic():
    flows = [-1000, 300, 400, 500, 200]
    # at 10 %, cumulative discounted: -1000, -727.27, -396.69, -21.04, +115.56 -> t = 4
    discounted = [Fraction(flow) / Fraction(11, 10) ** year for year, flow in enumerate(flows)]
    before = sum(discounted[:4])
    expected = 3 + (-before) / discounted[4]
    assert float(discounted_payback(0.10, flows).value) == pytest.approx(float(expected), rel=1e-14)
    assert float(expected) == pytest.approx(3.154, abs=5e-4)


def test_payback_is_undefined_when_nothing_is_ever_invested():
    """Undefined is not zero: a cumulative flow that is never negative has nothing to pay back."""
    for flows in ([0, 10, 20], [5, 0, 3], [0, 0]):
        result = payback(flows)
        assert not bool(result.reached) and not bool(result.invested) and np.isnan(result.value)
        assert result.reason() == "undefined: the cumulative cash flow is never negative, so there is nothing to pay back"


def test_payback_counts_from_the_first_time_the_cumulative_flow_is_negative():
    # cum: 5, -5, 15: invested in year 1, recovered within year 2: 1 + 5/20
    assert float(payback([5, -10, 20]).value) == pytest.approx(1.25)


def test_payback_reached_exactly_at_the_end_of_a_year():
    # cum_2 = 0 counts as recovered: 1 + 50/50 = 2
    assert float(payback([-100, 50, 50]).value) == 2.0


def test_payback_not_reached():
    result = payback([-1000, 100, 100])
    assert not bool(result.reached)
    assert np.isnan(result.value)
    assert result.reason() == "not reached within 2 years"
    # the same words as the workbook's formula writes them, in the singular for one year
    assert payback([-1000, 100]).reason() == "not reached within 1 year"


def test_payback_first_recovery_counts_even_if_lost_again():
    # cum: -100, +20, -80 (decommissioning): first recovery in year 1
    assert float(payback([-100, 120, -100]).value) == pytest.approx(100 / 120)


@settings(max_examples=300)
@given(st.lists(money, min_size=1, max_size=20))
def test_payback_lies_within_the_year_of_first_recovery(flows):
    result = payback(flows)
    year = cumulative_first_recovery(flows)
    if year is None:
        assert not bool(result.reached) and np.isnan(result.value)
        assert bool(result.invested) == bool((np.cumsum(flows) < 0).any())
    else:
        # (t - 1) + fraction in (0, 1]; the fraction may vanish in rounding
        assert year - 1 <= float(result.value) <= year * (1 + 1e-15)


@settings(max_examples=300)
@given(rate=st.floats(min_value=0.0, max_value=1.0), investment=amount, returns=st.lists(inflow, max_size=19))
def test_discounted_payback_is_never_shorter_than_simple_payback(rate, investment, returns):
    """For a conventional project (an investment, then returns); with a later outlay discounting can
    shrink that outlay more than the returns and advance the recovery."""
    flows = [-investment, *returns]
    simple = payback(flows)
    discounted = discounted_payback(rate, flows)
    if bool(discounted.reached):
        assert bool(simple.reached)
        assert float(discounted.value) >= float(simple.value) - 1e-9


@settings(max_examples=50, deadline=None)
@given(
    hnp.arrays(
        float,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=30),
        elements=money,
    ),
    st.floats(min_value=0.0, max_value=0.5),
)
def test_vectorized_payback_equals_per_case(table, rate):
    simple = payback(table)
    discounted = discounted_payback(rate, table)
    for case, row in enumerate(table):
        one = payback(row)
        assert bool(simple.reached[case]) == bool(one.reached)
        np.testing.assert_array_equal(simple.value[case], one.value)
        np.testing.assert_array_equal(discounted.value[case], discounted_payback(rate, row).value)


# ---------------------------------------------------------------------------
# Profitability index
# ---------------------------------------------------------------------------


def test_profitability_index_from_the_npv_example():
    # [NPF] npv example: PV of years 1..4 = 3065.22267 + 40000, per 40000 invested
    result = profitability_index(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])
    assert bool(result.defined)
    assert float(result.value) == pytest.approx((3065.22267 + 40_000) / 40_000, abs=1e-9)


def test_profitability_index_undefined_without_investment():
    result = profitability_index(0.08, [[0, 5_000], [100, 5_000], [-100, 110]])
    assert result.defined.tolist() == [False, False, True]
    assert np.isnan(result.value[:2]).all()
    assert result.reason(0) == "undefined: the year-0 flow is not an investment (CF_0 >= 0)"
    assert result.reason(1).startswith("undefined")


@given(rate=st.floats(min_value=0.0, max_value=1.0), flows=conventional_flows())
def test_profitability_index_is_one_plus_npv_per_investment(rate, flows):
    index = float(profitability_index(rate, flows).value)
    assert index == pytest.approx(1 + float(npv(rate, flows)) / -flows[0], rel=1e-9, abs=1e-9)


# ---------------------------------------------------------------------------
# A metric as the reports write it (econ.report.document.metric_text)
# ---------------------------------------------------------------------------


def metric_texts(flows, rate: float, lang: str) -> dict[str, str]:
    """IRR, paybacks and profitability index of ``flows`` as the reports write them in ``lang``."""
    flows = np.asarray(flows, dtype=float)
    years = flows.shape[-1] - 1
    values = {
        "irr": irr_values(flows),
        "payback": payback_values(payback(flows)),
        "discounted_payback": payback_values(discounted_payback(rate, flows)),
        "profitability_index": profitability_values(profitability_index(rate, flows)),
    }
    return {key: metric_text(value, key, lang, years) for key, value in values.items()}


def test_metric_text():
    assert metric_texts([-100, 39, 59, 55, 20], 0.1, "en")["irr"] == "28.1\u00a0%"  # IRR 28.09 %, docstring above
    assert metric_texts([-100, 39, 59, 55, 20], 0.1, "ru")["irr"] == "28,1\u00a0%"
    assert metric_texts([100, 10], 0.1, "en")["irr"] == "undefined: cash flow never changes sign"
    assert metric_texts([-100, 230, -132], 0.1, "en")["irr"] == "several IRRs: 10.0\u00a0%, 20.0\u00a0%"
    assert metric_texts([-1000, 300, 400, 500, 200], 0.0, "en")["payback"] == "2.60 years"
    assert metric_texts([-1000, 300, 400, 500, 200], 0.0, "ru")["payback"] == "2,60 года"
    assert metric_texts([100, 300, 400], 0.1, "en")["profitability_index"] == (
        "undefined: the year-0 flow is not an investment")
    assert metric_texts([100, 300, 400], 0.1, "en")["payback"] == (
        "undefined: the cumulative cash flow is never negative, so there is nothing to pay back")
    assert metric_texts([0, 300, 400], 0.1, "ru")["discounted_payback"] == (
        "не определён: накопленный денежный поток не бывает отрицательным, окупать нечего")


@pytest.mark.parametrize(("years", "english", "russian"), [
    (1, "not reached within 1 year", "не достигается за 1 год"),
    (2, "not reached within 2 years", "не достигается за 2 года"),
    (5, "not reached within 5 years", "не достигается за 5 лет"),
    (11, "not reached within 11 years", "не достигается за 11 лет"),
    (21, "not reached within 21 years", "не достигается за 21 год"),
    (24, "not reached within 24 years", "не достигается за 24 года"),
])
def test_payback_not_reached_reads_right_for_every_service_life(years, english, russian):
    flows = [-1000.0] + [1.0] * years
    assert metric_texts(flows, 0.1, "en")["payback"] == english
    assert metric_texts(flows, 0.1, "ru")["discounted_payback"] == russian
    assert payback(flows).reason() == english  # the model's reason, shown in the results workbook


def test_metric_text_picks_one_case_of_a_vectorized_result():
    result = irr_values(np.array([[-100, 230, -132], [-100, 110, 0]], dtype=float))
    picked = MetricValues(result.value[1], result.status[1], result.reasons)
    assert metric_text(picked, "irr", "en", 2) == "10.0\u00a0%"


@settings(max_examples=200)
@given(st.lists(money, min_size=1, max_size=12), st.floats(min_value=0.0, max_value=1.0),
       st.sampled_from(["en", "ru"]))
def test_metric_text_never_shows_nan(flows, rate, lang):
    for text in metric_texts(flows, rate, lang).values():
        assert text and "nan" not in text.lower()


# ---------------------------------------------------------------------------
# Bad input is an error that says where
# ---------------------------------------------------------------------------


def test_non_finite_flow_names_case_and_year():
    flows = np.zeros((3, 4))
    flows[1, 2] = np.nan
    with pytest.raises(ModelError, match=r"case \(1,\) year 2 is nan"):
        irr(flows)
    with pytest.raises(ModelError, match=r"year 1 is inf"):
        npv(0.1, [-1, np.inf])


@pytest.mark.parametrize("rate", [-1.0, -2.0, np.nan, np.inf])
def test_rate_at_or_below_minus_100_percent_is_an_error(rate):
    with pytest.raises(ModelError, match="expected a finite fraction above -1"):
        npv(rate, [-100, 110])


def test_shape_errors_are_model_errors():
    with pytest.raises(ModelError, match="shape"):
        npv(0.1, 5.0)
    with pytest.raises(ModelError, match="shape"):
        payback([])
    with pytest.raises(ModelError, match="does not broadcast"):
        npv([0.1, 0.2, 0.3], [[-1, 2], [-1, 3]])
    with pytest.raises(ModelError, match="one cash flow"):
        irr_roots([[-1, 2], [-1, 3]])
    with pytest.raises(ModelError, match="expected numbers"):
        irr([[-1, 2], [-1]])
    with pytest.raises(ModelError, match="n_years"):
        discount_factors(0.1, -1)
    assert issubclass(ModelError, EconError)


def test_inputs_are_not_modified():
    flows = np.array([[-100.0, 230.0, -132.0], [-100.0, 60.0, 60.0]])
    rate = np.array([0.1, 0.2])
    before = flows.copy()
    irr(flows), payback(flows), discounted_payback(rate, flows), npv(rate, flows)
    profitability_index(rate, flows)
    np.testing.assert_array_equal(flows, before)


def test_irr_of_a_flow_whose_npv_touches_zero_is_exact():
    """-1.5 + 1.5x + 1.5x^2 - 1.5x^3 = -1.5 (x - 1)^2 (x + 1): a double root at rate 0.

    Newton alone stops about 6e-9 from it (hypothesis found numpy-financial's
    5e-9 closer); steps on the derivative reach it.
    """
    flows = [-1.5, 1.5, 1.5, -1.5]
    assert irr(flows).roots() == (0.0,)
    assert irr_roots(flows) == (0.0,)
