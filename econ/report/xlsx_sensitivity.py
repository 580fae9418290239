"""The results workbook's Sensitivity sheet: the tornado of NPV and the Monte Carlo summary.

Written when the evaluation carries a risk analysis (econ.model.risk). Which
cells are formulas:

- an input's base value links to the case's Inputs sheet, and the base NPV to
  the named cell ``npv``;
- the NPV at an end of an input on which the NPV depends linearly (econ finds
  NPV(low), NPV(base) and NPV(high) on one line, to 1e-9 of the NPV) is the
  formula ``=npv + (end - base) * slope``: it follows the model's NPV and the
  input's base value in the workbook; the slope (NPV per unit of the input) is
  econ's, written as a value beside it;
- the swing is ``=ABS(high - low)`` of the row's two NPVs.

Every other number (an NPV at an end through a nonlinear path such as the
income tax on positive profit or a fraction that changes the number of whole
units, and all Monte Carlo statistics) is a value, labelled as computed by econ
with the seed and the number of samples: a spreadsheet cannot redraw the
samples. The sheet is the same in both languages except its labels.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import xlsxwriter

from econ import i18n
from econ.numbers import decimal_mark, format_number, list_separator
from econ.report.xlsx_styles import Palette, decimals_format, input_format

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.model.sensitivity import Swing

SENSITIVITY = "Sensitivity"
LINEAR_TOLERANCE = 1e-9  # of max(|NPV|, 1): within it the NPV is linear in the input over its range
_MONEY = "#,##0"

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Sensitivity and risk of NPV", "Чувствительность и риски NPV"),
    "note": ("Tornado: each input alone at its low and high end, all others at base. Formulas where the NPV is "
             "linear in the input (=npv + (end − base) × slope, the slope computed by econ); other values computed "
             "by econ, seed {seed}, {samples} samples.",
             "Торнадо: каждый параметр по отдельности на нижней и верхней границе, остальные — базовые. Формулы — "
             "где NPV линеен по параметру (=npv + (граница − база) × наклон, наклон рассчитан econ); остальные "
             "значения рассчитаны econ, начальное число {seed}, {samples} выборок."),
    "tornado": ("Tornado of NPV", "Торнадо NPV"),
    "input": ("Input", "Параметр"), "key": ("Key", "Ключ"), "unit": ("Unit", "Ед."),
    "base": ("Base", "База"), "low": ("Low", "Нижняя"), "high": ("High", "Верхняя"),
    "npv_low": ("NPV at low", "NPV на нижней"), "npv_high": ("NPV at high", "NPV на верхней"),
    "swing": ("Swing", "Размах"), "slope": ("Slope, NPV per unit", "Наклон, NPV на единицу"),
    "range": ("Range", "Диапазон"), "how": ("How computed", "Как рассчитано"),
    "formula": ("formula (linear)", "формула (линейно)"),
    "econ": ("computed by econ (not linear)", "рассчитано econ (нелинейно)"),
    "base_npv": ("Base case NPV", "NPV базового варианта"),
    "monte_carlo": ("Monte Carlo: computed by econ, seed {seed}, {samples} samples",
                    "Монте-Карло: рассчитано econ, начальное число {seed}, {samples} выборок"),
    "at_base": ("Monte Carlo with {inputs} at the base value (the range leaves it out): computed by econ, seed "
                "{seed}, {samples} samples",
                "Монте-Карло при базовом значении величин {inputs} (диапазон его не включает): рассчитано econ, "
                "начальное число {seed}, {samples} выборок"),
    "metric": ("Metric", "Показатель"), "mean": ("Mean", "Среднее"), "std": ("Std. dev.", "Ст. откл."),
    "sem": ("Std. error of mean", "Ст. ошибка среднего"),
    "chance": ("P(NPV < 0) / P(not reached)", "P(NPV < 0) / P(не достигается)"),
    "undefined": ("Undefined samples", "Выборок без значения"),
    "undefined_value": ("undefined", "не определено"),
}
MC_COLUMNS = ("metric", "mean", "std", "p5", "p10", "p50", "p90", "p95", "sem", "chance", "undefined")


def _text(name: str, lang: str, **values: object) -> str:
    english, russian = TEXTS[name]
    return (russian if lang == "ru" else english).format(**values)


_DISTRIBUTION = re.compile(r"^P10-P90 of (\w+)\((.*)\)$")  # econ.model.sensitivity.tornado_ranges's wording


def basis_text(basis: str, lang: str) -> str:
    """Where a tornado range's ends come from, in ``lang``: "P10–P90: равномерное(28,4091; 142,045)" for the
    model's "P10-P90 of uniform(28.4091, 142.045)"; the "-20 % / +20 %" of a money input as it is."""
    match = _DISTRIBUTION.match(basis)
    if lang == "en" or match is None:
        return basis
    name, values = match.groups()
    shown = list_separator(lang).join(value.strip().replace(".", decimal_mark(lang)) for value in values.split(","))
    return f"{i18n.text('risk.basis.p10_p90', lang)}: {i18n.text(f'risk.dist.{name}', lang)}({shown})"


def linear_slope(swing: Swing, base_input: float, base_npv: float) -> float | None:
    """The NPV per unit of the input when NPV(low), NPV(base), NPV(high) lie on one line; else None."""
    low, high = swing.range.low, swing.range.high
    if swing.metric_low is None or swing.metric_high is None or high == low:
        return None
    slope = (swing.metric_high - swing.metric_low) / (high - low)
    tolerance = LINEAR_TOLERANCE * max(abs(base_npv), 1.0)
    for end, value in ((low, swing.metric_low), (high, swing.metric_high)):
        if abs(base_npv + (end - base_input) * slope - value) > tolerance:
            return None
    return slope


def write_sensitivity(book: xlsxwriter.Workbook, evaluation: Evaluation, writers: list, palette: Palette,
                      lang: str) -> int:  # noqa: ANN001 - econ.report.xlsx._Writer
    """Add the Sensitivity sheet when the evaluation carries a risk analysis; returns its tornado's row count."""
    risk = getattr(evaluation, "uncertainty", None)
    if risk is None:
        return 0
    plant, base_writer = evaluation.plant, writers[0]
    sheet = book.add_worksheet(SENSITIVITY)
    samples = format_number(risk.samples, 0, lang)
    sheet.write_string(0, 0, _text("title", lang), base_writer.title)
    sheet.write_string(1, 0, _text("note", lang, seed=risk.seed, samples=samples))
    sheet.write_string(3, 0, _text("base_npv", lang), base_writer.bold)
    npv_sheet, npv_address = base_writer.cells.locate("npv")
    base_npv = float(risk.tornado.base)
    npv_ref = f"{_quote(npv_sheet)}!{_absolute(npv_address)}"
    sheet.write_formula(3, 6, f"={npv_ref}", palette.get("link", _MONEY), base_npv)
    sheet.write_string(5, 0, _text("tornado", lang), base_writer.bold)
    columns = ("input", "key", "unit", "base", "low", "high", "npv_low", "npv_high", "swing", "slope", "range", "how")
    for column, name in enumerate(columns):
        sheet.write_string(6, column, _text(name, lang), base_writer.header)
    row = 7
    for swing in risk.tornado.swings:
        key = swing.range.key
        parameter = plant.parameters[key]
        source_sheet, address = base_writer.cells.locate(key)
        base_value = float(base_writer.results.scalar(key))
        sheet.write_string(row, 0, base_writer.translate(parameter.label))
        sheet.write_string(row, 1, key)
        sheet.write_string(row, 2, "%" if parameter.unit == "fraction" else base_writer.translate(parameter.unit))
        sheet.write_formula(row, 3, f"={_quote(source_sheet)}!{address}",
                            palette.get("link", input_format(base_value, parameter.unit)), base_value)
        sheet.write_number(row, 4, swing.range.low, palette.get("value", input_format(swing.range.low, parameter.unit)))
        sheet.write_number(row, 5, swing.range.high, palette.get("value", input_format(swing.range.high, parameter.unit)))
        slope = linear_slope(swing, base_value, base_npv)
        ends = {4: swing.range.low, 5: swing.range.high}
        for end_column, (column, value) in zip((6, 7), ((4, swing.metric_low), (5, swing.metric_high))):
            if value is None:
                sheet.write_string(row, end_column, _text("undefined_value", lang))
            elif slope is not None:
                end = _cell(row, column)
                base_cell = _cell(row, 3)
                sheet.write_formula(row, end_column, f"=$G$4+({end}-{base_cell})*{_cell(row, 9)}",
                                    palette.get("formula", _MONEY), base_npv + (ends[column] - base_value) * slope)
            else:
                sheet.write_number(row, end_column, value, palette.get("value", _MONEY))
        if swing.swing is not None:
            sheet.write_formula(row, 8, f"=ABS({_cell(row, 7)}-{_cell(row, 6)})", palette.get("formula", _MONEY),
                                abs(_shown(swing.metric_high, slope, swing.range.high, base_value, base_npv)
                                    - _shown(swing.metric_low, slope, swing.range.low, base_value, base_npv)))
        if slope is not None:
            sheet.write_number(row, 9, slope, palette.get("value", decimals_format(slope, "#,##0.####")))
        sheet.write_string(row, 10, basis_text(swing.range.basis, lang))
        sheet.write_string(row, 11, _text("formula" if slope is not None else "econ", lang))
        row += 1
    tornado_rows = row - 7
    row += 1
    sheet.write_string(row, 0, _text("monte_carlo", lang, seed=risk.seed, samples=samples), base_writer.bold)
    row = _write_statistics(sheet, row + 1, risk.statistics(), base_writer, palette, lang)
    if risk.at_base is not None:  # some ranges leave out their base values: the analysis with those at them
        names = "; ".join(base_writer.translate(plant.parameters[item.key].label) for item in risk.without_base)
        sheet.write_string(row + 1, 0, _text("at_base", lang, inputs=names, seed=risk.seed, samples=samples),
                           base_writer.bold)
        row = _write_statistics(sheet, row + 2, risk.at_base.statistics(), base_writer, palette, lang)
    for column, width in enumerate((44, 30, 12, 16, 16, 16, 18, 18, 16, 18, 30, 28)):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(7, 1)
    return tornado_rows


def _write_statistics(sheet: xlsxwriter.worksheet.Worksheet, row: int, statistics: dict[str, dict[str, float | int | None]],
                      base_writer, palette: Palette, lang: str) -> int:  # noqa: ANN001 - the base case's _Writer
    """A Monte Carlo's header and a row of statistics per metric from ``row``; returns the row after them."""
    for column, name in enumerate(MC_COLUMNS):
        title = name.upper() if name.startswith("p") and name[1:].isdigit() else _text(name, lang)
        sheet.write_string(row, column, title, base_writer.header)
    row += 1
    for key, stats in statistics.items():
        sheet.write_string(row, 0, i18n.figure_label(key, lang) if key != "incremental_npv" else key)
        style = palette.get("value", "0.0%" if key == "irr" else "#,##0.00" if key != "npv" else _MONEY)
        for column, name in enumerate(("mean", "std", "p5", "p10", "p50", "p90", "p95", "sem"), start=1):
            value = stats.get(name)
            if value is None:
                sheet.write_string(row, column, "—")
            else:
                sheet.write_number(row, column, float(value), style)
        chance = stats.get("prob_negative", stats.get("prob_not_reached"))
        if chance is not None:
            sheet.write_number(row, 9, float(chance), palette.get("value", "0.00%"))
        sheet.write_number(row, 10, int(stats["undefined"]), palette.get("value", "#,##0"))
        row += 1
    return row


def _shown(value: float | None, slope: float | None, end: float, base_value: float, base_npv: float) -> float:
    """The cached value of an NPV cell: the formula's result where it is one, else econ's value."""
    assert value is not None
    return base_npv + (end - base_value) * slope if slope is not None else value


def _cell(row: int, column: int) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return xl_rowcol_to_cell(row, column)


def _absolute(address: str) -> str:
    from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

    row, column = xl_cell_to_rowcol(address.replace("$", ""))
    return xl_rowcol_to_cell(row, column, row_abs=True, col_abs=True)


def _quote(sheet: str) -> str:
    return sheet if sheet.replace("_", "").isalnum() else "'" + sheet.replace("'", "''") + "'"
