"""The report's building blocks: a table, the formatter of numbers and units, and the texts of inputs.

Every report module builds its tables from these (econ.report.document and the
section modules beside it); numbers are formatted for the report's language
(``381 968`` and ``38,20`` in Russian, ``381,968`` and ``38.20`` in English).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ import i18n
from econ.checks.audits import byproducts_kind
from econ.model import metrics
from econ.model.cashflow import PAYBACK_NO_INVESTMENT
from econ.model.figures import Figure, MetricValues
from econ.numbers import decimal_mark, format_auto, format_number, format_percent

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.inputs.plant import Parameter, Plant


@dataclass
class Table:
    """A report table: a caption, column headers, formatted rows and a class per row.

    ``align`` holds "l" or "r" per column and ``widths`` its share of the text
    width in percent (the PDF lays tables out with fixed column widths, which
    is several times faster than measuring every cell); ``row_classes`` may
    mark "section", "total" or "warning" rows.
    """

    id: str
    caption: str
    headers: list[str]
    align: list[str]
    widths: list[float]
    rows: list[list[str]] = field(default_factory=list)
    row_classes: list[str] = field(default_factory=list)
    note: str = ""
    part: int = 0  # 2, 3, ... for the continuations of a table split by columns
    whole: bool = False  # kept on one page with its caption and note (a short table)

    def __post_init__(self) -> None:
        if not len(self.headers) == len(self.align) == len(self.widths):
            raise ValueError(f"table {self.id}: {len(self.headers)} headers, {len(self.align)} alignments, "
                             f"{len(self.widths)} widths")

    def add(self, cells: list[str], row_class: str = "") -> None:
        """Append a row of formatted cells, of class ``row_class`` ("", "section", "total", ...)."""
        self.rows.append(cells)
        self.row_classes.append(row_class)


class _Formatter:
    """Numbers, money and units in the report's language."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang = lang
        self.currency = currency

    def number(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, decimals, self.lang)

    def auto(self, value: float | None, digits: int = 4) -> str:
        return format_auto(value, self.lang, digits)

    def percent(self, value: float | None, decimals: int = 1) -> str:
        return format_percent(value, decimals, self.lang)

    def unit(self, unit: str) -> str:
        return i18n.unit(unit, self.lang)

    def figure(self, value: float, figure: Figure) -> str:
        """A figure's value with the precision its kind deserves."""
        if figure.style == "money":  # kopecks only on small amounts, and not on nothing ("0", not "0.00")
            magnitude = abs(value)
            return self.number(value, 2 if 0 < magnitude < 1000 else 0)
        if figure.style == "ratio":
            return self.number(value, 2)
        if figure.style == "fraction":
            return self.percent(value)
        return self.auto(value, 5)


def _sentence(text: str) -> str:
    """A finding written as a sentence: capital first letter, full stop at the end (:func:`full_stop`)."""
    return full_stop(text[:1].upper() + text[1:])


def full_stop(text: str) -> str:
    """``text`` ending in one full stop, the one rule for every sentence of the report: none is added after
    a sentence's own end, nor after an abbreviation that ends it ("57 470 руб."), and a text template's stop
    after such an abbreviation is dropped ("руб.." -> "руб.")."""
    if text.endswith("..") and not text.endswith("..."):
        return text[:-1]
    return text if text.endswith((".", "!", "?")) else text + "."


def _shown_unit(unit: str, fmt: _Formatter, count: float | None = None) -> str:
    """A unit as printed after a number: nothing for dimensionless figures and fractions (shown in %); a year
    agrees with ``count`` when given ("10 years", "10 лет")."""
    if unit in ("-", "dimensionless", "fraction", ""):
        return ""
    if unit == "year" and count is not None:
        return i18n.text("unit.year_count", fmt.lang, count=count)
    return fmt.unit(unit)


def _amount(value: float, unit: str, fmt: _Formatter) -> str:
    """An input as a reader writes it inline: "10 %", "15 years", "120 000 руб./мес"."""
    return f"{_input_value(value, unit, fmt)} {_shown_unit(unit, fmt, value)}".strip()


def _entered(parameter: Parameter, lang: str) -> str:
    """What the cell held, or how a default stood in for it, in ``lang``: the digits or formula as typed (a
    Russian decimal comma for a number), and the unit as the reader's language writes it (``22 сут/мес``; a
    year agrees with its count: ``10 лет``, ``1 year``)."""
    if parameter.defaulted:
        return i18n.text(f"input.{parameter.defaulted}", lang, value=_typed_number(f"{parameter.value:g}", lang))
    value, _, unit = parameter.entered.partition(" ")
    if unit in ("year", "years") and _is_number(value):  # the word agrees with the count: "10 лет", "1 year"
        return f"{_typed_number(value, lang)} {i18n.text('unit.year_count', lang, count=float(value))}"
    if lang == "en" or not unit:
        return parameter.entered if lang == "en" or value.startswith("=") else _typed_number(value, lang)
    return f"{value if value.startswith('=') else _typed_number(value, lang)} {i18n.unit(unit, lang)}"


def _is_number(text: str) -> bool:
    """Whether ``text`` reads as a number ("22", "0.5", "1e-3")."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def _typed_number(text: str, lang: str) -> str:
    """A number as typed, with the language's decimal mark; any other text unchanged."""
    return text.replace(".", decimal_mark(lang)) if _is_number(text) else text


def _source(parameter: Parameter, lang: str) -> str:
    return i18n.text("input.default_source", lang) if parameter.source == "default" else parameter.source


def _cell(parameter: Parameter, lang: str) -> str:
    location = parameter.location
    if location.cell == "-":
        return i18n.text("input.no_row", lang, sheet=location.sheet)
    return f"{location.sheet}!{location.cell}"


def _parameter_label(key: str, label: str, plant: Plant, lang: str) -> str:
    """A parameter's label in ``lang``: scalar fields and table fields from the translation table."""
    parts = key.split(".")
    if len(parts) == 1:
        return i18n.text(f"field.{key}", lang) if f"field.{key}" in i18n.TEXTS else label
    name = _row_name(plant, key)
    field_name = parts[-1]
    if field_name == "amount" and plant.parameters.get(key) is not None \
            and plant.parameters[key].unit in ("fraction", "dimensionless"):
        field_name = "content"  # a component's amount entered as a content (%, g/t)
    return f"{name}: {i18n.text(f'field.{field_name}', lang)}" if f"field.{field_name}" in i18n.TEXTS else label


def _row_name(plant: Plant, key: str) -> str:
    if plant.chain is not None:
        from econ.report.chain_tables import chain_row_name

        name = chain_row_name(plant.chain, key)
        if name is not None:
            return name
    parts = key.split(".")
    for index, part in enumerate(parts):
        if part.isdigit() and index > 0:
            table = parts[index - 1]
            rows = plant.rows(table)
            position = int(part)
            if position < len(rows):
                return rows[position].name
    return ""


def metric_text(values: MetricValues, key: str, lang: str, years: int) -> str:
    """A metric of one case as a reader sees it: the number, or why there is none (never "nan")."""
    status = int(values.status)
    if key == "irr":
        if status == metrics.IRR_OK:
            return format_percent(float(values.value), lang=lang)
        if status == metrics.IRR_MULTIPLE:
            return i18n.text("metric.multiple", lang, roots=", ".join(format_percent(r, lang=lang) for r in values.roots))
        return i18n.text("metric.no_sign_change" if status == metrics.IRR_NO_SIGN_CHANGE else "metric.no_root", lang)
    if key == "profitability_index":
        return format_number(float(values.value), 2, lang) if status == 0 else i18n.text("metric.pi_undefined", lang)
    if status == 0:
        return f"{format_number(float(values.value), 2, lang)} {i18n.text('unit.years', lang)}"
    if status == PAYBACK_NO_INVESTMENT:
        return i18n.text("metric.no_investment", lang)
    return i18n.text("metric.not_reached", lang, years=years)


def _input_value(value: float, unit: str, fmt: _Formatter) -> str:
    """An input as entered: a fraction in percent with the decimals it has (0.5225 %), else 6 digits."""
    if unit != "fraction":
        return fmt.auto(value, 6)
    percent = value * 100
    decimals = next((places for places in range(5)
                     if math.isclose(round(percent, places), percent, rel_tol=1e-9, abs_tol=1e-9)), 4)
    return fmt.percent(value, decimals)


# The ByProducts sheet's totals, named by what the rows are to the plant: "by-product" or "recovered", as the
# audit of the dependence on their revenue measures it (econ.checks.audits.byproducts_kind)
_RECOVERED_FIGURES = ("byproduct_revenue_per_month", "byproduct_mass_per_month")


def figure_label(plant: Plant, key: str, lang: str) -> str:
    """A figure's label in ``lang``, with its row's name; the ByProducts totals are named by their kind."""
    if key in _RECOVERED_FIGURES:
        return i18n.text(f"revenue.{byproducts_kind(plant)}.{key}", lang)
    return i18n.figure_label(key, lang, _row_name(plant, key))


# a model key in a text written by the checks: "stage.3.1.loaded", "balance.22.1.mass", "opex_per_month"
_MODEL_KEY = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+(?![\w])|(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.])")


def readable(text: str, evaluation: Evaluation, lang: str) -> str:
    """``text`` with every model key or input key it names replaced by the figure's label or the input's row
    name and field label ("stage.3.1.loaded" -> "Alkaline treatment (Pb): loaded"); other words unchanged."""
    plant, model = evaluation.plant, evaluation.model

    def name(match: re.Match[str]) -> str:
        key = match.group(0)
        if key in plant.parameters:
            return _parameter_label(key, plant.parameters[key].label, plant, lang)
        if key in model:
            try:
                return figure_label(plant, key, lang)
            except KeyError:  # a figure with no label of its own: its key stays
                return key
        return key

    return _MODEL_KEY.sub(name, text)
