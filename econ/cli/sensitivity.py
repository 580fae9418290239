"""``econ sensitivity``: a tornado (each input at its low and high end) and a spider (% changes)."""

from __future__ import annotations

import argparse
import json

from econ.cli.status import EXIT_OK
from econ.cli.uncertainty import add_vary


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    parser = commands.add_parser(
        "sensitivity", help="tornado and spider: a metric at each input's low and high end",
        description="Vary each input alone from its low to its high end (the Uncertainty sheet's P10 and P90, "
                    "else -20 %% / +20 %% of every money-valued input) and print the metric at both ends, "
                    "sorted by swing; then the metric against the %% change of the top inputs.")
    parser.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    parser.add_argument("--metric", default="npv", metavar="FIGURE",
                        help="npv (default), irr, payback, discounted_payback, specific_cost or any figure key "
                             "(econ check --list-quantities)")
    parser.add_argument("--alternative", metavar="NAME",
                        help="with --metric npv: the incremental NPV of this alternative over the base case")
    add_vary(parser)
    parser.add_argument("--percent", type=float, default=20.0, metavar="P",
                        help="the range of an input without a distribution: -P %% / +P %% (20)")
    parser.add_argument("--top", type=int, default=5, metavar="K", help="inputs in the spider table (5)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from econ.errors import EconError
    from econ.inputs.reader import read_plant
    from econ.report.timestamp import report_time

    report_time()  # numpy's f2py, which scipy loads, fails on a bad SOURCE_DATE_EPOCH: refuse it in one line first
    from econ.inputs.uncertainty_reader import chosen_inputs
    from econ.model.outcomes import INCREMENTAL, MetricModel
    from econ.model.sensitivity import spider, tornado, tornado_ranges

    if not 0 < args.percent < 100:
        raise EconError(f"--percent {args.percent:g}: expected a number above 0 and below 100")
    if args.top < 0:
        raise EconError(f"--top {args.top}: expected 0 or more inputs")
    if args.alternative and args.metric != "npv":
        raise EconError(f"--alternative {args.alternative!r} takes --metric npv (the incremental NPV), "
                        f"not {args.metric!r}")
    plant = read_plant(args.workbook)
    inputs, _ = chosen_inputs(plant, args.vary)
    metric = INCREMENTAL if args.alternative else args.metric
    evaluator = MetricModel(plant, (metric,), args.alternative)
    result = tornado(evaluator, tornado_ranges(plant, inputs, only_uncertain=bool(args.vary), percent=args.percent),
                     metric)
    top = [swing.range.key for swing in result.swings[: args.top] if swing.swing]
    chart = spider(evaluator, top, metric)
    report = {
        "metric": metric, "base": result.base,
        "inputs": [{"key": swing.range.key, "unit": plant.parameters[swing.range.key].unit,
                    "low": swing.range.low, "high": swing.range.high,
                    "metric_low": swing.metric_low, "metric_high": swing.metric_high, "swing": swing.swing,
                    "basis": swing.range.basis} for swing in result.swings],
        "spider": {"changes_percent": list(chart.changes),
                   "inputs": [{"key": key, "metric": list(values)} for key, values in chart.values.items()]},
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print(plant, report)
    return EXIT_OK


def _print(plant, report: dict) -> None:
    from econ.cli.table import print_table
    from econ.numbers import format_auto

    def show(value: float | None) -> str:
        return format_auto(value, digits=6)

    print(f"{plant.file_name}: {report['metric']} at base {show(report['base'])}; each input alone at its low "
          f"and high end")
    print_table([("input", "low", "high", "unit", f"{report['metric']} low", f"{report['metric']} high", "swing",
                  "range")] + [
        (row["key"], show(row["low"]), show(row["high"]), row["unit"], show(row["metric_low"]),
         show(row["metric_high"]), show(row["swing"]), row["basis"]) for row in report["inputs"]])
    spider = report["spider"]
    if spider["inputs"]:
        print(f"Spider: {report['metric']} against the change of each input from its base value")
        print_table([("input", *(f"{change:+g} %" for change in spider["changes_percent"]))] + [
            (row["key"], *(show(value) for value in row["metric"])) for row in spider["inputs"]])
