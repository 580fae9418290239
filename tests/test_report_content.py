"""What the report says agrees with itself: chart shares with the table beside them, names in the
reader's language, claims in words rather than model keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from econ.api import evaluate_workbook
from econ.report.html import chart_inputs

INPUTS = Path(__file__).resolve().parent.parent / "inputs"


def test_the_cost_chart_divides_the_opex_total_of_the_table_above_it(cr_evaluation) -> None:
    """The chart's shares are of the OPEX the Operating costs table totals (381,974 RUB/month); the cost
    of replacing lost water is in Revenue and losses, not among operating costs."""
    costs = chart_inputs(cr_evaluation, "en")["costs"]
    assert sum(amount for _, amount in costs) == pytest.approx(cr_evaluation.results.scalar("opex_per_month"))
    assert not any("loss" in label.lower() for label, _ in costs)


@pytest.mark.parametrize(("lang", "name"), [("en", "Base case"), ("ru", "Базовый вариант")])
def test_an_unnamed_base_case_is_named_in_the_report_language(lang: str, name: str) -> None:
    """bi_oxides names no Project!base_case; its break-even map compares against the base case."""
    evaluation = evaluate_workbook(INPUTS / "bi_oxides.xlsx")
    assert evaluation.plant.base_name == ""
    assert evaluation.plant.base_case_name(lang) == name


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_claim_is_stated_in_words_not_model_keys(cr_evaluation, lang: str) -> None:
    claim = next(audit for audit in cr_evaluation.audits if audit.id == "claim:CLAIM-4x")
    message = claim.message(lang)
    assert "net_effect_over_life_to_capital" not in message
    assert message.startswith({"en": "the text claims more than 4; the inputs give 3.817",
                               "ru": "в тексте утверждается: больше 4; исходные данные дают 3,817"}[lang])
