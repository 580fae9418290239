"""The report's "Sensitivity and risk" section: its tables, texts and chart data, built in one place.

It reads the risk analysis an evaluation carries (``Evaluation.uncertainty``,
econ.model.risk.RiskAnalysis; none, no section): the uncertain inputs and their
sources, the tornado of NPV, the Monte Carlo statistics with the probability of
a loss, the Sobol indices when asked, and the inputs that are assumptions
without a range. Numbers are formatted here, in the report's language; the
template only places them, and econ.report.risk_charts only draws the chart
data of :func:`risk_chart_inputs` (plain lists, picklable for the chart worker).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from econ import i18n
from econ.numbers import format_number, list_separator
from econ.report.document import Table, _amount, _Formatter, _input_value, _parameter_label, _shown_unit, full_stop

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.model.risk import RiskAnalysis

MONEY_SCALE = 1e6  # chart axes in millions of the currency
HISTOGRAM_BINS = 40
CHART_LABEL_WIDTH = 34  # characters per line of an input's label on a chart
_METRICS = ("npv", "irr", "payback", "discounted_payback", "specific_cost")


@dataclass
class RiskSection:
    """Everything the template shows in the section, formatted."""

    intro: str
    inputs: Table
    tornado: Table
    monte_carlo: Table
    loss: str
    unquantified: list[tuple[str, str, str]]  # (input, value, source)
    texts: dict[str, str]
    sobol: Table | None = None
    without_base: str = ""  # the inputs whose range leaves out their base value, and the analysis without them
    charts: list[str] = field(default_factory=lambda: ["risk_tornado", "risk_spider", "risk_distribution",
                                                        "risk_sobol"])


def _label(evaluation: Evaluation, key: str, lang: str) -> str:
    plant = evaluation.plant
    return _parameter_label(key, plant.parameters[key].label, plant, lang)


def _distribution(item, fmt: _Formatter) -> str:  # noqa: ANN001 - UncertainInput
    name = i18n.text(f"risk.dist.{item.distribution}", fmt.lang)
    return f"{name}({list_separator(fmt.lang).join(fmt.auto(value, 4) for value in item.parameters)})"


def build_risk_section(evaluation: Evaluation, fmt: _Formatter, lang: str) -> RiskSection | None:
    """The section of ``evaluation``'s risk analysis in ``lang``; None when no analysis was run."""
    risk: RiskAnalysis | None = getattr(evaluation, "uncertainty", None)
    if risk is None:
        return None
    plant = evaluation.plant
    cur = fmt.unit(plant.currency)
    percent = fmt.number(risk.percent, 0)
    texts = {name: i18n.text(f"risk.{name}", lang) for name in ("unquantified", "unquantified_intro",
                                                                "unquantified_none", "unquantified_see",
                                                                "sobol_note")}
    intro = i18n.text("risk.intro", lang, percent=percent, count=len(risk.inputs), seed=risk.seed,
                      samples=fmt.number(risk.samples))
    headers = [i18n.text("report.col.input", lang), i18n.text("risk.col.unit", lang),
               i18n.text("risk.col.distribution", lang), i18n.text("risk.col.source", lang)]
    inputs = Table("risk_inputs", i18n.text("risk.inputs_caption", lang), headers, ["l", "l", "l", "l"],
                   [26, 9, 22, 43])
    for item in risk.inputs:
        unit = plant.parameters[item.key].unit
        inputs.add([_label(evaluation, item.key, lang), _shown_unit(unit, fmt) or ("%" if unit == "fraction" else ""),
                    _distribution(item, fmt) if unit != "fraction" else _fraction_distribution(item, fmt),
                    item.source])
    tornado = Table("risk_tornado", i18n.text("risk.tornado_caption", lang, cur=cur),
                    [i18n.text("report.col.input", lang), i18n.text("risk.col.low", lang),
                     i18n.text("risk.col.high", lang), i18n.text("risk.col.unit", lang),
                     i18n.text("risk.col.npv_low", lang), i18n.text("risk.col.npv_high", lang),
                     i18n.text("risk.col.swing", lang), i18n.text("risk.col.range", lang)],
                    ["l", "r", "r", "l", "r", "r", "r", "l"], [19, 12.5, 12.5, 7, 12.5, 12.5, 12, 12])
    tornado.note = i18n.text("risk.tornado_note", lang, npv=f"{fmt.number(risk.tornado.base)} {cur}")
    for swing in risk.tornado.swings:
        unit = plant.parameters[swing.range.key].unit
        basis = (i18n.text("risk.basis.p10_p90", lang) if swing.range.basis.startswith("P10")
                 else i18n.text("risk.basis.percent", lang, percent=percent))
        tornado.add([_label(evaluation, swing.range.key, lang), _input_value(swing.range.low, unit, fmt),
                     _input_value(swing.range.high, unit, fmt), _shown_unit(unit, fmt),
                     fmt.number(swing.metric_low), fmt.number(swing.metric_high), fmt.number(swing.swing), basis])
    statistics = risk.statistics()
    monte_carlo = Table("risk_monte_carlo", i18n.text("risk.mc_caption", lang, samples=fmt.number(risk.samples),
                                                      seed=risk.seed),
                        [i18n.text("risk.col.metric", lang), i18n.text("risk.col.mean", lang),
                         i18n.text("risk.col.std", lang), "P10", "P50", "P90", i18n.text("risk.col.chance", lang)],
                        ["l", "r", "r", "r", "r", "r", "r"], [24, 13, 12, 13, 13, 13, 12], whole=True)
    for key in _METRICS:
        if key not in statistics:
            continue
        stats = statistics[key]
        show = _shower(key, evaluation, fmt)
        chance = stats.get("prob_negative", stats.get("prob_not_reached"))
        if key == "irr" and stats["undefined"]:
            chance = stats["undefined"] / risk.samples
        monte_carlo.add([_metric_label(evaluation, key, lang), show(stats["mean"]), show(stats["std"]),
                         show(stats["p10"]), show(stats["p50"]), show(stats["p90"]),
                         "—" if chance is None else fmt.percent(chance, 1)])
    npv = statistics["npv"]
    monte_carlo.note = full_stop(i18n.text("risk.mc_note", lang, sem=f"{fmt.number(npv['sem'])} {cur}"))
    probability = npv.get("prob_negative") or 0.0
    loss = i18n.text("risk.loss", lang, probability=fmt.percent(probability, 1),
                     losses=fmt.number(round(probability * risk.samples)), samples=fmt.number(risk.samples))
    sobol = None
    if risk.sobol:
        sobol = Table("risk_sobol", i18n.text("risk.sobol_caption", lang,
                                              evaluations=fmt.number(risk.sobol["evaluations"])),
                      [i18n.text("report.col.input", lang), i18n.text("risk.col.s1", lang),
                       i18n.text("risk.col.conf", lang), i18n.text("risk.col.st", lang),
                       i18n.text("risk.col.conf", lang)], ["l", "r", "r", "r", "r"], [40, 15, 15, 15, 15], whole=True)
        for row in risk.sobol["inputs"]:
            sobol.add([_label(evaluation, row["key"], lang), fmt.number(row["S1"], 3), fmt.number(row["S1_conf"], 3),
                       fmt.number(row["ST"], 3), fmt.number(row["ST_conf"], 3)])
    unquantified = [(_label(evaluation, key, lang), _amount(plant.parameters[key].value, plant.parameters[key].unit, fmt),
                     plant.parameters[key].source) for key in risk.unquantified]
    return RiskSection(intro, inputs, tornado, monte_carlo, loss, unquantified, texts, sobol,
                       without_base=_without_base(evaluation, risk, fmt, lang))


def without_base_items(evaluation: Evaluation, risk: RiskAnalysis, fmt: _Formatter, lang: str) -> str:
    """``Electrodialyser: unit power: 28.41 to 142.05 kW against 10 kW; ...``: each input whose range leaves out
    its base value (econ.model.risk.ranges_without_base), with both."""
    plant = evaluation.plant
    return "; ".join(  # items that hold commas of their own
        i18n.text("risk.without_base_item", lang, input=_label(evaluation, item.key, lang),
                  low=_input_value(item.low, plant.parameters[item.key].unit, fmt),
                  high=_amount(item.high, plant.parameters[item.key].unit, fmt),
                  base=_amount(item.base, plant.parameters[item.key].unit, fmt))
        for item in risk.without_base)


def _without_base(evaluation: Evaluation, risk: RiskAnalysis, fmt: _Formatter, lang: str) -> str:
    """The paragraph on the inputs whose range leaves out their base value, with the NPV and the probability of a
    loss of the Monte Carlo that holds them at it; "" when every range holds its base value."""
    if not risk.without_base:
        return ""
    inputs = without_base_items(evaluation, risk, fmt, lang)
    count = len(risk.without_base)
    npv = risk.at_base.statistics()["npv"] if risk.at_base is not None else None
    if npv is None or npv.get("p10") is None:
        return i18n.text("risk.without_base_alone", lang, count=count, inputs=inputs)
    cur = fmt.unit(evaluation.plant.currency)
    return i18n.text("risk.without_base", lang, count=count, inputs=inputs, p10=f"{fmt.number(npv['p10'])} {cur}",
                     p90=f"{fmt.number(npv['p90'])} {cur}", probability=fmt.percent(npv.get("prob_negative") or 0.0, 1))


def _fraction_distribution(item, fmt: _Formatter) -> str:  # noqa: ANN001 - UncertainInput
    """A fraction's distribution with its bounds in percent (normal and lognormal keep their numbers)."""
    if item.distribution in ("uniform", "triangular", "pert"):
        name = i18n.text(f"risk.dist.{item.distribution}", fmt.lang)
        return f"{name}({list_separator(fmt.lang).join(_input_value(value, 'fraction', fmt) for value in item.parameters)})"
    return _distribution(item, fmt)


def _metric_label(evaluation: Evaluation, key: str, lang: str) -> str:
    """The metric's label with its unit: "NPV, 12 %, RUB" (the rate with the decimals it needs, as the inputs
    print it), "Payback, years", "Specific cost, RUB/t"."""
    plant = evaluation.plant
    label = i18n.figure_label(key, lang)
    if key == "npv":
        rate = _input_value(plant.value("discount_rate"), "fraction", _Formatter(lang, plant.currency))
        return f"{label}, {rate}, {i18n.unit(plant.currency, lang)}"
    if key in ("payback", "discounted_payback"):
        return f"{label}, {i18n.text('risk.years', lang)}"
    if key == "specific_cost":
        return f"{label}, {i18n.unit(f'{plant.currency}/{plant.basis}', lang)}"
    return label


def _shower(key: str, evaluation: Evaluation, fmt: _Formatter):  # noqa: ANN202
    """How a metric's statistic is written: money without decimals, a rate in %, years with two decimals."""

    def show(value: float | None) -> str:
        if value is None:
            return "—"
        if key == "irr":
            return fmt.percent(value, 1)
        if key in ("payback", "discounted_payback"):
            return fmt.number(value, 2)
        if key == "specific_cost":
            return fmt.number(value, 2)
        return fmt.number(value)

    return show


def risk_chart_inputs(evaluation: Evaluation, lang: str) -> dict[str, object]:
    """Plain data of the section's charts (``{"risk": {...}}``), or ``{}`` without an analysis."""
    risk: RiskAnalysis | None = getattr(evaluation, "uncertainty", None)
    if risk is None:
        return {}
    cur = i18n.unit(evaluation.plant.currency, lang)
    axis = i18n.text("chart.npv_axis", lang, cur=cur)

    def wrapped(key: str) -> str:
        return "\n".join(textwrap.wrap(_label(evaluation, key, lang), CHART_LABEL_WIDTH)[:3])

    shown = [swing for swing in risk.tornado.swings if swing.swing is not None][:12]
    tornado = {"labels": [wrapped(swing.range.key) for swing in shown],
               "low": [swing.metric_low / MONEY_SCALE for swing in shown],
               "high": [swing.metric_high / MONEY_SCALE for swing in shown],
               "base": (risk.tornado.base or 0.0) / MONEY_SCALE, "title": i18n.text("chart.tornado_title", lang),
               "texts": {"axis": axis, "low": i18n.text("chart.tornado_low", lang),
                         "high": i18n.text("chart.tornado_high", lang), "base": i18n.text("chart.base_npv", lang)}}
    spider = {"changes": list(risk.spider.changes),
              "series": [(wrapped(key), [None if value is None else value / MONEY_SCALE for value in values])
                         for key, values in risk.spider.values.items()],
              "title": i18n.text("chart.spider_title", lang),
              "texts": {"x_axis": i18n.text("chart.spider_x", lang), "y_axis": axis}}
    npv = risk.monte_carlo.metrics["npv"]
    values = np.sort(npv.values[npv.status == 0]) / MONEY_SCALE
    distribution = None
    if values.size:
        counts, edges = np.histogram(values, bins=HISTOGRAM_BINS if values[-1] > values[0] else 1)
        step = max(1, values.size // 400)  # the cumulative curve from 400 points is smooth at print size
        positions = np.arange(0, values.size, step)
        statistics = risk.statistics()["npv"]
        distribution = {
            "edges": [float(edge) for edge in edges], "shares": [100.0 * count / values.size for count in counts],
            "cumulative": ([float(values[i]) for i in positions] + [float(values[-1])],
                           [100.0 * (i + 1) / values.size for i in positions] + [100.0]),
            "percentiles": {name: float(statistics[name.lower()]) / MONEY_SCALE for name in ("P10", "P50", "P90")},
            "base": (risk.tornado.base or 0.0) / MONEY_SCALE,
            "title": i18n.text("chart.histogram_title", lang, samples=format_number(risk.samples, 0, lang)),
            "texts": {"x_axis": axis, "y_axis": i18n.text("chart.histogram_y", lang),
                      "cumulative": i18n.text("chart.cumulative_share", lang),
                      "base": i18n.text("chart.base_npv", lang)},
        }
    sobol = None
    if risk.sobol:
        rows = risk.sobol["inputs"]
        sobol = {"labels": [wrapped(row["key"]) for row in rows], "title": i18n.text("chart.sobol_title", lang),
                 **{name: [float(row[name]) for row in rows] for name in ("S1", "S1_conf", "ST", "ST_conf")},
                 "texts": {"axis": i18n.text("chart.sobol_index", lang), "s1": i18n.text("risk.col.s1", lang),
                           "st": i18n.text("risk.col.st", lang)}}
    return {"risk": {"tornado": tornado, "spider": spider, "distribution": distribution, "sobol": sobol}}
