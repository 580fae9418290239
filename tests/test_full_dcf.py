"""Issue 14, the full discounted cash flow: inputs/ni_rinse_ro.xlsx against a hand computation, depreciation
methods against their published tables, the input errors, and the four bundled workbooks unchanged.

The hand computation below follows the issue's conventions in plain Python loops, independent of the model:
years 0..9; construction in years 0 and 1 (40 % and 60 % of 9.7 M RUB); operation in years 2..9; 50 % of the
throughput in the first operating year; prices in year-0 money, escalating at 6 % (electricity at 8 %): price x
1.06^t in year t; revenue 1,200 m3/month x 95 RUB/m3 + 120 kg/month x 1,800 RUB/kg; energy 12 kW x 16 h x 22 days
at 7.5 RUB/kWh; labour 2 x 55,000 RUB/month (fixed); reagents of issue 11 (3 g/m3 x 450 RUB/kg and 0.02 L/m3 x
250 RUB/L on 1,500 m3/month, scaling with the throughput, escalating at 6 %); membranes 900,000 RUB x 1.06^t at
the end of operating years 3 and 6; RO units by sum-of-years-digits over 8 years, installation straight-line
over 8 years; working capital 15 % of revenue, released in the last year; income tax 20 % with losses carried
forward, offsetting at most 50 % of a year's positive base; loan 50 % of each construction year's spend, 12 % on
the opening balance, 5 equal instalments in years 2..6; discounting at a nominal 14 %.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from econ.api import evaluate_workbook
from econ.errors import InputError
from econ.model import depreciation
from tests.conftest import INPUTS

RO = INPUTS / "ni_rinse_ro.xlsx"


def hand(water_price: float = 95.0) -> dict[str, list[float]]:
    """The yearly rows of ni_rinse_ro by the issue's conventions (no model code)."""
    capital, share = 8.5e6 + 1.2e6, {0: 0.4, 1: 0.6}
    rows: dict[str, list[float]] = {}
    carried = carried_equity = wc_previous = balance = 0.0
    for t in range(10):
        k = t - 1 if t >= 2 else 0  # operating year
        ramp = 0.0 if k == 0 else 0.5 if k == 1 else 1.0
        revenue = (1200 * water_price + 120 * 1800) * 12 * ramp * 1.06 ** t
        energy = 12 * 16 * 22 * 7.5 * 12 * ramp * 1.08 ** t
        labour = 2 * 55_000 * 12 * 1.06 ** t if k else 0.0
        reagents = (0.003 * 1500 * 450 + 0.02 * 1500 * 250) * 12 * ramp * 1.06 ** t
        membranes = 900_000 * 1.06 ** t if k in (3, 6) else 0.0
        charge = 8.5e6 * (8 - k + 1) / 36 + 1.2e6 / 8 if 1 <= k <= 8 else 0.0
        pre_tax = revenue - energy - labour - reagents - membranes - charge
        used = min(carried, 0.5 * max(pre_tax, 0.0))
        carried += max(-pre_tax, 0.0) - used
        tax = 0.2 * (max(pre_tax, 0.0) - used)
        investment = capital * share.get(t, 0.0)
        working_capital = 0.15 * revenue
        wc_flow = -(working_capital - wc_previous) + (working_capital if t == 9 else 0.0)
        wc_previous = working_capital
        flow = pre_tax - tax + charge - investment + wc_flow
        draw = 0.5 * investment
        interest = 0.12 * balance
        principal = 0.5 * capital / 5 if 1 <= k <= 5 else 0.0
        balance += draw - principal
        base = pre_tax - interest
        used_equity = min(carried_equity, 0.5 * max(base, 0.0))
        carried_equity += max(-base, 0.0) - used_equity
        equity_tax = 0.2 * (max(base, 0.0) - used_equity)
        cfads = flow + tax - equity_tax
        service = interest + principal
        for key, value in (("revenue", revenue), ("energy", -energy), ("labour", -labour), ("reagents", -reagents),
                           ("membranes", -membranes), ("depreciation", -charge), ("pre_tax", pre_tax),
                           ("tax", -tax), ("investment", -investment), ("flow", flow), ("draw", draw),
                           ("interest", -interest), ("principal", -principal), ("equity_tax", -equity_tax),
                           ("equity_flow", flow + tax - equity_tax + draw - interest - principal),
                           ("dscr", cfads / service if k and service > 0 else math.nan)):
            rows.setdefault(key, []).append(value)
    return rows


def npv(flows: list[float], rate: float = 0.14) -> float:
    return sum(flow / (1 + rate) ** year for year, flow in enumerate(flows))


def irr(flows: list[float]) -> float:
    low, high = -0.9, 1.0  # one sign change: NPV decreases in the rate
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (middle, high) if npv(flows, middle) > 0 else (low, middle)
    return (low + high) / 2


def levelized_water_price() -> float:
    low, high = 0.0, 1000.0
    for _ in range(200):
        middle = (low + high) / 2
        low, high = (low, middle) if npv(hand(middle)["flow"]) >= 0 else (middle, high)
    return (low + high) / 2


HAND = hand()


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_workbook(RO)


@pytest.mark.parametrize(("row", "key"), [
    ("revenue", "cf.revenue"), ("energy", "cf.energy_cost"), ("labour", "cf.labour_cost"),
    ("reagents", "cf.reagent_cost"), ("membranes", "cf.replacements_expensed"), ("depreciation", "cf.depreciation"),
    ("pre_tax", "cf.pre_tax_profit"), ("tax", "cf.income_tax"), ("investment", "cf.investment"),
    ("flow", "cf.net_cash_flow"), ("draw", "cf.loan_draw"), ("interest", "cf.loan_interest"),
    ("principal", "cf.loan_principal"), ("equity_tax", "cf.equity.income_tax"), ("equity_flow", "cf.equity_flow"),
])
def test_every_yearly_row_is_the_hand_computed_one(evaluation, row, key):
    assert np.asarray(evaluation.results[key]).tolist() == pytest.approx(HAND[row], rel=1e-12, abs=1e-6)


def test_dscr_by_year_and_its_minimum(evaluation):
    dscr = np.asarray(evaluation.results["cf.dscr"])
    expected = np.array(HAND["dscr"])
    assert np.isnan(dscr).tolist() == np.isnan(expected).tolist()  # no debt service in years 0, 1 and 7..9
    assert dscr[~np.isnan(dscr)] == pytest.approx(expected[~np.isnan(expected)], rel=1e-12)
    assert evaluation.results.metrics["min_dscr"].number == pytest.approx(np.nanmin(expected), rel=1e-12)


def test_npv_irr_and_levelized_price_are_the_hand_computed_ones(evaluation):
    results = evaluation.results
    assert results.scalar("npv") == pytest.approx(npv(HAND["flow"]), rel=1e-12)
    assert results.scalar("equity_npv") == pytest.approx(npv(HAND["equity_flow"]), rel=1e-12)
    assert results.metrics["irr"].number == pytest.approx(irr(HAND["flow"]), abs=1e-12)
    assert results.metrics["equity_irr"].number == pytest.approx(irr(HAND["equity_flow"]), abs=1e-12)
    price = levelized_water_price()
    assert results.scalar("levelized_price") == pytest.approx(price, rel=1e-10)
    assert results.scalar("lc.npv") == 0.0
    assert results.scalar("levelized.total") == pytest.approx(price, rel=1e-10)  # the breakdown adds up
    assert results.scalar("residual_book_value") == 0.0  # both items fully depreciated within the 8 years
    # the figures the report states (RUB, fractions)
    assert round(results.scalar("npv")) == -1_271_412
    assert round(results.scalar("equity_npv")) == -874_162
    assert round(price, 2) == 117.09


def test_a_real_rate_is_made_nominal_by_fisher(tmp_path):
    from tests.support.finance import edited_copy

    path = edited_copy(RO, tmp_path, {("Finance", "discount_basis"): "real"})
    results = evaluate_workbook(path).results
    assert results.scalar("nominal_discount_rate") == pytest.approx(1.14 * 1.06 - 1, rel=1e-15)
    assert results.scalar("real_discount_rate") == pytest.approx(0.14)
    assert results.scalar("npv") == pytest.approx(npv(HAND["flow"], 1.14 * 1.06 - 1), rel=1e-12)


# -- depreciation methods against their published tables -----------------------------------------------------

def test_macrs_five_year_half_year_table():
    # IRS Publication 946, Table A-1 (half-year convention), 5-year property
    charges = depreciation.schedule("macrs", 100.0, 5, 6)
    assert charges == pytest.approx([20.0, 32.0, 19.2, 11.52, 11.52, 5.76], abs=1e-12)


@pytest.mark.parametrize("period", sorted(depreciation.MACRS_HALF_YEAR))
def test_every_macrs_table_recovers_the_cost_in_period_plus_one_years(period):
    rates = depreciation.MACRS_HALF_YEAR[period]
    assert len(rates) == period + 1
    assert sum(rates) == pytest.approx(100.0, abs=0.002)


def test_macrs_seven_year_table():
    assert depreciation.schedule("macrs", 100.0, 7, 8) == pytest.approx(
        [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46], abs=1e-12)  # Publication 946, Table A-1


def test_russian_nonlinear_monthly_rates_by_group():
    # Tax Code of the Russian Federation, art. 259.2 p. 5
    assert depreciation.RU_MONTHLY_RATE == {1: 14.3, 2: 8.8, 3: 5.6, 4: 3.8, 5: 2.7, 6: 1.8, 7: 1.3, 8: 1.0,
                                            9: 0.8, 10: 0.7}


def test_russian_nonlinear_year_is_twelve_months_of_the_group_balance():
    # group 3 (useful lives over 3 up to 5 years): 5.6 % a month of the balance
    balance, expected = 1_000_000.0, []
    for _ in range(2):
        year = 0.0
        for _ in range(12):
            month = balance * 0.056
            year += month
            balance -= month
        expected.append(year)
    assert depreciation.schedule("ru nonlinear", 1_000_000.0, 5, 2, group=3) == pytest.approx(expected, rel=1e-12)
    assert expected[0] == pytest.approx(1_000_000 * (1 - 0.944 ** 12))  # 499,510 RUB in the first year


def test_sum_of_years_digits_and_straight_line():
    assert depreciation.schedule("sum-of-years-digits", 150.0, 5, 6) == pytest.approx([50, 40, 30, 20, 10, 0])
    assert depreciation.schedule("straight-line", 100.0, 4, 5, salvage=20.0) == pytest.approx([20, 20, 20, 20, 0])


def test_double_declining_balance_switches_to_straight_line():
    # 1,000 over 5 years, salvage 0, factor 2: 400, 240, 144, then straight-line 108, 108
    assert depreciation.schedule("declining balance", 1000.0, 5, 5) == pytest.approx([400, 240, 144, 108, 108])


@pytest.mark.parametrize(("method", "extra", "expected"), [
    ("macrs", {}, [0.2 * 8.5e6, 0.32 * 8.5e6, 0.192 * 8.5e6, 0.1152 * 8.5e6, 0.1152 * 8.5e6, 0.0576 * 8.5e6, 0, 0]),
    ("declining balance", {}, depreciation.schedule("declining balance", 8.5e6, 8, 8)),
    ("ru nonlinear", {"depreciation_group": 4}, depreciation.schedule("ru nonlinear", 8.5e6, 8, 8, group=4)),
])
def test_the_model_rows_follow_each_method(tmp_path, method, extra, expected):
    from tests.support.finance import edited_copy

    life = 5 if method == "macrs" else 8
    path = edited_copy(RO, tmp_path, {("Capital", "RO units", "depreciation_method"): method,
                                      ("Capital", "RO units", "useful_life"): life,
                                      **{("Capital", "RO units", name): value for name, value in extra.items()}})
    results = evaluate_workbook(path).results
    charges = np.asarray(results["cf.capital.0.depreciation"])[2:]
    assert charges.tolist() == pytest.approx(expected, rel=1e-12, abs=1e-6)
    residual = 8.5e6 - sum(expected)
    assert results.scalar("residual_book_value") == pytest.approx(residual, abs=0.01)


# -- bad values: one line naming the cell ------------------------------------------------------------------------

@pytest.mark.parametrize(("edit", "message"), [
    ({("Timeline", 0, "capital_share"): 0.3},
     'ni_rinse_ro.xlsx!Timeline!B3:B4 "capital_share": expected construction shares summing to 100 %, got \'90 %\''),
    ({("Timeline", 2, "throughput_share"): 1.5},
     'ni_rinse_ro.xlsx!Timeline!C5 "throughput_share": expected a fraction from 0 to 1 (0 % to 100 %), got 1.5'),
    ({("Replacements", "RO membranes", "interval"): 0},
     'ni_rinse_ro.xlsx!Replacements!C3 "interval": expected a number above 0 year, got 0.0'),
    ({("Finance", "loan_share"): 1.2},
     'ni_rinse_ro.xlsx!Finance!C7 "loan_share": expected a fraction from 0 to 1 (0 % to 100 %), got 1.2'),
    ({("Capital", "RO units", "depreciation_method"): "accelerated"},
     ('ni_rinse_ro.xlsx!Capital!E3 "depreciation_method": expected straight-line or declining balance or '
     'sum-of-years-digits or macrs or ru nonlinear, got \'accelerated\'')),
    ({("Capital", "RO units", "depreciation_method"): "ru nonlinear", ("Capital", "RO units", "depreciation_group"): 11},
     'ni_rinse_ro.xlsx!Capital!I3 "depreciation_group": expected a number of at most 10 dimensionless, got 11.0'),
    ({("Capital", "RO units", "depreciation_method"): "ru nonlinear"},
     ('ni_rinse_ro.xlsx!Capital!E3 "depreciation_group": the Russian nonlinear method needs a depreciation group: '
     'expected a group from 1 to 10, got \'no depreciation_group\'')),
    ({("Capital", "RO units", "depreciation_method"): "macrs"},
     ('ni_rinse_ro.xlsx!Capital!C3 "useful_life": MACRS needs a recovery period of the IRS Publication 946 tables: '
     'expected 3 or 5 or 7 or 10 or 15 or 20, got 8.0')),
    ({("Finance", "levelized_product"): "Steam"},
     ('ni_rinse_ro.xlsx!Finance!C12 "levelized_product": expected the name of a row of the Products sheet (Water '
     'saved, Nickel recovered), got \'Steam\'')),
])
def test_bad_values_are_one_line_errors_naming_the_cell(tmp_path, edit, message):
    from tests.support.finance import edited_copy

    path = edited_copy(RO, tmp_path, edit)
    with pytest.raises(InputError) as caught:
        evaluate_workbook(path)
    assert str(caught.value) == message


# -- new inputs are ordinary inputs: studies may vary them -------------------------------------------------------

def test_inflation_loan_rate_and_replacement_cost_can_be_varied(evaluation):
    from econ.model.build import run_model

    plant = evaluation.plant
    key = plant.input_key("Replacements:RO membranes:cost")
    results = run_model(plant, {"inflation": np.array([0.0, 0.06]), "loan_rate": np.array([0.12, 0.12]),
                                key: np.array([900_000.0, 900_000.0])})
    assert float(np.asarray(results["npv"])[1]) == pytest.approx(npv(HAND["flow"]), rel=1e-12)
    rate_results = run_model(plant, {"loan_rate": np.array([0.0, 0.12])})
    assert float(np.asarray(rate_results["equity_npv"])[1]) == pytest.approx(npv(HAND["equity_flow"]), rel=1e-12)
    assert float(np.asarray(rate_results["equity_npv"])[0]) > float(np.asarray(rate_results["equity_npv"])[1])


def test_break_even_and_uncertainty_take_the_new_inputs_as_keys(evaluation, capsys):
    from econ import cli
    from econ.model.breakeven import break_even
    from econ.model.build import run_model

    plant = evaluation.plant
    (inflation,) = break_even(plant, "inflation", 0.0, 0.3).values
    assert float(run_model(plant, {"inflation": inflation}).scalar("npv")) == pytest.approx(0.0, abs=1e-3)
    loan = break_even(plant, "loan_rate", 0.0, 0.5)  # the project (unlevered) NPV does not depend on the loan
    assert loan.values == ()
    assert loan.reason == "no break-even in [0, 0.5]: NPV stays negative (from -1,271,412 to -1,271,412)"
    assert cli.main(["uncertainty", str(RO), "--samples", "64", "--vary", "inflation=uniform(0.04,0.08)",
                     "--vary", "loan_rate=uniform(0.1,0.14)",
                     "--vary", "Replacements:RO membranes:cost=triangular(700000,900000,1200000)"]) == cli.EXIT_OK
    printed = capsys.readouterr().out
    assert "inflation: uniform(0.04, 0.08) fraction" in printed
    assert "loan_rate: uniform(0.1, 0.14) fraction" in printed
    assert "replacements.0.cost: triangular(700,000, 900,000, 1,200,000) RUB" in printed


def test_net_effect_over_life_charges_depreciation_only_over_the_useful_life(tmp_path):
    from tests.support.finance import edited_copy

    path = edited_copy(RO, tmp_path, {("Capital", "RO units", "useful_life"): 4,
                                      ("Capital", "RO units", "depreciation_method"): "straight-line"})
    results = evaluate_workbook(path).results
    per_year = results.scalar("net_effect_per_year")  # with 8.5 M RUB / 4 of depreciation in it
    assert results.scalar("net_effect_over_life") == pytest.approx(per_year * 8 + 8.5e6 / 4 * (8 - 4), rel=1e-12)
    assert np.asarray(results["cf.capital.0.depreciation"]).tolist() == pytest.approx([0, 0] + [8.5e6 / 4] * 4 + [0] * 4)


@pytest.mark.slow
def test_every_feature_recalculates_in_libreoffice(tmp_path):
    """Every row kind of the full DCF as live formulas: declining balance, the Russian nonlinear method, MACRS, a
    capitalised replacement, an annuity loan with a grace year, property tax, working capital by days, a real rate
    made nominal, and the levelized price; LibreOffice recomputes each cell to the value econ cached."""
    import openpyxl

    from econ.api import write_reports
    from tests.support.finance import edited_copy
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    path = edited_copy(RO, tmp_path, {
        ("Finance", "discount_basis"): "real", ("Finance", "loan_repayment"): "annuity", ("Finance", "loan_grace"): 1,
        ("Replacements", "RO membranes", "treatment"): "capitalised",
        ("Capital", "RO units", "depreciation_method"): "declining balance",
        ("Capital", "Installation", "depreciation_method"): "ru nonlinear",
        ("Capital", "Installation", "depreciation_group"): 4})
    book = openpyxl.load_workbook(path)
    finance = book["Finance"]
    for field, value, unit in (("property_tax_rate", 0.022, "fraction"), ("receivable_days", 30, "day"),
                               ("inventory_days", 20, "day"), ("payable_days", 25, "day")):
        finance.append([field, field, value, unit, "assumption: a test of every row kind"])
    finance.delete_rows(next(row for row in range(2, finance.max_row + 1)
                             if finance.cell(row, 1).value == "working_capital_share"))
    book.save(path)
    evaluation = evaluate_workbook(path)
    results = evaluation.results
    assert results.scalar("property_tax_rate") == 0.022
    assert float(np.asarray(results["cf.replacements_capitalised"])[4]) == pytest.approx(-900_000 * 1.06 ** 4)
    assert results.scalar("residual_book_value") > 0  # the nonlinear balance and the last membranes remain
    assert results.scalar("lc.npv") == 0.0
    (written,) = write_reports(evaluation, tmp_path / "reports", ("xlsx",))
    with office_or_skip() as office:
        result = recalculate(written, office)
    assert compare(result, rel_tol=1e-9) == []
    assert not any(cell.error for cell in result.formulas)
