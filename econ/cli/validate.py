"""``econ validate``: every problem of a workbook, one line each, without writing anything."""

from __future__ import annotations

import argparse

from econ.cli.status import EXIT_ERROR, EXIT_OK
from econ.errors import EconError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    validate = commands.add_parser(
        "validate", help="list every problem of a workbook, one line each, and write nothing",
        description="Read the whole of WORKBOOK, every sheet, evaluate its model, its alternatives and its "
                    "BreakEven questions, and print every problem found, one line each naming file!sheet!cell, "
                    "then a count. Errors stop econ run and econ check; notes (a default used, a cell not read) "
                    "do not. Exits 2 if there is any error, 0 otherwise.")
    validate.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    validate.set_defaults(execute=execute)


def problems_of(path: str) -> tuple[list[str], list[str]]:
    """The error lines and the note lines of the workbook at ``path``."""
    from econ.api import evaluate_plant
    from econ.inputs.problems import InputErrors
    from econ.inputs.reader import read_plant

    try:
        plant = read_plant(path)
    except InputErrors as several:
        return several.lines, []
    except EconError as error:  # the file itself cannot be read
        return [str(error)], []
    # with the one note on the texts its reports (in Project!language) show untranslated
    notes = [str(note) for note in plant.localized(plant.language or "en").notes]
    try:
        evaluation = evaluate_plant(plant)
        evaluation.break_even_outcomes()
    except EconError as error:
        return list(getattr(error, "lines", None) or [str(error)]), notes
    return [], notes


def execute(args: argparse.Namespace) -> int:
    errors, notes = problems_of(args.workbook)
    for line in errors:
        print(f"Error: {line}")
    for line in notes:
        print(f"Note: {line}")
    print(f"{args.workbook}: {_count(len(errors), 'error')}, {_count(len(notes), 'note')}")
    return EXIT_ERROR if errors else EXIT_OK


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
