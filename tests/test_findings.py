"""Issue 13, the regression check: rounding-aware verdicts, findings grouped by cause, implied values,
constructed references apart, and the machine-readable results (--json, --junit).

The small workbooks are the two-stage chain of tests/support/chain_book.py with a References sheet. Its
Concentrate holds 9 kg of A in 40 kg, both typed without decimals: the A content lies between
8.5 / 40.5 = 20.988 % and 9.5 / 39.5 = 24.051 %, 22.5 % as typed. The Product holds 8 kg of A in 10 kg: 80 %.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import openpyxl
import pytest

from econ import cli
from econ.api import evaluate_workbook
from econ.checks.findings import group_findings
from econ.checks.regression import AGREES_ROUNDING, DIFFERS, NOT_TESTED
from econ.inputs import precision
from tests.support.chain_book import STREAM_HEADER, STREAM_UNITS, TWO_STAGES, chain_workbook

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "support" / "check_schema.json").read_text())
REFERENCE_HEADER = ("id", "figure", "published", "unit", "quantity", "comparison", "tolerance", "source", "kind",
                    "materiality")
LOW, HIGH = 8.5 / 40.5 * 100, 9.5 / 39.5 * 100  # the Concentrate's A content over the rounding of 9 kg and 40 kg


def chain_with_references(path: Path, references: list[tuple], streams: list[tuple] | None = None,
                          header: tuple = STREAM_HEADER, units: tuple = STREAM_UNITS) -> Path:
    """The two-stage chain workbook with a References sheet of ``references`` (REFERENCE_HEADER columns)."""
    chain_workbook(path, streams, header, units)
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("References")
    for row in (REFERENCE_HEADER, *references):
        sheet.append(list(row))
    book.save(path)
    return path


def comparison_of(evaluation, identifier: str):  # noqa: ANN001, ANN201
    return next(c for c in evaluation.comparisons if c.reference.id == identifier)


def test_printed_precision_is_half_a_unit_of_the_last_digit():
    assert precision.half_unit(47.6) == 0.05
    assert precision.half_unit(1136) == 0.5
    assert precision.half_unit(0.01) == 0.005  # bi_oxides' cathode-1 Bi, 0.01 g
    assert precision.half_unit(0.5, "0.00") == 0.005  # the format shows more decimals than were typed
    assert precision.half_unit(0.153, "0.0%") == 0.0005  # 15.3 %: the cell stores the fraction
    assert precision.half_unit(0) == 0.0  # an absent component is exact
    assert precision.parse("-2", 1100) == 50.0 and precision.parse("±0.25", 3.5) == 0.25
    with pytest.raises(ValueError, match="a whole number of decimals"):
        precision.parse("1.5", 3.5)


def test_a_figure_within_the_rounding_of_its_inputs_agrees_within_input_rounding(tmp_path):
    path = chain_with_references(tmp_path / "round.xlsx", [
        ("A-in-conc", "Concentrate: A content", 23.5, "%", "balance.2.0.content", "=", 0.05, "Table 1"),
        ("A-in-conc-far", "Concentrate: A content", 25.0, "%", "balance.2.0.content", "=", 0.05, "Table 2"),
    ])
    evaluation = evaluate_workbook(path)
    near, far = comparison_of(evaluation, "A-in-conc"), comparison_of(evaluation, "A-in-conc-far")
    assert near.computed == pytest.approx(22.5)
    assert (near.low, near.high) == (pytest.approx(LOW), pytest.approx(HIGH))
    assert near.verdict == AGREES_ROUNDING and near.passed
    assert set(near.rounded) == {"streams.2.mass", "streams.2.0.amount"}
    assert far.verdict == DIFFERS
    assert far.gap == pytest.approx(25.0 - (HIGH + 0.05))  # 0.8994 % beyond what the rounding reaches
    assert far.material  # 3.6 % of the published figure, above the default 1 %


def test_a_precision_column_narrows_the_range(tmp_path):
    streams = [row + ("2",) if row[1] == "Concentrate" and row[2] == "out" else row + (None,) for row in TWO_STAGES]
    path = chain_with_references(tmp_path / "precise.xlsx", [
        ("A-in-conc", "Concentrate: A content", 23.5, "%", "balance.2.0.content", "=", 0.05, "Table 1"),
    ], streams, STREAM_HEADER + ("precision",), STREAM_UNITS + (None,))
    comparison = comparison_of(evaluate_workbook(path), "A-in-conc")
    assert (comparison.low, comparison.high) == (pytest.approx(8.995 / 40.005 * 100), pytest.approx(9.005 / 39.995 * 100))
    assert comparison.verdict == DIFFERS


def test_materiality_on_the_references_sheet_makes_a_difference_immaterial(tmp_path):
    path = chain_with_references(tmp_path / "material.xlsx", [
        ("A-in-conc-far", "Concentrate: A content", 25.0, "%", "balance.2.0.content", "=", 0.05, "Table 2",
         "published", 0.05),
    ])
    assert not comparison_of(evaluate_workbook(path), "A-in-conc-far").material
    assert cli.main(["check", str(path)]) == 0  # exit 1 only for a material finding


def test_a_swap_of_two_published_figures_is_one_finding(tmp_path, capsys):
    path = chain_with_references(tmp_path / "swap.xlsx", [
        ("A-conc", "Concentrate: A content", 80.0, "%", "balance.2.0.content", "=", 0.05, "Abstract"),
        ("A-product", "Product: A content", 22.5, "%", "balance.6.0.content", "=", 0.05, "Abstract"),
    ])
    evaluation = evaluate_workbook(path)
    findings = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons)
    assert [(finding.kind, finding.figures) for finding in findings] == [("swap", ("A-conc", "A-product"))]
    assert cli.main(["check", str(path)]) == 1
    output = capsys.readouterr().out
    assert ("  F1: two published figures exchanged: each of A-conc, A-product matches the other's computed value; "
            "explains A-conc, A-product") in output
    assert findings[0].text(evaluation.plant, "ru").startswith("два опубликованных значения переставлены")


def test_a_factor_of_a_thousand_is_a_unit_slip(tmp_path):
    path = chain_with_references(tmp_path / "unit.xlsx", [
        ("Conc-mass", "Concentrate: mass", 40_000, "kg", "balance.2.mass", "=", 0.5, "Table 1"),
    ])
    evaluation = evaluate_workbook(path)
    [finding] = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons)
    assert (finding.kind, finding.diagnosis.factor, finding.figures) == ("unit", 1000.0, ("Conc-mass",))
    assert finding.text(evaluation.plant) == "a unit slip: the published figure is the computed one times 1,000"


def test_a_tariff_typo_is_named_with_its_implied_value(edited_workbook):
    """The Cr tariff typed as 1.3086 instead of 13.086: every figure it moves is one finding naming it."""
    evaluation = evaluate_workbook(edited_workbook({"Tariffs!C2": 1.3086}))
    findings = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons)
    tariff = next(finding for finding in findings if finding.cause == "electricity_price")
    assert {"T3-energy", "T3-total"} <= set(tariff.figures)
    [implied] = tariff.diagnosis.implied
    assert implied.value == pytest.approx(103_635 / 7_920, rel=1e-3)  # 13.085 RUB/kWh, against 1.3086 entered
    assert tariff.text(evaluation.plant) == (
        f"{len(tariff.figures)} figures trace back to Electricity tariff (Tambov region, 2025) "
        f"(cr_scheme.xlsx!Tariffs!C2): entered 1.3086 RUB/kWh, the figures imply 13.0854 RUB/kWh")


def test_a_claim_whose_inputs_are_all_assumptions_is_not_tested(tmp_path):
    streams = [row[:11] + ("assumption: chosen for the test",) + row[11:] for row in TWO_STAGES]
    path = chain_with_references(tmp_path / "assumed.xlsx", [
        ("A-in-conc", "Concentrate: A content", 30, "%", "balance.2.0.content", "<", 0, "Text"),
    ], streams, STREAM_HEADER[:11] + ("source",) + STREAM_HEADER[11:], STREAM_UNITS[:11] + (None,) + STREAM_UNITS[11:])
    evaluation = evaluate_workbook(path)
    comparison = comparison_of(evaluation, "A-in-conc")
    assert comparison.verdict == NOT_TESTED and not comparison.evidence
    assert comparison.rounded == ()  # an assumption was not printed: it is exact


def test_the_pb_msa_claim_from_an_assumed_voltage_is_not_tested():
    evaluation = evaluate_workbook(ROOT / "inputs" / "pb_electrorefining.xlsx")
    assert {c.reference.id: (c.reference.kind, c.verdict) for c in evaluation.comparisons} == {
        "D-energy": ("published", "differs"), "BPM-energy": ("derived", "differs"),
        "MSA-energy": ("assumed", "not tested")}


def test_bi_oxides_findings_group_the_issue_examples():
    evaluation = evaluate_workbook(ROOT / "inputs" / "bi_oxides.xlsx")
    verdicts = {c.reference.id: c.verdict for c in evaluation.comparisons}
    for identifier in ("T4-SaltMix-Pb-dist", "TXT1-Slag-yield", "T4-Cathode1-Bi-content"):
        assert verdicts[identifier] == AGREES_ROUNDING
    findings = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons)
    assert len(findings) <= 13
    cathode2 = next(finding for finding in findings if finding.cause == "streams.29.0.amount")
    assert len(cathode2.figures) == 9
    swap = next(finding for finding in findings if finding.kind == "swap")
    assert set(swap.figures) == {"ABS-NaOH-cons", "ABS-NaNO3-cons", "TXT3-NaOH-cons", "TXT3-NaNO3-cons"}
    assert len(next(finding for finding in findings if finding.kind == "twin").figures) == 15


def test_json_output_follows_its_schema(capsys):
    assert cli.main(["check", str(ROOT / "inputs" / "cr_scheme.xlsx"), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, SCHEMA)
    figures = {figure["id"]: figure for figure in document["figures"]}
    assert len(figures) == 20
    assert figures["T3-energy"]["verdict"] == "agrees within input rounding"
    assert figures["E-cost-text"]["finding"] == "F1" and figures["E-cost-text"]["material"] is True
    assert document["findings"][0]["kind"] == "unit"
    assert document["summary"]["material_findings"] == 2


def test_junit_has_a_case_per_figure_and_audit(tmp_path, capsys):
    out = tmp_path / "ci" / "cr.xml"
    assert cli.main(["check", str(ROOT / "inputs" / "cr_scheme.xlsx"), "--junit", str(out)]) == 1
    capsys.readouterr()
    suites = ET.parse(out).getroot()
    figures, audits = suites.findall("testsuite")
    evaluation = evaluate_workbook(ROOT / "inputs" / "cr_scheme.xlsx")
    assert len(figures.findall("testcase")) == int(figures.get("tests")) == 20
    failed = [case.get("name") for case in figures.findall("testcase") if case.find("failure") is not None]
    assert failed == ["E-cost-text", "CLAIM-4x"]
    assert len(audits.findall("testcase")) == len(evaluation.audits)
    assert len(audits.findall("testcase/failure")) == len(evaluation.warnings) == int(audits.get("failures"))
    assert [path.name for path in out.parent.iterdir()] == ["cr.xml"]  # no temporary file left behind


def test_a_total_that_is_not_the_sum_of_its_parts_names_what_it_equals():
    """Table 4 prints 197.1 g of Pb obtained: the stage's products hold 175.6 g; 197.1 g is what it loaded."""
    evaluation = evaluate_workbook(ROOT / "inputs" / "bi_oxides.xlsx")
    findings = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons, evaluation.results)
    finding = next(finding for finding in findings if "T4-Tot-out-Pb" in finding.figures)
    [(figure, total)] = finding.totals
    assert (figure, total.parts, total.matches) == (
        "T4-Tot-out-Pb", ("balance.22.1.mass", "balance.23.1.mass", "balance.24.1.mass"), "stage.3.1.loaded")
    assert total.value == pytest.approx(197.1)
    assert ("; T4-Tot-out-Pb is a total that is not the sum of its parts (balance.22.1.mass, balance.23.1.mass, "
            "balance.24.1.mass): the published figure is stage.3.1.loaded (197.1)") in finding.text(evaluation.plant)


def test_the_four_times_claim_holds_on_the_cash_basis(cr_evaluation):
    """45.81 / 12 = 3.82 is not "more than four times"; without depreciation, 57.81 / 12 = 4.82 is."""
    findings = group_findings(cr_evaluation.plant, cr_evaluation.model, cr_evaluation.comparisons,
                              cr_evaluation.results)
    form = next(finding for finding in findings if finding.figures == ("CLAIM-4x",))
    assert form.kind == "form"
    assert (form.diagnosis.form.key, form.diagnosis.form.other) == ("opex_per_month", "cash_opex_per_month")
    assert form.diagnosis.form.value == pytest.approx(57_809_465.6 / 12_000_000, rel=1e-4)


def test_the_report_lists_findings_first():
    from econ.report.document import build_document

    evaluation = evaluate_workbook(ROOT / "inputs" / "cr_scheme.xlsx")
    table = build_document(evaluation, "en").tables["checks"]
    sections = [row[0] for row, kind in zip(table.rows, table.row_classes) if kind == "section"]
    assert sections == ["F1: a unit slip: the published figure is the computed one times 1,000",
                        "F2: 1 figure follows when “OPEX total” is taken in its other form, “OPEX without depreciation "
                        "(cash)” (the quantity is then 4.817): the source states it in two forms, and the one printed "
                        "here does not follow",
                        "Published figures that agree or hold"]
    assert table.rows[1][0] == "E-cost-text" and table.row_classes[1] == "warning"
