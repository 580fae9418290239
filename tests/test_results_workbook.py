"""The results workbook, checked through what a reader sees.

LibreOffice recalculates every formula (through UNO, headless) and each result
must equal the value econ cached; openpyxl and pandas must see numbers.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

from econ.api import evaluate_workbook, write_reports
from econ.model.figures import Figure, MetricFigure, YearlyFigure
from econ.report.xlsx import SHEET_ORDER
from tests.support.libreoffice import compare, office_or_skip, recalculate


@pytest.fixture(scope="module")
def office():
    with office_or_skip() as running:
        yield running


@pytest.fixture(scope="module")
def cr_workbook(tmp_path_factory, cr_evaluation):
    out = tmp_path_factory.mktemp("reports")
    (path,) = write_reports(cr_evaluation, out, ("xlsx",), lang="en")
    return path


def _derived_numbers(evaluation) -> int:
    """How many derived numbers the model has for this case (yearly rows count each year)."""
    count = 0
    for figure in evaluation.model.figures:
        if isinstance(figure, YearlyFigure):
            count += len(figure.exprs)
        elif isinstance(figure, (Figure, MetricFigure)):
            count += 1
    return count + 3 * len(evaluation.comparisons)  # computed, deviation, relative deviation


def test_sheets_in_order(cr_workbook):
    book = openpyxl.load_workbook(cr_workbook)
    assert tuple(book.sheetnames) == SHEET_ORDER


def test_libreoffice_recalculation_agrees_with_every_cached_value(cr_workbook, cr_evaluation, office):
    result = recalculate(cr_workbook, office)
    assert compare(result, rel_tol=1e-9) == []
    assert not any(cell.error for cell in result.formulas)
    assert len(result.formulas) >= _derived_numbers(cr_evaluation)


def test_undefined_metrics_are_text_that_libreoffice_reproduces(edited_workbook, tmp_path, office):
    """Without by-product revenue the cash flow never turns positive: IRR and payback say why."""
    source = edited_workbook({"ByProducts!E3": 0})
    evaluation = evaluate_workbook(source)
    (path,) = write_reports(evaluation, tmp_path / "out", ("xlsx",), lang="en")
    result = recalculate(path, office)
    assert compare(result) == []
    summary = pd.read_excel(path, sheet_name="Summary", header=None)
    text = summary.astype(str).to_string()
    assert "undefined: cash flow never changes sign" in text
    assert "not reached within 10 years" in text
    assert "nan" not in summary.iloc[8:, 1].astype(str).str.lower().tolist()


def test_cached_values_are_numbers_for_readers_that_do_not_calculate(cr_workbook, cr_evaluation):
    values = openpyxl.load_workbook(cr_workbook, data_only=True)
    formulas = openpyxl.load_workbook(cr_workbook)
    opex = formulas["OPEX"]
    row = next(r for r in range(1, opex.max_row + 1) if opex.cell(r, 5).value == "opex_per_month")
    assert formulas["OPEX"].cell(row, 2).value.startswith("=SUM(")
    assert values["OPEX"].cell(row, 2).value == pytest.approx(cr_evaluation.results.scalar("opex_per_month"))
    frame = pd.read_excel(cr_workbook, sheet_name="Cash flow")
    net = frame[frame["Item"] == "Net cash flow"].iloc[0, 2:].astype(float)
    assert list(net) == pytest.approx(list(cr_evaluation.results["cf.net_cash_flow"]))


def test_formulas_refer_to_the_cells_they_are_computed_from(cr_workbook):
    book = openpyxl.load_workbook(cr_workbook)
    energy = book["Energy"]
    cells = {energy.cell(r, 5).value: energy.cell(r, 2).value for r in range(1, energy.max_row + 1)}
    # energy cost = energy per month x the tariff echoed on the Inputs sheet, both by their defined names
    assert cells["energy_cost_per_month"] == "=energy_per_month*electricity_price"
    summary = book["Summary"]
    npv = next(summary.cell(r, 2).value for r in range(1, summary.max_row + 1)
               if summary.cell(r, 1).value == "Net present value (NPV)")
    assert npv.startswith("='Cash flow'!C") and "+NPV(discount_rate,'Cash flow'!D" in npv  # CF0 + NPV(rate, CF1:CFn)


def test_checks_sheet_verdicts_are_formulas(cr_workbook):
    book = openpyxl.load_workbook(cr_workbook)
    values = openpyxl.load_workbook(cr_workbook, data_only=True)["Checks"]
    checks = book["Checks"]
    verdicts = {checks.cell(r, 1).value: (checks.cell(r, 10).value, values.cell(r, 10).value)
                for r in range(1, checks.max_row + 1)}
    assert verdicts["T3-energy"][0].startswith("=IF(ABS(")
    assert verdicts["T3-energy"][1] == "agrees within input rounding"  # 7 920 kWh printed to the kWh
    assert "input rounding" in verdicts["T3-energy"][0]
    assert verdicts["E-cost-text"][1] == "differs"
    assert verdicts["T3-labour"][1] == "agrees"
    assert verdicts["CLAIM-4x"][1] == "does not hold"


def test_checks_sheet_lists_findings_first_then_figures_by_finding(cr_workbook):
    checks = openpyxl.load_workbook(cr_workbook)["Checks"]
    column = [checks.cell(r, 1).value for r in range(1, checks.max_row + 1)]
    assert column[:3] == ["Findings: the figures that differ, grouped by cause (written at run time)", "Finding", "F1"]
    assert checks.cell(3, 4).value == "a unit slip: the published figure is the computed one times 1,000"
    assert checks.cell(4, 3).value == "CLAIM-4x"
    figures = column.index("ID")
    assert column[figures + 1:figures + 3] == ["E-cost-text", "CLAIM-4x"]  # F1's figure, then F2's
    assert checks.cell(figures + 2, 18).value == "F1"


def test_number_formats_and_frozen_headers(cr_workbook):
    book = openpyxl.load_workbook(cr_workbook)
    assert book["Cash flow"].freeze_panes == "C2"
    assert book["Inputs"].freeze_panes == "A9"
    assert book["Cash flow"]["C10"].number_format == "#,##0"  # whole roubles, as the report shows money
    assert book["Cash flow"].column_dimensions["A"].width > 30
