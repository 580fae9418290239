"""Small process-chain workbooks for tests, written with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

STREAM_HEADER = ("stage", "stream", "direction", "from", "to", "mass", "rate", "rate_of", "recovery", "recovery_of",
                 "price", "A", "B")
STREAM_UNITS = (None, None, None, None, None, "kg", "%", None, "%", None, "RUB/t", "kg", "kg")

# Two stages: a feed of 100 kg (10 kg A, 20 kg B) and a 5 kg reagent give a concentrate (next), a slag (waste)
# and a remainder gas; the concentrate is refined into a product (sold) and a residue (returned).
TWO_STAGES = [
    ("Smelting", "Ore", "in", "feed", None, 100, None, None, None, None, 1000, 10, 20),
    ("Smelting", "Flux", "in", "purchased", None, None, 5, "Ore", None, None, 2000, 0, 0),
    ("Smelting", "Concentrate", "out", None, "next", 40, None, None, None, None, None, 9, 12),
    ("Smelting", "Slag", "out", None, "waste", 50, None, None, None, None, None, 0.5, 6),
    ("Smelting", "Gas", "out", None, "waste", "remainder", None, None, None, None, None, None, None),
    ("Refining", "Concentrate", "in", "Smelting/Concentrate", None, None, None, None, None, None, None, None, None),
    ("Refining", "Product", "out", None, "sold", 10, None, None, None, None, None, 8, 1),
    ("Refining", "Residue", "out", None, "returned", 30, None, None, None, None, None, 1, 11),
]


def chain_workbook(path: Path, streams: list[tuple] | None = None, header: tuple = STREAM_HEADER,
                   units: tuple = STREAM_UNITS, payables: list[tuple] | None = None,
                   energy: list[tuple] | None = None, throughput_unit: str = "t/month") -> Path:
    """A chain-only workbook (no Equipment, no Capital) with the given Streams rows."""
    book = Workbook()
    book.remove(book.active)

    def sheet(title: str, rows: list[tuple]) -> None:
        worksheet = book.create_sheet(title)
        for row in rows:
            worksheet.append(list(row))

    parameters = ("field", "description", "value", "unit", "source")
    sheet("Project", [parameters, ("name", "", "Test chain", None, ""), ("currency", "", "RUB", None, ""),
                      ("service_life", "", 10, "year", ""), ("discount_rate", "", 0.1, "fraction", "")])
    sheet("Schedule", [parameters, ("hours_per_day", "", 24, "h/day", ""), ("days_per_month", "", 30, "day/month", ""),
                       ("months_per_year", "", 12, "month/year", "")])
    sheet("Throughput", [parameters, ("throughput", "", 1000, throughput_unit, "")])
    sheet("Tariffs", [parameters, ("electricity_price", "", 5, "RUB/kWh", "")])
    sheet("Components", [("component", "price", "molar_mass"), (None, "RUB/t", "g/mol"),
                         ("A", 100000, 207.2), ("B", 50000, None)])
    sheet("Streams", [header, units, *(TWO_STAGES if streams is None else streams)])
    if payables is not None:
        sheet("Payables", [("stream", "component", "payable"), (None, None, "fraction"), *payables])
    if energy is not None:
        sheet("StageEnergy", [("name", "stage", "basis", "component", "specific_energy", "cell_voltage", "valence",
                               "current_efficiency", "counted"), (None, None, None, None, "kWh/t", "V", "-", "fraction",
                                                                  None), *energy])
    book.save(path)
    return path
