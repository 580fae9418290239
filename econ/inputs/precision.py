"""The printed precision of an input: half a unit of the last digit it was published with.

A published input was rounded when it was printed: 47.6 g stands for any mass
from 47.55 to 47.65 g. econ reads the precision from the cell itself:

- the number as typed (Excel keeps the typed digits: ``47.6`` has 1 decimal,
  ``1136`` none, ``0.005`` three), or
- the cell's number format when it fixes more decimals than were typed
  (``0.00`` shows 0.5 as 0.50: 2 decimals), a ``%`` format counting 2 more
  decimals of the stored fraction.

Exact, that is with no rounding (half-unit 0): a formula cell, a blank cell
replaced by its default, an input whose source starts with "assumption" (the
modeller chose it; nothing was printed), a typed 0 (an absent component,
not a rounded amount), and counts and calendars (:func:`exact_field`: a number
of units or persons, hours a day, years of life: 6 pumps are not 5.5 to 6.5). :func:`half_unit` gives the half-unit in the unit the
cell was typed in; the reader converts it to the model's unit.
"""

from __future__ import annotations

import re
from functools import lru_cache

_FIXED = re.compile(r"0\.(0+)")  # decimals a number format fixes: 0.00, #,##0.0, 0.000%


def typed_decimals(value: float | int) -> int:
    """The decimals of a number as typed (the shortest repr that reads back the same float).

    >>> typed_decimals(47.6), typed_decimals(1136), typed_decimals(0.005), typed_decimals(2.5e-05)
    (1, 0, 3, 6)
    """
    if isinstance(value, int) or float(value).is_integer():
        return 0
    text = repr(float(value)).lower()
    mantissa, _, exponent = text.partition("e")
    digits = len(mantissa.partition(".")[2])
    return max(0, digits - int(exponent or 0))


@lru_cache(maxsize=1024)  # a workbook has a few number formats, read once per cell
def format_decimals(number_format: str) -> int | None:
    """The decimals a number format fixes, or None (General, or no decimals shown).

    >>> format_decimals("0.00"), format_decimals("0.0%"), format_decimals("General"), format_decimals("0%")
    (2, 3, None, 2)
    """
    section = number_format.split(";")[0]
    match = _FIXED.search(section)
    decimals = len(match.group(1)) if match else (0 if "0" in section and "%" in section else None)
    if decimals is not None and "%" in section:
        decimals += 2  # the cell stores the fraction: 15.3 % is 0.153
    return decimals


def half_unit(value: float | int, number_format: str = "General") -> float:
    """Half a unit of the last printed digit of a typed number, in the unit it was typed in; 0 for 0.

    >>> half_unit(47.6), half_unit(1136), half_unit(0.5, "0.00"), half_unit(0.153, "0.0%"), half_unit(0)
    (0.05, 0.5, 0.005, 0.0005, 0.0)
    """
    if value == 0:
        return 0.0
    decimals = typed_decimals(value)
    fixed = format_decimals(number_format)
    if fixed is not None:
        decimals = max(decimals, fixed)
    return round(0.5 * 10.0 ** -decimals, decimals + 1)


EXACT_UNITS = ("dimensionless", "year", "h/day", "day/month", "month/year")


def exact_field(kind: str, unit: str) -> bool:
    """Whether a field counts or sets the calendar (whole numbers, counts, lives, the schedule): never rounded."""
    return kind == "integer" or unit in EXACT_UNITS


def is_assumption(source: str) -> bool:
    """Whether an input's source says it is an assumption (not a printed figure)."""
    return source.strip().lower().startswith("assumption")


def parse(text: str, value: float | int, number_format: str = "General") -> float:
    """A ``precision`` cell: the half-unit of the row's numbers in the unit they are typed in.

    ``2`` (a whole number, negative for tens, hundreds: ``-2``) is the number of decimals printed;
    ``±0.25`` (or ``+-0.25``) the half-unit itself; ``exact`` no rounding; ``typed`` the digits as
    typed (the default). Raises ValueError with what was expected.

    >>> parse("2", 47.6), parse("-2", 1100), parse("±0.25", 3.5), parse("exact", 1.0), parse("typed", 47.6)
    (0.005, 50.0, 0.25, 0.0, 0.05)
    """
    body = text.strip().lower()
    if body == "exact":
        return 0.0
    if body == "typed":
        return half_unit(value, number_format)
    if body.startswith(("±", "+-", "+/-")):
        number = body.lstrip("±+-/").strip()
        try:
            half = float(number)
        except ValueError:
            half = -1.0
        if not half >= 0:
            raise ValueError("a half-unit of 0 or more after ±, such as ±0.05")
        return half
    try:
        decimals = float(body)
    except ValueError:
        decimals = 0.5
    if not decimals.is_integer() or abs(decimals) > 15:
        raise ValueError("a whole number of decimals (2; -2 for hundreds), ±half-unit, 'exact' or 'typed'")
    return 0.5 * 10.0 ** -int(decimals)
