"""The feasibility report as HTML (Jinja2) and PDF (WeasyPrint).

Security:

- Jinja2 autoescaping is on for every template (``autoescape=True``; a
  ``.html.j2`` name would not match ``select_autoescape()``), so text from a
  workbook, such as a project name ``<script>``, is shown as text.
- WeasyPrint fetches nothing but ``data:`` URLs and files inside templates/:
  :class:`TemplatesOnlyFetcher` is passed to ``HTML(...)``, where WeasyPrint 70
  uses it for stylesheets, images and attachments alike.

weasyprint and matplotlib are imported here, lazily, only when a report is
asked for: ``econ check`` never loads them. econ.report.document (and with it
the checks and pint) is imported by the functions that build the document, so
that the report worker, which only draws charts and lays out HTML, does not load it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from econ import i18n
from econ.errors import ReportError
from econ.model.cashflow import PAYBACK_NO_INVESTMENT
from econ.report.atomic import write_atomically

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.report.workers import ChartWorker

TEMPLATE = "report.html.j2"


def templates_dir() -> Path:
    """The folder of the report templates: ``$ECON_TEMPLATES``, or templates/ of the project."""
    configured = os.environ.get("ECON_TEMPLATES")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[2] / "templates"
    if not (folder / TEMPLATE).is_file():
        raise ReportError(f"{folder}: the report template {TEMPLATE} is not there (set ECON_TEMPLATES)")
    return folder


def report_language(evaluation: Evaluation, lang: str | None) -> str:
    """The language asked for, or the workbook's own; an unknown one is a ReportError."""
    chosen = lang or evaluation.plant.language or "en"
    if chosen not in i18n.LANGUAGES:
        raise ReportError(f"report language {chosen!r}: expected one of {', '.join(i18n.LANGUAGES)}")
    return chosen


def chart_inputs(evaluation: Evaluation, lang: str) -> dict[str, object]:
    """Plain data for the report's charts in ``lang`` (picklable, so a worker process can draw them)."""
    from econ.report.document import break_even_target

    plant, results = evaluation.plant, evaluation.results
    cur = i18n.unit(plant.currency, lang)
    discounted = results.metrics["discounted_payback"]
    maps = []
    for outcome in evaluation.break_even_outcomes():
        if outcome.values is None:
            continue
        study = outcome.study
        what = break_even_target(evaluation, study.alternative, lang)
        base = plant.base_case_name(lang)
        maps.append({
            "xs": [float(x) for x in outcome.xs], "ys": [float(y) for y in outcome.ys],
            "values": [[float(v) for v in row] for row in outcome.values],
            "title": i18n.text("chart.map_title", lang, what=what),
            "labels": {
                "x_axis": f"{_input_label(plant, study.key, lang)} [{i18n.unit(plant.parameters[study.key].unit, lang)}]",
                "y_axis": f"{_input_label(plant, study.map_key, lang)} "
                          f"[{i18n.unit(plant.parameters[study.map_key].unit, lang)}]",
                "positive": i18n.text("chart.wins", lang, case=study.alternative) if study.alternative
                else i18n.text("chart.npv_positive", lang),
                "negative": i18n.text("chart.wins", lang, case=base) if study.alternative
                else i18n.text("chart.npv_negative", lang),
                "line": i18n.text("chart.break_even_line", lang),
            },
        })
    from econ.report.chain_tables import chain_flows
    from econ.report.risk_section import risk_chart_inputs

    return risk_chart_inputs(evaluation, lang) | {
        "lang": lang,
        "maps": maps,
        "chain_flows": chain_flows(evaluation, lang),
        "costs": [(i18n.figure_label(key, lang), results.scalar(key)) for key in
                  ("opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                   *(key for key in ("opex_reagents", "opex_consumables") if key in results.values))],
        "costs_title": i18n.text("report.chart_costs", lang),
        "costs_unit": i18n.unit(f"{plant.currency}/month", lang),
        "years": list(range(evaluation.model.years + 1)),
        "annual": [float(value) for value in results["cf.net_cash_flow"]],
        "cumulative_discounted": [float(value) for value in results["cf.cumulative_discounted"]],
        "payback": float(discounted.value) if int(discounted.status) == 0 else None,
        "cash_flow_title": i18n.text("report.chart_cash_flow", lang),
        "cash_flow_labels": {
            "x_axis": i18n.text("chart.year", lang), "y_axis": i18n.text("chart.money", lang, cur=cur),
            "annual": i18n.text("chart.annual", lang), "cumulative_discounted": i18n.text("chart.cumulative", lang),
            "payback": i18n.text("chart.payback", lang),
            "not_reached": i18n.text("chart.no_investment" if int(discounted.status) == PAYBACK_NO_INVESTMENT
                                     else "chart.not_reached", lang),
        },
    }


def _input_label(plant, key: str, lang: str) -> str:  # noqa: ANN001 - Plant
    from econ.report.document import _parameter_label

    return _parameter_label(key, plant.parameters[key].label, plant, lang)


def render_charts(inputs: dict) -> dict[str, str]:  # type: ignore[type-arg]
    """The report's charts as inline SVG strings: the cost structure and the cash flow."""
    from econ.report import charts
    from econ.numbers import format_number
    from econ.report.risk_charts import render_risk_charts

    lang = inputs["lang"]
    maps = {f"map_{index}": charts.break_even_map_svg(chart["xs"], chart["ys"], chart["values"], title=chart["title"],
                                                      labels=chart["labels"], lang=lang)
            for index, chart in enumerate(inputs.get("maps", []))}
    flows = {
        f"chain_{index}": charts.chain_flow_svg(
            charts.ChainFlow(flow["component"], flow["feed"], tuple(
                charts.ChainStage(name, carried, tuple(charts.ChainOutput(*output) for output in outputs), imbalance)
                for name, carried, outputs, imbalance in flow["stages"])),
            title=flow["title"], labels=flow["labels"], decimal_comma=lang == "ru")
        for index, flow in enumerate(inputs.get("chain_flows", []))
    }
    return maps | flows | render_risk_charts(inputs) | {
        "costs": charts.cost_structure_svg(
            inputs["costs"], title=inputs["costs_title"], value_label=inputs["costs_unit"],
            number_format=lambda value: format_number(value, 0, lang), lang=lang),
        "cash_flow": charts.cash_flow_svg(
            inputs["years"], inputs["annual"], inputs["cumulative_discounted"], payback_year=inputs["payback"],
            title=inputs["cash_flow_title"], labels=inputs["cash_flow_labels"],
            # the payback as the tables write it: "3,15 года"
            number_format=lambda value: f"{format_number(value, 2, lang)} {i18n.text('unit.years', lang)}",
            lang=lang),
    }


def render_html(evaluation: Evaluation, lang: str | None = None,
                charts: dict[str, str] | None = None) -> str:
    """The report as one HTML document, the stylesheet linked from templates/.

    ``charts`` maps "costs" and "cash_flow" to inline SVG (from :func:`render_charts`
    over :func:`chart_inputs`); by default they are drawn here. An empty dict leaves them out.
    """
    import jinja2
    from markupsafe import Markup

    from econ.report.document import build_document

    language = report_language(evaluation, lang)
    document = build_document(evaluation, language)
    if charts is None:
        charts = render_charts(chart_inputs(evaluation, language))
    # the SVG comes from matplotlib, which escapes every text it draws
    document.charts = {name: Markup(svg) for name, svg in charts.items()}
    maps = [document.charts[name] for name in sorted(document.charts) if name.startswith("map_")]
    chain_charts = [document.charts[name] for name in sorted(document.charts) if name.startswith("chain_")]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=False,
    )
    try:
        html = environment.get_template(TEMPLATE).render(doc=document, maps=maps, chain_charts=chain_charts)
    except jinja2.TemplateError as error:
        where = f" line {error.lineno}" if getattr(error, "lineno", None) else ""
        raise ReportError(f"{templates_dir() / TEMPLATE}{where}: {error}") from None
    from econ.report.typeset import typeset_html

    return typeset_html(html)  # formulas' subscripts, units kept whole and with their numbers


def _fetcher_class():  # noqa: ANN202 - weasyprint is imported lazily
    from econ.report.pdf_render import import_weasyprint

    import_weasyprint()
    from weasyprint.urls import URLFetcher

    class TemplatesOnlyFetcher(URLFetcher):
        """A WeasyPrint URL fetcher that allows ``data:`` URLs and files under one folder only."""

        def __init__(self, root: Path) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.root = root.resolve()
            self.refused: list[str] = []

        def fetch(self, url: str, headers: object = None):  # noqa: ANN201 - WeasyPrint's response type
            scheme = urlparse(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path)).resolve()
                if path.is_relative_to(self.root) and path.is_file():
                    return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"econ reports fetch only data: URLs and files in {self.root}; refused {url}")

    return TemplatesOnlyFetcher


def templates_only_fetcher(root: Path | None = None):  # noqa: ANN201
    """A fetcher for WeasyPrint's ``HTML(url_fetcher=...)`` confined to ``root`` (templates/ by default)."""
    return _fetcher_class()(root or templates_dir())


def html_to_pdf(html: str, target: Path, base: Path | None = None) -> None:
    """Render ``html`` to a PDF file at ``target`` with the confined fetcher (not atomic by itself)."""
    import logging

    from econ.report.pdf_render import import_weasyprint

    HTML = import_weasyprint().HTML  # noqa: N806 - WeasyPrint's class
    folder = base or templates_dir()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # refused fetches are expected, not news
    document = HTML(string=html, base_url=str(folder) + os.sep, url_fetcher=templates_only_fetcher(folder))
    document.write_pdf(str(target))


def write_html(evaluation: Evaluation, target: Path, lang: str | None = None,
               charts: dict[str, str] | None = None) -> Path:
    """Write the report as one self-contained HTML file (stylesheet inlined) atomically."""
    html = render_html(evaluation, lang, charts)
    css = (templates_dir() / "report.css").read_text(encoding="utf-8")
    # a stand-alone file: the stylesheet is inlined so the HTML opens anywhere
    html = html.replace('<link rel="stylesheet" href="report.css">', f"<style>\n{css}\n</style>", 1)
    return write_atomically(Path(target), lambda path: path.write_text(html, encoding="utf-8"),
                            protected=[evaluation.plant.path])


def write_pdf(evaluation: Evaluation, target: Path, lang: str | None = None,
              charts: dict[str, str] | None = None, worker: ChartWorker | None = None) -> Path:
    """Write the report as PDF atomically; laid out by ``worker`` (started with ``pdf=True``) when given."""
    html = render_html(evaluation, lang, charts)
    write = worker.write_pdf if worker is not None else html_to_pdf
    return write_atomically(Path(target), lambda path: write(html, path), protected=[evaluation.plant.path])
