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


@pytest.mark.parametrize(("text", "message"), [
    # regression: pint computed 9^(9^9), an integer of 370 million digits, and econ hung
    ("RUB/kWh*9^9^9", "cannot read unit 'RUB/kWh*9^9^9' (a power of a power; write the exponent once, such as m^6)"),
    ("(m^3)^2", "cannot read unit '(m^3)^2' (a power of a power; write the exponent once, such as m^6)"),
    ("kg/m^13", "cannot read unit 'kg/m^13' (a power must be a plain number from -12 to 12, such as m^3)"),
    ("kWh**1e400", "cannot read unit 'kWh**1e400' (a power must be a plain number from -12 to 12, such as m^3)"),
    ("m^(2^40)", "cannot read unit 'm^(2^40)' (a power must be a plain number from -12 to 12, such as m^3)"),
])
def test_a_power_beyond_twelve_or_of_a_power_is_refused_before_pint(text, message):
    with pytest.raises(units.UnitError) as caught:
        units.parse(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "same_as"), [("(m/s)^2", "m^2/s^2"), ("m^(-2)", "1/m^2"), ("m**3/h", "m^3/h"),
                                               ("kg^12", "kg^12")])
def test_bounded_powers_are_still_read(text, same_as):
    assert units.parse(text) == units.parse(same_as)


@pytest.mark.parametrize(("text", "message"), [
    ("RUB/kwh", "unknown unit 'RUB/kwh' ('kwh' is not defined in the unit registry; did you mean 'RUB/kWh'?)"),
    ("rub/KG", "unknown unit 'rub/KG' ('KG' is not defined in the unit registry; did you mean 'rub/kg'?)"),
    ("RUB/mwh", "unknown unit 'RUB/mwh' ('mwh' is not defined in the unit registry; did you mean 'RUB/MWh' or "
                "'RUB/mWh'?)"),
    ("RUB/kWhh", "unknown unit 'RUB/kWhh' ('kWhh' is not defined in the unit registry; did you mean 'RUB/kWh'?)"),
    ("furlongs", "unknown unit 'furlongs' ('furlongs' is not defined in the unit registry)"),
])
def test_an_undefined_unit_suggests_the_registry_spelling(text, message):
    with pytest.raises(units.UnitError) as caught:
        units.parse(text)
    assert str(caught.value) == message
