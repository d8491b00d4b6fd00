"""sigtab: the logistic sigmoid and its derivative as numpy ufuncs, exact to 1 ulp and vectorized.

``sigtab.expit`` replaces ``scipy.special.expit`` and ``sigtab.expit_grad`` replaces
``scipy.stats.logistic.pdf`` (``expit(x) * (1 - expit(x))``): faster, within 1 ulp, and without
flushing the tails to zero (``expit(-720.0)`` is the subnormal 2.03e-313, not 0).
``sigtab.table`` and ``sigtab.table.hermite`` have the same functions from a precomputed table.

The rest of the logistic family, within 1 ulp (the loss within 2), here only: ``log_expit`` and
``logit`` (``scipy.special``'s names and conventions), ``softplus`` (``np.logaddexp(0, x)``),
``silu`` (``x * expit(x)``), ``silu_grad``, and ``binary_cross_entropy_with_logits(x, target)``,
of two inputs broadcast together (a scalar target applies to every logit).

Every function is a real ``numpy.ufunc``: scalars, broadcasting, ``out=``, ``where=``,
``dtype=``, ``casting=``, and dispatch to dask, pandas and xarray come from numpy.

>>> import numpy as np, sigtab
>>> sigtab.expit(np.array([-720.0, 0.0]))
array([2.0322308e-313, 5.0000000e-001])
"""

try:
    from . import _native
except ImportError as e:  # pragma: no cover - depends on how Python was started
    raise ImportError(
        "sigtab's native module (sigtab._native) is not built here. This happens when Python "
        "imports the source folder python/sigtab, for example when started from inside "
        "python/: install the package (`pip install ./python` from the repository root) and "
        "import sigtab from any other folder."
    ) from e

globals().update(_native.UFUNCS[__name__])

#: The SIMD backend the kernels run on (detected once at import).
BACKEND: str = _native.BACKEND
#: The package version.
__version__: str = _native.__version__

from . import table  # noqa: E402

__all__ = [*_native.UFUNCS[__name__], "table", "BACKEND", "__version__"]
