"""docs/tutorial.md, followed step by step: its commands run, on a workbook filled in as its tables say.

The test reads the tutorial itself (its ``sh`` and ``python`` blocks, its sheet tables and the sheets it
says to delete), so a tutorial that drifts from what econ does fails here.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import openpyxl
import pytest

import econ
from econ import cli
from econ.inputs import schema

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
PARAMETER_HEADER = ["field", "value", "unit", "source"]


def _sections() -> dict[str, str]:
    """The text under each ``## `` heading, keyed by the heading."""
    parts = re.split(r"^## (.+)$", TUTORIAL, flags=re.M)
    return {heading.strip(): text for heading, text in zip(parts[1::2], parts[2::2])}


SECTIONS = _sections()


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.M | re.S)


def _commands(heading: str) -> list[list[str]]:
    """The econ commands of the ``sh`` blocks of a section, as argument lists (without 'econ')."""
    lines = [line for block in _blocks(SECTIONS[heading], "sh") for line in block.splitlines() if line.strip()]
    assert lines and all(line.startswith("econ ") for line in lines), lines
    return [shlex.split(line)[1:] for line in lines]


def _tables(text: str) -> dict[str, list[list[str]]]:
    """The first markdown table under each ``### Sheet`` heading: header first, then the body rows."""
    tables = {}
    for sheet, body in re.findall(r"^### (\w+)\n(.*?)(?=^### |\Z)", text, flags=re.M | re.S):
        rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
                for line in body.splitlines() if line.startswith("|") and not line.startswith("|---")]
        tables[sheet] = rows
    return tables


def _value(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def _fill(path: Path) -> None:
    """Fill in the workbook ``econ new`` wrote, as section 2 of the tutorial says."""
    fill = SECTIONS["2. Fill in the sheets"]
    book = openpyxl.load_workbook(path)
    tables = _tables(fill)
    (named,) = re.findall(r"Delete the\s+sheets (.*?), and any other table\s+sheet", fill, flags=re.S)
    unused = [table.sheet for table in schema.TABLES if table.sheet in book.sheetnames and table.sheet not in tables]
    assert set(re.findall(r"\*\*(\w+)\*\*", named)) <= set(unused)
    for name in unused:
        del book[name]
    for sheet_name, rows in tables.items():
        sheet = book[sheet_name]
        header, body = rows[0], rows[1:]
        if header == PARAMETER_HEADER:
            at = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
            for field, value, unit, source in body:
                sheet.cell(at[field], 3).value = _value(value)
                if unit:
                    sheet.cell(at[field], 4).value = unit
                sheet.cell(at[field], 5).value = source or None
            continue
        columns = {sheet.cell(1, column).value: column for column in range(1, sheet.max_column + 1)}
        if sheet_name == "Alternatives":  # row 1 names the alternative
            assert header[:2] == ["field", "unit"]
            sheet.cell(1, 3).value = header[2]
            first = 2
        else:
            assert set(header) <= set(columns), f"{sheet_name}: {set(header) - set(columns)} not in the template"
            first = 3
        rows = [cells for cells in body if cells[0] != "*units*"]
        for target, cells in [*((2, cells) for cells in body if cells[0] == "*units*"), *enumerate(rows, first)]:
            for name, text in zip(header, cells):
                if text and text != "*units*":
                    sheet.cell(target, columns.get(name, header.index(name) + 1)).value = _value(text)
    book.save(path)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """The tutorial's workbook, with the commands of section 1 run on the blank one first."""
    folder = tmp_path_factory.mktemp("tutorial")
    path = folder / "ni_rinse.xlsx"
    new, validate = _commands("1. Create the workbook")
    assert cli.main([*new[:1], str(path), *new[2:]]) == cli.EXIT_OK
    assert cli.main([*validate[:1], str(path)]) == cli.EXIT_ERROR  # values are missing
    _fill(path)
    return path


def test_the_blank_workbook_lists_the_values_missing_as_the_tutorial_shows(tmp_path, capsys):
    path = tmp_path / "ni_rinse.xlsx"
    assert cli.main(["new", str(path), "--alternatives"]) == cli.EXIT_OK
    capsys.readouterr()
    assert cli.main(["validate", str(path)]) == cli.EXIT_ERROR
    printed = capsys.readouterr().out.splitlines()
    shown = [line for line in _blocks(SECTIONS["1. Create the workbook"], "text")[0].splitlines() if line != "..."]
    assert all(line.replace("ni_rinse.xlsx", str(path.name)) in printed for line in shown), shown
    assert all(line.startswith("Error: ") and ": value missing: " in line for line in printed[:-1])


def test_the_filled_workbook_validates_clean(filled, capsys):
    (validate,) = _commands("3. Validate")
    assert cli.main([validate[0], str(filled)]) == cli.EXIT_OK
    assert capsys.readouterr().out == f"{filled}: 0 errors, 0 notes\n"


def test_the_tutorial_figures_are_what_econ_computes(filled):
    """Section 4's hand-computed figures (the plant of inputs/ni_rinse_ro.xlsx before issue 14's full DCF)."""
    result = econ.evaluate(filled)
    assert result.metrics["opex_per_month"] == pytest.approx(31_680 + 110_000 + 9_700_000 / 8 / 12
                                                             + 170_000 / 12 + 4.5 * 450 + 30 * 250)
    assert result.metrics["specific_cost"] == pytest.approx(result.metrics["opex_per_month"] / 1500)
    assert result.metrics["net_effect_per_year"] == pytest.approx(763_040)
    net_cash_flow = 763_040 * 0.8 + 1_212_500
    assert result.cash_flow["Net cash flow [RUB]"].tolist() == pytest.approx([-9_700_000] + [net_cash_flow] * 8)
    annuity = (1 - 1.14 ** -8) / 0.14
    assert result.metrics["npv"] == pytest.approx(net_cash_flow * annuity - 9_700_000)
    assert round(result.metrics["npv"]) == -1_243_667
    assert result.metrics["discounted_payback"] is None
    assert result.reasons["discounted_payback"] == "not reached within 8 years"
    assert round(result.cases.loc["Single RO unit", "npv"]) == -1_219_015
    # the bundled workbook now has the full DCF of issue 14 (tests/test_full_dcf.py): not this page's figures


@pytest.mark.slow
def test_the_tutorial_commands_write_the_reports_and_its_python_runs(filled, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(filled.parent)
    for command in _commands("4. The results workbook and the PDF report"):
        assert cli.main(command) == cli.EXIT_OK, command
    assert (filled.parent / "reports" / "ni_rinse.xlsx").exists()
    assert (filled.parent / "reports" / "ni_rinse.pdf").exists()
    printed = capsys.readouterr().out
    assert "NPV" in printed and "-1 243 667" in printed.replace(",", " ").replace("\u00a0", " ")
    (snippet,) = _blocks(SECTIONS["5. From Python"], "python")
    names: dict = {}
    exec(compile(snippet, "docs/tutorial.md", "exec"), names)  # noqa: S102 - the tutorial's own code
    assert names["sweep"].metrics["npv"].iloc[0] == pytest.approx(names["result"].metrics["npv"])
    assert (filled.parent / "reports" / "ni_rinse_en.pdf").stat().st_size > 10_000
