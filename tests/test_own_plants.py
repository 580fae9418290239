"""Engineers' own workbooks: nothing is lost without a word, every problem is reported at once (issue 11).

Each test is one of the mistakes an engineer makes by hand in a copy of
inputs/cr_scheme.xlsx, with the exact message econ gives.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from econ import cli
from econ.api import evaluate_workbook
from econ.inputs.problems import InputErrors
from econ.inputs.reader import read_plant
from econ.model.build import run_model
from econ.model.live_inputs import UnreadInputError

ROOT = Path(__file__).resolve().parents[1]
CR_SCHEME = ROOT / "inputs" / "cr_scheme.xlsx"


def copy_with(tmp_path: Path, *edits: Callable[[openpyxl.Workbook], None], name: str = "plant.xlsx") -> Path:
    book = openpyxl.load_workbook(CR_SCHEME)
    for edit in edits:
        edit(book)
    path = tmp_path / name
    book.save(path)
    return path


def cells(**values: object) -> Callable[[openpyxl.Workbook], None]:
    """An edit setting cells given as Sheet_A1=value."""
    def edit(book: openpyxl.Workbook) -> None:
        for name, value in values.items():
            sheet, address = name.rsplit("_", 1)
            book[sheet][address].value = value
    return edit


def errors_of(path: Path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        read_plant(path)
    return caught.value.lines


def validate(path: Path, capsys) -> tuple[int, list[str]]:
    status = cli.main(["validate", str(path)])
    return status, capsys.readouterr().out.splitlines()


# -- 1. an input only a formula cell reads ---------------------------------------------------

WATER_PRICE = ('cr_scheme.xlsx!Tariffs!C3 "water_price" cannot be {what}: no figure of the model reads it; only the '
               "formula of cr_scheme.xlsx!Losses!C3 (=Tariffs!C3 RUB/m^3) reads it, and input formulas are evaluated "
               "once, when the workbook is read: vary 'Losses:Water, irreversible losses:replacement_price' instead")


def test_breakeven_of_an_input_only_a_formula_reads_is_a_one_line_error(capsys):
    status = cli.main(["breakeven", str(CR_SCHEME), "--input", "water_price", "--range", "0", "200"])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    assert captured.err == "Error: " + WATER_PRICE.format(what="searched for a break-even") + "\n"


def test_a_sweep_over_an_input_no_figure_reads_is_an_error_not_an_unchanged_npv():
    plant = read_plant(CR_SCHEME)
    with pytest.raises(UnreadInputError) as caught:
        run_model(plant, {"water_price": np.linspace(0, 100, 5)})
    assert str(caught.value) == WATER_PRICE.format(what="varied")
    # the input the formula reads into does vary the NPV
    npv = run_model(plant, {"losses.0.replacement_price": np.array([0.0, 100.0])})["npv"]
    assert npv[0] != npv[1]


def break_even_row(book: openpyxl.Workbook) -> None:
    sheet = book.create_sheet("BreakEven")
    sheet.append(["alternative", "input", "unit", "low", "high"])
    sheet.append([None, "water_price", "RUB/m^3", 0, 200])


@pytest.mark.parametrize("command", ["run", "check", "validate"])
def test_a_break_even_row_run_would_refuse_is_refused_by_check_and_validate_too(tmp_path, capsys, command):
    path = copy_with(tmp_path, break_even_row, name="cr_scheme.xlsx")
    argv = [command, str(path)] + (["-o", str(tmp_path / "out"), "--format", "xlsx"] if command == "run" else [])
    status = cli.main(argv)
    captured = capsys.readouterr()
    expected = "Error: " + WATER_PRICE.format(what="searched for a break-even (BreakEven sheet, B2)")
    assert status == 2
    assert expected in (captured.err if command != "validate" else captured.out).splitlines()
    assert not (tmp_path / "out").exists()


# -- 2. inputs dropped without a word ---------------------------------------------------------

def test_a_capital_row_after_a_blank_row_is_read(tmp_path):
    path = copy_with(tmp_path, cells(Capital_A5="Pumps", Capital_B5=1, Capital_C5=10, Capital_D5=0))
    plant = read_plant(path)
    assert [row.name for row in plant.rows("capital")] == ["ED + EDI treatment plant equipment", "Pumps"]
    base, extended = evaluate_workbook(CR_SCHEME).results, evaluate_workbook(path).results
    assert extended.scalar("capital_total") == base.scalar("capital_total") + 1e6
    assert extended.scalar("npv") < base.scalar("npv")


def test_a_blank_first_row_in_staffing_keeps_the_labour(tmp_path):
    path = copy_with(tmp_path, lambda book: book["Staffing"].insert_rows(3))
    assert evaluate_workbook(path).results.scalar("opex_labour") == \
        evaluate_workbook(CR_SCHEME).results.scalar("opex_labour") > 0


def test_a_deleted_staffing_sheet_is_a_note_on_the_terminal(tmp_path, capsys):
    path = copy_with(tmp_path, lambda book: book.remove(book["Staffing"]))
    assert cli.main(["check", str(path)]) == 1
    assert "Note: plant.xlsx: no Staffing sheet: no labour cost is counted" in capsys.readouterr().out.splitlines()


def remove_row(sheet: str, field: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        for row in book[sheet].iter_rows():
            if row[0].value == field:
                book[sheet].delete_rows(row[0].row)
                return
    return edit


@pytest.mark.parametrize("command", ["check", "run"])
def test_a_defaulted_tax_rate_is_a_note_of_check_and_run(tmp_path, capsys, command):
    path = copy_with(tmp_path, remove_row("Project", "income_tax_rate"))
    argv = [command, str(path)] + (["-o", str(tmp_path / "out"), "--format", "xlsx"] if command == "run" else [])
    cli.main(argv)
    assert 'Note: plant.xlsx!Project: "income_tax_rate": no row; the default 0 is used' in \
        capsys.readouterr().out.splitlines()


def test_unknown_fields_are_errors_with_the_nearest_known_name(tmp_path):
    path = copy_with(tmp_path, cells(Tariffs_A4="chemicals_price", Tariffs_C4=12, Tariffs_D4="RUB/kg",
                                     Project_A12="inflation_rate", Project_C12=0.06, Project_D12="fraction"))
    assert errors_of(path) == [
        "plant.xlsx!Project!A12 \"inflation_rate\": unknown field 'inflation_rate' (did you mean 'inflation', on the "
        "Finance sheet?): econ does not read it",
        "plant.xlsx!Tariffs!A4 \"chemicals_price\": unknown field 'chemicals_price' (did you mean "
        "'electricity_price'?): econ does not read it",
    ]


def test_a_field_on_the_wrong_sheet_says_where_it_belongs(tmp_path):
    path = copy_with(tmp_path, cells(Tariffs_A4="discount_rate", Tariffs_C4=0.1, Tariffs_D4="fraction",
                                     Tariffs_A5="loan_rate", Tariffs_C5=0.12, Tariffs_D5="fraction"))
    assert errors_of(path) == [
        "plant.xlsx!Tariffs!A4 \"discount_rate\": field 'discount_rate' belongs on the Project sheet, not on Tariffs",
        "plant.xlsx!Tariffs!A5 \"loan_rate\": field 'loan_rate' belongs on the Finance sheet, not on Tariffs"]


def test_an_unknown_sheet_and_an_unknown_column_are_errors(tmp_path):
    def edit(book: openpyxl.Workbook) -> None:
        book.create_sheet("Capitol")["A1"] = "item"
        book["Equipment"]["I1"] = "load_factr"
        book["Equipment"]["I3"] = 0.5
    errors = errors_of(copy_with(tmp_path, edit))
    assert errors == [
        "plant.xlsx!Equipment!I1 \"load_factr\": unknown column 'load_factr' (did you mean 'load_factor'?): econ "
        "would not read it; rename it, or name it 'note' for a remark",
        "plant.xlsx!Capitol: unknown sheet 'Capitol' (did you mean 'Capital'?): econ does not read it; rename it, or "
        "move its notes to the Instructions sheet",
    ]


def test_a_sheet_of_calculations_that_formulas_read_is_not_unknown(tmp_path):
    def edit(book: openpyxl.Workbook) -> None:
        book.create_sheet("Calc")["B1"] = 13.086
        book["Tariffs"]["C2"] = "=Calc!B1"
    plant = read_plant(copy_with(tmp_path, edit))
    assert plant.value("electricity_price") == 13.086


def test_a_stray_cell_outside_the_columns_is_a_note(tmp_path):
    plant = read_plant(copy_with(tmp_path, cells(Capital_H9="check with the vendor")))
    assert [str(note) for note in plant.notes] == [
        "plant.xlsx!Capital: 1 non-empty cell outside the rows and columns econ reads, not read: H9"]


def test_two_rows_of_one_name_that_an_alternative_names_are_an_error_naming_both(tmp_path):
    def edit(book: openpyxl.Workbook) -> None:
        cells(Capital_A4="Installation", Capital_B4=0.1, Capital_C4=10, Capital_A5="Installation", Capital_B5=0.2,
              Capital_C5=10)(book)
        sheet = book.create_sheet("Alternatives")
        sheet.append(["field", "unit", "Cheaper"])
        sheet.append(["Capital:Installation:cost", "RUB", 5e4])
    assert errors_of(copy_with(tmp_path, edit)) == [
        "plant.xlsx!Alternatives!A2 \"field\": expected a row name used once, but Capital!A4 and Capital!A5 are both "
        "named 'Installation': give the rows different names, got 'Capital:Installation:cost'"]


# -- 3. messages that say what to do ---------------------------------------------------------

def test_text_that_holds_a_number_names_the_number(tmp_path):
    def edit(book: openpyxl.Workbook) -> None:
        cells(Tariffs_C2="7,5", Staffing_C3="55 000", Project_C9="14%")(book)
        book["Project"]["C9"].number_format = "General"
    assert errors_of(copy_with(tmp_path, edit)) == [
        "plant.xlsx!Project!C9 \"income_tax_rate\": the cell holds the text '14%', not a number: type 0.14 (or 14 "
        "with the unit %, or 14% in a cell formatted as %)",
        "plant.xlsx!Tariffs!C2 \"electricity_price\": the cell holds the text '7,5', not a number: type the number 7.5",
        "plant.xlsx!Staffing!C3 \"monthly_wage\": the cell holds the text '55 000', not a number: type the number "
        "55000",
    ]


def test_a_blank_unit_is_reported_at_the_unit_cell(tmp_path):
    assert errors_of(copy_with(tmp_path, cells(Capital_B2=None))) == [
        "plant.xlsx!Capital!B2 \"cost\": unit missing: expected a unit such as 'RUB', got 'an empty cell'"]


def test_a_deleted_units_row_is_one_error_that_says_so(tmp_path):
    assert errors_of(copy_with(tmp_path, lambda book: book["Capital"].delete_rows(2))) == [
        "plant.xlsx!Capital!2: row 2 holds the units of the columns, but B2, C2, D2 hold numbers: was the units row "
        "deleted? Insert a row 2 with the unit of each column (cost: RUB, useful_life: year, salvage_value: RUB)"]


def test_a_date_in_a_value_cell_is_named_as_a_date(tmp_path):
    errors = errors_of(copy_with(tmp_path, cells(Tariffs_C2=datetime.datetime(2025, 7, 5))))
    assert len(errors) == 1 and "a date 2025-07-05" in errors[0] and "00:00:00" not in errors[0]


def test_a_lower_case_unit_suggests_the_unit_meant(tmp_path):
    errors = errors_of(copy_with(tmp_path, cells(Tariffs_D2="RUB/kwh")))
    assert len(errors) == 1 and errors[0].startswith('plant.xlsx!Tariffs!D2 "electricity_price": ')
    assert "did you mean 'RUB/kWh'?" in errors[0]


def test_breakeven_refuses_a_negative_range_of_a_tariff(capsys):
    status = cli.main(["breakeven", str(CR_SCHEME), "--input", "electricity_price", "--range", "-50", "10"])
    assert status == 2
    assert capsys.readouterr().err == (
        "Error: cr_scheme.xlsx: --input electricity_price cannot be below 0 RUB/kWh: the range -50..10 must start "
        "at 0 or above\n")


def test_a_break_even_row_with_a_negative_range_is_an_error_at_its_cell(tmp_path):
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("BreakEven")
        sheet.append(["alternative", "input", "unit", "low", "high"])
        sheet.append([None, "electricity_price", "RUB/kWh", -10, 30])
    assert errors_of(copy_with(tmp_path, edit)) == [
        "plant.xlsx!BreakEven!D2 \"low\": electricity_price cannot be below 0 RUB/kWh: the range -10..30 must start "
        "at 0 or above"]


# -- every problem at once ---------------------------------------------------------------------

def test_validate_lists_every_problem_one_line_each_then_a_count(tmp_path, capsys):
    problems = {f"Equipment_B{row}": "many" for row in range(3, 7)}
    problems.update({"Tariffs_C2": "7,5", "Staffing_C3": "x", "Capital_B3": None, "Schedule_C2": "sixteen"})
    status, lines = validate(copy_with(tmp_path, cells(**problems)), capsys)
    assert status == 2
    assert len([line for line in lines if line.startswith("Error: ")]) == 8
    assert lines[-1].endswith("plant.xlsx: 8 errors, 0 notes")


def test_validate_exits_0_on_a_workbook_with_notes_only(tmp_path, capsys):
    status, lines = validate(copy_with(tmp_path, remove_row("Project", "income_tax_rate")), capsys)
    assert status == 0
    # cr_scheme reports in Russian: one more note while some of its texts have no Russian translation
    untranslated = [line for line in lines if line.startswith("Note: plant.xlsx: ") and "Russian translation" in line]
    assert lines == ['Note: plant.xlsx!Project: "income_tax_rate": no row; the default 0 is used', *untranslated,
                     f"{tmp_path / 'plant.xlsx'}: 0 errors, {1 + len(untranslated)} note{'s' if untranslated else ''}"]


@pytest.mark.parametrize("name", ["cr_scheme", "pb_electrorefining", "bi_oxides", "copper_chain", "ni_rinse_ro"])
def test_the_bundled_workbooks_validate_without_errors(capsys, name):
    status, lines = validate(ROOT / "inputs" / f"{name}.xlsx", capsys)
    assert status == 0, lines
    assert not [line for line in lines if line.startswith("Error")]


def test_run_and_check_refuse_a_workbook_with_errors_and_print_the_same_list(tmp_path, capsys):
    path = copy_with(tmp_path, cells(Tariffs_C2="7,5", Staffing_C3="x"))
    assert cli.main(["validate", str(path)]) == 2
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Error: ")]
    for command in (["check", str(path)], ["run", str(path), "-o", str(tmp_path / "out")]):
        assert cli.main(command) == 2
        assert capsys.readouterr().err.splitlines() == listed
    assert not (tmp_path / "out").exists()


# -- 5. alternatives are audited like the base case ---------------------------------------------

RO = ROOT / "inputs" / "ni_rinse_ro.xlsx"


def undersized_alternative(tmp_path: Path) -> Path:
    """ni_rinse_ro with its single-unit alternative rated 3.52 m3/h: 3.52 x 352 h covers 1,239 of 1,500 m3."""
    book = openpyxl.load_workbook(RO)
    sheet = book["Alternatives"]
    for row in sheet.iter_rows():
        if row[0].value == "Equipment:RO units:rated_capacity":
            row[2].value = 3.0
    path = tmp_path / "ro.xlsx"
    book.save(path)
    return path


UNDERSIZED = ("Single RO unit: RO units: capacity: rated 3 m³/h × 352 h/month = 1,056 m³/month covers only 70.4\u00a0% "
              "of the stated throughput of 1,500 m³/month; 2 such units, or 4.261 m³/h, would be needed")


def test_an_undersized_alternative_is_flagged_by_check_under_its_name(tmp_path, capsys):
    cli.main(["check", str(undersized_alternative(tmp_path))])
    out = capsys.readouterr().out
    assert "Plausibility audits: 1 warning(s)" in out
    warning = next(line for line in out.splitlines() if line.lstrip().startswith("WARNING"))
    assert UNDERSIZED in warning


def test_an_undersized_alternative_is_flagged_by_compare(tmp_path, capsys):
    assert cli.main(["compare", str(undersized_alternative(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    index = lines.index("Plausibility warnings of the cases: 1")
    assert lines[index + 1].startswith("  Single RO unit: RO units: capacity: ")


def test_an_undersized_alternative_is_flagged_in_the_report(tmp_path):
    from econ.report.document import build_document

    document = build_document(evaluate_workbook(undersized_alternative(tmp_path)), "en")
    assert [title for status, title, _finding in document.audits if status == "warning"] == \
        ["Single RO unit: RO units: capacity"]


def test_an_input_without_a_source_is_a_note(tmp_path):
    plant = read_plant(copy_with(tmp_path, cells(Tariffs_E2=None, Tariffs_G2=None)))  # G: source_ru
    assert [str(note) for note in plant.notes] == [
        "plant.xlsx!Tariffs: 1 input without a source (the table or page of the source document, or "
        "'assumption: <reason>'): C2"]
