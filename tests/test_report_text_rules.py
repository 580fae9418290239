"""The small text rules every report section shares, each written once: a sentence's full stop, a language's
decimal mark and list separator."""

from __future__ import annotations

import pytest

from econ.numbers import decimal_mark, format_auto, format_number, list_separator
from econ.report.document_tables import _sentence, full_stop


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
