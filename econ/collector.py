"""The cyclic garbage collector paused while econ reads a workbook or evaluates its model.

Reading makes a few objects per cell and input (cells, inputs, their locations), none of them in a
reference cycle, and keeps them all: each full pass of the collector walks every one of them, to free
none (on a 100,000-row table those passes took a quarter of the reading). With 100,000 Equipment rows the model holds about 200,000 figures and their expression trees alive, millions
of objects. Evaluating it allocates hundreds of thousands of dict entries and array views, which triggers full
collections that traverse every one of those objects again (a third of the CPU time of the rounding ranges).
The evaluation's own allocations hold no reference cycles, so nothing is left for the collector to find; it
runs again once the evaluation ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; re-enable it after if it was enabled before (nested blocks
    and other threads leave it as the outermost block found it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
