from typing import Final

import numpy as np

expit: Final[np.ufunc]
expit_grad: Final[np.ufunc]
expit_and_grad: Final[np.ufunc]
MAX_ERR: Final[dict[str, dict[str, float]]]
