"""One translation table for every label a reader sees, in English and Russian.

Figures are labelled by key; a key with a row index (``equipment.0.power``) is
looked up by its pattern (``equipment.*.power``) and the row's name fills
``{name}``. Report texts, verdicts and audit findings are looked up by id and
filled with already formatted values.

The tables live in one module per part of the product: the figure labels
(``figure_labels``) and the texts of the results (``texts_results``), the
checks and the verdict (``texts_checks``), the inputs (``texts_inputs``), the
report (``texts_report``), its sensitivity and risk section (``texts_risk``)
and the charts (``texts_charts``). ``TEXTS`` is the union of the texts; a text
id defined in two of them fails the import.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from types import ModuleType

from econ.i18n import texts_charts, texts_checks, texts_inputs, texts_report, texts_results, texts_risk
from econ.i18n.figure_labels import FIGURES

LANGUAGES = ("en", "ru")


def _merged(*modules: ModuleType) -> dict[str, tuple[str, str]]:
    """The union of the ``TEXTS`` tables of ``modules``, in order; a text id in two of them raises ValueError."""
    merged: dict[str, tuple[str, str]] = {}
    defined_in: dict[str, str] = {}
    for module in modules:
        table: dict[str, tuple[str, str]] = module.TEXTS
        twice = [text_id for text_id in table if text_id in merged]
        if twice:
            raise ValueError("text ids defined twice: " + "; ".join(
                f"{text_id!r} in {defined_in[text_id]} and {module.__name__}" for text_id in twice))
        merged.update(table)
        defined_in.update(dict.fromkeys(table, module.__name__))
    return merged


# text id -> (English, Russian); {placeholders} are filled with formatted values
TEXTS: dict[str, tuple[str, str]] = _merged(texts_results, texts_checks, texts_inputs, texts_report, texts_risk,
                                            texts_charts)

_UNIT_WORDS_RU = (
    (r"\bkWh\b", "кВт·ч"), (r"\bMWh\b", "МВт·ч"), (r"\bkW\b", "кВт"), (r"\bRUB\b", "руб."),
    (r"\bthousand\b", "тыс."), (r"\bmln\b", "млн"), (r"\bmonth\b", "мес"), (r"\byear\b", "год"),
    (r"\bday\b", "сут"), (r"\bh\b", "ч"), (r"\bkg\b", "кг"), (r"\bt\b", "т"), (r"\bm\^3\b", "м³"),
    (r"\bm\b", "м"), (r"\bfraction\b", "доля"), (r"\bA\b", "А"), (r"\bV\b", "В"), (r"\bg\b", "г"),
    (r"\bmol\b", "моль"), (r"\bbit\b", "бит"), (r"\bL\b", "л"),
)
_UNIT_WORDS_EN = ((r"\^3\b", "³"), (r"\^2\b", "²"))


_ROW_INDEX = re.compile(r"(?<=\.)\d+(?=\.)")  # compiled once: labels are looked up once per figure, 200,000 times
# for 100,000 equipment rows, and re's own cache of 512 patterns does not always keep it


def _pattern(key: str) -> str:
    return _ROW_INDEX.sub("*", key)


def figure_label(key: str, lang: str = "en", name: str = "") -> str:
    """The label of a figure in ``lang``; rows fill ``{name}``. Unknown keys raise KeyError."""
    english, russian = FIGURES[_pattern(key)]
    return (russian if lang == "ru" else english).format(name=name)


def plural_form(count: object, forms: Sequence[str], lang: str = "en") -> str:
    """The word form that goes with ``count``: English (one, other), Russian (one, few, many).

    Russian: 1, 21, 101 год; 2-4, 22-24 года; 5-20, 25-30 лет. A count that is
    not a whole number takes a fourth form when one is given (2,5 процентного
    пункта against 2 процентных пункта), else the "few" one (2,5 года); in
    English, "other". A count may be a number already formatted ("71,72").

    >>> plural_form(21, ("год", "года", "лет"), "ru"), plural_form(12, ("год", "года", "лет"), "ru")
    ('год', 'лет')
    >>> plural_form(1, ("year", "years")), plural_form(0, ("year", "years"))
    ('year', 'years')
    """
    if isinstance(count, str):  # a number already formatted for the reader: "71,72", "1 334", "2.5"
        try:
            count = float(count.replace("\u00a0", "").replace(" ", "").replace(",", "." if lang == "ru" else ""))
        except ValueError:
            return forms[-1]
    whole = isinstance(count, int) or (isinstance(count, float) and count.is_integer())
    if lang == "ru":
        if len(forms) not in (3, 4):
            raise ValueError(f"Russian plural: expected 3 forms (one, few, many) and perhaps a fourth for fractions, "
                             f"got {list(forms)}")
        if not whole:
            return forms[-1] if len(forms) == 4 else forms[1]
        number = abs(int(count))  # type: ignore[call-overload]
        if number % 10 == 1 and number % 100 != 11:
            return forms[0]
        if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
            return forms[1]
        return forms[2]
    if len(forms) != 2:
        raise ValueError(f"English plural: expected 2 forms (one, other), got {list(forms)}")
    return forms[0] if whole and abs(int(count)) == 1 else forms[1]  # type: ignore[call-overload]


class _TextFormatter(string.Formatter):
    """str.format with one addition: ``{count:~one|other}`` picks the word form for the count."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("~"):
            return plural_form(value, format_spec[1:].split("|"), self.lang)
        return super().format_field(value, format_spec)


def text(text_id: str, lang: str = "en", **values: object) -> str:
    """A report text in ``lang`` with ``values`` (already formatted; counts as int) filled in.

    ``{years:~year|years}`` in a text is the word form for the count ``years``
    (:func:`plural_form`).
    """
    english, russian = TEXTS[text_id]
    return _TextFormatter(lang).format(russian if lang == "ru" else english, **values)


def unit(unit_text: str, lang: str = "en") -> str:
    """A unit as a reader of ``lang`` writes it: ``RUB/m^3`` -> ``руб./м³`` or ``RUB/m³``."""
    result = unit_text
    if lang == "ru":
        for pattern, replacement in _UNIT_WORDS_RU:
            result = re.sub(pattern, replacement, result)
    for pattern, replacement in _UNIT_WORDS_EN:
        result = re.sub(pattern, replacement, result)
    return result
