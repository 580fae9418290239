"""Unit texts: what econ reads, and what it refuses with a UnitError (never another exception).

The reader turns a UnitError into a one-line input error naming the cell, so
any other exception from parsing a unit cell would be a traceback for the user.
"""

from __future__ import annotations

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from econ import units


@pytest.mark.parametrize(("text", "same_as"), [
    ("кВт·ч", "kWh"), ("тыс. руб.", "thousand RUB"), ("м³", "m^3"), ("руб./мес", "RUB/month"), ("%", "percent"),
])
def test_russian_spellings_are_the_same_units(text: str, same_as: str) -> None:
    assert units.factor(text, same_as) == pytest.approx(1.0)


@pytest.mark.parametrize("text", ["=1/0", "kg/0", "=SUM(", "(((", "m^3/month)", "kWh**1e400", "=MAX()", "furlongs"])
def test_unreadable_text_is_a_unit_error(text: str) -> None:
    with pytest.raises(units.UnitError, match="unit"):
        units.parse(text)


# letters, digits, the operators and brackets a unit may contain, and a few others
UNIT_LIKE = st.text(alphabet="kgmWhRUB^*/()0123456789.,-+ =%eE!#_ ³·йруб", max_size=14)


@given(st.one_of(UNIT_LIKE, st.text(max_size=14)))
def test_any_text_is_a_unit_or_a_unit_error(text: str) -> None:
    try:
        parsed = units.parse(text)
    except units.UnitError:
        return
    assert isinstance(parsed, pint.Unit)
