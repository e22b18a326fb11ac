"""Exercise 10 of 10: train one neuron by gradient descent.

ce-tutor's training lab fits p = sigma(w * x + b) to points x with labels y by full-batch
gradient descent on the mean binary cross-entropy. Reproduce its run.

Task: write train_logistic(x, y, lr, epochs).
    x: a numpy array of shape (N,); y: labels of shape (N,), each 0.0 or 1.0;
    lr: the learning rate (> 0); epochs: how many gradient steps to take (0 or more).
    Start from w = 0 and b = 0. Each epoch takes one step on the mean loss over all N examples,
    computed with the weights from before the step. Return (w, b) after the last epoch.

Checked by `ce-tutor exercises check train_logistic` against the training lab on its own data
sets (up to 300 epochs): w and b must each satisfy
|yours - expected| <= 1e-12 + 1e-9 * |expected| (rtol 1e-9, atol 1e-12).
Use Python and numpy only; your other exercise files can be imported.
"""

import numpy as np


def train_logistic(x, y, lr, epochs):
    # TODO: run gradient descent from w = 0, b = 0 and return (w, b).
    raise NotImplementedError("train_logistic(x, y, lr, epochs) is not written yet")
