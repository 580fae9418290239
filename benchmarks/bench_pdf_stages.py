"""Where the time of a PDF report goes: econ's own work, then WeasyPrint's import, layout and writing.

Each stage runs several times in one process (the imports in a fresh
interpreter each time: a plain ``import weasyprint`` and econ's
``import_weasyprint``, which skips find_library's compiler runs); medians are
printed. Compare the stages of one run with each other: the machine is shared
and noisy. In ``econ run`` the report worker (econ/report/workers.py) does the
import, the charts, the layout and the writing; the main process the rest.

    python benchmarks/bench_pdf_stages.py [--repeats 5] [--workbook inputs/cr_scheme.xlsx]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(action, repeats: int) -> tuple[float, object]:  # noqa: ANN001
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workbook", type=Path, default=ROOT / "inputs" / "cr_scheme.xlsx")
    args = parser.parse_args()
    def fresh_import(statement: str) -> float:
        return statistics.median(
            float(subprocess.run([sys.executable, "-c", f"import time; t = time.perf_counter(); {statement}; "
                                  "print(time.perf_counter() - t)"], capture_output=True, text=True, check=True,
                                 cwd=ROOT).stdout)
            for _ in range(args.repeats))

    import_time = fresh_import("import weasyprint")
    econ_import_time = fresh_import("from econ.report.pdf_render import import_weasyprint; import_weasyprint()")

    from econ.report.pdf_render import import_weasyprint

    HTML = import_weasyprint().HTML  # noqa: N806 - WeasyPrint's class

    from econ.api import evaluate_workbook
    from econ.report.html import render_html, templates_dir, templates_only_fetcher

    evaluate, evaluation = timed(lambda: evaluate_workbook(args.workbook), args.repeats)
    html_time, html = timed(lambda: render_html(evaluation), args.repeats)  # charts drawn in-process here

    def layout():  # noqa: ANN202
        return HTML(string=html, base_url=str(templates_dir()) + "/", url_fetcher=templates_only_fetcher()).render()

    layout_time, document = timed(layout, args.repeats)
    with tempfile.TemporaryDirectory() as folder:
        write_time, _ = timed(lambda: document.write_pdf(str(Path(folder) / "report.pdf")), args.repeats)
    print(f"{args.workbook.name}: {len(document.pages)} pages; medians of {args.repeats} runs")
    for label, seconds in (("read, model, checks", evaluate), ("report HTML with charts", html_time),
                           ("import weasyprint (fresh interpreter)", import_time),
                           ("econ's import_weasyprint (fresh)", econ_import_time),
                           ("WeasyPrint layout", layout_time), ("WeasyPrint PDF writing", write_time)):
        print(f"  {label:<40} {seconds:.3f} s")


if __name__ == "__main__":
    main()
