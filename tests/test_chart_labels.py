"""Chart texts written as the report's text is (issue 15, item 4): chemical formulas with subscripts in every
title, axis and tick label, legend and annotation (Bi₂O₃, H₂SO₄), and every percent with a no-break space
before its sign ("10 %", never "10%"), in English and in Russian, whose numbers keep the decimal comma.

The charts are read as a reader's PDF viewer reads them: the strings of their ``<text>`` elements.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager

from econ.numbers import format_number
from econ.report.chain_chart import ChainFlow, ChainOutput, ChainStage, chain_flow_svg
from econ.report.chart_style import PERCENT_SPACE, chart_text
from econ.report.charts import cash_flow_svg, cost_structure_svg
from econ.report.risk_charts import distribution_svg, spider_svg, tornado_svg

SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"
DIGIT_THEN_PERCENT = re.compile(r"\d[ \u202f]?%")  # a digit touching %, or an ordinary (breakable) space before it


def texts(svg: str) -> list[str]:
    """The strings of the chart's <text> elements, in document order."""
    return ["".join(element.itertext()) for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_chart_text_subscripts_formulas_and_puts_a_no_break_space_before_percent():
    assert PERCENT_SPACE == NBSP
    assert chart_text("Bi2O3 price") == "Bi₂O₃ price"
    assert chart_text("H2SO4 and NaNO3, 10%") == "H₂SO₄ and NaNO₃, 10\u00a0%"
    assert chart_text("Pb2+ in the electrolyte: 95 %") == "Pb²⁺ in the electrolyte: 95\u00a0%"
    assert chart_text("<1 %") == "<1\u00a0%"
    assert chart_text("96,0\u202f%") == "96,0\u00a0%"
    # left alone: a cell address, a rating, a unit, a percent sign after a word
    assert chart_text("Capital!C3, IP54, kWh/m3, share, %") == "Capital!C3, IP54, kWh/m3, share, %"
    typeset = chart_text("(NH4)2SO4: 12%")
    assert typeset == "(NH₄)₂SO₄: 12\u00a0%"
    assert chart_text(typeset) == typeset  # idempotent


def test_dejavu_sans_has_every_glyph_a_typeset_chart_needs():
    """The report font (WeasyPrint typesets the SVG's text in it) holds the subscripts, charges and no-break space."""
    for weight in ("normal", "bold"):
        path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight=weight),
                                     fallback_to_default=False)
        characters = TTFont(path).getBestCmap()
        assert all(ord(character) in characters for character in "₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻\u00a0−"), path


def cost_chart(lang: str = "en") -> str:
    return cost_structure_svg([("NaNO3 reagent", 300.0), ("H2SO4", 100.0), ("Electricity", 0.5)],
                              title="Costs of Bi2O3 leaching", value_label="RUB/t of Bi2O3",
                              number_format=lambda value: format_number(value, 0, lang), lang=lang)


def test_the_cost_chart_writes_formulas_with_subscripts_in_title_axis_ticks_and_bar_labels():
    svg = cost_chart()
    shown = texts(svg)
    assert "Costs of Bi₂O₃ leaching" in shown  # title
    assert "RUB/t of Bi₂O₃" in shown  # x-axis label
    assert "NaNO₃ reagent" in shown and "H₂SO₄" in shown  # y tick labels
    assert not [text for text in shown if re.search(r"Bi2O3|NaNO3|H2SO4", text)]
    assert 'aria-label="Costs of Bi₂O₃ leaching"' in svg
    # 300 of 400.5 is 74.9 %, 100 is 25.0 %, 0.5 is 0.12 %
    assert "300 (75\u00a0%)" in shown and "100 (25\u00a0%)" in shown and "0 (<1\u00a0%)" in shown


def chain() -> ChainFlow:
    return ChainFlow("Bi", "Bi2O3 concentrate", (
        ChainStage("Leaching in H2SO4", 1.0, (ChainOutput("Pb2+ solution", "waste", 0.2),
                                              ChainOutput("Leach residue", "next", 0.8))),
        ChainStage("Reduction", 0.8, (ChainOutput("Bi2O3 dross", "returned", 0.1),
                                      ChainOutput("Crude bismuth", "sold", 0.7))),
    ))


CHAIN_LABELS = {"axis": "Share of Bi in the feed, %", "feed": "Feed (Bi2O3)", "next": "To the next stage",
                "sold": "Sold", "returned": "Returned", "waste": "Waste", "imbalance": "Imbalance"}


@pytest.mark.parametrize("lang, decimal", [("en", "."), ("ru", ",")])
def test_the_chain_chart_writes_formulas_and_percents_as_the_text(lang, decimal):
    shown = texts(chain_flow_svg(chain(), "Bi through the chain from Bi2O3 concentrate", CHAIN_LABELS,
                                 decimal_comma=lang == "ru"))
    assert "Bi through the chain from Bi₂O₃ concentrate" in shown  # title
    assert "Bi₂O₃ concentrate" in shown  # the feed's tick
    assert any(text.startswith("Leaching in H₂SO₄") for text in shown)  # a stage's (wrapped) name
    assert "Feed (Bi₂O₃)" in shown  # legend
    assert f"100{decimal}0\u00a0%" in shown and f"80{decimal}0\u00a0%" in shown  # labels above the columns
    assert f"Crude bismuth: 70{decimal}0\u00a0%" in shown  # the final product, named above its bar
    assert not [text for text in shown if DIGIT_THEN_PERCENT.search(text)]
    if lang == "ru":
        assert not [text for text in shown if re.search(r"\d\.\d", text)]


def test_the_cash_flow_chart_typesets_its_title_legend_and_note():
    labels = {"x_axis": "Year", "y_axis": "mln RUB", "annual": "Annual flow of Bi2O3 sales",
              "cumulative_discounted": "Cumulative at 12%", "payback": "Payback", "not_reached": "Not reached"}
    shown = texts(cash_flow_svg([0, 1, 2], [-10e6, 6e6, 6e6], [-10e6, -4.6e6, 0.2e6], payback_year=1.9,
                                title="Cash flow of the H2SO4 plant", labels=labels))
    assert "Cash flow of the H₂SO₄ plant" in shown
    assert "Annual flow of Bi₂O₃ sales" in shown
    assert "Cumulative at 12\u00a0%" in shown
    assert not [text for text in shown if DIGIT_THEN_PERCENT.search(text)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_risk_charts_typeset_tick_labels_legends_and_axes(lang):
    tornado = texts(tornado_svg(["Bi2O3 price (±20%)", "H2SO4 price (±10 %)"], [-5.0, 1.0], [9.0, 3.0], 2.5,
                                title="Tornado: NPV of the Bi2O3 plant", lang=lang,
                                texts={"axis": "NPV, mln RUB", "low": "At -10%", "high": "At +10%", "base": "Base"}))
    assert "Bi₂O₃ price (±20\u00a0%)" in tornado and "H₂SO₄ price (±10\u00a0%)" in tornado  # y tick labels
    assert "Tornado: NPV of the Bi₂O₃ plant" in tornado
    assert "At -10\u00a0%" in tornado and "At +10\u00a0%" in tornado  # legend
    assert f"Base: {format_number(2.5, 1, lang)}" in tornado
    spider = texts(spider_svg([-20.0, 0.0, 20.0], [("NaNO3 price", [1.0, 2.0, 3.0])], title="Spider", lang=lang,
                              texts={"x_axis": "Change of the input, %", "y_axis": "NPV, mln RUB"}))
    assert "NaNO₃ price" in spider  # legend
    histogram = texts(distribution_svg([0.0, 1.0, 2.0], [40.0, 60.0], ([0.0, 1.0, 2.0], [0.0, 40.0, 100.0]),
                                       {"P10": 0.5, "P90": 1.5}, 1.2, title="NPV of 20,000 samples, 95% interval",
                                       texts={"x_axis": "NPV, mln RUB", "y_axis": "Share of samples, %",
                                              "cumulative": "Cumulative, %", "base": "Base"}, lang=lang))
    assert "NPV of 20,000 samples, 95\u00a0% interval" in histogram
    for shown in (tornado, spider, histogram):
        assert not [text for text in shown if DIGIT_THEN_PERCENT.search(text)]
        if lang == "ru":
            assert not [text for text in shown if re.search(r"\d\.\d", text)]
