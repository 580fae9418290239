"""Ctrl-C, SIGTERM and the chart worker: a signal is never lost, nothing prints a traceback, no process outlives
the run (issue 11, item 7).

Each run is a subprocess in a session of its own (``start_new_session``): its session id is its pid, and every
process it starts keeps that session id, even one re-parented to init or left defunct, so /proc tells whether
anything of the run is left.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from econ import cli

SOURCE = Path(__file__).resolve().parent.parent / "inputs" / "cr_scheme.xlsx"
ROOT = SOURCE.parent.parent


def session_processes(session: int) -> list[tuple[int, str]]:
    """(pid, state) of every process whose session id is ``session`` (state Z: defunct)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        state, session_id = fields[0], int(fields[3])
        if session_id == session:
            found.append((int(entry.name), state))
    return found


def start(argv: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            cwd=ROOT)


def wait_for(condition, process: subprocess.Popen[str], what: str, seconds: float = 60) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"the run ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within {seconds:g} s"
        time.sleep(0.005)


@contextlib.contextmanager
def killed_at_the_end(process: subprocess.Popen[str]):  # noqa: ANN201
    """Kill whatever is left of the run's session when the test fails."""
    try:
        yield process
    finally:
        for pid, _ in session_processes(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            process.kill()


def run_command(out: Path) -> list[str]:
    return [sys.executable, "-m", "econ.cli", "run", str(SOURCE), "-o", str(out)]


@pytest.mark.slow
def test_ctrl_c_to_the_process_group_while_the_worker_starts_exits_130_quietly_and_leaves_nothing(tmp_path):
    """Ctrl-C reaches the whole foreground group. The chart worker, still importing matplotlib, used to print
    a KeyboardInterrupt traceback; the run is stopped before any report is written."""
    out = tmp_path / "reports"
    with killed_at_the_end(start(run_command(out))) as process:
        wait_for(lambda: len(session_processes(process.pid)) >= 2, process, "chart worker")
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        left = session_processes(process.pid)
    assert process.returncode == cli.EXIT_INTERRUPTED == 130
    assert stderr == "Error: interrupted\n"
    assert not out.exists() or list(out.iterdir()) == []
    assert left == []


@pytest.mark.slow
def test_ctrl_c_to_the_process_group_while_the_pdf_is_written_removes_it_and_leaves_no_process(tmp_path):
    out = tmp_path / "reports"
    with killed_at_the_end(start(run_command(out))) as process:
        wait_for(lambda: bool(list(out.glob(".cr_scheme.pdf.*.tmp"))), process, "temporary PDF")
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        left = session_processes(process.pid)
    assert process.returncode == 130
    assert stderr == "Error: interrupted\n"
    assert sorted(path.name for path in out.iterdir()) == ["cr_scheme.xlsx"]  # the finished workbook stays
    assert left == []


@pytest.mark.slow
def test_a_finished_run_leaves_no_worker_behind_not_even_defunct(tmp_path):
    out = tmp_path / "reports"
    with killed_at_the_end(start(run_command(out))) as process:
        workers: set[int] = set()

        def worker_seen() -> bool:
            workers.update(pid for pid, _ in session_processes(process.pid) if pid != process.pid)
            return bool(workers)

        wait_for(worker_seen, process, "chart worker")
        stdout, stderr = process.communicate(timeout=120)
        left = session_processes(process.pid)
    assert process.returncode == 0, stderr
    assert "wrote " in stdout and stderr == ""
    assert left == []
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)


# A command replaced by one whose cleanup receives SIGTERM: Python runs the handler inside __del__, where the
# exception it raises is dropped ("Exception ignored in ..."), and the command used to return 0.
DROPPED = textwrap.dedent("""
    import os, signal, sys, time
    from pathlib import Path
    from econ import cli
    from econ.cli import check
    from econ.report.atomic import write_atomically

    class Cleanup:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.2)  # the handler runs here, inside __del__

    TARGET = Path(sys.argv[1])

    def execute(args):
        target = TARGET
        def write(path):
            path.write_text("partial report")
            if {in_report}:
                Cleanup()  # dropped at once: its __del__ runs while the report is written
        write_atomically(target, write)
        if not {in_report}:
            Cleanup()
        return 0

    check.execute = execute
    sys.argv = ["econ", "check", "unused.xlsx"]
    sys.exit(cli.console())
""")


@pytest.mark.parametrize("in_report", [False, True], ids=["after the report", "while the report is written"])
def test_sigterm_dropped_inside_a_destructor_still_ends_with_143(tmp_path, in_report):
    target = tmp_path / "report.txt"
    script = DROPPED.format(in_report=in_report)
    process = subprocess.run([sys.executable, "-c", script, str(target)], capture_output=True, text=True,
                             timeout=60, cwd=ROOT)
    assert process.returncode == cli.EXIT_TERMINATED == 143
    assert process.stderr == "Error: terminated\n"  # no "Exception ignored in ...", no traceback
    # a report finished before the signal stays; one being written when it came is removed
    assert sorted(path.name for path in tmp_path.iterdir()) == ([] if in_report else ["report.txt"])


def test_the_worker_exits_quietly_when_econ_goes_away(tmp_path):
    """econ killed outright (SIGKILL) cannot stop its worker: the worker reads the end of its input and exits
    without a traceback."""
    script = textwrap.dedent("""
        import os, signal, sys
        from econ.report.workers import ChartWorker
        worker = ChartWorker()
        print(worker.pid, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    process = start([sys.executable, "-c", script])
    with killed_at_the_end(process):
        # communicate() returns once every holder of the pipes is gone: the worker (which shares stderr) too
        stdout, stderr = process.communicate(timeout=60)
    worker = int(stdout)
    assert process.returncode == -signal.SIGKILL
    assert stderr == ""
    deadline = time.monotonic() + 10
    while (state := [s for pid, s in session_processes(process.pid) if pid == worker]) and state != ["Z"]:
        assert time.monotonic() < deadline, f"worker {worker} still running"
        time.sleep(0.01)


def test_a_run_refused_for_bad_input_stops_and_reaps_its_worker(tmp_path):
    """The worker is started before the workbook is read; an input error unwinds through it."""
    with killed_at_the_end(start([sys.executable, "-m", "econ.cli", "run", str(tmp_path / "missing.xlsx"),
                                  "-o", str(tmp_path / "reports")])) as process:
        _, stderr = process.communicate(timeout=60)
        left = session_processes(process.pid)
    assert process.returncode == cli.EXIT_ERROR
    assert stderr == f"Error: {tmp_path / 'missing.xlsx'}: file not found\n"
    assert left == []
