"""The chart of one component through a process chain: a waterfall of its through recovery, stage by stage.

The data is bismuth through the bismuth-oxides chain: five stages from reducing
smelting to the second electrolysis, each stage's imbalance being
carried_in - sum(output shares) (the last stage's outputs exceed what entered
it by 0.85 % of the feed's bismuth). Percentages are shown with one decimal,
rounded from the binary value as econ.numbers rounds: 0.9605 * 100 is
96.04999... ("96.0 %"), 0.1905 * 100 is 19.050000000000000711 ("19.1 %").
"""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from econ.report.charts import COLOURS, ChainFlow, ChainOutput, ChainStage, chain_flow_svg

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"

BISMUTH = [
    ("Reducing smelting", 1.0, [("Bi-lead", "next", 0.9605), ("Slag", "returned", 0.0280),
                                ("Dust and gas", "returned", 0.0115)]),
    ("Decoppering", 0.9605, [("Pb-Bi alloy", "next", 0.5465), ("Sulfide drosses", "returned", 0.3312),
                             ("Dust and gas", "returned", 0.0828)]),
    ("Alkaline treatment", 0.5465, [("Pb-Bi alloy", "next", 0.2054), ("Alkaline melt", "returned", 0.1971),
                                    ("Dust and gas", "returned", 0.1408)]),
    ("Electrolysis, stage 1", 0.2054, [("Anode product-1", "next", 0.1938), ("Cathode product-1", "sold", 0.0002),
                                       ("Salt melt-1", "returned", 0.0116)]),
    ("Electrolysis, stage 2", 0.1938, [("Crude bismuth", "sold", 0.1905), ("Cathode product-2", "sold", 0.0116),
                                       ("Salt melt-2", "returned", 0.0002)]),
]
BISMUTH_RU = [
    ("Восстановительная плавка", *BISMUTH[0][1:]),
    ("Обезмеживание", *BISMUTH[1][1:]),
    ("Щелочное рафинирование", *BISMUTH[2][1:]),
    ("Электролиз, стадия 1", *BISMUTH[3][1:]),
    ("Электролиз, стадия 2", 0.1938, [("Черновой висмут", "sold", 0.1905), ("Катодный продукт-2", "sold", 0.0116),
                                      ("Солевой плав-2", "returned", 0.0002)]),
]
LABELS = {
    "axis": "Share of Bi in the feed, %",
    "feed": "Feed",
    "next": "carried to the next stage",
    "sold": "sold",
    "returned": "returned to other circuits",
    "waste": "waste",
    "imbalance": "not accounted for",
}
LABELS_RU = {
    "axis": "Доля Bi от исходного, %",
    "feed": "Исходное сырьё",
    "next": "передано на следующий передел",
    "sold": "товарная продукция",
    "returned": "возвращено в другие циклы",
    "waste": "отходы",
    "imbalance": "неучтённое",
}


def flow(stages=BISMUTH, feed: str = "Bi-oxides") -> ChainFlow:
    """A ChainFlow of (stage, carried_in, [(output, destination, share)]) rows, each imbalance computed."""
    return ChainFlow("Bi", feed, tuple(
        ChainStage(name, carried_in, tuple(ChainOutput(*output) for output in outputs),
                   carried_in - sum(share for _, _, share in outputs))
        for name, carried_in, outputs in stages
    ))


def chart(stages=BISMUTH, labels=LABELS, title: str = "Bismuth through the chain", **options) -> str:
    return chain_flow_svg(flow(stages), title, labels, **options)


def texts(svg: str) -> list[str]:
    """The strings of the chart's <text> elements, in document order (a wrapped name is several)."""
    return ["".join(element.itertext()) for element in ET.fromstring(svg).iter(f"{SVG}text")]


def text_position(svg: str, string: str) -> tuple[float, float]:
    """(x, y) of the <text> element that reads ``string``; y grows downwards.

    matplotlib writes a one-line text's anchor as x and y, each line of a
    multi-line text as ``transform="translate(x y)"``.
    """
    [element] = [element for element in ET.fromstring(svg).iter(f"{SVG}text")
                 if "".join(element.itertext()) == string]
    if element.get("x") is not None:
        return float(element.get("x")), float(element.get("y"))
    x, y = re.fullmatch(r"translate\(([-\d.]+) ([-\d.]+)\)", element.get("transform")).groups()
    return float(x), float(y)


def run_python(code: str, **env: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                            env={**os.environ, **env})
    return result.stdout


# -- an <svg> element to inline in HTML -------------------------------------------------------


def test_the_chart_is_an_svg_element_that_scales_to_the_text_width():
    svg = chart()
    assert svg.startswith("<svg ")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    view_box = [float(number) for number in root.get("viewBox").split()]
    assert view_box[:2] == [0, 0]
    assert view_box[2] == pytest.approx(16 / 2.54 * 72)  # 16 cm in pt
    assert view_box[3] == pytest.approx(3.2 * 72)
    assert root.get("width") == "100%"
    assert "height" not in root.attrib
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Bismuth through the chain"


def test_text_stays_text_in_dejavu_sans():
    svg = chart()
    assert "font-family: 'DejaVu Sans'" in svg
    assert "DejaVuSans-" not in svg  # no glyph definitions: text is not drawn as paths


def test_every_reference_points_to_an_id_of_the_chart():
    svg = chart()
    ids = re.findall(r'\sid="([^"]+)"', svg)
    references = re.findall(r'url\(#([^)]+)\)', svg) + re.findall(r'href="#([^"]+)"', svg)
    assert references
    assert set(references) <= set(ids)
    assert len(ids) == len(set(ids))


def test_the_dataclasses_pickle_for_the_chart_worker():
    original = flow()
    assert pickle.loads(pickle.dumps(original)) == original
    with pytest.raises(AttributeError):
        original.stages[0].outputs[0].share = 1.0  # type: ignore[misc]


# -- what the reader sees ---------------------------------------------------------------------


def test_the_chart_shows_title_axis_feed_and_every_stage_name():
    shown = texts(chart())
    joined = " ".join(shown)
    assert "Bismuth through the chain" in shown
    assert "Share of Bi in the feed, %" in shown
    assert "Bi-oxides" in shown
    for name, _, _ in BISMUTH:
        assert name in joined  # "Electrolysis, stage 2" wraps onto "Electrolysis," and "stage 2"
    assert "Electrolysis," in shown and "stage 2" in shown


def test_the_stage_names_run_left_to_right_in_chain_order():
    svg = chart()
    xs = [text_position(svg, name)[0] for name in ("Bi-oxides", "Decoppering")]
    assert xs == sorted(xs)
    assert text_position(svg, "stage 1")[0] < text_position(svg, "stage 2")[0]


CARRIED_LABELS = ("100.0\u00a0%", "96.0\u00a0%", "54.6\u00a0%", "20.5\u00a0%", "19.4\u00a0%")  # a no-break space before %


def test_each_carried_bar_is_labelled_with_its_percentage():
    shown = texts(chart())
    for label in CARRIED_LABELS:
        assert label in shown


def test_the_carried_share_descends_like_a_waterfall():
    svg = chart()
    heights = [text_position(svg, label)[1] for label in CARRIED_LABELS]
    assert heights == sorted(heights)  # y grows downwards: each label lower than the one before
    lefts = [text_position(svg, label)[0] for label in CARRIED_LABELS]
    assert lefts == sorted(lefts)


def test_the_last_stages_products_are_named_with_their_shares():
    shown = texts(chart())
    assert "Crude bismuth: 19.1\u00a0%" in shown  # 0.1905 of the feed's bismuth
    assert "Cathode product-2: 1.2\u00a0%" in shown
    svg = chart()
    assert text_position(svg, "Cathode product-2: 1.2\u00a0%")[1] < text_position(svg, "Crude bismuth: 19.1\u00a0%")[1]


def test_large_side_outputs_carry_their_percentage():
    shown = texts(chart())
    assert "33.1\u00a0%" in shown  # sulfide drosses of decoppering
    assert "19.7\u00a0%" in shown  # alkaline melt
    assert "0.0\u00a0%" not in shown  # too thin for a label: salt melt-2, 0.02 %


def test_the_legend_shows_only_the_destinations_present():
    shown = texts(chart())
    for key in ("feed", "next", "sold", "returned", "imbalance"):
        assert LABELS[key] in shown
    assert LABELS["waste"] not in shown

    balanced = [("Leaching", 1.0, [("Solution", "next", 0.9), ("Residue", "waste", 0.1)]),
                ("Electrowinning", 0.9, [("Cathode", "next", 0.9)])]
    shown = texts(chart(balanced))
    assert LABELS["waste"] in shown and LABELS["next"] in shown and LABELS["feed"] in shown
    for key in ("sold", "returned", "imbalance"):
        assert LABELS[key] not in shown


def test_an_imbalance_is_hatched_only_above_a_tenth_of_a_percent():
    assert "<pattern" in chart()  # the last stage gains 0.85 %, alkaline treatment loses 0.32 %
    tiny = [("Smelting", 1.0, [("Matte", "next", 0.7), ("Slag", "waste", 0.2995)]),
            ("Converting", 0.7, [("Blister", "sold", 0.7)])]
    svg = chart(tiny)
    assert "<pattern" not in svg
    assert LABELS["imbalance"] not in texts(svg)


def test_colours_of_the_destinations_are_in_the_palette_and_drawn():
    svg = chart([("Smelting", 1.0, [("Matte", "next", 0.6), ("Slag", "waste", 0.2), ("Dust", "returned", 0.2)]),
                 ("Converting", 0.6, [("Blister", "sold", 0.6)])])
    for destination in ("next", "sold", "returned", "waste"):
        assert COLOURS[f"chain_{destination}"] in svg
    assert len({COLOURS[f"chain_{destination}"] for destination in ("next", "sold", "returned", "waste")}) == 4


def test_a_cyrillic_chart_keeps_its_text_and_uses_the_decimal_comma():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = chart(BISMUTH_RU, LABELS_RU, "Висмут по цепочке оксидов висмута", decimal_comma=True)
    assert not [warning for warning in caught if "glyph" in str(warning.message).lower()]
    shown = texts(svg)
    joined = " ".join(shown)
    assert ET.fromstring(svg).get("aria-label") == "Висмут по цепочке оксидов висмута"
    assert "Висмут по цепочке оксидов висмута" in shown
    assert "Доля Bi от исходного, %" in shown
    for name, _, _ in BISMUTH_RU:
        assert name in joined
    for label in ("100,0\u00a0%", "96,0\u00a0%", "54,6\u00a0%", "20,5\u00a0%", "19,4\u00a0%", "Черновой висмут: 19,1\u00a0%"):
        assert label in shown
    assert not [text for text in shown if re.search(r"\d\.\d", text)]  # no decimal point anywhere
    for key in ("feed", "next", "sold", "returned", "imbalance"):
        assert LABELS_RU[key] in shown


def test_a_long_stage_name_wraps_at_spaces():
    name = "Reduction smelting of the bismuth oxides in a short rotary furnace"
    shown = texts(chart([(name, 1.0, [("Bullion", "next", 0.9), ("Slag", "waste", 0.1)]),
                         ("Refining", 0.9, [("Bismuth", "sold", 0.9)])]))
    lines = [text for text in shown if text in name]
    assert len(lines) > 1
    assert " ".join(lines) == name


# -- deterministic output ---------------------------------------------------------------------


def test_the_same_input_gives_the_same_bytes():
    assert chart() == chart()
    assert chart(BISMUTH_RU, LABELS_RU, decimal_comma=True) == chart(BISMUTH_RU, LABELS_RU, decimal_comma=True)


def test_the_same_input_gives_the_same_bytes_in_other_processes():
    code = (
        "import hashlib, tests.test_chain_chart as t\n"
        "print(hashlib.sha256(t.chart().encode()).hexdigest())\n"
    )
    digests = {run_python(code, PYTHONHASHSEED=seed) for seed in ("1", "2")}
    assert len(digests) == 1


def test_the_output_does_not_depend_on_the_callers_rcparams():
    import matplotlib

    expected = chart()
    with matplotlib.rc_context({"font.size": 20, "font.family": "serif", "svg.fonttype": "path",
                                "svg.hashsalt": None, "hatch.linewidth": 3.0, "xtick.labelsize": 14}):
        assert chart() == expected


def test_rendering_leaves_rcparams_as_they_were():
    import matplotlib

    before = dict(matplotlib.rcParams)
    chart()
    assert dict(matplotlib.rcParams) == before


def test_two_charts_inlined_in_one_page_share_no_id():
    first = set(re.findall(r'\sid="([^"]+)"', chart()))
    second = set(re.findall(r'\sid="([^"]+)"', chart(BISMUTH_RU, LABELS_RU)))
    assert first and second
    assert not first & second


# -- bad input --------------------------------------------------------------------------------


def test_missing_labels_raise_naming_them():
    labels = {key: value for key, value in LABELS.items() if key not in ("waste", "imbalance")}
    with pytest.raises(ValueError, match="labels has no waste, imbalance"):
        chart(labels=labels)


def test_a_chain_without_stages_raises():
    with pytest.raises(ValueError, match="no stages"):
        chain_flow_svg(ChainFlow("Bi", "Bi-oxides", ()), "", LABELS)


def test_an_unknown_destination_raises_naming_the_output():
    with pytest.raises(ValueError, match="'Slag' of stage 'Smelting' goes to 'dump'"):
        chart([("Smelting", 1.0, [("Matte", "next", 0.9), ("Slag", "dump", 0.1)])])


@pytest.mark.parametrize("share", [float("nan"), float("inf"), -0.01])
def test_a_share_that_is_not_a_share_raises(share):
    with pytest.raises(ValueError, match="share of output 'Slag' of stage 'Smelting'"):
        chart([("Smelting", 1.0, [("Matte", "next", 0.9), ("Slag", "waste", share)])])


def test_rounding_noise_below_zero_is_drawn_as_zero():
    shown = texts(chart([("Smelting", 1.0, [("Matte", "sold", 1.0), ("Slag", "waste", -1e-12)])]))
    assert "Matte: 100.0\u00a0%" in shown


# -- cost of importing ------------------------------------------------------------------------


def test_importing_the_charts_module_does_not_import_matplotlib():
    output = run_python("import econ.report.charts, sys; print('matplotlib' in sys.modules)")
    assert output.strip() == "False"


def test_rendering_does_not_use_pyplot():
    code = (
        "import sys, tests.test_chain_chart as t\n"
        "t.chart()\n"
        "print('matplotlib' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
    )
    assert run_python(code).split() == ["True", "False"]
