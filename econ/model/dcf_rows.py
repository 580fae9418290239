"""The full DCF's rows of the one cash-flow table (econ.model.cashflow), up to the net cash flow, and the rows
and metrics after it (debt and the equity view, DSCR, residual book value, levelized price).

Conventions (each module states its own): years 0..C-1 are construction, C..C+N-1 operation (timeline); prices
are in base-year money and escalate by line (escalation); the table is in nominal money and is discounted at
the nominal rate, year 0 undiscounted; flows fall at the end of each year; inflows positive, outflows negative.

Project (unlevered) flow = pre-tax profit + income tax + depreciation added back + investment + capitalised
replacements + working capital change and release + salvage, where pre-tax profit = revenue - cash operating
costs - expensed replacements - property tax - depreciation, and the income tax carries losses forward.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model import (
    debt,
    depreciation,
    escalation,
    levelized,
    replacements,
    taxes,
    timeline,
    working_capital,
)
from econ.model.cashflow_parts import equity_metrics
from econ.model.expr import Const, Expr, inp, ref, total
from econ.model.figures import Figure, MetricFigure, YearlyFigure
from econ.model.timeline import CAPITAL_SHARE, THROUGHPUT_SHARE, operating_year, yearly

AnyRow = Figure | YearlyFigure | MetricFigure


def _cost_lines(plant: Plant) -> list[tuple[str, list[Expr], str, bool]]:
    """(row key, monthly cost terms, escalation line, scales with throughput) of each cash operating cost."""
    reagent_terms: list[Expr] = []
    from econ.model import chain, reagents

    if chain.cost_terms(plant):
        reagent_terms.append(ref("opex_reagents"))
    if reagents.cost_terms(plant):
        reagent_terms.append(ref("opex_consumables"))
    reagent_terms.append(ref("loss_cost_per_month"))
    lines = [("cf.energy_cost", [ref("opex_energy")], "electricity", True),
             ("cf.labour_cost", [ref("opex_labour")], "labour", False)]
    if plant.rows("maintenance"):
        lines.append(("cf.maintenance_cost", [ref("opex_maintenance")], "maintenance", False))
    lines.append(("cf.reagent_cost", reagent_terms, "reagents", True))
    return lines


def head(plant: Plant) -> tuple[list[AnyRow], str, list[AnyRow]]:
    """The rows up to the net cash flow, the key of the discount rate, and the rows after the metrics."""
    from econ.model.cashflow import NET_CASH_FLOW, monthly_revenue

    years, cur = plant.table_years, plant.currency
    money = f"{cur}/year"
    annual = inp("months_per_year")
    rows: list[AnyRow] = [yearly("cf.year", "year", lambda t: Const(t), years, style="year")]
    rows += timeline.figures(plant)
    rows += escalation.figures(plant)

    def operating(t: int, value: Expr) -> Expr:
        return Const(0) if operating_year(plant, t) == 0 else value

    revenue = monthly_revenue(plant)
    rows.append(yearly("cf.revenue", money, lambda t: operating(t, escalation.scaled(
        revenue * annual * ref(THROUGHPUT_SHARE, t), escalation.factor(plant, "products", t))), years))
    cost_keys = []
    for key, terms, line, variable in _cost_lines(plant):
        cost_keys.append(key)
        monthly = terms[0] if len(terms) == 1 else total(*terms)

        def build(t: int, monthly=monthly, line=line, variable=variable) -> Expr:
            amount = monthly * annual * ref(THROUGHPUT_SHARE, t) if variable else monthly * annual
            return operating(t, -escalation.scaled(amount, escalation.factor(plant, line, t)))

        rows.append(yearly(key, money, build, years))
    rows.append(yearly("cf.operating_costs", money, lambda t: total(*(ref(key, t) for key in cost_keys)), years))
    lines = list(cost_keys)  # the rows that make up the project flow besides revenue, tax and working capital
    pre_tax_terms = ["cf.revenue", "cf.operating_costs"]
    rows += replacements.figures(plant)
    expensed, capitalised = replacements.rows_of(plant, "expensed"), replacements.rows_of(plant, "capitalised")
    if expensed:
        rows.append(yearly("cf.replacements_expensed", money, lambda t: -total(
            *(ref(replacements.cost_key(row.index), t) for row in expensed)), years))
        pre_tax_terms.append("cf.replacements_expensed")
        lines.append("cf.replacements_expensed")
    rows += depreciation.figures(plant)
    book_values = [depreciation.book_value_key(row.index) for row in plant.rows("capital")]
    book_values += [replacements.book_value_key(row.index) for row in capitalised]
    rows.append(yearly("cf.depreciation", money, lambda t: -total(
        *depreciation.total_charge(plant, t),
        *(ref(replacements.depreciation_key(row.index), t) for row in capitalised)), years))
    rows += taxes.book_value_rows(plant, book_values)
    if taxes.property_tax_used(plant):
        pre_tax_terms.append(taxes.PROPERTY_TAX)
        lines.append(taxes.PROPERTY_TAX)
    pre_tax_terms.append("cf.depreciation")
    rows.append(yearly("cf.pre_tax_profit", money, lambda t: total(*(ref(key, t) for key in pre_tax_terms)), years))
    rows += taxes.income_tax_rows(plant, "cf", "cf.pre_tax_profit", "cf.income_tax")
    rows.append(yearly("cf.depreciation_added_back", money, lambda t: -ref("cf.depreciation", t), years))
    rows.append(yearly("cf.investment", money, lambda t: -(ref("capital_total") * ref(CAPITAL_SHARE, t))
                       if t < plant.construction_years else Const(0), years))
    lines.append("cf.investment")
    flow_terms = ["cf.pre_tax_profit", "cf.income_tax", "cf.depreciation_added_back", "cf.investment"]
    if capitalised:
        rows.append(yearly("cf.replacements_capitalised", money, lambda t: -total(
            *(ref(replacements.cost_key(row.index), t) for row in capitalised)), years))
        flow_terms.append("cf.replacements_capitalised")
        lines.append("cf.replacements_capitalised")
    if working_capital.used(plant):
        rows += working_capital.figures(plant)
        flow_terms += ["cf.working_capital_change", "cf.working_capital_release"]
    rows.append(yearly("cf.salvage", money, lambda t: ref("salvage_total") if t == years else Const(0), years))
    flow_terms.append("cf.salvage")
    lines.append("cf.salvage")
    rows.append(yearly(NET_CASH_FLOW, money, lambda t: total(*(ref(key, t) for key in flow_terms)), years))

    after: list[AnyRow] = []
    if debt.used(plant):
        after += debt.figures(plant, NET_CASH_FLOW, "cf.income_tax", "cf.pre_tax_profit")
        after += equity_metrics(plant, escalation.NOMINAL_RATE)
    after.append(depreciation.residual_figure(plant, book_values))
    if levelized.used(plant):
        after += levelized.figures(plant, lines)
    return rows, escalation.NOMINAL_RATE, after
