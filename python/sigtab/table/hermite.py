"""The table kernels by cubic Hermite interpolation (same table as ``sigtab.table``), with their
published absolute error bounds in ``MAX_ERR``. numpy ufuncs, like ``sigtab.expit``."""

from .._native import MAX_ERR as _MAX_ERR
from .._native import UFUNCS as _UFUNCS

globals().update(_UFUNCS[__name__])

#: Published absolute error bounds: ``MAX_ERR[function][dtype]``.
MAX_ERR: dict[str, dict[str, float]] = _MAX_ERR[__name__]

__all__ = [*_UFUNCS[__name__], "MAX_ERR"]
