"""The fast paths of the rounding ranges and dependency walks give what the straightforward computation gives:
samples evaluated as chunks of one matrix equal the model evaluated sample by sample, and the dependency walk
that reuses a total's walk gives the keys, in the order, of a plain walk."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from econ.api import model_with_audits
from econ.checks import rounding
from econ.inputs.reader import read_plant
from econ.model.figures import HUB, Model, evaluate, input_keys

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_rows import equipment_workbook  # noqa: E402

ROWS = 300  # Equipment rows: more than figures.HUB, and 600 rounded inputs, more than rounding.MANY_INPUTS


@pytest.fixture(scope="module")
def many_rows(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    plant = read_plant(equipment_workbook(tmp_path_factory.mktemp("rows") / "rows.xlsx", ROWS))
    return plant, model_with_audits(plant)


def _plain_input_keys(model: Model, key: str, inputs) -> tuple[str, ...]:  # noqa: ANN001
    """The walk as it was before Model.walk: every figure walked for every key."""
    found: dict[str, None] = {}
    seen, stack = {key}, [key]
    while stack:
        current = stack.pop()
        if current in model:
            for name in reversed(model.reads(current)):
                if name not in seen:
                    seen.add(name)
                    stack.append(name)
        elif current in inputs:
            found[current] = None
    return tuple(found)


def test_the_walk_that_reuses_a_totals_walk_gives_the_plain_walk(many_rows) -> None:  # noqa: ANN001
    plant, model = many_rows
    assert len(model.reads("installed_power")) >= HUB
    for figure in model.figures:
        assert input_keys(model, figure.key, plant.parameters) == \
            _plain_input_keys(model, figure.key, plant.parameters), figure.key
        plain = {key for key in model.walk(figure.key) if key in model}
        assert model.closure({figure.key}) == plain, figure.key


def test_samples_in_chunks_equal_the_model_evaluated_sample_by_sample(many_rows,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    plant, model = many_rows
    exprs = [model.get(key).expr for key in ("installed_power", "energy_cost_per_month", "npv")]
    keys = [rounding.rounded_inputs(plant, rounding.dependencies(model, expr.keys(), plant)) for expr in exprs]
    assert len(keys[0]) > rounding.MANY_INPUTS
    rng = np.random.default_rng(3)
    samples = []
    for names in keys:
        entered = np.array([plant.parameters[name].value for name in names])
        halves = np.array([plant.parameters[name].half_unit for name in names])
        samples.append(entered + rng.choice((-1.0, 0.0, 1.0), size=(4, len(names))) * halves)
    monkeypatch.setattr(rounding, "CHUNK_ELEMENTS", 1000)  # one task per evaluation
    fast = rounding.evaluate_samples(plant, model, exprs, keys, samples)
    for expr, names, rows, values in zip(exprs, keys, samples, fast):
        for row, value in zip(rows, values):
            inputs = {**plant.inputs(), **dict(zip(names, row))}
            one = evaluate(model, inputs, strict=False).values
            assert float(np.asarray(expr.evaluate(one))) == value  # bit for bit
