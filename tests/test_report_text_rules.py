"""The small text rules every report section shares, each written once: a sentence's full stop, a language's
decimal mark and list separator, the space before a percent sign."""

from __future__ import annotations

import pytest

import re

from econ.numbers import decimal_mark, format_auto, format_number, format_percent, list_separator, space_percent
from econ.report.chart_style import chart_text
from econ.report.document_tables import _sentence, full_stop
from econ.report.typeset import typeset_text


@pytest.mark.parametrize(("text", "expected"), [
    ("NPV 16 484 431 руб. при 10 %", "NPV 16 484 431 руб. при 10 %."),
    ("Standard error of the mean NPV: 57 470 руб.", "Standard error of the mean NPV: 57 470 руб."),  # its own stop
    ("Стандартная ошибка среднего ЧДД: 57 470 руб..", "Стандартная ошибка среднего ЧДД: 57 470 руб."),  # template's
    ("Is it?", "Is it?"),
    ("Wait...", "Wait..."),
])
def test_a_sentence_ends_in_one_full_stop(text: str, expected: str) -> None:
    assert full_stop(text) == expected


def test_a_finding_as_a_sentence_is_capitalized_once_and_stopped_once() -> None:
    assert _sentence("pb: цена 180 000 руб.") == "Pb: цена 180 000 руб."
    assert _sentence("already Capitalized.") == "Already Capitalized."


def test_the_decimal_mark_and_list_separator_agree_with_format_number() -> None:
    for lang in ("en", "ru"):
        assert format_number(28.41, 2, lang) == f"28{decimal_mark(lang)}41"
        assert list_separator(lang).strip() != decimal_mark(lang)  # "28,41; 142", never "28,41, 142"
    assert list_separator("ru").join(format_auto(value, "ru") for value in (28.41, 142.0)) == "28,41; 142"
    assert list_separator("en").join(format_auto(value, "en") for value in (28.41, 142.0)) == "28.41, 142"


@pytest.mark.parametrize("text", ["0%", "10 %", "10\u202f%", "24,79 %", "рост на 5%; 7 %"])
def test_the_page_and_the_charts_set_a_percent_sign_as_format_percent_does(text: str) -> None:
    expected = space_percent(text)
    assert "%" in expected and not re.search(r"\d[ \u202f]?%", expected)
    assert chart_text(text) == expected
    assert re.sub(r"<[^>]+>", "", typeset_text(text)) == expected
    assert space_percent(format_percent(0.2479, 2, "ru")) == format_percent(0.2479, 2, "ru") == "24,79\u00a0%"


def _key_figures(workbook: str, lang: str) -> tuple[dict[str, str], list[str]]:
    from pathlib import Path

    from econ.api import evaluate_workbook
    from econ.report.document import build_document

    document = build_document(evaluate_workbook(Path(__file__).resolve().parent.parent / "inputs" / workbook), lang)
    return dict(document.key_figures), document.key_notes


def test_a_key_metric_that_is_not_a_number_has_a_short_cell_and_its_reason_in_a_note() -> None:
    figures, notes = _key_figures("bi_oxides.xlsx", "en")  # IRR undefined, paybacks not reached in 15 years
    assert figures["Internal rate of return (IRR)"] == "undefined¹"
    assert figures["Simple payback"] == "not reached²" and figures["Discounted payback"] == "not reached³"
    assert notes == ["¹ Internal rate of return (IRR): undefined: cash flow never changes sign.",
                     "² Simple payback: not reached within 15 years.",
                     "³ Discounted payback: not reached within 15 years."]
    figures, notes = _key_figures("cr_scheme.xlsx", "en")  # every metric a number: no marks, no notes
    assert notes == [] and figures["Internal rate of return (IRR)"] == "37.0\u00a0%"
