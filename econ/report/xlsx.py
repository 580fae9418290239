"""The results workbook: every derived number a live formula with econ's value cached.

Each figure's formula is rendered from the same expression that computed its
value (econ.model.expr), so the two cannot drift. Inputs are echoed on the
Inputs sheet, and every formula refers to the cells it is computed from.
XlsxWriter writes the cached values, so readers that do not calculate (pandas,
openpyxl with ``data_only=True``) see numbers, and Excel or LibreOffice shows
the same numbers after recalculating.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from econ import __version__, i18n
from econ.inputs.translations import report_note
from econ.model import metrics
from econ.model.expr import Const, Expr
from econ.model.opex import OPEX_TABLE
from econ.model.figures import (
    CASH_FLOW, CHECKS, ENERGY, MASS_BALANCE, OPEX, PROCESS_CHAIN, REVENUE, SUMMARY, Figure, MetricFigure,
    YearlyFigure,
)
from econ.report.comparison import write_comparison
from econ.report.document_tables import _entered as entered  # the input listing's "as entered", as the PDF words it
from econ.report.atomic import write_atomically
from econ.report.timestamp import report_time
from econ.report import xlsx_styles
from econ.report.xlsx_styles import set_widths
from econ.report.xlsx_breakeven import write_break_even
from econ.report.xlsx_checks import plan_checks, write_checks
from econ.report.xlsx_mass_balance import plan_mass_balance, write_mass_balance
from econ.report.xlsx_sensitivity import write_sensitivity
from econ.report.xlsx_charts import add_charts
from econ.report.xlsx_names import absolute, alternative_prefixes, alternative_sheet, named_keys
from econ.report.xlsx_texts import text as workbook_text, translate_sheet, translator

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

INPUTS = "Inputs"
COMPARISON = "Comparison"
SHEET_ORDER = (SUMMARY, INPUTS, ENERGY, OPEX, REVENUE, CASH_FLOW, CHECKS)
CHAIN_SHEETS = (MASS_BALANCE, PROCESS_CHAIN)  # after Revenue, in a workbook with a process chain

NUMBER_FORMATS = {
    "money": xlsx_styles.MONEY,  # whole roubles; kopecks below 1,000 (xlsx_styles.money_format)
    "number": "#,##0.00##",
    "fraction": xlsx_styles.PERCENT,
    "ratio": "0.000",
    "years": "0.00",
    "year": "0",
    "factor": "0.0000",
    "input": "#,##0.######",  # a whole input shows "#,##0" instead (xlsx_styles.decimals_format)
    "whole": "#,##0",
}


@dataclass
class _Cells:
    """Where every input and figure is written: key (and year) -> (sheet, A1 address)."""

    places: dict[tuple[str, int | None], tuple[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> the workbook's defined name of its cell

    def defined_name(self, key: str, year: int | None = None) -> str:
        """The defined name a formula reads instead of the cell's address ("" if none)."""
        return self.names.get(key, "") if year is None else ""

    def put(self, key: str, sheet: str, row: int, column: int, year: int | None = None) -> None:
        self.places[(key, year)] = (sheet, xl_rowcol_to_cell(row, column))

    def locate(self, key: str, year: int | None = None) -> tuple[str, str]:
        try:
            return self.places[(key, year)]
        except KeyError:
            raise KeyError(f"{key}{'' if year is None else f'[{year}]'} has no cell in the results workbook") from None


class _Writer:
    """The sheets of one case: the base case, or (with a sheet-name prefix) one alternative."""

    def __init__(self, evaluation: Evaluation, book: xlsxwriter.Workbook, results: object = None,
                 prefix: str = "", base: _Writer | None = None, title: str = "", lang: str = "en") -> None:
        self.evaluation = evaluation
        self.plant = evaluation.plant
        self.results = results or evaluation.results
        self.model = evaluation.model
        self.book = book
        self.prefix, self.base, self.title_text = prefix, base, title
        self.cells = _Cells()
        order = SHEET_ORDER if self.plant.chain is None else SHEET_ORDER[:5] + CHAIN_SHEETS + SHEET_ORDER[5:]
        self.sheets = {name: self.book.add_worksheet(self.name(name)) for name in order}
        self.lang, self.palette = lang, base.palette if base else xlsx_styles.Palette(book)
        self.translate = base.translate if base else translator(evaluation, lang)
        self.prefixes: list[str] = []  # the alternatives' sheet-name prefixes (set on the base case's writer)
        for worksheet in self.sheets.values():
            translate_sheet(worksheet, self.translate)
        self.formats = {style: self.book.add_format({"num_format": fmt}) for style, fmt in NUMBER_FORMATS.items()}
        self.bold = self.book.add_format({"bold": True})
        self.header = self.book.add_format({"bold": True, "bottom": 1, "bg_color": "#DDE5F0", "text_wrap": True,
                                            "valign": "top"})
        self.section = self.book.add_format({"bold": True, "font_color": "#1F3864"})
        self.title = self.book.add_format({"bold": True, "font_size": 14})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.total_formats = {style: self.book.add_format({"num_format": fmt, "bold": True, "top": 1})
                              for style, fmt in NUMBER_FORMATS.items()}
        self.formula_count = 0

    def name(self, sheet: str) -> str:
        """The workbook's name of one of this case's sheets."""
        return alternative_sheet(self.prefix, sheet) if self.prefix else sheet

    @property
    def is_alternative(self) -> bool:
        return self.base is not None

    # -- cells -----------------------------------------------------------------------
    def number_format(self, style: str, bold: bool = False, value: object = None, kind: str = "formula") -> object:
        if style == "input":
            style = self.input_style(value)
        if style == "money" or kind != "formula":
            num_format = xlsx_styles.money_format(value) if style == "money" else NUMBER_FORMATS.get(style, NUMBER_FORMATS["number"])
            return self.palette.get(kind, num_format, bold)
        return (self.total_formats if bold else self.formats).get(style, self.formats["number"])

    @staticmethod
    def input_style(value: object) -> str:
        """The style of an input-like number: "whole" (no decimal separator) for a whole number, else "input"."""
        return "whole" if xlsx_styles.is_whole(value) else "input"

    def write_expr(self, sheet: str, row: int, column: int, expr: Expr, value: float | str, style: str,
                   bold: bool = False) -> None:
        """A formula with its cached value; a bare constant is written as a number."""
        worksheet = self.sheets[sheet]
        cell_format = self.number_format(style, bold, value)
        if isinstance(expr, Const):
            worksheet.write_number(row, column, expr.value, cell_format)
            return
        if getattr(expr, "solved", False):  # solved by econ (econ.model.dcf_expr.Solved): no formula can solve it
            worksheet.write_number(row, column, float(value), cell_format)
            return
        cached: float | str = self.translate.cached(value)
        if isinstance(value, float) and math.isnan(value):
            cached = ""  # a deliberately blank result (the formula gives "")
        formula = self.translate.formula("=" + expr.excel(self.cells, self.name(sheet)))
        worksheet.write_formula(row, column, formula, cell_format, cached)
        self.formula_count += 1

    def echo(self, sheet: str, row: int, column: int, key: str, style: str = "input") -> None:
        """A formula that shows an input or figure from another cell."""
        source_sheet, address = self.cells.locate(key)
        reference = address if source_sheet == self.name(sheet) else f"{_quote(source_sheet)}!{address}"
        value = float(self.results[key])
        kind = "formula" if source_sheet == self.name(sheet) else "link"
        self.sheets[sheet].write_formula(row, column, f"={reference}", self.number_format(style, False, value, kind),
                                         value)
        self.formula_count += 1

    # -- layout --------------------------------------------------------------------------
    def plan_inputs(self) -> list[tuple[int, str]]:
        """Rows of the Inputs sheet: (row, key) for each numeric input; text rows come first."""
        rows: list[tuple[int, str]] = []
        row = 8
        keys = list(self.plant.parameters)
        for key in keys:
            rows.append((row, key))
            self.cells.put(key, self.name(INPUTS), row, 2)
            row += 1
        return rows

    def plan_figures(self, sheet: str, start_row: int, skip: set[str] = frozenset()) -> list[tuple[int, object]]:
        """Rows of a vertical figure sheet, section headings included: (row, figure or heading text).

        Sections listed in ``_SECTIONS_FIRST`` come first (the OPEX table before its parts).
        """
        rows: list[tuple[int, object]] = []
        row = start_row
        section = None
        first = _SECTIONS_FIRST.get(sheet, ())
        figures = sorted(self.model.on_sheet(sheet),
                         key=lambda f: 0 if getattr(f, "section", "") in first else 1)  # stable: keeps model order
        for figure in figures:
            if figure.key in skip or isinstance(figure, YearlyFigure):
                continue
            figure_section = getattr(figure, "section", "")
            if figure_section and figure_section != section:
                if rows:
                    row += 1
                rows.append((row, figure_section))
                row += 1
                section = figure_section
            rows.append((row, figure))
            self.cells.put(figure.key, self.name(sheet), row, 1)
            row += 1
        return rows

    def plan_cash_flow(self) -> list[tuple[int, YearlyFigure]]:
        rows = []
        for offset, figure in enumerate(f for f in self.model.figures if isinstance(f, YearlyFigure)):
            row = 1 + offset
            rows.append((row, figure))
            for year in range(self.model.years + 1):
                self.cells.put(figure.key, self.name(CASH_FLOW), row, 2 + year, year)
        return rows

    def plan_equipment(self) -> list[tuple[int, int]]:
        """The Energy sheet's equipment table (as the paper's Table 2): (row, equipment index)."""
        rows = []
        for offset, equipment in enumerate(self.plant.rows("equipment")):
            row = 2 + offset
            rows.append((row, equipment.index))
            self.cells.put(f"equipment.{equipment.index}.power", self.name(ENERGY), row, 3)
            self.cells.put(f"equipment.{equipment.index}.energy_per_month", self.name(ENERGY), row, 5)
        return rows

    # -- sheets ------------------------------------------------------------------------------
    def write(self) -> None:
        input_rows = self.plan_inputs()
        equipment_rows = self.plan_equipment()
        equipment_keys = {f"equipment.{index}.{name}" for _, index in equipment_rows for name in ("power", "energy_per_month")}
        energy_start = 2 + len(equipment_rows) + 2
        layouts = {
            ENERGY: self.plan_figures(ENERGY, energy_start, skip=equipment_keys),
            OPEX: self.plan_figures(OPEX, 2),
            REVENUE: self.plan_figures(REVENUE, 2),
        }
        if self.plant.chain is not None:
            grid = plan_mass_balance(self)
            layouts[PROCESS_CHAIN] = self.plan_figures(PROCESS_CHAIN, 2)
        cash_rows = self.plan_cash_flow()
        summary_rows = self.plan_summary()
        checks_start = plan_checks(self)
        layouts[CHECKS] = self.plan_figures(CHECKS, checks_start)
        if not self.is_alternative:
            self.define_names()

        self.write_inputs(input_rows)
        self.write_equipment(equipment_rows)
        for sheet, rows in layouts.items():
            self.write_figure_sheet(sheet, rows, header_row=1 if sheet != ENERGY else energy_start - 1)
        if self.plant.chain is not None:
            write_mass_balance(self, grid)
        self.write_cash_flow(cash_rows)
        self.write_summary(summary_rows)
        write_checks(self)
        add_charts(self, self.lang)
        if not self.is_alternative:
            summary = self.sheets[SUMMARY]
            row = xlsx_styles.write_legend(summary, summary.dim_rowmax + 2, self.palette, self.lang)
            examples = [name for name in ("discount_rate", "capital_total", "opex_per_month", "npv", "irr")
                        if name in self.cells.names]
            summary.write_string(row + 1, 0, workbook_text("xlsx.names", self.lang, count=len(self.cells.names),
                                                           names=", ".join(examples)))

    def define_names(self) -> None:
        """Workbook-level names of the key inputs and results (xlsx_names), so formulas read ``=capital_total*...``."""
        keys = list(self.plant.parameters) + [f.key for f in self.model.figures if not isinstance(f, YearlyFigure)]
        for key in named_keys(keys):
            if (key, None) in self.cells.places and key not in self.cells.names:
                sheet, address = self.cells.places[(key, None)]
                self.book.define_name(key, f"={_quote(sheet)}!{absolute(address)}")
                self.cells.names[key] = key

    def write_inputs(self, rows: list[tuple[int, str]]) -> None:
        sheet = self.sheets[INPUTS]
        plant = self.plant
        sheet.write_string(0, 0, "Inputs as read from the input workbook, converted to the units the model uses"
                           if self.base is None else f"Inputs of {self.title_text}: the base case's, except the "
                           f"ones the Alternatives sheet overrides (bold)", self.title)
        for row, (label, value) in enumerate((
            ("Input workbook", plant.file_name), ("SHA-256", plant.sha256), ("Project", plant.name),
            ("Currency", plant.currency), ("Base year", str(plant.base_year or "not stated")),
        ), start=1):
            sheet.write_string(row, 0, label, self.bold)
            sheet.write_string(row, 1, value)
        headers = ("Parameter", "Key", "Value", "Unit", "Entered as", "Source", "Input cell")
        for column, text in enumerate(headers):
            sheet.write_string(7, column, text, self.header)
        overrides = self.overrides()
        for row, key in rows:
            parameter = plant.parameters[key]
            sheet.write_string(row, 0, parameter.label, self.wrap)
            sheet.write_string(row, 1, key)
            shown = xlsx_styles.INPUT_PERCENT if parameter.unit == "fraction" else NUMBER_FORMATS[
                self.input_style(overrides.get(key, parameter.value))]
            if self.base is None:
                sheet.write_number(row, 2, parameter.value, self.palette.get("input", shown))
            elif key in overrides:
                sheet.write_number(row, 2, overrides[key], self.palette.get("input", shown, bold=True))
                sheet.write_string(row, 7, f"overridden by {self.title_text}", self.bold)
            else:
                base_sheet, address = self.base.cells.locate(key)
                sheet.write_formula(row, 2, f"={_quote(base_sheet)}!{address}", self.palette.get("link", shown),
                                    parameter.value)
                self.formula_count += 1
            sheet.write_string(row, 3, parameter.unit)
            sheet.write_string(row, 4, parameter.entered if self.lang == "en" else entered(parameter, self.lang))
            sheet.write_string(row, 5, parameter.source, self.wrap)
            sheet.write_string(row, 6, f"{parameter.location.sheet}!{parameter.location.cell}")
        sheet.freeze_panes(8, 0)
        set_widths(sheet, (42, 34, 16, 18, 18, 60, 14))

    def write_equipment(self, rows: list[tuple[int, int]]) -> None:
        sheet = self.sheets[ENERGY]
        headers = ("Equipment", "Quantity", "Unit power [kW]", "Installed power [kW]", "Load factor",
                   "Energy [kWh/month]")
        sheet.write_string(0, 0, "Equipment and installed power", self.section)
        for column, text in enumerate(headers):
            sheet.write_string(1, column, text, self.header)
        for row, index in rows:
            equipment = self.plant.rows("equipment")[index]
            sheet.write_string(row, 0, equipment.name)
            self.echo(ENERGY, row, 1, equipment.key("quantity"))
            self.echo(ENERGY, row, 2, equipment.key("unit_power"))
            for column, key in ((3, f"equipment.{index}.power"), (5, f"equipment.{index}.energy_per_month")):
                figure = self.model.get(key)
                self.write_expr(ENERGY, row, column, figure.expr, self.results.scalar(key), "number")
            self.echo(ENERGY, row, 4, equipment.key("load_factor"), "fraction")
        sheet.freeze_panes(2, 1)

    def write_figure_sheet(self, sheet_name: str, rows: list[tuple[int, object]], header_row: int) -> None:
        sheet = self.sheets[sheet_name]
        for column, text in enumerate(("Item", "Value", "Unit", "Definition", "Key")):
            sheet.write_string(header_row, column, text, self.header)
        for row, item in rows:
            if isinstance(item, str):
                sheet.write_string(row, 0, item, self.section)
                continue
            figure = item
            assert isinstance(figure, Figure)
            is_total = figure.key in ("opex_per_month", "installed_power", "energy_per_month")
            sheet.write_string(row, 0, figure.label, self.bold if is_total else None)
            self.write_expr(sheet_name, row, 1, figure.expr, self.results.scalar(figure.key), figure.style, is_total)
            sheet.write_string(row, 2, figure.unit)
            sheet.write_string(row, 3, figure.expr.text())
            sheet.write_string(row, 4, figure.key)
        if sheet_name != ENERGY:
            sheet.freeze_panes(header_row + 1, 1)
        set_widths(sheet, (48, 18, 16, 60, 36))

    def write_cash_flow(self, rows: list[tuple[int, YearlyFigure]]) -> None:
        sheet = self.sheets[CASH_FLOW]
        sheet.write_string(0, 0, "Item", self.header)
        sheet.write_string(0, 1, "Unit", self.header)
        for year in range(self.model.years + 1):
            sheet.write_string(0, 2 + year, f"Year {year}", self.header)
        for row, figure in rows:
            bold = figure.key == "cf.net_cash_flow"
            sheet.write_string(row, 0, figure.label, self.bold if bold else None)
            sheet.write_string(row, 1, figure.unit)
            values = self.results[figure.key]
            for year, expr in enumerate(figure.exprs):
                self.write_expr(CASH_FLOW, row, 2 + year, expr, float(values[..., year]), figure.style, bold)
        notes_row = rows[-1][0] + 2 if rows else 2
        for offset, note in enumerate(_CASH_FLOW_NOTES):
            sheet.write_string(notes_row + offset, 0, note)
        sheet.freeze_panes(1, 2)
        sheet.set_column(0, 0, 46)
        sheet.set_column(1, 1, 12)
        sheet.set_column(2, 2 + self.model.years, 15)

    # -- summary ---------------------------------------------------------------------------------
    def plan_summary(self) -> list[tuple[int, str, str]]:
        """Rows of the Summary: (row, key, kind) with kind "echo" (shown from another sheet) or "own"."""
        rows = []
        row = 8
        echoes = ("opex_per_month", "specific_cost", "byproduct_revenue_per_month", "loss_cost_per_month",
                  "net_effect_per_month", "net_effect_per_year", "net_effect_over_life")
        if self.plant.chain is not None:  # the chain's own lines, right after the OPEX
            defined = set(self.model.keys())
            chain_lines = [key for key in ("reagent_cost_per_month", "product_revenue_per_month", "credit_per_month")
                           + tuple(f"chain.{j}.recovery_sold" for j in range(len(self.plant.chain.components)))
                           if key in defined]
            echoes = echoes[:2] + tuple(chain_lines) + echoes[2:]
        own = [figure.key for figure in self.model.on_sheet(SUMMARY)]
        for key in echoes:
            rows.append((row, key, "echo"))
            row += 1
        row += 1
        for key in own:
            rows.append((row, key, "own"))
            self.cells.put(key, self.name(SUMMARY), row, 1)
            row += 1
        return rows

    def write_summary(self, rows: list[tuple[int, str, str]]) -> None:
        sheet = self.sheets[SUMMARY]
        plant = self.plant
        sheet.write_string(0, 0, plant.name, self.title)
        sheet.write_string(1, 0, f"Input workbook: {plant.file_name} (SHA-256 {plant.sha256})")
        sheet.write_string(2, 0, f"Currency: {plant.currency}; price base year: {plant.base_year or 'not stated'}; "
                                 f"econ {__version__}")
        sheet.write_string(3, 0, "Every number below is a formula over the Inputs sheet; econ's value is cached in it.")
        untranslated = report_note(plant, self.lang)  # the workbook's texts without a translation: said once
        if untranslated and not self.is_alternative:
            sheet.write_string(4, 0, untranslated)
        for column, text in enumerate(("Key figure", "Value", "Unit", "Note")):
            sheet.write_string(7, column, text, self.header)
        for row, key, kind in rows:
            figure = self.model.get(key)
            sheet.write_string(row, 0, figure.label, self.bold)
            sheet.write_string(row, 2, figure.unit if figure.unit != "fraction" else "%")
            if kind == "echo":
                self.echo(SUMMARY, row, 1, key, figure.style)
            elif isinstance(figure, MetricFigure):
                self.write_metric(row, figure)
            else:
                self.write_expr(SUMMARY, row, 1, figure.expr, self.results.scalar(key), figure.style)
        last = rows[-1][0] + 2
        for offset, note in enumerate(_CASH_FLOW_NOTES):
            sheet.write_string(last + offset, 0, note)
        sheet.freeze_panes(8, 0)
        set_widths(sheet, (46, 20, 14, 60))

    def write_metric(self, row: int, figure: MetricFigure) -> None:
        values = self.results.metrics[figure.key]
        status = int(values.status)
        sheet = self.sheets[SUMMARY]
        if figure.key == "irr" and status == metrics.IRR_MULTIPLE:
            # Excel's IRR() finds one root from a guess: write one formula per root, each guessed at it.
            flows = f"{_quote(self.name(CASH_FLOW))}!{self.cells.locate('cf.net_cash_flow', 0)[1]}:" \
                    f"{self.cells.locate('cf.net_cash_flow', self.model.years)[1]}"
            for offset, root in enumerate(values.roots):
                sheet.write_formula(row, 1 + offset, f"=IRR({flows},{root!r})", self.formats["fraction"], root)
                self.formula_count += 1
            sheet.write_string(row, 3, f"{len(values.roots)} IRRs: the cash flow changes sign more than once")
            return
        cached: float | str = float(values.value) if status == 0 else values.describe()
        self.write_expr(SUMMARY, row, 1, figure.formula, cached, figure.style)
        if status:
            sheet.write_string(row, 3, values.describe())

    def overrides(self) -> dict[str, float]:
        if self.base is None:
            return {}
        return next(a.overrides for a in self.plant.alternatives if a.name == self.title_text)


_SECTIONS_FIRST = {OPEX: (OPEX_TABLE,)}

_CASH_FLOW_NOTES = tuple(
    i18n.text(f"convention.{name}", "en") for name in ("timing", "npv", "payback", "tax", "months", "net_effect")
)


def _quote(sheet: str) -> str:
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def write_results_workbook(evaluation: Evaluation, target: Path, lang: str = "en") -> Path:
    """Write the results workbook of ``evaluation`` to ``target`` atomically; returns ``target``.

    With alternatives, each alternative gets its own set of sheets (prefixed
    with its name, econ.report.xlsx_names) whose inputs refer to the base case's
    except where overridden, and a Comparison sheet puts the cases side by side
    with the incremental ones. Labels, headers and units are in ``lang``.
    """

    created = report_time()

    def write(temporary: Path) -> None:
        # in_memory: the parts are assembled in memory, not in temporary files (3 to 4 times faster to close,
        # each temporary file costing a few milliseconds on a busy disk)
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_numbers": False, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "in_memory": True})
        book.set_properties({"title": f"econ results: {evaluation.plant.name}", "comments": f"econ {__version__}",
                             "created": created})
        try:
            comparison = book.add_worksheet(COMPARISON) if evaluation.alternatives else None
            base = _Writer(evaluation, book, lang=lang)
            sheets = SHEET_ORDER + (CHAIN_SHEETS if evaluation.plant.chain is not None else ())
            prefixes = alternative_prefixes([case.name for case in evaluation.alternatives], sheets,
                                            taken=(COMPARISON,) + sheets)
            base.prefixes = prefixes
            writers = [base] + [
                _Writer(evaluation, book, case, prefix, base, case.name, lang)
                for prefix, case in zip(prefixes, evaluation.alternatives)
            ]
            for writer in writers:
                writer.write()
            if comparison is not None:
                translate_sheet(comparison, base.translate)
                write_comparison(book, comparison, evaluation, writers)
            write_break_even(book, evaluation, writers, base.palette, lang, base.translate)
            write_sensitivity(book, evaluation, writers, base.palette, lang)
            xlsx_styles.fit_number_columns(book)
        finally:
            book.close()

    return write_atomically(Path(target), write, protected=[evaluation.plant.path])
