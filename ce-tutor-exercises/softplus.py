"""Exercise 3 of 10: softplus without overflow.

softplus(z) = ln(1 + e^z) is a smooth version of max(z, 0). It is how the loss of a logit is
written (exercise 4), so it must work for every logit a model can produce.

Task: write softplus(z).
    z: a float or a numpy array of any shape, every value finite.
    Returns ln(1 + e^z) for each z: a float for a float, an array of z's shape for an array.
    It must be finite and accurate for every finite z, including z = 1000 and z = -1000.

Checked by `ce-tutor exercises check softplus` against ce-tutor's math core, for |z| up to 1000:
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only.
"""

import numpy as np


def softplus(z):
    # TODO: return ln(1 + e^z), finite for every finite z.
    raise NotImplementedError("softplus(z) is not written yet")
