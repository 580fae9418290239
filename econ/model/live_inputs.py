"""Which inputs the model reads, so that varying one it does not read is an error, not a sweep that changes nothing.

An input may count only through a formula typed into another input cell
(``Losses!C3`` is ``=Tariffs!C3``, the water price): econ evaluates such a
formula once, when it reads the workbook, so a sweep, a break-even, an
alternative or a Monte Carlo sample that varies the water price would leave
every figure as it was. :func:`check_varied` says so, and names the input
cells whose formulas read it, which are the inputs to vary instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from econ.errors import EconError
from econ.inputs.plant import Parameter, Plant
from econ.model.figures import Model

_REFERENCE = re.compile(r"(?:(?:'(?P<quoted>(?:[^']|'')+)'|(?P<sheet>[A-Za-z_][A-Za-z0-9_.]*))!)?"
                        r"\$?(?P<column>[A-Za-z]{1,3})\$?(?P<row>[0-9]+)\b")


class UnreadInputError(EconError):
    """An input that is to vary is read by no figure of the model."""


def inputs_read(model: Model, plant: Plant) -> frozenset[str]:
    """The input keys that some figure of ``model`` reads (Model.reads, kept per figure)."""
    keys = {key for figure in model.figures for key in model.reads(figure.key)}
    return frozenset(key for key in keys if key in plant.parameters)


def formulas_reading(plant: Plant, parameter: Parameter) -> list[Parameter]:
    """The inputs whose cell formulas refer to ``parameter``'s cell."""
    sheet, cell = parameter.location.sheet, parameter.location.cell.replace("$", "").upper()
    readers = []
    for other in plant.parameters.values():
        if other is parameter or not other.entered.startswith("="):
            continue
        for match in _REFERENCE.finditer(other.entered):
            named = match.group("quoted") or match.group("sheet") or other.location.sheet
            if named.lower() == sheet.lower() and f"{match.group('column').upper()}{match.group('row')}" == cell:
                readers.append(other)
                break
    return readers


def check_varied(plant: Plant, model: Model, keys: Iterable[str], what: str = "varied") -> None:
    """Raise UnreadInputError when one of ``keys`` (inputs to vary) is read by no figure of ``model``."""
    read = inputs_read(model, plant)
    for key in keys:
        if key in plant.parameters and key not in read:
            raise UnreadInputError(unread_message(plant, key, what))


def unread_message(plant: Plant, key: str, what: str = "varied") -> str:
    """Why ``key`` cannot be varied, and what to vary instead."""
    parameter = plant.parameters[key]
    readers = formulas_reading(plant, parameter)
    text = f'{parameter.location} "{key}" cannot be {what}: no figure of the model reads it'
    if readers:
        cells = ", ".join(f"{reader.location} ({reader.entered})" for reader in readers)
        keys = " or ".join(repr(plant.input_name(reader.key)) for reader in readers)
        return (f"{text}; only the formula{'s' if len(readers) > 1 else ''} of {cells} read{'' if len(readers) > 1 else 's'} "
                f"it, and input formulas are evaluated once, when the workbook is read: vary {keys} instead")
    return f"{text}, so varying it would change nothing"
