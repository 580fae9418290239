"""econ.evaluate, the API for notebooks: dicts and DataFrames of one case or of a sweep, and the reports.

Reference figures of inputs/cr_scheme.xlsx (the paper's Table 3, recomputed): electricity 7,920 kWh x
13.086 RUB/kWh = 103,641.12 RUB/month, labour 120,000, depreciation 12 M RUB / 10 years / 12 = 100,000,
maintenance 700,000 / 12 = 58,333.33 RUB/month.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import econ
from econ.errors import InputError
from econ.inputs.reader import read_plant
from econ.model.live_inputs import UnreadInputError
from econ.notebook import PlantResult, SweepResult

ROOT = Path(__file__).resolve().parents[1]
CR = ROOT / "inputs" / "cr_scheme.xlsx"
CAPITAL = "Capital:ED + EDI treatment plant equipment:cost"
OTHER_OPEX = 120_000 + 100_000 + 700_000 / 12  # labour, depreciation, maintenance [RUB/month]


@pytest.fixture(scope="module")
def result() -> PlantResult:
    return econ.evaluate(CR)


def test_the_metrics_are_a_dict_with_units(result):
    assert result.metrics["opex_per_month"] == pytest.approx(7920 * 13.086 + OTHER_OPEX)
    assert result.metrics["specific_cost"] == pytest.approx((7920 * 13.086 + OTHER_OPEX) / 10_000)
    assert result.metrics["capital_total"] == 12_000_000
    assert set(result.metrics) >= {"npv", "irr", "payback", "discounted_payback", "specific_cost", "opex_per_month",
                                   "net_effect_per_month", "net_effect_per_year"}
    assert (result.units["npv"], result.units["irr"], result.units["specific_cost"]) == ("RUB", "fraction",
                                                                                          "RUB/m^3")
    assert result.reasons == {}


def test_the_cash_flow_is_a_table_of_years_that_gives_the_npv(result):
    table = result.cash_flow
    assert list(table.index) == list(range(11)) and table.index.name == "Year"
    assert table["Investment [RUB]"].iloc[0] == -12_000_000
    assert table["Net cash flow [RUB]"].iloc[0] == -12_000_000
    assert table["Discounted cash flow [RUB]"].sum() == pytest.approx(result.metrics["npv"])
    assert table["Discount factor [-]"].iloc[1] == pytest.approx(1 / (1 + read_plant(CR).value("discount_rate")))
    assert not table.isna().any().any()  # no silent NaN: the payback is in the metrics
    assert table.columns[-1] == "Cumulative discounted cash flow [RUB]"


def test_the_opex_lines_are_the_papers_table_3(result):
    opex = result.opex
    assert list(opex.index) == ["opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                                "opex_per_month"]
    assert opex["cost [RUB/month]"].tolist() == pytest.approx([103_641.12, 120_000, 100_000, 700_000 / 12,
                                                               381_974.4533333])
    assert opex.loc["opex_energy", "line"] == "Electricity"


def test_the_checks_are_published_against_computed(result):
    checks = result.checks
    assert len(checks) == len(result.evaluation.comparisons) == 20
    row = checks.loc["E-cost-text"]
    assert (row["published"], row["unit"], row["verdict"]) == (103_635, "thousand RUB/month", "differs")
    assert row["computed"] == pytest.approx(103.64112)
    assert set(result.audits["status"]) <= {"ok", "warning"}
    assert result.cases.index.tolist() == ["Base case"]


def test_an_override_by_keyword_or_by_sheet_row_and_field(result):
    cheaper = econ.evaluate(CR, electricity_price=10.0, overrides={CAPITAL: 10_000_000})
    assert cheaper.metrics["opex_per_month"] == pytest.approx(7920 * 10 + 120_000 + 10_000_000 / 10 / 12
                                                             + 700_000 / 12)
    assert cheaper.metrics["capital_total"] == 10_000_000
    assert cheaper.overrides == {CAPITAL: 10_000_000, "electricity_price": 10.0}
    by_key = econ.evaluate(read_plant(CR), **{"capital.0.cost": 10_000_000})  # a Plant, a model key
    by_name = econ.evaluate(CR, overrides={CAPITAL: 10_000_000})
    assert by_key.metrics == by_name.metrics
    assert cheaper.metrics["npv"] - by_key.metrics["npv"] == pytest.approx(  # 25 % income tax
        7920 * 3.086 * 12 * (1 - 0.25) * by_key.cash_flow["Discount factor [-]"].iloc[1:].sum())
    assert result.metrics["capital_total"] == 12_000_000  # the first evaluation is untouched


def test_a_sweep_gives_one_row_per_case_with_the_inputs_as_columns():
    sweep = econ.evaluate(CR, electricity_price=[5, 10, 15], overrides={CAPITAL: np.array([10e6, 12e6, 20e6])})
    assert isinstance(sweep, SweepResult)
    table = sweep.metrics
    assert list(table.columns[:2]) == [CAPITAL, "electricity_price"]
    assert table.index.tolist() == [0, 1, 2]
    assert table["opex_per_month"].tolist() == pytest.approx(
        [7920 * price + 120_000 + capital / 120 + 700_000 / 12 for price, capital in ((5, 10e6), (10, 12e6),
                                                                                      (15, 20e6))])
    single = econ.evaluate(CR, electricity_price=10, overrides={CAPITAL: 12e6})
    assert table.loc[1, "npv"] == pytest.approx(single.metrics["npv"])
    assert table.loc[1, "irr"] == pytest.approx(single.metrics["irr"])


def test_a_metric_undefined_in_a_case_is_na_with_its_reason():
    by_products = "ByProducts:Salt-bearing powder mix (construction):price"
    table = econ.evaluate(CR, overrides={by_products: [0, 2]}).metrics
    assert pd.isna(table.loc[0, "irr"]) and table.loc[1, "irr"] == pytest.approx(econ.evaluate(CR).metrics["irr"])
    assert table.loc[0, "irr reason"] == "undefined: cash flow never changes sign"
    assert table.loc[1, "irr reason"] == ""
    assert table.loc[0, "payback reason"] == "not reached within 10 years"


def test_arrays_of_different_lengths_name_the_keys_that_disagree():
    with pytest.raises(InputError) as raised:
        econ.evaluate(CR, electricity_price=[5, 10, 15], overrides={"capital.0.cost": [1e7, 2e7]})
    assert str(raised.value) == ("overrides of different lengths (capital.0.cost has 2, electricity_price has 3 "
                                 "values): give every array one value per case")


def test_an_unknown_or_unreadable_override_is_an_error_that_says_what_to_do():
    with pytest.raises(InputError) as raised:
        econ.evaluate(CR, electrcity_price=5)
    assert str(raised.value) == ("override 'electrcity_price' of cr_scheme.xlsx (did you mean 'electricity_price'?): "
                                 "expected an input that the workbook gives a value")
    with pytest.raises(InputError) as raised:
        econ.evaluate(CR, service_life=[5, 6])
    assert str(raised.value) == ("override service_life: expected one value; the service life sets the years of "
                                 "the cash-flow table and cannot vary between cases")
    with pytest.raises(UnreadInputError) as unread:
        econ.evaluate(CR, water_price=50)
    assert str(unread.value).startswith('cr_scheme.xlsx!Tariffs!C3 "water_price" cannot be overridden: no figure')
    with pytest.raises(InputError) as raised:
        econ.evaluate(CR, electricity_price=[5, float("nan")])
    assert str(raised.value) == "override 'electricity_price': expected finite numbers, got [5, nan]"


def test_a_single_value_override_changes_the_service_life():
    shorter = econ.evaluate(CR, service_life=5)
    assert len(shorter.cash_flow) == 6
    # the capital's useful life (10 years) still sets its depreciation: each year's cash flow is unchanged
    assert shorter.cash_flow["Net cash flow [RUB]"].tolist() == pytest.approx(
        econ.evaluate(CR).cash_flow["Net cash flow [RUB]"].tolist()[:6])
    assert shorter.metrics["npv"] == pytest.approx(
        econ.evaluate(CR).cash_flow["Discounted cash flow [RUB]"].iloc[:6].sum())


def test_to_excel_writes_the_results_workbook_at_the_path(result, tmp_path):
    target = tmp_path / "out" / "cr.xlsx"
    assert result.to_excel(target) == target
    import openpyxl

    book = openpyxl.load_workbook(target)
    assert "Cash flow" in book.sheetnames
    assert sorted(path.name for path in target.parent.iterdir()) == ["cr.xlsx"]  # nothing left beside it


@pytest.mark.slow
def test_to_pdf_writes_the_report_in_the_language_asked(result, tmp_path):
    from pypdf import PdfReader

    target = result.to_pdf(tmp_path / "cr_ru.pdf", lang="ru")
    text = PdfReader(target).pages[0].extract_text()
    assert "Очистка" in text or "очистка" in text
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cr_ru.pdf"]
