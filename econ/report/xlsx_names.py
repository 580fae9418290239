"""Names in the results workbook: defined names of the key figures, and the sheet names of alternatives.

A defined name (``discount_rate``, ``capital_total``, ``npv``) is a
workbook-level name of the base case's cell, so a formula reads
``=capital_total*discount_rate`` rather than ``=Summary!B14*Inputs!C13``. Every
input and every single-valued figure whose key is a plain identifier gets one:
those are the plant's own inputs and totals; row items (``equipment.0.power``)
and yearly rows stay cell references. An alternative's sheets repeat the base
case's layout, so its cells keep plain references (a workbook-level name is
one cell).

An alternative's sheets are named after the alternative ("MSA electrorefining
Cash flow"): Excel allows 31 characters and none of ``[]:*?/\\``, and a
sheet's name must be unique regardless of case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

SHEET_NAME_LIMIT = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LOOKS_LIKE_A_CELL = re.compile(r"^[A-Za-z]{1,3}[0-9]+$|^[RrCc]$|^[Rr][0-9]*[Cc][0-9]*$")
_NAME_LIMIT = 255


def is_valid_name(name: str) -> bool:
    """Whether ``name`` can be a defined name that Excel and LibreOffice read as a name, not a cell."""
    return (bool(_IDENTIFIER.match(name)) and not _LOOKS_LIKE_A_CELL.match(name)
            and len(name) <= _NAME_LIMIT and name.upper() not in ("TRUE", "FALSE"))


def named_keys(keys: Iterable[str]) -> list[str]:
    """The keys (in order) that get a defined name: plain identifiers that are valid names."""
    return [key for key in keys if is_valid_name(key)]


def absolute(address: str) -> str:
    """``C11`` -> ``$C$11``: a defined name refers to a fixed cell."""
    match = re.match(r"^([A-Z]+)([0-9]+)$", address)
    if match is None:
        raise ValueError(f"{address!r} is not a cell address")
    return f"${match.group(1)}${match.group(2)}"


def alternative_prefixes(names: Sequence[str], sheets: Iterable[str],
                         taken: Iterable[str] = ()) -> list[str]:
    """The sheet-name prefix of each alternative ("MSA electrorefining "), in order.

    Each prefix is the alternative's name without the characters Excel forbids,
    shortened so that the prefix and the longest of ``sheets`` fit in 31
    characters, and made unique (case-insensitively, also against ``taken``)
    by a number: "Diaphragm cells 2 ".
    """
    longest = max(len(SHORT_SHEETS.get(sheet, sheet)) for sheet in sheets)
    room = SHEET_NAME_LIMIT - longest - 1  # one space between the prefix and the sheet's own name
    used = {name.casefold() for name in taken}
    prefixes = []
    for number, name in enumerate(names, start=1):
        clean = " ".join(_FORBIDDEN.sub(" ", name).split()).strip("'")
        stem = clean[:room].rstrip() or f"A{number}"
        candidate, copy = stem, 1
        while candidate.casefold() in used:
            copy += 1
            suffix = f" {copy}"
            candidate = stem[:room - len(suffix)].rstrip() + suffix
        used.add(candidate.casefold())
        prefixes.append(candidate + " ")
    return prefixes


SHORT_SHEETS = {"Revenue and losses": "Revenue", "Mass balance": "Balance", "Process chain": "Chain"}


def alternative_sheet(prefix: str, sheet: str) -> str:
    """An alternative's name of one of its sheets: its prefix and the sheet's short name ("MSA electrorefining
    Revenue"), so that an alternative's name of up to 21 characters is kept whole."""
    return prefix + SHORT_SHEETS.get(sheet, sheet)
