"""What the input workbook holds: sheets, fields, the unit each field is read in.

Units are templates: ``{cur}`` is the workbook's currency and ``{basis}`` the
unit the throughput is counted in (``m^3`` or ``t``). docs/inputs.md documents
the same format for engineers; tests check that the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from econ.i18n import LANGUAGES


@dataclass(frozen=True)
class FieldSpec:
    """One numeric field of a parameter sheet or a table.

    kind: ``quantity`` (a number in ``unit``), ``fraction`` (0..1, % allowed),
    ``ratio`` (a share that may exceed 1, % allowed) or ``integer`` (a whole
    number in ``unit``).
    """

    name: str
    unit: str
    kind: str = "quantity"
    required: bool = True
    default: float | None = None
    minimum: float | None = 0.0
    maximum: float | None = None
    strictly_positive: bool = False
    description: str = ""
    # The header of the column that gives this field's unit row by row (``price_unit`` on Products); blank
    # for a unit per column, read from the units row (row 2). A per-row unit may use ``{unit}``: the row's own
    # unit (m^3, kg, kWh), which its price unit names (RUB/m^3 -> m^3).
    unit_column: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A table sheet: header row, units row, one item per row.

    ``text_columns`` are further columns read as text (a kind, the per-row unit columns of ``fields``).
    """

    sheet: str
    key: str
    name_column: str
    fields: tuple[FieldSpec, ...]
    required: bool = False
    text_columns: tuple[str, ...] = ()

    @property
    def per_row_units(self) -> bool:
        """True when some field takes its unit from a column of each row (read by econ.inputs.products_reader)."""
        return any(field.unit_column for field in self.fields)


@dataclass(frozen=True)
class TextSpec:
    name: str
    required: bool = True
    default: str = ""
    choices: tuple[str, ...] = ()


BASIS_UNITS = ("m^3", "t")

# Project texts a report shows; each may also be given per language (name_ru, description_en), and a
# report in that language shows that version
TRANSLATED_TEXT = ("name", "description", "base_case")

PROJECT_TEXT = (
    TextSpec("name"),
    TextSpec("description", required=False),
    *(TextSpec(f"{name}_{lang}", required=False) for name in TRANSLATED_TEXT[:2] for lang in LANGUAGES),
    TextSpec("currency"),
    TextSpec("language", required=False, default="en", choices=("ru", "en")),
    TextSpec("base_case", required=False),
    *(TextSpec(f"base_case_{lang}", required=False) for lang in LANGUAGES),
)

PARAMETER_SHEETS: dict[str, tuple[FieldSpec, ...]] = {
    "Project": (
        FieldSpec("base_year", "dimensionless", kind="integer", required=False, minimum=1900, maximum=2200,
                  description="price base year"),
        FieldSpec("service_life", "year", kind="integer", minimum=1, maximum=100,
                  description="analysis horizon and service life"),
        FieldSpec("discount_rate", "fraction", kind="fraction", description="real discount rate"),
        FieldSpec("income_tax_rate", "fraction", kind="fraction", required=False, default=0.0,
                  description="income tax on positive pre-tax profit (0 for none)"),
    ),
    "Schedule": (
        FieldSpec("hours_per_day", "h/day", maximum=24, strictly_positive=True, description="operating hours per day"),
        FieldSpec("days_per_month", "day/month", maximum=31, strictly_positive=True,
                  description="operating days per month"),
        FieldSpec("months_per_year", "month/year", maximum=12, strictly_positive=True,
                  description="operating months per year"),
    ),
    "Throughput": (FieldSpec("throughput", "{basis}/month", strictly_positive=True,
                             description="feed treated per operating month (volume or mass)"),),
    "Tariffs": (
        FieldSpec("electricity_price", "{cur}/kWh", description="electricity tariff"),
        FieldSpec("water_price", "{cur}/m^3", required=False, description="price of make-up (fresh) water"),
    ),
}

TABLES: tuple[TableSpec, ...] = (
    TableSpec("Equipment", "equipment", "name", (
        FieldSpec("quantity", "dimensionless", description="number of units"),
        FieldSpec("unit_power", "kW", description="installed power of one unit"),
        FieldSpec("load_factor", "fraction", kind="fraction", required=False, default=1.0,
                  description="average fraction of the installed power drawn while operating"),
        FieldSpec("rated_capacity", "{basis}/h", required=False, strictly_positive=True,
                  description="rated throughput of the item, if stated"),
        FieldSpec("specific_energy_min", "kWh/{basis}", required=False,
                  description="low end of the specific energy stated for the item"),
        FieldSpec("specific_energy_max", "kWh/{basis}", required=False,
                  description="high end of the specific energy stated for the item"),
    ), required=True),
    TableSpec("Staffing", "staffing", "role", (
        FieldSpec("headcount", "dimensionless", description="persons in the role"),
        FieldSpec("monthly_wage", "{cur}/month", description="wage per person per month"),
        FieldSpec("on_cost_rate", "fraction", kind="fraction", required=False, default=0.0,
                  description="social charges and other on-costs on the wage"),
    )),
    TableSpec("Capital", "capital", "item", (
        FieldSpec("cost", "{cur}", description="installed cost, spent in year 0"),
        FieldSpec("useful_life", "year", strictly_positive=True, description="depreciation life (straight line)"),
        FieldSpec("salvage_value", "{cur}", required=False, default=0.0,
                  description="value at the end of the useful life, received in the last year"),
        FieldSpec("estimate_class", "dimensionless", kind="integer", required=False, minimum=1, maximum=5,
                  description="AACE 18R-97 estimate class of the cost, 1 to 5: its range where the Uncertainty "
                              "sheet gives none"),
        # full DCF (econ.inputs.finance_reader): the method is the text column depreciation_method
        FieldSpec("depreciation_group", "dimensionless", kind="integer", required=False, minimum=1, maximum=10,
                  description="depreciation group 1 to 10 of the Russian nonlinear method (Tax Code art. 259.2)"),
        FieldSpec("declining_factor", "dimensionless", required=False, strictly_positive=True,
                  description="declining-balance factor: the rate is factor / useful life (2 for double declining)"),
    ), required=True, text_columns=("depreciation_method", "category")),
    TableSpec("Maintenance", "maintenance", "item", (FieldSpec("cost", "{cur}/year", description="maintenance cost"),)),
    TableSpec("ByProducts", "byproducts", "name", (
        FieldSpec("feed_concentration", "kg/{basis}", description="content in the feed"),
        FieldSpec("recovery", "fraction", kind="fraction", description="fraction of the content recovered"),
        FieldSpec("loss", "fraction", kind="fraction", required=False, default=0.0,
                  description="fraction of the recovered amount lost irreversibly"),
        FieldSpec("price", "{cur}/kg", minimum=None, description="selling price"),
    )),
    TableSpec("Losses", "losses", "name", (
        FieldSpec("fraction_of_feed", "fraction", kind="fraction", description="lost fraction of the throughput"),
        FieldSpec("replacement_price", "{cur}/{basis}", description="price of replacing a unit of the lost stream"),
    )),
    # Electrolysis from first principles (econ.model.electrochemistry): Faraday's law gives the
    # current, the cell voltage the energy. The metal is counted in tonnes whatever the basis.
    TableSpec("Electrolysis", "electrolysis", "name", (
        FieldSpec("metal_production", "t/month", strictly_positive=True,
                  description="metal deposited per operating month"),
        FieldSpec("valence", "dimensionless", kind="integer", minimum=1, maximum=8,
                  description="electrons per deposited atom (2 for Pb2+)"),
        FieldSpec("molar_mass", "g/mol", strictly_positive=True, description="molar mass of the metal"),
        FieldSpec("current_density", "A/m^2", strictly_positive=True, description="cathode current density"),
        FieldSpec("cell_voltage", "V", strictly_positive=True, description="voltage across one cell"),
        FieldSpec("current_efficiency", "fraction", kind="fraction", strictly_positive=True,
                  description="cathodic current efficiency"),
        FieldSpec("electrode_area_per_cell", "m^2", strictly_positive=True,
                  description="cathode area of one cell"),
        FieldSpec("quoted_specific_energy", "kWh/t", required=False, strictly_positive=True,
                  description="specific energy the source quotes, for the audit"),
    )),
    # Products, savings and by-products in their own units (m^3, kg, t, kWh), and reagents and consumables, for
    # a plant without a process chain (econ.inputs.products_reader). Each row gives its units: the quantity is per
    # month or per unit of throughput (a yield, a consumption), the price per unit of the product or reagent.
    TableSpec("Products", "products", "name", (
        FieldSpec("quantity", "{unit}/month", unit_column="quantity_unit",
                  description="amount per operating month ({unit}/month) or per unit of throughput ({unit}/{basis})"),
        FieldSpec("price", "{cur}/{unit}", unit_column="price_unit",
                  description="price, or for a saving the cost avoided, per unit of the product"),
    ), text_columns=("kind", "quantity_unit", "price_unit")),
    TableSpec("Reagents", "reagents", "name", (
        FieldSpec("consumption", "{unit}/{basis}", unit_column="consumption_unit",
                  description="consumption per unit of throughput ({unit}/{basis}) or per month ({unit}/month)"),
        FieldSpec("price", "{cur}/{unit}", unit_column="price_unit", description="price per unit of the reagent"),
    ), text_columns=("consumption_unit", "price_unit")),
    # Recurring replacements (membranes, electrodes, anodes) of the full DCF (econ.model.replacements); the text
    # column treatment says whether a replacement is expensed or capitalised
    TableSpec("Replacements", "replacements", "item", (
        FieldSpec("cost", "{cur}", description="cost of one replacement in base-year money"),
        FieldSpec("interval", "year", kind="integer", strictly_positive=True, maximum=100,
                  description="operating years between replacements: at the end of operating years interval, "
                              "2 x interval, ... before the last"),
    ), text_columns=("treatment",)),
    # The components followed through a process chain (econ.inputs.chain); prices per tonne of the component.
    TableSpec("Components", "components", "component", (
        FieldSpec("price", "{cur}/t", required=False, description="price of the component (the metal)"),
        FieldSpec("molar_mass", "g/mol", required=False, strictly_positive=True,
                  description="molar mass, for Faraday's law in StageEnergy"),
    )),
)

# Optional tables whose absence changes what the plant costs: a workbook without them gets a note saying so
ABSENT_TABLE_NOTES = {
    "staffing": "no labour cost is counted",
    "maintenance": "no maintenance cost is counted",
}

# With a process chain (a Streams sheet) these tables may be left out: the chain carries the plant.
OPTIONAL_WITH_CHAIN = ("equipment", "capital")

REFERENCE_COLUMNS = ("id", "figure", "published", "published_high", "unit", "quantity", "comparison", "tolerance", "case", "source",
                     "note", "kind", "materiality")
REFERENCE_KINDS = ("published", "derived", "assumed")  # References!kind: only published figures are evidence
DEFAULT_MATERIALITY = 0.01  # References!materiality when blank: a difference above 1 % of the figure is material
COMPARISONS = ("=", ">", "<", "in")  # "in": within the published range published..published_high
PRODUCT_KINDS = ("product", "saving", "by-product")  # Products!kind; each kind is a line of revenue
# Capital!category (optional text column): the report's capital breakdown groups the items by it
CAPITAL_CATEGORIES = ("direct", "installation", "indirect", "contingency", "other")


# Columns of free text a sheet may carry beside the ones econ reads: sources are shown in the reports, the others
# are for the people who edit the workbook
TEXT_COLUMNS = ("source", "note", "notes", "comment", "comments", "description", "precision")
# (precision: the printed precision of the row's numbers, read by econ.inputs.values with econ.inputs.precision)

# Text columns that may carry a translation in a column X_ru or X_en beside them (econ.inputs.translations): the
# row names of the tables, References' figure, the stage and stream names of Streams, sources and notes
TRANSLATABLE_COLUMNS = tuple(dict.fromkeys((*(spec.name_column for spec in TABLES), "figure", "stage", "stream",
                                            "price_source", *(name for name in TEXT_COLUMNS if name != "precision"))))

# Sheets read by their own readers (econ.inputs.studies_reader, chain_reader, ...), besides the parameter sheets
# and TABLES; Instructions is free text for the people who fill the workbook in
OTHER_SHEETS = ("Instructions", "References", "Alternatives", "BreakEven", "Streams", "Payables", "StageEnergy",
                "Uncertainty", "Correlations", "Finance", "Timeline")

# The optional parameter sheet of the full DCF (econ.inputs.finance_reader); an absent field is not used
FINANCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("inflation", "fraction", kind="fraction", required=False,
              description="general inflation per year; prices are in base-year (year 0) money"),
    *(FieldSpec(f"escalation_{line}", "fraction", kind="fraction", required=False,
                description=f"escalation per year of {line} prices (absent: the general inflation)")
      for line in ("electricity", "labour", "reagents", "maintenance", "products", "replacements")),
    FieldSpec("working_capital_share", "fraction", kind="fraction", required=False,
              description="working capital as a share of each year's revenue"),
    FieldSpec("receivable_days", "day", required=False, maximum=365, description="days of revenue in receivables"),
    FieldSpec("inventory_days", "day", required=False, maximum=365,
              description="days of cash operating costs in inventory"),
    FieldSpec("payable_days", "day", required=False, maximum=365,
              description="days of cash operating costs in payables"),
    FieldSpec("property_tax_rate", "fraction", kind="fraction", required=False,
              description="property tax on the average residual book value of the year"),
    FieldSpec("loss_offset_cap", "fraction", kind="fraction", required=False,
              description="share of a year's positive taxable base that carried losses may offset (0.5 in Russia)"),
    FieldSpec("loan_share", "fraction", kind="fraction", required=False,
              description="share of each construction year's capital spend drawn as a loan"),
    FieldSpec("loan_rate", "fraction", kind="fraction", required=False,
              description="interest per year on the opening balance, paid in cash, tax-deductible"),
    FieldSpec("loan_term", "year", kind="integer", required=False, minimum=1, maximum=100,
              description="number of yearly repayments"),
    FieldSpec("loan_grace", "year", kind="integer", required=False, maximum=100,
              description="operating years before the first repayment (0: repaid from the first operating year)"),
)
FINANCE_TEXT: tuple[TextSpec, ...] = (
    TextSpec("discount_basis", required=False, default="real", choices=("real", "nominal")),
    TextSpec("loan_repayment", required=False, default="equal principal", choices=("equal principal", "annuity")),
    TextSpec("levelized_product", required=False),
)
DEPRECIATION_METHODS = ("straight-line", "declining balance", "sum-of-years-digits", "macrs", "ru nonlinear")
REPLACEMENT_TREATMENTS = ("expensed", "capitalised")


def known_sheets() -> tuple[str, ...]:
    """Every sheet name an input workbook may hold."""
    return (*PARAMETER_SHEETS, *(spec.sheet for spec in TABLES), *OTHER_SHEETS)


def resolve_unit(template: str, currency: str, basis: str) -> str:
    """A field's unit for one workbook: currency and throughput basis filled in."""
    return template.replace("{cur}", currency).replace("{basis}", basis)


def field_sheets() -> dict[str, tuple[str, ...]]:
    """Every field of a parameter sheet (the Finance sheet's too), with the sheets that hold it."""
    sheets = {name: [spec.name for spec in specs] for name, specs in PARAMETER_SHEETS.items()}
    sheets["Project"] += [spec.name for spec in PROJECT_TEXT]
    sheets["Finance"] = [spec.name for spec in (*FINANCE_FIELDS, *FINANCE_TEXT)]
    homes: dict[str, list[str]] = {}
    for sheet, names in sheets.items():
        for name in names:
            homes.setdefault(name, []).append(sheet)
    return {name: tuple(where) for name, where in homes.items()}
