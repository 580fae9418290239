"""Time to evaluate the whole model (cash flow and metrics included) for many cases in one call.

Prints medians of several repeats for 1, 1,000 and 100,000 parameter sets of
the chromium scheme (electricity tariff, discount rate, by-product price and
capital varied together), and the per-case cost as a ratio.

    python benchmarks/bench_model.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np

from econ.inputs.reader import read_plant
from econ.model.build import build_model
from econ.model.figures import evaluate

ROOT = Path(__file__).resolve().parent.parent


def cases(plant, count: int) -> dict[str, np.ndarray]:
    generator = np.random.default_rng(2026)
    inputs = dict(plant.inputs())
    inputs.update({
        "electricity_price": generator.uniform(5, 25, count),
        "discount_rate": generator.uniform(0.02, 0.25, count),
        "byproducts.0.price": generator.uniform(0, 4, count),
        "capital.0.cost": generator.uniform(6e6, 24e6, count),
    })
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    plant = read_plant(ROOT / "inputs" / "cr_scheme.xlsx")
    model = build_model(plant)
    medians = {}
    for count in (1, 1_000, 100_000):
        inputs = cases(plant, count)
        evaluate(model, inputs)  # warm-up
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            evaluate(model, inputs)
            times.append(time.perf_counter() - start)
        medians[count] = statistics.median(times)
        print(f"evaluate(model, {count:>7,} cases)  median {medians[count] * 1e3:8.1f} ms  "
              f"(min {min(times) * 1e3:.1f}, max {max(times) * 1e3:.1f}, n={args.repeats})")
    print(f"100,000 cases / 1 case: {medians[100_000] / medians[1]:.0f}x the time for 100,000x the work")


if __name__ == "__main__":
    main()
