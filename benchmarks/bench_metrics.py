"""Time the vectorized cash-flow metrics on many random cases.

Usage (from the repository root)::

    python benchmarks/bench_metrics.py [--cases 100000] [--years 10] [--repeats 7]

Prints the median and the fastest of the repeats for npv, irr, payback,
discounted payback and profitability index, on two sets of cases:

- "conventional": an investment in year 0, then positive yearly incomes (one
  sign change, the usual plant);
- "decommissioning": the same with a negative last year (a closure cost) in
  every case: two sign changes, up to three IRRs, the slower path of irr.

and, for scale, numpy_financial.irr called case by case on a sample.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

try:
    from econ.model import metrics
except ModuleNotFoundError:  # run from a checkout without installing econ
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from econ.model import metrics


def conventional_cases(generator: np.random.Generator, cases: int, years: int) -> np.ndarray:
    """Investment of 500..1500 in year 0, incomes of 20..300 in years 1..N."""
    flows = np.empty((cases, years + 1))
    flows[:, 0] = -generator.uniform(500, 1500, cases)
    flows[:, 1:] = generator.uniform(20, 300, (cases, years))
    return flows


def decommissioning_cases(generator: np.random.Generator, cases: int, years: int) -> np.ndarray:
    """Conventional cases whose last year is a closure cost of 100..400."""
    flows = conventional_cases(generator, cases, years)
    flows[:, -1] = -generator.uniform(100, 400, cases)
    return flows


def time_call(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and fastest wall time of ``repeats`` calls, in seconds (after one warm-up)."""
    call()
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), min(timings)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10, help="N: flows have N + 1 columns")
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--npf-sample", type=int, default=2_000, help="cases for numpy_financial")
    options = parser.parse_args(argv)

    generator = np.random.default_rng(options.seed)
    rate = 0.10
    print(
        f"{options.cases:,} cases of {options.years} years ({options.years + 1} flows), "
        f"{options.repeats} repeats; numpy {np.__version__}"
    )
    print(f"{'set':<16} {'function':<22} {'median [ms]':>12} {'fastest [ms]':>13}")
    sets = (("conventional", conventional_cases), ("decommissioning", decommissioning_cases))
    for label, build in sets:
        flows = build(generator, options.cases, options.years)
        calls: dict[str, Callable[[], object]] = {
            "npv": lambda: metrics.npv(rate, flows),
            "irr": lambda: metrics.irr(flows),
            "payback": lambda: metrics.payback(flows),
            "discounted_payback": lambda: metrics.discounted_payback(rate, flows),
            "profitability_index": lambda: metrics.profitability_index(rate, flows),
        }
        for name, call in calls.items():
            median, fastest = time_call(call, options.repeats)
            print(f"{label:<16} {name:<22} {median * 1e3:12.1f} {fastest * 1e3:13.1f}")
        statuses = np.bincount(metrics.irr(flows).status.ravel(), minlength=4)
        print(
            f"{'':<16} irr statuses: ok {statuses[metrics.IRR_OK]:,}, "
            f"no sign change {statuses[metrics.IRR_NO_SIGN_CHANGE]:,}, "
            f"no root {statuses[metrics.IRR_NO_ROOT]:,}, several {statuses[metrics.IRR_MULTIPLE]:,}"
        )

    try:
        import numpy_financial as npf
    except ModuleNotFoundError:
        return
    sample = conventional_cases(generator, options.npf_sample, options.years)
    median, _ = time_call(lambda: [npf.irr(row) for row in sample], max(1, options.repeats // 2))
    per_case = median / options.npf_sample
    print(
        f"numpy_financial.irr, case by case: {per_case * 1e6:.0f} us a case, "
        f"about {per_case * options.cases:.1f} s for {options.cases:,} cases"
    )


if __name__ == "__main__":
    main()
