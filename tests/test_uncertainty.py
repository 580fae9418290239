"""Monte Carlo and Sobol indices (econ.model.uncertainty), the distributions, the sampler, the Uncertainty sheets
and ``econ uncertainty``: statistics against closed forms, exact agreement with the model, reproducibility."""

from __future__ import annotations

import contextlib
import io
import json
import math
import shutil
import time
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from scipy import stats

from econ import cli
from econ.errors import InputError
from econ.inputs.reader import read_plant
from econ.inputs.uncertainty_reader import UncertainInput
from econ.model import distributions
from econ.model.build import run_model
from econ.model.outcomes import MetricModel
from econ.model.sampling import Sampler, chunk_bounds, chunk_stream
from econ.model.uncertainty import (
    local_map,
    monte_carlo,
    sobol_indices,
    summarize,
    threaded_map,
)

ROOT = Path(__file__).resolve().parents[1]
CR = ROOT / "inputs" / "cr_scheme.xlsx"
PB = ROOT / "inputs" / "pb_electrorefining.xlsx"
PRICE = UncertainInput("electricity_price", "uniform", (10.0, 16.0), "test", "--vary")


@pytest.fixture(scope="module")
def cr_plant():
    return read_plant(CR)


@pytest.fixture(scope="module")
def cr_evaluator(cr_plant):
    return MetricModel(cr_plant)


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(list(argv))
    return status, out.getvalue(), err.getvalue()


def with_sheets(tmp_path: Path, sheets: dict[str, list[tuple]], cells: dict[str, object] | None = None,
                source: Path = CR) -> Path:
    """A copy of ``source`` with sheets added (rows, header first) and cells set (``Capital!F1``)."""
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    book = openpyxl.load_workbook(target)
    for title, rows in sheets.items():
        if title in book.sheetnames:  # replaced: the bundled workbook may have one (cr_scheme's Uncertainty sheet)
            book.remove(book[title])
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for address, value in (cells or {}).items():
        name, cell = address.split("!")
        book[name][cell].value = value
    book.save(target)
    return target


UNCERTAINTY_HEADER = ("input", "unit", "distribution", "low", "mode", "high", "mean", "sd", "values",
                      "probabilities", "source")


# -- the model: exact agreement and closed forms --------------------------------------------------------------


def test_metric_model_agrees_exactly_with_run_model(cr_plant, cr_evaluator):
    prices = np.array([5.0, 10.0, 13.086, 16.0, 40.0])
    results = run_model(cr_plant, {"electricity_price": prices})
    metrics = cr_evaluator.evaluate({"electricity_price": prices})
    assert np.array_equal(metrics["npv"].values, results["npv"])
    assert np.array_equal(metrics["specific_cost"].values, results["specific_cost"])
    for key in ("irr", "payback", "discounted_payback"):
        assert np.array_equal(metrics[key].values, results.metrics[key].value, equal_nan=True), key
        assert np.array_equal(metrics[key].status != 0, results.metrics[key].status != 0), key


def test_uniform_input_entering_linearly_gives_the_closed_form_mean_and_std(cr_evaluator):
    # NPV is linear in the tariff while the pre-tax profit stays positive (income tax without a kink)
    ends = cr_evaluator.evaluate({"electricity_price": np.array([10.0, 13.0, 16.0])})["npv"].values
    assert ends[1] == pytest.approx((ends[0] + ends[2]) / 2, rel=1e-12)
    slope = (ends[2] - ends[0]) / 6.0
    outcome = monte_carlo(cr_evaluator, Sampler.of([PRICE]), 40_000, seed=7)
    npv = outcome.statistics()["npv"]
    assert abs(npv["mean"] - ends[1]) < 4 * npv["sem"]
    expected_std = abs(slope) * 6.0 / math.sqrt(12)
    # the standard error of a sample standard deviation of a uniform: std * sqrt((kurtosis - 1) / (4 n)), kurtosis 1.8
    assert abs(npv["std"] - expected_std) < 4 * expected_std * math.sqrt(0.8 / (4 * 40_000))
    assert npv["sem"] == pytest.approx(npv["std"] / math.sqrt(40_000), rel=1e-12)


def test_single_varied_input_has_first_order_and_total_sobol_indices_of_one(cr_evaluator):
    result = sobol_indices(cr_evaluator, Sampler.of([PRICE]), 1024, seed=3)
    [row] = result["inputs"]
    assert result["evaluations"] == 1024 * 3
    assert abs(row["S1"] - 1) <= row["S1_conf"]
    assert abs(row["ST"] - 1) <= row["ST_conf"]


def test_sobol_indices_rank_the_inputs_like_their_variance_shares(cr_evaluator):
    capital = UncertainInput("capital.0.cost", "uniform", (6e6, 18e6), "test", "--vary")
    result = sobol_indices(cr_evaluator, Sampler.of([PRICE, capital]), 1024, seed=3)
    first, second = result["inputs"]
    assert second["S1"] > first["S1"]  # +-6 M RUB of capital moves NPV more than +-3 RUB/kWh
    assert first["S1"] + second["S1"] == pytest.approx(1, abs=0.15)


def test_undefined_paybacks_are_counted_never_averaged(cr_plant, cr_evaluator):
    # a dear plant does not pay back within 10 years in some samples
    capital = UncertainInput("capital.0.cost", "uniform", (10e6, 60e6), "test", "--vary")
    outcome = monte_carlo(cr_evaluator, Sampler.of([capital]), 5_000, seed=11)
    drawn = np.concatenate([Sampler.of([capital]).chunk(11, index, stop - start)["capital.0.cost"]
                            for index, (start, stop) in enumerate(chunk_bounds(5_000))])
    payback = run_model(cr_plant, {"capital.0.cost": drawn}).metrics["payback"]
    reached = payback.status == 0
    summary = outcome.statistics()["payback"]
    assert 0 < summary["undefined"] < 5_000
    assert summary["undefined"] == int(np.count_nonzero(~reached))
    assert summary["prob_not_reached"] == summary["undefined"] / 5_000
    assert summary["mean"] == pytest.approx(float(np.mean(payback.value[reached])), rel=1e-12)
    assert summary["p50"] == pytest.approx(float(np.median(payback.value[reached])), rel=1e-12)


def test_summary_of_a_metric_undefined_everywhere_is_null_not_nan():
    from econ.model.outcomes import MetricArrays

    summary = summarize("irr", MetricArrays(np.full(4, np.nan), np.ones(4, dtype=np.int8)))
    assert summary["mean"] is None and summary["p95"] is None
    assert summary["defined"] == 0 and summary["undefined"] == 4


def test_the_same_seed_gives_the_same_samples_in_any_chunk_order(cr_evaluator):
    sampler = Sampler.of([PRICE])
    first = monte_carlo(cr_evaluator, sampler, 100_000, seed=5)
    again = monte_carlo(cr_evaluator, sampler, 100_000, seed=5,
                        map_chunks=lambda task, chunks: reversed(list(local_map(task, chunks))))
    other = monte_carlo(cr_evaluator, sampler, 100_000, seed=6)
    threaded = monte_carlo(cr_evaluator, sampler, 100_000, seed=5, map_chunks=threaded_map(2))
    assert first.statistics() == again.statistics() == threaded.statistics()
    assert np.array_equal(first.metrics["npv"].values, again.metrics["npv"].values)
    assert first.statistics()["npv"]["mean"] != other.statistics()["npv"]["mean"]


def test_chunk_streams_are_the_children_of_seed_sequence_spawn():
    children = np.random.SeedSequence(42).spawn(3)
    for index, child in enumerate(children):
        assert np.array_equal(chunk_stream(42, index).random(5), np.random.default_rng(child).random(5))


# -- distributions and correlation -----------------------------------------------------------------------------

DISTRIBUTIONS = [
    ("uniform", (10.0, 16.0)),
    ("triangular", (1.0, 2.0, 6.0)),
    ("pert", (1.0, 2.0, 6.0)),
    ("normal", (5.0, 2.0)),
    ("lognormal", (5.0, 2.0)),
    ("discrete", (1.0, 2.0, 10.0, 0.2, 0.5, 0.3)),
]


@pytest.mark.parametrize(("name", "parameters"), DISTRIBUTIONS)
def test_each_distribution_has_its_closed_form_moments(name, parameters):
    count = 200_000
    for values in (distributions.draw(name, parameters, np.random.default_rng(1), count),
                   distributions.ppf(name, parameters, np.random.default_rng(2).random(count))):
        mean, variance = distributions.mean(name, parameters), distributions.variance(name, parameters)
        assert abs(values.mean() - mean) < 4 * math.sqrt(variance / count)
        fourth = np.mean((values - values.mean()) ** 4)
        assert abs(values.var(ddof=1) - variance) < 4 * math.sqrt((fourth - variance ** 2) / count)


def test_closed_form_moments_of_pert_and_lognormal():
    assert distributions.mean("pert", (1.0, 2.0, 6.0)) == pytest.approx((1 + 8 + 6) / 6)
    mu, sigma = distributions.lognormal_parameters(5.0, 2.0)
    assert math.exp(mu + sigma ** 2 / 2) == pytest.approx(5.0)
    assert (math.exp(sigma ** 2) - 1) * math.exp(2 * mu + sigma ** 2) == pytest.approx(4.0)


def test_rank_correlation_is_achieved_by_the_gaussian_copula():
    first = UncertainInput("a", "uniform", (0.0, 1.0), "", "")
    second = UncertainInput("b", "pert", (1.0, 2.0, 6.0), "", "")
    sampler = Sampler.of([first, second], [("a", "b", 0.7)])
    values = sampler.chunk(9, 0, 30_000)
    rho, _ = stats.spearmanr(values["a"], values["b"])
    assert rho == pytest.approx(0.7, abs=0.015)


# -- the Uncertainty, Correlations sheets and estimate classes -----------------------------------------------------


def test_uncertainty_sheet_converts_units_and_estimate_class_gives_the_capital_range(tmp_path):
    path = with_sheets(tmp_path, {
        "Uncertainty": [UNCERTAINTY_HEADER,
                        ("electricity_price", "RUB/MWh", "uniform", 10_000, None, 16_000, None, None, None, None,
                         "tariff range"),
                        ("Staffing:Laboratory assistant, process engineer and fitter (crew):monthly_wage",
                         "RUB/month", "normal", None, None, None, 120_000, 10_000, None, None, "wages"),
                        ("byproducts.0.recovery", "%", "discrete", None, None, None, None, None, "90; 97",
                         "0.4; 0.6", "two outcomes")],
        "Correlations": [("input_a", "input_b", "rank_correlation", "source"),
                         ("electricity_price", "capital.0.cost", 0.5, "both follow inflation")],
    }, {"Capital!F1": "estimate_class", "Capital!F3": 4})
    plant = read_plant(path)
    items = {item.key: item for item in plant.uncertainty.inputs}
    assert items["electricity_price"].parameters == pytest.approx((10.0, 16.0))
    assert items["staffing.0.monthly_wage"].parameters == (120_000.0, 10_000.0)
    assert items["byproducts.0.recovery"].parameters == pytest.approx((0.90, 0.97, 0.4, 0.6))
    capital = items["capital.0.cost"]
    assert (capital.distribution, capital.origin) == ("triangular", "estimate class 4")
    assert capital.parameters == pytest.approx((8.4e6, 12e6, 18e6))
    assert capital.source == "AACE 18R-97 estimate class 4: -30% / +50% (wide end of the range)"
    assert plant.uncertainty.correlations == (("electricity_price", "capital.0.cost", 0.5),)
    # the salvage value's source says "salvage_value: assumption" and it has no range
    assert "capital.0.salvage_value" in plant.uncertainty.unquantified
    assert "electricity_price" not in plant.uncertainty.unquantified


def _uncertainty_error(tmp_path: Path, rows: list[tuple], correlations: list[tuple] | None = None,
                       cells: dict | None = None) -> str:
    sheets = {"Uncertainty": [UNCERTAINTY_HEADER, *rows]}
    if correlations is not None:
        sheets["Correlations"] = [("input_a", "input_b", "rank_correlation"), *correlations]
    with pytest.raises(InputError) as error:
        read_plant(with_sheets(tmp_path, sheets, cells))
    return str(error.value)


def _row(distribution: str, low=None, mode=None, high=None, mean=None, sd=None, key="electricity_price"):
    return (key, "RUB/kWh" if key == "electricity_price" else None, distribution, low, mode, high, mean, sd, None,
            None, "")


@pytest.mark.parametrize(("row", "message"), [
    (_row("gamma", 1, None, 2), 'cr_scheme.xlsx!Uncertainty!C2 "distribution": expected uniform or triangular or '
                                "pert or normal or lognormal or discrete, got 'gamma'"),
    (_row("uniform", 16, None, 10), 'cr_scheme.xlsx!Uncertainty!F2 "high": expected uniform with low < high, '
                                    "got '16, 10'"),
    (_row("uniform", 10, 12, 16), 'cr_scheme.xlsx!Uncertainty!E2 "mode": expected no mode: uniform takes low, '
                                  "high, got 12.0"),
    (_row("triangular", 10, None, 16), 'cr_scheme.xlsx!Uncertainty!E2 "mode": expected a number: triangular takes '
                                       "low, mode, high, got 'an empty cell'"),
    (_row("normal", mean=13, sd=-1), 'cr_scheme.xlsx!Uncertainty!H2 "sd": expected normal with a standard '
                                     "deviation (sd) above 0, got '13, -1'"),
    (_row("uniform", 10, None, 16, key="no_such_input"),
     'cr_scheme.xlsx!Uncertainty!A2 "field": expected an input that the workbook gives a value, got \'no_such_input\''),
])
def test_a_bad_uncertainty_cell_is_one_line_naming_its_cell(tmp_path, row, message):
    text = _uncertainty_error(tmp_path, [row])
    assert "\n" not in text
    assert message in text


def test_a_correlation_outside_minus_one_to_one_is_an_error(tmp_path):
    text = _uncertainty_error(tmp_path, [_row("uniform", 10, None, 16),
                                         _row("uniform", 1e7, None, 2e7, key="capital.0.cost")],
                              [("electricity_price", "capital.0.cost", 1.5)])
    assert 'cr_scheme.xlsx!Correlations!C2 "rank_correlation": expected a rank correlation from -1 to 1, got 1.5' \
        in text


def test_contradicting_correlations_are_not_positive_definite(tmp_path):
    rows = [_row("uniform", 10, None, 16), _row("uniform", 1e7, None, 2e7, key="capital.0.cost"),
            _row("uniform", 1e5, None, 2e5, key="maintenance.0.cost")]
    text = _uncertainty_error(tmp_path, rows, [("electricity_price", "capital.0.cost", 0.9),
                                               ("electricity_price", "maintenance.0.cost", 0.9),
                                               ("capital.0.cost", "maintenance.0.cost", -0.9)])
    assert ('cr_scheme.xlsx!Correlations!C2:C4 "rank_correlation": expected rank correlations that together form a '
            "positive definite matrix, got 'a matrix that is not (some correlations contradict each other)'") in text


def test_an_estimate_class_outside_one_to_five_is_an_error(tmp_path):
    with pytest.raises(InputError) as error:
        read_plant(with_sheets(tmp_path, {}, {"Capital!F1": "estimate_class", "Capital!F2": "-", "Capital!F3": 6}))
    assert 'cr_scheme.xlsx!Capital!F3 "estimate_class"' in str(error.value)


# -- the command ------------------------------------------------------------------------------------------------


def test_uncertainty_json_has_the_documented_schema():
    status, out, err = run_cli("uncertainty", str(CR), "--samples", "2000", "--seed", "4", "--sobol", "256",
                               "--vary", "electricity_price=uniform(10,16)", "--json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert (report["samples"], report["seed"]) == (2000, 4)
    assert set(report["metrics"]) == {"npv", "irr", "payback", "discounted_payback", "specific_cost"}
    assert {"mean", "std", "p5", "p10", "p50", "p90", "p95", "prob_negative", "sem"} <= set(report["metrics"]["npv"])
    assert report["metrics"]["npv"]["prob_negative"] == 0.0
    assert report["sobol"]["inputs"][0]["key"] == "electricity_price"
    assert {"S1", "S1_conf", "ST", "ST_conf"} <= set(report["sobol"]["inputs"][0])


def test_uncertainty_with_an_alternative_adds_its_incremental_npv():
    status, out, _ = run_cli("uncertainty", str(PB), "--samples", "3000", "--alternative", "Bipolar membranes",
                             "--vary", "electricity_price=triangular(5,6.5,9)", "--json")
    assert status == 0
    incremental = json.loads(out)["metrics"]["incremental_npv"]
    assert incremental["defined"] == 3000 and 0 <= incremental["prob_negative"] <= 1


@pytest.mark.parametrize(("vary", "message"), [
    ("electricity_price", "Error: cr_scheme.xlsx: --vary 'electricity_price': expected KEY=DIST(ARGS), "
                          "e.g. electricity_price=uniform(10,16)\n"),
    ("electricity_price=uniform(16,10)", "Error: cr_scheme.xlsx: --vary 'electricity_price=uniform(16,10)': "
                                         "uniform expects low < high, got (16,10)\n"),
    ("electricity_price=uniform(1)", "Error: cr_scheme.xlsx: --vary 'electricity_price=uniform(1)': uniform expects "
                                     "2 parameters (low, high), got (1)\n"),
    ("price=normal(1,2)", "Error: cr_scheme.xlsx: --vary 'price=normal(1,2)': expected an input that the workbook "
                          "gives a value, got 'price'\n"),
    ("service_life=uniform(5,20)", "Error: cr_scheme.xlsx: --vary 'service_life=uniform(5,20)': service_life sets "
                                   "the shape of the model and cannot vary\n"),
])
def test_bad_vary_is_a_one_line_error(vary, message):
    status, out, err = run_cli("uncertainty", str(CR), "--vary", vary)
    assert (status, out, err) == (2, "", message)


def test_uncertainty_without_any_uncertain_input_says_how_to_give_one(tmp_path):
    book = openpyxl.load_workbook(CR)
    book.remove(book["Uncertainty"])  # cr_scheme's own sheet: without it nothing varies
    book.save(tmp_path / CR.name)
    status, _, err = run_cli("uncertainty", str(tmp_path / CR.name))
    assert (status, err) == (2, "Error: no input varies: give an Uncertainty sheet, an estimate class or "
                                "--vary KEY=DIST(ARGS)\n")


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_json():
    argv = ("uncertainty", str(CR), "--samples", "100000", "--seed", "8", "--vary",
            "electricity_price=uniform(10,16)", "--vary", "capital.0.cost=pert(10e6,12e6,18e6)", "--json")
    status, alone, _ = run_cli(*argv)
    status_dask, on_dask, _ = run_cli(*argv, "--dask", "local:2")
    assert (status, status_dask) == (0, 0)
    assert on_dask == alone
    # the cluster is shut down with its workers: no process of ours is left behind but multiprocessing's
    # resource tracker, which Python keeps until this process exits
    import psutil

    def children() -> list:
        return [child for child in psutil.Process().children(recursive=True)
                if "multiprocessing.resource_tracker" not in " ".join(child.cmdline())]

    deadline = time.monotonic() + 10
    while children() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert children() == []


def test_bad_dask_address_is_an_error_before_reading():
    status, _, err = run_cli("uncertainty", str(CR), "--dask", "local:zero", "--vary", "electricity_price=uniform(1,2)")
    assert (status, err) == (2, "Error: --dask 'local:zero': expected local:N with N workers, a whole number of at "
                                "least 1\n")


def test_a_range_that_leaves_out_the_base_value_is_named_with_the_probability_at_the_base_value():
    """cr_scheme's two power ranges come from the paper's specific energies (28.4-142 and 56.8-170 kW) and leave
    out Table 2's 10 kW: the Monte Carlo describes another plant, and the verdict says so with the figure at 10 kW."""
    from econ.api import analyse_uncertainty, evaluate_workbook
    from econ.checks.verdict import verdict_of
    from econ.model.risk import ranges_without_base

    evaluation = evaluate_workbook(CR)
    analyse_uncertainty(evaluation, 4000, 0, None)
    risk = evaluation.uncertainty
    assert [(item.key, item.base) for item in risk.without_base] == [
        ("equipment.1.unit_power", 10.0), ("equipment.2.unit_power", 10.0)]
    assert risk.probability_of_loss > 0.5
    assert risk.at_base is not None and risk.at_base.statistics()["npv"]["prob_negative"] < 0.05
    loss = next(reason for reason in verdict_of(evaluation).reasons if reason.kind == "loss")
    assert loss.text_id == "verdict.reason.loss_without_base"
    assert "Electrodialyser: unit power" in loss.text("en") and "with those inputs at their base values" in \
        loss.text("en")
    # a range that holds its base value is not named; nor one written to its base's digits
    inputs = [item for item in risk.inputs if not item.key.startswith("equipment.")]
    assert ranges_without_base(evaluation.plant, inputs) == ()


def test_econ_uncertainty_warns_of_a_range_that_leaves_out_the_base_value():
    status, out, _ = run_cli("uncertainty", str(CR), "--samples", "500")
    assert status == 0
    assert ("Warning: the range of equipment.1.unit_power, 28.4091 to 142.045 kW, leaves out its base value 10 kW"
            in out)
    status, out, _ = run_cli("uncertainty", str(CR), "--samples", "500", "--json")
    assert [item["key"] for item in json.loads(out)["ranges_without_base"]] == [
        "equipment.1.unit_power", "equipment.2.unit_power"]


@pytest.mark.parametrize(("distribution", "parameters", "expected"), [
    ("uniform", (2.0, 5.0), (2.0, 5.0)),
    ("triangular", (1.0, 2.0, 4.0), (1.0, 4.0)),
    ("pert", (1.0, 2.0, 4.0), (1.0, 4.0)),
    ("discrete", (3.0, 1.0, 2.0, 0.2, 0.5, 0.3), (1.0, 3.0)),
    ("normal", (10.0, 1.0), (10.0 - 2.5758293, 10.0 + 2.5758293)),  # the central 99 %: +-2.5758 sd
])
def test_the_range_of_a_distribution_is_its_support_or_its_central_99_percent(distribution, parameters, expected):
    from econ.model.distributions import value_range

    assert value_range(distribution, parameters) == pytest.approx(expected, abs=1e-6)
