"""The Products and Reagents sheets: a unit per row, money totals only, exact errors at the unit's cell.

Values are hand-computed from the workbook inputs/ni_rinse_ro.xlsx (scripts/make_ni_rinse_ro.py): throughput
1,500 m^3/month; water saved 1,200 m^3/month at 95 RUB/m^3; nickel 120 kg/month at 1,800 RUB/kg; antiscalant
3 g/m^3 at 450 RUB/kg; cleaning chemical 0.02 L/m^3 at 250 RUB/L.
"""

from __future__ import annotations

import pytest

from econ import units
from econ.api import evaluate_workbook
from econ.errors import InputError
from econ.model.expr import Func, Ref
from econ.model.figures import Figure
from econ.report.document import build_document
from tests.conftest import CR_SCHEME, INPUTS

RO = INPUTS / "ni_rinse_ro.xlsx"


@pytest.fixture(scope="module")
def ro():
    return evaluate_workbook(RO)


def _errors(path) -> list[str]:
    with pytest.raises(InputError) as raised:
        evaluate_workbook(path)
    return getattr(raised.value, "lines", [str(raised.value)])


def test_each_product_is_counted_in_its_own_unit(ro):
    model, results = ro.model, ro.results
    assert (model.get("products.0.quantity_per_month").unit, results.scalar("products.0.quantity_per_month")) \
        == ("m^3/month", 1200.0)
    assert (model.get("products.1.quantity_per_month").unit, results.scalar("products.1.quantity_per_month")) \
        == ("kg/month", 120.0)
    assert results.scalar("products.0.saving_per_month") == pytest.approx(1200 * 95)
    assert results.scalar("products.1.byproduct_sales_per_month") == pytest.approx(120 * 1800)
    assert results.scalar("savings_per_month") == pytest.approx(114_000)
    assert results.scalar("byproduct_sales_total_per_month") == pytest.approx(216_000)
    assert results.scalar("products_value_per_month") == pytest.approx(330_000)
    assert "product_sales_per_month" not in model  # no row of kind "product": no line for it


def test_reagents_are_converted_to_the_unit_of_their_price(ro):
    plant, results = ro.plant, ro.results
    antiscalant, cleaner = plant.rows("reagents")
    assert (antiscalant.unit, plant.value(antiscalant.key("consumption"))) == ("kg", pytest.approx(0.003))
    assert plant.parameters[antiscalant.key("consumption")].unit == "kg/m^3"
    assert results.scalar("reagents.0.consumption_per_month") == pytest.approx(0.003 * 1500)  # 4.5 kg/month
    assert results.scalar("reagents.0.cost_per_month") == pytest.approx(4.5 * 450)  # 2,025 RUB/month
    assert (cleaner.unit, ro.model.get("reagents.1.consumption_per_month").unit) == ("L", "L/month")
    assert results.scalar("reagents.1.cost_per_month") == pytest.approx(0.02 * 1500 * 250)  # 7,500 RUB/month
    assert results.scalar("opex_consumables") == pytest.approx(9525)


def test_a_yield_per_unit_of_throughput_is_multiplied_by_the_throughput(edited_workbook):
    path = edited_workbook({"Products!C4": 0.08, "Products!D4": "kg/m3",  # and the alternative's yield too
                            "Alternatives!B10": "kg/m^3", "Alternatives!C10": 0.06}, source=RO)
    evaluation = evaluate_workbook(path)
    row = evaluation.plant.rows("products")[1]
    assert row.per_basis and row.unit == "kg"
    assert evaluation.results.scalar("products.1.quantity_per_month") == pytest.approx(0.08 * 1500)
    assert evaluation.results.scalar("products.1.byproduct_sales_per_month") == pytest.approx(120 * 1800)


def test_a_blank_unit_cell_takes_the_units_row(edited_workbook):
    path = edited_workbook({"Products!F4": None, "Products!E2": "thousand RUB/kg", "Products!E4": 1.8}, source=RO)
    evaluation = evaluate_workbook(path)
    assert evaluation.plant.value("products.1.price") == pytest.approx(1800)


@pytest.mark.parametrize(("changes", "expected"), [
    ({"Products!D4": "m^3/month"},
     'ni_rinse_ro.xlsx!Products!D4 "quantity_unit": expected a unit that, times the price in RUB/kg, gives '
     "RUB/month: kg/month (per month) or kg/m^3 (per m^3 of throughput), got 'm^3/month'"),
    ({"Reagents!C3": "kg/kWh"},
     'ni_rinse_ro.xlsx!Reagents!C3 "consumption_unit": expected a unit that, times the price in RUB/kg, gives '
     "RUB/month: kg/month (per month) or kg/m^3 (per m^3 of throughput), got 'kg/kWh'"),
    ({"Products!F3": "USD/m^3"},
     'ni_rinse_ro.xlsx!Products!F3 "price_unit": expected a price in RUB per unit of the product, such as '
     "RUB/m^3 or RUB/kg, got 'USD/m^3'"),
    ({"Products!F3": "RUB"},
     'ni_rinse_ro.xlsx!Products!F3 "price_unit": expected a price in RUB per unit of the product, such as '
     "RUB/m^3 or RUB/kg, got 'RUB'"),
    ({"Reagents!E3": None},
     'ni_rinse_ro.xlsx!Reagents!E3 "price_unit": expected a price in RUB per unit of the reagent, such as '
     "RUB/m^3 or RUB/kg, got 'no unit'"),
    ({"Products!B3": "sale"},
     "ni_rinse_ro.xlsx!Products!B3 \"kind\": expected product or saving or by-product, got 'sale'"),
    ({"Products!A4": "Water saved"},
     "ni_rinse_ro.xlsx!Products!A4 \"name\": the name 'Water saved' is also on A3: give each row its own name"),
], ids=["quantity-per-volume-priced-per-kg", "consumption-per-energy", "other-currency", "price-not-per-unit",
        "no-price-unit", "unknown-kind", "duplicated-name"])
def test_a_unit_mismatch_is_one_line_naming_the_cell(edited_workbook, changes, expected):
    # the first problem; the Alternatives sheet may then report that it overrides a row that was not read
    assert _errors(edited_workbook(changes, source=RO))[0] == expected


def _summed_units(model) -> list[tuple[str, list[str]]]:
    """Every SUM figure with the units of the figures it adds."""
    sums = []
    for figure in model.figures:
        if isinstance(figure, Figure) and isinstance(figure.expr, Func) and figure.expr.name == "SUM":
            parts = [model.get(arg.key).unit for arg in figure.expr.args if isinstance(arg, Ref) and arg.key in model]
            sums.append((figure.key, [figure.unit, *parts]))
    return sums


@pytest.mark.parametrize("workbook", [RO, CR_SCHEME], ids=lambda path: path.name)
def test_no_figure_adds_unlike_units(workbook):
    evaluation = evaluate_workbook(workbook)
    sums = _summed_units(evaluation.model)
    assert sums, "the model has sums"
    for key, unit_texts in sums:
        assert all(units.same_dimension(unit_texts[0], unit) for unit in unit_texts), (key, unit_texts)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_revenue_table_shows_own_units_and_totals_money_only(ro, lang):
    document = build_document(ro, lang)
    table = document.tables["revenue"]
    rows = {cells[0]: (cells[1], cells[2], row_class) for cells, row_class in zip(table.rows, table.row_classes)}
    if lang == "en":
        assert rows["Water saved: quantity"][:2] == ("1,200", "m³/month")
        assert rows["Nickel recovered: quantity"][:2] == ("120", "kg/month")
        assert rows["Water saved: saving"][:2] == ("114,000", "RUB/month")
        assert rows["Nickel recovered: by-product sales"][:2] == ("216,000", "RUB/month")
        assert rows["Savings"][:2] == ("114,000", "RUB/month")
        assert rows["By-product sales"][:2] == ("216,000", "RUB/month")
        assert rows["Sales and savings, total"] == ("330,000", "RUB/month", "total")
        assert "By-products recovered" not in rows  # no quantity total
    else:
        assert rows["Water saved: количество"][:2] == ("1\u00a0200", "м³/мес")
        assert rows["Экономия затрат"][:2] == ("114\u00a0000", "руб./мес")
    for tables in (document.tables.values(), document.cash_flow_tables):
        for report_table in tables:
            for cells, row_class in zip(report_table.rows, report_table.row_classes):
                if row_class == "total" and report_table.id == "revenue":
                    assert cells[2].startswith(("RUB", "руб.")), cells
