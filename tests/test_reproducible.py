"""Reproducible reports: with SOURCE_DATE_EPOCH set, the same input gives the same bytes.

The stated date is the epoch's (2023-11-14 for 1700000000): on the PDF's title
page and in the results workbook's document properties. A bad value is a
one-line error and writes nothing.
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pypdf
import pytest

from econ import cli
from econ.api import evaluate_workbook, write_reports

ROOT = Path(__file__).resolve().parent.parent
CR_SCHEME = ROOT / "inputs" / "cr_scheme.xlsx"
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The xlsx and PDF of the chromium scheme written twice, into two folders, at the same SOURCE_DATE_EPOCH."""
    folders = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        for folder in folders:
            write_reports(evaluate_workbook(CR_SCHEME), folder, ("xlsx", "pdf"), "en")
    return folders


@pytest.mark.parametrize("name", ["cr_scheme.xlsx", "cr_scheme.pdf"])
def test_same_input_same_bytes(two_runs: tuple[Path, Path], name: str) -> None:
    first, second = (folder / name for folder in two_runs)
    assert first.read_bytes() == second.read_bytes()


def test_the_pdf_states_the_epoch_date(two_runs: tuple[Path, Path]) -> None:
    title_page = pypdf.PdfReader(two_runs[0] / "cr_scheme.pdf").pages[0].extract_text()
    assert "2023-11-14" in title_page


def test_the_workbook_properties_state_the_epoch_time(two_runs: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(two_runs[0] / "cr_scheme.xlsx") as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:created>" in core


def test_without_the_variable_the_date_is_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.datetime.now(datetime.timezone.utc).date()
    write_reports(evaluate_workbook(CR_SCHEME), tmp_path, ("xlsx",))
    after = datetime.datetime.now(datetime.timezone.utc).date()
    with zipfile.ZipFile(tmp_path / "cr_scheme.xlsx") as archive:
        core = archive.read("docProps/core.xml").decode()
    assert f">{before.isoformat()}T" in core or f">{after.isoformat()}T" in core


@pytest.mark.parametrize("value", ["yesterday", "1.5", "99999999999999999999"])
def test_a_bad_epoch_is_one_line_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "reports"
    assert cli.main(["run", str(CR_SCHEME), "-o", str(out)]) == cli.EXIT_ERROR
    error = capsys.readouterr().err
    assert error == (f"Error: environment variable SOURCE_DATE_EPOCH: expected whole seconds since "
                     f"1970-01-01 UTC, found {value!r}\n")
    assert not out.exists() or not any(out.iterdir())


def test_a_bad_epoch_is_one_line_for_the_commands_that_load_scipy(capsys, monkeypatch):
    """numpy's f2py (loaded by scipy for the uncertainty analysis) reads SOURCE_DATE_EPOCH on import."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    for command in ("uncertainty", "sensitivity"):
        assert cli.main([command, str(CR_SCHEME)]) == 2
        assert capsys.readouterr().err == ("Error: environment variable SOURCE_DATE_EPOCH: expected whole seconds "
                                           "since 1970-01-01 UTC, found 'yesterday'\n")
