"""Units at the edges: parse the unit text of a workbook cell and convert values.

econ uses pint with its own small registry (``econ/data/units.txt``): money is a
dimension per currency, so a USD figure never converts silently into RUB.

Per-month figures are per *operating month* of the workbook's schedule. A
conversion between per-month and per-year therefore uses the schedule's
``months_per_year``, never pint's calendar month (30.4375 days). Conversions
between per-day and per-month or per-year are refused for the same reason: they
depend on the operating schedule, and the workbook should state the figure per
month or per year.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import lru_cache
from importlib import resources

import pint

_CALENDAR_UNITS = ("day", "week", "year")

# Russian and typographic spellings mapped to the registry's names. Applied in
# order, before pint parses the text.
_ALIASES: tuple[tuple[str, str], ...] = (
    (r"кВт\s*[·*×]?\s*ч", "kWh"),
    (r"МВт\s*[·*×]?\s*ч", "MWh"),
    (r"кВт", "kW"),
    (r"МВт", "MW"),
    (r"Вт", "W"),
    (r"тыс\.?", "thousand"),
    (r"млн\.?", "mln"),
    (r"млрд\.?", "bn"),
    (r"руб\.?", "RUB"),
    (r"₽", "RUB"),
    (r"\$", "USD"),
    (r"€", "EUR"),
    (r"сут(ки|ок)?\.?", "day"),
    (r"дн(ей|я|и)?\.?", "day"),
    (r"мес(яц|\.)?", "month"),
    (r"(год|года|лет)\b", "year"),
    (r"чел\.?", "person"),
    (r"шт\.?", "pcs"),
    (r"кг", "kg"),
    (r"м(?=[³²23\s/*^)]|$)", "m"),
    (r"т\b", "t"),
    (r"ч\b", "h"),
    (r"³", "^3"),
    (r"²", "^2"),
    (r"[·×]", "*"),
    (r"%", " percent "),
    (r"\bmonths?\b", "month"),
    (r"\byears?\b", "year"),
    (r"\bdays?\b", "day"),
    (r"\bhours?\b", "hour"),
    (r"\b(mln|million)\b", "mln"),
    (r"\b([A-Za-z]+)([23])\b", r"\1^\2"),
)

DIMENSIONLESS_SPELLINGS = frozenset({"", "-", "–", "—", "1", "dimensionless", "ratio"})

# pint evaluates the numbers in a unit text exactly: 'kWh*9^9^9' would compute an integer of
# 370 million digits. Before pint sees a text, every power must be a plain number of at most
# MAX_EXPONENT in magnitude, applied once (no 9^9^9, no (m^3)^2).
MAX_EXPONENT = 12
_POWER = re.compile(r"\^|\*\*")
_EXPONENT = re.compile(r"\s*(?:\(\s*(?P<inner>[-+]?\s*\d+(?:\.\d+)?)\s*\)|(?P<plain>[-+]?\s*\d+(?:\.\d+)?))(?![\d.eE])")


class UnitError(ValueError):
    """A unit text that cannot be parsed or converted; the reader adds the cell."""


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """The econ unit registry, built once from ``econ/data/units.txt``."""
    text = resources.files("econ").joinpath("data/units.txt")
    with resources.as_file(text) as path:
        return pint.UnitRegistry(str(path), autoconvert_offset_to_baseunit=False)


def normalize(unit_text: str) -> str:
    """Unit text with Russian and typographic spellings replaced by registry names."""
    text = unit_text.strip()
    if text in DIMENSIONLESS_SPELLINGS:
        return "dimensionless"
    for pattern, replacement in _ALIASES:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


@lru_cache(maxsize=512)
def parse(unit_text: str) -> pint.Unit:
    """Parse unit text into a pint unit; raise UnitError when it is not a known unit."""
    normal = normalize(unit_text)
    if normal == "dimensionless":
        return registry().dimensionless
    _check_powers(unit_text, normal)
    try:
        unit = registry().parse_units(normal)
    except pint.errors.UndefinedUnitError as error:
        raise UnitError(f"unknown unit {unit_text!r} ({error}{_suggestion(unit_text, normal, error)})") from None
    except pint.errors.DefinitionSyntaxError as error:
        raise UnitError(f"unknown unit {unit_text!r} ({error})") from None
    # pint's parser lets Python's tokenizer, arithmetic and its own asserts fail as they will
    # ('(((' a TokenError, 'kg/0' a ZeroDivisionError, 'MAX()' an AssertionError): whatever it
    # raises on a text it cannot read, the reader must name the cell
    except Exception as error:  # noqa: BLE001
        raise UnitError(f"cannot read unit {unit_text!r} ({type(error).__name__})") from None
    if not all(math.isfinite(power) for power in _exponents(unit).values()):
        raise UnitError(f"cannot read unit {unit_text!r} (a power is not a finite number)")
    return unit


def _check_powers(unit_text: str, normal: str) -> None:
    """Refuse a power that is not a plain number within MAX_EXPONENT, or a power of a power."""
    for operator in _POWER.finditer(normal):
        exponent = _EXPONENT.match(normal, operator.end())
        number = exponent and (exponent.group("inner") or exponent.group("plain"))
        if not number or abs(float(number.replace(" ", ""))) > MAX_EXPONENT:
            raise UnitError(f"cannot read unit {unit_text!r} (a power must be a plain number from "
                            f"-{MAX_EXPONENT} to {MAX_EXPONENT}, such as m^3)")
        if _POWER.match(normal, exponent.end()) or (  # type: ignore[union-attr]
            normal[:operator.start()].rstrip().endswith(")") and _bracket_holds_power(normal, operator.start())
        ):
            raise UnitError(f"cannot read unit {unit_text!r} (a power of a power; write the exponent once, "
                            "such as m^6)")


def _bracket_holds_power(text: str, end: int) -> bool:
    """True when the bracketed group that closes just before ``end`` contains a power."""
    depth = 0
    for position in range(text[:end].rstrip().rfind(")"), -1, -1):
        depth += {")": 1, "(": -1}.get(text[position], 0)
        if depth == 0:
            return bool(_POWER.search(text, position, end))
    return True  # an unbalanced bracket: refuse rather than guess


@lru_cache(maxsize=1)
def _unit_spellings() -> tuple[str, ...]:
    """Every spelling the registry accepts for a unit: names and symbols, with and without prefixes."""
    ureg = registry()
    units = {name: definition for name, definition in ureg._units.items()}  # noqa: SLF001
    prefixes = {name: definition for name, definition in ureg._prefixes.items()}  # noqa: SLF001
    names = {definition.name for definition in units.values()}
    symbols = set(units) - names
    prefix_names = {definition.name for definition in prefixes.values()}
    prefix_symbols = set(prefixes) - prefix_names
    spellings = set(units)
    spellings |= {prefix + name for prefix in prefix_names if prefix for name in names}
    spellings |= {prefix + symbol for prefix in prefix_symbols if prefix for symbol in symbols}
    return tuple(sorted(spellings))


def _suggestion(unit_text: str, normal: str, error: pint.errors.UndefinedUnitError) -> str:
    """'; did you mean 'RUB/kWh'?' for an undefined name that matches a unit ignoring case, or nearly."""
    names = error.unit_names if isinstance(error.unit_names, (list, tuple)) else [error.unit_names]
    text = unit_text.strip() if any(re.search(rf"\b{re.escape(name)}\b", unit_text) for name in names) else normal
    spellings = _unit_spellings()
    for name in names:
        matches = [spelling for spelling in spellings if spelling.lower() == name.lower()]
        matches = matches or difflib.get_close_matches(name, spellings, n=1, cutoff=0.75)
        if not matches:
            return ""
        alternatives = [re.sub(rf"\b{re.escape(name)}\b", match, text) for match in matches]
        text = alternatives[0]
        if len(alternatives) > 1:
            return "; did you mean " + " or ".join(repr(alternative) for alternative in alternatives) + "?"
    return f"; did you mean {text!r}?"


def _exponents(unit: pint.Unit) -> dict[str, float]:
    return dict(unit._units.items())  # noqa: SLF001 - pint exposes no public accessor


def _without_months(unit: pint.Unit) -> tuple[pint.Unit, float]:
    """The unit with each month replaced by a year, and the month exponent removed."""
    exponents = _exponents(unit)
    month_exponent = exponents.pop("month", 0.0)
    if month_exponent:
        exponents["year"] = exponents.get("year", 0.0) + month_exponent
    ureg = registry()
    result = ureg.dimensionless
    for name, power in exponents.items():
        if power:
            result = result * ureg.Unit(name) ** power
    return result, month_exponent


def _calendar(unit: pint.Unit) -> dict[str, float]:
    return {name: power for name, power in _exponents(unit).items() if name in _CALENDAR_UNITS and power}


@lru_cache(maxsize=1024)
def factor(from_text: str, to_text: str, months_per_year: float | None = None) -> float:
    """Multiplier that converts a value in ``from_text`` units into ``to_text`` units.

    ``months_per_year`` is the number of operating months in a year; it is needed
    only when the two units count months differently (per month against per year).
    Raises UnitError when the dimensions differ or the conversion needs it and it is
    missing.
    """
    source, target = parse(from_text), parse(to_text)
    if source.dimensionality != target.dimensionality:
        raise UnitError(f"{from_text!r} is not convertible to {to_text!r}")
    source_months = _exponents(source).get("month", 0.0)
    target_months = _exponents(target).get("month", 0.0)
    multiplier = 1.0
    if source_months != target_months:
        if months_per_year is None or not months_per_year > 0:
            raise UnitError(
                f"converting {from_text!r} to {to_text!r} needs the operating months per year"
            )
        source, source_months = _without_months(source)
        target, target_months = _without_months(target)
        # one operating month is 1/months_per_year of a year
        multiplier = months_per_year ** (-source_months) / months_per_year ** (-target_months)
    if _calendar(source) != _calendar(target):
        raise UnitError(
            f"cannot convert {from_text!r} to {to_text!r}: per-day and per-month figures depend on "
            "the operating schedule; give the value per month or per year"
        )
    ureg = registry()
    try:
        return multiplier * float(ureg.Quantity(1.0, source).to(target).magnitude)
    except pint.errors.DimensionalityError:
        raise UnitError(f"{from_text!r} is not convertible to {to_text!r}") from None


def convert(value: float, from_text: str, to_text: str, months_per_year: float | None = None) -> float:
    """``value`` in ``from_text`` units expressed in ``to_text`` units (see :func:`factor`)."""
    return value * factor(from_text, to_text, months_per_year)


def same_dimension(from_text: str, to_text: str) -> bool:
    """True when the two unit texts measure the same thing (months and years count alike)."""
    try:
        factor(from_text, to_text, 12.0)
    except UnitError:
        return False
    return True
