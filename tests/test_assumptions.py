"""One rule for which inputs a workbook marks as assumptions (econ.inputs.assumptions), for the report's
"Assumptions and notes" and the risk analysis's assumptions without a range alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from econ.inputs.assumptions import assumption_text, is_assumed
from econ.inputs.reader import read_plant

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def plants():
    return {name: read_plant(ROOT / "inputs" / f"{name}.xlsx")
            for name in ("cr_scheme", "bi_oxides", "copper_chain", "ni_rinse_ro")}


def _assumed(plant, key: str) -> bool:
    parameter = plant.parameters[key]
    return is_assumed(parameter.entered_source or parameter.source, key)


def test_a_field_with_a_segment_of_its_own_follows_that_segment(plants):
    # Components: "assumption: bismuth metal about 12 USD/kg ...; molar mass: IUPAC standard atomic weight"
    bi = plants["bi_oxides"]
    assert _assumed(bi, "components.0.price")
    assert not _assumed(bi, "components.0.molar_mass")  # a standard value, not to be measured
    assert "components.0.molar_mass" not in bi.uncertainty.unquantified


def test_an_assumption_that_names_its_field_assumes_that_field_only(plants):
    # Equipment, Auxiliary electronics: "The paper prints the quantity as «–»; assumption: quantity 1 ..."
    cr = plants["cr_scheme"]
    assert _assumed(cr, "equipment.3.quantity") and "equipment.3.quantity" in cr.uncertainty.unquantified
    assert not _assumed(cr, "equipment.3.unit_power")
    # Staffing: "client brief: two operators at 55,000 RUB/month; on-cost rate: assumption: ..."
    ni = plants["ni_rinse_ro"]
    assert _assumed(ni, "staffing.0.on_cost_rate")
    assert not _assumed(ni, "staffing.0.headcount") and not _assumed(ni, "staffing.0.monthly_wage")


def test_a_chain_source_that_assumes_a_component_is_listed_but_does_not_assume_the_mass(plants):
    # Streams, In-situ ore: "basis: 1 000 t of ore in the mined blocks. Cu: assumption: 0.55 % ..."
    copper = plants["copper_chain"]
    parameter = copper.parameters["streams.0.mass"]
    assert assumption_text(parameter.entered_source or parameter.source, "streams.0.mass") is not None
    assert not _assumed(copper, "streams.0.mass")


@pytest.mark.parametrize(("source", "key", "expected"), [
    ("assumption: a low-grade ore", "discount_rate", True),
    ("Table 3, «Ставка дисконтирования 12 %»", "discount_rate", False),
    ("допущение: цена 2025 г.", "electricity_price", True),
    ("принято: 8 ч в сутки", "hours_per_day", True),
    ("Table 2: 10 kW. load_factor: assumption: full load", "equipment.0.load_factor", True),
    ("Table 2: 10 kW. load_factor: assumption: full load", "equipment.0.unit_power", False),
    ("client brief: 8.5 M RUB; assumption: no salvage", "capital.0.salvage_value", True),
    ("client brief: 8.5 M RUB; assumption: no salvage", "capital.0.cost", False),
])
def test_the_rule_on_sources_as_engineers_write_them(source, key, expected):
    assert is_assumed(source, key) is expected
