"""Chemical formulas in running text, written with subscripts: Bi2O3 -> Bi₂O₃ (Unicode, for charts) or
``Bi<sub>2</sub>O<sub>3</sub>`` (HTML, for the PDF report).

A word is a formula when it reads wholly as element symbols (``Na``, ``N``, ``O``), bracketed groups and
counts of 1 to 99, has a count, and names at least two elements (``NaNO3``, ``H2SiF6``, ``CH3SO3H``,
``(NH4)2SO4``), or is an ion with a count and its charge (``Pb2+``, ``NO3-``; not ``Na+``, and not the
spaced ``SO4 2-``). What is left alone:

- a word of capitals and a final number only (``IP54``, ``AB12``, ``CO12``) unless it is a known molecule
  (:data:`CAPITAL_MOLECULES`: ``CO2``, ``SO4``, ``HNO3``...): spreadsheet cells and ratings look so;
- a word touching ``!``, ``$``, ``:``, ``.``, ``_`` or another letter or digit: cell addresses
  (``Capital!C3``, ``B2:B9``) and identifiers (``bi2o3_price``, ``feed.Bi2O3``); units are lower case
  (``kWh/m3``);
- single elements with a count (``C3``, ``O2``: a cell or a molecule, the text does not say), years
  (``2028``) and lower-case words (``m3``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_ELEMENTS = frozenset("""
H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr
Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir
Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh
Fl Mc Lv Ts Og
""".split())

#: Formulas of capitals and one final count that name two elements: read as molecules, not as cells.
CAPITAL_MOLECULES = frozenset({"CO2", "CO3", "SO2", "SO3", "SO4", "NO2", "NO3", "NH3", "NH4", "PO4", "CH4", "CS2",
                               "SF6", "UF6", "BF4", "BO3", "HNO3", "HNO2", "HCO3", "HSO4", "HPO4", "CH3"})

# a candidate word: starts with a capital or "(", made of letters, digits and brackets, with an ion's charge
_CANDIDATE = re.compile(r"(?<![\w!$:.\\])([A-Z(][A-Za-z0-9()]*[A-Za-z0-9)])((?:\d?[+\-−])?)(?=$|[\s,;)\]»”\"'.:&<-])")
_PART = re.compile(r"([A-Z][a-z]?|\(|\))(\d*)")
_CAPITALS_AND_COUNT = re.compile(r"[A-Z]+\d+")


def _parts(word: str) -> list[tuple[str, str]] | None:
    """``word`` as (symbol or bracket, count) pairs, or None when it is not a formula's shape."""
    parts, position, depth = [], 0, 0
    while position < len(word):
        match = _PART.match(word, position)
        if match is None:
            return None
        symbol, count = match.groups()
        if symbol == "(":
            if count:
                return None
            depth += 1
        elif symbol == ")":
            depth -= 1
            if depth < 0:
                return None
        elif symbol not in _ELEMENTS:
            return None
        if count and (count.startswith("0") or int(count) > 99):
            return None
        parts.append((symbol, count))
        position = match.end()
    return parts if depth == 0 else None


def _is_formula(word: str, charge: str) -> list[tuple[str, str]] | None:
    """The parts of ``word`` when it is a formula (or, with ``charge``, an ion), else None."""
    parts = _parts(word)
    if parts is None:
        return None
    elements = [symbol for symbol, _ in parts if symbol not in "()"]
    has_count = any(count for _, count in parts)
    if charge:  # Pb2+, Fe3+, NO3-; not Na+ or Cl- (No- and As- are words)
        return parts if has_count else None
    if not has_count or len(elements) < 2:
        return None
    if _CAPITALS_AND_COUNT.fullmatch(word) and word not in CAPITAL_MOLECULES:
        return None
    return parts


def _rewrite(text: str, subscript: Callable[[str], str], superscript: Callable[[str], str]) -> str:
    def replace(match: re.Match[str]) -> str:
        word, charge = match.group(1), match.group(2)
        parts = _is_formula(word, charge)
        if parts is None:
            return match.group(0)
        if charge and len(parts) == 1:  # a single element's count is its charge: Pb2+ is Pb²⁺
            return parts[0][0] + superscript((parts[0][1] + charge).replace("-", "−"))
        written = "".join(symbol + (subscript(count) if count else "") for symbol, count in parts)
        return written + (superscript(charge.replace("-", "−")) if charge else "")

    return _CANDIDATE.sub(replace, text)


_SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789+−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")


def unicode_formulas(text: str) -> str:
    """``text`` with the counts of its chemical formulas as Unicode subscripts (``Bi₂O₃``, ``Pb²⁺``)."""
    return _rewrite(text, lambda count: count.translate(_SUBSCRIPT_DIGITS),
                    lambda charge: charge.translate(_SUPERSCRIPT_DIGITS))


def html_formulas(text: str) -> str:
    """``text`` (already HTML-escaped) with its chemical formulas' counts in ``<sub>`` and charges in ``<sup>``
    (``Bi<sub>2</sub>O<sub>3</sub>``, ``Pb<sup>2+</sup>``)."""
    return _rewrite(text, lambda count: f"<sub>{count}</sub>", lambda charge: f"<sup>{charge}</sup>")
