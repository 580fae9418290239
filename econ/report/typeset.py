"""The last touch on the report's HTML before WeasyPrint lays it out: the texts of the page, not its markup.

:func:`typeset_html` rewrites every text between tags (not inside ``<svg>``, ``<style>``, ``<script>`` or
``<title>``, and never an attribute):

- chemical formulas get their subscripts (``Bi<sub>2</sub>O<sub>3</sub>``, econ.report.chemistry);
- a percent sign follows its number after a no-break space, in both languages (``10 %``, ``0 %``, as
  econ.numbers.format_percent writes it), whatever the workbook's text had (``0%``);
- a unit (a word with a slash, such as ``RUB/month``, ``руб./мес``, ``А/м²``, ``kWh/t``, or with a power,
  such as ``м²``), with the number before it, is one ``<span class="unit">``: the stylesheet keeps it on
  one line and never hyphenates it (``А/ | м²``, ``24,79 | %``, ``thou-sand`` were the breaks it stops);
- the space between a number and the word after it is a no-break space (``15 years``, ``4,44 года``);
- a number written with a thousands space in a workbook's text (``8 640 ч/год``, ``30 000 т/год``) keeps its
  groups together: a space between a number's digit and a group of exactly three digits becomes a no-break
  space (not after a cell address such as ``C4``, nor in a list of years such as ``2025 2026``).

The text it receives is already escaped by Jinja2, so ``&amp;`` and ``&lt;`` stay as they are.
"""

from __future__ import annotations

import re

from econ.numbers import space_percent
from econ.report.chemistry import html_formulas

_TAG = re.compile(r"(<[^>]*>)")
_RAW_ELEMENTS = ("svg", "style", "script", "title")
_OPENING = re.compile(r"<(svg|style|script|title)\b", re.IGNORECASE)
_CLOSING = re.compile(r"</(svg|style|script|title)\s*>", re.IGNORECASE)

_NBSP = "\u00a0"
# a number as the report writes it: 1,334,248,204 / 1 334 248 204 (no-break spaces) / 24,79 / −6.8 / 0.5
_NUMBER = r"(?<![\w.,\u00a0])[−+\-]?\d(?:[\d,.\u00a0]*\d)?"
# a number's thousands groups typed with plain spaces: "2 500", "30 000", "1 334 248": one to three digits
# (not after a letter, a digit or a decimal mark: not C4 100, not 2025 2026) and groups of exactly three digits
_THOUSANDS = re.compile(r"(?<![\w.,\u00a0])\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)")
# a unit word: letters (a dot after an abbreviation), a slash or a power, more letters: RUB/month, руб./мес,
# А/м², m³/h, kWh/t, t/month; no digits (treatment/NaNO3 is a name), at most 24 characters, no file suffix
_UNIT_CORE = (r"(?:[^\W\d_]+\.?(?:/[^\W\d_]+\.?)+[²³]?"
              r"|[^\W\d_]+[²³](?:/[^\W\d_]+[²³]?)*)")
_SCALE = r"(?:thousand|million|billion|mln|bn|тыс\.|млн|млрд)"
_UNIT = re.compile(rf"(?:({_NUMBER})[ \u00a0])?(?<![\w./\\-])((?:{_SCALE}[ \u00a0])?{_UNIT_CORE})(?![\w/<])")
_PERCENT_WITH_NUMBER = re.compile(rf"({_NUMBER})\u00a0%")
_NUMBER_THEN_WORD = re.compile(rf"({_NUMBER}) (?=[^\W\d_])")


def typeset_text(text: str) -> str:
    """One text of the page (HTML-escaped), typeset as the module says."""
    if not text.strip():
        return text
    text = _THOUSANDS.sub(lambda match: match.group(0).replace(" ", _NBSP), text)
    text = html_formulas(text)
    text = space_percent(text)
    text = _UNIT.sub(_unit_span, text)
    text = _PERCENT_WITH_NUMBER.sub(lambda match: f'<span class="unit">{match.group(1)}{_NBSP}%</span>', text)
    return _NUMBER_THEN_WORD.sub(r"\1" + _NBSP, text)


def _unit_span(match: re.Match[str]) -> str:
    number, unit = match.group(1), match.group(2)
    if len(unit) > 24 or unit.lower().endswith((".xlsx", ".pdf", ".html", ".py")):
        return match.group(0)
    scale = re.match(rf"{_SCALE}[ \u00a0]", unit)
    if not number and any(len(part.rstrip(".")) > 6 for part in re.split(r"[/ \u00a0]", unit[scale.end() if scale else 0:])):
        return match.group(0)  # two words with a slash and no number, "обработка/Нитрат": a name, not a unit
    unit = unit.replace(" ", _NBSP)
    return f'<span class="unit">{number + _NBSP if number else ""}{unit}</span>'


def typeset_html(html: str) -> str:
    """``html`` with every text between its tags typeset (see the module); markup and raw elements untouched."""
    pieces = _TAG.split(html)
    raw: str | None = None  # the raw element we are inside
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            if raw is None:
                opening = _OPENING.match(piece)
                if opening and not piece.endswith("/>"):
                    raw = opening.group(1).lower()
            else:
                closing = _CLOSING.match(piece)
                if closing and closing.group(1).lower() == raw:
                    raw = None
            continue
        if raw is None and piece:
            pieces[index] = typeset_text(piece)
    return "".join(pieces)
