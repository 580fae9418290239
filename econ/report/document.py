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
from econ.checks.verdict import INVALIDATES, QUALIFIES, Verdict, verdict_of
from econ.inputs import schema
from econ.model import metrics
from econ.report import dcf_tables
from econ.model.cashflow import PAYBACK_NO_INVESTMENT
from econ.model.figures import Figure, MetricValues
from econ.numbers import format_auto, format_number, format_percent
from econ.report.timestamp import report_time

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


@dataclass
class Table:
    """A report table: a caption, column headers, formatted rows and a class per row.

    ``align`` holds "l" or "r" per column and ``widths`` its share of the text
    width in percent (the PDF lays tables out with fixed column widths, which
    is several times faster than measuring every cell); ``row_classes`` may
    mark "section", "total" or "warning" rows.
    """

    id: str
    caption: str
    headers: list[str]
    align: list[str]
    widths: list[float]
    rows: list[list[str]] = field(default_factory=list)
    row_classes: list[str] = field(default_factory=list)
    note: str = ""
    part: int = 0  # 2, 3, ... for the continuations of a table split by columns
    whole: bool = False  # kept on one page with its caption and note (a short table)

    def __post_init__(self) -> None:
        if not len(self.headers) == len(self.align) == len(self.widths):
            raise ValueError(f"table {self.id}: {len(self.headers)} headers, {len(self.align)} alignments, "
                             f"{len(self.widths)} widths")

    def add(self, cells: list[str], row_class: str = "") -> None:
        self.rows.append(cells)
        self.row_classes.append(row_class)


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


_TEXT_IDS = (
    "report.title", "report.toc", "report.page", "report.of", "report.summary", "report.scheme", "report.inputs",
    "report.energy", "report.opex", "report.revenue", "report.cashflow", "report.metrics", "report.checks",
    "report.audits", "report.assumptions", "report.appendix", "report.key_figures", "report.no_description",
    "report.no_references", "report.no_audits", "report.chart_costs", "report.chart_cash_flow",
    "report.assumption_inputs", "report.conventions", "report.alternatives", "report.overrides",
    "report.break_even", "report.chain", "report.chain_intro", "report.risk", "report.conclusions",
)


class _Formatter:
    """Numbers, money and units in the report's language."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang = lang
        self.currency = currency

    def number(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, decimals, self.lang)

    def auto(self, value: float | None, digits: int = 4) -> str:
        return format_auto(value, self.lang, digits)

    def percent(self, value: float | None, decimals: int = 1) -> str:
        return format_percent(value, decimals, self.lang)

    def unit(self, unit: str) -> str:
        return i18n.unit(unit, self.lang)

    def figure(self, value: float, figure: Figure) -> str:
        """A figure's value with the precision its kind deserves."""
        if figure.style == "money":  # kopecks only on small amounts, and not on nothing ("0", not "0.00")
            magnitude = abs(value)
            return self.number(value, 2 if 0 < magnitude < 1000 else 0)
        if figure.style == "ratio":
            return self.number(value, 2)
        if figure.style == "fraction":
            return self.percent(value)
        return self.auto(value, 5)


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


def build_document(evaluation: Evaluation, lang: str) -> Document:
    """The report content of ``evaluation`` in ``lang`` ("en" or "ru"), charts not yet drawn."""
    plant, results, model = evaluation.plant, evaluation.results, evaluation.model
    fmt = _Formatter(lang, plant.currency)
    cur = plant.currency
    texts = {text_id.split(".", 1)[1]: _text(text_id, lang) for text_id in _TEXT_IDS}

    def label(key: str) -> str:
        figure = model.get(key)
        return i18n.figure_label(key, lang, _row_name(plant, key)) if figure else key

    def value(key: str) -> str:
        figure = model.get(key)
        assert isinstance(figure, Figure)
        return f"{fmt.figure(results.scalar(key), figure)} {fmt.unit(figure.unit)}".strip()

    title_fields = [
        (_text("report.field.project", lang), plant.text("name", lang)),
        (_text("report.field.date", lang), report_time().date().isoformat()),
        (_text("report.field.currency", lang), plant.currency),
        (_text("report.field.base_year", lang), str(plant.base_year) if plant.base_year else "—"),
        (_text("report.field.version", lang), f"econ {__version__}"),
        (_text("report.field.input", lang), plant.file_name),
        (_text("report.field.sha256", lang), plant.sha256),
    ]
    metric_texts = {key: _metric_text(evaluation, key, fmt) for key in
                    ("irr", "payback", "discounted_payback", "profitability_index")}
    verdict = verdict_of(evaluation)
    key_figures = [
        (label("opex_per_month"), value("opex_per_month")),
        (label("specific_cost"), value("specific_cost")),
        (label("net_effect_per_month"), value("net_effect_per_month")),
        (label("net_effect_per_year"), value("net_effect_per_year")),
        (label("capital_total"), value("capital_total")),
        (f"{label('npv')}, {fmt.percent(plant.value('discount_rate'))}", value("npv")),
        (label("irr"), metric_texts["irr"]),
        (label("payback"), metric_texts["payback"]),
        (label("discounted_payback"), metric_texts["discounted_payback"]),
    ]
    if not verdict.shows_npv:  # neither capital nor operating cost: no NPV headline, only the products' value
        key_figures = [(label("opex_per_month"), value("opex_per_month")),
                       (label("capital_total"), value("capital_total")),
                       (_text("report.products_value", lang), value("net_effect_per_month")),
                       (_text("report.products_value_year", lang), value("net_effect_per_year"))]
    tables = {
        "inputs": _parameters_table(evaluation, fmt, lang),
        "plant_items": _items_table(evaluation, fmt, lang),
        "energy": _energy_table(evaluation, fmt, lang),
        "opex": _figure_table("opex", _text("report.opex_caption", lang, cur=fmt.unit(cur)), evaluation, fmt, lang,
                              ["opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                               *(["opex_reagents"] if plant.chain is not None else []),
                               *(["opex_consumables"] if "opex_consumables" in model else []), "opex_per_month",
                               "specific_cost"], totals={"opex_per_month"}),
        "revenue": _figure_table("revenue", _text("report.revenue_caption", lang), evaluation, fmt, lang,
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
        key_figures += [(i18n.figure_label(f"chain.{j}.recovery_sold", lang, component),
                         fmt.percent(results.scalar(f"chain.{j}.recovery_sold")))
                        for j, component in enumerate(plant.chain.components)
                        if f"chain.{j}.recovery_sold" in results.values]
    if evaluation.plant.break_even:
        tables["break_even"] = _break_even_table(evaluation, fmt, lang)
    if evaluation.cases:
        tables["alternatives"] = _alternatives_table(evaluation, fmt, lang, metric_texts)
        tables["incremental"] = _incremental_table(evaluation, fmt, lang)
        tables["overrides"] = _overrides_table(evaluation, fmt, lang)
    audits = [("warning" if audit.status != "ok" else "ok", audit.title(lang), _sentence(audit.message(lang)))
              for audit in evaluation.audits]
    conventions = [_text(f"convention.{name}", lang) for name in dcf_tables.conventions(plant)]
    assumptions, previous_source = [], None
    for key, parameter in plant.parameters.items():
        if not parameter.source.lower().startswith("assumption"):
            continue
        # the fields of one table row share its source: written once, then "same as above"
        shown = _text("report.same_source", lang) if parameter.source == previous_source else parameter.source
        assumptions.append((_parameter_label(key, parameter.label, plant, lang),
                            _amount(parameter.value, parameter.unit, fmt), shown))
        previous_source = parameter.source
    from econ.report.conclusions import build_conclusions
    from econ.report.risk_section import build_risk_section

    return Document(
        risk=build_risk_section(evaluation, fmt, lang),
        conclusions=build_conclusions(evaluation, verdict, fmt, lang, metric_texts),
        lang=lang, texts=texts, title_fields=title_fields, project=plant.text("name", lang),
        description=plant.text("description", lang), key_figures=key_figures,
        verdict=_verdict(evaluation, verdict, fmt, lang, metric_texts), tables=tables, audits=audits,
        conventions=conventions, assumptions=assumptions, chain_tables=chain,
        cash_flow_tables=_cash_flow_tables(evaluation, fmt, lang),
        verdict_status=verdict.status.replace(" ", "-"), verdict_reasons=verdict.reason_texts(lang),
        verdict_lead=_text("verdict.needed" if verdict.of_weight(INVALIDATES) else "verdict.qualified_by", lang)
        if verdict.of_weight(INVALIDATES) or verdict.of_weight(QUALIFIES) else "",
    )


def _sentence(text: str) -> str:
    """A finding written as a sentence: capital first letter, full stop at the end."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _shown_unit(unit: str, fmt: _Formatter, count: float | None = None) -> str:
    """A unit as printed after a number: nothing for dimensionless figures and fractions (shown in %); a year
    agrees with ``count`` when given ("10 years", "10 лет")."""
    if unit in ("-", "dimensionless", "fraction", ""):
        return ""
    if unit == "year" and count is not None:
        return i18n.text("unit.year_count", fmt.lang, count=count)
    return fmt.unit(unit)


def _amount(value: float, unit: str, fmt: _Formatter) -> str:
    """An input as a reader writes it inline: "10 %", "15 years", "120 000 руб./мес"."""
    return f"{_input_value(value, unit, fmt)} {_shown_unit(unit, fmt, value)}".strip()


def _entered(parameter, lang: str) -> str:  # noqa: ANN001 - Parameter
    """What the cell held, or how a default stood in for it, in ``lang``."""
    if not parameter.defaulted:
        return parameter.entered
    return i18n.text(f"input.{parameter.defaulted}", lang, value=f"{parameter.value:g}")


def _source(parameter, lang: str) -> str:  # noqa: ANN001 - Parameter
    return i18n.text("input.default_source", lang) if parameter.source == "default" else parameter.source


def _cell(parameter, lang: str) -> str:  # noqa: ANN001 - Parameter
    location = parameter.location
    if location.cell == "-":
        return i18n.text("input.no_row", lang, sheet=location.sheet)
    return f"{location.sheet}!{location.cell}"


def _parameter_label(key: str, label: str, plant, lang: str) -> str:  # noqa: ANN001
    """A parameter's label in ``lang``: scalar fields and table fields from the translation table."""
    parts = key.split(".")
    if len(parts) == 1:
        return i18n.text(f"field.{key}", lang) if f"field.{key}" in i18n.TEXTS else label
    name = _row_name(plant, key)
    field_name = parts[-1]
    if field_name == "amount" and plant.parameters.get(key) is not None \
            and plant.parameters[key].unit in ("fraction", "dimensionless"):
        field_name = "content"  # a component's amount entered as a content (%, g/t)
    return f"{name}: {i18n.text(f'field.{field_name}', lang)}" if f"field.{field_name}" in i18n.TEXTS else label


def _row_name(plant, key: str) -> str:  # noqa: ANN001
    if plant.chain is not None:
        from econ.report.chain_tables import chain_row_name

        name = chain_row_name(plant.chain, key)
        if name is not None:
            return name
    parts = key.split(".")
    for index, part in enumerate(parts):
        if part.isdigit() and index > 0:
            table = parts[index - 1]
            rows = plant.rows(table)
            position = int(part)
            if position < len(rows):
                return rows[position].name
    return ""


def metric_text(values: MetricValues, key: str, lang: str, years: int) -> str:
    """A metric of one case as a reader sees it: the number, or why there is none (never "nan")."""
    status = int(values.status)
    if key == "irr":
        if status == metrics.IRR_OK:
            return format_percent(float(values.value), lang=lang)
        if status == metrics.IRR_MULTIPLE:
            return i18n.text("metric.multiple", lang, roots=", ".join(format_percent(r, lang=lang) for r in values.roots))
        return i18n.text("metric.no_sign_change" if status == metrics.IRR_NO_SIGN_CHANGE else "metric.no_root", lang)
    if key == "profitability_index":
        return format_number(float(values.value), 2, lang) if status == 0 else i18n.text("metric.pi_undefined", lang)
    if status == 0:
        return f"{format_number(float(values.value), 2, lang)} {i18n.text('unit.years', lang)}"
    if status == PAYBACK_NO_INVESTMENT:
        return i18n.text("metric.no_investment", lang)
    return i18n.text("metric.not_reached", lang, years=years)


def _metric_text(evaluation: Evaluation, key: str, fmt: _Formatter) -> str:
    return metric_text(evaluation.results.metrics[key], key, fmt.lang, evaluation.model.years)


def _verdict(evaluation: Evaluation, verdict: Verdict, fmt: _Formatter, lang: str,
             metric_texts: dict[str, str]) -> str:
    """The verdict's headline (econ.checks.verdict), then a sentence per alternative; its reasons are listed
    apart (Document.verdict_reasons)."""
    sentences = [verdict.headline(lang, metric_texts["irr"], metric_texts["discounted_payback"])]
    if verdict.shows_npv:
        sentences += _alternatives_verdict(evaluation, fmt, lang)
    # a sentence that ends in an abbreviation ("руб.") has its full stop already
    return " ".join(sentence if sentence.endswith(".") else sentence + "." for sentence in sentences)


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


def _parameters_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Scalar inputs, one per row, by sheet, with units and sources."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("parameter", "value", "unit", "source")]
    table = Table("inputs", _text("report.parameters_caption", lang), headers, ["l", "r", "l", "l"], [28, 11, 11, 50])
    current = None
    for sheet, specs in {**schema.PARAMETER_SHEETS, "Finance": schema.FINANCE_FIELDS}.items():  # Finance: optional
        for spec in specs:
            parameter = plant.parameters.get(spec.name)
            if parameter is None:
                continue
            if sheet != current:
                table.add([_text(f"sheet.{sheet}", lang), "", "", ""], "section")
                current = sheet
            table.add([_text(f"field.{spec.name}", lang), _input_value(parameter.value, parameter.unit, fmt),
                       _shown_unit(parameter.unit, fmt), _source(parameter, lang)])
    return table


def _items_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Table inputs, one row per item with its values together and its source once."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("item", "values", "source")]
    table = Table("items", _text("report.items_caption", lang), headers, ["l", "l", "l"], [20, 32, 48])
    for spec in schema.TABLES:
        rows = plant.rows(spec.key)
        if not rows:
            continue
        table.add([_text(f"sheet.{spec.sheet}", lang), "", ""], "section")
        for row in rows:
            values = []
            for field_spec in spec.fields:
                parameter = row.fields.get(field_spec.name)
                if parameter is None:
                    continue
                values.append(f"{_text(f'field.{field_spec.name}', lang)} {_amount(parameter.value, parameter.unit, fmt)}")
            table.add([row.name, "; ".join(values), row.source])
    return table


def _appendix_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Every numeric input as read: key, value in the model's unit, what was entered, and its cell."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("key", "value", "unit", "entered", "cell")]
    table = Table("appendix", _text("report.appendix_caption", lang), headers, ["l", "r", "l", "l", "l"],
                  [34, 13, 13, 24, 16])
    for key, parameter in plant.parameters.items():
        table.add([key, _input_value(parameter.value, parameter.unit, fmt), _shown_unit(parameter.unit, fmt),
                   _entered(parameter, lang), _cell(parameter, lang)])
    return table


def _input_value(value: float, unit: str, fmt: _Formatter) -> str:
    """An input as entered: a fraction in percent with the decimals it has (0.5225 %), else 6 digits."""
    if unit != "fraction":
        return fmt.auto(value, 6)
    percent = value * 100
    decimals = next((places for places in range(5)
                     if math.isclose(round(percent, places), percent, rel_tol=1e-9, abs_tol=1e-9)), 4)
    return fmt.percent(value, decimals)


def _energy_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """The equipment's installed power and energy, then what else the plant's electricity counts (the
    cells' DC power, the chain's process energy), and the total the rows add up to."""
    plant, results = evaluation.plant, evaluation.results
    headers = [_text(f"report.col.{name}", lang) for name in
               ("equipment", "quantity", "unit_power", "installed_power", "load_factor", "energy")]
    table = Table("energy", _text("report.energy_caption", lang), headers, ["l", "r", "r", "r", "r", "r"],
                  [32, 10, 14, 14, 12, 18])
    for row in plant.rows("equipment"):
        table.add([row.name, fmt.auto(plant.value(row.key("quantity"))), fmt.auto(plant.value(row.key("unit_power"))),
                   fmt.auto(results.scalar(f"equipment.{row.index}.power")),
                   fmt.percent(plant.value(row.key("load_factor")), 0),
                   fmt.number(results.scalar(f"equipment.{row.index}.energy_per_month"), 0)])
    # the total with as many decimals as the most precise power shown above it (426.25, not 426.2)
    point = "," if lang == "ru" else "."
    decimals = max((len(cells[3].partition(point)[2]) for cells in table.rows), default=0)
    installed = fmt.number(results.scalar("installed_power"), decimals)
    chain_energy = "chain_energy_per_month" in results.values
    if not plant.rows("electrolysis") and not chain_energy:  # the equipment is the whole: one total row
        table.add([_text("report.energy_total", lang), "", "", installed, "",
                   fmt.number(results.scalar("energy_per_month"), 0)], "total")
    else:
        table.add([i18n.figure_label("installed_power", lang), "", "", installed, "", ""])
        for row in plant.rows("electrolysis"):
            # the cells, rounded up, as the quantity; their DC power is drawn, not installed (not in the total)
            prefix = f"electrolysis.{row.index}"
            table.add([i18n.figure_label(f"{prefix}.power", lang, row.name),
                       fmt.auto(results.scalar(f"{prefix}.cells_whole")), "", fmt.auto(results.scalar(f"{prefix}.power")),
                       "", fmt.number(results.scalar(f"{prefix}.energy_per_month"), 0)])
        if chain_energy:  # the process energy of the chain's stages (their own table), counted in the electricity
            table.add([i18n.figure_label("chain_energy_per_month", lang), "", "", "", "",
                       fmt.number(results.scalar("chain_energy_per_month"), 0)])
        table.add([i18n.figure_label("energy_per_month", lang), "", "", "", "",
                   fmt.number(results.scalar("energy_per_month"), 0)], "total")
    for key in ("operating_hours_per_month", "energy_cost_per_month", "specific_energy"):
        figure = evaluation.model.get(key)
        assert isinstance(figure, Figure)
        table.add([i18n.figure_label(key, lang), "", "", "", "",
                   f"{fmt.figure(results.scalar(key), figure)} {fmt.unit(figure.unit)}"])
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
        table.add([i18n.figure_label(key, lang, _row_name(evaluation.plant, key)),
                   fmt.figure(results.scalar(key), figure), fmt.unit(figure.unit)],
                  "total" if key in totals else "")
    return table


# The cash-flow table's geometry (templates/report.css): text width of A4 less the margins, the share of it
# the year columns get, and a cell's width per character at 6.8 pt DejaVu Sans plus its padding, in mm
_TEXT_WIDTH_MM, _YEAR_COLUMNS_SHARE = 172.0, 0.86
_CASH_FLOW_MM_PER_CHARACTER, _CASH_FLOW_PADDING_MM = 1.55, 1.8


def _cash_flow_tables(evaluation: Evaluation, fmt: _Formatter, lang: str) -> list[Table]:
    """The annual cash flow, in thousands (millions when thousands would take more than 7 digits), split
    into tables of consecutive years so that the longest number fits its column."""
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
    millions = largest / 1000 >= 1e7
    caption = _text("report.cashflow_caption_mln" if millions else "report.cashflow_caption", lang, cur=cur)
    rows = []
    for key in keys:
        if styles[key] in ("fraction", "ratio"):  # shares as %, DSCR with 2 decimals; a blank year stays blank
            cells = ["" if math.isnan(float(value)) else fmt.percent(float(value)) if styles[key] == "fraction"
                     else fmt.number(float(value), 2) for value in results[key]]
        elif key == "cf.discount_factor":
            cells = [fmt.number(float(value), 4) for value in results[key]]
        else:
            cells = [fmt.number(float(value) / (1e6 if millions else 1e3), 0) for value in results[key]]
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
    table.add([_text("report.discount_rate", lang), fmt.percent(plant.value("discount_rate"))])
    table.add([_text("report.tax_rate", lang), fmt.percent(plant.value("income_tax_rate"))])
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


def _checks_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    headers = [_text(f"report.col.{name}", lang) for name in
               ("id", "figure", "published", "computed", "deviation", "tolerance", "verdict")]
    table = Table("checks", _text("report.checks_caption", lang), headers, ["l", "l", "r", "r", "r", "r", "l"],
                  [13, 16, 18, 12, 16, 9, 16])
    from econ.checks.findings import evaluation_findings, ordered_by_finding

    # findings first, each a section row with its cause, then its figures; then the other published
    # figures; then the rows that are not published figures (derived, assumed) or not tested
    findings = evaluation_findings(evaluation)
    heading_before = {finding.figures[0]: f"{finding.id}: {finding.text(evaluation.plant, lang)}"
                      for finding in findings}
    ordered = ordered_by_finding(evaluation.comparisons, findings)
    placed = {figure for finding in findings for figure in finding.figures}
    first_other = next((c.reference.id for c in ordered if c.reference.id not in placed and c.evidence), None)
    first_apart = next((c.reference.id for c in ordered if not c.evidence), None)
    if findings and first_other is not None:
        heading_before[first_other] = _text("report.checks.other", lang)
    if first_apart is not None:
        heading_before[first_apart] = _text("report.checks.apart", lang)
    for comparison in ordered:
        reference = comparison.reference
        if reference.id in heading_before:
            table.add([heading_before[reference.id], "", "", "", "", "", ""], "section")
        unit = _shown_unit(reference.unit, fmt)
        # the computed figure in the published unit, two decimals finer than the published one
        decimals = min(_printed_decimals(reference.published) + 2, 8)
        relative = comparison.relative_deviation
        deviation = ""
        if reference.comparison == "=":
            deviation = fmt.auto(comparison.deviation, 4)
            if relative is not None and comparison.deviation != 0:
                deviation += f" ({fmt.percent(relative, 3)})"
        if reference.comparison == "in":  # a range the text gives: "17.3–48.5 %"
            published = f"{fmt.auto(reference.published, 8)}–{fmt.auto(reference.published_high, 8)}"
        else:  # a figure, or a claim with its comparison: "< 110 kWh/t"
            claim = "" if reference.comparison == "=" else f"{reference.comparison} "
            published = f"{claim}{fmt.auto(reference.published, 8)}"
        table.add([
            reference.id, reference.figure,
            f"{published} {unit}".strip(),
            f"{fmt.number(comparison.computed, decimals)} {unit}".strip(), deviation,
            f"±{fmt.auto(reference.tolerance)}" if reference.comparison == "=" else "—",
            i18n.text(f"verdict.{comparison.verdict}", lang)
            + ("" if reference.kind == "published" else f" ({_text(f'report.checks.kind.{reference.kind}', lang)})"),
        ], "warning" if comparison.material else "")
    return table


def _printed_decimals(value: float) -> int:
    """The decimals a published figure was printed with (38.2 -> 1, 381968 -> 0), as read from the workbook."""
    text = f"{value:.10f}".rstrip("0")
    return len(text.partition(".")[2])


def _alternatives_table(evaluation: Evaluation, fmt: _Formatter, lang: str, metric_texts: dict[str, str]) -> Table:
    cases, model = evaluation.cases, evaluation.model
    share = 62.0 / len(cases)
    headers = [_text("report.col.item", lang)] + [case.name for case in cases] + [_text("report.col.unit", lang)]
    table = Table("alternatives", _text("report.alternatives_caption", lang), headers,
                  ["l"] + ["r"] * len(cases) + ["l"], [28.0] + [share] * len(cases) + [10.0])
    for key in ("capital_total", "opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                "opex_per_month", "specific_cost", "byproduct_revenue_per_month", "products_value_per_month",
                "net_effect_per_month", "npv"):
        if key not in model:  # the Products sheet's total, only with Products rows
            continue
        figure = model.get(key)
        assert isinstance(figure, Figure)
        table.add([i18n.figure_label(key, lang)] + [fmt.figure(case.value(key), figure) for case in cases]
                  + [fmt.unit(figure.unit)], "total" if key in ("opex_per_month", "npv") else "")
    for key in ("irr", "payback", "discounted_payback"):
        table.add([i18n.figure_label(key, lang)] + [metric_text(case.metric(key), key, lang, model.years) for case in cases]
                  + [""])
    return table


def _incremental_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    from econ.model.alternatives import incremental

    headers = [_text(f"report.col.{name}", lang) for name in
               ("alternative", "incremental_npv", "incremental_irr", "incremental_payback")]
    table = Table("incremental", _text("report.incremental_caption", lang), headers, ["l", "r", "r", "r"],
                  [34, 22, 22, 22])
    base = evaluation.cases[0]
    for case in evaluation.cases[1:]:
        step = incremental(base, case)
        irr = metric_text(step.irr, "irr", lang, evaluation.model.years)
        payback = metric_text(step.payback, "payback", lang, evaluation.model.years)
        table.add([case.name, f"{fmt.number(step.npv, 0)} {fmt.unit(evaluation.plant.currency)}", irr, payback])
    return table


def break_even_target(evaluation: Evaluation, alternative: str, lang: str) -> str:
    """What a break-even makes zero: the base case's NPV or an alternative's incremental NPV."""
    if alternative:
        return i18n.text("report.break_even.incremental", lang, case=alternative)
    return i18n.text("report.break_even.npv", lang, case=evaluation.plant.base_case_name(lang))


def _break_even_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("alternative", "input", "range", "break_even",
                                                              "base_value")]
    table = Table("break_even", _text("report.break_even_caption", lang), headers, ["l", "l", "r", "l", "r"],
                  [15, 22, 23, 20, 20])
    for outcome in evaluation.break_even_outcomes():
        study, result = outcome.study, outcome.result
        unit = _shown_unit(plant.parameters[study.key].unit, fmt)
        what = break_even_target(evaluation, study.alternative, lang)
        if result.values:
            # a break-even is an estimate from the other inputs: 4 significant digits (16.34 RUB/kWh)
            answer = "; ".join(f"{fmt.auto(value, 4)} {unit}".strip() for value in result.values)
        else:
            sign = "positive" if "positive" in result.reason else "negative"
            answer = _text("report.break_even.none", lang, what=what, sign=_text(f"report.sign.{sign}", lang))
        table.add([study.alternative or plant.base_case_name(lang),
                   _parameter_label(study.key, plant.parameters[study.key].label, plant, lang),
                   f"{fmt.auto(study.low, 6)} – {fmt.auto(study.high, 6)} {unit}".strip(), answer,
                   _amount(break_even_base(plant, study), plant.parameters[study.key].unit, fmt)])
    return table


def break_even_base(plant, study) -> float:  # noqa: ANN001 - Plant, BreakEvenStudy
    """The value a break-even study's input has in the case it studies: the alternative's override of it, if
    any, else the base case's input (in the model's unit)."""
    for alternative in plant.alternatives:
        if study.alternative and alternative.name == study.alternative and study.key in alternative.overrides:
            return float(alternative.overrides[study.key])
    return float(plant.parameters[study.key].value)


def _overrides_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    plant = evaluation.plant
    headers = [_text("report.col.alternative", lang), _text("report.col.parameter", lang),
               _text("report.col.value", lang), _text("report.col.unit", lang)]
    table = Table("overrides", _text("report.overrides", lang), headers, ["l", "l", "r", "l"], [24, 40, 20, 16])
    for alternative in plant.alternatives:
        if alternative.description:
            table.add([alternative.name, alternative.description, "", ""])
        for key, value in alternative.overrides.items():
            parameter = plant.parameters[key]
            table.add(["", _parameter_label(key, parameter.label, plant, lang),
                       _input_value(value, parameter.unit, fmt), _shown_unit(parameter.unit, fmt)])
    return table
