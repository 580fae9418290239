"""Ctrl-C and SIGTERM that are never lost.

Python runs a signal handler between two bytecodes of the main thread. When
that happens inside an object's cleanup (``ZipFile.__del__``, a ``finally`` in
a library), the exception the handler raises is printed as "Exception ignored"
and dropped, and the program goes on as if nothing had happened. So the
handler first records the signal, then raises: the CLI checks
:func:`raise_pending` at safe points (before a report file is put in place,
after the command returns), and a recorded signal still ends the run with 130
or 143 and no report half-written.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

_pending: list[int] = []  # the signals received, first one first


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwound like Ctrl-C: a report being written is removed, the chart worker stopped."""


def _exception(signum: int) -> KeyboardInterrupt:
    return Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _handle(signum: int, frame: FrameType | None) -> None:
    _pending.append(signum)
    raise _exception(signum)


def _unraisable(hook):  # noqa: ANN001, ANN202 - wraps sys.unraisablehook
    def unraisable(report) -> None:  # noqa: ANN001 - sys.UnraisableHookArgs
        if _pending and isinstance(report.exc_value, KeyboardInterrupt):
            return  # recorded by _handle: raise_pending() raises it again where it can unwind
        hook(report)

    return unraisable


def install() -> None:
    """Handle SIGINT and SIGTERM: record the signal, then raise KeyboardInterrupt (Terminated for SIGTERM)."""
    signal.signal(signal.SIGINT, _handle)
    signal.signal(signal.SIGTERM, _handle)
    sys.unraisablehook = _unraisable(sys.unraisablehook)


def pending() -> int | None:
    """The first signal received since :func:`install` (or :func:`clear`), or None."""
    return _pending[0] if _pending else None


def raise_pending() -> None:
    """Raise again the first signal received, in case its exception was dropped (a safe point)."""
    if _pending:
        raise _exception(_pending[0])


def clear() -> None:
    """Forget the signals received (for a caller that runs several commands in one process)."""
    _pending.clear()
