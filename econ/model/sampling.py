"""Monte Carlo samples of the uncertain inputs, in chunks, each with its own random stream.

The samples are cut into chunks of :data:`CHUNK_SIZE` (the last one shorter).
Chunk ``i`` draws from ``numpy.random.default_rng(SeedSequence(seed, spawn_key=(i,)))``,
the ``i``-th child of ``SeedSequence(seed).spawn``: its numbers depend on the
seed and the chunk's index only, never on how many processes or machines
evaluate the chunks, nor in what order. A run with the same seed and number
of samples therefore gives the same samples, and the same statistics, on one
process or on a Dask cluster of any size.

Correlated inputs follow a Gaussian copula: standard normal scores ``z``
correlated by the Cholesky factor of the normal-score correlation matrix
(``2 sin(pi rho_s / 6)`` for a rank correlation ``rho_s``, which the copula
then reproduces as its Spearman correlation), then ``u = Phi(z)`` and each
input's inverse CDF. Without correlations each input is drawn by numpy's own
generator for its distribution (a beta for PERT), which is faster than the
inverse CDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from econ.inputs.uncertainty_reader import UncertainInput, correlation_matrix
from econ.model import distributions

CHUNK_SIZE = 32_768  # cases per chunk: the arrays of one chunk stay in the processor's cache


def chunk_bounds(samples: int, chunk_size: int = CHUNK_SIZE) -> list[tuple[int, int]]:
    """``(start, stop)`` of each chunk of ``samples`` cases."""
    return [(start, min(start + chunk_size, samples)) for start in range(0, samples, chunk_size)]


def chunk_stream(seed: int, index: int) -> np.random.Generator:
    """The random stream of chunk ``index``: the ``index``-th child of ``SeedSequence(seed).spawn``."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(index,)))


@dataclass(frozen=True)
class Sampler:
    """Draws the uncertain inputs: their distributions and the Cholesky factor of their correlations (or None)."""

    inputs: tuple[UncertainInput, ...]
    cholesky: np.ndarray | None = None

    @classmethod
    def of(cls, inputs: Sequence[UncertainInput], correlations: Sequence[tuple[str, str, float]] = ()) -> Sampler:
        keys = [item.key for item in inputs]
        matrix = correlation_matrix(keys, tuple(correlations))
        correlated = not np.array_equal(matrix, np.eye(len(keys)))
        return cls(tuple(inputs), np.linalg.cholesky(matrix) if correlated else None)

    def uniforms(self, stream: np.random.Generator, count: int) -> np.ndarray:
        """Uniform numbers in (0, 1), shape (count, inputs), correlated through the copula if asked."""
        if self.cholesky is None:
            return stream.random((count, len(self.inputs)))
        scores = stream.standard_normal((count, len(self.inputs))) @ self.cholesky.T
        return special.ndtr(scores)

    def values(self, uniforms: np.ndarray) -> dict[str, np.ndarray]:
        """Each input's values at the uniforms of its column, in the input's unit."""
        return {item.key: distributions.ppf(item.distribution, item.parameters, uniforms[:, column])
                for column, item in enumerate(self.inputs)}

    def chunk(self, seed: int, index: int, count: int) -> dict[str, np.ndarray]:
        """The ``count`` samples of chunk ``index``: independent inputs by numpy's generators, one input after
        the other; correlated ones through the copula and their inverse CDFs."""
        stream = chunk_stream(seed, index)
        if self.cholesky is None:
            return {item.key: distributions.draw(item.distribution, item.parameters, stream, count)
                    for item in self.inputs}
        return self.values(self.uniforms(stream, count))
