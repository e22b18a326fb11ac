"""Exercise 5 of 10: the gradient of the loss with respect to the logit.

Gradient descent moves the logit z against dL/dz, where L = bce_with_logits(z, y). This
derivative is why cross-entropy trains well where squared error stalls.

Task: write bce_grad_z(z, y).
    z: logits, finite; y: labels, each 0 or 1. Floats or numpy arrays that broadcast.
    Returns dL/dz for each element: a float for floats, an array for arrays.
    It must work for every finite z, including |z| up to 1000.

Checked by `ce-tutor exercises check bce_grad_z` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only.
"""

import numpy as np


def bce_grad_z(z, y):
    # TODO: return dL/dz of the binary cross-entropy at logit z for label y.
    raise NotImplementedError("bce_grad_z(z, y) is not written yet")
