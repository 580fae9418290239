"""A reference's quantity expression is bounded: found by scripts/fuzz_workbook.py (an infinite number and deep
brackets were a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("text, problem", [("1E999", "the number 1E999 is out of range"),
                                           ("(" * 300 + "1" + ")" * 300, "brackets nested more than 50 deep")])
def test_a_quantity_out_of_range_or_nested_too_deep_is_refused(text, problem):
    """Found by scripts/fuzz_workbook.py: an infinite number and deep brackets were a traceback."""
    from econ.api import model_with_audits
    from econ.checks.regression import parse_quantity
    from econ.inputs.reader import read_plant

    model = model_with_audits(read_plant(Path(__file__).resolve().parents[1] / "inputs" / "cr_scheme.xlsx"))
    with pytest.raises(ValueError, match=problem):
        parse_quantity(text, model)
