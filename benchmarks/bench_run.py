"""Wall time of a whole ``econ run``, as a user starts it, against LibreOffice converting its results workbook to PDF.

Each repeat runs, one after the other so that a busy spell of the shared
machine falls on all of them alike:

- ``econ run WORKBOOK`` (xlsx and pdf, the default), a fresh process;
- ``soffice --headless --convert-to pdf`` of the results workbook that run
  wrote, a fresh soffice process with a profile of its own
  (``-env:UserInstallation``), created once before the timing so that
  LibreOffice's first start (about 5 s) is not counted against it;
- with ``--formats``, the other format sets too (xlsx only, xlsx,pdf,html).

Medians are printed, and the ratio of econ's run to the conversion.

    python benchmarks/bench_run.py [--repeats 7] [--workbook inputs/cr_scheme.xlsx] [--formats]

``PYTHONPATH=/path/to/other/tree`` times another checkout with the same interpreter;
``--baseline /path/to/other/tree`` (repeatable) times it too, interleaved with this one (before and after).
"""

from __future__ import annotations

import argparse
import os
import shutil
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


def soffice_command(profile: Path, workbook: Path, out: Path) -> list[str]:
    """LibreOffice headless converting ``workbook`` to PDF in ``out``, with its own profile folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is not on PATH: nothing to compare with")
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
            "--outdir", str(out), str(workbook)]


def wall_time(command: list[str], tree: Path | None = None) -> float:
    """Seconds from starting ``command`` (econ from ``tree`` if given) until it has exited; a failure stops."""
    environment = dict(os.environ, PYTHONPATH=str(tree)) if tree else None
    start = time.perf_counter()
    finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment)
    seconds = time.perf_counter() - start
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit status {finished.returncode}:\n{finished.stderr}")
    return seconds


def describe(runs: list[float]) -> str:
    return f"{statistics.median(runs):.3f} s  (min {min(runs):.3f}, max {max(runs):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--workbook", type=Path, default=ROOT / "inputs" / "cr_scheme.xlsx")
    parser.add_argument("--formats", action="store_true", help="also time --format xlsx and xlsx,pdf,html")
    parser.add_argument("--baseline", type=Path, metavar="TREE", action="append", default=[],
                        help="another checkout of econ whose run is timed too, interleaved (PYTHONPATH=TREE); "
                             "may be given several times")
    args = parser.parse_args()
    workbook = args.workbook.resolve()
    extra = [formats for formats in FORMAT_SETS if formats != "xlsx,pdf"] if args.formats else []
    econ_runs: list[float] = []
    baseline_runs: dict[Path, list[float]] = {tree: [] for tree in args.baseline}
    soffice_runs: list[float] = []
    format_runs: dict[str, list[float]] = {formats: [] for formats in extra}
    with tempfile.TemporaryDirectory(prefix="bench_run_") as folder:
        reports, converted, profile = Path(folder, "reports"), Path(folder, "converted"), Path(folder, "profile")
        results = reports / f"{workbook.stem}.xlsx"
        subprocess.run(econ_command() + ["run", str(workbook), "-o", str(reports)], check=True,
                       stdout=subprocess.DEVNULL)
        wall_time(soffice_command(profile, results, converted))  # creates the profile: LibreOffice's first start
        for _ in range(args.repeats):
            econ_runs.append(wall_time(econ_command() + ["run", str(workbook), "-o", str(reports)]))
            soffice_runs.append(wall_time(soffice_command(profile, results, converted)))
            for tree, runs in baseline_runs.items():
                runs.append(wall_time(econ_command() + ["run", str(workbook), "-o", str(reports)], tree.resolve()))
            for formats in extra:
                format_runs[formats].append(wall_time(
                    econ_command() + ["run", str(workbook), "-o", str(reports), "--format", formats]))
    econ_median, soffice_median = statistics.median(econ_runs), statistics.median(soffice_runs)
    print(f"{workbook.name}: medians of {args.repeats} runs, interleaved, each a fresh process")
    print(f"  econ run (xlsx,pdf)                  {describe(econ_runs)}")
    print(f"  soffice --convert-to pdf of its xlsx {describe(soffice_runs)}")
    print(f"  ratio econ / soffice                 {econ_median / soffice_median:.2f}")
    for tree, runs in baseline_runs.items():
        print(f"  econ run of {tree}: {describe(runs)}, ratio to soffice {statistics.median(runs) / soffice_median:.2f}")
    for formats, runs in format_runs.items():
        print(f"  econ run --format {formats:<18} {describe(runs)}")


if __name__ == "__main__":
    main()
