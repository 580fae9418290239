"""Time Monte Carlo runs of the chromium model (inputs/cr_scheme.xlsx) and their memory.

Usage (from the repository root)::

    python benchmarks/bench_uncertainty.py [--samples 1000000] [--repeats 5] [--loop 2000]
                                           [--memory 10000000] [--dask 10000000] [--huge]

- in-process: ``--samples`` draws of the electricity tariff, uniform(10, 16) RUB/kWh, and of the capital,
  pert(10, 12, 18) M RUB, through the model, NPV, IRR, payback and discounted payback of every sample
  (econ.model.uncertainty.monte_carlo, in chunks); the median and fastest of ``--repeats`` runs;
- the same per sample in a Python loop, the model evaluated for one case at a time and
  ``numpy_financial.irr`` and ``npv`` on its flows, timed on ``--loop`` samples and scaled per sample;
- peak memory (the maximum resident set of a fresh process) of a run of ``--memory`` samples;
- ``--dask N``: N samples on a LocalCluster of 1 and of 2 workers (wall time, including starting the cluster);
  ``--huge`` adds 10^8 samples on 1 and 2 workers, once.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from econ.inputs.reader import read_plant
from econ.inputs.uncertainty_reader import UncertainInput
from econ.model.outcomes import MetricModel
from econ.model.sampling import Sampler
from econ.model.uncertainty import in_process_map, local_map, monte_carlo

WORKBOOK = ROOT / "inputs" / "cr_scheme.xlsx"
METRICS = ("npv", "irr", "payback", "discounted_payback")
INPUTS = (UncertainInput("electricity_price", "uniform", (10.0, 16.0), "benchmark", "--vary"),
          UncertainInput("capital.0.cost", "pert", (10e6, 12e6, 18e6), "benchmark", "--vary"))


def setup(metrics: tuple[str, ...] = METRICS) -> tuple[MetricModel, Sampler]:
    plant = read_plant(WORKBOOK)
    return MetricModel(plant, metrics), Sampler.of(INPUTS)


def run(samples: int, map_chunks=local_map) -> dict:
    evaluator, sampler = setup()
    outcome = monte_carlo(evaluator, sampler, samples, seed=1, map_chunks=map_chunks)
    return outcome.statistics()


def time_in_process(samples: int, repeats: int, threads: int = 1) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each repeat: sampling, model, metrics and statistics."""
    evaluator, sampler = setup()
    walls, cpus = [], []
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        outcome = monte_carlo(evaluator, sampler, samples, seed=1, map_chunks=in_process_map(threads))
        outcome.statistics()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def time_loop(samples: int) -> float:
    """Seconds per sample of a per-sample loop: the model for one case, then numpy_financial."""
    import numpy_financial as npf

    from econ.model.cashflow import NET_CASH_FLOW

    evaluator, sampler = setup()
    drawn = sampler.chunk(1, 0, samples)
    start = time.perf_counter()
    for index in range(samples):
        env = evaluator._evaluate({key: values[index] for key, values in drawn.items()})
        flows = env[NET_CASH_FLOW]
        rate = float(env["discount_rate"])
        npf.npv(rate, flows)
        npf.irr(flows)
        for column in (flows, flows / (1 + rate) ** np.arange(flows.size)):
            cumulative = np.cumsum(column)
            after = np.flatnonzero((cumulative[:-1] < 0) & (cumulative[1:] >= 0))
            if after.size:
                year = after[0] + 1
                _ = year - 1 - cumulative[year - 1] / column[year]
    return (time.perf_counter() - start) / samples


def peak_memory(samples: int, dask: str = "") -> tuple[float, float]:
    """(seconds, peak resident MiB) of a run of ``samples`` in a fresh process."""
    code = (f"import resource, sys, time; sys.path.insert(0, {str(ROOT)!r}); sys.argv = ['x'];"
            "import benchmarks.bench_uncertainty as b; start = time.perf_counter();"
            + (f"from econ.model.cluster import dask_executor\nwith dask_executor({dask!r}) as m: b.run({samples}, m)"
               if dask else f"b.run({samples})")
            + "\nprint(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, mib = output.stdout.split()[-2:]
    return float(seconds), float(mib)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--loop", type=int, default=2_000)
    parser.add_argument("--memory", type=int, default=10_000_000)
    parser.add_argument("--dask", type=int, default=0, help="samples for the Dask runs (0: none)")
    parser.add_argument("--huge", action="store_true", help="also 10^8 samples on Dask, 1 and 2 workers")
    args = parser.parse_args()

    print(f"load average before: {', '.join(f'{value:.2f}' for value in os.getloadavg())} on {os.cpu_count()} cores")
    for threads in (1, 2):
        times, cpus = time_in_process(args.samples, args.repeats, threads)
        print(f"in-process, {threads} thread(s), {args.samples:,} samples, NPV + IRR + both paybacks: median "
              f"{statistics.median(times):.3f} s, fastest {min(times):.3f} s "
              f"({', '.join(f'{t:.3f}' for t in times)}); CPU median {statistics.median(cpus):.3f} s")
    per_sample = time_loop(args.loop)
    vectorized = statistics.median(times) / args.samples
    print(f"per-sample loop with numpy_financial ({args.loop:,} samples): {per_sample * 1e6:.1f} us/sample, "
          f"{per_sample * args.samples:.1f} s for {args.samples:,}; vectorized {vectorized * 1e6:.3f} us/sample: "
          f"{per_sample / vectorized:.0f} times faster")
    if args.memory:
        seconds, mib = peak_memory(args.memory)
        print(f"{args.memory:,} samples in a fresh process: {seconds:.2f} s, peak resident memory {mib:.0f} MiB")
    sizes = ([args.dask] if args.dask else []) + ([100_000_000] if args.huge else [])
    for samples in sizes:
        for workers in (1, 2):
            seconds, mib = peak_memory(samples, f"local:{workers}")
            print(f"Dask LocalCluster, {workers} worker(s), {samples:,} samples: {seconds:.1f} s "
                  f"(client peak {mib:.0f} MiB)")
    json.dumps({})  # keep the json import for callers that extend the report


if __name__ == "__main__":
    main()
