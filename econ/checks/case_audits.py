"""The audits of each alternative: every audit that runs on the base case runs on each alternative too.

An alternative overrides some inputs of the base case; its audits are those of
the plant with the overrides in place, evaluated as a case of its own, and
they are reported under the alternative's name (an alternative whose single
unit covers 70 % of the throughput is flagged like a base case would be).
"""

from __future__ import annotations

from dataclasses import replace

from econ.checks.audits import Audit, run_audits
from econ.inputs.plant import Alternative, Plant
from econ.model.figures import Model, evaluate


def plant_of(plant: Plant, alternative: Alternative) -> Plant:
    """The plant as the alternative describes it: the base case's inputs with the alternative's overrides."""
    parameters = {key: replace(parameter, value=alternative.overrides[key]) if key in alternative.overrides
                  else parameter for key, parameter in plant.parameters.items()}
    return replace(plant, parameters=parameters, alternatives=[], break_even=[])


def alternative_audits(plant: Plant, model: Model) -> list[Audit]:
    """The audits of every alternative of ``plant``, named after it (claims stay with the regression check)."""
    audits: list[Audit] = []
    for alternative in plant.alternatives:
        case_plant = plant_of(plant, alternative)
        results = evaluate(model, case_plant.inputs())
        audits += [replace(audit, id=f"{alternative.name}/{audit.id}", case=alternative.name)
                   for audit in run_audits(case_plant, results, [])]
    return audits
