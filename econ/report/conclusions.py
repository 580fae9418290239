"""The report's "Conclusions and recommendations": what the figures establish, the preferred option, what to measure.

Every sentence is filled from the evaluation, formatted in the report's language:

- what the figures establish and what they do not: the verdict's headline
  (econ.checks.verdict) and its invalidating or qualifying reasons, or the
  number of audits and published figures that stand against nothing;
- which option is preferred: the alternative with the highest incremental NPV
  over the base case (econ.model.alternatives.incremental), or the base case
  when none raises its NPV; on what condition: each BreakEven question's
  break-even value against the input's base value, with the side of it on which
  the NPV keeps the sign it has at the base value;
- what must be measured or quoted before a decision: the inputs the tornado
  ranks highest when a risk analysis was run (econ.model.risk), and the inputs
  whose source is an assumption with no range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ import i18n
from econ.checks.verdict import INVALIDATES, NOT_ESTABLISHED, QUALIFIES, Verdict
from econ.report.risk_section import without_base_items
from econ.report.document import (_amount, _Formatter, _parameter_label, _sentence, _shown_unit, break_even_base,
                                  break_even_target, full_stop, metric_text)

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

TORNADO_SHOWN = 3  # the inputs of the tornado named as the first to measure


@dataclass
class Conclusions:
    """The section's texts, formatted; the template places them under its three headings."""

    headings: dict[str, str]
    headline: str  # the verdict's headline
    lead: str = ""  # before ``reasons``: why the result is not established, or what qualifies it
    reasons: list[str] = field(default_factory=list)
    preferred: str = ""  # the preferred option, with its incremental NPV (only with alternatives)
    others: list[str] = field(default_factory=list)  # the other alternatives' incremental NPV
    condition_intro: str = ""
    conditions: list[str] = field(default_factory=list)  # a sentence per break-even study
    caveat: str = ""  # a ranking from inputs the verdict does not establish
    tornado_intro: str = ""
    tornado: list[str] = field(default_factory=list)  # the inputs ranked highest, with their NPV swing
    without_base_intro: str = ""
    without_base: str = ""  # the inputs whose range leaves out their base value, with both: one sentence
    assumptions_intro: str = ""
    assumptions: str = ""  # the assumed inputs with no range, with their value: one sentence


def build_conclusions(evaluation: Evaluation, verdict: Verdict, fmt: _Formatter, lang: str,
                      metric_texts: dict[str, str]) -> Conclusions:
    """The conclusions of ``evaluation`` in ``lang``; ``metric_texts`` holds the IRR and paybacks as shown."""
    headings = {name: i18n.text(f"conclusions.{name}", lang) for name in ("established", "preferred", "measure")}
    conclusions = Conclusions(headings, _sentence(verdict.headline(lang, metric_texts["irr"],
                                                                   metric_texts["discounted_payback"])))
    against = verdict.of_weight(INVALIDATES) or verdict.of_weight(QUALIFIES)
    if against:
        conclusions.lead = i18n.text("conclusions.not_established" if verdict.of_weight(INVALIDATES)
                                     else "conclusions.qualified", lang)
        conclusions.reasons = [_sentence(reason.text(lang)) for reason in against]
    else:
        checked = len(evaluation.comparisons)
        conclusions.lead = i18n.text("conclusions.nothing_against" if checked else "conclusions.nothing_against_unchecked",
                                     lang, audits=len(evaluation.audits), checked=checked)
    if evaluation.cases:
        _preferred(evaluation, verdict, fmt, lang, conclusions)
    if evaluation.plant.break_even:
        conclusions.condition_intro = i18n.text("conclusions.condition_intro", lang)
        conclusions.conditions = _conditions(evaluation, fmt, lang)
    _to_measure(evaluation, fmt, lang, conclusions)
    return conclusions


def _preferred(evaluation: Evaluation, verdict: Verdict, fmt: _Formatter, lang: str,
               conclusions: Conclusions) -> None:
    """The option with the highest NPV, and what each other alternative adds to the base case's NPV."""
    from econ.model.alternatives import incremental

    base, currency = evaluation.cases[0], fmt.unit(evaluation.plant.currency)
    steps = [(case, incremental(base, case)) for case in evaluation.cases[1:]]
    best, best_step = max(steps, key=lambda pair: pair[1].npv)
    others = steps
    if best_step.npv > 0:
        conclusions.preferred = i18n.text(
            "conclusions.best_alternative", lang, case=best.name, base=base.name,
            npv=f"{fmt.number(best_step.npv, 0)} {currency}", count=len(evaluation.cases),
            irr=metric_text(best_step.irr, "irr", lang, evaluation.model.years))
        others = [(case, step) for case, step in steps if case is not best]
    else:
        conclusions.preferred = i18n.text("conclusions.base_preferred", lang, base=base.name)
    conclusions.others = [i18n.text("conclusions.other_case", lang, case=case.name,
                                    npv=f"{fmt.number(step.npv, 0)} {currency}") for case, step in others]
    if verdict.status == NOT_ESTABLISHED:
        conclusions.caveat = i18n.text("conclusions.unestablished_ranking", lang)


def _conditions(evaluation: Evaluation, fmt: _Formatter, lang: str) -> list[str]:
    """A sentence per break-even study: on which side of its break-even value the NPV keeps its sign."""
    from econ.model.alternatives import incremental

    plant = evaluation.plant
    cases = {case.name: case for case in evaluation.cases}
    sentences = []
    for outcome in evaluation.break_even_outcomes():
        study, result = outcome.study, outcome.result
        parameter = plant.parameters[study.key]
        unit = _shown_unit(parameter.unit, fmt)
        base_value = break_even_base(plant, study)
        at_base = (incremental(evaluation.cases[0], cases[study.alternative]).npv if study.alternative
                   else evaluation.results.scalar("npv"))
        values = {"what": break_even_target(evaluation, study.alternative, lang),
                  "input": _parameter_label(study.key, parameter.label, plant, lang),
                  "base": _amount(base_value, parameter.unit, fmt),
                  "sign": i18n.text(f"report.sign.{'positive' if at_base > 0 else 'negative'}", lang)}
        shown = [f"{fmt.auto(value, 4)} {unit}".strip() for value in result.values]
        if len(result.values) == 1:
            side = "above" if base_value > result.values[0] else "below"
            text = i18n.text(f"conclusions.condition.{side}", lang, value=shown[0], **values)
        elif result.values:
            text = i18n.text("conclusions.condition.several", lang, value="; ".join(shown), **values)
        else:
            text = i18n.text("conclusions.condition.none", lang, **values,
                             range=f"{fmt.auto(study.low, 6)} – {fmt.auto(study.high, 6)} {unit}".strip())
        sentences.append(_sentence(text))
    return sentences


def _to_measure(evaluation: Evaluation, fmt: _Formatter, lang: str, conclusions: Conclusions) -> None:
    """The tornado's highest-ranked inputs (with a risk analysis) and the assumed inputs with no range."""
    plant, risk = evaluation.plant, getattr(evaluation, "uncertainty", None)
    if risk is not None:
        ranked = [swing for swing in risk.tornado.swings if swing.swing is not None][:TORNADO_SHOWN]
        if ranked:
            conclusions.tornado_intro = i18n.text("conclusions.tornado", lang)
            currency = fmt.unit(plant.currency)
            conclusions.tornado = [
                i18n.text("conclusions.swing", lang, swing=f"{fmt.number(swing.swing)} {currency}",
                          input=_parameter_label(swing.range.key, plant.parameters[swing.range.key].label, plant, lang))
                for swing in ranked]
    if risk is not None and risk.without_base:
        conclusions.without_base_intro = i18n.text("conclusions.without_base", lang, count=len(risk.without_base))
        conclusions.without_base = full_stop(without_base_items(evaluation, risk, fmt, lang))
    # the same list as the risk section's "assumptions without a range" (econ.inputs.uncertainty_reader): an
    # input whose source as entered marks it an assumption, for its own field too, and has no distribution
    unquantified = risk.unquantified if risk is not None else \
        (plant.uncertainty.unquantified if plant.uncertainty is not None else ())
    assumed = [(key, plant.parameters[key]) for key in unquantified]
    if assumed:
        conclusions.assumptions_intro = i18n.text("conclusions.assumptions", lang, count=len(assumed))
        conclusions.assumptions = full_stop("; ".join(f"{_parameter_label(key, parameter.label, plant, lang)}: "
                                                      f"{_amount(parameter.value, parameter.unit, fmt)}"
                                                      for key, parameter in assumed))
    else:
        conclusions.assumptions_intro = i18n.text("conclusions.no_assumptions", lang)
