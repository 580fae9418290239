"""Wall time of `econ check` and `econ run` (workbook only, and workbook with PDF) on one input workbook.

Each command runs several times; the median is printed with the command. The
machine is shared and noisy: compare figures taken in one run, as ratios.

    python benchmarks/bench_check.py [--repeats 7] [--workbook inputs/bi_oxides.xlsx]
    python benchmarks/bench_check.py --stages [--repeats 3] [--workbook /tmp/eq_100000.xlsx]

The default workbook is the chromium scheme. ``--stages`` prints instead the CPU seconds of each stage of
`econ check` (read, model, evaluate, rounding ranges, audits, findings with their implied values), each the
median of the repeats, each repeat in a new interpreter with the garbage collector set as econ.cli sets it
(a workbook of 100,000 Equipment rows: ``benchmarks/bench_rows.py`` writes one).
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


STAGES = """
import gc, json, sys, time
gc.set_threshold(20_000, 10, 10)  # as econ.cli sets it
from econ.checks import audits, evaluation
from econ.checks.case_audits import alternative_audits
from econ.checks.findings import evaluation_findings
from econ.checks.regression import compare_references
from econ.inputs.reader import read_plant
from econ.model.alternatives import alternative_cases
from econ.model.figures import evaluate
seconds, start = {}, time.process_time()
def mark(name):
    global start
    now = time.process_time()
    seconds[name], start = now - start, now
plant = read_plant(sys.argv[1]); mark("read")
model = evaluation.model_with_audits(plant); evaluation.check_studies(plant, model); mark("model")
results = evaluate(model, plant.inputs()); mark("evaluate")
cases = alternative_cases(plant, model) if plant.alternatives else []
comparisons = compare_references(plant, results, cases); mark("ranges")
found = audits.run_audits(plant, results, comparisons) + alternative_audits(plant, model); mark("audits")
evaluation_findings(evaluation.Evaluation(plant, model, results, comparisons, found, cases)); mark("findings")
print(json.dumps(seconds))
"""


def stage_seconds(workbook: Path, repeats: int) -> None:
    """Print the median CPU seconds of each stage of `econ check` on ``workbook``, and of the checks (every
    stage after reading)."""
    import json

    runs = [json.loads(subprocess.run([sys.executable, "-c", STAGES, str(workbook)], capture_output=True,
                                      text=True, check=True).stdout) for _ in range(repeats)]
    for run in runs:
        run["checks"] = sum(value for key, value in run.items() if key != "read")
    for stage in runs[0]:
        values = [run[stage] for run in runs]
        print(f"{stage:<10} median {statistics.median(values):7.2f} s CPU  (min {min(values):.2f}, "
              f"max {max(values):.2f}, n={repeats})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--workbook", type=Path, default=WORKBOOK)
    parser.add_argument("--stages", action="store_true", help="CPU seconds of each stage of econ check instead")
    args = parser.parse_args()
    if args.stages:
        stage_seconds(args.workbook.resolve(), args.repeats)
        return
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
