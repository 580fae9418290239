"""The report's "Capital cost" section: the capital breakdown and, with alternatives, the capital difference.

The breakdown lists the Capital sheet's items with each one's share of the total
(``capital_total``, econ.model.capital). Where the sheet gives an item a
``category`` (direct, installation, indirect, contingency or other; the
optional text column Capital!category), the items are grouped under their
category with its subtotal and share; an item without one is shown under its
own name, and a sheet without any says so in a note. With alternatives, a second table gives each
case's cost per item and each alternative's difference from the base case: the
items are the same rows in every case (an alternative overrides their costs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from econ import i18n
from econ.inputs import schema
from econ.report.document_tables import Table, _Formatter

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


@dataclass
class CapitalSection:
    """The section's tables, formatted; ``difference`` only with alternatives."""

    breakdown: Table
    difference: Table | None = None


def build_capital_section(evaluation: Evaluation, fmt: _Formatter, lang: str) -> CapitalSection | None:
    """The capital breakdown of ``evaluation`` in ``lang``; None when the plant has no Capital rows."""
    plant, results = evaluation.plant, evaluation.results
    rows = plant.rows("capital")
    if not rows:
        return None
    cur = fmt.unit(plant.currency)
    total = results.scalar("capital_total")
    headers = [i18n.text("report.col.item", lang), i18n.text("report.col.cost", lang, cur=cur),
               i18n.text("report.col.share_of_total", lang)]
    table = Table("capital", i18n.text("report.capital_caption", lang), headers, ["l", "r", "r"], [60, 24, 16],
                  whole=len(rows) <= 12)

    def share(amount: float) -> str:
        return fmt.percent(amount / total, 1) if total else "—"

    categories = {row.index: row.category for row in rows}
    for category in (*schema.CAPITAL_CATEGORIES, ""):  # the categories in their order, then the items with none
        members = [row for row in rows if categories[row.index] == category]
        if not members:
            continue
        name = i18n.text(f"capital.category.{category}", lang) if category else ""
        if category:
            table.add([name, "", ""], "section")
        for row in members:
            cost = results.scalar(row.key("cost"))
            table.add([row.name, fmt.number(cost, 0), share(cost)])
        if category:
            subtotal = sum(results.scalar(row.key("cost")) for row in members)
            table.add([i18n.text("report.capital.subtotal", lang, category=name), fmt.number(subtotal, 0),
                       share(subtotal)], "subtotal")
    table.add([i18n.figure_label("capital_total", lang), fmt.number(total, 0), share(total)], "total")
    if not any(categories.values()):
        table.note = i18n.text("report.capital.uncategorised", lang)
    return CapitalSection(table, _difference_table(evaluation, fmt, lang))


def _difference_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table | None:
    """Each case's cost per Capital item and each alternative's difference from the base case."""
    cases = evaluation.cases
    if len(cases) < 2:
        return None
    base = cases[0]
    cur = fmt.unit(evaluation.plant.currency)
    headers = [i18n.text("report.col.item", lang), base.name]
    for case in cases[1:]:
        headers += [case.name, i18n.text("report.col.difference", lang)]
    columns = len(headers) - 1
    table = Table("capital_difference", i18n.text("report.capital.difference_caption", lang, cur=cur), headers,
                  ["l"] + ["r"] * columns, [28.0] + [72.0 / columns] * columns,
                  note=i18n.text("report.capital.difference_note", lang, base=base.name))
    keys = [row.key("cost") for row in evaluation.plant.rows("capital")] + ["capital_total"]
    names = [row.name for row in evaluation.plant.rows("capital")] + [i18n.figure_label("capital_total", lang)]
    for key, name in zip(keys, names):
        cells = [name, fmt.number(base.scalar(key), 0)]
        for case in cases[1:]:
            difference = case.scalar(key) - base.scalar(key)
            cells += [fmt.number(case.scalar(key), 0), _signed(difference, fmt)]
        table.add(cells, "total" if key == "capital_total" else "")
    return table


def _signed(amount: float, fmt: _Formatter) -> str:
    """A difference with its sign: "+253,150,359", "−12,000", "0"."""
    text = fmt.number(amount, 0)
    return f"+{text}" if round(amount) > 0 else text
