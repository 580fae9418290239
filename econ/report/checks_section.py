"""The report's regression check: the published figures recomputed, with their deviations and verdicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from econ import i18n
from econ.report.document_tables import Table, _Formatter, _shown_unit

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


def _checks_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    headers = [_text(f"report.col.{name}", lang) for name in
               ("id", "figure", "published", "computed", "deviation", "tolerance", "verdict")]
    table = Table("checks", _text("report.checks_caption", lang), headers, ["l", "l", "r", "r", "r", "r", "l"],
                  [13, 16, 18, 12, 16, 9, 16])
    from econ.checks.findings import evaluation_findings, ordered_by_finding

    # findings first, each a section row with its cause, then its figures; then the other published
    # figures; then the rows that are not published figures (derived, assumed) or not tested
    findings = evaluation_findings(evaluation)
    heading_before = {finding.figures[0]: f"{finding.id}: {finding.text(evaluation.plant, lang)}"
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
            table.add([heading_before[reference.id], "", "", "", "", "", ""], "section")
        unit = _shown_unit(reference.unit, fmt)
        # the computed figure in the published unit, two decimals finer than the published one
        decimals = min(_printed_decimals(reference.published) + 2, 8)
        relative = comparison.relative_deviation
        deviation = ""
        if reference.comparison == "=":
            deviation = fmt.auto(comparison.deviation, 4)
            if relative is not None and comparison.deviation != 0:
                deviation += f" ({fmt.percent(relative, 3)})"
        if reference.comparison == "in":  # a range the text gives: "17.3–48.5 %"
            published = f"{fmt.auto(reference.published, 8)}–{fmt.auto(reference.published_high, 8)}"
        else:  # a figure, or a claim with its comparison: "< 110 kWh/t"
            claim = "" if reference.comparison == "=" else f"{reference.comparison} "
            published = f"{claim}{fmt.auto(reference.published, 8)}"
        table.add([
            reference.id, reference.figure,
            f"{published} {unit}".strip(),
            f"{fmt.number(comparison.computed, decimals)} {unit}".strip(), deviation,
            f"±{fmt.auto(reference.tolerance)}" if reference.comparison == "=" else "—",
            i18n.text(f"verdict.{comparison.verdict}", lang)
            + ("" if reference.kind == "published" else f" ({_text(f'report.checks.kind.{reference.kind}', lang)})"),
        ], "warning" if comparison.material else "")
    return table


def _printed_decimals(value: float) -> int:
    """The decimals a published figure was printed with (38.2 -> 1, 381968 -> 0), as read from the workbook."""
    text = f"{value:.10f}".rstrip("0")
    return len(text.partition(".")[2])
