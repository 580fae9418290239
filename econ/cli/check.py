"""``econ check``: published figures against computed ones, and the plausibility audits."""

from __future__ import annotations

import argparse

from econ.cli.problems import print_notes
from econ.cli.verdict_lines import print_verdict
from econ.cli.status import EXIT_CHECK_FAILED, EXIT_OK


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    check = commands.add_parser("check", help="recompute the published figures and run the plausibility audits",
                                description="Recompute every figure of WORKBOOK's References sheet from its inputs "
                                            "and print published, computed, deviation and verdict, then the "
                                            "plausibility audits. Exits 1 when a finding is material (a figure "
                                            "differs, or a claim fails, by more than its materiality).")
    check.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    check.add_argument("--list-quantities", action="store_true",
                       help="list the model quantities a reference may name, with their units, and exit")
    check.add_argument("--list-inputs", action="store_true",
                       help="list the input keys (for Alternatives and breakeven), with values and units, and exit")
    check.add_argument("--json", action="store_true",
                       help="print every figure, finding, audit and the verdict as JSON instead of the table")
    check.add_argument("--junit", metavar="FILE",
                       help="also write JUnit XML to FILE: a test case per published figure and per audit")
    check.set_defaults(execute=execute)


def _published(reference) -> str:  # noqa: ANN001 - Reference
    """A published figure, or a published range low-high, as the check prints it."""
    from econ.numbers import format_auto

    text = format_auto(reference.published, digits=8)
    return f"{text}–{format_auto(reference.published_high, digits=8)}" if reference.comparison == "in" else text


def execute(args: argparse.Namespace) -> int:
    from econ.api import evaluate_workbook, model_with_audits
    from econ.inputs.reader import read_plant
    from econ.model.figures import Figure
    from econ.numbers import format_auto, format_percent

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

    from econ.checks.findings import evaluation_findings, finding_of
    from econ.cli import check_output

    evaluation = evaluate_workbook(args.workbook)
    evaluation.break_even_outcomes()  # a BreakEven question econ run could not answer is refused here too
    plant = evaluation.plant
    comparisons = evaluation.comparisons
    findings = evaluation_findings(evaluation)
    material = [finding for finding in findings if finding.material]
    status = EXIT_CHECK_FAILED if material else EXIT_OK
    if args.junit:
        check_output.write_junit(evaluation, findings, args.junit)
    if args.json:
        check_output.print_json(evaluation, findings)
        return status
    owner = finding_of(findings)
    print(f"{plant.file_name}: {len(comparisons)} published figures recomputed from the inputs")
    print_notes(plant)
    if comparisons:
        rows = [("id", "published", "computed", "deviation", "relative", "tolerance", "attainable", "finding",
                 "verdict")]
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
                "" if comparison.low is None else
                f"{format_auto(comparison.low, digits=6)}–{format_auto(comparison.high, digits=6)}",
                owner.get(reference.id, ""),
                ("" if reference.kind == "published" else f"({reference.kind}) ")
                + (comparison.verdict.upper() if comparison.material else comparison.verdict),
            ))
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        for row in rows:
            print("  " + "  ".join(text.ljust(width) if column in (0, 1, 7, 8) else text.rjust(width)
                                   for column, (text, width) in enumerate(zip(row, widths))).rstrip())
    print(f"Findings: {len(findings)}, {len(material)} material (differing figures grouped by cause)")
    by_id = {comparison.reference.id: comparison for comparison in comparisons}
    for finding in findings:
        print(f"  {finding.id}{'' if finding.material else ' (immaterial)'}: {finding.text(plant)}; "
              f"explains {', '.join(finding.figures)}")
        for figure in finding.figures:
            _print_failure(by_id[figure])
    apart = [c for c in comparisons if c.reference.kind != "published" or c.verdict == "not tested"]
    if apart:
        print(f"Not published figures or not tested: {len(apart)} (not counted as evidence): "
              + ", ".join(f"{c.reference.id} ({c.reference.kind}, {c.verdict})" for c in apart))
    print(f"Plausibility audits: {len(evaluation.warnings)} warning(s)")
    for audit in evaluation.audits:
        print(f"  {'WARNING' if audit.status != 'ok' else 'ok':<7}  {audit.title()}: {audit.message()}")
    print_verdict(evaluation)
    print(summary_line(comparisons, findings))
    return status


def summary_line(comparisons, findings) -> str:  # noqa: ANN001 - lists of Comparison and Finding
    """The last line of ``econ check``: the published figures by verdict, then the findings that explain them."""
    published = [c for c in comparisons if c.evidence]
    failed = [c for c in published if not c.passed]
    rounding = sum(c.verdict.endswith("within input rounding") for c in published)
    material = sum(finding.material for finding in findings)
    apart = len(comparisons) - len(published)
    return (f"Summary: {len(published) - len(failed)} of {len(published)} published figures agree or hold "
            f"({rounding} within input rounding); {len(failed)} differ or do not hold, explained by "
            f"{len(findings)} finding(s), {material} material"
            + (f"; {apart} derived, assumed or not tested row(s) apart" if apart else ""))


def _print_failure(comparison) -> None:  # noqa: ANN001 - regression.Comparison
    """One figure of a finding: what the inputs give, and the gap beyond their rounding."""
    from econ.numbers import format_auto, format_percent

    reference = comparison.reference
    if reference.comparison == "=":
        beyond = "" if comparison.low is None else (
            f" ({format_auto(comparison.gap, digits=4)} {reference.unit} beyond what the inputs' rounding reaches, "
            f"{format_auto(comparison.low, digits=6)} to {format_auto(comparison.high, digits=6)})")
        relative = comparison.relative_deviation
        print(f"    {reference.id}: the published {format_auto(reference.published, digits=8)} {reference.unit} does "
              f"not follow from the inputs: {_definition(comparison)} gives "
              f"{format_auto(comparison.computed, digits=8)}, a difference of "
              f"{format_auto(comparison.deviation, digits=4)} {reference.unit}"
              + ("" if relative is None else f" ({format_percent(relative, 3)})") + beyond)
    else:
        print(f"    {reference.id}: claim '{reference.figure}' does not hold: {reference.quantity} = "
              f"{format_auto(comparison.computed, digits=6)}, not {reference.comparison} "
              f"{_published(reference)}")


def _definition(comparison) -> str:  # noqa: ANN001 - regression.Comparison
    """``key = definition`` for a figure, the expression alone for arithmetic over figures."""
    quantity = comparison.reference.quantity
    return quantity if quantity.strip() == comparison.formula else f"{quantity} = {comparison.formula}"
