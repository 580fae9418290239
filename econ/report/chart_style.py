"""What every chart of the feasibility report shares: size, colours, style, ticks, text measures, SVG output.

The charts themselves are in econ.report.charts (costs, cash flow, break-even map),
econ.report.chain_chart (a component through a process chain) and econ.report.risk_charts.

Each chart is one ``<svg>`` element (no XML declaration, no DOCTYPE)
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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from econ.numbers import PERCENT_SPACE, format_number, space_percent  # noqa: F401 - PERCENT_SPACE for the charts
from econ.report.chemistry import unicode_formulas

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
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
_TICK_GAP_PT = 6.0  # at least between two x tick labels; closer, the axis gets fewer ticks
_TICK_DECIMALS = 12  # at most, for tick steps down to 1e-12


def tick_decimals(values: Sequence[float]) -> int:
    """The fewest decimals that write every tick value: 0 for 5 000 000, 1 for 1.2 and 1.4, 2 for 0.25 and 0.50."""
    finite = sorted({float(value) for value in values if math.isfinite(value)})
    steps = [high - low for low, high in zip(finite, finite[1:])]
    step = min(steps) if steps else abs(finite[0]) if finite and finite[0] else 1.0
    for decimals in range(_TICK_DECIMALS):
        if all(abs(value - round(value, decimals)) <= step * 1e-6 for value in finite):
            return decimals
    return _TICK_DECIMALS


def tick_formatter(lang: str) -> Formatter:
    """Tick labels as the report writes numbers in ``lang``: ``2,500,000`` and ``0.25``, ``2 500 000`` and ``0,25``.

    The ticks of an axis share one number of decimals, the fewest that write
    them all (``0.25, 0.50, 0.75``); there is no offset and no scientific
    notation (``1e7``). Every chart's numeric axes use it.
    """
    from matplotlib.ticker import Formatter

    class LanguageTicks(Formatter):
        def format_ticks(self, values: Sequence[float]) -> list[str]:
            decimals = tick_decimals(values)
            return [format_number(value, decimals, lang) for value in values]

        def __call__(self, value: float, position: int | None = None) -> str:
            return format_number(value, tick_decimals([value]), lang)

    return LanguageTicks()


def spread_x_ticks(figure: Figure, axes: Axes) -> None:
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
        widths = [text_width(label, size) for label in labels]
        if all((left + right) / 2 + _TICK_GAP_PT <= right_x - left_x
               for left, right, left_x, right_x in zip(widths, widths[1:], centres, centres[1:])):
            return
        bins = min(bins or len(locations), len(locations)) - 1
        if bins < 1:
            return  # one interval and still too wide: nothing fewer to offer
        axes.xaxis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))


def wrap_to_axes(figure: Figure, axes: Axes) -> None:
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
            wrapped = wrap_to_width(" ".join(text.split()), room, label.get_fontsize(), label.get_fontweight())
            if wrapped != text:
                label.set_text(wrapped)
                changed = True
        if not changed:
            return


def chart_text(text: str) -> str:
    """``text`` as the report's text writes it: chemical formulas with Unicode subscripts (``Bi₂O₃``,
    ``Pb²⁺``; econ.report.chemistry) and a no-break space between a number and its percent sign (``10 %``).

    :func:`render` applies it to every text of a chart (titles, axis and tick labels, legends, annotations).
    It is idempotent: ``chart_text(chart_text(text)) == chart_text(text)``.
    """
    return unicode_formulas(space_percent(text))


def text_width(text: str, size: float, weight: str | int = "normal") -> float:
    """The width of a line of ``text`` in DejaVu Sans at ``size`` pt, in pt (= px at 72 dpi)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, _height, _descent = text_to_path.get_text_width_height_descent(
        text, FontProperties(family="DejaVu Sans", size=size, weight=weight), ismath=False)
    return width


def wrap_to_width(text: str, width_px: float, size: float, weight: str | int = "normal") -> str:
    """``text`` wrapped at spaces into the fewest lines no wider than ``width_px``, when it can be."""
    import textwrap

    words = text.split()
    for characters in range(len(text), 0, -1):
        lines = textwrap.wrap(text, characters, break_long_words=False) or [text]
        if max(text_width(line, size, weight) for line in lines) <= width_px or len(lines) == len(words):
            return "\n".join(lines)
    return text


def legend_columns(entries: Sequence[str]) -> int:
    """All legend entries on one row when they fit the figure's width, else on two rows."""
    handle_pt = (2.0 + 0.8 + 2.0) * RC["legend.fontsize"]  # handle length, pad to text, column spacing
    width = sum(text_width(entry, RC["legend.fontsize"]) + handle_pt for entry in entries)
    return len(entries) if width <= FIGURE_WIDTH_IN * 72 - 20 else math.ceil(len(entries) / 2)


def legend_rows(entries: Sequence[str]) -> int:
    """The fewest legend rows whose columns (filled top to bottom, as matplotlib fills them) fit the figure's
    width: 1 when every entry fits on one row, up to one entry a row."""
    handle_pt = (2.0 + 0.8 + 2.0) * RC["legend.fontsize"]  # handle length, pad to text, column spacing
    widths = [max(text_width(line, RC["legend.fontsize"]) for line in entry.split("\n")) + handle_pt
              for entry in entries]
    for rows in range(1, len(entries)):
        columns = [widths[start:start + rows] for start in range(0, len(widths), rows)]
        if sum(max(column) for column in columns) <= FIGURE_WIDTH_IN * 72 - 20:
            return rows
    return max(len(entries), 1)


def text_colour_on(fill: str) -> str:
    """Dark text on a light fill, white on a dark one."""
    red, green, blue = (int(fill[index:index + 2], 16) for index in (1, 3, 5))
    return COLOURS["text"] if 0.299 * red + 0.587 * green + 0.114 * blue > 140 else "white"


def render(draw: Callable[[Figure], None], height_in: float, title: str) -> str:
    """Build a 16 cm wide figure with ``draw`` under econ's style and return its ``<svg>`` element."""
    import matplotlib.style
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    buffer = io.StringIO()
    with _RENDER_LOCK, matplotlib.style.context(["default", RC]):
        figure = Figure(figsize=(FIGURE_WIDTH_IN, height_in), layout="constrained")
        canvas = FigureCanvasSVG(figure)
        draw(figure)
        _typeset(figure)
        canvas.print_svg(buffer, metadata={"Date": None})
    return _svg_element(buffer.getvalue(), chart_text(title))


def _typeset(figure: Figure) -> None:
    """Every text of ``figure`` through :func:`chart_text`, tick labels included (their formatters run while
    the figure is written). Subscript digits are narrower than digits, so what a chart measured still fits."""
    from matplotlib.text import Text
    from matplotlib.ticker import Formatter

    class TypesetTicks(Formatter):
        def __init__(self, inner: Formatter) -> None:
            self.inner = inner

        def set_axis(self, axis: object) -> None:
            super().set_axis(axis)
            self.inner.set_axis(axis)

        def set_locs(self, locs: Sequence[float]) -> None:
            self.inner.set_locs(locs)

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            return [chart_text(label) for label in self.inner.format_ticks(values)]

        def __call__(self, value: float, position: int | None = None) -> str:
            return chart_text(self.inner(value, position))

        def get_offset(self) -> str:
            return chart_text(self.inner.get_offset())

    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            for formatter, setter in ((axis.get_major_formatter(), axis.set_major_formatter),
                                      (axis.get_minor_formatter(), axis.set_minor_formatter)):
                if not isinstance(formatter, TypesetTicks):
                    setter(TypesetTicks(formatter))
    for text in figure.findobj(Text):
        typeset = chart_text(text.get_text())
        if typeset != text.get_text():
            text.set_text(typeset)


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

