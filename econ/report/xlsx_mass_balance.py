"""The results workbook's Mass balance sheet: a process chain's stage tables, as a paper prints them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from econ.model.figures import MASS_BALANCE
from econ.report.xlsx_styles import set_widths

if TYPE_CHECKING:
    from econ.report.xlsx import _Writer


def plan_mass_balance(writer: _Writer) -> list[tuple[int, int, str, str]]:
    """The stage tables, laid out as a paper's mass-balance tables: (row, column, key or text, kind).

    kind is ``figure`` (a formula), ``text``, ``header`` or ``title``. Columns:
    stream, direction, from/to, mass, then per component mass, content and
    distribution, then yield and stage yield, then per component through
    recovery and feed ratio.
    """
    chain = writer.plant.chain
    components = chain.components
    n = len(components)
    mass_col, first_component = 3, 4
    yield_col = first_component + 3 * n
    recovery_col = yield_col + 2
    defined = set(writer.model.keys())
    cells: list[tuple[int, int, str, str]] = []

    def put(row: int, column: int, key: str) -> None:
        if key in defined:
            cells.append((row, column, key, "figure"))
            writer.cells.put(key, writer.name(MASS_BALANCE), row, column)

    headers = ["Stream", "In/out", "From / to", f"Mass [{chain.mass_unit}]"]
    for component in components:
        headers += [f"{component} [{chain.mass_unit}]", f"{component} content", f"{component} distribution"]
    headers += ["Yield from the chain feed", "Yield from the stage's chain stream"]
    for component in components:
        headers += [f"{component} through recovery", f"{component} per unit in the chain feed"]
    row = 2
    for stage in chain.stages:
        cells.append((row, 0, f"{stage.index + 1}. {stage.name}", "title"))
        cells.append((row, 2, "Batch scale to the chain feed", "text"))
        put(row, mass_col, f"stage.{stage.index}.scale")
        row += 1
        for column, text in enumerate(headers):
            cells.append((row, column, text, "header"))
        row += 1
        for direction, streams in (("in", chain.loaded(stage.index)), ("out", chain.obtained(stage.index))):
            for stream in streams:
                cells.append((row, 0, stream.name, "text"))
                cells.append((row, 1, direction, "text"))
                where = stream.destination if direction == "out" else (
                    chain.qualified_name(stream.origin) if isinstance(stream.origin, int) else stream.origin)
                cells.append((row, 2, where, "text"))
                put(row, mass_col, f"balance.{stream.index}.mass")
                for j in range(n):
                    for offset, name in enumerate(("mass", "content", "distribution")):
                        put(row, first_component + 3 * j + offset, f"balance.{stream.index}.{j}.{name}")
                    put(row, recovery_col + 2 * j, f"balance.{stream.index}.{j}.recovery")
                    put(row, recovery_col + 2 * j + 1, f"balance.{stream.index}.{j}.feed_ratio")
                put(row, yield_col, f"balance.{stream.index}.yield")
                put(row, yield_col + 1, f"balance.{stream.index}.stage_yield")
                row += 1
            total = "Loaded" if direction == "in" else "Obtained"
            cells.append((row, 0, total, "total"))
            put(row, mass_col, f"stage.{stage.index}.mass_{'loaded' if direction == 'in' else 'obtained'}")
            for j in range(n):
                put(row, first_component + 3 * j, f"stage.{stage.index}.{j}.{total.lower()}")
                if direction == "in":
                    put(row, recovery_col + 2 * j, f"stage.{stage.index}.{j}.carried_in")
            row += 1
        for text, mass_key, key in (("Imbalance (obtained - loaded)", "mass_imbalance", "imbalance"),
                                    ("Relative imbalance", "mass_relative_imbalance", "relative_imbalance")):
            cells.append((row, 0, text, "total"))
            put(row, mass_col, f"stage.{stage.index}.{mass_key}")
            for j in range(n):
                put(row, first_component + 3 * j, f"stage.{stage.index}.{j}.{key}")
            row += 1
        row += 1
    placed = {key for _, _, key, kind in cells if kind == "figure"}
    for figure in writer.model.on_sheet(MASS_BALANCE):
        if figure.key not in placed:  # every figure of the sheet gets a cell, listed below the tables
            cells.append((row, 0, figure.label, "text"))
            put(row, mass_col, figure.key)
            row += 1
    writer.mass_balance_widths = (26, 7, 30) + (12,) * (len(headers) - 3)
    return cells

def write_mass_balance(writer: _Writer, cells: list[tuple[int, int, str, str]]) -> None:
    sheet = writer.sheets[MASS_BALANCE]
    sheet.write_string(0, 0, "Mass balance of each stage: every number a formula over the Inputs sheet "
                             "(masses in the batch unit of the Streams sheet)", writer.title)
    for row, column, item, kind in cells:
        if kind == "figure":
            figure = writer.model.get(item)
            writer.write_expr(MASS_BALANCE, row, column, figure.expr, writer.results.scalar(item), figure.style)
        elif kind == "header":
            sheet.write_string(row, column, item, writer.header)
        elif kind == "title":
            sheet.write_string(row, column, item, writer.section)
        else:
            sheet.write_string(row, column, item, writer.bold if kind == "total" else None)
    set_widths(sheet, writer.mass_balance_widths)
