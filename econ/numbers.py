"""Numbers as a reader sees them, per language: ``381 968`` and ``38,20`` in Russian,
``381,968`` and ``38.20`` in English."""

from __future__ import annotations

import math
import re

_GROUP_SEPARATOR_RU = "\u00a0"  # a no-break space, as Russian typesetting groups thousands
#: Between a number and its percent sign, in both languages: a no-break space keeps "37.0 %" together.
PERCENT_SPACE = "\u00a0"
_PERCENT_SIGN = re.compile(r"(\d)[ \u00a0\u202f]?%")


def format_number(value: float | None, decimals: int = 0, lang: str = "en", undefined: str = "undefined") -> str:
    """``value`` rounded to ``decimals`` places with the language's separators.

    None and non-finite values are shown as ``undefined``, never as nan.
    """
    if value is None or not math.isfinite(value):
        return undefined
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no "-0"
    if lang == "ru":
        return text.replace(",", _GROUP_SEPARATOR_RU).replace(".", ",").replace("-", "\u2212")
    return text


def decimal_mark(lang: str) -> str:
    """The decimal mark of ``lang``: "," in Russian (``38,20``), "." in English (``38.20``)."""
    return "," if lang == "ru" else "."


def list_separator(lang: str) -> str:
    """What separates the numbers of a list in ``lang``: "; " where the decimal mark is a comma
    (``28,41; 142``), else ", " (``28.41, 142``)."""
    return "; " if decimal_mark(lang) == "," else ", "


def significant_decimals(value: float, digits: int = 4) -> int:
    """Decimals that show about ``digits`` significant digits of ``value`` (0 for large values)."""
    if value == 0 or not math.isfinite(value):
        return 0
    magnitude = int(math.floor(math.log10(abs(value))))
    return max(0, digits - 1 - magnitude)


def format_auto(value: float | None, lang: str = "en", digits: int = 4) -> str:
    """A number with about ``digits`` significant digits and no trailing zeros (``0.5``, ``176``, ``56.82``)."""
    if value is None or not math.isfinite(value):
        return format_number(value, lang=lang)
    text = format_number(value, significant_decimals(value, digits), lang)
    mark = decimal_mark(lang)
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return text


def format_percent(value: float | None, decimals: int = 1, lang: str = "en") -> str:
    """A fraction (0.37) in percent with ``decimals`` places and the language's separators: ``37.0 %``,
    ``37,0 %``; None and non-finite values are ``undefined``."""
    if value is None or not math.isfinite(value):
        return format_number(value, lang=lang)
    return format_number(value * 100, decimals, lang) + PERCENT_SPACE + "%"


def space_percent(text: str) -> str:
    """``text`` with every percent sign after a number set as :func:`format_percent` sets it, whatever the
    text had (``0%``, ``10 %``, ``10\u202f%`` -> ``10\u00a0%``)."""
    return _PERCENT_SIGN.sub(r"\1" + PERCENT_SPACE + "%", text)
