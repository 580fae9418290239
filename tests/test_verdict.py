"""The verdict over all the evidence (econ.checks.verdict) and its corrected cases (econ.checks.corrected).

Hand-computed references:

- Small plant (``plant_workbook``): 10 h x 20 days = 200 operating hours a month, 1 000 m^3/month,
  electricity 10 RUB/kWh, a by-product of 10 kg/m^3 at 50 RUB/kg (500 000 RUB/month), capital 1 000 000 RUB
  over 10 years, maintenance 12 000 RUB/year, no staff, no tax, discount rate 10 %: the annuity factor of
  10 years is (1 - 1.1^-10) / 0.1 = 6.144567. NPV = -capital + 12 x (net effect + depreciation) x annuity.
- Undersized: one cell of 5 kW rated 2 m^3/h covers 2 x 200 = 400 m^3/month, 40 % of 1 000: ceil(1 / 0.4) = 3
  cells; the two 1 kW pumps x 3 = 6. Scaled: 15 + 6 = 21 kW x 200 h = 4 200 kWh/month, capital 3 000 000 RUB,
  maintenance 3 000 RUB/month.
- Quoted energy: 100 t/month of lead at 2.2 V, z = 2, 207.2 g/mol, 95 %: 599.10 kWh/t (tests/test_electrochemistry),
  59 910 kWh/month, plus a 10 kW pump x 200 h = 2 000 kWh; the quoted 2 500 kWh/t read as the plant's whole
  electricity is 250 000 kWh/month, so the cells get 248 000 kWh and the voltage 2.2 x 248 000 / 59 910.
- cr_scheme: 57 x (10 + 10 + 1) kW + 342 x 4 kW = 2 565 kW x 176 h = 451 440 kWh/month; 57 x 12 M RUB.
- pb_electrorefining: 2 500 kWh/t x 2 475 t = 6 187 500 kWh/month, 4 464 789.6 kWh above the model's
  1 722 710.4, at 6.5 RUB/kWh: 29 021 132.4 RUB/month, so a net effect of 23 509 848 - 29 021 132 =
  -5 511 284 RUB/month (the issue's "about -5.5 M RUB/month").
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from econ.api import evaluate_workbook, write_reports
from econ.checks.verdict import (
    ESTABLISHED,
    INVALIDATES,
    NO_COSTS,
    NOT_ESTABLISHED,
    NOTE,
    QUALIFIED,
    QUALIFIES,
    verdict_of,
)
from econ.model.electrochemistry import FARADAY_C_PER_MOL
from econ.report.document import build_document
from tests.support.chain_book import TWO_STAGES, chain_workbook

INPUTS = Path(__file__).resolve().parent.parent / "inputs"
ANNUITY_10 = (1 - 1.1 ** -10) / 0.1
HOURS = 10 * 20
PARAMETERS = ("field", "description", "value", "unit", "source")


def plant_workbook(path: Path, equipment: list[tuple], electrolysis: list[tuple] | None = None) -> Path:
    """A small plant: Project, Schedule, Throughput, Tariffs, Equipment, Capital, Maintenance, ByProducts."""
    book = openpyxl.Workbook()
    book.remove(book.active)

    def sheet(title: str, rows: list[tuple]) -> None:
        worksheet = book.create_sheet(title)
        for row in rows:
            worksheet.append(list(row))

    sheet("Project", [PARAMETERS, ("name", "", "Test plant", None, "test"), ("currency", "", "RUB", None, "test"),
                      ("service_life", "", 10, "year", "test"), ("discount_rate", "", 0.1, "fraction", "test"),
                      ("income_tax_rate", "", 0, "fraction", "test")])
    sheet("Schedule", [PARAMETERS, ("hours_per_day", "", 10, "h/day", "test"),
                       ("days_per_month", "", 20, "day/month", "test"),
                       ("months_per_year", "", 12, "month/year", "test")])
    sheet("Throughput", [PARAMETERS, ("throughput", "", 1000, "m^3/month", "test")])
    sheet("Tariffs", [PARAMETERS, ("electricity_price", "", 10, "RUB/kWh", "test")])
    sheet("Equipment", [("name", "quantity", "unit_power", "load_factor", "rated_capacity", "source"),
                        (None, "-", "kW", "fraction", "m^3/h", None), *equipment])
    sheet("Capital", [("item", "cost", "useful_life", "salvage_value", "source"), (None, "RUB", "year", "RUB", None),
                      ("Plant", 1_000_000, 10, 0, "test")])
    sheet("Maintenance", [("item", "cost", "source"), (None, "RUB/year", None), ("Upkeep", 12_000, "test")])
    sheet("ByProducts", [("name", "feed_concentration", "recovery", "loss", "price", "source"),
                         (None, "kg/m^3", "fraction", "fraction", "RUB/kg", None), ("Salt", 10, 1, 0, 50, "test")])
    if electrolysis is not None:
        sheet("Electrolysis", [("name", "metal_production", "valence", "molar_mass", "current_density",
                                "cell_voltage", "current_efficiency", "electrode_area_per_cell",
                                "quoted_specific_energy", "source"),
                               ("", "t/month", "-", "g/mol", "A/m^2", "V", "fraction", "m^2", "kWh/t", ""),
                               *electrolysis])
    book.save(path)
    return path


def npv_by_hand(net_effect_per_month: float, capital: float) -> float:
    """No tax, no salvage: -capital + 12 x (net effect + depreciation) x annuity, 10 years at 10 %."""
    return -capital + 12 * (net_effect_per_month + capital / 10 / 12) * ANNUITY_10


def reason(verdict, kind: str):
    return next(item for item in verdict.reasons if item.kind == kind)


# -- an undersized plant ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def undersized(tmp_path_factory):
    return evaluate_workbook(plant_workbook(tmp_path_factory.mktemp("verdict") / "undersized.xlsx", [
        ("Cell", 1, 5, 1, 2, "test"), ("Pump", 2, 1, 1, None, "test")]))


def test_an_undersized_plant_is_not_established_and_is_scaled_to_its_throughput(undersized):
    verdict = verdict_of(undersized)
    assert verdict.status == NOT_ESTABLISHED
    capacity = reason(verdict, "capacity")
    assert capacity.weight == INVALIDATES and capacity.audit == "capacity:Cell"
    case = capacity.corrected
    assert case.overrides == {"equipment.0.quantity": 3, "equipment.1.quantity": 6, "capital.0.cost": 3_000_000,
                              "maintenance.0.cost": 36_000}
    assert case.details["units"] == 3 and case.details["factor"] == 3
    assert case.figures["energy_per_month"] == pytest.approx(21 * HOURS)  # 4 200 kWh
    assert case.figures["capital_total"] == pytest.approx(3_000_000)
    assert case.figures["maintenance_per_month"] == pytest.approx(3_000)
    net = 500_000 - 4_200 * 10 - 3_000 - 3_000_000 / 10 / 12  # 430 000 RUB/month
    assert case.figures["net_effect_per_month"] == pytest.approx(net)
    assert case.figures["npv"] == pytest.approx(npv_by_hand(net, 3_000_000))  # 30 549 337 RUB
    # and the stated plant, for comparison: 7 kW x 200 h, 1 000 000 RUB
    stated = 500_000 - 1_400 * 10 - 1_000 - 1_000_000 / 10 / 12
    assert undersized.results.scalar("npv") == pytest.approx(npv_by_hand(stated, 1_000_000))


def test_the_undersized_verdict_says_what_would_be_needed_in_both_languages(undersized):
    verdict = verdict_of(undersized)
    english = reason(verdict, "capacity").text("en").replace("\u00a0", " ")
    assert english.startswith("Cell covers 40.0 % of the stated throughput: 3 units would be needed, so capital "
                              "and energy are costed for 1/3 of the plant.")
    assert "capital 3,000,000 RUB, electricity 4,200 kWh/month (42,000 RUB per month)" in english
    assert f"NPV {npv_by_hand(430_000, 3_000_000):,.0f} RUB" in english
    russian = reason(verdict, "capacity").text("ru").replace("\u00a0", " ")
    assert russian.startswith("Cell обеспечивает 40,0 % заявленной производительности: нужно 3 аппарата")
    assert "капитальные вложения 3 000 000 руб., электроэнергия 4 200 кВт·ч/мес" in russian
    stated = npv_by_hand(500_000 - 1_400 * 10 - 1_000 - 1_000_000 / 120, 1_000_000)  # 34 761 380 RUB
    assert verdict.headline("en").replace("\u00a0", " ") == (
        f"Not established: the stated inputs give NPV {stated:,.0f} RUB at 10 % (profitable), but econ's own "
        "audits contradict the model those inputs describe")


def test_a_factor_that_is_not_whole_scales_every_item_and_states_the_share_in_percent(tmp_path):
    """Two cells of 2 m^3/h cover 2 x 2 x 200 = 800 m^3/month, 80 %: ceil(2 / 0.8) = 3 cells, a factor of 1.5;
    the two pumps become ceil(2 x 1.5) = 3, the capital 1 500 000 RUB."""
    evaluation = evaluate_workbook(plant_workbook(tmp_path / "two.xlsx", [
        ("Cell", 2, 5, 1, 2, "test"), ("Pump", 2, 1, 1, None, "test")]))
    capacity = reason(verdict_of(evaluation), "capacity")
    assert capacity.corrected.overrides == {"equipment.0.quantity": 3, "equipment.1.quantity": 3,
                                            "capital.0.cost": 1_500_000, "maintenance.0.cost": 18_000}
    assert capacity.corrected.figures["energy_per_month"] == pytest.approx((3 * 5 + 3 * 1) * HOURS)
    assert "so capital and energy are costed for 66.7\u00a0% of the plant" in capacity.text("en")


def test_a_plant_that_covers_its_throughput_is_only_qualified_by_its_byproduct_dependence(tmp_path):
    evaluation = evaluate_workbook(plant_workbook(tmp_path / "sized.xlsx", [("Cell", 1, 5, 1, 10, "test")]))
    verdict = verdict_of(evaluation)
    assert verdict.status == QUALIFIED
    assert [(item.kind, item.weight) for item in verdict.reasons] == [("warnings", QUALIFIES)]
    assert reason(verdict, "warnings").text("en") == "1 plausibility warning: Dependence on the revenue from recovered products"


# -- a quoted energy the model does not use ---------------------------------------------------------------

def test_a_quoted_energy_above_the_model_is_not_established_with_the_npv_at_the_quoted_figure(tmp_path):
    evaluation = evaluate_workbook(plant_workbook(tmp_path / "quoted.xlsx", [("Pump", 1, 10, 1, None, "test")], [
        ("Cells", 100, 2, 207.2, 200, 2.2, 0.95, 30, 2500, "test")]))
    cells = 2.2 * 2 * FARADAY_C_PER_MOL / (0.95 * 207.2) / 3.6 * 100  # kWh/month, 59 910
    assert evaluation.results.scalar("electrolysis.0.energy_per_month") == pytest.approx(cells)
    verdict = verdict_of(evaluation)
    assert verdict.status == NOT_ESTABLISHED
    quoted = reason(verdict, "quoted_energy")
    assert quoted.weight == INVALIDATES and quoted.audit == "current-efficiency:Cells"
    case = quoted.corrected
    assert case.overrides["electrolysis.0.cell_voltage"] == pytest.approx(2.2 * 248_000 / cells)
    assert case.figures["energy_per_month"] == pytest.approx(250_000)
    base_net = evaluation.results.scalar("net_effect_per_month")
    net = base_net - (250_000 - cells - 2_000) * 10
    assert case.figures["net_effect_per_month"] == pytest.approx(net)
    assert case.figures["npv"] == pytest.approx(npv_by_hand(net, 1_000_000))
    assert quoted.text("en").startswith("Cells: the model uses 599.1 kWh/t against the source's 2,500 kWh/t. At the "
                                        "quoted figure, read as the plant's whole electricity per tonne of metal "
                                        "(the cell voltage raised from 2.2 V to an energy-equivalent 9.107 V")


# -- a chain without costs -----------------------------------------------------------------------------------

def test_a_chain_without_costs_has_no_npv_headline_and_its_returned_credit_is_not_cash(tmp_path):
    unpriced = [row[:10] + (None,) + row[11:] for row in TWO_STAGES]  # no price on the ore nor the flux
    evaluation = evaluate_workbook(chain_workbook(
        tmp_path / "free.xlsx", unpriced, payables=[("Refining/Product", "A", 0.9), ("Refining/Residue", "B", 0.5)]))
    results = evaluation.results
    sold = 100 * 0.8 * 0.9 * 100_000  # 100 t of product a month, 80 % A, 90 % payable: 7 200 000 RUB/month
    credit = 300 * 11 / 30 * 0.5 * 50_000  # the returned residue: 2 750 000 RUB/month
    assert results.scalar("credit_per_month") == pytest.approx(credit)
    assert results.scalar("net_effect_per_month") == pytest.approx(sold)  # the credit is not cash
    verdict = verdict_of(evaluation)
    assert verdict.status == NOT_ESTABLISHED and verdict.result == NO_COSTS and not verdict.shows_npv
    assert verdict.headline("en") == (
        "Not established: the workbook enters neither capital nor any operating cost, so econ gives no NPV; the "
        "products are worth 7,200,000 RUB per month (86,400,000 RUB per year), a product value, not a feasibility "
        "result")
    assert reason(verdict, "returned_credit").weight == NOTE
    assert reason(verdict, "returned_credit").text("en") == (
        "Credit for returned intermediates, 2,750,000 RUB per month, is not counted as cash")
    figures = dict(build_document(evaluation, "en").key_figures)
    assert "Net present value (NPV),\u00a010\u00a0%" not in figures
    assert figures["Value of the products sold per month (not a feasibility result)"] == "7,200,000 RUB/month"


# -- the uncertainty analysis' probability of a loss ---------------------------------------------------------

@pytest.mark.parametrize(("probability", "status", "weight"), [
    (0.05, QUALIFIED, NOTE), (0.2, QUALIFIED, QUALIFIES), (0.6, NOT_ESTABLISHED, INVALIDATES)])
def test_the_probability_of_a_loss_enters_the_verdict(tmp_path, probability, status, weight):
    evaluation = evaluate_workbook(plant_workbook(tmp_path / "sized.xlsx", [("Cell", 1, 5, 1, 10, "test")]))
    verdict = verdict_of(evaluation, probability_of_loss=probability)
    assert verdict.status == status  # qualified at least, by its by-product dependence
    assert reason(verdict, "loss").weight == weight
    evaluation.uncertainty = {"metrics": {"npv": {"prob_negative": probability}}}  # as econ uncertainty gives it
    assert reason(verdict_of(evaluation), "loss").text("en") == (
        f"the uncertainty analysis gives a probability of a loss (NPV below 0) of {probability * 100:.1f}\u00a0%")
    evaluation.uncertainty = SimpleNamespace(probability_of_loss=probability)  # as a risk analysis attaches it
    assert reason(verdict_of(evaluation), "loss").weight == weight


def test_an_unprofitable_plant_with_clean_audits_is_established():
    """ni_rinse_ro.xlsx: no published figures, no warnings; its NPV is negative."""
    verdict = verdict_of(evaluate_workbook(INPUTS / "ni_rinse_ro.xlsx"))
    assert (verdict.status, verdict.result, verdict.reasons) == (ESTABLISHED, "unprofitable", ())


# -- the bundled cases ---------------------------------------------------------------------------------------

def test_cr_scheme_is_not_established_with_57_units():
    evaluation = evaluate_workbook(INPUTS / "cr_scheme.xlsx")
    assert evaluation.results.scalar("npv") == pytest.approx(16_484_430.7, abs=0.1)  # unchanged
    verdict = verdict_of(evaluation)
    assert verdict.status == NOT_ESTABLISHED
    case = reason(verdict, "capacity").corrected
    assert case.details["units"] == 57
    assert case.figures["capital_total"] == pytest.approx(57 * 12_000_000)
    assert case.figures["energy_per_month"] == pytest.approx(2_565 * 176)
    net = 824_500 - 1_500 * 40.52 - (451_440 * 13.086 + 120_000 + 57 * 1_200_000 / 12 + 57 * 700_000 / 12)
    assert case.figures["net_effect_per_month"] == pytest.approx(net)  # -14 288 824 RUB/month, no tax on a loss
    assert case.figures["npv"] == pytest.approx(-57 * 12e6 + 12 * (net + 57 * 1e5) * ANNUITY_10)  # -1.317 bn RUB


def test_pb_electrorefining_is_not_established_at_the_quoted_2500_kwh_per_t():
    evaluation = evaluate_workbook(INPUTS / "pb_electrorefining.xlsx")
    assert evaluation.results.scalar("npv") == pytest.approx(712_678_879.6, abs=0.1)  # unchanged
    verdict = verdict_of(evaluation)
    assert verdict.status == NOT_ESTABLISHED
    case = reason(verdict, "quoted_energy").corrected
    assert case.figures["energy_per_month"] == pytest.approx(2_500 * 2_475)
    results = evaluation.results  # 23 509 848 RUB/month, 1 722 710.4 kWh/month
    net = results.scalar("net_effect_per_month") - (2_500 * 2_475 - results.scalar("energy_per_month")) * 6.5
    assert net == pytest.approx(-5_511_284.5, abs=0.1)
    assert case.figures["net_effect_per_month"] == pytest.approx(net)
    annuity = (1 - 1.12 ** -15) / 0.12
    capital = evaluation.results.scalar("capital_total")
    assert case.figures["npv"] == pytest.approx(-capital + 12 * (net + capital / 15 / 12) * annuity, rel=1e-9)


def test_copper_chain_counts_no_returned_credit_as_cash_and_headlines_no_npv():
    evaluation = evaluate_workbook(INPUTS / "copper_chain.xlsx")
    results = evaluation.results
    assert results.scalar("net_effect_per_month") == pytest.approx(results.scalar("product_revenue_per_month"))
    assert results.scalar("credit_per_month") == pytest.approx(66_097_922.2, abs=0.1)
    verdict = verdict_of(evaluation)
    assert (verdict.status, verdict.result) == (NOT_ESTABLISHED, NO_COSTS)
    for lang in ("en", "ru"):
        document = build_document(evaluation, lang)
        assert not any("NPV" in name or "IRR" in name for name, _ in document.key_figures)


def test_bi_oxides_names_the_printed_figure_that_makes_stage_2_pass_on_more_bi_than_it_received():
    evaluation = evaluate_workbook(INPUTS / "bi_oxides.xlsx")
    audit = next(audit for audit in evaluation.audits if audit.id == "closure:Electrolysis, stage 2:Bi")
    assert audit.finding_text == "audit.closure.excess_cause"
    assert audit.values["stream"] == "Cathode product-2" and audit.values["reference"] == "T5-Cathode2-Bi-dist"
    assert audit.values["implied"] == pytest.approx(0.013 * 11.7)  # 1.3 % of the 11.7 g of Bi loaded
    assert audit.values["corrected"] == pytest.approx(11.5 + 0.013 * 11.7 + 0.01)  # the stage closes: 11.66 g
    assert audit.message("en").endswith(
        "The printed figure that causes it: Cathode product-2's Bi, 0.7 g; the source's own T5-Cathode2-Bi-dist "
        "(1.3 %) gives 0.1521 g, with which the stage obtains 11.66 g (7 published figures of the stream "
        "contradict the printed amount)")
    verdict = verdict_of(evaluation)
    assert reason(verdict, "excess").weight == QUALIFIES and verdict.status == QUALIFIED


# -- the PDF --------------------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("workbook", "lang", "expected"), [
    ("cr_scheme", "en", ["Not established: the stated inputs give NPV 16,484,431 RUB",
                         "What would be needed, and what else qualifies the result:",
                         "57 units would be needed", "NPV -1,317,295,253 RUB"]),
    ("cr_scheme", "ru", ["Не подтверждено: заявленные исходные данные дают NPV 16 484 431 руб.",
                         "Что для этого нужно и что ещё ограничивает вывод:", "нужно 57 аппаратов",
                         "NPV −1 317 295 253 руб."]),
    ("pb_electrorefining", "en", ["Not established:", "net effect -5,511,285 RUB per month"]),
    ("copper_chain", "en", ["econ gives no NPV", "Value of the products sold per month (not a feasibility",
                            "Credit for returned intermediates, 66,097,922 RUB per month, is not counted as cash"]),
    ("copper_chain", "ru", ["расчёт не даёт NPV", "Стоимость товарной продукции в месяц"]),
])
def test_the_pdf_summary_shows_the_verdict(tmp_path, workbook, lang, expected):
    [pdf] = write_reports(evaluate_workbook(INPUTS / f"{workbook}.xlsx"), tmp_path, ("pdf",), lang)
    summary = subprocess.run(["pdftotext", "-f", "3", "-l", "3", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout
    text = re.sub(r"\s+", " ", summary.replace("\u00a0", " ").replace("\u202f", " "))
    for phrase in expected:
        assert phrase in text, f"{phrase!r} not in {text[:3000]}"
    if workbook == "copper_chain":
        assert "Net present value" not in text and "Чистый дисконтированный доход" not in text
