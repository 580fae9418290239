"""Which inputs a workbook marks as assumptions: one rule for the reports' lists and the risk analysis.

A scalar input is an assumption when its source says "assumption" (or
"assumed", «допущение», «предположение», or begins «принято»). A table row
shares one source among its fields, written as ``field: text`` segments
("load_factor: assumption: ..."; "molar mass: IUPAC standard atomic weight"):
a field with its own segment is an assumption when that segment says so; the
text before the first segment speaks for the fields without one, except where
it names the field it assumes ("assumption: quantity 1" assumes only the
quantity).

The source is judged as entered, whatever language a report shows it in. A
chain input's source (Streams, Payables, StageEnergy) names components rather
than fields ("Cu: assumption: 0.55 %"): the reports list it when it speaks of an
assumption anywhere (:func:`assumption_text`), the risk analysis counts it an
assumption without a range only when it begins so or names the input's own
field (:func:`is_assumed`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from econ.inputs import schema

# a source that says one of these marks its input as an assumption
_ASSUMPTION_WORD = re.compile(r"\b(?:assumption|assumed)\b|допущени|предположени|(?:^|:\s*)принято\b",
                              re.IGNORECASE)


def _field_pattern(name: str) -> str:
    """A field named in a source as ``load_factor``, ``load factor`` or ``on-cost rate``."""
    return re.escape(name).replace("_", "[_ -]")


def _field_name(written: str) -> str:
    """The field a source names as ``Load factor`` or ``on-cost rate``: ``load_factor``, ``on_cost_rate``."""
    return written.lower().replace(" ", "_").replace("-", "_")


@lru_cache(maxsize=8192)  # a table's rows share their source: 100,000 rows, a few texts
def assumption_text(source: str, key: str) -> str | None:
    """The part of ``source`` that makes the input ``key`` (``equipment.1.load_factor``, ``discount_rate``) an
    assumption, or None when it is not one."""
    parts = key.split(".")
    spec = _table_of(key)
    if spec is None:  # a scalar input, whose source is its own; or a chain input, whose source names components
        # ("Cu: assumption"), which are not fields
        return source if _ASSUMPTION_WORD.search(source) else None
    names = [field_spec.name for field_spec in spec.fields]
    markers = re.compile(r"(?<![\w])(" + "|".join(_field_pattern(name) for name in names) + r")\s*:", re.IGNORECASE)
    segments: dict[str, str] = {}
    found = list(markers.finditer(source))
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(source)
        name = _field_name(match.group(1))
        segments.setdefault(name, source[match.start():end].strip())
    field_name = parts[2]
    if field_name in segments:
        return segments[field_name] if _ASSUMPTION_WORD.search(segments[field_name]) else None
    leading = source[:found[0].start()] if found else source
    # a field named by its name or by its first word when that says enough ("assumption: no salvage")
    words = {name: name for name in names} | {name.split("_")[0]: name for name in names
                                              if "_" in name and len(name.split("_")[0]) >= 6}
    named = re.compile(r"\b(?:assumption|assumed)\s*:?\s*(?:no\s+)?(" + "|".join(
        _field_pattern(word) for word in sorted(words, key=len, reverse=True)) + r")\b", re.IGNORECASE)
    assumed_fields = {words[_field_name(match.group(1))] for match in named.finditer(leading)}
    if field_name in assumed_fields:
        return source
    general = named.sub("", leading)  # the assumptions that name no field speak for every field without a segment
    return source if _ASSUMPTION_WORD.search(general) else None


def is_assumed(source: str, key: str) -> bool:
    """Whether ``source`` marks the input ``key`` as an assumption on its own: :func:`assumption_text`, except
    that a chain input must have a source that begins with the word or names its field ("recovery:
    assumption"): a stream's source that assumes one component's content does not make its mass an assumption."""
    if "." in key and _table_of(key) is None:  # a chain input
        text = source.strip()
        own_field = rf"\b{_field_pattern(key.split('.')[-1])}\s*:\s*(?:{_ASSUMPTION_WORD.pattern})"
        return bool(_ASSUMPTION_WORD.match(text) or re.search(own_field, text, re.IGNORECASE))
    return assumption_text(source, key) is not None


def _table_of(key: str) -> schema.TableSpec | None:
    """The table of schema.TABLES an input key (``equipment.1.load_factor``) belongs to; None for a scalar input
    or a chain input (``streams.3.mass``, ``streams.3.0.amount``)."""
    parts = key.split(".")
    return next((spec for spec in schema.TABLES if spec.key == parts[0]), None) if len(parts) == 3 else None
