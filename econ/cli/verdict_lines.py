"""The verdict over all the evidence (econ.checks.verdict) as ``econ check`` and ``econ run`` print it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


def print_verdict(evaluation: Evaluation) -> None:
    """``Verdict: <status>: <headline>.``, then one line per reason: invalidates, qualifies or note."""
    from econ.checks.verdict import verdict_of
    from econ.report.document import metric_text

    verdict = verdict_of(evaluation)
    metrics, years = evaluation.results.metrics, evaluation.model.years
    headline = verdict.headline("en", metric_text(metrics["irr"], "irr", "en", years),
                                metric_text(metrics["discounted_payback"], "discounted_payback", "en", years))
    print(f"Verdict: {headline}.")
    for weight, reason in verdict.reason_texts("en"):
        print(f"  {weight:<11}  {reason}")
