"""The feasibility report's content, built in one place: tables and texts, already formatted.

Every number comes from the same :class:`~econ.api.Evaluation` the results
workbook is written from, formatted for the report's language (``381 968`` and
``38,20`` in Russian, ``381,968`` and ``38.20`` in English). Templates receive
these strings and do no arithmetic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ import __version__, i18n
from econ.checks.audits import byproducts_kind
from econ.checks.verdict import INVALIDATES, QUALIFIES, Verdict, verdict_of
from econ.inputs.translations import report_note
from econ.model.figures import Figure
from econ.numbers import decimal_mark
from econ.report import dcf_tables
from econ.report.alternatives_tables import (_alternatives_table, _break_even_table, _incremental_table,
                                             _overrides_table, break_even_base, break_even_target)
from econ.report.checks_section import _checks_table
from econ.report.document_tables import (Table, _amount, _Formatter, _input_value, _parameter_label, _row_name,
                                         _sentence, _shown_unit, figure_label, full_stop, metric_text, readable)
from econ.report.inputs_section import _appendix_table, _items_table, _parameters_table, assumptions_list
from econ.report.timestamp import report_time

# re-exported: the names other modules import from here
__all__ = ["Document", "Table", "build_document", "metric_text", "break_even_target", "break_even_base",
           "_amount", "_Formatter", "_input_value", "_parameter_label", "_row_name", "_sentence", "_shown_unit",
           "full_stop"]

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


@dataclass
class Document:
    """Everything the report template shows."""

    lang: str
    texts: dict[str, str]
    title_fields: list[tuple[str, str]]
    project: str
    description: str
    key_figures: list[tuple[str, str]]
    verdict: str  # the verdict's headline (econ.checks.verdict), then what each alternative does to the NPV
    tables: dict[str, Table]
    audits: list[tuple[str, str, str]]  # (status class, title, finding)
    conventions: list[str]
    assumptions: list[tuple[str, str, str]]  # (parameter, value, source)
    charts: dict[str, str] = field(default_factory=dict)  # chart id -> inline SVG
    chain_tables: list[Table] = field(default_factory=list)  # the process chain's tables, in order
    cash_flow_tables: list[Table] = field(default_factory=list)  # the annual cash flow, by runs of years
    verdict_status: str = ""  # "established", "qualified" or "not-established" (a CSS class)
    verdict_lead: str = ""  # "What would be needed:" or "Qualified by:", before the reasons
    verdict_reasons: list[tuple[str, str]] = field(default_factory=list)  # (weight, sentence) per reason
    risk: object = None  # econ.report.risk_section.RiskSection when the evaluation carries a risk analysis
    conclusions: object = None  # econ.report.conclusions.Conclusions
    key_notes: list[str] = field(default_factory=list)  # why a key figure is "undefined" or "not reached"
    checks_summary: object = None  # econ.report.checks_section.ChecksSummary
    capital: object = None  # econ.report.capital_section.CapitalSection
    toc: list[tuple[str, str]] = field(default_factory=list)  # (section id, heading) of the sections shown


_TEXT_IDS = (
    "report.title", "report.toc", "report.page", "report.of", "report.summary", "report.scheme", "report.inputs",
    "report.energy", "report.opex", "report.revenue", "report.cashflow", "report.metrics", "report.checks",
    "report.audits", "report.assumptions", "report.appendix", "report.key_figures", "report.no_description",
    "report.no_references", "report.no_audits", "report.chart_costs", "report.chart_cash_flow",
    "report.assumption_inputs", "report.conventions", "report.alternatives", "report.overrides",
    "report.break_even", "report.chain", "report.chain_intro", "report.risk", "report.conclusions",
    "report.capital", "report.appendix_checks",
)
# the sections in their order, for the table of contents; each is left out when the document has none of it
_SECTIONS = ("summary", "scheme", "inputs", "energy", "capital", "opex", "revenue", "chain", "cashflow", "metrics",
             "alternatives", "break_even", "risk", "checks", "assumptions", "conclusions", "appendix_checks",
             "appendix")


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


def build_document(evaluation: Evaluation, lang: str) -> Document:
    """The report content of ``evaluation`` in ``lang`` ("en" or "ru"), charts not yet drawn."""
    plant = evaluation.plant
    fmt = _Formatter(lang, plant.currency)
    texts = {text_id.split(".", 1)[1]: _text(text_id, lang) for text_id in _TEXT_IDS}
    texts["untranslated"] = report_note(plant, lang)  # the workbook's texts without a translation: one note
    title_fields = [
        (_text("report.field.project", lang), plant.text("name", lang)),
        (_text("report.field.date", lang), report_time().date().isoformat()),
        (_text("report.field.currency", lang), fmt.unit(plant.currency)),
        (_text("report.field.base_year", lang), str(plant.base_year) if plant.base_year else "—"),
        (_text("report.field.version", lang), f"econ {__version__}"),
        (_text("report.field.input", lang), plant.file_name),
        (_text("report.field.sha256", lang), plant.sha256),
    ]
    metric_texts = {key: _metric_text(evaluation, key, fmt) for key in
                    ("irr", "payback", "discounted_payback", "profitability_index")}
    verdict = verdict_of(evaluation)
    key_figures, key_notes = _key_figures(evaluation, verdict.shows_npv, fmt, lang, metric_texts)
    tables, chain = _tables(evaluation, fmt, lang, metric_texts)
    audits = [("warning" if audit.status != "ok" else "ok", readable(audit.title(lang), evaluation, lang),
               _sentence(readable(audit.message(lang), evaluation, lang))) for audit in evaluation.audits]
    conventions = [_text(f"convention.{name}", lang) for name in dcf_tables.conventions(plant)]
    assumptions = assumptions_list(evaluation, fmt, lang)
    from econ.report.conclusions import build_conclusions
    from econ.report.risk_section import build_risk_section

    from econ.report.capital_section import build_capital_section
    from econ.report.checks_section import checks_summary

    document = Document(
        key_notes=key_notes, checks_summary=checks_summary(evaluation, tables["checks"], fmt, lang),
        capital=build_capital_section(evaluation, fmt, lang),
        risk=build_risk_section(evaluation, fmt, lang),
        conclusions=build_conclusions(evaluation, verdict, fmt, lang, metric_texts),
        lang=lang, texts=texts, title_fields=title_fields, project=plant.text("name", lang),
        description=plant.text("description", lang), key_figures=key_figures,
        verdict=_verdict(evaluation, verdict, fmt, lang, metric_texts), tables=tables, audits=audits,
        conventions=conventions, assumptions=assumptions, chain_tables=chain,
        cash_flow_tables=_cash_flow_tables(evaluation, fmt, lang),
        verdict_status=verdict.status.replace(" ", "-"), verdict_reasons=[(weight, readable(reason, evaluation, lang)) for weight, reason in verdict.reason_texts(lang)],
        verdict_lead=_text("verdict.needed" if verdict.of_weight(INVALIDATES) else "verdict.qualified_by", lang)
        if verdict.of_weight(INVALIDATES) or verdict.of_weight(QUALIFIES) else "",
    )
    present = {"capital": document.capital is not None, "chain": bool(document.chain_tables),
               "alternatives": "alternatives" in tables, "break_even": "break_even" in tables,
               "risk": document.risk is not None,
               "appendix_checks": bool(tables["checks"].rows) and document.checks_summary.in_appendix}
    document.toc = [(section, texts[section]) for section in _SECTIONS if present.get(section, True)]
    return document


def _tables(evaluation: Evaluation, fmt: _Formatter, lang: str,
            metric_texts: dict[str, str]) -> tuple[dict[str, Table], list[Table]]:
    """The report's tables by id (those of alternatives and break-even only when the workbook has them), and
    the process chain's tables in their order (none without a chain)."""
    plant, model = evaluation.plant, evaluation.model
    cur = plant.currency
    tables = {
        "inputs": _parameters_table(evaluation, fmt, lang),
        "plant_items": _items_table(evaluation, fmt, lang),
        "energy": _energy_table(evaluation, fmt, lang),
        "opex": _figure_table("opex", _text("report.opex_caption", lang, cur=fmt.unit(cur)), evaluation, fmt, lang,
                              ["opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                               *(["opex_reagents"] if plant.chain is not None else []),
                               *(["opex_consumables"] if "opex_consumables" in model else []), "opex_per_month",
                               "specific_cost"], totals={"opex_per_month"}),
        "revenue": _figure_table("revenue", _text("report.revenue_caption.recovered" if byproducts_kind(plant) == "recovered"
                                                  else "report.revenue_caption", lang), evaluation, fmt, lang,
                                 _revenue_keys(evaluation), totals={"net_effect_per_month", "products_value_per_month"}),
        "metrics": _metrics_table(evaluation, fmt, lang, metric_texts),
        "checks": _checks_table(evaluation, fmt, lang),
        "appendix": _appendix_table(evaluation, fmt, lang),
    }
    chain = []
    if plant.chain is not None:
        from econ.report.chain_tables import chain_tables, process_energy_table

        chain = list(chain_tables(evaluation, fmt, lang).values())
        energy_uses = process_energy_table(evaluation, fmt, lang)
        if energy_uses is not None:
            tables["process_energy"] = energy_uses
    if plant.break_even:
        tables["break_even"] = _break_even_table(evaluation, fmt, lang)
    if evaluation.cases:
        tables["alternatives"] = _alternatives_table(evaluation, fmt, lang, metric_texts)
        tables["incremental"] = _incremental_table(evaluation, fmt, lang)
        tables["overrides"] = _overrides_table(evaluation, fmt, lang)
    return tables, chain


def _metric_text(evaluation: Evaluation, key: str, fmt: _Formatter) -> str:
    return metric_text(evaluation.results.metrics[key], key, fmt.lang, evaluation.model.years)


def _verdict(evaluation: Evaluation, verdict: Verdict, fmt: _Formatter, lang: str,
             metric_texts: dict[str, str]) -> str:
    """The verdict's headline (econ.checks.verdict), then a sentence per alternative; its reasons are listed
    apart (Document.verdict_reasons)."""
    sentences = [verdict.headline(lang, metric_texts["irr"], metric_texts["discounted_payback"])]
    if verdict.shows_npv:
        sentences += _alternatives_verdict(evaluation, fmt, lang)
    return " ".join(full_stop(sentence) for sentence in sentences)


def _alternatives_verdict(evaluation: Evaluation, fmt: _Formatter, lang: str) -> list[str]:
    """What each alternative does to the NPV, a sentence each, after the base case's verdict."""
    from econ.model.alternatives import incremental

    if not evaluation.cases:
        return []
    base, currency = evaluation.cases[0], fmt.unit(evaluation.plant.currency)
    sentences = []
    for case in evaluation.cases[1:]:
        step = incremental(base, case)
        if step.npv > 0:
            sentences.append(_text("report.verdict.alternative_better", lang, case=case.name, base=base.name,
                                   npv=f"{fmt.number(step.npv, 0)} {currency}",
                                   irr=metric_text(step.irr, "irr", lang, evaluation.model.years)))
        else:
            sentences.append(_text("report.verdict.alternative_worse", lang, case=case.name, base=base.name,
                                   npv=f"{fmt.number(-step.npv, 0)} {currency}"))
    return sentences


def _energy_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """The equipment's installed power and energy, then what else the plant's electricity counts (the
    cells' DC power, the chain's process energy), and the total the rows add up to. Every total says what
    it includes and carries its unit; each specific energy says its basis."""
    plant, results = evaluation.plant, evaluation.results
    headers = [_text(f"report.col.{name}", lang) for name in
               ("equipment", "quantity", "unit_power", "installed_power", "load_factor", "energy")]
    table = Table("energy", _text("report.energy_caption", lang), headers, ["l", "r", "r", "r", "r", "r"],
                  [32, 10, 14, 14, 12, 18])
    kw = fmt.unit("kW")
    for row in plant.rows("equipment"):
        table.add([row.name, fmt.auto(plant.value(row.key("quantity"))), fmt.auto(plant.value(row.key("unit_power"))),
                   fmt.auto(results.scalar(f"equipment.{row.index}.power")),
                   fmt.percent(plant.value(row.key("load_factor")), 0),
                   fmt.number(results.scalar(f"equipment.{row.index}.energy_per_month"), 0)])
    # the total with as many decimals as the most precise power shown above it (426.25, not 426.2)
    decimals = max((len(cells[3].partition(decimal_mark(lang))[2]) for cells in table.rows), default=0)
    installed = f"{fmt.number(results.scalar('installed_power'), decimals)} {kw}"
    chain_energy = "chain_energy_per_month" in results.values
    energy_total = fmt.number(results.scalar("energy_per_month"), 0)  # in the column's unit, kWh/month
    if not plant.rows("electrolysis") and not chain_energy:  # the equipment is the whole: one total row
        table.add([_text("report.energy_total", lang), "", "", installed, "", energy_total], "total")
    else:
        table.add([_text("report.energy.installed_equipment", lang), "", "", installed, "", ""])
        load = results.scalar("installed_power")
        for row in plant.rows("electrolysis"):
            # the cells, rounded up, as the quantity; their DC power is drawn, not installed
            prefix = f"electrolysis.{row.index}"
            load += results.scalar(f"{prefix}.power")
            table.add([i18n.figure_label(f"{prefix}.power", lang, row.name),
                       fmt.auto(results.scalar(f"{prefix}.cells_whole")), "",
                       f"{fmt.auto(results.scalar(f'{prefix}.power'))} {kw}", "",
                       fmt.number(results.scalar(f"{prefix}.energy_per_month"), 0)])
        if plant.rows("electrolysis"):
            table.add([_text("report.energy.connected", lang), "", "", f"{fmt.auto(load, 6)} {kw}", "", ""])
        if chain_energy:  # the process energy of the chain's stages (their own table), counted in the electricity
            table.add([i18n.figure_label("chain_energy_per_month", lang), "", "", "", "",
                       fmt.number(results.scalar("chain_energy_per_month"), 0)])
        table.add([i18n.figure_label("energy_per_month", lang), "", "", "", "", energy_total], "total")
    for key in ("operating_hours_per_month", "energy_cost_per_month", "specific_energy"):
        figure = evaluation.model.get(key)
        assert isinstance(figure, Figure)
        name = _text("report.energy.specific_plant", lang) if key == "specific_energy" and (
            plant.rows("electrolysis") or chain_energy) else i18n.figure_label(key, lang)
        table.add([name, "", "", "", "", f"{fmt.figure(results.scalar(key), figure)} {fmt.unit(figure.unit)}"])
    for row in plant.rows("electrolysis"):  # the cells alone, per tonne of metal: the basis the sources quote
        key = f"electrolysis.{row.index}.specific_energy"
        if key in results.values:
            table.add([_text("report.energy.specific_cells", lang, name=row.name), "", "", "", "",
                       f"{fmt.number(results.scalar(key), 1)} {fmt.unit('kWh/t')}"])
    return table


# Revenue-sheet figures that only an entered row of ByProducts or Losses gives a meaning; without one they are
# left out rather than shown as zero (a process chain values its products through Payables instead)
_ROW_FIGURES = {"byproducts": ("byproduct_mass_per_month", "byproduct_revenue_per_month"),
                "losses": ("loss_amount_per_month", "loss_cost_per_month")}


def _revenue_keys(evaluation: Evaluation) -> list[str]:
    """The figures of the Revenue and losses table, in model order."""
    plant = evaluation.plant
    absent = {key for table, keys in _ROW_FIGURES.items() if not plant.rows(table) for key in keys}
    return [figure.key for figure in evaluation.model.figures
            if isinstance(figure, Figure) and figure.sheet == "Revenue and losses" and figure.key not in absent]


def _figure_table(table_id: str, caption: str, evaluation: Evaluation, fmt: _Formatter, lang: str,
                  keys: list[str], totals: set[str] = frozenset()) -> Table:
    model, results = evaluation.model, evaluation.results
    headers = [_text("report.col.item", lang), _text("report.col.value", lang), _text("report.col.unit", lang)]
    table = Table(table_id, caption, headers, ["l", "r", "l"], [58, 24, 18])
    for key in keys:
        figure = model.get(key)
        assert isinstance(figure, Figure)
        table.add([figure_label(evaluation.plant, key, lang),
                   fmt.figure(results.scalar(key), figure), fmt.unit(figure.unit)],
                  "total" if key in totals else "")
    return table


# The cash-flow table's geometry (templates/report.css): text width of A4 less the margins, the share of it
# the year columns get, and a cell's width per character at 6.8 pt DejaVu Sans plus its padding, in mm
_TEXT_WIDTH_MM, _YEAR_COLUMNS_SHARE = 172.0, 0.86
_CASH_FLOW_MM_PER_CHARACTER, _CASH_FLOW_PADDING_MM = 1.55, 1.8
CASH_FLOW_SCALE = 1e6  # the tables' money in millions, as the charts (econ.report.charts: money_scale 1e6)
CASH_FLOW_DIGITS = 6  # significant digits of the largest amount in a cash-flow table


def _cash_flow_tables(evaluation: Evaluation, fmt: _Formatter, lang: str) -> list[Table]:
    """The annual cash flow in millions, the scale of the cash-flow chart beside it (econ.report.charts draws
    it in millions), with the decimals that give the largest amount 6 significant digits (3 at most: to the
    thousand); split into tables of consecutive years so that the longest number fits its column."""
    results, years = evaluation.results, evaluation.model.years
    cur = fmt.unit(evaluation.plant.currency)
    keys = ("cf.revenue", "cf.operating_costs", "cf.depreciation", "cf.pre_tax_profit", "cf.income_tax",
            "cf.depreciation_added_back", "cf.investment", "cf.salvage", "cf.net_cash_flow", "cf.cumulative",
            "cf.discount_factor", "cf.discounted", "cf.cumulative_discounted")
    styles = {key: "money" for key in keys} | {"cf.discount_factor": "factor"}
    if evaluation.plant.finance is not None:  # the full DCF's rows (econ.report.dcf_tables)
        keys = tuple(dcf_tables.cash_flow_rows(evaluation.model.keys()))
        styles = {key: evaluation.model.get(key).style for key in keys}
    largest = max(abs(float(value)) for key in keys if styles[key] == "money" for value in results[key])
    # 6 significant digits of the largest amount, to the thousand at most: 3 decimals for 16.5 mln, 2 for 3 174 mln
    digits = len(str(int(largest / CASH_FLOW_SCALE))) if largest >= CASH_FLOW_SCALE else 1
    money_decimals = max(0, min(3, CASH_FLOW_DIGITS - digits))
    caption = _text("report.cashflow_caption_mln", lang, cur=cur)
    rows = []
    for key in keys:
        if styles[key] in ("fraction", "ratio"):  # shares as %, DSCR with 2 decimals; a blank year stays blank
            cells = ["" if math.isnan(float(value)) else fmt.percent(float(value)) if styles[key] == "fraction"
                     else fmt.number(float(value), 2) for value in results[key]]
        elif key == "cf.discount_factor":
            cells = [fmt.number(float(value), 4) for value in results[key]]
        else:
            # an empty year is "0", not "0.000"
            cells = [fmt.number(float(value) / CASH_FLOW_SCALE, money_decimals) if float(value) != 0 else "0"
                     for value in results[key]]
        rows.append((i18n.figure_label(key, lang), cells, "total" if key in dcf_tables.TOTAL_ROWS else ""))
    widest = max(len(cell) for _, cells, _ in rows for cell in cells)
    needed_mm = widest * _CASH_FLOW_MM_PER_CHARACTER + _CASH_FLOW_PADDING_MM
    fits = int(_TEXT_WIDTH_MM * _YEAR_COLUMNS_SHARE // needed_mm)
    parts = -(-(years + 1) // max(fits, 4))
    per_part = -(-(years + 1) // parts)  # as even as the years allow
    # the row labels take what the years leave, up to 30 % of the width
    label_share = min(30.0, 100 - per_part * needed_mm / _TEXT_WIDTH_MM * 100)
    tables = []
    for first in range(0, years + 1, per_part):
        shown = range(first, min(first + per_part, years + 1))
        part_caption = caption if parts == 1 else _text("report.cashflow_years", lang, caption=caption,
                                                        first=shown[0], last=shown[-1])
        width = (100 - label_share) / per_part
        table = Table("cashflow", part_caption, [_text("report.col.item", lang)] + [str(year) for year in shown],
                      ["l"] + ["r"] * len(shown), [label_share] + [width] * len(shown),
                      part=len(tables) + 1 if len(tables) else 0)
        for label_text, cells, row_class in rows:
            table.add([label_text] + cells[shown[0]:shown[-1] + 1], row_class)
        tables.append(table)
    return tables


def _metrics_table(evaluation: Evaluation, fmt: _Formatter, lang: str, metric_texts: dict[str, str]) -> Table:
    headers = [_text("report.col.metric", lang), _text("report.col.value", lang)]
    table = Table("metrics", _text("report.metrics_caption", lang), headers, ["l", "r"], [60, 40])
    plant, results = evaluation.plant, evaluation.results
    table.add([_text("report.discount_rate", lang), _input_value(plant.value("discount_rate"), "fraction", fmt)])
    table.add([_text("report.tax_rate", lang), _input_value(plant.value("income_tax_rate"), "fraction", fmt)])
    table.add([i18n.figure_label("npv", lang), f"{fmt.number(results.scalar('npv'), 0)} {fmt.unit(plant.currency)}"],
              "total")
    for key in ("irr", "payback", "discounted_payback", "profitability_index"):
        table.add([i18n.figure_label(key, lang), metric_texts[key]])
    if plant.finance is not None:  # the full DCF: rates, the equity view, DSCR, levelized price, residual value
        if "inflation" in plant.parameters:
            table.add([_text("report.dcf.inflation", lang), fmt.percent(plant.value("inflation"))])
        table.add([_text("report.dcf.nominal_rate", lang), fmt.percent(results.scalar("nominal_discount_rate"))])
        table.add([_text("report.dcf.real_rate", lang), fmt.percent(results.scalar("real_discount_rate"))])
        for key, shown in dcf_tables.METRICS:
            if key not in evaluation.model:
                continue
            if key == "min_dscr":
                number = results.metrics[key].number
                text = fmt.number(number, 2) if number is not None else _text("report.dcf.no_debt_service", lang)
            elif shown == "metric":
                text = metric_text(results.metrics[key], "irr", lang, evaluation.model.years)
            elif shown == "price":
                product = plant.finance.levelized_product_name
                unit = evaluation.model.get(key).unit
                table.add([i18n.figure_label(key, lang, product),
                           f"{fmt.number(results.scalar(key), 2)} {fmt.unit(unit)}"], "total")
                for part in [name for name in evaluation.model.keys() if name.startswith("levelized.")]:
                    table.add([i18n.figure_label(part, lang), f"{fmt.number(results.scalar(part), 2)} {fmt.unit(unit)}"])
                continue
            else:
                text = f"{fmt.number(results.scalar(key), 0)} {fmt.unit(plant.currency)}"
            table.add([i18n.figure_label(key, lang), text])
    return table


# the key figures that are metrics: a reason instead of a number ("undefined: ...", "not reached within ...")
_KEY_METRICS = ("irr", "payback", "discounted_payback")
_NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"


def _key_figures(evaluation: Evaluation, shows_npv: bool, fmt: _Formatter, lang: str,
                 metric_texts: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The summary's key figures as (label, value), then the notes below them: a metric that is not a number
    has a short cell ("not reached¹", "undefined²") and its reason in full in a note. Without an NPV headline
    (neither capital nor operating cost, :attr:`Verdict.shows_npv`) only the products' value; a chain's
    recovery of each component sold last."""
    plant, results, model = evaluation.plant, evaluation.results, evaluation.model

    def value(key: str) -> str:
        figure = model.get(key)
        assert isinstance(figure, Figure)
        return f"{fmt.figure(results.scalar(key), figure)} {fmt.unit(figure.unit)}".strip()

    def row(key: str) -> tuple[str, str]:
        return figure_label(plant, key, lang), value(key)

    notes: list[str] = []
    if shows_npv:
        rate = _input_value(plant.value("discount_rate"), "fraction", fmt)
        figures = [row(key) for key in ("opex_per_month", "specific_cost", "net_effect_per_month",
                                        "net_effect_per_year", "capital_total")]
        figures.append((f"{figure_label(plant, 'npv', lang)},\u00a0{rate}", value("npv")))
        for key in _KEY_METRICS:
            name, text = figure_label(plant, key, lang), metric_texts[key]
            if int(results.metrics[key].status) == 0:
                figures.append((name, text))
                continue
            short = text.partition(":")[0] if ":" in text else i18n.text("metric.not_reached_short", lang)
            mark = _NOTE_MARKS[len(notes) % len(_NOTE_MARKS)]
            figures.append((name, f"{short}{mark}"))
            notes.append(full_stop(f"{mark} {name}: {text}"))
    else:
        figures = [row("opex_per_month"), row("capital_total"),
                   (i18n.text("report.products_value", lang), value("net_effect_per_month")),
                   (i18n.text("report.products_value_year", lang), value("net_effect_per_year"))]
    if plant.chain is not None:
        figures += [(i18n.figure_label(f"chain.{j}.recovery_sold", lang, component),
                     fmt.percent(results.scalar(f"chain.{j}.recovery_sold")))
                    for j, component in enumerate(plant.chain.components)
                    if f"chain.{j}.recovery_sold" in results.values]
    return figures, notes
