"""Debt: a loan drawn with the capital, its interest and repayment, the equity (levered) cash flow and DSCR.

The loan is Finance!loan_share of each construction year's capital spend, drawn that year. Interest is
Finance!loan_rate of each year's opening balance, paid in cash that year and deducted from the taxable base of
the equity view. The principal is repaid in Finance!loan_term yearly instalments from operating year
loan_grace + 1: equal principal (loan / term each year) or annuity (a constant payment
loan x rate / (1 - (1 + rate)^-term), interest included).

Equity flow = project flow - project income tax + equity income tax + draw - interest - principal.
CFADS (cash flow available for debt service) = project flow with the tax the equity view pays, in operating
years; DSCR = CFADS / (interest + principal) in the years with a debt service; the minimum DSCR is the least.
"""

from __future__ import annotations

from econ.inputs.plant import Plant
from econ.model.expr import AllOf, Blank, Const, Expr, compare, inp, minimum, ref, when
from econ.model.figures import SUMMARY, Figure, YearlyFigure, label
from econ.model.taxes import income_tax_rows
from econ.model.timeline import CAPITAL_SHARE, operating_year, yearly

LOAN_AMOUNT = "loan_amount"
DRAW, OPENING, INTEREST, PRINCIPAL, CLOSING = ("cf.loan_draw", "cf.loan_opening_balance", "cf.loan_interest",
                                               "cf.loan_principal", "cf.loan_closing_balance")
DEBT_SERVICE, CFADS, DSCR = "cf.debt_service", "cf.cfads", "cf.dscr"
EQUITY_FLOW = "cf.equity_flow"
EQUITY_PRE_TAX, EQUITY_TAX = "cf.equity.pre_tax_profit", "cf.equity.income_tax"


def used(plant: Plant) -> bool:
    return "loan_share" in plant.parameters


def _grace(plant: Plant) -> Expr:
    return inp("loan_grace") if "loan_grace" in plant.parameters else Const(0)


def _repaid(plant: Plant, t: int) -> Expr:
    """Principal repaid in year ``t`` (positive), from the opening balance: the closing balance of t - 1."""
    k = operating_year(plant, t)
    if k == 0:
        return Const(0)
    opening = ref(CLOSING, t - 1)
    grace, term, rate = _grace(plant), inp("loan_term"), inp("loan_rate")
    due = AllOf((compare(Const(k), ">", grace), compare(Const(k), "<=", grace + term)))
    if plant.finance is not None and plant.finance.loan_repayment == "annuity":
        payment = when(compare(rate, "=", 0), ref(LOAN_AMOUNT) / term,
                       ref(LOAN_AMOUNT) * rate / (1 - (1 + rate) ** -term))
        instalment = payment - rate * opening
    else:
        instalment = ref(LOAN_AMOUNT) / term
    return when(due, minimum(instalment, opening), 0)


def figures(plant: Plant, project_flow: str, project_tax: str, base: str) -> list[Figure | YearlyFigure]:
    """The loan rows, the equity view's tax rows and flow, CFADS and DSCR."""
    years, cur = plant.table_years, plant.currency
    money = f"{cur}/year"
    items: list[Figure | YearlyFigure] = [
        Figure(LOAN_AMOUNT, label(LOAN_AMOUNT), cur, inp("loan_share") * ref("capital_total"), SUMMARY,
               style="money"),
        yearly(DRAW, money, lambda t: ref(LOAN_AMOUNT) * ref(CAPITAL_SHARE, t)
               if t < plant.construction_years else Const(0), years),
        # the closing balance reads only its own previous year; the opening balance and the principal follow
        yearly(CLOSING, cur, lambda t: ref(DRAW, t) if t == 0 else
               ref(CLOSING, t - 1) + ref(DRAW, t) - _repaid(plant, t), years),
        yearly(OPENING, cur, lambda t: Const(0) if t == 0 else ref(CLOSING, t - 1), years),
        yearly(INTEREST, money, lambda t: -(inp("loan_rate") * ref(OPENING, t)), years),
        yearly(PRINCIPAL, money, lambda t: ref(CLOSING, t) - ref(OPENING, t) - ref(DRAW, t), years),
        yearly(DEBT_SERVICE, money, lambda t: -(ref(INTEREST, t) + ref(PRINCIPAL, t)), years),
        yearly(EQUITY_PRE_TAX, money, lambda t: ref(base, t) + ref(INTEREST, t), years),
        *income_tax_rows(plant, "cf.equity", EQUITY_PRE_TAX, EQUITY_TAX),
        yearly(EQUITY_FLOW, money, lambda t: ref(project_flow, t) - ref(project_tax, t) + ref(EQUITY_TAX, t)
               + ref(DRAW, t) + ref(INTEREST, t) + ref(PRINCIPAL, t), years),
        yearly(CFADS, money, lambda t: Const(0) if operating_year(plant, t) == 0 else
               ref(project_flow, t) - ref(project_tax, t) + ref(EQUITY_TAX, t), years),
        yearly(DSCR, "-", lambda t: Blank() if operating_year(plant, t) == 0 else
               when(compare(ref(DEBT_SERVICE, t), ">", 0), ref(CFADS, t) / ref(DEBT_SERVICE, t), Blank()),
               years, style="ratio"),
    ]
    return items
