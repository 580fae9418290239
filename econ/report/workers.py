"""A worker process that draws the report's charts while econ does the rest.

matplotlib takes about half a second to import and weasyprint about 0.7 s.
``econ run`` starts this worker before it reads the workbook: the worker loads
matplotlib meanwhile, then draws the charts while the main process loads
WeasyPrint, so the two imports run on two cores instead of one after the other.
The library works without it: write_reports() draws in-process by default.
"""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor


def _warm() -> None:
    import econ.report.charts  # noqa: F401
    import matplotlib.backends.backend_svg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    gc.freeze()  # what is loaded now lives until the worker exits: see _draw


def _draw(inputs: dict) -> dict[str, str]:  # type: ignore[type-arg]
    from econ.report.html import render_charts

    svgs = render_charts(inputs)
    # The worker's last task. Frozen objects are not searched for cycles when
    # the interpreter shuts down, so close() waits ~0.02 s instead of ~0.25 s.
    gc.freeze()
    return svgs


class ChartWorker:
    """One process, started at once, that imports matplotlib and then draws charts on request.

    It runs a fresh interpreter ("spawn"), so it shares no state with the caller;
    the caller's main module must be import-safe (``if __name__ == "__main__":``).
    """

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._pool.submit(_warm)

    def submit(self, inputs: dict) -> Future:  # type: ignore[type-arg]
        """Draw the charts of ``inputs`` (from econ.report.html.chart_inputs); the future gives the SVGs."""
        return self._pool.submit(_draw, inputs)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
