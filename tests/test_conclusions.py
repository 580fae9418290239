"""The "Conclusions and recommendations" section, the break-even table's base values and the pre-tax net
effect, as the reader sees them: the text pdftotext extracts from the lead electrorefining report
(inputs/pb_electrorefining.xlsx: three options, four BreakEven questions, an Uncertainty sheet).

Each PDF is rendered once per module and language. The figures asserted are econ's, re-derived here from
the evaluation: MSA electrorefining adds 224,793,991 RUB to the NPV of the diaphragm cells
(econ.model.alternatives.incremental), its break-even electricity tariff is 3.696 RUB/kWh against the
tariff of 6.5 RUB/kWh the workbook states, so MSA stays ahead while the tariff is above 3.696.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from econ.api import analyse_uncertainty, evaluate_workbook, write_reports
from econ.model.alternatives import incremental

PB = Path(__file__).resolve().parent.parent / "inputs" / "pb_electrorefining.xlsx"
HEADING = {"en": "Conclusions and recommendations", "ru": "Выводы и рекомендации"}
APPENDIX = {"en": "Appendix: input listing", "ru": "Приложение: перечень исходных данных"}


def normalized(text: str) -> str:
    """Whitespace runs (the no-break space of Russian thousands included) as one space; hyphenated line ends
    (U+2010) joined."""
    return " ".join(re.sub("\u2010\\s+", "", text).split())


@pytest.fixture(scope="module")
def pb_evaluation():
    evaluation = evaluate_workbook(PB)
    analyse_uncertainty(evaluation)
    return evaluation


@pytest.fixture(scope="module")
def layouts(pb_evaluation, tmp_path_factory) -> dict[str, str]:
    """``pdftotext -layout`` of the Pb report, by language."""
    texts = {}
    for lang in ("en", "ru"):
        folder = tmp_path_factory.mktemp(f"conclusions-{lang}")
        (pdf,) = write_reports(pb_evaluation, folder, ("pdf",), lang)
        texts[lang] = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                     text=True).stdout
    return texts


def section(layouts: dict[str, str], lang: str) -> str:
    """The section's text, from its heading (not its line in the contents) to the appendix."""
    text = normalized(layouts[lang])
    start = text.rindex(f"15. {HEADING[lang]}")  # after the Capital cost section (issue 15)
    return text[start:text.index(f"16. {APPENDIX[lang]}", start)]


def test_the_section_is_listed_in_the_contents_before_the_appendix(layouts):
    for lang in ("en", "ru"):
        text = normalized(layouts[lang])
        assert re.search(rf"15\. {HEADING[lang]} \.+ \d+ 16\. {re.escape(APPENDIX[lang])}", text), lang


def test_the_incremental_npv_of_msa_is_econs_and_names_the_preferred_option(pb_evaluation, layouts):
    base, bipolar, msa = pb_evaluation.cases
    assert round(incremental(base, msa).npv) == 224_793_991
    assert round(incremental(base, bipolar).npv) == -190_348_360
    assert ("MSA electrorefining is preferred: its incremental NPV over Diaphragm cells is 224,793,991 RUB "
            "(incremental IRR 25.2 %), the highest of the 3 options. • Bipolar membranes: incremental NPV "
            "-190,348,360 RUB") in section(layouts, "en")
    # the Russian report names the options by their Russian names (Alternatives!name_ru, Project!base_case_ru)
    assert ("Предпочтителен вариант «Электрорафинирование в МСК»: его приростный NPV относительно «Диафрагменные "
            "ячейки» составляет 224 793 991 руб. (приростная IRR 25,2 %), наибольший из 3 вариантов. "
            "• «Биполярные мембраны»: приростный NPV −190 348 360 руб.") in section(layouts, "ru")


def test_the_condition_is_each_break_even_against_its_base_value(pb_evaluation, layouts):
    values = {(outcome.study.alternative, outcome.study.key): outcome.result.values
              for outcome in pb_evaluation.break_even_outcomes()}
    assert values[("MSA electrorefining", "electricity_price")] == (pytest.approx(3.69646, abs=1e-5),)
    assert pb_evaluation.plant.value("electricity_price") == 6.5
    english = section(layouts, "en")
    assert ("Incremental NPV of MSA electrorefining stays positive while Electricity tariff is above 3.696 RUB/kWh "
            "(base 6.5 RUB/kWh).") in english
    assert ("Incremental NPV of Bipolar membranes stays negative while Electricity tariff is below 16.34 RUB/kWh "
            "(base 6.5 RUB/kWh).") in english
    assert ("Incremental NPV of Bipolar membranes stays negative while Cell house: cost is above 955,277,548 RUB "
            "(base 1,170,000,000 RUB).") in english
    assert ("NPV of Diaphragm cells stays positive while Refined lead (refining charge): price is above 15.3 RUB/kg "
            "(base 20 RUB/kg).") in english
    # the verdict does not establish the inputs the ranking is computed from: the section says so
    assert "The ranking is computed from the same stated inputs that the verdict does not establish" in english
    assert ("Приростный NPV варианта «Электрорафинирование в МСК» остаётся положительным, пока «Тариф на "
            "электроэнергию» "
            "выше 3,696 руб./кВт·ч (базовое значение 6,5 руб./кВт·ч).") in section(layouts, "ru")


def test_what_the_figures_establish_is_the_verdict_and_its_invalidating_reason(layouts):
    english = section(layouts, "en")
    assert ("What the figures establish Not established: the stated inputs give NPV 712,678,880 RUB at 12 % "
            "(profitable)") in english
    assert ("The figures do not establish this result, because: • Refining cell house: the model uses 612.7 kWh/t "
            "against the source's 2,500 kWh/t.") in english
    russian = section(layouts, "ru")
    assert "Что установлено расчётом Не подтверждено: заявленные исходные данные дают NPV 712 678 880 руб." in russian
    assert "Расчёт этого результата не подтверждает, потому что: • Электролизный цех рафинирования:" in russian


def test_what_to_measure_is_the_tornados_top_inputs_and_the_assumptions_without_range(pb_evaluation, layouts):
    swings = pb_evaluation.uncertainty.tornado.swings
    assert [swing.range.key for swing in swings[:3]] == ["byproducts.0.price", "capital.0.cost", "electricity_price"]
    assert round(swings[0].swing) == 1_213_696_052
    english = section(layouts, "en")
    assert ("What must be measured or quoted before a decision The inputs the tornado ranks highest (NPV swing over "
            "their ranges): • Refined lead (refining charge): price: 1,213,696,052 RUB • Cell house: cost: "
            "319,134,813 RUB • Electricity tariff: 274,555,638 RUB") in english
    # the same list as the risk section's assumptions without a range and the "Assumptions and notes"
    # (econ.inputs.assumptions): 58 in Pb, the cell house's metal production among them (its source's leading
    # text, "assumption: anodes of 99 % Pb", speaks for every field without a segment of its own)
    assumed = pb_evaluation.uncertainty.unquantified
    assert len(assumed) == 58 and "electrolysis.0.metal_production" in assumed
    assert "58 inputs rest on an assumption with no range: Operating hours per day: 24 h/day;" in english
    assert "Исходные данные, основанные на допущении без диапазона (58):" in section(layouts, "ru")


def test_the_break_even_table_gives_the_base_value_beside_each_break_even(layouts):
    english = [normalized(line) for line in layouts["en"].splitlines()]
    assert any(re.search(r"Electricity tariff 2 – 40 RUB/kWh 16\.34 RUB/kWh 6\.5 RUB/kWh$", line) for line in english)
    assert any(re.search(r"Electricity tariff 1 – 40 RUB/kWh 3\.696 RUB/kWh 6\.5 RUB/kWh$", line) for line in english)
    russian = [normalized(line) for line in layouts["ru"].splitlines()]
    # the input's name wraps in Russian ("Тариф на электро-|энергию"): the row's first line holds the figures
    assert any(re.search(r"Тариф на электро.*2 – 40 руб\./кВт·ч 16,34 руб\./кВт·ч 6,5 руб\./кВт·ч$", line)
               for line in russian)


@pytest.mark.parametrize(("lang", "labels"), [
    ("en", ["Net effect per month (pre-tax) 23,509,848 RUB/month", "Net effect per year (pre-tax) 282,118,177"]),
    ("ru", ["Чистый эффект в месяц (до налога на прибыль) 23 509 848 руб./мес",
            "Чистый эффект в год (до налога на прибыль) 282 118 177 руб./год"])])
def test_the_net_effect_is_labelled_pre_tax(layouts, lang, labels):
    """In the key figures box (the Russian month label wraps around its value there) and the revenue table."""
    text = normalized(layouts[lang])
    for label in labels:
        assert label in text
    bare = "Net effect per month" if lang == "en" else "Чистый эффект в месяц"
    # never without its pre-tax label, which may follow a table row's values when the label wraps in its cell
    bare_at = [match.start() for match in re.finditer(re.escape(bare), text)]
    labelled = [match.start() for match in re.finditer(
        re.escape(bare) + r"(?: \(| [\d\s,−-]+ (?:RUB/month|руб\./мес) \()", text)]
    assert len(bare_at) >= (3 if lang == "en" else 2) and bare_at == labelled
