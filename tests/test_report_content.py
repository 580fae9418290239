"""What the report says agrees with itself: chart shares with the table beside them, names in the
reader's language, claims in words rather than model keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from econ.api import evaluate_workbook
from econ.report.html import chart_inputs

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


def test_the_cost_chart_divides_the_opex_total_of_the_table_above_it(cr_evaluation) -> None:
    """The chart's shares are of the OPEX the Operating costs table totals (381,974 RUB/month); the cost
    of replacing lost water is in Revenue and losses, not among operating costs."""
    costs = chart_inputs(cr_evaluation, "en")["costs"]
    assert sum(amount for _, amount in costs) == pytest.approx(cr_evaluation.results.scalar("opex_per_month"))
    assert not any("loss" in label.lower() for label, _ in costs)


@pytest.mark.parametrize(("lang", "name"), [("en", "Base case"), ("ru", "Базовый вариант")])
def test_an_unnamed_base_case_is_named_in_the_report_language(lang: str, name: str) -> None:
    """bi_oxides names no Project!base_case; its break-even map compares against the base case."""
    evaluation = evaluate_workbook(INPUTS / "bi_oxides.xlsx")
    assert evaluation.plant.base_name == ""
    assert evaluation.plant.base_case_name(lang) == name


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_claim_is_stated_in_words_not_model_keys(cr_evaluation, lang: str) -> None:
    claim = next(audit for audit in cr_evaluation.audits if audit.id == "claim:CLAIM-4x")
    message = claim.message(lang)
    assert "net_effect_over_life_to_capital" not in message
    assert message.startswith({"en": "the text claims more than 4; the inputs give 3.817",
                               "ru": "в тексте утверждается: больше 4; исходные данные дают 3,817"}[lang])


def _cash_flow_tables(workbook: str, lang: str = "en"):
    from econ.report.document import build_document

    return build_document(evaluate_workbook(INPUTS / workbook), lang).cash_flow_tables


def test_a_ten_year_cash_flow_is_one_table_in_millions_as_its_chart() -> None:
    """Issue 15: the table uses the chart's scale (mln RUB); cr_scheme's largest amount, 16.5 mln RUB, gets 6
    significant digits: 3 decimals (9.894 mln RUB of revenue a year: 824,500 RUB/month x 12)."""
    (table,) = _cash_flow_tables("cr_scheme.xlsx")
    assert table.caption == "Annual cash flow, mln RUB"
    assert table.rows[0][1:3] == ["0", "9.894"]
    assert table.headers[1:] == [str(year) for year in range(11)]
    assert sum(table.widths) == pytest.approx(100)


def test_a_fifteen_year_cash_flow_is_split_into_runs_of_years_that_fit() -> None:
    """pb_electrorefining: 16 columns of numbers up to '−1,334.25' (mln RUB) do not fit one A4 width; two
    tables of 8 years each do, and together they hold every year once."""
    tables = _cash_flow_tables("pb_electrorefining.xlsx")
    assert [table.caption for table in tables] == ["Annual cash flow, mln RUB: years 0–7",
                                                   "Annual cash flow, mln RUB: years 8–15"]
    assert [header for table in tables for header in table.headers[1:]] == [str(year) for year in range(16)]
    assert [table.part for table in tables] == [0, 2]
    for table in tables:
        widest = max(len(cell) for row in table.rows for cell in row[1:])
        column_mm = table.widths[1] / 100 * 172
        assert widest * 1.55 + 1.8 <= column_mm, (widest, column_mm)
        assert all(len(row) == len(table.headers) for row in table.rows)


def test_a_cash_flow_of_billions_is_shown_in_millions() -> None:
    """copper_chain's cash revenue is about 3.6 bn RUB a year (301.73 mln RUB/month of cathode copper x 12; the
    credit for returned intermediates is not cash): thousands would take 8 digits."""
    tables = _cash_flow_tables("copper_chain.xlsx", "ru")
    assert [table.caption for table in tables] == ["Годовой денежный поток, млн руб.: годы 0–5",
                                                   "Годовой денежный поток, млн руб.: годы 6–10"]
    assert tables[0].rows[0][2] == "3\u00a0620,8"  # 6 significant digits of the largest amount


@pytest.mark.parametrize("workbook", ["cr_scheme.xlsx", "pb_electrorefining.xlsx", "bi_oxides.xlsx"])
def test_the_energy_total_is_the_sum_of_the_energies_above_it(workbook: str) -> None:
    """The electrolysis cells' DC energy and the chain's process energy are rows of their own, so the total
    row adds up what is shown (pb: 426.25 kW of equipment, plus 1,516,468 kWh/month of electrolysis)."""
    from econ.report.document import build_document

    evaluation = evaluate_workbook(INPUTS / workbook)
    table = build_document(evaluation, "en").tables["energy"]
    total_row = table.row_classes.index("total")
    shown = [float(row[5].replace(",", "")) for row in table.rows[:total_row] if row[5]]
    assert float(table.rows[total_row][5].replace(",", "")) == pytest.approx(sum(shown), abs=len(shown))
    assert evaluation.results.scalar("energy_per_month") == pytest.approx(sum(shown), abs=len(shown))
    installed = next(row for row in table.rows if row[0] in ("Installed power of the equipment above", "Total"))
    assert installed[3] == f"{evaluation.results.scalar('installed_power'):,.2f}".rstrip("0").rstrip(".") + " kW"


def test_a_chain_without_by_product_rows_shows_no_zero_by_product_lines() -> None:
    """copper_chain values its products through Payables; its ByProducts and Losses sheets have no rows."""
    from econ.report.document import build_document

    evaluation = evaluate_workbook(INPUTS / "copper_chain.xlsx")
    assert not evaluation.plant.rows("byproducts") and not evaluation.plant.rows("losses")
    labels = [row[0] for row in build_document(evaluation, "en").tables["revenue"].rows]
    assert "By-product revenue" not in labels and "Cost of replacing losses" not in labels
    assert "Revenue from products sold" in labels and "Net effect per month (pre-tax)" in labels


def _document(workbook: str, lang: str):
    from econ.report.document import build_document

    return build_document(evaluate_workbook(INPUTS / workbook), lang)


def test_a_useful_life_agrees_with_its_number() -> None:
    capital = next(row for row in _document("cr_scheme.xlsx", "ru").tables["plant_items"].rows
                   if row[0] == "ED + EDI treatment plant equipment")
    assert "срок полезного использования 10 лет" in capital[1]
    capital = next(row for row in _document("cr_scheme.xlsx", "en").tables["plant_items"].rows
                   if row[0] == "ED + EDI treatment plant equipment")
    assert "useful life 10 years" in capital[1]


def test_the_input_listing_shows_inputs_as_entered_in_the_reader_language() -> None:
    """copper_chain (ru): a content of 0.5225 % keeps its digits; a fraction's unit is its % sign; an input the
    workbook leaves out says so in Russian, and where it would have been."""
    rows = {row[0]: row for row in _document("copper_chain.xlsx", "ru").tables["appendix"].rows}
    # each input named by its row and field (issue 15: no model keys such as streams.2.0.amount)
    assert rows["Mining/Run-of-mine ore (Cu): содержание"][1:3] == ["0,5225\u00a0%", ""]
    assert rows["Ставка налога на прибыль"][3:] == ["(строки нет: по умолчанию 0)", "Project, строки нет"]
    inputs = {row[0]: row for row in _document("copper_chain.xlsx", "ru").tables["inputs"].rows}
    assert inputs["Ставка налога на прибыль"][3] == "значение по умолчанию"


def test_a_chain_input_is_labelled_in_the_reader_language() -> None:
    labels = [label for label, _, _ in _document("copper_chain.xlsx", "ru").assumptions]
    assert "Fire refining/Anode-furnace slag (Cu): содержание" in labels
    assert not any(label.endswith((": mass", " content", ": payable Cu")) for label in labels)


@pytest.mark.parametrize(("lang", "sentences"), [
    ("en", ["Bipolar membranes would lower the NPV of Diaphragm cells by 190,348,360 RUB.",
            "MSA electrorefining would add 224,793,991 RUB to the NPV of Diaphragm cells (incremental IRR 25.2 %)."]),
    ("ru", ["Вариант «Bipolar membranes» уменьшил бы NPV варианта «Diaphragm cells» на 190 348 360 руб. ",
            "Вариант «MSA electrorefining» увеличил бы NPV варианта «Diaphragm cells» на 224 793 991 руб. "
            "(IRR приращения 25,2 %)."]),
])
def test_the_verdict_says_what_each_alternative_does_to_the_npv(lang: str, sentences: list[str]) -> None:
    """The summary names the better alternative (econ compare inputs/pb_electrorefining.xlsx: incremental NPV
    -190,348,360 and +224,793,991 RUB), each sentence ending once even after an abbreviation ("руб.")."""
    verdict = _document("pb_electrorefining.xlsx", lang).verdict
    for sentence in sentences:
        assert sentence.replace("\u00a0", " ") in verdict.replace("\u00a0", " ")
    assert ".." not in verdict
