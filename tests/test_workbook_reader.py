"""The results workbook as its reader sees it (issue 15, item 5), read back with openpyxl.

Every bundled input workbook: native charts, named cells of the key figures,
no number too wide for its column, money in whole roubles and rates in %,
inputs, formulas and links told apart by colour, the alternatives' sheets named
after them, the Break-even sheet, the workbook's language.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from econ.api import evaluate_workbook, write_reports
from econ.report.xlsx_names import (
    alternative_prefixes,
    alternative_sheet,
    is_valid_name,
)
from econ.report.xlsx_styles import formatted, money_format
from tests.support.widths import shown, too_narrow

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(path.stem for path in (ROOT / "inputs").glob("*.xlsx"))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    """Each bundled workbook's results workbook in its own language (the default, as the PDF's)."""
    out = tmp_path_factory.mktemp("workbooks")
    paths = {}
    for name in BUNDLED:
        (paths[name],) = write_reports(evaluate_workbook(ROOT / "inputs" / f"{name}.xlsx"), out / name, ("xlsx",))
    return paths


def _find(sheet, column: int, text: str) -> int:
    """The row whose cell in ``column`` is ``text``."""
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, column).value == text)


@pytest.mark.parametrize("name", BUNDLED)
def test_each_workbook_has_at_least_three_native_charts(written, name):
    with zipfile.ZipFile(written[name]) as archive:
        charts = [member for member in archive.namelist() if member.startswith("xl/charts/chart")]
        assert not [member for member in archive.namelist() if member.startswith("xl/media/")]  # no images
    assert len(charts) >= 3
    book = openpyxl.load_workbook(written[name])
    assert len(book["Cash flow"]._charts) == 2  # the net cash flow and the cumulative cash flows
    assert len(book["OPEX"]._charts) == 1
    if "Process chain" in book.sheetnames:  # the recoveries through the chain
        assert len(book["Process chain"]._charts) == 1


def test_the_cash_flow_chart_reads_the_net_cash_flow_row(written):
    with zipfile.ZipFile(written["cr_scheme"]) as archive:
        texts = [archive.read(member).decode() for member in archive.namelist() if member.startswith("xl/charts/chart")]
    book = openpyxl.load_workbook(written["cr_scheme"])
    flows = book["Cash flow"]
    net_row = _find(flows, 1, "Чистый денежный поток")  # cr_scheme is a Russian project
    assert any(f"'Cash flow'!$C${net_row}:$M${net_row}" in text for text in texts)  # 10 years: C..M


@pytest.mark.parametrize("name", BUNDLED)
def test_key_figures_are_named_cells_and_formulas_read_the_names(written, name):
    book = openpyxl.load_workbook(written[name])
    values = openpyxl.load_workbook(written[name], data_only=True)
    names = book.defined_names
    for key in ("discount_rate", "capital_total", "opex_per_month", "npv", "irr", "electricity_price"):
        assert key in names, key
    sheet, cell = next(names["discount_rate"].destinations)
    assert sheet == "Inputs" and values[sheet][cell.replace("$", "")].value == pytest.approx(
        evaluate_workbook(ROOT / "inputs" / f"{name}.xlsx").plant.parameters["discount_rate"].value)
    summary = book["Summary"]
    npv_cell = next(names["npv"].destinations)[1].replace("$", "")
    assert re.search(r"\+NPV\((nominal_)?discount_rate,'Cash flow'!D", summary[npv_cell].value)  # a nominal DCF
    # (ni_rinse_ro) discounts at the nominal rate


def test_a_formula_reads_names_where_it_refers_to_named_cells(written):
    opex = openpyxl.load_workbook(written["pb_electrorefining"])["OPEX"]
    row = _find(opex, 5, "specific_cost")
    assert opex.cell(row, 2).value == "=opex_per_month/throughput"


@pytest.mark.parametrize("name", BUNDLED)
def test_no_number_is_too_wide_for_its_column(written, name):
    assert too_narrow(written[name]) == []


def test_the_width_helper_finds_a_column_too_narrow(tmp_path):
    """The helper itself: Pb's capital cost in a column of the old width shows ###."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C11"] = 1_334_248_204.0
    sheet["C11"].number_format = "#,##0.00"
    sheet.column_dimensions["C"].width = 15
    book.save(tmp_path / "narrow.xlsx")
    assert too_narrow(tmp_path / "narrow.xlsx") == ["Sheet!C11 '1,334,248,204.00' needs 17.0, column is 15.0"]
    assert shown(0.1, "0.0 %") == "10.0 %" and shown(-2.5, "#,##0.####") == "-2.5" and shown(7, "0") == "7"


def test_money_in_whole_roubles_and_rates_in_percent(written):
    book = openpyxl.load_workbook(written["pb_electrorefining"])
    flows = book["Cash flow"]
    net_row = _find(flows, 1, "Net cash flow")
    assert flows.cell(net_row, 3).number_format == "#,##0"
    summary = book["Summary"]
    irr_row = _find(summary, 1, "Internal rate of return (IRR)")
    assert summary.cell(irr_row, 2).number_format == "0.0 %"
    inputs = book["Inputs"]
    rate_row = _find(inputs, 2, "discount_rate")
    assert inputs.cell(rate_row, 3).number_format == "0.0## %"  # 0.12 shows as 12.0 %
    assert formatted(0.12, "0.0## %") == "12.0 %" and formatted(0.125, "0.0## %") == "12.5 %"
    assert money_format(1_334_248_204.0) == "#,##0" and money_format(38.2) == "#,##0.00" and money_format(0) == "#,##0"


def test_inputs_formulas_and_links_are_told_apart_by_colour(written):
    book = openpyxl.load_workbook(written["pb_electrorefining"])
    inputs = book["Inputs"]
    rate = inputs.cell(_find(inputs, 2, "discount_rate"), 3)
    assert (rate.font.color.rgb, rate.fill.fgColor.rgb) == ("FF0000FF", "FFFFF2CC")  # blue on light yellow
    summary = book["Summary"]
    opex = summary.cell(_find(summary, 1, "OPEX total"), 2)  # shown from the OPEX sheet: a link
    assert opex.value.startswith("=OPEX!") and opex.font.color.rgb == "FF00803C"
    npv = summary.cell(_find(summary, 1, "Net present value (NPV)"), 2)  # computed here: a formula, black
    assert npv.font.color is None or npv.font.color.theme == 1  # the theme's text colour: black
    legend = _find(summary, 1, "Colours of the cells")
    assert [summary.cell(legend + offset, 1).value for offset in (1, 2, 3)] == [
        "Formula (black)", "Input copied from the input workbook (blue on yellow)",
        "Link to a cell of another sheet (green)"]
    assert summary.cell(legend + 2, 2).font.color.rgb == "FF0000FF"
    # an alternative's inherited input is a link to the base case's, its own is an input
    alternative = book["MSA electrorefining Inputs"]
    price = alternative.cell(_find(alternative, 2, "electricity_price"), 3)
    assert price.value == "=Inputs!C16" and price.font.color.rgb == "FF00803C"


def test_alternatives_sheets_are_named_after_them_and_the_comparison_reads_them(written):
    book = openpyxl.load_workbook(written["pb_electrorefining"])
    assert "Bipolar membranes Cash flow" in book.sheetnames and "MSA electrorefining Revenue" in book.sheetnames
    assert not [name for name in book.sheetnames if name.startswith(("A1 ", "A2 "))]
    comparison = book["Comparison"]
    npv_row = _find(comparison, 1, "Net present value (NPV)")
    assert comparison.cell(npv_row, 5).value.startswith("='MSA electrorefining Summary'!B")


def test_alternative_prefixes_keep_to_excels_rules():
    sheets = ("Summary", "Revenue and losses", "Cash flow", "Mass balance")
    prefixes = alternative_prefixes(["MSA electrorefining", "Cells: new/old [2025]?", "msa electrorefining",
                                     "An alternative named at great length"], sheets, taken=("Comparison",))
    assert prefixes == ["MSA electrorefining ", "Cells new old 2025 ", "msa electrorefining 2 ",
                        "An alternative named "]
    for prefix in prefixes:
        for sheet in sheets:
            name = alternative_sheet(prefix, sheet)
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert alternative_sheet("MSA electrorefining ", "Revenue and losses") == "MSA electrorefining Revenue"
    assert [is_valid_name(name) for name in ("npv", "capital_total", "co2", "r1c1", "TRUE", "a.b")] == [
        True, True, False, False, False, False]


def test_break_even_sheet_gives_the_base_value_next_to_the_break_even(written):
    values = openpyxl.load_workbook(written["pb_electrorefining"], data_only=True)["Break-even"]
    formulas = openpyxl.load_workbook(written["pb_electrorefining"])["Break-even"]
    assert values["A1"].value == "Break-even values of the BreakEven sheet, computed by econ"
    assert [values.cell(4, column).value for column in range(1, 10)] == [
        "Case", "Made zero", "Input", "Key", "Unit", "Base value", "Break-even value (econ)", "Searched from", "to"]
    row = next(r for r in range(5, values.max_row + 1)
               if values.cell(r, 1).value == "Bipolar membranes" and values.cell(r, 4).value == "electricity_price")
    assert values.cell(row, 6).value == 6.5  # the base tariff, RUB/kWh
    assert formulas.cell(row, 6).value.startswith("='Bipolar membranes Inputs'!C")
    assert round(values.cell(row, 7).value, 2) == 16.34  # the 16.34 against a base of 6.5 RUB/kWh
    assert values.cell(row, 5).value == "RUB/kWh"


def test_the_workbook_follows_the_report_language(tmp_path):
    evaluation = evaluate_workbook(ROOT / "inputs" / "cr_scheme.xlsx")
    (russian,) = write_reports(evaluation, tmp_path / "ru", ("xlsx",), lang="ru")
    (english,) = write_reports(evaluation, tmp_path / "en", ("xlsx",), lang="en")
    ru, en = openpyxl.load_workbook(russian)["Summary"], openpyxl.load_workbook(english)["Summary"]
    assert (ru["A8"].value, en["A8"].value) == ("Показатель", "Key figure")
    assert _find(ru, 1, "Чистый дисконтированный доход (NPV)") == _find(en, 1, "Net present value (NPV)")
    flows = openpyxl.load_workbook(russian)["Cash flow"]
    assert [flows.cell(1, column).value for column in (1, 2, 3)] == ["Статья", "Ед. изм.", "Год 0"]
    assert flows.cell(_find(flows, 1, "Чистый денежный поток"), 2).value == "руб./год"
    assert openpyxl.load_workbook(russian).sheetnames == openpyxl.load_workbook(english).sheetnames


@pytest.mark.slow
def test_libreoffice_recalculates_every_bundled_workbook_with_no_mismatch(written):
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    with office_or_skip() as office:
        for name in BUNDLED:
            result = recalculate(written[name], office)
            assert compare(result, rel_tol=1e-9) == [], name
            assert not any(cell.error for cell in result.formulas), name
