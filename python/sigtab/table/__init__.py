"""The table kernels: ``expit``, ``expit_grad`` and ``expit_and_grad`` by linear interpolation in
a table of 256 entries per unit over [-16, 16] (absolute error within 2.6e-7 in float32 and
2.5e-7 in float64; Hermite: 6.1e-8 and 2e-13; the Rust crate's published bounds, proven by its
tests), with the exact kernels in the tails.
``sigtab.table.hermite`` has the same functions by cubic Hermite interpolation."""

from .._ufunc import family as _family

expit, expit_grad, expit_and_grad = _family(1, "by linear interpolation in a table")

from . import hermite  # noqa: E402

__all__ = ["expit", "expit_grad", "expit_and_grad", "hermite"]
