"""inputs/ni_rinse_ro.xlsx, the acceptance workbook of issue 11: a rinse-water RO plant of nickel plating.

Every figure below is computed by hand from the issue's inputs (scripts/make_ni_rinse_ro.py states each one and
its source): 12 kW for 16 h a day, 22 days a month, at 7.5 RUB/kWh; two operators at 55,000 RUB/month; capital
8.5 + 1.2 M RUB over 8 years; water saved 1,200 m^3/month at 95 RUB/m^3,
nickel 120 kg/month at 1,800 RUB/kg; reagents 3 g/m^3 at 450 RUB/kg and 0.02 L/m^3 at 250 RUB/L on 1,500 m^3/month;
tax 20 %, discount rate 14 %. Issue 14 replaced the maintenance line (2 % of 8.5 M RUB a year, for membranes and
service) by the membrane replacement of the Replacements sheet, and gave the workbook the full discounted cash
flow, whose yearly rows, NPV and payback tests/test_full_dcf.py computes by hand.
"""

from __future__ import annotations

import pytest

from econ.api import evaluate_workbook, write_reports
from tests.conftest import INPUTS
from tests.test_full_dcf import HAND, npv

ENERGY = 12 * 16 * 22  # kWh/month
ENERGY_COST = ENERGY * 7.5  # 31,680 RUB/month
LABOUR = 2 * 55_000
CAPITAL = 8.5e6 + 1.2e6
DEPRECIATION = CAPITAL / 8 / 12  # 101,041.67 RUB/month
MAINTENANCE = 0.0  # issue 14: the membranes are a replacement, not a maintenance line
REAGENTS = 0.003 * 1500 * 450 + 0.02 * 1500 * 250  # 2,025 + 7,500 RUB/month
REVENUE = 1200 * 95 + 120 * 1800  # 330,000 RUB/month
OPEX = ENERGY_COST + LABOUR + DEPRECIATION + MAINTENANCE + REAGENTS
NPV = npv(HAND["flow"])  # the full DCF of issue 14


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_workbook(INPUTS / "ni_rinse_ro.xlsx")


@pytest.mark.parametrize(("key", "expected"), [
    ("energy_per_month", ENERGY),
    ("energy_cost_per_month", ENERGY_COST),
    ("opex_labour", LABOUR),
    ("capital_total", CAPITAL),
    ("opex_depreciation", DEPRECIATION),
    ("opex_maintenance", MAINTENANCE),
    ("opex_consumables", REAGENTS),
    ("opex_per_month", OPEX),
    ("products_value_per_month", REVENUE),
    ("net_effect_per_month", REVENUE - OPEX),
    ("specific_cost", OPEX / 1500),
    ("npv", NPV),
])
def test_monthly_figures_and_npv_are_the_hand_computed_ones(evaluation, key, expected):
    assert evaluation.results.scalar(key) == pytest.approx(expected, rel=1e-12)


def test_cash_flow_and_payback(evaluation):
    results = evaluation.results
    assert float(results["cf.net_cash_flow"][0]) == pytest.approx(-0.4 * CAPITAL)  # 40 % spent in year 0
    assert float(results["cf.revenue"][3]) == pytest.approx(REVENUE * 12 * 1.06 ** 3)  # savings count as inflows
    cumulative, year = 0.0, 0
    while cumulative + HAND["flow"][year] < 0:
        cumulative += HAND["flow"][year]
        year += 1
    assert results.metrics["payback"].number == pytest.approx(year - 1 - cumulative / HAND["flow"][year])
    assert results.metrics["discounted_payback"].number is None  # NPV < 0: not reached within the 10 years
    assert NPV == pytest.approx(-1_271_411.84, abs=0.01)


def test_the_single_unit_alternative_saves_less_and_costs_less(evaluation):
    base, single = evaluation.cases
    assert single.name == "Single RO unit"
    assert single.value("products_value_per_month") == pytest.approx(900 * 95 + 90 * 1800)  # 247,500
    assert single.value("energy_per_month") == pytest.approx(8 * 16 * 22)
    assert single.value("capital_total") == pytest.approx(5.5e6 + 0.8e6)
    assert single.value("opex_consumables") == pytest.approx(REAGENTS)  # the same feed, the same doses
    assert base.value("npv") == pytest.approx(NPV)


def test_every_input_has_a_source(evaluation):
    missing = [key for key, parameter in evaluation.plant.parameters.items() if not parameter.source.strip()]
    assert missing == []
    sources = {parameter.source for parameter in evaluation.plant.parameters.values()}
    assert all(source.startswith(("client brief", "assumption: ")) for source in sources), sources


@pytest.mark.slow
def test_results_workbook_recalculates_in_libreoffice(evaluation, tmp_path):
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    (written,) = write_reports(evaluation, tmp_path, ("xlsx",))
    with office_or_skip() as office:
        result = recalculate(written, office)
    assert compare(result, rel_tol=1e-9) == []
    assert not any(cell.error for cell in result.formulas)
    formulas = {(cell.sheet, cell.address) for cell in result.formulas}
    assert len(formulas) > 300
