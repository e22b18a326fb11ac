"""Reference solution (tests only, never shipped)."""

import numpy as np


def surprise(q):
    with np.errstate(divide="ignore"):
        return -np.log(q)
