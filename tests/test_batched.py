"""Runs of same-shape figures evaluated as one array (econ.model.batched) give the figure-by-figure values,
bit for bit, and the same errors."""

from __future__ import annotations

import numpy as np
import pytest

from econ.errors import ModelError
from econ.model import batched
from econ.model.expr import inp, ref, total
from econ.model.figures import Figure, Model, evaluate

ROWS = 150


def _model(rows: int = ROWS) -> Model:
    power = [Figure(f"item.{i}.power", f"power {i}", "kW", inp(f"item.{i}.quantity") * inp(f"item.{i}.unit_power"),
                    "Energy") for i in range(rows)]
    energy = [Figure(f"item.{i}.energy", f"energy {i}", "kWh/month",
                     ref(f"item.{i}.power") * inp(f"item.{i}.load") * ref("hours"), "Energy") for i in range(rows)]
    return Model([Figure("hours", "hours", "h/month", inp("days") * 8.0, "Energy"), *power, *energy,
                  Figure("installed", "installed", "kW", total(*(ref(f"item.{i}.power") for i in range(rows))),
                         "Energy"),
                  Figure("energy", "energy", "kWh/month",
                         total(ref("hours"), *(ref(f"item.{i}.energy") for i in range(rows))), "Energy"),
                  Figure("share", "share", "-", -(ref("item.3.power") / ref("installed")), "Energy")])


def _inputs(cases: int | None) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    size = () if cases is None else (cases,)
    inputs: dict[str, np.ndarray] = {"days": np.asarray(22.0)}
    for i in range(ROWS):
        inputs[f"item.{i}.quantity"] = np.asarray(float(1 + i % 3))
        inputs[f"item.{i}.unit_power"] = rng.uniform(0.1, 9.0, size=size) if i % 2 else np.asarray(0.1 * i)
        inputs[f"item.{i}.load"] = np.asarray(0.7 if i % 5 else -0.0)
    return inputs


def _one_by_one(model: Model, inputs: dict[str, np.ndarray], monkeypatch: pytest.MonkeyPatch) -> dict:
    with monkeypatch.context() as patch:
        patch.setattr(batched, "MIN_RUN", 10 ** 9)
        patch.setattr(batched, "MIN_SUM", 10 ** 9)
        return evaluate(Model(list(model.figures)), inputs).values


@pytest.mark.parametrize("cases", [None, 5])
def test_runs_give_the_figure_by_figure_values_bit_for_bit(cases: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _model()
    assert sorted((run.start, run.stop) for run in model.runs().values()) == [(1, 1 + ROWS), (1 + ROWS, 1 + 2 * ROWS)]
    fast = evaluate(model, _inputs(cases)).values
    slow = _one_by_one(model, _inputs(cases), monkeypatch)
    assert set(fast) == set(slow)
    for key, value in slow.items():
        batch, alone = np.broadcast_arrays(fast[key], value)  # a run's figure may carry the cases' shape
        assert np.ascontiguousarray(batch).tobytes() == np.ascontiguousarray(alone).tobytes(), key
    assert float(np.asarray(fast["installed"]).ravel()[0]) == sum(
        float(np.asarray(slow[f"item.{i}.power"]).ravel()[0]) for i in range(ROWS))


def test_a_single_case_stays_zero_dimensional() -> None:
    values = evaluate(_model(), _inputs(None)).values
    assert isinstance(values["item.8.power"], np.ndarray) and values["item.8.power"].shape == ()
    assert float(values["item.8.power"]) == pytest.approx(3 * 0.8)  # quantity 1 + 8 % 3 = 3, unit power 0.1 * 8


def test_a_division_by_zero_in_a_run_names_the_figure_as_before() -> None:
    figures = [Figure(f"item.{i}.specific", f"specific {i}", "kW/m3", inp(f"item.{i}.power") / inp(f"item.{i}.flow"),
                      "Energy") for i in range(ROWS)]
    inputs = {**{f"item.{i}.power": 2.0 for i in range(ROWS)}, **{f"item.{i}.flow": 1.0 for i in range(ROWS)}}
    inputs["item.42.flow"] = 0.0
    with pytest.raises(ModelError) as caught:
        evaluate(Model(figures), inputs)
    assert str(caught.value) == ("item.42.specific (specific 42): divide by zero encountered in divide - "
                                 "check the inputs it depends on")


def test_short_runs_and_other_shapes_are_not_batched() -> None:
    short = Model([Figure(f"x.{i}", "x", "-", inp(f"a.{i}") * 2.0, "Energy") for i in range(batched.MIN_RUN - 1)])
    assert short.runs() == {}
    chained = Model([Figure(f"y.{i}", "y", "-", (ref(f"y.{i - 1}") if i else inp("a")) + 1.0, "Energy")
                     for i in range(batched.MIN_RUN * 2)])
    assert chained.runs() == {}  # each reads the one before: not one operation
    assert float(evaluate(chained, {"a": 0.0}).values[f"y.{batched.MIN_RUN * 2 - 1}"]) == batched.MIN_RUN * 2
