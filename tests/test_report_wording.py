"""Issue 15: the Russian Cr and Pb reports read as Russian, and a number never breaks from its unit.

What the reviewer read (``econ run inputs/cr_scheme.xlsx -o DIR --lang ru``, the same for
inputs/pb_electrorefining.xlsx, looked at with ``pdftotext -layout``) and what each test now asserts:

1. a workbook text's thousands split at their space («8 | 640 ч/год», «30 | 000 т/год», «7 | 920 кВт·ч»);
2. a double full stop «57 470 руб..» (the standard error of the mean NPV);
3. «собственные проверки econ противоречат модели»: econ named in the Russian text;
4. the cover's «Валюта RUB»;
5. the spider chart's x tick «+0» and its title «Паук»;
6. finding F2 with bare names and «тогда 4,81746»;
7. «10 год» in the «Введено как» column;
8. «равномерное(28,4091; 142,045)» among the uncertain inputs;
9. «Чистый дисконтированный доход (NPV), | 10,0 %» (the rate on its own line, one decimal more than the inputs).

Each report is rendered once per module, through the CLI, as the reviewer did.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from econ.report.typeset import typeset_html, typeset_text

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"
WORKBOOKS = {"cr": "cr_scheme", "pb": "pb_electrorefining"}


# -- 1. a number's thousands groups stay together (typeset_text, the HTML text WeasyPrint lays out) ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("примерно в 2 500 кВт·ч", f"примерно в 2{NBSP}500{NBSP}кВт·ч"),
    ("8 640 ч/год", f'<span class="unit">8{NBSP}640{NBSP}ч/год</span>'),
    ("30 000 т/год", f'<span class="unit">30{NBSP}000{NBSP}т/год</span>'),
    ("7 920 кВт·ч", f"7{NBSP}920{NBSP}кВт·ч"),
    ("1 334 248 204 руб.", f"1{NBSP}334{NBSP}248{NBSP}204{NBSP}руб."),
])
def test_a_workbook_number_keeps_its_thousands_together(text, expected):
    assert typeset_text(text) == expected


@pytest.mark.parametrize("text", [
    "Capital!C4 100",  # a cell address, then a number
    "годы 2025 2026 2027",  # a list of years: groups of four digits
    "шаги 1 2 3",  # groups of one digit
    "12 3456",  # a group of four digits is not a thousands group
])
def test_a_cell_address_or_a_list_of_years_keeps_its_plain_spaces(text):
    assert typeset_text(text) == text


def test_an_attribute_keeps_its_plain_spaces():
    assert typeset_html('<td title="2 500 т">около 2 500</td>') == f'<td title="2 500 т">около 2{NBSP}500</td>'


# -- the reports as the reader sees them -----------------------------------------------------------------

def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(NBSP, " ")


def _joined(text: str) -> str:
    """Every run of whitespace as one space, a word hyphenated at a line end joined again."""
    return " ".join(re.sub("\u2010\\s+", "", text).split())


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[tuple[str, str], dict[str, str]]:
    """(report, language) -> {"layout": pdftotext -layout, "raw": pdftotext in reading order}."""
    out = tmp_path_factory.mktemp("wording")
    texts = {}
    for name, workbook in WORKBOOKS.items():
        for lang in ("ru", "en"):
            directory = out / f"{name}_{lang}"
            subprocess.run([str(Path(sys.executable).parent / "econ"), "run", str(ROOT / "inputs" / f"{workbook}.xlsx"), "-o",
                            str(directory), "--lang", lang], check=True, capture_output=True)
            pdf = directory / f"{workbook}.pdf"
            texts[name, lang] = {"layout": _text(pdf, "-layout"), "raw": _text(pdf)}
    return texts


@pytest.mark.slow
@pytest.mark.parametrize(("name", "head", "tail", "phrase"), [
    ("pb", "2", "500", "2 500 кВт·ч"), ("pb", "8", "640", "8 640 ч/год"), ("pb", "30", "000", "30 000 т/год"),
    ("cr", "7", "920", "7 920 кВт·ч"),
])
def test_no_thousands_number_of_the_workbook_texts_breaks_at_a_line_end(reports, name, head, tail, phrase):
    """The reviewer's PDFs had «8» at a line's end and «640 ч/год» on the next (pdftotext's reading order)."""
    raw = reports[name, "ru"]["raw"]
    assert re.findall(rf"(?<![\d,.]){head} *\n\s*{tail}(?!\d).{{0,10}}", raw) == []
    assert any(phrase in line for line in raw.splitlines())


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKBOOKS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_sentence_ends_with_two_full_stops(reports, name, lang):
    """A double full stop, not an ellipsis («функционирует...») nor a range of years (1..N)."""
    assert re.findall(r".{0,30}(?<!\.)\.\.(?![.\w]).{0,5}", reports[name, lang]["layout"]) == []


@pytest.mark.slow
def test_the_standard_error_of_the_mean_ends_with_one_full_stop(reports):
    assert "Стандартная ошибка среднего NPV: 57 470 руб. " in _joined(reports["cr", "ru"]["raw"]) + " "


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKBOOKS)
def test_the_russian_report_names_econ_only_on_its_cover(reports, name):
    text = reports[name, "ru"]["layout"]
    assert [line.strip() for line in text.splitlines() if re.search(r"\becon\b", line)] == [
        "Подготовлено             econ 0.1.0"]
    assert "но проверки самого расчёта противоречат модели, которую эти данные описывают" in _joined(text)


@pytest.mark.slow
@pytest.mark.parametrize("name", WORKBOOKS)
def test_the_russian_cover_writes_the_currency_in_russian(reports, name):
    assert "Валюта                   руб." in reports[name, "ru"]["layout"].splitlines()


@pytest.mark.slow
def test_the_spider_chart_ticks_zero_without_a_sign_and_says_its_name_in_russian(reports):
    text = reports["cr", "ru"]["layout"]
    assert "Паутинная диаграмма: NPV в зависимости от изменения параметров" in text and "Паук" not in text
    assert re.search(r"\n\s*−20\s+−10\s+0\s+\+10\s+\+20\n", text)
    assert not re.search(r"(?<![\d.=])\+0(?![.,\d])", text)


@pytest.mark.slow
def test_the_other_form_finding_quotes_its_names_and_rounds_its_value(reports):
    assert ("F2: 1 значение следует из данных, если вместо «Эксплуатационные затраты, итого» взять другую форму "
            "той же величины, «Затраты без амортизации (денежные)» (тогда 4,817): источник даёт величину в двух "
            "формах, и напечатанная здесь не следует из данных") in _joined(reports["cr", "ru"]["raw"])
    assert ("F2: 1 figure follows when “OPEX total” is taken in its other form, “OPEX without depreciation "
            "(cash)” (the quantity is then 4.817)") in _joined(reports["cr", "en"]["raw"])


@pytest.mark.slow
@pytest.mark.parametrize(("name", "lang", "line"), [
    ("cr", "ru", r"Срок службы \(горизонт расчёта\)\s+10\s+год\s+10 лет\s+Project!C7"),
    ("pb", "ru", r"Срок службы \(горизонт расчёта\)\s+15\s+год\s+15 лет\s+Project!C8"),
    ("cr", "en", r"Service life \(analysis horizon\)\s+10\s+year\s+10 years\s+Project!C7"),
])
def test_a_count_of_years_as_entered_agrees_with_its_number(reports, name, lang, line):
    assert re.search(rf"\n\s*{line}\n", reports[name, lang]["layout"])
    assert not re.search(r"\b1[05] год\b", reports[name, "ru"]["layout"])


@pytest.mark.slow
@pytest.mark.parametrize(("name", "lang", "distributions"), [
    ("cr", "ru", ["равномерное(28,41; 142)", "равномерное(56,82; 170,5)",
                  "треугольное(6 000 000; 12 000 000; 24 000 000)"]),
    ("cr", "en", ["uniform(28.41, 142)", "uniform(56.82, 170.5)", "triangular(6,000,000, 12,000,000, 24,000,000)"]),
    ("pb", "ru", ["равномерное(2,1; 2,4)"]),
])
def test_a_distribution_gives_its_parameters_to_four_significant_digits(reports, name, lang, distributions):
    text = _joined(reports[name, lang]["raw"])
    for distribution in distributions:
        assert distribution in text, distribution


@pytest.mark.slow
@pytest.mark.parametrize(("name", "lang", "line"), [
    ("cr", "ru", "Чистый дисконтированный доход (NPV), 10 %                      16 484 431 руб."),
    ("pb", "ru", "Чистый дисконтированный доход (NPV), 12 %                         712 678 880 руб."),
    ("cr", "en", "Net present value (NPV), 10 %                                               16,484,431 RUB"),
])
def test_the_key_figures_keep_the_discount_rate_with_the_npv_label_as_the_inputs_print_it(reports, name, lang, line):
    assert line in [row.strip() for row in reports[name, lang]["layout"].splitlines()]
