"""Taxes of the full DCF: property tax, and income tax with losses carried forward.

Income tax = rate x taxable profit. A year's loss (a negative pre-tax profit) is carried forward without time
limit; a later year with a positive base offsets carried losses up to Finance!loss_offset_cap of that base (all
of it without a cap; Russia: 50 %). Per year: used = MIN(carried_{t-1}, cap x MAX(base, 0)); taxable =
MAX(base, 0) - used; carried_t = carried_{t-1} - used + MAX(-base, 0). The project (unlevered) view taxes the
pre-tax profit; the equity view deducts the interest first (econ.model.debt).

Property tax = Finance!property_tax_rate x the average of the opening and closing book values of each operating
year (assets are taxed from commissioning). VAT is excluded: prices and costs are net of VAT, which the
plant collects and passes on.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import Const, Expr, inp, maximum, minimum, ref, total
from econ.model.figures import YearlyFigure
from econ.model.timeline import operating_year, yearly

BOOK_VALUE, PROPERTY_TAX = "cf.book_value", "cf.property_tax"


def income_tax_rows(plant: Plant, prefix: str, base: str, tax: str) -> list[YearlyFigure]:
    """Loss used, losses carried and taxable profit (``{prefix}.``) and the tax row ``tax`` on ``base``."""
    years, cur = plant.table_years, plant.currency
    used, carried, taxable = f"{prefix}.loss_used", f"{prefix}.losses_carried", f"{prefix}.taxable_profit"

    def offset(t: int) -> Expr:
        if t == 0:
            return Const(0)
        positive = maximum(ref(base, t), 0)
        allowed = inp("loss_offset_cap") * positive if "loss_offset_cap" in plant.parameters else positive
        return minimum(ref(carried, t - 1), allowed)

    def carry(t: int) -> Expr:  # the row reads only its own previous year: the offset is written out in it
        new_loss = maximum(-ref(base, t), 0)
        return new_loss if t == 0 else ref(carried, t - 1) - offset(t) + new_loss

    return [
        yearly(carried, cur, carry, years),
        yearly(used, f"{cur}/year", offset, years),
        yearly(taxable, f"{cur}/year", lambda t: maximum(ref(base, t), 0) - ref(used, t), years),
        yearly(tax, f"{cur}/year", lambda t: -(inp("income_tax_rate") * ref(taxable, t)), years),
    ]


def property_tax_used(plant: Plant) -> bool:
    return "property_tax_rate" in plant.parameters


def book_value_rows(plant: Plant, book_values: list[str]) -> list[YearlyFigure]:
    """The total book value by year, and the property tax on its yearly average where there is one."""
    years, cur = plant.table_years, plant.currency
    items = [yearly(BOOK_VALUE, cur, lambda t: total(*(ref(key, t) for key in book_values)), years)]
    if property_tax_used(plant):
        items.append(yearly(
            PROPERTY_TAX, f"{cur}/year",
            lambda t: Const(0) if operating_year(plant, t) == 0 else
            -(inp("property_tax_rate") * (ref(BOOK_VALUE, t - 1) + ref(BOOK_VALUE, t)) / 2), years))
    return items
