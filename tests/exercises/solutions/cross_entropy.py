"""Reference solution (tests only, never shipped): z[y] − log-sum-exp, in log space."""

import numpy as np
from log_sum_exp import log_sum_exp


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=float)
    return log_sum_exp(z) - z[np.arange(len(z)), labels]
