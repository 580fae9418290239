"""The risk analysis of one plant for its reports: tornado, spider, Monte Carlo and (if asked) Sobol indices.

``econ run`` calls :func:`analyse_risk` when the workbook has an Uncertainty
sheet or ``--uncertainty N`` is given; the evaluation carries the result
(``Evaluation.uncertainty``), which the verdict (econ.checks.verdict, the
probability of a loss), the PDF's "Sensitivity and risk" section and the
results workbook's Sensitivity sheet read. Every number comes from the same
library functions as ``econ sensitivity`` and ``econ uncertainty`` with the
same seed and samples: the same inputs give the same figures.

Reports draw :data:`REPORT_SAMPLES` samples by default with seed
:data:`REPORT_SEED`: enough for P10/P50/P90 within a few tenths of a percent
of the NPV's spread, and a small share of the run's time (docs/uncertainty.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from econ.errors import ModelError
from econ.inputs.plant import Plant
from econ.inputs.uncertainty_reader import UncertainInput, chosen_inputs
from econ.model import distributions
from econ.model.outcomes import MONTE_CARLO_METRICS, MetricModel
from econ.model.sampling import Sampler
from econ.model.sensitivity import DEFAULT_PERCENT, Spider, Tornado, spider, tornado, tornado_ranges
from econ.model.uncertainty import MonteCarlo, in_process_map, monte_carlo, sobol_indices

REPORT_SAMPLES = 20_000
REPORT_SEED = 0
SPIDER_TOP = 5  # inputs in the spider chart


@dataclass(frozen=True)
class RangeWithoutBase:
    """An uncertain input whose range leaves out the value the base case uses (all in the model's unit): the
    Monte Carlo then describes another plant than the base case, and says so."""

    key: str
    low: float
    high: float
    base: float


def ranges_without_base(plant: Plant, inputs: tuple[UncertainInput, ...] | list[UncertainInput]
                        ) -> tuple[RangeWithoutBase, ...]:
    """The inputs whose range (distributions.value_range) does not contain their base value."""
    found = []
    for item in inputs:
        parameter = plant.parameters[item.key]  # chosen_inputs names only the plant's inputs
        low, high = distributions.value_range(item.distribution, item.parameters)
        tolerance = 1e-9 * max(abs(low), abs(high), abs(parameter.value))  # a range written to its base's digits
        if not low - tolerance <= parameter.value <= high + tolerance:
            found.append(RangeWithoutBase(item.key, low, high, parameter.value))
    return tuple(found)


@dataclass(frozen=True)
class RiskAnalysis:
    """A plant's tornado and spider of NPV, its Monte Carlo over the uncertain inputs, and Sobol indices."""

    samples: int
    seed: int
    inputs: tuple[UncertainInput, ...]
    correlations: tuple[tuple[str, str, float], ...]
    tornado: Tornado
    spider: Spider
    monte_carlo: MonteCarlo
    unquantified: tuple[str, ...]
    sobol: dict[str, object] | None = None
    percent: float = DEFAULT_PERCENT  # the range of a money input without a distribution, +-%
    without_base: tuple[RangeWithoutBase, ...] = ()  # inputs whose range leaves out their base value
    at_base: MonteCarlo | None = None  # the Monte Carlo with those inputs at their base values (None: none such,
    # or no other input varies)
    _statistics: dict[str, dict[str, float | int | None]] = field(default_factory=dict, repr=False)

    def statistics(self) -> dict[str, dict[str, float | int | None]]:
        """The Monte Carlo's statistics per metric (econ.model.uncertainty.summarize), computed once."""
        if not self._statistics:
            self._statistics.update(self.monte_carlo.statistics())
        return self._statistics

    @property
    def probability_of_loss(self) -> float | None:
        """P(NPV < 0) over the samples (0..1), None where no sample has an NPV."""
        value = self.statistics()["npv"].get("prob_negative")
        return None if value is None else float(value)


def has_uncertainty_sheet(plant: Plant) -> bool:
    """Whether the workbook's Uncertainty sheet gives at least one input a distribution."""
    uncertainty = plant.uncertainty
    return bool(uncertainty and any(item.origin == "Uncertainty sheet" for item in uncertainty.inputs))


def analyse_risk(plant: Plant, samples: int = REPORT_SAMPLES, seed: int = REPORT_SEED,
                 sobol_base: int | None = None, percent: float = DEFAULT_PERCENT) -> RiskAnalysis:
    """Tornado (P10-P90 of each distribution, +-``percent`` % of the other money inputs), spider of the top
    inputs, ``samples`` Monte Carlo draws with ``seed``, and Sobol indices of NPV from ``sobol_base`` x
    (inputs + 2) evaluations when ``sobol_base`` is given. Raises ModelError when no input has a distribution."""
    inputs, correlations = chosen_inputs(plant, None)
    if not inputs:
        raise ModelError(f"{plant.file_name}: no input has a distribution for the uncertainty analysis: give an "
                         f"Uncertainty sheet or an estimate class on a Capital row")
    evaluator = MetricModel(plant, MONTE_CARLO_METRICS)
    result = tornado(evaluator, tornado_ranges(plant, inputs, percent=percent), "npv")
    top = [swing.range.key for swing in result.swings[:SPIDER_TOP] if swing.swing]
    outcome = monte_carlo(evaluator, Sampler.of(inputs, correlations), samples, seed, in_process_map())
    indices = (sobol_indices(evaluator, Sampler.of(inputs, correlations), sobol_base, seed, "npv")
               if sobol_base is not None else None)
    unquantified = plant.uncertainty.unquantified if plant.uncertainty else ()
    without_base = ranges_without_base(plant, inputs)
    outside = {item.key for item in without_base}
    kept = [item for item in inputs if item.key not in outside]
    at_base = None
    if without_base and kept:  # a second Monte Carlo, of the same samples and seed, with those at their base values
        kept_correlations = [pair for pair in correlations if not {pair[0], pair[1]} & outside]
        at_base = monte_carlo(evaluator, Sampler.of(kept, kept_correlations), samples, seed, in_process_map())
    return RiskAnalysis(samples, seed, tuple(inputs), tuple(correlations), result, spider(evaluator, top, "npv"),
                        outcome, tuple(unquantified), indices, percent, without_base=without_base, at_base=at_base)
