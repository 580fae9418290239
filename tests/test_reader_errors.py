"""Bad input workbooks: each gives one InputError naming file, sheet, cell and field.

Every bad workbook is the committed inputs/cr_scheme.xlsx with one cell changed,
saved under tmp_path as cr_scheme.xlsx (the committed file is never touched).
The message is one line: ``FILE!SHEET!CELL "field": ...: expected X, got 'Y'``.
The positive cases check that convertible units are converted, with per-month
figures counted in operating months (Schedule!months_per_year).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
import pytest

from econ import cli
from econ.api import evaluate_workbook
from econ.errors import InputError
from econ.inputs.reader import read_plant

SOURCE = Path(__file__).resolve().parents[1] / "inputs" / "cr_scheme.xlsx"

Edit = tuple[str, str, object] | Callable[[openpyxl.Workbook], None]


def workbook(tmp_path: Path, *edits: Edit, name: str = "cr_scheme.xlsx") -> Path:
    """A copy of the example workbook with ``edits`` applied: (sheet, cell, value) or a function of the book."""
    book = openpyxl.load_workbook(SOURCE)
    for edit in edits:
        if callable(edit):
            edit(book)
        else:
            sheet, cell, value = edit
            book[sheet][cell].value = value
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    path = folder / name
    book.save(path)
    return path


def number_format(sheet: str, cell: str, fmt: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        book[sheet][cell].number_format = fmt
    return edit


def input_error(path: Path, read: Callable[[Path], object] = read_plant) -> InputError:
    with pytest.raises(InputError) as caught:
        read(path)
    error = caught.value
    assert "\n" not in str(error), "an input error is one line"
    return error


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the file itself ------------------------------------------------------------------------


def test_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nowhere.xlsx"
    error = input_error(path)
    assert str(error) == f"{path}: file not found"


def test_text_file_named_xlsx_is_refused_as_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("field,value\nelectricity_price,13.086\n", encoding="utf-8")
    error = input_error(path)
    assert str(error).startswith("notes.xlsx: cannot open as an .xlsx workbook (BadZipFile")
    assert error.file == "notes.xlsx"


def test_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    assert str(input_error(path)).startswith("archive.xlsx: cannot open as an .xlsx workbook")


def test_folder_named_xlsx_is_refused(tmp_path):
    path = tmp_path / "folder.xlsx"
    path.mkdir()
    assert "is a folder, expected an .xlsx workbook" in str(input_error(path))


def test_missing_sheet_is_named_with_the_sheets_present(tmp_path):
    def delete_tariffs(book: openpyxl.Workbook) -> None:
        del book["Tariffs"]

    error = input_error(workbook(tmp_path, delete_tariffs))
    assert str(error).startswith("cr_scheme.xlsx: sheet 'Tariffs' is missing (sheets present: ")
    assert "Tariffs" not in str(error).split("sheets present:")[1]


# -- units ------------------------------------------------------------------------------------


def test_wrong_currency_is_an_error_not_a_silent_conversion(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "D2", "USD/kWh")))
    assert str(error) == (
        'cr_scheme.xlsx!Tariffs!D2 "electricity_price": unit \'USD/kWh\' cannot be used here '
        "('USD/kWh' is not convertible to 'RUB/kWh'): expected RUB/kWh, got 'USD/kWh'"
    )
    assert (error.file, error.sheet, error.cell, error.field) == ("cr_scheme.xlsx", "Tariffs", "D2",
                                                                  "electricity_price")
    assert (error.expected, error.found) == ("RUB/kWh", "USD/kWh")


def test_wrong_dimension_in_a_table_unit_row_names_the_unit_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Capital", "B2", "kW")))
    assert str(error) == (
        'cr_scheme.xlsx!Capital!B2 "cost": unit \'kW\' cannot be used here '
        "('kW' is not convertible to 'RUB'): expected RUB, got 'kW'"
    )


def test_unknown_unit_text_is_named(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "D2", "furlongs/kWh")))
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!Tariffs!D2 "electricity_price":')
    assert "furlongs/kWh" in text and "expected RUB/kWh" in text


@pytest.mark.parametrize("unit_text", ["=1/0", "kg/0", "=SUM(", "(((", "m^3/month)", "kWh**1e400"])
def test_unit_text_that_breaks_the_unit_parser_is_named(tmp_path, unit_text):
    """pint's parser fails on these with Python's own errors (TokenError, ZeroDivisionError): still one line."""
    error = input_error(workbook(tmp_path, ("Tariffs", "D2", unit_text)))
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!Tariffs!D2 "electricity_price":')
    assert f"cannot read unit {unit_text!r}" in text and "expected RUB/kWh" in text


def test_missing_unit_is_named(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "D2", None)))
    assert str(error) == (
        "cr_scheme.xlsx!Tariffs!D2 \"electricity_price\": unit missing: expected a unit such as 'RUB/kWh', got 'an empty cell'"
    )


# -- cell contents -------------------------------------------------------------------------


def test_text_in_a_number_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "C2", "thirteen")))
    assert str(error) == (
        "cr_scheme.xlsx!Tariffs!C2 \"electricity_price\": the cell holds the text 'thirteen': expected a number in RUB/kWh"
    )


def test_text_in_a_table_number_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Equipment", "C4", "ten")))
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!Equipment!C4 "unit_power":')
    assert text.endswith("the cell holds the text 'ten': expected a number in kW")


def test_empty_required_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "C2", None)))
    assert str(error) == (
        "cr_scheme.xlsx!Tariffs!C2 \"electricity_price\": value missing: expected a number in RUB/kWh"
    )


def test_error_value_ref_in_a_cell(tmp_path):
    def ref_error(book: openpyxl.Workbook) -> None:
        cell = book["Tariffs"]["C2"]
        cell.value = "#REF!"
        cell.data_type = "e"

    error = input_error(workbook(tmp_path, ref_error))
    assert str(error) == (
        "cr_scheme.xlsx!Tariffs!C2 \"electricity_price\": expected a number, got 'error value #REF!'"
    )


def test_formula_econ_cannot_evaluate_names_its_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Losses", "C3", "=FOO(1)")))
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!Losses!C3 "replacement_price": cannot evaluate formula \'=FOO(1)\'')
    assert "function FOO is not supported" in text
    assert (error.sheet, error.cell, error.field) == ("Losses", "C3", "replacement_price")


def test_formula_that_overflows_is_an_input_error_not_a_traceback(tmp_path):
    # regression: =10^400 raised OverflowError out of the reader
    error = input_error(workbook(tmp_path, ("Tariffs", "C2", "=10^400")))
    assert str(error).startswith('cr_scheme.xlsx!Tariffs!C2 "electricity_price": cannot evaluate formula')


def test_formula_referring_to_an_empty_cell_on_another_sheet(tmp_path):
    error = input_error(workbook(tmp_path, ("Losses", "C3", "=Tariffs!C9")))
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!Losses!C3 "replacement_price": cannot evaluate formula')
    assert "refers to Tariffs!C9, which is empty" in text


def test_formula_referring_to_a_missing_sheet(tmp_path):
    error = input_error(workbook(tmp_path, ("Losses", "C3", "=Prices!C3")))
    assert "a formula refers to sheet 'Prices', which does not exist" in str(error)


def test_circular_formula_between_two_cells(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "C2", "=Tariffs!C3"), ("Tariffs", "C3", "=C2")))
    assert str(error.errors[0]) == (
        'cr_scheme.xlsx!Tariffs!C2 "electricity_price": circular reference in formula: '
        "expected a formula that does not refer back to itself, got '=Tariffs!C3'"
    )


def test_formula_referring_to_its_own_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("Tariffs", "C2", "=C2+1")))
    assert "circular reference in formula" in str(error)
    assert (error.sheet, error.cell) == ("Tariffs", "C2")


def test_formula_value_is_used(tmp_path):
    plant = read_plant(workbook(tmp_path, ("Tariffs", "C2", "=6543/500")))
    assert plant.value("electricity_price") == pytest.approx(13.086)


# -- fractions ---------------------------------------------------------------------------------


def test_fraction_above_one_with_unit_fraction_and_no_percent_format_is_an_error(tmp_path):
    path = workbook(tmp_path, ("Project", "C8", 15), number_format("Project", "C8", "General"))
    error = input_error(path)
    assert str(error) == (
        'cr_scheme.xlsx!Project!C8 "discount_rate": expected a fraction from 0 to 1 '
        "(or format the cell as % or set the unit to %), got 15.0"
    )


def test_fifteen_with_unit_percent_is_fifteen_percent(tmp_path):
    path = workbook(tmp_path, ("Project", "C8", 15), ("Project", "D8", "%"),
                    number_format("Project", "C8", "General"))
    assert read_plant(path).value("discount_rate") == pytest.approx(0.15)


def test_percent_formatted_cell_holding_0_15_is_fifteen_percent(tmp_path):
    path = workbook(tmp_path, ("Project", "C8", 0.15), number_format("Project", "C8", "0%"))
    assert read_plant(path).value("discount_rate") == pytest.approx(0.15)


def test_percent_formatted_cell_holding_15_is_1500_percent_and_refused(tmp_path):
    path = workbook(tmp_path, ("Project", "C8", 15), number_format("Project", "C8", "0%"))
    error = input_error(path)
    assert 'Project!C8 "discount_rate": expected a fraction from 0 to 1' in str(error)


def test_fraction_with_a_unit_that_is_not_a_fraction_is_refused(tmp_path):
    path = workbook(tmp_path, ("Project", "D8", "kg"), number_format("Project", "C8", "General"))
    error = input_error(path)
    assert str(error) == (
        "cr_scheme.xlsx!Project!D8 \"discount_rate\": expected the unit 'fraction' or '%', got 'kg'"
    )


# -- ranges -----------------------------------------------------------------------------------


def test_months_per_year_above_twelve_is_refused(tmp_path):
    error = input_error(workbook(tmp_path, ("Schedule", "C4", 13)))
    assert str(error) == (
        'cr_scheme.xlsx!Schedule!C4 "months_per_year": expected a number of at most 12 month/year, got 13.0'
    )


def test_hours_per_day_of_zero_is_refused(tmp_path):
    error = input_error(workbook(tmp_path, ("Schedule", "C2", 0)))
    assert str(error) == 'cr_scheme.xlsx!Schedule!C2 "hours_per_day": expected a number above 0 h/day, got 0.0'


# -- references (checked when the workbook is evaluated) --------------------------------------


def test_reference_to_an_unknown_quantity_names_the_quantity_cell(tmp_path):
    path = workbook(tmp_path, ("References", "E5", "no_such_quantity"))
    read_plant(path)  # reading alone does not know the model's quantities
    error = input_error(path, evaluate_workbook)
    assert str(error) == (
        'cr_scheme.xlsx!References!E5 "quantity": reference T3-energy: unknown model quantity: '
        "expected a figure key (econ check --list-quantities), or + - * / over figure keys, got 'no_such_quantity'"
    )


def test_reference_with_a_unit_that_cannot_convert_names_the_unit_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("References", "D5", "USD/month")), evaluate_workbook)
    assert str(error) == (
        'cr_scheme.xlsx!References!D5 "unit": reference T3-energy: '
        "'RUB/month' is not convertible to 'USD/month': "
        "expected a unit convertible from RUB/month, got 'USD/month'"
    )


def test_reference_in_another_dimension_names_the_unit_cell(tmp_path):
    error = input_error(workbook(tmp_path, ("References", "D5", "kWh")), evaluate_workbook)
    text = str(error)
    assert text.startswith('cr_scheme.xlsx!References!D5 "unit": reference T3-energy:')
    assert text.endswith("expected a unit convertible from RUB/month, got 'kWh'")


def test_reference_in_another_dimension_is_reported_as_not_convertible(tmp_path):
    error = input_error(workbook(tmp_path, ("References", "D5", "kWh")), evaluate_workbook)
    assert "'RUB/month' is not convertible to 'kWh'" in str(error)
    assert "per-day" not in str(error)


def test_reference_with_an_unknown_unit_is_refused_when_read(tmp_path):
    error = input_error(workbook(tmp_path, ("References", "D5", "furlongs")))
    assert str(error).startswith('cr_scheme.xlsx!References!D5 "unit": unknown unit \'furlongs\'')


# -- conversions that must work ---------------------------------------------------------------


def test_capital_in_mln_rub_is_converted_to_rub():
    # inputs/cr_scheme.xlsx: Capital!B2 'mln RUB', B3 12 («12 млн руб.»)
    assert read_plant(SOURCE).value("capital.0.cost") == 12_000_000.0


def test_capital_in_thousand_rub_gives_the_same_rub(tmp_path):
    path = workbook(tmp_path, ("Capital", "B2", "thousand RUB"), ("Capital", "B3", 12_000))
    assert read_plant(path).value("capital.0.cost") == pytest.approx(12_000_000.0)


@pytest.mark.parametrize(("months_per_year", "rub_per_year"), [(12, 8_400_000.0), (11, 7_700_000.0)])
def test_maintenance_per_month_counts_operating_months(tmp_path, months_per_year, rub_per_year):
    # 700 thousand RUB per operating month x months_per_year operating months
    path = workbook(tmp_path, ("Maintenance", "B2", "thousand RUB/month"), ("Schedule", "C4", months_per_year))
    assert read_plant(path).value("maintenance.0.cost") == pytest.approx(rub_per_year)


def test_russian_unit_spellings_are_read_like_english_ones(tmp_path):
    path = workbook(tmp_path, ("Maintenance", "B2", "тыс. руб./год"), ("Equipment", "C2", "кВт"),
                    ("Tariffs", "D2", "руб./кВт·ч"), ("Throughput", "D2", "м³/мес"))
    plant = read_plant(path)
    assert plant.value("maintenance.0.cost") == pytest.approx(700_000.0)
    assert plant.value("equipment.0.unit_power") == pytest.approx(4.0)
    assert plant.value("electricity_price") == pytest.approx(13.086)
    russian = evaluate_workbook(path).results.scalar("opex_per_month")
    english = evaluate_workbook(SOURCE).results.scalar("opex_per_month")
    assert russian == pytest.approx(english, rel=1e-12)
    assert english == pytest.approx(381_974.45, abs=0.005)  # README: Table 3's total recomputed


# -- the input is never modified --------------------------------------------------------------


def test_reading_evaluating_and_running_never_modify_the_workbook(tmp_path):
    path = tmp_path / "in" / "cr_scheme.xlsx"
    path.parent.mkdir()
    shutil.copyfile(SOURCE, path)
    an_hour_ago = path.stat().st_mtime_ns - 3_600 * 10**9
    os.utime(path, ns=(an_hour_ago, an_hour_ago))
    before = (sha256(path), path.stat().st_mtime_ns, path.stat().st_size)

    plant = read_plant(path)
    evaluate_workbook(path)
    assert cli.main(["run", str(path), "-o", str(tmp_path / "out")]) == 0
    assert cli.main(["check", str(path)]) == 1

    assert (sha256(path), path.stat().st_mtime_ns, path.stat().st_size) == before
    assert plant.sha256 == before[0]
    assert sorted(p.name for p in path.parent.iterdir()) == ["cr_scheme.xlsx"]


def test_a_text_for_one_language_is_used_in_that_language_only(tmp_path):
    """name_en is the English report's name, name_ru the Russian one's; without description_en the English
    report shows the description as entered."""
    def add_row(book: openpyxl.Workbook) -> None:
        sheet = book["Project"]
        row = sheet.max_row + 1
        sheet[f"A{row}"], sheet[f"C{row}"] = "name_en", "Chromium scheme, English title"

    plant = read_plant(workbook(tmp_path, add_row))
    assert plant.text("name", "en") == "Chromium scheme, English title"
    assert plant.text("name", "ru") == "Очистка хромсодержащих сточных вод электродиализом и электродеионизацией"
    assert plant.text("description", "en") == plant.description
    assert plant.text("description", "ru").startswith("Хромсодержащие сточные воды")


def test_a_field_on_two_rows_is_an_error_naming_both(tmp_path):
    """A second electricity_price row would otherwise be ignored without a word."""
    def add_row(book: openpyxl.Workbook) -> None:
        sheet = book["Tariffs"]
        row = sheet.max_row + 1
        sheet[f"A{row}"], sheet[f"C{row}"], sheet[f"D{row}"] = "electricity_price", 7, "RUB/kWh"

    error = input_error(workbook(tmp_path, add_row))
    book = openpyxl.load_workbook(SOURCE)
    second = book["Tariffs"].max_row + 1
    assert str(error) == (f"cr_scheme.xlsx!Tariffs!A{second} \"electricity_price\": field 'electricity_price' is "
                          f"also on row 2: expected each field on one row, got 'rows 2 and {second}'")


def _range_reference(comparison: str, low: float, high: float | None) -> Callable[[openpyxl.Workbook], None]:
    """References row 2 (P-installed, 45 kW) as a published range, with a published_high column after the
    sheet's last (HIGH_COLUMN)."""
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book["References"]
        sheet[f"{HIGH_COLUMN}1"] = "published_high"
        sheet["C2"], sheet["F2"], sheet[f"{HIGH_COLUMN}2"] = low, comparison, high
    return edit


HIGH_COLUMN = get_column_letter(openpyxl.load_workbook(SOURCE)["References"].max_column + 1)


def test_a_published_range_is_read_with_its_high_end(tmp_path):
    reference = read_plant(workbook(tmp_path, _range_reference("in", 40, 50))).references[0]
    assert (reference.comparison, reference.published, reference.published_high) == ("in", 40, 50)


@pytest.mark.parametrize(("comparison", "low", "high", "message"), [
    ("in", 40, None, 'cr_scheme.xlsx!References!{column}2 "published_high": expected a number, got None'),
    ("in", 50, 40, 'cr_scheme.xlsx!References!{column}2 "published_high": expected the high end of the range, at '
                   "least the published 50, got '40'"),
    ("=", 45, 50, 'cr_scheme.xlsx!References!{column}2 "published_high": expected no high end: the comparison is '
                  "'=', not 'in' (a range), got '50'"),
])
def test_a_bad_range_names_its_high_end_cell(tmp_path, comparison, low, high, message):
    assert str(input_error(workbook(tmp_path, _range_reference(comparison, low, high)))) == \
        message.format(column=HIGH_COLUMN)
