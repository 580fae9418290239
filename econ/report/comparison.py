"""The Comparison sheet: the base case and its alternatives side by side, and the incremental cases.

Every number is a formula: the case columns refer to each case's own sheets,
and the incremental rows subtract the base case's net cash flow from the
alternative's, year by year, with NPV, IRR and payback written over them by the
same expressions the cash-flow table uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from xlsxwriter.utility import xl_rowcol_to_cell

from econ import i18n
from econ.model import metrics
from econ.model.alternatives import incremental
from econ.model.cashflow import crossing, payback_formula
from econ.model.expr import Const, Npv, Text, YearRange, call, compare, ref, when
from econ.model.figures import MetricValues, Model, YearlyFigure, evaluate

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

_ROWS = ("capital_total", "opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance", "opex_per_month",
         "specific_cost", "byproduct_revenue_per_month", "loss_cost_per_month", "net_effect_per_month", "npv")
_METRICS = ("irr", "payback", "discounted_payback")


class _ComparisonCells:
    """Cells of the Comparison sheet, with references into every case's sheets ("case{k}:key")."""

    def __init__(self, sheet: str, writers: list) -> None:  # noqa: ANN001 - econ.report.xlsx._Writer
        self.sheet, self.writers = sheet, writers
        self.places: dict[tuple[str, int | None], tuple[str, str]] = {}

    def put(self, key: str, row: int, column: int, year: int | None = None) -> None:
        self.places[(key, year)] = (self.sheet, xl_rowcol_to_cell(row, column))

    def locate(self, key: str, year: int | None = None) -> tuple[str, str]:
        if key.startswith("case") and ":" in key:
            case, inner = key.split(":", 1)
            return self.writers[int(case[4:])].cells.locate(inner, year)
        return self.places[(key, year)]


def write_comparison(book, sheet, evaluation: Evaluation, writers: list) -> None:  # noqa: ANN001
    """Fill the Comparison ``sheet`` from the case writers (base first)."""
    name = sheet.get_name()
    cells = _ComparisonCells(name, writers)
    base_writer = writers[0]
    styles, header, bold, section = base_writer.formats, base_writer.header, base_writer.bold, base_writer.section
    cases = evaluation.cases
    model, years = evaluation.model, evaluation.model.years
    project = evaluation.plant.text("name", base_writer.lang)  # the title is translated around it (xlsx_texts)
    sheet.write_string(0, 0, f"{project}: base case and alternatives", base_writer.title)
    sheet.write_string(2, 0, "Item", header)
    sheet.write_string(2, 1, "Unit", header)
    for number, case in enumerate(cases):
        prefix = writers[number].prefix.strip()
        sheet.write_string(2, 2 + number, f"{case.name}" + (f" (sheets {prefix})" if prefix else ""), header)
    row = 3
    for key in _ROWS + _METRICS:
        figure = model.get(key)
        sheet.write_string(row, 0, i18n.figure_label(key), bold if key in ("opex_per_month", "npv") else None)
        sheet.write_string(row, 1, "%" if figure.unit == "fraction" else figure.unit)
        for number, case in enumerate(cases):
            source_sheet, address = cells.locate(f"case{number}:{key}")
            if key in _METRICS:
                metric = case.metric(key)
                cached: float | str = (metric.number if metric.number is not None
                                       else base_writer.translate.cached(metric.describe()))
                style = "fraction" if key == "irr" else "years"
            else:
                cached, style = case.value(key), figure.style
            sheet.write_formula(row, 2 + number, f"='{source_sheet}'!{address}", styles.get(style, styles["number"]),
                                cached)
        row += 1

    rate = ref("case0:nominal_discount_rate" if "nominal_discount_rate" in evaluation.model else "case0:discount_rate")
    for number, case in enumerate(cases[1:], start=1):
        step = incremental(cases[0], case)
        row += 1
        sheet.write_string(row, 0, f"Incremental case: {case.name} minus {cases[0].name}", section)
        cur = evaluation.plant.currency
        flows_key, cumulative_key, crossing_key = f"inc{number}.flows", f"inc{number}.cumulative", f"inc{number}.crossing"
        year_key = f"inc{number}.year"
        figures = [
            YearlyFigure(year_key, "Year", "year", tuple(Const(t) for t in range(years + 1))),
            YearlyFigure(flows_key, "Incremental net cash flow", cur, tuple(
                ref(f"case{number}:cf.net_cash_flow", t) - ref("case0:cf.net_cash_flow", t) for t in range(years + 1))),
            YearlyFigure(cumulative_key, "Cumulative incremental cash flow", cur, tuple(
                ref(flows_key, 0) if t == 0 else ref(cumulative_key, t - 1) + ref(flows_key, t)
                for t in range(years + 1))),
            YearlyFigure(crossing_key, "Payback reached within this year at", "year", tuple(
                crossing(cumulative_key, flows_key, t, year_key) for t in range(years + 1)), style="years"),
        ]
        # the same expressions give the cached values and the formulas
        values = evaluate(Model(figures=list(figures), years=years), {
            "case0:cf.net_cash_flow": cases[0].flows(), f"case{number}:cf.net_cash_flow": case.flows()}).values
        for figure in figures:
            row += 1
            is_year = figure.key == year_key
            sheet.write_string(row, 0, figure.label, header if is_year else (bold if figure.key == flows_key else None))
            if not is_year:
                sheet.write_string(row, 1, figure.unit)
            for year in range(years + 1):
                cells.put(figure.key, row, 2 + year, year)
            for year, expr in enumerate(figure.exprs):
                value = float(values[figure.key][year])
                if is_year:
                    sheet.write_number(row, 2 + year, value, header)
                    continue
                sheet.write_formula(row, 2 + year, "=" + expr.excel(cells, name),
                                    styles["years" if figure.key == crossing_key else "money"],
                                    "" if np.isnan(value) else value)
        flows = YearRange(flows_key, 0, years)
        # IRR() searches from a guess; from the default 10 % LibreOffice can wander below -100 % on a
        # losing increment, so the formula starts from the root econ found (rounded)
        guess = round(step.irr.number, 3) if step.irr.number is not None else 0.1
        results = (
            ("Incremental NPV", Npv(rate, flows_key, years), step.npv, "money"),
            ("Incremental IRR", when(compare(call("COUNTIF", flows, ">0") * call("COUNTIF", flows, "<0"), "=", 0),
                                     Text(metrics.IRR_REASONS[metrics.IRR_NO_SIGN_CHANGE]),
                                     call("IFERROR", call("IRR", flows, guess), metrics.IRR_REASONS[metrics.IRR_NO_ROOT])),
             _metric_cached(step.irr), "fraction"),
            ("Incremental payback", payback_formula(cumulative_key, crossing_key, years), _metric_cached(step.payback),
             "years"),
        )
        for label, expr, cached, style in results:
            row += 1
            sheet.write_string(row, 0, label, bold)
            translate = base_writer.translate  # a reason for having no number in the workbook's language
            sheet.write_formula(row, 2, translate.formula("=" + expr.excel(cells, name)), styles[style],
                                translate.cached(cached))
    sheet.freeze_panes(3, 2)
    sheet.set_column(0, 0, 46)
    sheet.set_column(1, 1, 12)
    sheet.set_column(2, 2 + max(years, len(cases)), 16)


def _metric_cached(values: MetricValues) -> float | str:
    """What the formula shows: the number, or the reason it is undefined."""
    return values.number if values.number is not None else values.describe()
