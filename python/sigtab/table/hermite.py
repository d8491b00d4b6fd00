"""The table kernels by cubic Hermite interpolation (same table as ``sigtab.table``)."""

from .._ufunc import family as _family

expit, expit_grad, expit_and_grad = _family(2, "by cubic Hermite interpolation in a table")

__all__ = ["expit", "expit_grad", "expit_and_grad"]
