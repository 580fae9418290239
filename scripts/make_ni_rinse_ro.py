"""Build inputs/ni_rinse_ro.xlsx: nickel-plating rinse-water recovery by reverse osmosis.

A plant without a process chain whose products carry their own units: water saved
(m^3, a saving) and nickel recovered (kg, a by-product) on the Products sheet, and
two reagents dosed per m^3 of rinse water on the Reagents sheet. The figures the
client gave are sourced "client brief"; every other value is an assumption with its
reason.

The full discounted cash flow uses the Finance and Timeline sheets, the Replacements
table and the Capital table's depreciation_method column: construction in years 0
and 1 (40 % and 60 % of the capital), operation in years 2..9, 50 % of the
throughput in the first operating year, prices in year-0 money escalating at 6 %
(electricity 8 %), membranes replaced at the end of operating years 3 and 6, working
capital 15 % of revenue, losses carried forward with a 50 % cap, a loan of half the
capital, a nominal discount rate of 14 % and the levelized price of saved water. Its
figures are sourced "client brief, financing terms"; the membrane replacement takes
the place of a maintenance line (2 % a year of the RO units for membranes and service).

Every text a report shows has its Russian version, written into the name_ru /
source_ru / ... columns from scripts/ni_rinse_ro_ru.json (cell address -> text).

    .venv/bin/python scripts/make_ni_rinse_ro.py [PATH]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import json

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

ROOT = Path(__file__).resolve().parents[1]
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
BRIEF = "client brief"
ISSUE14 = "client brief, financing terms"

PROJECT = [
    ("name", "Project name", "Nickel-plating rinse-water recovery by reverse osmosis", None, BRIEF),
    ("name_ru", "Project name in a Russian report",
     "Возврат промывной воды линии никелирования обратным осмосом", None, "translation of the name"),
    ("description", "Scheme description for the report",
     "Rinse water from the nickel-plating line is fed through cartridge pre-filters to two reverse-osmosis units "
     "in series. The permeate returns to the rinse tanks in place of fresh water; the concentrate, which holds "
     "the nickel dragged out of the bath, goes back to the plating bath. An antiscalant is dosed into the RO "
     "feed, and the membranes are cleaned in place with a cleaning chemical.", None, BRIEF),
    ("description_ru", "Scheme description in a Russian report",
     "Промывная вода линии никелирования проходит патронные фильтры предочистки и две последовательные установки "
     "обратного осмоса. Пермеат возвращается в ванны промывки вместо свежей воды; концентрат, содержащий никель, "
     "вынесенный из ванны, возвращается в ванну никелирования. В питание установок дозируется антискалант, "
     "мембраны периодически промываются моющим реагентом.", None, "translation of the description"),
    ("currency", "Currency of all money in this workbook", "RUB", None, BRIEF),
    ("base_year", "Price base year", 2025, None, "assumption: prices of the brief taken as of 2025"),
    ("language", "Report language (ru or en)", "en", None, "assumption: the client brief is in English"),
    ("service_life", "Analysis horizon: operating years (years 2..9)", 8, "year", ISSUE14),
    ("discount_rate", "Discount rate for NPV (nominal: Finance!discount_basis)", 0.14, "fraction", ISSUE14),
    ("income_tax_rate", "Income tax on the taxable profit", 0.20, "fraction", BRIEF),
]
SCHEDULE = [
    ("hours_per_day", "Operating hours per day", 16, "h/day", BRIEF),
    ("days_per_month", "Operating days per month", 22, "day/month", BRIEF),
    ("months_per_year", "Operating months per year", 12, "month/year",
     "assumption: the plating line runs all year; monthly figures times 12"),
]
THROUGHPUT = [
    ("throughput", "Rinse water fed to the RO units per operating month", 1500, "m^3/month",
     "assumption: 80 % permeate recovery of a two-unit RO: the 1,200 m3/month of water saved (client brief) "
     "/ 0.8 = 1,500 m3/month fed"),
]
TARIFFS = [
    ("electricity_price", "Electricity tariff", 7.5, "RUB/kWh", BRIEF),
]
# tables: (header, units row, rows)
TABLES = {
    "Equipment": (
        ["name", "quantity", "unit_power", "load_factor", "rated_capacity", "source"],
        [None, "-", "kW", "fraction", "m^3/h", None],
        [["RO units", 2, 6, 1, 2.5,
          "client brief: 12 kW in total; assumption: two units of 6 kW each (high-pressure pump and controls), "
          "running at full load; rated 2.5 m3/h each (5 m3/h against the 4.3 m3/h that 1,500 m3 in 352 h need)"]],
    ),
    "Staffing": (
        ["role", "headcount", "monthly_wage", "on_cost_rate", "source"],
        [None, "-", "RUB/month", "fraction", None],
        [["Operators", 2, 55000, 0,
          "client brief: two operators at 55,000 RUB/month; on-cost rate: assumption: the wage is the whole cost "
          "of the post (no on-costs added)"]],
    ),
    "Capital": (
        ["item", "cost", "useful_life", "salvage_value", "depreciation_method", "source"],
        [None, "mln RUB", "year", "RUB", None, None],
        [["RO units", 8.5, 8, 0, "sum-of-years-digits",
          "client brief: 8.5 M RUB; client brief, financing terms: sum-of-years-digits over 8 years from the first operating year; "
          "assumption: no salvage"],
         ["Installation", 1.2, 8, 0, "straight-line",
          "client brief: 1.2 M RUB; client brief, financing terms: straight-line over 8 years from the first operating year"]],
    ),
    "Replacements": (
        ["item", "cost", "interval", "treatment", "source"],
        [None, "RUB", "year", None, None],
        [["RO membranes", 900000, 3, "expensed",
          "client brief, financing terms: 900,000 RUB in year-0 money at the end of operating years 3 and 6, expensed"]],
    ),
    "Products": (
        ["name", "kind", "quantity", "quantity_unit", "price", "price_unit", "source"],
        [None, None, None, None, None, None, None],
        [["Water saved", "saving", 1200, "m^3/month", 95, "RUB/m^3",
          "client brief: 1,200 m3/month of fresh water not bought, at 95 RUB/m3"],
         ["Nickel recovered", "by-product", 120, "kg/month", 1800, "RUB/kg",
          "client brief: 120 kg/month of nickel returned to the bath, at 1,800 RUB/kg"]],
    ),
    "Reagents": (
        ["name", "consumption", "consumption_unit", "price", "price_unit", "source"],
        [None, None, None, None, None, None],
        [["Antiscalant", 3, "g/m^3", 450, "RUB/kg",
          "assumption: a dose of 3 g per m3 of RO feed (suppliers quote 2 to 5 g/m3) at 450 RUB/kg"],
         ["Membrane cleaning chemical", 0.02, "L/m^3", 250, "RUB/L",
          "assumption: a clean in place every month with 30 L of cleaner for 1,500 m3 fed (0.02 L/m3), "
          "at 250 RUB/L"]],
    ),
}
FINANCE = [
    ("inflation", "General inflation per year; prices are in year-0 money", 0.06, "fraction", ISSUE14),
    ("escalation_electricity", "Electricity price escalation per year", 0.08, "fraction", ISSUE14),
    ("discount_basis", "Project!discount_rate is nominal: year t is discounted by 1.14^t", "nominal", None,
     ISSUE14),
    ("working_capital_share", "Working capital: share of each year's revenue, released in the last year", 0.15,
     "fraction", ISSUE14),
    ("loss_offset_cap", "Share of a year's positive taxable base that carried losses may offset", 0.5,
     "fraction", ISSUE14),
    ("loan_share", "Loan: share of each construction year's spend, drawn that year", 0.5, "fraction", ISSUE14),
    ("loan_rate", "Interest on the opening balance, paid in cash", 0.12, "fraction", ISSUE14),
    ("loan_term", "Equal principal instalments", 5, "year", ISSUE14 + ": years 2..6"),
    ("loan_grace", "Operating years before the first repayment", 0, "year", ISSUE14),
    ("loan_repayment", "Repayment", "equal principal", None, ISSUE14),
    ("levelized_product", "Product whose year-0 price makes the project NPV zero", "Water saved", None, ISSUE14),
]
TIMELINE = (
    ["year", "capital_share", "throughput_share", "source"],
    [None, "fraction", "fraction", None],
    [[0, 0.4, None, "client brief, financing terms: 40 % of the capital in year 0"],
     [1, 0.6, None, "client brief, financing terms: 60 % of the capital in year 1"],
     [2, None, 0.5, "client brief, financing terms: 50 % of the throughput in the first operating year, then 100 %"]],
)
ALTERNATIVE = "Single RO unit"
ALTERNATIVES = [
    ("description", None,
     "One RO unit of twice the capacity, single pass: lower capital and power, and a lower recovery (60 %), so "
     "less water saved and less nickel", "assumption: a cheaper one-unit design, as asked by the brief"),
    ("Equipment:RO units:quantity", "-", 1, "assumption: one unit"),
    ("Equipment:RO units:unit_power", "kW", 8,
     "assumption: one larger high-pressure pump; 8 kW against the 12 kW of two units"),
    ("Equipment:RO units:rated_capacity", "m^3/h", 5, "assumption: one unit sized for the whole feed (5 m3/h)"),
    ("Capital:RO units:cost", "mln RUB", 5.5, "assumption: one larger unit costs about 65 % of two"),
    ("Capital:Installation:cost", "mln RUB", 0.8, "assumption: one unit to install: two thirds of 1.2 M RUB"),
    ("Replacements:RO membranes:cost", "RUB", "=900000*5500/8500",
     "assumption: membranes of one unit cost in proportion to the unit (5.5 against 8.5 M RUB)"),
    ("Products:Water saved:quantity", "m^3/month", "=1500*0.6",
     "assumption: 60 % permeate recovery of a single pass against 80 %: 900 m3/month"),
    ("Products:Nickel recovered:quantity", "kg/month", "=120*0.6/0.8",
     "assumption: nickel returned in proportion to the recovery (60 % against 80 %): 90 kg/month"),
]
INSTRUCTIONS = [
    ("Nickel-plating rinse-water recovery by reverse osmosis: econ input workbook", True),
    ("Возврат промывной воды линии никелирования обратным осмосом: исходные данные для econ", True),
    ("What this file is", True),
    ("One plant = one workbook. econ reads it and never writes to it. The full reference is docs/inputs.md. "
     "Built by scripts/make_ni_rinse_ro.py from the figures of the client brief; every other "
     "value is an assumption with its reason.", False),
    ("How to edit", True),
    ("Change only the value, unit and source cells. Parameter sheets (Project, Schedule, Throughput, Tariffs): "
     "one parameter per row, columns field | description | value | unit | source. Table sheets: headers in "
     "row 1, the unit of each numeric column in row 2, one item per row from row 3 down.", False),
    ("Products and Reagents give the units row by row: each product or reagent has its own unit (m^3, kg, L, "
     "kWh). quantity_unit (or consumption_unit) is per month (m^3/month) or per unit of throughput (kg/m^3, "
     "g/m^3); price_unit is RUB per unit of the product (RUB/m^3, RUB/kg). Quantity times price must give money "
     "per month; econ names the cell when it does not. kind is product, saving (a cost avoided) or by-product.",
     False),
    ("Лист Products: продукция, экономия (saving) и попутные продукты, каждая строка в своих единицах; лист "
     "Reagents: реагенты с расходом на м³ и ценой за единицу.", False),
    ("Sources", True),
    ("Every row has a source: 'client brief' for the figures of the brief, or 'assumption: <reason>'.", False),
    ("How to run", True),
    ("econ check inputs/ni_rinse_ro.xlsx   - reads the workbook and reports input errors by cell.", False),
    ("econ run inputs/ni_rinse_ro.xlsx -o reports   - writes reports/ni_rinse_ro.xlsx and reports/ni_rinse_ro.pdf.",
     False),
    ("econ compare inputs/ni_rinse_ro.xlsx   - the base case against the single-unit alternative.", False),
    ("Full discounted cash flow", True),
    ("Finance: inflation and escalation, the discount basis, working capital, the loss carry-forward cap, the "
     "loan and the levelized product. Timeline: the capital share of each construction year and the throughput "
     "share of the ramp-up year. Replacements: the membranes, replaced every 3 operating years and expensed.",
     False),
]


def _header(sheet, widths: list[float], freeze: str) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for index, width in enumerate(widths):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width = width
    sheet.freeze_panes = freeze


def _parameters(book: openpyxl.Workbook, name: str, rows: list[tuple]) -> None:
    sheet = book.create_sheet(name)
    sheet.append(["field", "description", "value", "unit", "source"])
    for field, description, value, unit, source in rows:
        sheet.append([field, description, value, unit, source])
        if unit == "fraction":
            sheet.cell(sheet.max_row, 3).number_format = "0%"
    _header(sheet, [18, 46, 22, 12, 90], "A2")


def build() -> openpyxl.Workbook:
    """The workbook, sheet by sheet."""
    book = openpyxl.Workbook()
    instructions = book.active
    instructions.title = "Instructions"
    for text, heading in INSTRUCTIONS:
        instructions.append([text])
        cell = instructions.cell(instructions.max_row, 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if heading:
            cell.font = Font(bold=True, size=14 if instructions.max_row <= 2 else 12)
    instructions.column_dimensions["A"].width = 130
    _parameters(book, "Project", PROJECT)
    _parameters(book, "Schedule", SCHEDULE)
    _parameters(book, "Throughput", THROUGHPUT)
    _parameters(book, "Tariffs", TARIFFS)
    _parameters(book, "Finance", FINANCE)
    sheet = book.create_sheet("Timeline")
    header, units_row, rows = TIMELINE
    for row in (header, units_row, *rows):
        sheet.append(row)
    for row in sheet.iter_rows(min_row=3, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "0%"
    _header(sheet, [10, 16, 18, 90], "A3")
    for name, (header, units_row, rows) in TABLES.items():
        sheet = book.create_sheet(name)
        sheet.append(header)
        sheet.append(units_row)
        for row in rows:
            sheet.append(row)
        widths = [30 if column in ("name", "role", "item") else 90 if column == "source" else 14
                  for column in header]
        _header(sheet, widths, "A3")
    sheet = book.create_sheet("Alternatives")
    sheet.append(["field", "unit", ALTERNATIVE, "source"])
    for row in ALTERNATIVES:
        sheet.append(list(row))
    _header(sheet, [48, 16, 40, 90], "A2")
    _translate(book, json.loads((Path(__file__).with_name("ni_rinse_ro_ru.json")).read_text(encoding="utf-8")))
    book.properties.creator = "scripts/make_ni_rinse_ro.py"
    book.properties.created = book.properties.modified = dt.datetime(2025, 1, 1)  # the same bytes every time
    return book


def _translate(book: openpyxl.Workbook, texts: dict[str, str], lang: str = "ru") -> None:
    """Write each text's translation beside it: column X_ru of a text column X, row FIELD_ru for a text
    parameter or an Alternatives field, row name_ru for an alternative's name (its header cell)."""
    for address, text in texts.items():
        sheet_name, cell = address.split("!")
        sheet = book[sheet_name]
        letters, row = coordinate_from_string(cell)
        column = column_index_from_string(letters)
        header = sheet.cell(1, column).value
        by_row = (sheet_name == "Alternatives" and header not in ("field", "unit", "source")) or \
            (header == "value" and sheet.cell(1, 1).value == "field")
        if by_row:
            field = "name" if row == 1 else sheet.cell(row, 1).value
            target = next((r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == f"{field}_{lang}"),
                          sheet.max_row + 1)
            sheet.cell(target, 1).value = f"{field}_{lang}"
            sheet.cell(target, column).value = text
        else:
            headers = {sheet.cell(1, c).value: c for c in range(1, sheet.max_column + 1)}
            target = headers.get(f"{header}_{lang}")
            if target is None:
                target = sheet.max_column + 1
                sheet.cell(1, target).value = f"{header}_{lang}"
                sheet.cell(1, target)._style = sheet.cell(1, column)._style
            sheet.cell(row, target).value = text


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "inputs" / "ni_rinse_ro.xlsx"
    build().save(path)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
