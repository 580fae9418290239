"""The report's charts of costs, cash flow and break-even, as SVG elements to inline in its HTML.

Each function returns one ``<svg>`` element drawn by econ.report.chart_style.render (16 cm wide, text as
text, deterministic bytes: see that module). The chart of a component through a process chain is in
econ.report.chain_chart, and its names are importable from here too; the risk charts are in
econ.report.risk_charts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from econ.report.chain_chart import CHAIN_DESTINATIONS, ChainFlow, ChainOutput, ChainStage, chain_flow_svg
from econ.report.chart_style import COLOURS, PERCENT_SPACE, legend_rows, render, spread_x_ticks, tick_formatter, \
    wrap_to_axes
from econ.numbers import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

__all__ = ["CHAIN_DESTINATIONS", "COLOURS", "ChainFlow", "ChainOutput", "ChainStage", "break_even_map_svg",
           "cash_flow_svg", "chain_flow_svg", "cost_structure_svg"]

_LABEL_OFFSET_PT = 4.0
_LABEL_PAD_PT = 6.0
_MAX_YEAR_TICKS = 16
_NAME_WIDTH = 32  # characters of a cost line's name per line; longer names wrap
_HEADROOM = 0.14  # of the y range, above the data of the cash-flow chart
#: Height of the cash-flow chart: with its section's two tables of a 15-year cash flow it fits one A4 page.
CASH_FLOW_HEIGHT_IN = 3.2


def cost_structure_svg(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    value_label: str,
    number_format: Callable[[float], str],
    lang: str = "en",
) -> str:
    """Horizontal bars of cost lines, the largest on top, as an ``<svg>`` element.

    ``items`` are (label, amount) pairs in one unit, e.g. RUB/month, stated by
    ``value_label`` (the x-axis label, e.g. ``"RUB/month"`` or ``"руб./мес"``).
    Each bar is annotated with ``number_format(amount)`` and its share of the
    total in whole percent (``"27 %"``; ``"<1 %"`` for a non-zero share below
    half a percent). Zero and negative amounts are drawn; when the total is not
    positive, shares are meaningless and left out. When every amount is zero
    there is nothing to show: the result is ``""`` and the report leaves the
    chart out. Names longer than 32 characters wrap onto several lines. The
    x-axis ticks are numbers of ``lang`` ("12 000 000" in Russian), few
    enough not to run into each other. ``title`` is drawn as the axes title
    and is the chart's ``aria-label``.

    Raises ValueError for an empty list or a non-finite amount.
    """
    if len(items) == 0:
        raise ValueError("cost_structure_svg: no cost items to draw")
    for name, amount in items:
        if not math.isfinite(amount):
            raise ValueError(f"cost_structure_svg: cost item {name!r} is {amount!r}, expected a finite number")
    if all(amount == 0 for _, amount in items):
        return ""

    import textwrap

    ordered = sorted(items, key=lambda item: item[1], reverse=True)  # stable: ties keep their order
    names = [textwrap.fill(name, _NAME_WIDTH, break_long_words=False) for name, _ in ordered]
    amounts = [float(amount) for _, amount in ordered]
    total = sum(amounts)
    annotations = [
        number_format(amount) if total <= 0 else f"{number_format(amount)} ({_share_text(amount / total)})"
        for amount in amounts
    ]

    def draw(figure: Figure) -> None:
        axes = figure.add_subplot()
        positions = list(range(len(amounts)))
        colours = [COLOURS["negative"] if amount < 0 else COLOURS["bar"] for amount in amounts]
        axes.barh(positions, amounts, height=0.62, color=colours, zorder=2)
        axes.set_yticks(positions, labels=names)
        axes.invert_yaxis()  # first (largest) item on top
        axes.tick_params(axis="y", length=0)
        axes.axvline(0, color=COLOURS["zero"], linewidth=0.8, zorder=3)
        axes.grid(axis="x", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        axes.xaxis.set_major_formatter(tick_formatter(lang))
        axes.set_xlabel(value_label)
        if title:
            axes.set_title(title, loc="left")
        labels = [
            axes.annotate(
                text, xy=(amount, position), xytext=(-_LABEL_OFFSET_PT if amount < 0 else _LABEL_OFFSET_PT, 0),
                textcoords="offset points", ha="right" if amount < 0 else "left", va="center", fontsize=8,
            )
            for text, amount, position in zip(annotations, amounts, positions)
        ]
        _fit_bar_labels(figure, axes, labels, amounts)
        spread_x_ticks(figure, axes)

    rows = sum(1 + 0.4 * name.count("\n") for name in names)  # a wrapped name needs a taller row
    height_in = 0.95 + 0.34 * rows
    return render(draw, height_in, title)


def cash_flow_svg(
    years: Sequence[int],
    annual: Sequence[float],
    cumulative_discounted: Sequence[float],
    *,
    payback_year: float | None,
    title: str,
    labels: Mapping[str, str],
    money_scale: float = 1e6,
    number_format: Callable[[float], str] | None = None,
    lang: str = "en",
) -> str:
    """Annual net cash flow (bars) and cumulative discounted cash flow (line), as an ``<svg>`` element.

    ``annual`` and ``cumulative_discounted`` are signed amounts in the
    workbook's currency (inflows positive), one per year of ``years`` (year 0
    is the investment). They are divided by ``money_scale`` for the y axis
    (1e6 with ``labels["y_axis"] = "mln RUB"``). Negative bars have their own
    colour; a line marks zero. With ``payback_year`` (fractional, on the scale
    of ``years``: 3.4 for years 0..10, 2028.4 for calendar years) a dashed
    vertical line marks it, labelled ``labels["payback"]: 3.4``; without,
    ``labels["not_reached"]`` is written in the upper left corner. More than
    16 years are ticked every second (third...) year.

    ``labels`` needs the keys ``x_axis``, ``y_axis``, ``annual``,
    ``cumulative_discounted``, ``payback`` and ``not_reached``. The y-axis
    ticks are numbers of ``lang`` with the decimals their step needs
    ("−12,5", "0,0" in Russian). ``number_format`` formats the payback year;
    without it, one decimal in ``lang`` is used.

    Raises ValueError for no years, sequences of different lengths, missing
    labels, a non-finite value or a money_scale that is not positive.
    """
    required = ("x_axis", "y_axis", "annual", "cumulative_discounted", "payback", "not_reached")
    missing = [key for key in required if key not in labels]
    if missing:
        raise ValueError(f"cash_flow_svg: labels has no {', '.join(missing)}; expected the keys {', '.join(required)}")
    if len(years) == 0:  # len, not truth: numpy arrays are welcome
        raise ValueError("cash_flow_svg: no years to draw")
    if not len(years) == len(annual) == len(cumulative_discounted):
        raise ValueError(f"cash_flow_svg: {len(years)} years, {len(annual)} annual flows and "
                         f"{len(cumulative_discounted)} cumulative discounted flows; expected as many of each")
    if not (math.isfinite(money_scale) and money_scale > 0):
        raise ValueError(f"cash_flow_svg: money_scale is {money_scale!r}, expected a positive number")
    for name, series in (("annual", annual), ("cumulative_discounted", cumulative_discounted)):
        for year, value in zip(years, series):
            if not math.isfinite(value):
                raise ValueError(f"cash_flow_svg: {name} flow of year {year} is {value!r}, expected a finite number")
    if payback_year is not None and not math.isfinite(payback_year):
        raise ValueError(f"cash_flow_svg: payback_year is {payback_year!r}, expected a finite number or None")

    years = [int(year) for year in years]
    annual_scaled = [float(value) / money_scale for value in annual]
    cumulative_scaled = [float(value) / money_scale for value in cumulative_discounted]

    def draw(figure: Figure) -> None:
        from matplotlib.legend_handler import HandlerTuple
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        colours = [COLOURS["negative"] if value < 0 else COLOURS["bar"] for value in annual_scaled]
        axes.bar(years, annual_scaled, width=0.6, color=colours, zorder=2)
        (line,) = axes.plot(years, cumulative_scaled, color=COLOURS["line"], linewidth=1.6, marker="o",
                            markersize=3.5, zorder=4)
        axes.axhline(0, color=COLOURS["zero"], linewidth=0.8, zorder=3)
        axes.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)

        step = math.ceil(len(years) / _MAX_YEAR_TICKS)
        axes.set_xticks(years[::step], labels=[str(year) for year in years[::step]])
        shown_years = years if payback_year is None else [*years, payback_year]
        axes.set_xlim(min(shown_years) - 0.6, max(shown_years) + 0.6)
        axes.yaxis.set_major_formatter(tick_formatter(lang))
        axes.set_xlabel(labels["x_axis"])
        axes.set_ylabel(labels["y_axis"])
        if title:
            axes.set_title(title, loc="left")

        bottom, top = axes.get_ylim()
        axes.set_ylim(bottom, top + _HEADROOM * (top - bottom))  # room for the payback label or the note
        note_box = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
        if payback_year is not None:
            axes.axvline(payback_year, color=COLOURS["marker"], linewidth=1.0, linestyle=(0, (4, 3)), zorder=3)
            year_text = (number_format(payback_year) if number_format is not None
                         else format_number(payback_year, 1, lang))
            right_half = payback_year > (min(years) + max(years)) / 2
            axes.annotate(
                f"{labels['payback']}: {year_text}", xy=(payback_year, 1), xycoords=axes.get_xaxis_transform(),
                xytext=(-4 if right_half else 4, -3), textcoords="offset points",
                ha="right" if right_half else "left", va="top", fontsize=8, bbox=note_box, zorder=5,
            )
        else:
            axes.text(0.01, 0.98, labels["not_reached"], transform=axes.transAxes, ha="left", va="top",
                      fontsize=8, fontstyle="italic", bbox=note_box, zorder=5)

        bar_handles = []
        if any(value >= 0 for value in annual_scaled):
            bar_handles.append(Patch(facecolor=COLOURS["bar"]))
        if any(value < 0 for value in annual_scaled):
            bar_handles.append(Patch(facecolor=COLOURS["negative"]))
        figure.legend(
            [tuple(bar_handles), line], [labels["annual"], labels["cumulative_discounted"]],
            handler_map={tuple: HandlerTuple(ndivide=None, pad=0)},
            loc="outside lower center", ncols=2, frameon=False,
        )

    return render(draw, CASH_FLOW_HEIGHT_IN, title)


def break_even_map_svg(
    xs: Sequence[float],
    ys: Sequence[float],
    values: Sequence[Sequence[float]],
    *,
    title: str,
    labels: Mapping[str, str],
    lang: str = "en",
) -> str:
    """A two-input break-even map: where NPV (or an alternative's incremental NPV) is above or below zero.

    ``values`` has shape (len(ys), len(xs)). The zero line is drawn where the
    choice flips; ``labels`` gives "x_axis" and "y_axis" (with units),
    "positive" and "negative" (what each side means, e.g. "BPM wins") and
    "line" (the zero line's legend entry). The ticks are numbers of ``lang``
    ("20 000 000", "1,5" in Russian), never an offset such as "1e7"; an axis
    label longer than its axis wraps onto more lines.
    """
    import numpy as np

    grid = np.asarray(values, dtype=float)
    x_values, y_values = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    if grid.shape != (y_values.size, x_values.size):
        raise ValueError(f"values: expected shape {(y_values.size, x_values.size)}, got {grid.shape}")
    if not np.all(np.isfinite(grid)):
        raise ValueError("values: NaN or infinite NPV in the map")
    missing = {"x_axis", "y_axis", "positive", "negative", "line"} - set(labels)
    if missing:
        raise ValueError(f"labels: missing {', '.join(sorted(missing))}")

    def draw(figure: Figure) -> None:
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        positive = grid > 0
        axes.contourf(x_values, y_values, positive.astype(float), levels=[-0.5, 0.5, 1.5],
                      colors=[COLOURS["negative"], COLOURS["bar"]], alpha=0.35)
        handles = [Patch(color=COLOURS["bar"], alpha=0.35, label=labels["positive"]),
                   Patch(color=COLOURS["negative"], alpha=0.35, label=labels["negative"])]
        if positive.any() and (~positive).any():
            axes.contour(x_values, y_values, grid, levels=[0.0], colors=[COLOURS["line"]], linewidths=1.6)
            from matplotlib.lines import Line2D

            handles.append(Line2D([], [], color=COLOURS["line"], linewidth=1.6, label=labels["line"]))
        axes.xaxis.set_major_formatter(tick_formatter(lang))
        axes.yaxis.set_major_formatter(tick_formatter(lang))
        axes.set_xlabel(labels["x_axis"])
        axes.set_ylabel(labels["y_axis"])
        axes.set_title(title)
        # under the axes, on as few rows as fit the figure's width: a row wider than the figure would squeeze the
        # axes to a sliver (Russian names of alternatives are long)
        rows = legend_rows([handle.get_label() for handle in handles])
        figure.legend(handles=handles, loc="outside lower center", ncols=-(-len(handles) // rows), frameon=False)
        wrap_to_axes(figure, axes)
        spread_x_ticks(figure, axes)

    return render(draw, 3.6, title)



def _share_text(share: float) -> str:
    """A share of the total in whole percent, a no-break space before the sign: ``27 %``, ``−3 %``, ``<1 %`` for a
    small non-zero share."""
    percent = round(share * 100)
    if percent == 0 and share != 0:
        return f"<1{PERCENT_SPACE}%"
    return f"{percent}{PERCENT_SPACE}%".replace("-", "\u2212")


def _fit_bar_labels(figure: Figure, axes: Axes, labels: Sequence[Text], amounts: Sequence[float]) -> None:
    """Widen the x limits of a horizontal bar chart so that each bar's end label fits inside the axes.

    The labels' widths are measured after a layout pass; a label of width w
    next to a bar ending at x needs (xmax - x) / span >= (offset + w + pad) / axes_width.
    """
    figure.draw_without_rendering()  # runs the layout; sizes in px, 1 px = 1 pt at 72 dpi
    axes_width = axes.get_window_extent().width
    gap_px = (_LABEL_OFFSET_PT + _LABEL_PAD_PT) * figure.dpi / 72
    room = [(gap_px + label.get_window_extent().width) / axes_width for label in labels]
    low = min(0.0, *amounts)
    high = max(0.0, *amounts)
    if high == low:
        high = low + 1.0
    right_room = max([need for amount, need in zip(amounts, room) if amount >= 0], default=0.0)
    left_room = max([need for amount, need in zip(amounts, room) if amount < 0], default=0.0)
    if right_room + left_room >= 0.8:
        return  # labels about as wide as the axes: keep the limits, let the labels overhang
    for _ in range(50):
        span = high - low
        new_high = max([high] + [amount + need * span for amount, need in zip(amounts, room) if amount >= 0])
        new_low = min([low] + [amount - need * span for amount, need in zip(amounts, room) if amount < 0])
        if new_high == high and new_low == low:
            break
        high, low = new_high, new_low
    axes.set_xlim(low, high)

