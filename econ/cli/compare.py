"""``econ compare``: the base case against its alternatives, or against a second workbook."""

from __future__ import annotations

import argparse

from econ.cli.status import EXIT_OK
from econ.cli.table import print_table
from econ.errors import EconError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    compare = commands.add_parser(
        "compare", help="compare a workbook's alternatives, or two workbooks, line by line",
        description="Compare the base case of WORKBOOK with the alternatives on its Alternatives sheet, or, given "
                    "OTHER, WORKBOOK (base) with OTHER: every OPEX line, specific cost, capital, NPV, IRR and "
                    "payback, and the incremental case (alternative minus base).")
    compare.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx): the base case")
    compare.add_argument("other", metavar="OTHER", nargs="?", help="a second workbook, compared with the first")
    compare.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from econ.i18n import figure_label
    from econ.inputs.reader import read_plant
    from econ.model.alternatives import Case, alternative_cases, incremental
    from econ.model.build import run_model
    from econ.report.document import metric_text
    from econ.numbers import format_number

    plant = read_plant(args.workbook)
    if args.other:
        other = read_plant(args.other)
        if other.currency != plant.currency:
            raise EconError(f"{other.file_name} counts money in {other.currency}, {plant.file_name} in "
                            f"{plant.currency}: compare workbooks in one currency")
        # two files of one name (from two folders) are told apart by their paths
        names = (plant.file_name, other.file_name) if plant.file_name != other.file_name else \
            (str(args.workbook), str(args.other))
        cases = [Case(names[0], plant, run_model(plant)), Case(names[1], other, run_model(other))]
    else:
        if not plant.alternatives:
            raise EconError(f"{plant.file_name} has no Alternatives sheet; name a second workbook to compare with")
        cases = alternative_cases(plant)
    cur = plant.currency
    steps = [incremental(cases[0], case) for case in cases[1:]]  # refused (other service life) before printing
    rows: list[tuple[str, ...]] = [("", *(case.name for case in cases))]
    for key, decimals in (("capital_total", 0), ("opex_energy", 0), ("opex_labour", 0), ("opex_depreciation", 0),
                          ("opex_maintenance", 0), ("opex_per_month", 0), ("specific_cost", 2),
                          ("byproduct_revenue_per_month", 0), ("net_effect_per_month", 0), ("npv", 0)):
        unit = cases[0].results.model.get(key).unit
        rows.append((f"{figure_label(key)} [{unit}]", *(format_number(case.value(key), decimals) for case in cases)))
    years = cases[0].flows().size - 1
    for key in ("irr", "payback", "discounted_payback"):
        rows.append((figure_label(key), *(metric_text(case.metric(key), key, "en", years) for case in cases)))
    print_table(rows)
    print(f"Incremental cases (alternative minus {cases[0].name}), NPV at "
          f"{format_number(cases[0].value('discount_rate') * 100, 1)} %:")
    rows = [("", "NPV [" + cur + "]", "IRR", "payback", "discounted payback")]
    for step in steps:
        rows.append((step.name, format_number(step.npv, 0), metric_text(step.irr, "irr", "en", years),
                     metric_text(step.payback, "payback", "en", years),
                     metric_text(step.discounted_payback, "payback", "en", years)))
    print_table(rows)
    _print_warnings([case.plant for case in cases] if args.other else [plant], [case.name for case in cases])
    return EXIT_OK


def _print_warnings(plants: list, names: list[str]) -> None:  # noqa: ANN001 - Plant
    """The plausibility warnings of every case compared (the audits of each alternative included)."""
    from econ.api import model_with_audits
    from econ.checks.audits import WARNING, run_audits
    from econ.checks.case_audits import alternative_audits
    from econ.model.figures import evaluate

    lines = []
    for index, plant in enumerate(plants):
        model = model_with_audits(plant)
        base = run_audits(plant, evaluate(model, plant.inputs()), [])
        for audit in base + alternative_audits(plant, model):
            if audit.status == WARNING:
                who = audit.case or names[index]
                title = audit.title().removeprefix(f"{audit.case}: ")
                lines.append(f"  {who}: {title}: {audit.message()}")
    print(f"Plausibility warnings of the cases: {len(lines)}")
    for line in lines:
        print(line)
