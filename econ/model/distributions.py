"""Probability distributions of uncertain inputs, as inverse cumulative distribution functions over arrays.

Every distribution is sampled by its inverse CDF (``ppf``) applied to uniform
numbers in (0, 1): independent uniforms for plain Monte Carlo, the normal
scores of a Gaussian copula for correlated inputs (econ.model.sampling), the
points of a Sobol sequence for Sobol indices, and single probabilities (0.1,
0.9) for a tornado's P10 and P90. Parameters are in the input's model unit and
follow :data:`econ.inputs.uncertainty_reader.DISTRIBUTIONS`:

- ``uniform(low, high)``;
- ``triangular(low, mode, high)``;
- ``pert(low, mode, high)``: the beta-PERT, a beta distribution on [low, high]
  with shapes ``1 + 4 (mode - low) / (high - low)`` and ``1 + 4 (high - mode) / (high - low)``
  (mean ``(low + 4 mode + high) / 6``);
- ``normal(mean, sd)``;
- ``lognormal(mean, sd)``: the mean and standard deviation of the input itself
  (not of its logarithm): ``sigma^2 = ln(1 + sd^2 / mean^2)``, ``mu = ln(mean) - sigma^2 / 2``;
- ``discrete(values..., probabilities...)``: the values, then their probabilities.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

_TINY = 2.0 ** -54  # keeps the inverse normal CDF finite at a uniform draw of exactly 0


def ppf(distribution: str, parameters: tuple[float, ...], probability: np.ndarray | float) -> np.ndarray:
    """The value of the input at cumulative ``probability`` (in [0, 1)), in the input's unit."""
    u = np.asarray(probability, dtype=float)
    if distribution == "uniform":
        low, high = parameters
        return low + u * (high - low)
    if distribution == "triangular":
        low, mode, high = parameters
        split = (mode - low) / (high - low)
        rising = low + np.sqrt(u * (high - low) * (mode - low))
        falling = high - np.sqrt((1.0 - u) * (high - low) * (high - mode))
        return np.where(u < split, rising, falling)
    if distribution == "pert":
        low, _mode, high = parameters
        return low + (high - low) * special.betaincinv(*pert_shape(*parameters), u)
    if distribution == "normal":
        mean, sd = parameters
        return mean + sd * special.ndtri(np.clip(u, _TINY, 1.0 - _TINY))
    if distribution == "lognormal":
        mu, sigma = lognormal_parameters(*parameters)
        return np.exp(mu + sigma * special.ndtri(np.clip(u, _TINY, 1.0 - _TINY)))
    if distribution == "discrete":
        count = len(parameters) // 2
        values = np.asarray(parameters[:count], dtype=float)
        cumulative = np.cumsum(parameters[count:])
        index = np.searchsorted(cumulative, u, side="right")
        return values[np.minimum(index, count - 1)]
    raise ValueError(f"unknown distribution {distribution!r}")


def pert_shape(low: float, mode: float, high: float) -> tuple[float, float]:
    """The beta shape parameters (alpha, beta) of a PERT distribution on [low, high] with its mode."""
    return 1.0 + 4.0 * (mode - low) / (high - low), 1.0 + 4.0 * (high - mode) / (high - low)


def draw(distribution: str, parameters: tuple[float, ...], stream: np.random.Generator, count: int) -> np.ndarray:
    """``count`` independent draws from the distribution with numpy's own generators (faster than the inverse
    CDF, which is kept for correlated inputs, Sobol points and percentiles)."""
    if distribution == "uniform":
        low, high = parameters
        return low + (high - low) * stream.random(count)
    if distribution == "triangular":
        low, mode, high = parameters
        return stream.triangular(low, mode, high, count)
    if distribution == "pert":
        low, _mode, high = parameters
        return low + (high - low) * stream.beta(*pert_shape(*parameters), count)
    if distribution == "normal":
        return stream.normal(parameters[0], parameters[1], count)
    if distribution == "lognormal":
        mu, sigma = lognormal_parameters(*parameters)
        return stream.lognormal(mu, sigma, count)
    if distribution == "discrete":
        return ppf(distribution, parameters, stream.random(count))
    raise ValueError(f"unknown distribution {distribution!r}")


def lognormal_parameters(mean: float, sd: float) -> tuple[float, float]:
    """``(mu, sigma)`` of the logarithm of a lognormal input with this mean and standard deviation."""
    variance = math.log1p((sd / mean) ** 2)
    return math.log(mean) - variance / 2.0, math.sqrt(variance)


def mean(distribution: str, parameters: tuple[float, ...]) -> float:
    """The expected value of the distribution, in the input's unit."""
    if distribution == "uniform":
        return (parameters[0] + parameters[1]) / 2.0
    if distribution == "triangular":
        return sum(parameters) / 3.0
    if distribution == "pert":
        low, mode, high = parameters
        return (low + 4.0 * mode + high) / 6.0
    if distribution in ("normal", "lognormal"):
        return parameters[0]
    count = len(parameters) // 2
    return float(np.dot(parameters[:count], parameters[count:]))


def variance(distribution: str, parameters: tuple[float, ...]) -> float:
    """The variance of the distribution, in the input's unit squared."""
    if distribution == "uniform":
        return (parameters[1] - parameters[0]) ** 2 / 12.0
    if distribution == "triangular":
        low, mode, high = parameters
        return (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18.0
    if distribution == "pert":
        low, mode, high = parameters
        alpha = 1.0 + 4.0 * (mode - low) / (high - low)
        beta = 1.0 + 4.0 * (high - mode) / (high - low)
        return (high - low) ** 2 * alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1.0))
    if distribution in ("normal", "lognormal"):
        return parameters[1] ** 2
    count = len(parameters) // 2
    values, probabilities = np.asarray(parameters[:count]), np.asarray(parameters[count:])
    centre = float(np.dot(values, probabilities))
    return float(np.dot((values - centre) ** 2, probabilities))


CENTRAL_SHARE = 0.99  # the range of an unbounded distribution (normal, lognormal): its central 99 %


def value_range(distribution: str, parameters: tuple[float, ...]) -> tuple[float, float]:
    """The values an input takes, in its unit: the support of a bounded distribution (uniform, triangular,
    PERT, discrete), the central :data:`CENTRAL_SHARE` of an unbounded one (normal, lognormal)."""
    if distribution in ("uniform", "triangular", "pert"):
        return float(parameters[0]), float(parameters[-1])
    if distribution == "discrete":
        values = parameters[: len(parameters) // 2]
        return float(min(values)), float(max(values))
    tail = (1.0 - CENTRAL_SHARE) / 2.0
    return float(ppf(distribution, parameters, tail)), float(ppf(distribution, parameters, 1.0 - tail))


def describe(distribution: str, parameters: tuple[float, ...]) -> str:
    """``uniform(10, 16)``: the distribution as the command line and the reports write it."""
    if distribution == "discrete":
        count = len(parameters) // 2
        pairs = ", ".join(f"{value:g}, {p:g}" for value, p in zip(parameters[:count], parameters[count:]))
        return f"discrete({pairs})"
    return f"{distribution}({', '.join(f'{value:g}' for value in parameters)})"
