"""Charts of the feasibility report, as SVG elements to inline in its HTML.

Each function returns one ``<svg>`` element (no XML declaration, no DOCTYPE)
whose text stays text (``svg.fonttype = "none"``), so WeasyPrint typesets it in
DejaVu Sans and the PDF's text can be extracted, Cyrillic included. The element
has a ``viewBox``, ``width="100%"`` and no ``height``: it scales to the text
width, keeping its aspect ratio. Figures are drawn 16 cm wide, so at an A4 text
width they print at about their natural size (labels 8-10 pt).

The output is deterministic: the same input gives the same bytes (no date in
the metadata, a fixed hash salt for the ids, matplotlib's default style
whatever the local ``matplotlibrc`` says). The ids of ``<clipPath>`` and marker
definitions carry a digest of the chart, so two different charts inlined in one
HTML page never share an id; matplotlib's bookkeeping ids on ``<g>`` groups
(``figure_1``, ``axes_1``...) are removed for the same reason.

matplotlib is imported inside the functions, never at module import, so
``econ check`` does not pay for it. Figures are built with
``matplotlib.figure.Figure`` and the SVG canvas, without pyplot: no figure
manager, no global list of open figures. matplotlib reads the SVG settings from
the global ``rcParams`` while it writes, so rendering holds a module lock.
"""

from __future__ import annotations

import io
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from econ.numbers import format_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text
    from matplotlib.ticker import Formatter

#: Width of every figure: 16 cm, in inches.
FIGURE_WIDTH_IN = 16 / 2.54

#: Calm, print-friendly colours that stay distinct in grey scale.
COLOURS = {
    "bar": "#4f7ca8",          # muted steel blue: costs, positive cash flow
    "negative": "#c8825f",     # muted terracotta: negative values
    "line": "#1f3552",         # dark navy: cumulative discounted cash flow
    "zero": "#4d4d4d",         # zero line
    "marker": "#4d4d4d",       # payback marker
    "grid": "#dcdcdc",
    "text": "#222222",
    "axis": "#7f7f7f",
    # a component through a process chain; grey levels from dark to light: sold, next, waste, returned
    "chain_next": "#4f7ca8",       # muted steel blue: carried to the next stage (the feed is "line")
    "chain_sold": "#2f6b45",       # deep muted green: sold products
    "chain_returned": "#e0c27c",   # light sand: returned to other circuits
    "chain_waste": "#c8825f",      # muted terracotta: waste
}

#: Settings applied on top of matplotlib's default style while a chart is built and written.
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "text.color": COLOURS["text"],
    "axes.labelcolor": COLOURS["text"],
    "axes.edgecolor": COLOURS["axis"],
    "xtick.color": COLOURS["axis"],
    "ytick.color": COLOURS["axis"],
    "xtick.labelcolor": COLOURS["text"],
    "ytick.labelcolor": COLOURS["text"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.unicode_minus": True,
    "text.parse_math": False,    # a "$" in a label is a dollar, not mathtext
    "svg.fonttype": "none",      # text as <text>, not as paths
    "svg.hashsalt": "econ-report-charts",
    "svg.id": None,
    "figure.dpi": 72,            # 1 px = 1 pt: the SVG's own unit
}

_RENDER_LOCK = threading.Lock()
_LABEL_OFFSET_PT = 4.0
_LABEL_PAD_PT = 6.0
_MAX_YEAR_TICKS = 16
_NAME_WIDTH = 32  # characters of a cost line's name per line; longer names wrap
_HEADROOM = 0.14  # of the y range, above the data of the cash-flow chart
_TICK_GAP_PT = 6.0  # at least between two x tick labels; closer, the axis gets fewer ticks
_TICK_DECIMALS = 12  # at most, for tick steps down to 1e-12


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
        axes.xaxis.set_major_formatter(_tick_formatter(lang))
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
        _spread_x_ticks(figure, axes)

    rows = sum(1 + 0.4 * name.count("\n") for name in names)  # a wrapped name needs a taller row
    height_in = 0.95 + 0.34 * rows
    return _render(draw, height_in, title)


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
        axes.yaxis.set_major_formatter(_tick_formatter(lang))
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

    return _render(draw, 3.5, title)


# -- helpers ------------------------------------------------------------------------------------


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
        axes.xaxis.set_major_formatter(_tick_formatter(lang))
        axes.yaxis.set_major_formatter(_tick_formatter(lang))
        axes.set_xlabel(labels["x_axis"])
        axes.set_ylabel(labels["y_axis"])
        axes.set_title(title)
        axes.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
        _wrap_to_axes(figure, axes)
        _spread_x_ticks(figure, axes)

    return _render(draw, 3.6, title)


def _tick_decimals(values: Sequence[float]) -> int:
    """The fewest decimals that write every tick value: 0 for 5 000 000, 1 for 1.2 and 1.4, 2 for 0.25 and 0.50."""
    finite = sorted({float(value) for value in values if math.isfinite(value)})
    steps = [high - low for low, high in zip(finite, finite[1:])]
    step = min(steps) if steps else abs(finite[0]) if finite and finite[0] else 1.0
    for decimals in range(_TICK_DECIMALS):
        if all(abs(value - round(value, decimals)) <= step * 1e-6 for value in finite):
            return decimals
    return _TICK_DECIMALS


def _tick_formatter(lang: str) -> Formatter:
    """Tick labels as the report writes numbers in ``lang``: ``2,500,000`` and ``0.25``, ``2 500 000`` and ``0,25``.

    The ticks of an axis share one number of decimals, the fewest that write
    them all (``0.25, 0.50, 0.75``); there is no offset and no scientific
    notation (``1e7``). Every chart's numeric axes use it.
    """
    from matplotlib.ticker import Formatter

    class LanguageTicks(Formatter):
        def format_ticks(self, values: Sequence[float]) -> list[str]:
            decimals = _tick_decimals(values)
            return [format_number(value, decimals, lang) for value in values]

        def __call__(self, value: float, position: int | None = None) -> str:
            return format_number(value, _tick_decimals([value]), lang)

    return LanguageTicks()


def _spread_x_ticks(figure: Figure, axes: Axes) -> None:
    """Fewer x ticks, until their labels stand at least 6 pt apart (``12,000,000`` is 46 pt wide at 8 pt).

    Run last: it measures the labels on the laid-out axes, at their final limits.
    """
    from matplotlib.ticker import MaxNLocator

    size = RC["xtick.labelsize"]
    bins = None
    while True:
        figure.draw_without_rendering()
        low, high = sorted(axes.get_xlim())
        locations = [location for location in axes.xaxis.get_major_locator()() if low <= location <= high]
        labels = axes.xaxis.get_major_formatter().format_ticks(locations)
        centres = [axes.transData.transform((location, 0))[0] for location in locations]
        widths = [_text_width(label, size) for label in labels]
        if all((left + right) / 2 + _TICK_GAP_PT <= right_x - left_x
               for left, right, left_x, right_x in zip(widths, widths[1:], centres, centres[1:])):
            return
        bins = min(bins or len(locations), len(locations)) - 1
        if bins < 1:
            return  # one interval and still too wide: nothing fewer to offer
        axes.xaxis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))


def _wrap_to_axes(figure: Figure, axes: Axes) -> None:
    """Wrap the (centred) title and the x-axis label to the axes' width and the y-axis label to their height.

    A y label longer than the axes are tall would reach up into the title; a
    title wider than the axes would reach over the y-axis ticks. Wrapping
    makes the axes smaller, so the texts are measured again until they settle.
    """
    for _ in range(3):
        figure.draw_without_rendering()
        box = axes.get_window_extent()
        changed = False
        for label, room in ((axes.title, box.width), (axes.xaxis.label, box.width), (axes.yaxis.label, box.height)):
            text = label.get_text()
            wrapped = _wrap_to_width(" ".join(text.split()), room, label.get_fontsize(), label.get_fontweight())
            if wrapped != text:
                label.set_text(wrapped)
                changed = True
        if not changed:
            return


def _share_text(share: float) -> str:
    """A share of the total in whole percent: ``27 %``, ``−3 %``, ``<1 %`` for a small non-zero share."""
    percent = round(share * 100)
    if percent == 0 and share != 0:
        return "<1 %"
    return f"{percent} %".replace("-", "\u2212")


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


def _render(draw: Callable[[Figure], None], height_in: float, title: str) -> str:
    """Build a 16 cm wide figure with ``draw`` under econ's style and return its ``<svg>`` element."""
    import matplotlib.style
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    buffer = io.StringIO()
    with _RENDER_LOCK, matplotlib.style.context(["default", RC]):
        figure = Figure(figsize=(FIGURE_WIDTH_IN, height_in), layout="constrained")
        canvas = FigureCanvasSVG(figure)
        draw(figure)
        canvas.print_svg(buffer, metadata={"Date": None})
    return _svg_element(buffer.getvalue(), title)


_SVG_START = re.compile(r"<svg\b[^>]*>")
_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')
_GROUP_ID = re.compile(r'(<g) id="[^"]*"')
_ID = re.compile(r'\sid="([^"]+)"')


def _svg_element(document: str, title: str) -> str:
    """The ``<svg>`` element of an SVG document, sized to its container and labelled for screen readers."""
    start = _SVG_START.search(document)
    if start is None or "viewBox=" not in start.group(0):
        raise ValueError("matplotlib wrote an SVG document without an <svg viewBox=...> element")
    tag = _SIZE_ATTRIBUTE.sub("", start.group(0))
    tag = tag[:-1].rstrip() + f' width="100%" role="img" aria-label="{_escape_attribute(title)}">'
    body = _GROUP_ID.sub(r"\1", document[start.end():]).rstrip() + "\n"
    import hashlib  # here, not at module import: econ check does not need it

    digest = hashlib.sha256((tag + body).encode("utf-8")).hexdigest()[:8]
    for old_id in _ID.findall(body):
        new_id = f"{old_id}-{digest}"
        body = body.replace(f'id="{old_id}"', f'id="{new_id}"')
        body = body.replace(f"url(#{old_id})", f"url(#{new_id})")
        body = body.replace(f'href="#{old_id}"', f'href="#{new_id}"')
    return tag + body


def _escape_attribute(text: str) -> str:
    """``text`` for a double-quoted XML attribute (xml.sax.saxutils would import urllib: 25 ms)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# -- a component through a process chain --------------------------------------------------------


@dataclass(frozen=True)
class ChainOutput:
    """One product of a chain stage and the share of the chain feed's component that goes into it."""

    name: str          # stream name, e.g. "Slag"
    destination: str   # "next", "sold", "returned" or "waste"
    share: float       # through recovery into this stream: fraction of the component in the chain feed (0..1)


@dataclass(frozen=True)
class ChainStage:
    """One stage of a process chain: what enters it with the chain stream and where it goes."""

    name: str                          # stage name, e.g. "Reducing smelting"
    carried_in: float                  # share of the chain feed's component entering with the chain stream
    outputs: tuple[ChainOutput, ...]   # every product of the stage, in workbook order
    imbalance: float = 0.0             # carried_in - sum(output shares): positive = lost, negative = gained


@dataclass(frozen=True)
class ChainFlow:
    """One component (``"Bi"``) through the stages of the chain that starts from ``feed``."""

    component: str
    feed: str
    stages: tuple[ChainStage, ...]


CHAIN_DESTINATIONS = ("next", "sold", "returned", "waste")
_CHAIN_LABEL_KEYS = ("axis", "feed", *CHAIN_DESTINATIONS, "imbalance")
_CHAIN_IMBALANCE_SHOWN = 0.001  # of the feed's component: a smaller imbalance is not drawn
_CHAIN_NOISE = 1e-9             # a share this far below 0 is rounding and drawn as 0; further is an error
_CHAIN_BAR_WIDTH = 0.86         # x units; columns are 1 unit apart
_CHAIN_GROUP_GAP = 0.5          # extra x units between the groups of two stages
_CHAIN_HEADROOM = 0.12          # of the y range, above the tallest column, for its label
_CHAIN_FONT_PT = 7.5            # labels above the columns
_CHAIN_RISE_PT = 2.0            # from a column's top to its label
_CHAIN_INSIDE_PT = 6.5          # labels inside the side segments
_CHAIN_TICK_SIZES = (8.0, 7.5, 7.0, 6.5)  # stage names: xtick.labelsize, smaller when a long word does not fit
_CHAIN_TICK_GAP_PT = 4.0        # between two stage names
_CHAIN_HATCH = "//////"


def chain_flow_svg(flow: ChainFlow, title: str, labels: Mapping[str, str], *, decimal_comma: bool = False) -> str:
    """A waterfall of one component's through recovery along a process chain, as an ``<svg>`` element.

    Shares are of the component in the chain feed and are drawn in percent.
    The first column is the feed (100 %, tick label ``flow.feed``). Each
    stage then has a group under its (wrapped) name: a floating column of
    its side outputs hanging from the level it was carried in at
    (``carried_in``), coloured by destination, and a bar of what it carries
    to the next stage (its outputs with destination ``"next"``), labelled
    with its percentage (``"96.0 %"``). The last stage's ``"next"`` and
    ``"sold"`` outputs are its final bars, stacked in workbook order from
    the bottom and named above, one line each from the top segment down
    (``"Crude bismuth: 19.1 %"``). A stage's ``"sold"`` outputs before the
    last are side outputs. Dashed connectors join the levels. An imbalance
    larger than 0.1 % of the feed's component is a hatched segment: below
    the side outputs when the stage loses (``imbalance > 0``), above the
    carried-in level when its outputs add up to more than entered
    (``imbalance < 0``). Side segments tall and wide enough for a label
    carry their percentage. Stage names wrap at spaces to their group's
    width and shrink (8 pt down to 6.5 pt) when a long word still collides.

    ``labels`` holds the texts, translated by the caller: ``"axis"`` (the
    y-axis label, e.g. ``"Share of Bi in the feed, %"``) and the legend
    entries ``"feed"``, ``"next"``, ``"sold"``, ``"returned"``, ``"waste"``
    and ``"imbalance"``; the legend lists the feed and only the destinations
    present in ``flow`` (and the imbalance when one is drawn). With
    ``decimal_comma`` the percentages read ``"96,0 %"``. ``title`` is drawn
    as the axes title and is the chart's ``aria-label``.

    The chart draws ``stage.imbalance`` as given: pass
    ``carried_in - sum(output shares)`` so that the levels join.

    Raises ValueError for missing labels, no stages, an unknown destination,
    a non-finite number or a negative share (below -1e-9: rounding noise is
    drawn as 0).
    """
    missing = [key for key in _CHAIN_LABEL_KEYS if key not in labels]
    if missing:
        raise ValueError(f"chain_flow_svg: labels has no {', '.join(missing)}; "
                         f"expected the keys {', '.join(_CHAIN_LABEL_KEYS)}")
    if len(flow.stages) == 0:
        raise ValueError(f"chain_flow_svg: the chain of {flow.component} from {flow.feed!r} has no stages to draw")
    for stage in flow.stages:
        for output in stage.outputs:  # first: a bad share makes a bad imbalance
            if output.destination not in CHAIN_DESTINATIONS:
                raise ValueError(f"chain_flow_svg: output {output.name!r} of stage {stage.name!r} goes to "
                                 f"{output.destination!r}, expected one of {', '.join(CHAIN_DESTINATIONS)}")
            if not (math.isfinite(output.share) and output.share >= -_CHAIN_NOISE):
                raise ValueError(f"chain_flow_svg: share of output {output.name!r} of stage {stage.name!r} is "
                                 f"{output.share!r}, expected a finite share of at least 0")
        for what, value in (("carried_in", stage.carried_in), ("imbalance", stage.imbalance)):
            if not math.isfinite(value):
                raise ValueError(f"chain_flow_svg: {what} of stage {stage.name!r} is {value!r}, "
                                 "expected a finite number")
        if stage.carried_in < -_CHAIN_NOISE:
            raise ValueError(f"chain_flow_svg: carried_in of stage {stage.name!r} is {stage.carried_in!r}, "
                             "expected a share of at least 0")

    lang = "ru" if decimal_comma else "en"

    def percent(share: float) -> str:
        return f"{format_number(share * 100, 1, lang)} %"

    layout = _chain_layout(flow)
    present = {output.destination for stage in flow.stages for output in stage.outputs}
    shows_imbalance = any(abs(stage.imbalance) > _CHAIN_IMBALANCE_SHOWN for stage in flow.stages)

    def draw(figure: Figure) -> None:
        from matplotlib.patches import Patch

        axes = figure.add_subplot()
        half = _CHAIN_BAR_WIDTH / 2
        for column in layout.columns:
            for segment in column.segments:
                if segment.hatched:
                    axes.bar(column.x, segment.height * 100, bottom=segment.bottom * 100, width=_CHAIN_BAR_WIDTH,
                             facecolor="white", edgecolor=COLOURS["axis"], linewidth=0.6, hatch=_CHAIN_HATCH,
                             zorder=2)
                else:
                    axes.bar(column.x, segment.height * 100, bottom=segment.bottom * 100, width=_CHAIN_BAR_WIDTH,
                             color=segment.colour, edgecolor="white", linewidth=0.5, zorder=2)
        connectors = [(column.entry * 100, previous.x + half, column.x - half)
                      for previous, column in zip(layout.columns, layout.columns[1:])]
        axes.hlines([level for level, _, _ in connectors], [start for _, start, _ in connectors],
                    [end for _, _, end in connectors], colors=COLOURS["axis"], linewidth=0.6,
                    linestyles=(0, (2, 2)), zorder=1)

        low, high = -0.6, layout.columns[-1].x + half + 0.3
        axes.set_xlim(low, high)
        axes.set_ylim(0, max(column.top for column in layout.columns) * 100 * (1 + _CHAIN_HEADROOM))
        axes.yaxis.set_major_formatter(_tick_formatter(lang))
        axes.set_ylabel(labels["axis"])
        axes.grid(axis="y", color=COLOURS["grid"], linewidth=0.6)
        axes.set_axisbelow(True)
        axes.tick_params(axis="x", length=0)
        if title:
            axes.set_title(title, loc="left")
        for column in layout.columns:
            if column.labelled:
                axes.annotate(percent(column.top), xy=(column.x, column.top * 100), xytext=(0, _CHAIN_RISE_PT),
                              textcoords="offset points", ha="center", va="bottom",
                              fontsize=_CHAIN_FONT_PT).set_in_layout(False)  # kept inside by the headroom

        handles = [Patch(facecolor=COLOURS["line"])]
        entries = [labels["feed"]]
        for destination in CHAIN_DESTINATIONS:
            if destination in present:
                handles.append(Patch(facecolor=COLOURS[f"chain_{destination}"]))
                entries.append(labels[destination])
        if shows_imbalance:
            handles.append(Patch(facecolor="white", edgecolor=COLOURS["axis"], linewidth=0.6, hatch=_CHAIN_HATCH))
            entries.append(labels["imbalance"])
        figure.legend(handles, entries, loc="outside lower center", ncols=_legend_columns(entries),
                      frameon=False)

        # Pass 1: the axes' width, for stage names wrapped to their groups at the largest size where none collide.
        positions = [x for x, _ in layout.ticks]
        names = [name for _, name in layout.ticks]
        axes.set_xticks(positions, labels=names)
        figure.draw_without_rendering()
        unit_px = axes.get_window_extent().width / (high - low)
        for size in _CHAIN_TICK_SIZES:
            wrapped = [_wrap_to_width(name, span * unit_px - _CHAIN_TICK_GAP_PT, size)
                       for span, name in zip(layout.tick_spans, names)]
            widths = [max(_text_width(line, size) for line in name.split("\n")) for name in wrapped]
            if all((left + right) / 2 + _CHAIN_TICK_GAP_PT <= (right_x - left_x) * unit_px
                   for left, right, left_x, right_x in zip(widths, widths[1:], positions, positions[1:])):
                break
        axes.set_xticks(positions, labels=wrapped)
        axes.tick_params(axis="x", labelsize=size)

        # Pass 2: the axes' size, for the final products' names above their column and labels in the segments.
        figure.draw_without_rendering()
        box = axes.get_window_extent()
        unit_px = box.width / (high - low)
        top = axes.get_ylim()[1]
        final = layout.columns[-1] if layout.columns[-1].final else None
        if final is not None:  # top segment first, right-aligned to the column's edge
            block = axes.text(final.x + half, final.top * 100, "\n".join(
                f"{segment.name}: {percent(segment.height)}" for segment in reversed(final.segments)),
                ha="right", va="bottom", fontsize=_CHAIN_FONT_PT, multialignment="right")
            block.set_in_layout(False)
            extent = block.get_window_extent()
            block_left = final.x + half - extent.width / unit_px
            label_height = _CHAIN_RISE_PT + 1.3 * _CHAIN_FONT_PT
            under = [column for column in layout.columns if column.x + half > block_left
                     or (column.labelled and column.x + _text_width(percent(column.top), _CHAIN_FONT_PT) / 2
                         / unit_px > block_left)]
            for _ in range(20):  # a higher y limit shrinks the percent per point: settle the two
                per_point = top / box.height
                base = max(column.top * 100 + (label_height if column.labelled else 0) * per_point
                           for column in under) + _CHAIN_RISE_PT * per_point
                needed = base + (extent.height + _CHAIN_RISE_PT) * per_point
                if needed <= top:
                    break
                top = needed
            axes.set_ylim(0, top)
            block.set_y(base)
        per_percent = box.height / top
        for column in layout.columns:
            if column.labelled or column.final:
                continue
            for segment in column.segments:
                text = percent(segment.height)
                length = _text_width(text, _CHAIN_INSIDE_PT)
                tall = segment.height * 100 * per_percent
                wide = _CHAIN_BAR_WIDTH * unit_px
                if segment.hatched:
                    continue
                if length + 2 <= wide and tall >= _CHAIN_INSIDE_PT + 3:
                    rotation = 0
                elif length + 6 <= tall and wide >= _CHAIN_INSIDE_PT + 3:
                    rotation = 90
                else:
                    continue
                axes.text(column.x, segment.centre * 100, text, ha="center", va="center", rotation=rotation,
                          fontsize=_CHAIN_INSIDE_PT, color=_text_colour_on(segment.colour),
                          zorder=3).set_in_layout(False)

    return _render(draw, _chain_height(layout), title)


@dataclass(frozen=True)
class _Segment:
    bottom: float       # shares of the feed's component
    height: float
    colour: str
    hatched: bool = False
    name: str = ""

    @property
    def centre(self) -> float:
        return self.bottom + self.height / 2


@dataclass(frozen=True)
class _Column:
    x: float
    segments: tuple[_Segment, ...]
    entry: float             # the level a connector from the previous column meets
    labelled: bool = False   # its total above it (the feed and the bars carried to the next stage)
    final: bool = False      # the last stage's products, named on the right

    @property
    def top(self) -> float:
        return max((segment.bottom + segment.height for segment in self.segments), default=self.entry)


@dataclass(frozen=True)
class _ChainLayout:
    columns: tuple[_Column, ...]
    ticks: tuple[tuple[float, str], ...]   # (x, name) of the feed and of each stage's group
    tick_spans: tuple[float, ...]          # x units each tick label may take


def _chain_layout(flow: ChainFlow) -> _ChainLayout:
    """Where each column of the waterfall goes and what it is made of."""
    columns = [_Column(0.0, (_Segment(0.0, 1.0, COLOURS["line"]),), entry=1.0, labelled=True)]
    ticks = [(0.0, flow.feed)]
    spans = [1.0 + _CHAIN_GROUP_GAP]
    x = 1.0 + _CHAIN_GROUP_GAP
    for index, stage in enumerate(flow.stages):
        last = index == len(flow.stages) - 1
        forward_destinations = ("next", "sold") if last else ("next",)
        forward = [output for output in stage.outputs if output.destination in forward_destinations]
        side = [output for output in stage.outputs if output.destination not in forward_destinations]
        imbalance = stage.imbalance if abs(stage.imbalance) > _CHAIN_IMBALANCE_SHOWN else 0.0
        carried_in = max(stage.carried_in, 0.0)
        start = x
        if side or imbalance:
            level = carried_in - min(imbalance, 0.0)
            segments = [] if imbalance >= 0 else [_Segment(carried_in, -imbalance, "", hatched=True)]
            for output in side:
                share = max(output.share, 0.0)
                level -= share
                segments.append(_Segment(level, share, COLOURS[f"chain_{output.destination}"], name=output.name))
            if imbalance > 0:
                level -= imbalance
                segments.append(_Segment(level, imbalance, "", hatched=True))
            columns.append(_Column(x, tuple(segments), entry=carried_in))
            x += 1.0
        if forward:
            segments, level = [], 0.0
            for output in forward:
                share = max(output.share, 0.0)
                segments.append(_Segment(level, share, COLOURS[f"chain_{output.destination}"], name=output.name))
                level += share
            columns.append(_Column(x, tuple(segments), entry=level, labelled=not last, final=last))
            x += 1.0
        if x == start:  # a stage without outputs or imbalance still gets its place and name
            x += 1.0
        ticks.append(((start + x - 1.0) / 2, stage.name))
        spans.append(x - start + _CHAIN_GROUP_GAP)
        x += _CHAIN_GROUP_GAP
    return _ChainLayout(tuple(columns), tuple(ticks), tuple(spans))


def _chain_height(layout: _ChainLayout) -> float:
    """3.2 in, and more for stage names that wrap onto many lines (estimated before they are measured)."""
    import textwrap

    lines = max(len(textwrap.wrap(name, 14, break_long_words=False)) for _, name in layout.ticks)
    return 3.2 + 0.13 * max(0, lines - 2)


def _text_width(text: str, size: float, weight: str | int = "normal") -> float:
    """The width of a line of ``text`` in DejaVu Sans at ``size`` pt, in pt (= px at 72 dpi)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, _height, _descent = text_to_path.get_text_width_height_descent(
        text, FontProperties(family="DejaVu Sans", size=size, weight=weight), ismath=False)
    return width


def _wrap_to_width(text: str, width_px: float, size: float, weight: str | int = "normal") -> str:
    """``text`` wrapped at spaces into the fewest lines no wider than ``width_px``, when it can be."""
    import textwrap

    words = text.split()
    for characters in range(len(text), 0, -1):
        lines = textwrap.wrap(text, characters, break_long_words=False) or [text]
        if max(_text_width(line, size, weight) for line in lines) <= width_px or len(lines) == len(words):
            return "\n".join(lines)
    return text


def _legend_columns(entries: Sequence[str]) -> int:
    """All legend entries on one row when they fit the figure's width, else on two rows."""
    handle_pt = (2.0 + 0.8 + 2.0) * RC["legend.fontsize"]  # handle length, pad to text, column spacing
    width = sum(_text_width(entry, RC["legend.fontsize"]) + handle_pt for entry in entries)
    return len(entries) if width <= FIGURE_WIDTH_IN * 72 - 20 else math.ceil(len(entries) / 2)


def _text_colour_on(fill: str) -> str:
    """Dark text on a light fill, white on a dark one."""
    red, green, blue = (int(fill[index:index + 2], 16) for index in (1, 3, 5))
    return COLOURS["text"] if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "white"
