"""A process chain as read from the workbook: stages, their streams, payables and process energy.

Sheets (docs/inputs.md describes them for engineers):

- ``Components``: the components followed through the chain (Bi, Pb), with a
  price and a molar mass (a table of ``schema.TABLES``);
- ``Streams``: one row per stream of a stage, loaded (``in``) or obtained
  (``out``): its mass and the amount of each component, where it comes from and
  where it goes;
- ``Payables``: the share of a component's value paid for a sold or returned
  stream;
- ``StageEnergy``: the process energy of a stage, per tonne of a stream or of a
  component in it, quoted or from the cell voltage by Faraday's law.

The masses of the Streams sheet are in one unit (the unit of its ``mass``
column, e.g. g for the laboratory balances of a paper). Each stage is a batch of
its own; the model scales the batches through the chain by the stream that
links them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from econ.inputs.plant import Location

IN, OUT = "in", "out"
# Where a loaded stream comes from: the chain feed, bought (costed at its price), from outside the plant at no
# cost (waste rock mined with the ore, air, water), or "Stage/stream" of an earlier stage.
FEED, PURCHASED, EXTERNAL = "feed", "purchased", "external"
ORIGINS = (FEED, PURCHASED, EXTERNAL)
NEXT, SOLD, RETURNED, WASTE = "next", "sold", "returned", "waste"  # where an obtained stream goes
DESTINATIONS = (NEXT, SOLD, RETURNED, WASTE)
REMAINDER = "remainder"  # an obtained stream given as what the others leave of the stage's input

# How a stream's mass is given.
EXPLICIT, RATE, LINKED, RECOVERY, BY_REMAINDER = "explicit", "rate", "linked", "recovery", "remainder"


@dataclass(frozen=True)
class Amount:
    """A component amount as entered: a mass (in the Streams mass unit) or a content (a fraction)."""

    key: str  # the input key of the entered value
    is_content: bool


@dataclass(frozen=True)
class Stream:
    """One row of the Streams sheet.

    ``index`` is the row's position in the sheet (0-based) and keys its figures:
    ``balance.{index}.mass``. ``origin`` is ``feed``, ``purchased``, ``external`` or the index
    of the obtained stream it is linked to; ``destination`` one of DESTINATIONS.
    ``amounts`` maps a component index to its entered amount; a component
    missing from it is not given (unknown), unless the stream is linked or a
    remainder, where it is derived.
    """

    index: int
    stage: int
    name: str
    direction: str
    how: str  # EXPLICIT, RATE, LINKED, RECOVERY or BY_REMAINDER
    location: Location
    origin: str | int = ""
    destination: str = ""
    mass_key: str = ""
    rate_key: str = ""
    rate_of: int | None = None
    recovery_key: str = ""
    recovery_of: int | None = None
    price_key: str = ""
    amounts: dict[int, Amount] = field(default_factory=dict)
    source: str = ""


@dataclass(frozen=True)
class Stage:
    """A stage of the chain, in workbook order; ``streams`` are indices into Chain.streams."""

    index: int
    name: str
    streams: tuple[int, ...]


@dataclass(frozen=True)
class Payable:
    """The share of a component's price paid for it in a sold or returned stream."""

    stream: int
    component: int
    key: str  # input key of the payable fraction
    location: Location


@dataclass(frozen=True)
class EnergyUse:
    """A row of StageEnergy: process energy per tonne of a stream (or of one component in it).

    ``specific_key`` is the quoted kWh/t; otherwise the Faraday inputs give it.
    ``counted`` rows are added to the plant's electricity; the others are shown
    beside them for comparison.
    """

    index: int
    name: str
    stage: int
    basis: int  # stream index
    component: int | None
    counted: bool
    location: Location
    specific_key: str = ""
    voltage_key: str = ""
    valence_key: str = ""
    efficiency_key: str = ""
    source: str = ""


@dataclass(frozen=True)
class Chain:
    """Stages, streams, components, payables and energy uses of one workbook.

    ``mass_unit`` is the unit of every batch mass (the Streams sheet's mass
    column). ``feed`` is the index of the chain feed (the one ``in`` stream whose
    origin is ``feed``).
    """

    components: tuple[str, ...]
    stages: tuple[Stage, ...]
    streams: tuple[Stream, ...]
    mass_unit: str
    feed: int
    payables: tuple[Payable, ...] = ()
    energy: tuple[EnergyUse, ...] = ()

    def stage_of(self, stream: int) -> Stage:
        return self.stages[self.streams[stream].stage]

    def loaded(self, stage: int) -> list[Stream]:
        return [self.streams[i] for i in self.stages[stage].streams if self.streams[i].direction == IN]

    def obtained(self, stage: int) -> list[Stream]:
        return [self.streams[i] for i in self.stages[stage].streams if self.streams[i].direction == OUT]

    def main_feed(self, stage: int) -> Stream:
        """The stream that carries the chain into ``stage``: the chain feed or the link from an earlier stage."""
        return next(s for s in self.loaded(stage) if s.origin == FEED or isinstance(s.origin, int))

    def link_into(self, stream: int) -> Stream | None:
        """The loaded stream of a later stage that an obtained ``next`` stream becomes."""
        return next((s for s in self.streams if s.origin == stream), None)

    def qualified_name(self, stream: int) -> str:
        s = self.streams[stream]
        return f"{self.stages[s.stage].name}/{s.name}"
