"""Read the inputs of the full discounted cash flow (issue 14): the Finance and Timeline sheets, the Replacements
table's treatment column and the Capital table's depreciation_method column.

Every feature is optional. A workbook with none of them gets ``Plant.finance = None`` and evaluates exactly as
before (econ.model.cashflow). The numbers read here are ordinary inputs in ``Plant.parameters`` (``inflation``,
``loan_rate``, ``timeline.1.capital_share``, ``replacements.0.cost``), so alternatives, break-even and uncertainty
studies may vary them.

The Timeline sheet is a table by year of the cash-flow table: header ``year | capital_share | throughput_share``
(and a ``source``), a units row, then one row per year. The years with a capital share are the construction
period, 0, 1, ...; their shares sum to 100 %. Operation starts the year after; a throughput share (the ramp-up)
belongs to an operating year, and operating years without one run at 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ.inputs import schema
from econ.inputs.plant import Row

if TYPE_CHECKING:
    from econ.inputs.reader import _Reader

FINANCE, TIMELINE = "Finance", "Timeline"
_SHARE = schema.FieldSpec("capital_share", "fraction", kind="fraction", required=False,
                          description="share of the capital spent in a construction year")
_RAMP = schema.FieldSpec("throughput_share", "fraction", kind="fraction", required=False,
                         description="share of the full throughput in an operating year (ramp-up)")
_YEAR = schema.FieldSpec("year", "dimensionless", kind="integer", maximum=200, description="year of the table")
TIMELINE_FIELDS = (_YEAR, _SHARE, _RAMP)
_METHOD_SPELLINGS = {
    "straight-line": "straight-line", "straight line": "straight-line", "sl": "straight-line",
    "declining balance": "declining balance", "declining-balance": "declining balance", "db": "declining balance",
    "sum-of-years-digits": "sum-of-years-digits", "sum of years digits": "sum-of-years-digits",
    "syd": "sum-of-years-digits", "macrs": "macrs", "ru nonlinear": "ru nonlinear", "ru-nonlinear": "ru nonlinear",
    "nonlinear": "ru nonlinear",
}
_TREATMENT_SPELLINGS = {"expensed": "expensed", "expense": "expensed", "capitalised": "capitalised",
                        "capitalized": "capitalised", "capitalise": "capitalised", "capitalize": "capitalised"}
MACRS_PERIODS = (3, 5, 7, 10, 15, 20)


@dataclass(frozen=True)
class Finance:
    """The structure of the full DCF; its numbers are inputs of ``Plant.parameters``.

    ``construction_years`` is the number of years 0..C-1 in which the capital is spent (1: all in year 0, as
    without a Timeline). ``capital_share_keys`` holds the input key of each construction year's share (empty
    when C is 1). ``ramp_keys`` maps an operating year (1 = the first) to its throughput-share input.
    ``depreciation`` maps a Capital row index to its method; ``treatment`` a Replacements row index to
    ``expensed`` or ``capitalised``. ``levelized_product`` is the index of the Products row whose price is
    solved for, or None.
    """

    construction_years: int = 1
    capital_share_keys: tuple[str, ...] = ()
    ramp_keys: dict[int, str] = field(default_factory=dict)
    discount_basis: str = "real"
    loan_repayment: str = "equal principal"
    depreciation: dict[int, str] = field(default_factory=dict)
    treatment: dict[int, str] = field(default_factory=dict)
    levelized_product: int | None = None
    levelized_product_name: str = ""

    def method(self, index: int) -> str:
        return self.depreciation.get(index, "straight-line")


def read_finance(reader: _Reader, tables: dict[str, list[Row]]) -> Finance | None:
    """The full-DCF structure, or None when the workbook uses none of its sheets and columns."""
    book = reader.book
    capital_sheet = book.sheet("Capital")
    method_column = reader.header(capital_sheet).get("depreciation_method") if capital_sheet else None
    wanted = [book.sheet(FINANCE), book.sheet(TIMELINE), book.sheet("Replacements"), method_column]
    if not any(wanted):
        return None
    text = {spec.name: spec.default for spec in schema.FINANCE_TEXT}
    if book.sheet(FINANCE):
        known = tuple(spec.name for spec in (*schema.FINANCE_FIELDS, *schema.FINANCE_TEXT))
        with reader.problems.recording():
            sheet, rows, columns = reader.parameter_rows(FINANCE, known)
            for spec in schema.FINANCE_FIELDS:
                with reader.problems.recording():
                    reader.read_parameter(sheet, rows, columns, spec)
            for spec in schema.FINANCE_TEXT:
                with reader.problems.recording():
                    text[spec.name] = reader.read_text(sheet, rows, columns, spec)
    if "loan_share" in reader.parameters:
        missing = [name for name in ("loan_rate", "loan_term") if name not in reader.parameters]
        if missing:
            sheet, rows, columns = reader.parameter_rows(FINANCE)
            reader.problems.add(reader.error("a loan needs its rate and term", sheet,
                                             f"{columns['value']}{rows['loan_share']}", "loan_share",
                                             expected="rows loan_rate and loan_term on the Finance sheet",
                                             found=f"no {' and no '.join(missing)}"))
    construction, shares, ramps = 1, (), {}
    if book.sheet(TIMELINE):
        with reader.problems.recording():
            construction, shares, ramps = _read_timeline(reader)
    depreciation = _read_methods(reader, tables, capital_sheet, method_column) if method_column else {}
    treatment = _read_treatments(reader, tables)
    product, product_name = None, ""
    if text["levelized_product"]:
        with reader.problems.recording():
            product, product_name = _levelized_product(reader, tables, text["levelized_product"])
    return Finance(construction, shares, ramps, text["discount_basis"], text["loan_repayment"], depreciation,
                   treatment, product, product_name)


def _read_timeline(reader: _Reader) -> tuple[int, tuple[str, ...], dict[int, str]]:
    book = reader.book
    sheet = book.sheet(TIMELINE)
    columns = reader.header(sheet)
    reader.check_columns(sheet, columns, tuple(spec.name for spec in TIMELINE_FIELDS))
    year_column = reader.column(sheet, columns, "year")
    reader.text_columns(sheet, columns, 3)
    share_years: dict[int, tuple[str, str]] = {}  # year -> (key, address)
    ramp_years: dict[int, tuple[str, str]] = {}
    seen: dict[int, int] = {}
    for row in range(3, book.last_row(sheet) + 1):
        cells = [f"{columns[name]}{row}" for name in ("year", "capital_share", "throughput_share") if name in columns]
        if all(book.cell(sheet, address) is None for address in cells):
            continue
        source = book.text(sheet, f"{columns['source']}{row}") if "source" in columns else ""
        year_parameter = reader.number(sheet, f"{year_column}{row}", _YEAR, "", "year", "timeline.year", source)
        year = int(year_parameter.value) if year_parameter is not None else -1
        if year in seen:
            raise reader.error(f"year {year} is also on row {seen[year]}", sheet, f"{year_column}{row}", "year",
                               expected="each year on one row", found=f"rows {seen[year]} and {row}")
        seen[year] = row
        for spec, found in ((_SHARE, share_years), (_RAMP, ramp_years)):
            if spec.name not in columns:
                continue
            key = f"timeline.{year}.{spec.name}"
            address = f"{columns[spec.name]}{row}"
            parameter = reader.number(sheet, address, spec, book.text(sheet, f"{columns[spec.name]}2"),
                                      f"year {year}: {spec.name.replace('_', ' ')}", key, source,
                                      f"{columns[spec.name]}2")
            if parameter is not None:
                reader.parameters[key] = parameter
                found[year] = (key, address)
    construction = len(share_years)
    if share_years:
        if sorted(share_years) != list(range(construction)):
            first = share_years[min(share_years)][1]
            raise reader.error("", sheet, first, "capital_share",
                               expected="capital shares in the construction years 0, 1, ... without a gap",
                               found=f"years {', '.join(str(year) for year in sorted(share_years))}")
        total = sum(reader.parameters[key].value for key, _ in share_years.values())
        if abs(total - 1.0) > 1e-9:
            addresses = [address for _, address in share_years.values()]
            where = f"{addresses[0]}:{addresses[-1]}" if len(addresses) > 1 else addresses[0]
            raise reader.error("", sheet, where, "capital_share", expected="construction shares summing to 100 %",
                               found=f"{total * 100:g} %")
    else:
        construction = 1
    ramps: dict[int, str] = {}
    for year, (key, address) in sorted(ramp_years.items()):
        if year < construction:
            raise reader.error("", sheet, address, "throughput_share",
                               expected=f"a throughput share in an operating year (year {construction} or later)",
                               found=f"year {year}, a construction year")
        ramps[year - construction + 1] = key
    return construction, tuple(share_years[year][0] for year in range(len(share_years))), ramps


def _read_methods(reader: _Reader, tables: dict[str, list[Row]], sheet: str, column: str) -> dict[int, str]:
    methods: dict[int, str] = {}
    for row in tables.get("capital", []):
        number = int(row.location.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        address = f"{column}{number}"
        text = " ".join(reader.book.text(sheet, address).lower().split())
        if not text:
            continue
        method = _METHOD_SPELLINGS.get(text)
        if method is None:
            reader.problems.add(reader.error("", sheet, address, "depreciation_method",
                                             expected=" or ".join(schema.DEPRECIATION_METHODS), found=text))
            continue
        group_column = reader.header(sheet).get("depreciation_group")
        group_given = group_column is not None and reader.book.cell(sheet, f"{group_column}{number}") is not None
        if method == "ru nonlinear" and not row.has("depreciation_group") and not group_given:
            reader.problems.add(reader.error("the Russian nonlinear method needs a depreciation group", sheet,
                                             address, "depreciation_group", expected="a group from 1 to 10",
                                             found="no depreciation_group"))
            continue
        if method == "macrs" and row.has("useful_life") and row.fields["useful_life"].value not in MACRS_PERIODS:
            reader.problems.add(reader.error(
                "MACRS needs a recovery period of the IRS Publication 946 tables", sheet,
                row.fields["useful_life"].location.cell, "useful_life",
                expected=" or ".join(f"{period:g}" for period in MACRS_PERIODS),
                found=row.fields["useful_life"].value))
            continue
        methods[row.index] = method
    return methods


def _read_treatments(reader: _Reader, tables: dict[str, list[Row]]) -> dict[int, str]:
    sheet = reader.book.sheet("Replacements")
    if sheet is None:
        return {}
    column = reader.header(sheet).get("treatment")
    treatments: dict[int, str] = {}
    for row in tables.get("replacements", []):
        number = int(row.location.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        text = " ".join(reader.book.text(sheet, f"{column}{number}").lower().split()) if column else ""
        treatment = _TREATMENT_SPELLINGS.get(text or "expensed")
        if treatment is None:
            reader.problems.add(reader.error("", sheet, f"{column}{number}", "treatment",
                                             expected=" or ".join(schema.REPLACEMENT_TREATMENTS), found=text))
            continue
        treatments[row.index] = treatment
    return treatments


def _levelized_product(reader: _Reader, tables: dict[str, list[Row]], name: str) -> tuple[int, str]:
    rows = tables.get("products", [])
    for row in rows:
        if row.name.strip().lower() == name.strip().lower():
            return row.index, row.name
    sheet, found_rows, columns = reader.parameter_rows(FINANCE)
    raise reader.error("", sheet, f"{columns['value']}{found_rows['levelized_product']}", "levelized_product",
                       expected="the name of a row of the Products sheet"
                                + (f" ({', '.join(row.name for row in rows)})" if rows else ""),
                       found=name)
