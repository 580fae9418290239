"""Audits of a process chain: what a metallurgist checks in a flowsheet's balance.

- **Closure.** Does each component of each stage close: is what the stage
  obtains equal to what it loads, within CLOSURE_TOLERANCE? Where a stream does
  not give a component's amount, the closure is undefined, and the audit says
  which stream is missing it.
- **Links.** When a stage loads a product of an earlier stage as a batch of
  its own (its mass entered again), do the mass and the components agree with
  what the earlier stage obtained?
- **Costing.** Is every purchased stream priced?
- **Remainders.** Is every stream given as the remainder of its stage
  positive?
"""

from __future__ import annotations

from econ.checks.audits import OK, WARNING, Audit, Share, Unit
from econ.inputs.chain import BY_REMAINDER, PURCHASED
from econ.inputs.plant import Plant
from econ.model.chain import stage_key, stream_key
from econ.model.figures import Results

# A component "closes" in a stage when |obtained - loaded| is at most this share of the loaded amount.
CLOSURE_TOLERANCE = 0.01
# A stage's own batch of an earlier product "agrees" with it within this share (in mass and each component).
LINK_TOLERANCE = 0.01


def chain_audits(plant: Plant, results: Results) -> list[Audit]:
    """The chain's audits in stage order; none without a chain."""
    chain = plant.chain
    if chain is None:
        return []
    values = results.values
    unit = Unit(chain.mass_unit)
    audits: list[Audit] = []
    for stage in chain.stages:
        for j, component in enumerate(chain.components):
            imbalance_key = stage_key(stage.index, "relative_imbalance", j)
            name = {"stage": stage.name, "component": component, "unit": unit}
            if imbalance_key not in values:
                missing = [s.name for s in chain.loaded(stage.index) + chain.obtained(stage.index)
                           if stream_key(s.index, "mass", j) not in values]
                audits.append(Audit(f"closure:{stage.name}:{component}", WARNING, "audit.closure.title",
                                    "audit.closure.undefined", name | {"streams": ", ".join(missing)}))
                continue
            relative = results.scalar(imbalance_key)
            closes = abs(relative) <= CLOSURE_TOLERANCE
            audits.append(Audit(
                f"closure:{stage.name}:{component}", OK if closes else WARNING, "audit.closure.title",
                "audit.closure.ok" if closes else ("audit.closure.excess" if relative > 0 else "audit.closure.deficit"),
                name | {"loaded": results.scalar(stage_key(stage.index, "loaded", j)),
                        "obtained": results.scalar(stage_key(stage.index, "obtained", j)),
                        "excess": abs(results.scalar(stage_key(stage.index, "imbalance", j))),
                        "relative": Share(relative), "share": Share(abs(relative)),
                        "tolerance": Share(CLOSURE_TOLERANCE)},
                imbalance_key))
        for stream in chain.loaded(stage.index):
            if isinstance(stream.origin, int) and stream.mass_key:
                audits.append(_link_audit(plant, results, stream.index, stream.origin, unit))
            if stream.origin == PURCHASED and not stream.price_key:
                audits.append(Audit(f"price:{stage.name}:{stream.name}", WARNING, "audit.unpriced.title",
                                    "audit.unpriced.warning", {"stage": stage.name, "stream": stream.name}))
        for stream in chain.obtained(stage.index):
            if stream.how == BY_REMAINDER:
                mass = results.scalar(stream_key(stream.index, "mass"))
                audits.append(Audit(f"remainder:{stage.name}:{stream.name}", OK if mass > 0 else WARNING,
                                    "audit.remainder.title",
                                    "audit.remainder.ok" if mass > 0 else "audit.remainder.warning",
                                    {"stage": stage.name, "stream": stream.name, "mass": mass, "unit": unit},
                                    stream_key(stream.index, "mass")))
    return audits


def _link_audit(plant: Plant, results: Results, loaded: int, product: int, unit: Unit) -> Audit:
    """A stage's own batch of an earlier product against that product, in mass and per component."""
    chain = plant.chain
    stream = chain.streams[loaded]
    differences = []
    worst = 0.0
    pairs = [("mass", stream_key(loaded, "mass"), stream_key(product, "mass"))]
    pairs += [(component, stream_key(loaded, "mass", j), stream_key(product, "mass", j))
              for j, component in enumerate(chain.components)]
    for what, mine, theirs in pairs:
        if mine not in results.values or theirs not in results.values:
            continue
        here, there = results.scalar(mine), results.scalar(theirs)
        if here != there:
            relative = (here - there) / there if there else float("inf")
            worst = max(worst, abs(relative))
            differences.append(f"{what} {here:g} / {there:g}")
    agrees = worst <= LINK_TOLERANCE
    values = {"stage": chain.stages[stream.stage].name, "stream": stream.name,
              "product": chain.qualified_name(product), "unit": unit,
              "differences": "; ".join(differences), "worst": Share(worst), "tolerance": Share(LINK_TOLERANCE)}
    if not differences:
        finding = "audit.link.same"
    else:
        finding = "audit.link.ok" if agrees else "audit.link.warning"
    return Audit(f"link:{values['stage']}:{stream.name}", OK if agrees else WARNING, "audit.link.title", finding,
                 values)
