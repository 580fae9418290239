"""The model on the chromium scheme: hand-checked figures, vectorization, undefined metrics.

Hand-checked values follow from the paper's inputs (seed 002, economics section):
8 h/day x 22 days/month, 45 kW installed, 13.086 RUB/kWh, 120 000 RUB/month
labour, 12 mln RUB over 10 years, 700 000 RUB/year maintenance, 10 000 m3/month
at 50 kg/m3 of salts, recovery 0.97, losses 15 %, 2 RUB/kg, water at 40.52 RUB/m3.
The workbook adds a 10 % discount rate and a 25 % income tax as assumptions.
"""

from __future__ import annotations

import numpy as np
import numpy_financial as npf
import pytest

from econ.inputs.reader import read_plant
from econ.model import metrics
from econ.model.build import run_model
from tests.conftest import CR_SCHEME

HAND_CHECKED = {
    "operating_hours_per_month": 8 * 22,
    "installed_power": 6 * 4 + 10 + 10 + 1,
    "energy_per_month": 45 * 176,
    "energy_cost_per_month": 7920 * 13.086,  # 103 641.12, the paper prints 103 635
    "labour_cost_per_month": 120_000,
    "depreciation_per_month": 12e6 / 10 / 12,
    "maintenance_per_month": 700_000 / 12,
    "opex_per_month": 7920 * 13.086 + 120_000 + 100_000 + 700_000 / 12,
    "specific_cost": (7920 * 13.086 + 120_000 + 100_000 + 700_000 / 12) / 10_000,
    "byproduct_mass_per_month": 10_000 * 50 * 0.97 * (1 - 0.15),  # 412 250 kg
    "byproduct_revenue_per_month": 412_250 * 2,
    "loss_amount_per_month": 10_000 * 0.15,
    "loss_cost_per_month": 1500 * 40.52,
    "capital_total": 12e6,
}


@pytest.fixture(scope="module")
def plant():
    return read_plant(CR_SCHEME)


@pytest.fixture(scope="module")
def results(plant):
    return run_model(plant)


@pytest.mark.parametrize("key", sorted(HAND_CHECKED))
def test_figure_matches_hand_calculation(results, key):
    assert results.scalar(key) == pytest.approx(HAND_CHECKED[key], rel=1e-12)


def test_net_effect_is_revenue_minus_opex_minus_losses(results):
    net = 824_500 - HAND_CHECKED["opex_per_month"] - 60_780
    assert results.scalar("net_effect_per_month") == pytest.approx(net, rel=1e-12)
    assert results.scalar("net_effect_per_year") == pytest.approx(net * 12, rel=1e-12)
    assert results.scalar("net_effect_over_life") == pytest.approx(net * 120, rel=1e-12)


def test_cash_flow_table_golden(results):
    """The whole annual table: year 0 invests 12 mln; years 1..10 earn the same after 25 % tax."""
    revenue = 824_500 * 12
    cash_costs = (HAND_CHECKED["opex_per_month"] - 100_000 + 60_780) * 12
    profit = revenue - cash_costs - 1_200_000
    tax = 0.25 * profit
    operating = profit - tax + 1_200_000
    expected = {
        "cf.year": list(range(11)),
        "cf.revenue": [0] + [revenue] * 10,
        "cf.operating_costs": [0] + [-cash_costs] * 10,
        "cf.depreciation": [0] + [-1_200_000] * 10,
        "cf.pre_tax_profit": [0] + [profit] * 10,
        "cf.income_tax": [0] + [-tax] * 10,
        "cf.investment": [-12e6] + [0] * 10,
        "cf.salvage": [0] * 11,
        "cf.net_cash_flow": [-12e6] + [operating] * 10,
        "cf.cumulative": list(np.cumsum([-12e6] + [operating] * 10)),
    }
    for key, row in expected.items():
        np.testing.assert_allclose(results[key], row, rtol=1e-12, atol=1e-6, err_msg=key)


def test_metrics_come_from_the_cash_flow_table(results):
    flows = results["cf.net_cash_flow"]
    assert results.scalar("npv") == pytest.approx(npf.npv(0.10, flows), rel=1e-12)
    irr = float(results.metrics["irr"].value)
    assert irr == pytest.approx(npf.irr(flows), rel=1e-9)
    assert npf.npv(irr, flows) == pytest.approx(0, abs=1e-4)
    payback = float(results.metrics["payback"].value)
    assert payback == pytest.approx(12e6 / flows[1], rel=1e-12)  # equal annual flows
    cumulative = results["cf.cumulative"]
    year = int(np.ceil(payback))
    assert cumulative[year - 1] < 0 <= cumulative[year]
    discounted = float(results.metrics["discounted_payback"].value)
    assert discounted > payback
    assert float(results.metrics["profitability_index"].value) == pytest.approx(
        1 + results.scalar("npv") / 12e6, rel=1e-12)


def test_hundred_thousand_cases_in_one_call_equal_single_runs(plant):
    prices = np.linspace(5.0, 25.0, 100_000)
    rates = np.linspace(0.02, 0.30, 100_000)
    sweep = run_model(plant, {"electricity_price": prices, "discount_rate": rates})
    assert sweep["npv"].shape == (100_000,)
    assert sweep["cf.net_cash_flow"].shape == (100_000, 11)
    for index in (0, 31_337, 99_999):
        single = run_model(plant, {"electricity_price": prices[index], "discount_rate": rates[index]})
        for key in ("opex_per_month", "specific_cost", "npv", "net_effect_per_year"):
            assert sweep[key][index] == pytest.approx(single.scalar(key), rel=1e-12)
        assert sweep.metrics["irr"].value[index] == pytest.approx(float(single.metrics["irr"].value), rel=1e-10)


def test_higher_tariff_raises_specific_cost_and_lowers_npv(plant):
    low, high = run_model(plant, {"electricity_price": 10.0}), run_model(plant, {"electricity_price": 20.0})
    assert high.scalar("specific_cost") - low.scalar("specific_cost") == pytest.approx(7920 * 10 / 10_000)
    assert high.scalar("npv") < low.scalar("npv")


def test_without_byproduct_revenue_irr_and_payback_are_undefined_not_nan(plant):
    results = run_model(plant, {"byproducts.0.price": 0.0})
    irr = results.metrics["irr"]
    assert int(irr.status) == metrics.IRR_NO_SIGN_CHANGE
    assert irr.describe() == "undefined: cash flow never changes sign"
    payback = results.metrics["payback"]
    assert int(payback.status) == 1
    assert payback.describe() == "not reached within 10 years"
    assert results.scalar("npv") < 0


def test_zero_throughput_is_a_model_error_naming_the_figure(plant):
    from econ.errors import ModelError

    with pytest.raises(ModelError, match="specific_energy"):
        run_model(plant, {"throughput": 0.0})


def test_service_life_cannot_vary_per_case(plant):
    with pytest.raises(KeyError, match="service_life"):
        run_model(plant, {"service_life": np.array([5.0, 10.0])})
