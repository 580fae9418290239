"""Rounding samples for quantities over many rounded inputs (totals over the rows of a long table).

Beyond MANY_INPUTS rounded inputs, moving each input alone would make the samples grow with the inputs, and the
work (samples x figures) with the square of the rows. Such quantities (installed power, monthly energy, OPEX
over 100,000 equipment rows) share one design instead:

- the inputs of a table of more than BLOCKS rows move in BLOCKS blocks of neighbouring rows (every field of a
  row in its row's block); every other input (a tariff, the hours of operation, a short table's row) moves
  alone, up to MANY_INPUTS of them, beyond which they too move in BLOCKS blocks of neighbours;
- the first pass moves each group up and down by its half-units, plus FEW_RANDOM_CORNERS random corners (a sign
  per input); the second evaluates, per quantity, the two corners where every group moves the way that raised
  (lowered) it.

The design is over the union of the quantities' rounded inputs: an input a quantity does not depend on does
not change it, so every quantity is evaluated over the same cases (one evaluation, not one per quantity).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from econ.inputs.plant import Plant

MANY_INPUTS = 256  # beyond this many rounded inputs, a quantity's samples come from the shared design
BLOCKS = 32  # blocks of neighbouring rows of a long table (and of the other inputs, if too many)
FEW_RANDOM_CORNERS = 8
SEED = 20260102


def groups(plant: Plant, keys: Sequence[str]) -> np.ndarray:
    """The group (0, 1, ...) of each input of ``keys`` (intp): see the module's docstring."""
    block: dict[str, tuple[str, int]] = {}
    for table, rows in plant.tables.items():
        if len(rows) > BLOCKS:
            for position, row in enumerate(rows):
                label = (table, position * BLOCKS // len(rows))
                block.update((row.key(name), label) for name in row.fields)
    others = sum(1 for key in keys if key not in block)
    numbers: dict[object, int] = {}
    found = np.empty(len(keys), dtype=np.intp)
    alone = 0
    for index, key in enumerate(keys):
        label = block.get(key)
        if label is None:
            label = ("", alone if others <= MANY_INPUTS else alone * BLOCKS // others)
            alone += 1
        found[index] = numbers.setdefault(label, len(numbers))
    return found


def first_offsets(group_of: np.ndarray) -> np.ndarray:
    """(samples, inputs) int8 half-unit offsets of the first pass: each group up, each group down (in group
    order), then FEW_RANDOM_CORNERS random corners."""
    count = int(group_of.max()) + 1 if group_of.size else 0
    single = (np.arange(count)[:, None] == group_of[None, :]).astype(np.int8)
    rng = np.random.default_rng(SEED)
    corners = rng.choice((-1, 1), size=(FEW_RANDOM_CORNERS, len(group_of))).astype(np.int8)
    return np.vstack([single, -single, corners])


def second_offsets(group_of: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(2, inputs) int8 offsets of the second pass for one quantity whose first-pass values are ``values``:
    every group moved the way that raised the quantity, then the way that lowered it."""
    count = int(group_of.max()) + 1 if group_of.size else 0
    with np.errstate(invalid="ignore"):
        direction = np.sign(np.nan_to_num(values[:count] - values[count:2 * count])).astype(np.int8)
    moved = direction[group_of]
    return np.vstack([moved, -moved])
