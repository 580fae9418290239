"""The report's alternatives: what each changes, the cases side by side, the incremental cases, break-even."""

from __future__ import annotations

from typing import TYPE_CHECKING

from econ import i18n
from econ.model.figures import Figure
from econ.report.document_tables import Table, _amount, _Formatter, _input_value, _parameter_label, _shown_unit, \
    figure_label, metric_text

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.inputs.plant import BreakEvenStudy, Plant
    from econ.model.breakeven import StudyOutcome


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


def _alternatives_table(evaluation: Evaluation, fmt: _Formatter, lang: str, metric_texts: dict[str, str]) -> Table:
    cases, model = evaluation.cases, evaluation.model
    share = 62.0 / len(cases)
    headers = [_text("report.col.item", lang)] + [case.name for case in cases] + [_text("report.col.unit", lang)]
    table = Table("alternatives", _text("report.alternatives_caption", lang), headers,
                  ["l"] + ["r"] * len(cases) + ["l"], [28.0] + [share] * len(cases) + [10.0])
    for key in ("capital_total", "opex_energy", "opex_labour", "opex_depreciation", "opex_maintenance",
                "opex_per_month", "specific_cost", "byproduct_revenue_per_month", "products_value_per_month",
                "net_effect_per_month", "npv"):
        if key not in model:  # the Products sheet's total, only with Products rows
            continue
        figure = model.get(key)
        assert isinstance(figure, Figure)
        table.add([figure_label(evaluation.plant, key, lang)] + [fmt.figure(case.value(key), figure) for case in cases]
                  + [fmt.unit(figure.unit)], "total" if key in ("opex_per_month", "npv") else "")
    for key in ("irr", "payback", "discounted_payback"):
        table.add([i18n.figure_label(key, lang)] + [metric_text(case.metric(key), key, lang, model.years) for case in cases]
                  + [""])
    return table


def _incremental_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    from econ.model.alternatives import incremental

    headers = [_text(f"report.col.{name}", lang) for name in
               ("alternative", "incremental_npv", "incremental_irr", "incremental_payback")]
    table = Table("incremental", _text("report.incremental_caption", lang), headers, ["l", "r", "r", "r"],
                  [34, 22, 22, 22])
    base = evaluation.cases[0]
    for case in evaluation.cases[1:]:
        step = incremental(base, case)
        irr = metric_text(step.irr, "irr", lang, evaluation.model.years)
        payback = metric_text(step.payback, "payback", lang, evaluation.model.years)
        table.add([case.name, f"{fmt.number(step.npv, 0)} {fmt.unit(evaluation.plant.currency)}", irr, payback])
    return table


def break_even_target(evaluation: Evaluation, alternative: str, lang: str) -> str:
    """What a break-even makes zero: the base case's NPV or an alternative's incremental NPV."""
    if alternative:
        return i18n.text("report.break_even.incremental", lang, case=alternative)
    return i18n.text("report.break_even.npv", lang, case=evaluation.plant.base_case_name(lang))


def no_break_even(evaluation: Evaluation, outcome: StudyOutcome, lang: str) -> str:
    """Why a break-even question has no answer in its range, as the report's table and the Break-even sheet
    say it: what the NPV (or incremental NPV) stays over the range, positive or negative."""
    # econ.model.breakeven says the sign only in its English reason ("... stays positive (from ...)")
    sign = "positive" if "positive" in outcome.result.reason else "negative"
    return i18n.text("report.break_even.none", lang, what=break_even_target(evaluation, outcome.study.alternative, lang),
                     sign=i18n.text(f"report.sign.{sign}", lang))


def _break_even_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("alternative", "input", "range", "break_even",
                                                              "base_value")]
    table = Table("break_even", _text("report.break_even_caption", lang), headers, ["l", "l", "r", "l", "r"],
                  [15, 22, 23, 20, 20])
    for outcome in evaluation.break_even_outcomes():
        study, result = outcome.study, outcome.result
        unit = _shown_unit(plant.parameters[study.key].unit, fmt)
        if result.values:
            # a break-even is an estimate from the other inputs: 4 significant digits (16.34 RUB/kWh)
            answer = "; ".join(f"{fmt.auto(value, 4)} {unit}".strip() for value in result.values)
        else:
            answer = no_break_even(evaluation, outcome, lang)
        table.add([study.alternative or plant.base_case_name(lang),
                   _parameter_label(study.key, plant.parameters[study.key].label, plant, lang),
                   f"{fmt.auto(study.low, 6)} – {fmt.auto(study.high, 6)} {unit}".strip(), answer,
                   _amount(break_even_base(plant, study), plant.parameters[study.key].unit, fmt)])
    return table


def break_even_base(plant: Plant, study: BreakEvenStudy) -> float:
    """The value a break-even study's input has in the case it studies: the alternative's override of it, if
    any, else the base case's input (in the model's unit)."""
    for alternative in plant.alternatives:
        if study.alternative and alternative.name == study.alternative and study.key in alternative.overrides:
            return float(alternative.overrides[study.key])
    return float(plant.parameters[study.key].value)


def _overrides_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    plant = evaluation.plant
    headers = [_text("report.col.alternative", lang), _text("report.col.parameter", lang),
               _text("report.col.value", lang), _text("report.col.unit", lang)]
    table = Table("overrides", _text("report.overrides", lang), headers, ["l", "l", "r", "l"], [24, 40, 20, 16])
    for alternative in plant.alternatives:
        if alternative.description:
            table.add([alternative.name, alternative.description, "", ""])
        for key, value in alternative.overrides.items():
            parameter = plant.parameters[key]
            table.add(["", _parameter_label(key, parameter.label, plant, lang),
                       _input_value(value, parameter.unit, fmt), _shown_unit(parameter.unit, fmt)])
    return table
