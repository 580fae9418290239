"""Atomic report files: write to a temporary file beside the target, then rename.

A failed run leaves no half-written file, and a report never overwrites an input.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from econ import interrupts
from econ.errors import ReportError


def write_atomically(target: Path, write: Callable[[Path], None], protected: Iterable[Path] = ()) -> Path:
    """Call ``write(temporary_path)``, then move the file to ``target``.

    ``protected`` lists files that must never be replaced (the input workbook).
    Raises ReportError when the folder cannot be written or ``target`` is protected.
    """
    target = Path(target)
    resolved = target.resolve()
    for path in protected:
        if Path(path).resolve() == resolved:
            raise ReportError(f"{target}: refusing to overwrite the input workbook; choose another output folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise ReportError(f"{target.parent}: cannot write reports here ({error.strerror or error})") from None
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        write(temporary)
        interrupts.raise_pending()  # a signal dropped while writing (inside a __del__) still removes the file
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        raise ReportError(f"{target}: cannot write ({error.strerror or error})") from None
    finally:
        if temporary.exists():
            temporary.unlink()
    return target
