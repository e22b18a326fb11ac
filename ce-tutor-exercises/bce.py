"""Exercise 2 of 10: binary cross-entropy from a probability.

A binary classifier predicts p, the probability that the label is 1. Binary cross-entropy is
the surprise of the label that actually came: the loss of p when the label is y.

Task: write bce(p, y).
    p: probabilities in [0, 1]; y: labels, each 0 or 1. Floats or numpy arrays that broadcast.
    Returns one loss per element: a float for floats, an array for arrays.
    It must be exact at the edges: a certain and right prediction (p = 1 with y = 1, or p = 0
    with y = 0) costs 0; a certain and wrong one costs inf; p = 1e-300 with y = 1 costs about 690.8.

Checked by `ce-tutor exercises check bce` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only.
"""

import numpy as np


def bce(p, y):
    # TODO: return the binary cross-entropy of p for label y.
    raise NotImplementedError("bce(p, y) is not written yet")
