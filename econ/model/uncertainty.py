"""Monte Carlo through the array model, its statistics, and Sobol indices from SALib.

:func:`monte_carlo` draws the samples chunk by chunk (econ.model.sampling),
evaluates each chunk's metrics in one vectorized call (econ.model.outcomes)
and writes them into one array per metric, in chunk order. ``map_chunks``
decides where chunks run: in this process by default, on a Dask cluster with
:func:`econ.model.cluster.dask_map`. The statistics are computed once over the
whole arrays, so they are identical however the chunks were spread.

Memory: the metric arrays take 8 bytes per sample and metric plus a 1-byte
status (about 45 bytes a sample for the five metrics: 450 MB for 10^7
samples); one chunk's temporaries come on top. Exact percentiles need every
sample, so they are kept rather than merged from per-chunk summaries.

Statistics of a metric are over the cases where it is defined. An undefined
IRR or an unreached payback is counted (``undefined``), never averaged; the
share of such cases is ``prob_not_reached`` for the paybacks.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from econ.errors import ModelError
from econ.inputs.uncertainty_reader import UncertainInput
from econ.model.outcomes import INCREMENTAL, MetricArrays, MetricModel
from econ.model.sampling import CHUNK_SIZE, Sampler, chunk_bounds

PERCENTILES = (5, 10, 50, 90, 95)
# Where a metric's sign matters: the probability that it is negative (a loss).
SIGNED = ("npv", INCREMENTAL)
PAYBACKS = ("payback", "discounted_payback")

ChunkResult = dict[str, MetricArrays]
MapChunks = Callable[[Callable[[int, int], ChunkResult], Sequence[tuple[int, int]]], Iterable[tuple[int, ChunkResult]]]


@dataclass(frozen=True)
class ChunkTask:
    """Evaluates chunk ``index`` of ``count`` samples: its inputs from its own stream, then the metrics."""

    evaluator: MetricModel
    sampler: Sampler
    seed: int

    def __call__(self, index: int, count: int) -> ChunkResult:
        return self.evaluator.evaluate(self.sampler.chunk(self.seed, index, count))


def local_map(task: Callable[[int, int], ChunkResult], chunks: Sequence[tuple[int, int]]
              ) -> Iterator[tuple[int, ChunkResult]]:
    """Evaluate the chunks one after another in this process; yields ``(index, result)``."""
    for index, (start, stop) in enumerate(chunks):
        yield index, task(index, stop - start)


def threaded_map(threads: int) -> MapChunks:
    """Evaluate the chunks on ``threads`` threads of this process (numpy releases the GIL inside its array
    operations), at most ``2 x threads`` chunks ahead of the one being collected; yields in chunk order."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    def map_chunks(task: Callable[[int, int], ChunkResult], chunks: Sequence[tuple[int, int]]
                   ) -> Iterator[tuple[int, ChunkResult]]:
        with ThreadPoolExecutor(threads) as pool:
            pending: deque = deque()
            for index, (start, stop) in enumerate(chunks):
                pending.append((index, pool.submit(task, index, stop - start)))
                if len(pending) >= 2 * threads:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()

    return map_chunks


def in_process_map(threads: int | None = None) -> MapChunks:
    """The chunks in this process: on ``threads`` threads (default: the processor count, at most 2), or in
    turn where that is 1."""
    import os

    count = threads if threads is not None else min(2, os.cpu_count() or 1)
    return local_map if count <= 1 else threaded_map(count)


@dataclass(frozen=True)
class MonteCarlo:
    """The outcome of a Monte Carlo run: each metric's values and status per sample, in sample order."""

    samples: int
    seed: int
    inputs: tuple[UncertainInput, ...]
    metrics: dict[str, MetricArrays]

    def statistics(self) -> dict[str, dict[str, float | int | None]]:
        return {key: summarize(key, arrays) for key, arrays in self.metrics.items()}


def monte_carlo(evaluator: MetricModel, sampler: Sampler, samples: int, seed: int,
                map_chunks: MapChunks = local_map, progress: Callable[[int], None] | None = None,
                chunk_size: int = CHUNK_SIZE) -> MonteCarlo:
    """``samples`` draws of the uncertain inputs through the model, in chunks; the same seed gives the same run.

    ``progress`` is called with the number of samples of each finished chunk.
    """
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 2:
        raise ModelError(f"samples: expected a whole number of at least 2, got {samples!r}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ModelError(f"seed: expected a whole number of 0 or more, got {seed!r}")
    if not sampler.inputs:
        raise ModelError("no input varies: give an Uncertainty sheet, an estimate class or --vary KEY=DIST(ARGS)")
    chunks = chunk_bounds(samples, chunk_size)
    task = ChunkTask(evaluator, sampler, seed)
    values: dict[str, np.ndarray] = {}
    status: dict[str, np.ndarray] = {}
    for index, result in map_chunks(task, chunks):
        start, stop = chunks[index]
        for key, arrays in result.items():
            if key not in values:
                values[key] = np.empty(samples)
                status[key] = np.empty(samples, dtype=np.int8)
            values[key][start:stop] = arrays.values
            status[key][start:stop] = arrays.status
        if progress is not None:
            progress(stop - start)
    return MonteCarlo(samples, seed, sampler.inputs, {key: MetricArrays(values[key], status[key]) for key in values})


def summarize(key: str, arrays: MetricArrays) -> dict[str, float | int | None]:
    """Mean, standard deviation, P5..P95, standard error of the mean, and the share of losses or misses.

    Over the samples where the metric is defined; ``undefined`` counts the others. Where none is
    defined the statistics are None (JSON null), never NaN.
    """
    defined = arrays.status == 0
    count = int(np.count_nonzero(defined))
    values = arrays.values if count == arrays.values.size else arrays.values[defined]
    summary: dict[str, float | int | None] = {}
    if count:
        mean = float(np.mean(values))
        std = float(np.std(values, ddof=1)) if count > 1 else 0.0
        points = np.percentile(values, PERCENTILES)
        summary.update(mean=mean, std=std, **{f"p{p}": float(v) for p, v in zip(PERCENTILES, points)},
                       sem=std / math.sqrt(count))
    else:
        summary.update(mean=None, std=None, **{f"p{p}": None for p in PERCENTILES}, sem=None)
    total = arrays.values.size
    if key in SIGNED:
        summary["prob_negative"] = float(np.count_nonzero(values < 0)) / total if count else None
    if key in PAYBACKS:
        summary["prob_not_reached"] = (total - count) / total
    summary["defined"] = count
    summary["undefined"] = total - count
    return summary


def sobol_indices(evaluator: MetricModel, sampler: Sampler, base_samples: int, seed: int,
                  metric: str = "npv") -> dict[str, object]:
    """First-order (S1) and total (ST) Sobol indices of ``metric`` with 95 % confidence intervals, from SALib.

    The inputs are sampled by SALib's Sobol sequence (``SALib.sample.sobol.sample``, Saltelli's scheme
    without second-order terms: ``base_samples x (inputs + 2)`` model evaluations) in the unit hypercube, each
    column mapped through its input's inverse CDF, and analysed by ``SALib.analyze.sobol.analyze``. Sobol
    indices assume independent inputs: the correlations are not applied here. ``base_samples`` should be a
    power of 2. ``metric`` must be defined in every case (NPV, an incremental NPV, a cost).
    """
    from SALib.analyze import sobol as sobol_analysis
    from SALib.sample import sobol as sobol_sampling

    if base_samples < 2 or base_samples & (base_samples - 1):
        raise ModelError(f"Sobol base samples: expected a power of 2 (256, 1024, ...), got {base_samples}")
    keys = [item.key for item in sampler.inputs]
    problem = {"num_vars": len(keys), "names": keys, "bounds": [[0.0, 1.0]] * len(keys)}
    points = sobol_sampling.sample(problem, base_samples, calc_second_order=False, scramble=True, seed=seed)
    independent = Sampler(sampler.inputs)
    output = np.empty(points.shape[0])
    for start, stop in chunk_bounds(points.shape[0]):
        result = evaluator.evaluate(independent.values(points[start:stop]))[metric]
        if np.any(result.status != 0):
            raise ModelError(f"Sobol indices of {metric}: it is undefined in some cases; use npv")
        output[start:stop] = np.broadcast_to(result.values, (stop - start,))
    if not np.var(output) > 0:
        raise ModelError(f"Sobol indices of {metric}: it does not vary with the inputs {', '.join(keys)}")
    analysis = sobol_analysis.analyze(problem, output, calc_second_order=False, conf_level=0.95,
                                      print_to_console=False, seed=seed)
    return {
        "metric": metric, "base_samples": base_samples, "evaluations": int(points.shape[0]),
        "inputs": [{"key": key, "S1": float(analysis["S1"][i]), "S1_conf": float(analysis["S1_conf"][i]),
                    "ST": float(analysis["ST"][i]), "ST_conf": float(analysis["ST_conf"][i])}
                   for i, key in enumerate(keys)],
    }
