"""``econ check --json`` and ``--junit FILE``: the check's results for tools and CI.

The JSON document (schema: tests/support/check_schema.json) holds every figure
(id, published, computed, unit, attainable range, verdict, material, kind,
finding), every finding with the figures it explains, every audit and the
verdict: econ.checks.verdict's when it can be computed, else the counts.

The JUnit XML has one test suite for the published figures and one for the
audits: a test case per figure and per audit, with a ``failure`` element for a
material difference (or a claim that does not hold materially) and for an
audit warning; an immaterial difference is a passing case with its size in
``system-out``. The file is written atomically (econ.report.atomic).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from econ.checks.findings import Finding, finding_of

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation


def _number(value: float | None) -> float | None:
    return None if value is None or value != value else float(value)


def figure_record(comparison, finding: str) -> dict[str, object]:  # noqa: ANN001 - regression.Comparison
    """One published figure as the JSON lists it."""
    reference = comparison.reference
    return {
        "id": reference.id, "figure": reference.figure, "published": reference.published,
        "published_high": reference.published_high, "comparison": reference.comparison,
        "computed": _number(comparison.computed), "unit": reference.unit, "tolerance": reference.tolerance,
        "attainable": None if comparison.low is None else [comparison.low, comparison.high],
        "deviation": _number(comparison.deviation), "relative_deviation": _number(comparison.relative_deviation),
        "gap": comparison.gap, "verdict": comparison.verdict, "material": comparison.material,
        "kind": reference.kind, "finding": finding or None, "case": reference.case or None,
    }


def check_document(evaluation: Evaluation, findings: Sequence[Finding], lang: str = "en") -> dict[str, object]:
    """The whole check as a JSON-ready dict."""
    owner = finding_of(findings)
    comparisons = evaluation.comparisons
    material = [finding for finding in findings if finding.material]
    document: dict[str, object] = {
        "workbook": evaluation.plant.file_name,
        "figures": [figure_record(comparison, owner.get(comparison.reference.id, "")) for comparison in comparisons],
        "findings": [{"id": finding.id, "kind": finding.kind or "undiagnosed", "cause": finding.cause,
                      "text": finding.text(evaluation.plant, lang), "figures": list(finding.figures),
                      "material": finding.material} for finding in findings],
        "audits": [{"id": audit.id, "status": audit.status, "title": audit.title(), "message": audit.message(),
                    "case": getattr(audit, "case", "") or None} for audit in evaluation.audits],
        "summary": {"figures": len(comparisons), "published": sum(c.reference.kind == "published" for c in comparisons),
                    "differing": sum(not c.passed for c in comparisons),
                    "material_findings": len(material), "findings": len(findings),
                    "warnings": len(evaluation.warnings)},
    }
    document["verdict"] = _verdict(evaluation, lang)
    return document


def _verdict(evaluation: Evaluation, lang: str) -> dict[str, object] | None:
    try:
        from econ.checks.verdict import verdict_of
    except ImportError:
        return None
    verdict = verdict_of(evaluation)
    return {"status": verdict.status, "result": verdict.result, "text": verdict.text(lang)}


def print_json(evaluation: Evaluation, findings: Sequence[Finding]) -> None:
    print(json.dumps(check_document(evaluation, findings), ensure_ascii=False, indent=1, allow_nan=False))


def junit_tree(evaluation: Evaluation, findings: Sequence[Finding]) -> ET.ElementTree:
    """The JUnit XML of the check: suites "figures" and "audits"."""
    owner = {figure: finding for finding in findings for figure in finding.figures}
    root = ET.Element("testsuites", name=f"econ check {evaluation.plant.file_name}")
    figures = ET.SubElement(root, "testsuite", name="published figures")
    failed = 0
    for comparison in evaluation.comparisons:
        reference = comparison.reference
        case = ET.SubElement(figures, "testcase", classname=f"{evaluation.plant.file_name}.figures",
                             name=reference.id)
        detail = (f"published {reference.published:g} {reference.unit}, computed {comparison.computed:.8g}: "
                  f"{comparison.verdict}")
        if reference.id in owner:
            detail += f" ({owner[reference.id].id}: {owner[reference.id].text(evaluation.plant)})"
        if comparison.material:
            failed += 1
            ET.SubElement(case, "failure", message=detail, type=comparison.verdict)
        else:
            ET.SubElement(case, "system-out").text = detail
    figures.set("tests", str(len(evaluation.comparisons)))
    figures.set("failures", str(failed))
    audits = ET.SubElement(root, "testsuite", name="audits", tests=str(len(evaluation.audits)),
                           failures=str(len(evaluation.warnings)))
    for audit in evaluation.audits:
        case = ET.SubElement(audits, "testcase", classname=f"{evaluation.plant.file_name}.audits", name=audit.id)
        if audit.status != "ok":
            ET.SubElement(case, "failure", message=audit.message(), type="warning")
    return ET.ElementTree(root)


def write_junit(evaluation: Evaluation, findings: Sequence[Finding], path: str | Path) -> Path:
    """Write the JUnit XML atomically to ``path``."""
    from econ.report.atomic import write_atomically

    tree = junit_tree(evaluation, findings)
    ET.indent(tree)
    return write_atomically(Path(path), lambda temporary: tree.write(temporary, encoding="utf-8",
                                                                     xml_declaration=True),
                            protected=(evaluation.plant.path,))
