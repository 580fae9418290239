"""The report worker lays out the PDF (issue 15, item 6): WeasyPrint loaded without compiler runs, the PDF
written in the worker, its errors raised in econ, and no process left when a run ends or is stopped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from econ import cli
from econ.report.workers import ChartWorker
from tests.test_signals import SOURCE, killed_at_the_end, run_command, session_processes, start, wait_for

ROOT = SOURCE.parent.parent

# counts the subprocesses started while WeasyPrint is imported one way or the other
COUNT_SUBPROCESSES = textwrap.dedent("""
    import subprocess, sys
    started = []
    original_init = subprocess.Popen.__init__

    def recording(self, args, *rest, **options):
        started.append(args)
        original_init(self, args, *rest, **options)

    subprocess.Popen.__init__ = recording
    import ctypes.util
    find_library = ctypes.util.find_library
    if sys.argv[1] == "econ":
        from econ.report.pdf_render import import_weasyprint
        weasyprint = import_weasyprint()
    else:
        import weasyprint
    print(len(started), ctypes.util.find_library is find_library, callable(weasyprint.HTML))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="find_library runs gcc and ld on Linux only")
def test_import_weasyprint_starts_no_subprocess_where_a_plain_import_starts_several():
    def started(how: str) -> list[str]:
        return subprocess.run([sys.executable, "-c", COUNT_SUBPROCESSES, how], capture_output=True, text=True,
                              check=True, cwd=ROOT).stdout.split()

    plain = started("plain")
    assert int(plain[0]) > 0, "a plain import of WeasyPrint ran no find_library here: nothing left to compare"
    assert started("econ") == ["0", "True", "True"]  # none started, find_library put back, WeasyPrint usable


def test_the_worker_writes_the_pdf_it_is_sent(tmp_path):
    target = tmp_path / "page.pdf"
    with ChartWorker(pdf=True) as worker:
        worker.write_pdf("<html><body><p>Laid out in the worker</p></body></html>", target)
    assert PdfReader(target).pages[0].extract_text() == "Laid out in the worker"


def test_a_worker_started_without_pdf_refuses_to_write_one(tmp_path):
    with ChartWorker() as worker, pytest.raises(RuntimeError) as refused:
        worker.write_pdf("<p>x</p>", tmp_path / "page.pdf")
    assert str(refused.value) == "this chart worker was started without pdf=True: it cannot write PDFs"
    assert not (tmp_path / "page.pdf").exists()


def test_an_error_in_the_worker_is_raised_in_econ_and_stops_the_worker(tmp_path):
    worker = ChartWorker(pdf=True)
    with pytest.raises(FileNotFoundError) as failed:
        worker.write_pdf("<p>x</p>", tmp_path / "no such folder" / "page.pdf")
    assert failed.value.filename == str(tmp_path / "no such folder" / "page.pdf")
    assert worker._process.returncode is not None  # stopped and reaped, not left running


@pytest.mark.slow
def test_sigterm_to_econ_while_the_worker_lays_out_the_pdf_exits_143_quietly_and_leaves_nothing(tmp_path):
    """SIGTERM to econ alone (the worker has a process group of its own): econ stops the worker before it
    removes the temporary PDF, so the worker cannot write it again afterwards."""
    out = tmp_path / "reports"
    with killed_at_the_end(start(run_command(out))) as process:
        wait_for(lambda: bool(list(out.glob(".cr_scheme.pdf.*.tmp"))), process, "temporary PDF")
        workers = [pid for pid, _ in session_processes(process.pid) if pid != process.pid]
        os.kill(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        left = session_processes(process.pid)
    assert process.returncode == cli.EXIT_TERMINATED == 143
    assert stderr == "Error: terminated\n"
    assert sorted(path.name for path in out.iterdir()) == ["cr_scheme.xlsx"]  # the finished workbook stays
    assert left == []
    assert workers and not any(Path(f"/proc/{pid}").exists() for pid in workers)


@pytest.mark.slow
def test_a_finished_run_writes_the_pdf_and_leaves_no_process_not_even_defunct(tmp_path):
    out = tmp_path / "reports"
    with killed_at_the_end(start(run_command(out))) as process:
        stdout, stderr = process.communicate(timeout=180)
        left = session_processes(process.pid)
    assert process.returncode == 0, stderr
    assert stderr == ""
    assert f"wrote {out / 'cr_scheme.pdf'}" in stdout.splitlines()
    assert len(PdfReader(out / "cr_scheme.pdf").pages) > 1
    assert left == []


def test_econ_run_imports_pint_without_dask_and_dask_stays_importable():
    script = textwrap.dedent("""
        import sys
        from econ.cli.run import _import_pint_without_dask
        _import_pint_without_dask()
        import pint.compat
        loaded = "dask" in sys.modules
        import dask
        print(pint.compat.HAS_DASK, loaded, dask.__name__)
    """)
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert shown.stdout.split() == ["False", "False", "dask"]
