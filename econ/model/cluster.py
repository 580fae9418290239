"""Chunks of a Monte Carlo run on a dask.distributed cluster.

``dask_executor("tcp://scheduler:8786")`` connects to a running scheduler;
``dask_executor("local:N")`` starts a LocalCluster of N worker processes on
this machine (one thread each) and shuts it down when the run ends, whatever
happens. The task (the plant, the distributions, the seed) is sent to each
worker once; each worker rebuilds the model and evaluates the chunks it is
given. A chunk's random stream depends on its index only
(econ.model.sampling), so the results do not depend on the number of workers.
Workers need econ installed, in the same version (docs/scaling.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from econ.errors import EconError

LOCAL = "local:"
# dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which fixes glibc's mmap threshold at 128 KiB:
# every array of a chunk (256 KiB) is then mapped and unmapped anew, and a chunk took 4 times as long as in the
# client. Arrays of up to 32 MiB come from the heap instead (docs/scaling.md: the same for a real cluster).
WORKER_ENVIRONMENT = {"distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": str(2 ** 25),
                      "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": str(2 ** 27)}


def _run_chunk(task: Callable, index: int, count: int) -> tuple[int, object]:
    return index, task(index, count)


def local_workers(address: str) -> int | None:
    """N of ``local:N``; None for a scheduler address. EconError where N is not a whole number >= 1."""
    if not address.startswith(LOCAL):
        return None
    text = address[len(LOCAL):]
    if not text.isdigit() or int(text) < 1:
        raise EconError(f"--dask {address!r}: expected local:N with N workers, a whole number of at least 1")
    return int(text)


@contextmanager
def dask_executor(address: str) -> Iterator[Callable]:
    """A ``map_chunks`` for econ.model.uncertainty.monte_carlo that runs the chunks on Dask."""
    workers = local_workers(address)
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover - a dependency of econ
        raise EconError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
    cluster = None
    try:
        if workers is not None:
            import dask

            with dask.config.set(WORKER_ENVIRONMENT):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except OSError as error:
        if cluster is not None:
            cluster.close()
        raise EconError(f"--dask {address!r}: cannot reach the scheduler ({error})") from None
    try:
        def map_chunks(task: Callable, chunks: Sequence[tuple[int, int]]) -> Iterator[tuple[int, object]]:
            [shared] = client.scatter([task], broadcast=True)
            futures = [client.submit(_run_chunk, shared, index, stop - start, pure=False)
                       for index, (start, stop) in enumerate(chunks)]
            pending = as_completed(futures)
            del futures  # each result is released once read
            for future in pending:
                index, result = future.result()
                future.release()
                yield index, result

        yield map_chunks
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
