"""Process chains: mass balances of each stage, recoveries through the chain, and their economics.

Notation: a stage loads streams f and obtains streams p; m is a stream's mass
and m_j the mass of component j in it, both in the batch unit of the Streams
sheet (each stage is a batch of its own, as in a paper's laboratory tables).

Per stream and component:

- content beta_j = m_j / m;
- distribution eps_j = m_j / (component j loaded into the stage), the paper's
  epsilon, for loaded and obtained streams alike.

Per stage and component: loaded, obtained, imbalance = obtained - loaded and
relative imbalance = imbalance / loaded (the mass balance closure), and the
Shannon entropy of the component's distribution among the stage's products,
H = -sum(s_p log2 s_p) bits with s_p = m_pj / obtained_j; its maximum is
log2(number of products) and the information I = log2(n) - H (H + I is
conserved: a perfect separation into one product has H = 0, an even split the
maximum).

Through the chain:

- scale: a stage's batch is multiplied by scale_k = scale_u x m(product of
  stage u) / m(the stream it becomes in stage k), so every stage is counted per
  the same quantity of chain feed;
- yield = m x scale_k / m(chain feed): the stream's mass per unit mass of feed;
- stage yield = m / m(the stage's own chain stream);
- through recovery R_pj = eps_pj x sum_f R_fj over the chain streams f the
  stage loads (the chain feed, R = 1, or a linked product, R of that product):
  what a stage obtains is shared among what it loaded in proportion, so each
  product takes eps_pj of the feed's amount carried in as of every other
  amount, and a component added with a reagent is not counted as recovered
  from the feed;
- feed ratio = m_j x scale_k / m_j(chain feed): the component in the stream per
  unit of it in the feed, whatever feed it came with (what a paper's "recovery
  from the feed" is when it divides by the feed's content alone).

Economics at plant scale (the throughput is tonnes of chain feed per month): a
stream's rate [t/month] = yield x throughput; purchased feeds cost rate x
price; a sold or returned stream is worth rate x content x payable x component
price for each payable component (a returned stream's worth is a credit shown
apart, not cash revenue: only sold streams enter the net effect); process energy is kWh per tonne of a stream
or of a component in it, quoted or from Faraday's law (U z F / (CE M)). A
stream that leaves the chain before the end (waste; returned streams are shown
apart, as diverted) costs the final product it would have become: its through
recovery x the share the stage's products passed on carry to products sold
later (each later stage passes on its sold products' eps, and its products
passed on their eps times their own share), in tonnes per month and at the
component's price.
"""

from __future__ import annotations

import math

from econ.inputs.chain import (
    BY_REMAINDER, EXPLICIT, FEED, LINKED, NEXT, PURCHASED, RATE, RECOVERY, RETURNED, SOLD, WASTE, Chain, Stream,
)
from econ.errors import InputError
from econ.inputs.plant import Plant
from econ.model.electrochemistry import FARADAY_C_PER_MOL, GRAMS_PER_TONNE, JOULES_PER_KWH
from econ.model.expr import Const, Expr, entropy_term, inp, ref, total
from econ.model.figures import ENERGY, MASS_BALANCE, OPEX, PROCESS_CHAIN, REVENUE, Figure, Model, evaluate, label

REAGENTS = "Reagents and purchased feeds"
PRODUCTS = "Products sold"
CREDITS = "Credits for returned intermediates (not counted as cash)"
PROCESS_ENERGY = "Process energy"


def stream_key(stream: int, name: str, component: int | None = None) -> str:
    """Key of a stream figure: ``balance.4.mass`` or, per component, ``balance.4.0.content``."""
    return f"balance.{stream}.{name}" if component is None else f"balance.{stream}.{component}.{name}"


def stage_key(stage: int, name: str, component: int | None = None) -> str:
    """Key of a stage figure: ``stage.1.mass_loaded`` or, per component, ``stage.1.0.imbalance``."""
    return f"stage.{stage}.{name}" if component is None else f"stage.{stage}.{component}.{name}"


class _Builder:
    """Builds the figures of one chain in evaluation order, tracking which component masses are known."""

    def __init__(self, plant: Plant, chain: Chain, base: dict[str, float] | None = None) -> None:
        self.plant, self.chain = plant, chain
        # values of a first build at the workbook's inputs: a ratio whose denominator is zero there (a
        # component a stage does not load at all) is left undefined instead of dividing by zero
        self.base = base or {}
        self.cur = plant.currency
        self.unit = chain.mass_unit
        self.items: list[Figure] = []
        self.keys: set[str] = set()
        self.known: set[tuple[int, int]] = set()  # (stream, component) with a mass figure
        self.stage_known: set[tuple[int, int]] = set()  # (stage, component) with loaded and obtained totals
        self.loaded_known: set[tuple[int, int]] = set()
        self.recovered: set[tuple[int, int]] = set()  # (stream, component) with a through recovery

    def add(self, key: str, unit: str, expr: Expr, sheet: str, name: str = "", style: str = "number",
            section: str = "") -> None:
        self.items.append(Figure(key, label(key, name), unit, expr, sheet, style, section))
        self.keys.add(key)

    def zero(self, key: str) -> bool:
        """True when the figure is zero (or not finite) at the workbook's inputs: not a denominator."""
        value = self.base.get(key)
        return value is not None and not (math.isfinite(value) and value != 0)

    def stream_name(self, stream: Stream, component: int | None = None) -> str:
        qualified = self.chain.qualified_name(stream.index)
        return qualified if component is None else f"{qualified} ({self.chain.components[component]})"

    # -- masses ----------------------------------------------------------------------------
    def stream_mass(self, stream: Stream) -> None:
        key = stream_key(stream.index, "mass")
        if stream.how == EXPLICIT:
            expr: Expr = inp(stream.mass_key)
        elif stream.how == LINKED:
            expr = ref(stream_key(int(stream.origin), "mass"))
        elif stream.how == RATE:
            expr = inp(stream.rate_key) * ref(stream_key(int(stream.rate_of), "mass"))  # type: ignore[arg-type]
        elif stream.how == RECOVERY:
            j = int(stream.recovery_of)  # type: ignore[arg-type]
            expr = (inp(stream.recovery_key) * ref(stage_key(stream.stage, "loaded", j))
                    / inp(stream.amounts[j].key))
        else:  # remainder
            others = [s for s in self.chain.obtained(stream.stage) if s.index != stream.index]
            expr = ref(stage_key(stream.stage, "mass_loaded")) - total(*(ref(stream_key(s.index, "mass"))
                                                                          for s in others))
        self.add(key, self.unit, expr, MASS_BALANCE, self.stream_name(stream))

    def component_mass(self, stream: Stream, j: int) -> None:
        mass = ref(stream_key(stream.index, "mass"))
        amount = stream.amounts.get(j)
        if stream.how == RECOVERY and j == stream.recovery_of:
            expr: Expr | None = inp(stream.recovery_key) * ref(stage_key(stream.stage, "loaded", j))
        elif amount is not None:
            expr = inp(amount.key) * mass if amount.is_content else inp(amount.key)
        elif isinstance(stream.origin, int) and (stream.origin, j) in self.known:
            product = stream.origin
            expr = ref(stream_key(product, "mass", j))
            if stream.mass_key:  # a batch of its own: the product's content times this mass
                if stream_key(product, "content", j) not in self.keys:
                    return
                expr = ref(stream_key(product, "content", j)) * mass
        elif stream.how == BY_REMAINDER:
            others = [s for s in self.chain.obtained(stream.stage) if s.index != stream.index]
            if (stream.stage, j) not in self.loaded_known or any((s.index, j) not in self.known for s in others):
                return
            expr = ref(stage_key(stream.stage, "loaded", j)) - total(*(ref(stream_key(s.index, "mass", j))
                                                                        for s in others))
        else:
            return  # not given: the component's balance of this stage is undefined
        self.known.add((stream.index, j))
        self.add(stream_key(stream.index, "mass", j), self.unit, expr, MASS_BALANCE, self.stream_name(stream, j))

    def stage_balance(self, k: int) -> None:
        chain, unit = self.chain, self.unit
        loaded, obtained = chain.loaded(k), chain.obtained(k)
        # loaded streams: given and linked first, then those given as a rate of another
        for stream in sorted(loaded, key=lambda s: s.how == RATE):
            self.stream_mass(stream)
        for j in range(len(chain.components)):
            for stream in loaded:
                self.component_mass(stream, j)
        self.add(stage_key(k, "mass_loaded"), unit, total(*(ref(stream_key(s.index, "mass")) for s in loaded)),
                 MASS_BALANCE, chain.stages[k].name)
        for j, component in enumerate(chain.components):
            if all((s.index, j) in self.known for s in loaded):
                self.loaded_known.add((k, j))
                self.add(stage_key(k, "loaded", j), unit,
                         total(*(ref(stream_key(s.index, "mass", j)) for s in loaded)), MASS_BALANCE,
                         f"{chain.stages[k].name} ({component})")
        for stream in sorted(obtained, key=lambda s: s.how == BY_REMAINDER):
            if stream.how == RECOVERY and (k, stream.recovery_of) not in self.loaded_known:
                raise _undefined(stream, f"its recovery of {chain.components[stream.recovery_of]} needs every "
                                 "loaded stream's amount of it")
            self.stream_mass(stream)
        for j in range(len(chain.components)):
            for stream in sorted(obtained, key=lambda s: s.how == BY_REMAINDER):
                self.component_mass(stream, j)
        name = chain.stages[k].name
        self.add(stage_key(k, "mass_obtained"), unit, total(*(ref(stream_key(s.index, "mass")) for s in obtained)),
                 MASS_BALANCE, name)
        self.add(stage_key(k, "mass_imbalance"), unit, ref(stage_key(k, "mass_obtained"))
                 - ref(stage_key(k, "mass_loaded")), MASS_BALANCE, name)
        if not self.zero(stage_key(k, "mass_loaded")):
            self.add(stage_key(k, "mass_relative_imbalance"), "fraction", ref(stage_key(k, "mass_imbalance"))
                     / ref(stage_key(k, "mass_loaded")), MASS_BALANCE, name, "fraction")
        for j, component in enumerate(chain.components):
            named = f"{name} ({component})"
            if (k, j) not in self.loaded_known or any((s.index, j) not in self.known for s in obtained):
                continue
            self.stage_known.add((k, j))
            self.add(stage_key(k, "obtained", j), unit,
                     total(*(ref(stream_key(s.index, "mass", j)) for s in obtained)), MASS_BALANCE, named)
            self.add(stage_key(k, "imbalance", j), unit,
                     ref(stage_key(k, "obtained", j)) - ref(stage_key(k, "loaded", j)), MASS_BALANCE, named)
            if not self.zero(stage_key(k, "loaded", j)):  # nothing loaded: no relative imbalance
                self.add(stage_key(k, "relative_imbalance", j), "fraction",
                         ref(stage_key(k, "imbalance", j)) / ref(stage_key(k, "loaded", j)), MASS_BALANCE, named,
                         "fraction")
        for stream in loaded + obtained:
            for j in range(len(chain.components)):
                if (stream.index, j) not in self.known:
                    continue
                if not self.zero(stream_key(stream.index, "mass")):
                    self.add(stream_key(stream.index, "content", j), "fraction",
                             ref(stream_key(stream.index, "mass", j)) / ref(stream_key(stream.index, "mass")),
                             MASS_BALANCE, self.stream_name(stream, j), "fraction")
                if (k, j) in self.loaded_known and not self.zero(stage_key(k, "loaded", j)):
                    self.add(stream_key(stream.index, "distribution", j), "fraction",
                             ref(stream_key(stream.index, "mass", j)) / ref(stage_key(k, "loaded", j)),
                             MASS_BALANCE, self.stream_name(stream, j), "fraction")

    # -- through the chain -------------------------------------------------------------------
    def through(self, k: int) -> None:
        chain = self.chain
        feed = chain.streams[chain.feed]
        main = chain.main_feed(k)
        name = chain.stages[k].name
        if k == 0:
            scale: Expr = Const(1)
        else:
            product = chain.streams[int(main.origin)]
            scale = (ref(stage_key(product.stage, "scale")) * ref(stream_key(product.index, "mass"))
                     / ref(stream_key(main.index, "mass")))
        self.add(stage_key(k, "scale"), "-", scale, MASS_BALANCE, name, "factor")
        streams = chain.loaded(k) + chain.obtained(k)
        for stream in streams:
            self.add(stream_key(stream.index, "yield"), "fraction", ref(stream_key(stream.index, "mass"))
                     * ref(stage_key(k, "scale")) / ref(stream_key(feed.index, "mass")), MASS_BALANCE,
                     self.stream_name(stream), "fraction")
            self.add(stream_key(stream.index, "stage_yield"), "fraction", ref(stream_key(stream.index, "mass"))
                     / ref(stream_key(main.index, "mass")), MASS_BALANCE, self.stream_name(stream), "fraction")
        for j, _component in enumerate(chain.components):
            if (k, j) not in self.loaded_known or self.zero(stage_key(k, "loaded", j)):
                continue
            carried = [s for s in chain.loaded(k) if s.origin == FEED or isinstance(s.origin, int)]
            for stream in carried:
                if stream.origin != FEED and (int(stream.origin), j) not in self.recovered:
                    continue
                origin = Const(1) if stream.origin == FEED else ref(stream_key(int(stream.origin), "recovery", j))
                self.add(stream_key(stream.index, "recovery", j), "fraction", origin, MASS_BALANCE,
                         self.stream_name(stream, j), "fraction")
                self.recovered.add((stream.index, j))
            if not all((s.index, j) in self.recovered for s in carried):
                continue
            # what the stage obtains is shared among what it loaded in proportion: each product takes eps of
            # every loaded stream's amount, so of the feed's amount carried in (sum of R) it takes eps as well
            self.add(stage_key(k, "carried_in", j), "fraction",
                     total(*(ref(stream_key(s.index, "recovery", j)) for s in carried)), MASS_BALANCE,
                     f"{name} ({chain.components[j]})", "fraction")
            for stream in chain.obtained(k):
                if stream_key(stream.index, "distribution", j) not in self.keys:
                    continue
                self.add(stream_key(stream.index, "recovery", j), "fraction",
                         ref(stream_key(stream.index, "distribution", j)) * ref(stage_key(k, "carried_in", j)),
                         MASS_BALANCE, self.stream_name(stream, j), "fraction")
                self.recovered.add((stream.index, j))
        for stream in streams:
            for j in range(len(chain.components)):
                if ((stream.index, j) in self.known and (feed.index, j) in self.known
                        and not self.zero(stream_key(feed.index, "mass", j))):
                    self.add(stream_key(stream.index, "feed_ratio", j), "fraction",
                             ref(stream_key(stream.index, "mass", j)) * ref(stage_key(k, "scale"))
                             / ref(stream_key(feed.index, "mass", j)), MASS_BALANCE, self.stream_name(stream, j),
                             "fraction")

    def entropy(self, k: int) -> None:
        chain = self.chain
        obtained = chain.obtained(k)
        for j, component in enumerate(chain.components):
            if (k, j) not in self.stage_known or self.zero(stage_key(k, "obtained", j)):
                continue
            named = f"{chain.stages[k].name} ({component})"
            share = [ref(stream_key(s.index, "mass", j)) / ref(stage_key(k, "obtained", j)) for s in obtained]
            self.add(stage_key(k, "entropy", j), "bit", total(*(entropy_term(p) for p in share)), PROCESS_CHAIN,
                     named, section=_entropy_section(chain, k))
            self.add(stage_key(k, "max_entropy", j), "bit", Const(math.log2(len(obtained))), PROCESS_CHAIN, named,
                     section=_entropy_section(chain, k))
            self.add(stage_key(k, "information", j), "bit",
                     ref(stage_key(k, "max_entropy", j)) - ref(stage_key(k, "entropy", j)), PROCESS_CHAIN, named,
                     section=_entropy_section(chain, k))

    # -- economics ----------------------------------------------------------------------------
    def economics(self) -> None:
        chain, cur = self.chain, self.cur
        feed = chain.streams[chain.feed]
        for stream in chain.streams:
            self.add(stream_key(stream.index, "rate"), "t/month", ref(stream_key(stream.index, "yield"))
                     * inp("throughput"), PROCESS_CHAIN, self.stream_name(stream),
                     section="Streams at plant scale")
        purchased = [s for s in chain.streams if s.origin in (PURCHASED, FEED) and s.price_key]
        for stream in purchased:
            self.add(stream_key(stream.index, "cost_per_month"), f"{cur}/month",
                     ref(stream_key(stream.index, "rate")) * inp(stream.price_key), OPEX, self.stream_name(stream),
                     "money", REAGENTS)
        self.add("reagent_cost_per_month", f"{cur}/month",
                 total(*(ref(stream_key(s.index, "cost_per_month")) for s in purchased)) if purchased else Const(0),
                 OPEX, style="money", section=REAGENTS)
        values: dict[int, list[Expr]] = {}
        for number, payable in enumerate(chain.payables):
            stream, j = chain.streams[payable.stream], payable.component
            if (stream.index, j) not in self.known:
                raise _undefined(stream, f"a payable {chain.components[j]} needs its {chain.components[j]} amount")
            key = f"payables.{number}.value_per_month"
            self.add(key, f"{cur}/month", ref(stream_key(stream.index, "rate"))
                     * ref(stream_key(stream.index, "content", j)) * inp(payable.key)
                     * inp(f"components.{j}.price"), REVENUE, self.stream_name(stream, j), "money",
                     PRODUCTS if stream.destination == SOLD else CREDITS)
            values.setdefault(stream.index, []).append(ref(key))
        for destination, total_key, section in ((SOLD, "product_revenue_per_month", PRODUCTS),
                                                (RETURNED, "credit_per_month", CREDITS)):
            paid = [i for i in values if chain.streams[i].destination == destination]
            self.add(total_key, f"{cur}/month", total(*(v for i in paid for v in values[i])) if paid else Const(0),
                     REVENUE, style="money", section=section)
        for key in ("reagent_cost_per_month", "product_revenue_per_month", "credit_per_month"):
            per_tonne = key.replace("_per_month", "_per_tonne_feed")
            self.add(per_tonne, f"{cur}/t", ref(key) / inp("throughput"), PROCESS_CHAIN, style="money",
                     section="Per tonne of chain feed")
        self.energy_uses()
        self.losses(feed)

    def energy_uses(self) -> None:
        chain = self.chain
        counted = []
        for use in chain.energy:
            prefix = f"energy_use.{use.index}"
            basis = chain.streams[use.basis]
            if use.specific_key:
                specific: Expr = inp(use.specific_key)
            else:
                j = int(use.component)  # type: ignore[arg-type]
                specific = (inp(use.voltage_key) * inp(use.valence_key) * FARADAY_C_PER_MOL
                            / (inp(use.efficiency_key) * inp(f"components.{j}.molar_mass"))
                            * GRAMS_PER_TONNE / JOULES_PER_KWH)
            amount = ref(stream_key(basis.index, "rate"))
            if use.component is not None:
                if (basis.index, use.component) not in self.known:
                    raise _undefined(basis, f"energy row {use.name!r} needs its {chain.components[use.component]} "
                                     "amount")
                amount = amount * ref(stream_key(basis.index, "content", use.component))
            self.add(f"{prefix}.specific_energy", "kWh/t", specific, ENERGY, use.name, section=PROCESS_ENERGY)
            self.add(f"{prefix}.basis_per_month", "t/month", amount, ENERGY, use.name, section=PROCESS_ENERGY)
            self.add(f"{prefix}.energy_per_month", "kWh/month", ref(f"{prefix}.specific_energy")
                     * ref(f"{prefix}.basis_per_month"), ENERGY, use.name, section=PROCESS_ENERGY)
            self.add(f"{prefix}.per_tonne_feed", "kWh/t", ref(f"{prefix}.energy_per_month") / inp("throughput"),
                     ENERGY, use.name, section=PROCESS_ENERGY)
            if use.counted:
                counted.append(ref(f"{prefix}.energy_per_month"))
        if chain.energy:
            self.add("chain_energy_per_month", "kWh/month", total(*counted) if counted else Const(0), ENERGY,
                     section=PROCESS_ENERGY)

    def losses(self, feed: Stream) -> None:
        """Per stage and component: the feed's component that leaves before the end, and the final product lost."""
        chain = self.chain
        for j, component in enumerate(chain.components):
            if stream_key(feed.index, "content", j) not in self.keys:
                continue
            self.add(f"chain.{j}.feed_per_month", "t/month", ref(stream_key(feed.index, "rate"))
                     * ref(stream_key(feed.index, "content", j)), PROCESS_CHAIN, component, section="Through the chain")
            sold = [s for s in chain.streams if s.destination == SOLD]
            if sold and all((s.index, j) in self.recovered for s in sold):
                self.add(f"chain.{j}.recovery_sold", "fraction",
                         total(*(ref(stream_key(s.index, "recovery", j)) for s in sold)),
                         PROCESS_CHAIN, component, "fraction", "Through the chain")
            self.downstream(j)
            for destinations, names in (((WASTE,), ("leaving", "final_lost_per_month", "final_lost_value")),
                                        ((RETURNED,), ("diverted", "final_diverted_per_month",
                                                       "final_diverted_value"))):
                for k in range(len(chain.stages)):
                    self.side_streams(k, j, component, destinations, names)

    def downstream(self, j: int) -> None:
        """For every product passed on: the share of its amount of component j that reaches products sold later.

        The stage that loads product p shares what it obtains among what it loaded in proportion, so of p's
        amount its sold products take their distribution, and its products passed on their distribution times
        their own downstream share. Stages are visited from the last, so each share reads later ones only.
        """
        chain = self.chain
        for k in reversed(range(len(chain.stages))):
            for product in chain.obtained(k):
                link = chain.link_into(product.index) if product.destination == NEXT else None
                if link is None:
                    continue
                terms: list[Expr] = []
                for out in chain.obtained(link.stage):
                    distribution = stream_key(out.index, "distribution", j)
                    onward = stream_key(out.index, "downstream", j)
                    if out.destination == SOLD:
                        terms.append(ref(distribution) if distribution in self.keys else None)
                    elif out.destination == NEXT:
                        terms.append(ref(distribution) * ref(onward)
                                     if distribution in self.keys and onward in self.keys else None)
                if any(term is None for term in terms):
                    continue  # some share is undefined, so this one is too
                self.add(stream_key(product.index, "downstream", j), "fraction",
                         total(*terms) if terms else Const(0), PROCESS_CHAIN, self.stream_name(product, j),
                         "fraction", "Losses through the chain")

    def side_streams(self, k: int, j: int, component: str, destinations: tuple[str, ...],
                     names: tuple[str, str, str]) -> None:
        """What the streams of ``destinations`` take out of the chain at stage k, and the final product it costs.

        Had it stayed, the amount would have followed the stage's products passed on (their downstream
        shares, weighted by their recoveries) or, in a stage that passes nothing on, its own products.
        """
        chain, cur = self.chain, self.cur
        share_name, mass_name, value_name = names
        outs = chain.obtained(k)
        leaving = [s for s in outs if s.destination in destinations]
        nexts = [s for s in outs if s.destination == NEXT]
        if not leaving or not all((s.index, j) in self.recovered for s in leaving + nexts):
            return
        if any(stream_key(s.index, "downstream", j) not in self.keys for s in nexts):
            return
        if nexts and self.zero_sum([stream_key(s.index, "recovery", j) for s in nexts]):
            return
        named = f"{chain.stages[k].name} ({component})"
        section = "Losses through the chain" if WASTE in destinations else "Streams returned to other circuits"
        self.add(stage_key(k, share_name, j), "fraction",
                 total(*(ref(stream_key(s.index, "recovery", j)) for s in leaving)), PROCESS_CHAIN, named,
                 "fraction", section)
        downstream_key = stage_key(k, "downstream_recovery", j)
        if downstream_key not in self.keys:
            if not nexts:
                downstream: Expr = Const(1)
            else:
                downstream = (total(*(ref(stream_key(s.index, "recovery", j)) * ref(stream_key(s.index, "downstream", j))
                                      for s in nexts))
                              / total(*(ref(stream_key(s.index, "recovery", j)) for s in nexts)))
            self.add(downstream_key, "fraction", downstream, PROCESS_CHAIN, named, "fraction", section)
        self.add(stage_key(k, mass_name, j), "t/month",
                 ref(stage_key(k, share_name, j)) * ref(downstream_key) * ref(f"chain.{j}.feed_per_month"),
                 PROCESS_CHAIN, named, section=section)
        if self.plant.rows("components")[j].has("price"):
            self.add(stage_key(k, value_name, j), f"{cur}/month",
                     ref(stage_key(k, mass_name, j)) * inp(f"components.{j}.price"), PROCESS_CHAIN, named, "money",
                     section)

    def zero_sum(self, keys: list[str]) -> bool:
        """True when the figures sum to zero at the workbook's inputs (not a denominator)."""
        if not self.base or any(key not in self.base for key in keys):
            return False
        return sum(self.base[key] for key in keys) == 0

    def build(self) -> list[Figure]:
        for k in range(len(self.chain.stages)):
            self.stage_balance(k)
        for k in range(len(self.chain.stages)):
            self.through(k)
            self.entropy(k)
        self.economics()
        return self.items


def _entropy_section(chain: Chain, k: int) -> str:
    return f"Separation: {chain.stages[k].name}"


def _undefined(stream: Stream, reason: str) -> InputError:
    location = stream.location
    return InputError(reason, file=location.file, sheet=location.sheet, cell=location.cell, field="stream")


def figures(plant: Plant) -> list[Figure]:
    """The chain's figures in evaluation order; none without a Streams sheet.

    A first build is evaluated at the workbook's inputs, leniently; the second leaves out every ratio whose
    denominator is zero there (a component a stage does not load at all, a feed without it): undefined, not a
    division by zero. The closure audit says where a component was not loaded.
    """
    if plant.chain is None:
        return []
    first = _Builder(plant, plant.chain).build()
    results = evaluate(Model(figures=first), plant.inputs(), strict=False)
    base = {figure.key: float(results[figure.key]) for figure in first}
    return _Builder(plant, plant.chain, base).build()


def revenue_terms(plant: Plant) -> list[Expr]:
    """What the chain adds to the plant's cash revenue per month: the products sold.

    Credit for intermediates returned to earlier stages or other circuits (``credit_per_month``) is not cash:
    it is shown apart and not counted, unless the workbook makes the stream ``sold``.
    """
    if plant.chain is None:
        return []
    return [ref("product_revenue_per_month")]


def cost_terms(plant: Plant) -> list[Expr]:
    """What the chain adds to the plant's cash operating cost per month: reagents and purchased feeds."""
    return [] if plant.chain is None else [ref("reagent_cost_per_month")]


def energy_terms(plant: Plant) -> list[Expr]:
    """What the chain adds to the plant's electricity per month: the counted process energy."""
    return [ref("chain_energy_per_month")] if plant.chain is not None and plant.chain.energy else []

