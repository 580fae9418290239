"""Plausibility audits: what a reviewer of a feasibility study tests beyond arithmetic.

- **Capacity.** Does each item's rated capacity, over the operating hours,
  cover the stated throughput?
- **Specific energy.** Does the specific energy implied by an item's installed
  power agree with the specific energy stated for it, at the stated throughput
  and at the item's own rated capacity? Items that each state a range are taken
  to treat the whole stream in series, so their ranges add up.
- **Dependence on by-products.** Is the net effect positive only because of
  by-product revenue?
- **Current efficiency of electrolysis.** Which current efficiency does a
  quoted specific energy imply, at the row's cell voltage, by Faraday's law?
  Above 100 % is impossible; more than 5 percentage points from the stated
  efficiency means the quoted figure and the cell data do not go together.
- **Claims.** Does each claim of the text (a ``>`` or ``<`` reference) hold?
- **Process chains** (econ.checks.chain_audits): closure of each component in
  each stage, links between stages, unpriced purchases, remainders.

The numbers behind the audits are model figures (sheet Checks), so they are
written to the results workbook as live formulas like every other figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from econ import i18n, units
from econ.checks.regression import Comparison
from econ.inputs.plant import Plant
from econ.model.electrochemistry import FARADAY_C_PER_MOL, GRAMS_PER_TONNE, JOULES_PER_KWH
from econ.model.expr import inp, ref, total
from econ.model.figures import CHECKS, Figure, label, Results
from econ.numbers import format_auto, format_percent

OK, WARNING = "ok", "warning"

# A quoted specific energy "agrees" with the cell data when the current efficiency it implies is within
# this of the stated one (a fraction: 0.05 is 5 percentage points).
CURRENT_EFFICIENCY_TOLERANCE = 0.05


CLAIM_PREFIX = "claim:"  # the id of an audit that restates a claim: claim:REFERENCE_ID


@dataclass(frozen=True)
class Share:
    """A fraction shown as a percentage in a finding."""

    value: float


@dataclass(frozen=True)
class Pairs:
    """Named values shown as ``name a / b; name c / d``, each number formatted for the reader's language."""

    items: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class Unit:
    """A unit written the way a reader of the report's language writes it."""

    text: str


@dataclass(frozen=True)
class Amount:
    """A number, or a range value-high, with its unit (none shown for a dimensionless one), formatted for the
    reader's language: "4", "110 kWh/t", "17.3–48.5 %"."""

    value: float
    unit: str
    high: float | None = None


@dataclass(frozen=True)
class Phrase:
    """A phrase of the translation table (``econ.i18n.TEXTS``), in the reader's language."""

    text_id: str


@dataclass(frozen=True)
class Audit:
    """One audit: what was tested, what was found, and the figure it rests on.

    The title and finding are texts of the translation table (``econ.i18n``),
    filled with ``values`` formatted for the reader's language.
    """

    id: str
    status: str  # "ok" or "warning"
    title_text: str
    finding_text: str
    values: dict[str, object] = field(default_factory=dict)
    figure: str | None = None  # key of the model figure the audit reads, if any
    case: str = ""  # the alternative the audit is of; "" for the base case

    def _formatted(self, lang: str) -> dict[str, str]:
        formatted = {}
        for name, value in self.values.items():
            if isinstance(value, Pairs):
                formatted[name] = "; ".join(
                    f"{item[0]} " + " / ".join(_format_one(part, lang, 2) for part in item[1:]) for item in value.items)
            elif isinstance(value, Share):
                formatted[name] = format_percent(value.value, lang=lang)
            elif isinstance(value, _Where):
                formatted[name] = i18n.text(f"audit.specific_energy.where.{value.kind}", lang)
            elif isinstance(value, Unit):
                formatted[name] = i18n.unit(value.text, lang)
            elif isinstance(value, Amount):
                unit = "" if value.unit.strip() in units.DIMENSIONLESS_SPELLINGS else i18n.unit(value.unit, lang)
                number = format_auto(value.value, lang=lang)
                if value.high is not None:
                    number += f"–{format_auto(value.high, lang=lang)}"
                formatted[name] = f"{number} {unit}".rstrip()
            elif isinstance(value, Phrase):
                formatted[name] = i18n.text(value.text_id, lang)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                formatted[name] = format_auto(float(value), lang=lang)
            else:
                formatted[name] = str(value)
        return formatted

    def title(self, lang: str = "en") -> str:
        title = i18n.text(self.title_text, lang, **self._formatted(lang))
        return f"{self.case}: {title}" if self.case else title

    def message(self, lang: str = "en") -> str:
        return i18n.text(self.finding_text, lang, **self._formatted(lang))


def _format_one(value: object, lang: str, decimals: int = 1) -> str:
    if isinstance(value, Share):
        return format_percent(value.value, decimals, lang=lang)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_auto(float(value), lang=lang)
    return str(value)


def figures(plant: Plant) -> list[Figure]:
    """Model figures the audits read; they go to the Checks sheet of the workbook."""
    basis = plant.basis
    items: list[Figure] = []
    stated = []
    for row in plant.rows("equipment"):
        prefix = f"audit.equipment.{row.index}"
        if row.has("rated_capacity"):
            items.append(Figure(
                f"{prefix}.capacity_coverage", label(f"{prefix}.capacity_coverage", row.name), "-",
                inp(row.key("rated_capacity")) * inp(row.key("quantity")) * ref("operating_hours_per_month")
                / inp("throughput"), CHECKS, "ratio", "Capacity"))
        if row.has("specific_energy_min") and row.has("specific_energy_max"):
            stated.append(row)
            items.append(Figure(
                f"{prefix}.specific_energy", label(f"{prefix}.specific_energy", row.name),
                f"kWh/{basis}", ref(f"equipment.{row.index}.energy_per_month") / inp("throughput"),
                CHECKS, "number", "Specific energy"))
            if row.has("rated_capacity"):
                items.append(Figure(
                    f"{prefix}.specific_energy_at_capacity", label(f"{prefix}.specific_energy_at_capacity", row.name),
                    f"kWh/{basis}",
                    ref(f"equipment.{row.index}.power") * inp(row.key("load_factor"))
                    / (inp(row.key("rated_capacity")) * inp(row.key("quantity"))),
                    CHECKS, "number", "Specific energy"))
    if len(stated) >= 2:
        items += [
            Figure("audit.train.specific_energy", label("audit.train.specific_energy"),
                   f"kWh/{basis}", total(*(ref(f"audit.equipment.{row.index}.specific_energy") for row in stated)),
                   CHECKS, "number", "Specific energy"),
            Figure("audit.train.specific_energy_min", label("audit.train.specific_energy_min"),
                   f"kWh/{basis}", total(*(inp(row.key("specific_energy_min")) for row in stated)),
                   CHECKS, "number", "Specific energy"),
            Figure("audit.train.specific_energy_max", label("audit.train.specific_energy_max"),
                   f"kWh/{basis}", total(*(inp(row.key("specific_energy_max")) for row in stated)),
                   CHECKS, "number", "Specific energy"),
        ]
    for row in plant.rows("electrolysis"):
        if row.has("quoted_specific_energy"):
            # U x z x F / (M x quoted): the specific energy at 100 % current efficiency over the quoted one
            key = f"audit.electrolysis.{row.index}.implied_current_efficiency"
            items.append(Figure(
                key, label(key, row.name), "fraction",
                inp(row.key("cell_voltage")) * inp(row.key("valence")) * FARADAY_C_PER_MOL
                / (inp(row.key("molar_mass")) * inp(row.key("quoted_specific_energy")))
                * GRAMS_PER_TONNE / JOULES_PER_KWH, CHECKS, "fraction", "Electrolysis"))
    if plant.rows("byproducts"):
        items.append(Figure(
            "audit.net_effect_without_byproducts", label("audit.net_effect_without_byproducts"),
            f"{plant.currency}/month", ref("net_effect_per_month") - ref("byproduct_revenue_per_month"),
            CHECKS, "money", "Revenue"))
    return items


def byproducts_kind(plant: Plant) -> str:
    """What the ByProducts sheet's rows are to ``plant``: "by-product" when the plant has another revenue (a
    product or a saving of the Products sheet, a process chain's payables), else "recovered": they are its
    only revenue (a tolling refinery's refining charge), the products it recovers and sells."""
    main = [row for row in plant.rows("products") if getattr(row, "kind", "") in ("product", "saving")]
    return "by-product" if main or plant.chain is not None else "recovered"


def run_audits(plant: Plant, results: Results, comparisons: list[Comparison]) -> list[Audit]:
    """The audits of one case, in the order of :func:`figures`, then the text's claims."""
    audits: list[Audit] = []
    basis = Unit(plant.basis)
    throughput = plant.value("throughput")
    hours = results.scalar("operating_hours_per_month")
    energy_unit = Unit(f"kWh/{plant.basis}")
    for row in plant.rows("equipment"):
        prefix = f"audit.equipment.{row.index}"
        if row.has("rated_capacity"):
            coverage = results.scalar(f"{prefix}.capacity_coverage")
            capacity = plant.value(row.key("rated_capacity")) * plant.value(row.key("quantity"))
            values: dict[str, object] = {
                "name": row.name, "basis": basis, "capacity": capacity, "hours": hours,
                "monthly": capacity * hours, "throughput": throughput, "coverage": Share(coverage),
            }
            if coverage < 1:
                values["needed"] = math.ceil(plant.value(row.key("quantity")) / coverage - 1e-9)
                values["hourly"] = throughput / hours
            audits.append(Audit(f"capacity:{row.name}", OK if coverage >= 1 else WARNING, "audit.capacity.title",
                                "audit.capacity.ok" if coverage >= 1 else "audit.capacity.warning", values,
                                f"{prefix}.capacity_coverage"))
        if row.has("specific_energy_min") and row.has("specific_energy_max"):
            low, high = plant.value(row.key("specific_energy_min")), plant.value(row.key("specific_energy_max"))
            for key, where in ((f"{prefix}.specific_energy", "throughput"),
                               (f"{prefix}.specific_energy_at_capacity", "capacity")):
                if key not in results.values:
                    continue
                implied = results.scalar(key)
                position = "ok" if low <= implied <= high else ("below" if implied < low else "above")
                audits.append(Audit(
                    f"specific-energy:{row.name}:{where}", OK if position == "ok" else WARNING,
                    f"audit.specific_energy.title.{where}", f"audit.specific_energy.{position}",
                    {"name": row.name, "implied": implied, "unit": energy_unit, "low": low, "high": high,
                     "where": _Where(where)}, key))
    if "audit.train.specific_energy" in results.values:
        implied = results.scalar("audit.train.specific_energy")
        low, high = results.scalar("audit.train.specific_energy_min"), results.scalar("audit.train.specific_energy_max")
        position = "ok" if low <= implied <= high else ("below" if implied < low else "above")
        audits.append(Audit("specific-energy:train", OK if position == "ok" else WARNING, "audit.train.title",
                            f"audit.train.{position}",
                            {"implied": implied, "unit": energy_unit, "low": low, "high": high},
                            "audit.train.specific_energy"))
    audits += _electrolysis_audits(plant, results)
    from econ.checks.chain_audits import chain_audits  # it builds on this module's Audit

    audits += chain_audits(plant, results, comparisons)
    if "audit.net_effect_without_byproducts" in results.values:
        without = results.scalar("audit.net_effect_without_byproducts")
        net = results.scalar("net_effect_per_month")
        rests = net > 0 and without < 0
        kind = "byproducts" if byproducts_kind(plant) == "by-product" else "recovered"  # what it measures
        audits.append(Audit(
            "byproduct-dependence", WARNING if rests else OK, f"audit.{kind}.title",
            f"audit.{kind}.warning" if rests else f"audit.{kind}.ok",
            {"net": net, "revenue": results.scalar("byproduct_revenue_per_month"), "cost": -without,
             "without": without, "cur": Unit(plant.currency),
             "names": "; ".join(row.name for row in plant.rows("byproducts"))},
            "audit.net_effect_without_byproducts"))
    for comparison in comparisons:
        reference = comparison.reference
        if reference.comparison == "=":
            continue
        audits.append(Audit(
            f"{CLAIM_PREFIX}{reference.id}", OK if comparison.passed else WARNING, "audit.claim.title",
            "audit.claim.holds" if comparison.passed else "audit.claim.fails",
            {"figure": reference.figure,
             "comparison": Phrase({">": "audit.claim.more", "<": "audit.claim.less", "in": "audit.claim.within"}[
                 reference.comparison]),
             "published": Amount(reference.published, reference.unit, reference.published_high),
             "computed": Amount(comparison.computed, reference.unit)}, reference.quantity))
    return audits


def is_claim(audit: Audit) -> bool:
    """Whether ``audit`` restates a claim of the text (a ``>``, ``<`` or ``in`` reference)."""
    return audit.id.startswith(CLAIM_PREFIX)


def _electrolysis_audits(plant: Plant, results: Results) -> list[Audit]:
    """Per electrolysis row with a quoted specific energy: the current efficiency it implies.

    Warning when the implied efficiency is outside 0..1 (the quoted figure is
    below the energy the cell needs at its voltage even at 100 %), or more than
    CURRENT_EFFICIENCY_TOLERANCE from the stated efficiency.
    """
    audits = []
    for row in plant.rows("electrolysis"):
        key = f"audit.electrolysis.{row.index}.implied_current_efficiency"
        if key not in results.values:
            continue
        implied = results.scalar(key)
        stated = plant.value(row.key("current_efficiency"))
        quoted = plant.value(row.key("quoted_specific_energy"))
        computed = results.scalar(f"electrolysis.{row.index}.specific_energy")
        gap = implied - stated
        if not 0.0 < implied <= 1.0:
            finding = "impossible"
        elif abs(gap) > CURRENT_EFFICIENCY_TOLERANCE:
            finding = "above" if gap < 0 else "below"  # the quoted figure above or below the computed one
        else:
            finding = "ok"
        audits.append(Audit(
            f"current-efficiency:{row.name}", OK if finding == "ok" else WARNING, "audit.electrolysis.title",
            f"audit.electrolysis.{finding}",
            {"name": row.name, "voltage": plant.value(row.key("cell_voltage")),
             "valence": plant.value(row.key("valence")), "molar_mass": plant.value(row.key("molar_mass")),
             "quoted": quoted, "unit": Unit("kWh/t"), "implied": Share(implied), "stated": Share(stated),
             "gap": abs(gap) * 100, "tolerance": CURRENT_EFFICIENCY_TOLERANCE * 100, "computed": computed,
             "minimum": computed * stated},
            key))
    return audits


@dataclass(frozen=True)
class _Where:
    """Where a specific energy is evaluated, in the reader's language."""

    kind: str

    def __str__(self) -> str:
        return self.kind
