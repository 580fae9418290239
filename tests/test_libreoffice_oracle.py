"""The LibreOffice oracle must pass good workbooks and catch bad ones."""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy_financial as npf
import openpyxl
import pytest
import xlsxwriter
from tests.support.libreoffice import (
    FormulaCell,
    LibreOffice,
    RecalcResult,
    compare,
    office_or_skip,
    recalculate,
    skip_if_disabled,
)
from xlsxwriter.worksheet import Worksheet

FLOWS = [-1000.0, 300.0, 400.0, 500.0, 200.0]

# A typical 11-year plant cash flow: year-0 investment, ramp-up, plateau, and
# salvage in the last year.
ELEVEN_YEARS = [
    -12_500_000.0,
    1_200_000.0,
    1_900_000.0,
    2_300_000.0,
    2_450_000.0,
    2_500_000.0,
    2_500_000.0,
    2_500_000.0,
    2_400_000.0,
    2_300_000.0,
    3_100_000.0,
]


@pytest.fixture(scope="module")
def office() -> Iterator[LibreOffice]:
    """One soffice for the whole module: starting it costs about a second and a half."""
    with office_or_skip() as started:
        yield started


Build = Callable[[Worksheet, xlsxwriter.Workbook], None]


@pytest.fixture
def make_book(tmp_path: Path) -> Callable[[Build], Path]:
    """Write a one-sheet workbook ('S') with xlsxwriter and return its path."""

    names = itertools.count()

    def make(build: Build) -> Path:
        path = tmp_path / f"book{next(names)}.xlsx"
        book = xlsxwriter.Workbook(path)
        build(book.add_worksheet("S"), book)
        book.close()
        return path

    return make


def excel_npv(rate: float, flows: list[float]) -> float:
    """Excel's NPV(): the first flow is discounted one period."""
    return sum(flow / (1 + rate) ** year for year, flow in enumerate(flows, start=1))


def test_correct_cached_values_agree(office: LibreOffice, tmp_path: Path) -> None:
    path = tmp_path / "good.xlsx"
    book = xlsxwriter.Workbook(path)
    calc = book.add_worksheet("Calc")
    calc.write_row("A1", [2, 3])
    calc.write("A2", 5)
    calc.write("A3", -1.5)
    calc.write("D1", "label text")
    calc.write_formula("C1", "=A1*B1", None, 6)
    calc.write_formula("C2", "=SUM(A1:A3)", None, 5.5)
    calc.write_formula("C3", '=IF(A1>0,"yes","no")', None, "yes")
    calc.write_formula("C4", "=A1>1", None, True)
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    calc.write_formula("C5", "=DATE(2024,1,1)+A1", date, 45294)  # read back as a datetime
    calc.write_formula("C6", '=IF(A1>0,"","no")', None, "")
    flows = book.add_worksheet("Flows")
    flows.write_row("A1", FLOWS)
    irr = float(npf.irr(FLOWS))
    flows.write_formula("F1", "=IRR(A1:E1)", None, irr)
    flows.write_formula("G1", "=A1+NPV(0.1,B1:E1)", None, FLOWS[0] + excel_npv(0.1, FLOWS[1:]))
    flows.write_formula("H1", "=Calc!C1*F1", None, 6 * irr)
    book.close()

    result = recalculate(path, office)

    assert compare(result) == []
    assert [cell.where for cell in result.formulas] == [
        "Calc!C1", "Calc!C2", "Calc!C3", "Calc!C4", "Calc!C5", "Calc!C6",
        "Flows!F1", "Flows!G1", "Flows!H1",
    ]  # fmt: skip
    assert result.formula("Calc", "C1") == FormulaCell(
        sheet="Calc",
        address="C1",
        formula="=A1*B1",
        cached=6,
        recalculated=6.0,
        error=False,
    )
    assert result.formula("Calc", "C3").recalculated == "yes"
    assert result.formula("Calc", "C5").cached == 45294  # datetime turned back into a serial
    # Every non-empty cell is read, not only formulas.
    assert result.cells[("Calc", "A3")].value == -1.5
    assert result.cells[("Calc", "A3")].formula is None
    assert result.cells[("Calc", "D1")].value == "label text"
    assert result.cells[("Flows", "G1")].formula == "=A1+NPV(0.1;B1:E1)"  # LibreOffice spelling


def test_wrong_cached_number_is_reported(
    office: LibreOffice, make_book: Callable[[Build], Path]
) -> None:
    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        sheet.write_row("A1", [2, 3])
        sheet.write_formula("C1", "=A1*B1", None, 7)  # wrong
        sheet.write_formula("C2", "=A1*B1", None, 6 * (1 + 1e-12))  # within rel_tol
        sheet.write_formula("C3", "=A1*B1", None, 6 * (1 + 1e-7))  # outside rel_tol
        sheet.write_formula("C4", "=A1*100")  # XlsxWriter caches 0 when no value is given
        sheet.write_formula("C5", "=A1-A1", None, 1e-12)  # near zero: the absolute floor
        sheet.write_formula("C6", "=A1-A1", None, 1e-6)  # near zero but too far

    messages = compare(recalculate(make_book(build), office))

    assert [m.split(" ")[0] for m in messages] == ["S!C1", "S!C3", "S!C4", "S!C6"]
    assert "LibreOffice gives 6.0, cached 7" in messages[0]
    assert "LibreOffice gives 200.0, cached 0" in messages[2]


def test_wrong_text_and_type_are_reported(
    office: LibreOffice, make_book: Callable[[Build], Path]
) -> None:
    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        sheet.write("A1", 2)
        sheet.write_formula("B1", '=IF(A1>0,"yes","no")', None, "no")
        sheet.write_formula("B2", "=A1*2", None, "4")  # text where a number is due
        sheet.write_formula("B3", '=IF(A1>0,"yes","no")', None, 1)

    messages = compare(recalculate(make_book(build), office))

    assert [m.split(" ")[0] for m in messages] == ["S!B1", "S!B2", "S!B3"]
    assert "LibreOffice gives 'yes', cached 'no'" in messages[0]


def test_error_cells_are_reported(office: LibreOffice, make_book: Callable[[Build], Path]) -> None:
    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        sheet.write("A1", 2)
        sheet.write_formula("B1", "=1/0", None, "#DIV/0!")  # even a "correct" cached error
        sheet.write_formula("B2", "=1/0", None, 0)
        sheet.write_formula("B3", "=IRR(A1:A1)", None, 0.1)  # no sign change
        sheet.write_formula("B4", "=A1*2", None, 4)

    result = recalculate(make_book(build), office)
    messages = compare(result)

    assert [m.split(" ")[0] for m in messages] == ["S!B1", "S!B2", "S!B3"]
    assert "error #DIV/0!" in messages[0]
    assert result.formula("S", "B1").error and result.formula("S", "B1").recalculated is None
    assert result.cells[("S", "B1")].error == "#DIV/0!"
    assert not result.formula("S", "B4").error


def test_missing_cached_value_is_reported(office: LibreOffice, tmp_path: Path) -> None:
    # openpyxl writes formulas with no cached value at all.
    path = tmp_path / "no-cache.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "S"
    sheet["A1"] = 2
    sheet["B1"] = "=A1*3"
    sheet["B2"] = '=IF(A1>0,"yes","no")'
    book.save(path)

    messages = compare(recalculate(path, office))

    assert messages == [
        "S!B1 =A1*3: no cached value (LibreOffice gives 6.0)",
        'S!B2 =IF(A1>0,"yes","no"): no cached value (LibreOffice gives \'yes\')',
    ]


def test_array_formula_cells_are_all_checked(
    office: LibreOffice, make_book: Callable[[Build], Path]
) -> None:
    # XlsxWriter caches a value only in the first cell of a multi-cell array
    # formula and 0 in the others; LibreOffice sees all of them as formulas.
    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        sheet.write_column("A1", [1, 2, 3])
        sheet.write_array_formula("B1:B3", "{=A1:A3*2}", None, 2)

    messages = compare(recalculate(make_book(build), office))

    assert [m.split(" ")[0] for m in messages] == ["S!B2", "S!B3"]


def test_compare_tolerance_without_libreoffice() -> None:
    def cell(cached: object, recalculated: float | str | None) -> FormulaCell:
        return FormulaCell("S", "A1", "=X", cached, recalculated, error=False)

    def disagree(cached: object, recalculated: float | str | None, **tol: float) -> bool:
        return bool(compare(RecalcResult(Path("x.xlsx"), (cell(cached, recalculated),), {}), **tol))

    assert not disagree(1e9, 1e9 + 0.5)  # 5e-10 relative
    assert disagree(1e9, 1e9 + 5)
    assert not disagree(0, 5e-10)
    assert disagree(0, 5e-10, abs_tol=1e-12)
    assert not disagree(True, 1.0)
    assert disagree(None, 1.0)
    assert not disagree(None, "")  # openpyxl reads a cached "" as None
    assert disagree(1.0, None)
    assert disagree(float("nan"), 1.0)


def test_recalculate_starts_and_stops_its_own_office(make_book: Callable[[Build], Path]) -> None:
    skip_if_disabled()

    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        sheet.write("A1", 2)
        sheet.write_formula("B1", "=A1^10", None, 1024)

    assert compare(recalculate(make_book(build))) == []


def test_libreoffice_session_cleans_up(make_book: Callable[[Build], Path]) -> None:
    before = list(sys.path)
    with office_or_skip() as office:
        assert office.running
        assert sys.path == before  # dist-packages was borrowed for `import uno` only
        with pytest.raises(FileNotFoundError):
            office.read(Path("/nonexistent/book.xlsx"))
    assert not office.running


def test_irr_agrees_with_numpy_financial(
    office: LibreOffice, make_book: Callable[[Build], Path]
) -> None:
    # Measured with LibreOffice 7.4 (Debian 12) and numpy-financial 1.0 (run
    # with -s to print): relative difference 4.7e-16 for the typical flow
    # (IRR 11.8 %), 1.2e-15 for the rich one (47 %) and 7.3e-13 for the
    # marginal one (0.9 %, where LibreOffice's Newton iteration stops first).
    # The default rel_tol=1e-9 of compare() leaves room of three orders or more.
    flows = {
        "typical": ELEVEN_YEARS,
        "marginal": [-10_000_000.0] + [1_050_000.0] * 10,
        "rich": [-5_000_000.0] + [2_400_000.0] * 9 + [3_000_000.0],
    }
    expected = {name: float(npf.irr(flow)) for name, flow in flows.items()}

    def build(sheet: Worksheet, book: xlsxwriter.Workbook) -> None:
        for row, (name, flow) in enumerate(flows.items()):
            sheet.write_row(row, 0, flow)
            sheet.write_formula(row, 11, f"=IRR(A{row + 1}:K{row + 1})", None, expected[name])

    result = recalculate(make_book(build), office)
    for row, name in enumerate(flows):
        ours = result.formula("S", f"L{row + 1}")
        assert isinstance(ours.recalculated, float)
        relative = abs(ours.recalculated - expected[name]) / abs(expected[name])
        print(
            f"IRR {name}: numpy-financial {expected[name]!r}, LibreOffice {ours.recalculated!r},"
            f" relative difference {relative:.3g}"
        )
        assert math.isfinite(relative) and relative < 1e-9
    assert compare(result) == []
