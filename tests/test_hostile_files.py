"""Hostile and malformed input files (issue 11, item 7): one line naming the file, never a traceback or a hang.

The files are those of scripts/hostile_workbooks.py, built from inputs/cr_scheme.xlsx
by raw zip and XML edits; each is read in-process with read_plant, and a few go
through ``econ check`` as a subprocess. The zip bomb here inflates to 150 MB (the
script's default is 1.1 GB) so that it takes half a second to build.
"""

from __future__ import annotations

import datetime
import importlib.util
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import defusedxml.ElementTree
import openpyxl
import pytest

from econ.errors import InputError
from econ.inputs import workbook as workbook_module
from econ.inputs.reader import read_plant
from econ.inputs.workbook import Workbook, describe

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location("hostile_workbooks", ROOT / "scripts" / "hostile_workbooks.py")
hostile = importlib.util.module_from_spec(_SPEC)  # type: ignore[arg-type]
sys.modules["hostile_workbooks"] = hostile
_SPEC.loader.exec_module(hostile)  # type: ignore[union-attr]

CASES = {case.name: case for case in hostile.cases(bomb_bytes=150_000_000)}


def read_error(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_plant(path)
    message = str(caught.value)
    assert "\n" not in message, "an input error is one line"
    return message


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.message or case.fragment])
def test_hostile_file_is_one_input_error(tmp_path, name):
    case = CASES[name]
    message = read_error(hostile.build(case, tmp_path))
    if case.message is not None:
        assert message == case.message
    else:
        assert case.fragment in message


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if not (case.message or case.fragment)])
def test_hostile_but_valid_file_is_read_with_the_right_value(tmp_path, name):
    # a formula 1,000 brackets deep, a 10,000-cell running total, SUM over Schedule!Z1:XFD1048576
    # (no cell there) and a sheet that declares the dimension A1:XFD1048576 all give the tariff
    started = time.perf_counter()
    plant = read_plant(hostile.build(CASES[name], tmp_path))
    assert plant.value("electricity_price") == pytest.approx(hostile.ELECTRICITY_PRICE, rel=1e-15)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("name", ["billion_laughs", "running_total"])
def test_econ_check_answers_a_hostile_file_in_one_line_or_reads_it(tmp_path, name):
    case = CASES[name]
    assert hostile.check(case, hostile.build(case, tmp_path), timeout=60) is None


@pytest.mark.slow
def test_the_hostile_workbooks_script_finds_nothing():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "hostile_workbooks.py"), "--bomb-bytes",
                           "150000000"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1] == "21 hostile files, 0 answered otherwise than expected"


def test_the_fuzzing_script_finds_nothing_on_a_fixed_seed():
    # CI runs the test suite, so this is "the fuzzing script runs in CI on a fixed seed"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz_workbook.py"), "inputs/cr_scheme.xlsx",
                           "--trials", "10", "--seed", "11"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.fullmatch(r"cr_scheme\.xlsx: 10 trials, \d+ one-line input errors, 0 failures of other kinds",
                        done.stdout.splitlines()[0])


# -- the XML layer -----------------------------------------------------------------------------


def test_openpyxl_parses_through_defusedxml():
    from openpyxl.reader import strings
    from openpyxl.worksheet import _reader

    assert openpyxl.xml.DEFUSEDXML is True
    assert _reader.iterparse is defusedxml.ElementTree.iterparse
    assert strings.iterparse is defusedxml.ElementTree.iterparse
    assert workbook_module.iterparse is defusedxml.ElementTree.iterparse


def test_zipfile_never_returns_more_than_a_members_declared_size(tmp_path):
    # the declared size bounds what is read: a member that inflates further fails its CRC check
    path = hostile.build(CASES["zip_member_lying_about_its_size"], tmp_path)
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet5.xml") as stream:
        declared = archive.getinfo("xl/worksheets/sheet5.xml").file_size
        read = b""
        with pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
            while chunk := stream.read(1000):
                read += chunk
    assert len(read) <= declared


def test_too_many_cells_is_refused_naming_the_sheet(monkeypatch):
    monkeypatch.setattr(workbook_module, "MAX_CELLS", 50)
    with pytest.raises(InputError) as caught:
        Workbook(ROOT / "inputs" / "cr_scheme.xlsx")
    assert str(caught.value) == ("cr_scheme.xlsx!Project: holds more than 50 non-empty cells, more than econ "
                                 "reads from one workbook")


# -- formulas over the workbook's cells ------------------------------------------------------


def small_workbook(tmp_path: Path, cells: dict[str, object], name: str = "small.xlsx") -> Workbook:
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.create_sheet("T")
    for address, value in cells.items():
        sheet, cell = address.split("!")
        book[sheet][cell] = value
    book.save(tmp_path / name)
    return Workbook(tmp_path / name)


def test_a_running_total_of_10000_cells_evaluates(tmp_path):
    # regression: a chain of about 150 cells, each adding to the one before, ended in RecursionError
    cells: dict[str, object] = {"S!B1": 0.5}
    cells.update({f"S!B{row}": f"=B{row - 1}+1" for row in range(2, 10_001)})
    book = small_workbook(tmp_path, cells)
    assert book.resolve("S", "B10000") == 9999.5  # 0.5 + 9,999 ones, each sum exact in binary
    assert book.resolve("S", "B5000") == 4999.5   # from the cache: every cell of the chain is evaluated once


def test_a_range_over_a_whole_sheet_visits_only_the_cells_present(tmp_path):
    # regression: SUM(S!A1:XFD1048576) built 17 billion addresses and ended in MemoryError
    book = small_workbook(tmp_path, {"S!B1": 1, "S!B2": 2, "S!XFD1048576": 4, "S!C3": "a label",
                                     "T!A1": "=SUM(S!B1:XFD1048576)", "T!A2": "=SUM(S!B1:B2)",
                                     "T!A3": "=MAX(S!A1:B1048576)"})
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        book.resolve("T", "A1")
    assert time.perf_counter() - started < 1
    assert str(caught.value) == ("small.xlsx!T!A1: cannot evaluate formula '=SUM(S!B1:XFD1048576)': the formula "
                                 "refers to S!C3, which holds text 'a label'")
    assert book.resolve("T", "A2") == 3.0
    assert book.resolve("T", "A3") == 2.0


def test_a_circular_chain_names_the_cell_it_returns_to(tmp_path):
    book = small_workbook(tmp_path, {"S!A1": "=A3", "S!A2": "=A1*2", "S!A3": "=A2+1"})
    with pytest.raises(InputError) as caught:
        book.resolve("S", "A2", "price")
    assert str(caught.value) == ('small.xlsx!S!A2 "price": circular reference in formula: expected a formula that '
                                 "does not refer back to itself, got '=A1*2'")
    with pytest.raises(InputError) as again:  # the failure is remembered, with the field of the new request
        book.resolve("S", "A3", "other")
    assert str(again.value) == str(caught.value).replace('"price"', '"other"')


def test_an_error_in_a_referenced_cell_names_that_cell(tmp_path):
    book = small_workbook(tmp_path, {"S!A1": "=1/0", "S!A2": "=A1+1"})
    with pytest.raises(InputError) as caught:
        book.resolve("S", "A2")
    assert str(caught.value) == "small.xlsx!S!A1: cannot evaluate formula '=1/0': division by zero in '=1/0'"


def test_a_formula_referring_to_a_missing_sheet_names_its_own_cell(tmp_path):
    book = small_workbook(tmp_path, {"S!A1": "=Prices!C3*2"})
    with pytest.raises(InputError) as caught:
        book.resolve("S", "A1", "price")
    assert str(caught.value) == ('small.xlsx!S!A1 "price": a formula refers to sheet \'Prices\', which does not '
                                 "exist (in '=Prices!C3*2')")


# -- what a cell holds, in words -----------------------------------------------------------


@pytest.mark.parametrize(("value", "words"), [
    (datetime.datetime(2025, 7, 5), "a date 2025-07-05"),
    (datetime.datetime(2025, 7, 5, 14, 30), "a date and time 2025-07-05 14:30"),
    (datetime.date(2025, 7, 5), "a date 2025-07-05"),
    (datetime.time(14, 30), "a time 14:30"),
    (datetime.time(14, 30, 15), "a time 14:30:15"),
    (datetime.timedelta(hours=1, minutes=30), "a duration 1:30:00"),
])
def test_dates_and_times_are_described_in_words(value, words):
    assert describe(value) == words


def test_a_time_in_a_value_cell_is_named_as_a_time(tmp_path):
    book = small_workbook(tmp_path, {"S!A1": datetime.time(14, 30)})
    with pytest.raises(InputError) as caught:
        book.resolve("S", "A1", "price")
    assert str(caught.value) == 'small.xlsx!S!A1 "price": expected a number or text, got \'a time 14:30\''


def test_an_undefined_unit_in_the_workbook_gets_a_suggestion(tmp_path):
    path = hostile.build(hostile.Case("unit", hostile.cells({"Tariffs!D2": "RUB/kwh"})), tmp_path)
    message = read_error(path)
    assert message.startswith("cr_scheme.xlsx!Tariffs!")
    assert ("unknown unit 'RUB/kwh' ('kwh' is not defined in the unit registry; did you mean 'RUB/kWh'?)"
            in message)


def test_a_special_file_is_refused_without_reading_it():
    assert read_error(Path("/dev/zero")) == "zero: is not a regular file, expected an .xlsx workbook"
