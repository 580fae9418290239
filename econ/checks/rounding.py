"""The range of values a figure can take when its published inputs vary within their printed precision.

A paper prints 47.6 g; the mass it measured lay anywhere from 47.55 to 47.65 g
(econ.inputs.precision gives each input its half-unit). A published figure
computed from rounded inputs follows from them if some choice of the inputs
within their half-units reproduces it. :func:`attainable_ranges` finds, for each
reference, the lowest and highest value its quantity takes over that box:

- the inputs a quantity depends on are found through its expression's keys,
  recursively (econ.model.figures.input_keys); exact inputs (assumptions,
  defaults, formulas, zeros) stay fixed;
- with k <= 10 rounded inputs, all 2^k corners of the box are evaluated; beyond,
  each input is moved alone by ± its half-unit, 64 random corners are added, and
  a second pass evaluates the two corners where every input moves in the
  direction that raised (lowered) the figure: the exact extremes of a figure
  monotonic in each input, as ratios and sums of masses are; beyond 256 (a total over
  a long table's rows), blocks of rows move together, in one design shared by every
  such quantity (econ.checks.many_inputs);
- every sample of every reference is one case of a single vectorized
  evaluation of the figures the references read (no loop over cases).

Inputs stay within the range their field allows (a mass not below 0).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from econ.inputs.plant import Plant
from econ.checks import many_inputs
from econ.checks.many_inputs import MANY_INPUTS  # noqa: F401 - the threshold, for callers
from econ import collector
from econ.model.figures import Figure, Model, evaluate, input_keys

CORNERS_UP_TO = 10  # rounded inputs evaluated at every corner; beyond, one at a time plus sampled corners
RANDOM_CORNERS = 64
# Beyond MANY_INPUTS rounded inputs (a total over thousands of equipment rows), a quantity's samples come from
# one design shared by every such quantity (econ.checks.many_inputs): blocks of a long table's rows move together.


@dataclass(frozen=True)
class Attainable:
    """The lowest and highest value of a quantity (model unit) over its inputs' rounding box."""

    low: float
    high: float
    inputs: tuple[str, ...]  # the rounded inputs varied
    method: str  # "corners" (every corner) or "extremes" (one at a time, sampled and aligned corners)


@dataclass(frozen=True)
class _Task:
    expr: object  # econ.model.expr.Expr: the quantity
    keys: tuple[str, ...]  # its rounded inputs
    offsets: np.ndarray  # (samples, keys): in half-units, -1, 0 or 1 (int8) if relative, else the input values
    relative: bool = False  # offsets in half-units: _run takes entered value + offset x half-unit


def dependencies(model: Model, expr_keys: set[str], plant: Plant) -> tuple[str, ...]:
    """The input keys a quantity over the figures ``expr_keys`` depends on, in the order first reached."""
    if len(expr_keys) == 1:
        (key,) = expr_keys
        return (key,) if key in plant.parameters else input_keys(model, key, plant.parameters)
    found: dict[str, None] = {}
    for key in sorted(expr_keys):
        if key in plant.parameters:
            found[key] = None
        else:
            found.update(dict.fromkeys(input_keys(model, key, plant.parameters)))
    return tuple(found)


def rounded_inputs(plant: Plant, keys: Sequence[str]) -> tuple[str, ...]:
    """The inputs of ``keys`` that were printed rounded (a half-unit above 0)."""
    return tuple(key for key in keys if plant.parameters[key].half_unit > 0)


@functools.lru_cache(maxsize=None)
def _corners(count: int) -> np.ndarray:
    return np.array(list(itertools.product((-1.0, 1.0), repeat=count))) if count else np.zeros((1, 0))


def _first_offsets(count: int, rng: np.random.Generator) -> np.ndarray:
    """Up to MANY_INPUTS inputs: every corner up to CORNERS_UP_TO, else each input up and down alone and
    RANDOM_CORNERS random corners."""
    if count <= CORNERS_UP_TO:
        return _corners(count).astype(np.int8)
    single = np.vstack([np.eye(count), -np.eye(count)]).astype(np.int8)
    return np.vstack([single, rng.choice((-1.0, 1.0), size=(RANDOM_CORNERS, count)).astype(np.int8)])


def attainable_ranges(plant: Plant, model: Model, exprs: Sequence[object | None],
                      inputs: Sequence[tuple[str, ...]] | None = None) -> list[Attainable | None]:
    """For each quantity of ``exprs`` (Expr over figure keys, or None to skip), its attainable range in the
    model unit, or None when none of its inputs was printed rounded. ``inputs``, if given, holds each
    quantity's input keys (:func:`dependencies`)."""
    rng = np.random.default_rng(20260101)
    rounded = {key for key, parameter in plant.parameters.items() if parameter.half_unit > 0}
    own: list[tuple[str, ...]] = []  # each quantity's rounded inputs
    filtered: dict[tuple[str, ...], tuple[str, ...]] = {}  # the quantities over one figure share its inputs
    for index, expr in enumerate(exprs):
        if expr is None:
            own.append(())
            continue
        keys = inputs[index] if inputs is not None else dependencies(model, expr.keys(), plant)
        if keys not in filtered:
            filtered[keys] = tuple(key for key in keys if key in rounded)
        own.append(filtered[keys])
    many = [index for index, keys in enumerate(own) if len(keys) > many_inputs.MANY_INPUTS]
    shared = tuple(dict.fromkeys(key for index in many for key in own[index])) if many else ()
    group_of = many_inputs.groups(plant, shared) if many else np.zeros(0, dtype=np.intp)
    design = many_inputs.first_offsets(group_of) if many else None
    chosen = set(many)
    tasks: list[_Task | None] = []
    for index, (expr, keys) in enumerate(zip(exprs, own)):
        if not keys:
            tasks.append(None)
        elif index in chosen:  # evaluated over the shared design: its other inputs do not change it
            tasks.append(_Task(expr, shared, design, relative=True))
        else:
            tasks.append(_Task(expr, keys, _first_offsets(len(keys), rng), relative=True))
    closures: dict[object, object] = {}
    first = _run(plant, model, tasks, closures)
    second: list[_Task | None] = []
    for index, (task, values) in enumerate(zip(tasks, first)):
        if task is None or len(task.keys) <= CORNERS_UP_TO:
            second.append(None)
        elif index in chosen:
            second.append(_Task(task.expr, shared, many_inputs.second_offsets(group_of, values), relative=True))
        else:
            count = len(task.keys)
            with np.errstate(invalid="ignore"):
                direction = np.sign(np.nan_to_num(values[:count] - values[count:2 * count])).astype(np.int8)
            second.append(_Task(task.expr, task.keys, np.vstack([direction, -direction]), relative=True))
    extra = _run(plant, model, second, closures) if any(second) else [None] * len(tasks)
    ranges: list[Attainable | None] = []
    for task, keys, values, more in zip(tasks, own, first, extra):
        if task is None:
            ranges.append(None)
            continue
        every = values if more is None else np.concatenate([values, more])
        every = every[np.isfinite(every)]
        if not every.size:
            ranges.append(None)
            continue
        method = "corners" if len(keys) <= CORNERS_UP_TO else "extremes"
        ranges.append(Attainable(float(every.min()), float(every.max()), keys, method))
    return ranges


def evaluate_samples(plant: Plant, model: Model, exprs: Sequence[object | None], keys: Sequence[tuple[str, ...]],
                     values: Sequence[np.ndarray], closures: dict[object, object] | None = None
                     ) -> list[np.ndarray | None]:
    """Each quantity of ``exprs`` at the input values ``values[i]`` (samples, len(keys[i])), the other inputs
    as entered; None where ``exprs[i]`` is None. All samples are one vectorized evaluation. ``closures``, a
    dict the caller keeps between calls, caches the figures each expression reads."""
    tasks = [None if expr is None else _Task(expr, tuple(names), np.asarray(rows, dtype=float))
             for expr, names, rows in zip(exprs, keys, values)]
    return _run(plant, model, tasks, closures)


def _run(plant: Plant, model: Model, tasks: Sequence[_Task | None],
         closures: dict[object, object] | None = None) -> list[np.ndarray | None]:
    """Evaluate every task's samples (absolute input values) as the cases of vectorized evaluations: the
    figures that need no cash-flow table in one, the others (NPV, IRR, yearly rows) in a second; a group whose
    varied inputs x samples exceed CHUNK_ELEMENTS is split into several evaluations of fewer tasks (each case
    is computed alone, so the values do not depend on the split)."""
    with collector.paused():
        return _run_paused(plant, model, tasks, closures)


def _run_paused(plant: Plant, model: Model, tasks: Sequence[_Task | None],
                closures: dict[object, object] | None) -> list[np.ndarray | None]:
    results: list[np.ndarray | None] = [None] * len(tasks)
    closures = {} if closures is None else closures  # by id of the quantity's expression, kept by the caller
    # (and the model's yearly figures and the entered inputs, under "yearly" and "base")
    needed: dict[int, set[str]] = {}
    for index, task in enumerate(tasks):
        if task is not None:
            if id(task.expr) not in closures:
                closures[id(task.expr)] = model.closure(task.expr.keys())
            needed[index] = closures[id(task.expr)]
    if "yearly" not in closures:  # the figures that need the cash-flow table, and the entered inputs
        closures["yearly"] = {figure.key for figure in model.figures if not isinstance(figure, Figure)}
        closures["base"] = {key: np.asarray(p.value, dtype=float) for key, p in plant.parameters.items()}
    yearly, base = closures["yearly"], closures["base"]
    closures.setdefault("entered", {})  # figures of one case (their inputs as entered), by key
    light = [index for index, keys in needed.items() if yearly.isdisjoint(keys)]
    chosen = set(light)
    heavy = [index for index in needed if index not in chosen]
    for group in (light, heavy):
        for chunk in _chunks(group, tasks):
            _run_chunk(plant, model, tasks, chunk, needed, base, results, closures)
    return results


CHUNK_ELEMENTS = 20_000_000  # varied inputs x samples evaluated at once (160 MB of inputs), beyond: in chunks


class _Cases:
    """The cases of one evaluation: a sample of a task is a new case unless a task with the same inputs varied
    (the totals and their shares over one table's rows) has the same sample (the same input values)."""

    def __init__(self) -> None:
        self.count = 0
        self.seen: dict[tuple, dict[bytes, int]] = {}

    def add(self, task: _Task) -> tuple[np.ndarray, np.ndarray]:
        """(the task's samples that are new cases, the case of each of its samples); new cases are numbered on."""
        known = self.seen.setdefault((task.keys, task.relative, task.offsets.dtype.str), {})
        new, columns = [], np.empty(len(task.offsets), dtype=np.intp)
        for sample, offsets in enumerate(task.offsets):
            signature = offsets.tobytes()
            column = known.get(signature)
            if column is None:
                column = known[signature] = self.count
                self.count += 1
                new.append(sample)
            columns[sample] = column
        return np.array(new, dtype=np.intp), columns


def _chunks(group: list[int], tasks: Sequence[_Task | None]) -> list[list[int]]:
    chunks: list[list[int]] = []
    current: list[int] = []
    elements = 0
    cases = _Cases()
    for index in group:
        task = tasks[index]
        size = len(cases.add(task)[0]) * max(len(task.keys), 1)
        if current and elements + size > CHUNK_ELEMENTS:
            chunks.append(current)
            current, cases = [], _Cases()
            size = len(cases.add(task)[0]) * max(len(task.keys), 1)
            elements = 0
        current.append(index)
        elements += size
    if current:
        chunks.append(current)
    return chunks


def _run_chunk(plant: Plant, model: Model, tasks: Sequence[_Task | None], group: list[int],
               needed: dict[int, set[str]], base: dict[str, np.ndarray], results: list[np.ndarray | None],
               closures: dict[object, object]) -> None:
    """One vectorized evaluation of the tasks ``group``: each varied input is a row of one matrix (inputs x
    cases) holding its entered value outside its tasks' cases, clipped to the range its field allows. Only the
    figures that read a varied input (Model.live) are evaluated over the cases; the others have one value,
    evaluated once and kept in ``closures["entered"]`` (an implied-value search varies 24 inputs of 100,000
    rows)."""
    keys: set[str] = set().union(*(needed[index] for index in group))
    cases = _Cases()
    placing = [cases.add(tasks[index]) for index in group]  # per task: its new samples, the case of each sample
    total = cases.count
    varied: dict[str, int] = {}
    for index in group:
        for key in tasks[index].keys:
            if key not in varied:
                varied[key] = len(varied)
    parameters = [plant.parameters[key] for key in varied]
    entered = np.array([parameter.value for parameter in parameters], dtype=float)
    halves = np.array([parameter.half_unit for parameter in parameters], dtype=float)
    matrix = np.repeat(entered[:, None], total, axis=1)
    start = 0
    for index, (new, _) in zip(group, placing):
        task, size = tasks[index], len(new)
        if task.keys and size:
            rows = np.fromiter((varied[key] for key in task.keys), dtype=np.intp, count=len(task.keys))
            offsets = task.offsets if size == len(task.offsets) else task.offsets[new]
            if task.relative:  # entered value + offset x half-unit, as the values themselves were made before
                matrix[rows, start:start + size] = entered[rows, None] + offsets.T.astype(float) * halves[rows, None]
            else:
                matrix[rows, start:start + size] = offsets.T
        start += size
    low = np.array([-np.inf if p.minimum is None else p.minimum for p in parameters], dtype=float)
    high = np.array([np.inf if p.maximum is None else p.maximum for p in parameters], dtype=float)
    np.clip(matrix, low[:, None], high[:, None], out=matrix)
    live, fixed, rows = _prepared(model, group, tasks, keys, varied, base, closures)
    inputs = dict(fixed)
    placed = dict(rows)
    for key, row in varied.items():
        inputs[key] = matrix[row]
        placed[key] = (matrix, row)
    env = evaluate(model.subset(live), inputs, strict=False, input_rows=placed, converted=True).values
    for index, (_, columns) in zip(group, placing):
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            value = np.broadcast_to(np.asarray(tasks[index].expr.evaluate(env), dtype=float), (total,))
        results[index] = value[columns]


def _prepared(model: Model, group: list[int], tasks: Sequence[_Task | None], keys: set[str],
              varied: dict[str, int], base: dict[str, np.ndarray], closures: dict[object, object]
              ) -> tuple[frozenset[str], dict[str, np.ndarray], dict[str, tuple[np.ndarray, int]]]:
    """(the figures live in an evaluation of the tasks ``group`` varying ``varied``, the values of every input
    and figure it does not vary at the entered inputs, where those sit as rows of stacked arrays); kept in
    ``closures`` for the next evaluation of the same tasks and inputs (each step of an implied-value search)."""
    signature = (tuple(id(tasks[index].expr) for index in group), tuple(varied))
    last = closures.get("prepared")
    if last is not None and last[0] == signature:  # type: ignore[index]
        return last[1]  # type: ignore[index,return-value]
    live = model.live(varied).intersection(keys)  # keys read only each other: live here as in the whole model
    _entered_values(model, keys.difference(live), base, closures)
    known: dict[str, np.ndarray] = closures["entered"]  # type: ignore[assignment]
    entered_rows: dict[str, tuple[np.ndarray, int]] = closures["entered rows"]  # type: ignore[assignment]
    fixed = dict(base)
    rows = dict(_base_rows(base, closures))
    for key in keys:
        if key not in live:
            fixed[key] = known[key]
            if key in entered_rows:
                rows[key] = entered_rows[key]
    closures["prepared"] = (signature, (live, fixed, rows))
    return live, fixed, rows


def _base_rows(base: dict[str, np.ndarray], closures: dict[object, object]) -> dict[str, tuple[np.ndarray, int]]:
    """The entered inputs as rows of one array (kept in ``closures``): the runs of figures over a table's rows
    then read a column of inputs as one indexing, not input by input."""
    found = closures.get("base rows")
    if found is None:
        stacked = np.array([float(value) for value in base.values()], dtype=float)
        found = closures["base rows"] = {key: (stacked, row) for row, key in enumerate(base)}
    return found  # type: ignore[return-value]


def _entered_values(model: Model, keys: set[str], base: dict[str, np.ndarray], closures: dict[object, object]) -> None:
    """Evaluate the figures of ``keys`` not yet known at the entered inputs ``base`` (one case) into
    ``closures["entered"]``, and where the runs among them sit into ``closures["entered rows"]``; ``keys`` read
    only inputs, known figures and each other."""
    known: dict[str, np.ndarray] = closures["entered"]  # type: ignore[assignment]
    rows: dict[str, tuple[np.ndarray, int]] = closures.setdefault("entered rows", {})  # type: ignore[assignment]
    missing = {key for key in keys if key not in known}
    if not missing:
        return
    inputs = dict(base)
    inputs.update(known)
    results = evaluate(model.subset(missing, keep=False), inputs, strict=False, converted=True)
    known.update((key, results.values[key]) for key in missing)
    rows.update((key, place) for key, place in results.rows.items() if key in missing)


def _closure(model: Model, keys: set[str]) -> set[str]:
    """The figure keys of ``model`` that ``keys`` read, themselves included."""
    return model.closure(keys)
