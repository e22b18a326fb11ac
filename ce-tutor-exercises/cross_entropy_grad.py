"""Exercise 9 of 10: the gradient of softmax cross-entropy.

Training a K-class model moves each row of logits against the gradient of that example's loss,
L_i = cross_entropy(logits, labels)[i], with respect to the row's K logits.

Task: write cross_entropy_grad(logits, labels).
    logits: a numpy array of shape (N, K), every value finite.
    labels: a numpy integer array of shape (N,), each in 0..K-1.
    Returns dL_i/dz_ik for every example i and class k: an array of shape (N, K).
    It must be accurate for logits of any size: 1000, -1000, or spread by 1e4.

Checked by `ce-tutor exercises check cross_entropy_grad` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12), element by element.
Use Python and numpy only; your other exercise files can be imported.
"""

import numpy as np


def cross_entropy_grad(logits, labels):
    # TODO: return the gradient of each row's loss, shape (N, K).
    raise NotImplementedError("cross_entropy_grad(logits, labels) is not written yet")
