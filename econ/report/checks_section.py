"""The report's regression check: the published figures recomputed, with their deviations and verdicts.

The body of the report carries a summary (the figures counted by verdict, the findings by cause); the
table of every figure goes to an appendix when it is long (more than :data:`BODY_ROWS` rows). In the
table the computed figure, its deviation and its tolerance share one rule for their decimals: those of
the published figure as printed, two more for the computed figure and one more for the deviation and the
tolerance, each with the figure's unit; the relative deviation is in percent with one decimal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ import i18n
from econ.report.document_tables import Table, _Formatter, _shown_unit, readable

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

BODY_ROWS = 12  # a check table of more rows than this goes to the appendix, the body keeps its summary
_VERDICT_ORDER = ("agrees", "agrees within input rounding", "holds", "holds within input rounding", "differs",
                  "does not hold", "not tested")


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


@dataclass
class ChecksSummary:
    """What the body of the report says of the regression check."""

    counts: str  # "3 published figures recomputed: agrees 1; differs 2."
    findings: list[str] = field(default_factory=list)  # a sentence per finding
    findings_lead: str = ""
    where: str = ""  # where the full table is, when it is in the appendix
    in_appendix: bool = False


def checks_summary(evaluation: Evaluation, table: Table, fmt: _Formatter, lang: str) -> ChecksSummary:
    """The counts of the figures by verdict, the findings, and whether the table goes to the appendix."""
    from econ.checks.findings import evaluation_findings

    counts = Counter(comparison.verdict for comparison in evaluation.comparisons)
    verdicts = "; ".join(f"{_text(f'verdict.{verdict}', lang)}: {fmt.number(counts[verdict])}"
                         for verdict in _VERDICT_ORDER if counts[verdict])
    summary = ChecksSummary(_text("report.checks.counts", lang, count=len(evaluation.comparisons), verdicts=verdicts))
    summary.findings = [f"{finding.id}: {readable(finding.text(evaluation.plant, lang), evaluation, lang)}"
                        for finding in evaluation_findings(evaluation)]
    summary.findings_lead = _text("report.checks.findings", lang)
    summary.in_appendix = len(table.rows) > BODY_ROWS
    if summary.in_appendix:
        summary.where = _text("report.checks.in_appendix", lang, rows=len(table.rows))
    return summary


def _checks_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    headers = [_text(f"report.col.{name}", lang) for name in
               ("id", "figure", "unit", "published", "computed", "deviation", "tolerance", "verdict")]
    # one unit per row, in its own column: the numbers of a row are all in it (a difference of percentages in
    # percentage points, said in its cell), so the number columns stay narrow enough for the figure's name
    table = Table("checks", _text("report.checks_caption", lang), headers,
                  ["l", "l", "l", "r", "r", "r", "r", "l"], [9, 25, 9, 10, 10, 12, 7, 18])
    from econ.checks.findings import evaluation_findings, ordered_by_finding

    # findings first, each a section row with its cause, then its figures; then the other published
    # figures; then the rows that are not published figures (derived, assumed) or not tested
    findings = evaluation_findings(evaluation)
    heading_before = {finding.figures[0]: f"{finding.id}: {readable(finding.text(evaluation.plant, lang), evaluation, lang)}"
                      for finding in findings}
    ordered = ordered_by_finding(evaluation.comparisons, findings)
    placed = {figure for finding in findings for figure in finding.figures}
    first_other = next((c.reference.id for c in ordered if c.reference.id not in placed and c.evidence), None)
    first_apart = next((c.reference.id for c in ordered if not c.evidence), None)
    if findings and first_other is not None:
        heading_before[first_other] = _text("report.checks.other", lang)
    if first_apart is not None:
        heading_before[first_apart] = _text("report.checks.apart", lang)
    for comparison in ordered:
        reference = comparison.reference
        if reference.id in heading_before:
            table.add([heading_before[reference.id], "", "", "", "", "", "", ""], "section")
        unit = _shown_unit(reference.unit, fmt)
        printed = _printed_decimals(reference.published)
        decimals = min(printed + 2, 8)  # the computed figure, two decimals finer than the published one
        fine = min(printed + 1, 8)  # its deviation and the tolerance, one decimal finer
        # a difference of two figures in % is in percentage points, said in its cell; any other is in the row's unit
        difference_unit = _text("unit.percentage_points", lang) if unit == "%" else ""
        relative = comparison.relative_deviation
        deviation = tolerance = "—"
        if reference.comparison == "=":
            deviation = f"{fmt.number(comparison.deviation, fine)} {difference_unit}".strip()
            if relative is not None and comparison.deviation != 0:  # one decimal; below it, "< 0.1 %"
                shown = fmt.percent(relative, 1) if abs(relative) >= 0.0005 else f"< {fmt.percent(0.001, 1)}"
                deviation += f" ({shown})"
            tolerance = f"±{fmt.number(reference.tolerance, fine)} {difference_unit}".strip()
        if reference.comparison == "in":  # a range the text gives: "17.3–48.5 %"
            published = f"{fmt.auto(reference.published, 8)}–{fmt.auto(reference.published_high, 8)}"
        else:  # a figure, or a claim with its comparison: "< 110 kWh/t"
            claim = "" if reference.comparison == "=" else f"{reference.comparison} "
            published = f"{claim}{fmt.auto(reference.published, 8)}"
        table.add([
            reference.id, reference.figure, unit, published,
            fmt.number(comparison.computed, decimals), deviation, tolerance,
            i18n.text(f"verdict.{comparison.verdict}", lang)
            + ("" if reference.kind == "published" else f" ({_text(f'report.checks.kind.{reference.kind}', lang)})"),
        ], "warning" if comparison.material else "")
    return table


def _printed_decimals(value: float) -> int:
    """The decimals a published figure was printed with (38.2 -> 1, 381968 -> 0), as read from the workbook."""
    text = f"{value:.10f}".rstrip("0")
    return len(text.partition(".")[2])
