"""Read the process-chain sheets (Streams, Payables, StageEnergy) into a :class:`~econ.inputs.chain.Chain`.

Every problem is an InputError naming file, sheet, cell and field, what was
expected and what was found, like the rest of the reader.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from econ import units
from econ.inputs import schema
from econ.inputs.chain import (
    BY_REMAINDER, DESTINATIONS, EXPLICIT, FEED, IN, LINKED, NEXT, ORIGINS, OUT, PURCHASED, RATE, RECOVERY, REMAINDER,
    RETURNED, SOLD, Amount, Chain, EnergyUse, Payable, Stage, Stream,
)
from econ.errors import InputError
from econ.inputs.plant import Row
from econ.inputs.problems import ConsequentialError
from econ.inputs.translations import check_column, read_translations

if TYPE_CHECKING:
    from econ.inputs.reader import _Reader

STREAM_COLUMNS = ("stage", "stream", "direction", "from", "to", "mass", "rate", "rate_of", "recovery", "recovery_of",
                  "price", "price_source", "source", "note", "precision")
ENERGY_COLUMNS = ("name", "stage", "basis", "component", "specific_energy", "cell_voltage", "valence",
                  "current_efficiency", "counted", "source", "note")
PAYABLE_COLUMNS = ("stream", "component", "payable", "source", "note")
_YES, _NO = ("yes", "y", "true", "1", "да"), ("no", "n", "false", "0", "нет", "")


class ChainReader:
    """Reads the chain sheets with the helpers (number parsing, errors) of the workbook reader."""

    def __init__(self, reader: _Reader, components: list[Row]) -> None:
        self.reader = reader
        self.components = components
        self.component_index = {row.name.strip().lower(): row.index for row in components}
        self.streams: list[Stream] = []
        self.stage_names: list[str] = []
        self.partial = False  # a stream row had a problem: see read()

    # -- helpers -----------------------------------------------------------------------
    def error(self, sheet: str, cell: str, field: str, expected: str, found: object, message: str = ""):  # noqa: ANN201
        return self.reader.error(message, sheet, cell, field, expected=expected, found=found)

    def component(self, text: str, sheet: str, cell: str, field: str) -> int:
        index = self.component_index.get(text.strip().lower())
        if index is None:
            raise self.error(sheet, cell, field, f"a component of the Components sheet "
                             f"({', '.join(row.name for row in self.components)})", text)
        return index

    def find_stream(self, text: str, sheet: str, cell: str, field: str, candidates: list[Stream],
                    what: str) -> Stream:
        """A stream named as ``Stage/stream`` or, where unambiguous, by its name alone."""
        wanted = text.strip().lower()
        for direction in (IN, OUT):  # "Stage/stream (in)" tells apart a loaded and an obtained stream of one name
            if wanted.endswith(f"({direction})"):
                wanted = wanted[: -len(direction) - 2].strip()
                candidates = [s for s in candidates if s.direction == direction]
        matches = [s for s in candidates if f"{self.stage_names[s.stage]}/{s.name}".lower() == wanted]
        if not matches:
            matches = [s for s in candidates if s.name.lower() == wanted]
        if len(matches) != 1:
            names = [f"{self.stage_names[s.stage]}/{s.name}" for s in candidates]
            problem = "ambiguous: name it as Stage/stream, with (in) or (out) if both have the name" if matches \
                else "no such stream"
            raise self._unless_partial(self.error(sheet, cell, field, f"{what} ({'; '.join(names) or 'none'})",
                                                  text, problem))
        return matches[0]

    def _unless_partial(self, error: InputError) -> InputError:
        """``error``, or the same as a consequential one when a stream row failed: the stream or stage looked
        for may be the one that row would have given."""
        if not self.partial:
            return error
        return ConsequentialError(error.detail, file=error.file, sheet=error.sheet, cell=error.cell,
                                  field=error.field, expected=error.expected, found=error.found)

    # -- Streams -------------------------------------------------------------------------
    def read(self) -> Chain:
        """The chain of the Streams sheet, with its payables and stage energy.

        Each row's problem is recorded and the next row is read, so that one
        reading lists every problem of the three sheets. When a stream row has
        one, the checks that follow from the rows together (links, rates, the
        chain's structure) are left out, and a Payables or StageEnergy row that
        names a missing stream is not reported: both would go once the row is
        put right.
        """
        reader = self.reader
        errors_before = len(reader.problems.errors)
        sheet = reader.require_sheet("Streams")
        columns = reader.header(sheet)
        for name in ("stage", "stream", "direction", "mass"):
            reader.column(sheet, columns, name)
        component_columns: dict[int, str] = {}
        for name, column in columns.items():
            if name in STREAM_COLUMNS:
                continue
            if name not in self.component_index and check_column(reader, sheet, name, column, STREAM_COLUMNS):
                continue  # stage_ru, stream_ru, source_ru: a translation (econ.inputs.translations)
            if name not in self.component_index:
                with reader.problems.recording():
                    raise self.error(sheet, f"{column}1", "column", "a stream column (" + ", ".join(STREAM_COLUMNS)
                                     + ") or a component of the Components sheet", name, "unknown column")
                continue
            component_columns[self.component_index[name]] = column
        if not component_columns:
            raise self.error(sheet, "1", "column", "one column per component of the Components sheet",
                             sorted(columns))
        mass_unit = self.mass_unit(sheet, columns["mass"])
        read_translations(reader, sheet, columns, 3)
        rows = [row for row in range(3, reader.book.last_row(sheet) + 1)
                if reader.book.text(sheet, f"{columns['stream']}{row}")
                or reader.book.text(sheet, f"{columns['stage']}{row}")]
        pending_links: list[tuple[int, str, str]] = []
        pending_rates: list[tuple[int, str, str]] = []
        for ordinal, row in enumerate(rows):  # the ordinal names its inputs: a failed row shifts no later key
            with reader.problems.recording():
                self.read_stream(sheet, columns, component_columns, mass_unit, row, ordinal, pending_links,
                                 pending_rates)
        self.partial = len(reader.problems.errors) > errors_before
        if not self.streams and not self.partial:
            raise self.error(sheet, f"{columns['stream']}3", "stream", "at least one stream", "an empty sheet")
        if not self.partial:
            self.resolve_links(sheet, pending_links)
            self.resolve_rates(sheet, pending_rates)
        stages = tuple(Stage(k, name, tuple(s.index for s in self.streams if s.stage == k))
                       for k, name in enumerate(self.stage_names))
        feed = -1 if self.partial else self.check_structure(sheet, columns, stages)
        chain = Chain(tuple(row.name for row in self.components), stages, tuple(self.streams), mass_unit, feed)
        chain = replace(chain, payables=self.read_payables(chain), energy=self.read_energy(chain))
        if len(reader.problems.errors) > errors_before:
            raise ConsequentialError("the process chain has the problems listed", file=reader.book.file,
                                     sheet=sheet)
        return chain

    def mass_unit(self, sheet: str, column: str) -> str:
        text = self.reader.book.text(sheet, f"{column}2")
        if not text or not units.same_dimension(text, "g"):
            raise self.error(sheet, f"{column}2", "mass", "a mass unit for every stream mass (g, kg, t)",
                             text or "no unit")
        return units.normalize(text)

    def read_stream(self, sheet: str, columns: dict[str, str], component_columns: dict[int, str], mass_unit: str,
                    row: int, ordinal: int, pending_links: list, pending_rates: list) -> None:
        reader, book = self.reader, self.reader.book

        def text(name: str) -> str:
            return book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

        def cell(name: str) -> str:
            return f"{columns.get(name, columns['stream'])}{row}"

        index = len(self.streams)
        stage_name, name = text("stage"), text("stream")
        if not stage_name:
            raise self.error(sheet, cell("stage"), "stage", "the name of the stage", "an empty cell")
        if not name:
            raise self.error(sheet, cell("stream"), "stream", "the name of the stream", "an empty cell")
        if stage_name not in self.stage_names:
            self.stage_names.append(stage_name)
        stage = self.stage_names.index(stage_name)
        direction = text("direction").lower()
        if direction not in (IN, OUT):
            raise self.error(sheet, cell("direction"), "direction", "in (loaded) or out (obtained)",
                             text("direction"))
        if any(s.stage == stage and s.direction == direction and s.name.lower() == name.lower()
               for s in self.streams):
            raise self.error(sheet, cell("stream"), "stream",
                             f"a stream name used once among the stage's {direction} streams", name)
        source = text("source")
        label = f"{stage_name}/{name}"
        prefix = f"streams.{ordinal}"

        def number(field: str, spec: schema.FieldSpec):  # noqa: ANN202
            if field not in columns:
                return None
            unit_text = book.text(sheet, f"{columns[field]}2")
            parameter = reader.number(sheet, f"{columns[field]}{row}", spec, unit_text,
                                      f"{label}: {field.replace('_', ' ')}", f"{prefix}.{field}", source)
            if parameter is not None:
                reader.parameters[parameter.key] = parameter
            return parameter

        # where it comes from / goes to
        origin: str | int = ""
        destination = ""
        if direction == IN:
            origin = text("from").lower() if text("from").lower() in ORIGINS else text("from")
            if not origin:
                raise self.error(sheet, cell("from"), "from",
                                 "feed (the chain's raw material), purchased, external, or Stage/stream of an "
                                 "earlier stage", "an empty cell")
            if origin not in ORIGINS:
                pending_links.append((index, origin, cell("from")))
        else:
            destination = text("to").lower()
            if destination not in DESTINATIONS:
                raise self.error(sheet, cell("to"), "to", " or ".join(DESTINATIONS), text("to") or "an empty cell")

        # how its mass is given
        mass_value = book.resolve(sheet, cell("mass"), "mass")
        mass_spec = schema.FieldSpec("mass", mass_unit, strictly_positive=True)
        how = EXPLICIT
        if isinstance(mass_value, str):
            if mass_value.strip().lower() != REMAINDER or direction != OUT:
                raise self.error(sheet, cell("mass"), "mass", f"a mass in {mass_unit}"
                                 + (" or 'remainder'" if direction == OUT else ""), mass_value)
            how = BY_REMAINDER
        elif mass_value is None:
            if direction == IN and text("rate"):
                how = RATE
            elif direction == IN and origin not in ORIGINS:
                how = LINKED
            elif direction == OUT and text("recovery"):
                how = RECOVERY
            else:
                expected = (f"a mass in {mass_unit}, or a rate and rate_of, or a link from an earlier stage"
                            if direction == IN else f"a mass in {mass_unit}, 'remainder', or a recovery")
                raise self.error(sheet, cell("mass"), "mass", expected, "an empty cell")
        mass_key = ""
        if how == EXPLICIT:
            mass_key = number("mass", mass_spec).key
        rate_key = recovery_key = ""
        recovery_of = None
        if how == RATE:
            rate_key = number("rate", schema.FieldSpec("rate", "fraction", kind="ratio")).key
            if not text("rate_of"):
                raise self.error(sheet, cell("rate_of"), "rate_of", "the stream the rate is a share of",
                                 "an empty cell")
            pending_rates.append((index, text("rate_of"), cell("rate_of")))
        if how == RECOVERY:
            recovery_key = number("recovery", schema.FieldSpec("recovery", "fraction", kind="fraction")).key
            recovery_of = (self.component(text("recovery_of"), sheet, cell("recovery_of"), "recovery_of")
                           if text("recovery_of") else 0)
        price_key = ""
        if direction == IN and origin in (PURCHASED, FEED) and "price" in columns:
            price = number("price", schema.FieldSpec("price", f"{reader.currency}/t", required=False))
            if price is not None and text("price_source"):  # a price has its own source (an assumption, say)
                price = replace(price, source=text("price_source"))
                reader.parameters[price.key] = price
            price_key = price.key if price is not None else ""

        # component amounts: a mass in the batch unit, or a content
        amounts: dict[int, Amount] = {}
        for component, column in component_columns.items():
            address = f"{column}{row}"
            if book.cell(sheet, address) is None:
                continue
            if how == BY_REMAINDER:
                raise self.error(sheet, address, self.components[component].name,
                                 "an empty cell: a remainder stream's components are what the others leave",
                                 book.resolve(sheet, address))
            unit_text = book.text(sheet, f"{column}2")
            is_content = unit_text.strip().lower() in ("%", "percent", "fraction", "-")
            if is_content:
                spec = schema.FieldSpec(self.components[component].name, "fraction", kind="fraction")
            elif unit_text and units.same_dimension(unit_text, "fraction"):  # g/t, kg/t: a content too
                is_content = True
                spec = schema.FieldSpec(self.components[component].name, "fraction", maximum=1.0)
            else:
                spec = schema.FieldSpec(self.components[component].name, mass_unit)
            key = f"{prefix}.{component}.amount"
            parameter = reader.number(sheet, address, spec, unit_text,
                                      f"{label}: {self.components[component].name} "
                                      f"{'content' if is_content else 'mass'}", key, source)
            reader.parameters[key] = parameter
            amounts[component] = Amount(key, is_content)
        if how == RECOVERY and not (recovery_of in amounts and amounts[recovery_of].is_content):
            raise self.error(sheet, f"{component_columns.get(recovery_of, columns['mass'])}{row}",
                             self.components[recovery_of].name,
                             "the content (%) of the component the recovery is given for: the stream's mass is "
                             "the recovered amount divided by it", "no content")
        self.streams.append(Stream(
            index=index, stage=stage, name=name, direction=direction, how=how,
            location=reader.book.location(sheet, cell("stream")), origin=origin, destination=destination,
            mass_key=mass_key, rate_key=rate_key, recovery_key=recovery_key, recovery_of=recovery_of,
            price_key=price_key, amounts=amounts, source=source,
        ))

    def resolve_links(self, sheet: str, pending: list[tuple[int, str, str]]) -> None:
        for index, text, cell in pending:
            stream = self.streams[index]
            earlier = [s for s in self.streams if s.direction == OUT and s.stage < stream.stage]
            product = self.find_stream(text, sheet, cell, "from", earlier, "an obtained stream of an earlier stage")
            if product.destination != NEXT:
                raise self.error(sheet, cell, "from", f"a stream whose 'to' is {NEXT}",
                                 f"{text} (to: {product.destination})")
            if any(s.origin == product.index for s in self.streams):
                raise self.error(sheet, cell, "from", "a product loaded into one later stage only",
                                 f"{text}, already loaded elsewhere")
            self.streams[index] = replace(stream, origin=product.index)

    def resolve_rates(self, sheet: str, pending: list[tuple[int, str, str]]) -> None:
        for index, text, cell in pending:
            stream = self.streams[index]
            candidates = [s for s in self.streams
                          if s.stage == stream.stage and s.direction == IN and s.how != RATE]
            basis = self.find_stream(text, sheet, cell, "rate_of", candidates,
                                     "a loaded stream of the same stage not itself given by a rate")
            self.streams[index] = replace(stream, rate_of=basis.index)

    def check_structure(self, sheet: str, columns: dict[str, str], stages: tuple[Stage, ...]) -> int:
        """One chain feed in the first stage, one link into every later stage, every ``next`` product used."""
        feeds = [s for s in self.streams if s.origin == FEED]
        if len(feeds) != 1:
            where = feeds[1].location.cell if len(feeds) > 1 else f"{columns.get('from', 'A')}3"
            raise self.error(sheet, where, "from", "exactly one stream from 'feed' (the chain's raw material)",
                             f"{len(feeds)} streams")
        if feeds[0].stage != 0:
            raise self.error(sheet, feeds[0].location.cell, "from", "the chain feed in the first stage",
                             self.stage_names[feeds[0].stage])
        for stage in stages:
            loaded = [self.streams[i] for i in stage.streams if self.streams[i].direction == IN]
            obtained = [self.streams[i] for i in stage.streams if self.streams[i].direction == OUT]
            first = self.streams[stage.streams[0]].location.cell
            if not loaded or not obtained:
                raise self.error(sheet, first, "direction", "at least one loaded (in) and one obtained (out) stream",
                                 f"stage {stage.name!r} with {len(loaded)} in and {len(obtained)} out")
            links = [s for s in loaded if isinstance(s.origin, int)]
            if stage.index > 0 and len(links) != 1:
                raise self.error(sheet, first, "from", "exactly one stream from an earlier stage (Stage/stream)",
                                 f"stage {stage.name!r} with {len(links)}")
            if sum(s.how == BY_REMAINDER for s in obtained) > 1:
                raise self.error(sheet, first, "mass", "at most one 'remainder' stream per stage",
                                 f"stage {stage.name!r} with several")
        for stream in self.streams:
            if stream.destination == NEXT and not any(s.origin == stream.index for s in self.streams):
                raise self.error(sheet, stream.location.cell, "to", "a stream that a later stage loads (from: "
                                 f"{self.stage_names[stream.stage]}/{stream.name})", "no stage loads it")
        return feeds[0].index

    # -- Payables --------------------------------------------------------------------------
    def optional_sheet(self, name: str, required: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
        """An optional table sheet and its header columns (the required ones checked), or None when absent."""
        sheet = self.reader.book.sheet(name)
        if sheet is None:
            return None
        columns = self.reader.header(sheet)
        for column in required:
            self.reader.column(sheet, columns, column)
        for name, column in columns.items():
            check_column(self.reader, sheet, name, column, (*required, *columns))
        read_translations(self.reader, sheet, columns, 3)
        return sheet, columns

    def read_payables(self, chain: Chain) -> tuple[Payable, ...]:
        """The Payables rows; each row's problem is recorded and the next row read."""
        found = self.optional_sheet("Payables", ("stream", "component", "payable"))
        if found is None:
            return ()
        sheet, columns = found
        paid = [s for s in chain.streams if s.destination in (SOLD, RETURNED)]
        payables: list[Payable] = []
        for row in range(3, self.reader.book.last_row(sheet) + 1):
            with self.reader.problems.recording():
                payable = self.read_payable(chain, sheet, columns, row, paid, payables)
                if payable is not None:
                    payables.append(payable)
        return tuple(payables)

    def read_payable(self, chain: Chain, sheet: str, columns: dict[str, str], row: int, paid: list[Stream],
                     payables: list[Payable]) -> Payable | None:
        """One Payables row, or None for a row with no stream."""
        reader, book = self.reader, self.reader.book
        stream_text = book.text(sheet, f"{columns['stream']}{row}")
        if not stream_text:
            return None
        stream = self.find_stream(stream_text, sheet, f"{columns['stream']}{row}", "stream", paid,
                                  "a sold or returned stream")
        component = self.component(book.text(sheet, f"{columns['component']}{row}"), sheet,
                                   f"{columns['component']}{row}", "component")
        if not self.components[component].has("price"):
            raise self.error(sheet, f"{columns['component']}{row}", "component",
                             "a component with a price on the Components sheet (a payable pays a share of it)",
                             self.components[component].name)
        if any(p.stream == stream.index and p.component == component for p in payables):
            raise self.error(sheet, f"{columns['component']}{row}", "component",
                             "one payable per stream and component", "a second one")
        key = f"payables.{len(payables)}.payable"
        parameter = reader.number(sheet, f"{columns['payable']}{row}",
                                  schema.FieldSpec("payable", "fraction", kind="fraction"),
                                  book.text(sheet, f"{columns['payable']}2"),
                                  f"{chain.qualified_name(stream.index)}: payable "
                                  f"{self.components[component].name}", key,
                                  book.text(sheet, f"{columns['source']}{row}") if "source" in columns else "")
        reader.parameters[key] = parameter
        return Payable(stream.index, component, key, book.location(sheet, f"{columns['stream']}{row}"))

    # -- StageEnergy -------------------------------------------------------------------------
    def read_energy(self, chain: Chain) -> tuple[EnergyUse, ...]:
        """The StageEnergy rows; each row's problem is recorded and the next row read."""
        found = self.optional_sheet("StageEnergy", ("name", "stage", "basis"))
        if found is None:
            return ()
        sheet, columns = found
        uses: list[EnergyUse] = []
        for row in range(3, self.reader.book.last_row(sheet) + 1):
            with self.reader.problems.recording():
                use = self.read_energy_use(chain, sheet, columns, row, len(uses))
                if use is not None:
                    uses.append(use)
        return tuple(uses)

    def read_energy_use(self, chain: Chain, sheet: str, columns: dict[str, str], row: int,
                        index: int) -> EnergyUse | None:
        """One StageEnergy row, or None for a row with no name."""
        reader, book = self.reader, self.reader.book

        def text(name: str) -> str:
            return book.text(sheet, f"{columns[name]}{row}") if name in columns else ""

        def cell(name: str) -> str:
            return f"{columns.get(name, columns['name'])}{row}"

        name = text("name")
        if not name:
            return None
        stage_text = text("stage")
        stage = next((s.index for s in chain.stages if s.name.lower() == stage_text.lower()), None)
        if stage is None:
            raise self._unless_partial(self.error(sheet, cell("stage"), "stage", "a stage of the Streams sheet ("
                                                  + ", ".join(s.name for s in chain.stages) + ")", stage_text))
        candidates = [chain.streams[i] for i in chain.stages[stage].streams]
        basis = self.find_stream(text("basis"), sheet, cell("basis"), "basis", candidates,
                                 f"a stream of stage {chain.stages[stage].name!r}")
        component = self.component(text("component"), sheet, cell("component"), "component") \
            if text("component") else None
        counted_text = text("counted").lower()
        if counted_text not in _YES + _NO:
            raise self.error(sheet, cell("counted"), "counted", "yes (added to the plant's electricity) or no",
                             text("counted"))
        source = text("source")
        prefix = f"stage_energy.{index}"

        def number(field: str, spec: schema.FieldSpec) -> str:
            if field not in columns or book.cell(sheet, cell(field)) is None:
                return ""
            parameter = reader.number(sheet, cell(field), spec, book.text(sheet, f"{columns[field]}2"),
                                      f"{name}: {field.replace('_', ' ')}", f"{prefix}.{field}", source)
            reader.parameters[parameter.key] = parameter
            return parameter.key

        specific = number("specific_energy", schema.FieldSpec("specific_energy", "kWh/t", strictly_positive=True))
        voltage = number("cell_voltage", schema.FieldSpec("cell_voltage", "V", strictly_positive=True))
        valence = number("valence", schema.FieldSpec("valence", "dimensionless", kind="integer", minimum=1,
                                                     maximum=8))
        efficiency = number("current_efficiency", schema.FieldSpec("current_efficiency", "fraction",
                                                                   kind="fraction", strictly_positive=True))
        if not specific:
            missing = [f for f, key in (("cell_voltage", voltage), ("valence", valence),
                                        ("current_efficiency", efficiency)) if not key]
            if missing or component is None:
                raise self.error(sheet, cell(missing[0] if missing else "component"),
                                 missing[0] if missing else "component",
                                 "a specific_energy, or cell_voltage, valence, current_efficiency and the "
                                 "deposited component (Faraday's law)", "an empty cell")
            if not self.components[component].has("molar_mass"):
                raise self.error(sheet, cell("component"), "component",
                                 "a component with a molar_mass on the Components sheet",
                                 self.components[component].name)
        return EnergyUse(index, name, stage, basis.index, component, counted_text in _YES,
                         book.location(sheet, cell("name")), specific, voltage, valence, efficiency, source)


def read_chain(reader: _Reader, tables: dict[str, list[Row]]) -> Chain | None:
    """The workbook's process chain, or None when it has no Streams sheet."""
    if reader.book.sheet("Streams") is None:
        return None
    components = tables.get("components", [])
    if not components:
        sheet = reader.book.sheet("Components")
        raise reader.error("", sheet or "Components", "A3", "component",
                           expected="a Components sheet with one row per component followed through the chain",
                           found="no components")
    if reader.basis != "t":
        raise reader.error("", "Throughput", None, "throughput",
                           expected="a throughput in t/month of the chain feed (a workbook with a Streams sheet)",
                           found=f"{reader.basis}/month")
    return ChainReader(reader, components).read()
