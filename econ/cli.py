"""Command line: ``econ run`` and ``econ check``, thin over :mod:`econ.api`.

Errors econ raises on purpose become one line, ``Error: ...``, on standard
error with exit status 2. ``econ check`` exits 1 when a published figure
differs from its recomputed value or a claim does not hold.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from econ import __version__
from econ.errors import EconError

EXIT_OK, EXIT_CHECK_FAILED, EXIT_ERROR = 0, 1, 2


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
    return parser


def _print_summary(evaluation) -> None:  # noqa: ANN001 - econ.api.Evaluation, imported lazily
    from econ.report.numbers import format_auto, format_number, format_percent

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
        values = results.metrics[key]
        if int(values.status) == 0:
            value = float(values.value)
            text = format_percent(value) if key == "irr" else f"{format_auto(value)} years"
        else:
            text = values.describe()
            if values.roots:
                text += " (" + ", ".join(format_percent(root) for root in values.roots) + ")"
        lines.append((label, text))
    width = max(len(label) for label, _ in lines)
    for label, text in lines:
        print(f"  {label:<{width}}  {text}")


def _command_run(args: argparse.Namespace) -> int:
    formats = tuple(name.strip().lower() for name in args.format.split(",") if name.strip())
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
    failures, warnings = evaluation.failures, evaluation.warnings
    if failures or warnings:
        print(f"{len(failures)} published figure(s) differ or claims fail, {len(warnings)} plausibility warning(s): "
              f"see the Checks sheet or run 'econ check {args.workbook}'")
    return EXIT_OK


def _command_check(args: argparse.Namespace) -> int:
    from econ.api import evaluate_workbook, model_with_audits
    from econ.inputs.reader import read_plant
    from econ.model.figures import Figure
    from econ.report.numbers import format_auto, format_percent

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
                f"{format_auto(reference.published, digits=8)} {reference.unit}",
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
                  f"not follow from the inputs: {reference.quantity} = {comparison.formula} gives "
                  f"{format_auto(comparison.computed, digits=8)}, a difference of "
                  f"{format_auto(comparison.deviation, digits=4)} {reference.unit}")
        else:
            print(f"  {reference.id}: claim '{reference.figure}' does not hold: {reference.quantity} = "
                  f"{format_auto(comparison.computed, digits=6)}, not {reference.comparison} "
                  f"{format_auto(reference.published)}")
    print(f"Plausibility audits: {len(evaluation.warnings)} warning(s)")
    for audit in evaluation.audits:
        print(f"  {'WARNING' if audit.status != 'ok' else 'ok':<7}  {audit.title()}: {audit.message()}")
    failures = evaluation.failures
    passed = len(comparisons) - len(failures)
    print(f"Summary: {passed} of {len(comparisons)} published figures agree or hold; "
          f"{len(failures)} differ or do not hold")
    return EXIT_CHECK_FAILED if failures else EXIT_OK


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
        return _command_check(args)
    except EconError as error:
        print(f"Error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
