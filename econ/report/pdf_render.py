"""Loading WeasyPrint without the compiler runs it triggers on Linux.

WeasyPrint 70 opens pango, harfbuzz, fontconfig and gobject through cffi,
trying several names for each library (``libgobject-2.0-0``, ``gobject-2.0``,
..., ``libgobject-2.0.so.0``). For a name that is not a loadable file, cffi
asks :func:`ctypes.util.find_library`, which on Linux runs ``ldconfig -p``,
then ``gcc -Wl,-t`` (gcc, collect2 and ld) and ``ld -t`` as subprocesses. With
the optional ``harfbuzz-vector`` library absent, that was about 40 subprocesses
and half of the time of ``import weasyprint`` (0.3 of 0.6 s on a quiet machine,
measured with ``-X importtime``), all of it CPU that the 2-core machine needs
for the report's layout.

Every name list of WeasyPrint ends in the library's Linux soname
(``libpango-1.0.so.0``), which ``dlopen`` finds by itself in the loader cache
and ``LD_LIBRARY_PATH``, as for any program; so on Linux :func:`import_weasyprint`
lets ``find_library`` answer "not found" while WeasyPrint is imported, and
WeasyPrint loads the same libraries by their sonames. Elsewhere (macOS, Windows)
it imports WeasyPrint untouched.

:func:`warm_up` lays out a small page with the report's stylesheet, so that a
worker waiting for the report's HTML has fontconfig, pango's fonts, the
hyphenation dictionaries and the stylesheet loaded before it comes (about 0.1 s
of the first layout on a quiet machine).
"""

from __future__ import annotations

import sys
import threading
from types import ModuleType

_IMPORT_LOCK = threading.Lock()


def import_weasyprint() -> ModuleType:
    """The ``weasyprint`` module, imported (on Linux) without ``find_library``'s subprocesses."""
    loaded = sys.modules.get("weasyprint")
    if loaded is not None:
        return loaded
    if not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    import ctypes.util

    with _IMPORT_LOCK:
        find_library = ctypes.util.find_library
        ctypes.util.find_library = _not_found
        try:
            import weasyprint
        finally:
            ctypes.util.find_library = find_library
    return weasyprint


def _not_found(name: str) -> None:
    """``find_library`` while WeasyPrint loads: every library is then opened by the soname WeasyPrint lists."""
    return None


# Regular and bold text in both report languages, a data table with hyphenation as the report's: what the first
# layout of a report loads (fonts, hyphenation dictionaries, the stylesheet) is loaded by this page.
_WARM_UP_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="report.css"></head><body>
<section class="title-page"><p class="kind">Feasibility</p><h1 class="project">Warm-up</h1></section>
<section id="summary"><h2>Summary <b>bold</b></h2><table class="data"><tr><th>Electrodialyser</th><td>1 000</td></tr></table>
<p lang="ru">Электродиализатор <b>капитальные затраты</b></p><p lang="en">Electrodeionization capital cost</p></section>
</body></html>"""


def warm_up() -> None:
    """Lay out and write (to memory) a small page with the report's stylesheet; nothing if templates/ is missing."""
    from econ.errors import ReportError
    from econ.report.html import templates_dir, templates_only_fetcher

    try:
        folder = templates_dir()
    except ReportError:
        return  # the report itself will say so
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    weasyprint = import_weasyprint()
    weasyprint.HTML(string=_WARM_UP_HTML, base_url=str(folder) + "/",
                    url_fetcher=templates_only_fetcher(folder)).write_pdf()
