"""Reference solution (tests only, never shipped): σ from e^(−|z|), which never overflows."""

import numpy as np


def bce_grad_z(z, y):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    sigma = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return (sigma - y)[()]
