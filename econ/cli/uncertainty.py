"""``econ uncertainty``: Monte Carlo of NPV, IRR, paybacks and specific cost, and Sobol indices."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

from econ.cli.status import EXIT_OK

SOBOL_BASE_SAMPLES = 1024


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    parser = commands.add_parser(
        "uncertainty", help="Monte Carlo of NPV, IRR, paybacks and specific cost over the uncertain inputs",
        description="Draw the inputs of the workbook's Uncertainty sheet (or those --vary names) and evaluate "
                    "NPV, IRR, payback, discounted payback and specific cost for every sample.")
    parser.add_argument("workbook", metavar="WORKBOOK", help="input workbook (.xlsx)")
    parser.add_argument("--samples", type=int, default=10_000, metavar="N", help="number of samples (10000)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0): the same seed, the "
                        "same numbers")
    add_vary(parser)
    parser.add_argument("--alternative", metavar="NAME",
                        help="also the incremental NPV of this alternative of the Alternatives sheet")
    parser.add_argument("--sobol", nargs="?", type=int, const=SOBOL_BASE_SAMPLES, metavar="BASE",
                        help="add first-order and total Sobol indices of NPV (SALib), from BASE x (inputs + 2) "
                             f"evaluations (BASE a power of 2, {SOBOL_BASE_SAMPLES} by default)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run the chunks on a dask.distributed scheduler (tcp://host:8786), or on a local "
                             "cluster of N worker processes (local:N)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.set_defaults(execute=execute)


def add_vary(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vary", action="append", metavar="KEY=DIST(ARGS)",
                        help="vary this input only (repeatable), e.g. electricity_price=uniform(10,16); "
                             "DIST is uniform, triangular, pert, normal, lognormal or discrete")


def execute(args: argparse.Namespace) -> int:
    from econ.errors import EconError
    from econ.inputs.reader import read_plant
    from econ.report.timestamp import report_time

    report_time()  # numpy's f2py, which scipy loads, fails on a bad SOURCE_DATE_EPOCH: refuse it in one line first
    from econ.inputs.uncertainty_reader import chosen_inputs
    from econ.model.cluster import dask_executor, local_workers
    from econ.model.outcomes import INCREMENTAL, MONTE_CARLO_METRICS, MetricModel
    from econ.model.risk import ranges_without_base
    from econ.model.sampling import Sampler
    from econ.model.uncertainty import in_process_map, monte_carlo, sobol_indices

    if args.dask:
        local_workers(args.dask)  # a bad local:N fails before the workbook is read
    plant = read_plant(args.workbook)
    inputs, correlations = chosen_inputs(plant, args.vary)
    keys = MONTE_CARLO_METRICS + ((INCREMENTAL,) if args.alternative else ())
    evaluator = MetricModel(plant, keys, args.alternative)
    sampler = Sampler.of(inputs, correlations)
    if args.samples < 2:
        raise EconError(f"--samples {args.samples}: expected at least 2 samples")
    if args.seed < 0:
        raise EconError(f"--seed {args.seed}: expected a whole number of 0 or more")
    with _progress(args.samples) as bar, (dask_executor(args.dask) if args.dask else nullcontext(in_process_map())) as run:
        outcome = monte_carlo(evaluator, sampler, args.samples, args.seed, run,
                              progress=bar.update if bar is not None else None)
    report = {
        "samples": outcome.samples, "seed": outcome.seed,
        "inputs": [{"key": item.key, "distribution": item.distribution, "parameters": list(item.parameters),
                    "unit": plant.parameters[item.key].unit, "source": item.source, "origin": item.origin}
                   for item in inputs],
        "correlations": [{"input_a": a, "input_b": b, "rank_correlation": rho} for a, b, rho in correlations],
        "metrics": outcome.statistics(),
        "unquantified": list(plant.uncertainty.unquantified) if plant.uncertainty and not args.vary else [],
        "ranges_without_base": [{"key": item.key, "low": item.low, "high": item.high, "base": item.base,
                                 "unit": plant.parameters[item.key].unit}
                                for item in ranges_without_base(plant, inputs)],
    }
    if args.sobol is not None:
        metric = INCREMENTAL if args.alternative else "npv"
        report["sobol"] = sobol_indices(evaluator, sampler, args.sobol, args.seed, metric)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print(plant, report)
    return EXIT_OK


def _progress(samples: int):
    """A tqdm bar on standard error when it is a terminal, shown once the run takes over a second."""
    if not sys.stderr.isatty():
        return nullcontext(None)
    from tqdm import tqdm

    return tqdm(total=samples, unit=" samples", unit_scale=True, file=sys.stderr, delay=1.0, leave=False)


_UNITS = {"npv": "{cur}", "incremental_npv": "{cur}", "irr": "fraction", "payback": "year",
          "discounted_payback": "year", "specific_cost": "{cur}/{basis}"}


def _print(plant, report: dict) -> None:
    from econ.cli.table import print_table
    from econ.numbers import format_auto

    print(f"{plant.file_name}: {report['samples']:,} samples, seed {report['seed']}, "
          f"{len(report['inputs'])} uncertain input(s)")
    for item in report["inputs"]:
        parameters = ", ".join(format_auto(value, digits=6) for value in item["parameters"])
        print(f"  {item['key']}: {item['distribution']}({parameters}) {item['unit']}  [{item['origin']}]")
    rows = [("metric", "unit", "mean", "std", "P5", "P10", "P50", "P90", "P95", "sem", "P(loss/miss)", "undefined")]
    for key, stats in report["metrics"].items():
        unit = _UNITS.get(key, "").format(cur=plant.currency, basis=plant.basis)
        chance = stats.get("prob_negative", stats.get("prob_not_reached"))
        rows.append((key, unit, *(format_auto(stats[name], digits=5) for name in
                                  ("mean", "std", "p5", "p10", "p50", "p90", "p95", "sem")),
                     "" if chance is None else f"{chance:.4f}", f"{stats['undefined']:,}"))
    print_table(rows)
    if report["unquantified"]:
        print(f"Unquantified assumptions (no range): {', '.join(report['unquantified'])}")
    for item in report["ranges_without_base"]:
        print(f"Warning: the range of {item['key']}, {format_auto(item['low'], digits=6)} to "
              f"{format_auto(item['high'], digits=6)} {item['unit']}, leaves out its base value "
              f"{format_auto(item['base'], digits=6)} {item['unit']}: the statistics describe the plant the ranges "
              "give, not the base case")
    if "sobol" in report:
        sobol = report["sobol"]
        print(f"Sobol indices of {sobol['metric']} ({sobol['evaluations']:,} evaluations, 95 % confidence):")
        print_table([("input", "S1", "+-", "ST", "+-")] + [
            (row["key"], f"{row['S1']:.3f}", f"{row['S1_conf']:.3f}", f"{row['ST']:.3f}", f"{row['ST_conf']:.3f}")
            for row in sobol["inputs"]])
