from typing import Final

import numpy as np

from . import table as table

expit: Final[np.ufunc]
expit_grad: Final[np.ufunc]
expit_and_grad: Final[np.ufunc]
BACKEND: Final[str]
__version__: Final[str]
