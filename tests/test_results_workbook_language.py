"""The results workbook follows ``--lang`` as the PDF does (issue 15, item 5): read back with openpyxl.

A Russian workbook holds no English word of four letters or more, except what is not prose: sheet names
(of the results and of the input workbook), the keys and the reference IDs, the input file's name and its
SHA-256, and the few names listed in ``ALLOWED`` below. Whole numbers are shown without a decimal separator
in both languages ("8", not Excel's "8." of ``#,##0.######``).
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from econ.api import analyse_uncertainty, evaluate_workbook, write_reports
from tests.conftest import CR_SCHEME, INPUTS
from tests.support.libreoffice import compare, office_or_skip, recalculate

PB = INPUTS / "pb_electrorefining.xlsx"
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")
ALLOWED = {
    "econ",  # the program's name ("рассчитано econ")
    "Excel",  # "функция NPV() Excel ..." (the convention note on Excel's NPV)
    "PbCl",  # PbCl2, a chemical formula in a Pb source
    "roundup",  # a function in the Definition column, written over the keys
}


@pytest.fixture(scope="module")
def pb_evaluation():
    return evaluate_workbook(PB)


@pytest.fixture(scope="module")
def russian(tmp_path_factory, pb_evaluation):
    """The Russian results workbooks of the Cr and Pb schemes: name -> (evaluation, path); the Cr one with
    its Sensitivity sheet (the tornado's ranges do not depend on the number of samples)."""
    out = tmp_path_factory.mktemp("ru")
    cr_evaluation = evaluate_workbook(CR_SCHEME)
    analyse_uncertainty(cr_evaluation, 200, 0)
    written = {}
    for name, evaluation in (("cr", cr_evaluation), ("pb", pb_evaluation)):
        (path,) = write_reports(evaluation, out / name, ("xlsx",), lang="ru")
        written[name] = (evaluation, path)
    return written


@pytest.fixture(scope="module")
def english_cr(tmp_path_factory, cr_evaluation) -> Path:
    (path,) = write_reports(cr_evaluation, tmp_path_factory.mktemp("en"), ("xlsx",), lang="en")
    return path


def english_words(evaluation, path: Path) -> list[str]:
    """Every cell (its text, or a formula's cached text) with an English word that is not on the allow-list."""
    keys = set(evaluation.plant.parameters) | set(evaluation.model.keys())
    ids = {comparison.reference.id for comparison in evaluation.comparisons}
    values = openpyxl.load_workbook(path, data_only=True)
    sheets = set(values.sheetnames) | set(openpyxl.load_workbook(evaluation.plant.path, read_only=True).sheetnames)
    not_prose = sorted(keys | ids | sheets | {evaluation.plant.file_name, evaluation.plant.sha256}, key=len,
                       reverse=True)  # longest first: "opex_per_month" before "opex"
    removed = re.compile("|".join(re.escape(text) for text in not_prose))
    found = []
    for sheet in values.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    words = set(ENGLISH_WORD.findall(removed.sub(" ", cell.value))) - ALLOWED
                    if words:
                        found.append(f"{sheet.title}!{cell.coordinate}: {sorted(words)} in {cell.value[:80]!r}")
    return found


@pytest.mark.parametrize("name", ["cr", "pb"])
def test_russian_workbook_has_no_english_words(russian, name):
    evaluation, path = russian[name]
    assert english_words(evaluation, path) == []


def test_the_allow_list_check_finds_english(english_cr, cr_evaluation):
    """The same check on the English workbook finds the texts the Russian one translates."""
    found = "\n".join(english_words(cr_evaluation, english_cr))
    assert "Checks!A1: ['Findings', 'cause', 'differ', 'figures', 'grouped', 'that', 'time', 'written']" in found
    assert "Inputs!E10: ['month'] in '22 day/month'" in found


def test_checks_sheet_in_russian(russian):
    _, path = russian["cr"]
    checks = openpyxl.load_workbook(path)["Checks"]
    values = openpyxl.load_workbook(path, data_only=True)["Checks"]
    assert checks["A1"].value == ("Расхождения: отличающиеся показатели, сгруппированные по причинам "
                                  "(определены при расчёте)")
    assert [checks.cell(2, column).value for column in range(1, 5)] == [
        "Расхождение", "Существенно", "Объясняемые показатели", "Причина (определена при расчёте)"]
    assert [checks.cell(3, column).value for column in range(1, 5)] == [
        "F1", "существенное", "E-cost-text",
        "ошибка в единицах: опубликованное значение равно расчётному, умноженному на 1\u00a0000"]
    rows = {checks.cell(row, 1).value: row for row in range(1, checks.max_row + 1)}
    energy = rows["T3-energy"]
    assert values.cell(energy, 10).value == "совпадает в пределах округления данных"  # the cached verdict
    assert checks.cell(energy, 10).value == (  # the formula gives the same words
        f'=IF(ABS(F{energy})<=H{energy},"совпадает",IF(AND(C{energy}>=O{energy}-H{energy},'
        f'C{energy}<=P{energy}+H{energy}),"совпадает в пределах округления данных","расходится"))')
    assert values.cell(rows["CLAIM-4x"], 10).value == "не подтверждается"
    assert checks.cell(rows["E-cost-text"], 4).value == "тыс. руб./мес"
    assert checks.cell(rows["E-cost-text"], 17).value == "опубликовано"
    audit = next(row for row in range(1, checks.max_row + 1)
                 if checks.cell(row, 1).value == "Электродиализатор: производительность")
    assert checks.cell(audit, 2).value == "ПРЕДУПРЕЖДЕНИЕ"
    assert checks.cell(audit, 3).value == (
        "паспортные 1 м³/ч × 176 ч/мес = 176 м³/мес покрывают лишь 1,8\u00a0% заявленного расхода "
        "10\u00a0000 м³/мес; потребовалось бы 57 таких аппаратов, или 56,82 м³/ч")


def test_inputs_entered_and_sensitivity_basis_in_russian(russian):
    book = openpyxl.load_workbook(russian["cr"][1])
    inputs = book["Inputs"]
    entered = {inputs.cell(row, 2).value: inputs.cell(row, 5).value for row in range(9, inputs.max_row + 1)}
    assert entered["days_per_month"] == "22 сут/мес"
    assert entered["hours_per_day"] == "8 ч/сут"
    assert entered["equipment.0.load_factor"] == "1 доля"
    sensitivity = book["Sensitivity"]
    basis = {sensitivity.cell(row, 2).value: sensitivity.cell(row, 11).value
             for row in range(8, sensitivity.max_row + 1)}
    assert basis["equipment.1.unit_power"] == "P10–P90: равномерное(28,4091; 142,045)"
    assert basis["capital.0.cost"] == "P10–P90: треугольное(6e+06; 1,2e+07; 2,4e+07)"


def test_comparison_sheet_in_russian(russian):
    comparison = openpyxl.load_workbook(russian["pb"][1])["Comparison"]
    assert comparison["A1"].value == (f"{russian['pb'][0].plant.text('name', 'ru')}: базовый вариант и альтернативы")
    assert comparison["D3"].value == "Биполярные мембраны (листы Биполярные мембраны)"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_whole_inputs_show_no_decimal_separator(tmp_path, cr_evaluation, lang):
    (path,) = write_reports(cr_evaluation, tmp_path, ("xlsx",), lang=lang)
    book = openpyxl.load_workbook(path)
    inputs = book["Inputs"]
    shown = {inputs.cell(row, 2).value: inputs.cell(row, 3) for row in range(9, inputs.max_row + 1)}
    assert shown["days_per_month"].value == 22 and shown["days_per_month"].number_format == "#,##0"
    assert shown["staffing.0.monthly_wage"].number_format == "#,##0"
    assert shown["electricity_price"].value == 13.086
    assert shown["electricity_price"].number_format == "#,##0.######"  # a decimal keeps its decimals
    checks = book["Checks"]
    published = {checks.cell(row, 1).value: checks.cell(row, 3) for row in range(1, checks.max_row + 1)}
    assert published["T3-energy"].value == 103635 and published["T3-energy"].number_format == "#,##0"


@pytest.mark.slow
def test_libreoffice_agrees_with_the_russian_workbooks(russian):
    with office_or_skip() as office:
        for _, path in russian.values():
            assert compare(recalculate(path, office), rel_tol=1e-9) == []


@pytest.mark.slow
def test_undefined_metrics_in_russian_are_formulas_libreoffice_reproduces(edited_workbook, tmp_path):
    """Without by-product revenue IRR and payback are reasons, and the formulas give them in Russian."""
    evaluation = evaluate_workbook(edited_workbook({"ByProducts!E3": 0}, source=CR_SCHEME))
    (path,) = write_reports(evaluation, tmp_path / "out", ("xlsx",), lang="ru")
    with office_or_skip() as office:
        assert compare(recalculate(path, office)) == []
    summary = openpyxl.load_workbook(path, data_only=True)["Summary"]
    shown = [summary.cell(row, 2).value for row in range(1, summary.max_row + 1)]
    assert "не определена: денежный поток не меняет знак" in shown
    assert "не достигается за 10 лет" in shown


def test_a_range_comparison_is_not_translated_as_in_out(tmp_path):
    """The Checks sheet's "in" (within the published range) is not the mass balance's "in" (вход)."""
    evaluation = evaluate_workbook(INPUTS / "bi_oxides.xlsx")
    (path,) = write_reports(evaluation, tmp_path / "ru", ("xlsx",), lang="ru")
    checks = openpyxl.load_workbook(path)["Checks"]
    comparison = {checks.cell(row, 1).value: checks.cell(row, 9).value for row in range(1, checks.max_row + 1)}
    assert comparison["C2-Anode1-syield"] == "в диапазоне"
    (path,) = write_reports(evaluation, tmp_path / "en", ("xlsx",), lang="en")
    checks = openpyxl.load_workbook(path)["Checks"]
    assert "in" in [checks.cell(row, 9).value for row in range(1, checks.max_row + 1)]
