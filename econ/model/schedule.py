"""Operating schedule: hours of operation per month and per year."""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import inp, ref
from econ.model.figures import ENERGY, Figure, label


def figures(plant: Plant) -> list[Figure]:
    """Operating hours from the workbook's schedule (never from a calendar month)."""
    return [
        Figure("operating_hours_per_month", label("operating_hours_per_month"), "h/month",
               inp("hours_per_day") * inp("days_per_month"), ENERGY, section="Schedule"),
        Figure("operating_hours_per_year", label("operating_hours_per_year"), "h/year",
               ref("operating_hours_per_month") * inp("months_per_year"), ENERGY, section="Schedule"),
    ]
