"""Expressions that give both a number and an Excel formula from one definition.

Every derived figure in econ is a small expression tree over named inputs and
other figures. The same tree is

- evaluated over numpy arrays (one case, or 100,000 cases at once, by
  broadcasting), and
- rendered as an Excel formula over the cells where those inputs and figures are
  written in the results workbook,

so the number and its formula cannot drift apart. Build trees with the helper
constructors and Python operators::

    >>> energy = inp("installed_power") * ref("operating_hours_per_month")
    >>> energy.to_text()
    'installed_power * operating_hours_per_month'

Only functions LibreOffice also knows are rendered (SUM, MAX, MIN, IF, AND, LOG,
NPV, ROUND, ROUNDUP), so a reviewer may open the workbook in either program.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

Array = np.ndarray

# Operator precedence for rendering; higher binds tighter.
_ADDITIVE, _MULTIPLICATIVE, _POWER, _ATOM = 1, 2, 3, 4


class CellMap(Protocol):
    """Where each input and figure sits in the results workbook."""

    def locate(self, key: str, year: int | None = None) -> tuple[str, str]:
        """(sheet name, A1 address) of an input or figure, or of one year of a yearly figure."""
        ...


def cell_reference(sheet: str, address: str, current_sheet: str) -> str:
    """An A1 reference as written in a formula on ``current_sheet``."""
    if sheet == current_sheet:
        return address
    if sheet.replace("_", "").isalnum() and not sheet[0].isdigit():
        return f"{sheet}!{address}"
    return "'" + sheet.replace("'", "''") + f"'!{address}"


def defined_name(cells: CellMap, key: str, year: int | None = None) -> str:
    """The workbook's defined name of a cell (``capital_total``), or "" where the cell map names none.

    A cell map may offer ``defined_name(key, year)``; formulas then read the name instead of the address.
    """
    lookup = getattr(cells, "defined_name", None)
    return lookup(key, year) if lookup is not None else ""


class Expr:
    """A node of an expression tree. Subclasses define evaluate, excel and text."""

    precedence = _ATOM

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        """Value over numpy arrays; ``env`` maps input and figure keys to arrays."""
        raise NotImplementedError

    def excel(self, cells: CellMap, sheet: str) -> str:
        """Excel formula text (without the leading ``=``) for a cell on ``sheet``."""
        raise NotImplementedError

    def text(self) -> str:
        """Readable formula over keys, for check output and docs."""
        raise NotImplementedError

    def to_text(self) -> str:
        return self.text()

    def keys(self) -> set[str]:
        """Keys of every input and figure the expression reads."""
        return set()

    # Operators build trees; plain numbers become constants.
    def __add__(self, other: object) -> Expr:
        return BinOp("+", self, as_expr(other))

    def __radd__(self, other: object) -> Expr:
        return BinOp("+", as_expr(other), self)

    def __sub__(self, other: object) -> Expr:
        return BinOp("-", self, as_expr(other))

    def __rsub__(self, other: object) -> Expr:
        return BinOp("-", as_expr(other), self)

    def __mul__(self, other: object) -> Expr:
        return BinOp("*", self, as_expr(other))

    def __rmul__(self, other: object) -> Expr:
        return BinOp("*", as_expr(other), self)

    def __truediv__(self, other: object) -> Expr:
        return BinOp("/", self, as_expr(other))

    def __rtruediv__(self, other: object) -> Expr:
        return BinOp("/", as_expr(other), self)

    def __pow__(self, other: object) -> Expr:
        return BinOp("^", self, as_expr(other))

    def __neg__(self) -> Expr:
        return Neg(self)


def as_expr(value: object) -> Expr:
    """An Expr as it is, or a number as a constant."""
    if isinstance(value, Expr):
        return value
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return Const(float(value))
    raise TypeError(f"cannot use {value!r} in an expression")


def _format_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


@dataclass(frozen=True, eq=False)
class Const(Expr):
    """A number written into the formula itself (a structural constant such as a year index)."""

    value: float

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return np.asarray(self.value, dtype=float)

    def excel(self, cells: CellMap, sheet: str) -> str:
        text = _format_number(self.value)
        return f"({text})" if self.value < 0 else text

    def text(self) -> str:
        return _format_number(self.value)


@dataclass(frozen=True, eq=False)
class Ref(Expr):
    """An input or a figure by key; ``year`` picks one year of a yearly figure."""

    key: str
    year: int | None = None

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        value = env[self.key]
        return value if self.year is None else value[..., self.year]

    def excel(self, cells: CellMap, sheet: str) -> str:
        name = defined_name(cells, self.key, self.year)
        if name:
            return name
        ref_sheet, address = cells.locate(self.key, self.year)
        return cell_reference(ref_sheet, address, sheet)

    def text(self) -> str:
        return self.key if self.year is None else f"{self.key}[{self.year}]"

    def keys(self) -> set[str]:
        return {self.key}


def ref(key: str, year: int | None = None) -> Ref:
    """Reference to a figure (or one year of a yearly figure)."""
    return Ref(key, year)


def inp(key: str) -> Ref:
    """Reference to an input parameter; inputs and figures share one key space."""
    return Ref(key)


_NUMPY_OPS = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.divide,
    "^": np.power,
}
_PRECEDENCE = {"+": _ADDITIVE, "-": _ADDITIVE, "*": _MULTIPLICATIVE, "/": _MULTIPLICATIVE, "^": _POWER}


def _wrap(node: Expr, text: str, needed: int, strict: bool = False) -> str:
    if node.precedence < needed or (strict and node.precedence == needed):
        return f"({text})"
    return text


@dataclass(frozen=True, eq=False)
class BinOp(Expr):
    """Arithmetic on two expressions."""

    op: str
    left: Expr
    right: Expr

    @property
    def precedence(self) -> int:  # type: ignore[override]
        return _PRECEDENCE[self.op]

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return _NUMPY_OPS[self.op](self.left.evaluate(env), self.right.evaluate(env))

    def _render(self, left: str, right: str, space: str) -> str:
        level = self.precedence
        # the right operand of - and / (and both of ^) need brackets at equal precedence
        strict_right = self.op in "-/^"
        return (
            f"{_wrap(self.left, left, level, strict=self.op == '^')}{space}{self.op}{space}"
            f"{_wrap(self.right, right, level, strict=strict_right)}"
        )

    def excel(self, cells: CellMap, sheet: str) -> str:
        return self._render(self.left.excel(cells, sheet), self.right.excel(cells, sheet), "")

    def text(self) -> str:
        return self._render(self.left.text(), self.right.text(), " ")

    def keys(self) -> set[str]:
        return self.left.keys() | self.right.keys()


@dataclass(frozen=True, eq=False)
class Neg(Expr):
    """Unary minus. Rendered with brackets: in Excel, -2^2 is 4."""

    operand: Expr

    precedence = _ATOM

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return np.negative(self.operand.evaluate(env))

    def excel(self, cells: CellMap, sheet: str) -> str:
        inner = self.operand.excel(cells, sheet)
        return f"(-{inner})" if self.operand.precedence == _ATOM else f"(-({inner}))"

    def text(self) -> str:
        inner = self.operand.text()
        return f"-{inner}" if self.operand.precedence == _ATOM else f"-({inner})"

    def keys(self) -> set[str]:
        return self.operand.keys()


@dataclass(frozen=True, eq=False)
class Func(Expr):
    """SUM, MAX or MIN of several expressions (element-wise over cases)."""

    name: str
    args: tuple[Expr, ...]

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        values = [arg.evaluate(env) for arg in self.args]
        if self.name == "SUM":
            total = np.asarray(0.0)
            for value in values:
                total = total + value
            return total
        if self.name in ("MAX", "MIN"):
            # pairwise, without stacking the broadcast arguments into one array first
            pick = np.maximum if self.name == "MAX" else np.minimum
            result = np.asarray(values[0], dtype=float)
            for value in values[1:]:
                result = pick(result, value)
            return result
        raise ValueError(f"unknown function {self.name}")

    def excel(self, cells: CellMap, sheet: str) -> str:
        if not self.args:
            return "0"
        return f"{self.name}({','.join(_ranges(self.args, cells, sheet))})"

    def text(self) -> str:
        return f"{self.name.lower()}({', '.join(arg.text() for arg in self.args)})"

    def keys(self) -> set[str]:
        return set().union(*(arg.keys() for arg in self.args)) if self.args else set()


def _ranges(args: Sequence[Expr], cells: CellMap, sheet: str) -> list[str]:
    """Formula arguments, with runs of adjacent cells in one column or row merged into ranges."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    parts: list[str] = []
    run: list[tuple[str, int, int, str]] = []  # (sheet, col, row, address)

    def flush() -> None:
        if not run:
            return
        if len(run) == 1:
            parts.append(cell_reference(run[0][0], run[0][3], sheet))
        else:
            parts.append(cell_reference(run[0][0], f"{run[0][3]}:{run[-1][3]}", sheet))
        run.clear()

    for arg in args:
        if not isinstance(arg, Ref) or defined_name(cells, arg.key, arg.year):
            flush()
            parts.append(arg.excel(cells, sheet))
            continue
        ref_sheet, address = cells.locate(arg.key, arg.year)
        column_letters, row = coordinate_from_string(address)
        column = column_index_from_string(column_letters)
        if run:
            last_sheet, last_col, last_row, _ = run[-1]
            same_column_next = last_sheet == ref_sheet and column == last_col and row == last_row + 1
            same_row_next = last_sheet == ref_sheet and row == last_row and column == last_col + 1
            direction_ok = len(run) == 1 or (
                (run[1][1] == run[0][1] and same_column_next) or (run[1][2] == run[0][2] and same_row_next)
            )
            if not ((same_column_next or same_row_next) and direction_ok):
                flush()
        run.append((ref_sheet, column, row, address))
    flush()
    return parts


@dataclass(frozen=True, eq=False)
class RoundUp(Expr):
    """Rounded up to a whole number (away from zero), as ROUNDUP(ROUND(x,6),0).

    Rounding to 6 decimals first makes numpy and the spreadsheet agree on values
    that float arithmetic leaves a hair above a whole number: 100.00000000000001
    cells are 100 cells, not 101. numpy's ``ceil`` would give 101; LibreOffice's
    ROUNDUP itself snaps values within about 1e-12 (relative) of a whole number
    (measured; Excel was not tested), so neither alone can be matched. After
    ROUND(x,6) a value is either exactly whole or at least 1e-6 away from a whole
    number, where the spreadsheet no longer snaps (for |x| below about 5e5). The
    two can still differ only for a value exactly half-way at the 6th decimal
    (x = n + 0.0000005), where numpy rounds half to even and the spreadsheet
    half away from zero.
    """

    operand: Expr

    DECIMALS = 6

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        rounded = np.round(self.operand.evaluate(env), self.DECIMALS)
        return np.copysign(np.ceil(np.abs(rounded)), rounded)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"ROUNDUP(ROUND({self.operand.excel(cells, sheet)},{self.DECIMALS}),0)"

    def text(self) -> str:
        return f"roundup({self.operand.text()})"

    def keys(self) -> set[str]:
        return self.operand.keys()


def round_up(value: Expr) -> RoundUp:
    """``value`` rounded up to a whole number (a count of cells, of units)."""
    return RoundUp(value)


def total(*args: Expr) -> Expr:
    """Sum of the arguments, rendered as SUM(...) with adjacent cells merged into ranges."""
    return Func("SUM", tuple(args))


def maximum(*args: Expr | float) -> Expr:
    return Func("MAX", tuple(as_expr(arg) for arg in args))


def minimum(*args: Expr | float) -> Expr:
    return Func("MIN", tuple(as_expr(arg) for arg in args))


_COMPARE = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "=": np.equal,
}


@dataclass(frozen=True, eq=False)
class Compare(Expr):
    """A comparison giving 1.0 (true) or 0.0 (false); used as an IF condition."""

    op: str
    left: Expr
    right: Expr

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return _COMPARE[self.op](self.left.evaluate(env), self.right.evaluate(env)).astype(float)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"{self.left.excel(cells, sheet)}{self.op}{self.right.excel(cells, sheet)}"

    def text(self) -> str:
        return f"{self.left.text()} {self.op} {self.right.text()}"

    def keys(self) -> set[str]:
        return self.left.keys() | self.right.keys()


def compare(left: Expr | float, op: str, right: Expr | float) -> Compare:
    if op not in _COMPARE:
        raise ValueError(f"unknown comparison {op!r}")
    return Compare(op, as_expr(left), as_expr(right))


@dataclass(frozen=True, eq=False)
class AllOf(Expr):
    """Logical AND of conditions."""

    conditions: tuple[Expr, ...]

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        result = np.asarray(1.0)
        for condition in self.conditions:
            result = result * (condition.evaluate(env) != 0)
        return np.asarray(result, dtype=float)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"AND({','.join(c.excel(cells, sheet) for c in self.conditions)})"

    def text(self) -> str:
        return " and ".join(c.text() for c in self.conditions)

    def keys(self) -> set[str]:
        return set().union(*(c.keys() for c in self.conditions))


@dataclass(frozen=True, eq=False)
class Blank(Expr):
    """An intentionally empty result (rendered as ""); evaluates to NaN, which writers show blank."""

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return np.asarray(np.nan)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return '""'

    def text(self) -> str:
        return "blank"


@dataclass(frozen=True, eq=False)
class If(Expr):
    """IF(condition, then, otherwise), element-wise over cases."""

    condition: Expr
    then: Expr
    otherwise: Expr

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        condition = self.condition.evaluate(env) != 0
        with np.errstate(divide="ignore", invalid="ignore"):
            # both branches are computed over all cases; the unused one may divide by zero
            then, otherwise = self.then.evaluate(env), self.otherwise.evaluate(env)
        return np.where(condition, then, otherwise)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return (
            f"IF({self.condition.excel(cells, sheet)},{self.then.excel(cells, sheet)},"
            f"{self.otherwise.excel(cells, sheet)})"
        )

    def text(self) -> str:
        return f"({self.then.text()} if {self.condition.text()} else {self.otherwise.text()})"

    def keys(self) -> set[str]:
        return self.condition.keys() | self.then.keys() | self.otherwise.keys()


def when(condition: Expr, then: Expr | float, otherwise: Expr | float) -> If:
    return If(condition, as_expr(then), as_expr(otherwise))


@dataclass(frozen=True, eq=False)
class EntropyTerm(Expr):
    """-p log2 p, taken as 0 where p <= 0 (its limit at 0): one term of a Shannon entropy in bits."""

    share: Expr

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        p = np.asarray(self.share.evaluate(env), dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            term = -p * np.log2(np.where(p > 0, p, 1.0))
        return np.where(p > 0, term, 0.0)

    def excel(self, cells: CellMap, sheet: str) -> str:
        p = self.share.excel(cells, sheet)
        return f"IF(({p})>0,-({p})*LOG({p},2),0)"

    def text(self) -> str:
        return f"-p*log2(p) for p = {self.share.text()}"

    def keys(self) -> set[str]:
        return self.share.keys()


def entropy_term(share: Expr) -> EntropyTerm:
    """One term of a Shannon entropy in bits: -p log2 p, 0 at p = 0."""
    return EntropyTerm(share)


@dataclass(frozen=True, eq=False)
class Npv(Expr):
    """Net present value of a yearly figure, year 0 undiscounted.

    Rendered as ``CF0+NPV(rate,CF1:CFn)``: Excel's NPV() discounts its first
    argument by one period, so year 0 stays outside it.
    """

    rate: Expr
    flows_key: str
    years: int  # the last year index, n

    precedence = _ADDITIVE  # rendered as a sum, CF0+NPV(...): bracketed inside a product or a negation

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        from econ.model.metrics import npv

        return npv(self.rate.evaluate(env), env[self.flows_key])

    def excel(self, cells: CellMap, sheet: str) -> str:
        first_sheet, first = cells.locate(self.flows_key, 0)
        _, second = cells.locate(self.flows_key, 1)
        _, last = cells.locate(self.flows_key, self.years)
        year0 = cell_reference(first_sheet, first, sheet)
        later = cell_reference(first_sheet, f"{second}:{last}", sheet)
        return f"{year0}+NPV({self.rate.excel(cells, sheet)},{later})"

    def text(self) -> str:
        return f"npv({self.rate.text()}, {self.flows_key})"

    def keys(self) -> set[str]:
        return self.rate.keys() | {self.flows_key}


@dataclass(frozen=True, eq=False)
class Text(Expr):
    """A text result in a formula (the reason a metric is undefined). Evaluates to NaN."""

    value: str

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return np.asarray(np.nan)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return '"' + self.value.replace('"', '""') + '"'

    def text(self) -> str:
        return repr(self.value)


@dataclass(frozen=True, eq=False)
class YearRange(Expr):
    """The cells of a yearly figure from ``first`` to ``last`` year, as a range argument."""

    key: str
    first: int
    last: int

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return env[self.key][..., self.first: self.last + 1]

    def excel(self, cells: CellMap, sheet: str) -> str:
        first_sheet, first = cells.locate(self.key, self.first)
        _, last = cells.locate(self.key, self.last)
        return cell_reference(first_sheet, f"{first}:{last}", sheet)

    def text(self) -> str:
        return f"{self.key}[{self.first}..{self.last}]"

    def keys(self) -> set[str]:
        return {self.key}


@dataclass(frozen=True, eq=False)
class ExcelCall(Expr):
    """A spreadsheet function used only in formulas (IRR, COUNT, COUNTIF, IFERROR, OR).

    Its value in Python comes from the figure that owns the formula (a
    MetricFigure computes it with econ.model.metrics), so evaluate() is refused.
    """

    name: str
    args: tuple[Expr, ...]

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        raise TypeError(f"{self.name}() is evaluated by the metric that owns the formula")

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"{self.name}({','.join(arg.excel(cells, sheet) for arg in self.args)})"

    def text(self) -> str:
        return f"{self.name.lower()}({', '.join(arg.text() for arg in self.args)})"

    def keys(self) -> set[str]:
        return set().union(*(arg.keys() for arg in self.args)) if self.args else set()


def call(name: str, *args: Expr | float | str) -> ExcelCall:
    """A formula-only function call; strings become text arguments."""
    return ExcelCall(name, tuple(Text(arg) if isinstance(arg, str) else as_expr(arg) for arg in args))
