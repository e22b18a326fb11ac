"""Exercise 4 of 10: binary cross-entropy from the logit.

Models output a logit z; the probability of label 1 is sigma(z) = 1 / (1 + e^(-z)). Libraries
compute the loss from z directly (PyTorch's BCEWithLogitsLoss, Keras' from_logits=True)
because going through sigma(z) breaks for large |z|.

Task: write bce_with_logits(z, y).
    z: logits, finite; y: labels, each 0 or 1. Floats or numpy arrays that broadcast.
    Returns the binary cross-entropy of sigma(z) for label y, one loss per element: a float for
    floats, an array for arrays.
    It must be finite and accurate for every finite z, including |z| up to 1000.

Checked by `ce-tutor exercises check bce_with_logits` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only; your other exercise files can be imported (from softplus import softplus).
"""

import numpy as np


def bce_with_logits(z, y):
    # TODO: return the loss of logit z for label y, without forming sigma(z).
    raise NotImplementedError("bce_with_logits(z, y) is not written yet")
