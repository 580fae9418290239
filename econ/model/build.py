"""Assemble a plant's model from its concept modules, in evaluation order."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from econ.inputs.plant import Plant
from econ.model import (
    capital, cashflow, chain, electrochemistry, energy, labour, maintenance, opex, products, reagents, revenue,
    schedule,
)
from econ.model.figures import Model, Results, evaluate
from econ.model.live_inputs import check_varied

# electrochemistry and chain come before energy: the plant's electricity (energy.energy_per_month) adds the
# electrolysis and process energy, and the model evaluates its figures in this order (each reads only earlier
# ones). The chain's reagents and products enter OPEX and revenue through opex and cashflow, and so do the
# Products and Reagents sheets (products, reagents: before opex).
_CONCEPTS = (schedule, electrochemistry, chain, energy, labour, capital, maintenance, revenue, products, reagents, opex,
             cashflow)


def build_model(plant: Plant) -> Model:
    """The figures of ``plant``: schedule, electrolysis, process chain, energy, labour, capital, maintenance, revenue,
    products, reagents, OPEX, cash flow."""
    model = Model(years=plant.table_years)
    for concept in _CONCEPTS:
        model.extend(concept.figures(plant))
    return model


def run_model(plant: Plant, overrides: Mapping[str, np.ndarray | float] | None = None) -> Results:
    """Evaluate ``plant``'s model; ``overrides`` replaces inputs by key, with arrays for many cases.

    An override of an input that no figure reads (one that counts only through another input cell's formula)
    raises :class:`~econ.model.live_inputs.UnreadInputError`, which names the inputs to vary instead.

    >>> # results = run_model(plant, {"electricity_price": np.linspace(5, 20, 100_000)})
    """
    inputs: dict[str, np.ndarray | float] = dict(plant.inputs())
    for key, value in (overrides or {}).items():
        if key not in inputs:
            raise KeyError(f"{key!r} is not an input of {plant.file_name}")
        if key == "service_life":
            raise KeyError("service_life sets the number of years of the table and cannot be varied per case")
        inputs[key] = value
    model = build_model(plant)
    check_varied(plant, model, overrides or {})
    return evaluate(model, inputs)
