"""The API for notebooks: evaluate a plant with overrides and get its figures as dicts and pandas tables.

>>> import econ
>>> result = econ.evaluate("inputs/cr_scheme.xlsx", electricity_price=10.0)   # doctest: +SKIP
>>> result.metrics["npv"], result.cash_flow["Net cash flow [RUB]"]           # doctest: +SKIP
>>> sweep = econ.evaluate("inputs/cr_scheme.xlsx", electricity_price=[5, 10, 15])   # doctest: +SKIP
>>> sweep.metrics[["electricity_price", "npv"]]                                # doctest: +SKIP

An override names an input as the command line does: a field
(``electricity_price``), a model key (``capital.0.cost``) or, for a table row,
``Sheet:row name:field`` (``Capital:RO units:cost``), which a keyword argument
cannot spell: pass those in ``overrides={...}``. A value is in the unit econ
uses for that input (``econ check WORKBOOK --list-inputs`` lists them: RUB,
RUB/kWh, a fraction for a rate). A list or array of values makes a sweep, one
case per index; several arrays must have the same length.

pandas is imported when a table is asked for, not when econ is.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from econ.api import Evaluation, evaluate_plant, write_reports
from econ.errors import InputError
from econ.inputs.plant import Plant
from econ.inputs.problems import suggestion
from econ.inputs.reader import read_plant
from econ.model.build import build_model, run_model
from econ.model.figures import YearlyFigure
from econ.model.live_inputs import check_varied
from econ.model.opex import OPEX_TABLE

if TYPE_CHECKING:
    import pandas as pd

# The summary metrics, in this order: figures of the model, and metrics that may be undefined.
SUMMARY_KEYS = ("npv", "irr", "payback", "discounted_payback", "profitability_index", "specific_cost",
                "opex_per_month", "cash_opex_per_month", "net_effect_per_month", "net_effect_per_year",
                "capital_total")
# Rows of the cash-flow sheet that are not amounts: the year (the table's index) and the helper rows of the
# payback formulas (blank except in the year the payback is reached; the metrics hold the payback)
CASH_FLOW_HELPERS = ("cf.year", "cf.payback_crossing", "cf.discounted_payback_crossing")


def _unit_in_year(unit: str) -> str:
    """A cash-flow row's unit as an amount in its year: RUB/year is RUB in each year's row."""
    return unit.removesuffix("/year")


def _metrics(evaluation_results: Any, model: Any, index: tuple[int, ...] = ()) -> tuple[dict, dict]:  # noqa: ANN401
    """The summary metrics of one case (None where undefined) and the reasons of the undefined ones."""
    metrics: dict[str, float | None] = {}
    reasons: dict[str, str] = {}
    for key in SUMMARY_KEYS:
        if key not in model:
            continue
        if key in evaluation_results.metrics:
            values = evaluation_results.metrics[key]
            reason = values.describe(index)
            metrics[key] = None if reason else float(np.asarray(values.value)[index])
            if reason:
                reasons[key] = reason
        else:
            metrics[key] = float(np.asarray(evaluation_results[key])[index])
    return metrics, reasons


@dataclass
class PlantResult:
    """One evaluated case: summary metrics, cash flow, OPEX lines and checks; reports on request.

    ``metrics`` maps each summary metric (SUMMARY_KEYS) to its value in ``units[key]``, or to None where
    it is undefined (an IRR without a sign change, a payback not reached), with the sentence why in
    ``reasons[key]``. ``evaluation`` is the :class:`econ.api.Evaluation` the tables come from.
    """

    evaluation: Evaluation
    overrides: dict[str, float] = field(default_factory=dict)  # the inputs as named -> value in the model's unit
    metrics: dict[str, float | None] = field(init=False)
    reasons: dict[str, str] = field(init=False)
    units: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        model = self.evaluation.model
        self.metrics, self.reasons = _metrics(self.evaluation.results, model)
        self.units = {key: model.get(key).unit for key in self.metrics}

    @property
    def plant(self) -> Plant:
        return self.evaluation.plant

    @property
    def cash_flow(self) -> pd.DataFrame:
        """The cash-flow table: one row per year (year 0 is the investment), columns named with units."""
        import pandas as pd

        results, model = self.evaluation.results, self.evaluation.model
        rows = [figure for figure in model.figures
                if isinstance(figure, YearlyFigure) and figure.key not in CASH_FLOW_HELPERS]
        table = pd.DataFrame({f"{figure.label} [{_unit_in_year(figure.unit)}]": np.asarray(results[figure.key])
                              for figure in rows})
        table.index = pd.RangeIndex(model.years + 1, name="Year")
        return table

    @property
    def opex(self) -> pd.DataFrame:
        """The OPEX lines per month (energy, labour, depreciation, maintenance, reagents...) and their total."""
        import pandas as pd

        results, model = self.evaluation.results, self.evaluation.model
        unit = f"{self.plant.currency}/month"
        lines = [figure for figure in model.figures if getattr(figure, "section", "") == OPEX_TABLE
                 and figure.unit == unit and figure.key != "cash_opex_per_month"]
        return pd.DataFrame({"line": [figure.label for figure in lines],
                             f"cost [{unit}]": [float(results[figure.key]) for figure in lines]},
                            index=pd.Index([figure.key for figure in lines], name="key"))

    @property
    def cases(self) -> pd.DataFrame:
        """The summary metrics of the base case and of each alternative of the Alternatives sheet, one row each
        (undefined metrics <NA>); a workbook without alternatives has the base case only."""
        import pandas as pd

        evaluation = self.evaluation
        name = self.plant.base_case_name()
        rows = {name: self.metrics}
        for case in evaluation.alternatives:
            rows[case.name] = _metrics(case.results, case.model, () if case.index is None else (case.index,))[0]
        table = pd.DataFrame.from_dict(rows, orient="index").astype("Float64")
        table.index.name = "case"
        return table

    @property
    def checks(self) -> pd.DataFrame:
        """Each published figure of the References sheet against its recomputed value, in the published unit."""
        import pandas as pd

        rows = [{"id": c.reference.id, "figure": c.reference.figure, "case": c.reference.case,
                 "comparison": c.reference.comparison, "published": c.reference.published,
                 "published_high": c.reference.published_high, "computed": c.computed, "unit": c.reference.unit,
                 "tolerance": c.reference.tolerance, "deviation": c.deviation, "verdict": c.verdict,
                 "source": c.reference.source} for c in self.evaluation.comparisons]
        columns = ["id", "figure", "case", "comparison", "published", "published_high", "computed", "unit",
                   "tolerance", "deviation", "verdict", "source"]
        return pd.DataFrame(rows, columns=columns).set_index("id")

    @property
    def audits(self) -> pd.DataFrame:
        """The plausibility audits: status (ok or warning), what was tested and what was found, in English."""
        import pandas as pd

        rows = [{"id": audit.id, "status": audit.status, "title": audit.title("en"), "finding": audit.message("en")}
                for audit in self.evaluation.audits]
        return pd.DataFrame(rows, columns=["id", "status", "title", "finding"]).set_index("id")

    def to_excel(self, path: str | Path) -> Path:
        """Write the results workbook (live formulas over the inputs) to ``path``; returns the path."""
        return self._write(path, "xlsx", None)

    def to_pdf(self, path: str | Path, lang: str | None = None) -> Path:
        """Write the PDF report to ``path``, in ``lang`` ("ru" or "en"; default the workbook's language)."""
        return self._write(path, "pdf", lang)

    def _write(self, path: str | Path, report: str, lang: str | None) -> Path:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".econ-", dir=target.parent) as folder:
            (written,) = write_reports(self.evaluation, folder, (report,), lang)
            os.replace(written, target)
        return target


@dataclass
class SweepResult:
    """Many cases at once: ``metrics`` has one row per case, the overridden inputs first, then each metric.

    A metric undefined in some case is <NA> there, and a column ``KEY reason`` says why.
    """

    plant: Plant
    inputs: dict[str, np.ndarray]  # the inputs as named -> one value per case, in the model's unit
    results: Any  # econ.model.figures.Results over the cases

    @property
    def metrics(self) -> pd.DataFrame:
        import pandas as pd

        cases = len(next(iter(self.inputs.values())))
        table = pd.DataFrame({name: values for name, values in self.inputs.items()})
        model = self.results.model
        for key in SUMMARY_KEYS:
            if key not in model:
                continue
            values = np.broadcast_to(np.asarray(self.results[key], dtype=float), (cases,))
            if key in self.results.metrics:
                metric = self.results.metrics[key]
                status = np.broadcast_to(np.asarray(metric.status), (cases,))
                column = pd.array([None if status[i] else float(values[i]) for i in range(cases)], dtype="Float64")
                table[key] = column
                if status.any():
                    table[f"{key} reason"] = [metric.describe((i,)) if np.asarray(metric.status).ndim else
                                              metric.describe() for i in range(cases)]
            else:
                table[key] = values
        table.index = pd.RangeIndex(cases, name="case")
        return table


def _resolve(plant: Plant, overrides: Mapping[str, Any]) -> dict[str, tuple[str, Any]]:
    """Each override's model key, keyed by the name it was given."""
    keys = {}
    for name, value in overrides.items():
        try:
            key = plant.input_key(name)
        except ValueError as problem:
            hint = suggestion(name, [*plant.parameters, *(key.split(".")[-1] for key in plant.parameters)])
            raise InputError(f"override {name!r} of {plant.file_name}{hint}: expected {problem}") from None
        keys[name] = (key, value)
    return keys


def _as_cases(values: Mapping[str, tuple[str, Any]]) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """Split the overrides into single values and arrays (one value per case), checking the array lengths."""
    scalars, arrays = {}, {}
    for name, (_key, value) in values.items():
        array = np.asarray(value, dtype=float)
        if array.ndim > 1:
            raise InputError(f"override {name!r}: expected a number or a list of numbers, got {array.ndim} dimensions")
        if not np.all(np.isfinite(array)):
            raise InputError(f"override {name!r}: expected finite numbers, got {value!r}")
        (arrays if array.ndim == 1 else scalars)[name] = array if array.ndim == 1 else float(array)
    lengths = {name: len(array) for name, array in arrays.items()}
    if len(set(lengths.values())) > 1:
        listed = ", ".join(f"{name} has {length}" for name, length in lengths.items())
        raise InputError(f"overrides of different lengths ({listed} values): give every array one value per case")
    return scalars, arrays


def _with_values(plant: Plant, values: Mapping[str, float]) -> Plant:
    """``plant`` with some inputs replaced (keyed by model key, in the model's unit)."""
    parameters = dict(plant.parameters)
    for key, value in values.items():
        parameter = parameters[key]
        parameters[key] = replace(parameter, value=value, entered=f"{value:g} {parameter.unit} (override)",
                                  source="override from Python", defaulted="")
    return replace(plant, parameters=parameters)


def evaluate(path_or_plant: str | Path | Plant, overrides: Mapping[str, float | Sequence[float]] | None = None,
             **keyword_overrides: float | Sequence[float]) -> PlantResult | SweepResult:
    """Read (if given a path) and evaluate a plant, with some inputs overridden.

    Overrides come as keyword arguments (``electricity_price=7.5``) and in ``overrides``, a dict that may
    hold names a keyword cannot (``{"Capital:RO units:cost": 9.0e6}``). Values are in the unit econ uses for
    the input. With single values the result is a :class:`PlantResult` (metrics, cash flow, OPEX, checks,
    reports); with lists or arrays, all of one length, a :class:`SweepResult` with one row per case.
    Raises InputError for an input the plant does not have, or arrays of different lengths.
    """
    plant = path_or_plant if isinstance(path_or_plant, Plant) else read_plant(path_or_plant)
    given = {**(overrides or {}), **keyword_overrides}
    scalars, arrays = _as_cases(_resolve(plant, given))
    keys = {name: key for name, (key, _value) in _resolve(plant, given).items()}
    check_varied(plant, build_model(plant), [key for key in keys.values() if key != "service_life"], "overridden")
    if not arrays:
        changed = _with_values(plant, {keys[name]: value for name, value in scalars.items()})
        return PlantResult(evaluate_plant(changed), dict(scalars))
    if "service_life" in (keys[name] for name in arrays):
        raise InputError("override service_life: expected one value; the service life sets the years of the "
                         "cash-flow table and cannot vary between cases")
    changed = _with_values(plant, {keys[name]: value for name, value in scalars.items()})
    results = run_model(changed, {keys[name]: array for name, array in arrays.items()})
    cases = len(next(iter(arrays.values())))
    inputs = {name: np.broadcast_to(np.asarray(value, dtype=float), (cases,)) for name, value in
              {**scalars, **arrays}.items()}
    return SweepResult(changed, inputs, results)

