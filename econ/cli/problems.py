"""Problems of a workbook on the terminal: the notes a run or a check prints, the list ``econ validate`` prints."""

from __future__ import annotations


def print_notes(plant) -> None:  # noqa: ANN001 - Plant
    """One line per note of the reading (a default used, a cell not read...), on standard output."""
    for note in plant.notes:
        print(f"Note: {note}")
