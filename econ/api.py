"""The library API: what the command line does, in a line or two of Python.

>>> # from econ.api import evaluate_workbook, write_reports
>>> # evaluation = evaluate_workbook("inputs/cr_scheme.xlsx")
>>> # evaluation.results.scalar("opex_per_month")
>>> # write_reports(evaluation, "reports")
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from econ.checks.evaluation import Evaluation, check_studies, evaluate_plant, model_with_audits
from econ.errors import ReportError
from econ.inputs.reader import read_plant

if TYPE_CHECKING:
    from econ.model.risk import RiskAnalysis
    from econ.report.workers import ChartWorker

__all__ = ["DEFAULT_FORMATS", "REPORT_FORMATS", "Evaluation", "analyse_uncertainty", "check_studies",
           "evaluate_for_report", "evaluate_plant", "evaluate_workbook", "in_language", "model_with_audits",
           "write_reports"]


def evaluate_workbook(path: str | Path) -> Evaluation:
    """Read, evaluate and check one input workbook."""
    return evaluate_plant(read_plant(path))


def evaluate_for_report(path: str | Path, lang: str | None = None) -> Evaluation:
    """Read, evaluate and check one input workbook with its texts in the reports' language: ``lang`` ("ru",
    "en"), by default Project!language (Plant.localized: the same numbers, the workbook's translations)."""
    plant = read_plant(path)
    return evaluate_plant(plant.localized(lang or plant.language or "en"))


def in_language(evaluation: Evaluation, lang: str) -> Evaluation:
    """``evaluation`` with its workbook's texts in ``lang``: itself when they are already; else its plant
    localized (Plant.localized) and, when that changes a text, evaluated again (the same numbers), the risk
    analysis kept."""
    plant = evaluation.plant
    if plant.shown_language == lang:
        return evaluation
    localized = plant.localized(lang)

    def translates(language: str) -> bool:
        return any(language in versions for versions in plant.text_translations.values()) \
            or f"base_case_{language}" in plant.translations

    if not translates(lang) and not translates(plant.shown_language):
        return replace(evaluation, plant=localized)  # no text changes: the figures' labels are the same
    again = evaluate_plant(localized)
    again.uncertainty = evaluation.uncertainty
    return again


def analyse_uncertainty(evaluation: Evaluation, samples: int | None = None, seed: int | None = None,
                        sobol_base: int | None = None) -> RiskAnalysis:
    """Run the risk analysis of ``evaluation`` (tornado, spider, Monte Carlo of ``samples`` draws with ``seed``,
    20,000 and 0 by default; Sobol indices from ``sobol_base``) and attach it as ``evaluation.uncertainty``."""
    from econ.model.risk import REPORT_SAMPLES, REPORT_SEED, analyse_risk

    evaluation.uncertainty = analyse_risk(evaluation.plant, REPORT_SAMPLES if samples is None else samples,
                                          REPORT_SEED if seed is None else seed, sobol_base)
    return evaluation.uncertainty


REPORT_FORMATS = ("xlsx", "pdf", "html")
DEFAULT_FORMATS = ("xlsx", "pdf")


def write_reports(evaluation: Evaluation, out_dir: str | Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
                  lang: str | None = None, chart_worker: ChartWorker | None = None) -> list[Path]:
    """Write the requested reports of ``evaluation`` into ``out_dir`` as NAME.xlsx, NAME.pdf, NAME.html.

    ``lang`` ("ru" or "en") is the language of the PDF and HTML report; by
    default the workbook's own. ``chart_worker`` (econ.report.workers) draws the
    charts in a process started earlier, while this one writes the workbook;
    started with ``pdf=True``, it also lays out and writes the PDF.
    Returns the paths written.
    """
    unknown = [name for name in formats if name not in REPORT_FORMATS]
    if unknown:
        raise ReportError(f"report format {', '.join(unknown)}: expected one or more of {', '.join(REPORT_FORMATS)}")
    from econ.report.html import report_language

    evaluation = in_language(evaluation, report_language(evaluation, lang))  # the workbook's texts translated
    out = Path(out_dir)
    written = []
    stem = evaluation.plant.path.stem
    pending = None
    if ("pdf" in formats or "html" in formats) and chart_worker:
        from econ.report.html import chart_inputs

        # the worker draws the charts while this process writes the results workbook
        pending = chart_worker.submit(chart_inputs(evaluation, report_language(evaluation, lang)))
    if "xlsx" in formats:
        from econ.report.html import report_language
        from econ.report.xlsx import write_results_workbook

        written.append(write_results_workbook(evaluation, out / f"{stem}.xlsx", report_language(evaluation, lang)))
    if "pdf" in formats or "html" in formats:
        from econ.report.html import chart_inputs, render_charts, report_language, write_html, write_pdf

        language = report_language(evaluation, lang)
        charts = pending.result() if pending else render_charts(chart_inputs(evaluation, language))
        if "pdf" in formats:
            # laid out by the worker when it has loaded WeasyPrint (pdf=True), else here
            renderer = chart_worker if chart_worker is not None and chart_worker.pdf else None
            written.append(write_pdf(evaluation, out / f"{stem}.pdf", language, charts, renderer))
        if "html" in formats:
            written.append(write_html(evaluation, out / f"{stem}.html", language, charts))
    return written
