"""Charts of the report's "Sensitivity and risk" section, as SVG elements like econ.report.charts.

- :func:`tornado_svg`: NPV at each input's low and high end, bars from the base NPV;
- :func:`spider_svg`: NPV against the % change of the top inputs;
- :func:`distribution_svg`: the Monte Carlo NPV histogram with its cumulative curve, P10/P50/P90 marked;
- :func:`sobol_svg`: first-order and total Sobol indices with their 95 % confidence intervals.

They draw data already computed and labelled (econ.report.risk_section.risk_chart_inputs), with the same
style, size, fonts and deterministic output as econ.report.charts (chart_style.render). Money comes in
millions of the currency, named by the axis label. :func:`render_risk_charts` is what the chart worker
calls (econ.report.html.render_charts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from econ.report.chart_style import COLOURS, legend_rows, render, tick_formatter
from econ.numbers import format_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_SERIES = ("#1f3552", "#4f7ca8", "#c8825f", "#2f6b45", "#b5a24a", "#7f5a99")  # spider lines, darkest first
_PERCENTILE_STYLE = {"P10": (0, (2, 2)), "P50": "solid", "P90": (0, (2, 2))}


def tornado_svg(labels: Sequence[str], low: Sequence[float], high: Sequence[float], base: float, *,
                title: str, texts: Mapping[str, str], lang: str = "en") -> str:
    """Horizontal bars from ``base`` to the NPV at each input's ``low`` and ``high`` end (millions), the
    widest swing on top. ``texts``: ``axis``, ``low``, ``high``, ``base``."""
    if not len(labels) == len(low) == len(high):
        raise ValueError(f"tornado_svg: {len(labels)} labels, {len(low)} low and {len(high)} high values")

    def draw(figure: Figure) -> None:
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        rows = list(range(len(labels)))[::-1]
        for row, at_low, at_high in zip(rows, low, high):
            axes.barh(row, at_low - base, left=base, height=0.6, color=COLOURS["negative"], zorder=2)
            axes.barh(row, at_high - base, left=base, height=0.6, color=COLOURS["bar"], zorder=2)
        axes.axvline(base, color=COLOURS["zero"], linewidth=1.0, zorder=3)
        if min([*low, *high, base]) < 0 < max([*low, *high, base]):
            axes.axvline(0, color=COLOURS["axis"], linewidth=0.8, linestyle=(0, (4, 3)), zorder=3)
        axes.set_yticks(rows, labels=list(labels), fontsize=8)
        axes.xaxis.set_major_formatter(tick_formatter(lang))
        axes.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        axes.set_xlabel(texts["axis"])
        axes.set_title(title, loc="left")
        from matplotlib.lines import Line2D

        figure.legend([Patch(facecolor=COLOURS["negative"]), Patch(facecolor=COLOURS["bar"]),
                       Line2D([], [], color=COLOURS["zero"], linewidth=1.0)],
                      [texts["low"], texts["high"], f"{texts['base']}: {format_number(base, 1, lang)}"],
                      loc="outside lower center", ncols=3, frameon=False)

    return render(draw, 1.3 + 0.32 * max(len(labels), 1), title)


def spider_svg(changes: Sequence[float], series: Sequence[tuple[str, Sequence[float | None]]], *, title: str,
               texts: Mapping[str, str], lang: str = "en") -> str:
    """NPV (millions) against the % change of each input; a None value (no such input value) is a gap.
    ``texts``: ``x_axis``, ``y_axis``. The legend takes as few rows as fit the width (two columns of five
    inputs rather than one of ten), so that the chart fits beside the section's text."""
    rows = legend_rows([label for label, _ in series]) if series else 1

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        for index, (label, values) in enumerate(series):
            points = [(change, value) for change, value in zip(changes, values) if value is not None]
            axes.plot([x for x, _ in points], [y for _, y in points], marker="o", markersize=3.5, linewidth=1.4,
                      color=_SERIES[index % len(_SERIES)], label=label,
                      linestyle="solid" if index < len(_SERIES) else "dashed")
        axes.axvline(0, color=COLOURS["axis"], linewidth=0.8)
        axes.axhline(0, color=COLOURS["zero"], linewidth=0.8)
        axes.set_xticks(list(changes), labels=[f"{change:+g}".replace("-", "−") if change else "0" for change in changes])
        axes.yaxis.set_major_formatter(tick_formatter(lang))
        axes.grid(color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        axes.set_xlabel(texts["x_axis"])
        axes.set_ylabel(texts["y_axis"])
        axes.set_title(title, loc="left")
        figure.legend(loc="outside lower center", ncols=max(1, -(-len(series) // rows)), frameon=False,
                      fontsize=8)

    return render(draw, 3.1 + 0.17 * rows, title)


def distribution_svg(edges: Sequence[float], shares: Sequence[float], cumulative: tuple[Sequence[float],
                     Sequence[float]], percentiles: Mapping[str, float], base: float, *, title: str,
                     texts: Mapping[str, str], lang: str = "en") -> str:
    """The NPV histogram (``shares`` in % of the samples between consecutive ``edges``, millions), the
    cumulative share on a right axis (``cumulative`` = (NPV values, %)), P10/P50/P90 and the base NPV marked.
    ``texts``: ``x_axis``, ``y_axis``, ``cumulative``, ``base``."""
    if len(edges) != len(shares) + 1:
        raise ValueError(f"distribution_svg: {len(edges)} edges for {len(shares)} bins; expected one more edge")

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        lefts, widths = edges[:-1], [high - low for low, high in zip(edges, edges[1:])]
        colours = [COLOURS["negative"] if low + width / 2 < 0 else COLOURS["bar"] for low, width in zip(lefts, widths)]
        axes.bar(lefts, shares, width=widths, align="edge", color=colours, edgecolor="white", linewidth=0.3, zorder=2)
        axes.set_xlabel(texts["x_axis"])
        axes.set_ylabel(texts["y_axis"])
        axes.xaxis.set_major_formatter(tick_formatter(lang))
        axes.yaxis.set_major_formatter(tick_formatter(lang))
        axes.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        right = axes.twinx()
        right.plot(cumulative[0], cumulative[1], color=COLOURS["line"], linewidth=1.5, zorder=4)
        right.set_ylim(0, 104)
        right.set_ylabel(texts["cumulative"])
        right.yaxis.set_major_formatter(tick_formatter(lang))
        from matplotlib.lines import Line2D

        handles, names = [], []
        for name, value in percentiles.items():
            axes.axvline(value, color=COLOURS["marker"], linewidth=1.0, linestyle=_PERCENTILE_STYLE.get(name, "solid"),
                         zorder=3)
            axes.annotate(name, xy=(value, 1), xycoords=axes.get_xaxis_transform(), xytext=(0, 2),
                          textcoords="offset points", ha="center", va="bottom", fontsize=7.5, zorder=6)
            handles.append(Line2D([], [], color=COLOURS["marker"], linewidth=1.0,
                                  linestyle=_PERCENTILE_STYLE.get(name, "solid")))
            names.append(f"{name}: {format_number(value, 1, lang)}")
        axes.axvline(base, color=COLOURS["chain_sold"], linewidth=1.4, zorder=3)
        handles += [Line2D([], [], color=COLOURS["chain_sold"], linewidth=1.4),
                    Line2D([], [], color=COLOURS["line"], linewidth=1.5)]
        names += [f"{texts['base']}: {format_number(base, 1, lang)}", texts["cumulative"]]
        axes.set_ylim(0, axes.get_ylim()[1] * 1.05)
        axes.set_title(title, loc="left", pad=14)
        figure.legend(handles, names, loc="outside lower center", ncols=3, frameon=False, fontsize=8)

    return render(draw, 3.8, title)


def sobol_svg(labels: Sequence[str], first: Sequence[float], first_conf: Sequence[float], total: Sequence[float],
              total_conf: Sequence[float], *, title: str, texts: Mapping[str, str], lang: str = "en") -> str:
    """Paired horizontal bars of S1 and ST per input with their 95 % intervals. ``texts``: ``axis``, ``s1``, ``st``."""

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        rows = list(range(len(labels)))[::-1]
        axes.barh([row + 0.18 for row in rows], first, xerr=first_conf, height=0.34, color=COLOURS["bar"],
                  label=texts["s1"], zorder=2, error_kw={"elinewidth": 0.8, "capsize": 2})
        axes.barh([row - 0.18 for row in rows], total, xerr=total_conf, height=0.34, color=COLOURS["line"],
                  label=texts["st"], zorder=2, error_kw={"elinewidth": 0.8, "capsize": 2})
        axes.set_yticks(rows, labels=list(labels), fontsize=8)
        ends = [value + conf for value, conf in zip([*first, *total], [*first_conf, *total_conf])]
        starts = [value - conf for value, conf in zip([*first, *total], [*first_conf, *total_conf])]
        axes.set_xlim(min(0.0, *starts) - 0.02, max(1.05, *ends) + 0.02)
        axes.xaxis.set_major_formatter(tick_formatter(lang))
        axes.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        axes.set_xlabel(texts["axis"])
        axes.set_title(title, loc="left")
        figure.legend(loc="outside lower center", ncols=2, frameon=False)

    return render(draw, 1.3 + 0.4 * max(len(labels), 1), title)


def render_risk_charts(inputs: Mapping[str, object]) -> dict[str, str]:
    """The section's charts as SVG by name (``risk_tornado``, ``risk_spider``, ``risk_distribution``,
    ``risk_sobol``) from ``inputs["risk"]``; nothing when there is no analysis."""
    risk = inputs.get("risk")
    if not risk:
        return {}
    lang = str(inputs["lang"])
    charts = {}
    tornado = risk["tornado"]
    if tornado["labels"]:
        charts["risk_tornado"] = tornado_svg(tornado["labels"], tornado["low"], tornado["high"], tornado["base"],
                                             title=tornado["title"], texts=tornado["texts"], lang=lang)
    spider = risk["spider"]
    if spider["series"]:
        charts["risk_spider"] = spider_svg(spider["changes"], spider["series"], title=spider["title"],
                                           texts=spider["texts"], lang=lang)
    histogram = risk["distribution"]
    if histogram is not None:
        charts["risk_distribution"] = distribution_svg(
            histogram["edges"], histogram["shares"], histogram["cumulative"], histogram["percentiles"],
            histogram["base"], title=histogram["title"], texts=histogram["texts"], lang=lang)
    sobol = risk.get("sobol")
    if sobol:
        charts["risk_sobol"] = sobol_svg(sobol["labels"], sobol["S1"], sobol["S1_conf"], sobol["ST"], sobol["ST_conf"],
                                         title=sobol["title"], texts=sobol["texts"], lang=lang)
    return charts
