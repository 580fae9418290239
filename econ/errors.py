"""One exception hierarchy for econ; the CLI turns each into one line."""

from __future__ import annotations


class EconError(Exception):
    """Base of every error econ raises on purpose."""


class InputError(EconError):
    """Bad input: names the file, sheet, cell and field, what was expected and what was found."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        field: str | None = None,
        expected: str | None = None,
        found: object = None,
    ) -> None:
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.field = field
        self.expected = expected
        self.found = found
        self.detail = message
        super().__init__(self._format())

    def _format(self) -> str:
        location = "!".join(part for part in (self.file, self.sheet, self.cell) if part)
        prefix = location
        if self.field:
            prefix = f'{prefix} "{self.field}"' if prefix else f'"{self.field}"'
        text = self.detail
        if self.expected is not None:
            text = f"{text}: expected {self.expected}, got {self.found!r}" if text else (
                f"expected {self.expected}, got {self.found!r}"
            )
        return f"{prefix}: {text}" if prefix else text


class ModelError(EconError):
    """The model cannot be evaluated on these inputs (for example a division by a zero throughput).

    ``figure`` is the key of the figure that could not be evaluated, ``inputs``
    the input keys it depends on (empty when not known).
    """

    def __init__(self, message: str, *, figure: str | None = None, inputs: tuple[str, ...] = ()) -> None:
        self.figure = figure
        self.inputs = inputs
        super().__init__(message)


class ReportError(EconError):
    """A report cannot be written (for example the output folder is not writable)."""
