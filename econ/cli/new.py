"""``econ new``: write a blank input workbook for an engineer to fill in (econ/inputs/template.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from econ.cli.status import EXIT_OK
from econ.errors import EconError


def register(commands: argparse._SubParsersAction) -> None:
    """Add the command's parser to ``commands``."""
    new = commands.add_parser(
        "new", help="write a blank input workbook to fill in",
        description="Write PATH, an input workbook with every sheet and field econ reads, each with its unit, a "
                    "comment saying what it means, and drop-down lists of units and choices. Light-yellow cells "
                    "are inputs. Every required value is blank: 'econ validate PATH' lists what is left to fill in.")
    new.add_argument("path", metavar="PATH", help="the workbook to write (.xlsx)")
    new.add_argument("--chain", action="store_true",
                     help="add the process-chain sheets (Components, Streams, Payables, StageEnergy); the "
                          "throughput is then counted in t")
    new.add_argument("--alternatives", action="store_true", help="add an Alternatives sheet")
    new.add_argument("--checks", action="store_true",
                     help="add a References sheet (published figures for econ check) and a BreakEven sheet")
    new.add_argument("--currency", metavar="CODE", default="RUB",
                     help="currency of the workbook's money units (default: RUB)")
    new.add_argument("--basis", choices=("m^3", "t"), default=None,
                     help="unit the throughput is counted in (default: m^3, or t with --chain)")
    new.add_argument("--force", action="store_true", help="replace PATH if it exists")
    new.set_defaults(execute=execute)


def execute(args: argparse.Namespace) -> int:
    from econ import units
    from econ.inputs.template import TemplateOptions, write_template
    from econ.report.atomic import write_atomically

    path = Path(args.path)
    if path.suffix.lower() != ".xlsx":
        raise EconError(f"{path}: expected a workbook name ending in .xlsx, got {path.suffix or 'no extension'!r}")
    if path.is_dir():
        raise EconError(f"{path}: is a folder, expected a workbook name ending in .xlsx")
    if path.exists() and not args.force:
        raise EconError(f"{path}: already exists; choose another name or add --force to replace it")
    try:
        units.parse(args.currency)
    except units.UnitError:
        raise EconError(f"--currency {args.currency!r}: expected a currency code such as RUB, USD, EUR") from None
    basis = args.basis or ("t" if args.chain else "m^3")
    if args.chain and basis != "t":
        raise EconError("--basis m^3 with --chain: a process chain counts its feed in t")
    options = TemplateOptions(chain=args.chain, alternatives=args.alternatives, checks=args.checks,
                              currency=args.currency, basis=basis)
    write_atomically(path, lambda temporary: write_template(temporary, options))
    print(f"wrote {path}: fill in the light-yellow cells, then run 'econ validate {path}'")
    return EXIT_OK
