"""Alternatives, incremental cases and break-even, on variants of the chromium scheme.

An alternative that only raises the capital by 2 mln RUB must lose exactly the
present value of that capital: incremental NPV = -2 mln RUB (year 0 is not
discounted), a fact that does not depend on the rest of the model.
"""

from __future__ import annotations

import openpyxl
from openpyxl.utils import get_column_letter
import pytest

from econ import cli
from econ.errors import InputError, ModelError
from econ.inputs.reader import read_plant
from econ.model.alternatives import alternative_cases, incremental
from econ.model.breakeven import break_even, npv_map
from tests.conftest import CR_SCHEME


def with_alternatives(tmp_path, rows, name="alternatives.xlsx"):
    target = tmp_path / name
    book = openpyxl.load_workbook(CR_SCHEME)
    sheet = book.create_sheet("Alternatives")
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


@pytest.fixture
def plant(tmp_path):
    return read_plant(with_alternatives(tmp_path, [
        ["field", "unit", "Dearer plant", "Cheap power"],
        ["description", "", "2 mln RUB more capital", "half the tariff"],
        ["Capital:ED + EDI treatment plant equipment:cost", "mln RUB", 14, None],
        ["electricity_price", "RUB/kWh", None, 6.543],
    ]))


def test_alternatives_override_some_inputs_and_inherit_the_rest(plant):
    dearer, cheap = plant.alternatives
    assert dearer.name == "Dearer plant" and dearer.description == "2 mln RUB more capital"
    assert dearer.overrides == {"capital.0.cost": 14e6}
    assert cheap.overrides == {"electricity_price": 6.543}


def test_each_alternative_is_a_case_of_one_evaluation(plant):
    base, dearer, cheap = alternative_cases(plant)
    assert base.name == "Base case"
    assert base.value("capital_total") == 12e6 and dearer.value("capital_total") == 14e6
    assert cheap.value("energy_cost_per_month") == pytest.approx(7920 * 6.543)
    assert dearer.value("energy_cost_per_month") == base.value("energy_cost_per_month")


def test_incremental_npv_of_extra_capital(plant):
    base, dearer, _ = alternative_cases(plant)
    step = incremental(base, dearer)
    assert step.flows[0] == pytest.approx(-2e6)
    # more depreciation lowers the tax, so the later flows rise a little: 25 % x 0.2 mln RUB a year
    assert step.flows[1:] == pytest.approx([0.25 * 2e6 / 10] * 10)
    annuity = (1 - 1.1 ** -10) / 0.1
    assert step.npv == pytest.approx(-2e6 + 0.05e6 * annuity)
    assert step.irr.number is not None and step.irr.number < 0  # defined, and negative


def test_break_even_of_an_overridden_input_varies_the_alternative_only(plant):
    """The alternative differs from the base only in its tariff: it breaks even at the base tariff."""
    result = break_even(plant, "electricity_price", 0.0, 30.0, alternative="Cheap power")
    assert result.values == pytest.approx((13.086,), rel=1e-9)


def test_break_even_of_a_shared_input_varies_both_cases(plant):
    """The tariff is common to the base and the dearer plant: their difference never depends on it."""
    result = break_even(plant, "electricity_price", 0.0, 30.0, alternative="Dearer plant")
    assert result.values == () and "no break-even in [0, 30]" in result.reason
    assert "incremental NPV of Dearer plant stays negative" in result.reason


def test_break_even_capital_of_the_plant(plant):
    capital = break_even(plant, "capital.0.cost", 5e6, 50e6)
    assert len(capital.values) == 1
    # at the break-even capital the plant's NPV is zero: check by evaluating there
    from econ.model.build import run_model

    at = run_model(plant, {"capital.0.cost": capital.values[0]})
    assert at.scalar("npv") == pytest.approx(0, abs=1e-3)


def test_npv_map_is_vectorized_and_matches_single_runs(plant):
    import numpy as np

    from econ.model.build import run_model

    xs, ys = np.linspace(5, 20, 7), np.linspace(0.5, 3, 5)
    values = npv_map(plant, "electricity_price", xs, "byproducts.0.price", ys)
    assert values.shape == (5, 7)
    single = run_model(plant, {"electricity_price": xs[3], "byproducts.0.price": ys[2]}).scalar("npv")
    assert values[2, 3] == pytest.approx(single, rel=1e-12)


def test_unknown_input_in_the_alternatives_sheet_names_its_cell(tmp_path):
    path = with_alternatives(tmp_path, [["field", "unit", "A"], ["Capital:No such item:cost", "RUB", 1]])
    with pytest.raises(InputError) as error:
        read_plant(path)
    assert str(error.value).startswith('alternatives.xlsx!Alternatives!A2 "field"')


def test_unknown_alternative_is_a_clear_error(plant):
    with pytest.raises(ModelError, match="no alternative named 'Nope'"):
        break_even(plant, "electricity_price", 0, 30, alternative="Nope")


def test_compare_command_prints_every_case_and_the_incremental_ones(tmp_path, capsys):
    path = with_alternatives(tmp_path, [
        ["field", "unit", "Dearer plant"], ["Capital:ED + EDI treatment plant equipment:cost", "mln RUB", 14]])
    assert cli.main(["compare", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Base case" in out and "Dearer plant" in out
    assert "14,000,000" in out and "12,000,000" in out
    assert "Incremental cases (alternative minus Base case)" in out


def test_breakeven_command(capsys):
    assert cli.main(["breakeven", str(CR_SCHEME), "--input", "byproducts.0.price", "--range", "0", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("byproducts.0.price = 1.27") and out.rstrip().endswith("makes NPV zero")


def test_results_workbook_puts_the_alternatives_side_by_side_with_live_formulas(tmp_path):
    from econ.api import evaluate_workbook, write_reports
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    path = with_alternatives(tmp_path, [
        ["field", "unit", "Dearer plant", "Cheap power"],
        ["Capital:ED + EDI treatment plant equipment:cost", "mln RUB", 14, None],
        ["electricity_price", "RUB/kWh", None, 6.543],
    ])
    (written,) = write_reports(evaluate_workbook(path), tmp_path / "out", ("xlsx",), lang="en")
    book = openpyxl.load_workbook(written)
    assert book.sheetnames[:2] == ["Comparison", "Summary"]
    # an alternative's sheets are named after it
    assert "Dearer plant Inputs" in book.sheetnames and "Cheap power Cash flow" in book.sheetnames
    assert "Cheap power Revenue" in book.sheetnames  # "Revenue and losses" in short
    inputs = book["Cheap power Inputs"]
    rows = {inputs.cell(r, 2).value: inputs.cell(r, 3).value for r in range(9, inputs.max_row + 1)}
    assert rows["electricity_price"] == 6.543  # overridden: a number
    assert rows["capital.0.cost"].startswith("=Inputs!C")  # inherited: a formula over the base case
    comparison = book["Comparison"]
    labels = [comparison.cell(r, 1).value for r in range(1, comparison.max_row + 1)]
    assert "Incremental case: Dearer plant minus Base case" in labels
    assert "Incremental NPV" in labels
    with office_or_skip() as office:
        result = recalculate(written, office)
    assert compare(result) == []
    assert len(result.formulas) > 900


def test_breakeven_map_is_written_as_svg_with_the_zero_line(tmp_path, capsys):
    import xml.etree.ElementTree as ElementTree

    target = tmp_path / "map.svg"
    assert cli.main(["breakeven", str(CR_SCHEME), "--input", "electricity_price", "--range", "2", "60",
                     "--map", "byproducts.0.price", "0.5", "3", "--svg", str(target)]) == 0
    out = capsys.readouterr().out
    assert "electricity_price = 50.7" in out and f"wrote {target}" in out
    root = ElementTree.fromstring(target.read_text(encoding="utf-8"))
    texts = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("text"))
    assert "break-even" in texts and "NPV > 0" in texts and "electricity_price [RUB/kWh]" in texts


def test_breakeven_map_with_an_unknown_input_is_a_one_line_error_before_any_answer(capsys):
    assert cli.main(["breakeven", str(CR_SCHEME), "--input", "electricity_price", "--range", "2", "60",
                     "--map", "no_such_input", "0", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("Error: cr_scheme.xlsx: --map 'no_such_input': expected an input that the workbook "
                            "gives a value (the keys: econ check cr_scheme.xlsx --list-inputs)\n")


def test_breakeven_takes_inputs_named_as_in_the_sheets(capsys):
    """Sheet:row name:field, as the Alternatives and BreakEven sheets name inputs, for --input and --map."""
    assert cli.main(["breakeven", str(CR_SCHEME), "--input", "ByProducts:Salt-bearing powder mix (construction):price",
                     "--range", "0", "4"]) == 0
    assert capsys.readouterr().out.startswith("byproducts.0.price = 1.27")
    assert cli.main(["breakeven", str(CR_SCHEME), "--input", "electricity_price", "--range", "2", "60",
                     "--map", "Capital:No such item:cost", "0", "1"]) == 2
    assert "expected Sheet:row name:field naming an existing row" in capsys.readouterr().err


def test_pdf_report_has_an_alternatives_section_with_the_incremental_cases(tmp_path):
    from pypdf import PdfReader

    from econ.api import evaluate_workbook, write_reports

    path = with_alternatives(tmp_path, [
        ["field", "unit", "Dearer plant"], ["Capital:ED + EDI treatment plant equipment:cost", "mln RUB", 14]])
    (pdf,) = write_reports(evaluate_workbook(path), tmp_path / "out", ("pdf",), "en")
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    assert "Alternatives" in text and "Dearer plant" in text
    assert "Incremental cases: each alternative minus the base case" in text
    assert "-1,692,772 RUB" in text or "−1,692,772 RUB" in text  # -2 mln + PV of the tax saved on depreciation


def test_a_reference_can_name_the_alternative_it_belongs_to(tmp_path):
    """The published electricity cost of the 'Cheap power' option is checked against that option's model."""
    from econ.api import evaluate_workbook, write_reports
    from tests.support.libreoffice import compare, office_or_skip, recalculate

    path = with_alternatives(tmp_path, [
        ["field", "unit", "Cheap power"], ["electricity_price", "RUB/kWh", 6.543]])
    book = openpyxl.load_workbook(path)
    references = book["References"]
    case_column = references.max_column + 1  # after the translation columns
    references.cell(1, case_column).value = "case"
    row = ["CHEAP-energy", "Electricity cost with cheap power", 51_820.56, "RUB/month",
           "energy_cost_per_month", "=", 0.005, "test: 7 920 kWh x 6.543 RUB/kWh", ""]
    references.append(row + [None] * (case_column - 1 - len(row)) + ["Cheap power"])
    book.save(path)
    evaluation = evaluate_workbook(path)
    cheap = next(c for c in evaluation.comparisons if c.reference.id == "CHEAP-energy")
    assert cheap.computed == pytest.approx(7920 * 6.543)
    assert cheap.verdict == "agrees"
    base = next(c for c in evaluation.comparisons if c.reference.id == "T3-energy")
    assert base.computed == pytest.approx(7920 * 13.086)
    (written,) = write_reports(evaluation, tmp_path / "out", ("xlsx",), lang="en")
    checks = openpyxl.load_workbook(written)["Checks"]
    row = next(r for r in range(1, checks.max_row + 1) if checks.cell(r, 1).value == "CHEAP-energy")
    assert checks.cell(row, 5).value.startswith("='Cheap power Energy'!")
    with office_or_skip() as office:
        assert compare(recalculate(written, office)) == []


def test_a_reference_to_an_unknown_alternative_names_its_cell(tmp_path):
    path = with_alternatives(tmp_path, [["field", "unit", "Cheap power"], ["electricity_price", "RUB/kWh", 6.5]])
    book = openpyxl.load_workbook(path)
    references = book["References"]
    column = get_column_letter(references.max_column + 1)  # after the translation columns
    references[f"{column}1"] = "case"
    references[f"{column}2"] = "No such option"
    book.save(path)
    with pytest.raises(InputError) as error:
        read_plant(path)
    assert str(error.value).startswith(f'alternatives.xlsx!References!{column}2 "case"')
    assert "No such option" in str(error.value)


def test_break_even_sheet_questions_are_answered_in_the_report(tmp_path):
    from pypdf import PdfReader

    from econ.api import evaluate_workbook, write_reports

    path = with_alternatives(tmp_path, [["field", "unit", "Cheap power"], ["electricity_price", "RUB/kWh", 6.543]])
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("BreakEven")
    sheet.append(["alternative", "input", "unit", "low", "high", "map_input", "map_unit", "map_low", "map_high"])
    sheet.append(["", "ByProducts:Salt-bearing powder mix (construction):price", "RUB/kg", 0, 4,
                  "electricity_price", "RUB/kWh", 2, 60])
    sheet.append(["Cheap power", "electricity_price", "RUB/kWh", 1, 30])
    book.save(path)
    evaluation = evaluate_workbook(path)
    outcomes = evaluation.break_even_outcomes()
    assert outcomes[0].result.values == pytest.approx(
        break_even(evaluation.plant, "byproducts.0.price", 0, 4).values)
    assert outcomes[0].values.shape == (81, 81)
    assert outcomes[1].result.values == pytest.approx((13.086,))
    (pdf,) = write_reports(evaluation, tmp_path / "out", ("pdf",), "en")
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages).split())
    # to 4 significant digits: break-even prices of 1.27693 RUB/kg and 13.086 RUB/kWh
    assert "Break-even" in text and "1.277 RUB/kg" in text and "13.09 RUB/kWh" in text
    assert "Break-even map: NPV of Base case = 0" in text


def test_break_even_range_must_be_increasing(tmp_path):
    path = with_alternatives(tmp_path, [["field", "unit", "Cheap power"], ["electricity_price", "RUB/kWh", 6.5]])
    book = openpyxl.load_workbook(path)
    sheet = book.create_sheet("BreakEven")
    sheet.append(["alternative", "input", "unit", "low", "high"])
    sheet.append(["", "electricity_price", "RUB/kWh", 30, 1])
    book.save(path)
    with pytest.raises(InputError) as error:
        read_plant(path)
    assert str(error.value).startswith('alternatives.xlsx!BreakEven!E2 "high"')
