"""Evaluating long runs of figures of one shape as one array operation.

A workbook with 100,000 Equipment rows makes 200,000 figures of two shapes:
``quantity_i * unit_power_i`` and ``power_i * load_factor_i * operating_hours``.
Evaluated one by one, each costs a few microseconds of Python however few
cases there are. :func:`plan` finds the runs of consecutive figures whose
expressions have the same tree (operators and constants) over different keys,
none reading another of its run; :func:`evaluate_run` evaluates such a run once,
over arrays that stack its figures' operands (rows, cases...). Each element is
the same IEEE operation on the same operands as in the figure-by-figure path,
so every value is bit for bit the same (tests/test_batched.py holds both paths
to that). :func:`sum_refs` adds a SUM over thousands of figures of one run in
the same left-to-right order as ``Func.evaluate``, and a long stretch of figures of one case among its
arguments (the rows a search leaves as entered) as one column.

Only +, -, *, /, ^ and unary minus over references and constants are batched;
anything else is evaluated figure by figure.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from econ.model.expr import BinOp, Const, Expr, Neg, Ref

Array = np.ndarray

MIN_RUN = 64  # a shorter run of one shape is evaluated figure by figure, as before
MIN_SUM = 64  # a SUM of fewer references is added by Func.evaluate itself
_MAX_NODES = 32  # a larger expression tree is not batched (and never walked recursively)
_SUM_BLOCK = 4096  # rows added at a time by sum_refs (bounds its temporary array)

# an expression's shape: nested tuples of operators and constants, with "ref" (or ("ref", year)) for each key
_SHAPES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_NOT_BATCHED = ("",)


@dataclass(frozen=True)
class Run:
    """Consecutive figures of the model, indices ``start`` to ``stop - 1``, of one ``shape``; ``refs[i]`` is the
    (key, year) of each reference of figure i, in the order of the shape."""

    start: int
    stop: int
    shape: tuple
    refs: tuple[tuple[tuple[str, int | None], ...], ...]

    @cached_property
    def columns(self) -> tuple[tuple[tuple[tuple[str, int | None], ...], bool], ...]:
        """Per reference of the shape, the (key, year) of each figure of the run, and whether every figure reads
        the same one (found once per run, not at each evaluation)."""
        return tuple((column, column.count(column[0]) == len(column)) for column in zip(*self.refs))


def shape(expr: Expr) -> tuple[tuple, tuple[tuple[str, int | None], ...]] | None:
    """(shape, references) of a batchable expression, or None (a function call, a tree of more than
    _MAX_NODES nodes)."""
    cached = _SHAPES.get(expr)
    if cached is None:
        found: list[tuple[str, int | None]] = []
        cached = _shape(expr, found, [0])
        cached = _NOT_BATCHED if cached is None else (cached, tuple(found))
        _SHAPES[expr] = cached
    return None if cached is _NOT_BATCHED else cached


def _shape(expr: Expr, found: list, nodes: list[int]) -> tuple | None:
    nodes[0] += 1
    if nodes[0] > _MAX_NODES:
        return None
    if isinstance(expr, Ref):
        found.append((expr.key, expr.year))
        return ("ref",)
    if isinstance(expr, Const):
        return ("const", expr.value)
    if isinstance(expr, Neg):
        inner = _shape(expr.operand, found, nodes)
        return None if inner is None else ("neg", inner)
    if type(expr) is BinOp:
        left = _shape(expr.left, found, nodes)
        right = _shape(expr.right, found, nodes) if left is not None else None
        return None if right is None else (expr.op, left, right)
    return None


def plan(figures: Sequence[object], figure_type: type) -> list[Run]:
    """The runs of at least MIN_RUN consecutive ``figure_type`` figures of one shape, none of which reads
    another figure of its run."""
    runs: list[Run] = []
    start, current, refs, keys = 0, None, [], set()

    def close(stop: int) -> None:
        if current is not None and stop - start >= MIN_RUN:
            runs.append(Run(start, stop, current, tuple(refs)))

    for index, figure in enumerate(figures):
        found = shape(figure.expr) if type(figure) is figure_type else None
        if found is not None and found[0] == current and not any(key in keys for key, _ in found[1]):
            refs.append(found[1])
            keys.add(figure.key)
            continue
        close(index)
        current, start = (found[0], index) if found is not None else (None, index)
        refs, keys = ([found[1]], {figure.key}) if found is not None else ([], set())
    close(len(figures))
    return runs


def restrict(runs: Sequence[Run], positions: Sequence[int]) -> dict[int, Run]:
    """The runs of a model made of the figures at ``positions`` (increasing indices into the model of
    ``runs``), by first index: each run's figures that are kept, if at least MIN_RUN, are consecutive there
    and still a run (none reads another). A run kept whole keeps its column analysis (Run.columns)."""
    kept = np.asarray(positions, dtype=np.intp)
    found: dict[int, Run] = {}
    for run in runs:
        low, high = (int(place) for place in np.searchsorted(kept, (run.start, run.stop)))
        if high - low < MIN_RUN:
            continue
        if high - low == run.stop - run.start:
            moved = Run(low, high, run.shape, run.refs)
            if "columns" in run.__dict__:
                moved.__dict__["columns"] = run.__dict__["columns"]
        else:
            members = kept[low:high] - run.start
            moved = Run(low, high, run.shape, tuple(run.refs[member] for member in members))
        found[low] = moved
    return found


@dataclass
class Stacks:
    """Where the figures of evaluated runs sit: key -> (array of rows x cases..., row)."""

    rows: dict[str, tuple[Array, int]]

    def gather(self, env: Mapping[str, Array], keys: Sequence[tuple[str, int | None]]) -> Array:
        """The values of ``keys`` stacked as (len(keys), cases...)."""
        places = [self.rows.get(key) if year is None else None for key, year in keys]
        first = places[0]
        if first is not None:
            array = first[0]
            if all(place is not None and place[0] is array for place in places):
                indices = np.fromiter((place[1] for place in places), dtype=np.intp, count=len(places))
                begin = int(indices[0])
                if np.array_equal(indices, np.arange(begin, begin + len(indices))):
                    return array[begin:begin + len(indices)]
                return array[indices]
        sources: dict[int, tuple[Array, list[int], list[int]]] = {}  # id of an array -> (it, positions, rows)
        others: list[int] = []
        for position, place in enumerate(places):
            if place is None:
                others.append(position)
                continue
            source = sources.get(id(place[0]))
            if source is None:
                source = sources[id(place[0])] = (place[0], [], [])
            source[1].append(position)
            source[2].append(place[1])
        values = [_lookup(env, *keys[position]) for position in others]
        arrays = [index for index, value in enumerate(values) if getattr(value, "ndim", 0)]
        if not arrays and not sources:
            return np.array(values, dtype=float)
        # a few arrays among many single numbers (the inputs a search varies): fill the numbers at once
        cases = np.broadcast_shapes(*(np.shape(values[index]) for index in arrays),
                                    *(array.shape[1:] for array, _, _ in sources.values()))
        stacked = np.empty((len(keys),) + cases)
        for array, positions, rows in sources.values():  # rows of stacked arrays (runs, matrices of inputs)
            taken = array[np.array(rows, dtype=np.intp)]
            stacked[np.array(positions, dtype=np.intp)] = taken.reshape(
                taken.shape[:1] + (1,) * (len(cases) + 1 - taken.ndim) + taken.shape[1:])
        singles = [index for index, value in enumerate(values) if not getattr(value, "ndim", 0)]
        if singles:
            stacked[np.array([others[index] for index in singles], dtype=np.intp)] = np.array(
                [values[index] for index in singles], dtype=float).reshape((len(singles),) + (1,) * len(cases))
        for index in arrays:
            stacked[others[index]] = values[index]
        return stacked


def _lookup(env: Mapping[str, Array], key: str, year: int | None) -> Array:
    value = env[key]
    return value if year is None else value[..., year]


def evaluate_run(run: Run, keys: Sequence[str], env: dict[str, Array], stacks: Stacks) -> Array:
    """Evaluate the figures of ``run`` (their keys ``keys``) as one array (rows, cases...); set each figure's
    value in ``env`` (a view of its row) and its place in ``stacks``. A figure whose own operands are single
    numbers gets the cases' shape when another figure of its run reads arrays (the same values, broadcast)."""
    slots: list[Array] = []
    stacked: list[bool] = []
    for column, same in run.columns:
        if same:
            slots.append(np.asarray(_lookup(env, *column[0]), dtype=float))
            stacked.append(False)
        else:
            slots.append(stacks.gather(env, column))
            stacked.append(True)
    ndim = max([slot.ndim - 1 if is_stacked else slot.ndim for slot, is_stacked in zip(slots, stacked)], default=0)
    slots = [slot.reshape(slot.shape[:1] + (1,) * (ndim + 1 - slot.ndim) + slot.shape[1:]) if is_stacked else slot
             for slot, is_stacked in zip(slots, stacked)]
    result = np.asarray(_compute(run.shape, iter(slots)), dtype=float)
    if not any(stacked):  # every figure of the run reads the same keys
        result = np.array(np.broadcast_to(result, (len(keys),) + result.shape))
    if result.ndim > 1:
        env.update(zip(keys, result))  # each a view of its row
    else:
        for row, key in enumerate(keys):
            env[key] = result[row, ...]  # a 0-d array, not a numpy scalar, for a single case
    stacks.rows.update(zip(keys, zip(itertools.repeat(result), range(len(keys)))))
    return result


_OPS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}


def _compute(node: tuple, slots) -> Array:  # noqa: ANN001 - an iterator over the slots, in shape order
    kind = node[0]
    if kind == "ref":
        return next(slots)
    if kind == "const":
        return np.asarray(node[1], dtype=float)
    if kind == "neg":
        return np.negative(_compute(node[1], slots))
    left = _compute(node[1], slots)
    return _OPS[kind](left, _compute(node[2], slots))


def sum_refs(args: Sequence[Expr], env: Mapping[str, Array], stacks: Stacks) -> Array | None:
    """SUM(args) as ``Func.evaluate`` computes it (0 + a1 + a2 + ..., left to right), adding each stretch of
    consecutive references to rows of one stacked run in blocks of rows; None when no stretch is long."""
    pieces: list[tuple[Array, int, int] | Expr] = []
    index = 0
    long = False
    while index < len(args):
        arg = args[index]
        place = stacks.rows.get(arg.key) if isinstance(arg, Ref) and arg.year is None else None
        if place is None:
            stop = _single_numbers(args, index, env, stacks)
            if stop - index >= MIN_SUM:  # figures of one case among the arguments (their values as one column)
                long = True
                pieces.append((np.array([env[arg.key] for arg in args[index:stop]], dtype=float), 0, stop - index))
            else:
                pieces.extend(args[index:stop])
            index = stop
            continue
        array, row = place
        stop = index + 1
        while stop < len(args):
            nxt = args[stop]
            if not (isinstance(nxt, Ref) and nxt.year is None):
                break
            other = stacks.rows.get(nxt.key)
            if other is None or other[0] is not array or other[1] != row + (stop - index):
                break
            stop += 1
        if stop - index >= MIN_SUM:
            long = True
            pieces.append((array, row, row + stop - index))
        else:
            pieces.extend(args[index:stop])
        index = stop
    if not long:
        return None
    total = np.asarray(0.0)
    for piece in pieces:
        if isinstance(piece, Expr):
            total = total + piece.evaluate(env)
            continue
        array, begin, end = piece
        for block in range(begin, end, _SUM_BLOCK):
            rows = array[block:min(end, block + _SUM_BLOCK)]
            head = np.broadcast_to(total, np.broadcast_shapes(np.shape(total), rows.shape[1:]))[None]
            if rows.ndim == 1:  # a column of single numbers: each added to every case
                rows = rows.reshape(rows.shape + (1,) * (head.ndim - 1))
            total = np.add.accumulate(np.concatenate([head, np.broadcast_to(rows, (len(rows),) + head.shape[1:])]),
                                      axis=0)[-1]
    return total


def _single_numbers(args: Sequence[Expr], start: int, env: Mapping[str, Array], stacks: Stacks) -> int:
    """The end of the stretch of ``args`` from ``start`` that are references (of no year) to 0-d values of
    ``env`` not stacked in a run (at least ``start + 1``: a single argument of another kind ends it at once)."""
    stop = start
    while stop < len(args):
        arg = args[stop]
        if not (isinstance(arg, Ref) and arg.year is None) or arg.key in stacks.rows:
            break
        value = env.get(arg.key)
        if not (isinstance(value, np.ndarray) and value.ndim == 0):
            break
        stop += 1
    return max(stop, start + 1)
