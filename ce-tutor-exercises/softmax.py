"""Exercise 7 of 10: softmax that never overflows.

softmax turns K logits into K probabilities that sum to 1: softmax(z)_k = e^(z_k) / sum_j e^(z_j).

Task: write softmax(logits).
    logits: a numpy array of shape (K,) or (N, K), every value finite.
    Returns the probabilities, the same shape as logits, each row (last axis) summing to 1.
    It must be accurate for any finite logits: 1000, -1000, or spread by 1e4.

Checked by `ce-tutor exercises check softmax` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12), element by element.
Use Python and numpy only.
"""

import numpy as np


def softmax(logits):
    # TODO: return softmax over the last axis.
    raise NotImplementedError("softmax(logits) is not written yet")
