"""The results workbook's Checks sheet: the findings, each published figure recomputed by a live formula
with its verdict rule, and the plausibility audits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from xlsxwriter.utility import xl_rowcol_to_cell

from econ import i18n
from econ.checks.regression import AGREES, AGREES_ROUNDING, DIFFERS, DOES_NOT_HOLD, HOLDS, HOLDS_ROUNDING, NOT_TESTED
from econ.model.figures import CHECKS
from econ.report.xlsx_names import alternative_sheet
from econ.report.xlsx_texts import text as workbook_text
from econ.report.xlsx_styles import set_widths

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from econ.report.xlsx import _Writer


class Cells(Protocol):
    def locate(self, key: str, year: int | None = None) -> tuple[str, str]: ...


@dataclass
class Prefixed:
    """The cells of an alternative: the base case's layout on the sheets named with ``prefix``."""

    cells: Cells
    prefix: str

    def locate(self, key: str, year: int | None = None) -> tuple[str, str]:
        sheet, address = self.cells.locate(key, year)
        return alternative_sheet(self.prefix, sheet), address


def plan_checks(writer: _Writer) -> int:
    """Rows of the regression table; returns the first row free for the audit figures."""
    if writer.is_alternative:  # the published figures are about the base case
        writer.check_rows, writer.audit_row = [], 0
        return 2
    from econ.checks.findings import evaluation_findings, ordered_by_finding

    # findings first (one row each, at least one), then the figures by finding, then the rows apart
    writer.findings = evaluation_findings(writer.evaluation)
    writer.figures_row = 2 + max(len(writer.findings), 1) + 1
    writer.check_rows = [(writer.figures_row + 2 + offset, comparison) for offset, comparison in
                       enumerate(ordered_by_finding(writer.evaluation.comparisons, writer.findings))]
    end = writer.figures_row + 2 + len(writer.check_rows) + 2
    writer.audit_row = end
    return end + len(writer.evaluation.audits) + 3


def _verdict(verdict: str, lang: str) -> str:
    """A verdict in ``lang``, as the Checks sheet's formulas write it and cache it."""
    return i18n.text(f"verdict.{verdict}", lang)


def _status(status: str, lang: str) -> str:
    """An audit's status: "ok", or the warning in capitals."""
    shown = i18n.text(f"status.{status}", lang)
    return shown if status == "ok" else shown.upper()


def write_checks(writer: _Writer) -> None:
    """The Checks sheet of the base case: the findings, every published figure recomputed by a live formula
    with its verdict rule, the plausibility audits; an alternative's sheet only heads its audit figures."""
    sheet, lang = writer.sheets[CHECKS], writer.lang
    if writer.is_alternative:
        sheet.write_string(0, 0, f"Audit figures of {writer.title_text}", writer.section)
        return
    _write_findings(writer, sheet)
    _write_comparisons(writer, sheet)
    sheet.write_string(writer.audit_row, 0, "Plausibility audits", writer.section)
    for column, text in enumerate(("Audit", "Status", "Finding (written at run time)")):
        sheet.write_string(writer.audit_row + 1, column, text, writer.header)
    for offset, audit in enumerate(writer.evaluation.audits):
        row = writer.audit_row + 2 + offset
        sheet.write_string(row, 0, audit.title(lang), writer.wrap)
        sheet.write_string(row, 1, _status(audit.status, lang), writer.bold)
        sheet.write_string(row, 2, audit.message(lang), writer.wrap)
    sheet.freeze_panes(0, 1)
    set_widths(sheet, (40, 40) + (14,) * 8 + (30, 50, 50, 14, 16, 16, 12, 10))


def _write_findings(writer: _Writer, sheet: Worksheet) -> None:
    """The findings at the top of the sheet: the figures that differ, grouped by cause, a row each."""
    sheet.write_string(0, 0, "Findings: the figures that differ, grouped by cause (written at run time)",
                       writer.section)
    for column, text in enumerate(("Finding", "Material", "Figures it explains", "Cause (written at run time)")):
        sheet.write_string(1, column, text, writer.header)
    if not writer.findings:
        sheet.write_string(2, 0, "none: every published figure agrees or holds, within its inputs' rounding")
    for offset, finding in enumerate(writer.findings):
        sheet.write_string(2 + offset, 0, finding.id, writer.bold)
        sheet.write_string(2 + offset, 1, "material" if finding.material else "immaterial")  # via HEADERS
        sheet.write_string(2 + offset, 2, ", ".join(finding.figures), writer.wrap)
        sheet.write_string(2 + offset, 3, finding.text(writer.plant, writer.lang), writer.wrap)


def _write_comparisons(writer: _Writer, sheet: Worksheet) -> None:
    """Each published figure (rows planned by :func:`plan_checks`): the figure recomputed by a live formula, its
    deviation, tolerance and the attainable range, and its verdict as a formula over them."""
    lang = writer.lang
    sheet.write_string(writer.figures_row, 0, "Published figures recomputed from the inputs, by finding; rows "
                                            "that are not published figures (derived, assumed, not tested) last",
                       writer.section)
    headers = ("ID", "Figure", "Published", "Unit", "Computed", "Deviation", "Relative deviation", "Tolerance",
               "Comparison", "Verdict", "Model quantity", "Source", "Note", "Published high (range)",
               "Attainable low (input rounding, run time)", "Attainable high (input rounding, run time)", "Kind",
               "Finding")
    for column, text in enumerate(headers):
        sheet.write_string(writer.figures_row + 1, column, text, writer.header)
    shown = lambda value: writer.formats[writer.input_style(value)]  # whole numbers without "."
    owner = {figure: finding.id for finding in writer.findings for figure in finding.figures}
    for row, comparison in writer.check_rows:
        reference = comparison.reference
        cell = lambda column: xl_rowcol_to_cell(row, column)  # noqa: E731
        cells: object = writer.cells
        if reference.case:  # an alternative's sheets repeat the base case's layout under their prefix
            number = [a.name for a in writer.plant.alternatives].index(reference.case) + 1
            cells = Prefixed(writer.cells, writer.prefixes[number - 1])
        figure_cell = comparison.quantity.expr.excel(cells, writer.name(CHECKS))
        if comparison.quantity.key is None:
            figure_cell = f"({figure_cell})"
        sheet.write_string(row, 0, reference.id)
        sheet.write_string(row, 1, reference.figure, writer.wrap)
        sheet.write_number(row, 2, reference.published, shown(reference.published))
        sheet.write_string(row, 3, reference.unit if lang == "en" else i18n.unit(reference.unit, lang))
        computed = figure_cell if comparison.factor == 1 else f"{figure_cell}*{comparison.factor!r}"
        sheet.write_formula(row, 4, f"={computed}", shown(comparison.computed), comparison.computed)
        sheet.write_formula(row, 5, f"={cell(4)}-{cell(2)}", shown(comparison.deviation), comparison.deviation)
        relative = comparison.relative_deviation
        sheet.write_formula(row, 6, f'=IF({cell(2)}=0,"",{cell(5)}/{cell(2)})', writer.formats["fraction"],
                            "" if relative is None else relative)
        sheet.write_number(row, 7, reference.tolerance, shown(reference.tolerance))
        sheet.write_string(row, 8, workbook_text("checks.in", lang) if reference.comparison == "in"
                           else reference.comparison)
        # the range the inputs' rounding reaches (econ.checks.rounding), computed at run time
        low, high = (comparison.computed if value is None else value for value in (comparison.low, comparison.high))
        sheet.write_number(row, 14, min(low, comparison.computed), shown(min(low, comparison.computed)))
        sheet.write_number(row, 15, max(high, comparison.computed), shown(max(high, comparison.computed)))
        sheet.write_string(row, 16, i18n.text(f"report.checks.kind.{reference.kind}", lang))
        sheet.write_string(row, 17, owner.get(reference.id, ""))
        if reference.comparison == "in":  # the published range's high end in column N
            sheet.write_number(row, 13, reference.published_high, shown(reference.published_high))
        rule = _verdict_rule(reference.comparison, row, lang)
        if comparison.verdict == NOT_TESTED:  # every input an assumption: nothing to test
            rule = f'="{_verdict(NOT_TESTED, lang)}"'
        sheet.write_formula(row, 9, rule, writer.bold, _verdict(comparison.verdict, lang))
        sheet.write_string(row, 10, reference.quantity)
        sheet.write_string(row, 11, reference.source, writer.wrap)
        sheet.write_string(row, 12, reference.note, writer.wrap)
        writer.formula_count += 4


def _verdict_rule(comparison: str, row: int, lang: str) -> str:
    """The verdict formula of a check row: over its published figure (C), computed figure (E), deviation (F),
    tolerance (H), the published range's high end (N) and the attainable range (O, P), by its comparison."""
    agrees, agrees_rounding, differs, holds, holds_rounding, does_not_hold = (
        _verdict(verdict, lang) for verdict in (AGREES, AGREES_ROUNDING, DIFFERS, HOLDS, HOLDS_ROUNDING,
                                                DOES_NOT_HOLD))
    cell = lambda column: xl_rowcol_to_cell(row, column)  # noqa: E731
    low_cell, high_cell = cell(14), cell(15)
    if comparison == "=":
        return (f'=IF(ABS({cell(5)})<={cell(7)},"{agrees}",IF(AND({cell(2)}>={low_cell}-{cell(7)},'
                f'{cell(2)}<={high_cell}+{cell(7)}),"{agrees_rounding}","{differs}"))')
    if comparison == "in":  # within the published range
        return (f'=IF(AND({cell(4)}>={cell(2)},{cell(4)}<={cell(13)}),"{holds}",IF(AND({high_cell}>{cell(2)},'
                f'{low_cell}<{cell(13)}),"{holds_rounding}","{does_not_hold}"))')
    bound = high_cell if comparison == ">" else low_cell
    return (f'=IF({cell(4)}{comparison}{cell(2)},"{holds}",IF({bound}{comparison}'
            f'{cell(2)},"{holds_rounding}","{does_not_hold}"))')
