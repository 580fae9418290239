"""The command line: exact exit statuses and what reaches stdout and stderr.

Exit status (README, econ/cli/status.py): 0 success; 1 when ``econ check`` finds a
published figure that differs or a claim that does not hold; 2 for bad input or
a report that cannot be written, reported as one ``Error: ...`` line on stderr.
Most tests call econ.cli.main in-process; one runs ``python -m econ.cli`` to
prove the real entry point prints no traceback and returns the status.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import econ
from econ import cli
from econ.errors import ReportError
from econ.report import xlsx

SOURCE = Path(__file__).resolve().parents[1] / "inputs" / "cr_scheme.xlsx"


def bad_workbook(tmp_path: Path) -> Path:
    """The example with the electricity price in USD: bad input (README's error example)."""
    book = openpyxl.load_workbook(SOURCE)
    book["Tariffs"]["D2"].value = "USD/kWh"
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / "cr_scheme.xlsx"
    book.save(path)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    """Every entry of ``folder``, hidden temporary files included."""
    return sorted(entry.name for entry in folder.iterdir())


def assert_one_error_line(captured, starts: str = "Error: ") -> str:
    assert captured.err.endswith("\n")
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith(starts)
    assert "Traceback" not in captured.err + captured.out
    return lines[0]


# -- check ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def check_output() -> tuple[int, str, str]:
    """``econ check inputs/cr_scheme.xlsx``, run once for the tests that read its output (capsys is per test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["check", str(SOURCE)])
    return status, out.getvalue(), err.getvalue()


def table_row(output: str, identifier: str) -> str:
    rows = [line for line in output.splitlines() if re.match(rf"  {re.escape(identifier)}\s{{2,}}", line)]
    assert len(rows) == 1, f"one table row for {identifier}, found {rows}"
    return rows[0]


def test_check_on_the_example_exits_1_because_published_figures_differ(check_output):
    status, _, err = check_output
    assert status == cli.EXIT_CHECK_FAILED == 1
    assert err == ""


@pytest.mark.parametrize("identifier", ["E-cost-text"])
def test_check_marks_each_differing_figure_differs(check_output, identifier):
    _, out, _ = check_output
    assert re.search(r"  F1 +DIFFERS$", table_row(out, identifier))
    assert re.search(rf"^    {re.escape(identifier)}: the published .* does not follow from the inputs", out, re.M)
    assert "  F1: a unit slip: the published figure is the computed one times 1,000; explains E-cost-text" in out


@pytest.mark.parametrize("identifier", ["T3-energy", "T3-total"])
def test_check_marks_figures_the_rounded_inputs_produce(check_output, identifier):
    """7 920 kWh printed to the kWh reaches 103 635 / 13.086 = 7 919.53 kWh: not a difference."""
    _, out, _ = check_output
    assert table_row(out, identifier).endswith("agrees within input rounding")


def test_check_marks_the_four_times_claim_does_not_hold(check_output):
    _, out, _ = check_output
    assert re.search(r"  3.72958–3.9056  F2 +DOES NOT HOLD$", table_row(out, "CLAIM-4x"))
    assert "    CLAIM-4x: claim 'Net effect over the life relative to the capital investment' does not hold: " \
           "net_effect_over_life_to_capital = 3.81746, not > 4" in out


def test_check_prints_the_energy_cost_difference_of_6_12_rub(check_output):
    # README: 7,920 kWh x 13.086 RUB/kWh is 103,641.12 RUB, not the printed 103,635 (6.12 RUB more)
    _, out, _ = check_output
    row = table_row(out, "T3-energy")
    assert "103,641.12" in row and "6.12" in row


def test_check_leaves_agreeing_figures_in_lower_case(check_output):
    _, out, _ = check_output
    assert table_row(out, "T3-labour").endswith("agrees")
    verdicts = re.findall(r"(DIFFERS|DOES NOT HOLD)$", out, re.M)
    assert sorted(verdicts) == ["DIFFERS", "DOES NOT HOLD"]


def test_check_prints_the_summary_line(check_output):
    _, out, _ = check_output
    assert out.startswith("cr_scheme.xlsx: 20 published figures recomputed from the inputs\n")
    assert out.rstrip().endswith("Summary: 18 of 20 published figures agree or hold (2 within input rounding); "
                                 "2 differ or do not hold, explained by 2 finding(s), 2 material")


def test_check_prints_the_plausibility_audits(check_output):
    _, out, _ = check_output
    heading = re.search(r"^Plausibility audits: (\d+) warning\(s\)$", out, re.M)
    assert heading is not None
    warnings = re.findall(r"^  WARNING  .+$", out, re.M)
    assert len(warnings) == int(heading.group(1)) >= 2
    assert any(line.startswith("  WARNING  Electrodialyser: capacity:") and "1.8\u00a0%" in line for line in warnings)
    assert any("Dependence on the revenue from recovered products" in line for line in warnings)  # issue 15: by its kind


def test_check_list_quantities_exits_0_and_lists_every_quantity_the_references_name(capsys):
    assert cli.main(["check", str(SOURCE), "--list-quantities"]) == 0
    captured = capsys.readouterr()
    listed = {line.split()[0] for line in captured.out.splitlines() if line.strip()}
    referenced = {row[4] for row in openpyxl.load_workbook(SOURCE, read_only=True)["References"]
                  .iter_rows(min_row=2, values_only=True) if row[4]}
    assert referenced <= listed
    assert captured.err == ""


# -- run --------------------------------------------------------------------------------------


def test_run_writes_the_workbook_and_the_pdf_and_no_temporary_file(tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["run", str(SOURCE), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert listing(out) == ["cr_scheme.pdf", "cr_scheme.xlsx"]
    assert f"wrote {out / 'cr_scheme.xlsx'}\n" in captured.out
    assert f"wrote {out / 'cr_scheme.pdf'}\n" in captured.out
    assert captured.err == ""
    book = openpyxl.load_workbook(out / "cr_scheme.xlsx", read_only=True)
    try:
        # cr_scheme.xlsx has an Uncertainty sheet: econ run adds the Sensitivity sheet (econ.report.xlsx_sensitivity)
        assert tuple(book.sheetnames) == xlsx.SHEET_ORDER + ("Sensitivity",)
    finally:
        book.close()


def test_run_replaces_an_older_report(tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "cr_scheme.xlsx").write_bytes(b"an older report")
    assert cli.main(["run", str(SOURCE), "--out", str(out), "--format", "xlsx"]) == 0
    assert (out / "cr_scheme.xlsx").read_bytes()[:2] == b"PK"
    assert listing(out) == ["cr_scheme.xlsx"]


def test_run_into_the_input_folder_refuses_to_overwrite_the_input(tmp_path, capsys):
    folder = tmp_path / "work"
    folder.mkdir()
    workbook = folder / "cr_scheme.xlsx"
    shutil.copyfile(SOURCE, workbook)
    before = sha256(workbook)

    assert cli.main(["run", str(workbook), "-o", str(folder)]) == 2
    line = assert_one_error_line(capsys.readouterr())
    assert line == f"Error: {folder / 'cr_scheme.xlsx'}: refusing to overwrite the input workbook; " \
                   "choose another output folder"
    assert sha256(workbook) == before
    assert listing(folder) == ["cr_scheme.xlsx"]


def test_run_refuses_the_input_folder_under_another_spelling(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "work"
    folder.mkdir()
    workbook = folder / "cr_scheme.xlsx"
    shutil.copyfile(SOURCE, workbook)
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    before = sha256(workbook)
    monkeypatch.chdir(folder)

    for out in (".", "../work", str(tmp_path / "link")):
        assert cli.main(["run", "cr_scheme.xlsx", "-o", out]) == 2, out
        assert "refusing to overwrite the input workbook" in assert_one_error_line(capsys.readouterr())
    assert sha256(workbook) == before
    assert listing(folder) == ["cr_scheme.xlsx"]


def test_run_with_bad_input_exits_2_with_one_error_line_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["run", str(bad_workbook(tmp_path)), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    line = assert_one_error_line(captured)
    assert line.startswith('Error: cr_scheme.xlsx!Tariffs!D2 "electricity_price": ')
    assert captured.out == ""
    assert not out.exists()


def test_check_with_bad_input_exits_2_with_one_error_line(tmp_path, capsys):
    assert cli.main(["check", str(bad_workbook(tmp_path))]) == 2
    captured = capsys.readouterr()
    assert assert_one_error_line(captured).endswith("expected RUB/kWh, got 'USD/kWh'")
    assert captured.out == ""


def test_missing_workbook_exits_2(tmp_path, capsys):
    missing = tmp_path / "missing.xlsx"
    assert cli.main(["check", str(missing)]) == 2
    assert assert_one_error_line(capsys.readouterr()) == f"Error: {missing}: file not found"


def test_module_entry_point_exits_2_without_a_traceback_on_bad_input(tmp_path):
    result = subprocess.run([sys.executable, "-m", "econ.cli", "check", str(bad_workbook(tmp_path))],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith('Error: cr_scheme.xlsx!Tariffs!D2 "electricity_price": ')


@pytest.mark.parametrize("out_below_file", [False, True])
def test_output_folder_that_cannot_be_written_exits_2(tmp_path, capsys, out_below_file):
    regular_file = tmp_path / "notes.txt"
    regular_file.write_text("a file, not a folder\n")
    out = regular_file / "reports" if out_below_file else regular_file
    assert cli.main(["run", str(SOURCE), "-o", str(out)]) == 2
    line = assert_one_error_line(capsys.readouterr())
    assert re.fullmatch(r"Error: .+: cannot write reports here \(.+\)", line)
    assert regular_file.read_text() == "a file, not a folder\n"
    assert listing(tmp_path) == ["notes.txt"]


@pytest.mark.parametrize("failure", [ReportError("simulated report failure"), OSError(28, "No space left on device")],
                         ids=["ReportError", "OSError"])
@pytest.mark.parametrize("older_report", [False, True], ids=["empty-folder", "older-report"])
def test_failed_write_leaves_no_file_and_keeps_an_older_report(tmp_path, capsys, monkeypatch, failure, older_report):
    out = tmp_path / "reports"
    out.mkdir()
    target = out / "cr_scheme.xlsx"
    if older_report:
        target.write_bytes(b"the report of an earlier run")

    def fail(self) -> None:  # noqa: ANN001 - replaces _Writer.write
        raise failure

    monkeypatch.setattr(xlsx._Writer, "write", fail)
    assert cli.main(["run", str(SOURCE), "-o", str(out)]) == 2
    line = assert_one_error_line(capsys.readouterr())
    if isinstance(failure, ReportError):
        assert line == "Error: simulated report failure"
    else:
        assert line == f"Error: {target}: cannot write (No space left on device)"
    if older_report:
        assert listing(out) == ["cr_scheme.xlsx"]
        assert target.read_bytes() == b"the report of an earlier run"
    else:
        assert listing(out) == []


# -- arguments --------------------------------------------------------------------------------


def test_no_command_prints_usage_and_exits_2(capsys):
    assert cli.main([]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("usage: econ ")
    assert "Traceback" not in captured.out + captured.err


def test_help_exits_0_and_lists_both_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: econ ")
    assert re.search(r"^\s+run\s+evaluate a workbook", out, re.M)
    assert re.search(r"^\s+check\s+recompute the published figures", out, re.M)
    assert "Exit status: 0 success; 1" in out


@pytest.mark.parametrize(("command", "option"), [("run", "-o DIR, --out DIR"), ("check", "--list-quantities")])
def test_command_help_exits_0_and_shows_its_options(capsys, command, option):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: econ {command} ")
    assert option in out


def test_version_exits_0_and_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"econ {econ.__version__}\n"


@pytest.mark.parametrize("argv", [["bogus"], ["check"], ["run"], ["run", str(SOURCE), "--pdf"]])
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    assert "usage: econ" in capsys.readouterr().err


def test_sigterm_while_the_pdf_is_written_leaves_no_file_and_no_process(tmp_path):
    """A run stopped with SIGTERM while its PDF is being laid out (its temporary file exists) removes the
    temporary file, stops the chart worker, says so on one line and exits 143."""
    import signal
    import time

    out = tmp_path / "reports"
    # a session of its own, so that whatever is left when the test fails can be killed as a group
    process = subprocess.Popen([sys.executable, "-m", "econ.cli", "run", str(SOURCE), "-o", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob(".cr_scheme.pdf.*.tmp")):
            assert process.poll() is None, "the run ended before its PDF was being written"
            assert time.monotonic() < deadline, "no temporary PDF within 60 s"
            time.sleep(0.005)
        process.send_signal(signal.SIGTERM)
        # communicate() returns only when every process holding the pipes has gone: the chart worker too
        _, stderr = process.communicate(timeout=30)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == cli.EXIT_TERMINATED == 143
    assert stderr.strip().splitlines()[-1] == "Error: terminated"
    assert "Traceback" not in stderr
    assert sorted(path.name for path in out.iterdir()) == ["cr_scheme.xlsx"]  # the finished workbook stays


@pytest.mark.parametrize("formats", ["", ",", " , "])
def test_run_with_no_format_is_an_error_not_a_silent_success(tmp_path, capsys, formats):
    out = tmp_path / "reports"
    assert cli.main(["run", str(SOURCE), "-o", str(out), "--format", formats]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not out.exists()
    assert captured.err == f"Error: --format {formats!r}: expected one or more of xlsx, pdf, html, comma-separated\n"


def test_compare_refuses_another_service_life_before_printing_anything(capsys):
    """The incremental case needs one horizon: cr_scheme runs 10 years, pb_electrorefining 15."""
    other = SOURCE.parent / "pb_electrorefining.xlsx"
    assert cli.main(["compare", str(SOURCE), str(other)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "15 years" in captured.err and "10" in captured.err and captured.err.count("\n") == 1


def test_compare_tells_two_files_of_one_name_apart(tmp_path, capsys):
    copy = tmp_path / "cr_scheme.xlsx"
    shutil.copy(SOURCE, copy)
    assert cli.main(["compare", str(SOURCE), str(copy)]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert str(SOURCE) in header and str(copy) in header


# -- internal errors: their own exit status (issue 11, item 7) ---------------------------------------------


def _failing_check(monkeypatch) -> None:  # noqa: ANN001
    from econ.cli import check

    def execute(args):  # noqa: ANN001, ANN202
        raise ValueError("operands could not be\nbroadcast together")

    monkeypatch.setattr(check, "execute", execute)


def test_an_internal_error_exits_70_with_one_line_that_says_it_is_a_bug(monkeypatch, capsys):
    """An unexpected exception used to exit 1, which econ check uses for 'a figure differs'."""
    _failing_check(monkeypatch)
    assert cli.main(["check", str(SOURCE)]) == cli.EXIT_INTERNAL == 70
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("Error: internal error (ValueError: operands could not be broadcast together); "
                            "this is a bug in econ; run again with --debug for the traceback\n")


def test_debug_prints_the_traceback_of_an_internal_error(monkeypatch, capsys):
    _failing_check(monkeypatch)
    assert cli.main(["--debug", "check", str(SOURCE)]) == 70
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'raise ValueError("operands could not be\\nbroadcast together")' in err
    assert err.endswith("\nError: internal error (ValueError: operands could not be broadcast together); "
                        "this is a bug in econ\n")


def test_debug_changes_nothing_for_an_input_error(capsys):
    assert cli.main(["--debug", "check", "no_such_workbook.xlsx"]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == "Error: no_such_workbook.xlsx: file not found\n"


# -- a figure that overflows or divides by zero names the input cells it depends on (issue 11, item 7) ---------


def test_an_overflowing_tariff_is_one_line_naming_its_cell(tmp_path, capsys):
    """A tariff of 1e308 overflows the electricity cost; the error used to name neither the file nor the cell.
    The cost reads 15 inputs (the tariff, the schedule, the four equipment rows' fields); the huge one first."""
    book = openpyxl.load_workbook(SOURCE)
    book["Tariffs"]["C2"] = 1e308
    path = tmp_path / "cr_scheme.xlsx"
    book.save(path)
    assert cli.main(["check", str(path)]) == cli.EXIT_ERROR
    assert capsys.readouterr().err == (
        "Error: energy_cost_per_month (Electricity cost per month): overflow encountered in multiply - it depends "
        'on cr_scheme.xlsx!Tariffs!C2 "electricity_price" = 1e+308 and 14 other inputs\n')


def test_a_division_by_zero_names_the_zero_input_first():
    import numpy as np

    from econ.errors import ModelError
    from econ.model.expr import inp, ref
    from econ.model.figures import Figure, Model, evaluate

    model = Model([Figure("cost", "Cost", "RUB", inp("price") * inp("amount"), "OPEX"),
                   Figure("specific", "Specific cost", "RUB/m^3", ref("cost") / inp("volume"), "OPEX")])
    places = {"price": "w.xlsx!Tariffs!C2", "amount": "w.xlsx!Use!C3", "volume": "w.xlsx!Use!C4"}
    with pytest.raises(ModelError) as raised:
        evaluate(model, {"price": 2.0, "amount": 3.0, "volume": np.array([4.0, 0.0])}, locate=places.__getitem__)
    assert str(raised.value) == ("specific (Specific cost): divide by zero encountered in divide - it depends on "
                                 "w.xlsx!Use!C4 = 0 to 4 (2 cases) and 2 other inputs")
    assert (raised.value.figure, raised.value.inputs) == ("specific", ("amount", "price", "volume"))
    with pytest.raises(ModelError, match=r"^specific \(Specific cost\): divide by zero encountered in divide - "
                                         r"check the inputs it depends on$"):
        evaluate(model, {"price": 2.0, "amount": 3.0, "volume": 0.0})
