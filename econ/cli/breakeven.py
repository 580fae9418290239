"""``econ breakeven``: the value of an input at which NPV (or an incremental NPV) is zero, and maps."""

from __future__ import annotations

import argparse

from econ.cli.status import EXIT_OK
from econ.errors import EconError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    breakeven = commands.add_parser(
        "breakeven", help="the value of one input at which NPV or an alternative's incremental NPV is zero",
        description="Solve for the value of INPUT in [LOW, HIGH] at which the NPV of WORKBOOK (or, with "
                    "--alternative, the incremental NPV of that alternative over the base case) is zero.")
    breakeven.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    breakeven.add_argument("--input", required=True, metavar="KEY",
                           help="input key, e.g. electricity_price or capital.1.cost (see econ check --list-inputs)")
    breakeven.add_argument("--range", required=True, nargs=2, type=float, metavar=("LOW", "HIGH"),
                           help="the range searched, in the unit the model uses for the input")
    breakeven.add_argument("--alternative", metavar="NAME", help="an alternative of the Alternatives sheet")
    breakeven.add_argument("--map", nargs=3, metavar=("KEY_Y", "LOW_Y", "HIGH_Y"),
                           help="also draw a two-input break-even map of INPUT against KEY_Y")
    breakeven.add_argument("--svg", metavar="FILE", help="where to write the map (default: reports/NAME-map.svg)")
    breakeven.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from econ.inputs.reader import read_plant
    from econ.inputs.studies_reader import range_problem
    from econ.model.breakeven import break_even
    from econ.numbers import format_auto

    plant = read_plant(args.workbook)
    # the inputs as named in the workbook's sheets or by key, both checked before anything is printed
    args.input = _input_key(plant, args.input, "--input")
    if args.map:
        args.map[0] = _input_key(plant, args.map[0], "--map")
    low, high = args.range
    problem = range_problem(plant.parameters[args.input], low, high)
    if problem:
        raise EconError(f"{plant.file_name}: --input {problem}")
    if args.map:
        try:
            low_y, high_y = float(args.map[1]), float(args.map[2])
        except ValueError:
            raise EconError(f"--map {' '.join(args.map)}: expected KEY_Y LOW_Y HIGH_Y with two numbers") from None
        problem = range_problem(plant.parameters[args.map[0]], low_y, high_y)
        if problem:
            raise EconError(f"{plant.file_name}: --map {problem}")
    result = break_even(plant, args.input, low, high, args.alternative)
    unit = plant.parameters[args.input].unit
    target = f"the incremental NPV of {args.alternative}" if args.alternative else "NPV"
    if not result.values:
        print(f"{args.input}: {result.reason}")
    for value in result.values:
        print(f"{args.input} = {format_auto(value, digits=8)} {unit} makes {target} zero")
    if args.map:
        print(f"wrote {_write_map(plant, args, target)}")
    return EXIT_OK


def _input_key(plant, name: str, option: str) -> str:  # noqa: ANN001 - Plant
    try:
        return plant.input_key(name)
    except ValueError as problem:
        raise EconError(f"{plant.file_name}: {option} {name!r}: expected {problem} "
                        f"(the keys: econ check {plant.file_name} --list-inputs)") from None


def _write_map(plant, args: argparse.Namespace, target: str):  # noqa: ANN001, ANN202 - Plant, Path
    import numpy as np
    from pathlib import Path

    from econ.model.breakeven import npv_map
    from econ.report.atomic import write_atomically
    from econ.report.charts import break_even_map_svg

    key_y = args.map[0]
    try:
        low_y, high_y = float(args.map[1]), float(args.map[2])
    except ValueError:
        raise EconError(f"--map {' '.join(args.map)}: expected KEY_Y LOW_Y HIGH_Y with two numbers") from None
    xs = np.linspace(args.range[0], args.range[1], 121)
    ys = np.linspace(low_y, high_y, 121)
    values = npv_map(plant, args.input, xs, key_y, ys, args.alternative)
    who = args.alternative or plant.base_case_name()
    svg = break_even_map_svg(xs, ys, values, title=f"Break-even map: {target} = 0", labels={
        "x_axis": f"{args.input} [{plant.parameters[args.input].unit}]",
        "y_axis": f"{key_y} [{plant.parameters[key_y].unit}]",
        "positive": f"{who} wins" if args.alternative else "NPV > 0",
        "negative": f"{plant.base_case_name()} wins" if args.alternative else "NPV < 0",
        "line": "break-even"})
    path = Path(args.svg) if args.svg else Path("reports") / f"{plant.path.stem}-map.svg"
    document = '<?xml version="1.0" encoding="utf-8"?>\n' + svg.replace(
        "<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if "xmlns=" not in svg else svg
    return write_atomically(path, lambda temporary: temporary.write_text(document, encoding="utf-8"),
                            protected=[plant.path])
