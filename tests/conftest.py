"""Shared fixtures: the example workbooks and their evaluations."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so that a run is
# reproducible; elsewhere hypothesis explores new examples on every run.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
CR_SCHEME = INPUTS / "cr_scheme.xlsx"


@pytest.fixture(scope="session")
def cr_evaluation():
    """The chromium scheme, read and evaluated once for the session."""
    from econ.api import evaluate_workbook

    return evaluate_workbook(CR_SCHEME)


@pytest.fixture
def edited_workbook(tmp_path):
    """Copy of an example workbook with some cells changed: ``edited_workbook({"Tariffs!C2": 5})``."""

    def edit(changes: dict[str, object], source: Path = CR_SCHEME, name: str | None = None) -> Path:
        target = tmp_path / (name or source.name)
        shutil.copyfile(source, target)
        book = openpyxl.load_workbook(target)
        for address, value in changes.items():
            sheet, cell = address.split("!")
            book[sheet][cell].value = value
        book.save(target)
        return target

    return edit
