"""The results workbook's Break-even sheet: each question of the input workbook's BreakEven sheet answered.

A break-even value is solved by econ (econ.model.breakeven), not by a
formula: a spreadsheet has no root finder that matches it. So the sheet says
so, writes each value as a number, and puts the input's base value beside it
as a link to the case's Inputs sheet (the value the break-even is measured
against: 16.34 against a base of 6.5 RUB/kWh).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import xlsxwriter

from econ.report.alternatives_tables import break_even_target, no_break_even
from econ.report.xlsx_styles import Palette, input_format
from econ.report.xlsx_texts import Translator, text

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

BREAK_EVEN = "Break-even"
_COLUMNS = ("case", "target", "input", "key", "unit", "base", "value", "low", "high")


def write_break_even(book: xlsxwriter.Workbook, evaluation: Evaluation, writers: list, palette: Palette,
                     lang: str, translate: Translator) -> int:
    """Add the Break-even sheet if the workbook asks break-even questions; returns how many rows it has."""
    outcomes = evaluation.break_even_outcomes()
    if not outcomes:
        return 0
    plant = evaluation.plant
    sheet = book.add_worksheet(BREAK_EVEN)
    base_writer = writers[0]
    by_case = {writer.title_text: writer for writer in writers[1:]}
    sheet.write_string(0, 0, text("breakeven.title", lang), base_writer.title)
    sheet.write_string(1, 0, text("breakeven.note", lang))
    for column, name in enumerate(_COLUMNS):
        sheet.write_string(3, column, text(f"breakeven.{name}", lang), base_writer.header)
    row = 4
    for outcome in outcomes:
        study, result = outcome.study, outcome.result
        parameter = plant.parameters[study.key]
        writer = by_case.get(study.alternative, base_writer)
        is_fraction = parameter.unit == "fraction"
        values: tuple[float | None, ...] = result.values or (None,)
        for value in values:
            sheet.write_string(row, 0, study.alternative or plant.base_case_name(lang))
            target = break_even_target(evaluation, study.alternative, lang)
            sheet.write_string(row, 1, target)
            sheet.write_string(row, 2, translate(parameter.label))
            sheet.write_string(row, 3, study.key)
            sheet.write_string(row, 4, "%" if is_fraction else translate(parameter.unit))
            source_sheet, address = writer.cells.locate(study.key)
            quoted = "'" + source_sheet.replace("'", "''") + "'"
            base_value = float(writer.results.scalar(study.key))
            sheet.write_formula(row, 5, f"={quoted}!{address}", palette.get("link", input_format(base_value, parameter.unit)),
                                base_value)
            if value is None:  # as the report's table says it
                sheet.write_string(row, 6, no_break_even(evaluation, outcome, lang))
            else:
                sheet.write_number(row, 6, value, palette.get("formula", input_format(value, parameter.unit), bold=True))
            sheet.write_number(row, 7, study.low, palette.get("input", input_format(study.low, parameter.unit)))
            sheet.write_number(row, 8, study.high, palette.get("input", input_format(study.high, parameter.unit)))
            row += 1
    for column, width in enumerate((24, 34, 40, 30, 12, 16, 22, 14, 14)):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(4, 0)
    return row - 4
