"""The blank input workbook an engineer fills in (``econ new``), generated from :mod:`econ.inputs.schema`.

Every sheet and field comes from the schema (PARAMETER_SHEETS, PROJECT_TEXT,
TABLES) and, for a process chain, from the columns the chain reader reads, so
the template cannot drift from what econ reads. The layout follows the H2A and
RETScreen convention: light-yellow cells are inputs, grey cells are labels and
headers. Unit cells offer a drop-down of the units econ accepts for the field
(another unit of the same dimension may still be typed), enumerations a
drop-down of their values, and each field's label carries a comment saying what
it means, its unit, and whether it is required or what its default is.

The value of every required input is blank, an input with a default shows it
(income_tax_rate 0, load_factor 1), and each table has one example row whose
name is filled in ("Example pump") and whose required values are blank, so that
reading a fresh template reports only values that are missing. The Capital
table's estimate_class column (AACE 18R-97, 1 to 5) offers its classes.

The generator only builds the workbook in a file it is given; the command
(econ/cli/new.py) writes it atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

from econ import units
from econ.inputs import chain_reader, schema
from econ.inputs.chain import DESTINATIONS, IN, ORIGINS, OUT
from econ.inputs.template_texts import (
    CHAIN_DESCRIPTIONS, REFERENCE_DESCRIPTIONS, SHEET_PURPOSES, TEXT_DESCRIPTIONS,
)

INPUT_FILL = "#FFF2CC"  # light yellow: a cell the engineer fills in
LABEL_FILL = "#F2F2F2"  # light grey: a label, a description, a fixed unit
HEADER_FILL = "#D9D9D9"  # grey: a header row
INPUT_ROWS = 20  # table rows formatted as inputs, from row 3 (more may be typed below)

# Units an engineer commonly types; a field's drop-down lists those of its dimension (its own unit first).
COMMON_UNITS = (
    "{cur}", "thousand {cur}", "mln {cur}",
    "{cur}/month", "thousand {cur}/month", "{cur}/year", "thousand {cur}/year", "mln {cur}/year",
    "{cur}/kWh", "{cur}/MWh", "{cur}/m^3", "{cur}/L", "{cur}/kg", "{cur}/t",
    "kW", "W", "MW", "h/day", "day/month", "month/year", "year",
    "m^3/month", "L/month", "t/month", "kg/month", "m^3/h", "L/h", "t/h", "kg/h",
    "kWh/m^3", "kWh/t", "kWh/kg", "kg/m^3", "g/L", "mg/L", "kg/t", "g/t",
    "g/mol", "A/m^2", "mA/cm^2", "V", "m^2", "cm^2", "g", "kg", "t", "m^3", "L", "kWh",
)
FRACTION_UNITS = ("fraction", "%")
DIMENSIONLESS_UNITS = ("-",)

# Example names of the table rows; a table not listed gets "Example <sheet> <name column>".
EXAMPLE_NAMES = {
    "equipment": "Example pump",
    "staffing": "Example operator",
    "capital": "Example equipment",
    "maintenance": "Example spare parts",
    "byproducts": "Example recovered metal",
    "losses": "Example drag-out",
    "electrolysis": "Example cell house",
    "products": "Example product",
    "reagents": "Example reagent",
    "components": "Example metal",
}

# Tables whose rows give their own units (schema.TableSpec.per_row_units): the unit row 2 offers by default,
# and the units a row's unit cell offers
PER_ROW_EXAMPLE_UNITS = {"products": "m^3", "reagents": "kg"}
PER_ROW_UNITS = ("m^3", "L", "kg", "g", "t", "kWh")
ESTIMATE_CLASSES = ("1", "2", "3", "4", "5")  # AACE 18R-97, offered where a table has an estimate_class column

# Tables that belong to a process chain and appear with --chain only.
CHAIN_TABLES = ("components",)

# Units of the chain sheets' numeric columns (the chain reader takes them from row 2).
STREAM_UNITS = {"mass": "kg", "rate": "%", "recovery": "%", "price": "{cur}/t"}
ENERGY_UNITS = {"specific_energy": "kWh/t", "cell_voltage": "V", "valence": "-", "current_efficiency": "fraction"}
PAYABLE_UNITS = {"payable": "fraction"}
BREAK_EVEN_COLUMNS = ("alternative", "input", "unit", "low", "high", "map_input", "map_unit", "map_low", "map_high")


@dataclass(frozen=True)
class TemplateOptions:
    """What ``econ new`` puts in the template.

    ``basis`` is the unit the throughput is counted in (``m^3`` or ``t``; a chain needs ``t``).
    """

    chain: bool = False
    alternatives: bool = False
    checks: bool = False
    currency: str = "RUB"
    basis: str = "m^3"


def per_row_unit(table: schema.TableSpec) -> str:
    """The example unit of a table whose rows give their own units (Products: m^3), else ""."""
    return PER_ROW_EXAMPLE_UNITS.get(table.key, "kg") if table.per_row_units else ""


def table_columns(table: schema.TableSpec) -> list[str]:
    """The headers of a table sheet: name, each field followed by its unit column, other text columns, source."""
    headers = [table.name_column, *(["kind"] if "kind" in table.text_columns else [])]
    for spec in table.fields:
        headers += [spec.name, *([spec.unit_column] if spec.unit_column else [])]
    headers += [column for column in table.text_columns if column not in headers]
    return [*headers, "source"]


def accepted_units(spec: schema.FieldSpec, currency: str, basis: str, row_unit: str = "") -> list[str]:
    """The units a drop-down offers for ``spec``: its own unit first, then common ones of its dimension.

    ``row_unit`` fills ``{unit}`` for a table whose rows give their own units; its drop-down then offers
    the field's unit for each of PER_ROW_UNITS (and, for a quantity, per month and per unit of throughput).
    """
    if "{unit}" in spec.unit:
        own = schema.resolve_unit(spec.unit.replace("{unit}", row_unit), currency, basis)
        forms = [spec.unit] if spec.unit.startswith("{cur}") else ["{unit}/month", "{unit}/{basis}"]
        if spec.unit.endswith("{basis}"):
            forms.reverse()
        choices = [own]
        for form in forms:
            for unit in PER_ROW_UNITS:
                choice = schema.resolve_unit(form.replace("{unit}", unit), currency, basis)
                if choice not in choices:
                    choices.append(choice)
        return choices
    own = schema.resolve_unit(spec.unit, currency, basis)
    if spec.kind in ("fraction", "ratio"):
        return list(FRACTION_UNITS)
    if own == "dimensionless":
        return list(DIMENSIONLESS_UNITS)
    choices = [own]
    for template in COMMON_UNITS:
        unit = schema.resolve_unit(template, currency, basis)
        if unit not in choices and units.same_dimension(unit, own):
            choices.append(unit)
    return choices


def field_comment(spec: schema.FieldSpec, currency: str, basis: str, row_unit: str = "") -> str:
    """What a field means, in its unit, and whether it must be given: the comment on its label."""
    text = (spec.description or spec.name.replace("_", " ")).replace("{basis}", basis)
    unit = accepted_units(spec, currency, basis, row_unit)[0]
    if spec.unit_column:
        text += f" (each row may give its own unit in {spec.unit_column})"
    lines = [f"{spec.name}: {text}.", f"Unit: {unit}" + (" (or %)" if unit == "fraction" else "") + "."]
    if spec.default is not None:
        lines.append(f"Optional: blank means {spec.default:g}.")
    elif spec.required:
        lines.append("Required.")
    else:
        lines.append("Optional: blank means not given.")
    return "\n".join(lines)


def text_description(spec: schema.TextSpec) -> str:
    """What a project text means."""
    base, _, lang = spec.name.rpartition("_")
    if spec.name in TEXT_DESCRIPTIONS:
        return TEXT_DESCRIPTIONS[spec.name]
    if base in schema.TRANSLATED_TEXT:
        return f"the {base} for a report in '{lang}' (blank: the {base} as entered)"
    return spec.name.replace("_", " ")


def text_comment(spec: schema.TextSpec) -> str:
    text = text_description(spec)
    requirement = "Required." if spec.required else (
        f"Optional: blank means {spec.default!r}." if spec.default else "Optional.")
    return f"{spec.name}: {text} (text).\n{requirement}"


def example_name(table: schema.TableSpec) -> str:
    return EXAMPLE_NAMES.get(table.key, f"Example {table.sheet} {table.name_column}")


def _height(text: str, characters_per_line: int = 52) -> float:
    """The height [pt] of a row whose wrapped description is ``text`` (the description column's width)."""
    return 15.0 * max(1, -(-len(text) // characters_per_line))


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook, options: TemplateOptions) -> None:
        self.book = book
        self.options = options
        border = {"border": 1, "border_color": "#BFBFBF", "valign": "top"}
        self.header = book.add_format({**border, "bold": True, "bg_color": HEADER_FILL})
        self.label = book.add_format({**border, "bg_color": LABEL_FILL})
        self.label_wrap = book.add_format({**border, "bg_color": LABEL_FILL, "text_wrap": True})
        self.input = book.add_format({**border, "bg_color": INPUT_FILL})
        self.input_text = book.add_format({**border, "bg_color": INPUT_FILL, "italic": True})

    def unit_list(self, sheet, cell: str, choices: list[str]) -> None:  # noqa: ANN001 - an xlsxwriter worksheet
        if len(choices) > 1:
            sheet.data_validation(cell, {
                "validate": "list", "source": choices, "error_type": "warning",
                "input_title": "Unit", "input_message": "Pick a unit, or type another of the same dimension.",
                "error_message": "econ reads any unit of this dimension; check the spelling (see docs/inputs.md)."})

    def choice_list(self, sheet, cells: str, choices: tuple[str, ...], strict: bool = True) -> None:  # noqa: ANN001
        sheet.data_validation(cells, {"validate": "list", "source": list(choices),
                                      "error_type": "stop" if strict else "information",
                                      "error_message": "Expected one of: " + ", ".join(choices)})

    def add_sheet(self, name: str):  # noqa: ANN201 - an xlsxwriter worksheet
        """A sheet that prints landscape, one page wide."""
        sheet = self.book.add_worksheet(name)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        return sheet

    def comment(self, sheet, cell: str, text: str) -> None:  # noqa: ANN001
        sheet.write_comment(cell, text, {"x_scale": 2.2, "y_scale": 1.4})

    # -- sheets ------------------------------------------------------------------
    def parameter_sheet(self, name: str, specs: tuple[schema.FieldSpec, ...],
                        texts: tuple[schema.TextSpec, ...] = ()) -> None:
        currency, basis = self.options.currency, self.options.basis
        sheet = self.add_sheet(name)
        sheet.set_column("A:A", 24)
        sheet.set_column("B:B", 44)
        sheet.set_column("C:C", 22)
        sheet.set_column("D:D", 16)
        sheet.set_column("E:E", 50)
        for column, header in enumerate(("field", "description", "value", "unit", "source")):
            sheet.write(0, column, header, self.header)
        sheet.freeze_panes(1, 0)
        row = 1
        for text in texts:
            sheet.write(row, 0, text.name, self.label)
            sheet.write(row, 1, text_description(text), self.label_wrap)
            sheet.set_row(row, _height(text_description(text)))
            if text.name == "currency":  # the units below are in it: change them with it
                sheet.write(row, 2, currency, self.input)
            else:
                sheet.write_blank(row, 2, None, self.input)
            sheet.write_blank(row, 3, None, self.label)
            sheet.write_blank(row, 4, None, self.input)
            self.comment(sheet, f"A{row + 1}", text_comment(text))
            if text.choices:
                self.choice_list(sheet, f"C{row + 1}", text.choices)
            row += 1
        for spec in specs:
            sheet.write(row, 0, spec.name, self.label)
            sheet.write(row, 1, spec.description, self.label_wrap)
            sheet.set_row(row, _height(spec.description))
            if spec.default is not None:  # shown, so that what econ assumes is in sight (and no note says it)
                sheet.write_number(row, 2, spec.default, self.input)
            else:
                sheet.write_blank(row, 2, None, self.input)
            choices = accepted_units(spec, currency, basis)
            sheet.write(row, 3, choices[0], self.input)
            self.unit_list(sheet, f"D{row + 1}", choices)
            sheet.write_blank(row, 4, None, self.input)
            self.comment(sheet, f"A{row + 1}", field_comment(spec, currency, basis))
            row += 1

    def table_sheet(self, table: schema.TableSpec) -> None:
        currency, basis = self.options.currency, self.options.basis
        sheet = self.add_sheet(table.sheet)
        headers = table_columns(table)
        specs = {spec.name: spec for spec in table.fields}
        unit_columns = {spec.unit_column: spec for spec in table.fields if spec.unit_column}
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, len(headers) - 2, 16)
        sheet.set_column(len(headers) - 1, len(headers) - 1, 50)
        sheet.freeze_panes(2, 1)
        for column, header in enumerate(headers):
            sheet.write(0, column, header, self.header)
        for row in range(2, 2 + INPUT_ROWS):
            for column in range(len(headers)):
                sheet.write_blank(row, column, None, self.input)
        sheet.write(2, 0, example_name(table), self.input_text)
        last = 2 + INPUT_ROWS + 200
        for column, header in enumerate(headers):
            top = xlsxwriter.utility.xl_rowcol_to_cell(0, column)
            units_cell = xlsxwriter.utility.xl_rowcol_to_cell(1, column)
            letter = xlsxwriter.utility.xl_col_to_name(column)
            if header in specs:
                if specs[header].default is not None:
                    sheet.write_number(2, column, specs[header].default, self.input)
                choices = accepted_units(specs[header], currency, basis, per_row_unit(table))
                if specs[header].unit_column:  # each row gives its unit, in its unit column
                    sheet.write_blank(1, column, None, self.label)
                else:
                    sheet.write(1, column, choices[0], self.input)
                    self.unit_list(sheet, units_cell, choices)
                self.comment(sheet, top, field_comment(specs[header], currency, basis, per_row_unit(table)))
                if header == "estimate_class":  # a number from a short list: offer it
                    self.choice_list(sheet, f"{letter}3:{letter}{last}", ESTIMATE_CLASSES)
                continue
            sheet.write_blank(1, column, None, self.label)
            if header == table.name_column:
                self.comment(sheet, top, f"{header}: the name of the row, one row per item (rows repeat, one "
                                         f"per {header}; each name once).\n"
                                         f"{'Required: at least one row.' if table.required else 'Optional sheet.'}")
            elif header in unit_columns:
                spec = unit_columns[header]
                self.comment(sheet, top, f"{header}: the unit of this row's {spec.name} (blank: the unit in row 2 "
                                         f"of the {spec.name} column).")
                choices = accepted_units(spec, currency, basis, per_row_unit(table))
                self.unit_list(sheet, f"{letter}3:{letter}{last}", choices)
                sheet.write(2, column, choices[0], self.input)  # the example row's unit
            elif header == "kind":
                self.comment(sheet, top, "kind: " + ", ".join(schema.PRODUCT_KINDS) + " (a saving is a cost "
                                         "avoided, such as water not bought).\nRequired.")
                self.choice_list(sheet, f"{letter}3:{letter}{last}", schema.PRODUCT_KINDS)
                sheet.write(2, column, schema.PRODUCT_KINDS[0], self.input_text)  # the example row is a product
            elif header == "source":
                self.comment(sheet, top, "source: the table or page of the source document, or "
                                         "'assumption: <reason>'.")

    def chain_sheet(self, name: str, columns: tuple[str, ...], unit_of: dict[str, str],
                    examples: tuple[dict[str, str], ...] = ()) -> None:
        """A process-chain sheet: headers, units row, example rows; components after the stream columns."""
        sheet = self.add_sheet(name)
        component = EXAMPLE_NAMES["components"]
        headers = list(columns)
        if name == "Streams":  # one column per component, before source and note
            headers.insert(headers.index("source"), component)
        sheet.set_column(0, len(headers) - 1, 16)
        sheet.freeze_panes(2, 0)
        for column, header in enumerate(headers):
            sheet.write(0, column, header, self.header)
            description = CHAIN_DESCRIPTIONS.get(header, "mass or content of this component in the stream "
                                                 "(the header is a component's name)")
            self.comment(sheet, xlsxwriter.utility.xl_rowcol_to_cell(0, column), f"{header}: {description}.")
            unit = "kg" if header == component else unit_of.get(header, "")
            unit = schema.resolve_unit(unit, self.options.currency, self.options.basis)
            if unit:
                sheet.write(1, column, unit, self.input)
            else:
                sheet.write_blank(1, column, None, self.label)
        for row in range(2, 2 + INPUT_ROWS):
            for column in range(len(headers)):
                sheet.write_blank(row, column, None, self.input)
        for row, example in enumerate(examples, start=2):
            for header, value in example.items():
                sheet.write(row, headers.index(header), value, self.input_text)
        last = 2 + INPUT_ROWS + 200
        enumerations = {"direction": ((IN, OUT), True), "from": (ORIGINS, False), "to": (DESTINATIONS, True),
                        "counted": (("yes", "no"), True)}
        for header, (choices, strict) in enumerations.items():
            if header in headers:
                column = xlsxwriter.utility.xl_col_to_name(headers.index(header))
                self.choice_list(sheet, f"{column}3:{column}{last}", choices, strict)

    def references_sheet(self) -> None:
        sheet = self.add_sheet("References")
        sheet.set_column(0, len(schema.REFERENCE_COLUMNS) - 1, 16)
        sheet.freeze_panes(1, 0)
        for column, header in enumerate(schema.REFERENCE_COLUMNS):
            sheet.write(0, column, header, self.header)
            self.comment(sheet, xlsxwriter.utility.xl_rowcol_to_cell(0, column),
                         f"{header}: {REFERENCE_DESCRIPTIONS.get(header, header)}.")
        column = xlsxwriter.utility.xl_col_to_name(schema.REFERENCE_COLUMNS.index("comparison"))
        self.choice_list(sheet, f"{column}2:{column}500", schema.COMPARISONS)

    def break_even_sheet(self) -> None:
        sheet = self.add_sheet("BreakEven")
        sheet.set_column(0, len(BREAK_EVEN_COLUMNS) - 1, 16)
        sheet.freeze_panes(1, 0)
        for column, header in enumerate(BREAK_EVEN_COLUMNS):
            sheet.write(0, column, header, self.header)
        self.comment(sheet, "B1", "input: the input varied, a field (electricity_price) or Sheet:row name:field "
                                  "(Capital:RO units:cost); one question per row, from row 2.")

    def alternatives_sheet(self) -> None:
        sheet = self.add_sheet("Alternatives")
        sheet.set_column("A:A", 32)
        sheet.set_column("B:B", 14)
        sheet.set_column("C:C", 40)
        for column, header in enumerate(("field", "unit", "Example alternative")):
            sheet.write(0, column, header, self.header if column < 2 else self.input_text)
        self.comment(sheet, "C1", "The name of an alternative; add one column per alternative.")
        sheet.write(1, 0, "description", self.label)
        sheet.write_blank(1, 1, None, self.label)
        sheet.write_blank(1, 2, None, self.input)
        self.comment(sheet, "A2", "description: a sentence per alternative, for the report.")
        for row in range(2, 2 + INPUT_ROWS):
            for column in range(3):
                sheet.write_blank(row, column, None, self.input)
        self.comment(sheet, "A3", "From this row: one input per row, a field (electricity_price) or "
                                  "Sheet:row name:field (Capital:RO units:cost), its unit, and the "
                                  "alternative's value. A blank value keeps the base case's.")

    def instructions(self, sheets: list[str]) -> None:
        sheet = self.book.get_worksheet_by_name("Instructions")
        sheet.set_column("A:A", 22)
        sheet.set_column("B:B", 100)
        title = self.book.add_format({"bold": True, "font_size": 14})
        bold = self.book.add_format({"bold": True})
        wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        lines = [
            ("econ input workbook", None),
            ("", "One plant = one workbook. Fill in the light-yellow cells; grey cells are labels and fixed "
                 "headers. Hover over a field or a column header for what it means, its unit and whether it is "
                 "required. docs/inputs.md is the full reference; docs/tutorial.md builds a plant step by step."),
            ("Colours", None),
            ("input", "light yellow: a value, unit, source or row name you type"),
            ("label", "grey: a field name, description or header econ looks for; do not rename it"),
            ("How to fill it", None),
            ("Values", "Every value is a number in the unit beside it; pick another unit from the drop-down "
                       "or type any unit of the same dimension (mln RUB, thousand RUB/month). A blank "
                       "required value is reported as missing."),
            ("Tables", "Row 1 holds the headers, row 2 the unit of each column, and one item per row from row 3. "
                       "Each table starts with an example row: rename it and fill in its values, or delete it. "
                       "Add rows below it; a table sheet you do not need may be deleted, except Equipment and "
                       "Capital."),
            ("Sources", "Give every row a source: the table or page of the source document, or "
                        "'assumption: <reason>'."),
            ("Translations", "Any text may also be given in another language, in a column of its own anywhere in "
                             "the header row, named after the text column with _ru or _en: name_ru (item_ru, "
                             "role_ru: after the row-name column), source_ru, note_ru, References' figure_ru, each "
                             "on the same row as the text; the units row (row 2) stays blank in it. Parameter "
                             "sheets take description_ru and source_ru columns; Project the rows name_ru, "
                             "description_ru and base_case_ru; Alternatives the rows name_ru and description_ru, "
                             "one cell per alternative. A Russian report shows the _ru text where one is given and "
                             "says once how many texts have none; texts without a suffix are taken as English. "
                             "A number column takes no translation (cost_ru is an error)."),
            ("Check it", "econ validate THIS_FILE lists every value still missing, one line each; econ run "
                         "THIS_FILE writes the results workbook and the PDF report."),
            ("Sheets", None),
            *((name, SHEET_PURPOSES.get(name, "")) for name in sheets),
        ]
        sheet.write(0, 0, lines[0][0], title)
        for row, (label, text) in enumerate(lines[1:], start=1):
            if text is None:
                sheet.write(row, 0, label, bold)
            else:
                if label in ("input", "label"):
                    sheet.write(row, 0, label, self.input if label == "input" else self.label)
                else:
                    sheet.write(row, 0, label, bold)
                sheet.write(row, 1, text, wrap)
                sheet.set_row(row, 15 * max(1, -(-len(text) // 95)))  # wrapped text: one line per 95 characters


def template_sheets(options: TemplateOptions) -> list[str]:
    """The sheets of the template, in order (Instructions first)."""
    tables = [table.sheet for table in schema.TABLES if options.chain or table.key not in CHAIN_TABLES]
    chain = ["Streams", "Payables", "StageEnergy"] if options.chain else []
    return ["Instructions", *schema.PARAMETER_SHEETS, *tables, *chain,
            *(["Alternatives"] if options.alternatives else []),
            *(["References", "BreakEven"] if options.checks else [])]


def write_template(path: Path, options: TemplateOptions = TemplateOptions()) -> None:
    """Write the blank input workbook to ``path`` (an .xlsx file, replaced if it exists)."""
    book = xlsxwriter.Workbook(str(path))
    writer = _Writer(book, options)
    sheets = template_sheets(options)
    writer.add_sheet("Instructions")
    for name, specs in schema.PARAMETER_SHEETS.items():
        writer.parameter_sheet(name, specs, schema.PROJECT_TEXT if name == "Project" else ())
    for table in schema.TABLES:
        if table.sheet in sheets:
            writer.table_sheet(table)
    if options.chain:
        writer.chain_sheet("Streams", chain_reader.STREAM_COLUMNS, STREAM_UNITS, (
            {"stage": "Example stage", "stream": "Example feed", "direction": IN, "from": "feed"},
            {"stage": "Example stage", "stream": "Example product", "direction": OUT, "to": "sold"},
        ))
        writer.chain_sheet("Payables", chain_reader.PAYABLE_COLUMNS, PAYABLE_UNITS)
        writer.chain_sheet("StageEnergy", chain_reader.ENERGY_COLUMNS, ENERGY_UNITS)
    if options.alternatives:
        writer.alternatives_sheet()
    if options.checks:
        writer.references_sheet()
        writer.break_even_sheet()
    writer.instructions(sheets[1:])
    book.close()
