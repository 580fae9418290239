"""Every problem of a workbook, found in one reading: errors that stop a run, notes that do not.

The reader records an :class:`~econ.errors.InputError` and goes on with the next
field, row or sheet, so that ``econ validate`` can list all of a workbook's
problems at once; when it is done, any error stops the reading with
:class:`InputErrors`, which holds them all. Notes (a default used, a source left
blank, a cell econ does not read) are kept on the plant and printed by
``econ check``, ``econ run`` and ``econ validate``; they do not change the exit
status.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from econ.errors import InputError


@dataclass(frozen=True)
class Note:
    """Something a reader of the workbook should know that does not stop a run.

    ``location`` is ``file!sheet!cell`` as far as it applies; ``kind`` groups the
    notes: ``default`` (a default stands in for an absent or blank input),
    ``source`` (an input row without a source), ``unread`` (a cell econ does not
    read), ``absent`` (an optional sheet that is not there).
    """

    kind: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputErrors(InputError):
    """Several input errors of one workbook; ``lines`` gives one line each, ``errors`` the errors."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.detail, file=first.file, sheet=first.sheet, cell=first.cell, field=first.field,
                         expected=first.expected, found=first.found)

    @property
    def lines(self) -> list[str]:
        return [str(error) for error in self.errors]

    def __str__(self) -> str:
        rest = len(self.errors) - 1
        first = str(self.errors[0])
        return first if not rest else f"{first} (and {rest} more problem{'s' if rest > 1 else ''})"


class ConsequentialError(InputError):
    """An error that follows from one already recorded (a study row naming an input whose cell was wrong)."""


class Problems:
    """The errors and notes found so far while reading one workbook."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []
        self.notes: list[Note] = []

    @contextmanager
    def recording(self) -> Iterator[None]:
        """Run a block; an InputError it raises is recorded and the reading goes on after the block."""
        try:
            yield
        except InputErrors as several:
            for error in several.errors:
                self.add(error)
        except InputError as error:
            self.add(error)

    def add(self, error: InputError) -> None:
        """Record an error once: a wrong unit of a table's units row is one problem, not one per row. An error that
        follows from one already recorded is left out (it would go once the first is put right)."""
        if isinstance(error, ConsequentialError) and self.errors:
            return
        if all(str(error) != str(known) for known in self.errors):
            self.errors.append(error)

    def note(self, kind: str, location: str, message: str) -> None:
        self.notes.append(Note(kind, location, message))

    def raise_errors(self) -> None:
        """Raise :class:`InputErrors` if any error was recorded."""
        if self.errors:
            raise InputErrors(self.errors)


def suggestion(name: str, known: Iterable[str]) -> str:
    """`` (did you mean 'electricity_price'?)`` for the known name nearest to ``name``, or ""."""
    lowered = {candidate.lower(): candidate for candidate in known}
    matches = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    return f" (did you mean {lowered[matches[0]]!r}?)" if matches else ""
