"""Checking a workbook is linear in its rows (issue 11, item 7: 100,000 equipment rows did not finish in 30 s).

Model.add and Model.get used to scan every earlier figure, so building the model of N equipment rows took time
in N squared. These tests are not timed (the machine is shared): they hold the structure that makes the time
linear, and benchmarks/bench_rows.py gives the times.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from benchmarks.bench_rows import equipment_workbook
from econ import cli
from econ.api import evaluate_plant
from econ.inputs.reader import read_plant
from econ.model.expr import inp
from econ.model.figures import ENERGY, Figure, Model

SOURCE = Path(__file__).resolve().parent.parent / "inputs" / "cr_scheme.xlsx"


class _NoScan(list):
    """A figure list that refuses to be walked: a lookup by key must not visit the figures."""

    def __iter__(self):  # noqa: ANN204
        raise AssertionError("the model's figures were scanned")


def _figure(key: str) -> Figure:
    return Figure(key, key, "kW", inp("power"), ENERGY)


def test_model_add_and_get_look_up_the_key_without_scanning_the_figures():
    model = Model([_figure("a"), _figure("b")])
    model.figures = _NoScan(model.figures)
    added = model.add(_figure("c"))
    assert model.get("c") is added
    assert model.get("a").key == "a" and "b" in model and "z" not in model
    with pytest.raises(KeyError):
        model.get("z")
    with pytest.raises(ValueError, match="^figure 'a' is defined twice$"):
        model.add(_figure("a"))


def test_the_model_keeps_the_order_the_figures_were_added_in():
    model = Model([_figure("c"), _figure("a")])
    model.extend([_figure("b")])
    assert model.keys() == ["c", "a", "b"] == [figure.key for figure in model.figures]
    with pytest.raises(ValueError, match="^figure 'c' is defined twice$"):
        Model([_figure("c"), _figure("c")])


def test_each_equipment_row_adds_the_same_figures_and_lookups(tmp_path, monkeypatch):
    """The number of figures added and looked up grows by the same amount for each 500 rows: a * rows + b
    (two figures per row, power and energy, in each model the evaluation builds)."""
    counts = {"add": 0, "get": 0}
    add, get = Model.add, Model.get

    def counting_add(self, figure):  # noqa: ANN001, ANN202
        counts["add"] += 1
        return add(self, figure)

    def counting_get(self, key):  # noqa: ANN001, ANN202
        counts["get"] += 1
        return get(self, key)

    monkeypatch.setattr(Model, "add", counting_add)
    monkeypatch.setattr(Model, "get", counting_get)
    seen = []
    for rows in (503, 1003, 1503):
        plant = read_plant(equipment_workbook(tmp_path / f"rows_{rows}.xlsx", rows))
        counts.update(add=0, get=0)
        evaluate_plant(plant)
        seen.append(dict(counts))
    step = seen[1]["add"] - seen[0]["add"]
    assert step == seen[2]["add"] - seen[1]["add"]
    assert step > 0 and step % (2 * 500) == 0  # power and energy per row, in each model the check builds
    assert seen[1]["get"] - seen[0]["get"] == seen[2]["get"] - seen[1]["get"]


@pytest.mark.slow
def test_a_workbook_of_20000_pump_rows_checks_like_the_bundled_one(tmp_path, capsys):
    """The 6 pumps of 4 kW as 20,000 rows of 1.2 W: installed power 20,000 x 0.0012 + 10 + 10 + 1 = 45 kW, so
    every figure and the NPV (16,484,431 RUB, econ run inputs/cr_scheme.xlsx) are the bundled ones."""
    path = equipment_workbook(tmp_path / "cr_scheme.xlsx", 20_003, pump_power_kw=0.0012)
    plant = read_plant(path)
    assert len(plant.rows("equipment")) == 20_003
    evaluation = evaluate_plant(plant)
    assert evaluation.results.scalar("installed_power") == pytest.approx(45, rel=1e-9)
    assert evaluation.results.scalar("npv") == pytest.approx(16_484_431, abs=0.5)
    bundled = evaluate_plant(read_plant(SOURCE))
    shared = [key for key in bundled.results.values if key in evaluation.results.values
              and not key.startswith("equipment.")]
    assert "npv" in shared and len(shared) > 50
    for key in shared:
        np.testing.assert_allclose(evaluation.results[key], bundled.results[key], rtol=1e-9, atol=1e-6,
                                   equal_nan=True, err_msg=key)  # NaN: a year a payback does not cross

    # econ check reads and checks it; the verdicts may differ where rounding counts: 20,000 pump powers
    # printed to 0.0001 kW widen the attainable range of the totals (econ.checks.rounding)
    assert cli.main(["check", str(path)]) == cli.EXIT_CHECK_FAILED
    summary = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Summary: ")]
    assert len(summary) == 1 and " of 20 published figures agree or hold" in summary[0]
