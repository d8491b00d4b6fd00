"""sigtab: the logistic sigmoid and its derivative for numpy, exact to 1 ulp and vectorized.

``sigtab.expit`` replaces ``scipy.special.expit`` and ``sigtab.expit_grad`` replaces
``scipy.stats.logistic.pdf`` (``expit(x) * (1 - expit(x))``): faster, within 1 ulp, and without
flushing the tails to zero (``expit(-720.0)`` is the subnormal 2.03e-313, not 0).
``sigtab.table`` and ``sigtab.table.hermite`` have the same functions from a precomputed table.

>>> import numpy as np, sigtab
>>> sigtab.expit(np.array([-720.0, 0.0]))
array([2.0322308e-313, 5.0000000e-001])
"""

from . import _native
from ._ufunc import family as _family

expit, expit_grad, expit_and_grad = _family(0, "within 1 ulp")

#: The SIMD backend the kernels run on (detected once at import).
BACKEND = _native.BACKEND

from . import table  # noqa: E402

__all__ = ["expit", "expit_grad", "expit_and_grad", "table", "BACKEND"]
