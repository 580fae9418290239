"""Expression nodes the full DCF needs besides those of econ.model.expr: MOD, ROUND, and a value solved by econ.

Each evaluates over numpy arrays and renders a LibreOffice-known function (MOD, ROUND), like econ.model.expr.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from econ.model.expr import CellMap, Expr

Array = np.ndarray


@dataclass(frozen=True, eq=False)
class Mod(Expr):
    """MOD(number, divisor): the remainder with the sign of the divisor, as in the spreadsheet and numpy."""

    number: Expr
    divisor: Expr

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return np.mod(self.number.evaluate(env), self.divisor.evaluate(env))

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"MOD({self.number.excel(cells, sheet)},{self.divisor.excel(cells, sheet)})"

    def text(self) -> str:
        return f"mod({self.number.text()}, {self.divisor.text()})"

    def keys(self) -> set[str]:
        return self.number.keys() | self.divisor.keys()


@dataclass(frozen=True, eq=False)
class Round(Expr):
    """ROUND(x, digits): half away from zero, as the spreadsheet rounds."""

    operand: Expr
    digits: int

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        value = np.asarray(self.operand.evaluate(env), dtype=float)
        scale = 10.0 ** self.digits
        return np.copysign(np.floor(np.abs(value) * scale + 0.5) / scale, value)

    def excel(self, cells: CellMap, sheet: str) -> str:
        return f"ROUND({self.operand.excel(cells, sheet)},{self.digits})"

    def text(self) -> str:
        return f"round({self.operand.text()}, {self.digits})"

    def keys(self) -> set[str]:
        return self.operand.keys()


@dataclass(frozen=True, eq=False)
class Solved(Expr):
    """A value econ solves for (the levelized price): ``solve(env)`` gives it; the workbook holds the number.

    A spreadsheet formula cannot solve NPV(price) = 0 by itself; the results workbook writes the solved number
    (``solved`` tells the writer so) and recomputes, with live formulas, the cash flow at that price and its NPV.
    ``reads`` names what the solution depends on, for the dependency walk.
    """

    solve: Callable[[Mapping[str, Array]], Array]
    reads: frozenset[str] = frozenset()

    solved = True

    def evaluate(self, env: Mapping[str, Array]) -> Array:
        return self.solve(env)

    def excel(self, cells: CellMap, sheet: str) -> str:
        raise TypeError("a solved value is written as a number, not a formula")

    def text(self) -> str:
        return "solved by econ"

    def keys(self) -> set[str]:
        return set(self.reads)
