"""What the reports show of the full DCF (econ.model.dcf_rows): the yearly rows of the PDF's cash-flow tables,
the metrics and the conventions, each stated. A plant without ``finance`` keeps the plain report."""

from __future__ import annotations

from econ.inputs.plant import Plant

# the rows of the PDF's cash-flow tables, in table order; a row the model lacks is left out
CASH_FLOW_ROWS = (
    "cf.capital_share", "cf.throughput_share", "cf.revenue", "cf.energy_cost", "cf.labour_cost",
    "cf.maintenance_cost", "cf.reagent_cost", "cf.replacements_expensed", "cf.property_tax", "cf.depreciation",
    "cf.pre_tax_profit", "cf.losses_carried", "cf.income_tax", "cf.depreciation_added_back", "cf.investment",
    "cf.replacements_capitalised", "cf.working_capital_change", "cf.working_capital_release", "cf.salvage",
    "cf.net_cash_flow", "cf.discount_factor", "cf.discounted", "cf.cumulative_discounted",
    "cf.loan_draw", "cf.loan_interest", "cf.loan_principal", "cf.loan_closing_balance", "cf.equity.income_tax",
    "cf.equity_flow", "cf.cfads", "cf.dscr",
)
TOTAL_ROWS = ("cf.net_cash_flow", "cf.cumulative_discounted", "cf.equity_flow")
# metrics after NPV, IRR and paybacks: (key, how it is shown)
METRICS = (("equity_npv", "money"), ("equity_irr", "metric"), ("min_dscr", "metric"),
           ("levelized_price", "price"), ("residual_book_value", "money"))
# conventions the report states instead of the plain table's timing, tax and prices
CONVENTIONS = ("dcf_timing", "dcf_prices", "dcf_tax", "vat", "dcf_depreciation", "dcf_working_capital", "dcf_debt",
               "dcf_levelized")


def cash_flow_rows(keys: list[str]) -> list[str]:
    """The rows of the full DCF's cash-flow tables among ``keys`` (the model's)."""
    present = set(keys)
    return [key for key in CASH_FLOW_ROWS if key in present]


def conventions(plant: Plant) -> list[str]:
    """The names of the conventions (``convention.<name>`` texts) a report of ``plant`` states."""
    if plant.finance is None:
        return ["timing", "months", "net_effect", "npv", "payback", "tax", "prices"]
    basis = "dcf_prices_nominal" if plant.finance.discount_basis == "nominal" else "dcf_prices_real"
    names = ["dcf_timing", "months", "net_effect", "npv", "payback", basis, "dcf_tax", "vat", "dcf_depreciation"]
    if "working_capital_share" in plant.parameters or "receivable_days" in plant.parameters:
        names.append("dcf_working_capital")
    if "loan_share" in plant.parameters:
        names.append("dcf_debt")
    if plant.finance.levelized_product is not None:
        names.append("dcf_levelized")
    return names
