"""The report's inputs: the parameters by sheet, the items of the plant, the appendix listing every input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from econ import i18n
from econ.inputs import schema
from econ.inputs.assumptions import assumption_text
from econ.report.document_tables import (Table, _amount, _cell, _entered, _Formatter, _input_value,
                                         _parameter_label, _shown_unit, _source)

if TYPE_CHECKING:
    from econ.checks.evaluation import Evaluation
    from econ.inputs.plant import Plant


def _text(text_id: str, lang: str, **values: object) -> str:
    return i18n.text(text_id, lang, **values)


def _parameters_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Scalar inputs, one per row, by sheet, with units and sources."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("parameter", "value", "unit", "source")]
    table = Table("inputs", _text("report.parameters_caption", lang), headers, ["l", "r", "l", "l"], [28, 11, 11, 50])
    current = None
    for sheet, specs in {**schema.PARAMETER_SHEETS, "Finance": schema.FINANCE_FIELDS}.items():  # Finance: optional
        for spec in specs:
            parameter = plant.parameters.get(spec.name)
            if parameter is None:
                continue
            if sheet != current:
                table.add([_text(f"sheet.{sheet}", lang), "", "", ""], "section")
                current = sheet
            table.add([_text(f"field.{spec.name}", lang), _input_value(parameter.value, parameter.unit, fmt),
                       _shown_unit(parameter.unit, fmt), _source(parameter, lang)])
    return table


def _items_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Table inputs, one row per item with its values together and its source once."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("item", "values", "source")]
    table = Table("items", _text("report.items_caption", lang), headers, ["l", "l", "l"], [20, 32, 48])
    for spec in schema.TABLES:
        rows = plant.rows(spec.key)
        if not rows:
            continue
        table.add([_text(f"sheet.{spec.sheet}", lang), "", ""], "section")
        for row in rows:
            values = []
            for field_spec in spec.fields:
                parameter = row.fields.get(field_spec.name)
                if parameter is None:
                    continue
                values.append(f"{_text(f'field.{field_spec.name}', lang)} {_amount(parameter.value, parameter.unit, fmt)}")
            table.add([row.name, "; ".join(values), row.source])
    return table


def _appendix_table(evaluation: Evaluation, fmt: _Formatter, lang: str) -> Table:
    """Every numeric input as read: its name, value in the model's unit, what was entered, and its cell."""
    plant = evaluation.plant
    headers = [_text(f"report.col.{name}", lang) for name in ("parameter", "value", "unit", "entered", "cell")]
    table = Table("appendix", _text("report.appendix_caption", lang), headers, ["l", "r", "l", "l", "l"],
                  [34, 13, 13, 24, 16])
    for key, parameter in plant.parameters.items():
        # the row's name and the field's label, as everywhere in the report (the cell says where it was read)
        table.add([_parameter_label(key, parameter.label, plant, lang), _input_value(parameter.value, parameter.unit, fmt),
                   _shown_unit(parameter.unit, fmt),
                   _entered(parameter, lang), _cell(parameter, lang)])
    return table


def assumption_source(plant: Plant, key: str) -> str | None:
    """The part of ``key``'s source that makes the input an assumption (econ.inputs.assumptions), "default" for
    a defaulted input, or None when it is not one."""
    parameter = plant.parameters[key]
    if parameter.defaulted or parameter.source.strip().lower() == "default":
        return "default"
    return assumption_text(parameter.entered_source or parameter.source, key)  # as entered, in any report language


def assumptions_list(evaluation: Evaluation, fmt: _Formatter, lang: str) -> list[tuple[str, str, str]]:
    """Every input that is an assumption (its source says so, or a default stands in), as (parameter, value,
    source); consecutive rows of one source give it once, then "the same as above"."""
    plant = evaluation.plant
    rows, previous_source = [], None
    for key, parameter in plant.parameters.items():
        source = assumption_source(plant, key)
        if source is None:
            continue
        # the part of the source that says so, as entered; the whole source in the report's language
        shown_source = _source(parameter, lang) if source == "default" else \
            source if not parameter.entered_source else parameter.source
        shown = _text("report.same_source", lang) if shown_source == previous_source else shown_source
        rows.append((_parameter_label(key, parameter.label, plant, lang), _amount(parameter.value, parameter.unit, fmt),
                     shown))
        previous_source = shown_source
    return rows
