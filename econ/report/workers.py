"""A worker process that draws the report's charts and lays out the PDF while econ does the rest.

matplotlib takes about 0.3 s to import and weasyprint about 0.3 s
(econ.report.pdf_render). ``econ run`` starts this worker before it reads the
workbook: the worker loads matplotlib (and, for a PDF, WeasyPrint) on the
second core while the main process imports econ and reads and models the
workbook; then it draws the charts and, sent the report's HTML, writes the PDF.
The main process never imports matplotlib or WeasyPrint.
The library works without it: write_reports() draws and renders in-process by default.

The worker is a plain child interpreter (``python -m econ.report.workers``)
that reads pickled requests on its standard input and writes pickled answers
on its standard output. It runs in a process group of its own and ignores
SIGINT, so Ctrl-C at the terminal reaches econ only, which stops the worker
itself; when econ goes away, the worker reads the end of its input and exits
without a word. No multiprocessing: nothing else (no resource tracker) is
started, and :meth:`ChartWorker.close` waits for the one child, so no process
outlives the run, not even as a defunct entry.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, BinaryIO

_STOP_SECONDS = 5.0  # how long close() waits for the worker to exit by itself before it terminates it
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent.parent)  # the folder that holds econ/
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_LIVE: set[ChartWorker] = set()  # workers started and not yet reaped: see stop_all()


_PDF_FLAG = "--pdf"  # the worker's argument: load WeasyPrint too, for write_pdf requests


def _warm(pdf: bool) -> None:
    import econ.report.charts  # noqa: F401
    import matplotlib.backends.backend_svg  # noqa: F401
    import matplotlib.figure  # noqa: F401

    if pdf:
        from econ.report.pdf_render import import_weasyprint, warm_up

        import_weasyprint()
        warm_up()
    gc.freeze()  # what is loaded now lives until the worker exits


def _draw(inputs: dict) -> dict[str, str]:  # type: ignore[type-arg]
    from econ.report.html import render_charts

    return render_charts(inputs)


def _write_pdf(html: str, target: str) -> None:
    from econ import collector
    from econ.report.html import html_to_pdf

    with collector.paused():  # the layout's boxes are freed by reference counting; full passes only walk them
        html_to_pdf(html, Path(target))


def _handle(request: tuple[str, Any]) -> Any:  # noqa: ANN401 - the answer of the request's kind
    kind, *arguments = request
    if kind == "charts":
        return _draw(*arguments)
    if kind == "pdf":
        return _write_pdf(*arguments)
    raise ValueError(f"the report worker got a request {kind!r}; expected 'charts' or 'pdf'")


def serve(requests: BinaryIO, answers: BinaryIO, pdf: bool = False) -> None:
    """The worker's loop: answer each pickled request ("ok", value) or ("error", exception).

    A request is ("charts", inputs), answered with the SVGs by chart name, or
    ("pdf", html, target path), answered with None once the PDF is written
    (``pdf=True`` loads WeasyPrint before the first request).
    """
    _warm(pdf)
    while True:
        try:
            request = pickle.load(requests)
        except (EOFError, OSError, pickle.UnpicklingError):
            return  # econ closed the pipe, or went away
        try:
            answer: tuple[str, Any] = ("ok", _handle(request))
        except Exception as error:  # noqa: BLE001 - handed to econ, which raises it where the answer is needed
            answer = ("error", error)
        try:
            pickle.dump(answer, answers)
            answers.flush()
        except OSError:
            return


class PendingCharts:
    """The charts a worker is drawing; :meth:`result` waits for them."""

    def __init__(self, worker: ChartWorker) -> None:
        self._worker = worker

    def result(self, timeout: float | None = None) -> dict[str, str]:
        """The SVGs by chart name; re-raises the worker's error; TimeoutError after ``timeout`` seconds."""
        return self._worker._answer(timeout)


class ChartWorker:
    """One process, started at once, that imports matplotlib and then draws charts on request.

    With ``pdf=True`` it also imports WeasyPrint and writes PDFs on request
    (:meth:`write_pdf`). It shares no state with the caller. Use it as a context
    manager: leaving the block stops the worker (at once when an exception, such
    as Ctrl-C, is unwinding) and reaps it.
    """

    def __init__(self, pdf: bool = False) -> None:
        self.pdf = pdf
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            part for part in (_PACKAGE_ROOT, environment.get("PYTHONPATH", "")) if part)
        # -P: the current folder is not put first on sys.path, so a folder holding another econ/ is not imported
        # Ctrl-C and SIGTERM wait (blocked, not lost) until the worker is recorded in _LIVE, so that a signal
        # that arrives while it starts cannot leave it unrecorded; the worker unblocks them first thing.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-P", "-m", "econ.report.workers", *([_PDF_FLAG] if pdf else [])],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                env=environment, process_group=0, close_fds=True)
            _LIVE.add(self)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)

    @property
    def pid(self) -> int:
        return self._process.pid

    def submit(self, inputs: dict) -> PendingCharts:  # type: ignore[type-arg]
        """Draw the charts of ``inputs`` (from econ.report.html.chart_inputs); ``.result()`` gives the SVGs."""
        self._send(("charts", inputs))
        return PendingCharts(self)

    def write_pdf(self, html: str, target: Path) -> None:
        """Lay out ``html`` and write it as a PDF file at ``target`` (econ.report.html.html_to_pdf) in the worker.

        Waits for the PDF. An exception while waiting (Ctrl-C) first stops the
        worker, so that it cannot create ``target`` after the caller removed it.
        """
        if not self.pdf:
            raise RuntimeError("this chart worker was started without pdf=True: it cannot write PDFs")
        try:
            self._send(("pdf", html, os.path.abspath(target)))  # the worker shares the cwd, but be plain
            self._answer(None)
        except BaseException:
            self.close(at_once=True)
            raise

    def _send(self, request: tuple[Any, ...]) -> None:
        assert self._process.stdin is not None
        try:
            pickle.dump(request, self._process.stdin)
            self._process.stdin.flush()
        except OSError as error:  # not a BrokenPipeError for the CLI, which reads that as its reader gone
            raise RuntimeError(f"the chart worker is gone (exit status {self._process.poll()}): {error}") from None

    def _answer(self, timeout: float | None) -> dict[str, str]:
        assert self._process.stdout is not None
        answer: list[tuple[str, Any]] = []
        failure: list[BaseException] = []

        def read() -> None:
            try:
                answer.append(pickle.load(self._process.stdout))  # type: ignore[arg-type]
            except (EOFError, OSError, pickle.UnpicklingError) as error:
                failure.append(error)

        if timeout is None:
            read()
        else:
            reader = threading.Thread(target=read, daemon=True)
            reader.start()
            reader.join(timeout)
            if reader.is_alive():
                raise TimeoutError(f"the chart worker gave no answer within {timeout:g} s")
        if failure:
            raise RuntimeError(f"the chart worker ended without an answer (exit status {self._process.poll()})")
        status, value = answer[0]
        if status == "error":
            raise value
        return value

    def close(self, at_once: bool = False) -> None:
        """Stop the worker and reap it: let it finish (``at_once=False``) or terminate it now."""
        process = self._process
        if process.stdin is not None:
            try:
                process.stdin.close()  # the worker reads the end of its input and exits
            except OSError:
                pass
        if at_once:
            _signal_group(process.pid, signal.SIGTERM)  # the worker and anything it started (its own group)
        try:
            process.wait(_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
        if at_once:
            _signal_group(process.pid, signal.SIGKILL)  # a child of the worker that outlived it
        _reap_group(process.pid)
        if process.stdout is not None:
            process.stdout.close()
        _LIVE.discard(self)

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc_info: object) -> None:
        self.close(at_once=exc_type is not None)


def _signal_group(group: int, signum: int) -> None:
    try:
        os.killpg(group, signum)
    except (ProcessLookupError, PermissionError):
        pass  # the group has no process left


def _reap_group(group: int) -> None:
    """Reap the worker's own children that it left behind (``import`` runs helpers: ldconfig, fc-list):
    orphans come to econ, a child subreaper (:func:`become_subreaper`), rather than to an init that may never
    reap them. Only that group's processes are waited for, never another child of the caller."""
    while True:
        try:
            pid, _ = os.waitpid(-group, os.WNOHANG)
        except ChildProcessError:
            return  # none left in the group
        if pid == 0:  # one still running: it was sent SIGKILL, so wait for it
            try:
                os.waitpid(-group, 0)
            except ChildProcessError:
                return


def become_subreaper() -> None:
    """Make this process the one an orphaned descendant is given to (Linux PR_SET_CHILD_SUBREAPER), so that a
    worker's child whose parent was stopped is reaped here, not left a zombie; elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def stop_all() -> None:
    """Terminate and reap every worker not closed yet (one whose ``with`` block a signal kept from starting)."""
    for worker in list(_LIVE):
        worker.close(at_once=True)


def _main() -> None:
    # Ctrl-C is econ's to handle (the worker has a process group of its own anyway); econ stops the worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked by econ while it started the worker
    # the answers go to a copy of the standard output; anything a library prints goes to the standard error
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, answers, pdf=_PDF_FLAG in sys.argv[1:])
    answers.flush()
    os._exit(0)  # nothing to clean up: skip the interpreter's shutdown (matplotlib's objects)


if __name__ == "__main__":
    _main()
