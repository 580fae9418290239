"""Command line: one module per command (``econ run``, ``econ check``, ...), thin over :mod:`econ.api`.

Errors econ raises on purpose become one line, ``Error: ...``, on standard
error with exit status 2. ``econ check`` exits 1 when a published figure
differs from its recomputed value or a claim does not hold. Any other exception
is a bug: one line, exit status 70, and its traceback with ``econ --debug``.
Ctrl-C exits 130 and SIGTERM 143, with any report being written removed; a
signal is never lost (:mod:`econ.interrupts`).
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import traceback
from collections.abc import Sequence

from econ import __version__, interrupts
from econ.cli import breakeven, check, compare, new, run, sensitivity, uncertainty, validate
from econ.cli.status import (EPILOG, EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK,
                             EXIT_TERMINATED)
from econ.errors import EconError
from econ.interrupts import Terminated

# Each command is a module with register(commands), which adds its parser and sets args.execute.
COMMANDS = (run, check, compare, breakeven, validate, new, sensitivity, uncertainty)

__all__ = ["COMMANDS", "EXIT_CHECK_FAILED", "EXIT_ERROR", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_OK",
           "EXIT_TERMINATED", "Terminated", "console", "main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="econ",
        description="Techno-economic evaluation of process plants from an Excel input workbook.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"econ {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="print the traceback of an internal error (exit status 70), a bug in econ")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``econ`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        status = args.execute(args)
        interrupts.raise_pending()  # a signal whose exception was dropped (inside a __del__) still counts
        return status
    except EconError as error:
        if interrupts.pending() is not None:
            return _stopped(error)  # the signal came first; this error is what its dropped exception left
        # an error may stand for several problems (econ.inputs.problems.InputErrors): one line each
        for line in getattr(error, "lines", None) or [str(error)]:
            print(f"Error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt as interrupt:
        return _stopped(interrupt)
    except BrokenPipeError:
        # the reader of our output went away (econ check ... | head): not an error of econ's
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing again at exit
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - any other exception is a bug: one line, its own exit status
        if interrupts.pending() is not None:
            return _stopped(error)
        if args.debug:
            traceback.print_exc()
        hint = "" if args.debug else "; run again with --debug for the traceback"
        print(f"Error: internal error ({_one_line(error)}); this is a bug in econ{hint}", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        workers = sys.modules.get("econ.report.workers")
        if workers is not None:
            workers.stop_all()  # a chart worker whose `with` block a signal kept from starting


def _stopped(exception: BaseException) -> int:
    """Say that the run was stopped; the first signal received decides between 130 and 143."""
    first = interrupts.pending()
    if first == signal.SIGTERM or (first is None and isinstance(exception, Terminated)):
        print("Error: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    print("Error: interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


def _one_line(error: BaseException) -> str:
    """``ValueError: the message`` on one line (a message of several lines is joined)."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


_GC_YOUNG = 20_000  # allocations between two collections of the youngest generation (Python's default: 700)


def console() -> int:
    """The installed ``econ`` command: :func:`main` with Ctrl-C and SIGTERM recorded, then a quick exit.

    SIGINT and SIGTERM are handled by :mod:`econ.interrupts`: recorded, then
    raised, so that a signal that arrives inside an object's cleanup, where
    Python drops the exception, still ends the run with 130 or 143.

    What a PDF report leaves on the heap (WeasyPrint's layout, fonts) would be
    searched for cycles once more while the interpreter shuts down, about 0.4 s
    of a 2.5 s ``econ run``, to free memory the process is about to return to
    the system anyway. Freezing the collector skips that search; files are
    already closed and exit handlers still run. Callers of :func:`main` inside
    a longer-lived process (the tests) keep the normal collector.
    """
    interrupts.install()
    from econ.report.workers import become_subreaper

    become_subreaper()  # a report worker's own child, orphaned by Ctrl-C, is reaped by econ, not left a zombie
    # A workbook of 100,000 equipment rows makes millions of objects that live until the end, and econ makes
    # few reference cycles: collecting the youngest generation every 700 allocations (Python's default) spent
    # about a quarter of the time of such an `econ check` searching them.
    gc.set_threshold(_GC_YOUNG, 10, 10)
    try:
        status = main()
    except KeyboardInterrupt as interrupt:  # arrived while main() was already saying why it stops
        status = _stopped(interrupt)
    if interrupts.pending() is not None and status not in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        status = _stopped(KeyboardInterrupt())  # arrived as main() returned
    if interrupts.pending() is not None:
        # Stopped by a signal, already said and cleaned up. Exit at once with 130 or 143: a Ctrl-C that arrived
        # inside code a library ran with exec() of a string (scipy's import does) leaves CPython's "unhandled
        # KeyboardInterrupt" flag set, and a normal exit would then kill the process with SIGINT (status -2)
        # although econ handled it.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    gc.freeze()
    return status
