"""Wall time of `econ check` and `econ run` (workbook only, and workbook with PDF) on one input workbook.

Each command runs several times; the median is printed with the command. The
machine is shared and noisy: compare figures taken in one run, as ratios.

    python benchmarks/bench_check.py [--repeats 7] [--workbook inputs/bi_oxides.xlsx]

The default workbook is the chromium scheme.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT / "inputs" / "cr_scheme.xlsx"


def wall_times(command: list[str], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--workbook", type=Path, default=WORKBOOK)
    args = parser.parse_args()
    workbook = args.workbook.resolve()
    name = workbook.relative_to(ROOT) if workbook.is_relative_to(ROOT) else workbook
    python = sys.executable
    with tempfile.TemporaryDirectory() as out:
        commands = {
            "python -c pass (interpreter start-up)": [python, "-c", "pass"],
            f"econ check {name}": [python, "-m", "econ.cli", "check", str(workbook)],
            "econ run ... --format xlsx": [python, "-m", "econ.cli", "run", str(workbook), "-o", out,
                                           "--format", "xlsx"],
            "econ run ... (xlsx and pdf)": [python, "-m", "econ.cli", "run", str(workbook), "-o", out],
        }
        medians = {}
        for label, command in commands.items():
            times = wall_times(command, args.repeats)
            medians[label] = statistics.median(times)
            print(f"{label:<45} median {medians[label]:.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
                  f"n={args.repeats})")
    baseline = medians["python -c pass (interpreter start-up)"]
    check = medians[f"econ check {name}"]
    print(f"econ check / interpreter start-up: {check / baseline:.1f}x")


if __name__ == "__main__":
    main()
