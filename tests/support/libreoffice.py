"""LibreOffice as the test oracle for results workbooks.

A results workbook caches econ's value in every formula cell. :func:`recalculate`
opens the workbook in a headless LibreOffice through UNO, forces
``calculateAll()`` and pairs every formula cell's recalculated value with the
value cached in the file (read with openpyxl). :func:`compare` lists the
disagreements. ``soffice --convert-to`` would trust the cached values and prove
nothing, hence UNO.

UNO comes from Debian's ``python3-uno`` (``scripts/setup-system.sh``), which is
importable from a venv of the same Python minor version once
``/usr/lib/python3/dist-packages`` is on ``sys.path``; this module adds it only
for the import of ``uno`` and removes it again.

Tests that need LibreOffice fail when it is missing, unless the environment sets
``ECON_SKIP_LIBREOFFICE=1`` (see :func:`office_or_skip`).
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

UNO_SITE_PACKAGES = "/usr/lib/python3/dist-packages"
SKIP_ENV = "ECON_SKIP_LIBREOFFICE"
CONNECT_TIMEOUT = 60.0
SHUTDOWN_TIMEOUT = 15.0
_SETUP_HINT = "install it with scripts/setup-system.sh, or set ECON_SKIP_LIBREOFFICE=1 to skip"

Value = float | str | None
"""A value as LibreOffice reports it: number, text, or None (error or empty)."""


class LibreOfficeUnavailable(RuntimeError):
    """soffice or the UNO Python bridge is not installed or not importable."""


class LibreOfficeError(RuntimeError):
    """LibreOffice is installed but did not start, load or answer as expected."""


@dataclass(frozen=True)
class OfficeCell:
    """A non-empty cell as LibreOffice sees it after recalculation."""

    sheet: str
    address: str
    formula: str | None  # LibreOffice's own spelling: ';' separates arguments
    value: Value
    error: str | None  # shown text such as '#DIV/0!' or 'Err:502'; None if no error


@dataclass(frozen=True)
class FormulaCell:
    """A formula cell: cached value from the file next to LibreOffice's result."""

    sheet: str
    address: str
    formula: str
    cached: Any  # as openpyxl reads it; dates are turned back into serial numbers
    recalculated: Value
    error: bool
    error_text: str | None = None

    @property
    def where(self) -> str:
        """``Sheet!A1``."""
        return f"{self.sheet}!{self.address}"


@dataclass(frozen=True)
class RecalcResult:
    """What :func:`recalculate` found in one workbook."""

    path: Path
    formulas: tuple[FormulaCell, ...]
    cells: Mapping[tuple[str, str], OfficeCell]  # every non-empty cell, by (sheet, A1)

    def formula(self, sheet: str, address: str) -> FormulaCell:
        """The formula cell at ``sheet!address``."""
        for cell in self.formulas:
            if cell.sheet == sheet and cell.address == address:
                return cell
        raise KeyError(f"{sheet}!{address} is not a formula cell")


def _import_uno() -> ModuleType:
    """Import ``uno``, borrowing Debian's dist-packages only for that import."""
    try:
        return importlib.import_module("uno")
    except ImportError:
        pass
    added = UNO_SITE_PACKAGES not in sys.path
    if added:
        sys.path.append(UNO_SITE_PACKAGES)
    try:
        return importlib.import_module("uno")
    except ImportError as exc:
        raise LibreOfficeUnavailable(
            f"cannot import the UNO bridge (Debian python3-uno, looked in {UNO_SITE_PACKAGES}"
            f" for Python {sys.version_info.major}.{sys.version_info.minor}): {exc}; {_SETUP_HINT}"
        ) from exc
    finally:
        # uno is loaded (or failed); Debian's other packages must not shadow
        # missing venv dependencies for the rest of the test session.
        if added:
            sys.path.remove(UNO_SITE_PACKAGES)


def _find_soffice() -> str:
    """Path of the soffice launcher."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise LibreOfficeUnavailable(f"soffice is not on PATH; {_SETUP_HINT}")
    return found


class LibreOffice:
    """One headless soffice with a private profile, reached over a named pipe.

    Use as a context manager; one instance can recalculate many workbooks.
    """

    def __init__(self, connect_timeout: float = CONNECT_TIMEOUT) -> None:
        self._connect_timeout = connect_timeout
        self._uno: ModuleType | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._workdir: Path | None = None
        self._desktop: Any = None

    def __enter__(self) -> LibreOffice:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def running(self) -> bool:
        """Whether our soffice process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start soffice and connect to it, retrying for up to ``connect_timeout`` s."""
        if self._proc is not None:
            return
        uno = self._uno = _import_uno()
        soffice = _find_soffice()
        self._workdir = Path(tempfile.mkdtemp(prefix="econ-soffice-"))
        pipe = f"econ_{os.getpid()}_{uuid.uuid4().hex}"
        command = [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={(self._workdir / 'profile').as_uri()}",
            f"--accept=pipe,name={pipe};urp;",
        ]
        try:
            with open(self._workdir / "soffice.log", "wb") as log:
                # Own process group: the launcher forks soffice.bin, and we
                # must be able to kill both, and nothing else.
                self._proc = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            self._desktop = self._connect(uno, pipe)
        except BaseException:
            self.close()
            raise

    def _connect(self, uno: ModuleType, pipe: str) -> Any:
        """Resolve the remote component context and return its Desktop."""
        no_connection = uno.getClass("com.sun.star.connection.NoConnectException")
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + self._connect_timeout
        while True:
            try:
                remote = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except no_connection:
                assert self._proc is not None
                if self._proc.poll() is not None:
                    raise LibreOfficeError(
                        f"soffice exited with code {self._proc.returncode} before accepting"
                        f" connections; its output: {self._log_tail()!r}"
                    ) from None
                if time.monotonic() > deadline:
                    raise LibreOfficeError(
                        f"soffice did not accept a connection within {self._connect_timeout:g} s;"
                        f" its output: {self._log_tail()!r}"
                    ) from None
                time.sleep(0.1)
        return remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)

    def _log_tail(self, limit: int = 2000) -> str:
        """The end of soffice's stdout and stderr."""
        if self._workdir is None:
            return ""
        try:
            return (self._workdir / "soffice.log").read_text(errors="replace")[-limit:]
        except OSError:
            return ""

    def read(self, path: Path) -> dict[tuple[str, str], OfficeCell]:
        """Open ``path`` hidden and read-only, recalculate all, read every non-empty cell."""
        if self._desktop is None:
            raise LibreOfficeError("LibreOffice is not started; use it as a context manager")
        path = Path(path).resolve()
        if not path.is_file():
            raise FileNotFoundError(path)
        document = self._desktop.loadComponentFromURL(
            path.as_uri(),
            "_blank",
            0,
            (
                self._property("Hidden", True),
                self._property("ReadOnly", True),
                self._property("MacroExecutionMode", 0),  # NEVER_EXECUTE
            ),
        )
        if document is None or not hasattr(document, "calculateAll"):
            if document is not None:
                document.close(True)
            raise LibreOfficeError(f"LibreOffice could not open {path} as a spreadsheet")
        try:
            document.calculateAll()
            cells: dict[tuple[str, str], OfficeCell] = {}
            for sheet in document.Sheets:
                for cell in _read_sheet(self._uno, sheet):
                    cells[(cell.sheet, cell.address)] = cell
            return cells
        finally:
            try:
                document.close(True)
            except Exception:  # a veto must not leave it open
                document.dispose()

    def _property(self, name: str, value: object) -> Any:
        """A com.sun.star.beans.PropertyValue."""
        assert self._uno is not None
        prop = self._uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        prop.Name = name
        prop.Value = value
        return prop

    def close(self) -> None:
        """Ask soffice to quit, kill it if it will not, and delete its profile."""
        desktop, self._desktop = self._desktop, None
        proc, self._proc = self._proc, None
        try:
            if desktop is not None:
                try:
                    desktop.terminate()
                except Exception:  # the bridge drops as soffice exits
                    pass
            if proc is not None:
                try:
                    proc.wait(timeout=SHUTDOWN_TIMEOUT if desktop is not None else 0.5)
                except subprocess.TimeoutExpired:
                    pass
                # The launcher may be gone while soffice.bin lingers in its group.
                _kill_group(proc.pid)
                try:
                    proc.wait(timeout=SHUTDOWN_TIMEOUT)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            if self._workdir is not None:
                shutil.rmtree(self._workdir, ignore_errors=True)
                self._workdir = None


def _kill_group(pgid: int) -> None:
    """SIGKILL what is left of the process group we created for soffice."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _read_sheet(uno: Any, sheet: Any) -> Iterator[OfficeCell]:
    """Every non-empty cell of one sheet, read in bulk per content block."""

    def flag(name: str) -> int:
        return int(uno.getConstantByName(f"com.sun.star.sheet.{name}"))

    formula = flag("CellFlags.FORMULA")
    content = (
        flag("CellFlags.VALUE") | flag("CellFlags.DATETIME") | flag("CellFlags.STRING") | formula
    )
    name = sheet.Name
    formula_at = set(_positions(sheet.queryContentCells(formula)))
    error_at = set(_positions(sheet.queryFormulaCells(flag("FormulaResult.ERROR"))))
    for block in sheet.queryContentCells(content).getRangeAddresses():
        cells = sheet.getCellRangeByPosition(
            block.StartColumn, block.StartRow, block.EndColumn, block.EndRow
        )
        values = cells.getDataArray()
        formulas = cells.getFormulaArray()
        for i, row in enumerate(range(block.StartRow, block.EndRow + 1)):
            for j, column in enumerate(range(block.StartColumn, block.EndColumn + 1)):
                error = None
                if (column, row) in error_at:
                    error = sheet.getCellByPosition(column, row).getString() or "error"
                yield OfficeCell(
                    sheet=name,
                    address=f"{get_column_letter(column + 1)}{row + 1}",
                    formula=formulas[i][j] if (column, row) in formula_at else None,
                    value=None if error else values[i][j],
                    error=error,
                )


def _positions(ranges: Any) -> Iterator[tuple[int, int]]:
    """(column, row) of every cell in a SheetCellRanges, 0-based."""
    for block in ranges.getRangeAddresses():
        for row in range(block.StartRow, block.EndRow + 1):
            for column in range(block.StartColumn, block.EndColumn + 1):
                yield column, row


def _formula_text(value: object) -> str | None:
    """The formula in an openpyxl cell value, or None if it holds none."""
    if isinstance(value, ArrayFormula):
        return f"{{{value.text}}}"
    if isinstance(value, DataTableFormula):
        return f"{{=TABLE() {value.ref}}}"
    if isinstance(value, str) and value.startswith("="):
        return value
    return None


def _read_cached(
    path: Path,
) -> tuple[list[str], dict[tuple[str, str], str], dict[tuple[str, str], Any]]:
    """Sheet names, formulas (``data_only=False``) and cached values (``data_only=True``)."""
    formulas: dict[tuple[str, str], str] = {}
    cached: dict[tuple[str, str], Any] = {}
    book = load_workbook(path, data_only=False)
    try:
        sheets = book.sheetnames
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f" and (text := _formula_text(cell.value)) is not None:
                        formulas[(sheet.title, cell.coordinate)] = text
    finally:
        book.close()
    book = load_workbook(path, data_only=True)
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
                        value = to_excel(value, book.epoch)  # back to a serial number
                    if value is not None:
                        cached[(sheet.title, cell.coordinate)] = value
    finally:
        book.close()
    return sheets, formulas, cached


def recalculate(path: Path, office: LibreOffice | None = None) -> RecalcResult:
    """Recalculate ``path`` in LibreOffice and pair each formula cell with its cached value.

    Pass a started :class:`LibreOffice` to reuse it; otherwise one is started
    and stopped around this call (about a second and a half).
    """
    path = Path(path)
    if office is None:
        with LibreOffice() as own:
            return recalculate(path, own)
    office_cells = office.read(path)
    sheets, formulas, cached = _read_cached(path)

    # Formula cells by openpyxl, plus those only LibreOffice calls formulas
    # (the other cells of a multi-cell array formula).
    keys = set(formulas) | {key for key, cell in office_cells.items() if cell.formula is not None}
    order = {name: i for i, name in enumerate(sheets)}

    def position(key: tuple[str, str]) -> tuple[int, int, int]:
        return (order.get(key[0], len(order)), *coordinate_to_tuple(key[1]))

    result = []
    for key in sorted(keys, key=position):
        seen = office_cells.get(key)
        result.append(
            FormulaCell(
                sheet=key[0],
                address=key[1],
                formula=formulas.get(key) or (seen.formula if seen else None) or "",
                cached=cached.get(key),
                recalculated=seen.value if seen else None,
                error=bool(seen and seen.error),
                error_text=seen.error if seen else None,
            )
        )
    return RecalcResult(path=path, formulas=tuple(result), cells=office_cells)


def _is_number(value: object) -> bool:
    """int, float or bool (a cached TRUE is 1 to LibreOffice), not text."""
    return isinstance(value, int | float)


def compare(result: RecalcResult, rel_tol: float = 1e-9, abs_tol: float = 1e-9) -> list[str]:
    """One message per formula cell whose recalculated value disagrees with its cache.

    Numbers agree when ``|a - b| <= max(rel_tol * max(|a|, |b|), abs_tol)``; text
    must be equal. Every error cell is reported, and so is every formula cell
    with no cached value, except that an empty-text result with nothing cached
    agrees (openpyxl reads a cached ``""`` as None).
    """
    messages = []
    for cell in result.formulas:
        head = f"{cell.where} {cell.formula}"
        cached, new = cell.cached, cell.recalculated
        if cell.error:
            messages.append(
                f"{head}: LibreOffice gives error {cell.error_text} (cached {cached!r})"
            )
        elif cached is None:
            if new != "":
                messages.append(f"{head}: no cached value (LibreOffice gives {new!r})")
        elif new is None:
            messages.append(f"{head}: LibreOffice has no value (cached {cached!r})")
        elif isinstance(new, float) and _is_number(cached):
            if not math.isclose(new, cached, rel_tol=rel_tol, abs_tol=abs_tol):
                scale = max(abs(new), abs(cached))
                relative = abs(new - cached) / scale if scale else math.inf
                messages.append(
                    f"{head}: LibreOffice gives {new!r}, cached {cached!r}"
                    f" (difference {new - cached:.3g}, relative {relative:.3g})"
                )
        elif new != cached:
            messages.append(f"{head}: LibreOffice gives {new!r}, cached {cached!r}")
    return messages


def skip_if_disabled() -> None:
    """Skip the calling test when ``ECON_SKIP_LIBREOFFICE=1``."""
    if os.environ.get(SKIP_ENV) == "1":
        pytest.skip(f"{SKIP_ENV}=1")


@contextmanager
def office_or_skip() -> Iterator[LibreOffice]:
    """A started LibreOffice for tests; skips when ``ECON_SKIP_LIBREOFFICE=1``.

    Without that variable a missing LibreOffice raises, so the tests fail.
    """
    skip_if_disabled()
    with LibreOffice() as office:
        yield office
