from typing import Final

import numpy as np

UFUNCS: Final[dict[str, dict[str, np.ufunc]]]
MAX_ERR: Final[dict[str, dict[str, dict[str, float]]]]
BACKEND: Final[str]
__version__: Final[str]
