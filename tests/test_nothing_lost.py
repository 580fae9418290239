"""Property: every edit an engineer makes by hand to a bundled workbook is read or reported, never dropped.

Hypothesis inserts blank rows into tables, gives two rows one name, adds
unknown fields and writes into stray cells of copies of inputs/cr_scheme.xlsx
and inputs/pb_electrorefining.xlsx; each edit must leave the plant's figures
as they were (a blank row is skipped, the rows after it read) or be reported
by an error or a note that names its cell.
"""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from econ.api import evaluate_plant
from econ.inputs import schema
from econ.inputs.problems import InputErrors
from econ.inputs.reader import read_plant

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ("cr_scheme", "pb_electrorefining")
TABLE_SHEETS = tuple(spec.sheet for spec in schema.TABLES)
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@lru_cache(maxsize=None)
def npv_of(name: str) -> float:
    return evaluate_plant(read_plant(ROOT / "inputs" / f"{name}.xlsx")).results.scalar("npv")


def edited(name: str, edit) -> Path:  # noqa: ANN001 - a function of the openpyxl workbook
    book = openpyxl.load_workbook(ROOT / "inputs" / f"{name}.xlsx")
    edit(book)
    folder = Path(tempfile.mkdtemp(prefix="econ-nothing-lost-"))
    path = folder / f"{name}.xlsx"
    book.save(path)
    return path


def tables_in(book: openpyxl.Workbook, unreferenced: bool = False) -> list[str]:
    """The table sheets with rows; with ``unreferenced``, only those no formula refers to or holds (openpyxl does
    not move the references of a formula when it inserts a row, as Excel does)."""
    formulas = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=")]
    return [sheet for sheet in book.sheetnames if sheet in TABLE_SHEETS and book[sheet].max_row >= 3 and not (
        unreferenced and any(f"{sheet}!" in formula for formula in formulas) or unreferenced and any(
            isinstance(cell.value, str) and cell.value.startswith("=") for row in book[sheet].iter_rows()
            for cell in row))]


@SETTINGS
@given(name=st.sampled_from(WORKBOOKS), choice=st.integers(0, 100), position=st.integers(0, 100))
def test_a_blank_row_inside_a_table_changes_nothing(name, choice, position):
    def edit(book: openpyxl.Workbook) -> None:
        sheets = tables_in(book, unreferenced=True)
        sheet = book[sheets[choice % len(sheets)]]
        sheet.insert_rows(3 + position % (sheet.max_row - 2))
    plant = read_plant(edited(name, edit))
    original = read_plant(ROOT / "inputs" / f"{name}.xlsx")
    assert {table: [row.name for row in rows] for table, rows in plant.tables.items()} == \
        {table: [row.name for row in rows] for table, rows in original.tables.items()}
    assert evaluate_plant(plant).results.scalar("npv") == npv_of(name)


@SETTINGS
@given(name=st.sampled_from(WORKBOOKS), choice=st.integers(0, 100))
def test_two_rows_of_one_name_are_both_read(name, choice):
    copied = {}

    def edit(book: openpyxl.Workbook) -> None:  # the first row again, at the end of its table
        sheet = book[tables_in(book)[choice % len(tables_in(book))]]
        copied["sheet"], end = sheet.title, sheet.max_row + 1
        for column in range(1, sheet.max_column + 1):
            sheet.cell(end, column).value = sheet.cell(3, column).value
    path = edited(name, edit)
    try:
        plant = read_plant(path)
    except InputErrors as errors:  # a Sheet:row name:field elsewhere names the pair: both cells named
        assert all("are both named" in line for line in errors.lines), errors.lines
        return
    spec = next(spec for spec in schema.TABLES if spec.sheet == copied["sheet"])
    names = [row.name for row in plant.rows(spec.key)]
    assert len(names) >= 2 and names[0] == names[-1]


FIELD_NAMES = st.from_regex(r"[a-z]{3,10}_(rate|price|cost|factor)", fullmatch=True)


@SETTINGS
@given(name=st.sampled_from(WORKBOOKS), sheet=st.sampled_from(("Project", "Tariffs", "Schedule")), field=FIELD_NAMES)
def test_an_unknown_field_is_an_error_naming_its_cell(name, sheet, field):
    known = {spec.name for specs in schema.PARAMETER_SHEETS.values() for spec in specs} | {
        spec.name for spec in schema.PROJECT_TEXT}
    if field in known:
        return
    row = {}

    def edit(book: openpyxl.Workbook) -> None:
        row["number"] = book[sheet].max_row + 1
        book[sheet].cell(row["number"], 1).value = field
        book[sheet].cell(row["number"], 3).value = 1.0
    path = edited(name, edit)
    with pytest.raises(InputErrors) as caught:
        read_plant(path)
    assert any(line.startswith(f'{name}.xlsx!{sheet}!A{row["number"]} "{field}": unknown field {field!r}')
               for line in caught.value.lines), caught.value.lines


@SETTINGS
@given(name=st.sampled_from(WORKBOOKS), choice=st.integers(0, 100), column=st.integers(2, 6),
       row=st.integers(1, 30), text=st.text(st.characters(categories=("L", "N")), min_size=1, max_size=8))
def test_a_value_beyond_the_columns_is_reported(name, choice, column, row, text):
    where = {}

    def edit(book: openpyxl.Workbook) -> None:
        sheets = [sheet for sheet in book.sheetnames if sheet != "Instructions"]
        sheet = book[sheets[choice % len(sheets)]]
        where["sheet"], where["cell"] = sheet.title, sheet.cell(row, sheet.max_column + column).coordinate
        sheet[where["cell"]] = text
    path = edited(name, edit)
    try:
        plant = read_plant(path)
    except InputErrors as errors:  # a header of row 1 that econ does not know
        assert any(f"!{where['sheet']}!{where['cell']} " in line for line in errors.lines), errors.lines
        return
    notes = [str(note) for note in plant.notes if note.kind == "unread"]
    assert any(note.startswith(f"{name}.xlsx!{where['sheet']}:") and where["cell"] in note for note in notes), notes
