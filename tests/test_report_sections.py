"""Issue 15, items 3 and 4: the sections a feasibility study has, read from the PDF as a reader sees it.

Each report is written once per module by ``econ run`` and its text extracted with pypdf (page by page,
then ``normalized``: one space per run of whitespace, hyphenated words joined). Reference values:

- pb_electrorefining's Capital sheet: cell house 900,000,000 RUB, rectifiers and electrical 150 mln +
  0.04 mln RUB/kW x 2,106.205 kW = 234,248,204 RUB, auxiliary plant 200,000,000 RUB; total 1,334,248,204 RUB,
  so the shares are 67.5 %, 17.6 % and 15.0 %. Its Alternatives sheet: the cell house at 1,170 mln RUB with
  bipolar membranes (+270 mln) and 1,260 mln RUB with MSA (+360 mln); capital totals 1,587,398,563 and
  1,624,372,309 RUB (+253,150,359 and +290,124,105).
- its D-energy reference: 2,500 kWh/t published (no decimals), 612.71 kWh/t computed: a deviation of
  -1,887.29 kWh/t, shown to one decimal more than the published figure, -1,887.3 kWh/t (-75.5 %), and the
  tolerance ±250 kWh/t as ±250.0 kWh/t.
- its energy: 426.25 kW of equipment plus the cells' 2,106.2 kW DC power = 2,532.45 kW; 1,722,710 kWh/month
  over 2,500 t/month of anode lead = 689.08 kWh/t for the whole plant; the cells alone 612.7 kWh/t of metal.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from econ import cli
from tests.test_report_pdf import RenderedPdf

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
WORKBOOKS = ("cr_scheme", "pb_electrorefining", "bi_oxides", "copper_chain", "ni_rinse_ro")
# a model or input key as the code writes it: equipment.0.quantity, balance.22.1.mass
DEVELOPER_KEY = re.compile(r"\b[a-z_]+\.[0-9]+\.[a-z_]+\b")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    """``render(workbook, lang)``: the PDF ``econ run`` writes, read once per module."""
    cache: dict[tuple[str, str], RenderedPdf] = {}

    def rendered(workbook: str, lang: str) -> RenderedPdf:
        if (workbook, lang) not in cache:
            folder = tmp_path_factory.mktemp(f"{workbook}-{lang}")
            assert cli.main(["run", str(INPUTS / f"{workbook}.xlsx"), "-o", str(folder), "--lang", lang]) == 0
            cache[workbook, lang] = RenderedPdf.read(folder / f"{workbook}.pdf")
        return cache[workbook, lang]

    return rendered


def section(pdf: RenderedPdf, heading: str, following: str) -> str:
    """The text of the numbered section ``heading`` (after the table of contents) up to ``following``."""
    text = pdf.text
    start = [match.end() for match in re.finditer(rf"\d+\. {re.escape(heading)} ", text)][-1]
    end = text.index(following, start)
    return text[start:end]


# -- item 3: capital breakdown and capital difference ----------------------------------------------------------

def test_the_capital_breakdown_gives_each_item_its_share_of_the_total(render) -> None:
    text = section(render("pb_electrorefining", "en"), "Capital cost", "Operating costs")
    assert text.startswith("Capital cost breakdown Item Cost, RUB Share of the total "
                           "Cell house 900,000,000 67.5 % Rectifiers and electrical 234,248,204 17.6 % "
                           "Auxiliary plant 200,000,000 15.0 % Capital investment 1,334,248,204 100.0 % "
                           "The Capital sheet gives no category (direct, installation, indirect, contingency or "
                           "other) for its items: each item is shown under its own name.")


def test_the_russian_capital_breakdown_is_in_russian(render) -> None:
    text = section(render("cr_scheme", "ru"), "Капитальные затраты", "Эксплуатационные затраты")
    assert text.startswith("Структура капитальных затрат Статья Стоимость, руб. Доля в итоге "
                           "Оборудование установки очистки (ЭД + ЭДИ) 12 000 000 100,0 % "
                           "Капитальные вложения 12 000 000 100,0 %")


def test_alternatives_show_their_capital_difference_per_item(render) -> None:
    text = section(render("pb_electrorefining", "en"), "Alternatives", "Break-even")
    assert ("Capital cost of each alternative against the base case, RUB Item Diaphragm cells Bipolar membranes "
            "Difference MSA electrorefining Difference "
            "Cell house 900,000,000 1,170,000,000 +270,000,000 1,260,000,000 +360,000,000 "
            "Rectifiers and electrical 234,248,204 217,398,563 -16,849,641 164,372,309 -69,875,895 "
            "Auxiliary plant 200,000,000 200,000,000 0 200,000,000 0 "
            "Capital investment 1,334,248,204 1,587,398,563 +253,150,359 1,624,372,309 +290,124,105") in text


# -- item 3: check tables ---------------------------------------------------------------------------------------

def test_a_long_check_table_goes_to_an_appendix_and_the_body_keeps_its_summary(render) -> None:
    """bi_oxides: hundreds of rows; the body says how many figures and what verdicts, then the findings."""
    pdf = render("bi_oxides", "ru")
    body = section(pdf, "Проверка опубликованных данных", "Проверка правдоподобия")
    assert body.startswith("Из исходных данных книги пересчитано 349 значений листа References:")
    assert "Расхождения по причинам:" in body and "F1: 3 значения восходят к величине" in body
    assert "Код Показатель Опубликовано" not in body  # the table is not in the body
    assert re.search(r"Таблица по каждому значению \(\d+ строк[аи]?\) приведена в приложении «Проверка по "
                     r"каждому значению»\.", body)
    contents = pdf.text[:pdf.text.rindex("1. Основные результаты")]  # up to the summary's heading
    assert contents.index("Выводы и рекомендации") < contents.index("Приложение: проверка по каждому значению") \
        < contents.index("Приложение: перечень исходных данных")
    appendix = section(pdf, "Приложение: проверка по каждому значению", "Приложение: перечень исходных данных")
    assert "Код Показатель Ед. изм. Опубликовано Расчёт Отклонение Допуск Вывод" in appendix
    # the body ends before page 30 (it ran to page 48, with 24 pages of the table in it)
    first_appendix_page = int(re.search(r"Приложение: проверка по каждому значению \.+ (\d+)", contents)[1])
    assert first_appendix_page < 30


def test_a_short_check_table_stays_in_the_body_with_the_unit_of_each_row(render) -> None:
    body = section(render("pb_electrorefining", "en"), "Regression check against the source", "Plausibility audits")
    assert body.startswith("3 figures of the References sheet recomputed from the workbook's inputs: differs: 2; "
                           "not tested: 1. Figures published in the source, recomputed from its own inputs")
    # the row's unit in its own column, and every number of the row in it
    assert ("D-energy Specific energy of lead electrorefining in diaphragm cells kWh/t 2,500 612.71 "
            "-1,887.3 (-75.5 %) ±250.0 differs") in body


# -- item 3: assumptions, complete and listed once --------------------------------------------------------------

def test_every_assumed_or_defaulted_input_is_in_the_assumptions_list(render) -> None:
    """cr_scheme: the 12 months, the discount and tax rates, the four load factors of 100 %, the auxiliary
    electronics' quantity of 1 and the salvage value of 0 are the workbook's own assumptions."""
    text = section(render("cr_scheme", "en"), "Assumptions and notes", "Conclusions and recommendations")
    names = ["Operating months per year 12 month/year", "Discount rate 10 %", "Income tax rate 25 %",
             "Pumps: load factor 100 %", "Electrodialyser: load factor 100 % the same as above",
             "Electrodeionization module: load factor 100 % the same as above", "Auxiliary electronics: quantity 1",
             "Auxiliary electronics: load factor 100 %", "ED + EDI treatment plant equipment: salvage value 0 RUB"]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Throughput" not in text and "Electricity tariff" not in text  # printed in the paper, not assumed


def test_the_risk_section_refers_to_the_assumptions_instead_of_repeating_their_sources(render) -> None:
    pdf = render("pb_electrorefining", "en")
    risk = section(pdf, "Sensitivity and risk", "Regression check against the source")
    assert "Operating hours per day (24 h/day); Operating days per month (30 day/month);" in risk
    assert ("Cell-house ventilation and gas scrubbing: quantity (4);" in risk
            and "Their values and sources are listed once, under “Assumptions and notes”." in risk)
    assert "the seed lists no auxiliary equipment" not in risk  # no source is repeated here
    # the tariff's source: in the inputs table and in the assumptions list, not a third time
    assert pdf.text.count("about 6.5 RUB/kWh without VAT") == 2


# -- item 3: revenue named by its kind ----------------------------------------------------------------------------

def test_the_tolling_revenue_is_named_by_its_kind_and_so_is_its_dependence_audit(render) -> None:
    text = render("pb_electrorefining", "en").text
    assert "By-product revenue" not in text and "by-product revenue" not in text
    assert "Revenue from recovered products 49,500,000 RUB/month" in text
    assert ("Dependence on the revenue from recovered products. The net effect of 23,509,848 RUB/month is "
            "positive only because of the revenue of 49,500,000 RUB/month from the recovered products (Refined "
            "lead (refining charge)), the only revenue the workbook gives; without it the scheme costs "
            "25,990,152 RUB/month, so their price carries the result.") in text


# -- item 3: no developer words -----------------------------------------------------------------------------------

@pytest.mark.parametrize("workbook", WORKBOOKS)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_model_key_or_bit_reaches_the_reader(render, workbook: str, lang: str) -> None:
    text = render(workbook, lang).text
    assert DEVELOPER_KEY.findall(text) == []
    assert re.findall(r"\bbits?\b|\bбит\b", text) == []


def test_the_chain_shows_its_separation_sharpness_with_what_it_means(render) -> None:
    text = render("copper_chain", "en").text
    assert "Cu separation sharpness, %" in text
    assert ("Separation sharpness = 1 − H/Hmax: 100 % when all of a component goes to one product of the stage, "
            "0 % when it is spread evenly among them") in text


def test_the_input_listing_names_each_input_by_its_row_and_field(render) -> None:
    text = render("pb_electrorefining", "en").text.split("Appendix: input listing")[-1]
    assert "Parameter Value Unit Entered as Cell" in text
    assert "Rectifier losses: quantity 1 1 Equipment!B3" in text


# -- item 4: one scale per page, energy with units and bases, short key figures ------------------------------------

def test_the_cash_flow_tables_use_the_charts_scale(render) -> None:
    text = section(render("pb_electrorefining", "en"), "Cash flow", "Financial metrics")
    assert text.startswith("Annual cash flow, mln RUB: years 0–7 Item 0 1 2 3 4 5 6 7 "
                           "Revenue 0 594.00 594.00")
    assert "thousand" not in text
    # the chart's axis, drawn rotated (pypdf leaves it out; pdftotext reads it)
    pdf = render("pb_electrorefining", "en")
    page = next(number for number, page in enumerate(pdf.pages, 1) if "Annual and cumulative discounted" in page)
    chart_page = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf.path), "-"],
                                capture_output=True, text=True, check=True).stdout
    assert "mln RUB" in chart_page and "thousand" not in chart_page


def test_energy_totals_carry_units_and_each_specific_energy_its_basis(render) -> None:
    text = section(render("pb_electrorefining", "en"), "Energy", "Capital cost")
    assert ("Installed power of the equipment above 426.25 kW Refining cell house: DC power of electrolysis 235 "
            "2,106 kW 1,516,468 Electrical load: the equipment's installed power and the electrolysis DC power "
            "2,532.45 kW Electricity per month 1,722,710") in text
    assert "Specific energy of the whole plant (electricity per month / throughput) 689.08 kWh/t" in text
    assert "Refining cell house: DC energy of the cells per tonne of metal deposited 612.7 kWh/t" in text


def test_a_metric_that_is_not_a_number_has_a_short_cell_and_its_reason_below(render) -> None:
    """bi_oxides loses money every year: no IRR, no payback."""
    text = render("bi_oxides", "ru").text
    summary = text[text.index("Ключевые показатели"):text.index("2. Описание схемы", 3000)]
    assert "Внутренняя норма доходности (IRR) не определена¹" in summary
    assert "Простой срок окупаемости не достигается² Дисконтированный срок окупаемости не достигается³" in summary
    assert ("¹ Внутренняя норма доходности (IRR): не определена: денежный поток не меняет знак. "
            "² Простой срок окупаемости: не достигается за 15 лет. "
            "³ Дисконтированный срок окупаемости: не достигается за 15 лет.") in summary



# -- the optional Capital!category column ---------------------------------------------------------------------------

PB = INPUTS / "pb_electrorefining.xlsx"


def test_capital_items_with_a_category_are_grouped_with_their_subtotal_and_share(edited_workbook, tmp_path) -> None:
    """The cell house and the rectifiers as direct costs (1,134,248,204 RUB, 85.0 %), the auxiliary plant as
    installation (200,000,000 RUB, 15.0 %)."""
    from econ.api import evaluate_workbook, write_reports

    path = edited_workbook({"Capital!F1": "category", "Capital!F3": "direct", "Capital!F4": "Direct",
                            "Capital!F5": "installation"}, source=PB)
    evaluation = evaluate_workbook(path)
    (pdf,) = write_reports(evaluation, tmp_path / "out", ("pdf",), "en")
    text = section(RenderedPdf.read(pdf), "Capital cost", "Operating costs")
    assert text.startswith("Capital cost breakdown Item Cost, RUB Share of the total "
                           "Direct costs Cell house 900,000,000 67.5 % Rectifiers and electrical 234,248,204 17.6 % "
                           "Direct costs, subtotal 1,134,248,204 85.0 % "
                           "Installation Auxiliary plant 200,000,000 15.0 % Installation, subtotal 200,000,000 15.0 % "
                           "Capital investment 1,334,248,204 100.0 %")
    assert "gives no category" not in text
    assert evaluation.results.scalar("npv") == pytest.approx(712_678_880, abs=1)  # a text column: same figures


def test_an_unknown_capital_category_is_an_error_at_its_cell(edited_workbook) -> None:
    from econ.errors import InputError
    from econ.inputs.reader import read_plant

    path = edited_workbook({"Capital!F1": "category", "Capital!F3": "contingencies"}, source=PB)
    with pytest.raises(InputError) as raised:
        read_plant(path)
    assert ('pb_electrorefining.xlsx!Capital!F3 "category": expected direct or installation or indirect or '
            "contingency or other, got 'contingencies'") in str(raised.value)
