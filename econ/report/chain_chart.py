"""The chart of one component through a process chain (a waterfall of its through recovery), as an SVG
element drawn like every report chart (econ.report.chart_style)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from econ.numbers import format_percent
from econ.report.chart_style import COLOURS, legend_columns, render, text_colour_on, text_width, tick_formatter, \
    wrap_to_width

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
        return format_percent(share, 1, lang)

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
        axes.yaxis.set_major_formatter(tick_formatter(lang))
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
        figure.legend(handles, entries, loc="outside lower center", ncols=legend_columns(entries),
                      frameon=False)

        # Pass 1: the axes' width, for stage names wrapped to their groups at the largest size where none collide.
        positions = [x for x, _ in layout.ticks]
        names = [name for _, name in layout.ticks]
        axes.set_xticks(positions, labels=names)
        figure.draw_without_rendering()
        unit_px = axes.get_window_extent().width / (high - low)
        for size in _CHAIN_TICK_SIZES:
            wrapped = [wrap_to_width(name, span * unit_px - _CHAIN_TICK_GAP_PT, size)
                       for span, name in zip(layout.tick_spans, names)]
            widths = [max(text_width(line, size) for line in name.split("\n")) for name in wrapped]
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
                     or (column.labelled and column.x + text_width(percent(column.top), _CHAIN_FONT_PT) / 2
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
                length = text_width(text, _CHAIN_INSIDE_PT)
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
                          fontsize=_CHAIN_INSIDE_PT, color=text_colour_on(segment.colour),
                          zorder=3).set_in_layout(False)

    return render(draw, _chain_height(layout), title)


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
