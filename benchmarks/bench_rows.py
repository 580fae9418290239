"""Wall time of `econ check` on the chromium scheme with 2,000 to 100,000 rows in its Equipment table.

The workbook is inputs/cr_scheme.xlsx with its 6 pumps of 4 kW replaced by
``rows - 3`` pump rows (quantity 1) of 24/(rows - 3) kW each, so that the
installed power stays 45 kW and every figure stays that of the bundled
workbook. Each count runs several times; the median is printed with the time
per row and its ratio to the smallest count's (with the CPU time, which a
busy machine disturbs less than the wall time), and the marginal time per row
between one count and the next: in linear time the marginal time stays
constant (the total per row falls as start-up is shared by more rows).
The machine is shared and noisy: compare figures taken in one run.

    python benchmarks/bench_rows.py [--repeats 3] [--rows 2000,8000,32000,100000] [--stages]

``--stages`` also times, in a fresh process per run, the stages of ``econ check`` as CPU time: reading
the workbook (read_plant), the model (model_with_audits and one evaluation of its figures) and the whole
evaluation with its checks (evaluate_plant, which builds and evaluates the model again): the checks are
about the difference of the last two.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT / "inputs" / "cr_scheme.xlsx"
PUMP_POWER_KW = 24.0  # the bundled workbook's 6 pumps x 4 kW


def equipment_workbook(path: Path, rows: int, pump_power_kw: float | None = None) -> Path:
    """Write cr_scheme.xlsx with ``rows`` Equipment rows (at least 4) to ``path``.

    Row 3 of the bundled Equipment sheet (6 pumps of 4 kW) becomes ``rows - 3``
    rows "Pump 1", "Pump 2", ... of quantity 1 and ``pump_power_kw`` kW each
    (default 24/(rows - 3) kW, so that the installed power stays 45 kW); the
    other three rows follow unchanged.
    """
    if rows < 4:
        raise ValueError(f"rows {rows}: expected at least 4 (three bundled rows and one pump)")
    pumps = rows - 3
    power = PUMP_POWER_KW / pumps if pump_power_kw is None else pump_power_kw
    book = openpyxl.load_workbook(WORKBOOK)
    sheet = book["Equipment"]
    bundled = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3)]
    pump, others = bundled[0], bundled[1:]
    sheet.delete_rows(3, sheet.max_row)
    for number in range(1, pumps + 1):
        sheet.append([f"Pump {number}", 1, power, pump[3], None, None, None, pump[7]])
    for row in others:
        sheet.append(row)
    book.save(path)
    return path


def times(command: list[str], repeats: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (user + system, of the command's process and its children) of each run, in s."""
    walls, cpus = [], []
    for _ in range(repeats):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return walls, cpus


def stage_times(path: Path) -> dict[str, float]:
    """CPU seconds of each stage of ``econ check`` on ``path``, in this process (see the module's docstring)."""
    from econ.checks.evaluation import evaluate_plant, model_with_audits
    from econ.inputs.reader import read_plant
    from econ.model.figures import evaluate

    start = time.process_time()
    plant = read_plant(path)
    read = time.process_time()
    evaluate(model_with_audits(plant), plant.inputs())
    model = time.process_time()
    evaluate_plant(plant)
    whole = time.process_time()
    return {"read": read - start, "model": model - read, "model and checks": whole - model}


def stages(path: Path, repeats: int) -> str:
    """The median of each stage over ``repeats`` fresh processes, as one line."""
    runs = []
    for _ in range(repeats):
        done = subprocess.run([sys.executable, __file__, "--stage-times", str(path)], capture_output=True, text=True,
                              check=True)
        runs.append(json.loads(done.stdout))
    return "  ".join(f"{name} {statistics.median(run[name] for run in runs):.3f} s" for name in runs[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rows", default="2000,8000,32000,100000",
                        help="Equipment row counts, comma-separated (default: 2000,8000,32000,100000)")
    parser.add_argument("--stages", action="store_true", help="also time read, model and checks (CPU, medians)")
    parser.add_argument("--stage-times", type=Path, help=argparse.SUPPRESS)  # the worker of --stages
    args = parser.parse_args()
    if args.stage_times:
        print(json.dumps(stage_times(args.stage_times)))
        return
    counts = [int(text) for text in args.rows.split(",")]
    python = sys.executable
    medians: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in counts:
            path = equipment_workbook(Path(folder) / f"cr_scheme_{rows}.xlsx", rows)
            walls, cpus = times([python, "-m", "econ.cli", "check", str(path)], args.repeats)
            medians[rows] = statistics.median(walls)
            per_row = medians[rows] / rows
            ratio = per_row / (medians[counts[0]] / counts[0])
            marginal = ""
            if len(medians) > 1:
                previous = list(medians)[-2]
                step = (medians[rows] - medians[previous]) / (rows - previous)
                marginal = f", marginal {step * 1e6:.1f} us/row from {previous:,}"
            print(f"econ check, {rows:>7,} Equipment rows  median {medians[rows]:7.3f} s  "
                  f"(min {min(walls):.3f}, max {max(walls):.3f}, n={args.repeats}; CPU median "
                  f"{statistics.median(cpus):.3f} s)  "
                  f"{per_row * 1e6:7.1f} us/row, {ratio:.2f}x the time per row at {counts[0]:,}{marginal}")
            if args.stages:
                print(f"  stages, CPU medians of {args.repeats} runs: {stages(path, args.repeats)}")


if __name__ == "__main__":
    main()
