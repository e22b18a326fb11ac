"""train_logistic(x, y, lr, epochs) against the training lab's own runs (tutor.lab), from w = b = 0."""

from __future__ import annotations

import numpy as np

from tutor import core, lab
from tutor.exercises.judge import Case, Floats, Mistake, Spec, case, like

#: (n, seed, label noise, lr, epochs, tags): a tiny set written out, the lab's sets, its default run.
#: "early" runs are short enough that a changed step size can be recognised: after many steps at a
#: large rate, rounding alone sends two runs apart.
RUNS = (
    (6, 1, 0.0, 1.0, 1, "moderate early"),
    (6, 1, 0.0, 1.0, 0, "start"),
    (6, 2, 0.0, 0.5, 5, "moderate early"),
    (40, 0, 0.0, 1.0, 50, "moderate"),
    (40, 3, 0.2, 0.5, 200, "moderate"),
    (200, 0, 0.0, lab.DEFAULT_LR, lab.DEFAULT_EPOCHS, "moderate"),
)


def _run(x: Floats, y: Floats, lr: float, epochs: int, loss: lab.Loss = "bce") -> Floats:
    result = lab.train_logistic(x, y, loss=loss, lr=lr, epochs=epochs, w0=0.0, b0=0.0)
    return np.array([result.w, result.b])


def _cases() -> list[Case]:
    items = []
    for n, seed, noise, lr, epochs, tags in RUNS:
        x, y = lab.make_dataset(n=n, seed=seed, label_noise=noise)
        where = f"make_dataset(n={n}, seed={seed}{f', label_noise={noise}' if noise else ''}) from the training lab"
        items.append(
            case(
                x, y, lr, epochs, expected=_run(x, y, lr, epochs), tags=tags, label="" if n <= 6 else f"x, y = {where}"
            )
        )
    return items


def _mean_loss(item: Case, weights: Floats) -> float:
    x, y = item.args[0], item.args[1]
    return float(np.mean(core.bce_with_logits(weights[0] * x + weights[1], y)))


def _explain(item: Case, got: Floats) -> str | None:
    if got.shape != (2,) or not np.isfinite(got).all():
        return None
    return (
        f"Mean loss after training: yours {_mean_loss(item, got):.6g}, the lab's {_mean_loss(item, item.expected):.6g}."
    )


def _descend(item: Case, lr_factor: float = 1.0, epoch_shift: int = 0, loss: lab.Loss = "bce") -> Floats:
    """The lab's run with a changed step size, epoch count or loss (what each mistake amounts to)."""
    x, y, lr, epochs = item.args
    if lr_factor < 0:  # uphill: the lab only takes positive rates, so step by hand
        w = b = 0.0
        for _ in range(epochs):
            g = np.asarray(core.bce_grad_z(w * x + b, y))
            w, b = w + lr * float(np.mean(g * x)), b + lr * float(np.mean(g))
        return np.array([w, b])
    return _run(x, y, lr * lr_factor, max(epochs + epoch_shift, 0), loss)


SPEC = Spec(
    "train_logistic",
    ("x", "y", "lr", "epochs"),
    "whole",
    _cases,
    (
        Mistake(
            "steps uphill",
            "the weights moved with the gradient, so the loss grew; step against it: w ← w − lr·∂L/∂w.",
            like(lambda item: _descend(item, lr_factor=-1.0)),
        ),
        Mistake(
            "the gradient summed, not averaged",
            "the lab descends the mean loss: divide the summed gradient by N (or use np.mean).",
            like(lambda item: _descend(item, lr_factor=float(len(item.args[0]))), among="early"),
        ),
        Mistake(
            "squared error's gradient",
            "that trains (σ(z) − y)²; cross-entropy's gradient with respect to z is just σ(z) − y.",
            like(lambda item: _descend(item, loss="mse")),
        ),
        Mistake(
            "one epoch too many",
            "range(epochs) takes exactly epochs steps.",
            like(lambda item: _descend(item, epoch_shift=1)),
        ),
        Mistake(
            "one epoch too few",
            "range(epochs) takes exactly epochs steps.",
            like(lambda item: _descend(item, epoch_shift=-1)),
        ),
    ),
    returns="(w, b)",
    explain=_explain,
)
