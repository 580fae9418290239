"""The fast paths of reading a workbook give exactly what the general paths give.

econ.inputs.sheet_xml reads a sheet with its own event loop (``SheetParser.rows``) and reads plain cells at
once (``SheetParser.plain_cell``). The general path is openpyxl's ``WorkSheetParser.parse`` with every cell
through ``SheetParser.general_cell``. Each test reads the same file both ways and compares every cell (its
value, the value's type, its number format, whether it is an error) or the error message, on the bundled
workbooks, a large Equipment table and hostile cells and sheets.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from openpyxl.worksheet._reader import WorkSheetParser

from econ.errors import InputError
from econ.inputs.reader import read_plant
from econ.inputs.sheet_xml import SheetParser
from econ.inputs.workbook import Workbook

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "inputs").glob("*.xlsx"))


def _load(name: str, path: Path):  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


hostile = sys.modules.get("hostile_workbooks") or _load("hostile_workbooks", ROOT / "scripts" / "hostile_workbooks.py")
bench_rows = _load("bench_rows", ROOT / "benchmarks" / "bench_rows.py")

# the hostile files of scripts/hostile_workbooks.py that reach the sheets' XML (the zip bombs, OLE2, truncated,
# renamed and empty files are refused before)
CASES = {case.name: case for case in hostile.cases(bomb_bytes=150_000_000)
         if not case.name.startswith("zip_") and case.name not in ("encrypted", "old_xls", "truncated",
                                                                     "renamed_text_file", "empty_file")}

MAIN = hostile.MAIN_NS
# stored cells of every kind, valid or not, put in place of Tariffs!C2 (electricity_price)
CELLS = {
    "number": '<c r="C2"><v>13.086</v></c>',
    "typed_n": '<c r="C2" t="n" s="0"><v>13.086</v></c>',
    "whole_number": '<c r="C2"><v>13</v></c>',
    "exponent": '<c r="C2"><v>1.3086E1</v></c>',
    "spaces_around": '<c r="C2"><v> 13.086 </v></c>',
    "underscore": '<c r="C2"><v>1_3</v></c>',
    "hex": '<c r="C2"><v>0x1</v></c>',
    "nan": '<c r="C2"><v>NaN</v></c>',
    "minus_infinity": '<c r="C2"><v>-1E999</v></c>',
    "infinity_word": '<c r="C2"><v>inf</v></c>',
    "empty_value": '<c r="C2"><v></v></c>',
    "no_value": '<c r="C2" s="1"/>',
    "two_values": '<c r="C2"><v>1</v><v>2</v></c>',
    "value_with_a_child": '<c r="C2"><v>13<x/>.086</v></c>',
    "text_around_the_value": '<c r="C2">x<v>13.086</v>y</c>',
    "style_missing": '<c r="C2" s="999"><v>13.086</v></c>',
    "style_not_a_number": '<c r="C2" s="x"><v>13.086</v></c>',
    "style_with_spaces": '<c r="C2" s=" 1 "><v>13.086</v></c>',
    "style_huge": f'<c r="C2" s="{"9" * 5000}"><v>13.086</v></c>',
    "lower_case_address": '<c r="c2"><v>13.086</v></c>',
    "leading_zero_address": '<c r="C02"><v>13.086</v></c>',
    "row_zero": '<c r="C0"><v>13.086</v></c>',
    "column_beyond_xfd": '<c r="XFE2"><v>13.086</v></c>',
    "arabic_digit_address": '<c r="C\u0662"><v>13.086</v></c>',
    "digits_first": '<c r="2C"><v>13.086</v></c>',
    "empty_address": '<c r=""><v>13.086</v></c>',
    "no_address": '<c><v>13.086</v></c>',
    "huge_row": f'<c r="C{"9" * 5000}"><v>13.086</v></c>',
    "shared_string": '<c r="C2" t="s"><v>0</v></c>',
    "shared_string_negative": '<c r="C2" t="s"><v>-1</v></c>',
    "shared_string_out_of_range": '<c r="C2" t="s"><v>99999</v></c>',
    "shared_string_not_a_number": '<c r="C2" t="s"><v>x</v></c>',
    "inline_text": '<c r="C2" t="inlineStr"><is><t>13,086</t></is></c>',
    "inline_number_text": '<c r="C2" t="inlineStr"><is><t>13.086</t></is></c>',
    "inline_preserved_space": '<c r="C2" t="inlineStr"><is><t xml:space="preserve"> 13.086 </t></is></c>',
    "inline_empty": '<c r="C2" t="inlineStr"><is><t></t></is></c>',
    "inline_no_text": '<c r="C2" t="inlineStr"><is/></c>',
    "inline_rich": '<c r="C2" t="inlineStr"><is><r><t>13</t></r><r><t>.086</t></r></is></c>',
    "inline_two_texts": '<c r="C2" t="inlineStr"><is><t>1</t><t>2</t></is></c>',
    "inline_attribute": '<c r="C2" t="inlineStr"><is count="1"><t>x</t></is></c>',
    "inline_with_a_value": '<c r="C2" t="inlineStr"><v>13.086</v></c>',
    "inline_foreign_t": '<c r="C2" t="inlineStr" xmlns:o="urn:other"><is><o:t>13.086</o:t></is></c>',
    "boolean": '<c r="C2" t="b"><v>1</v></c>',
    "error": '<c r="C2" t="e"><v>#DIV/0!</v></c>',
    "formula_text": '<c r="C2" t="str"><v>abc</v></c>',
    "iso_date": '<c r="C2" t="d"><v>2025-07-05T00:00:00</v></c>',
    "bad_iso_date": '<c r="C2" t="d"><v>yesterday</v></c>',
    "formula": '<c r="C2"><f>13+0.086</f><v>13.086</v></c>',
    "formula_nan": '<c r="C2"><f>1/0</f><v>NaN</v></c>',
    "shared_formula": '<c r="C2"><f t="shared" si="0" ref="C2:C3">13+0.086</f><v>13.086</v></c>',
    "array_formula": '<c r="C2"><f t="array" ref="C2">13.086</f><v>13.086</v></c>',
    "table_formula": '<c r="C2"><f t="dataTable" ref="C2" dt2D="1" r1="A1" r2="A2"/><v>13.086</v></c>',
    "unknown_type": '<c r="C2" t="zz"><v>1</v></c>',
    "namespaced_attribute": '<c r="C2" xmlns:o="urn:other" o:s="1"><v>13.086</v></c>',
    "comment_inside": '<c r="C2"><!-- a note --><v>13.086</v></c>',
    "processing_instruction": '<c r="C2"><?pi x?><v>13.086</v></c>',
    "cdata": '<c r="C2"><v><![CDATA[13.086]]></v></c>',
    "character_reference": '<c r="C2"><v>13&#46;086</v></c>',
    "extension_inside": f'<c r="C2"><v>13.086</v><extLst><ext uri="x"/></extLst></c>',
    "row_inside": '<c r="C2"><row r="9"><c r="A9"><v>1</v></c></row><v>13.086</v></c>',
    "undefined_entity": '<c r="C2"><v>&nope;</v></c>',
}
# edits of a whole sheet's XML (Tariffs), outside its cells
SHEET_EDITS = {
    "row_outside_sheet_data": lambda xml: xml.replace("</sheetData>", '</sheetData><row r="40"><c r="A40"><v>1</v>'
                                                      "</c></row>", 1),
    "bad_column_width": lambda xml: xml.replace("<sheetData>", '<cols><col min="x" max="1"/></cols><sheetData>', 1),
    "merged_cells": lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells><mergeCell ref="A30:B30"/>'
                                            "</mergeCells>", 1),
    "bad_merged_cells": lambda xml: xml.replace("</sheetData>", '</sheetData><mergeCells count="x"><mergeCell/>'
                                                "</mergeCells>", 1),
    "bad_row_number": lambda xml: xml.replace('<row r="2"', '<row r="2.5"', 1),
    "float_row_number": lambda xml: xml.replace('<row r="2"', '<row r="2.0"', 1),
    "row_without_number": lambda xml: xml.replace('<row r="2"', "<row", 1),
    "text_between_rows": lambda xml: xml.replace('<row r="2"', ' text <row r="2"', 1),
    "prefixed_names": lambda xml: xml.replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"').replace("<", "<x:")
                                     .replace("<x:/", "</x:").replace("<x:?", "<?"),
    "malformed_late": lambda xml: xml.replace("</sheetData>", "</sheetDat>", 1),
    # the first error in the sheet's order: a missing style in row 2 (found when the row is stored) before a
    # NaN in row 3 (found when the row is parsed), and a NaN before malformed XML further on
    "errors_in_two_rows": lambda xml: _cell("C3", '<c r="C3"><v>NaN</v></c>', _cell(
        "C2", '<c r="C2" s="999"><v>1</v></c>', xml)),
    "error_before_malformed_xml": lambda xml: _cell("C2", '<c r="C2"><v>NaN</v></c>', xml).replace(
        "</sheetData>", "</sheetDat>", 1),
    "entity_late": lambda xml: xml.replace("<sheetData>", "<sheetData>&lol;", 1),
}


def _cell(address: str, xml: str, sheet: str) -> str:
    return hostile.set_cell_xml(address, xml)(sheet.encode()).decode()


def read_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    """What Workbook reads from ``path`` by the fast paths, and by the general ones."""
    fast = _outcome(path)
    with monkeypatch.context() as patch:
        patch.setattr(SheetParser, "rows", WorkSheetParser.parse)
        patch.setattr(SheetParser, "plain_cell", lambda self, element: None)
        general = _outcome(path)
    return fast, general


def _outcome(path: Path) -> object:
    try:
        book = Workbook(path)
    except InputError as error:
        return f"InputError: {error}"
    return {sheet: {address: (type(cell.value).__name__, _shown(cell.value), cell.number_format, cell.is_error)
                    for address, cell in cells.items()} for sheet, cells in book.sheets.items()}


def _shown(value: object) -> str:
    """A cell value exactly, with an array or table formula by its text and range (not its address in memory)."""
    if hasattr(value, "ref"):  # openpyxl's ArrayFormula, DataTableFormula
        return repr((getattr(value, "text", None), dict(value)))  # type: ignore[call-overload]
    return repr(value)


@pytest.mark.parametrize("path", BUNDLED, ids=[path.stem for path in BUNDLED])
def test_bundled_workbooks_read_the_same(path, monkeypatch):
    fast, general = read_both_ways(path, monkeypatch)
    assert isinstance(fast, dict) and sum(map(len, fast.values())) > 100
    assert fast == general


def test_a_large_equipment_table_reads_the_same(tmp_path, monkeypatch):
    path = bench_rows.equipment_workbook(tmp_path / "cr_scheme.xlsx", 2_000)
    fast, general = read_both_ways(path, monkeypatch)
    assert isinstance(fast, dict) and len(fast["Equipment"]) > 2_000 * 4
    assert fast == general


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_files_read_the_same(name, tmp_path, monkeypatch):
    fast, general = read_both_ways(hostile.build(CASES[name], tmp_path), monkeypatch)
    assert fast == general


@pytest.mark.parametrize("name", sorted(CELLS))
def test_every_kind_of_stored_cell_reads_the_same(name, tmp_path, monkeypatch):
    case = hostile.Case(name, hostile.edit_sheet("Tariffs", hostile.set_cell_xml("C2", CELLS[name])))
    path = hostile.build(case, tmp_path)
    fast, general = read_both_ways(path, monkeypatch)
    assert fast == general


@pytest.mark.parametrize("name", sorted(SHEET_EDITS))
def test_hostile_sheets_read_the_same(name, tmp_path, monkeypatch):
    edit = SHEET_EDITS[name]
    case = hostile.Case(name, hostile.edit_sheet("Tariffs", lambda data: edit(data.decode()).encode()))
    path = hostile.build(case, tmp_path)
    fast, general = read_both_ways(path, monkeypatch)
    assert fast == general


def test_the_cells_of_the_fast_path_are_what_the_general_path_reads(tmp_path):
    # the comparisons above are not vacuous: the plain cells do take the fast path, the others do not
    path = hostile.build(hostile.Case("n", hostile.edit_sheet("Tariffs", hostile.set_cell_xml(
        "C2", '<c r="C2" s="1"><v>13.086</v></c>'))), tmp_path)
    book = Workbook(path)
    assert book.sheets["Tariffs"]["C2"].value == 13.086
    parser = SheetParser(None, ["zero"])
    element = _element('<c xmlns="{0}" r="B7" s="3"><v>12</v></c>'.format(MAIN))
    assert parser.plain_cell(element) == {"row": 7, "column": 2, "value": 12, "data_type": "n", "style_id": 3}
    assert parser.plain_cell(element) == parser.general_cell(element)
    shared = _element('<c xmlns="{0}" r="AB70" t="s"><v>0</v></c>'.format(MAIN))
    assert parser.plain_cell(shared) == parser.general_cell(shared) == {
        "row": 70, "column": 28, "value": "zero", "data_type": "s", "style_id": 0}
    for xml in ('<c xmlns="{0}" r="B7"><f>1</f><v>1</v></c>', '<c xmlns="{0}" r="B7"><v>NaN</v></c>',
                '<c xmlns="{0}" r="B7" t="b"><v>1</v></c>', '<c xmlns="{0}" r="B0"><v>1</v></c>'):
        assert parser.plain_cell(_element(xml.format(MAIN))) is None
    lower = _element('<c xmlns="{0}" r="b7"><v>1.5</v></c>'.format(MAIN))  # openpyxl reads 'b7' as B7
    assert parser.plain_cell(lower) == parser.general_cell(lower) == {
        "row": 7, "column": 2, "value": 1.5, "data_type": "n", "style_id": 0}


def _element(xml: str):  # noqa: ANN202
    from defusedxml.ElementTree import fromstring
    return fromstring(xml)


def test_the_bundled_plants_read_the_same(monkeypatch):
    # the whole reader, fast and general: every input, with its unit, source, location and precision
    for path in BUNDLED:
        fast = read_plant(path)
        with monkeypatch.context() as patch:
            patch.setattr(SheetParser, "rows", WorkSheetParser.parse)
            patch.setattr(SheetParser, "plain_cell", lambda self, element: None)
            general = read_plant(path)
        assert fast.parameters == general.parameters, path.name
        assert fast.tables == general.tables, path.name
        assert fast.notes == general.notes, path.name


def test_the_garbage_collector_runs_again_once_a_workbook_is_read_or_refused(tmp_path):
    import gc

    assert gc.isenabled()
    read_plant(ROOT / "inputs" / "cr_scheme.xlsx")
    assert gc.isenabled()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(InputError):
        read_plant(broken)
    assert gc.isenabled()
    gc.disable()  # a caller that paused it finds it paused
    try:
        read_plant(ROOT / "inputs" / "cr_scheme.xlsx")
        assert not gc.isenabled()
    finally:
        gc.enable()
