"""Reference solution (tests only, never shipped)."""

import numpy as np
from softmax import softmax


def cross_entropy_grad(logits, labels):
    grad = softmax(logits)
    grad[np.arange(len(grad)), labels] -= 1.0
    return grad
