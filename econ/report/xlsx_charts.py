"""Native Excel charts of the results workbook (XlsxWriter chart objects over the workbook's own cells).

Each chart reads the cells the figures are written in, so it follows the
formulas when an input is changed in Excel or LibreOffice:

- the net cash flow per year (columns), below the Cash flow table;
- the cumulative cash flow, undiscounted and discounted (lines), below it;
- the OPEX per month by component (bars), below the OPEX tables;
- for a process chain, each component's share of the feed carried into every
  stage and sold (columns), from a small table of links on the Process chain sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlsxwriter.utility import xl_rowcol_to_cell

from econ.model.cashflow import CUMULATIVE, CUMULATIVE_DISCOUNTED, NET_CASH_FLOW
from econ.model.figures import CASH_FLOW, OPEX, PROCESS_CHAIN
from econ.model.opex import OPEX_TABLE
from econ.report.xlsx_names import absolute
from econ.report.xlsx_texts import text

if TYPE_CHECKING:
    from econ.report.xlsx import _Writer

_SIZE = {"x_scale": 1.1, "y_scale": 1.25}  # about 530 by 360 pixels: a page wide when printed
_ROWS_PER_CHART = 20  # a chart of _SIZE spans about 19 rows of the default height: the next one starts below
_NOT_PARTS = {"opex_per_month", "specific_cost", "cash_opex_per_month"}


def _range(sheet: str, first: str, last: str) -> str:
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"={quoted}!{absolute(first)}:{absolute(last)}"


def _cell(sheet: str, address: str) -> str:
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"={quoted}!{absolute(address)}"


def add_charts(writer: _Writer, lang: str) -> int:
    """Add the charts of one case's sheets; returns how many were added."""
    added = _cash_flow_charts(writer, lang)
    added += _opex_chart(writer, lang)
    if writer.plant.chain is not None:
        added += _recovery_chart(writer, lang)
    return added


def _yearly_range(writer: _Writer, key: str) -> str:
    years = writer.model.years
    sheet, first = writer.cells.locate(key, 0)
    _, last = writer.cells.locate(key, years)
    return _range(sheet, first, last)


def _cash_flow_charts(writer: _Writer, lang: str) -> int:
    book, sheet = writer.book, writer.sheets[CASH_FLOW]
    cur = writer.plant.currency
    years = _yearly_range(writer, "cf.year")
    row = (sheet.dim_rowmax or 0) + 2
    net = book.add_chart({"type": "column"})
    net.add_series({"name": text("chart.net_cash_flow", lang), "categories": years,
                    "values": _yearly_range(writer, NET_CASH_FLOW), "fill": {"color": "#4472C4"},
                    "invert_if_negative": False})
    net.set_title({"name": text("chart.net_cash_flow", lang)})
    _axes(net, text("chart.year", lang), text("chart.million", lang, cur=cur))
    sheet.insert_chart(row, 0, net, _SIZE)
    cumulative = book.add_chart({"type": "line"})
    for key, label, color in ((CUMULATIVE, "chart.cumulative", "#4472C4"),
                              (CUMULATIVE_DISCOUNTED, "chart.cumulative_discounted", "#ED7D31")):
        cumulative.add_series({"name": text(label, lang), "categories": years, "values": _yearly_range(writer, key),
                               "line": {"color": color, "width": 2.25}, "marker": {"type": "circle", "size": 5}})
    cumulative.set_title({"name": text("chart.cumulative_title", lang)})
    _axes(cumulative, text("chart.year", lang), text("chart.million", lang, cur=cur))
    cumulative.set_legend({"position": "bottom"})
    sheet.insert_chart(row + _ROWS_PER_CHART, 0, cumulative, _SIZE)
    return 2


def _opex_chart(writer: _Writer, lang: str) -> int:
    parts = [figure for figure in writer.model.on_sheet(OPEX)
             if getattr(figure, "section", "") == OPEX_TABLE and figure.key not in _NOT_PARTS]
    if not parts:
        return 0
    places = [writer.cells.locate(figure.key) for figure in parts]
    sheet_name = places[0][0]
    rows = sorted(int("".join(ch for ch in address if ch.isdigit())) for _, address in places)
    if rows != list(range(rows[0], rows[0] + len(rows))):  # the chart needs one run of rows
        return 0
    first, last = f"B{rows[0]}", f"B{rows[-1]}"
    chart = writer.book.add_chart({"type": "bar"})
    chart.add_series({"name": text("chart.opex", lang), "categories": _range(sheet_name, f"A{rows[0]}", f"A{rows[-1]}"),
                      "values": _range(sheet_name, first, last), "fill": {"color": "#4472C4"},
                      "data_labels": {"value": True, "num_format": "#,##0"}})
    chart.set_title({"name": text("chart.opex", lang)})
    chart.set_legend({"none": True})
    chart.set_x_axis({"name": text("chart.money", lang, cur=f"{writer.plant.currency}/month"),
                      "num_format": "#,##0", "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True})
    sheet = writer.sheets[OPEX]
    sheet.insert_chart((sheet.dim_rowmax or 0) + 2, 0, chart, _SIZE)  # below the tables: printed on their pages
    return 1


def _recovery_chart(writer: _Writer, lang: str) -> int:
    """A table of links (stage, share of each component's feed carried in) and its column chart."""
    chain = writer.plant.chain
    defined = set(writer.model.keys())
    sheet = writer.sheets[PROCESS_CHAIN]
    column = 6
    sheet.write_string(0, column, text("chart.recovery_table", lang), writer.section)
    sheet.write_string(1, column, text("chart.stage", lang), writer.header)
    rows = [(stage.name, [f"stage.{stage.index}.{j}.carried_in" for j in range(len(chain.components))])
            for stage in chain.stages]
    rows.append((text("chart.sold", lang), [f"chain.{j}.recovery_sold" for j in range(len(chain.components))]))
    for j, component in enumerate(chain.components):
        sheet.write_string(1, column + 1 + j, component, writer.header)
    for offset, (label, keys) in enumerate(rows, start=2):
        sheet.write_string(offset, column, label)
        for j, key in enumerate(keys):
            if key in defined:
                writer.echo(PROCESS_CHAIN, offset, column + 1 + j, key, "fraction")
    last_row = 1 + len(rows)
    chart = writer.book.add_chart({"type": "column"})
    name = writer.name(PROCESS_CHAIN)
    categories = _range(name, xl_rowcol_to_cell(2, column), xl_rowcol_to_cell(last_row, column))
    for j in range(len(chain.components)):
        chart.add_series({"name": _cell(name, xl_rowcol_to_cell(1, column + 1 + j)), "categories": categories,
                          "values": _range(name, xl_rowcol_to_cell(2, column + 1 + j),
                                           xl_rowcol_to_cell(last_row, column + 1 + j))})
    chart.set_title({"name": text("chart.recovery", lang)})
    chart.set_y_axis({"name": text("chart.share", lang), "num_format": "0 %", "min": 0,
                      "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    sheet.insert_chart(max(sheet.dim_rowmax or 0, last_row) + 2, 0, chart, _SIZE)
    return 1


def _axes(chart: object, x_name: str, y_name: str) -> None:
    chart.set_x_axis({"name": x_name, "label_position": "low"})  # type: ignore[attr-defined]
    # "#,##0,," shows millions (Excel's and LibreOffice's scaling commas; display_units LibreOffice ignores)
    chart.set_y_axis({"name": y_name, "num_format": "#,##0,,", "major_gridlines": {"visible": True}})  # type: ignore[attr-defined]
    chart.set_legend({"none": True})  # type: ignore[attr-defined]
