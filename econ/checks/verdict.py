"""A verdict over all the evidence: established, qualified (with the reasons) or not established.

The verdict reads the regression (the published figures that do not follow
from their inputs, through :func:`regression_findings`), the plausibility
audits and, when an uncertainty analysis has been run, its probability of a
loss. Its rules:

- **Not established** when an audit invalidates the model, and the verdict
  says what would be needed, with the corrected case's figures where econ can
  compute them (econ.checks.corrected):
  - an item whose rated capacity covers less than the stated throughput: the
    plant is costed for a fraction of itself; the case scaled to the throughput;
  - a quoted specific energy of electrolysis above the modelled one by more
    than the current-efficiency tolerance: the NPV at the quoted figure;
  - a workbook with neither capital nor operating cost: no NPV at all, only
    the value of the products, labelled so; a workbook with no capital: its NPV
    is not a feasibility result;
  - the probability that the NPV has the other sign than the base case's is
    at least LOSS_OVERTURNS.
- **Qualified** when published figures do not follow, other plausibility
  warnings stand (of the base case or an alternative), a stage passes on more
  of a component than it received (the audit names the printed figure that
  causes it), or that probability is at least LOSS_QUALIFIES.
- **Established** otherwise.

Credit for intermediates returned to earlier stages is not cash
(econ.model.chain); the verdict notes it apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ import i18n
from econ.checks import corrected as corrections
from econ.checks.audits import WARNING, Audit, is_claim
from econ.checks.findings import Finding, evaluation_findings, input_label
from econ.numbers import format_auto, format_number, format_percent

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation

ESTABLISHED, QUALIFIED, NOT_ESTABLISHED = "established", "qualified", "not established"
PROFITABLE, UNPROFITABLE, NO_COSTS, NO_CAPITAL = "profitable", "unprofitable", "no costs", "no capital"
INVALIDATES, QUALIFIES, NOTE = "invalidates", "qualifies", "note"

# The probability that the NPV has the other sign than the base case's (from the uncertainty analysis):
LOSS_QUALIFIES = 0.10  # at least this qualifies the verdict
LOSS_OVERTURNS = 0.50  # at least this: the base case's sign is not established


@dataclass(frozen=True)
class Money:
    """An amount of money, shown with its currency and no decimals."""

    value: float
    currency: str


@dataclass(frozen=True)
class Percent:
    """A fraction shown as a percentage."""

    value: float
    decimals: int = 1


def _percent_decimals(fraction: float) -> int:
    """The decimals a rate needs as a percentage, as the inputs print it: 0 for 10 %, 1 for 12.5 %, at most 2."""
    for decimals in (0, 1):
        if abs(fraction * 100 - round(fraction * 100, decimals)) < 1e-9:
            return decimals
    return 2


@dataclass(frozen=True)
class Reason:
    """One reason of a verdict: a text of the translation table filled with ``values``.

    ``weight`` is INVALIDATES, QUALIFIES or NOTE; ``audit`` the id of the audit it
    rests on, if any; ``corrected`` the corrected case it gives.
    """

    kind: str
    weight: str
    text_id: str
    values: dict[str, object] = field(default_factory=dict)
    audit: str = ""
    corrected: corrections.Corrected | None = None

    def text(self, lang: str = "en") -> str:
        return i18n.text(self.text_id, lang, **_formatted(self.values, lang))


@dataclass(frozen=True)
class Verdict:
    """The verdict of one evaluation: its status, what the stated inputs give, and the reasons."""

    status: str  # ESTABLISHED, QUALIFIED or NOT_ESTABLISHED
    result: str  # PROFITABLE, UNPROFITABLE, NO_COSTS or NO_CAPITAL
    headline_values: dict[str, object]
    reasons: tuple[Reason, ...]

    @property
    def shows_npv(self) -> bool:
        """Whether an NPV may be headlined: not for a workbook with neither capital nor operating cost."""
        return self.result != NO_COSTS

    def of_weight(self, weight: str) -> list[Reason]:
        return [reason for reason in self.reasons if reason.weight == weight]

    def headline(self, lang: str = "en", irr: str = "—", payback: str = "—") -> str:
        """The first sentence: the status and what the stated inputs give; ``irr`` and ``payback`` are the
        metrics as the reader sees them (econ.report.document.metric_text)."""
        if self.result == NO_COSTS:
            kind = "no_costs"
        elif self.status == NOT_ESTABLISHED:
            kind = f"contradicted.{self.result.replace(' ', '_')}"
        else:
            kind = self.result.replace(" ", "_")
        status = i18n.text(f"verdict.status.{self.status.replace(' ', '_')}", lang)
        values = _formatted(self.headline_values, lang) | {"irr": irr, "payback": payback}
        return f"{status}: " + i18n.text(f"verdict.headline.{kind}", lang, **values)

    def reason_texts(self, lang: str = "en") -> list[tuple[str, str]]:
        """``(weight, sentence)`` per reason: what invalidates first, then what qualifies, then notes."""
        ordered = self.of_weight(INVALIDATES) + self.of_weight(QUALIFIES) + self.of_weight(NOTE)
        return [(reason.weight, _sentence(reason.text(lang))) for reason in ordered]

    def text(self, lang: str = "en", irr: str = "—", payback: str = "—") -> str:
        """The whole verdict as one paragraph."""
        parts = [_sentence(self.headline(lang, irr, payback))]
        if self.of_weight(INVALIDATES):
            parts.append(i18n.text("verdict.needed", lang))
        elif self.of_weight(QUALIFIES):
            parts.append(i18n.text("verdict.qualified_by", lang))
        parts += [text for _, text in self.reason_texts(lang)]
        return " ".join(parts)


def _loss_reason(evaluation: Evaluation, weight: str, probability: float) -> Reason:
    """The probability of a loss; when some uncertain inputs' ranges leave out their base values, which they
    are and the probability with them at those values (econ.model.risk.RiskAnalysis.at_base)."""
    risk = evaluation.uncertainty
    without_base = getattr(risk, "without_base", ())
    if not without_base:
        return Reason("loss", weight, "verdict.reason.loss", {"probability": Percent(probability)})
    values: dict[str, object] = {"probability": Percent(probability), "count": len(without_base),
                                 "inputs": _Inputs(evaluation.plant, tuple(item.key for item in without_base))}
    at_base = getattr(risk, "at_base", None)
    at_base_loss = at_base.statistics()["npv"].get("prob_negative") if at_base is not None else None
    if at_base_loss is None:  # nothing else varies (or no sample has an NPV): the base case is the one case left
        return Reason("loss", weight, "verdict.reason.loss_without_base_only", values)
    return Reason("loss", weight, "verdict.reason.loss_without_base", values | {"at_base": Percent(at_base_loss)})


def regression_findings(evaluation: Evaluation) -> list[Finding]:
    """The regression's material problems the verdict counts: the material findings, each the published
    figures that differ or claims that fail from one cause (econ.checks.findings)."""
    return [finding for finding in evaluation_findings(evaluation) if finding.material]


def loss_probability(evaluation: Evaluation) -> float | None:
    """P(NPV < 0) from the uncertainty analysis attached to ``evaluation`` (its ``uncertainty``: the
    econ.model.risk.RiskAnalysis of econ.api.analyse_uncertainty, a MonteCarlo, or the statistics dict
    ``econ uncertainty`` prints); None when none was run."""
    outcome = getattr(evaluation, "uncertainty", None)
    if outcome is None:
        return None
    if hasattr(outcome, "probability_of_loss"):  # econ.model.risk.RiskAnalysis, from econ.api.analyse_uncertainty
        return outcome.probability_of_loss
    statistics = outcome.statistics() if hasattr(outcome, "statistics") else outcome.get("metrics", {})
    probability = statistics.get("npv", {}).get("prob_negative")
    return None if probability is None else float(probability)


def verdict_of(evaluation: Evaluation, probability_of_loss: float | None = None) -> Verdict:
    """The verdict of ``evaluation``; ``probability_of_loss`` (0..1) overrides :func:`loss_probability`."""
    plant, results = evaluation.plant, evaluation.results
    cur = plant.currency
    npv = results.scalar("npv")
    has_capital = bool(plant.rows("capital")) and results.scalar("capital_total") != 0
    if not has_capital and results.scalar("opex_per_month") == 0:
        result = NO_COSTS
    elif not has_capital:
        result = NO_CAPITAL
    else:
        result = PROFITABLE if npv > 0 else UNPROFITABLE
    rate = plant.value("discount_rate")
    headline = {"npv": Money(npv, cur), "rate": Percent(rate, _percent_decimals(rate)),
                "value": Money(results.scalar("net_effect_per_month"), cur),
                "value_year": Money(results.scalar("net_effect_per_year"), cur)}
    reasons: list[Reason] = []
    base_warnings = [audit for audit in evaluation.audits if audit.status == WARNING and not audit.case]
    used: set[str] = set()
    if result == NO_COSTS:
        reasons.append(Reason("no_costs", INVALIDATES, "verdict.reason.no_costs"))
    elif result == NO_CAPITAL:
        reasons.append(Reason("no_capital", INVALIDATES, "verdict.reason.no_capital"))
    capacity = [audit for audit in base_warnings if audit.id.startswith("capacity:")]
    if capacity:
        reasons.append(_capacity_reason(evaluation, capacity))
        used |= {audit.id for audit in capacity}
    quoted = [audit for audit in base_warnings if audit.finding_text == "audit.electrolysis.above"]
    if quoted:
        reasons.append(_quoted_energy_reason(evaluation, quoted))
        used |= {audit.id for audit in quoted}
    probability = loss_probability(evaluation) if probability_of_loss is None else probability_of_loss
    if probability is not None:
        against = probability if npv > 0 else 1 - probability
        weight = INVALIDATES if against >= LOSS_OVERTURNS else QUALIFIES if against >= LOSS_QUALIFIES else NOTE
        reasons.append(_loss_reason(evaluation, weight, probability))
    findings = regression_findings(evaluation)
    if findings:
        reasons.append(Reason("regression", QUALIFIES, "verdict.reason.regression",
                              {"failed": sum(len(finding.figures) for finding in findings),
                               "total": len(evaluation.comparisons), "findings": len(findings)}))
    for audit in base_warnings:
        if audit.finding_text == "audit.closure.excess_cause":
            reasons.append(Reason("excess", QUALIFIES, "verdict.reason.audit", {"audit": audit}, audit.id))
            used.add(audit.id)
    others = [audit for audit in evaluation.warnings if audit.id not in used and not is_claim(audit)]
    if others:
        reasons.append(Reason("warnings", QUALIFIES, "verdict.reason.warnings",
                              {"count": len(others), "titles": _Titles(tuple(others))}))
    if "credit_per_month" in results.values and results.scalar("credit_per_month") != 0:
        reasons.append(Reason("returned_credit", NOTE, "verdict.note.returned_credit",
                              {"credit": Money(results.scalar("credit_per_month"), cur)}))
    weights = {reason.weight for reason in reasons}
    status = NOT_ESTABLISHED if INVALIDATES in weights else QUALIFIED if QUALIFIES in weights else ESTABLISHED
    return Verdict(status, result, headline, tuple(reasons))


def _capacity_reason(evaluation: Evaluation, audits: Sequence[Audit]) -> Reason:
    plant, cur = evaluation.plant, evaluation.plant.currency
    case = corrections.scaled_to_throughput(evaluation)
    assert case is not None, "a capacity warning has an item below its throughput"
    row = next(row for row in plant.rows("equipment") if row.index == case.details["row"])
    audit = next(audit for audit in audits if audit.id == f"capacity:{row.name}")
    factor = case.details["factor"]
    values: dict[str, object] = {
        "name": row.name, "units": int(case.details["units"]), "factor": factor,
        "coverage": Percent(evaluation.results.scalar(f"audit.equipment.{row.index}.capacity_coverage")),
        # the share of the plant costed: 1/57, or 40.0 % when the factor is not whole
        "share": _Fraction(1, round(factor)) if float(factor).is_integer() else Percent(1 / factor),
    } | _case_values(case, cur)
    return Reason("capacity", INVALIDATES, "verdict.reason.capacity", values, audit.id, case)


def _quoted_energy_reason(evaluation: Evaluation, audits: Sequence[Audit]) -> Reason:
    plant, cur = evaluation.plant, evaluation.plant.currency
    rows = {row.name: row.index for row in plant.rows("electrolysis")}
    indices = [rows[audit.values["name"]] for audit in audits]
    first = indices[0]
    values: dict[str, object] = {
        "name": audits[0].values["name"], "quoted": plant.value(f"electrolysis.{first}.quoted_specific_energy"),
        "modelled": evaluation.results.scalar(f"electrolysis.{first}.specific_energy"),
        "voltage_stated": plant.value(f"electrolysis.{first}.cell_voltage")}
    case = corrections.at_quoted_energy(evaluation, indices)
    if case is None:
        return Reason("quoted_energy", INVALIDATES, "verdict.reason.quoted_energy_uncomputed", values, audits[0].id)
    values |= {"voltage": case.details["voltage"]} | _case_values(case, cur)
    return Reason("quoted_energy", INVALIDATES, "verdict.reason.quoted_energy", values, audits[0].id, case)


def _case_values(case: corrections.Corrected, cur: str) -> dict[str, object]:
    figures = case.figures
    return {"capex": Money(figures["capital_total"], cur), "energy": Money(figures["energy_per_month"], ""),
            "energy_cost": Money(figures["energy_cost_per_month"], cur),
            "maintenance": Money(figures["maintenance_per_month"], cur),
            "net": Money(figures["net_effect_per_month"], cur), "npv_corrected": Money(figures["npv"], cur)}


@dataclass(frozen=True)
class _Titles:
    """The titles of audits, joined with semicolons in the reader's language."""

    audits: tuple[Audit, ...]


@dataclass(frozen=True)
class _Inputs:
    """Inputs named as the reader reads them (econ.checks.findings.input_label), joined with semicolons."""

    plant: object  # econ.inputs.plant.Plant
    keys: tuple[str, ...]


@dataclass(frozen=True)
class _Fraction:
    numerator: int
    denominator: int


def _formatted(values: dict[str, object], lang: str) -> dict[str, object]:
    formatted: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Money):
            formatted[name] = f"{format_number(value.value, 0, lang)} {i18n.unit(value.currency, lang)}".rstrip()
        elif isinstance(value, Percent):
            formatted[name] = format_percent(value.value, value.decimals, lang=lang)
        elif isinstance(value, _Titles):
            formatted[name] = "; ".join(audit.title(lang) for audit in value.audits)
        elif isinstance(value, _Inputs):
            formatted[name] = "; ".join(input_label(value.plant, key, lang) for key in value.keys)
        elif isinstance(value, _Fraction):
            formatted[name] = f"{value.numerator}/{value.denominator}"
        elif isinstance(value, Audit):
            formatted[name] = f"{value.title(lang)}: {value.message(lang)}"
        elif isinstance(value, float):
            formatted[name] = format_auto(value, lang=lang)
        else:
            formatted[name] = value  # ints stay numbers, for the word forms that agree with counts
    return formatted


def _sentence(text: str) -> str:
    """A sentence starts with a capital and ends in a full stop (one that ends in an abbreviation, "руб.", has
    it already)."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
