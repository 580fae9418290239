"""Command line: ``econ run``, ``econ check``, ``econ compare`` and ``econ breakeven``, thin over :mod:`econ.api`.

Errors econ raises on purpose become one line, ``Error: ...``, on standard
error with exit status 2. ``econ check`` exits 1 when a published figure
differs from its recomputed value or a claim does not hold. Ctrl-C exits 130
and SIGTERM 143, with any report being written removed.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Sequence

from econ import __version__
from econ.errors import EconError

EXIT_OK, EXIT_CHECK_FAILED, EXIT_ERROR = 0, 1, 2
EXIT_TERMINATED = 128 + 15  # SIGTERM, as shells report it


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwound like Ctrl-C: a report being written is removed, the chart worker stopped."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="econ",
        description="Techno-economic evaluation of process plants from an Excel input workbook.",
        epilog="Exit status: 0 success; 1 a published figure differs or a claim does not hold (check); "
               "2 bad input or a report that cannot be written.",
    )
    parser.add_argument("--version", action="version", version=f"econ {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="evaluate a workbook and write the results workbook and the report",
                              description="Evaluate WORKBOOK and write DIR/NAME.xlsx, a results workbook whose "
                                          "every derived number is a live formula with econ's value cached, and "
                                          "DIR/NAME.pdf, the feasibility report (and DIR/NAME.html if asked).")
    run.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx); it is never modified")
    run.add_argument("-o", "--out", metavar="DIR", default="reports", help="output folder (default: reports)")
    run.add_argument("--format", metavar="LIST", default="xlsx,pdf",
                     help="reports to write, comma-separated from xlsx, pdf, html (default: xlsx,pdf)")
    run.add_argument("--lang", choices=("ru", "en"), default=None,
                     help="language of the PDF and HTML report (default: the workbook's Project!language)")

    check = commands.add_parser("check", help="recompute the published figures and run the plausibility audits",
                                description="Recompute every figure of WORKBOOK's References sheet from its inputs "
                                            "and print published, computed, deviation and verdict, then the "
                                            "plausibility audits. Exits 1 when a figure differs or a claim fails.")
    check.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    check.add_argument("--list-quantities", action="store_true",
                       help="list the model quantities a reference may name, with their units, and exit")
    check.add_argument("--list-inputs", action="store_true",
                       help="list the input keys (for Alternatives and breakeven), with values and units, and exit")
    compare = commands.add_parser(
        "compare", help="compare a workbook's alternatives, or two workbooks, line by line",
        description="Compare the base case of WORKBOOK with the alternatives on its Alternatives sheet, or, given "
                    "OTHER, WORKBOOK (base) with OTHER: every OPEX line, specific cost, capital, NPV, IRR and "
                    "payback, and the incremental case (alternative minus base).")
    compare.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx): the base case")
    compare.add_argument("other", metavar="OTHER", nargs="?", help="a second workbook, compared with the first")

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
    return parser


def _print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print("  " + "  ".join(text.ljust(width) if column == 0 else text.rjust(width)
                               for column, (text, width) in enumerate(zip(row, widths))).rstrip())


def _command_compare(args: argparse.Namespace) -> int:
    from econ.i18n import figure_label
    from econ.inputs.reader import read_plant
    from econ.model.alternatives import Case, alternative_cases, incremental
    from econ.model.build import run_model
    from econ.report.document import metric_text
    from econ.report.numbers import format_number

    plant = read_plant(args.workbook)
    if args.other:
        other = read_plant(args.other)
        if other.currency != plant.currency:
            raise EconError(f"{other.file_name} counts money in {other.currency}, {plant.file_name} in "
                            f"{plant.currency}: compare workbooks in one currency")
        # two files of one name (from two folders) are told apart by their paths
        names = (plant.file_name, other.file_name) if plant.file_name != other.file_name else \
            (str(args.workbook), str(args.other))
        cases = [Case(names[0], plant, run_model(plant)), Case(names[1], other, run_model(other))]
    else:
        if not plant.alternatives:
            raise EconError(f"{plant.file_name} has no Alternatives sheet; name a second workbook to compare with")
        cases = alternative_cases(plant)
    cur = plant.currency
    steps = [incremental(cases[0], case) for case in cases[1:]]  # refused (other service life) before printing
    rows: list[tuple[str, ...]] = [("", *(case.name for case in cases))]
    for key, decimals in (("capital_total", 0), ("opex_energy", 0), ("opex_labour", 0), ("opex_depreciation", 0),
                          ("opex_maintenance", 0), ("opex_per_month", 0), ("specific_cost", 2),
                          ("byproduct_revenue_per_month", 0), ("net_effect_per_month", 0), ("npv", 0)):
        unit = cases[0].results.model.get(key).unit
        rows.append((f"{figure_label(key)} [{unit}]", *(format_number(case.value(key), decimals) for case in cases)))
    years = cases[0].flows().size - 1
    for key in ("irr", "payback", "discounted_payback"):
        rows.append((figure_label(key), *(metric_text(case.metric(key), key, "en", years) for case in cases)))
    _print_table(rows)
    print(f"Incremental cases (alternative minus {cases[0].name}), NPV at "
          f"{format_number(cases[0].value('discount_rate') * 100, 1)} %:")
    rows = [("", "NPV [" + cur + "]", "IRR", "payback", "discounted payback")]
    for step in steps:
        rows.append((step.name, format_number(step.npv, 0), metric_text(step.irr, "irr", "en", years),
                     metric_text(step.payback, "payback", "en", years),
                     metric_text(step.discounted_payback, "payback", "en", years)))
    _print_table(rows)
    return EXIT_OK


def _command_breakeven(args: argparse.Namespace) -> int:
    from econ.inputs.reader import read_plant
    from econ.model.breakeven import break_even
    from econ.report.numbers import format_auto

    plant = read_plant(args.workbook)
    # the inputs as named in the workbook's sheets or by key, both checked before anything is printed
    args.input = _input_key(plant, args.input, "--input")
    if args.map:
        args.map[0] = _input_key(plant, args.map[0], "--map")
    low, high = args.range
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


def _print_summary(evaluation) -> None:  # noqa: ANN001 - econ.api.Evaluation, imported lazily
    from econ.report.document import metric_text
    from econ.report.numbers import format_number, format_percent

    results, plant = evaluation.results, evaluation.plant
    cur = plant.currency
    print(f"{plant.name}")
    lines = [
        ("OPEX", f"{format_number(results.scalar('opex_per_month'), 0)} {cur}/month"),
        ("Specific cost", f"{format_number(results.scalar('specific_cost'), 2)} {cur}/{plant.basis}"),
        ("Net effect", f"{format_number(results.scalar('net_effect_per_month'), 0)} {cur}/month, "
                       f"{format_number(results.scalar('net_effect_per_year'), 0)} {cur}/year"),
        ("NPV", f"{format_number(results.scalar('npv'), 0)} {cur} at "
                f"{format_percent(plant.value('discount_rate'))}"),
    ]
    for key, label in (("irr", "IRR"), ("payback", "Payback"), ("discounted_payback", "Discounted payback")):
        lines.append((label, metric_text(results.metrics[key], key, "en", evaluation.model.years)))
    width = max(len(label) for label, _ in lines)
    for label, text in lines:
        print(f"  {label:<{width}}  {text}")


def _command_run(args: argparse.Namespace) -> int:
    formats = tuple(name.strip().lower() for name in args.format.split(",") if name.strip())
    if not formats:
        raise EconError(f"--format {args.format!r}: expected one or more of xlsx, pdf, html, comma-separated")
    if {"pdf", "html"} & set(formats):
        from econ.report.workers import ChartWorker

        # started first, so that loading matplotlib overlaps reading the workbook
        with ChartWorker() as worker:
            return _run(args, formats, worker)
    return _run(args, formats, None)


def _run(args: argparse.Namespace, formats: tuple[str, ...], worker) -> int:  # noqa: ANN001
    from econ.api import evaluate_workbook, write_reports

    evaluation = evaluate_workbook(args.workbook)
    written = write_reports(evaluation, args.out, formats, args.lang, worker)
    _print_summary(evaluation)
    for path in written:
        print(f"wrote {path}")
    failures, warnings = evaluation.failures, evaluation.plausibility_warnings
    if failures or warnings:
        print(f"{len(failures)} published figure(s) differ or claims fail, {len(warnings)} other plausibility "
              f"warning(s): "
              f"see the Checks sheet or run 'econ check {args.workbook}'")
    return EXIT_OK


def _published(reference) -> str:  # noqa: ANN001 - Reference
    """A published figure, or a published range low-high, as the check prints it."""
    from econ.report.numbers import format_auto

    text = format_auto(reference.published, digits=8)
    return f"{text}–{format_auto(reference.published_high, digits=8)}" if reference.comparison == "in" else text


def _command_check(args: argparse.Namespace) -> int:
    from econ.api import evaluate_workbook, model_with_audits
    from econ.inputs.reader import read_plant
    from econ.model.figures import Figure
    from econ.report.numbers import format_auto, format_percent

    if args.list_inputs:
        plant = read_plant(args.workbook)
        for key, parameter in plant.parameters.items():
            print(f"{key:<40} {format_auto(parameter.value, digits=8):>16} {parameter.unit:<16} {parameter.label}")
        return EXIT_OK
    if args.list_quantities:
        plant = read_plant(args.workbook)
        for figure in model_with_audits(plant).figures:
            if isinstance(figure, Figure):
                print(f"{figure.key:<48} {figure.unit:<16} {figure.label}")
        return EXIT_OK

    evaluation = evaluate_workbook(args.workbook)
    plant = evaluation.plant
    comparisons = evaluation.comparisons
    print(f"{plant.file_name}: {len(comparisons)} published figures recomputed from the inputs")
    if comparisons:
        rows = [("id", "published", "computed", "deviation", "relative", "tolerance", "verdict")]
        for comparison in comparisons:
            reference = comparison.reference
            relative = comparison.relative_deviation
            rows.append((
                reference.id,
                f"{_published(reference)} {reference.unit}",
                format_auto(comparison.computed, digits=8),
                format_auto(comparison.deviation, digits=4) if reference.comparison == "=" else "",
                format_percent(relative, 3) if relative is not None and reference.comparison == "=" else "",
                f"±{format_auto(reference.tolerance)}" if reference.comparison == "=" else f"claim {reference.comparison}",
                comparison.verdict.upper() if not comparison.passed else comparison.verdict,
            ))
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        for row in rows:
            print("  " + "  ".join(text.ljust(width) if column in (0, 1, 6) else text.rjust(width)
                                   for column, (text, width) in enumerate(zip(row, widths))).rstrip())
    for comparison in evaluation.failures:
        reference = comparison.reference
        if reference.comparison == "=":
            print(f"  {reference.id}: the published {format_auto(reference.published, digits=8)} {reference.unit} does "
                  f"not follow from the inputs: {_definition(comparison)} gives "
                  f"{format_auto(comparison.computed, digits=8)}, a difference of "
                  f"{format_auto(comparison.deviation, digits=4)} {reference.unit}")
        else:
            print(f"  {reference.id}: claim '{reference.figure}' does not hold: {reference.quantity} = "
                  f"{format_auto(comparison.computed, digits=6)}, not {reference.comparison} "
                  f"{_published(reference)}")
    print(f"Plausibility audits: {len(evaluation.warnings)} warning(s)")
    for audit in evaluation.audits:
        print(f"  {'WARNING' if audit.status != 'ok' else 'ok':<7}  {audit.title()}: {audit.message()}")
    failures = evaluation.failures
    passed = len(comparisons) - len(failures)
    print(f"Summary: {passed} of {len(comparisons)} published figures agree or hold; "
          f"{len(failures)} differ or do not hold")
    return EXIT_CHECK_FAILED if failures else EXIT_OK


def _definition(comparison) -> str:  # noqa: ANN001 - regression.Comparison
    """``key = definition`` for a figure, the expression alone for arithmetic over figures."""
    quantity = comparison.reference.quantity
    return quantity if quantity.strip() == comparison.formula else f"{quantity} = {comparison.formula}"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``econ`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        if args.command == "run":
            return _command_run(args)
        if args.command == "compare":
            return _command_compare(args)
        if args.command == "breakeven":
            return _command_breakeven(args)
        return _command_check(args)
    except EconError as error:
        print(f"Error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Terminated:
        print("Error: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader of our output went away (econ check ... | head): not an error of econ's
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing again at exit
        return EXIT_OK


def console() -> int:
    """The installed ``econ`` command: :func:`main` with SIGTERM unwound like Ctrl-C, then a quick exit.

    What a PDF report leaves on the heap (WeasyPrint's layout, fonts) would be
    searched for cycles once more while the interpreter shuts down, about 0.4 s
    of a 2.5 s ``econ run``, to free memory the process is about to return to
    the system anyway. Freezing the collector skips that search; files are
    already closed and exit handlers still run. Callers of :func:`main` inside
    a longer-lived process (the tests) keep the normal collector.
    """
    signal.signal(signal.SIGTERM, _terminate)
    status = main()
    gc.freeze()
    return status


if __name__ == "__main__":
    sys.exit(console())
