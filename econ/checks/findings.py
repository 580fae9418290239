"""Findings: differing figures grouped by their cause, so that one slip is counted once.

Each figure that differs (or claim that does not hold) gets a diagnosis
(econ.checks.diagnoses); figures whose diagnoses name the same cause form one
finding, listed with every figure it explains:

- the same input: figures that one value of one input makes follow together
  (their implied values of that input agree within 0.5 %: a 21.5 g shortfall of
  Pb in stage 1 explains its total and its distribution), else the likeliest
  implied input (the one that needs the smallest change), e.g. the cathode-2 Bi
  amount behind 9 figures; the finding gives the median of the values its
  figures imply (the median of the figures that one value explains, the one
  value);
- a swap: figures exchanged with each other, joined into one finding;
- twins: rows whose published figure another row reproduces (the source
  states the quantity in two forms), one finding for all of them;
- a unit slip, or no diagnosis: a finding of its own.

A finding is material when one of its figures is (Comparison.material). The
summary counts material findings; ``econ check`` exits 1 only when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from econ import i18n
from econ.checks.diagnoses import Diagnosis, Total, diagnose
from econ.checks.regression import Comparison
from econ.inputs.plant import Plant
from econ.model.figures import Model, Results
from econ.numbers import format_auto


@dataclass(frozen=True)
class Finding:
    """One cause and the figures it explains (reference ids, in References order)."""

    id: str  # F1, F2, ... in order of the first figure
    kind: str  # "input", "swap", "twin", "unit" or "" (not diagnosed)
    cause: str  # the input key, the unit factor, or the figure id
    figures: tuple[str, ...]
    material: bool
    diagnosis: Diagnosis
    totals: tuple[tuple[str, Total], ...] = ()  # (figure id, its total against its parts) of the figures

    def text(self, plant: Plant, lang: str = "en") -> str:
        """The finding in words, in ``lang``, with what its totals' parts show."""
        text = self._cause(plant, lang)
        for figure, total in self.totals:
            parts = ", ".join(total.parts)
            if total.matches:
                text += i18n.text("finding.total.matches", lang, figure=figure, parts=parts, other=total.matches,
                                  value=format_auto(total.value, lang, 6))
            else:
                text += i18n.text("finding.total", lang, figure=figure, parts=parts)
        return text

    def _cause(self, plant: Plant, lang: str) -> str:
        count = len(self.figures)
        likeliest = self.diagnosis.likeliest
        if self.kind == "input" and likeliest is not None:
            parameter = plant.parameters[likeliest.key]
            name = input_label(plant, likeliest.key, lang)
            text = i18n.text("finding.input", lang, count=count, input=name,
                             where=str(parameter.location), entered=format_auto(likeliest.entered, lang, 6),
                             implied=format_auto(likeliest.value, lang, 6), unit=i18n.unit(likeliest.unit, lang))
            if likeliest.stated is not None:
                low, high = (format_auto(value, lang, 6) for value in likeliest.stated)
                inside = "inside" if likeliest.within_stated else "outside"
                text += i18n.text(f"finding.stated.{inside}", lang, low=low, high=high, unit=i18n.unit(likeliest.unit, lang))
            return text
        if self.kind == "swap":
            return i18n.text("finding.swap", lang, count=count, figures=", ".join(self.figures))
        if self.kind == "twin":
            return i18n.text("finding.twin", lang, count=count)
        if self.kind == "form" and self.diagnosis.form is not None:
            form = self.diagnosis.form
            return i18n.text("finding.form", lang, count=count, key=form.key, other=form.other,
                             value=_with_unit(form.value, _reference_unit(plant, self.figures[0]), lang))
        if self.kind == "unit":
            return i18n.text("finding.unit", lang, factor=format_auto(self.diagnosis.factor, lang))
        return i18n.text("finding.none", lang)


def _reference_unit(plant: Plant, reference_id: str) -> str:
    """The published unit of the reference ``reference_id`` ("" when the plant lists no such reference)."""
    return next((reference.unit for reference in plant.references if reference.id == reference_id), "")


def _with_unit(value: float, unit: str, lang: str) -> str:
    """A quantity as the reader sees it: 4 significant digits and the unit in ``lang`` ("4,817", "41,3 г");
    a fraction in percent, a dimensionless number alone."""
    if unit == "fraction":
        return f"{format_auto(value * 100, lang, 4)}\u00a0%"
    if unit in ("", "-", "dimensionless"):
        return format_auto(value, lang, 4)
    return f"{format_auto(value, lang, 4)} {i18n.unit(unit, lang)}"


def group_findings(plant: Plant, model: Model, comparisons: Sequence[Comparison],
                   results: Results | None = None) -> list[Finding]:
    """The findings behind every figure that differs or claim that does not hold; with ``results`` (the base
    case) a published total is also checked against its parts."""
    diagnoses = diagnose(plant, model, comparisons, results)
    by_id = {comparison.reference.id: comparison for comparison in comparisons}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for identifier, diagnosis in diagnoses.items():
        if diagnosis.kind == "swap":
            parent[root(f"swap:{identifier}")] = root(f"swap:{diagnosis.partner}")
    shared = _shared_inputs(diagnoses)
    for members, key in shared:
        for member in members[1:]:
            parent[root(f"figure:{member}")] = root(f"figure:{members[0]}")
    cause_of = {root(f"figure:{members[0]}"): key for members, key in shared}
    groups: dict[str, list[str]] = {}
    for comparison in comparisons:
        identifier = comparison.reference.id
        if identifier not in diagnoses:
            continue
        diagnosis = diagnoses[identifier]
        joined = root(f"figure:{identifier}")
        if diagnosis.kind in ("input", "") and joined in cause_of:
            group = f"input:{cause_of[joined]}"
        elif diagnosis.kind == "input":
            group = f"input:{diagnosis.likeliest.key}"  # type: ignore[union-attr]
        elif diagnosis.kind == "swap":
            group = root(f"swap:{identifier}")
        elif diagnosis.kind == "twin":
            group = "twin"
        elif diagnosis.kind == "form":
            group = f"form:{diagnosis.form.other}"  # type: ignore[union-attr]
        else:
            group = f"{diagnosis.kind}:{identifier}"
        groups.setdefault(group, []).append(identifier)
    findings = []
    for number, (group, figures) in enumerate(groups.items(), start=1):
        kind, _, cause = group.partition(":")
        diagnosis = diagnoses[figures[0]]
        if kind == "input":  # the finding names the input and the median of the values its figures imply
            values = sorted((implied for figure in figures for implied in diagnoses[figure].implied
                             if implied.key == cause), key=lambda implied: implied.value)
            diagnosis = Diagnosis("input", (values[(len(values) - 1) // 2],))
        findings.append(Finding(f"F{number}", diagnosis.kind if kind != "twin" else "twin",
                                cause if kind == "input" else figures[0], tuple(figures),
                                any(by_id[figure].material for figure in figures), diagnosis,
                                tuple((figure, diagnoses[figure].total) for figure in figures
                                      if diagnoses[figure].total is not None)))
    return findings


SAME_VALUE = 0.005  # implied values of one input within 0.5 % of each other are one change of that input


def _shared_inputs(diagnoses: dict[str, Diagnosis]) -> list[tuple[list[str], str]]:
    """Groups of figures (two or more) that one value of one input makes follow, each with that input;
    the largest groups first, and a figure in one group only."""
    candidates: dict[str, list[tuple[float, str]]] = {}
    for identifier, diagnosis in diagnoses.items():
        if diagnosis.kind in ("input", ""):
            for implied in diagnosis.implied:
                if implied.allowed:
                    candidates.setdefault(implied.key, []).append((implied.value, identifier))
    clusters: list[tuple[list[str], str]] = []
    for key, values in candidates.items():
        values.sort()
        cluster = [values[0]]
        for value in values[1:] + [(float("nan"), "")]:
            if value[1] and abs(value[0] - cluster[0][0]) <= SAME_VALUE * abs(cluster[0][0]):
                cluster.append(value)
                continue
            if len(cluster) > 1:
                clusters.append(([identifier for _, identifier in cluster], key))
            cluster = [value]
    clusters.sort(key=lambda item: -len(item[0]))
    taken: set[str] = set()
    chosen = []
    for members, key in clusters:
        free = [member for member in members if member not in taken]
        if len(free) > 1:
            taken.update(free)
            order = list(diagnoses)
            chosen.append((sorted(free, key=order.index), key))
    return chosen


def finding_of(findings: Sequence[Finding]) -> dict[str, str]:
    """Reference id -> the id of the finding that explains it."""
    return {figure: finding.id for finding in findings for figure in finding.figures}


def evaluation_findings(evaluation) -> list[Finding]:  # noqa: ANN001 - econ.api.Evaluation
    """The findings of an evaluation, computed once and kept on it (the CLI and the reports share them)."""
    cached = evaluation.__dict__.get("_findings")
    if cached is None:
        cached = group_findings(evaluation.plant, evaluation.model, evaluation.comparisons, evaluation.results)
        evaluation.__dict__["_findings"] = cached
    return cached


def ordered_by_finding(comparisons: Sequence[Comparison], findings: Sequence[Finding]) -> list[Comparison]:
    """The figures of each finding in finding order, then the other published figures, then the rows that are
    not evidence (derived, assumed, not tested), each group in References order."""
    by_id = {comparison.reference.id: comparison for comparison in comparisons}
    first = [by_id[figure] for finding in findings for figure in finding.figures]
    placed = {comparison.reference.id for comparison in first}
    rest = [comparison for comparison in comparisons if comparison.reference.id not in placed]
    return first + [c for c in rest if c.evidence] + [c for c in rest if not c.evidence]


def input_label(plant: Plant, key: str, lang: str) -> str:
    """An input as a reader reads it: the row's name (in the plant's language) and the field's label in ``lang``
    (``Electrodialyser: unit power``); a scalar input by its description as the workbook gives it in the plant's
    language; else the input as the sheets name it."""
    parts = key.split(".")
    if len(parts) == 3 and parts[1].isdigit() and f"field.{parts[2]}" in i18n.TEXTS:
        rows = plant.tables.get(parts[0], [])
        if int(parts[1]) < len(rows):
            return f"{rows[int(parts[1])].name}: {i18n.text(f'field.{parts[2]}', lang)}"
    return plant.parameters[key].label or plant.input_name(key)
