"""The table kernels: ``expit``, ``expit_grad`` and ``expit_and_grad`` by linear interpolation in
a table over [-16, 16] generated when the Rust crate was built (256 entries per unit), with the
exact kernels in the tails. ``MAX_ERR`` holds the published absolute error bounds,
``{"expit": {"float32": e, "float64": e}, "expit_grad": {...}}``, each checked by the crate's
tests. ``sigtab.table.hermite`` has the same functions by cubic Hermite interpolation, far more
accurate for the same memory. numpy ufuncs, like ``sigtab.expit``."""

from .._native import MAX_ERR as _MAX_ERR
from .._native import UFUNCS as _UFUNCS

globals().update(_UFUNCS[__name__])

#: Published absolute error bounds: ``MAX_ERR[function][dtype]``.
MAX_ERR: dict[str, dict[str, float]] = _MAX_ERR[__name__]

from . import hermite  # noqa: E402

__all__ = [*_UFUNCS[__name__], "MAX_ERR", "hermite"]
