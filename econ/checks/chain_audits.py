"""Audits of a process chain: what a metallurgist checks in a flowsheet's balance.

- **Closure.** Does each component of each stage close: is what the stage
  obtains equal to what it loads, within CLOSURE_TOLERANCE? Where a stream does
  not give a component's amount, the closure is undefined, and the audit says
  which stream is missing it. Where a stage loads none of a component, it
  should obtain none.
- **Mass.** Does the stage's total mass close within the same tolerance? (A
  balance of the metals alone, without fluxes and gases, does not, and says so.)
- **Contents.** Is every content between 0 and 100 %, and do a stream's
  contents sum to at most 100 %?
- **Links.** When a stage loads a product of an earlier stage as a batch of
  its own (its mass entered again), are its contents those of the product?
- **Costing.** Is every purchased stream priced?
- **Remainders.** Is every stream given as the remainder of its stage, and
  each of its components, not negative?
"""

from __future__ import annotations

from collections.abc import Sequence

from econ.checks.audits import OK, WARNING, Amount, Audit, Pairs, Share, Unit
from econ.checks.closure_cause import excess_cause
from econ.checks.regression import Comparison
from econ.inputs.chain import BY_REMAINDER, PURCHASED
from econ.inputs.plant import Plant
from econ.model.chain import stage_key, stream_key
from econ.model.figures import Results

# A stage "closes" when |obtained - loaded| is at most this share of the loaded amount (per component, and in mass).
CLOSURE_TOLERANCE = 0.01
# A stage's own batch of an earlier product "agrees" with it when each content is within this share of the product's.
LINK_TOLERANCE = 0.01


def chain_audits(plant: Plant, results: Results, comparisons: Sequence[Comparison] = ()) -> list[Audit]:
    """The chain's audits in stage order; none without a chain. ``comparisons`` (the regression) let an excess
    name the published figure that causes it (econ.checks.closure_cause)."""
    chain = plant.chain
    if chain is None:
        return []
    values = results.values
    unit = Unit(chain.mass_unit)
    audits: list[Audit] = []
    for stage in chain.stages:
        streams = chain.loaded(stage.index) + chain.obtained(stage.index)
        for j, component in enumerate(chain.components):
            audits.append(_closure(plant, results, stage.index, j, unit, comparisons))
        relative_key = stage_key(stage.index, "mass_relative_imbalance")
        if relative_key in values:
            relative = results.scalar(relative_key)
            closes = abs(relative) <= CLOSURE_TOLERANCE
            audits.append(Audit(
                f"mass:{stage.name}", OK if closes else WARNING, "audit.mass_closure.title",
                "audit.mass_closure.ok" if closes else "audit.mass_closure.warning",
                {"stage": stage.name, "unit": unit, "loaded": results.scalar(stage_key(stage.index, "mass_loaded")),
                 "obtained": results.scalar(stage_key(stage.index, "mass_obtained")), "relative": Share(relative),
                 "tolerance": Share(CLOSURE_TOLERANCE)}, relative_key))
        for stream in streams:
            contents = [results.scalar(stream_key(stream.index, "content", j)) for j in range(len(chain.components))
                        if stream_key(stream.index, "content", j) in values]
            if any(content < 0 or content > 1 for content in contents) or sum(contents) > 1 + 1e-9:
                audits.append(Audit(f"contents:{stage.name}:{stream.direction}:{stream.name}", WARNING,
                                    "audit.contents.title", "audit.contents.warning",
                                    {"stage": stage.name, "stream": stream.name, "total": Share(sum(contents))}))
        for stream in chain.loaded(stage.index):
            if isinstance(stream.origin, int) and (stream.mass_key or stream.amounts):
                audits.append(_link_audit(plant, results, stream.index, stream.origin))
            if stream.origin == PURCHASED and not stream.price_key:
                audits.append(Audit(f"price:{stage.name}:{stream.name}", WARNING, "audit.unpriced.title",
                                    "audit.unpriced.warning", {"stage": stage.name, "stream": stream.name}))
        for stream in chain.obtained(stage.index):
            if stream.how == BY_REMAINDER:
                amounts = [(stream.name, results.scalar(stream_key(stream.index, "mass")))]
                amounts += [(component, results.scalar(stream_key(stream.index, "mass", j)))
                            for j, component in enumerate(chain.components)
                            if stream_key(stream.index, "mass", j) in values]
                negative = any(amount < 0 for _, amount in amounts)
                audits.append(Audit(f"remainder:{stage.name}:{stream.name}", WARNING if negative else OK,
                                    "audit.remainder.title",
                                    "audit.remainder.warning" if negative else "audit.remainder.ok",
                                    {"stage": stage.name, "stream": stream.name, "unit": unit,
                                     "mass": amounts[0][1], "amounts": Pairs(tuple(amounts))},
                                    stream_key(stream.index, "mass")))
    return audits


def _closure(plant: Plant, results: Results, k: int, j: int, unit: Unit,
             comparisons: Sequence[Comparison] = ()) -> Audit:
    """The balance of component j in stage k: closes, does not close, or cannot be told."""
    chain = plant.chain
    stage, component = chain.stages[k].name, chain.components[j]
    values = results.values
    identity = f"closure:{stage}:{component}"
    name = {"stage": stage, "component": component, "unit": unit}
    if stage_key(k, "obtained", j) not in values:
        missing = [s.name for s in chain.loaded(k) + chain.obtained(k)
                   if stream_key(s.index, "mass", j) not in values and s.how != BY_REMAINDER]
        return Audit(identity, WARNING, "audit.closure.title", "audit.closure.undefined",
                     name | {"streams": ", ".join(missing)})
    loaded, obtained = results.scalar(stage_key(k, "loaded", j)), results.scalar(stage_key(k, "obtained", j))
    amounts = name | {"loaded": loaded, "obtained": obtained}
    relative_key = stage_key(k, "relative_imbalance", j)
    if relative_key not in values:  # nothing loaded
        return Audit(identity, OK if obtained == 0 else WARNING, "audit.closure.title",
                     "audit.closure.none" if obtained == 0 else "audit.closure.from_nothing", amounts)
    relative = results.scalar(relative_key)
    if abs(relative) <= CLOSURE_TOLERANCE:
        finding = "audit.closure.ok"
    else:
        finding = "audit.closure.excess" if relative > 0 else "audit.closure.deficit"
    cause = excess_cause(plant, results, comparisons, k, j) if finding == "audit.closure.excess" else None
    if cause is not None:
        finding = "audit.closure.excess_cause"
        amounts = amounts | {"stream": cause.stream, "printed": cause.printed, "reference": cause.reference,
                             "published": Amount(cause.published, cause.published_unit), "implied": cause.implied,
                             "corrected": cause.corrected_obtained, "contradicting": cause.contradicting}
    return Audit(identity, OK if finding == "audit.closure.ok" else WARNING, "audit.closure.title", finding,
                 amounts | {"excess": abs(obtained - loaded), "relative": Share(relative), "share": Share(abs(relative)),
                            "tolerance": Share(CLOSURE_TOLERANCE)}, relative_key)


def _link_audit(plant: Plant, results: Results, loaded: int, product: int) -> Audit:
    """A stage's own batch of an earlier product against that product: the contents of each component."""
    chain = plant.chain
    stream = chain.streams[loaded]
    pairs = []
    worst = 0.0
    for j, component in enumerate(chain.components):
        mine, theirs = stream_key(loaded, "content", j), stream_key(product, "content", j)
        if mine not in results.values or theirs not in results.values:
            continue
        here, there = results.scalar(mine), results.scalar(theirs)
        if here != there:
            relative = abs(here - there) / there if there else float("inf")
            worst = max(worst, relative)
            pairs.append((component, Share(here), Share(there)))
    agrees = worst <= LINK_TOLERANCE
    values = {"stage": chain.stages[stream.stage].name, "stream": stream.name,
              "product": chain.qualified_name(product), "differences": Pairs(tuple(pairs)),
              "worst": Share(worst), "tolerance": Share(LINK_TOLERANCE),
              "mass": results.scalar(stream_key(loaded, "mass")), "product_mass": results.scalar(
                  stream_key(product, "mass")), "unit": Unit(chain.mass_unit)}
    finding = "audit.link.same" if not pairs else ("audit.link.ok" if agrees else "audit.link.warning")
    return Audit(f"link:{values['stage']}:{stream.name}", OK if agrees else WARNING, "audit.link.title", finding,
                 values)
