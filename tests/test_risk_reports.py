"""The risk analysis in the reports: the PDF's "Sensitivity and risk" section in both languages, the results
workbook's Sensitivity sheet read back, LibreOffice's recalculation of it, and the verdict's probability of a
loss, for the chromium scheme and the lead electrorefinery (both have Uncertainty sheets from their sources)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import openpyxl
import pytest

from econ import cli
from econ.api import analyse_uncertainty, evaluate_workbook, write_reports
from econ.checks.verdict import verdict_of
from econ.model.risk import REPORT_SAMPLES, REPORT_SEED, has_uncertainty_sheet
from econ.report.xlsx_sensitivity import linear_slope
from tests.support.libreoffice import compare, office_or_skip, recalculate

ROOT = Path(__file__).resolve().parent.parent
CR, PB = ROOT / "inputs" / "cr_scheme.xlsx", ROOT / "inputs" / "pb_electrorefining.xlsx"
SAMPLES = 4096  # fewer than a report's 20,000: the tests check the plumbing, not the statistics


@pytest.fixture(scope="module")
def analysed() -> dict[str, object]:
    evaluations = {}
    for name, path in (("cr", CR), ("pb", PB)):
        evaluation = evaluate_workbook(path)
        analyse_uncertainty(evaluation, SAMPLES, 7, sobol_base=64 if name == "pb" else None)
        evaluations[name] = evaluation
    return evaluations


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["cr", "pb"])
def test_pdf_shows_the_section_in_both_languages(analysed, name, tmp_path):
    evaluation = analysed[name]
    probability = evaluation.uncertainty.probability_of_loss
    losses = round(probability * SAMPLES)
    expected = {
        "en": ["Sensitivity and risk", "Tornado: NPV at each input's low and high end, RUB",
               "Monte Carlo: 4,096 samples, seed 7",
               f"The probability of a loss, P(NPV < 0), is {probability * 100:.1f} %: {losses:,} of 4,096 samples.",
               "Spider: NPV against the change of each input", "NPV over 4,096 Monte Carlo samples",
               "Unquantified assumptions", "Uncertain inputs and their distributions"],
        "ru": ["Чувствительность и риски", "Торнадо: NPV на нижней и верхней границе каждого параметра, руб.",
               "Монте-Карло: 4 096 выборок, начальное число 7",
               f"Вероятность убытка P(NPV < 0) составляет {format(probability * 100, '.1f').replace('.', ',')} %: "
               f"{format(losses, ',').replace(',', ' ')} из 4 096 выборок.",
               "Паутинная диаграмма: NPV в зависимости от изменения параметров", "NPV по 4 096 выборкам Монте-Карло",
               "Допущения без оценки диапазона"],
    }
    if name == "pb":
        expected["en"] += ["Sobol indices of NPV, 192 evaluations (SALib)", "Refining cell house: cell voltage"]
        expected["ru"] += ["Индексы Соболя для NPV, 192 расчётов (SALib)"]
    else:
        expected["en"] += ["Electrodialyser: unit power", "uniform(28.41,",
                           "AACE International RP 18R-97",
                           # the two power ranges leave out Table 2's 10 kW: said in the section and in the
                           # conclusions, with the analysis that holds them at it
                           "For 2 inputs the range leaves out the value the base case uses: Electrodialyser: unit "
                           "power: 28.4091 to 142.045 kW against 10 kW;",
                           "With those inputs at their base values (the same samples and seed), NPV lies between",
                           "The ranges given for these inputs leave out the value the base case uses, so they come "
                           "first: Electrodialyser: unit power"]
        expected["ru"] += ["Для 2 входных величин диапазон не включает значение базового варианта: "
                           "Электродиализатор: мощность единицы: от 28,4091 до 142,045 кВт при 10 кВт в базовом "
                           "варианте;"]
    for lang in ("en", "ru"):
        (pdf,) = write_reports(evaluation, tmp_path / lang, ("pdf",), lang)
        text = _pdf_text(pdf)
        for line in expected[lang]:
            assert line in text, (lang, line)


def test_sensitivity_sheet_read_back(analysed, tmp_path):
    evaluation = analysed["pb"]
    (path,) = write_reports(evaluation, tmp_path, ("xlsx",), "en")
    sheet = openpyxl.load_workbook(path)["Sensitivity"]
    values = openpyxl.load_workbook(path, data_only=True)["Sensitivity"]
    assert sheet["A2"].value.endswith("other values computed by econ, seed 7, 4,096 samples.")
    assert [cell.value for cell in sheet[7]] == ["Input", "Key", "Unit", "Base", "Low", "High", "NPV at low",
                                                 "NPV at high", "Swing", "Slope, NPV per unit", "Range",
                                                 "How computed"]
    rows = {sheet.cell(row, 2).value: row for row in range(8, sheet.max_row + 1) if sheet.cell(row, 2).value}
    voltage = rows["electrolysis.0.cell_voltage"]
    # uniform(2.1, 2.4): P10 = 2.13 V, P90 = 2.37 V; NPV is linear in the voltage (the energy cost), a formula
    assert values.cell(voltage, 5).value == pytest.approx(2.13, rel=1e-12)
    assert values.cell(voltage, 6).value == pytest.approx(2.37, rel=1e-12)
    assert sheet.cell(voltage, 7).value == f"=$G$4+(E{voltage}-D{voltage})*J{voltage}"
    assert sheet.cell(voltage, 4).value.startswith("=Inputs!C")
    assert sheet.cell(voltage, 12).value == "formula (linear)"
    swing = next(s for s in evaluation.uncertainty.tornado.swings if s.range.key == "electrolysis.0.cell_voltage")
    assert values.cell(voltage, 7).value == pytest.approx(swing.metric_low, rel=1e-12)
    assert values.cell(voltage, 9).value == pytest.approx(swing.swing, rel=1e-9)
    npv_row = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Net present value (NPV)")
    stats = evaluation.uncertainty.statistics()["npv"]
    assert [values.cell(npv_row, column).value for column in range(2, 10)] == pytest.approx(
        [stats[name] for name in ("mean", "std", "p5", "p10", "p50", "p90", "p95", "sem")], rel=1e-12)
    assert values.cell(npv_row, 10).value == stats["prob_negative"]
    assert sheet.cell(npv_row - 2, 1).value == "Monte Carlo: computed by econ, seed 7, 4,096 samples"


def test_linear_slope_refuses_a_bent_line():
    from econ.model.sensitivity import InputRange, Swing

    line = Swing(InputRange("x", 1.0, 3.0, ""), 10.0, 30.0)  # NPV = 10 x, base x = 2, NPV 20
    assert linear_slope(line, 2.0, 20.0) == 10.0
    assert linear_slope(line, 2.0, 21.0) is None  # the base is off the line through the ends


@pytest.mark.slow
def test_libreoffice_recalculates_the_sensitivity_sheet(analysed, tmp_path):
    (path,) = write_reports(analysed["cr"], tmp_path, ("xlsx",), "en")
    with office_or_skip() as office:
        result = recalculate(path, office)
    assert compare(result, rel_tol=1e-9) == []
    assert any(cell.sheet == "Sensitivity" for cell in result.formulas)


def test_verdict_reads_the_probability_of_loss(analysed):
    evaluation = analysed["cr"]
    probability = evaluation.uncertainty.probability_of_loss
    assert probability > 0.5  # the paper's specific-energy ranges put the electricity far above the 10 kW's
    start = (f"The uncertainty analysis gives a probability of a loss (NPV below 0) of "
             f"{probability * 100:.1f}\u00a0%, but for 2 inputs the range leaves out the value the base case uses")
    (weight,) = [weight for weight, text in verdict_of(evaluation).reason_texts("en") if text.startswith(start)]
    assert weight == "invalidates"


def test_run_analyses_a_workbook_with_an_uncertainty_sheet_only(capsys, tmp_path):
    assert has_uncertainty_sheet(evaluate_workbook(CR).plant)
    assert not has_uncertainty_sheet(evaluate_workbook(ROOT / "inputs" / "ni_rinse_ro.xlsx").plant)
    assert (REPORT_SAMPLES, REPORT_SEED) == (20_000, 0)
    assert cli.main(["run", str(CR), "-o", str(tmp_path), "--format", "xlsx", "--uncertainty", "0"]) == 0
    assert "Sensitivity" not in openpyxl.load_workbook(tmp_path / "cr_scheme.xlsx").sheetnames
    assert "uncertainty analysis" not in capsys.readouterr().out
    assert cli.main(["run", str(CR), "-o", str(tmp_path), "--format", "xlsx", "--uncertainty", "1"]) == 2
    assert capsys.readouterr().err.strip() == ("Error: --uncertainty 1: expected at least 2 samples, or 0 for "
                                               "no analysis")


def test_sensitivity_sheet_gives_the_monte_carlo_with_the_ranges_that_leave_out_the_base_at_it(analysed, tmp_path):
    evaluation = analysed["cr"]
    (path,) = write_reports(evaluation, tmp_path, ("xlsx",), "en")
    sheet = openpyxl.load_workbook(path, data_only=True)["Sensitivity"]
    titles = {sheet.cell(row, 1).value: row for row in range(1, sheet.max_row + 1)}
    (title,) = [text for text in titles if text and text.startswith("Monte Carlo with ")]
    assert title.startswith("Monte Carlo with Electrodialyser: unit power; Electrodeionization module: unit power "
                            "at the base value (the range leaves it out)")
    npv_row = titles[title] + 2  # the title, the header, then NPV
    at_base = evaluation.uncertainty.at_base.statistics()["npv"]
    assert sheet.cell(npv_row, 5).value == pytest.approx(at_base["p10"])
    assert sheet.cell(npv_row, 10).value == at_base["prob_negative"]
