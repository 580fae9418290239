"""The texts of econ new's template that the schema does not hold: what the project texts, the columns of the
chain and check sheets, and each sheet are for (econ/inputs/template.py places them)."""

from __future__ import annotations

# Project texts have no description in the schema (TextSpec carries none); name_xx and description_xx are
# described from their base text.
TEXT_DESCRIPTIONS = {
    "name": "project name, shown on the report",
    "description": "a paragraph describing the scheme, for the report",
    "currency": "currency code of all money in this workbook (RUB, USD, EUR); every money unit uses it",
    "language": "language of the PDF report: ru or en",
    "base_case": "name of the base case when the workbook has alternatives (blank: 'Base case')",
}

CHAIN_DESCRIPTIONS = {
    "stage": "the stage the stream belongs to",
    "stream": "the stream's name, once per stage and direction",
    "direction": "in (loaded into the stage) or out (obtained from it)",
    "from": "for an 'in' stream: feed, purchased, external, or Stage/stream of an earlier stage",
    "to": "for an 'out' stream: next, sold, returned or waste",
    "mass": "the stream's mass in the batch (or 'remainder' for one product)",
    "rate": "a loaded stream as a share of another loaded stream of the stage",
    "rate_of": "the loaded stream the rate is a share of",
    "recovery": "share of a component the stage loads that goes to this product",
    "recovery_of": "the component of the recovery (blank: the first)",
    "price": "price per tonne of a purchased stream or of the feed",
    "price_source": "the source of the price, when it differs from the row's",
    "source": "where the row's figures come from: a table or page, or 'assumption: <reason>'",
    "note": "free text, not read",
    "component": "a component of the Components sheet",
    "payable": "the share of the component's price paid for it in the stream",
    "name": "what the row is",
    "basis": "the stream of the stage the energy is counted on",
    "specific_energy": "a quoted specific energy per tonne of the basis (or of the component in it)",
    "cell_voltage": "instead of specific_energy: the cell voltage, for Faraday's law",
    "valence": "electrons per deposited atom, for Faraday's law",
    "current_efficiency": "cathodic current efficiency, for Faraday's law",
    "counted": "yes: added to the plant's electricity; no: shown for comparison",
}
REFERENCE_DESCRIPTIONS = {
    "id": "short identifier of the published figure, e.g. T3-total",
    "figure": "what the figure is",
    "published": "the number as published (the low end of a range)",
    "published_high": "the high end of a published range (comparison 'in' only)",
    "unit": "the unit as published",
    "quantity": "the model quantity it is compared with (econ check --list-quantities)",
    "comparison": "= within tolerance, > or < a claim, in within the range",
    "tolerance": "allowed absolute deviation in the published unit",
    "case": "the alternative the figure belongs to (blank: the base case)",
    "source": "page, table or sentence of the source document",
    "note": "why the tolerance is what it is",
}

SHEET_PURPOSES = {
    "Project": "name, currency, language, service life, discount and income tax rates",
    "Schedule": "operating hours per day, days per month, months per year",
    "Throughput": "feed treated per operating month (its unit sets the basis: m^3 or t)",
    "Tariffs": "electricity and water prices",
    "Equipment": "one row per item of equipment: quantity and power (required sheet)",
    "Staffing": "one row per role: headcount and wage",
    "Capital": "one row per capital item: cost, depreciation life, salvage value (required sheet)",
    "Maintenance": "one row per maintenance cost per year",
    "ByProducts": "recovered products: concentration in the feed, recovery, price per kg",
    "Losses": "lost streams and the price of replacing them",
    "Products": "products sold and savings (water not bought), each in its own unit (m^3, kg, kWh) and price",
    "Reagents": "reagents and consumables: consumption per unit of throughput or per month, and price",
    "Electrolysis": "a metal deposited by electrolysis (Faraday's law); delete the sheet if none",
    "Components": "the components followed through the process chain",
    "Streams": "the process chain: one row per stream of a stage",
    "Payables": "what a sold or returned stream is paid for",
    "StageEnergy": "process energy of a stage per tonne",
    "Alternatives": "options compared with the base case: one column each, one row per changed input",
    "References": "figures a source document published, recomputed by econ check",
    "BreakEven": "break-even questions answered in the report",
}
