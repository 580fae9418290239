"""Evaluate the simple formulas engineers type into input cells.

Supported: numbers, ``+ - * / ^``, unary minus, a trailing ``%`` on a number,
parentheses, references to cells (``B5``, ``$B$5``, ``Tariffs!C3``,
``'My sheet'!C3``) and the functions SUM, MIN, MAX, ABS, ROUND and AVERAGE over
values and ranges (``SUM(B2:B5)``). Anything else is an error naming the cell:
econ never guesses what a formula means.

The formula is translated into a Python expression and checked node by node
with :mod:`ast` before it is evaluated by walking the tree; nothing is passed to
``eval``.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Iterator

from openpyxl.utils.cell import column_index_from_string, get_column_letter

CellValue = float | str | None
# resolve(sheet, cell) -> evaluated value of that cell
Resolver = Callable[[str, str], CellValue]

_SHEET = r"(?:'(?P<qsheet>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][A-Za-z0-9_.]*))!"
_CELL = r"\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>[0-9]+)"
_CELL2 = r"\$?(?P<col2>[A-Za-z]{1,3})\$?(?P<row2>[0-9]+)"
_REFERENCE = re.compile(rf"(?:{_SHEET})?{_CELL}(?::{_CELL2})?")
_STRING = re.compile(r'"[^"]*"')


class FormulaError(ValueError):
    """A formula econ cannot evaluate; the reader adds file, sheet and cell."""


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


def _cells_in_range(first: tuple[str, int], last: tuple[str, int]) -> Iterator[str]:
    first_col, last_col = sorted((column_index_from_string(first[0]), column_index_from_string(last[0])))
    first_row, last_row = sorted((first[1], last[1]))
    for row in range(first_row, last_row + 1):
        for col in range(first_col, last_col + 1):
            yield f"{get_column_letter(col)}{row}"


_TOKEN = re.compile(r"\s*(?:(?P<number>\d+(?:\.\d*)?|\.\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[-+*/^%(),]))")


def _to_python(text: str, formula: str) -> str:
    """Excel operator precedence as a fully parenthesised Python expression.

    Excel binds negation tighter than ``%``, ``%`` tighter than ``^``, and evaluates
    ``^`` from left to right: ``-2^2`` is 4 and ``2^3^2`` is 64, where Python's
    ``-2**2`` is -4 and ``2**3**2`` is 512.
    """
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise FormulaError(f"cannot parse formula {formula!r}")
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    index = 0

    def peek() -> str:
        return tokens[index][1] if index < len(tokens) else ""

    def take(expected: str | None = None) -> tuple[str, str]:
        nonlocal index
        if index >= len(tokens) or (expected is not None and tokens[index][1] != expected):
            raise FormulaError(f"cannot parse formula {formula!r}")
        index += 1
        return tokens[index - 1]

    def binary(operand: Callable[[], str], operators: tuple[str, ...]) -> str:
        result = operand()
        while peek() in operators:
            operator = take()[1]
            result = f"({result}{'**' if operator == '^' else operator}{operand()})"
        return result

    def expression() -> str:
        return binary(term, ("+", "-"))

    def term() -> str:
        return binary(power, ("*", "/"))

    def power() -> str:
        return binary(percent, ("^",))

    def percent() -> str:
        result = unary()
        while peek() == "%":
            take()
            result = f"({result}/100)"
        return result

    def unary() -> str:
        if peek() in ("-", "+"):
            return f"({take()[1]}{unary()})"
        kind, value = take()
        if kind == "number":
            return value
        if kind == "name":
            if peek() != "(":
                return value
            take("(")
            arguments = []
            if peek() != ")":
                arguments.append(expression())
                while peek() == ",":
                    take()
                    arguments.append(expression())
            take(")")
            return f"{value}({', '.join(arguments)})"
        if value == "(":
            inner = expression()
            take(")")
            return f"({inner})"
        raise FormulaError(f"cannot parse formula {formula!r}")

    result = expression()
    if index != len(tokens):
        raise FormulaError(f"cannot parse formula {formula!r}")
    return result


def evaluate(formula: str, sheet: str, resolve: Resolver) -> float:
    """Value of ``formula`` (with or without the leading ``=``) typed in a cell of ``sheet``.

    ``resolve(sheet, cell)`` gives the value of a referenced cell. Raises
    FormulaError for anything outside the supported subset.
    """
    text = formula[1:] if formula.startswith("=") else formula
    if _STRING.search(text):
        raise FormulaError("text inside a formula is not supported")
    references: dict[str, list[tuple[str, str]]] = {}

    def substitute(match: re.Match[str]) -> str:
        ref_sheet = match.group("qsheet")
        ref_sheet = ref_sheet.replace("''", "'") if ref_sheet else (match.group("sheet") or sheet)
        first = (match.group("col").upper(), int(match.group("row")))
        if match.group("col2"):
            cells = list(_cells_in_range(first, (match.group("col2").upper(), int(match.group("row2")))))
        else:
            cells = [f"{first[0]}{first[1]}"]
        name = f"_ref{len(references)}"
        references[name] = [(ref_sheet, cell) for cell in cells]
        return name

    python_text = _to_python(_REFERENCE.sub(substitute, text), formula)
    try:
        tree = ast.parse(python_text.strip(), mode="eval")
    except SyntaxError:
        raise FormulaError(f"cannot parse formula {formula!r}") from None

    def value_of(name: str) -> list[float]:
        values = []
        for ref_sheet, cell in references[name]:
            value = resolve(ref_sheet, cell)
            if value is None:
                if len(references[name]) == 1:
                    raise FormulaError(f"the formula refers to {ref_sheet}!{cell}, which is empty")
                continue  # Excel's SUM over a range skips blanks
            if isinstance(value, str):
                raise FormulaError(f"the formula refers to {ref_sheet}!{cell}, which holds text {value!r}")
            values.append(float(value))
        return values

    def walk(node: ast.AST) -> float | list[float]:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(
            node.value, bool
        ):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in references:
            values = value_of(node.id)
            return values if len(references[node.id]) > 1 else values[0]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            operand = _scalar(walk(node.operand))
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
            left, right = _scalar(walk(node.left)), _scalar(walk(node.right))
            if isinstance(node.op, ast.Add):
                return left + right
            if isinstance(node.op, ast.Sub):
                return left - right
            if isinstance(node.op, ast.Mult):
                return left * right
            if isinstance(node.op, ast.Div):
                if right == 0:
                    raise FormulaError(f"division by zero in {formula!r}")
                return left / right
            try:
                power = left**right
            except (OverflowError, ZeroDivisionError):
                raise FormulaError(f"({left:g})^({right:g}) is out of range in {formula!r}") from None
            if isinstance(power, complex):
                raise FormulaError(f"({left:g})^({right:g}) is not a real number in {formula!r}")
            return float(power)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
            function = _FUNCTIONS.get(node.func.id.upper())
            if function is None:
                raise FormulaError(f"function {node.func.id} is not supported (use {', '.join(_FUNCTIONS)})")
            arguments: list[float] = []
            for argument in node.args:
                value = walk(argument)
                arguments.extend(value if isinstance(value, list) else [value])
            try:
                return function(*arguments)
            except (TypeError, ValueError, OverflowError):
                raise FormulaError(f"wrong number or range of arguments to {node.func.id} in {formula!r}") from None
        raise FormulaError(f"cannot evaluate {formula!r}: only numbers, + - * / ^, cell references and "
                           f"{', '.join(_FUNCTIONS)} are supported")

    result = _scalar(walk(tree))
    if not math.isfinite(result):
        raise FormulaError(f"formula {formula!r} does not give a finite number")
    return result


def _scalar(value: float | list[float]) -> float:
    if isinstance(value, list):
        raise FormulaError("a range can only be used inside SUM, MIN, MAX or AVERAGE")
    return value
