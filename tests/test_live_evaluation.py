"""Searches that vary a few inputs of a long table evaluate only the figures that read them (Model.live), the
others once at the entered inputs, and add a total's unchanged rows as one column (batched.sum_refs): the values
are, bit for bit, those of the whole model evaluated sample by sample."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from econ.api import model_with_audits
from econ.checks import rounding
from econ.inputs.reader import read_plant
from econ.model import batched
from econ.model.expr import inp, ref, total
from econ.model.figures import Figure, Model, evaluate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_rows import equipment_workbook  # noqa: E402

ROWS = 300


@pytest.fixture(scope="module")
def many_rows(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    plant = read_plant(equipment_workbook(tmp_path_factory.mktemp("rows") / "rows.xlsx", ROWS))
    return plant, model_with_audits(plant)


def _sum_model(rows: int) -> Model:
    power = [Figure(f"item.{i}.power", f"power {i}", "kW", inp(f"item.{i}.quantity") * inp(f"item.{i}.unit_power"),
                    "Energy") for i in range(rows)]
    return Model([*power, Figure("installed", "installed", "kW", total(*(ref(f"item.{i}.power") for i in range(rows))),
                                 "Energy")])


def test_live_figures_are_those_that_read_a_varied_input() -> None:
    model = _sum_model(100)
    assert model.live({"item.7.unit_power"}) == {"item.7.power", "installed"}
    assert model.live({"nothing"}) == frozenset()


def test_a_sum_of_single_numbers_and_a_few_arrays_equals_the_sum_left_to_right() -> None:
    model = _sum_model(200)
    rng = np.random.default_rng(11)
    inputs = {f"item.{i}.quantity": np.asarray(float(1 + i % 3)) for i in range(200)}
    inputs.update({f"item.{i}.unit_power": np.asarray(rng.uniform(0.0, 1.0)) for i in range(200)})
    inputs["item.150.unit_power"] = rng.uniform(0.0, 1.0, size=6)  # one row varied over 6 cases
    env = dict(inputs)
    env.update((figure.key, np.asarray(figure.expr.evaluate(inputs), dtype=float)) for figure in model.figures[:-1])
    expr = model.get("installed").expr
    stacks = batched.Stacks({"unused": (np.zeros((1, 6)), 0)})
    fast = batched.sum_refs(expr.args, env, stacks)
    assert fast is not None  # two long stretches of single numbers, around the varied row
    slow = expr.evaluate(env)  # Func.evaluate: 0 + a1 + a2 + ..., one by one
    assert np.asarray(fast).shape == (6,)
    assert np.asarray(fast).tobytes() == np.asarray(slow, dtype=float).tobytes()


@pytest.mark.parametrize("count", [3, 40])
def test_a_few_varied_inputs_give_the_whole_model_sample_by_sample(many_rows, count: int) -> None:  # noqa: ANN001
    plant, model = many_rows
    exprs = [model.get(key).expr for key in ("installed_power", "energy_cost_per_month", "npv")]
    every = [rounding.dependencies(model, expr.keys(), plant) for expr in exprs]
    # table rows' inputs only: a search over service_life or months_per_year gives another NPV over cases than
    # alone, with or without Model.live (a known difference, left to the cash-flow model)
    keys = [tuple(key for key in names if plant.parameters[key].value != 0 and key.count(".") == 2)[:count]
            for names in every]
    assert all(len(names) == count for names in keys)
    rng = np.random.default_rng(5)
    samples = [np.array([plant.parameters[name].value for name in names]) * rng.uniform(0.5, 1.5, size=(3, count))
               for names in keys]
    closures: dict[object, object] = {}
    first = rounding.evaluate_samples(plant, model, exprs, keys, samples, closures)
    again = rounding.evaluate_samples(plant, model, exprs, keys, samples, closures)  # with the kept values
    for expr, names, rows, values, repeated in zip(exprs, keys, samples, first, again):
        assert values.tobytes() == repeated.tobytes()
        for row, value in zip(rows, values):
            one = evaluate(model, {**plant.inputs(), **dict(zip(names, row))}, strict=False).values
            assert float(np.asarray(expr.evaluate(one))) == value  # bit for bit


def test_tasks_that_vary_the_same_inputs_share_their_equal_samples(many_rows,  # noqa: ANN001
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    plant, model = many_rows
    names = ("energy_cost_per_month", "energy_per_month", "installed_power", "npv")
    exprs = [model.get(key).expr for key in names]
    # energy_cost_per_month reads the energy per month and the price: a quantity with the same rounded inputs
    twice = [exprs[0], model.get("energy_cost_per_month").expr * 2.0, *exprs[1:]]
    shared = rounding.attainable_ranges(plant, model, twice)
    monkeypatch.setattr(rounding, "CHUNK_ELEMENTS", 1)  # each quantity alone: nothing shared between them
    alone = rounding.attainable_ranges(plant, model, twice)
    assert shared == alone
    assert (shared[1].low, shared[1].high) == (2.0 * shared[0].low, 2.0 * shared[0].high)
    offsets = np.array([[1, -1, 0], [0, 1, 1], [1, -1, 0]], dtype=np.int8)
    task = rounding._Task(exprs[0], ("a", "b", "c"), offsets, relative=True)
    cases = rounding._Cases()
    assert [list(part) for part in cases.add(task)] == [[0, 1], [0, 1, 0]]
    assert [list(part) for part in cases.add(task)] == [[], [0, 1, 0]]  # the same inputs: no new case
    assert cases.count == 2
