"""Wall time of a whole ``econ run``, as a user starts it: a fresh process from start to exit.

Each format set runs several times, interleaved so that a busy spell of the
shared machine falls on all of them alike; medians are printed, and the ratio of
each to the xlsx-only run.

    python benchmarks/bench_run.py [--repeats 7] [--workbook inputs/cr_scheme.xlsx]
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
FORMAT_SETS = ("xlsx", "xlsx,pdf", "xlsx,pdf,html")


def econ_command() -> list[str]:
    """The installed ``econ`` beside this interpreter, else the module run the same way."""
    script = Path(sys.executable).with_name("econ")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from econ.cli import console; sys.exit(console())"]


def wall_time(command: list[str]) -> float:
    """Seconds from starting ``command`` until it has exited; a failure stops the benchmark."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--workbook", type=Path, default=ROOT / "inputs" / "cr_scheme.xlsx")
    args = parser.parse_args()
    times: dict[str, list[float]] = {formats: [] for formats in FORMAT_SETS}
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(args.repeats):
            for formats in FORMAT_SETS:
                command = econ_command() + ["run", str(args.workbook), "-o", folder, "--format", formats]
                times[formats].append(wall_time(command))
    baseline = statistics.median(times["xlsx"])
    print(f"econ run {args.workbook.name}: median wall time of {args.repeats} runs, each a fresh process")
    for formats, runs in times.items():
        median = statistics.median(runs)
        print(f"  --format {formats:<14} {median:.3f} s  (min {min(runs):.3f}, max {max(runs):.3f}; "
              f"{median / baseline:.1f} x xlsx only)")


if __name__ == "__main__":
    main()
