"""The chain sheets (Streams, Payables, StageEnergy) list every problem in one reading, as the other sheets do.

A problem in one stream row does not hide the next row's, nor the Payables and
StageEnergy rows' own; a Payables or StageEnergy row that names the stream a
failed row would have given is not reported (it goes once the row is put
right), nor are the checks of the chain as a whole.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from econ.inputs.problems import InputErrors
from econ.inputs.reader import read_plant

ROOT = Path(__file__).resolve().parent.parent


def _edited(tmp_path: Path, edits: dict[str, dict[str, object]]) -> Path:
    book = openpyxl.load_workbook(ROOT / "inputs" / "bi_oxides.xlsx")
    for sheet, cells in edits.items():
        for address, value in cells.items():
            book[sheet][address] = value
    path = tmp_path / "bi_edited.xlsx"
    book.save(path)
    return path


def _lines(path: Path) -> list[str]:
    with pytest.raises(InputErrors) as caught:
        read_plant(path)
    return caught.value.lines


def test_problems_in_two_stream_rows_a_payable_and_a_stage_energy_row_are_all_listed(tmp_path):
    path = _edited(tmp_path, {
        "Streams": {"C3": "sideways", "F4": "heavy"},  # a direction, then a mass, in two rows
        "Payables": {"B3": "Unobtainium"},               # a component that is not on the Components sheet
        "StageEnergy": {"I4": "perhaps"},                # counted: yes or no
    })
    lines = _lines(path)
    assert any("Streams!C3" in line and "direction" in line and "'sideways'" in line for line in lines), lines
    assert any("Streams!F4" in line and "mass" in line and "'heavy'" in line for line in lines), lines
    assert any("Payables!B3" in line and "'Unobtainium'" in line for line in lines), lines
    assert any("StageEnergy!I4" in line and "'perhaps'" in line for line in lines), lines
    assert len(lines) == 4, lines  # nothing that follows from the failed rows (links, structure, lookups)


def test_a_row_naming_the_stream_a_failed_row_would_give_is_not_reported(tmp_path):
    # row 3 is the chain feed 'Bi-oxides': with its direction wrong, the chain has no feed and StageEnergy's
    # 'Bi-oxides' basis has no stream; only the row itself is the problem
    lines = _lines(_edited(tmp_path, {"Streams": {"C3": "sideways"}}))
    assert len(lines) == 1 and "Streams!C3" in lines[0], lines


def test_a_chain_without_row_problems_still_checks_its_structure(tmp_path):
    # the feed's origin made 'purchased': no stream comes from 'feed', which only the chain as a whole shows
    lines = _lines(_edited(tmp_path, {"Streams": {"D3": "purchased"}}))
    assert any("feed" in line and "Streams!" in line for line in lines), lines


def test_a_problem_on_another_sheet_does_not_hide_the_chains(tmp_path):
    # a Capital cost typed as text and a stream's direction: both in one reading (the chain rests on Components,
    # Throughput and the currency, which are sound)
    lines = _lines(_edited(tmp_path, {"Capital": {"B3": "lots"}, "Streams": {"C3": "sideways"}}))
    assert any("Capital!B3" in line for line in lines), lines
    assert any("Streams!C3" in line for line in lines), lines


def test_a_problem_on_the_components_sheet_leaves_the_chain_unread(tmp_path):
    # the chain reads the components' prices and names: its problems would repeat the Components sheet's
    lines = _lines(_edited(tmp_path, {"Components": {"B3": "dear"}, "Streams": {"C3": "sideways"}}))
    assert any("Components!B3" in line for line in lines), lines
    assert not any("Streams!" in line for line in lines), lines
