"""The report's charts: SVG elements a reader sees as text, stable to the byte, cheap to import.

The values are the chromium scheme's monthly cost lines (Table 3 of the source,
rounded) and a 10-year cash flow of the same order; the charts' arithmetic is
only the shares, checked here by hand (120,000 of 381,974 is 31 %).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from econ.report.charts import break_even_map_svg, cash_flow_svg, cost_structure_svg
from econ.numbers import format_auto, format_number

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

COST_ITEMS = [
    ("Electricity", 103_641.12),
    ("Labour", 120_000.0),
    ("Depreciation", 95_000.0),
    ("Maintenance", 40_000.0),
    ("Cost of replacing losses", 23_333.33),
]  # total 381,974.45 RUB/month
COST_ITEMS_RU = [
    ("Электроэнергия", 103_641.12),
    ("Оплата труда", 120_000.0),
    ("Амортизация", 95_000.0),
    ("Ремонт", 0.0),
    ("Возмещение потерь", -23_333.33),
]
YEARS = list(range(11))
ANNUAL = [-12e6] + [1.9e6] * 9 + [2.5e6]
CUMULATIVE_DISCOUNTED = []
for _year, _flow in zip(YEARS, ANNUAL):
    CUMULATIVE_DISCOUNTED.append((CUMULATIVE_DISCOUNTED[-1] if CUMULATIVE_DISCOUNTED else 0.0) + _flow / 1.1**_year)
LABELS = {
    "x_axis": "Year",
    "y_axis": "mln RUB",
    "annual": "Annual net cash flow",
    "cumulative_discounted": "Cumulative discounted cash flow",
    "payback": "Discounted payback, years",
    "not_reached": "Discounted payback not reached within 10 years",
}
LABELS_RU = {
    "x_axis": "Год",
    "y_axis": "млн руб.",
    "annual": "Годовой чистый денежный поток",
    "cumulative_discounted": "Накопленный дисконтированный поток",
    "payback": "Дисконтированный срок окупаемости, лет",
    "not_reached": "Окупаемость не достигнута за 10 лет",
}

# the lead electrorefining scheme's monthly cost lines (RUB/month): ticks up to 14,000,000 on a narrow axis
PB_COSTS = [("Electricity", 11_197_617.0), ("Depreciation", 7_412_490.0), ("Labour with on-costs", 4_446_000.0),
            ("Maintenance", 2_934_044.0)]
# a map of two inputs with long Russian axis labels (lead electrorefining: the tariff and the cell voltage)
MAP_XS = [2 + 38 * index / 40 for index in range(41)]                # RUB/kWh, 2 .. 40
MAP_YS = [1.2 + index / 40 for index in range(41)]                   # V, 1.2 .. 2.2
MAP_VALUES = [[y - 1.2 - 0.9 * (1 - 7 / x) for x in MAP_XS] for y in MAP_YS]
MAP_LABELS_RU = {
    "x_axis": "Тариф на электроэнергию [руб./кВт·ч]",
    "y_axis": "Refining cell house: напряжение на ячейке [В]",
    "positive": "выгоднее «Bipolar membranes»",
    "negative": "выгоднее «Diaphragm cells»",
    "line": "безубыточность",
}
MAP_TITLE_RU = "Карта безубыточности: приростный NPV варианта «Bipolar membranes» = 0"
MAP_LABELS = {"x_axis": "Bi: price [RUB/t]", "y_axis": "Salt mixture: price [RUB/t]",
              "positive": "NPV > 0", "negative": "NPV < 0", "line": "break-even"}


def price_map(lang: str = "en") -> str:
    """A break-even map over the bismuth price (100,000 .. 20,000,000 RUB/t) and a salt price (10,000 .. 200,000)."""
    xs = [100_000 + 19_900_000 * index / 40 for index in range(41)]
    ys = [10_000 + 190_000 * index / 40 for index in range(41)]
    values = [[x - 7_000_000 - 5 * y for x in xs] for y in ys]
    return break_even_map_svg(xs, ys, values, title="Break-even map: NPV = 0", labels=MAP_LABELS, lang=lang)


def english(value: float) -> str:
    return format_number(value, 0, "en")


def cost_chart(items=COST_ITEMS, title="Cost structure", **options) -> str:
    return cost_structure_svg(items, title=title, value_label="RUB/month", number_format=english, **options)


def cash_chart(payback_year: float | None = 8.4, labels=LABELS, **options) -> str:
    return cash_flow_svg(YEARS, ANNUAL, CUMULATIVE_DISCOUNTED, payback_year=payback_year, title="Cash flow",
                         labels=labels, **options)


def texts(svg: str) -> list[str]:
    """The strings of the chart's <text> elements, in document order."""
    return ["".join(element.itertext()) for element in ET.fromstring(svg).iter(f"{SVG}text")]


def text_y(svg: str, string: str) -> float:
    """The y coordinate (downwards) of the <text> element that reads ``string``."""
    [y] = [float(element.get("y")) for element in ET.fromstring(svg).iter(f"{SVG}text")
           if "".join(element.itertext()) == string]
    return y


def text_box(element: ET.Element) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom; pt, y downwards) a <text> element's glyphs take, upright or at -90°.

    The width is measured in DejaVu Sans; the height is most of the font size,
    from 0.7 em above the baseline to 0.2 em below it (lines are 1.2 em apart).
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    style = dict(item.split(": ") for item in element.get("style").split("; "))
    size = float(style["font-size"].removesuffix("px"))
    string = "".join(element.itertext())
    width, _, _ = text_to_path.get_text_width_height_descent(
        string, FontProperties(family="DejaVu Sans", size=size, weight=style.get("font-weight", "normal")),
        ismath=False)
    before = {"start": 0.0, "middle": 0.5, "end": 1.0}[style.get("text-anchor", "start")] * width
    transform = element.get("transform", "")
    if element.get("x") is not None:  # x="..." y="..." transform="rotate(-90 x y)"
        x, y = float(element.get("x")), float(element.get("y"))
        angle = float(re.match(r"rotate\((-?[\d.]+)", transform).group(1))
    else:  # a line of a multi-line text: transform="translate(x y) rotate(-90)"
        x, y, angle = map(float, re.fullmatch(r"translate\((\S+) (\S+)\)(?: rotate\((\S+)\))?", transform)
                          .groups(default="0"))
    if angle == 0:
        return x - before, y - 0.7 * size, x - before + width, y + 0.2 * size
    assert angle == -90, f"{string!r} is rotated by {angle}°"
    return x - 0.7 * size, y - width + before, x + 0.2 * size, y + before


def overlapping_texts(svg: str, gap: float = 2.0) -> list[tuple[str, str]]:
    """The pairs of the chart's texts that overlap or come closer than ``gap`` pt, side by side or one above another."""
    boxes = [("".join(element.itertext()), text_box(element))
             for element in ET.fromstring(svg).iter(f"{SVG}text")]
    return [(first, second) for index, (first, (left, top, right, bottom)) in enumerate(boxes)
            for second, (left2, top2, right2, bottom2) in boxes[index + 1:]
            if min(right, right2) - max(left, left2) > -gap and min(bottom, bottom2) - max(top, top2) > -gap]


def tick_labels(svg: str, axis: str) -> list[str]:
    """The numeric labels of the chart's x axis (centred under their ticks) or y axis (right-aligned)."""
    anchor = {"x": "middle", "y": "end"}[axis]
    return [text for element in ET.fromstring(svg).iter(f"{SVG}text")
            if f"text-anchor: {anchor}" in element.get("style")
            and element.get("transform", "").startswith("rotate(-0 ")  # upright
            and re.fullmatch(r"[\d\s.,\u2212-]+", text := "".join(element.itertext()))]


def run_python(code: str, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, **env})
    return result.stdout


# -- an <svg> element to inline in HTML -------------------------------------------------------


@pytest.mark.parametrize("make", [cost_chart, cash_chart, lambda: cash_chart(None)],
                         ids=["cost structure", "cash flow", "cash flow, payback not reached"])
def test_the_chart_is_an_svg_element_that_scales_to_the_text_width(make):
    svg = make()
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    view_box = [float(number) for number in root.get("viewBox").split()]
    assert view_box[:2] == [0, 0]
    assert view_box[2] == pytest.approx(16 / 2.54 * 72)  # 16 cm in pt
    assert root.get("width") == "100%"
    assert "height" not in root.attrib
    assert root.get("role") == "img"
    assert root.get("aria-label") in ("Cost structure", "Cash flow")


def test_the_aria_label_is_escaped():
    root = ET.fromstring(cost_chart(title='Costs "A" & <B>'))
    assert root.get("aria-label") == 'Costs "A" & <B>'


def test_text_stays_text_in_dejavu_sans():
    svg = cost_chart()
    assert "font-family: 'DejaVu Sans'" in svg
    assert "DejaVuSans-" not in svg  # no glyph definitions: text is not drawn as paths
    assert "Cost of replacing losses</text>" in svg


def test_every_reference_points_to_an_id_of_the_chart():
    svg = cash_chart()
    ids = re.findall(r'\sid="([^"]+)"', svg)
    references = re.findall(r'url\(#([^)]+)\)', svg) + re.findall(r'href="#([^"]+)"', svg)
    assert references
    assert set(references) <= set(ids)
    assert len(ids) == len(set(ids))


def test_two_charts_inlined_in_one_page_share_no_id():
    ids = [set(re.findall(r'\sid="([^"]+)"', svg)) for svg in (cost_chart(), cash_chart(), cash_chart(None))]
    assert ids[0] and ids[1] and ids[2]
    assert not ids[0] & ids[1] and not ids[0] & ids[2] and not ids[1] & ids[2]


# -- what the reader sees ---------------------------------------------------------------------


def test_the_cost_chart_shows_title_unit_items_values_and_shares():
    shown = texts(cost_chart())
    assert "Cost structure" in shown
    assert "RUB/month" in shown
    for name, _ in COST_ITEMS:
        assert name in shown
    # shares of 381,974.45: 120,000 is 31.4 %, 103,641.12 is 27.1 %, 23,333.33 is 6.1 %
    for label in ("120,000 (31\u00a0%)", "103,641 (27\u00a0%)", "95,000 (25\u00a0%)", "40,000 (10\u00a0%)",
                  "23,333 (6\u00a0%)"):
        assert label in shown


def test_the_largest_cost_is_on_top():
    svg = cost_chart()
    heights = [text_y(svg, name) for name in ("Labour", "Electricity", "Depreciation", "Maintenance",
                                              "Cost of replacing losses")]
    assert heights == sorted(heights)


def test_a_cyrillic_chart_keeps_its_text_and_needs_no_missing_glyph():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = cost_structure_svg(COST_ITEMS_RU, title="Структура затрат", value_label="руб./мес",
                                 number_format=lambda value: format_number(value, 0, "ru"))
    assert not [warning for warning in caught if "glyph" in str(warning.message).lower()]
    shown = texts(svg)
    assert "Структура затрат" in shown
    assert "руб./мес" in shown
    assert "Возмещение потерь" in shown
    russian = lambda value: format_number(value, 0, "ru")  # noqa: E731
    assert f"{russian(120_000)} (41\u00a0%)" in shown  # of a total of 295,307.79
    assert f"{russian(-23_333.33)} (\u22128\u00a0%)" in shown  # a negative item, drawn with its negative share
    assert russian(-23_333.33).startswith("\u2212")
    assert "0 (0\u00a0%)" in shown


def test_a_small_share_is_not_shown_as_zero():
    shown = texts(cost_chart([("Energy", 1000.0), ("Reagents", 2.0)]))
    assert "2 (<1\u00a0%)" in shown
    assert "1,000 (100\u00a0%)" in shown


def test_shares_are_left_out_when_the_total_is_not_positive():
    shown = texts(cost_chart([("Revenue credit", -500.0), ("Energy", 200.0)]))
    assert "200" in shown and "-500" in shown
    assert not [text for text in shown if "%" in text]


def test_the_cash_flow_chart_shows_title_axes_and_legend():
    shown = texts(cash_chart())
    for text in ("Cash flow", "Year", "mln RUB", "Annual net cash flow", "Cumulative discounted cash flow"):
        assert text in shown
    assert {str(year) for year in YEARS} <= set(shown)


def test_the_payback_marker_appears_only_with_a_payback_year():
    with_payback = texts(cash_chart(8.4))
    assert "Discounted payback, years: 8.4" in with_payback
    assert LABELS["not_reached"] not in with_payback

    without = texts(cash_chart(None))
    assert LABELS["not_reached"] in without
    assert not [text for text in without if text.startswith(LABELS["payback"])]


def test_a_russian_cash_flow_chart_uses_the_callers_number_format():
    svg = cash_chart(8.4, labels=LABELS_RU, number_format=lambda value: format_auto(value, "ru"), lang="ru")
    shown = texts(svg)
    assert "Дисконтированный срок окупаемости, лет: 8,4" in shown
    assert "млн руб." in shown and "Год" in shown
    ticks = tick_labels(svg, "y")
    assert "0,0" in ticks and "\u221212,5" in ticks  # ticks every 2.5 mln RUB down to -12.5, all with one decimal
    assert not [text for text in shown if re.fullmatch(r"-?\d+\.\d+", text)]  # no decimal point


def test_money_scale_divides_the_values():
    svg = cash_flow_svg([0, 1], [-2000.0, 3000.0], [-2000.0, 1000.0], payback_year=0.7, title="",
                        labels=LABELS, money_scale=1e3, number_format=lambda value: f"{value:.1f}")
    assert {"-2", "3"} <= set(tick_labels(svg, "y"))  # -2,000 and 3,000 in thousands, ticked every 1
    assert "Discounted payback, years: 0.7" in texts(svg)


# -- ticks in the report's language, text that never overlaps -----------------------------------


#: a number as econ.numbers writes it: 12,000,000 and 0.25 in English, 12 000 000 and 0,25 in Russian
NUMBER = {"en": r"-?\d{1,3}(,\d{3})*(\.\d+)?", "ru": r"\u2212?\d{1,3}(\u00a0\d{3})*(,\d+)?"}


@pytest.mark.parametrize("lang, top_x, top_y", [("en", "20,000,000", "200,000"),
                                                ("ru", "20\u00a0000\u00a0000", "200\u00a0000")])
def test_break_even_map_ticks_are_numbers_of_the_report_language(lang, top_x, top_y):
    svg = price_map(lang)
    x_ticks, y_ticks = tick_labels(svg, "x"), tick_labels(svg, "y")
    assert len(x_ticks) >= 3 and len(y_ticks) >= 3
    assert top_x in x_ticks  # 2e7 is a multiple of any tick step: always ticked, written out with separators
    assert top_y in y_ticks
    for tick in x_ticks + y_ticks:
        assert re.fullmatch(NUMBER[lang], tick), tick
    assert not [text for text in texts(svg) if re.search(r"\de[+-]?\d|\u00d710", text)]  # no offset such as 1e7


@pytest.mark.parametrize("lang, mark", [("en", "."), ("ru", ",")])
def test_break_even_map_decimal_ticks_use_the_languages_decimal_mark(lang, mark):
    svg = break_even_map_svg(MAP_XS, MAP_YS, MAP_VALUES, title=MAP_TITLE_RU, labels=MAP_LABELS_RU, lang=lang)
    y_ticks = tick_labels(svg, "y")
    assert len(y_ticks) >= 3
    assert all(re.fullmatch(rf"[12]\{mark}\d+", tick) for tick in y_ticks), y_ticks  # 1.2 .. 2.2 V
    places = {len(tick.split(mark)[1]) for tick in y_ticks}
    assert len(places) == 1  # "1.2", "1.4" ... "2.0" or "1.50", "1.75", "2.00": one number of decimals
    assert f"2{mark}{'0' * places.pop()}" in y_ticks


def test_a_long_axis_label_of_the_break_even_map_wraps_clear_of_the_title():
    svg = break_even_map_svg(MAP_XS, MAP_YS, MAP_VALUES, title=MAP_TITLE_RU, labels=MAP_LABELS_RU)
    assert overlapping_texts(svg) == []
    root = ET.fromstring(svg)
    y_label = [element for element in root.iter(f"{SVG}text") if "rotate(-90" in element.get("transform", "")]
    assert len(y_label) >= 2  # on two lines, each drawn as one <text>
    assert " ".join("".join(element.itertext()) for element in y_label) == MAP_LABELS_RU["y_axis"]
    title = [element for element in root.iter(f"{SVG}text") if "font-weight: 700" in element.get("style")]
    assert " ".join("".join(element.itertext()) for element in title) == MAP_TITLE_RU  # wrapped to the axes' width
    assert min(text_box(element)[1] for element in y_label) > max(text_box(element)[3] for element in title)


def test_a_wide_legend_of_the_break_even_map_takes_two_rows_and_leaves_the_axes_their_width():
    """Regression (issue 15): with the alternatives' Russian names the legend was one row wider than the
    figure, and the layout squeezed the map to a sliver 20 pt wide."""
    labels = {**MAP_LABELS_RU, "y_axis": "Электролизный цех рафинирования: напряжение на ячейке [В]",
              "positive": "выгоднее «Биполярные мембраны»", "negative": "выгоднее «Диафрагменные ячейки»"}
    svg = break_even_map_svg(MAP_XS, MAP_YS, MAP_VALUES, title=MAP_TITLE_RU, labels=labels, lang="ru")
    assert overlapping_texts(svg) == []
    root = ET.fromstring(svg)
    figure_width = float(root.get("viewBox").split()[2])
    boxes = {"".join(element.itertext()): text_box(element) for element in root.iter(f"{SVG}text")}
    legend = [boxes[labels[key]] for key in ("positive", "negative", "line")]
    assert all(0 <= left and right <= figure_width for left, _, right, _ in legend)
    assert len({round(top) for _, top, _, _ in legend}) == 2  # two rows
    x_ticks = [boxes[tick] for tick in tick_labels(svg, "x")]
    assert max(right for _, _, right, _ in x_ticks) - min(left for left, _, _, _ in x_ticks) > 0.6 * figure_width


@pytest.mark.parametrize("scale", [1e-7, 1e-6, 1e-3, 1, 1e3, 1e6],  # the largest cost: 1.1 .. 11 trillion
                         ids=["1", "10", "10 thousand", "10 million", "10 billion", "10 trillion"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cost_chart_ticks_never_overlap_whatever_the_magnitude(scale, lang):
    items = [(name, amount * scale) for name, amount in PB_COSTS]
    svg = cost_structure_svg(items, title="Structure of the monthly operating costs", value_label="RUB/month",
                             number_format=lambda value: format_number(value, 0, lang), lang=lang)
    assert overlapping_texts(svg) == []
    ticks = tick_labels(svg, "x")
    assert len(ticks) >= 3
    assert len(set(ticks)) == len(ticks)  # not "0 0 0 1 1 1"
    assert re.fullmatch(r"0([.,]0+)?", ticks[0])
    for tick in ticks:
        assert re.fullmatch(NUMBER[lang], tick), tick


def test_the_lead_cost_chart_ticks_do_not_run_into_each_other():
    svg = cost_chart(PB_COSTS, title="Structure of the monthly operating costs")
    assert overlapping_texts(svg) == []
    assert {"0", "10,000,000"} <= set(tick_labels(svg, "x"))


@pytest.mark.parametrize("make", [cost_chart, cash_chart, lambda: cash_chart(None), lambda: price_map("ru")],
                         ids=["cost structure", "cash flow", "cash flow, payback not reached", "break-even map"])
def test_no_text_of_a_chart_overlaps_another(make):
    assert overlapping_texts(make()) == []


def test_cash_flow_ticks_of_small_amounts_keep_their_decimals():
    svg = cash_flow_svg(YEARS, [value / 400 for value in ANNUAL], [value / 400 for value in CUMULATIVE_DISCOUNTED],
                        payback_year=8.4, title="Денежный поток", labels=LABELS_RU, lang="ru")
    ticks = tick_labels(svg, "y")
    assert len(set(ticks)) == len(ticks) >= 4  # one decimal would write "−0,0" three times
    assert "\u22120,03" in ticks and "0,00" in ticks  # -0.03 .. 0.01 mln RUB in steps of 0.01
    assert all(re.fullmatch("\u2212?0,\\d\\d", tick) for tick in ticks)


def test_a_cost_chart_with_every_cost_zero_is_not_drawn():
    assert cost_chart([("Energy", 0.0), ("Labour", 0.0), ("Maintenance", -0.0)]) == ""
    assert cost_chart([("Revenue credit", -500.0), ("Energy", 500.0)]).startswith("<svg ")  # a zero total, not nothing


def test_the_report_leaves_out_a_cost_chart_with_every_cost_zero(cr_evaluation):
    from econ.report.html import chart_inputs, render_charts, render_html

    inputs = chart_inputs(cr_evaluation, "ru")
    charts = render_charts({**inputs, "costs": [(name, 0.0) for name, _ in inputs["costs"]]})
    html = render_html(cr_evaluation, "ru", charts)
    opex = html[html.index('<section id="opex">'):]
    opex = opex[:opex.index("</section>")]
    assert "<figure" not in opex and "<svg" not in opex
    assert f'aria-label="{inputs["cash_flow_title"]}"' in html  # the other chart is still there


# -- deterministic output ---------------------------------------------------------------------


def test_the_same_input_gives_the_same_bytes():
    assert cost_chart() == cost_chart()
    assert cash_chart() == cash_chart()
    assert cash_chart(None) == cash_chart(None)


def test_the_same_input_gives_the_same_bytes_in_other_processes():
    code = (
        "import hashlib, tests.test_charts as t\n"
        "print(hashlib.sha256((t.cost_chart() + t.cash_chart()).encode()).hexdigest())\n"
    )
    digests = {run_python(code, PYTHONHASHSEED=seed) for seed in ("1", "2")}
    assert len(digests) == 1


def test_the_output_does_not_depend_on_the_callers_rcparams():
    import matplotlib

    expected = cost_chart()
    with matplotlib.rc_context({"font.size": 20, "font.family": "serif", "svg.fonttype": "path",
                                "svg.hashsalt": None, "axes.facecolor": "black"}):
        assert cost_chart() == expected


def test_rendering_leaves_rcparams_as_they_were():
    import matplotlib

    before = dict(matplotlib.rcParams)
    cost_chart()
    cash_chart()
    assert dict(matplotlib.rcParams) == before


# -- bad input --------------------------------------------------------------------------------


def test_an_empty_cost_list_raises():
    with pytest.raises(ValueError, match="no cost items"):
        cost_chart([])


def test_a_non_finite_cost_raises_naming_the_item():
    with pytest.raises(ValueError, match="'Labour' is nan"):
        cost_chart([("Energy", 1.0), ("Labour", float("nan"))])


def test_cash_flow_sequences_of_different_lengths_raise():
    with pytest.raises(ValueError, match="11 years, 10 annual flows"):
        cash_flow_svg(YEARS, ANNUAL[:-1], CUMULATIVE_DISCOUNTED, payback_year=None, title="", labels=LABELS)


def test_missing_cash_flow_labels_raise_naming_them():
    labels = {key: value for key, value in LABELS.items() if key != "not_reached"}
    with pytest.raises(ValueError, match="labels has no not_reached"):
        cash_chart(8.4, labels=labels)


# -- cost of importing ------------------------------------------------------------------------


def test_importing_the_charts_module_does_not_import_matplotlib():
    output = run_python("import econ.report.charts, sys; print('matplotlib' in sys.modules)")
    assert output.strip() == "False"


def test_rendering_does_not_use_pyplot():
    code = (
        "import sys, tests.test_charts as t\n"
        "t.cost_chart(); t.cash_chart()\n"
        "print('matplotlib' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
    )
    assert run_python(code).split() == ["True", "False"]


def test_a_long_cost_name_wraps_onto_lines():
    name = "Replacement of membranes and electrodes of the electrodialyser"
    svg = cost_chart([(name, 100.0), ("Energy", 300.0)])
    shown = " ".join(texts(svg))
    assert "Replacement of membranes and" in shown and "electrodes of the electrodialyser" in shown


def test_numpy_arrays_are_accepted():
    import numpy as np

    svg = cash_flow_svg(np.arange(11), np.array(ANNUAL), np.array(CUMULATIVE_DISCOUNTED), payback_year=np.float64(8.4),
                        title="Cash flow", labels=LABELS)
    assert svg == cash_chart(8.4)


def test_chart_worker_draws_the_same_svg_as_the_main_process(cr_evaluation):
    """econ run draws the charts in a worker process; the result must not depend on where they are drawn."""
    from econ.report.html import chart_inputs, render_charts
    from econ.report.workers import ChartWorker

    inputs = chart_inputs(cr_evaluation, "ru")
    with ChartWorker() as worker:
        drawn_there = worker.submit(inputs).result(timeout=120)
    assert drawn_there == render_charts(inputs)
    assert set(drawn_there) == {"costs", "cash_flow"}
