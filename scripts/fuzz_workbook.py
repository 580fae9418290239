"""Change one cell of an input workbook at a time to a hostile value and see that econ answers with an EconError.

Each trial copies WORKBOOK, puts one value from HOSTILE_VALUES into one random
non-empty cell (text over 60 characters, such as sources, is left alone), then
reads, evaluates and writes the xlsx and HTML reports. Anything but success or
an EconError (one line) is a bug: the script prints each kind once, with the
cell, the value and the last lines of the traceback, and exits 1.

    python scripts/fuzz_workbook.py inputs/cr_scheme.xlsx [--trials 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import random
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

import openpyxl

from econ.api import evaluate_workbook, write_reports
from econ.errors import EconError

HOSTILE_VALUES = (
    "abc", "", " ", "1,5", "%", "m^3/month", "x" * 300, "#DIV/0!", True, datetime.datetime(2020, 1, 1),
    -1, 0, 150, 1e-300, 1e308, -1e308,
    "=1/0", "=A1", "=Nope!A1", "=SUM(", "=B2+", "=-1", "=MAX()", "=ROUND(1,2,3)", "=2^2000", None,
    # dates and times, deep and huge formulas, unit texts that hung or crashed earlier versions
    datetime.date(2025, 7, 5), datetime.time(14, 30), "=" + "(" * 1000 + "1" + ")" * 1000, "=" + "-" * 5000 + "1",
    "=SUM(B1:XFD1048576)", "=SUM(Tariffs!A1:XFD1048576)", "=ZZZ1", "=A99999999", "RUB/kWh*9^9^9", "kg^1e9",
    "(m^3)^2", "RUB/kwh", "1E999", float("nan"), float("inf"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    randomness = random.Random(args.seed)
    original = openpyxl.load_workbook(args.workbook)
    cells = [(sheet.title, cell.coordinate) for sheet in original for row in sheet.iter_rows() for cell in row
             if cell.value is not None and not (isinstance(cell.value, str) and len(cell.value) > 60)]
    kinds: Counter[str] = Counter()
    first: dict[str, str] = {}
    errors = 0
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / args.workbook.name
        for _ in range(args.trials):
            sheet, address = randomness.choice(cells)
            value = randomness.choice(HOSTILE_VALUES)
            book = openpyxl.load_workbook(args.workbook)
            book[sheet][address].value = value
            book.save(target)
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    write_reports(evaluate_workbook(target), Path(folder) / "out", ("xlsx", "html"))
            except EconError as error:
                errors += 1
                if "\n" in str(error):
                    kinds["a multi-line EconError"] += 1
                    first.setdefault("a multi-line EconError", f"{sheet}!{address} = {value!r}: {error}")
            except Exception as error:  # noqa: BLE001 - every other exception is what this script looks for
                kind = f"{type(error).__name__} at {traceback.extract_tb(error.__traceback__)[-1].name}"
                kinds[kind] += 1
                tail = " | ".join(traceback.format_exc().strip().splitlines()[-3:])
                first.setdefault(kind, f"{sheet}!{address} = {value!r}: {tail}")
    print(f"{args.workbook.name}: {args.trials} trials, {errors} one-line input errors, "
          f"{sum(kinds.values())} failures of other kinds")
    for kind, count in kinds.most_common():
        print(f"  {count} x {kind}; first: {first[kind]}")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
