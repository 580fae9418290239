"""Command line: one module per command (``econ run``, ``econ check``, ...), thin over :mod:`econ.api`.

Errors econ raises on purpose become one line, ``Error: ...``, on standard
error with exit status 2. ``econ check`` exits 1 when a published figure
differs from its recomputed value or a claim does not hold. Ctrl-C exits 130
and SIGTERM 143, with any report being written removed.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Sequence

from econ import __version__
from econ.cli import breakeven, check, compare, new, run, sensitivity, uncertainty
from econ.cli.status import EXIT_CHECK_FAILED, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED
from econ.errors import EconError

# Each command is a module with register(commands), which adds its parser and sets args.execute.
COMMANDS = (run, check, compare, breakeven, new, sensitivity, uncertainty)

__all__ = ["COMMANDS", "EXIT_CHECK_FAILED", "EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_TERMINATED",
           "console", "main"]


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwound like Ctrl-C: a report being written is removed, the chart worker stopped."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="econ",
        description="Techno-economic evaluation of process plants from an Excel input workbook.",
        epilog="Exit status: 0 success; 1 a published figure differs or a claim does not hold (check); "
               "2 bad input or a report that cannot be written.",
    )
    parser.add_argument("--version", action="version", version=f"econ {__version__}")
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
        return args.execute(args)
    except EconError as error:
        # an error may stand for several problems (econ.inputs.problems.InputErrors): one line each
        for line in getattr(error, "lines", None) or [str(error)]:
            print(f"Error: {line}", file=sys.stderr)
        return EXIT_ERROR
    except Terminated:
        print("Error: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of our output went away (econ check ... | head): not an error of econ's
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing again at exit
        return EXIT_OK


def console() -> int:
    """The installed ``econ`` command: :func:`main` with SIGTERM unwound like Ctrl-C, then a quick exit.

    What a PDF report leaves on the heap (WeasyPrint's layout, fonts) would be
    searched for cycles once more while the interpreter shuts down, about 0.4 s
    of a 2.5 s ``econ run``, to free memory the process is about to return to
    the system anyway. Freezing the collector skips that search; files are
    already closed and exit handlers still run. Callers of :func:`main` inside
    a longer-lived process (the tests) keep the normal collector.
    """
    signal.signal(signal.SIGTERM, _terminate)
    status = main()
    gc.freeze()
    return status
