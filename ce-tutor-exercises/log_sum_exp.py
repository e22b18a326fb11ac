"""Exercise 6 of 10: log-sum-exp along the classes.

With K classes a model outputs K logits per example. ln(sum over k of e^(z_k)) turns up in the
softmax and in the K-class loss, and must not overflow or underflow.

Task: write log_sum_exp(logits).
    logits: a numpy array of shape (K,) or (N, K), every value finite.
    Returns ln(sum of e^(z_k)) over the last axis (the classes): a float for shape (K,), an
    array of shape (N,) for shape (N, K).
    It must be finite and accurate for any finite logits: 1000, -1000, or spread by 1e4.

Checked by `ce-tutor exercises check log_sum_exp` against ce-tutor's math core:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only.
"""

import numpy as np


def log_sum_exp(logits):
    # TODO: return ln(sum of e^(z_k)) over the last axis.
    raise NotImplementedError("log_sum_exp(logits) is not written yet")
