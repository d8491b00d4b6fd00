from typing import Final

import numpy as np

from . import table as table

expit: Final[np.ufunc]
expit_grad: Final[np.ufunc]
expit_and_grad: Final[np.ufunc]
log_expit: Final[np.ufunc]
softplus: Final[np.ufunc]
logit: Final[np.ufunc]
silu: Final[np.ufunc]
silu_grad: Final[np.ufunc]
binary_cross_entropy_with_logits: Final[np.ufunc]
BACKEND: Final[str]
__version__: Final[str]
