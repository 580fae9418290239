"""Evaluate the simple formulas engineers type into input cells.

Supported: numbers (``2``, ``0.5``, ``1.5E3``), ``+ - * / ^``, unary minus, a
trailing ``%``, parentheses, references to cells (``B5``, ``$B$5``,
``Tariffs!C3``, ``'My sheet'!C3``) and the functions SUM, MIN, MAX, ABS, ROUND
and AVERAGE over values and ranges (``SUM(B2:B5)``). Anything else is an error
naming the cell: econ never guesses what a formula means.

A formula is compiled once (:func:`compile_formula`) into its references and a
postfix (reverse Polish) program, built by the shunting-yard algorithm and run
on an explicit stack: neither step recurses, so a formula nested 1,000
parentheses deep costs no Python stack. Nothing is passed to ``eval``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from openpyxl.utils.cell import column_index_from_string, get_column_letter

CellValue = float | str | None
# resolve(sheet, cell) -> evaluated value of that cell
Resolver = Callable[[str, str], CellValue]

MAX_ROW, MAX_COLUMN = 1_048_576, 16_384  # Excel's sheet: rows 1 to 1,048,576, columns A to XFD
# A range evaluated without a workbook (evaluate() with a bare resolver) visits every address;
# the workbook visits only the cells that exist (Workbook.resolve), so this bounds only the former.
MAX_RANGE_CELLS = 100_000

_SHEET = r"(?:'(?P<qsheet>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][A-Za-z0-9_.]*))!"
_CELL = r"\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>[0-9]+)"
_CELL2 = r"\$?(?P<col2>[A-Za-z]{1,3})\$?(?P<row2>[0-9]+)"
_STRING = re.compile(r'"[^"]*"')
_TOKEN = re.compile(
    r"\s*(?:(?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)"
    rf"|(?P<reference>(?:{_SHEET})?{_CELL}(?::{_CELL2})?)(?![A-Za-z0-9_(])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/^%(),]))"
)

# Excel's precedence: negation binds tighter than %, % tighter than ^, and ^ is
# evaluated from left to right: -2^2 is 4 and 2^3^2 is 64 (Python: -4 and 512).
_BINARY = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
_PERCENT, _PREFIX = 4, 5


class FormulaError(ValueError):
    """A formula econ cannot evaluate; the reader adds file, sheet and cell."""


@dataclass(frozen=True)
class Reference:
    """A cell or a rectangular range on ``sheet``; rows and columns count from 1."""

    sheet: str
    first_row: int
    first_column: int
    last_row: int
    last_column: int

    @property
    def is_range(self) -> bool:
        return (self.first_row, self.first_column) != (self.last_row, self.last_column)

    @property
    def size(self) -> int:
        return (self.last_row - self.first_row + 1) * (self.last_column - self.first_column + 1)

    def addresses(self) -> Iterator[str]:
        """Every address of the range, row by row (as Excel's SUM visits it)."""
        for row in range(self.first_row, self.last_row + 1):
            for column in range(self.first_column, self.last_column + 1):
                yield f"{get_column_letter(column)}{row}"

    def contains(self, row: int, column: int) -> bool:
        return self.first_row <= row <= self.last_row and self.first_column <= column <= self.last_column


def _mean(*values: float) -> float:
    if not values:
        raise FormulaError("AVERAGE of no values")
    return sum(values) / len(values)


def _round(value: float, digits: float = 0) -> float:
    # Excel rounds halves away from zero; Python's round() rounds them to even.
    scale = 10.0 ** int(digits)
    return math.copysign(math.floor(abs(value) * scale + 0.5) / scale, value)


_FUNCTIONS: dict[str, Callable[..., float]] = {
    "SUM": lambda *values: float(sum(values)),
    "MIN": lambda *values: float(min(values)),
    "MAX": lambda *values: float(max(values)),
    "ABS": lambda value: float(abs(value)),
    "ROUND": _round,
    "AVERAGE": _mean,
}
_UNSUPPORTED = "only numbers, + - * / ^, cell references and " + ", ".join(_FUNCTIONS) + " are supported"

# A step of the postfix program: ("number", 2.0), ("ref", index), ("neg"|"pos"|"%", None),
# ("+"|"-"|"*"|"/"|"^", None) or ("call", (NAME, argument count)).
Step = tuple[str, object]


@dataclass(frozen=True)
class Formula:
    """A compiled formula: the cells it reads and the program that combines them."""

    text: str
    references: tuple[Reference, ...]
    program: tuple[Step, ...]

    def evaluate(self, values: list[list[CellValue]], name_of: Callable[[int, int], str]) -> float:
        """The formula's value, given for each reference the values of its cells (None: blank).

        ``name_of(i, j)`` is ``sheet!cell`` of ``values[i][j]``, for messages.
        """
        stack: list[float | list[float]] = []
        for kind, argument in self.program:
            if kind == "number":
                stack.append(float(argument))  # type: ignore[arg-type]
            elif kind == "ref":
                stack.append(self._reference_value(int(argument), values, name_of))  # type: ignore[call-overload]
            elif kind in ("neg", "pos", "%"):
                operand = _scalar(stack.pop())
                stack.append(-operand if kind == "neg" else operand if kind == "pos" else operand / 100)
            elif kind == "call":
                name, count = argument  # type: ignore[misc]
                arguments: list[float] = []
                for value in stack[len(stack) - count:]:
                    arguments.extend(value if isinstance(value, list) else [value])
                del stack[len(stack) - count:]
                try:
                    stack.append(_FUNCTIONS[name](*arguments))
                except (TypeError, ValueError, OverflowError):
                    raise FormulaError(f"wrong number or range of arguments to {name} in {self.text!r}") from None
            else:
                right, left = _scalar(stack.pop()), _scalar(stack.pop())
                stack.append(self._binary(kind, left, right))
        result = _scalar(stack.pop())
        if not math.isfinite(result):
            raise FormulaError(f"formula {self.text!r} does not give a finite number")
        return result

    def _reference_value(self, index: int, values: list[list[CellValue]],
                         name_of: Callable[[int, int], str]) -> float | list[float]:
        numbers: list[float] = []
        for position, value in enumerate(values[index]):
            if value is None:
                if not self.references[index].is_range:
                    raise FormulaError(f"the formula refers to {name_of(index, position)}, which is empty")
                continue  # Excel's SUM over a range skips blanks
            if isinstance(value, str):
                raise FormulaError(f"the formula refers to {name_of(index, position)}, which holds text {value!r}")
            numbers.append(float(value))
        return numbers if self.references[index].is_range else numbers[0]

    def _binary(self, operator: str, left: float, right: float) -> float:
        if operator == "+":
            return left + right
        if operator == "-":
            return left - right
        if operator == "*":
            return left * right
        if operator == "/":
            if right == 0:
                raise FormulaError(f"division by zero in {self.text!r}")
            return left / right
        try:
            power = left**right
        except (OverflowError, ZeroDivisionError):
            raise FormulaError(f"({left:g})^({right:g}) is out of range in {self.text!r}") from None
        if isinstance(power, complex):
            raise FormulaError(f"({left:g})^({right:g}) is not a real number in {self.text!r}")
        return float(power)


def _reference(match: re.Match[str], sheet: str, formula: str) -> Reference:
    ref_sheet = match.group("qsheet")
    ref_sheet = ref_sheet.replace("''", "'") if ref_sheet else (match.group("sheet") or sheet)
    corners = [(match.group("col"), match.group("row"))]
    if match.group("col2"):
        corners.append((match.group("col2"), match.group("row2")))
    rows, columns = [], []
    for column_text, row_text in corners:
        column, row = column_index_from_string(column_text.upper()), int(row_text)
        if not (1 <= row <= MAX_ROW and column <= MAX_COLUMN):
            raise FormulaError(f"{formula!r} refers to {column_text.upper()}{row_text}, outside a sheet "
                               "(columns A to XFD, rows 1 to 1048576)")
        rows.append(row)
        columns.append(column)
    return Reference(ref_sheet, min(rows), min(columns), max(rows), max(columns))


def compile_formula(formula: str, sheet: str) -> Formula:
    """Compile ``formula`` (with or without the leading ``=``) typed in a cell of ``sheet``.

    Raises FormulaError for anything outside the supported subset.
    """
    text = formula.removeprefix("=").rstrip()
    if _STRING.search(text):
        raise FormulaError("text inside a formula is not supported")
    unparsable = FormulaError(f"cannot parse formula {formula!r}")
    references: list[Reference] = []
    program: list[Step] = []
    # operators waiting for their right operand: ("op", symbol), ("(", None) or ("call", [NAME, arguments])
    waiting: list[tuple[str, object]] = []
    expect_operand = True
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise unparsable
        position = match.end()
        kind = match.lastgroup or ""
        token = match.group(kind)
        if expect_operand:
            if kind == "number":
                program.append(("number", float(token)))
                expect_operand = False
            elif kind == "reference":
                program.append(("ref", len(references)))
                references.append(_reference(match, sheet, formula))
                expect_operand = False
            elif token in ("-", "+"):
                waiting.append(("op", "neg" if token == "-" else "pos"))
            elif token == "(":
                waiting.append(("(", None))
            elif kind == "name":
                following = _TOKEN.match(text, position)
                if following is None or following.group("op") != "(":
                    raise FormulaError(f"cannot evaluate {formula!r}: {_UNSUPPORTED}")
                if token.upper() not in _FUNCTIONS:
                    raise FormulaError(f"function {token} is not supported (use {', '.join(_FUNCTIONS)})")
                position = following.end()
                waiting.append(("call", [token.upper(), 0]))
            elif token == ")" and waiting and waiting[-1][0] == "call" and waiting[-1][1][1] == 0:  # type: ignore[index]
                name, _ = waiting.pop()[1]  # type: ignore[misc]
                program.append(("call", (name, 0)))
                expect_operand = False
            else:
                raise unparsable
            continue
        if kind == "op" and token in _BINARY:
            _flush(waiting, program, _BINARY[token])
            waiting.append(("op", token))
            expect_operand = True
        elif token == "%":
            _flush(waiting, program, _PERCENT)
            program.append(("%", None))
        elif token in (",", ")"):
            _flush(waiting, program, 0)
            if not waiting:
                raise unparsable
            opener, call = waiting[-1]
            if opener == "call":
                call[1] += 1  # type: ignore[index]
                if token == ")":
                    waiting.pop()
                    program.append(("call", tuple(call)))  # type: ignore[arg-type]
            elif token == ")":
                waiting.pop()
            else:
                raise unparsable  # a comma outside a function's brackets
            expect_operand = token == ","
        else:
            raise unparsable
    if expect_operand:
        raise unparsable
    _flush(waiting, program, 0)
    if waiting:
        raise unparsable  # an unclosed bracket
    return Formula(formula, tuple(references), tuple(program))


def _flush(waiting: list[tuple[str, object]], program: list[Step], precedence: int) -> None:
    """Move to the program every waiting operator that binds at least as tightly as ``precedence``."""
    while waiting and waiting[-1][0] == "op":
        symbol = str(waiting[-1][1])
        if (_PREFIX if symbol in ("neg", "pos") else _BINARY[symbol]) < max(precedence, 1):
            return
        waiting.pop()
        program.append((symbol, None))


def evaluate(formula: str, sheet: str, resolve: Resolver) -> float:
    """Value of ``formula`` (with or without the leading ``=``) typed in a cell of ``sheet``.

    ``resolve(sheet, cell)`` gives the value of a referenced cell; every address of
    a range is resolved (at most MAX_RANGE_CELLS). Raises FormulaError for anything
    outside the supported subset.
    """
    compiled = compile_formula(formula, sheet)
    addresses: list[list[str]] = []
    values: list[list[CellValue]] = []
    for reference in compiled.references:
        if reference.size > MAX_RANGE_CELLS:
            raise FormulaError(f"a range of {reference.size} cells in {formula!r} is too large "
                               f"(at most {MAX_RANGE_CELLS})")
        addresses.append(list(reference.addresses()))
        values.append([resolve(reference.sheet, address) for address in addresses[-1]])
    return compiled.evaluate(values, lambda index, position: (
        f"{compiled.references[index].sheet}!{addresses[index][position]}"))


def _scalar(value: float | list[float]) -> float:
    if isinstance(value, list):
        raise FormulaError("a range can only be used inside SUM, MIN, MAX or AVERAGE")
    return value
