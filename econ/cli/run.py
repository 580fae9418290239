"""``econ run``: evaluate a workbook, write the results workbook and the report, print a summary."""

from __future__ import annotations

import argparse
import sys

from econ.cli.problems import print_notes
from econ.cli.status import EXIT_OK
from econ.cli.verdict_lines import print_verdict
from econ.errors import EconError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    run = commands.add_parser("run", help="evaluate a workbook and write the results workbook and the report",
                              description="Evaluate WORKBOOK and write DIR/NAME.xlsx, a results workbook whose "
                                          "every derived number is a live formula with econ's value cached, and "
                                          "DIR/NAME.pdf, the feasibility report (and DIR/NAME.html if asked).")
    run.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx); it is never modified")
    run.add_argument("-o", "--out", metavar="DIR", default="reports", help="output folder (default: reports)")
    run.add_argument("--format", metavar="LIST", default="xlsx,pdf",
                     help="reports to write, comma-separated from xlsx, pdf, html (default: xlsx,pdf)")
    run.add_argument("--lang", choices=("ru", "en"), default=None,
                     help="language of the reports, the results workbook included (default: the workbook's Project!language)")
    run.add_argument("--uncertainty", type=int, metavar="N", default=None,
                     help="run the sensitivity and Monte Carlo analysis with N samples for the reports (default: "
                          "20000 when the workbook has an Uncertainty sheet, else none; 0: none)")
    run.add_argument("--seed", type=int, default=0, metavar="S",
                     help="random seed of the Monte Carlo (0): the same seed, the same numbers")
    run.add_argument("--sobol", nargs="?", type=int, const=1024, metavar="BASE",
                     help="add Sobol indices of NPV to the analysis, from BASE x (inputs + 2) evaluations (1024)")
    run.set_defaults(execute=execute)


def _print_summary(evaluation) -> None:  # noqa: ANN001 - econ.api.Evaluation, imported lazily
    from econ.report.document import metric_text
    from econ.numbers import format_number, format_percent

    results, plant = evaluation.results, evaluation.plant
    cur = plant.currency
    print(f"{plant.name}")
    from econ.checks.verdict import verdict_of

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
    if not verdict_of(evaluation).shows_npv:  # neither capital nor operating cost: the products' value only
        lines = lines[:2] + [("Value of products sold", lines[2][1] + " (not a feasibility result)")]
    width = max(len(label) for label, _ in lines)
    for label, text in lines:
        print(f"  {label:<{width}}  {text}")


def _analyse(args: argparse.Namespace, evaluation) -> None:  # noqa: ANN001 - econ.api.Evaluation
    """The risk analysis when the workbook has an Uncertainty sheet or --uncertainty N asks for one."""
    from econ.api import analyse_uncertainty
    from econ.model.risk import REPORT_SAMPLES, has_uncertainty_sheet

    samples = args.uncertainty
    if samples is None:
        samples = REPORT_SAMPLES if has_uncertainty_sheet(evaluation.plant) or args.sobol is not None else 0
    if samples == 0:
        return
    if samples < 2:
        raise EconError(f"--uncertainty {samples}: expected at least 2 samples, or 0 for no analysis")
    if args.seed < 0:
        raise EconError(f"--seed {args.seed}: expected a whole number of 0 or more")
    analyse_uncertainty(evaluation, samples, args.seed, args.sobol)


def execute(args: argparse.Namespace) -> int:
    formats = tuple(name.strip().lower() for name in args.format.split(",") if name.strip())
    if not formats:
        raise EconError(f"--format {args.format!r}: expected one or more of xlsx, pdf, html, comma-separated")
    from econ.report.timestamp import report_time

    report_time()  # a bad SOURCE_DATE_EPOCH is refused before anything reads it (numpy's f2py does, on import)
    _import_pint_without_dask()
    if {"pdf", "html"} & set(formats):
        from econ.report.workers import ChartWorker

        # started first, so that loading matplotlib and WeasyPrint overlaps reading the workbook
        with ChartWorker(pdf="pdf" in formats) as worker:
            return _run(args, formats, worker)
    return _run(args, formats, None)


def _import_pint_without_dask() -> None:
    """Import pint as if dask were not installed: econ run makes no dask arrays.

    pint.compat imports ``dask.base`` whenever dask is installed, to recognise
    dask arrays of quantities: 0.13 s of a quiet machine's run (0.3 s on a busy
    one, measured with ``-X importtime``), before the workbook is read. A
    ``None`` in ``sys.modules`` makes ``find_spec("dask")`` answer "absent" while
    pint is imported; it is removed afterwards, so dask can still be imported.
    """
    if "pint" in sys.modules or "dask" in sys.modules:
        return
    sys.modules["dask"] = None  # type: ignore[assignment]
    try:
        import pint  # noqa: F401
    finally:
        if "dask" in sys.modules and sys.modules["dask"] is None:
            del sys.modules["dask"]


def _run(args: argparse.Namespace, formats: tuple[str, ...], worker) -> int:  # noqa: ANN001
    from econ.api import evaluate_for_report, write_reports

    evaluation = evaluate_for_report(args.workbook, args.lang)  # its texts in the report's language
    _analyse(args, evaluation)
    written = write_reports(evaluation, args.out, formats, args.lang, worker)
    _print_summary(evaluation)
    print_verdict(evaluation)
    print_notes(evaluation.plant)
    for path in written:
        print(f"wrote {path}")
    failures, warnings = evaluation.failures, evaluation.plausibility_warnings
    if failures or warnings:
        print(f"{len(failures)} published figure(s) differ or claims fail, {len(warnings)} other plausibility "
              f"warning(s): "
              f"see the Checks sheet or run 'econ check {args.workbook}'")
    return EXIT_OK
