"""econ: techno-economic evaluation of process plants.

Read a plant from an Excel input workbook, evaluate its cost, revenue and
cash-flow model, write a results workbook whose numbers are live formulas, and
check the figures a source document published against the recomputed ones.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "evaluate"]


def __getattr__(name: str):  # noqa: ANN202 - the API loads numpy, the model and pandas: not for `econ --help`
    """``econ.evaluate`` (econ.notebook.evaluate), imported on first use."""
    if name == "evaluate":
        from econ.notebook import evaluate

        return evaluate
    raise AttributeError(f"module 'econ' has no attribute {name!r}")
