"""The evaluation of one plant: its model evaluated, its references compared, its audits run.

The object every report and command reads (``econ.report``, ``econ.cli``, ``econ.api``); it sits below them
all, in the checks layer, because it is what the checks produce.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from econ.checks import audits as audit_checks
from econ.checks.audits import Audit
from econ.checks.case_audits import alternative_audits
from econ.checks.regression import Comparison, compare_references
from econ.inputs.plant import Plant
from econ.model.alternatives import Case, alternative_cases
from econ.model.build import build_model
from econ.model.figures import Model, Results, evaluate
from econ.model.live_inputs import check_varied

if TYPE_CHECKING:
    from econ.model.breakeven import StudyOutcome
    from econ.model.risk import RiskAnalysis


@dataclass
class Evaluation:
    """A plant, its evaluated model, the regression against its references and the audits."""

    plant: Plant
    model: Model
    results: Results
    comparisons: list[Comparison]
    audits: list[Audit]
    cases: list[Case] = field(default_factory=list)  # base case first, then each alternative; empty without
    _outcomes: list[StudyOutcome] | None = field(default=None, repr=False)
    # the risk analysis (econ.model.risk), attached by analyse_uncertainty(); None when none was run
    uncertainty: RiskAnalysis | None = None

    def break_even_outcomes(self) -> list[StudyOutcome]:
        """The questions of the BreakEven sheet, solved once (they are needed by the reports only)."""
        if self._outcomes is None:
            from econ.model.breakeven import answer_studies

            self._outcomes = answer_studies(self.plant)
        return self._outcomes

    @property
    def results_of_cases(self) -> Results:
        """The vectorized results of the base case and the alternatives (case 0 is the base)."""
        return self.cases[0].results

    @property
    def alternatives(self) -> list[Case]:
        """The alternatives of the workbook's Alternatives sheet, evaluated (not the base case)."""
        return self.cases[1:]

    @property
    def failures(self) -> list[Comparison]:
        """Published figures that differ from the recomputed ones, and claims that do not hold."""
        return [comparison for comparison in self.comparisons if not comparison.passed]

    @property
    def warnings(self) -> list[Audit]:
        return [audit for audit in self.audits if audit.status == audit_checks.WARNING]

    @property
    def plausibility_warnings(self) -> list[Audit]:
        """The warnings other than claims that do not hold, which :attr:`failures` already counts."""
        return [audit for audit in self.warnings if not audit_checks.is_claim(audit)]


def model_with_audits(plant: Plant) -> Model:
    """The plant's model plus the figures its plausibility audits read."""
    model = build_model(plant)
    model.extend(audit_checks.figures(plant))
    return model


def evaluate_plant(plant: Plant) -> Evaluation:
    """Evaluate the model of an already-read plant, compare its references, run the audits.

    An alternative or a BreakEven question that varies an input no figure reads is an error
    (:class:`~econ.model.live_inputs.UnreadInputError`), found before anything is evaluated.
    """
    model = model_with_audits(plant)
    check_studies(plant, model)
    results = evaluate(model, plant.inputs(), locate=lambda key: f'{plant.parameters[key].location} "{key}"')
    cases = alternative_cases(plant, model) if plant.alternatives else []
    comparisons = compare_references(plant, results, cases)
    audits = audit_checks.run_audits(plant, results, comparisons) + alternative_audits(plant, model)
    return Evaluation(plant, model, results, comparisons, audits, cases)


def check_studies(plant: Plant, model: Model) -> None:
    """Every input an alternative overrides or a BreakEven question searches is read by a figure of ``model``."""
    for alternative in plant.alternatives:
        check_varied(plant, model, alternative.overrides, f"overridden by the alternative {alternative.name!r}")
    for study in plant.break_even:
        where = f" (BreakEven sheet, {study.location.cell})" if study.location else ""
        check_varied(plant, model, [key for key in (study.key, study.map_key) if key],
                     f"searched for a break-even{where}")
