"""Exercise 1 of 10: surprise, the loss of one prediction.

A classifier gave probability q to the outcome that actually happened. Its loss for that
prediction is the surprise of the outcome, measured in nats (natural logarithm).

Task: write surprise(q).
    q: a probability in [0, 1], a float or a numpy array of any shape.
    Returns the surprise of each q: a float for a float, an array of q's shape for an array.
    q = 0 is an outcome the model called impossible: its surprise is inf.

Checked by `ce-tutor exercises check surprise` against ce-tutor's math core, for q from
1 down to 1e-300 and 0: |yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only.
"""

import numpy as np


def surprise(q):
    # TODO: return the surprise of q.
    raise NotImplementedError("surprise(q) is not written yet")
