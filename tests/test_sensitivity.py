"""Tornado and spider (econ.model.sensitivity) and ``econ sensitivity``: every end is the model's own figure."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import numpy as np
import pytest

from econ import cli
from econ.inputs.reader import read_plant
from econ.inputs.uncertainty_reader import UncertainInput
from econ.model.build import run_model
from econ.model.live_inputs import UnreadInputError
from econ.model.outcomes import MetricModel
from econ.model.sensitivity import spider, tornado, tornado_ranges

ROOT = Path(__file__).resolve().parents[1]
CR = ROOT / "inputs" / "cr_scheme.xlsx"
PB = ROOT / "inputs" / "pb_electrorefining.xlsx"


@pytest.fixture(scope="module")
def cr_plant():
    return read_plant(CR)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


def test_default_ranges_are_the_money_valued_inputs_at_plus_minus_20_percent(cr_plant):
    ranges = {item.key: item for item in tornado_ranges(cr_plant, ())}
    # cr_scheme.xlsx: capital 12 M RUB, wage 120,000 RUB/month, tariffs, prices; no zero salvage, no kW or hours;
    # not the water price, which only the formula of Losses!C3 reads (it would swing nothing)
    assert set(ranges) == {"electricity_price", "staffing.0.monthly_wage", "capital.0.cost",
                           "maintenance.0.cost", "byproducts.0.price", "losses.0.replacement_price"}
    assert (ranges["capital.0.cost"].low, ranges["capital.0.cost"].high) == pytest.approx((9.6e6, 14.4e6))
    assert ranges["capital.0.cost"].basis == "-20 % / +20 %"


def test_a_distribution_gives_its_p10_and_p90(cr_plant):
    price = UncertainInput("electricity_price", "uniform", (10.0, 16.0), "", "--vary")
    [item] = tornado_ranges(cr_plant, [price], only_uncertain=True)
    assert (item.low, item.high) == pytest.approx((10.6, 15.4))
    assert item.basis == "P10-P90 of uniform(10, 16)"
    triangle = UncertainInput("capital.0.cost", "triangular", (0.0, 0.0, 10.0), "", "--vary")
    [item] = tornado_ranges(cr_plant, [triangle], only_uncertain=True)
    # F(x) = 1 - (10 - x)^2 / 100: P10 = 10 - sqrt(90), P90 = 10 - sqrt(10)
    assert (item.low, item.high) == pytest.approx((10 - 90 ** 0.5, 10 - 10 ** 0.5))


def test_tornado_ends_are_the_model_at_those_inputs_sorted_by_swing(cr_plant):
    evaluator = MetricModel(cr_plant, ("npv",))
    result = tornado(evaluator, tornado_ranges(cr_plant, ()), "npv")
    assert result.base == pytest.approx(float(run_model(cr_plant)["npv"]), rel=1e-15)
    swings = [swing.swing for swing in result.swings]
    assert swings == sorted(swings, reverse=True)
    top = result.swings[0]
    assert top.range.key == "byproducts.0.price"  # the powder mix sells 2 RUB/kg of 485 t a month
    ends = run_model(cr_plant, {top.range.key: np.array([top.range.low, top.range.high])})["npv"]
    assert (top.metric_low, top.metric_high) == (float(ends[0]), float(ends[1]))
    # the make-up water price reaches NPV only through Losses!replacement_price: not a tornado row, and varying it
    # is an error that says so
    assert "water_price" not in {swing.range.key for swing in result.swings}
    with pytest.raises(UnreadInputError, match="vary 'Losses:Water, irreversible losses:replacement_price'"):
        evaluator.evaluate({"water_price": np.array([10.0, 20.0])})


def test_spider_values_are_the_model_at_each_percent_change(cr_plant):
    evaluator = MetricModel(cr_plant, ("irr",))
    chart = spider(evaluator, ["capital.0.cost", "byproducts.0.recovery"], "irr")
    expected = run_model(cr_plant, {"capital.0.cost": 12e6 * (1 + np.array(chart.changes) / 100)}).metrics["irr"]
    assert chart.values["capital.0.cost"] == tuple(float(value) for value in expected.value)
    # recovery 0.97: +10 % and +20 % would be above 100 %
    assert chart.values["byproducts.0.recovery"][3:] == (None, None)
    assert chart.values["byproducts.0.recovery"][2] == chart.values["capital.0.cost"][2]


def test_sensitivity_json_has_the_documented_schema():
    status, out, err = run_cli("sensitivity", str(CR), "--json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["metric"] == "npv" and isinstance(report["base"], float)
    assert {"key", "low", "high", "metric_low", "metric_high"} <= set(report["inputs"][0])
    assert len(report["spider"]["inputs"]) == 5
    assert report["spider"]["changes_percent"] == [-20.0, -10.0, 0.0, 10.0, 20.0]


def test_vary_restricts_the_tornado_to_the_inputs_it_names():
    status, out, _ = run_cli("sensitivity", str(CR), "--metric", "specific_cost", "--vary",
                             "electricity_price=uniform(10,16)", "--json")
    assert status == 0
    report = json.loads(out)
    [row] = report["inputs"]
    assert (row["key"], row["low"], row["high"]) == ("electricity_price", pytest.approx(10.6), pytest.approx(15.4))
    assert row["metric_high"] > row["metric_low"]  # dearer power, dearer water


def test_any_figure_may_be_the_metric_and_an_unknown_one_is_an_error():
    status, out, _ = run_cli("sensitivity", str(CR), "--metric", "opex_per_month", "--json")
    assert status == 0 and json.loads(out)["metric"] == "opex_per_month"
    status, out, err = run_cli("sensitivity", str(CR), "--metric", "npvv")
    assert (status, out) == (2, "")
    assert err == ("Error: 'npvv' is not a figure of cr_scheme.xlsx's model (npv, irr, payback, discounted_payback, "
                   "specific_cost or another figure key)\n")


def test_incremental_npv_of_an_alternative():
    status, out, _ = run_cli("sensitivity", str(PB), "--metric", "npv", "--alternative", "Bipolar membranes",
                             "--vary", "electricity_price=uniform(5,8)", "--json")
    assert status == 0
    report = json.loads(out)
    assert report["metric"] == "incremental_npv"
    [row] = report["inputs"]
    # the bipolar cells save energy: a dearer tariff makes them worth more
    assert row["metric_high"] > row["metric_low"]


def test_alternative_with_another_metric_is_an_error():
    status, _, err = run_cli("sensitivity", str(PB), "--metric", "irr", "--alternative", "Bipolar membranes")
    assert (status, err) == (2, "Error: --alternative 'Bipolar membranes' takes --metric npv (the incremental NPV), "
                                "not 'irr'\n")


def test_bad_vary_is_a_one_line_error():
    status, out, err = run_cli("sensitivity", str(CR), "--vary", "electricity_price=beta(1,2)")
    assert (status, out) == (2, "")
    assert err == ("Error: cr_scheme.xlsx: --vary 'electricity_price=beta(1,2)': expected a distribution of "
                   "uniform, triangular, pert, normal, lognormal, discrete, got 'beta'\n")


def test_sensitivity_text_runs_on_both_example_workbooks():
    for path in (CR, PB):
        status, out, err = run_cli("sensitivity", str(path))
        assert (status, err) == (0, "")
        assert out.startswith(f"{path.name}: npv at base ")
        assert "Spider: npv against the change of each input from its base value" in out
