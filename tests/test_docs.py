"""The documentation agrees with the code.

- every command and option of the command line is in README.md;
- every sheet and field of econ/inputs/schema.py is in docs/inputs.md, in the
  section of its sheet;
- README's example error line is what econ prints for that input.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import openpyxl
import pytest

from econ import cli
from econ.inputs import chain_reader, schema

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INPUTS_DOC = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
SOURCE = ROOT / "inputs" / "cr_scheme.xlsx"


def word_in(word: str, text: str) -> bool:
    """``word`` occurs in ``text`` as a whole word or option (not inside a longer name)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


# -- the command line in README.md -----------------------------------------------------------


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    subparsers = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    assert len(subparsers) == 1
    return {"": parser, **subparsers[0].choices}


def _options() -> list[tuple[str, argparse.Action]]:
    options = []
    for command, parser in _commands().items():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            options.append((command, action))
    return options


def _option_id(item: tuple[str, argparse.Action]) -> str:
    command, action = item
    return f"{command or 'econ'} {'/'.join(action.option_strings) or action.metavar or action.dest}"


def test_the_parser_has_the_commands_the_readme_describes():
    assert set(_commands()) == {"", "run", "check", "compare", "breakeven", "validate", "new", "sensitivity",
                              "uncertainty"}


@pytest.mark.parametrize("command", sorted(set(_commands()) - {""}))
def test_every_command_is_in_the_readme(command):
    assert re.search(rf"^econ {command}\b", README, re.M), f"README has no line starting 'econ {command}'"


@pytest.mark.parametrize("item", _options(), ids=_option_id)
def test_every_option_is_in_the_readme(item):
    command, action = item
    if action.option_strings:
        spellings = action.option_strings
        assert any(word_in(spelling, README) for spelling in spellings), \
            f"none of {spellings} ({command or 'econ'}) is in README.md"
    else:  # a positional argument: its metavar on the command's line
        assert re.search(rf"^econ {command} (\S+ )*\[?{action.metavar}\b", README, re.M), \
            f"README has no line 'econ {command} {action.metavar}'"


def test_the_readme_states_the_exit_statuses_the_cli_uses():
    statuses = (cli.EXIT_OK, cli.EXIT_CHECK_FAILED, cli.EXIT_ERROR, cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED,
                cli.EXIT_TERMINATED)
    assert statuses == (0, 1, 2, 70, 130, 143)
    readme = " ".join(README.split())
    assert "Exit status: 0 success; 1 when `econ check` has a material finding (a published figure" in readme
    assert "2 for bad input, a report that cannot be written, or a usage error; 70 for an internal error" in readme
    assert "130 when the run is stopped with Ctrl-C; 143 when it is stopped with SIGTERM" in readme
    assert "`econ --debug COMMAND ...` prints" in readme
    epilog = " ".join(cli.status.EPILOG.split())
    for status in statuses:
        assert f" {status} " in f" {epilog} ", f"the parser's epilog does not state exit status {status}"


# -- the input format in docs/inputs.md ------------------------------------------------------


def _sections(markdown: str) -> dict[str, str]:
    """Text under each ``### Heading`` (up to the next heading of level 2 or 3), keyed by heading."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith(("## ", "### ")):
            current = sections.setdefault(line[4:].strip(), []) if line.startswith("### ") else None
        elif current is not None:
            current.append(line)
    return {heading: "\n".join(lines) for heading, lines in sections.items()}


SECTIONS = _sections(INPUTS_DOC)


def _table_cells(section: str) -> set[str]:
    """Every name in the first column of the section's tables (``a, b`` counts as a and b)."""
    names = set()
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            first = line.split("|")[1]
            names.update(name.strip() for name in first.split(","))
    return names


def _documented_fields() -> list[tuple[str, str]]:
    fields = [(sheet, spec.name) for sheet, specs in schema.PARAMETER_SHEETS.items() for spec in specs]
    fields += [("Project", spec.name) for spec in schema.PROJECT_TEXT]
    for table in schema.TABLES:
        fields.append((table.sheet, table.name_column))
        fields += [(table.sheet, spec.name) for spec in table.fields]
    fields += [("References", column) for column in schema.REFERENCE_COLUMNS]
    return fields


SHEETS = [*schema.PARAMETER_SHEETS, *(table.sheet for table in schema.TABLES), "References"]


@pytest.mark.parametrize("sheet", SHEETS)
def test_every_sheet_has_a_section_in_the_inputs_doc(sheet):
    assert sheet in SECTIONS, f"docs/inputs.md has no '### {sheet}' section"


@pytest.mark.parametrize(("sheet", "field"), _documented_fields(), ids=lambda value: value)
def test_every_field_is_in_its_sheets_table_in_the_inputs_doc(sheet, field):
    assert field in _table_cells(SECTIONS.get(sheet, "")), \
        f"docs/inputs.md '### {sheet}' has no table row for {field!r}"


def test_the_inputs_doc_has_no_field_the_schema_does_not_know():
    known = {field for _, field in _documented_fields()} | {"field", "column", "source"}
    documented = set()
    for sheet in SHEETS:
        documented |= _table_cells(SECTIONS[sheet])
    assert documented <= known, f"docs/inputs.md documents unknown fields {sorted(documented - known)}"


CHAIN_COLUMNS = [(sheet, column) for sheet, columns in (
    ("Streams", chain_reader.STREAM_COLUMNS), ("Payables", chain_reader.PAYABLE_COLUMNS),
    ("StageEnergy", chain_reader.ENERGY_COLUMNS)) for column in columns]


@pytest.mark.parametrize(("sheet", "column"), CHAIN_COLUMNS, ids=lambda value: value)
def test_every_process_chain_column_is_in_the_inputs_doc(sheet, column):
    assert column in _table_cells(SECTIONS.get(sheet, "")), \
        f"docs/inputs.md '### {sheet}' has no table row for {column!r}"


@pytest.mark.parametrize("sheet", list(schema.PARAMETER_SHEETS))
def test_every_numeric_parameter_field_shows_its_unit(sheet):
    """The unit column of a parameter sheet's table agrees with the schema (currency and basis aside)."""
    rows = {}
    for line in SECTIONS[sheet].splitlines():
        cells = [cell.strip() for cell in line.split("|")[1:-1]]
        if len(cells) == 3 and not line.startswith("|---"):
            rows[cells[0]] = cells[2]
    for spec in schema.PARAMETER_SHEETS[sheet]:
        unit = spec.unit.replace("{cur}", "RUB").replace("{basis}", "m^3")
        if unit == "dimensionless":
            continue
        assert unit in rows[spec.name], f"{sheet} {spec.name}: docs say {rows[spec.name]!r}, schema {spec.unit!r}"


# -- README's error example --------------------------------------------------------------------


def _readme_error_line() -> str:
    lines = [line for line in README.splitlines() if line.startswith("Error: cr_scheme.xlsx!Tariffs!D2")]
    assert len(lines) == 1, "README.md has one example line 'Error: cr_scheme.xlsx!Tariffs!D2 ...'"
    return lines[0]


def _as_pattern(documented: str) -> str:
    """The README line as a regular expression; an abbreviation '(...)' stands for any '(text)'."""
    parts = documented.split("(...)")
    return r"\(.+\)".join(re.escape(part) for part in parts)


def test_the_readme_error_example_is_what_econ_prints(tmp_path, capsys):
    book = openpyxl.load_workbook(SOURCE)
    book["Tariffs"]["D2"].value = "USD/kWh"
    path = tmp_path / "cr_scheme.xlsx"
    book.save(path)

    assert cli.main(["check", str(path)]) == cli.EXIT_ERROR
    printed = capsys.readouterr().err.rstrip("\n")
    assert "\n" not in printed
    assert re.fullmatch(_as_pattern(_readme_error_line()), printed), \
        f"README.md shows\n  {_readme_error_line()}\necon prints\n  {printed}"


# -- required, defaulted and optional fields, and repeated rows, in docs/inputs.md ---------------


def _bullet(section: str, label: str) -> str:
    """The text of the ``- **Label...`` line of a section ('' if there is none)."""
    lines = [line for line in section.splitlines() if line.startswith(f"- **{label}")]
    assert len(lines) <= 1, f"two '{label}' lines"
    return lines[0] if lines else ""


def _classified() -> list[tuple[str, str, str]]:
    """(sheet, field, what the docs must say) for every field of the schema: 'required', or its default."""
    fields = []
    for sheet, specs in schema.PARAMETER_SHEETS.items():
        fields += [(sheet, spec.name, spec.default, spec.required) for spec in specs]
    fields += [("Project", spec.name, spec.default or None, spec.required) for spec in schema.PROJECT_TEXT]
    for table in schema.TABLES:
        fields.append((table.sheet, table.name_column, None, True))
        fields += [(table.sheet, spec.name, spec.default, spec.required) for spec in table.fields]
    return [(sheet, name, (f"{default:g}" if isinstance(default, float) else default) if default is not None
             else ("required" if required else "optional")) for sheet, name, default, required in fields]


@pytest.mark.parametrize(("sheet", "field", "state"), _classified(), ids=lambda value: str(value))
def test_the_inputs_doc_says_whether_each_field_is_required_or_what_it_defaults_to(sheet, field, state):
    section = SECTIONS.get(sheet, "")
    if state == "required":
        assert f"`{field}`" in _bullet(section, "Required:"), f"docs/inputs.md '### {sheet}': {field} is required"
    elif state == "optional":
        assert f"`{field}`" in _bullet(section, "Optional"), f"docs/inputs.md '### {sheet}': {field} is optional"
    else:
        assert f"`{field}` = {state}" in _bullet(section, "Defaults"), \
            f"docs/inputs.md '### {sheet}': {field} defaults to {state}"
    others = {"Required:", "Optional", "Defaults"} - {"Required:" if state == "required" else
                                                      "Optional" if state == "optional" else "Defaults"}
    assert all(f"`{field}`" not in _bullet(section, label) for label in others), f"{sheet} {field}: said twice"


@pytest.mark.parametrize("sheet", [*SHEETS, "Streams", "Payables", "StageEnergy", "Alternatives", "BreakEven"])
def test_the_inputs_doc_says_whether_each_sheets_rows_repeat(sheet):
    assert _bullet(SECTIONS[sheet], "Rows:"), f"docs/inputs.md '### {sheet}' has no '- **Rows:**' line"
