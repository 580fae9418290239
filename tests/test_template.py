"""``econ new``: the blank input workbook is generated from the schema, and reading it reports missing values only."""

from __future__ import annotations

import re

import openpyxl
import pytest

from econ import cli
from econ.errors import InputError
from econ.inputs import chain_reader, schema
from econ.inputs.reader import read_plant
from econ.inputs.template import (
    CHAIN_TABLES, INPUT_FILL, LABEL_FILL, TemplateOptions, accepted_units, per_row_unit, table_columns,
    template_sheets, write_template,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("new") / "plant.xlsx"
    assert cli.main(["new", str(path), "--alternatives", "--checks"]) == cli.EXIT_OK
    return path


@pytest.fixture(scope="module")
def chain_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("new") / "chain.xlsx"
    write_template(path, TemplateOptions(chain=True, basis="t"))
    return path


def _fill(cell) -> str:  # noqa: ANN001
    return cell.fill.fgColor.rgb[-6:].upper()


def _validations(sheet) -> dict[str, list[str]]:  # noqa: ANN001
    """Each validated cell range (its first cell) and the list it offers."""
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        for cells in validation.sqref.ranges:
            lists[cells.coord.split(":")[0]] = validation.formula1.strip('"').split(",")
    return lists


def test_the_template_has_every_schema_sheet_with_every_field_and_its_unit(template):
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == template_sheets(TemplateOptions(alternatives=True, checks=True))
    assert book.sheetnames[0] == "Instructions"
    for name, specs in schema.PARAMETER_SHEETS.items():
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == ["field", "description", "value", "unit", "source"]
        rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
        texts = schema.PROJECT_TEXT if name == "Project" else ()
        assert list(rows) == [spec.name for spec in texts] + [spec.name for spec in specs]
        for spec in specs:
            row = rows[spec.name]
            assert sheet.cell(row, 4).value == accepted_units(spec, "RUB", "m^3")[0]
            assert sheet.cell(row, 3).value == spec.default, f"{name} {spec.name}: a value in the template"
            assert spec.name in sheet.cell(row, 1).comment.text
    for table in schema.TABLES:
        if table.key in CHAIN_TABLES:
            assert table.sheet not in book.sheetnames
            continue
        sheet = book[table.sheet]
        header = [cell.value for cell in sheet[1]]
        assert header == table_columns(table)
        assert header[0] == table.name_column and header[-1] == "source"
        assert set(header) == {table.name_column, *(spec.name for spec in table.fields), *table.text_columns,
                               "source"}
        assert sheet.cell(3, 1).value.startswith("Example ")
        for spec in table.fields:
            column = header.index(spec.name) + 1
            unit = accepted_units(spec, "RUB", "m^3", per_row_unit(table))[0]
            if spec.unit_column:  # the example row gives its own unit
                assert sheet.cell(2, column).value is None
                assert sheet.cell(3, header.index(spec.unit_column) + 1).value == unit
            else:
                assert sheet.cell(2, column).value == unit
            assert sheet.cell(3, column).value == spec.default
            assert sheet.cell(1, column).comment.text.startswith(f"{spec.name}: ")
    assert [cell.value for cell in book["References"][1]] == list(schema.REFERENCE_COLUMNS)


def test_units_and_fields_have_hand_checked_drop_downs_and_comments(template):
    book = openpyxl.load_workbook(template)
    tariffs = _validations(book["Tariffs"])
    assert tariffs["D2"] == ["RUB/kWh", "RUB/MWh"]
    assert tariffs["D3"] == ["RUB/m^3", "RUB/L"]
    capital = _validations(book["Capital"])
    assert capital["B2"] == ["RUB", "thousand RUB", "mln RUB"]
    assert capital["D2"] == ["RUB", "thousand RUB", "mln RUB"]
    assert book["Capital"]["E1"].value == "estimate_class"
    assert capital["E3"] == ["1", "2", "3", "4", "5"]
    assert _validations(book["Staffing"])["D2"] == ["fraction", "%"]
    assert book["Project"]["A9"].value == "language"
    assert _validations(book["Project"])["C9"] == ["ru", "en"]
    assert _validations(book["References"])["G2"] == ["=", ">", "<", "in"]
    assert (book["Project"]["A8"].value, book["Project"]["C8"].value) == ("currency", "RUB")  # the units are in it
    assert book["Project"]["A16"].value == "income_tax_rate"  # after the texts, the base case's two translations last
    assert book["Project"]["C16"].value == 0  # its default, in sight
    assert book["Project"]["A16"].comment.text == (
        "income_tax_rate: income tax on positive pre-tax profit (0 for none).\nUnit: fraction (or %).\n"
        "Optional: blank means 0.")
    assert book["Capital"]["B1"].comment.text.endswith("Unit: RUB.\nRequired.")
    products = book["Products"]
    assert [cell.value for cell in products[1]] == ["name", "kind", "quantity", "quantity_unit", "price",
                                                    "price_unit", "source"]
    assert [cell.value for cell in products[2]][1:6] == [None] * 5
    assert [cell.value for cell in products[3]][:6] == ["Example product", "product", None, "m^3/month", None,
                                                        "RUB/m^3"]
    product_lists = _validations(products)
    assert product_lists["B3"] == ["product", "saving", "by-product"]
    assert product_lists["F3"] == ["RUB/m^3", "RUB/L", "RUB/kg", "RUB/g", "RUB/t", "RUB/kWh"]
    assert product_lists["D3"][:3] == ["m^3/month", "L/month", "kg/month"]
    assert "kg/m^3" in product_lists["D3"]


def test_input_cells_are_yellow_and_labels_grey(template):
    sheet = openpyxl.load_workbook(template)["Capital"]
    assert _fill(sheet["A1"]) == "D9D9D9"  # header
    assert _fill(sheet["A2"]) == LABEL_FILL[1:]
    for address in ("A3", "B2", "B3", "C10", "E3"):
        assert _fill(sheet[address]) == INPUT_FILL[1:], address


def _errors(error: InputError) -> list[InputError]:
    return list(getattr(error, "errors", [error]))  # InputErrors holds every problem of the workbook


def _is_missing(error: InputError) -> bool:
    return error.detail.startswith("value missing") or error.found == "an empty cell"


def test_reading_the_fresh_template_reports_missing_values(template):
    with pytest.raises(InputError) as raised:
        read_plant(template)
    errors = _errors(raised.value)
    assert str(errors[0]).startswith('plant.xlsx!Project!C2 "name": value missing')
    assert all(_is_missing(error) for error in errors), [str(error) for error in errors]


def test_the_first_reading_names_the_missing_values_of_every_table(template):
    """Products and Reagents give their units row by row, which need the throughput and schedule (missing in a
    fresh template): their values are still reported in the first reading, not once those are filled in."""
    with pytest.raises(InputError) as raised:
        read_plant(template)
    cells = {f"{error.sheet}!{error.cell}" for error in _errors(raised.value)}
    tables = [table for table in schema.TABLES if table.key not in CHAIN_TABLES]
    assert {table.sheet for table in tables if table.per_row_units} == {"Products", "Reagents"}
    for table in tables:
        book = openpyxl.load_workbook(template)
        header = [cell.value for cell in book[table.sheet][1]]
        for field in table.fields:
            if field.required and field.default is None:
                column = openpyxl.utils.get_column_letter(header.index(field.name) + 1)
                assert f"{table.sheet}!{column}3" in cells, (table.sheet, field.name, sorted(cells))


def _missing_values(path) -> list[str]:  # noqa: ANN001
    """Fill each missing value the reader reports (with 1, or text) until it reads; every problem on the way
    must be a missing value."""
    missing = []
    while True:
        try:
            return missing, read_plant(path)
        except InputError as raised:
            book = openpyxl.load_workbook(path)
            for error in _errors(raised):
                assert _is_missing(error), str(error)
                missing.append(f"{error.sheet}!{error.cell}")
                book[error.sheet][error.cell].value = "x" if error.expected == "text" else 1
            book.save(path)


def test_every_problem_of_the_fresh_template_is_a_missing_value(template, tmp_path):
    path = tmp_path / "plant.xlsx"
    path.write_bytes(template.read_bytes())
    missing, plant = _missing_values(path)
    required = [spec for specs in schema.PARAMETER_SHEETS.values() for spec in specs
                if spec.required and spec.default is None]
    tables = [spec for table in schema.TABLES if table.key not in CHAIN_TABLES for spec in table.fields
              if spec.required and spec.default is None]
    assert len(missing) == 1 + len(required) + len(tables)  # the project name and each required number
    assert plant.alternatives[0].name == "Example alternative"
    assert plant.references == []


def test_the_chain_template_has_the_chain_sheets_and_reports_missing_values_only(chain_template, tmp_path):
    book = openpyxl.load_workbook(chain_template)
    for sheet, columns in (("Streams", chain_reader.STREAM_COLUMNS), ("Payables", chain_reader.PAYABLE_COLUMNS),
                           ("StageEnergy", chain_reader.ENERGY_COLUMNS)):
        header = [cell.value for cell in book[sheet][1]]
        assert set(columns) <= set(header), sheet
    assert "Components" in book.sheetnames
    assert book["Throughput"]["D2"].value == "t/month"
    streams = _validations(book["Streams"])
    assert streams["C3"] == ["in", "out"]
    assert streams["E3"] == ["next", "sold", "returned", "waste"]
    path = tmp_path / "chain.xlsx"
    path.write_bytes(chain_template.read_bytes())
    missing, plant = _missing_values(path)
    assert missing[-2:] == ["Streams!F3", "Streams!F4"]  # the example streams' masses
    assert plant.chain is not None


def test_econ_new_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    path = tmp_path / "plant.xlsx"
    path.write_bytes(b"an engineer's work")
    assert cli.main(["new", str(path)]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == f"Error: {path}: already exists; choose another name or add --force to " \
                                      f"replace it\n"
    assert path.read_bytes() == b"an engineer's work"
    assert cli.main(["new", str(path), "--force", "--currency", "USD"]) == cli.EXIT_OK
    book = openpyxl.load_workbook(path)
    assert book["Tariffs"]["D2"].value == "USD/kWh"
    assert [p.name for p in tmp_path.iterdir()] == ["plant.xlsx"]  # no temporary file left


def test_econ_new_rejects_a_bad_name_or_currency(tmp_path, capsys):
    assert cli.main(["new", str(tmp_path / "plant.xls")]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == f"Error: {tmp_path / 'plant.xls'}: expected a workbook name ending in " \
                                      f".xlsx, got '.xls'\n"
    assert cli.main(["new", str(tmp_path / "plant.xlsx"), "--currency", "FOO"]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == "Error: --currency 'FOO': expected a currency code such as RUB, USD, EUR\n"
    assert cli.main(["new", str(tmp_path / "plant.xlsx"), "--chain", "--basis", "m^3"]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == "Error: --basis m^3 with --chain: a process chain counts its feed in t\n"
    assert list(tmp_path.iterdir()) == []


def test_econ_validate_on_the_fresh_template_lists_only_missing_values(template, capsys):
    assert cli.main(["validate", str(template)]) == cli.EXIT_ERROR
    lines = capsys.readouterr().out.splitlines()
    required = [(sheet, spec.name) for sheet, specs in schema.PARAMETER_SHEETS.items() for spec in specs
                if spec.required and spec.default is None]
    assert lines[0] == 'Error: plant.xlsx!Project!C2 "name": value missing: expected text'
    assert all(re.fullmatch(r'Error: plant\.xlsx!\w+![A-Z]+\d+ "\w+": value missing: expected .+', line)
               for line in lines[:-1]), lines
    for sheet, name in required:  # each with its cell
        assert any(line.startswith(f"Error: plant.xlsx!{sheet}!C") and f'"{name}"' in line for line in lines), name
    assert lines[-1] == f"{template}: {len(lines) - 1} errors, 0 notes"
