"""Figures: the line items of the model, each defined once by an expression.

A :class:`Figure` is one number per case (installed power, monthly OPEX). A
:class:`YearlyFigure` is one number per case and year of the cash-flow table. A
:class:`MetricFigure` is a financial metric (IRR, payback) that can be
undefined: its value comes from :mod:`econ.model.metrics`, its Excel formula
from the cash-flow table, and the LibreOffice test checks that the two agree.

:func:`evaluate` runs a :class:`Model` over numpy arrays: a single case (0-d
arrays) or many cases at once (1-d arrays that broadcast).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from econ import i18n
from econ.errors import ModelError
from econ import collector
from econ.model import batched
from econ.model.expr import Expr, Func

Array = np.ndarray

# Results sheets, in workbook order.
ENERGY, OPEX, REVENUE, CASH_FLOW, SUMMARY, CHECKS = (
    "Energy", "OPEX", "Revenue and losses", "Cash flow", "Summary", "Checks",
)
# Sheets of a process chain (econ.model.chain): the stage tables, and the figures through the chain.
MASS_BALANCE, PROCESS_CHAIN = "Mass balance", "Process chain"


def label(key: str, name: str = "") -> str:
    """A figure's English label from the translation table (``econ.i18n``); ``name`` fills a row's name."""
    return i18n.figure_label(key, "en", name)


@dataclass(frozen=True, eq=False)
class Figure:
    """A derived number: key, label, unit, the expression that defines it, and its sheet.

    ``style`` picks the number format in reports: ``money``, ``number``,
    ``fraction``, ``ratio`` or ``years``.
    """

    key: str
    label: str
    unit: str
    expr: Expr
    sheet: str
    style: str = "number"
    section: str = ""


@dataclass(frozen=True, eq=False)
class YearlyFigure:
    """A row of the cash-flow table: one expression per year, year 0 first."""

    key: str
    label: str
    unit: str
    exprs: tuple[Expr, ...]
    sheet: str = CASH_FLOW
    style: str = "money"


@dataclass(frozen=True)
class MetricValues:
    """Values of a metric over cases; where ``status`` is not 0 the value is undefined.

    ``reasons`` maps each non-zero status to the sentence that explains it.
    ``roots`` holds, for a single case with several IRRs, all of them.
    """

    value: Array
    status: Array
    reasons: Mapping[int, str]
    roots: tuple[float, ...] = ()

    def describe(self, index: tuple[int, ...] = ()) -> str:
        status = int(np.asarray(self.status)[index])
        return "" if status == 0 else self.reasons.get(status, "undefined")

    @property
    def number(self) -> float | None:
        """The value of a single case, or None where it is undefined."""
        return float(self.value) if int(self.status) == 0 else None


@dataclass(frozen=True, eq=False)
class MetricFigure:
    """A metric computed from the cash-flow table that may be undefined.

    ``compute`` gives the values from evaluated figures. ``formula`` is the Excel
    formula over the table, which shows the same reason text where the metric is
    undefined.
    """

    key: str
    label: str
    unit: str
    compute: Callable[[Mapping[str, Array]], MetricValues]
    formula: Expr
    sheet: str = SUMMARY
    style: str = "number"


AnyFigure = Figure | YearlyFigure | MetricFigure


@dataclass
class Model:
    """The figures of one plant, in evaluation order (each only reads earlier ones).

    ``figures`` keeps the order; an index by key makes :meth:`add` and :meth:`get`
    one dict operation each, so building and evaluating a model is linear in
    its number of figures (100,000 equipment rows make about 200,000 figures).
    Add figures with :meth:`add` or :meth:`extend`, not to ``figures`` itself.
    """

    figures: list[AnyFigure] = field(default_factory=list)
    years: int = 0
    _index: dict[str, AnyFigure] = field(default_factory=dict, init=False, repr=False, compare=False)
    _reads: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cache: dict[object, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        given, self.figures = self.figures, []
        self.extend(given)

    def add(self, figure: AnyFigure) -> AnyFigure:
        if figure.key in self._index:
            raise ValueError(f"figure {figure.key!r} is defined twice")
        self._index[figure.key] = figure
        self._reads.pop(figure.key, None)  # shared with subset models (Model.subset): never another figure's
        self.figures.append(figure)
        if self._cache:
            self._cache.clear()
        return figure

    def runs(self) -> dict[int, batched.Run]:
        """The runs of same-shape figures evaluated as one array (econ.model.batched), by first index; a subset
        model (:meth:`subset`) takes its parent's runs restricted to its figures, with their column analysis."""
        found = self._cache.get("runs")
        if found is None:
            origin = self._cache.get("origin")
            if origin is not None:
                parent, positions = origin  # type: ignore[misc]
                found = batched.restrict(list(parent.runs().values()), positions)
            else:
                found = {run.start: run for run in batched.plan(self.figures, Figure)}
            self._cache["runs"] = found
        return found  # type: ignore[return-value]

    def subset(self, keys: Collection[str], keep: bool = True) -> Model:
        """The model of the figures of ``keys`` (in this model's order), kept for the next call with the same
        keys (rounding ranges and implied values evaluate the same figures many times) unless ``keep`` is
        False."""
        if not keep:
            return self._part(keys)
        wanted = frozenset(keys)
        found = self._cache.get(wanted)
        if found is None:
            found = self._cache[wanted] = self._part(wanted)
        return found  # type: ignore[return-value]

    def _part(self, wanted: Collection[str]) -> Model:
        """The model of the figures of ``wanted``, in this model's order (its keys are unique already), sharing
        this model's cache of what each figure reads (a figure reads the same keys in any model that holds it)
        and deriving its runs from this model's."""
        part = Model(years=self.years)
        positions = [index for index, figure in enumerate(self.figures) if figure.key in wanted]
        part.figures = [self.figures[index] for index in positions]
        part._index = {figure.key: figure for figure in part.figures}
        part._reads = self._reads
        part._cache["origin"] = (self, positions)
        return part

    def extend(self, figures: Iterable[AnyFigure]) -> None:
        for figure in figures:
            self.add(figure)

    def get(self, key: str) -> AnyFigure:
        """The figure of ``key``; KeyError if the model has none."""
        return self._index[key]

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def reads(self, key: str) -> tuple[str, ...]:
        """The keys (figures and inputs) the expression of figure ``key`` reads, sorted; computed once per figure
        (a total over 100,000 rows reads 100,000 keys, and dependency walks visit it once per reference)."""
        found = self._reads.get(key)
        if found is None:
            found = self._reads[key] = tuple(sorted(_expression_keys(self._index[key])))
        return found

    def walk(self, key: str) -> tuple[str, ...]:
        """Every key (figures and inputs) figure ``key`` depends on, itself first, in the order of
        :func:`input_keys`' walk. A figure that reads at least HUB keys (a total over the rows of a table) is
        walked once and its walk reused wherever it is reached before any key it depends on."""
        seen, order, stack = {key}, [], [key]
        while stack:
            current = stack.pop()
            order.append(current)
            if current not in self._index:
                continue
            reads = self.reads(current)
            if current is not key and len(reads) >= HUB:
                below, rest = self._hub(current)
                if seen.isdisjoint(rest):
                    order.extend(below)
                    seen |= rest
                    continue
            for name in reversed(reads):
                if name not in seen:
                    seen.add(name)
                    stack.append(name)
        return tuple(order)

    def _hub(self, key: str) -> tuple[tuple[str, ...], frozenset[str]]:
        found = self._cache.get(("hub", key))
        if found is None:
            below = self.walk(key)[1:]
            found = self._cache[("hub", key)] = (below, frozenset(below))
        return found  # type: ignore[return-value]

    def input_walk(self, key: str, inputs: Mapping[str, object]) -> tuple[str, ...]:
        """The keys of :meth:`walk` (key) that are ``inputs`` and not figures, in its order; the inputs below a
        figure that reads at least HUB keys are kept for the next walk that reaches it (with the same
        ``inputs``)."""
        if key in self._index and len(self.reads(key)) >= HUB:
            return self._hub_inputs(key, inputs)
        seen, found, stack = {key}, [], [key]
        while stack:
            current = stack.pop()
            if current not in self._index:
                if current in inputs:
                    found.append(current)
                continue
            reads = self.reads(current)
            if current is not key and len(reads) >= HUB:
                _, rest = self._hub(current)
                if seen.isdisjoint(rest):
                    found.extend(self._hub_inputs(current, inputs))
                    seen |= rest
                    continue
            for name in reversed(reads):
                if name not in seen:
                    seen.add(name)
                    stack.append(name)
        return tuple(found)

    def _hub_inputs(self, key: str, inputs: Mapping[str, object]) -> tuple[str, ...]:
        found = self._cache.get(("hub inputs", key))
        if found is None or found[0] is not inputs:  # type: ignore[index]
            below, _ = self._hub(key)
            index = self._index
            found = self._cache[("hub inputs", key)] = (
                inputs, tuple(name for name in below if name in inputs and name not in index))
        return found[1]  # type: ignore[index,return-value]

    def _hub_figures(self, key: str) -> frozenset[str]:
        found = self._cache.get(("hub figures", key))
        if found is None:
            below, _ = self._hub(key)
            found = self._cache[("hub figures", key)] = frozenset(name for name in below if name in self._index)
        return found  # type: ignore[return-value]

    def closure(self, keys: Iterable[str]) -> set[str]:
        """The figure keys that ``keys`` read, directly or not, themselves included (figures only)."""
        found: set[str] = set()
        stack = [key for key in keys if key in self._index]
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.add(current)
            reads = self.reads(current)
            if len(reads) >= HUB:
                found |= self._hub_figures(current)
                continue
            stack.extend(name for name in reads if name in self._index and name not in found)
        return found

    def live(self, varied: Collection[str]) -> frozenset[str]:
        """The keys of the figures whose value can change when the inputs (or figures) ``varied`` change: those
        that read one of them or a live figure, and every yearly and metric figure (conservatively: their
        evaluation over many cases is not assumed to equal that of one). Kept for the next call with the same
        ``varied``."""
        wanted = ("live", frozenset(varied))
        found = self._cache.get(wanted)
        if found is None:
            moving = set(varied)
            live: set[str] = set()
            for figure in self.figures:
                if not isinstance(figure, Figure) or not moving.isdisjoint(self.reads(figure.key)):
                    moving.add(figure.key)
                    live.add(figure.key)
            found = self._cache[wanted] = frozenset(live)
        return found  # type: ignore[return-value]

    def keys(self) -> list[str]:
        return list(self._index)

    def on_sheet(self, sheet: str) -> list[AnyFigure]:
        return [figure for figure in self.figures if figure.sheet == sheet]


@dataclass
class Results:
    """Evaluated figures: arrays keyed like the model, metrics with their status."""

    model: Model
    values: dict[str, Array]
    metrics: dict[str, MetricValues]
    # where the figures evaluated as runs (and the inputs given as rows) sit: key -> (rows x cases..., row)
    rows: dict[str, tuple[Array, int]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Array:
        return self.values[key]

    def scalar(self, key: str) -> float:
        """The value of a figure for a single case."""
        value = np.asarray(self.values[key])
        if value.ndim != 0:
            raise ValueError(f"{key} holds {value.size} cases, not one")
        return float(value)


class _YearsSoFar(list):
    """The years of a yearly figure evaluated so far, indexable like the finished array."""

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, tuple) and len(index) == 2 and index[0] is Ellipsis:
            return list.__getitem__(self, index[1])
        return list.__getitem__(self, index)


def evaluate(model: Model, inputs: Mapping[str, Array | float], strict: bool = True,
             locate: Callable[[str], str] | None = None, stacked: Collection[str] | None = None,
             input_rows: Mapping[str, tuple[Array, int]] | None = None, converted: bool = False) -> Results:
    """Evaluate every figure of ``model`` over ``inputs`` (arrays broadcast together).

    Raises ModelError naming the figure when an expression divides by zero or
    overflows, instead of letting NaN or inf through; the error carries the
    input keys the figure depends on, and its message names where they are when
    ``locate`` gives an input key's place (``cr_scheme.xlsx!Tariffs!C2
    "electricity_price"``). ``strict=False`` lets them through instead, for a
    caller that looks for the zeros itself (econ.model.chain). ``stacked``, if
    given, names the yearly figures wanted as arrays (cases..., years); the others
    stay lists of one array per year, which expressions read year by year, and
    are not copied into one array (econ.model.outcomes evaluates millions of cases). ``input_rows``, if given,
    says which inputs are rows of one matrix (key -> (inputs x cases array, row)), which runs of same-shape
    figures then read as a slice instead of stacking them again. ``converted=True`` says every input already
    is a float array (the checks pass the same 300,000 entered inputs to many evaluations): they are not
    converted again.
    """
    with collector.paused():
        return _evaluate(model, inputs, strict, locate, stacked, input_rows, converted)


def _evaluate(model: Model, inputs: Mapping[str, Array | float], strict: bool,
              locate: Callable[[str], str] | None, stacked: Collection[str] | None,
              input_rows: Mapping[str, tuple[Array, int]] | None, converted: bool) -> Results:
    errors = "raise" if strict else "ignore"
    env: dict[str, Array] = dict(inputs) if converted else \
        {key: np.asarray(value, dtype=float) for key, value in inputs.items()}  # type: ignore[misc]
    metrics: dict[str, MetricValues] = {}
    runs, stacks = model.runs(), batched.Stacks(dict(input_rows) if input_rows else {})
    figures = model.figures
    index = 0
    while index < len(figures):
        run = runs.get(index)
        if run is not None and _evaluate_run(run, figures, env, stacks, errors):
            index = run.stop
            continue
        figure = figures[index]
        index += 1
        try:
            with np.errstate(divide=errors, invalid=errors, over=errors):
                if isinstance(figure, Figure):
                    summed = batched.sum_refs(figure.expr.args, env, stacks) if stacks.rows and \
                        type(figure.expr) is Func and figure.expr.name == "SUM" and \
                        len(figure.expr.args) >= batched.MIN_SUM else None
                    env[figure.key] = np.asarray(figure.expr.evaluate(env) if summed is None else summed,
                                                 dtype=float)
                elif isinstance(figure, YearlyFigure):
                    # a row may read its own earlier years (a cumulative sum)
                    years = _YearsSoFar()
                    env[figure.key] = years  # type: ignore[assignment]
                    for expr in figure.exprs:
                        years.append(np.asarray(expr.evaluate(env), dtype=float))
                    if stacked is None or figure.key in stacked:
                        env[figure.key] = np.stack(np.broadcast_arrays(*years), axis=-1)
                else:
                    metric = figure.compute(env)
                    metrics[figure.key] = metric
                    env[figure.key] = np.asarray(metric.value, dtype=float)
        except FloatingPointError as error:
            depends_on = input_keys(model, figure.key, inputs)
            raise ModelError(f"{figure.key} ({figure.label}): {error} - "
                             f"{_suspects(str(error), depends_on, env, locate)}",
                             figure=figure.key, inputs=depends_on) from None
        except KeyError as error:
            raise ModelError(f"{figure.key} ({figure.label}) needs {error.args[0]!r}, which is not defined") from None
    return Results(model, env, metrics, stacks.rows)


def _evaluate_run(run: batched.Run, figures: list[AnyFigure], env: dict[str, Array], stacks: batched.Stacks,
                  errors: str) -> bool:
    """Evaluate a run of same-shape figures at once; False (nothing set) when, in strict mode, one divides by
    zero or overflows: the caller then evaluates them one by one to name the figure."""
    try:
        with np.errstate(divide=errors, invalid=errors, over=errors):
            batched.evaluate_run(run, [figure.key for figure in figures[run.start:run.stop]], env, stacks)
    except (FloatingPointError, KeyError):
        return False
    return True


def _expression_keys(figure: AnyFigure) -> set[str]:
    if isinstance(figure, Figure):
        return figure.expr.keys()
    if isinstance(figure, YearlyFigure):
        return set().union(*(expr.keys() for expr in figure.exprs))
    return figure.formula.keys()


def input_keys(model: Model, key: str, inputs: Mapping[str, object]) -> tuple[str, ...]:
    """The input keys figure ``key`` depends on, through the figures it reads, in the order first reached."""
    # a walk without recursion (Model.walk): a chain of figures may be as long as a table has rows; kept for the
    # next call with the same key and inputs (the references of a check share their totals)
    found = model._cache.get(("inputs", key))  # noqa: SLF001
    if found is None or found[0] is not inputs:
        found = model._cache[("inputs", key)] = (inputs, model.input_walk(key, inputs))  # noqa: SLF001
    return found[1]  # type: ignore[return-value]


HUB = 256  # a figure reading this many keys has its walk kept (Model.walk)
_LISTED = 3  # inputs named in the message of a ModelError; the others are counted
_HUGE = 1e100  # an input this large is named first when a figure overflows


def _suspects(error: str, keys: tuple[str, ...], env: Mapping[str, Array],
              locate: Callable[[str], str] | None) -> str:
    """What a ModelError says about the inputs: the likeliest causes first (huge values for an overflow,
    zeros for a division), each with its place and value, then how many others there are."""
    if locate is None:
        return "check the inputs it depends on"

    def size(key: str) -> float:
        values = np.abs(np.asarray(env[key], dtype=float))
        return float(values.max()) if values.size else 0.0

    def zero(key: str) -> bool:
        return bool(np.any(np.asarray(env[key]) == 0))

    if "overflow" in error:
        suspects = sorted((key for key in keys if size(key) >= _HUGE), key=size, reverse=True)
    elif "divide" in error or "invalid" in error:
        suspects = [key for key in keys if zero(key)]
    else:
        suspects = []
    chosen = (suspects or list(keys))[:_LISTED]
    named = [f"{locate(key)} = {_value_text(env[key])}" for key in chosen]
    others = len(keys) - len(named)
    text = ", ".join(named)
    if others:
        text += f" and {others} other input{'s' if others != 1 else ''}"
    return f"it depends on {text}"


def _value_text(value: Array) -> str:
    values = np.asarray(value, dtype=float)
    if values.size == 1:
        return f"{float(values.reshape(())):g}"
    return f"{float(values.min()):g} to {float(values.max()):g} ({values.size} cases)"
