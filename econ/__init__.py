"""econ: techno-economic evaluation of process plants.

Read a plant from an Excel input workbook, evaluate its cost, revenue and
cash-flow model, write a results workbook whose numbers are live formulas, and
check the figures a source document published against the recomputed ones.
"""

__version__ = "0.1.0"
