"""Which printed figure makes a stage obtain more of a component than it loads.

A stage cannot pass on more of a component than it received. When its balance
shows an excess, each stream's printed amount of the component is set against
the source's own published figures of that stream (its content, its
distribution or its mass of the component, on the References sheet): each such
figure implies an amount, ``content x stream mass``, ``distribution x amount
loaded`` or the mass itself. The stream whose implied amount brings the stage
closest to closing, and at least halves the excess, is named, with the
published figure that implies it and the number of published figures of the
stream that contradict its printed amount.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from econ.checks.regression import Comparison
from econ.inputs.plant import Plant
from econ.model.chain import stage_key, stream_key
from econ.model.figures import Results


@dataclass(frozen=True)
class Cause:
    """The printed amount of ``component`` in ``stream`` that the published figure ``reference`` contradicts.

    Masses in the batch unit of the Streams sheet; ``corrected`` is what the
    stage obtains (or loads, for a loaded stream) with the implied amount;
    ``contradicting`` the published figures of the stream's component that do
    not follow from the printed amount.
    """

    stream: str
    component: str
    printed: float
    reference: str
    published: float
    published_unit: str
    implied: float
    corrected_obtained: float
    contradicting: int


def excess_cause(plant: Plant, results: Results, comparisons: Sequence[Comparison], stage: int,
                 component: int) -> Cause | None:
    """The stream and published figure behind stage ``stage``'s excess of ``component``; None if none fits."""
    chain = plant.chain
    if chain is None:
        return None
    loaded = results.scalar(stage_key(stage, "loaded", component))
    obtained = results.scalar(stage_key(stage, "obtained", component))
    excess = obtained - loaded
    best: tuple[float, Cause] | None = None
    for stream in chain.loaded(stage) + chain.obtained(stage):
        amount_key = stream_key(stream.index, "mass", component)
        if amount_key not in results.values:
            continue
        printed = results.scalar(amount_key)
        mass = results.scalar(stream_key(stream.index, "mass"))
        implies = {amount_key: 1.0, stream_key(stream.index, "content", component): mass,
                   stream_key(stream.index, "distribution", component): loaded}
        against = [comparison for comparison in comparisons
                   if comparison.quantity is not None and comparison.quantity.key in implies
                   and comparison.reference.comparison == "=" and not comparison.reference.case]
        contradicting = [comparison for comparison in against if not comparison.passed]
        for comparison in contradicting:
            implied = comparison.reference.published / comparison.factor * implies[comparison.quantity.key]
            change = implied - printed
            left = excess + change if stream.direction != "in" else excess - change
            if abs(left) > abs(excess) / 2 or (best is not None and abs(left) >= best[0]):
                continue
            best = (abs(left), Cause(
                stream.name, chain.components[component], printed, comparison.reference.id,
                comparison.reference.published, comparison.reference.unit, implied,
                obtained + change if stream.direction != "in" else loaded + change, len(contradicting)))
    return None if best is None else best[1]
